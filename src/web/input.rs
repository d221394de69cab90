//! Input (innspill) from anyone, and its moderation queue for process leaders and editors.

use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::forms::FormPage;
use super::forms::{Export, Form, download};
use super::picker::{PickForm, Picks};
use super::{AppError, AppState, Ctx};
use crate::app::input::{self as input_app, Moderated, Moderation, Sent, can_moderate};
use crate::app::picker::FieldView;
use crate::domain::bank::note_number;
use crate::domain::form::FieldErrors;
use crate::domain::input::{InputForm, InputStatus};
use crate::domain::picker::PickField;
use crate::render::table::{Cell, Table};
use crate::storage::inputs;

/// The input form, with the input published so far and, after sending, thanks.
async fn form_page(
    state: &AppState,
    form: &InputForm,
    errors: &FieldErrors,
    thanks: bool,
) -> Result<FormPage, AppError> {
    let published = state.db.read(inputs::published).await?;
    Ok(FormPage::new("input.html", form, errors).with(context! { thanks, published }))
}

#[derive(Deserialize, Default)]
pub struct ThanksQuery {
    #[serde(default)]
    thanks: Option<String>,
}

pub async fn form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<ThanksQuery>,
) -> Result<Response, AppError> {
    form_page(
        &state,
        &InputForm::default(),
        &FieldErrors::new(),
        query.thanks.is_some(),
    )
    .await?
    .render(&state, &ctx)
}

/// Takes input from anyone (see [`input_app::send`]); too much from one address in an
/// hour is asked to wait, with what was typed kept.
pub async fn send(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<InputForm>,
) -> Result<Response, AppError> {
    let address = ctx.address.clone().unwrap_or_default();
    let sent = input_app::send(&state.db, &state.programme, address, ctx.actor(), &form);
    let (errors, status) = match sent.await? {
        Sent::Stored(_) | Sent::Ignored => {
            return Ok(Redirect::to("/input?thanks=1").into_response());
        }
        Sent::Refused(errors) => (errors, StatusCode::UNPROCESSABLE_ENTITY),
        Sent::TooMany => (
            FieldErrors::one("body", "error-input-wait"),
            StatusCode::TOO_MANY_REQUESTS,
        ),
    };
    form_page(&state, &form, &errors, false)
        .await?
        .status(status)
        .render(&state, &ctx)
}

#[derive(Deserialize, Serialize, Default)]
pub struct QueueQuery {
    #[serde(default)]
    status: Option<String>,
}

pub async fn queue(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<QueueQuery>,
) -> Result<Response, AppError> {
    ctx.require(can_moderate)?;
    queue_page(&state, &ctx, query, None).await
}

/// One item's moderation sent back: what was typed, the message at its field and what
/// the note picker shows (the notes matching words typed in place of a number).
type Views = BTreeMap<&'static str, FieldView>;

struct Pending<'a> {
    id: i64,
    form: &'a ModerateForm,
    errors: FieldErrors,
    views: &'a Views,
}

/// The queue; with an item sent back, that item keeps what was typed, and the page is a
/// 422.
async fn queue_page(
    state: &AppState,
    ctx: &Ctx,
    query: QueueQuery,
    pending: Option<Pending<'_>>,
) -> Result<Response, AppError> {
    let status = query.status.as_deref().and_then(InputStatus::parse);
    let list = state.db.read(move |c| inputs::queue(c, status)).await?;
    let code = if pending.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let pending = pending.map(|p| {
        context! {
            id => p.id, form => p.form, errors => p.errors, views => p.views,
        }
    });
    Ok((
        code,
        state.render(
            ctx,
            "input_queue.html",
            context! {
                inputs => list, query, pending,
                statuses => InputStatus::ALL.iter().map(|s| s.key()).collect::<Vec<_>>(),
            },
        )?,
    )
        .into_response())
}

#[derive(Deserialize, Serialize, Default)]
pub struct ModerateForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    public_body: String,
}

impl Picks for ModerateForm {
    fn pick_fields() -> Vec<PickField> {
        vec![PickField::note("note")]
    }
}

/// Marks input read, answered or linked to a note (picked by number or by words), and
/// publishes it (as sent or in the moderator's edited version) or not.
pub async fn moderate(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    sent: PickForm<ModerateForm>,
) -> Result<Response, AppError> {
    let user = ctx.require(can_moderate)?;
    let picked = sent.resolve(&state, &ctx).await?;
    let form = &picked.form;
    let back = |errors| Pending {
        id,
        form,
        errors,
        views: &picked.views,
    };
    if picked.waits() {
        return queue_page(
            &state,
            &ctx,
            QueueQuery::default(),
            Some(back(picked.errors())),
        )
        .await;
    }
    let status = InputStatus::parse(form.status.trim()).ok_or(AppError::Unprocessable)?;
    let note = match form.note.trim() {
        "" => None,
        n => match note_number(n) {
            Some(n) => Some(n),
            None => {
                let errors = FieldErrors::one("note", "error-note-number");
                return queue_page(&state, &ctx, QueueQuery::default(), Some(back(errors))).await;
            }
        },
    };
    let moderation = Moderation {
        status,
        note,
        published: form.published.is_some(),
        public_body: form.public_body.clone(),
    };
    match input_app::moderate(&state.db, user, ctx.actor(), id, moderation).await? {
        Moderated::Done => Ok(Redirect::to("/admin/input").into_response()),
        Moderated::UnknownNote => {
            let errors = FieldErrors::one("note", "error-note-not-found");
            queue_page(&state, &ctx, QueueQuery::default(), Some(back(errors))).await
        }
        Moderated::Refused(_) => Err(AppError::Unprocessable),
    }
}

/// The input queue as CSV or XLSX.
pub async fn export(
    State(state): State<AppState>,
    ctx: Ctx,
    format: Export,
) -> Result<Response, AppError> {
    ctx.require(can_moderate)?;
    let list = state.db.read(|c| inputs::queue(c, None)).await?;
    let lang = ctx.lang;
    let t = |key: &str| crate::render::i18n::text(lang, key);
    let header: Vec<String> = [
        "input-received",
        "input-name",
        "input-name-public",
        "input-email",
        "event-phase",
        "input-topic",
        "input-body",
        "input-public-body",
        "input-status",
        "csv-note",
        "input-published",
    ]
    .iter()
    .map(|k| t(k))
    .collect();
    let tz = state.programme.time_zone;
    let rows: Vec<Vec<Cell>> = list
        .iter()
        .map(|i| {
            crate::cells![
                chrono::DateTime::from_timestamp(i.created_at, 0).map(|d| d.with_timezone(&tz)),
                i.name.clone(),
                if i.name_public { t("yes") } else { t("no") },
                i.email.clone(),
                i.phase_slug.clone(),
                i.topic.clone(),
                i.body.clone(),
                i.public_body.clone(),
                t(&format!("input-status-{}", i.status.key())),
                i.note_id,
                if i.published { t("yes") } else { t("no") },
            ]
        })
        .collect();
    download(format, &Table::new(header, rows), "input")
}
