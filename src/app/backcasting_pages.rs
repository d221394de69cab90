//! What the backcasting pages read beyond the visions themselves: the overview of the
//! programme's backcasting phases with the visions a viewer sees (counts of milestones
//! and actions, draft or published, adopted or not); a vision's page with what the
//! viewer may do there (edit, publish, adopt); the choices the forms offer (the
//! scenarios of the phase's set, the vision's milestones, the programme's levels, the
//! organisations); and the history of a vision, milestone or action with old → new
//! values.

use std::sync::Arc;

use rusqlite::Connection;
use serde::Serialize;

use super::backcasting::{VisionView, set_of_phase, view_in, visible};
use super::scenarios::HistoryEntry;
use super::{Error, Result, subject};
use crate::domain::access::Subject;
use crate::domain::assignment;
use crate::domain::backcasting::{self, ItemKind, can_publish, can_write_own, can_write_shared};
use crate::domain::programme::Programme;
use crate::storage::backcasting::{self as store, Milestone, Vision};
use crate::storage::scenarios::Scenario;
use crate::storage::users::User;
use crate::storage::{self, Db, organisations, submissions};

/// The fields of a stored vision its history shows when they change.
pub const VISION_HISTORY_FIELDS: &[&str] = &[
    "title",
    "horizon",
    "statement",
    "characteristics",
    "scenarios",
    "public",
    "removed",
];
/// The fields of a stored milestone its history shows when they change.
pub const MILESTONE_HISTORY_FIELDS: &[&str] = &[
    "year",
    "title",
    "description",
    "level",
    "kind",
    "actor",
    "depends_on",
    "answers",
    "removed",
];
/// The fields of a stored action its history shows when they change.
pub const ACTION_HISTORY_FIELDS: &[&str] = &[
    "text",
    "organisation_id",
    "start",
    "strategy",
    "status",
    "milestones",
    "answers",
    "removed",
];

/// The fields a history shows of `kind`.
pub fn history_fields(kind: ItemKind) -> &'static [&'static str] {
    match kind {
        ItemKind::Vision => VISION_HISTORY_FIELDS,
        ItemKind::Milestone => MILESTONE_HISTORY_FIELDS,
        ItemKind::Action => ACTION_HISTORY_FIELDS,
    }
}

/// Whether `user` may write vision `v` (its content, milestones and actions) now.
fn writable(c: &Connection, s: &Subject, v: &Vision) -> storage::Result<bool> {
    Ok(match v.organisation_id {
        None => can_write_shared(s),
        Some(o) => {
            let status = submissions::get(c, &v.phase_slug, o)?.map(|x| x.status);
            can_write_own(s, o, status)
        }
    })
}

/// Whether `user`'s organisation may write (or adopt) its own vision of `phase` now,
/// having none yet.
fn own_open(c: &Connection, user: &User, phase: &str) -> storage::Result<bool> {
    let s = subject(user);
    if !assignment::can_write(&s, user.organisation_id) {
        return Ok(false);
    }
    if store::own_vision(c, user.organisation_id, phase)?.is_some() {
        return Ok(false);
    }
    let status = submissions::get(c, phase, user.organisation_id)?.map(|x| x.status);
    Ok(can_write_own(&s, user.organisation_id, status))
}

// ---- The overview --------------------------------------------------------------------

/// A vision in the overview.
#[derive(Debug, Clone, Serialize)]
pub struct VisionRow {
    pub vision: Vision,
    pub milestones: usize,
    pub actions: usize,
}

/// A backcasting phase with the visions the viewer sees.
#[derive(Debug, Clone, Serialize)]
pub struct PhaseVisions {
    pub slug: String,
    pub visions: Vec<VisionRow>,
    /// Whether the viewer may write a new shared vision here.
    pub can_write_shared: bool,
    /// Whether the viewer's organisation may write its own here (it has none yet).
    pub can_write_own: bool,
}

