//! The source bank: sources, their search, and which notes cite them with what stance.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use super::{Edit, Result, keyed, now_seconds};
use crate::domain::bank::NoteStatus;
use crate::domain::source::{SourceKind, Stance, ValidSource};

pub use super::bank::COUNT_CAP;

/// A source with who added it.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub id: i64,
    pub kind: SourceKind,
    pub title: String,
    pub publisher: Option<String>,
    pub authors: Option<String>,
    pub year: Option<i32>,
    pub link: Option<String>,
    pub language: Option<String>,
    pub summary: String,
    pub scope: Option<String>,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub author_id: Option<i64>,
    pub author_name: Option<String>,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

/// What a list shows of a source (no summary, which may be long).
#[derive(Debug, Clone, Serialize)]
pub struct SourceSummary {
    pub id: i64,
    pub kind: SourceKind,
    pub title: String,
    pub publisher: Option<String>,
    pub authors: Option<String>,
    pub year: Option<i32>,
    pub organisation_name: String,
    /// The language the source is written in, when given (for its title's `lang`).
    pub language: Option<String>,
}

/// A note citing a source, with what the note's visibility depends on.
#[derive(Debug, Clone, Serialize)]
pub struct CitingNote {
    pub note_id: i64,
    pub title: String,
    pub status: NoteStatus,
    pub organisation_id: i64,
    pub public: bool,
    pub stance: Stance,
}

const COLUMNS: &str = concat!(
    "s.id, s.kind, s.title, s.publisher, s.authors, s.year, s.link, s.language,
    s.summary, s.scope, s.organisation_id, o.name AS organisation_name,
    s.author_id, ",
    person_name!("u"),
    " AS author_name, s.version, s.created_at, s.updated_at"
);
const FROM: &str = "FROM sources s JOIN organisations o ON o.id = s.organisation_id LEFT JOIN users u ON u.id = s.author_id";
const SUMMARY_COLUMNS: &str = "s.id, s.kind, s.title, s.publisher, s.authors, s.year, o.name AS organisation_name, s.language";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Source> {
    Ok(Source {
        id: r.get("id")?,
        kind: keyed(r, "kind", SourceKind::parse)?,
        title: r.get("title")?,
        publisher: r.get("publisher")?,
        authors: r.get("authors")?,
        year: r.get("year")?,
        link: r.get("link")?,
        language: r.get("language")?,
        summary: r.get("summary")?,
        scope: r.get("scope")?,
        organisation_id: r.get("organisation_id")?,
        organisation_name: r.get("organisation_name")?,
        author_id: r.get("author_id")?,
        author_name: r.get("author_name")?,
        version: r.get("version")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

fn summary_from_row(r: &Row<'_>) -> rusqlite::Result<SourceSummary> {
    Ok(SourceSummary {
        id: r.get("id")?,
        kind: keyed(r, "kind", SourceKind::parse)?,
        title: r.get("title")?,
        publisher: r.get("publisher")?,
        authors: r.get("authors")?,
        year: r.get("year")?,
        organisation_name: r.get("organisation_name")?,
        language: r.get("language")?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Source>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} {FROM} WHERE s.id = ?1"))?;
    Ok(stmt.query_row([id], from_row).optional()?)
}

/// Stores a new source, added by `author_id` of `organisation_id`.
pub fn insert(
    conn: &Connection,
    source: &ValidSource,
    organisation_id: i64,
    author_id: i64,
) -> Result<i64> {
    let now = now_seconds();
    conn.execute(
        "INSERT INTO sources (kind, title, publisher, authors, year, link, language, summary, scope,
            organisation_id, author_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        params![
            source.kind.key(),
            source.title,
            source.publisher,
            source.authors,
            source.year,
            source.link,
            source.language,
            source.summary,
            source.scope,
            organisation_id,
            author_id,
            now
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Saves an edit made from `base_version`; refused, never silently overwritten, when the
/// source has moved on since.
pub fn update(
    conn: &Connection,
    id: i64,
    base_version: i64,
    source: &ValidSource,
) -> Result<Edit<Source>> {
    let changed = conn.execute(
        "UPDATE sources SET kind = ?3, title = ?4, publisher = ?5, authors = ?6, year = ?7, link = ?8,
            language = ?9, summary = ?10, scope = ?11, version = version + 1, updated_at = ?12
         WHERE id = ?1 AND version = ?2",
        params![
            id,
            base_version,
            source.kind.key(),
            source.title,
            source.publisher,
            source.authors,
            source.year,
            source.link,
            source.language,
            source.summary,
            source.scope,
            now_seconds()
        ],
    )?;
    if changed == 1 {
        return Ok(Edit::Saved {
            version: base_version + 1,
        });
    }
    Ok(match get(conn, id)? {
        Some(current) => Edit::Stale(Box::new(current)),
        None => Edit::Missing,
    })
}

/// What a source list shows: a search, a kind, a page.
#[derive(Debug, Clone, Default)]
pub struct SourceFilter {
    /// An FTS5 query (see `domain::bank::search_query`).
    pub search: Option<String>,
    pub kind: Option<SourceKind>,
    /// By relevance (with a search) instead of newest first.
    pub by_relevance: bool,
    pub limit: i64,
    pub offset: i64,
}

/// One page of sources and the number of all that match (counted up to [`COUNT_CAP`]).
pub fn search(conn: &Connection, filter: &SourceFilter) -> Result<(Vec<SourceSummary>, i64)> {
    use rusqlite::types::Value;
    let mut conditions: Vec<&str> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    // The sources (or, for a search, the FTS matches) drive the query, as in the bank.
    let (from, count_from) = if let Some(query) = &filter.search {
        conditions.push("sources_fts MATCH ?");
        values.push(Value::Text(query.clone()));
        (
            "FROM sources_fts f CROSS JOIN sources s ON s.id = f.rowid
             CROSS JOIN organisations o ON o.id = s.organisation_id",
            "FROM sources_fts f CROSS JOIN sources s ON s.id = f.rowid",
        )
    } else {
        (
            "FROM sources s CROSS JOIN organisations o ON o.id = s.organisation_id",
            "FROM sources s",
        )
    };
    if let Some(kind) = filter.kind {
        conditions.push("s.kind = ?");
        values.push(Value::Text(kind.key().into()));
    }
    let where_clause = if conditions.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", conditions.join(" AND "))
    };
    let total: i64 = conn
        .prepare_cached(&format!(
            "SELECT count(*) AS matches FROM (SELECT 1 {count_from}{where_clause} LIMIT {})",
            COUNT_CAP + 1
        ))?
        .query_row(rusqlite::params_from_iter(values.iter()), |r| {
            r.get("matches")
        })?;
    let order = if filter.search.is_some() && filter.by_relevance {
        " ORDER BY f.rank, s.id DESC"
    } else {
        " ORDER BY s.id DESC"
    };
    values.push(Value::Integer(if filter.limit > 0 {
        filter.limit
    } else {
        50
    }));
    values.push(Value::Integer(filter.offset));
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS} {from}{where_clause}{order} LIMIT ? OFFSET ?"
    ))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(values.iter()), summary_from_row)?;
    Ok((rows.collect::<rusqlite::Result<_>>()?, total))
}

/// What became of citing a source from a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Linked {
    Added,
    /// The note already cited the source; its stance is now the one given.
    Changed,
    /// The note already cited the source with that stance.
    Unchanged,
    /// No such source.
    NoSource,
}

/// Records that a note cites a source with `stance`, or changes the stance of a citation.
pub fn link(
    conn: &Connection,
    note_id: i64,
    source_id: i64,
    stance: Stance,
    by: i64,
) -> Result<Linked> {
    let exists: bool = conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM sources WHERE id = ?1) AS found")?
        .query_row([source_id], |r| r.get("found"))?;
    if !exists {
        return Ok(Linked::NoSource);
    }
    let before: Option<String> = conn
        .prepare_cached("SELECT stance FROM note_sources WHERE note_id = ?1 AND source_id = ?2")?
        .query_row([note_id, source_id], |r| r.get("stance"))
        .optional()?;
    match before {
        Some(old) if old == stance.key() => Ok(Linked::Unchanged),
        Some(_) => {
            conn.execute(
                "UPDATE note_sources SET stance = ?3 WHERE note_id = ?1 AND source_id = ?2",
                params![note_id, source_id, stance.key()],
            )?;
            Ok(Linked::Changed)
        }
        None => {
            conn.execute(
                "INSERT INTO note_sources (note_id, source_id, stance, added_by, added_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![note_id, source_id, stance.key(), by, now_seconds()],
            )?;
            Ok(Linked::Added)
        }
    }
}

