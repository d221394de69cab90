//! Backcasting (workshop 4): writing a vision (the workshop's shared one, or an
//! organisation's own while its submission is its to write; an organisation may adopt
//! the shared one), its milestones and actions, with every revision kept; the stress
//! test of each against the scenarios of the vision's set; publishing a vision; and
//! reading what a viewer sees of them.

use std::collections::BTreeMap;
use std::sync::Arc;

use rusqlite::Connection;
use serde::Serialize;

use super::{Error, Result, subject, transaction};
use crate::domain::access::Subject;
use crate::domain::backcasting::{
    self, Errors, ItemKind, MilestonePart, PartAction, PartMilestone, Score, Typed,
    VERDICT_NOTE_MAX, Verdict, can_judge, can_publish, can_write_own, can_write_shared,
    check_action, check_milestone, check_scenarios, check_verdict_scenario, read_action,
    read_milestone, read_vision,
};
use crate::domain::programme::Programme;
use crate::domain::scenario;
use crate::storage::audit::{self, Actor};
use crate::storage::backcasting::{
    self as store, Action, Milestone, StressVerdict, Vision, VisionPlace,
};
use crate::storage::scenarios::{self, Scenario, Set};
use crate::storage::users::User;
use crate::storage::{self, Db, Edit, consequences, organisations, submissions};

/// The set a backcasting phase builds on (the open or newest final set of the latest
/// scenario phase up to it) with its scenarios in order.
pub fn set_of_phase(
    c: &Connection,
    programme: &Programme,
    phase: &str,
) -> storage::Result<Option<(Set, Vec<Scenario>)>> {
    let Some(scenario_phase) = crate::domain::consequence::scenario_phase(programme, phase) else {
        return Ok(None);
    };
    let Some(set) = scenarios::assessed_set(c, scenario_phase)? else {
        return Ok(None);
    };
    let list = scenarios::scenarios(c, set.id)?;
    Ok(Some((set, list)))
}

/// The scenarios of a vision's set, in order (none for a vision without a set).
pub fn scenarios_of(c: &Connection, v: &Vision) -> storage::Result<Vec<Scenario>> {
    match v.set_id {
        Some(set) => scenarios::scenarios(c, set),
        None => Ok(Vec::new()),
    }
}

/// Whether `viewer` sees vision `v` (and so its milestones, actions and verdicts).
pub fn visible(viewer: Option<&Subject>, v: &Vision) -> bool {
    !v.removed && backcasting::can_see(viewer, v.organisation_id, v.submission_status, v.public)
}

/// What became of saving a vision, milestone or action.
#[derive(Debug)]
pub enum Saved<T> {
    /// Stored: its number.
    Saved(i64),
    /// Something typed is wrong: errors at the fields, nothing stored.
    Refused(Errors),
    /// Someone saved a newer version first: here it is, and nothing was overwritten.
    Stale(Box<T>),
}

fn refused<T>(field: &str, message: &'static str) -> Result<Saved<T>> {
    let mut errors = Errors::new();
    errors.insert(field.into(), message);
    Ok(Saved::Refused(errors))
}

/// Whether `user` may write the vision of `organisation` (none: the shared one) in
/// `phase`, or the reason they may not yet.
fn check_writer(
    tx: &Connection,
    user: &User,
    phase: &str,
    organisation: Option<i64>,
) -> Result<()> {
    let s = subject(user);
    match organisation {
        None if can_write_shared(&s) => Ok(()),
        None => Err(Error::Forbidden),
        Some(o) => {
            let status = submissions::get(tx, phase, o)?.map(|s| s.status);
            if can_write_own(&s, o, status) {
                Ok(())
            } else if crate::domain::assignment::can_write(&s, o) {
                Err(Error::Refused("error-backcasting-locked"))
            } else {
                Err(Error::Forbidden)
            }
        }
    }
}

/// A vision `user` sees, or not found.
fn seen_vision(tx: &Connection, user: &User, id: i64) -> Result<Vision> {
    let v = store::vision(tx, id)?.ok_or(Error::NotFound)?;
    if !visible(Some(&subject(user)), &v) {
        return Err(Error::NotFound);
    }
    Ok(v)
}

