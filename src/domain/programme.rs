//! A programme definition: the programme file and one file per phase, as data.
//!
//! Parsing is strict (unknown keys are errors) and every error names the file, the
//! field and what is wrong, so a broken definition stops start-up with a message a
//! process leader can act on.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::lang::{Lang, Localized};

/// A whole programme: its own facts and its phases in order.
#[derive(Debug, Clone, Serialize)]
pub struct Programme {
    pub slug: String,
    pub time_zone: Tz,
    pub default_language: Lang,
    pub horizon: Option<i32>,
    pub name: Localized,
    pub organiser: Localized,
    pub focal_question: Option<Localized>,
    pub purpose: Localized,
    pub results: Option<Localized>,
    pub participants: Option<Localized>,
    /// Whether a published text needs a second pair of eyes: nobody publishes what they
    /// were the last to write.
    pub second_reviewer: bool,
    /// The levels at which consequences of a scenario are discussed (national, regional,
    /// municipal, citizen in Regionerna 2050), in order; backcasting's milestones sit
    /// at the same levels.
    pub consequence_levels: Vec<Term>,
    /// The themes a consequence may be filed under, in order.
    pub consequence_themes: Vec<Term>,
    /// Who answers for the personal data the workspace holds, and how long it keeps
    /// what it need not keep for ever (the programme file's `[privacy]`).
    pub privacy: Privacy,
    pub phases: Vec<Phase>,
}

/// The programme's `[privacy]` table: the data controller, how to reach them, and the
/// retention periods the daily job applies (see `app::privacy::retain`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Privacy {
    /// The data controller's name (the organiser when not given).
    pub controller: Option<Localized>,
    /// The address people write to about their data (none: the page names only the
    /// controller).
    pub contact: Option<String>,
    /// Months after an event ends that the name and e-mail of a registrant without an
    /// account are kept.
    pub registrant_contact_months: u32,
    /// Months after moderation that a piece of input keeps its sender's contact details.
    pub input_contact_months: u32,
}

impl Default for Privacy {
    fn default() -> Privacy {
        Privacy {
            controller: None,
            contact: None,
            registrant_contact_months: 6,
            input_contact_months: 12,
        }
    }
}

/// A named entry of a list the programme defines: a slug that data stores, and its name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub slug: String,
    pub name: Localized,
}

/// One phase of a programme.
#[derive(Debug, Clone, Serialize)]
pub struct Phase {
    pub order: u32,
    pub slug: String,
    pub starts: NaiveDate,
    pub ends: NaiveDate,
    pub title: Localized,
    pub summary: Localized,
    pub produces: Localized,
    pub activities: Vec<Activity>,
    /// What counts toward an organisation's completion of the phase: slugs of the phase's
    /// events and home assignment, and `rating_rounds` for the phase's rating rounds.
    pub completion: Vec<String>,
}

/// What a phase contains: shared events, the home assignment, the editorial output.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Activity {
    Conference(EventActivity),
    Workshop(EventActivity),
    PoliticiansSeminar(EventActivity),
    LeadersThinktank(EventActivity),
    Meeting(EventActivity),
    HomeAssignment(HomeAssignment),
    Editorial(Editorial),
}

