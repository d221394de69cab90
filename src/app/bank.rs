//! The bank of change notes: importing notes in bulk from a parsed file, editing a
//! note, linking two notes and merging one into another. No web types.

use super::{Error, Result, subject, transaction};
use crate::domain::access::Subject;
use crate::domain::bank::{
    ImportError, LinkKind, NoteForm, NoteStatus, NoteType, ValidNote, can_curate, can_edit_note,
    can_restore, can_see_note, check_merge, check_parent, check_retype, form_of_snapshot,
    status_before,
};
use crate::domain::form::FieldErrors;
use crate::domain::user::Role;
use crate::storage::audit::{self, Actor};
use crate::storage::bank::{self, Brief, Note};
use crate::storage::users::User;
use crate::storage::{Db, Edit};

/// Who may import notes: strategists and curators.
pub fn can_import(subject: &Subject) -> bool {
    subject.roles.contains(&Role::Strategist) || can_curate(subject)
}

/// What became of an import.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportOutcome {
    /// This many notes stored, as drafts of the importer's organisation.
    Imported(usize),
    /// Rows naming a parent that cannot be one: nothing was stored.
    Refused(Vec<ImportError>),
}

/// Stores parsed notes (each with its row in the file) as drafts of the importer's
/// organisation, all or none: parents are checked against the bank in the same
/// transaction that stores them.
pub async fn import(
    db: &Db,
    user: &User,
    actor: &Actor,
    notes: Vec<(u64, ValidNote)>,
) -> Result<ImportOutcome> {
    let subject = Subject {
        roles: &user.roles,
        organisation_id: user.organisation_id,
    };
    if !can_import(&subject) {
        return Err(Error::Forbidden);
    }
    let (org, author, actor) = (user.organisation_id, user.id, actor.clone());
    transaction::write(db, move |tx| {
        let mut errors = Vec::new();
        for (row, note) in &notes {
            let Some(parent_id) = note.parent else {
                continue;
            };
            let parent = bank::brief(tx, parent_id)?.map(|p| (p.note_type, p.status));
            if let Err(message) = check_parent(None, note.note_type, parent_id, parent) {
                let column = "parent".into();
                errors.push(ImportError {
                    row: *row,
                    column,
                    message,
                });
            }
        }
        if !errors.is_empty() {
            return Ok(ImportOutcome::Refused(errors));
        }
        for (_, note) in &notes {
            bank::insert(tx, note, NoteStatus::Draft, org, author)?;
        }
        let (target, count) = (format!("organisation:{org}"), notes.len().to_string());
        audit::record(tx, &actor, "note.import", Some(&target), Some(&count))?;
        Ok(ImportOutcome::Imported(notes.len()))
    })
    .await
}

/// What became of an edit of a note.
#[derive(Debug, Clone)]
pub enum NoteEdit {
    Saved,
    /// The parent named cannot be one: the error at its field; nothing was stored.
    Refused(FieldErrors),
    /// Someone saved a newer version first: here it is, and nothing was overwritten.
    Stale(Box<Note>),
}

/// Saves an edit of note `id` made from version `base`. A note the person may not see
/// is not found; one they may see but not write is forbidden. The parent, and on a
/// retype the notes standing under this one, are checked against the bank in the
/// transaction that stores the edit.
pub async fn update(
    db: &Db,
    user: &User,
    actor: &Actor,
    id: i64,
    base: i64,
    note: ValidNote,
) -> Result<NoteEdit> {
    let (user, actor) = (user.clone(), actor.clone());
    transaction::write(db, move |tx| {
        let (subject, by) = (subject(&user), user.id);
        let current = seen(tx, &subject, id)?;
        if !can_edit_note(&subject, current.status, current.organisation_id) {
            return Err(Error::Forbidden);
        }
        if let Some(parent_id) = note.parent {
            let parent = bank::brief(tx, parent_id)?.map(|p| (p.note_type, p.status));
            if let Err(message) = check_parent(Some(id), note.note_type, parent_id, parent) {
                return Ok(NoteEdit::Refused(FieldErrors::one("parent", message)));
            }
        }
        if note.note_type != current.note_type {
            let (children, _) = bank::related(tx, id)?;
            let under: Vec<NoteType> = children
                .iter()
                .filter(|c| c.status != NoteStatus::Merged)
                .map(|c| c.note_type)
                .collect();
            if let Err(message) = check_retype(note.note_type, &under) {
                return Ok(NoteEdit::Refused(FieldErrors::one("type", message)));
            }
        }
        match bank::update(tx, id, base, &note, by)? {
            Edit::Saved { .. } => {
                audit::record(tx, &actor, "note.update", Some(&format!("note:{id}")), None)?;
                Ok(NoteEdit::Saved)
            }
            Edit::Stale(newer) => Ok(NoteEdit::Stale(newer)),
            Edit::Missing => Err(Error::NotFound),
        }
    })
    .await
}

