//! The protective layers: security headers on every response, CSRF refusal of
//! cross-site unsafe requests, refusal of requests for another host name (DNS
//! rebinding), and the request timeout.

use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::Response;
use tower_http::csrf::CsrfLayer;
use tower_http::timeout::TimeoutLayer;

use crate::config::Config;

/// No inline script, no framing, nothing from elsewhere.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; \
     base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Sets the security headers on every response, error pages and assets included.
pub async fn headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    // A response may bring a stricter policy of its own (uploaded images do).
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        );
    }
    let mut set = |name: HeaderName, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::REFERRER_POLICY, "strict-origin-when-cross-origin");
    set(header::X_FRAME_OPTIONS, "DENY");
    set(
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    );
    // Pages may carry personal data or a live set-password link: never stored by a cache.
    // Assets set their own, public, caching.
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Refuses unsafe methods sent from another site (by `Sec-Fetch-Site` and `Origin`).
pub fn csrf(config: &Config) -> CsrfLayer {
    let layer = CsrfLayer::new();
    match layer.clone().add_trusted_origin(&config.public_url) {
        Ok(with_origin) => with_origin,
        Err(e) => {
            tracing::warn!(public_url = %config.public_url, error = ?e, "public address not usable as a trusted origin");
            layer
        }
    }
}

/// The names (`host[:port]`, lower case) this workspace answers to: the public
/// address's, and loopback with the listening port (local use, a health check on the
/// machine). A page of another name that resolves here (DNS rebinding) is refused, so
/// it cannot reach the forms that need no sign-in.
pub fn allowed_hosts(config: &Config) -> Vec<String> {
    let mut hosts = Vec::new();
    if let Ok(uri) = config.public_url.parse::<axum::http::Uri>()
        && let Some(authority) = uri.authority()
    {
        let host = authority.host().to_ascii_lowercase();
        let default_port = if uri.scheme_str() == Some("https") {
            443
        } else {
            80
        };
        let port = authority.port_u16().unwrap_or(default_port);
        if port == default_port {
            hosts.push(host.clone());
        }
        hosts.push(format!("{host}:{port}"));
    }
    let port = config.addr.port();
    for loopback in ["127.0.0.1", "localhost", "[::1]"] {
        hosts.push(format!("{loopback}:{port}"));
    }
    if !config.addr.ip().is_unspecified() {
        hosts.push(config.addr.to_string());
    }
    hosts
}

/// Refuses (421) a request whose `Host` is none of [`allowed_hosts`]. A request without
/// one (HTTP/1.0) is let through: browsers always send it.
pub async fn check_host(
    axum::extract::State(allowed): axum::extract::State<std::sync::Arc<Vec<String>>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    use axum::response::IntoResponse;
    let asked = request
        .headers()
        .get(header::HOST)
        .map(|v| v.to_str().unwrap_or("\u{0}").to_ascii_lowercase())
        .or_else(|| {
            request
                .uri()
                .authority()
                .map(|a| a.as_str().to_ascii_lowercase())
        });
    match asked {
        Some(host) if !allowed.contains(&host) => {
            tracing::info!(%host, "refused a request for another host name");
            super::AppError::WrongHost.into_response()
        }
        _ => next.run(request).await,
    }
}

pub fn timeout(config: &Config) -> TimeoutLayer {
    TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, config.request_timeout)
}
