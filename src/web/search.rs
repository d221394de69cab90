//! One search over the whole workspace: notes of the bank, sources and methods, each with
//! the best matches first and a way on to the full list.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::forms::encode_component;
use super::{AppError, AppState, Ctx};
use crate::domain::bank::{can_curate, search_query};
use crate::storage::bank::{self, NoteFilter};
use crate::storage::methods;
use crate::storage::sources::{self, SourceFilter};

/// How many hits of each kind the page shows.
const HITS: i64 = 10;

#[derive(Deserialize, Serialize, Default)]
pub struct SearchQuery {
    #[serde(default)]
    q: Option<String>,
}

pub async fn search(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<SearchQuery>,
) -> Result<Response, AppError> {
    let typed = query.q.as_deref().map(str::trim).unwrap_or("").to_string();
    let fts = search_query(&typed);
    let subject = ctx.subject().ok();
    let signed_in = subject.is_some();
    let (notes, note_total, found_sources, source_total, method_slugs) = match fts.clone() {
        None => (Vec::new(), 0, Vec::new(), 0, Vec::new()),
        Some(fts) => {
            let notes_filter = NoteFilter {
                search: Some(fts.clone()),
                by_relevance: true,
                drafts_of: subject.map(|s| s.organisation_id),
                all_drafts: subject.is_some_and(|s| can_curate(&s)),
                public_only: subject.is_none(),
                limit: HITS,
                ..Default::default()
            };
            let sources_filter = SourceFilter {
                search: Some(fts.clone()),
                by_relevance: true,
                kind: None,
                limit: HITS,
                offset: 0,
            };
            state
                .db
                .read(move |c| {
                    let (notes, note_total) = bank::search(c, &notes_filter)?;
                    // Sources are for members only.
                    let (found, source_total) = if signed_in {
                        sources::search(c, &sources_filter)?
                    } else {
                        (Vec::new(), 0)
                    };
                    let slugs = methods::search(c, &fts, HITS)?;
                    Ok((notes, note_total, found, source_total, slugs))
                })
                .await?
        }
    };
    let found_methods: Vec<&crate::domain::methods::Method> = method_slugs
        .iter()
        .filter_map(|hit| state.methods.iter().find(|m| m.slug == hit.slug))
        .collect();
    Ok(state
        .render(
            &ctx,
            "search.html",
            context! {
                q => typed.clone(), searched => fts.is_some(), encoded => encode_component(&typed),
                notes, note_total => note_total.min(bank::COUNT_CAP), note_capped => note_total > bank::COUNT_CAP,
                sources => found_sources, source_total => source_total.min(sources::COUNT_CAP),
                methods => found_methods, signed_in,
            },
        )?
        .into_response())
}
