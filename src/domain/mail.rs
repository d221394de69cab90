//! Messages to people: what kinds there are, which of them a person may turn off, what
//! each tells (frozen when it is written), how a failed delivery is tried again, and the
//! `Message-ID` that makes a repeated delivery recognisable.
//!
//! A message is written to the outbox in the same transaction as the change that causes
//! it, as its kind, its receiver, their language and the facts it tells ([`Content`]);
//! its words, its HTML and its calendar file are put together when it is sent
//! (`render::mail`), so a message waits in the outbox as data, in no language yet.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// What a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A link to set one's password (a new account, or a new link from an administrator).
    PasswordLink,
    /// A visitor's link to confirm their registration for an event open to all.
    ConfirmRegistration,
    /// A seat at an event, with the event as a calendar invitation.
    RegistrationConfirmed,
    /// A place on an event's waiting list, with the event as a calendar invitation.
    RegistrationWaiting,
    /// Moved up from the waiting list to a seat.
    Promoted,
    /// An event one is registered for changed (its time, place or link, or with a note
    /// from the process leader), with the updated invitation.
    EventChanged,
    /// An event one is registered for was cancelled; the invitation withdraws it.
    EventCancelled,
    /// An organisation submitted its home assignment (to the process leaders).
    AssignmentSubmitted,
    /// The organisation's home assignment came back with a comment (to its strategists).
    AssignmentReturned,
    /// The organisation's home assignment was accepted (to its strategists).
    AssignmentAccepted,
    /// An editorial text waits for review (to the other editors).
    ReviewWaiting,
    /// The public sent input (to those who moderate it).
    InputReceived,
    /// A home assignment is due in 7 days, or tomorrow, and the receiver's organisation
    /// has not submitted it (to its strategists).
    AssignmentReminder,
    /// A rating round opened (to those who rate).
    RoundOpened,
    /// A rating round closes within a day and the receiver has not rated.
    RoundClosing,
    /// What is new in the bank, the calendar and the publications, daily or weekly as
    /// the receiver chose (opt-in).
    Digest,
    /// A process leader's message to participants (the programme's address list).
    Announcement,
}

impl Kind {
    pub const ALL: [Kind; 17] = [
        Kind::PasswordLink,
        Kind::ConfirmRegistration,
        Kind::RegistrationConfirmed,
        Kind::RegistrationWaiting,
        Kind::Promoted,
        Kind::EventChanged,
        Kind::EventCancelled,
        Kind::AssignmentSubmitted,
        Kind::AssignmentReturned,
        Kind::AssignmentAccepted,
        Kind::ReviewWaiting,
        Kind::InputReceived,
        Kind::AssignmentReminder,
        Kind::RoundOpened,
        Kind::RoundClosing,
        Kind::Digest,
        Kind::Announcement,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Kind::PasswordLink => "password-link",
            Kind::ConfirmRegistration => "confirm-registration",
            Kind::RegistrationConfirmed => "registration-confirmed",
            Kind::RegistrationWaiting => "registration-waiting",
            Kind::Promoted => "promoted",
            Kind::EventChanged => "event-changed",
            Kind::EventCancelled => "event-cancelled",
            Kind::AssignmentSubmitted => "assignment-submitted",
            Kind::AssignmentReturned => "assignment-returned",
            Kind::AssignmentAccepted => "assignment-accepted",
            Kind::ReviewWaiting => "review-waiting",
            Kind::InputReceived => "input-received",
            Kind::AssignmentReminder => "assignment-reminder",
            Kind::RoundOpened => "round-opened",
            Kind::RoundClosing => "round-closing",
            Kind::Digest => "digest",
            Kind::Announcement => "announcement",
        }
    }

    pub fn parse(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Whether the receiver may choose not to get it: what answers their own action or
    /// changes their seat is always sent, and so is a process leader's message to
    /// participants; what tells of others' work, reminders and the digest are optional.
    pub fn optional(self) -> bool {
        matches!(
            self,
            Kind::AssignmentSubmitted
                | Kind::ReviewWaiting
                | Kind::InputReceived
                | Kind::AssignmentReminder
                | Kind::RoundOpened
                | Kind::RoundClosing
                | Kind::Digest
        )
    }

    /// The optional kinds a person with `roles` may receive.
    pub fn optional_for(roles: &[super::user::Role]) -> Vec<Kind> {
        use super::user::Role;
        let has = |role| roles.contains(&role);
        Kind::ALL
            .into_iter()
            .filter(|k| match k {
                Kind::AssignmentSubmitted => has(Role::ProcessLeader),
                Kind::ReviewWaiting => has(Role::Editor),
                Kind::InputReceived => has(Role::ProcessLeader) || has(Role::Editor),
                Kind::AssignmentReminder | Kind::RoundOpened | Kind::RoundClosing => {
                    has(Role::Strategist)
                }
                // The digest is chosen as a frequency of its own, not as a kind to turn off.
                _ => false,
            })
            .collect()
    }
}

