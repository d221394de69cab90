//! The event use cases called directly, without HTTP: registering (seat, waiting list,
//! refusals), cancelling (the first in line moves up) and what the event page shows whom.

use chrono::Duration;

use super::helpers::*;
use framsyn::app::Error;
use framsyn::app::events::{
    self, Cancellation, MinutesSaved, PartChange, PartChanged, Registration, RegistrationRequest,
    Saved, StatusChange, Who, cancel_registration, register,
};
use framsyn::domain::event::{
    AgendaForm, EventForm, EventStatus, RegistrationStatus, StatusAction,
};
use framsyn::storage::audit::Actor;
use framsyn::storage::events as stored;
use framsyn::storage::users::{self, User};

/// A person of the test world, as the use cases take them.
pub(super) fn person(app: &TestApp, email: &str) -> User {
    let email = email.to_string();
    app.db
        .read_blocking(move |c| {
            let id = users::find_by_email(c, &email)?.expect("a person of the world");
            Ok(users::get(c, id)?.expect("the person"))
        })
        .unwrap()
}

fn actor(user: Option<&User>) -> Actor {
    Actor {
        user_id: user.map(|u| u.id),
        address: None,
    }
}

/// A published workshop in ten days; `closes` is when registration closes (none: at the start).
pub(super) fn workshop(
    app: &TestApp,
    capacity: &str,
    audience: &str,
    closes: Option<String>,
) -> i64 {
    let form = EventForm {
        kind: "workshop".into(),
        phase: "omvarlden".into(),
        title: "Workshop 1: Omvärlden".into(),
        starts: local(10, 9),
        ends: local(10, 16),
        venue: "Näringslivets hus".into(),
        mode: "in_person".into(),
        capacity: capacity.into(),
        audience: audience.into(),
        registration_closes: closes.unwrap_or_default(),
        ..Default::default()
    };
    let valid = form
        .validate(app.state.programme.time_zone, &["omvarlden"])
        .expect("a valid event");
    app.db
        .write_blocking(|tx| stored::insert(tx, &valid, EventStatus::Published, None, None))
        .unwrap()
}

fn myself() -> RegistrationRequest {
    RegistrationRequest {
        who: Who::Myself,
        name: String::new(),
        email: String::new(),
        organisation_id: None,
        answers: Vec::new(),
        honeypot: String::new(),
        lang: None,
    }
}

async fn register_self(app: &TestApp, user: &User, event: i64) -> Registration {
    register(&app.db, Some(user), actor(Some(user)), event, myself())
        .await
        .unwrap()
}

#[tokio::test]
async fn registering_past_capacity_lands_on_the_waiting_list() {
    let app = spawn_app();
    world(&app);
    let event = workshop(&app, "1", "members", None);
    let (a, b) = (person(&app, STRATEGIST_A), person(&app, STRATEGIST_B));
    assert!(matches!(
        register_self(&app, &a, event).await,
        Registration::Confirmed(_)
    ));
    assert!(matches!(
        register_self(&app, &b, event).await,
        Registration::Waiting(_)
    ));
    // Once is enough: the same person again is refused at the form.
    let Registration::Refused { errors, .. } = register_self(&app, &b, event).await else {
        panic!("a second registration of the same person is refused");
    };
    assert_eq!(errors["registration"], "error-already-registered");
}

#[tokio::test]
async fn after_the_deadline_only_a_process_leader_registers() {
    let app = spawn_app();
    world(&app);
    let event = workshop(&app, "", "members", Some(local(1, 9)));
    app.clock.advance(Duration::days(2));
    let a = person(&app, STRATEGIST_A);
    let Registration::Refused {
        event: shown,
        errors,
    } = register_self(&app, &a, event).await
    else {
        panic!("registration after the deadline is refused");
    };
    assert_eq!(shown.id, event);
    assert_eq!(errors["registration"], "error-registration-closed");

    let leader = person(&app, LEADER);
    let request = RegistrationRequest {
        who: Who::Member(a.id),
        ..myself()
    };
    let done = register(&app.db, Some(&leader), actor(Some(&leader)), event, request);
    assert!(matches!(done.await.unwrap(), Registration::Confirmed(_)));
}

