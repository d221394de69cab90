//! Each organisation's progress through the phases, read from storage and judged by
//! [`crate::domain::progress`] at the clock's time; and what waits for each person on
//! their start page. No web types.

use std::sync::Arc;

use rusqlite::Connection;
use serde::Serialize;

use crate::app::{self, input};
use crate::domain::assignment::can_review;
use crate::domain::organisation::Category;
use crate::domain::programme::Programme;
use crate::domain::progress::{Cell, Due, Facts, assignments_due, cell, round_closing_soon};
use crate::domain::publication;
use crate::domain::rating::{can_rate, can_run_rounds};
use crate::storage::events::{self, Event, Registration};
use crate::storage::organisations::{self, Organisation};
use crate::storage::progress::{Submitted, Waiting};
use crate::storage::rounds::{self, Round};
use crate::storage::users::User;
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

/// What waits for one person now, for their start page: each list only for the roles it
/// concerns.
#[derive(Debug, Default, Serialize)]
pub struct Todo {
    /// Their organisation's home assignments not yet handed in (strategists).
    pub due: Vec<Due>,
    /// Open rating rounds they have not answered (strategists).
    pub rounds: Vec<Round>,
    /// Their own next events (up to three).
    pub events: Vec<(Registration, Event)>,
    /// Home assignments handed in, to review (process leaders).
    pub to_review: Vec<Submitted>,
    /// Event proposals to approve (process leaders).
    pub proposals: Vec<Waiting>,
    /// How many inputs wait for moderation (moderators).
    pub inputs: i64,
    /// Texts in review that someone else last wrote (editors).
    pub texts: Vec<Waiting>,
    /// Open rounds about to close (process leaders).
    pub closing: Vec<Waiting>,
    /// Nothing waits.
    pub nothing: bool,
}

/// Gathers what waits for `user` in one read.
pub async fn todo(db: &Db, programme: &Programme, user: &User) -> storage::Result<Todo> {
    let subject = app::subject(user);
    let strategist = can_rate(&subject);
    let reviewer = can_review(&subject);
    let leader = subject.can_schedule_events();
    let moderator = input::can_moderate(&subject);
    let editor = publication::can_edit(&subject);
    let runs_rounds = can_run_rounds(&subject);
    let (user_id, email) = (user.id, user.email.clone());
    let now = db.clock().now_seconds();
    let mut todo = db
        .read(move |c| {
            let mut todo = Todo::default();
            if strategist {
                todo.rounds = rounds::open_unanswered(c, user_id, now)?;
            }
            todo.events = events::registrations_of(c, user_id, &email)?
                .into_iter()
                .filter(|(_, e)| e.ends_at > now)
                .take(3)
                .collect();
            if reviewer {
                todo.to_review = progress::submitted_for_review(c)?;
            }
            if leader {
                todo.proposals = progress::proposals(c)?;
            }
            if moderator {
                todo.inputs = progress::inputs_to_moderate(c)?;
            }
            if editor {
                todo.texts = progress::texts_in_review(c, user_id)?;
            }
            if runs_rounds {
                todo.closing = progress::open_rounds(c, now)?
                    .into_iter()
                    .filter(|(round, opens)| round_closing_soon(*opens, round.at, now))
                    .map(|(round, _)| round)
                    .collect();
            }
            Ok(todo)
        })
        .await?;
    if strategist {
        let progress = of_organisation(db, programme, user.organisation_id).await?;
        todo.due = progress.map(|(_, due)| due).unwrap_or_default();
    }
    todo.nothing = todo.due.is_empty()
        && todo.rounds.is_empty()
        && todo.events.is_empty()
        && todo.to_review.is_empty()
        && todo.proposals.is_empty()
        && todo.inputs == 0
        && todo.texts.is_empty()
        && todo.closing.is_empty();
    Ok(todo)
}
