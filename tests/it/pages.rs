//! The programme's pages: home with the timeline, phase pages, languages, active phase.

use axum::http::StatusCode;

use super::helpers::*;
use framsyn::domain::programme::Programme;

#[tokio::test]
async fn the_home_page_shows_the_programme_and_its_six_phases() {
    let mut app = spawn_app();
    let home = app.get("/").await;
    assert_eq!(home.status, StatusCode::OK);
    home.assert_contains(
        "<h1 id=\"programme-title\" lang=\"sv\">Regionerna 2050 – en framsynsprocess</h1>",
    );
    home.assert_contains("Fokusfråga");
    home.assert_contains("<dd>2050</dd>");
    for slug in [
        "startskott",
        "omvarlden",
        "scenarier",
        "regionalisering",
        "policyutveckling",
        "slutkonferens",
    ] {
        home.assert_contains(&format!("href=\"/phases/{slug}\""));
    }
    home.assert_contains("8 februari – 28 mars 2017");
    // Today (2026 or later) is after the programme's last date, and nobody overrode it.
    assert_eq!(home.attrs(".status-line", "data-stage"), ["ended"]);
    assert!(!home.body.contains("aria-current=\"step\""));
}

#[tokio::test]
async fn home_and_phase_pages_snapshot_in_three_languages() {
    let mut app = spawn_app();
    for lang in ["sv", "nb", "en"] {
        app.set_lang(lang);
        let home = app.get("/").await;
        assert_eq!(home.status, StatusCode::OK);
        assert!(home.body.contains(&format!("<html lang=\"{lang}\">")));
        insta::assert_snapshot!(format!("home_{lang}"), home.body);
        let phase = app.get("/phases/omvarlden").await;
        assert_eq!(phase.status, StatusCode::OK);
        insta::assert_snapshot!(format!("phase_omvarlden_{lang}"), phase.body);
    }
}

#[tokio::test]
async fn interface_text_follows_the_chosen_language() {
    let mut app = spawn_app();
    let cases = [
        ("sv", "Programmets faser", "Hemarbete", "Omvärlden"),
        ("nb", "Programmets faser", "Hjemmearbeid", "Omverdenen"),
        (
            "en",
            "Programme phases",
            "Home assignment",
            "The environment",
        ),
    ];
    for (lang, timeline, assignment, title) in cases {
        app.set_lang(lang);
        let home = app.get("/").await;
        home.assert_contains(timeline);
        let phase = app.get("/phases/omvarlden").await;
        phase.assert_contains(assignment);
        phase.assert_contains(title);
    }
}

#[tokio::test]
async fn the_language_switch_sets_a_cookie_and_returns() {
    let mut app = spawn_app();
    let switched = app
        .post(
            "/language",
            &[("lang", "en"), ("next", "/phases/scenarier")],
        )
        .await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER);
    assert_eq!(switched.location(), "/phases/scenarier");
    assert_eq!(
        app.cookies.get("framsyn_lang").map(String::as_str),
        Some("en")
    );
    let page = app.get("/phases/scenarier").await;
    page.assert_contains("<html lang=\"en\">");
    let elsewhere = app
        .post(
            "/language",
            &[("lang", "nb"), ("next", "https://evil.example/")],
        )
        .await;
    assert_eq!(elsewhere.location(), "/");
}

#[tokio::test]
async fn a_phase_page_shows_events_assignment_editorial_and_seminars() {
    let mut app = spawn_app();
    let page = app.get("/phases/omvarlden").await;
    assert_eq!(page.status, StatusCode::OK);
    for part in [
        "Gemensamma träffar",
        "Workshop",
        "Hemarbete",
        "Frågor att besvara",
        "Rangordning av trender",
        "Redaktion",
        "Politikerseminarium",
        "Det här ger fasen",
    ] {
        page.assert_contains(part);
    }
    page.assert_contains("29–30 mars 2017");
    page.assert_contains("rel=\"next\"");
    assert_eq!(
        app.get("/phases/finns-inte").await.status,
        StatusCode::NOT_FOUND
    );
}

