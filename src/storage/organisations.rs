//! Organisations and the address list.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use super::{Result, now_seconds};
use crate::domain::organisation::{Category, ValidOrganisation};

#[derive(Debug, Clone, Serialize)]
pub struct Organisation {
    pub id: i64,
    pub name: String,
    pub category: Category,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub address: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub members: i64,
}

const COLUMNS: &str = "o.id, o.name, o.category, o.contact_name, o.contact_email, o.contact_phone,
     o.address, o.postcode, o.city,
     (SELECT count(*) FROM users u WHERE u.organisation_id = o.id AND u.active = 1) AS members";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Organisation> {
    let category: String = r.get("category")?;
    Ok(Organisation {
        id: r.get("id")?,
        name: r.get("name")?,
        category: Category::parse(&category).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                2,
                rusqlite::types::Type::Text,
                category.into(),
            )
        })?,
        contact_name: r.get("contact_name")?,
        contact_email: r.get("contact_email")?,
        contact_phone: r.get("contact_phone")?,
        address: r.get("address")?,
        postcode: r.get("postcode")?,
        city: r.get("city")?,
        members: r.get("members")?,
    })
}

/// Every organisation, by category then name (there are tens, not thousands).
pub fn all(conn: &Connection) -> Result<Vec<Organisation>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM organisations o
         ORDER BY CASE o.category WHEN 'metropolitan_region' THEN 0 WHEN 'region' THEN 1
                  WHEN 'agency' THEN 2 WHEN 'partner' THEN 3 ELSE 4 END, o.name"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Organisation>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM organisations o WHERE o.id = ?1"
    ))?;
    Ok(stmt.query_row([id], from_row).optional()?)
}

pub fn find_by_name(conn: &Connection, name: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM organisations WHERE name = ?1",
            [name],
            |r| r.get("id"),
        )
        .optional()?)
}

pub fn insert(conn: &Connection, org: &ValidOrganisation) -> Result<i64> {
    let now = now_seconds();
    conn.execute(
        "INSERT INTO organisations (name, category, contact_name, contact_email, contact_phone,
                                    address, postcode, city, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            org.name,
            org.category.key(),
            org.contact_name,
            org.contact_email.as_ref().map(|e| e.as_str()),
            org.contact_phone,
            org.address,
            org.postcode,
            org.city,
            now
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Updates an organisation; `false` when there is no such organisation.
pub fn update(conn: &Connection, id: i64, org: &ValidOrganisation) -> Result<bool> {
    let changed = conn.execute(
        "UPDATE organisations SET name = ?2, category = ?3, contact_name = ?4, contact_email = ?5,
                contact_phone = ?6, address = ?7, postcode = ?8, city = ?9, updated_at = ?10
         WHERE id = ?1",
        params![
            id,
            org.name,
            org.category.key(),
            org.contact_name,
            org.contact_email.as_ref().map(|e| e.as_str()),
            org.contact_phone,
            org.address,
            org.postcode,
            org.city,
            now_seconds()
        ],
    )?;
    Ok(changed == 1)
}
