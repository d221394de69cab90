//! The bank of change notes: list with search and filters, a note with its history,
//! writing and editing (stale edits refused), and moving notes through their statuses.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::forms::Form;
use super::{AppError, AppState, Ctx};
use crate::domain::bank::{
    Category, NoteForm, NoteStatus, NoteType, TimeBand, can_curate, can_edit_note, can_see_note,
    search_query,
};
use crate::domain::form::FieldErrors;
use crate::domain::source::CitationForm;
use crate::domain::user::Role;
use crate::storage::bank::{self, Note, NoteFilter, Saved};
use crate::storage::{audit, organisations};

const PAGE: i64 = 25;

#[derive(Deserialize, Serialize, Default, Clone)]
pub struct BankQuery {
    #[serde(default)]
    q: Option<String>,
    #[serde(default, rename = "type")]
    note_type: Option<String>,
    #[serde(default)]
    category: Option<String>,
    #[serde(default)]
    time_band: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    organisation: Option<String>,
    #[serde(default)]
    phase: Option<String>,
    #[serde(default)]
    tag: Option<String>,
    #[serde(default)]
    sort: Option<String>,
    #[serde(default)]
    page: Option<i64>,
}

fn given(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

fn choices() -> minijinja::Value {
    context! {
        types => NoteType::ALL.iter().map(|t| t.key()).collect::<Vec<_>>(),
        categories => Category::ALL.iter().map(|t| t.key()).collect::<Vec<_>>(),
        bands => TimeBand::ALL.iter().map(|t| t.key()).collect::<Vec<_>>(),
        statuses => NoteStatus::ALL.iter().map(|t| t.key()).collect::<Vec<_>>(),
    }
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<BankQuery>,
) -> Result<Response, AppError> {
    let subject = ctx.subject().ok();
    let page = query.page.unwrap_or(1).clamp(1, 100_000);
    let search = given(&query.q).and_then(|q| search_query(&q));
    let filter = NoteFilter {
        by_relevance: search.is_some() && query.sort.as_deref() != Some("date"),
        search,
        note_type: given(&query.note_type).and_then(|t| NoteType::parse(&t)),
        category: given(&query.category).and_then(|c| Category::parse(&c)),
        time_band: given(&query.time_band).and_then(|b| TimeBand::parse(&b)),
        status: given(&query.status).and_then(|s| NoteStatus::parse(&s)),
        organisation_id: given(&query.organisation).and_then(|o| o.parse().ok()),
        phase: given(&query.phase),
        tag: given(&query.tag).map(|t| t.to_lowercase()),
        drafts_of: subject.map(|s| s.organisation_id),
        all_drafts: subject.is_some_and(|s| can_curate(&s)),
        public_only: subject.is_none(),
        limit: PAGE,
        offset: (page - 1) * PAGE,
    };
    let (notes, total, orgs) = state
        .db
        .read(move |c| {
            let (notes, total) = bank::search(c, &filter)?;
            Ok((notes, total, organisations::all(c)?))
        })
        .await?;
    let capped = total > bank::COUNT_CAP;
    let total = total.min(bank::COUNT_CAP);
    let pages = ((total + PAGE - 1) / PAGE).max(1);
    let can_write = subject.is_some_and(|s| s.roles.contains(&Role::Strategist) || can_curate(&s));
    Ok(state
        .render(
            &ctx,
            "bank.html",
            context! { notes, total, capped, page, pages, query, choices => choices(), organisations => orgs, can_write },
        )?
        .into_response())
}

pub(super) async fn visible_note(state: &AppState, ctx: &Ctx, id: i64) -> Result<Note, AppError> {
    let note = state
        .db
        .read(move |c| bank::get(c, id))
        .await?
        .ok_or(AppError::NotFound)?;
    let subject = ctx.subject().ok();
    if can_see_note(
        subject.as_ref(),
        note.status,
        note.organisation_id,
        note.public,
    ) {
        Ok(note)
    } else {
        Err(AppError::NotFound)
    }
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let note = visible_note(&state, &ctx, id).await?;
    note_page(&state, &ctx, note, None, StatusCode::OK).await
}

/// The note page; `cited` is what the form citing a source sent back when it was refused.
pub(super) async fn note_page(
    state: &AppState,
    ctx: &Ctx,
    note: Note,
    cited: Option<(CitationForm, FieldErrors)>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let subject = ctx.subject().ok();
    let can_edit = subject.is_some_and(|s| can_edit_note(&s, note.status, note.organisation_id));
    let can_curate = subject.is_some_and(|s| can_curate(&s));
    let can_submit = note.status == NoteStatus::Draft
        && subject.is_some_and(|s| s.organisation_id == note.organisation_id || can_curate);
    let sources = super::sources::of_note(state, ctx, &note, cited).await?;
    let page = state.render(
        ctx,
        "note.html",
        context! { note, can_edit, can_curate, can_submit, sources },
    )?;
    Ok((status, page).into_response())
}

fn phase_slugs(state: &AppState) -> Vec<&str> {
    state
        .programme
        .phases
        .iter()
        .map(|p| p.slug.as_str())
        .collect()
}

fn form_page(
    state: &AppState,
    ctx: &Ctx,
    id: Option<i64>,
    form: &NoteForm,
    errors: &FieldErrors,
    status: StatusCode,
    newer: Option<&Note>,
) -> Result<Response, AppError> {
    let page = state.render(
        ctx,
        "note_form.html",
        context! { id, form, errors, newer, choices => choices() },
    )?;
    Ok((status, page).into_response())
}

pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(|s| s.roles.contains(&Role::Strategist) || can_curate(s))?;
    let form = NoteForm {
        note_type: "trend".into(),
        ..Default::default()
    };
    form_page(
        &state,
        &ctx,
        None,
        &form,
        &FieldErrors::new(),
        StatusCode::OK,
        None,
    )
}

