//! Scheduling, registration with cap and waiting list, the shared calendar and its feeds.

use axum::http::StatusCode;

use super::helpers::*;
use framsyn::domain::user::Role;
use framsyn::storage::events;

pub(super) fn workshop<'a>(
    starts: &'a str,
    ends: &'a str,
    capacity: &'a str,
    cap: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("kind", "workshop"),
        ("phase", "omvarlden"),
        ("title", "Workshop 1: Omvärlden"),
        ("description", "Två dagar om **trender**."),
        ("starts", starts),
        ("ends", ends),
        ("venue", "Näringslivets hus"),
        ("address", "Storgatan 19, Stockholm"),
        ("mode", "hybrid"),
        ("online_link", "https://meet.example.se/ws1"),
        ("capacity", capacity),
        ("per_organisation_cap", cap),
        ("audience", "members"),
        ("contact_name", "Maria Lind"),
        ("contact_email", "maria@reglab.test"),
    ]
}

/// Creates an event as the process leader and returns its id.
pub(super) async fn create_event(app: &mut TestApp, fields: &[(&str, &str)]) -> i64 {
    app.login(LEADER).await;
    let created = app.post("/events/new", fields).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    created
        .location()
        .trim_start_matches("/events/")
        .parse()
        .unwrap()
}

/// Creates an event as `leader` and returns its id.
pub(super) async fn schedule(leader: &Member, fields: &[(&str, &str)]) -> i64 {
    let created = leader.post("/events/new", fields).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    created
        .location()
        .trim_start_matches("/events/")
        .parse()
        .unwrap()
}

fn count_events(app: &TestApp) -> i64 {
    app.db
        .read_blocking(|c| Ok(c.query_row("SELECT count(*) FROM events", [], |r| r.get(0))?))
        .unwrap()
}

fn registrations(app: &TestApp, event: i64) -> Vec<events::Registration> {
    app.db
        .read_blocking(move |c| events::registrations(c, event))
        .unwrap()
}

