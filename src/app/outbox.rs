//! The outbox's use cases: a message written inside the transaction of the change that
//! causes it ([`write_in`], called by the other use cases), delivering what is due with
//! retries ([`deliver_due`], run by the sender task), and the administrators' view of
//! queued, sent and failed messages with a retry.
//!
//! Nothing is lost: a message exists once its change is committed, and is marked sent
//! only after the SMTP server accepted it. A crash between the two sends it again at the
//! next start, under the same `Message-ID`, so the receiver's programs see one message.

use lettre::message::Mailbox;
use rusqlite::Connection;
use serde::Serialize;

use super::{Error, Result, subject};
use crate::domain::lang::Lang;
use crate::domain::mail::{self, AfterFailure, Content, EventFacts, Outgoing, Status};
use crate::mailer::{Failure, Mailer};
use crate::render::Renderer;
use crate::render::mail::Sender;
use crate::storage::events::Event;
use crate::storage::outbox::{self, Message};
use crate::storage::users::User;
use crate::storage::{self, Db, audit};

/// Writes `message` to the outbox inside the caller's transaction.
pub fn write_in(c: &Connection, message: &Outgoing) -> storage::Result<i64> {
    outbox::enqueue(c, message)
}

/// An event's facts as a message about it tells them.
pub fn event_facts(event: &Event) -> EventFacts {
    EventFacts {
        id: event.id,
        uid: event.uid.clone(),
        sequence: event.sequence,
        title: event.title.clone(),
        description: event.description.clone(),
        starts_at: event.starts_at,
        ends_at: event.ends_at,
        venue: event.venue.clone(),
        address: event.address.clone(),
        online_link: event.online_link.clone(),
        cancelled: event.status == crate::domain::event::EventStatus::Cancelled,
        change_note: event.change_note.clone(),
        updated_at: event.updated_at,
    }
}

/// The language to write to a person in: the one they chose, else the one they used.
pub fn language_in(
    c: &Connection,
    user_id: Option<i64>,
    used: Option<Lang>,
) -> storage::Result<Option<Lang>> {
    let chosen = match user_id {
        Some(id) => outbox::language_of(c, id)?,
        None => None,
    };
    Ok(chosen.or(used))
}

/// What one pass of the sender did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pass {
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
}

/// Who sends and how messages leave: the programme and the workspace's address (for
/// the words and links), the sender's mailbox, the host of the Message-IDs, the
/// templates and the transport.
#[derive(Clone, Copy)]
pub struct Outgoer<'a> {
    pub sender: &'a Sender<'a>,
    pub host: &'a str,
    pub renderer: &'a Renderer,
    pub mailer: &'a Mailer,
    /// Seconds to wait after a first failed attempt (doubling after each next one).
    pub first_pause: i64,
}

/// Delivers up to `limit` messages due now, oldest first: each is marked sent once the
/// server accepted it; a failure is tried again later, or given up (see
/// `domain::mail::after_failure`). Without a transport nothing is tried.
pub async fn deliver_due(db: &Db, out: Outgoer<'_>, limit: i64) -> Result<Pass> {
    let mut pass = Pass::default();
    if !out.mailer.configured() {
        return Ok(pass);
    }
    let now = db.clock().now_seconds();
    let due = db.read(move |c| outbox::due(c, now, limit)).await?;
    for m in due {
        let id = m.id;
        let message_id = m
            .message_id
            .clone()
            .unwrap_or_else(|| mail::message_id(&m.token, out.host));
        let recorded = message_id.clone();
        db.write(move |tx| outbox::set_message_id(tx, id, &recorded))
            .await?;
        let outcome = match mime_of(out, &m, &message_id) {
            Ok(mime) => out.mailer.send(&mime).await,
            Err(reason) => Err(Failure::Permanent(reason)),
        };
        let now = db.clock().now_seconds();
        match outcome {
            Ok(()) => {
                let kept = m.content.redacted();
                db.write(move |tx| outbox::mark_sent(tx, id, now, &kept))
                    .await?;
                pass.sent += 1;
            }
            Err(failure) => {
                let permanent = failure.permanent();
                let next = mail::after_failure(m.attempts + 1, permanent, now, out.first_pause);
                let retry_at = match next {
                    AfterFailure::RetryAt(at) => {
                        pass.retried += 1;
                        Some(at)
                    }
                    AfterFailure::GiveUp => {
                        pass.failed += 1;
                        None
                    }
                };
                let reason = failure.reason().to_string();
                tracing::warn!(message = id, %reason, "a message was not delivered");
                db.write(move |tx| outbox::mark_failed_attempt(tx, id, &reason, retry_at))
                    .await?;
            }
        }
    }
    Ok(pass)
}

