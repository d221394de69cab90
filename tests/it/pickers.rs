//! Pickers: wherever notes or sources are named (a note's parent, its links, a merge, a
//! citation, a round's notes, the trend ranking), words are searched on the server and
//! the matches come back to pick from, nothing saved meanwhile; numbers still work; no
//! match is an error at the field; the suggestions while typing respect visibility.

use axum::http::StatusCode;

use super::helpers::submitted_note as note;
use super::helpers::*;
use framsyn::storage::rounds;

fn id_after(response: &TestResponse, prefix: &str) -> i64 {
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    response
        .location()
        .trim_start_matches(prefix)
        .parse()
        .unwrap()
}

fn options(page: &TestResponse) -> Vec<i64> {
    page.attrs("[data-pick-option]", "data-pick-option")
        .iter()
        .map(|v| v.parse().unwrap())
        .collect()
}

fn value(page: &TestResponse, selector: &str) -> String {
    page.attrs(selector, "value").concat()
}

/// A new trend under `parent` (a number or words).
fn trend(parent: &str) -> Vec<(&str, &str)> {
    vec![
        ("type", "trend"),
        ("title", "Torkan i Skåne"),
        ("category", "environmental"),
        ("parent", parent),
    ]
}

#[tokio::test]
async fn a_parent_is_picked_by_words_in_the_note_form() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let mega = note(&strategist, "megatrend", "Klimatförändringar i norr").await;
    note(&strategist, "megatrend", "Urbanisering").await;

    // Words: nothing is saved, the form comes back with the typed text and the matches.
    let asked = strategist
        .post("/bank/new?then=draft", &trend("klimat norr"))
        .await;
    assert_eq!(asked.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(options(&asked), [mega]);
    assert_eq!(value(&asked, "#f-parent"), "klimat norr");
    assert_eq!(value(&asked, "#f-title"), "Torkan i Skåne");
    assert_eq!(asked.attrs("[data-pick-option]", "type"), ["radio"]);
    assert_eq!(
        asked.field_error("parent").as_deref(),
        Some("error-pick-choose")
    );
    let bank = strategist.get("/bank").await;
    assert!(!bank.body.contains("Torkan i Skåne"));

    // The pick completes it.
    let mut picked = trend("klimat norr");
    let mega_text = mega.to_string();
    picked.push(("pick-parent", &mega_text));
    let child = id_after(
        &strategist.post("/bank/new?then=draft", &picked).await,
        "/bank/",
    );
    let page = strategist.get(&format!("/bank/{child}")).await;
    assert_eq!(
        page.attrs("dl.facts a[href^='/bank/']", "href"),
        [format!("/bank/{mega}")]
    );

    // The edit form shows the parent by its title.
    let edit = strategist.get(&format!("/bank/{child}/edit")).await;
    assert_eq!(
        edit.attrs("#f-parent-current", "data-picked"),
        [mega.to_string()]
    );
    assert!(
        edit.texts("#f-parent-current")
            .concat()
            .contains("Klimatförändringar i norr")
    );

    // A number still works, with or without "#".
    for typed in [format!("#{mega}"), mega.to_string()] {
        id_after(
            &strategist
                .post("/bank/new?then=draft", &trend(&typed))
                .await,
            "/bank/",
        );
    }

    // No match: an error at the field, saying what was looked for.
    let none = strategist
        .post("/bank/new?then=draft", &trend("zebrakorsning"))
        .await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        none.field_error("parent").as_deref(),
        Some("error-pick-none-note")
    );
    assert!(
        none.texts("#f-parent-error")
            .concat()
            .contains("zebrakorsning")
    );
    assert!(options(&none).is_empty());
}

