//! A vision's backcasting timeline and stress-test grid (each with its figures in a
//! table, and as SVG and PNG files), and the stress-test form of a milestone or action;
//! under the rules of who sees the vision and who judges it. The views are shared with
//! the editorial texts that embed them.

use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use minijinja::{Value, context};

use super::charts::{Format, answer, file_name, split};
use super::forms::{Form, FormPage};
use super::{AppError, AppState, Ctx};
use crate::app::backcasting::{VerdictInput, judge};
use crate::app::backcasting_charts::{self as charts, JudgeForm};
use crate::domain::backcasting::{Errors, ItemKind, Typed, Verdict};
use crate::domain::backcasting_chart::{self, StressData, TimelineData};
use crate::domain::embed::{Embedded, Snapshot};
use crate::domain::lang::Lang;
use crate::render::i18n::text;

/// The routes of the timeline, the grid, their files and the stress-test forms: only in
/// a programme with backcasting phases (elsewhere none of them is there).
pub fn backcasting_chart_routes(state: &AppState) -> Router<AppState> {
    if crate::domain::backcasting::phases(&state.programme).is_empty() {
        return Router::new();
    }
    Router::new()
        .route("/visions/{id}/timeline", get(timeline_page))
        .route("/visions/{id}/stress-test", get(stress_page))
        .route("/visions/{id}/charts/{file}", get(chart_file))
        .route(
            "/milestones/{id}/stress-test",
            get(milestone_form).post(milestone_judge),
        )
        .route(
            "/actions/{id}/stress-test",
            get(action_form).post(action_judge),
        )
}

/// The timeline, ready to draw: the figures and the chart, the levels named in `lang`.
pub fn timeline_view(data: &TimelineData, lang: Lang, fallback: Lang) -> Value {
    let levels: Vec<&str> = data
        .levels
        .iter()
        .map(|t| t.name.pick(lang, fallback))
        .collect();
    let chart = backcasting_chart::timeline(data, &levels, &text(lang, "bcc-lane-actions"));
    context! { kind => "backcasting", data, chart }
}

/// The stress-test grid, ready to draw.
pub fn stress_view(data: &StressData) -> Value {
    let chart = backcasting_chart::grid(data);
    context! { kind => "stress_test", data, chart }
}

/// A backcasting chart of a published text, as frozen: `backcasting-<vision>` or
/// `stress-test-<vision>`.
pub fn published_view(material: &Snapshot, stem: &str, lang: Lang) -> Option<Value> {
    let (kind, id) = stem.rsplit_once('-')?;
    match (kind, material.get(&format!("{kind}:{id}"))?) {
        ("backcasting", Embedded::Backcasting(data)) => Some(timeline_view(data, lang, lang)),
        ("stress-test", Embedded::StressTest(data)) => Some(stress_view(data)),
        _ => None,
    }
}

/// `/visions/{id}/timeline`.
async fn timeline_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let found = charts::charts(&state.db, &state.programme, ctx.viewer.as_ref(), id).await?;
    let view = timeline_view(&found.timeline, ctx.lang, state.programme.default_language);
    Ok(state
        .render(&ctx, "backcasting_chart.html", context! { found, view })?
        .into_response())
}

/// `/visions/{id}/stress-test`.
async fn stress_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let found = charts::charts(&state.db, &state.programme, ctx.viewer.as_ref(), id).await?;
    let view = stress_view(&found.stress);
    Ok(state
        .render(&ctx, "stress_test.html", context! { found, view })?
        .into_response())
}

/// `/visions/{id}/charts/timeline.svg|png` and `…/stress-test.svg|png`.
async fn chart_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(i64, String)>,
) -> Result<Response, AppError> {
    let (stem, format): (&str, Format) = split(&file)?;
    if !matches!(stem, "timeline" | "stress-test") {
        return Err(AppError::NotFound);
    }
    let found = charts::charts(&state.db, &state.programme, ctx.viewer.as_ref(), id).await?;
    let (view, title) = if stem == "timeline" {
        let fallback = state.programme.default_language;
        (
            timeline_view(&found.timeline, ctx.lang, fallback),
            "bcc-timeline-title",
        )
    } else {
        (stress_view(&found.stress), "bcc-stress-title")
    };
    let name = file_name(&[&text(ctx.lang, title), &found.vision.title]);
    answer(&state, &ctx, view, &name, format).await
}

