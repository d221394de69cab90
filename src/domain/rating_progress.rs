//! How far a person has come with a rating sheet, and what each note's card shows of
//! the note. A note counts as rated when every criterion of the round has an answer from
//! that person (a point on the scale or "don't know"): half an answer is saved and shown,
//! but the note still waits for the rest. Answers are counted as stored, never from what
//! was just typed and refused.

use std::collections::BTreeSet;

use serde::Serialize;

use super::rating::Criterion;

/// How many of the notes a person sees they have rated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub rated: usize,
    pub total: usize,
}

impl Progress {
    pub fn is_complete(self) -> bool {
        self.rated == self.total
    }
}

/// The notes of `notes` (in their order) that have an answer on every one of `criteria`,
/// from the `(note, criterion)` pairs a person answered.
pub fn rated_notes(
    answered: impl IntoIterator<Item = (i64, Criterion)>,
    notes: &[i64],
    criteria: &[Criterion],
) -> BTreeSet<i64> {
    let answered: BTreeSet<(i64, Criterion)> = answered.into_iter().collect();
    notes
        .iter()
        .copied()
        .filter(|n| criteria.iter().all(|c| answered.contains(&(*n, *c))))
        .collect()
}

/// The progress over `notes`, given the rated ones.
pub fn progress(notes: &[i64], rated: &BTreeSet<i64>) -> Progress {
    Progress {
        rated: notes.iter().filter(|n| rated.contains(n)).count(),
        total: notes.len(),
    }
}

/// The first note of `notes` not yet rated, to jump to.
pub fn first_unrated(notes: &[i64], rated: &BTreeSet<i64>) -> Option<i64> {
    notes.iter().copied().find(|n| !rated.contains(n))
}

/// How many characters of a summary a rating card shows at most.
pub const LEAD_MAX_CHARS: usize = 280;

/// The short form of a note's summary (Markdown) for its card: the first paragraph (a
/// heading's marks dropped), cut
/// at a word boundary after at most `max` characters with an ellipsis; and whether
/// anything was left out.
pub fn summary_lead(summary: &str, max: usize) -> (String, bool) {
    let text = summary.trim().replace("\r\n", "\n");
    let mut paragraphs = text.split("\n\n").filter(|p| !p.trim().is_empty());
    // A heading mark would make a heading inside the card: the lead is plain text.
    let first = paragraphs
        .next()
        .unwrap_or("")
        .trim()
        .trim_start_matches('#')
        .trim();
    let more = paragraphs.next().is_some();
    if first.chars().count() <= max {
        return (first.to_string(), more);
    }
    let cut: String = first.chars().take(max).collect();
    let at_word = match cut.rfind(char::is_whitespace) {
        Some(i) if i > 0 => &cut[..i],
        _ => cut.as_str(),
    };
    let trimmed = at_word.trim_end_matches(|c: char| c.is_whitespace() || ",;:.–-".contains(c));
    (format!("{trimmed}…"), true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Criterion::{Impact, Uncertainty};

    #[test]
    fn a_note_is_rated_when_every_criterion_has_an_answer() {
        let answered = [(1, Impact), (1, Uncertainty), (2, Impact), (9, Impact)];
        let rated = rated_notes(answered, &[1, 2, 3], &[Impact, Uncertainty]);
        assert_eq!(rated, BTreeSet::from([1]));
        let p = progress(&[1, 2, 3], &rated);
        assert_eq!((p.rated, p.total, p.is_complete()), (1, 3, false));
        assert_eq!(first_unrated(&[1, 2, 3], &rated), Some(2));
        let all = rated_notes(answered, &[1], &[Impact, Uncertainty]);
        assert!(progress(&[1], &all).is_complete());
        assert_eq!(first_unrated(&[1], &all), None);
    }

    #[test]
    fn only_the_notes_shown_count() {
        let rated = BTreeSet::from([1, 5]);
        assert_eq!(progress(&[1, 2], &rated), Progress { rated: 1, total: 2 });
        assert_eq!(progress(&[], &rated), Progress { rated: 0, total: 0 });
    }

    #[test]
    fn the_lead_is_the_first_paragraph_cut_at_a_word() {
        assert_eq!(
            summary_lead("Fler bor **ensamma**.\r\n\r\nSärskilt äldre.", 280),
            ("Fler bor **ensamma**.".to_string(), true)
        );
        assert_eq!(summary_lead("  Kort.  ", 280), ("Kort.".to_string(), false));
        assert_eq!(summary_lead("", 280), (String::new(), false));
        assert_eq!(
            summary_lead("## Rubrik", 280),
            ("Rubrik".to_string(), false)
        );
        let (lead, cut) = summary_lead("Åldrande befolkning ökar vårdbehoven", 22);
        assert_eq!((lead.as_str(), cut), ("Åldrande befolkning…", true));
        assert!(lead.chars().count() <= 23);
        let (lead, _) = summary_lead("ååååååååååååå", 5);
        assert_eq!(lead, "ååååå…");
    }
}
