//! A person's own data read at once, anonymising a person, and removing contact
//! details and credentials past their time.

use rusqlite::{Connection, OptionalExtension, params};

use super::{Result, now_seconds};
use crate::domain::privacy::{
    ANONYMISED_NAME, AnswerData, AuditData, InputData, MessageData, NoteData, PERSONAL_DATA_FORMAT,
    PersonalData, Profile, RatingData, ReasonData, RegistrationData, SessionData,
    SubmissionVersion, WritingData, anonymised_email, moment, removed_registration_email,
};

/// Everything stored about person `user_id` (none if there is no such person), as of
/// the transaction's moment.
pub fn personal_data(conn: &Connection, user_id: i64) -> Result<Option<PersonalData>> {
    let Some(profile) = profile(conn, user_id)? else {
        return Ok(None);
    };
    Ok(Some(PersonalData {
        format: PERSONAL_DATA_FORMAT,
        exported_at: moment(now_seconds()),
        profile,
        registrations: registrations(conn, user_id)?,
        ratings: ratings(conn, user_id)?,
        rating_reasons: reasons(conn, user_id)?,
        notes: notes(conn, user_id)?,
        submissions: submissions(conn, user_id)?,
        writings: writings(conn, user_id)?,
        inputs: inputs(conn, user_id)?,
        sessions: sessions(conn, user_id)?,
        messages: messages(conn, user_id)?,
        audit: audit(conn, user_id)?,
    }))
}

fn profile(conn: &Connection, user_id: i64) -> Result<Option<Profile>> {
    let row = conn
        .query_row(
            "SELECT u.id, u.name, u.email, o.name AS organisation, u.active, u.created_at,
                    u.lang, u.digest,
                    (SELECT group_concat(role) FROM user_roles r WHERE r.user_id = u.id) AS roles
             FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = ?1",
            [user_id],
            |r| {
                let roles: Option<String> = r.get("roles")?;
                let roles = super::users::roles_of(roles.as_deref());
                Ok(Profile {
                    id: r.get("id")?,
                    name: r.get("name")?,
                    email: r.get("email")?,
                    organisation: r.get("organisation")?,
                    roles,
                    active: r.get("active")?,
                    created_at: moment(r.get("created_at")?),
                    message_language: r.get("lang")?,
                    digest: r.get("digest")?,
                    messages_turned_off: Vec::new(),
                })
            },
        )
        .optional()?;
    let Some(mut profile) = row else {
        return Ok(None);
    };
    profile.messages_turned_off = super::outbox::optouts(conn, user_id)?
        .into_iter()
        .map(|k| k.key().to_string())
        .collect();
    Ok(Some(profile))
}

