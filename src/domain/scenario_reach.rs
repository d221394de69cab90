//! Scenario sets beyond their own pages: the file a set travels in (exported as JSON,
//! imported back as a new draft), and the start of a scenario's narrative that its card
//! shows.
//!
//! # The file
//!
//! `/scenarios.json` is an object `{"format": "framsyn-scenarios", "version": 1, "sets":
//! [set…]}`. Each set is
//! `{id, phase, title, focal_question, horizon, method, axes, predetermined, status,
//! public, scenarios}`: `method` is `two_axes` or `other`; `axes` lists a two-axis set's
//! two axes as `{note, definition, low, high}` (the first runs left to right, the second
//! bottom to top); `predetermined` lists bank note numbers; `status` and `public` say
//! where the set stood. Each scenario is `{id, quadrant, name, tagline, narrative,
//! characteristics, driver_states, signposts, image, image_alt}`: `quadrant` is one of
//! `low_high high_high low_low high_low` (none in a set of another method);
//! `characteristics` are texts; `driver_states` are `{note, state}`; `signposts` are
//! `{text, note, indicator}`.
//!
//! An import takes one set: the set object alone, or a file of the export's shape that
//! holds exactly one. Ids, status and public are the export's record and are ignored:
//! the import is a new draft.

use serde::{Deserialize, Serialize};

use super::scenario::{
    Axis, DriverState, Method, Quadrant, SIGNPOSTS_MAX, SetForm, Signpost, Typed, ValidScenario,
    scenario_fields,
};

/// What the export's file says it is.
pub const FORMAT: &str = "framsyn-scenarios";
pub const VERSION: u32 = 1;
/// The most scenarios an imported set may hold.
pub const SCENARIOS_MAX: usize = 24;
/// How much of a narrative a scenario's card shows, in characters.
pub const EXCERPT_MAX: usize = 320;

/// The export's file: every set the reader sees, with its scenarios.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ScenarioFile {
    pub format: String,
    pub version: u32,
    pub sets: Vec<SetRecord>,
}

/// One set as the file holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetRecord {
    #[serde(default)]
    pub id: Option<i64>,
    pub phase: String,
    pub title: String,
    #[serde(default)]
    pub focal_question: String,
    pub horizon: i32,
    pub method: String,
    #[serde(default)]
    pub axes: Vec<Axis>,
    #[serde(default)]
    pub predetermined: Vec<i64>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub public: Option<bool>,
    #[serde(default)]
    pub scenarios: Vec<ScenarioRecord>,
}

/// One scenario as the file holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioRecord {
    #[serde(default)]
    pub id: Option<i64>,
    #[serde(default)]
    pub quadrant: Option<String>,
    pub name: String,
    #[serde(default)]
    pub tagline: String,
    #[serde(default)]
    pub narrative: String,
    #[serde(default)]
    pub characteristics: Vec<String>,
    #[serde(default)]
    pub driver_states: Vec<DriverState>,
    #[serde(default)]
    pub signposts: Vec<Signpost>,
    #[serde(default)]
    pub image: Option<String>,
    #[serde(default)]
    pub image_alt: String,
}

impl ScenarioRecord {
    /// A stored scenario as the file holds it.
    pub fn of(id: i64, s: &ValidScenario) -> ScenarioRecord {
        ScenarioRecord {
            id: Some(id),
            quadrant: s.quadrant.map(|q| q.key().to_string()),
            name: s.name.clone(),
            tagline: s.tagline.clone(),
            narrative: s.narrative.clone(),
            characteristics: s.characteristics.clone(),
            driver_states: s.driver_states.clone(),
            signposts: s.signposts.clone(),
            image: s.image.clone(),
            image_alt: s.image_alt.clone(),
        }
    }

    /// The scenario as its form would send it, to be checked as a typed form is.
    pub fn typed(&self) -> Typed {
        let valid = ValidScenario {
            quadrant: None,
            name: self.name.clone(),
            tagline: self.tagline.clone(),
            narrative: self.narrative.clone(),
            characteristics: self.characteristics.clone(),
            driver_states: self.driver_states.clone(),
            signposts: self.signposts.clone(),
            image: self.image.clone(),
            image_alt: self.image_alt.clone(),
        };
        let mut typed = scenario_fields(&valid);
        if let Some(q) = &self.quadrant {
            typed.insert("quadrant".into(), q.clone());
        }
        typed
    }
}

