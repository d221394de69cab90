//! The start page (`/start`): each role's sections and what is in them, the active
//! phase's tally against the progress tracker's own figures, signing in landing there,
//! and the use case called without HTTP.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::http::StatusCode;
use chrono::{NaiveDate, TimeZone};

use super::editorial::{EDITOR_2, output, step, take, version_of};
use super::events::{schedule, workshop};
use super::helpers::submitted_note as note;
use super::helpers::*;
use super::rounds::{field, setup as round_setup};
use framsyn::app::progress::tracker;
use framsyn::app::start::start;
use framsyn::domain::progress::Standing;
use framsyn::domain::start::BAR;
use framsyn::domain::user::Email;
use framsyn::domain::user::Role;
use framsyn::storage::{audit, users};

fn roles(page: &TestResponse) -> Vec<String> {
    page.attrs("[data-start-role]", "data-start-role")
}

fn sections(page: &TestResponse) -> Vec<String> {
    page.attrs("[data-start-section]", "data-start-section")
}

fn items(page: &TestResponse, kind: &str) -> usize {
    page.attrs(&format!("[data-todo='{kind}']"), "data-todo")
        .len()
}

fn empty(page: &TestResponse, section: &str) -> bool {
    !page
        .texts(&format!("[data-start-section='{section}'] [data-empty]"))
        .is_empty()
}

/// Noon, local time, of `day` (the programme's time zone).
fn noon(day: NaiveDate) -> chrono::DateTime<chrono::Utc> {
    chrono_tz::Europe::Stockholm
        .from_local_datetime(&day.and_hms_opt(12, 0, 0).unwrap())
        .unwrap()
        .with_timezone(&chrono::Utc)
}

async fn submit_first_assignment(strategist: &Member) {
    let trend = note(strategist, "trend", "Åldrande befolkning").await;
    let submitted = strategist
        .post(
            "/phases/omvarlden/assignment",
            &[
                ("action", "submit"),
                ("answer-viktigast", "Demografin"),
                ("answer-minst-viktiga", "Modetrender"),
                ("most-1", &trend.to_string()),
            ],
        )
        .await;
    assert_eq!(
        submitted.status,
        StatusCode::SEE_OTHER,
        "{}",
        submitted.body
    );
}

#[tokio::test]
async fn a_visitor_is_sent_to_sign_in_and_signing_in_lands_on_the_start_page() {
    let mut app = spawn_app();
    world(&app);
    let visitor = app.get("/start").await;
    assert_eq!(visitor.status, StatusCode::SEE_OTHER);
    assert_eq!(visitor.location(), "/login?next=%2Fstart");
    assert!(
        app.get("/")
            .await
            .attrs("a[href='/start']", "href")
            .is_empty()
    );

    let signed_in = app.login(STRATEGIST_A).await;
    assert_eq!(signed_in.location(), "/start", "no next: the start page");
    let page = app.get("/start").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(roles(&page), ["strategist", "everyone"]);
    let home = app.get("/").await;
    assert_eq!(
        home.attrs("main a[href='/start']", "href").len(),
        1,
        "the programme page links to one's start page"
    );
    assert!(home.attrs("[data-todo]", "data-todo").is_empty());

    app.logout().await;
    let back = app
        .post(
            "/login",
            &[
                ("email", STRATEGIST_A),
                ("password", PASSWORD),
                ("next", "/calendar"),
            ],
        )
        .await;
    assert_eq!(back.location(), "/calendar", "a next address still wins");
}

#[tokio::test]
async fn each_role_has_its_sections_in_order_and_empty_ones_say_so() {
    let app = spawn_app();
    let w = world(&app);
    let both = "ledare.redaktor@reglab.test";
    app.user(both, w.office, &[Role::ProcessLeader, Role::Editor]);
    let cases: [(&str, &[&str], &[&str]); 5] = [
        (
            LEADER,
            &["leader", "everyone"],
            &["review", "proposals", "input", "rounds", "phase"],
        ),
        (
            STRATEGIST_A,
            &["strategist", "everyone"],
            &["owed", "org-events", "rate"],
        ),
        (
            EDITOR,
            &["editor", "everyone"],
            &["texts", "outputs", "input"],
        ),
        (ADMIN, &["admin", "everyone"], &["no-password", "audit"]),
        (
            both,
            &["leader", "editor", "everyone"],
            // Input to moderate once, in the process leader's part.
            &[
                "review",
                "proposals",
                "input",
                "rounds",
                "phase",
                "texts",
                "outputs",
            ],
        ),
    ];
    for (email, want_roles, want_sections) in cases {
        let page = app.as_user(email).await.get("/start").await;
        assert_eq!(page.status, StatusCode::OK, "{email}");
        assert_eq!(roles(&page), want_roles, "{email}");
        let mut want: Vec<&str> = want_sections.to_vec();
        want.extend(["events", "publication"]);
        assert_eq!(sections(&page), want, "{email}");
        // Nothing happened yet: each list says so in a line instead of vanishing.
        for section in ["events", "publication"] {
            assert!(empty(&page, section), "{email}: {section}");
        }
        assert!(
            page.attrs("[data-todo]", "data-todo")
                .iter()
                .all(|k| k == "audit" || k == "assignment" || k == "output")
        );
    }
    let leader = app.as_leader().await.get("/start").await;
    for section in ["review", "proposals", "input", "rounds"] {
        assert!(empty(&leader, section), "{section}");
    }
}

