//! What the editorial team publishes: each phase's editorial outputs (named in its file in
//! `phases/`) and news posts; their way from draft through review to publication (at once
//! or at a set time) and back; who may take each step; and a readable diff between two
//! revisions.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::access::Subject;
use super::event::parse_local;
use super::form::{self, FieldErrors};
use super::programme::Programme;
use super::user::Role;

keyed_enum! {
    /// An editorial output of a phase, or a news post.
    PublicationKind {
        Output => "output",
        News => "news",
    }
}

keyed_enum! {
    /// Where a text stands.
    PublicationStatus {
        Draft => "draft",
        InReview => "in_review",
        Published => "published",
        Unpublished => "unpublished",
    }
}

keyed_enum! {
    /// A step in the editorial workflow.
    Step {
        Submit => "submit",
        Return => "return",
        Publish => "publish",
        Unpublish => "unpublish",
    }
}

/// What a revision of a text records besides a [`Step`]: its text saved, or an earlier
/// version restored.
pub const EDIT_ACTIONS: [&str; 2] = ["save", "restore"];

/// Every action a revision of a text can record, as its history shows them.
pub fn revision_actions() -> impl Iterator<Item = &'static str> {
    EDIT_ACTIONS
        .into_iter()
        .chain(Step::ALL.iter().map(|step| step.key()))
}

/// Writing, reviewing and publishing: editors (and administrators).
pub fn can_edit(subject: &Subject) -> bool {
    subject.roles.contains(&Role::Editor) || subject.can_administer()
}

/// The status a step leads to, or why it may not be taken. With `second_reviewer` set
/// by the programme, nobody publishes a text they were the last to write.
pub fn step(
    current: PublicationStatus,
    step: Step,
    actor: i64,
    last_author: Option<i64>,
    second_reviewer: bool,
) -> Result<PublicationStatus, &'static str> {
    use PublicationStatus::*;
    match (step, current) {
        (Step::Submit, Draft | Unpublished) => Ok(InReview),
        (Step::Return, InReview) => Ok(Draft),
        (Step::Publish, InReview) => {
            if second_reviewer && last_author == Some(actor) {
                Err("error-publish-own")
            } else {
                Ok(Published)
            }
        }
        (Step::Unpublish, Published) => Ok(Unpublished),
        _ => Err("error-publication-step"),
    }
}

/// Whether the public sees a text now: published, and its publication time reached.
pub fn is_public(status: PublicationStatus, publish_at: Option<i64>, now: i64) -> bool {
    status == PublicationStatus::Published && publish_at.is_none_or(|at| at <= now)
}

/// Texts are edited while they are drafts or taken down (saving makes either a draft).
pub fn is_editable(status: PublicationStatus) -> bool {
    matches!(
        status,
        PublicationStatus::Draft | PublicationStatus::Unpublished
    )
}

pub const TITLE_MAX: usize = 300;
pub const BODY_MAX: usize = 200_000;

/// A text as its form is filled in.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PublicationForm {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub phase: String,
    /// The editorial output of the phase (its slug), for kind `output`.
    #[serde(default)]
    pub output: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub version: String,
    /// `save` or `preview`.
    #[serde(default)]
    pub action: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidPublication {
    pub kind: PublicationKind,
    pub phase: Option<String>,
    pub output: Option<String>,
    pub title: String,
    pub body: String,
}

impl PublicationForm {
    /// Checks the form against the programme: an output names a phase and one of that
    /// phase's editorial outputs; news may name a phase.
    pub fn validate(&self, programme: &Programme) -> Result<ValidPublication, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = PublicationKind::parse(self.kind.trim());
        if kind.is_none() {
            errors.add("kind", "error-choose");
        }
        let title = form::required(&mut errors, "title", &self.title);
        form::max_chars(&mut errors, "title", &title, TITLE_MAX);
        form::max_chars(&mut errors, "body", &self.body, BODY_MAX);
        if !super::embed::unreadable(&self.body).is_empty() {
            errors.add("body", "error-embed-unreadable");
        }
        let phase_slug = form::optional(&self.phase);
        let phase = phase_slug
            .as_deref()
            .and_then(|s| programme.phases.iter().find(|p| p.slug == s));
        if phase_slug.is_some() && phase.is_none() {
            errors.add("phase", "error-unknown-phase");
        }
        let output = form::optional(&self.output);
        if kind == Some(PublicationKind::Output) {
            let known = phase.and_then(|p| p.editorial()).is_some_and(|e| {
                output
                    .as_deref()
                    .is_some_and(|o| e.outputs.iter().any(|x| x.slug == o))
            });
            if phase.is_none() {
                errors.add("phase", "error-output-phase");
            } else if !known {
                errors.add("output", "error-output-unknown");
            }
        }
        match kind {
            Some(kind) if errors.is_empty() => Ok(ValidPublication {
                kind,
                output: if kind == PublicationKind::Output {
                    output
                } else {
                    None
                },
                phase: phase_slug,
                title,
                body: self.body.replace("\r\n", "\n").trim_end().to_string(),
            }),
            _ => Err(errors),
        }
    }
}