/// The kinds of activity, as one flat list (for display and filters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    Conference,
    Workshop,
    PoliticiansSeminar,
    LeadersThinktank,
    Meeting,
    HomeAssignment,
    Editorial,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 7] = [
        ActivityKind::Conference,
        ActivityKind::Workshop,
        ActivityKind::PoliticiansSeminar,
        ActivityKind::LeadersThinktank,
        ActivityKind::Meeting,
        ActivityKind::HomeAssignment,
        ActivityKind::Editorial,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ActivityKind::Conference => "conference",
            ActivityKind::Workshop => "workshop",
            ActivityKind::PoliticiansSeminar => "politicians_seminar",
            ActivityKind::LeadersThinktank => "leaders_thinktank",
            ActivityKind::Meeting => "meeting",
            ActivityKind::HomeAssignment => "home_assignment",
            ActivityKind::Editorial => "editorial",
        }
    }

    pub fn is_event(self) -> bool {
        !matches!(self, ActivityKind::HomeAssignment | ActivityKind::Editorial)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct EventActivity {
    pub slug: String,
    pub title: Localized,
    pub description: Option<Localized>,
    pub starts: NaiveDate,
    pub ends: NaiveDate,
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
    pub venue: Option<String>,
    pub participants: Option<u32>,
    pub per_organisation_cap: Option<u32>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HomeAssignment {
    pub slug: String,
    pub title: Localized,
    pub description: Option<Localized>,
    pub due: NaiveDate,
    pub parts: Vec<AssignmentPart>,
    pub questions: Vec<Question>,
}

/// The structured parts a home assignment can ask for (built as the programme needs them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssignmentPart {
    TrendRanking,
    ScenarioRating,
    Consequences,
    Milestones,
}

impl AssignmentPart {
    pub const ALL: [AssignmentPart; 4] = [
        AssignmentPart::TrendRanking,
        AssignmentPart::ScenarioRating,
        AssignmentPart::Consequences,
        AssignmentPart::Milestones,
    ];

    pub fn key(self) -> &'static str {
        match self {
            AssignmentPart::TrendRanking => "trend_ranking",
            AssignmentPart::ScenarioRating => "scenario_rating",
            AssignmentPart::Consequences => "consequences",
            AssignmentPart::Milestones => "milestones",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub key: String,
    #[serde(default)]
    pub required: bool,
    pub text: Localized,
    #[serde(default)]
    pub help: Option<Localized>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Editorial {
    pub slug: String,
    pub title: Localized,
    pub description: Option<Localized>,
    pub due: NaiveDate,
    pub brief: Localized,
    pub outputs: Vec<EditorialOutput>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditorialOutput {
    pub slug: String,
    pub title: Localized,
}

impl Activity {
    pub fn kind(&self) -> ActivityKind {
        match self {
            Activity::Conference(_) => ActivityKind::Conference,
            Activity::Workshop(_) => ActivityKind::Workshop,
            Activity::PoliticiansSeminar(_) => ActivityKind::PoliticiansSeminar,
            Activity::LeadersThinktank(_) => ActivityKind::LeadersThinktank,
            Activity::Meeting(_) => ActivityKind::Meeting,
            Activity::HomeAssignment(_) => ActivityKind::HomeAssignment,
            Activity::Editorial(_) => ActivityKind::Editorial,
        }
    }

    pub fn slug(&self) -> &str {
        match self {
            Activity::Conference(e)
            | Activity::Workshop(e)
            | Activity::PoliticiansSeminar(e)
            | Activity::LeadersThinktank(e)
            | Activity::Meeting(e) => &e.slug,
            Activity::HomeAssignment(h) => &h.slug,
            Activity::Editorial(e) => &e.slug,
        }
    }

    pub fn title(&self) -> &Localized {
        match self {
            Activity::Conference(e)
            | Activity::Workshop(e)
            | Activity::PoliticiansSeminar(e)
            | Activity::LeadersThinktank(e)
            | Activity::Meeting(e) => &e.title,
            Activity::HomeAssignment(h) => &h.title,
            Activity::Editorial(e) => &e.title,
        }
    }

    pub fn event(&self) -> Option<&EventActivity> {
        match self {
            Activity::Conference(e)
            | Activity::Workshop(e)
            | Activity::PoliticiansSeminar(e)
            | Activity::LeadersThinktank(e)
            | Activity::Meeting(e) => Some(e),
            _ => None,
        }
    }
}

impl Phase {
    pub fn events(&self) -> impl Iterator<Item = (ActivityKind, &EventActivity)> {
        self.activities
            .iter()
            .filter_map(|a| a.event().map(|e| (a.kind(), e)))
    }

    pub fn home_assignment(&self) -> Option<&HomeAssignment> {
        self.activities.iter().find_map(|a| match a {
            Activity::HomeAssignment(h) => Some(h),
            _ => None,
        })
    }

    pub fn editorial(&self) -> Option<&Editorial> {
        self.activities.iter().find_map(|a| match a {
            Activity::Editorial(e) => Some(e),
            _ => None,
        })
    }
}

impl Programme {
    /// Whether the organisation of this name runs the programme (its `organiser`, in any
    /// language given): the organiser is not a participant, so it owes no home
    /// assignments and is not tracked in progress.
    pub fn is_organiser(&self, organisation_name: &str) -> bool {
        let name = organisation_name.trim();
        Lang::ALL
            .iter()
            .filter_map(|l| self.organiser.get(*l))
            .any(|o| o.trim().to_lowercase() == name.to_lowercase())
    }

    /// A consequence level by its slug.
    pub fn consequence_level(&self, slug: &str) -> Option<&Term> {
        self.consequence_levels.iter().find(|t| t.slug == slug)
    }

    /// A consequence theme by its slug.
    pub fn consequence_theme(&self, slug: &str) -> Option<&Term> {
        self.consequence_themes.iter().find(|t| t.slug == slug)
    }

    pub fn phase(&self, slug: &str) -> Option<&Phase> {
        self.phases.iter().find(|p| p.slug == slug)
    }

    pub fn starts(&self) -> Option<NaiveDate> {
        self.phases.iter().map(|p| p.starts).min()
    }

    pub fn ends(&self) -> Option<NaiveDate> {
        self.phases.iter().map(|p| p.ends).max()
    }

    /// Reads and validates a programme directory: `programme.toml` and one `NN-slug.toml` per phase.
    pub fn load_dir(dir: &Path) -> Result<Programme, DefinitionError> {
        let mut files = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(|e| DefinitionError::io(dir, e))? {
            let path = entry.map_err(|e| DefinitionError::io(dir, e))?.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if name.ends_with(".toml") {
                files.push((name.to_string(), read(&path)?));
            }
        }
        Programme::from_files(dir, &files)
    }

    /// Validates a programme from the files of its folder, as names and texts:
    /// `programme.toml` and one `NN-slug.toml` per phase (other files are not read).
    /// Errors name the file as `dir` joined with its name.
    pub fn from_files(
        dir: &Path,
        files: &[(String, String)],
    ) -> Result<Programme, DefinitionError> {
        let programme_file = dir.join("programme.toml");
        let text = files
            .iter()
            .find(|(name, _)| name == "programme.toml")
            .map(|(_, text)| text)
            .ok_or_else(|| {
                DefinitionError::new(&programme_file, "", "cannot be read: no such file")
            })?;
        let head: ProgrammeFile = parse(&programme_file, text)?;
        let mut phase_files: Vec<&(String, String)> = files
            .iter()
            .filter(|(name, _)| is_phase_file(Path::new(name)))
            .collect();
        phase_files.sort_by(|a, b| a.0.cmp(&b.0));
        let mut phases = Vec::with_capacity(phase_files.len());
        for (name, text) in phase_files {
            let file = dir.join(name);
            let phase = parse::<PhaseFile>(&file, text)?.into_phase(&file)?;
            phases.push((file, phase));
        }
        build(&programme_file, head, phases)
    }

    /// Parses a programme from texts held in memory (used by tests and tools).
    pub fn from_texts(
        programme: &str,
        phases: &[(&str, &str)],
    ) -> Result<Programme, DefinitionError> {
        let programme_file = PathBuf::from("programme.toml");
        let head: ProgrammeFile = parse(&programme_file, programme)?;
        let mut parsed = Vec::new();
        for (name, text) in phases {
            let file = PathBuf::from(name);
            let phase = parse::<PhaseFile>(&file, text)?.into_phase(&file)?;
            parsed.push((file.clone(), phase));
        }
        build(&programme_file, head, parsed)
    }
}

fn is_phase_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name.ends_with(".toml")
        && name.len() > 3
        && name.as_bytes()[..2].iter().all(u8::is_ascii_digit)
        && name.as_bytes()[2] == b'-'
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgrammeFile {
    slug: String,
    time_zone: String,
    default_language: Lang,
    #[serde(default)]
    horizon: Option<i32>,
    name: Localized,
    organiser: Localized,
    #[serde(default)]
    focal_question: Option<Localized>,
    purpose: Localized,
    #[serde(default)]
    results: Option<Localized>,
    #[serde(default)]
    participants: Option<Localized>,
    #[serde(default)]
    second_reviewer: bool,
    #[serde(default)]
    consequence_levels: Vec<Term>,
    #[serde(default)]
    consequence_themes: Vec<Term>,
    #[serde(default)]
    privacy: Privacy,
}

/// A phase file as written: activities are flat tables with a `kind`, checked per kind below.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PhaseFile {
    order: u32,
    slug: String,
    #[serde(deserialize_with = "date")]
    starts: NaiveDate,
    #[serde(deserialize_with = "date")]
    ends: NaiveDate,
    title: Localized,
    summary: Localized,
    produces: Localized,
    #[serde(default)]
    activities: Vec<ActivityFile>,
    #[serde(default)]
    completion: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActivityFile {
    kind: ActivityKind,
    slug: String,
    title: Localized,
    #[serde(default)]
    description: Option<Localized>,
    #[serde(default, deserialize_with = "opt_date")]
    starts: Option<NaiveDate>,
    #[serde(default, deserialize_with = "opt_date")]
    ends: Option<NaiveDate>,
    #[serde(default, deserialize_with = "opt_time")]
    start_time: Option<NaiveTime>,
    #[serde(default, deserialize_with = "opt_time")]
    end_time: Option<NaiveTime>,
    #[serde(default)]
    venue: Option<String>,
    #[serde(default)]
    participants: Option<u32>,
    #[serde(default)]
    per_organisation_cap: Option<u32>,
    #[serde(default, deserialize_with = "opt_date")]
    due: Option<NaiveDate>,
    #[serde(default)]
    parts: Option<Vec<AssignmentPart>>,
    #[serde(default)]
    questions: Option<Vec<Question>>,
    #[serde(default)]
    brief: Option<Localized>,
    #[serde(default)]
    outputs: Option<Vec<EditorialOutput>>,
}

/// A date written as `"YYYY-MM-DD"` or as a bare TOML date.
fn date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    use serde::de::Error;
    let text = match toml::Value::deserialize(d)? {
        toml::Value::String(s) => s,
        toml::Value::Datetime(dt) => dt.to_string(),
        other => {
            return Err(D::Error::custom(format!(
                "expected a date (YYYY-MM-DD), found {}",
                other.type_str()
            )));
        }
    };
    NaiveDate::parse_from_str(&text, "%Y-%m-%d")
        .map_err(|e| D::Error::custom(format!("`{text}` is not a valid date (YYYY-MM-DD): {e}")))
}

fn opt_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    date(d).map(Some)
}

fn opt_time<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
    use serde::de::Error;
    let text = match toml::Value::deserialize(d)? {
        toml::Value::String(s) => s,
        toml::Value::Datetime(dt) => dt.to_string(),
        other => {
            return Err(D::Error::custom(format!(
                "expected a time (HH:MM), found {}",
                other.type_str()
            )));
        }
    };
    NaiveTime::parse_from_str(&text, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(&text, "%H:%M:%S"))
        .map(Some)
        .map_err(|e| D::Error::custom(format!("`{text}` is not a valid time (HH:MM): {e}")))
}

impl ActivityFile {
    /// Turns the flat table into its typed kind; `at` names a field of this activity.
    fn into_activity(
        self,
        file: &Path,
        at: &dyn Fn(&str) -> String,
    ) -> Result<Activity, DefinitionError> {
        let required = |field: &str| {
            DefinitionError::new(
                file,
                at(field),
                format!(
                    "missing field `{field}`, required for a {}",
                    self.kind.key()
                ),
            )
        };
        let foreign = |field: &str| {
            DefinitionError::new(
                file,
                at(field),
                format!("`{field}` does not belong to a {}", self.kind.key()),
            )
        };
        let event_fields = [
            ("starts", self.starts.is_some()),
            ("ends", self.ends.is_some()),
            ("start_time", self.start_time.is_some()),
            ("end_time", self.end_time.is_some()),
            ("venue", self.venue.is_some()),
            ("participants", self.participants.is_some()),
            ("per_organisation_cap", self.per_organisation_cap.is_some()),
        ];
        let assignment_fields = [
            ("parts", self.parts.is_some()),
            ("questions", self.questions.is_some()),
        ];
        let editorial_fields = [
            ("brief", self.brief.is_some()),
            ("outputs", self.outputs.is_some()),
        ];
        let kind = self.kind;
        let forbid = |groups: &[&[(&str, bool)]]| -> Result<(), DefinitionError> {
            match groups
                .iter()
                .flat_map(|g| g.iter())
                .find(|(_, present)| *present)
            {
                Some((field, _)) => Err(foreign(field)),
                None => Ok(()),
            }
        };
        if kind.is_event() {
            forbid(&[&assignment_fields, &editorial_fields])?;
            if self.due.is_some() {
                return Err(foreign("due"));
            }
            let event = EventActivity {
                starts: self.starts.ok_or_else(|| required("starts"))?,
                ends: self.ends.ok_or_else(|| required("ends"))?,
                slug: self.slug,
                title: self.title,
                description: self.description,
                start_time: self.start_time,
                end_time: self.end_time,
                venue: self.venue,
                participants: self.participants,
                per_organisation_cap: self.per_organisation_cap,
            };
            return Ok(match kind {
                ActivityKind::Conference => Activity::Conference(event),
                ActivityKind::Workshop => Activity::Workshop(event),
                ActivityKind::PoliticiansSeminar => Activity::PoliticiansSeminar(event),
                ActivityKind::LeadersThinktank => Activity::LeadersThinktank(event),
                _ => Activity::Meeting(event),
            });
        }
        forbid(&[&event_fields])?;
        let due = self.due.ok_or_else(|| required("due"))?;
        if kind == ActivityKind::HomeAssignment {
            forbid(&[&editorial_fields])?;
            Ok(Activity::HomeAssignment(HomeAssignment {
                slug: self.slug,
                title: self.title,
                description: self.description,
                due,
                parts: self.parts.unwrap_or_default(),
                questions: self.questions.ok_or_else(|| required("questions"))?,
            }))
        } else {
            forbid(&[&assignment_fields])?;
            Ok(Activity::Editorial(Editorial {
                slug: self.slug,
                title: self.title,
                description: self.description,
                due,
                brief: self.brief.ok_or_else(|| required("brief"))?,
                outputs: self.outputs.ok_or_else(|| required("outputs"))?,
            }))
        }
    }
}

impl PhaseFile {
    fn into_phase(self, file: &Path) -> Result<Phase, DefinitionError> {
        let mut activities = Vec::with_capacity(self.activities.len());
        for (i, activity) in self.activities.into_iter().enumerate() {
            activities.push(activity.into_activity(file, &|f| format!("activities[{i}].{f}"))?);
        }
        Ok(Phase {
            order: self.order,
            slug: self.slug,
            starts: self.starts,
            ends: self.ends,
            title: self.title,
            summary: self.summary,
            produces: self.produces,
            activities,
            completion: self.completion,
        })
    }
}

/// What is wrong with a programme definition, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefinitionError {
    pub file: PathBuf,
    /// The field's path inside the file, e.g. `activities[2].ends`; empty for the whole file.
    pub field: String,
    pub message: String,
}

