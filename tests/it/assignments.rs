//! Home assignments: an organisation's strategists draft, save and submit; process leaders
//! return with a comment and accept; stale edits are refused; the refusals of bad input;
//! lateness; access by role and organisation; and the exports.

use axum::http::StatusCode;

use super::helpers::*;
use framsyn::domain::programme::Programme;
use framsyn::domain::user::Role;
use framsyn::storage::submissions;

pub(super) const PAGE: &str = "/phases/omvarlden/assignment";

pub(super) async fn trend(author: &impl Client, kind: &str, title: &str, then: &str) -> String {
    let response = author
        .post(
            &format!("/bank/new?then={then}"),
            &[("type", kind), ("title", title), ("category", "social")],
        )
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    response.location().trim_start_matches("/bank/").to_string()
}

/// Two trends and a signal in the bank, written by strategist B's organisation.
pub(super) async fn bank(app: &TestApp) -> (String, String, String) {
    let strategist = app.as_strategist_b().await;
    let first = trend(&strategist, "trend", "Åldrande befolkning", "submit").await;
    let second = trend(&strategist, "trend", "Grön omställning", "submit").await;
    let signal = trend(&strategist, "signal", "Tomma butikslokaler", "submit").await;
    (first, second, signal)
}

#[tokio::test]
async fn a_strategist_drafts_submits_is_returned_resubmits_and_is_accepted() {
    let mut app = spawn_app();
    let w = world(&app);
    let (first, second, _) = bank(&app).await;
    let strategist_a = app.as_strategist_a().await;
    let page = strategist_a.get(PAGE).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.attrs("#submission-status", "data-status"),
        ["not_started"]
    );

    // A draft may be incomplete; it is saved explicitly and there after a new sign-in.
    let saved = strategist_a
        .post(
            PAGE,
            &[
                ("action", "save"),
                ("version", ""),
                ("answer-viktigast", "Demografin, **särskilt** i inlandet."),
                ("most-1", &first),
                ("most-1-reason", "Störst påverkan"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    app.login(STRATEGIST_A).await;
    let page = app.get(PAGE).await;
    assert_eq!(page.attrs("#submission-status", "data-status"), ["draft"]);
    page.assert_contains("Demografin, **särskilt** i inlandet.</textarea>");
    page.assert_contains(&format!("value=\"{first}\""));
    page.assert_contains("Åldrande befolkning");

    // Submitting without the second required answer is refused at the field.
    let refused = app
        .post(
            PAGE,
            &[
                ("action", "submit"),
                ("version", "1"),
                ("answer-viktigast", "Demografin."),
                ("most-1", &first),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_contains("id=\"answer-minst-viktiga-error\"");
    refused.assert_contains("Demografin.</textarea>");

    let complete = [
        ("action", "submit"),
        ("version", "1"),
        ("answer-viktigast", "Demografin."),
        ("answer-minst-viktiga", "Turismen."),
        ("most-1", first.as_str()),
        ("most-2", second.as_str()),
    ];
    assert_eq!(
        app.post(PAGE, &complete).await.status,
        StatusCode::SEE_OTHER
    );
    let page = app.get(PAGE).await;
    assert_eq!(
        page.attrs("#submission-status", "data-status"),
        ["submitted"]
    );
    // Submitted long after the programme's due date (2017): marked late, not refused.
    assert_eq!(
        page.attrs("#submission-status[data-late]", "data-status")
            .len(),
        1,
        "marked late"
    );
    // Submitted work is locked for the organisation until it is returned.
    let locked = app
        .post(PAGE, &[("action", "save"), ("version", "2")])
        .await;
    assert_eq!(locked.status, StatusCode::CONFLICT);
    locked.assert_error("error-submission-locked");

    // The process leader returns it; a return needs a comment.
    let leader = app.as_leader().await;
    let review = format!("/phases/omvarlden/submissions/{}/review", w.org_a);
    let no_comment = leader
        .post(&review, &[("action", "return"), ("version", "2")])
        .await;
    assert_eq!(no_comment.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        no_comment.field_error("comment").is_some(),
        "an error at comment"
    );
    let returned = leader
        .post(
            &review,
            &[
                ("action", "return"),
                ("version", "2"),
                ("comment", "Utveckla svaret om turismen."),
            ],
        )
        .await;
    assert_eq!(returned.status, StatusCode::SEE_OTHER);

    let page = strategist_a.get(PAGE).await;
    assert_eq!(
        page.attrs("#submission-status", "data-status"),
        ["returned"]
    );
    page.assert_contains("Utveckla svaret om turismen.");
    page.assert_contains("Lämna in igen");
    let mut again = complete.to_vec();
    again[1] = ("version", "3");
    again[3] = (
        "answer-minst-viktiga",
        "Turismen, eftersom säsongen är kort.",
    );
    assert_eq!(
        strategist_a.post(PAGE, &again).await.status,
        StatusCode::SEE_OTHER
    );

    let accepted = leader
        .post(&review, &[("action", "accept"), ("version", "4")])
        .await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER);
    let db = app.db.clone();
    let org = w.org_a;
    let stored = db
        .read_blocking(move |c| submissions::get(c, "omvarlden", org))
        .unwrap()
        .unwrap();
    assert_eq!(stored.status.key(), "accepted");
    assert_eq!(
        stored.answers["minst-viktiga"],
        "Turismen, eftersom säsongen är kort."
    );
    let history = db
        .read_blocking(move |c| submissions::revisions(c, stored.id))
        .unwrap();
    let actions: Vec<&str> = history.iter().map(|r| r.action.key()).collect();
    assert_eq!(actions, ["accept", "submit", "return", "submit", "save"]);
    // Accepted work is open to every member.
    let strategist_b = app.as_strategist_b().await;
    strategist_b
        .get(&format!("/phases/omvarlden/submissions/{}", w.org_a))
        .await
        .assert_contains("Turismen, eftersom säsongen är kort.");
}

#[tokio::test]
async fn bad_rankings_are_refused_and_nothing_is_stored() {
    let app = spawn_app();
    let w = world(&app);
    let (first, _, signal) = bank(&app).await;
    let strategist_b = app.as_strategist_b().await;
    let draft = trend(&strategist_b, "trend", "Norrbottens utkast", "draft").await;
    let strategist_a = app.as_strategist_a().await;
    for (field, value, message) in [
        (
            "most-2",
            first.as_str(),
            "Trenden finns redan i rangordningen.",
        ),
        (
            "most-2",
            signal.as_str(),
            "Det finns ingen sådan trend i banken.",
        ),
        (
            "least-1",
            draft.as_str(),
            "Det finns ingen sådan trend i banken.",
        ),
        ("least-1", "99999", "Det finns ingen sådan trend i banken."),
        ("least-1", "elva", "Ingen notis matchar ”elva”"),
    ] {
        let refused = strategist_a
            .post(
                PAGE,
                &[
                    ("action", "save"),
                    ("version", ""),
                    ("most-1", &first),
                    (field, value),
                ],
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        refused.assert_contains(&format!("id=\"{field}-error\""));
        refused.assert_contains(message);
        refused.assert_contains(&format!("value=\"{value}\""));
    }
    let org = w.org_a;
    assert!(
        app.db
            .read_blocking(move |c| submissions::get(c, "omvarlden", org))
            .unwrap()
            .is_none()
    );
    // Submitting with no trend ranked is refused too.
    let empty = strategist_a
        .post(
            PAGE,
            &[
                ("action", "submit"),
                ("answer-viktigast", "x"),
                ("answer-minst-viktiga", "y"),
            ],
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    empty.assert_error("error-ranking-empty");
}

#[tokio::test]
async fn two_strategists_editing_at_once_never_overwrite_each_other() {
    let mut app = spawn_app();
    let w = world(&app);
    app.user(
        "analytiker@skane.test",
        w.org_a,
        &[framsyn::domain::user::Role::Strategist],
    );
    app.login(STRATEGIST_A).await;
    app.post(
        PAGE,
        &[
            ("action", "save"),
            ("version", ""),
            ("answer-viktigast", "Första"),
        ],
    )
    .await;
    let mut colleague = spawn_app_sharing(&app);
    colleague.login("analytiker@skane.test").await;
    // Both start from version 1; the colleague saves first.
    assert_eq!(
        colleague
            .post(
                PAGE,
                &[
                    ("action", "save"),
                    ("version", "1"),
                    ("answer-viktigast", "Kollegans text"),
                ],
            )
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let stale = app
        .post(
            PAGE,
            &[
                ("action", "save"),
                ("version", "1"),
                ("answer-viktigast", "Min text"),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    stale.assert_contains("Kollegans text");
    stale.assert_contains("Min text</textarea>");
    let org = w.org_a;
    let stored = app
        .db
        .read_blocking(move |c| submissions::get(c, "omvarlden", org))
        .unwrap()
        .unwrap();
    assert_eq!(stored.answers["viktigast"], "Kollegans text");
    // Two first saves at once: one is stored, the other is refused as stale.
    let org_b = w.org_b;
    let cookie = app.as_strategist_b().await.session_cookie();
    let statuses = app
        .concurrent(
            (0..4)
                .map(|i| {
                    form_post(
                        PAGE,
                        &cookie,
                        &[
                            ("action", "save"),
                            ("version", ""),
                            ("answer-viktigast", &format!("Samtidigt {i}")),
                        ],
                    )
                })
                .collect(),
        )
        .await;
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::SEE_OTHER)
            .count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses
            .iter()
            .all(|s| *s == StatusCode::SEE_OTHER || *s == StatusCode::CONFLICT)
    );
    let history = app
        .db
        .read_blocking(move |c| {
            let s = submissions::get(c, "omvarlden", org_b)?.unwrap();
            submissions::revisions(c, s.id)
        })
        .unwrap();
    assert_eq!(history.len(), 1);
}

#[tokio::test]
async fn who_may_read_write_and_review() {
    let mut app = spawn_app();
    let w = world(&app);
    let (first, _, _) = bank(&app).await;
    let strategist_a = app.as_strategist_a().await;
    strategist_a
        .post(
            PAGE,
            &[
                ("action", "save"),
                ("version", ""),
                ("answer-viktigast", "Hemligt utkast"),
                ("most-1", &first),
            ],
        )
        .await;
    let own = format!("/phases/omvarlden/submissions/{}", w.org_a);
    // Another organisation's strategist sees nothing of a draft.
    let strategist_b = app.as_strategist_b().await;
    assert_eq!(strategist_b.get(&own).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        strategist_b
            .get("/phases/omvarlden/submissions")
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    // A process leader reads every submission but writes none; accepting a draft is refused.
    let leader = app.as_leader().await;
    assert_eq!(leader.get(PAGE).await.status, StatusCode::SEE_OTHER);
    assert_eq!(
        leader.post(PAGE, &[("action", "save")]).await.status,
        StatusCode::FORBIDDEN
    );
    let list = leader.get("/phases/omvarlden/submissions").await;
    list.assert_contains("Hemligt utkast");
    list.assert_contains("1 av 3 organisationer");
    let refused = leader
        .post(
            &format!("{own}/review"),
            &[("action", "accept"), ("version", "1")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_error("error-submission-not-submitted");
    // Editors read (for the phase summary) but do not review.
    let editor = app.as_editor().await;
    editor.get(&own).await.assert_contains("Hemligt utkast");
    assert_eq!(
        editor
            .post(&format!("{own}/review"), &[("action", "accept")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    // The exports: the rankings as CSV, the texts as one Markdown document.
    let csv = editor.get("/phases/omvarlden/submissions.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    csv.assert_contains("Region Skåne,Utkast,Nej,Viktigast för vårt regionala utvecklingsarbete,1");
    csv.assert_contains("Åldrande befolkning");
    let md = editor.get("/phases/omvarlden/submissions.md").await;
    md.assert_contains("## Region Skåne (Utkast)");
    md.assert_contains("Hemligt utkast");
    // A phase without a home assignment has none; visitors are sent to sign in.
    assert_eq!(app.get(PAGE).await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_tracker_counts_what_the_phase_definition_counts() {
    let app = spawn_app();
    let w = world(&app);
    let (first, _, _) = bank(&app).await;
    // The phase's workshop; Skåne's strategist registers for it.
    let leader = app.as_leader().await;
    let (starts, ends) = (local(30, 9), local(31, 9));
    let event = leader
        .post(
            "/events/new",
            &[
                ("kind", "workshop"),
                ("phase", "omvarlden"),
                ("title", "Workshop 1"),
                ("starts", &starts),
                ("ends", &ends),
                ("venue", "Regionens hus"),
                ("mode", "in_person"),
                ("audience", "members"),
            ],
        )
        .await;
    assert_eq!(event.status, StatusCode::SEE_OTHER, "{}", event.body);
    let event = event.location().to_string();
    // A rating round of the phase.
    let round = leader
        .post(
            "/rounds/new",
            &[
                ("title", "Trender"),
                ("phase", "omvarlden"),
                ("notes", &first),
                ("criteria", "impact"),
                ("opens_at", "2020-01-01T09:00"),
                ("closes_at", "2099-01-01T09:00"),
                ("anonymity", "leaders"),
                ("feedback", "after_answer"),
            ],
        )
        .await
        .location()
        .to_string();
    let strategist = app.as_strategist_a().await;
    assert_eq!(
        strategist
            .post(&format!("{event}/register"), &[("person", "self")])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    strategist
        .post(&round, &[(&format!("r-{first}-impact"), "4")])
        .await;
    strategist
        .post(
            PAGE,
            &[
                ("action", "submit"),
                ("answer-viktigast", "a"),
                ("answer-minst-viktiga", "b"),
                ("most-1", &first),
            ],
        )
        .await;

    let page = leader.get("/progress?phases=all").await;
    assert_eq!(page.status, StatusCode::OK);
    // Each organisation's cells in phases 0 and 1 (whichever phase is in front).
    let html = page.html();
    let cells = |org: i64| {
        ["startskott", "omvarlden"]
            .iter()
            .map(|slug| {
                let selector = format!("tr[data-organisation='{org}'] > td[data-phase='{slug}']");
                let td = html
                    .select(&scraper::Selector::parse(&selector).unwrap())
                    .next()
                    .expect("a cell per phase");
                let states = td
                    .select(&scraper::Selector::parse("li[data-state]").unwrap())
                    .filter_map(|li| li.value().attr("data-state"))
                    .map(str::to_string)
                    .collect::<Vec<_>>();
                let attr = |name: &str| td.value().attr(name).map(str::to_string);
                (
                    attr("data-percent"),
                    attr("data-late").is_some(),
                    attr("data-overdue").is_some(),
                    states,
                )
            })
            .collect::<Vec<_>>()
    };
    // Skåne in phase 1: registered (½), submitted (¾), rated in the one round (1):
    // (0.5 + 0.75 + 1) / 3 = 75 %, submitted after the 2017 due date: late.
    let skane = cells(w.org_a);
    let (percent, late, overdue, states) = &skane[1];
    assert_eq!(percent.as_deref(), Some("75"));
    assert!(*late, "handed in late");
    assert!(!overdue);
    assert!(
        states.contains(&"progress-event-registered".to_string()),
        "{states:?}"
    );
    // Phase 0 counts only its conference: nothing yet.
    assert_eq!(skane[0].0.as_deref(), Some("0"));
    // Norrbotten has done nothing in phase 1, and its home assignment is overdue.
    let (percent, _, overdue, states) = &cells(w.org_b)[1];
    assert_eq!(percent.as_deref(), Some("0"));
    assert!(*overdue, "overdue");
    assert!(
        states.contains(&"submission-not-started".to_string()),
        "{states:?}"
    );

    // The category filter and the CSV.
    let regions = leader.get("/progress?category=region").await;
    assert!(regions.body.contains("Region Norrbotten"));
    assert!(!regions.body.contains(">Region Skåne</a>"));
    let csv = leader.get("/progress.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    csv.assert_contains("Region Skåne,Storstadsregion,0,");
    csv.assert_contains(",75,");
    // The organisation's own page: its events, its submissions, its progress.
    let org_page = leader.get(&format!("/organisations/{}", w.org_a)).await;
    org_page.assert_contains(">Workshop 1</a></th>");
    assert!(
        org_page
            .attrs("a[data-assignment-link='submission']", "href")
            .contains(&format!("/phases/omvarlden/submissions/{}", w.org_a))
    );
    org_page.assert_contains("<td>75 %</td>");
    // Only process leaders follow progress.
    assert_eq!(
        strategist.get("/progress").await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_heatmap_totals_borda_points_per_trend_and_organisation() {
    let app = spawn_app();
    world(&app);
    let (first, second, _) = bank(&app).await;
    let third = trend(
        &app.as_strategist_b().await,
        "trend",
        "Digitala tjänster",
        "submit",
    )
    .await;
    let submit = |most: Vec<String>, least: Vec<String>| {
        let mut fields: Vec<(String, String)> = vec![
            ("action".into(), "submit".into()),
            ("answer-viktigast".into(), "a".into()),
            ("answer-minst-viktiga".into(), "b".into()),
        ];
        for (i, n) in most.into_iter().enumerate() {
            fields.push((format!("most-{}", i + 1), n));
        }
        for (i, n) in least.into_iter().enumerate() {
            fields.push((format!("least-{}", i + 1), n));
        }
        fields
    };
    // Skåne: most first, second; least third. Norrbotten: most second, third; least first.
    // first: 5 − 3 = 2; second: 4 + 5 = 9; third: −3 + 4 = 1.
    for (who, fields) in [
        (
            STRATEGIST_A,
            submit(vec![first.clone(), second.clone()], vec![third.clone()]),
        ),
        (
            STRATEGIST_B,
            submit(vec![second.clone(), third.clone()], vec![first.clone()]),
        ),
    ] {
        let strategist = app.as_user(who).await;
        let pairs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(
            strategist.post(PAGE, &pairs).await.status,
            StatusCode::SEE_OTHER
        );
    }
    let editor = app.as_editor().await;
    let page = editor.get("/phases/omvarlden/heatmap").await;
    assert_eq!(page.status, StatusCode::OK);
    // Trends in order of their totals, each under its bank number, with the same figures
    // in the table.
    page.assert_contains(&format!(
        "<td>{second}</td><th scope=\"row\"><a href=\"/bank/{second}\">Grön omställning</a></th><td>9</td><td>2</td><td>0</td>"
    ));
    page.assert_contains(&format!(
        "<td>{first}</td><th scope=\"row\"><a href=\"/bank/{first}\">Åldrande befolkning</a></th><td>2</td><td>1</td><td>1</td>"
    ));
    page.assert_contains(&format!(
        "<td>{third}</td><th scope=\"row\"><a href=\"/bank/{third}\">Digitala tjänster</a></th><td>1</td><td>1</td><td>1</td>"
    ));
    // Skåne's row: second is its no. 2 (+4), first its no. 1 (+5), third its least (−3).
    page.assert_contains("<th scope=\"row\">Region Skåne</th><td>Viktigast nr 2 (+4)</td><td>Viktigast nr 1 (+5)</td><td>Minst viktig nr 1 (-3)</td><td>6</td><td>3</td>");
    let svg = &page.outer_html("svg")[0];
    assert_eq!(svg.matches("class=\"chart-num heat-num\"").count(), 6);
    assert!(svg.contains(">+5</text>") && svg.contains(">-3</text>"));
    // Strategists do not see the heatmap before the phase summary.
    assert_eq!(
        app.as_strategist_a()
            .await
            .get("/phases/omvarlden/heatmap")
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn an_organisation_sees_what_it_owes_and_a_person_what_is_due_now() {
    let app = spawn_app();
    let w = world(&app);
    let (first, _, _) = bank(&app).await;
    let leader = app.as_leader().await;
    let round = leader
        .post(
            "/rounds/new",
            &[
                ("title", "Trendernas påverkan"),
                ("notes", &first),
                ("criteria", "impact"),
                ("opens_at", "2020-01-01T09:00"),
                ("closes_at", "2099-01-01T09:00"),
                ("anonymity", "leaders"),
                ("feedback", "after_answer"),
            ],
        )
        .await
        .location()
        .to_string();
    let strategist_a = app.as_strategist_a().await;
    let own = format!("/organisations/{}", w.org_a);
    let page = strategist_a.get(&own).await;
    page.assert_contains("Att lämna in");
    // The four home assignments of the programme (due 2017–2018) are owed and overdue:
    // marked in the list of what is owed and in the table of phases.
    assert_eq!(page.body.matches("⚠ Försenat").count(), 8, "{}", page.body);
    page.assert_contains("Genom faserna");
    let owed = "[data-todo='assignment'][data-phase='omvarlden']";
    let home = strategist_a.get("/start").await;
    home.assert_contains("Trendernas påverkan");
    assert_eq!(home.attrs(owed, "data-phase").len(), 1);
    // Once rated and handed in, they leave the list.
    strategist_a
        .post(&round, &[(&format!("r-{first}-impact"), "3")])
        .await;
    strategist_a
        .post(
            PAGE,
            &[
                ("action", "submit"),
                ("answer-viktigast", "a"),
                ("answer-minst-viktiga", "b"),
                ("most-1", &first),
            ],
        )
        .await;
    let home = strategist_a.get("/start").await;
    assert!(!home.body.contains("Trendernas påverkan"));
    assert!(home.attrs(owed, "data-phase").is_empty());
    // Another organisation's strategist sees the members, not the progress.
    let strategist_b = app.as_strategist_b().await;
    let other = strategist_b.get(&own).await;
    assert_eq!(other.status, StatusCode::OK);
    assert!(!other.body.contains("Genom faserna"));
}

#[tokio::test]
async fn organisation_pages_link_home_assignments_only_where_work_starts_or_can_be_read() {
    let app = spawn_app();
    let w = world(&app);
    let org_page = format!("/organisations/{}", w.org_a);
    let assignment_links = "main a[href*='/assignment'], main a[href*='/submissions']";
    // Nothing started: nothing for a process leader to follow.
    let leader = app.as_leader().await;
    let page = leader.get(&org_page).await;
    page.assert_contains("Att lämna in");
    assert!(
        page.attrs(assignment_links, "href").is_empty(),
        "{}",
        page.body
    );
    // The organisation's own strategist is led to where the work starts, for every phase.
    let strategist = app.as_strategist_a().await;
    let own = strategist.get(&org_page).await;
    let hrefs = own.attrs(assignment_links, "href");
    assert_eq!(
        hrefs.len(),
        own.attrs("main a[data-assignment-link='own']", "href")
            .len()
    );
    assert!(hrefs.iter().any(|h| h == PAGE), "{hrefs:?}");
    for href in &hrefs {
        assert_eq!(strategist.get(href).await.status, StatusCode::OK, "{href}");
    }
    // A draft is there to read: the process leader is led to it, and only to it.
    let saved = strategist
        .post(PAGE, &[("action", "save"), ("answer-viktigast", "Utkast")])
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = leader.get(&org_page).await;
    let submission = format!("/phases/omvarlden/submissions/{}", w.org_a);
    let hrefs = page.attrs(assignment_links, "href");
    assert!(
        !hrefs.is_empty() && hrefs.iter().all(|h| *h == submission),
        "{hrefs:?}"
    );
    assert_eq!(leader.get(&submission).await.status, StatusCode::OK);
}

/// The heading levels of a page in document order.
fn heading_levels(page: &TestResponse) -> Vec<u32> {
    let html = page.html();
    let headings = scraper::Selector::parse("h1, h2, h3, h4, h5, h6").unwrap();
    html.select(&headings)
        .map(|h| h.value().name()[1..].parse().unwrap())
        .collect()
}

#[tokio::test]
async fn the_home_assignment_pages_skip_no_heading_level() {
    let app = spawn_app();
    let w = world(&app);
    let strategist = app.as_strategist_a().await;
    let saved = strategist
        .post(PAGE, &[("action", "save"), ("answer-viktigast", "Utkast")])
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let submission = format!("/phases/omvarlden/submissions/{}", w.org_a);
    for path in [PAGE, submission.as_str()] {
        let page = strategist.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        let levels = heading_levels(&page);
        assert_eq!(levels.first(), Some(&1), "{path}: {levels:?}");
        assert!(levels.len() > 2, "{path}: {levels:?}");
        for pair in levels.windows(2) {
            assert!(pair[1] <= pair[0] + 1, "{path} skips a level: {levels:?}");
        }
    }
}

/// The organising organisation (Reglab; the ministry in the dialogue arena) runs the
/// programme: it owes no home assignments and is not in the tracker, while the member
/// organisations are.
#[tokio::test]
async fn the_organiser_is_not_tracked_as_a_participant() {
    let app = spawn_app();
    let w = world(&app);
    let leader = app.as_leader().await;
    let page = leader.get("/progress").await;
    let tracked = page.attrs("tr[data-organisation]", "data-organisation");
    assert!(tracked.contains(&w.org_a.to_string()), "{tracked:?}");
    assert!(tracked.contains(&w.org_b.to_string()));
    assert!(!tracked.contains(&w.office.to_string()), "{tracked:?}");
    assert!(!leader.get("/progress.csv").await.body.contains("Reglab"));

    let office = leader.get(&format!("/organisations/{}", w.office)).await;
    assert_eq!(
        office.attrs("[data-organiser]", "class"),
        ["ds-alert notice"]
    );
    assert!(!office.body.contains("⚠"), "nothing overdue");
    let member = leader.get(&format!("/organisations/{}", w.org_b)).await;
    assert!(member.attrs("[data-organiser]", "class").is_empty());
    assert!(
        member.body.contains("⚠"),
        "Norrbotten's assignments are overdue"
    );

    // A strategist of the organiser is not told of home assignments due.
    let own = app
        .as_new_user("kansli@reglab.test", w.office, &[Role::Strategist])
        .await;
    assert_eq!(
        own.get("/")
            .await
            .attrs("[data-todo='assignment']", "data-todo")
            .len(),
        0
    );

    let arena = Programme::load_dir(&programme_dir("dialogarena")).unwrap();
    assert!(arena.is_organiser("Kommunal- og moderniseringsdepartementet"));
    assert!(!arena.is_organiser("Distriktssenteret"));
}
