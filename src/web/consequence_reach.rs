//! Consequences as a table (CSV, XLSX) and as JSON, publishing a set's consequences from
//! the set's page, and what that page shows of them. A programme without consequence
//! phases has none of these addresses.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::{Value, context};
use serde::Deserialize;

use super::forms::{Export, Form, download};
use super::{AppError, AppState, Ctx};
use crate::app;
use crate::app::consequence_reach::{self as reach, Seen};
use crate::domain::access::Subject;
use crate::domain::consequence::{self, Centre};
use crate::domain::lang::Lang;
use crate::domain::programme::{Programme, Term};
use crate::domain::scenario::{self, SetStatus};
use crate::render::i18n;
use crate::render::table::{Cell, Table};
use crate::storage::scenarios::Set;

/// The columns of the table export, by key (`cqr-column-{key}`).
const COLUMNS: [&str; 24] = [
    "id",
    "phase",
    "set",
    "scenario",
    "scenario_name",
    "note",
    "note_title",
    "level",
    "level_name",
    "theme",
    "theme_name",
    "organisation_id",
    "organisation",
    "organisation_category",
    "submission_status",
    "text",
    "valence",
    "magnitude",
    "timing",
    "order",
    "parent",
    "based_on",
    "confidence",
    "updated",
];

/// The exports and the publishing of a set's consequences: only in a programme with
/// consequence phases (elsewhere every one of them is not found).
pub fn consequence_routes(state: &AppState) -> Router<AppState> {
    if consequence::phases(&state.programme).is_empty() {
        return Router::new();
    }
    Router::new()
        .route("/consequences.csv", get(export_table))
        .route("/consequences.xlsx", get(export_table))
        .route("/consequences.json", get(export_json))
        .route("/scenario-sets/{id}/consequences/public", post(publish))
}

/// What a set's page shows of its consequences: none for a set no consequence phase works
/// on; otherwise whether they are published, whether they can be (the set public and
/// past its draft) and whether the viewer may publish them.
pub fn set_section(state: &AppState, set: &Set, viewer: Option<&Subject>) -> Value {
    if app::consequences::phase_of_set(&state.programme, set).is_none() {
        return Value::from(());
    }
    context! {
        published => set.consequences_public,
        public_now => app::consequences::published(set),
        set_public => set.public && set.status != SetStatus::Draft,
        can_publish => viewer.is_some_and(scenario::can_write),
    }
}

/// A consequence as a row of the table, names in the reader's language.
fn row(programme: &Programme, lang: Lang, seen: &Seen) -> Vec<Cell> {
    let x = &seen.consequence;
    let name = |terms: &[Term], slug: &str| {
        terms
            .iter()
            .find(|t| t.slug == slug)
            .map(|t| t.name.pick(lang, programme.default_language).to_string())
    };
    let (scenario, note) = match x.centre {
        Centre::Scenario(id) => (Some(id), None),
        Centre::Note(id) => (None, Some(id)),
    };
    let theme = x.theme.clone().unwrap_or_default();
    let updated = chrono::DateTime::from_timestamp(x.updated_at, 0)
        .map(|d| d.with_timezone(&programme.time_zone));
    crate::cells![
        x.id,
        x.phase_slug.clone(),
        x.set_id,
        scenario,
        scenario.map(|_| seen.centre_name.clone()),
        note,
        note.map(|_| seen.centre_name.clone()),
        x.level.clone(),
        name(&programme.consequence_levels, &x.level),
        theme.clone(),
        name(&programme.consequence_themes, &theme),
        x.organisation_id,
        x.organisation_name.clone(),
        x.organisation_category.clone(),
        x.submission_status.map(|s| s.key()),
        x.text.clone(),
        x.valence.map(|v| v.key()),
        x.magnitude.map(|m| m.key()),
        x.timing.map(|t| t.key()),
        i64::from(x.order),
        x.parent_id,
        x.based_on,
        x.confidence.map(i64::from),
        updated,
    ]
}

/// One row per consequence the reader sees, as CSV or XLSX.
pub async fn export_table(
    State(state): State<AppState>,
    ctx: Ctx,
    format: Export,
) -> Result<Response, AppError> {
    let all = reach::visible_all(&state.db, &state.programme, ctx.viewer.as_ref()).await?;
    let rows: Vec<Vec<Cell>> = all
        .iter()
        .map(|seen| row(&state.programme, ctx.lang, seen))
        .collect();
    let header: Vec<String> = COLUMNS
        .iter()
        .map(|c| i18n::text(ctx.lang, &format!("cqr-column-{c}")))
        .collect();
    let keys: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
    download(
        format,
        &Table::new(header, rows).with_csv_header(keys),
        "consequences",
    )
}

/// Every consequence the reader sees, as JSON (the shape is documented in
/// `domain::consequence_reach`).
pub async fn export_json(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let all = reach::visible_all(&state.db, &state.programme, ctx.viewer.as_ref()).await?;
    let body = serde_json::to_vec_pretty(&reach::file(&state.programme, &all))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"consequences.json\"",
            ),
        ],
        body,
    )
        .into_response())
}

#[derive(Deserialize, Default)]
pub struct PublishForm {
    #[serde(default)]
    public: String,
}

/// Publishes a set's consequences (`public=1`) or takes them back (`public=0`); back to
/// the set's page, which shows the refusal when the set is not public yet.
pub async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<PublishForm>,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let public = match form.public.trim() {
        "1" => true,
        "0" => false,
        _ => return Err(AppError::Unprocessable),
    };
    match app::consequences::publish(&state.db, user, &ctx.actor(), id, public).await {
        Ok(()) => Ok(Redirect::to(&format!("/scenario-sets/{id}")).into_response()),
        Err(app::Error::Refused(reason)) => {
            super::scenarios::set_page(&state, &ctx, id, Some(reason)).await
        }
        Err(e) => Err(e.into()),
    }
}
