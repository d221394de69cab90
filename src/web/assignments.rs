//! Home assignments: an organisation's strategists write and submit their phase's
//! submission; process leaders read them side by side, return or accept them, and export
//! them.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::forms::FormPage;
use super::forms::{Export, Form, download};
use super::picker::{self, PickForm, Picks};
use super::{AppError, AppState, Ctx};
use crate::app;
use crate::app::assignments::{ReviewInput, ReviewOutcome, WriteInput, WriteOutcome};
use crate::app::picker::FieldView;
use crate::domain::assignment::{
    self, Action, Errors, JudgementRow, SubmissionStatus, Typed, by_scenario, can_read_all,
    can_review, can_write, is_late, judgement_rows, part_fields,
};
use crate::domain::backcasting::{self, MilestonePart};
use crate::domain::bank::NoteType;
use crate::domain::consequence::{self, ConsequencePart, PartItem};
use crate::domain::picker::PickField;
use crate::domain::programme::{AssignmentPart, HomeAssignment, Phase};
use crate::domain::scenario::ScenarioAssessment;
use crate::render::table::{Cell, Table};
use crate::storage::bank::{self as notes};
use crate::storage::consequences::Consequence;
use crate::storage::submissions::{self, Submission};
use crate::storage::users::User;
use crate::storage::{organisations, scenarios};

fn phase_with_assignment<'a>(
    state: &'a AppState,
    slug: &str,
) -> Result<(&'a Phase, &'a HomeAssignment), AppError> {
    Ok(app::assignments::phase_with_assignment(
        &state.programme,
        slug,
    )?)
}

/// The fields of a stored submission, to fill the form.
fn fields_of(assignment: &HomeAssignment, submission: &Submission) -> Typed {
    let mut typed = Typed::new();
    if let Some(answers) = submission.answers.as_object() {
        for (key, value) in answers {
            if let Some(text) = value.as_str() {
                typed.insert(assignment::answer_field(key), text.to_string());
            }
        }
    }
    for part in &assignment.parts {
        if let Some(value) = submission.parts.get(part.key()) {
            typed.extend(part_fields(*part, value));
        }
    }
    typed
}

/// The titles of the notes a submission's ranking names (for showing it).
async fn ranked_titles(
    state: &AppState,
    submissions: &[&Submission],
) -> Result<HashMap<String, String>, AppError> {
    let mut ids = Vec::new();
    for s in submissions {
        if let Some(ranking) = s.parts.get("trend_ranking") {
            for list in ["most", "least"] {
                if let Some(items) = ranking.get(list).and_then(|l| l.as_array()) {
                    ids.extend(items.iter().filter_map(|i| i.get("note")?.as_i64()));
                }
            }
        }
    }
    let found = state.db.read(move |c| notes::briefs(c, &ids)).await?;
    Ok(found
        .into_iter()
        .map(|b| (b.id.to_string(), b.title))
        .collect())
}

/// A submission's assessment of the scenarios, if it has one.
fn assessment_of(s: &Submission) -> Option<ScenarioAssessment> {
    s.parts
        .get(AssignmentPart::ScenarioRating.key())
        .and_then(|v| serde_json::from_value(v.clone()).ok())
}

/// A scenario with every organisation's judgement of it.
#[derive(Serialize)]
struct JudgedScenario {
    id: i64,
    name: String,
    tagline: String,
    rows: Vec<JudgementRow>,
}

/// The scenarios the submissions' assessments judge, in their sets' order, each with the
/// organisations' judgements in the submissions' order; and every scenario's name by
/// number.
async fn judged_scenarios(
    state: &AppState,
    submissions: &[&Submission],
) -> Result<(Vec<JudgedScenario>, BTreeMap<String, String>), AppError> {
    let (mut sets, mut rows) = (Vec::new(), Vec::new());
    for s in submissions {
        if let Some(a) = assessment_of(s) {
            if !sets.contains(&a.set) {
                sets.push(a.set);
            }
            rows.extend(judgement_rows(
                s.organisation_id,
                &s.organisation_name,
                s.status,
                &a,
            ));
        }
    }
    if sets.is_empty() {
        return Ok((Vec::new(), BTreeMap::new()));
    }
    let found = state
        .db
        .read(move |c| scenarios::scenarios_of_sets(c, &sets))
        .await?;
    let ids: Vec<i64> = found.iter().map(|s| s.id).collect();
    let names = found
        .iter()
        .map(|s| (s.id.to_string(), s.name.clone()))
        .collect();
    let judged = by_scenario(&ids, &rows)
        .into_iter()
        .zip(found)
        .map(|((_, rows), s)| JudgedScenario {
            id: s.id,
            name: s.name,
            tagline: s.tagline,
            rows,
        })
        .collect();
    Ok((judged, names))
}

