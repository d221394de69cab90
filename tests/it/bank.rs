//! The bank of notes: writing, visibility, stale edits, history, and search with filters.

use axum::http::StatusCode;

use super::helpers::*;
use framsyn::storage::bank;

fn trend<'a>(title: &'a str, summary: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("type", "trend"),
        ("title", title),
        ("summary", summary),
        ("implications", "Regionerna behöver *planera* om."),
        ("category", "social"),
        ("secondary", "economic"),
        ("time_band", "2030_2040"),
        ("tags", "demografi, landsbygd"),
        ("phase", "omvarlden"),
    ]
}

async fn write_note(app: &mut TestApp, then: &str, fields: &[(&str, &str)]) -> i64 {
    let response = app.post(&format!("/bank/new?then={then}"), fields).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    response
        .location()
        .trim_start_matches("/bank/")
        .parse()
        .unwrap()
}

#[tokio::test]
async fn a_strategist_writes_a_draft_only_their_organisation_sees_then_submits_it() {
    let mut app = spawn_app();
    world(&app);
    app.login(STRATEGIST_A).await;
    let id = write_note(
        &mut app,
        "draft",
        &trend(
            "Åldrande befolkning",
            "Fler äldre, färre i arbetsför ålder.",
        ),
    )
    .await;
    let page = app.get(&format!("/bank/{id}")).await;
    page.assert_contains("Åldrande befolkning");
    page.assert_contains("<em>planera</em>");
    page.assert_contains("<dd>2030–2040</dd>");
    page.assert_contains("Social, Ekonomisk");
    page.assert_contains("Utkast");

    app.login(STRATEGIST_B).await;
    assert_eq!(
        app.get(&format!("/bank/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(!app.get("/bank").await.body.contains("Åldrande befolkning"));
    assert_eq!(
        app.post(&format!("/bank/{id}/edit"), &trend("Kapad", "x"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    app.login(EDITOR).await;
    app.get(&format!("/bank/{id}"))
        .await
        .assert_contains("Åldrande befolkning");

    app.login(STRATEGIST_A).await;
    assert_eq!(
        app.post(&format!("/bank/{id}/status"), &[("to", "submitted")])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    app.login(STRATEGIST_B).await;
    app.get("/bank")
        .await
        .assert_contains("Åldrande befolkning");
    // Seen, but not theirs to change.
    assert_eq!(
        app.post(&format!("/bank/{id}/edit"), &trend("Kapad", "x"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post(&format!("/bank/{id}/status"), &[("to", "curated")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let note = app
        .db
        .read_blocking(move |c| bank::get(c, id))
        .unwrap()
        .unwrap();
    assert_eq!(note.title, "Åldrande befolkning", "unchanged");
    // Nothing is public until an editor makes it so.
    let mut visitor = spawn_app_sharing(&app);
    visitor.cookies.clear();
    assert_eq!(
        visitor.get(&format!("/bank/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn bad_notes_come_back_with_messages_at_the_fields_and_nothing_stored() {
    let mut app = spawn_app();
    world(&app);
    app.login(STRATEGIST_A).await;
    let long = "x".repeat(301);
    let cases: [(&str, &str, &str, &str); 4] = [
        ("type", "rumour", "type", "error-note-type"),
        ("category", "spiritual", "category", "error-note-category"),
        ("title", "", "title", "Fyll i fältet."),
        ("title", long.as_str(), "title", "Texten är för lång."),
    ];
    for (field, value, error_field, message) in cases {
        let mut fields = trend("Titel", "Sammanfattning som ska finnas kvar");
        fields.retain(|(k, _)| *k != field);
        fields.push((field, value));
        let response = app.post("/bank/new?then=draft", &fields).await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        response.assert_contains(&format!("id=\"f-{error_field}-error\""));
        if !message.starts_with("error-") {
            response.assert_contains(message);
        }
        response.assert_contains(">Sammanfattning som ska finnas kvar</textarea>");
    }
    let (_, total) = app
        .db
        .read_blocking(|c| {
            bank::search(
                c,
                &bank::NoteFilter {
                    all_drafts: true,
                    ..Default::default()
                },
            )
        })
        .unwrap();
    assert_eq!(total, 0);
    app.login(EDITOR).await;
    // An editor who is no strategist may still write (curators write too).
    write_note(&mut app, "submit", &trend("Redaktionens notis", "")).await;
}

#[tokio::test]
async fn a_stale_edit_is_refused_with_the_other_change_shown_and_nothing_lost() {
    let mut app = spawn_app();
    world(&app);
    app.login(STRATEGIST_A).await;
    let id = write_note(
        &mut app,
        "submit",
        &trend("Elektrifierade transporter", "Första versionen."),
    )
    .await;
    let mut editor = spawn_app_sharing(&app);
    editor.login(EDITOR).await;

    let mut mine = trend("Elektrifierade transporter", "Min ändring, skriven länge.");
    mine.push(("version", "1"));
    let mut theirs = trend("Elektrifiering av transporter", "Redaktörens ändring.");
    theirs.push(("version", "1"));
    assert_eq!(
        editor
            .post(&format!("/bank/{id}/edit"), &theirs)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let refused = app.post(&format!("/bank/{id}/edit"), &mine).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    refused.assert_contains("Någon annan har ändrat notisen medan du skrev.");
    refused.assert_contains("Redaktörens ändring.");
    refused.assert_contains(">Min ändring, skriven länge.</textarea>");
    refused.assert_contains("name=\"version\" value=\"2\"");
    let note = app
        .db
        .read_blocking(move |c| bank::get(c, id))
        .unwrap()
        .unwrap();
    assert_eq!(note.summary, "Redaktörens ändring.");
    // Saving again from the newer version goes through, and every version is kept.
    let mut again = trend("Elektrifierade transporter", "Min ändring, skriven länge.");
    again.push(("version", "2"));
    assert_eq!(
        app.post(&format!("/bank/{id}/edit"), &again).await.status,
        StatusCode::SEE_OTHER
    );
    let history = app.get(&format!("/bank/{id}/history")).await;
    history.assert_contains("3 versioner");
    history.assert_contains("Elektrifiering av transporter");
    let revisions = app
        .db
        .read_blocking(move |c| bank::revisions(c, id))
        .unwrap();
    assert_eq!(
        revisions.iter().map(|r| r.version).collect::<Vec<_>>(),
        [3, 2, 1]
    );
}

#[tokio::test]
async fn search_finds_words_with_swedish_and_norwegian_letters_as_typed_and_filters_combine() {
    let mut app = spawn_app();
    world(&app);
    app.login(STRATEGIST_A).await;
    let a = write_note(
        &mut app,
        "submit",
        &trend("Åldrande befolkning i glesbygd", "Färre unga stannar."),
    )
    .await;
    let mut tech = trend("Självkörande fordon", "Förarlösa bussar på landsbygden.");
    tech.retain(|(k, _)| *k != "category" && *k != "tags");
    tech.extend([("category", "technological"), ("tags", "transport")]);
    let b = write_note(&mut app, "submit", &tech).await;
    let mut nordic = trend(
        "Grønn omstilling i Nordland",
        "Kraftkrevende industri og ærfugl.",
    );
    nordic.retain(|(k, _)| *k != "category");
    nordic.push(("category", "environmental"));
    let c = write_note(&mut app, "submit", &nordic).await;

    let found = |body: &str, id: i64| body.contains(&format!("href=\"/bank/{id}\""));
    let r = app.get("/bank?q=%C3%A5ldrande").await; // "åldrande"
    assert!(found(&r.body, a) && !found(&r.body, b) && !found(&r.body, c));
    let r = app.get("/bank?q=gr%C3%B8nn").await; // "grønn"
    assert!(found(&r.body, c) && !found(&r.body, a));
    let r = app.get("/bank?q=%C3%A6rfugl").await; // "ærfugl"
    assert!(found(&r.body, c));
    let r = app.get("/bank?q=aldrande").await;
    assert!(
        !found(&r.body, a),
        "å is not folded to a: words are found as typed"
    );
    let r = app.get("/bank?q=landsbygd").await; // prefix: landsbygden
    assert!(found(&r.body, b));
    let r = app.get("/bank?q=landsbygd&category=technological").await;
    assert!(found(&r.body, b) && !found(&r.body, a));
    let r = app.get("/bank?tag=transport&type=trend").await;
    assert!(found(&r.body, b) && !found(&r.body, a));
    let r = app.get("/bank?q=%22%29%28NEAR").await; // FTS syntax is plain text
    assert_eq!(r.status, StatusCode::OK);
    r.assert_contains("0 notiser");
}

#[tokio::test]
async fn lists_are_paginated_in_sql() {
    let mut app = spawn_app();
    let w = world(&app);
    let author = app
        .db
        .read_blocking(|c| framsyn::storage::users::find_by_email(c, STRATEGIST_A))
        .unwrap()
        .unwrap();
    app.db
        .write_blocking(move |tx| {
            for i in 0..60 {
                let form = framsyn::domain::bank::NoteForm {
                    note_type: "signal".into(),
                    title: format!("Signal nummer {i}"),
                    category: "values".into(),
                    ..Default::default()
                };
                bank::insert(
                    tx,
                    &form.validate(&[]).unwrap(),
                    framsyn::domain::bank::NoteStatus::Submitted,
                    w.org_a,
                    author,
                )?;
            }
            Ok(())
        })
        .unwrap();
    app.login(EDITOR).await;
    let first = app.get("/bank").await;
    first.assert_contains("60 notiser");
    first.assert_contains("Sida 1 av 3");
    assert_eq!(first.body.matches("class=\"note-title\"").count(), 25);
    let last = app.get("/bank?page=3").await;
    assert_eq!(last.body.matches("class=\"note-title\"").count(), 10);
}
