//! The scenario sets of the story: made by a process leader from a round's driver map,
//! sketched and written out, opened, made public by an editor, commented on by
//! strategists, assessed in the home assignment and, once that is done, settled. Every
//! step goes through the use case a click would run, at its own moment.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};

use super::{Cast, Person, Result, actor};
use crate::app::scenarios::{self as cases, Commented, ScenarioSaved, SetSaved};
use crate::demo::{DemoFile, DemoScenario, DemoScenarioSet};
use crate::domain::scenario::{
    self, DESIRABILITY, INTEREST, PLAUSIBILITY, ScenarioAssessment, ScenarioJudgement, SetForm,
    SetStatus, Typed, signpost_field, state_field,
};
use crate::domain::user::Role;
use crate::storage::{scenarios, users};

/// A set the story has made, with its scenarios by the demo's keys (in the file's order).
pub(super) struct Made {
    pub id: i64,
    pub scenarios: Vec<(String, i64)>,
}

/// Runs a use case's rules at `moment`, in a write transaction of the story's, the way a
/// click would run them.
pub(super) fn step<T>(
    cast: &Cast,
    moment: DateTime<Utc>,
    what: &str,
    case: impl FnOnce(&rusqlite::Transaction) -> crate::app::Result<T>,
) -> Result<T> {
    cast.at(moment, |tx| {
        case(tx).map_err(|e| anyhow::anyhow!("{what}: {e}"))
    })
}

/// The stored user behind a demo person, as a use case takes them.
pub(super) fn user(cast: &Cast, person: &Person) -> Result<users::User> {
    cast.db
        .read_blocking(|c| users::get(c, person.id))?
        .ok_or_else(|| anyhow::anyhow!("demo person {} vanished", person.email))
}

/// The first paragraph of a narrative: what the workshop sketched.
fn sketch(narrative: &str) -> &str {
    narrative
        .trim()
        .split("\n\n")
        .next()
        .unwrap_or_default()
        .trim()
}

/// A scenario's form fields: the sketch made at the workshop, or the full text with its
/// signposts.
fn fields(
    cast: &Cast,
    scenario: &DemoScenario,
    chosen: &[i64],
    full: bool,
    version: Option<i64>,
) -> Result<Typed> {
    let mut typed = Typed::new();
    if let Some(q) = &scenario.quadrant {
        typed.insert("quadrant".into(), q.clone());
    }
    typed.insert("name".into(), scenario.name.clone());
    typed.insert("tagline".into(), scenario.tagline.clone());
    let narrative = if full {
        scenario.narrative.trim()
    } else {
        sketch(&scenario.narrative)
    };
    typed.insert("narrative".into(), narrative.to_string());
    typed.insert(
        "characteristics".into(),
        scenario.characteristics.join("\n"),
    );
    let mut states = 0;
    for (key, state) in &scenario.states {
        let note = cast.note(key)?;
        anyhow::ensure!(
            chosen.contains(&note),
            "demo scenario {:?}: {key:?} is neither an axis nor a predetermined element",
            scenario.key
        );
        typed.insert(state_field(note), state.trim().to_string());
        states += 1;
    }
    anyhow::ensure!(
        states == chosen.len(),
        "demo scenario {:?} needs a state for every axis and predetermined element",
        scenario.key
    );
    if full {
        for (i, sign) in scenario.signposts.iter().enumerate() {
            typed.insert(signpost_field(i + 1, ""), sign.text.clone());
            if let Some(key) = &sign.note {
                typed.insert(signpost_field(i + 1, "note"), cast.note(key)?.to_string());
            }
            if let Some(indicator) = &sign.indicator {
                typed.insert(signpost_field(i + 1, "indicator"), indicator.clone());
            }
        }
    }
    if let Some(v) = version {
        typed.insert("version".into(), v.to_string());
    }
    Ok(typed)
}

