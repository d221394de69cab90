//! Process leaders' overrides of the active phase, kept as a log: the newest row rules.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::{Result, now_seconds};

#[derive(Debug, Clone, Serialize)]
pub struct Override {
    pub id: i64,
    /// The phase made active; `None` when the override was lifted (dates rule again).
    pub phase_slug: Option<String>,
    pub reason: Option<String>,
    pub set_by: i64,
    pub set_by_name: String,
    pub set_at: i64,
}

/// The phase slug the newest override names, if the newest row is an override at all.
pub fn current(conn: &Connection, programme: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT phase_slug FROM phase_overrides WHERE programme = ?1 ORDER BY id DESC LIMIT 1",
            [programme],
            |r| r.get::<_, Option<String>>("phase_slug"),
        )
        .optional()?
        .flatten())
}

pub fn set(
    conn: &Connection,
    programme: &str,
    phase_slug: Option<&str>,
    reason: Option<&str>,
    set_by: i64,
) -> Result<()> {
    conn.execute(
        "INSERT INTO phase_overrides (programme, phase_slug, reason, set_by, set_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![programme, phase_slug, reason, set_by, now_seconds()],
    )?;
    Ok(())
}

/// The whole log, newest first.
pub fn history(conn: &Connection, programme: &str) -> Result<Vec<Override>> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT o.id, o.phase_slug, o.reason, o.set_by, ",
        person_name!("u"),
        " AS set_by_name, o.set_at
         FROM phase_overrides o JOIN users u ON u.id = o.set_by
         WHERE o.programme = ?1 ORDER BY o.id DESC"
    ))?;
    let rows = stmt.query_map([programme], |r| {
        Ok(Override {
            id: r.get("id")?,
            phase_slug: r.get("phase_slug")?,
            reason: r.get("reason")?,
            set_by: r.get("set_by")?,
            set_by_name: r.get("set_by_name")?,
            set_at: r.get("set_at")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
