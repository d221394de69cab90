//! Backcasting (workshop 4): a vision of a desired future, shared by the workshop or one
//! organisation's own, the milestones on the way back from it, the actions near now,
//! and the stress test of each milestone and action against every scenario of the set
//! the vision builds on; who writes and sees them; and the home assignment's part
//! `milestones`.
//!
//! A milestone lies between now and the vision's horizon, at one of the programme's
//! levels, and depends only on milestones of the same vision that come no later than it
//! (so the dependencies never make a cycle). An action always names the organisation
//! responsible for it. A verdict is only ever given against a scenario of the vision's
//! own set.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::access::Subject;
use super::assignment::{self, SubmissionStatus};
use super::programme::{AssignmentPart, Programme};

keyed_enum! {
    /// What kind of step a milestone is.
    MilestoneKind {
        Policy => "policy",
        Investment => "investment",
        Capability => "capability",
        Partnership => "partnership",
        Regulation => "regulation",
        Behaviour => "behaviour",
    }
}

keyed_enum! {
    /// When an action starts, counted from now.
    Start {
        NextQuarter => "next-quarter",
        NextYear => "next-year",
        Within3Years => "within-3-years",
    }
}

impl Start {
    /// How many years from now the action starts at the latest (for the timeline:
    /// next quarter and next year start within the year after now).
    pub fn years(self) -> i32 {
        match self {
            Start::NextQuarter => 0,
            Start::NextYear => 1,
            Start::Within3Years => 3,
        }
    }
}

keyed_enum! {
    /// Where an action stands.
    ActionStatus {
        Proposed => "proposed",
        Decided => "decided",
        UnderWay => "under-way",
        Done => "done",
        Dropped => "dropped",
    }
}

keyed_enum! {
    /// How a milestone or action holds up in one scenario.
    Verdict {
        Robust => "robust",
        Adapt => "adapt",
        Fails => "fails",
    }
}

impl Verdict {
    /// The shape the stress-test grid and lists carry beside the word, so a verdict
    /// never rests on colour: a filled circle, a half circle, a cross.
    pub fn shape(self) -> &'static str {
        match self {
            Verdict::Robust => "●",
            Verdict::Adapt => "◐",
            Verdict::Fails => "✕",
        }
    }
}

keyed_enum! {
    /// What a stress verdict or a revision is about.
    ItemKind {
        Vision => "vision",
        Milestone => "milestone",
        Action => "action",
    }
}

/// The earliest year a vision's horizon or a milestone may name.
pub const YEAR_MIN: i32 = 1990;
/// The latest horizon a vision may name.
pub const YEAR_MAX: i32 = 2200;
/// The longest title, statement or text.
pub const TITLE_MAX: usize = 300;
pub const TEXT_MAX: usize = 8_000;
/// The most characteristics, dependencies or answered consequences one item lists.
pub const LIST_MAX: usize = 40;

/// The phases whose home assignment asks every organisation for its milestones.
pub fn phases(programme: &Programme) -> Vec<&str> {
    programme
        .phases
        .iter()
        .filter(|p| {
            p.home_assignment()
                .is_some_and(|h| h.parts.contains(&AssignmentPart::Milestones))
        })
        .map(|p| p.slug.as_str())
        .collect()
}

// ---- Who may do what -----------------------------------------------------------------

/// Writing the shared vision, its milestones and actions, and judging any milestone or
/// action: process leaders and editors.
pub fn can_write_shared(subject: &Subject) -> bool {
    assignment::can_read_all(subject)
}

/// Writing an organisation's own vision, milestones and actions (and judging them):
/// its strategists, while its submission of the phase is theirs to write (not started,
/// draft or returned).
pub fn can_write_own(
    subject: &Subject,
    organisation_id: i64,
    submission: Option<SubmissionStatus>,
) -> bool {
    assignment::can_write(subject, organisation_id)
        && matches!(
            submission,
            None | Some(SubmissionStatus::Draft) | Some(SubmissionStatus::Returned)
        )
}