#[tokio::test]
async fn the_leader_sees_reviews_oldest_first_and_open_rounds_with_how_many_answered() {
    let app = spawn_app();
    let (w, first, _second, round) = round_setup(&app).await;
    let (strategist_a, strategist_b) = (app.as_strategist_a().await, app.as_strategist_b().await);
    submit_first_assignment(&strategist_b).await;
    app.clock.advance(chrono::Duration::minutes(5));
    submit_first_assignment(&strategist_a).await;
    let rated = strategist_a
        .post(
            &format!("/rounds/{round}"),
            &[(field(first, "impact").as_str(), "4")],
        )
        .await;
    assert_eq!(rated.status, StatusCode::SEE_OTHER, "{}", rated.body);

    let page = app.as_leader().await.get("/start").await;
    assert_eq!(
        page.attrs("[data-todo='review'] a", "href"),
        [
            format!("/phases/omvarlden/submissions/{}", w.org_b),
            format!("/phases/omvarlden/submissions/{}", w.org_a),
        ],
        "the longest waiting first"
    );
    assert_eq!(
        page.texts("[data-todo='review'] a"),
        ["Region Norrbotten", "Region Skåne"]
    );
    assert_eq!(items(&page, "round-closing"), 0, "closes in 2099");
    assert_eq!(
        page.attrs("[data-todo='round-open']", "data-answered"),
        ["1"]
    );
    assert!(empty(&page, "proposals"));
}

#[tokio::test]
async fn the_active_phases_tally_is_the_trackers() {
    let app = spawn_app();
    world(&app);
    let programme = Arc::new(regionerna());
    let phase = &programme.phases[1];
    app.clock.set(noon(phase.starts + chrono::Days::new(10)));
    submit_first_assignment(&app.as_strategist_a().await).await;
    let org_c = app.organisation("Region Gävleborg", "region");
    app.user("strateg@gavleborg.test", org_c, &[Role::Strategist]);

    // Before the home assignment's due date, then after it (one is then overdue).
    let due = phase.home_assignment().unwrap().due;
    for (moment, overdue) in [(None, 0), (Some(noon(due + chrono::Days::new(1))), 2)] {
        if let Some(moment) = moment {
            app.clock.set(moment);
        }
        // Signed in afresh at the moment (a session does not outlive months).
        let leader = app.as_leader().await;
        let rows = tracker(&app.db, &programme, None).await.unwrap();
        let mut want: BTreeMap<String, usize> = Standing::ALL
            .iter()
            .map(|s| (s.key().to_string(), 0))
            .collect();
        for (_, cells) in &rows {
            *want.get_mut(Standing::of(&cells[1]).key()).unwrap() += 1;
        }
        let page = leader.get("/start").await;
        assert_eq!(
            page.attrs("[data-start-section='phase'] [data-phase]", "data-phase"),
            [phase.slug.as_str()]
        );
        let standings = page.attrs("[data-standings] tbody tr", "data-standing");
        let counts = page.attrs("[data-standings] tbody [data-count]", "data-count");
        let got: BTreeMap<String, usize> = standings
            .into_iter()
            .zip(counts.iter().map(|c| c.parse().unwrap()))
            .collect();
        assert_eq!(got, want);
        assert_eq!(got["submitted"], 1, "Skåne handed in");
        assert_eq!(got["overdue"], overdue);
        assert_eq!(
            page.attrs("[data-standings] [data-total]", "data-total"),
            [rows.len().to_string()]
        );
        // The tracker lists the same organisations.
        let tracked = leader.get("/progress").await;
        for (organisation, _) in &rows {
            tracked.assert_contains(&organisation.name);
        }
        // The bar draws one segment per standing somebody is in.
        let segments = page.attrs(
            "svg[data-chart='standing'] rect[data-standing]",
            "data-standing",
        );
        let nonzero: Vec<_> = BAR
            .iter()
            .filter(|s| want[s.key()] > 0)
            .map(|s| s.key().to_string())
            .collect();
        assert_eq!(segments, nonzero);
    }
}