/// A programme whose second phase contains today, in the programme's time zone.
fn running_programme() -> Programme {
    let day = |offset: i64| local_day(offset).format("%Y-%m-%d").to_string();
    let programme = r#"
slug = "pagaende"
time_zone = "Europe/Stockholm"
default_language = "sv"
[name]
sv = "Pågående program"
[organiser]
sv = "Nätverket"
[purpose]
sv = "Att pröva datumen."
"#;
    let phase = |order: u32, slug: &str, starts: String, ends: String| {
        format!(
            "order = {order}\nslug = \"{slug}\"\nstarts = \"{starts}\"\nends = \"{ends}\"\n[title]\nsv = \"Fas {slug}\"\n[summary]\nsv = \"Om {slug}.\"\n[produces]\nsv = \"Något.\"\n"
        )
    };
    let texts = [
        phase(0, "forst", day(-60), day(-11)),
        phase(1, "mitten", day(-10), day(10)),
        phase(2, "sist", day(11), day(60)),
    ];
    Programme::from_texts(
        programme,
        &[
            ("00-forst.toml", &texts[0]),
            ("01-mitten.toml", &texts[1]),
            ("02-sist.toml", &texts[2]),
        ],
    )
    .unwrap()
}

#[tokio::test]
async fn the_active_phase_follows_the_dates() {
    let mut app = spawn_with(running_programme(), test_config());
    let home = app.get("/").await;
    home.assert_contains("Aktiv fas just nu: Fas mitten.");
    let current = r#"li[aria-current="step"]"#;
    assert_eq!(home.attrs(current, "data-phase"), ["mitten"]);
    assert_eq!(
        home.attrs(&format!("{current} a"), "href"),
        ["/phases/mitten"]
    );
    // The mark is text, not colour alone.
    assert_eq!(home.texts(&format!("{current} .badge")), ["Aktiv fas"]);
}

#[tokio::test]
async fn a_process_leader_overrides_the_active_phase_and_it_is_logged() {
    let app = spawn_with(running_programme(), test_config());
    world(&app);
    let leader = app.as_leader().await;
    let form = leader.get("/active-phase").await;
    assert_eq!(form.status, StatusCode::OK);
    assert_eq!(form.texts("#no-overrides").len(), 1, "no override yet");

    let set = leader
        .post(
            "/active-phase",
            &[("phase", "sist"), ("reason", "Workshoppen flyttades fram")],
        )
        .await;
    assert_eq!(set.status, StatusCode::SEE_OTHER);
    let home = leader.get("/").await;
    assert_eq!(home.attrs(".status-line", "data-active-phase"), ["sist"]);
    assert_eq!(home.attrs(".status-line", "data-active-by"), ["override"]);

    let log = leader.get("/active-phase").await;
    log.assert_contains("Testa Testsson");
    log.assert_contains("Workshoppen flyttades fram");

    let lifted = leader
        .post("/active-phase", &[("phase", ""), ("reason", "")])
        .await;
    assert_eq!(lifted.status, StatusCode::SEE_OTHER);
    let home = leader.get("/").await;
    assert_eq!(home.attrs(".status-line", "data-active-phase"), ["mitten"]);
    assert_eq!(home.attrs(".status-line", "data-active-by"), ["dates"]);
    let rows = app
        .db
        .read_blocking(|c| framsyn::storage::overrides::history(c, "pagaende"))
        .unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].phase_slug, None);
    assert_eq!(rows[1].phase_slug.as_deref(), Some("sist"));
    let audit = app
        .db
        .read_blocking(|c| framsyn::storage::audit::page(c, 50, 0))
        .unwrap();
    assert_eq!(
        audit
            .iter()
            .filter(|e| e.action == "phase.override")
            .count(),
        2
    );
}

#[tokio::test]
async fn an_unknown_phase_in_the_override_is_refused_at_the_field() {
    let app = spawn_app();
    world(&app);
    let leader = app.as_leader().await;
    let refused = leader
        .post(
            "/active-phase",
            &[("phase", "fas-99"), ("reason", "Min anledning")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.field_error("phase").is_some(), "an error at phase");
    refused.assert_error("error-unknown-phase");
    refused.assert_contains(">Min anledning</textarea>");
}

#[tokio::test]
async fn only_process_leaders_and_administrators_override() {
    let app = spawn_app();
    world(&app);
    for (email, allowed) in [
        (STRATEGIST_A, false),
        (EDITOR, false),
        (ADMIN, true),
        (LEADER, true),
    ] {
        let status = app
            .as_user(email)
            .await
            .post("/active-phase", &[("phase", "omvarlden")])
            .await
            .status;
        if allowed {
            assert_eq!(status, StatusCode::SEE_OTHER, "{email}");
        } else {
            assert_eq!(status, StatusCode::FORBIDDEN, "{email}");
        }
    }
    let anonymous = app
        .visitor()
        .post("/active-phase", &[("phase", "omvarlden")])
        .await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    assert!(anonymous.location().starts_with("/login?next="));
}
