//! The outbox: messages written with the change that causes them, and what became of
//! each delivery (see `domain::mail`).

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{Result, StorageError, now_seconds};
use crate::domain::lang::Lang;
use crate::domain::mail::{Content, Kind, Outgoing, Status};

/// A message in the outbox.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Message {
    pub id: i64,
    pub token: String,
    pub kind: Kind,
    pub recipient: String,
    pub recipient_name: String,
    pub user_id: Option<i64>,
    /// The receiver's language; none: the programme's.
    pub lang: Option<Lang>,
    pub content: Content,
    pub status: Status,
    pub attempts: u32,
    pub next_attempt_at: i64,
    pub last_error: Option<String>,
    /// As sent at the first attempt.
    pub message_id: Option<String>,
    /// The secret of its one-click unsubscribe link, for an optional message.
    pub unsubscribe_token: Option<String>,
    pub created_at: i64,
    pub sent_at: Option<i64>,
}

const COLUMNS: &str = "id, token, kind, recipient, recipient_name, user_id, lang, content, status,
     attempts, next_attempt_at, last_error, message_id, created_at, sent_at, unsubscribe_token";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Message> {
    let bad = |i: usize, what: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            format!("not {what}").into(),
        )
    };
    let kind: String = r.get("kind")?;
    let lang: Option<String> = r.get("lang")?;
    let status: String = r.get("status")?;
    let content: String = r.get("content")?;
    Ok(Message {
        id: r.get("id")?,
        token: r.get("token")?,
        kind: Kind::parse(&kind).ok_or_else(|| bad(2, "a kind of message"))?,
        recipient: r.get("recipient")?,
        recipient_name: r.get("recipient_name")?,
        user_id: r.get("user_id")?,
        lang: match lang {
            Some(code) => Some(Lang::parse(&code).ok_or_else(|| bad(6, "a language"))?),
            None => None,
        },
        content: serde_json::from_str(&content).map_err(|_| bad(7, "a message's content"))?,
        status: Status::parse(&status).ok_or_else(|| bad(8, "a message status"))?,
        attempts: r.get("attempts")?,
        next_attempt_at: r.get("next_attempt_at")?,
        last_error: r.get("last_error")?,
        message_id: r.get("message_id")?,
        unsubscribe_token: r.get("unsubscribe_token")?,
        created_at: r.get("created_at")?,
        sent_at: r.get("sent_at")?,
    })
}

/// Writes a message, due at once; returns its id.
pub fn enqueue(conn: &Connection, message: &Outgoing) -> Result<i64> {
    let now = now_seconds();
    let content = serde_json::to_string(&message.content)
        .map_err(|e| StorageError::Task(format!("a message's content: {e}")))?;
    let kind = message.content.kind();
    let unsubscribe =
        (kind.optional() && message.user_id.is_some()).then(crate::domain::credentials::new_token);
    conn.prepare_cached(
        "INSERT INTO outbox (token, kind, recipient, recipient_name, user_id, lang, content,
                             status, next_attempt_at, created_at, unsubscribe_token)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'queued', ?8, ?8, ?9)",
    )?
    .execute(params![
        crate::domain::credentials::new_token(),
        kind.key(),
        message.to,
        message.name,
        message.user_id,
        message.lang.map(Lang::code),
        content,
        now,
        unsubscribe,
    ])?;
    Ok(conn.last_insert_rowid())
}

/// The kinds of optional message person `user_id` chose not to receive.
pub fn optouts(conn: &Connection, user_id: i64) -> Result<Vec<Kind>> {
    let mut stmt = conn.prepare_cached("SELECT kind FROM mail_optouts WHERE user_id = ?1")?;
    let rows = stmt.query_map([user_id], |r| r.get::<_, String>("kind"))?;
    let mut kinds = Vec::new();
    for kind in rows {
        if let Some(kind) = Kind::parse(&kind?) {
            kinds.push(kind);
        }
    }
    Ok(kinds)
}

/// Whether `user_id` receives messages of `kind`.
pub fn receives(conn: &Connection, user_id: i64, kind: Kind) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM mail_optouts WHERE user_id = ?1 AND kind = ?2")?
        .query_row(params![user_id, kind.key()], |_| Ok(()))
        .optional()?
        .is_none())
}

/// Turns messages of `kind` off (or on again) for `user_id`.
pub fn set_receives(conn: &Connection, user_id: i64, kind: Kind, receives: bool) -> Result<()> {
    if receives {
        conn.prepare_cached("DELETE FROM mail_optouts WHERE user_id = ?1 AND kind = ?2")?
            .execute(params![user_id, kind.key()])?;
    } else {
        conn.prepare_cached(
            "INSERT INTO mail_optouts (user_id, kind, at) VALUES (?1, ?2, ?3)
             ON CONFLICT (user_id, kind) DO NOTHING",
        )?
        .execute(params![user_id, kind.key(), now_seconds()])?;
    }
    Ok(())
}

/// The receiver and kind of the message whose unsubscribe link has `token`.
pub fn by_unsubscribe_token(conn: &Connection, token: &str) -> Result<Option<(i64, Kind)>> {
    let row: Option<(Option<i64>, String)> = conn
        .prepare_cached("SELECT user_id, kind FROM outbox WHERE unsubscribe_token = ?1")?
        .query_row([token], |r| Ok((r.get("user_id")?, r.get("kind")?)))
        .optional()?;
    Ok(row.and_then(|(user, kind)| Some((user?, Kind::parse(&kind)?))))
}

