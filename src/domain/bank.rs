//! The shared bank of change notes (signals, trends, megatrends, drivers, uncertainties,
//! wild cards, scenario sketches): their kinds, categories and time bands, the note form
//! and its rules, and who sees a note in which status.

use serde::{Deserialize, Serialize};

use super::access::Subject;
use super::form::{self, FieldErrors};
use super::user::Role;

keyed_enum! {
    /// What kind of change a note describes.
    NoteType {
        Signal => "signal",
        Trend => "trend",
        Megatrend => "megatrend",
        Driver => "driver",
        Uncertainty => "uncertainty",
        WildCard => "wild_card",
        ScenarioSketch => "scenario_sketch",
    }
}

keyed_enum! {
    /// STEEP+V: the categories of change.
    Category {
        Social => "social",
        Technological => "technological",
        Economic => "economic",
        Environmental => "environmental",
        Political => "political",
        Values => "values",
    }
}

keyed_enum! {
    /// When a change is expected to matter.
    TimeBand {
        Now2030 => "now_2030",
        From2030To2040 => "2030_2040",
        From2040To2050 => "2040_2050",
        Beyond2050 => "beyond_2050",
    }
}

keyed_enum! {
    /// Where a note stands.
    NoteStatus {
        Draft => "draft",
        Submitted => "submitted",
        Curated => "curated",
        Merged => "merged",
        Archived => "archived",
    }
}

keyed_enum! {
    /// How one note bears on another.
    LinkKind {
        Drives => "drives",
        Reinforces => "reinforces",
        Counteracts => "counteracts",
        InTensionWith => "in_tension_with",
    }
}

/// Where a note sits in the ladder signal → trend → megatrend (other types stand apart).
pub fn level(note_type: NoteType) -> Option<u8> {
    match note_type {
        NoteType::Signal => Some(0),
        NoteType::Trend => Some(1),
        NoteType::Megatrend => Some(2),
        _ => None,
    }
}

/// A note's number as people type it ("12" or "#12"); none for anything else.
pub fn note_number(text: &str) -> Option<i64> {
    text.trim()
        .trim_start_matches('#')
        .parse()
        .ok()
        .filter(|n| *n > 0)
}

/// A parent note must stand higher on the ladder (a signal under a trend or megatrend, a
/// trend under a megatrend), may not be the note itself, and must still be in use. As
/// levels only rise, no chain of parents can come back to where it started.
///
/// A draft is never a parent, and a number naming one gets the same answer as a number
/// naming nothing: drafts are seen by their organisation only, so any other answer would
/// tell others which draft numbers exist.
pub fn check_parent(
    child_id: Option<i64>,
    child: NoteType,
    parent_id: i64,
    parent: Option<(NoteType, NoteStatus)>,
) -> Result<(), &'static str> {
    if child_id == Some(parent_id) {
        return Err("error-parent-self");
    }
    let Some((parent_type, status)) = parent.filter(|(_, status)| *status != NoteStatus::Draft)
    else {
        return Err("error-parent-unknown");
    };
    if matches!(status, NoteStatus::Merged | NoteStatus::Archived) {
        return Err("error-parent-status");
    }
    match (level(child), level(parent_type)) {
        (Some(c), Some(p)) if c < p => Ok(()),
        _ => Err("error-parent-level"),
    }
}

/// A note may take a new type only if every note standing under it (`children`, their
/// types) still stands lower on the ladder: the rule [`check_parent`] applies, seen from
/// the parent's end, so a retype cannot break what setting a parent would refuse.
pub fn check_retype(new_type: NoteType, children: &[NoteType]) -> Result<(), &'static str> {
    let below =
        |child: &NoteType| matches!((level(*child), level(new_type)), (Some(c), Some(p)) if c < p);
    if children.iter().all(below) {
        Ok(())
    } else {
        Err("error-retype-children")
    }
}