#[tokio::test]
async fn the_strategist_sees_what_is_owed_its_next_events_and_rounds_half_rated() {
    let app = spawn_app();
    let (_w, first, second, round) = round_setup(&app).await;
    let programme = regionerna();
    let strategist = app.as_strategist_a().await;
    let page = strategist.get("/start").await;
    // The suite's day is after the programme: every home assignment is owed and late.
    let with_assignment: Vec<String> = programme
        .phases
        .iter()
        .filter(|p| p.home_assignment().is_some())
        .map(|p| p.slug.clone())
        .collect();
    assert_eq!(
        page.attrs("[data-todo='assignment']", "data-phase"),
        with_assignment
    );
    assert_eq!(
        page.attrs("[data-todo='assignment'] [data-overdue]", "data-overdue")
            .len(),
        with_assignment.len(),
        "overdue in words on each"
    );
    assert_eq!(page.attrs("[data-todo='rate']", "data-rated"), ["0"]);
    assert_eq!(page.attrs("[data-todo='rate']", "data-notes"), ["2"]);

    submit_first_assignment(&strategist).await;
    strategist
        .post(
            &format!("/rounds/{round}"),
            &[(field(first, "impact").as_str(), "3")],
        )
        .await;
    let leader = app.as_leader().await;
    let mut ids = Vec::new();
    for day in [30, 10, 20] {
        let (starts, ends) = (local(day, 9), local(day, 16));
        ids.push(schedule(&leader, &workshop(&starts, &ends, "80", "2")).await);
    }
    for id in &ids[..2] {
        let registered = strategist
            .post(&format!("/events/{id}/register"), &[("person", "self")])
            .await;
        assert_eq!(
            registered.status,
            StatusCode::SEE_OTHER,
            "{}",
            registered.body
        );
    }
    let page = strategist.get("/start").await;
    assert!(
        !page
            .attrs("[data-todo='assignment']", "data-phase")
            .contains(&"omvarlden".to_string()),
        "handed in: no longer owed"
    );
    assert_eq!(page.attrs("[data-todo='rate']", "data-rated"), ["1"]);
    assert_eq!(
        page.attrs("[data-todo='org-event'] a", "href"),
        [format!("/events/{}", ids[1]), format!("/events/{}", ids[0])],
        "its registered events, soonest first"
    );
    assert_eq!(
        page.attrs("[data-todo='programme-event'] a", "href"),
        [format!("/events/{}", ids[1]), format!("/events/{}", ids[2])],
        "the programme's next two"
    );

    strategist
        .post(
            &format!("/rounds/{round}"),
            &[(field(second, "impact").as_str(), "2")],
        )
        .await;
    let page = strategist.get("/start").await;
    assert_eq!(items(&page, "rate"), 0, "every note rated");
    assert!(empty(&page, "rate"));
}

#[tokio::test]
async fn the_editor_sees_texts_by_others_and_outputs_due_until_published() {
    let app = spawn_app();
    let w = world(&app);
    app.user(EDITOR_2, w.office, &[Role::Editor]);
    let programme = regionerna();
    let (kickoff, environment) = (&programme.phases[0], &programme.phases[1]);
    let outputs_of = |phase: &framsyn::domain::programme::Phase| -> Vec<String> {
        phase
            .editorial()
            .unwrap()
            .outputs
            .iter()
            .map(|o| o.slug.clone())
            .collect()
    };
    // The first day of the second phase: only the first phase's outputs are due.
    app.clock.set(noon(environment.starts));
    let editor = app.as_editor().await;
    let page = editor.get("/start").await;
    assert_eq!(
        page.attrs("[data-todo='output']", "data-output"),
        outputs_of(kickoff)
    );
    assert!(
        page.attrs("[data-todo='output']", "data-phase")
            .iter()
            .all(|p| *p == kickoff.slug)
    );
    // Ten days before the second phase ends, its outputs are due too.
    app.clock
        .set(noon(environment.ends - chrono::Days::new(10)));
    let editor = app.as_editor().await;
    let page = editor.get("/start").await;
    let mut want = outputs_of(kickoff);
    want.extend(outputs_of(environment));
    assert_eq!(page.attrs("[data-todo='output']", "data-output"), want);

    // A text for the first output of the second phase, in review, then published.
    let text: i64 = editor
        .post(
            "/editorial/new",
            &output("Fördjupad omvärldsanalys", "Ett utkast.", "save"),
        )
        .await
        .location()
        .trim_start_matches("/editorial/")
        .parse()
        .unwrap();
    take(&editor, text, &step(&version_of(&app, text), "submit")).await;
    let page = editor.get("/start").await;
    assert_eq!(items(&page, "text"), 0, "not one's own text");
    assert_eq!(
        page.attrs("[data-output='fordjupad-omvarldsanalys'] a", "href"),
        [format!("/editorial/{text}")]
    );
    let other = app.as_user(EDITOR_2).await;
    assert_eq!(
        other
            .get("/start")
            .await
            .attrs("[data-todo='text'] a", "href"),
        [format!("/editorial/{text}")]
    );
    let published = take(&other, text, &step(&version_of(&app, text), "publish")).await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.body
    );
    let page = editor.get("/start").await;
    want.retain(|o| o != "fordjupad-omvarldsanalys");
    assert_eq!(page.attrs("[data-todo='output']", "data-output"), want);
    assert_eq!(
        page.attrs("[data-todo='publication'] a", "href"),
        [format!("/publications/{text}")],
        "the latest publication, for everyone"
    );
}