#[tokio::test]
async fn links_and_merges_are_picked_by_words_on_the_note_page() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let from = note(&strategist, "trend", "Elektrifierade transporter").await;
    let to = note(&strategist, "trend", "Vätgas i tung industri").await;
    let path = format!("/bank/{from}/links");

    let asked = strategist
        .post(&path, &[("kind", "reinforces"), ("to", "vätgas")])
        .await;
    assert_eq!(asked.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(options(&asked), [to]);
    assert_eq!(value(&asked, "#f-to"), "vätgas");
    assert!(asked.attrs("ul.links a", "href").is_empty());

    let to_text = to.to_string();
    let linked = strategist
        .post(
            &path,
            &[
                ("kind", "reinforces"),
                ("to", "vätgas"),
                ("pick-to", &to_text),
            ],
        )
        .await;
    assert_eq!(linked.status, StatusCode::SEE_OTHER, "{}", linked.body);
    let page = strategist.get(&format!("/bank/{from}")).await;
    assert_eq!(page.attrs("ul.links a", "href"), [format!("/bank/{to}")]);

    let none = strategist
        .post(&path, &[("kind", "drives"), ("to", "ingenting sådant")])
        .await;
    assert_eq!(
        none.field_error("to").as_deref(),
        Some("error-pick-none-note")
    );

    // A merge: words, then the pick leads to the confirmation; a number does too.
    let editor = app.as_editor().await;
    let merge = format!("/bank/{from}/merge");
    let asked = editor.post(&merge, &[("into", "industri")]).await;
    assert_eq!(asked.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(options(&asked), [to]);
    assert_eq!(value(&asked, "#f-into"), "industri");
    let confirm = editor
        .post(&merge, &[("into", "industri"), ("pick-into", &to_text)])
        .await;
    assert_eq!(confirm.status, StatusCode::OK, "{}", confirm.body);
    assert_eq!(
        confirm.attrs("#confirm input[name=into]", "value"),
        [to.to_string()]
    );
    let numbered = editor.post(&merge, &[("into", &format!("#{to}"))]).await;
    assert_eq!(
        numbered.attrs("#confirm input[name=into]", "value"),
        [to_text]
    );
}

#[tokio::test]
async fn a_source_is_cited_by_words() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let id = note(&strategist, "trend", "Åldrande befolkning").await;
    let source = id_after(
        &strategist
            .post(
                "/sources/new",
                &[
                    ("kind", "report"),
                    ("title", "Befolkningsprognos för Skåne 2050"),
                ],
            )
            .await,
        "/sources/",
    );
    let path = format!("/bank/{id}/sources");
    let asked = strategist
        .post(
            &path,
            &[("source", "befolkningsprognos"), ("stance", "supports")],
        )
        .await;
    assert_eq!(asked.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(options(&asked), [source]);
    assert_eq!(value(&asked, "#f-source"), "befolkningsprognos");

    let source_text = source.to_string();
    let cited = strategist
        .post(
            &path,
            &[
                ("source", "befolkningsprognos"),
                ("pick-source", &source_text),
                ("stance", "supports"),
            ],
        )
        .await;
    assert_eq!(cited.status, StatusCode::SEE_OTHER, "{}", cited.body);
    let page = strategist.get(&format!("/bank/{id}")).await;
    assert_eq!(
        page.attrs("ul[data-stance=supports] a", "href"),
        [format!("/sources/{source}")]
    );

    let none = strategist
        .post(&path, &[("source", "okänd rapport"), ("stance", "context")])
        .await;
    assert_eq!(
        none.field_error("source").as_deref(),
        Some("error-pick-none-source")
    );
    assert!(
        none.texts("#f-source-error")
            .concat()
            .contains("okänd rapport")
    );
}

fn round<'a>(notes: &[&'a str]) -> Vec<(&'a str, &'a str)> {
    let mut fields: Vec<(&str, &str)> = notes.iter().map(|n| ("notes", *n)).collect();
    fields.extend([
        ("title", "Prioritering"),
        ("criteria", "impact"),
        ("opens_at", "2020-01-01T09:00"),
        ("closes_at", "2099-01-01T09:00"),
        ("anonymity", "leaders"),
        ("feedback", "after_answer"),
    ]);
    fields
}

