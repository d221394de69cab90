//! Personal data is the person's: what a person downloads of their own data, what
//! anonymising someone leaves in place of their name and address, and when contact
//! details the programme no longer needs are removed.

use chrono::{DateTime, Months, Utc};
use serde::Serialize;

use super::user::Role;

/// The name an anonymised person is stored under: a neutral word in the default
/// language, never shown as such where a page can say "a former participant of their
/// organisation" in the reader's language.
pub const ANONYMISED_NAME: &str = "Tidigare deltagare";

/// The address an anonymised person is stored under: unique, and no address at all
/// (`.invalid` is reserved and never delivers).
pub fn anonymised_email(user_id: i64) -> String {
    format!("anonymised-{user_id}@invalid")
}

/// What stands first in the name storage reads for an anonymised person wherever a
/// page shows who wrote, rated or changed something, followed by their organisation's
/// name (a character of Unicode's private use area, never typed into a form). The
/// renderer shows it as "a former participant of ORGANISATION" in the reader's language.
pub const FORMER_PARTICIPANT: char = '\u{E000}';

/// The organisation of a name read as an anonymised person's (see
/// [`FORMER_PARTICIPANT`]); none for anyone else's name.
pub fn former_participant_of(name: &str) -> Option<&str> {
    name.strip_prefix(FORMER_PARTICIPANT)
}

/// The name and address a registration keeps once its contact details are removed:
/// unique per registration, as one live registration per address and event requires.
pub fn removed_registration_email(registration_id: i64) -> String {
    format!("removed-{registration_id}@invalid")
}

/// The moment `months` calendar months before `now` (the last day of a shorter month
/// when the day does not exist in it): what happened before it is past its retention.
pub fn months_before(now: DateTime<Utc>, months: u32) -> DateTime<Utc> {
    now.checked_sub_months(Months::new(months))
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// What one run of the retention job removed (each count is of rows changed now, so a
/// second run the same day counts nothing).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Retained {
    /// Registrations without an account whose name and e-mail were removed.
    pub registrations: usize,
    /// Pieces of input whose sender's contact details were removed.
    pub inputs: usize,
    /// Sessions past their idle or absolute lifetime.
    pub sessions: usize,
    /// Set-password links used or expired.
    pub password_links: usize,
    /// Login failures older than the throttle's window.
    pub login_failures: usize,
}

/// Everything the workspace holds about one person, as they download it
/// (`GET /account/data.json`). The shape, version `format`:
///
/// ```json
/// {
///   "format": "framsyn-personal-data/1",
///   "exported_at": "2026-12-03T10:00:00Z",
///   "profile": { "id": 7, "name": "…", "email": "…", "organisation": "…",
///                "roles": ["strategist"], "active": true, "created_at": "…" },
///   "registrations": [{ "id": 3, "event_id": 2, "event": "…", "event_starts_at": "…",
///       "name": "…", "email": "…", "status": "confirmed", "attended": null,
///       "created_at": "…", "cancelled_at": null,
///       "answers": [{ "question": "…", "answer": "…" }] }],
///   "ratings": [{ "round_id": 1, "round": "…", "note_id": 4, "note": "…",
///       "criterion": "impact", "value": 4, "updated_at": "…" }],
///   "rating_reasons": [{ "round_id": 1, "note_id": 4, "reason": "…", "updated_at": "…" }],
///   "notes": [{ "id": 4, "type": "trend", "title": "…", "summary": "…",
///       "status": "submitted", "created_at": "…", "updated_at": "…" }],
///   "submissions": [{ "submission_id": 2, "phase": "omvarlden", "version": 3,
///       "action": "submit", "status": "submitted", "snapshot": { … }, "changed_at": "…" }],
///   "writings": [{ "kind": "source", "id": 5, "text": "…", "created_at": "…" }],
///   "inputs": [{ "id": 9, "name": "…", "email": "…", "body": "…", "status": "read",
///       "created_at": "…" }],
///   "sessions": [{ "created_at": "…", "last_seen_at": "…" }],
///   "audit": [{ "at": "…", "action": "user.update", "subject": "user:7",
///       "detail": null, "by_you": false }]
/// }
/// ```
///
/// Times are RFC 3339 in UTC. `value` is null for "don't know". A submission's
/// versions are those the person saved, submitted or had returned (`snapshot` as the
/// version stood). Sessions never carry their token; audit entries carry the address
/// they came from only when the person acted themselves.
#[derive(Debug, Clone, Serialize)]
pub struct PersonalData {
    pub format: &'static str,
    pub exported_at: DateTime<Utc>,
    pub profile: Profile,
    pub registrations: Vec<RegistrationData>,
    pub ratings: Vec<RatingData>,
    pub rating_reasons: Vec<ReasonData>,
    pub notes: Vec<NoteData>,
    pub submissions: Vec<SubmissionVersion>,
    pub writings: Vec<WritingData>,
    pub inputs: Vec<InputData>,
    pub sessions: Vec<SessionData>,
    /// The messages written to them, without the secrets of links.
    pub messages: Vec<MessageData>,
    pub audit: Vec<AuditData>,
}

