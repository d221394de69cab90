//! Consequences (workshop 3): writing one (shared, or an organisation's own while its
//! submission is its to write) with every revision kept, capturing many at once at the
//! workshop, taking a shared one as the organisation's own ("this holds for us too"),
//! removing one, publishing a set's consequences, and reading what a viewer sees of
//! them.

use std::sync::Arc;

use rusqlite::Connection;
use serde::Serialize;

use super::{Error, Result, subject, transaction};
use crate::domain::access::Subject;
use crate::domain::bank::can_see_note;
use crate::domain::consequence::{
    self, Centre, Errors, ParentInfo, Typed, ValidConsequence, can_edit_shared, can_write_own,
    can_write_shared, check_parent, read, read_capture, rings_below,
};
use crate::domain::programme::{Programme, Term};
use crate::domain::scenario::{self, SetStatus};
use crate::storage::audit::{self, Actor};
use crate::storage::consequences::{self as store, Consequence, Placed, Revision};
use crate::storage::scenarios::{self, Scenario, Set};
use crate::storage::users::User;
use crate::storage::{self, Db, Edit, bank, submissions};

/// The set a consequence phase works on (the open or newest final set of its scenario
/// phase) with its scenarios in order.
pub fn set_of_phase(
    c: &Connection,
    programme: &Programme,
    phase: &str,
) -> storage::Result<Option<(Set, Vec<Scenario>)>> {
    let Some(scenario_phase) = consequence::scenario_phase(programme, phase) else {
        return Ok(None);
    };
    let Some(set) = scenarios::assessed_set(c, scenario_phase)? else {
        return Ok(None);
    };
    let list = scenarios::scenarios(c, set.id)?;
    Ok(Some((set, list)))
}

/// The consequence phase whose work a set's scenarios carry: the first consequence
/// phase working on the set's phase.
pub fn phase_of_set<'a>(programme: &'a Programme, set: &Set) -> Option<&'a str> {
    consequence::phases(programme)
        .into_iter()
        .find(|p| consequence::scenario_phase(programme, p) == Some(set.phase_slug.as_str()))
}

/// Whether a set's consequences are published to visitors: the set is public, past its
/// draft, and its consequences are published.
pub fn published(set: &Set) -> bool {
    set.public && set.consequences_public && set.status != SetStatus::Draft
}

/// Whether `viewer` sees consequence `c`, whose centre they see; `set` is its scenario's
/// set (none for a note's).
pub fn visible(viewer: Option<&Subject>, set: Option<&Set>, c: &Consequence) -> bool {
    consequence::can_see(
        viewer,
        c.centre,
        set.is_some_and(published),
        c.organisation_id,
        c.submission_status,
    )
}

/// What became of saving a consequence.
#[derive(Debug)]
pub enum Saved {
    /// Stored: the consequence's number.
    Saved(i64),
    /// Something typed is wrong: errors at the fields, nothing stored.
    Refused(Errors),
    /// Someone saved a newer version first: here it is, and nothing was overwritten.
    Stale(Box<Consequence>),
}

/// A new consequence or an edit.
#[derive(Debug, Clone, Copy)]
pub enum Target {
    /// A new consequence of `centre`, shared (`organisation` none) or an organisation's.
    New {
        centre: Centre,
        organisation: Option<i64>,
    },
    /// An edit of consequence `id` made from version `base`.
    Edit { id: i64, base: i64 },
}

/// Where a centre's consequences go: the consequence phase, and the set of a scenario.
fn place_of(
    tx: &Connection,
    programme: &Programme,
    viewer: &Subject,
    centre: Centre,
) -> Result<(String, Option<Set>)> {
    match centre {
        Centre::Scenario(id) => {
            let scenario = scenarios::get_scenario(tx, id)?.ok_or(Error::NotFound)?;
            let set = scenarios::get_set(tx, scenario.set_id)?.ok_or(Error::NotFound)?;
            if !scenario::can_see(Some(viewer), set.status, set.public) {
                return Err(Error::NotFound);
            }
            let phase = phase_of_set(programme, &set).ok_or(Error::NotFound)?;
            Ok((phase.to_string(), Some(set)))
        }
        Centre::Note(id) => {
            let note = bank::brief(tx, id)?.ok_or(Error::NotFound)?;
            if !can_see_note(Some(viewer), note.status, note.organisation_id, note.public) {
                return Err(Error::NotFound);
            }
            let phase = consequence::phases(programme)
                .first()
                .copied()
                .ok_or(Error::NotFound)?;
            Ok((phase.to_string(), None))
        }
    }
}

