//! Home assignments: an organisation's strategists write and submit their phase's
//! submission; process leaders read them side by side, return or accept them, and export
//! them.

use std::collections::{BTreeMap, HashMap};

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use serde::Deserialize;

use super::forms::FormPage;
use super::forms::{Form, csv_download};
use super::{AppError, AppState, Ctx};
use crate::domain::assignment::{
    self, Action, Bank, Errors, SubmissionStatus, Typed, can_read, can_read_all, can_review,
    can_write, is_late, part_fields, read_answers, read_part, transition,
};
use crate::domain::bank::{NoteStatus, NoteType, note_number};
use crate::domain::programme::{HomeAssignment, Phase};
use crate::storage::bank::{self as notes, Brief};
use crate::storage::submissions::{self, Draft, Submission};
use crate::storage::{Edit, audit, organisations};

fn phase_with_assignment<'a>(
    state: &'a AppState,
    slug: &str,
) -> Result<(&'a Phase, &'a HomeAssignment), AppError> {
    let phase = state
        .programme
        .phases
        .iter()
        .find(|p| p.slug == slug)
        .ok_or(AppError::NotFound)?;
    let assignment = phase.home_assignment().ok_or(AppError::NotFound)?;
    Ok((phase, assignment))
}

/// The notes typed into a form, as the bank knows them.
struct Briefs(HashMap<i64, Brief>);

impl Bank for Briefs {
    fn is_rankable_trend(&self, note: i64) -> bool {
        self.0.get(&note).is_some_and(|b| {
            b.note_type == NoteType::Trend
                && matches!(b.status, NoteStatus::Submitted | NoteStatus::Curated)
        })
    }
}

