//! What the scheduled messages need: each reminder claimed once, the digest each person
//! chose and what is new since their last one, and the people a reminder or a process
//! leader's message goes to.

use rusqlite::{Connection, OptionalExtension, params};

use super::Result;
use super::users::User;
use crate::domain::mail::{DIGEST_ITEMS_PER_SECTION, DigestItem, DigestPeriod, DigestSection};
use crate::domain::organisation::Category;
use crate::domain::user::Role;

/// Claims the scheduled notice `key` at `now`: true the first time only.
pub fn claim(conn: &Connection, key: &str, now: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "INSERT INTO mail_schedule (key, at) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
        )?
        .execute(params![key, now])?
        == 1)
}

/// Whether the scheduled notice `key` was claimed.
pub fn claimed(conn: &Connection, key: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM mail_schedule WHERE key = ?1")?
        .query_row([key], |_| Ok(()))
        .optional()?
        .is_some())
}

/// The digest person `user_id` chose, if any.
pub fn digest_of(conn: &Connection, user_id: i64) -> Result<Option<DigestPeriod>> {
    let key: Option<Option<String>> = conn
        .prepare_cached("SELECT digest FROM users WHERE id = ?1")?
        .query_row([user_id], |r| r.get(0))
        .optional()?;
    Ok(key.flatten().as_deref().and_then(DigestPeriod::parse))
}

/// Sets person `user_id`'s digest (none: no digest). A new choice counts from `now`; the
/// same choice again keeps the moment the next digest counts from.
pub fn set_digest(
    conn: &Connection,
    user_id: i64,
    period: Option<DigestPeriod>,
    now: i64,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE users SET digest = ?2,
             digest_since = CASE WHEN digest IS ?2 THEN coalesce(digest_since, ?3) ELSE ?3 END
         WHERE id = ?1",
    )?
    .execute(params![user_id, period.map(DigestPeriod::key), now])?;
    Ok(())
}

/// The next digest of person `user_id` counts from `now`.
pub fn digest_sent(conn: &Connection, user_id: i64, now: i64) -> Result<()> {
    conn.prepare_cached("UPDATE users SET digest_since = ?2 WHERE id = ?1")?
        .execute(params![user_id, now])?;
    Ok(())
}

/// The active people who chose a digest, with their choice and the moment it counts from.
pub fn digest_readers(conn: &Connection) -> Result<Vec<(i64, DigestPeriod, i64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, digest, coalesce(digest_since, 0) FROM users
         WHERE digest IS NOT NULL AND active = 1 AND anonymised_at IS NULL ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    let mut readers = Vec::new();
    for row in rows {
        let (id, key, since) = row?;
        if let Some(period) = DigestPeriod::parse(&key) {
            readers.push((id, period, since));
        }
    }
    Ok(readers)
}

