//! Use cases: the multi-step operations of the workspace, callable without HTTP.
//!
//! Each use case opens the transaction it needs, applies the rules of [`crate::domain`]
//! and calls [`crate::storage`]; it knows nothing of requests, cookies or templates. A
//! handler in [`crate::web`] extracts what a request says, calls one use case and
//! renders its outcome. Tests call use cases directly.
//!
//! A use case answers `Result<Outcome, Error>`: [`Error`] is what stops any use case
//! (not allowed, nothing there, the database failing); what the person can put right
//! (a field's error, a stale version, a full event) is part of its own outcome type.

pub mod announcements;
pub mod assignments;
pub mod backcasting;
pub mod backcasting_charts;
pub mod backcasting_pages;
pub mod backcasting_reach;
pub mod bank;
pub mod consequence_heat;
pub mod consequence_pages;
pub mod consequence_reach;
pub mod consequences;
pub mod editorial;
pub mod embeds;
pub mod futures_wheel;
pub mod milestone_part;
pub mod outbox;
pub mod progress;
pub mod reminders;
pub mod report;
pub mod roadmap;
pub mod rounds;
pub mod scenario_charts;
pub mod scenario_reach;
pub mod scenarios;
pub mod sources;
pub mod start;
pub mod thread;
mod transaction;

use crate::domain::access::Subject;
use crate::storage::StorageError;
use crate::storage::users::User;

/// Why a use case could not run at all.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The person may not do this.
    #[error("forbidden")]
    Forbidden,
    /// The person may not do this yet, for a reason they can act on (a catalogue key).
    #[error("forbidden: {0}")]
    Refused(&'static str),
    /// What the use case was asked to act on does not exist (or is not visible to them).
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Storage(#[from] StorageError),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

pub mod admin;
pub mod auth;
pub mod calendar;
pub mod events;
pub mod input;
pub mod organisations;
pub mod phases;
pub mod picker;
pub mod privacy;
pub mod search;

/// What a person may do, by their roles and organisation.
pub fn subject(user: &User) -> Subject<'_> {
    Subject {
        roles: &user.roles,
        organisation_id: user.organisation_id,
    }
}
