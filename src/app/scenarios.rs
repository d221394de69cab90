//! Scenario sets and scenarios: making a set (from scratch or from a round's driver map),
//! editing it and its scenarios with every revision kept, moving it from draft to open
//! to final, making it public, and commenting while it is open.

use std::sync::Arc;

use super::transaction;
use super::{Error, Result, subject};
use crate::domain::access::Subject;
use crate::domain::form::FieldErrors;
use crate::domain::programme::Programme;
use crate::domain::scenario::{
    self, AXIS_FIELDS, Errors, Quadrant, SetStatus, Typed, ValidSet, can_comment, can_move,
    can_see, can_write, check_axis, check_complete, check_predetermined, read_scenario,
};
use crate::storage::audit::{self, Actor};
use crate::storage::scenarios::{self, Scenario, Set};
use crate::storage::users::User;
use crate::storage::{Db, Edit, bank, images};

/// What became of saving a set.
#[derive(Debug)]
pub enum SetSaved {
    /// Stored: the set's number.
    Saved(i64),
    /// The notes named cannot be what they are asked to be: errors at their fields.
    Refused(FieldErrors),
    /// Someone saved a newer version first: here it is, and nothing was overwritten.
    Stale(Box<Set>),
}

/// What became of saving a scenario.
#[derive(Debug)]
pub enum ScenarioSaved {
    Saved(i64),
    Refused(Errors),
    Stale(Box<Scenario>),
}

/// Checks the notes a set names against the bank, errors at their fields.
fn check_notes(tx: &rusqlite::Connection, set: &ValidSet) -> Result<FieldErrors> {
    let mut errors = FieldErrors::new();
    let usable = |s: crate::domain::bank::NoteStatus| {
        !matches!(
            s,
            crate::domain::bank::NoteStatus::Merged | crate::domain::bank::NoteStatus::Archived
        )
    };
    for (axis, fields) in set.axes.iter().zip(AXIS_FIELDS) {
        let note = bank::brief(tx, axis.note)?.map(|b| (b.note_type, usable(b.status)));
        if let Err(message) = check_axis(note) {
            errors.add(fields[0], message);
        }
    }
    for id in &set.predetermined {
        let note = bank::brief(tx, *id)?.map(|b| (b.note_type, usable(b.status)));
        if let Err(message) = check_predetermined(note) {
            errors.add("predetermined", message);
        }
    }
    Ok(errors)
}

