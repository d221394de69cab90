//! Input (innspill) from anyone: checked, held for moderation, limited per address; and
//! its moderation by process leaders and editors.

use super::subject;
use super::{Error, Result};
use crate::domain::access::Subject;
use crate::domain::form::FieldErrors;
use crate::domain::input::{InputForm, InputStatus, PER_HOUR, redaction};
use crate::domain::programme::Programme;
use crate::domain::user::Role;
use crate::storage::users::User;
use crate::storage::{Db, audit, bank, inputs};

/// What became of sending input.
#[derive(Debug)]
pub enum Sent {
    /// Held for moderation.
    Stored(i64),
    /// A robot filled in the hidden field: it is thanked and nothing is stored.
    Ignored,
    /// Nothing stored: the errors at the form's fields.
    Refused(FieldErrors),
    /// Too much from this address in the last hour: nothing stored, ask to wait.
    TooMany,
}

/// Takes input from anyone at `address`.
pub async fn send(
    db: &Db,
    programme: &Programme,
    address: String,
    actor: audit::Actor,
    form: &InputForm,
) -> Result<Sent> {
    if form.is_robot() {
        return Ok(Sent::Ignored);
    }
    let phases: Vec<&str> = programme.phases.iter().map(|p| p.slug.as_str()).collect();
    let valid = match form.validate(&phases) {
        Ok(valid) => valid,
        Err(errors) => return Ok(Sent::Refused(errors)),
    };
    let stored = db
        .write(move |tx| {
            let id = inputs::insert(tx, &valid, &address, PER_HOUR)?;
            if let Some(id) = id {
                tell_moderators(tx, id, &valid.body)?;
                let subject = format!("input:{id}");
                audit::record(tx, &actor, "input.create", Some(&subject), None)?;
            }
            Ok(id)
        })
        .await?;
    Ok(stored.map_or(Sent::TooMany, Sent::Stored))
}

/// Moderating input: process leaders and editors.
pub fn can_moderate(subject: &Subject) -> bool {
    subject.can_lead_process() || subject.roles.contains(&Role::Editor)
}

/// A moderator's decision on one input.
#[derive(Debug, Clone)]
pub struct Moderation {
    pub status: InputStatus,
    /// The bank note the input became (then it is `linked`, whatever the status says).
    pub note: Option<i64>,
    /// Shown on the public input page (and on the note it is linked to).
    pub published: bool,
    /// The text to publish as the moderator left it: edited to leave out what should not
    /// be public, or the text as sent (or empty) to publish that.
    pub public_body: String,
}

/// What became of moderating input.
#[derive(Debug, PartialEq, Eq)]
pub enum Moderated {
    Done,
    /// The note named does not exist: nothing changed.
    UnknownNote,
    /// The version to publish is refused (too long): nothing changed.
    Refused(FieldErrors),
}

/// Records a moderator's decision on input `id`; each decision is logged.
pub async fn moderate(
    db: &Db,
    user: &User,
    actor: audit::Actor,
    id: i64,
    moderation: Moderation,
) -> Result<Moderated> {
    if !can_moderate(&subject(user)) {
        return Err(Error::Forbidden);
    }
    let Moderation {
        mut status,
        note,
        published,
        public_body,
    } = moderation;
    if let Some(n) = note {
        if db.read(move |c| bank::brief(c, n)).await?.is_none() {
            return Ok(Moderated::UnknownNote);
        }
        status = InputStatus::Linked;
    }
    let by = user.id;
    let outcome = db
        .write(move |tx| {
            let Some(input) = inputs::get(tx, id)? else {
                return Ok(None);
            };
            let version = match redaction(&input.body, &public_body) {
                Ok(version) => version,
                Err(errors) => return Ok(Some(Moderated::Refused(errors))),
            };
            inputs::moderate(tx, id, status, note, published, version.as_deref(), by)?;
            let subject = format!("input:{id}");
            audit::record(
                tx,
                &actor,
                "input.moderate",
                Some(&subject),
                Some(status.key()),
            )?;
            Ok(Some(Moderated::Done))
        })
        .await?;
    outcome.ok_or(Error::NotFound)
}

/// Tells those who moderate input (process leaders and editors) that input `id` came.
fn tell_moderators(
    tx: &rusqlite::Transaction<'_>,
    id: i64,
    body: &str,
) -> crate::storage::Result<()> {
    use crate::domain::user::Role;
    let mut people = super::outbox::people_with(tx, Role::ProcessLeader, None)?;
    for editor in super::outbox::people_with(tx, Role::Editor, None)? {
        if !people.iter().any(|p| p.id == editor.id) {
            people.push(editor);
        }
    }
    let people: Vec<_> = people
        .into_iter()
        .filter(|p| can_moderate(&super::subject(p)))
        .collect();
    let excerpt = crate::domain::mail::excerpt(body, 200);
    let content = crate::domain::mail::Content::InputReceived {
        input_id: id,
        excerpt,
    };
    super::outbox::to_people_in(tx, &people, &content)
}