/// Where a message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Waiting to be delivered (again, after a failure, at its next attempt).
    Queued,
    /// Accepted by the SMTP server.
    Sent,
    /// Given up: refused for good, or every attempt failed. An administrator may retry.
    Failed,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Queued, Status::Sent, Status::Failed];

    pub fn key(self) -> &'static str {
        match self {
            Status::Queued => "queued",
            Status::Sent => "sent",
            Status::Failed => "failed",
        }
    }

    pub fn parse(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// Attempts before a message that keeps failing is given up (about a day and a half of
/// trying, with [`retry_delay`]).
pub const MAX_ATTEMPTS: u32 = 10;

/// The pause after the first failed attempt unless configured otherwise.
pub const FIRST_PAUSE: i64 = 60;

/// The longest pause between two attempts.
pub const LONGEST_PAUSE: i64 = 6 * 60 * 60;

/// Seconds to wait after the `attempts`-th failed attempt: `first` seconds, doubling
/// each time, at most [`LONGEST_PAUSE`].
pub fn retry_delay(attempts: u32, first: i64) -> i64 {
    let first = first.clamp(1, LONGEST_PAUSE);
    let doubled = first.saturating_mul(1_i64 << attempts.saturating_sub(1).min(20));
    doubled.min(LONGEST_PAUSE)
}

/// What becomes of a message after a failed attempt (its `attempts`-th), at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    /// Tried again at this moment.
    RetryAt(i64),
    /// Given up.
    GiveUp,
}

/// A refusal for good (an SMTP 5xx: no such mailbox) is given up at once; anything else
/// (the server down, a 4xx) is tried again after [`retry_delay`] (the first pause being
/// `first` seconds), until [`MAX_ATTEMPTS`].
pub fn after_failure(attempts: u32, permanent: bool, now: i64, first: i64) -> AfterFailure {
    if permanent || attempts >= MAX_ATTEMPTS {
        AfterFailure::GiveUp
    } else {
        AfterFailure::RetryAt(now + retry_delay(attempts, first))
    }
}

/// The `Message-ID` of the message with outbox token `token`, for the workspace reached
/// at `host`: the same at every attempt, so a receiver sees a repeated delivery as one.
pub fn message_id(token: &str, host: &str) -> String {
    let host = if host.is_empty() { "framsyn" } else { host };
    format!("<{token}@{host}>")
}

/// An event as a message tells it, as it stood when the message was written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventFacts {
    pub id: i64,
    /// The event's calendar UID and SEQUENCE, so a calendar program updates its copy.
    pub uid: String,
    pub sequence: u32,
    pub title: String,
    /// Markdown, as written.
    pub description: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub venue: Option<String>,
    pub address: Option<String>,
    pub online_link: Option<String>,
    pub cancelled: bool,
    pub change_note: Option<String>,
    pub updated_at: i64,
}

/// Whether a change of an event from `before` to `after` is worth a message to those
/// registered: a note for them, or a change of what they act on (the title, the time,
/// the place, the online link, whether it takes place). Capacity, questions and
/// contact details are not.
pub fn worth_telling(before: &EventFacts, after: &EventFacts, note_given: bool) -> bool {
    note_given
        || before.title != after.title
        || before.starts_at != after.starts_at
        || before.ends_at != after.ends_at
        || before.venue != after.venue
        || before.address != after.address
        || before.online_link != after.online_link
        || before.cancelled != after.cancelled
}

