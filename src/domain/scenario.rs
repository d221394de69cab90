//! Scenario sets (workshop 2): a phase's set of futures built from the critical
//! uncertainties, with its axes, predetermined elements and scenarios; who writes, reads
//! and comments on them; and every organisation's assessment of them (the home
//! assignment's part `scenario_rating`) with its figures.
//!
//! A set of the method *two axes* spans a cross: the first axis runs left (its `low`
//! pole) to right (`high`), the second bottom (`low`) to top (`high`), and each of the
//! four quadrants holds one scenario. A set of the method *other* holds as many
//! scenarios as it needs, in order, without axes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::access::Subject;
use super::bank::{NoteType, note_number};
use super::form::{self, FieldErrors};
use super::programme::{AssignmentPart, Programme};
use super::stats::{self, Scale, Summary};
use super::user::Role;

keyed_enum! {
    /// How a set is built.
    Method {
        TwoAxes => "two_axes",
        Other => "other",
    }
}

keyed_enum! {
    /// Where a set stands: written by the process (draft), open for every organisation's
    /// assessment and comments (open), or settled (final).
    SetStatus {
        Draft => "draft",
        Open => "open",
        Final => "final",
    }
}

keyed_enum! {
    /// A quadrant of a two-axis set, named by the poles of the first (x) and second (y)
    /// axis: `low_high` is left and up.
    Quadrant {
        LowHigh => "low_high",
        HighHigh => "high_high",
        LowLow => "low_low",
        HighLow => "high_low",
    }
}

impl Quadrant {
    /// Whether the quadrant lies at the first axis's `high` pole (right).
    pub fn x_high(self) -> bool {
        matches!(self, Quadrant::HighHigh | Quadrant::HighLow)
    }

    /// Whether the quadrant lies at the second axis's `high` pole (up).
    pub fn y_high(self) -> bool {
        matches!(self, Quadrant::HighHigh | Quadrant::LowHigh)
    }

    /// Reading order: top left, top right, bottom left, bottom right (`ALL`'s order).
    pub fn position(self) -> usize {
        Quadrant::ALL.iter().position(|q| *q == self).unwrap_or(0) + 1
    }
}

/// The phases that hold scenario sets: those whose home assignment asks every
/// organisation to assess scenarios. A programme with none has no scenarios at all.
pub fn phases(programme: &Programme) -> Vec<&str> {
    programme
        .phases
        .iter()
        .filter(|p| {
            p.home_assignment()
                .is_some_and(|h| h.parts.contains(&AssignmentPart::ScenarioRating))
        })
        .map(|p| p.slug.as_str())
        .collect()
}

/// How far a set may go from one status: draft ↔ open → final, and a final set may be
/// opened again (for a correction) by those who write sets.
pub fn can_move(from: SetStatus, to: SetStatus) -> bool {
    use SetStatus::*;
    matches!(
        (from, to),
        (Draft, Open) | (Open, Draft) | (Open, Final) | (Final, Open)
    )
}

/// Why a set may not be opened yet: a two-axis set needs its four scenarios, a set of
/// another method at least two.
pub fn check_complete(method: Method, scenarios: usize) -> Result<(), &'static str> {
    let needed = match method {
        Method::TwoAxes => 4,
        Method::Other => 2,
    };
    if scenarios < needed {
        Err("error-scenario-set-incomplete")
    } else {
        Ok(())
    }
}

/// Writing sets and scenarios: process leaders and editors.
pub fn can_write(subject: &Subject) -> bool {
    subject.can_lead_process() || subject.roles.contains(&Role::Editor)
}

/// Who sees a set: those who write sets always; other members once it is open or
/// final; visitors only what an editor has made public and is no longer a draft.
pub fn can_see(viewer: Option<&Subject>, status: SetStatus, public: bool) -> bool {
    match viewer {
        None => public && status != SetStatus::Draft,
        Some(v) => can_write(v) || status != SetStatus::Draft,
    }
}

/// Commenting: any member who sees the set, while it is open.
pub fn can_comment(subject: &Subject, status: SetStatus) -> bool {
    status == SetStatus::Open && can_see(Some(subject), status, false)
}

/// Longest title, pole label and tagline; longest long text.
pub const SHORT_MAX: usize = 300;
pub const TEXT_MAX: usize = 20_000;
/// The most predetermined elements, characteristics, signposts a set or scenario takes.
pub const PREDETERMINED_MAX: usize = 12;
pub const CHARACTERISTICS_MAX: usize = 12;
pub const SIGNPOSTS_MAX: usize = 8;
/// The horizons a set may look to.
pub const HORIZON_MIN: i32 = 2000;
pub const HORIZON_MAX: i32 = 2200;
/// The longest comment.
pub const COMMENT_MAX: usize = 4_000;