/// The home assignment's form for `submission` (none: not started), with what was typed.
async fn form_page(
    state: &AppState,
    phase: &Phase,
    submission: Option<&Submission>,
    typed: &Typed,
    errors: &Errors,
    pickers: &BTreeMap<&'static str, FieldView>,
    user: &User,
) -> Result<FormPage, AppError> {
    let assignment = phase.home_assignment().ok_or(AppError::NotFound)?;
    let tz = state.programme.time_zone;
    let late = submission
        .and_then(|s| s.submitted_at)
        .is_some_and(|t| is_late(t, assignment.due, tz));
    let writable = submission.is_none_or(|s| {
        matches!(
            s.status,
            SubmissionStatus::Draft | SubmissionStatus::Returned
        )
    });
    let titles = ranked_titles(state, &submission.into_iter().collect::<Vec<_>>()).await?;
    let assessed = app::assignments::assessed(&state.db, &state.programme, &phase.slug)
        .await?
        .map(|(set, scenarios)| context! { set, scenarios });
    // The stored assessment, shown beside a newer version that refused a stale edit.
    let (_, names) = judged_scenarios(state, &submission.into_iter().collect::<Vec<_>>()).await?;
    let stored = submission.and_then(|s| {
        let a = assessment_of(s)?;
        Some(judgement_rows(
            s.organisation_id,
            &s.organisation_name,
            s.status,
            &a,
        ))
    });
    let consequences = consequence_part(state, phase, assignment, user).await?;
    let milestones = milestone_part(state, phase, assignment, user).await?;
    Ok(FormPage::new("assignment.html", typed, errors).with(context! {
        phase, assignment, submission, late, writable, titles, pickers, assessed, stored, names, consequences, milestones,
        most => assignment::RANK_MOST, least => assignment::RANK_LEAST,
        built => assignment.parts.iter().map(|p| (p.key(), assignment::part_is_built(*p))).collect::<BTreeMap<_, _>>(),
    }))
}

/// One scenario of the part `consequences`: the field its errors go to, and its
/// consequences by level (levels without any left out).
#[derive(Serialize)]
struct PartScenario<T: Serialize> {
    id: i64,
    name: String,
    field: String,
    count: usize,
    levels: Vec<PartLevel<T>>,
    /// The workshop's shared consequences of the scenario, to start from.
    shared: Vec<T>,
}

#[derive(Serialize)]
struct PartLevel<T: Serialize> {
    slug: String,
    name: crate::domain::lang::Localized,
    items: Vec<T>,
}

/// `items` of the `scenarios` grouped by scenario and then by the programme's levels, in
/// their orders; `place` tells an item's scenario and level.
fn by_scenario_and_level<T: Serialize + Clone>(
    state: &AppState,
    scenarios: &[(i64, String)],
    items: &[T],
    shared: &[T],
    place: fn(&T) -> (i64, &str),
) -> Vec<PartScenario<T>> {
    let levels = &state.programme.consequence_levels;
    let of = |list: &[T], scenario: i64, level: &str| -> Vec<T> {
        list.iter()
            .filter(|i| place(i) == (scenario, level))
            .cloned()
            .collect()
    };
    scenarios
        .iter()
        .map(|(id, name)| {
            let levels: Vec<PartLevel<T>> = levels
                .iter()
                .map(|l| PartLevel {
                    slug: l.slug.clone(),
                    name: l.name.clone(),
                    items: of(items, *id, &l.slug),
                })
                .filter(|l| !l.items.is_empty())
                .collect();
            PartScenario {
                id: *id,
                name: name.clone(),
                field: consequence::scenario_field(*id),
                count: levels.iter().map(|l| l.items.len()).sum(),
                levels,
                shared: levels_order(state, shared, *id, place),
            }
        })
        .collect()
}

/// A scenario's items of `list` in the order of the programme's levels.
fn levels_order<T: Clone>(
    state: &AppState,
    list: &[T],
    scenario: i64,
    place: fn(&T) -> (i64, &str),
) -> Vec<T> {
    let mut out = Vec::new();
    for level in &state.programme.consequence_levels {
        out.extend(
            list.iter()
                .filter(|i| place(i) == (scenario, level.slug.as_str()))
                .cloned(),
        );
    }
    out
}

/// The programme's consequence themes' names by slug.
fn theme_names(state: &AppState) -> BTreeMap<String, crate::domain::lang::Localized> {
    state
        .programme
        .consequence_themes
        .iter()
        .map(|t| (t.slug.clone(), t.name.clone()))
        .collect()
}