/// A message the outbox wrote to the person.
#[derive(Debug, Clone, Serialize)]
pub struct MessageData {
    pub kind: String,
    pub status: String,
    pub to: String,
    /// What it told, as data (`domain::mail::Content`).
    pub content: serde_json::Value,
    pub message_id: Option<String>,
    pub written_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// The version of [`PersonalData`]'s shape.
pub const PERSONAL_DATA_FORMAT: &str = "framsyn-personal-data/1";

#[derive(Debug, Clone, Serialize)]
pub struct Profile {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub roles: Vec<Role>,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    /// The language chosen for messages (none: the one they use).
    pub message_language: Option<String>,
    /// The digest chosen (`daily`, `weekly`; none: no digest).
    pub digest: Option<String>,
    /// The optional kinds of message turned off.
    pub messages_turned_off: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RegistrationData {
    pub id: i64,
    pub event_id: i64,
    pub event: String,
    pub event_starts_at: DateTime<Utc>,
    pub name: String,
    pub email: String,
    pub status: String,
    pub attended: Option<bool>,
    pub created_at: DateTime<Utc>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub answers: Vec<AnswerData>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AnswerData {
    pub question: String,
    pub answer: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RatingData {
    pub round_id: i64,
    pub round: String,
    pub note_id: i64,
    pub note: String,
    pub criterion: String,
    pub value: Option<i64>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReasonData {
    pub round_id: i64,
    pub note_id: i64,
    pub reason: String,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NoteData {
    pub id: i64,
    #[serde(rename = "type")]
    pub note_type: String,
    pub title: String,
    pub summary: String,
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SubmissionVersion {
    pub submission_id: i64,
    pub phase: String,
    pub version: i64,
    pub action: String,
    pub status: String,
    pub snapshot: serde_json::Value,
    pub changed_at: DateTime<Utc>,
}

/// Something else the person wrote: a source they added (`source`), a consequence
/// (`consequence`) or a comment on a scenario (`scenario_comment`), with its text.
#[derive(Debug, Clone, Serialize)]
pub struct WritingData {
    pub kind: &'static str,
    pub id: i64,
    pub text: String,
    pub created_at: DateTime<Utc>,
}

/// Input sent from the person's address, as the workspace holds it.
#[derive(Debug, Clone, Serialize)]
pub struct InputData {
    pub id: i64,
    pub name: Option<String>,
    pub email: Option<String>,
    pub body: String,
    pub status: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SessionData {
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AuditData {
    pub at: DateTime<Utc>,
    pub action: String,
    pub subject: Option<String>,
    pub detail: Option<String>,
    /// Whether the person did this themselves (else it was done to them).
    pub by_you: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

/// A Unix time as a moment (the epoch for a value out of range).
pub fn moment(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn months_before_counts_calendar_months() {
        let now = Utc.with_ymd_and_hms(2027, 8, 31, 12, 0, 0).unwrap();
        assert_eq!(
            months_before(now, 6),
            Utc.with_ymd_and_hms(2027, 2, 28, 12, 0, 0).unwrap()
        );
        assert_eq!(
            months_before(now, 12),
            Utc.with_ymd_and_hms(2026, 8, 31, 12, 0, 0).unwrap()
        );
    }

    #[test]
    fn a_former_participant_is_told_from_a_name() {
        let marked = format!("{FORMER_PARTICIPANT}Region Skåne");
        assert_eq!(former_participant_of(&marked), Some("Region Skåne"));
        assert_eq!(former_participant_of("Region Skåne"), None);
    }

    #[test]
    fn placeholders_are_unique_and_no_address() {
        assert_eq!(anonymised_email(7), "anonymised-7@invalid");
        assert_ne!(removed_registration_email(1), removed_registration_email(2));
        assert!(super::super::user::Email::parse(&anonymised_email(7)).is_none());
    }
}