/// The programme's backcasting phases, in order, with what `viewer` sees of each.
pub async fn overview(
    db: &Db,
    programme: &Arc<Programme>,
    viewer: Option<&User>,
) -> Result<Vec<PhaseVisions>> {
    let (programme, viewer) = (programme.clone(), viewer.cloned());
    Ok(db
        .read(move |c| {
            let who = viewer.as_ref().map(subject);
            let mut out = Vec::new();
            for phase in backcasting::phases(&programme) {
                let mut visions = Vec::new();
                for v in super::backcasting::of_phase_in(c, who.as_ref(), phase)? {
                    let milestones = store::milestones_of(c, v.id)?.len();
                    let actions = store::actions_of(c, v.id)?.len();
                    visions.push(VisionRow {
                        vision: v,
                        milestones,
                        actions,
                    });
                }
                let can_write_own = match &viewer {
                    Some(user) => own_open(c, user, phase)?,
                    None => false,
                };
                out.push(PhaseVisions {
                    slug: phase.to_string(),
                    visions,
                    can_write_shared: who.as_ref().is_some_and(can_write_shared),
                    can_write_own,
                });
            }
            Ok(out)
        })
        .await?)
}

/// Whether the programme has a vision visitors see (for the menu and the public pages).
pub async fn any_public(db: &Db, programme: &Arc<Programme>) -> Result<bool> {
    let programme = programme.clone();
    Ok(db
        .read(move |c| {
            for phase in backcasting::phases(&programme) {
                if !super::backcasting::of_phase_in(c, None, phase)?.is_empty() {
                    return Ok(true);
                }
            }
            Ok(false)
        })
        .await?)
}

// ---- A vision's page -----------------------------------------------------------------

/// The milestones reached in one year.
#[derive(Debug, Clone, Serialize)]
pub struct YearMilestones {
    pub year: i32,
    pub milestones: Vec<i64>,
}

/// A vision as its page shows it, with what the viewer may do.
#[derive(Debug, Clone, Serialize)]
pub struct VisionPage {
    #[serde(flatten)]
    pub view: VisionView,
    /// The milestones' numbers grouped by year, earliest first.
    pub years: Vec<YearMilestones>,
    /// The scenarios it builds on, in the set's order.
    pub builds_on: Vec<Scenario>,
    /// Whether the viewer may edit it and add or remove milestones and actions.
    pub can_edit: bool,
    /// Whether the viewer may publish it (or take it back).
    pub can_publish: bool,
    /// The organisation that may adopt it (a shared vision; the viewer's organisation
    /// while it may write its own and has none yet).
    pub can_adopt: Option<i64>,
    /// The shared vision it was adopted from, if the viewer sees it.
    pub adopted_from: Option<Vision>,
}

fn page_in(c: &Connection, viewer: Option<&User>, id: i64) -> Result<VisionPage> {
    let who = viewer.map(subject);
    let view = view_in(c, who.as_ref(), id)?;
    let v = &view.vision;
    let mut years: Vec<YearMilestones> = Vec::new();
    let mut sorted: Vec<&Milestone> = view.milestones.iter().map(|j| &j.item).collect();
    sorted.sort_by_key(|m| (m.year, m.id));
    for m in sorted {
        match years.last_mut() {
            Some(y) if y.year == m.year => y.milestones.push(m.id),
            _ => years.push(YearMilestones {
                year: m.year,
                milestones: vec![m.id],
            }),
        }
    }
    let builds_on = view
        .scenarios
        .iter()
        .filter(|s| v.scenarios.contains(&s.id))
        .cloned()
        .collect();
    let (can_edit, can_publish_now, can_adopt) = match (viewer, who.as_ref()) {
        (Some(user), Some(s)) => {
            let edit = writable(c, s, v)?;
            let publish = can_write_shared(s);
            let adopt = (v.organisation_id.is_none() && own_open(c, user, &v.phase_slug)?)
                .then_some(user.organisation_id);
            (edit, publish, adopt)
        }
        _ => (false, false, None),
    };
    let status_ok = can_publish(v.organisation_id, v.submission_status);
    let adopted_from = match v.adopted_from {
        Some(shared) => store::vision(c, shared)?.filter(|s| visible(who.as_ref(), s)),
        None => None,
    };
    Ok(VisionPage {
        years,
        builds_on,
        can_edit,
        can_publish: can_publish_now && (status_ok || v.public),
        can_adopt,
        adopted_from,
        view,
    })
}

/// Vision `id` as `viewer` sees it, or not found.
pub async fn vision_page(db: &Db, viewer: Option<&User>, id: i64) -> Result<VisionPage> {
    let viewer = viewer.cloned();
    db.read(move |c| Ok(page_in(c, viewer.as_ref(), id)))
        .await?
}