fn mime_of(
    out: Outgoer<'_>,
    m: &Message,
    message_id: &str,
) -> std::result::Result<lettre::Message, String> {
    let lang = m.lang.unwrap_or(out.sender.programme.default_language);
    let composed = crate::render::mail::compose(out.renderer, out.sender, m)
        .map_err(|e| format!("the message cannot be written: {e}"))?;
    let public_url = out.sender.public_url;
    crate::render::mail::mime(composed, out.sender.from, public_url, m, message_id, lang)
        .map_err(|e| e.to_string())
}

fn administrator(user: &User) -> Result<()> {
    if subject(user).can_administer() {
        Ok(())
    } else {
        Err(Error::Forbidden)
    }
}

/// A message as the administrators' list shows it: who, what and how it went, never
/// what it carries (a set-password link stays secret).
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub id: i64,
    pub kind: &'static str,
    pub recipient: String,
    pub recipient_name: String,
    pub lang: Option<&'static str>,
    pub status: &'static str,
    pub attempts: u32,
    pub next_attempt_at: i64,
    pub last_error: Option<String>,
    pub message_id: Option<String>,
    pub created_at: i64,
    pub sent_at: Option<i64>,
    /// The event it is about, if any.
    pub event: Option<String>,
}

impl From<Message> for Row {
    fn from(m: Message) -> Row {
        let event = m.content.event().map(|e| e.title.clone());
        Row {
            id: m.id,
            kind: m.kind.key(),
            recipient: m.recipient,
            recipient_name: m.recipient_name,
            lang: m.lang.map(|l| l.code()),
            status: m.status.key(),
            attempts: m.attempts,
            next_attempt_at: m.next_attempt_at,
            last_error: m.last_error,
            message_id: m.message_id,
            created_at: m.created_at,
            sent_at: m.sent_at,
            event,
        }
    }
}