/// Judging a milestone or action of a vision of `organisation` (none: shared): process
/// leaders and editors always, and the organisation's strategists while they may write
/// its vision.
pub fn can_judge(
    subject: &Subject,
    organisation: Option<i64>,
    submission: Option<SubmissionStatus>,
) -> bool {
    can_write_shared(subject) || organisation.is_some_and(|o| can_write_own(subject, o, submission))
}

/// Who sees a vision (and its milestones, actions and verdicts):
/// - members see the shared one; an organisation's own is for that organisation, the
///   process leaders and the editors, and for every member once its submission is
///   accepted (as the submission itself);
/// - visitors see a vision once it is published, and an organisation's only while its
///   submission is accepted.
pub fn can_see(
    viewer: Option<&Subject>,
    organisation: Option<i64>,
    submission: Option<SubmissionStatus>,
    public: bool,
) -> bool {
    let accepted = submission == Some(SubmissionStatus::Accepted);
    match viewer {
        None => public && (organisation.is_none() || accepted),
        Some(v) => match organisation {
            None => true,
            Some(o) => v.organisation_id == o || assignment::can_read_all(v) || accepted,
        },
    }
}

/// Whether a vision may be published: the shared one always, an organisation's once its
/// submission is accepted.
pub fn can_publish(organisation: Option<i64>, submission: Option<SubmissionStatus>) -> bool {
    organisation.is_none() || submission == Some(SubmissionStatus::Accepted)
}

// ---- Forms ---------------------------------------------------------------------------

/// Field errors by field name.
pub type Errors = BTreeMap<String, &'static str>;
/// A form as typed, every field by name.
pub type Typed = BTreeMap<String, String>;

fn field<'a>(typed: &'a Typed, name: &str) -> &'a str {
    typed.get(name).map(|t| t.trim()).unwrap_or("")
}

fn required(typed: &Typed, name: &str, max: usize, errors: &mut Errors) -> String {
    let text = field(typed, name);
    if text.is_empty() {
        errors.insert(name.into(), "error-required");
    } else if text.chars().count() > max {
        errors.insert(name.into(), "error-too-long");
    }
    text.to_string()
}

fn optional_text(typed: &Typed, name: &str, max: usize, errors: &mut Errors) -> String {
    let text = field(typed, name);
    if text.chars().count() > max {
        errors.insert(name.into(), "error-too-long");
    }
    text.to_string()
}

fn year(typed: &Typed, name: &str, errors: &mut Errors) -> Option<i32> {
    let text = field(typed, name);
    if text.is_empty() {
        errors.insert(name.into(), "error-required");
        return None;
    }
    match text.parse::<i32>() {
        Ok(y) if (YEAR_MIN..=YEAR_MAX).contains(&y) => Some(y),
        _ => {
            errors.insert(name.into(), "error-backcasting-year");
            None
        }
    }
}

/// Reads a list of numbers, one per line or separated by commas or spaces, each
/// optionally written with a leading `#`. Duplicates are dropped, the order kept.
pub fn numbers(text: &str) -> Option<Vec<i64>> {
    let mut out = Vec::new();
    for part in text.split(|c: char| c == ',' || c.is_whitespace()) {
        let part = part.trim().trim_start_matches('#');
        if part.is_empty() {
            continue;
        }
        let n: i64 = part.parse().ok().filter(|n| *n > 0)?;
        if !out.contains(&n) {
            out.push(n);
        }
    }
    Some(out)
}

/// A list field of numbers (several values of one name arrive joined by newlines).
fn number_list(typed: &Typed, name: &str, errors: &mut Errors) -> Vec<i64> {
    match numbers(field(typed, name)) {
        Some(list) if list.len() <= LIST_MAX => list,
        Some(_) => {
            errors.insert(name.into(), "error-too-long");
            Vec::new()
        }
        None => {
            errors.insert(name.into(), "error-backcasting-numbers");
            Vec::new()
        }
    }
}

/// The vision's form fields.
pub const VISION_FIELDS: [&str; 5] = [
    "title",
    "horizon",
    "statement",
    "characteristics",
    "scenarios",
];

