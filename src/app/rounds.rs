//! Rating rounds: opening one (a Delphi second round takes the first one's notes),
//! rating in it while it is open, and reading its figures as the round's feedback and
//! anonymity rules allow. No web types.

use std::collections::{BTreeMap, BTreeSet};

use super::{Error, Result, subject, transaction};
use crate::domain::access::Subject;
use crate::domain::bank::{NoteStatus, can_see_note};
use crate::domain::form::FieldErrors;
use crate::domain::rating::{
    NoteFigures, RoundState, ValidRound, ValidRoundEdit, can_follow, can_rate, can_run_rounds,
    can_see_figures, check_new_dates, close_early, field_name, figures, figures_refusal,
    read_sheet, reason_name, state as round_state,
};
use crate::domain::rating_progress::{Progress, progress, rated_notes};
use crate::domain::stats::Summary;
use crate::storage::audit::{self, Actor};
use crate::storage::organisations::{self, Organisation};
use crate::storage::rounds::{self, Rating, Round, RoundNote};
use crate::storage::users::User;
use crate::storage::{self, Db, bank};

/// What became of opening a round.
#[derive(Debug, Clone, PartialEq)]
pub enum CreateOutcome {
    Created(i64),
    /// A note or the first round named is not there to rate: the error at its field.
    Invalid(FieldErrors),
}

/// Opens a round. A second round follows a closed first round only (see
/// [`can_follow`]), under a name of its own, and rates the first round's notes (and any
/// added); otherwise every note named must be in the bank, submitted or curated.
pub async fn create(
    db: &Db,
    user: &User,
    actor: &Actor,
    round: ValidRound,
) -> Result<CreateOutcome> {
    if !can_run_rounds(&subject(user)) {
        return Err(Error::Forbidden);
    }
    let (by, actor) = (user.id, actor.clone());
    let refused = |field, message| Ok(CreateOutcome::Invalid(FieldErrors::one(field, message)));
    transaction::write(db, move |tx| {
        let notes = match round.previous {
            Some(previous) => {
                let Some(first) = rounds::get(tx, previous)? else {
                    return refused("previous", "error-choose");
                };
                let now = storage::now_seconds();
                if !can_follow(round_state(first.opens_at, first.closes_at, now)) {
                    return refused("previous", "error-round-previous-open");
                }
                if first.title.trim() == round.title {
                    return refused("title", "error-round-same-title");
                }
                let mut notes = rounds::note_ids(tx, previous)?;
                notes.extend(
                    round
                        .notes
                        .iter()
                        .filter(|n| !notes.contains(n))
                        .copied()
                        .collect::<Vec<_>>(),
                );
                notes
            }
            None => round.notes.clone(),
        };
        for id in &notes {
            let usable = bank::brief(tx, *id)?
                .is_some_and(|b| matches!(b.status, NoteStatus::Submitted | NoteStatus::Curated));
            if !usable {
                return refused("notes", "error-round-note-unusable");
            }
        }
        let id = rounds::insert(tx, &round, &notes, by)?;
        let target = format!("round:{id}");
        audit::record(
            tx,
            &actor,
            "round.create",
            Some(&target),
            Some(&round.title),
        )?;
        Ok(CreateOutcome::Created(id))
    })
    .await
}

/// What became of changing a round.
#[derive(Debug, Clone, PartialEq)]
pub enum EditOutcome {
    Saved,
    /// The new dates would open a followed round again, or move an answered one back
    /// before its opening: the error at its field, nothing stored.
    Invalid(FieldErrors),
}

/// Gives round `id` a new title, description and dates (extending it, or opening a
/// closed one again, is a later close). Decided in the write that stores them.
pub async fn edit(
    db: &Db,
    user: &User,
    actor: &Actor,
    id: i64,
    edit: ValidRoundEdit,
) -> Result<EditOutcome> {
    if !can_run_rounds(&subject(user)) {
        return Err(Error::Forbidden);
    }
    let actor = actor.clone();
    transaction::write(db, move |tx| {
        if rounds::get(tx, id)?.is_none() {
            return Err(Error::NotFound);
        }
        let (opens, closes) = (edit.opens_at.timestamp(), edit.closes_at.timestamp());
        let followed = rounds::is_followed(tx, id)?;
        let answered = rounds::any_answer(tx, id)?;
        let now = storage::now_seconds();
        if let Err((field, message)) = check_new_dates(opens, closes, now, followed, answered) {
            return Ok(EditOutcome::Invalid(FieldErrors::one(field, message)));
        }
        rounds::update(tx, id, &edit)?;
        let target = format!("round:{id}");
        audit::record(tx, &actor, "round.edit", Some(&target), Some(&edit.title))?;
        Ok(EditOutcome::Saved)
    })
    .await
}