impl DefinitionError {
    fn new(file: &Path, field: impl Into<String>, message: impl Into<String>) -> Self {
        DefinitionError {
            file: file.to_path_buf(),
            field: field.into(),
            message: message.into(),
        }
    }

    fn io(file: &Path, error: std::io::Error) -> Self {
        DefinitionError::new(file, "", format!("cannot be read: {error}"))
    }
}

impl fmt::Display for DefinitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.file.display(), self.message)
        } else {
            write!(
                f,
                "{}: field `{}`: {}",
                self.file.display(),
                self.field,
                self.message
            )
        }
    }
}

impl std::error::Error for DefinitionError {}

fn read(file: &Path) -> Result<String, DefinitionError> {
    std::fs::read_to_string(file).map_err(|e| DefinitionError::io(file, e))
}

fn parse<T: serde::de::DeserializeOwned>(file: &Path, text: &str) -> Result<T, DefinitionError> {
    let de = toml::Deserializer::parse(text).map_err(|e| toml_error(file, text, "", &e))?;
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." { String::new() } else { path };
        toml_error(file, text, &field, e.inner())
    })
}

fn toml_error(file: &Path, text: &str, field: &str, error: &toml::de::Error) -> DefinitionError {
    let mut message = error.message().trim().to_string();
    if let Some(span) = error.span() {
        let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
        message = format!("{message} (line {line})");
    }
    DefinitionError::new(file, field, message)
}

