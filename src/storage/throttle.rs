//! Recent login failures, counted per key (`account:<email>` or `address:<ip>`).

use rusqlite::{Connection, params};

use super::Result;

pub fn failures_since(conn: &Connection, key: &str, since: i64) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) AS failures FROM login_failures WHERE key = ?1 AND at >= ?2",
        params![key, since],
        |r| r.get("failures"),
    )?)
}

/// Records a failure (or reserves one for an attempt being checked); returns its row id.
pub fn record_failure(conn: &Connection, key: &str, at: i64) -> Result<i64> {
    conn.execute(
        "INSERT INTO login_failures (key, at) VALUES (?1, ?2)",
        params![key, at],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Takes back reserved failures (the attempt succeeded).
pub fn release(conn: &Connection, rows: &[i64]) -> Result<()> {
    let mut stmt = conn.prepare_cached("DELETE FROM login_failures WHERE rowid = ?1")?;
    for row in rows {
        stmt.execute([row])?;
    }
    Ok(())
}

/// Forgets an account's failures after a successful login, and everything older than
/// `before`; returns how many rows went.
pub fn clear(conn: &Connection, key: &str, before: i64) -> Result<usize> {
    Ok(conn.execute(
        "DELETE FROM login_failures WHERE key = ?1 OR at < ?2",
        params![key, before],
    )?)
}
