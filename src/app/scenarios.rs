//! Scenario sets and scenarios: making a set (from scratch or from a round's driver map),
//! editing it and its scenarios with every revision kept, moving it from draft to open
//! to final, making it public, and commenting while it is open.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use super::transaction;
use super::{Error, Result, subject};
use crate::domain::access::Subject;
use crate::domain::bank::can_see_note;
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
/// method, and a set past its draft its phase.
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
        // A stale form is answered with the newer version before anything else is checked.
        if current.version != base {
            return Ok(SetSaved::Stale(Box::new(current)));
        }
        let mut errors = check_notes(tx, &set)?;
        if set.method != current.method && !scenarios::scenarios(tx, id)?.is_empty() {
            errors.add("method", "error-scenario-method-fixed");
        }
        // Past its draft a set stays in its phase: its organisations assess it there.
        if set.phase != current.phase_slug && current.status != SetStatus::Draft {
            errors.add("phase", "error-scenario-phase-fixed");
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
    let (user, actor) = (user.clone(), actor.clone());
    transaction::write(db, move |tx| move_set_in(tx, &user, &actor, id, to)).await
}

/// [`move_set`] inside a write transaction the caller holds.
pub(crate) fn move_set_in(
    tx: &rusqlite::Connection,
    user: &User,
    actor: &Actor,
    id: i64,
    to: SetStatus,
) -> Result<()> {
    if !can_write(&subject(user)) {
        return Err(Error::Forbidden);
    }
    let set = scenarios::get_set(tx, id)?.ok_or(Error::NotFound)?;
    if set.status == to {
        return Ok(());
    }
    if !can_move(set.status, to) {
        return Err(Error::Refused("error-scenario-set-step"));
    }
    if to == SetStatus::Open {
        check_complete(set.method, scenarios::scenarios(tx, id)?.len()).map_err(Error::Refused)?;
        if scenarios::sets(tx, Some(&set.phase_slug))?
            .iter()
            .any(|s| s.id != id && s.status == SetStatus::Open)
        {
            return Err(Error::Refused("error-scenario-set-other-open"));
        }
    }
    scenarios::set_status(tx, id, to, user.id)?;
    // A set taken back to draft is no longer public: what is edited there is shown to
    // visitors again only when an editor decides so.
    if to == SetStatus::Draft && set.public {
        scenarios::set_public(tx, id, false, user.id)?;
    }
    audit::record(
        tx,
        actor,
        "scenario_set.status",
        Some(&format!("scenario_set:{id}")),
        Some(to.key()),
    )?;
    Ok(())
}

/// Makes set `id` public or not: editors and process leaders, for a set past its draft.
pub async fn make_public(db: &Db, user: &User, actor: &Actor, id: i64, public: bool) -> Result<()> {
    let (user, actor) = (user.clone(), actor.clone());
    transaction::write(db, move |tx| make_public_in(tx, &user, &actor, id, public)).await
}

/// [`make_public`] inside a write transaction the caller holds.
pub(crate) fn make_public_in(
    tx: &rusqlite::Connection,
    user: &User,
    actor: &Actor,
    id: i64,
    public: bool,
) -> Result<()> {
    if !crate::domain::bank::can_curate(&subject(user)) {
        return Err(Error::Forbidden);
    }
    let set = scenarios::get_set(tx, id)?.ok_or(Error::NotFound)?;
    if public && set.status == SetStatus::Draft {
        return Err(Error::Refused("error-scenario-set-draft-public"));
    }
    scenarios::set_public(tx, id, public, user.id)?;
    audit::record(
        tx,
        actor,
        if public {
            "scenario_set.public"
        } else {
            "scenario_set.private"
        },
        Some(&format!("scenario_set:{id}")),
        None,
    )?;
    Ok(())
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
    let (user, actor) = (user.clone(), actor.clone());
    transaction::write(db, move |tx| comment_in(tx, &user, &actor, id, &body)).await
}