/// Sets the language person `user_id` reads their messages in (none: as they use it).
pub fn set_language(conn: &Connection, user_id: i64, lang: Option<Lang>) -> Result<()> {
    conn.prepare_cached("UPDATE users SET lang = ?2 WHERE id = ?1")?
        .execute(params![user_id, lang.map(Lang::code)])?;
    Ok(())
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Message>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM outbox WHERE id = ?1"))?;
    Ok(stmt.query_row([id], from_row).optional()?)
}

/// Queued messages whose attempt is due at `now`, oldest first, at most `limit`.
pub fn due(conn: &Connection, now: i64, limit: i64) -> Result<Vec<Message>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM outbox
         WHERE status = 'queued' AND next_attempt_at <= ?1 ORDER BY next_attempt_at, id LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![now, limit], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Records the Message-ID a message is sent under, at its first attempt.
pub fn set_message_id(conn: &Connection, id: i64, message_id: &str) -> Result<()> {
    conn.prepare_cached("UPDATE outbox SET message_id = ?2 WHERE id = ?1 AND message_id IS NULL")?
        .execute(params![id, message_id])?;
    Ok(())
}

/// Marks a message sent at `now`, keeping `kept` (its content without secrets).
pub fn mark_sent(conn: &Connection, id: i64, now: i64, kept: &Content) -> Result<bool> {
    let content = serde_json::to_string(kept)
        .map_err(|e| StorageError::Task(format!("a message's content: {e}")))?;
    Ok(conn
        .prepare_cached(
            "UPDATE outbox SET status = 'sent', sent_at = ?2, attempts = attempts + 1,
                               last_error = NULL, content = ?3
             WHERE id = ?1 AND status = 'queued'",
        )?
        .execute(params![id, now, content])?
        == 1)
}

/// Records a failed attempt: tried again at `retry_at`, or given up when none.
pub fn mark_failed_attempt(
    conn: &Connection,
    id: i64,
    error: &str,
    retry_at: Option<i64>,
) -> Result<bool> {
    let changed = match retry_at {
        Some(at) => conn
            .prepare_cached(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ?2, next_attempt_at = ?3
                 WHERE id = ?1 AND status = 'queued'",
            )?
            .execute(params![id, error, at])?,
        None => conn
            .prepare_cached(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ?2, status = 'failed'
                 WHERE id = ?1 AND status = 'queued'",
            )?
            .execute(params![id, error])?,
    };
    Ok(changed == 1)
}

/// Makes a waiting or failed message due at `now`, with its attempts counted afresh.
pub fn retry(conn: &Connection, id: i64, now: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "UPDATE outbox SET status = 'queued', attempts = 0, next_attempt_at = ?2
             WHERE id = ?1 AND status IN ('queued', 'failed')",
        )?
        .execute(params![id, now])?
        == 1)
}

/// The latest messages (of one status, or all), newest first.
pub fn list(conn: &Connection, status: Option<Status>, limit: i64) -> Result<Vec<Message>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM outbox WHERE ?1 IS NULL OR status = ?1
         ORDER BY id DESC LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![status.map(Status::key), limit], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many messages stand in each status.
pub fn counts(conn: &Connection) -> Result<BTreeMap<Status, i64>> {
    let mut stmt = conn.prepare_cached("SELECT status, count(*) FROM outbox GROUP BY status")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
    let mut counts: BTreeMap<Status, i64> = Status::ALL.iter().map(|s| (*s, 0)).collect();
    for row in rows {
        let (status, n) = row?;
        if let Some(s) = Status::parse(&status) {
            counts.insert(s, n);
        }
    }
    Ok(counts)
}

/// The messages written to one address, oldest first (a person's own data).
pub fn to_address(conn: &Connection, address: &str) -> Result<Vec<Message>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM outbox WHERE recipient = ?1 ORDER BY id"
    ))?;
    let rows = stmt.query_map([address], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The language a person's messages are written in, if they chose one.
pub fn language_of(conn: &Connection, user_id: i64) -> Result<Option<Lang>> {
    let code: Option<Option<String>> = conn
        .prepare_cached("SELECT lang FROM users WHERE id = ?1")?
        .query_row([user_id], |r| r.get(0))
        .optional()?;
    Ok(code.flatten().as_deref().and_then(Lang::parse))
}

/// Records the language a registration was made in.
pub fn set_registration_language(
    conn: &Connection,
    registration_id: i64,
    lang: Lang,
) -> Result<()> {
    conn.prepare_cached("UPDATE registrations SET lang = ?2 WHERE id = ?1")?
        .execute(params![registration_id, lang.code()])?;
    Ok(())
}

/// The language a registration was made in, if it is known.
pub fn registration_language(conn: &Connection, registration_id: i64) -> Result<Option<Lang>> {
    let code: Option<Option<String>> = conn
        .prepare_cached("SELECT lang FROM registrations WHERE id = ?1")?
        .query_row([registration_id], |r| r.get(0))
        .optional()?;
    Ok(code.flatten().as_deref().and_then(Lang::parse))
}