/// Closes round `id` now, if it is open (otherwise nothing changes). Answers are taken
/// only while a round is open, so from this moment its figures are fixed.
pub async fn close(db: &Db, user: &User, actor: &Actor, id: i64) -> Result<()> {
    if !can_run_rounds(&subject(user)) {
        return Err(Error::Forbidden);
    }
    let actor = actor.clone();
    transaction::write(db, move |tx| {
        let round = rounds::get(tx, id)?.ok_or(Error::NotFound)?;
        if let Some(at) = close_early(round.opens_at, round.closes_at, storage::now_seconds()) {
            rounds::set_closes(tx, id, at)?;
            audit::record(
                tx,
                &actor,
                "round.close",
                Some(&format!("round:{id}")),
                None,
            )?;
        }
        Ok(())
    })
    .await
}

/// The round a second round would follow, the title of the first round of its chain and
/// the number the new round gets (2 after a first round, 3 after a second…).
pub async fn next_in_chain(db: &Db, previous: i64) -> Result<(Round, String, usize)> {
    db.read(move |c| {
        let Some(round) = rounds::get(c, previous)? else {
            return Ok(None);
        };
        let (mut first, mut number) = (round.clone(), 2);
        while let Some(p) = first.previous_id {
            match rounds::get(c, p)? {
                Some(r) if number <= 100 => {
                    first = r;
                    number += 1;
                }
                _ => break,
            }
        }
        Ok(Some((round, first.title, number)))
    })
    .await?
    .ok_or(Error::NotFound)
}

/// A round, to anyone signed in.
pub async fn round(db: &Db, id: i64) -> Result<Round> {
    db.read(move |c| rounds::get(c, id))
        .await?
        .ok_or(Error::NotFound)
}

/// What became of a rating sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum RateOutcome {
    Saved,
    /// A value off the scale or a reason too long: nothing was stored.
    Invalid(BTreeMap<String, &'static str>),
    /// The round is not open (any more): nothing was stored.
    Closed(BTreeMap<String, &'static str>),
}

/// Saves a person's answers in round `id` from the fields of the rating form. Whether
/// the round is open is decided inside the write, at the moment of storing.
pub async fn rate(
    db: &Db,
    user: &User,
    actor: &Actor,
    id: i64,
    fields: Vec<(String, String)>,
) -> Result<RateOutcome> {
    let round = round(db, id).await?;
    if !can_rate(&subject(user)) {
        return Err(Error::Forbidden);
    }
    let (user_id, org, actor) = (user.id, user.organisation_id, actor.clone());
    transaction::write(db, move |tx| {
        let notes = rounds::note_ids(tx, id)?;
        let sheet = match read_sheet(&fields, &notes, &round.criteria) {
            Ok(sheet) => sheet,
            Err(errors) => return Ok(RateOutcome::Invalid(errors)),
        };
        if round_state(round.opens_at, round.closes_at, storage::now_seconds()) != RoundState::Open
        {
            let errors = BTreeMap::from([("round".to_string(), "error-round-closed")]);
            return Ok(RateOutcome::Closed(errors));
        }
        rounds::save_sheet(tx, id, user_id, org, &sheet)?;
        audit::record(tx, &actor, "round.rate", Some(&format!("round:{id}")), None)?;
        Ok(RateOutcome::Saved)
    })
    .await
}

/// The round's notes `subject` may see (a note made a draft again or merged stays in
/// the round under its number; one the viewer may not see is left out of their pages).
pub fn visible(notes: Vec<RoundNote>, subject: &Subject) -> Vec<RoundNote> {
    notes
        .into_iter()
        .filter(|n| can_see_note(Some(subject), n.status, n.organisation_id, n.public))
        .collect()
}

/// Figures keyed `"<note>-<criterion>"`.
pub fn keyed(figures: Vec<NoteFigures>) -> BTreeMap<String, NoteFigures> {
    figures
        .into_iter()
        .map(|f| (format!("{}-{}", f.note_id, f.criterion.key()), f))
        .collect()
}

/// Answers as the rating form's fields (`"dk"` for "don't know").
fn as_fields(ratings: &[Rating]) -> impl Iterator<Item = (String, String)> + '_ {
    ratings.iter().map(|r| {
        let value = r.value.map_or("dk".to_string(), |v| v.to_string());
        (field_name(r.note_id, r.criterion), value)
    })
}