/// Whether `user` may write a consequence of `organisation` (none: shared) in `phase`,
/// or the reason they may not yet.
fn check_writer(
    tx: &Connection,
    user: &User,
    phase: &str,
    organisation: Option<i64>,
    created_by: Option<i64>,
    editing: bool,
) -> Result<()> {
    let s = subject(user);
    match organisation {
        None if editing => {
            if can_edit_shared(&s, user.id, created_by) {
                Ok(())
            } else {
                Err(Error::Forbidden)
            }
        }
        None => {
            if can_write_shared(&s) {
                Ok(())
            } else {
                Err(Error::Forbidden)
            }
        }
        Some(o) => {
            let status = submissions::get(tx, phase, o)?.map(|s| s.status);
            if can_write_own(&s, o, status) {
                Ok(())
            } else if crate::domain::assignment::can_write(&s, o) {
                Err(Error::Refused("error-consequence-locked"))
            } else {
                Err(Error::Forbidden)
            }
        }
    }
}

/// What [`check_parent`] needs of consequence `id`, or none when there is no such
/// consequence that `viewer` sees (a hidden one answers as a missing one, so its
/// number tells nothing of it).
fn parent_info(tx: &Connection, viewer: &Subject, id: i64) -> Result<Option<ParentInfo>> {
    let Some(p) = store::get(tx, id)? else {
        return Ok(None);
    };
    let set = match p.set_id {
        Some(set) => scenarios::get_set(tx, set)?,
        None => None,
    };
    let centre_seen = match &set {
        Some(set) => scenario::can_see(Some(viewer), set.status, set.public),
        None => true,
    };
    if !centre_seen || !visible(Some(viewer), set.as_ref(), &p) {
        return Ok(None);
    }
    Ok(Some(ParentInfo {
        centre: p.centre,
        organisation: p.organisation_id,
        order: p.order,
        removed: p.removed,
        chain: store::chain(tx, id)?,
    }))
}

/// The order a consequence takes under `parent`, or the errors that refuse it.
fn order_under(
    tx: &Connection,
    viewer: &Subject,
    id: Option<i64>,
    centre: Centre,
    organisation: Option<i64>,
    c: &ValidConsequence,
) -> Result<std::result::Result<u8, Errors>> {
    let parent = match c.parent {
        Some(p) => match parent_info(tx, viewer, p)? {
            Some(info) => Some(info),
            None => {
                let mut errors = Errors::new();
                errors.insert("parent".into(), "error-consequence-parent-missing");
                return Ok(Err(errors));
            }
        },
        None => None,
    };
    let below = match id {
        Some(id) => rings_below(id, &store::of_centre(tx, centre)?),
        None => 0,
    };
    Ok(
        check_parent(id, centre, organisation, parent.as_ref(), c.order, below).map_err(
            |(field, message)| {
                let mut errors = Errors::new();
                errors.insert(field.into(), message);
                errors
            },
        ),
    )
}

/// Saves a consequence: a new one or an edit. The form is read against the programme's
/// levels and themes, the parent must be of the same centre (and shared, or the
/// organisation's own), and no ring goes beyond the 3rd.
pub async fn save(
    db: &Db,
    programme: &Arc<Programme>,
    user: &User,
    actor: &Actor,
    target: Target,
    typed: Typed,
) -> Result<Saved> {
    let (programme, user, actor) = (programme.clone(), user.clone(), actor.clone());
    transaction::write(db, move |tx| {
        save_in(tx, &programme, &user, &actor, target, &typed)
    })
    .await
}