/// What the part `consequences` shows in the form: the organisation's own consequences
/// of the phase's set by scenario and level, the shared ones to start from, and whether
/// they may be written now.
async fn consequence_part(
    state: &AppState,
    phase: &Phase,
    assignment: &HomeAssignment,
    user: &User,
) -> Result<minijinja::Value, AppError> {
    if !assignment.parts.contains(&AssignmentPart::Consequences) {
        return Ok(minijinja::Value::from(()));
    }
    let own = app::consequences::own(
        &state.db,
        &state.programme,
        user,
        &phase.slug,
        user.organisation_id,
    )
    .await?;
    let scenarios: Vec<(i64, String)> = own
        .scenarios
        .iter()
        .map(|s| (s.id, s.name.clone()))
        .collect();
    fn place(c: &Consequence) -> (i64, &str) {
        (c.scenario().unwrap_or_default(), c.level.as_str())
    }
    let grouped = by_scenario_and_level(state, &scenarios, &own.own, &own.shared, place);
    Ok(minijinja::Value::from_serialize(context! {
        set => own.set, scenarios => grouped, writable => own.writable,
        themes => theme_names(state), no_set => consequence::NO_SET_FIELD,
    }))
}

/// What the part `milestones` shows in the form: the organisation's own vision with
/// its milestones and actions, the shared vision to adopt, whether they may be written
/// now, and the fields its refusals go to.
async fn milestone_part(
    state: &AppState,
    phase: &Phase,
    assignment: &HomeAssignment,
    user: &User,
) -> Result<minijinja::Value, AppError> {
    if !assignment.parts.contains(&AssignmentPart::Milestones) {
        return Ok(minijinja::Value::from(()));
    }
    let found =
        app::milestone_part::own(&state.db, user, &phase.slug, user.organisation_id).await?;
    let levels: BTreeMap<String, crate::domain::lang::Localized> = state
        .programme
        .consequence_levels
        .iter()
        .map(|l| (l.slug.clone(), l.name.clone()))
        .collect();
    Ok(minijinja::Value::from_serialize(context! {
        part => found, levels,
        vision_field => backcasting::VISION_FIELD,
        milestones_field => backcasting::MILESTONES_FIELD,
        actions_field => backcasting::ACTIONS_FIELD,
    }))
}

/// A submission's part `milestones`, if it has one.
fn milestone_part_of(s: &Submission) -> Option<MilestonePart> {
    s.parts
        .get(AssignmentPart::Milestones.key())
        .and_then(|v| serde_json::from_value(v.clone()).ok())
}

/// The scenarios' names of the sets the submissions' consequence parts answer, by
/// number.
async fn consequence_names(
    state: &AppState,
    submissions: &[&Submission],
) -> Result<Vec<(i64, String)>, AppError> {
    let mut sets = Vec::new();
    for s in submissions {
        if let Some(part) = consequence_part_of(s)
            && !sets.contains(&part.set)
        {
            sets.push(part.set);
        }
    }
    if sets.is_empty() {
        return Ok(Vec::new());
    }
    let found = state
        .db
        .read(move |c| scenarios::scenarios_of_sets(c, &sets))
        .await?;
    Ok(found.into_iter().map(|s| (s.id, s.name)).collect())
}

/// One organisation's count of consequences per scenario, side by side.
#[derive(Serialize)]
struct CountRow {
    organisation_id: i64,
    organisation: String,
    status: SubmissionStatus,
    counts: Vec<usize>,
}

/// The scenarios the submissions' consequence parts answer, and each submission's
/// count of consequences per scenario (none when no submission has the part).
async fn consequence_counts(
    state: &AppState,
    list: &[Submission],
) -> Result<Option<minijinja::Value>, AppError> {
    let all: Vec<&Submission> = list.iter().collect();
    let scenarios = consequence_names(state, &all).await?;
    if scenarios.is_empty() {
        return Ok(None);
    }
    let rows: Vec<CountRow> = list
        .iter()
        .filter_map(|s| {
            let part = consequence_part_of(s)?;
            Some(CountRow {
                organisation_id: s.organisation_id,
                organisation: s.organisation_name.clone(),
                status: s.status,
                counts: scenarios
                    .iter()
                    .map(|(id, _)| part.items.iter().filter(|i| i.scenario == *id).count())
                    .collect(),
            })
        })
        .collect();
    let scenarios: Vec<_> = scenarios
        .into_iter()
        .map(|(id, name)| context! { id, name })
        .collect();
    Ok(Some(context! { scenarios, rows }))
}

/// A submission's part `consequences`, if it has one.
fn consequence_part_of(s: &Submission) -> Option<ConsequencePart> {
    s.parts
        .get(AssignmentPart::Consequences.key())
        .and_then(|v| serde_json::from_value(v.clone()).ok())
}