/// Whether every consequence named exists and `viewer` sees it; the first that does not
/// answers as missing, so its number tells nothing of it.
fn consequences_seen(tx: &Connection, viewer: &Subject, ids: &[i64]) -> Result<bool> {
    for id in ids {
        let Some(c) = consequences::get(tx, *id)?.filter(|c| !c.removed) else {
            return Ok(false);
        };
        let set = match c.set_id {
            Some(set) => scenarios::get_set(tx, set)?,
            None => None,
        };
        let centre_seen = match &set {
            Some(set) => scenario::can_see(Some(viewer), set.status, set.public),
            None => true,
        };
        if !centre_seen || !super::consequences::visible(Some(viewer), set.as_ref(), &c) {
            return Ok(false);
        }
    }
    Ok(true)
}

// ---- Visions -------------------------------------------------------------------------

/// A new vision or an edit.
#[derive(Debug, Clone)]
pub enum VisionTarget {
    /// A new vision of `phase`, shared (`organisation` none) or an organisation's own.
    New {
        phase: String,
        organisation: Option<i64>,
    },
    /// An edit of vision `id` made from version `base`.
    Edit { id: i64, base: i64 },
}

/// Saves a vision: its title, horizon, statement, characteristics, and the scenarios of
/// its phase's set it builds on.
pub async fn save_vision(
    db: &Db,
    programme: &Arc<Programme>,
    user: &User,
    actor: &Actor,
    target: VisionTarget,
    typed: Typed,
) -> Result<Saved<Vision>> {
    let (programme, user, actor) = (programme.clone(), user.clone(), actor.clone());
    transaction::write(db, move |tx| {
        save_vision_in(tx, &programme, &user, &actor, target, &typed)
    })
    .await
}