/// Stops a note citing a source; whether there was such a citation.
pub fn unlink(conn: &Connection, note_id: i64, source_id: i64) -> Result<bool> {
    Ok(conn.execute(
        "DELETE FROM note_sources WHERE note_id = ?1 AND source_id = ?2",
        [note_id, source_id],
    )? == 1)
}

/// The sources a note cites, with their stances, in the order they were added.
pub fn sources_of_note(conn: &Connection, note_id: i64) -> Result<Vec<(SourceSummary, Stance)>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS}, ns.stance FROM note_sources ns
         JOIN sources s ON s.id = ns.source_id JOIN organisations o ON o.id = s.organisation_id
         WHERE ns.note_id = ?1 ORDER BY ns.added_at, s.id"
    ))?;
    let rows = stmt.query_map([note_id], |r| {
        Ok((summary_from_row(r)?, keyed(r, "stance", Stance::parse)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every note citing a source, newest note first; who may see which is the caller's rule.
pub fn notes_of_source(conn: &Connection, source_id: i64) -> Result<Vec<CitingNote>> {
    let mut stmt = conn.prepare_cached(
        "SELECT n.id AS note_id, n.title, n.status, n.organisation_id, n.public, ns.stance
         FROM note_sources ns JOIN notes n ON n.id = ns.note_id
         WHERE ns.source_id = ?1 ORDER BY n.id DESC",
    )?;
    let rows = stmt.query_map([source_id], |r| {
        Ok(CitingNote {
            note_id: r.get("note_id")?,
            title: r.get("title")?,
            status: keyed(r, "status", NoteStatus::parse)?,
            organisation_id: r.get("organisation_id")?,
            public: r.get("public")?,
            stance: keyed(r, "stance", Stance::parse)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
