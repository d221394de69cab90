//! Demo data: a workspace a newcomer can explore on any day, with the programme running
//! "now".
//!
//! A programme's demo lives beside its phases, in `demo.toml` and the files of its
//! `demo/` folder (read by [`read`], the one function that reads them). It names the
//! moment of the programme the demo *acts as* (`acts_as`): the programme keeps its real
//! dates from `phases/`, and the demo database's clock reads that moment instead of the
//! real time. [`load`] tells the programme's story up to that moment through the same
//! storage functions and domain rules the application uses, moving the database's clock
//! as it goes (so every creation time, revision and audit entry falls on a believable
//! day), leaves the clock at the acting moment, and marks the database as a demo
//! ([`crate::storage::demo`]). `framsyn serve` on a marked database runs its clock from
//! the acting moment, and every page says that it is a demo.
//!
//! Prose (notes, sources, texts, answers, input) is data; ratings and rankings follow a
//! fixed pattern per organisation and note, never chance, so every load is the same.
//! A database marked already is left as it is: loading again adds nothing.

mod story;

use std::collections::BTreeMap;
use std::path::Path;

use crate::files::Folder;

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use serde::Deserialize;

use crate::domain::bank::NoteForm;
use crate::domain::event::{AgendaForm, EventForm};
use crate::domain::organisation::OrganisationForm;
use crate::domain::programme::Programme;
use crate::domain::source::SourceForm;
use crate::domain::user::Role;
use crate::storage::Db;

pub use story::load;

/// Everything a demo holds, as its files say it (each file may hold any part; the parts
/// of all files are put together).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoFile {
    /// Every demo person's password.
    #[serde(default)]
    pub password: Option<String>,
    /// The moment of the programme the demo acts as, local time in the programme's zone
    /// (`2018-09-12T10:00:00`).
    #[serde(default)]
    pub acts_as: Option<String>,
    #[serde(default)]
    pub organisations: Vec<OrganisationForm>,
    #[serde(default)]
    pub users: Vec<DemoUser>,
    /// People from outside the member organisations who register for open events: first
    /// names and family names, combined.
    #[serde(default)]
    pub guest_first_names: Vec<String>,
    #[serde(default)]
    pub guest_family_names: Vec<String>,
    /// Times a process leader held a phase active by hand (and gave it back to the dates).
    #[serde(default)]
    pub phase_overrides: Vec<DemoOverride>,
    #[serde(default)]
    pub sources: Vec<DemoSource>,
    #[serde(default)]
    pub notes: Vec<DemoNote>,
    /// What happens around the programme's shared events (by activity slug).
    #[serde(default)]
    pub events: Vec<DemoEvent>,
    /// Events member organisations propose for the shared calendar.
    #[serde(default)]
    pub proposals: Vec<DemoProposal>,
    #[serde(default)]
    pub rounds: Vec<DemoRound>,
    #[serde(default)]
    pub assignments: Vec<DemoAssignment>,
    #[serde(default)]
    pub texts: Vec<DemoText>,
    #[serde(default)]
    pub input: Vec<DemoInput>,
    #[serde(default)]
    pub scenario_sets: Vec<DemoScenarioSet>,
    /// Workshop 3: when the process leader captured the shared consequences, and when
    /// the set's consequences were published (local times).
    #[serde(default)]
    pub consequences_captured: Option<String>,
    #[serde(default)]
    pub consequences_published: Option<String>,
    /// The workshop's shared consequences of the scenarios.
    #[serde(default)]
    pub consequences: Vec<DemoConsequence>,
    /// The organisations' own consequences in the home assignment, taken in turn.
    #[serde(default)]
    pub own_consequences: Vec<DemoConsequence>,
    /// Workshop 4's backcasting: the shared vision, its milestones and actions, the
    /// stress test, and the organisations' own visions in home assignment 4.
    #[serde(default)]
    pub backcasting: Option<DemoBackcasting>,
    /// The process leaders' messages to participants.
    #[serde(default)]
    pub announcements: Vec<DemoAnnouncement>,
    /// People who chose the digest of what is new.
    #[serde(default)]
    pub digest_readers: Vec<DemoDigestReader>,
}