#[tokio::test]
async fn a_rounds_notes_are_picked_several_at_a_time() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let first = note(&strategist, "trend", "Åldrande befolkning").await;
    let second = note(&strategist, "trend", "Energipriser i norr").await;
    let third = note(&strategist, "uncertainty", "Energipolitikens inriktning").await;
    let leader = app.as_leader().await;
    let before = app.db.read_blocking(rounds::all).unwrap().len();

    let typed = format!("{first}, energi");
    let asked = leader.post("/rounds/new", &round(&[&typed])).await;
    assert_eq!(asked.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut offered = options(&asked);
    offered.sort();
    assert_eq!(offered, [second, third]);
    assert!(
        asked
            .attrs("[data-pick-option]", "type")
            .iter()
            .all(|t| t == "checkbox")
    );
    // The number typed is held by its title, the words stay in the field.
    assert_eq!(
        asked.attrs("input[name=notes][data-picked]", "data-picked"),
        [first.to_string()]
    );
    assert!(
        asked
            .texts("#f-notes-picked label")
            .concat()
            .contains("Åldrande befolkning")
    );
    assert_eq!(value(&asked, "#f-notes"), "energi");
    assert_eq!(value(&asked, "#f-title"), "Prioritering");
    assert_eq!(app.db.read_blocking(rounds::all).unwrap().len(), before);

    // Kept, words, and two picks.
    let (one, two, three) = (first.to_string(), second.to_string(), third.to_string());
    let mut fields = round(&[&one, "energi"]);
    fields.push(("pick-notes", &two));
    fields.push(("pick-notes", &three));
    let id = id_after(&leader.post("/rounds/new", &fields).await, "/rounds/");
    let notes: Vec<i64> = app
        .db
        .read_blocking(move |c| rounds::notes(c, id))
        .unwrap()
        .iter()
        .map(|n| n.id)
        .collect();
    assert_eq!(notes, [first, second, third]);

    // Numbers alone, as before.
    let numbers = format!("{first} #{second}");
    id_after(
        &leader.post("/rounds/new", &round(&[&numbers])).await,
        "/rounds/",
    );

    let none = leader.post("/rounds/new", &round(&["xylofon"])).await;
    assert_eq!(
        none.field_error("notes").as_deref(),
        Some("error-pick-none-note")
    );
}

#[tokio::test]
async fn the_trend_ranking_picks_trends_by_words() {
    let app = spawn_app();
    world(&app);
    let other = app.as_strategist_b().await;
    let trend = note(&other, "trend", "Grön omställning i industrin").await;
    note(&other, "signal", "Grön vätgasfabrik i Luleå").await;
    let strategist = app.as_strategist_a().await;
    const PAGE: &str = "/phases/omvarlden/assignment";
    let form = |most: &'static str| {
        vec![
            ("action", "save"),
            ("version", ""),
            ("answer-viktigast", "Omställningen."),
            ("most-1", most),
            ("most-1-reason", "Störst påverkan"),
        ]
    };
    // Only trends are offered, though the signal matches the words too.
    let asked = strategist.post(PAGE, &form("grön")).await;
    assert_eq!(
        asked.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        asked.body
    );
    assert_eq!(options(&asked), [trend]);
    assert_eq!(value(&asked, "#most-1"), "grön");
    assert_eq!(value(&asked, "#most-1-reason"), "Störst påverkan");
    assert!(asked.body.contains("Omställningen.</textarea>"));
    assert_eq!(
        asked.attrs("#most-1-error", "data-error"),
        ["error-pick-choose"]
    );

    let trend_text = trend.to_string();
    let mut picked = form("grön");
    picked.push(("pick-most-1", &trend_text));
    let saved = strategist.post(PAGE, &picked).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = strategist.get(PAGE).await;
    assert_eq!(value(&page, "#most-1"), trend_text);
    assert!(
        page.texts("#most-1-current")
            .concat()
            .contains("Grön omställning i industrin")
    );

    let none = strategist.post(PAGE, &form("vätgasfabrik")).await;
    assert_eq!(
        none.attrs("#most-1-error", "data-error"),
        ["error-pick-none-note"]
    );
}

