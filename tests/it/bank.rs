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

async fn write_note(author: &impl Client, then: &str, fields: &[(&str, &str)]) -> i64 {
    let response = author.post(&format!("/bank/new?then={then}"), fields).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    response
        .location()
        .trim_start_matches("/bank/")
        .parse()
        .unwrap()
}

#[tokio::test]
async fn a_strategist_writes_a_draft_only_their_organisation_sees_then_submits_it() {
    let app = spawn_app();
    world(&app);
    let strategist_a = app.as_strategist_a().await;
    let id = write_note(
        &strategist_a,
        "draft",
        &trend(
            "Åldrande befolkning",
            "Fler äldre, färre i arbetsför ålder.",
        ),
    )
    .await;
    let page = strategist_a.get(&format!("/bank/{id}")).await;
    page.assert_contains("Åldrande befolkning");
    page.assert_contains("<em>planera</em>");
    page.assert_contains("<dd>2030–2040</dd>");
    page.assert_contains("Social, Ekonomisk");
    assert_eq!(page.attrs("#note-kind", "data-status"), ["draft"]);

    let strategist_b = app.as_strategist_b().await;
    assert_eq!(
        strategist_b.get(&format!("/bank/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(
        !strategist_b
            .get("/bank")
            .await
            .body
            .contains("Åldrande befolkning")
    );
    assert_eq!(
        strategist_b
            .post(&format!("/bank/{id}/edit"), &trend("Kapad", "x"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let editor = app.as_editor().await;
    editor
        .get(&format!("/bank/{id}"))
        .await
        .assert_contains("Åldrande befolkning");

    assert_eq!(
        strategist_a
            .post(&format!("/bank/{id}/status"), &[("to", "submitted")])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    strategist_b
        .get("/bank")
        .await
        .assert_contains("Åldrande befolkning");
    // Seen, but not theirs to change.
    assert_eq!(
        strategist_b
            .post(&format!("/bank/{id}/edit"), &trend("Kapad", "x"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        strategist_b
            .post(&format!("/bank/{id}/status"), &[("to", "curated")])
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
    let visitor = app.visitor();
    assert_eq!(
        visitor.get(&format!("/bank/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn bad_notes_come_back_with_messages_at_the_fields_and_nothing_stored() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let long = "x".repeat(301);
    let cases: [(&str, &str, &str, &str); 4] = [
        ("type", "rumour", "type", "error-note-type"),
        ("category", "spiritual", "category", "error-note-category"),
        ("title", "", "title", "error-required"),
        ("title", long.as_str(), "title", "error-too-long"),
    ];
    for (field, value, error_field, error) in cases {
        let mut fields = trend("Titel", "Sammanfattning som ska finnas kvar");
        fields.retain(|(k, _)| *k != field);
        fields.push((field, value));
        let response = strategist.post("/bank/new?then=draft", &fields).await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        assert_eq!(
            response.field_error(error_field).as_deref(),
            Some(error),
            "{field}"
        );
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
    let editor = app.as_editor().await;
    // An editor who is no strategist may still write (curators write too).
    write_note(&editor, "submit", &trend("Redaktionens notis", "")).await;
}

#[tokio::test]
async fn a_stale_edit_is_refused_with_the_other_change_shown_and_nothing_lost() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let id = write_note(
        &strategist,
        "submit",
        &trend("Elektrifierade transporter", "Första versionen."),
    )
    .await;
    let editor = app.as_editor().await;

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
    let refused = strategist.post(&format!("/bank/{id}/edit"), &mine).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    refused.assert_error("error-stale-edit");
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
        strategist
            .post(&format!("/bank/{id}/edit"), &again)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let history = strategist.get(&format!("/bank/{id}/history")).await;
    assert_eq!(
        history.attrs("tr[data-version]", "data-version"),
        ["3", "2", "1"]
    );
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
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let a = write_note(
        &strategist,
        "submit",
        &trend("Åldrande befolkning i glesbygd", "Färre unga stannar."),
    )
    .await;
    let mut tech = trend("Självkörande fordon", "Förarlösa bussar på landsbygden.");
    tech.retain(|(k, _)| *k != "category" && *k != "tags");
    tech.extend([("category", "technological"), ("tags", "transport")]);
    let b = write_note(&strategist, "submit", &tech).await;
    let mut nordic = trend(
        "Grønn omstilling i Nordland",
        "Kraftkrevende industri og ærfugl.",
    );
    nordic.retain(|(k, _)| *k != "category");
    nordic.push(("category", "environmental"));
    let c = write_note(&strategist, "submit", &nordic).await;

    let found = |body: &str, id: i64| body.contains(&format!("href=\"/bank/{id}\""));
    let r = strategist.get("/bank?q=%C3%A5ldrande").await; // "åldrande"
    assert!(found(&r.body, a) && !found(&r.body, b) && !found(&r.body, c));
    let r = strategist.get("/bank?q=gr%C3%B8nn").await; // "grønn"
    assert!(found(&r.body, c) && !found(&r.body, a));
    let r = strategist.get("/bank?q=%C3%A6rfugl").await; // "ærfugl"
    assert!(found(&r.body, c));
    let r = strategist.get("/bank?q=aldrande").await;
    assert!(
        !found(&r.body, a),
        "å is not folded to a: words are found as typed"
    );
    let r = strategist.get("/bank?q=landsbygd").await; // prefix: landsbygden
    assert!(found(&r.body, b));
    let r = strategist
        .get("/bank?q=landsbygd&category=technological")
        .await;
    assert!(found(&r.body, b) && !found(&r.body, a));
    let r = strategist.get("/bank?tag=transport&type=trend").await;
    assert!(found(&r.body, b) && !found(&r.body, a));
    let r = strategist.get("/bank?q=%22%29%28NEAR").await; // FTS syntax is plain text
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.attrs("#bank-count", "data-total"), ["0"]);
}

#[tokio::test]
async fn lists_are_paginated_in_sql() {
    let app = spawn_app();
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
    let editor = app.as_editor().await;
    let first = editor.get("/bank").await;
    assert_eq!(first.attrs("#bank-count", "data-total"), ["60"]);
    assert_eq!(first.attrs("#bank-page", "data-page"), ["1"]);
    assert_eq!(first.attrs("#bank-page", "data-pages"), ["3"]);
    assert_eq!(first.body.matches("class=\"note-title\"").count(), 25);
    let last = editor.get("/bank?page=3").await;
    assert_eq!(last.body.matches("class=\"note-title\"").count(), 10);
}

fn note_of<'a>(kind: &'a str, title: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("type", kind),
        ("title", title),
        ("category", "technological"),
    ]
}

#[tokio::test]
async fn parents_follow_the_ladder_and_links_show_from_both_ends() {
    let app = spawn_app();
    world(&app);
    let strategist_a = app.as_strategist_a().await;
    let mega = write_note(
        &strategist_a,
        "submit",
        &note_of("megatrend", "Digitalisering"),
    )
    .await;
    let trend = write_note(&strategist_a, "submit", &note_of("trend", "Distansarbete")).await;
    let draft = write_note(&strategist_a, "draft", &note_of("trend", "Hemligt utkast")).await;

    // A signal under a trend is fine; a megatrend under a trend is refused at the field,
    // with what was typed kept and nothing stored.
    let mut fields = note_of("signal", "Tomma kontor i Luleå");
    let parent = format!("#{trend}");
    fields.push(("parent", &parent));
    let signal = write_note(&strategist_a, "submit", &fields).await;
    let page = strategist_a.get(&format!("/bank/{signal}")).await;
    page.assert_contains(&format!(
        "<a href=\"/bank/{trend}\">Trend: Distansarbete</a>"
    ));
    strategist_a
        .get(&format!("/bank/{trend}"))
        .await
        .assert_contains("Tomma kontor i Luleå");

    let before = app
        .db
        .read_blocking(|c| bank::search(c, &Default::default()))
        .unwrap()
        .1;
    let mut wrong = note_of("megatrend", "Fel nivå");
    wrong.push(("parent", &parent));
    let refused = strategist_a.post("/bank/new?then=submit", &wrong).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.field_error("parent").is_some(),
        "an error at parent"
    );
    refused.assert_contains("Fel nivå");
    let draft_parent = format!("{draft}");
    let mut under_draft = note_of("signal", "Under utkast");
    under_draft.push(("parent", &draft_parent));
    let refused = strategist_a
        .post("/bank/new?then=submit", &under_draft)
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let after = app
        .db
        .read_blocking(|c| bank::search(c, &Default::default()))
        .unwrap()
        .1;
    assert_eq!(before, after);

    // Typed links: shown as "drives" on one note and "driven by" on the other.
    let to = mega.to_string();
    let linked = strategist_a
        .post(
            &format!("/bank/{trend}/links"),
            &[("kind", "reinforces"), ("to", &to)],
        )
        .await;
    assert_eq!(linked.status, StatusCode::SEE_OTHER);
    strategist_a
        .get(&format!("/bank/{trend}"))
        .await
        .assert_contains("Förstärker: <a href=\"/bank/");
    strategist_a
        .get(&format!("/bank/{mega}"))
        .await
        .assert_contains("Förstärks av: <a href=\"/bank/");
    // A link to itself, to an unknown note, or without a kind is refused at the field.
    let own = trend.to_string();
    let refused = strategist_a
        .post(
            &format!("/bank/{trend}/links"),
            &[("kind", "drives"), ("to", &own)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.field_error("to").is_some(), "an error at to");
    let refused = strategist_a
        .post(
            &format!("/bank/{trend}/links"),
            &[("kind", "drives"), ("to", "99999")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let refused = strategist_a
        .post(
            &format!("/bank/{trend}/links"),
            &[("kind", "hates"), ("to", &to)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.field_error("kind").is_some(), "an error at kind");

    // Another organisation's strategist sees the links but may not add or remove them,
    // and never sees a draft on the other end.
    let strategist_b = app.as_strategist_b().await;
    let draft_id = draft.to_string();
    assert_eq!(
        strategist_b
            .post(
                &format!("/bank/{trend}/links"),
                &[("kind", "drives"), ("to", &to)]
            )
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    strategist_a
        .post(
            &format!("/bank/{mega}/links"),
            &[("kind", "drives"), ("to", &draft_id)],
        )
        .await;
    assert!(
        !strategist_b
            .get(&format!("/bank/{mega}"))
            .await
            .body
            .contains("Hemligt utkast")
    );
    let removed = strategist_a
        .post(
            &format!("/bank/{trend}/links/remove"),
            &[("kind", "reinforces"), ("to", &to)],
        )
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert!(
        app.db
            .read_blocking(|c| bank::links(c, trend))
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_merge_keeps_the_merged_notes_history_and_moves_its_links() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let mut first = note_of("trend", "Elektrifiering av transporter");
    first.push(("tags", "el, transport"));
    let keep = write_note(&strategist, "submit", &first).await;
    let mut second = note_of("trend", "Elbilar ökar");
    second.push(("tags", "elbil"));
    let dup = write_note(&strategist, "submit", &second).await;
    let mega = write_note(
        &strategist,
        "submit",
        &note_of("megatrend", "Grön omställning"),
    )
    .await;
    let mut child = note_of("signal", "Laddstolpar i glesbygd");
    let dup_ref = dup.to_string();
    child.push(("parent", &dup_ref));
    let signal = write_note(&strategist, "submit", &child).await;
    let to = mega.to_string();
    strategist
        .post(
            &format!("/bank/{dup}/links"),
            &[("kind", "drives"), ("to", &to)],
        )
        .await;
    let source = strategist
        .post(
            "/sources/new",
            &[("kind", "report"), ("title", "Trafikverkets prognos")],
        )
        .await;
    let source_id = source
        .location()
        .trim_start_matches("/sources/")
        .to_string();
    let cited = strategist
        .post(
            &format!("/bank/{dup}/sources"),
            &[("source", &source_id), ("stance", "supports")],
        )
        .await;
    assert_eq!(cited.status, StatusCode::SEE_OTHER);

    // Only curators merge.
    let into = keep.to_string();
    assert_eq!(
        strategist
            .post(&format!("/bank/{dup}/merge"), &[("into", &into)])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let editor = app.as_editor().await;
    let refused = editor
        .post(&format!("/bank/{dup}/merge"), &[("into", &dup_ref)])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.field_error("into").is_some(), "an error at into");
    let merged = editor
        .post(
            &format!("/bank/{dup}/merge"),
            &[("into", &into), ("confirm", "yes")],
        )
        .await;
    assert_eq!(merged.status, StatusCode::SEE_OTHER);
    assert_eq!(merged.location(), format!("/bank/{keep}"));

    let db = app.db.clone();
    let old = db.read_blocking(|c| bank::get(c, dup)).unwrap().unwrap();
    assert_eq!(old.status, framsyn::domain::bank::NoteStatus::Merged);
    assert_eq!(old.merged_into, Some(keep));
    assert_eq!(old.title, "Elbilar ökar");
    // The merged note keeps its link (for the record) and the kept note gains it.
    assert_eq!(db.read_blocking(|c| bank::links(c, dup)).unwrap().len(), 1);
    let gained = db.read_blocking(|c| bank::links(c, keep)).unwrap();
    assert_eq!(gained.len(), 1);
    assert_eq!(gained[0].other.id, mega);
    let kept = db.read_blocking(|c| bank::get(c, keep)).unwrap().unwrap();
    assert_eq!(kept.tags, vec!["el", "transport", "elbil"]);
    let sources = db
        .read_blocking(|c| framsyn::storage::sources::sources_of_note(c, keep))
        .unwrap();
    assert_eq!(sources.len(), 1);
    let moved = db.read_blocking(|c| bank::get(c, signal)).unwrap().unwrap();
    assert_eq!(moved.parent_id, Some(keep));

    // Both pages tell the story; the history of the merged note is whole.
    let page = editor.get(&format!("/bank/{dup}")).await;
    assert_eq!(
        page.attrs("#merged-into a", "href"),
        [format!("/bank/{keep}")]
    );
    assert_eq!(
        editor
            .get(&format!("/bank/{keep}"))
            .await
            .attrs("#merged-from a", "href"),
        [format!("/bank/{dup}")]
    );
    let history = editor.get(&format!("/bank/{dup}/history")).await;
    assert_eq!(
        history.attrs("tr[data-version]", "data-status")[0],
        "merged",
        "the newest version is the merged one"
    );
    assert!(
        history.attrs("td[data-changes]", "data-changes")[0]
            .split(' ')
            .any(|f| f == "merged_into"),
        "the change names the merge"
    );
    assert_eq!(
        db.read_blocking(|c| bank::revisions(c, dup)).unwrap().len(),
        2
    );
    // A merged note cannot be merged again, edited or linked.
    let again = editor
        .post(&format!("/bank/{dup}/merge"), &[("into", &to)])
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        editor.get(&format!("/bank/{dup}/edit")).await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn editors_decide_what_the_public_sees() {
    let mut app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let id = write_note(&strategist, "submit", &note_of("trend", "Öppen trend")).await;
    let draft = write_note(&strategist, "draft", &note_of("trend", "Eget utkast")).await;
    assert_eq!(
        strategist
            .post(&format!("/bank/{id}/public"), &[("public", "1")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get(&format!("/bank/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(!app.get("/bank").await.body.contains("Öppen trend"));

    let editor = app.as_editor().await;
    assert_eq!(
        editor
            .post(&format!("/bank/{draft}/public"), &[("public", "1")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let made = editor
        .post(&format!("/bank/{id}/public"), &[("public", "1")])
        .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER);
    app.get(&format!("/bank/{id}"))
        .await
        .assert_contains("Öppen trend");
    app.get("/bank").await.assert_contains("Öppen trend");

    editor
        .post(&format!("/bank/{id}/public"), &[("public", "0")])
        .await;
    let history = editor.get(&format!("/bank/{id}/history")).await;
    assert!(
        history
            .attrs("td[data-changes]", "data-changes")
            .iter()
            .any(|changes| changes.split(' ').any(|f| f == "public")),
        "a version records the change of visibility"
    );
    assert_eq!(
        app.get(&format!("/bank/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_bank_exports_what_the_viewer_may_see_as_csv_and_json() {
    let mut app = spawn_app();
    world(&app);
    let strategist_a = app.as_strategist_a().await;
    write_note(
        &strategist_a,
        "submit",
        &note_of("trend", "=Formel i rubriken"),
    )
    .await;
    write_note(&strategist_a, "draft", &note_of("trend", "Skånes utkast")).await;
    let csv = strategist_a.get("/bank.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.starts_with('\u{feff}'));
    csv.assert_contains("'=Formel i rubriken");
    csv.assert_contains("Skånes utkast");

    let strategist_b = app.as_strategist_b().await;
    let csv = strategist_b.get("/bank.csv").await;
    assert!(!csv.body.contains("Skånes utkast"));
    let mut reader = csv::Reader::from_reader(csv.body.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        framsyn::web::BANK_CSV_COLUMNS
    );
    assert_eq!(reader.records().count(), 1);
    let json = strategist_b.get("/bank.json?type=trend").await;
    let notes: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(notes.as_array().unwrap().len(), 1);
    assert_eq!(notes[0]["title"], "=Formel i rubriken");
    assert_eq!(notes[0]["time_band"], serde_json::Value::Null);
    // Filters apply: no megatrends here.
    let none: serde_json::Value =
        serde_json::from_str(&strategist_b.get("/bank.json?type=megatrend").await.body).unwrap();
    assert!(none.as_array().unwrap().is_empty());
    // Visitors export only what editors made public: nothing yet.
    let public: serde_json::Value =
        serde_json::from_str(&app.get("/bank.json").await.body).unwrap();
    assert!(public.as_array().unwrap().is_empty());
}

#[tokio::test]
async fn a_csv_import_with_a_bad_row_imports_nothing_and_reports_every_row() {
    let mut app = spawn_app();
    let w = world(&app);
    let strategist = app.as_strategist_a().await;
    let count = |app: &TestApp| {
        app.db
            .read_blocking(|c| {
                bank::search(
                    c,
                    &bank::NoteFilter {
                        all_drafts: true,
                        ..Default::default()
                    },
                )
            })
            .unwrap()
            .1
    };
    let bad = "type;title;category;time_band\n\
               Trend;Åldrande befolkning;Social;2030–2040\n\
               rykte;;Social;\n\
               signal;Ny signal;andlig;\n";
    let refused = strategist
        .upload("/bank/import", "file", "notiser.csv", bad.as_bytes())
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_contains("Ingenting importerades");
    refused.assert_contains("<td>3</td><td>type</td>");
    refused.assert_contains("<td>3</td><td>title</td>");
    refused.assert_contains("<td>4</td><td>category</td>");
    assert_eq!(count(&app), 0);
    let no_file = strategist
        .upload("/bank/import", "file", "tom.csv", b"")
        .await;
    assert_eq!(no_file.status, StatusCode::UNPROCESSABLE_ENTITY);
    no_file.assert_error("error-import-no-file");

    let good = "\u{feff}type;title;category;time_band;tags\n\
                Trend;Åldrande befolkning;Social;2030–2040;demografi\n\
                Megatrend;Klimatförändringar;environmental;beyond_2050;klimat\n";
    let imported = strategist
        .upload("/bank/import", "file", "notiser.csv", good.as_bytes())
        .await;
    assert_eq!(imported.status, StatusCode::SEE_OTHER);
    assert_eq!(
        imported.location(),
        format!("/bank?organisation={}&status=draft&imported=2", w.org_a)
    );
    assert_eq!(
        strategist
            .get(imported.location())
            .await
            .attrs("#bank-imported", "data-imported"),
        ["2"]
    );
    assert_eq!(count(&app), 2);

    // An export imports again (the export's extra columns are ignored).
    let export = strategist.get("/bank.csv").await;
    let again = strategist
        .upload("/bank/import", "file", "bank.csv", export.body.as_bytes())
        .await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    assert_eq!(count(&app), 4);

    // A parent that does not stand higher is reported at its row.
    let parent = "type,title,category,parent\nmegatrend,Fel,social,1\n";
    let refused = strategist
        .upload("/bank/import", "file", "p.csv", parent.as_bytes())
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_contains("<td>2</td><td>parent</td>");
    assert_eq!(count(&app), 4);

    let editor = app.as_editor().await;
    assert_eq!(editor.get("/bank/import").await.status, StatusCode::OK);
    assert_eq!(app.get("/bank/import").await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn large_result_sets_count_to_a_cap_and_rank_the_newest_matches() {
    let app = spawn_app();
    let w = world(&app);
    let author = app
        .db
        .read_blocking(|c| framsyn::storage::users::find_by_email(c, STRATEGIST_A))
        .unwrap()
        .unwrap();
    let total = bank::COUNT_CAP + 30;
    app.db
        .write_blocking(move |tx| {
            for i in 0..total {
                // Every tenth note says "vätgas" twice: more relevant to that search.
                let summary = if i % 10 == 0 {
                    "vätgas och åter vätgas"
                } else {
                    "om vätgas"
                };
                let form = framsyn::domain::bank::NoteForm {
                    note_type: "signal".into(),
                    title: format!("Signal nummer {i}"),
                    summary: summary.into(),
                    category: "technological".into(),
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
    let strategist = app.as_strategist_b().await;
    // The list counts to the cap, then pages on as long as pages come back full.
    let list = strategist.get("/bank").await;
    assert_eq!(
        list.attrs("#bank-count[data-capped]", "data-total"),
        [bank::COUNT_CAP.to_string()]
    );
    let deep = strategist.get("/bank?page=42").await;
    assert_eq!(deep.attrs("#bank-page", "data-page"), ["42"]);
    assert!(
        deep.attrs("#bank-page", "data-pages").is_empty(),
        "no last page while counting stops at the cap"
    );
    assert_eq!(deep.body.matches("class=\"note-title\"").count(), 5);
    assert!(!deep.body.contains("rel=\"next\""));
    assert!(
        strategist
            .get("/bank?page=41")
            .await
            .body
            .contains("rel=\"next\"")
    );

    // A search counts to its own cap and ranks the newest matches by relevance: the
    // notes that say it twice come first.
    let search = strategist.get("/bank?q=v%C3%A4tgas").await;
    assert_eq!(
        search.attrs("#bank-count[data-capped]", "data-total"),
        [bank::SEARCH_CAP.to_string()]
    );
    assert_eq!(
        search.texts("#bank-ranked-window").len(),
        1,
        "says it ranks a window"
    );
    let first = search
        .body
        .split("class=\"note-title\"")
        .nth(1)
        .unwrap()
        .split("</a>")
        .next()
        .unwrap();
    let number: i64 = first.rsplit(' ').next().unwrap().parse().unwrap();
    assert_eq!(number % 10, 0, "{first}");
    // By date, every match can be paged to, beyond the ranked ones.
    let by_date = strategist
        .get("/bank?q=v%C3%A4tgas&sort=date&page=41")
        .await;
    assert_eq!(by_date.body.matches("class=\"note-title\"").count(), 25);
    // An export holds every match, not only the ranked ones.
    let export: serde_json::Value =
        serde_json::from_str(&strategist.get("/bank.json?q=v%C3%A4tgas").await.body).unwrap();
    assert_eq!(export.as_array().unwrap().len() as i64, total);
}

#[tokio::test]
async fn the_search_is_encoded_in_the_links_the_bank_builds_from_it() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let page = strategist
        .get("/bank?q=a%26organisation%3D2%23&tag=x%26y")
        .await;
    let exports: Vec<String> = ["/bank.csv", "/bank.json"]
        .iter()
        .flat_map(|path| page.attrs(&format!("a[href^=\"{path}?\"]"), "href"))
        .collect();
    assert_eq!(exports.len(), 2, "{}", page.body);
    for href in exports {
        let (_, query) = href.split_once('?').unwrap();
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect();
        let value = |name: &str| -> Vec<&str> {
            pairs
                .iter()
                .filter(|(key, _)| key == name)
                .map(|(_, value)| value.as_str())
                .collect()
        };
        assert_eq!(value("q"), ["a&organisation=2#"], "{href}");
        assert_eq!(value("organisation"), [""], "{href}");
        assert_eq!(value("tag"), ["x&y"], "{href}");
        assert_eq!(value("y"), Vec::<&str>::new(), "{href}");
    }
}

#[tokio::test]
async fn a_notes_history_shows_old_and_new_values_and_restores_a_revision() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let created = strategist
        .post(
            "/bank/new?then=draft",
            &[
                ("type", "trend"),
                ("title", "Fler arbetar på distans"),
                ("category", "social"),
                ("tags", "arbete"),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let id: i64 = created
        .location()
        .trim_start_matches("/bank/")
        .parse()
        .unwrap();
    let edited = strategist
        .post(
            &format!("/bank/{id}/edit"),
            &[
                ("type", "trend"),
                ("title", "Distansarbete blir normen"),
                ("category", "economic"),
                ("tags", "arbete, pendling"),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(edited.status, StatusCode::SEE_OTHER, "{}", edited.body);

    // Old → new, field by field.
    let history = strategist.get(&format!("/bank/{id}/history")).await;
    assert_eq!(
        history.texts("tr[data-version='2'] li[data-field='title'] del"),
        ["Borttaget: Fler arbetar på distans"]
    );
    assert_eq!(
        history.texts("tr[data-version='2'] li[data-field='title'] ins"),
        ["Tillagt: Distansarbete blir normen"]
    );
    assert_eq!(
        history.texts("tr[data-version='2'] li[data-field='category'] ins"),
        ["Tillagt: Ekonomisk"]
    );
    assert_eq!(
        history.texts("tr[data-version='2'] li[data-field='tags'] del"),
        ["Borttaget: arbete"]
    );

    // Version 1 restored: a new version with its text; the history keeps all three.
    let restored = strategist
        .post(
            &format!("/bank/{id}/history/restore"),
            &[("revision", "1"), ("version", "2")],
        )
        .await;
    assert_eq!(restored.status, StatusCode::SEE_OTHER, "{}", restored.body);
    let note = app
        .db
        .read_blocking(move |c| bank::get(c, id))
        .unwrap()
        .unwrap();
    assert_eq!(note.title, "Fler arbetar på distans");
    assert_eq!(note.category.key(), "social");
    assert_eq!(note.tags, ["arbete"]);
    assert_eq!(note.version, 3);
    let history = strategist.get(&format!("/bank/{id}/history")).await;
    assert_eq!(
        history.attrs("tr[data-version]", "data-version"),
        ["3", "2", "1"]
    );
    // A stale restore (from an old version) is refused; others may not restore.
    let stale = strategist
        .post(
            &format!("/bank/{id}/history/restore"),
            &[("revision", "2"), ("version", "2")],
        )
        .await;
    assert_eq!(stale.status, StatusCode::UNPROCESSABLE_ENTITY);
    let other = app.as_strategist_b().await;
    let refused = other
        .post(
            &format!("/bank/{id}/history/restore"),
            &[("revision", "2"), ("version", "3")],
        )
        .await;
    assert_ne!(refused.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.db
            .read_blocking(move |c| bank::get(c, id))
            .unwrap()
            .unwrap()
            .version,
        3
    );
}

#[tokio::test]
async fn a_note_the_database_cannot_take_comes_back_with_what_was_typed_and_a_503() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let fields = trend("Fler äldre på landsbygden", "Andelen över 80 år *ökar*.");
    app.db.refuse_writes(true).unwrap();
    let refused = strategist.post("/bank/new?then=draft", &fields).await;
    assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE);
    refused.assert_error("error-save-failed");
    // The summary says so without linking to a field that does not exist.
    assert_eq!(
        refused.attrs("[data-error-summary] li[data-field=save]", "data-error"),
        ["error-save-failed"]
    );
    assert!(
        refused
            .attrs("[data-error-summary] a[data-field=save]", "href")
            .is_empty()
    );
    assert_eq!(
        refused.attrs("input[name=title]", "value"),
        ["Fler äldre på landsbygden"]
    );
    assert_eq!(
        refused.texts("textarea[name=summary]"),
        ["Andelen över 80 år *ökar*."]
    );
    assert_eq!(
        refused.attrs("input[name=tags]", "value"),
        ["demografi, landsbygd"]
    );
    // Sent again once the database takes writes, the same form is saved.
    app.db.refuse_writes(false).unwrap();
    let id = write_note(&strategist, "draft", &fields).await;
    assert_eq!(
        app.db
            .read_blocking(move |c| bank::get(c, id))
            .unwrap()
            .map(|n| n.title),
        Some("Fler äldre på landsbygden".to_string())
    );
}

#[tokio::test]
async fn a_failed_write_without_a_form_at_its_address_is_a_503_page() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let id = write_note(&strategist, "draft", &trend("Titel", "Sammanfattning.")).await;
    app.db.refuse_writes(true).unwrap();
    let refused = strategist
        .post(&format!("/bank/{id}/status"), &[("to", "submitted")])
        .await;
    assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(refused.attrs("h1", "data-status"), ["503"]);
}
