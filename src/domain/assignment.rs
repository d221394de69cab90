//! Home assignments (hemarbeten): one submission per organisation and phase, written by its
//! strategists, with answers to the phase's questions and the structured parts the phase
//! asks for; its way through draft → submitted → returned → resubmitted → accepted; and
//! when it is late.
//!
//! Structured parts plug in through [`read_part`]: each part reads its own fields into a
//! JSON value stored beside the answers, so a new kind of part adds a reader and a
//! template and changes nothing else.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::access::Subject;
use super::consequence;
use super::programme::{AssignmentPart, HomeAssignment};
use super::scenario::{self, ScenarioAssessment};
use super::user::Role;

keyed_enum! {
    /// Where an organisation's submission stands.
    SubmissionStatus {
        Draft => "draft",
        Submitted => "submitted",
        Returned => "returned",
        Accepted => "accepted",
    }
}

keyed_enum! {
    /// What can be done to a submission.
    Action {
        Save => "save",
        Submit => "submit",
        Return => "return",
        Accept => "accept",
    }
}

/// The status a submission moves to, or the reason it may not. `None` is a submission
/// not started yet. Strategists save and submit their own organisation's work while it is
/// theirs to write (not started, draft or returned); process leaders return (with a
/// comment) or accept what has been submitted.
pub fn transition(
    current: Option<SubmissionStatus>,
    action: Action,
) -> Result<SubmissionStatus, &'static str> {
    use SubmissionStatus::*;
    match (action, current) {
        (Action::Save, None | Some(Draft)) => Ok(Draft),
        (Action::Save, Some(Returned)) => Ok(Returned),
        (Action::Submit, None | Some(Draft) | Some(Returned)) => Ok(Submitted),
        (Action::Return, Some(Submitted)) => Ok(Returned),
        (Action::Accept, Some(Submitted)) => Ok(Accepted),
        (Action::Save | Action::Submit, Some(Submitted | Accepted)) => {
            Err("error-submission-locked")
        }
        (Action::Return | Action::Accept, _) => Err("error-submission-not-submitted"),
    }
}

/// Writing an organisation's submission: its own strategists.
pub fn can_write(subject: &Subject, organisation_id: i64) -> bool {
    subject.roles.contains(&Role::Strategist) && subject.organisation_id == organisation_id
}

/// Returning and accepting: process leaders.
pub fn can_review(subject: &Subject) -> bool {
    subject.can_lead_process()
}

/// Reading every organisation's submissions of a phase side by side, the heatmap and the
/// exports: process leaders, and editors for the phase summary.
pub fn can_read_all(subject: &Subject) -> bool {
    can_review(subject) || subject.roles.contains(&Role::Editor)
}

/// Where an organisation's page leads for one of its home assignments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AssignmentLink {
    /// The organisation's own form (`/phases/{slug}/assignment`): where its strategists
    /// start or go on with the work, or read what they handed in.
    Own,
    /// The submission (`/phases/{slug}/submissions/{org}`), for those who may read it.
    Submission,
}

/// Where the organisation's page leads `subject` for its home assignment of a phase,
/// given its submission (none before anyone started): its own strategists to the form,
/// whoever may read an existing submission to it, and nobody anywhere else, since there
/// is nothing there for them yet.
pub fn assignment_link(
    subject: &Subject,
    organisation_id: i64,
    submission: Option<SubmissionStatus>,
) -> Option<AssignmentLink> {
    if can_write(subject, organisation_id) {
        Some(AssignmentLink::Own)
    } else if submission.is_some_and(|s| can_read(subject, organisation_id, s)) {
        Some(AssignmentLink::Submission)
    } else {
        None
    }
}

/// Before acceptance a submission is for its own organisation, the process leaders and
/// the editors; once accepted, every member reads it.
pub fn can_read(subject: &Subject, organisation_id: i64, status: SubmissionStatus) -> bool {
    status == SubmissionStatus::Accepted
        || subject.organisation_id == organisation_id
        || can_read_all(subject)
}

