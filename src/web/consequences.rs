//! The consequence pages: a scenario's or a bank note's consequences by level as the
//! chain of the futures wheel, the workshop's quick capture, the full form (new and
//! edit, stale edits refused with the newer version shown), one consequence with what it
//! follows from and what follows from it, its history, removing it, and taking a shared
//! one as the organisation's own. A programme without consequence phases has none of
//! these pages.

use std::collections::BTreeMap;

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
use crate::app::consequence_pages::{self as pages, CentrePage, ConsequencePage};
use crate::app::consequences::{CaptureInput, Captured, Removed, Saved, Target};
use crate::domain::consequence::{
    self, Centre, Errors, Magnitude, ORDER_MAX, Timing, Typed, Valence, chain,
};
use crate::domain::lang::Localized;
use crate::storage::consequences::Consequence;

/// The consequence pages: only in a programme with consequence phases (elsewhere every
/// one of them is not found).
pub fn consequence_routes(state: &AppState) -> Router<AppState> {
    if consequence::phases(&state.programme).is_empty() {
        return Router::new();
    }
    Router::new()
        .route("/scenarios/{id}/consequences", get(scenario_list))
        .route(
            "/scenarios/{id}/consequences/capture",
            post(scenario_capture),
        )
        .route(
            "/scenarios/{id}/consequences/new",
            get(scenario_new).post(scenario_create),
        )
        .route("/notes/{id}/consequences", get(note_list))
        .route("/notes/{id}/consequences/capture", post(note_capture))
        .route(
            "/notes/{id}/consequences/new",
            get(note_new).post(note_create),
        )
        .route("/consequences/{id}", get(show))
        .route("/consequences/{id}/edit", get(edit_form).post(update))
        .route("/consequences/{id}/history", get(history))
        .route("/consequences/{id}/remove", post(remove))
        .route("/consequences/{id}/hold", post(hold))
}

/// The address of a centre's consequences.
fn centre_path(centre: Centre) -> String {
    match centre {
        Centre::Scenario(id) => format!("/scenarios/{id}/consequences"),
        Centre::Note(id) => format!("/notes/{id}/consequences"),
    }
}

/// The names of the programme's levels and themes by slug, for the templates.
fn names(state: &AppState) -> Value {
    let map = |terms: &[crate::domain::programme::Term]| -> BTreeMap<String, Localized> {
        terms
            .iter()
            .map(|t| (t.slug.clone(), t.name.clone()))
            .collect()
    };
    context! {
        level_names => map(&state.programme.consequence_levels),
        theme_names => map(&state.programme.consequence_themes),
        valences => Valence::ALL.iter().map(|v| context! { key => v.key(), sign => v.sign() }).collect::<Vec<_>>(),
        magnitudes => Magnitude::ALL.iter().map(|m| m.key()).collect::<Vec<_>>(),
        timings => Timing::ALL.iter().map(|m| m.key()).collect::<Vec<_>>(),
    }
}

/// The consequences a "follows from" choice offers: those of an inner ring.
fn parent_options(list: &[Consequence]) -> Vec<&Consequence> {
    list.iter().filter(|c| c.order < ORDER_MAX).collect()
}

/// The filter of a centre's list: `organisation=ID` or `shared`.
#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    organisation: String,
}

impl ListQuery {
    fn keeps(&self, c: &Consequence) -> bool {
        match self.organisation.trim() {
            "" => true,
            "shared" => c.organisation_id.is_none(),
            id => c.organisation_id.map(|o| o.to_string()).as_deref() == Some(id),
        }
    }
}

/// What was typed into the quick capture (kept when it is refused).
#[derive(Deserialize, Serialize, Default, Clone)]
pub struct CaptureForm {
    #[serde(default)]
    level: String,
    #[serde(default)]
    theme: String,
    #[serde(default)]
    parent: String,
    #[serde(default)]
    lines: String,
    /// `shared` or `own`.
    #[serde(default)]
    organisation: String,
}

/// Whose a new consequence is: the viewer's organisation's when asked for (`own`) or
/// when they may write no shared ones; else shared.
/// Whose a new consequence is to be: the organisation's own when asked for (or when its
/// writer may write no shared one), never shared in its stead; the use case refuses an
/// own consequence the organisation may not write now.
fn asked_for(page: &CentrePage, asked: &str, organisation_id: i64) -> Option<i64> {
    (asked == "own" || !page.can_write_shared).then_some(organisation_id)
}

fn whose(page: &CentrePage, asked: &str, organisation_id: i64) -> Option<i64> {
    let own = asked == "own" || !page.can_write_shared;
    (own && page.can_write_own).then_some(organisation_id)
}