async fn briefs_of(state: &AppState, typed: &Typed) -> Result<Briefs, AppError> {
    let ids: Vec<i64> = typed
        .iter()
        .filter(|(k, _)| !k.ends_with("-reason") && !k.starts_with("answer-"))
        .filter_map(|(_, v)| note_number(v))
        .take(64)
        .collect();
    let found = state.db.read(move |c| notes::briefs(c, &ids)).await?;
    Ok(Briefs(found.into_iter().map(|b| (b.id, b)).collect()))
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

/// The home assignment's form for `submission` (none: not started), with what was typed.
async fn form_page(
    state: &AppState,
    phase: &Phase,
    assignment: &HomeAssignment,
    submission: Option<&Submission>,
    typed: &Typed,
    errors: &Errors,
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
    Ok(FormPage::new("assignment.html", typed, errors).with(context! {
        phase, assignment, submission, late, writable, titles,
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
    let (org, phase_slug) = (user.organisation_id, slug.clone());
    let submission = state
        .db
        .read(move |c| submissions::get(c, &phase_slug, org))
        .await?;
    let typed = submission
        .as_ref()
        .map(|s| fields_of(assignment, s))
        .unwrap_or_default();
    form_page(
        &state,
        phase,
        assignment,
        submission.as_ref(),
        &typed,
        &Errors::new(),
    )
    .await?
    .render(&state, &ctx)
}

/// Saves the organisation's draft, or submits it. Nothing is taken from a form with an
/// error; an edit based on an older version is refused with the newer one shown.
pub async fn write(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(typed): Form<Typed>,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let (phase, assignment) = phase_with_assignment(&state, &slug)?;
    let subject = ctx.subject()?;
    if !can_write(&subject, user.organisation_id) {
        return Err(AppError::Forbidden);
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
    let (org, phase_slug) = (user.organisation_id, slug.clone());
    let current = state
        .db
        .read(move |c| submissions::get(c, &phase_slug, org))
        .await?;
    let mut errors = Errors::new();
    let next = match transition(current.as_ref().map(|s| s.status), action) {
        Ok(next) => next,
        Err(message) => {
            errors.insert("status".into(), message);
            return form_page(&state, phase, assignment, current.as_ref(), &typed, &errors)
                .await?
                .status(StatusCode::CONFLICT)
                .render(&state, &ctx);
        }
    };
    let submitting = action == Action::Submit;
    let answers = read_answers(assignment, &typed, submitting, &mut errors);
    let bank = briefs_of(&state, &typed).await?;
    let mut parts = serde_json::Map::new();
    for part in &assignment.parts {
        if let Some(value) = read_part(*part, &typed, &bank, submitting, &mut errors) {
            parts.insert(part.key().to_string(), value);
        }
    }
    if !errors.is_empty() {
        return form_page(&state, phase, assignment, current.as_ref(), &typed, &errors)
            .await?
            .render(&state, &ctx);
    }
    let answers = serde_json::to_value(answers).unwrap_or_default();
    let parts = serde_json::Value::Object(parts);
    let (by, actor, phase_slug) = (user.id, ctx.actor(), slug.clone());
    let written = state
        .db
        .write(move |tx| {
            let written = submissions::write(
                tx,
                &Draft {
                    phase: &phase_slug,
                    organisation: org,
                    base_version,
                    status: next,
                    action,
                    answers: &answers,
                    parts: &parts,
                },
                by,
            )?;
            if written.is_saved() {
                audit::record(
                    tx,
                    &actor,
                    &format!("assignment.{}", action.key()),
                    Some(&format!("organisation:{org}")),
                    Some(&phase_slug),
                )?;
            }
            Ok(written)
        })
        .await?;
    match written {
        Edit::Saved { .. } => {
            Ok(Redirect::to(&format!("/phases/{slug}/assignment")).into_response())
        }
        Edit::Missing => Err(AppError::NotFound),
        Edit::Stale(newer) => {
            let mut typed = typed;
            typed.insert("version".into(), newer.version.to_string());
            errors.insert("version".into(), "error-stale-edit");
            form_page(&state, phase, assignment, Some(&newer), &typed, &errors)
                .await?
                .stale(&newer)
                .render(&state, &ctx)
        }
    }
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
    let by_org: BTreeMap<String, &Submission> = list
        .iter()
        .map(|s| (s.organisation_id.to_string(), s))
        .collect();
    Ok(state
        .render(
            &ctx,
            "submissions.html",
            context! { phase, assignment, submissions => list, by_org, organisations => orgs, late, titles },
        )?
        .into_response())
}

async fn submission_of(
    state: &AppState,
    ctx: &Ctx,
    slug: &str,
    org: i64,
) -> Result<Submission, AppError> {
    let subject = ctx.subject()?;
    let phase_slug = slug.to_string();
    let submission = state
        .db
        .read(move |c| submissions::get(c, &phase_slug, org))
        .await?
        .ok_or(AppError::NotFound)?;
    if !can_read(&subject, submission.organisation_id, submission.status) {
        return Err(AppError::NotFound);
    }
    Ok(submission)
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
    let can_review = ctx.subject().is_ok_and(|s| can_review(&s));
    let page = state.render(
        ctx,
        "submission.html",
        context! { phase, assignment, submission, history, late, titles, can_review, errors, comment },
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
    phase_with_assignment(&state, &slug)?;
    let submission = submission_of(&state, &ctx, &slug, org).await?;
    let action = match form.action.as_str() {
        "return" => Action::Return,
        "accept" => Action::Accept,
        _ => return Err(AppError::Unprocessable),
    };
    let comment = form.comment.trim().to_string();
    let mut errors = Errors::new();
    if action == Action::Return && comment.is_empty() {
        errors.insert("comment".into(), "error-return-comment");
    }
    if comment.chars().count() > assignment::ANSWER_MAX {
        errors.insert("comment".into(), "error-too-long");
    }
    let next = match transition(Some(submission.status), action) {
        Ok(next) => Some(next),
        Err(message) => {
            errors.insert("status".into(), message);
            None
        }
    };
    let base: i64 = form.version.trim().parse().unwrap_or(submission.version);
    let Some(next) = next.filter(|_| errors.is_empty()) else {
        return submission_page(
            &state,
            &ctx,
            &slug,
            submission,
            &errors,
            &form.comment,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let (by, actor, id) = (user.id, ctx.actor(), submission.id);
    let stored_comment = (!comment.is_empty()).then_some(comment.clone());
    let phase_slug = slug.clone();
    let changed = state
        .db
        .write(move |tx| {
            let changed =
                submissions::review(tx, id, base, next, action, stored_comment.as_deref(), by)?;
            if changed {
                audit::record(
                    tx,
                    &actor,
                    &format!("assignment.{}", action.key()),
                    Some(&format!("organisation:{org}")),
                    Some(&phase_slug),
                )?;
            }
            Ok(changed)
        })
        .await?;
    if changed {
        Ok(Redirect::to(&format!("/phases/{slug}/submissions/{org}")).into_response())
    } else {
        let submission = submission_of(&state, &ctx, &slug, org).await?;
        errors.insert("status".into(), "error-stale-edit");
        submission_page(
            &state,
            &ctx,
            &slug,
            submission,
            &errors,
            &form.comment,
            StatusCode::CONFLICT,
        )
        .await
    }
}

/// The structured parts of every submission of a phase as CSV (one row per ranked trend).
pub async fn export_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    ctx.require(can_read_all)?;
    let (_, assignment) = phase_with_assignment(&state, &slug)?;
    let phase_slug = slug.clone();
    let list = state
        .db
        .read(move |c| submissions::of_phase(c, &phase_slug))
        .await?;
    let titles = ranked_titles(&state, &list.iter().collect::<Vec<_>>()).await?;
    let lang = ctx.lang;
    let t = |key: &str| crate::render::i18n::text(lang, key);
    let tz = state.programme.time_zone;
    let header: Vec<String> = [
        "csv-organisation",
        "submission-status",
        "submission-late",
        "ranking-list",
        "ranking-position",
        "csv-note",
        "csv-title",
        "ranking-reason",
    ]
    .iter()
    .map(|k| t(k))
    .collect();
    let mut rows = Vec::new();
    for s in &list {
        let late = s
            .submitted_at
            .is_some_and(|at| is_late(at, assignment.due, tz));
        let ranking: assignment::TrendRanking = s
            .parts
            .get("trend_ranking")
            .and_then(|v| serde_json::from_value(v.clone()).ok())
            .unwrap_or_default();
        for (list, items) in [("most", &ranking.most), ("least", &ranking.least)] {
            for (i, item) in items.iter().enumerate() {
                rows.push(vec![
                    s.organisation_name.clone(),
                    t(&format!("submission-status-{}", s.status.key())),
                    if late { t("yes") } else { t("no") },
                    t(&format!("ranking-{list}")),
                    (i + 1).to_string(),
                    item.note.to_string(),
                    titles
                        .get(&item.note.to_string())
                        .cloned()
                        .unwrap_or_default(),
                    item.reason.clone(),
                ]);
            }
        }
    }
    csv_download(&header, &rows, &format!("{slug}-submissions.csv"))
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
    let lang = ctx.lang;
    let default = state.programme.default_language;
    let t = |key: &str| crate::render::i18n::text(lang, key);
    let mut doc = format!(
        "# {}: {}\n\n",
        phase.title.pick(lang, default),
        assignment.title.pick(lang, default)
    );
    for s in &list {
        doc.push_str(&format!(
            "## {} ({})\n\n",
            s.organisation_name,
            t(&format!("submission-status-{}", s.status.key()))
        ));
        for q in &assignment.questions {
            doc.push_str(&format!("### {}\n\n", q.text.pick(lang, default)));
            let answer = s
                .answers
                .get(&q.key)
                .and_then(|a| a.as_str())
                .unwrap_or("–");
            doc.push_str(answer);
            doc.push_str("\n\n");
        }
    }
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "text/markdown; charset=utf-8".to_string(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{slug}-submissions.md\""),
            ),
        ],
        doc,
    )
        .into_response())
}

/// The priority heatmap of a phase's trend rankings (handed-in submissions): process
/// leaders and editors, for the phase summary.
pub async fn heatmap(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    ctx.require(can_read_all)?;
    let (phase, assignment) = phase_with_assignment(&state, &slug)?;
    if !assignment
        .parts
        .contains(&crate::domain::programme::AssignmentPart::TrendRanking)
    {
        return Err(AppError::NotFound);
    }
    let phase_slug = slug.clone();
    let data = state
        .db
        .read(move |c| crate::app::embeds::heatmap_data(c, &phase_slug))
        .await?;
    let view = super::embeds::heatmap_view(&data);
    Ok(state
        .render(&ctx, "heatmap.html", context! { phase, assignment, view })?
        .into_response())
}