/// [`save`] inside a write transaction the caller holds.
pub(crate) fn save_in(
    tx: &Connection,
    programme: &Programme,
    user: &User,
    actor: &Actor,
    target: Target,
    typed: &Typed,
) -> Result<Saved> {
    let s = subject(user);
    match target {
        Target::New {
            centre,
            organisation,
        } => {
            let (phase, _) = place_of(tx, programme, &s, centre)?;
            check_writer(tx, user, &phase, organisation, None, false)?;
            let c = match read(programme, typed) {
                Ok(c) => c,
                Err(errors) => return Ok(Saved::Refused(errors)),
            };
            let order = match order_under(tx, &s, None, centre, organisation, &c)? {
                Ok(order) => order,
                Err(errors) => return Ok(Saved::Refused(errors)),
            };
            let at = Placed {
                phase: &phase,
                centre,
                organisation,
                order,
                based_on: None,
            };
            let id = store::insert(tx, at, &c, user.id)?;
            audit::record(
                tx,
                actor,
                "consequence.create",
                Some(&format!("consequence:{id}")),
                None,
            )?;
            Ok(Saved::Saved(id))
        }
        Target::Edit { id, base } => {
            let current = store::get(tx, id)?
                .filter(|c| !c.removed)
                .ok_or(Error::NotFound)?;
            place_of(tx, programme, &s, current.centre)?;
            check_writer(
                tx,
                user,
                &current.phase_slug,
                current.organisation_id,
                current.created_by,
                true,
            )?;
            if current.version != base {
                return Ok(Saved::Stale(Box::new(current)));
            }
            let c = match read(programme, typed) {
                Ok(c) => c,
                Err(errors) => return Ok(Saved::Refused(errors)),
            };
            let (centre, organisation) = (current.centre, current.organisation_id);
            let order = match order_under(tx, &s, Some(id), centre, organisation, &c)? {
                Ok(order) => order,
                Err(errors) => return Ok(Saved::Refused(errors)),
            };
            // Moving it moves what follows from it: never another organisation's (whose
            // submission may already hold it where it stands).
            if order != current.order && has_others_below(tx, &current)? {
                let mut errors = Errors::new();
                errors.insert("parent".into(), "error-consequence-followers-elsewhere");
                return Ok(Saved::Refused(errors));
            }
            match store::update(tx, id, base, &c, order, user.id)? {
                Edit::Saved { .. } => {
                    audit::record(
                        tx,
                        actor,
                        "consequence.update",
                        Some(&format!("consequence:{id}")),
                        None,
                    )?;
                    Ok(Saved::Saved(id))
                }
                Edit::Stale(newer) => Ok(Saved::Stale(newer)),
                Edit::Missing => Err(Error::NotFound),
            }
        }
    }
}

/// Whether any consequence following from `c`, in any ring, is another organisation's
/// (or shared below an organisation's own).
fn has_others_below(tx: &Connection, c: &Consequence) -> Result<bool> {
    let all = store::of_centre(tx, c.centre)?;
    Ok(consequence::all_below(c.id, &all)
        .iter()
        .any(|x| x.organisation_id != c.organisation_id))
}

/// A quick capture at the workshop: one consequence a line at one level (and theme, if
/// given), following from `parent` or the centre.
#[derive(Debug, Clone, Default)]
pub struct CaptureInput {
    pub level: String,
    pub theme: String,
    pub parent: String,
    pub lines: String,
}

/// The field of a capture's lines.
pub const LINES_FIELD: &str = "lines";

/// What became of a capture.
#[derive(Debug)]
pub enum Captured {
    /// Stored, in the order typed.
    Saved(Vec<i64>),
    /// Nothing stored: errors at the fields, and the line (from 1) an error of the
    /// lines is on.
    Refused { errors: Errors, line: Option<usize> },
}

/// Stores every line of a capture as a consequence of `centre`, shared or
/// `organisation`'s, all or nothing.
pub async fn capture(
    db: &Db,
    programme: &Arc<Programme>,
    user: &User,
    actor: &Actor,
    centre: Centre,
    organisation: Option<i64>,
    input: CaptureInput,
) -> Result<Captured> {
    let (programme, user, actor) = (programme.clone(), user.clone(), actor.clone());
    transaction::write(db, move |tx| {
        capture_in(tx, &programme, &user, &actor, centre, organisation, &input)
    })
    .await
}