/// Note `id` as `subject` may see it (not found otherwise).
pub(super) fn seen(tx: &rusqlite::Connection, subject: &Subject, id: i64) -> Result<Note> {
    let note = bank::get(tx, id)?.ok_or(Error::NotFound)?;
    if can_see_note(
        Some(subject),
        note.status,
        note.organisation_id,
        note.public,
    ) {
        Ok(note)
    } else {
        Err(Error::NotFound)
    }
}

/// What became of linking two notes, or of merging one into another.
#[derive(Debug, Clone, PartialEq)]
pub enum NoteChange {
    Done,
    /// The other note cannot take part: the message for the field naming it.
    Refused(&'static str),
}

/// Links note `id` to note `to` with `kind`: who may write the note may link it, to a
/// note they may see that is neither merged nor archived.
pub async fn link(
    db: &Db,
    user: &User,
    actor: &Actor,
    id: i64,
    to: i64,
    kind: LinkKind,
) -> Result<NoteChange> {
    let (user, actor) = (user.clone(), actor.clone());
    transaction::write(db, move |tx| {
        let (subject, by) = (subject(&user), user.id);
        let note = seen(tx, &subject, id)?;
        if !can_edit_note(&subject, note.status, note.organisation_id) {
            return Err(Error::Forbidden);
        }
        let other = bank::brief(tx, to)?;
        let refusal = match other {
            None => Some("error-note-not-found"),
            Some(o) if !can_see_note(Some(&subject), o.status, o.organisation_id, o.public) => {
                Some("error-note-not-found")
            }
            Some(_) if to == id => Some("error-link-self"),
            Some(o) if matches!(o.status, NoteStatus::Merged | NoteStatus::Archived) => {
                Some("error-link-status")
            }
            Some(_) => None,
        };
        if let Some(message) = refusal {
            return Ok(NoteChange::Refused(message));
        }
        if bank::add_link(tx, id, to, kind, by)? {
            let detail = format!("{} note:{to}", kind.key());
            audit::record(
                tx,
                &actor,
                "note.link",
                Some(&format!("note:{id}")),
                Some(&detail),
            )?;
        }
        Ok(NoteChange::Done)
    })
    .await
}

/// Folds note `id` into note `into` (curators): its history and links stay, the other
/// note takes over its links, child notes and tags. Both are checked in the transaction
/// that merges, so two merges cannot cross.
pub async fn merge(db: &Db, user: &User, actor: &Actor, id: i64, into: i64) -> Result<NoteChange> {
    let (user, actor) = (user.clone(), actor.clone());
    transaction::write(db, move |tx| {
        let (subject, by) = (subject(&user), user.id);
        let note = seen(tx, &subject, id)?;
        if !can_curate(&subject) {
            return Err(Error::Forbidden);
        }
        let target = bank::brief(tx, into)?.map(|b| b.status);
        if let Err(message) = check_merge(id, note.status, into, target) {
            return Ok(NoteChange::Refused(message));
        }
        bank::merge(tx, id, into, by)?;
        let (from, to) = (format!("note:{id}"), format!("note:{into}"));
        audit::record(tx, &actor, "note.merge", Some(&from), Some(&to))?;
        Ok(NoteChange::Done)
    })
    .await
}

/// Whether note `id` may be merged into note `into` by this person, checked before the
/// editor confirms: the note it would go into, or the message for the field naming it.
/// Nothing is written; [`merge`] checks again when it is confirmed.
pub async fn merge_target(
    db: &Db,
    user: &User,
    id: i64,
    into: i64,
) -> Result<std::result::Result<Brief, &'static str>> {
    let user = user.clone();
    db.read(move |c| {
        let subject = subject(&user);
        let note = match seen(c, &subject, id) {
            Ok(note) => note,
            Err(e) => return Ok(Err(e)),
        };
        if !can_curate(&subject) {
            return Ok(Err(Error::Forbidden));
        }
        let target = bank::brief(c, into)?;
        let checked = check_merge(id, note.status, into, target.as_ref().map(|b| b.status));
        Ok(Ok(checked.and(target.ok_or("error-note-not-found"))))
    })
    .await?
}