/// A submission's stored consequences by scenario and level, for its page.
fn stored_consequences(
    state: &AppState,
    names: &[(i64, String)],
    s: &Submission,
) -> Option<Vec<PartScenario<PartItem>>> {
    let part = consequence_part_of(s)?;
    let scenarios: Vec<(i64, String)> = names
        .iter()
        .filter(|(id, _)| part.items.iter().any(|i| i.scenario == *id))
        .cloned()
        .collect();
    fn place(i: &PartItem) -> (i64, &str) {
        (i.scenario, i.level.as_str())
    }
    Some(by_scenario_and_level(
        state,
        &scenarios,
        &part.items,
        &[],
        place,
    ))
}

/// The viewer's own organisation's submission for a phase: the form while it is theirs
/// to write, the submitted text otherwise.
pub async fn own(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let (phase, assignment) = phase_with_assignment(&state, &slug)?;
    let subject = ctx.subject()?;
    if !can_write(&subject, user.organisation_id) {
        if can_read_all(&subject) {
            return Ok(Redirect::to(&format!("/phases/{slug}/submissions")).into_response());
        }
        return Err(AppError::Forbidden);
    }
    let submission = own_submission(&state, &slug, user.organisation_id).await?;
    let typed = submission
        .as_ref()
        .map(|s| fields_of(assignment, s))
        .unwrap_or_default();
    let views = picker::shown(&state, &ctx, &typed).await?;
    let current = submission.as_ref();
    form_page(&state, phase, current, &typed, &Errors::new(), &views, user)
        .await?
        .render(&state, &ctx)
}

/// An organisation's submission for a phase, if it has one.
async fn own_submission(
    state: &AppState,
    slug: &str,
    org: i64,
) -> Result<Option<Submission>, AppError> {
    let phase_slug = slug.to_string();
    Ok(state
        .db
        .read(move |c| submissions::get(c, &phase_slug, org))
        .await?)
}

/// The trend ranking's fields name trends.
impl Picks for Typed {
    fn pick_fields() -> Vec<PickField> {
        static FIELDS: LazyLock<Vec<String>> = LazyLock::new(|| {
            let most = (1..=assignment::RANK_MOST).map(|i| assignment::rank_field("most", i));
            let least = (1..=assignment::RANK_LEAST).map(|i| assignment::rank_field("least", i));
            most.chain(least).collect()
        });
        FIELDS
            .iter()
            .map(|name| PickField::note(name.as_str()).of_type(NoteType::Trend))
            .collect()
    }
}

/// Saves the organisation's draft, or submits it. Nothing is taken from a form with an
/// error; an edit based on an older version is refused with the newer one shown.
pub async fn write(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    sent: PickForm<Typed>,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let (phase, _) = phase_with_assignment(&state, &slug)?;
    let picked = sent.resolve(&state, &ctx).await?;
    let (typed, views) = (picked.form, picked.views);
    if !picked.waiting.is_empty() {
        let errors: Errors = picked
            .waiting
            .iter()
            .map(|(f, m)| (f.to_string(), *m))
            .collect();
        if !can_write(&ctx.subject()?, user.organisation_id) {
            return Err(AppError::Forbidden);
        }
        let current = own_submission(&state, &slug, user.organisation_id).await?;
        let page = form_page(
            &state,
            phase,
            current.as_ref(),
            &typed,
            &errors,
            &views,
            user,
        );
        return page.await?.render(&state, &ctx);
    }
    let action = match typed.get("action").map(String::as_str) {
        Some("submit") => Action::Submit,
        Some("save") | None => Action::Save,
        Some(_) => return Err(AppError::Unprocessable),
    };
    let base_version: Option<i64> = typed
        .get("version")
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .map(|v| v.parse().map_err(|_| AppError::Unprocessable))
        .transpose()?;
    let input = WriteInput {
        action,
        base_version,
        typed: typed.clone(),
    };
    let actor = ctx.actor();
    let outcome = app::assignments::write(&state.db, &state.programme, user, &actor, &slug, input);
    let page = match outcome.await? {
        WriteOutcome::Saved => {
            return Ok(Redirect::to(&format!("/phases/{slug}/assignment")).into_response());
        }
        WriteOutcome::Locked { current, errors } => {
            let page = form_page(
                &state,
                phase,
                current.as_ref(),
                &typed,
                &errors,
                &views,
                user,
            );
            page.await?.status(StatusCode::CONFLICT)
        }
        WriteOutcome::Invalid { current, errors } => {
            let page = form_page(
                &state,
                phase,
                current.as_ref(),
                &typed,
                &errors,
                &views,
                user,
            );
            page.await?
        }
        WriteOutcome::Stale { newer, errors } => {
            let mut typed = typed.clone();
            typed.insert("version".into(), newer.version.to_string());
            let page = form_page(&state, phase, Some(&newer), &typed, &errors, &views, user);
            page.await?.stale(&newer)
        }
    };
    page.render(&state, &ctx)
}

