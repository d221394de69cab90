//! The print style sheet: every page links its language's running header and page
//! numbers for paper (the layout itself is checked in a real browser's PDF).

use axum::http::StatusCode;

use super::helpers::*;

#[tokio::test]
async fn each_language_prints_its_own_page_numbers() {
    let app = spawn_app();
    let visitor = app.visitor();
    visitor.set_lang("nb");
    let home = visitor.get("/").await;
    assert_eq!(
        home.attrs("link[rel=stylesheet][media=print]", "href"),
        vec!["/print/nb.css".to_string()]
    );
    let css = visitor.get("/print/nb.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(css.headers["content-type"], "text/css; charset=utf-8");
    assert!(
        css.body
            .contains(r#"content: "Side " counter(page) " av " counter(pages) "";"#),
        "{}",
        css.body
    );
    assert!(css.body.contains("@top-left"), "{}", css.body);
    assert_eq!(
        visitor.get("/print/xx.css").await.status,
        StatusCode::NOT_FOUND
    );
}
