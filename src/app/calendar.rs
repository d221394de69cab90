//! The shared calendar: a month laid out as weeks of days, or a list of coming (or past)
//! events a page at a time, filtered by phase, kind and organisation; and each person's
//! own events with their personal feed.

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use super::Result;
use super::subject;
use crate::domain::event::{EventKind, EventStatus, RegistrationStatus};
use crate::storage::events::{self, Event, EventFilter, Registration};
use crate::storage::organisations::{self, Organisation};
use crate::storage::users::{self, User};
use crate::storage::{Db, audit};

/// The most events a list page holds.
pub const LIST_PAGE: i64 = 100;
/// The most events a month view (or a feed) holds.
pub const MONTH_LIMIT: i64 = 5000;

/// What the calendar is asked to show.
#[derive(Debug, Clone, Default)]
pub struct CalendarRequest {
    /// The month view instead of the list.
    pub month_view: bool,
    /// `YYYY-MM` for the month view; this month when none or unreadable.
    pub month: Option<String>,
    pub phase: Option<String>,
    pub kind: Option<EventKind>,
    pub organisation_id: Option<i64>,
    /// List view: the page, from 1.
    pub page: Option<i64>,
    /// List view: earlier events instead of coming ones.
    pub past: bool,
}

/// What a day cell of the month view shows of an event.
#[derive(Serialize, Clone, Debug)]
pub struct CellEvent {
    pub id: i64,
    pub title: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub status: EventStatus,
}

#[derive(Serialize, Debug)]
pub struct Day {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub day: u32,
    pub in_month: bool,
    pub today: bool,
    /// The events going on some time that day (in the programme's time zone).
    pub events: Vec<CellEvent>,
}

/// The month shown and its neighbours, as `YYYY-MM` (`first` as `YYYY-MM-DD`).
#[derive(Serialize, Debug)]
pub struct Month {
    pub value: String,
    pub first: String,
    pub previous: String,
    pub next: String,
}

/// The calendar page's content.
#[derive(Serialize, Debug)]
pub struct Calendar {
    pub month_view: bool,
    /// Month view: weeks from Monday, covering the whole month.
    pub weeks: Vec<Vec<Day>>,
    pub month: Option<Month>,
    /// List view: one page of events.
    pub list: Vec<Event>,
    pub page: i64,
    /// The last page known: one more than `page` while more follow.
    pub pages: i64,
    /// For the organisation filter.
    pub organisations: Vec<Organisation>,
    /// Members' proposals waiting for a process leader (for process leaders only).
    pub pending: Vec<Event>,
    pub can_propose: bool,
}

