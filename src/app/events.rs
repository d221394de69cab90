//! Events: who may see one, what its page shows to whom, registering someone for it (the
//! seat decided in the write transaction) and cancelling a registration.

use std::collections::BTreeMap;

use chrono_tz::Tz;
use serde::Serialize;

use super::{Error, Result, subject};
use crate::domain::access::{Subject, can_see_event};
use crate::domain::event::{
    AgendaForm, Audience, EventForm, EventStatus, Question, QuestionForm, RegistrationStatus,
    StatusAction, VISITOR_WINDOW_SECONDS, ValidAgendaItem, ValidQuestion, capacity_cut_confirmed,
    check_answers, over_capacity, visitor_may_register,
};
use crate::domain::form::{self, FieldErrors};
use crate::domain::lang::Lang;
use crate::domain::mail::Content;
use crate::domain::programme::Programme;
use crate::domain::user::Email;
use crate::storage::events::{self, AgendaItem, Event, Minutes, Registered, Registrant};
use crate::storage::organisations::Organisation;
use crate::storage::users::{self, User};
use crate::storage::{Db, StorageError, audit, now_seconds, outbox};

/// Errors at the registration form's fields (`registration` for the form as a whole,
/// `qN` for question N), as catalogue keys.
pub type RegistrationErrors = BTreeMap<String, &'static str>;

/// The event if `viewer` may see it; otherwise [`Error::NotFound`], as for an event that
/// does not exist.
pub async fn visible(db: &Db, viewer: Option<&User>, id: i64) -> Result<Event> {
    let event = db
        .read(move |c| events::get(c, id))
        .await?
        .ok_or(Error::NotFound)?;
    let subject = viewer.map(subject);
    if can_see_event(
        subject.as_ref(),
        event.audience,
        event.status,
        event.organisation_id,
    ) {
        Ok(event)
    } else {
        Err(Error::NotFound)
    }
}

/// Whether `subject` may change the event: process leaders any, a strategist their own
/// organisation's proposal while it waits.
pub fn may_edit(subject: &Subject, event: &Event) -> bool {
    subject.can_schedule_events()
        || (event.status == EventStatus::Proposed
            && event.organisation_id == Some(subject.organisation_id)
            && subject.can_propose_event())
}

/// What the event page shows of an event, as its viewer may see it.
#[derive(Serialize)]
pub struct EventPage {
    pub event: Event,
    pub agenda: Vec<AgendaItem>,
    pub questions: Vec<Question>,
    /// Every registration for a process leader; the live ones of the viewer's own
    /// organisation for other members; none for visitors.
    pub registrations: Vec<events::Registration>,
    /// The final minutes, or the latest draft for those who write them.
    pub minutes: Option<Minutes>,
    pub minutes_revisions: usize,
    /// The viewer's organisation's people, to register one of them.
    pub members: Vec<User>,
    /// Every organisation, for a process leader registering someone of any of them.
    pub organisations: Vec<Organisation>,
    /// The viewer's own live registration.
    pub mine: Option<events::Registration>,
    /// The viewer's place in the waiting list (1 is next), if they wait.
    pub queue_position: Option<usize>,
    pub registration_open: bool,
    /// Registration has a window that has not opened yet (its time is the event's).
    pub opens_later: bool,
    pub before_deadline: bool,
    pub is_past: bool,
    pub leader: bool,
    pub can_edit: bool,
    pub can_minutes: bool,
    pub can_register_others: bool,
    /// The online link is for process leaders and those with a seat.
    pub online_link_visible: bool,
}

