//! Events of the programme and of member organisations: their rules, the questions put to
//! registrants, the timed agenda, and who gets a seat.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::form::{self, FieldErrors};
use super::user::Email;

keyed_enum! {
    /// What sort of event it is.
    EventKind {
        Workshop => "workshop",
        PoliticiansSeminar => "politicians_seminar",
        LeadersThinktank => "leaders_thinktank",
        Conference => "conference",
        Meeting => "meeting",
        Other => "other",
    }
}

keyed_enum! {
    /// How people attend.
    Mode {
        InPerson => "in_person",
        Online => "online",
        Hybrid => "hybrid",
        Streamed => "streamed",
    }
}

keyed_enum! {
    /// Who may see and register: members of the programme's organisations, or anyone.
    Audience {
        Members => "members",
        Public => "public",
    }
}

keyed_enum! {
    /// Where an event stands. Member organisations' events are proposed until a process
    /// leader approves (publishes) or rejects them.
    EventStatus {
        Draft => "draft",
        Proposed => "proposed",
        Published => "published",
        Cancelled => "cancelled",
        Rejected => "rejected",
    }
}

keyed_enum! {
    /// The kinds of question put to registrants.
    QuestionKind {
        ShortText => "short_text",
        LongText => "long_text",
        SingleChoice => "single_choice",
        MultipleChoice => "multiple_choice",
        YesNo => "yes_no",
    }
}

keyed_enum! {
    /// A registration's state.
    RegistrationStatus {
        Confirmed => "confirmed",
        Waiting => "waiting",
        Cancelled => "cancelled",
    }
}

/// Parses a `datetime-local` value (`2017-03-29T09:30`) as a time in the programme's zone.
pub fn parse_local(value: &str, tz: Tz) -> Result<DateTime<Utc>, &'static str> {
    let value = value.trim();
    if value.is_empty() {
        return Err("error-required");
    }
    let naive = NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(value, "%Y-%m-%d %H:%M"))
        .or_else(|_| NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| "error-datetime")?;
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or("error-datetime-nonexistent")
}

/// A UTC time as a `datetime-local` value in the programme's zone.
pub fn to_local_input(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string()
}

/// The event form as typed (strings, so nothing is lost on a mistake).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct EventForm {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub phase: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub starts: String,
    #[serde(default)]
    pub ends: String,
    #[serde(default)]
    pub venue: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub mode: String,
    #[serde(default)]
    pub online_link: String,
    #[serde(default)]
    pub capacity: String,
    #[serde(default)]
    pub per_organisation_cap: String,
    #[serde(default)]
    pub registration_opens: String,
    #[serde(default)]
    pub registration_closes: String,
    #[serde(default)]
    pub contact_name: String,
    #[serde(default)]
    pub contact_email: String,
    #[serde(default)]
    pub audience: String,
    /// A note to registrants about what changed, shown when a published event is edited.
    #[serde(default)]
    pub change_note: String,
    /// The capacity the editor confirmed cutting to, below the seats already taken.
    #[serde(default)]
    pub confirm_capacity: String,
}

/// A checked event, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidEvent {
    pub kind: EventKind,
    pub phase: Option<String>,
    pub title: String,
    pub description: String,
    pub starts: DateTime<Utc>,
    pub ends: DateTime<Utc>,
    pub venue: Option<String>,
    pub address: Option<String>,
    pub mode: Mode,
    pub online_link: Option<String>,
    pub capacity: Option<u32>,
    pub per_organisation_cap: Option<u32>,
    pub registration_opens: Option<DateTime<Utc>>,
    pub registration_closes: Option<DateTime<Utc>>,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub audience: Audience,
    pub change_note: Option<String>,
}

fn positive(errors: &mut FieldErrors, field: &'static str, value: &str) -> Option<u32> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    match value.parse::<i64>() {
        Ok(n) if (1..=100_000).contains(&n) => Some(n as u32),
        Ok(_) => {
            errors.add(field, "error-positive-number");
            None
        }
        Err(_) => {
            errors.add(field, "error-number");
            None
        }
    }
}

