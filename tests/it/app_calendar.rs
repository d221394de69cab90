//! The calendar use case called directly, without HTTP: the month grid, the list with
//! its past and coming events, what visitors and process leaders see, and the personal feed.

use chrono::{Datelike, Weekday};

use super::app_events::{person, workshop};
use super::helpers::*;
use framsyn::app::calendar::{CalendarRequest, calendar, my_events, personal_feed, renew_feed};
use framsyn::app::events::{RegistrationRequest, Who, register};
use framsyn::domain::event::{EventForm, EventStatus};
use framsyn::storage::audit::Actor;
use framsyn::storage::events as stored;

#[tokio::test]
async fn the_month_grid_has_whole_weeks_with_each_event_on_its_day() {
    let app = spawn_app();
    world(&app);
    let event = workshop(&app, "", "members", None);
    let day = local_day(10);
    let request = CalendarRequest {
        month_view: true,
        month: Some(day.format("%Y-%m").to_string()),
        ..Default::default()
    };
    let tz = app.state.programme.time_zone;
    let leader = person(&app, LEADER);
    let shown = calendar(&app.db, tz, Some(&leader), request).await.unwrap();
    let month = shown.month.expect("the month view names its month");
    assert_eq!(month.value, day.format("%Y-%m").to_string());
    assert!(shown.list.is_empty());
    let days: Vec<_> = shown.weeks.iter().flatten().collect();
    assert!(shown.weeks.iter().all(|week| week.len() == 7));
    let first = chrono::NaiveDate::parse_from_str(&days[0].date, "%Y-%m-%d").unwrap();
    assert_eq!(first.weekday(), Weekday::Mon);
    let with_event: Vec<&str> = days
        .iter()
        .filter(|d| d.events.iter().any(|e| e.id == event))
        .map(|d| d.date.as_str())
        .collect();
    assert_eq!(with_event, vec![day.format("%Y-%m-%d").to_string()]);
}

#[tokio::test]
async fn the_list_shows_coming_or_past_events_that_the_viewer_may_see() {
    let app = spawn_app();
    world(&app);
    let members = workshop(&app, "", "members", None);
    let public = workshop(&app, "", "public", None);
    let tz = app.state.programme.time_zone;
    let ids = |events: &[stored::Event]| events.iter().map(|e| e.id).collect::<Vec<_>>();

    let visitor = calendar(&app.db, tz, None, CalendarRequest::default()).await;
    assert_eq!(ids(&visitor.unwrap().list), vec![public]);
    let a = person(&app, STRATEGIST_A);
    let member = calendar(&app.db, tz, Some(&a), CalendarRequest::default()).await;
    let member = member.unwrap();
    assert_eq!(ids(&member.list).len(), 2);
    assert!(ids(&member.list).contains(&members));
    assert_eq!((member.page, member.pages), (1, 1));

    let past = CalendarRequest {
        past: true,
        ..Default::default()
    };
    let earlier = calendar(&app.db, tz, Some(&a), past).await.unwrap();
    assert!(earlier.list.is_empty());
}

#[tokio::test]
async fn only_process_leaders_see_the_proposals_waiting_for_them() {
    let app = spawn_app();
    let world = world(&app);
    let form = EventForm {
        kind: "other".into(),
        title: "Regional framsynsdag".into(),
        starts: local(20, 9),
        ends: local(20, 12),
        mode: "in_person".into(),
        audience: "members".into(),
        ..Default::default()
    };
    let valid = form.validate(app.state.programme.time_zone, &[]).unwrap();
    let proposed = app
        .db
        .write_blocking(|tx| {
            stored::insert(tx, &valid, EventStatus::Proposed, Some(world.org_a), None)
        })
        .unwrap();
    let tz = app.state.programme.time_zone;
    let leader = person(&app, LEADER);
    let shown = calendar(&app.db, tz, Some(&leader), CalendarRequest::default()).await;
    let pending: Vec<i64> = shown.unwrap().pending.iter().map(|e| e.id).collect();
    assert_eq!(pending, vec![proposed]);
    let b = person(&app, STRATEGIST_B);
    let other = calendar(&app.db, tz, Some(&b), CalendarRequest::default()).await;
    let other = other.unwrap();
    assert!(other.pending.is_empty() && other.can_propose);
}

#[tokio::test]
async fn the_personal_feed_follows_its_token_and_keeps_the_link_for_a_seat() {
    let app = spawn_app();
    world(&app);
    let event = workshop(&app, "1", "members", None);
    let (a, b) = (person(&app, STRATEGIST_A), person(&app, STRATEGIST_B));
    for user in [&a, &b] {
        let actor = Actor {
            user_id: Some(user.id),
            address: None,
        };
        let request = RegistrationRequest {
            who: Who::Myself,
            name: String::new(),
            email: String::new(),
            organisation_id: None,
            answers: Vec::new(),
            honeypot: String::new(),
            lang: None,
        };
        register(&app.db, Some(user), actor, event, request)
            .await
            .unwrap();
    }
    app.db
        .write_blocking(move |tx| {
            tx.execute(
                "UPDATE events SET online_link = 'https://meet.example.se/ws' WHERE id = ?1",
                [event],
            )?;
            Ok(())
        })
        .unwrap();
    let (mine, token) = my_events(&app.db, &b).await.unwrap();
    assert_eq!(mine.len(), 1);
    let (name, events) = personal_feed(&app.db, token.clone())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(name, b.name);
    // B waits for a seat: no online link for them.
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].online_link, None);
    let (_, a_token) = my_events(&app.db, &a).await.unwrap();
    let (_, a_events) = personal_feed(&app.db, a_token).await.unwrap().unwrap();
    assert!(a_events[0].online_link.is_some());

    let actor = Actor {
        user_id: Some(b.id),
        address: None,
    };
    renew_feed(&app.db, &b, actor).await.unwrap();
    assert!(personal_feed(&app.db, token).await.unwrap().is_none());
}
