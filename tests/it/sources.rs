//! The source bank: adding and checking sources, who sees and edits them, stale edits,
//! search, and notes citing sources with a stance.

use axum::http::StatusCode;

use super::helpers::*;
use framsyn::storage::{audit, sources};

fn report<'a>(title: &'a str, summary: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("kind", "report"),
        ("title", title),
        ("publisher", "Länsstyrelsen i Skåne"),
        ("authors", "Åsa Öberg, Per Ek"),
        ("year", "2024"),
        ("link", "https://www.lansstyrelsen.se/skane/befolkning.pdf"),
        ("language", "sv"),
        ("summary", summary),
        ("scope", "Skåne"),
    ]
}

fn trend(title: &str) -> Vec<(&str, &str)> {
    vec![
        ("type", "trend"),
        ("title", title),
        ("summary", "Fler äldre."),
        ("category", "social"),
    ]
}

fn id_after(response: &TestResponse, prefix: &str) -> i64 {
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    response
        .location()
        .trim_start_matches(prefix)
        .parse()
        .unwrap()
}

async fn add_source(author: &impl Client, fields: &[(&str, &str)]) -> i64 {
    let response = author.post("/sources/new", fields).await;
    id_after(&response, "/sources/")
}

async fn write_note(author: &impl Client, then: &str, title: &str) -> i64 {
    let response = author
        .post(&format!("/bank/new?then={then}"), &trend(title))
        .await;
    id_after(&response, "/bank/")
}

async fn cite(author: &impl Client, note: i64, source: i64, stance: &str) -> TestResponse {
    let source = source.to_string();
    author
        .post(
            &format!("/bank/{note}/sources"),
            &[("source", source.as_str()), ("stance", stance)],
        )
        .await
}

fn count_sources(app: &TestApp) -> i64 {
    app.db
        .read_blocking(|c| sources::search(c, &sources::SourceFilter::default()))
        .unwrap()
        .1
}

#[tokio::test]
async fn a_member_adds_a_source_and_sees_it_with_its_summary_rendered() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let id = add_source(
        &strategist,
        &report(
            "Befolkningsprognos för Skåne 2024–2050",
            "Fler äldre, färre i **arbetsför ålder**.",
        ),
    )
    .await;
    let page = strategist.get(&format!("/sources/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("<h1 lang=\"sv\">Befolkningsprognos för Skåne 2024–2050</h1>");
    page.assert_contains("<strong>arbetsför ålder</strong>");
    page.assert_contains("<dd>Länsstyrelsen i Skåne</dd>");
    page.assert_contains("<dd>Åsa Öberg, Per Ek</dd>");
    page.assert_contains("<dd>2024</dd>");
    assert!(
        page.body.replace("&#x2f;", "/").contains(
            "href=\"https://www.lansstyrelsen.se/skane/befolkning.pdf\" rel=\"noopener noreferrer\""
        ),
        "the link, escaped in its attribute"
    );
    page.assert_contains("Rapport");
    page.assert_contains(&format!("Nr {id}"));
    page.assert_contains("Region Skåne");
    page.assert_contains("href=\"/sources/1/edit\"");
    let list = strategist.get("/sources").await;
    list.assert_contains("1 källa");
    list.assert_contains(&format!("href=\"/sources/{id}\""));
    assert_eq!(list.attrs("nav a[aria-current=page]", "href"), ["/sources"]);

    // Any member may add one: an editor, a process leader, an administrator.
    for email in [EDITOR, LEADER, ADMIN] {
        let member = app.as_user(email).await;
        add_source(&member, &[("kind", "statistics"), ("title", email)]).await;
    }
    assert_eq!(count_sources(&app), 4);
    let source = app
        .db
        .read_blocking(move |c| sources::get(c, id))
        .unwrap()
        .unwrap();
    assert_eq!(source.organisation_name, "Region Skåne");
    assert_eq!(source.year, Some(2024));
    let log = app.db.read_blocking(|c| audit::page(c, 50, 0)).unwrap();
    assert_eq!(
        log.iter().filter(|e| e.action == "source.create").count(),
        4
    );
}