#[tokio::test]
async fn suggestions_show_only_what_the_person_may_see() {
    let app = spawn_app();
    world(&app);
    let a = app.as_strategist_a().await;
    let draft = a
        .post(
            "/bank/new?then=draft",
            &[
                ("type", "trend"),
                ("title", "Hemlig skiss om vattenbrist"),
                ("category", "social"),
            ],
        )
        .await;
    let draft = id_after(&draft, "/bank/");
    let shared = note(&a, "trend", "Vattenbrist i södra Sverige").await;
    let signal = note(&a, "signal", "Vattenbrist på Gotland").await;
    let ids = |body: &str| -> Vec<i64> {
        let json: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(
            json["count"].as_u64().unwrap() as usize,
            json["items"].as_array().unwrap().len()
        );
        let mut ids: Vec<i64> = json["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_i64().unwrap())
            .collect();
        ids.sort();
        ids
    };

    let own = a.get("/pick/notes?q=vattenbrist").await;
    assert_eq!(own.status, StatusCode::OK);
    assert_eq!(ids(&own.body), [draft, shared, signal]);

    let b = app.as_strategist_b().await;
    let theirs = b.get("/pick/notes?q=vattenbrist").await;
    assert_eq!(ids(&theirs.body), [shared, signal]);
    assert_eq!(
        ids(&b.get(&format!("/pick/notes?q=%23{draft}")).await.body),
        Vec::<i64>::new()
    );
    assert_eq!(
        ids(&b.get(&format!("/pick/notes?q={shared}")).await.body),
        [shared]
    );
    assert_eq!(
        ids(&b.get("/pick/notes?q=vattenbrist&type=trend").await.body),
        [shared]
    );
    let json: serde_json::Value =
        serde_json::from_str(&b.get("/pick/notes?q=gotland").await.body).unwrap();
    assert_eq!(json["items"][0]["title"], "Vattenbrist på Gotland");
    assert!(
        json["items"][0]["label"]
            .as_str()
            .unwrap()
            .contains("Signal")
    );

    let visitor = app.visitor();
    let refused = visitor.get("/pick/notes?q=vattenbrist").await;
    assert_ne!(refused.status, StatusCode::OK);
    assert!(!refused.body.contains("Vattenbrist"));
    assert_ne!(
        visitor.get("/pick/sources?q=vattenbrist").await.status,
        StatusCode::OK
    );
}

/// The moderation queue links input to a note picked by words: the item comes back with
/// what the moderator typed and the matches, nothing stored until one is picked; a
/// number still works, and no match or an unknown number is an error at the item's field.
#[tokio::test]
async fn input_is_linked_to_a_note_picked_by_words_in_the_queue() {
    let mut app = spawn_app();
    world(&app);
    let sent = app
        .post("/input", &[("body", "Fler cykelvägar på landsbygden.")])
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let input = app
        .db
        .read_blocking(|c| framsyn::storage::inputs::queue(c, None))
        .unwrap()[0]
        .id;
    let strategist = app.as_strategist_a().await;
    let cycling = note(&strategist, "trend", "Cykling på landsbygden").await;
    let editor = app.as_editor().await;
    let at = format!("/admin/input/{input}");
    let linked = |app: &TestApp| {
        app.db
            .read_blocking(|c| framsyn::storage::inputs::queue(c, None))
            .unwrap()[0]
            .note_id
    };

    let typed = [
        ("status", "read"),
        ("note", "cykling landsbygden"),
        ("public_body", "Fler cykelvägar, redigerat."),
        ("published", "1"),
    ];
    let page = editor.post(&at, &typed).await;
    assert_eq!(
        page.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        page.body
    );
    assert_eq!(options(&page), [cycling]);
    assert_eq!(
        value(&page, &format!("#note-{input}")),
        "cykling landsbygden"
    );
    assert_eq!(
        page.texts(&format!("#public-body-{input}")).concat(),
        "Fler cykelvägar, redigerat."
    );
    assert_eq!(
        page.attrs(&format!("#published-{input}[checked]"), "id")
            .len(),
        1
    );
    assert_eq!(linked(&app), None, "nothing stored while words wait");

    let picked = cycling.to_string();
    let mut with_pick = typed.to_vec();
    with_pick.push(("pick-note", &picked));
    let done = editor.post(&at, &with_pick).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(linked(&app), Some(cycling));
    let queue = editor.get("/admin/input").await;
    assert!(
        queue
            .attrs("a[href]", "href")
            .contains(&format!("/bank/{cycling}")),
        "the item links its note"
    );

    let by_number = editor
        .post(&at, &[("status", "read"), ("note", &format!("#{cycling}"))])
        .await;
    assert_eq!(
        by_number.status,
        StatusCode::SEE_OTHER,
        "{}",
        by_number.body
    );

    let none = editor
        .post(&at, &[("status", "read"), ("note", "ubåtar i Vättern")])
        .await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        none.attrs(&format!("#note-{input}-error"), "data-error"),
        ["error-pick-none-note"]
    );
    let unknown = editor
        .post(&at, &[("status", "read"), ("note", "99999")])
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        unknown.attrs(&format!("#note-{input}-error"), "data-error"),
        ["error-note-not-found"]
    );
    assert_eq!(
        linked(&app),
        Some(cycling),
        "a refused change keeps the link"
    );
}
