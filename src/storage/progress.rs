//! The facts progress is computed from, for every organisation at once, in a fixed number
//! of queries however many organisations and phases there are; and what waits for whom
//! (reviews, approvals, moderation, rounds closing), one query each.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde::Serialize;

use super::Result;
use crate::domain::assignment::SubmissionStatus;
use crate::domain::progress::{EventFact, Facts};

/// Every organisation's facts (by organisation id) and the number of rating rounds per
/// phase.
pub fn facts(conn: &Connection) -> Result<(BTreeMap<i64, Facts>, BTreeMap<String, usize>)> {
    let mut all: BTreeMap<i64, Facts> = BTreeMap::new();
    // Registrations for the programme's own published events, by phase and kind.
    let mut stmt = conn.prepare_cached(
        "SELECT r.organisation_id, e.phase_slug, e.kind,
                max(r.status = 'confirmed') AS registered, max(coalesce(r.attended, 0)) AS attended
         FROM registrations r JOIN events e ON e.id = r.event_id
         WHERE e.organisation_id IS NULL AND e.status = 'published' AND e.phase_slug IS NOT NULL
           AND r.organisation_id IS NOT NULL AND r.status <> 'cancelled'
         GROUP BY r.organisation_id, e.phase_slug, e.kind",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>("organisation_id")?,
            r.get::<_, String>("phase_slug")?,
            r.get::<_, String>("kind")?,
            r.get::<_, bool>("registered")?,
            r.get::<_, bool>("attended")?,
        ))
    })?;
    for row in rows {
        let (org, phase, kind, registered, attended) = row?;
        all.entry(org).or_default().events.insert(
            (phase, kind),
            EventFact {
                registered: registered || attended,
                attended,
            },
        );
    }
    let mut stmt = conn.prepare_cached(
        "SELECT organisation_id, phase_slug, status, submitted_at FROM submissions",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>("organisation_id")?,
            r.get::<_, String>("phase_slug")?,
            r.get::<_, String>("status")?,
            r.get::<_, Option<i64>>("submitted_at")?,
        ))
    })?;
    for row in rows {
        let (org, phase, status, at) = row?;
        if let Some(status) = SubmissionStatus::parse(&status) {
            all.entry(org)
                .or_default()
                .submissions
                .insert(phase, (status, at));
        }
    }
    let mut stmt = conn.prepare_cached(
        "SELECT a.organisation_id, r.phase_slug, count(DISTINCT a.round_id) AS rounds
         FROM (SELECT DISTINCT round_id, organisation_id FROM ratings) a
         JOIN rounds r ON r.id = a.round_id WHERE r.phase_slug IS NOT NULL
         GROUP BY a.organisation_id, r.phase_slug",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>("organisation_id")?,
            r.get::<_, String>("phase_slug")?,
            r.get::<_, i64>("rounds")?,
        ))
    })?;
    for row in rows {
        let (org, phase, rated) = row?;
        all.entry(org)
            .or_default()
            .rounds_rated
            .insert(phase, rated as usize);
    }
    let mut rounds = BTreeMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT phase_slug, count(*) AS rounds FROM rounds WHERE phase_slug IS NOT NULL GROUP BY phase_slug",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>("phase_slug")?,
            r.get::<_, i64>("rounds")?,
        ))
    })?;
    for row in rows {
        let (phase, count) = row?;
        rounds.insert(phase, count as usize);
    }
    Ok((all, rounds))
}

/// A home assignment handed in and waiting for a process leader's review.
#[derive(Debug, Clone, Serialize)]
pub struct Submitted {
    pub phase_slug: String,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub submitted_at: Option<i64>,
}

/// The home assignments handed in and not yet reviewed, the longest waiting first.
pub fn submitted_for_review(conn: &Connection) -> Result<Vec<Submitted>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.phase_slug, s.organisation_id, o.name AS organisation_name, s.submitted_at
         FROM submissions s JOIN organisations o ON o.id = s.organisation_id
         WHERE s.status = 'submitted' ORDER BY s.submitted_at, s.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Submitted {
            phase_slug: r.get("phase_slug")?,
            organisation_id: r.get("organisation_id")?,
            organisation_name: r.get("organisation_name")?,
            submitted_at: r.get("submitted_at")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Something waiting for someone, by its id: a proposed event, a text in review, a
/// round about to close.
#[derive(Debug, Clone, Serialize)]
pub struct Waiting {
    pub id: i64,
    pub title: String,
    /// Who it comes from: the proposing organisation, the text's last author.
    pub from: Option<String>,
    /// When: the event's start, the text's last change, the round's close.
    pub at: i64,
}

fn waiting(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> Result<Vec<Waiting>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params, |r| {
        Ok(Waiting {
            id: r.get("id")?,
            title: r.get("title")?,
            from: r.get("from_name")?,
            at: r.get("at")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Member organisations' event proposals waiting for approval, soonest first.
pub fn proposals(conn: &Connection) -> Result<Vec<Waiting>> {
    waiting(
        conn,
        "SELECT e.id, e.title, o.name AS from_name, e.starts_at AS at
         FROM events e LEFT JOIN organisations o ON o.id = e.organisation_id
         WHERE e.status = 'proposed' ORDER BY e.starts_at, e.id",
        [],
    )
}

/// Texts in review that someone other than `reviewer` last wrote (a second pair of eyes),
/// the longest waiting first.
pub fn texts_in_review(conn: &Connection, reviewer: i64) -> Result<Vec<Waiting>> {
    waiting(
        conn,
        concat!(
            "SELECT p.id, p.title, ",
            person_name!("u"),
            " AS from_name, p.updated_at AS at
         FROM publications p LEFT JOIN users u ON u.id = p.last_author
         WHERE p.status = 'in_review' AND coalesce(p.last_author, 0) <> ?1
         ORDER BY p.updated_at, p.id"
        ),
        [reviewer],
    )
}

/// Rating rounds open at `now`, soonest to close first (the caller keeps those closing soon).
pub fn open_rounds(conn: &Connection, now: i64) -> Result<Vec<(Waiting, i64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, title, opens_at, closes_at FROM rounds
         WHERE opens_at <= ?1 AND closes_at > ?1 ORDER BY closes_at, id",
    )?;
    let rows = stmt.query_map([now], |r| {
        Ok((
            Waiting {
                id: r.get("id")?,
                title: r.get("title")?,
                from: None,
                at: r.get("closes_at")?,
            },
            r.get("opens_at")?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many inputs wait for moderation (new, not yet read).
pub fn inputs_to_moderate(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) AS waiting FROM inputs WHERE status = 'new'",
        [],
        |r| r.get("waiting"),
    )?)
}