impl SetRecord {
    /// The set as its form would send it.
    pub fn form(&self) -> SetForm {
        let axis = |i: usize| self.axes.get(i).cloned();
        let (a1, a2) = (axis(0), axis(1));
        let part = |a: &Option<Axis>, f: fn(&Axis) -> String| a.as_ref().map(f).unwrap_or_default();
        SetForm {
            title: self.title.clone(),
            phase: self.phase.clone(),
            focal_question: self.focal_question.clone(),
            horizon: self.horizon.to_string(),
            method: self.method.clone(),
            axis1_note: part(&a1, |a| a.note.to_string()),
            axis1_definition: part(&a1, |a| a.definition.clone()),
            axis1_low: part(&a1, |a| a.low.clone()),
            axis1_high: part(&a1, |a| a.high.clone()),
            axis2_note: part(&a2, |a| a.note.to_string()),
            axis2_definition: part(&a2, |a| a.definition.clone()),
            axis2_low: part(&a2, |a| a.low.clone()),
            axis2_high: part(&a2, |a| a.high.clone()),
            predetermined: self
                .predetermined
                .iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            version: String::new(),
        }
    }
}

/// One thing that stops an import: where (the set itself, or its n-th scenario counted
/// from 1), which field, and why (a catalogue key). A file that cannot be read says on
/// which line and column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportProblem {
    pub scenario: Option<usize>,
    pub field: String,
    pub message: &'static str,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl ImportProblem {
    pub fn at(scenario: Option<usize>, field: impl Into<String>, message: &'static str) -> Self {
        ImportProblem {
            scenario,
            field: field.into(),
            message,
            line: None,
            column: None,
        }
    }
}

/// Reads the one set of an import: a set object, or an export file holding one set.
pub fn read_import(data: &[u8]) -> Result<SetRecord, Vec<ImportProblem>> {
    let text = String::from_utf8_lossy(data);
    if text.trim().is_empty() {
        return Err(vec![ImportProblem::at(
            None,
            "",
            "scenario-reach-error-empty",
        )]);
    }
    let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| {
            vec![ImportProblem {
                line: Some(e.line()),
                column: Some(e.column()),
                ..ImportProblem::at(None, "", "scenario-reach-error-json")
            }]
        })?;
    let set = match value.get("sets") {
        Some(serde_json::Value::Array(sets)) if sets.len() == 1 => sets[0].clone(),
        Some(_) => {
            return Err(vec![ImportProblem::at(
                None,
                "sets",
                "scenario-reach-error-one-set",
            )]);
        }
        None => value,
    };
    serde_json::from_value::<SetRecord>(set).map_err(|e| {
        let text = e.to_string();
        let field = text
            .split('`')
            .nth(1)
            .filter(|_| text.starts_with("missing field"))
            .unwrap_or("")
            .to_string();
        vec![ImportProblem::at(None, field, "scenario-reach-error-shape")]
    })
}

/// What of an imported set's scenarios the set's own rules cannot see one by one: a
/// two-axis set has four quadrants (a fifth scenario has none left), every set a
/// bounded number of scenarios and signposts, and driver states only for the set's
/// axes and predetermined elements.
pub fn check_scenarios(set: &SetRecord) -> Vec<ImportProblem> {
    let mut problems = Vec::new();
    let method = Method::parse(set.method.trim());
    let chosen: Vec<i64> = set
        .axes
        .iter()
        .map(|a| a.note)
        .chain(set.predetermined.iter().copied())
        .collect();
    for (i, s) in set.scenarios.iter().enumerate() {
        let n = Some(i + 1);
        if method == Some(Method::TwoAxes) && i >= 4 {
            problems.push(ImportProblem::at(
                n,
                "quadrant",
                "scenario-reach-error-fifth-quadrant",
            ));
        } else if i >= SCENARIOS_MAX {
            problems.push(ImportProblem::at(n, "", "scenario-reach-error-too-many"));
        }
        if s.signposts.len() > SIGNPOSTS_MAX {
            problems.push(ImportProblem::at(n, "signposts", "error-too-many"));
        }
        if let Some(d) = s.driver_states.iter().find(|d| !chosen.contains(&d.note)) {
            problems.push(ImportProblem::at(
                n,
                super::scenario::state_field(d.note),
                "scenario-reach-error-state-note",
            ));
        }
    }
    problems
}

/// The poles a scenario's quadrant takes: the first axis's, then the second's (none for
/// a scenario without a quadrant or a set without both axes).
pub fn poles(quadrant: Option<Quadrant>, axes: &[Axis]) -> Vec<String> {
    match (quadrant, axes.first(), axes.get(1)) {
        (Some(q), Some(x), Some(y)) => vec![
            if q.x_high() { &x.high } else { &x.low }.clone(),
            if q.y_high() { &y.high } else { &y.low }.clone(),
        ],
        _ => Vec::new(),
    }
}