/// The first `chars` characters of `text` as one line, ended with "…" when cut (by
/// characters, never bytes).
pub fn excerpt(text: &str, chars: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= chars {
        return line;
    }
    let cut: String = line.chars().take(chars).collect();
    format!("{}…", cut.trim_end())
}

/// The days before a home assignment's due date at which organisations that have not
/// submitted it are reminded.
pub const REMINDER_DAYS: [u32; 2] = [7, 1];

/// The local hour at which a reminder's day begins to send it.
pub const REMINDER_HOUR: u32 = 8;

/// Which reminder of a home assignment due on `due` (the programme's calendar day, in
/// `tz`) is due at `now`, and how many days are left: each reminder is due from
/// [`REMINDER_HOUR`] on its calendar day (7 days and 1 day before the due date), the
/// latest one reached being the one sent (so a workspace that was down at the 7-day
/// mark and starts again two days before sends only the 1-day one), and none once the
/// due date has passed. The days left are counted in calendar days from `now`'s day.
pub fn reminder_due(now: DateTime<Utc>, due: NaiveDate, tz: Tz) -> Option<(u32, i64)> {
    let today = now.with_timezone(&tz).date_naive();
    if today > due {
        return None;
    }
    let stage = REMINDER_DAYS
        .into_iter()
        .filter(|days| now >= reminder_begins(due, *days, tz))
        .min()?;
    Some((stage, (due - today).num_days()))
}

/// The moment the reminder `days` before `due` may go: [`REMINDER_HOUR`] on its day.
pub fn reminder_begins(due: NaiveDate, days: u32, tz: Tz) -> DateTime<Utc> {
    let day = due - chrono::Days::new(u64::from(days));
    let at = day.and_hms_opt(REMINDER_HOUR, 0, 0).unwrap_or_default();
    tz.from_local_datetime(&at)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&at))
}

/// How long before a round closes those who have not rated are reminded.
pub const ROUND_CLOSING_NOTICE: i64 = DAY;

const DAY: i64 = 24 * 60 * 60;

/// What is due at `now` for a round open from `opens_at` to `closes_at`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundNotice {
    /// The round is open: tell those who rate.
    Opened,
    /// The round closes within [`ROUND_CLOSING_NOTICE`]: remind those who have not rated.
    Closing,
}

/// The notices due for a round at `now`, in order. A round first seen already within a
/// day of closing gets its opening notice only: whoever sends it claims the closing
/// notice with it (see [`opening_ends_closing`]), so it is one message, not two.
pub fn round_notices(
    now: i64,
    opens_at: i64,
    closes_at: i64,
    opened_told: bool,
) -> Vec<RoundNotice> {
    if now < opens_at || now >= closes_at {
        return Vec::new();
    }
    let closing = now >= closes_at - ROUND_CLOSING_NOTICE;
    match (opened_told, closing) {
        (false, _) => vec![RoundNotice::Opened],
        (true, true) => vec![RoundNotice::Closing],
        (true, false) => Vec::new(),
    }
}

/// Whether an opening notice sent at `now` stands for the closing reminder too: when the
/// round closes within [`ROUND_CLOSING_NOTICE`] already.
pub fn opening_ends_closing(now: i64, closes_at: i64) -> bool {
    now >= closes_at - ROUND_CLOSING_NOTICE
}

/// How often a person receives the digest of what is new.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DigestPeriod {
    Daily,
    Weekly,
}

impl DigestPeriod {
    pub const ALL: [DigestPeriod; 2] = [DigestPeriod::Daily, DigestPeriod::Weekly];

    pub fn key(self) -> &'static str {
        match self {
            DigestPeriod::Daily => "daily",
            DigestPeriod::Weekly => "weekly",
        }
    }

    pub fn parse(key: &str) -> Option<DigestPeriod> {
        DigestPeriod::ALL.into_iter().find(|p| p.key() == key)
    }

    pub fn seconds(self) -> i64 {
        match self {
            DigestPeriod::Daily => DAY,
            DigestPeriod::Weekly => 7 * DAY,
        }
    }

    /// Whether a digest covering the time since `since` is due at `now`.
    pub fn due(self, since: i64, now: i64) -> bool {
        now - since >= self.seconds()
    }
}

