//! The bank of change notes: importing notes in bulk from a parsed file. No web types.

use super::{Error, Result, transaction};
use crate::domain::access::Subject;
use crate::domain::bank::{ImportError, NoteStatus, ValidNote, can_curate, check_parent};
use crate::domain::user::Role;
use crate::storage::Db;
use crate::storage::audit::{self, Actor};
use crate::storage::bank;
use crate::storage::users::User;

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