/// A vision as its form checks it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidVision {
    pub title: String,
    pub horizon: i32,
    pub statement: String,
    /// One a line.
    pub characteristics: Vec<String>,
    /// The scenarios it builds on, by number (checked against the set by
    /// [`check_scenarios`]).
    pub scenarios: Vec<i64>,
}

/// Reads a vision's form. The title, horizon and statement are required;
/// characteristics are one a line.
pub fn read_vision(typed: &Typed) -> Result<ValidVision, Errors> {
    let mut errors = Errors::new();
    let title = required(typed, "title", TITLE_MAX, &mut errors);
    let horizon = year(typed, "horizon", &mut errors);
    let statement = required(typed, "statement", TEXT_MAX, &mut errors);
    let characteristics: Vec<String> = field(typed, "characteristics")
        .lines()
        .map(|l| l.trim().trim_start_matches(['-', '*', '•']).trim())
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    if characteristics.len() > LIST_MAX
        || characteristics
            .iter()
            .any(|c| c.chars().count() > TITLE_MAX)
    {
        errors.insert("characteristics".into(), "error-too-long");
    }
    let scenarios = number_list(typed, "scenarios", &mut errors);
    match horizon {
        Some(horizon) if errors.is_empty() => Ok(ValidVision {
            title,
            horizon,
            statement,
            characteristics,
            scenarios,
        }),
        _ => Err(errors),
    }
}

/// The form's fields of a stored vision, to edit it again.
pub fn vision_fields(v: &ValidVision) -> Typed {
    let mut typed = Typed::new();
    typed.insert("title".into(), v.title.clone());
    typed.insert("horizon".into(), v.horizon.to_string());
    typed.insert("statement".into(), v.statement.clone());
    typed.insert("characteristics".into(), v.characteristics.join("\n"));
    typed.insert("scenarios".into(), join(&v.scenarios));
    typed
}

fn join(numbers: &[i64]) -> String {
    numbers
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The scenarios a vision builds on must be of its set (`set`: the set's scenarios).
pub fn check_scenarios(chosen: &[i64], set: &[i64]) -> Result<(), (&'static str, &'static str)> {
    if chosen.iter().any(|s| !set.contains(s)) {
        return Err(("scenarios", "error-backcasting-scenario-elsewhere"));
    }
    Ok(())
}

/// The milestone's form fields.
pub const MILESTONE_FIELDS: [&str; 7] = [
    "year",
    "title",
    "description",
    "level",
    "kind",
    "actor",
    "depends_on",
];

/// A milestone as its form checks it (the consequences it answers follow
/// `depends_on`, as the field `answers`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidMilestone {
    pub year: i32,
    pub title: String,
    pub description: String,
    pub level: String,
    pub kind: MilestoneKind,
    pub actor: String,
    pub depends_on: Vec<i64>,
    pub answers: Vec<i64>,
}

/// Reads a milestone's form against the programme's levels. The year, title, level and
/// kind are required; the year is checked against the vision by [`check_milestone`].
pub fn read_milestone(programme: &Programme, typed: &Typed) -> Result<ValidMilestone, Errors> {
    let mut errors = Errors::new();
    let year = year(typed, "year", &mut errors);
    let title = required(typed, "title", TITLE_MAX, &mut errors);
    let description = optional_text(typed, "description", TEXT_MAX, &mut errors);
    let level = field(typed, "level");
    if level.is_empty() {
        errors.insert("level".into(), "error-required");
    } else if programme.consequence_level(level).is_none() {
        errors.insert("level".into(), "error-backcasting-level");
    }
    let kind = match field(typed, "kind") {
        "" => {
            errors.insert("kind".into(), "error-required");
            None
        }
        k => {
            let kind = MilestoneKind::parse(k);
            if kind.is_none() {
                errors.insert("kind".into(), "error-answer-invalid");
            }
            kind
        }
    };
    let actor = optional_text(typed, "actor", TITLE_MAX, &mut errors);
    let depends_on = number_list(typed, "depends_on", &mut errors);
    let answers = number_list(typed, "answers", &mut errors);
    match (year, kind) {
        (Some(year), Some(kind)) if errors.is_empty() => Ok(ValidMilestone {
            year,
            title,
            description,
            level: level.to_string(),
            kind,
            actor,
            depends_on,
            answers,
        }),
        _ => Err(errors),
    }
}

/// The form's fields of a stored milestone, to edit it again.
pub fn milestone_fields(m: &ValidMilestone) -> Typed {
    let mut typed = Typed::new();
    typed.insert("year".into(), m.year.to_string());
    typed.insert("title".into(), m.title.clone());
    typed.insert("description".into(), m.description.clone());
    typed.insert("level".into(), m.level.clone());
    typed.insert("kind".into(), m.kind.key().into());
    typed.insert("actor".into(), m.actor.clone());
    typed.insert("depends_on".into(), join(&m.depends_on));
    typed.insert("answers".into(), join(&m.answers));
    typed
}

/// What [`check_milestone`] needs of another milestone of the vision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub id: i64,
    pub year: i32,
    pub depends_on: Vec<i64>,
}

