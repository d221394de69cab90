//! Scenario sets and their scenarios: the list by phase, a set's page with its cross,
//! the set and scenario forms (stale edits refused with the newer version shown), the
//! scenario page with its comments, and the histories. A programme without scenario
//! phases has none of these pages.

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::{Value, context};
use serde::{Deserialize, Serialize};

use super::forms::{Form, FormPage};
use super::{AppError, AppState, Ctx};
use crate::app;
use crate::app::scenarios::{Commented, ScenarioSaved, SetChoices, SetSaved};
use crate::domain::bank::can_curate;
use crate::domain::form::FieldErrors;
use crate::domain::scenario::{
    self, Errors, Method, Quadrant, SIGNPOSTS_MAX, SetForm, SetStatus, Typed, can_comment,
    can_move, can_write,
};
use crate::storage::scenarios::{Scenario, Set};

/// The routes of the scenario pages.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/scenarios", get(list))
        .route("/scenario-sets/new", get(new_set_form).post(create_set))
        .route("/scenario-sets/{id}", get(show_set))
        .route(
            "/scenario-sets/{id}/edit",
            get(edit_set_form).post(update_set),
        )
        .route("/scenario-sets/{id}/status", post(move_set))
        .route("/scenario-sets/{id}/public", post(make_public))
        .route("/scenario-sets/{id}/history", get(set_history))
        .route(
            "/scenario-sets/{id}/scenarios/new",
            get(new_scenario_form).post(create_scenario),
        )
        .route("/scenarios/{id}", get(show_scenario))
        .route(
            "/scenarios/{id}/edit",
            get(edit_scenario_form).post(update_scenario),
        )
        .route("/scenarios/{id}/history", get(scenario_history))
        .route("/scenarios/{id}/comments", post(comment))
}

/// The phases that hold sets; a programme with none has no scenario pages (404).
fn phases(state: &AppState) -> Result<Vec<&str>, AppError> {
    let phases = scenario::phases(&state.programme);
    if phases.is_empty() {
        Err(AppError::NotFound)
    } else {
        Ok(phases)
    }
}

/// The scenario phases with their titles, for the list and the set form.
fn phase_values(state: &AppState) -> Result<Vec<Value>, AppError> {
    let slugs = phases(state)?;
    Ok(state
        .programme
        .phases
        .iter()
        .filter(|p| slugs.contains(&p.slug.as_str()))
        .map(|p| context! { slug => &p.slug, title => &p.title })
        .collect())
}

fn writes(ctx: &Ctx) -> bool {
    ctx.subject().ok().is_some_and(|s| can_write(&s))
}

/// `/scenarios`: the sets by phase, as the viewer may see them.
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let slugs = phases(&state)?;
    let rows = app::scenarios::list(&state.db, &state.programme, ctx.viewer.as_ref()).await?;
    let phases: Vec<Value> = state
        .programme
        .phases
        .iter()
        .filter(|p| slugs.contains(&p.slug.as_str()))
        .map(|p| {
            let sets: Vec<&app::scenarios::SetRow> =
                rows.iter().filter(|r| r.set.phase_slug == p.slug).collect();
            context! { slug => &p.slug, title => &p.title, sets }
        })
        .collect();
    Ok(state
        .render(
            &ctx,
            "scenarios.html",
            context! { phases, can_write => writes(&ctx) },
        )?
        .into_response())
}

#[derive(Deserialize, Default)]
pub struct NewSet {
    #[serde(default)]
    phase: Option<String>,
    #[serde(default)]
    round: Option<String>,
}

impl NewSet {
    fn round(&self) -> Result<Option<i64>, AppError> {
        match self.round.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(r) => r.parse().map(Some).map_err(|_| AppError::NotFound),
        }
    }

    /// The address the form is sent back to, with the round it was made from.
    fn action(&self, round: Option<i64>) -> String {
        match round {
            Some(r) => format!("/scenario-sets/new?round={r}"),
            None => "/scenario-sets/new".to_string(),
        }
    }
}

