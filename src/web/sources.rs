//! The source bank (omvärldsbank): list with search, a source with the notes citing it,
//! adding and editing sources (stale edits refused), and citing sources from a note.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::{Value, context};
use serde::{Deserialize, Serialize};

use super::forms::FormPage;
use super::forms::{Form, encode_component};
use super::picker::{PickForm, Picks};
use super::{AppError, AppState, Ctx, bank};
use crate::app;
use crate::domain::bank::{can_see_note, search_query};
use crate::domain::form::FieldErrors;
use crate::domain::picker::PickField;
use crate::domain::source::{
    CitationForm, SourceForm, SourceKind, Stance, by_stance, can_add_source, can_cite_from_note,
    can_edit_source, can_see_source,
};
use crate::storage::bank::Note;
use crate::storage::sources::{self, Linked, Source, SourceFilter};
use crate::storage::{Edit, audit};

const PAGE: i64 = 25;

#[derive(Deserialize, Serialize, Default, Clone)]
pub struct SourcesQuery {
    #[serde(default)]
    q: Option<String>,
    #[serde(default)]
    kind: Option<String>,
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

fn kinds() -> Vec<&'static str> {
    SourceKind::ALL.iter().map(|k| k.key()).collect()
}

fn stances() -> Vec<&'static str> {
    Stance::ALL.iter().map(|s| s.key()).collect()
}

/// The list, for members: search and kind filter combined, a page at a time.
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<SourcesQuery>,
) -> Result<Response, AppError> {
    ctx.user()?;
    let page = query.page.unwrap_or(1).clamp(1, 100_000);
    let q = given(&query.q);
    let kind = given(&query.kind).and_then(|k| SourceKind::parse(&k));
    let search = q.as_deref().and_then(search_query);
    let filter = SourceFilter {
        by_relevance: search.is_some(),
        search,
        kind,
        limit: PAGE,
        offset: (page - 1) * PAGE,
    };
    let (sources, total) = state.db.read(move |c| sources::search(c, &filter)).await?;
    let capped = total > sources::COUNT_CAP;
    let total = total.min(sources::COUNT_CAP);
    let pages = ((total + PAGE - 1) / PAGE).max(1);
    // The pager keeps the search and the filter, each encoded once, here.
    let mut pager_query = String::new();
    for (name, value) in [("q", &q), ("kind", &kind.map(|k| k.key().to_string()))] {
        if let Some(value) = value {
            pager_query.push_str(&format!("{name}={}&", encode_component(value)));
        }
    }
    Ok(state
        .render(
            &ctx,
            "sources.html",
            context! { sources, total, capped, page, pages, query, pager_query, kinds => kinds() },
        )?
        .into_response())
}

async fn visible_source(state: &AppState, ctx: &Ctx, id: i64) -> Result<Source, AppError> {
    if !can_see_source(ctx.subject().ok().as_ref()) {
        return Err(AppError::NotFound);
    }
    state
        .db
        .read(move |c| sources::get(c, id))
        .await?
        .ok_or(AppError::NotFound)
}

/// A source with the notes citing it, by stance: only the notes the viewer may see.
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let source = visible_source(&state, &ctx, id).await?;
    let subject = ctx.subject()?;
    let citing = state
        .db
        .read(move |c| sources::notes_of_source(c, id))
        .await?
        .into_iter()
        .filter(|n| can_see_note(Some(&subject), n.status, n.organisation_id, n.public))
        .map(|n| {
            let stance = n.stance;
            (n, stance)
        })
        .collect();
    let notes = by_stance(citing);
    let can_edit = can_edit_source(&subject, source.organisation_id);
    Ok(state
        .render(&ctx, "source.html", context! { source, notes, can_edit })?
        .into_response())
}

/// The form: for a new record (`id` none) or an edit.
fn form_page(id: Option<i64>, form: &impl Serialize, errors: &FieldErrors) -> FormPage {
    FormPage::new("source_form.html", form, errors).with(context! { id, kinds => kinds() })
}

pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(can_add_source)?;
    let form = SourceForm {
        kind: "report".into(),
        ..Default::default()
    };
    form_page(None, &form, &FieldErrors::new()).render(&state, &ctx)
}

/// Adds a source under the member's own organisation.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<SourceForm>,
) -> Result<Response, AppError> {
    let user = ctx.require(can_add_source)?;
    let valid = match form.validate() {
        Ok(valid) => valid,
        Err(errors) => {
            return form_page(None, &form, &errors).render(&state, &ctx);
        }
    };
    let (org, author, actor) = (user.organisation_id, user.id, ctx.actor());
    let id = state
        .db
        .write(move |tx| {
            let id = sources::insert(tx, &valid, org, author)?;
            audit::record(
                tx,
                &actor,
                "source.create",
                Some(&format!("source:{id}")),
                Some(valid.kind.key()),
            )?;
            Ok(id)
        })
        .await?;
    Ok(Redirect::to(&format!("/sources/{id}")).into_response())
}

fn form_of(source: &Source) -> SourceForm {
    SourceForm {
        kind: source.kind.key().into(),
        title: source.title.clone(),
        publisher: source.publisher.clone().unwrap_or_default(),
        authors: source.authors.clone().unwrap_or_default(),
        year: source.year.map(|y| y.to_string()).unwrap_or_default(),
        link: source.link.clone().unwrap_or_default(),
        language: source.language.clone().unwrap_or_default(),
        summary: source.summary.clone(),
        scope: source.scope.clone().unwrap_or_default(),
        version: source.version.to_string(),
    }
}

