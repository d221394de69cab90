//! A person's choices about their messages (/account/messages) and the one-click
//! unsubscribe that every optional message carries (/unsubscribe/{token}, RFC 8058).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;

use super::forms::Form;
use super::{AppError, AppState, Ctx};
use crate::app::outbox as outbox_app;
use crate::domain::lang::Lang;
use crate::domain::mail::{DigestPeriod, Kind};

/// The signed-in person's language for messages and the optional kinds they receive.
pub async fn preferences(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::extract::Query(query): axum::extract::Query<SavedQuery>,
) -> Result<Response, AppError> {
    let person = ctx.user()?;
    let preferences = outbox_app::preferences(&state.db, person).await?;
    let languages: Vec<(&str, &str)> = Lang::ALL.iter().map(|l| (l.code(), l.endonym())).collect();
    let saved = query.saved.is_some();
    let periods: Vec<&str> = DigestPeriod::ALL.iter().map(|p| p.key()).collect();
    Ok(state
        .render(
            &ctx,
            "message_preferences.html",
            context! { preferences, languages, saved, periods },
        )?
        .into_response())
}

#[derive(serde::Deserialize)]
pub struct SavedQuery {
    saved: Option<String>,
}

/// Saves the choices: the boxes ticked are the kinds received.
pub async fn save_preferences(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let person = ctx.user()?;
    let lang = fields
        .iter()
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Lang::parse(v));
    let on: Vec<Kind> = fields
        .iter()
        .filter(|(k, _)| k == "kind")
        .filter_map(|(_, v)| Kind::parse(v))
        .collect();
    let digest = fields
        .iter()
        .find(|(k, _)| k == "digest")
        .and_then(|(_, v)| DigestPeriod::parse(v));
    let choices = outbox_app::Choices { lang, on, digest };
    outbox_app::save_preferences(&state.db, person, ctx.actor(), choices).await?;
    Ok(Redirect::to("/account/messages?saved=1").into_response())
}

/// What the unsubscribe link turns off, with the button that does it (a link alone
/// changes nothing, so a mail program that follows it does not).
pub async fn unsubscribe_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    match outbox_app::unsubscribe_kind(&state.db, &token).await {
        Ok(kind) => Ok(state
            .render(
                &ctx,
                "unsubscribe.html",
                context! { kind => kind.key(), token, done => false },
            )?
            .into_response()),
        Err(crate::app::Error::NotFound) => not_found(&state, &ctx),
        Err(e) => Err(e.into()),
    }
}

/// Turns the kind off: from the page's button, or as a mail program's one-click POST
/// (`List-Unsubscribe=One-Click`), without sign-in.
pub async fn unsubscribe(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    match outbox_app::unsubscribe(&state.db, ctx.actor(), &token).await {
        Ok(kind) => Ok(state
            .render(
                &ctx,
                "unsubscribe.html",
                context! { kind => kind.key(), token, done => true },
            )?
            .into_response()),
        Err(crate::app::Error::NotFound) => not_found(&state, &ctx),
        Err(e) => Err(e.into()),
    }
}

fn not_found(state: &AppState, ctx: &Ctx) -> Result<Response, AppError> {
    let page = state.render(ctx, "link_invalid.html", context! {})?;
    Ok((StatusCode::NOT_FOUND, page).into_response())
}
