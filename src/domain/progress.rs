//! How far each organisation has come through the phases. What counts toward a phase is
//! the phase's `completion` list in `phases/`; the facts (registrations, attendance,
//! submissions, ratings) come from storage; this module turns them into each cell's
//! items, percentage and overdue mark.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::assignment::{SubmissionStatus, due_end, is_late};
use super::lang::Lang;
use super::programme::{Activity, COMPLETION_RATING_ROUNDS, Phase};

/// What an organisation has done for one of the programme's events.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EventFact {
    pub registered: bool,
    pub attended: bool,
}

/// The facts about one organisation that progress is computed from, keyed by phase slug
/// (and, for events, by event kind).
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub events: BTreeMap<(String, String), EventFact>,
    /// Status and time of (latest) submission.
    pub submissions: BTreeMap<String, (SubmissionStatus, Option<i64>)>,
    /// Rounds of the phase the organisation has answered in.
    pub rounds_rated: BTreeMap<String, usize>,
}

/// One item of a cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// The activity slug, or `rating_rounds`.
    pub item: String,
    /// A translation key for its state (`progress-event-attended`, `submission-status-draft`, …).
    pub state: String,
    /// Its share done, 0.0–1.0.
    pub done: f64,
    pub late: bool,
    pub overdue: bool,
}

/// One organisation in one phase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub items: Vec<Item>,
    /// The mean of the items' shares, as a whole percentage (none when nothing counts).
    pub percent: Option<u32>,
    pub overdue: bool,
    pub late: bool,
}

/// The mean percentage of each of `phases` phases over `rows` (each one organisation's
/// cells in phase order), rounded; none for a phase where nothing counts.
pub fn means(rows: &[&[Cell]], phases: usize) -> Vec<Option<u32>> {
    (0..phases)
        .map(|i| {
            let values: Vec<u32> = rows
                .iter()
                .filter_map(|cells| cells.get(i)?.percent)
                .collect();
            (!values.is_empty())
                .then(|| (values.iter().sum::<u32>() as f64 / values.len() as f64).round() as u32)
        })
        .collect()
}

/// The share of a home assignment done in each status: started, handed in, returned for
/// more, accepted.
fn submission_share(status: SubmissionStatus) -> f64 {
    match status {
        SubmissionStatus::Draft => 0.25,
        SubmissionStatus::Returned => 0.5,
        SubmissionStatus::Submitted => 0.75,
        SubmissionStatus::Accepted => 1.0,
    }
}

/// The cell of `facts` in `phase`. `rounds` is the number of the phase's rating rounds;
/// `now` decides what is overdue (a home assignment not handed in after its due date).
pub fn cell(phase: &Phase, facts: &Facts, rounds: usize, now: i64, tz: Tz) -> Cell {
    let mut items = Vec::new();
    for entry in &phase.completion {
        if entry == COMPLETION_RATING_ROUNDS {
            if rounds == 0 {
                continue;
            }
            let rated = facts
                .rounds_rated
                .get(&phase.slug)
                .copied()
                .unwrap_or(0)
                .min(rounds);
            items.push(Item {
                item: entry.clone(),
                state: if rated == rounds {
                    "progress-rounds-all".into()
                } else if rated > 0 {
                    "progress-rounds-some".into()
                } else {
                    "progress-rounds-none".into()
                },
                done: rated as f64 / rounds as f64,
                late: false,
                overdue: false,
            });
            continue;
        }
        let Some(activity) = phase.activities.iter().find(|a| a.slug() == entry) else {
            continue;
        };
        match activity {
            Activity::HomeAssignment(h) => {
                let item =
                    assignment_item(entry, h.due, facts.submissions.get(&phase.slug), now, tz);
                items.push(item);
            }
            other if other.kind().is_event() => {
                let fact = facts
                    .events
                    .get(&(phase.slug.clone(), other.kind().key().to_string()))
                    .copied()
                    .unwrap_or_default();
                let (state, done) = if fact.attended {
                    ("progress-event-attended", 1.0)
                } else if fact.registered {
                    ("progress-event-registered", 0.5)
                } else {
                    ("progress-event-none", 0.0)
                };
                items.push(Item {
                    item: entry.clone(),
                    state: state.into(),
                    done,
                    late: false,
                    overdue: false,
                });
            }
            _ => {}
        }
    }
    let percent = (!items.is_empty()).then(|| {
        let mean = items.iter().map(|i| i.done).sum::<f64>() / items.len() as f64;
        (mean * 100.0).round() as u32
    });
    Cell {
        overdue: items.iter().any(|i| i.overdue),
        late: items.iter().any(|i| i.late),
        items,
        percent,
    }
}