/// Gathers the event page for `viewer` in one read.
pub async fn page(db: &Db, viewer: Option<&User>, event: Event) -> Result<EventPage> {
    let id = event.id;
    let subject = viewer.map(subject);
    let leader = subject.is_some_and(|s| s.can_schedule_events());
    let can_minutes = subject.is_some_and(|s| s.can_write_minutes());
    let who = viewer.map(|v| (v.id, v.email.clone(), v.organisation_id));
    let (agenda, questions, registrations, minutes, members, organisations, mine, queue_position) =
        db.read(move |c| {
            let (mut mine, mut queue_position) = (None, None);
            let (mut registrations, mut members) = (Vec::new(), Vec::new());
            if let Some((user_id, email, organisation_id)) = &who {
                mine = events::registrations_of(c, *user_id, email)?
                    .into_iter()
                    .find(|(r, _)| r.event_id == id)
                    .map(|(r, _)| r);
                registrations = events::registrations(c, id)?;
                queue_position = mine
                    .as_ref()
                    .and_then(|m: &events::Registration| queue_position_of(&registrations, m.id));
                if !leader {
                    registrations.retain(|r| {
                        r.organisation_id == Some(*organisation_id)
                            && r.status != RegistrationStatus::Cancelled
                    });
                }
                members = users::list(c, Some(*organisation_id))?;
                members.retain(|m| m.active);
            }
            let organisations = if leader {
                crate::storage::organisations::all(c)?
            } else {
                Vec::new()
            };
            let (agenda, questions) = (events::agenda(c, id)?, events::questions(c, id)?);
            let minutes = events::minutes(c, id)?;
            Ok((
                agenda,
                questions,
                registrations,
                minutes,
                members,
                organisations,
                mine,
                queue_position,
            ))
        })
        .await?;
    let now = db.clock().now_seconds();
    Ok(EventPage {
        registration_open: event.registration_open(now),
        opens_later: event.registration_opens.is_some_and(|o| now < o),
        before_deadline: now < event.registration_closes.unwrap_or(event.starts_at),
        is_past: event.ends_at < now,
        can_edit: subject.is_some_and(|s| may_edit(&s, &event)),
        can_register_others: subject.is_some_and(|s| s.can_register_for(s.organisation_id)),
        online_link_visible: leader
            || (event.status != EventStatus::Cancelled
                && mine
                    .as_ref()
                    .is_some_and(|r| r.status == RegistrationStatus::Confirmed)),
        minutes_revisions: if can_minutes { minutes.len() } else { 0 },
        minutes: minutes.into_iter().find(|m| m.is_final || can_minutes),
        event,
        agenda,
        questions,
        registrations,
        members,
        organisations,
        mine,
        queue_position,
        leader,
        can_minutes,
    })
}

/// Where a registration stands in the waiting list (1 is next), in the order people move
/// up: by arrival, passing over people whose accounts are deactivated.
fn queue_position_of(registrations: &[events::Registration], id: i64) -> Option<usize> {
    registrations
        .iter()
        .filter(|r| r.status == RegistrationStatus::Waiting && !r.deactivated)
        .position(|r| r.id == id)
        .map(|p| p + 1)
}

/// Whom a registration is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// The signed-in person (or, for a visitor, the person named on the form).
    Myself,
    /// Someone named on the form, without an account.
    Someone,
    /// A member of the workspace, by account.
    Member(i64),
}

impl Who {
    /// The form's `person` field: empty or `self`, `other`, or an account number.
    pub fn parse(value: &str) -> Option<Who> {
        match value.trim() {
            "" | "self" => Some(Who::Myself),
            "other" => Some(Who::Someone),
            id => id.parse().ok().map(Who::Member),
        }
    }
}

/// A registration as the form sends it.
#[derive(Debug, Clone)]
pub struct RegistrationRequest {
    pub who: Who,
    /// For someone without an account (and visitors).
    pub name: String,
    pub email: String,
    /// The organisation a process leader registers someone for (others: their own).
    pub organisation_id: Option<i64>,
    /// The answers to the event's questions: (question id, the values given).
    pub answers: Vec<(i64, Vec<String>)>,
    /// A field hidden from people; only robots fill it in.
    pub honeypot: String,
    /// The language the form was filled in, which messages about the registration use
    /// unless the registrant chose another.
    pub lang: Option<Lang>,
}

/// What became of a registration.
#[derive(Debug)]
pub enum Registration {
    /// A seat.
    Confirmed(i64),
    /// A place on the waiting list, in order.
    Waiting(i64),
    /// Nothing stored: what to put right, with the event as it is now.
    Refused {
        event: Box<Event>,
        errors: RegistrationErrors,
    },
    /// Visitors may register only for events open to all: sign in first.
    SignInRequired,
    /// A visitor's registration, answered alike whether it took a seat, waits, was there
    /// already or was a robot's, so the answer tells nobody who is registered.
    Received,
}

