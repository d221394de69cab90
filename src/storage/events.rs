//! Events, their agendas and questions, registrations with the waiting list, minutes,
//! and personal feed tokens.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use super::{Result, keyed, now_seconds};
use crate::domain::event::{
    Audience, EventKind, EventStatus, Mode, Question, QuestionKind, RegistrationStatus, Seat,
    StatusAction, ValidAgendaItem, ValidEvent, ValidQuestion, seat,
};

fn time(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

/// An event as pages and feeds show it.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub id: i64,
    pub uid: String,
    pub phase_slug: Option<String>,
    pub organisation_id: Option<i64>,
    pub organisation_name: Option<String>,
    pub kind: EventKind,
    pub title: String,
    pub description: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub venue: Option<String>,
    pub address: Option<String>,
    pub mode: Mode,
    pub online_link: Option<String>,
    pub capacity: Option<u32>,
    pub per_organisation_cap: Option<u32>,
    pub registration_opens: Option<i64>,
    pub registration_closes: Option<i64>,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub audience: Audience,
    pub status: EventStatus,
    pub sequence: u32,
    pub change_note: Option<String>,
    pub changed_at: Option<i64>,
    pub updated_at: i64,
    pub confirmed: u32,
    pub waiting: u32,
}

impl Event {
    pub fn starts(&self) -> DateTime<Utc> {
        time(self.starts_at)
    }

    pub fn ends(&self) -> DateTime<Utc> {
        time(self.ends_at)
    }

    pub fn updated(&self) -> DateTime<Utc> {
        time(self.updated_at)
    }

    /// Whether registration is open at `now` (ignoring capacity: a full event has a waiting list).
    pub fn registration_open(&self, now: i64) -> bool {
        self.status == EventStatus::Published
            && self.registration_opens.is_none_or(|o| now >= o)
            && now < self.registration_closes.unwrap_or(self.starts_at)
    }
}

const COLUMNS: &str = "e.id, e.uid, e.phase_slug, e.organisation_id, o.name AS organisation_name, e.kind, e.title, e.description,
    e.starts_at, e.ends_at, e.venue, e.address, e.mode, e.online_link, e.capacity, e.per_org_cap,
    e.registration_opens, e.registration_closes, e.contact_name, e.contact_email, e.audience, e.status,
    e.sequence, e.change_note, e.changed_at, e.updated_at,
    (SELECT count(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'confirmed') AS confirmed,
    (SELECT count(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'waiting') AS waiting";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Event> {
    Ok(Event {
        id: r.get("id")?,
        uid: r.get("uid")?,
        phase_slug: r.get("phase_slug")?,
        organisation_id: r.get("organisation_id")?,
        organisation_name: r.get("organisation_name")?,
        kind: keyed(r, "kind", EventKind::parse)?,
        title: r.get("title")?,
        description: r.get("description")?,
        starts_at: r.get("starts_at")?,
        ends_at: r.get("ends_at")?,
        venue: r.get("venue")?,
        address: r.get("address")?,
        mode: keyed(r, "mode", Mode::parse)?,
        online_link: r.get("online_link")?,
        capacity: r.get("capacity")?,
        per_organisation_cap: r.get("per_org_cap")?,
        registration_opens: r.get("registration_opens")?,
        registration_closes: r.get("registration_closes")?,
        contact_name: r.get("contact_name")?,
        contact_email: r.get("contact_email")?,
        audience: keyed(r, "audience", Audience::parse)?,
        status: keyed(r, "status", EventStatus::parse)?,
        sequence: r.get("sequence")?,
        change_note: r.get("change_note")?,
        changed_at: r.get("changed_at")?,
        updated_at: r.get("updated_at")?,
        confirmed: r.get("confirmed")?,
        waiting: r.get("waiting")?,
    })
}

pub fn count(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT count(*) AS events FROM events", [], |r| {
            r.get("events")
        })?,
    )
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Event>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM events e LEFT JOIN organisations o ON o.id = e.organisation_id WHERE e.id = ?1"
    ))?;
    Ok(stmt.query_row([id], from_row).optional()?)
}

