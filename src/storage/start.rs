//! What the start page reads besides progress's lists: open rounds with how many have
//! answered, the rounds a person has still to rate, an organisation's next events, the
//! texts written for the programme's editorial outputs, and who has no password yet.
//! One query each.

use rusqlite::{Connection, params};
use serde::Serialize;

use super::{Result, keyed};
use crate::domain::publication::PublicationStatus;

/// An open rating round and how many people have answered in it.
#[derive(Debug, Clone, Serialize)]
pub struct OpenRound {
    pub id: i64,
    pub title: String,
    pub opens_at: i64,
    pub closes_at: i64,
    pub notes: i64,
    pub answered: i64,
}

/// The rounds open at `now`, soonest to close first.
pub fn open_rounds(conn: &Connection, now: i64) -> Result<Vec<OpenRound>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.id, r.title, r.opens_at, r.closes_at,
                (SELECT count(*) FROM round_notes n WHERE n.round_id = r.id) AS notes,
                (SELECT count(DISTINCT x.user_id) FROM ratings x WHERE x.round_id = r.id) AS answered
         FROM rounds r WHERE r.opens_at <= ?1 AND r.closes_at > ?1
         ORDER BY r.closes_at, r.id",
    )?;
    let rows = stmt.query_map([now], |r| {
        Ok(OpenRound {
            id: r.get("id")?,
            title: r.get("title")?,
            opens_at: r.get("opens_at")?,
            closes_at: r.get("closes_at")?,
            notes: r.get("notes")?,
            answered: r.get("answered")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A round open at the moment that a person has not rated every note of.
#[derive(Debug, Clone, Serialize)]
pub struct ToRate {
    pub id: i64,
    pub title: String,
    pub closes_at: i64,
    pub notes: i64,
    /// The notes they have answered for (any criterion).
    pub rated: i64,
}

/// The rounds open at `now` that `user` has not rated every note of, soonest to close
/// first.
pub fn rounds_to_rate(conn: &Connection, user: i64, now: i64) -> Result<Vec<ToRate>> {
    let mut stmt = conn.prepare_cached(
        "SELECT * FROM (
            SELECT r.id, r.title, r.closes_at,
                   (SELECT count(*) FROM round_notes n WHERE n.round_id = r.id) AS notes,
                   (SELECT count(DISTINCT x.note_id) FROM ratings x
                     WHERE x.round_id = r.id AND x.user_id = ?1) AS rated
            FROM rounds r WHERE r.opens_at <= ?2 AND r.closes_at > ?2)
         WHERE rated < notes ORDER BY closes_at, id",
    )?;
    let rows = stmt.query_map(params![user, now], |r| {
        Ok(ToRate {
            id: r.get("id")?,
            title: r.get("title")?,
            closes_at: r.get("closes_at")?,
            notes: r.get("notes")?,
            rated: r.get("rated")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A programme event an organisation's people are registered for.
#[derive(Debug, Clone, Serialize)]
pub struct OrganisationEvent {
    pub id: i64,
    pub title: String,
    pub starts_at: i64,
    /// How many of the organisation's people (seated or waiting).
    pub registered: i64,
}

/// The next `limit` published events that `organisation`'s people are registered for
/// and that have not ended at `now`, soonest first.
pub fn next_events_of_organisation(
    conn: &Connection,
    organisation: i64,
    now: i64,
    limit: i64,
) -> Result<Vec<OrganisationEvent>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.title, e.starts_at, count(*) AS registered
         FROM registrations r JOIN events e ON e.id = r.event_id
         WHERE r.organisation_id = ?1 AND r.status <> 'cancelled' AND e.status = 'published'
           AND e.ends_at > ?2
         GROUP BY e.id ORDER BY e.starts_at, e.id LIMIT ?3",
    )?;
    let rows = stmt.query_map(params![organisation, now, limit], |r| {
        Ok(OrganisationEvent {
            id: r.get("id")?,
            title: r.get("title")?,
            starts_at: r.get("starts_at")?,
            registered: r.get("registered")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A text written for one of a phase's editorial outputs.
#[derive(Debug, Clone, Serialize)]
pub struct OutputText {
    pub id: i64,
    pub phase_slug: String,
    pub output_slug: String,
    pub status: PublicationStatus,
}

/// Every text written for an editorial output, oldest first.
pub fn output_texts(conn: &Connection) -> Result<Vec<OutputText>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, phase_slug, output_slug, status FROM publications
         WHERE kind = 'output' AND phase_slug IS NOT NULL AND output_slug IS NOT NULL
         ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(OutputText {
            id: r.get("id")?,
            phase_slug: r.get("phase_slug")?,
            output_slug: r.get("output_slug")?,
            status: keyed(r, "status", PublicationStatus::parse)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A person who can sign in but has set no password yet.
#[derive(Debug, Clone, Serialize)]
pub struct WithoutPassword {
    pub id: i64,
    pub name: String,
    pub organisation_name: String,
}

/// The active people without a password, in name order.
pub fn without_password(conn: &Connection) -> Result<Vec<WithoutPassword>> {
    let mut stmt = conn.prepare_cached(
        "SELECT u.id, u.name, o.name AS organisation_name
         FROM users u JOIN organisations o ON o.id = u.organisation_id
         WHERE u.active AND u.password_hash IS NULL ORDER BY u.name, u.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(WithoutPassword {
            id: r.get("id")?,
            name: r.get("name")?,
            organisation_name: r.get("organisation_name")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
