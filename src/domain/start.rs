//! The start page's rules: where an organisation stands in a phase in one word, the
//! active phase's tally drawn as a bar, and when an editorial output is due.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::assignment::SubmissionStatus;
use super::programme::Phase;
use super::progress::Cell;

keyed_enum! {
    /// Where an organisation stands in one phase, in one word.
    Standing {
        NotStarted => "not_started",
        InProgress => "in_progress",
        Submitted => "submitted",
        Done => "done",
        Overdue => "overdue",
    }
}

impl Standing {
    /// Its word, as a translation key.
    pub fn label(self) -> &'static str {
        match self {
            Standing::NotStarted => "start-standing-not-started",
            Standing::InProgress => "start-standing-in-progress",
            Standing::Submitted => "start-standing-submitted",
            Standing::Done => "start-standing-done",
            Standing::Overdue => "start-standing-overdue",
        }
    }

    /// Its fill in the bar and the table's key (a presentation attribute, so the bar
    /// draws without the style sheet); each has a contrast of at least 3:1 against
    /// white, and the table beside the bar names every standing in words.
    pub fn fill(self) -> &'static str {
        match self {
            Standing::NotStarted => "#6b6b6b",
            Standing::InProgress => "#1f5fa8",
            Standing::Submitted => "#8a5a00",
            Standing::Done => "#1e7a34",
            Standing::Overdue => "#b3261e",
        }
    }
}

/// Where an organisation with `cell` stands in `phase`. Overdue first (a home
/// assignment not handed in after its due date); then the home assignment's status
/// (handed in, or accepted: done); in a phase without one, by the share of the phase
/// done (nothing, some, all).
pub fn standing(phase: &Phase, cell: &Cell) -> Standing {
    if cell.overdue {
        return Standing::Overdue;
    }
    let assignment = phase
        .home_assignment()
        .and_then(|h| cell.items.iter().find(|i| i.item == h.slug));
    let status = |s: SubmissionStatus| format!("submission-status-{}", s.key());
    match assignment {
        Some(item) if item.state == status(SubmissionStatus::Accepted) => Standing::Done,
        Some(item) if item.state == status(SubmissionStatus::Submitted) => Standing::Submitted,
        _ => match cell.percent {
            None | Some(0) => Standing::NotStarted,
            Some(100) if assignment.is_none() => Standing::Done,
            Some(_) => Standing::InProgress,
        },
    }
}

/// How many organisations stand one way, and their part of the bar (in hundredths of
/// its width).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Share {
    pub standing: Standing,
    pub label: &'static str,
    pub fill: &'static str,
    pub count: usize,
    pub x: f64,
    pub width: f64,
}

/// Every standing in order with its count and its segment of a bar 100 wide; none of
/// the widths when there is nobody.
pub fn tally(standings: impl IntoIterator<Item = Standing>) -> Vec<Share> {
    let mut counts = [0usize; 5];
    for s in standings {
        counts[Standing::ALL.iter().position(|x| *x == s).unwrap_or(0)] += 1;
    }
    let total: usize = counts.iter().sum();
    let mut x = 0.0;
    Standing::ALL
        .iter()
        .zip(counts)
        .map(|(&standing, count)| {
            let width = if total == 0 {
                0.0
            } else {
                round2(count as f64 * 100.0 / total as f64)
            };
            let share = Share {
                standing,
                label: standing.label(),
                fill: standing.fill(),
                count,
                x: round2(x),
                width,
            };
            x += width;
            share
        })
        .collect()
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// How far ahead an editorial output shows on the editors' list: two weeks.
pub const OUTPUT_AHEAD_DAYS: u64 = 14;

/// Whether an editorial output not yet published is due on `today`: its phase has
/// ended or ends within [`OUTPUT_AHEAD_DAYS`], or its own due date is that close.
pub fn output_due(phase_ends: NaiveDate, due: NaiveDate, today: NaiveDate) -> bool {
    let horizon = today
        .checked_add_days(Days::new(OUTPUT_AHEAD_DAYS))
        .unwrap_or(today);
    phase_ends <= horizon || due <= horizon
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::progress::Item;

    /// A phase with a workshop and a home assignment (`h`).
    fn phase() -> Phase {
        let phase = r#"
order = 1
slug = "a"
starts = "2026-01-01"
ends = "2026-06-30"
completion = ["ws", "h"]
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
slug = "h"
due = "2026-03-01"
[activities.title]
sv = "H"
[[activities.questions]]
key = "q"
[activities.questions.text]
sv = "Q"
"#;
        let programme = crate::domain::programme::Programme::from_texts(
            "slug = \"p\"\ntime_zone = \"Europe/Stockholm\"\ndefault_language = \"sv\"\n[name]\nsv = \"P\"\n[organiser]\nsv = \"O\"\n[purpose]\nsv = \"S\"\n",
            &[("01-a.toml", phase)],
        )
        .unwrap();
        programme.phases.into_iter().next().unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn an_output_is_due_two_weeks_before_its_phase_ends_or_its_date() {
        let (ends, due) = (day(2017, 6, 30), day(2017, 8, 31));
        assert!(!output_due(ends, due, day(2017, 6, 15)));
        assert!(output_due(ends, due, day(2017, 6, 16)));
        assert!(output_due(ends, due, day(2017, 9, 1)));
        assert!(output_due(day(2017, 12, 1), due, day(2017, 8, 17)));
        assert!(!output_due(day(2017, 12, 1), due, day(2017, 8, 16)));
    }

    #[test]
    fn the_tally_counts_every_standing_and_its_bar_fills_the_width() {
        use Standing::*;
        let shares = tally([Overdue, Done, Done, NotStarted]);
        let counts: Vec<_> = shares.iter().map(|s| (s.standing, s.count)).collect();
        assert_eq!(
            counts,
            [
                (NotStarted, 1),
                (InProgress, 0),
                (Submitted, 0),
                (Done, 2),
                (Overdue, 1)
            ]
        );
        let last = shares.last().unwrap();
        assert_eq!(last.x + last.width, 100.0);
        assert_eq!(shares[3].x, 25.0);
        assert!(tally([]).iter().all(|s| s.width == 0.0 && s.count == 0));
    }

    #[test]
    fn a_cell_stands_by_its_home_assignment_or_its_share() {
        let phase = phase();
        let item = |state: &str, overdue| Item {
            item: "h".into(),
            state: state.into(),
            done: 0.5,
            late: false,
            overdue,
        };
        let cell = |items: Vec<Item>, percent| Cell {
            overdue: items.iter().any(|i| i.overdue),
            late: false,
            items,
            percent,
        };
        let at = |state, percent| standing(&phase, &cell(vec![item(state, false)], percent));
        assert_eq!(at("submission-not-started", Some(0)), Standing::NotStarted);
        assert_eq!(
            at("submission-status-draft", Some(25)),
            Standing::InProgress
        );
        assert_eq!(
            at("submission-status-submitted", Some(75)),
            Standing::Submitted
        );
        assert_eq!(at("submission-status-accepted", Some(60)), Standing::Done);
        let late = cell(vec![item("submission-status-draft", true)], Some(25));
        assert_eq!(standing(&phase, &late), Standing::Overdue);
        assert_eq!(
            at("submission-status-returned", Some(100)),
            Standing::InProgress
        );
    }
}
