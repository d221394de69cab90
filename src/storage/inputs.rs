//! Input from anyone, and its moderation.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use super::{Result, now_seconds};
use crate::domain::input::{InputStatus, PublicInput, ValidInput};

#[derive(Debug, Clone, Serialize)]
pub struct Input {
    pub id: i64,
    pub name: Option<String>,
    /// Whether the sender allowed their name to be published.
    pub name_public: bool,
    pub email: Option<String>,
    /// The text as sent, never changed.
    pub body: String,
    /// The moderators' edited version for publishing, if any.
    pub public_body: Option<String>,
    pub phase_slug: Option<String>,
    pub topic: Option<String>,
    pub status: InputStatus,
    pub note_id: Option<i64>,
    pub published: bool,
    pub created_at: i64,
}

const COLUMNS: &str = "id, name, name_public, email, body, public_body, phase_slug, topic, \
     status, note_id, published, created_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Input> {
    let status: String = r.get("status")?;
    Ok(Input {
        id: r.get("id")?,
        name: r.get("name")?,
        name_public: r.get("name_public")?,
        email: r.get("email")?,
        body: r.get("body")?,
        public_body: r.get("public_body")?,
        phase_slug: r.get("phase_slug")?,
        topic: r.get("topic")?,
        status: InputStatus::parse(&status).unwrap_or(InputStatus::New),
        note_id: r.get("note_id")?,
        published: r.get("published")?,
        created_at: r.get("created_at")?,
    })
}

/// Stores input unless `address` has sent `per_hour` already in the last hour (counted
/// in the same transaction, so parallel posts cannot pass the limit). Returns the id.
pub fn insert(
    conn: &Connection,
    input: &ValidInput,
    address: &str,
    per_hour: u32,
) -> Result<Option<i64>> {
    let now = now_seconds();
    let recent: u32 = conn.query_row(
        "SELECT count(*) AS recent FROM inputs WHERE address = ?1 AND created_at > ?2",
        params![address, now - 3600],
        |r| r.get("recent"),
    )?;
    if recent >= per_hour {
        return Ok(None);
    }
    conn.execute(
        "INSERT INTO inputs (name, email, body, phase_slug, topic, address, created_at, name_public)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            input.name,
            input.email,
            input.body,
            input.phase,
            input.topic,
            address,
            now,
            input.name_public
        ],
    )?;
    Ok(Some(conn.last_insert_rowid()))
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Input>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM inputs WHERE id = ?1"))?;
    Ok(stmt.query_row([id], from_row).optional()?)
}

/// The queue, newest first, optionally of one status.
pub fn queue(conn: &Connection, status: Option<InputStatus>) -> Result<Vec<Input>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM inputs WHERE ?1 IS NULL OR status = ?1 ORDER BY id DESC"
    ))?;
    Ok(stmt
        .query_map([status.map(|s| s.key())], from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

fn public_from_row(r: &Row<'_>) -> rusqlite::Result<PublicInput> {
    Ok(PublicInput::new(
        r.get("id")?,
        r.get("body")?,
        r.get("public_body")?,
        r.get("name")?,
        r.get("name_public")?,
        r.get("created_at")?,
    ))
}

/// What moderators have chosen to publish, newest first, as the public may see it.
pub fn published(conn: &Connection) -> Result<Vec<PublicInput>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM inputs WHERE published = 1 ORDER BY id DESC LIMIT 100"
    ))?;
    Ok(stmt
        .query_map([], public_from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// The published input linked to note `note`, oldest first, as the public may see it.
pub fn published_for_note(conn: &Connection, note: i64) -> Result<Vec<PublicInput>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM inputs WHERE published = 1 AND note_id = ?1 ORDER BY id"
    ))?;
    Ok(stmt
        .query_map([note], public_from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// A moderator's decision on a piece of input; `public_body` is their edited version for
/// publishing (`None`: the text as sent). The text as sent is left as it is.
pub fn moderate(
    conn: &Connection,
    id: i64,
    status: InputStatus,
    note: Option<i64>,
    published: bool,
    public_body: Option<&str>,
    by: i64,
) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE inputs SET status = ?2, note_id = ?3, published = ?4, public_body = ?5,
             handled_by = ?6, handled_at = ?7
         WHERE id = ?1",
        params![
            id,
            status.key(),
            note,
            published,
            public_body,
            by,
            now_seconds()
        ],
    )? == 1)
}
