//! The one error policy: every failure of a request becomes an [`AppError`], mapped to a
//! status here; [`error_pages`] then renders the HTML page in the visitor's language.
//! Internal errors are logged with their cause and shown only as a plain apology.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use minijinja::context;

use super::context::lang_from_headers;
use super::{AppState, Ctx};
use crate::storage::StorageError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    /// Forbidden for now, for a reason the person can act on (its catalogue key), which
    /// the refusal page says instead of the general text.
    #[error("forbidden: {0}")]
    Refused(&'static str),
    /// A page for signed-in people, asked for without a session: go and sign in.
    #[error("sign-in required")]
    SignInRequired { next: String },
    #[error("unprocessable request")]
    Unprocessable,
    #[error("request body too large")]
    TooLarge,
    /// Asked for by a name (`Host`) that is not this workspace's address.
    #[error("misdirected request")]
    WrongHost,
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("template: {0:#}")]
    Template(#[from] minijinja::Error),
    #[error("{0}")]
    Internal(String),
}

impl From<crate::app::Error> for AppError {
    fn from(error: crate::app::Error) -> AppError {
        match error {
            crate::app::Error::Forbidden => AppError::Forbidden,
            crate::app::Error::Refused(reason) => AppError::Refused(reason),
            crate::app::Error::NotFound => AppError::NotFound,
            crate::app::Error::Storage(e) => AppError::Storage(e),
        }
    }
}

/// The bare answers of extractors and layers that become a translated page.
const LAYER_STATUSES: [u16; 7] = [400, 403, 404, 405, 408, 413, 422];

/// Every status an error page is written for: the layers' bare answers and our own
/// errors' statuses (each has its `error-title-` and `error-text-` in the catalogues).
pub const PAGE_STATUSES: [u16; 10] = [400, 403, 404, 405, 408, 413, 421, 422, 500, 503];

/// Marks a response whose body the error-page layer writes, with the reason to show
/// (a catalogue key) when the refusal has one.
#[derive(Debug, Clone, Copy)]
struct ErrorPage {
    reason: Option<&'static str>,
}

/// Marks the answer to a request whose write the database could not take (503): the
/// form it came from may be shown again with what was typed (see
/// [`super::forms::keep_unsaved_input`]).
#[derive(Debug, Clone, Copy)]
pub struct WriteFailed;

impl AppError {
    fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden | AppError::Refused(_) => StatusCode::FORBIDDEN,
            AppError::SignInRequired { .. } => StatusCode::SEE_OTHER,
            AppError::Unprocessable => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::WrongHost => StatusCode::MISDIRECTED_REQUEST,
            AppError::Storage(e) if e.is_unavailable() => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Storage(_) | AppError::Template(_) | AppError::Internal(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::SignInRequired { next } = &self {
            let target = format!("/login?next={}", super::forms::encode_component(next));
            return axum::response::Redirect::to(&target).into_response();
        }
        let status = self.status();
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        let reason = match self {
            AppError::Refused(reason) => Some(reason),
            _ => None,
        };
        let mut response = status.into_response();
        response.extensions_mut().insert(ErrorPage { reason });
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response.extensions_mut().insert(WriteFailed);
        }
        response
    }
}

/// Renders error pages for our own errors and for bare 400/403/404/405/408/413/422
/// answers of extractors and layers (a malformed path or query, CSRF refusal, timeout,
/// body limit, unmatched routes), in the visitor's language and with the page's usual
/// header: whoever is signed in still sees their name and "sign out" (the session is read
/// again only when an error page is written).
pub async fn error_pages(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let mut asked = parts.clone();
    let response = next.run(Request::from_parts(parts, body)).await;
    let status = response.status();
    let ours = response.extensions().get::<ErrorPage>().copied();
    let bare_layer_answer = LAYER_STATUSES.contains(&status.as_u16())
        && response
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .is_none_or(|ct| !ct.to_str().unwrap_or("").starts_with("text/html"));
    if !(ours.is_some() || bare_layer_answer) {
        return response;
    }
    let mut ctx = match Ctx::from_request_parts(&mut asked, &state).await {
        Ok(ctx) => ctx,
        // The session cannot be read (the database failing): the page without the person.
        Err(_) => Ctx {
            lang: lang_from_headers(
                &asked.headers,
                super::context::lang_cookie(&state.config),
                state.programme.default_language,
            ),
            viewer: None,
            session: None,
            address: None,
            path: "/".to_string(),
            return_to: "/".to_string(),
            unsaved: None,
        },
    };
    // The language switch comes back to the page the person was on (for a refused form,
    // the page the form was on), never to a form's address.
    ctx.path = ctx.return_to.clone();
    let reason = ours.and_then(|page| page.reason);
    let page = state.render(
        &ctx,
        "error.html",
        context! { status => status.as_u16(), reason },
    );
    match page {
        Ok(html) => {
            let mut page = (status, html).into_response();
            for name in ["allow", "retry-after"] {
                if let Some(value) = response.headers().get(name) {
                    page.headers_mut().insert(name, value.clone());
                }
            }
            page
        }
        Err(e) => {
            tracing::error!(error = %e, "the error page itself failed");
            (status, status.canonical_reason().unwrap_or("error")).into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_an_error_page_is_written_for_is_listed() {
        let ours = [
            AppError::NotFound,
            AppError::Forbidden,
            AppError::Refused("error-reason-answer-first"),
            AppError::Unprocessable,
            AppError::TooLarge,
            AppError::WrongHost,
            AppError::Internal(String::new()),
            AppError::Storage(StorageError::Sqlite(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_READONLY),
                None,
            ))),
        ];
        for error in ours {
            assert!(PAGE_STATUSES.contains(&error.status().as_u16()), "{error}");
        }
        for status in LAYER_STATUSES {
            assert!(PAGE_STATUSES.contains(&status), "{status}");
        }
    }
}
