//! Messages to people through a real SMTP server on loopback: written with the change
//! that causes them, delivered once, in the receiver's language, with the event as a
//! calendar invitation read back by an independent parser; kept and tried again while
//! the server is down; refused ones shown to administrators, who may retry.

use std::time::Duration;

use axum::http::StatusCode;
use framsyn::config::{Config, Smtp, SmtpSecurity};
use framsyn::domain::user::Role;
use framsyn::storage::outbox;
use mail_parser::MimeHeaders;

use super::events::{schedule, workshop};
use super::helpers::*;
use super::smtp::SmtpServer;

const FROM: &str = "Regionerna 2050 <framsyn@reglab.test>";

pub(super) fn config_to(port: u16) -> Config {
    let mut config = test_config();
    config.smtp = Some(Smtp {
        host: "127.0.0.1".into(),
        port,
        security: SmtpSecurity::None,
        user: None,
        password: None,
    });
    config.mail_from = FROM.into();
    config
}

/// The first address in a message's plain text that holds `part`.
pub(super) fn link_in(text: &str, part: &str) -> String {
    text.split_whitespace()
        .find(|w| w.contains(part))
        .unwrap_or_else(|| panic!("no link with {part} in {text}"))
        .to_string()
}

/// The one-click unsubscribe of an optional message (RFC 8058): its address, as
/// `List-Unsubscribe` gives it with `List-Unsubscribe-Post` beside it, and the path of
/// that address in the workspace.
pub(super) fn one_click_unsubscribe(parsed: &mail_parser::Message<'_>) -> (String, String) {
    let header = parsed
        .header_raw("List-Unsubscribe")
        .map(str::trim)
        .expect("an optional message carries List-Unsubscribe");
    assert_eq!(
        parsed.header_raw("List-Unsubscribe-Post").map(str::trim),
        Some("List-Unsubscribe=One-Click")
    );
    let url = header.trim_start_matches('<').trim_end_matches('>');
    let path = url.trim_start_matches("http://framsyn.test").to_string();
    assert!(path.starts_with("/unsubscribe/"), "{header}");
    (url.to_string(), path)
}

pub(super) fn messages(app: &TestApp) -> Vec<outbox::Message> {
    let mut all = app
        .db
        .read_blocking(|c| outbox::list(c, None, 1000))
        .unwrap();
    all.reverse();
    all
}

/// A workshop a week ahead with `capacity` seats, scheduled by the process leader.
async fn workshop_with(app: &TestApp, capacity: &str) -> i64 {
    let leader = app.as_leader().await;
    let (starts, ends) = (local(7, 9), local(7, 16));
    schedule(&leader, &workshop(&starts, &ends, capacity, "")).await
}

fn calendar_of(message: &mail_parser::Message<'_>) -> ical::parser::ical::component::IcalCalendar {
    let part = message
        .attachments()
        .find(|a| {
            a.content_type()
                .is_some_and(|t| t.ctype() == "text" && t.subtype() == Some("calendar"))
                && a.attachment_name().is_some_and(|n| n.ends_with(".ics"))
        })
        .expect("an .ics attachment");
    let text = String::from_utf8(part.contents().to_vec()).unwrap();
    let mut calendars = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    calendars
        .next()
        .expect("one calendar")
        .expect("the calendar parses")
}

fn property<'a>(
    props: &'a [ical::property::Property],
    name: &str,
) -> Option<&'a ical::property::Property> {
    props.iter().find(|p| p.name == name)
}