/// [`save_vision`] inside a write transaction the caller holds.
pub(crate) fn save_vision_in(
    tx: &Connection,
    programme: &Programme,
    user: &User,
    actor: &Actor,
    target: VisionTarget,
    typed: &Typed,
) -> Result<Saved<Vision>> {
    match target {
        VisionTarget::New {
            phase,
            organisation,
        } => {
            if !backcasting::phases(programme).contains(&phase.as_str()) {
                return Err(Error::NotFound);
            }
            check_writer(tx, user, &phase, organisation)?;
            if let Some(o) = organisation
                && store::own_vision(tx, o, &phase)?.is_some()
            {
                return Err(Error::Refused("error-vision-exists"));
            }
            let v = match read_vision(typed) {
                Ok(v) => v,
                Err(errors) => return Ok(Saved::Refused(errors)),
            };
            let set = set_of_phase(tx, programme, &phase)?;
            let set_scenarios: Vec<i64> = set
                .as_ref()
                .map(|(_, list)| list.iter().map(|s| s.id).collect())
                .unwrap_or_default();
            if let Err((field, message)) = check_scenarios(&v.scenarios, &set_scenarios) {
                return refused(field, message);
            }
            let at = VisionPlace {
                phase: &phase,
                organisation,
                set: set.map(|(s, _)| s.id),
                adopted_from: None,
            };
            let id = store::insert_vision(tx, at, &v, user.id)?;
            audit::record(
                tx,
                actor,
                "vision.create",
                Some(&format!("vision:{id}")),
                None,
            )?;
            Ok(Saved::Saved(id))
        }
        VisionTarget::Edit { id, base } => {
            let current = seen_vision(tx, user, id)?;
            check_writer(tx, user, &current.phase_slug, current.organisation_id)?;
            if current.version != base {
                return Ok(Saved::Stale(Box::new(current)));
            }
            let v = match read_vision(typed) {
                Ok(v) => v,
                Err(errors) => return Ok(Saved::Refused(errors)),
            };
            let set: Vec<i64> = scenarios_of(tx, &current)?.iter().map(|s| s.id).collect();
            if let Err((field, message)) = check_scenarios(&v.scenarios, &set) {
                return refused(field, message);
            }
            // The horizon may not move before a milestone already on the way.
            if store::milestones_of(tx, id)?
                .iter()
                .any(|m| m.year > v.horizon)
            {
                return refused("horizon", "error-vision-before-milestones");
            }
            match store::update_vision(tx, id, base, &v, user.id)? {
                Edit::Saved { .. } => {
                    audit::record(
                        tx,
                        actor,
                        "vision.update",
                        Some(&format!("vision:{id}")),
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

/// An organisation adopts the shared vision `shared` as its own: its own vision starts
/// as a copy (title, horizon, statement, characteristics, scenarios), marked as adopted,
/// to which it adds its own milestones and actions. Refused when it already has one.
pub async fn adopt(
    db: &Db,
    user: &User,
    actor: &Actor,
    shared: i64,
    organisation: i64,
) -> Result<i64> {
    let (user, actor) = (user.clone(), actor.clone());
    transaction::write(db, move |tx| {
        adopt_in(tx, &user, &actor, shared, organisation)
    })
    .await
}

/// [`adopt`] inside a write transaction the caller holds.
pub(crate) fn adopt_in(
    tx: &Connection,
    user: &User,
    actor: &Actor,
    shared: i64,
    organisation: i64,
) -> Result<i64> {
    let v = seen_vision(tx, user, shared)?;
    if v.organisation_id.is_some() {
        return Err(Error::NotFound);
    }
    check_writer(tx, user, &v.phase_slug, Some(organisation))?;
    if store::own_vision(tx, organisation, &v.phase_slug)?.is_some() {
        return Err(Error::Refused("error-vision-exists"));
    }
    let at = VisionPlace {
        phase: &v.phase_slug,
        organisation: Some(organisation),
        set: v.set_id,
        adopted_from: Some(v.id),
    };
    let id = store::insert_vision(tx, at, &v.valid(), user.id)?;
    audit::record(
        tx,
        actor,
        "vision.adopt",
        Some(&format!("vision:{id}")),
        Some(&format!("vision:{shared}")),
    )?;
    Ok(id)
}

/// Publishes a vision to visitors or takes it back: process leaders and editors, for the
/// shared vision or an accepted organisation's.
pub async fn publish(db: &Db, user: &User, actor: &Actor, id: i64, public: bool) -> Result<()> {
    let (user, actor) = (user.clone(), actor.clone());
    transaction::write(db, move |tx| {
        let v = seen_vision(tx, &user, id)?;
        if !can_write_shared(&subject(&user)) {
            return Err(Error::Forbidden);
        }
        if public && !can_publish(v.organisation_id, v.submission_status) {
            return Err(Error::Refused("error-vision-publish-unaccepted"));
        }
        if store::set_vision_public(tx, id, public, user.id)? {
            let action = if public {
                "vision.publish"
            } else {
                "vision.unpublish"
            };
            audit::record(tx, &actor, action, Some(&format!("vision:{id}")), None)?;
        }
        Ok(())
    })
    .await
}

// ---- Milestones and actions ----------------------------------------------------------

/// A new milestone or action of a vision, or an edit of one.
#[derive(Debug, Clone, Copy)]
pub enum ItemTarget {
    /// A new one of vision `vision`.
    New { vision: i64 },
    /// An edit of `id` made from version `base`.
    Edit { id: i64, base: i64 },
}

/// The vision an item target belongs to, checked for the writer, and the current item
/// of an edit.
fn item_vision(tx: &Connection, user: &User, kind: ItemKind, target: ItemTarget) -> Result<Vision> {
    let vision = match target {
        ItemTarget::New { vision } => vision,
        ItemTarget::Edit { id, .. } => match kind {
            ItemKind::Milestone => store::milestone(tx, id)?
                .filter(|m| !m.removed)
                .map(|m| m.vision_id),
            ItemKind::Action => store::action(tx, id)?
                .filter(|a| !a.removed)
                .map(|a| a.vision_id),
            ItemKind::Vision => Some(id),
        }
        .ok_or(Error::NotFound)?,
    };
    let v = seen_vision(tx, user, vision)?;
    check_writer(tx, user, &v.phase_slug, v.organisation_id)?;
    Ok(v)
}

/// Saves a milestone: its year no later than the vision's horizon, its level one of the
/// programme's, its dependencies milestones of the same vision that come no later and
/// make no cycle, and the consequences it answers ones the writer sees.
pub async fn save_milestone(
    db: &Db,
    programme: &Arc<Programme>,
    user: &User,
    actor: &Actor,
    target: ItemTarget,
    typed: Typed,
) -> Result<Saved<Milestone>> {
    let (programme, user, actor) = (programme.clone(), user.clone(), actor.clone());
    transaction::write(db, move |tx| {
        save_milestone_in(tx, &programme, &user, &actor, target, &typed)
    })
    .await
}

/// [`save_milestone`] inside a write transaction the caller holds.
pub(crate) fn save_milestone_in(
    tx: &Connection,
    programme: &Programme,
    user: &User,
    actor: &Actor,
    target: ItemTarget,
    typed: &Typed,
) -> Result<Saved<Milestone>> {
    let v = item_vision(tx, user, ItemKind::Milestone, target)?;
    if let ItemTarget::Edit { id, base } = target {
        let current = store::milestone(tx, id)?.ok_or(Error::NotFound)?;
        if current.version != base {
            return Ok(Saved::Stale(Box::new(current)));
        }
    }
    let m = match read_milestone(programme, typed) {
        Ok(m) => m,
        Err(errors) => return Ok(Saved::Refused(errors)),
    };
    let others: Vec<_> = store::milestones_of(tx, v.id)?
        .iter()
        .map(Milestone::step)
        .collect();
    let id = match target {
        ItemTarget::Edit { id, .. } => Some(id),
        ItemTarget::New { .. } => None,
    };
    if let Err((field, message)) = check_milestone(id, &m, v.horizon, &others) {
        return refused(field, message);
    }
    if !consequences_seen(tx, &subject(user), &m.answers)? {
        return refused("answers", "error-backcasting-consequence-missing");
    }
    match target {
        ItemTarget::New { vision } => {
            let id = store::insert_milestone(tx, vision, &m, user.id)?;
            audit::record(
                tx,
                actor,
                "milestone.create",
                Some(&format!("milestone:{id}")),
                None,
            )?;
            Ok(Saved::Saved(id))
        }
        ItemTarget::Edit { id, base } => {
            match store::update_milestone(tx, id, base, &m, user.id)? {
                Edit::Saved { .. } => {
                    audit::record(
                        tx,
                        actor,
                        "milestone.update",
                        Some(&format!("milestone:{id}")),
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

/// Saves an action: its responsible organisation one of the workspace's, the milestones
/// it leads to of the same vision, and the consequences it answers ones the writer sees.
pub async fn save_action(
    db: &Db,
    user: &User,
    actor: &Actor,
    target: ItemTarget,
    typed: Typed,
) -> Result<Saved<Action>> {
    let (user, actor) = (user.clone(), actor.clone());
    transaction::write(db, move |tx| {
        save_action_in(tx, &user, &actor, target, &typed)
    })
    .await
}

/// [`save_action`] inside a write transaction the caller holds.
pub(crate) fn save_action_in(
    tx: &Connection,
    user: &User,
    actor: &Actor,
    target: ItemTarget,
    typed: &Typed,
) -> Result<Saved<Action>> {
    let v = item_vision(tx, user, ItemKind::Action, target)?;
    if let ItemTarget::Edit { id, base } = target {
        let current = store::action(tx, id)?.ok_or(Error::NotFound)?;
        if current.version != base {
            return Ok(Saved::Stale(Box::new(current)));
        }
    }
    let a = match read_action(typed) {
        Ok(a) => a,
        Err(errors) => return Ok(Saved::Refused(errors)),
    };
    if organisations::get(tx, a.organisation)?.is_none() {
        return refused("organisation", "error-action-organisation");
    }
    let milestones: Vec<i64> = store::milestones_of(tx, v.id)?
        .iter()
        .map(|m| m.id)
        .collect();
    if let Err((field, message)) = check_action(&a, &milestones) {
        return refused(field, message);
    }
    if !consequences_seen(tx, &subject(user), &a.answers)? {
        return refused("answers", "error-backcasting-consequence-missing");
    }
    match target {
        ItemTarget::New { vision } => {
            let id = store::insert_action(tx, vision, &a, user.id)?;
            audit::record(
                tx,
                actor,
                "action.create",
                Some(&format!("action:{id}")),
                None,
            )?;
            Ok(Saved::Saved(id))
        }
        ItemTarget::Edit { id, base } => match store::update_action(tx, id, base, &a, user.id)? {
            Edit::Saved { .. } => {
                audit::record(
                    tx,
                    actor,
                    "action.update",
                    Some(&format!("action:{id}")),
                    None,
                )?;
                Ok(Saved::Saved(id))
            }
            Edit::Stale(newer) => Ok(Saved::Stale(newer)),
            Edit::Missing => Err(Error::NotFound),
        },
    }
}

/// Removes a vision, milestone or action as of version `base`, its history kept. A
/// vision is removed only once it has no milestones or actions left.
pub async fn remove(
    db: &Db,
    user: &User,
    actor: &Actor,
    kind: ItemKind,
    id: i64,
    base: i64,
) -> Result<i64> {
    let (user, actor) = (user.clone(), actor.clone());
    transaction::write(db, move |tx| {
        let v = match kind {
            ItemKind::Vision => {
                let v = seen_vision(tx, &user, id)?;
                check_writer(tx, &user, &v.phase_slug, v.organisation_id)?;
                if !store::milestones_of(tx, id)?.is_empty()
                    || !store::actions_of(tx, id)?.is_empty()
                {
                    return Err(Error::Refused("error-vision-not-empty"));
                }
                v
            }
            _ => item_vision(tx, &user, kind, ItemTarget::Edit { id, base })?,
        };
        if !store::remove(tx, kind, id, base, user.id)? {
            return Err(Error::Refused("error-stale-remove"));
        }
        audit::record(
            tx,
            &actor,
            &format!("{}.remove", kind.key()),
            Some(&format!("{}:{id}", kind.key())),
            None,
        )?;
        Ok(v.id)
    })
    .await
}

// ---- The stress test -----------------------------------------------------------------

/// A verdict as typed: the scenario, the verdict's key (empty takes it back) and a note.
#[derive(Debug, Clone, Default)]
pub struct VerdictInput {
    pub scenario: i64,
    pub verdict: String,
    pub note: String,
}

/// Judges a milestone or action against scenarios of its vision's set, all or nothing:
/// a scenario of another set, an unknown verdict or a note too long refuses the whole
/// with errors at the fields (`verdict-{scenario}`, `note-{scenario}`).
pub async fn judge(
    db: &Db,
    user: &User,
    actor: &Actor,
    kind: ItemKind,
    item: i64,
    verdicts: Vec<VerdictInput>,
) -> Result<std::result::Result<i64, Errors>> {
    let (user, actor) = (user.clone(), actor.clone());
    transaction::write(db, move |tx| {
        judge_in(tx, &user, &actor, kind, item, &verdicts)
    })
    .await
}

/// The field of a verdict against `scenario`, and of its note.
pub fn verdict_field(scenario: i64) -> String {
    format!("verdict-{scenario}")
}
pub fn note_field(scenario: i64) -> String {
    format!("note-{scenario}")
}

/// [`judge`] inside a write transaction the caller holds; answers the vision's number.
pub(crate) fn judge_in(
    tx: &Connection,
    user: &User,
    actor: &Actor,
    kind: ItemKind,
    item: i64,
    verdicts: &[VerdictInput],
) -> Result<std::result::Result<i64, Errors>> {
    let vision = match kind {
        ItemKind::Milestone => store::milestone(tx, item)?
            .filter(|m| !m.removed)
            .map(|m| m.vision_id),
        ItemKind::Action => store::action(tx, item)?
            .filter(|a| !a.removed)
            .map(|a| a.vision_id),
        ItemKind::Vision => None,
    }
    .ok_or(Error::NotFound)?;
    let v = seen_vision(tx, user, vision)?;
    let status = match v.organisation_id {
        Some(o) => submissions::get(tx, &v.phase_slug, o)?.map(|s| s.status),
        None => None,
    };
    if !can_judge(&subject(user), v.organisation_id, status) {
        return Err(Error::Forbidden);
    }
    let set: Vec<i64> = scenarios_of(tx, &v)?.iter().map(|s| s.id).collect();
    let mut errors = Errors::new();
    let mut read = Vec::new();
    for input in verdicts {
        let field = verdict_field(input.scenario);
        if let Err(message) = check_verdict_scenario(input.scenario, &set) {
            errors.insert(field, message);
            continue;
        }
        let verdict = match input.verdict.trim() {
            "" => None,
            key => match Verdict::parse(key) {
                Some(v) => Some(v),
                None => {
                    errors.insert(field, "error-answer-invalid");
                    continue;
                }
            },
        };
        let note = input.note.trim();
        if note.chars().count() > VERDICT_NOTE_MAX {
            errors.insert(note_field(input.scenario), "error-too-long");
            continue;
        }
        read.push((input.scenario, verdict.map(|v| (v, note.to_string()))));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    for (scenario, verdict) in &read {
        store::judge(
            tx,
            kind,
            item,
            *scenario,
            verdict.as_ref().map(|(v, n)| (*v, n.as_str())),
            user.id,
        )?;
    }
    audit::record(
        tx,
        actor,
        "stress.judge",
        Some(&format!("{}:{item}", kind.key())),
        None,
    )?;
    Ok(Ok(v.id))
}

// ---- Reading -------------------------------------------------------------------------

/// A milestone or action with its verdicts by scenario and its score.
#[derive(Debug, Clone, Serialize)]
pub struct Judged<T> {
    #[serde(flatten)]
    pub item: T,
    /// By scenario number.
    pub verdicts: BTreeMap<i64, StressVerdict>,
    pub score: Score,
}

/// A vision as its page shows it: the vision, its set's scenarios, its milestones and
/// actions each with their verdicts and score.
#[derive(Debug, Clone, Serialize)]
pub struct VisionView {
    pub vision: Vision,
    pub scenarios: Vec<Scenario>,
    pub milestones: Vec<Judged<Milestone>>,
    pub actions: Vec<Judged<Action>>,
}

/// Reads vision `id` with everything under it, inside a read the caller holds, if
/// `viewer` sees it.
pub fn view_in(c: &Connection, viewer: Option<&Subject>, id: i64) -> Result<VisionView> {
    let vision = store::vision(c, id)?.ok_or(Error::NotFound)?;
    if !visible(viewer, &vision) {
        return Err(Error::NotFound);
    }
    let scenarios = scenarios_of(c, &vision)?;
    let ids: Vec<i64> = scenarios.iter().map(|s| s.id).collect();
    let mut verdicts = store::verdicts_of_vision(c, id)?;
    let mut judged = |kind: ItemKind, item: i64| {
        let by: BTreeMap<i64, StressVerdict> = verdicts
            .remove(&(kind, item))
            .unwrap_or_default()
            .into_iter()
            .filter(|v| ids.contains(&v.scenario_id))
            .map(|v| (v.scenario_id, v))
            .collect();
        let plain: BTreeMap<i64, Verdict> = by.iter().map(|(s, v)| (*s, v.verdict)).collect();
        (backcasting::score(&ids, &plain), by)
    };
    let milestones = store::milestones_of(c, id)?
        .into_iter()
        .map(|m| {
            let (score, verdicts) = judged(ItemKind::Milestone, m.id);
            Judged {
                item: m,
                verdicts,
                score,
            }
        })
        .collect();
    let actions = store::actions_of(c, id)?
        .into_iter()
        .map(|a| {
            let (score, verdicts) = judged(ItemKind::Action, a.id);
            Judged {
                item: a,
                verdicts,
                score,
            }
        })
        .collect();
    Ok(VisionView {
        vision,
        scenarios,
        milestones,
        actions,
    })
}

/// [`view_in`] in a read of its own.
pub async fn view(db: &Db, viewer: Option<&User>, id: i64) -> Result<VisionView> {
    let viewer = viewer.cloned();
    db.read(move |c| Ok(view_in(c, viewer.as_ref().map(subject).as_ref(), id)))
        .await?
}

/// The visions of a phase that `viewer` sees: the shared ones first, then by
/// organisation.
pub fn of_phase_in(
    c: &Connection,
    viewer: Option<&Subject>,
    phase: &str,
) -> storage::Result<Vec<Vision>> {
    Ok(store::visions_of_phase(c, phase)?
        .into_iter()
        .filter(|v| visible(viewer, v))
        .collect())
}

/// The organisation's vision of a phase as its submission keeps it (none before it
/// wrote or adopted one), read inside a transaction the caller holds.
pub fn own_part(
    c: &Connection,
    organisation: i64,
    phase: &str,
) -> storage::Result<Option<MilestonePart>> {
    let Some(v) = store::own_vision(c, organisation, phase)? else {
        return Ok(None);
    };
    let milestones = store::milestones_of(c, v.id)?
        .into_iter()
        .map(|m| PartMilestone {
            id: m.id,
            milestone: m.valid(),
        })
        .collect();
    let actions = store::actions_of(c, v.id)?
        .into_iter()
        .map(|a| PartAction {
            id: a.id,
            action: a.valid(),
        })
        .collect();
    Ok(Some(MilestonePart {
        vision: v.id,
        adopted_from: v.adopted_from,
        content: v.valid(),
        milestones,
        actions,
    }))
}