/// The outbox as administrators see it.
#[derive(Debug, Clone, Serialize)]
pub struct OutboxPage {
    /// How many messages stand in each status (by status key).
    pub counts: Vec<(&'static str, i64)>,
    pub messages: Vec<Row>,
    /// The status shown (none: all).
    pub status: Option<&'static str>,
}

/// The latest messages (of one status, or all) and the count in each status.
pub async fn page(db: &Db, user: &User, status: Option<Status>) -> Result<OutboxPage> {
    administrator(user)?;
    let (counts, messages) = db
        .read(move |c| Ok((outbox::counts(c)?, outbox::list(c, status, 200)?)))
        .await?;
    Ok(OutboxPage {
        counts: counts.into_iter().map(|(s, n)| (s.key(), n)).collect(),
        messages: messages.into_iter().map(Row::from).collect(),
        status: status.map(Status::key),
    })
}

/// Makes a waiting or failed message due at once, with its attempts counted afresh;
/// recorded in the audit log.
pub async fn retry(db: &Db, user: &User, actor: audit::Actor, id: i64) -> Result<()> {
    administrator(user)?;
    let done = db
        .write(move |tx| {
            let now = storage::now_seconds();
            if !outbox::retry(tx, id, now)? {
                return Ok(false);
            }
            let subject = format!("message:{id}");
            audit::record(tx, &actor, "message.retry", Some(&subject), None)?;
            Ok(true)
        })
        .await?;
    if done { Ok(()) } else { Err(Error::NotFound) }
}

/// The sender's mailbox as configured.
pub fn sender_mailbox(from: &str) -> Mailbox {
    from.parse().unwrap_or_else(|_| {
        "Framsyn <framsyn@localhost>"
            .parse()
            .expect("a valid mailbox")
    })
}

/// A message about `content` to a registrant, as written inside the caller's
/// transaction.
pub fn to_registrant_in(
    c: &Connection,
    registration_id: i64,
    user_id: Option<i64>,
    name: &str,
    email: &str,
    content: Content,
) -> storage::Result<i64> {
    let used = outbox::registration_language(c, registration_id)?;
    let lang = language_in(c, user_id, used)?;
    write_in(
        c,
        &Outgoing {
            to: email.to_string(),
            name: name.to_string(),
            user_id,
            lang,
            content,
        },
    )
}

/// The same message to each of `people` who may still sign in, each in their language.
pub fn to_people_in(c: &Connection, people: &[User], content: &Content) -> storage::Result<()> {
    let kind = content.kind();
    for person in people.iter().filter(|p| p.active) {
        if kind.optional() && !outbox::receives(c, person.id, kind)? {
            continue;
        }
        let lang = language_in(c, Some(person.id), None)?;
        write_in(
            c,
            &Outgoing {
                to: person.email.clone(),
                name: person.name.clone(),
                user_id: Some(person.id),
                lang,
                content: content.clone(),
            },
        )?;
    }
    Ok(())
}

/// The active people with `role`, of organisation `organisation` if given.
pub fn people_with(
    c: &Connection,
    role: crate::domain::user::Role,
    organisation: Option<i64>,
) -> storage::Result<Vec<User>> {
    Ok(crate::storage::users::list(c, organisation)?
        .into_iter()
        .filter(|u| u.active && u.roles.contains(&role))
        .collect())
}

/// The set-password link `token`, valid for `lifetime` from now, to `person`, as
/// written inside the caller's transaction.
pub fn password_link_in(
    c: &Connection,
    person: &User,
    token: &str,
    lifetime: std::time::Duration,
) -> storage::Result<i64> {
    let lang = language_in(c, Some(person.id), None)?;
    let expires_at = storage::now_seconds() + lifetime.as_secs() as i64;
    write_in(
        c,
        &Outgoing {
            to: person.email.clone(),
            name: person.name.clone(),
            user_id: Some(person.id),
            lang,
            content: Content::PasswordLink {
                token: token.to_string(),
                expires_at,
            },
        },
    )
}

/// A person's choices about their messages: the language, and each optional kind their
/// roles bring, on or off.
#[derive(Debug, Clone, Serialize)]
pub struct Preferences {
    /// The language chosen for messages (none: the one they use).
    pub lang: Option<&'static str>,
    /// Each optional kind (its key) and whether they receive it.
    pub kinds: Vec<(&'static str, bool)>,
    /// The digest chosen (`daily`, `weekly`; none: no digest).
    pub digest: Option<&'static str>,
}

/// The signed-in person's message preferences.
pub async fn preferences(db: &Db, user: &User) -> Result<Preferences> {
    let (id, roles) = (user.id, user.roles.clone());
    Ok(db
        .read(move |c| {
            let off = outbox::optouts(c, id)?;
            Ok(Preferences {
                lang: outbox::language_of(c, id)?.map(Lang::code),
                kinds: mail::Kind::optional_for(&roles)
                    .into_iter()
                    .map(|k| (k.key(), !off.contains(&k)))
                    .collect(),
                digest: crate::storage::reminders::digest_of(c, id)?.map(mail::DigestPeriod::key),
            })
        })
        .await?)
}

/// A person's choices as their form gives them.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    /// The language for messages (none: the one they use).
    pub lang: Option<Lang>,
    /// The optional kinds they receive; the others of their roles are turned off.
    pub on: Vec<mail::Kind>,
    /// The digest (none: no digest).
    pub digest: Option<mail::DigestPeriod>,
}

/// Saves the person's language for messages, which optional kinds they receive and
/// their digest.
pub async fn save_preferences(
    db: &Db,
    user: &User,
    actor: audit::Actor,
    choices: Choices,
) -> Result<()> {
    let (id, roles) = (user.id, user.roles.clone());
    let Choices { lang, on, digest } = choices;
    db.write(move |tx| {
        outbox::set_language(tx, id, lang)?;
        crate::storage::reminders::set_digest(tx, id, digest, storage::now_seconds())?;
        for kind in mail::Kind::optional_for(&roles) {
            outbox::set_receives(tx, id, kind, on.contains(&kind))?;
        }
        let subject = format!("user:{id}");
        audit::record(tx, &actor, "preferences.save", Some(&subject), None)
    })
    .await?;
    Ok(())
}

/// What the one-click unsubscribe link with `token` stands for: the kind it turns off.
pub async fn unsubscribe_kind(db: &Db, token: &str) -> Result<mail::Kind> {
    let token = token.to_string();
    db.read(move |c| outbox::by_unsubscribe_token(c, &token))
        .await?
        .map(|(_, kind)| kind)
        .ok_or(Error::NotFound)
}

/// Turns off the kind of message whose unsubscribe link has `token`, for its receiver
/// (RFC 8058: no sign-in, one request); the kind turned off.
pub async fn unsubscribe(db: &Db, actor: audit::Actor, token: &str) -> Result<mail::Kind> {
    let token = token.to_string();
    db.write(move |tx| {
        let Some((user_id, kind)) = outbox::by_unsubscribe_token(tx, &token)? else {
            return Ok(None);
        };
        if kind == mail::Kind::Digest {
            crate::storage::reminders::set_digest(tx, user_id, None, storage::now_seconds())?;
        } else {
            outbox::set_receives(tx, user_id, kind, false)?;
        }
        let subject = format!("user:{user_id}");
        audit::record(
            tx,
            &actor,
            "preferences.unsubscribe",
            Some(&subject),
            Some(kind.key()),
        )?;
        Ok(Some(kind))
    })
    .await?
    .ok_or(Error::NotFound)
}