#[tokio::test]
async fn a_strategist_registers_only_people_of_their_own_organisation() {
    let app = spawn_app();
    world(&app);
    let event = workshop(&app, "", "members", None);
    let (a, b) = (person(&app, STRATEGIST_A), person(&app, STRATEGIST_B));
    let request = RegistrationRequest {
        who: Who::Member(b.id),
        ..myself()
    };
    let refused = register(&app.db, Some(&a), actor(Some(&a)), event, request).await;
    assert!(matches!(refused, Err(Error::Forbidden)));

    let colleague = RegistrationRequest {
        who: Who::Someone,
        name: "Kim Kollega".into(),
        email: "kim@skane.test".into(),
        ..myself()
    };
    let done = register(&app.db, Some(&a), actor(Some(&a)), event, colleague).await;
    assert!(matches!(done.unwrap(), Registration::Confirmed(_)));
    let listed = app
        .db
        .read_blocking(move |c| stored::registrations(c, event))
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].organisation_id, Some(a.organisation_id));
    assert_eq!(listed[0].user_id, None);
}

#[tokio::test]
async fn a_visitor_registers_by_name_only_for_an_event_open_to_all() {
    let app = spawn_app();
    world(&app);
    let members = workshop(&app, "", "members", None);
    let public = workshop(&app, "", "public", None);
    // A members' event is not there for a visitor at all.
    let hidden = register(&app.db, None, actor(None), members, myself()).await;
    assert!(matches!(hidden, Err(Error::NotFound)));

    let unnamed = register(&app.db, None, actor(None), public, myself()).await;
    let Registration::Refused { errors, .. } = unnamed.unwrap() else {
        panic!("a visitor without name and e-mail is refused");
    };
    assert_eq!(errors["name"], "error-required");
    assert_eq!(errors["email"], "error-required");

    let named = RegistrationRequest {
        name: "Vera Besökare".into(),
        email: "vera@example.se".into(),
        ..myself()
    };
    let done = register(&app.db, None, actor(None), public, named).await;
    assert!(matches!(done.unwrap(), Registration::Received));
}

#[tokio::test]
async fn cancelling_moves_the_first_in_line_up_until_the_deadline() {
    let app = spawn_app();
    world(&app);
    let event = workshop(&app, "1", "members", Some(local(2, 9)));
    let (a, b) = (person(&app, STRATEGIST_A), person(&app, STRATEGIST_B));
    let Registration::Confirmed(seat) = register_self(&app, &a, event).await else {
        panic!("the first registration gets the seat");
    };
    let Registration::Waiting(waiting) = register_self(&app, &b, event).await else {
        panic!("the second waits");
    };

    // Another organisation's strategist may not cancel it.
    let refused = cancel_registration(&app.db, &b, actor(Some(&b)), seat).await;
    assert!(matches!(refused, Err(Error::Forbidden)));

    let done = cancel_registration(&app.db, &a, actor(Some(&a)), seat).await;
    assert!(matches!(
        done.unwrap(),
        Cancellation::Cancelled { event_id } if event_id == event
    ));
    let moved = app
        .db
        .read_blocking(move |c| stored::registration(c, waiting))
        .unwrap()
        .unwrap();
    assert_eq!(moved.status, RegistrationStatus::Confirmed);

    app.clock.advance(Duration::days(3));
    let late = cancel_registration(&app.db, &b, actor(Some(&b)), waiting).await;
    assert!(matches!(late.unwrap(), Cancellation::AfterDeadline(e) if e.id == event));
}

#[tokio::test]
async fn the_event_page_shows_each_viewer_what_is_theirs() {
    let app = spawn_app();
    world(&app);
    let event = workshop(&app, "", "public", None);
    let (a, b) = (person(&app, STRATEGIST_A), person(&app, STRATEGIST_B));
    register_self(&app, &a, event).await;
    register_self(&app, &b, event).await;
    let shown = |viewer: Option<User>| {
        let db = app.db.clone();
        async move {
            let found = events::visible(&db, viewer.as_ref(), event).await.unwrap();
            events::page(&db, viewer.as_ref(), found).await.unwrap()
        }
    };

    let visitor = shown(None).await;
    assert!(visitor.registrations.is_empty() && visitor.mine.is_none());
    assert!(visitor.registration_open && !visitor.online_link_visible);

    let own = shown(Some(a.clone())).await;
    assert_eq!(own.registrations.len(), 1);
    assert_eq!(
        own.registrations[0].organisation_id,
        Some(a.organisation_id)
    );
    assert!(own.mine.is_some_and(|r| r.user_id == Some(a.id)));
    assert!(own.online_link_visible && !own.can_edit);

    let leader = shown(Some(person(&app, LEADER))).await;
    assert_eq!(leader.registrations.len(), 2);
    assert!(leader.leader && leader.can_edit);
    assert_eq!(leader.organisations.len(), 3);
}