/// Registers the signed-in person, a person of a strategist's own organisation (a
/// member, or someone without an account), anyone for a process leader, or, for events
/// open to all, a visitor by name and e-mail. Capacity and the per-organisation cap are
/// decided in the write transaction; a full event puts people on the waiting list.
pub async fn register(
    db: &Db,
    viewer: Option<&User>,
    actor: audit::Actor,
    event_id: i64,
    request: RegistrationRequest,
) -> Result<Registration> {
    let event = visible(db, viewer, event_id).await?;
    let leader = viewer.is_some_and(|v| subject(v).can_schedule_events());
    let mut errors = RegistrationErrors::new();
    if event.status == EventStatus::Cancelled {
        errors.insert("registration".into(), "error-event-cancelled");
    } else if !leader && !event.registration_open(db.clock().now_seconds()) {
        errors.insert("registration".into(), "error-registration-closed");
    }
    let person = match viewer {
        Some(viewer) => registrant(db, viewer, &request, &mut errors).await?,
        None if event.audience == Audience::Public => {
            named_person(&request.name, &request.email, None, &mut errors)
        }
        None => return Ok(Registration::SignInRequired),
    };
    if viewer.is_none() && !request.honeypot.trim().is_empty() {
        return Ok(Registration::Received);
    }
    let questions = db.read(move |c| events::questions(c, event_id)).await?;
    let answers = check_answers(&questions, &request.answers).unwrap_or_else(|problems| {
        for (question, message) in problems {
            errors.insert(format!("q{question}"), message);
        }
        Vec::new()
    });
    let person = match person {
        Some(person) if errors.is_empty() => person,
        _ => return Ok(refused(event, errors)),
    };
    let by = viewer.map(|v| v.id);
    let visitor = viewer.is_none();
    let request_lang = request.lang;
    let visitor_address = viewer.is_none().then(|| actor.address.clone()).flatten();
    let stored = db
        .write(move |tx| {
            if let Some(address) = &visitor_address {
                let since = now_seconds() - VISITOR_WINDOW_SECONDS;
                let sent = events::visitor_registrations_from(tx, address, since)?;
                if !visitor_may_register(sent) {
                    return Ok(None);
                }
            }
            if visitor {
                ask_to_confirm(tx, event_id, &person, &answers, request_lang)?;
                let subject = format!("event:{event_id}");
                audit::record(tx, &actor, "registration.request", Some(&subject), None)?;
                // Answered below as every visitor's registration is.
                return Ok(Some(Registered::AlreadyRegistered));
            }
            let outcome = events::register(tx, event_id, &person, &answers, by, !leader)?;
            if by.is_some() {
                tell_registrant(tx, event_id, &person, outcome, request_lang)?;
            }
            // The outcome only: the audit log keeps no personal data.
            let detail = format!("{outcome:?}");
            let subject = format!("event:{event_id}");
            audit::record(
                tx,
                &actor,
                "registration.create",
                Some(&subject),
                Some(&detail),
            )?;
            Ok(Some(outcome))
        })
        .await;
    let message = match stored {
        Ok(None) => "error-too-many-registrations",
        Ok(Some(
            Registered::Confirmed(_) | Registered::Waiting(_) | Registered::AlreadyRegistered,
        )) if visitor => {
            return Ok(Registration::Received);
        }
        Err(e) if visitor && e.is_unique_violation() => return Ok(Registration::Received),
        Ok(Some(Registered::Confirmed(id))) => return Ok(Registration::Confirmed(id)),
        Ok(Some(Registered::Waiting(id))) => return Ok(Registration::Waiting(id)),
        Ok(Some(Registered::OverOrganisationCap)) => "error-organisation-cap",
        Ok(Some(Registered::AlreadyRegistered)) => "error-already-registered",
        Err(e) if e.is_unique_violation() => "error-already-registered",
        Err(e) => return Err(e.into()),
        // The event changed meanwhile: show it as it is now.
        Ok(Some(closed @ (Registered::NotOpen | Registered::Closed))) => {
            let message = if closed == Registered::NotOpen {
                "error-event-cancelled"
            } else {
                "error-registration-closed"
            };
            errors.insert("registration".into(), message);
            let event = visible(db, viewer, event_id).await?;
            return Ok(refused(event, errors));
        }
    };
    errors.insert("registration".into(), message);
    Ok(refused(event, errors))
}

fn refused(event: Event, errors: RegistrationErrors) -> Registration {
    Registration::Refused {
        event: Box::new(event),
        errors,
    }
}