/// One axis of a two-axis set: an uncertainty of the bank and its two poles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Axis {
    pub note: i64,
    #[serde(default)]
    pub definition: String,
    pub low: String,
    pub high: String,
}

/// A set's form as typed (strings, so nothing typed is lost). `predetermined` holds
/// note numbers, as a multi picker sends them.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SetForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub phase: String,
    #[serde(default)]
    pub focal_question: String,
    #[serde(default)]
    pub horizon: String,
    #[serde(default)]
    pub method: String,
    #[serde(default)]
    pub axis1_note: String,
    #[serde(default)]
    pub axis1_definition: String,
    #[serde(default)]
    pub axis1_low: String,
    #[serde(default)]
    pub axis1_high: String,
    #[serde(default)]
    pub axis2_note: String,
    #[serde(default)]
    pub axis2_definition: String,
    #[serde(default)]
    pub axis2_low: String,
    #[serde(default)]
    pub axis2_high: String,
    #[serde(default)]
    pub predetermined: String,
    /// The version the edit started from (stale edits are refused).
    #[serde(default)]
    pub version: String,
}

/// A checked set, ready to store (the notes it names are checked against the bank by
/// [`check_axis`] and [`check_predetermined`] in the transaction that stores it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidSet {
    pub title: String,
    pub phase: String,
    pub focal_question: String,
    pub horizon: i32,
    pub method: Method,
    pub axes: Vec<Axis>,
    pub predetermined: Vec<i64>,
}

/// The field of each axis's parts, by axis (1, 2).
pub const AXIS_FIELDS: [[&str; 4]; 2] = [
    ["axis1_note", "axis1_definition", "axis1_low", "axis1_high"],
    ["axis2_note", "axis2_definition", "axis2_low", "axis2_high"],
];

/// Note numbers in a typed list ("12, #14 15"); `None` when any part is not one.
pub fn note_numbers(text: &str) -> Option<Vec<i64>> {
    let mut numbers = Vec::new();
    for part in text
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        let n = note_number(part)?;
        if !numbers.contains(&n) {
            numbers.push(n);
        }
    }
    Some(numbers)
}

impl SetForm {
    /// The form of a new set in `phase`, with the programme's focal question and horizon.
    pub fn new(phase: &str, focal_question: &str, horizon: Option<i32>) -> SetForm {
        SetForm {
            phase: phase.to_string(),
            focal_question: focal_question.to_string(),
            horizon: horizon.map(|h| h.to_string()).unwrap_or_default(),
            method: Method::TwoAxes.key().to_string(),
            ..SetForm::default()
        }
    }

    /// The form of a stored set, to edit it.
    pub fn of(set: &ValidSet, version: i64) -> SetForm {
        let axis = |i: usize| set.axes.get(i).cloned();
        let (a1, a2) = (axis(0), axis(1));
        SetForm {
            title: set.title.clone(),
            phase: set.phase.clone(),
            focal_question: set.focal_question.clone(),
            horizon: set.horizon.to_string(),
            method: set.method.key().to_string(),
            axis1_note: a1.as_ref().map(|a| a.note.to_string()).unwrap_or_default(),
            axis1_definition: a1
                .as_ref()
                .map(|a| a.definition.clone())
                .unwrap_or_default(),
            axis1_low: a1.as_ref().map(|a| a.low.clone()).unwrap_or_default(),
            axis1_high: a1.as_ref().map(|a| a.high.clone()).unwrap_or_default(),
            axis2_note: a2.as_ref().map(|a| a.note.to_string()).unwrap_or_default(),
            axis2_definition: a2
                .as_ref()
                .map(|a| a.definition.clone())
                .unwrap_or_default(),
            axis2_low: a2.as_ref().map(|a| a.low.clone()).unwrap_or_default(),
            axis2_high: a2.as_ref().map(|a| a.high.clone()).unwrap_or_default(),
            predetermined: set
                .predetermined
                .iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            version: version.to_string(),
        }
    }