/// Which events a list or feed shows.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Still going on at or after (ending after; Unix seconds), so events under way show.
    pub from: Option<i64>,
    /// Starting before.
    pub until: Option<i64>,
    pub phase: Option<String>,
    pub kind: Option<EventKind>,
    pub organisation_id: Option<i64>,
    /// Members' events too (for signed-in members); otherwise public ones only.
    pub members: bool,
    /// Statuses to show; empty means published and cancelled.
    pub statuses: Vec<EventStatus>,
    pub limit: i64,
    pub offset: i64,
    /// Latest first (for lists of past events).
    pub descending: bool,
}

/// Events matching the filter, by start. Only the filter's own conditions go into the
/// SQL, so the indexes on start time, phase and organisation are used.
pub fn list(conn: &Connection, filter: &EventFilter) -> Result<Vec<Event>> {
    use rusqlite::types::Value;
    let statuses: Vec<&str> = if filter.statuses.is_empty() {
        vec!["published", "cancelled"]
    } else {
        filter.statuses.iter().map(|s| s.key()).collect()
    };
    let mut sql = format!(
        "SELECT {COLUMNS} FROM events e LEFT JOIN organisations o ON o.id = e.organisation_id WHERE e.status IN ({})",
        vec!["?"; statuses.len()].join(", ")
    );
    let mut values: Vec<Value> = statuses
        .iter()
        .map(|s| Value::Text(s.to_string()))
        .collect();
    let mut and = |condition: &str, value: Value| {
        sql.push_str(" AND ");
        sql.push_str(condition);
        values.push(value);
    };
    if !filter.members {
        and("e.audience = ?", Value::Text("public".into()));
    }
    if let Some(from) = filter.from {
        and("e.ends_at > ?", Value::Integer(from));
    }
    if let Some(until) = filter.until {
        and("e.starts_at < ?", Value::Integer(until));
    }
    if let Some(phase) = &filter.phase {
        and("e.phase_slug = ?", Value::Text(phase.clone()));
    }
    if let Some(kind) = filter.kind {
        and("e.kind = ?", Value::Text(kind.key().into()));
    }
    if let Some(organisation) = filter.organisation_id {
        and("e.organisation_id = ?", Value::Integer(organisation));
    }
    sql.push_str(if filter.descending {
        " ORDER BY e.starts_at DESC, e.id DESC LIMIT ? OFFSET ?"
    } else {
        " ORDER BY e.starts_at, e.id LIMIT ? OFFSET ?"
    });
    values.push(Value::Integer(if filter.limit > 0 {
        filter.limit
    } else {
        -1
    }));
    values.push(Value::Integer(filter.offset));
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(values), from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A fingerprint that changes whenever any event changes: every change raises its
/// SEQUENCE, and new events raise the count (public feeds are cached by it).
pub fn version(conn: &Connection) -> Result<(i64, i64)> {
    Ok(conn.query_row(
        "SELECT count(*) AS events, coalesce(sum(sequence), 0) AS sequence_sum FROM events",
        [],
        |r| Ok((r.get("events")?, r.get("sequence_sum")?)),
    )?)
}

pub fn insert(
    conn: &Connection,
    event: &ValidEvent,
    status: EventStatus,
    organisation_id: Option<i64>,
    created_by: Option<i64>,
) -> Result<i64> {
    let now = now_seconds();
    let uid = format!("{}@framsyn", &crate::domain::credentials::new_token()[..22]);
    conn.execute(
        "INSERT INTO events (uid, phase_slug, organisation_id, kind, title, description, starts_at, ends_at,
            venue, address, mode, online_link, capacity, per_org_cap, registration_opens, registration_closes,
            contact_name, contact_email, audience, status, created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?22)",
        params![
            uid,
            event.phase,
            organisation_id,
            event.kind.key(),
            event.title,
            event.description,
            event.starts.timestamp(),
            event.ends.timestamp(),
            event.venue,
            event.address,
            event.mode.key(),
            event.online_link,
            event.capacity,
            event.per_organisation_cap,
            event.registration_opens.map(|t| t.timestamp()),
            event.registration_closes.map(|t| t.timestamp()),
            event.contact_name,
            event.contact_email,
            event.audience.key(),
            status.key(),
            created_by,
            now
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Saves an edit; the SEQUENCE grows and, with a note, registrants see what changed.
/// More seats move people up from the waiting list.
pub fn update(conn: &Connection, id: i64, event: &ValidEvent) -> Result<Vec<i64>> {
    let now = now_seconds();
    let changed = conn.execute(
        "UPDATE events SET phase_slug = ?2, kind = ?3, title = ?4, description = ?5, starts_at = ?6,
            ends_at = ?7, venue = ?8, address = ?9, mode = ?10, online_link = ?11, capacity = ?12,
            per_org_cap = ?13, registration_opens = ?14, registration_closes = ?15, contact_name = ?16,
            contact_email = ?17, audience = ?18, sequence = sequence + 1,
            change_note = coalesce(?19, change_note), changed_at = CASE WHEN ?19 IS NULL THEN changed_at ELSE ?20 END,
            updated_at = ?20
         WHERE id = ?1",
        params![
            id,
            event.phase,
            event.kind.key(),
            event.title,
            event.description,
            event.starts.timestamp(),
            event.ends.timestamp(),
            event.venue,
            event.address,
            event.mode.key(),
            event.online_link,
            event.capacity,
            event.per_organisation_cap,
            event.registration_opens.map(|t| t.timestamp()),
            event.registration_closes.map(|t| t.timestamp()),
            event.contact_name,
            event.contact_email,
            event.audience.key(),
            event.change_note,
            now
        ],
    )? == 1;
    if changed {
        return promote_waiting(conn, id);
    }
    Ok(Vec::new())
}

/// Applies a status action (approve, reject, cancel, reinstate) if it applies to the
/// status the event has now; the SEQUENCE grows so feeds update. `false` when it does
/// not apply. A note replaces the change note; reinstating replaces it even when empty,
/// so the reason for the cancellation is not shown on the event that takes place.
pub fn set_status(
    conn: &Connection,
    id: i64,
    action: StatusAction,
    note: Option<&str>,
) -> Result<bool> {
    let Some(current) = get(conn, id)? else {
        return Ok(false);
    };
    let Some(status) = action.apply(current.status) else {
        return Ok(false);
    };
    let now = now_seconds();
    let replace_note = action == StatusAction::Reinstate;
    Ok(conn.execute(
        "UPDATE events SET status = ?2, sequence = sequence + 1, updated_at = ?3,
            change_note = CASE WHEN ?6 THEN ?4 ELSE coalesce(?4, change_note) END,
            changed_at = CASE WHEN ?4 IS NULL AND NOT ?6 THEN changed_at ELSE ?3 END
         WHERE id = ?1 AND status = ?5",
        params![
            id,
            status.key(),
            now,
            note,
            current.status.key(),
            replace_note
        ],
    )? == 1)
}

#[derive(Debug, Clone, Serialize)]
pub struct AgendaItem {
    pub id: i64,
    pub starts_at: i64,
    pub ends_at: Option<i64>,
    pub title: String,
    pub speaker: Option<String>,
    pub notes: Option<String>,
}

pub fn agenda(conn: &Connection, event_id: i64) -> Result<Vec<AgendaItem>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, starts_at, ends_at, title, speaker, notes FROM agenda_items WHERE event_id = ?1 ORDER BY starts_at, id",
    )?;
    let rows = stmt.query_map([event_id], |r| {
        Ok(AgendaItem {
            id: r.get("id")?,
            starts_at: r.get("starts_at")?,
            ends_at: r.get("ends_at")?,
            title: r.get("title")?,
            speaker: r.get("speaker")?,
            notes: r.get("notes")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn add_agenda_item(conn: &Connection, event_id: i64, item: &ValidAgendaItem) -> Result<i64> {
    conn.execute(
        "INSERT INTO agenda_items (event_id, starts_at, ends_at, title, speaker, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![event_id, item.starts.timestamp(), item.ends.map(|t| t.timestamp()), item.title, item.speaker, item.notes],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn delete_agenda_item(conn: &Connection, event_id: i64, item_id: i64) -> Result<bool> {
    Ok(conn.execute(
        "DELETE FROM agenda_items WHERE id = ?1 AND event_id = ?2",
        params![item_id, event_id],
    )? == 1)
}

pub fn questions(conn: &Connection, event_id: i64) -> Result<Vec<Question>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, label, options, required FROM event_questions WHERE event_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([event_id], |r| {
        let options: String = r.get("options")?;
        Ok(Question {
            id: r.get("id")?,
            kind: keyed(r, "kind", QuestionKind::parse)?,
            label: r.get("label")?,
            options: options.lines().map(str::to_string).collect(),
            required: r.get("required")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn add_question(conn: &Connection, event_id: i64, q: &ValidQuestion) -> Result<i64> {
    conn.execute(
        "INSERT INTO event_questions (event_id, kind, label, options, required) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![event_id, q.kind.key(), q.label, q.options.join("\n"), q.required],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn delete_question(conn: &Connection, event_id: i64, question_id: i64) -> Result<bool> {
    Ok(conn.execute(
        "DELETE FROM event_questions WHERE id = ?1 AND event_id = ?2",
        params![question_id, event_id],
    )? == 1)
}

/// The person a registration is for.
#[derive(Debug, Clone)]
pub struct Registrant {
    pub user_id: Option<i64>,
    pub name: String,
    pub email: String,
    pub organisation_id: Option<i64>,
}

/// What became of a registration attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registered {
    Confirmed(i64),
    Waiting(i64),
    OverOrganisationCap,
    AlreadyRegistered,
    /// The event is cancelled or no longer published.
    NotOpen,
    /// Outside the registration window (only process leaders may register then).
    Closed,
}

/// How many registrations visitors (nobody signed in) sent from `address` since `since`,
/// taken and refused alike, as the audit log has them.
pub fn visitor_registrations_from(conn: &Connection, address: &str, since: i64) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM audit_log
         WHERE action = 'registration.request' AND actor_id IS NULL AND address = ?1 AND at >= ?2",
        params![address, since],
        |r| r.get(0),
    )?)
}

/// Registers a person, deciding the seat inside the write transaction, so capacity and
/// the per-organisation cap hold however many people register at once.
/// The event's status, limits and window are read here, in the same transaction, so a
/// change made a moment earlier is respected.
pub fn register(
    conn: &Connection,
    event_id: i64,
    person: &Registrant,
    answers: &[(i64, String)],
    registered_by: Option<i64>,
    window_applies: bool,
) -> Result<Registered> {
    let Some(event) = get(conn, event_id)? else {
        return Ok(Registered::NotOpen);
    };
    if event.status != EventStatus::Published {
        return Ok(Registered::NotOpen);
    }
    if window_applies && !event.registration_open(now_seconds()) {
        return Ok(Registered::Closed);
    }
    let live: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM registrations WHERE event_id = ?1 AND email = ?2 AND status <> 'cancelled') AS live",
        params![event.id, person.email],
        |r| r.get("live"),
    )?;
    if live {
        return Ok(Registered::AlreadyRegistered);
    }
    let confirmed: u32 = conn.query_row(
        "SELECT count(*) AS confirmed FROM registrations WHERE event_id = ?1 AND status = 'confirmed'",
        [event.id],
        |r| r.get("confirmed"),
    )?;
    let organisation_registered: Option<u32> = match person.organisation_id {
        Some(org) => Some(conn.query_row(
            "SELECT count(*) AS registered FROM registrations WHERE event_id = ?1 AND organisation_id = ?2 AND status <> 'cancelled'",
            params![event.id, org],
            |r| r.get("registered"),
        )?),
        None => None,
    };
    let waiting: u32 = conn.query_row(
        "SELECT count(*) AS waiting FROM registrations WHERE event_id = ?1 AND status = 'waiting'",
        [event.id],
        |r| r.get("waiting"),
    )?;
    let status = match seat(
        event.capacity,
        event.per_organisation_cap,
        confirmed,
        waiting,
        organisation_registered,
    ) {
        Seat::OverOrganisationCap => return Ok(Registered::OverOrganisationCap),
        Seat::Confirmed => RegistrationStatus::Confirmed,
        Seat::Waiting => RegistrationStatus::Waiting,
    };
    conn.execute(
        "INSERT INTO registrations (event_id, user_id, name, email, organisation_id, status, registered_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            event.id,
            person.user_id,
            person.name,
            person.email,
            person.organisation_id,
            status.key(),
            registered_by,
            now_seconds()
        ],
    )?;
    let id = conn.last_insert_rowid();
    let mut stmt = conn.prepare_cached(
        "INSERT INTO registration_answers (registration_id, question_id, answer) VALUES (?1, ?2, ?3)",
    )?;
    for (question, answer) in answers {
        stmt.execute(params![id, question, answer])?;
    }
    Ok(match status {
        RegistrationStatus::Confirmed => Registered::Confirmed(id),
        _ => Registered::Waiting(id),
    })
}

/// A registration as lists show it.
#[derive(Debug, Clone, Serialize)]
pub struct Registration {
    pub id: i64,
    pub event_id: i64,
    pub user_id: Option<i64>,
    pub name: String,
    pub email: String,
    pub organisation_id: Option<i64>,
    pub organisation_name: Option<String>,
    pub status: RegistrationStatus,
    pub attended: Option<bool>,
    pub created_at: i64,
    /// Answers in question order: (question id, answer).
    pub answers: Vec<(i64, String)>,
    /// The person's account has been deactivated since they were registered.
    pub deactivated: bool,
}

/// A registration of an anonymised person names them as pages name them elsewhere (see
/// `person_name!`), with the organisation they registered for.
const REGISTRATION_COLUMNS: &str = "r.id, r.event_id, r.user_id,
    CASE WHEN (SELECT u.anonymised_at FROM users u WHERE u.id = r.user_id) IS NULL THEN r.name
         ELSE char(57344) || coalesce(o.name, '') END AS name,
    r.email, r.organisation_id, o.name AS organisation_name,
    r.status, r.attended, r.created_at,
    (SELECT group_concat(a.question_id || char(31) || replace(a.answer, char(30), ' '), char(30))
       FROM registration_answers a WHERE a.registration_id = r.id) AS answers,
    (SELECT u.active = 0 FROM users u WHERE u.id = r.user_id) AS deactivated";

fn registration_from_row(r: &Row<'_>) -> rusqlite::Result<Registration> {
    let answers: Option<String> = r.get("answers")?;
    let mut answers: Vec<(i64, String)> = answers
        .as_deref()
        .unwrap_or("")
        .split('\u{1e}')
        .filter_map(|pair| pair.split_once('\u{1f}'))
        .filter_map(|(q, a)| q.parse().ok().map(|q| (q, a.to_string())))
        .collect();
    answers.sort_by_key(|(q, _)| *q);
    Ok(Registration {
        id: r.get("id")?,
        event_id: r.get("event_id")?,
        user_id: r.get("user_id")?,
        name: r.get("name")?,
        email: r.get("email")?,
        organisation_id: r.get("organisation_id")?,
        organisation_name: r.get("organisation_name")?,
        status: keyed(r, "status", RegistrationStatus::parse)?,
        attended: r.get("attended")?,
        created_at: r.get("created_at")?,
        answers,
        deactivated: r.get::<_, Option<bool>>("deactivated")?.unwrap_or(false),
    })
}

/// An event's registrations: confirmed, then waiting in line, then cancelled; each in order of arrival.
pub fn registrations(conn: &Connection, event_id: i64) -> Result<Vec<Registration>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {REGISTRATION_COLUMNS} FROM registrations r LEFT JOIN organisations o ON o.id = r.organisation_id
         WHERE r.event_id = ?1
         ORDER BY CASE r.status WHEN 'confirmed' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END, r.id"
    ))?;
    let rows = stmt.query_map([event_id], registration_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn registration(conn: &Connection, id: i64) -> Result<Option<Registration>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {REGISTRATION_COLUMNS} FROM registrations r LEFT JOIN organisations o ON o.id = r.organisation_id
         WHERE r.id = ?1"
    ))?;
    Ok(stmt.query_row([id], registration_from_row).optional()?)
}

/// A person's live registrations (by account or e-mail), with their events, soonest
/// first. Two queries, however many there are.
pub fn registrations_of(
    conn: &Connection,
    user_id: i64,
    email: &str,
) -> Result<Vec<(Registration, Event)>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {REGISTRATION_COLUMNS} FROM registrations r LEFT JOIN organisations o ON o.id = r.organisation_id
         WHERE (r.user_id = ?1 OR r.email = ?2) AND r.status <> 'cancelled'"
    ))?;
    let registrations: Vec<Registration> = stmt
        .query_map(params![user_id, email], registration_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM events e LEFT JOIN organisations o ON o.id = e.organisation_id
         WHERE e.id IN (SELECT event_id FROM registrations WHERE (user_id = ?1 OR email = ?2) AND status <> 'cancelled')
         ORDER BY e.starts_at, e.id"
    ))?;
    let events: Vec<Event> = stmt
        .query_map(params![user_id, email], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(events
        .into_iter()
        .filter_map(|event| {
            registrations
                .iter()
                .find(|r| r.event_id == event.id)
                .map(|r| (r.clone(), event))
        })
        .collect())
}

