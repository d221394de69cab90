//! Messages on a schedule and to participants: the home assignment's reminders 7 days and
//! 1 day before it is due (to organisations that have not submitted, once each), a rating
//! round's opening and the reminder before it closes (to those who have not rated), the
//! opt-in digest of what is new (with its one-click unsubscribe), and a process leader's
//! message to participants (previewed, audited, through the outbox), received by a real
//! SMTP server on loopback.

use std::time::Duration;

use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use framsyn::domain::user::Role;

use super::helpers::*;
use super::mail::{config_to, messages, one_click_unsubscribe};
use super::smtp::SmtpServer;

async fn run_at(app: &TestApp, at: DateTime<Utc>) -> framsyn::app::reminders::Written {
    app.clock.set(at);
    framsyn::app::reminders::run(&app.db, &app.state.programme, at)
        .await
        .unwrap()
}

fn of_kind(app: &TestApp, kind: &str) -> Vec<String> {
    let mut to: Vec<String> = messages(app)
        .into_iter()
        .filter(|m| m.kind.key() == kind)
        .map(|m| m.recipient)
        .collect();
    to.sort();
    to
}

#[tokio::test]
async fn organisations_that_have_not_submitted_are_reminded_a_week_and_a_day_before_once() {
    use super::assignments::{PAGE, bank};
    let server = SmtpServer::start();
    let app = spawn_with(regionerna(), config_to(server.addr.port()));
    let start = app.clock.now();
    let w = world(&app);
    let colleague = app.user("kollega@norrbotten.test", w.org_b, &[Role::Strategist]);
    app.db
        .write_blocking(move |tx| {
            framsyn::storage::outbox::set_language(
                tx,
                colleague,
                Some(framsyn::domain::lang::Lang::Nb),
            )
        })
        .unwrap();
    // Region Skåne has handed its assignment in; Region Norrbotten has not.
    let (first, second, _) = bank(&app).await;
    let submitted = app
        .as_strategist_a()
        .await
        .post(
            PAGE,
            &[
                ("action", "submit"),
                ("version", ""),
                ("answer-viktigast", "Demografin."),
                ("answer-minst-viktiga", "Turismen."),
                ("most-1", first.as_str()),
                ("most-2", second.as_str()),
            ],
        )
        .await;
    assert_eq!(
        submitted.status,
        StatusCode::SEE_OTHER,
        "{}",
        submitted.body
    );

    // Someone who turned reminders off, and a strategist of the organiser (which owes
    // no home assignment), are not reminded.
    let quiet = app.user("tyst@norrbotten.test", w.org_b, &[Role::Strategist]);
    app.db
        .write_blocking(move |tx| {
            framsyn::storage::outbox::set_receives(
                tx,
                quiet,
                framsyn::domain::mail::Kind::AssignmentReminder,
                false,
            )
        })
        .unwrap();
    app.user("strateg@reglab.test", w.office, &[Role::Strategist]);

    let programme = &app.state.programme;
    let tz = programme.time_zone;
    let due = programme
        .phase("omvarlden")
        .and_then(|p| p.home_assignment())
        .unwrap()
        .due;
    // A local time `days` before the due date.
    let before = |days: u64, hour: u32| {
        use chrono::TimeZone;
        let day = due - chrono::Days::new(days);
        tz.from_local_datetime(&day.and_hms_opt(hour, 0, 0).unwrap())
            .earliest()
            .unwrap()
            .with_timezone(&Utc)
    };

    assert_eq!(run_at(&app, before(8, 12)).await.reminders, 0);
    assert_eq!(
        run_at(&app, before(7, 7)).await.reminders,
        0,
        "not before 8 o'clock"
    );
    assert!(of_kind(&app, "assignment-reminder").is_empty());
    assert_eq!(run_at(&app, before(7, 9)).await.reminders, 1);
    let week = of_kind(&app, "assignment-reminder");
    assert_eq!(week, ["kollega@norrbotten.test", STRATEGIST_B]);
    // A second pass, or a restart, sends nothing again.
    assert_eq!(run_at(&app, before(7, 9)).await.reminders, 0);
    assert_eq!(run_at(&app, before(6, 12)).await.reminders, 0);
    assert_eq!(of_kind(&app, "assignment-reminder").len(), 2);
    assert_eq!(run_at(&app, before(1, 9)).await.reminders, 1);
    assert_eq!(run_at(&app, before(1, 10)).await.reminders, 0);
    assert_eq!(run_at(&app, before(0, 12)).await.reminders, 0);
    assert_eq!(
        run_at(&app, before(0, 12) + chrono::Duration::days(1))
            .await
            .reminders,
        0
    );
    assert_eq!(of_kind(&app, "assignment-reminder").len(), 4);

    // Back to the day the other messages were written, so all are due.
    app.clock.set(start);
    app.state.deliver_mail().await.unwrap();
    // The leaders were told of Skåne's submission; the rest are the reminders.
    let received = server.wait_for(5, Duration::from_secs(5));
    let reminders = received.iter().filter(|r| r.to[0] != LEADER).count();
    assert_eq!(reminders, 4, "every reminder arrives once");
    let to_colleague: Vec<_> = received
        .iter()
        .filter(|r| r.to == ["kollega@norrbotten.test".to_string()])
        .collect();
    assert_eq!(to_colleague.len(), 2);
    let texts: Vec<String> = to_colleague
        .iter()
        .map(|r| r.parsed().body_text(0).unwrap().to_string())
        .collect();
    assert!(texts[0].contains("om 7 dager"), "{}", texts[0]);
    assert!(texts[1].contains("senest i morgen"), "{}", texts[1]);
    assert!(
        texts[1].contains("/phases/omvarlden/assignment"),
        "{}",
        texts[1]
    );
    let norwegian = to_colleague[0].parsed();
    assert_eq!(
        norwegian.header_raw("Content-Language").map(str::trim),
        Some("nb")
    );
    assert!(
        norwegian.header_raw("List-Unsubscribe").is_some(),
        "a reminder may be turned off"
    );
}