#[tokio::test]
async fn registrations_are_confirmed_by_mail_in_the_registrants_language_with_an_invitation() {
    let server = SmtpServer::start();
    let app = spawn_with(regionerna(), config_to(server.addr.port()));
    world(&app);
    let event = workshop_with(&app, "1").await;

    let a = app.as_strategist_a().await;
    a.set_lang("nb");
    let seated = a
        .post(&format!("/events/{event}/register"), &[("person", "self")])
        .await;
    assert_eq!(seated.status, StatusCode::SEE_OTHER, "{}", seated.body);
    let b = app.as_strategist_b().await;
    b.set_lang("en");
    let waiting = b
        .post(&format!("/events/{event}/register"), &[("person", "self")])
        .await;
    assert_eq!(waiting.status, StatusCode::SEE_OTHER, "{}", waiting.body);

    let written = messages(&app);
    let kinds: Vec<_> = written.iter().map(|m| m.kind.key()).collect();
    assert_eq!(kinds, ["registration-confirmed", "registration-waiting"]);
    assert!(written.iter().all(|m| m.status.key() == "queued"));
    assert!(
        server.received().is_empty(),
        "nothing leaves before the sender runs"
    );

    let pass = app.state.deliver_mail().await.unwrap();
    assert_eq!((pass.sent, pass.retried, pass.failed), (2, 0, 0));
    let received = server.wait_for(2, Duration::from_secs(5));
    assert_eq!(received.len(), 2);
    let uid = app
        .db
        .read_blocking(move |c| Ok(framsyn::storage::events::get(c, event)?.unwrap().uid))
        .unwrap();

    for (got, (address, lang, partstat)) in received.iter().zip([
        (STRATEGIST_A, "nb", "ACCEPTED"),
        (STRATEGIST_B, "en", "TENTATIVE"),
    ]) {
        assert_eq!(got.to, [address.to_string()], "the envelope's recipient");
        assert_eq!(got.from, "framsyn@reglab.test");
        let parsed = got.parsed();
        assert_eq!(
            parsed
                .to()
                .and_then(|t| t.first())
                .and_then(|a| a.address()),
            Some(address)
        );
        assert_eq!(
            parsed.header_raw("Content-Language").map(str::trim),
            Some(lang)
        );
        let html = parsed.body_html(0).expect("an HTML part");
        assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{html}");
        let text = parsed.body_text(0).expect("a plain text part");
        assert!(text.contains(&format!("/events/{event}")), "{text}");
        assert!(
            parsed
                .subject()
                .is_some_and(|s| s.contains("Workshop 1: Omvärlden")),
            "{:?}",
            parsed.subject()
        );
        assert!(parsed.header_raw("Auto-Submitted").is_some());
        let calendar = calendar_of(&parsed);
        assert_eq!(
            property(&calendar.properties, "METHOD").and_then(|p| p.value.as_deref()),
            Some("REQUEST")
        );
        assert_eq!(calendar.events.len(), 1);
        let vevent = &calendar.events[0].properties;
        assert_eq!(
            property(vevent, "UID").and_then(|p| p.value.as_deref()),
            Some(uid.as_str())
        );
        assert!(property(vevent, "DTSTART").is_some());
        assert!(property(vevent, "ORGANIZER").is_some_and(|p| {
            p.value
                .as_deref()
                .is_some_and(|v| v.eq_ignore_ascii_case("mailto:framsyn@reglab.test"))
        }));
        let attendee = property(vevent, "ATTENDEE").expect("the receiver as attendee");
        assert!(
            attendee
                .value
                .as_deref()
                .is_some_and(|v| v.eq_ignore_ascii_case(&format!("mailto:{address}")))
        );
        let params = attendee.params.clone().unwrap_or_default();
        assert!(
            params
                .iter()
                .any(|(k, v)| k == "PARTSTAT" && v.iter().any(|x| x == partstat)),
            "{params:?}"
        );
    }
    let ids: Vec<_> = received
        .iter()
        .map(|r| r.parsed().message_id().unwrap().to_string())
        .collect();
    let recorded: Vec<_> = messages(&app)
        .into_iter()
        .map(|m| m.message_id.unwrap())
        .collect();
    assert_eq!(
        ids.iter().map(|i| format!("<{i}>")).collect::<Vec<_>>(),
        recorded,
        "the Message-ID sent is the one the outbox keeps"
    );

    // Nothing goes twice.
    let again = app.state.deliver_mail().await.unwrap();
    assert_eq!(again.sent, 0);
    assert_eq!(server.received().len(), 2);

    // The seated person cancels, and the one waiting hears of the seat, in English.
    let mine = app
        .db
        .read_blocking(move |c| framsyn::storage::events::registrations(c, event))
        .unwrap()
        .into_iter()
        .find(|r| r.email == STRATEGIST_A)
        .unwrap()
        .id;
    let cancelled = a.post(&format!("/registrations/{mine}/cancel"), &[]).await;
    assert_eq!(
        cancelled.status,
        StatusCode::SEE_OTHER,
        "{}",
        cancelled.body
    );
    app.state.deliver_mail().await.unwrap();
    let received = server.wait_for(3, Duration::from_secs(5));
    assert_eq!(received[2].to, [STRATEGIST_B.to_string()]);
    assert_eq!(
        received[2]
            .parsed()
            .header_raw("Content-Language")
            .map(str::trim),
        Some("en")
    );
    assert_eq!(messages(&app)[2].kind.key(), "promoted");
}

