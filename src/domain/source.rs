//! The source bank (omvärldsbank): the reports, forecasts, scenario studies, statistics,
//! articles and data sets that notes of the bank rest on; the source form and its rules;
//! how a note cites a source (its stance); and who may add, see, edit and cite sources.

use serde::{Deserialize, Serialize};

use super::access::Subject;
use super::bank::{NoteStatus, can_curate, can_edit_note};
use super::form::{self, FieldErrors};
use super::user::Role;

keyed_enum! {
    /// What kind of work a source is.
    SourceKind {
        Report => "report",
        Forecast => "forecast",
        ScenarioStudy => "scenario_study",
        Statistics => "statistics",
        Article => "article",
        Dataset => "dataset",
    }
}

keyed_enum! {
    /// How a note uses a source it cites.
    Stance {
        Supports => "supports",
        Contradicts => "contradicts",
        Context => "context",
    }
}

/// Longest title, longest summary, and longest short text (publisher, authors, scope).
pub const TITLE_MAX: usize = 300;
pub const TEXT_MAX: usize = 20_000;
pub const SHORT_MAX: usize = 500;
/// Longest link kept.
pub const LINK_MAX: usize = 2_000;
/// The years a source may carry.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// A source as its form is filled in (strings, so nothing typed is lost).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SourceForm {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub publisher: String,
    #[serde(default)]
    pub authors: String,
    #[serde(default)]
    pub year: String,
    #[serde(default)]
    pub link: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub scope: String,
    /// The version the edit started from (stale edits are refused).
    #[serde(default)]
    pub version: String,
}

/// A checked source, ready to store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidSource {
    pub kind: SourceKind,
    pub title: String,
    pub publisher: Option<String>,
    pub authors: Option<String>,
    pub year: Option<i32>,
    /// An http or https address, its scheme in lower case.
    pub link: Option<String>,
    /// A short language code in lower case (sv, nb, en, fin …).
    pub language: Option<String>,
    /// Markdown.
    pub summary: String,
    pub scope: Option<String>,
}

impl SourceForm {
    pub fn validate(&self) -> Result<ValidSource, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = SourceKind::parse(self.kind.trim());
        if kind.is_none() {
            errors.add("kind", "error-source-kind");
        }
        let title = form::required(&mut errors, "title", &self.title);
        form::max_chars(&mut errors, "title", &title, TITLE_MAX);
        for (field, value) in [
            ("publisher", &self.publisher),
            ("authors", &self.authors),
            ("scope", &self.scope),
        ] {
            form::max_chars(&mut errors, field, value.trim(), SHORT_MAX);
        }
        let year = form::optional(&self.year).map(|y| parse_year(&y));
        if matches!(year, Some(None)) {
            errors.add("year", "error-source-year");
        }
        let link = form::optional(&self.link).map(|l| parse_link(&l));
        if matches!(link, Some(None)) {
            errors.add("link", "error-source-link");
        }
        let language = form::optional(&self.language).map(|l| parse_language(&l));
        if matches!(language, Some(None)) {
            errors.add("language", "error-source-language");
        }
        let summary = self.summary.trim().to_string();
        form::max_chars(&mut errors, "summary", &summary, TEXT_MAX);
        match kind {
            Some(kind) if errors.is_empty() => Ok(ValidSource {
                kind,
                title,
                publisher: form::optional(&self.publisher),
                authors: form::optional(&self.authors),
                year: year.flatten(),
                link: link.flatten(),
                language: language.flatten(),
                summary,
                scope: form::optional(&self.scope),
            }),
            _ => Err(errors),
        }
    }
}

/// A year between 1900 and 2100.
pub fn parse_year(typed: &str) -> Option<i32> {
    typed
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| YEARS.contains(y))
}

/// An http or https address with a host and nothing that could break out of it (no
/// spaces, quotes or angle brackets); the scheme comes back in lower case.
pub fn parse_link(typed: &str) -> Option<String> {
    let typed = typed.trim();
    let (scheme, rest) = typed.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let clean = |s: &str| {
        !s.chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\'))
    };
    let ok = !host.is_empty()
        && !host.starts_with(['.', ':', '@'])
        && clean(rest)
        && typed.chars().count() <= LINK_MAX;
    ok.then(|| format!("{scheme}://{rest}"))
}

/// A short language code: two or three letters a–z (typed capitals are lowered).
pub fn parse_language(typed: &str) -> Option<String> {
    let code = typed.trim().to_ascii_lowercase();
    ((2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase())).then_some(code)
}

/// Sources are for members: any signed-in person sees them, a visitor none.
pub fn can_see_source(viewer: Option<&Subject>) -> bool {
    viewer.is_some()
}

/// Any signed-in member may add a source (it is recorded under their organisation).
pub fn can_add_source(_subject: &Subject) -> bool {
    true
}

/// Editing a source: the strategists of the organisation that added it, and the curators
/// of the bank (editors and process leaders).
pub fn can_edit_source(subject: &Subject, owner: i64) -> bool {
    can_curate(subject)
        || (subject.roles.contains(&Role::Strategist) && subject.organisation_id == owner)
}