/// Whom a signed-in person registers, if they may; [`Error::Forbidden`] for someone of
/// an organisation they may not register for.
async fn registrant(
    db: &Db,
    viewer: &User,
    request: &RegistrationRequest,
    errors: &mut RegistrationErrors,
) -> Result<Option<Registrant>> {
    let subject = subject(viewer);
    let leader = subject.can_schedule_events();
    match request.who {
        Who::Myself => Ok(Some(Registrant {
            user_id: Some(viewer.id),
            name: viewer.name.clone(),
            email: viewer.email.clone(),
            organisation_id: Some(viewer.organisation_id),
        })),
        Who::Someone => {
            let organisation_id = match request.organisation_id {
                Some(id) if leader => id,
                _ => viewer.organisation_id,
            };
            if !(leader || subject.can_register_for(organisation_id)) {
                return Err(Error::Forbidden);
            }
            Ok(named_person(
                request.name.trim(),
                request.email.trim(),
                Some(organisation_id),
                errors,
            ))
        }
        Who::Member(member_id) => {
            let member = db
                .read(move |c| users::get(c, member_id))
                .await?
                .ok_or(Error::Forbidden)?;
            let own = member.organisation_id == viewer.organisation_id;
            if !subject.can_register_for(member.organisation_id) || (!leader && !own) {
                return Err(Error::Forbidden);
            }
            if !member.active {
                errors.insert("registration".into(), "error-person-deactivated");
                return Ok(None);
            }
            Ok(Some(Registrant {
                user_id: Some(member.id),
                name: member.name,
                email: member.email,
                organisation_id: Some(member.organisation_id),
            }))
        }
    }
}

/// Someone by name and e-mail, or the errors at those fields.
fn named_person(
    name: &str,
    email: &str,
    organisation_id: Option<i64>,
    errors: &mut RegistrationErrors,
) -> Option<Registrant> {
    let (name, email) = (name.trim(), email.trim());
    if name.is_empty() {
        errors.insert("name".into(), "error-required");
    } else if name.chars().count() > 200 {
        errors.insert("name".into(), "error-too-long");
    }
    let parsed = Email::parse(email);
    if email.is_empty() {
        errors.insert("email".into(), "error-required");
    } else if parsed.is_none() {
        errors.insert("email".into(), "error-email");
    }
    let email = parsed?;
    (!name.is_empty()).then(|| Registrant {
        user_id: None,
        name: name.to_string(),
        email: email.as_str().to_string(),
        organisation_id,
    })
}

/// What became of cancelling a registration.
#[derive(Debug)]
pub enum Cancellation {
    /// Cancelled (or already cancelled); the first in line moved up.
    Cancelled { event_id: i64 },
    /// Past the deadline only a process leader may cancel: the event as it is.
    AfterDeadline(Box<Event>),
}

/// Cancels a registration: the person themself or a strategist of their organisation
/// until the deadline, a process leader at any time. The first in line moves up.
pub async fn cancel_registration(
    db: &Db,
    user: &User,
    actor: audit::Actor,
    registration_id: i64,
) -> Result<Cancellation> {
    let subject = subject(user);
    let registration = db
        .read(move |c| events::registration(c, registration_id))
        .await?
        .ok_or(Error::NotFound)?;
    let event = visible(db, Some(user), registration.event_id).await?;
    let own = registration.user_id == Some(user.id) || registration.email == user.email;
    let same_org = registration
        .organisation_id
        .is_some_and(|o| subject.can_register_for(o));
    let leader = subject.can_schedule_events();
    if !(own || same_org || leader) {
        return Err(Error::Forbidden);
    }
    let deadline = event.registration_closes.unwrap_or(event.starts_at);
    if !leader && db.clock().now_seconds() >= deadline {
        return Ok(Cancellation::AfterDeadline(Box::new(event)));
    }
    let event_id = event.id;
    db.write(move |tx| {
        let subject = format!("event:{event_id}");
        let promoted = events::cancel(tx, registration_id)?;
        let detail = registration_id.to_string();
        audit::record(
            tx,
            &actor,
            "registration.cancel",
            Some(&subject),
            Some(&detail),
        )?;
        for promoted in promoted {
            tell_promoted(tx, promoted)?;
            let detail = promoted.to_string();
            audit::record(
                tx,
                &actor,
                "registration.promote",
                Some(&subject),
                Some(&detail),
            )?;
        }
        Ok::<_, StorageError>(())
    })
    .await?;
    Ok(Cancellation::Cancelled { event_id })
}

