//! A scenario set's charts: the 2×2 cross, the comparison table and the assessment, each
//! on its page with its figures in a table beside it and as SVG and PNG files, under the
//! rules of who sees the set and its assessment. The views are shared with the editorial
//! texts that embed them.

use std::collections::BTreeSet;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use minijinja::{Value, context};
use serde::Deserialize;

use super::{AppError, AppState, Ctx};
use crate::app;
use crate::domain::embed::{Embedded, Snapshot};
use crate::domain::lang::Lang;
use crate::domain::scenario::{Measure, Method, Quadrant};
use crate::domain::scenario_chart::{
    self, AssessedRow, AssessmentData, CrossScenario, CrossText, NoteShown, SetCharts, Whisker,
};
use crate::render::format_number;
use crate::render::i18n::{text, text_with};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/scenario-sets/{id}/cross", get(cross_page))
        .route("/scenario-sets/{id}/comparison", get(comparison_page))
        .route("/scenario-sets/{id}/assessment", get(assessment_page))
        .route("/scenario-sets/{id}/charts/{file}", get(chart_file))
}

#[derive(Debug, Default, Deserialize)]
pub struct AssessmentQuery {
    #[serde(default)]
    organisation: Option<String>,
}

impl AssessmentQuery {
    /// The organisation asked for; a value that is no number asks for none.
    fn organisation(&self) -> Option<i64> {
        self.organisation
            .as_deref()
            .and_then(|o| o.trim().parse().ok())
    }
}

/// A note as a chart names it: its number, and its title where the reader may see it.
fn note_label(note: &NoteShown) -> String {
    if note.title.is_empty() {
        format!("#{}", note.id)
    } else {
        format!("#{} {}", note.id, note.title)
    }
}

/// The poles of a quadrant, first axis then second, as the figures table names it.
fn quadrant_poles(data: &SetCharts, q: Quadrant) -> String {
    let pole = |i: usize, high: bool| {
        data.axes
            .get(i)
            .map(|a| if high { a.high.clone() } else { a.low.clone() })
            .unwrap_or_default()
    };
    format!("{} · {}", pole(0, q.x_high()), pole(1, q.y_high()))
}

/// The cross of a set, ready to draw, with its figures table's rows.
pub fn cross_view(data: &SetCharts, lang: Lang) -> Value {
    let axis = |i: usize| data.axes.get(i);
    let pole = |i: usize, high: bool| {
        axis(i)
            .map(|a| {
                if high {
                    a.high.as_str()
                } else {
                    a.low.as_str()
                }
            })
            .unwrap_or("")
    };
    let axis_line = |i: usize, key: &str| {
        axis(i)
            .map(|a| text_with(lang, key, &[("note", note_label(&a.note).into())]))
            .unwrap_or_default()
    };
    let axes = [
        axis_line(0, "scenario-chart-axis-first"),
        axis_line(1, "scenario-chart-axis-second"),
    ];
    let predetermined: Vec<String> = data.predetermined.iter().map(note_label).collect();
    let heading = text(lang, "scenario-chart-predetermined");
    let legend = text(lang, "scenario-chart-marker-legend");
    let words = CrossText {
        poles: [pole(0, false), pole(0, true), pole(1, false), pole(1, true)],
        axes: [&axes[0], &axes[1]],
        predetermined_heading: &heading,
        predetermined: &predetermined,
        marker_legend: &legend,
    };
    let placed: Vec<CrossScenario> = data
        .scenarios
        .iter()
        .filter_map(|s| {
            Some(CrossScenario {
                id: s.id,
                quadrant: s.quadrant?,
                name: &s.name,
                tagline: &s.tagline,
                count: data.count(s.id),
            })
        })
        .collect();
    let geometry = scenario_chart::cross(&placed, &words);
    let rows: Vec<Value> = Quadrant::ALL
        .iter()
        .filter_map(|&q| {
            let s = data.scenarios.iter().find(|s| s.quadrant == Some(q))?;
            let by = data
                .chosen
                .as_ref()
                .and_then(|all| all.iter().find(|c| c.scenario == s.id))
                .map(|c| c.by.clone());
            Some(context! {
                quadrant => q.key(), poles => quadrant_poles(data, q), scenario => s,
                count => data.count(s.id), by,
            })
        })
        .collect();
    context! {
        kind => "scenario_cross", data, cross => geometry, rows, axes, predetermined,
    }
}

