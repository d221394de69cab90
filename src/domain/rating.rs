//! Rating rounds: process leaders put a set of notes to the strategists, who rate each on
//! a few criteria (or answer "don't know"); the figures per note follow in
//! [`super::stats`]. A second round on the same notes (Delphi) shows each person the first
//! round's median and spread and their own earlier answer.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::access::Subject;
use super::event::parse_local;
use super::form::{self, FieldErrors};
use super::stats::{CONSENSUS_MIN_ANSWERS, Scale, Summary, summarise};
use super::user::Role;

keyed_enum! {
    /// What a note is rated on.
    Criterion {
        Impact => "impact",
        Uncertainty => "uncertainty",
        Relevance => "relevance",
        Knowledge => "knowledge",
        TimeBand => "time_band",
        Desirability => "desirability",
    }
}

impl Criterion {
    /// The scale's ends, both included. The time band is rated on the bank's four bands
    /// (1 = now–2030 … 4 = beyond 2050).
    pub fn range(self) -> (i32, i32) {
        match self {
            Criterion::TimeBand => (1, 4),
            Criterion::Desirability => (-2, 2),
            _ => (1, 5),
        }
    }

    pub fn scale(self) -> Scale {
        let (min, max) = self.range();
        Scale { min, max }
    }

    pub fn points(self) -> Vec<i32> {
        let (min, max) = self.range();
        (min..=max).collect()
    }

    pub fn accepts(self, value: i32) -> bool {
        let (min, max) = self.range();
        (min..=max).contains(&value)
    }
}

keyed_enum! {
    /// Who may see who answered what: every member (named), only process leaders, or
    /// nobody (anonymous: figures and unsigned reasons only).
    Anonymity {
        Named => "named",
        Leaders => "leaders",
        Anonymous => "anonymous",
    }
}

keyed_enum! {
    /// When a strategist sees how others rated.
    Feedback {
        AfterAnswer => "after_answer",
        AfterClose => "after_close",
    }
}

keyed_enum! {
    /// Where a round stands in time.
    RoundState {
        Upcoming => "upcoming",
        Open => "open",
        Closed => "closed",
    }
}

/// Open from `opens` (included) to `closes` (excluded).
pub fn state(opens: i64, closes: i64, now: i64) -> RoundState {
    if now < opens {
        RoundState::Upcoming
    } else if now < closes {
        RoundState::Open
    } else {
        RoundState::Closed
    }
}

/// Opening rounds and seeing every figure and name (where the round allows names).
pub fn can_run_rounds(subject: &Subject) -> bool {
    subject.can_lead_process()
}

/// Strategists rate, on behalf of their organisation.
pub fn can_rate(subject: &Subject) -> bool {
    subject.roles.contains(&Role::Strategist)
}

/// Whether a member sees the figures of a round: process leaders and editors always;
/// others after close, or (when the round says so) once they have answered.
pub fn can_see_figures(
    subject: &Subject,
    feedback: Feedback,
    state: RoundState,
    has_answered: bool,
) -> bool {
    can_run_rounds(subject)
        || subject.roles.contains(&Role::Editor)
        || state == RoundState::Closed
        || (feedback == Feedback::AfterAnswer && has_answered)
}

/// Why a member who may not see a round's figures does not see them yet, as a catalogue
/// key: a strategist of an open round that shows figures after answering is to answer
/// first; anyone else waits for the round to close.
pub fn figures_refusal(subject: &Subject, feedback: Feedback, state: RoundState) -> &'static str {
    if feedback == Feedback::AfterAnswer && state == RoundState::Open && can_rate(subject) {
        "error-reason-answer-first"
    } else {
        "error-reason-after-close"
    }
}

/// Whether the viewer sees names beside answers and reasons.
pub fn can_see_names(subject: &Subject, anonymity: Anonymity) -> bool {
    match anonymity {
        Anonymity::Named => true,
        Anonymity::Leaders => can_run_rounds(subject),
        Anonymity::Anonymous => false,
    }
}