/// A merge folds one note into another: both distinct, neither already merged or
/// archived.
pub fn check_merge(
    from_id: i64,
    from: NoteStatus,
    into_id: i64,
    into: Option<NoteStatus>,
) -> Result<(), &'static str> {
    let Some(into) = into else {
        return Err("error-note-not-found");
    };
    if from_id == into_id {
        return Err("error-merge-self");
    }
    if matches!(from, NoteStatus::Merged | NoteStatus::Archived)
        || matches!(
            into,
            NoteStatus::Merged | NoteStatus::Archived | NoteStatus::Draft
        )
    {
        return Err("error-merge-status");
    }
    Ok(())
}

/// Whether an editor can bring a note back into use: a merge or an archiving can be
/// undone, and the note's history keeps both the step and its undoing.
pub fn can_restore(status: NoteStatus) -> bool {
    matches!(status, NoteStatus::Merged | NoteStatus::Archived)
}

/// The status a merged or archived note goes back to: the last status in use among its
/// revisions' statuses (newest first); submitted when none is known.
pub fn status_before(history: impl IntoIterator<Item = NoteStatus>) -> NoteStatus {
    history
        .into_iter()
        .find(|s| !can_restore(*s))
        .unwrap_or(NoteStatus::Submitted)
}

/// The fields that differ between two stored versions of a note (for its history);
/// bookkeeping fields (version, times) are left out.
pub fn changed_fields(before: &serde_json::Value, after: &serde_json::Value) -> Vec<String> {
    const IGNORED: &[&str] = &["version", "updated_at", "created_at", "author_name"];
    let (Some(before), Some(after)) = (before.as_object(), after.as_object()) else {
        return Vec::new();
    };
    after
        .iter()
        .filter(|(k, _)| !IGNORED.contains(&k.as_str()))
        .filter(|(k, v)| before.get(k.as_str()) != Some(v))
        .map(|(k, _)| k.clone())
        .collect()
}

/// One field's change between two stored versions of a note, with both values as
/// stored (keys for types, categories, bands and statuses).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub before: serde_json::Value,
    pub after: serde_json::Value,
}

/// The changes between two stored versions of a note, old → new, for its history; the
/// numbers standing for an organisation or author are left out (their names are shown).
pub fn changes(before: &serde_json::Value, after: &serde_json::Value) -> Vec<FieldChange> {
    changed_fields(before, after)
        .into_iter()
        .filter(|f| !matches!(f.as_str(), "organisation_id" | "author_id"))
        .map(|field| FieldChange {
            before: before.get(&field).cloned().unwrap_or_default(),
            after: after.get(&field).cloned().unwrap_or_default(),
            field,
        })
        .collect()
}

