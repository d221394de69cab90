//! The progress tracker: every organisation × every phase, for process leaders, as a
//! table and as CSV.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::forms::{Export, download};
use super::{AppError, AppState, Ctx};
use crate::domain::embed::ProgressRow;
use crate::domain::organisation::Category;
use crate::domain::progress::{Cell, means};
use crate::render::table::{Cell as TableCell, Table};
use crate::storage::organisations::Organisation;

#[derive(Deserialize, Serialize, Default)]
pub struct ProgressQuery {
    #[serde(default)]
    category: Option<String>,
}

/// The tracker's rows for the chosen category.
async fn grid(
    state: &AppState,
    query: &ProgressQuery,
) -> Result<Vec<(Organisation, Vec<Cell>)>, AppError> {
    let category = query
        .category
        .as_deref()
        .filter(|c| !c.is_empty())
        .and_then(Category::parse);
    Ok(crate::app::progress::tracker(&state.db, &state.programme, category).await?)
}

pub async fn tracker(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<ProgressQuery>,
) -> Result<Response, AppError> {
    ctx.require(|s| s.can_lead_process())?;
    let rows = grid(&state, &query).await?;
    let cells: Vec<&[Cell]> = rows.iter().map(|(_, cells)| cells.as_slice()).collect();
    let means = means(&cells, state.programme.phases.len());
    let rows: Vec<ProgressRow> = rows
        .into_iter()
        .map(|(o, cells)| ProgressRow {
            organisation_id: o.id,
            name: o.name,
            cells,
        })
        .collect();
    Ok(state
        .render(
            &ctx,
            "progress.html",
            context! {
                view => context! { rows, means }, query,
                categories => Category::ALL.iter().map(|c| c.key()).collect::<Vec<_>>(),
            },
        )?
        .into_response())
}

/// The tracker as CSV or XLSX: per organisation and phase, the percentage done and
/// the state of each part.
pub async fn tracker_table(
    State(state): State<AppState>,
    ctx: Ctx,
    format: Export,
    Query(query): Query<ProgressQuery>,
) -> Result<Response, AppError> {
    ctx.require(|s| s.can_lead_process())?;
    let rows = grid(&state, &query).await?;
    let lang = ctx.lang;
    let default = state.programme.default_language;
    let t = |key: &str| crate::render::i18n::text(lang, key);
    let mut header = vec![t("csv-organisation"), t("org-category")];
    for phase in &state.programme.phases {
        let title = phase.title.pick(lang, default);
        header.push(format!("{title} (%)"));
        header.push(format!("{title}: {}", t("progress-status")));
    }
    let lines: Vec<Vec<TableCell>> = rows
        .iter()
        .map(|(o, cells)| {
            let mut line =
                crate::cells![o.name.clone(), t(&format!("category-{}", o.category.key()))];
            for c in cells {
                line.push(c.percent.map(i64::from).into());
                let mut status: Vec<String> = c.items.iter().map(|i| t(&i.state)).collect();
                if c.late {
                    status.push(t("submission-late-mark"));
                }
                if c.overdue {
                    status.push(t("progress-overdue"));
                }
                line.push(status.join("; ").into());
            }
            line
        })
        .collect();
    download(format, &Table::new(header, lines), "progress")
}

/// One organisation's way through the phases (its cells) and what it still owes; none
/// for the programme's organiser.
pub async fn organisation_progress(
    state: &AppState,
    organisation: i64,
) -> Result<Option<(Vec<Cell>, Vec<crate::domain::progress::Due>)>, AppError> {
    Ok(crate::app::progress::of_organisation(&state.db, &state.programme, organisation).await?)
}
