//! The method bank: methods as data, checked at start, shown to everyone in three languages.

use axum::http::StatusCode;

use super::helpers::*;
use framsyn::domain::lang::Lang;
use framsyn::domain::methods::load_dir;

const BACKCASTING: &str = r#"
slug = "backcasting"
family = "backcasting"
group_size = "6–40"
phases = ["policyutveckling"]
[name]
sv = "Backcasting"
nb = "Backcasting"
en = "Backcasting"
[purpose]
sv = "Att gå baklänges från en önskad framtid till steg som kan tas i dag."
nb = "Å gå baklengs fra en ønsket framtid til steg som kan tas i dag."
en = "To work back from a desired future to steps that can be taken today."
[steps]
sv = """
1. Beskriv den önskade framtiden.
2. Sätt ut milstolpar bakåt i tiden.
3. Välj de första stegen.
"""
nb = """
1. Beskriv den ønskede framtiden.
2. Sett ut milepæler bakover i tid.
3. Velg de første stegene.
"""
en = """
1. Describe the desired future.
2. Set milestones back in time.
3. Choose the first steps.
"""
[duration]
sv = "3 timmar"
nb = "3 timer"
en = "3 hours"
[materials]
sv = "En tidslinje på väggen."
nb = "En tidslinje på veggen."
en = "A timeline on the wall."
"#;

fn app_with_methods() -> (TestApp, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("backcasting.toml"), BACKCASTING).unwrap();
    let mut config = test_config();
    config.methods = dir.path().to_path_buf().into();
    (spawn_with(regionerna(), config), dir)
}

#[test]
fn the_shipped_method_bank_is_valid() {
    let methods = framsyn::files::load_methods(&test_config().methods, Lang::Sv).unwrap();
    assert!(methods.len() >= 10, "{}", methods.len());
    for m in &methods {
        assert!(
            m.name.get(Lang::Sv).is_some() && m.steps.get(Lang::Sv).is_some(),
            "{}",
            m.slug
        );
    }
}

#[test]
fn a_method_whose_slug_differs_from_its_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("tillbakablick.toml"), BACKCASTING).unwrap();
    let error = load_dir(dir.path(), Lang::Sv).unwrap_err();
    assert_eq!(error.field, "slug");
    assert!(error.to_string().contains("tillbakablick.toml"), "{error}");
}

#[tokio::test]
async fn everyone_reads_the_method_bank_in_three_languages() {
    let (mut app, _dir) = app_with_methods();
    let list = app.get("/methods").await;
    assert_eq!(list.status, StatusCode::OK);
    list.assert_contains("Metodbanken");
    list.assert_contains("href=\"/methods/backcasting\"");
    for (lang, heading, step) in [
        ("sv", "Så går det till", "Sätt ut milstolpar"),
        ("nb", "Slik gjør dere det", "Sett ut milepæler"),
        ("en", "How it is done", "Set milestones"),
    ] {
        app.set_lang(lang);
        let page = app.get("/methods/backcasting").await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(heading);
        page.assert_contains(step);
        page.assert_contains("href=\"/phases/policyutveckling\"");
    }
    assert_eq!(
        app.get("/methods/astrologi").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn one_search_finds_notes_sources_and_methods_as_typed() {
    let mut app = spawn_app();
    world(&app);
    // Methods are found by words of their text, in any of the three languages.
    let page = app.get("/search?q=framtidshjulet").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("/methods/futures-wheel\">Framtidshjulet</a>");
    app.get("/search?q=Futures%20wheel")
        .await
        .assert_contains("/methods/futures-wheel\">Framtidshjulet</a>");

    let strategist = app.as_strategist_a().await;
    let note = strategist
        .post(
            "/bank/new?then=submit",
            &[
                ("type", "trend"),
                ("title", "Fjällens näringar förändras"),
                ("category", "economic"),
            ],
        )
        .await;
    assert_eq!(note.status, StatusCode::SEE_OTHER);
    let source = strategist
        .post(
            "/sources/new",
            &[
                ("kind", "report"),
                ("title", "Näringslivet i fjällregionen"),
            ],
        )
        .await;
    assert_eq!(source.status, StatusCode::SEE_OTHER);
    let page = strategist.get("/search?q=n%C3%A4ring").await;
    page.assert_contains("Fjällens näringar förändras");
    page.assert_contains("Näringslivet i fjällregionen");
    // Visitors see neither the members' notes nor the sources.
    let page = app.get("/search?q=n%C3%A4ring").await;
    assert!(!page.body.contains("Fjällens näringar"));
    assert!(!page.body.contains("Näringslivet"));
    // Nothing typed, nothing searched.
    assert!(
        !app.get("/search?q=%20")
            .await
            .body
            .contains("id=\"hits-notes\"")
    );
}