#[tokio::test]
async fn a_process_leader_schedules_a_workshop_with_agenda_and_question() {
    let app = spawn_app();
    world(&app);
    let (starts, ends) = (local(30, 9), local(31, 16));
    let leader = app.as_leader().await;
    let id = schedule(&leader, &workshop(&starts, &ends, "80", "4")).await;
    let page = leader.get(&format!("/events/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("Workshop 1: Omvärlden");
    page.assert_contains("<strong>trender</strong>");
    assert_eq!(page.attrs("#event-seats", "data-taken"), ["0"]);
    assert_eq!(page.attrs("#event-seats", "data-capacity"), ["80"]);
    page.assert_contains("meet.example.se");

    let agenda = leader
        .post(
            &format!("/events/{id}/agenda"),
            &[
                ("starts", &local(30, 10)),
                ("ends", &local(30, 11)),
                ("title", "Trendspaning i grupper"),
                ("speaker", "Kajsa Berg"),
            ],
        )
        .await;
    assert_eq!(agenda.status, StatusCode::SEE_OTHER);
    let outside = leader
        .post(
            &format!("/events/{id}/agenda"),
            &[("starts", &local(40, 10)), ("title", "Efteråt")],
        )
        .await;
    assert_eq!(outside.status, StatusCode::UNPROCESSABLE_ENTITY);
    outside.assert_error("error-outside-event");
    outside.assert_contains("value=\"Efteråt\"");
    let question = leader
        .post(
            &format!("/events/{id}/questions"),
            &[
                ("kind", "single_choice"),
                ("label", "Deltar du på middagen?"),
                ("options", "Ja\nNej"),
                ("required", "1"),
            ],
        )
        .await;
    assert_eq!(question.status, StatusCode::SEE_OTHER);
    let page = leader.get(&format!("/events/{id}")).await;
    page.assert_contains("10:00–11:00");
    page.assert_contains("Trendspaning i grupper");
    page.assert_contains("Deltar du på middagen?");
}

#[tokio::test]
async fn bad_events_are_refused_at_the_field_and_nothing_is_stored() {
    let app = spawn_app();
    world(&app);
    let leader = app.as_leader().await;
    let (starts, ends) = (local(30, 9), local(31, 16));
    let cases: [(&str, &str, &str, &str, &str, &str); 4] = [
        (&ends, &starts, "80", "4", "ends", "error-ends-before-start"),
        (&starts, &ends, "0", "", "capacity", "error-positive-number"),
        (
            &starts,
            &ends,
            "-5",
            "",
            "capacity",
            "error-positive-number",
        ),
        (
            &starts,
            &ends,
            "2",
            "3",
            "per_organisation_cap",
            "error-cap-above-capacity",
        ),
    ];
    for (s, e, capacity, cap, field, error) in cases {
        let response = leader
            .post("/events/new", &workshop(s, e, capacity, cap))
            .await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        assert_eq!(response.field_error(field).as_deref(), Some(error));
        assert_eq!(
            response.attrs("#f-title", "value"),
            ["Workshop 1: Omvärlden"],
            "what was typed is kept"
        );
    }
    assert_eq!(count_events(&app), 0);
    let editor = app.as_editor().await;
    assert_eq!(
        editor
            .post("/events/new", &workshop(&starts, &ends, "8", ""))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_strategist_registers_two_and_the_third_is_refused_by_the_cap() {
    let app = spawn_app();
    let w = world(&app);
    let colleague = app.user("kollega@skane.test", w.org_a, &[]);
    let (starts, ends) = (local(30, 9), local(31, 16));
    let leader = app.as_leader().await;
    let id = schedule(&leader, &workshop(&starts, &ends, "80", "2")).await;
    leader
        .post(
            &format!("/events/{id}/questions"),
            &[("kind", "yes_no"), ("label", "Middag?"), ("required", "1")],
        )
        .await;
    let question = app
        .db
        .read_blocking(move |c| events::questions(c, id))
        .unwrap()[0]
        .id;
    let q = format!("q{question}");

    let strategist = app.as_strategist_a().await;
    let unanswered = strategist
        .post(&format!("/events/{id}/register"), &[("person", "self")])
        .await;
    assert_eq!(unanswered.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unanswered.field_error(&q).is_some(), "an error at {q}");
    assert!(registrations(&app, id).is_empty(), "nothing stored");

    let me = strategist
        .post(
            &format!("/events/{id}/register"),
            &[("person", "self"), (&q, "yes")],
        )
        .await;
    assert_eq!(me.status, StatusCode::SEE_OTHER);
    let colleague_id = colleague.to_string();
    let other = strategist
        .post(
            &format!("/events/{id}/register"),
            &[("person", &colleague_id), (&q, "no")],
        )
        .await;
    assert_eq!(other.status, StatusCode::SEE_OTHER);
    let third = strategist
        .post(
            &format!("/events/{id}/register"),
            &[
                ("person", "other"),
                ("name", "Tredje Person"),
                ("email", "tredje@skane.test"),
                (&q, "yes"),
            ],
        )
        .await;
    assert_eq!(third.status, StatusCode::CONFLICT);
    third.assert_error("error-organisation-cap");
    third.assert_contains("value=\"Tredje Person\"");
    let rows = registrations(&app, id);
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r.status.key() == "confirmed"));
    assert_eq!(rows[0].answers, vec![(question, "yes".to_string())]);

    let again = strategist
        .post(
            &format!("/events/{id}/register"),
            &[("person", "self"), (&q, "yes")],
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    again.assert_error("error-already-registered");
}

#[tokio::test]
async fn a_strategist_cannot_register_someone_of_another_organisation() {
    let app = spawn_app();
    let w = world(&app);
    let outsider = app.user("annan@norrbotten.test", w.org_b, &[]);
    let (starts, ends) = (local(30, 9), local(31, 16));
    let leader = app.as_leader().await;
    let id = schedule(&leader, &workshop(&starts, &ends, "80", "")).await;
    let strategist = app.as_strategist_a().await;
    let response = strategist
        .post(
            &format!("/events/{id}/register"),
            &[("person", &outsider.to_string())],
        )
        .await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    let sneaky = strategist
        .post(
            &format!("/events/{id}/register"),
            &[
                ("person", "other"),
                ("name", "X"),
                ("email", "x@norrbotten.test"),
                ("organisation_id", &w.org_b.to_string()),
            ],
        )
        .await;
    assert_eq!(sneaky.status, StatusCode::SEE_OTHER);
    let rows = registrations(&app, id);
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0].organisation_id,
        Some(w.org_a),
        "a strategist's registrations belong to their own organisation"
    );
}

#[tokio::test]
async fn a_full_event_has_a_waiting_list_and_a_cancellation_promotes_the_first_in_line() {
    let app = spawn_app();
    world(&app);
    let (starts, ends) = (local(30, 9), local(30, 16));
    let leader = app.as_leader().await;
    let id = schedule(&leader, &workshop(&starts, &ends, "1", "")).await;
    let strategist_a = app.as_strategist_a().await;
    assert_eq!(
        strategist_a
            .post(&format!("/events/{id}/register"), &[("person", "self")])
            .await
            .location(),
        format!("/events/{id}?registered=confirmed#registration")
    );
    let strategist_b = app.as_strategist_b().await;
    assert_eq!(
        strategist_b
            .post(&format!("/events/{id}/register"), &[("person", "self")])
            .await
            .location(),
        format!("/events/{id}?registered=waiting#registration")
    );
    let editor = app.as_editor().await;
    editor
        .post(&format!("/events/{id}/register"), &[("person", "self")])
        .await;
    let page = editor.get(&format!("/events/{id}")).await;
    assert_eq!(
        page.attrs("p[data-registration]", "data-registration"),
        ["waiting"],
        "the editor is told they are on the waiting list"
    );
    assert_eq!(
        page.attrs("[data-queue-position]", "data-queue-position"),
        ["2"],
        "and their place in it"
    );

    let mine = registrations(&app, id)[0].id;
    let cancelled = strategist_a
        .post(&format!("/registrations/{mine}/cancel"), &[])
        .await;
    assert_eq!(cancelled.status, StatusCode::SEE_OTHER);
    let rows = registrations(&app, id);
    let status_of = |email: &str| rows.iter().find(|r| r.email == email).unwrap().status.key();
    assert_eq!(status_of(STRATEGIST_A), "cancelled");
    assert_eq!(
        status_of(STRATEGIST_B),
        "confirmed",
        "first in line moved up"
    );
    assert_eq!(status_of(EDITOR), "waiting");
    let page = editor.get(&format!("/events/{id}")).await;
    assert_eq!(
        page.attrs("[data-queue-position]", "data-queue-position"),
        ["1"],
        "the editor is next now"
    );
    let page = strategist_b.get(&format!("/events/{id}")).await;
    assert!(
        page.attrs("[data-queue-position]", "data-queue-position")
            .is_empty()
    );

    // Someone else's registration cannot be cancelled by a stranger.
    let editors = rows.iter().find(|r| r.email == EDITOR).unwrap().id;
    assert_eq!(
        strategist_a
            .post(&format!("/registrations/{editors}/cancel"), &[])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn after_the_deadline_only_process_leaders_add_people() {
    let app = spawn_app();
    let w = world(&app);
    let late = app.user("sen@norrbotten.test", w.org_b, &[]);
    let (starts, ends) = (local(5, 9), local(5, 16));
    let mut fields = workshop(&starts, &ends, "50", "");
    let closes = local(-1, 12);
    fields.push(("registration_closes", &closes));
    let opens = local(-10, 12);
    fields.push(("registration_opens", &opens));
    let leader = app.as_leader().await;
    let id = schedule(&leader, &fields).await;
    let strategist = app.as_strategist_a().await;
    let refused = strategist
        .post(&format!("/events/{id}/register"), &[("person", "self")])
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    refused.assert_error("error-registration-closed");
    assert!(registrations(&app, id).is_empty());
    let added = leader
        .post(
            &format!("/events/{id}/register"),
            &[("person", &late.to_string())],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    assert_eq!(registrations(&app, id).len(), 1);
}

#[tokio::test]
async fn before_registration_opens_the_page_says_when_it_opens() {
    let app = spawn_app();
    world(&app);
    let (starts, ends) = (local(30, 9), local(30, 16));
    let mut fields = workshop(&starts, &ends, "50", "");
    let opens = local(3, 9);
    fields.push(("registration_opens", &opens));
    let leader = app.as_leader().await;
    let id = schedule(&leader, &fields).await;
    let strategist = app.as_strategist_a().await;
    let page = strategist.get(&format!("/events/{id}")).await;
    let at = framsyn::domain::event::parse_local(&opens, chrono_tz::Europe::Stockholm)
        .unwrap()
        .timestamp();
    assert_eq!(
        page.attrs("[data-registration=not-yet-open]", "data-opens"),
        [at.to_string()]
    );
    assert!(page.texts("#registration-form").is_empty());
    app.clock.advance(chrono::Duration::days(4));
    let strategist = app.as_strategist_a().await;
    let page = strategist.get(&format!("/events/{id}")).await;
    assert!(page.texts("[data-registration=not-yet-open]").is_empty());
    assert_eq!(page.texts("#registration-form").len(), 1);
}

#[tokio::test]
async fn deactivated_people_are_not_offered_take_no_seat_and_are_marked() {
    let app = spawn_app();
    let w = world(&app);
    let kept = app.user("kvar@skane.test", w.org_a, &[]);
    let gone = app.user("borta@skane.test", w.org_a, &[]);
    let leaving = app.user("slutar@skane.test", w.org_a, &[]);
    let leader = app.as_leader().await;
    let id = schedule(&leader, &workshop(&local(30, 9), &local(30, 16), "1", "")).await;
    for person in [kept, leaving] {
        let done = leader
            .post(
                &format!("/events/{id}/register"),
                &[("person", &person.to_string())],
            )
            .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER);
    }
    let deactivate = |user: i64| {
        app.db
            .write_blocking(move |tx| framsyn::storage::users::set_active(tx, user, false))
            .unwrap()
    };
    deactivate(gone);
    deactivate(leaving);

    let strategist = app.as_strategist_a().await;
    let page = strategist.get(&format!("/events/{id}")).await;
    let offered = page.attrs("#registration-form input[name=person]", "value");
    assert!(offered.contains(&kept.to_string()));
    assert!(!offered.contains(&gone.to_string()), "{offered:?}");
    let refused = strategist
        .post(
            &format!("/events/{id}/register"),
            &[("person", &gone.to_string())],
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    refused.assert_error("error-person-deactivated");

    let list = leader.get(&format!("/events/{id}/registrations")).await;
    assert_eq!(
        list.texts("[data-deactivated]").len(),
        1,
        "the one who left"
    );
    let first = registrations(&app, id)[0].id;
    leader
        .post(&format!("/registrations/{first}/cancel"), &[])
        .await;
    assert!(
        registrations(&app, id)
            .iter()
            .all(|r| r.status != framsyn::domain::event::RegistrationStatus::Confirmed),
        "a deactivated person waiting in line does not move up to a seat"
    );
}

#[tokio::test]
async fn a_cancelled_event_takes_no_registrations_and_says_so() {
    let app = spawn_app();
    world(&app);
    let leader = app.as_leader().await;
    let id = schedule(&leader, &workshop(&local(20, 9), &local(20, 16), "50", "")).await;
    let strategist_b = app.as_strategist_b().await;
    strategist_b
        .post(&format!("/events/{id}/register"), &[("person", "self")])
        .await;
    let cancelled = leader
        .post(
            &format!("/events/{id}/cancel"),
            &[("note", "Vi flyttar till hösten."), ("confirm", "yes")],
        )
        .await;
    assert_eq!(cancelled.status, StatusCode::SEE_OTHER);
    let strategist_a = app.as_strategist_a().await;
    let page = strategist_a.get(&format!("/events/{id}")).await;
    assert_eq!(
        page.attrs("[data-event-status]", "data-event-status"),
        ["cancelled"]
    );
    page.assert_contains("Vi flyttar till hösten.");
    let refused = strategist_a
        .post(&format!("/events/{id}/register"), &[("person", "self")])
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    refused.assert_error("error-event-cancelled");
    let mine = strategist_b.get("/my-events").await;
    assert_eq!(
        mine.attrs(&format!("tr[data-event='{id}']"), "data-event-status"),
        ["cancelled"]
    );
}

/// Cancelling asks first (saying who is told, keeping the note typed); registrants then
/// see the event as cancelled, with no seat and nothing to cancel; a process leader
/// reinstates it and everyone has their seat again.
#[tokio::test]
async fn cancelling_asks_first_shows_registrants_the_cancellation_and_can_be_undone() {
    let app = spawn_app();
    world(&app);
    let leader = app.as_leader().await;
    let id = schedule(&leader, &workshop(&local(20, 9), &local(20, 16), "50", "")).await;
    let strategist_b = app.as_strategist_b().await;
    strategist_b
        .post(&format!("/events/{id}/register"), &[("person", "self")])
        .await;
    let status = |app: &TestApp| {
        app.db
            .read_blocking(move |c| events::get(c, id))
            .unwrap()
            .unwrap()
            .status
            .key()
    };

    let asked = leader
        .post(
            &format!("/events/{id}/cancel"),
            &[("note", "Lokalen är upptagen.")],
        )
        .await;
    assert_eq!(asked.status, StatusCode::OK);
    assert_eq!(
        asked.attrs("[data-confirm]", "data-confirm"),
        ["cancel-event"]
    );
    assert_eq!(asked.attrs("[data-registered]", "data-registered"), ["1"]);
    assert_eq!(asked.attrs("input[name=confirm]", "value"), ["yes"]);
    assert_eq!(asked.texts("textarea[name=note]"), ["Lokalen är upptagen."]);
    assert_eq!(
        status(&app),
        "published",
        "nothing changes before confirming"
    );

    let cancelled = leader
        .post(
            &format!("/events/{id}/cancel"),
            &[("note", "Lokalen är upptagen."), ("confirm", "yes")],
        )
        .await;
    assert_eq!(cancelled.status, StatusCode::SEE_OTHER);
    assert_eq!(status(&app), "cancelled");
    let page = strategist_b.get(&format!("/events/{id}")).await;
    assert_eq!(
        page.attrs("#registration p[data-registration]", "data-registration"),
        ["event-cancelled"]
    );
    assert_eq!(
        page.attrs("#registration li[data-registration]", "data-registration"),
        ["event-cancelled"],
        "the organisation's list says so too"
    );
    assert!(
        page.attrs("form[action^='/registrations/']", "action")
            .is_empty(),
        "nothing to cancel on a cancelled event"
    );
    let mine = strategist_b.get("/my-events").await;
    assert_eq!(
        mine.attrs(
            &format!("tr[data-event='{id}'] [data-registration]"),
            "data-registration"
        ),
        ["event-cancelled"]
    );

    let refused = strategist_b
        .post(&format!("/events/{id}/reinstate"), &[])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let leader_page = leader.get(&format!("/events/{id}")).await;
    assert_eq!(
        leader_page.attrs("#reinstate-form", "action"),
        [format!("/events/{id}/reinstate")]
    );
    let reinstated = leader
        .post(
            &format!("/events/{id}/reinstate"),
            &[("note", "Vi ses som planerat.")],
        )
        .await;
    assert_eq!(reinstated.status, StatusCode::SEE_OTHER);
    assert_eq!(status(&app), "published");
    let page = strategist_b.get(&format!("/events/{id}")).await;
    assert_eq!(
        page.attrs("#registration p[data-registration]", "data-registration"),
        ["confirmed"],
        "the seat is back"
    );
    assert!(
        !page
            .attrs("form[action^='/registrations/']", "action")
            .is_empty(),
        "and it can be cancelled again"
    );
    page.assert_contains("Vi ses som planerat.");
    assert!(!page.body.contains("Lokalen är upptagen."));
    let again = leader.post(&format!("/events/{id}/reinstate"), &[]).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
}

/// 40 registrations at once for capacity 10 and 2 per organisation: 10 organisations send
/// 4 each, so 20 are refused by the cap, 10 get seats and 10 wait, in order of arrival.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn forty_simultaneous_registrations_keep_capacity_and_cap() {
    let mut app = spawn_app();
    world(&app);
    let id = create_event(
        &mut app,
        &workshop(&local(30, 9), &local(30, 16), "10", "2"),
    )
    .await;
    let mut requests = Vec::new();
    for o in 0..10 {
        let org = app.organisation(&format!("Region {o}"), "region");
        let email = format!("strateg{o}@region{o}.test");
        app.user(&email, org, &[Role::Strategist]);
        let cookie = app.session_of(&email).await;
        for p in 0..4 {
            let person_email = format!("person{p}@region{o}.test");
            let name = format!("Person {p} i Region {o}");
            requests.push(form_post(
                &format!("/events/{id}/register"),
                &cookie,
                &[
                    ("person", "other"),
                    ("name", &name),
                    ("email", &person_email),
                ],
            ));
        }
    }
    let statuses = app.concurrent(requests).await;
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::SEE_OTHER)
            .count(),
        20,
        "{statuses:?}"
    );
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CONFLICT)
            .count(),
        20,
        "{statuses:?}"
    );
    let mut rows = registrations(&app, id);
    rows.sort_by_key(|r| r.id);
    assert_eq!(rows.len(), 20);
    let (confirmed, waiting): (Vec<_>, Vec<_>) =
        rows.iter().partition(|r| r.status.key() == "confirmed");
    assert_eq!(confirmed.len(), 10);
    assert_eq!(waiting.len(), 10);
    assert!(
        confirmed
            .iter()
            .all(|c| waiting.iter().all(|w| c.id < w.id)),
        "seats went in order of arrival"
    );
    let mut per_org = std::collections::HashMap::new();
    for r in &rows {
        *per_org.entry(r.organisation_id).or_insert(0) += 1;
    }
    assert!(per_org.values().all(|n| *n <= 2), "{per_org:?}");
}

