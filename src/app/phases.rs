//! The phases: which one is active (by the dates, unless a process leader overrides
//! it, every change logged) and what is scheduled and published in one phase.

use super::subject;
use super::{Error, Result};
use crate::domain::form::{self, FieldErrors};
use crate::domain::programme::Programme;
use crate::domain::schedule::{ActivePhase, active_phase, local_today};
use crate::storage::events::{self, Event, EventFilter};
use crate::storage::publications::{self, Publication};
use crate::storage::users::User;
use crate::storage::{Db, audit, overrides};

/// The phase active today: the override if there is one, otherwise by the dates.
pub async fn active(db: &Db, programme: &Programme) -> Result<ActivePhase> {
    let slug = programme.slug.clone();
    let override_slug = db.read(move |c| overrides::current(c, &slug)).await?;
    let today = local_today(db.clock().now(), programme.time_zone);
    Ok(active_phase(programme, today, override_slug.as_deref()))
}

/// What became of overriding the active phase.
#[derive(Debug)]
pub enum Overridden {
    Set,
    /// Nothing changed: the errors at the form's fields.
    Refused(FieldErrors),
}

/// Makes `phase` the active one (an empty choice lifts the override, so the dates
/// decide again), with the reason; every change is logged. Process leaders only.
pub async fn set_override(
    db: &Db,
    programme: &Programme,
    user: &User,
    actor: audit::Actor,
    phase: &str,
    reason: &str,
) -> Result<Overridden> {
    if !subject(user).can_lead_process() {
        return Err(Error::Forbidden);
    }
    let mut errors = FieldErrors::new();
    let phase = form::optional(phase);
    if let Some(slug) = &phase
        && programme.phase(slug).is_none()
    {
        errors.add("phase", "error-unknown-phase");
    }
    form::max_chars(&mut errors, "reason", reason, 2000);
    if !errors.is_empty() {
        return Ok(Overridden::Refused(errors));
    }
    let (slug, reason, user_id) = (programme.slug.clone(), form::optional(reason), user.id);
    db.write(move |tx| {
        overrides::set(tx, &slug, phase.as_deref(), reason.as_deref(), user_id)?;
        let detail = phase.as_deref().unwrap_or("(dates)");
        audit::record(tx, &actor, "phase.override", Some(&slug), Some(detail))
    })
    .await?;
    Ok(Overridden::Set)
}

/// The events scheduled in a phase (members' events too for a signed-in viewer) and
/// the texts published for it so far.
pub async fn material(
    db: &Db,
    viewer: Option<&User>,
    phase: &str,
) -> Result<(Vec<Event>, Vec<Publication>)> {
    let filter = EventFilter {
        phase: Some(phase.to_string()),
        members: viewer.is_some(),
        limit: 200,
        ..Default::default()
    };
    let (phase, now) = (phase.to_string(), db.clock().now_seconds());
    Ok(db
        .read(move |c| {
            let published: Vec<_> = publications::public(c, now, 500)?
                .into_iter()
                .filter(|p| p.phase_slug.as_deref() == Some(phase.as_str()))
                .collect();
            Ok((events::list(c, &filter)?, published))
        })
        .await?)
}
