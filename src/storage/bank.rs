//! Notes of the bank, their revisions, and search.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use super::{Edit, Result, keyed, now_seconds};
use crate::domain::bank::{Category, LinkKind, NoteStatus, NoteType, TimeBand, ValidNote};

#[derive(Debug, Clone, Serialize)]
pub struct Note {
    pub id: i64,
    pub note_type: NoteType,
    pub title: String,
    pub summary: String,
    pub implications: String,
    pub category: Category,
    pub secondary: Vec<Category>,
    pub direction: Option<String>,
    pub time_band: Option<TimeBand>,
    pub scope: Option<String>,
    pub tags: Vec<String>,
    pub phase_slug: Option<String>,
    pub status: NoteStatus,
    pub public: bool,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub author_id: Option<i64>,
    pub author_name: Option<String>,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
    pub parent_id: Option<i64>,
    pub merged_into: Option<i64>,
}

const COLUMNS: &str = concat!("n.id, n.note_type, n.title, n.summary, n.implications, n.category, n.secondary,
    n.direction, n.time_band, n.scope, n.tags, n.phase_slug, n.status, n.public, n.organisation_id, o.name AS organisation_name,
    n.author_id, ", person_name!("u"), " AS author_name, n.version, n.created_at, n.updated_at, n.parent_id, n.merged_into");
const FROM: &str = "FROM notes n JOIN organisations o ON o.id = n.organisation_id LEFT JOIN users u ON u.id = n.author_id";

fn list_of<T>(text: &str, parse: impl Fn(&str) -> Option<T>) -> Vec<T> {
    text.split(',')
        .filter(|s| !s.is_empty())
        .filter_map(parse)
        .collect()
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<Note> {
    let secondary: String = r.get("secondary")?;
    let band: Option<String> = r.get("time_band")?;
    let tags: String = r.get("tags")?;
    Ok(Note {
        id: r.get("id")?,
        note_type: keyed(r, "note_type", NoteType::parse)?,
        title: r.get("title")?,
        summary: r.get("summary")?,
        implications: r.get("implications")?,
        category: keyed(r, "category", Category::parse)?,
        secondary: list_of(&secondary, Category::parse),
        direction: r.get("direction")?,
        time_band: band.as_deref().and_then(TimeBand::parse),
        scope: r.get("scope")?,
        tags: list_of(&tags, |t| Some(t.to_string())),
        phase_slug: r.get("phase_slug")?,
        status: keyed(r, "status", NoteStatus::parse)?,
        public: r.get("public")?,
        organisation_id: r.get("organisation_id")?,
        organisation_name: r.get("organisation_name")?,
        author_id: r.get("author_id")?,
        author_name: r.get("author_name")?,
        version: r.get("version")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
        parent_id: r.get("parent_id")?,
        merged_into: r.get("merged_into")?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Note>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} {FROM} WHERE n.id = ?1"))?;
    Ok(stmt.query_row([id], from_row).optional()?)
}

fn joined<T>(items: &[T], key: impl Fn(&T) -> &str) -> String {
    items.iter().map(key).collect::<Vec<_>>().join(",")
}

fn snapshot(note: &Note) -> String {
    serde_json::to_string(note).unwrap_or_default()
}

/// Stores a new note (and its first revision).
pub fn insert(
    conn: &Connection,
    note: &ValidNote,
    status: NoteStatus,
    organisation_id: i64,
    author_id: i64,
) -> Result<i64> {
    let now = now_seconds();
    conn.execute(
        "INSERT INTO notes (note_type, title, summary, implications, category, secondary, direction, time_band,
            scope, tags, phase_slug, status, organisation_id, author_id, created_at, updated_at, parent_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15, ?16)",
        params![
            note.note_type.key(),
            note.title,
            note.summary,
            note.implications,
            note.category.key(),
            joined(&note.secondary, |c| c.key()),
            note.direction,
            note.time_band.map(|b| b.key()),
            note.scope,
            joined(&note.tags, |t| t.as_str()),
            note.phase,
            status.key(),
            organisation_id,
            author_id,
            now,
            note.parent
        ],
    )?;
    let id = conn.last_insert_rowid();
    record_revision(conn, id, author_id)?;
    Ok(id)
}

fn record_revision(conn: &Connection, id: i64, by: i64) -> Result<()> {
    if let Some(note) = get(conn, id)? {
        conn.execute(
            "INSERT INTO note_revisions (note_id, version, snapshot, changed_by, changed_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, note.version, snapshot(&note), by, now_seconds()],
        )?;
    }
    Ok(())
}

/// Saves an edit made from `base_version`; refused, never silently overwritten, when the
/// note has moved on since.
pub fn update(
    conn: &Connection,
    id: i64,
    base_version: i64,
    note: &ValidNote,
    by: i64,
) -> Result<Edit<Note>> {
    let changed = conn.execute(
        "UPDATE notes SET note_type = ?3, title = ?4, summary = ?5, implications = ?6, category = ?7,
            secondary = ?8, direction = ?9, time_band = ?10, scope = ?11, tags = ?12, phase_slug = ?13,
            parent_id = ?15, version = version + 1, updated_at = ?14
         WHERE id = ?1 AND version = ?2",
        params![
            id,
            base_version,
            note.note_type.key(),
            note.title,
            note.summary,
            note.implications,
            note.category.key(),
            joined(&note.secondary, |c| c.key()),
            note.direction,
            note.time_band.map(|b| b.key()),
            note.scope,
            joined(&note.tags, |t| t.as_str()),
            note.phase,
            now_seconds(),
            note.parent
        ],
    )?;
    if changed == 1 {
        record_revision(conn, id, by)?;
        return Ok(Edit::Saved {
            version: base_version + 1,
        });
    }
    Ok(match get(conn, id)? {
        Some(current) => Edit::Stale(Box::new(current)),
        None => Edit::Missing,
    })
}

/// Moves a note to another status (a revision records it).
pub fn set_status(conn: &Connection, id: i64, status: NoteStatus, by: i64) -> Result<bool> {
    let changed = conn.execute(
        "UPDATE notes SET status = ?2, version = version + 1, updated_at = ?3 WHERE id = ?1",
        params![id, status.key(), now_seconds()],
    )? == 1;
    if changed {
        record_revision(conn, id, by)?;
    }
    Ok(changed)
}

#[derive(Debug, Clone, Serialize)]
pub struct Revision {
    pub version: i64,
    pub changed_by: Option<String>,
    pub changed_at: i64,
    pub note: Option<serde_json::Value>,
}

/// Every revision of a note, newest first.
pub fn revisions(conn: &Connection, id: i64) -> Result<Vec<Revision>> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT r.version, ",
        person_name!("u"),
        " AS changed_by, r.changed_at, r.snapshot FROM note_revisions r
         LEFT JOIN users u ON u.id = r.changed_by WHERE r.note_id = ?1 ORDER BY r.version DESC"
    ))?;
    let rows = stmt.query_map([id], |r| {
        let snapshot: String = r.get("snapshot")?;
        Ok(Revision {
            version: r.get("version")?,
            changed_by: r.get("changed_by")?,
            changed_at: r.get("changed_at")?,
            note: serde_json::from_str(&snapshot).ok(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The most notes a list counts exactly; beyond it the page says "more than".
pub const COUNT_CAP: i64 = 1_000;

/// The most matches a search counts and ranks by relevance (the newest ones; the page
/// says when there are more, and more words or a filter narrow them down).
pub const SEARCH_CAP: i64 = 500;

/// What a bank list shows: filters that combine, a search, a page.
#[derive(Debug, Clone, Default)]
pub struct NoteFilter {
    /// An FTS5 query (see `domain::bank::search_query`).
    pub search: Option<String>,
    pub note_type: Option<NoteType>,
    pub category: Option<Category>,
    pub time_band: Option<TimeBand>,
    pub status: Option<NoteStatus>,
    pub organisation_id: Option<i64>,
    pub phase: Option<String>,
    pub tag: Option<String>,
    /// Drafts of this organisation are visible too (none: no drafts; see `all_drafts`).
    pub drafts_of: Option<i64>,
    pub all_drafts: bool,
    /// Only notes an editor has made public (for visitors).
    pub public_only: bool,
    /// By relevance (with a search) instead of newest first.
    pub by_relevance: bool,
    pub limit: i64,
    pub offset: i64,
}

/// The conditions on `notes n` a filter asks for (the search aside), with their values.
fn conditions(filter: &NoteFilter) -> (Vec<String>, Vec<rusqlite::types::Value>) {
    use rusqlite::types::Value;
    let mut conditions: Vec<String> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    let mut eq = |column: &str, value: Value| {
        conditions.push(format!("{column} = ?"));
        values.push(value);
    };
    if let Some(t) = filter.note_type {
        eq("n.note_type", Value::Text(t.key().into()));
    }
    if let Some(c) = filter.category {
        eq("n.category", Value::Text(c.key().into()));
    }
    if let Some(b) = filter.time_band {
        eq("n.time_band", Value::Text(b.key().into()));
    }
    if let Some(s) = filter.status {
        eq("n.status", Value::Text(s.key().into()));
    }
    if let Some(o) = filter.organisation_id {
        eq("n.organisation_id", Value::Integer(o));
    }
    if let Some(p) = &filter.phase {
        eq("n.phase_slug", Value::Text(p.clone()));
    }
    if filter.public_only {
        conditions.push("n.public = 1 AND n.status IN ('submitted', 'curated')".into());
    } else if !filter.all_drafts {
        match filter.drafts_of {
            Some(org) => {
                conditions.push("(n.status <> 'draft' OR n.organisation_id = ?)".into());
                values.push(Value::Integer(org));
            }
            None => conditions.push("n.status <> 'draft'".into()),
        }
    }
    if let Some(tag) = &filter.tag {
        conditions.push("(',' || n.tags || ',') LIKE ?".into());
        values.push(Value::Text(format!("%,{},%", tag.replace(['%', '_'], ""))));
    }
    (conditions, values)
}

/// One page of notes and the number of all that match (up to [`COUNT_CAP`] + 1, or
/// [`SEARCH_CAP`] + 1 for a search: beyond it the page says "more than"). Conditions are added only when asked for, so the
/// covering indexes and the FTS index do the work.
pub fn search(conn: &Connection, filter: &NoteFilter) -> Result<(Vec<Note>, i64)> {
    use rusqlite::types::Value;
    let (conditions, mut values) = conditions(filter);
    let limit = if filter.limit > 0 { filter.limit } else { 50 };
    let offset = filter.offset.max(0);
    let and = |first: &str| {
        let mut all = vec![first.to_string()];
        all.extend(conditions.iter().cloned());
        format!(" WHERE {}", all.join(" AND "))
    };
    if let Some(query) = &filter.search {
        // One pass over the matches, newest first (FTS5 walks its index in rowid order
        // without sorting), stopping after SEARCH_CAP + 1: that gives the count, and, by
        // relevance, the candidates bm25 ranks. A relevance search thus ranks the newest
        // matches; the page says so when there are more.
        let score = if filter.by_relevance {
            "bm25(notes_fts)"
        } else {
            "0.0"
        };
        let mut window_values = vec![Value::Text(query.clone())];
        window_values.extend(values.iter().cloned());
        let window: Vec<(i64, f64)> = conn
            .prepare_cached(&format!(
                "SELECT n.id, {score} AS score FROM notes_fts f CROSS JOIN notes n ON n.id = f.rowid{}
                 ORDER BY f.rowid DESC LIMIT {}",
                and("notes_fts MATCH ?"),
                SEARCH_CAP + 1
            ))?
            .query_map(rusqlite::params_from_iter(window_values.iter()), |r| {
                Ok((r.get("id")?, r.get("score")?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let total = window.len() as i64;
        let mut ranked = window;
        if filter.by_relevance {
            ranked.sort_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        } else if offset + limit > SEARCH_CAP {
            // Newest first beyond the window: page through the matches in SQL.
            window_values.push(Value::Integer(limit));
            window_values.push(Value::Integer(offset));
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM notes_fts f CROSS JOIN notes n ON n.id = f.rowid
                 CROSS JOIN organisations o ON o.id = n.organisation_id LEFT JOIN users u ON u.id = n.author_id{}
                 ORDER BY f.rowid DESC LIMIT ? OFFSET ?",
                and("notes_fts MATCH ?")
            ))?;
            let rows =
                stmt.query_map(rusqlite::params_from_iter(window_values.iter()), from_row)?;
            return Ok((rows.collect::<rusqlite::Result<_>>()?, total));
        }
        let ids: Vec<i64> = ranked
            .iter()
            .skip(offset as usize)
            .take(limit as usize)
            .map(|(id, _)| *id)
            .collect();
        return Ok((by_ids(conn, &ids)?, total));
    }
    // Visitors see only what editors made public: the partial index holds exactly that.
    let indexed = if filter.public_only {
        " INDEXED BY notes_public"
    } else {
        ""
    };
    let where_clause = if conditions.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", conditions.join(" AND "))
    };
    let total: i64 = conn
        .prepare_cached(&format!(
            "SELECT count(*) AS matches FROM (SELECT 1 FROM notes n{indexed}{where_clause} LIMIT {})",
            COUNT_CAP + 1
        ))?
        .query_row(rusqlite::params_from_iter(values.iter()), |r| r.get("matches"))?;
    values.push(Value::Integer(limit));
    values.push(Value::Integer(offset));
    // Newest first by id: each filter's index is ordered by id after its column and
    // carries the other filter columns, so SQLite walks it and stops early.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM notes n{indexed} CROSS JOIN organisations o ON o.id = n.organisation_id
         LEFT JOIN users u ON u.id = n.author_id{where_clause} ORDER BY n.id DESC LIMIT ? OFFSET ?"
    ))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(values.iter()), from_row)?;
    Ok((rows.collect::<rusqlite::Result<_>>()?, total))
}

/// The notes with these ids, in the order given.
pub fn by_ids(conn: &Connection, ids: &[i64]) -> Result<Vec<Note>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; ids.len()].join(",");
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {COLUMNS} {FROM} WHERE n.id IN ({marks})"))?;
    let mut notes: Vec<Note> = stmt
        .query_map(rusqlite::params_from_iter(ids.iter()), from_row)?
        .collect::<rusqlite::Result<_>>()?;
    notes.sort_by_key(|n| ids.iter().position(|id| *id == n.id));
    Ok(notes)
}

/// What permission and link checks need to know of a note.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Brief {
    pub id: i64,
    pub note_type: NoteType,
    pub title: String,
    pub status: NoteStatus,
    pub organisation_id: i64,
    pub public: bool,
}