    /// Checks the form; `phases` are the slugs of the phases that hold scenario sets.
    pub fn validate(&self, phases: &[&str]) -> Result<ValidSet, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = form::required(&mut errors, "title", &self.title);
        form::max_chars(&mut errors, "title", &title, SHORT_MAX);
        let phase = self.phase.trim().to_string();
        if !phases.contains(&phase.as_str()) {
            errors.add("phase", "error-unknown-phase");
        }
        let focal_question = form::required(&mut errors, "focal_question", &self.focal_question);
        form::max_chars(&mut errors, "focal_question", &focal_question, TEXT_MAX);
        let horizon = match self.horizon.trim().parse::<i32>() {
            Ok(h) if (HORIZON_MIN..=HORIZON_MAX).contains(&h) => h,
            _ => {
                errors.add("horizon", "error-scenario-horizon");
                0
            }
        };
        let method = Method::parse(self.method.trim());
        if method.is_none() {
            errors.add("method", "error-choose");
        }
        let mut axes = Vec::new();
        if method == Some(Method::TwoAxes) {
            let typed = [
                [
                    &self.axis1_note,
                    &self.axis1_definition,
                    &self.axis1_low,
                    &self.axis1_high,
                ],
                [
                    &self.axis2_note,
                    &self.axis2_definition,
                    &self.axis2_low,
                    &self.axis2_high,
                ],
            ];
            for (
                [note_field, definition_field, low_field, high_field],
                [note, definition, low, high],
            ) in AXIS_FIELDS.into_iter().zip(typed)
            {
                let number = if note.trim().is_empty() {
                    errors.add(note_field, "error-required");
                    None
                } else {
                    let n = note_number(note);
                    if n.is_none() {
                        errors.add(note_field, "error-note-number");
                    }
                    n
                };
                if number.is_some() && axes.iter().any(|a: &Axis| Some(a.note) == number) {
                    errors.add(note_field, "error-scenario-axis-twice");
                }
                form::max_chars(&mut errors, definition_field, definition.trim(), TEXT_MAX);
                let low = form::required(&mut errors, low_field, low);
                form::max_chars(&mut errors, low_field, &low, SHORT_MAX);
                let high = form::required(&mut errors, high_field, high);
                form::max_chars(&mut errors, high_field, &high, SHORT_MAX);
                if let Some(note) = number {
                    axes.push(Axis {
                        note,
                        definition: definition.trim().to_string(),
                        low,
                        high,
                    });
                }
            }
        }
        let predetermined = match note_numbers(&self.predetermined) {
            Some(numbers) if numbers.len() > PREDETERMINED_MAX => {
                errors.add("predetermined", "error-too-many");
                numbers
            }
            Some(numbers) => numbers,
            None => {
                errors.add("predetermined", "error-note-number");
                Vec::new()
            }
        };
        if predetermined
            .iter()
            .any(|n| axes.iter().any(|a| a.note == *n))
        {
            errors.add("predetermined", "error-scenario-predetermined-axis");
        }
        match method {
            Some(method) if errors.is_empty() => Ok(ValidSet {
                title,
                phase,
                focal_question,
                horizon,
                method,
                axes,
                predetermined,
            }),
            _ => Err(errors),
        }
    }
}

/// Whether a bank note may span an axis: an uncertainty, neither merged nor archived
/// (`usable`). `None` is a note that does not exist or that the writer may not see.
pub fn check_axis(note: Option<(NoteType, bool)>) -> Result<(), &'static str> {
    match note {
        None => Err("error-note-missing"),
        Some((NoteType::Uncertainty, true)) => Ok(()),
        Some((NoteType::Uncertainty, false)) => Err("error-note-not-usable"),
        Some(_) => Err("error-scenario-axis-not-uncertainty"),
    }
}

/// Whether a bank note may be a predetermined element: any note that exists and is
/// neither merged nor archived.
pub fn check_predetermined(note: Option<(NoteType, bool)>) -> Result<(), &'static str> {
    match note {
        None => Err("error-note-missing"),
        Some((_, true)) => Ok(()),
        Some((_, false)) => Err("error-note-not-usable"),
    }
}

/// How one chosen bank note (an axis or a predetermined element) plays out in a scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DriverState {
    pub note: i64,
    pub state: String,
}

/// An early sign that a scenario is unfolding, optionally tied to a bank note or an
/// indicator (a measure someone can follow, in words).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signpost {
    pub text: String,
    #[serde(default)]
    pub note: Option<i64>,
    #[serde(default)]
    pub indicator: Option<String>,
}

/// A checked scenario, ready to store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidScenario {
    pub quadrant: Option<Quadrant>,
    pub name: String,
    pub tagline: String,
    pub narrative: String,
    pub characteristics: Vec<String>,
    pub driver_states: Vec<DriverState>,
    pub signposts: Vec<Signpost>,
    /// The name of an illustration in the image library ("design fiction").
    pub image: Option<String>,
    pub image_alt: String,
}

/// The fields of a stored set its history shows when they change.
pub const SET_HISTORY_FIELDS: &[&str] = &[
    "title",
    "phase_slug",
    "focal_question",
    "horizon",
    "method",
    "axes",
    "predetermined",
    "status",
    "public",
];

/// The fields of a stored scenario its history shows when they change.
pub const SCENARIO_HISTORY_FIELDS: &[&str] = &[
    "quadrant",
    "name",
    "tagline",
    "narrative",
    "characteristics",
    "driver_states",
    "signposts",
    "image",
    "image_alt",
];