#[tokio::test]
async fn visitors_see_no_sources() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let id = add_source(&strategist, &report("Regional utvecklingsstrategi", "")).await;
    let visitor = app.visitor();
    for path in [format!("/sources/{id}"), format!("/sources/{id}/edit")] {
        assert_eq!(
            visitor.get(&path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    assert_eq!(
        visitor
            .post(&format!("/sources/{id}/edit"), &report("Kapad", ""))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let list = visitor.get("/sources").await;
    assert_eq!(list.status, StatusCode::SEE_OTHER);
    assert!(list.location().starts_with("/login"));
    let add = visitor.post("/sources/new", &report("Kapad", "")).await;
    assert!(add.location().starts_with("/login"));
    assert_eq!(count_sources(&app), 1);
    let home = visitor.get("/").await;
    assert!(
        !home.body.contains("href=\"/sources\""),
        "no link to a page visitors cannot use"
    );
}

#[tokio::test]
async fn bad_sources_come_back_with_messages_at_the_fields_and_nothing_stored() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let long_title = "x".repeat(301);
    let long_summary = "y".repeat(20_001);
    let cases: [(&str, &str, &str); 8] = [
        ("kind", "rumour", "error-source-kind"),
        ("title", "", "error-required"),
        ("title", &long_title, "error-too-long"),
        ("year", "1850", "error-source-year"),
        ("year", "förra året", "error-source-year"),
        ("link", "javascript:alert(1)", "error-source-link"),
        ("language", "svenska", "error-source-language"),
        ("summary", &long_summary, "error-too-long"),
    ];
    for (field, value, error) in cases {
        let mut fields = report(
            "Titeln som ska finnas kvar",
            "Sammanfattning som ska finnas kvar",
        );
        fields.retain(|(k, _)| *k != field);
        fields.push((field, value));
        let response = strategist.post("/sources/new", &fields).await;
        assert_eq!(
            response.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field} = {value:.20}"
        );
        assert_eq!(
            response.attrs(&format!("#f-{field}-error"), "data-error"),
            [error],
            "{field} = {value:.20}"
        );
        assert_eq!(
            response
                .attrs(&format!(".error-summary a[href='#f-{field}']"), "href")
                .len(),
            1,
            "the summary links to the field"
        );
        assert_eq!(
            response.attrs(&format!("#f-{field}"), "aria-invalid"),
            ["true"]
        );
        // What was typed is all still there, the refused value too.
        if field != "summary" {
            response.assert_contains(">Sammanfattning som ska finnas kvar</textarea>");
        }
        if field != "title" {
            response.assert_contains("value=\"Titeln som ska finnas kvar\"");
        }
        if matches!(field, "year" | "language") {
            response.assert_contains(&format!("value=\"{value}\""));
        }
        response.assert_contains("value=\"Länsstyrelsen i Skåne\"");
    }
    assert_eq!(count_sources(&app), 0, "nothing stored");
}

#[tokio::test]
async fn a_stale_edit_is_refused_with_409_and_nothing_overwritten() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let id = add_source(
        &strategist,
        &report("Trafikprognos 2040", "Första versionen."),
    )
    .await;
    let editor = app.as_editor().await;
    let edit = strategist.get(&format!("/sources/{id}/edit")).await;
    edit.assert_contains("name=\"version\" value=\"1\"");
    edit.assert_contains("value=\"Trafikprognos 2040\"");

    let mut theirs = report("Trafikprognos 2040 (reviderad)", "Redaktörens ändring.");
    theirs.push(("version", "1"));
    assert_eq!(
        editor
            .post(&format!("/sources/{id}/edit"), &theirs)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let mut mine = report("Trafikprognos 2040", "Min ändring, skriven länge.");
    mine.push(("version", "1"));
    let refused = strategist.post(&format!("/sources/{id}/edit"), &mine).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    refused.assert_error("error-source-stale-edit");
    refused.assert_contains("Trafikprognos 2040 (reviderad)");
    refused.assert_contains("Redaktörens ändring.");
    refused.assert_contains(">Min ändring, skriven länge.</textarea>");
    refused.assert_contains("name=\"version\" value=\"2\"");
    let source = app
        .db
        .read_blocking(move |c| sources::get(c, id))
        .unwrap()
        .unwrap();
    assert_eq!(source.summary, "Redaktörens ändring.");
    assert_eq!(source.version, 2);
    // Saving again from the newer version goes through.
    let mut again = report("Trafikprognos 2040", "Min ändring, skriven länge.");
    again.push(("version", "2"));
    assert_eq!(
        strategist
            .post(&format!("/sources/{id}/edit"), &again)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    strategist
        .get(&format!("/sources/{id}"))
        .await
        .assert_contains("Min ändring, skriven länge.");
}

#[tokio::test]
async fn the_adding_organisation_and_the_curators_edit_a_source_others_only_read_it() {
    let app = spawn_app();
    world(&app);
    let strategist_a = app.as_strategist_a().await;
    let id = add_source(&strategist_a, &report("Kompetensförsörjning i Skåne", "")).await;
    let strategist_b = app.as_strategist_b().await;
    let page = strategist_b.get(&format!("/sources/{id}")).await;
    page.assert_contains("Kompetensförsörjning i Skåne");
    assert!(!page.body.contains("/edit\""), "no edit link");
    assert_eq!(
        strategist_b
            .get(&format!("/sources/{id}/edit"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let mut hijack = report("Kapad", "");
    hijack.push(("version", "1"));
    assert_eq!(
        strategist_b
            .post(&format!("/sources/{id}/edit"), &hijack)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    for email in [EDITOR, LEADER] {
        let member = app.as_user(email).await;
        assert_eq!(
            member.get(&format!("/sources/{id}/edit")).await.status,
            StatusCode::OK,
            "{email}"
        );
    }
    let source = app
        .db
        .read_blocking(move |c| sources::get(c, id))
        .unwrap()
        .unwrap();
    assert_eq!(source.title, "Kompetensförsörjning i Skåne");
    assert_eq!(
        strategist_b.get("/sources/999").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn search_finds_swedish_words_as_typed_and_the_kind_filter_combines() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let a = add_source(
        &strategist,
        &report(
            "Befolkningsprognos för Skåne",
            "Fler i hög ålder, färre unga.",
        ),
    )
    .await;
    let b = add_source(
        &strategist,
        &[
            ("kind", "statistics"),
            ("title", "Befolkningsstatistik per kommun"),
            ("publisher", "Länsstyrelsen i Norrbotten"),
        ],
    )
    .await;
    let c = add_source(
        &strategist,
        &[
            ("kind", "scenario_study"),
            ("title", "Grønn omstilling i Nordland"),
            ("authors", "Ærlig Øyvind"),
            ("summary", "Scenarier for kraftkrevende industri."),
        ],
    )
    .await;

    let found = |body: &str, id: i64| body.contains(&format!("href=\"/sources/{id}\""));
    let r = strategist.get("/sources?q=L%C3%A4nsstyrelsen").await; // "Länsstyrelsen"
    assert!(found(&r.body, a) && found(&r.body, b) && !found(&r.body, c));
    r.assert_contains("2 källor");
    let r = strategist.get("/sources?q=%C3%A5lder").await; // "ålder"
    assert!(found(&r.body, a) && !found(&r.body, b));
    let r = strategist.get("/sources?q=alder").await;
    assert!(
        !found(&r.body, a),
        "å is not folded to a: words are found as typed"
    );
    let r = strategist.get("/sources?q=gr%C3%B8nn").await; // "grønn"
    assert!(found(&r.body, c) && !found(&r.body, a));
    let r = strategist.get("/sources?q=%C3%86rlig").await; // "Ærlig", an author
    assert!(found(&r.body, c));
    let r = strategist.get("/sources?q=befolkning").await; // a prefix of both titles
    assert!(found(&r.body, a) && found(&r.body, b));
    let r = strategist
        .get("/sources?q=befolkning&kind=statistics")
        .await;
    assert!(found(&r.body, b) && !found(&r.body, a) && !found(&r.body, c));
    r.assert_contains("value=\"statistics\" selected");
    r.assert_contains("value=\"befolkning\"");
    let r = strategist.get("/sources?kind=scenario_study").await;
    assert!(found(&r.body, c) && !found(&r.body, a) && !found(&r.body, b));
    let r = strategist.get("/sources?q=%22%29%28NEAR").await; // FTS syntax is plain text
    assert_eq!(r.status, StatusCode::OK);
    r.assert_contains("0 källor");
}

#[tokio::test]
async fn lists_are_paginated_in_sql_and_the_pager_keeps_the_search() {
    let app = spawn_app();
    let w = world(&app);
    let author = app
        .db
        .read_blocking(|c| framsyn::storage::users::find_by_email(c, STRATEGIST_A))
        .unwrap()
        .unwrap();
    app.db
        .write_blocking(move |tx| {
            for i in 0..30 {
                let form = framsyn::domain::source::SourceForm {
                    kind: if i % 2 == 0 { "report" } else { "article" }.into(),
                    title: format!("Årsrapport nummer {i}"),
                    ..Default::default()
                };
                sources::insert(tx, &form.validate().unwrap(), w.org_a, author)?;
            }
            Ok(())
        })
        .unwrap();
    let strategist = app.as_strategist_b().await;
    let first = strategist.get("/sources").await;
    first.assert_contains("30 källor");
    first.assert_contains("Sida 1 av 2");
    assert_eq!(first.body.matches("class=\"source-title\"").count(), 25);
    first.assert_contains("Årsrapport nummer 29"); // newest first
    let search = strategist
        .get("/sources?q=%C3%A5rsrapport&kind=report")
        .await;
    search.assert_contains("15 källor");
    let all = strategist.get("/sources?q=%C3%A5rsrapport").await;
    all.assert_contains("href=\"/sources?q=%C3%A5rsrapport&amp;page=2\"");
    let last = strategist.get("/sources?q=%C3%A5rsrapport&page=2").await;
    assert_eq!(last.body.matches("class=\"source-title\"").count(), 5);
}

#[tokio::test]
async fn a_note_cites_a_source_with_a_stance_seen_on_both_pages() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let source = add_source(
        &strategist,
        &report("Befolkningsprognos för Skåne", "Fler äldre."),
    )
    .await;
    let other = add_source(
        &strategist,
        &[("kind", "article"), ("title", "Unga flyttar")],
    )
    .await;
    let note = write_note(&strategist, "submit", "Åldrande befolkning").await;

    let page = strategist.get(&format!("/bank/{note}")).await;
    page.assert_contains("Notisen hänvisar inte till någon källa än.");
    page.assert_contains(&format!("action=\"/bank/{note}/sources\""));
    assert_eq!(page.texts("label[for=f-source]"), ["Källans nummer"]);

    let response = cite(&strategist, note, source, "supports").await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    assert_eq!(response.location(), format!("/bank/{note}#sources"));
    let response = cite(&strategist, note, other, "contradicts").await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);

    let page = strategist.get(&format!("/bank/{note}")).await;
    let group = |stance: &str| page.attrs(&format!("ul[data-stance='{stance}'] > li > a"), "href");
    assert_eq!(group("supports"), [format!("/sources/{source}")]);
    assert_eq!(group("contradicts"), [format!("/sources/{other}")]);
    assert_eq!(
        page.attrs("ul[data-stance]", "data-stance"),
        ["supports", "contradicts"],
        "the groups in the order of the stances"
    );
    page.assert_contains(&format!("action=\"/bank/{note}/sources/{source}/remove\""));

    let source_page = strategist.get(&format!("/sources/{source}")).await;
    source_page.assert_contains("<h3>Stöder</h3>");
    source_page.assert_contains(&format!(
        "<a href=\"/bank/{note}\">Åldrande befolkning</a> (Inlämnad)"
    ));

    // Citing again changes the stance; there is still one citation.
    cite(&strategist, note, source, "context").await;
    let cited = app
        .db
        .read_blocking(move |c| sources::sources_of_note(c, note))
        .unwrap();
    assert_eq!(cited.len(), 2);
    assert_eq!(cited[0].1.key(), "context");
    strategist
        .get(&format!("/sources/{source}"))
        .await
        .assert_contains("<h3>Ger sammanhang</h3>");

    // Another member sees the citations but may not change them.
    let reader = app.as_strategist_b().await;
    let read = reader.get(&format!("/bank/{note}")).await;
    read.assert_contains(&format!("href=\"/sources/{source}\""));
    assert!(!read.body.contains("/remove\""));
    assert!(!read.body.contains("id=\"f-source\""));

    let removed = strategist
        .post(&format!("/bank/{note}/sources/{other}/remove"), &[])
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    let page = strategist.get(&format!("/bank/{note}")).await;
    assert!(!page.body.contains(&format!("href=\"/sources/{other}\"")));
    assert!(!page.body.contains("<h3>Motsäger</h3>"));
    strategist
        .get(&format!("/sources/{other}"))
        .await
        .assert_contains("Ingen notis som du kan se hänvisar till källan än.");

    let log = app.db.read_blocking(|c| audit::page(c, 50, 0)).unwrap();
    let actions: Vec<_> = log
        .iter()
        .filter(|e| e.action.starts_with("note.") && e.action.contains("cite"))
        .map(|e| (e.action.as_str(), e.detail.clone().unwrap_or_default()))
        .collect();
    assert_eq!(
        actions,
        [
            ("note.uncite", format!("source:{other}")),
            ("note.cite", format!("source:{source} context")),
            ("note.cite", format!("source:{other} contradicts")),
            ("note.cite", format!("source:{source} supports")),
        ]
    );
}

#[tokio::test]
async fn a_refused_citation_comes_back_on_the_note_page_at_the_field() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let note = write_note(&strategist, "draft", "Digital vård").await;
    let path = format!("/bank/{note}/sources");
    let cases = [
        ("tolv", "supports", "source", "error-pick-none-source"),
        ("", "supports", "source", "error-required"),
        ("4711", "supports", "source", "error-source-missing"),
        ("4711", "maybe", "stance", "error-choose"),
    ];
    for (number, stance, field, error) in cases {
        let response = strategist
            .post(&path, &[("source", number), ("stance", stance)])
            .await;
        assert_eq!(
            response.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{number} {stance}"
        );
        response.assert_contains("<h1>Digital vård</h1>");
        assert_eq!(
            response.attrs(&format!("#f-{field}-error"), "data-error"),
            [error],
            "{number} {stance}"
        );
        assert_eq!(
            response
                .attrs(&format!(".error-summary a[href='#f-{field}']"), "href")
                .len(),
            1,
            "the summary links to the field"
        );
        response.assert_contains(&format!("name=\"source\" type=\"text\" value=\"{number}\""));
    }
    let cited = app
        .db
        .read_blocking(move |c| sources::sources_of_note(c, note))
        .unwrap();
    assert!(cited.is_empty());
}

#[tokio::test]
async fn another_organisations_strategist_cannot_cite_from_a_note_they_may_not_edit() {
    let app = spawn_app();
    world(&app);
    let strategist_a = app.as_strategist_a().await;
    let draft = write_note(&strategist_a, "draft", "Utkast om vätgas").await;
    let submitted = write_note(&strategist_a, "submit", "Inlämnad om vätgas").await;
    let strategist_b = app.as_strategist_b().await;
    let source = add_source(&strategist_b, &report("Vätgasstrategi för Norrbotten", "")).await;
    let id = source.to_string();
    let fields = [("source", id.as_str()), ("stance", "supports")];
    // A draft of another organisation is not even there for them.
    assert_eq!(
        strategist_b
            .post(&format!("/bank/{draft}/sources"), &fields)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // A submitted note they see, but it is not theirs to write.
    assert_eq!(
        strategist_b
            .post(&format!("/bank/{submitted}/sources"), &fields)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        strategist_b
            .post(&format!("/bank/{submitted}/sources/{source}/remove"), &[])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    for note in [draft, submitted] {
        let cited = app
            .db
            .read_blocking(move |c| sources::sources_of_note(c, note))
            .unwrap();
        assert!(cited.is_empty());
    }
    // Their own organisation's strategist, and an editor, may.
    let editor = app.as_editor().await;
    assert_eq!(
        editor
            .post(&format!("/bank/{submitted}/sources"), &fields)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn a_draft_citing_a_source_is_not_listed_for_another_organisation() {
    let app = spawn_app();
    world(&app);
    let strategist_b = app.as_strategist_b().await;
    let source = add_source(&strategist_b, &report("Klimatanpassning i Norrbotten", "")).await;
    let strategist_a = app.as_strategist_a().await;
    let draft = write_note(&strategist_a, "draft", "Hemligt utkast om klimat").await;
    let shared = write_note(&strategist_a, "submit", "Inlämnad notis om klimat").await;
    for note in [draft, shared] {
        let response = strategist_a
            .post(
                &format!("/bank/{note}/sources"),
                &[("source", &source.to_string()), ("stance", "context")],
            )
            .await;
        assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    }
    let own = strategist_a.get(&format!("/sources/{source}")).await;
    own.assert_contains("Hemligt utkast om klimat");
    own.assert_contains("Inlämnad notis om klimat");

    let other = strategist_b.get(&format!("/sources/{source}")).await;
    assert_eq!(other.status, StatusCode::OK);
    other.assert_contains("Inlämnad notis om klimat");
    assert!(!other.body.contains("Hemligt utkast om klimat"));
    assert!(!other.body.contains(&format!("href=\"/bank/{draft}\"")));

    let editor = app.as_editor().await;
    editor
        .get(&format!("/sources/{source}"))
        .await
        .assert_contains("Hemligt utkast om klimat");
}

#[tokio::test]
async fn the_source_pages_speak_norwegian_and_english_too() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let id = add_source(&strategist, &report("Befolkningsprognos", "")).await;
    strategist.set_lang("nb");
    let page = strategist.get(&format!("/sources/{id}")).await;
    page.assert_contains("Kildebanken");
    page.assert_contains("Utgiver");
    strategist.set_lang("en");
    let list = strategist.get("/sources").await;
    list.assert_contains("Source bank");
    list.assert_contains("1 source<");
    let refused = strategist
        .post("/sources/new", &[("kind", "report"), ("year", "3000")])
        .await;
    refused.assert_contains("Enter a year between 1900 and 2100");
}

#[test]
fn the_table_refuses_what_the_form_refuses_and_search_follows_edits() {
    let app = spawn_app();
    let w = world(&app);
    let org = w.org_a;
    // The CHECK constraints hold even for a writer that skips the form's rules.
    for (column, value) in [
        ("none", ""),
        ("kind", "'rumour'"),
        ("title", "''"),
        ("year", "1899"),
        ("link", "'javascript:alert(1)'"),
        ("link", "'https://'"),
        ("language", "'SV'"),
        ("language", "'svenska'"),
        ("summary", "printf('%.*c', 20001, 'x')"),
    ] {
        let values = [
            ("kind", "'report'"),
            ("title", "'Titel'"),
            ("year", "NULL"),
            ("link", "NULL"),
            ("language", "NULL"),
            ("summary", "''"),
        ]
        .map(|(c, v)| if c == column { value } else { v })
        .join(", ");
        let sql = format!(
            "INSERT INTO sources (kind, title, year, link, language, summary, organisation_id, created_at, updated_at)
             VALUES ({values}, {org}, 0, 0)"
        );
        let result = app.db.write_blocking(move |tx| Ok(tx.execute(&sql, [])?));
        if column == "none" {
            result.expect("a row within the rules is stored");
        } else {
            assert!(result.is_err(), "{column} = {value}");
        }
    }
    let author = app
        .db
        .read_blocking(|c| framsyn::storage::users::find_by_email(c, STRATEGIST_A))
        .unwrap()
        .unwrap();
    let form = |title: &str| framsyn::domain::source::SourceForm {
        kind: "forecast".into(),
        title: title.into(),
        ..Default::default()
    };
    let first = form("Sysselsättningsprognos").validate().unwrap();
    let id = app
        .db
        .write_blocking(move |tx| sources::insert(tx, &first, org, author))
        .unwrap();
    let second = form("Arbetsmarknadsutsikter").validate().unwrap();
    let saved = app
        .db
        .write_blocking(move |tx| sources::update(tx, id, 1, &second))
        .unwrap();
    assert!(saved.is_saved());
    let found = |word: &str| {
        let filter = sources::SourceFilter {
            search: framsyn::domain::bank::search_query(word),
            ..Default::default()
        };
        app.db
            .read_blocking(move |c| sources::search(c, &filter))
            .unwrap()
            .1
    };
    assert_eq!(
        found("sysselsättningsprognos"),
        0,
        "the old title is gone from the index"
    );
    assert_eq!(found("arbetsmarknadsutsikter"), 1);

    // A citation's stance is one of the three, whoever writes it.
    let note = framsyn::domain::bank::NoteForm {
        note_type: "signal".into(),
        title: "Signal".into(),
        category: "economic".into(),
        ..Default::default()
    }
    .validate(&[])
    .unwrap();
    let note = app
        .db
        .write_blocking(move |tx| {
            framsyn::storage::bank::insert(
                tx,
                &note,
                framsyn::domain::bank::NoteStatus::Draft,
                org,
                author,
            )
        })
        .unwrap();
    let sql = format!(
        "INSERT INTO note_sources (note_id, source_id, stance, added_at) VALUES ({note}, {id}, 'maybe', 0)"
    );
    assert!(
        app.db
            .write_blocking(move |tx| Ok(tx.execute(&sql, [])?))
            .is_err()
    );
    let linked = app
        .db
        .write_blocking(move |tx| {
            sources::link(
                tx,
                note,
                id,
                framsyn::domain::source::Stance::Context,
                author,
            )
        })
        .unwrap();
    assert_eq!(linked, sources::Linked::Added);
    let missing = app
        .db
        .write_blocking(move |tx| {
            sources::link(
                tx,
                note,
                id + 100,
                framsyn::domain::source::Stance::Context,
                author,
            )
        })
        .unwrap();
    assert_eq!(missing, sources::Linked::NoSource);
}