/// A centre's page: its consequences by level as chains, with the capture form.
async fn centre_page(
    state: &AppState,
    ctx: &Ctx,
    centre: Centre,
    query: &ListQuery,
    typed: &CaptureForm,
    errors: &Errors,
    line: Option<usize>,
) -> Result<Response, AppError> {
    let page = pages::centre(&state.db, &state.programme, ctx.viewer.as_ref(), centre).await?;
    let shown: Vec<Consequence> = (page.data.consequences.iter())
        .filter(|c| query.keeps(c))
        .cloned()
        .collect();
    let levels: Vec<Value> = (page.data.levels.iter())
        .map(|l| {
            let of_level: Vec<Consequence> =
                shown.iter().filter(|c| c.level == l.slug).cloned().collect();
            context! { slug => &l.slug, name => &l.name, count => of_level.len(), branches => chain(&of_level) }
        })
        .collect();
    let mut organisations: BTreeMap<i64, String> = BTreeMap::new();
    for c in &page.data.consequences {
        if let (Some(id), Some(name)) = (c.organisation_id, &c.organisation_name) {
            organisations.insert(id, name.clone());
        }
    }
    let organisations: Vec<Value> = (organisations.into_iter())
        .map(|(id, name)| context! { id, name })
        .collect();
    let mut form = typed.clone();
    if form.organisation.is_empty() {
        form.organisation = if page.can_write_shared {
            "shared"
        } else {
            "own"
        }
        .into();
    }
    FormPage::new("consequences.html", &form, errors)
        .with(context! {
            p => &page, centre_path => centre_path(centre), levels, organisations, line,
            filter => query.organisation.trim(), total => shown.len(),
            parents => parent_options(&page.data.consequences),
            ..names(state)
        })
        .render(state, ctx)
}

pub async fn scenario_list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<ListQuery>,
) -> Result<Response, AppError> {
    let form = CaptureForm::default();
    centre_page(
        &state,
        &ctx,
        Centre::Scenario(id),
        &query,
        &form,
        &Errors::new(),
        None,
    )
    .await
}

pub async fn note_list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<ListQuery>,
) -> Result<Response, AppError> {
    let form = CaptureForm::default();
    centre_page(
        &state,
        &ctx,
        Centre::Note(id),
        &query,
        &form,
        &Errors::new(),
        None,
    )
    .await
}

/// Stores a quick capture: one consequence a line, all or nothing; refused, the page
/// comes back with the error at its field (and the line it is on) and all that was typed.
/// Asked again after a write the database could not take (see
/// `forms::keep_unsaved_input`), it shows the page with what was sent.
async fn capture(
    state: &AppState,
    ctx: &Ctx,
    centre: Centre,
    form: CaptureForm,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    if ctx.unsaved.is_some() {
        let (query, errors) = (ListQuery::default(), Errors::new());
        return centre_page(state, ctx, centre, &query, &form, &errors, None).await;
    }
    let page = pages::centre(&state.db, &state.programme, Some(user), centre).await?;
    if !page.can_write_shared && !page.can_write_own {
        return Err(AppError::Forbidden);
    }
    let organisation = asked_for(&page, form.organisation.trim(), user.organisation_id);
    let input = CaptureInput {
        level: form.level.clone(),
        theme: form.theme.clone(),
        parent: form.parent.clone(),
        lines: form.lines.clone(),
    };
    let (db, programme, actor) = (&state.db, &state.programme, ctx.actor());
    match app::consequences::capture(db, programme, user, &actor, centre, organisation, input)
        .await?
    {
        Captured::Saved(_) => Ok(Redirect::to(&centre_path(centre)).into_response()),
        Captured::Refused { errors, line } => {
            centre_page(
                state,
                ctx,
                centre,
                &ListQuery::default(),
                &form,
                &errors,
                line,
            )
            .await
        }
    }
}

pub async fn scenario_capture(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<CaptureForm>,
) -> Result<Response, AppError> {
    capture(&state, &ctx, Centre::Scenario(id), form).await
}

pub async fn note_capture(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<CaptureForm>,
) -> Result<Response, AppError> {
    capture(&state, &ctx, Centre::Note(id), form).await
}

/// `?parent=ID&organisation=own` of the new form.
#[derive(Deserialize, Default)]
pub struct NewQuery {
    #[serde(default)]
    parent: String,
    #[serde(default)]
    organisation: String,
}

/// What the consequence form shows: of a new consequence of a centre, or an edit.
struct FormContext<'a> {
    page: &'a CentrePage,
    centre: Centre,
    /// The consequence edited (none: a new one).
    editing: Option<&'a Consequence>,
}

