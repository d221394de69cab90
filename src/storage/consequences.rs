//! Consequences of scenarios and notes, their revisions, and whether a set's
//! consequences are published.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use super::{Edit, Result, now_seconds};
use crate::domain::assignment::SubmissionStatus;
use crate::domain::consequence::{
    Centre, Linked, Magnitude, PartItem, Timing, Valence, ValidConsequence,
};

/// A stored consequence, with what its readers need of its organisation, of that
/// organisation's submission of the phase and of its scenario's set.
#[derive(Debug, Clone, Serialize)]
pub struct Consequence {
    pub id: i64,
    pub phase_slug: String,
    pub centre: Centre,
    pub organisation_id: Option<i64>,
    pub organisation_name: Option<String>,
    pub organisation_category: Option<String>,
    /// Where the organisation's submission of the phase stands (none for a shared one,
    /// or before the organisation started).
    pub submission_status: Option<SubmissionStatus>,
    /// The set of the scenario (none for a note's consequence).
    pub set_id: Option<i64>,
    pub level: String,
    pub theme: Option<String>,
    pub text: String,
    pub valence: Option<Valence>,
    pub magnitude: Option<Magnitude>,
    pub timing: Option<Timing>,
    pub confidence: Option<u8>,
    pub parent_id: Option<i64>,
    pub order: u8,
    pub based_on: Option<i64>,
    pub removed: bool,
    pub created_by: Option<i64>,
    pub author_name: Option<String>,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Consequence {
    /// The consequence as its form checks it, to edit it again.
    pub fn valid(&self) -> ValidConsequence {
        ValidConsequence {
            level: self.level.clone(),
            theme: self.theme.clone(),
            text: self.text.clone(),
            valence: self.valence,
            magnitude: self.magnitude,
            timing: self.timing,
            confidence: self.confidence,
            parent: self.parent_id,
            order: Some(self.order),
        }
    }

    /// The scenario it follows from, if a scenario is its centre.
    pub fn scenario(&self) -> Option<i64> {
        match self.centre {
            Centre::Scenario(id) => Some(id),
            Centre::Note(_) => None,
        }
    }

    /// As an organisation's submission keeps it (a scenario's consequence only).
    pub fn part_item(&self) -> Option<PartItem> {
        Some(PartItem {
            id: self.id,
            scenario: self.scenario()?,
            level: self.level.clone(),
            theme: self.theme.clone(),
            text: self.text.clone(),
            valence: self.valence,
            magnitude: self.magnitude,
            timing: self.timing,
            confidence: self.confidence,
            order: self.order,
            parent: self.parent_id,
            based_on: self.based_on,
        })
    }
}

impl Linked for Consequence {
    fn id(&self) -> i64 {
        self.id
    }
    fn parent(&self) -> Option<i64> {
        self.parent_id
    }
}

const SELECT: &str = concat!(
    "SELECT c.id, c.phase_slug, c.scenario_id, c.note_id, c.organisation_id,
        o.name AS organisation_name, o.category AS organisation_category,
        s.status AS submission_status, sc.set_id AS set_id,
        c.level, c.theme, c.text, c.valence, c.magnitude, c.timing, c.confidence, c.parent_id,
        c.ord, c.based_on, c.removed, c.created_by, ",
    person_name!("u"),
    " AS author_name, c.version,
        c.created_at, c.updated_at
    FROM consequences c
    LEFT JOIN organisations o ON o.id = c.organisation_id
    LEFT JOIN submissions s ON s.organisation_id = c.organisation_id AND s.phase_slug = c.phase_slug
    LEFT JOIN scenarios sc ON sc.id = c.scenario_id
    LEFT JOIN users u ON u.id = c.created_by"
);

fn optional<T>(
    r: &Row<'_>,
    name: &str,
    parse: fn(&str) -> Option<T>,
) -> rusqlite::Result<Option<T>> {
    let text: Option<String> = r.get(name)?;
    Ok(text.as_deref().and_then(parse))
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<Consequence> {
    let scenario: Option<i64> = r.get("scenario_id")?;
    let note: Option<i64> = r.get("note_id")?;
    let centre = match (scenario, note) {
        (Some(s), _) => Centre::Scenario(s),
        (None, Some(n)) => Centre::Note(n),
        (None, None) => Centre::Note(0),
    };
    let order: i64 = r.get("ord")?;
    let confidence: Option<i64> = r.get("confidence")?;
    Ok(Consequence {
        id: r.get("id")?,
        phase_slug: r.get("phase_slug")?,
        centre,
        organisation_id: r.get("organisation_id")?,
        organisation_name: r.get("organisation_name")?,
        organisation_category: r.get("organisation_category")?,
        submission_status: optional(r, "submission_status", SubmissionStatus::parse)?,
        set_id: r.get("set_id")?,
        level: r.get("level")?,
        theme: r.get("theme")?,
        text: r.get("text")?,
        valence: optional(r, "valence", Valence::parse)?,
        magnitude: optional(r, "magnitude", Magnitude::parse)?,
        timing: optional(r, "timing", Timing::parse)?,
        confidence: confidence.and_then(|c| u8::try_from(c).ok()),
        parent_id: r.get("parent_id")?,
        order: u8::try_from(order).unwrap_or(1),
        based_on: r.get("based_on")?,
        removed: r.get("removed")?,
        created_by: r.get("created_by")?,
        author_name: r.get("author_name")?,
        version: r.get("version")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

fn list(
    conn: &Connection,
    filter: &str,
    values: impl rusqlite::Params,
) -> Result<Vec<Consequence>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE c.removed = 0 AND {filter} ORDER BY c.ord, c.id"
    ))?;
    let rows = stmt.query_map(values, from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A consequence by number, removed or not.
pub fn get(conn: &Connection, id: i64) -> Result<Option<Consequence>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE c.id = ?1"))?;
    Ok(stmt.query_row([id], from_row).optional()?)
}

/// The consequences of a centre (not removed), inner ring first, oldest first.
pub fn of_centre(conn: &Connection, centre: Centre) -> Result<Vec<Consequence>> {
    match centre {
        Centre::Scenario(id) => list(conn, "c.scenario_id = ?1", [id]),
        Centre::Note(id) => list(conn, "c.note_id = ?1", [id]),
    }
}

/// The consequences of every scenario of a set (not removed).
pub fn of_set(conn: &Connection, set_id: i64) -> Result<Vec<Consequence>> {
    list(conn, "sc.set_id = ?1", [set_id])
}

/// An organisation's own consequences of a phase (not removed).
pub fn of_organisation(
    conn: &Connection,
    organisation: i64,
    phase: &str,
) -> Result<Vec<Consequence>> {
    list(
        conn,
        "c.organisation_id = ?1 AND c.phase_slug = ?2",
        params![organisation, phase],
    )
}

/// Every consequence (not removed), for the exports.
pub fn all(conn: &Connection) -> Result<Vec<Consequence>> {
    list(conn, "1 = 1", [])
}

/// The consequences whose text matches an FTS5 query (not removed), best first.
pub fn search(conn: &Connection, query: &str, limit: i64) -> Result<Vec<Consequence>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} JOIN consequences_fts f ON f.rowid = c.id
         WHERE c.removed = 0 AND consequences_fts MATCH ?1 ORDER BY f.rank LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![query, limit], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn record_revision(conn: &Connection, id: i64, by: i64) -> Result<()> {
    if let Some(c) = get(conn, id)? {
        conn.execute(
            "INSERT INTO consequence_revisions (consequence_id, version, snapshot, changed_by, changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                id,
                c.version,
                serde_json::to_string(&c).unwrap_or_else(|_| "{}".into()),
                by,
                now_seconds()
            ],
        )?;
    }
    Ok(())
}

/// Where a new consequence goes and whose it is.
#[derive(Debug, Clone, Copy)]
pub struct Placed<'a> {
    pub phase: &'a str,
    pub centre: Centre,
    pub organisation: Option<i64>,
    pub order: u8,
    pub based_on: Option<i64>,
}

