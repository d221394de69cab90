//! Scenario sets everywhere beyond their own pages: found by the one search, exported as
//! a table and as JSON, imported from that JSON as a new draft (set and scenarios in one
//! write, all or nothing), shown as a card in editorial texts, and on the public project
//! web: a phase's page and the final publication. Every read follows
//! [`can_see`]: drafts only for those who write sets, visitors only public sets.

use std::collections::BTreeMap;
use std::sync::Arc;

use rusqlite::Connection;

use super::scenarios::{ScenarioSaved, SetSaved, create_set_in, save_scenario_in};
use super::{Error, Result, subject, transaction};
use crate::domain::access::Subject;
use crate::domain::embed::{Embedded, ScenarioCard};
use crate::domain::programme::Programme;
use crate::domain::scenario::{self, Typed, ValidSet, can_see, can_write};
use crate::domain::scenario_reach::{
    FORMAT, ImportProblem, ScenarioFile, ScenarioRecord, SetRecord, VERSION, check_scenarios,
    excerpt, poles, read_import,
};
use crate::storage::audit::Actor;
use crate::storage::scenario_reach::{self as reach, ScenarioHit, Seen, SetHit};
use crate::storage::scenarios::{self, Scenario, Set};
use crate::storage::users::User;
use crate::storage::{self, Db};

/// A set with its scenarios, in the set's order.
pub type SetWith = (Set, Vec<Scenario>);

/// The sets and scenarios an FTS5 query finds that `subject` (none: a visitor) may see.
pub fn search(
    c: &Connection,
    subject: Option<&Subject>,
    fts: &str,
    limit: i64,
) -> storage::Result<(Vec<SetHit>, Vec<ScenarioHit>)> {
    let seen = Seen {
        drafts: subject.is_some_and(can_write),
        public_only: subject.is_none(),
    };
    let mut sets = reach::search_sets(c, fts, seen, limit)?;
    sets.retain(|s| can_see(subject, s.status, s.public));
    let mut found = reach::search_scenarios(c, fts, seen, limit)?;
    found.retain(|s| can_see(subject, s.status, s.public));
    Ok((sets, found))
}

fn with_scenarios(c: &Connection, sets: Vec<Set>) -> storage::Result<Vec<SetWith>> {
    sets.into_iter()
        .map(|s| {
            let list = scenarios::scenarios(c, s.id)?;
            Ok((s, list))
        })
        .collect()
}

/// Every set `viewer` (none: a visitor) sees, with its scenarios, oldest first.
pub async fn visible(db: &Db, viewer: Option<&User>) -> Result<Vec<SetWith>> {
    let viewer = viewer.cloned();
    Ok(db
        .read(move |c| {
            let subject = viewer.as_ref().map(subject);
            let mut sets = scenarios::sets(c, None)?;
            sets.retain(|s| can_see(subject.as_ref(), s.status, s.public));
            with_scenarios(c, sets)
        })
        .await?)
}

/// The sets a visitor sees, with their scenarios, by phase: what the final publication
/// shows. Only `phases` (those that hold sets, see `domain::scenario::phases`) show any.
pub fn public_by_phase(
    c: &Connection,
    phases: &[String],
) -> storage::Result<BTreeMap<String, Vec<SetWith>>> {
    let mut sets = scenarios::sets(c, None)?;
    sets.retain(|s| can_see(None, s.status, s.public) && phases.contains(&s.phase_slug));
    let mut by_phase: BTreeMap<String, Vec<SetWith>> = BTreeMap::new();
    for set in with_scenarios(c, sets)? {
        by_phase
            .entry(set.0.phase_slug.clone())
            .or_default()
            .push(set);
    }
    Ok(by_phase)
}

/// The sets of phase `slug` that `viewer` sees, with their scenarios; none in a phase
/// that holds no sets.
pub async fn of_phase(
    db: &Db,
    programme: &Programme,
    viewer: Option<&User>,
    slug: &str,
) -> Result<Vec<SetWith>> {
    if !scenario::phases(programme).contains(&slug) {
        return Ok(Vec::new());
    }
    let (viewer, slug) = (viewer.cloned(), slug.to_string());
    Ok(db
        .read(move |c| {
            let subject = viewer.as_ref().map(subject);
            let mut sets = scenarios::sets(c, Some(&slug))?;
            sets.retain(|s| can_see(subject.as_ref(), s.status, s.public));
            with_scenarios(c, sets)
        })
        .await?)
}