/// The changes of `fields` between two stored versions of a set or scenario, old → new.
pub fn changes(
    before: &serde_json::Value,
    after: &serde_json::Value,
    fields: &[&str],
) -> Vec<super::bank::FieldChange> {
    super::bank::changed_fields(before, after)
        .into_iter()
        .filter(|f| fields.contains(&f.as_str()))
        .map(|field| super::bank::FieldChange {
            before: before.get(&field).cloned().unwrap_or_default(),
            after: after.get(&field).cloned().unwrap_or_default(),
            field,
        })
        .collect()
}

/// Form fields, typed (every field by name, so nothing typed is lost).
pub type Typed = BTreeMap<String, String>;
/// Field errors by field name (names are built per row).
pub type Errors = BTreeMap<String, &'static str>;

/// The fields of a scenario's form: `quadrant`, `name`, `tagline`, `narrative`,
/// `characteristics` (one per line), `state-{note}` per chosen note, `signpost-{i}`,
/// `signpost-{i}-note` and `signpost-{i}-indicator` for i in 1..=[`SIGNPOSTS_MAX`],
/// `image`, `image_alt` and `version`.
pub fn state_field(note: i64) -> String {
    format!("state-{note}")
}

pub fn signpost_field(i: usize, part: &str) -> String {
    if part.is_empty() {
        format!("signpost-{i}")
    } else {
        format!("signpost-{i}-{part}")
    }
}

fn text(typed: &Typed, field: &str) -> String {
    typed
        .get(field)
        .map(|t| t.trim().to_string())
        .unwrap_or_default()
}

fn limit(errors: &mut Errors, field: &str, value: &str, max: usize) {
    if value.chars().count() > max {
        errors.insert(field.to_string(), "error-too-long");
    }
}

/// Checks a scenario's form. `method` is its set's; `chosen` are the set's axes and
/// predetermined elements (the notes whose states it describes); `taken` the quadrants
/// other scenarios of the set hold already.
pub fn read_scenario(
    typed: &Typed,
    method: Method,
    chosen: &[i64],
    taken: &[Quadrant],
) -> Result<ValidScenario, Errors> {
    let mut errors = Errors::new();
    let quadrant = match method {
        Method::Other => None,
        Method::TwoAxes => match Quadrant::parse(&text(typed, "quadrant")) {
            None => {
                errors.insert("quadrant".into(), "error-scenario-quadrant");
                None
            }
            Some(q) if taken.contains(&q) => {
                errors.insert("quadrant".into(), "error-scenario-quadrant-taken");
                None
            }
            Some(q) => Some(q),
        },
    };
    let name = text(typed, "name");
    if name.is_empty() {
        errors.insert("name".into(), "error-required");
    }
    limit(&mut errors, "name", &name, SHORT_MAX);
    let tagline = text(typed, "tagline");
    limit(&mut errors, "tagline", &tagline, SHORT_MAX);
    let narrative = text(typed, "narrative");
    limit(&mut errors, "narrative", &narrative, TEXT_MAX);
    let characteristics: Vec<String> = text(typed, "characteristics")
        .lines()
        .map(|l| {
            l.trim()
                .trim_start_matches(['-', '*', '•'])
                .trim()
                .to_string()
        })
        .filter(|l| !l.is_empty())
        .collect();
    if characteristics.len() > CHARACTERISTICS_MAX {
        errors.insert("characteristics".into(), "error-too-many");
    }
    if characteristics
        .iter()
        .any(|c| c.chars().count() > SHORT_MAX)
    {
        errors.insert("characteristics".into(), "error-too-long");
    }
    let mut driver_states = Vec::new();
    for note in chosen {
        let field = state_field(*note);
        let state = text(typed, &field);
        limit(&mut errors, &field, &state, TEXT_MAX);
        if !state.is_empty() {
            driver_states.push(DriverState { note: *note, state });
        }
    }
    let mut signposts = Vec::new();
    for i in 1..=SIGNPOSTS_MAX {
        let (text_field, note_field, indicator_field) = (
            signpost_field(i, ""),
            signpost_field(i, "note"),
            signpost_field(i, "indicator"),
        );
        let sign = text(typed, &text_field);
        let note = text(typed, &note_field);
        let indicator = text(typed, &indicator_field);
        limit(&mut errors, &text_field, &sign, SHORT_MAX);
        limit(&mut errors, &indicator_field, &indicator, SHORT_MAX);
        let number = if note.is_empty() {
            None
        } else {
            let n = note_number(&note);
            if n.is_none() {
                errors.insert(note_field.clone(), "error-note-number");
            }
            n
        };
        if sign.is_empty() {
            if number.is_some() || !indicator.is_empty() {
                errors.insert(text_field, "error-required");
            }
            continue;
        }
        signposts.push(Signpost {
            text: sign,
            note: number,
            indicator: (!indicator.is_empty()).then_some(indicator),
        });
    }
    let image_text = text(typed, "image");
    limit(&mut errors, "image", &image_text, SHORT_MAX);
    let image = (!image_text.is_empty()).then_some(image_text);
    let image_alt = text(typed, "image_alt");
    limit(&mut errors, "image_alt", &image_alt, SHORT_MAX);
    if image.is_some() && image_alt.is_empty() {
        errors.insert("image_alt".into(), "error-image-alt");
    }
    if errors.is_empty() {
        Ok(ValidScenario {
            quadrant,
            name,
            tagline,
            narrative,
            characteristics,
            driver_states,
            signposts,
            image,
            image_alt,
        })
    } else {
        Err(errors)
    }
}