pub const TITLE_MAX: usize = 300;
pub const REASON_MAX: usize = 2_000;
pub const NOTES_MAX: usize = 500;
/// The range a round may set for the fewest answers before consensus is claimed: one
/// answer cannot agree with anyone.
pub const MIN_ANSWERS_RANGE: (usize, usize) = (2, 100);

/// A round as its form is filled in.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RoundForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub phase: String,
    /// Note numbers separated by commas, spaces or lines.
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub criteria: Vec<String>,
    #[serde(default)]
    pub opens_at: String,
    #[serde(default)]
    pub closes_at: String,
    #[serde(default)]
    pub anonymity: String,
    #[serde(default)]
    pub feedback: String,
    /// The first round, when this is its Delphi second round (its notes are taken over).
    #[serde(default)]
    pub previous: String,
    /// The fewest answers before a consensus is claimed (empty: the default, 3).
    #[serde(default)]
    pub min_answers: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidRound {
    pub title: String,
    pub description: String,
    pub phase: Option<String>,
    pub notes: Vec<i64>,
    pub criteria: Vec<Criterion>,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub anonymity: Anonymity,
    pub feedback: Feedback,
    pub previous: Option<i64>,
    pub min_answers: usize,
}

impl RoundForm {
    /// Checks the form; `phases` are the programme's phase slugs. Without a previous
    /// round, at least one note number must be given; the notes' existence is checked by
    /// the caller against the bank.
    pub fn validate(&self, phases: &[&str], tz: Tz) -> Result<ValidRound, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = form::required(&mut errors, "title", &self.title);
        form::max_chars(&mut errors, "title", &title, TITLE_MAX);
        form::max_chars(&mut errors, "description", &self.description, 20_000);
        let phase = form::optional(&self.phase);
        if phase.as_deref().is_some_and(|p| !phases.contains(&p)) {
            errors.add("phase", "error-unknown-phase");
        }
        let previous = match form::optional(&self.previous) {
            None => None,
            Some(text) => match text.parse::<i64>() {
                Ok(id) if id > 0 => Some(id),
                _ => {
                    errors.add("previous", "error-choose");
                    None
                }
            },
        };
        let mut notes = Vec::new();
        for word in self
            .notes
            .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .filter(|w| !w.is_empty())
        {
            match super::bank::note_number(word) {
                Some(id) => {
                    if !notes.contains(&id) {
                        notes.push(id);
                    }
                }
                None => errors.add("notes", "error-note-numbers"),
            }
        }
        if notes.is_empty() && previous.is_none() {
            errors.add("notes", "error-round-notes");
        }
        if notes.len() > NOTES_MAX {
            errors.add("notes", "error-round-too-many");
        }
        let min_answers = match self.min_answers.trim() {
            "" => CONSENSUS_MIN_ANSWERS,
            text => match text.parse::<usize>() {
                Ok(m) if (MIN_ANSWERS_RANGE.0..=MIN_ANSWERS_RANGE.1).contains(&m) => m,
                _ => {
                    errors.add("min_answers", "error-round-min-answers");
                    CONSENSUS_MIN_ANSWERS
                }
            },
        };
        let mut criteria = Vec::new();
        for key in &self.criteria {
            match Criterion::parse(key.trim()) {
                Some(c) if !criteria.contains(&c) => criteria.push(c),
                Some(_) => {}
                None => errors.add("criteria", "error-choose"),
            }
        }
        if criteria.is_empty() {
            errors.add("criteria", "error-round-criteria");
        }
        // Always in the same order, whatever order the boxes came in.
        criteria.sort_by_key(|c| Criterion::ALL.iter().position(|x| x == c));
        let (opens, closes) = window(&mut errors, &self.opens_at, &self.closes_at, tz);
        let anonymity = Anonymity::parse(self.anonymity.trim());
        if anonymity.is_none() {
            errors.add("anonymity", "error-choose");
        }
        let feedback = Feedback::parse(self.feedback.trim());
        if feedback.is_none() {
            errors.add("feedback", "error-choose");
        }
        match (opens, closes, anonymity, feedback) {
            (Some(opens_at), Some(closes_at), Some(anonymity), Some(feedback))
                if errors.is_empty() =>
            {
                Ok(ValidRound {
                    title,
                    description: self.description.trim().to_string(),
                    phase,
                    notes,
                    criteria,
                    opens_at,
                    closes_at,
                    anonymity,
                    feedback,
                    previous,
                    min_answers,
                })
            }
            _ => Err(errors),
        }
    }
}

