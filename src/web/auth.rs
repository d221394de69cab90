//! Signing in and out, and setting a password from a single-use link.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header::SET_COOKIE};
use axum::response::{IntoResponse, Redirect, Response};
use cookie::{Cookie, SameSite};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::context::SESSION_COOKIE;
use super::forms::FormPage;
use super::forms::{Form, local_path};
use super::{AppError, AppState, Ctx};
use crate::domain::credentials::{self, new_token, token_digest};
use crate::domain::form::FieldErrors;
use crate::domain::user;
use crate::storage::{StorageError, audit, sessions, throttle, users};

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

/// The longest account name kept anywhere (an e-mail address has at most 254 characters).
const MAX_ACCOUNT_CHARS: usize = 254;

/// Checks the password. Unknown accounts, accounts without a password and deactivated
/// ones get the same answer as a wrong password, after the same work. Each attempt first
/// reserves a failure for its account name and address in one transaction, so parallel
/// attempts cannot pass the limit; a successful one takes its reservation back. While a
/// name or address is throttled, nothing is checked at all.
pub async fn login(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<LoginForm>,
) -> Result<Response, AppError> {
    let policy = state.config.throttle;
    let now = state.clock.now_seconds();
    let since = now - policy.window.as_secs() as i64;
    let email: String = form
        .email
        .trim()
        .to_lowercase()
        .chars()
        .take(MAX_ACCOUNT_CHARS)
        .collect();
    let account_key = format!("account:{email}");
    let address_key = format!("address:{}", ctx.address.as_deref().unwrap_or("unknown"));

    let (keys, lookup) = ((account_key.clone(), address_key.clone()), email.clone());
    let reserved = state
        .db
        .write(move |tx| {
            let account = throttle::failures_since(tx, &keys.0, since)?;
            let address = throttle::failures_since(tx, &keys.1, since)?;
            if !policy.allows(account, address) {
                return Ok(None);
            }
            let rows = vec![
                throttle::record_failure(tx, &keys.0, now)?,
                throttle::record_failure(tx, &keys.1, now)?,
            ];
            Ok(Some((rows, users::credentials(tx, &lookup)?)))
        })
        .await?;

    let Some((rows, stored)) = reserved else {
        let mut response = login_page(
            &state,
            &ctx,
            StatusCode::TOO_MANY_REQUESTS,
            &form,
            Some("login-throttled"),
            None,
        )?;
        response
            .headers_mut()
            .insert("retry-after", HeaderValue::from(policy.window.as_secs()));
        return Ok(response);
    };

    // At most as many argon2 checks at once as there are cores; the rest wait their turn.
    let _permit = state
        .password_checks
        .acquire()
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let password = form.password.clone();
    let accepted = tokio::task::spawn_blocking(move || match stored {
        Some((id, Some(hash), true)) => {
            credentials::verify_password(&password, &hash).then_some(id)
        }
        _ => {
            credentials::verify_decoy(&password);
            None
        }
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?;

    let actor = ctx.actor();
    let Some(user_id) = accepted else {
        let subject = email.clone();
        state
            .db
            .write(move |tx| audit::record(tx, &actor, "login.failed", Some(&subject), None))
            .await?;
        return login_page(
            &state,
            &ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            &form,
            Some("login-refused"),
            None,
        );
    };

    let token = new_token();
    let digest = token_digest(&token);
    let previous = ctx.session.clone();
    let actor = audit::Actor {
        user_id: Some(user_id),
        ..actor
    };
    state
        .db
        .write(move |tx| {
            if let Some(previous) = previous {
                sessions::delete(tx, &previous)?;
            }
            throttle::release(tx, &rows)?;
            throttle::clear(tx, &account_key, since)?;
            sessions::create(tx, &digest, user_id, now)?;
            audit::record(tx, &actor, "login", None, None)
        })
        .await?;
    let cookie = Cookie::build((SESSION_COOKIE, token))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.config.secure_cookies)
        .build();
    Ok(with_cookie(
        Redirect::to(&local_path(form.next.as_deref())),
        &cookie,
    ))
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
        let actor = ctx.actor();
        state
            .db
            .write(move |tx| {
                sessions::delete(tx, &digest)?;
                audit::record(tx, &actor, "logout", None, None)
            })
            .await?;
    }
    let mut expired = Cookie::build((SESSION_COOKIE, ""))
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

async fn link_user(state: &AppState, token: &str) -> Result<Option<users::User>, AppError> {
    let digest = token_digest(token);
    let now = state.clock.now_seconds();
    Ok(state
        .db
        .read(move |c| match users::password_link_user(c, &digest, now)? {
            Some(id) => users::get(c, id),
            None => Ok(None),
        })
        .await?)
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
    match link_user(&state, &token).await? {
        Some(person) => password_page(&person, &FieldErrors::new()).render(&state, &ctx),
        None => invalid_link(&state, &ctx),
    }
}

/// Sets the password, uses up the link and ends every session the person had.
pub async fn set_password(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    Form(form): Form<PasswordForm>,
) -> Result<Response, AppError> {
    let Some(person) = link_user(&state, &token).await? else {
        return invalid_link(&state, &ctx);
    };
    let mut errors = FieldErrors::new();
    user::check_new_password(&mut errors, &form.password, &form.password_repeat);
    if !errors.is_empty() {
        return password_page(&person, &errors).render(&state, &ctx);
    }
    let password = form.password;
    let hash = tokio::task::spawn_blocking(move || credentials::hash_password(&password))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let digest = token_digest(&token);
    let now = state.clock.now_seconds();
    let user_id = person.id;
    let actor = audit::Actor {
        user_id: Some(user_id),
        address: ctx.address.clone(),
    };
    let used = state
        .db
        .write(move |tx| {
            if !users::use_password_link(tx, &digest, now)? {
                return Ok(false);
            }
            users::set_password_hash(tx, user_id, &hash)?;
            sessions::delete_for_user(tx, user_id)?;
            audit::record(
                tx,
                &actor,
                "password.set",
                Some(&format!("user:{user_id}")),
                None,
            )?;
            Ok::<_, StorageError>(true)
        })
        .await?;
    if !used {
        return invalid_link(&state, &ctx);
    }
    Ok(Redirect::to("/login?password_set=1").into_response())
}
