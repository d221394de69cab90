//! The backcasting charts: a vision's timeline (from the year of the clock's now to its
//! horizon) and its stress-test grid, as a viewer sees them and as a published text
//! freezes them; and the stress-test form of one milestone or action (who may judge it,
//! its scenarios and its verdicts as they stand).

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::Datelike;
use rusqlite::Connection;
use serde::Serialize;

use super::backcasting::{Judged, VisionView, scenarios_of, view_in, visible};
use super::{Error, Result, subject};
use crate::domain::backcasting::{ItemKind, can_judge};
use crate::domain::backcasting_chart::{
    StressData, StressRow, TimelineAction, TimelineData, TimelineMilestone, action_year,
};
use crate::domain::consequence_chart::Column;
use crate::domain::embed::Embedded;
use crate::domain::programme::Programme;
use crate::storage::backcasting::{self as store, Action, Milestone, StressVerdict, Vision};
use crate::storage::scenarios::Scenario;
use crate::storage::users::User;
use crate::storage::{self, Db, submissions};

/// The year of the moment `now` (seconds) in the programme's time zone.
pub fn year_at(programme: &Programme, now: i64) -> i32 {
    chrono::DateTime::from_timestamp(now, 0)
        .unwrap_or_default()
        .with_timezone(&programme.time_zone)
        .year()
}

fn columns(scenarios: &[Scenario]) -> Vec<Column> {
    scenarios
        .iter()
        .map(|s| Column {
            id: s.id,
            name: s.name.clone(),
        })
        .collect()
}

/// A vision's timeline seen from `now_year`.
pub fn timeline_data(
    programme: &Programme,
    view: &VisionView,
    now_year: i32,
    public: bool,
) -> TimelineData {
    TimelineData {
        vision_id: view.vision.id,
        title: view.vision.title.clone(),
        horizon: view.vision.horizon,
        now_year,
        public,
        levels: programme.consequence_levels.clone(),
        milestones: view
            .milestones
            .iter()
            .map(|j| {
                let m = &j.item;
                TimelineMilestone {
                    id: m.id,
                    year: m.year,
                    title: m.title.clone(),
                    level: m.level.clone(),
                    kind: m.kind,
                    actor: m.actor.clone(),
                    depends_on: m.depends_on.clone(),
                }
            })
            .collect(),
        actions: view
            .actions
            .iter()
            .map(|j| {
                let a = &j.item;
                TimelineAction {
                    id: a.id,
                    text: a.text.clone(),
                    organisation_name: a.organisation_name.clone(),
                    start: a.start,
                    status: a.status,
                    year: action_year(now_year, a.start),
                    milestones: a.milestones.clone(),
                }
            })
            .collect(),
    }
}

fn stress_row<T>(
    kind: ItemKind,
    id: i64,
    title: &str,
    judged: &Judged<T>,
    scenarios: &[Scenario],
) -> StressRow {
    let found = |s: &Scenario| judged.verdicts.get(&s.id);
    StressRow {
        kind,
        id,
        title: title.to_string(),
        verdicts: scenarios
            .iter()
            .map(|s| found(s).map(|v| v.verdict))
            .collect(),
        notes: scenarios
            .iter()
            .map(|s| found(s).map(|v| v.note.clone()).unwrap_or_default())
            .collect(),
        score: judged.score,
    }
}

/// A vision's stress test: its milestones (in the order of the vision), then its
/// actions, against its set's scenarios.
pub fn stress_data(view: &VisionView, public: bool) -> StressData {
    let milestones = view.milestones.iter().map(|j: &Judged<Milestone>| {
        stress_row(
            ItemKind::Milestone,
            j.item.id,
            &j.item.title,
            j,
            &view.scenarios,
        )
    });
    let actions = view.actions.iter().map(|j: &Judged<Action>| {
        stress_row(
            ItemKind::Action,
            j.item.id,
            &j.item.text,
            j,
            &view.scenarios,
        )
    });
    StressData {
        vision_id: view.vision.id,
        title: view.vision.title.clone(),
        public,
        scenarios: columns(&view.scenarios),
        rows: milestones.chain(actions).collect(),
    }
}

/// A vision with both its charts, as a viewer sees them.
#[derive(Debug, Clone, Serialize)]
pub struct Charts {
    pub vision: Vision,
    pub timeline: TimelineData,
    pub stress: StressData,
    /// Whether the viewer may judge the vision's milestones and actions.
    pub may_judge: bool,
}

/// [`charts`] on a connection the caller holds, at the moment `now`.
pub fn charts_in(
    c: &Connection,
    programme: &Programme,
    viewer: Option<&User>,
    id: i64,
    now: i64,
) -> Result<Charts> {
    let s = viewer.map(subject);
    let view = view_in(c, s.as_ref(), id)?;
    let public = visible(None, &view.vision);
    let may_judge = match &s {
        Some(s) => {
            let status = match view.vision.organisation_id {
                Some(o) => submissions::get(c, &view.vision.phase_slug, o)?.map(|x| x.status),
                None => None,
            };
            can_judge(s, view.vision.organisation_id, status)
        }
        None => false,
    };
    Ok(Charts {
        timeline: timeline_data(programme, &view, year_at(programme, now), public),
        stress: stress_data(&view, public),
        vision: view.vision,
        may_judge,
    })
}

