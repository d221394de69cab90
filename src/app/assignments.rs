//! Home assignments: an organisation's strategists save and submit their phase's
//! submission; process leaders return or accept it. No web types.

use std::collections::HashMap;
use std::sync::Arc;

use rusqlite::Connection;

use super::{Error, Result, subject, transaction};
use crate::domain::assignment::{
    self, Action, AssessedSet, Bank, Errors, Typed, can_read, can_review, can_write, kept_part,
    read_answers, read_part, transition,
};
use crate::domain::backcasting::MilestonePart;
use crate::domain::bank::{NoteStatus, NoteType, note_number};
use crate::domain::consequence::PartItem;
use crate::domain::programme::{AssignmentPart, HomeAssignment, Phase, Programme};
use crate::storage::audit::{self, Actor};
use crate::storage::bank::{self as notes, Brief};
use crate::storage::consequences;
use crate::storage::scenarios::{self, Scenario, Set};
use crate::storage::submissions::{self, Draft, Submission};
use crate::storage::users::User;
use crate::storage::{self, Db, Edit};

/// The phase `slug` and its home assignment.
pub fn phase_with_assignment<'a>(
    programme: &'a Programme,
    slug: &str,
) -> Result<(&'a Phase, &'a HomeAssignment)> {
    let phase = programme
        .phases
        .iter()
        .find(|p| p.slug == slug)
        .ok_or(Error::NotFound)?;
    Ok((phase, phase.home_assignment().ok_or(Error::NotFound)?))
}

/// The notes typed into a form, as the bank knows them, the scenario set the phase's
/// organisations assess, and the set whose consequences they write with their own
/// consequences of the phase.
struct Briefs(
    HashMap<i64, Brief>,
    Option<AssessedSet>,
    Option<AssessedSet>,
    Vec<PartItem>,
    Option<MilestonePart>,
);

impl Bank for Briefs {
    fn is_rankable_trend(&self, note: i64) -> bool {
        self.0.get(&note).is_some_and(|b| {
            b.note_type == NoteType::Trend
                && matches!(b.status, NoteStatus::Submitted | NoteStatus::Curated)
        })
    }

    fn assessed_set(&self) -> Option<&AssessedSet> {
        self.1.as_ref()
    }

    fn consequence_set(&self) -> Option<&AssessedSet> {
        self.2.as_ref()
    }

    fn own_consequences(&self) -> &[PartItem] {
        &self.3
    }

    fn own_vision(&self) -> Option<&MilestonePart> {
        self.4.as_ref()
    }
}

fn briefs_of(c: &Connection, typed: &Typed, set: Option<AssessedSet>) -> storage::Result<Briefs> {
    let ids: Vec<i64> = typed
        .iter()
        .filter(|(k, _)| {
            !k.ends_with("-reason") && !k.starts_with("answer-") && !k.starts_with("scenario-")
        })
        .filter_map(|(_, v)| note_number(v))
        .take(64)
        .collect();
    let found = notes::briefs(c, &ids)?;
    Ok(Briefs(
        found.into_iter().map(|b| (b.id, b)).collect(),
        set,
        None,
        Vec::new(),
        None,
    ))
}

/// The scenario set a phase's organisations assess, with its scenarios in order, when
/// the phase's home assignment asks for the assessment and there is a set to assess.
fn assessed_of(
    c: &Connection,
    assignment: &HomeAssignment,
    phase: &str,
) -> storage::Result<Option<(Set, Vec<Scenario>)>> {
    if !assignment.parts.contains(&AssignmentPart::ScenarioRating) {
        return Ok(None);
    }
    let Some(set) = scenarios::assessed_set(c, phase)? else {
        return Ok(None);
    };
    let list = scenarios::scenarios(c, set.id)?;
    Ok(Some((set, list)))
}

/// The scenario set the organisations of phase `slug` assess in its home assignment, with
/// its scenarios (none: the phase asks for no assessment, or has no set open or final).
pub async fn assessed(
    db: &Db,
    programme: &Programme,
    slug: &str,
) -> Result<Option<(Set, Vec<Scenario>)>> {
    let (_, assignment) = phase_with_assignment(programme, slug)?;
    if !assignment.parts.contains(&AssignmentPart::ScenarioRating) {
        return Ok(None);
    }
    let (assignment, slug) = (assignment.clone(), slug.to_string());
    Ok(db.read(move |c| assessed_of(c, &assignment, &slug)).await?)
}

