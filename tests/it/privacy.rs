//! Personal data is the person's: a person's own data as a download, an administrator
//! anonymising someone (nothing identifying left, the contributions kept), the
//! programme's retention with the clock moved on, and the privacy page.

use axum::http::StatusCode;
use chrono::{Duration, Months};

use super::assignments::{PAGE as ASSIGNMENT, trend};
use super::events::workshop;
use super::helpers::*;
use super::rounds::{rate_three, setup};
use framsyn::domain::user::{Email, Role};
use framsyn::storage::{Db, users};

const NAME: &str = "Vera Unikdottir";

/// Gives the person with `email` a name no other test person has.
fn rename(app: &TestApp, email: &str, name: &str) -> i64 {
    let (email, name) = (email.to_string(), name.to_string());
    app.db
        .write_blocking(move |tx| {
            let id = users::find_by_email(tx, &email)?.unwrap();
            let person = users::get(tx, id)?.unwrap();
            let address = Email::parse(&email).unwrap();
            users::update(tx, id, &name, &address, person.organisation_id)?;
            Ok(id)
        })
        .unwrap()
}

/// Every text value of every table (as `table.column`) that holds `needle`, ignoring case.
fn occurrences(db: &Db, needle: &str) -> Vec<String> {
    let needle = needle.to_lowercase();
    db.read_blocking(move |c| {
        let tables: Vec<String> = c
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut found = Vec::new();
        for table in tables {
            let mut stmt = c.prepare(&format!("SELECT * FROM \"{table}\""))?;
            let columns: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                for (i, column) in columns.iter().enumerate() {
                    let text = match row.get_ref(i)? {
                        rusqlite::types::ValueRef::Text(t) => {
                            String::from_utf8_lossy(t).to_lowercase()
                        }
                        rusqlite::types::ValueRef::Blob(b) => {
                            String::from_utf8_lossy(b).to_lowercase()
                        }
                        _ => continue,
                    };
                    if text.contains(&needle) {
                        found.push(format!("{table}.{column}"));
                    }
                }
            }
        }
        Ok(found)
    })
    .unwrap()
}

fn scalar(db: &Db, sql: &'static str, id: i64) -> i64 {
    db.read_blocking(move |c| Ok(c.query_row(sql, [id], |r| r.get(0))?))
        .unwrap()
}

