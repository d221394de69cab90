//! Backcasting beyond its own pages: the file it is exported in as JSON.
//!
//! # The file
//!
//! `/backcasting.json` is an object `{"format": "framsyn-backcasting", "version": 1,
//! "visions": [vision…]}` holding every vision the reader sees (visitors: the published
//! ones), by phase and number, each with its milestones and actions. A vision is `{id,
//! phase, set, organisation, title, horizon, statement, characteristics, scenarios,
//! adopted_from, public, milestones, actions}`:
//! - `phase` is the slug of the backcasting phase; `set` the number of the scenario set
//!   it builds on and is stress-tested against (null without one); `scenarios` the
//!   numbers of the set's scenarios it builds on;
//! - `organisation` is `{id, name}`, or null for the workshop's shared vision;
//!   `adopted_from` the shared vision an organisation's own one adopts;
//! - `statement` is Markdown; `characteristics` a list of texts.
//!
//! A milestone is `{id, year, title, description, level, kind, actor, depends_on,
//! answers, verdicts, score}`: `kind` one of `policy`, `investment`, `capability`,
//! `partnership`, `regulation`, `behaviour`; `depends_on` the numbers of the earlier
//! milestones of the same vision it depends on; `answers` the numbers of the
//! consequences it answers.
//!
//! An action is `{id, text, organisation, start, strategy, status, milestones, answers,
//! verdicts, score}`: `organisation` `{id, name}` is the one responsible; `start`
//! `next-quarter`, `next-year` or `within-3-years`; `status` `proposed`, `decided`,
//! `under-way`, `done` or `dropped`; `milestones` the numbers of the milestones it leads
//! to.
//!
//! `verdicts` are the stress test's, `[{scenario, verdict, note}]` with `verdict`
//! `robust`, `adapt` or `fails`, one per scenario of the set judged; `score` is `{robust,
//! adapt, fails, holds, unjudged}` over the set's scenarios (`holds`: robust or adapting).

use serde::{Deserialize, Serialize};

use super::backcasting::Score;

/// What the export's file says it is.
pub const FORMAT: &str = "framsyn-backcasting";
pub const VERSION: u32 = 1;

/// The export's file: every vision the reader sees.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BackcastingFile {
    pub format: String,
    pub version: u32,
    pub visions: Vec<VisionRecord>,
}

/// An organisation, by number and name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganisationRef {
    pub id: i64,
    pub name: String,
}

/// One verdict of the stress test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VerdictRecord {
    pub scenario: i64,
    pub verdict: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VisionRecord {
    pub id: i64,
    pub phase: String,
    pub set: Option<i64>,
    pub organisation: Option<OrganisationRef>,
    pub title: String,
    pub horizon: i32,
    pub statement: String,
    pub characteristics: Vec<String>,
    pub scenarios: Vec<i64>,
    pub adopted_from: Option<i64>,
    pub public: bool,
    pub milestones: Vec<MilestoneRecord>,
    pub actions: Vec<ActionRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MilestoneRecord {
    pub id: i64,
    pub year: i32,
    pub title: String,
    pub description: String,
    pub level: String,
    pub kind: String,
    pub actor: String,
    pub depends_on: Vec<i64>,
    pub answers: Vec<i64>,
    pub verdicts: Vec<VerdictRecord>,
    pub score: Score,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionRecord {
    pub id: i64,
    pub text: String,
    pub organisation: OrganisationRef,
    pub start: String,
    pub strategy: String,
    pub status: String,
    pub milestones: Vec<i64>,
    pub answers: Vec<i64>,
    pub verdicts: Vec<VerdictRecord>,
    pub score: Score,
}

/// Numbers as a table cell writes them: `3, 7`.
pub fn numbers(list: &[i64]) -> String {
    list.iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_round_trips_and_numbers_join() {
        let file = BackcastingFile {
            format: FORMAT.into(),
            version: VERSION,
            visions: Vec::new(),
        };
        let json = serde_json::to_string(&file).unwrap();
        let back: BackcastingFile = serde_json::from_str(&json).unwrap();
        assert_eq!(back.format, FORMAT);
        assert_eq!(numbers(&[3, 7]), "3, 7");
        assert_eq!(numbers(&[]), "");
    }
}
