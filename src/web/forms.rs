//! Form handling shared by the handlers: the form extractor with our error policy, the
//! one way a form page is shown, and safe return paths.

use std::collections::BTreeMap;

use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};
use serde::Serialize;

use super::error::AppError;
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
        let values = context! { newer => self.newer, ..self.values };
        let page = state.render(ctx, self.template, values)?;
        Ok((self.status, page).into_response())
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
