//! The protective layers: CSRF refusal, security headers, error pages, body limits,
//! and Markdown that cannot carry script.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};

use super::helpers::*;
use framsyn::render::markdown::to_safe_html;

#[tokio::test]
async fn a_cross_site_post_is_refused_and_changes_nothing() {
    let app = spawn_app();
    world(&app);
    let leader = app.as_leader().await;
    let cookie = leader.session_cookie();
    for (name, value) in [
        ("sec-fetch-site", "cross-site"),
        ("origin", "https://evil.example"),
    ] {
        let request = Request::post("/active-phase")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::HOST, "framsyn.test")
            .header(header::COOKIE, &cookie)
            .header(name, value)
            .body(Body::from("phase=omvarlden&reason=csrf"))
            .unwrap();
        let response = leader.request(request).await;
        assert_eq!(response.status, StatusCode::FORBIDDEN, "{name}: {value}");
        assert_eq!(
            response.attrs("h1", "data-status"),
            ["403"],
            "the refusal page"
        );
    }
    let history = app
        .db
        .read_blocking(|c| framsyn::storage::overrides::history(c, "regionerna-2050"))
        .unwrap();
    assert!(history.is_empty(), "no override was recorded");
    // The same form from the site itself goes through.
    let same_origin = Request::post("/active-phase")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::HOST, "framsyn.test")
        .header(header::COOKIE, &cookie)
        .header("origin", "http://framsyn.test")
        .body(Body::from("phase=omvarlden&reason=ok"))
        .unwrap();
    assert_eq!(
        leader.request(same_origin).await.status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn a_cross_site_login_is_refused() {
    let mut app = spawn_app();
    world(&app);
    let request = Request::post("/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "cross-site")
        .body(Body::from(form_body(&[
            ("email", EDITOR),
            ("password", PASSWORD),
        ])))
        .unwrap();
    assert_eq!(app.request(request).await.status, StatusCode::FORBIDDEN);
    assert!(!app.cookies.contains_key("framsyn_session"));
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let mut app = spawn_app();
    for path in [
        "/",
        "/phases/omvarlden",
        "/login",
        "/finns-inte",
        "/assets/framsyn.css",
    ] {
        let response = app.get(path).await;
        let csp = response
            .headers
            .get(header::CONTENT_SECURITY_POLICY)
            .unwrap()
            .to_str()
            .unwrap();
        assert!(csp.contains("default-src 'self'"), "{path}: {csp}");
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{path}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert_eq!(
            response.headers[header::X_CONTENT_TYPE_OPTIONS],
            "nosniff",
            "{path}"
        );
        assert_eq!(
            response.headers[header::REFERRER_POLICY],
            "strict-origin-when-cross-origin",
            "{path}"
        );
    }
}

#[tokio::test]
async fn pages_have_no_inline_script() {
    let app = spawn_app();
    world(&app);
    let admin = app.as_admin().await;
    for path in [
        "/",
        "/phases/omvarlden",
        "/organisations",
        "/admin/users",
        "/active-phase",
    ] {
        let page = admin.get(path).await;
        assert!(!page.body.contains("<script"), "{path}");
        assert!(!page.body.contains(" onclick="), "{path}");
    }
}

#[tokio::test]
async fn error_pages_speak_the_visitors_language() {
    let mut app = spawn_app();
    let sv = app.get("/finns-inte").await;
    assert_eq!(sv.status, StatusCode::NOT_FOUND);
    sv.assert_contains("Sidan finns inte");
    sv.assert_contains("<html lang=\"sv\">");
    app.set_lang("en");
    let en = app.get("/does-not-exist").await;
    en.assert_contains("<html lang=\"en\">");
    assert!(!en.body.contains("Sidan finns inte"));
    app.set_lang("nb");
    let nb = app.get("/organisations/999999/x").await;
    assert_eq!(nb.status, StatusCode::NOT_FOUND);
    nb.assert_contains("<html lang=\"nb\">");
}

#[tokio::test]
async fn a_malformed_form_is_a_422_page_not_a_500() {
    let mut app = spawn_app();
    let request = Request::post("/language")
        .header(header::CONTENT_TYPE, "application/json")
        .header("sec-fetch-site", "same-origin")
        .body(Body::from("{}"))
        .unwrap();
    let response = app.request(request).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    response.assert_contains("Förfrågan kunde inte läsas");
}

#[tokio::test]
async fn an_oversized_body_is_refused() {
    let mut app = spawn_app();
    let big = "x".repeat(app.state.config.body_limit + 10);
    let request = Request::post("/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin")
        .body(Body::from(format!("email={big}")))
        .unwrap();
    let response = app.request(request).await;
    assert_eq!(response.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[test]
fn an_xss_payload_in_markdown_comes_out_inert() {
    let payloads = [
        "<script>alert('x')</script>",
        "<img src=x onerror=alert(1)>",
        "[klicka](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">a</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<a href=\"/relative\">relativ</a>",
    ];
    for payload in payloads {
        let html = to_safe_html(payload);
        let lower = html.to_lowercase();
        for bad in [
            "<script",
            "onerror",
            "onbegin",
            "javascript:",
            "<iframe",
            "<svg",
            "<style",
        ] {
            assert!(!lower.contains(bad), "{payload} gave {html}");
        }
    }
}

#[tokio::test]
async fn markdown_from_the_programme_definition_is_sanitised_on_the_page() {
    let programme = framsyn::domain::programme::Programme::from_texts(
        "slug = \"x\"\ntime_zone = \"Europe/Stockholm\"\ndefault_language = \"sv\"\n[name]\nsv = \"X\"\n[organiser]\nsv = \"Y\"\n[purpose]\nsv = \"Syfte <script>alert(1)</script> <img src=x onerror=alert(2)>\"\n",
        &[("00-a.toml", "order = 0\nslug = \"a\"\nstarts = \"2017-01-01\"\nends = \"2017-02-01\"\n[title]\nsv = \"<b>A</b>\"\n[summary]\nsv = \"[x](javascript:alert(3))\"\n[produces]\nsv = \"-\"\n")],
    )
    .unwrap();
    let mut app = spawn_with(programme, test_config());
    let home = app.get("/").await;
    assert!(!home.body.contains("<script>alert"), "{}", home.body);
    assert!(!home.body.contains("onerror"));
    assert!(!home.body.contains("javascript:"));
    home.assert_contains("&lt;b&gt;A");
    assert!(!home.body.contains("<b>A</b>"));
}

#[tokio::test]
async fn an_internal_error_is_a_plain_500_page_that_reveals_nothing() {
    let mut app = spawn_app();
    app.db
        .write_blocking(|tx| {
            tx.execute_batch("DROP TABLE phase_overrides")?;
            Ok(())
        })
        .unwrap();
    app.set_lang("en");
    let response = app.get("/").await;
    assert_eq!(response.status, StatusCode::INTERNAL_SERVER_ERROR);
    response.assert_contains("<html lang=\"en\">");
    assert!(
        !response.body.contains("phase_overrides"),
        "{}",
        response.body
    );
    assert!(!response.body.to_lowercase().contains("sqlite"));
}

#[tokio::test]
async fn pages_are_never_cached_but_assets_are() {
    let app = spawn_app();
    world(&app);
    let admin = app.as_admin().await;
    for path in ["/", "/admin/users", "/login", "/finns-inte"] {
        let response = admin.get(path).await;
        assert_eq!(
            response.headers[header::CACHE_CONTROL],
            "no-store",
            "{path}"
        );
    }
    let css = admin.get("/assets/framsyn.css").await;
    assert_eq!(css.headers[header::CACHE_CONTROL], "public, max-age=3600");
}

#[tokio::test]
async fn a_malformed_address_gets_a_translated_page() {
    let app = spawn_app();
    world(&app);
    let editor = app.as_editor().await;
    let response = editor.get("/organisations/abc").await;
    assert_eq!(response.status, StatusCode::BAD_REQUEST);
    response.assert_contains("Felaktig adress");
    assert!(!response.body.contains("Cannot parse"));
    let admin = app.as_admin().await;
    let huge_page = admin.get("/admin/audit?page=9223372036854775807").await;
    assert_eq!(huge_page.status, StatusCode::OK);
}

/// A GET of `path` asking for the host name `host`.
fn for_host(path: &str, host: &str) -> axum::http::Request<axum::body::Body> {
    axum::http::Request::get(path)
        .header(header::HOST, host)
        .body(axum::body::Body::empty())
        .unwrap()
}

#[tokio::test]
async fn a_request_for_another_host_name_is_refused_with_421() {
    // Behind a public address: that name, and loopback for checks on the machine.
    let mut app = spawn_app();
    world(&app);
    for host in [
        "framsyn.test",
        "FRAMSYN.test",
        "framsyn.test:80",
        "127.0.0.1:0",
    ] {
        let response = app.request(for_host("/", host)).await;
        assert_eq!(response.status, StatusCode::OK, "{host}");
    }
    for host in [
        "rebound.example",
        "framsyn.test.rebound.example",
        "framsyn.test:8080",
    ] {
        let response = app.request(for_host("/", host)).await;
        assert_eq!(response.status, StatusCode::MISDIRECTED_REQUEST, "{host}");
        assert_eq!(response.attrs("h1", "data-status"), ["421"]);
    }
    // The forms that need no sign-in are out of a rebound page's reach.
    let mut post = for_host("/input", "rebound.example");
    *post.method_mut() = axum::http::Method::POST;
    post.headers_mut().insert(
        header::CONTENT_TYPE,
        "application/x-www-form-urlencoded".parse().unwrap(),
    );
    post.headers_mut()
        .insert("sec-fetch-site", "same-origin".parse().unwrap());
    assert_eq!(
        app.request(post).await.status,
        StatusCode::MISDIRECTED_REQUEST
    );

    // Without a public address (local use): loopback names with the listening port.
    let config = framsyn::config::Config::new(
        "127.0.0.1:8080".parse().unwrap(),
        "unused".into(),
        programme_dir("regionerna-2050"),
        None,
    );
    let mut local = spawn_with(regionerna(), config);
    for host in ["127.0.0.1:8080", "localhost:8080", "[::1]:8080"] {
        let response = local.request(for_host("/", host)).await;
        assert_eq!(response.status, StatusCode::OK, "{host}");
    }
    for host in ["rebound.example:8080", "localhost:9090", "localhost"] {
        let response = local.request(for_host("/", host)).await;
        assert_eq!(response.status, StatusCode::MISDIRECTED_REQUEST, "{host}");
    }
}
