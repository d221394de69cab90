//! Form handling shared by the handlers: the form extractor with our error policy, and
//! safe return paths.

use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;

use super::error::AppError;

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
