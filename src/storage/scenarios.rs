//! Scenario sets and their scenarios, the revisions of both, and comments.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{Edit, Result, keyed, now_seconds};
use crate::domain::scenario::{
    Axis, DriverState, Method, Quadrant, SetStatus, Signpost, ValidScenario, ValidSet,
};

/// A stored scenario set.
#[derive(Debug, Clone, Serialize)]
pub struct Set {
    pub id: i64,
    pub phase_slug: String,
    pub title: String,
    pub focal_question: String,
    pub horizon: i32,
    pub method: Method,
    pub axes: Vec<Axis>,
    pub predetermined: Vec<i64>,
    pub status: SetStatus,
    pub public: bool,
    /// Whether the consequences of its scenarios are published (for the public web).
    pub consequences_public: bool,
    pub round_id: Option<i64>,
    pub created_by: Option<i64>,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Set {
    /// The set as its form checks it, to edit it again.
    pub fn valid(&self) -> ValidSet {
        ValidSet {
            title: self.title.clone(),
            phase: self.phase_slug.clone(),
            focal_question: self.focal_question.clone(),
            horizon: self.horizon,
            method: self.method,
            axes: self.axes.clone(),
            predetermined: self.predetermined.clone(),
        }
    }

    /// The bank notes whose states each scenario describes: the axes, then the
    /// predetermined elements.
    pub fn chosen(&self) -> Vec<i64> {
        self.axes
            .iter()
            .map(|a| a.note)
            .chain(self.predetermined.iter().copied())
            .collect()
    }
}

/// A stored scenario.
#[derive(Debug, Clone, Serialize)]
pub struct Scenario {
    pub id: i64,
    pub set_id: i64,
    pub quadrant: Option<Quadrant>,
    pub position: i64,
    pub name: String,
    pub tagline: String,
    pub narrative: String,
    pub characteristics: Vec<String>,
    pub driver_states: Vec<DriverState>,
    pub signposts: Vec<Signpost>,
    pub image: Option<String>,
    pub image_alt: String,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Scenario {
    pub fn valid(&self) -> ValidScenario {
        ValidScenario {
            quadrant: self.quadrant,
            name: self.name.clone(),
            tagline: self.tagline.clone(),
            narrative: self.narrative.clone(),
            characteristics: self.characteristics.clone(),
            driver_states: self.driver_states.clone(),
            signposts: self.signposts.clone(),
            image: self.image.clone(),
            image_alt: self.image_alt.clone(),
        }
    }
}

fn json<T: DeserializeOwned + Default>(r: &Row<'_>, name: &str) -> rusqlite::Result<T> {
    let text: String = r.get(name)?;
    Ok(serde_json::from_str(&text).unwrap_or_default())
}

fn to_json(value: &impl Serialize) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".into())
}

const SET_COLUMNS: &str =
    "id, phase_slug, title, focal_question, horizon, method, axes, predetermined,
    status, public, consequences_public, round_id, created_by, version, created_at, updated_at";

fn set_from_row(r: &Row<'_>) -> rusqlite::Result<Set> {
    Ok(Set {
        id: r.get("id")?,
        phase_slug: r.get("phase_slug")?,
        title: r.get("title")?,
        focal_question: r.get("focal_question")?,
        horizon: r.get("horizon")?,
        method: keyed(r, "method", Method::parse)?,
        axes: json(r, "axes")?,
        predetermined: json(r, "predetermined")?,
        status: keyed(r, "status", SetStatus::parse)?,
        public: r.get("public")?,
        consequences_public: r.get("consequences_public")?,
        round_id: r.get("round_id")?,
        created_by: r.get("created_by")?,
        version: r.get("version")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

const SCENARIO_COLUMNS: &str =
    "id, set_id, quadrant, position, name, tagline, narrative, characteristics,
    driver_states, signposts, image, image_alt, version, created_at, updated_at";

fn scenario_from_row(r: &Row<'_>) -> rusqlite::Result<Scenario> {
    let quadrant: Option<String> = r.get("quadrant")?;
    Ok(Scenario {
        id: r.get("id")?,
        set_id: r.get("set_id")?,
        quadrant: quadrant.as_deref().and_then(Quadrant::parse),
        position: r.get("position")?,
        name: r.get("name")?,
        tagline: r.get("tagline")?,
        narrative: r.get("narrative")?,
        characteristics: json(r, "characteristics")?,
        driver_states: json(r, "driver_states")?,
        signposts: json(r, "signposts")?,
        image: r.get("image")?,
        image_alt: r.get("image_alt")?,
        version: r.get("version")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

pub fn get_set(conn: &Connection, id: i64) -> Result<Option<Set>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SET_COLUMNS} FROM scenario_sets WHERE id = ?1"
    ))?;
    Ok(stmt.query_row([id], set_from_row).optional()?)
}

/// Every set, or a phase's, oldest first.
pub fn sets(conn: &Connection, phase: Option<&str>) -> Result<Vec<Set>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SET_COLUMNS} FROM scenario_sets WHERE ?1 IS NULL OR phase_slug = ?1 ORDER BY id"
    ))?;
    let rows = stmt.query_map([phase], set_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The set a phase's organisations assess: its open set, else its newest final one.
pub fn assessed_set(conn: &Connection, phase: &str) -> Result<Option<Set>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SET_COLUMNS} FROM scenario_sets WHERE phase_slug = ?1 AND status IN ('open', 'final')
         ORDER BY status = 'open' DESC, id DESC LIMIT 1"
    ))?;
    Ok(stmt.query_row([phase], set_from_row).optional()?)
}

