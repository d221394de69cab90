//! Scenario sets as a table (CSV, XLSX) and as JSON, their import from that JSON, and
//! what the phase page and the final publication draw of them.

use axum::extract::{Multipart, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::{Value, context};

use super::forms::{Export, download};
use super::{AppError, AppState, Ctx};
use crate::app::scenario_reach::{self as reach, Imported, SetWith};
use crate::domain::scenario::can_write;
use crate::domain::scenario_reach::{ImportProblem, poles};
use crate::render::i18n;
use crate::render::table::{Cell, Table};

/// The columns of the table export, by key (`scenario-reach-column-{key}`).
const COLUMNS: [&str; 13] = [
    "set",
    "set_title",
    "phase",
    "set_status",
    "scenario",
    "quadrant",
    "poles",
    "name",
    "tagline",
    "narrative",
    "characteristics",
    "driver_states",
    "signposts",
];

/// Sets with their scenarios as the templates draw them: each scenario with the poles
/// its quadrant takes.
pub fn set_views(sets: &[SetWith]) -> Vec<Value> {
    sets.iter()
        .map(|(set, list)| {
            let scenarios: Vec<Value> = list
                .iter()
                .map(|s| context! { scenario => s, poles => poles(s.quadrant, &set.axes) })
                .collect();
            context! { set, scenarios }
        })
        .collect()
}

/// One row per scenario of every set the reader sees, as CSV or XLSX.
pub async fn export_table(
    State(state): State<AppState>,
    ctx: Ctx,
    format: Export,
) -> Result<Response, AppError> {
    let sets = reach::visible(&state.db, ctx.viewer.as_ref()).await?;
    let lines = |items: Vec<String>| items.join("\n");
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    for (set, list) in &sets {
        for s in list {
            rows.push(crate::cells![
                set.id,
                set.title.clone(),
                set.phase_slug.clone(),
                set.status.key(),
                s.id,
                s.quadrant.map(|q| q.key()),
                poles(s.quadrant, &set.axes).join(" / "),
                s.name.clone(),
                s.tagline.clone(),
                s.narrative.clone(),
                lines(s.characteristics.clone()),
                lines(
                    s.driver_states
                        .iter()
                        .map(|d| format!("#{}: {}", d.note, d.state))
                        .collect()
                ),
                lines(
                    s.signposts
                        .iter()
                        .map(|p| {
                            let mut text = p.text.clone();
                            if let Some(n) = p.note {
                                text.push_str(&format!(" (#{n})"));
                            }
                            if let Some(i) = &p.indicator {
                                text.push_str(&format!(" [{i}]"));
                            }
                            text
                        })
                        .collect()
                ),
            ]);
        }
    }
    let header: Vec<String> = COLUMNS
        .iter()
        .map(|c| i18n::text(ctx.lang, &format!("scenario-reach-column-{c}")))
        .collect();
    let keys: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
    download(
        format,
        &Table::new(header, rows).with_csv_header(keys),
        "scenarios",
    )
}

/// Every set the reader sees with its scenarios, as JSON (the shape is documented in
/// `domain::scenario_reach`).
pub async fn export_json(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let sets = reach::visible(&state.db, ctx.viewer.as_ref()).await?;
    let body = serde_json::to_vec_pretty(&reach::file(&sets))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"scenarios.json\"",
            ),
        ],
        body,
    )
        .into_response())
}

fn import_page(
    state: &AppState,
    ctx: &Ctx,
    problems: &[ImportProblem],
    typed: &str,
    status: StatusCode,
) -> Result<Response, AppError> {
    let page = state.render(ctx, "scenario_import.html", context! { problems, typed })?;
    Ok((status, page).into_response())
}

pub async fn import_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(can_write)?;
    import_page(&state, &ctx, &[], "", StatusCode::OK)
}

/// Imports one set with its scenarios from a JSON file or pasted text as a new draft;
/// anything wrong imports nothing and comes back with every problem and the text kept.
pub async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let user = ctx.require(can_write)?;
    let (mut file, mut text) = (Vec::new(), Vec::new());
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|_| AppError::Unprocessable)?
    {
        let name = field.name().unwrap_or("").to_string();
        let data = field.bytes().await.map_err(|_| AppError::TooLarge)?;
        match name.as_str() {
            "file" => file = data.to_vec(),
            "text" => text = data.to_vec(),
            _ => {}
        }
    }
    let data = if file.is_empty() { text } else { file };
    let outcome = reach::import(&state.db, &state.programme, user, &ctx.actor(), &data).await?;
    match outcome {
        Imported::Saved(id) => Ok(Redirect::to(&format!("/scenario-sets/{id}")).into_response()),
        Imported::Refused(problems) => {
            let typed = String::from_utf8_lossy(&data);
            import_page(
                &state,
                &ctx,
                &problems,
                &typed,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    }
}