fn brief_row(r: &Row<'_>) -> rusqlite::Result<Brief> {
    Ok(Brief {
        id: r.get("id")?,
        note_type: keyed(r, "note_type", NoteType::parse)?,
        title: r.get("title")?,
        status: keyed(r, "status", NoteStatus::parse)?,
        organisation_id: r.get("organisation_id")?,
        public: r.get("public")?,
    })
}

pub fn brief(conn: &Connection, id: i64) -> Result<Option<Brief>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, note_type, title, status, organisation_id, public FROM notes WHERE id = ?1",
    )?;
    Ok(stmt.query_row([id], brief_row).optional()?)
}

/// The briefs of the notes with these ids (those that exist), in one query.
pub fn briefs(conn: &Connection, ids: &[i64]) -> Result<Vec<Brief>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; ids.len()].join(",");
    let mut stmt = conn.prepare(&format!(
        "SELECT id, note_type, title, status, organisation_id, public FROM notes WHERE id IN ({marks})"
    ))?;
    Ok(stmt
        .query_map(rusqlite::params_from_iter(ids.iter()), brief_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// A link as seen from one note: the other note and which way the link points.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub kind: LinkKind,
    /// True when this note is the link's source ("this drives that").
    pub outgoing: bool,
    pub other: Brief,
}

/// Every link from or to a note.
pub fn links(conn: &Connection, id: i64) -> Result<Vec<Link>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.kind, 1 AS outgoing, n.id, n.note_type, n.title, n.status, n.organisation_id, n.public
           FROM note_links l JOIN notes n ON n.id = l.to_id WHERE l.from_id = ?1
         UNION ALL
         SELECT l.kind, 0, n.id, n.note_type, n.title, n.status, n.organisation_id, n.public
           FROM note_links l JOIN notes n ON n.id = l.from_id WHERE l.to_id = ?1
         ORDER BY 2 DESC, 1, 3",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(Link {
            kind: keyed(r, "kind", LinkKind::parse)?,
            outgoing: r.get("outgoing")?,
            other: Brief {
                id: r.get("id")?,
                note_type: keyed(r, "note_type", NoteType::parse)?,
                title: r.get("title")?,
                status: keyed(r, "status", NoteStatus::parse)?,
                organisation_id: r.get("organisation_id")?,
                public: r.get("public")?,
            },
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Adds a link (an existing one stays as it is). False when it was there already.
pub fn add_link(conn: &Connection, from: i64, to: i64, kind: LinkKind, by: i64) -> Result<bool> {
    Ok(conn.execute(
        "INSERT OR IGNORE INTO note_links (from_id, to_id, kind, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![from, to, kind.key(), by, now_seconds()],
    )? == 1)
}

pub fn remove_link(conn: &Connection, from: i64, to: i64, kind: LinkKind) -> Result<bool> {
    Ok(conn.execute(
        "DELETE FROM note_links WHERE from_id = ?1 AND to_id = ?2 AND kind = ?3",
        params![from, to, kind.key()],
    )? == 1)
}

/// The notes that have this one as parent, and those merged into it.
pub fn related(conn: &Connection, id: i64) -> Result<(Vec<Brief>, Vec<Brief>)> {
    let select = "SELECT id, note_type, title, status, organisation_id, public FROM notes";
    let children = conn
        .prepare_cached(&format!("{select} WHERE parent_id = ?1 ORDER BY id"))?
        .query_map([id], brief_row)?
        .collect::<rusqlite::Result<_>>()?;
    let merged = conn
        .prepare_cached(&format!("{select} WHERE merged_into = ?1 ORDER BY id"))?
        .query_map([id], brief_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok((children, merged))
}

/// What a merge moved onto the surviving note, kept so that undoing the merge gives
/// back exactly that (and nothing the surviving note had, or gained since, on its own).
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct TakenOver {
    /// The merged note's status and public flag before the merge.
    pub status: String,
    pub public: bool,
    /// Child notes moved under the surviving note.
    pub children: Vec<i64>,
    /// Links copied to the surviving note: (from, to, kind).
    pub links: Vec<(i64, i64, String)>,
    /// Sources the surviving note came to cite.
    pub sources: Vec<i64>,
    /// Tags added to the surviving note.
    pub tags: Vec<String>,
}

/// Folds note `from` into note `into`: `from` becomes merged (its text, revisions and
/// links stay as they were, for the record); `into` takes over its links, its sources,
/// its child notes and its tags, and both get a revision. What `into` took over is
/// recorded (see [`unmerge`]). Runs inside the caller's write transaction.
pub fn merge(conn: &Connection, from: i64, into: i64, by: i64) -> Result<()> {
    let now = now_seconds();
    let before = get(conn, from)?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
    let mut taken = TakenOver {
        status: before.status.key().to_string(),
        public: before.public,
        ..TakenOver::default()
    };
    let link_row = |r: &Row<'_>| -> rusqlite::Result<(i64, i64, String)> {
        Ok((r.get("from_id")?, r.get("to_id")?, r.get("kind")?))
    };
    taken.links = conn
        .prepare(
            "INSERT OR IGNORE INTO note_links (from_id, to_id, kind, created_by, created_at)
             SELECT ?2, to_id, kind, ?3, ?4 FROM note_links WHERE from_id = ?1 AND to_id <> ?2
             RETURNING from_id, to_id, kind",
        )?
        .query_map(params![from, into, by, now], link_row)?
        .collect::<rusqlite::Result<_>>()?;
    let incoming: Vec<(i64, i64, String)> = conn
        .prepare(
            "INSERT OR IGNORE INTO note_links (from_id, to_id, kind, created_by, created_at)
             SELECT from_id, ?2, kind, ?3, ?4 FROM note_links WHERE to_id = ?1 AND from_id <> ?2
             RETURNING from_id, to_id, kind",
        )?
        .query_map(params![from, into, by, now], link_row)?
        .collect::<rusqlite::Result<_>>()?;
    taken.links.extend(incoming);
    taken.sources = conn
        .prepare(
            "INSERT OR IGNORE INTO note_sources (note_id, source_id, stance, added_by, added_at)
             SELECT ?2, source_id, stance, ?3, ?4 FROM note_sources WHERE note_id = ?1
             RETURNING source_id",
        )?
        .query_map(params![from, into, by, now], |r| r.get("source_id"))?
        .collect::<rusqlite::Result<_>>()?;
    taken.children = conn
        .prepare("UPDATE notes SET parent_id = ?2 WHERE parent_id = ?1 AND id <> ?2 RETURNING id")?
        .query_map(params![from, into], |r| r.get("id"))?
        .collect::<rusqlite::Result<_>>()?;
    taken.children.sort_unstable();
    let (from_tags, into_tags): (String, String) = conn.query_row(
        "SELECT (SELECT tags FROM notes WHERE id = ?1) AS from_tags,
                (SELECT tags FROM notes WHERE id = ?2) AS into_tags",
        params![from, into],
        |r| Ok((r.get("from_tags")?, r.get("into_tags")?)),
    )?;
    let mut tags: Vec<&str> = into_tags.split(',').filter(|t| !t.is_empty()).collect();
    for tag in from_tags.split(',').filter(|t| !t.is_empty()) {
        if !tags.contains(&tag) {
            tags.push(tag);
            taken.tags.push(tag.to_string());
        }
    }
    conn.execute(
        "UPDATE notes SET tags = ?2, version = version + 1, updated_at = ?3 WHERE id = ?1",
        params![into, tags.join(","), now],
    )?;
    conn.execute(
        "UPDATE notes SET status = 'merged', merged_into = ?2, public = 0, version = version + 1,
            updated_at = ?3 WHERE id = ?1",
        params![from, into, now],
    )?;
    conn.execute(
        "INSERT INTO note_merges (from_id, into_id, taken_over, merged_by, merged_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            from,
            into,
            serde_json::to_string(&taken).unwrap_or_default(),
            by,
            now
        ],
    )?;
    record_revision(conn, from, by)?;
    record_revision(conn, into, by)?;
    Ok(())
}

