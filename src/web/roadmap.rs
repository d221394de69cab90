//! A region's roadmap page and its chart as SVG and PNG files, under the rules of who
//! sees the visions.

use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use minijinja::{Value, context};

use super::charts::Format;
use super::{AppError, AppState, Ctx};
use crate::app::roadmap::{self, Roadmap};
use crate::render::i18n::text;

/// The roadmap's routes: only in a programme with a backcasting phase.
pub fn roadmap_routes(state: &AppState) -> Router<AppState> {
    if crate::domain::backcasting::phases(&state.programme).is_empty() {
        return Router::new();
    }
    Router::new()
        .route("/organisations/{id}/roadmap", get(page))
        .route("/organisations/{id}/charts/roadmap.svg", get(svg))
        .route("/organisations/{id}/charts/roadmap.png", get(png))
}

/// The chart's view: its kind, the geometry, and the data behind it.
pub fn roadmap_view(state: &AppState, found: &Roadmap) -> Value {
    let chart = found.chart(&state.programme);
    let levels: std::collections::BTreeMap<String, crate::domain::lang::Localized> = state
        .programme
        .consequence_levels
        .iter()
        .map(|l| (l.slug.clone(), l.name.clone()))
        .collect();
    Value::from_serialize(context! {
        kind => "roadmap", chart, data => found, levels,
    })
}

async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let found = roadmap::roadmap(&state.db, &state.programme, ctx.viewer.as_ref(), id).await?;
    let view = roadmap_view(&state, &found);
    Ok(state
        .render(&ctx, "roadmap.html", context! { roadmap => found, view })?
        .into_response())
}

async fn svg(s: State<AppState>, c: Ctx, p: Path<i64>) -> Result<Response, AppError> {
    chart(s, c, p, Format::Svg).await
}

async fn png(s: State<AppState>, c: Ctx, p: Path<i64>) -> Result<Response, AppError> {
    chart(s, c, p, Format::Png).await
}

/// The roadmap's chart as a file (not found while it has nothing to draw).
async fn chart(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    format: Format,
) -> Result<Response, AppError> {
    let found = roadmap::roadmap(&state.db, &state.programme, ctx.viewer.as_ref(), id).await?;
    if found.own.is_none() && found.shared.is_none() {
        return Err(AppError::NotFound);
    }
    let view = roadmap_view(&state, &found);
    let name =
        super::charts::file_name(&[&text(ctx.lang, "roadmap-title"), &found.organisation_name]);
    super::charts::answer(&state, &ctx, view, &name, format).await
}