/// The note form as a stored version of a note (`snapshot`) had it, to restore that
/// version's text: the same checks as an edit then apply to it.
pub fn form_of_snapshot(snapshot: &serde_json::Value, version: i64) -> NoteForm {
    let text = |key: &str| match snapshot.get(key) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let list = |key: &str| -> Vec<String> {
        snapshot
            .get(key)
            .and_then(|v| v.as_array())
            .map(|items| {
                items
                    .iter()
                    .filter_map(|i| i.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    NoteForm {
        note_type: text("note_type"),
        title: text("title"),
        summary: text("summary"),
        implications: text("implications"),
        category: text("category"),
        secondary: list("secondary"),
        direction: text("direction"),
        time_band: text("time_band"),
        scope: text("scope"),
        tags: list("tags").join(", "),
        phase: text("phase_slug"),
        parent: text("parent_id"),
        version: version.to_string(),
    }
}

/// Longest title, and longest long text, a note may have.
pub const TITLE_MAX: usize = 300;
pub const TEXT_MAX: usize = 20_000;

/// A note as its form is filled in (strings, so nothing typed is lost).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct NoteForm {
    #[serde(default, rename = "type")]
    pub note_type: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub implications: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub secondary: Vec<String>,
    #[serde(default)]
    pub direction: String,
    #[serde(default)]
    pub time_band: String,
    #[serde(default)]
    pub scope: String,
    #[serde(default)]
    pub tags: String,
    #[serde(default)]
    pub phase: String,
    /// The parent note's number, if any.
    #[serde(default)]
    pub parent: String,
    /// The version the edit started from (stale edits are refused).
    #[serde(default)]
    pub version: String,
}

/// A checked note, ready to store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidNote {
    pub note_type: NoteType,
    pub title: String,
    pub summary: String,
    pub implications: String,
    pub category: Category,
    pub secondary: Vec<Category>,
    pub direction: Option<String>,
    pub time_band: Option<TimeBand>,
    pub scope: Option<String>,
    pub tags: Vec<String>,
    pub phase: Option<String>,
    pub parent: Option<i64>,
}

impl NoteForm {
    /// Checks the form; `phases` are the programme's phase slugs.
    pub fn validate(&self, phases: &[&str]) -> Result<ValidNote, FieldErrors> {
        let mut errors = FieldErrors::new();
        let note_type = NoteType::parse(self.note_type.trim());
        if note_type.is_none() {
            errors.add("type", "error-note-type");
        }
        let title = form::required(&mut errors, "title", &self.title);
        form::max_chars(&mut errors, "title", &title, TITLE_MAX);
        form::max_chars(&mut errors, "summary", &self.summary, TEXT_MAX);
        form::max_chars(&mut errors, "implications", &self.implications, TEXT_MAX);
        let category = Category::parse(self.category.trim());
        if category.is_none() {
            errors.add("category", "error-note-category");
        }
        let mut secondary = Vec::new();
        for key in &self.secondary {
            match Category::parse(key.trim()) {
                Some(c) if Some(c) != category && !secondary.contains(&c) => secondary.push(c),
                Some(_) => {}
                None => errors.add("secondary", "error-note-category"),
            }
        }
        let time_band = form::optional(&self.time_band);
        let band = time_band.as_deref().map(TimeBand::parse);
        if matches!(band, Some(None)) {
            errors.add("time_band", "error-choose");
        }
        let phase = form::optional(&self.phase);
        if phase.as_deref().is_some_and(|p| !phases.contains(&p)) {
            errors.add("phase", "error-unknown-phase");
        }
        for (field, value) in [
            ("direction", &self.direction),
            ("scope", &self.scope),
            ("tags", &self.tags),
        ] {
            form::max_chars(&mut errors, field, value.trim(), 500);
        }
        let parent = match form::optional(&self.parent) {
            None => None,
            Some(text) => {
                let number = note_number(&text);
                if number.is_none() {
                    errors.add("parent", "error-note-number");
                }
                number
            }
        };
        let mut tags: Vec<String> = Vec::new();
        for tag in self
            .tags
            .split(',')
            .map(|t| t.trim().to_lowercase())
            .filter(|t| !t.is_empty())
        {
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        match (note_type, category) {
            (Some(note_type), Some(category)) if errors.is_empty() => Ok(ValidNote {
                note_type,
                title,
                summary: self.summary.trim().to_string(),
                implications: self.implications.trim().to_string(),
                category,
                secondary,
                direction: form::optional(&self.direction),
                time_band: band.flatten(),
                scope: form::optional(&self.scope),
                tags,
                phase,
                parent,
            }),
            _ => Err(errors),
        }
    }
}

/// Who sees a note: drafts only its own organisation (and editors and process leaders);
/// everything else every member; the public only what an editor has made public.
pub fn can_see_note(
    viewer: Option<&Subject>,
    status: NoteStatus,
    owner: i64,
    public: bool,
) -> bool {
    match viewer {
        None => public && matches!(status, NoteStatus::Curated | NoteStatus::Submitted),
        Some(v) => match status {
            NoteStatus::Draft => v.organisation_id == owner || can_curate(v),
            _ => true,
        },
    }
}

/// Editors (and process leaders) curate the bank: curate, merge, archive, make public.
pub fn can_curate(subject: &Subject) -> bool {
    subject.roles.contains(&Role::Editor) || subject.can_lead_process()
}

/// Writing a note's text: its own organisation's strategists while it is a draft or
/// submitted, and the curators at any time before it is merged or archived.
pub fn can_edit_note(subject: &Subject, status: NoteStatus, owner: i64) -> bool {
    if matches!(status, NoteStatus::Merged | NoteStatus::Archived) {
        return false;
    }
    can_curate(subject)
        || (subject.roles.contains(&Role::Strategist)
            && subject.organisation_id == owner
            && matches!(status, NoteStatus::Draft | NoteStatus::Submitted))
}

/// The most terms a search takes.
pub const SEARCH_TERMS: usize = 16;

/// The words of a stretch of typed text, lower-cased: letters, digits, and hyphens or
/// apostrophes inside a word (å, ä, ö, æ, ø stay as typed).
fn search_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|w| w.trim_matches(|c: char| c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// An FTS5 query from what a person typed, with the syntax the search page explains:
/// words (each matched as a prefix, all of them required), `"an exact phrase"`, `-word`
/// or `-"a phrase"` to leave out what has it, and `OR` (in capitals) between
/// alternatives. Every word the person typed is quoted, so no input can reach FTS5's
/// own syntax; the operators come only from this function. None when nothing is left
/// to look for (a query of exclusions alone finds nothing to exclude from).
pub fn search_query(typed: &str) -> Option<String> {
    let mut groups: Vec<Vec<String>> = vec![Vec::new()];
    let mut excluded: Vec<String> = Vec::new();
    let mut terms = 0;
    let mut rest = typed.trim_start();
    while !rest.is_empty() && terms < SEARCH_TERMS {
        let negated = rest.starts_with('-') && rest[1..].starts_with(|c: char| !c.is_whitespace());
        if negated {
            rest = &rest[1..];
        }
        let (found, after): (Vec<String>, &str) = if let Some(inner) = rest.strip_prefix('"') {
            let end = inner.find('"').unwrap_or(inner.len());
            let words = search_words(&inner[..end]);
            let phrase = (!words.is_empty()).then(|| format!("\"{}\"", words.join(" ")));
            (
                phrase.into_iter().collect(),
                inner.get(end + 1..).unwrap_or(""),
            )
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let token = &rest[..end];
            if token == "OR" && !negated {
                groups.push(Vec::new());
                rest = rest[end..].trim_start();
                continue;
            }
            let words = search_words(token).into_iter().map(|w| format!("\"{w}\"*"));
            (words.collect(), &rest[end..])
        };
        for term in found.into_iter().take(SEARCH_TERMS - terms) {
            terms += 1;
            if negated {
                excluded.push(term);
            } else if let Some(group) = groups.last_mut() {
                group.push(term);
            }
        }
        rest = after.trim_start();
    }
    let groups: Vec<String> = groups
        .into_iter()
        .filter(|g| !g.is_empty())
        .map(|g| g.join(" "))
        .collect();
    let wanted = match groups.len() {
        0 => return None,
        1 => groups[0].clone(),
        _ => groups
            .iter()
            .map(|g| format!("({g})"))
            .collect::<Vec<_>>()
            .join(" OR "),
    };
    Some(if excluded.is_empty() {
        wanted
    } else {
        format!("({wanted}) NOT ({})", excluded.join(" OR "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> NoteForm {
        NoteForm {
            note_type: "trend".into(),
            title: "Åldrande befolkning på landsbygden".into(),
            category: "social".into(),
            secondary: vec!["economic".into(), "social".into(), "economic".into()],
            time_band: "2030_2040".into(),
            tags: "Demografi, landsbygd, demografi".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_valid_note_keeps_distinct_secondaries_and_tags() {
        let note = form().validate(&[]).unwrap();
        assert_eq!(note.secondary, vec![Category::Economic]);
        assert_eq!(note.tags, vec!["demografi", "landsbygd"]);
        assert_eq!(note.time_band, Some(TimeBand::From2030To2040));
    }

    #[test]
    fn unknown_type_or_category_empty_title_and_long_text_are_refused() {
        let mut f = form();
        f.note_type = "rumour".into();
        f.category = "spiritual".into();
        f.title = " ".into();
        f.summary = "x".repeat(TEXT_MAX + 1);
        let errors = f.validate(&[]).unwrap_err();
        assert_eq!(errors.get("type"), Some("error-note-type"));
        assert_eq!(errors.get("category"), Some("error-note-category"));
        assert_eq!(errors.get("title"), Some("error-required"));
        assert_eq!(errors.get("summary"), Some("error-too-long"));
    }

    #[test]
    fn search_words_become_quoted_prefixes() {
        assert_eq!(
            search_query("Åldrande   befolkning").unwrap(),
            "\"åldrande\"* \"befolkning\"*"
        );
        // FTS5's own syntax typed by a person stays text.
        assert_eq!(
            search_query("NEAR(a b) or x* ^y {z}:w").unwrap(),
            "\"near\"* \"a\"* \"b\"* \"or\"* \"x\"* \"y\"* \"z\"* \"w\"*"
        );
        assert_eq!(search_query("  ,.;  "), None);
    }

    #[test]
    fn a_retype_keeps_the_notes_under_it_lower() {
        use NoteType::*;
        assert_eq!(check_retype(Trend, &[Signal]), Ok(()));
        assert_eq!(check_retype(Megatrend, &[Signal, Trend]), Ok(()));
        assert_eq!(check_retype(Driver, &[]), Ok(()));
        for (new, children) in [
            (Signal, vec![Signal]),
            (Trend, vec![Signal, Trend]),
            (Driver, vec![Signal]),
        ] {
            assert_eq!(
                check_retype(new, &children),
                Err("error-retype-children"),
                "{new:?} over {children:?}"
            );
        }
    }

    #[test]
    fn phrases_exclusions_and_alternatives_become_fts5_operators() {
        assert_eq!(
            search_query("\"Grön omställning\" industri").unwrap(),
            "\"grön omställning\" \"industri\"*"
        );
        assert_eq!(
            search_query("el -bil -\"tunga fordon\"").unwrap(),
            "(\"el\"*) NOT (\"bil\"* OR \"tunga fordon\")"
        );
        assert_eq!(
            search_query("vätgas OR \"e-bränsle\" sjöfart").unwrap(),
            "(\"vätgas\"*) OR (\"e-bränsle\" \"sjöfart\"*)"
        );
        // A lone hyphen is nothing; an unclosed quote runs to the end; stray operators
        // and exclusions alone leave nothing to search for.
        assert_eq!(
            search_query("e-hälsa - vård").unwrap(),
            "\"e-hälsa\"* \"vård\"*"
        );
        assert_eq!(search_query("\"öppen fras").unwrap(), "\"öppen fras\"");
        assert_eq!(search_query("OR a OR").unwrap(), "\"a\"*");
        assert_eq!(search_query("-bil"), None);
        assert_eq!(search_query("\"\"\""), None);
        let many = "ord ".repeat(40);
        assert_eq!(
            search_query(&many).unwrap().matches('*').count(),
            SEARCH_TERMS
        );
    }

    #[test]
    fn parents_stand_higher_on_the_ladder() {
        let trend = Some((NoteType::Trend, NoteStatus::Submitted));
        let mega = Some((NoteType::Megatrend, NoteStatus::Curated));
        assert_eq!(check_parent(Some(1), NoteType::Signal, 2, trend), Ok(()));
        assert_eq!(check_parent(None, NoteType::Trend, 2, mega), Ok(()));
        assert_eq!(check_parent(Some(1), NoteType::Signal, 2, mega), Ok(()));
        assert_eq!(
            check_parent(Some(1), NoteType::Megatrend, 2, trend),
            Err("error-parent-level")
        );
        assert_eq!(
            check_parent(Some(1), NoteType::Trend, 2, trend),
            Err("error-parent-level")
        );
        assert_eq!(
            check_parent(Some(1), NoteType::Driver, 2, mega),
            Err("error-parent-level")
        );
        assert_eq!(
            check_parent(Some(2), NoteType::Signal, 2, trend),
            Err("error-parent-self")
        );
        assert_eq!(
            check_parent(
                Some(1),
                NoteType::Signal,
                2,
                Some((NoteType::Trend, NoteStatus::Merged))
            ),
            Err("error-parent-status")
        );
        assert_eq!(
            check_parent(Some(1), NoteType::Signal, 9, None),
            Err("error-parent-unknown")
        );
        let mut f = form();
        f.parent = "#12".into();
        assert_eq!(f.validate(&[]).unwrap().parent, Some(12));
        f.parent = "tolv".into();
        assert_eq!(
            f.validate(&[]).unwrap_err().get("parent"),
            Some("error-note-number")
        );
    }

    #[test]
    fn merges_need_two_live_notes() {
        use NoteStatus::*;
        assert_eq!(check_merge(1, Submitted, 2, Some(Curated)), Ok(()));
        assert_eq!(
            check_merge(1, Submitted, 1, Some(Submitted)),
            Err("error-merge-self")
        );
        assert_eq!(
            check_merge(1, Merged, 2, Some(Curated)),
            Err("error-merge-status")
        );
        assert_eq!(
            check_merge(1, Draft, 2, Some(Archived)),
            Err("error-merge-status")
        );
        assert_eq!(check_merge(1, Draft, 2, None), Err("error-note-not-found"));
    }

    #[test]
    fn a_restored_note_goes_back_to_its_last_status_in_use() {
        use NoteStatus::*;
        assert_eq!(status_before([Archived, Curated, Submitted]), Curated);
        assert_eq!(
            status_before([Merged, Archived, Submitted, Draft]),
            Submitted
        );
        assert_eq!(status_before([Archived]), Submitted);
        assert!(can_restore(Merged) && can_restore(Archived) && !can_restore(Curated));
    }

    #[test]
    fn history_names_the_fields_that_changed() {
        let before =
            serde_json::json!({"title": "A", "summary": "x", "version": 1, "status": "draft"});
        let after =
            serde_json::json!({"title": "B", "summary": "x", "version": 2, "status": "submitted"});
        assert_eq!(changed_fields(&before, &after), vec!["status", "title"]);
    }

    #[test]
    fn history_shows_old_and_new_values_and_a_version_can_be_restored() {
        let before = serde_json::json!({"title": "A", "tags": ["el"], "organisation_id": 1,
            "note_type": "trend", "category": "social", "secondary": ["values"],
            "time_band": null, "parent_id": 7, "phase_slug": "omvarlden", "version": 1});
        let after = serde_json::json!({"title": "B", "tags": ["el", "bil"], "organisation_id": 2,
            "note_type": "trend", "category": "social", "secondary": ["values"],
            "time_band": null, "parent_id": 7, "phase_slug": "omvarlden", "version": 2});
        let found = changes(&before, &after);
        assert_eq!(
            found.iter().map(|c| c.field.as_str()).collect::<Vec<_>>(),
            ["tags", "title"]
        );
        assert_eq!(found[1].before, "A");
        assert_eq!(found[1].after, "B");
        let form = form_of_snapshot(&before, 2);
        assert_eq!((form.title.as_str(), form.parent.as_str()), ("A", "7"));
        assert_eq!(form.version, "2");
        let note = form.validate(&["omvarlden"]).unwrap();
        assert_eq!(note.secondary, vec![Category::Values]);
        assert_eq!(note.tags, vec!["el"]);
        assert_eq!(note.parent, Some(7));
    }

    fn labels() -> std::collections::HashMap<String, String> {
        [
            ("trend", "trend"),
            ("ekonomisk", "economic"),
            ("social", "social"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
    }

    #[test]
    fn an_import_takes_keys_or_names_and_reports_every_bad_row() {
        let good = "\u{feff}type;title;category;secondary;tags;time_band\n\
                    Trend;Åldrande befolkning;Social;Ekonomisk, values;demografi;2030_2040\n\
                    signal;'=Formelns skydd;economic;;;\n";
        let notes = parse_import(good.as_bytes(), &[], &labels()).unwrap();
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[0].0, 2);
        let notes: Vec<ValidNote> = notes.into_iter().map(|(_, n)| n).collect();
        assert_eq!(notes[0].note_type, NoteType::Trend);
        assert_eq!(
            notes[0].secondary,
            vec![Category::Economic, Category::Values]
        );
        assert_eq!(notes[1].title, "=Formelns skydd");

        let bad =
            "type,title,category\ntrend,Bra rad,social\nrykte,,social\ntrend,\"Trasig\nrad\"\n";
        let errors = parse_import(bad.as_bytes(), &[], &labels()).unwrap_err();
        assert!(errors.contains(&ImportError {
            row: 3,
            column: "type".into(),
            message: "error-note-type"
        }));
        assert!(errors.contains(&ImportError {
            row: 3,
            column: "title".into(),
            message: "error-required"
        }));
        assert!(
            errors
                .iter()
                .any(|e| e.row == 4 && e.message == "error-import-row-shape")
        );

        let header = "typ,title\ntrend,x\n";
        let errors = parse_import(header.as_bytes(), &[], &labels()).unwrap_err();
        assert!(
            errors
                .iter()
                .any(|e| e.column == "typ" && e.message == "error-import-unknown-column")
        );
        assert!(
            errors
                .iter()
                .any(|e| e.column == "category" && e.message == "error-import-missing-column")
        );
        assert_eq!(
            parse_import(&[0xff, 0xfe], &[], &labels()).unwrap_err()[0].message,
            "error-import-encoding"
        );
    }

    #[test]
    fn drafts_stay_in_their_organisation() {
        let own = Subject {
            roles: &[Role::Strategist],
            organisation_id: 1,
        };
        let other = Subject {
            roles: &[Role::Strategist],
            organisation_id: 2,
        };
        let editor = Subject {
            roles: &[Role::Editor],
            organisation_id: 9,
        };
        assert!(can_see_note(Some(&own), NoteStatus::Draft, 1, false));
        assert!(!can_see_note(Some(&other), NoteStatus::Draft, 1, false));
        assert!(can_see_note(Some(&editor), NoteStatus::Draft, 1, false));
        assert!(!can_see_note(None, NoteStatus::Submitted, 1, false));
        assert!(can_see_note(None, NoteStatus::Curated, 1, true));
        assert!(can_edit_note(&own, NoteStatus::Submitted, 1));
        assert!(!can_edit_note(&other, NoteStatus::Draft, 1));
        assert!(!can_edit_note(&own, NoteStatus::Curated, 1));
        assert!(can_edit_note(&editor, NoteStatus::Curated, 1));
    }
}

/// A problem with one row (or the header, row 1) of an imported file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportError {
    pub row: u64,
    /// The column it concerns (empty for the row as a whole).
    pub column: String,
    /// A translation key.
    pub message: &'static str,
}

/// The most rows one import takes.
pub const IMPORT_MAX_ROWS: usize = 5_000;

/// The columns an import reads; the other columns of the bank's export (id, status,
/// organisation, times …) are accepted and ignored, so an export can be imported again.
const IMPORT_COLUMNS: &[&str] = &[
    "type",
    "title",
    "summary",
    "implications",
    "category",
    "secondary",
    "direction",
    "time_band",
    "scope",
    "tags",
    "phase",
    "parent",
];
const IGNORED_COLUMNS: &[&str] = &[
    "id",
    "status",
    "public",
    "organisation",
    "author",
    "created",
    "updated",
];

/// Reads a CSV file of notes (UTF-8, with or without byte-order mark; comma or
/// semicolon between cells). Every row is checked like the note form, and types,
/// categories and time bands may be written as keys or as their names in any of the
/// interface languages (`labels`: lower-case name → key). One bad row, or a bad header,
/// and nothing is taken: all the problems come back, row by row.
pub fn parse_import(
    data: &[u8],
    phases: &[&str],
    labels: &std::collections::HashMap<String, String>,
) -> Result<Vec<(u64, ValidNote)>, Vec<ImportError>> {
    let text = match std::str::from_utf8(data) {
        Ok(text) => text.trim_start_matches('\u{feff}'),
        Err(_) => return Err(vec![whole(1, "error-import-encoding")]),
    };
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(_) => return Err(vec![whole(1, "error-import-unreadable")]),
    };
    let mut errors = Vec::new();
    for column in &header {
        if !IMPORT_COLUMNS.contains(&column.as_str()) && !IGNORED_COLUMNS.contains(&column.as_str())
        {
            errors.push(ImportError {
                row: 1,
                column: column.clone(),
                message: "error-import-unknown-column",
            });
        }
    }
    for needed in ["type", "title", "category"] {
        if !header.iter().any(|c| c == needed) {
            errors.push(ImportError {
                row: 1,
                column: needed.into(),
                message: "error-import-missing-column",
            });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut notes = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let row = reader_row(&record).unwrap_or(index as u64 + 2);
        if index >= IMPORT_MAX_ROWS {
            errors.push(whole(row, "error-import-too-many"));
            break;
        }
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let row = e.position().map_or(row, |p| p.line());
                errors.push(whole(row, "error-import-row-shape"));
                continue;
            }
        };
        let cell = |name: &str| -> String {
            header
                .iter()
                .position(|c| c == name)
                .and_then(|i| record.get(i))
                .map(unguard)
                .unwrap_or_default()
        };
        let key = |name: &str| -> String {
            let value = cell(name);
            let lower = value.trim().to_lowercase();
            labels.get(&lower).cloned().unwrap_or(lower)
        };
        let form = NoteForm {
            note_type: key("type"),
            title: cell("title"),
            summary: cell("summary"),
            implications: cell("implications"),
            category: key("category"),
            secondary: cell("secondary")
                .split([',', ';'])
                .map(|c| {
                    let lower = c.trim().to_lowercase();
                    labels.get(&lower).cloned().unwrap_or(lower)
                })
                .filter(|c| !c.is_empty())
                .collect(),
            direction: cell("direction"),
            time_band: key("time_band"),
            scope: cell("scope"),
            tags: cell("tags"),
            phase: cell("phase"),
            parent: cell("parent"),
            version: String::new(),
        };
        match form.validate(phases) {
            Ok(note) => notes.push((row, note)),
            Err(field_errors) => {
                for (field, message) in field_errors.iter() {
                    errors.push(ImportError {
                        row,
                        column: field.to_string(),
                        message,
                    });
                }
            }
        }
    }
    if notes.is_empty() && errors.is_empty() {
        errors.push(whole(2, "error-import-empty"));
    }
    if errors.is_empty() {
        Ok(notes)
    } else {
        Err(errors)
    }
}

/// The line a record starts on, as a spreadsheet would number it.
fn reader_row(record: &Result<csv::StringRecord, csv::Error>) -> Option<u64> {
    match record {
        Ok(r) => r.position().map(|p| p.line()),
        Err(_) => None,
    }
}

fn whole(row: u64, message: &'static str) -> ImportError {
    ImportError {
        row,
        column: String::new(),
        message,
    }
}

/// A cell as exported, without the apostrophe that kept a spreadsheet from running it.
fn unguard(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_string(),
        _ => cell.to_string(),
    }
}
