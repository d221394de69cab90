//! A process leader's message to participants: to everyone, to the organisations of one
//! category, to those registered for an event, or to the organisations that have not
//! submitted a phase's home assignment. It is previewed with the number of receivers,
//! then written to the outbox, one message each, and recorded in the audit log.

use rusqlite::Connection;
use serde::Serialize;

use super::outbox::{to_people_in, to_registrant_in};
use super::{Error, Result, subject};
use crate::domain::event::EventStatus;
use crate::domain::form::FieldErrors;
use crate::domain::mail::{AnnouncementForm, Audience, Content, ValidAnnouncement};
use crate::domain::programme::Programme;
use crate::storage::events::{self, EventFilter};
use crate::storage::users::User;
use crate::storage::{self, Db, audit, reminders};

fn leader(user: &User) -> Result<()> {
    if subject(user).can_lead_process() {
        Ok(())
    } else {
        Err(Error::Forbidden)
    }
}

/// An event whose registrants may be written to.
#[derive(Debug, Clone, Serialize)]
pub struct EventChoice {
    pub id: i64,
    pub title: String,
    pub starts_at: i64,
    pub registrants: usize,
}

/// What the form offers: the events (published, latest first) and the phases with a
/// home assignment.
#[derive(Debug, Clone, Serialize)]
pub struct Choices {
    pub events: Vec<EventChoice>,
    pub phases: Vec<String>,
}

fn assignment_phases(programme: &Programme) -> Vec<String> {
    super::reminders::assignments_of(programme)
        .into_iter()
        .map(|(slug, _)| slug)
        .collect()
}

fn events_in(c: &Connection) -> storage::Result<Vec<EventChoice>> {
    let filter = EventFilter {
        from: None,
        until: None,
        phase: None,
        kind: None,
        organisation_id: None,
        members: true,
        statuses: vec![EventStatus::Published],
        limit: 500,
        offset: 0,
        descending: true,
    };
    events::list(c, &filter)?
        .into_iter()
        .map(|e| {
            Ok(EventChoice {
                registrants: reminders::registrants(c, e.id)?.len(),
                id: e.id,
                title: e.title,
                starts_at: e.starts_at,
            })
        })
        .collect()
}

/// The choices of the form.
pub async fn choices(db: &Db, user: &User, programme: &Programme) -> Result<Choices> {
    leader(user)?;
    let phases = assignment_phases(programme);
    let events = db.read(events_in).await?;
    Ok(Choices { events, phases })
}

/// A message as it will go, and to how many.
#[derive(Debug, Clone, Serialize)]
pub struct Preview {
    pub subject: String,
    pub body: String,
    pub sender: String,
    pub audience: &'static str,
    pub receivers: usize,
    /// Sent back with the message, so that it goes once however often "send" is pressed.
    pub token: String,
}

/// Who an audience reaches: accounts, or registrants (who may have none).
enum Receivers {
    People(Vec<User>),
    Registrants(Vec<reminders::Registrant>),
}

impl Receivers {
    fn len(&self) -> usize {
        match self {
            Receivers::People(p) => p.len(),
            Receivers::Registrants(r) => r.len(),
        }
    }
}

fn receivers_in(
    c: &Connection,
    audience: &Audience,
    organisers: &[i64],
) -> storage::Result<Receivers> {
    Ok(match audience {
        Audience::All => Receivers::People(reminders::everyone(c)?),
        Audience::Category { category } => Receivers::People(reminders::of_category(c, *category)?),
        Audience::NotSubmitted { phase } => {
            Receivers::People(reminders::strategists_not_submitted(c, phase, organisers)?)
        }
        Audience::Event { event } => Receivers::Registrants(reminders::registrants(c, *event)?),
    })
}

fn checked(
    form: &AnnouncementForm,
    phases: &[String],
    events: &[EventChoice],
) -> std::result::Result<ValidAnnouncement, FieldErrors> {
    let ids: Vec<i64> = events.iter().map(|e| e.id).collect();
    form.validate(phases, &ids)
}

/// The message as it will go, or the form's errors.
pub async fn preview(
    db: &Db,
    user: &User,
    programme: &Programme,
    form: AnnouncementForm,
) -> Result<std::result::Result<Preview, FieldErrors>> {
    leader(user)?;
    let phases = assignment_phases(programme);
    let organisers = organisers(db, programme).await?;
    let sender = user.name.clone();
    Ok(db
        .read(move |c| {
            let events = events_in(c)?;
            let valid = match checked(&form, &phases, &events) {
                Ok(valid) => valid,
                Err(errors) => return Ok(Err(errors)),
            };
            let receivers = receivers_in(c, &valid.audience, &organisers)?.len();
            Ok(Ok(Preview {
                audience: valid.audience.key(),
                subject: valid.subject,
                body: valid.body,
                sender,
                receivers,
                token: crate::domain::credentials::new_token(),
            }))
        })
        .await?)
}

/// Writes the message to the outbox for each receiver, and records it in the audit log
/// (its audience and number of receivers; never their addresses). The form carries the
/// preview's token: a message goes once per preview, so a second press sends nothing
/// (and answers none). Returns the number of messages written, or the form's errors.
pub async fn send(
    db: &Db,
    user: &User,
    actor: audit::Actor,
    programme: &Programme,
    form: AnnouncementForm,
) -> Result<std::result::Result<Option<usize>, FieldErrors>> {
    leader(user)?;
    let phases = assignment_phases(programme);
    let organisers = organisers(db, programme).await?;
    let sender = user.name.clone();
    Ok(db
        .write(move |tx| {
            let events = events_in(tx)?;
            let valid = match checked(&form, &phases, &events) {
                Ok(valid) => valid,
                Err(errors) => return Ok(Err(errors)),
            };
            // Sent already (a second press of the button): nothing more goes.
            let token = form.token.trim();
            if token.is_empty() {
                return Ok(Err(FieldErrors::one("save", "error-announcement-preview")));
            }
            let now = storage::now_seconds();
            if !reminders::claim(tx, &format!("announcement:{token}"), now)? {
                return Ok(Ok(None));
            }
            Ok(Ok(Some(send_in(tx, &actor, &sender, &valid, &organisers)?)))
        })
        .await?)
}

async fn organisers(db: &Db, programme: &Programme) -> Result<Vec<i64>> {
    let all = db.read(crate::storage::organisations::all).await?;
    Ok(super::reminders::organisers_of(programme, &all))
}

/// Writes a checked message from `sender` (their name) to its audience, one message
/// each, and records it in the audit log; returns the number written.
pub fn send_in(
    c: &Connection,
    actor: &audit::Actor,
    sender: &str,
    valid: &ValidAnnouncement,
    organisers: &[i64],
) -> storage::Result<usize> {
    let content = Content::Announcement {
        subject: valid.subject.clone(),
        body: valid.body.clone(),
        sender: sender.to_string(),
    };
    let receivers = receivers_in(c, &valid.audience, organisers)?;
    let count = receivers.len();
    match receivers {
        Receivers::People(people) => to_people_in(c, &people, &content)?,
        Receivers::Registrants(registrants) => {
            for r in registrants {
                to_registrant_in(
                    c,
                    r.registration_id,
                    r.user_id,
                    &r.name,
                    &r.email,
                    content.clone(),
                )?;
            }
        }
    }
    // Whom it went to and how many; not its words, which may name people and the log
    // keeps for good (the outbox holds the message itself).
    let audience = serde_json::to_string(&valid.audience).unwrap_or_default();
    let detail = format!("{audience} · {count}");
    audit::record(c, actor, "announcement.send", None, Some(&detail))?;
    Ok(count)
}