/// Where in the workspace something new is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DigestSection {
    Bank,
    Calendar,
    Publications,
}

impl DigestSection {
    pub fn key(self) -> &'static str {
        match self {
            DigestSection::Bank => "bank",
            DigestSection::Calendar => "calendar",
            DigestSection::Publications => "publications",
        }
    }
}

/// One new thing a digest lists: its title and where it is (a path of the workspace).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DigestItem {
    pub section: DigestSection,
    pub title: String,
    pub path: String,
}

/// At most this many items of each section are listed; the rest are counted.
pub const DIGEST_ITEMS_PER_SECTION: usize = 10;

/// Whom a process leader's message goes to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "to", rename_all = "snake_case")]
pub enum Audience {
    /// Every active account of a participating organisation.
    All,
    /// The accounts of the organisations of one category.
    Category {
        category: super::organisation::Category,
    },
    /// Those registered for an event (with a seat or waiting), accounts or not.
    Event { event: i64 },
    /// The strategists of the organisations that have not submitted a phase's home
    /// assignment.
    NotSubmitted { phase: String },
}

impl Audience {
    /// The audience's kind, as the form names it.
    pub fn key(&self) -> &'static str {
        match self {
            Audience::All => "all",
            Audience::Category { .. } => "category",
            Audience::Event { .. } => "event",
            Audience::NotSubmitted { .. } => "not_submitted",
        }
    }
}

/// The kinds of audience, as the form offers them.
pub const AUDIENCES: [&str; 4] = ["all", "category", "event", "not_submitted"];

/// A message to participants as its form is filled in (all strings: nothing typed is lost).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct AnnouncementForm {
    #[serde(default)]
    pub audience: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub event: String,
    #[serde(default)]
    pub phase: String,
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub body: String,
    /// The preview's token (see `app::announcements::send`).
    #[serde(default)]
    pub token: String,
}

/// A checked message to participants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAnnouncement {
    pub audience: Audience,
    pub subject: String,
    pub body: String,
}

impl AnnouncementForm {
    /// Checks the form; `phases` are the slugs of the phases with a home assignment, and
    /// `events` the ids of the events one may write to the registrants of.
    pub fn validate(
        &self,
        phases: &[String],
        events: &[i64],
    ) -> Result<ValidAnnouncement, super::form::FieldErrors> {
        use super::form;
        let mut errors = form::FieldErrors::new();
        let audience = match self.audience.trim() {
            "all" => Some(Audience::All),
            "category" => match super::organisation::Category::parse(self.category.trim()) {
                Some(category) => Some(Audience::Category { category }),
                None => {
                    errors.add("category", "error-choose-category");
                    None
                }
            },
            "event" => match self.event.trim().parse::<i64>() {
                Ok(event) if events.contains(&event) => Some(Audience::Event { event }),
                _ => {
                    errors.add("event", "error-announcement-event");
                    None
                }
            },
            "not_submitted" => {
                let phase = self.phase.trim();
                if phases.iter().any(|p| p == phase) {
                    Some(Audience::NotSubmitted {
                        phase: phase.to_string(),
                    })
                } else {
                    errors.add("phase", "error-announcement-phase");
                    None
                }
            }
            _ => {
                errors.add("audience", "error-announcement-audience");
                None
            }
        };
        let subject = form::required(&mut errors, "subject", &self.subject);
        form::max_chars(&mut errors, "subject", &subject, 200);
        let body = form::required(&mut errors, "body", &self.body);
        form::max_chars(&mut errors, "body", &body, 20_000);
        match audience {
            Some(audience) => errors.into_result(ValidAnnouncement {
                audience,
                subject,
                body,
            }),
            None => Err(errors),
        }
    }
}