/// A process leader's message to participants, as the form takes it (an event's
/// registrants are not offered here).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoAnnouncement {
    /// The process leader who wrote it (e-mail).
    pub from: String,
    /// `all`, `category` or `not_submitted`.
    pub audience: String,
    #[serde(default)]
    pub category: String,
    /// For `not_submitted`: the phase.
    #[serde(default)]
    pub phase: String,
    pub subject: String,
    pub body: String,
    /// Local time it was sent.
    pub sent: String,
}

/// Someone who chose the digest, and since when (local time).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoDigestReader {
    pub email: String,
    pub period: crate::domain::mail::DigestPeriod,
    pub since: String,
}

/// Workshop 4's backcasting. In the organisations' own texts `{org}` is their name.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoBackcasting {
    /// When the process leader wrote the shared vision at the workshop (local time).
    pub written: String,
    /// When it was published (local time).
    #[serde(default)]
    pub published: Option<String>,
    pub vision: DemoVision,
    pub milestones: Vec<DemoMilestone>,
    pub actions: Vec<DemoAction>,
    /// Notes on the stress test's verdicts, by verdict (`robust`, `adapt`, `fails`),
    /// taken in turn; which verdict an item gets in a scenario follows a fixed pattern.
    pub verdict_notes: BTreeMap<String, Vec<String>>,
    /// Visions of their own for the organisations that do not adopt the shared one.
    #[serde(default)]
    pub own_visions: Vec<DemoVision>,
    #[serde(default)]
    pub own_milestones: Vec<DemoMilestone>,
    #[serde(default)]
    pub own_actions: Vec<DemoAction>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoVision {
    pub title: String,
    pub horizon: i32,
    pub statement: String,
    #[serde(default)]
    pub characteristics: Vec<String>,
}

/// A milestone; `depends_on` names earlier ones by key, `answers` shared consequences
/// by their key (09-konsekvenser.toml).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoMilestone {
    #[serde(default)]
    pub key: Option<String>,
    pub year: i32,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub level: String,
    pub kind: String,
    #[serde(default)]
    pub actor: String,
    #[serde(default)]
    pub depends_on: Vec<String>,
    #[serde(default)]
    pub answers: Vec<String>,
}

/// An action; `organisation` is the responsible organisation's name (empty: the
/// organisation writing it), `milestones` the keys of the milestones it leads to.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoAction {
    /// For the texts to name (`[[thread:@key]]`).
    #[serde(default)]
    pub key: Option<String>,
    pub text: String,
    #[serde(default)]
    pub organisation: String,
    pub start: String,
    #[serde(default)]
    pub strategy: String,
    pub status: String,
    #[serde(default)]
    pub milestones: Vec<String>,
    #[serde(default)]
    pub answers: Vec<String>,
}