/// A strategist's save or submit, as typed.
#[derive(Debug, Clone)]
pub struct WriteInput {
    pub action: Action,
    /// The version the edit started from (none: the submission was not started).
    pub base_version: Option<i64>,
    /// Every field of the form: answers by `answer-<key>`, the structured parts' fields.
    pub typed: Typed,
}

/// What became of a save or submit. Each refusal carries the submission as it stands
/// (none: not started) and the errors at the form's fields.
#[derive(Debug, Clone)]
pub enum WriteOutcome {
    Saved,
    /// The submission is not the organisation's to write now (submitted or accepted).
    Locked {
        current: Option<Submission>,
        errors: Errors,
    },
    /// Something typed is wrong or missing; nothing was stored.
    Invalid {
        current: Option<Submission>,
        errors: Errors,
    },
    /// Someone saved a newer version first: here it is, and nothing was overwritten.
    Stale {
        newer: Box<Submission>,
        errors: Errors,
    },
}

/// Saves the organisation's draft of the phase's home assignment, or submits it. Nothing
/// is taken from a form with an error.
pub async fn write(
    db: &Db,
    programme: &Arc<Programme>,
    user: &User,
    actor: &Actor,
    phase: &str,
    input: WriteInput,
) -> Result<WriteOutcome> {
    phase_with_assignment(programme, phase)?;
    if !can_write(&subject(user), user.organisation_id) {
        return Err(Error::Forbidden);
    }
    let (programme, phase) = (programme.clone(), phase.to_string());
    let (by, org, actor) = (user.id, user.organisation_id, actor.clone());
    transaction::write(db, move |tx| {
        let (_, assignment) = phase_with_assignment(&programme, &phase)?;
        let current = submissions::get(tx, &phase, org)?;
        let mut errors = Errors::new();
        let next = match transition(current.as_ref().map(|s| s.status), input.action) {
            Ok(next) => next,
            Err(message) => {
                errors.insert("status".into(), message);
                return Ok(WriteOutcome::Locked { current, errors });
            }
        };
        let submitting = input.action == Action::Submit;
        let answers = read_answers(assignment, &input.typed, submitting, &mut errors);
        let set = assessed_of(tx, assignment, &phase)?.map(|(set, list)| AssessedSet {
            id: set.id,
            scenarios: list.iter().map(|s| s.id).collect(),
        });
        let mut bank = briefs_of(tx, &input.typed, set)?;
        if assignment.parts.contains(&AssignmentPart::Consequences) {
            bank.2 =
                super::consequences::set_of_phase(tx, &programme, &phase)?.map(|(set, list)| {
                    AssessedSet {
                        id: set.id,
                        scenarios: list.iter().map(|s| s.id).collect(),
                    }
                });
            bank.3 = consequences::of_organisation(tx, org, &phase)?
                .iter()
                .filter_map(|c| c.part_item())
                .collect();
        }
        if assignment.parts.contains(&AssignmentPart::Milestones) {
            bank.4 = super::backcasting::own_part(tx, org, &phase)?;
        }
        let mut parts = serde_json::Map::new();
        for part in &assignment.parts {
            let read = read_part(*part, &input.typed, &bank, submitting, &mut errors);
            let stored = current.as_ref().and_then(|s| s.parts.get(part.key()));
            if let Some(value) = kept_part(*part, read, stored) {
                parts.insert(part.key().to_string(), value);
            }
        }
        if !errors.is_empty() {
            return Ok(WriteOutcome::Invalid { current, errors });
        }
        let draft = Draft {
            phase: &phase,
            organisation: org,
            base_version: input.base_version,
            status: next,
            action: input.action,
            answers: &serde_json::to_value(answers).unwrap_or_default(),
            parts: &serde_json::Value::Object(parts),
        };
        match submissions::write(tx, &draft, by)? {
            Edit::Saved { .. } => {
                if submitting {
                    tell_leaders(tx, &phase, org)?;
                }
                let action = format!("assignment.{}", input.action.key());
                let target = format!("organisation:{org}");
                audit::record(tx, &actor, &action, Some(&target), Some(&phase))?;
                Ok(WriteOutcome::Saved)
            }
            Edit::Missing => Err(Error::NotFound),
            Edit::Stale(newer) => {
                errors.insert("version".into(), "error-stale-edit");
                Ok(WriteOutcome::Stale { newer, errors })
            }
        }
    })
    .await
}

