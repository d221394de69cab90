//! The mark of a demo database: the programme whose demo it holds and the moment of that
//! programme it acts as.

use rusqlite::{Connection, OptionalExtension, params};

use super::{Result, now_seconds};

/// What the mark says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoMark {
    pub programme: String,
    /// The moment the demo acts as (Unix seconds).
    pub acts_as: i64,
}

/// The mark, when this database holds a demo.
pub fn mark(conn: &Connection) -> Result<Option<DemoMark>> {
    Ok(conn
        .prepare_cached("SELECT programme, acts_as FROM demo WHERE id = 1")?
        .query_row([], |r| {
            Ok(DemoMark {
                programme: r.get(0)?,
                acts_as: r.get(1)?,
            })
        })
        .optional()?)
}

/// Marks the database as a demo of `programme` acting as `acts_as`; false when it was
/// marked already (the first mark stays).
pub fn set_mark(conn: &Connection, programme: &str, acts_as: i64) -> Result<bool> {
    Ok(conn.execute(
        "INSERT OR IGNORE INTO demo (id, programme, acts_as, loaded_at) VALUES (1, ?1, ?2, ?3)",
        params![programme, acts_as, now_seconds()],
    )? == 1)
}
