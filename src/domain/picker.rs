//! Pickers: the fields where a person names notes or sources. A field holds numbers
//! ("12", "#12", several in a multi pick) or words to search for; the words are
//! resolved to numbers by picking among the matches, and a pick sent back with the
//! form completes the field.

use super::bank::{NoteType, note_number};

keyed_enum! {
    /// What a picker picks.
    PickKind { Note => "note", Source => "source" }
}

/// One picker field of a form: its name, what it picks, whether it takes several, and
/// the filters of its search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickField {
    pub name: &'static str,
    pub kind: PickKind,
    pub multi: bool,
    /// Only notes of this type (a trend ranking takes trends).
    pub note_type: Option<NoteType>,
}

impl PickField {
    pub fn note(name: &'static str) -> PickField {
        PickField {
            name,
            kind: PickKind::Note,
            multi: false,
            note_type: None,
        }
    }

    pub fn source(name: &'static str) -> PickField {
        PickField {
            kind: PickKind::Source,
            ..PickField::note(name)
        }
    }

    pub fn notes(name: &'static str) -> PickField {
        PickField {
            multi: true,
            ..PickField::note(name)
        }
    }

    pub fn of_type(self, note_type: NoteType) -> PickField {
        PickField {
            note_type: Some(note_type),
            ..self
        }
    }
}

/// What a picker field holds: the numbers named, and what else was typed (each part a
/// search of its own).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Typed {
    pub numbers: Vec<i64>,
    pub words: Vec<String>,
}

/// Reads a field. A single pick is one number or words; a multi pick is parts separated
/// by commas or lines, each either numbers (separated by spaces) or words. Numbers are
/// kept once, in the order typed.
pub fn read(text: &str, multi: bool) -> Typed {
    let mut typed = Typed::default();
    let text = text.trim();
    if text.is_empty() {
        return typed;
    }
    if !multi {
        match note_number(text) {
            Some(n) => typed.numbers.push(n),
            None => typed.words.push(text.to_string()),
        }
        return typed;
    }
    for part in text.split([',', ';', '\n', '\r']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let numbers: Option<Vec<i64>> = part.split_whitespace().map(note_number).collect();
        match numbers {
            Some(numbers) => {
                for n in numbers {
                    if !typed.numbers.contains(&n) {
                        typed.numbers.push(n);
                    }
                }
            }
            None => typed.words.push(part.to_string()),
        }
    }
    typed
}

/// The field's text for numbers alone, as the forms read it ("12, 15").
pub fn numbers_text(numbers: &[i64]) -> String {
    numbers
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A field as the form sent it: its values (a multi pick sends one per item kept and
/// one for what was typed) and the picks made among the matches shown.
#[derive(Debug, Clone, Default)]
pub struct Sent {
    pub values: Vec<String>,
    pub picks: Vec<String>,
}

/// A field settled: the text the form reads, and the words still to resolve (none once
/// a pick was sent: choosing completes the field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settled {
    pub text: String,
    pub typed: Typed,
}

/// Settles a sent field. A single pick's choice replaces what was typed; a multi pick's
/// choices join the numbers kept. Without a choice, numbers stay as typed and words wait
/// to be resolved.
pub fn settle(field: &PickField, sent: &Sent) -> Settled {
    let joined = sent
        .values
        .iter()
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let picks: Vec<i64> = sent.picks.iter().filter_map(|p| note_number(p)).collect();
    if field.multi {
        let mut typed = read(&joined, true);
        if !picks.is_empty() {
            typed.words.clear();
            for p in picks {
                if !typed.numbers.contains(&p) {
                    typed.numbers.push(p);
                }
            }
            return Settled {
                text: numbers_text(&typed.numbers),
                typed,
            };
        }
        let text = if typed.words.is_empty() {
            numbers_text(&typed.numbers)
        } else {
            joined
        };
        return Settled { text, typed };
    }
    if let Some(&p) = picks.first() {
        return Settled {
            text: p.to_string(),
            typed: Typed {
                numbers: vec![p],
                words: Vec::new(),
            },
        };
    }
    Settled {
        typed: read(&joined, false),
        text: joined,
    }
}

/// The prefix of the name a choice among matches is sent under (`pick-<field>`).
pub const PICK_PREFIX: &str = "pick-";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_single_pick_is_a_number_or_words() {
        assert_eq!(read(" #12 ", false).numbers, vec![12]);
        assert_eq!(read("12", false).numbers, vec![12]);
        let words = read("klimat 2040", false);
        assert!(words.numbers.is_empty());
        assert_eq!(words.words, vec!["klimat 2040"]);
        assert_eq!(read("  ", false), Typed::default());
    }

    #[test]
    fn a_multi_pick_mixes_numbers_and_words() {
        let typed = read("12, #15 15\n20, klimat och energi; 12", true);
        assert_eq!(typed.numbers, vec![12, 15, 20]);
        assert_eq!(typed.words, vec!["klimat och energi"]);
        assert_eq!(numbers_text(&typed.numbers), "12, 15, 20");
    }

    #[test]
    fn a_pick_completes_the_field() {
        let field = PickField::note("parent");
        let sent = Sent {
            values: vec!["klimat".into()],
            picks: vec!["7".into()],
        };
        assert_eq!(settle(&field, &sent).text, "7");
        let waiting = settle(
            &field,
            &Sent {
                values: vec!["klimat".into()],
                picks: vec![],
            },
        );
        assert_eq!(waiting.typed.words, vec!["klimat"]);
        assert_eq!(waiting.text, "klimat");

        let many = PickField::notes("notes");
        let sent = Sent {
            values: vec!["3".into(), "4".into(), "energi".into()],
            picks: vec!["9".into(), "3".into()],
        };
        let settled = settle(&many, &sent);
        assert_eq!(settled.text, "3, 4, 9");
        assert!(settled.typed.words.is_empty());
        let kept = settle(
            &many,
            &Sent {
                values: vec!["3".into(), "energi".into()],
                picks: vec![],
            },
        );
        assert_eq!(kept.typed.numbers, vec![3]);
        assert_eq!(kept.typed.words, vec!["energi"]);
    }
}