async fn editable_source(state: &AppState, ctx: &Ctx, id: i64) -> Result<Source, AppError> {
    let source = visible_source(state, ctx, id).await?;
    if can_edit_source(&ctx.subject()?, source.organisation_id) {
        Ok(source)
    } else {
        Err(AppError::Forbidden)
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let source = editable_source(&state, &ctx, id).await?;
    form_page(Some(id), &form_of(&source), &FieldErrors::new()).render(&state, &ctx)
}

/// Saves an edit. If someone saved in between, nothing is overwritten: the form comes back
/// (409) with what was typed and the other person's version beside it.
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<SourceForm>,
) -> Result<Response, AppError> {
    editable_source(&state, &ctx, id).await?;
    let valid = match form.validate() {
        Ok(valid) => valid,
        Err(errors) => {
            return form_page(Some(id), &form, &errors).render(&state, &ctx);
        }
    };
    let base: i64 = form
        .version
        .trim()
        .parse()
        .map_err(|_| AppError::Unprocessable)?;
    let user = ctx.user()?;
    let saved = app::sources::update(&state.db, user, &ctx.actor(), id, base, valid).await?;
    match saved {
        Edit::Saved { .. } => Ok(Redirect::to(&format!("/sources/{id}")).into_response()),
        Edit::Missing => Err(AppError::NotFound),
        Edit::Stale(newer) => {
            let mut form = form;
            form.version = newer.version.to_string();
            let errors = FieldErrors::one("version", "error-source-stale-edit");
            form_page(Some(id), &form, &errors)
                .stale(&newer)
                .render(&state, &ctx)
        }
    }
}

/// What the note page shows of the sources a note cites: nothing for visitors; for
/// members the sources by stance; for those who may write the note, the form to cite
/// another, with what was sent and its errors when it came back.
pub(super) async fn of_note(
    state: &AppState,
    ctx: &Ctx,
    note: &Note,
    sent: Option<(CitationForm, FieldErrors)>,
) -> Result<Value, AppError> {
    let Ok(subject) = ctx.subject() else {
        return Ok(context! { shown => false });
    };
    let id = note.id;
    let cited = state
        .db
        .read(move |c| sources::sources_of_note(c, id))
        .await?;
    let (form, errors) = sent.unwrap_or_else(|| {
        let form = CitationForm {
            stance: Stance::Supports.key().into(),
            ..Default::default()
        };
        (form, FieldErrors::new())
    });
    Ok(context! {
        shown => true,
        groups => by_stance(cited),
        can_cite => can_cite_from_note(&subject, note.status, note.organisation_id),
        form,
        errors,
        stances => stances(),
    })
}

/// A note whose sources the signed-in person may change: 404 if they may not see it,
/// 403 if they may see but not write it.
async fn citing_note(state: &AppState, ctx: &Ctx, id: i64) -> Result<Note, AppError> {
    let note = bank::visible_note(state, ctx, id).await?;
    if can_cite_from_note(&ctx.subject()?, note.status, note.organisation_id) {
        Ok(note)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Cites a source from a note with a stance (or changes the stance); a bad number or an
/// unknown source comes back on the note page, at the field, with what was typed.
pub async fn cite(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    sent: PickForm<CitationForm>,
) -> Result<Response, AppError> {
    let note = citing_note(&state, &ctx, id).await?;
    let picked = sent.resolve(&state, &ctx).await?;
    let (form, views) = (picked.form.clone(), &picked.views);
    let validated = if picked.waits() {
        Err(picked.errors())
    } else {
        form.validate()
    };
    let (source, stance) = match validated {
        Ok(valid) => valid,
        Err(errors) => {
            return bank::note_page(
                &state,
                &ctx,
                note,
                &FieldErrors::new(),
                &bank::NoteActions::default(),
                Some((form, errors)),
                views,
            )
            .await;
        }
    };
    let user = ctx.user()?;
    let linked = app::sources::cite(&state.db, user, &ctx.actor(), id, source, stance).await?;
    if linked == Linked::NoSource {
        let errors = FieldErrors::one("source", "error-source-missing");
        return bank::note_page(
            &state,
            &ctx,
            note,
            &FieldErrors::new(),
            &bank::NoteActions::default(),
            Some((form, errors)),
            views,
        )
        .await;
    }
    Ok(Redirect::to(&format!("/bank/{id}#sources")).into_response())
}

impl Picks for CitationForm {
    fn pick_fields() -> Vec<PickField> {
        vec![PickField::source("source")]
    }
}

/// Stops a note citing a source.
pub async fn uncite(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, source)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    citing_note(&state, &ctx, id).await?;
    let actor = ctx.actor();
    state
        .db
        .write(move |tx| {
            if sources::unlink(tx, id, source)? {
                audit::record(
                    tx,
                    &actor,
                    "note.uncite",
                    Some(&format!("note:{id}")),
                    Some(&format!("source:{source}")),
                )?;
            }
            Ok(())
        })
        .await?;
    Ok(Redirect::to(&format!("/bank/{id}#sources")).into_response())
}