fn assignment_item(
    entry: &str,
    due: NaiveDate,
    submission: Option<&(SubmissionStatus, Option<i64>)>,
    now: i64,
    tz: Tz,
) -> Item {
    let past_due = now >= due_end(due, tz).timestamp();
    match submission {
        None => Item {
            item: entry.into(),
            state: "submission-not-started".into(),
            done: 0.0,
            late: false,
            overdue: past_due,
        },
        Some((status, submitted_at)) => {
            let handed_in = matches!(
                status,
                SubmissionStatus::Submitted | SubmissionStatus::Accepted
            );
            Item {
                item: entry.into(),
                state: format!("submission-status-{}", status.key()),
                done: submission_share(*status),
                late: submitted_at.is_some_and(|t| is_late(t, due, tz)),
                overdue: past_due && !handed_in,
            }
        }
    }
}

/// How soon before its close an open rating round shows on the process leaders' list
/// of what waits: three days, time to remind those who have not answered.
pub const ROUND_CLOSING_SOON_SECONDS: i64 = 3 * 24 * 3600;

/// Whether an open round closes soon enough to be on the process leaders' list.
pub fn round_closing_soon(opens_at: i64, closes_at: i64, now: i64) -> bool {
    opens_at <= now && now < closes_at && closes_at - now <= ROUND_CLOSING_SOON_SECONDS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::programme::Programme;
    use chrono::TimeZone;

    fn phase() -> Phase {
        let programme = Programme::from_texts(
            r#"
slug = "p"
time_zone = "Europe/Stockholm"
default_language = "sv"
[name]
sv = "P"
[organiser]
sv = "O"
[purpose]
sv = "S"
"#,
            &[(
                "01-a.toml",
                r#"
order = 1
slug = "a"
starts = "2026-01-01"
ends = "2026-06-30"
completion = ["ws", "hem", "rating_rounds"]
[title]
sv = "A"
[summary]
sv = "S"
[produces]
sv = "P"
[[activities]]
kind = "workshop"
slug = "ws"
starts = "2026-02-01"
ends = "2026-02-01"
[activities.title]
sv = "W"
[[activities]]
kind = "home_assignment"
slug = "hem"
due = "2026-03-01"
[activities.title]
sv = "H"
[[activities.questions]]
key = "q"
[activities.questions.text]
sv = "Q"
"#,
            )],
        )
        .unwrap();
        programme.phases.into_iter().next().unwrap()
    }

    fn at(y: i32, m: u32, d: u32) -> i64 {
        chrono::Utc
            .with_ymd_and_hms(y, m, d, 12, 0, 0)
            .unwrap()
            .timestamp()
    }

    const TZ: Tz = chrono_tz::Europe::Stockholm;

    #[test]
    fn what_is_still_owed_and_by_when() {
        let phases = vec![phase()];
        let owed = assignments_due(&phases, &Facts::default(), at(2026, 2, 1), TZ);
        assert_eq!(owed.len(), 1);
        assert_eq!(owed[0].state, "submission-not-started");
        assert!(!owed[0].overdue);
        let mut facts = Facts::default();
        facts.submissions.insert(
            "a".into(),
            (SubmissionStatus::Returned, Some(at(2026, 2, 20))),
        );
        let owed = assignments_due(&phases, &facts, at(2026, 3, 5), TZ);
        assert_eq!(owed[0].state, "submission-status-returned");
        assert!(owed[0].overdue);
        facts.submissions.insert(
            "a".into(),
            (SubmissionStatus::Submitted, Some(at(2026, 2, 20))),
        );
        assert!(assignments_due(&phases, &facts, at(2026, 3, 5), TZ).is_empty());
    }

    #[test]
    fn nothing_done_before_the_due_date_is_zero_and_not_overdue() {
        let c = cell(&phase(), &Facts::default(), 2, at(2026, 2, 15), TZ);
        assert_eq!(c.percent, Some(0));
        assert!(!c.overdue);
        assert_eq!(c.items.len(), 3);
    }

    #[test]
    fn attended_submitted_late_and_one_of_two_rounds() {
        let mut facts = Facts::default();
        facts.events.insert(
            ("a".into(), "workshop".into()),
            EventFact {
                registered: true,
                attended: true,
            },
        );
        facts.submissions.insert(
            "a".into(),
            (SubmissionStatus::Submitted, Some(at(2026, 3, 5))),
        );
        facts.rounds_rated.insert("a".into(), 1);
        // (1 + 0.75 + 0.5) / 3 = 0.75 → 75 %.
        let c = cell(&phase(), &facts, 2, at(2026, 4, 1), TZ);
        assert_eq!(c.percent, Some(75));
        assert!(c.late);
        assert!(!c.overdue);
        assert_eq!(c.items[1].state, "submission-status-submitted");
    }

    #[test]
    fn a_returned_assignment_after_the_due_date_is_overdue() {
        let mut facts = Facts::default();
        facts.events.insert(
            ("a".into(), "workshop".into()),
            EventFact {
                registered: true,
                attended: false,
            },
        );
        facts.submissions.insert(
            "a".into(),
            (SubmissionStatus::Returned, Some(at(2026, 2, 20))),
        );
        // No rounds in the phase: the item does not count. (0.5 + 0.5) / 2 = 50 %.
        let c = cell(&phase(), &facts, 0, at(2026, 3, 10), TZ);
        assert_eq!(c.items.len(), 2);
        assert_eq!(c.percent, Some(50));
        assert!(c.overdue);
        assert!(!c.late);
        // Not started after the due date: overdue too.
        let c = cell(&phase(), &Facts::default(), 0, at(2026, 3, 10), TZ);
        assert!(c.overdue);
        // Accepted: done.
        let mut facts = Facts::default();
        facts.submissions.insert(
            "a".into(),
            (SubmissionStatus::Accepted, Some(at(2026, 2, 20))),
        );
        let c = cell(&phase(), &facts, 0, at(2026, 3, 10), TZ);
        assert_eq!(c.items[1].done, 1.0);
        assert!(!c.overdue);
    }
}

