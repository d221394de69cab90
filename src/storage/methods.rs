//! The full-text index of the method bank, rebuilt from the method files at start.

use rusqlite::{Connection, params};
use serde::Serialize;

use super::Result;
use crate::domain::lang::Lang;
use crate::domain::methods::Method;

/// Replaces the index with `methods`, one row per method and language.
pub fn reindex(conn: &Connection, methods: &[Method]) -> Result<()> {
    conn.execute("DELETE FROM methods_fts", [])?;
    let mut add = conn.prepare_cached(
        "INSERT INTO methods_fts (slug, lang, name, body) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for method in methods {
        for lang in Lang::ALL {
            let Some(name) = method.name.get(lang) else {
                continue;
            };
            let body = [
                method.purpose.get(lang),
                method.steps.get(lang),
                method.materials.get(lang),
                method.tips.as_ref().and_then(|t| t.get(lang)),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("\n\n");
            add.execute(params![method.slug, lang.code(), name, body])?;
        }
    }
    Ok(())
}

/// A method found by a search, once, in whichever language matched best.
#[derive(Debug, Clone, Serialize)]
pub struct MethodHit {
    pub slug: String,
}

/// The methods matching an FTS5 query, best first.
pub fn search(conn: &Connection, query: &str, limit: i64) -> Result<Vec<MethodHit>> {
    let mut stmt = conn.prepare_cached(
        "SELECT slug FROM methods_fts WHERE methods_fts MATCH ?1
         GROUP BY slug ORDER BY min(rank) LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![query, limit], |r| {
        Ok(MethodHit {
            slug: r.get("slug")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