/// Every organisation's submission for a phase, side by side (process leaders, editors).
pub async fn all(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    ctx.require(can_read_all)?;
    let (phase, assignment) = phase_with_assignment(&state, &slug)?;
    let phase_slug = slug.clone();
    let (list, orgs) = state
        .db
        .read(move |c| {
            Ok((
                submissions::of_phase(c, &phase_slug)?,
                organisations::all(c)?,
            ))
        })
        .await?;
    let tz = state.programme.time_zone;
    let late: BTreeMap<String, bool> = list
        .iter()
        .map(|s| {
            (
                s.organisation_id.to_string(),
                s.submitted_at
                    .is_some_and(|t| is_late(t, assignment.due, tz)),
            )
        })
        .collect();
    let titles = ranked_titles(&state, &list.iter().collect::<Vec<_>>()).await?;
    let (judged, names) = judged_scenarios(&state, &list.iter().collect::<Vec<_>>()).await?;
    let by_org: BTreeMap<String, &Submission> = list
        .iter()
        .map(|s| (s.organisation_id.to_string(), s))
        .collect();
    let consequences = consequence_counts(&state, &list).await?;
    Ok(state
        .render(
            &ctx,
            "submissions.html",
            context! { phase, assignment, submissions => list, by_org, organisations => orgs, late, titles, judged, names, consequences },
        )?
        .into_response())
}

async fn submission_of(
    state: &AppState,
    ctx: &Ctx,
    slug: &str,
    org: i64,
) -> Result<Submission, AppError> {
    Ok(app::assignments::submission(&state.db, ctx.user()?, slug, org).await?)
}

async fn submission_page(
    state: &AppState,
    ctx: &Ctx,
    slug: &str,
    submission: Submission,
    errors: &Errors,
    comment: &str,
    status: StatusCode,
) -> Result<Response, AppError> {
    let (phase, assignment) = phase_with_assignment(state, slug)?;
    let id = submission.id;
    let history = state
        .db
        .read(move |c| submissions::revisions(c, id))
        .await?;
    let late = submission
        .submitted_at
        .is_some_and(|t| is_late(t, assignment.due, state.programme.time_zone));
    let titles = ranked_titles(state, &[&submission]).await?;
    let (_, names) = judged_scenarios(state, &[&submission]).await?;
    let assessment = assessment_of(&submission).map(|a| {
        judgement_rows(
            submission.organisation_id,
            &submission.organisation_name,
            submission.status,
            &a,
        )
    });
    let can_review = ctx.subject().is_ok_and(|s| can_review(&s));
    let scenario_names = consequence_names(state, &[&submission]).await?;
    let consequences = stored_consequences(state, &scenario_names, &submission);
    let themes = theme_names(state);
    let page = state.render(
        ctx,
        "submission.html",
        context! { phase, assignment, submission, history, late, titles, can_review, errors, comment, assessment, names, consequences, themes },
    )?;
    Ok((status, page).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, org)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    phase_with_assignment(&state, &slug)?;
    let submission = submission_of(&state, &ctx, &slug, org).await?;
    submission_page(
        &state,
        &ctx,
        &slug,
        submission,
        &Errors::new(),
        "",
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize, Default)]
pub struct ReviewForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    comment: String,
    #[serde(default)]
    version: String,
}

/// A process leader returns a submission with a comment, or accepts it.
pub async fn review(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, org)): Path<(String, i64)>,
    Form(form): Form<ReviewForm>,
) -> Result<Response, AppError> {
    let user = ctx.require(can_review)?;
    let input = ReviewInput {
        action: match form.action.as_str() {
            "return" => Action::Return,
            "accept" => Action::Accept,
            _ => return Err(AppError::Unprocessable),
        },
        comment: form.comment.clone(),
        version: form.version.trim().parse().ok(),
    };
    let (programme, actor) = (&state.programme, ctx.actor());
    let outcome = app::assignments::review(&state.db, programme, user, &actor, &slug, org, input);
    let (errors, status) = match outcome.await? {
        ReviewOutcome::Reviewed => {
            return Ok(Redirect::to(&format!("/phases/{slug}/submissions/{org}")).into_response());
        }
        ReviewOutcome::Invalid(errors) => (errors, StatusCode::UNPROCESSABLE_ENTITY),
        ReviewOutcome::Stale(errors) => (errors, StatusCode::CONFLICT),
    };
    let submission = submission_of(&state, &ctx, &slug, org).await?;
    submission_page(
        &state,
        &ctx,
        &slug,
        submission,
        &errors,
        &form.comment,
        status,
    )
    .await
}

