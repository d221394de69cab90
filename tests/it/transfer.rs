//! How answers travel: text compressed as the client accepts, weak ETags and 304 for
//! text answers, robots.txt and favicon.ico, and the catalogues never served.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use std::io::Read;
use tower::ServiceExt;

use super::helpers::*;

/// One GET straight through the router with `headers`; the answer and its raw bytes.
async fn raw(
    app: &TestApp,
    path: &str,
    headers: &[(&str, &str)],
) -> (axum::http::response::Parts, Vec<u8>) {
    let mut request = Request::get(path);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let mut request = request.body(Body::empty()).unwrap();
    request
        .extensions_mut()
        .insert(axum::extract::ConnectInfo(app.address));
    let response = framsyn::web::router(app.state.clone())
        .oneshot(request)
        .await
        .unwrap();
    let (parts, body) = response.into_parts();
    (parts, body.collect().await.unwrap().to_bytes().to_vec())
}

fn header(parts: &axum::http::response::Parts, name: header::HeaderName) -> &str {
    parts
        .headers
        .get(name)
        .map(|v| v.to_str().unwrap())
        .unwrap_or_default()
}

#[tokio::test]
async fn pages_style_sheet_feeds_and_csv_travel_compressed_when_the_client_accepts_it() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    for title in ["Fler äldre på landsbygden", "Elektrifierade transporter"] {
        let fields = [
            ("type", "trend"),
            ("title", title),
            (
                "summary",
                "En längre sammanfattning, så att exporten blir värd att packa.",
            ),
            ("category", "social"),
            ("tags", "demografi, landsbygd, transporter"),
        ];
        let saved = strategist.post("/bank/new?then=draft", &fields).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    }
    // Each path is asked three times; a frozen clock keeps the answers the same (a feed's
    // DTSTAMP is the moment it was generated).
    app.clock.freeze(app.clock.now());
    let cookie = strategist.session_cookie();
    for path in [
        "/",
        "/assets/framsyn.css",
        "/calendar.ics",
        "/feed.atom",
        "/bank.csv",
        "/bank.json",
    ] {
        let (plain, text) = raw(&app, path, &[("cookie", &cookie)]).await;
        assert_eq!(plain.status, StatusCode::OK, "{path}");
        assert_eq!(header(&plain, header::CONTENT_ENCODING), "", "{path}");
        let (gzip, packed) = raw(
            &app,
            path,
            &[("accept-encoding", "gzip"), ("cookie", &cookie)],
        )
        .await;
        assert_eq!(header(&gzip, header::CONTENT_ENCODING), "gzip", "{path}");
        let mut unpacked = Vec::new();
        flate2::read::GzDecoder::new(&packed[..])
            .read_to_end(&mut unpacked)
            .unwrap();
        assert_eq!(unpacked, text, "{path}");
        let accept = [
            ("accept-encoding", "br;q=1, gzip;q=0.5"),
            ("cookie", &cookie),
        ];
        let (br, _) = raw(&app, path, &accept).await;
        assert_eq!(header(&br, header::CONTENT_ENCODING), "br", "{path}");
    }
    // The icon is too small to gain anything; it goes as it is.
    let (icon, _) = raw(&app, "/assets/favicon.svg", &[("accept-encoding", "gzip")]).await;
    assert_eq!(header(&icon, header::CONTENT_ENCODING), "");
}

#[tokio::test]
async fn feeds_and_public_pages_answer_a_conditional_request_with_304() {
    let app = spawn_app();
    world(&app);
    for path in [
        "/",
        "/calendar",
        "/calendar.ics",
        "/feed.atom",
        "/publications",
    ] {
        let (first, body) = raw(&app, path, &[]).await;
        assert_eq!(first.status, StatusCode::OK, "{path}");
        assert!(!body.is_empty());
        let tag = header(&first, header::ETAG).to_string();
        assert!(tag.starts_with("W/\""), "{path}: {tag:?}");
        assert_eq!(header(&first, header::CACHE_CONTROL), "no-cache", "{path}");
        let (again, body) = raw(&app, path, &[("if-none-match", &tag)]).await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{path}");
        assert!(body.is_empty(), "{path}");
        assert_eq!(header(&again, header::ETAG), tag);
        let (other, _) = raw(&app, path, &[("if-none-match", "W/\"something-else\"")]).await;
        assert_eq!(other.status, StatusCode::OK, "{path}");
    }
    // A signed-in person's pages are never stored.
    let leader = app.as_leader().await;
    let page = leader.get("/").await;
    assert_eq!(page.headers.get(header::CACHE_CONTROL).unwrap(), "no-store");
}

#[tokio::test]
async fn robots_txt_and_favicon_ico_are_served_and_the_catalogues_are_not() {
    let app = spawn_app();
    let (robots, body) = raw(&app, "/robots.txt", &[]).await;
    assert_eq!(robots.status, StatusCode::OK);
    assert!(header(&robots, header::CONTENT_TYPE).starts_with("text/plain"));
    let rules = String::from_utf8(body).unwrap();
    assert!(rules.lines().any(|l| l.trim() == "User-agent: *"));
    assert!(rules.lines().any(|l| l.trim() == "Disallow: /admin/"));
    let (icon, body) = raw(&app, "/favicon.ico", &[]).await;
    assert_eq!(icon.status, StatusCode::OK);
    assert_eq!(header(&icon, header::CONTENT_TYPE), "image/svg+xml");
    assert!(String::from_utf8(body).unwrap().contains("<svg"));
    for path in [
        "/assets/locales/sv/errors.ftl",
        "/assets/./locales/sv/errors.ftl",
        "/assets//locales/sv/errors.ftl",
        "/assets/locales%2Fsv%2Ferrors.ftl",
        "/assets/x/../locales/sv/errors.ftl",
        "/assets/Locales/sv/errors.ftl",
    ] {
        let (answer, _) = raw(&app, path, &[]).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{path}");
    }
}
