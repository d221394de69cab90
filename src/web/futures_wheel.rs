//! The futures wheel of a scenario or a bank note: its page (the wheel, the same chain
//! as a nested list, the figures by ring and valence, and a choice of whose own
//! consequences to show beside the shared ones), its files as SVG and PNG under the
//! page's rules, and the view a text embedding it draws.

use std::collections::BTreeMap;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use minijinja::{Value, context};
use serde::Deserialize;

use super::{AppError, AppState, Ctx};
use crate::app;
use crate::domain::consequence::{self, Centre};
use crate::domain::embed::{Embedded, Snapshot};
use crate::domain::futures_wheel::{WheelData, WheelWords, figures, layout, plain};
use crate::domain::lang::Lang;
use crate::render::i18n::text;

/// The wheel's pages and files: only in a programme with consequence phases (elsewhere
/// none of them is found).
pub fn consequence_routes(state: &AppState) -> Router<AppState> {
    if consequence::phases(&state.programme).is_empty() {
        return Router::new();
    }
    Router::new()
        .route("/scenarios/{id}/wheel", get(scenario_page))
        .route("/notes/{id}/wheel", get(note_page))
        .route("/scenarios/{id}/charts/{file}", get(scenario_file))
        .route("/notes/{id}/charts/{file}", get(note_file))
}

#[derive(Debug, Default, Deserialize)]
pub struct WheelQuery {
    #[serde(default)]
    organisation: Option<String>,
}

impl WheelQuery {
    /// The organisation asked for; a value that is no number asks for none.
    fn organisation(&self) -> Option<i64> {
        self.organisation
            .as_deref()
            .and_then(|o| o.trim().parse().ok())
    }
}

/// A wheel ready to draw: its geometry, its chain for the list and its figures.
pub fn wheel_view(data: &WheelData, lang: Lang) -> Value {
    let rings: Vec<String> = (1..=3)
        .map(|i| text(lang, &format!("wheel-ring-{i}")))
        .collect();
    let legend: Vec<String> = ["opportunity", "threat", "mixed", "unset"]
        .iter()
        .map(|k| text(lang, &format!("wheel-valence-{k}")))
        .collect();
    let words = WheelWords {
        rings: [&rings[0], &rings[1], &rings[2]],
        legend: [&legend[0], &legend[1], &legend[2], &legend[3]],
    };
    let chain = data.chain();
    let wheel = layout(&data.centre.title, &chain, &words);
    let figures = figures(&chain);
    let titles: BTreeMap<String, String> = data
        .items
        .iter()
        .map(|i| (i.id.to_string(), plain(&i.text)))
        .collect();
    context! { kind => "futures_wheel", data, wheel, chain, figures, titles }
}

/// The page of a wheel.
fn page(state: &AppState, ctx: &Ctx, data: &WheelData) -> Result<Response, AppError> {
    let view = wheel_view(data, ctx.lang);
    let base = format!("/{}s/{}", data.centre.kind, data.centre.id);
    let filter = data
        .organisation
        .as_ref()
        .map(|(id, _)| format!("?organisation={id}"))
        .unwrap_or_default();
    Ok(state
        .render(
            ctx,
            "consequence_wheel.html",
            context! { view, base, filter, signed_in => ctx.viewer.is_some() },
        )?
        .into_response())
}

/// The wheel of a scenario: the shared consequences, or an organisation's beside them.
async fn scenario_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<WheelQuery>,
) -> Result<Response, AppError> {
    let centre = Centre::Scenario(id);
    let data = app::futures_wheel::wheel(
        &state.db,
        &state.programme,
        ctx.viewer.as_ref(),
        centre,
        query.organisation(),
    )
    .await?;
    page(&state, &ctx, &data)
}

/// The wheel around one bank note (members only).
async fn note_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<WheelQuery>,
) -> Result<Response, AppError> {
    let centre = Centre::Note(id);
    let data = app::futures_wheel::wheel(
        &state.db,
        &state.programme,
        ctx.viewer.as_ref(),
        centre,
        query.organisation(),
    )
    .await?;
    page(&state, &ctx, &data)
}

/// A wheel as a file (`wheel.svg`, `wheel.png`), under its page's rules.
async fn file(
    state: &AppState,
    ctx: &Ctx,
    centre: Centre,
    file: &str,
    query: &WheelQuery,
) -> Result<Response, AppError> {
    let (stem, format) = super::charts::split(file)?;
    if stem != "wheel" {
        return Err(AppError::NotFound);
    }
    let data = app::futures_wheel::wheel(
        &state.db,
        &state.programme,
        ctx.viewer.as_ref(),
        centre,
        query.organisation(),
    )
    .await?;
    let mut parts = vec![text(ctx.lang, "wheel-title"), data.centre.title.clone()];
    if let Some((_, name)) = &data.organisation {
        parts.push(name.clone());
    }
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    let name = super::charts::file_name(&parts);
    let view = wheel_view(&data, ctx.lang);
    super::charts::answer(state, ctx, view, &name, format).await
}

async fn scenario_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, name)): Path<(i64, String)>,
    Query(query): Query<WheelQuery>,
) -> Result<Response, AppError> {
    file(&state, &ctx, Centre::Scenario(id), &name, &query).await
}

async fn note_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, name)): Path<(i64, String)>,
    Query(query): Query<WheelQuery>,
) -> Result<Response, AppError> {
    file(&state, &ctx, Centre::Note(id), &name, &query).await
}

/// A wheel of a published text, as frozen (`futures-wheel-<scenario>`).
pub fn published_view(material: &Snapshot, stem: &str, lang: Lang) -> Option<Value> {
    let rest = stem.strip_prefix("futures-wheel-")?;
    match material.get(&format!("futures-wheel:{rest}")) {
        Some(Embedded::FuturesWheel(data)) => Some(wheel_view(data, lang)),
        _ => None,
    }
}