/// Writes the registrant of a new registration whether they have a seat or wait, with
/// the event as a calendar invitation, in the registration's transaction.
pub(crate) fn tell_registrant(
    tx: &rusqlite::Transaction<'_>,
    event_id: i64,
    person: &Registrant,
    outcome: Registered,
    lang: Option<Lang>,
) -> crate::storage::Result<()> {
    let (id, seated) = match outcome {
        Registered::Confirmed(id) => (id, true),
        Registered::Waiting(id) => (id, false),
        _ => return Ok(()),
    };
    let Some(event) = events::get(tx, event_id)? else {
        return Ok(());
    };
    if let Some(lang) = lang {
        outbox::set_registration_language(tx, id, lang)?;
    }
    let event = super::outbox::event_facts(&event);
    let content = if seated {
        Content::RegistrationConfirmed { event }
    } else {
        Content::RegistrationWaiting { event }
    };
    super::outbox::to_registrant_in(tx, id, person.user_id, &person.name, &person.email, content)?;
    Ok(())
}

/// Keeps a visitor's registration waiting and mails them the link that confirms it.
fn ask_to_confirm(
    tx: &rusqlite::Transaction<'_>,
    event_id: i64,
    person: &Registrant,
    answers: &[(i64, String)],
    lang: Option<Lang>,
) -> crate::storage::Result<()> {
    let Some(event) = events::get(tx, event_id)? else {
        return Ok(());
    };
    let token = crate::domain::credentials::new_token();
    let digest = crate::domain::credentials::token_digest(&token);
    let expires_at = now_seconds() + crate::domain::event::CONFIRM_LINK_SECONDS;
    events::insert_pending(tx, event_id, person, answers, lang, &digest, expires_at)?;
    super::outbox::write_in(
        tx,
        &crate::domain::mail::Outgoing {
            to: person.email.clone(),
            name: person.name.clone(),
            user_id: None,
            lang,
            content: Content::ConfirmRegistration {
                token,
                event: super::outbox::event_facts(&event),
                expires_at,
            },
        },
    )?;
    Ok(())
}

/// A visitor's registration waiting for its confirmation, with its event.
#[derive(Debug)]
pub struct PendingRegistration {
    pub event: Event,
    pub name: String,
}

/// The registration the confirmation link with `token` stands for, unless it was used
/// or expired.
pub async fn pending(db: &Db, token: &str) -> Result<PendingRegistration> {
    let digest = crate::domain::credentials::token_digest(token);
    db.read(move |c| {
        let Some(pending) = events::pending(c, &digest)? else {
            return Ok(None);
        };
        Ok(
            events::get(c, pending.event_id)?.map(|event| PendingRegistration {
                event,
                name: pending.name,
            }),
        )
    })
    .await?
    .ok_or(Error::NotFound)
}

/// What became of confirming a visitor's registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmation {
    /// Registered with a seat or on the waiting list (mailed, as for anyone else, with
    /// the event as an invitation), or there already; the event's id.
    Confirmed {
        event_id: i64,
    },
    Waiting {
        event_id: i64,
    },
    Already {
        event_id: i64,
    },
    /// The event was cancelled or its registration closed meanwhile.
    Closed {
        event_id: i64,
    },
}

/// Confirms the visitor's registration of the link with `token`: only now is it a
/// registration, decided like any other in the write transaction. The link works once.
pub async fn confirm_visitor(db: &Db, actor: audit::Actor, token: &str) -> Result<Confirmation> {
    let digest = crate::domain::credentials::token_digest(token);
    let done = db
        .write(move |tx| {
            let Some(pending) = events::pending(tx, &digest)? else {
                return Ok(None);
            };
            events::delete_pending(tx, pending.id)?;
            let person = Registrant {
                user_id: None,
                name: pending.name.clone(),
                email: pending.email.clone(),
                organisation_id: None,
            };
            let event_id = pending.event_id;
            let outcome = events::register(tx, event_id, &person, &pending.answers, None, true)?;
            tell_registrant(tx, event_id, &person, outcome, pending.lang)?;
            let subject = format!("event:{event_id}");
            let detail = format!("{outcome:?}");
            audit::record(
                tx,
                &actor,
                "registration.confirm",
                Some(&subject),
                Some(&detail),
            )?;
            Ok(Some(match outcome {
                Registered::Confirmed(_) => Confirmation::Confirmed { event_id },
                Registered::Waiting(_) => Confirmation::Waiting { event_id },
                Registered::AlreadyRegistered => Confirmation::Already { event_id },
                _ => Confirmation::Closed { event_id },
            }))
        })
        .await;
    match done {
        Ok(Some(confirmation)) => Ok(confirmation),
        Ok(None) => Err(Error::NotFound),
        Err(e) => Err(e.into()),
    }
}