/// Stores a new consequence (and its first revision).
pub fn insert(conn: &Connection, at: Placed<'_>, c: &ValidConsequence, by: i64) -> Result<i64> {
    let (scenario, note) = match at.centre {
        Centre::Scenario(id) => (Some(id), None),
        Centre::Note(id) => (None, Some(id)),
    };
    let now = now_seconds();
    conn.execute(
        "INSERT INTO consequences (phase_slug, scenario_id, note_id, organisation_id, level, theme, text,
            valence, magnitude, timing, confidence, parent_id, ord, based_on, created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)",
        params![
            at.phase,
            scenario,
            note,
            at.organisation,
            c.level,
            c.theme,
            c.text,
            c.valence.map(Valence::key),
            c.magnitude.map(Magnitude::key),
            c.timing.map(Timing::key),
            c.confidence,
            c.parent,
            at.order,
            at.based_on,
            by,
            now
        ],
    )?;
    let id = conn.last_insert_rowid();
    record_revision(conn, id, by)?;
    Ok(id)
}

/// Saves an edit made from version `base` at `order`; refused, never silently
/// overwritten, when the consequence has moved on since. The rings of the consequences
/// that follow from it move with it.
pub fn update(
    conn: &Connection,
    id: i64,
    base: i64,
    c: &ValidConsequence,
    order: u8,
    by: i64,
) -> Result<Edit<Consequence>> {
    let changed = conn.execute(
        "UPDATE consequences SET level = ?3, theme = ?4, text = ?5, valence = ?6, magnitude = ?7,
            timing = ?8, confidence = ?9, parent_id = ?10, ord = ?11, version = version + 1, updated_at = ?12
         WHERE id = ?1 AND version = ?2 AND removed = 0",
        params![
            id,
            base,
            c.level,
            c.theme,
            c.text,
            c.valence.map(Valence::key),
            c.magnitude.map(Magnitude::key),
            c.timing.map(Timing::key),
            c.confidence,
            c.parent,
            order,
            now_seconds()
        ],
    )?;
    if changed == 1 {
        record_revision(conn, id, by)?;
        reorder_followers(conn, id, order, by)?;
        return Ok(Edit::Saved { version: base + 1 });
    }
    Ok(match get(conn, id)? {
        Some(current) if !current.removed => Edit::Stale(Box::new(current)),
        _ => Edit::Missing,
    })
}