/// The comparison of a set's scenarios, ready to draw, with its rows for the table.
pub fn comparison_view(data: &SetCharts, lang: Lang) -> Value {
    let rows = data.comparison_rows(&text(lang, "scenario-chart-characteristics"));
    let names: Vec<&str> = data.scenarios.iter().map(|s| s.name.as_str()).collect();
    let geometry = scenario_chart::comparison(&names, &rows);
    let table: Vec<Value> = rows
        .iter()
        .map(|r| context! { label => &r.label, cells => &r.cells })
        .collect();
    context! { kind => "scenario_comparison", data, table => geometry, rows => table }
}

/// A set's scenarios as an editorial text shows them: the cross (of a two-axis set) and
/// the comparison.
pub fn scenarios_view(data: &SetCharts, lang: Lang) -> Value {
    let cross = (data.axes.len() == 2).then(|| cross_view(data, lang));
    context! {
        kind => "scenarios", data, cross, comparison => comparison_view(data, lang),
    }
}

/// The figures of a measure as written beside its whisker.
fn figures_text(lang: Lang, f: &crate::domain::embed::Figure) -> String {
    match (f.median, f.q1, f.q3) {
        (Some(m), Some(a), Some(b)) => text_with(
            lang,
            "scenario-chart-value",
            &[
                ("median", format_number(lang, m).into()),
                ("q1", format_number(lang, a).into()),
                ("q3", format_number(lang, b).into()),
                ("n", f.n.into()),
            ],
        ),
        _ => text(lang, "scenario-chart-no-answers"),
    }
}

/// A set's assessment, ready to draw, with the categories its table has columns for.
pub fn assessment_view(data: &AssessmentData, lang: Lang) -> Value {
    let labels: Vec<String> = Measure::ALL
        .iter()
        .map(|m| text(lang, &format!("scenario-chart-measure-{}", m.key())))
        .collect();
    let rows: Vec<AssessedRow> = data
        .rows
        .iter()
        .map(|r| AssessedRow {
            id: r.scenario,
            name: &r.name,
            measures: r
                .measures
                .iter()
                .zip(&labels)
                .map(|(m, label)| {
                    let f = &m.overall;
                    (
                        label.as_str(),
                        Whisker {
                            median: f.median,
                            q1: f.q1,
                            q3: f.q3,
                        },
                        figures_text(lang, f),
                    )
                })
                .collect(),
        })
        .collect();
    let geometry = scenario_chart::assessment(&rows);
    let categories: BTreeSet<&String> = data
        .rows
        .iter()
        .flat_map(|r| r.measures.iter().flat_map(|m| m.by_category.keys()))
        .collect();
    let measures: std::collections::BTreeMap<&str, &String> =
        Measure::ALL.iter().map(|m| m.key()).zip(&labels).collect();
    context! {
        kind => "scenario_assessment", data, chart => geometry, categories, measures,
        scenarios => data.rows.len(),
    }
}

/// The cross of a two-axis set.
async fn cross_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let data = app::scenario_charts::cross(&state.db, ctx.viewer.as_ref(), id).await?;
    let view = cross_view(&data, ctx.lang);
    page(&state, &ctx, "cross", (&data.title, true), id, view, "")
}

/// The comparison of a set's scenarios.
async fn comparison_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let data = app::scenario_charts::charts(&state.db, ctx.viewer.as_ref(), id).await?;
    let view = comparison_view(&data, ctx.lang);
    let two_axes = data.axes.len() == 2;
    page(
        &state,
        &ctx,
        "comparison",
        (&data.title, two_axes),
        id,
        view,
        "",
    )
}

