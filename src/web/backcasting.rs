//! The backcasting pages: the overview of the programme's backcasting phases with the
//! visions a viewer sees, a vision's page (its statement, the scenarios it builds on,
//! its milestones by year and its actions), the forms of a vision, a milestone and an
//! action (new and edit, errors at their fields with all that was typed kept, stale
//! edits refused with the newer version shown), their histories, removing them,
//! publishing a vision and adopting the shared one. A programme without backcasting
//! phases has none of these pages.

use std::collections::BTreeMap;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::{Value, context};
use serde::{Deserialize, Serialize};

use super::forms::{Form, FormPage, local_path};
use super::{AppError, AppState, Ctx};
use crate::app;
use crate::app::backcasting::{ItemTarget, Saved, VisionTarget};
use crate::app::backcasting_pages::{self as pages, VisionPage};
use crate::domain::backcasting::{
    self, ACTION_FIELDS, ActionStatus, Errors, ItemKind, MILESTONE_FIELDS, MilestoneKind, Start,
    Typed, VISION_FIELDS, numbers,
};
use crate::domain::lang::Localized;

/// The backcasting pages: only in a programme with backcasting phases (elsewhere every
/// one of them is not found).
pub fn backcasting_routes(state: &AppState) -> Router<AppState> {
    if backcasting::phases(&state.programme).is_empty() {
        return Router::new();
    }
    Router::new()
        .route("/backcasting", get(overview))
        .route("/visions/new", get(vision_new).post(vision_create))
        .route("/visions/{id}", get(vision_show))
        .route("/visions/{id}/edit", get(vision_edit).post(vision_update))
        .route("/visions/{id}/history", get(vision_history))
        .route("/visions/{id}/remove", post(vision_remove))
        .route("/visions/{id}/public", post(vision_public))
        .route("/visions/{id}/adopt", post(vision_adopt))
        .route(
            "/visions/{id}/milestones/new",
            get(milestone_new).post(milestone_create),
        )
        .route("/milestones/{id}", get(milestone_show))
        .route(
            "/milestones/{id}/edit",
            get(milestone_edit).post(milestone_update),
        )
        .route("/milestones/{id}/history", get(milestone_history))
        .route("/milestones/{id}/remove", post(milestone_remove))
        .route(
            "/visions/{id}/actions/new",
            get(action_new).post(action_create),
        )
        .route("/actions/{id}", get(action_show))
        .route("/actions/{id}/edit", get(action_edit).post(action_update))
        .route("/actions/{id}/history", get(action_history))
        .route("/actions/{id}/remove", post(action_remove))
}

/// A form as sent, every field by name; the values of a name sent more than once (the
/// checkboxes) joined by newlines, as the rules read lists.
fn typed(fields: Vec<(String, String)>) -> Typed {
    let mut typed = Typed::new();
    for (name, value) in fields {
        typed
            .entry(name)
            .and_modify(|v: &mut String| {
                v.push('\n');
                v.push_str(&value);
            })
            .or_insert(value);
    }
    typed
}

/// The names of the programme's levels and phases, the keys of the kinds, starts and
/// statuses, for the templates.
fn names(state: &AppState) -> Value {
    let levels: BTreeMap<String, Localized> = state
        .programme
        .consequence_levels
        .iter()
        .map(|t| (t.slug.clone(), t.name.clone()))
        .collect();
    let phases: BTreeMap<String, Localized> = state
        .programme
        .phases
        .iter()
        .map(|p| (p.slug.clone(), p.title.clone()))
        .collect();
    context! {
        level_names => levels,
        levels => &state.programme.consequence_levels,
        phase_names => phases,
        kinds => MilestoneKind::ALL.iter().map(|k| k.key()).collect::<Vec<_>>(),
        starts => Start::ALL.iter().map(|k| k.key()).collect::<Vec<_>>(),
        statuses => ActionStatus::ALL.iter().map(|k| k.key()).collect::<Vec<_>>(),
    }
}

/// The numbers a list field holds as typed, as strings (for checkboxes to stay ticked).
fn picked(typed: &Typed, name: &str) -> Vec<String> {
    numbers(typed.get(name).map(String::as_str).unwrap_or(""))
        .unwrap_or_default()
        .iter()
        .map(i64::to_string)
        .collect()
}