#[tokio::test]
async fn a_round_is_announced_when_it_opens_and_those_who_have_not_rated_are_reminded() {
    let app = spawn_app();
    let (_, first, _, round) = super::rounds::setup(&app).await;
    let now = app.clock.now();
    assert_eq!(run_at(&app, now).await.round_notices, 1);
    assert_eq!(
        of_kind(&app, "round-opened"),
        [super::rounds::STRATEGIST_A2, STRATEGIST_B, STRATEGIST_A]
    );
    assert_eq!(run_at(&app, now).await.round_notices, 0);

    let rated = app
        .as_strategist_a()
        .await
        .post(
            &format!("/rounds/{round}"),
            &[(&super::rounds::field(first, "impact"), "3")],
        )
        .await;
    assert_eq!(rated.status, StatusCode::SEE_OTHER, "{}", rated.body);

    let closes = app
        .db
        .read_blocking(move |c| Ok(framsyn::storage::rounds::get(c, round)?.unwrap().closes_at))
        .unwrap();
    let closes = DateTime::from_timestamp(closes, 0).unwrap();
    assert_eq!(
        run_at(&app, closes - chrono::Duration::hours(25))
            .await
            .round_notices,
        0
    );
    assert_eq!(
        run_at(&app, closes - chrono::Duration::hours(20))
            .await
            .round_notices,
        1
    );
    assert_eq!(
        of_kind(&app, "round-closing"),
        [super::rounds::STRATEGIST_A2, STRATEGIST_B],
        "the one who rated is not reminded"
    );
    assert_eq!(
        run_at(&app, closes - chrono::Duration::hours(2))
            .await
            .round_notices,
        0
    );
}

#[tokio::test]
async fn a_round_first_seen_within_a_day_of_its_close_sends_one_message_not_two() {
    let app = spawn_app();
    let (_, _, _, round) = super::rounds::setup(&app).await;
    let closes = app
        .db
        .read_blocking(move |c| Ok(framsyn::storage::rounds::get(c, round)?.unwrap().closes_at))
        .unwrap();
    let closes = DateTime::from_timestamp(closes, 0).unwrap();
    let first = run_at(&app, closes - chrono::Duration::hours(20)).await;
    assert_eq!(first.round_notices, 1);
    let next = run_at(&app, closes - chrono::Duration::minutes(20 * 60 - 5)).await;
    assert_eq!(next.round_notices, 0);
    assert_eq!(of_kind(&app, "round-opened").len(), 3);
    assert!(of_kind(&app, "round-closing").is_empty());
}