/// Citing sources from a note (and removing them) goes with writing the note's text.
pub fn can_cite_from_note(subject: &Subject, status: NoteStatus, owner: i64) -> bool {
    can_edit_note(subject, status, owner)
}

/// Citing a source from a note, as its small form is filled in.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CitationForm {
    /// The source's number.
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub stance: String,
}

impl CitationForm {
    /// The source's number and the stance; whether the source exists is storage's answer.
    pub fn validate(&self) -> Result<(i64, Stance), FieldErrors> {
        let mut errors = FieldErrors::new();
        let typed = self.source.trim().trim_start_matches('#');
        let source = typed.parse::<i64>().ok().filter(|id| *id > 0);
        if typed.is_empty() {
            errors.add("source", "error-required");
        } else if source.is_none() {
            errors.add("source", "error-source-number");
        }
        let stance = Stance::parse(self.stance.trim());
        if stance.is_none() {
            errors.add("stance", "error-choose");
        }
        match (source, stance) {
            (Some(source), Some(stance)) if errors.is_empty() => Ok((source, stance)),
            _ => Err(errors),
        }
    }
}

/// Items grouped by stance, in the order supports, contradicts, context; empty groups left
/// out, each group in the order given.
pub fn by_stance<T>(items: Vec<(T, Stance)>) -> Vec<(Stance, Vec<T>)> {
    let mut groups: Vec<(Stance, Vec<T>)> = Stance::ALL.iter().map(|s| (*s, Vec::new())).collect();
    for (item, stance) in items {
        if let Some((_, group)) = groups.iter_mut().find(|(s, _)| *s == stance) {
            group.push(item);
        }
    }
    groups.retain(|(_, group)| !group.is_empty());
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> SourceForm {
        SourceForm {
            kind: "report".into(),
            title: "Befolkningsprognos för Skåne 2024–2050".into(),
            publisher: " Länsstyrelsen i Skåne ".into(),
            authors: "".into(),
            year: "2024".into(),
            link: "HTTPS://www.lansstyrelsen.se/skane/rapport.pdf?sida=2#fig".into(),
            language: "SV".into(),
            summary: "  Fler äldre, färre i **arbetsför ålder**.  ".into(),
            scope: "Skåne".into(),
            version: String::new(),
        }
    }

    #[test]
    fn a_valid_source_is_trimmed_and_normalised() {
        let source = form().validate().unwrap();
        assert_eq!(source.kind, SourceKind::Report);
        assert_eq!(source.publisher.as_deref(), Some("Länsstyrelsen i Skåne"));
        assert_eq!(source.authors, None);
        assert_eq!(source.year, Some(2024));
        assert_eq!(
            source.link.as_deref(),
            Some("https://www.lansstyrelsen.se/skane/rapport.pdf?sida=2#fig")
        );
        assert_eq!(source.language.as_deref(), Some("sv"));
        assert_eq!(source.summary, "Fler äldre, färre i **arbetsför ålder**.");
    }

    #[test]
    fn only_the_title_and_kind_are_required() {
        let source = SourceForm {
            kind: "dataset".into(),
            title: "Kolada".into(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!(
            (source.year, source.link, source.language, source.scope),
            (None, None, None, None)
        );
    }

    #[test]
    fn an_unknown_kind_is_refused() {
        for kind in ["", "rumour", "Report"] {
            let mut f = form();
            f.kind = kind.into();
            assert_eq!(
                f.validate().unwrap_err().get("kind"),
                Some("error-source-kind"),
                "{kind:?}"
            );
        }
        for kind in SourceKind::ALL {
            let mut f = form();
            f.kind = kind.key().into();
            assert_eq!(f.validate().unwrap().kind, *kind);
        }
    }

    #[test]
    fn the_title_is_required_and_at_most_300_characters() {
        let mut f = form();
        f.title = "  ".into();
        assert_eq!(
            f.validate().unwrap_err().get("title"),
            Some("error-required")
        );
        f.title = "å".repeat(TITLE_MAX);
        assert!(f.validate().is_ok(), "300 characters, not bytes");
        f.title = "å".repeat(TITLE_MAX + 1);
        assert_eq!(
            f.validate().unwrap_err().get("title"),
            Some("error-too-long")
        );
    }

    #[test]
    fn publisher_authors_and_scope_are_at_most_500_characters() {
        for field in ["publisher", "authors", "scope"] {
            let mut f = form();
            let long = "ö".repeat(SHORT_MAX + 1);
            match field {
                "publisher" => f.publisher = long,
                "authors" => f.authors = long,
                _ => f.scope = long,
            }
            assert_eq!(
                f.validate().unwrap_err().get(field),
                Some("error-too-long"),
                "{field}"
            );
        }
    }

    #[test]
    fn the_year_is_between_1900_and_2100() {
        for ok in ["1900", "2100", " 2050 "] {
            let mut f = form();
            f.year = ok.into();
            assert!(f.validate().is_ok(), "{ok}");
        }
        for bad in ["1899", "2101", "tjugohundra", "2024.5", "-2024"] {
            let mut f = form();
            f.year = bad.into();
            assert_eq!(
                f.validate().unwrap_err().get("year"),
                Some("error-source-year"),
                "{bad}"
            );
        }
    }

    #[test]
    fn only_http_and_https_links_are_accepted() {
        assert_eq!(
            parse_link("http://scb.se").as_deref(),
            Some("http://scb.se")
        );
        for bad in [
            "javascript:alert(1)",
            "javascript://scb.se/%0Aalert(1)",
            "ftp://scb.se/fil",
            "mailto:info@scb.se",
            "www.scb.se",
            "https://",
            "https:///sökväg",
            "https://scb .se",
            "https://scb.se/\"onmouseover",
            "https://scb.se/<script>",
        ] {
            let mut f = form();
            f.link = bad.into();
            assert_eq!(
                f.validate().unwrap_err().get("link"),
                Some("error-source-link"),
                "{bad}"
            );
        }
        let mut f = form();
        f.link = format!("https://scb.se/{}", "a".repeat(LINK_MAX));
        assert_eq!(
            f.validate().unwrap_err().get("link"),
            Some("error-source-link")
        );
    }

    #[test]
    fn the_language_is_a_code_of_two_or_three_letters() {
        for (typed, kept) in [("sv", "sv"), ("NB", "nb"), (" fin ", "fin"), ("da", "da")] {
            assert_eq!(parse_language(typed).as_deref(), Some(kept));
        }
        for bad in ["s", "svenska", "s1", "sv-SE", "så", "e n"] {
            let mut f = form();
            f.language = bad.into();
            assert_eq!(
                f.validate().unwrap_err().get("language"),
                Some("error-source-language"),
                "{bad}"
            );
        }
    }

    #[test]
    fn the_summary_is_at_most_20000_characters() {
        let mut f = form();
        f.summary = "ä".repeat(TEXT_MAX);
        assert!(f.validate().is_ok());
        f.summary = "ä".repeat(TEXT_MAX + 1);
        assert_eq!(
            f.validate().unwrap_err().get("summary"),
            Some("error-too-long")
        );
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let f = SourceForm {
            kind: "x".into(),
            title: "".into(),
            year: "1800".into(),
            link: "file:///etc/passwd".into(),
            language: "svenska".into(),
            ..Default::default()
        };
        let errors = f.validate().unwrap_err();
        for field in ["kind", "title", "year", "link", "language"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn a_citation_needs_a_source_number_and_a_stance() {
        let ok = CitationForm {
            source: " #12 ".into(),
            stance: "contradicts".into(),
        };
        assert_eq!(ok.validate().unwrap(), (12, Stance::Contradicts));
        let errors = CitationForm::default().validate().unwrap_err();
        assert_eq!(errors.get("source"), Some("error-required"));
        assert_eq!(errors.get("stance"), Some("error-choose"));
        for bad in ["tolv", "0", "-3", "1.5"] {
            let form = CitationForm {
                source: bad.into(),
                stance: "supports".into(),
            };
            assert_eq!(
                form.validate().unwrap_err().get("source"),
                Some("error-source-number"),
                "{bad}"
            );
        }
    }

    #[test]
    fn citations_group_by_stance_in_a_fixed_order() {
        let groups = by_stance(vec![
            ("c", Stance::Context),
            ("a", Stance::Supports),
            ("b", Stance::Supports),
        ]);
        assert_eq!(
            groups,
            vec![
                (Stance::Supports, vec!["a", "b"]),
                (Stance::Context, vec!["c"])
            ]
        );
        assert!(by_stance::<i64>(Vec::new()).is_empty());
    }

    #[test]
    fn members_add_and_see_sources_and_their_organisation_or_curators_edit_them() {
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
        let leader = Subject {
            roles: &[Role::ProcessLeader],
            organisation_id: 9,
        };
        let admin = Subject {
            roles: &[Role::Administrator],
            organisation_id: 9,
        };
        for member in [&own, &other, &editor, &leader, &admin] {
            assert!(can_see_source(Some(member)));
            assert!(can_add_source(member));
        }
        assert!(!can_see_source(None));
        assert!(can_edit_source(&own, 1));
        assert!(!can_edit_source(&other, 1));
        assert!(can_edit_source(&editor, 1));
        assert!(can_edit_source(&leader, 1));
        let editor_of_own = Subject {
            roles: &[Role::Editor],
            organisation_id: 1,
        };
        assert!(can_edit_source(&editor_of_own, 1));
        assert!(can_cite_from_note(&own, NoteStatus::Draft, 1));
        assert!(!can_cite_from_note(&other, NoteStatus::Draft, 1));
        assert!(!can_cite_from_note(&own, NoteStatus::Curated, 1));
        assert!(can_cite_from_note(&editor, NoteStatus::Curated, 1));
        assert!(!can_cite_from_note(&editor, NoteStatus::Archived, 1));
    }
}