/// The form fields of a stored scenario, to edit it.
pub fn scenario_fields(scenario: &ValidScenario) -> Typed {
    let mut typed = Typed::new();
    if let Some(q) = scenario.quadrant {
        typed.insert("quadrant".into(), q.key().into());
    }
    typed.insert("name".into(), scenario.name.clone());
    typed.insert("tagline".into(), scenario.tagline.clone());
    typed.insert("narrative".into(), scenario.narrative.clone());
    typed.insert(
        "characteristics".into(),
        scenario.characteristics.join("\n"),
    );
    for state in &scenario.driver_states {
        typed.insert(state_field(state.note), state.state.clone());
    }
    for (i, sign) in scenario.signposts.iter().enumerate() {
        typed.insert(signpost_field(i + 1, ""), sign.text.clone());
        if let Some(n) = sign.note {
            typed.insert(signpost_field(i + 1, "note"), n.to_string());
        }
        if let Some(ind) = &sign.indicator {
            typed.insert(signpost_field(i + 1, "indicator"), ind.clone());
        }
    }
    if let Some(image) = &scenario.image {
        typed.insert("image".into(), image.clone());
        typed.insert("image_alt".into(), scenario.image_alt.clone());
    }
    typed
}

// ---------------------------------------------------------------------------------------
// Every organisation's assessment (home assignment part `scenario_rating`).

/// The scales of an assessment: interest and plausibility 1–5, desirability −2…+2.
pub const INTEREST: Scale = Scale::ONE_TO_FIVE;
pub const PLAUSIBILITY: Scale = Scale::ONE_TO_FIVE;
pub const DESIRABILITY: Scale = Scale::MINUS_TWO_TO_TWO;
/// How many scenarios an organisation marks as most interesting for its region.
pub const MOST_MAX: usize = 2;

keyed_enum! {
    /// What an assessment asks of each scenario.
    Measure {
        Interest => "interest",
        Plausibility => "plausibility",
        Desirability => "desirability",
    }
}

impl Measure {
    pub fn scale(self) -> Scale {
        match self {
            Measure::Interest => INTEREST,
            Measure::Plausibility => PLAUSIBILITY,
            Measure::Desirability => DESIRABILITY,
        }
    }
}

/// One organisation's judgement of one scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioJudgement {
    pub scenario: i64,
    #[serde(default)]
    pub interest: Option<i32>,
    #[serde(default)]
    pub plausibility: Option<i32>,
    #[serde(default)]
    pub desirability: Option<i32>,
    #[serde(default)]
    pub reason: String,
}

impl ScenarioJudgement {
    pub fn value(&self, measure: Measure) -> Option<i32> {
        match measure {
            Measure::Interest => self.interest,
            Measure::Plausibility => self.plausibility,
            Measure::Desirability => self.desirability,
        }
    }
}

/// The part `scenario_rating` as stored in a submission: the set assessed, a judgement
/// per scenario, and the one or two scenarios most interesting for the region.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioAssessment {
    pub set: i64,
    #[serde(default)]
    pub judgements: Vec<ScenarioJudgement>,
    #[serde(default)]
    pub most: Vec<i64>,
}

impl ScenarioAssessment {
    /// Whether nothing was judged: no value, no reason, no scenario marked.
    pub fn is_blank(&self) -> bool {
        self.most.is_empty()
            && self.judgements.iter().all(|j| {
                j.interest.is_none()
                    && j.plausibility.is_none()
                    && j.desirability.is_none()
                    && j.reason.is_empty()
            })
    }
}

/// The field of a scenario's measure (`scenario-12-interest`), reason
/// (`scenario-12-reason`) and mark as most interesting (`scenario-12-most`).
pub fn judgement_field(scenario: i64, part: &str) -> String {
    format!("scenario-{scenario}-{part}")
}