/// The vision of a milestone or action (not removed).
fn vision_of(c: &Connection, kind: ItemKind, id: i64) -> Result<i64> {
    match kind {
        ItemKind::Vision => Some(id),
        ItemKind::Milestone => store::milestone(c, id)?
            .filter(|m| !m.removed)
            .map(|m| m.vision_id),
        ItemKind::Action => store::action(c, id)?
            .filter(|a| !a.removed)
            .map(|a| a.vision_id),
    }
    .ok_or(Error::NotFound)
}

/// The page of the vision a milestone or action belongs to, as `viewer` sees it.
pub async fn page_of_item(
    db: &Db,
    viewer: Option<&User>,
    kind: ItemKind,
    id: i64,
) -> Result<VisionPage> {
    let viewer = viewer.cloned();
    db.read(move |c| {
        let vision = match vision_of(c, kind, id) {
            Ok(v) => v,
            Err(e) => return Ok(Err(e)),
        };
        Ok(page_in(c, viewer.as_ref(), vision))
    })
    .await?
}

// ---- The forms' choices --------------------------------------------------------------

/// An organisation to choose as responsible for an action.
#[derive(Debug, Clone, Serialize)]
pub struct OrganisationChoice {
    pub id: i64,
    pub name: String,
}

/// The organisations of the workspace, by name.
pub async fn organisations(db: &Db) -> Result<Vec<OrganisationChoice>> {
    Ok(db
        .read(|c| {
            let mut list: Vec<OrganisationChoice> = organisations::all(c)?
                .into_iter()
                .map(|o| OrganisationChoice {
                    id: o.id,
                    name: o.name,
                })
                .collect();
            list.sort_by(|a, b| a.name.cmp(&b.name));
            Ok(list)
        })
        .await?)
}

/// What the form of a new vision of a phase offers: the scenarios of the phase's set.
#[derive(Debug, Clone, Serialize)]
pub struct NewVision {
    pub phase: String,
    pub organisation: Option<i64>,
    pub scenarios: Vec<Scenario>,
}

/// The new vision form of `phase` for `user`: shared (`organisation` none) or the
/// organisation's own; not found for a phase without backcasting, forbidden for
/// someone who may not write it, refused when the organisation has one already.
pub async fn new_vision(
    db: &Db,
    programme: &Arc<Programme>,
    user: &User,
    phase: &str,
    organisation: Option<i64>,
) -> Result<NewVision> {
    let (programme, user, phase) = (programme.clone(), user.clone(), phase.to_string());
    db.read(move |c| {
        if !backcasting::phases(&programme).contains(&phase.as_str()) {
            return Ok(Err(Error::NotFound));
        }
        let s = subject(&user);
        match organisation {
            None if !can_write_shared(&s) => return Ok(Err(Error::Forbidden)),
            None => {}
            Some(o) => {
                if !assignment::can_write(&s, o) {
                    return Ok(Err(Error::Forbidden));
                }
                if store::own_vision(c, o, &phase)?.is_some() {
                    return Ok(Err(Error::Refused("error-vision-exists")));
                }
                let status = submissions::get(c, &phase, o)?.map(|x| x.status);
                if !can_write_own(&s, o, status) {
                    return Ok(Err(Error::Refused("error-backcasting-locked")));
                }
            }
        }
        let scenarios = set_of_phase(c, &programme, &phase)?
            .map(|(_, list)| list)
            .unwrap_or_default();
        Ok(Ok(NewVision {
            phase,
            organisation,
            scenarios,
        }))
    })
    .await?
}

/// Vision `id` for someone who may write it now (its page), or why not.
pub async fn writable_vision(db: &Db, user: &User, kind: ItemKind, id: i64) -> Result<VisionPage> {
    let page = page_of_item(db, Some(user), kind, id).await?;
    if page.can_edit {
        return Ok(page);
    }
    let s = subject(user);
    match page.view.vision.organisation_id {
        Some(o) if assignment::can_write(&s, o) => Err(Error::Refused("error-backcasting-locked")),
        _ => Err(Error::Forbidden),
    }
}

// ---- History -------------------------------------------------------------------------

