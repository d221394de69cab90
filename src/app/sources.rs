//! The source bank (omvärldsbank): a note citing a source with a stance. No web types.

use super::{Error, Result, transaction};
use crate::domain::access::Subject;
use crate::domain::bank::can_see_note;
use crate::domain::source::{Stance, can_cite_from_note};
use crate::storage::audit::{self, Actor};
use crate::storage::sources::{self, Linked};
use crate::storage::users::User;
use crate::storage::{Db, bank};

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
        let found = bank::get(tx, note)?.ok_or(Error::NotFound)?;
        if !can_see_note(
            Some(&subject),
            found.status,
            found.organisation_id,
            found.public,
        ) {
            return Err(Error::NotFound);
        }
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