fn set_form_page(
    state: &AppState,
    id: Option<i64>,
    action: String,
    form: &SetForm,
    errors: &FieldErrors,
    choices: &SetChoices,
) -> Result<FormPage, AppError> {
    let methods: Vec<&str> = Method::ALL.iter().map(|m| m.key()).collect();
    Ok(
        FormPage::new("scenario_set_form.html", form, errors).with(context! {
            id, action, choices, methods, phases => phase_values(state)?,
        }),
    )
}

/// `/scenario-sets/new?phase=&round=`: the form of a new set, its focal question and
/// horizon the programme's; from a round's driver map, its critical uncertainties offered
/// first and its predetermined notes filled in.
pub async fn new_set_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<NewSet>,
) -> Result<Response, AppError> {
    let slugs = phases(&state)?;
    let user = ctx.require(can_write)?;
    let round = query.round()?;
    let choices = app::scenarios::set_choices(&state.db, user, round).await?;
    let phase = query
        .phase
        .as_deref()
        .filter(|p| slugs.contains(p))
        .unwrap_or(slugs[0]);
    let programme = &state.programme;
    let focal = programme
        .focal_question
        .as_ref()
        .map(|q| q.pick(ctx.lang, programme.default_language).to_string())
        .unwrap_or_default();
    let mut form = SetForm::new(phase, &focal, programme.horizon);
    form.predetermined = choices
        .predetermined
        .iter()
        .map(|n| n.id.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    set_form_page(
        &state,
        None,
        query.action(round),
        &form,
        &FieldErrors::new(),
        &choices,
    )?
    .render(&state, &ctx)
}

/// Makes a new set (a draft) and shows it.
pub async fn create_set(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<NewSet>,
    Form(form): Form<SetForm>,
) -> Result<Response, AppError> {
    let slugs = phases(&state)?;
    let user = ctx.require(can_write)?;
    let round = query.round()?;
    let choices = app::scenarios::set_choices(&state.db, user, round).await?;
    let action = query.action(round);
    let valid = match form.validate(&slugs) {
        Ok(valid) => valid,
        Err(errors) => {
            return set_form_page(&state, None, action, &form, &errors, &choices)?
                .render(&state, &ctx);
        }
    };
    let outcome = app::scenarios::create_set(
        &state.db,
        &state.programme,
        user,
        &ctx.actor(),
        valid,
        round,
    )
    .await?;
    match outcome {
        SetSaved::Saved(id) => Ok(Redirect::to(&format!("/scenario-sets/{id}")).into_response()),
        SetSaved::Refused(errors) => {
            set_form_page(&state, None, action, &form, &errors, &choices)?.render(&state, &ctx)
        }
        SetSaved::Stale(_) => Err(AppError::Unprocessable),
    }
}

/// The set form to edit set `id`.
pub async fn edit_set_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    phases(&state)?;
    let user = ctx.user()?;
    let (set, _) = app::scenarios::editable_set(&state.db, user, id).await?;
    let choices = app::scenarios::set_choices(&state.db, user, None).await?;
    let form = SetForm::of(&set.valid(), set.version);
    let action = format!("/scenario-sets/{id}/edit");
    set_form_page(
        &state,
        Some(id),
        action,
        &form,
        &FieldErrors::new(),
        &choices,
    )?
    .render(&state, &ctx)
}

