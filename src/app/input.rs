//! Input (innspill) from anyone: checked, held for moderation, limited per address.

use super::Result;
use crate::domain::form::FieldErrors;
use crate::domain::input::{InputForm, PER_HOUR};
use crate::domain::programme::Programme;
use crate::storage::{Db, audit, inputs};

/// What became of sending input.
#[derive(Debug)]
pub enum Sent {
    /// Held for moderation.
    Stored(i64),
    /// A robot filled in the hidden field: it is thanked and nothing is stored.
    Ignored,
    /// Nothing stored: the errors at the form's fields.
    Refused(FieldErrors),
    /// Too much from this address in the last hour: nothing stored, ask to wait.
    TooMany,
}

/// Takes input from anyone at `address`.
pub async fn send(
    db: &Db,
    programme: &Programme,
    address: String,
    actor: audit::Actor,
    form: &InputForm,
) -> Result<Sent> {
    if form.is_robot() {
        return Ok(Sent::Ignored);
    }
    let phases: Vec<&str> = programme.phases.iter().map(|p| p.slug.as_str()).collect();
    let valid = match form.validate(&phases) {
        Ok(valid) => valid,
        Err(errors) => return Ok(Sent::Refused(errors)),
    };
    let stored = db
        .write(move |tx| {
            let id = inputs::insert(tx, &valid, &address, PER_HOUR)?;
            if let Some(id) = id {
                let subject = format!("input:{id}");
                audit::record(tx, &actor, "input.create", Some(&subject), None)?;
            }
            Ok(id)
        })
        .await?;
    Ok(stored.map_or(Sent::TooMany, Sent::Stored))
}