/// Writes a registrant moved up from the waiting list that they have a seat.
fn tell_promoted(
    tx: &rusqlite::Transaction<'_>,
    registration_id: i64,
) -> crate::storage::Result<()> {
    let Some(registration) = events::registration(tx, registration_id)? else {
        return Ok(());
    };
    let Some(event) = events::get(tx, registration.event_id)? else {
        return Ok(());
    };
    let content = Content::Promoted {
        event: super::outbox::event_facts(&event),
    };
    super::outbox::to_registrant_in(
        tx,
        registration.id,
        registration.user_id,
        &registration.name,
        &registration.email,
        content,
    )?;
    Ok(())
}

/// Tells those registered for event `id` (seated or waiting) what changed, if it is
/// worth telling (`domain::mail::worth_telling`) against the event as it stood
/// (`before`): a cancelled event is withdrawn, a changed one comes with its updated
/// invitation. Those just `promoted` to a seat hear of that instead.
fn tell_of_change(
    tx: &rusqlite::Transaction<'_>,
    id: i64,
    before: Option<&crate::domain::mail::EventFacts>,
    note_given: bool,
    promoted: &[i64],
) -> crate::storage::Result<()> {
    for registration in promoted {
        tell_promoted(tx, *registration)?;
    }
    let (Some(before), Some(event)) = (before, events::get(tx, id)?) else {
        return Ok(());
    };
    let after = super::outbox::event_facts(&event);
    if !crate::domain::mail::worth_telling(before, &after, note_given) {
        return Ok(());
    }
    for r in events::registrations(tx, id)? {
        if promoted.contains(&r.id) {
            continue;
        }
        let event = after.clone();
        let content = match r.status {
            RegistrationStatus::Cancelled => continue,
            _ if after.cancelled => Content::EventCancelled { event },
            status => Content::EventChanged {
                event,
                seated: status == RegistrationStatus::Confirmed,
            },
        };
        super::outbox::to_registrant_in(tx, r.id, r.user_id, &r.name, &r.email, content)?;
    }
    Ok(())
}

/// What became of saving an event or a part of it.
#[derive(Debug)]
pub enum Saved {
    /// Stored; the event's id.
    Saved(i64),
    /// Nothing stored: the errors at the form's fields.
    Refused(FieldErrors),
    /// Nothing stored: the capacity is cut below the seats taken, and these people
    /// (the last to get a seat) would go back to the waiting list. Saved once the form
    /// confirms the new capacity.
    CapacityCut(Vec<events::Registration>),
}

fn phase_slugs(programme: &Programme) -> Vec<&str> {
    programme.phases.iter().map(|p| p.slug.as_str()).collect()
}

/// Schedules an event: a process leader's is published at once; a strategist's is a
/// proposal of their organisation, waiting for a process leader's approval.
pub async fn create(
    db: &Db,
    programme: &Programme,
    user: &User,
    actor: audit::Actor,
    form: &EventForm,
) -> Result<Saved> {
    let subject = subject(user);
    if !subject.can_propose_event() {
        return Err(Error::Forbidden);
    }
    let valid = match form.validate(programme.time_zone, &phase_slugs(programme)) {
        Ok(valid) => valid,
        Err(errors) => return Ok(Saved::Refused(errors)),
    };
    let (status, organisation) = if subject.can_schedule_events() {
        (EventStatus::Published, None)
    } else {
        (EventStatus::Proposed, Some(user.organisation_id))
    };
    let user_id = user.id;
    let id = db
        .write(move |tx| {
            let id = events::insert(tx, &valid, status, organisation, Some(user_id))?;
            let subject = format!("event:{id}");
            let detail = status.key();
            audit::record(tx, &actor, "event.create", Some(&subject), Some(detail))?;
            Ok(id)
        })
        .await?;
    Ok(Saved::Saved(id))
}

/// The event, if `user` may change it: [`Error::Forbidden`] otherwise (or
/// [`Error::NotFound`] if they may not even see it).
pub async fn editable(db: &Db, user: &User, id: i64) -> Result<Event> {
    let event = visible(db, Some(user), id).await?;
    if may_edit(&subject(user), &event) {
        Ok(event)
    } else {
        Err(Error::Forbidden)
    }
}