/// The moment a due date ends: midnight after it, in the programme's time zone.
pub fn due_end(due: NaiveDate, tz: Tz) -> DateTime<Utc> {
    let next = due.succ_opt().unwrap_or(due);
    tz.from_local_datetime(&next.and_hms_opt(0, 0, 0).unwrap_or_default())
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&next.and_hms_opt(0, 0, 0).unwrap_or_default()))
}

/// Whether a submission made at `submitted_at` (Unix seconds) is late.
pub fn is_late(submitted_at: i64, due: NaiveDate, tz: Tz) -> bool {
    submitted_at >= due_end(due, tz).timestamp()
}

/// The longest answer to a question.
pub const ANSWER_MAX: usize = 20_000;
/// How many trends the ranking takes as most and as least important.
pub const RANK_MOST: usize = 5;
pub const RANK_LEAST: usize = 3;
/// The two lists of the trend ranking, most important first, as forms and pages name them.
pub const RANKING_LISTS: [&str; 2] = ["most", "least"];
pub const REASON_MAX: usize = 2_000;

/// The answers and parts as typed: every field of the form by name, so nothing typed is
/// lost when something is refused.
pub type Typed = BTreeMap<String, String>;

/// Field errors by field name (names are built per question and per rank).
pub type Errors = BTreeMap<String, &'static str>;

/// The field of a question's answer.
pub fn answer_field(key: &str) -> String {
    format!("answer-{key}")
}

/// Reads the answers to the assignment's questions. On submit, required questions must
/// be answered; a draft may be incomplete.
pub fn read_answers(
    assignment: &HomeAssignment,
    typed: &Typed,
    submitting: bool,
    errors: &mut Errors,
) -> BTreeMap<String, String> {
    let mut answers = BTreeMap::new();
    for question in &assignment.questions {
        let field = answer_field(&question.key);
        let text = typed.get(&field).map(|t| t.trim()).unwrap_or("");
        if text.chars().count() > ANSWER_MAX {
            errors.insert(field, "error-too-long");
        } else if text.is_empty() && question.required && submitting {
            errors.insert(field, "error-required");
        } else if !text.is_empty() {
            answers.insert(question.key.clone(), text.to_string());
        }
    }
    answers
}

/// One ranked trend: the note and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ranked {
    pub note: i64,
    #[serde(default)]
    pub reason: String,
}

/// The trend ranking of workshop 1: the trends that matter most (first is most
/// important) and least (first is least important) for the organisation's regional
/// development work.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrendRanking {
    pub most: Vec<Ranked>,
    pub least: Vec<Ranked>,
}

/// The field of a rank (`most-1`, `least-3`) and of its reason.
pub fn rank_field(list: &str, position: usize) -> String {
    format!("{list}-{position}")
}

pub fn rank_reason_field(list: &str, position: usize) -> String {
    format!("{list}-{position}-reason")
}

/// The scenario set a phase's organisations assess (its open set, else its newest final
/// one) and its scenarios in the set's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AssessedSet {
    pub id: i64,
    pub scenarios: Vec<i64>,
}

/// Where the part `scenario_rating` shows its error when there is no set to assess.
pub const ASSESSMENT_NO_SET_FIELD: &str = "scenario-set";

/// What a part's reader needs to know of the workspace: whether a note number is a trend
/// one may rank (exists, is a trend, is visible to the organisation and not merged or
/// archived), and which scenario set the phase's organisations assess, if any.
pub trait Bank {
    fn is_rankable_trend(&self, note: i64) -> bool;
    fn assessed_set(&self) -> Option<&AssessedSet>;
    /// The scenario set whose consequences the phase's organisations write, if any.
    fn consequence_set(&self) -> Option<&AssessedSet> {
        None
    }
    /// The organisation's own consequences of the phase, as its submission keeps them.
    fn own_consequences(&self) -> &[consequence::PartItem] {
        &[]
    }
    /// The organisation's own vision of the phase with its milestones and actions, as its
    /// submission keeps them (none before it wrote or adopted one).
    fn own_vision(&self) -> Option<&super::backcasting::MilestonePart> {
        None
    }
}

