//! Organisations: adding one (administrators) and saving an organisation's details.

use std::collections::BTreeMap;

use super::subject;
use super::{Error, Result};
use crate::domain::assignment::{AssignmentLink, assignment_link};
use crate::domain::form::FieldErrors;
use crate::domain::organisation::OrganisationForm;
use crate::domain::programme::Programme;
use crate::storage::users::User;
use crate::storage::{Db, StorageError, audit, organisations, submissions};

/// Where the organisation's page leads `user` for its home assignment of each phase, by
/// phase slug (see [`assignment_link`]): phases without a home assignment, or with
/// nothing there for them, are left out and get no link.
pub async fn assignment_links(
    db: &Db,
    programme: &Programme,
    user: &User,
    organisation: i64,
) -> Result<BTreeMap<String, AssignmentLink>> {
    let slugs: Vec<String> = programme
        .phases
        .iter()
        .filter(|p| p.home_assignment().is_some())
        .map(|p| p.slug.clone())
        .collect();
    let statuses = db
        .read(move |c| {
            slugs
                .into_iter()
                .map(|slug| {
                    let status = submissions::get(c, &slug, organisation)?.map(|s| s.status);
                    Ok((slug, status))
                })
                .collect::<Result<Vec<_>, StorageError>>()
        })
        .await?;
    let subject = subject(user);
    Ok(statuses
        .into_iter()
        .filter_map(|(slug, status)| {
            assignment_link(&subject, organisation, status).map(|link| (slug, link))
        })
        .collect())
}

fn duplicate_name() -> FieldErrors {
    FieldErrors::one("name", "error-organisation-exists")
}

/// What became of saving an organisation.
#[derive(Debug)]
pub enum Saved {
    /// Stored; the organisation's id.
    Saved(i64),
    /// Nothing stored: the form as it was checked, and the errors at its fields.
    Refused {
        form: Box<OrganisationForm>,
        errors: FieldErrors,
    },
}

fn refused(form: OrganisationForm, errors: FieldErrors) -> Saved {
    Saved::Refused {
        form: Box::new(form),
        errors,
    }
}

/// Adds an organisation (administrators); names are unique.
pub async fn create(
    db: &Db,
    admin: &User,
    actor: audit::Actor,
    form: OrganisationForm,
) -> Result<Saved> {
    if !subject(admin).can_administer() {
        return Err(Error::Forbidden);
    }
    let valid = match form.validate() {
        Ok(valid) => valid,
        Err(errors) => return Ok(refused(form, errors)),
    };
    let created = db
        .write(move |tx| {
            let id = organisations::insert(tx, &valid)?;
            let subject = format!("organisation:{id}");
            audit::record(
                tx,
                &actor,
                "organisation.create",
                Some(&subject),
                Some(&valid.name),
            )?;
            Ok(id)
        })
        .await;
    match created {
        Ok(id) => Ok(Saved::Saved(id)),
        Err(e) if e.is_unique_violation() => Ok(refused(form, duplicate_name())),
        Err(e) => Err(e.into()),
    }
}

/// Saves an organisation's details. Only administrators change name and category; for
/// everyone else those two stay as they are whatever the form says.
pub async fn update(
    db: &Db,
    user: &User,
    actor: audit::Actor,
    id: i64,
    mut form: OrganisationForm,
) -> Result<Saved> {
    let subject = subject(user);
    if !subject.can_edit_organisation(id) {
        return Err(Error::Forbidden);
    }
    let current = db
        .read(move |c| organisations::get(c, id))
        .await?
        .ok_or(Error::NotFound)?;
    if !subject.can_recategorise_organisation() {
        form.name = current.name;
        form.category = current.category.key().to_string();
    }
    let valid = match form.validate() {
        Ok(valid) => valid,
        Err(errors) => return Ok(refused(form, errors)),
    };
    let saved = db
        .write(move |tx| {
            if !organisations::update(tx, id, &valid)? {
                return Ok(false);
            }
            let subject = format!("organisation:{id}");
            audit::record(
                tx,
                &actor,
                "organisation.update",
                Some(&subject),
                Some(&valid.name),
            )?;
            Ok::<_, StorageError>(true)
        })
        .await;
    match saved {
        Ok(true) => Ok(Saved::Saved(id)),
        Ok(false) => Err(Error::NotFound),
        Err(e) if e.is_unique_violation() => Ok(refused(form, duplicate_name())),
        Err(e) => Err(e.into()),
    }
}
