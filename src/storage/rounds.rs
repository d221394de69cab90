//! Rating rounds, their notes, and the answers and reasons given in them.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use super::{Result, keyed, now_seconds};
use crate::domain::bank::{Category, NoteStatus, NoteType, TimeBand};
use crate::domain::rating::{
    Anonymity, Answer, Criterion, Feedback, RatingSheet, ValidRound, ValidRoundEdit,
};

#[derive(Debug, Clone, Serialize)]
pub struct Round {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub phase_slug: Option<String>,
    pub criteria: Vec<Criterion>,
    pub opens_at: i64,
    pub closes_at: i64,
    pub anonymity: Anonymity,
    pub feedback: Feedback,
    pub previous_id: Option<i64>,
    /// The fewest answers before the figures claim consensus.
    pub min_answers: usize,
    pub notes: i64,
    pub raters: i64,
}

const ROUND: &str =
    "SELECT r.id, r.title, r.description, r.phase_slug, r.criteria, r.opens_at, r.closes_at,
    r.anonymity, r.feedback, r.previous_id, r.min_answers,
    (SELECT count(*) FROM round_notes WHERE round_id = r.id) AS notes,
    (SELECT count(DISTINCT user_id) FROM ratings WHERE round_id = r.id) AS raters
    FROM rounds r";