impl EventForm {
    /// Checks the form; `phases` are the programme's phase slugs.
    pub fn validate(&self, tz: Tz, phases: &[&str]) -> Result<ValidEvent, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = EventKind::parse(self.kind.trim());
        if kind.is_none() {
            errors.add("kind", "error-choose");
        }
        let phase = form::optional(&self.phase);
        if phase.as_deref().is_some_and(|p| !phases.contains(&p)) {
            errors.add("phase", "error-unknown-phase");
        }
        let title = form::required(&mut errors, "title", &self.title);
        form::max_chars(&mut errors, "title", &title, 300);
        form::max_chars(&mut errors, "description", &self.description, 50_000);
        let mut time =
            |field: &'static str, value: &str, required: bool| -> Option<DateTime<Utc>> {
                if !required && value.trim().is_empty() {
                    return None;
                }
                match parse_local(value, tz) {
                    Ok(t) => Some(t),
                    Err(message) => {
                        errors.add(field, message);
                        None
                    }
                }
            };
        let starts = time("starts", &self.starts, true);
        let ends = time("ends", &self.ends, true);
        let opens = time("registration_opens", &self.registration_opens, false);
        let closes = time("registration_closes", &self.registration_closes, false);
        if let (Some(s), Some(e)) = (starts, ends)
            && e <= s
        {
            errors.add("ends", "error-ends-before-start");
        }
        if let (Some(o), Some(c)) = (opens, closes)
            && c <= o
        {
            errors.add("registration_closes", "error-closes-before-opens");
        }
        if let (Some(c), Some(e)) = (closes, ends)
            && c > e
        {
            errors.add("registration_closes", "error-closes-after-event");
        }
        let mode = Mode::parse(self.mode.trim());
        if mode.is_none() {
            errors.add("mode", "error-choose");
        }
        let online_link = form::optional(&self.online_link);
        if let Some(link) = &online_link
            && !(link.starts_with("https://") || link.starts_with("http://"))
        {
            errors.add("online_link", "error-url");
        }
        if matches!(mode, Some(Mode::Online | Mode::Hybrid | Mode::Streamed))
            && online_link.is_none()
        {
            errors.add("online_link", "error-online-link-needed");
        }
        let capacity = positive(&mut errors, "capacity", &self.capacity);
        let cap = positive(
            &mut errors,
            "per_organisation_cap",
            &self.per_organisation_cap,
        );
        if let (Some(capacity), Some(cap)) = (capacity, cap)
            && cap > capacity
        {
            errors.add("per_organisation_cap", "error-cap-above-capacity");
        }
        let contact_email = form::optional(&self.contact_email);
        if contact_email
            .as_deref()
            .is_some_and(|e| Email::parse(e).is_none())
        {
            errors.add("contact_email", "error-email");
        }
        let audience = Audience::parse(self.audience.trim());
        if audience.is_none() {
            errors.add("audience", "error-choose");
        }
        for (field, value) in [
            ("venue", &self.venue),
            ("address", &self.address),
            ("contact_name", &self.contact_name),
            ("online_link", &self.online_link),
        ] {
            form::max_chars(&mut errors, field, value.trim(), 500);
        }
        form::max_chars(&mut errors, "change_note", &self.change_note, 2000);
        match (kind, starts, ends, mode, audience) {
            (Some(kind), Some(starts), Some(ends), Some(mode), Some(audience))
                if errors.is_empty() =>
            {
                Ok(ValidEvent {
                    kind,
                    phase,
                    title,
                    description: self.description.trim().to_string(),
                    starts,
                    ends,
                    venue: form::optional(&self.venue),
                    address: form::optional(&self.address),
                    mode,
                    online_link,
                    capacity,
                    per_organisation_cap: cap,
                    registration_opens: opens,
                    registration_closes: closes,
                    contact_name: form::optional(&self.contact_name),
                    contact_email: contact_email
                        .and_then(|e| Email::parse(&e))
                        .map(|e| e.as_str().to_string()),
                    audience,
                    change_note: form::optional(&self.change_note),
                })
            }
            _ => Err(errors),
        }
    }
}

/// One item of a timed agenda, as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AgendaForm {
    #[serde(default)]
    pub starts: String,
    #[serde(default)]
    pub ends: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub speaker: String,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAgendaItem {
    pub starts: DateTime<Utc>,
    pub ends: Option<DateTime<Utc>>,
    pub title: String,
    pub speaker: Option<String>,
    pub notes: Option<String>,
}

