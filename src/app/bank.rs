//! The bank of change notes: importing notes in bulk from a parsed file, and editing a
//! note. No web types.

use super::{Error, Result, transaction};
use crate::domain::access::Subject;
use crate::domain::bank::{
    ImportError, NoteStatus, ValidNote, can_curate, can_edit_note, can_see_note, check_parent,
};
use crate::domain::form::FieldErrors;
use crate::domain::user::Role;
use crate::storage::audit::{self, Actor};
use crate::storage::bank::{self, Note};
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
/// is not found; one they may see but not write is forbidden. The parent is checked
/// against the bank in the transaction that stores the edit.
pub async fn update(
    db: &Db,
    user: &User,
    actor: &Actor,
    id: i64,
    base: i64,
    note: ValidNote,
) -> Result<NoteEdit> {
    let (roles, org, by, actor) = (
        user.roles.clone(),
        user.organisation_id,
        user.id,
        actor.clone(),
    );
    transaction::write(db, move |tx| {
        let subject = Subject {
            roles: &roles,
            organisation_id: org,
        };
        let current = bank::get(tx, id)?.ok_or(Error::NotFound)?;
        if !can_see_note(
            Some(&subject),
            current.status,
            current.organisation_id,
            current.public,
        ) {
            return Err(Error::NotFound);
        }
        if !can_edit_note(&subject, current.status, current.organisation_id) {
            return Err(Error::Forbidden);
        }
        if let Some(parent_id) = note.parent {
            let parent = bank::brief(tx, parent_id)?.map(|p| (p.note_type, p.status));
            if let Err(message) = check_parent(Some(id), note.note_type, parent_id, parent) {
                return Ok(NoteEdit::Refused(FieldErrors::one("parent", message)));
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