/// The structured parts of every submission of a phase as CSV or XLSX: one row per ranked
/// trend, or, for a phase whose organisations assess scenarios, one row per organisation
/// and scenario.
pub async fn export_table(
    State(state): State<AppState>,
    ctx: Ctx,
    format: Export,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    ctx.require(can_read_all)?;
    let (_, assignment) = phase_with_assignment(&state, &slug)?;
    let phase_slug = slug.clone();
    let list = state
        .db
        .read(move |c| submissions::of_phase(c, &phase_slug))
        .await?;
    let t = |key: &str| crate::render::i18n::text(ctx.lang, key);
    let tz = state.programme.time_zone;
    let lead = |s: &Submission| {
        let late = s
            .submitted_at
            .is_some_and(|at| is_late(at, assignment.due, tz));
        crate::cells![
            s.organisation_name.clone(),
            t(&format!("submission-status-{}", s.status.key())),
            t(if late { "yes" } else { "no" }),
        ]
    };
    let all = list.iter().collect::<Vec<_>>();
    let (header, rows) = if assignment.parts.contains(&AssignmentPart::ScenarioRating) {
        let (_, names) = judged_scenarios(&state, &all).await?;
        let rows = assessment_rows(&list, &names, &lead, &t);
        (&ASSESSMENT_HEADER[..], rows)
    } else if assignment.parts.contains(&AssignmentPart::Milestones) {
        let orgs = state.db.read(organisations::all).await?;
        let org_names: BTreeMap<i64, String> = orgs.into_iter().map(|o| (o.id, o.name)).collect();
        let level = |slug: &str| consequence_term(&state, ctx.lang, slug);
        let rows = milestone_rows(&list, &org_names, &lead, &level, &t);
        (&MILESTONE_HEADER[..], rows)
    } else if assignment.parts.contains(&AssignmentPart::Consequences) {
        let names = consequence_names(&state, &all).await?;
        let term = |slug: &str| consequence_term(&state, ctx.lang, slug);
        let rows = consequence_rows(&list, &names, &lead, &term, &t);
        (&CONSEQUENCE_HEADER[..], rows)
    } else {
        let titles = ranked_titles(&state, &all).await?;
        (&RANKING_HEADER[..], ranking_rows(&list, &titles, &lead, &t))
    };
    let header = header.iter().map(|k| t(k)).collect();
    download(
        format,
        &Table::new(header, rows),
        &format!("{slug}-submissions"),
    )
}

/// One export row per ranked trend, after the submission's leading cells.
fn ranking_rows(
    list: &[Submission],
    titles: &HashMap<String, String>,
    lead: &dyn Fn(&Submission) -> Vec<Cell>,
    t: &dyn Fn(&str) -> String,
) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for s in list {
        let ranking: assignment::TrendRanking = s
            .parts
            .get("trend_ranking")
            .and_then(|v| serde_json::from_value(v.clone()).ok())
            .unwrap_or_default();
        for (which, items) in [("most", &ranking.most), ("least", &ranking.least)] {
            for (i, item) in items.iter().enumerate() {
                let title = titles.get(&item.note.to_string()).cloned();
                let mut row = lead(s);
                row.extend(crate::cells![
                    t(&format!("ranking-{which}")),
                    i + 1,
                    item.note,
                    title,
                    item.reason.clone(),
                ]);
                rows.push(row);
            }
        }
    }
    rows
}

/// One export row per organisation and scenario judged, after the submission's leading
/// cells.
fn assessment_rows(
    list: &[Submission],
    names: &BTreeMap<String, String>,
    lead: &dyn Fn(&Submission) -> Vec<Cell>,
    t: &dyn Fn(&str) -> String,
) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for s in list {
        let Some(assessment) = assessment_of(s) else {
            continue;
        };
        for r in judgement_rows(
            s.organisation_id,
            &s.organisation_name,
            s.status,
            &assessment,
        ) {
            let mut row = lead(s);
            row.extend(crate::cells![
                r.scenario,
                names.get(&r.scenario.to_string()).cloned(),
                r.interest.map(i64::from),
                r.plausibility.map(i64::from),
                r.desirability.map(i64::from),
                t(if r.most { "yes" } else { "no" }),
                r.reason,
            ]);
            rows.push(row);
        }
    }
    rows
}

/// The name of a consequence level or theme in `lang` (the slug if the programme has
/// no such term).
fn consequence_term(state: &AppState, lang: crate::domain::lang::Lang, slug: &str) -> String {
    let p = &state.programme;
    p.consequence_level(slug)
        .or_else(|| p.consequence_theme(slug))
        .map(|t| t.name.pick(lang, p.default_language).to_string())
        .unwrap_or_else(|| slug.to_string())
}

