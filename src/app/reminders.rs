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
use crate::domain::mail::{self, Content, Outgoing, REMINDER_DAYS, RoundNotice};
use crate::domain::programme::Programme;
use crate::storage::organisations::{self, Organisation};
use crate::storage::{self, Db, reminders, rounds};

/// What one pass wrote: the notices claimed and the digests written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub reminders: usize,
    pub round_notices: usize,
    pub digests: usize,
}

/// What the scheduled messages need of the programme: its home assignments (each
/// phase's slug and due date), its time zone, and the organisations that run it (which
/// owe no home assignment, so are never reminded of one).
#[derive(Debug, Clone)]
pub struct Schedule {
    pub assignments: Vec<(String, NaiveDate)>,
    pub tz: Tz,
    pub organisers: Vec<i64>,
}

/// The home assignments of `programme`: each phase's slug and due date.
pub fn assignments_of(programme: &Programme) -> Vec<(String, NaiveDate)> {
    programme
        .phases
        .iter()
        .filter_map(|p| p.home_assignment().map(|h| (p.slug.clone(), h.due)))
        .collect()
}

/// The schedule of `programme`, whose organisations are `organisations`.
pub fn schedule_of(programme: &Programme, organisations: &[Organisation]) -> Schedule {
    Schedule {
        assignments: assignments_of(programme),
        tz: programme.time_zone,
        organisers: organisers_of(programme, organisations),
    }
}

/// Those of `organisations` that run `programme`.
pub fn organisers_of(programme: &Programme, organisations: &[Organisation]) -> Vec<i64> {
    organisations
        .iter()
        .filter(|o| programme.is_organiser(&o.name))
        .map(|o| o.id)
        .collect()
}

/// Writes every scheduled message due at `now` to the outbox.
pub async fn run(db: &Db, programme: &Programme, now: DateTime<Utc>) -> Result<Written> {
    let all = db.read(organisations::all).await?;
    let schedule = schedule_of(programme, &all);
    Ok(db.write(move |tx| write_due_in(tx, &schedule, now)).await?)
}

/// Writes every scheduled message due at `now` inside the caller's transaction.
pub fn write_due_in(
    c: &Connection,
    schedule: &Schedule,
    now: DateTime<Utc>,
) -> storage::Result<Written> {
    let mut written = Written::default();
    for (phase, due) in &schedule.assignments {
        if let Some((stage, days)) = mail::reminder_due(now, *due, schedule.tz) {
            written.reminders +=
                remind_of_assignment(c, schedule, phase, *due, (stage, days), now.timestamp())?;
        }
    }
    for round in rounds::all(c)? {
        written.round_notices += tell_of_round(c, &round, now.timestamp())?;
    }
    written.digests += digests(c, now.timestamp())?;
    Ok(written)
}

fn remind_of_assignment(
    c: &Connection,
    schedule: &Schedule,
    phase: &str,
    due: NaiveDate,
    (stage, days): (u32, i64),
    now: i64,
) -> storage::Result<usize> {
    if !reminders::claim(c, &format!("assignment:{phase}:{stage}"), now)? {
        return Ok(0);
    }
    // The earlier reminders are past: a workspace that starts again late sends the
    // latest one only.
    for earlier in REMINDER_DAYS.into_iter().filter(|d| *d > stage) {
        reminders::claim(c, &format!("assignment:{phase}:{earlier}"), now)?;
    }
    let people = reminders::strategists_not_submitted(c, phase, &schedule.organisers)?;
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
            // Opened within a day of its close: this message is the reminder too.
            if notice == RoundNotice::Opened && mail::opening_ends_closing(now, round.closes_at) {
                reminders::claim(c, &format!("round:{}:closing", round.id), now)?;
            }
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