/// The phases `set` may belong to.
fn check_phase(programme: &Programme, set: &ValidSet) -> Result<()> {
    if scenario::phases(programme).contains(&set.phase.as_str()) {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// Makes a new set (a draft) from a checked form; `round` is the rating round whose
/// driver map it was made from, if any.
pub async fn create_set(
    db: &Db,
    programme: &Arc<Programme>,
    user: &User,
    actor: &Actor,
    set: ValidSet,
    round: Option<i64>,
) -> Result<SetSaved> {
    if !can_write(&subject(user)) {
        return Err(Error::Forbidden);
    }
    check_phase(programme, &set)?;
    let (by, actor) = (user.id, actor.clone());
    transaction::write(db, move |tx| create_set_in(tx, &actor, by, &set, round)).await
}

/// [`create_set`] inside a write transaction the caller holds (the caller has checked
/// who writes and the phase).
pub(crate) fn create_set_in(
    tx: &rusqlite::Connection,
    actor: &Actor,
    by: i64,
    set: &ValidSet,
    round: Option<i64>,
) -> Result<SetSaved> {
    let errors = check_notes(tx, set)?;
    if !errors.is_empty() {
        return Ok(SetSaved::Refused(errors));
    }
    let id = scenarios::insert_set(tx, set, round, by)?;
    audit::record(
        tx,
        actor,
        "scenario_set.create",
        Some(&format!("scenario_set:{id}")),
        None,
    )?;
    Ok(SetSaved::Saved(id))
}

/// Saves an edit of set `id` made from version `base`. A set with scenarios keeps its
/// method.
pub async fn update_set(
    db: &Db,
    programme: &Arc<Programme>,
    user: &User,
    actor: &Actor,
    id: i64,
    base: i64,
    set: ValidSet,
) -> Result<SetSaved> {
    if !can_write(&subject(user)) {
        return Err(Error::Forbidden);
    }
    check_phase(programme, &set)?;
    let (by, actor) = (user.id, actor.clone());
    transaction::write(db, move |tx| {
        let current = scenarios::get_set(tx, id)?.ok_or(Error::NotFound)?;
        let mut errors = check_notes(tx, &set)?;
        if set.method != current.method && !scenarios::scenarios(tx, id)?.is_empty() {
            errors.add("method", "error-scenario-method-fixed");
        }
        if !errors.is_empty() {
            return Ok(SetSaved::Refused(errors));
        }
        match scenarios::update_set(tx, id, base, &set, by)? {
            Edit::Saved { .. } => {
                audit::record(
                    tx,
                    &actor,
                    "scenario_set.update",
                    Some(&format!("scenario_set:{id}")),
                    None,
                )?;
                Ok(SetSaved::Saved(id))
            }
            Edit::Stale(newer) => Ok(SetSaved::Stale(newer)),
            Edit::Missing => Err(Error::NotFound),
        }
    })
    .await
}

/// Saves a scenario of set `set_id`: a new one (`scenario` `None`) or an edit of one made
/// from version `base`. The quadrant must be free, the signposts' notes must exist and
/// the illustration must be in the image library.
pub async fn save_scenario(
    db: &Db,
    user: &User,
    actor: &Actor,
    set_id: i64,
    scenario: Option<(i64, i64)>,
    typed: Typed,
) -> Result<ScenarioSaved> {
    if !can_write(&subject(user)) {
        return Err(Error::Forbidden);
    }
    let (by, actor) = (user.id, actor.clone());
    transaction::write(db, move |tx| {
        save_scenario_in(tx, &actor, by, set_id, scenario, &typed)
    })
    .await
}

/// [`save_scenario`] inside a write transaction the caller holds (the caller has
/// checked who writes).
pub(crate) fn save_scenario_in(
    tx: &rusqlite::Connection,
    actor: &Actor,
    by: i64,
    set_id: i64,
    scenario: Option<(i64, i64)>,
    typed: &Typed,
) -> Result<ScenarioSaved> {
    let set = scenarios::get_set(tx, set_id)?.ok_or(Error::NotFound)?;
    let existing = scenarios::scenarios(tx, set_id)?;
    if let Some((id, _)) = scenario
        && !existing.iter().any(|s| s.id == id)
    {
        return Err(Error::NotFound);
    }
    let taken: Vec<Quadrant> = existing
        .iter()
        .filter(|s| Some(s.id) != scenario.map(|(id, _)| id))
        .filter_map(|s| s.quadrant)
        .collect();
    let valid = match read_scenario(typed, set.method, &set.chosen(), &taken) {
        Ok(valid) => valid,
        Err(errors) => return Ok(ScenarioSaved::Refused(errors)),
    };
    let mut errors = Errors::new();
    for (i, sign) in valid.signposts.iter().enumerate() {
        if let Some(note) = sign.note
            && bank::brief(tx, note)?.is_none()
        {
            errors.insert(
                scenario::signpost_field(i + 1, "note"),
                "error-note-missing",
            );
        }
    }
    if let Some(image) = &valid.image
        && images::get(tx, image)?.is_none()
    {
        errors.insert("image".into(), "error-scenario-image");
    }
    if !errors.is_empty() {
        return Ok(ScenarioSaved::Refused(errors));
    }
    let id = match scenario {
        None => scenarios::insert_scenario(tx, set_id, &valid, by)?,
        Some((id, base)) => match scenarios::update_scenario(tx, id, base, &valid, by)? {
            Edit::Saved { .. } => id,
            Edit::Stale(newer) => return Ok(ScenarioSaved::Stale(newer)),
            Edit::Missing => return Err(Error::NotFound),
        },
    };
    audit::record(
        tx,
        actor,
        "scenario.save",
        Some(&format!("scenario:{id}")),
        None,
    )?;
    Ok(ScenarioSaved::Saved(id))
}

/// Moves set `id` to `to`. Opening needs the set complete, and only one set of a phase is
/// open at a time (the one every organisation assesses).
pub async fn move_set(db: &Db, user: &User, actor: &Actor, id: i64, to: SetStatus) -> Result<()> {
    if !can_write(&subject(user)) {
        return Err(Error::Forbidden);
    }
    let (by, actor) = (user.id, actor.clone());
    transaction::write(db, move |tx| {
        let set = scenarios::get_set(tx, id)?.ok_or(Error::NotFound)?;
        if set.status == to {
            return Ok(());
        }
        if !can_move(set.status, to) {
            return Err(Error::Refused("error-scenario-set-step"));
        }
        if to == SetStatus::Open {
            check_complete(set.method, scenarios::scenarios(tx, id)?.len())
                .map_err(Error::Refused)?;
            if scenarios::sets(tx, Some(&set.phase_slug))?
                .iter()
                .any(|s| s.id != id && s.status == SetStatus::Open)
            {
                return Err(Error::Refused("error-scenario-set-other-open"));
            }
        }
        scenarios::set_status(tx, id, to, by)?;
        audit::record(
            tx,
            &actor,
            "scenario_set.status",
            Some(&format!("scenario_set:{id}")),
            Some(to.key()),
        )?;
        Ok(())
    })
    .await
}

/// Makes set `id` public or not: editors and process leaders, for a set past its draft.
pub async fn make_public(db: &Db, user: &User, actor: &Actor, id: i64, public: bool) -> Result<()> {
    if !crate::domain::bank::can_curate(&subject(user)) {
        return Err(Error::Forbidden);
    }
    let (by, actor) = (user.id, actor.clone());
    transaction::write(db, move |tx| {
        let set = scenarios::get_set(tx, id)?.ok_or(Error::NotFound)?;
        if public && set.status == SetStatus::Draft {
            return Err(Error::Refused("error-scenario-set-draft-public"));
        }
        scenarios::set_public(tx, id, public, by)?;
        audit::record(
            tx,
            &actor,
            if public {
                "scenario_set.public"
            } else {
                "scenario_set.private"
            },
            Some(&format!("scenario_set:{id}")),
            None,
        )?;
        Ok(())
    })
    .await
}

/// What became of a comment.
#[derive(Debug, PartialEq)]
pub enum Commented {
    Done,
    /// The text cannot be taken: the message for its field.
    Refused(&'static str),
}

/// Comments on scenario `id`: any member who sees its set, while the set is open.
pub async fn comment(
    db: &Db,
    user: &User,
    actor: &Actor,
    id: i64,
    body: String,
) -> Result<Commented> {
    let body = body.trim().to_string();
    let (user, actor) = (user.clone(), actor.clone());
    transaction::write(db, move |tx| {
        let subject = subject(&user);
        let scenario = scenarios::get_scenario(tx, id)?.ok_or(Error::NotFound)?;
        let set = scenarios::get_set(tx, scenario.set_id)?.ok_or(Error::NotFound)?;
        if !can_see(Some(&subject), set.status, set.public) {
            return Err(Error::NotFound);
        }
        if !can_comment(&subject, set.status) {
            return Err(Error::Refused("error-scenario-comment-closed"));
        }
        if body.is_empty() {
            return Ok(Commented::Refused("error-required"));
        }
        if body.chars().count() > scenario::COMMENT_MAX {
            return Ok(Commented::Refused("error-too-long"));
        }
        let comment = scenarios::add_comment(tx, id, &body, user.id)?;
        audit::record(
            tx,
            &actor,
            "scenario.comment",
            Some(&format!("scenario:{id}")),
            Some(&format!("comment:{comment}")),
        )?;
        Ok(Commented::Done)
    })
    .await
}

/// Set `id` as `viewer` may see it (none is a visitor), with its scenarios.
pub async fn set(db: &Db, viewer: Option<&User>, id: i64) -> Result<(Set, Vec<Scenario>)> {
    let viewer = viewer.cloned();
    let found = db
        .read(move |c| {
            let Some(set) = scenarios::get_set(c, id)? else {
                return Ok(None);
            };
            let list = scenarios::scenarios(c, id)?;
            Ok(Some((set, list)))
        })
        .await?;
    let (set, list) = found.ok_or(Error::NotFound)?;
    let subject: Option<Subject> = viewer.as_ref().map(subject);
    if can_see(subject.as_ref(), set.status, set.public) {
        Ok((set, list))
    } else {
        Err(Error::NotFound)
    }
}