/// What a message tells, by kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Content {
    PasswordLink {
        /// The link's secret; emptied once the message is sent (the outbox keeps no
        /// working link).
        token: String,
        expires_at: i64,
    },
    ConfirmRegistration {
        /// The link's secret; emptied once the message is sent.
        token: String,
        event: EventFacts,
        expires_at: i64,
    },
    RegistrationConfirmed {
        event: EventFacts,
    },
    RegistrationWaiting {
        event: EventFacts,
    },
    Promoted {
        event: EventFacts,
    },
    EventChanged {
        event: EventFacts,
        /// Whether the receiver has a seat (else they wait).
        seated: bool,
    },
    EventCancelled {
        event: EventFacts,
    },
    AssignmentSubmitted {
        /// The phase's slug (its name is the programme's, in the receiver's language).
        phase: String,
        organisation_id: i64,
        organisation: String,
    },
    AssignmentReturned {
        phase: String,
        /// The process leader's comment: what to do before submitting again.
        comment: String,
    },
    AssignmentAccepted {
        phase: String,
    },
    ReviewWaiting {
        publication_id: i64,
        title: String,
    },
    InputReceived {
        input_id: i64,
        /// The first words of it (never the sender's contact details).
        excerpt: String,
    },
    AssignmentReminder {
        phase: String,
        /// The due date (the programme's calendar day).
        due: NaiveDate,
        /// Calendar days left when it was written (7, 1, or fewer after a pause).
        days: i64,
    },
    RoundOpened {
        round_id: i64,
        title: String,
        closes_at: i64,
    },
    RoundClosing {
        round_id: i64,
        title: String,
        closes_at: i64,
    },
    Digest {
        period: DigestPeriod,
        /// The items, by section, at most [`DIGEST_ITEMS_PER_SECTION`] of each.
        items: Vec<DigestItem>,
        /// How many more there were than listed.
        more: usize,
    },
    Announcement {
        subject: String,
        /// Plain text, as the process leader wrote it.
        body: String,
        /// Who wrote it.
        sender: String,
    },
}

impl Content {
    pub fn kind(&self) -> Kind {
        match self {
            Content::PasswordLink { .. } => Kind::PasswordLink,
            Content::ConfirmRegistration { .. } => Kind::ConfirmRegistration,
            Content::RegistrationConfirmed { .. } => Kind::RegistrationConfirmed,
            Content::RegistrationWaiting { .. } => Kind::RegistrationWaiting,
            Content::Promoted { .. } => Kind::Promoted,
            Content::EventChanged { .. } => Kind::EventChanged,
            Content::EventCancelled { .. } => Kind::EventCancelled,
            Content::AssignmentSubmitted { .. } => Kind::AssignmentSubmitted,
            Content::AssignmentReturned { .. } => Kind::AssignmentReturned,
            Content::AssignmentAccepted { .. } => Kind::AssignmentAccepted,
            Content::ReviewWaiting { .. } => Kind::ReviewWaiting,
            Content::InputReceived { .. } => Kind::InputReceived,
            Content::AssignmentReminder { .. } => Kind::AssignmentReminder,
            Content::RoundOpened { .. } => Kind::RoundOpened,
            Content::RoundClosing { .. } => Kind::RoundClosing,
            Content::Digest { .. } => Kind::Digest,
            Content::Announcement { .. } => Kind::Announcement,
        }
    }

    /// The event it is about, if any.
    pub fn event(&self) -> Option<&EventFacts> {
        match self {
            Content::ConfirmRegistration { event, .. }
            | Content::RegistrationConfirmed { event }
            | Content::RegistrationWaiting { event }
            | Content::Promoted { event }
            | Content::EventChanged { event, .. }
            | Content::EventCancelled { event } => Some(event),
            Content::PasswordLink { .. }
            | Content::AssignmentSubmitted { .. }
            | Content::AssignmentReturned { .. }
            | Content::AssignmentAccepted { .. }
            | Content::ReviewWaiting { .. }
            | Content::InputReceived { .. }
            | Content::AssignmentReminder { .. }
            | Content::RoundOpened { .. }
            | Content::RoundClosing { .. }
            | Content::Digest { .. }
            | Content::Announcement { .. } => None,
        }
    }

    /// What the outbox keeps once the message is sent: the same, without secrets.
    pub fn redacted(&self) -> Content {
        match self {
            Content::PasswordLink { expires_at, .. } => Content::PasswordLink {
                token: String::new(),
                expires_at: *expires_at,
            },
            Content::ConfirmRegistration {
                event, expires_at, ..
            } => Content::ConfirmRegistration {
                token: String::new(),
                event: event.clone(),
                expires_at: *expires_at,
            },
            other => other.clone(),
        }
    }
}

