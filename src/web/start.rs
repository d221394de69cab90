//! The start page of a signed-in person: what waits for them today, by role.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use minijinja::context;

use super::{AppError, AppState, Ctx};
use crate::app::start as start_app;

/// Signed-in people only: a visitor is sent to sign in first.
pub async fn start(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let start = start_app::start(&state.db, &state.programme, user).await?;
    Ok(state
        .render(&ctx, "start.html", context! { start })?
        .into_response())
}