/// A round's opening and closing as typed (local times in `tz`), each error at its field;
/// the close must come after the opening.
fn window(
    errors: &mut FieldErrors,
    opens_at: &str,
    closes_at: &str,
    tz: Tz,
) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    let opens = parse_local(opens_at, tz)
        .map_err(|e| errors.add("opens_at", e))
        .ok();
    let closes = parse_local(closes_at, tz)
        .map_err(|e| errors.add("closes_at", e))
        .ok();
    if let (Some(o), Some(c)) = (opens, closes)
        && c <= o
    {
        errors.add("closes_at", "error-round-closes-before-opens");
    }
    (opens, closes)
}

/// A round's title, description and dates as its edit form is filled in: process
/// leaders correct a round, extend it or move its dates (closing early has its own
/// button).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RoundEditForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub opens_at: String,
    #[serde(default)]
    pub closes_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidRoundEdit {
    pub title: String,
    pub description: String,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
}

impl RoundEditForm {
    pub fn validate(&self, tz: Tz) -> Result<ValidRoundEdit, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = form::required(&mut errors, "title", &self.title);
        form::max_chars(&mut errors, "title", &title, TITLE_MAX);
        form::max_chars(&mut errors, "description", &self.description, 20_000);
        let (opens, closes) = window(&mut errors, &self.opens_at, &self.closes_at, tz);
        match (opens, closes) {
            (Some(opens_at), Some(closes_at)) if errors.is_empty() => Ok(ValidRoundEdit {
                title,
                description: self.description.trim().to_string(),
                opens_at,
                closes_at,
            }),
            _ => Err(errors),
        }
    }
}

/// A Delphi round follows only a closed round. Its feedback is the first round's
/// figures, and those are fixed only once no answer there can change: answers are
/// taken only while a round is open, and a round that another follows is never opened
/// again ([`check_new_dates`]). So the first round's answers are the frozen record, and
/// no copy of its figures is kept that could drift from them.
pub fn can_follow(previous: RoundState) -> bool {
    previous == RoundState::Closed
}

/// Whether a round may take new dates at `now`: a round that a second round follows
/// stays closed (its answers are that round's feedback), and a round with answers is
/// not moved back to before it opened. The refusal is `(field, message)`.
pub fn check_new_dates(
    opens: i64,
    closes: i64,
    now: i64,
    followed: bool,
    answered: bool,
) -> Result<(), (&'static str, &'static str)> {
    if followed && state(opens, closes, now) != RoundState::Closed {
        return Err(("closes_at", "error-round-followed"));
    }
    if answered && opens > now {
        return Err(("opens_at", "error-round-answered-opens"));
    }
    Ok(())
}

/// The new closing moment of a round closed early at `now`: none unless it is open. (A
/// round cannot close at the moment it opens, so one closed in its first second closes
/// a second later.)
pub fn close_early(opens: i64, closes: i64, now: i64) -> Option<i64> {
    (state(opens, closes, now) == RoundState::Open).then(|| now.max(opens + 1))
}

/// One answer: a point on the criterion's scale, or "don't know".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Answer {
    Value(i32),
    DontKnow,
}

impl Answer {
    /// The value for the figures (don't know counts apart).
    pub fn value(self) -> Option<i32> {
        match self {
            Answer::Value(v) => Some(v),
            Answer::DontKnow => None,
        }
    }
}

/// The answers a person gives in one go: per note and criterion an answer (left out when
/// the field was left empty), and per note an optional reason.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RatingSheet {
    pub answers: BTreeMap<(i64, Criterion), Answer>,
    /// Empty reasons remove an earlier reason.
    pub reasons: BTreeMap<i64, String>,
    /// Fields left empty: an earlier answer there is withdrawn.
    pub cleared: BTreeSet<(i64, Criterion)>,
}

