//! Messages sent on a schedule, not by a change: the reminders of a home assignment's
//! due date (7 days and 1 day before, to the organisations that have not submitted),
//! a rating round's opening and the reminder a day before it closes (to those who have
//! not rated), and each person's digest of what is new.
//!
//! The housekeeping task calls [`run`] every few minutes. Each notice is claimed in the
//! transaction that writes its messages (`storage::reminders::claim`), so a second pass,
//! a restart or a crash half-way never sends one twice, and one missed while the
//! workspace was down is sent when it is up again, if it still makes sense.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;

use super::Result;
use super::outbox::{language_in, to_people_in, write_in};
use crate::domain::assignment::due_end;
use crate::domain::mail::{self, Content, Outgoing, REMINDER_DAYS, RoundNotice};
use crate::domain::programme::Programme;
use crate::storage::{self, Db, reminders, rounds};

/// What one pass wrote: the notices claimed and the digests written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub reminders: usize,
    pub round_notices: usize,
    pub digests: usize,
}

/// The home assignments a programme has: each phase's slug and due date.
pub fn assignments_of(programme: &Programme) -> Vec<(String, NaiveDate)> {
    programme
        .phases
        .iter()
        .filter_map(|p| p.home_assignment().map(|h| (p.slug.clone(), h.due)))
        .collect()
}

/// Writes every scheduled message due at `now` to the outbox.
pub async fn run(db: &Db, programme: &Programme, now: DateTime<Utc>) -> Result<Written> {
    let tz = programme.time_zone;
    let assignments = assignments_of(programme);
    let now = now.timestamp();
    Ok(db
        .write(move |tx| write_due_in(tx, &assignments, tz, now))
        .await?)
}

/// Writes every scheduled message due at `now` (Unix seconds) inside the caller's
/// transaction; `assignments` as [`assignments_of`] gives them.
pub fn write_due_in(
    c: &Connection,
    assignments: &[(String, NaiveDate)],
    tz: Tz,
    now: i64,
) -> storage::Result<Written> {
    let mut written = Written::default();
    for (phase, due) in assignments {
        let end = due_end(*due, tz).timestamp();
        if let Some(days) = mail::reminder_due(now, end) {
            written.reminders += remind_of_assignment(c, phase, *due, days, now)?;
        }
    }
    for round in rounds::all(c)? {
        written.round_notices += tell_of_round(c, &round, now)?;
    }
    written.digests += digests(c, now)?;
    Ok(written)
}

fn remind_of_assignment(
    c: &Connection,
    phase: &str,
    due: NaiveDate,
    days: u32,
    now: i64,
) -> storage::Result<usize> {
    if !reminders::claim(c, &format!("assignment:{phase}:{days}"), now)? {
        return Ok(0);
    }
    // The earlier reminders are past: a workspace that starts again late sends the
    // latest one only.
    for earlier in REMINDER_DAYS.into_iter().filter(|d| *d > days) {
        reminders::claim(c, &format!("assignment:{phase}:{earlier}"), now)?;
    }
    let people = reminders::strategists_not_submitted(c, phase)?;
    let content = Content::AssignmentReminder {
        phase: phase.to_string(),
        due,
        days,
    };
    to_people_in(c, &people, &content)?;
    Ok(1)
}

fn tell_of_round(c: &Connection, round: &rounds::Round, now: i64) -> storage::Result<usize> {
    let opened_key = format!("round:{}:opened", round.id);
    let opened_told = reminders::claimed(c, &opened_key)?;
    let mut told = 0;
    for notice in mail::round_notices(now, round.opens_at, round.closes_at, opened_told) {
        let (key, people, content) = match notice {
            RoundNotice::Opened => (
                opened_key.clone(),
                reminders::strategists(c)?,
                Content::RoundOpened {
                    round_id: round.id,
                    title: round.title.clone(),
                    closes_at: round.closes_at,
                },
            ),
            RoundNotice::Closing => (
                format!("round:{}:closing", round.id),
                reminders::strategists_not_rated(c, round.id)?,
                Content::RoundClosing {
                    round_id: round.id,
                    title: round.title.clone(),
                    closes_at: round.closes_at,
                },
            ),
        };
        if reminders::claim(c, &key, now)? {
            to_people_in(c, &people, &content)?;
            told += 1;
        }
    }
    Ok(told)
}

fn digests(c: &Connection, now: i64) -> storage::Result<usize> {
    let mut written = 0;
    for (user_id, period, since) in reminders::digest_readers(c)? {
        if !period.due(since, now) {
            continue;
        }
        let (items, more) = reminders::digest_items(c, since, now)?;
        reminders::digest_sent(c, user_id, now)?;
        // Nothing new, no message.
        if items.is_empty() {
            continue;
        }
        let Some(person) = storage::users::get(c, user_id)? else {
            continue;
        };
        let lang = language_in(c, Some(user_id), None)?;
        write_in(
            c,
            &Outgoing {
                to: person.email,
                name: person.name,
                user_id: Some(user_id),
                lang,
                content: Content::Digest {
                    period,
                    items,
                    more,
                },
            },
        )?;
        written += 1;
    }
    Ok(written)
}
