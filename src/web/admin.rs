//! Administration: people, their roles and set-password links, and the audit log.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use serde::Deserialize;

use super::forms::Form;
use super::forms::FormPage;
use super::{AppError, AppState, Ctx};
use crate::app::admin::{self as admin_app, Created, Updated};
use crate::app::outbox as outbox_app;
use crate::domain::form::FieldErrors;
use crate::domain::mail::Status;
use crate::domain::user::{Role, UserForm};
use crate::storage::{audit, organisations, users};

fn roles() -> Vec<&'static str> {
    Role::ALL.iter().map(|r| r.key()).collect()
}

pub async fn users(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(|s| s.can_administer())?;
    let people = state.db.read(|c| users::list(c, None)).await?;
    Ok(state
        .render(&ctx, "users.html", context! { people })?
        .into_response())
}

/// The person form (for a new person, `id` none) with the organisations to choose from.
async fn person_form_page(
    state: &AppState,
    id: Option<i64>,
    form: &UserForm,
    active: bool,
    errors: &FieldErrors,
) -> Result<FormPage, AppError> {
    let organisations = state.db.read(organisations::all).await?;
    Ok(FormPage::new("user_form.html", form, errors)
        .with(context! { id, active, organisations, roles => roles() }))
}

pub async fn new_user_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(|s| s.can_administer())?;
    let form = UserForm::default();
    person_form_page(&state, None, &form, true, &FieldErrors::new())
        .await?
        .render(&state, &ctx)
}

fn link_page(
    state: &AppState,
    ctx: &Ctx,
    person: &users::User,
    token: &str,
) -> Result<Response, AppError> {
    let link = format!("{}/set-password/{token}", state.config.public_url);
    let hours = state.config.password_link_lifetime.as_secs() / 3600;
    Ok(state
        .render(ctx, "password_link.html", context! { person, link, hours })?
        .into_response())
}

/// Creates a person (see [`admin_app::create_user`]) and shows the single-use link to
/// hand them.
pub async fn create_user(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<UserForm>,
) -> Result<Response, AppError> {
    let admin = ctx.require(|s| s.can_administer())?;
    let lifetime = state.config.password_link_lifetime;
    match admin_app::create_user(&state.db, admin, ctx.actor(), lifetime, &form).await? {
        Created::Created { person, token } => link_page(&state, &ctx, &person, &token),
        Created::Refused(errors) => person_form_page(&state, None, &form, true, &errors)
            .await?
            .render(&state, &ctx),
    }
}

pub async fn edit_user_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    ctx.require(|s| s.can_administer())?;
    let person = state
        .db
        .read(move |c| users::get(c, id))
        .await?
        .ok_or(AppError::NotFound)?;
    // Nothing of an anonymised person is left to edit: the page says what they became.
    if person.anonymised {
        return Ok(state
            .render(&ctx, "anonymise.html", context! { person })?
            .into_response());
    }
    let form = UserForm {
        name: person.name.clone(),
        email: person.email.clone(),
        organisation_id: person.organisation_id.to_string(),
        roles: person.roles.iter().map(|r| r.key().to_string()).collect(),
        active: None,
    };
    person_form_page(&state, Some(id), &form, person.active, &FieldErrors::new())
        .await?
        .render(&state, &ctx)
}

/// Saves a person's details and roles (see [`admin_app::update_user`]).
pub async fn update_user(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<UserForm>,
) -> Result<Response, AppError> {
    let admin = ctx.require(|s| s.can_administer())?;
    match admin_app::update_user(&state.db, admin, ctx.actor(), id, &form).await? {
        Updated::Saved => Ok(Redirect::to("/admin/users").into_response()),
        Updated::Refused(errors) => {
            let active = form.active.is_some();
            person_form_page(&state, Some(id), &form, active, &errors)
                .await?
                .render(&state, &ctx)
        }
    }
}

/// A fresh set-password link for a person (earlier unused links stop working).
pub async fn new_password_link(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let admin = ctx.require(|s| s.can_administer())?;
    let lifetime = state.config.password_link_lifetime;
    let (person, token) =
        admin_app::new_password_link(&state.db, admin, ctx.actor(), lifetime, id).await?;
    link_page(&state, &ctx, &person, &token)
}

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<i64>,
}

const AUDIT_PAGE: i64 = 50;

pub async fn audit_log(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<PageQuery>,
) -> Result<Response, AppError> {
    ctx.require(|s| s.can_administer())?;
    let page = query.page.unwrap_or(1).clamp(1, i64::MAX / AUDIT_PAGE);
    let (entries, total) = state
        .db
        .read(move |c| {
            Ok((
                audit::page(c, AUDIT_PAGE, (page - 1) * AUDIT_PAGE)?,
                audit::count(c)?,
            ))
        })
        .await?;
    let pages = ((total + AUDIT_PAGE - 1) / AUDIT_PAGE).max(1);
    Ok(state
        .render(&ctx, "audit.html", context! { entries, page, pages, total })?
        .into_response())
}

#[derive(Deserialize)]
pub struct OutboxQuery {
    status: Option<String>,
}

/// The outbox: how many messages wait, went and failed, the latest of one status, and
/// whether an SMTP server is configured at all.
pub async fn outbox(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<OutboxQuery>,
) -> Result<Response, AppError> {
    let admin = ctx.require(|s| s.can_administer())?;
    let status = query.status.as_deref().and_then(Status::parse);
    let page = outbox_app::page(&state.db, admin, status).await?;
    let configured = state.mailer.configured();
    let statuses: Vec<&str> = Status::ALL.iter().map(|s| s.key()).collect();
    Ok(state
        .render(&ctx, "outbox.html", context! { page, configured, statuses })?
        .into_response())
}

/// Queues a message again, due at once.
pub async fn outbox_retry(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let admin = ctx.require(|s| s.can_administer())?;
    outbox_app::retry(&state.db, admin, ctx.actor(), id).await?;
    Ok(Redirect::to("/admin/outbox?status=queued").into_response())
}
