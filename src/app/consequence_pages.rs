//! What the consequence pages read beyond the consequences themselves: whether the
//! viewer may capture shared ones or write their organisation's own around a centre,
//! whether they may take a shared one as their own or edit one (and the reason they may
//! not yet), and a consequence's history with old → new values.

use std::sync::Arc;

use rusqlite::Connection;
use serde::Serialize;

use super::consequences::{CentreConsequences, ConsequenceView, get, of_centre_in};
use super::scenarios::HistoryEntry;
use super::{Error, Result, subject};
use crate::domain::assignment;
use crate::domain::consequence::{Centre, can_write_own, can_write_shared};
use crate::domain::programme::Programme;
use crate::storage::consequences::Consequence;
use crate::storage::users::User;
use crate::storage::{Db, submissions};

/// The fields of a stored consequence its history shows when they change.
pub const HISTORY_FIELDS: &[&str] = &[
    "level",
    "theme",
    "text",
    "valence",
    "magnitude",
    "timing",
    "confidence",
    "parent_id",
    "order",
    "removed",
];

/// A centre's consequences with what the viewer may write around it.
#[derive(Debug, Clone, Serialize)]
pub struct CentrePage {
    pub data: CentreConsequences,
    /// Shared consequences (process leaders, editors, strategists for a table group).
    pub can_write_shared: bool,
    /// The viewer's organisation's own, while its submission is theirs to write.
    pub can_write_own: bool,
}

/// Whether `user`'s organisation may write its own consequences of `phase` now.
fn own_writable(c: &Connection, user: &User, phase: &str) -> crate::storage::Result<bool> {
    let s = subject(user);
    if !assignment::can_write(&s, user.organisation_id) {
        return Ok(false);
    }
    let status = submissions::get(c, phase, user.organisation_id)?.map(|x| x.status);
    Ok(can_write_own(&s, user.organisation_id, status))
}

/// The consequences of `centre` that `viewer` sees, and what they may write there.
pub async fn centre(
    db: &Db,
    programme: &Arc<Programme>,
    viewer: Option<&User>,
    centre: Centre,
) -> Result<CentrePage> {
    let (programme, viewer) = (programme.clone(), viewer.cloned());
    db.read(move |c| {
        let data = match of_centre_in(c, &programme, viewer.as_ref(), centre) {
            Ok(data) => data,
            Err(e) => return Ok(Err(e)),
        };
        let can_write_own = match &viewer {
            Some(user) => own_writable(c, user, &data.phase)?,
            None => false,
        };
        Ok(Ok(CentrePage {
            can_write_shared: viewer
                .as_ref()
                .is_some_and(|u| can_write_shared(&subject(u))),
            can_write_own,
            data,
        }))
    })
    .await?
}

/// One consequence with its centre, and what the viewer may do with it.
#[derive(Debug, Clone, Serialize)]
pub struct ConsequencePage {
    pub view: ConsequenceView,
    /// The centre's consequences the viewer sees (for the "follows from" choices).
    pub around: CentreConsequences,
    /// Whether the viewer may take it (a shared one) as their organisation's own.
    pub can_hold: bool,
}

/// Consequence `id` as `viewer` sees it, with its centre.
pub async fn page(
    db: &Db,
    programme: &Arc<Programme>,
    viewer: Option<&User>,
    id: i64,
) -> Result<ConsequencePage> {
    let view = get(db, programme, viewer, id).await?;
    let (programme, viewer, centre) = (programme.clone(), viewer.cloned(), view.consequence.centre);
    let shared = view.consequence.organisation_id.is_none();
    let (around, can_hold) = db
        .read(move |c| {
            let around = match of_centre_in(c, &programme, viewer.as_ref(), centre) {
                Ok(around) => around,
                Err(e) => return Ok(Err(e)),
            };
            let can_hold = match &viewer {
                Some(user) if shared => own_writable(c, user, &around.phase)?,
                _ => false,
            };
            Ok(Ok((around, can_hold)))
        })
        .await??;
    Ok(ConsequencePage {
        view,
        around,
        can_hold,
    })
}

/// Whether `user` may edit consequence `c` (as [`page`] answers it), or why not: an
/// organisation's own is locked once its submission is submitted or accepted.
pub fn editable(user: &User, c: &Consequence, can_edit: bool) -> Result<()> {
    if can_edit {
        return Ok(());
    }
    let s = subject(user);
    match c.organisation_id {
        Some(o) if assignment::can_write(&s, o) => Err(Error::Refused("error-consequence-locked")),
        _ => Err(Error::Forbidden),
    }
}

/// Consequence `id` with every revision, newest first, and what changed in each.
pub async fn history(
    db: &Db,
    programme: &Arc<Programme>,
    user: &User,
    id: i64,
) -> Result<(ConsequencePage, Vec<HistoryEntry>)> {
    let page = page(db, programme, Some(user), id).await?;
    let revisions = &page.view.revisions;
    let entries = revisions
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let older = revisions.get(i + 1).and_then(|o| o.snapshot.as_ref());
            let changes = match (older, &r.snapshot) {
                (Some(before), Some(now)) => {
                    crate::domain::scenario::changes(before, now, HISTORY_FIELDS)
                }
                _ => Vec::new(),
            };
            HistoryEntry {
                revision: r.clone(),
                changes,
            }
        })
        .collect();
    Ok((page, entries))
}