/// Makes, writes, opens and publishes every set of the demo, and has strategists comment
/// on its scenarios while it is open (settling waits for [`settle`], after the home
/// assignment).
pub(super) fn make(cast: &mut Cast, demo: &DemoFile) -> Result<()> {
    let leader = cast.with_role(Role::ProcessLeader)?.clone();
    let editor = cast.with_role(Role::Editor)?.clone();
    let (leader_user, editor_user) = (user(cast, &leader)?, user(cast, &editor)?);
    let phases = scenario::phases(cast.programme);
    let mut made = HashMap::new();
    for set in &demo.scenario_sets {
        let lang = cast.programme.default_language;
        let focal = set.focal_question.clone().unwrap_or_else(|| {
            cast.programme
                .focal_question
                .as_ref()
                .map(|q| q.pick(lang, lang).to_string())
                .unwrap_or_default()
        });
        let mut form = SetForm::new(&set.phase, &focal, set.horizon.or(cast.programme.horizon));
        form.title = set.title.clone();
        if let Some(method) = &set.method {
            form.method = method.clone();
        }
        let mut axes = Vec::new();
        for axis in &set.axes {
            axes.push((cast.note(&axis.note)?.to_string(), axis));
        }
        if let Some((note, axis)) = axes.first() {
            form.axis1_note = note.clone();
            form.axis1_definition = axis.definition.clone();
            form.axis1_low = axis.low.clone();
            form.axis1_high = axis.high.clone();
        }
        if let Some((note, axis)) = axes.get(1) {
            form.axis2_note = note.clone();
            form.axis2_definition = axis.definition.clone();
            form.axis2_low = axis.low.clone();
            form.axis2_high = axis.high.clone();
        }
        form.predetermined = set
            .predetermined
            .iter()
            .map(|k| cast.note(k).map(|n| n.to_string()))
            .collect::<Result<Vec<_>>>()?
            .join(", ");
        let valid = form
            .validate(&phases)
            .map_err(|e| anyhow::anyhow!("demo scenario set {:?}: {e:?}", set.title))?;
        let round = match &set.round {
            Some(key) => Some(*cast.rounds.get(key).ok_or_else(|| {
                anyhow::anyhow!("demo scenario set {:?}: unknown round {key:?}", set.title)
            })?),
            None => None,
        };
        let created = cast.local(&set.created)?;
        let what = format!("demo scenario set {:?}", set.title);
        let saved = step(cast, created, &what, |tx| {
            cases::create_set_in(tx, &actor(&leader), leader_user.id, &valid, round)
        })?;
        let SetSaved::Saved(id) = saved else {
            anyhow::bail!("{what} was not saved: {saved:?}");
        };
        let stored = cast
            .db
            .read_blocking(|c| scenarios::get_set(c, id))?
            .ok_or_else(|| anyhow::anyhow!("{what} vanished"))?;
        let chosen = stored.chosen();
        let written = cast.local(&set.written)?;
        let mut ids = Vec::new();
        for (k, scenario) in set.scenarios.iter().enumerate() {
            let what = format!("demo scenario {:?}", scenario.key);
            // Sketched at the workshop, written out in full by the editor later.
            let typed = fields(cast, scenario, &chosen, false, None)?;
            let at = created + Duration::minutes(20 * (k as i64 + 1));
            let saved = step(cast, at, &what, |tx| {
                cases::save_scenario_in(tx, &actor(&leader), leader_user.id, id, None, &typed)
            })?;
            let ScenarioSaved::Saved(scenario_id) = saved else {
                anyhow::bail!("{what} was not saved: {saved:?}");
            };
            let version = cast
                .db
                .read_blocking(|c| scenarios::get_scenario(c, scenario_id))?
                .map(|s| s.version)
                .ok_or_else(|| anyhow::anyhow!("{what} vanished"))?;
            let typed = fields(cast, scenario, &chosen, true, Some(version))?;
            let at = written + Duration::hours(2 * k as i64);
            let saved = step(cast, at, &what, |tx| {
                cases::save_scenario_in(
                    tx,
                    &actor(&editor),
                    editor_user.id,
                    id,
                    Some((scenario_id, version)),
                    &typed,
                )
            })?;
            anyhow::ensure!(
                matches!(saved, ScenarioSaved::Saved(_)),
                "{what} was not written out: {saved:?}"
            );
            ids.push((scenario.key.clone(), scenario_id));
        }
        if let Some(opened) = &set.opened {
            let at = cast.local(opened)?;
            step(cast, at, &what, |tx| {
                cases::move_set_in(tx, &leader_user, &actor(&leader), id, SetStatus::Open)
            })?;
            if let Some(public) = &set.public {
                let at = cast.local(public)?;
                step(cast, at, &what, |tx| {
                    cases::make_public_in(tx, &editor_user, &actor(&editor), id, true)
                })?;
            }
            comments(cast, set, &ids, at)?;
        }
        made.insert(set.phase.clone(), Made { id, scenarios: ids });
    }
    cast.scenario_sets = made;
    Ok(())
}

