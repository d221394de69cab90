//! The start page's "what waits now": each role's list shows what waits for it.

use axum::http::StatusCode;

use super::editorial::{EDITOR_2, output, step, take, version_of};
use super::events::workshop;
use super::helpers::*;
use framsyn::domain::user::Role;

fn waiting(page: &TestResponse, kind: &str) -> usize {
    page.attrs(&format!("[data-todo='{kind}']"), "data-todo")
        .len()
}

/// A home assignment handed in, an event proposal, an input, a text in review and two
/// open rounds (one closing in two days, one in a month): the process leader, the
/// editors and a strategist each see their part, and nobody sees another's.
#[tokio::test]
async fn each_role_sees_what_waits_for_it() {
    let app = spawn_app();
    let w = world(&app);
    app.user(EDITOR_2, w.office, &[Role::Editor]);
    let leader = app.as_leader().await;
    assert!(
        leader
            .get("/start")
            .await
            .attrs("[data-todo]", "data-todo")
            .is_empty(),
        "nothing waits yet"
    );

    let strategist_a = app.as_strategist_a().await;
    let note = strategist_a
        .post(
            "/bank/new?then=submit",
            &[
                ("type", "trend"),
                ("title", "Åldrande befolkning"),
                ("category", "social"),
            ],
        )
        .await
        .location()
        .trim_start_matches("/bank/")
        .to_string();
    let submitted = strategist_a
        .post(
            "/phases/omvarlden/assignment",
            &[
                ("action", "submit"),
                ("answer-viktigast", "Demografin"),
                ("answer-minst-viktiga", "Modetrender"),
                ("most-1", &note),
            ],
        )
        .await;
    assert_eq!(
        submitted.status,
        StatusCode::SEE_OTHER,
        "{}",
        submitted.body
    );

    let (starts, ends) = (local(12, 13), local(12, 16));
    let mut proposal = workshop(&starts, &ends, "", "");
    proposal.retain(|(k, _)| !matches!(*k, "phase" | "kind" | "title"));
    proposal.extend([("kind", "other"), ("title", "Framsynsseminarium i Luleå")]);
    let proposed = app
        .as_strategist_b()
        .await
        .post("/events/new", &proposal)
        .await;
    assert_eq!(proposed.status, StatusCode::SEE_OTHER, "{}", proposed.body);

    let sent = app
        .visitor()
        .post(
            "/input",
            &[("body", "Glöm inte skärgården."), ("website", "")],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);

    let editor = app.as_editor().await;
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
    let in_review = take(&editor, text, &step(&version_of(&app, text), "submit")).await;
    assert_eq!(
        in_review.status,
        StatusCode::SEE_OTHER,
        "{}",
        in_review.body
    );

    let (soon, later) = (local(2, 9), local(30, 9));
    for (title, closes) in [("Snart stängd", &soon), ("Stänger senare", &later)] {
        let round = leader
            .post(
                "/rounds/new",
                &[
                    ("title", title),
                    ("notes", &note),
                    ("criteria", "impact"),
                    ("opens_at", "2020-01-01T09:00"),
                    ("closes_at", closes),
                    ("anonymity", "leaders"),
                    ("feedback", "after_answer"),
                ],
            )
            .await;
        assert_eq!(round.status, StatusCode::SEE_OTHER, "{}", round.body);
    }

    let home = leader.get("/start").await;
    assert_eq!(waiting(&home, "review"), 1, "the home assignment handed in");
    assert_eq!(
        home.attrs("[data-todo='review'] a", "href"),
        [format!("/phases/omvarlden/submissions/{}", w.org_a)]
    );
    assert_eq!(waiting(&home, "proposal"), 1, "the event proposal");
    assert_eq!(home.attrs("[data-todo='input']", "data-count"), ["1"]);
    assert_eq!(
        home.texts("[data-todo='round-closing'] a"),
        ["Snart stängd"],
        "only the round about to close"
    );
    assert_eq!(waiting(&home, "text"), 0, "texts are the editors'");
    assert!(
        home.texts("[data-start-section='review'] [data-empty]")
            .is_empty()
    );

    let author = editor.get("/start").await;
    assert_eq!(waiting(&author, "text"), 0, "not one's own text");
    assert_eq!(waiting(&author, "input"), 1);
    assert_eq!(waiting(&author, "review"), 0);
    let other_editor = app.as_user(EDITOR_2).await.get("/start").await;
    assert_eq!(
        other_editor.attrs("[data-todo='text'] a", "href"),
        [format!("/editorial/{text}")]
    );

    let strategist = strategist_a.get("/start").await;
    for kind in ["review", "proposal", "input", "text", "round-closing"] {
        assert_eq!(waiting(&strategist, kind), 0, "{kind}");
    }
    assert_eq!(
        waiting(&strategist, "rate"),
        2,
        "both open rounds to answer"
    );
}