/// Reads the assessment of `set`'s `scenarios`. A draft may be partial; on submit every
/// scenario needs its three judgements, and one or two are marked most interesting.
pub fn read_assessment(
    typed: &Typed,
    set: i64,
    scenarios: &[i64],
    submitting: bool,
    errors: &mut Errors,
) -> ScenarioAssessment {
    let mut assessment = ScenarioAssessment {
        set,
        ..ScenarioAssessment::default()
    };
    for &scenario in scenarios {
        let mut judgement = ScenarioJudgement {
            scenario,
            interest: None,
            plausibility: None,
            desirability: None,
            reason: String::new(),
        };
        for &measure in Measure::ALL {
            let field = judgement_field(scenario, measure.key());
            let value = text(typed, &field);
            let parsed = if value.is_empty() {
                if submitting {
                    errors.insert(field, "error-required");
                }
                None
            } else {
                match value.trim_start_matches('+').parse::<i32>() {
                    Ok(v) if measure.scale().contains(v) => Some(v),
                    _ => {
                        errors.insert(field, "error-scenario-rating-range");
                        None
                    }
                }
            };
            match measure {
                Measure::Interest => judgement.interest = parsed,
                Measure::Plausibility => judgement.plausibility = parsed,
                Measure::Desirability => judgement.desirability = parsed,
            }
        }
        let reason_field = judgement_field(scenario, "reason");
        judgement.reason = text(typed, &reason_field);
        limit(
            errors,
            &reason_field,
            &judgement.reason,
            super::assignment::REASON_MAX,
        );
        if !text(typed, &judgement_field(scenario, "most")).is_empty() {
            assessment.most.push(scenario);
        }
        assessment.judgements.push(judgement);
    }
    let first = scenarios
        .first()
        .map(|s| judgement_field(*s, "most"))
        .unwrap_or_else(|| "scenario-most".into());
    if assessment.most.len() > MOST_MAX {
        errors.insert(first, "error-scenario-most-too-many");
    } else if submitting && assessment.most.is_empty() {
        errors.insert(first, "error-scenario-most-required");
    }
    assessment
}

/// The form fields of a stored assessment, to fill the form again.
pub fn assessment_fields(assessment: &ScenarioAssessment) -> Typed {
    let mut typed = Typed::new();
    for j in &assessment.judgements {
        for &measure in Measure::ALL {
            if let Some(v) = j.value(measure) {
                typed.insert(judgement_field(j.scenario, measure.key()), v.to_string());
            }
        }
        if !j.reason.is_empty() {
            typed.insert(judgement_field(j.scenario, "reason"), j.reason.clone());
        }
    }
    for s in &assessment.most {
        typed.insert(judgement_field(*s, "most"), "1".into());
    }
    typed
}

/// One organisation's assessment as the figures count it.
#[derive(Debug, Clone)]
pub struct Assessed<'a> {
    pub organisation_id: i64,
    pub organisation_name: String,
    /// The organisation's category key (region, agency…), if it has one.
    pub category: Option<String>,
    pub assessment: &'a ScenarioAssessment,
}

/// The figures of one measure of one scenario, overall and per organisation category.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeasureFigures {
    pub measure: Measure,
    pub overall: Summary,
    /// Category key → the figures of its organisations, in key order.
    pub by_category: BTreeMap<String, Summary>,
}

/// The figures of one scenario: each measure's, and who chose it as most interesting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioFigures {
    pub scenario: i64,
    pub measures: Vec<MeasureFigures>,
    /// The organisations that marked it most interesting, by name.
    pub chosen_by: Vec<String>,
}

