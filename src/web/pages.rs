//! The programme's pages: home with the phase timeline, one page per phase, the
//! language switch, and the process leaders' override of the active phase.

use axum::extract::{Path, State};
use axum::http::HeaderValue;
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, SameSite};
use minijinja::context;
use serde::Deserialize;

use super::context::lang_cookie;
use super::forms::{Form, local_path};
use super::{AppError, AppState, Ctx};
use crate::app::phases::{self as phases_app, Overridden};
use crate::domain::form::FieldErrors;
use crate::domain::lang::Lang;
use crate::domain::schedule::ActivePhase;
use crate::storage::overrides;

async fn current_active_phase(state: &AppState) -> Result<ActivePhase, AppError> {
    Ok(phases_app::active(&state.db, &state.programme).await?)
}

pub async fn home(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let active = current_active_phase(&state).await?;
    Ok(state
        .render(&ctx, "home.html", context! { active })?
        .into_response())
}

pub async fn phase(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let Some(index) = state.programme.phases.iter().position(|p| p.slug == slug) else {
        return Err(AppError::NotFound);
    };
    let phases = &state.programme.phases;
    let phase = &phases[index];
    let active = current_active_phase(&state).await?;
    let viewer = ctx.viewer.as_ref();
    let (scheduled, published) = phases_app::material(&state.db, viewer, &phase.slug).await?;
    let scenario_sets =
        crate::app::scenario_reach::of_phase(&state.db, &state.programme, viewer, &phase.slug)
            .await?;
    let consequence_sets =
        crate::app::consequence_reach::published_of_phase(&state.db, &state.programme, &phase.slug)
            .await?;
    let visions =
        crate::app::backcasting_pages::public_of_phase(&state.db, &state.programme, &phase.slug)
            .await?;
    let events: Vec<_> = phase
        .events()
        .map(|(kind, event)| context! { kind => kind.key(), seminar => matches!(kind.key(), "politicians_seminar" | "leaders_thinktank"), event })
        .collect();
    Ok(state
        .render(
            &ctx,
            "phase.html",
            context! {
                phase,
                events,
                home_assignment => phase.home_assignment(),
                editorial => phase.editorial(),
                published,
                previous => index.checked_sub(1).map(|i| &phases[i]),
                next => phases.get(index + 1),
                active,
                scheduled,
                scenario_sets => super::scenario_reach::set_views(&scenario_sets),
                consequence_sets,
                visions,
            },
        )?
        .into_response())
}

#[derive(Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    next: Option<String>,
}

/// Remembers the chosen language in a cookie (a preference, not a session) and goes back.
/// Behind https the cookie is `Secure`, as the session cookie is.
pub async fn set_language(
    State(state): State<AppState>,
    Form(form): Form<LanguageForm>,
) -> Response {
    let lang = Lang::parse(&form.lang).unwrap_or_default();
    let cookie = Cookie::build((lang_cookie(&state.config), lang.code()))
        .path("/")
        .same_site(SameSite::Lax)
        .http_only(true)
        .secure(state.config.secure_cookies)
        .max_age(time_one_year())
        .build();
    let mut response = Redirect::to(&local_path(form.next.as_deref())).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
        response.headers_mut().append(SET_COOKIE, value);
    }
    response
}

fn time_one_year() -> cookie::time::Duration {
    cookie::time::Duration::days(365)
}

#[derive(Deserialize, Default, serde::Serialize)]
pub struct OverrideForm {
    #[serde(default)]
    phase: String,
    #[serde(default)]
    reason: String,
}

async fn render_override_page(
    state: &AppState,
    ctx: &Ctx,
    form: &OverrideForm,
    errors: &FieldErrors,
) -> Result<Response, AppError> {
    let active = current_active_phase(state).await?;
    let slug = state.programme.slug.clone();
    let history = state.db.read(move |c| overrides::history(c, &slug)).await?;
    let status = if errors.is_empty() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = state.render(
        ctx,
        "active_phase.html",
        context! { active, history, form, errors },
    )?;
    Ok((status, page).into_response())
}

pub async fn active_phase_form(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Response, AppError> {
    ctx.require(|s| s.can_lead_process())?;
    let active = current_active_phase(&state).await?;
    let form = OverrideForm {
        phase: match active.by {
            crate::domain::schedule::ActiveBy::Override => active.slug.unwrap_or_default(),
            crate::domain::schedule::ActiveBy::Dates => String::new(),
        },
        reason: String::new(),
    };
    render_override_page(&state, &ctx, &form, &FieldErrors::new()).await
}

/// Sets (or, with an empty choice, lifts) the override (see [`phases_app::set_override`]).
pub async fn set_active_phase(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<OverrideForm>,
) -> Result<Response, AppError> {
    let user = ctx.require(|s| s.can_lead_process())?;
    let (phase, reason) = (&form.phase, &form.reason);
    let set = phases_app::set_override(
        &state.db,
        &state.programme,
        user,
        ctx.actor(),
        phase,
        reason,
    );
    match set.await? {
        Overridden::Set => Ok(Redirect::to("/active-phase").into_response()),
        Overridden::Refused(errors) => render_override_page(&state, &ctx, &form, &errors).await,
    }
}

pub async fn health() -> &'static str {
    "ok"
}

pub async fn not_found() -> AppError {
    AppError::NotFound
}