fn record_set_revision(conn: &Connection, id: i64, by: i64) -> Result<()> {
    match get_set(conn, id)? {
        Some(set) => insert_revision(
            conn,
            "scenario_set_revisions",
            "set_id",
            id,
            set.version,
            &set,
            by,
        ),
        None => Ok(()),
    }
}

/// Stores a revision (the record as it now stands) in `table`, keyed by `key`.
fn insert_revision(
    conn: &Connection,
    table: &str,
    key: &str,
    id: i64,
    version: i64,
    record: &impl Serialize,
    by: i64,
) -> Result<()> {
    conn.execute(
        &format!(
            "INSERT INTO {table} ({key}, version, snapshot, changed_by, changed_at) VALUES (?1, ?2, ?3, ?4, ?5)"
        ),
        params![id, version, to_json(record), by, now_seconds()],
    )?;
    Ok(())
}

/// Stores a new set as a draft (and its first revision).
pub fn insert_set(conn: &Connection, set: &ValidSet, round: Option<i64>, by: i64) -> Result<i64> {
    let now = now_seconds();
    conn.execute(
        "INSERT INTO scenario_sets (phase_slug, title, focal_question, horizon, method, axes, predetermined,
            status, round_id, created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'draft', ?8, ?9, ?10, ?10)",
        params![
            set.phase,
            set.title,
            set.focal_question,
            set.horizon,
            set.method.key(),
            to_json(&set.axes),
            to_json(&set.predetermined),
            round,
            by,
            now
        ],
    )?;
    let id = conn.last_insert_rowid();
    record_set_revision(conn, id, by)?;
    Ok(id)
}

/// Saves an edit of a set made from `base`; refused, never silently overwritten, when
/// the set has moved on since.
pub fn update_set(
    conn: &Connection,
    id: i64,
    base: i64,
    set: &ValidSet,
    by: i64,
) -> Result<Edit<Set>> {
    let changed = conn.execute(
        "UPDATE scenario_sets SET phase_slug = ?3, title = ?4, focal_question = ?5, horizon = ?6, method = ?7,
            axes = ?8, predetermined = ?9, version = version + 1, updated_at = ?10
         WHERE id = ?1 AND version = ?2",
        params![
            id,
            base,
            set.phase,
            set.title,
            set.focal_question,
            set.horizon,
            set.method.key(),
            to_json(&set.axes),
            to_json(&set.predetermined),
            now_seconds()
        ],
    )?;
    if changed == 1 {
        record_set_revision(conn, id, by)?;
        return Ok(Edit::Saved { version: base + 1 });
    }
    Ok(match get_set(conn, id)? {
        Some(current) => Edit::Stale(Box::new(current)),
        None => Edit::Missing,
    })
}

/// Moves a set to another status (a revision records it).
pub fn set_status(conn: &Connection, id: i64, status: SetStatus, by: i64) -> Result<bool> {
    change_set(conn, id, "status", &status.key(), by)
}