/// The figures of a set's assessment over the assessments given (one per organisation;
/// the caller decides which submissions count). Judgements of scenarios not in
/// `scenarios` are ignored. Names keep the order given.
pub fn figures(scenarios: &[i64], assessed: &[Assessed<'_>]) -> Vec<ScenarioFigures> {
    scenarios
        .iter()
        .map(|&scenario| {
            let values = |measure: Measure, only: Option<&str>| -> Vec<Option<i32>> {
                assessed
                    .iter()
                    .filter(|a| only.is_none_or(|c| a.category.as_deref() == Some(c)))
                    .filter_map(|a| {
                        a.assessment
                            .judgements
                            .iter()
                            .find(|j| j.scenario == scenario)
                            .and_then(|j| j.value(measure))
                    })
                    .map(Some)
                    .collect()
            };
            let categories: Vec<String> = {
                let mut c: Vec<String> =
                    assessed.iter().filter_map(|a| a.category.clone()).collect();
                c.sort();
                c.dedup();
                c
            };
            let measures = Measure::ALL
                .iter()
                .map(|&measure| MeasureFigures {
                    measure,
                    overall: stats::summarise(&values(measure, None), measure.scale(), 1),
                    by_category: categories
                        .iter()
                        .map(|c| {
                            (
                                c.clone(),
                                stats::summarise(&values(measure, Some(c)), measure.scale(), 1),
                            )
                        })
                        .collect(),
                })
                .collect();
            let chosen_by = assessed
                .iter()
                .filter(|a| a.assessment.most.contains(&scenario))
                .map(|a| a.organisation_name.clone())
                .collect();
            ScenarioFigures {
                scenario,
                measures,
                chosen_by,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(pairs: &[(&str, &str)]) -> Typed {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    fn two_axes() -> SetForm {
        SetForm {
            title: "Regionerna 2050".into(),
            phase: "scenarier".into(),
            focal_question: "Hur ser regionerna ut?".into(),
            horizon: "2050".into(),
            method: "two_axes".into(),
            axis1_note: "#4".into(),
            axis1_low: "Stark stat".into(),
            axis1_high: "Starka regioner".into(),
            axis2_note: "5".into(),
            axis2_low: "Sluten värld".into(),
            axis2_high: "Öppen värld".into(),
            predetermined: "7, #8".into(),
            ..SetForm::default()
        }
    }

    #[test]
    fn a_two_axis_set_needs_both_axes_with_their_poles() {
        let set = two_axes().validate(&["scenarier"]).unwrap();
        assert_eq!(set.axes.len(), 2);
        assert_eq!(set.axes[0].note, 4);
        assert_eq!(set.predetermined, vec![7, 8]);
        let mut form = two_axes();
        form.axis2_high = " ".into();
        form.axis1_note = "fyra".into();
        form.horizon = "1850".into();
        let errors = form.validate(&["scenarier"]).unwrap_err();
        assert_eq!(errors.get("axis2_high"), Some("error-required"));
        assert_eq!(errors.get("axis1_note"), Some("error-note-number"));
        assert_eq!(errors.get("horizon"), Some("error-scenario-horizon"));
        let mut form = two_axes();
        form.axis2_note = "4".into();
        form.predetermined = "4".into();
        let errors = form.validate(&["scenarier"]).unwrap_err();
        assert_eq!(errors.get("axis2_note"), Some("error-scenario-axis-twice"));
        assert_eq!(
            errors.get("predetermined"),
            Some("error-scenario-predetermined-axis")
        );
        let mut form = two_axes();
        form.method = "other".into();
        assert!(form.validate(&["scenarier"]).unwrap().axes.is_empty());
        assert_eq!(
            two_axes()
                .validate(&["omvarlden"])
                .unwrap_err()
                .get("phase"),
            Some("error-unknown-phase")
        );
    }

    #[test]
    fn an_axis_is_an_uncertainty() {
        assert_eq!(check_axis(Some((NoteType::Uncertainty, true))), Ok(()));
        assert_eq!(
            check_axis(Some((NoteType::Trend, true))),
            Err("error-scenario-axis-not-uncertainty")
        );
        assert_eq!(check_axis(None), Err("error-note-missing"));
    }

    #[test]
    fn a_two_axis_set_has_four_quadrants_and_no_fifth() {
        let chosen = [4, 5];
        let form = typed(&[
            ("quadrant", "high_high"),
            ("name", "Regionernas decennium"),
            ("state-4", "Regionerna tar över"),
            ("signpost-1", "Fler regionala skatter"),
            ("signpost-1-note", "#9"),
            ("characteristics", "- Starka regioner\n\n* Öppna gränser"),
        ]);
        let s = read_scenario(&form, Method::TwoAxes, &chosen, &[Quadrant::LowLow]).unwrap();
        assert_eq!(s.quadrant, Some(Quadrant::HighHigh));
        assert_eq!(s.characteristics, vec!["Starka regioner", "Öppna gränser"]);
        assert_eq!(
            s.driver_states,
            vec![DriverState {
                note: 4,
                state: "Regionerna tar över".into()
            }]
        );
        assert_eq!(s.signposts[0].note, Some(9));
        let errors =
            read_scenario(&form, Method::TwoAxes, &chosen, &[Quadrant::HighHigh]).unwrap_err();
        assert_eq!(
            errors.get("quadrant"),
            Some(&"error-scenario-quadrant-taken")
        );
        let mut fifth = form.clone();
        fifth.insert("quadrant".into(), "middle".into());
        let errors = read_scenario(&fifth, Method::TwoAxes, &chosen, &[]).unwrap_err();
        assert_eq!(errors.get("quadrant"), Some(&"error-scenario-quadrant"));
        assert!(
            read_scenario(&fifth, Method::Other, &chosen, &[])
                .unwrap()
                .quadrant
                .is_none()
        );
        assert_eq!(scenario_fields(&s).get("signpost-1-note").unwrap(), "9");
        assert_eq!(Quadrant::LowHigh.position(), 1);
        assert!(Quadrant::HighLow.x_high() && !Quadrant::HighLow.y_high());
    }

    #[test]
    fn a_set_opens_only_when_complete() {
        assert_eq!(
            check_complete(Method::TwoAxes, 3),
            Err("error-scenario-set-incomplete")
        );
        assert_eq!(check_complete(Method::TwoAxes, 4), Ok(()));
        assert_eq!(check_complete(Method::Other, 2), Ok(()));
        assert!(can_move(SetStatus::Draft, SetStatus::Open));
        assert!(!can_move(SetStatus::Draft, SetStatus::Final));
    }

    #[test]
    fn an_assessment_needs_everything_and_a_most_interesting_on_submit() {
        let scenarios = [11, 12];
        let mut errors = Errors::new();
        let a = read_assessment(
            &typed(&[
                ("scenario-11-interest", "5"),
                ("scenario-11-plausibility", "2"),
                ("scenario-11-desirability", "+2"),
                ("scenario-11-most", "1"),
                ("scenario-12-interest", "6"),
                ("scenario-12-desirability", "-3"),
            ]),
            3,
            &scenarios,
            true,
            &mut errors,
        );
        assert_eq!(
            errors.get("scenario-12-interest"),
            Some(&"error-scenario-rating-range")
        );
        assert_eq!(
            errors.get("scenario-12-desirability"),
            Some(&"error-scenario-rating-range")
        );
        assert_eq!(
            errors.get("scenario-12-plausibility"),
            Some(&"error-required")
        );
        assert_eq!(a.judgements[0].desirability, Some(2));
        assert_eq!(a.most, vec![11]);
        let mut errors = Errors::new();
        read_assessment(&typed(&[]), 3, &scenarios, false, &mut errors);
        assert!(errors.is_empty());
        let mut errors = Errors::new();
        read_assessment(&typed(&[]), 3, &scenarios, true, &mut errors);
        assert_eq!(
            errors.get("scenario-11-most"),
            Some(&"error-scenario-most-required")
        );
        assert_eq!(assessment_fields(&a).get("scenario-11-most").unwrap(), "1");
    }

    #[test]
    fn figures_by_hand() {
        let judge = |s, i, p, d| ScenarioJudgement {
            scenario: s,
            interest: Some(i),
            plausibility: Some(p),
            desirability: Some(d),
            reason: String::new(),
        };
        let a = ScenarioAssessment {
            set: 1,
            judgements: vec![judge(1, 5, 3, 2)],
            most: vec![1],
        };
        let b = ScenarioAssessment {
            set: 1,
            judgements: vec![judge(1, 3, 3, -1)],
            most: vec![],
        };
        let c = ScenarioAssessment {
            set: 1,
            judgements: vec![judge(1, 4, 1, 0)],
            most: vec![1],
        };
        let assessed = [
            Assessed {
                organisation_id: 1,
                organisation_name: "Region Skåne".into(),
                category: Some("region".into()),
                assessment: &a,
            },
            Assessed {
                organisation_id: 2,
                organisation_name: "Tillväxtverket".into(),
                category: Some("agency".into()),
                assessment: &b,
            },
            Assessed {
                organisation_id: 3,
                organisation_name: "Region Gävleborg".into(),
                category: Some("region".into()),
                assessment: &c,
            },
        ];
        let f = figures(&[1], &assessed);
        let interest = &f[0].measures[0];
        assert_eq!(interest.measure, Measure::Interest);
        // 3, 4, 5: median 4, quartiles 3.5 and 4.5.
        assert_eq!(interest.overall.median, Some(4.0));
        assert_eq!(interest.overall.q1, Some(3.5));
        assert_eq!(interest.overall.q3, Some(4.5));
        // Regions: 4, 5.
        assert_eq!(interest.by_category["region"].median, Some(4.5));
        assert_eq!(interest.by_category["agency"].n, 1);
        assert_eq!(f[0].chosen_by, vec!["Region Skåne", "Region Gävleborg"]);
    }

    #[test]
    fn a_history_names_the_changed_fields_it_shows_old_and_new() {
        let before = serde_json::json!({
            "title": "Fyra framtider", "status": "draft", "version": 1, "updated_at": 10,
            "axes": [{"note": 1, "definition": "", "low": "Stat", "high": "Regioner"}],
        });
        let after = serde_json::json!({
            "title": "Fyra framtider", "status": "open", "version": 2, "updated_at": 20,
            "axes": [{"note": 1, "definition": "", "low": "Stark stat", "high": "Regioner"}],
        });
        let found = changes(&before, &after, SET_HISTORY_FIELDS);
        let fields: Vec<&str> = found.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["axes", "status"]);
        assert_eq!(found[1].before, "draft");
        assert_eq!(found[1].after, "open");
        // Fields a history does not show (the version, times) never count as changes.
        assert!(changes(&before, &after, &["version", "updated_at"]).is_empty());
    }
}