#[tokio::test]
async fn a_new_person_gets_a_working_set_password_link_by_mail_which_the_outbox_then_forgets() {
    let server = SmtpServer::start();
    let mut app = spawn_with(regionerna(), config_to(server.addr.port()));
    let w = world(&app);
    let admin = app.as_admin().await;
    let org = w.org_b.to_string();
    let created = admin
        .post(
            "/admin/users/new",
            &[
                ("name", "Nora Nyberg"),
                ("email", "nora@norrbotten.test"),
                ("organisation_id", &org),
                ("roles", "strategist"),
            ],
        )
        .await;
    assert!(created.status.is_success(), "{}", created.body);
    assert_eq!(messages(&app).len(), 1);
    app.state.deliver_mail().await.unwrap();
    let received = server.wait_for(1, Duration::from_secs(5));
    assert_eq!(received[0].to, ["nora@norrbotten.test".to_string()]);
    let parsed = received[0].parsed();
    assert_eq!(
        parsed.attachment_count(),
        0,
        "no calendar for a password link"
    );
    let text = parsed.body_text(0).unwrap().to_string();
    let link = link_in(&text, "/set-password/");
    let token = link.rsplit('/').next().unwrap().to_string();
    let html = scraper::Html::parse_document(&parsed.body_html(0).unwrap());
    let hrefs: Vec<String> = html
        .select(&scraper::Selector::parse("a[href]").unwrap())
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    assert_eq!(
        hrefs,
        std::slice::from_ref(&link),
        "the HTML part links to the same page"
    );

    // The link works, and the outbox no longer holds it once sent.
    let page = app.get(&format!("/set-password/{token}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let kept: String = app
        .db
        .read_blocking(|c| {
            Ok(c.query_row("SELECT group_concat(content) FROM outbox", [], |r| r.get(0))?)
        })
        .unwrap();
    assert!(!kept.contains(&token), "{kept}");

    // A fresh link from the administrator goes by mail too.
    let person = app
        .db
        .read_blocking(|c| framsyn::storage::users::find_by_email(c, "nora@norrbotten.test"))
        .unwrap()
        .unwrap();
    let again = admin
        .post(&format!("/admin/users/{person}/password-link"), &[])
        .await;
    assert!(again.status.is_success());
    app.state.deliver_mail().await.unwrap();
    let received = server.wait_for(2, Duration::from_secs(5));
    assert_eq!(received[1].to, ["nora@norrbotten.test".to_string()]);
}

#[tokio::test]
async fn while_the_server_is_down_messages_wait_and_go_once_when_it_is_back() {
    let port = SmtpServer::free_port();
    let app = spawn_with(regionerna(), config_to(port));
    world(&app);
    let event = workshop_with(&app, "10").await;
    let a = app.as_strategist_a().await;
    a.post(&format!("/events/{event}/register"), &[("person", "self")])
        .await;

    let pass = app.state.deliver_mail().await.unwrap();
    assert_eq!((pass.sent, pass.retried, pass.failed), (0, 1, 0));
    let waiting = &messages(&app)[0];
    assert_eq!(waiting.status.key(), "queued");
    assert_eq!(waiting.attempts, 1);
    assert!(waiting.last_error.is_some());
    assert!(waiting.next_attempt_at > app.clock.now_seconds());
    let first_id = waiting
        .message_id
        .clone()
        .expect("fixed at the first attempt");

    // Not due yet: nothing is tried.
    let early = app.state.deliver_mail().await.unwrap();
    assert_eq!((early.sent, early.retried), (0, 0));

    let server = SmtpServer::start_on(port);
    app.clock.advance(chrono::Duration::minutes(2));
    let pass = app.state.deliver_mail().await.unwrap();
    assert_eq!(pass.sent, 1);
    let received = server.wait_for(1, Duration::from_secs(5));
    assert_eq!(
        format!("<{}>", received[0].parsed().message_id().unwrap()),
        first_id,
        "the same Message-ID as the failed attempt"
    );
    let sent = &messages(&app)[0];
    assert_eq!(sent.status.key(), "sent");
    assert_eq!(sent.attempts, 2, "the failed attempt and the delivery");
    app.clock.advance(chrono::Duration::hours(7));
    app.state.deliver_mail().await.unwrap();
    assert_eq!(server.received().len(), 1, "delivered once");
}

#[tokio::test]
async fn a_refused_message_is_failed_at_once_and_an_administrator_may_retry_it() {
    let server = SmtpServer::start();
    let app = spawn_with(regionerna(), config_to(server.addr.port()));
    let w = world(&app);
    app.user("nobody@refused.test", w.org_a, &[Role::Strategist]);
    let event = workshop_with(&app, "10").await;
    let refused = app.as_user("nobody@refused.test").await;
    refused
        .post(&format!("/events/{event}/register"), &[("person", "self")])
        .await;
    let pass = app.state.deliver_mail().await.unwrap();
    assert_eq!((pass.sent, pass.failed), (0, 1));
    let failed = &messages(&app)[0];
    assert_eq!(failed.status.key(), "failed");

    let admin = app.as_admin().await;
    let page = admin.get("/admin/outbox?status=failed").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.texts("[data-outbox-unconfigured]").is_empty());
    assert_eq!(
        page.attrs("[data-status-count=failed]", "data-count"),
        ["1"]
    );
    assert_eq!(
        page.attrs("tr[data-message]", "data-message"),
        [failed.id.to_string()]
    );
    assert_eq!(page.texts("[data-last-error]").len(), 1);

    let retried = admin
        .post(&format!("/admin/outbox/{}/retry", failed.id), &[])
        .await;
    assert_eq!(retried.status, StatusCode::SEE_OTHER);
    let again = &messages(&app)[0];
    assert_eq!((again.status.key(), again.attempts), ("queued", 0));
    let logged: i64 = app
        .db
        .read_blocking(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM audit_log WHERE action = 'message.retry'",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(logged, 1);
    let missing = admin.post("/admin/outbox/999999/retry", &[]).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn without_an_smtp_server_messages_wait_and_the_outbox_page_says_so() {
    let app = spawn_app();
    world(&app);
    let event = workshop_with(&app, "10").await;
    let a = app.as_strategist_a().await;
    a.post(&format!("/events/{event}/register"), &[("person", "self")])
        .await;
    let pass = app.state.deliver_mail().await.unwrap();
    assert_eq!((pass.sent, pass.retried, pass.failed), (0, 0, 0));
    let admin = app.as_admin().await;
    let page = admin.get("/admin/outbox").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.texts("[data-outbox-unconfigured]").len(), 1);
    assert_eq!(
        page.attrs("[data-status-count=queued]", "data-count"),
        ["1"]
    );
    assert_eq!(
        page.attrs("tr[data-message]", "data-kind"),
        ["registration-confirmed"]
    );
    let nav = admin.get("/").await;
    assert_eq!(nav.attrs("a[href='/admin/outbox']", "href").len(), 1);
}

fn sequence_of(calendar: &ical::parser::ical::component::IcalCalendar) -> u32 {
    property(&calendar.events[0].properties, "SEQUENCE")
        .and_then(|p| p.value.as_deref())
        .and_then(|v| v.parse().ok())
        .expect("a SEQUENCE")
}

#[tokio::test]
async fn those_registered_hear_of_a_change_and_of_a_cancellation_with_the_calendar_updated() {
    let server = SmtpServer::start();
    let app = spawn_with(regionerna(), config_to(server.addr.port()));
    world(&app);
    let leader = app.as_leader().await;
    let (starts, ends) = (local(7, 9), local(7, 16));
    let fields = workshop(&starts, &ends, "1", "");
    let event = schedule(&leader, &fields).await;
    let a = app.as_strategist_a().await;
    a.post(&format!("/events/{event}/register"), &[("person", "self")])
        .await;
    let b = app.as_strategist_b().await;
    b.post(&format!("/events/{event}/register"), &[("person", "self")])
        .await;
    // A third person registers and cancels again: they hear nothing more.
    let gone = app
        .as_new_user("borta@skane.test", world_org_a(&app), &[Role::Strategist])
        .await;
    gone.post(&format!("/events/{event}/register"), &[("person", "self")])
        .await;
    let theirs = registration_of(&app, event, "borta@skane.test");
    gone.post(&format!("/registrations/{theirs}/cancel"), &[])
        .await;
    app.state.deliver_mail().await.unwrap();
    let before = server.received().len();
    assert_eq!(before, 3);

    // Only the contact person changes: nothing to tell.
    let mut quiet = fields.clone();
    quiet.retain(|(k, _)| *k != "contact_name");
    quiet.push(("contact_name", "Mira Lind"));
    let saved = leader.post(&format!("/events/{event}/edit"), &quiet).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(messages(&app).len(), 3);

    // Half an hour later, with a note: both hear of it, each with their own standing.
    let later = local(7, 10);
    let mut moved = fields.clone();
    moved.retain(|(k, _)| *k != "starts");
    moved.push(("starts", &later));
    moved.push(("change_note", "Vi börjar en timme senare."));
    let saved = leader.post(&format!("/events/{event}/edit"), &moved).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    app.state.deliver_mail().await.unwrap();
    let received = server.wait_for(before + 2, Duration::from_secs(5));
    let changed: Vec<_> = received[before..].iter().collect();
    let mut to: Vec<_> = changed.iter().map(|r| r.to[0].clone()).collect();
    to.sort();
    assert_eq!(to, [STRATEGIST_B, STRATEGIST_A]);
    let first_sequence = sequence_of(&calendar_of(&received[0].parsed()));
    for got in &changed {
        let parsed = got.parsed();
        let text = parsed.body_text(0).unwrap();
        assert!(text.contains("Vi börjar en timme senare."), "{text}");
        let calendar = calendar_of(&parsed);
        assert_eq!(
            property(&calendar.properties, "METHOD").and_then(|p| p.value.as_deref()),
            Some("REQUEST")
        );
        assert!(sequence_of(&calendar) > first_sequence);
        let start = property(&calendar.events[0].properties, "DTSTART")
            .and_then(|p| p.value.clone())
            .unwrap();
        assert!(start.ends_with("T100000"), "{start}");
    }
    let kinds: Vec<_> = messages(&app)[3..].iter().map(|m| m.kind.key()).collect();
    assert_eq!(kinds, ["event-changed", "event-changed"]);

    // Cancelled: the invitation withdraws the event.
    let cancelled = leader
        .post(
            &format!("/events/{event}/cancel"),
            &[("note", "Inställt på grund av storm."), ("confirm", "yes")],
        )
        .await;
    assert_eq!(cancelled.status, StatusCode::SEE_OTHER);
    app.state.deliver_mail().await.unwrap();
    let received = server.wait_for(before + 4, Duration::from_secs(5));
    assert_eq!(received.len(), before + 4, "the one who left hears nothing");
    for got in &received[before + 2..] {
        let parsed = got.parsed();
        let calendar = calendar_of(&parsed);
        assert_eq!(
            property(&calendar.properties, "METHOD").and_then(|p| p.value.as_deref()),
            Some("CANCEL")
        );
        assert_eq!(
            property(&calendar.events[0].properties, "STATUS").and_then(|p| p.value.as_deref()),
            Some("CANCELLED")
        );
    }
    let kinds: Vec<_> = messages(&app)[5..].iter().map(|m| m.kind.key()).collect();
    assert_eq!(kinds, ["event-cancelled", "event-cancelled"]);
}

fn world_org_a(app: &TestApp) -> i64 {
    app.db
        .read_blocking(|c| {
            let id = framsyn::storage::users::find_by_email(c, STRATEGIST_A)?.unwrap();
            Ok(framsyn::storage::users::get(c, id)?
                .unwrap()
                .organisation_id)
        })
        .unwrap()
}

fn registration_of(app: &TestApp, event: i64, email: &str) -> i64 {
    let email = email.to_string();
    app.db
        .read_blocking(move |c| framsyn::storage::events::registrations(c, event))
        .unwrap()
        .into_iter()
        .find(|r| r.email == email)
        .unwrap()
        .id
}

#[tokio::test]
async fn a_visitor_counts_only_once_they_confirm_by_the_link_in_the_mail() {
    let server = SmtpServer::start();
    let app = spawn_with(regionerna(), config_to(server.addr.port()));
    world(&app);
    let leader = app.as_leader().await;
    let (starts, ends) = (local(20, 9), local(20, 16));
    let mut open = workshop(&starts, &ends, "100", "");
    open.retain(|(k, _)| *k != "audience");
    open.push(("audience", "public"));
    let event = schedule(&leader, &open).await;

    let visitor = app.visitor();
    visitor.set_lang("en");
    let sent = visitor
        .post(
            &format!("/events/{event}/register"),
            &[("name", "Vera Besökare"), ("email", "vera@example.se")],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let registered = || {
        app.db
            .read_blocking(move |c| framsyn::storage::events::registrations(c, event))
            .unwrap()
    };
    assert!(
        registered().is_empty(),
        "not counted before it is confirmed"
    );

    app.state.deliver_mail().await.unwrap();
    let received = server.wait_for(1, Duration::from_secs(5));
    assert_eq!(received[0].to, ["vera@example.se".to_string()]);
    let parsed = received[0].parsed();
    assert_eq!(
        parsed.header_raw("Content-Language").map(str::trim),
        Some("en")
    );
    assert_eq!(
        parsed.attachment_count(),
        0,
        "no invitation before the seat"
    );
    let text = parsed.body_text(0).unwrap().to_string();
    assert!(
        !text.contains("meet.example.se"),
        "the online link is for those registered"
    );
    let link = link_in(&text, "/registrations/confirm/");
    let path = link.trim_start_matches("http://framsyn.test").to_string();

    // Opening the link changes nothing; the button confirms.
    let page = visitor.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.attrs("[data-confirm-event]", "data-confirm-event"),
        [event.to_string()]
    );
    assert!(registered().is_empty());
    let confirmed = visitor.post(&path, &[]).await;
    assert_eq!(confirmed.status, StatusCode::SEE_OTHER);
    let shown = visitor.get(confirmed.location()).await;
    assert_eq!(shown.attrs("[data-notice]", "data-notice"), ["confirmed"]);
    let rows = registered();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].email, "vera@example.se");
    assert_eq!(rows[0].status.key(), "confirmed");

    // Now the seat is told, with the event as an invitation, in her language.
    app.state.deliver_mail().await.unwrap();
    let received = server.wait_for(2, Duration::from_secs(5));
    let parsed = received[1].parsed();
    assert_eq!(
        parsed.header_raw("Content-Language").map(str::trim),
        Some("en")
    );
    calendar_of(&parsed);

    // The link works once.
    assert_eq!(visitor.get(&path).await.status, StatusCode::NOT_FOUND);
    assert_eq!(visitor.post(&path, &[]).await.status, StatusCode::NOT_FOUND);
    let kept: String = app
        .db
        .read_blocking(|c| {
            Ok(c.query_row(
                "SELECT group_concat(content) FROM outbox WHERE status = 'sent'",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    let token = path.rsplit('/').next().unwrap();
    assert!(!kept.contains(token), "the outbox forgets a sent link");

    // A link not used in two days expires, and the registration with it.
    visitor
        .post(
            &format!("/events/{event}/register"),
            &[("name", "Sen Besökare"), ("email", "sen@example.se")],
        )
        .await;
    app.state.deliver_mail().await.unwrap();
    let received = server.wait_for(3, Duration::from_secs(5));
    let late = received[2].parsed().body_text(0).unwrap().to_string();
    let late = link_in(&late, "/registrations/confirm/")
        .trim_start_matches("http://framsyn.test")
        .to_string();
    app.clock.advance(chrono::Duration::hours(49));
    let expired = visitor.get(&late).await;
    assert_eq!(expired.status, StatusCode::NOT_FOUND);
    assert_eq!(expired.texts("#link-invalid").len(), 1);
    assert_eq!(visitor.post(&late, &[]).await.status, StatusCode::NOT_FOUND);
    assert_eq!(registered().len(), 1);
    // The daily round of housekeeping forgets it: no name or address is kept.
    let now = app.clock.now_seconds();
    let forgotten = app
        .db
        .write_blocking(move |tx| framsyn::storage::events::delete_expired_pending(tx, now))
        .unwrap();
    assert_eq!(forgotten, 1);
}

#[tokio::test]
async fn a_submitted_home_assignment_is_told_to_the_process_leaders_and_the_review_to_the_organisation()
 {
    use super::assignments::{PAGE, bank};
    let server = SmtpServer::start();
    let app = spawn_with(regionerna(), config_to(server.addr.port()));
    let w = world(&app);
    app.user("ledare2@reglab.test", w.office, &[Role::ProcessLeader]);
    app.user("kollega@skane.test", w.org_a, &[Role::Strategist]);
    let gone = app.user("slutat@skane.test", w.org_a, &[Role::Strategist]);
    app.db
        .write_blocking(move |tx| framsyn::storage::users::set_active(tx, gone, false))
        .unwrap();
    let (first, second, _) = bank(&app).await;
    app.state.deliver_mail().await.unwrap();
    let before = server.received().len();

    let strategist = app.as_strategist_a().await;
    let complete = [
        ("action", "submit"),
        ("version", ""),
        ("answer-viktigast", "Demografin."),
        ("answer-minst-viktiga", "Turismen."),
        ("most-1", first.as_str()),
        ("most-2", second.as_str()),
    ];
    let submitted = strategist.post(PAGE, &complete).await;
    assert_eq!(
        submitted.status,
        StatusCode::SEE_OTHER,
        "{}",
        submitted.body
    );
    app.state.deliver_mail().await.unwrap();
    let received = server.wait_for(before + 2, Duration::from_secs(5));
    let mut to: Vec<_> = received[before..].iter().map(|r| r.to[0].clone()).collect();
    to.sort();
    assert_eq!(to, ["ledare2@reglab.test", LEADER]);
    let text = received[before].parsed().body_text(0).unwrap().to_string();
    assert!(
        text.contains(&format!("/phases/omvarlden/submissions/{}", w.org_a)),
        "{text}"
    );
    assert!(text.contains("Region Skåne"), "{text}");

    let leader = app.as_leader().await;
    let review = format!("/phases/omvarlden/submissions/{}/review", w.org_a);
    let returned = leader
        .post(
            &review,
            &[
                ("action", "return"),
                ("version", "1"),
                ("comment", "Utveckla svaret om turismen."),
            ],
        )
        .await;
    assert_eq!(returned.status, StatusCode::SEE_OTHER, "{}", returned.body);
    app.state.deliver_mail().await.unwrap();
    let received = server.wait_for(before + 4, Duration::from_secs(5));
    assert_eq!(received.len(), before + 4, "the one who left hears nothing");
    let mut to: Vec<_> = received[before + 2..]
        .iter()
        .map(|r| r.to[0].clone())
        .collect();
    to.sort();
    assert_eq!(to, ["kollega@skane.test", STRATEGIST_A]);
    for got in &received[before + 2..] {
        let text = got.parsed().body_text(0).unwrap().to_string();
        assert!(text.contains("Utveckla svaret om turismen."), "{text}");
    }

    let mut again = complete.to_vec();
    again[1] = ("version", "2");
    assert_eq!(
        strategist.post(PAGE, &again).await.status,
        StatusCode::SEE_OTHER
    );
    let accepted = leader
        .post(&review, &[("action", "accept"), ("version", "3")])
        .await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);
    let kinds: Vec<_> = messages(&app)
        .iter()
        .map(|m| m.kind.key())
        .filter(|k| k.starts_with("assignment-"))
        .collect();
    assert_eq!(
        kinds,
        [
            "assignment-submitted",
            "assignment-submitted",
            "assignment-returned",
            "assignment-returned",
            "assignment-submitted",
            "assignment-submitted",
            "assignment-accepted",
            "assignment-accepted"
        ]
    );
}

#[tokio::test]
async fn a_text_for_review_is_told_to_the_other_editors_and_input_to_its_moderators() {
    use super::editorial::{EDITOR_2, output, step, take, version_of};
    let server = SmtpServer::start();
    let app = spawn_with(regionerna(), config_to(server.addr.port()));
    let w = world(&app);
    app.user(EDITOR_2, w.office, &[Role::Editor]);
    let editor = app.as_editor().await;
    let created = editor
        .post(
            "/editorial/new",
            &output("Fördjupad omvärldsanalys", "Första **utkastet**.", "save"),
        )
        .await;
    let id: i64 = created
        .location()
        .trim_start_matches("/editorial/")
        .parse()
        .unwrap();
    assert!(messages(&app).is_empty(), "a draft tells nobody");
    let submitted = take(&editor, id, &step(&version_of(&app, id), "submit")).await;
    assert_eq!(
        submitted.status,
        StatusCode::SEE_OTHER,
        "{}",
        submitted.body
    );
    app.state.deliver_mail().await.unwrap();
    let received = server.wait_for(1, Duration::from_secs(5));
    assert_eq!(received.len(), 1, "the other editor only");
    assert_eq!(received[0].to, [EDITOR_2.to_string()]);
    let text = received[0].parsed().body_text(0).unwrap().to_string();
    assert!(text.contains(&format!("/editorial/{id}")), "{text}");
    assert!(text.contains("Fördjupad omvärldsanalys"), "{text}");

    // Input from the public: the process leader and both editors, never the sender's
    // contact details.
    let visitor = app.visitor();
    let sent = visitor
        .post(
            "/input",
            &[
                ("body", "Fler **cykelvägar** på landsbygden."),
                ("name", "Eva Ek"),
                ("email", "eva.ek@example.test"),
            ],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    app.state.deliver_mail().await.unwrap();
    let received = server.wait_for(4, Duration::from_secs(5));
    let mut to: Vec<_> = received[1..].iter().map(|r| r.to[0].clone()).collect();
    to.sort();
    assert_eq!(to, [LEADER, EDITOR_2, EDITOR]);
    for got in &received[1..] {
        let text = got.parsed().body_text(0).unwrap().to_string();
        assert!(text.contains("cykelvägar"), "{text}");
        assert!(!text.contains("eva.ek@example.test"), "{text}");
        assert!(!text.contains("Eva Ek"), "{text}");
    }
}

#[tokio::test]
async fn an_optional_message_unsubscribes_in_one_click_and_the_preferences_turn_it_on_again() {
    use super::assignments::{PAGE, bank};
    let server = SmtpServer::start();
    let app = spawn_with(regionerna(), config_to(server.addr.port()));
    let w = world(&app);
    app.user("ledare2@reglab.test", w.office, &[Role::ProcessLeader]);
    let (first, second, _) = bank(&app).await;
    let strategist = app.as_strategist_a().await;
    let submit = |version: &'static str| {
        [
            ("action", "submit"),
            ("version", version),
            ("answer-viktigast", "Demografin."),
            ("answer-minst-viktiga", "Turismen."),
            ("most-1", first.as_str()),
            ("most-2", second.as_str()),
        ]
    };
    strategist.post(PAGE, &submit("")).await;
    app.state.deliver_mail().await.unwrap();
    let received = server.received();
    let to_leader = received
        .iter()
        .find(|r| r.to == [LEADER.to_string()])
        .expect("the leader is told");
    let parsed = to_leader.parsed();
    let (url, path) = one_click_unsubscribe(&parsed);
    let url = url.as_str();
    let text = parsed.body_text(0).unwrap().to_string();
    assert!(text.contains(url), "the text offers it too: {text}");
    assert!(text.contains("/account/messages"), "{text}");

    // The mail program's one click: a POST without sign-in.
    let click = app
        .visitor()
        .post(&path, &[("List-Unsubscribe", "One-Click")])
        .await;
    assert_eq!(click.status, StatusCode::OK, "{}", click.body);
    assert_eq!(
        click.attrs("[data-unsubscribed]", "data-unsubscribed"),
        ["assignment-submitted"]
    );
    assert_eq!(
        app.visitor()
            .post("/unsubscribe/nonsense", &[])
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // Returned (always sent, and without the header), then submitted again: only the
    // other leader hears of it.
    let leader = app.as_leader().await;
    let review = format!("/phases/omvarlden/submissions/{}/review", w.org_a);
    leader
        .post(
            &review,
            &[
                ("action", "return"),
                ("version", "1"),
                ("comment", "Mer om turismen."),
            ],
        )
        .await;
    app.state.deliver_mail().await.unwrap();
    let returned = server
        .received()
        .into_iter()
        .find(|r| r.to == [STRATEGIST_A.to_string()])
        .unwrap();
    assert!(returned.parsed().header_raw("List-Unsubscribe").is_none());
    let before = messages(&app).len();
    strategist.post(PAGE, &submit("2")).await;
    let new: Vec<_> = messages(&app)[before..]
        .iter()
        .map(|m| m.recipient.clone())
        .collect();
    assert_eq!(new, ["ledare2@reglab.test"]);

    // The preferences page shows it off; turned on again, in English.
    let page = leader.get("/account/messages").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.attrs(
            "[data-kind=assignment-submitted] input:not([checked])",
            "value"
        ),
        ["assignment-submitted"]
    );
    let saved = leader
        .post(
            "/account/messages",
            &[
                ("lang", "en"),
                ("kind", "assignment-submitted"),
                ("kind", "input-received"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let page = leader.get(saved.location()).await;
    assert_eq!(page.texts("[data-saved]").len(), 1);
    assert_eq!(
        page.attrs("[data-kind] input[checked]", "value"),
        ["assignment-submitted", "input-received"]
    );
    assert_eq!(page.attrs("#f-lang option[selected]", "value"), ["en"]);
    let accepted = leader
        .post(
            &review,
            &[("action", "return"), ("version", "3"), ("comment", "Igen.")],
        )
        .await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);
    let before = messages(&app).len();
    strategist.post(PAGE, &submit("4")).await;
    let again: Vec<_> = messages(&app)[before..]
        .iter()
        .map(|m| (m.recipient.clone(), m.lang.map(|l| l.code())))
        .collect();
    assert!(
        again.contains(&(LEADER.to_string(), Some("en"))),
        "{again:?}"
    );

    // A strategist's roles bring the reminders as optional kinds.
    let mine = strategist.get("/account/messages").await;
    assert_eq!(
        mine.attrs("[data-kind]", "data-kind"),
        ["assignment-reminder", "round-opened", "round-closing"]
    );
}