fn form_path(kind: ItemKind, item: i64) -> String {
    format!("/{}s/{item}/stress-test", kind.key())
}

/// The form as stored (`typed` none) or as typed, with its errors.
fn form_page(found: &JudgeForm, typed: Option<&Typed>, errors: &Errors) -> FormPage {
    let mut form = Typed::new();
    for row in &found.rows {
        let (verdict, note) = match typed {
            Some(t) => (
                t.get(&row.verdict_field).cloned().unwrap_or_default(),
                t.get(&row.note_field).cloned().unwrap_or_default(),
            ),
            None => (row.verdict.clone(), row.note.clone()),
        };
        form.insert(row.verdict_field.clone(), verdict);
        form.insert(row.note_field.clone(), note);
    }
    let verdicts: Vec<(&str, &str)> = [Verdict::Robust, Verdict::Adapt, Verdict::Fails]
        .iter()
        .map(|v| (v.key(), v.shape()))
        .collect();
    FormPage::new("stress_test_form.html", form, errors).with(context! {
        found, action => form_path(found.kind, found.item), verdicts,
    })
}

async fn show_form(
    state: &AppState,
    ctx: &Ctx,
    kind: ItemKind,
    id: i64,
) -> Result<Response, AppError> {
    let found = charts::judge_form(&state.db, ctx.user()?, kind, id).await?;
    form_page(&found, None, &Errors::new()).render(state, ctx)
}

/// The verdicts typed: every `verdict-{scenario}` and `note-{scenario}` field, by
/// scenario number; a field naming no number is not a verdict.
fn inputs(typed: &Typed) -> Vec<VerdictInput> {
    let mut by: std::collections::BTreeMap<i64, VerdictInput> = Default::default();
    for (name, value) in typed {
        let (scenario, is_note) = if let Some(n) = name.strip_prefix("verdict-") {
            (n, false)
        } else if let Some(n) = name.strip_prefix("note-") {
            (n, true)
        } else {
            continue;
        };
        let Ok(scenario) = scenario.parse::<i64>() else {
            continue;
        };
        let input = by.entry(scenario).or_insert_with(|| VerdictInput {
            scenario,
            ..VerdictInput::default()
        });
        if is_note {
            input.note = value.clone();
        } else {
            input.verdict = value.clone();
        }
    }
    by.into_values().collect()
}

async fn save_form(
    state: &AppState,
    ctx: &Ctx,
    kind: ItemKind,
    id: i64,
    typed: Typed,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let found = charts::judge_form(&state.db, user, kind, id).await?;
    if ctx.unsaved.is_some() {
        return form_page(&found, Some(&typed), &Errors::new()).render(state, ctx);
    }
    match judge(&state.db, user, &ctx.actor(), kind, id, inputs(&typed)).await? {
        Ok(vision) => Ok(Redirect::to(&format!("/visions/{vision}/stress-test")).into_response()),
        Err(errors) => form_page(&found, Some(&typed), &errors).render(state, ctx),
    }
}

async fn milestone_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    show_form(&state, &ctx, ItemKind::Milestone, id).await
}

async fn action_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    show_form(&state, &ctx, ItemKind::Action, id).await
}

async fn milestone_judge(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(typed): Form<Typed>,
) -> Result<Response, AppError> {
    save_form(&state, &ctx, ItemKind::Milestone, id, typed).await
}

async fn action_judge(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(typed): Form<Typed>,
) -> Result<Response, AppError> {
    save_form(&state, &ctx, ItemKind::Action, id, typed).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_are_read_by_scenario_number() {
        let typed: Typed = [
            ("verdict-3", "robust"),
            ("note-3", "Håller"),
            ("note-4", "Oklart"),
            ("verdict-x", "fails"),
            ("_csrf", "t"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let read = inputs(&typed);
        assert_eq!(read.len(), 2);
        assert_eq!(
            (
                read[0].scenario,
                read[0].verdict.as_str(),
                read[0].note.as_str()
            ),
            (3, "robust", "Håller")
        );
        assert_eq!((read[1].scenario, read[1].verdict.as_str()), (4, ""));
    }
}
