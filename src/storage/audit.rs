//! The append-only audit log: who did what, when (triggers refuse UPDATE and DELETE).

use rusqlite::{Connection, params};
use serde::Serialize;

use super::{Result, now_seconds};

/// One line of the log as shown to administrators.
#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: i64,
    pub actor_id: Option<i64>,
    pub actor_name: Option<String>,
    pub address: Option<String>,
    pub action: String,
    pub subject: Option<String>,
    pub detail: Option<String>,
}

/// Who acts, for the log: a signed-in person or nobody, and the client's address.
#[derive(Debug, Clone, Default)]
pub struct Actor {
    pub user_id: Option<i64>,
    pub address: Option<String>,
}

pub fn record(
    conn: &Connection,
    actor: &Actor,
    action: &str,
    subject: Option<&str>,
    detail: Option<&str>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO audit_log (at, actor_id, address, action, subject, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            now_seconds(),
            actor.user_id,
            actor.address,
            action,
            subject,
            detail
        ],
    )?;
    Ok(())
}

/// The newest entries first, a page at a time.
pub fn page(conn: &Connection, limit: i64, offset: i64) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT a.id, a.at, a.actor_id, ",
        person_name!("u"),
        " AS actor_name, a.address, a.action, a.subject, a.detail
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
         ORDER BY a.id DESC LIMIT ?1 OFFSET ?2"
    ))?;
    let rows = stmt.query_map(params![limit, offset], |r| {
        Ok(AuditEntry {
            id: r.get("id")?,
            at: r.get("at")?,
            actor_id: r.get("actor_id")?,
            actor_name: r.get("actor_name")?,
            address: r.get("address")?,
            action: r.get("action")?,
            subject: r.get("subject")?,
            detail: r.get("detail")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn count(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT count(*) AS entries FROM audit_log", [], |r| {
            r.get("entries")
        })?,
    )
}