/// The name of the field for a note's criterion (`r-12-impact`) and of its reason.
pub fn field_name(note: i64, criterion: Criterion) -> String {
    format!("r-{note}-{}", criterion.key())
}

pub fn reason_name(note: i64) -> String {
    format!("reason-{note}")
}

/// Reads a rating form: for each of the round's notes and criteria, `r-<note>-<criterion>`
/// holds a scale point, `dk` for don't know, or nothing. A value off the scale, or a
/// field for a note or criterion not in the round, is an error at that field; nothing is
/// taken from a form with an error.
pub fn read_sheet(
    fields: &[(String, String)],
    notes: &[i64],
    criteria: &[Criterion],
) -> Result<RatingSheet, BTreeMap<String, &'static str>> {
    let mut sheet = RatingSheet::default();
    let mut errors: BTreeMap<String, &'static str> = BTreeMap::new();
    for (name, value) in fields {
        let value = value.trim();
        if let Some(rest) = name.strip_prefix("r-") {
            let parsed = rest
                .split_once('-')
                .and_then(|(n, c)| Some((n.parse::<i64>().ok()?, Criterion::parse(c)?)));
            let Some((note, criterion)) =
                parsed.filter(|(n, c)| notes.contains(n) && criteria.contains(c))
            else {
                errors.insert(name.clone(), "error-rating-unknown");
                continue;
            };
            if value.is_empty() {
                sheet.cleared.insert((note, criterion));
            } else if value == "dk" {
                sheet.answers.insert((note, criterion), Answer::DontKnow);
            } else {
                match value.parse::<i32>() {
                    Ok(v) if criterion.accepts(v) => {
                        sheet.answers.insert((note, criterion), Answer::Value(v));
                    }
                    _ => {
                        errors.insert(name.clone(), "error-rating-scale");
                    }
                }
            }
        } else if let Some(note) = name.strip_prefix("reason-") {
            match note.parse::<i64>() {
                Ok(note) if notes.contains(&note) => {
                    if value.chars().count() > REASON_MAX {
                        errors.insert(name.clone(), "error-too-long");
                    } else {
                        sheet.reasons.insert(note, value.to_string());
                    }
                }
                _ => {
                    errors.insert(name.clone(), "error-rating-unknown");
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(sheet)
    } else {
        Err(errors)
    }
}

/// The figures of one note on one criterion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteFigures {
    pub note_id: i64,
    pub criterion: Criterion,
    pub summary: Summary,
}

/// Figures per note and criterion from `(note, criterion, answer)` triples, for every
/// pair of `notes` × `criteria` (a pair nobody answered gets n = 0), in that order;
/// consensus is claimed from `min_answers` answers on.
pub fn figures(
    answers: impl IntoIterator<Item = (i64, Criterion, Option<i32>)>,
    notes: &[i64],
    criteria: &[Criterion],
    min_answers: usize,
) -> Vec<NoteFigures> {
    let mut grouped: BTreeMap<(i64, Criterion), Vec<Option<i32>>> = BTreeMap::new();
    for (note, criterion, value) in answers {
        grouped.entry((note, criterion)).or_default().push(value);
    }
    let mut out = Vec::with_capacity(notes.len() * criteria.len());
    for &note_id in notes {
        for &criterion in criteria {
            let values = grouped
                .get(&(note_id, criterion))
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            out.push(NoteFigures {
                note_id,
                criterion,
                summary: summarise(values, criterion.scale(), min_answers),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> RoundForm {
        RoundForm {
            title: "Prioritering av trender".into(),
            notes: "12, #15 15\n20".into(),
            criteria: vec!["uncertainty".into(), "impact".into()],
            opens_at: "2026-03-12T09:00".into(),
            closes_at: "2026-03-26T17:00".into(),
            anonymity: "leaders".into(),
            feedback: "after_answer".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_valid_round_keeps_notes_once_and_criteria_in_order() {
        let round = form().validate(&[], chrono_tz::Europe::Stockholm).unwrap();
        assert_eq!(round.notes, vec![12, 15, 20]);
        assert_eq!(
            round.criteria,
            vec![Criterion::Impact, Criterion::Uncertainty]
        );
        assert_eq!(round.opens_at.to_rfc3339(), "2026-03-12T08:00:00+00:00");
    }

    #[test]
    fn bad_rounds_are_refused_at_the_field() {
        assert_eq!(
            form()
                .validate(&[], chrono_tz::Europe::Stockholm)
                .unwrap()
                .min_answers,
            CONSENSUS_MIN_ANSWERS
        );
        for bad in ["1", "0", "tre", "101"] {
            let mut f = form();
            f.min_answers = bad.into();
            let errors = f.validate(&[], chrono_tz::Europe::Stockholm).unwrap_err();
            assert_eq!(errors.get("min_answers"), Some("error-round-min-answers"));
        }
        let mut f = form();
        f.title = String::new();
        f.notes = "12, tolv".into();
        f.criteria = vec![];
        f.closes_at = "2026-03-01T09:00".into();
        f.anonymity = "secret".into();
        let errors = f.validate(&[], chrono_tz::Europe::Stockholm).unwrap_err();
        assert_eq!(errors.get("title"), Some("error-required"));
        assert_eq!(errors.get("notes"), Some("error-note-numbers"));
        assert_eq!(errors.get("criteria"), Some("error-round-criteria"));
        assert_eq!(
            errors.get("closes_at"),
            Some("error-round-closes-before-opens")
        );
        assert_eq!(errors.get("anonymity"), Some("error-choose"));
        let mut f = form();
        f.notes = String::new();
        let errors = f.validate(&[], chrono_tz::Europe::Stockholm).unwrap_err();
        assert_eq!(errors.get("notes"), Some("error-round-notes"));
        f.previous = "3".into();
        assert!(f.validate(&[], chrono_tz::Europe::Stockholm).is_ok());
    }

    #[test]
    fn a_round_is_open_from_its_opening_to_its_closing() {
        assert_eq!(state(10, 20, 9), RoundState::Upcoming);
        assert_eq!(state(10, 20, 10), RoundState::Open);
        assert_eq!(state(10, 20, 19), RoundState::Open);
        assert_eq!(state(10, 20, 20), RoundState::Closed);
    }

    #[test]
    fn a_followed_round_stays_closed_and_only_closed_rounds_are_followed() {
        assert!(can_follow(RoundState::Closed));
        assert!(!can_follow(RoundState::Open));
        assert!(!can_follow(RoundState::Upcoming));
        // Followed: may keep closed dates, may not open again.
        assert_eq!(check_new_dates(10, 20, 30, true, true), Ok(()));
        assert_eq!(
            check_new_dates(10, 40, 30, true, true),
            Err(("closes_at", "error-round-followed"))
        );
        assert_eq!(check_new_dates(10, 40, 30, false, true), Ok(()));
        assert_eq!(
            check_new_dates(35, 40, 30, false, true),
            Err(("opens_at", "error-round-answered-opens"))
        );
        assert_eq!(check_new_dates(35, 40, 30, false, false), Ok(()));
        assert_eq!(close_early(10, 40, 30), Some(30));
        assert_eq!(close_early(30, 40, 30), Some(31));
        assert_eq!(close_early(10, 20, 30), None);
        assert_eq!(close_early(35, 40, 30), None);
    }

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn a_sheet_takes_scale_points_and_dont_know_and_refuses_the_rest() {
        let criteria = [Criterion::Impact, Criterion::Desirability];
        let sheet = read_sheet(
            &fields(&[
                ("r-1-impact", "5"),
                ("r-1-desirability", "-2"),
                ("r-2-impact", "dk"),
                ("r-2-desirability", ""),
                ("reason-1", " Stor påverkan "),
            ]),
            &[1, 2],
            &criteria,
        )
        .unwrap();
        assert_eq!(
            sheet.answers.get(&(1, Criterion::Impact)),
            Some(&Answer::Value(5))
        );
        assert_eq!(
            sheet.answers.get(&(1, Criterion::Desirability)),
            Some(&Answer::Value(-2))
        );
        assert_eq!(
            sheet.answers.get(&(2, Criterion::Impact)),
            Some(&Answer::DontKnow)
        );
        assert!(sheet.cleared.contains(&(2, Criterion::Desirability)));
        assert_eq!(sheet.reasons.get(&1).unwrap(), "Stor påverkan");

        let errors = read_sheet(
            &fields(&[
                ("r-1-impact", "6"),
                ("r-1-desirability", "3"),
                ("r-3-impact", "2"),
                ("r-1-knowledge", "2"),
            ]),
            &[1, 2],
            &criteria,
        )
        .unwrap_err();
        assert_eq!(errors.get("r-1-impact"), Some(&"error-rating-scale"));
        assert_eq!(errors.get("r-1-desirability"), Some(&"error-rating-scale"));
        assert_eq!(errors.get("r-3-impact"), Some(&"error-rating-unknown"));
        assert_eq!(errors.get("r-1-knowledge"), Some(&"error-rating-unknown"));
    }

    #[test]
    fn figures_match_hand_computed_values() {
        // Impact on note 1: 2, 3, 3, 4, 5 and one don't know.
        //   sorted 2 3 3 4 5, n = 5: median = x2 = 3; q1 at h = 1 → 3; q3 at h = 3 → 4;
        //   IQR 1 (consensus on 1–5); mean 17 / 5 = 3.4.
        // Desirability on note 1: -2, 2: median 0, q1 at h = .25 → -2 + .25·4 = -1,
        //   q3 at h = .75 → 1, IQR 2 (no consensus), mean 0.
        let answers = vec![
            (1, Criterion::Impact, Some(2)),
            (1, Criterion::Impact, Some(3)),
            (1, Criterion::Impact, Some(3)),
            (1, Criterion::Impact, Some(4)),
            (1, Criterion::Impact, Some(5)),
            (1, Criterion::Impact, None),
            (1, Criterion::Desirability, Some(-2)),
            (1, Criterion::Desirability, Some(2)),
        ];
        let all = figures(
            answers,
            &[1, 2],
            &[Criterion::Impact, Criterion::Desirability],
            2,
        );
        assert_eq!(all.len(), 4);
        let impact = &all[0].summary;
        assert_eq!((impact.n, impact.dont_know), (5, 1));
        assert_eq!(impact.counts, vec![0, 1, 2, 1, 1]);
        assert_eq!(impact.median, Some(3.0));
        assert_eq!(
            (impact.q1, impact.q3, impact.iqr),
            (Some(3.0), Some(4.0), Some(1.0))
        );
        assert_eq!(impact.mean, Some(3.4));
        assert_eq!(impact.consensus, Some(true));
        let desirability = &all[1].summary;
        assert_eq!(desirability.median, Some(0.0));
        assert_eq!((desirability.q1, desirability.q3), (Some(-1.0), Some(1.0)));
        assert_eq!(desirability.consensus, Some(false));
        assert_eq!(all[2].summary.n, 0);
        assert_eq!(all[2].summary.median, None);
    }

    #[test]
    fn who_sees_figures_and_names() {
        let strategist = Subject {
            roles: &[Role::Strategist],
            organisation_id: 1,
        };
        let leader = Subject {
            roles: &[Role::ProcessLeader],
            organisation_id: 9,
        };
        use Feedback::*;
        use RoundState::*;
        assert!(!can_see_figures(&strategist, AfterAnswer, Open, false));
        assert!(can_see_figures(&strategist, AfterAnswer, Open, true));
        assert!(!can_see_figures(&strategist, AfterClose, Open, true));
        assert!(can_see_figures(&strategist, AfterClose, Closed, false));
        assert!(can_see_figures(&leader, AfterClose, Open, false));
        assert!(can_see_names(&strategist, Anonymity::Named));
        assert!(!can_see_names(&strategist, Anonymity::Leaders));
        assert!(can_see_names(&leader, Anonymity::Leaders));
        assert!(!can_see_names(&leader, Anonymity::Anonymous));
    }
}
