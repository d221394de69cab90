//! The one search over the workspace: notes of the bank, sources, methods, scenario sets
//! and consequences, each with the best matches first, as the searching person may see
//! them.

use serde::Serialize;

use super::Result;
use super::consequence_reach::ConsequenceHit;
use super::subject;
use crate::domain::access::Subject;
use crate::domain::bank::{can_curate, search_query};
use crate::domain::methods::Method;
use crate::domain::programme::Programme;
use crate::storage::Db;
use crate::storage::bank::{self, Note, NoteFilter};
use crate::storage::methods as method_index;
use crate::storage::scenario_reach::{ScenarioHit, SetHit};
use crate::storage::sources::{self, SourceFilter, SourceSummary};
use crate::storage::users::User;

/// How many hits of each kind a search gives.
pub const HITS: i64 = 10;

/// What a search found.
#[derive(Serialize, Debug, Default)]
pub struct Found<'m> {
    /// Whether the words typed made a search at all.
    pub searched: bool,
    /// Drafts only of the searcher's organisation (all for curators); visitors: public notes.
    pub notes: Vec<Note>,
    /// How many notes match, counted up to [`bank::COUNT_CAP`].
    pub note_total: i64,
    /// Sources are for members only.
    pub sources: Vec<SourceSummary>,
    pub source_total: i64,
    pub methods: Vec<&'m Method>,
    /// Scenario sets and scenarios, as `domain::scenario::can_see` lets the searcher see.
    pub scenario_sets: Vec<SetHit>,
    pub scenarios: Vec<ScenarioHit>,
    /// Consequences, as `app::consequences::visible` lets the searcher see them.
    pub consequences: Vec<ConsequenceHit>,
    /// Visions, milestones and actions, as `app::backcasting::visible` lets the searcher
    /// see them.
    pub backcasting: Vec<super::backcasting_pages::BackcastingHit>,
}

/// The notes an FTS5 query `fts` finds that `subject` (none: a visitor) may see, best
/// first: the bank's visibility rules, for the search and for the pickers alike.
pub fn visible_notes(subject: Option<&Subject>, fts: String, limit: i64) -> NoteFilter {
    NoteFilter {
        search: Some(fts),
        by_relevance: true,
        drafts_of: subject.map(|s| s.organisation_id),
        all_drafts: subject.is_some_and(can_curate),
        public_only: subject.is_none(),
        limit,
        ..Default::default()
    }
}

/// Searches for what `typed` says, among `methods` too.
pub async fn search<'m>(
    db: &Db,
    programme: &std::sync::Arc<Programme>,
    viewer: Option<&User>,
    methods: &'m [Method],
    typed: &str,
) -> Result<Found<'m>> {
    let Some(fts) = search_query(typed) else {
        return Ok(Found::default());
    };
    let subject = viewer.map(subject);
    let signed_in = subject.is_some();
    let notes_filter = visible_notes(subject.as_ref(), fts.clone(), HITS);
    let sources_filter = SourceFilter {
        search: Some(fts.clone()),
        by_relevance: true,
        kind: None,
        limit: HITS,
        offset: 0,
    };
    let (searcher, programme) = (viewer.cloned(), programme.clone());
    let (
        notes,
        note_total,
        sources,
        source_total,
        slugs,
        (scenario_sets, scenarios),
        (consequences, backcasting),
    ) = db
        .read(move |c| {
            let who = searcher.as_ref().map(super::subject);
            let scenarios = super::scenario_reach::search(c, who.as_ref(), &fts, HITS)?;
            let consequences =
                super::consequence_reach::search(c, &programme, who.as_ref(), &fts, HITS)?;
            let backcasting =
                super::backcasting_pages::search(c, &programme, who.as_ref(), &fts, HITS)?;
            let (notes, note_total) = bank::search(c, &notes_filter)?;
            let (found, source_total) = if signed_in {
                sources::search(c, &sources_filter)?
            } else {
                (Vec::new(), 0)
            };
            let slugs = method_index::search(c, &fts, HITS)?;
            Ok((
                notes,
                note_total,
                found,
                source_total,
                slugs,
                scenarios,
                (consequences, backcasting),
            ))
        })
        .await?;
    let methods = slugs
        .iter()
        .filter_map(|hit| methods.iter().find(|m| m.slug == hit.slug))
        .collect();
    Ok(Found {
        searched: true,
        notes,
        note_total,
        sources,
        source_total,
        methods,
        scenario_sets,
        scenarios,
        consequences,
        backcasting,
    })
}
