//! Form handling shared by the handlers: the form extractor with our error policy, the
//! one way a form page is shown, and safe return paths.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::{FromRequest, Request};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use minijinja::value::ValueKind;
use minijinja::{Value, context};
use serde::Serialize;

use super::error::{AppError, WriteFailed};
use super::{AppState, Ctx};
use crate::domain::form::FieldErrors;
use crate::render::table::Table;

/// Errors at a form's fields, in whichever map a form keeps them.
pub trait Problems: Serialize {
    fn any(&self) -> bool;
}

impl Problems for FieldErrors {
    fn any(&self) -> bool {
        !self.is_empty()
    }
}

impl<K: Serialize, V: Serialize> Problems for BTreeMap<K, V> {
    fn any(&self) -> bool {
        !self.is_empty()
    }
}

/// A form page, the one way every form is shown: the template gets what was typed
/// (`form`), the errors at its fields (`errors`) and whatever else it needs (`with`).
/// The answer is 200 without errors and 422 with them, unless a status is set (409 after
/// a stale edit, which also names the newer version).
///
/// Shown for a request carrying [`Unsaved`] input (a form whose write the database
/// could not take, see [`keep_unsaved_input`]), the form holds what was typed instead,
/// its error summary says that nothing was saved and to try again, and the answer is 503.
#[must_use]
pub struct FormPage {
    template: &'static str,
    values: Value,
    /// The version someone else saved first (none unless the edit was stale).
    newer: Value,
    status: StatusCode,
}

impl FormPage {
    pub fn new(template: &'static str, form: impl Serialize, errors: &impl Problems) -> FormPage {
        FormPage {
            template,
            values: context! { form => Value::from_serialize(form), errors => Value::from_serialize(errors) },
            newer: Value::from(()),
            status: if errors.any() {
                StatusCode::UNPROCESSABLE_ENTITY
            } else {
                StatusCode::OK
            },
        }
    }

    /// More values for the template.
    pub fn with(self, more: Value) -> FormPage {
        FormPage {
            values: context! { ..self.values, ..more },
            ..self
        }
    }

    /// Answers with `status` instead of what the errors imply.
    pub fn status(self, status: StatusCode) -> FormPage {
        FormPage { status, ..self }
    }

    /// An edit refused because someone saved `newer` first: shown beside what was typed,
    /// answered 409.
    pub fn stale(self, newer: impl Serialize) -> FormPage {
        FormPage {
            newer: Value::from_serialize(newer),
            status: StatusCode::CONFLICT,
            ..self
        }
    }

    pub fn render(self, state: &AppState, ctx: &Ctx) -> Result<Response, AppError> {
        if let Some(unsaved) = &ctx.unsaved {
            let values = context! {
                form => unsaved.over(self.values.get_attr("form").unwrap_or_default()),
                errors => unsaved_errors(self.values.get_attr("errors").unwrap_or_default()),
                newer => self.newer,
                ..self.values
            };
            let page = state.render(ctx, self.template, values)?;
            let mut response = (StatusCode::SERVICE_UNAVAILABLE, page).into_response();
            response.extensions_mut().insert(UnsavedShown);
            return Ok(response);
        }
        let values = context! { newer => self.newer, ..self.values };
        let page = state.render(ctx, self.template, values)?;
        Ok((self.status, page).into_response())
    }
}

/// The message key of the form-level error shown when a write failed.
pub const SAVE_FAILED: &str = "error-save-failed";

/// The fields of a form whose write the database could not take, as they were sent
/// (repeated names in order).
#[derive(Debug, Clone)]
pub struct Unsaved(Arc<Vec<(String, String)>>);

impl Unsaved {
    /// `form` (the form as its page would show it) with every field it has replaced by
    /// what was sent: a list field by all values sent under its name, a checkbox by
    /// whether it was sent, any other field by the text sent.
    fn over(&self, form: Value) -> Value {
        let Ok(keys) = form.try_iter() else {
            return form;
        };
        let mut fields = BTreeMap::new();
        for key in keys {
            let Some(name) = key.as_str() else { continue };
            let shown = form.get_attr(name).unwrap_or_default();
            let mut sent = self.0.iter().filter(|(n, _)| n == name).map(|(_, v)| v);
            let value = match shown.kind() {
                ValueKind::Seq => Value::from(sent.cloned().collect::<Vec<_>>()),
                ValueKind::Bool => Value::from(sent.next().is_some()),
                _ => sent.next_back().map(Value::from).unwrap_or(shown),
            };
            fields.insert(name.to_string(), value);
        }
        Value::from(fields)
    }
}