/// Reads the trend ranking: note numbers in rank order, each trend at most once over both
/// lists, gaps closed up. On submit at least one trend must be ranked as most important.
pub fn read_trend_ranking(
    typed: &Typed,
    bank: &dyn Bank,
    submitting: bool,
    errors: &mut Errors,
) -> TrendRanking {
    let mut ranking = TrendRanking::default();
    let mut seen: Vec<i64> = Vec::new();
    for (list, count) in RANKING_LISTS.into_iter().zip([RANK_MOST, RANK_LEAST]) {
        for position in 1..=count {
            let field = rank_field(list, position);
            let reason_field = rank_reason_field(list, position);
            let number = typed.get(&field).map(|t| t.trim()).unwrap_or("");
            let reason = typed
                .get(&reason_field)
                .map(|t| t.trim())
                .unwrap_or("")
                .to_string();
            if reason.chars().count() > REASON_MAX {
                errors.insert(reason_field, "error-too-long");
            }
            if number.is_empty() {
                continue;
            }
            let Some(note) = super::bank::note_number(number) else {
                errors.insert(field, "error-note-number");
                continue;
            };
            if seen.contains(&note) {
                errors.insert(field, "error-ranking-twice");
                continue;
            }
            if !bank.is_rankable_trend(note) {
                errors.insert(field, "error-ranking-not-trend");
                continue;
            }
            seen.push(note);
            let entry = Ranked { note, reason };
            if list == "most" {
                ranking.most.push(entry);
            } else {
                ranking.least.push(entry);
            }
        }
    }
    if submitting && ranking.most.is_empty() && !errors.contains_key(&rank_field("most", 1)) {
        errors.insert(rank_field("most", 1), "error-ranking-empty");
    }
    ranking
}

/// One organisation's judgement of one scenario, as the readings and the exports show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JudgementRow {
    pub organisation_id: i64,
    pub organisation: String,
    pub status: SubmissionStatus,
    pub scenario: i64,
    pub interest: Option<i32>,
    pub plausibility: Option<i32>,
    pub desirability: Option<i32>,
    pub reason: String,
    /// Marked as most interesting for the region.
    pub most: bool,
}

/// An organisation's assessment as rows, one per scenario it judged, in its order.
pub fn judgement_rows(
    organisation_id: i64,
    organisation: &str,
    status: SubmissionStatus,
    assessment: &ScenarioAssessment,
) -> Vec<JudgementRow> {
    assessment
        .judgements
        .iter()
        .map(|j| JudgementRow {
            organisation_id,
            organisation: organisation.to_string(),
            status,
            scenario: j.scenario,
            interest: j.interest,
            plausibility: j.plausibility,
            desirability: j.desirability,
            reason: j.reason.clone(),
            most: assessment.most.contains(&j.scenario),
        })
        .collect()
}

/// Rows side by side: for each scenario of `scenarios` in order, the rows that judge it,
/// in the order given. Rows of other scenarios are left out.
pub fn by_scenario(scenarios: &[i64], rows: &[JudgementRow]) -> Vec<(i64, Vec<JudgementRow>)> {
    scenarios
        .iter()
        .map(|&s| {
            let judged = rows.iter().filter(|r| r.scenario == s).cloned().collect();
            (s, judged)
        })
        .collect()
}

