//! The thread from signal to action: back from an action, forward from a note, the
//! overview of every trend with what it led to, and each thread's chart as SVG and PNG
//! under its page's rules; and backcasting's exports (`web::backcasting_reach`). A
//! programme without backcasting phases has none of them.

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use minijinja::{Value, context};
use serde::Deserialize;

use super::{AppError, AppState, Ctx};
use crate::app;
use crate::app::thread::ThreadView;
use crate::domain::backcasting;
use crate::domain::embed::{Embedded, Snapshot};
use crate::domain::thread::{Filter, Node};
use crate::render::i18n::text;

/// The thread's pages and chart files.
pub fn thread_routes(state: &AppState) -> Router<AppState> {
    if backcasting::phases(&state.programme).is_empty() {
        return Router::new();
    }
    Router::new()
        .route("/thread", get(overview))
        .route("/actions/{id}/thread", get(action_page))
        .route("/notes/{id}/thread", get(note_page))
        .route("/actions/{id}/thread/charts/{file}", get(action_file))
        .route("/notes/{id}/thread/charts/{file}", get(note_file))
        .merge(super::backcasting_reach::routes())
}

/// A thread ready to draw: kind `thread` for the chart file.
pub fn thread_view(view: &ThreadView) -> Value {
    context! { kind => "thread", view }
}

/// A thread frozen in a published text (`thread-<action>`), ready to draw as a file.
pub fn published_view(material: &Snapshot, stem: &str) -> Option<Value> {
    let id = stem.strip_prefix("thread-")?;
    match material.get(&format!("thread:{id}"))? {
        Embedded::Thread(data) => Some(thread_view(&data.view)),
        _ => None,
    }
}

/// The address of a thread's page.
fn base(start: Node) -> String {
    format!("/{}s/{}/thread", start.kind(), start.id())
}

async fn page(state: &AppState, ctx: &Ctx, start: Node) -> Result<Response, AppError> {
    let view = app::thread::thread(&state.db, &state.programme, ctx.viewer.as_ref(), start).await?;
    let base = base(start);
    Ok(state
        .render(
            ctx,
            "thread.html",
            context! { v => thread_view(&view), base },
        )?
        .into_response())
}

/// The thread back from an action to what it answers and what lies under that.
async fn action_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    page(&state, &ctx, Node::Action(id)).await
}

/// The thread forward from a note to what came of it.
async fn note_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    page(&state, &ctx, Node::Note(id)).await
}

/// A thread's chart as a file (`thread.svg`, `thread.png`).
async fn file(state: &AppState, ctx: &Ctx, start: Node, file: &str) -> Result<Response, AppError> {
    let (stem, format) = super::charts::split(file)?;
    if stem != "thread" {
        return Err(AppError::NotFound);
    }
    let view = app::thread::thread(&state.db, &state.programme, ctx.viewer.as_ref(), start).await?;
    let title = text(ctx.lang, "thread-title");
    let name = super::charts::file_name(&[&title, &view.start.title]);
    super::charts::answer(state, ctx, thread_view(&view), &name, format).await
}

async fn action_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, name)): Path<(i64, String)>,
) -> Result<Response, AppError> {
    file(&state, &ctx, Node::Action(id), &name).await
}

async fn note_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, name)): Path<(i64, String)>,
) -> Result<Response, AppError> {
    file(&state, &ctx, Node::Note(id), &name).await
}

#[derive(Debug, Default, Deserialize)]
pub struct OverviewQuery {
    #[serde(default)]
    led: String,
}

/// Every trend the viewer sees with what it led to; `?led=actions` or `?led=nowhere`.
async fn overview(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<OverviewQuery>,
) -> Result<Response, AppError> {
    let filter = Filter::parse(&query.led);
    let overview =
        app::thread::overview(&state.db, &state.programme, ctx.viewer.as_ref(), filter).await?;
    Ok(state
        .render(&ctx, "thread_overview.html", context! { overview })?
        .into_response())
}