/// The latest merge of note `from` not yet undone: the note it went into and what that
/// note took over.
pub fn open_merge(conn: &Connection, from: i64) -> Result<Option<(i64, i64, TakenOver)>> {
    let found: Option<(i64, i64, String)> = conn
        .prepare_cached(
            "SELECT id, into_id, taken_over FROM note_merges
             WHERE from_id = ?1 AND undone_at IS NULL ORDER BY id DESC LIMIT 1",
        )?
        .query_row([from], |r| {
            Ok((r.get("id")?, r.get("into_id")?, r.get("taken_over")?))
        })
        .optional()?;
    Ok(found.map(|(id, into, json)| (id, into, serde_json::from_str(&json).unwrap_or_default())))
}

/// Undoes merge `merge` of note `from` into note `into`: `from` is in use again with
/// the status and public flag it had (`status`); `into` gives back what it took over
/// and still has (children it still holds go back, copied links and sources and added
/// tags are removed). Both get a revision; the merge's row says who undid it.
pub fn unmerge(
    conn: &Connection,
    merge: i64,
    from: i64,
    into: i64,
    taken: &TakenOver,
    status: NoteStatus,
    by: i64,
) -> Result<()> {
    let now = now_seconds();
    for (link_from, link_to, kind) in &taken.links {
        conn.execute(
            "DELETE FROM note_links WHERE from_id = ?1 AND to_id = ?2 AND kind = ?3",
            params![link_from, link_to, kind],
        )?;
    }
    for source in &taken.sources {
        conn.execute(
            "DELETE FROM note_sources WHERE note_id = ?1 AND source_id = ?2",
            params![into, source],
        )?;
    }
    for child in &taken.children {
        conn.execute(
            "UPDATE notes SET parent_id = ?2 WHERE id = ?1 AND parent_id = ?3",
            params![child, from, into],
        )?;
    }
    let into_tags: String =
        conn.query_row("SELECT tags FROM notes WHERE id = ?1", [into], |r| {
            r.get("tags")
        })?;
    let kept: Vec<&str> = into_tags
        .split(',')
        .filter(|t| !t.is_empty() && !taken.tags.iter().any(|added| added == t))
        .collect();
    conn.execute(
        "UPDATE notes SET tags = ?2, version = version + 1, updated_at = ?3 WHERE id = ?1",
        params![into, kept.join(","), now],
    )?;
    conn.execute(
        "UPDATE notes SET status = ?2, merged_into = NULL, public = ?3, version = version + 1,
            updated_at = ?4 WHERE id = ?1",
        params![from, status.key(), taken.public, now],
    )?;
    conn.execute(
        "UPDATE note_merges SET undone_by = ?2, undone_at = ?3 WHERE id = ?1",
        params![merge, by, now],
    )?;
    record_revision(conn, from, by)?;
    record_revision(conn, into, by)?;
    Ok(())
}