/// The vision page of a vision, milestone or action with every revision of the item,
/// newest first, and what changed in each; for signed-in people who see it.
pub async fn history(
    db: &Db,
    user: &User,
    kind: ItemKind,
    id: i64,
) -> Result<(VisionPage, Vec<HistoryEntry>)> {
    let page = page_of_item(db, Some(user), kind, id).await?;
    let revisions = db.read(move |c| store::revisions(c, kind, id)).await?;
    let fields = history_fields(kind);
    let entries = revisions
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let older = revisions.get(i + 1).and_then(|o| o.snapshot.as_ref());
            let changes = match (older, &r.snapshot) {
                (Some(before), Some(now)) => crate::domain::scenario::changes(before, now, fields),
                _ => Vec::new(),
            };
            HistoryEntry {
                revision: r.clone(),
                changes,
            }
        })
        .collect();
    Ok((page, entries))
}

// ---- Search --------------------------------------------------------------------------

/// A vision, milestone or action the one search found.
#[derive(Debug, Clone, Serialize)]
pub struct BackcastingHit {
    /// `vision`, `milestone` or `action`.
    pub kind: &'static str,
    pub id: i64,
    /// Its title (an action's text).
    pub title: String,
    /// The page it is on.
    pub path: String,
    /// The vision it belongs to.
    pub vision_id: i64,
    pub vision_title: String,
}

/// How many rows the full-text search reads before the visibility rules thin them.
const SEARCH_READ: i64 = 200;

/// The visions, milestones and actions an FTS5 query finds that `subject` (none: a
/// visitor) may see, best first, at most `limit`.
pub fn search(
    c: &Connection,
    programme: &Programme,
    subject: Option<&Subject>,
    fts: &str,
    limit: i64,
) -> storage::Result<Vec<BackcastingHit>> {
    if backcasting::phases(programme).is_empty() {
        return Ok(Vec::new());
    }
    let limit = usize::try_from(limit).unwrap_or(0);
    let mut hits = Vec::new();
    for (kind, id) in store::search(c, fts, SEARCH_READ)? {
        if hits.len() >= limit {
            break;
        }
        let (vision_id, title) = match kind {
            ItemKind::Vision => (id, None),
            ItemKind::Milestone => match store::milestone(c, id)?.filter(|m| !m.removed) {
                Some(m) => (m.vision_id, Some(m.title)),
                None => continue,
            },
            ItemKind::Action => match store::action(c, id)?.filter(|a| !a.removed) {
                Some(a) => (a.vision_id, Some(a.text)),
                None => continue,
            },
        };
        let Some(v) = store::vision(c, vision_id)?.filter(|v| visible(subject, v)) else {
            continue;
        };
        let path = match kind {
            ItemKind::Vision => format!("/visions/{id}"),
            ItemKind::Milestone => format!("/milestones/{id}"),
            ItemKind::Action => format!("/actions/{id}"),
        };
        hits.push(BackcastingHit {
            kind: kind.key(),
            id,
            title: title.unwrap_or_else(|| v.title.clone()),
            path,
            vision_id,
            vision_title: v.title,
        });
    }
    Ok(hits)
}

// ---- The public web ------------------------------------------------------------------

/// A published vision with its milestones (by year) and actions, as the public phase
/// page and the final publication show it.
#[derive(Debug, Clone, Serialize)]
pub struct PublicVision {
    pub vision: Vision,
    pub milestones: Vec<Milestone>,
    pub actions: Vec<crate::storage::backcasting::Action>,
}

/// The visions visitors see, by phase slug, each with its milestones (earliest first)
/// and actions, read inside a read the caller holds.
pub fn public_by_phase(
    c: &Connection,
    programme: &Programme,
) -> storage::Result<std::collections::BTreeMap<String, Vec<PublicVision>>> {
    let mut out = std::collections::BTreeMap::new();
    for phase in backcasting::phases(programme) {
        let mut list = Vec::new();
        for v in super::backcasting::of_phase_in(c, None, phase)? {
            let mut milestones = store::milestones_of(c, v.id)?;
            milestones.sort_by_key(|m| (m.year, m.id));
            let actions = store::actions_of(c, v.id)?;
            list.push(PublicVision {
                vision: v,
                milestones,
                actions,
            });
        }
        if !list.is_empty() {
            out.insert(phase.to_string(), list);
        }
    }
    Ok(out)
}

/// The visions of `phase` visitors see, for its public page.
pub async fn public_of_phase(
    db: &Db,
    programme: &Arc<Programme>,
    phase: &str,
) -> Result<Vec<PublicVision>> {
    let (programme, phase) = (programme.clone(), phase.to_string());
    Ok(db
        .read(move |c| {
            Ok(public_by_phase(c, &programme)?
                .remove(&phase)
                .unwrap_or_default())
        })
        .await?)
}