/// A set as the export's file holds it.
pub fn record(set: &Set, list: &[Scenario]) -> SetRecord {
    SetRecord {
        id: Some(set.id),
        phase: set.phase_slug.clone(),
        title: set.title.clone(),
        focal_question: set.focal_question.clone(),
        horizon: set.horizon,
        method: set.method.key().to_string(),
        axes: set.axes.clone(),
        predetermined: set.predetermined.clone(),
        status: Some(set.status.key().to_string()),
        public: Some(set.public),
        scenarios: list
            .iter()
            .map(|s| ScenarioRecord::of(s.id, &s.valid()))
            .collect(),
    }
}

/// The export's file of `sets`.
pub fn file(sets: &[SetWith]) -> ScenarioFile {
    ScenarioFile {
        format: FORMAT.to_string(),
        version: VERSION,
        sets: sets.iter().map(|(s, list)| record(s, list)).collect(),
    }
}

/// What became of an import.
#[derive(Debug)]
pub enum Imported {
    /// A new draft set, by its number.
    Saved(i64),
    /// Nothing was stored: every problem found.
    Refused(Vec<ImportProblem>),
}

/// Imports one set with its scenarios (see [`read_import`] for the file) as a new draft,
/// in one write: the set and every scenario, or nothing.
pub async fn import(
    db: &Db,
    programme: &Arc<Programme>,
    user: &User,
    actor: &Actor,
    data: &[u8],
) -> Result<Imported> {
    if !can_write(&subject(user)) {
        return Err(Error::Forbidden);
    }
    let record = match read_import(data) {
        Ok(record) => record,
        Err(problems) => return Ok(Imported::Refused(problems)),
    };
    let mut problems = Vec::new();
    let valid = match record.form().validate(&scenario::phases(programme)) {
        Ok(valid) => Some(valid),
        Err(errors) => {
            problems.extend(errors.iter().map(|(f, m)| ImportProblem::at(None, f, m)));
            None
        }
    };
    problems.extend(check_scenarios(&record));
    let Some(valid) = valid.filter(|_| problems.is_empty()) else {
        return Ok(Imported::Refused(problems));
    };
    let typed: Vec<Typed> = record.scenarios.iter().map(ScenarioRecord::typed).collect();
    let (by, actor) = (user.id, actor.clone());
    transaction::write(db, move |tx| {
        reach::begin_import(tx)?;
        let outcome = import_in(tx, &actor, by, &valid, &typed);
        match outcome {
            Ok(Imported::Saved(_)) => reach::keep_import(tx)?,
            _ => reach::undo_import(tx)?,
        }
        outcome
    })
    .await
}

fn import_in(
    tx: &Connection,
    actor: &Actor,
    by: i64,
    set: &ValidSet,
    typed: &[Typed],
) -> Result<Imported> {
    let id = match create_set_in(tx, actor, by, set, None)? {
        SetSaved::Saved(id) => id,
        SetSaved::Refused(errors) => {
            let problems = errors
                .iter()
                .map(|(f, m)| ImportProblem::at(None, f, m))
                .collect();
            return Ok(Imported::Refused(problems));
        }
        SetSaved::Stale(_) => return Err(Error::NotFound),
    };
    let mut problems = Vec::new();
    for (i, scenario) in typed.iter().enumerate() {
        if let ScenarioSaved::Refused(errors) = save_scenario_in(tx, actor, by, id, None, scenario)?
        {
            problems.extend(
                errors
                    .into_iter()
                    .map(|(f, m)| ImportProblem::at(Some(i + 1), f, m)),
            );
        }
    }
    Ok(if problems.is_empty() {
        Imported::Saved(id)
    } else {
        Imported::Refused(problems)
    })
}

/// What the card of scenario `id` shows now: missing when there is none.
pub fn scenario_card(c: &Connection, id: i64) -> storage::Result<Embedded> {
    let Some(s) = scenarios::get_scenario(c, id)? else {
        return Ok(Embedded::Missing);
    };
    let Some(set) = scenarios::get_set(c, s.set_id)? else {
        return Ok(Embedded::Missing);
    };
    let poles = poles(s.quadrant, &set.axes);
    Ok(Embedded::Scenario(ScenarioCard {
        id: s.id,
        set_id: set.id,
        set_title: set.title,
        excerpt: excerpt(&s.narrative),
        name: s.name,
        tagline: s.tagline,
        quadrant: s.quadrant.map(|q| q.key().to_string()),
        poles,
        public: can_see(None, set.status, set.public),
    }))
}