/// [`capture`] inside a write transaction the caller holds.
pub(crate) fn capture_in(
    tx: &Connection,
    programme: &Programme,
    user: &User,
    actor: &Actor,
    centre: Centre,
    organisation: Option<i64>,
    input: &CaptureInput,
) -> Result<Captured> {
    let s = subject(user);
    let (phase, _) = place_of(tx, programme, &s, centre)?;
    check_writer(tx, user, &phase, organisation, None, false)?;
    // The level, theme and parent are read as one consequence's form would read them.
    let mut head = Typed::new();
    head.insert("level".into(), input.level.clone());
    head.insert("theme".into(), input.theme.clone());
    head.insert("parent".into(), input.parent.clone());
    head.insert("text".into(), "-".into());
    let mut errors = match read(programme, &head) {
        Ok(_) => Errors::new(),
        Err(errors) => errors,
    };
    let base = read(programme, &head).ok();
    let start = match &base {
        Some(c) => match order_under(tx, &s, None, centre, organisation, c)? {
            Ok(order) => order,
            Err(e) => {
                errors.extend(e);
                1
            }
        },
        None => 1,
    };
    let lines = match read_capture(&input.lines, start) {
        Ok(lines) => lines,
        Err((line, message)) => {
            errors.insert(LINES_FIELD.into(), message);
            return Ok(Captured::Refused {
                errors,
                line: (line > 0).then_some(line),
            });
        }
    };
    let Some(base) = base.filter(|_| errors.is_empty()) else {
        return Ok(Captured::Refused { errors, line: None });
    };
    let parents = consequence::capture_parents(&lines);
    let mut ids: Vec<i64> = Vec::with_capacity(lines.len());
    for (line, parent) in lines.iter().zip(parents) {
        let c = ValidConsequence {
            text: line.text.clone(),
            valence: line.valence,
            parent: parent.map(|i| ids[i]).or(base.parent),
            order: None,
            ..base.clone()
        };
        let at = Placed {
            phase: &phase,
            centre,
            organisation,
            order: start + line.depth,
            based_on: None,
        };
        ids.push(store::insert(tx, at, &c, user.id)?);
    }
    audit::record(
        tx,
        actor,
        "consequence.capture",
        Some(&format!("consequences:{}", ids.len())),
        None,
    )?;
    Ok(Captured::Saved(ids))
}

/// Takes shared consequence `shared` as the user's organisation's own, with its own
/// `text` ("this holds for us too"): the same level, theme, details and place in the
/// chain, remembering what it started from.
pub async fn hold_for_us(
    db: &Db,
    programme: &Arc<Programme>,
    user: &User,
    actor: &Actor,
    shared: i64,
    text: String,
) -> Result<Saved> {
    let (programme, user, actor) = (programme.clone(), user.clone(), actor.clone());
    transaction::write(db, move |tx| {
        hold_for_us_in(tx, &programme, &user, &actor, shared, &text)
    })
    .await
}

/// [`hold_for_us`] inside a write transaction the caller holds.
pub(crate) fn hold_for_us_in(
    tx: &Connection,
    programme: &Programme,
    user: &User,
    actor: &Actor,
    shared: i64,
    text: &str,
) -> Result<Saved> {
    let s = subject(user);
    let from = store::get(tx, shared)?
        .filter(|c| !c.removed && c.organisation_id.is_none())
        .ok_or(Error::NotFound)?;
    let (phase, _) = place_of(tx, programme, &s, from.centre)?;
    let organisation = Some(user.organisation_id);
    check_writer(tx, user, &phase, organisation, None, false)?;
    let text = text.trim();
    let mut errors = Errors::new();
    let held = store::of_organisation(tx, user.organisation_id, &phase)?
        .iter()
        .any(|c| c.based_on == Some(from.id));
    if held {
        errors.insert("text".into(), "error-consequence-held-already");
    } else if text.is_empty() {
        errors.insert("text".into(), "error-required");
    } else if text.chars().count() > consequence::TEXT_MAX {
        errors.insert("text".into(), "error-too-long");
    }
    if !errors.is_empty() {
        return Ok(Saved::Refused(errors));
    }
    let c = ValidConsequence {
        text: text.to_string(),
        order: None,
        ..from.valid()
    };
    let at = Placed {
        phase: &phase,
        centre: from.centre,
        organisation,
        order: from.order,
        based_on: Some(from.id),
    };
    let id = store::insert(tx, at, &c, user.id)?;
    audit::record(
        tx,
        actor,
        "consequence.hold_for_us",
        Some(&format!("consequence:{id}")),
        Some(&format!("consequence:{shared}")),
    )?;
    Ok(Saved::Saved(id))
}