/// When to publish, as typed: empty is now; a time must lie ahead.
pub fn publish_time(typed: &str, tz: Tz, now: DateTime<Utc>) -> Result<Option<i64>, &'static str> {
    if typed.trim().is_empty() {
        return Ok(None);
    }
    let at = parse_local(typed, tz)?;
    if at <= now {
        return Err("error-publish-in-past");
    }
    Ok(Some(at.timestamp()))
}

/// One line of a diff between two revisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffLine {
    /// `equal`, `insert` or `delete`.
    pub tag: &'static str,
    pub text: String,
}

/// The lines that differ between two texts, with the unchanged lines between them (by
/// line, as editors read Markdown).
pub fn diff(before: &str, after: &str) -> Vec<DiffLine> {
    use similar::{ChangeTag, TextDiff};
    TextDiff::from_lines(before, after)
        .iter_all_changes()
        .map(|change| DiffLine {
            tag: match change.tag() {
                ChangeTag::Equal => "equal",
                ChangeTag::Insert => "insert",
                ChangeTag::Delete => "delete",
            },
            text: change.value().trim_end_matches('\n').to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workflow_takes_only_its_steps() {
        use PublicationStatus::*;
        assert_eq!(step(Draft, Step::Submit, 1, Some(1), true), Ok(InReview));
        assert_eq!(step(InReview, Step::Return, 2, Some(1), true), Ok(Draft));
        assert_eq!(
            step(InReview, Step::Publish, 2, Some(1), true),
            Ok(Published)
        );
        assert_eq!(
            step(InReview, Step::Publish, 1, Some(1), true),
            Err("error-publish-own")
        );
        assert_eq!(
            step(InReview, Step::Publish, 1, Some(1), false),
            Ok(Published)
        );
        assert_eq!(
            step(Published, Step::Unpublish, 1, None, true),
            Ok(Unpublished)
        );
        assert_eq!(step(Unpublished, Step::Submit, 1, None, true), Ok(InReview));
        assert_eq!(
            step(Draft, Step::Publish, 2, Some(1), true),
            Err("error-publication-step")
        );
    }

    #[test]
    fn public_means_published_and_its_time_reached() {
        use PublicationStatus::*;
        assert!(is_public(Published, None, 10));
        assert!(is_public(Published, Some(10), 10));
        assert!(!is_public(Published, Some(11), 10));
        assert!(!is_public(InReview, None, 10));
        assert!(!is_public(Unpublished, None, 10));
    }

    #[test]
    fn a_publication_time_must_lie_ahead() {
        let tz = chrono_tz::Europe::Stockholm;
        let now = "2026-11-24T10:00:00Z".parse::<DateTime<Utc>>().unwrap();
        assert_eq!(publish_time("", tz, now), Ok(None));
        assert_eq!(
            publish_time("2026-11-24T10:00", tz, now),
            Err("error-publish-in-past")
        );
        assert!(publish_time("2026-11-25T09:00", tz, now).unwrap().is_some());
        assert_eq!(publish_time("i morgon", tz, now), Err("error-datetime"));
    }

    #[test]
    fn a_diff_marks_inserted_and_deleted_lines() {
        let lines = diff("Rubrik\nGammal rad\nSlut\n", "Rubrik\nNy rad\nSlut\n");
        let tags: Vec<(&str, &str)> = lines.iter().map(|l| (l.tag, l.text.as_str())).collect();
        assert_eq!(
            tags,
            [
                ("equal", "Rubrik"),
                ("delete", "Gammal rad"),
                ("insert", "Ny rad"),
                ("equal", "Slut")
            ]
        );
    }
}
