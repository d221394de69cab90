//! The method bank's pages, open to everyone.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use minijinja::context;

use super::{AppError, AppState, Ctx};

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    Ok(state
        .render(
            &ctx,
            "methods.html",
            context! { methods => &*state.methods },
        )?
        .into_response())
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let method = state
        .methods
        .iter()
        .find(|m| m.slug == slug)
        .ok_or(AppError::NotFound)?;
    Ok(state
        .render(&ctx, "method.html", context! { method })?
        .into_response())
}