fn build(
    programme_file: &Path,
    head: ProgrammeFile,
    phases: Vec<(PathBuf, Phase)>,
) -> Result<Programme, DefinitionError> {
    let file = programme_file;
    check_slug(file, "slug", &head.slug)?;
    let time_zone: Tz = head.time_zone.parse().map_err(|_| {
        DefinitionError::new(
            file,
            "time_zone",
            format!("unknown time zone `{}`", head.time_zone),
        )
    })?;
    let lang = head.default_language;
    for (field, text) in [
        ("name", Some(&head.name)),
        ("organiser", Some(&head.organiser)),
        ("focal_question", head.focal_question.as_ref()),
        ("purpose", Some(&head.purpose)),
        ("results", head.results.as_ref()),
        ("participants", head.participants.as_ref()),
    ] {
        if let Some(text) = text {
            check_text(file, field, text, lang)?;
        }
    }
    check_privacy(file, &head.privacy, lang)?;
    if phases.is_empty() {
        return Err(DefinitionError::new(
            file,
            "",
            "the programme has no phase files (named like `01-slug.toml`) beside it",
        ));
    }
    let mut orders = HashSet::new();
    let mut phase_slugs = HashSet::new();
    let mut activity_slugs = HashSet::new();
    for (path, phase) in &phases {
        check_phase(
            path,
            phase,
            lang,
            &mut orders,
            &mut phase_slugs,
            &mut activity_slugs,
        )?;
    }
    for (field, terms) in [
        ("consequence_levels", &head.consequence_levels),
        ("consequence_themes", &head.consequence_themes),
    ] {
        check_terms(file, field, terms, lang)?;
    }
    let asks_consequences = phases.iter().any(|(_, p)| {
        p.home_assignment()
            .is_some_and(|h| h.parts.contains(&AssignmentPart::Consequences))
    });
    let asks_milestones = phases.iter().any(|(_, p)| {
        p.home_assignment()
            .is_some_and(|h| h.parts.contains(&AssignmentPart::Milestones))
    });
    if asks_milestones && head.consequence_levels.is_empty() {
        return Err(DefinitionError::new(
            file,
            "consequence_levels",
            "a home assignment asks for milestones, but the programme defines no levels for them",
        ));
    }
    if asks_consequences && head.consequence_levels.is_empty() {
        return Err(DefinitionError::new(
            file,
            "consequence_levels",
            "a home assignment asks for consequences, but the programme defines no levels for them",
        ));
    }
    let mut phases: Vec<Phase> = phases.into_iter().map(|(_, p)| p).collect();
    phases.sort_by_key(|p| p.order);
    Ok(Programme {
        slug: head.slug,
        time_zone,
        default_language: lang,
        horizon: head.horizon,
        name: head.name,
        organiser: head.organiser,
        focal_question: head.focal_question,
        purpose: head.purpose,
        results: head.results,
        participants: head.participants,
        second_reviewer: head.second_reviewer,
        consequence_levels: head.consequence_levels,
        consequence_themes: head.consequence_themes,
        privacy: head.privacy,
        phases,
    })
}