/// A message to be written to the outbox.
#[derive(Debug, Clone, PartialEq)]
pub struct Outgoing {
    /// The receiver's address and name.
    pub to: String,
    pub name: String,
    /// Their account, if they have one.
    pub user_id: Option<i64>,
    /// The language it is written in: the receiver's, when known; otherwise the
    /// programme's, decided when it is sent.
    pub lang: Option<super::lang::Lang>,
    pub content: Content,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_statuses_read_back_from_their_keys() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.key()), Some(k));
        }
        for s in Status::ALL {
            assert_eq!(Status::parse(s.key()), Some(s));
        }
        assert_eq!(Kind::parse("nonsense"), None);
    }

    #[test]
    fn a_failing_message_is_tried_again_later_each_time_and_then_given_up() {
        assert_eq!(retry_delay(1, FIRST_PAUSE), 60);
        assert_eq!(retry_delay(2, FIRST_PAUSE), 120);
        assert_eq!(retry_delay(5, FIRST_PAUSE), 960);
        assert_eq!(retry_delay(30, FIRST_PAUSE), 6 * 60 * 60);
        assert_eq!(retry_delay(3, 1), 4);
        assert_eq!(retry_delay(1, 0), 1, "never at once again");
        let mut last = 0;
        for attempt in 1..MAX_ATTEMPTS {
            let delay = retry_delay(attempt, FIRST_PAUSE);
            assert!(delay >= last);
            last = delay;
            assert_eq!(
                after_failure(attempt, false, 1_000, FIRST_PAUSE),
                AfterFailure::RetryAt(1_000 + delay)
            );
        }
        assert_eq!(
            after_failure(MAX_ATTEMPTS, false, 1_000, FIRST_PAUSE),
            AfterFailure::GiveUp
        );
        assert_eq!(
            after_failure(1, true, 1_000, FIRST_PAUSE),
            AfterFailure::GiveUp
        );
    }

    #[test]
    fn the_message_id_is_the_token_at_the_host() {
        assert_eq!(
            message_id("ab12", "framsyn.example.se"),
            "<ab12@framsyn.example.se>"
        );
        assert_eq!(message_id("ab12", ""), "<ab12@framsyn>");
    }

    #[test]
    fn a_sent_password_link_keeps_no_secret() {
        let link = Content::PasswordLink {
            token: "secret".into(),
            expires_at: 9,
        };
        assert_eq!(
            link.redacted(),
            Content::PasswordLink {
                token: String::new(),
                expires_at: 9
            }
        );
        let json = serde_json::to_string(&link).unwrap();
        assert!(json.contains("\"kind\":\"password-link\""), "{json}");
        let back: Content = serde_json::from_str(&json).unwrap();
        assert_eq!(back.kind(), Kind::PasswordLink);
    }

    fn facts() -> EventFacts {
        EventFacts {
            id: 1,
            uid: "u".into(),
            sequence: 0,
            title: "Workshop".into(),
            description: String::new(),
            starts_at: 100,
            ends_at: 200,
            venue: Some("Huset".into()),
            address: None,
            online_link: None,
            cancelled: false,
            change_note: None,
            updated_at: 0,
        }
    }

    #[test]
    fn registrants_hear_of_what_they_act_on_or_of_a_note_for_them() {
        let before = facts();
        assert!(!worth_telling(&before, &facts(), false));
        assert!(worth_telling(&before, &facts(), true));
        let moved = EventFacts {
            starts_at: 150,
            ..facts()
        };
        assert!(worth_telling(&before, &moved, false));
        let elsewhere = EventFacts {
            venue: Some("Annat hus".into()),
            ..facts()
        };
        assert!(worth_telling(&before, &elsewhere, false));
        let other_description = EventFacts {
            description: "Mer text".into(),
            sequence: 1,
            ..facts()
        };
        assert!(!worth_telling(&before, &other_description, false));
    }

    #[test]
    fn a_reminder_is_due_on_the_calendar_days_seven_and_one_before_and_never_after() {
        let tz: Tz = "Europe/Stockholm".parse().unwrap();
        let due = NaiveDate::from_ymd_opt(2027, 4, 2).unwrap();
        let at = |y, m, d, h| {
            tz.with_ymd_and_hms(y, m, d, h, 0, 0)
                .unwrap()
                .with_timezone(&Utc)
        };
        assert_eq!(reminder_due(at(2027, 3, 26, 7), due, tz), None);
        assert_eq!(reminder_due(at(2027, 3, 26, 8), due, tz), Some((7, 7)));
        // Across the clock change of 28 March, still by the calendar.
        assert_eq!(reminder_due(at(2027, 3, 29, 12), due, tz), Some((7, 4)));
        assert_eq!(reminder_due(at(2027, 4, 1, 7), due, tz), Some((7, 1)));
        assert_eq!(reminder_due(at(2027, 4, 1, 8), due, tz), Some((1, 1)));
        assert_eq!(reminder_due(at(2027, 4, 2, 23), due, tz), Some((1, 0)));
        assert_eq!(reminder_due(at(2027, 4, 3, 0), due, tz), None);
    }

    #[test]
    fn a_round_is_announced_once_open_and_reminded_of_a_day_before_it_closes() {
        let (opens, closes) = (10 * DAY, 20 * DAY);
        assert!(round_notices(opens - 1, opens, closes, false).is_empty());
        assert_eq!(
            round_notices(opens, opens, closes, false),
            [RoundNotice::Opened]
        );
        assert!(round_notices(opens + DAY, opens, closes, true).is_empty());
        assert_eq!(
            round_notices(closes - DAY, opens, closes, true),
            [RoundNotice::Closing]
        );
        assert_eq!(
            round_notices(closes - 60, opens, closes, false),
            [RoundNotice::Opened],
            "first seen near its close: one message, not two"
        );
        assert!(opening_ends_closing(closes - 60, closes));
        assert!(!opening_ends_closing(closes - 2 * DAY, closes));
        assert!(round_notices(closes, opens, closes, true).is_empty());
    }

    #[test]
    fn a_digest_is_due_a_day_or_a_week_after_the_last() {
        assert!(!DigestPeriod::Daily.due(0, DAY - 1));
        assert!(DigestPeriod::Daily.due(0, DAY));
        assert!(!DigestPeriod::Weekly.due(0, 6 * DAY));
        assert!(DigestPeriod::Weekly.due(0, 7 * DAY));
        for p in DigestPeriod::ALL {
            assert_eq!(DigestPeriod::parse(p.key()), Some(p));
        }
    }

    #[test]
    fn a_message_to_participants_names_its_audience_and_keeps_what_was_typed() {
        let phases = vec!["omvarlden".to_string()];
        let form = AnnouncementForm {
            audience: "not_submitted".into(),
            phase: "nonsense".into(),
            subject: "  ".into(),
            body: "Välkomna".into(),
            ..AnnouncementForm::default()
        };
        let errors = form.validate(&phases, &[]).unwrap_err();
        assert_eq!(errors.get("phase"), Some("error-announcement-phase"));
        assert_eq!(errors.get("subject"), Some("error-required"));
        assert_eq!(errors.get("body"), None);
        let errors = AnnouncementForm {
            audience: "event".into(),
            event: "7".into(),
            subject: "S".into(),
            body: "B".into(),
            ..AnnouncementForm::default()
        }
        .validate(&phases, &[3])
        .unwrap_err();
        assert_eq!(errors.get("event"), Some("error-announcement-event"));
        let valid = AnnouncementForm {
            audience: "category".into(),
            category: "region".into(),
            subject: " Inbjudan ".into(),
            body: "Text".into(),
            ..AnnouncementForm::default()
        }
        .validate(&phases, &[])
        .unwrap();
        assert_eq!(valid.subject, "Inbjudan");
        assert_eq!(
            valid.audience,
            Audience::Category {
                category: super::super::organisation::Category::Region
            }
        );
        assert!(
            AnnouncementForm::default()
                .validate(&phases, &[])
                .unwrap_err()
                .get("audience")
                .is_some()
        );
    }
}
