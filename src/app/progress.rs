//! Each organisation's progress through the phases, read from storage and judged by
//! [`crate::domain::progress`] at the clock's time. No web types.

use std::sync::Arc;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

use crate::domain::lang::Localized;
use crate::domain::organisation::Category;
use crate::domain::programme::{Phase, Programme};
use crate::domain::progress::{
    Cell, Due, Facts, Order, Standing, arrange, assignments_due, cell, front_phase, means,
};
use crate::domain::schedule::{active_phase, local_today};
use crate::storage::organisations::{self, Organisation};
use crate::storage::{self, Db, overrides, progress};

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

/// What the tracker page is asked for: a category (or all), the order of its rows, only
/// the organisations with something overdue, and every phase as a column (otherwise the
/// phase in front has a column and the others a summary).
#[derive(Debug, Clone, Copy, Default)]
pub struct TrackerQuery {
    pub category: Option<Category>,
    pub order: Order,
    pub overdue_only: bool,
    pub all_phases: bool,
}

/// A phase as the tracker names it.
#[derive(Debug, Serialize)]
pub struct TrackerPhase {
    pub slug: String,
    pub order: u32,
    pub title: Localized,
    /// The home assignment's due date, if the phase has one.
    pub due: Option<NaiveDate>,
}

/// One part of a cell: what it is (an event's or the home assignment's title; none for
/// the rating rounds) and where it stands (a translation key).
#[derive(Debug, Serialize)]
pub struct TrackerItem {
    pub title: Option<Localized>,
    pub state: String,
    pub late: bool,
    pub overdue: bool,
}

/// One organisation in one phase: its word, its percentage and the parts behind them.
#[derive(Debug, Serialize)]
pub struct TrackerCell {
    pub phase: String,
    pub standing: Standing,
    pub percent: Option<u32>,
    pub overdue: bool,
    pub late: bool,
    pub items: Vec<TrackerItem>,
}

#[derive(Debug, Serialize)]
pub struct TrackerRow {
    pub organisation_id: i64,
    pub name: String,
    /// Something is overdue in some phase.
    pub overdue: bool,
    /// The cells of the phases shown as columns, in column order.
    pub cells: Vec<TrackerCell>,
    /// The cells of the other phases, in phase order, for the summary.
    pub others: Vec<TrackerCell>,
}

/// The tracker page: the phases as columns (the one in front first) and the others,
/// the rows in the order asked for, the mean of each column over the rows shown.
#[derive(Debug, Serialize)]
pub struct Tracker {
    pub columns: Vec<TrackerPhase>,
    pub others: Vec<TrackerPhase>,
    /// Whether the phase in front is the active one (rather than the next or the last).
    pub front_active: bool,
    pub rows: Vec<TrackerRow>,
    pub means: Vec<Option<u32>>,
    /// Organisations of the category, and how many of them have something overdue.
    pub organisations: usize,
    pub overdue: usize,
}

fn tracker_cell(phase: &Phase, cell: Cell) -> TrackerCell {
    let standing = Standing::of(&cell);
    TrackerCell {
        phase: phase.slug.clone(),
        standing,
        percent: cell.percent,
        overdue: cell.overdue,
        late: cell.late,
        items: cell
            .items
            .into_iter()
            .map(|i| TrackerItem {
                title: phase
                    .activities
                    .iter()
                    .find(|a| a.slug() == i.item)
                    .map(|a| a.title().clone()),
                state: i.state,
                late: i.late,
                overdue: i.overdue,
            })
            .collect(),
    }
}

/// The tracker now, as `query` asks: the active phase in front, rows sorted and filtered.
pub async fn tracker_page(
    db: &Db,
    programme: &Arc<Programme>,
    query: TrackerQuery,
) -> storage::Result<Tracker> {
    let p = programme.clone();
    let today = local_today(db.clock().now(), programme.time_zone);
    let (rows, override_slug) = db
        .read(move |c| {
            let rows = rows(c, &p, storage::now_seconds(), query.category)?;
            Ok((rows, overrides::current(c, &p.slug)?))
        })
        .await?;
    let active = active_phase(programme, today, override_slug.as_deref());
    let phases = &programme.phases;
    let front = front_phase(phases, active.slug.as_deref(), today);
    // Column order: the phase in front, then the others in phase order.
    let order: Vec<usize> = front
        .into_iter()
        .chain((0..phases.len()).filter(|i| Some(*i) != front))
        .collect();
    let shown = if query.all_phases {
        order.len()
    } else {
        order.len().min(1)
    };
    let organisations = rows.len();
    let overdue = rows
        .iter()
        .filter(|(_, cells)| cells.iter().any(|c| c.overdue))
        .count();
    let mut rows: Vec<(Organisation, Vec<Cell>)> = rows
        .into_iter()
        .filter(|(_, cells)| !query.overdue_only || cells.iter().any(|c| c.overdue))
        .collect();
    arrange(
        &mut rows,
        query.order,
        programme.default_language,
        |(o, _)| o.name.as_str(),
        |(_, cells)| front.and_then(|i| cells.get(i)?.percent),
    );
    let column_cells: Vec<Vec<Cell>> = rows
        .iter()
        .map(|(_, cells)| order[..shown].iter().map(|i| cells[*i].clone()).collect())
        .collect();
    let slices: Vec<&[Cell]> = column_cells.iter().map(Vec::as_slice).collect();
    let means = means(&slices, shown);
    let named = |i: &usize| {
        let phase = &phases[*i];
        TrackerPhase {
            slug: phase.slug.clone(),
            order: phase.order,
            title: phase.title.clone(),
            due: phase.home_assignment().map(|h| h.due),
        }
    };
    let (columns, rest) = order.split_at(shown);
    let mut rest = rest.to_vec();
    rest.sort_unstable();
    Ok(Tracker {
        columns: columns.iter().map(named).collect(),
        others: rest.iter().map(named).collect(),
        front_active: active.slug.is_some(),
        rows: rows
            .into_iter()
            .map(|(o, mut cells)| {
                let take = |i: &usize, cells: &mut Vec<Cell>| {
                    tracker_cell(&phases[*i], std::mem::replace(&mut cells[*i], empty_cell()))
                };
                TrackerRow {
                    organisation_id: o.id,
                    name: o.name,
                    overdue: cells.iter().any(|c| c.overdue),
                    cells: columns.iter().map(|i| take(i, &mut cells)).collect(),
                    others: rest.iter().map(|i| take(i, &mut cells)).collect(),
                }
            })
            .collect(),
        means,
        organisations,
        overdue,
    })
}

fn empty_cell() -> Cell {
    Cell {
        items: Vec::new(),
        percent: None,
        overdue: false,
        late: false,
    }
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