/// Saves an edit of a set; someone else's newer version is shown, nothing overwritten.
pub async fn update_set(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(mut form): Form<SetForm>,
) -> Result<Response, AppError> {
    let slugs = phases(&state)?;
    let user = ctx.user()?;
    app::scenarios::editable_set(&state.db, user, id).await?;
    let choices = app::scenarios::set_choices(&state.db, user, None).await?;
    let action = format!("/scenario-sets/{id}/edit");
    let valid = match form.validate(&slugs) {
        Ok(valid) => valid,
        Err(errors) => {
            return set_form_page(&state, Some(id), action, &form, &errors, &choices)?
                .render(&state, &ctx);
        }
    };
    let base: i64 = form
        .version
        .trim()
        .parse()
        .map_err(|_| AppError::Unprocessable)?;
    let outcome = app::scenarios::update_set(
        &state.db,
        &state.programme,
        user,
        &ctx.actor(),
        id,
        base,
        valid,
    )
    .await?;
    match outcome {
        SetSaved::Saved(id) => Ok(Redirect::to(&format!("/scenario-sets/{id}")).into_response()),
        SetSaved::Refused(errors) => {
            set_form_page(&state, Some(id), action, &form, &errors, &choices)?.render(&state, &ctx)
        }
        SetSaved::Stale(newer) => {
            form.version = newer.version.to_string();
            let errors = FieldErrors::one("version", "error-stale-edit");
            set_form_page(&state, Some(id), action, &form, &errors, &choices)?
                .stale(&newer)
                .render(&state, &ctx)
        }
    }
}

/// The four quadrants of a two-axis set in reading order, each with its scenario if
/// written.
fn cross(set: &Set, list: &[Scenario]) -> Vec<Value> {
    if set.method != Method::TwoAxes {
        return Vec::new();
    }
    Quadrant::ALL
        .iter()
        .map(|q| {
            let scenario = list.iter().find(|s| s.quadrant == Some(*q));
            context! { quadrant => q.key(), x_high => q.x_high(), y_high => q.y_high(), scenario }
        })
        .collect()
}

/// A set's page, with a refusal of a status move or of making it public (or its
/// consequences) when there is one.
pub(super) async fn set_page(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    refusal: Option<&'static str>,
) -> Result<Response, AppError> {
    phases(state)?;
    let view = app::scenarios::set_view(&state.db, ctx.viewer.as_ref(), id).await?;
    let subject = ctx.subject().ok();
    let can_write = subject.as_ref().is_some_and(can_write);
    let moves: Vec<&str> = if can_write {
        SetStatus::ALL
            .iter()
            .filter(|to| can_move(view.set.status, **to))
            .map(|to| to.key())
            .collect()
    } else {
        Vec::new()
    };
    let can_publish = subject.as_ref().is_some_and(can_curate);
    let cross = cross(&view.set, &view.scenarios);
    let consequences = super::consequence_reach::set_section(state, &view.set, subject.as_ref());
    let page = state.render(
        ctx,
        "scenario_set.html",
        context! { sset => &view.set, v => &view, cross, moves, can_write, can_publish, refusal, consequences },
    )?;
    let status = if refusal.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::OK
    };
    Ok((status, page).into_response())
}

pub async fn show_set(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    set_page(&state, &ctx, id, None).await
}

#[derive(Deserialize, Default)]
pub struct MoveForm {
    #[serde(default)]
    to: String,
    #[serde(default)]
    public: String,
}

/// What a move or a change of visibility came to: back to the set, or its page with the
/// refusal shown.
async fn after(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    done: Result<(), app::Error>,
) -> Result<Response, AppError> {
    match done {
        Ok(()) => Ok(Redirect::to(&format!("/scenario-sets/{id}")).into_response()),
        Err(app::Error::Refused(reason)) => set_page(state, ctx, id, Some(reason)).await,
        Err(e) => Err(e.into()),
    }
}

/// Moves a set: draft → open (complete, the phase's only open set), open → draft or
/// final, final → open.
pub async fn move_set(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<MoveForm>,
) -> Result<Response, AppError> {
    phases(&state)?;
    let user = ctx.user()?;
    let to = SetStatus::parse(form.to.trim()).ok_or(AppError::Unprocessable)?;
    let done = app::scenarios::move_set(&state.db, user, &ctx.actor(), id, to).await;
    after(&state, &ctx, id, done).await
}

/// Makes a set public (`public=1`) or members' only (`public=0`).
pub async fn make_public(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<MoveForm>,
) -> Result<Response, AppError> {
    phases(&state)?;
    let user = ctx.user()?;
    let public = match form.public.trim() {
        "1" => true,
        "0" => false,
        _ => return Err(AppError::Unprocessable),
    };
    let done = app::scenarios::make_public(&state.db, user, &ctx.actor(), id, public).await;
    after(&state, &ctx, id, done).await
}

