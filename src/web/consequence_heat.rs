//! The consequences' figures: the landing page, a set's heat table with its filters and
//! the list behind each cell, a region's profile, and their charts as SVG and PNG files,
//! under the rules of who sees the set's consequences. The views are shared with the
//! editorial texts that embed them.

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use minijinja::{Value, context};
use serde::Deserialize;

use super::charts::Format;
use super::{AppError, AppState, Ctx};
use crate::app::consequence_heat::{self as heat, Filters};
use crate::domain::consequence::HeatRow;
use crate::domain::consequence_chart::{self, HeatData, ProfileData};
use crate::domain::embed::{Embedded, Snapshot};
use crate::domain::lang::Lang;
use crate::domain::organisation::Category;
use crate::render::i18n::text;

/// The routes of the heat table, the cell lists and the region profiles: only in a
/// programme with consequence phases (elsewhere none of them is there).
pub fn consequence_routes(state: &AppState) -> Router<AppState> {
    if crate::domain::consequence::phases(&state.programme).is_empty() {
        return Router::new();
    }
    Router::new()
        .route("/consequences", get(landing))
        .route("/scenario-sets/{id}/consequences", get(set_page))
        .route("/scenario-sets/{id}/consequences/list", get(cell_page))
        .route("/scenario-sets/{id}/charts/consequences.svg", get(set_svg))
        .route("/scenario-sets/{id}/charts/consequences.png", get(set_png))
        .route("/organisations/{id}/consequences", get(profile_page))
        .route(
            "/organisations/{id}/charts/consequences.svg",
            get(profile_svg),
        )
        .route(
            "/organisations/{id}/charts/consequences.png",
            get(profile_png),
        )
}

/// What a heat table's address may carry.
#[derive(Debug, Default, Deserialize)]
pub struct HeatQuery {
    #[serde(default)]
    organisation: Option<String>,
    #[serde(default)]
    category: Option<String>,
    #[serde(default)]
    theme: Option<String>,
    #[serde(default)]
    scenario: Option<String>,
    #[serde(default)]
    level: Option<String>,
    #[serde(default)]
    set: Option<String>,
}

impl HeatQuery {
    fn filters(&self, state: &AppState) -> Filters {
        Filters::read(
            &state.programme,
            self.organisation.as_deref(),
            self.category.as_deref(),
            self.theme.as_deref(),
        )
    }

    fn number(value: &Option<String>) -> Option<i64> {
        value.as_deref().and_then(|v| v.trim().parse().ok())
    }
}

/// The filters as a query string (`?a=b&c=d`, or empty), with `&amp;` left to the
/// template's escaping.
fn query_string(filters: &Filters) -> String {
    let pairs = filters.query();
    if pairs.is_empty() {
        return String::new();
    }
    let mut out = form_urlencoded::Serializer::for_suffix(String::from("?"), 1);
    for (k, v) in pairs {
        out.append_pair(k, &v);
    }
    out.finish()
}

/// The heat table's geometry with the scenarios' and levels' names in `lang`.
fn geometry(data: &HeatData, rows: &[HeatRow], lang: Lang, fallback: Lang) -> Value {
    let scenarios: Vec<&str> = data.scenarios.iter().map(|s| s.name.as_str()).collect();
    let levels: Vec<&str> = data
        .levels
        .iter()
        .map(|t| t.name.pick(lang, fallback))
        .collect();
    Value::from_serialize(consequence_chart::heat(&scenarios, &levels, rows))
}

/// A set's heat table, ready to draw: the figures, the chart, and `query` (the filters
/// the cell lists and chart files carry; none in a text).
pub fn heat_view(data: &HeatData, lang: Lang, fallback: Lang, query: Option<&str>) -> Value {
    let chart = geometry(data, &data.rows, lang, fallback);
    context! { kind => "consequences", data, chart, query }
}

/// A region's profile, ready to draw: its own table and everyone else's.
pub fn profile_view(data: &ProfileData, lang: Lang, fallback: Lang, links: bool) -> Value {
    let own = geometry(&data.heat, &data.profile.own, lang, fallback);
    let others = geometry(&data.heat, &data.profile.others, lang, fallback);
    context! { kind => "region_consequences", data, own, others, links }
}

/// A consequence chart of a published text, as frozen: `consequences-<set>` or
/// `region-consequences-<organisation>`.
pub fn published_view(material: &Snapshot, stem: &str, lang: Lang) -> Option<Value> {
    let (kind, id) = stem.rsplit_once('-')?;
    match (kind, material.get(&format!("{kind}:{id}"))?) {
        ("consequences", Embedded::Consequences(data)) => Some(heat_view(data, lang, lang, None)),
        ("region-consequences", Embedded::RegionConsequences(data)) => {
            Some(profile_view(data, lang, lang, false))
        }
        _ => None,
    }
}

