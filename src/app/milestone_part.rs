//! The home assignment's part `milestones`: an organisation's own vision of the
//! backcasting phase (adopted from the workshop's shared one or its own), its milestones
//! and actions, as the assignment's form shows them, with the shared visions it may
//! adopt and whether the organisation may write them now.

use serde::Serialize;

use super::backcasting::{VisionView, view_in};
use super::{Error, Result, subject};
use crate::domain::assignment::{can_read, can_write};
use crate::domain::backcasting::can_write_own;
use crate::storage::backcasting::{self as store, Vision};
use crate::storage::users::User;
use crate::storage::{Db, submissions};

/// What the part shows: the organisation's own vision with everything under it (none
/// before it wrote or adopted one) and the workshop's shared visions of the phase.
#[derive(Debug, Clone, Serialize)]
pub struct OwnVision {
    pub phase: String,
    pub organisation: i64,
    pub own: Option<VisionView>,
    pub shared: Vec<Vision>,
    /// Whether the organisation's strategists may write them now.
    pub writable: bool,
}

/// Organisation `organisation`'s vision of `phase` as `viewer` sees it: its own
/// strategists always, others as they may read its submission.
pub async fn own(db: &Db, viewer: &User, phase: &str, organisation: i64) -> Result<OwnVision> {
    let (viewer, phase) = (viewer.clone(), phase.to_string());
    db.read(move |c| {
        let s = subject(&viewer);
        let status = submissions::get(c, &phase, organisation)?.map(|x| x.status);
        let readable =
            can_write(&s, organisation) || status.is_some_and(|st| can_read(&s, organisation, st));
        if !readable {
            return Ok(Err(Error::NotFound));
        }
        let own = match store::own_vision(c, organisation, &phase)? {
            Some(v) => match view_in(c, Some(&s), v.id) {
                Ok(view) => Some(view),
                Err(Error::NotFound) => None,
                Err(e) => return Ok(Err(e)),
            },
            None => None,
        };
        let shared = super::backcasting::of_phase_in(c, Some(&s), &phase)?
            .into_iter()
            .filter(|v| v.organisation_id.is_none())
            .collect();
        Ok(Ok(OwnVision {
            writable: can_write_own(&s, organisation, status),
            phase,
            organisation,
            own,
            shared,
        }))
    })
    .await?
}
