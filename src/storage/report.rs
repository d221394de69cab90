//! Editions of the final publication as PDF, one row per edition and language.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::{Result, now_seconds};
use crate::domain::lang::Lang;

/// An edition's stored PDF in one language, without its bytes.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EditionInfo {
    pub edition: i64,
    pub language: String,
    pub size: i64,
    pub built_at: i64,
    pub built_by: Option<i64>,
}

/// The number of the latest edition, if there is one.
pub fn latest_number(conn: &Connection) -> Result<Option<i64>> {
    Ok(conn
        .query_row("SELECT max(edition) AS n FROM report_editions", [], |r| {
            r.get("n")
        })
        .optional()?
        .flatten())
}

/// Stores edition `edition`'s PDF in `lang`, built by `by` now.
pub fn insert(conn: &Connection, edition: i64, lang: Lang, pdf: &[u8], by: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO report_editions (edition, language, pdf, size, built_at, built_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            edition,
            lang.code(),
            pdf,
            pdf.len() as i64,
            now_seconds(),
            by
        ],
    )?;
    Ok(())
}

/// The latest edition in `lang`: what is known of it.
pub fn latest(conn: &Connection, lang: Lang) -> Result<Option<EditionInfo>> {
    let mut stmt = conn.prepare_cached(
        "SELECT edition, language, size, built_at, built_by FROM report_editions
         WHERE language = ?1 ORDER BY edition DESC LIMIT 1",
    )?;
    Ok(stmt
        .query_row([lang.code()], |r| {
            Ok(EditionInfo {
                edition: r.get("edition")?,
                language: r.get("language")?,
                size: r.get("size")?,
                built_at: r.get("built_at")?,
                built_by: r.get("built_by")?,
            })
        })
        .optional()?)
}

/// The latest edition's PDF in `lang`, with when it was built.
pub fn latest_pdf(conn: &Connection, lang: Lang) -> Result<Option<(i64, Vec<u8>)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT built_at, pdf FROM report_editions
         WHERE language = ?1 ORDER BY edition DESC LIMIT 1",
    )?;
    Ok(stmt
        .query_row([lang.code()], |r| Ok((r.get("built_at")?, r.get("pdf")?)))
        .optional()?)
}