/// Strategists' comments on the scenarios of an open set.
fn comments(
    cast: &Cast,
    set: &DemoScenarioSet,
    ids: &[(String, i64)],
    opened: DateTime<Utc>,
) -> Result<()> {
    let settled = set.settled.as_deref().map(|s| cast.local(s)).transpose()?;
    for (scenario, (_, id)) in set.scenarios.iter().zip(ids) {
        for comment in &scenario.comments {
            let at = cast.local(&comment.at)?;
            anyhow::ensure!(
                at > opened && settled.is_none_or(|s| at < s),
                "demo scenario {:?}: a comment outside the time the set is open",
                scenario.key
            );
            let person = cast
                .people
                .iter()
                .find(|p| p.email == comment.by)
                .ok_or_else(|| anyhow::anyhow!("demo comment by unknown {:?}", comment.by))?;
            let by = user(cast, person)?;
            let what = format!("demo comment on {:?}", scenario.key);
            let done = step(cast, at, &what, |tx| {
                cases::comment_in(tx, &by, &actor(person), *id, &comment.body)
            })?;
            anyhow::ensure!(done == Commented::Done, "{what}: {done:?}");
        }
    }
    Ok(())
}

/// Settles the sets whose story says so, once the home assignment is done.
pub(super) fn settle(cast: &Cast, demo: &DemoFile) -> Result<()> {
    let leader = cast.with_role(Role::ProcessLeader)?.clone();
    let leader_user = user(cast, &leader)?;
    for set in &demo.scenario_sets {
        let (Some(settled), Some(made)) = (&set.settled, cast.scenario_sets.get(&set.phase)) else {
            continue;
        };
        let at = cast.local(settled)?;
        step(
            cast,
            at,
            &format!("demo scenario set {:?}", set.title),
            |tx| cases::move_set_in(tx, &leader_user, &actor(&leader), made.id, SetStatus::Final),
        )?;
    }
    Ok(())
}

/// A small variation per organisation, scenario and measure: -1, 0 or +1.
fn variation(o: usize, k: usize, measure: usize) -> i32 {
    [0, 1, 0, -1, 0, 1, -1][(o * 3 + k * 5 + measure * 2) % 7]
}

/// Organisation `o`'s assessment of the set made in `phase` (its name in the reasons),
/// marking `most` as most interesting. A draft has judged the first two scenarios so
/// far and marked none.
pub(super) fn assessment(
    cast: &Cast,
    demo: &DemoFile,
    phase: &str,
    o: usize,
    org_name: &str,
    most: &[String],
    draft: bool,
) -> Result<Option<ScenarioAssessment>> {
    let (Some(made), Some(set)) = (
        cast.scenario_sets.get(phase),
        demo.scenario_sets.iter().find(|s| s.phase == phase),
    ) else {
        return Ok(None);
    };
    let mut marked = Vec::new();
    for key in most {
        let id = made
            .scenarios
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, id)| *id)
            .ok_or_else(|| anyhow::anyhow!("demo assessment names an unknown scenario {key:?}"))?;
        marked.push(id);
    }
    anyhow::ensure!(
        marked.len() <= scenario::MOST_MAX,
        "demo assessment marks more than {} scenarios",
        scenario::MOST_MAX
    );
    let mut judgements = Vec::new();
    let judged = if draft { 2 } else { set.scenarios.len() };
    for (k, (demo_scenario, (_, id))) in set
        .scenarios
        .iter()
        .zip(&made.scenarios)
        .enumerate()
        .take(judged)
    {
        let lean =
            |i: usize, default: i32| demo_scenario.leaning.get(i).copied().unwrap_or(default);
        let interest = if marked.contains(id) {
            4 + ((o + k) % 2) as i32
        } else {
            (lean(0, 3) + variation(o, k, 0)).clamp(INTEREST.min, 4)
        };
        let plausibility =
            (lean(1, 3) + variation(o, k, 1)).clamp(PLAUSIBILITY.min, PLAUSIBILITY.max);
        let desirability =
            (lean(2, 0) + variation(o, k, 2)).clamp(DESIRABILITY.min, DESIRABILITY.max);
        let reasons = &demo_scenario.reasons;
        let reason = if reasons.is_empty() || (o + k) % 3 == 2 {
            String::new()
        } else {
            reasons[(o + k) % reasons.len()].replace("{org}", org_name)
        };
        judgements.push(ScenarioJudgement {
            scenario: *id,
            interest: Some(interest),
            plausibility: Some(plausibility),
            desirability: Some(desirability),
            reason,
        });
    }
    Ok(Some(ScenarioAssessment {
        set: made.id,
        judgements,
        most: if draft { Vec::new() } else { marked },
    }))
}