/// Vision `id`'s timeline and stress test as `viewer` (none: a visitor) sees them now.
pub async fn charts(
    db: &Db,
    programme: &Arc<Programme>,
    viewer: Option<&User>,
    id: i64,
) -> Result<Charts> {
    let (programme, viewer) = (programme.clone(), viewer.cloned());
    db.read(move |c| {
        Ok(charts_in(
            c,
            &programme,
            viewer.as_ref(),
            id,
            storage::now_seconds(),
        ))
    })
    .await?
}

/// What `[[backcasting:VISION]]` (`stress` false) or `[[stress-test:VISION]]` shows now:
/// the vision's chart whether or not a visitor may see it yet (the chart says, and
/// publishing is refused until it is public); missing when there is no such vision.
pub fn embedded(
    c: &Connection,
    programme: &Programme,
    id: i64,
    stress: bool,
    now: i64,
) -> storage::Result<Embedded> {
    let Some(v) = store::vision(c, id)?.filter(|v| !v.removed) else {
        return Ok(Embedded::Missing);
    };
    let public = visible(None, &v);
    // Read as the workspace holds it (as an editor sees it): the problems of the
    // publication say whether a visitor may see it.
    let reader = crate::domain::access::Subject {
        roles: &[crate::domain::user::Role::Editor],
        organisation_id: 0,
    };
    let view = match view_in(c, Some(&reader), id) {
        Ok(view) => view,
        Err(Error::Storage(e)) => return Err(e),
        Err(_) => return Ok(Embedded::Missing),
    };
    Ok(if stress {
        Embedded::StressTest(stress_data(&view, public))
    } else {
        Embedded::Backcasting(timeline_data(
            programme,
            &view,
            year_at(programme, now),
            public,
        ))
    })
}

/// One scenario's row of the stress-test form.
#[derive(Debug, Clone, Serialize)]
pub struct FormRow {
    pub scenario: Scenario,
    pub verdict_field: String,
    pub note_field: String,
    /// As it stands: the verdict's key (empty: none) and the note.
    pub verdict: String,
    pub note: String,
}

/// The stress-test form of one milestone or action.
#[derive(Debug, Clone, Serialize)]
pub struct JudgeForm {
    pub kind: ItemKind,
    pub item: i64,
    pub title: String,
    pub vision: Vision,
    pub rows: Vec<FormRow>,
}

/// The stress-test form of milestone or action `item` for `user`: not found unless they
/// see its vision, forbidden unless they may judge it.
pub async fn judge_form(db: &Db, user: &User, kind: ItemKind, item: i64) -> Result<JudgeForm> {
    let user = user.clone();
    db.read(move |c| Ok(judge_form_in(c, &user, kind, item)))
        .await?
}

fn judge_form_in(c: &Connection, user: &User, kind: ItemKind, item: i64) -> Result<JudgeForm> {
    let (vision_id, title) = match kind {
        ItemKind::Milestone => store::milestone(c, item)?
            .filter(|m| !m.removed)
            .map(|m| (m.vision_id, m.title)),
        ItemKind::Action => store::action(c, item)?
            .filter(|a| !a.removed)
            .map(|a| (a.vision_id, a.text)),
        ItemKind::Vision => None,
    }
    .ok_or(Error::NotFound)?;
    let s = subject(user);
    let vision = store::vision(c, vision_id)?.ok_or(Error::NotFound)?;
    if !visible(Some(&s), &vision) {
        return Err(Error::NotFound);
    }
    let status = match vision.organisation_id {
        Some(o) => submissions::get(c, &vision.phase_slug, o)?.map(|x| x.status),
        None => None,
    };
    if !can_judge(&s, vision.organisation_id, status) {
        return Err(Error::Forbidden);
    }
    let mut verdicts: BTreeMap<i64, StressVerdict> = store::verdicts_of_vision(c, vision_id)?
        .remove(&(kind, item))
        .unwrap_or_default()
        .into_iter()
        .map(|v| (v.scenario_id, v))
        .collect();
    let rows = scenarios_of(c, &vision)?
        .into_iter()
        .map(|scenario| {
            let found = verdicts.remove(&scenario.id);
            FormRow {
                verdict_field: super::backcasting::verdict_field(scenario.id),
                note_field: super::backcasting::note_field(scenario.id),
                verdict: found
                    .as_ref()
                    .map(|v| v.verdict.key().to_string())
                    .unwrap_or_default(),
                note: found.map(|v| v.note).unwrap_or_default(),
                scenario,
            }
        })
        .collect();
    Ok(JudgeForm {
        kind,
        item,
        title,
        vision,
        rows,
    })
}