/// Saves an event's details; a change note tells those registered what changed. A cut
/// in capacity below the seats taken is saved only once confirmed; then the last to get
/// a seat go back to the waiting list, first in line (decided in the write transaction).
pub async fn update(
    db: &Db,
    programme: &Programme,
    user: &User,
    actor: audit::Actor,
    id: i64,
    form: &EventForm,
) -> Result<Saved> {
    editable(db, user, id).await?;
    let valid = match form.validate(programme.time_zone, &phase_slugs(programme)) {
        Ok(valid) => valid,
        Err(errors) => return Ok(Saved::Refused(errors)),
    };
    let confirmed_cut = capacity_cut_confirmed(form, valid.capacity);
    let unseated = db
        .write(move |tx| {
            let seated: Vec<events::Registration> = events::registrations(tx, id)?
                .into_iter()
                .filter(|r| r.status == RegistrationStatus::Confirmed)
                .collect();
            let ids: Vec<i64> = seated.iter().map(|r| r.id).collect();
            let over = over_capacity(valid.capacity, &ids).to_vec();
            if !over.is_empty() && !confirmed_cut {
                return Ok(seated
                    .into_iter()
                    .filter(|r| over.contains(&r.id))
                    .collect());
            }
            let before = events::get(tx, id)?.map(|e| super::outbox::event_facts(&e));
            let promoted = events::update(tx, id, &valid)?;
            events::move_to_waiting(tx, &over)?;
            let note_given = valid.change_note.is_some();
            tell_of_change(tx, id, before.as_ref(), note_given, &promoted)?;
            let (subject, note) = (format!("event:{id}"), valid.change_note.as_deref());
            audit::record(tx, &actor, "event.update", Some(&subject), note)?;
            for unseated in over {
                let detail = unseated.to_string();
                audit::record(
                    tx,
                    &actor,
                    "registration.unseat",
                    Some(&subject),
                    Some(&detail),
                )?;
            }
            Ok(Vec::new())
        })
        .await?;
    Ok(if unseated.is_empty() {
        Saved::Saved(id)
    } else {
        Saved::CapacityCut(unseated)
    })
}

/// What became of changing an event's status.
#[derive(Debug)]
pub enum StatusChange {
    Changed,
    /// The change does not apply to the event as it is (shown as it is).
    Refused(Box<Event>),
}

/// Approves, rejects, cancels or reinstates an event, with a note (process leaders).
/// Registrations are kept as they are while an event is cancelled, so reinstating it
/// gives everyone back the seat or place in line they had.
pub async fn change_status(
    db: &Db,
    user: &User,
    actor: audit::Actor,
    id: i64,
    action: StatusAction,
    note: &str,
) -> Result<StatusChange> {
    let event = visible(db, Some(user), id).await?;
    if !subject(user).can_schedule_events() {
        return Err(Error::Forbidden);
    }
    let note = form::optional(note).map(|n| n.chars().take(2000).collect::<String>());
    let changed = db
        .write(move |tx| {
            let before = events::get(tx, id)?.map(|e| super::outbox::event_facts(&e));
            let changed = events::set_status(tx, id, action, note.as_deref())?;
            if changed {
                tell_of_change(tx, id, before.as_ref(), note.is_some(), &[])?;
                let subject = format!("event:{id}");
                let what = action.audit_action();
                audit::record(tx, &actor, what, Some(&subject), note.as_deref())?;
            }
            Ok(changed)
        })
        .await?;
    Ok(if changed {
        StatusChange::Changed
    } else {
        StatusChange::Refused(Box::new(event))
    })
}

/// What became of saving the minutes.
#[derive(Debug)]
pub enum MinutesSaved {
    /// Stored as this revision; every revision is kept.
    Saved(i64),
    /// Empty or too long: nothing stored.
    Refused(Box<Event>),
}

/// Saves a new revision of an event's minutes, final or a draft.
pub async fn save_minutes(
    db: &Db,
    user: &User,
    actor: audit::Actor,
    id: i64,
    body: &str,
    is_final: bool,
) -> Result<MinutesSaved> {
    let event = visible(db, Some(user), id).await?;
    if !subject(user).can_write_minutes() {
        return Err(Error::Forbidden);
    }
    let body = body.trim().to_string();
    if body.is_empty() || body.chars().count() > 200_000 {
        return Ok(MinutesSaved::Refused(Box::new(event)));
    }
    let user_id = user.id;
    let revision = db
        .write(move |tx| {
            let revision = events::save_minutes(tx, id, &body, is_final, user_id)?;
            let (subject, detail) = (format!("event:{id}"), format!("revision {revision}"));
            audit::record(tx, &actor, "event.minutes", Some(&subject), Some(&detail))?;
            Ok(revision)
        })
        .await?;
    Ok(MinutesSaved::Saved(revision))
}

