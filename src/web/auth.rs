//! Signing in and out, and setting a password from a single-use link.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header::SET_COOKIE};
use axum::response::{IntoResponse, Redirect, Response};
use cookie::{Cookie, SameSite};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::context::session_cookie;
use super::forms::FormPage;
use super::forms::{Form, local_path};
use super::{AppError, AppState, Ctx};
use crate::app::auth::{self as auth_app, Login, LoginAttempt, PasswordSet};
use crate::domain::form::FieldErrors;
use crate::storage::users;

#[derive(Deserialize, Default)]
pub struct LoginQuery {
    next: Option<String>,
    password_set: Option<String>,
}

#[derive(Deserialize, Serialize, Default)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    /// Never sent back to the page.
    #[serde(default, skip_serializing)]
    password: String,
    #[serde(default)]
    next: Option<String>,
}

fn login_page(
    state: &AppState,
    ctx: &Ctx,
    status: StatusCode,
    form: &LoginForm,
    problem: Option<&str>,
    notice: Option<&str>,
) -> Result<Response, AppError> {
    let page = state.render(ctx, "login.html", context! { form, problem, notice })?;
    Ok((status, page).into_response())
}

pub async fn login_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<LoginQuery>,
) -> Result<Response, AppError> {
    let form = LoginForm {
        next: query.next,
        ..Default::default()
    };
    let notice = query.password_set.is_some().then_some("login-password-set");
    login_page(&state, &ctx, StatusCode::OK, &form, None, notice)
}

/// Signs in (see [`auth_app::login`]): a new session cookie, or the form again.
pub async fn login(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<LoginForm>,
) -> Result<Response, AppError> {
    let attempt = LoginAttempt {
        email: form.email.clone(),
        password: form.password.clone(),
        address: ctx.address.clone(),
        previous_session: ctx.session.clone(),
    };
    let (policy, checks) = (state.config.throttle, &state.password_checks);
    let (status, problem) = match auth_app::login(&state.db, policy, checks, ctx.actor(), attempt)
        .await?
    {
        Login::SignedIn { token, .. } => {
            let cookie = Cookie::build((session_cookie(&state.config), token))
                .path("/")
                .http_only(true)
                .same_site(SameSite::Lax)
                .secure(state.config.secure_cookies)
                .build();
            // Without a page to go back to, people begin at their start page.
            let to = match form.next.as_deref().filter(|next| !next.is_empty()) {
                Some(next) => Redirect::to(&local_path(Some(next))),
                None => Redirect::to("/start"),
            };
            return Ok(with_cookie(to, &cookie));
        }
        Login::Refused => (StatusCode::UNPROCESSABLE_ENTITY, "login-refused"),
        Login::Throttled {
            retry_after_seconds,
        } => {
            let status = StatusCode::TOO_MANY_REQUESTS;
            let mut page = login_page(&state, &ctx, status, &form, Some("login-throttled"), None)?;
            let wait = HeaderValue::from(retry_after_seconds);
            page.headers_mut().insert("retry-after", wait);
            return Ok(page);
        }
    };
    login_page(&state, &ctx, status, &form, Some(problem), None)
}

fn with_cookie(response: impl IntoResponse, cookie: &Cookie<'_>) -> Response {
    let mut response = response.into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
        response.headers_mut().append(SET_COOKIE, value);
    }
    response
}

/// Ends the session on the server and in the browser.
pub async fn logout(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    if let Some(digest) = ctx.session.clone() {
        auth_app::logout(&state.db, ctx.actor(), digest).await?;
    }
    let mut expired = Cookie::build((session_cookie(&state.config), ""))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.config.secure_cookies)
        .build();
    expired.make_removal();
    Ok(with_cookie(Redirect::to("/"), &expired))
}

#[derive(Deserialize, Default)]
pub struct PasswordForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_repeat: String,
}

fn invalid_link(state: &AppState, ctx: &Ctx) -> Result<Response, AppError> {
    let page = state.render(ctx, "link_invalid.html", context! {})?;
    Ok((StatusCode::NOT_FOUND, page).into_response())
}

fn password_page(person: &users::User, errors: &FieldErrors) -> FormPage {
    FormPage::new("set_password.html", (), errors).with(context! { person })
}

pub async fn set_password_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    match auth_app::link_user(&state.db, &token).await? {
        Some(person) => password_page(&person, &FieldErrors::new()).render(&state, &ctx),
        None => invalid_link(&state, &ctx),
    }
}

/// Sets the password (see [`auth_app::set_password`]).
pub async fn set_password(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    Form(form): Form<PasswordForm>,
) -> Result<Response, AppError> {
    let (address, repeat) = (ctx.address.clone(), &form.password_repeat);
    match auth_app::set_password(&state.db, &token, address, form.password, repeat).await? {
        PasswordSet::Set { .. } => Ok(Redirect::to("/login?password_set=1").into_response()),
        PasswordSet::InvalidLink => invalid_link(&state, &ctx),
        PasswordSet::Refused { person, errors } => {
            password_page(&person, &errors).render(&state, &ctx)
        }
    }
}