/// A consequence of a scenario (by key). A shared one may have a `key` for others to
/// follow from (`follows`); an organisation's own may take a shared one as its own
/// (`holds`, by key) with its text, `{org}` being its name.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoConsequence {
    pub scenario: String,
    #[serde(default)]
    pub key: Option<String>,
    #[serde(default)]
    pub follows: Option<String>,
    #[serde(default)]
    pub holds: Option<String>,
    #[serde(default)]
    pub level: String,
    #[serde(default)]
    pub theme: String,
    #[serde(default)]
    pub valence: String,
    #[serde(default)]
    pub magnitude: String,
    #[serde(default)]
    pub timing: String,
    #[serde(default)]
    pub confidence: Option<u8>,
    pub text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoUser {
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub roles: Vec<Role>,
    /// Invited but not yet signed in: no password set (the administrators' start page
    /// lists such people).
    #[serde(default)]
    pub invited: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoOverride {
    /// Local time of the change.
    pub at: String,
    /// The phase held active; none gives the choice back to the dates.
    #[serde(default)]
    pub phase: Option<String>,
    pub reason: String,
}

/// A source of the omvärldsbank, as its form is filled in, with a key notes cite it by.
#[derive(Debug, Deserialize)]
pub struct DemoSource {
    pub key: String,
    /// Local time it was added to the bank (by default early in the programme, and
    /// never before the spring of its year).
    #[serde(default)]
    pub added: Option<String>,
    #[serde(flatten)]
    pub form: SourceForm,
}

/// A note of the bank, as its form is filled in, with a key, its parent's key, the notes
/// it bears on (`drives:key`, `reinforces:key`, …) and the sources it cites
/// (`key:supports`, `key:contradicts`, `key:context`).
#[derive(Debug, Deserialize)]
pub struct DemoNote {
    pub key: String,
    #[serde(default)]
    pub under: Option<String>,
    #[serde(default)]
    pub links: Vec<String>,
    #[serde(default)]
    pub cites: Vec<String>,
    /// draft, submitted, curated (the default) or archived.
    #[serde(default)]
    pub status: Option<String>,
    /// Local time it was written (by default shortly before its phase began).
    #[serde(default)]
    pub created: Option<String>,
    /// Whether an editor has shown it to the public (by default every submitted or
    /// curated note).
    #[serde(default)]
    pub public: Option<bool>,
    #[serde(flatten)]
    pub form: NoteForm,
}

/// Around one of the programme's shared events: who may come and when they register,
/// its agenda, how many register, and (once it is over) attendance and minutes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoEvent {
    pub activity: String,
    /// members or public.
    #[serde(default)]
    pub audience: Option<String>,
    #[serde(default)]
    pub mode: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub online_link: Option<String>,
    #[serde(default)]
    pub registration_opens: Option<String>,
    #[serde(default)]
    pub registration_closes: Option<String>,
    #[serde(default)]
    pub contact_name: Option<String>,
    #[serde(default)]
    pub contact_email: Option<String>,
    /// How many registrations are made: members first, then guests (for public events).
    #[serde(default)]
    pub registrants: usize,
    /// The final minutes, written after the event.
    #[serde(default)]
    pub minutes: Option<String>,
    #[serde(default)]
    pub agenda: Vec<AgendaForm>,
}

/// An event a member organisation proposes for the shared calendar.
#[derive(Debug, Deserialize)]
pub struct DemoProposal {
    pub organisation: String,
    /// Local time it was proposed.
    pub proposed: String,
    /// proposed (waiting for approval) or published (approved).
    pub status: String,
    #[serde(default)]
    pub agenda: Vec<AgendaForm>,
    #[serde(flatten)]
    pub form: EventForm,
}

/// A rating round: its notes by key, when it is open, and how many organisations answer.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoRound {
    pub key: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub phase: String,
    #[serde(default)]
    pub notes: Vec<String>,
    pub criteria: Vec<String>,
    pub opens_at: String,
    pub closes_at: String,
    pub anonymity: String,
    pub feedback: String,
    /// The first round, for a Delphi second round.
    #[serde(default)]
    pub previous: Option<String>,
    /// How many organisations answer (one strategist each, in the order of the file).
    pub answered_by: usize,
    /// How many of those (the first in the file) have so far saved only part of their
    /// sheet, to finish later: the first half of the notes, and one criterion of the next.
    #[serde(default)]
    pub partly: usize,
    /// Reasons some strategists give.
    #[serde(default)]
    pub reasons: Vec<String>,
    /// Notes the organisations lean on alike, by key: the level (0..=4 of each scale) of
    /// every criterion in the order of `criteria`, around which each organisation varies
    /// a little. Other notes follow the fixed pattern.
    #[serde(default)]
    pub leaning: BTreeMap<String, Vec<usize>>,
}

/// The organisations' work on a home assignment.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoAssignment {
    /// The home assignment's slug.
    pub activity: String,
    /// Where each organisation's submission ends up, taken in turn: accepted, returned,
    /// submitted, draft or none (not started).
    pub states: Vec<String>,
    /// Answers per question key; organisations take them in turn, `{org}` is their name.
    #[serde(default)]
    pub answers: BTreeMap<String, Vec<String>>,
    /// Trend notes by key for the trend ranking, the most agreed on first.
    #[serde(default)]
    pub ranking: Vec<String>,
    #[serde(default)]
    pub ranking_reasons: Vec<String>,
    #[serde(default)]
    pub return_comments: Vec<String>,
    #[serde(default)]
    pub accept_comments: Vec<String>,
    /// The scenarios (by key) each organisation marks as most interesting in the part
    /// `scenario_rating`, taken in turn like the answers.
    #[serde(default)]
    pub scenario_most: Vec<Vec<String>>,
}

