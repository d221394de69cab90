//! The editorial team's texts and their revisions.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use super::{Edit, Result, keyed, now_seconds};
use crate::domain::embed::Snapshot;
use crate::domain::publication::{PublicationKind, PublicationStatus, ValidPublication};

#[derive(Debug, Clone, Serialize)]
pub struct Publication {
    pub id: i64,
    pub kind: PublicationKind,
    pub phase_slug: Option<String>,
    pub output_slug: Option<String>,
    pub title: String,
    pub body: String,
    pub status: PublicationStatus,
    pub publish_at: Option<i64>,
    pub published_at: Option<i64>,
    pub review_comment: Option<String>,
    pub version: i64,
    pub last_author: Option<i64>,
    pub last_author_name: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    /// The material it embeds, frozen when it was published (JSON by reference key).
    #[serde(skip)]
    pub snapshot: Option<String>,
    pub snapshot_at: Option<i64>,
}

const COLUMNS: &str = concat!(
    "p.id, p.kind, p.phase_slug, p.output_slug, p.title, p.body, p.status,
    p.publish_at, p.published_at, p.review_comment, p.version, p.last_author, ",
    person_name!("u"),
    " AS last_author_name,
    p.created_at,
    p.updated_at, p.snapshot, p.snapshot_at"
);
const FROM: &str = "FROM publications p LEFT JOIN users u ON u.id = p.last_author";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Publication> {
    Ok(Publication {
        id: r.get("id")?,
        kind: keyed(r, "kind", PublicationKind::parse)?,
        phase_slug: r.get("phase_slug")?,
        output_slug: r.get("output_slug")?,
        title: r.get("title")?,
        body: r.get("body")?,
        status: keyed(r, "status", PublicationStatus::parse)?,
        publish_at: r.get("publish_at")?,
        published_at: r.get("published_at")?,
        review_comment: r.get("review_comment")?,
        version: r.get("version")?,
        last_author: r.get("last_author")?,
        last_author_name: r.get("last_author_name")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
        snapshot: r.get("snapshot")?,
        snapshot_at: r.get("snapshot_at")?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Publication>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} {FROM} WHERE p.id = ?1"))?;
    Ok(stmt.query_row([id], from_row).optional()?)
}

/// Every text, newest first (for the editors).
pub fn all(conn: &Connection) -> Result<Vec<Publication>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM} ORDER BY p.updated_at DESC, p.id DESC"
    ))?;
    Ok(stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// The texts the public sees at `now`, newest publication first.
pub fn public(conn: &Connection, now: i64, limit: i64) -> Result<Vec<Publication>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM} WHERE p.status = 'published' AND (p.publish_at IS NULL OR p.publish_at <= ?1)
         ORDER BY coalesce(p.publish_at, p.published_at) DESC, p.id DESC LIMIT ?2"
    ))?;
    Ok(stmt
        .query_map(params![now, limit], from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

fn record(conn: &Connection, id: i64, action: &str, comment: Option<&str>, by: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO publication_revisions (publication_id, version, title, body, status, action, comment,
            changed_by, changed_at)
         SELECT id, version, title, body, status, ?2, ?3, ?4, ?5 FROM publications WHERE id = ?1",
        params![id, action, comment, by, now_seconds()],
    )?;
    Ok(())
}

pub fn insert(conn: &Connection, text: &ValidPublication, by: i64) -> Result<i64> {
    let now = now_seconds();
    conn.execute(
        "INSERT INTO publications (kind, phase_slug, output_slug, title, body, status, last_author,
            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 'draft', ?6, ?7, ?7)",
        params![
            text.kind.key(),
            text.phase,
            text.output,
            text.title,
            text.body,
            by,
            now
        ],
    )?;
    let id = conn.last_insert_rowid();
    record(conn, id, "save", None, by)?;
    Ok(id)
}

/// Saves an edit made from `base_version` (a draft again, whatever it was); refused when
/// the text moved on since.
pub fn update(
    conn: &Connection,
    id: i64,
    base_version: i64,
    text: &ValidPublication,
    by: i64,
    action: &str,
) -> Result<Edit<Publication>> {
    let changed = conn.execute(
        "UPDATE publications SET kind = ?3, phase_slug = ?4, output_slug = ?5, title = ?6, body = ?7,
            status = 'draft', last_author = ?8, version = version + 1, updated_at = ?9
         WHERE id = ?1 AND version = ?2",
        params![
            id,
            base_version,
            text.kind.key(),
            text.phase,
            text.output,
            text.title,
            text.body,
            by,
            now_seconds()
        ],
    )?;
    if changed == 1 {
        record(conn, id, action, None, by)?;
        return Ok(Edit::Saved {
            version: base_version + 1,
        });
    }
    Ok(match get(conn, id)? {
        Some(current) => Edit::Stale(Box::new(current)),
        None => Edit::Missing,
    })
}

/// A workflow step as stored.
pub struct Change<'a> {
    pub status: PublicationStatus,
    /// When the public may see it (a publication only).
    pub publish_at: Option<i64>,
    pub comment: Option<&'a str>,
    pub action: &'a str,
    /// The embedded material frozen at publication (a publication only).
    pub snapshot: Option<&'a Snapshot>,
}

/// Takes a workflow step, from `base_version` only.
pub fn set_status(
    conn: &Connection,
    id: i64,
    base_version: i64,
    change: &Change,
    by: i64,
) -> Result<bool> {
    let Change {
        status,
        publish_at,
        comment,
        action,
        snapshot,
    } = *change;
    // Plain data (text, numbers, keys) always writes as JSON.
    let snapshot = snapshot.map(|s| serde_json::to_string(s).unwrap_or_default());
    let now = now_seconds();
    let changed = conn.execute(
        "UPDATE publications SET status = ?3,
            publish_at = CASE WHEN ?3 = 'published' THEN ?4 ELSE publish_at END,
            published_at = CASE WHEN ?3 = 'published' THEN ?5 ELSE published_at END,
            review_comment = coalesce(?6, review_comment),
            snapshot = CASE WHEN ?3 = 'published' THEN ?7 ELSE snapshot END,
            snapshot_at = CASE WHEN ?3 = 'published' THEN ?5 ELSE snapshot_at END,
            version = version + 1, updated_at = ?5
         WHERE id = ?1 AND version = ?2",
        params![
            id,
            base_version,
            status.key(),
            publish_at,
            now,
            comment,
            snapshot
        ],
    )? == 1;
    if changed {
        record(conn, id, action, comment, by)?;
    }
    Ok(changed)
}

#[derive(Debug, Clone, Serialize)]
pub struct Revision {
    pub version: i64,
    pub title: String,
    pub body: String,
    pub status: PublicationStatus,
    pub action: String,
    pub comment: Option<String>,
    pub changed_by: Option<String>,
    pub changed_at: i64,
}

/// Every revision of a text, newest first.
pub fn revisions(conn: &Connection, id: i64) -> Result<Vec<Revision>> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT r.version, r.title, r.body, r.status, r.action, r.comment, ",
        person_name!("u"),
        " AS changed_by,
                r.changed_at
         FROM publication_revisions r LEFT JOIN users u ON u.id = r.changed_by
         WHERE r.publication_id = ?1 ORDER BY r.version DESC"
    ))?;
    let rows = stmt.query_map([id], |r| {
        Ok(Revision {
            version: r.get("version")?,
            title: r.get("title")?,
            body: r.get("body")?,
            status: keyed(r, "status", PublicationStatus::parse)?,
            action: r.get("action")?,
            comment: r.get("comment")?,
            changed_by: r.get("changed_by")?,
            changed_at: r.get("changed_at")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