#[tokio::test]
async fn member_events_wait_for_approval_before_others_see_them() {
    let app = spawn_app();
    world(&app);
    let strategist_a = app.as_strategist_a().await;
    let (starts, ends) = (local(12, 13), local(12, 16));
    let mut fields = workshop(&starts, &ends, "", "");
    fields.retain(|(k, _)| *k != "phase" && *k != "kind" && *k != "title" && *k != "audience");
    fields.extend([
        ("kind", "other"),
        ("title", "Framsynsseminarium i Malmö"),
        ("audience", "public"),
    ]);
    let proposed = strategist_a.post("/events/new", &fields).await;
    assert_eq!(proposed.status, StatusCode::SEE_OTHER, "{}", proposed.body);
    let path = proposed.location().to_string();
    assert_eq!(
        strategist_a
            .get(&path)
            .await
            .attrs("[data-event-status]", "data-event-status"),
        ["proposed"]
    );

    let visitor = app.visitor();
    assert_eq!(visitor.get(&path).await.status, StatusCode::NOT_FOUND);
    assert!(
        !visitor
            .get("/calendar")
            .await
            .body
            .contains("Framsynsseminarium i Malmö")
    );
    let strategist_b = app.as_strategist_b().await;
    assert_eq!(strategist_b.get(&path).await.status, StatusCode::NOT_FOUND);

    let leader = app.as_leader().await;
    let id = path.trim_start_matches("/events/");
    assert_eq!(
        leader
            .get("/calendar")
            .await
            .attrs("[data-pending]", "data-pending"),
        [id],
        "the proposal waits for approval"
    );
    assert_eq!(
        leader
            .post(&format!("/events/{id}/approve"), &[])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let calendar = visitor.get("/calendar").await;
    calendar.assert_contains("Framsynsseminarium i Malmö");
    calendar.assert_contains("Region Skåne");
}

#[tokio::test]
async fn members_events_are_hidden_from_the_public() {
    let app = spawn_app();
    world(&app);
    let leader = app.as_leader().await;
    let id = schedule(&leader, &workshop(&local(30, 9), &local(30, 16), "50", "")).await;
    let visitor = app.visitor();
    assert_eq!(
        visitor.get(&format!("/events/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(!visitor.get("/calendar").await.body.contains("Workshop 1"));
    assert!(
        !visitor
            .get("/calendar.ics")
            .await
            .body
            .contains("Workshop 1")
    );
    assert_eq!(
        visitor.get(&format!("/events/{id}/event.ics")).await.status,
        StatusCode::NOT_FOUND
    );
    leader.get("/calendar").await.assert_contains("Workshop 1");
}

#[tokio::test]
async fn the_calendar_has_a_month_view_and_filters() {
    let app = spawn_app();
    world(&app);
    let starts = local(3, 9);
    let leader = app.as_leader().await;
    let id = schedule(&leader, &workshop(&starts, &local(3, 16), "50", "")).await;
    let month = &starts[..7];
    let view = leader
        .get(&format!("/calendar?view=month&month={month}"))
        .await;
    assert_eq!(view.status, StatusCode::OK);
    view.assert_contains(&format!("href=\"/events/{id}\""));
    view.assert_contains("<th scope=\"col\">Måndag</th>");
    let filtered = leader.get("/calendar?view=list&phase=scenarier").await;
    assert!(!filtered.body.contains(&format!("href=\"/events/{id}\"")));
    let filtered = leader
        .get("/calendar?view=list&phase=omvarlden&kind=workshop")
        .await;
    filtered.assert_contains(&format!("href=\"/events/{id}\""));
    let bad = leader.get("/calendar?view=month&month=garbage").await;
    assert_eq!(
        bad.status,
        StatusCode::OK,
        "an unreadable month falls back to this month"
    );
}

#[tokio::test]
async fn minutes_keep_every_revision_and_drafts_stay_internal() {
    let app = spawn_app();
    world(&app);
    let leader = app.as_leader().await;
    let id = schedule(&leader, &workshop(&local(-3, 9), &local(-2, 16), "50", "")).await;
    leader
        .post(
            &format!("/events/{id}/minutes"),
            &[("body", "Utkast: vi pratade om *trender*.")],
        )
        .await;
    let empty = leader
        .post(&format!("/events/{id}/minutes"), &[("body", "  ")])
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    let strategist = app.as_strategist_a().await;
    let page = strategist.get(&format!("/events/{id}")).await;
    assert!(
        !page.body.contains("Utkast: vi pratade"),
        "a draft is not shown to strategists"
    );
    let editor = app.as_editor().await;
    let saved = editor
        .post(
            &format!("/events/{id}/minutes"),
            &[
                ("body", "Slutlig dokumentation av workshoppen."),
                ("final", "1"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let revisions = app
        .db
        .read_blocking(move |c| events::minutes(c, id))
        .unwrap();
    assert_eq!(revisions.len(), 2);
    strategist
        .get(&format!("/events/{id}"))
        .await
        .assert_contains("Slutlig dokumentation av workshoppen.");
}

#[tokio::test]
async fn registrations_list_csv_and_attendance() {
    let app = spawn_app();
    world(&app);
    let leader = app.as_leader().await;
    let id = schedule(&leader, &workshop(&local(-2, 9), &local(-2, 16), "50", "")).await;
    leader
        .post(
            &format!("/events/{id}/questions"),
            &[
                ("kind", "multiple_choice"),
                ("label", "Kost"),
                ("options", "Vegetarisk\nGlutenfri"),
            ],
        )
        .await;
    let q = format!(
        "q{}",
        app.db
            .read_blocking(move |c| events::questions(c, id))
            .unwrap()[0]
            .id
    );
    leader
        .post(
            &format!("/events/{id}/register"),
            &[
                ("person", "other"),
                ("name", "Åsa Öberg"),
                ("email", "asa@reglab.test"),
                (&q, "Vegetarisk"),
                (&q, "Glutenfri"),
            ],
        )
        .await;
    let list = leader.get(&format!("/events/{id}/registrations")).await;
    assert_eq!(list.status, StatusCode::OK);
    list.assert_contains("Åsa Öberg");
    let csv = leader.get(&format!("/events/{id}/registrations.csv")).await;
    assert!(
        csv.body.contains("Åsa Öberg") && csv.body.contains("Vegetarisk; Glutenfri"),
        "{}",
        csv.body
    );
    let reg = registrations(&app, id)[0].id.to_string();
    let marked = leader
        .post(&format!("/events/{id}/attendance"), &[("attended", &reg)])
        .await;
    assert_eq!(marked.status, StatusCode::SEE_OTHER);
    assert_eq!(registrations(&app, id)[0].attended, Some(true));
    let strategist = app.as_strategist_a().await;
    assert_eq!(
        strategist
            .get(&format!("/events/{id}/registrations"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn attendance_is_marked_from_the_events_start_and_not_before() {
    let app = spawn_app();
    world(&app);
    let leader = app.as_leader().await;
    let id = schedule(&leader, &workshop(&local(2, 9), &local(2, 16), "50", "")).await;
    leader
        .post(
            &format!("/events/{id}/register"),
            &[
                ("person", "other"),
                ("name", "Åsa Öberg"),
                ("email", "asa@reglab.test"),
            ],
        )
        .await;
    let reg = registrations(&app, id)[0].id.to_string();
    let list = leader.get(&format!("/events/{id}/registrations")).await;
    assert_eq!(list.texts("[data-attendance=from-start]").len(), 1);
    assert!(list.attrs("input[name=attended]", "value").is_empty());
    leader
        .post(&format!("/events/{id}/attendance"), &[("attended", &reg)])
        .await;
    assert_eq!(
        registrations(&app, id)[0].attended,
        None,
        "nobody is present at what has not begun"
    );
    app.clock.advance(chrono::Duration::days(3));
    let leader = app.as_leader().await;
    let list = leader.get(&format!("/events/{id}/registrations")).await;
    assert!(list.texts("[data-attendance=from-start]").is_empty());
    assert_eq!(
        list.attrs("input[name=attended]", "value"),
        vec![reg.clone()]
    );
    leader
        .post(&format!("/events/{id}/attendance"), &[("attended", &reg)])
        .await;
    assert_eq!(registrations(&app, id)[0].attended, Some(true));
}

/// The feeds, read by an independent iCalendar parser.
mod feeds {
    use super::*;

    fn parse(text: &str) -> Vec<ical::parser::ical::component::IcalCalendar> {
        ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()))
            .map(|c| c.expect("a valid iCalendar"))
            .collect()
    }

    fn property<'a>(
        event: &'a ical::parser::ical::component::IcalEvent,
        name: &str,
    ) -> Option<&'a ical::property::Property> {
        event.properties.iter().find(|p| p.name == name)
    }

    #[tokio::test]
    async fn feeds_carry_stable_uids_growing_sequences_time_zones_and_cancellations() {
        let mut app = spawn_app();
        world(&app);
        let mut fields = workshop("2030-03-28T09:30", "2030-03-28T16:00", "50", "");
        fields.retain(|(k, _)| *k != "audience");
        fields.push(("audience", "public"));
        let id = create_event(&mut app, &fields).await;

        let first = app.get("/calendar.ics").await;
        assert_eq!(
            first.headers["content-type"],
            "text/calendar; charset=utf-8"
        );
        let calendars = parse(&first.body);
        let event = &calendars[0].events[0];
        let uid = property(event, "UID").unwrap().value.clone().unwrap();
        let start = property(event, "DTSTART").unwrap();
        assert_eq!(start.value.as_deref(), Some("20300328T093000"));
        let params = start.params.as_ref().unwrap();
        assert!(
            params
                .iter()
                .any(|(k, v)| k == "TZID" && v == &vec!["Europe/Stockholm".to_string()]),
            "{params:?}"
        );
        assert!(
            !calendars[0].timezones.is_empty(),
            "a VTIMEZONE is included"
        );
        assert!(
            !first.body.contains("meet.example.se"),
            "no online link in a public feed"
        );
        assert!(
            property(event, "DESCRIPTION")
                .unwrap()
                .value
                .as_deref()
                .unwrap()
                .contains(&format!("http://framsyn.test/events/{id}"))
        );
        let sequence = |e: &ical::parser::ical::component::IcalEvent| {
            property(e, "SEQUENCE")
                .unwrap()
                .value
                .clone()
                .unwrap()
                .parse::<u32>()
                .unwrap()
        };
        let first_sequence = sequence(event);

        let mut edited = fields.clone();
        edited.push(("change_note", "Vi börjar en halvtimme senare."));
        edited.retain(|(k, _)| *k != "starts");
        edited.push(("starts", "2030-03-28T10:00"));
        assert_eq!(
            app.post(&format!("/events/{id}/edit"), &edited)
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        let second = parse(&app.get("/calendar.ics").await.body);
        let event = &second[0].events[0];
        assert_eq!(
            property(event, "UID").unwrap().value.as_deref(),
            Some(uid.as_str()),
            "the UID is stable"
        );
        assert!(sequence(event) > first_sequence);
        assert_eq!(
            property(event, "DTSTART").unwrap().value.as_deref(),
            Some("20300328T100000")
        );

        app.post(
            &format!("/events/{id}/cancel"),
            &[("note", "Inställt."), ("confirm", "yes")],
        )
        .await;
        let third = parse(&app.get("/calendar.ics").await.body);
        let event = &third[0].events[0];
        assert_eq!(
            property(event, "STATUS").unwrap().value.as_deref(),
            Some("CANCELLED")
        );
        let phase = parse(&app.get("/phases/omvarlden/calendar.ics").await.body);
        assert_eq!(phase[0].events.len(), 1);
        let other_phase = parse(&app.get("/phases/scenarier/calendar.ics").await.body);
        assert!(other_phase[0].events.is_empty());
        let single = parse(&app.get(&format!("/events/{id}/event.ics")).await.body);
        assert_eq!(single[0].events.len(), 1);
    }

    #[tokio::test]
    async fn the_personal_feed_has_ones_events_with_the_online_link_and_can_be_renewed() {
        let mut app = spawn_app();
        world(&app);
        let id = create_event(&mut app, &workshop(&local(30, 9), &local(30, 16), "50", "")).await;
        app.login(STRATEGIST_A).await;
        app.post(&format!("/events/{id}/register"), &[("person", "self")])
            .await;
        let mine = app.get("/my-events").await;
        let url = mine
            .body
            .split("<code id=\"feed-url\">")
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap()
            .replace("&#x2f;", "/");
        let path = url.trim_start_matches("http://framsyn.test").to_string();
        let calendar_program = app.visitor();
        let feed = calendar_program.get(&path).await;
        assert_eq!(feed.status, StatusCode::OK);
        let parsed = parse(&feed.body);
        assert_eq!(parsed[0].events.len(), 1);
        assert!(
            feed.body.contains("meet.example.se/ws1"),
            "the personal feed carries the online link"
        );
        assert!(
            !app.get("/calendar.ics").await.body.contains("Workshop 1"),
            "a members' event is not in the public feed"
        );
        app.post("/my-events/feed", &[]).await;
        assert_eq!(
            calendar_program.get(&path).await.status,
            StatusCode::NOT_FOUND,
            "the old address stops working"
        );
    }
}

#[tokio::test]
async fn anyone_registers_for_an_event_open_to_all_and_members_only_events_ask_for_sign_in() {
    let mut app = spawn_app();
    world(&app);
    let (starts, ends) = (local(15, 9), local(15, 13));
    let mut open = workshop(&starts, &ends, "150", "");
    open.retain(|(k, _)| *k != "audience");
    open.push(("audience", "public"));
    let public = create_event(&mut app, &open).await;
    let members = create_event(&mut app, &workshop(&starts, &ends, "150", "")).await;
    let visitor = app.visitor();
    let page = visitor.get(&format!("/events/{public}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        !page.body.contains("meet.example.se"),
        "the online link is for registered people only"
    );
    let missing = visitor
        .post(
            &format!("/events/{public}/register"),
            &[("name", "Olle Öppen"), ("email", "")],
        )
        .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.field_error("email").is_some(), "an error at email");
    missing.assert_contains("value=\"Olle Öppen\"");
    let done = visitor
        .post(
            &format!("/events/{public}/register"),
            &[("name", "Olle Öppen"), ("email", "olle@example.se")],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert!(
        registrations(&app, public).is_empty(),
        "counted only once confirmed by the mailed link"
    );
    assert_eq!(confirm_visitor_links(&app).await, 1);
    assert_eq!(registrations(&app, public)[0].organisation_id, None);
    let refused = visitor
        .post(
            &format!("/events/{members}/register"),
            &[("name", "Olle"), ("email", "olle@example.se")],
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::NOT_FOUND,
        "a members' event does not exist for the public"
    );
}

#[tokio::test]
async fn visitors_cannot_fill_an_open_event_nor_learn_who_is_registered() {
    let mut app = spawn_app();
    world(&app);
    let (starts, ends) = (local(15, 9), local(15, 13));
    let mut open = workshop(&starts, &ends, "5", "");
    open.retain(|(k, _)| *k != "audience");
    open.push(("audience", "public"));
    let public = create_event(&mut app, &open).await;
    let visitor = app.visitor();
    let page = visitor.get(&format!("/events/{public}")).await;
    assert_eq!(
        page.attrs("#registration-form input[name=website]", "value"),
        [""]
    );

    let robot = visitor
        .post(
            &format!("/events/{public}/register"),
            &[
                ("name", "Robot"),
                ("email", "robot@example.se"),
                ("website", "http://spam.example"),
            ],
        )
        .await;
    assert_eq!(robot.status, StatusCode::SEE_OTHER);
    assert!(
        registrations(&app, public).is_empty(),
        "the honeypot stores nothing"
    );

    let first = visitor
        .post(
            &format!("/events/{public}/register"),
            &[("name", "Olle Öppen"), ("email", "olle@example.se")],
        )
        .await;
    let again = visitor
        .post(
            &format!("/events/{public}/register"),
            &[("name", "Någon Annan"), ("email", "olle@example.se")],
        )
        .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    assert_eq!(
        (again.status, again.location()),
        (first.status, first.location()),
        "a known address is answered as a new one"
    );
    let shown = visitor.get(first.location()).await;
    assert_eq!(shown.attrs("[data-notice]", "data-notice"), ["received"]);
    assert!(
        registrations(&app, public).is_empty(),
        "nothing counts unconfirmed"
    );
    assert_eq!(confirm_visitor_links(&app).await, 2);
    assert_eq!(
        registrations(&app, public).len(),
        1,
        "one address, one registration"
    );

    for n in 0..3 {
        let email = format!("falsk{n}@example.se");
        visitor
            .post(
                &format!("/events/{public}/register"),
                &[("name", "Falsk"), ("email", &email)],
            )
            .await;
    }
    let limited = visitor
        .post(
            &format!("/events/{public}/register"),
            &[("name", "Falsk"), ("email", "falsk9@example.se")],
        )
        .await;
    limited.assert_error("error-too-many-registrations");
    confirm_visitor_links(&app).await;
    assert_eq!(
        registrations(&app, public).len(),
        4,
        "five tries from one address in an hour, the fifth of them an old address"
    );

    let elsewhere = spawn_app_sharing(&app);
    let colleague = elsewhere.visitor();
    let other_address = colleague
        .post(
            &format!("/events/{public}/register"),
            &[("name", "Kollega"), ("email", "kollega@example.se")],
        )
        .await;
    assert_eq!(other_address.status, StatusCode::SEE_OTHER);
    confirm_visitor_links(&app).await;
    assert_eq!(registrations(&app, public).len(), 5);
}

#[tokio::test]
async fn people_cancel_their_own_registration_only_until_the_deadline() {
    let app = spawn_app();
    world(&app);
    let (starts, ends) = (local(5, 9), local(5, 16));
    let mut fields = workshop(&starts, &ends, "50", "");
    let (opens, closes) = (local(-10, 12), local(-1, 12));
    fields.extend([
        ("registration_opens", opens.as_str()),
        ("registration_closes", closes.as_str()),
    ]);
    let leader = app.as_leader().await;
    let id = schedule(&leader, &fields).await;
    let strategist_id = app
        .db
        .read_blocking(|c| framsyn::storage::users::find_by_email(c, STRATEGIST_A))
        .unwrap()
        .unwrap();
    leader
        .post(
            &format!("/events/{id}/register"),
            &[("person", &strategist_id.to_string())],
        )
        .await;
    let registration = registrations(&app, id)[0].id;
    let strategist = app.as_strategist_a().await;
    let late = strategist
        .post(&format!("/registrations/{registration}/cancel"), &[])
        .await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    late.assert_error("error-cancel-after-deadline");
    assert_eq!(
        registrations(&app, id)[0].status.key(),
        "confirmed",
        "nothing changed"
    );
    assert_eq!(
        leader
            .post(&format!("/registrations/{registration}/cancel"), &[])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(registrations(&app, id)[0].status.key(), "cancelled");
}

#[tokio::test]
async fn nobody_overtakes_the_waiting_list_and_more_seats_move_it_up() {
    let app = spawn_app();
    let w = world(&app);
    let (starts, ends) = (local(30, 9), local(30, 16));
    let leader = app.as_leader().await;
    let id = schedule(&leader, &workshop(&starts, &ends, "1", "")).await;
    let org_b = w.org_b.to_string();
    for (name, email) in [
        ("Först", "forst@x.test"),
        ("Andra", "andra@x.test"),
        ("Tredje", "tredje@x.test"),
    ] {
        leader
            .post(
                &format!("/events/{id}/register"),
                &[
                    ("person", "other"),
                    ("name", name),
                    ("email", email),
                    ("organisation_id", &org_b),
                ],
            )
            .await;
    }
    let rows = registrations(&app, id);
    assert_eq!(
        rows.iter().map(|r| r.status.key()).collect::<Vec<_>>(),
        ["confirmed", "waiting", "waiting"]
    );
    assert!(
        rows.iter().all(|r| r.organisation_id == Some(w.org_b)),
        "a process leader registers for any organisation"
    );
    // Three seats now: both waiting move up, in order.
    let mut bigger = workshop(&starts, &ends, "3", "");
    bigger.push(("change_note", "Fler platser."));
    assert_eq!(
        leader
            .post(&format!("/events/{id}/edit"), &bigger)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert!(
        registrations(&app, id)
            .iter()
            .all(|r| r.status.key() == "confirmed")
    );
    // Full again: the next one waits even after a seat frees up for the one in line.
    leader
        .post(
            &format!("/events/{id}/register"),
            &[
                ("person", "other"),
                ("name", "Fjärde"),
                ("email", "fjarde@x.test"),
            ],
        )
        .await;
    leader
        .post(
            &format!("/events/{id}/register"),
            &[
                ("person", "other"),
                ("name", "Femte"),
                ("email", "femte@x.test"),
            ],
        )
        .await;
    let first = registrations(&app, id)
        .iter()
        .find(|r| r.email == "forst@x.test")
        .unwrap()
        .id;
    leader
        .post(&format!("/registrations/{first}/cancel"), &[])
        .await;
    let rows = registrations(&app, id);
    let status_of = |email: &str| rows.iter().find(|r| r.email == email).unwrap().status.key();
    assert_eq!(status_of("fjarde@x.test"), "confirmed");
    assert_eq!(status_of("femte@x.test"), "waiting");
}

/// Cutting capacity below the seats taken says who loses a seat and asks first; once
/// confirmed, the last to get a seat go back to the waiting list, ahead of those who
/// registered after them.
#[tokio::test]
async fn cutting_capacity_below_the_seats_taken_warns_asks_and_moves_the_last_to_the_waiting_list()
{
    let app = spawn_app();
    world(&app);
    let leader = app.as_leader().await;
    let (starts, ends) = (local(30, 9), local(30, 16));
    let id = schedule(&leader, &workshop(&starts, &ends, "4", "")).await;
    for (name, email) in [
        ("Första", "forsta@x.test"),
        ("Andra", "andra@x.test"),
        ("Tredje", "tredje@x.test"),
        ("Fjärde", "fjarde@x.test"),
        ("Femte", "femte@x.test"),
    ] {
        leader
            .post(
                &format!("/events/{id}/register"),
                &[("person", "other"), ("name", name), ("email", email)],
            )
            .await;
    }
    let status_of = |email: &'static str| {
        registrations(&app, id)
            .into_iter()
            .find(|r| r.email == email)
            .unwrap()
            .status
            .key()
    };
    assert_eq!(status_of("femte@x.test"), "waiting");

    let cut = workshop(&starts, &ends, "2", "");
    let asked = leader.post(&format!("/events/{id}/edit"), &cut).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert_eq!(
        asked.attrs("[data-warning]", "data-warning"),
        ["capacity-below-confirmed"]
    );
    let id_of = |email: &'static str| {
        registrations(&app, id)
            .into_iter()
            .find(|r| r.email == email)
            .unwrap()
            .id
            .to_string()
    };
    assert_eq!(
        asked.attrs("[data-over] li", "data-registration-id"),
        [id_of("tredje@x.test"), id_of("fjarde@x.test")],
        "the last two to get a seat"
    );
    assert_eq!(asked.attrs("input[name=confirm_capacity]", "value"), ["2"]);
    let capacity = |app: &TestApp| {
        app.db
            .read_blocking(move |c| events::get(c, id))
            .unwrap()
            .unwrap()
            .capacity
    };
    assert_eq!(capacity(&app), Some(4), "nothing saved before confirming");
    assert_eq!(status_of("fjarde@x.test"), "confirmed");

    // A confirmation of another number is no confirmation of this one.
    let mut other = workshop(&starts, &ends, "1", "");
    other.push(("confirm_capacity", "2"));
    let asked_again = leader.post(&format!("/events/{id}/edit"), &other).await;
    assert_eq!(asked_again.texts("[data-over] li").len(), 3);
    assert_eq!(capacity(&app), Some(4));

    let mut confirmed = cut.clone();
    confirmed.push(("confirm_capacity", "2"));
    let saved = leader.post(&format!("/events/{id}/edit"), &confirmed).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert_eq!(capacity(&app), Some(2));
    assert_eq!(status_of("forsta@x.test"), "confirmed");
    assert_eq!(status_of("andra@x.test"), "confirmed");
    assert_eq!(status_of("tredje@x.test"), "waiting");
    assert_eq!(status_of("fjarde@x.test"), "waiting");
    let page = leader.get(&format!("/events/{id}")).await;
    assert_eq!(page.attrs("#event-seats", "data-taken"), ["2"]);

    let first = id_of("forsta@x.test");
    leader
        .post(&format!("/registrations/{first}/cancel"), &[])
        .await;
    assert_eq!(
        status_of("tredje@x.test"),
        "confirmed",
        "the first unseated is first in line"
    );
    assert_eq!(status_of("femte@x.test"), "waiting");
}

#[tokio::test]
async fn status_changes_follow_the_allowed_paths() {
    let app = spawn_app();
    world(&app);
    let leader = app.as_leader().await;
    let id = schedule(&leader, &workshop(&local(30, 9), &local(30, 16), "10", "")).await;
    assert_eq!(
        leader
            .post(
                &format!("/events/{id}/cancel"),
                &[("note", "Inställt"), ("confirm", "yes")],
            )
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let sequence = |app: &TestApp| {
        app.db
            .read_blocking(move |c| events::get(c, id))
            .unwrap()
            .unwrap()
            .sequence
    };
    let before = sequence(&app);
    let again = leader.post(&format!("/events/{id}/approve"), &[]).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    again.assert_error("error-status-change");
    assert_eq!(
        leader
            .post(&format!("/events/{id}/cancel"), &[])
            .await
            .status,
        StatusCode::CONFLICT
    );
    let event = app
        .db
        .read_blocking(move |c| events::get(c, id))
        .unwrap()
        .unwrap();
    assert_eq!(event.status.key(), "cancelled");
    assert_eq!(sequence(&app), before, "nothing changed");
}

#[tokio::test]
async fn the_online_link_is_only_for_confirmed_people_in_their_own_feed() {
    let app = spawn_app();
    world(&app);
    let leader = app.as_leader().await;
    let id = schedule(&leader, &workshop(&local(30, 9), &local(30, 16), "1", "")).await;
    let strategist_a = app.as_strategist_a().await;
    strategist_a
        .post(&format!("/events/{id}/register"), &[("person", "self")])
        .await;
    assert!(
        !strategist_a
            .get(&format!("/events/{id}/event.ics"))
            .await
            .body
            .contains("meet.example.se"),
        "a single .ics never carries it"
    );
    let strategist_b = app.as_strategist_b().await;
    strategist_b
        .post(&format!("/events/{id}/register"), &[("person", "self")])
        .await;
    let page = strategist_b.get(&format!("/events/{id}")).await;
    assert!(
        !page.body.contains("meet.example.se"),
        "waiting people do not get the link"
    );
    let mine = strategist_b.get("/my-events").await;
    let url = mine
        .body
        .split("<code id=\"feed-url\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .replace("&#x2f;", "/");
    let feed = strategist_b
        .get(url.trim_start_matches("http://framsyn.test"))
        .await;
    assert!(feed.body.contains("Workshop 1"));
    assert!(!feed.body.contains("meet.example.se"), "{}", feed.body);
}

#[tokio::test]
async fn odd_month_values_fall_back_to_this_month() {
    let mut app = spawn_app();
    for month in ["+262142-12", "-262143-01", "0000-00", "2017-13"] {
        let response = app
            .get(&format!("/calendar?view=month&month={month}"))
            .await;
        assert_eq!(response.status, StatusCode::OK, "{month}");
    }
}

#[tokio::test]
async fn the_registration_form_summarises_its_errors_by_label_in_form_order() {
    use framsyn::domain::lang::Lang;
    use framsyn::render::i18n::text;
    let app = spawn_app();
    world(&app);
    let (starts, ends) = (local(30, 9), local(31, 16));
    let leader = app.as_leader().await;
    let id = schedule(&leader, &workshop(&starts, &ends, "80", "2")).await;
    leader
        .post(
            &format!("/events/{id}/questions"),
            &[("kind", "yes_no"), ("label", "Middag?"), ("required", "1")],
        )
        .await;
    let question = app
        .db
        .read_blocking(move |c| events::questions(c, id))
        .unwrap()[0]
        .id;
    let strategist = app.as_strategist_a().await;
    let refused = strategist
        .post(
            &format!("/events/{id}/register"),
            &[("person", "other"), ("name", ""), ("email", "")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let summary = "[data-error-summary] li a";
    let q = format!("q{question}");
    assert_eq!(
        refused.attrs(summary, "data-field"),
        ["name", "email", q.as_str()]
    );
    let sv = |key: &str| text(Lang::Sv, key);
    let texts = refused.texts(summary);
    assert_eq!(
        texts[0],
        format!("{}: {}", sv("registration-name"), sv("error-required"))
    );
    assert!(texts[2].starts_with("Middag?: "), "{texts:?}");
    assert!(refused.texts("title")[0].starts_with(&sv("title-has-errors")));
    assert_eq!(refused.attrs("[data-error-summary]", "tabindex"), ["-1"]);
}

/// The open feeds hold public events only; a member's secret feeds hold the members-only
/// events too, for the programme, a phase and an organisation, and stop with a new address.
#[tokio::test]
async fn members_subscribe_to_secret_feeds_of_everything_they_may_see() {
    let app = spawn_app();
    world(&app);
    let leader = app.as_leader().await;
    let id = schedule(&leader, &workshop(&local(20, 9), &local(20, 16), "50", "")).await;
    let uid = app
        .db
        .read_blocking(move |c| events::get(c, id))
        .unwrap()
        .unwrap()
        .uid;
    let visitor = app.visitor();
    assert!(!visitor.get("/calendar.ics").await.body.contains(&uid));
    let strategist = app.as_strategist_a().await;
    let page = strategist.get("/my-events").await;
    let feeds = page.texts("code[data-feed]");
    assert_eq!(feeds.len(), 2 + regionerna().phases.len());
    for feed in &feeds {
        let path = format!("/feeds/{}", feed.split_once("/feeds/").unwrap().1);
        let body = visitor.get(&path).await;
        assert_eq!(body.status, StatusCode::OK, "{path}");
        let has = body.body.contains(&uid);
        let expected = path.ends_with("/calendar.ics")
            && !path.contains("/organisations/")
            && (path.contains("/phases/omvarlden/") || !path.contains("/phases/"));
        assert_eq!(has, expected, "{path}");
    }
    strategist.post("/my-events/feed", &[]).await;
    let old = format!("/feeds/{}", feeds[0].split_once("/feeds/").unwrap().1);
    assert_eq!(visitor.get(&old).await.status, StatusCode::NOT_FOUND);
}
