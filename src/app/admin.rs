//! Administration of people: creating someone with a single-use set-password link, and
//! changing a person's details, roles and whether they may sign in.

use std::time::Duration;

use super::subject;
use super::{Error, Result};
use crate::domain::form::FieldErrors;
use crate::domain::user::{Role, UserForm};
use crate::storage::users::{self, User};
use crate::storage::{Db, StorageError, audit, organisations, sessions};

fn administrator(admin: &User) -> Result<()> {
    if subject(admin).can_administer() {
        Ok(())
    } else {
        Err(Error::Forbidden)
    }
}

/// What became of creating a person.
#[derive(Debug)]
pub enum Created {
    /// Created, with the set-password link's token to hand them (no password is ever
    /// chosen for someone else).
    Created { person: Box<User>, token: String },
    /// Nothing stored: the errors at the form's fields.
    Refused(FieldErrors),
}

/// Creates a person with their roles and issues their first set-password link, valid
/// for `lifetime`, which is also sent to them through the outbox.
pub async fn create_user(
    db: &Db,
    admin: &User,
    actor: audit::Actor,
    lifetime: Duration,
    form: &UserForm,
) -> Result<Created> {
    administrator(admin)?;
    let valid = match form.validate() {
        Ok(valid) => valid,
        Err(errors) => return Ok(Created::Refused(errors)),
    };
    let admin_id = admin.id;
    let created = db
        .write(move |tx| {
            if organisations::get(tx, valid.organisation_id)?.is_none() {
                return Ok(None);
            }
            let (name, email) = (&valid.name, &valid.email);
            let id = users::insert(tx, name, email, valid.organisation_id, &valid.roles)?;
            let roles: Vec<_> = valid.roles.iter().map(|r| r.key()).collect();
            let subject = format!("user:{id}");
            let detail = roles.join(",");
            audit::record(tx, &actor, "user.create", Some(&subject), Some(&detail))?;
            let token = users::issue_password_link(tx, id, Some(admin_id), lifetime)?;
            let person = users::get(tx, id)?;
            if let Some(person) = &person {
                super::outbox::password_link_in(tx, person, &token, lifetime)?;
            }
            Ok(person.map(|person| (person, token)))
        })
        .await;
    Ok(match created {
        Ok(Some((person, token))) => Created::Created {
            person: Box::new(person),
            token,
        },
        Ok(None) => Created::Refused(FieldErrors::one(
            "organisation_id",
            "error-choose-organisation",
        )),
        Err(e) if e.is_unique_violation() => {
            Created::Refused(FieldErrors::one("email", "error-email-taken"))
        }
        Err(e) => return Err(e.into()),
    })
}

/// What became of saving a person.
#[derive(Debug)]
pub enum Updated {
    Saved,
    /// Nothing stored: the errors at the form's fields.
    Refused(FieldErrors),
}

/// Saves a person's details, roles and whether they are active (the form's `active`).
/// Deactivating someone ends their sessions; the last active administrator cannot lose
/// the role or be deactivated. Every change of roles or activity is logged on its own.
pub async fn update_user(
    db: &Db,
    admin: &User,
    actor: audit::Actor,
    id: i64,
    form: &UserForm,
) -> Result<Updated> {
    administrator(admin)?;
    let active = form.active.is_some();
    let valid = match form.validate() {
        Ok(valid) => valid,
        Err(errors) => return Ok(Updated::Refused(errors)),
    };
    let saved = db
        .write(move |tx| {
            let Some(before) = users::get(tx, id)? else {
                return Ok(Err(None));
            };
            // An anonymised person's account stays closed and nameless for good.
            if before.anonymised {
                return Ok(Err(Some(("name", ANONYMISED))));
            }
            if organisations::get(tx, valid.organisation_id)?.is_none() {
                return Ok(Err(Some(("organisation_id", "error-choose-organisation"))));
            }
            let stays_admin = active && valid.roles.contains(&Role::Administrator);
            if before.has(Role::Administrator) && before.active && !stays_admin {
                let others = users::list(tx, None)?
                    .into_iter()
                    .filter(|u| u.id != id && u.active && u.has(Role::Administrator))
                    .count();
                if others == 0 {
                    return Ok(Err(Some(("roles", "error-last-administrator"))));
                }
            }
            users::update(tx, id, &valid.name, &valid.email, valid.organisation_id)?;
            users::set_roles(tx, id, &valid.roles)?;
            users::set_active(tx, id, active)?;
            let subject = format!("user:{id}");
            if before.roles != valid.roles {
                let list =
                    |roles: &[Role]| roles.iter().map(|r| r.key()).collect::<Vec<_>>().join(",");
                let detail = format!("{} -> {}", list(&before.roles), list(&valid.roles));
                audit::record(tx, &actor, "user.roles", Some(&subject), Some(&detail))?;
            }
            if before.active != active {
                let action = if active {
                    "user.activate"
                } else {
                    "user.deactivate"
                };
                audit::record(tx, &actor, action, Some(&subject), None)?;
            }
            if !active {
                sessions::delete_for_user(tx, id)?;
            }
            audit::record(tx, &actor, "user.update", Some(&subject), None)?;
            Ok::<_, StorageError>(Ok(()))
        })
        .await;
    match saved {
        Ok(Ok(())) => Ok(Updated::Saved),
        Ok(Err(None)) => Err(Error::NotFound),
        Ok(Err(Some((field, message)))) => Ok(Updated::Refused(FieldErrors::one(field, message))),
        Err(e) if e.is_unique_violation() => Ok(Updated::Refused(FieldErrors::one(
            "email",
            "error-email-taken",
        ))),
        Err(e) => Err(e.into()),
    }
}

/// A fresh set-password link for person `id`, valid for `lifetime` (earlier unused
/// links stop working), also sent to them through the outbox: the person and the link's
/// token.
pub async fn new_password_link(
    db: &Db,
    admin: &User,
    actor: audit::Actor,
    lifetime: Duration,
    id: i64,
) -> Result<(User, String)> {
    administrator(admin)?;
    let admin_id = admin.id;
    db.write(move |tx| {
        let Some(person) = users::get(tx, id)? else {
            return Ok(Err(Error::NotFound));
        };
        if person.anonymised {
            return Ok(Err(Error::Refused(ANONYMISED)));
        }
        let token = users::issue_password_link(tx, id, Some(admin_id), lifetime)?;
        super::outbox::password_link_in(tx, &person, &token, lifetime)?;
        let subject = format!("user:{id}");
        audit::record(tx, &actor, "user.password_link", Some(&subject), None)?;
        Ok(Ok((person, token)))
    })
    .await?
}

/// Why an anonymised person's account is neither edited nor given a set-password link.
const ANONYMISED: &str = "anonymised-refused";
