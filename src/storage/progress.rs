//! The facts progress is computed from, for every organisation at once, in a fixed number
//! of queries however many organisations and phases there are.

use std::collections::BTreeMap;

use rusqlite::Connection;

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