fn form_page(state: &AppState, at: FormContext<'_>, typed: &Typed, errors: &Errors) -> FormPage {
    let action = match at.editing {
        Some(c) => format!("/consequences/{}/edit", c.id),
        None => format!("{}/new", centre_path(at.centre)),
    };
    let editing = at.editing.map(|c| c.id);
    let parents: Vec<&Consequence> = parent_options(&at.page.data.consequences)
        .into_iter()
        .filter(|c| Some(c.id) != editing)
        .collect();
    let mut form = typed.clone();
    for name in consequence::FIELDS
        .iter()
        .chain(["version", "organisation"].iter())
    {
        form.entry(name.to_string()).or_default();
    }
    FormPage::new("consequence_form.html", form, errors).with(context! {
        p => at.page, centre_path => centre_path(at.centre), action, editing => at.editing, parents,
        ..names(state)
    })
}

async fn new_form(
    state: &AppState,
    ctx: &Ctx,
    centre: Centre,
    query: NewQuery,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let page = pages::centre(&state.db, &state.programme, Some(user), centre).await?;
    let own = query.organisation.trim() == "own";
    if !(page.can_write_own && own || page.can_write_shared) {
        return Err(AppError::Forbidden);
    }
    let mut typed = Typed::new();
    typed.insert("parent".into(), query.parent.trim().to_string());
    let whose = if whose(&page, query.organisation.trim(), 0).is_some() {
        "own"
    } else {
        "shared"
    };
    typed.insert("organisation".into(), whose.into());
    let at = FormContext {
        page: &page,
        centre,
        editing: None,
    };
    form_page(state, at, &typed, &Errors::new()).render(state, ctx)
}

async fn create(
    state: &AppState,
    ctx: &Ctx,
    centre: Centre,
    typed: Typed,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let page = pages::centre(&state.db, &state.programme, Some(user), centre).await?;
    let asked = typed.get("organisation").map(|s| s.trim()).unwrap_or("");
    let organisation = asked_for(&page, asked, user.organisation_id);
    if ctx.unsaved.is_some() {
        let at = FormContext {
            page: &page,
            centre,
            editing: None,
        };
        return form_page(state, at, &typed, &Errors::new()).render(state, ctx);
    }
    let target = Target::New {
        centre,
        organisation,
    };
    let (db, programme, actor) = (&state.db, &state.programme, ctx.actor());
    match app::consequences::save(db, programme, user, &actor, target, typed.clone()).await? {
        Saved::Saved(id) => Ok(Redirect::to(&format!("/consequences/{id}")).into_response()),
        Saved::Refused(errors) => {
            let at = FormContext {
                page: &page,
                centre,
                editing: None,
            };
            form_page(state, at, &typed, &errors).render(state, ctx)
        }
        Saved::Stale(_) => Err(AppError::Unprocessable),
    }
}

pub async fn scenario_new(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<NewQuery>,
) -> Result<Response, AppError> {
    new_form(&state, &ctx, Centre::Scenario(id), query).await
}

pub async fn scenario_create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(typed): Form<Typed>,
) -> Result<Response, AppError> {
    create(&state, &ctx, Centre::Scenario(id), typed).await
}

pub async fn note_new(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<NewQuery>,
) -> Result<Response, AppError> {
    new_form(&state, &ctx, Centre::Note(id), query).await
}

pub async fn note_create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(typed): Form<Typed>,
) -> Result<Response, AppError> {
    create(&state, &ctx, Centre::Note(id), typed).await
}

/// What was typed into the "this holds for us too" form.
#[derive(Deserialize, Serialize, Default)]
pub struct HoldForm {
    #[serde(default)]
    text: String,
    /// The home assignment's phase, when the form was sent from its part: the answer
    /// leads back there.
    #[serde(default)]
    back: String,
}

/// Where a new own consequence leads: back to the home assignment it was taken from
/// (a phase of the programme's), or to the consequence.
fn after_hold(state: &AppState, back: &str, new: i64) -> String {
    if crate::domain::consequence::phases(&state.programme).contains(&back) {
        format!("/phases/{back}/assignment#consequence-part")
    } else {
        format!("/consequences/{new}")
    }
}

