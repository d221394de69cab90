//! Personal data: the privacy page, a person's own data page and download, and an
//! administrator anonymising a person (asked first).

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use serde::Deserialize;

use super::forms::Form;
use super::{AppError, AppState, Ctx};
use crate::app::privacy::{self as privacy_app, Anonymised};

/// What is stored, why and for how long, who answers for it and how to ask (public).
pub async fn privacy_page(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    Ok(state
        .render(&ctx, "privacy.html", context! {})?
        .into_response())
}

/// The signed-in person's page: who they are here, their data to download, the
/// privacy page.
pub async fn account(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.user()?;
    Ok(state
        .render(&ctx, "account.html", context! {})?
        .into_response())
}

/// Everything stored about the signed-in person, as a JSON file (the shape of
/// [`crate::domain::privacy::PersonalData`]).
pub async fn data_json(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let person = ctx.user()?;
    let data = privacy_app::my_data(&state.db, person).await?;
    let body = serde_json::to_vec_pretty(&data).map_err(|e| AppError::Internal(e.to_string()))?;
    let file = format!("attachment; filename=\"personal-data-{}.json\"", person.id);
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/json; charset=utf-8".to_string(),
            ),
            (header::CONTENT_DISPOSITION, file),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response())
}

/// What anonymising person `id` does, and the form that confirms it.
pub async fn anonymise_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let admin = ctx.require(|s| s.can_administer())?;
    let person = privacy_app::anonymise_preview(&state.db, admin, id).await?;
    Ok(state
        .render(&ctx, "anonymise.html", context! { person })?
        .into_response())
}

#[derive(Deserialize)]
pub struct Confirm {
    confirm: Option<String>,
}

/// Anonymises person `id` once confirmed (see [`privacy_app::anonymise`]); without the
/// confirmation, back to the page that asks.
pub async fn anonymise(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<Confirm>,
) -> Result<Response, AppError> {
    let admin = ctx.require(|s| s.can_administer())?;
    if form.confirm.is_none_or(|c| c.is_empty()) {
        return Ok(Redirect::to(&format!("/admin/users/{id}/anonymise")).into_response());
    }
    match privacy_app::anonymise(&state.db, admin, ctx.actor(), id).await? {
        Anonymised::Done => Ok(Redirect::to("/admin/users").into_response()),
        Anonymised::LastAdministrator => Err(AppError::Refused("anonymise-last-administrator")),
    }
}
