//! Each organisation's progress through the phases, read from storage and judged by
//! [`crate::domain::progress`] at the clock's time. No web types.

use std::sync::Arc;

use rusqlite::Connection;

use crate::domain::organisation::Category;
use crate::domain::programme::Programme;
use crate::domain::progress::{Cell, Due, Facts, assignments_due, cell};
use crate::storage::organisations::{self, Organisation};
use crate::storage::{self, Db, progress};

/// Each organisation (of `category`, or all) with its cell per phase, in phase order.
pub fn rows(
    c: &Connection,
    programme: &Programme,
    now: i64,
    category: Option<Category>,
) -> storage::Result<Vec<(Organisation, Vec<Cell>)>> {
    let (orgs, (facts, rounds)) = (organisations::all(c)?, progress::facts(c)?);
    let empty = Facts::default();
    Ok(orgs
        .into_iter()
        .filter(|o| category.is_none_or(|c| o.category == c) && !programme.is_organiser(&o.name))
        .map(|o| {
            let f = facts.get(&o.id).unwrap_or(&empty);
            let cells = programme
                .phases
                .iter()
                .map(|p| {
                    let phase_rounds = rounds.get(&p.slug).copied().unwrap_or(0);
                    cell(p, f, phase_rounds, now, programme.time_zone)
                })
                .collect();
            (o, cells)
        })
        .collect())
}

/// The tracker: every organisation (of `category`, or all) with its cells, now.
pub async fn tracker(
    db: &Db,
    programme: &Arc<Programme>,
    category: Option<Category>,
) -> storage::Result<Vec<(Organisation, Vec<Cell>)>> {
    let programme = programme.clone();
    db.read(move |c| rows(c, &programme, storage::now_seconds(), category))
        .await
}

/// One organisation's way through the phases (its cells) and what it still owes; none
/// for the programme's organiser, which is not a participant.
pub async fn of_organisation(
    db: &Db,
    programme: &Programme,
    organisation: i64,
) -> storage::Result<Option<(Vec<Cell>, Vec<Due>)>> {
    let (name, (facts, rounds)) = db
        .read(move |c| {
            let name = organisations::get(c, organisation)?.map(|o| o.name);
            Ok((name, progress::facts(c)?))
        })
        .await?;
    if name.is_some_and(|n| programme.is_organiser(&n)) {
        return Ok(None);
    }
    let empty = Facts::default();
    let f = facts.get(&organisation).unwrap_or(&empty);
    let now = db.clock().now_seconds();
    let tz = programme.time_zone;
    let cells = programme
        .phases
        .iter()
        .map(|p| cell(p, f, rounds.get(&p.slug).copied().unwrap_or(0), now, tz))
        .collect();
    Ok(Some((
        cells,
        assignments_due(&programme.phases, f, now, tz),
    )))
}