/// The assessment of a set, everyone's or one organisation's.
async fn assessment_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<AssessmentQuery>,
) -> Result<Response, AppError> {
    let organisation = query.organisation();
    let data =
        app::scenario_charts::assessment(&state.db, ctx.viewer.as_ref(), id, organisation).await?;
    let view = assessment_view(&data, ctx.lang);
    let filter = organisation
        .map(|o| format!("?organisation={o}"))
        .unwrap_or_default();
    let two_axes = data.method == Method::TwoAxes;
    page(
        &state,
        &ctx,
        "assessment",
        (&data.title, two_axes),
        id,
        view,
        &filter,
    )
}

/// The charts a set has, as (stem, its title's key): the cross only for two axes.
fn chart_keys(two_axes: bool) -> Vec<(&'static str, &'static str)> {
    [
        ("cross", "scenario-chart-cross-title"),
        ("comparison", "scenario-chart-comparison-title"),
        ("assessment", "scenario-chart-assessment-title"),
    ]
    .into_iter()
    .filter(|(stem, _)| two_axes || *stem != "cross")
    .collect()
}

/// A chart's page: `title` is the set's, with whether it has two axes (and so a cross).
fn page(
    state: &AppState,
    ctx: &Ctx,
    which: &str,
    (title, two_axes): (&str, bool),
    id: i64,
    view: Value,
    query: &str,
) -> Result<Response, AppError> {
    let lang = ctx.lang;
    let links: Vec<(&str, String)> = chart_keys(two_axes)
        .into_iter()
        .map(|(stem, key)| (stem, text(lang, key)))
        .collect();
    let heading = text(lang, &format!("scenario-chart-{which}-title"));
    let help = text(lang, &format!("scenario-chart-{which}-help"));
    Ok(state
        .render(
            ctx,
            "scenario_chart.html",
            context! {
                which, title, heading, help, links, set_id => id, view, query,
                signed_in => ctx.viewer.is_some(),
            },
        )?
        .into_response())
}

/// `cross`, `comparison` or `assessment` of a set as SVG or PNG.
async fn chart_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(i64, String)>,
    Query(query): Query<AssessmentQuery>,
) -> Result<Response, AppError> {
    let (stem, format) = super::charts::split(&file)?;
    let viewer = ctx.viewer.as_ref();
    let (view, title, set_title) = match stem {
        "cross" => {
            let data = app::scenario_charts::cross(&state.db, viewer, id).await?;
            (
                cross_view(&data, ctx.lang),
                "scenario-chart-cross-title",
                data.title,
            )
        }
        "comparison" => {
            let data = app::scenario_charts::charts(&state.db, viewer, id).await?;
            (
                comparison_view(&data, ctx.lang),
                "scenario-chart-comparison-title",
                data.title,
            )
        }
        "assessment" => {
            let organisation = query.organisation();
            let data =
                app::scenario_charts::assessment(&state.db, viewer, id, organisation).await?;
            (
                assessment_view(&data, ctx.lang),
                "scenario-chart-assessment-title",
                data.title,
            )
        }
        _ => return Err(AppError::NotFound),
    };
    let name = super::charts::file_name(&[&text(ctx.lang, title), &set_title]);
    super::charts::answer(&state, &ctx, view, &name, format).await
}

/// A scenario chart of a published text, as frozen: `scenarios-<set>-cross`,
/// `scenarios-<set>-comparison` or `scenario-assessment-<set>`.
pub fn published_view(material: &Snapshot, stem: &str, lang: Lang) -> Option<Value> {
    if let Some(rest) = stem.strip_prefix("scenario-assessment-") {
        return match material.get(&format!("scenario-assessment:{rest}")) {
            Some(Embedded::ScenarioAssessment(data)) => Some(assessment_view(data, lang)),
            _ => None,
        };
    }
    let rest = stem.strip_prefix("scenarios-")?;
    let (set, chart) = rest.split_once('-')?;
    let Some(Embedded::Scenarios(data)) = material.get(&format!("scenarios:{set}")) else {
        return None;
    };
    match chart {
        "cross" if data.axes.len() == 2 => Some(cross_view(data, lang)),
        "comparison" => Some(comparison_view(data, lang)),
        _ => None,
    }
}
