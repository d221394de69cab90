//! The interface speaks the programme's language: the programme's default language on a
//! first visit, unless `Accept-Language` asks for one of the three; the chosen language
//! (the cookie) after that; and text written by users carries the language it was
//! written in when the interface speaks another.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};

use super::helpers::*;
use framsyn::domain::programme::Programme;

fn dialogarena() -> TestApp {
    let programme = Programme::load_dir(&programme_dir("dialogarena")).unwrap();
    spawn_with(programme, test_config())
}

/// The `lang` of the page's `<html>` element.
fn page_lang(page: &TestResponse) -> String {
    page.attrs("html", "lang").join(" ")
}

async fn get_accepting(app: &mut TestApp, path: &str, accept: &str) -> TestResponse {
    app.request(
        Request::get(path)
            .header(header::ACCEPT_LANGUAGE, accept)
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

#[tokio::test]
async fn a_first_visit_speaks_the_programmes_default_language() {
    let mut app = dialogarena();
    let home = app.get("/").await;
    assert_eq!(home.status, StatusCode::OK);
    assert_eq!(page_lang(&home), "nb", "the dialogarena opens in Norwegian");
    let missing = app.get("/no-such-page").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(page_lang(&missing), "nb", "error pages too");

    let mut app = spawn_app();
    assert_eq!(page_lang(&app.get("/").await), "sv");
}

#[tokio::test]
async fn a_first_visit_honours_accept_language() {
    let mut app = dialogarena();
    let english = get_accepting(&mut app, "/", "en-GB,en;q=0.9").await;
    assert_eq!(page_lang(&english), "en");
    let mut app = spawn_app();
    assert_eq!(page_lang(&get_accepting(&mut app, "/", "nn").await), "nb");
    assert_eq!(
        page_lang(&get_accepting(&mut app, "/", "de-CH, de;q=0.9, sv;q=0.2").await),
        "sv"
    );
    assert_eq!(
        page_lang(&get_accepting(&mut app, "/", "sv;q=0.3, en-US;q=0.8").await),
        "en"
    );
    assert_eq!(
        page_lang(&get_accepting(&mut app, "/", "de").await),
        "sv",
        "nothing spoken here: the programme's language"
    );
    let mut app = dialogarena();
    assert_eq!(page_lang(&get_accepting(&mut app, "/", "de").await), "nb");
}

#[tokio::test]
async fn the_chosen_language_wins_over_the_browsers() {
    let mut app = dialogarena();
    let chosen = app
        .post("/language", &[("lang", "sv"), ("next", "/")])
        .await;
    assert_eq!(chosen.status, StatusCode::SEE_OTHER);
    let home = get_accepting(&mut app, "/", "en-GB,en;q=0.9").await;
    assert_eq!(page_lang(&home), "sv");
}

#[tokio::test]
async fn pages_vary_by_the_language_cookie_and_accept_language() {
    let mut app = spawn_app();
    let home = app.get("/").await;
    let vary: Vec<String> = home
        .headers
        .get_all(header::VARY)
        .iter()
        .flat_map(|v| v.to_str().unwrap().split(','))
        .map(|v| v.trim().to_ascii_lowercase())
        .collect();
    assert!(
        vary.contains(&"cookie".to_string()) && vary.contains(&"accept-language".to_string()),
        "{vary:?}"
    );
    let missing = app.get("/no-such-page").await;
    assert!(missing.headers.get(header::VARY).is_some());
}

/// A submitted trend note written by the first strategist; returns its number.
async fn trend_note(app: &mut TestApp, title: &str, summary: &str) -> i64 {
    app.login(STRATEGIST_A).await;
    let written = app
        .post(
            "/bank/new?then=submit",
            &[
                ("type", "trend"),
                ("title", title),
                ("summary", summary),
                ("category", "social"),
            ],
        )
        .await;
    assert_eq!(written.status, StatusCode::SEE_OTHER, "{}", written.body);
    written
        .location()
        .trim_start_matches("/bank/")
        .parse()
        .unwrap()
}

#[tokio::test]
async fn a_swedish_note_in_the_english_interface_is_marked_swedish() {
    let mut app = spawn_app();
    world(&app);
    let note = trend_note(
        &mut app,
        "Åldrande befolkning",
        "Fler äldre, färre i arbete.",
    )
    .await;
    let source = app
        .post(
            "/sources/new",
            &[
                ("kind", "report"),
                ("title", "Ageing Europe"),
                ("year", "2023"),
                ("language", "en"),
            ],
        )
        .await;
    assert_eq!(source.status, StatusCode::SEE_OTHER, "{}", source.body);
    let source = source
        .location()
        .trim_start_matches("/sources/")
        .to_string();
    let cited = app
        .post(
            &format!("/bank/{note}/sources"),
            &[("source", source.as_str()), ("stance", "supports")],
        )
        .await;
    assert_eq!(cited.status, StatusCode::SEE_OTHER, "{}", cited.body);

    app.set_lang("en");
    let page = app.get(&format!("/bank/{note}")).await;
    assert_eq!(page_lang(&page), "en");
    assert_eq!(page.texts("h1[lang=sv]"), vec!["Åldrande befolkning"]);
    assert_eq!(
        page.texts(".prose[lang=sv]"),
        vec!["Fler äldre, färre i arbete."]
    );
    assert_eq!(page.texts("#sources li > a"), vec!["Ageing Europe"]);
    assert!(
        page.attrs("#sources a[lang]", "lang").is_empty(),
        "an English source in the English interface needs no mark"
    );
    let list = app.get("/bank").await;
    assert_eq!(
        list.texts(".note-title [lang=sv]"),
        vec!["Åldrande befolkning"]
    );

    app.set_lang("sv");
    let page = app.get(&format!("/bank/{note}")).await;
    assert!(
        page.attrs("main [lang=sv]", "lang").is_empty(),
        "no lang attribute where the text speaks the page's language"
    );
    assert_eq!(
        page.texts("#sources a[lang=en]"),
        vec!["Ageing Europe"],
        "a source is marked with its own language"
    );
}

#[tokio::test]
async fn the_dialogarenas_notes_are_marked_norwegian_in_other_interfaces() {
    let mut app = dialogarena();
    world(&app);
    let note = trend_note(&mut app, "Eldre befolkning", "Flere eldre.").await;
    let page = get_accepting(&mut app, &format!("/bank/{note}"), "sv").await;
    assert_eq!(page_lang(&page), "sv");
    assert_eq!(page.texts("h1[lang=nb]"), vec!["Eldre befolkning"]);
    let page = app.get(&format!("/bank/{note}")).await;
    assert_eq!(page_lang(&page), "nb");
    assert!(page.texts("h1[lang]").is_empty());
}

#[tokio::test]
async fn events_and_embedded_material_carry_the_language_they_were_written_in() {
    let mut app = spawn_app();
    world(&app);
    let note = trend_note(&mut app, "Åldrande befolkning", "Fler äldre.").await;
    let starts = local(20, 9);
    let ends = local(20, 16);
    let event =
        super::events::create_event(&mut app, &super::events::workshop(&starts, &ends, "", ""))
            .await;
    app.set_lang("nb");
    let page = app.get(&format!("/events/{event}")).await;
    assert_eq!(page_lang(&page), "nb");
    assert_eq!(page.texts("h1[lang=sv]"), vec!["Workshop 1: Omvärlden"]);
    assert_eq!(page.texts(".prose[lang=sv]"), vec!["Två dagar om trender."]);

    app.set_lang("en");
    app.login(EDITOR).await;
    let body = format!("Inledning på svenska.\n\n[[note:{note}]]\n\n[[event:{event}]]");
    let preview = app
        .post(
            "/editorial/new",
            &super::editorial::output("Omvärlden", &body, "preview"),
        )
        .await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert_eq!(
        preview.texts(".prose > div[lang=sv]"),
        vec!["Inledning på svenska."]
    );
    assert_eq!(
        preview.texts(".embed-note .card-title [lang=sv]"),
        vec!["Åldrande befolkning"]
    );
    assert_eq!(
        preview.texts(".embed-event .card-title [lang=sv]"),
        vec!["Workshop 1: Omvärlden"]
    );
    assert!(
        !preview.texts(".embed-note .kind").is_empty()
            && preview.attrs(".embed-note .kind[lang]", "lang").is_empty(),
        "the interface's own words around the material are not marked"
    );
}
