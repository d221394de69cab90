//! The reads the thread from signal to action is made of: every note with what its
//! visibility and row need (and the note it is filed under), and every link between
//! notes. Scenario sets, consequences, visions, milestones and actions are read by their
//! own modules.

use rusqlite::{Connection, Row};

use super::{Result, keyed};
use crate::domain::bank::{LinkKind, NoteStatus, NoteType};

/// A note as the thread needs it.
#[derive(Debug, Clone)]
pub struct ThreadNote {
    pub id: i64,
    pub note_type: NoteType,
    pub title: String,
    pub status: NoteStatus,
    pub organisation_id: i64,
    pub public: bool,
    /// The note it is filed under (a signal's trend).
    pub parent_id: Option<i64>,
}

fn note_row(r: &Row<'_>) -> rusqlite::Result<ThreadNote> {
    Ok(ThreadNote {
        id: r.get("id")?,
        note_type: keyed(r, "note_type", NoteType::parse)?,
        title: r.get("title")?,
        status: keyed(r, "status", NoteStatus::parse)?,
        organisation_id: r.get("organisation_id")?,
        public: r.get("public")?,
        parent_id: r.get("parent_id")?,
    })
}

/// Every note still in use (none merged into another), by number.
pub fn notes(conn: &Connection) -> Result<Vec<ThreadNote>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, note_type, title, status, organisation_id, public, parent_id
           FROM notes WHERE status <> 'merged' ORDER BY id",
    )?;
    let rows = stmt.query_map([], note_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A link between two notes: `from` bears on `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoteLink {
    pub from: i64,
    pub to: i64,
    pub kind: LinkKind,
}

/// Every link between two notes.
pub fn note_links(conn: &Connection) -> Result<Vec<NoteLink>> {
    let mut stmt =
        conn.prepare_cached("SELECT from_id, to_id, kind FROM note_links ORDER BY from_id, to_id")?;
    let rows = stmt.query_map([], |r| {
        Ok(NoteLink {
            from: r.get("from_id")?,
            to: r.get("to_id")?,
            kind: keyed(r, "kind", LinkKind::parse)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