/// A home assignment an organisation still owes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Due {
    pub phase_slug: String,
    pub due: NaiveDate,
    /// A translation key for where it stands.
    pub state: String,
    pub overdue: bool,
}

/// The home assignments not yet handed in (not started, draft or returned), soonest due
/// first: what the organisation still owes and by when.
pub fn assignments_due(phases: &[Phase], facts: &Facts, now: i64, tz: Tz) -> Vec<Due> {
    let mut due: Vec<Due> = phases
        .iter()
        .filter_map(|phase| {
            let h = phase.home_assignment()?;
            let status = facts.submissions.get(&phase.slug).map(|(s, _)| *s);
            if matches!(
                status,
                Some(SubmissionStatus::Submitted | SubmissionStatus::Accepted)
            ) {
                return None;
            }
            Some(Due {
                phase_slug: phase.slug.clone(),
                due: h.due,
                state: status.map_or("submission-not-started".to_string(), |s| {
                    format!("submission-status-{}", s.key())
                }),
                overdue: now >= due_end(h.due, tz).timestamp(),
            })
        })
        .collect();
    due.sort_by_key(|d| d.due);
    due
}

/// Where an organisation stands in one phase, in one word: what a tracker cell shows
/// before its details. Overdue comes first (it needs a reminder whatever else is done),
/// then done, handed in (waiting for a review), under way, and not started.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    Overdue,
    Done,
    Submitted,
    InProgress,
    NotStarted,
    /// Nothing counts in the phase.
    Nothing,
}

