//! Home-assignment submissions and their revisions.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use super::{Edit, Result, keyed, now_seconds};
use crate::domain::assignment::{Action, SubmissionStatus};

#[derive(Debug, Clone, Serialize)]
pub struct Submission {
    pub id: i64,
    pub phase_slug: String,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub status: SubmissionStatus,
    pub answers: serde_json::Value,
    pub parts: serde_json::Value,
    pub comment: Option<String>,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
    pub submitted_at: Option<i64>,
    pub accepted_at: Option<i64>,
}

const COLUMNS: &str = "s.id, s.phase_slug, s.organisation_id, o.name AS organisation_name, s.status, s.answers, s.parts,
    s.comment, s.version, s.created_at, s.updated_at, s.submitted_at, s.accepted_at";
const FROM: &str = "FROM submissions s JOIN organisations o ON o.id = s.organisation_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Submission> {
    let answers: String = r.get("answers")?;
    let parts: String = r.get("parts")?;
    Ok(Submission {
        id: r.get("id")?,
        phase_slug: r.get("phase_slug")?,
        organisation_id: r.get("organisation_id")?,
        organisation_name: r.get("organisation_name")?,
        status: keyed(r, "status", SubmissionStatus::parse)?,
        answers: serde_json::from_str(&answers).unwrap_or_default(),
        parts: serde_json::from_str(&parts).unwrap_or_default(),
        comment: r.get("comment")?,
        version: r.get("version")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
        submitted_at: r.get("submitted_at")?,
        accepted_at: r.get("accepted_at")?,
    })
}

pub fn get(conn: &Connection, phase: &str, organisation: i64) -> Result<Option<Submission>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM} WHERE s.phase_slug = ?1 AND s.organisation_id = ?2"
    ))?;
    Ok(stmt
        .query_row(params![phase, organisation], from_row)
        .optional()?)
}

/// Every submission of a phase, by organisation name.
pub fn of_phase(conn: &Connection, phase: &str) -> Result<Vec<Submission>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM} WHERE s.phase_slug = ?1 ORDER BY o.name"
    ))?;
    Ok(stmt
        .query_map([phase], from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// Every submission of every phase (for progress), in one query.
pub fn all(conn: &Connection) -> Result<Vec<Submission>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} {FROM} ORDER BY s.id"))?;
    Ok(stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// What a strategist's save or submit stores.
pub struct Draft<'a> {
    pub phase: &'a str,
    pub organisation: i64,
    /// The version the edit started from (none: the submission did not exist yet).
    pub base_version: Option<i64>,
    pub status: SubmissionStatus,
    pub action: Action,
    pub answers: &'a serde_json::Value,
    pub parts: &'a serde_json::Value,
}

/// Stores a strategist's save or submit, refused when the submission moved on since
/// `base_version` (or was started by someone else meanwhile).
pub fn write(conn: &Connection, draft: &Draft, by: i64) -> Result<Edit<Submission>> {
    let now = now_seconds();
    let submitted_at = (draft.action == Action::Submit).then_some(now);
    let changed = match draft.base_version {
        None => conn.execute(
            "INSERT INTO submissions (phase_slug, organisation_id, status, answers, parts,
                created_at, updated_at, submitted_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)
             ON CONFLICT (phase_slug, organisation_id) DO NOTHING",
            params![
                draft.phase,
                draft.organisation,
                draft.status.key(),
                draft.answers.to_string(),
                draft.parts.to_string(),
                now,
                submitted_at
            ],
        )?,
        Some(version) => conn.execute(
            "UPDATE submissions SET status = ?4, answers = ?5, parts = ?6, updated_at = ?7,
                submitted_at = coalesce(?8, submitted_at), version = version + 1
             WHERE phase_slug = ?1 AND organisation_id = ?2 AND version = ?3",
            params![
                draft.phase,
                draft.organisation,
                version,
                draft.status.key(),
                draft.answers.to_string(),
                draft.parts.to_string(),
                now,
                submitted_at
            ],
        )?,
    };
    let current = get(conn, draft.phase, draft.organisation)?;
    match current {
        Some(current) if changed == 1 => {
            record(conn, &current, draft.action, None, by)?;
            Ok(Edit::Saved {
                version: current.version,
            })
        }
        Some(current) => Ok(Edit::Stale(Box::new(current))),
        None => Ok(Edit::Missing),
    }
}

/// A process leader's return or acceptance, with a comment; refused when the submission
/// moved on since `base_version`.
pub fn review(
    conn: &Connection,
    id: i64,
    base_version: i64,
    status: SubmissionStatus,
    action: Action,
    comment: Option<&str>,
    by: i64,
) -> Result<bool> {
    let now = now_seconds();
    let accepted_at = (action == Action::Accept).then_some(now);
    let changed = conn.execute(
        "UPDATE submissions SET status = ?3, comment = ?4, accepted_at = ?5, updated_at = ?6,
            version = version + 1
         WHERE id = ?1 AND version = ?2",
        params![id, base_version, status.key(), comment, accepted_at, now],
    )? == 1;
    if changed {
        let current = conn
            .prepare_cached(&format!("SELECT {COLUMNS} {FROM} WHERE s.id = ?1"))?
            .query_row([id], from_row)?;
        record(conn, &current, action, comment, by)?;
    }
    Ok(changed)
}

fn record(
    conn: &Connection,
    submission: &Submission,
    action: Action,
    comment: Option<&str>,
    by: i64,
) -> Result<()> {
    conn.execute(
        "INSERT INTO submission_revisions (submission_id, version, action, status, snapshot, comment,
            changed_by, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            submission.id,
            submission.version,
            action.key(),
            submission.status.key(),
            serde_json::json!({ "answers": submission.answers, "parts": submission.parts })
                .to_string(),
            comment,
            by,
            now_seconds()
        ],
    )?;
    Ok(())
}

#[derive(Debug, Clone, Serialize)]
pub struct Revision {
    pub version: i64,
    pub action: Action,
    pub status: SubmissionStatus,
    pub comment: Option<String>,
    pub changed_by: Option<String>,
    pub changed_at: i64,
}

/// A submission's history, newest first.
pub fn revisions(conn: &Connection, id: i64) -> Result<Vec<Revision>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.version, r.action, r.status, r.comment, u.name AS changed_by, r.changed_at
         FROM submission_revisions r LEFT JOIN users u ON u.id = r.changed_by
         WHERE r.submission_id = ?1 ORDER BY r.version DESC",
    )?;
    let rows = stmt.query_map([id], |r| {
        let action: String = r.get("action")?;
        let status: String = r.get("status")?;
        Ok(Revision {
            version: r.get("version")?,
            action: Action::parse(&action).unwrap_or(Action::Save),
            status: SubmissionStatus::parse(&status).unwrap_or(SubmissionStatus::Draft),
            comment: r.get("comment")?,
            changed_by: r.get("changed_by")?,
            changed_at: r.get("changed_at")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