/// Tells the process leaders that organisation `org` submitted its home assignment.
fn tell_leaders(
    tx: &rusqlite::Transaction<'_>,
    phase: &str,
    org: i64,
) -> crate::storage::Result<()> {
    let organisation = crate::storage::organisations::get(tx, org)?
        .map(|o| o.name)
        .unwrap_or_default();
    let leaders = super::outbox::people_with(tx, crate::domain::user::Role::ProcessLeader, None)?;
    let content = crate::domain::mail::Content::AssignmentSubmitted {
        phase: phase.to_string(),
        organisation_id: org,
        organisation,
    };
    super::outbox::to_people_in(tx, &leaders, &content)
}

/// Tells organisation `org`'s strategists that its home assignment was returned (with
/// the comment) or accepted.
fn tell_organisation(
    tx: &rusqlite::Transaction<'_>,
    phase: &str,
    org: i64,
    action: Action,
    comment: Option<&str>,
) -> crate::storage::Result<()> {
    use crate::domain::mail::Content;
    let phase = phase.to_string();
    let content = match action {
        Action::Return => Content::AssignmentReturned {
            phase,
            comment: comment.unwrap_or_default().to_string(),
        },
        Action::Accept => Content::AssignmentAccepted { phase },
        _ => return Ok(()),
    };
    let strategists =
        super::outbox::people_with(tx, crate::domain::user::Role::Strategist, Some(org))?;
    super::outbox::to_people_in(tx, &strategists, &content)
}

/// An organisation's submission for a phase, if `user` may read it.
pub async fn submission(db: &Db, user: &User, phase: &str, org: i64) -> Result<Submission> {
    let phase = phase.to_string();
    let found = db
        .read(move |c| submissions::get(c, &phase, org))
        .await?
        .ok_or(Error::NotFound)?;
    if !can_read(&subject(user), found.organisation_id, found.status) {
        return Err(Error::NotFound);
    }
    Ok(found)
}

/// A process leader's decision on a submission, as typed.
#[derive(Debug, Clone)]
pub struct ReviewInput {
    /// [`Action::Return`] or [`Action::Accept`].
    pub action: Action,
    /// Why it is returned (required to return it).
    pub comment: String,
    /// The version the decision was made on (none: the submission as it is now).
    pub version: Option<i64>,
}

/// What became of a review.
#[derive(Debug, Clone, PartialEq)]
pub enum ReviewOutcome {
    Reviewed,
    /// The decision may not be taken as asked: the errors at the form's fields.
    Invalid(Errors),
    /// The submission moved on since the decision was asked.
    Stale(Errors),
}

/// A process leader returns a submission with a comment, or accepts it.
pub async fn review(
    db: &Db,
    programme: &Programme,
    user: &User,
    actor: &Actor,
    phase: &str,
    org: i64,
    input: ReviewInput,
) -> Result<ReviewOutcome> {
    if !can_review(&subject(user)) {
        return Err(Error::Forbidden);
    }
    phase_with_assignment(programme, phase)?;
    let current = submission(db, user, phase, org).await?;
    let action = input.action;
    let comment = input.comment.trim().to_string();
    let mut errors = Errors::new();
    if action == Action::Return && comment.is_empty() {
        errors.insert("comment".into(), "error-return-comment");
    }
    if comment.chars().count() > assignment::ANSWER_MAX {
        errors.insert("comment".into(), "error-too-long");
    }
    let next = transition(Some(current.status), action)
        .map_err(|message| errors.insert("status".into(), message))
        .ok();
    let Some(next) = next.filter(|_| errors.is_empty()) else {
        return Ok(ReviewOutcome::Invalid(errors));
    };
    let base = input.version.unwrap_or(current.version);
    let (by, id, actor, phase) = (user.id, current.id, actor.clone(), phase.to_string());
    let comment = (!comment.is_empty()).then_some(comment);
    let changed = transaction::write(db, move |tx| {
        let changed = submissions::review(tx, id, base, next, action, comment.as_deref(), by)?;
        if changed {
            tell_organisation(tx, &phase, org, action, comment.as_deref())?;
            let target = format!("organisation:{org}");
            let what = format!("assignment.{}", action.key());
            audit::record(tx, &actor, &what, Some(&target), Some(&phase))?;
        }
        Ok(changed)
    })
    .await?;
    Ok(if changed {
        ReviewOutcome::Reviewed
    } else {
        ReviewOutcome::Stale(Errors::from([("status".into(), "error-stale-edit")]))
    })
}