/// What became of removing a consequence.
#[derive(Debug)]
pub enum Removed {
    Removed,
    /// Others follow from it: they must go or move first.
    HasFollowers,
    Stale(Box<Consequence>),
}

/// Removes consequence `id` as of version `base`; its history stays.
pub async fn remove(db: &Db, user: &User, actor: &Actor, id: i64, base: i64) -> Result<Removed> {
    let (user, actor) = (user.clone(), actor.clone());
    transaction::write(db, move |tx| {
        let current = store::get(tx, id)?
            .filter(|c| !c.removed)
            .ok_or(Error::NotFound)?;
        check_writer(
            tx,
            &user,
            &current.phase_slug,
            current.organisation_id,
            current.created_by,
            true,
        )?;
        if current.version != base {
            return Ok(Removed::Stale(Box::new(current)));
        }
        if store::followers(tx, id)? > 0 {
            return Ok(Removed::HasFollowers);
        }
        match store::remove(tx, id, base, user.id)? {
            Edit::Saved { .. } => {
                audit::record(
                    tx,
                    &actor,
                    "consequence.remove",
                    Some(&format!("consequence:{id}")),
                    None,
                )?;
                Ok(Removed::Removed)
            }
            Edit::Stale(newer) => Ok(Removed::Stale(newer)),
            Edit::Missing => Err(Error::NotFound),
        }
    })
    .await
}

/// Publishes the consequences of set `set_id` to visitors, or takes them back: those who
/// write sets, once the set itself is public.
pub async fn publish(db: &Db, user: &User, actor: &Actor, set_id: i64, public: bool) -> Result<()> {
    if !scenario::can_write(&subject(user)) {
        return Err(Error::Forbidden);
    }
    let (by, actor) = (user.id, actor.clone());
    transaction::write(db, move |tx| {
        let set = scenarios::get_set(tx, set_id)?.ok_or(Error::NotFound)?;
        if public && !(set.public && set.status != SetStatus::Draft) {
            return Err(Error::Refused("error-consequences-set-not-public"));
        }
        store::set_published(tx, set_id, public, by)?;
        let action = if public {
            "consequences.publish"
        } else {
            "consequences.unpublish"
        };
        audit::record(
            tx,
            &actor,
            action,
            Some(&format!("scenario_set:{set_id}")),
            None,
        )?;
        Ok(())
    })
    .await
}

/// A set with its scenarios and every consequence of them the viewer sees.
#[derive(Debug, Clone, Serialize)]
pub struct SetConsequences {
    pub set: Set,
    pub scenarios: Vec<Scenario>,
    /// The consequence phase the set's consequences belong to.
    pub phase: String,
    pub consequences: Vec<Consequence>,
    pub levels: Vec<Term>,
    pub themes: Vec<Term>,
    /// Whether the viewer may write shared consequences and publish them.
    pub can_write_shared: bool,
    pub can_publish: bool,
    pub published: bool,
}

/// The consequences of set `set_id` that `viewer` (none: a visitor) sees.
pub async fn of_set(
    db: &Db,
    programme: &Arc<Programme>,
    viewer: Option<&User>,
    set_id: i64,
) -> Result<SetConsequences> {
    let (programme, viewer) = (programme.clone(), viewer.cloned());
    db.read(move |c| Ok(of_set_in(c, &programme, viewer.as_ref(), set_id)))
        .await?
}

