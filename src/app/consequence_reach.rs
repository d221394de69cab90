//! Consequences beyond their own pages: what the one search finds of them, their export
//! (a table, and JSON of the shape documented in `domain::consequence_reach`), and the
//! published ones on the public web (a phase's page and the final publication). Every
//! read follows `app::consequences::visible` for a viewer who sees the consequence's
//! centre: visitors see only the published consequences of a public set past its draft,
//! and of those the shared ones and the accepted organisations'.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use rusqlite::Connection;
use serde::Serialize;

use super::consequences::{phase_of_set, published, visible};
use super::{Result, subject};
use crate::domain::access::Subject;
use crate::domain::bank::can_see_note;
use crate::domain::consequence::{self, Centre, Valence};
use crate::domain::consequence_reach::{
    ConsequenceFile, ConsequenceRecord, FORMAT, Named, NoteRef, OrganisationRef, TermRef, VERSION,
    excerpt,
};
use crate::domain::lang::Localized;
use crate::domain::programme::{Programme, Term};
use crate::domain::scenario;
use crate::storage::consequences::{self as store, Consequence};
use crate::storage::scenarios::{self, Scenario, Set};
use crate::storage::users::User;
use crate::storage::{self, Db, bank};

/// How many consequences a search reads before keeping those the searcher sees.
const SEARCH_READ: i64 = 500;

/// A consequence with what is shown of its centre.
#[derive(Debug, Clone, Serialize)]
pub struct Seen {
    pub consequence: Consequence,
    /// The scenario's name or the note's title.
    pub centre_name: String,
    /// The scenario's set (none for a note's consequence).
    pub set: Option<Set>,
}

/// What a viewer sees of centres, read once each.
struct Sight<'s, 'r> {
    subject: Option<&'s Subject<'r>>,
    sets: HashMap<i64, Option<Set>>,
    scenarios: HashMap<i64, Option<Scenario>>,
    notes: HashMap<i64, Option<String>>,
}

impl<'s, 'r> Sight<'s, 'r> {
    fn new(subject: Option<&'s Subject<'r>>) -> Self {
        Sight {
            subject,
            sets: HashMap::new(),
            scenarios: HashMap::new(),
            notes: HashMap::new(),
        }
    }

    /// Consequence `x` with its centre, if the viewer sees both.
    fn see(&mut self, c: &Connection, x: Consequence) -> storage::Result<Option<Seen>> {
        match x.centre {
            Centre::Scenario(id) => {
                let sc = match self.scenarios.entry(id) {
                    Entry::Occupied(e) => e.get().clone(),
                    Entry::Vacant(e) => e.insert(scenarios::get_scenario(c, id)?).clone(),
                };
                let Some(sc) = sc else {
                    return Ok(None);
                };
                let set = match self.sets.entry(sc.set_id) {
                    Entry::Occupied(e) => e.get().clone(),
                    Entry::Vacant(e) => e.insert(scenarios::get_set(c, sc.set_id)?).clone(),
                };
                let Some(set) = set else {
                    return Ok(None);
                };
                if !(scenario::can_see(self.subject, set.status, set.public)
                    && visible(self.subject, Some(&set), &x))
                {
                    return Ok(None);
                }
                Ok(Some(Seen {
                    consequence: x,
                    centre_name: sc.name,
                    set: Some(set),
                }))
            }
            Centre::Note(id) => {
                let Some(viewer) = self.subject else {
                    return Ok(None);
                };
                let title = match self.notes.entry(id) {
                    Entry::Occupied(e) => e.get().clone(),
                    Entry::Vacant(e) => e
                        .insert(
                            bank::brief(c, id)?
                                .filter(|n| {
                                    can_see_note(
                                        Some(viewer),
                                        n.status,
                                        n.organisation_id,
                                        n.public,
                                    )
                                })
                                .map(|n| n.title),
                        )
                        .clone(),
                };
                let Some(title) = title else {
                    return Ok(None);
                };
                if !visible(self.subject, None, &x) {
                    return Ok(None);
                }
                Ok(Some(Seen {
                    consequence: x,
                    centre_name: title,
                    set: None,
                }))
            }
        }
    }
}

