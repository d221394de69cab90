//! Workshop 4's backcasting: the process leader writes the workshop's shared vision on
//! the four scenarios, its milestones (some depending on others, some answering the
//! workshop's consequences) and the actions of the organisations responsible, judges
//! each against every scenario and publishes the vision; then each organisation taking
//! part in home assignment 4 adopts the shared vision or writes its own, and adds its
//! own milestone and action. Every step goes through the use case a click would run, at
//! its own moment.

use std::collections::HashMap;

use chrono::Duration;

use super::scenarios::{step, user};
use super::{Cast, Result, actor};
use crate::app::backcasting::{
    self as cases, ItemTarget, Saved, VerdictInput, VisionTarget, adopt_in, judge_in,
    save_action_in, save_milestone_in, save_vision_in,
};
use crate::demo::{DemoAction, DemoFile, DemoMilestone, DemoVision};
use crate::domain::backcasting::{self, ItemKind, MilestonePart, Typed};
use crate::domain::programme::AssignmentPart;
use crate::domain::user::Role;
use crate::storage::audit;
use crate::storage::backcasting as store;

fn vision_form(v: &DemoVision, scenarios: &[i64], org: &str) -> Typed {
    let mut t = Typed::new();
    t.insert("title".into(), v.title.replace("{org}", org));
    t.insert("horizon".into(), v.horizon.to_string());
    t.insert("statement".into(), v.statement.replace("{org}", org));
    t.insert("characteristics".into(), v.characteristics.join("\n"));
    let list: Vec<String> = scenarios.iter().map(i64::to_string).collect();
    t.insert("scenarios".into(), list.join("\n"));
    t
}

