//! The final publication as a PDF report: the latest edition in the reader's language,
//! a preview built from the workspace as it stands, and publishing a new edition (built
//! in every language at once).

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::context;

use super::{AppError, AppState, Ctx};
use crate::app;
use crate::domain::lang::Lang;
use crate::domain::report::LANGUAGES;
use crate::render::report::{self, Cover};

/// The report's routes.
pub fn report_routes() -> Router<AppState> {
    Router::new()
        .route("/publication.pdf", get(latest))
        .route("/publication/preview.pdf", get(preview))
        .route("/publication/editions", post(publish))
}

/// The one reading the report: a visitor in `lang` (the report shows what the public
/// may see, whoever builds it).
fn reader(lang: Lang) -> Ctx {
    Ctx {
        lang,
        viewer: None,
        session: None,
        address: None,
        path: "/publication".to_string(),
        return_to: "/publication".to_string(),
        unsaved: None,
    }
}

/// The cover's words in `lang`, dated today in the programme's time zone.
fn cover(state: &AppState, lang: Lang) -> Cover {
    let programme = &state.programme;
    let fallback = programme.default_language;
    let day = state
        .clock
        .now()
        .with_timezone(&programme.time_zone)
        .date_naive();
    let period = match (programme.phases.first(), programme.phases.last()) {
        (Some(first), Some(last)) => format!(
            "{} – {}",
            crate::render::format_date(lang, first.starts),
            crate::render::format_date(lang, last.ends)
        ),
        _ => String::new(),
    };
    Cover {
        lang,
        title: programme.name.pick(lang, fallback).to_string(),
        publisher: programme.organiser.pick(lang, fallback).to_string(),
        period,
        question: (programme.focal_question.as_ref()).map(|q| q.pick(lang, fallback).to_string()),
        date: crate::render::format_date(lang, day),
        day,
    }
}

/// The final publication in `lang` as a PDF, built from what the public sees now.
pub async fn build(state: &AppState, lang: Lang) -> Result<Vec<u8>, AppError> {
    let ctx = reader(lang);
    let (chapters, sources) = super::editorial::compiled(state, &ctx).await?;
    let body = state
        .render(
            &ctx,
            "final_publication_body.html",
            context! { chapters, sources },
        )?
        .0;
    let cover = cover(state, lang);
    // Typesetting takes a while: off the runtime's threads.
    tokio::task::spawn_blocking(move || {
        let day = cover.day;
        report::pdf(&report::source(&body, &cover), day)
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?
    .map_err(|e| AppError::Internal(e.to_string()))
}

fn pdf_response(state: &AppState, lang: Lang, pdf: Vec<u8>, cache: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "inline; filename=\"{}-{}.pdf\"",
                    state.programme.slug,
                    lang.code()
                ),
            ),
            (header::CACHE_CONTROL, cache.to_string()),
        ],
        pdf,
    )
        .into_response()
}

/// The latest edition in the reader's language; before the first, a page saying so.
pub async fn latest(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    match app::report::latest_pdf(&state.db, ctx.lang).await {
        Ok((_, pdf)) => Ok(pdf_response(&state, ctx.lang, pdf, "no-cache")),
        Err(app::Error::NotFound) => {
            let page = state.render(&ctx, "report_missing.html", context! {})?;
            Ok((StatusCode::NOT_FOUND, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// The report as the workspace stands now, for the editorial team and process leaders.
pub async fn preview(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    app::report::may_preview(ctx.user()?)?;
    let pdf = build(&state, ctx.lang).await?;
    Ok(pdf_response(&state, ctx.lang, pdf, "private, no-store"))
}

/// Publishes a new edition: built in every language, stored together.
pub async fn publish(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let user = ctx.user()?;
    app::report::may_publish(user)?;
    let mut pdfs = Vec::with_capacity(LANGUAGES.len());
    for lang in LANGUAGES {
        pdfs.push((lang, build(&state, lang).await?));
    }
    app::report::publish(&state.db, user, &ctx.actor(), pdfs).await?;
    Ok(Redirect::to("/publication#report").into_response())
}