/// The history of a set: every revision with who, when and what changed, old → new.
pub async fn set_history(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    phases(&state)?;
    let (set, entries) = app::scenarios::set_history(&state.db, ctx.user()?, id).await?;
    Ok(state
        .render(
            &ctx,
            "scenario_history.html",
            context! { sset => set, entries, sc => Value::from(()) },
        )?
        .into_response())
}

/// The history of a scenario.
pub async fn scenario_history(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    phases(&state)?;
    let (set, scenario, entries) =
        app::scenarios::scenario_history(&state.db, ctx.user()?, id).await?;
    Ok(state
        .render(
            &ctx,
            "scenario_history.html",
            context! { sset => set, sc => scenario, entries },
        )?
        .into_response())
}

/// The scenario form: of a new scenario of `set` (`scenario` none) or an edit.
fn scenario_form_page(
    set: &Set,
    list: &[Scenario],
    notes: &app::scenarios::NoteRefs,
    scenario: Option<i64>,
    typed: &Typed,
    errors: &Errors,
    images: Vec<String>,
) -> FormPage {
    let own = scenario.and_then(|id| list.iter().find(|s| s.id == id));
    let free: Vec<&str> = Quadrant::ALL
        .iter()
        .filter(|q| {
            own.is_some_and(|s| s.quadrant == Some(**q))
                || !list.iter().any(|s| s.quadrant == Some(**q))
        })
        .map(|q| q.key())
        .collect();
    let signposts: Vec<usize> = (1..=SIGNPOSTS_MAX).collect();
    // Every field the form shows, empty where nothing was typed.
    let mut form = typed.clone();
    let mut names: Vec<String> = [
        "quadrant",
        "name",
        "tagline",
        "narrative",
        "characteristics",
        "image",
        "image_alt",
        "version",
    ]
    .map(String::from)
    .to_vec();
    names.extend(set.chosen().into_iter().map(scenario::state_field));
    for i in signposts.iter().copied() {
        for part in ["", "note", "indicator"] {
            names.push(scenario::signpost_field(i, part));
        }
    }
    for name in names {
        form.entry(name).or_default();
    }
    FormPage::new("scenario_form.html", form, errors).with(context! {
        sset => set, notes, scenario, free, signposts, images, chosen => set.chosen(),
    })
}

/// The notes a set names, as the writer sees them.
async fn set_notes(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
) -> Result<app::scenarios::NoteRefs, AppError> {
    Ok(app::scenarios::set_view(&state.db, ctx.viewer.as_ref(), id)
        .await?
        .notes)
}

#[derive(Deserialize, Default)]
pub struct NewScenario {
    #[serde(default)]
    quadrant: Option<String>,
}

/// The form of a new scenario of set `id`, in the quadrant asked for (`?quadrant=`).
pub async fn new_scenario_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<NewScenario>,
) -> Result<Response, AppError> {
    phases(&state)?;
    let (set, list) = app::scenarios::editable_set(&state.db, ctx.user()?, id).await?;
    let notes = set_notes(&state, &ctx, id).await?;
    let images = app::scenarios::images(&state.db).await?;
    let mut typed = Typed::new();
    if let Some(q) = query.quadrant.as_deref().and_then(Quadrant::parse) {
        typed.insert("quadrant".into(), q.key().into());
    }
    scenario_form_page(&set, &list, &notes, None, &typed, &Errors::new(), images)
        .render(&state, &ctx)
}