#[tokio::test]
async fn the_digest_is_opt_in_lists_what_is_new_and_unsubscribes_in_one_click() {
    let server = SmtpServer::start();
    let app = spawn_with(regionerna(), config_to(server.addr.port()));
    world(&app);
    let strategist = app.as_strategist_a().await;
    let page = strategist.get("/account/messages").await;
    assert_eq!(
        page.attrs("[data-digest] input[checked]", "value"),
        [""],
        "no digest until one is chosen"
    );
    let chosen = strategist
        .post("/account/messages", &[("lang", ""), ("digest", "daily")])
        .await;
    assert_eq!(chosen.status, StatusCode::SEE_OTHER);
    let page = strategist.get(chosen.location()).await;
    assert_eq!(
        page.attrs("[data-digest] input[checked]", "value"),
        ["daily"]
    );

    let start = app.clock.now();
    app.clock.set(start + chrono::Duration::hours(2));
    let note = submitted_note(&strategist, "trend", "Fler distansarbetar från landsbygden").await;
    let leader = app.as_leader().await;
    let event = super::events::schedule(
        &leader,
        &super::events::workshop(&local(9, 9), &local(9, 16), "40", ""),
    )
    .await;

    assert_eq!(
        run_at(&app, start + chrono::Duration::hours(12))
            .await
            .digests,
        0,
        "not before a day has passed"
    );
    assert_eq!(
        run_at(&app, start + chrono::Duration::hours(25))
            .await
            .digests,
        1
    );
    assert_eq!(of_kind(&app, "digest"), [STRATEGIST_A], "only who chose it");
    assert_eq!(
        run_at(&app, start + chrono::Duration::hours(26))
            .await
            .digests,
        0
    );

    app.state.deliver_mail().await.unwrap();
    let received = server.wait_for(1, Duration::from_secs(5));
    let digest = received
        .iter()
        .find(|r| r.to == [STRATEGIST_A.to_string()])
        .unwrap()
        .parsed();
    let text = digest.body_text(0).unwrap().to_string();
    assert!(
        text.contains("Fler distansarbetar från landsbygden"),
        "{text}"
    );
    assert!(text.contains(&format!("/bank/{note}")), "{text}");
    assert!(text.contains(&format!("/events/{event}")), "{text}");
    let html = digest.body_html(0).unwrap().to_string();
    assert!(html.contains("<li><a href="), "{html}");
    assert!(
        html.contains("Fler distansarbetar från landsbygden</a>"),
        "{html}"
    );
    let (_, path) = one_click_unsubscribe(&digest);
    let click = app
        .visitor()
        .post(&path, &[("List-Unsubscribe", "One-Click")])
        .await;
    assert_eq!(click.status, StatusCode::OK, "{}", click.body);
    assert_eq!(
        click.attrs("[data-unsubscribed]", "data-unsubscribed"),
        ["digest"]
    );
    // Later on the session has lapsed: signed in again.
    app.clock.set(start + chrono::Duration::hours(30));
    let strategist = app.as_strategist_a().await;
    let page = strategist.get("/account/messages").await;
    assert_eq!(page.attrs("[data-digest] input[checked]", "value"), [""]);
    submitted_note(&strategist, "trend", "Ännu en trend").await;
    assert_eq!(
        run_at(&app, start + chrono::Duration::hours(60))
            .await
            .digests,
        0,
        "no digest after unsubscribing"
    );
}