/// Cancels a registration; when it held a seat, the first in line gets it. Returns the
/// promoted registrations' ids.
pub fn cancel(conn: &Connection, registration_id: i64) -> Result<Vec<i64>> {
    let Some(current) = registration(conn, registration_id)? else {
        return Ok(Vec::new());
    };
    if current.status == RegistrationStatus::Cancelled {
        return Ok(Vec::new());
    }
    conn.execute(
        "UPDATE registrations SET status = 'cancelled', cancelled_at = ?2 WHERE id = ?1",
        params![registration_id, now_seconds()],
    )?;
    promote_waiting(conn, current.event_id)
}

/// Moves seated registrations back to the waiting list (capacity was cut), where their
/// arrival decides their place in line.
pub fn move_to_waiting(conn: &Connection, ids: &[i64]) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "UPDATE registrations SET status = 'waiting', promoted_at = NULL
         WHERE id = ?1 AND status = 'confirmed'",
    )?;
    for id in ids {
        stmt.execute([id])?;
    }
    Ok(())
}

/// Moves people up from the waiting list, in order, while there are free seats.
pub fn promote_waiting(conn: &Connection, event_id: i64) -> Result<Vec<i64>> {
    let capacity: Option<u32> = conn
        .query_row(
            "SELECT capacity FROM events WHERE id = ?1",
            [event_id],
            |r| r.get("capacity"),
        )
        .optional()?
        .flatten();
    let confirmed: u32 = conn.query_row(
        "SELECT count(*) AS confirmed FROM registrations WHERE event_id = ?1 AND status = 'confirmed'",
        [event_id],
        |r| r.get("confirmed"),
    )?;
    let free = capacity.map_or(i64::MAX, |c| i64::from(c.saturating_sub(confirmed)));
    let mut stmt = conn.prepare_cached(
        "SELECT r.id FROM registrations r LEFT JOIN users u ON u.id = r.user_id
         WHERE r.event_id = ?1 AND r.status = 'waiting' AND coalesce(u.active, 1) = 1
         ORDER BY r.id LIMIT ?2",
    )?;
    let promoted: Vec<i64> = stmt
        .query_map(params![event_id, free], |r| r.get("id"))?
        .collect::<rusqlite::Result<_>>()?;
    let now = now_seconds();
    let mut update = conn.prepare_cached(
        "UPDATE registrations SET status = 'confirmed', promoted_at = ?2 WHERE id = ?1",
    )?;
    for id in &promoted {
        update.execute(params![id, now])?;
    }
    Ok(promoted)
}