/// Reads one structured part into the value stored for it, or `None` for a part that is
/// not built yet (its fields are ignored and the page says it comes later).
pub fn read_part(
    part: AssignmentPart,
    typed: &Typed,
    bank: &dyn Bank,
    submitting: bool,
    errors: &mut Errors,
) -> Option<serde_json::Value> {
    match part {
        AssignmentPart::TrendRanking => {
            serde_json::to_value(read_trend_ranking(typed, bank, submitting, errors)).ok()
        }
        AssignmentPart::ScenarioRating => match bank.assessed_set() {
            Some(set) => serde_json::to_value(scenario::read_assessment(
                typed,
                set.id,
                &set.scenarios,
                submitting,
                errors,
            ))
            .ok(),
            None => {
                if submitting {
                    errors.insert(ASSESSMENT_NO_SET_FIELD.into(), "error-assessment-no-set");
                }
                None
            }
        },
        AssignmentPart::Consequences => consequence::read_part(
            bank.consequence_set(),
            bank.own_consequences(),
            submitting,
            errors,
        )
        .and_then(|part| serde_json::to_value(part).ok()),
        AssignmentPart::Milestones => {
            super::backcasting::read_part(bank.own_vision(), submitting, errors)
                .and_then(|part| serde_json::to_value(part).ok())
        }
    }
}

/// The value a part keeps when a submission is saved: what was `read` from the form, or
/// the `stored` value where the form could not hold it. An assessment of another set (one
/// taken back to draft, or settled while another opened) is kept when the form had
/// nothing of the set it now shows, so a save never erases judgements already made; the
/// consequences of another set likewise, while the organisation has none of the new one.
pub fn kept_part(
    part: AssignmentPart,
    read: Option<serde_json::Value>,
    stored: Option<&serde_json::Value>,
) -> Option<serde_json::Value> {
    if part == AssignmentPart::Consequences {
        let of = |v: &serde_json::Value| {
            serde_json::from_value::<consequence::ConsequencePart>(v.clone()).ok()
        };
        return match (read.as_ref().and_then(of), stored.and_then(of)) {
            (None, Some(_)) => stored.cloned(),
            (Some(now), Some(before)) if now.set != before.set && now.items.is_empty() => {
                stored.cloned()
            }
            _ => read,
        };
    }
    if part != AssignmentPart::ScenarioRating {
        return read;
    }
    let of = |v: &serde_json::Value| {
        serde_json::from_value::<scenario::ScenarioAssessment>(v.clone()).ok()
    };
    let earlier = stored.and_then(of);
    match (read.as_ref().and_then(of), earlier) {
        (None, Some(_)) => stored.cloned(),
        (Some(now), Some(before)) if now.set != before.set && now.is_blank() => stored.cloned(),
        _ => read,
    }
}

/// Whether a part is built (its form and figures exist).
pub fn part_is_built(part: AssignmentPart) -> bool {
    matches!(
        part,
        AssignmentPart::TrendRanking
            | AssignmentPart::ScenarioRating
            | AssignmentPart::Consequences
            | AssignmentPart::Milestones
    )
}