/// Where each of these notes' ratings count now, in one query: the note itself, or, for
/// a merged note, the note it was merged into (followed through merges of merges).
pub fn homes(conn: &Connection, ids: &[i64]) -> Result<std::collections::BTreeMap<i64, i64>> {
    let mut found: std::collections::BTreeMap<i64, i64> = ids.iter().map(|id| (*id, *id)).collect();
    if ids.is_empty() {
        return Ok(found);
    }
    let marks = vec!["?"; ids.len()].join(",");
    // A merge never goes into a merged note, so a chain ends; the depth is a guard.
    let mut stmt = conn.prepare(&format!(
        "WITH RECURSIVE chain (start, at, depth) AS (
             SELECT id, id, 0 FROM notes WHERE id IN ({marks})
             UNION ALL
             SELECT c.start, n.merged_into, c.depth + 1 FROM chain c JOIN notes n ON n.id = c.at
             WHERE n.status = 'merged' AND n.merged_into IS NOT NULL AND c.depth < 64
         )
         SELECT start, at FROM chain ORDER BY start, depth"
    ))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(ids.iter()), |r| {
        Ok((r.get::<_, i64>("start")?, r.get::<_, i64>("at")?))
    })?;
    for row in rows {
        let (start, at) = row?;
        found.insert(start, at);
    }
    Ok(found)
}

/// An editor's decision to show a note to the public, or to stop showing it.
pub fn set_public(conn: &Connection, id: i64, public: bool, by: i64) -> Result<bool> {
    let changed = conn.execute(
        "UPDATE notes SET public = ?2, version = version + 1, updated_at = ?3
         WHERE id = ?1 AND public <> ?2",
        params![id, public, now_seconds()],
    )? == 1;
    if changed {
        record_revision(conn, id, by)?;
    }
    Ok(changed)
}