fn numbers(keys: &[String], by_key: &HashMap<String, i64>, what: &str) -> Result<String> {
    let list = keys
        .iter()
        .map(|k| {
            by_key
                .get(k)
                .map(i64::to_string)
                .ok_or_else(|| anyhow::anyhow!("demo backcasting: unknown {what} {k:?}"))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(list.join("\n"))
}

fn milestone_form(
    m: &DemoMilestone,
    milestones: &HashMap<String, i64>,
    answered: &HashMap<String, i64>,
    org: &str,
) -> Result<Typed> {
    let mut t = Typed::new();
    t.insert("year".into(), m.year.to_string());
    t.insert("title".into(), m.title.replace("{org}", org));
    t.insert("description".into(), m.description.replace("{org}", org));
    t.insert("level".into(), m.level.clone());
    t.insert("kind".into(), m.kind.clone());
    t.insert("actor".into(), m.actor.replace("{org}", org));
    t.insert(
        "depends_on".into(),
        numbers(&m.depends_on, milestones, "milestone")?,
    );
    t.insert(
        "answers".into(),
        numbers(&m.answers, answered, "consequence")?,
    );
    Ok(t)
}

fn action_form(
    cast: &Cast,
    a: &DemoAction,
    own: Option<(i64, &str)>,
    milestones: &HashMap<String, i64>,
    answered: &HashMap<String, i64>,
) -> Result<Typed> {
    let org = match (a.organisation.as_str(), own) {
        ("", Some((id, _))) => id,
        (name, _) => cast
            .organisations
            .iter()
            .find(|(_, n, _)| n == name)
            .map(|(id, _, _)| *id)
            .ok_or_else(|| anyhow::anyhow!("demo action: unknown organisation {name:?}"))?,
    };
    let name = own.map(|(_, n)| n).unwrap_or_default();
    let mut t = Typed::new();
    t.insert("text".into(), a.text.replace("{org}", name));
    t.insert("organisation".into(), org.to_string());
    t.insert("start".into(), a.start.clone());
    t.insert("strategy".into(), a.strategy.clone());
    t.insert("status".into(), a.status.clone());
    t.insert(
        "milestones".into(),
        numbers(&a.milestones, milestones, "milestone")?,
    );
    t.insert(
        "answers".into(),
        numbers(&a.answers, answered, "consequence")?,
    );
    Ok(t)
}

/// The verdicts of item `k` in each scenario: a fixed pattern, most robust or adapting,
/// every fourth cell failing, each with a note from the pool of its verdict.
fn verdicts(
    k: usize,
    scenarios: &[i64],
    notes: &std::collections::BTreeMap<String, Vec<String>>,
) -> Vec<VerdictInput> {
    scenarios
        .iter()
        .enumerate()
        .map(|(s, id)| {
            let verdict = match (k + 2 * s) % 4 {
                0 | 1 => "robust",
                2 => "adapt",
                _ => "fails",
            };
            let note = notes
                .get(verdict)
                .filter(|pool| !pool.is_empty())
                .map(|pool| pool[(k + s) % pool.len()].clone())
                .unwrap_or_default();
            VerdictInput {
                scenario: *id,
                verdict: verdict.into(),
                note,
            }
        })
        .collect()
}

fn saved<T: std::fmt::Debug>(what: &str, outcome: Saved<T>) -> Result<i64> {
    match outcome {
        Saved::Saved(id) => Ok(id),
        other => anyhow::bail!("demo {what} was refused: {other:?}"),
    }
}

/// What the demo's texts may name by key: the shared vision by its phase's slug, and the
/// workshop's actions by their keys.
#[derive(Debug, Default)]
pub(super) struct Told {
    pub visions: HashMap<String, i64>,
    pub actions: HashMap<String, i64>,
}

/// Tells workshop 4's part of the story (nothing when the demo has no backcasting);
/// `answered` are the shared consequences by key.
pub(super) fn tell(cast: &Cast, demo: &DemoFile, answered: &HashMap<String, i64>) -> Result<Told> {
    let mut told = Told::default();
    let Some(work) = &demo.backcasting else {
        return Ok(told);
    };
    let Some(phase) = backcasting::phases(cast.programme)
        .first()
        .map(|p| p.to_string())
    else {
        return Ok(told);
    };
    let scenarios: Vec<i64> = cast
        .db
        .read_blocking(|c| cases::set_of_phase(c, cast.programme, &phase))?
        .map(|(_, list)| list.iter().map(|s| s.id).collect())
        .unwrap_or_default();
    let leader = cast.with_role(Role::ProcessLeader)?.clone();
    let leader_user = user(cast, &leader)?;
    let who = actor(&leader);
    let mut at = cast.local(&work.written)?;
    let form = vision_form(&work.vision, &scenarios, "");
    let target = VisionTarget::New {
        phase: phase.clone(),
        organisation: None,
    };
    let vision = saved(
        "vision",
        step(cast, at, "demo vision", |tx| {
            save_vision_in(tx, cast.programme, &leader_user, &who, target, &form)
        })?,
    )?;
    told.visions.insert(phase.clone(), vision);
    let mut milestones = HashMap::new();
    let mut items = Vec::new();
    for m in &work.milestones {
        at += Duration::minutes(6);
        let form = milestone_form(m, &milestones, answered, "")?;
        let id = saved(
            "milestone",
            step(cast, at, "demo milestone", |tx| {
                let t = ItemTarget::New { vision };
                save_milestone_in(tx, cast.programme, &leader_user, &who, t, &form)
            })?,
        )?;
        if let Some(key) = &m.key {
            milestones.insert(key.clone(), id);
        }
        items.push((ItemKind::Milestone, id));
    }
    for a in &work.actions {
        at += Duration::minutes(5);
        let form = action_form(cast, a, None, &milestones, answered)?;
        let id = saved(
            "action",
            step(cast, at, "demo action", |tx| {
                save_action_in(tx, &leader_user, &who, ItemTarget::New { vision }, &form)
            })?,
        )?;
        if let Some(key) = &a.key {
            told.actions.insert(key.clone(), id);
        }
        items.push((ItemKind::Action, id));
    }
    at += Duration::hours(1);
    for (k, (kind, id)) in items.iter().enumerate() {
        at += Duration::minutes(2);
        let list = verdicts(k, &scenarios, &work.verdict_notes);
        let judged = step(cast, at, "demo stress test", |tx| {
            judge_in(tx, &leader_user, &who, *kind, *id, &list)
        })?;
        anyhow::ensure!(judged.is_ok(), "demo stress test refused: {judged:?}");
    }
    if let Some(published) = &work.published {
        let at = cast.local(published)?;
        cast.at(at, |tx| {
            store::set_vision_public(tx, vision, true, leader_user.id)?;
            audit::record(
                tx,
                &who,
                "vision.publish",
                Some(&format!("vision:{vision}")),
                None,
            )?;
            Ok(())
        })?;
    }

    // The organisations taking part in home assignment 4: every other one adopts the
    // shared vision, the rest write their own; each adds its own milestone and action.
    let states = cast
        .programme
        .phase(&phase)
        .and_then(|p| p.home_assignment())
        .and_then(|a| demo.assignments.iter().find(|w| w.activity == a.slug))
        .map(|w| w.states.clone())
        .unwrap_or_default();
    let start = cast.local(&work.written)? + Duration::days(3);
    for (o, (org, org_name, person)) in cast.writers().into_iter().enumerate() {
        if states.is_empty() || states[o % states.len()] == "none" {
            continue;
        }
        let writer = user(cast, person)?;
        let who = actor(person);
        let mut at = start + Duration::hours(5 * o as i64);
        let own = if o % 2 == 0 || work.own_visions.is_empty() {
            step(cast, at, "demo adoption", |tx| {
                adopt_in(tx, &writer, &who, vision, org)
            })?
        } else {
            let v = &work.own_visions[o % work.own_visions.len()];
            let form = vision_form(v, &scenarios, org_name);
            let target = VisionTarget::New {
                phase: phase.clone(),
                organisation: Some(org),
            };
            saved(
                "own vision",
                step(cast, at, "demo own vision", |tx| {
                    save_vision_in(tx, cast.programme, &writer, &who, target, &form)
                })?,
            )?
        };
        let mut mine = HashMap::new();
        let mut own_items = Vec::new();
        if !work.own_milestones.is_empty() {
            let m = &work.own_milestones[o % work.own_milestones.len()];
            at += Duration::minutes(20);
            let form = milestone_form(m, &mine, answered, org_name)?;
            let id = saved(
                "own milestone",
                step(cast, at, "demo own milestone", |tx| {
                    let t = ItemTarget::New { vision: own };
                    save_milestone_in(tx, cast.programme, &writer, &who, t, &form)
                })?,
            )?;
            if let Some(key) = &m.key {
                mine.insert(key.clone(), id);
            }
            own_items.push((ItemKind::Milestone, id));
        }
        if !work.own_actions.is_empty() {
            let a = &work.own_actions[o % work.own_actions.len()];
            at += Duration::minutes(15);
            let form = action_form(cast, a, Some((org, org_name)), &mine, answered)?;
            let id = saved(
                "own action",
                step(cast, at, "demo own action", |tx| {
                    save_action_in(tx, &writer, &who, ItemTarget::New { vision: own }, &form)
                })?,
            )?;
            own_items.push((ItemKind::Action, id));
        }
        for (k, (kind, id)) in own_items.iter().enumerate() {
            at += Duration::minutes(3);
            let list = verdicts(o + k, &scenarios, &work.verdict_notes);
            let judged = step(cast, at, "demo own stress test", |tx| {
                judge_in(tx, &writer, &who, *kind, *id, &list)
            })?;
            anyhow::ensure!(judged.is_ok(), "demo own stress test refused: {judged:?}");
        }
    }
    Ok(told)
}

/// Organisation `org`'s part `milestones` of `phase` as its submission keeps it (none
/// when the phase's assignment has no such part or it has no vision).
pub(super) fn part(
    cast: &Cast,
    phase: &str,
    parts: &[AssignmentPart],
    org: i64,
) -> Result<Option<MilestonePart>> {
    if !parts.contains(&AssignmentPart::Milestones) {
        return Ok(None);
    }
    Ok(cast.db.read_blocking(|c| cases::own_part(c, org, phase))?)
}