/// Whether a milestone (`id` none for a new one) may stand as typed in a vision whose
/// horizon is `horizon` and whose other milestones (not removed) are `others`:
/// - its year is no later than the vision's horizon;
/// - it depends only on milestones of the same vision, never on itself;
/// - no dependency comes later than it does;
/// - the dependencies make no cycle (through the others' dependencies);
/// - none of the milestones that depend on it would then come before it.
///
/// Errors are `(field, message)`.
pub fn check_milestone(
    id: Option<i64>,
    m: &ValidMilestone,
    horizon: i32,
    others: &[Step],
) -> Result<(), (&'static str, &'static str)> {
    if m.year > horizon {
        return Err(("year", "error-milestone-after-vision"));
    }
    let by_id: BTreeMap<i64, &Step> = others
        .iter()
        .filter(|s| Some(s.id) != id)
        .map(|s| (s.id, s))
        .collect();
    for d in &m.depends_on {
        if Some(*d) == id {
            return Err(("depends_on", "error-milestone-cycle"));
        }
        let Some(dep) = by_id.get(d) else {
            return Err(("depends_on", "error-milestone-dependency-elsewhere"));
        };
        if dep.year > m.year {
            return Err(("depends_on", "error-milestone-dependency-later"));
        }
    }
    if let Some(id) = id {
        // A cycle: the milestone is reachable from one of its own dependencies.
        let mut seen = BTreeSet::new();
        let mut stack: Vec<i64> = m.depends_on.clone();
        while let Some(next) = stack.pop() {
            if next == id {
                return Err(("depends_on", "error-milestone-cycle"));
            }
            if !seen.insert(next) {
                continue;
            }
            if let Some(step) = by_id.get(&next) {
                stack.extend(step.depends_on.iter().copied());
            }
        }
        // Those that depend on it may not come before it.
        if by_id
            .values()
            .any(|s| s.depends_on.contains(&id) && s.year < m.year)
        {
            return Err(("year", "error-milestone-dependent-earlier"));
        }
    }
    Ok(())
}

/// The action's form fields.
pub const ACTION_FIELDS: [&str; 7] = [
    "text",
    "organisation",
    "start",
    "strategy",
    "status",
    "milestones",
    "answers",
];

/// An action as its form checks it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidAction {
    pub text: String,
    /// The organisation responsible (checked to exist by the use case).
    pub organisation: i64,
    pub start: Start,
    pub strategy: String,
    pub status: ActionStatus,
    /// The milestones of the same vision it leads to.
    pub milestones: Vec<i64>,
    /// The consequences it answers.
    pub answers: Vec<i64>,
}

