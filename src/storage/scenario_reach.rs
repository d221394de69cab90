//! Scenario sets and scenarios found by the one search, and the savepoint an import
//! of a set with its scenarios is taken back to when any part of it is refused.

use rusqlite::{Connection, Row, params};
use serde::Serialize;

use super::{Result, keyed};
use crate::domain::scenario::SetStatus;

/// A set the search found.
#[derive(Debug, Clone, Serialize)]
pub struct SetHit {
    pub id: i64,
    pub phase_slug: String,
    pub title: String,
    pub focal_question: String,
    pub status: SetStatus,
    pub public: bool,
}

/// A scenario the search found, with what its set says of who sees it.
#[derive(Debug, Clone, Serialize)]
pub struct ScenarioHit {
    pub id: i64,
    pub set_id: i64,
    pub set_title: String,
    pub name: String,
    pub tagline: String,
    pub status: SetStatus,
    pub public: bool,
}

/// Which sets a search may return: drafts only for those who write sets, and only
/// public sets for visitors (the rule is `domain::scenario::can_see`).
#[derive(Debug, Clone, Copy)]
pub struct Seen {
    pub drafts: bool,
    pub public_only: bool,
}

fn set_hit(r: &Row<'_>) -> rusqlite::Result<SetHit> {
    Ok(SetHit {
        id: r.get("id")?,
        phase_slug: r.get("phase_slug")?,
        title: r.get("title")?,
        focal_question: r.get("focal_question")?,
        status: keyed(r, "status", SetStatus::parse)?,
        public: r.get("public")?,
    })
}

fn scenario_hit(r: &Row<'_>) -> rusqlite::Result<ScenarioHit> {
    Ok(ScenarioHit {
        id: r.get("id")?,
        set_id: r.get("set_id")?,
        set_title: r.get("set_title")?,
        name: r.get("name")?,
        tagline: r.get("tagline")?,
        status: keyed(r, "status", SetStatus::parse)?,
        public: r.get("public")?,
    })
}

/// The sets an FTS5 query finds, best first.
pub fn search_sets(c: &Connection, fts: &str, seen: Seen, limit: i64) -> Result<Vec<SetHit>> {
    let mut stmt = c.prepare_cached(
        "SELECT s.id, s.phase_slug, s.title, s.focal_question, s.status, s.public
         FROM scenario_sets_fts JOIN scenario_sets s ON s.id = scenario_sets_fts.rowid
         WHERE scenario_sets_fts MATCH ?1 AND (?2 OR s.status != 'draft') AND (NOT ?3 OR s.public = 1)
         ORDER BY bm25(scenario_sets_fts), s.id DESC LIMIT ?4",
    )?;
    let rows = stmt.query_map(params![fts, seen.drafts, seen.public_only, limit], set_hit)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The scenarios an FTS5 query finds, best first.
pub fn search_scenarios(
    c: &Connection,
    fts: &str,
    seen: Seen,
    limit: i64,
) -> Result<Vec<ScenarioHit>> {
    let mut stmt = c.prepare_cached(
        "SELECT sc.id, sc.set_id, s.title AS set_title, sc.name, sc.tagline, s.status, s.public
         FROM scenarios_fts JOIN scenarios sc ON sc.id = scenarios_fts.rowid
         JOIN scenario_sets s ON s.id = sc.set_id
         WHERE scenarios_fts MATCH ?1 AND (?2 OR s.status != 'draft') AND (NOT ?3 OR s.public = 1)
         ORDER BY bm25(scenarios_fts), sc.id DESC LIMIT ?4",
    )?;
    let rows = stmt.query_map(
        params![fts, seen.drafts, seen.public_only, limit],
        scenario_hit,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Marks where an import starts inside the write transaction.
pub fn begin_import(c: &Connection) -> Result<()> {
    c.execute_batch("SAVEPOINT scenario_import")?;
    Ok(())
}

/// Keeps what the import wrote (the transaction still commits it as a whole).
pub fn keep_import(c: &Connection) -> Result<()> {
    c.execute_batch("RELEASE scenario_import")?;
    Ok(())
}

/// Takes back everything the import wrote.
pub fn undo_import(c: &Connection) -> Result<()> {
    c.execute_batch("ROLLBACK TO scenario_import; RELEASE scenario_import")?;
    Ok(())
}
