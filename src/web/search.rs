//! One search over the whole workspace: notes of the bank, sources and methods, each with
//! the best matches first and a way on to the full list.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::forms::encode_component;
use super::{AppError, AppState, Ctx};
use crate::app::search as search_app;
use crate::storage::{bank, sources};

#[derive(Deserialize, Serialize, Default)]
pub struct SearchQuery {
    #[serde(default)]
    q: Option<String>,
}

/// Searches (see [`search_app::search`]) and shows the hits of each kind.
pub async fn search(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<SearchQuery>,
) -> Result<Response, AppError> {
    let typed = query.q.as_deref().map(str::trim).unwrap_or("").to_string();
    let viewer = ctx.viewer.as_ref();
    let found =
        search_app::search(&state.db, &state.programme, viewer, &state.methods, &typed).await?;
    Ok(state
        .render(
            &ctx,
            "search.html",
            context! {
                q => typed.clone(), searched => found.searched, encoded => encode_component(&typed),
                notes => found.notes, note_total => found.note_total.min(bank::COUNT_CAP),
                note_capped => found.note_total > bank::COUNT_CAP, sources => found.sources,
                source_total => found.source_total.min(sources::COUNT_CAP),
                methods => found.methods, signed_in => viewer.is_some(),
                scenario_sets => found.scenario_sets, scenarios => found.scenarios,
                consequences => found.consequences,
                backcasting => found.backcasting,
                has_backcasting => !crate::domain::backcasting::phases(&state.programme).is_empty(),
            },
        )?
        .into_response())
}