pub fn set_attended(
    conn: &Connection,
    event_id: i64,
    registration_id: i64,
    attended: Option<bool>,
) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE registrations SET attended = ?3 WHERE id = ?1 AND event_id = ?2 AND status = 'confirmed'",
        params![registration_id, event_id, attended],
    )? == 1)
}

#[derive(Debug, Clone, Serialize)]
pub struct Minutes {
    pub id: i64,
    pub body: String,
    pub is_final: bool,
    pub written_by: Option<String>,
    pub written_at: i64,
}

/// Every revision of an event's minutes, newest first.
pub fn minutes(conn: &Connection, event_id: i64) -> Result<Vec<Minutes>> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT m.id, m.body, m.final, ",
        person_name!("u"),
        " AS written_by, m.written_at FROM event_minutes m
         LEFT JOIN users u ON u.id = m.written_by WHERE m.event_id = ?1 ORDER BY m.id DESC"
    ))?;
    let rows = stmt.query_map([event_id], |r| {
        Ok(Minutes {
            id: r.get("id")?,
            body: r.get("body")?,
            is_final: r.get("final")?,
            written_by: r.get("written_by")?,
            written_at: r.get("written_at")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Saves a new revision of the minutes (earlier ones are kept).
pub fn save_minutes(
    conn: &Connection,
    event_id: i64,
    body: &str,
    is_final: bool,
    by: i64,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO event_minutes (event_id, body, final, written_by, written_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![event_id, body, is_final, by, now_seconds()],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The person's feed token, made on first use.
pub fn feed_token(conn: &Connection, user_id: i64) -> Result<String> {
    if let Some(token) = conn
        .query_row(
            "SELECT token FROM feed_tokens WHERE user_id = ?1",
            [user_id],
            |r| r.get("token"),
        )
        .optional()?
    {
        return Ok(token);
    }
    renew_feed_token(conn, user_id)
}

/// A new token; the old feed address stops working.
pub fn renew_feed_token(conn: &Connection, user_id: i64) -> Result<String> {
    let token = crate::domain::credentials::new_token();
    conn.execute(
        "INSERT INTO feed_tokens (user_id, token, created_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (user_id) DO UPDATE SET token = excluded.token, created_at = excluded.created_at",
        params![user_id, token, now_seconds()],
    )?;
    Ok(token)
}

pub fn feed_user(conn: &Connection, token: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT user_id FROM feed_tokens WHERE token = ?1",
            [token],
            |r| r.get("user_id"),
        )
        .optional()?)
}

/// An event with how many people of one organisation are registered for it.
#[derive(Debug, Clone, Serialize)]
pub struct OrganisationEvent {
    pub id: i64,
    pub title: String,
    pub starts_at: i64,
    pub registered: i64,
    pub attended: i64,
}

/// The events an organisation's people are registered for, soonest first.
pub fn of_organisation(conn: &Connection, organisation: i64) -> Result<Vec<OrganisationEvent>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.title, e.starts_at, count(*) AS registered,
                sum(coalesce(r.attended, 0)) AS attended
         FROM registrations r JOIN events e ON e.id = r.event_id
         WHERE r.organisation_id = ?1 AND r.status <> 'cancelled' AND e.status = 'published'
         GROUP BY e.id ORDER BY e.starts_at, e.id",
    )?;
    let rows = stmt.query_map([organisation], |r| {
        Ok(OrganisationEvent {
            id: r.get("id")?,
            title: r.get("title")?,
            starts_at: r.get("starts_at")?,
            registered: r.get("registered")?,
            attended: r.get("attended")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A visitor's registration waiting for its confirmation by the mailed link.
#[derive(Debug, Clone)]
pub struct Pending {
    pub id: i64,
    pub event_id: i64,
    pub name: String,
    pub email: String,
    pub answers: Vec<(i64, String)>,
    pub lang: Option<crate::domain::lang::Lang>,
    pub expires_at: i64,
}

fn pending_from_row(r: &Row<'_>) -> rusqlite::Result<Pending> {
    let answers: String = r.get("answers")?;
    let lang: Option<String> = r.get("lang")?;
    Ok(Pending {
        id: r.get("id")?,
        event_id: r.get("event_id")?,
        name: r.get("name")?,
        email: r.get("email")?,
        answers: serde_json::from_str(&answers).unwrap_or_default(),
        lang: lang.as_deref().and_then(crate::domain::lang::Lang::parse),
        expires_at: r.get("expires_at")?,
    })
}

/// Keeps a visitor's registration until they confirm it with the link whose token has
/// `digest`; returns its id.
pub fn insert_pending(
    conn: &Connection,
    event_id: i64,
    person: &Registrant,
    answers: &[(i64, String)],
    lang: Option<crate::domain::lang::Lang>,
    digest: &[u8],
    expires_at: i64,
) -> Result<i64> {
    let answers = serde_json::to_string(answers).unwrap_or_else(|_| "[]".into());
    conn.prepare_cached(
        "INSERT INTO pending_registrations
             (event_id, name, email, answers, lang, token_digest, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        event_id,
        person.name,
        person.email,
        answers,
        lang.map(|l| l.code()),
        digest,
        now_seconds(),
        expires_at
    ])?;
    Ok(conn.last_insert_rowid())
}

/// The registration waiting for the link whose token has `digest`, unless it expired.
pub fn pending(conn: &Connection, digest: &[u8]) -> Result<Option<Pending>> {
    Ok(conn
        .prepare_cached(
            "SELECT * FROM pending_registrations WHERE token_digest = ?1 AND expires_at > ?2",
        )?
        .query_row(params![digest, now_seconds()], pending_from_row)
        .optional()?)
}

/// Forgets a waiting registration (confirmed, or expired).
pub fn delete_pending(conn: &Connection, id: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM pending_registrations WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// Forgets the registrations never confirmed before `now`; how many.
pub fn delete_expired_pending(conn: &Connection, now: i64) -> Result<usize> {
    Ok(conn
        .prepare_cached("DELETE FROM pending_registrations WHERE expires_at <= ?1")?
        .execute([now])?)
}