/// One export row per consequence of a submission's part `consequences`, after the
/// submission's leading cells.
fn consequence_rows(
    list: &[Submission],
    names: &[(i64, String)],
    lead: &dyn Fn(&Submission) -> Vec<Cell>,
    term: &dyn Fn(&str) -> String,
    t: &dyn Fn(&str) -> String,
) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for s in list {
        let Some(part) = consequence_part_of(s) else {
            continue;
        };
        for i in &part.items {
            let name = names.iter().find(|(id, _)| *id == i.scenario);
            let mut row = lead(s);
            row.extend(crate::cells![
                i.scenario,
                name.map(|(_, n)| n.clone()),
                term(&i.level),
                i.theme.as_deref().map(term),
                i64::from(i.order),
                i.valence.map(|v| t(&format!("cqp-valence-{}", v.key()))),
                i.magnitude
                    .map(|v| t(&format!("cqp-magnitude-{}", v.key()))),
                i.timing.map(|v| t(&format!("cqp-timing-{}", v.key()))),
                i.confidence.map(i64::from),
                i.text.clone(),
            ]);
            rows.push(row);
        }
    }
    rows
}

/// One export row per milestone and per action of a submission's part `milestones`,
/// after the submission's leading cells and its vision.
fn milestone_rows(
    list: &[Submission],
    org_names: &BTreeMap<i64, String>,
    lead: &dyn Fn(&Submission) -> Vec<Cell>,
    level: &dyn Fn(&str) -> String,
    t: &dyn Fn(&str) -> String,
) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for s in list {
        let Some(part) = milestone_part_of(s) else {
            continue;
        };
        let vision = |row: &mut Vec<Cell>| {
            row.extend(crate::cells![
                part.vision,
                part.content.title.clone(),
                i64::from(part.content.horizon),
                t(if part.adopted_from.is_some() {
                    "yes"
                } else {
                    "no"
                }),
            ]);
        };
        for m in &part.milestones {
            let mut row = lead(s);
            vision(&mut row);
            let ms = &m.milestone;
            row.extend(crate::cells![
                t("msp-item-milestone"),
                m.id,
                ms.year.to_string(),
                ms.title.clone(),
                level(&ms.level),
                t(&format!("bc-kind-{}", ms.kind.key())),
                ms.actor.clone(),
                String::new(),
            ]);
            rows.push(row);
        }
        for a in &part.actions {
            let mut row = lead(s);
            vision(&mut row);
            let ac = &a.action;
            row.extend(crate::cells![
                t("msp-item-action"),
                a.id,
                t(&format!("bc-start-{}", ac.start.key())),
                ac.text.clone(),
                String::new(),
                t(&format!("bc-status-{}", ac.status.key())),
                org_names.get(&ac.organisation).cloned(),
                ac.strategy.clone(),
            ]);
            rows.push(row);
        }
    }
    rows
}

/// The columns of the milestones' CSV, as catalogue keys.
const MILESTONE_HEADER: [&str; 15] = [
    "csv-organisation",
    "submission-status",
    "submission-late",
    "msp-col-vision-number",
    "msp-col-vision",
    "msp-col-horizon",
    "msp-adopted",
    "msp-col-item",
    "msp-col-number",
    "msp-col-when",
    "msp-col-text",
    "msp-col-level",
    "msp-col-kind",
    "msp-col-who",
    "msp-col-strategy",
];

/// The part `milestones` of one submission as a Markdown section: the vision, its
/// milestones by year and its actions.
fn milestones_markdown(
    state: &AppState,
    lang: crate::domain::lang::Lang,
    part: &MilestonePart,
) -> String {
    let t = |key: &str| crate::render::i18n::text(lang, key);
    let mut doc = format!("### {}\n\n", t("part-milestones"));
    let adopted = if part.adopted_from.is_some() {
        format!(" ({})", t("msp-adopted"))
    } else {
        String::new()
    };
    doc.push_str(&format!(
        "#### {} – {}{adopted}\n\n{}\n\n",
        part.content.title,
        part.content.horizon,
        part.content.statement.trim()
    ));
    if !part.milestones.is_empty() {
        doc.push_str(&format!("#### {}\n\n", t("msp-milestones")));
        for m in &part.milestones {
            let ms = &m.milestone;
            let level = consequence_term(state, lang, &ms.level);
            let title = ms.title.replace('\n', " ");
            doc.push_str(&format!("- {}: {title} ({level})\n", ms.year));
        }
        doc.push('\n');
    }
    if !part.actions.is_empty() {
        doc.push_str(&format!("#### {}\n\n", t("msp-actions")));
        for a in &part.actions {
            let ac = &a.action;
            let text = ac.text.replace('\n', " ");
            let start = t(&format!("bc-start-{}", ac.start.key()));
            let status = t(&format!("bc-status-{}", ac.status.key()));
            doc.push_str(&format!("- {text} ({start}; {status})\n"));
        }
        doc.push('\n');
    }
    doc
}

/// The columns of the consequences' CSV, as catalogue keys.
const CONSEQUENCE_HEADER: [&str; 13] = [
    "csv-organisation",
    "submission-status",
    "submission-late",
    "assessment-scenario-number",
    "assessment-scenario",
    "cqp-level",
    "cqp-theme",
    "cqp-order-short",
    "cqp-valence",
    "cqp-magnitude",
    "cqp-timing",
    "cqp-confidence",
    "cqp-text",
];