/// Makes a set public or not (a revision records it).
pub fn set_public(conn: &Connection, id: i64, public: bool, by: i64) -> Result<bool> {
    change_set(conn, id, "public", &public, by)
}

/// Publishes the consequences of a set's scenarios or takes them back (a revision
/// records it).
pub fn set_consequences_public(conn: &Connection, id: i64, public: bool, by: i64) -> Result<bool> {
    change_set(conn, id, "consequences_public", &public, by)
}

/// Sets one column of a set (named by this module, never by a caller's input) as a new
/// version, with its revision.
fn change_set(
    conn: &Connection,
    id: i64,
    column: &str,
    value: &dyn rusqlite::ToSql,
    by: i64,
) -> Result<bool> {
    let changed = conn.execute(
        &format!(
            "UPDATE scenario_sets SET {column} = ?2, version = version + 1, updated_at = ?3 WHERE id = ?1"
        ),
        params![id, value, now_seconds()],
    )? == 1;
    if changed {
        record_set_revision(conn, id, by)?;
    }
    Ok(changed)
}

/// One stored version of a set or scenario, for its history.
#[derive(Debug, Clone, Serialize)]
pub struct Revision {
    pub version: i64,
    pub changed_by: Option<String>,
    pub changed_at: i64,
    pub snapshot: Option<serde_json::Value>,
}