/// The form fields of a stored part, to fill the form again.
pub fn part_fields(part: AssignmentPart, value: &serde_json::Value) -> Typed {
    let mut typed = Typed::new();
    if part == AssignmentPart::ScenarioRating
        && let Ok(assessment) = serde_json::from_value::<ScenarioAssessment>(value.clone())
    {
        typed.extend(scenario::assessment_fields(&assessment));
    }
    if part == AssignmentPart::TrendRanking
        && let Ok(ranking) = serde_json::from_value::<TrendRanking>(value.clone())
    {
        for (list, items) in [("most", &ranking.most), ("least", &ranking.least)] {
            for (i, item) in items.iter().enumerate() {
                typed.insert(rank_field(list, i + 1), item.note.to_string());
                if !item.reason.is_empty() {
                    typed.insert(rank_reason_field(list, i + 1), item.reason.clone());
                }
            }
        }
    }
    typed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lang::Localized;
    use crate::domain::programme::Question;

    struct Trends(Vec<i64>);
    impl Bank for Trends {
        fn is_rankable_trend(&self, note: i64) -> bool {
            self.0.contains(&note)
        }
        fn assessed_set(&self) -> Option<&AssessedSet> {
            None
        }
    }

    struct Scenarios(Option<AssessedSet>);
    impl Bank for Scenarios {
        fn is_rankable_trend(&self, _: i64) -> bool {
            false
        }
        fn assessed_set(&self) -> Option<&AssessedSet> {
            self.0.as_ref()
        }
    }

    #[test]
    fn a_save_keeps_the_consequences_of_another_set_until_the_new_one_has_some() {
        let part = |set: i64, items: usize| {
            let item = |i: usize| consequence::PartItem {
                id: i as i64,
                scenario: 1,
                level: "regional".into(),
                theme: None,
                text: "Fler pendlar".into(),
                valence: None,
                magnitude: None,
                timing: None,
                confidence: None,
                order: 1,
                parent: None,
                based_on: None,
            };
            serde_json::to_value(consequence::ConsequencePart {
                set,
                items: (0..items).map(item).collect(),
            })
            .unwrap()
        };
        let stored = part(1, 2);
        let kept = |read| kept_part(AssignmentPart::Consequences, read, Some(&stored));
        assert_eq!(kept(None), Some(stored.clone()), "no set to read: kept");
        assert_eq!(
            kept(Some(part(2, 0))),
            Some(stored.clone()),
            "a new set, none yet"
        );
        assert_eq!(kept(Some(part(2, 1))), Some(part(2, 1)));
        assert_eq!(
            kept(Some(part(1, 0))),
            Some(part(1, 0)),
            "the same set, emptied"
        );
    }

    #[test]
    fn assessments_read_side_by_side_by_scenario() {
        let assessment = |most: Vec<i64>| ScenarioAssessment {
            set: 1,
            judgements: [11, 12]
                .into_iter()
                .map(|s| crate::domain::scenario::ScenarioJudgement {
                    scenario: s,
                    interest: Some(3),
                    plausibility: None,
                    desirability: Some(-2),
                    reason: String::new(),
                })
                .collect(),
            most,
        };
        let mut rows = judgement_rows(
            1,
            "Region Skåne",
            SubmissionStatus::Draft,
            &assessment(vec![12]),
        );
        rows.extend(judgement_rows(
            2,
            "Region Norrbotten",
            SubmissionStatus::Submitted,
            &assessment(vec![11]),
        ));
        assert_eq!(rows.len(), 4);
        assert!(!rows[0].most && rows[1].most);
        let grouped = by_scenario(&[12, 11, 13], &rows);
        assert_eq!(grouped[0].0, 12);
        assert_eq!(
            grouped[0]
                .1
                .iter()
                .map(|r| (r.organisation_id, r.most))
                .collect::<Vec<_>>(),
            vec![(1, true), (2, false)]
        );
        assert!(grouped[2].1.is_empty());
    }

    #[test]
    fn the_scenario_assessment_reads_the_assessed_set_only() {
        let set = Scenarios(Some(AssessedSet {
            id: 3,
            scenarios: vec![11, 12],
        }));
        let form = typed(&[
            ("scenario-11-interest", "4"),
            ("scenario-11-most", "1"),
            ("scenario-99-interest", "5"),
            ("scenario-99-most", "1"),
        ]);
        let mut errors = Errors::new();
        let value = read_part(
            AssignmentPart::ScenarioRating,
            &form,
            &set,
            false,
            &mut errors,
        )
        .expect("a draft is stored");
        assert!(errors.is_empty(), "{errors:?}");
        let stored: ScenarioAssessment = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(stored.set, 3);
        assert_eq!(stored.most, vec![11]);
        assert_eq!(
            stored
                .judgements
                .iter()
                .map(|j| j.scenario)
                .collect::<Vec<_>>(),
            vec![11, 12]
        );
        let fields = part_fields(AssignmentPart::ScenarioRating, &value);
        assert_eq!(fields.get("scenario-11-interest").unwrap(), "4");
        assert!(!fields.contains_key("scenario-99-interest"));
        assert!(part_is_built(AssignmentPart::ScenarioRating));

        let none = Scenarios(None);
        let mut errors = Errors::new();
        assert!(
            read_part(
                AssignmentPart::ScenarioRating,
                &form,
                &none,
                false,
                &mut errors
            )
            .is_none()
        );
        assert!(errors.is_empty());
        read_part(
            AssignmentPart::ScenarioRating,
            &form,
            &none,
            true,
            &mut errors,
        );
        assert_eq!(
            errors.get(ASSESSMENT_NO_SET_FIELD),
            Some(&"error-assessment-no-set")
        );
    }

    fn typed(pairs: &[(&str, &str)]) -> Typed {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn the_state_machine_allows_only_its_steps() {
        use Action::*;
        use SubmissionStatus::*;
        assert_eq!(transition(None, Save), Ok(Draft));
        assert_eq!(transition(Some(Draft), Submit), Ok(Submitted));
        assert_eq!(transition(Some(Submitted), Return), Ok(Returned));
        assert_eq!(transition(Some(Returned), Save), Ok(Returned));
        assert_eq!(transition(Some(Returned), Submit), Ok(Submitted));
        assert_eq!(transition(Some(Submitted), Accept), Ok(Accepted));
        assert_eq!(
            transition(Some(Draft), Accept),
            Err("error-submission-not-submitted")
        );
        assert_eq!(
            transition(None, Return),
            Err("error-submission-not-submitted")
        );
        assert_eq!(
            transition(Some(Submitted), Save),
            Err("error-submission-locked")
        );
        assert_eq!(
            transition(Some(Accepted), Submit),
            Err("error-submission-locked")
        );
        assert_eq!(
            transition(Some(Accepted), Return),
            Err("error-submission-not-submitted")
        );
    }

    #[test]
    fn late_is_after_the_due_day_in_the_programmes_zone() {
        let tz = chrono_tz::Europe::Stockholm;
        let due = NaiveDate::from_ymd_opt(2017, 6, 9).unwrap();
        // 23:59 on the due day in Stockholm (21:59 UTC) is on time; midnight is late.
        let on_time = Utc.with_ymd_and_hms(2017, 6, 9, 21, 59, 0).unwrap();
        let late = Utc.with_ymd_and_hms(2017, 6, 9, 22, 0, 0).unwrap();
        assert!(!is_late(on_time.timestamp(), due, tz));
        assert!(is_late(late.timestamp(), due, tz));
    }

    #[test]
    fn required_answers_are_needed_on_submit_only() {
        let assignment = HomeAssignment {
            slug: "hemarbete-1".into(),
            title: Localized::default(),
            description: None,
            due: NaiveDate::from_ymd_opt(2017, 6, 9).unwrap(),
            parts: vec![],
            questions: vec![Question {
                key: "viktigast".into(),
                required: true,
                text: Localized::default(),
                help: None,
            }],
        };
        let mut errors = Errors::new();
        read_answers(&assignment, &typed(&[]), false, &mut errors);
        assert!(errors.is_empty());
        read_answers(
            &assignment,
            &typed(&[("answer-viktigast", "  ")]),
            true,
            &mut errors,
        );
        assert_eq!(errors.get("answer-viktigast"), Some(&"error-required"));
        let mut errors = Errors::new();
        let answers = read_answers(
            &assignment,
            &typed(&[("answer-viktigast", " Demografin. ")]),
            true,
            &mut errors,
        );
        assert_eq!(answers.get("viktigast").unwrap(), "Demografin.");
    }

    #[test]
    fn a_ranking_takes_each_trend_once_and_only_trends() {
        let bank = Trends(vec![10, 11, 12, 13]);
        let mut errors = Errors::new();
        let ranking = read_trend_ranking(
            &typed(&[
                ("most-1", "#11"),
                ("most-1-reason", "Störst påverkan"),
                ("most-3", "10"),
                ("least-1", "13"),
            ]),
            &bank,
            true,
            &mut errors,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            ranking.most.iter().map(|r| r.note).collect::<Vec<_>>(),
            vec![11, 10]
        );
        assert_eq!(ranking.most[0].reason, "Störst påverkan");
        assert_eq!(ranking.least[0].note, 13);

        let mut errors = Errors::new();
        read_trend_ranking(
            &typed(&[
                ("most-1", "11"),
                ("most-2", "11"),
                ("most-3", "99"),
                ("least-1", "elva"),
            ]),
            &bank,
            true,
            &mut errors,
        );
        assert_eq!(errors.get("most-2"), Some(&"error-ranking-twice"));
        assert_eq!(errors.get("most-3"), Some(&"error-ranking-not-trend"));
        assert_eq!(errors.get("least-1"), Some(&"error-note-number"));

        let mut errors = Errors::new();
        read_trend_ranking(&typed(&[]), &bank, true, &mut errors);
        assert_eq!(errors.get("most-1"), Some(&"error-ranking-empty"));
        let mut errors = Errors::new();
        read_trend_ranking(&typed(&[]), &bank, false, &mut errors);
        assert!(errors.is_empty());
    }

    #[test]
    fn a_stored_ranking_fills_the_form_again() {
        let ranking = TrendRanking {
            most: vec![Ranked {
                note: 4,
                reason: "Viktig".into(),
            }],
            least: vec![Ranked {
                note: 7,
                reason: String::new(),
            }],
        };
        let fields = part_fields(
            AssignmentPart::TrendRanking,
            &serde_json::to_value(&ranking).unwrap(),
        );
        assert_eq!(fields.get("most-1").unwrap(), "4");
        assert_eq!(fields.get("most-1-reason").unwrap(), "Viktig");
        assert_eq!(fields.get("least-1").unwrap(), "7");
        assert!(!fields.contains_key("least-1-reason"));
    }

    #[test]
    fn an_assessment_of_another_set_is_kept_until_the_form_judges_the_new_one() {
        use crate::domain::scenario::{ScenarioAssessment, ScenarioJudgement};
        let judged = |set: i64, value: Option<i32>| {
            serde_json::to_value(ScenarioAssessment {
                set,
                judgements: vec![ScenarioJudgement {
                    scenario: 1,
                    interest: value,
                    plausibility: None,
                    desirability: None,
                    reason: String::new(),
                }],
                most: vec![],
            })
            .unwrap()
        };
        let part = AssignmentPart::ScenarioRating;
        let before = judged(1, Some(4));
        // No set to assess any more: the judgements stay.
        assert_eq!(kept_part(part, None, Some(&before)), Some(before.clone()));
        // Another set, nothing judged of it yet: the earlier judgements stay.
        assert_eq!(
            kept_part(part, Some(judged(2, None)), Some(&before)),
            Some(before.clone())
        );
        // Another set judged: the new judgements replace them.
        assert_eq!(
            kept_part(part, Some(judged(2, Some(3))), Some(&before)),
            Some(judged(2, Some(3)))
        );
        // The same set cleared: cleared.
        assert_eq!(
            kept_part(part, Some(judged(1, None)), Some(&before)),
            Some(judged(1, None))
        );
        // Other parts are what the form says.
        assert_eq!(
            kept_part(AssignmentPart::TrendRanking, None, Some(&before)),
            None
        );
    }

    #[test]
    fn who_writes_reviews_and_reads() {
        let own = Subject {
            roles: &[Role::Strategist],
            organisation_id: 1,
        };
        let other = Subject {
            roles: &[Role::Strategist],
            organisation_id: 2,
        };
        let leader = Subject {
            roles: &[Role::ProcessLeader],
            organisation_id: 9,
        };
        let editor = Subject {
            roles: &[Role::Editor],
            organisation_id: 9,
        };
        assert!(can_write(&own, 1));
        assert!(!can_write(&other, 1));
        assert!(!can_write(&leader, 1));
        assert!(can_review(&leader));
        assert!(!can_review(&editor));
        assert!(can_read(&own, 1, SubmissionStatus::Draft));
        assert!(!can_read(&other, 1, SubmissionStatus::Submitted));
        assert!(can_read(&other, 1, SubmissionStatus::Accepted));
        assert!(can_read(&editor, 1, SubmissionStatus::Draft));
    }
}
