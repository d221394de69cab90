//! People, their roles and their set-password links.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use super::{Result, now_seconds};
use crate::domain::user::{Email, Role};

/// A person as the workspace shows them.
#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub roles: Vec<Role>,
    pub active: bool,
    pub has_password: bool,
    /// Anonymised: the name and address are placeholders, and pages name them as a
    /// former participant of their organisation.
    pub anonymised: bool,
}

impl User {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

const COLUMNS: &str =
    "u.id, u.email, u.name, u.organisation_id, o.name AS organisation_name, u.active,
     u.password_hash IS NOT NULL AS has_password, u.anonymised_at IS NOT NULL AS anonymised,
     (SELECT group_concat(role) FROM user_roles r WHERE r.user_id = u.id) AS roles";

/// The roles of a `group_concat(role)` column, in their order.
pub(super) fn roles_of(column: Option<&str>) -> Vec<Role> {
    let mut roles: Vec<Role> = column
        .unwrap_or("")
        .split(',')
        .filter_map(Role::parse)
        .collect();
    roles.sort();
    roles
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<User> {
    let roles: Option<String> = r.get("roles")?;
    let roles = roles_of(roles.as_deref());
    Ok(User {
        id: r.get("id")?,
        email: r.get("email")?,
        name: r.get("name")?,
        organisation_id: r.get("organisation_id")?,
        organisation_name: r.get("organisation_name")?,
        active: r.get("active")?,
        has_password: r.get("has_password")?,
        anonymised: r.get("anonymised")?,
        roles,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<User>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = ?1"
    ))?;
    Ok(stmt.query_row([id], from_row).optional()?)
}

/// Everyone, by organisation then name; with an organisation, only its members.
pub fn list(conn: &Connection, organisation_id: Option<i64>) -> Result<Vec<User>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM users u JOIN organisations o ON o.id = u.organisation_id
         WHERE ?1 IS NULL OR u.organisation_id = ?1
         ORDER BY o.name, u.name"
    ))?;
    let rows = stmt.query_map([organisation_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// For login: the id, stored hash and whether the account is active.
pub fn credentials(conn: &Connection, email: &str) -> Result<Option<(i64, Option<String>, bool)>> {
    Ok(conn
        .query_row(
            "SELECT id, password_hash, active FROM users WHERE email = ?1",
            [email],
            |r| Ok((r.get("id")?, r.get("password_hash")?, r.get("active")?)),
        )
        .optional()?)
}

pub fn find_by_email(conn: &Connection, email: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row("SELECT id FROM users WHERE email = ?1", [email], |r| {
            r.get("id")
        })
        .optional()?)
}

pub fn count(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT count(*) AS users FROM users", [], |r| {
            r.get("users")
        })?,
    )
}

pub fn insert(
    conn: &Connection,
    name: &str,
    email: &Email,
    organisation_id: i64,
    roles: &[Role],
) -> Result<i64> {
    conn.execute(
        "INSERT INTO users (email, name, organisation_id, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![email.as_str(), name, organisation_id, now_seconds()],
    )?;
    let id = conn.last_insert_rowid();
    set_roles(conn, id, roles)?;
    Ok(id)
}

pub fn update(
    conn: &Connection,
    id: i64,
    name: &str,
    email: &Email,
    organisation_id: i64,
) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE users SET name = ?2, email = ?3, organisation_id = ?4 WHERE id = ?1",
        params![id, name, email.as_str(), organisation_id],
    )? == 1)
}

pub fn set_roles(conn: &Connection, id: i64, roles: &[Role]) -> Result<()> {
    conn.execute("DELETE FROM user_roles WHERE user_id = ?1", [id])?;
    let mut stmt = conn.prepare_cached("INSERT INTO user_roles (user_id, role) VALUES (?1, ?2)")?;
    for role in roles {
        stmt.execute(params![id, role.key()])?;
    }
    Ok(())
}

pub fn set_active(conn: &Connection, id: i64, active: bool) -> Result<()> {
    conn.execute(
        "UPDATE users SET active = ?2 WHERE id = ?1",
        params![id, active],
    )?;
    Ok(())
}

pub fn set_password_hash(conn: &Connection, id: i64, hash: &str) -> Result<()> {
    conn.execute(
        "UPDATE users SET password_hash = ?2 WHERE id = ?1",
        params![id, hash],
    )?;
    Ok(())
}

/// Stores a new set-password link; earlier unused links of the person stop working.
pub fn create_password_link(
    conn: &Connection,
    digest: &[u8],
    user_id: i64,
    created_by: Option<i64>,
    expires_at: i64,
) -> Result<()> {
    let now = now_seconds();
    conn.execute(
        "UPDATE password_links SET used_at = ?2 WHERE user_id = ?1 AND used_at IS NULL",
        params![user_id, now],
    )?;
    conn.execute(
        "INSERT INTO password_links (token_digest, user_id, created_by, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![digest, user_id, created_by, now, expires_at],
    )?;
    Ok(())
}

/// The person a link is for, while it is unused and unexpired.
pub fn password_link_user(conn: &Connection, digest: &[u8], now: i64) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT user_id FROM password_links
             WHERE token_digest = ?1 AND used_at IS NULL AND expires_at > ?2",
            params![digest, now],
            |r| r.get("user_id"),
        )
        .optional()?)
}

/// Marks a link used; `false` when it was used or expired meanwhile.
pub fn use_password_link(conn: &Connection, digest: &[u8], now: i64) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE password_links SET used_at = ?2
         WHERE token_digest = ?1 AND used_at IS NULL AND expires_at > ?2",
        params![digest, now],
    )? == 1)
}

/// Issues a set-password link for a person: a new random token, stored only as its
/// digest, valid once until it expires. Returns the token for the link.
pub fn issue_password_link(
    conn: &Connection,
    user_id: i64,
    created_by: Option<i64>,
    lifetime: std::time::Duration,
) -> Result<String> {
    let token = crate::domain::credentials::new_token();
    let digest = crate::domain::credentials::token_digest(&token);
    let expires_at = now_seconds() + lifetime.as_secs() as i64;
    create_password_link(conn, &digest, user_id, created_by, expires_at)?;
    Ok(token)
}
