//! Visions, milestones, actions, their revisions, and the stress test's verdicts.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use super::scenarios::Revision;
use super::{Edit, Result, now_seconds};
use crate::domain::assignment::SubmissionStatus;
use crate::domain::backcasting::{
    ActionStatus, ItemKind, MilestoneKind, Start, Step, ValidAction, ValidMilestone, ValidVision,
    Verdict,
};

fn json_list<T: serde::de::DeserializeOwned>(r: &Row<'_>, name: &str) -> rusqlite::Result<Vec<T>> {
    let text: String = r.get(name)?;
    Ok(serde_json::from_str(&text).unwrap_or_default())
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".into())
}

// ---- Visions -------------------------------------------------------------------------

/// A stored vision, with what its readers need of its organisation and of that
/// organisation's submission of the phase.
#[derive(Debug, Clone, Serialize)]
pub struct Vision {
    pub id: i64,
    pub phase_slug: String,
    pub organisation_id: Option<i64>,
    pub organisation_name: Option<String>,
    pub organisation_category: Option<String>,
    /// Where the organisation's submission of the phase stands (none for the shared one,
    /// or before the organisation started).
    pub submission_status: Option<SubmissionStatus>,
    pub set_id: Option<i64>,
    pub title: String,
    pub horizon: i32,
    pub statement: String,
    pub characteristics: Vec<String>,
    pub scenarios: Vec<i64>,
    pub adopted_from: Option<i64>,
    pub public: bool,
    pub removed: bool,
    pub created_by: Option<i64>,
    pub author_name: Option<String>,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Vision {
    /// The vision as its form checks it, to edit it again.
    pub fn valid(&self) -> ValidVision {
        ValidVision {
            title: self.title.clone(),
            horizon: self.horizon,
            statement: self.statement.clone(),
            characteristics: self.characteristics.clone(),
            scenarios: self.scenarios.clone(),
        }
    }
}

const VISION_SELECT: &str = concat!(
    "SELECT v.id, v.phase_slug, v.organisation_id,
        o.name AS organisation_name, o.category AS organisation_category,
        s.status AS submission_status, v.set_id, v.title, v.horizon, v.statement,
        v.characteristics, v.scenarios, v.adopted_from, v.public, v.removed, v.created_by,
        ",
    person_name!("u"),
    " AS author_name, v.version, v.created_at, v.updated_at
    FROM visions v
    LEFT JOIN organisations o ON o.id = v.organisation_id
    LEFT JOIN submissions s ON s.organisation_id = v.organisation_id AND s.phase_slug = v.phase_slug
    LEFT JOIN users u ON u.id = v.created_by"
);

fn vision_row(r: &Row<'_>) -> rusqlite::Result<Vision> {
    let status: Option<String> = r.get("submission_status")?;
    Ok(Vision {
        id: r.get("id")?,
        phase_slug: r.get("phase_slug")?,
        organisation_id: r.get("organisation_id")?,
        organisation_name: r.get("organisation_name")?,
        organisation_category: r.get("organisation_category")?,
        submission_status: status.as_deref().and_then(SubmissionStatus::parse),
        set_id: r.get("set_id")?,
        title: r.get("title")?,
        horizon: r.get("horizon")?,
        statement: r.get("statement")?,
        characteristics: json_list(r, "characteristics")?,
        scenarios: json_list(r, "scenarios")?,
        adopted_from: r.get("adopted_from")?,
        public: r.get("public")?,
        removed: r.get("removed")?,
        created_by: r.get("created_by")?,
        author_name: r.get("author_name")?,
        version: r.get("version")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

fn visions(conn: &Connection, filter: &str, values: impl rusqlite::Params) -> Result<Vec<Vision>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{VISION_SELECT} WHERE v.removed = 0 AND {filter}
         ORDER BY v.organisation_id IS NOT NULL, o.name, v.id"
    ))?;
    let rows = stmt.query_map(values, vision_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A vision by number, removed or not.
pub fn vision(conn: &Connection, id: i64) -> Result<Option<Vision>> {
    let mut stmt = conn.prepare_cached(&format!("{VISION_SELECT} WHERE v.id = ?1"))?;
    Ok(stmt.query_row([id], vision_row).optional()?)
}

/// The visions of a phase (not removed): the shared ones first, then by organisation.
pub fn visions_of_phase(conn: &Connection, phase: &str) -> Result<Vec<Vision>> {
    visions(conn, "v.phase_slug = ?1", [phase])
}

/// Every vision (not removed), for the exports and the thread.
pub fn all_visions(conn: &Connection) -> Result<Vec<Vision>> {
    visions(conn, "1 = 1", [])
}

/// An organisation's own vision of a phase (not removed), if it has one.
pub fn own_vision(conn: &Connection, organisation: i64, phase: &str) -> Result<Option<Vision>> {
    Ok(visions(
        conn,
        "v.organisation_id = ?1 AND v.phase_slug = ?2",
        params![organisation, phase],
    )?
    .into_iter()
    .next())
}

/// Where a new vision goes and whose it is.
#[derive(Debug, Clone, Copy)]
pub struct VisionPlace<'a> {
    pub phase: &'a str,
    pub organisation: Option<i64>,
    pub set: Option<i64>,
    pub adopted_from: Option<i64>,
}

/// Stores a new vision (and its first revision).
pub fn insert_vision(
    conn: &Connection,
    at: VisionPlace<'_>,
    v: &ValidVision,
    by: i64,
) -> Result<i64> {
    let now = now_seconds();
    conn.execute(
        "INSERT INTO visions (phase_slug, organisation_id, set_id, title, horizon, statement,
            characteristics, scenarios, adopted_from, created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
        params![
            at.phase,
            at.organisation,
            at.set,
            v.title,
            v.horizon,
            v.statement,
            to_json(&v.characteristics),
            to_json(&v.scenarios),
            at.adopted_from,
            by,
            now
        ],
    )?;
    let id = conn.last_insert_rowid();
    record_revision(conn, ItemKind::Vision, id, by)?;
    Ok(id)
}

/// Saves an edit of a vision made from version `base`; refused, never silently
/// overwritten, when it has moved on since.
pub fn update_vision(
    conn: &Connection,
    id: i64,
    base: i64,
    v: &ValidVision,
    by: i64,
) -> Result<Edit<Vision>> {
    let changed = conn.execute(
        "UPDATE visions SET title = ?3, horizon = ?4, statement = ?5, characteristics = ?6,
            scenarios = ?7, version = version + 1, updated_at = ?8
         WHERE id = ?1 AND version = ?2 AND removed = 0",
        params![
            id,
            base,
            v.title,
            v.horizon,
            v.statement,
            to_json(&v.characteristics),
            to_json(&v.scenarios),
            now_seconds()
        ],
    )?;
    finish(conn, ItemKind::Vision, id, base, changed, by, vision, |v| {
        v.removed
    })
}

/// Publishes a vision or takes it back (a revision records it).
pub fn set_vision_public(conn: &Connection, id: i64, public: bool, by: i64) -> Result<bool> {
    let changed = conn.execute(
        "UPDATE visions SET public = ?2, version = version + 1, updated_at = ?3
         WHERE id = ?1 AND removed = 0 AND public <> ?2",
        params![id, public, now_seconds()],
    )?;
    if changed == 1 {
        record_revision(conn, ItemKind::Vision, id, by)?;
    }
    Ok(changed == 1)
}

// ---- Milestones ----------------------------------------------------------------------

/// A stored milestone.
#[derive(Debug, Clone, Serialize)]
pub struct Milestone {
    pub id: i64,
    pub vision_id: i64,
    pub year: i32,
    pub title: String,
    pub description: String,
    pub level: String,
    pub kind: MilestoneKind,
    pub actor: String,
    pub depends_on: Vec<i64>,
    pub answers: Vec<i64>,
    pub removed: bool,
    pub created_by: Option<i64>,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Milestone {
    /// The milestone as its form checks it, to edit it again.
    pub fn valid(&self) -> ValidMilestone {
        ValidMilestone {
            year: self.year,
            title: self.title.clone(),
            description: self.description.clone(),
            level: self.level.clone(),
            kind: self.kind,
            actor: self.actor.clone(),
            depends_on: self.depends_on.clone(),
            answers: self.answers.clone(),
        }
    }

    /// What the dependency check needs of it.
    pub fn step(&self) -> Step {
        Step {
            id: self.id,
            year: self.year,
            depends_on: self.depends_on.clone(),
        }
    }
}

const MILESTONE_SELECT: &str = "SELECT id, vision_id, year, title, description, level, kind, actor,
        depends_on, answers, removed, created_by, version, created_at, updated_at
    FROM milestones";

fn milestone_row(r: &Row<'_>) -> rusqlite::Result<Milestone> {
    let kind: String = r.get("kind")?;
    Ok(Milestone {
        id: r.get("id")?,
        vision_id: r.get("vision_id")?,
        year: r.get("year")?,
        title: r.get("title")?,
        description: r.get("description")?,
        level: r.get("level")?,
        kind: MilestoneKind::parse(&kind).unwrap_or(MilestoneKind::Policy),
        actor: r.get("actor")?,
        depends_on: json_list(r, "depends_on")?,
        answers: json_list(r, "answers")?,
        removed: r.get("removed")?,
        created_by: r.get("created_by")?,
        version: r.get("version")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

/// A milestone by number, removed or not.
pub fn milestone(conn: &Connection, id: i64) -> Result<Option<Milestone>> {
    let mut stmt = conn.prepare_cached(&format!("{MILESTONE_SELECT} WHERE id = ?1"))?;
    Ok(stmt.query_row([id], milestone_row).optional()?)
}

/// A vision's milestones (not removed), earliest first.
pub fn milestones_of(conn: &Connection, vision: i64) -> Result<Vec<Milestone>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{MILESTONE_SELECT} WHERE vision_id = ?1 AND removed = 0 ORDER BY year, id"
    ))?;
    let rows = stmt.query_map([vision], milestone_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every milestone (not removed), for the exports and the thread.
pub fn all_milestones(conn: &Connection) -> Result<Vec<Milestone>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{MILESTONE_SELECT} WHERE removed = 0 ORDER BY vision_id, year, id"
    ))?;
    let rows = stmt.query_map([], milestone_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Stores a new milestone of `vision` (and its first revision).
pub fn insert_milestone(
    conn: &Connection,
    vision: i64,
    m: &ValidMilestone,
    by: i64,
) -> Result<i64> {
    let now = now_seconds();
    conn.execute(
        "INSERT INTO milestones (vision_id, year, title, description, level, kind, actor,
            depends_on, answers, created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
        params![
            vision,
            m.year,
            m.title,
            m.description,
            m.level,
            m.kind.key(),
            m.actor,
            to_json(&m.depends_on),
            to_json(&m.answers),
            by,
            now
        ],
    )?;
    let id = conn.last_insert_rowid();
    record_revision(conn, ItemKind::Milestone, id, by)?;
    Ok(id)
}

/// Saves an edit of a milestone made from version `base`.
pub fn update_milestone(
    conn: &Connection,
    id: i64,
    base: i64,
    m: &ValidMilestone,
    by: i64,
) -> Result<Edit<Milestone>> {
    let changed = conn.execute(
        "UPDATE milestones SET year = ?3, title = ?4, description = ?5, level = ?6, kind = ?7,
            actor = ?8, depends_on = ?9, answers = ?10, version = version + 1, updated_at = ?11
         WHERE id = ?1 AND version = ?2 AND removed = 0",
        params![
            id,
            base,
            m.year,
            m.title,
            m.description,
            m.level,
            m.kind.key(),
            m.actor,
            to_json(&m.depends_on),
            to_json(&m.answers),
            now_seconds()
        ],
    )?;
    finish(
        conn,
        ItemKind::Milestone,
        id,
        base,
        changed,
        by,
        milestone,
        |m| m.removed,
    )
}

// ---- Actions -------------------------------------------------------------------------

/// A stored action, with the name of the organisation responsible.
#[derive(Debug, Clone, Serialize)]
pub struct Action {
    pub id: i64,
    pub vision_id: i64,
    pub text: String,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub start: Start,
    pub strategy: String,
    pub status: ActionStatus,
    pub milestones: Vec<i64>,
    pub answers: Vec<i64>,
    pub removed: bool,
    pub created_by: Option<i64>,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Action {
    /// The action as its form checks it, to edit it again.
    pub fn valid(&self) -> ValidAction {
        ValidAction {
            text: self.text.clone(),
            organisation: self.organisation_id,
            start: self.start,
            strategy: self.strategy.clone(),
            status: self.status,
            milestones: self.milestones.clone(),
            answers: self.answers.clone(),
        }
    }
}

const ACTION_SELECT: &str = "SELECT a.id, a.vision_id, a.text, a.organisation_id,
        o.name AS organisation_name, a.start, a.strategy, a.status, a.milestones, a.answers,
        a.removed, a.created_by, a.version, a.created_at, a.updated_at
    FROM actions a JOIN organisations o ON o.id = a.organisation_id";

fn action_row(r: &Row<'_>) -> rusqlite::Result<Action> {
    let start: String = r.get("start")?;
    let status: String = r.get("status")?;
    Ok(Action {
        id: r.get("id")?,
        vision_id: r.get("vision_id")?,
        text: r.get("text")?,
        organisation_id: r.get("organisation_id")?,
        organisation_name: r.get("organisation_name")?,
        start: Start::parse(&start).unwrap_or(Start::Within3Years),
        strategy: r.get("strategy")?,
        status: ActionStatus::parse(&status).unwrap_or(ActionStatus::Proposed),
        milestones: json_list(r, "milestones")?,
        answers: json_list(r, "answers")?,
        removed: r.get("removed")?,
        created_by: r.get("created_by")?,
        version: r.get("version")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

/// An action by number, removed or not.
pub fn action(conn: &Connection, id: i64) -> Result<Option<Action>> {
    let mut stmt = conn.prepare_cached(&format!("{ACTION_SELECT} WHERE a.id = ?1"))?;
    Ok(stmt.query_row([id], action_row).optional()?)
}

/// A vision's actions (not removed), soonest start first.
pub fn actions_of(conn: &Connection, vision: i64) -> Result<Vec<Action>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{ACTION_SELECT} WHERE a.vision_id = ?1 AND a.removed = 0
         ORDER BY CASE a.start WHEN 'next-quarter' THEN 0 WHEN 'next-year' THEN 1 ELSE 2 END, a.id"
    ))?;
    let rows = stmt.query_map([vision], action_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every action (not removed), for the exports and the thread.
pub fn all_actions(conn: &Connection) -> Result<Vec<Action>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{ACTION_SELECT} WHERE a.removed = 0 ORDER BY a.vision_id, a.id"
    ))?;
    let rows = stmt.query_map([], action_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Stores a new action of `vision` (and its first revision).
pub fn insert_action(conn: &Connection, vision: i64, a: &ValidAction, by: i64) -> Result<i64> {
    let now = now_seconds();
    conn.execute(
        "INSERT INTO actions (vision_id, text, organisation_id, start, strategy, status,
            milestones, answers, created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![
            vision,
            a.text,
            a.organisation,
            a.start.key(),
            a.strategy,
            a.status.key(),
            to_json(&a.milestones),
            to_json(&a.answers),
            by,
            now
        ],
    )?;
    let id = conn.last_insert_rowid();
    record_revision(conn, ItemKind::Action, id, by)?;
    Ok(id)
}

/// Saves an edit of an action made from version `base`.
pub fn update_action(
    conn: &Connection,
    id: i64,
    base: i64,
    a: &ValidAction,
    by: i64,
) -> Result<Edit<Action>> {
    let changed = conn.execute(
        "UPDATE actions SET text = ?3, organisation_id = ?4, start = ?5, strategy = ?6, status = ?7,
            milestones = ?8, answers = ?9, version = version + 1, updated_at = ?10
         WHERE id = ?1 AND version = ?2 AND removed = 0",
        params![
            id,
            base,
            a.text,
            a.organisation,
            a.start.key(),
            a.strategy,
            a.status.key(),
            to_json(&a.milestones),
            to_json(&a.answers),
            now_seconds()
        ],
    )?;
    finish(conn, ItemKind::Action, id, base, changed, by, action, |a| {
        a.removed
    })
}

// ---- Shared: removing, revisions ---------------------------------------------------

fn table(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Vision => "visions",
        ItemKind::Milestone => "milestones",
        ItemKind::Action => "actions",
    }
}

#[allow(clippy::too_many_arguments)]
fn finish<T>(
    conn: &Connection,
    kind: ItemKind,
    id: i64,
    base: i64,
    changed: usize,
    by: i64,
    get: fn(&Connection, i64) -> Result<Option<T>>,
    removed: fn(&T) -> bool,
) -> Result<Edit<T>> {
    if changed == 1 {
        record_revision(conn, kind, id, by)?;
        return Ok(Edit::Saved { version: base + 1 });
    }
    Ok(match get(conn, id)? {
        Some(current) if !removed(&current) => Edit::Stale(Box::new(current)),
        _ => Edit::Missing,
    })
}

/// Removes a vision, milestone or action as of version `base` (its rows and history
/// stay). Removing a milestone takes it out of the dependencies and milestone lists
/// that name it, each such change a revision.
pub fn remove(conn: &Connection, kind: ItemKind, id: i64, base: i64, by: i64) -> Result<bool> {
    let changed = conn.execute(
        &format!(
            "UPDATE {} SET removed = 1, version = version + 1, updated_at = ?3
             WHERE id = ?1 AND version = ?2 AND removed = 0",
            table(kind)
        ),
        params![id, base, now_seconds()],
    )?;
    if changed != 1 {
        return Ok(false);
    }
    record_revision(conn, kind, id, by)?;
    if kind == ItemKind::Milestone {
        unlink_milestone(conn, id, by)?;
    }
    Ok(true)
}

fn unlink_milestone(conn: &Connection, id: i64, by: i64) -> Result<()> {
    let needle = id.to_string();
    for (kind, column) in [
        (ItemKind::Milestone, "depends_on"),
        (ItemKind::Action, "milestones"),
    ] {
        let rows: Vec<(i64, String)> = {
            let mut stmt = conn.prepare(&format!(
                "SELECT t.id, t.{column} FROM {} t
                 WHERE t.removed = 0 AND EXISTS (SELECT 1 FROM json_each(t.{column}) WHERE value = ?1)",
                table(kind)
            ))?;
            let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for (item, list) in rows {
            let list: Vec<i64> = serde_json::from_str::<Vec<i64>>(&list)
                .unwrap_or_default()
                .into_iter()
                .filter(|n| n.to_string() != needle)
                .collect();
            conn.execute(
                &format!(
                    "UPDATE {} SET {column} = ?2, version = version + 1, updated_at = ?3 WHERE id = ?1",
                    table(kind)
                ),
                params![item, to_json(&list), now_seconds()],
            )?;
            record_revision(conn, kind, item, by)?;
        }
    }
    Ok(())
}

fn record_revision(conn: &Connection, kind: ItemKind, id: i64, by: i64) -> Result<()> {
    let snapshot = match kind {
        ItemKind::Vision => vision(conn, id)?.map(|v| to_json(&v)),
        ItemKind::Milestone => milestone(conn, id)?.map(|m| to_json(&m)),
        ItemKind::Action => action(conn, id)?.map(|a| to_json(&a)),
    };
    let Some(snapshot) = snapshot else {
        return Ok(());
    };
    let version: i64 = conn.query_row(
        &format!("SELECT version FROM {} WHERE id = ?1", table(kind)),
        [id],
        |r| r.get(0),
    )?;
    conn.execute(
        "INSERT INTO backcasting_revisions (kind, item_id, version, snapshot, changed_by, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![kind.key(), id, version, snapshot, by, now_seconds()],
    )?;
    Ok(())
}

/// Every revision of a vision, milestone or action, newest first.
pub fn revisions(conn: &Connection, kind: ItemKind, id: i64) -> Result<Vec<Revision>> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT r.version, ",
        person_name!("u"),
        " AS changed_by, r.changed_at, r.snapshot
         FROM backcasting_revisions r LEFT JOIN users u ON u.id = r.changed_by
         WHERE r.kind = ?1 AND r.item_id = ?2 ORDER BY r.version DESC"
    ))?;
    let rows = stmt.query_map(params![kind.key(), id], |r| {
        let snapshot: String = r.get("snapshot")?;
        Ok(Revision {
            version: r.get("version")?,
            changed_by: r.get("changed_by")?,
            changed_at: r.get("changed_at")?,
            snapshot: serde_json::from_str(&snapshot).ok(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// ---- The stress test -----------------------------------------------------------------

/// One verdict: a milestone or action judged against one scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StressVerdict {
    pub kind: ItemKind,
    pub item_id: i64,
    pub scenario_id: i64,
    pub verdict: Verdict,
    pub note: String,
    pub judged_by: Option<i64>,
    pub judged_at: i64,
}

fn verdict_row(r: &Row<'_>) -> rusqlite::Result<StressVerdict> {
    let kind: String = r.get("kind")?;
    let verdict: String = r.get("verdict")?;
    Ok(StressVerdict {
        kind: ItemKind::parse(&kind).unwrap_or(ItemKind::Action),
        item_id: r.get("item_id")?,
        scenario_id: r.get("scenario_id")?,
        verdict: Verdict::parse(&verdict).unwrap_or(Verdict::Adapt),
        note: r.get("note")?,
        judged_by: r.get("judged_by")?,
        judged_at: r.get("judged_at")?,
    })
}

/// Stores a verdict (replacing the item's earlier one against the same scenario), or,
/// with `verdict` none, takes it back.
pub fn judge(
    conn: &Connection,
    kind: ItemKind,
    item: i64,
    scenario: i64,
    verdict: Option<(Verdict, &str)>,
    by: i64,
) -> Result<()> {
    match verdict {
        Some((verdict, note)) => {
            conn.execute(
                "INSERT INTO stress_verdicts (kind, item_id, scenario_id, verdict, note, judged_by, judged_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (kind, item_id, scenario_id) DO UPDATE SET
                    verdict = excluded.verdict, note = excluded.note,
                    judged_by = excluded.judged_by, judged_at = excluded.judged_at",
                params![kind.key(), item, scenario, verdict.key(), note, by, now_seconds()],
            )?;
        }
        None => {
            conn.execute(
                "DELETE FROM stress_verdicts WHERE kind = ?1 AND item_id = ?2 AND scenario_id = ?3",
                params![kind.key(), item, scenario],
            )?;
        }
    }
    Ok(())
}

/// The verdicts on a vision's milestones and actions (not removed), by item.
pub fn verdicts_of_vision(
    conn: &Connection,
    vision: i64,
) -> Result<BTreeMap<(ItemKind, i64), Vec<StressVerdict>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT sv.* FROM stress_verdicts sv
         WHERE (sv.kind = 'milestone' AND sv.item_id IN
                    (SELECT id FROM milestones WHERE vision_id = ?1 AND removed = 0))
            OR (sv.kind = 'action' AND sv.item_id IN
                    (SELECT id FROM actions WHERE vision_id = ?1 AND removed = 0))
         ORDER BY sv.kind, sv.item_id, sv.scenario_id",
    )?;
    let rows = stmt.query_map([vision], verdict_row)?;
    let mut out: BTreeMap<(ItemKind, i64), Vec<StressVerdict>> = BTreeMap::new();
    for v in rows {
        let v = v?;
        out.entry((v.kind, v.item_id)).or_default().push(v);
    }
    Ok(out)
}

/// Every verdict, for the exports.
pub fn all_verdicts(conn: &Connection) -> Result<Vec<StressVerdict>> {
    let mut stmt =
        conn.prepare_cached("SELECT * FROM stress_verdicts ORDER BY kind, item_id, scenario_id")?;
    let rows = stmt.query_map([], verdict_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// ---- Search --------------------------------------------------------------------------

/// The visions, milestones and actions (not removed) whose text matches an FTS5 query,
/// best first, as (kind, number).
pub fn search(conn: &Connection, query: &str, limit: i64) -> Result<Vec<(ItemKind, i64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT f.kind, f.item_id FROM backcasting_fts f
         WHERE backcasting_fts MATCH ?1
           AND ((f.kind = 'vision' AND f.item_id IN (SELECT id FROM visions WHERE removed = 0))
             OR (f.kind = 'milestone' AND f.item_id IN (SELECT id FROM milestones WHERE removed = 0))
             OR (f.kind = 'action' AND f.item_id IN (SELECT id FROM actions WHERE removed = 0)))
         ORDER BY f.rank LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![query, limit], |r| {
        let kind: String = r.get(0)?;
        Ok((ItemKind::parse(&kind), r.get::<_, i64>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        if let (Some(kind), id) = row? {
            out.push((kind, id));
        }
    }
    Ok(out)
}