/// The calendar as `viewer` may see it (visitors: public events only).
pub async fn calendar(
    db: &Db,
    tz: Tz,
    viewer: Option<&User>,
    request: CalendarRequest,
) -> Result<Calendar> {
    let subject = viewer.map(subject);
    let leader = subject.is_some_and(|s| s.can_schedule_events());
    let today = db.clock().now().with_timezone(&tz).date_naive();
    let filter = EventFilter {
        phase: request.phase.clone(),
        kind: request.kind,
        organisation_id: request.organisation_id,
        members: viewer.is_some(),
        ..Default::default()
    };
    let (organisations, pending) = db
        .read(move |c| {
            let pending = if leader {
                let filter = EventFilter {
                    members: true,
                    statuses: vec![EventStatus::Proposed],
                    ..Default::default()
                };
                events::list(c, &filter)?
            } else {
                Vec::new()
            };
            Ok((organisations::all(c)?, pending))
        })
        .await?;
    let mut calendar = Calendar {
        month_view: request.month_view,
        weeks: Vec::new(),
        month: None,
        list: Vec::new(),
        page: 1,
        pages: 1,
        organisations,
        pending,
        can_propose: subject.is_some_and(|s| s.can_propose_event()),
    };
    if request.month_view {
        let first = request
            .month
            .as_deref()
            .and_then(|m| NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").ok())
            .filter(|d| (1900..=2200).contains(&d.year()))
            .unwrap_or_else(|| today.with_day(1).expect("first of month"));
        let (grid_start, grid_end) = grid(first);
        let filter = EventFilter {
            from: Some(midnight(tz, grid_start)),
            until: Some(midnight(tz, grid_end)),
            limit: MONTH_LIMIT,
            ..filter
        };
        let found = db.read(move |c| events::list(c, &filter)).await?;
        calendar.weeks = weeks(tz, first, today, &found);
        let next = grid_month_after(first);
        calendar.month = Some(Month {
            value: first.format("%Y-%m").to_string(),
            first: first.format("%Y-%m-%d").to_string(),
            previous: (first - Duration::days(1)).format("%Y-%m").to_string(),
            next: next.format("%Y-%m").to_string(),
        });
    } else {
        let page = request.page.unwrap_or(1).clamp(1, 10_000);
        let (from, until) = match request.past {
            true => (None, Some(midnight(tz, today))),
            false => (Some(midnight(tz, today)), None),
        };
        let filter = EventFilter {
            from,
            until,
            descending: request.past,
            limit: LIST_PAGE + 1,
            offset: (page - 1) * LIST_PAGE,
            ..filter
        };
        let mut found = db.read(move |c| events::list(c, &filter)).await?;
        let more = found.len() as i64 > LIST_PAGE;
        found.truncate(LIST_PAGE as usize);
        calendar.list = found;
        calendar.page = page;
        calendar.pages = if more { page + 1 } else { page };
    }
    Ok(calendar)
}

/// The start of `day` in `tz`, as Unix seconds.
fn midnight(tz: Tz, day: NaiveDate) -> i64 {
    tz.from_local_datetime(&day.and_hms_opt(0, 0, 0).expect("midnight"))
        .earliest()
        .map(|t: DateTime<Tz>| t.with_timezone(&Utc).timestamp())
        .unwrap_or_default()
}

/// The first day of the month after the one starting on `first`.
fn grid_month_after(first: NaiveDate) -> NaiveDate {
    (first + Duration::days(32))
        .with_day(1)
        .expect("first of month")
}

/// The days a month's grid covers: from the Monday on or before its first day to the
/// Monday on or after its end (exclusive).
fn grid(first: NaiveDate) -> (NaiveDate, NaiveDate) {
    let start = first - Duration::days(first.weekday().num_days_from_monday() as i64);
    let next_month = grid_month_after(first);
    let end =
        next_month + Duration::days((7 - next_month.weekday().num_days_from_monday() as i64) % 7);
    (start, end)
}

/// The month starting on `first` as weeks of days, each with the events going on then.
fn weeks(tz: Tz, first: NaiveDate, today: NaiveDate, found: &[Event]) -> Vec<Vec<Day>> {
    let (mut day, end) = grid(first);
    let mut weeks = Vec::new();
    while day < end {
        let mut week = Vec::with_capacity(7);
        for _ in 0..7 {
            let (from, until) = (midnight(tz, day), midnight(tz, day + Duration::days(1)));
            week.push(Day {
                date: day.format("%Y-%m-%d").to_string(),
                day: day.day(),
                in_month: day.month() == first.month(),
                today: day == today,
                events: found
                    .iter()
                    .filter(|e| e.starts_at < until && e.ends_at > from)
                    .map(|e| CellEvent {
                        id: e.id,
                        title: e.title.clone(),
                        starts_at: e.starts_at,
                        ends_at: e.ends_at,
                        status: e.status,
                    })
                    .collect(),
            });
            day += Duration::days(1);
        }
        weeks.push(week);
    }
    weeks
}

/// A person's own events (live registrations, soonest first) and their personal feed's
/// token, made on first use.
pub async fn my_events(db: &Db, user: &User) -> Result<(Vec<(Registration, Event)>, String)> {
    let (user_id, email) = (user.id, user.email.clone());
    Ok(db
        .write(move |tx| {
            Ok((
                events::registrations_of(tx, user_id, &email)?,
                events::feed_token(tx, user_id)?,
            ))
        })
        .await?)
}

/// A new personal feed address for `user`; the old one stops working.
pub async fn renew_feed(db: &Db, user: &User, actor: audit::Actor) -> Result<()> {
    let user_id = user.id;
    db.write(move |tx| {
        events::renew_feed_token(tx, user_id)?;
        let subject = format!("user:{user_id}");
        audit::record(tx, &actor, "feed.renew", Some(&subject), None)
    })
    .await?;
    Ok(())
}

/// The personal feed behind `token`: its owner's name and the events they are
/// registered for, the online link kept only where they have a seat. Nothing for an
/// unknown token or a deactivated person.
pub async fn personal_feed(db: &Db, token: String) -> Result<Option<(String, Vec<Event>)>> {
    Ok(db
        .read(move |c| {
            let Some(user_id) = events::feed_user(c, &token)? else {
                return Ok(None);
            };
            let Some(user) = users::get(c, user_id)?.filter(|u| u.active) else {
                return Ok(None);
            };
            let events: Vec<Event> = events::registrations_of(c, user.id, &user.email)?
                .into_iter()
                .map(|(r, mut e)| {
                    if r.status != RegistrationStatus::Confirmed {
                        e.online_link = None;
                    }
                    e
                })
                .collect();
            Ok(Some((user.name, events)))
        })
        .await?)
}

/// What a member's secret calendar feed covers.
#[derive(Debug, Clone)]
pub enum FeedScope {
    /// The whole programme.
    Programme,
    /// One phase, by slug.
    Phase(String),
    /// One organisation's own events, by id.
    Organisation(i64),
}

/// A member's secret feed of a scope, behind the same token as their personal feed (so
/// renewing it revokes every feed at once): every event they may see there, members'
/// events as well as public ones. Online links are left to the personal feed. Nothing
/// for an unknown token or a deactivated person.
pub async fn member_feed(
    db: &Db,
    token: String,
    scope: FeedScope,
    limit: i64,
) -> Result<Option<Vec<Event>>> {
    Ok(db
        .read(move |c| {
            let Some(user_id) = events::feed_user(c, &token)? else {
                return Ok(None);
            };
            if users::get(c, user_id)?.filter(|u| u.active).is_none() {
                return Ok(None);
            }
            let mut filter = EventFilter {
                members: true,
                limit,
                ..Default::default()
            };
            match scope {
                FeedScope::Programme => {}
                FeedScope::Phase(slug) => filter.phase = Some(slug),
                FeedScope::Organisation(id) => filter.organisation_id = Some(id),
            }
            Ok(Some(events::list(c, &filter)?))
        })
        .await?)
}
