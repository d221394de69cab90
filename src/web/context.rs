//! What every handler knows about the request: the visitor's language, who is signed in,
//! and where the request came from.

use std::net::{IpAddr, SocketAddr};

use axum::extract::Request;
use axum::extract::{ConnectInfo, FromRequestParts, OriginalUri};
use axum::http::header::{ACCEPT_LANGUAGE, VARY};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use axum_extra::extract::CookieJar;
use serde::Serialize;

use super::AppState;
use super::error::AppError;
use crate::domain::access::Subject;
use crate::domain::credentials::token_digest;
use crate::domain::lang::Lang;
use crate::storage::audit::Actor;
use crate::storage::users::User;
use crate::storage::{sessions, users};

const LANG_COOKIE: &str = "framsyn_lang";
const SESSION_COOKIE: &str = "framsyn_session";

/// The session cookie's name: behind https with the `__Host-` prefix, which browsers
/// accept only from a secure origin, without `Domain` and for the path `/`, so neither a
/// neighbouring subdomain nor plain http can plant or overwrite it.
pub fn session_cookie(config: &crate::config::Config) -> &'static str {
    if config.secure_cookies {
        "__Host-framsyn_session"
    } else {
        SESSION_COOKIE
    }
}

/// The language cookie's name, prefixed as the session cookie's is.
pub fn lang_cookie(config: &crate::config::Config) -> &'static str {
    if config.secure_cookies {
        "__Host-framsyn_lang"
    } else {
        LANG_COOKIE
    }
}

/// Whether the request carries a session cookie (valid or not): a signed-in person's
/// answers are never stored by a cache.
pub fn session_cookie_present(headers: &HeaderMap) -> bool {
    let jar = CookieJar::from_headers(headers);
    jar.get(SESSION_COOKIE).is_some() || jar.get("__Host-framsyn_session").is_some()
}

/// A session is touched at most this often, so reading pages does not mean writing.
const TOUCH_EVERY_SECONDS: i64 = 60;

/// The visitor's language: the language cookie once a language has been chosen; on a
/// first visit the best of `Accept-Language` among the three; else the programme's
/// default language (`default`). Every page depends on both headers, which is why
/// [`vary_on_language`] marks every answer.
pub fn lang_from_headers(headers: &HeaderMap, cookie: &str, default: Lang) -> Lang {
    let chosen = CookieJar::from_headers(headers)
        .get(cookie)
        .and_then(|c| Lang::parse(c.value()));
    chosen
        .or_else(|| {
            let accepted: Vec<&str> = headers
                .get_all(ACCEPT_LANGUAGE)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .collect();
            Lang::from_accept_language(&accepted.join(","))
        })
        .unwrap_or(default)
}

/// Marks an answer as depending on the language cookie and `Accept-Language`, so a
/// shared cache never serves one visitor's language to another. Assets speak no language.
pub async fn vary_on_language(request: Request, next: Next) -> Response {
    let asset = request.uri().path().starts_with("/assets/");
    let mut response = next.run(request).await;
    if asset {
        return response;
    }
    for name in ["cookie", "accept-language"] {
        let listed = response.headers().get_all(VARY).iter().any(|v| {
            v.to_str().is_ok_and(|v| {
                v.split(',')
                    .any(|n| n.trim().eq_ignore_ascii_case(name) || n.trim() == "*")
            })
        });
        if !listed {
            response
                .headers_mut()
                .append(VARY, HeaderValue::from_static(name));
        }
    }
    response
}

#[derive(Debug, Serialize)]
pub struct LangOption {
    code: &'static str,
    name: &'static str,
}

/// The language switch's options.
pub fn languages() -> Vec<LangOption> {
    Lang::ALL
        .iter()
        .map(|l| LangOption {
            code: l.code(),
            name: l.endonym(),
        })
        .collect()
}

/// The request's context, extracted by every page handler.
pub struct Ctx {
    pub lang: Lang,
    pub viewer: Option<User>,
    /// The session token's digest, when signed in.
    pub session: Option<Vec<u8>>,
    pub address: Option<String>,
    /// Path and query of this request, for returning here after a language switch or sign-in.
    pub path: String,
    /// Where to come back after signing in: this page for a GET; for a form sent after
    /// the session ended, the page the form was on.
    pub return_to: String,
    /// What a form sent when its write failed, for showing that form again (see
    /// [`super::forms::keep_unsaved_input`]).
    pub unsaved: Option<super::forms::Unsaved>,
}