/// Saves a scenario (new, or an edit from the version typed) and shows it; errors at each
/// field, what was typed kept, and a stale edit answered with the newer version.
async fn save_scenario(
    state: &AppState,
    ctx: &Ctx,
    set: Set,
    list: Vec<Scenario>,
    scenario: Option<i64>,
    mut typed: Typed,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let edit = match scenario {
        None => None,
        Some(id) => {
            let base = typed
                .get("version")
                .and_then(|v| v.trim().parse::<i64>().ok())
                .ok_or(AppError::Unprocessable)?;
            Some((id, base))
        }
    };
    let outcome =
        app::scenarios::save_scenario(&state.db, user, &ctx.actor(), set.id, edit, typed.clone())
            .await?;
    let notes = set_notes(state, ctx, set.id).await?;
    let images = app::scenarios::images(&state.db).await?;
    match outcome {
        ScenarioSaved::Saved(id) => Ok(Redirect::to(&format!("/scenarios/{id}")).into_response()),
        ScenarioSaved::Refused(errors) => {
            scenario_form_page(&set, &list, &notes, scenario, &typed, &errors, images)
                .render(state, ctx)
        }
        ScenarioSaved::Stale(newer) => {
            typed.insert("version".into(), newer.version.to_string());
            let errors = Errors::from([("version".to_string(), "error-stale-edit")]);
            scenario_form_page(&set, &list, &notes, scenario, &typed, &errors, images)
                .stale(&newer)
                .render(state, ctx)
        }
    }
}

pub async fn create_scenario(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(typed): Form<Typed>,
) -> Result<Response, AppError> {
    phases(&state)?;
    let (set, list) = app::scenarios::editable_set(&state.db, ctx.user()?, id).await?;
    save_scenario(&state, &ctx, set, list, None, typed).await
}

pub async fn edit_scenario_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    phases(&state)?;
    let (set, scenario, list) =
        app::scenarios::editable_scenario(&state.db, ctx.user()?, id).await?;
    let notes = set_notes(&state, &ctx, set.id).await?;
    let images = app::scenarios::images(&state.db).await?;
    let mut typed = scenario::scenario_fields(&scenario.valid());
    typed.insert("version".into(), scenario.version.to_string());
    scenario_form_page(
        &set,
        &list,
        &notes,
        Some(id),
        &typed,
        &Errors::new(),
        images,
    )
    .render(&state, &ctx)
}

pub async fn update_scenario(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(typed): Form<Typed>,
) -> Result<Response, AppError> {
    phases(&state)?;
    let (set, _, list) = app::scenarios::editable_scenario(&state.db, ctx.user()?, id).await?;
    save_scenario(&state, &ctx, set, list, Some(id), typed).await
}

/// What was typed into the comment form (kept when it is refused).
#[derive(Deserialize, Serialize, Default)]
pub struct CommentForm {
    #[serde(default)]
    body: String,
}

/// A scenario's page: the scenario, its set's notes, its comments and the comment form.
async fn scenario_page(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    typed: &CommentForm,
    errors: &FieldErrors,
) -> Result<Response, AppError> {
    phases(state)?;
    let view = app::scenarios::scenario_view(&state.db, ctx.viewer.as_ref(), id).await?;
    let subject = ctx.subject().ok();
    let can_write = subject.as_ref().is_some_and(can_write);
    let can_comment = subject
        .as_ref()
        .is_some_and(|s| can_comment(s, view.set.status));
    let page = state.render(
        ctx,
        "scenario.html",
        context! {
            sset => &view.set, sc => &view.scenario, v => &view, can_write, can_comment,
            form => typed, errors,
        },
    )?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, page).into_response())
}

pub async fn show_scenario(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    scenario_page(
        &state,
        &ctx,
        id,
        &CommentForm::default(),
        &FieldErrors::new(),
    )
    .await
}

/// Comments on a scenario while its set is open.
pub async fn comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<CommentForm>,
) -> Result<Response, AppError> {
    phases(&state)?;
    let user = ctx.user()?;
    match app::scenarios::comment(&state.db, user, &ctx.actor(), id, form.body.clone()).await? {
        Commented::Done => Ok(Redirect::to(&format!("/scenarios/{id}#comments")).into_response()),
        Commented::Refused(message) => {
            let errors = FieldErrors::one("body", message);
            scenario_page(&state, &ctx, id, &form, &errors).await
        }
    }
}
