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
use crate::domain::bank::NoteType;
use crate::domain::picker::PickField;
use crate::domain::programme::{AssignmentPart, HomeAssignment, Phase};
use crate::domain::scenario::ScenarioAssessment;
use crate::render::table::{Cell, Table};
use crate::storage::bank::{self as notes};
use crate::storage::submissions::{self, Submission};
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
    assignment: &HomeAssignment,
    submission: Option<&Submission>,
    typed: &Typed,
    errors: &Errors,
    pickers: &BTreeMap<&'static str, FieldView>,
) -> Result<FormPage, AppError> {
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
    Ok(FormPage::new("assignment.html", typed, errors).with(context! {
        phase, assignment, submission, late, writable, titles, pickers, assessed, stored, names,
        most => assignment::RANK_MOST, least => assignment::RANK_LEAST,
        built => assignment.parts.iter().map(|p| (p.key(), assignment::part_is_built(*p))).collect::<BTreeMap<_, _>>(),
    }))
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
    form_page(
        &state,
        phase,
        assignment,
        current,
        &typed,
        &Errors::new(),
        &views,
    )
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
    let (phase, assignment) = phase_with_assignment(&state, &slug)?;
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
            assignment,
            current.as_ref(),
            &typed,
            &errors,
            &views,
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
                assignment,
                current.as_ref(),
                &typed,
                &errors,
                &views,
            );
            page.await?.status(StatusCode::CONFLICT)
        }
        WriteOutcome::Invalid { current, errors } => {
            let page = form_page(
                &state,
                phase,
                assignment,
                current.as_ref(),
                &typed,
                &errors,
                &views,
            );
            page.await?
        }
        WriteOutcome::Stale { newer, errors } => {
            let mut typed = typed.clone();
            typed.insert("version".into(), newer.version.to_string());
            let page = form_page(
                &state,
                phase,
                assignment,
                Some(&newer),
                &typed,
                &errors,
                &views,
            );
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
    Ok(state
        .render(
            &ctx,
            "submissions.html",
            context! { phase, assignment, submissions => list, by_org, organisations => orgs, late, titles, judged, names },
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
    let page = state.render(
        ctx,
        "submission.html",
        context! { phase, assignment, submission, history, late, titles, can_review, errors, comment, assessment, names },
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