fn round_row(r: &Row<'_>) -> rusqlite::Result<Round> {
    let criteria: String = r.get("criteria")?;
    Ok(Round {
        id: r.get("id")?,
        title: r.get("title")?,
        description: r.get("description")?,
        phase_slug: r.get("phase_slug")?,
        criteria: criteria.split(',').filter_map(Criterion::parse).collect(),
        opens_at: r.get("opens_at")?,
        closes_at: r.get("closes_at")?,
        anonymity: keyed(r, "anonymity", Anonymity::parse)?,
        feedback: keyed(r, "feedback", Feedback::parse)?,
        previous_id: r.get("previous_id")?,
        min_answers: r.get::<_, i64>("min_answers")?.max(1) as usize,
        notes: r.get("notes")?,
        raters: r.get("raters")?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Round>> {
    let mut stmt = conn.prepare_cached(&format!("{ROUND} WHERE r.id = ?1"))?;
    Ok(stmt.query_row([id], round_row).optional()?)
}

/// Every round, the latest opening first.
pub fn all(conn: &Connection) -> Result<Vec<Round>> {
    let mut stmt = conn.prepare_cached(&format!("{ROUND} ORDER BY r.opens_at DESC, r.id DESC"))?;
    Ok(stmt
        .query_map([], round_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// Stores a round with its notes (in the order given). Returns its id.
pub fn insert(conn: &Connection, round: &ValidRound, notes: &[i64], by: i64) -> Result<i64> {
    let criteria: Vec<&str> = round.criteria.iter().map(|c| c.key()).collect();
    conn.execute(
        "INSERT INTO rounds (title, description, phase_slug, criteria, opens_at, closes_at, anonymity,
            feedback, previous_id, created_by, created_at, min_answers)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            round.title,
            round.description,
            round.phase,
            criteria.join(","),
            round.opens_at.timestamp(),
            round.closes_at.timestamp(),
            round.anonymity.key(),
            round.feedback.key(),
            round.previous,
            by,
            now_seconds(),
            round.min_answers as i64
        ],
    )?;
    let id = conn.last_insert_rowid();
    let mut add = conn.prepare_cached(
        "INSERT OR IGNORE INTO round_notes (round_id, note_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for (position, note) in notes.iter().enumerate() {
        add.execute(params![id, note, position as i64])?;
    }
    Ok(id)
}

/// Gives a round a new title, description and dates. Whether it may take them is the
/// caller's decision, in the same write transaction.
pub fn update(conn: &Connection, id: i64, edit: &ValidRoundEdit) -> Result<()> {
    conn.execute(
        "UPDATE rounds SET title = ?2, description = ?3, opens_at = ?4, closes_at = ?5
         WHERE id = ?1",
        params![
            id,
            edit.title,
            edit.description,
            edit.opens_at.timestamp(),
            edit.closes_at.timestamp()
        ],
    )?;
    Ok(())
}

/// Moves a round's close (closing it early).
pub fn set_closes(conn: &Connection, id: i64, closes_at: i64) -> Result<()> {
    conn.execute(
        "UPDATE rounds SET closes_at = ?2 WHERE id = ?1",
        params![id, closes_at],
    )?;
    Ok(())
}

/// Whether another round follows this one (as its Delphi second round).
pub fn is_followed(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM rounds WHERE previous_id = ?1 LIMIT 1")?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Whether anyone has answered in the round.
pub fn any_answer(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM ratings WHERE round_id = ?1 LIMIT 1")?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// A note as a round shows it.
#[derive(Debug, Clone, Serialize)]
pub struct RoundNote {
    pub id: i64,
    /// The note's bank number, as the charts print it.
    pub number: usize,
    pub note_type: NoteType,
    pub title: String,
    pub summary: String,
    pub category: Category,
    pub time_band: Option<TimeBand>,
    pub status: NoteStatus,
    pub organisation_id: i64,
    pub public: bool,
}

/// The round's notes in their order, each numbered by its bank number (the one number a
/// note has everywhere: in the bank, on the charts, in the exports and in errors).
pub fn notes(conn: &Connection, round: i64) -> Result<Vec<RoundNote>> {
    let mut stmt = conn.prepare_cached(
        "SELECT n.id, n.note_type, n.title, n.summary, n.category, n.time_band, n.status,
                n.organisation_id, n.public
         FROM round_notes rn JOIN notes n ON n.id = rn.note_id
         WHERE rn.round_id = ?1 ORDER BY rn.position, n.id",
    )?;
    let rows = stmt.query_map([round], |r| {
        let band: Option<String> = r.get("time_band")?;
        Ok(RoundNote {
            id: r.get("id")?,
            number: r.get::<_, i64>("id")? as usize,
            note_type: keyed(r, "note_type", NoteType::parse)?,
            title: r.get("title")?,
            summary: r.get("summary")?,
            category: keyed(r, "category", Category::parse)?,
            time_band: band.as_deref().and_then(TimeBand::parse),
            status: keyed(r, "status", NoteStatus::parse)?,
            organisation_id: r.get("organisation_id")?,
            public: r.get("public")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The ids of the round's notes, in order.
pub fn note_ids(conn: &Connection, round: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT note_id FROM round_notes WHERE round_id = ?1 ORDER BY position, note_id",
    )?;
    Ok(stmt
        .query_map([round], |r| r.get("note_id"))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Stores a person's sheet: answers are added or changed, emptied fields withdrawn, and
/// reasons set (an empty reason removes one). Runs in the caller's write transaction,
/// which has checked that the round is open.
pub fn save_sheet(
    conn: &Connection,
    round: i64,
    user: i64,
    organisation: i64,
    sheet: &RatingSheet,
) -> Result<()> {
    let now = now_seconds();
    let mut upsert = conn.prepare_cached(
        "INSERT INTO ratings (round_id, note_id, criterion, user_id, organisation_id, value, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (round_id, criterion, note_id, user_id)
         DO UPDATE SET value = excluded.value, organisation_id = excluded.organisation_id,
            updated_at = excluded.updated_at
         WHERE value IS NOT excluded.value",
    )?;
    for ((note, criterion), answer) in &sheet.answers {
        upsert.execute(params![
            round,
            note,
            criterion.key(),
            user,
            organisation,
            answer.value(),
            now
        ])?;
    }
    let mut clear = conn.prepare_cached(
        "DELETE FROM ratings WHERE round_id = ?1 AND note_id = ?2 AND criterion = ?3 AND user_id = ?4",
    )?;
    for (note, criterion) in &sheet.cleared {
        clear.execute(params![round, note, criterion.key(), user])?;
    }
    let mut set_reason = conn.prepare_cached(
        "INSERT INTO rating_reasons (round_id, note_id, user_id, reason, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (round_id, note_id, user_id) DO UPDATE SET reason = excluded.reason,
            updated_at = excluded.updated_at",
    )?;
    let mut drop_reason = conn.prepare_cached(
        "DELETE FROM rating_reasons WHERE round_id = ?1 AND note_id = ?2 AND user_id = ?3",
    )?;
    for (note, reason) in &sheet.reasons {
        if reason.is_empty() {
            drop_reason.execute(params![round, note, user])?;
        } else {
            set_reason.execute(params![round, note, user, reason, now])?;
        }
    }
    Ok(())
}

/// One answer as stored, with who gave it.
#[derive(Debug, Clone, Serialize)]
pub struct Rating {
    pub note_id: i64,
    pub criterion: Criterion,
    pub user_id: i64,
    pub user_name: String,
    pub organisation_id: i64,
    pub organisation_name: String,
    /// None is "don't know".
    pub value: Option<i32>,
    pub updated_at: i64,
}

impl Rating {
    pub fn answer(&self) -> Answer {
        self.value.map_or(Answer::DontKnow, Answer::Value)
    }
}

/// The round's answers, optionally only on one criterion, of one organisation or of one
/// person; ordered by criterion, note and person.
pub fn ratings(
    conn: &Connection,
    round: i64,
    criterion: Option<Criterion>,
    organisation: Option<i64>,
    user: Option<i64>,
) -> Result<Vec<Rating>> {
    let mut stmt = conn.prepare_cached(
        concat!("SELECT r.note_id, r.criterion, r.user_id, ", person_name!("u"), " AS user_name, r.organisation_id,
                o.name AS organisation_name, r.value, r.updated_at
         FROM ratings r JOIN users u ON u.id = r.user_id JOIN organisations o ON o.id = r.organisation_id
         WHERE r.round_id = ?1 AND (?2 IS NULL OR r.criterion = ?2)
           AND (?3 IS NULL OR r.organisation_id = ?3) AND (?4 IS NULL OR r.user_id = ?4)
         ORDER BY r.criterion, r.note_id, r.user_id"),
    )?;
    let rows = stmt.query_map(
        params![round, criterion.map(|c| c.key()), organisation, user],
        |r| {
            Ok(Rating {
                note_id: r.get("note_id")?,
                criterion: keyed(r, "criterion", Criterion::parse)?,
                user_id: r.get("user_id")?,
                user_name: r.get("user_name")?,
                organisation_id: r.get("organisation_id")?,
                organisation_name: r.get("organisation_name")?,
                value: r.get("value")?,
                updated_at: r.get("updated_at")?,
            })
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The bare answers for figures: `(note, criterion, value)`, optionally of one criterion
/// and one organisation. Walks the table's key (round, criterion, note, person) without
/// joining names.
pub fn answers(
    conn: &Connection,
    round: i64,
    criterion: Option<Criterion>,
    organisation: Option<i64>,
) -> Result<Vec<(i64, Criterion, Option<i32>)>> {
    use rusqlite::types::Value;
    let mut sql = String::from(
        "SELECT note_id, criterion, value, organisation_id FROM ratings WHERE round_id = ?",
    );
    let mut values = vec![Value::Integer(round)];
    if let Some(c) = criterion {
        sql.push_str(" AND criterion = ?");
        values.push(Value::Text(c.key().into()));
    }
    if let Some(o) = organisation {
        sql.push_str(" AND organisation_id = ?");
        values.push(Value::Integer(o));
    }
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(values.iter()), |r| {
        Ok((
            r.get("note_id")?,
            keyed(r, "criterion", Criterion::parse)?,
            r.get::<_, Option<i32>>("value")?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether a person has given any answer in the round.
pub fn has_answered(conn: &Connection, round: i64, user: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM ratings WHERE round_id = ?1 AND user_id = ?2 LIMIT 1")?
        .query_row(params![round, user], |_| Ok(()))
        .optional()?
        .is_some())
}

#[derive(Debug, Clone, Serialize)]
pub struct Reason {
    pub note_id: i64,
    pub user_id: i64,
    pub user_name: String,
    pub organisation_name: String,
    pub reason: String,
}

/// The round's reasons, optionally of one person, by note.
pub fn reasons(conn: &Connection, round: i64, user: Option<i64>) -> Result<Vec<Reason>> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT x.note_id, x.user_id, ",
        person_name!("u"),
        " AS user_name, o.name AS organisation_name, x.reason
         FROM rating_reasons x
         JOIN users u ON u.id = x.user_id JOIN organisations o ON o.id = u.organisation_id
         WHERE x.round_id = ?1 AND (?2 IS NULL OR x.user_id = ?2) ORDER BY x.note_id, x.updated_at"
    ))?;
    let rows = stmt.query_map(params![round, user], |r| {
        Ok(Reason {
            note_id: r.get("note_id")?,
            user_id: r.get("user_id")?,
            user_name: r.get("user_name")?,
            organisation_name: r.get("organisation_name")?,
            reason: r.get("reason")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The rounds open at `now` in which a person has not answered yet.
pub fn open_unanswered(conn: &Connection, user: i64, now: i64) -> Result<Vec<Round>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{ROUND} WHERE r.opens_at <= ?2 AND r.closes_at > ?2
           AND NOT EXISTS (SELECT 1 FROM ratings x WHERE x.round_id = r.id AND x.user_id = ?1)
         ORDER BY r.closes_at"
    ))?;
    Ok(stmt
        .query_map(params![user, now], round_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// Every answer of a round to these criteria with who gave it: (note, criterion, person,
/// value). Published charts count a person once per note (see
/// `domain::embed::fold_answers`).
pub fn answers_of_people(
    conn: &Connection,
    round: i64,
    criteria: &[Criterion],
) -> Result<Vec<crate::domain::embed::PersonAnswer>> {
    let mut stmt = conn.prepare_cached(
        "SELECT note_id, criterion, user_id, value FROM ratings WHERE round_id = ?1 AND criterion = ?2",
    )?;
    let mut all = Vec::new();
    for criterion in criteria {
        let rows = stmt.query_map(params![round, criterion.key()], |r| {
            Ok((
                r.get("note_id")?,
                keyed(r, "criterion", Criterion::parse)?,
                r.get("user_id")?,
                r.get::<_, Option<i32>>("value")?,
            ))
        })?;
        all.extend(rows.collect::<rusqlite::Result<Vec<_>>>()?);
    }
    Ok(all)
}
