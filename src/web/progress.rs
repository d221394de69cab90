//! The progress tracker: every organisation × every phase, for process leaders, as a
//! table (the active phase in front, sorted and filtered as asked) and as CSV or XLSX.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::forms::{Export, download};
use super::{AppError, AppState, Ctx};
use crate::app::progress::TrackerQuery;
use crate::domain::organisation::Category;
use crate::domain::progress::{Cell, Order};
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

/// The tracker page's choices, kept in its filter form: the category, the order
/// (`sort=name|progress|progress-desc`), only the overdue (`overdue=1`) and every phase
/// as a column (`phases=all`).
#[derive(Deserialize, Serialize, Default)]
pub struct TrackerParams {
    #[serde(default)]
    category: Option<String>,
    #[serde(default)]
    sort: Option<String>,
    #[serde(default)]
    overdue: Option<String>,
    #[serde(default)]
    phases: Option<String>,
}

impl TrackerParams {
    fn query(&self) -> TrackerQuery {
        TrackerQuery {
            category: self.category.as_deref().and_then(Category::parse),
            order: Order::parse(self.sort.as_deref().unwrap_or_default()),
            overdue_only: self.overdue.as_deref().is_some_and(|v| !v.is_empty()),
            all_phases: self.phases.as_deref() == Some("all"),
        }
    }
}

pub async fn tracker(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(params): Query<TrackerParams>,
) -> Result<Response, AppError> {
    ctx.require(|s| s.can_lead_process())?;
    let query = params.query();
    let view = crate::app::progress::tracker_page(&state.db, &state.programme, query).await?;
    Ok(state
        .render(
            &ctx,
            "progress.html",
            context! {
                view,
                query => context! {
                    category => query.category.map(|c| c.key()).unwrap_or_default(),
                    sort => query.order.key(),
                    overdue => query.overdue_only,
                    all => query.all_phases,
                },
                orders => Order::ALL.iter().map(|o| o.key()).collect::<Vec<_>>(),
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