/// `/consequences`: the consequence phase's set, its heat table and who has written.
async fn landing(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let found = heat::landing(&state.db, &state.programme, ctx.viewer.as_ref()).await?;
    let fallback = state.programme.default_language;
    let view = found
        .heat
        .as_ref()
        .map(|h| heat_view(&h.data, ctx.lang, fallback, Some("")));
    Ok(state
        .render(
            &ctx,
            "consequence_heat_landing.html",
            context! { landing => found, view },
        )?
        .into_response())
}

/// `/scenario-sets/{id}/consequences`: the heat table with its filters.
async fn set_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<HeatQuery>,
) -> Result<Response, AppError> {
    let filters = query.filters(&state);
    let found = heat::heat(
        &state.db,
        &state.programme,
        ctx.viewer.as_ref(),
        id,
        filters,
    )
    .await?;
    let query = query_string(&found.filters);
    let fallback = state.programme.default_language;
    let view = heat_view(&found.data, ctx.lang, fallback, Some(&query));
    let categories: Vec<&str> = Category::ALL.iter().map(|c| c.key()).collect();
    Ok(state
        .render(
            &ctx,
            "consequence_heat.html",
            context! { heat => found, view, query, categories },
        )?
        .into_response())
}

/// `/scenario-sets/{id}/consequences/list`: the consequences behind one cell.
async fn cell_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<HeatQuery>,
) -> Result<Response, AppError> {
    let scenario = HeatQuery::number(&query.scenario).ok_or(AppError::NotFound)?;
    let level = query.level.clone().ok_or(AppError::NotFound)?;
    let filters = query.filters(&state);
    let found = heat::cell(
        &state.db,
        &state.programme,
        ctx.viewer.as_ref(),
        id,
        (scenario, level),
        filters,
    )
    .await?;
    let query = query_string(&found.heat.filters);
    Ok(state
        .render(
            &ctx,
            "consequence_heat_list.html",
            context! { list => found, query },
        )?
        .into_response())
}

/// `/organisations/{id}/consequences`: a region's profile.
async fn profile_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<HeatQuery>,
) -> Result<Response, AppError> {
    let set = HeatQuery::number(&query.set);
    let found = heat::profile(&state.db, &state.programme, ctx.viewer.as_ref(), id, set).await?;
    let fallback = state.programme.default_language;
    let view = profile_view(&found, ctx.lang, fallback, true);
    let set_query = set.map(|s| format!("?set={s}")).unwrap_or_default();
    Ok(state
        .render(
            &ctx,
            "consequence_profile.html",
            context! { profile => found, view, set_query },
        )?
        .into_response())
}

type ChartArgs = (State<AppState>, Ctx, Path<i64>, Query<HeatQuery>);

async fn set_svg(
    s: State<AppState>,
    c: Ctx,
    p: Path<i64>,
    q: Query<HeatQuery>,
) -> Result<Response, AppError> {
    set_chart((s, c, p, q), Format::Svg).await
}

async fn set_png(
    s: State<AppState>,
    c: Ctx,
    p: Path<i64>,
    q: Query<HeatQuery>,
) -> Result<Response, AppError> {
    set_chart((s, c, p, q), Format::Png).await
}

async fn profile_svg(
    s: State<AppState>,
    c: Ctx,
    p: Path<i64>,
    q: Query<HeatQuery>,
) -> Result<Response, AppError> {
    profile_chart((s, c, p, q), Format::Svg).await
}

async fn profile_png(
    s: State<AppState>,
    c: Ctx,
    p: Path<i64>,
    q: Query<HeatQuery>,
) -> Result<Response, AppError> {
    profile_chart((s, c, p, q), Format::Png).await
}

/// A set's heat table as a file, with the page's filters.
async fn set_chart(
    (State(state), ctx, Path(id), Query(query)): ChartArgs,
    format: Format,
) -> Result<Response, AppError> {
    let filters = query.filters(&state);
    let found = heat::heat(
        &state.db,
        &state.programme,
        ctx.viewer.as_ref(),
        id,
        filters,
    )
    .await?;
    let fallback = state.programme.default_language;
    let view = heat_view(&found.data, ctx.lang, fallback, None);
    let name = super::charts::file_name(&[&text(ctx.lang, "cqh-title"), &found.data.title]);
    super::charts::answer(&state, &ctx, view, &name, format).await
}

/// A region's profile as a file.
async fn profile_chart(
    (State(state), ctx, Path(id), Query(query)): ChartArgs,
    format: Format,
) -> Result<Response, AppError> {
    let set = HeatQuery::number(&query.set);
    let found = heat::profile(&state.db, &state.programme, ctx.viewer.as_ref(), id, set).await?;
    let fallback = state.programme.default_language;
    let view = profile_view(&found, ctx.lang, fallback, false);
    let name = super::charts::file_name(&[
        &text(ctx.lang, "cqh-profile-title"),
        &found.organisation_name,
    ]);
    super::charts::answer(&state, &ctx, view, &name, format).await
}