impl Standing {
    pub const ALL: [Standing; 6] = [
        Standing::Overdue,
        Standing::Done,
        Standing::Submitted,
        Standing::InProgress,
        Standing::NotStarted,
        Standing::Nothing,
    ];

    pub fn of(cell: &Cell) -> Standing {
        match cell.percent {
            None => Standing::Nothing,
            Some(_) if cell.overdue => Standing::Overdue,
            Some(p) if p >= 100 => Standing::Done,
            Some(_)
                if cell
                    .items
                    .iter()
                    .any(|i| i.state == "submission-status-submitted") =>
            {
                Standing::Submitted
            }
            Some(0) => Standing::NotStarted,
            Some(_) => Standing::InProgress,
        }
    }

    /// Its word, as a translation key.
    pub fn label(self) -> &'static str {
        match self {
            Standing::Overdue => "tracker-state-overdue",
            Standing::Done => "tracker-state-done",
            Standing::Submitted => "tracker-state-submitted",
            Standing::InProgress => "tracker-state-in_progress",
            Standing::NotStarted => "tracker-state-not_started",
            Standing::Nothing => "tracker-state-nothing",
        }
    }

    /// Its fill in a bar of standings (a presentation attribute, so the bar draws
    /// without the style sheet); each has a contrast of at least 3:1 against white, and
    /// the bar's table names every standing in words.
    pub fn fill(self) -> &'static str {
        match self {
            Standing::NotStarted => "#6b6b6b",
            Standing::InProgress => "#1f5fa8",
            Standing::Submitted => "#8a5a00",
            Standing::Done => "#1e7a34",
            Standing::Overdue => "#b3261e",
            Standing::Nothing => "#767676",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Standing::Overdue => "overdue",
            Standing::Done => "done",
            Standing::Submitted => "submitted",
            Standing::InProgress => "in_progress",
            Standing::NotStarted => "not_started",
            Standing::Nothing => "nothing",
        }
    }
}

/// The order of the tracker's rows: by name (the default), or by the progress in the
/// phase in front, least or most first. Ties keep the order by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Order {
    #[default]
    Name,
    ProgressAscending,
    ProgressDescending,
}

impl Order {
    pub const ALL: [Order; 3] = [
        Order::Name,
        Order::ProgressAscending,
        Order::ProgressDescending,
    ];

    /// The value in the address (`?sort=`).
    pub fn key(self) -> &'static str {
        match self {
            Order::Name => "name",
            Order::ProgressAscending => "progress",
            Order::ProgressDescending => "progress-desc",
        }
    }

    /// An unknown or empty value is the default order.
    pub fn parse(value: &str) -> Order {
        Order::ALL
            .into_iter()
            .find(|o| o.key() == value.trim())
            .unwrap_or_default()
    }
}

/// A name's key for sorting in `lang`'s alphabet: the Nordic letters after z, in the
/// order Swedish (å ä ö) or Norwegian (æ ø å) puts them; case ignored.
pub fn name_key(name: &str, lang: Lang) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match (lang, c) {
            (Lang::Nb, 'æ' | 'ä') => '{',
            (Lang::Nb, 'ø' | 'ö') => '|',
            (Lang::Nb, 'å') => '}',
            (_, 'å') => '{',
            (_, 'ä' | 'æ') => '|',
            (_, 'ö' | 'ø') => '}',
            (_, 'é' | 'è') => 'e',
            (_, 'ü') => 'y',
            (_, c) => c,
        })
        .collect()
}