/// Reads an action's form. The text, the responsible organisation, the start and the
/// status are required.
pub fn read_action(typed: &Typed) -> Result<ValidAction, Errors> {
    let mut errors = Errors::new();
    let text = required(typed, "text", TEXT_MAX, &mut errors);
    let organisation = match field(typed, "organisation") {
        "" => {
            errors.insert("organisation".into(), "error-action-organisation");
            None
        }
        o => match o.parse::<i64>() {
            Ok(n) if n > 0 => Some(n),
            _ => {
                errors.insert("organisation".into(), "error-action-organisation");
                None
            }
        },
    };
    let keyed = |name: &str, errors: &mut Errors| -> Option<&str> {
        let v = field(typed, name);
        if v.is_empty() {
            errors.insert(name.into(), "error-required");
            None
        } else {
            Some(v)
        }
    };
    let start = keyed("start", &mut errors).and_then(|s| {
        let v = Start::parse(s);
        if v.is_none() {
            errors.insert("start".into(), "error-answer-invalid");
        }
        v
    });
    let status = keyed("status", &mut errors).and_then(|s| {
        let v = ActionStatus::parse(s);
        if v.is_none() {
            errors.insert("status".into(), "error-answer-invalid");
        }
        v
    });
    let strategy = optional_text(typed, "strategy", TITLE_MAX, &mut errors);
    let milestones = number_list(typed, "milestones", &mut errors);
    let answers = number_list(typed, "answers", &mut errors);
    match (organisation, start, status) {
        (Some(organisation), Some(start), Some(status)) if errors.is_empty() => Ok(ValidAction {
            text,
            organisation,
            start,
            strategy,
            status,
            milestones,
            answers,
        }),
        _ => Err(errors),
    }
}

/// The form's fields of a stored action, to edit it again.
pub fn action_fields(a: &ValidAction) -> Typed {
    let mut typed = Typed::new();
    typed.insert("text".into(), a.text.clone());
    typed.insert("organisation".into(), a.organisation.to_string());
    typed.insert("start".into(), a.start.key().into());
    typed.insert("strategy".into(), a.strategy.clone());
    typed.insert("status".into(), a.status.key().into());
    typed.insert("milestones".into(), join(&a.milestones));
    typed.insert("answers".into(), join(&a.answers));
    typed
}

/// An action leads only to milestones of its own vision (`vision_milestones`).
pub fn check_action(
    a: &ValidAction,
    vision_milestones: &[i64],
) -> Result<(), (&'static str, &'static str)> {
    if a.milestones.iter().any(|m| !vision_milestones.contains(m)) {
        return Err(("milestones", "error-milestone-dependency-elsewhere"));
    }
    Ok(())
}

/// A verdict is given only against a scenario of the vision's set (`set`: its
/// scenarios).
pub fn check_verdict_scenario(scenario: i64, set: &[i64]) -> Result<(), &'static str> {
    if set.contains(&scenario) {
        Ok(())
    } else {
        Err("error-stress-scenario-elsewhere")
    }
}

/// The longest note on a verdict.
pub const VERDICT_NOTE_MAX: usize = 2_000;

/// The score of a milestone or action: in how many of the scenarios (`scenarios`) it
/// holds, robust or with adaptation, out of how many it was judged in. Only verdicts
/// against those scenarios count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    pub robust: usize,
    pub adapt: usize,
    pub fails: usize,
    /// Robust or adapting: the futures it holds in.
    pub holds: usize,
    /// Scenarios not judged yet.
    pub unjudged: usize,
}

/// The score over one item's verdicts, by scenario.
pub fn score(scenarios: &[i64], verdicts: &BTreeMap<i64, Verdict>) -> Score {
    let mut s = Score {
        robust: 0,
        adapt: 0,
        fails: 0,
        holds: 0,
        unjudged: 0,
    };
    for scenario in scenarios {
        match verdicts.get(scenario) {
            Some(Verdict::Robust) => s.robust += 1,
            Some(Verdict::Adapt) => s.adapt += 1,
            Some(Verdict::Fails) => s.fails += 1,
            None => s.unjudged += 1,
        }
    }
    s.holds = s.robust + s.adapt;
    s
}

// ---- The home assignment's part ------------------------------------------------------

/// A milestone as the submission keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartMilestone {
    pub id: i64,
    #[serde(flatten)]
    pub milestone: ValidMilestone,
}

/// An action as the submission keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartAction {
    pub id: i64,
    #[serde(flatten)]
    pub action: ValidAction,
}

