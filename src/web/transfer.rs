//! How answers travel: text is compressed (gzip or brotli, as the client accepts), and
//! a text answer carries a weak `ETag` of its content, so a client that has it already
//! (`If-None-Match`) gets 304 without the body. Public pages a visitor sees may be kept
//! by the browser and asked again; pages of signed-in people are never stored.

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{Predicate, SizeAbove};

use super::context::session_cookie_present;

/// Answers smaller than this are sent as they are: compressing them gains nothing.
const COMPRESS_ABOVE: u64 = 256;

/// Whether an answer of this content type is text worth compressing: pages, the style
/// sheet, SVG, feeds, CSV, Markdown and JSON. Images other than SVG are compressed
/// already.
pub fn compressible(headers: &HeaderMap) -> bool {
    let Some(content_type) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    mime.starts_with("text/")
        || matches!(
            mime.as_str(),
            "image/svg+xml"
                | "application/json"
                | "application/atom+xml"
                | "application/xml"
                | "application/javascript"
        )
}

/// Compresses text answers above a small size, with gzip or brotli.
pub fn compression() -> CompressionLayer<impl Predicate> {
    let text = |_: StatusCode,
                _: axum::http::Version,
                headers: &HeaderMap,
                _: &axum::http::Extensions| { compressible(headers) };
    CompressionLayer::new()
        .gzip(true)
        .br(true)
        .compress_when(SizeAbove::new(COMPRESS_ABOVE).and(text))
}

/// Tags each text answer to a GET with a weak `ETag` of its content and answers 304 when
/// the client's `If-None-Match` names it; lets the browser keep a visitor's public pages
/// (`no-cache`: kept, but asked again each time).
pub async fn conditional(request: Request, next: Next) -> Response {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return next.run(request).await;
    }
    let path = request.uri().path();
    let cache = if path.starts_with("/set-password/") {
        // Holds a live link's token in its address: never kept.
        None
    } else if path.starts_with("/feeds/") {
        // A personal feed: kept by its reader alone.
        Some("private, no-cache")
    } else if !session_cookie_present(request.headers()) {
        Some("no-cache")
    } else {
        None
    };
    let asked = request.headers().get(header::IF_NONE_MATCH).cloned();
    let response = next.run(request).await;
    if response.status() != StatusCode::OK
        || response.headers().contains_key(header::ETAG)
        || response.headers().contains_key(header::SET_COOKIE)
        || !compressible(response.headers())
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let tag = weak_tag(&bytes);
    if let Ok(value) = HeaderValue::from_str(&tag) {
        parts.headers.insert(header::ETAG, value);
    }
    if let Some(cache) = cache
        && !parts.headers.contains_key(header::CACHE_CONTROL)
    {
        parts
            .headers
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    }
    if asked.is_some_and(|asked| matches(&asked, &tag)) {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_TYPE);
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, axum::body::Body::empty());
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

/// A weak entity tag of `bytes` (weak: the same content may travel compressed or not).
fn weak_tag(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    format!("W/\"{hex}\"")
}

/// Whether `If-None-Match` names `tag` (weak comparison, as RFC 9110 asks for it).
fn matches(asked: &HeaderValue, tag: &str) -> bool {
    let opaque = |t: &str| t.trim().trim_start_matches("W/").to_string();
    asked.to_str().is_ok_and(|v| {
        v.split(',')
            .any(|t| t.trim() == "*" || opaque(t) == opaque(tag))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(content_type: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, content_type.parse().unwrap());
        headers
    }

    #[test]
    fn text_is_compressed_and_images_other_than_svg_are_not() {
        for text in [
            "text/html; charset=utf-8",
            "text/css",
            "image/svg+xml",
            "text/calendar; charset=utf-8",
            "application/atom+xml",
            "text/csv; charset=utf-8",
            "application/json",
        ] {
            assert!(compressible(&typed(text)), "{text}");
        }
        for binary in [
            "image/png",
            "image/jpeg",
            "image/webp",
            "application/octet-stream",
        ] {
            assert!(!compressible(&typed(binary)), "{binary}");
        }
        assert!(!compressible(&HeaderMap::new()));
    }

    #[test]
    fn if_none_match_compares_weakly() {
        let tag = weak_tag(b"<p>hej</p>");
        assert!(matches(&HeaderValue::from_str(&tag).unwrap(), &tag));
        let strong = tag.trim_start_matches("W/").to_string();
        assert!(matches(
            &HeaderValue::from_str(&format!("\"x\", {strong}")).unwrap(),
            &tag
        ));
        assert!(!matches(&HeaderValue::from_static("W/\"other\""), &tag));
    }
}