/// What became visible to members between `since` and `until`: bank notes handed in or
/// curated, published events and published texts, newest first, at most
/// [`DIGEST_ITEMS_PER_SECTION`] of each; and how many more there were.
pub fn digest_items(conn: &Connection, since: i64, until: i64) -> Result<(Vec<DigestItem>, usize)> {
    // Notes and events count from their last change (a draft handed in, a proposal
    // published, a time moved); a text from when the public could first read it.
    let sections: [(DigestSection, &str, &str); 3] = [
        (
            DigestSection::Bank,
            "SELECT id, title FROM notes WHERE status IN ('submitted', 'curated')
             AND updated_at >= ?1 AND updated_at < ?2 ORDER BY updated_at DESC, id DESC",
            "/bank/",
        ),
        (
            DigestSection::Calendar,
            "SELECT id, title FROM events WHERE status = 'published'
             AND updated_at >= ?1 AND updated_at < ?2 ORDER BY starts_at, id",
            "/events/",
        ),
        (
            DigestSection::Publications,
            "SELECT id, title FROM publications WHERE status = 'published'
             AND max(coalesce(publish_at, 0), published_at) >= ?1
             AND max(coalesce(publish_at, 0), published_at) < ?2
             ORDER BY max(coalesce(publish_at, 0), published_at) DESC, id DESC",
            "/publications/",
        ),
    ];
    let (mut items, mut more) = (Vec::new(), 0);
    for (section, sql, path) in sections {
        let mut stmt = conn.prepare_cached(sql)?;
        let rows = stmt.query_map(params![since, until], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        for (n, row) in rows.enumerate() {
            let (id, title) = row?;
            if n < DIGEST_ITEMS_PER_SECTION {
                items.push(DigestItem {
                    section,
                    title,
                    path: format!("{path}{id}"),
                });
            } else {
                more += 1;
            }
        }
    }
    Ok((items, more))
}

/// The active, named people (not anonymised) of the organisations `organisation` picks.
fn people(conn: &Connection, keep: impl Fn(&User) -> bool) -> Result<Vec<User>> {
    Ok(super::users::list(conn, None)?
        .into_iter()
        .filter(|u| u.active && !u.anonymised && keep(u))
        .collect())
}

/// Every active account.
pub fn everyone(conn: &Connection) -> Result<Vec<User>> {
    people(conn, |_| true)
}

/// The active accounts of the organisations of `category`.
pub fn of_category(conn: &Connection, category: Category) -> Result<Vec<User>> {
    let mut stmt = conn.prepare_cached("SELECT id FROM organisations WHERE category = ?1")?;
    let ids: Vec<i64> = stmt
        .query_map([category.key()], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    people(conn, |u| ids.contains(&u.organisation_id))
}

/// The active strategists.
pub fn strategists(conn: &Connection) -> Result<Vec<User>> {
    people(conn, |u| u.has(Role::Strategist))
}

/// The active strategists of the organisations that have not submitted `phase`'s home
/// assignment (not started, a draft, or returned to them), but for those of
/// `organisers` (which run the programme and owe none).
pub fn strategists_not_submitted(
    conn: &Connection,
    phase: &str,
    organisers: &[i64],
) -> Result<Vec<User>> {
    let mut stmt = conn.prepare_cached(
        "SELECT organisation_id FROM submissions
         WHERE phase_slug = ?1 AND status IN ('submitted', 'accepted')",
    )?;
    let done: Vec<i64> = stmt
        .query_map([phase], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    people(conn, |u| {
        u.has(Role::Strategist)
            && !done.contains(&u.organisation_id)
            && !organisers.contains(&u.organisation_id)
    })
}

/// The active strategists who have not rated anything in round `round_id`.
pub fn strategists_not_rated(conn: &Connection, round_id: i64) -> Result<Vec<User>> {
    let mut stmt =
        conn.prepare_cached("SELECT DISTINCT user_id FROM ratings WHERE round_id = ?1")?;
    let rated: Vec<i64> = stmt
        .query_map([round_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    people(conn, |u| u.has(Role::Strategist) && !rated.contains(&u.id))
}

/// Someone registered for an event, as a message reaches them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registrant {
    pub registration_id: i64,
    pub user_id: Option<i64>,
    pub name: String,
    pub email: String,
}

/// Those registered for `event_id`, with a seat or waiting, in the order they registered;
/// not those whose contact details were removed, nor people anonymised or no longer
/// active.
pub fn registrants(conn: &Connection, event_id: i64) -> Result<Vec<Registrant>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.id, r.user_id, r.name, r.email FROM registrations r
         LEFT JOIN users u ON u.id = r.user_id
         WHERE r.event_id = ?1 AND r.status IN ('confirmed', 'waiting')
           AND r.contact_removed_at IS NULL
           AND (r.user_id IS NULL OR (u.active = 1 AND u.anonymised_at IS NULL))
         ORDER BY r.id",
    )?;
    let rows = stmt.query_map([event_id], |r| {
        Ok(Registrant {
            registration_id: r.get(0)?,
            user_id: r.get(1)?,
            name: r.get(2)?,
            email: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