#[tokio::test]
async fn a_process_leader_writes_to_participants_after_a_preview_and_it_is_recorded() {
    let server = SmtpServer::start();
    let app = spawn_with(regionerna(), config_to(server.addr.port()));
    world(&app);
    assert_eq!(
        app.as_strategist_a()
            .await
            .get("/admin/messages")
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let leader = app.as_leader().await;
    let form = leader.get("/admin/messages").await;
    assert_eq!(form.status, StatusCode::OK);
    assert_eq!(
        form.attrs("input[name=audience]", "value"),
        ["all", "category", "event", "not_submitted"]
    );

    // Bad input: refused at its fields, with everything typed kept.
    let refused = leader
        .post(
            "/admin/messages",
            &[
                ("step", "preview"),
                ("audience", "category"),
                ("category", ""),
                ("subject", ""),
                ("body", "Välkomna till workshop 2."),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.attrs("[data-error-summary] [data-field]", "data-field"),
        ["category", "subject"]
    );
    refused.assert_contains("Välkomna till workshop 2.</textarea>");
    assert_eq!(
        refused.attrs("input[name=audience][checked]", "value"),
        ["category"]
    );

    let body = "Välkomna till workshop 2 om scenarier.\r\n\r\nTa med er organisations trendlista.";
    let fields = [
        ("audience", "all"),
        ("category", ""),
        ("event", ""),
        ("phase", ""),
        ("subject", "Inbjudan till workshop 2"),
        ("body", body),
    ];
    let mut preview_fields = vec![("step", "preview")];
    preview_fields.extend(fields);
    let preview = leader.post("/admin/messages", &preview_fields).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert_eq!(preview.attrs("[data-receivers]", "data-receivers"), ["5"]);
    assert_eq!(
        preview.texts("#preview-subject"),
        ["Inbjudan till workshop 2"]
    );
    assert!(messages(&app).is_empty(), "a preview sends nothing");

    // Sending needs the preview's token, and goes once however often it is pressed.
    let mut send_fields = vec![("step", "send")];
    send_fields.extend(fields);
    let unpreviewed = leader.post("/admin/messages", &send_fields).await;
    assert_eq!(unpreviewed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(messages(&app).is_empty());
    let token = preview.attrs("input[name=token]", "value").remove(0);
    send_fields.push(("token", token.as_str()));
    let sent = leader.post("/admin/messages", &send_fields).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let page = leader.get(sent.location()).await;
    assert_eq!(page.attrs("[data-sent]", "data-sent"), ["5"]);
    let again = leader.post("/admin/messages", &send_fields).await;
    assert_eq!(again.location(), "/admin/messages?sent=again");
    assert_eq!(messages(&app).len(), 5);
    let mut everyone = vec![ADMIN, LEADER, EDITOR, STRATEGIST_A, STRATEGIST_B];
    everyone.sort();
    assert_eq!(of_kind(&app, "announcement"), everyone);
    let audit: Vec<String> = app
        .db
        .read_blocking(|c| {
            let mut stmt =
                c.prepare("SELECT detail FROM audit_log WHERE action = 'announcement.send'")?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .unwrap();
    assert_eq!(audit.len(), 1);
    assert!(
        audit[0].contains("\"all\"") && audit[0].ends_with(" 5"),
        "{audit:?}"
    );
    assert!(
        !audit[0].contains("Inbjudan") && !audit[0].contains('@'),
        "neither the words nor the addresses stay in the log: {audit:?}"
    );

    app.state.deliver_mail().await.unwrap();
    let received = server.wait_for(5, Duration::from_secs(5));
    assert_eq!(received.len(), 5);
    let one = received[0].parsed();
    assert_eq!(one.subject(), Some("Inbjudan till workshop 2"));
    let text = one.body_text(0).unwrap().to_string();
    assert!(
        text.contains("Ta med er organisations trendlista."),
        "{text}"
    );
    assert!(
        one.header_raw("List-Unsubscribe").is_none(),
        "the programme's own message is not optional"
    );

    // To those registered for an event, and to those who have not submitted.
    let event = super::events::schedule(
        &leader,
        &super::events::workshop(&local(9, 9), &local(9, 16), "40", ""),
    )
    .await;
    let registered = app
        .as_strategist_b()
        .await
        .post(&format!("/events/{event}/register"), &[("person", "self")])
        .await;
    assert_eq!(registered.status, StatusCode::SEE_OTHER);
    let event_id = event.to_string();
    let to_event = leader
        .post(
            "/admin/messages",
            &[
                ("step", "preview"),
                ("audience", "event"),
                ("event", event_id.as_str()),
                ("subject", "Lokalen"),
                ("body", "Vi ses i plenisalen."),
            ],
        )
        .await;
    assert_eq!(to_event.attrs("[data-receivers]", "data-receivers"), ["1"]);
    let not_submitted = leader
        .post(
            "/admin/messages",
            &[
                ("step", "preview"),
                ("audience", "not_submitted"),
                ("phase", "omvarlden"),
                ("subject", "Påminnelse"),
                ("body", "Glöm inte hemuppgiften."),
            ],
        )
        .await;
    assert_eq!(
        not_submitted.attrs("[data-receivers]", "data-receivers"),
        ["2"]
    );
}