fn proposal() -> EventForm {
    EventForm {
        kind: "other".into(),
        title: "Framsynsdag i Skåne".into(),
        starts: local(20, 9),
        ends: local(20, 12),
        mode: "in_person".into(),
        audience: "members".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_strategist_proposes_and_a_process_leader_approves_once() {
    let app = spawn_app();
    world(&app);
    let programme = &app.state.programme;
    let (a, leader) = (person(&app, STRATEGIST_A), person(&app, LEADER));
    let untitled = EventForm {
        title: String::new(),
        ..proposal()
    };
    let refused = events::create(&app.db, programme, &a, actor(Some(&a)), &untitled).await;
    let Saved::Refused(errors) = refused.unwrap() else {
        panic!("an event without a title is refused");
    };
    assert_eq!(errors.get("title"), Some("error-required"));

    let created = events::create(&app.db, programme, &a, actor(Some(&a)), &proposal()).await;
    let Saved::Saved(id) = created.unwrap() else {
        panic!("the proposal is stored");
    };
    let proposed = events::visible(&app.db, Some(&a), id).await.unwrap();
    assert_eq!(proposed.status, EventStatus::Proposed);
    assert_eq!(proposed.organisation_id, Some(a.organisation_id));
    // Not the other region's, and only a process leader approves it.
    let b = person(&app, STRATEGIST_B);
    let hidden = events::visible(&app.db, Some(&b), id).await;
    assert!(matches!(hidden, Err(Error::NotFound)));
    let approve = |user: User| {
        let db = app.db.clone();
        async move {
            let actor = actor(Some(&user));
            events::change_status(&db, &user, actor, id, StatusAction::Approve, "").await
        }
    };
    assert!(matches!(approve(a.clone()).await, Err(Error::Forbidden)));
    assert!(matches!(
        approve(leader.clone()).await.unwrap(),
        StatusChange::Changed
    ));
    let again = approve(leader).await.unwrap();
    assert!(matches!(again, StatusChange::Refused(e) if e.status == EventStatus::Published));
}

#[tokio::test]
async fn the_agenda_stays_within_the_event_and_minutes_keep_every_revision() {
    let app = spawn_app();
    world(&app);
    let tz = app.state.programme.time_zone;
    let event = workshop(&app, "", "members", None);
    let leader = person(&app, LEADER);
    let item = |day: i64| AgendaForm {
        starts: local(day, 10),
        ends: local(day, 11),
        title: "Trender i korthet".into(),
        ..Default::default()
    };
    let outside = item(11);
    let change = PartChange::AddAgendaItem(&outside);
    let refused = events::change_part(&app.db, tz, &leader, actor(Some(&leader)), event, change);
    assert!(matches!(
        refused.await.unwrap(),
        PartChanged::Refused { .. }
    ));
    let inside = item(10);
    let change = PartChange::AddAgendaItem(&inside);
    let added = events::change_part(&app.db, tz, &leader, actor(Some(&leader)), event, change);
    assert!(matches!(added.await.unwrap(), PartChanged::Changed));
    let change = PartChange::DeleteAgendaItem(9999);
    let missing = events::change_part(&app.db, tz, &leader, actor(Some(&leader)), event, change);
    assert!(matches!(missing.await, Err(Error::NotFound)));

    let save = |body: &'static str, is_final: bool| {
        let (db, leader) = (app.db.clone(), leader.clone());
        async move {
            let actor = actor(Some(&leader));
            events::save_minutes(&db, &leader, actor, event, body, is_final)
                .await
                .unwrap()
        }
    };
    assert!(matches!(save("   ", false).await, MinutesSaved::Refused(_)));
    assert!(matches!(
        save("Utkast", false).await,
        MinutesSaved::Saved(1)
    ));
    assert!(matches!(
        save("Slutligt", true).await,
        MinutesSaved::Saved(2)
    ));
    let a = person(&app, STRATEGIST_A);
    let found = events::visible(&app.db, Some(&a), event).await.unwrap();
    let page = events::page(&app.db, Some(&a), found).await.unwrap();
    assert_eq!(page.minutes.map(|m| m.body), Some("Slutligt".to_string()));
    assert_eq!(page.agenda.len(), 1);
}
