//! Workshop 3's consequences: the process leader captures the workshop's shared
//! consequences of every scenario, level by level, some following from others; each
//! organisation that takes part in home assignment 3 writes its own for its region, some
//! taken from the workshop's ("this holds for us too"); and the set's consequences are
//! published with the editorial summary. Every step goes through the use case a click
//! would run, at its own moment.

use std::collections::HashMap;

use chrono::Duration;

use super::scenarios::{step, user};
use super::{Cast, Result, actor};
use crate::app::consequences::{self as cases, Saved, Target};
use crate::demo::{DemoConsequence, DemoFile};
use crate::domain::consequence::{self, Centre, ConsequencePart, Typed};
use crate::domain::programme::AssignmentPart;
use crate::domain::user::Role;
use crate::storage::audit;
use crate::storage::consequences as store;

/// A demo consequence's form fields (`parent`: the number it follows from).
fn typed(c: &DemoConsequence, parent: Option<i64>, org: &str) -> Typed {
    let mut typed = Typed::new();
    for (name, value) in [
        ("level", c.level.as_str()),
        ("theme", c.theme.as_str()),
        ("valence", c.valence.as_str()),
        ("magnitude", c.magnitude.as_str()),
        ("timing", c.timing.as_str()),
    ] {
        typed.insert(name.into(), value.to_string());
    }
    typed.insert("text".into(), c.text.replace("{org}", org));
    if let Some(n) = c.confidence {
        typed.insert("confidence".into(), n.to_string());
    }
    if let Some(p) = parent {
        typed.insert("parent".into(), p.to_string());
    }
    typed
}

/// The scenario set the consequence phase works on, with its scenarios by key.
fn scenarios_of(cast: &Cast, phase: &str) -> Option<(i64, HashMap<String, i64>)> {
    let scenario_phase = consequence::scenario_phase(cast.programme, phase)?;
    let made = cast.scenario_sets.get(scenario_phase)?;
    Some((made.id, made.scenarios.iter().cloned().collect()))
}

/// Tells workshop 3's part of the story (nothing when the demo has no consequences);
/// answers the shared consequences' numbers by their keys.
pub(super) fn tell(cast: &Cast, demo: &DemoFile) -> Result<HashMap<String, i64>> {
    let Some(phase) = consequence::phases(cast.programme)
        .first()
        .map(|p| p.to_string())
    else {
        return Ok(HashMap::new());
    };
    let (Some(captured), false) = (&demo.consequences_captured, demo.consequences.is_empty())
    else {
        return Ok(HashMap::new());
    };
    let (set, by_key) = scenarios_of(cast, &phase)
        .ok_or_else(|| anyhow::anyhow!("demo consequences: phase {phase:?} has no set"))?;
    let scenario = |key: &str| {
        by_key
            .get(key)
            .copied()
            .ok_or_else(|| anyhow::anyhow!("demo consequence: unknown scenario {key:?}"))
    };
    let leader = cast.with_role(Role::ProcessLeader)?.clone();
    let leader_user = user(cast, &leader)?;
    let captured = cast.local(captured)?;
    let mut shared: HashMap<String, i64> = HashMap::new();
    for (k, c) in demo.consequences.iter().enumerate() {
        let parent = match &c.follows {
            Some(key) => Some(*shared.get(key).ok_or_else(|| {
                anyhow::anyhow!("demo consequence follows {key:?}, not captured before it")
            })?),
            None => None,
        };
        let target = Target::New {
            centre: Centre::Scenario(scenario(&c.scenario)?),
            organisation: None,
        };
        let form = typed(c, parent, "");
        let at = captured + Duration::minutes(4 * k as i64);
        let saved = step(cast, at, "demo consequence", |tx| {
            cases::save_in(
                tx,
                cast.programme,
                &leader_user,
                &actor(&leader),
                target,
                &form,
            )
        })?;
        let Saved::Saved(id) = saved else {
            anyhow::bail!("demo consequence {:?} was refused: {saved:?}", c.text);
        };
        if let Some(key) = &c.key {
            shared.insert(key.clone(), id);
        }
    }

    // The organisations taking part in the home assignment write their own.
    let states = cast
        .programme
        .phase(&phase)
        .and_then(|p| p.home_assignment())
        .and_then(|a| demo.assignments.iter().find(|w| w.activity == a.slug))
        .map(|w| w.states.clone())
        .unwrap_or_default();
    let mut pools: Vec<(i64, Vec<&DemoConsequence>)> = Vec::new();
    for c in &demo.own_consequences {
        let id = scenario(&c.scenario)?;
        match pools.iter_mut().find(|(s, _)| *s == id) {
            Some((_, pool)) => pool.push(c),
            None => pools.push((id, vec![c])),
        }
    }
    for (o, (org, org_name, person)) in cast.writers().into_iter().enumerate() {
        if states.is_empty() || states[o % states.len()] == "none" {
            continue;
        }
        let writer = user(cast, person)?;
        let who = actor(person);
        let mut at = captured + Duration::days(2) + Duration::hours(o as i64);
        for (scenario, pool) in &pools {
            let mut mine = vec![pool[o % pool.len()]];
            if o % 3 == 0 && pool.len() > 1 {
                mine.push(pool[(o + 1) % pool.len()]);
            }
            for c in mine {
                at += Duration::minutes(7);
                let saved = match &c.holds {
                    Some(key) => {
                        let from = *shared.get(key).ok_or_else(|| {
                            anyhow::anyhow!("demo consequence holds unknown {key:?}")
                        })?;
                        let text = c.text.replace("{org}", org_name);
                        step(cast, at, "demo own consequence", |tx| {
                            cases::hold_for_us_in(tx, cast.programme, &writer, &who, from, &text)
                        })?
                    }
                    None => {
                        let target = Target::New {
                            centre: Centre::Scenario(*scenario),
                            organisation: Some(org),
                        };
                        let form = typed(c, None, org_name);
                        step(cast, at, "demo own consequence", |tx| {
                            cases::save_in(tx, cast.programme, &writer, &who, target, &form)
                        })?
                    }
                };
                anyhow::ensure!(
                    matches!(saved, Saved::Saved(_)),
                    "demo own consequence {:?} was refused: {saved:?}",
                    c.text
                );
            }
        }
    }

    if let Some(published) = &demo.consequences_published {
        let at = cast.local(published)?;
        cast.at(at, |tx| {
            store::set_published(tx, set, true, leader_user.id)?;
            audit::record(
                tx,
                &actor(&leader),
                "consequences.publish",
                Some(&format!("scenario_set:{set}")),
                None,
            )?;
            Ok(())
        })?;
    }
    Ok(shared)
}

/// Organisation `org`'s part `consequences` of `phase` as its submission keeps it: its
/// own consequences of the set's scenarios as they stand now (none when the phase's
/// assignment has no such part or there is no set).
pub(super) fn part(
    cast: &Cast,
    phase: &str,
    parts: &[AssignmentPart],
    org: i64,
) -> Result<Option<ConsequencePart>> {
    if !parts.contains(&AssignmentPart::Consequences) {
        return Ok(None);
    }
    let found = cast.db.read_blocking(|c| {
        let Some((set, scenarios)) = cases::set_of_phase(c, cast.programme, phase)? else {
            return Ok(None);
        };
        let items = store::of_organisation(c, org, phase)?
            .iter()
            .filter(|x| {
                x.scenario()
                    .is_some_and(|s| scenarios.iter().any(|sc| sc.id == s))
            })
            .filter_map(|x| x.part_item())
            .collect();
        Ok(Some(ConsequencePart { set: set.id, items }))
    })?;
    Ok(found)
}
