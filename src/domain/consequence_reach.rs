//! Consequences beyond their own pages: the file they are exported in as JSON, and the
//! start of a consequence's text that a search hit shows.
//!
//! # The file
//!
//! `/consequences.json` is an object `{"format": "framsyn-consequences", "version": 1,
//! "consequences": [consequence…]}` holding every consequence the reader sees, a
//! scenario's (by set, scenario, level and ring) before a note's. Each consequence is
//! `{id, phase, set, scenario, note, level, theme, organisation, text, valence,
//! magnitude, timing, order, parent, based_on, confidence, updated}`:
//! - `phase` is the slug of the consequence phase; `set` the number of the scenario's set
//!   (null for a note's consequence);
//! - `scenario` is `{id, name}` and `note` is `{id, title}`: exactly one of them is set;
//! - `level` is `{slug, name}` and `theme` is `{slug, name}` or null, `name` giving the
//!   programme's name in each language (`{sv, nb, en}`);
//! - `organisation` is `{id, name, category, submission_status}`, or null for a shared
//!   consequence of the workshop; `submission_status` is where the organisation's
//!   submission of the phase stands (`draft`, `submitted`, `returned`, `accepted`, or
//!   null before it started);
//! - `text` is Markdown; `valence` is `opportunity`, `threat` or `mixed`; `magnitude`
//!   `small`, `significant` or `transformative`; `timing` `within-1`, `2-5`, `5-15` or
//!   `beyond-15`; `confidence` 1–3; each may be null while not yet given;
//! - `order` is the ring of the futures wheel (1–3); `parent` the number of the
//!   consequence it follows from (null in the 1st order); `based_on` the shared
//!   consequence an organisation's own one started from;
//! - `updated` is the moment of the latest change, RFC 3339 in UTC.

use serde::{Deserialize, Serialize};

use super::lang::Localized;

/// What the export's file says it is.
pub const FORMAT: &str = "framsyn-consequences";
pub const VERSION: u32 = 1;
/// How much of a consequence's text a search hit shows, in characters.
pub const EXCERPT_MAX: usize = 160;

/// The export's file: every consequence the reader sees.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ConsequenceFile {
    pub format: String,
    pub version: u32,
    pub consequences: Vec<ConsequenceRecord>,
}

/// A scenario, by number and name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Named {
    pub id: i64,
    pub name: String,
}

/// A note as the file names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteRef {
    pub id: i64,
    pub title: String,
}

/// A level or theme of the programme, with its name in each language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermRef {
    pub slug: String,
    pub name: Option<Localized>,
}

/// Whose view a consequence is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganisationRef {
    pub id: i64,
    pub name: String,
    pub category: Option<String>,
    pub submission_status: Option<String>,
}

/// One consequence as the file holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsequenceRecord {
    pub id: i64,
    pub phase: String,
    pub set: Option<i64>,
    pub scenario: Option<Named>,
    pub note: Option<NoteRef>,
    pub level: TermRef,
    pub theme: Option<TermRef>,
    pub organisation: Option<OrganisationRef>,
    pub text: String,
    pub valence: Option<String>,
    pub magnitude: Option<String>,
    pub timing: Option<String>,
    pub order: u8,
    pub parent: Option<i64>,
    pub based_on: Option<i64>,
    pub confidence: Option<u8>,
    pub updated: String,
}

/// The start of a consequence's text for a search hit: its first paragraph on one line,
/// cut at a word to at most [`EXCERPT_MAX`] characters (with `…` when cut).
pub fn excerpt(text: &str) -> String {
    let first = text
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

    #[test]
    fn an_excerpt_is_the_first_paragraph_cut_at_a_word() {
        assert_eq!(
            excerpt("  Fler pendlar.\n\nAndra stycket."),
            "Fler pendlar."
        );
        assert_eq!(excerpt("Rad ett\nrad två"), "Rad ett rad två");
        let long = "ord ".repeat(100);
        let cut = excerpt(&long);
        assert!(cut.ends_with('…'));
        assert!(cut.chars().count() <= EXCERPT_MAX + 1);
        assert!(!cut.contains("  "));
    }

    #[test]
    fn the_file_reads_back_as_written() {
        let file = ConsequenceFile {
            format: FORMAT.into(),
            version: VERSION,
            consequences: vec![ConsequenceRecord {
                id: 7,
                phase: "regionalisering".into(),
                set: Some(2),
                scenario: Some(Named {
                    id: 3,
                    name: "Regionernas decennium".into(),
                }),
                note: None,
                level: TermRef {
                    slug: "regional".into(),
                    name: None,
                },
                theme: None,
                organisation: None,
                text: "Fler pendlar.".into(),
                valence: Some("opportunity".into()),
                magnitude: None,
                timing: None,
                order: 1,
                parent: None,
                based_on: None,
                confidence: Some(2),
                updated: "2027-03-01T10:00:00Z".into(),
            }],
        };
        let json = serde_json::to_string(&file).unwrap();
        let back: ConsequenceFile = serde_json::from_str(&json).unwrap();
        assert_eq!(back.consequences, file.consequences);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            value["consequences"][0]["scenario"]["name"],
            "Regionernas decennium"
        );
        assert!(value["consequences"][0]["organisation"].is_null());
    }
}