fn registrations(conn: &Connection, user_id: i64) -> Result<Vec<RegistrationData>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.id, r.event_id, e.title, e.starts_at, r.name, r.email, r.status, r.attended,
                r.created_at, r.cancelled_at
         FROM registrations r JOIN events e ON e.id = r.event_id
         WHERE r.user_id = ?1 ORDER BY r.id",
    )?;
    let mut registrations = stmt
        .query_map([user_id], |r| {
            Ok(RegistrationData {
                id: r.get("id")?,
                event_id: r.get("event_id")?,
                event: r.get("title")?,
                event_starts_at: moment(r.get("starts_at")?),
                name: r.get("name")?,
                email: r.get("email")?,
                status: r.get("status")?,
                attended: r.get("attended")?,
                created_at: moment(r.get("created_at")?),
                cancelled_at: r.get::<_, Option<i64>>("cancelled_at")?.map(moment),
                answers: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut answers = conn.prepare_cached(
        "SELECT q.label, a.answer FROM registration_answers a
         JOIN event_questions q ON q.id = a.question_id
         WHERE a.registration_id = ?1 ORDER BY q.id",
    )?;
    for registration in &mut registrations {
        registration.answers = answers
            .query_map([registration.id], |r| {
                Ok(AnswerData {
                    question: r.get("label")?,
                    answer: r.get("answer")?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(registrations)
}

/// The messages written to the person (to their account, or to their address before
/// they had one), as the outbox keeps them: without the secrets of links.
fn messages(conn: &Connection, user_id: i64) -> Result<Vec<MessageData>> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, status, recipient, content, message_id, created_at, sent_at FROM outbox
         WHERE user_id = ?1
            OR (user_id IS NULL AND lower(recipient) =
                (SELECT lower(email) FROM users WHERE id = ?1))
         ORDER BY id",
    )?;
    let rows = stmt.query_map([user_id], |r| {
        let content: String = r.get("content")?;
        let content = serde_json::from_str::<crate::domain::mail::Content>(&content)
            .ok()
            .map(|c| c.redacted())
            .and_then(|c| serde_json::to_value(c).ok())
            .unwrap_or(serde_json::Value::Null);
        let sent_at: Option<i64> = r.get("sent_at")?;
        Ok(MessageData {
            kind: r.get("kind")?,
            status: r.get("status")?,
            to: r.get("recipient")?,
            content,
            message_id: r.get("message_id")?,
            written_at: moment(r.get("created_at")?),
            sent_at: sent_at.map(moment),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn ratings(conn: &Connection, user_id: i64) -> Result<Vec<RatingData>> {
    let mut stmt = conn.prepare_cached(
        "SELECT g.round_id, ro.title AS round, g.note_id, n.title AS note, g.criterion, g.value,
                g.updated_at
         FROM ratings g JOIN rounds ro ON ro.id = g.round_id JOIN notes n ON n.id = g.note_id
         WHERE g.user_id = ?1 ORDER BY g.round_id, g.note_id, g.criterion",
    )?;
    let rows = stmt.query_map([user_id], |r| {
        Ok(RatingData {
            round_id: r.get("round_id")?,
            round: r.get("round")?,
            note_id: r.get("note_id")?,
            note: r.get("note")?,
            criterion: r.get("criterion")?,
            value: r.get("value")?,
            updated_at: moment(r.get("updated_at")?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn reasons(conn: &Connection, user_id: i64) -> Result<Vec<ReasonData>> {
    let mut stmt = conn.prepare_cached(
        "SELECT round_id, note_id, reason, updated_at FROM rating_reasons
         WHERE user_id = ?1 ORDER BY round_id, note_id",
    )?;
    let rows = stmt.query_map([user_id], |r| {
        Ok(ReasonData {
            round_id: r.get("round_id")?,
            note_id: r.get("note_id")?,
            reason: r.get("reason")?,
            updated_at: moment(r.get("updated_at")?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn notes(conn: &Connection, user_id: i64) -> Result<Vec<NoteData>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, note_type, title, summary, status, created_at, updated_at FROM notes
         WHERE author_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([user_id], |r| {
        Ok(NoteData {
            id: r.get("id")?,
            note_type: r.get("note_type")?,
            title: r.get("title")?,
            summary: r.get("summary")?,
            status: r.get("status")?,
            created_at: moment(r.get("created_at")?),
            updated_at: moment(r.get("updated_at")?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The versions of home-assignment submissions the person wrote (saved or submitted).
fn submissions(conn: &Connection, user_id: i64) -> Result<Vec<SubmissionVersion>> {
    let mut stmt = conn.prepare_cached(
        "SELECT v.submission_id, s.phase_slug, v.version, v.action, v.status, v.snapshot,
                v.changed_at
         FROM submission_revisions v JOIN submissions s ON s.id = v.submission_id
         WHERE v.changed_by = ?1 AND v.action IN ('save', 'submit')
         ORDER BY v.submission_id, v.version",
    )?;
    let rows = stmt.query_map([user_id], |r| {
        let snapshot: String = r.get("snapshot")?;
        Ok(SubmissionVersion {
            submission_id: r.get("submission_id")?,
            phase: r.get("phase_slug")?,
            version: r.get("version")?,
            action: r.get("action")?,
            status: r.get("status")?,
            snapshot: serde_json::from_str(&snapshot)
                .unwrap_or(serde_json::Value::String(snapshot)),
            changed_at: moment(r.get("changed_at")?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Sources, consequences and scenario comments the person wrote, oldest first by kind.
fn writings(conn: &Connection, user_id: i64) -> Result<Vec<WritingData>> {
    let mut all = Vec::new();
    for (kind, sql) in [
        (
            "source",
            "SELECT id, title || char(10) || summary AS text, created_at FROM sources
             WHERE author_id = ?1 ORDER BY id",
        ),
        (
            "consequence",
            "SELECT id, text, created_at FROM consequences WHERE created_by = ?1 ORDER BY id",
        ),
        (
            "scenario_comment",
            "SELECT id, body AS text, created_at FROM scenario_comments
             WHERE author_id = ?1 ORDER BY id",
        ),
    ] {
        let mut stmt = conn.prepare_cached(sql)?;
        let rows = stmt.query_map([user_id], |r| {
            Ok(WritingData {
                kind,
                id: r.get("id")?,
                text: r.get("text")?,
                created_at: moment(r.get("created_at")?),
            })
        })?;
        all.extend(rows.collect::<rusqlite::Result<Vec<_>>>()?);
    }
    Ok(all)
}

/// Input sent from the person's address (compared without regard to case).
fn inputs(conn: &Connection, user_id: i64) -> Result<Vec<InputData>> {
    let mut stmt = conn.prepare_cached(
        "SELECT i.id, i.name, i.email, i.body, i.status, i.created_at FROM inputs i
         JOIN users u ON lower(u.email) = lower(i.email) WHERE u.id = ?1 ORDER BY i.id",
    )?;
    let rows = stmt.query_map([user_id], |r| {
        Ok(InputData {
            id: r.get("id")?,
            name: r.get("name")?,
            email: r.get("email")?,
            body: r.get("body")?,
            status: r.get("status")?,
            created_at: moment(r.get("created_at")?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn sessions(conn: &Connection, user_id: i64) -> Result<Vec<SessionData>> {
    let mut stmt = conn.prepare_cached(
        "SELECT created_at, last_seen_at FROM sessions WHERE user_id = ?1 ORDER BY created_at",
    )?;
    let rows = stmt.query_map([user_id], |r| {
        Ok(SessionData {
            created_at: moment(r.get("created_at")?),
            last_seen_at: moment(r.get("last_seen_at")?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Entries about the person (`user:<id>`) and those they made; the address only of
/// their own.
fn audit(conn: &Connection, user_id: i64) -> Result<Vec<AuditData>> {
    let mut stmt = conn.prepare_cached(
        "SELECT at, actor_id, address, action, subject, detail FROM audit_log
         WHERE subject = ?2 OR actor_id = ?1 ORDER BY id",
    )?;
    let subject = format!("user:{user_id}");
    let rows = stmt.query_map(params![user_id, subject], |r| {
        let by_you = r.get::<_, Option<i64>>("actor_id")? == Some(user_id);
        Ok(AuditData {
            at: moment(r.get("at")?),
            action: r.get("action")?,
            subject: r.get("subject")?,
            detail: r.get("detail")?,
            by_you,
            address: if by_you { r.get("address")? } else { None },
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Replaces what identifies person `user_id` (their name, address and password; their
/// sessions, set-password links, feed token and throttle records; the name and address
/// of their registrations, and the same address where it names the contact of an
/// organisation or event, or the sender of input) and deactivates them. Their
/// contributions stay theirs. Returns the address they had (none: no such person).
pub fn anonymise(conn: &Connection, user_id: i64) -> Result<Option<String>> {
    let Some(email): Option<String> = conn
        .query_row("SELECT email FROM users WHERE id = ?1", [user_id], |r| {
            r.get("email")
        })
        .optional()?
    else {
        return Ok(None);
    };
    let placeholder = anonymised_email(user_id);
    let now = now_seconds();
    conn.execute(
        "UPDATE users SET name = ?2, email = ?3, password_hash = NULL, active = 0,
                anonymised_at = coalesce(anonymised_at, ?4)
         WHERE id = ?1",
        params![user_id, ANONYMISED_NAME, placeholder, now],
    )?;
    conn.execute("DELETE FROM sessions WHERE user_id = ?1", [user_id])?;
    conn.execute("DELETE FROM password_links WHERE user_id = ?1", [user_id])?;
    conn.execute("DELETE FROM feed_tokens WHERE user_id = ?1", [user_id])?;
    conn.execute(
        "DELETE FROM login_failures WHERE key = 'account:' || ?1",
        [&email],
    )?;
    // Each registration its own address, as one live registration per address and
    // event requires.
    conn.execute(
        "UPDATE registrations SET name = ?2, email = 'anonymised-' || ?1 || '-' || id || '@invalid',
                contact_removed_at = coalesce(contact_removed_at, ?3)
         WHERE user_id = ?1",
        params![user_id, ANONYMISED_NAME, now],
    )?;
    conn.execute(
        "UPDATE organisations SET contact_name = NULL, contact_email = NULL, contact_phone = NULL
         WHERE lower(contact_email) = lower(?1)",
        [&email],
    )?;
    conn.execute(
        "UPDATE events SET contact_name = NULL, contact_email = NULL
         WHERE lower(contact_email) = lower(?1)",
        [&email],
    )?;
    conn.execute(
        "UPDATE inputs SET name = NULL, email = NULL, address = NULL,
                contact_removed_at = coalesce(contact_removed_at, ?2)
         WHERE lower(email) = lower(?1)",
        params![email, now],
    )?;
    forget_recipient(conn, Some(user_id), &email, &placeholder)?;
    conn.execute(
        "DELETE FROM pending_registrations WHERE lower(email) = lower(?1)",
        [&email],
    )?;
    Ok(Some(email))
}

/// Removes the name and e-mail of registrants without an account from events that
/// ended before `ended_before`; returns how many registrations lost them.
pub fn remove_registrant_contacts(conn: &Connection, ended_before: i64) -> Result<usize> {
    let ids: Vec<i64> = conn
        .prepare_cached(
            "SELECT r.id FROM registrations r JOIN events e ON e.id = r.event_id
             WHERE r.user_id IS NULL AND r.contact_removed_at IS NULL AND e.ends_at < ?1",
        )?
        .query_map([ended_before], |r| r.get("id"))?
        .collect::<rusqlite::Result<_>>()?;
    let mut update = conn.prepare_cached(
        "UPDATE registrations SET name = ?2, email = ?3, contact_removed_at = ?4 WHERE id = ?1",
    )?;
    let mut address_of = conn.prepare_cached("SELECT email FROM registrations WHERE id = ?1")?;
    let now = now_seconds();
    for id in &ids {
        let email: String = address_of.query_row([id], |r| r.get("email"))?;
        let placeholder = removed_registration_email(*id);
        update.execute(params![id, ANONYMISED_NAME, placeholder, now])?;
        forget_recipient(conn, None, &email, &placeholder)?;
    }
    Ok(ids.len())
}

/// The outbox forgets a receiver: messages still waiting for them are dropped (there is
/// no address left to send them to), and those sent or given up keep what they told
/// under `placeholder`. Messages to the account `user_id`, and to `email` without an
/// account.
fn forget_recipient(
    conn: &Connection,
    user_id: Option<i64>,
    email: &str,
    placeholder: &str,
) -> Result<()> {
    let whose = "(user_id = ?1 OR (user_id IS NULL AND lower(recipient) = lower(?2)))";
    conn.execute(
        &format!("DELETE FROM outbox WHERE status = 'queued' AND {whose}"),
        params![user_id, email],
    )?;
    conn.execute(
        &format!(
            "UPDATE outbox SET recipient = ?3, recipient_name = '', last_error = NULL WHERE {whose}"
        ),
        params![user_id, email, placeholder],
    )?;
    Ok(())
}

/// Removes the sender's name, e-mail and network address from input moderated before
/// `moderated_before` (the name stays where the sender allowed it to be published with
/// their input); returns how many pieces of input lost them.
pub fn remove_input_contacts(conn: &Connection, moderated_before: i64) -> Result<usize> {
    Ok(conn.execute(
        "UPDATE inputs SET email = NULL, address = NULL,
                name = CASE WHEN name_public = 1 AND published = 1 THEN name END,
                contact_removed_at = ?2
         WHERE contact_removed_at IS NULL AND handled_at IS NOT NULL AND handled_at < ?1",
        params![moderated_before, now_seconds()],
    )?)
}

/// Deletes set-password links that were used or expired before `now`.
pub fn delete_spent_password_links(conn: &Connection, now: i64) -> Result<usize> {
    Ok(conn.execute(
        "DELETE FROM password_links WHERE used_at IS NOT NULL OR expires_at <= ?1",
        [now],
    )?)
}
