//! The editorial team's texts: writing, the workflow from draft through review to
//! publication (freezing the embedded material in the transaction that publishes),
//! restoring a revision, uploading an illustration, and compiling the final publication.
//! No web types.

use std::sync::Arc;

use rusqlite::Connection;

use super::{Error, Result, embeds, transaction};
use crate::domain::access::Subject;
use crate::domain::embed::problems;
use crate::domain::form::FieldErrors;
use crate::domain::programme::{Phase, Programme};
use crate::domain::publication::{
    PublicationKind, Step, ValidPublication, can_edit, is_editable, is_public, publish_time, step,
};
use crate::storage::audit::{self, Actor};
use crate::storage::publications::{self, Change, Publication};
use crate::storage::sources::{self, SourceFilter, SourceSummary};
use crate::storage::users::User;
use crate::storage::{self, Db, Edit, images};

/// The editor acting, or why not.
fn editor(user: &User) -> Result<i64> {
    let subject = Subject {
        roles: &user.roles,
        organisation_id: user.organisation_id,
    };
    if can_edit(&subject) {
        Ok(user.id)
    } else {
        Err(Error::Forbidden)
    }
}

fn record(
    tx: &Connection,
    actor: &Actor,
    action: &str,
    id: i64,
    detail: Option<&str>,
) -> Result<()> {
    audit::record(
        tx,
        actor,
        action,
        Some(&format!("publication:{id}")),
        detail,
    )?;
    Ok(())
}

/// A new text, stored as a draft; its id.
pub async fn create(db: &Db, user: &User, actor: &Actor, text: ValidPublication) -> Result<i64> {
    let (by, actor) = (editor(user)?, actor.clone());
    transaction::write(db, move |tx| {
        let id = publications::insert(tx, &text, by)?;
        record(tx, &actor, "publication.create", id, None)?;
        Ok(id)
    })
    .await
}

/// A text the editor may still edit (a draft, returned or unpublished one).
pub async fn editable(db: &Db, user: &User, id: i64) -> Result<Publication> {
    editor(user)?;
    let text = db
        .read(move |c| publications::get(c, id))
        .await?
        .ok_or(Error::NotFound)?;
    if !is_editable(text.status) {
        return Err(Error::Forbidden);
    }
    Ok(text)
}

/// Saves an edit made from `base` (the text a draft again). Someone who saved first
/// makes it [`Edit::Stale`], with their text; nothing is overwritten.
pub async fn update(
    db: &Db,
    user: &User,
    actor: &Actor,
    id: i64,
    base: i64,
    text: ValidPublication,
) -> Result<Edit<Publication>> {
    let (by, actor) = (editor(user)?, actor.clone());
    transaction::write(db, move |tx| {
        let current = publications::get(tx, id)?.ok_or(Error::NotFound)?;
        if !is_editable(current.status) {
            return Err(Error::Forbidden);
        }
        let written = publications::update(tx, id, base, &text, by, "save")?;
        if written.is_saved() {
            record(tx, &actor, "publication.update", id, None)?;
        }
        Ok(written)
    })
    .await
}

/// A workflow step as asked for.
#[derive(Debug, Clone)]
pub struct StepInput {
    pub step: Step,
    /// The version the step was asked from (none: the text as it is now).
    pub version: Option<i64>,
    /// Why it is returned (required to return it).
    pub comment: String,
    /// When the public may see it (a publication; empty: at once), as typed in the
    /// programme's time zone.
    pub publish_at: String,
}

impl StepInput {
    /// Publishing at once, from the text as it is.
    pub fn publish() -> StepInput {
        StepInput {
            step: Step::Publish,
            version: None,
            comment: String::new(),
            publish_at: String::new(),
        }
    }
}

/// What became of a workflow step.
#[derive(Debug, Clone, PartialEq)]
pub enum StepOutcome {
    Taken,
    /// The step may not be taken as asked: the errors at the form's fields.
    Invalid(FieldErrors),
    /// Publishing would show material a visitor may not see (or a reference to nothing).
    Refused,
    /// Someone moved the text on first.
    Stale,
}

/// Takes a workflow step: submit for review, return with a comment, publish (now or
/// at a set time) with its embedded material frozen in the same transaction, unpublish.
pub async fn take_step(
    db: &Db,
    programme: &Arc<Programme>,
    user: &User,
    actor: &Actor,
    id: i64,
    input: StepInput,
) -> Result<StepOutcome> {
    let (programme, user, actor) = (programme.clone(), user.clone(), actor.clone());
    transaction::write(db, move |tx| {
        take_step_in(tx, &programme, &user, &actor, id, &input)
    })
    .await
}

/// Publishes the text `id` at once, as it is now, as [`take_step`] does.
pub async fn publish(
    db: &Db,
    programme: &Arc<Programme>,
    user: &User,
    actor: &Actor,
    id: i64,
) -> Result<StepOutcome> {
    take_step(db, programme, user, actor, id, StepInput::publish()).await
}