/// Whether attendance may be marked: from the event's start, never before, so nobody is
/// counted as present at something that has not happened.
pub fn attendance_open(event: &Event, now: i64) -> bool {
    now >= event.starts_at
}

/// Marks who came among those with a seat (process leaders, from the event's start).
/// Before the start nothing is stored and the answer is `false`.
pub async fn record_attendance(
    db: &Db,
    user: &User,
    actor: audit::Actor,
    id: i64,
    attended: Vec<i64>,
) -> Result<bool> {
    let event = visible(db, Some(user), id).await?;
    if !subject(user).can_schedule_events() {
        return Err(Error::Forbidden);
    }
    if !attendance_open(&event, db.clock().now_seconds()) {
        return Ok(false);
    }
    db.write(move |tx| {
        for registration in events::registrations(tx, id)? {
            if registration.status == RegistrationStatus::Confirmed {
                let came = attended.contains(&registration.id);
                events::set_attended(tx, id, registration.id, Some(came))?;
            }
        }
        let (subject, detail) = (format!("event:{id}"), format!("{} present", attended.len()));
        audit::record(
            tx,
            &actor,
            "event.attendance",
            Some(&subject),
            Some(&detail),
        )
    })
    .await?;
    Ok(true)
}

/// A change to an event's programme: its timed agenda or the questions to registrants.
#[derive(Debug, Clone, Copy)]
pub enum PartChange<'a> {
    AddAgendaItem(&'a AgendaForm),
    DeleteAgendaItem(i64),
    AddQuestion(&'a QuestionForm),
    DeleteQuestion(i64),
}

/// What became of a change to an event's agenda or questions.
#[derive(Debug)]
pub enum PartChanged {
    Changed,
    /// Nothing stored: the event as it is, and the errors at the form's fields.
    Refused {
        event: Box<Event>,
        errors: FieldErrors,
    },
}

/// Adds or deletes an agenda item (which must lie within the event) or a question,
/// for those who may change the event; each change is logged. Deleting what is not
/// there is [`Error::NotFound`].
pub async fn change_part(
    db: &Db,
    tz: Tz,
    user: &User,
    actor: audit::Actor,
    id: i64,
    change: PartChange<'_>,
) -> Result<PartChanged> {
    let event = editable(db, user, id).await?;
    let refused = |errors| PartChanged::Refused {
        event: Box::new(event.clone()),
        errors,
    };
    let apply = match change {
        PartChange::AddAgendaItem(form) => {
            match form.validate(tz, (event.starts(), event.ends())) {
                Ok(item) => Apply::AddAgendaItem(item),
                Err(errors) => return Ok(refused(errors)),
            }
        }
        PartChange::AddQuestion(form) => match form.validate() {
            Ok(question) => Apply::AddQuestion(question),
            Err(errors) => return Ok(refused(errors)),
        },
        PartChange::DeleteAgendaItem(item) => Apply::DeleteAgendaItem(item),
        PartChange::DeleteQuestion(question) => Apply::DeleteQuestion(question),
    };
    let changed = db
        .write(move |tx| {
            let (changed, action, detail) = match apply {
                Apply::AddAgendaItem(item) => {
                    events::add_agenda_item(tx, id, &item)?;
                    (true, "event.agenda.add", item.title)
                }
                Apply::AddQuestion(question) => {
                    events::add_question(tx, id, &question)?;
                    (true, "event.question.add", question.label)
                }
                Apply::DeleteAgendaItem(item) => {
                    let deleted = events::delete_agenda_item(tx, id, item)?;
                    (deleted, "event.agenda.delete", item.to_string())
                }
                Apply::DeleteQuestion(question) => {
                    let deleted = events::delete_question(tx, id, question)?;
                    (deleted, "event.question.delete", question.to_string())
                }
            };
            if changed {
                let subject = format!("event:{id}");
                audit::record(tx, &actor, action, Some(&subject), Some(&detail))?;
            }
            Ok(changed)
        })
        .await?;
    if changed {
        Ok(PartChanged::Changed)
    } else {
        Err(Error::NotFound)
    }
}

/// A checked change, applied in the write transaction.
enum Apply {
    AddAgendaItem(ValidAgendaItem),
    AddQuestion(ValidQuestion),
    DeleteAgendaItem(i64),
    DeleteQuestion(i64),
}