impl AgendaForm {
    /// Checks an agenda item; it must lie within the event.
    pub fn validate(
        &self,
        tz: Tz,
        event: (DateTime<Utc>, DateTime<Utc>),
    ) -> Result<ValidAgendaItem, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = form::required(&mut errors, "title", &self.title);
        form::max_chars(&mut errors, "title", &title, 300);
        form::max_chars(&mut errors, "notes", &self.notes, 5000);
        form::max_chars(&mut errors, "speaker", &self.speaker, 300);
        let starts = match parse_local(&self.starts, tz) {
            Ok(t) if t < event.0 || t > event.1 => {
                errors.add("starts", "error-outside-event");
                None
            }
            Ok(t) => Some(t),
            Err(m) => {
                errors.add("starts", m);
                None
            }
        };
        let ends = if self.ends.trim().is_empty() {
            None
        } else {
            match parse_local(&self.ends, tz) {
                Ok(t) if starts.is_some_and(|s| t <= s) => {
                    errors.add("ends", "error-ends-before-start");
                    None
                }
                Ok(t) if t > event.1 => {
                    errors.add("ends", "error-outside-event");
                    None
                }
                Ok(t) => Some(t),
                Err(m) => {
                    errors.add("ends", m);
                    None
                }
            }
        };
        match starts {
            Some(starts) if errors.is_empty() => Ok(ValidAgendaItem {
                starts,
                ends,
                title,
                speaker: form::optional(&self.speaker),
                notes: form::optional(&self.notes),
            }),
            _ => Err(errors),
        }
    }
}

/// A question to registrants, as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct QuestionForm {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub label: String,
    /// For choices: one option per line.
    #[serde(default)]
    pub options: String,
    #[serde(default)]
    pub required: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidQuestion {
    pub kind: QuestionKind,
    pub label: String,
    pub options: Vec<String>,
    pub required: bool,
}

impl QuestionForm {
    pub fn validate(&self) -> Result<ValidQuestion, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = QuestionKind::parse(self.kind.trim());
        if kind.is_none() {
            errors.add("kind", "error-choose");
        }
        let label = form::required(&mut errors, "label", &self.label);
        form::max_chars(&mut errors, "label", &label, 500);
        let mut options: Vec<String> = Vec::new();
        for line in self
            .options
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            if !options.iter().any(|o| o == line) {
                options.push(line.to_string());
            }
        }
        let choice = matches!(
            kind,
            Some(QuestionKind::SingleChoice | QuestionKind::MultipleChoice)
        );
        if choice && options.len() < 2 {
            errors.add("options", "error-two-options");
        }
        if !choice {
            options.clear();
        }
        match kind {
            Some(kind) if errors.is_empty() => Ok(ValidQuestion {
                kind,
                label,
                options,
                required: self.required.is_some(),
            }),
            _ => Err(errors),
        }
    }
}

/// A stored question, as the registration form needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    pub id: i64,
    pub kind: QuestionKind,
    pub label: String,
    pub options: Vec<String>,
    pub required: bool,
}

/// Answers by question id, as stored text.
pub type Answers = Vec<(i64, String)>;
/// Problems by question id, each a translation key.
pub type AnswerErrors = Vec<(i64, &'static str)>;

/// Checks answers (by question id; a multiple choice is several values) and returns them
/// as stored text (multiple choices joined by newlines).
pub fn check_answers(
    questions: &[Question],
    answers: &[(i64, Vec<String>)],
) -> Result<Answers, AnswerErrors> {
    let mut errors = Vec::new();
    let mut stored = Vec::new();
    for q in questions {
        let given: Vec<&str> = answers
            .iter()
            .filter(|(id, _)| *id == q.id)
            .flat_map(|(_, values)| values.iter().map(|v| v.trim()))
            .filter(|v| !v.is_empty())
            .collect();
        if given.is_empty() {
            if q.required {
                errors.push((q.id, "error-required"));
            }
            continue;
        }
        let ok = match q.kind {
            QuestionKind::ShortText => given.len() == 1 && given[0].chars().count() <= 500,
            QuestionKind::LongText => given.len() == 1 && given[0].chars().count() <= 5000,
            QuestionKind::YesNo => given.len() == 1 && matches!(given[0], "yes" | "no"),
            QuestionKind::SingleChoice => {
                given.len() == 1 && q.options.iter().any(|o| o == given[0])
            }
            QuestionKind::MultipleChoice => given.iter().all(|g| q.options.iter().any(|o| o == g)),
        };
        if ok {
            stored.push((q.id, given.join("\n")));
        } else {
            errors.push((q.id, "error-answer-invalid"));
        }
    }
    if errors.is_empty() {
        Ok(stored)
    } else {
        Err(errors)
    }
}

/// What a new registration gets, given the event's limits and what is already taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seat {
    Confirmed,
    Waiting,
    /// The organisation already has as many people registered (confirmed or waiting) as
    /// the event allows per organisation.
    OverOrganisationCap,
}