/// Keeps of `found` the consequences of `programme`'s consequence phases that `subject`
/// (none: a visitor) sees.
fn seen_of(
    c: &Connection,
    programme: &Programme,
    subject: Option<&Subject>,
    found: Vec<Consequence>,
) -> storage::Result<Vec<Seen>> {
    let phases = consequence::phases(programme);
    let mut sight = Sight::new(subject);
    let mut out = Vec::new();
    for x in found {
        if !phases.contains(&x.phase_slug.as_str()) {
            continue;
        }
        if let Some(seen) = sight.see(c, x)? {
            out.push(seen);
        }
    }
    Ok(out)
}

/// A consequence the search found, with what its hit shows.
#[derive(Debug, Clone, Serialize)]
pub struct ConsequenceHit {
    pub id: i64,
    /// The start of its text.
    pub excerpt: String,
    pub centre: Centre,
    /// The scenario's name or the note's title.
    pub centre_name: String,
    pub level: String,
    pub level_name: Option<Localized>,
    pub valence: Option<Valence>,
    /// `+`, `−` or `±`, when the valence is given.
    pub sign: Option<&'static str>,
    /// Whose view it is (none: shared).
    pub organisation_name: Option<String>,
}

/// The consequences an FTS5 query finds that `subject` (none: a visitor) may see, best
/// first, at most `limit`.
pub fn search(
    c: &Connection,
    programme: &Programme,
    subject: Option<&Subject>,
    fts: &str,
    limit: i64,
) -> storage::Result<Vec<ConsequenceHit>> {
    if consequence::phases(programme).is_empty() {
        return Ok(Vec::new());
    }
    let found = store::search(c, fts, SEARCH_READ)?;
    let mut hits: Vec<ConsequenceHit> = seen_of(c, programme, subject, found)?
        .into_iter()
        .map(|s| {
            let x = s.consequence;
            ConsequenceHit {
                id: x.id,
                excerpt: excerpt(&x.text),
                centre: x.centre,
                centre_name: s.centre_name,
                level_name: programme
                    .consequence_level(&x.level)
                    .map(|t| t.name.clone()),
                level: x.level,
                valence: x.valence,
                sign: x.valence.map(Valence::sign),
                organisation_name: x.organisation_name,
            }
        })
        .collect();
    hits.truncate(usize::try_from(limit).unwrap_or(0));
    Ok(hits)
}

/// Every consequence `viewer` (none: a visitor) sees, by set, scenario, level and ring, a
/// scenario's before a note's.
pub async fn visible_all(
    db: &Db,
    programme: &Arc<Programme>,
    viewer: Option<&User>,
) -> Result<Vec<Seen>> {
    let (programme, viewer) = (programme.clone(), viewer.cloned());
    Ok(db
        .read(move |c| {
            let who = viewer.as_ref().map(subject);
            let mut all = seen_of(c, &programme, who.as_ref(), store::all(c)?)?;
            let level = |slug: &str| {
                programme
                    .consequence_levels
                    .iter()
                    .position(|t| t.slug == slug)
                    .unwrap_or(usize::MAX)
            };
            all.sort_by_key(|s| {
                let x = &s.consequence;
                let (note, centre) = match x.centre {
                    Centre::Scenario(id) => (false, id),
                    Centre::Note(id) => (true, id),
                };
                (note, x.set_id, centre, level(&x.level), x.order, x.id)
            });
            Ok(all)
        })
        .await?)
}

fn term(programme_terms: &[Term], slug: &str) -> TermRef {
    TermRef {
        slug: slug.to_string(),
        name: programme_terms
            .iter()
            .find(|t| t.slug == slug)
            .map(|t| t.name.clone()),
    }
}

/// A moment as the file writes it: RFC 3339 in UTC.
fn moment(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default()
}

/// A consequence as the export's file holds it.
pub fn record(programme: &Programme, seen: &Seen) -> ConsequenceRecord {
    let x = &seen.consequence;
    let (scenario, note) = match x.centre {
        Centre::Scenario(id) => (
            Some(Named {
                id,
                name: seen.centre_name.clone(),
            }),
            None,
        ),
        Centre::Note(id) => (
            None,
            Some(NoteRef {
                id,
                title: seen.centre_name.clone(),
            }),
        ),
    };
    ConsequenceRecord {
        id: x.id,
        phase: x.phase_slug.clone(),
        set: x.set_id,
        scenario,
        note,
        level: term(&programme.consequence_levels, &x.level),
        theme: x
            .theme
            .as_deref()
            .map(|t| term(&programme.consequence_themes, t)),
        organisation: x.organisation_id.map(|id| OrganisationRef {
            id,
            name: x.organisation_name.clone().unwrap_or_default(),
            category: x.organisation_category.clone(),
            submission_status: x.submission_status.map(|s| s.key().to_string()),
        }),
        text: x.text.clone(),
        valence: x.valence.map(|v| v.key().to_string()),
        magnitude: x.magnitude.map(|m| m.key().to_string()),
        timing: x.timing.map(|t| t.key().to_string()),
        order: x.order,
        parent: x.parent_id,
        based_on: x.based_on,
        confidence: x.confidence,
        updated: moment(x.updated_at),
    }
}

