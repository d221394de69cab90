//! The bank of change notes: list with search and filters, a note with its history,
//! writing and editing (stale edits refused), and moving notes through their statuses.

use std::collections::{BTreeMap, HashMap};

use axum::extract::{Multipart, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::forms::FormPage;
use super::forms::{Export, Form, download};
use super::picker::{self, PickForm, Picked, Picks};
use super::{AppError, AppState, Ctx};
use crate::app;
use crate::app::bank::{ImportOutcome, NoteChange, NoteEdit, can_import};
use crate::app::picker::FieldView;
use crate::domain::access::Subject;
use crate::domain::bank::{
    Category, IMPORT_MAX_ROWS, ImportError, LinkKind, NoteForm, NoteStatus, NoteType, TimeBand,
    ValidNote, can_curate, can_edit_note, can_see_note, changed_fields, changes, check_parent,
    note_number, parse_import, search_query,
};
use crate::domain::form::FieldErrors;
use crate::domain::lang::Lang;
use crate::domain::picker::PickField;
use crate::domain::source::CitationForm;
use crate::domain::user::Role;
use crate::render::i18n;
use crate::render::person_name;
use crate::render::table::{Cell, Table};
use crate::storage::bank::{self, Brief, Link, Note, NoteFilter};
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
    /// How many notes an import just brought in (shown once after the import).
    #[serde(default)]
    imported: Option<usize>,
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

/// The list's filters from the query, limited to what `subject` may see.
fn filter_of(query: &BankQuery, subject: Option<&Subject>) -> NoteFilter {
    let search = given(&query.q).and_then(|q| search_query(&q));
    NoteFilter {
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
        all_drafts: subject.is_some_and(can_curate),
        public_only: subject.is_none(),
        limit: PAGE,
        offset: 0,
    }
}

/// The most notes one export holds.
const EXPORT_MAX: i64 = 200_000;

async fn export_notes(
    state: &AppState,
    ctx: &Ctx,
    query: &BankQuery,
) -> Result<Vec<Note>, AppError> {
    let subject = ctx.subject().ok();
    // Every match, newest first (relevance ranks only the newest matches of a search).
    let filter = NoteFilter {
        limit: EXPORT_MAX,
        by_relevance: false,
        ..filter_of(query, subject.as_ref())
    };
    Ok(state
        .db
        .read(move |c| Ok(bank::search(c, &filter)?.0))
        .await?)
}

/// The columns of the bank's CSV, in order; the import reads the same names.
pub const CSV_COLUMNS: &[&str] = &[
    "id",
    "type",
    "title",
    "summary",
    "implications",
    "category",
    "secondary",
    "direction",
    "time_band",
    "scope",
    "tags",
    "phase",
    "parent",
    "status",
    "public",
    "organisation",
    "author",
    "created",
    "updated",
];

/// The notes the list shows (all pages), as CSV or XLSX.
pub async fn export_table(
    State(state): State<AppState>,
    ctx: Ctx,
    format: Export,
    Query(query): Query<BankQuery>,
) -> Result<Response, AppError> {
    let notes = export_notes(&state, &ctx, &query).await?;
    let tz = state.programme.time_zone;
    let time = |t: i64| chrono::DateTime::from_timestamp(t, 0).map(|d| d.with_timezone(&tz));
    let rows: Vec<Vec<Cell>> = notes
        .iter()
        .map(|n| {
            crate::cells![
                n.id,
                n.note_type.key(),
                n.title.clone(),
                n.summary.clone(),
                n.implications.clone(),
                n.category.key(),
                n.secondary
                    .iter()
                    .map(|c| c.key())
                    .collect::<Vec<_>>()
                    .join(", "),
                n.direction.clone(),
                n.time_band.map(|b| b.key()),
                n.scope.clone(),
                n.tags.join(", "),
                n.phase_slug.clone(),
                n.parent_id,
                n.status.key(),
                i64::from(n.public),
                n.organisation_name.clone(),
                n.author_name.as_deref().map(|a| person_name(ctx.lang, a)),
                time(n.created_at),
                time(n.updated_at),
            ]
        })
        .collect();
    let t = |key: &str| crate::render::i18n::text(ctx.lang, &format!("bank-column-{key}"));
    let header: Vec<String> = CSV_COLUMNS.iter().map(|c| t(c)).collect();
    let keys: Vec<String> = CSV_COLUMNS.iter().map(|c| c.to_string()).collect();
    download(
        format,
        &Table::new(header, rows).with_csv_header(keys),
        "bank",
    )
}

/// The notes the list shows (all pages), as JSON.
pub async fn export_json(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<BankQuery>,
) -> Result<Response, AppError> {
    let notes = export_notes(&state, &ctx, &query).await?;
    let body = serde_json::to_vec_pretty(&notes).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"bank.json\"",
            ),
        ],
        body,
    )
        .into_response())
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<BankQuery>,
) -> Result<Response, AppError> {
    let subject = ctx.subject().ok();
    let page = query.page.unwrap_or(1).clamp(1, 100_000);
    let filter = NoteFilter {
        limit: PAGE,
        offset: (page - 1) * PAGE,
        ..filter_of(&query, subject.as_ref())
    };
    let (filter_searched, filter_by_relevance) = (filter.search.is_some(), filter.by_relevance);
    let (notes, total, orgs) = state
        .db
        .read(move |c| {
            let (notes, total) = bank::search(c, &filter)?;
            Ok((notes, total, organisations::all(c)?))
        })
        .await?;
    let cap = if filter_searched {
        bank::SEARCH_CAP
    } else {
        bank::COUNT_CAP
    };
    let capped = total > cap;
    let total = total.min(cap);
    // A relevance search ranks the newest matches only: it pages through those.
    let ranked_window = capped && filter_by_relevance;
    let pages = ((total + PAGE - 1) / PAGE).max(1);
    // Past the count, a list newest first goes on as long as pages come back full.
    let open_ended = capped && !ranked_window;
    let more = if open_ended {
        notes.len() as i64 == PAGE
    } else {
        page < pages
    };
    let can_write = subject.is_some_and(|s| s.roles.contains(&Role::Strategist) || can_curate(&s));
    Ok(state
        .render(
            &ctx,
            "bank.html",
            context! {
                notes, total, capped, page, pages, more, open_ended, ranked_window,
                imported => query.imported, query, choices => choices(), organisations => orgs, can_write,
            },
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
    note_page(
        &state,
        &ctx,
        note,
        &FieldErrors::new(),
        &NoteActions::default(),
        None,
        &Views::new(),
    )
    .await
}

/// What was typed into the small forms of a note's page (kept when one is refused).
#[derive(Deserialize, Serialize, Default, Clone)]
pub struct NoteActions {
    #[serde(default)]
    to: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    into: String,
    /// "yes" once the editor has confirmed a merge.
    #[serde(default)]
    confirm: String,
}

/// A note's page: the note, how it hangs together with others (only notes the viewer may
/// see), its sources, and the actions the viewer may take. `cited` is what the form
/// citing a source sent back when it was refused.
pub(super) async fn note_page(
    state: &AppState,
    ctx: &Ctx,
    note: Note,
    errors: &FieldErrors,
    typed: &NoteActions,
    cited: Option<(CitationForm, FieldErrors)>,
    pickers: &Views,
) -> Result<Response, AppError> {
    let status = if errors.is_empty() && cited.is_none() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let id = note.id;
    let (parent, merged_into) = (note.parent_id, note.merged_into);
    let (links, children, merged_from, parent, merged_into) = state
        .db
        .read(move |c| {
            let (children, merged) = bank::related(c, id)?;
            let parent = parent.map(|p| bank::brief(c, p)).transpose()?.flatten();
            let into = merged_into
                .map(|p| bank::brief(c, p))
                .transpose()?
                .flatten();
            Ok((bank::links(c, id)?, children, merged, parent, into))
        })
        .await?;
    let subject = ctx.subject().ok();
    let sees = |b: &Brief| can_see_note(subject.as_ref(), b.status, b.organisation_id, b.public);
    let links: Vec<Link> = links.into_iter().filter(|l| sees(&l.other)).collect();
    let children: Vec<Brief> = children.into_iter().filter(|b| sees(b)).collect();
    let merged_from: Vec<Brief> = merged_from.into_iter().filter(|b| sees(b)).collect();
    let parent = parent.filter(|b| sees(b));
    let merged_into = merged_into.filter(|b| sees(b));
    let can_edit = subject.is_some_and(|s| can_edit_note(&s, note.status, note.organisation_id));
    let can_curate = subject.is_some_and(|s| can_curate(&s));
    let can_submit = note.status == NoteStatus::Draft
        && subject.is_some_and(|s| s.organisation_id == note.organisation_id || can_curate);
    let sources = super::sources::of_note(state, ctx, &note, cited).await?;
    let input = (state.db)
        .read(move |c| crate::storage::inputs::published_for_note(c, id))
        .await?;
    let wheel = consequences_of(state, ctx, id).await;
    let page = state.render(
        ctx,
        "note.html",
        context! {
            note, can_edit, can_curate, can_submit, links, children, merged_from, parent,
            merged_into, errors, typed, sources, input, pickers,
            wheel,
            link_kinds => LinkKind::ALL.iter().map(|k| k.key()).collect::<Vec<_>>(),
        },
    )?;
    Ok((status, page).into_response())
}

/// What the note's page says of its consequences (the futures wheel around it), for a
/// member in a programme with consequence phases: how many they see, and whether they
/// may write some.
async fn consequences_of(state: &AppState, ctx: &Ctx, id: i64) -> Option<minijinja::Value> {
    if crate::domain::consequence::phases(&state.programme).is_empty() {
        return None;
    }
    let viewer = ctx.viewer.as_ref()?;
    let centre = crate::domain::consequence::Centre::Note(id);
    let page =
        crate::app::consequence_pages::centre(&state.db, &state.programme, Some(viewer), centre)
            .await
            .ok()?;
    Some(context! {
        count => page.data.consequences.len(),
        can_write => page.can_write_shared || page.can_write_own,
    })
}

/// The note's page again with an error at the field of one of its small forms.
async fn refuse_on_note(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    field: &'static str,
    message: &'static str,
    typed: &NoteActions,
) -> Result<Response, AppError> {
    let views = picker::shown(state, ctx, typed).await?;
    refuse_with(
        state,
        ctx,
        id,
        &FieldErrors::one(field, message),
        typed,
        &views,
    )
    .await
}

/// The note's page again with `errors` at the fields of its small forms, and what their
/// pickers show (the matches of words typed, to pick from).
async fn refuse_with(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    errors: &FieldErrors,
    typed: &NoteActions,
    views: &Views,
) -> Result<Response, AppError> {
    let note = visible_note(state, ctx, id).await?;
    note_page(state, ctx, note, errors, typed, None, views).await
}

/// Links this note to another one: who may write the note may link it.
pub async fn add_link(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    sent: PickForm<NoteActions>,
) -> Result<Response, AppError> {
    editable_note(&state, &ctx, id).await?;
    let picked = sent.resolve(&state, &ctx).await?;
    let form = &picked.form;
    if picked.waits() {
        return refuse_with(&state, &ctx, id, &picked.errors(), form, &picked.views).await;
    }
    let Some(kind) = LinkKind::parse(form.kind.trim()) else {
        return refuse_on_note(&state, &ctx, id, "kind", "error-choose", form).await;
    };
    let Some(to) = note_number(&form.to) else {
        return refuse_on_note(&state, &ctx, id, "to", "error-note-number", form).await;
    };
    let user = ctx.user()?;
    match app::bank::link(&state.db, user, &ctx.actor(), id, to, kind).await? {
        NoteChange::Done => Ok(Redirect::to(&format!("/bank/{id}#links")).into_response()),
        NoteChange::Refused(message) => refuse_on_note(&state, &ctx, id, "to", message, form).await,
    }
}

pub async fn remove_link(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<NoteActions>,
) -> Result<Response, AppError> {
    editable_note(&state, &ctx, id).await?;
    let kind = LinkKind::parse(form.kind.trim()).ok_or(AppError::Unprocessable)?;
    let to = note_number(&form.to).ok_or(AppError::Unprocessable)?;
    let actor = ctx.actor();
    state
        .db
        .write(move |tx| {
            if bank::remove_link(tx, id, to, kind)? {
                audit::record(
                    tx,
                    &actor,
                    "note.unlink",
                    Some(&format!("note:{id}")),
                    Some(&format!("{} note:{to}", kind.key())),
                )?;
            }
            Ok(())
        })
        .await?;
    Ok(Redirect::to(&format!("/bank/{id}#links")).into_response())
}

/// Folds this note into another (editors and process leaders): its history and links
/// stay, the other note takes over its links, child notes and tags. Asked first, the
/// page says what will happen and asks for confirmation; confirmed, it is done.
pub async fn merge(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    sent: PickForm<NoteActions>,
) -> Result<Response, AppError> {
    visible_note(&state, &ctx, id).await?;
    let user = ctx.require(can_curate)?;
    let picked = sent.resolve(&state, &ctx).await?;
    let form = &picked.form;
    if picked.waits() {
        return refuse_with(&state, &ctx, id, &picked.errors(), form, &picked.views).await;
    }
    let Some(into) = note_number(&form.into) else {
        return refuse_on_note(&state, &ctx, id, "into", "error-note-number", form).await;
    };
    if form.confirm != "yes" {
        return match app::bank::merge_target(&state.db, user, id, into).await? {
            Ok(target) => confirm_page(&state, &ctx, id, "merge", Some(target)).await,
            Err(message) => refuse_on_note(&state, &ctx, id, "into", message, form).await,
        };
    }
    match app::bank::merge(&state.db, user, &ctx.actor(), id, into).await? {
        NoteChange::Done => Ok(Redirect::to(&format!("/bank/{into}")).into_response()),
        NoteChange::Refused(message) => {
            refuse_on_note(&state, &ctx, id, "into", message, form).await
        }
    }
}

/// The page asking an editor to confirm a merge (into `into`) or an archiving, saying
/// what it does and that it can be undone.
async fn confirm_page(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    action: &str,
    into: Option<Brief>,
) -> Result<Response, AppError> {
    let note = visible_note(state, ctx, id).await?;
    Ok(state
        .render(ctx, "note_confirm.html", context! { note, action, into })?
        .into_response())
}

/// Undoes a merge or an archiving (editors and process leaders): the note is in use
/// again, and its history keeps both the step and its undoing.
pub async fn restore(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    visible_note(&state, &ctx, id).await?;
    let user = ctx.require(can_curate)?;
    match app::bank::restore(&state.db, user, &ctx.actor(), id).await? {
        NoteChange::Done => Ok(Redirect::to(&format!("/bank/{id}")).into_response()),
        NoteChange::Refused(_) => Err(AppError::Unprocessable),
    }
}

#[derive(Deserialize, Default)]
pub struct PublicForm {
    #[serde(default)]
    public: String,
}

/// An editor shows a submitted or curated note to the public, or stops showing it.
pub async fn set_public(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<PublicForm>,
) -> Result<Response, AppError> {
    let note = visible_note(&state, &ctx, id).await?;
    let user = ctx.require(can_curate)?;
    let public = match form.public.as_str() {
        "1" | "true" => true,
        "0" | "false" => false,
        _ => return Err(AppError::Unprocessable),
    };
    if public && !matches!(note.status, NoteStatus::Submitted | NoteStatus::Curated) {
        return Err(AppError::Forbidden);
    }
    let (by, actor) = (user.id, ctx.actor());
    state
        .db
        .write(move |tx| {
            if bank::set_public(tx, id, public, by)? {
                audit::record(
                    tx,
                    &actor,
                    "note.public",
                    Some(&format!("note:{id}")),
                    Some(if public { "public" } else { "members" }),
                )?;
            }
            Ok(())
        })
        .await?;
    Ok(Redirect::to(&format!("/bank/{id}")).into_response())
}

fn phase_slugs(state: &AppState) -> Vec<&str> {
    state
        .programme
        .phases
        .iter()
        .map(|p| p.slug.as_str())
        .collect()
}

/// The form: for a new record (`id` none) or an edit.
fn form_page(
    id: Option<i64>,
    form: &impl Serialize,
    errors: &FieldErrors,
    pickers: &Views,
) -> FormPage {
    FormPage::new("note_form.html", form, errors)
        .with(context! { id, choices => choices(), pickers })
}

/// What the picker fields of a page show, by field.
pub(super) type Views = BTreeMap<&'static str, FieldView>;

impl Picks for NoteForm {
    fn pick_fields() -> Vec<PickField> {
        vec![PickField::note("parent")]
    }
}

impl Picks for NoteActions {
    fn pick_fields() -> Vec<PickField> {
        vec![PickField::note("to"), PickField::note("into")]
    }
}

/// The parent note, if one is named, must exist and stand higher on the ladder.
async fn parent_error(
    state: &AppState,
    id: Option<i64>,
    valid: &ValidNote,
) -> Result<Option<&'static str>, AppError> {
    let Some(parent_id) = valid.parent else {
        return Ok(None);
    };
    let parent = state.db.read(move |c| bank::brief(c, parent_id)).await?;
    Ok(check_parent(
        id,
        valid.note_type,
        parent_id,
        parent.map(|p| (p.note_type, p.status)),
    )
    .err())
}

pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(|s| s.roles.contains(&Role::Strategist) || can_curate(s))?;
    let form = NoteForm {
        note_type: "trend".into(),
        ..Default::default()
    };
    form_page(None, &form, &FieldErrors::new(), &Views::new()).render(&state, &ctx)
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
    sent: PickForm<NoteForm>,
) -> Result<Response, AppError> {
    let user = ctx.require(|s| s.roles.contains(&Role::Strategist) || can_curate(s))?;
    let picked = sent.resolve(&state, &ctx).await?;
    let (form, views) = (&picked.form, &picked.views);
    let validated = form.validate(&phase_slugs(&state));
    if picked.waits() {
        let errors = picked.errors_with(validated.err());
        return form_page(None, form, &errors, views).render(&state, &ctx);
    }
    let valid = match validated {
        Ok(valid) => valid,
        Err(errors) => return form_page(None, form, &errors, views).render(&state, &ctx),
    };
    if let Some(message) = parent_error(&state, None, &valid).await? {
        let errors = FieldErrors::one("parent", message);
        return form_page(None, form, &errors, views).render(&state, &ctx);
    }
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
        parent: note.parent_id.map(|p| p.to_string()).unwrap_or_default(),
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
    let form = form_of(&note);
    let views = picker::shown(&state, &ctx, &form).await?;
    form_page(Some(id), &form, &FieldErrors::new(), &views).render(&state, &ctx)
}