fn version(typed: &Typed) -> Result<i64, AppError> {
    typed
        .get("version")
        .map(|v| v.trim())
        .unwrap_or("")
        .parse()
        .map_err(|_| AppError::Unprocessable)
}

// ---- The overview --------------------------------------------------------------------

pub async fn overview(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let phases = pages::overview(&state.db, &state.programme, ctx.viewer.as_ref()).await?;
    let total: usize = phases.iter().map(|p| p.visions.len()).sum();
    Ok(state
        .render(
            &ctx,
            "backcasting.html",
            context! { phases, total, ..names(&state) },
        )?
        .into_response())
}

// ---- A vision ------------------------------------------------------------------------

/// A vision's page; `refusal` says why a removal or publishing was refused.
fn vision_view(
    state: &AppState,
    ctx: &Ctx,
    page: &VisionPage,
    refusal: Option<&'static str>,
) -> Result<Response, AppError> {
    let html = state.render(
        ctx,
        "vision.html",
        context! { p => page, v => &page.view.vision, refusal, ..names(state) },
    )?;
    let status = if refusal.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::OK
    };
    Ok((status, html).into_response())
}

pub async fn vision_show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let page = pages::vision_page(&state.db, ctx.viewer.as_ref(), id).await?;
    vision_view(&state, &ctx, &page, None)
}

/// `?phase=SLUG&organisation=ID` of a new vision.
#[derive(Deserialize, Serialize, Default, Clone)]
pub struct NewVisionQuery {
    #[serde(default)]
    phase: String,
    #[serde(default)]
    organisation: String,
}

impl NewVisionQuery {
    fn organisation(&self) -> Result<Option<i64>, AppError> {
        match self.organisation.trim() {
            "" => Ok(None),
            o => o.parse().map(Some).map_err(|_| AppError::NotFound),
        }
    }
}

/// The vision form: a new one (`query`) or an edit of `editing`.
fn vision_form(
    state: &AppState,
    action: String,
    scenarios: &[crate::storage::scenarios::Scenario],
    editing: Option<&VisionPage>,
    phase: &str,
    typed: &Typed,
    errors: &Errors,
) -> FormPage {
    let mut form = typed.clone();
    for name in VISION_FIELDS.iter().chain(["version"].iter()) {
        form.entry(name.to_string()).or_default();
    }
    let chosen = picked(typed, "scenarios");
    FormPage::new("vision_form.html", form, errors).with(context! {
        action, scenarios, chosen, phase,
        editing => editing.map(|p| &p.view.vision),
        ..names(state)
    })
}

pub async fn vision_new(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<NewVisionQuery>,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let organisation = query.organisation()?;
    let phase = query.phase.trim();
    let new = pages::new_vision(&state.db, &state.programme, user, phase, organisation).await?;
    let action = new_vision_action(&query);
    let mut typed = Typed::new();
    // A new vision starts on every scenario of the set; the writer takes away those
    // it does not build on.
    let all: Vec<String> = new.scenarios.iter().map(|s| s.id.to_string()).collect();
    typed.insert("scenarios".into(), all.join("\n"));
    vision_form(
        &state,
        action,
        &new.scenarios,
        None,
        phase,
        &typed,
        &Errors::new(),
    )
    .render(&state, &ctx)
}

fn new_vision_action(query: &NewVisionQuery) -> String {
    let mut action = format!(
        "/visions/new?phase={}",
        super::forms::encode_component(query.phase.trim())
    );
    if !query.organisation.trim().is_empty() {
        action.push_str(&format!(
            "&organisation={}",
            super::forms::encode_component(query.organisation.trim())
        ));
    }
    action
}