/// The export's file of `all`.
pub fn file(programme: &Programme, all: &[Seen]) -> ConsequenceFile {
    ConsequenceFile {
        format: FORMAT.to_string(),
        version: VERSION,
        consequences: all.iter().map(|s| record(programme, s)).collect(),
    }
}

/// A published consequence with the sign of its valence.
#[derive(Debug, Clone, Serialize)]
pub struct Signed {
    #[serde(flatten)]
    pub consequence: Consequence,
    /// `+`, `−` or `±`, when the valence is given.
    pub sign: Option<&'static str>,
}

/// The published consequences of one level of a scenario.
#[derive(Debug, Clone, Serialize)]
pub struct LevelConsequences {
    pub level: Term,
    pub consequences: Vec<Signed>,
}

/// A scenario with its published consequences by level (only the levels that have any).
#[derive(Debug, Clone, Serialize)]
pub struct ScenarioConsequences {
    pub scenario: Scenario,
    pub levels: Vec<LevelConsequences>,
}

/// A set whose consequences are published, with the scenarios that have any.
#[derive(Debug, Clone, Serialize)]
pub struct PublishedSet {
    pub set: Set,
    pub scenarios: Vec<ScenarioConsequences>,
}

/// The published consequences a visitor sees, by consequence phase: per set whose
/// consequences are published, per scenario, the shared ones and the accepted
/// organisations' by level, in the programme's order of levels.
pub fn published_by_phase(
    c: &Connection,
    programme: &Programme,
) -> storage::Result<BTreeMap<String, Vec<PublishedSet>>> {
    let mut by_phase: BTreeMap<String, Vec<PublishedSet>> = BTreeMap::new();
    if consequence::phases(programme).is_empty() {
        return Ok(by_phase);
    }
    for set in scenarios::sets(c, None)? {
        if !published(&set) {
            continue;
        }
        let Some(phase) = phase_of_set(programme, &set) else {
            continue;
        };
        let all: Vec<Consequence> = store::of_set(c, set.id)?
            .into_iter()
            .filter(|x| visible(None, Some(&set), x))
            .collect();
        let scenarios = scenarios::scenarios(c, set.id)?
            .into_iter()
            .filter_map(|sc| {
                let levels: Vec<LevelConsequences> = programme
                    .consequence_levels
                    .iter()
                    .filter_map(|level| {
                        let consequences: Vec<Signed> = all
                            .iter()
                            .filter(|x| x.scenario() == Some(sc.id) && x.level == level.slug)
                            .map(|x| Signed {
                                consequence: x.clone(),
                                sign: x.valence.map(Valence::sign),
                            })
                            .collect();
                        (!consequences.is_empty()).then(|| LevelConsequences {
                            level: level.clone(),
                            consequences,
                        })
                    })
                    .collect();
                (!levels.is_empty()).then_some(ScenarioConsequences {
                    scenario: sc,
                    levels,
                })
            })
            .collect();
        by_phase
            .entry(phase.to_string())
            .or_default()
            .push(PublishedSet { set, scenarios });
    }
    Ok(by_phase)
}

/// The published consequences of phase `slug`, as [`published_by_phase`] gives them.
pub async fn published_of_phase(
    db: &Db,
    programme: &Arc<Programme>,
    slug: &str,
) -> Result<Vec<PublishedSet>> {
    if !consequence::phases(programme).contains(&slug) {
        return Ok(Vec::new());
    }
    let (programme, slug) = (programme.clone(), slug.to_string());
    Ok(db
        .read(move |c| {
            Ok(published_by_phase(c, &programme)?
                .remove(&slug)
                .unwrap_or_default())
        })
        .await?)
}