/// The columns of the rankings' CSV, as catalogue keys.
const RANKING_HEADER: [&str; 8] = [
    "csv-organisation",
    "submission-status",
    "submission-late",
    "ranking-list",
    "ranking-position",
    "csv-note",
    "csv-title",
    "ranking-reason",
];

/// The columns of the scenario assessments' CSV, as catalogue keys.
const ASSESSMENT_HEADER: [&str; 10] = [
    "csv-organisation",
    "submission-status",
    "submission-late",
    "assessment-scenario-number",
    "assessment-scenario",
    "assessment-interest",
    "assessment-plausibility",
    "assessment-desirability",
    "assessment-most-short",
    "assessment-reason",
];

/// The part `consequences` of one submission as a Markdown section, by scenario.
fn consequences_markdown(
    state: &AppState,
    lang: crate::domain::lang::Lang,
    part: &ConsequencePart,
    names: &[(i64, String)],
) -> String {
    let mut doc = format!(
        "### {}\n\n",
        crate::render::i18n::text(lang, "part-consequences")
    );
    for (id, name) in names {
        let items: Vec<&PartItem> = part.items.iter().filter(|i| i.scenario == *id).collect();
        if items.is_empty() {
            continue;
        }
        doc.push_str(&format!("#### {name}\n\n"));
        for i in items {
            let sign = i.valence.map_or("", |v| v.sign());
            let level = consequence_term(state, lang, &i.level);
            let text = i.text.replace('\n', " ");
            doc.push_str(&format!("- {sign} {level}: {text}\n"));
        }
        doc.push('\n');
    }
    doc
}

/// The texts of every submission of a phase as one Markdown document.
pub async fn export_markdown(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    ctx.require(can_read_all)?;
    let (phase, assignment) = phase_with_assignment(&state, &slug)?;
    let phase_slug = slug.clone();
    let list = state
        .db
        .read(move |c| submissions::of_phase(c, &phase_slug))
        .await?;
    let (lang, default) = (ctx.lang, state.programme.default_language);
    let t = |key: &str| crate::render::i18n::text(lang, key);
    let (phase, title) = (
        phase.title.pick(lang, default),
        assignment.title.pick(lang, default),
    );
    let names = consequence_names(&state, &list.iter().collect::<Vec<_>>()).await?;
    let mut doc = format!("# {phase}: {title}\n\n");
    for s in &list {
        let status = t(&format!("submission-status-{}", s.status.key()));
        doc.push_str(&format!("## {} ({status})\n\n", s.organisation_name));
        for q in &assignment.questions {
            let answer = s
                .answers
                .get(&q.key)
                .and_then(|a| a.as_str())
                .unwrap_or("–");
            doc.push_str(&format!(
                "### {}\n\n{answer}\n\n",
                q.text.pick(lang, default)
            ));
        }
        if let Some(part) = consequence_part_of(s) {
            doc.push_str(&consequences_markdown(&state, lang, &part, &names));
        }
        if let Some(part) = milestone_part_of(s) {
            doc.push_str(&milestones_markdown(&state, lang, &part));
        }
    }
    let markdown = "text/markdown; charset=utf-8".to_string();
    let file = format!("attachment; filename=\"{slug}-submissions.md\"");
    let headers = [
        (header::CONTENT_TYPE, markdown),
        (header::CONTENT_DISPOSITION, file),
    ];
    Ok((headers, doc).into_response())
}

/// The priority heatmap of a phase's trend rankings (handed-in submissions): process
/// leaders and editors, for the phase summary.
pub async fn heatmap(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let (phase, assignment, view) = heatmap_of(&state, &ctx, &slug).await?;
    Ok(state
        .render(&ctx, "heatmap.html", context! { phase, assignment, view })?
        .into_response())
}

/// A phase's heatmap, ready to draw, when the viewer may see it (the page and its
/// downloads alike).
pub(super) async fn heatmap_of<'a>(
    state: &'a AppState,
    ctx: &Ctx,
    slug: &str,
) -> Result<(&'a Phase, &'a HomeAssignment, minijinja::Value), AppError> {
    ctx.require(can_read_all)?;
    let (phase, assignment) = phase_with_assignment(state, slug)?;
    if !assignment
        .parts
        .contains(&crate::domain::programme::AssignmentPart::TrendRanking)
    {
        return Err(AppError::NotFound);
    }
    let phase_slug = slug.to_string();
    let data = state
        .db
        .read(move |c| crate::app::embeds::heatmap_data(c, &phase_slug))
        .await?;
    Ok((phase, assignment, super::embeds::heatmap_view(&data)))
}