#[derive(Deserialize, Default)]
pub struct SubmitChoice {
    #[serde(default)]
    then: Option<String>,
}

/// Writes a new note for one's own organisation: saved as a draft, or submitted at once.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(choice): Query<SubmitChoice>,
    Form(form): Form<NoteForm>,
) -> Result<Response, AppError> {
    let user = ctx.require(|s| s.roles.contains(&Role::Strategist) || can_curate(s))?;
    let valid = match form.validate(&phase_slugs(&state)) {
        Ok(valid) => valid,
        Err(errors) => {
            return form_page(
                &state,
                &ctx,
                None,
                &form,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
            );
        }
    };
    let status = if choice.then.as_deref() == Some("submit") {
        NoteStatus::Submitted
    } else {
        NoteStatus::Draft
    };
    let (org, author, actor) = (user.organisation_id, user.id, ctx.actor());
    let id = state
        .db
        .write(move |tx| {
            let id = bank::insert(tx, &valid, status, org, author)?;
            audit::record(
                tx,
                &actor,
                "note.create",
                Some(&format!("note:{id}")),
                Some(status.key()),
            )?;
            Ok(id)
        })
        .await?;
    Ok(Redirect::to(&format!("/bank/{id}")).into_response())
}

fn form_of(note: &Note) -> NoteForm {
    NoteForm {
        note_type: note.note_type.key().into(),
        title: note.title.clone(),
        summary: note.summary.clone(),
        implications: note.implications.clone(),
        category: note.category.key().into(),
        secondary: note.secondary.iter().map(|c| c.key().to_string()).collect(),
        direction: note.direction.clone().unwrap_or_default(),
        time_band: note
            .time_band
            .map(|b| b.key().to_string())
            .unwrap_or_default(),
        scope: note.scope.clone().unwrap_or_default(),
        tags: note.tags.join(", "),
        phase: note.phase_slug.clone().unwrap_or_default(),
        version: note.version.to_string(),
    }
}

async fn editable_note(state: &AppState, ctx: &Ctx, id: i64) -> Result<Note, AppError> {
    let note = visible_note(state, ctx, id).await?;
    if can_edit_note(&ctx.subject()?, note.status, note.organisation_id) {
        Ok(note)
    } else {
        Err(AppError::Forbidden)
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let note = editable_note(&state, &ctx, id).await?;
    form_page(
        &state,
        &ctx,
        Some(id),
        &form_of(&note),
        &FieldErrors::new(),
        StatusCode::OK,
        None,
    )
}

/// Saves an edit. If someone saved in between, nothing is overwritten: the form comes back
/// with what was typed and the other person's version beside it.
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<NoteForm>,
) -> Result<Response, AppError> {
    editable_note(&state, &ctx, id).await?;
    let valid = match form.validate(&phase_slugs(&state)) {
        Ok(valid) => valid,
        Err(errors) => {
            return form_page(
                &state,
                &ctx,
                Some(id),
                &form,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
            );
        }
    };
    let base: i64 = form
        .version
        .trim()
        .parse()
        .map_err(|_| AppError::Unprocessable)?;
    let (by, actor) = (ctx.user()?.id, ctx.actor());
    let saved = state
        .db
        .write(move |tx| {
            let saved = bank::update(tx, id, base, &valid, by)?;
            if matches!(saved, Saved::Saved) {
                audit::record(tx, &actor, "note.update", Some(&format!("note:{id}")), None)?;
            }
            Ok(saved)
        })
        .await?;
    match saved {
        Saved::Saved => Ok(Redirect::to(&format!("/bank/{id}")).into_response()),
        Saved::Missing => Err(AppError::NotFound),
        Saved::Stale(newer) => {
            let mut form = form;
            form.version = newer.version.to_string();
            let errors = FieldErrors::one("version", "error-stale-edit");
            form_page(
                &state,
                &ctx,
                Some(id),
                &form,
                &errors,
                StatusCode::CONFLICT,
                Some(&newer),
            )
        }
    }
}

#[derive(Deserialize, Default)]
pub struct StatusForm {
    #[serde(default)]
    to: String,
}

/// Submits a draft (its own organisation), or curates or archives a note (editors and
/// process leaders).
pub async fn change_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<StatusForm>,
) -> Result<Response, AppError> {
    let note = visible_note(&state, &ctx, id).await?;
    let subject = ctx.subject()?;
    let to = NoteStatus::parse(form.to.trim()).ok_or(AppError::Unprocessable)?;
    let allowed = match (note.status, to) {
        (NoteStatus::Draft, NoteStatus::Submitted) => {
            subject.organisation_id == note.organisation_id || can_curate(&subject)
        }
        (NoteStatus::Submitted, NoteStatus::Curated) => can_curate(&subject),
        (NoteStatus::Draft | NoteStatus::Submitted | NoteStatus::Curated, NoteStatus::Archived) => {
            can_curate(&subject)
        }
        _ => false,
    };
    if !allowed {
        return Err(AppError::Forbidden);
    }
    let (by, actor) = (ctx.user()?.id, ctx.actor());
    state
        .db
        .write(move |tx| {
            bank::set_status(tx, id, to, by)?;
            audit::record(
                tx,
                &actor,
                "note.status",
                Some(&format!("note:{id}")),
                Some(to.key()),
            )
        })
        .await?;
    Ok(Redirect::to(&format!("/bank/{id}")).into_response())
}

pub async fn history(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let note = visible_note(&state, &ctx, id).await?;
    ctx.user()?;
    let revisions = state.db.read(move |c| bank::revisions(c, id)).await?;
    Ok(state
        .render(&ctx, "note_history.html", context! { note, revisions })?
        .into_response())
}