/// The form's field errors with the form-level "not saved, try again" added.
fn unsaved_errors(errors: Value) -> Value {
    let mut all: BTreeMap<String, Value> = BTreeMap::new();
    if let Ok(keys) = errors.try_iter() {
        for key in keys {
            if let Some(name) = key.as_str() {
                all.insert(name.to_string(), errors.get_attr(name).unwrap_or_default());
            }
        }
    }
    all.insert("save".to_string(), Value::from(SAVE_FAILED));
    Value::from(all)
}

/// Marks a form page shown again with unsaved input.
#[derive(Debug, Clone, Copy)]
struct UnsavedShown;

/// When a form's write fails because the database cannot take it (busy, disk full,
/// read-only: a 503 from the one error policy), shows the form again with what was
/// typed and a message to try again, instead of an error page that loses the text.
///
/// Around each route: the failed POST is asked again as a GET of the same address
/// carrying the [`Unsaved`] fields, and if that GET shows a form through [`FormPage`],
/// that form is the answer (503). Otherwise (no form at that address, or the page
/// failed too), the 503 error page is. Only urlencoded forms are kept; uploads are not.
pub async fn keep_unsaved_input(request: Request, next: Next) -> Response {
    let urlencoded = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if request.method() != Method::POST || !urlencoded {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    // The body limit layers outside bound what is read here.
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return AppError::TooLarge.into_response();
    };
    let mut again = Request::new(axum::body::Body::empty());
    *again.method_mut() = Method::GET;
    *again.uri_mut() = parts.uri.clone();
    *again.version_mut() = parts.version;
    *again.headers_mut() = parts.headers.clone();
    *again.extensions_mut() = parts.extensions.clone();
    for name in [header::CONTENT_TYPE, header::CONTENT_LENGTH] {
        again.headers_mut().remove(name);
    }
    let fields: Vec<(String, String)> = form_urlencoded::parse(&bytes).into_owned().collect();
    let response = next
        .clone()
        .run(Request::from_parts(parts, axum::body::Body::from(bytes)))
        .await;
    if response.extensions().get::<WriteFailed>().is_none() {
        return response;
    }
    again.extensions_mut().insert(Unsaved(Arc::new(fields)));
    let shown = next.run(again).await;
    if shown.extensions().get::<UnsavedShown>().is_some() {
        shown
    } else {
        response
    }
}

/// A urlencoded form (repeated keys become lists); a malformed body is a 422 page, an
/// oversized one a 413.
pub struct Form<T>(pub T);

impl<S, T> FromRequest<S> for Form<T>
where
    S: Send + Sync,
    T: serde::de::DeserializeOwned,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum_extra::extract::Form::<T>::from_request(req, state).await {
            Ok(axum_extra::extract::Form(value)) => Ok(Form(value)),
            Err(rejection) => {
                use axum::response::IntoResponse;
                if rejection.into_response().status() == StatusCode::PAYLOAD_TOO_LARGE {
                    Err(AppError::TooLarge)
                } else {
                    Err(AppError::Unprocessable)
                }
            }
        }
    }
}

/// The format of a table export, from the extension of the requested path
/// (`/bank.csv`, `/bank.xlsx`): one handler serves both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    Csv,
    Xlsx,
}

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Export {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        let path = parts.uri.path();
        if path.ends_with(".xlsx") {
            Ok(Export::Xlsx)
        } else if path.ends_with(".csv") {
            Ok(Export::Csv)
        } else {
            Err(AppError::NotFound)
        }
    }
}

/// A table as a download named `stem.csv` or `stem.xlsx`.
pub fn download(format: Export, table: &Table, stem: &str) -> Result<Response, AppError> {
    let (body, content_type, extension) = match format {
        Export::Csv => (
            table
                .to_csv()
                .map_err(|e| AppError::Internal(e.to_string()))?,
            "text/csv; charset=utf-8",
            "csv",
        ),
        Export::Xlsx => (
            table
                .to_xlsx()
                .map_err(|e| AppError::Internal(e.to_string()))?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
    };
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, content_type.to_string()),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{stem}.{extension}\""),
            ),
        ],
        body,
    )
        .into_response())
}

/// Percent-encodes one query component.
pub fn encode_component(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// `next` if it is a path on this site (`/…`, not `//…`), else `/`: no open redirects.
pub fn local_path(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.starts_with("/\\")
                && !path.chars().any(|c| c.is_control()) =>
        {
            path.to_string()
        }
        _ => "/".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(
            local_path(Some("/phases/omvarlden?x=1")),
            "/phases/omvarlden?x=1"
        );
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "javascript:alert(1)",
            "",
        ] {
            assert_eq!(local_path(Some(bad)), "/", "{bad}");
        }
        assert_eq!(local_path(None), "/");
    }
}
