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