/// [`comment`] inside a write transaction the caller holds.
pub(crate) fn comment_in(
    tx: &rusqlite::Connection,
    user: &User,
    actor: &Actor,
    id: i64,
    body: &str,
) -> Result<Commented> {
    let body = body.trim();
    let subject = subject(user);
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
    let comment = scenarios::add_comment(tx, id, body, user.id)?;
    audit::record(
        tx,
        actor,
        "scenario.comment",
        Some(&format!("scenario:{id}")),
        Some(&format!("comment:{comment}")),
    )?;
    Ok(Commented::Done)
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

// ---------------------------------------------------------------------------------------
// What the pages read: the list, a set and a scenario with the notes they name, the
// histories, and what the set form offers.

/// A set in the list, with how many scenarios it holds.
#[derive(Debug, Clone, Serialize)]
pub struct SetRow {
    pub set: Set,
    pub scenarios: usize,
}

/// A bank note a set or scenario names, as the viewer may see it: its title only when
/// they may see the note (else its number alone, without a link).
#[derive(Debug, Clone, Serialize)]
pub struct NoteRef {
    pub id: i64,
    pub title: Option<String>,
}

/// Notes by number (as text, the key a template looks them up by).
pub type NoteRefs = BTreeMap<String, NoteRef>;

fn note_refs(
    c: &rusqlite::Connection,
    viewer: Option<&Subject>,
    ids: &[i64],
) -> crate::storage::Result<NoteRefs> {
    let briefs = bank::briefs(c, ids)?;
    Ok(ids
        .iter()
        .map(|id| {
            let title = briefs
                .iter()
                .find(|b| b.id == *id)
                .filter(|b| can_see_note(viewer, b.status, b.organisation_id, b.public))
                .map(|b| b.title.clone());
            (id.to_string(), NoteRef { id: *id, title })
        })
        .collect())
}

/// Every note a set and its scenarios name: axes, predetermined elements, signposts.
fn named_notes(set: &Set, list: &[Scenario]) -> Vec<i64> {
    let mut ids = set.chosen();
    for s in list {
        for n in s
            .signposts
            .iter()
            .filter_map(|p| p.note)
            .chain(s.driver_states.iter().map(|d| d.note))
        {
            if !ids.contains(&n) {
                ids.push(n);
            }
        }
    }
    ids
}

/// The sets `viewer` sees (none is a visitor), by phase in the programme's order, oldest
/// first within a phase.
pub async fn list(db: &Db, programme: &Programme, viewer: Option<&User>) -> Result<Vec<SetRow>> {
    let subject: Option<Subject> = viewer.map(subject);
    let all = db
        .read(move |c| {
            let mut rows = Vec::new();
            for set in scenarios::sets(c, None)? {
                let count = scenarios::scenarios(c, set.id)?.len();
                rows.push(SetRow {
                    set,
                    scenarios: count,
                });
            }
            Ok(rows)
        })
        .await?;
    let phases = scenario::phases(programme);
    let mut rows: Vec<SetRow> = all
        .into_iter()
        .filter(|r| can_see(subject.as_ref(), r.set.status, r.set.public))
        .filter(|r| phases.contains(&r.set.phase_slug.as_str()))
        .collect();
    rows.sort_by_key(|r| (phases.iter().position(|p| *p == r.set.phase_slug), r.set.id));
    Ok(rows)
}

/// A set's page: the set, its scenarios and the notes they name.
#[derive(Debug, Clone, Serialize)]
pub struct SetView {
    pub set: Set,
    pub scenarios: Vec<Scenario>,
    pub notes: NoteRefs,
}

/// Set `id` as `viewer` may see it, with its scenarios and the notes named.
pub async fn set_view(db: &Db, viewer: Option<&User>, id: i64) -> Result<SetView> {
    let (set, list) = self::set(db, viewer, id).await?;
    let ids = named_notes(&set, &list);
    let viewer = viewer.cloned();
    let notes = db
        .read(move |c| note_refs(c, viewer.as_ref().map(subject).as_ref(), &ids))
        .await?;
    Ok(SetView {
        set,
        scenarios: list,
        notes,
    })
}

/// A scenario's page: its set, the scenario, its comments and the notes it names.
#[derive(Debug, Clone, Serialize)]
pub struct ScenarioView {
    pub set: Set,
    pub scenario: Scenario,
    pub comments: Vec<scenarios::Comment>,
    pub notes: NoteRefs,
}

/// Scenario `id` as `viewer` may see it (through its set), with its comments for members.
pub async fn scenario_view(db: &Db, viewer: Option<&User>, id: i64) -> Result<ScenarioView> {
    let found = db.read(move |c| scenarios::get_scenario(c, id)).await?;
    let scenario = found.ok_or(Error::NotFound)?;
    let (set, _) = self::set(db, viewer, scenario.set_id).await?;
    let ids = named_notes(&set, std::slice::from_ref(&scenario));
    let viewer = viewer.cloned();
    let (comments, notes) = db
        .read(move |c| {
            // The comments are the members' conversation: visitors see none of them.
            let comments = match viewer {
                Some(_) => scenarios::comments(c, id)?,
                None => Vec::new(),
            };
            let notes = note_refs(c, viewer.as_ref().map(subject).as_ref(), &ids)?;
            Ok((comments, notes))
        })
        .await?;
    Ok(ScenarioView {
        set,
        scenario,
        comments,
        notes,
    })
}

/// Set `id` for `user` to edit (those who write sets), with its scenarios.
pub async fn editable_set(db: &Db, user: &User, id: i64) -> Result<(Set, Vec<Scenario>)> {
    let found = self::set(db, Some(user), id).await?;
    if can_write(&subject(user)) {
        Ok(found)
    } else {
        Err(Error::Forbidden)
    }
}

/// Scenario `id` for `user` to edit, with its set and the set's other scenarios.
pub async fn editable_scenario(
    db: &Db,
    user: &User,
    id: i64,
) -> Result<(Set, Scenario, Vec<Scenario>)> {
    let found = db.read(move |c| scenarios::get_scenario(c, id)).await?;
    let scenario = found.ok_or(Error::NotFound)?;
    let (set, list) = editable_set(db, user, scenario.set_id).await?;
    Ok((set, scenario, list))
}

/// One revision and what changed in it from the one before (none for the first).
#[derive(Debug, Clone, Serialize)]
pub struct HistoryEntry {
    pub revision: scenarios::Revision,
    pub changes: Vec<crate::domain::bank::FieldChange>,
}

fn history(revisions: Vec<scenarios::Revision>, fields: &[&str]) -> Vec<HistoryEntry> {
    // Newest first: each revision is compared with the one before it.
    let changes: Vec<_> = revisions
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let older = revisions.get(i + 1).and_then(|o| o.snapshot.as_ref());
            match (older, &r.snapshot) {
                (Some(before), Some(now)) => scenario::changes(before, now, fields),
                _ => Vec::new(),
            }
        })
        .collect();
    revisions
        .into_iter()
        .zip(changes)
        .map(|(revision, changes)| HistoryEntry { revision, changes })
        .collect()
}

