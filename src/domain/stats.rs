//! The figures of a rating round: how many answered, how the answers spread over the
//! scale, median, quartiles, mean, and whether the group agrees.
//!
//! Everything here is computed so that a participant can check it in a spreadsheet:
//! quartiles use the same method as `QUARTILE.INC`, R's default and numpy's default.

use serde::Serialize;

/// An ordinal rating scale, both ends included (1..=5, or -2..=2 for desirability).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Scale {
    pub min: i32,
    pub max: i32,
}

impl Scale {
    /// Impact, uncertainty, probability: 1 (low) to 5 (high).
    pub const ONE_TO_FIVE: Scale = Scale { min: 1, max: 5 };
    /// Desirability: -2 (very undesirable) to +2 (very desirable).
    pub const MINUS_TWO_TO_TWO: Scale = Scale { min: -2, max: 2 };

    /// How many points the scale has (none when `max < min`).
    pub fn len(self) -> usize {
        usize::try_from(i64::from(self.max) - i64::from(self.min) + 1).unwrap_or(0)
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    pub fn contains(self, value: i32) -> bool {
        (self.min..=self.max).contains(&value)
    }

    /// The position of `value` on the scale, counted from `min`, if it is on it.
    pub fn index_of(self, value: i32) -> Option<usize> {
        if self.contains(value) {
            usize::try_from(i64::from(value) - i64::from(self.min)).ok()
        } else {
            None
        }
    }

    /// The points of the scale, lowest first.
    pub fn points(self) -> impl Iterator<Item = i32> {
        self.min..=self.max
    }

    /// The middle of the scale (3 on 1..=5, 0 on -2..=2).
    pub fn midpoint(self) -> f64 {
        (f64::from(self.min) + f64::from(self.max)) / 2.0
    }

    /// The widest interquartile range that still counts as agreement: a quarter of the
    /// scale's span, so 1 on both 1..=5 and -2..=2.
    pub fn consensus_iqr(self) -> f64 {
        (f64::from(self.max) - f64::from(self.min)) / 4.0
    }
}

/// The fewest answers on the scale before the figures say whether a group agrees, unless
/// a round sets its own: with one or two answers the interquartile range is about
/// people, not a group.
pub const CONSENSUS_MIN_ANSWERS: usize = 3;

/// The figures of one question's answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Answers with a value on the scale ("don't know" is not counted).
    pub n: usize,
    /// Answers of "don't know".
    pub dont_know: usize,
    /// Answers per scale point, from `min` to `max`.
    pub counts: Vec<usize>,
    pub median: Option<f64>,
    pub q1: Option<f64>,
    pub q3: Option<f64>,
    /// `q3 - q1`.
    pub iqr: Option<f64>,
    pub mean: Option<f64>,
    /// Whether the group agrees: the interquartile range is at most a quarter of the
    /// scale's span (1 on a 1–5 scale), the usual Delphi rule. `None` (no claim either
    /// way) with fewer answers than the minimum asked of [`summarise`].
    pub consensus: Option<bool>,
}

/// Sums up the answers to one question. `None` is "don't know"; values off the scale
/// are ignored (the caller has validated them; this only refuses to panic), so they are
/// counted neither in `n` nor in `dont_know`. With no answer on the scale every figure
/// is `None`; with fewer than `min_answers` (at least one) there is no consensus claim.
///
/// Quartiles and median are the 25 %, 50 % and 75 % points by linear interpolation
/// between closest ranks: with the `n` values sorted as x₀ ≤ … ≤ xₙ₋₁, the point `p`
/// lies at rank h = (n − 1)·p and is x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). This is R's
/// default (type 7), numpy's default and the spreadsheets' `QUARTILE.INC` and
/// `MEDIAN`, so every figure can be checked by hand.
pub fn summarise(values: &[Option<i32>], scale: Scale, min_answers: usize) -> Summary {
    let mut counts = vec![0usize; scale.len()];
    let mut dont_know = 0;
    for value in values {
        match value {
            None => dont_know += 1,
            Some(v) => {
                if let Some(slot) = scale.index_of(*v).and_then(|i| counts.get_mut(i)) {
                    *slot += 1;
                }
            }
        }
    }
    // The counts are already the sorted values, point by point.
    let sorted: Vec<i32> = scale
        .points()
        .zip(&counts)
        .flat_map(|(point, &count)| std::iter::repeat_n(point, count))
        .collect();
    let n = sorted.len();
    let q1 = quantile(&sorted, 0.25);
    let median = quantile(&sorted, 0.5);
    let q3 = quantile(&sorted, 0.75);
    let iqr = q1.zip(q3).map(|(a, b)| b - a);
    let mean = (n > 0).then(|| sorted.iter().map(|&v| f64::from(v)).sum::<f64>() / n as f64);
    Summary {
        n,
        dont_know,
        counts,
        median,
        q1,
        q3,
        iqr,
        mean,
        consensus: iqr
            .filter(|_| n >= min_answers.max(1))
            .map(|iqr| iqr <= scale.consensus_iqr()),
    }
}