/// Saves an edit. If someone saved in between, nothing is overwritten: the form comes back
/// with what was typed and the other person's version beside it.
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    sent: PickForm<NoteForm>,
) -> Result<Response, AppError> {
    editable_note(&state, &ctx, id).await?;
    let picked = sent.resolve(&state, &ctx).await?;
    let validated = picked.form.validate(&phase_slugs(&state));
    if picked.waits() {
        let errors = picked.errors_with(validated.err());
        return form_page(Some(id), &picked.form, &errors, &picked.views).render(&state, &ctx);
    }
    let Picked { form, views, .. } = picked;
    let valid = match validated {
        Ok(valid) => valid,
        Err(errors) => return form_page(Some(id), &form, &errors, &views).render(&state, &ctx),
    };
    let base: i64 = form
        .version
        .trim()
        .parse()
        .map_err(|_| AppError::Unprocessable)?;
    let user = ctx.user()?;
    match app::bank::update(&state.db, user, &ctx.actor(), id, base, valid).await? {
        NoteEdit::Saved => Ok(Redirect::to(&format!("/bank/{id}")).into_response()),
        NoteEdit::Refused(errors) => {
            form_page(Some(id), &form, &errors, &views).render(&state, &ctx)
        }
        NoteEdit::Stale(newer) => {
            let mut form = form;
            form.version = newer.version.to_string();
            let errors = FieldErrors::one("version", "error-stale-edit");
            form_page(Some(id), &form, &errors, &views)
                .stale(&newer)
                .render(&state, &ctx)
        }
    }
}