/// A person's rating sheet in a round: the notes they may see with their answers and
/// reasons; in a second round the first round's figures and their own answers there;
/// and the figures so far when the round's feedback rule allows.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub round: Round,
    pub notes: Vec<RoundNote>,
    pub state: RoundState,
    /// The person's answers and reasons, by form field.
    pub values: BTreeMap<String, String>,
    pub first_figures: BTreeMap<String, NoteFigures>,
    pub first_own: BTreeMap<String, String>,
    pub show_figures: bool,
    pub figures: BTreeMap<String, NoteFigures>,
    /// The notes shown that the person has answered on every criterion (as stored).
    pub rated: BTreeSet<i64>,
    /// How many of the notes shown are rated.
    pub progress: Progress,
}

/// The figures of a round's notes, of everyone's answers or of one organisation's.
pub async fn figures_of(
    db: &Db,
    round: &Round,
    organisation: Option<i64>,
) -> Result<Vec<NoteFigures>> {
    let (id, criteria, min) = (round.id, round.criteria.clone(), round.min_answers);
    Ok(db
        .read(move |c| {
            let notes = rounds::note_ids(c, id)?;
            let answers = rounds::answers(c, id, None, organisation)?;
            Ok(figures(answers, &notes, &criteria, min))
        })
        .await?)
}

/// A person's rating sheet in round `id`.
pub async fn sheet(db: &Db, user: &User, id: i64) -> Result<Sheet> {
    let round = round(db, id).await?;
    let (user_id, previous) = (user.id, round.previous_id);
    let (notes, own, reasons, earlier) = db
        .read(move |c| {
            let earlier = match previous {
                Some(p) => Some((
                    rounds::ratings(c, p, None, None, Some(user_id))?,
                    rounds::note_ids(c, p)?,
                    rounds::ratings(c, p, None, None, None)?,
                )),
                None => None,
            };
            let own = rounds::ratings(c, id, None, None, Some(user_id))?;
            Ok((
                rounds::notes(c, id)?,
                own,
                rounds::reasons(c, id, Some(user_id))?,
                earlier,
            ))
        })
        .await?;
    let state = round_state(round.opens_at, round.closes_at, db.clock().now_seconds());
    let reasons = reasons
        .into_iter()
        .map(|r| (reason_name(r.note_id), r.reason));
    let values = as_fields(&own).chain(reasons).collect();
    // Delphi: the first round's figures and the person's own answers there.
    let (first_figures, first_own) = match earlier {
        Some((mine, first_notes, all)) => {
            let answers = all.iter().map(|a| (a.note_id, a.criterion, a.value));
            let first = keyed(figures(
                answers,
                &first_notes,
                &round.criteria,
                round.min_answers,
            ));
            (first, as_fields(&mine).collect())
        }
        None => (BTreeMap::new(), BTreeMap::new()),
    };
    let show_figures = can_see_figures(&subject(user), round.feedback, state, !own.is_empty());
    let notes = visible(notes, &subject(user));
    let ids: Vec<i64> = notes.iter().map(|n| n.id).collect();
    let rated = rated_notes(
        own.iter().map(|r| (r.note_id, r.criterion)),
        &ids,
        &round.criteria,
    );
    let progress = progress(&ids, &rated);
    let so_far = if show_figures {
        keyed(figures_of(db, &round, None).await?)
    } else {
        BTreeMap::new()
    };
    Ok(Sheet {
        notes,
        rated,
        progress,
        state,
        values,
        first_figures,
        first_own,
        show_figures,
        figures: so_far,
        round,
    })
}