/// The revisions in `table` (named by a storage module, never by a caller's input) of
/// the record `id`, keyed by `key`, newest first.
pub(crate) fn revisions_of(
    conn: &Connection,
    table: &str,
    key: &str,
    id: i64,
) -> Result<Vec<Revision>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT r.version, {person} AS changed_by, r.changed_at, r.snapshot FROM {table} r
         LEFT JOIN users u ON u.id = r.changed_by WHERE r.{key} = ?1 ORDER BY r.version DESC",
        person = person_name!("u"),
    ))?;
    let rows = stmt.query_map([id], |r| {
        let snapshot: String = r.get("snapshot")?;
        Ok(Revision {
            version: r.get("version")?,
            changed_by: r.get("changed_by")?,
            changed_at: r.get("changed_at")?,
            snapshot: serde_json::from_str(&snapshot).ok(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every revision of a set, newest first.
pub fn set_revisions(conn: &Connection, id: i64) -> Result<Vec<Revision>> {
    revisions_of(conn, "scenario_set_revisions", "set_id", id)
}

/// Every revision of a scenario, newest first.
pub fn scenario_revisions(conn: &Connection, id: i64) -> Result<Vec<Revision>> {
    revisions_of(conn, "scenario_revisions", "scenario_id", id)
}

pub fn get_scenario(conn: &Connection, id: i64) -> Result<Option<Scenario>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SCENARIO_COLUMNS} FROM scenarios WHERE id = ?1"
    ))?;
    Ok(stmt.query_row([id], scenario_from_row).optional()?)
}

/// A set's scenarios: a two-axis set's in reading order of their quadrants (top left,
/// top right, bottom left, bottom right), any other set's in their order.
pub fn scenarios(conn: &Connection, set_id: i64) -> Result<Vec<Scenario>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SCENARIO_COLUMNS} FROM scenarios WHERE set_id = ?1 ORDER BY position, id"
    ))?;
    let rows = stmt.query_map([set_id], scenario_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The scenarios of several sets at once, by set, in each set's order.
pub fn scenarios_of_sets(conn: &Connection, set_ids: &[i64]) -> Result<Vec<Scenario>> {
    let mut all = Vec::new();
    for id in set_ids {
        all.extend(scenarios(conn, *id)?);
    }
    Ok(all)
}

fn position_of(conn: &Connection, set_id: i64, scenario: &ValidScenario) -> Result<i64> {
    Ok(match scenario.quadrant {
        Some(q) => q.position() as i64,
        None => conn.query_row(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM scenarios WHERE set_id = ?1",
            [set_id],
            |r| r.get(0),
        )?,
    })
}

fn record_scenario_revision(conn: &Connection, id: i64, by: i64) -> Result<()> {
    match get_scenario(conn, id)? {
        Some(scenario) => insert_revision(
            conn,
            "scenario_revisions",
            "scenario_id",
            id,
            scenario.version,
            &scenario,
            by,
        ),
        None => Ok(()),
    }
}

/// Stores a new scenario of a set (and its first revision).
pub fn insert_scenario(
    conn: &Connection,
    set_id: i64,
    scenario: &ValidScenario,
    by: i64,
) -> Result<i64> {
    let now = now_seconds();
    let position = position_of(conn, set_id, scenario)?;
    conn.execute(
        "INSERT INTO scenarios (set_id, quadrant, position, name, tagline, narrative, characteristics,
            driver_states, signposts, image, image_alt, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        params![
            set_id,
            scenario.quadrant.map(|q| q.key()),
            position,
            scenario.name,
            scenario.tagline,
            scenario.narrative,
            to_json(&scenario.characteristics),
            to_json(&scenario.driver_states),
            to_json(&scenario.signposts),
            scenario.image,
            scenario.image_alt,
            now
        ],
    )?;
    let id = conn.last_insert_rowid();
    record_scenario_revision(conn, id, by)?;
    Ok(id)
}

/// Saves an edit of a scenario made from `base`; refused when it has moved on since.
pub fn update_scenario(
    conn: &Connection,
    id: i64,
    base: i64,
    scenario: &ValidScenario,
    by: i64,
) -> Result<Edit<Scenario>> {
    let Some(current) = get_scenario(conn, id)? else {
        return Ok(Edit::Missing);
    };
    let position = match scenario.quadrant {
        Some(q) => q.position() as i64,
        None => current.position,
    };
    let changed = conn.execute(
        "UPDATE scenarios SET quadrant = ?3, position = ?4, name = ?5, tagline = ?6, narrative = ?7,
            characteristics = ?8, driver_states = ?9, signposts = ?10, image = ?11, image_alt = ?12,
            version = version + 1, updated_at = ?13
         WHERE id = ?1 AND version = ?2",
        params![
            id,
            base,
            scenario.quadrant.map(|q| q.key()),
            position,
            scenario.name,
            scenario.tagline,
            scenario.narrative,
            to_json(&scenario.characteristics),
            to_json(&scenario.driver_states),
            to_json(&scenario.signposts),
            scenario.image,
            scenario.image_alt,
            now_seconds()
        ],
    )?;
    if changed == 1 {
        record_scenario_revision(conn, id, by)?;
        return Ok(Edit::Saved { version: base + 1 });
    }
    Ok(Edit::Stale(Box::new(current)))
}

/// A comment on a scenario.
#[derive(Debug, Clone, Serialize)]
pub struct Comment {
    pub id: i64,
    pub scenario_id: i64,
    pub author_name: Option<String>,
    pub organisation_name: Option<String>,
    pub body: String,
    pub created_at: i64,
}

pub fn add_comment(conn: &Connection, scenario_id: i64, body: &str, by: i64) -> Result<i64> {
    conn.execute(
        "INSERT INTO scenario_comments (scenario_id, author_id, body, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![scenario_id, by, body, now_seconds()],
    )?;
    Ok(conn.last_insert_rowid())
}

/// A scenario's comments, oldest first.
pub fn comments(conn: &Connection, scenario_id: i64) -> Result<Vec<Comment>> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT c.id, c.scenario_id, ",
        person_name!("u"),
        " AS author_name, o.name AS organisation_name, c.body, c.created_at
         FROM scenario_comments c LEFT JOIN users u ON u.id = c.author_id
         LEFT JOIN organisations o ON o.id = u.organisation_id
         WHERE c.scenario_id = ?1 ORDER BY c.id"
    ))?;
    let rows = stmt.query_map([scenario_id], |r| {
        Ok(Comment {
            id: r.get("id")?,
            scenario_id: r.get("scenario_id")?,
            author_name: r.get("author_name")?,
            organisation_name: r.get("organisation_name")?,
            body: r.get("body")?,
            created_at: r.get("created_at")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The status and visibility of every set with a scenario illustrated by image `name`.
pub fn sets_illustrated_by(conn: &Connection, name: &str) -> Result<Vec<(SetStatus, bool)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT s.status, s.public FROM scenarios c JOIN scenario_sets s ON s.id = c.set_id
         WHERE c.image = ?1",
    )?;
    let rows = stmt.query_map([name], |r| {
        Ok((keyed(r, "status", SetStatus::parse)?, r.get("public")?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