pub async fn vision_create(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<NewVisionQuery>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let organisation = query.organisation()?;
    let phase = query.phase.trim().to_string();
    let new = pages::new_vision(&state.db, &state.programme, user, &phase, organisation).await?;
    let typed = typed(fields);
    let action = new_vision_action(&query);
    if ctx.unsaved.is_some() {
        return vision_form(
            &state,
            action,
            &new.scenarios,
            None,
            &phase,
            &typed,
            &Errors::new(),
        )
        .render(&state, &ctx);
    }
    let target = VisionTarget::New {
        phase: phase.clone(),
        organisation,
    };
    let (db, programme, actor) = (&state.db, &state.programme, ctx.actor());
    match app::backcasting::save_vision(db, programme, user, &actor, target, typed.clone()).await? {
        Saved::Saved(id) => Ok(Redirect::to(&format!("/visions/{id}")).into_response()),
        Saved::Refused(errors) => vision_form(
            &state,
            action,
            &new.scenarios,
            None,
            &phase,
            &typed,
            &errors,
        )
        .render(&state, &ctx),
        Saved::Stale(_) => Err(AppError::Unprocessable),
    }
}

pub async fn vision_edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let page = pages::writable_vision(&state.db, ctx.user()?, ItemKind::Vision, id).await?;
    let v = &page.view.vision;
    let mut typed = backcasting::vision_fields(&v.valid());
    typed.insert("version".into(), v.version.to_string());
    let action = format!("/visions/{id}/edit");
    let phase = v.phase_slug.clone();
    vision_form(
        &state,
        action,
        &page.view.scenarios,
        Some(&page),
        &phase,
        &typed,
        &Errors::new(),
    )
    .render(&state, &ctx)
}

pub async fn vision_update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let page = pages::writable_vision(&state.db, user, ItemKind::Vision, id).await?;
    let mut typed = typed(fields);
    let action = format!("/visions/{id}/edit");
    let phase = page.view.vision.phase_slug.clone();
    let scenarios = page.view.scenarios.clone();
    if ctx.unsaved.is_some() {
        return vision_form(
            &state,
            action,
            &scenarios,
            Some(&page),
            &phase,
            &typed,
            &Errors::new(),
        )
        .render(&state, &ctx);
    }
    let base = version(&typed)?;
    let target = VisionTarget::Edit { id, base };
    let (db, programme, actor) = (&state.db, &state.programme, ctx.actor());
    match app::backcasting::save_vision(db, programme, user, &actor, target, typed.clone()).await? {
        Saved::Saved(id) => Ok(Redirect::to(&format!("/visions/{id}")).into_response()),
        Saved::Refused(errors) => vision_form(
            &state,
            action,
            &scenarios,
            Some(&page),
            &phase,
            &typed,
            &errors,
        )
        .render(&state, &ctx),
        Saved::Stale(newer) => {
            typed.insert("version".into(), newer.version.to_string());
            let mut errors = Errors::new();
            errors.insert("version".into(), "error-stale-edit");
            vision_form(
                &state,
                action,
                &scenarios,
                Some(&page),
                &phase,
                &typed,
                &errors,
            )
            .stale(&newer)
            .render(&state, &ctx)
        }
    }
}

#[derive(Deserialize, Default)]
pub struct RemoveForm {
    #[serde(default)]
    version: String,
}

impl RemoveForm {
    fn base(&self) -> Result<i64, AppError> {
        self.version
            .trim()
            .parse()
            .map_err(|_| AppError::Unprocessable)
    }
}