/// The round and the notes `user` may see in it, when they may see its figures.
pub async fn readable(db: &Db, user: &User, id: i64) -> Result<(Round, Vec<RoundNote>)> {
    let round = round(db, id).await?;
    let user_id = user.id;
    let (notes, answered) = db
        .read(move |c| Ok((rounds::notes(c, id)?, rounds::has_answered(c, id, user_id)?)))
        .await?;
    let state = round_state(round.opens_at, round.closes_at, db.clock().now_seconds());
    if !can_see_figures(&subject(user), round.feedback, state, answered) {
        let reason = figures_refusal(&subject(user), round.feedback, state);
        return Err(Error::Refused(reason));
    }
    Ok((round, visible(notes, &subject(user))))
}

/// The figures of the round's notes `user` may see, of everyone's answers and then of
/// each organisation that answered, with the notes.
pub async fn figures_by_organisation(
    db: &Db,
    user: &User,
    id: i64,
) -> Result<(
    Vec<RoundNote>,
    Vec<(Option<Organisation>, Vec<NoteFigures>)>,
)> {
    let (round, notes) = readable(db, user, id).await?;
    let ids: Vec<i64> = notes.iter().map(|n| n.id).collect();
    let (answers, orgs) = db
        .read(move |c| {
            Ok((
                rounds::ratings(c, id, None, None, None)?,
                organisations::all(c)?,
            ))
        })
        .await?;
    let of = |org: Option<i64>| {
        let chosen = answers
            .iter()
            .filter(|a| org.is_none_or(|o| a.organisation_id == o));
        figures(
            chosen.map(|a| (a.note_id, a.criterion, a.value)),
            &ids,
            &round.criteria,
            round.min_answers,
        )
    };
    let mut groups = vec![(None, of(None))];
    for o in orgs {
        let theirs = of(Some(o.id));
        if theirs.iter().any(|f| f.summary.n + f.summary.dont_know > 0) {
            groups.push((Some(o), theirs));
        }
    }
    Ok((notes, groups))
}

/// One criterion's answers on one note: the figures, the viewer's own answer, and the
/// figures of each organisation that answered.
#[derive(Debug, Clone)]
pub struct CriterionFigures {
    pub criterion: crate::domain::rating::Criterion,
    pub summary: Summary,
    pub own: Option<i32>,
    pub by_organisation: Vec<(String, Summary)>,
}

/// One note of a round with its figures per criterion, when `user` may see them.
pub async fn note_figures(
    db: &Db,
    user: &User,
    id: i64,
    note_id: i64,
) -> Result<(Round, RoundNote, Vec<CriterionFigures>)> {
    let (round, notes) = readable(db, user, id).await?;
    let note = notes
        .into_iter()
        .find(|n| n.id == note_id)
        .ok_or(Error::NotFound)?;
    let (answers, orgs) = db
        .read(move |c| {
            Ok((
                rounds::ratings(c, id, None, None, None)?,
                organisations::all(c)?,
            ))
        })
        .await?;
    let summary = |keep: &dyn Fn(&Rating) -> bool, criterion| {
        let chosen = answers.iter().filter(|a| a.note_id == note_id && keep(a));
        // One figure for the one pair of note and criterion asked.
        figures(
            chosen.map(|a| (a.note_id, a.criterion, a.value)),
            &[note_id],
            &[criterion],
            round.min_answers,
        )
        .remove(0)
        .summary
    };
    let charts = round
        .criteria
        .iter()
        .map(|&criterion| CriterionFigures {
            criterion,
            summary: summary(&|a| a.criterion == criterion, criterion),
            own: answers
                .iter()
                .find(|a| a.note_id == note_id && a.criterion == criterion && a.user_id == user.id)
                .and_then(|a| a.value),
            by_organisation: orgs
                .iter()
                .map(|o| {
                    (
                        o.name.clone(),
                        summary(
                            &|a| a.criterion == criterion && a.organisation_id == o.id,
                            criterion,
                        ),
                    )
                })
                .filter(|(_, s)| s.n + s.dont_know > 0)
                .collect(),
        })
        .collect();
    Ok((round, note, charts))
}