/// [`of_set`] on a connection the caller holds.
pub fn of_set_in(
    c: &Connection,
    programme: &Programme,
    viewer: Option<&User>,
    set_id: i64,
) -> Result<SetConsequences> {
    let s = viewer.map(subject);
    let set = scenarios::get_set(c, set_id)?.ok_or(Error::NotFound)?;
    if !scenario::can_see(s.as_ref(), set.status, set.public) {
        return Err(Error::NotFound);
    }
    let phase = phase_of_set(programme, &set).ok_or(Error::NotFound)?;
    let scenarios = scenarios::scenarios(c, set_id)?;
    let consequences = store::of_set(c, set_id)?
        .into_iter()
        .filter(|x| visible(s.as_ref(), Some(&set), x))
        .collect();
    Ok(SetConsequences {
        can_write_shared: s.as_ref().is_some_and(can_write_shared),
        can_publish: s.as_ref().is_some_and(scenario::can_write),
        published: published(&set),
        phase: phase.to_string(),
        set,
        scenarios,
        consequences,
        levels: programme.consequence_levels.clone(),
        themes: programme.consequence_themes.clone(),
    })
}

/// What a centre is, as its consequences' pages show it.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CentreView {
    Scenario {
        scenario: Box<Scenario>,
        set: Box<Set>,
    },
    Note {
        id: i64,
        title: String,
    },
}

/// A centre with the consequences of it the viewer sees.
#[derive(Debug, Clone, Serialize)]
pub struct CentreConsequences {
    pub centre: CentreView,
    pub phase: String,
    pub consequences: Vec<Consequence>,
    pub levels: Vec<Term>,
    pub themes: Vec<Term>,
}

/// The consequences of `centre` that `viewer` sees.
pub async fn of_centre(
    db: &Db,
    programme: &Arc<Programme>,
    viewer: Option<&User>,
    centre: Centre,
) -> Result<CentreConsequences> {
    let (programme, viewer) = (programme.clone(), viewer.cloned());
    db.read(move |c| Ok(of_centre_in(c, &programme, viewer.as_ref(), centre)))
        .await?
}

/// [`of_centre`] on a connection the caller holds.
pub fn of_centre_in(
    c: &Connection,
    programme: &Programme,
    viewer: Option<&User>,
    centre: Centre,
) -> Result<CentreConsequences> {
    let s = viewer.map(subject);
    let (view, set, phase) = match centre {
        Centre::Scenario(id) => {
            let scenario = scenarios::get_scenario(c, id)?.ok_or(Error::NotFound)?;
            let set = scenarios::get_set(c, scenario.set_id)?.ok_or(Error::NotFound)?;
            if !scenario::can_see(s.as_ref(), set.status, set.public) {
                return Err(Error::NotFound);
            }
            let phase = phase_of_set(programme, &set).ok_or(Error::NotFound)?;
            (
                CentreView::Scenario {
                    scenario: Box::new(scenario),
                    set: Box::new(set.clone()),
                },
                Some(set),
                phase,
            )
        }
        Centre::Note(id) => {
            let note = bank::brief(c, id)?.ok_or(Error::NotFound)?;
            let Some(v) = s.as_ref() else {
                return Err(Error::NotFound);
            };
            if !can_see_note(Some(v), note.status, note.organisation_id, note.public) {
                return Err(Error::NotFound);
            }
            let phase = consequence::phases(programme)
                .first()
                .copied()
                .ok_or(Error::NotFound)?;
            (
                CentreView::Note {
                    id,
                    title: note.title,
                },
                None,
                phase,
            )
        }
    };
    let consequences = store::of_centre(c, centre)?
        .into_iter()
        .filter(|x| visible(s.as_ref(), set.as_ref(), x))
        .collect();
    Ok(CentreConsequences {
        centre: view,
        phase: phase.to_string(),
        consequences,
        levels: programme.consequence_levels.clone(),
        themes: programme.consequence_themes.clone(),
    })
}

