//! Personal data is the person's: a person's own data as one download, an
//! administrator anonymising someone, and the programme's retention applied daily.

use chrono::{DateTime, Utc};

use super::{Error, Result, subject};
use crate::config::Config;
use crate::domain::privacy::{PersonalData, Retained, months_before};
use crate::domain::programme::Programme;
use crate::domain::user::Role;
use crate::storage::users::{self, User};
use crate::storage::{Db, audit, privacy, sessions, throttle};

/// Everything the workspace holds about the signed-in `person` (see
/// [`PersonalData`] for its shape).
pub async fn my_data(db: &Db, person: &User) -> Result<PersonalData> {
    let id = person.id;
    db.read(move |c| privacy::personal_data(c, id))
        .await?
        .ok_or(Error::NotFound)
}

/// The person an administrator is about to anonymise (asked first).
pub async fn anonymise_preview(db: &Db, admin: &User, id: i64) -> Result<User> {
    if !subject(admin).can_administer() {
        return Err(Error::Forbidden);
    }
    db.read(move |c| users::get(c, id))
        .await?
        .ok_or(Error::NotFound)
}

/// What became of anonymising a person.
#[derive(Debug, PartialEq, Eq)]
pub enum Anonymised {
    Done,
    /// Refused: they are the last active administrator.
    LastAdministrator,
}

/// Anonymises person `id` in one transaction: their name becomes the neutral
/// placeholder, their address a unique non-address, they are deactivated, and their
/// sessions, set-password links, feed token and throttle records go, as do the name and
/// address of their registrations. Their contributions (notes, ratings, submissions,
/// texts, consequences, audit entries) stay, attributed to the former participant. The
/// audit entry `user.anonymise` names only `user:<id>`.
pub async fn anonymise(db: &Db, admin: &User, actor: audit::Actor, id: i64) -> Result<Anonymised> {
    if !subject(admin).can_administer() {
        return Err(Error::Forbidden);
    }
    super::transaction::write(db, move |tx| {
        let person = users::get(tx, id)?.ok_or(Error::NotFound)?;
        if person.active && person.has(Role::Administrator) {
            let others = users::list(tx, None)?
                .into_iter()
                .filter(|u| u.id != id && u.active && u.has(Role::Administrator))
                .count();
            if others == 0 {
                return Ok(Anonymised::LastAdministrator);
            }
        }
        privacy::anonymise(tx, id)?;
        let target = format!("user:{id}");
        audit::record(tx, &actor, "user.anonymise", Some(&target), None)?;
        Ok(Anonymised::Done)
    })
    .await
}

/// Applies the programme's retention as of `now`: the contact details of registrants
/// without an account go `registrant_contact_months` after their event ended, and
/// those of input `input_contact_months` after it was moderated; sessions past their
/// lifetimes, spent set-password links and login failures older than the throttle's
/// window are deleted. Idempotent: a second run removes nothing more. Contact details
/// removed are logged as counts (`privacy.retain`). Returns what it removed.
pub async fn retain(
    db: &Db,
    programme: &Programme,
    config: &Config,
    now: DateTime<Utc>,
) -> Result<Retained> {
    let rules = &programme.privacy;
    let registrants = months_before(now, rules.registrant_contact_months).timestamp();
    let inputs = months_before(now, rules.input_contact_months).timestamp();
    let now = now.timestamp();
    let idle = now - config.session_idle.as_secs() as i64;
    let created = now - config.session_absolute.as_secs() as i64;
    let failures = now - config.throttle.window.as_secs() as i64;
    let retained = db
        .write(move |tx| {
            let retained = Retained {
                registrations: privacy::remove_registrant_contacts(tx, registrants)?,
                inputs: privacy::remove_input_contacts(tx, inputs)?,
                sessions: sessions::delete_expired(tx, idle, created)?,
                password_links: privacy::delete_spent_password_links(tx, now)?,
                login_failures: throttle::clear(tx, "", failures)?,
            };
            // Contact details removed are a change to the programme's record: the log
            // says how many went (never whose); expired credentials are routine.
            if retained.registrations > 0 || retained.inputs > 0 {
                let detail = format!(
                    "registrations={} inputs={}",
                    retained.registrations, retained.inputs
                );
                let system = audit::Actor::default();
                audit::record(tx, &system, "privacy.retain", None, Some(&detail))?;
            }
            Ok(retained)
        })
        .await?;
    Ok(retained)
}