/// Gives the consequences that follow from `id` the rings that follow from its `order`.
fn reorder_followers(conn: &Connection, id: i64, order: u8, by: i64) -> Result<()> {
    let followers: Vec<i64> = {
        let mut stmt = conn.prepare_cached(
            "SELECT id FROM consequences WHERE parent_id = ?1 AND removed = 0 AND ord <> ?2",
        )?;
        let rows = stmt.query_map(params![id, order + 1], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for follower in followers {
        conn.execute(
            "UPDATE consequences SET ord = ?2, version = version + 1, updated_at = ?3 WHERE id = ?1",
            params![follower, order + 1, now_seconds()],
        )?;
        record_revision(conn, follower, by)?;
        reorder_followers(conn, follower, order + 1, by)?;
    }
    Ok(())
}

/// Removes a consequence as of version `base` (its rows and history stay).
pub fn remove(conn: &Connection, id: i64, base: i64, by: i64) -> Result<Edit<Consequence>> {
    let changed = conn.execute(
        "UPDATE consequences SET removed = 1, version = version + 1, updated_at = ?3
         WHERE id = ?1 AND version = ?2 AND removed = 0",
        params![id, base, now_seconds()],
    )?;
    if changed == 1 {
        record_revision(conn, id, by)?;
        return Ok(Edit::Saved { version: base + 1 });
    }
    Ok(match get(conn, id)? {
        Some(current) if !current.removed => Edit::Stale(Box::new(current)),
        _ => Edit::Missing,
    })
}

/// How many consequences (not removed) follow directly from `id`.
pub fn followers(conn: &Connection, id: i64) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM consequences WHERE parent_id = ?1 AND removed = 0",
        [id],
        |r| r.get(0),
    )?)
}

/// The consequences `id` follows from, itself first, inner ring last.
pub fn chain(conn: &Connection, id: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "WITH RECURSIVE up(id, parent_id, depth) AS (
            SELECT id, parent_id, 0 FROM consequences WHERE id = ?1
            UNION ALL
            SELECT c.id, c.parent_id, up.depth + 1 FROM consequences c JOIN up ON c.id = up.parent_id
            WHERE up.depth < 8
         ) SELECT id FROM up ORDER BY depth",
    )?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One stored version of a consequence, for its history.
pub type Revision = super::scenarios::Revision;

/// Every revision of a consequence, newest first.
pub fn revisions(conn: &Connection, id: i64) -> Result<Vec<Revision>> {
    super::scenarios::revisions_of(conn, "consequence_revisions", "consequence_id", id)
}

/// Publishes a set's consequences or takes them back (a revision of the set records it).
pub fn set_published(conn: &Connection, set_id: i64, public: bool, by: i64) -> Result<bool> {
    super::scenarios::set_consequences_public(conn, set_id, public, by)
}