/// Every revision of set `id`, newest first, with what changed: for a member who sees it.
pub async fn set_history(db: &Db, user: &User, id: i64) -> Result<(Set, Vec<HistoryEntry>)> {
    let (set, _) = self::set(db, Some(user), id).await?;
    let revisions = db.read(move |c| scenarios::set_revisions(c, id)).await?;
    Ok((set, history(revisions, scenario::SET_HISTORY_FIELDS)))
}

/// Every revision of scenario `id`, newest first, with what changed.
pub async fn scenario_history(
    db: &Db,
    user: &User,
    id: i64,
) -> Result<(Set, Scenario, Vec<HistoryEntry>)> {
    let view = scenario_view(db, Some(user), id).await?;
    let revisions = db
        .read(move |c| scenarios::scenario_revisions(c, id))
        .await?;
    Ok((
        view.set,
        view.scenario,
        history(revisions, scenario::SCENARIO_HISTORY_FIELDS),
    ))
}

/// What the set form offers: the uncertainties to span an axis (the driver map's critical
/// uncertainties first when the set is made from a round), the predetermined notes of
/// that map, and the round itself.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SetChoices {
    pub round: Option<NoteRef>,
    pub critical: Vec<NoteRef>,
    pub others: Vec<NoteRef>,
    pub predetermined: Vec<NoteRef>,
}

/// The choices of the set form for `user` (who writes sets), from round `round`'s driver
/// map if given (whose figures they may read).
pub async fn set_choices(db: &Db, user: &User, round: Option<i64>) -> Result<SetChoices> {
    use crate::domain::bank::NoteStatus;
    use crate::domain::bank::NoteType;
    use crate::domain::chart::Quadrant as Field;
    use crate::storage::bank::NoteFilter;
    if !can_write(&subject(user)) {
        return Err(Error::Forbidden);
    }
    let mut choices = SetChoices::default();
    if let Some(id) = round {
        let (found, notes) = super::rounds::readable(db, user, id).await?;
        let chart = db
            .read(move |c| super::embeds::round_chart(c, id, None, super::embeds::DRIVER_MAP))
            .await?
            .ok_or(Error::NotFound)?;
        choices.round = Some(NoteRef {
            id,
            title: Some(found.title),
        });
        for row in chart
            .rows
            .iter()
            .filter(|r| notes.iter().any(|n| n.id == r.note_id))
        {
            let (Some(impact), Some(uncertainty)) = (
                row.impact.as_ref().and_then(|f| f.median),
                row.uncertainty.as_ref().and_then(|f| f.median),
            ) else {
                continue;
            };
            let note = NoteRef {
                id: row.note_id,
                title: Some(row.title.clone()),
            };
            match Field::of(impact, uncertainty) {
                Field::CriticalUncertainties if row.note_type == NoteType::Uncertainty => {
                    choices.critical.push(note)
                }
                Field::Predetermined => choices.predetermined.push(note),
                _ => {}
            }
        }
    }
    let filter = NoteFilter {
        note_type: Some(NoteType::Uncertainty),
        limit: 500,
        ..NoteFilter::default()
    };
    let (found, _) = db.read(move |c| bank::search(c, &filter)).await?;
    choices.others = found
        .into_iter()
        .filter(|n| !matches!(n.status, NoteStatus::Merged | NoteStatus::Archived))
        .filter(|n| !choices.critical.iter().any(|c| c.id == n.id))
        .map(|n| NoteRef {
            id: n.id,
            title: Some(n.title),
        })
        .collect();
    Ok(choices)
}

/// The images of the library an illustration may name.
pub async fn images(db: &Db) -> Result<Vec<String>> {
    let all = db.read(images::list).await?;
    Ok(all.into_iter().map(|i| i.name).collect())
}