/// An editorial text. In the body, `[[note:@key]]`, `[[radar:@key]]`,
/// `[[driver-map:@key]]` and `[[event:@slug]]` name demo notes, rounds and events;
/// `[[scenarios:@phase]]`, `[[scenario-assessment:@phase]]` and
/// `[[consequences:@phase]]` the scenario set of a phase, and `[[scenario:@key]]` and
/// `[[futures-wheel:@key]]` a scenario.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoText {
    /// output or news.
    pub kind: String,
    #[serde(default)]
    pub phase: String,
    #[serde(default)]
    pub output: String,
    pub title: String,
    pub body: String,
    /// published, in_review or draft.
    pub state: String,
    /// Local time it was first saved.
    pub written: String,
    /// Written by the second editor, and so reviewed by the first (by default the first
    /// writes and the second reviews).
    #[serde(default)]
    pub by_second_editor: bool,
}

/// Input from anyone, and what the moderators made of it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoInput {
    #[serde(default)]
    pub name: String,
    /// Whether the sender allowed their name to be published.
    #[serde(default)]
    pub name_public: bool,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phase: String,
    #[serde(default)]
    pub topic: String,
    pub body: String,
    /// The moderators' edited version for publishing, if any.
    #[serde(default)]
    pub public_body: Option<String>,
    /// Local time it was sent.
    pub sent: String,
    /// new, read, answered or linked.
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub published: bool,
    /// The note it was linked to, by key.
    #[serde(default)]
    pub note: Option<String>,
}

/// A scenario set of a phase, made by a process leader (from a round's driver map, if
/// named), written, opened for every organisation's assessment and comments, made public
/// by an editor and, once the home assignment is done, settled.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoScenarioSet {
    pub phase: String,
    /// The round (by key) whose driver map the set is made from.
    #[serde(default)]
    pub round: Option<String>,
    pub title: String,
    /// By default the programme's.
    #[serde(default)]
    pub focal_question: Option<String>,
    #[serde(default)]
    pub horizon: Option<i32>,
    /// two_axes (the default) or other.
    #[serde(default)]
    pub method: Option<String>,
    #[serde(default)]
    pub axes: Vec<DemoAxis>,
    /// Predetermined elements, by note key.
    #[serde(default)]
    pub predetermined: Vec<String>,
    /// Local times: made (the scenarios sketched the same day), written out in full,
    /// opened, made public, settled (final).
    pub created: String,
    pub written: String,
    #[serde(default)]
    pub opened: Option<String>,
    #[serde(default)]
    pub public: Option<String>,
    #[serde(default)]
    pub settled: Option<String>,
    #[serde(default)]
    pub scenarios: Vec<DemoScenario>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoAxis {
    /// The uncertainty, by note key.
    pub note: String,
    #[serde(default)]
    pub definition: String,
    pub low: String,
    pub high: String,
}

/// A scenario of a set. The first paragraph of its narrative is sketched when the set is
/// made; the rest is written out later (a second revision).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoScenario {
    pub key: String,
    #[serde(default)]
    pub quadrant: Option<String>,
    pub name: String,
    #[serde(default)]
    pub tagline: String,
    #[serde(default)]
    pub narrative: String,
    #[serde(default)]
    pub characteristics: Vec<String>,
    /// How each chosen note plays out, by note key.
    #[serde(default)]
    pub states: BTreeMap<String, String>,
    #[serde(default)]
    pub signposts: Vec<DemoSignpost>,
    /// Where the organisations' assessment leans: interest (1-5), plausibility (1-5)
    /// and desirability (-2..2), around which each organisation varies a little.
    #[serde(default)]
    pub leaning: Vec<i32>,
    /// Reasons organisations give in their assessment (`{org}` is their name).
    #[serde(default)]
    pub reasons: Vec<String>,
    #[serde(default)]
    pub comments: Vec<DemoComment>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoSignpost {
    pub text: String,
    /// The note it is tied to, by key.
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub indicator: Option<String>,
}

/// A comment on a scenario while its set is open.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoComment {
    /// The commenter's e-mail address.
    pub by: String,
    /// Local time.
    pub at: String,
    pub body: String,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct DemoReport {
    pub organisations_added: usize,
    pub users_added: usize,
    pub events_added: usize,
    pub notes_added: usize,
    pub sources_added: usize,
    /// The database was a demo already: nothing was added.
    pub already_loaded: bool,
}

