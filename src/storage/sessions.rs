//! Sessions: the digest of the cookie's token, its person and its two clocks.

use rusqlite::{Connection, OptionalExtension, params};

use super::Result;

pub fn create(conn: &Connection, digest: &[u8], user_id: i64, now: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO sessions (token_digest, user_id, created_at, last_seen_at) VALUES (?1, ?2, ?3, ?3)",
        params![digest, user_id, now],
    )?;
    Ok(())
}

/// The session's person and clocks: (user id, created at, last seen at).
pub fn find(conn: &Connection, digest: &[u8]) -> Result<Option<(i64, i64, i64)>> {
    Ok(conn
        .query_row(
            "SELECT user_id, created_at, last_seen_at FROM sessions WHERE token_digest = ?1",
            [digest],
            |r| {
                Ok((
                    r.get("user_id")?,
                    r.get("created_at")?,
                    r.get("last_seen_at")?,
                ))
            },
        )
        .optional()?)
}

pub fn touch(conn: &Connection, digest: &[u8], now: i64) -> Result<()> {
    conn.execute(
        "UPDATE sessions SET last_seen_at = ?2 WHERE token_digest = ?1",
        params![digest, now],
    )?;
    Ok(())
}

pub fn delete(conn: &Connection, digest: &[u8]) -> Result<()> {
    conn.execute("DELETE FROM sessions WHERE token_digest = ?1", [digest])?;
    Ok(())
}

pub fn delete_for_user(conn: &Connection, user_id: i64) -> Result<()> {
    conn.execute("DELETE FROM sessions WHERE user_id = ?1", [user_id])?;
    Ok(())
}

/// Removes sessions idle since `idle_before` or created before `created_before`.
pub fn delete_expired(conn: &Connection, idle_before: i64, created_before: i64) -> Result<usize> {
    Ok(conn.execute(
        "DELETE FROM sessions WHERE last_seen_at < ?1 OR created_at < ?2",
        params![idle_before, created_before],
    )?)
}
