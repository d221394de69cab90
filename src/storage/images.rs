//! Uploaded illustrations.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::{Result, now_seconds};
use crate::domain::image::ValidImage;
use crate::domain::publication::PublicationStatus;

#[derive(Debug, Clone, Serialize)]
pub struct ImageInfo {
    pub name: String,
    pub alt: String,
    pub size: i64,
    pub created_at: i64,
}

/// Stores a checked image (its bytes as encoded again) under `name`.
pub fn insert(conn: &Connection, name: &str, image: &ValidImage, by: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO images (name, mime, alt, bytes, size, uploaded_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            name,
            image.mime,
            image.alt,
            image.bytes,
            image.bytes.len() as i64,
            by,
            now_seconds()
        ],
    )?;
    Ok(())
}

/// An image's content type and bytes.
pub fn get(conn: &Connection, name: &str) -> Result<Option<(String, Vec<u8>)>> {
    let mut stmt = conn.prepare_cached("SELECT mime, bytes FROM images WHERE name = ?1")?;
    Ok(stmt
        .query_row([name], |r| Ok((r.get("mime")?, r.get("bytes")?)))
        .optional()?)
}

/// Whether an image is public now: shown in a text the public sees (the rule is
/// `is_public`, given the status and publication time of each text naming it).
pub fn texts_showing(
    conn: &Connection,
    name: &str,
) -> Result<Vec<(PublicationStatus, Option<i64>)>> {
    let mut stmt = conn
        .prepare_cached("SELECT status, publish_at FROM publications WHERE instr(body, ?1) > 0")?;
    let rows = stmt.query_map([format!("/media/{name}")], |r| {
        let status: String = r.get("status")?;
        Ok((status, r.get("publish_at")?))
    })?;
    Ok(rows
        .collect::<rusqlite::Result<Vec<(String, Option<i64>)>>>()?
        .into_iter()
        .filter_map(|(status, at)| PublicationStatus::parse(&status).map(|s| (s, at)))
        .collect())
}

/// Every image, newest first (without their bytes).
pub fn list(conn: &Connection) -> Result<Vec<ImageInfo>> {
    let mut stmt = conn.prepare_cached(
        "SELECT name, alt, size, created_at FROM images ORDER BY id DESC LIMIT 200",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(ImageInfo {
            name: r.get("name")?,
            alt: r.get("alt")?,
            size: r.get("size")?,
            created_at: r.get("created_at")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