/// The person's contributions as they stand: notes, ratings and submission versions.
fn contributions(db: &Db, id: i64) -> Vec<String> {
    db.read_blocking(move |c| {
        let mut all = Vec::new();
        for sql in [
            "SELECT id || ':' || title || ':' || summary || ':' || status FROM notes WHERE author_id = ?1 ORDER BY id",
            "SELECT round_id || ':' || note_id || ':' || criterion || ':' || coalesce(value, 'dk') FROM ratings WHERE user_id = ?1 ORDER BY 1",
            "SELECT round_id || ':' || note_id || ':' || reason FROM rating_reasons WHERE user_id = ?1 ORDER BY 1",
            "SELECT submission_id || ':' || version || ':' || snapshot FROM submission_revisions WHERE changed_by = ?1 ORDER BY id",
        ] {
            let rows: Vec<String> = c
                .prepare(sql)?
                .query_map([id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            all.push(format!("{} rows", rows.len()));
            all.extend(rows);
        }
        Ok(all)
    })
    .unwrap()
}

/// A members' workshop in a fortnight, scheduled by the process leader; `public` opens
/// it to anyone.
async fn event(app: &TestApp, public: bool) -> i64 {
    let (starts, ends) = (local(14, 9), local(14, 16));
    let mut fields = workshop(&starts, &ends, "50", "");
    if public {
        fields.retain(|(k, _)| *k != "audience");
        fields.push(("audience", "public"));
    }
    super::events::schedule(&app.as_leader().await, &fields).await
}

#[tokio::test]
async fn a_person_downloads_their_own_data_and_nobody_elses() {
    let app = spawn_app();
    world(&app);
    let id = rename(&app, STRATEGIST_A, NAME);
    let event = event(&app, false).await;
    let a = app.as_strategist_a().await;
    let b = app.as_strategist_b().await;
    let register = format!("/events/{event}/register");
    for who in [&a, &b] {
        let done = who.post(&register, &[("person", "self")]).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    }
    trend(&a, "trend", "Vattenbrist i söder", "submit").await;
    trend(&b, "trend", "Norrskenets ekonomi", "submit").await;
    let source = a
        .post(
            "/sources/new",
            &[
                ("kind", "report"),
                ("title", "Vattnet i Skåne 2040"),
                ("publisher", "Länsstyrelsen i Skåne"),
                ("year", "2024"),
                ("summary", "Torrare somrar."),
            ],
        )
        .await;
    assert_eq!(source.status, StatusCode::SEE_OTHER, "{}", source.body);
    let sent = app
        .visitor()
        .post(
            "/input",
            &[("body", "Fler brunnar."), ("email", STRATEGIST_A)],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);

    let visitor = app.visitor();
    let asked = visitor.get("/account/data.json").await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER);
    assert!(
        asked.location().starts_with("/login"),
        "{}",
        asked.location()
    );

    let page = a.get("/account").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.attrs("a[data-download=personal-data]", "href"),
        ["/account/data.json"]
    );
    assert!(!page.attrs("main a[href='/privacy']", "href").is_empty());

    // Their choices about messages are theirs too.
    let chose = a
        .post(
            "/account/messages",
            &[
                ("lang", "nb"),
                ("digest", "weekly"),
                ("kind", "assignment-reminder"),
                ("kind", "round-closing"),
            ],
        )
        .await;
    assert_eq!(chose.status, StatusCode::SEE_OTHER);

    let file = a.get("/account/data.json").await;
    assert_eq!(file.status, StatusCode::OK);
    let disposition = file.headers["content-disposition"].to_str().unwrap();
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    let data: serde_json::Value = serde_json::from_str(&file.body).unwrap();
    assert_eq!(data["format"], "framsyn-personal-data/1");
    assert_eq!(data["profile"]["id"], id);
    assert_eq!(data["profile"]["name"], NAME);
    assert_eq!(data["profile"]["email"], STRATEGIST_A);
    assert_eq!(data["profile"]["organisation"], "Region Skåne");
    assert_eq!(data["profile"]["roles"], serde_json::json!(["strategist"]));
    assert_eq!(data["profile"]["message_language"], "nb");
    assert_eq!(data["profile"]["digest"], "weekly");
    assert_eq!(
        data["profile"]["messages_turned_off"],
        serde_json::json!(["round-opened"])
    );
    let registrations = data["registrations"].as_array().unwrap();
    assert_eq!(registrations.len(), 1);
    assert_eq!(registrations[0]["email"], STRATEGIST_A);
    assert_eq!(registrations[0]["event_id"], event);
    let notes: Vec<&str> = data["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["title"].as_str().unwrap())
        .collect();
    assert_eq!(notes, ["Vattenbrist i söder"]);
    assert!(!data["sessions"].as_array().unwrap().is_empty());
    let writings = data["writings"].as_array().unwrap();
    assert_eq!(writings.len(), 1, "{writings:?}");
    assert_eq!(writings[0]["kind"], "source");
    assert!(
        writings[0]["text"]
            .as_str()
            .unwrap()
            .contains("Vattnet i Skåne 2040")
    );
    let inputs = data["inputs"].as_array().unwrap();
    assert_eq!(inputs.len(), 1, "{inputs:?}");
    let kinds: Vec<&str> = data["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["registration-confirmed"],
        "the messages written to them"
    );
    assert_eq!(inputs[0]["body"], "Fler brunnar.");
    // Nothing of anyone else's, and never a session token.
    assert!(!file.body.contains(STRATEGIST_B));
    assert!(!file.body.contains("Norrskenets ekonomi"));
    let token = a.session_cookie();
    let token = token.trim_start_matches("framsyn_session=");
    assert!(
        !file.body.contains(token),
        "the session token is not exported"
    );
    assert!(!file.body.contains("token"), "no token field either");
}

#[tokio::test]
async fn an_administrator_anonymises_a_person_and_only_their_identity_goes() {
    let app = spawn_app();
    let (_, first, _, round) = setup(&app).await;
    let id = rename(&app, STRATEGIST_A, NAME);
    rate_three(&app, first, round).await;
    let a = app.as_strategist_a().await;
    let event = event(&app, false).await;
    let done = a
        .post(&format!("/events/{event}/register"), &[("person", "self")])
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let (note, _, _) = super::assignments::bank(&app).await;
    let saved = a
        .post(
            ASSIGNMENT,
            &[
                ("action", "save"),
                ("version", ""),
                ("answer-viktigast", "Demografin i inlandet."),
                ("most-1", &note),
                ("most-1-reason", "Störst påverkan"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    // A failed sign-in keeps the address in the throttle's records.
    let mut browser = spawn_app_sharing(&app);
    browser
        .post(
            "/login",
            &[("email", STRATEGIST_A), ("password", "fel lösenord")],
        )
        .await;
    assert!(!occurrences(&app.db, NAME).is_empty());
    assert!(!occurrences(&app.db, STRATEGIST_A).is_empty());

    let before = contributions(&app.db, id);
    assert!(
        before.iter().any(|r| r.contains("Demografin")),
        "{before:?}"
    );
    let leader = app.as_leader().await;
    let figures = format!("/rounds/{round}/figures.csv");
    let figures_before = leader.get(&figures).await.body;
    let ratings = format!("/rounds/{round}/ratings.csv");
    let ratings_before = leader.get(&ratings).await.body.lines().count();
    let progress_before = leader.get("/progress").await.texts("main td");

    // Not an administrator: forbidden, nothing changes.
    let b = app.as_strategist_b().await;
    let path = format!("/admin/users/{id}/anonymise");
    assert_eq!(b.get(&path).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        b.post(&path, &[("confirm", "1")]).await.status,
        StatusCode::FORBIDDEN
    );

    // Asked first: the page says what will happen; without the confirmation, nothing.
    let admin = app.as_admin().await;
    let asked = admin.get(&path).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert_eq!(asked.texts("[data-effects] li").len(), 5);
    assert_eq!(asked.attrs("form input[name=confirm]", "value"), ["1"]);
    let unconfirmed = admin.post(&path, &[]).await;
    assert_eq!(
        (unconfirmed.status, unconfirmed.location()),
        (StatusCode::SEE_OTHER, path.as_str())
    );
    assert!(!occurrences(&app.db, NAME).is_empty());

    // Their seat was told them and the message went out; another waits still.
    let sent_to_them = app
        .db
        .write_blocking(move |tx| {
            use framsyn::domain::mail::Status;
            use framsyn::storage::outbox;
            let theirs: Vec<_> = outbox::list(tx, Some(Status::Queued), 1000)?
                .into_iter()
                .filter(|m| m.user_id == Some(id))
                .collect();
            let first = &theirs[0];
            outbox::mark_sent(
                tx,
                first.id,
                first.created_at + 60,
                &first.content.redacted(),
            )?;
            Ok(theirs.len())
        })
        .unwrap();
    assert!(sent_to_them >= 1);

    let done = admin.post(&path, &[("confirm", "1")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location(), "/admin/users");
    // The outbox keeps what was sent, to no one it names, and drops what waited.
    assert_eq!(
        scalar(
            &app.db,
            "SELECT count(*) FROM outbox WHERE user_id = ?1 AND status = 'sent' AND recipient_name = ''",
            id
        ),
        1
    );
    assert_eq!(
        scalar(
            &app.db,
            "SELECT count(*) FROM outbox WHERE user_id = ?1 AND status = 'queued'",
            id
        ),
        0
    );

    assert_eq!(occurrences(&app.db, NAME), Vec::<String>::new());
    assert_eq!(occurrences(&app.db, "Unikdottir"), Vec::<String>::new());
    assert_eq!(occurrences(&app.db, STRATEGIST_A), Vec::<String>::new());
    // Their sessions are gone and they cannot sign in again.
    assert_eq!(a.get("/account").await.status, StatusCode::SEE_OTHER);
    let mut again = spawn_app_sharing(&app);
    let refused = again
        .post("/login", &[("email", STRATEGIST_A), ("password", PASSWORD)])
        .await;
    assert_ne!(refused.location(), "/start");
    assert!(!again.cookies.contains_key("framsyn_session"));
    assert_eq!(
        scalar(
            &app.db,
            "SELECT count(*) FROM sessions WHERE user_id = ?1",
            id
        ),
        0
    );
    assert_eq!(
        scalar(
            &app.db,
            "SELECT count(*) FROM password_links WHERE user_id = ?1",
            id
        ),
        0
    );
    assert_eq!(
        scalar(&app.db, "SELECT active FROM users WHERE id = ?1", id),
        0
    );

    // The account stays closed: no form to edit it, no new set-password link, no
    // reactivation.
    let form = admin.get(&format!("/admin/users/{id}")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert_eq!(form.texts("main [data-anonymised]").len(), 1);
    assert!(form.attrs("main input[name=name]", "value").is_empty());
    let link = admin
        .post(&format!("/admin/users/{id}/password-link"), &[])
        .await;
    assert_eq!(link.status, StatusCode::FORBIDDEN);
    assert!(
        link.body.contains("anonymised-refused"),
        "the reason is given"
    );
    let reopened = admin
        .post(
            &format!("/admin/users/{id}"),
            &[
                ("name", NAME),
                ("email", STRATEGIST_A),
                ("organisation_id", "1"),
                ("roles", "strategist"),
                ("active", "1"),
            ],
        )
        .await;
    assert_eq!(reopened.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(occurrences(&app.db, NAME), Vec::<String>::new());
    assert_eq!(
        scalar(
            &app.db,
            "SELECT count(*) FROM password_links WHERE user_id = ?1",
            id
        ),
        0
    );
    assert_eq!(
        scalar(&app.db, "SELECT active FROM users WHERE id = ?1", id),
        0
    );

    // Their contributions and the figures stand as they were.
    assert_eq!(contributions(&app.db, id), before);
    assert_eq!(leader.get(&figures).await.body, figures_before);
    assert_eq!(
        leader.get(&ratings).await.body.lines().count(),
        ratings_before
    );
    assert_eq!(
        leader.get("/progress").await.texts("main td"),
        progress_before
    );

    // The log says who was anonymised, and nothing of what was removed.
    let entries = app
        .db
        .read_blocking(move |c| {
            let mut stmt =
                c.prepare("SELECT subject, detail FROM audit_log WHERE action = 'user.anonymise'")?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
        .unwrap();
    assert_eq!(entries, [(format!("user:{id}"), None)]);

    // Pages name them as a former participant of their organisation, in the reader's language.
    admin.set_lang("en");
    let people = admin.get("/admin/users").await;
    assert!(
        people
            .texts("a[data-anonymised]")
            .contains(&"a former participant of Region Skåne".to_string()),
        "{:?}",
        people.texts("a[data-anonymised]")
    );
    // Where their name showed beside what they did, too.
    let log = admin.get("/admin/audit").await;
    assert!(
        log.texts("main td")
            .contains(&"a former participant of Region Skåne".to_string()),
        "{}",
        log.body
    );
    admin.set_lang("sv");
    let log = admin.get("/admin/audit").await;
    assert!(
        log.texts("main td")
            .contains(&"en tidigare deltagare från Region Skåne".to_string())
    );
    assert!(!log.body.contains('\u{E000}'));
    leader.set_lang("en");
    let registrations = leader.get(&format!("/events/{event}/registrations")).await;
    assert!(
        registrations
            .texts("main tbody th")
            .iter()
            .any(|t| t.starts_with("a former participant of Region Skåne")),
        "{:?}",
        registrations.texts("main tbody th")
    );
    let table = leader
        .get(&format!("/events/{event}/registrations.csv"))
        .await;
    assert!(table.body.contains("a former participant of Region Skåne"));
    assert!(!table.body.contains('\u{E000}'));
}

#[tokio::test]
async fn the_last_administrator_cannot_be_anonymised() {
    let app = spawn_app();
    world(&app);
    let admin = app.as_admin().await;
    let refused = admin
        .post(
            &format!("/admin/users/{}/anonymise", admin.id),
            &[("confirm", "1")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(
        refused.body.contains("anonymise-last-administrator"),
        "the reason is given"
    );
    assert!(!occurrences(&app.db, ADMIN).is_empty(), "nothing changed");

    // With a second administrator, the first may go.
    app.user("andra@reglab.test", w_office(&app), &[Role::Administrator]);
    let done = admin
        .post(
            &format!("/admin/users/{}/anonymise", admin.id),
            &[("confirm", "1")],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert!(occurrences(&app.db, ADMIN).is_empty());
}

fn w_office(app: &TestApp) -> i64 {
    scalar(
        &app.db,
        "SELECT id FROM organisations WHERE name = 'Reglab' AND ?1 = ?1",
        0,
    )
}

#[tokio::test]
async fn retention_removes_contact_details_after_the_programmes_months_and_not_before() {
    let app = spawn_app();
    world(&app);
    let programme = regionerna();
    let rules = programme.privacy.clone();
    let config = test_config();
    let public = event(&app, true).await;
    let visitor = app.visitor();
    let sent = visitor
        .post(
            &format!("/events/{public}/register"),
            &[("name", "Olle Öppen"), ("email", "olle@example.se")],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    assert_eq!(confirm_visitor_links(&app).await, 1);
    let a = app.as_strategist_a().await;
    let done = a
        .post(&format!("/events/{public}/register"), &[("person", "self")])
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let input = visitor
        .post(
            "/input",
            &[
                ("body", "Fler cykelvägar."),
                ("name", "Eva Ek"),
                ("email", "eva.ek@example.test"),
            ],
        )
        .await;
    assert_eq!(input.status, StatusCode::SEE_OTHER);
    let input_id = scalar(&app.db, "SELECT max(id) FROM inputs WHERE ?1 = ?1", 0);
    let leader = app.as_leader().await;
    let moderated = leader
        .post(
            &format!("/admin/input/{input_id}"),
            &[("status", "read"), ("public_body", "")],
        )
        .await;
    assert_eq!(
        moderated.status,
        StatusCode::SEE_OTHER,
        "{}",
        moderated.body
    );
    let moderated_at = app.clock.now();
    // A set-password link and a failed sign-in, both short-lived.
    let created = app
        .as_admin()
        .await
        .post(
            "/admin/users/new",
            &[
                ("name", "Ny Person"),
                ("email", "ny@skane.test"),
                ("organisation_id", "2"),
                ("roles", "strategist"),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::OK, "{}", created.body);
    let mut browser = spawn_app_sharing(&app);
    browser
        .post(
            "/login",
            &[("email", "okand@example.se"), ("password", "x")],
        )
        .await;

    let ends = scalar(&app.db, "SELECT ends_at FROM events WHERE id = ?1", public);
    let ends = chrono::DateTime::from_timestamp(ends, 0).unwrap();
    let retain = |now| {
        let (db, programme, config) = (app.db.clone(), programme.clone(), config.clone());
        async move {
            framsyn::app::privacy::retain(&db, &programme, &config, now)
                .await
                .unwrap()
        }
    };
    let kept = |needle: &str| !occurrences(&app.db, needle).is_empty();

    // Just before the registrants' months are up: everything kept.
    let registrants_due = ends + Months::new(rules.registrant_contact_months);
    let early = retain(registrants_due - Duration::hours(1)).await;
    assert_eq!(early.registrations, 0);
    assert!(kept("olle@example.se") && kept("Olle Öppen"));
    // After: the registrant without an account loses name and e-mail, the member keeps theirs.
    let late = retain(registrants_due + Duration::hours(1)).await;
    assert_eq!(late.registrations, 1);
    assert!(!kept("olle@example.se") && !kept("Olle Öppen"));
    assert_eq!(
        scalar(
            &app.db,
            "SELECT count(*) FROM registrations WHERE user_id = ?1 AND email = 'strateg@skane.test'",
            a.id
        ),
        1,
        "an account holder's registration is untouched"
    );
    assert_eq!(
        scalar(
            &app.db,
            "SELECT count(*) FROM registrations WHERE event_id = ?1",
            public
        ),
        2
    );
    // Expired sessions, links and throttle records went with the first run after them.
    assert!(
        early.sessions > 0 && early.password_links == 1 && early.login_failures > 0,
        "{early:?}"
    );
    assert_eq!(
        scalar(
            &app.db,
            "SELECT count(*) FROM password_links WHERE ?1 = ?1",
            0
        ),
        0
    );
    assert_eq!(
        scalar(
            &app.db,
            "SELECT count(*) FROM login_failures WHERE ?1 = ?1",
            0
        ),
        0
    );

    // Input: kept until its months after moderation, then without contact details.
    let input_due = moderated_at + Months::new(rules.input_contact_months);
    assert!(input_due > registrants_due + Duration::hours(1));
    assert_eq!(retain(input_due - Duration::hours(1)).await.inputs, 0);
    assert!(kept("eva.ek@example.test") && kept("Eva Ek"));
    // A day on it has gone, whatever the day: input moderated on 29 February is kept
    // until 1 March of the year it expires, as the retention counts whole months back
    // from the day it runs.
    let after = retain(input_due + Duration::days(1)).await;
    assert_eq!(after.inputs, 1);
    assert!(!kept("eva.ek@example.test") && !kept("Eva Ek"));
    assert_eq!(
        scalar(
            &app.db,
            "SELECT count(*) FROM inputs WHERE body = 'Fler cykelvägar.' AND ?1 = ?1",
            0
        ),
        1
    );
    // The log counts what went, and names no one.
    let logged = app
        .db
        .read_blocking(|c| {
            let mut stmt = c.prepare(
                "SELECT detail FROM audit_log WHERE action = 'privacy.retain' ORDER BY id",
            )?;
            let rows = stmt
                .query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
        .unwrap();
    assert_eq!(
        logged,
        ["registrations=1 inputs=0", "registrations=0 inputs=1"]
    );
    // Idempotent: the same day again removes nothing more.
    assert_eq!(
        retain(input_due + Duration::hours(2)).await,
        Default::default()
    );
}

#[tokio::test]
async fn the_privacy_page_names_the_controller_and_the_months_and_the_forms_link_to_it() {
    let app = spawn_app();
    world(&app);
    let rules = regionerna().privacy;
    let visitor = app.visitor();
    visitor.set_lang("en");
    let page = visitor.get("/privacy").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.texts("[data-controller]"),
        ["The data controller is Reglab."]
    );
    let contact = rules.contact.clone().unwrap();
    assert_eq!(
        page.attrs("a[data-contact]", "href"),
        [format!("mailto:{contact}")]
    );
    assert_eq!(
        page.attrs("td[data-months]", "data-months"),
        [
            rules.registrant_contact_months.to_string(),
            rules.input_contact_months.to_string()
        ]
    );
    assert!(
        page.texts("tr[data-kind=input] td")
            .iter()
            .any(|t| t.contains(&format!("{} months", rules.input_contact_months)))
    );

    let public = event(&app, true).await;
    let form = visitor.get(&format!("/events/{public}")).await;
    assert_eq!(
        form.attrs("#registration-form a[data-privacy-link]", "href"),
        ["/privacy"]
    );
    let input = visitor.get("/input").await;
    assert_eq!(
        input.attrs("form[action='/input'] a[data-privacy-link]", "href"),
        ["/privacy"]
    );
    assert_eq!(
        input.attrs("footer a[data-privacy-link]", "href"),
        ["/privacy"]
    );
    let login = visitor.get("/login").await;
    assert_eq!(
        login.attrs("form[action='/login'] a[data-privacy-link]", "href"),
        ["/privacy"]
    );
    let admin = app.as_admin().await;
    for form in ["/admin/users/new", "/organisations/new", "/admin/users/1"] {
        let page = admin.get(form).await;
        assert_eq!(
            page.attrs("main form a[data-privacy-link]", "href"),
            ["/privacy"],
            "{form}"
        );
    }
    let leader = app.as_leader().await;
    let page = leader.get("/events/new").await;
    assert_eq!(
        page.attrs("main form a[data-privacy-link]", "href"),
        ["/privacy"]
    );
}

#[tokio::test]
async fn a_programme_without_a_privacy_table_gets_the_defaults_and_bad_values_are_refused() {
    let dialogarena =
        framsyn::domain::programme::Programme::load_dir(&programme_dir("dialogarena")).unwrap();
    assert_eq!(dialogarena.privacy.registrant_contact_months, 3);
    let text =
        std::fs::read_to_string(programme_dir("regionerna-2050").join("programme.toml")).unwrap();
    let head = &text[..text.find("[privacy]").unwrap()];
    let phase =
        std::fs::read_to_string(programme_dir("regionerna-2050").join("00-startskott.toml"))
            .unwrap();
    let plain =
        framsyn::domain::programme::Programme::from_texts(head, &[("00-startskott.toml", &phase)])
            .unwrap();
    assert_eq!(plain.privacy, Default::default());
    let zero = format!("{head}\n[privacy]\nregistrant_contact_months = 0\n");
    let refused =
        framsyn::domain::programme::Programme::from_texts(&zero, &[("00-startskott.toml", &phase)])
            .unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("privacy.registrant_contact_months"),
        "{refused}"
    );
}

/// The structure a screen reader walks, for `page`: one `h1` in `main`, no heading level
/// skipped, every form control named by a label, and no element id twice.
fn assert_accessible(page: &TestResponse, path: &str) {
    let html = page.html();
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    assert_eq!(html.select(&select("main h1")).count(), 1, "{path}: one h1");
    let mut level = 1;
    for heading in html.select(&select("main h1, main h2, main h3, main h4")) {
        let next: usize = heading.value().name()[1..].parse().unwrap();
        assert!(next <= level + 1, "{path}: h{next} after h{level}");
        level = next;
    }
    let ids: Vec<&str> = html
        .select(&select("[id]"))
        .filter_map(|e| e.value().attr("id"))
        .collect();
    let unique: std::collections::BTreeSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "{path}: ids unique");
    for control in html.select(&select(
        "main input:not([type=hidden]):not([hidden]), main select, main textarea",
    )) {
        let id = control.value().attr("id").unwrap_or("");
        let labelled = !id.is_empty()
            && html
                .select(&select(&format!("label[for='{id}']")))
                .next()
                .is_some();
        assert!(labelled, "{path}: {:?} has a label", control.value());
    }
}

#[tokio::test]
async fn the_new_pages_are_structured_for_assistive_technology() {
    let app = spawn_app();
    world(&app);
    let target = app.user("utgaende@skane.test", 2, &[Role::Strategist]);
    let admin = app.as_admin().await;
    let anonymise = format!("/admin/users/{target}/anonymise");
    for path in ["/privacy", "/account", anonymise.as_str()] {
        let page = admin.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(
            page.body.starts_with("<!DOCTYPE html>") || page.body.starts_with("<!doctype html>"),
            "{path}"
        );
        assert_accessible(&page, path);
    }
}