#[derive(Deserialize, Default)]
pub struct StatusForm {
    #[serde(default)]
    to: String,
    /// "yes" once the editor has confirmed an archiving.
    #[serde(default)]
    confirm: String,
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
    if to == NoteStatus::Archived && form.confirm != "yes" {
        return confirm_page(&state, &ctx, id, "archive", None).await;
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
    let subject = ctx.subject()?;
    let can_edit = can_edit_note(&subject, note.status, note.organisation_id);
    let revisions = state.db.read(move |c| bank::revisions(c, id)).await?;
    // Newest first: each revision is compared with the one before it.
    let (names, diffs): (Vec<Vec<String>>, Vec<_>) = revisions
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let older = revisions.get(i + 1).and_then(|o| o.note.as_ref());
            match (older, &r.note) {
                (Some(before), Some(now)) => (changed_fields(before, now), changes(before, now)),
                _ => (Vec::new(), Vec::new()),
            }
        })
        .unzip();
    Ok(state
        .render(
            &ctx,
            "note_history.html",
            context! { note, revisions, changes => names, diffs, can_edit },
        )?
        .into_response())
}

#[derive(Deserialize, Default)]
pub struct RevisionForm {
    #[serde(default)]
    revision: String,
    #[serde(default)]
    version: String,
}