/// The point `p` (0..=1) of sorted values by linear interpolation between closest ranks.
fn quantile(sorted: &[i32], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let h = last as f64 * p;
    let lo = (h.floor() as usize).min(last);
    let hi = (lo + 1).min(last);
    let (a, b) = (f64::from(sorted[lo]), f64::from(sorted[hi]));
    Some(a + (h - lo as f64) * (b - a))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(values: &[i32]) -> Vec<Option<i32>> {
        values.iter().copied().map(Some).collect()
    }

    #[test]
    fn one_of_each_point() {
        // n = 5, ranks 0..=4. q1: h = 4·0.25 = 1 → x₁ = 2. median: h = 2 → x₂ = 3.
        // q3: h = 3 → x₃ = 4. iqr = 4 − 2 = 2 > 1: no consensus. mean = 15 / 5 = 3.
        let s = summarise(
            &answers(&[1, 2, 3, 4, 5]),
            Scale::ONE_TO_FIVE,
            CONSENSUS_MIN_ANSWERS,
        );
        assert_eq!(s.n, 5);
        assert_eq!(s.dont_know, 0);
        assert_eq!(s.counts, vec![1, 1, 1, 1, 1]);
        assert_eq!(s.median, Some(3.0));
        assert_eq!(s.q1, Some(2.0));
        assert_eq!(s.q3, Some(4.0));
        assert_eq!(s.iqr, Some(2.0));
        assert_eq!(s.mean, Some(3.0));
        assert_eq!(s.consensus, Some(false));
    }

    #[test]
    fn a_close_group_agrees() {
        // Sorted 3, 3, 4, 4; n = 4, ranks 0..=3.
        // q1: h = 3·0.25 = 0.75 → 3 + 0.75·(3 − 3) = 3.
        // median: h = 1.5 → 3 + 0.5·(4 − 3) = 3.5.
        // q3: h = 2.25 → 4 + 0.25·(4 − 4) = 4. iqr = 1 ≤ 1: consensus. mean = 14 / 4.
        let s = summarise(
            &answers(&[4, 3, 4, 3]),
            Scale::ONE_TO_FIVE,
            CONSENSUS_MIN_ANSWERS,
        );
        assert_eq!(s.q1, Some(3.0));
        assert_eq!(s.median, Some(3.5));
        assert_eq!(s.q3, Some(4.0));
        assert_eq!(s.iqr, Some(1.0));
        assert_eq!(s.mean, Some(3.5));
        assert_eq!(s.consensus, Some(true));
        assert_eq!(s.counts, vec![0, 0, 2, 2, 0]);
    }

    #[test]
    fn interpolation_gives_quarters() {
        // Sorted 1, 2, 4, 5; n = 4.
        // q1: h = 0.75 → 1 + 0.75·(2 − 1) = 1.75. median: h = 1.5 → 2 + 0.5·2 = 3.
        // q3: h = 2.25 → 4 + 0.25·(5 − 4) = 4.25. iqr = 2.5: no consensus.
        let s = summarise(
            &answers(&[5, 1, 4, 2]),
            Scale::ONE_TO_FIVE,
            CONSENSUS_MIN_ANSWERS,
        );
        assert_eq!(s.q1, Some(1.75));
        assert_eq!(s.median, Some(3.0));
        assert_eq!(s.q3, Some(4.25));
        assert_eq!(s.iqr, Some(2.5));
        assert_eq!(s.consensus, Some(false));
    }

    #[test]
    fn a_longer_set_matches_the_spreadsheet() {
        // Sorted 1, 2, 2, 3, 3, 3, 5; n = 7, ranks 0..=6.
        // q1: h = 6·0.25 = 1.5 → x₁ + 0.5·(x₂ − x₁) = 2 + 0 = 2.
        // median: h = 3 → x₃ = 3. q3: h = 4.5 → 3 + 0.5·(3 − 3) = 3.
        // iqr = 1: consensus. mean = 19 / 7.
        let s = summarise(
            &answers(&[3, 1, 5, 2, 3, 2, 3]),
            Scale::ONE_TO_FIVE,
            CONSENSUS_MIN_ANSWERS,
        );
        assert_eq!(s.q1, Some(2.0));
        assert_eq!(s.median, Some(3.0));
        assert_eq!(s.q3, Some(3.0));
        assert_eq!(s.consensus, Some(true));
        assert!((s.mean.unwrap() - 19.0 / 7.0).abs() < 1e-12);
    }

    #[test]
    fn a_single_answer_is_every_figure_but_no_consensus() {
        // n = 1: every rank h = 0 → x₀ = 4; iqr = 0, but one person is not a group.
        let s = summarise(&[Some(4)], Scale::ONE_TO_FIVE, CONSENSUS_MIN_ANSWERS);
        assert_eq!(s.n, 1);
        assert_eq!((s.q1, s.median, s.q3), (Some(4.0), Some(4.0), Some(4.0)));
        assert_eq!(s.iqr, Some(0.0));
        assert_eq!(s.mean, Some(4.0));
        assert_eq!(s.consensus, None);
    }

    #[test]
    fn consensus_is_claimed_from_the_minimum_number_of_answers() {
        // 3, 3 and a don't know: n = 2 < 3, no claim; a round asking for 2 gets one.
        let values = [Some(3), Some(3), None];
        assert_eq!(summarise(&values, Scale::ONE_TO_FIVE, 3).consensus, None);
        assert_eq!(
            summarise(&values, Scale::ONE_TO_FIVE, 2).consensus,
            Some(true)
        );
        // 1, 5, 5: n = 3 reaches the minimum; iqr = 2: no consensus.
        let split = answers(&[1, 5, 5]);
        assert_eq!(
            summarise(&split, Scale::ONE_TO_FIVE, 3).consensus,
            Some(false)
        );
        assert_eq!(summarise(&split, Scale::ONE_TO_FIVE, 4).consensus, None);
    }

    #[test]
    fn dont_know_is_counted_apart() {
        // Values 2, 4 (n = 2) and two "don't know". median: h = 0.5 → 2 + 0.5·2 = 3.
        // q1: h = 0.25 → 2.5; q3: h = 0.75 → 3.5; iqr = 1.
        let s = summarise(
            &[None, Some(2), None, Some(4)],
            Scale::ONE_TO_FIVE,
            CONSENSUS_MIN_ANSWERS,
        );
        assert_eq!(s.n, 2);
        assert_eq!(s.dont_know, 2);
        assert_eq!(s.counts, vec![0, 1, 0, 1, 0]);
        assert_eq!(s.median, Some(3.0));
        assert_eq!((s.q1, s.q3), (Some(2.5), Some(3.5)));
    }

    #[test]
    fn nothing_on_the_scale_gives_no_figures() {
        for values in [
            vec![],
            vec![None, None],
            vec![Some(0), Some(9), Some(i32::MIN)],
        ] {
            let s = summarise(&values, Scale::ONE_TO_FIVE, CONSENSUS_MIN_ANSWERS);
            assert_eq!(s.n, 0);
            assert_eq!(s.counts, vec![0; 5]);
            assert_eq!(
                (s.median, s.q1, s.q3, s.iqr, s.mean),
                (None, None, None, None, None)
            );
            assert_eq!(s.consensus, None);
        }
    }

    #[test]
    fn off_scale_values_are_ignored() {
        let s = summarise(
            &[Some(0), Some(3), Some(6), None],
            Scale::ONE_TO_FIVE,
            CONSENSUS_MIN_ANSWERS,
        );
        assert_eq!((s.n, s.dont_know), (1, 1));
        assert_eq!(s.median, Some(3.0));
    }

    #[test]
    fn desirability_counts_from_minus_two() {
        // Sorted −2, −1, −1, 0, 2; n = 5. q1: h = 1 → −1; median: h = 2 → −1;
        // q3: h = 3 → 0. iqr = 1 ≤ (2 − (−2)) / 4 = 1: consensus. mean = −2 / 5.
        let scale = Scale::MINUS_TWO_TO_TWO;
        let s = summarise(&answers(&[0, -1, 2, -2, -1]), scale, CONSENSUS_MIN_ANSWERS);
        assert_eq!(s.counts, vec![1, 2, 1, 0, 1]);
        assert_eq!((s.q1, s.median, s.q3), (Some(-1.0), Some(-1.0), Some(0.0)));
        assert_eq!(s.consensus, Some(true));
        assert_eq!(s.mean, Some(-0.4));
        assert_eq!(scale.consensus_iqr(), 1.0);
        assert_eq!(scale.midpoint(), 0.0);
    }

    #[test]
    fn an_upside_down_scale_does_not_panic() {
        let s = summarise(
            &answers(&[1, 2]),
            Scale { min: 5, max: 1 },
            CONSENSUS_MIN_ANSWERS,
        );
        assert_eq!((s.n, s.counts.len(), s.median), (0, 0, None));
        let wide = Scale {
            min: i32::MIN,
            max: i32::MIN + 2,
        };
        assert_eq!(wide.len(), 3);
        assert_eq!(
            summarise(&[Some(i32::MIN)], wide, CONSENSUS_MIN_ANSWERS).n,
            1
        );
    }
}