/// Brings a merged or archived note back into use (curators): an archived note gets the
/// status it had before; a merged one too, and the note it went into gives back what it
/// took over (see [`bank::unmerge`]). The note's history keeps the merge or the
/// archiving and its undoing, and the audit log says who did both.
pub async fn restore(db: &Db, user: &User, actor: &Actor, id: i64) -> Result<NoteChange> {
    let (user, actor) = (user.clone(), actor.clone());
    transaction::write(db, move |tx| {
        let (subject, by) = (subject(&user), user.id);
        let note = seen(tx, &subject, id)?;
        if !can_curate(&subject) {
            return Err(Error::Forbidden);
        }
        if !can_restore(note.status) {
            return Ok(NoteChange::Refused("error-restore-status"));
        }
        let history = bank::revisions(tx, id)?;
        let before = status_before(history.iter().filter_map(|r| {
            r.note
                .as_ref()
                .and_then(|n| n.get("status"))
                .and_then(|s| s.as_str())
                .and_then(NoteStatus::parse)
        }));
        if note.status == NoteStatus::Archived {
            bank::set_status(tx, id, before, by)?;
        } else {
            let (merge, into, taken) = match bank::open_merge(tx, id)? {
                Some(found) => found,
                // A merge from before merges were recorded: the note comes back alone.
                None => (
                    0,
                    note.merged_into.unwrap_or(id),
                    bank::TakenOver::default(),
                ),
            };
            let status = NoteStatus::parse(&taken.status).unwrap_or(before);
            bank::unmerge(tx, merge, id, into, &taken, status, by)?;
        }
        let detail = note.status.key();
        audit::record(
            tx,
            &actor,
            "note.restore",
            Some(&format!("note:{id}")),
            Some(detail),
        )?;
        Ok(NoteChange::Done)
    })
    .await
}

/// Restores the text of revision `wanted` of note `id` (who may write the note), made
/// from version `base`: a new revision with that version's type, title, texts,
/// categories, band, scope, tags, phase and parent, checked as an edit is (the parent
/// against the bank as it is now). Status and visibility stay as they are. Answers the
/// outcome with the restored form, so a refusal can show it.
pub async fn restore_revision(
    db: &Db,
    user: &User,
    actor: &Actor,
    id: i64,
    wanted: i64,
    base: i64,
    phases: Vec<String>,
) -> Result<(NoteEdit, NoteForm)> {
    let (user, actor) = (user.clone(), actor.clone());
    transaction::write(db, move |tx| {
        let (subject, by) = (subject(&user), user.id);
        let current = seen(tx, &subject, id)?;
        if !can_edit_note(&subject, current.status, current.organisation_id) {
            return Err(Error::Forbidden);
        }
        let snapshot = bank::revisions(tx, id)?
            .into_iter()
            .find(|r| r.version == wanted)
            .and_then(|r| r.note)
            .ok_or(Error::NotFound)?;
        let form = form_of_snapshot(&snapshot, base);
        let phases: Vec<&str> = phases.iter().map(String::as_str).collect();
        let note = match form.validate(&phases) {
            Ok(note) => note,
            Err(errors) => return Ok((NoteEdit::Refused(errors), form)),
        };
        if let Some(parent_id) = note.parent {
            let parent = bank::brief(tx, parent_id)?.map(|p| (p.note_type, p.status));
            if let Err(message) = check_parent(Some(id), note.note_type, parent_id, parent) {
                return Ok((NoteEdit::Refused(FieldErrors::one("parent", message)), form));
            }
        }
        let outcome = match bank::update(tx, id, base, &note, by)? {
            Edit::Saved { .. } => {
                let (target, detail) = (format!("note:{id}"), wanted.to_string());
                audit::record(
                    tx,
                    &actor,
                    "note.restore-revision",
                    Some(&target),
                    Some(&detail),
                )?;
                NoteEdit::Saved
            }
            Edit::Stale(newer) => NoteEdit::Stale(newer),
            Edit::Missing => return Err(Error::NotFound),
        };
        Ok((outcome, form))
    })
    .await
}