/// The start of a narrative for a card: its first paragraph, cut at a word within
/// [`EXCERPT_MAX`] characters (with an ellipsis when cut).
pub fn excerpt(narrative: &str) -> String {
    let first = narrative
        .trim()
        .split("\n\n")
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if first.chars().count() <= EXCERPT_MAX {
        return first;
    }
    let mut out = String::new();
    for word in first.split(' ') {
        if out.chars().count() + word.chars().count() + 1 > EXCERPT_MAX {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(method: &str, scenarios: usize) -> SetRecord {
        SetRecord {
            id: None,
            phase: "scenarier".into(),
            title: "Regionerna 2050".into(),
            focal_question: "Hur ser regionerna ut?".into(),
            horizon: 2050,
            method: method.into(),
            axes: vec![],
            predetermined: vec![7],
            status: None,
            public: None,
            scenarios: (0..scenarios)
                .map(|i| ScenarioRecord {
                    id: None,
                    quadrant: None,
                    name: format!("Scenario {i}"),
                    tagline: String::new(),
                    narrative: String::new(),
                    characteristics: vec![],
                    driver_states: vec![DriverState {
                        note: 7,
                        state: "Håller".into(),
                    }],
                    signposts: vec![],
                    image: None,
                    image_alt: String::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn an_import_reads_one_set_alone_or_in_the_export_file() {
        let set = record("other", 2);
        let alone = serde_json::to_vec(&set).unwrap();
        assert_eq!(read_import(&alone).unwrap(), set);
        let file = ScenarioFile {
            format: FORMAT.into(),
            version: VERSION,
            sets: vec![set.clone()],
        };
        assert_eq!(
            read_import(&serde_json::to_vec(&file).unwrap()).unwrap(),
            set
        );
        let two = ScenarioFile {
            sets: vec![set.clone(), set.clone()],
            ..file
        };
        let problems = read_import(&serde_json::to_vec(&two).unwrap()).unwrap_err();
        assert_eq!(problems[0].message, "scenario-reach-error-one-set");
        let bad = read_import(b"{\n  \"title\": ").unwrap_err();
        assert_eq!(bad[0].message, "scenario-reach-error-json");
        assert_eq!(bad[0].line, Some(2));
        let shape = read_import(br#"{"title": "x"}"#).unwrap_err();
        assert_eq!(shape[0].message, "scenario-reach-error-shape");
        assert_eq!(shape[0].field, "phase");
    }

    #[test]
    fn a_two_axis_set_takes_no_fifth_scenario() {
        assert!(check_scenarios(&record("two_axes", 4)).is_empty());
        let problems = check_scenarios(&record("two_axes", 5));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].scenario, Some(5));
        assert_eq!(problems[0].message, "scenario-reach-error-fifth-quadrant");
        assert!(check_scenarios(&record("other", 5)).is_empty());
        let mut stray = record("other", 1);
        stray.scenarios[0].driver_states[0].note = 99;
        assert_eq!(
            check_scenarios(&stray)[0].message,
            "scenario-reach-error-state-note"
        );
    }

    #[test]
    fn a_record_is_typed_as_the_form_sends_it() {
        let mut set = record("two_axes", 1);
        set.axes = vec![Axis {
            note: 4,
            definition: String::new(),
            low: "Stark stat".into(),
            high: "Starka regioner".into(),
        }];
        assert_eq!(set.form().axis1_note, "4");
        assert_eq!(set.form().axis2_note, "");
        assert_eq!(set.form().predetermined, "7");
        set.scenarios[0].quadrant = Some("middle".into());
        let typed = set.scenarios[0].typed();
        assert_eq!(typed["quadrant"], "middle");
        assert_eq!(typed["state-7"], "Håller");
    }

    #[test]
    fn a_card_shows_the_first_paragraph_cut_at_a_word() {
        assert_eq!(excerpt("Kort.\n\nMer."), "Kort.");
        let long = "ord ".repeat(200);
        let cut = excerpt(&long);
        assert!(cut.ends_with('…'));
        assert!(cut.chars().count() <= EXCERPT_MAX + 1);
        assert!(!cut.contains("  "));
    }

    #[test]
    fn a_quadrant_takes_one_pole_of_each_axis() {
        let axis = |low: &str, high: &str| Axis {
            note: 1,
            definition: String::new(),
            low: low.into(),
            high: high.into(),
        };
        let axes = [
            axis("Stark stat", "Starka regioner"),
            axis("Sluten", "Öppen"),
        ];
        assert_eq!(
            poles(Some(Quadrant::HighLow), &axes),
            ["Starka regioner", "Sluten"]
        );
        assert_eq!(
            poles(Some(Quadrant::LowHigh), &axes),
            ["Stark stat", "Öppen"]
        );
        assert!(poles(None, &axes).is_empty());
    }
}