#[tokio::test]
async fn the_administrator_sees_who_has_no_password_and_the_latest_audit_entries() {
    let app = spawn_app();
    let w = world(&app);
    let admin = app.as_admin().await;
    let page = admin.get("/start").await;
    assert!(empty(&page, "no-password"), "everyone has one");
    let invited = app
        .db
        .write_blocking(|tx| {
            let email = Email::parse("ny@skane.test").unwrap();
            users::insert(tx, "Nina Ny", &email, w.org_a, &[Role::Strategist])
        })
        .unwrap();
    app.db
        .write_blocking(|tx| {
            for n in 1..=7 {
                let subject = format!("händelse {n}");
                audit::record(
                    tx,
                    &audit::Actor::default(),
                    "test.step",
                    Some(&subject),
                    None,
                )?;
            }
            Ok(())
        })
        .unwrap();
    let page = admin.get("/start").await;
    assert_eq!(
        page.attrs("[data-todo='no-password'] a", "href"),
        [format!("/admin/users/{invited}")]
    );
    let latest = page.texts("[data-todo='audit']");
    assert_eq!(latest.len(), 5, "the latest five");
    assert!(latest[0].contains("händelse 7"), "newest first: {latest:?}");
    assert!(latest[4].contains("händelse 3"), "{latest:?}");
}

#[tokio::test]
async fn the_standings_are_translated_in_every_language() {
    let mut app = spawn_app();
    world(&app);
    app.clock.set(noon(regionerna().phases[1].starts));
    app.login(LEADER).await;
    for lang in ["sv", "nb", "en"] {
        app.set_lang(lang);
        let page = app.get("/start").await;
        let words = page.texts("[data-standings] tbody th");
        assert_eq!(words.len(), Standing::ALL.len(), "{lang}");
        assert!(
            words
                .iter()
                .all(|w| !w.trim().is_empty() && !w.contains("start-")),
            "{lang}: {words:?}"
        );
    }
}

/// The use case alone: a person with two roles gets both parts, and the tally counts
/// every tracked organisation once.
#[tokio::test]
async fn the_use_case_gathers_each_roles_part() {
    let app = spawn_app();
    let w = world(&app);
    let programme = Arc::new(regionerna());
    app.clock.set(noon(programme.phases[1].starts));
    let id = app.user(
        "ledare.strateg@reglab.test",
        w.org_a,
        &[Role::ProcessLeader, Role::Strategist],
    );
    let user = app
        .db
        .read_blocking(move |c| users::get(c, id))
        .unwrap()
        .unwrap();
    let page = start(&app.db, &programme, &user).await.unwrap();
    assert!(page.editor.is_none() && page.admin.is_none());
    let strategist = page.strategist.unwrap();
    assert_eq!(
        strategist.owed.first().map(|o| o.phase.slug.as_str()),
        Some("omvarlden"),
        "the first home assignment is owed first"
    );
    let glance = page.leader.unwrap().glance.unwrap();
    assert_eq!(glance.phase.slug, "omvarlden");
    let tracked = tracker(&app.db, &programme, None).await.unwrap().len();
    assert_eq!(glance.organisations, tracked);
    assert_eq!(
        glance.shares.iter().map(|s| s.count).sum::<usize>(),
        tracked
    );
    assert_eq!(
        glance
            .shares
            .iter()
            .find(|s| s.standing == Standing::NotStarted)
            .unwrap()
            .count,
        tracked,
        "nobody has begun on the phase's first day"
    );
}