/// Removes a vision, milestone or action; a refusal (a vision not yet empty, or changed
/// since) comes back on the vision's page.
async fn remove(
    state: &AppState,
    ctx: &Ctx,
    kind: ItemKind,
    id: i64,
    form: RemoveForm,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let page = pages::page_of_item(&state.db, Some(user), kind, id).await?;
    let base = form.base()?;
    let actor = ctx.actor();
    match app::backcasting::remove(&state.db, user, &actor, kind, id, base).await {
        Ok(vision) => Ok(Redirect::to(&match kind {
            ItemKind::Vision => "/backcasting".to_string(),
            _ => format!("/visions/{vision}"),
        })
        .into_response()),
        Err(app::Error::Refused(reason)) if page.can_edit => {
            vision_view(state, ctx, &page, Some(reason))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn vision_remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<RemoveForm>,
) -> Result<Response, AppError> {
    remove(&state, &ctx, ItemKind::Vision, id, form).await
}

#[derive(Deserialize, Default)]
pub struct PublicForm {
    #[serde(default)]
    public: String,
}

/// Publishes a vision to visitors (`public=true`) or takes it back.
pub async fn vision_public(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<PublicForm>,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let public = matches!(form.public.trim(), "true" | "1" | "on" | "yes");
    let actor = ctx.actor();
    match app::backcasting::publish(&state.db, user, &actor, id, public).await {
        Ok(()) => Ok(Redirect::to(&format!("/visions/{id}")).into_response()),
        Err(app::Error::Refused(reason)) => {
            let page = pages::vision_page(&state.db, Some(user), id).await?;
            vision_view(&state, &ctx, &page, Some(reason))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
pub struct AdoptForm {
    #[serde(default)]
    organisation: String,
    /// Where to go afterwards (a path on this site), e.g. back to the home assignment.
    #[serde(default)]
    next: String,
}

/// An organisation adopts the shared vision as its own, then goes on to it (or to a
/// safe `next`).
pub async fn vision_adopt(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<AdoptForm>,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let organisation: i64 = match form.organisation.trim() {
        "" => user.organisation_id,
        o => o.parse().map_err(|_| AppError::Unprocessable)?,
    };
    let actor = ctx.actor();
    let new = app::backcasting::adopt(&state.db, user, &actor, id, organisation).await?;
    let to = match form.next.trim() {
        "" => format!("/visions/{new}"),
        next => local_path(Some(next)),
    };
    Ok(Redirect::to(&to).into_response())
}

// ---- History -------------------------------------------------------------------------

async fn history(
    state: &AppState,
    ctx: &Ctx,
    kind: ItemKind,
    id: i64,
) -> Result<Response, AppError> {
    let (page, entries) = pages::history(&state.db, ctx.user()?, kind, id).await?;
    let organisations: BTreeMap<String, String> = pages::organisations(&state.db)
        .await?
        .into_iter()
        .map(|o| (o.id.to_string(), o.name))
        .collect();
    Ok(state
        .render(
            ctx,
            "backcasting_history.html",
            context! {
                p => &page, v => &page.view.vision, kind => kind.key(), id, entries, organisations,
                ..names(state)
            },
        )?
        .into_response())
}

pub async fn vision_history(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    history(&state, &ctx, ItemKind::Vision, id).await
}

pub async fn milestone_history(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    history(&state, &ctx, ItemKind::Milestone, id).await
}

pub async fn action_history(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    history(&state, &ctx, ItemKind::Action, id).await
}

// ---- Milestones and actions ----------------------------------------------------------

/// A milestone's or action's page: its vision's page showing the one item.
async fn item_show(
    state: &AppState,
    ctx: &Ctx,
    kind: ItemKind,
    id: i64,
) -> Result<Response, AppError> {
    let page = pages::page_of_item(&state.db, ctx.viewer.as_ref(), kind, id).await?;
    let (template, item) = match kind {
        ItemKind::Milestone => (
            "milestone.html",
            (page.view.milestones.iter())
                .find(|j| j.item.id == id)
                .map(Value::from_serialize),
        ),
        _ => (
            "action.html",
            (page.view.actions.iter())
                .find(|j| j.item.id == id)
                .map(Value::from_serialize),
        ),
    };
    let item = item.ok_or(AppError::NotFound)?;
    Ok(state
        .render(
            ctx,
            template,
            context! { p => &page, v => &page.view.vision, id, item, ..names(state) },
        )?
        .into_response())
}

pub async fn milestone_show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    item_show(&state, &ctx, ItemKind::Milestone, id).await
}

pub async fn action_show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    item_show(&state, &ctx, ItemKind::Action, id).await
}

/// The milestone or action form of vision `page`: a new one, or an edit of `editing`.
async fn item_form(
    state: &AppState,
    kind: ItemKind,
    page: &VisionPage,
    editing: Option<i64>,
    typed: &Typed,
    errors: &Errors,
) -> Result<FormPage, AppError> {
    let vision = page.view.vision.id;
    let (template, fields, action) = match (kind, editing) {
        (ItemKind::Milestone, Some(id)) => (
            "milestone_form.html",
            &MILESTONE_FIELDS[..],
            format!("/milestones/{id}/edit"),
        ),
        (ItemKind::Milestone, None) => (
            "milestone_form.html",
            &MILESTONE_FIELDS[..],
            format!("/visions/{vision}/milestones/new"),
        ),
        (_, Some(id)) => (
            "action_form.html",
            &ACTION_FIELDS[..],
            format!("/actions/{id}/edit"),
        ),
        (_, None) => (
            "action_form.html",
            &ACTION_FIELDS[..],
            format!("/visions/{vision}/actions/new"),
        ),
    };
    let mut form = typed.clone();
    for name in fields.iter().chain(["version", "answers"].iter()) {
        form.entry(name.to_string()).or_default();
    }
    // A milestone's dependencies are among the vision's other milestones, earliest first.
    let mut milestones: Vec<&crate::storage::backcasting::Milestone> = page
        .view
        .milestones
        .iter()
        .map(|j| &j.item)
        .filter(|m| kind != ItemKind::Milestone || Some(m.id) != editing)
        .collect();
    milestones.sort_by_key(|m| (m.year, m.id));
    let organisations = match kind {
        ItemKind::Action => pages::organisations(&state.db).await?,
        _ => Vec::new(),
    };
    let list_field = if kind == ItemKind::Milestone {
        "depends_on"
    } else {
        "milestones"
    };
    Ok(FormPage::new(template, form, errors).with(context! {
        p => page, v => &page.view.vision, action, editing, milestones, organisations,
        chosen => picked(typed, list_field),
        ..names(state)
    }))
}

/// The vision of a new milestone or action, for someone who may write it now.
async fn new_item(
    state: &AppState,
    ctx: &Ctx,
    kind: ItemKind,
    vision: i64,
) -> Result<Response, AppError> {
    let page = pages::writable_vision(&state.db, ctx.user()?, ItemKind::Vision, vision).await?;
    let mut typed = Typed::new();
    if kind == ItemKind::Action {
        // The writer's organisation answers for its own vision's actions unless changed.
        if let Some(o) = page.view.vision.organisation_id {
            typed.insert("organisation".into(), o.to_string());
        }
        typed.insert("status".into(), ActionStatus::Proposed.key().into());
    }
    item_form(state, kind, &page, None, &typed, &Errors::new())
        .await?
        .render(state, ctx)
}

async fn save_item(
    state: &AppState,
    ctx: &Ctx,
    kind: ItemKind,
    target: ItemTarget,
    typed: Typed,
) -> Result<Result<i64, (Errors, Option<i64>)>, AppError> {
    let (db, programme, actor, user) = (&state.db, &state.programme, ctx.actor(), ctx.user()?);
    // The newer version of a stale edit, as its number.
    Ok(match kind {
        ItemKind::Milestone => {
            match app::backcasting::save_milestone(db, programme, user, &actor, target, typed)
                .await?
            {
                Saved::Saved(id) => Ok(id),
                Saved::Refused(errors) => Err((errors, None)),
                Saved::Stale(newer) => Err((Errors::new(), Some(newer.version))),
            }
        }
        _ => match app::backcasting::save_action(db, user, &actor, target, typed).await? {
            Saved::Saved(id) => Ok(id),
            Saved::Refused(errors) => Err((errors, None)),
            Saved::Stale(newer) => Err((Errors::new(), Some(newer.version))),
        },
    })
}

fn item_path(kind: ItemKind, id: i64) -> String {
    match kind {
        ItemKind::Milestone => format!("/milestones/{id}"),
        ItemKind::Action => format!("/actions/{id}"),
        ItemKind::Vision => format!("/visions/{id}"),
    }
}

async fn create_item(
    state: &AppState,
    ctx: &Ctx,
    kind: ItemKind,
    vision: i64,
    fields: Vec<(String, String)>,
) -> Result<Response, AppError> {
    let page = pages::writable_vision(&state.db, ctx.user()?, ItemKind::Vision, vision).await?;
    let typed = typed(fields);
    if ctx.unsaved.is_some() {
        return item_form(state, kind, &page, None, &typed, &Errors::new())
            .await?
            .render(state, ctx);
    }
    let target = ItemTarget::New { vision };
    match save_item(state, ctx, kind, target, typed.clone()).await? {
        Ok(id) => Ok(Redirect::to(&item_path(kind, id)).into_response()),
        Err((errors, _)) => item_form(state, kind, &page, None, &typed, &errors)
            .await?
            .render(state, ctx),
    }
}

/// The milestone or action as stored, for its edit form (with the newer version of a
/// stale edit).
fn stored_fields(page: &VisionPage, kind: ItemKind, id: i64) -> Result<Typed, AppError> {
    let (mut typed, version) = match kind {
        ItemKind::Milestone => {
            let m = (page.view.milestones.iter())
                .find(|j| j.item.id == id)
                .ok_or(AppError::NotFound)?;
            (
                backcasting::milestone_fields(&m.item.valid()),
                m.item.version,
            )
        }
        _ => {
            let a = (page.view.actions.iter())
                .find(|j| j.item.id == id)
                .ok_or(AppError::NotFound)?;
            (backcasting::action_fields(&a.item.valid()), a.item.version)
        }
    };
    typed.insert("version".into(), version.to_string());
    Ok(typed)
}

async fn edit_item(
    state: &AppState,
    ctx: &Ctx,
    kind: ItemKind,
    id: i64,
) -> Result<Response, AppError> {
    let page = pages::writable_vision(&state.db, ctx.user()?, kind, id).await?;
    let typed = stored_fields(&page, kind, id)?;
    item_form(state, kind, &page, Some(id), &typed, &Errors::new())
        .await?
        .render(state, ctx)
}

/// Saves an edit; someone else's newer version is shown beside what was typed, nothing
/// overwritten.
async fn update_item(
    state: &AppState,
    ctx: &Ctx,
    kind: ItemKind,
    id: i64,
    fields: Vec<(String, String)>,
) -> Result<Response, AppError> {
    let page = pages::writable_vision(&state.db, ctx.user()?, kind, id).await?;
    let mut typed = typed(fields);
    if ctx.unsaved.is_some() {
        return item_form(state, kind, &page, Some(id), &typed, &Errors::new())
            .await?
            .render(state, ctx);
    }
    let base = version(&typed)?;
    let target = ItemTarget::Edit { id, base };
    match save_item(state, ctx, kind, target, typed.clone()).await? {
        Ok(id) => Ok(Redirect::to(&item_path(kind, id)).into_response()),
        Err((errors, None)) => item_form(state, kind, &page, Some(id), &typed, &errors)
            .await?
            .render(state, ctx),
        Err((_, Some(newer_version))) => {
            // The page read before the save may be older still: read the newer one.
            let fresh = pages::page_of_item(&state.db, ctx.viewer.as_ref(), kind, id).await?;
            let newer = stored_fields(&fresh, kind, id)?;
            typed.insert("version".into(), newer_version.to_string());
            let mut errors = Errors::new();
            errors.insert("version".into(), "error-stale-edit");
            item_form(state, kind, &fresh, Some(id), &typed, &errors)
                .await?
                .stale(&newer)
                .render(state, ctx)
        }
    }
}

pub async fn milestone_new(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    new_item(&state, &ctx, ItemKind::Milestone, id).await
}

pub async fn milestone_create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    create_item(&state, &ctx, ItemKind::Milestone, id, fields).await
}

pub async fn milestone_edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    edit_item(&state, &ctx, ItemKind::Milestone, id).await
}

pub async fn milestone_update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    update_item(&state, &ctx, ItemKind::Milestone, id, fields).await
}

pub async fn milestone_remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<RemoveForm>,
) -> Result<Response, AppError> {
    remove(&state, &ctx, ItemKind::Milestone, id, form).await
}

pub async fn action_new(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    new_item(&state, &ctx, ItemKind::Action, id).await
}

pub async fn action_create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    create_item(&state, &ctx, ItemKind::Action, id, fields).await
}

pub async fn action_edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    edit_item(&state, &ctx, ItemKind::Action, id).await
}

pub async fn action_update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    update_item(&state, &ctx, ItemKind::Action, id, fields).await
}

pub async fn action_remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<RemoveForm>,
) -> Result<Response, AppError> {
    remove(&state, &ctx, ItemKind::Action, id, form).await
}