/// A consequence's page; `hold` is what was typed into its "holds for us too" form
/// (none: its text, to start from), `refusal` why a removal was refused.
async fn consequence_page(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    hold: Option<&HoldForm>,
    errors: &Errors,
    refusal: Option<&'static str>,
) -> Result<Response, AppError> {
    let page = pages::page(&state.db, &state.programme, ctx.viewer.as_ref(), id).await?;
    let text = hold.map_or(page.view.consequence.text.as_str(), |h| h.text.as_str());
    let html = state.render(
        ctx,
        "consequence.html",
        context! {
            p => &page, c => &page.view.consequence, centre_path => centre_path(page.view.consequence.centre),
            hold => context! { text }, errors, refusal, ..names(state)
        },
    )?;
    let status = if refusal.is_some() {
        StatusCode::CONFLICT
    } else if !errors.is_empty() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((status, html).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    consequence_page(&state, &ctx, id, None, &Errors::new(), None).await
}

/// The consequence and its centre, for someone who may edit it now.
async fn editable(state: &AppState, ctx: &Ctx, id: i64) -> Result<ConsequencePage, AppError> {
    let user = ctx.user()?;
    let page = pages::page(&state.db, &state.programme, Some(user), id).await?;
    pages::editable(user, &page.view.consequence, page.view.can_edit)?;
    Ok(page)
}

/// A [`CentrePage`] of an edited consequence's centre (the form's choices).
fn centre_of(page: &ConsequencePage) -> CentrePage {
    CentrePage {
        data: page.around.clone(),
        can_write_shared: false,
        can_write_own: false,
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let page = editable(&state, &ctx, id).await?;
    let c = &page.view.consequence;
    let mut typed = consequence::fields(&c.valid());
    typed.insert("version".into(), c.version.to_string());
    let around = centre_of(&page);
    let at = FormContext {
        page: &around,
        centre: c.centre,
        editing: Some(c),
    };
    form_page(&state, at, &typed, &Errors::new()).render(&state, &ctx)
}

/// Saves an edit; someone else's newer version is shown beside what was typed, nothing
/// overwritten.
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(mut typed): Form<Typed>,
) -> Result<Response, AppError> {
    let page = editable(&state, &ctx, id).await?;
    if ctx.unsaved.is_some() {
        let around = centre_of(&page);
        let c = &page.view.consequence;
        let at = FormContext {
            page: &around,
            centre: c.centre,
            editing: Some(c),
        };
        return form_page(&state, at, &typed, &Errors::new()).render(&state, &ctx);
    }
    let base: i64 = (typed.get("version").map(|v| v.trim()).unwrap_or(""))
        .parse()
        .map_err(|_| AppError::Unprocessable)?;
    let (db, programme, actor) = (&state.db, &state.programme, ctx.actor());
    let target = Target::Edit { id, base };
    let outcome =
        app::consequences::save(db, programme, ctx.user()?, &actor, target, typed.clone()).await?;
    let around = centre_of(&page);
    let at = FormContext {
        page: &around,
        centre: page.view.consequence.centre,
        editing: Some(&page.view.consequence),
    };
    match outcome {
        Saved::Saved(id) => Ok(Redirect::to(&format!("/consequences/{id}")).into_response()),
        Saved::Refused(errors) => form_page(&state, at, &typed, &errors).render(&state, &ctx),
        Saved::Stale(newer) => {
            typed.insert("version".into(), newer.version.to_string());
            let mut errors = Errors::new();
            errors.insert("version".into(), "error-stale-edit");
            form_page(&state, at, &typed, &errors)
                .stale(&newer)
                .render(&state, &ctx)
        }
    }
}

/// Every revision of a consequence with what changed, old → new.
pub async fn history(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (page, entries) = pages::history(&state.db, &state.programme, ctx.user()?, id).await?;
    Ok(state
        .render(
            &ctx,
            "consequence_history.html",
            context! {
                p => &page, c => &page.view.consequence,
                centre_path => centre_path(page.view.consequence.centre), entries, ..names(&state)
            },
        )?
        .into_response())
}

#[derive(Deserialize, Default)]
pub struct RemoveForm {
    #[serde(default)]
    version: String,
}

/// Removes a consequence; refused while others follow from it, or when it changed since.
pub async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<RemoveForm>,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let page = pages::page(&state.db, &state.programme, Some(user), id).await?;
    let base: i64 = form
        .version
        .trim()
        .parse()
        .map_err(|_| AppError::Unprocessable)?;
    let actor = ctx.actor();
    match app::consequences::remove(&state.db, user, &actor, id, base).await? {
        Removed::Removed => {
            Ok(Redirect::to(&centre_path(page.view.consequence.centre)).into_response())
        }
        Removed::HasFollowers => {
            let refusal = Some("error-consequence-has-followers");
            consequence_page(&state, &ctx, id, None, &Errors::new(), refusal).await
        }
        Removed::Stale(_) => {
            let refusal = Some("cq-remove-stale");
            consequence_page(&state, &ctx, id, None, &Errors::new(), refusal).await
        }
    }
}

/// Takes a shared consequence as the organisation's own, with its own text.
pub async fn hold(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<HoldForm>,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let (db, programme, actor) = (&state.db, &state.programme, ctx.actor());
    match app::consequences::hold_for_us(db, programme, user, &actor, id, form.text.clone()).await?
    {
        Saved::Saved(new) => Ok(Redirect::to(&after_hold(&state, &form.back, new)).into_response()),
        Saved::Refused(errors) => {
            consequence_page(&state, &ctx, id, Some(&form), &errors, None).await
        }
        Saved::Stale(_) => Err(AppError::Unprocessable),
    }
}
