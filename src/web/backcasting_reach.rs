//! Backcasting as a table (CSV, XLSX: one row per vision, milestone and action) and as
//! JSON (the shape is documented in `domain::backcasting_reach`), of everything the
//! reader sees.

use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::forms::{Export, download};
use super::{AppError, AppState, Ctx};
use crate::app;
use crate::domain::backcasting_reach::{BackcastingFile, VerdictRecord, numbers};
use crate::render::i18n;
use crate::render::table::{Cell, Table};

/// The columns of the table export, by key (`bcr-column-{key}`).
const COLUMNS: [&str; 20] = [
    "kind",
    "id",
    "vision",
    "phase",
    "organisation",
    "title",
    "year",
    "level",
    "milestone_kind",
    "actor",
    "start",
    "strategy",
    "status",
    "depends_on",
    "milestones",
    "answers",
    "robust",
    "adapt",
    "fails",
    "verdicts",
];

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/backcasting.csv", get(export_table))
        .route("/backcasting.xlsx", get(export_table))
        .route("/backcasting.json", get(export_json))
}

/// Verdicts as a cell: `12: robust; 13: fails`.
fn verdict_cell(list: &[VerdictRecord]) -> String {
    list.iter()
        .map(|v| format!("{}: {}", v.scenario, v.verdict))
        .collect::<Vec<_>>()
        .join("; ")
}

fn rows(file: &BackcastingFile) -> Vec<Vec<Cell>> {
    let mut out = Vec::new();
    let none = || Cell::from("");
    for v in &file.visions {
        let org = v
            .organisation
            .as_ref()
            .map(|o| o.name.clone())
            .unwrap_or_default();
        out.push(vec![
            Cell::from("vision"),
            Cell::from(v.id),
            Cell::from(v.id),
            Cell::from(v.phase.clone()),
            Cell::from(org.clone()),
            Cell::from(v.title.clone()),
            Cell::from(i64::from(v.horizon)),
            none(),
            none(),
            none(),
            none(),
            none(),
            none(),
            none(),
            none(),
            none(),
            none(),
            none(),
            none(),
            none(),
        ]);
        for m in &v.milestones {
            out.push(vec![
                Cell::from("milestone"),
                Cell::from(m.id),
                Cell::from(v.id),
                Cell::from(v.phase.clone()),
                Cell::from(org.clone()),
                Cell::from(m.title.clone()),
                Cell::from(i64::from(m.year)),
                Cell::from(m.level.clone()),
                Cell::from(m.kind.clone()),
                Cell::from(m.actor.clone()),
                none(),
                none(),
                none(),
                Cell::from(numbers(&m.depends_on)),
                none(),
                Cell::from(numbers(&m.answers)),
                Cell::from(m.score.robust),
                Cell::from(m.score.adapt),
                Cell::from(m.score.fails),
                Cell::from(verdict_cell(&m.verdicts)),
            ]);
        }
        for a in &v.actions {
            out.push(vec![
                Cell::from("action"),
                Cell::from(a.id),
                Cell::from(v.id),
                Cell::from(v.phase.clone()),
                Cell::from(a.organisation.name.clone()),
                Cell::from(a.text.clone()),
                none(),
                none(),
                none(),
                none(),
                Cell::from(a.start.clone()),
                Cell::from(a.strategy.clone()),
                Cell::from(a.status.clone()),
                none(),
                Cell::from(numbers(&a.milestones)),
                Cell::from(numbers(&a.answers)),
                Cell::from(a.score.robust),
                Cell::from(a.score.adapt),
                Cell::from(a.score.fails),
                Cell::from(verdict_cell(&a.verdicts)),
            ]);
        }
    }
    out
}

/// One row per vision, milestone and action the reader sees, as CSV or XLSX.
async fn export_table(
    State(state): State<AppState>,
    ctx: Ctx,
    format: Export,
) -> Result<Response, AppError> {
    let file = app::backcasting_reach::file(&state.db, ctx.viewer.as_ref()).await?;
    let header: Vec<String> = COLUMNS
        .iter()
        .map(|c| i18n::text(ctx.lang, &format!("bcr-column-{c}")))
        .collect();
    let keys: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
    download(
        format,
        &Table::new(header, rows(&file)).with_csv_header(keys),
        "backcasting",
    )
}

/// Every vision the reader sees with its milestones and actions, as JSON.
async fn export_json(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let file = app::backcasting_reach::file(&state.db, ctx.viewer.as_ref()).await?;
    let body = serde_json::to_vec_pretty(&file).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"backcasting.json\"",
            ),
        ],
        body,
    )
        .into_response())
}