/// Decides a registration: the per-organisation cap counts everyone of the organisation
/// still registered (confirmed or waiting), so it is never exceeded even after promotions;
/// when the event is full, the registration waits in line.
/// Nobody overtakes the waiting list: while anyone waits, a newcomer waits too.
pub fn seat(
    capacity: Option<u32>,
    per_organisation_cap: Option<u32>,
    confirmed: u32,
    waiting: u32,
    organisation_registered: Option<u32>,
) -> Seat {
    if let (Some(cap), Some(taken)) = (per_organisation_cap, organisation_registered)
        && taken >= cap
    {
        return Seat::OverOrganisationCap;
    }
    match capacity {
        Some(capacity) if confirmed >= capacity || waiting > 0 => Seat::Waiting,
        _ => Seat::Confirmed,
    }
}

/// The seats lost when capacity is cut below the number taken: `confirmed` is the seated
/// registrations in order of arrival, and the last to arrive lose their seats, so those
/// who registered first keep theirs. They go back to the waiting list, where their
/// arrival puts them ahead of everyone who registered after them.
pub fn over_capacity(capacity: Option<u32>, confirmed: &[i64]) -> &[i64] {
    match capacity.map(|c| c as usize) {
        Some(capacity) if capacity < confirmed.len() => &confirmed[capacity..],
        _ => &[],
    }
}

/// Whether the form confirms cutting the capacity to exactly the number it now asks for
/// (a confirmation of another number does not count).
pub fn capacity_cut_confirmed(form: &EventForm, capacity: Option<u32>) -> bool {
    capacity.is_some_and(|c| form.confirm_capacity.trim() == c.to_string())
}

/// How many registrations visitors (not signed in) may send from one address within
/// [`VISITOR_WINDOW_SECONDS`]: enough for a few colleagues behind one office address,
/// too few to fill an event with made-up names. Signed-in people are not limited.
pub const VISITOR_REGISTRATIONS_PER_ADDRESS: u32 = 5;

/// How long a visitor's link to confirm their registration works: two days. Until it is
/// used, the registration holds no seat and is counted nowhere.
pub const CONFIRM_LINK_SECONDS: i64 = 48 * 60 * 60;
/// The window of [`VISITOR_REGISTRATIONS_PER_ADDRESS`]: an hour.
pub const VISITOR_WINDOW_SECONDS: i64 = 3600;

/// Whether a visitor's registration from an address may be tried, given how many that
/// address sent in the window.
pub fn visitor_may_register(sent_from_address: u32) -> bool {
    sent_from_address < VISITOR_REGISTRATIONS_PER_ADDRESS
}

keyed_enum! {
    /// What a process leader does to an event's status: approve or reject a proposal,
    /// cancel an event (a proposal is withdrawn so), or reinstate a cancelled one.
    StatusAction {
        Approve => "approve",
        Reject => "reject",
        Cancel => "cancel",
        Reinstate => "reinstate",
    }
}

impl StatusAction {
    /// The status an event in `from` gets, or `None` when the action does not apply:
    /// proposals are approved, rejected or withdrawn; published events can only be
    /// cancelled; a cancelled event can only be reinstated, and then it is published
    /// (only a process leader reinstates, and they may publish anyway).
    pub fn apply(self, from: EventStatus) -> Option<EventStatus> {
        match (self, from) {
            (StatusAction::Approve, EventStatus::Proposed) => Some(EventStatus::Published),
            (StatusAction::Reject, EventStatus::Proposed) => Some(EventStatus::Rejected),
            (StatusAction::Cancel, EventStatus::Proposed | EventStatus::Published) => {
                Some(EventStatus::Cancelled)
            }
            (StatusAction::Reinstate, EventStatus::Cancelled) => Some(EventStatus::Published),
            _ => None,
        }
    }