/// One consequence as its page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ConsequenceView {
    pub consequence: Consequence,
    /// What it follows from, and what it started from, when the viewer sees them.
    pub parent: Option<Consequence>,
    pub based_on: Option<Consequence>,
    pub followers: Vec<Consequence>,
    pub revisions: Vec<Revision>,
    /// Whether the viewer may edit or remove it now.
    pub can_edit: bool,
}

/// Consequence `id` as `viewer` sees it (not found when they do not, or it was removed).
pub async fn get(
    db: &Db,
    programme: &Arc<Programme>,
    viewer: Option<&User>,
    id: i64,
) -> Result<ConsequenceView> {
    let (programme, viewer) = (programme.clone(), viewer.cloned());
    db.read(move |c| {
        let current = store::get(c, id)?.filter(|x| !x.removed);
        let Some(current) = current else {
            return Ok(Err(Error::NotFound));
        };
        let all = match of_centre_in(c, &programme, viewer.as_ref(), current.centre) {
            Ok(all) => all,
            Err(e) => return Ok(Err(e)),
        };
        let seen =
            |n: Option<i64>| n.and_then(|n| all.consequences.iter().find(|x| x.id == n).cloned());
        if seen(Some(id)).is_none() {
            return Ok(Err(Error::NotFound));
        }
        let can_edit = match viewer.as_ref() {
            Some(user) => check_writer(
                c,
                user,
                &current.phase_slug,
                current.organisation_id,
                current.created_by,
                true,
            )
            .is_ok(),
            None => false,
        };
        let view = ConsequenceView {
            parent: seen(current.parent_id),
            based_on: seen(current.based_on),
            followers: all
                .consequences
                .iter()
                .filter(|x| x.parent_id == Some(id))
                .cloned()
                .collect(),
            revisions: if viewer.is_some() {
                store::revisions(c, id)?
            } else {
                Vec::new()
            },
            can_edit,
            consequence: current,
        };
        Ok(Ok(view))
    })
    .await?
}

/// An organisation's consequences of a phase, with the set they answer and the shared
/// consequences of its scenarios to start from, as the home assignment's part shows them.
#[derive(Debug, Clone, Serialize)]
pub struct OwnConsequences {
    pub set: Option<Set>,
    pub scenarios: Vec<Scenario>,
    pub own: Vec<Consequence>,
    pub shared: Vec<Consequence>,
    pub levels: Vec<Term>,
    pub themes: Vec<Term>,
    /// Whether the organisation's strategists may write them now.
    pub writable: bool,
}

/// Organisation `organisation`'s consequences of `phase` as `viewer` sees them.
pub async fn own(
    db: &Db,
    programme: &Arc<Programme>,
    viewer: &User,
    phase: &str,
    organisation: i64,
) -> Result<OwnConsequences> {
    let (programme, viewer, phase) = (programme.clone(), viewer.clone(), phase.to_string());
    db.read(move |c| {
        let s = subject(&viewer);
        let status = submissions::get(c, &phase, organisation)?.map(|x| x.status);
        let readable = crate::domain::assignment::can_write(&s, organisation)
            || status.is_some_and(|st| crate::domain::assignment::can_read(&s, organisation, st));
        if !readable {
            return Ok(Err(Error::NotFound));
        }
        let found = set_of_phase(c, &programme, &phase)?;
        let (set, scenarios) = match found {
            Some((set, list)) if scenario::can_see(Some(&s), set.status, set.public) => {
                (Some(set), list)
            }
            _ => (None, Vec::new()),
        };
        let in_set = |x: &Consequence| {
            x.scenario()
                .is_some_and(|id| scenarios.iter().any(|sc| sc.id == id))
        };
        let own = store::of_organisation(c, organisation, &phase)?
            .into_iter()
            .filter(in_set)
            .collect();
        let shared = match &set {
            Some(set) => store::of_set(c, set.id)?
                .into_iter()
                .filter(|x| x.organisation_id.is_none())
                .collect(),
            None => Vec::new(),
        };
        Ok(Ok(OwnConsequences {
            writable: can_write_own(&s, organisation, status),
            set,
            scenarios,
            own,
            shared,
            levels: programme.consequence_levels.clone(),
            themes: programme.consequence_themes.clone(),
        }))
    })
    .await?
}
