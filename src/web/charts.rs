//! Charts as files to download, for slides and print: each chart as SVG (as the page
//! draws it, carrying its own presentation attributes) and as PNG (twice its size, the
//! text in the built-in font), under the same access rules as the page that shows it.
//! The file's name says which chart of what.

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use minijinja::{Value, context};

use super::rounds::{ResultsQuery, chart_page, distribution_views};
use super::{AppError, AppState, Ctx, embeds};
use crate::app;
use crate::domain::embed::Embedded;
use crate::render::i18n::text;

/// The download routes: `…/charts/<chart>.svg` and `….png`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/rounds/{id}/charts/{file}", get(round_chart))
        .route(
            "/rounds/{id}/notes/{note_id}/charts/{file}",
            get(distribution),
        )
        .route("/phases/{slug}/charts/{file}", get(heatmap))
        .route("/publications/{id}/charts/{file}", get(published))
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Format {
    Svg,
    Png,
}

/// A file's name split into its stem and format; `None` for any other extension.
pub(super) fn split(file: &str) -> Result<(&str, Format), AppError> {
    if let Some(stem) = file.strip_suffix(".svg") {
        Ok((stem, Format::Svg))
    } else if let Some(stem) = file.strip_suffix(".png") {
        Ok((stem, Format::Png))
    } else {
        Err(AppError::NotFound)
    }
}

/// A name fit for a file: lower-case ASCII letters and digits joined by hyphens.
pub(super) fn file_name(parts: &[&str]) -> String {
    let mut out = String::new();
    for c in parts.join(" ").to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' | 'à' | 'á' | 'â' => 'a',
            'ö' | 'ø' | 'ó' | 'ô' => 'o',
            'æ' => 'a',
            'é' | 'è' | 'ê' => 'e',
            'ü' | 'ú' => 'u',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if c != '-' || !(out.is_empty() || out.ends_with('-')) {
            out.push(c);
        }
    }
    let out = out.trim_end_matches('-');
    let out: String = out.chars().take(80).collect();
    out.trim_end_matches('-').to_string()
}

/// The chart `view` drawn alone as an SVG document, or as PNG, as an attachment.
pub(super) async fn answer(
    state: &AppState,
    ctx: &Ctx,
    view: Value,
    name: &str,
    format: Format,
) -> Result<Response, AppError> {
    let svg = state
        .render(ctx, "chart_file.html", context! { v => view })?
        .0
        .trim()
        .to_string();
    let (body, mime, extension) = match format {
        Format::Svg => (svg.into_bytes(), "image/svg+xml", "svg"),
        Format::Png => {
            let png = tokio::task::spawn_blocking(move || crate::render::raster::png(&svg))
                .await
                .map_err(|e| AppError::Internal(e.to_string()))?
                .map_err(AppError::Internal)?;
            (png, "image/png", "png")
        }
    };
    let headers = [
        (header::CONTENT_TYPE, mime.to_string()),
        (
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}.{extension}\""),
        ),
    ];
    Ok((headers, body).into_response())
}

/// A round's radar (`radar`) or driver map (`driver-map`), of everyone's answers or of
/// one organisation's, as the round's pages show it.
async fn round_chart(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(i64, String)>,
    Query(query): Query<ResultsQuery>,
) -> Result<Response, AppError> {
    let (stem, format) = split(&file)?;
    let (wanted, title) = match stem {
        "radar" => (app::embeds::RADAR, "radar-title"),
        "driver-map" => (app::embeds::DRIVER_MAP, "driver-map-title"),
        _ => return Err(AppError::NotFound),
    };
    let (round, chart, _) = chart_page(&state, &ctx, id, &query, wanted).await?;
    let view = if stem == "radar" {
        embeds::radar_view(&chart, ctx.lang)
    } else {
        let view = embeds::driver_view(&chart, ctx.lang);
        if view.get_attr("complete").is_ok_and(|c| !c.is_true()) {
            return Err(AppError::NotFound);
        }
        view
    };
    let name = file_name(&[&text(ctx.lang, title), &round.title]);
    answer(&state, &ctx, view, &name, format).await
}

/// The distribution of one criterion's answers to a note of a round (`<criterion>`).
async fn distribution(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, note_id, file)): Path<(i64, i64, String)>,
) -> Result<Response, AppError> {
    let (stem, format) = split(&file)?;
    let (round, note, figures) =
        app::rounds::note_figures(&state.db, ctx.user()?, id, note_id).await?;
    let figures = figures
        .into_iter()
        .filter(|f| f.criterion.key() == stem)
        .collect();
    let view = distribution_views(figures, ctx.lang)
        .into_iter()
        .next()
        .ok_or(AppError::NotFound)?;
    let criterion = text(ctx.lang, &format!("criterion-{stem}"));
    let number = format!("{}", note.number);
    let name = file_name(&[&round.title, &number, &criterion]);
    answer(&state, &ctx, view, &name, format).await
}

/// A phase's priority heatmap (`heatmap`).
async fn heatmap(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, file)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let (stem, format) = split(&file)?;
    if stem != "heatmap" {
        return Err(AppError::NotFound);
    }
    let (phase, _, view) = super::assignments::heatmap_of(&state, &ctx, &slug).await?;
    if view
        .get_attr("map")
        .and_then(|m| m.get_attr("rows"))
        .is_ok_and(|rows| rows.len() == Some(0))
    {
        return Err(AppError::NotFound);
    }
    let name = file_name(&[&text(ctx.lang, "heatmap-title"), &phase.slug]);
    answer(&state, &ctx, view, &name, format).await
}

/// A chart of a published text, as frozen when it was published (`radar-3`,
/// `driver-map-3`, `heatmap-<phase>`): only while the text is public.
async fn published(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(i64, String)>,
) -> Result<Response, AppError> {
    let (stem, format) = split(&file)?;
    let text_row = super::editorial::public_text(&state, id).await?;
    let material = embeds::frozen(text_row.snapshot.as_deref());
    let found = super::scenario_charts::published_view(&material, stem, ctx.lang)
        .or_else(|| super::consequence_heat::published_view(&material, stem, ctx.lang))
        .or_else(|| super::futures_wheel::published_view(&material, stem, ctx.lang))
        .or_else(|| super::backcasting_charts::published_view(&material, stem, ctx.lang))
        .or_else(|| super::thread::published_view(&material, stem));
    if let Some(view) = found {
        let name = file_name(&[&text_row.title, stem]);
        return answer(&state, &ctx, view, &name, format).await;
    }
    let key = ["driver-map", "radar", "heatmap"]
        .iter()
        .find_map(|kind| {
            let rest = stem.strip_prefix(kind)?.strip_prefix('-')?;
            Some(format!("{kind}:{rest}"))
        })
        .ok_or(AppError::NotFound)?;
    let view = match material.get(&key) {
        Some(Embedded::Radar(chart)) => embeds::radar_view(chart, ctx.lang),
        Some(Embedded::DriverMap(chart)) => embeds::driver_view(chart, ctx.lang),
        Some(Embedded::Heatmap(data)) => embeds::heatmap_view(data),
        _ => return Err(AppError::NotFound),
    };
    let name = file_name(&[&text_row.title, stem]);
    answer(&state, &ctx, view, &name, format).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_plain_ascii() {
        assert_eq!(
            file_name(&["Trendradar", "Omgång 1: Trender år 2050!"]),
            "trendradar-omgang-1-trender-ar-2050"
        );
        assert_eq!(split("radar.png").unwrap(), ("radar", Format::Png));
        assert!(split("radar.gif").is_err());
    }
}