/// Restores an old revision's text (who may write the note): a new revision; refused,
/// the edit form shows the restored text with the error at its field.
pub async fn restore_revision(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<RevisionForm>,
) -> Result<Response, AppError> {
    editable_note(&state, &ctx, id).await?;
    let number = |text: &str| {
        text.trim()
            .parse::<i64>()
            .map_err(|_| AppError::Unprocessable)
    };
    let (wanted, base) = (number(&form.revision)?, number(&form.version)?);
    let phases = phase_slugs(&state).into_iter().map(String::from).collect();
    let user = ctx.user()?;
    let actor = ctx.actor();
    match app::bank::restore_revision(&state.db, user, &actor, id, wanted, base, phases).await? {
        (NoteEdit::Saved, _) => Ok(Redirect::to(&format!("/bank/{id}/history")).into_response()),
        (NoteEdit::Refused(errors), restored) => {
            let views = picker::shown(&state, &ctx, &restored).await?;
            form_page(Some(id), &restored, &errors, &views).render(&state, &ctx)
        }
        (NoteEdit::Stale(_), _) => Err(AppError::Unprocessable),
    }
}

/// Names of types, categories and time bands in every interface language, lower-cased,
/// to the keys an import stores.
fn import_labels() -> HashMap<String, String> {
    let mut labels = HashMap::new();
    for lang in Lang::ALL {
        let mut add = |prefix: &str, key: &str| {
            let name = i18n::text(lang, &format!("{prefix}{key}")).to_lowercase();
            labels.insert(name, key.to_string());
        };
        for t in NoteType::ALL {
            add("note-type-", t.key());
        }
        for c in Category::ALL {
            add("steep-", c.key());
        }
        for b in TimeBand::ALL {
            add("band-", b.key());
        }
    }
    labels
}