/// The part `milestones` as stored in a submission: the organisation's vision (its own,
/// or the shared one it adopted), milestones and actions at the moment of saving, so the
/// submission's revisions and exports hold them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MilestonePart {
    pub vision: i64,
    #[serde(default)]
    pub adopted_from: Option<i64>,
    #[serde(flatten)]
    pub content: ValidVision,
    #[serde(default)]
    pub milestones: Vec<PartMilestone>,
    #[serde(default)]
    pub actions: Vec<PartAction>,
}

/// Where the part shows that there is no vision yet.
pub const VISION_FIELD: &str = "vision";
/// Where the part shows that a milestone is missing.
pub const MILESTONES_FIELD: &str = "milestones";
/// Where the part shows that an action is missing.
pub const ACTIONS_FIELD: &str = "actions";

/// Reads the part from the organisation's vision as it stands (`own`: none before it
/// wrote or adopted one). On submit it needs a vision, at least one milestone and at
/// least one action.
pub fn read_part(
    own: Option<&MilestonePart>,
    submitting: bool,
    errors: &mut assignment::Errors,
) -> Option<MilestonePart> {
    let Some(part) = own else {
        if submitting {
            errors.insert(VISION_FIELD.into(), "error-milestones-no-vision");
        }
        return None;
    };
    if submitting {
        if part.milestones.is_empty() {
            errors.insert(MILESTONES_FIELD.into(), "error-milestones-none");
        }
        if part.actions.is_empty() {
            errors.insert(ACTIONS_FIELD.into(), "error-actions-none");
        }
    }
    Some(part.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(pairs: &[(&str, &str)]) -> Typed {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn milestone(year: i32, depends_on: &[i64]) -> ValidMilestone {
        ValidMilestone {
            year,
            title: "Steg".into(),
            description: String::new(),
            level: "regional".into(),
            kind: MilestoneKind::Policy,
            actor: String::new(),
            depends_on: depends_on.to_vec(),
            answers: Vec::new(),
        }
    }

    fn step(id: i64, year: i32, depends_on: &[i64]) -> Step {
        Step {
            id,
            year,
            depends_on: depends_on.to_vec(),
        }
    }

    #[test]
    fn a_vision_needs_its_title_horizon_and_statement() {
        let errors = read_vision(&typed(&[("horizon", "20x0")])).unwrap_err();
        assert_eq!(errors.get("title"), Some(&"error-required"));
        assert_eq!(errors.get("horizon"), Some(&"error-backcasting-year"));
        assert_eq!(errors.get("statement"), Some(&"error-required"));
        let v = read_vision(&typed(&[
            ("title", "Hela Sverige lever"),
            ("horizon", "2050"),
            ("statement", "Regionerna bär omställningen."),
            ("characteristics", "- Täta band\n\n* Grön industri\n"),
            ("scenarios", "#3, 4\n4"),
        ]))
        .unwrap();
        assert_eq!(v.characteristics, vec!["Täta band", "Grön industri"]);
        assert_eq!(v.scenarios, vec![3, 4]);
        assert_eq!(read_vision(&vision_fields(&v)).unwrap(), v);
    }

    #[test]
    fn a_vision_builds_only_on_its_sets_scenarios() {
        assert!(check_scenarios(&[1, 2], &[1, 2, 3]).is_ok());
        assert_eq!(
            check_scenarios(&[9], &[1, 2]),
            Err(("scenarios", "error-backcasting-scenario-elsewhere"))
        );
    }

    #[test]
    fn a_milestone_comes_no_later_than_the_vision() {
        assert_eq!(
            check_milestone(None, &milestone(2051, &[]), 2050, &[]),
            Err(("year", "error-milestone-after-vision"))
        );
        assert!(check_milestone(None, &milestone(2050, &[]), 2050, &[]).is_ok());
    }

    #[test]
    fn dependencies_stay_in_the_vision_and_come_first() {
        let others = [step(1, 2025, &[]), step(2, 2035, &[1])];
        assert!(check_milestone(None, &milestone(2040, &[2]), 2050, &others).is_ok());
        assert_eq!(
            check_milestone(None, &milestone(2040, &[7]), 2050, &others),
            Err(("depends_on", "error-milestone-dependency-elsewhere"))
        );
        assert_eq!(
            check_milestone(None, &milestone(2030, &[2]), 2050, &others),
            Err(("depends_on", "error-milestone-dependency-later"))
        );
    }

    #[test]
    fn a_dependency_cycle_is_refused() {
        // 1 ← 2 ← 3; making 1 depend on 3 closes the circle.
        let others = [step(1, 2030, &[]), step(2, 2030, &[1]), step(3, 2030, &[2])];
        assert_eq!(
            check_milestone(Some(1), &milestone(2030, &[3]), 2050, &others),
            Err(("depends_on", "error-milestone-cycle"))
        );
        assert_eq!(
            check_milestone(Some(1), &milestone(2030, &[1]), 2050, &others),
            Err(("depends_on", "error-milestone-cycle"))
        );
        // Moving 1 after 2, which depends on it, is refused too.
        assert_eq!(
            check_milestone(Some(1), &milestone(2040, &[]), 2050, &others),
            Err(("year", "error-milestone-dependent-earlier"))
        );
    }

    #[test]
    fn an_action_names_who_is_responsible() {
        let errors = read_action(&typed(&[
            ("text", "Inrätta ett framsynsråd"),
            ("start", "next-year"),
            ("status", "proposed"),
        ]))
        .unwrap_err();
        assert_eq!(
            errors.get("organisation"),
            Some(&"error-action-organisation")
        );
        let a = read_action(&typed(&[
            ("text", "Inrätta ett framsynsråd"),
            ("organisation", "4"),
            ("start", "next-year"),
            ("status", "proposed"),
            ("strategy", "RUS"),
            ("milestones", "2"),
        ]))
        .unwrap();
        assert_eq!(read_action(&action_fields(&a)).unwrap(), a);
        assert_eq!(
            check_action(&a, &[1]),
            Err(("milestones", "error-milestone-dependency-elsewhere"))
        );
    }

    #[test]
    fn verdicts_count_only_the_sets_scenarios() {
        assert_eq!(
            check_verdict_scenario(9, &[1, 2]),
            Err("error-stress-scenario-elsewhere")
        );
        let verdicts = BTreeMap::from([
            (1, Verdict::Robust),
            (2, Verdict::Adapt),
            (3, Verdict::Fails),
            (9, Verdict::Robust),
        ]);
        let s = score(&[1, 2, 3, 4], &verdicts);
        assert_eq!(
            (s.robust, s.adapt, s.fails, s.holds, s.unjudged),
            (1, 1, 1, 2, 1)
        );
    }

    #[test]
    fn visitors_see_published_shared_and_accepted_visions_only() {
        assert!(can_see(None, None, None, true));
        assert!(!can_see(None, None, None, false));
        assert!(!can_see(
            None,
            Some(3),
            Some(SubmissionStatus::Submitted),
            true
        ));
        assert!(can_see(
            None,
            Some(3),
            Some(SubmissionStatus::Accepted),
            true
        ));
    }

    #[test]
    fn the_part_needs_a_vision_a_milestone_and_an_action_on_submit() {
        let mut errors = assignment::Errors::new();
        assert!(read_part(None, true, &mut errors).is_none());
        assert_eq!(
            errors.get(VISION_FIELD),
            Some(&"error-milestones-no-vision")
        );
        let part = MilestonePart {
            vision: 1,
            adopted_from: None,
            content: read_vision(&typed(&[
                ("title", "T"),
                ("horizon", "2050"),
                ("statement", "S"),
            ]))
            .unwrap(),
            milestones: Vec::new(),
            actions: Vec::new(),
        };
        let mut errors = assignment::Errors::new();
        read_part(Some(&part), false, &mut errors);
        assert!(errors.is_empty());
        read_part(Some(&part), true, &mut errors);
        assert_eq!(errors.get(MILESTONES_FIELD), Some(&"error-milestones-none"));
        assert_eq!(errors.get(ACTIONS_FIELD), Some(&"error-actions-none"));
    }
}