/// The `[privacy]` table: a controller named in the default language, a contact that
/// reads as an e-mail address, and retention periods of at least a month.
fn check_privacy(file: &Path, privacy: &Privacy, lang: Lang) -> Result<(), DefinitionError> {
    if let Some(controller) = &privacy.controller {
        check_text(file, "privacy.controller", controller, lang)?;
    }
    if let Some(contact) = &privacy.contact
        && super::user::Email::parse(contact).is_none()
    {
        return Err(DefinitionError::new(
            file,
            "privacy.contact",
            format!("`{contact}` is not an e-mail address"),
        ));
    }
    for (field, months) in [
        (
            "privacy.registrant_contact_months",
            privacy.registrant_contact_months,
        ),
        ("privacy.input_contact_months", privacy.input_contact_months),
    ] {
        if months == 0 {
            return Err(DefinitionError::new(
                file,
                field,
                "must be at least 1 month",
            ));
        }
    }
    Ok(())
}

/// A list of terms: each a slug, once, with a name in the default language.
fn check_terms(
    file: &Path,
    field: &str,
    terms: &[Term],
    lang: Lang,
) -> Result<(), DefinitionError> {
    let mut seen = HashSet::new();
    for (i, term) in terms.iter().enumerate() {
        let at = format!("{field}[{i}]");
        check_slug(file, &format!("{at}.slug"), &term.slug)?;
        if !seen.insert(term.slug.as_str()) {
            return Err(DefinitionError::new(
                file,
                format!("{at}.slug"),
                format!("duplicate slug `{}`", term.slug),
            ));
        }
        check_text(file, &format!("{at}.name"), &term.name, lang)?;
    }
    Ok(())
}