impl DemoFile {
    /// Adds the parts of `other` (read from another file of the same demo).
    fn absorb(&mut self, other: DemoFile, file: &Path) -> anyhow::Result<()> {
        fn once<T>(
            mine: &mut Option<T>,
            theirs: Option<T>,
            what: &str,
            file: &Path,
        ) -> anyhow::Result<()> {
            if let Some(value) = theirs {
                anyhow::ensure!(
                    mine.is_none(),
                    "{}: `{what}` is given in more than one demo file",
                    file.display()
                );
                *mine = Some(value);
            }
            Ok(())
        }
        once(&mut self.password, other.password, "password", file)?;
        once(&mut self.acts_as, other.acts_as, "acts_as", file)?;
        self.organisations.extend(other.organisations);
        self.users.extend(other.users);
        self.guest_first_names.extend(other.guest_first_names);
        self.guest_family_names.extend(other.guest_family_names);
        self.phase_overrides.extend(other.phase_overrides);
        self.sources.extend(other.sources);
        self.notes.extend(other.notes);
        self.events.extend(other.events);
        self.proposals.extend(other.proposals);
        self.rounds.extend(other.rounds);
        self.assignments.extend(other.assignments);
        self.texts.extend(other.texts);
        self.input.extend(other.input);
        self.scenario_sets.extend(other.scenario_sets);
        once(
            &mut self.consequences_captured,
            other.consequences_captured,
            "consequences_captured",
            file,
        )?;
        once(
            &mut self.consequences_published,
            other.consequences_published,
            "consequences_published",
            file,
        )?;
        self.consequences.extend(other.consequences);
        self.own_consequences.extend(other.own_consequences);
        self.announcements.extend(other.announcements);
        self.digest_readers.extend(other.digest_readers);
        once(
            &mut self.backcasting,
            other.backcasting,
            "backcasting",
            file,
        )?;
        Ok(())
    }

    pub fn password(&self) -> &str {
        self.password.as_deref().unwrap_or_default()
    }

    /// The moment the demo acts as.
    pub fn acts_as(&self, programme: &Programme) -> anyhow::Result<DateTime<Utc>> {
        let text = self
            .acts_as
            .as_deref()
            .ok_or_else(|| anyhow::anyhow!("the demo does not say which moment it acts as"))?;
        local_moment(programme, text)
    }
}

/// A local time in the programme's zone (`2018-09-12T10:00`, seconds optional).
pub(crate) fn local_moment(programme: &Programme, text: &str) -> anyhow::Result<DateTime<Utc>> {
    let text = text.trim();
    let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M"))
        .map_err(|e| anyhow::anyhow!("{text:?} is not a local time: {e}"))?;
    programme
        .time_zone
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| anyhow::anyhow!("{text:?} does not exist in {}", programme.time_zone))
}

/// Reads a programme's demo: `demo.toml` in its folder and every `.toml` file of its
/// `demo/` folder, in name order.
pub fn read(programme: &Folder) -> anyhow::Result<DemoFile> {
    let main = programme.path().join("demo.toml");
    let mut demo = parse(&programme.read_to_string("demo.toml")?, &main)?;
    for name in programme.list("toml")? {
        if name.starts_with("demo/") {
            let file = programme.path().join(&name);
            let part = parse(&programme.read_to_string(&name)?, &file)?;
            demo.absorb(part, &file)?;
        }
    }
    anyhow::ensure!(
        demo.password.as_deref().is_some_and(|p| !p.is_empty()),
        "{}: the demo has no password",
        main.display()
    );
    anyhow::ensure!(
        demo.acts_as.is_some(),
        "{}: the demo does not say which moment it acts as (acts_as)",
        main.display()
    );
    Ok(demo)
}

fn parse(text: &str, path: &Path) -> anyhow::Result<DemoFile> {
    toml::from_str(text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

/// The moment a demo database acts as, when it is one.
pub fn acting_moment(db: &Db) -> anyhow::Result<Option<DateTime<Utc>>> {
    let mark = db.read_blocking(crate::storage::demo::mark)?;
    Ok(mark.and_then(|m| DateTime::from_timestamp(m.acts_as, 0)))
}