/// Sorts `rows` in `order`: `name` gives a row's name, `percent` its progress in the
/// phase in front (a row where nothing counts goes last either way).
pub fn arrange<T>(
    rows: &mut [T],
    order: Order,
    lang: Lang,
    name: impl Fn(&T) -> &str,
    percent: impl Fn(&T) -> Option<u32>,
) {
    rows.sort_by_cached_key(|r| name_key(name(r), lang));
    match order {
        Order::Name => {}
        Order::ProgressAscending => rows.sort_by_key(|r| percent(r).map_or(u64::MAX, u64::from)),
        Order::ProgressDescending => rows.sort_by_key(|r| percent(r).map_or(1, |p| -i64::from(p))),
    }
}

/// The phase a tracker puts in front: the active one; otherwise (before the programme
/// starts, between two phases, after it ends) the next one to end, or the last.
pub fn front_phase(phases: &[Phase], active: Option<&str>, today: NaiveDate) -> Option<usize> {
    active
        .and_then(|slug| phases.iter().position(|p| p.slug == slug))
        .or_else(|| phases.iter().position(|p| p.ends >= today))
        .or_else(|| phases.len().checked_sub(1))
}

#[cfg(test)]
mod tracker_tests {
    use super::*;

    fn cell_of(percent: Option<u32>, overdue: bool, states: &[&str]) -> Cell {
        Cell {
            items: states
                .iter()
                .map(|s| Item {
                    item: "x".into(),
                    state: s.to_string(),
                    done: 0.0,
                    late: false,
                    overdue,
                })
                .collect(),
            percent,
            overdue,
            late: false,
        }
    }

    #[test]
    fn one_word_per_cell() {
        assert_eq!(Standing::of(&cell_of(None, false, &[])), Standing::Nothing);
        assert_eq!(
            Standing::of(&cell_of(Some(100), false, &[])),
            Standing::Done
        );
        assert_eq!(
            Standing::of(&cell_of(Some(50), true, &["submission-status-returned"])),
            Standing::Overdue
        );
        assert_eq!(
            Standing::of(&cell_of(Some(75), false, &["submission-status-submitted"])),
            Standing::Submitted
        );
        assert_eq!(
            Standing::of(&cell_of(Some(0), false, &["submission-not-started"])),
            Standing::NotStarted
        );
        assert_eq!(
            Standing::of(&cell_of(Some(40), false, &["progress-event-registered"])),
            Standing::InProgress
        );
    }

    #[test]
    fn rows_by_name_in_the_nordic_alphabet_or_by_progress() {
        let mut rows = vec![
            ("Örebro", Some(50)),
            ("Ålesund", Some(10)),
            ("Ängelholm", None),
            ("Zürich", Some(90)),
            ("Arvika", Some(50)),
        ];
        fn names(rows: &[(&'static str, Option<u32>)]) -> Vec<&'static str> {
            rows.iter().map(|r| r.0).collect()
        }
        arrange(&mut rows, Order::Name, Lang::Sv, |r| r.0, |r| r.1);
        assert_eq!(
            names(&rows),
            ["Arvika", "Zürich", "Ålesund", "Ängelholm", "Örebro"]
        );
        arrange(&mut rows, Order::Name, Lang::Nb, |r| r.0, |r| r.1);
        assert_eq!(
            names(&rows),
            ["Arvika", "Zürich", "Ängelholm", "Örebro", "Ålesund"]
        );
        arrange(
            &mut rows,
            Order::ProgressAscending,
            Lang::Sv,
            |r| r.0,
            |r| r.1,
        );
        assert_eq!(
            names(&rows),
            ["Ålesund", "Arvika", "Örebro", "Zürich", "Ängelholm"]
        );
        arrange(
            &mut rows,
            Order::ProgressDescending,
            Lang::Sv,
            |r| r.0,
            |r| r.1,
        );
        assert_eq!(
            names(&rows),
            ["Zürich", "Arvika", "Örebro", "Ålesund", "Ängelholm"]
        );
        assert_eq!(Order::parse("progress-desc"), Order::ProgressDescending);
        assert_eq!(Order::parse("nonsense"), Order::Name);
    }
}
