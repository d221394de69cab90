//! The start page's rules: the active phase's tally of the tracker's standings drawn as
//! a bar, and when an editorial output is due.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::progress::Standing;

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

/// The standings in the bar's order, from not begun to done, then the late and the
/// phases where nothing counts.
pub const BAR: [Standing; 6] = [
    Standing::NotStarted,
    Standing::InProgress,
    Standing::Submitted,
    Standing::Done,
    Standing::Overdue,
    Standing::Nothing,
];

/// Every standing in the bar's order with its count and its segment of a bar 100 wide; none of
/// the widths when there is nobody.
pub fn tally(standings: impl IntoIterator<Item = Standing>) -> Vec<Share> {
    let mut counts = [0usize; BAR.len()];
    for s in standings {
        counts[BAR.iter().position(|x| *x == s).unwrap_or(0)] += 1;
    }
    let total: usize = counts.iter().sum();
    let mut x = 0.0;
    BAR.iter()
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
                (Overdue, 1),
                (Nothing, 0)
            ]
        );
        let last = shares.last().unwrap();
        assert_eq!(last.x + last.width, 100.0);
        assert_eq!(shares[3].x, 25.0);
        assert!(tally([]).iter().all(|s| s.width == 0.0 && s.count == 0));
    }
}