/// [`take_step`] inside a write transaction the caller holds (loading data in bulk).
pub fn take_step_in(
    tx: &Connection,
    programme: &Programme,
    user: &User,
    actor: &Actor,
    id: i64,
    input: &StepInput,
) -> Result<StepOutcome> {
    let by = editor(user)?;
    let text = publications::get(tx, id)?.ok_or(Error::NotFound)?;
    let chosen = input.step;
    let mut errors = FieldErrors::new();
    let next = step(
        text.status,
        chosen,
        by,
        text.last_author,
        programme.second_reviewer,
    )
    .map_err(|m| errors.add("step", m))
    .ok();
    let comment = input.comment.trim();
    if chosen == Step::Return && comment.is_empty() {
        errors.add("comment", "error-return-comment");
    }
    let publish_at = if chosen == Step::Publish {
        let now = chrono::DateTime::from_timestamp(storage::now_seconds(), 0).unwrap_or_default();
        publish_time(&input.publish_at, programme.time_zone, now)
            .map_err(|m| errors.add("publish_at", m))
            .ok()
            .flatten()
    } else {
        None
    };
    let Some(next) = next.filter(|_| errors.is_empty()) else {
        return Ok(StepOutcome::Invalid(errors));
    };
    // The material is frozen in the same transaction that publishes, so the snapshot is
    // what the text showed at that moment.
    let snapshot = if chosen == Step::Publish {
        let material = embeds::gather(tx, programme, &text.body, storage::now_seconds())?;
        if !problems(&material).is_empty() {
            return Ok(StepOutcome::Refused);
        }
        Some(material)
    } else {
        None
    };
    let change = Change {
        status: next,
        publish_at,
        comment: (!comment.is_empty()).then_some(comment),
        action: chosen.key(),
        snapshot: snapshot.as_ref(),
    };
    let base = input.version.unwrap_or(text.version);
    if !publications::set_status(tx, id, base, &change, by)? {
        return Ok(StepOutcome::Stale);
    }
    if chosen == Step::Submit {
        let others: Vec<User> =
            super::outbox::people_with(tx, crate::domain::user::Role::Editor, None)?
                .into_iter()
                .filter(|u| u.id != by)
                .collect();
        let content = crate::domain::mail::Content::ReviewWaiting {
            publication_id: id,
            title: text.title.clone(),
        };
        super::outbox::to_people_in(tx, &others, &content)?;
    }
    record(
        tx,
        actor,
        &format!("publication.{}", chosen.key()),
        id,
        None,
    )?;
    Ok(StepOutcome::Taken)
}

/// Restores the title and text of revision `wanted`: a new revision, a draft again.
pub async fn restore(
    db: &Db,
    user: &User,
    actor: &Actor,
    id: i64,
    wanted: i64,
    base: Option<i64>,
) -> Result<Edit<Publication>> {
    let (by, actor) = (editor(user)?, actor.clone());
    transaction::write(db, move |tx| {
        let text = publications::get(tx, id)?.ok_or(Error::NotFound)?;
        let old = publications::revisions(tx, id)?
            .into_iter()
            .find(|r| r.version == wanted)
            .ok_or(Error::NotFound)?;
        let valid = ValidPublication {
            kind: text.kind,
            phase: text.phase_slug,
            output: text.output_slug,
            title: old.title,
            body: old.body,
        };
        let base = base.unwrap_or(text.version);
        let written = publications::update(tx, id, base, &valid, by, "restore")?;
        if written.is_saved() {
            record(
                tx,
                &actor,
                "publication.restore",
                id,
                Some(&wanted.to_string()),
            )?;
        }
        Ok(written)
    })
    .await
}

/// What became of an uploaded illustration.
#[derive(Debug, Clone, PartialEq)]
pub enum Upload {
    /// Stored under this generated name.
    Stored(String),
    /// Refused by its content or its alt text.
    Refused(FieldErrors),
}

/// Stores an illustration checked by its content, under a generated name, with its alt
/// text.
pub async fn upload_image(
    db: &Db,
    user: &User,
    actor: &Actor,
    bytes: Vec<u8>,
    alt: &str,
) -> Result<Upload> {
    let by = editor(user)?;
    // Decoding and encoding take a while: off the runtime's threads.
    let alt = alt.to_string();
    let checked = tokio::task::spawn_blocking(move || crate::domain::image::check(&bytes, &alt))
        .await
        .map_err(|e| storage::StorageError::Task(e.to_string()))?;
    let valid = match checked {
        Ok(valid) => valid,
        Err(errors) => return Ok(Upload::Refused(errors)),
    };
    // A generated name: nothing of the uploaded file's name reaches a URL or a header.
    let name = format!(
        "{}.{}",
        crate::domain::credentials::new_token()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .take(24)
            .collect::<String>(),
        valid.extension
    );
    let (actor, stored) = (actor.clone(), name.clone());
    transaction::write(db, move |tx| {
        images::insert(tx, &stored, &valid, by)?;
        let target = format!("image:{stored}");
        audit::record(tx, &actor, "image.upload", Some(&target), None)?;
        Ok(())
    })
    .await?;
    Ok(Upload::Stored(name))
}