impl Ctx {
    /// The signed-in person, or a redirect to the sign-in page that comes back here.
    pub fn user(&self) -> Result<&User, AppError> {
        self.viewer
            .as_ref()
            .ok_or_else(|| AppError::SignInRequired {
                next: self.path.clone(),
            })
    }

    /// The signed-in person's permissions.
    pub fn subject(&self) -> Result<Subject<'_>, AppError> {
        Ok(crate::app::subject(self.user()?))
    }

    /// The signed-in person if `allowed` holds for them; otherwise 403 (or sign in first).
    pub fn require(&self, allowed: impl FnOnce(&Subject) -> bool) -> Result<&User, AppError> {
        let subject = self.subject()?;
        if allowed(&subject) {
            self.user()
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// Who acts, for the audit log.
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: self.viewer.as_ref().map(|u| u.id),
            address: self.address.clone(),
        }
    }
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let lang = lang_from_headers(
            &parts.headers,
            lang_cookie(&state.config),
            state.programme.default_language,
        );
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip());
        let address = peer.map(|peer| {
            client_address(peer, &parts.headers, &state.config.trusted_proxies).to_string()
        });
        let uri = parts
            .extensions
            .get::<OriginalUri>()
            .map(|u| u.0.clone())
            .unwrap_or_else(|| parts.uri.clone());
        let path = uri
            .path_and_query()
            .map(|pq| pq.as_str().to_string())
            .unwrap_or_else(|| "/".to_string());
        let token = CookieJar::from_headers(&parts.headers)
            .get(session_cookie(&state.config))
            .map(|c| c.value().to_string());
        let (viewer, session) = match token {
            Some(token) => {
                let digest = token_digest(&token);
                match load_session(state, digest.clone()).await? {
                    Some(user) => (Some(user), Some(digest)),
                    None => (None, None),
                }
            }
            None => (None, None),
        };
        let return_to = if parts.method.is_safe() {
            path.clone()
        } else {
            parts
                .headers
                .get(axum::http::header::REFERER)
                .and_then(|r| r.to_str().ok())
                .and_then(|r| r.parse::<axum::http::Uri>().ok())
                .and_then(|uri| uri.path_and_query().map(|pq| pq.as_str().to_string()))
                .map(|p| super::forms::local_path(Some(&p)))
                .unwrap_or_else(|| "/".to_string())
        };
        Ok(Ctx {
            lang,
            viewer,
            session,
            address,
            path,
            return_to,
            unsaved: parts.extensions.get::<super::forms::Unsaved>().cloned(),
        })
    }
}

/// The session's person, if the session exists, is within both lifetimes and its
/// person is active.
async fn load_session(state: &AppState, digest: Vec<u8>) -> Result<Option<User>, AppError> {
    let idle = state.config.session_idle.as_secs() as i64;
    let absolute = state.config.session_absolute.as_secs() as i64;
    let now = state.clock.now_seconds();
    let lookup_digest = digest.clone();
    let found = state
        .db
        .read(move |conn| {
            let Some((user_id, created_at, last_seen_at)) = sessions::find(conn, &lookup_digest)?
            else {
                return Ok(None);
            };
            if now - last_seen_at > idle || now - created_at > absolute {
                return Ok(None);
            }
            Ok(users::get(conn, user_id)?
                .filter(|u| u.active)
                .map(|u| (u, last_seen_at)))
        })
        .await?;
    let Some((user, last_seen_at)) = found else {
        return Ok(None);
    };
    if now - last_seen_at >= TOUCH_EVERY_SECONDS {
        state
            .db
            .write(move |tx| sessions::touch(tx, &digest, now))
            .await?;
    }
    Ok(Some(user))
}

/// The client's address: the peer's, unless the peer is a trusted proxy, in which case
/// the nearest address in `X-Forwarded-For` that is not itself a trusted proxy.
pub fn client_address(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse::<IpAddr>().ok())
        .rev()
        .find(|a| !trusted.contains(a))
        .unwrap_or(peer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwarded_addresses_count_only_behind_a_trusted_proxy() {
        let proxy: IpAddr = "10.0.0.2".parse().unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            "203.0.113.50, 198.51.100.7".parse().unwrap(),
        );
        assert_eq!(
            client_address(proxy, &headers, &[proxy]).to_string(),
            "198.51.100.7"
        );
        assert_eq!(
            client_address(proxy, &headers, &[]),
            proxy,
            "untrusted peers cannot claim an address"
        );
        assert_eq!(client_address(proxy, &HeaderMap::new(), &[proxy]), proxy);
    }
}