fn check_slug(file: &Path, field: &str, slug: &str) -> Result<(), DefinitionError> {
    let ok = !slug.is_empty()
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(DefinitionError::new(
            file,
            field,
            format!("`{slug}` is not a slug: use lower-case letters a–z, digits and hyphens"),
        ))
    }
}

fn check_text(
    file: &Path,
    field: &str,
    text: &Localized,
    lang: Lang,
) -> Result<(), DefinitionError> {
    if text.get(lang).is_some() {
        Ok(())
    } else {
        Err(DefinitionError::new(
            file,
            format!("{field}.{}", lang.code()),
            format!(
                "the text is missing in the programme's default language ({})",
                lang.code()
            ),
        ))
    }
}

fn check_dates(
    file: &Path,
    field: &str,
    starts: NaiveDate,
    ends: NaiveDate,
) -> Result<(), DefinitionError> {
    if ends < starts {
        Err(DefinitionError::new(
            file,
            field,
            format!("ends {ends} before it starts {starts}"),
        ))
    } else {
        Ok(())
    }
}

fn check_phase(
    file: &Path,
    phase: &Phase,
    lang: Lang,
    orders: &mut HashSet<u32>,
    phase_slugs: &mut HashSet<String>,
    activity_slugs: &mut HashSet<String>,
) -> Result<(), DefinitionError> {
    check_slug(file, "slug", &phase.slug)?;
    if !orders.insert(phase.order) {
        return Err(DefinitionError::new(
            file,
            "order",
            format!("order {} is used by another phase", phase.order),
        ));
    }
    if !phase_slugs.insert(phase.slug.clone()) {
        return Err(DefinitionError::new(
            file,
            "slug",
            format!("duplicate slug `{}`: another phase has it", phase.slug),
        ));
    }
    check_dates(file, "ends", phase.starts, phase.ends)?;
    check_text(file, "title", &phase.title, lang)?;
    check_text(file, "summary", &phase.summary, lang)?;
    check_text(file, "produces", &phase.produces, lang)?;
    for (i, activity) in phase.activities.iter().enumerate() {
        let at = |field: &str| format!("activities[{i}].{field}");
        check_slug(file, &at("slug"), activity.slug())?;
        if !activity_slugs.insert(activity.slug().to_string()) {
            return Err(DefinitionError::new(
                file,
                at("slug"),
                format!(
                    "duplicate slug `{}`: another activity has it",
                    activity.slug()
                ),
            ));
        }
        check_text(file, &at("title"), activity.title(), lang)?;
        match activity {
            Activity::HomeAssignment(h) => {
                if h.questions.is_empty() && h.parts.is_empty() {
                    return Err(DefinitionError::new(
                        file,
                        at("questions"),
                        "a home assignment needs at least one question or part",
                    ));
                }
                let mut keys = HashSet::new();
                for (q, question) in h.questions.iter().enumerate() {
                    let field = at(&format!("questions[{q}].key"));
                    check_slug(file, &field, &question.key)?;
                    if !keys.insert(question.key.as_str()) {
                        return Err(DefinitionError::new(
                            file,
                            field,
                            format!("duplicate question key `{}`", question.key),
                        ));
                    }
                    check_text(
                        file,
                        &at(&format!("questions[{q}].text")),
                        &question.text,
                        lang,
                    )?;
                }
            }
            Activity::Editorial(e) => {
                check_text(file, &at("brief"), &e.brief, lang)?;
                for (o, output) in e.outputs.iter().enumerate() {
                    check_slug(file, &at(&format!("outputs[{o}].slug")), &output.slug)?;
                    check_text(
                        file,
                        &at(&format!("outputs[{o}].title")),
                        &output.title,
                        lang,
                    )?;
                }
            }
            _ => {
                let event = activity.event().expect("every other kind is an event");
                check_dates(file, &at("ends"), event.starts, event.ends)?;
                if let (Some(start), Some(end)) = (event.start_time, event.end_time)
                    && event.starts == event.ends
                    && end <= start
                {
                    return Err(DefinitionError::new(
                        file,
                        at("end_time"),
                        format!("ends at {end} before it starts at {start}"),
                    ));
                }
            }
        }
    }
    // Completion counts the phase's own events and home assignment, and its rating rounds.
    for (i, item) in phase.completion.iter().enumerate() {
        let counts = item == COMPLETION_RATING_ROUNDS
            || phase.activities.iter().any(|a| {
                a.slug() == item
                    && (a.kind().is_event() || a.kind() == ActivityKind::HomeAssignment)
            });
        if !counts {
            return Err(DefinitionError::new(
                file,
                format!("completion[{i}]"),
                format!(
                    "`{item}` is neither an event or home assignment of this phase nor `{COMPLETION_RATING_ROUNDS}`"
                ),
            ));
        }
    }
    Ok(())
}

/// The completion item for a phase's rating rounds.
pub const COMPLETION_RATING_ROUNDS: &str = "rating_rounds";