fn import_page(
    state: &AppState,
    ctx: &Ctx,
    errors: &[ImportError],
    status: StatusCode,
) -> Result<Response, AppError> {
    let page = state.render(
        ctx,
        "bank_import.html",
        context! { errors, columns => CSV_COLUMNS, max_rows => IMPORT_MAX_ROWS },
    )?;
    Ok((status, page).into_response())
}

pub async fn import_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(can_import)?;
    import_page(&state, &ctx, &[], StatusCode::OK)
}

/// Imports notes from a CSV file as drafts of one's own organisation. A file with any bad
/// row imports nothing and comes back with every problem, row by row.
pub async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let user = ctx.require(can_import)?;
    let mut data = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|_| AppError::Unprocessable)?
    {
        if field.name() == Some("file") {
            data = Some(field.bytes().await.map_err(|_| AppError::TooLarge)?);
        }
    }
    let missing = || ImportError {
        row: 0,
        column: String::new(),
        message: "error-import-no-file",
    };
    let parsed = match data.filter(|d| !d.is_empty()) {
        Some(data) => parse_import(&data, &phase_slugs(&state), &import_labels()),
        None => Err(vec![missing()]),
    };
    let notes = match parsed {
        Ok(notes) => notes,
        Err(errors) => return import_page(&state, &ctx, &errors, StatusCode::UNPROCESSABLE_ENTITY),
    };
    let org = user.organisation_id;
    match app::bank::import(&state.db, user, &ctx.actor(), notes).await? {
        ImportOutcome::Imported(count) => Ok(Redirect::to(&format!(
            "/bank?organisation={org}&status=draft&imported={count}"
        ))
        .into_response()),
        ImportOutcome::Refused(errors) => {
            import_page(&state, &ctx, &errors, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}