/// An uploaded image as it may be served to `viewer`: to the editorial team always, to
/// anyone else only once a text the public sees shows it (an illustration of a draft or
/// of a text taken down is not public), or a scenario of a set they may see illustrates
/// it. With its bytes, whether it is public.
pub async fn image(
    db: &Db,
    viewer: Option<&User>,
    name: String,
) -> Result<Option<(String, Vec<u8>, bool)>> {
    let now = db.clock().now_seconds();
    let team = viewer.is_some_and(|u| editor(u).is_ok());
    let found = db
        .read(move |c| {
            let Some((mime, bytes)) = images::get(c, &name)? else {
                return Ok(None);
            };
            let texts = images::texts_showing(c, &name)?;
            let sets = crate::storage::scenarios::sets_illustrated_by(c, &name)?;
            Ok(Some((mime, bytes, texts, sets)))
        })
        .await?;
    let subject = viewer.map(super::subject);
    Ok(found.and_then(|(mime, bytes, texts, sets)| {
        let in_set = |who: Option<&crate::domain::access::Subject>| {
            sets.iter()
                .any(|&(status, public)| crate::domain::scenario::can_see(who, status, public))
        };
        let public = texts.iter().any(|&(status, at)| is_public(status, at, now)) || in_set(None);
        (public || team || in_set(subject.as_ref())).then_some((mime, bytes, public))
    }))
}

/// A phase's published outputs, in the order the phase names them.
pub struct Chapter<'a> {
    pub phase: &'a Phase,
    pub texts: Vec<Publication>,
    /// The phase's scenario sets a visitor sees, with their scenarios.
    pub scenario_sets: Vec<super::scenario_reach::SetWith>,
    /// The phase's published consequences, per set.
    pub consequence_sets: Vec<super::consequence_reach::PublishedSet>,
    /// The phase's published visions with their milestones and actions.
    pub visions: Vec<super::backcasting_pages::PublicVision>,
}

/// What the final publication compiles: the published outputs of every phase, in
/// phase order, and the source bank as a source list sorted by title.
pub async fn compiled<'a>(
    db: &Db,
    programme: &'a Programme,
) -> Result<(Vec<Chapter<'a>>, Vec<SourceSummary>)> {
    let now = db.clock().now_seconds();
    let scenario_phases: Vec<String> = crate::domain::scenario::phases(programme)
        .into_iter()
        .map(String::from)
        .collect();
    let programme_read = programme.clone();
    let (mut texts, mut sources, mut scenario_sets, (mut consequence_sets, mut visions)) = db
        .read(move |c| {
            let visions = super::backcasting_pages::public_by_phase(c, &programme_read)?;
            let scenario_sets = super::scenario_reach::public_by_phase(c, &scenario_phases)?;
            let consequence_sets =
                super::consequence_reach::published_by_phase(c, &programme_read)?;
            let texts = publications::public(c, now, 10_000)?;
            let everything = SourceFilter {
                search: None,
                kind: None,
                by_relevance: false,
                limit: 10_000,
                offset: 0,
            };
            Ok((
                texts,
                sources::search(c, &everything)?.0,
                scenario_sets,
                (consequence_sets, visions),
            ))
        })
        .await?;
    texts.retain(|t| t.kind == PublicationKind::Output);
    let chapters = programme
        .phases
        .iter()
        .filter_map(|phase| {
            let order: Vec<&str> = phase
                .editorial()
                .map(|e| e.outputs.iter().map(|o| o.slug.as_str()).collect())
                .unwrap_or_default();
            let mut own: Vec<Publication> = texts
                .iter()
                .filter(|t| t.phase_slug.as_deref() == Some(phase.slug.as_str()))
                .cloned()
                .collect();
            own.sort_by_key(|t| {
                let at = t.output_slug.as_deref();
                let place = at.and_then(|o| order.iter().position(|x| *x == o));
                (place.unwrap_or(usize::MAX), t.id)
            });
            let sets = scenario_sets.remove(&phase.slug).unwrap_or_default();
            let consequences = consequence_sets.remove(&phase.slug).unwrap_or_default();
            let phase_visions = visions.remove(&phase.slug).unwrap_or_default();
            (!own.is_empty()
                || !sets.is_empty()
                || !consequences.is_empty()
                || !phase_visions.is_empty())
            .then_some(Chapter {
                phase,
                texts: own,
                scenario_sets: sets,
                consequence_sets: consequences,
                visions: phase_visions,
            })
        })
        .collect();
    sources.sort_by_key(|s| s.title.to_lowercase());
    Ok((chapters, sources))
}
