//! The source bank (omvärldsbank): editing a source, and a note citing a source with a
//! stance. No web types.

use super::{Error, Result, subject, transaction};
use crate::domain::source::{Stance, ValidSource, can_cite_from_note, can_edit_source};
use crate::storage::audit::{self, Actor};
use crate::storage::sources::{self, Linked, Source};
use crate::storage::users::User;
use crate::storage::{Db, Edit};

/// Cites `source` from note `note` with `stance` (or changes the stance it had). A note
/// the person may not see is not found; one they may see but not change is forbidden.
pub async fn cite(
    db: &Db,
    user: &User,
    actor: &Actor,
    note: i64,
    source: i64,
    stance: Stance,
) -> Result<Linked> {
    let (user, actor) = (user.clone(), actor.clone());
    transaction::write(db, move |tx| {
        let (subject, by) = (subject(&user), user.id);
        let found = super::bank::seen(tx, &subject, note)?;
        if !can_cite_from_note(&subject, found.status, found.organisation_id) {
            return Err(Error::Forbidden);
        }
        let linked = sources::link(tx, note, source, stance, by)?;
        if matches!(linked, Linked::Added | Linked::Changed) {
            let (target, detail) = (
                format!("note:{note}"),
                format!("source:{source} {}", stance.key()),
            );
            audit::record(tx, &actor, "note.cite", Some(&target), Some(&detail))?;
        }
        Ok(linked)
    })
    .await
}

/// Saves an edit of source `id` made from version `base`: its own organisation's
/// strategists and curators. Someone who saved first makes it [`Edit::Stale`], with
/// their version; nothing is overwritten.
pub async fn update(
    db: &Db,
    user: &User,
    actor: &Actor,
    id: i64,
    base: i64,
    source: ValidSource,
) -> Result<Edit<Source>> {
    let (user, actor) = (user.clone(), actor.clone());
    transaction::write(db, move |tx| {
        let subject = subject(&user);
        let current = sources::get(tx, id)?.ok_or(Error::NotFound)?;
        if !can_edit_source(&subject, current.organisation_id) {
            return Err(Error::Forbidden);
        }
        let saved = sources::update(tx, id, base, &source)?;
        if saved.is_saved() {
            audit::record(
                tx,
                &actor,
                "source.update",
                Some(&format!("source:{id}")),
                None,
            )?;
        }
        Ok(saved)
    })
    .await
}