    /// The action's name in the audit log.
    pub fn audit_action(self) -> &'static str {
        match self {
            StatusAction::Approve => "event.approve",
            StatusAction::Reject => "event.reject",
            StatusAction::Cancel => "event.cancel",
            StatusAction::Reinstate => "event.reinstate",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Stockholm;

    fn form() -> EventForm {
        EventForm {
            kind: "workshop".into(),
            phase: "omvarlden".into(),
            title: "Workshop 1".into(),
            starts: "2017-03-29T09:30".into(),
            ends: "2017-03-30T16:00".into(),
            mode: "in_person".into(),
            capacity: "80".into(),
            per_organisation_cap: "4".into(),
            audience: "members".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_valid_event_is_read_in_the_programme_time_zone() {
        let event = form().validate(Stockholm, &["omvarlden"]).unwrap();
        assert_eq!(
            event.starts.to_rfc3339(),
            "2017-03-29T07:30:00+00:00",
            "summer time began 26 March"
        );
        assert_eq!(to_local_input(event.starts, Stockholm), "2017-03-29T09:30");
    }

    #[test]
    fn bad_events_are_refused_at_their_fields() {
        let mut f = form();
        f.ends = "2017-03-28T16:00".into();
        f.capacity = "0".into();
        f.per_organisation_cap = "x".into();
        let errors = f.validate(Stockholm, &["omvarlden"]).unwrap_err();
        assert_eq!(errors.get("ends"), Some("error-ends-before-start"));
        assert_eq!(errors.get("capacity"), Some("error-positive-number"));
        assert_eq!(errors.get("per_organisation_cap"), Some("error-number"));
        let mut f = form();
        f.capacity = "-3".into();
        assert_eq!(
            f.validate(Stockholm, &["omvarlden"])
                .unwrap_err()
                .get("capacity"),
            Some("error-positive-number")
        );
        let mut f = form();
        f.capacity = "2".into();
        f.per_organisation_cap = "3".into();
        assert_eq!(
            f.validate(Stockholm, &["omvarlden"])
                .unwrap_err()
                .get("per_organisation_cap"),
            Some("error-cap-above-capacity")
        );
        let mut f = form();
        f.starts = "2017-03-26T02:30".into();
        assert_eq!(
            f.validate(Stockholm, &["omvarlden"])
                .unwrap_err()
                .get("starts"),
            Some("error-datetime-nonexistent")
        );
        let mut f = form();
        f.mode = "online".into();
        assert_eq!(
            f.validate(Stockholm, &["omvarlden"])
                .unwrap_err()
                .get("online_link"),
            Some("error-online-link-needed")
        );
    }

    #[test]
    fn seats_follow_capacity_and_the_cap() {
        assert_eq!(seat(Some(10), Some(2), 3, 0, Some(1)), Seat::Confirmed);
        assert_eq!(
            seat(Some(10), Some(2), 3, 0, Some(2)),
            Seat::OverOrganisationCap
        );
        assert_eq!(seat(Some(10), Some(2), 10, 0, Some(0)), Seat::Waiting);
        assert_eq!(
            seat(Some(10), None, 9, 1, None),
            Seat::Waiting,
            "no overtaking the line"
        );
        assert_eq!(seat(None, None, 500, 0, None), Seat::Confirmed);
        assert_eq!(
            StatusAction::Approve.apply(EventStatus::Proposed),
            Some(EventStatus::Published)
        );
        assert_eq!(StatusAction::Approve.apply(EventStatus::Cancelled), None);
        assert_eq!(StatusAction::Reject.apply(EventStatus::Published), None);
        assert_eq!(StatusAction::Cancel.apply(EventStatus::Cancelled), None);
        assert_eq!(
            StatusAction::Reinstate.apply(EventStatus::Cancelled),
            Some(EventStatus::Published)
        );
        assert_eq!(StatusAction::Reinstate.apply(EventStatus::Published), None);
    }

    #[test]
    fn a_cut_in_capacity_unseats_the_last_to_arrive() {
        assert_eq!(over_capacity(Some(2), &[3, 5, 8, 9]), &[8, 9]);
        assert!(over_capacity(Some(4), &[3, 5, 8, 9]).is_empty());
        assert!(over_capacity(None, &[3, 5, 8, 9]).is_empty());
        let mut f = form();
        assert!(!capacity_cut_confirmed(&f, Some(2)));
        f.confirm_capacity = "3".into();
        assert!(!capacity_cut_confirmed(&f, Some(2)), "another number");
        f.confirm_capacity = "2".into();
        assert!(capacity_cut_confirmed(&f, Some(2)));
    }

    #[test]
    fn answers_are_checked_against_their_questions() {
        let questions = vec![
            Question {
                id: 1,
                kind: QuestionKind::YesNo,
                label: "Middag?".into(),
                options: vec![],
                required: true,
            },
            Question {
                id: 2,
                kind: QuestionKind::MultipleChoice,
                label: "Kost".into(),
                options: vec!["Vegetarisk".into(), "Glutenfri".into()],
                required: false,
            },
        ];
        assert_eq!(
            check_answers(&questions, &[]).unwrap_err(),
            vec![(1, "error-required")]
        );
        let ok = check_answers(
            &questions,
            &[
                (1, vec!["yes".into()]),
                (2, vec!["Vegetarisk".into(), "Glutenfri".into()]),
            ],
        )
        .unwrap();
        assert_eq!(
            ok,
            vec![(1, "yes".into()), (2, "Vegetarisk\nGlutenfri".into())]
        );
        assert_eq!(
            check_answers(&questions, &[(1, vec!["kanske".into()])]).unwrap_err(),
            vec![(1, "error-answer-invalid")]
        );
    }
}
