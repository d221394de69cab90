//! Live material from the workspace in an editorial text, by reference: a paragraph of its
//! own such as `[[radar:3]]` names a bank note card, a round's trend radar or driver map,
//! a phase's priority heatmap, an event or the progress tracker. While the text is
//! written the reference shows the material as it is now; when the text is published,
//! the figures it shows are frozen (a snapshot of the data the charts are drawn from), so
//! the public text never changes under the reader.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag};
use serde::{Deserialize, Serialize};

use super::assignment::{Ranked, TrendRanking};
use super::backcasting_chart::{StressData, TimelineData};
use super::bank::{Category, NoteType, TimeBand};
use super::chart::{DriverItem, RadarItem, Shape};
use super::consequence_chart::{HeatData, ProfileData};
use super::futures_wheel::WheelData;
use super::progress::Cell;
use super::rating::{Criterion, Feedback, RoundState};
use super::scenario::SetStatus;
use super::scenario_chart::{AssessmentData, SetCharts};
use super::thread::ThreadData;

/// The Markdown the texts are written in: CommonMark with tables, strikethrough and
/// typographic punctuation. The renderer and the embed reader read it alike.
pub const MARKDOWN: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_SMART_PUNCTUATION);

/// A reference to workspace material.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Embed {
    /// A bank note's card, by the note's number.
    Note(i64),
    /// The trend radar of a rating round.
    Radar(i64),
    /// The driver map of a rating round.
    DriverMap(i64),
    /// The priority heatmap of a phase's home assignment, by the phase's slug.
    Heatmap(String),
    /// An event.
    Event(i64),
    /// The progress tracker: every organisation through every phase.
    Progress,
    /// A scenario's card, by the scenario's number.
    Scenario(i64),
    /// A scenario set's cross (of a two-axis set) and comparison table.
    Scenarios(i64),
    /// A scenario set's assessment by the organisations.
    ScenarioAssessment(i64),
    /// A scenario set's consequence heat table.
    Consequences(i64),
    /// A region's consequence profile, by the organisation's number.
    RegionConsequences(i64),
    /// A scenario's futures wheel of its shared consequences.
    FuturesWheel(i64),
    /// A vision's backcasting timeline, with its table.
    Backcasting(i64),
    /// A vision's stress-test grid, with its table.
    StressTest(i64),
    /// The thread back from an action to the signals under it.
    Thread(i64),
}

/// The kinds an editor may write, in the order the help lists them.
pub const KINDS: [&str; 15] = [
    "note",
    "radar",
    "driver-map",
    "heatmap",
    "event",
    "progress",
    "scenario",
    "scenarios",
    "scenario-assessment",
    "consequences",
    "region-consequences",
    "futures-wheel",
    "backcasting",
    "stress-test",
    "thread",
];

impl Embed {
    /// Reads what stands between `[[` and `]]`: `kind:reference`, or `progress` alone.
    pub fn parse(inner: &str) -> Option<Embed> {
        let (kind, reference) = match inner.split_once(':') {
            Some((kind, reference)) => (kind.trim(), Some(reference.trim())),
            None => (inner.trim(), None),
        };
        let number = || {
            reference
                .map(|r| r.trim_start_matches('#'))
                .and_then(|r| r.parse::<i64>().ok())
                .filter(|n| *n > 0)
        };
        match kind {
            "note" => number().map(Embed::Note),
            "radar" => number().map(Embed::Radar),
            "driver-map" => number().map(Embed::DriverMap),
            "event" => number().map(Embed::Event),
            "scenario" => number().map(Embed::Scenario),
            "scenarios" => number().map(Embed::Scenarios),
            "scenario-assessment" => number().map(Embed::ScenarioAssessment),
            "consequences" => number().map(Embed::Consequences),
            "region-consequences" => number().map(Embed::RegionConsequences),
            "futures-wheel" => number().map(Embed::FuturesWheel),
            "backcasting" => number().map(Embed::Backcasting),
            "stress-test" => number().map(Embed::StressTest),
            "thread" => number().map(Embed::Thread),
            "heatmap" => reference
                .filter(|r| {
                    !r.is_empty()
                        && r.chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                })
                .map(|r| Embed::Heatmap(r.to_string())),
            "progress" if reference.is_none_or(str::is_empty) => Some(Embed::Progress),
            _ => None,
        }
    }

    /// The reference as written in its canonical form; snapshots are keyed by it.
    pub fn key(&self) -> String {
        match self {
            Embed::Note(id) => format!("note:{id}"),
            Embed::Radar(id) => format!("radar:{id}"),
            Embed::DriverMap(id) => format!("driver-map:{id}"),
            Embed::Heatmap(slug) => format!("heatmap:{slug}"),
            Embed::Event(id) => format!("event:{id}"),
            Embed::Progress => "progress".to_string(),
            Embed::Scenario(id) => format!("scenario:{id}"),
            Embed::Scenarios(id) => format!("scenarios:{id}"),
            Embed::ScenarioAssessment(id) => format!("scenario-assessment:{id}"),
            Embed::Consequences(id) => format!("consequences:{id}"),
            Embed::RegionConsequences(id) => format!("region-consequences:{id}"),
            Embed::FuturesWheel(id) => format!("futures-wheel:{id}"),
            Embed::Backcasting(id) => format!("backcasting:{id}"),
            Embed::StressTest(id) => format!("stress-test:{id}"),
            Embed::Thread(id) => format!("thread:{id}"),
        }
    }
}

/// A paragraph that is a reference: `[[…]]` on its own, with what stands inside.
fn directive(paragraph: &str) -> Option<&str> {
    let inner = paragraph.trim().strip_prefix("[[")?.strip_suffix("]]")?;
    (!inner.contains(['[', ']', '\n'])).then_some(inner)
}

/// Where a text's references stand, each with what stands inside its brackets, and
/// where its link definitions stand.
struct Found<'a> {
    references: Vec<(Range<usize>, &'a str)>,
    definitions: Vec<Range<usize>>,
}

/// The top-level paragraphs of `body` that are references, with where they stand. A
/// reference inside a list, a quote or a code block is text like any other.
fn directives(body: &str) -> Found<'_> {
    let mut found = Vec::new();
    let mut depth = 0usize;
    let mut paragraph: Option<Range<usize>> = None;
    let mut parser = Parser::new_ext(body, MARKDOWN).into_offset_iter();
    for (event, range) in parser.by_ref() {
        match event {
            Event::Start(tag) => {
                if depth == 0 && matches!(tag, Tag::Paragraph) {
                    paragraph = Some(range);
                }
                depth += 1;
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0
                    && let Some(range) = paragraph.take()
                    && let Some(inner) = directive(&body[range.clone()])
                {
                    found.push((range, inner));
                }
            }
            _ => {}
        }
    }
    let definitions = parser
        .reference_definitions()
        .iter()
        .map(|(_, def)| def.span.clone())
        .collect();
    Found {
        references: found,
        definitions,
    }
}

/// The references of a text that cannot be read (as written), for the form to refuse.
pub fn unreadable(body: &str) -> Vec<String> {
    directives(body)
        .references
        .into_iter()
        .filter(|(_, inner)| Embed::parse(inner).is_none())
        .map(|(_, inner)| format!("[[{inner}]]"))
        .collect()
}

/// Every reference of a text, once each, in a fixed order.
pub fn references(body: &str) -> Vec<Embed> {
    directives(body)
        .references
        .into_iter()
        .filter_map(|(_, inner)| Embed::parse(inner))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// A stretch of a text: Markdown, or a reference shown in its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// The Markdown of the stretch (empty for a reference).
    pub markdown: String,
    /// The reference's key (see [`Embed::key`]).
    pub embed: Option<String>,
}

/// Splits a text at its references. Each Markdown stretch carries the text's link
/// definitions, so a reference-style link works wherever it stands.
pub fn segments(body: &str) -> Vec<Segment> {
    let Found {
        references: found,
        definitions,
    } = directives(body);
    let definitions: String = definitions
        .iter()
        .map(|r| format!("\n\n{}", &body[r.clone()]))
        .collect();
    let mut out = Vec::new();
    let mut at = 0;
    let push_text = |out: &mut Vec<Segment>, text: &str| {
        if !text.trim().is_empty() {
            out.push(Segment {
                markdown: format!("{text}{definitions}"),
                embed: None,
            });
        }
    };
    for (range, inner) in found {
        let Some(embed) = Embed::parse(inner) else {
            continue;
        };
        push_text(&mut out, &body[at..range.start]);
        out.push(Segment {
            markdown: String::new(),
            embed: Some(embed.key()),
        });
        at = range.end;
    }
    push_text(&mut out, &body[at..]);
    out
}

/// A bank note as its card shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteCard {
    pub id: i64,
    pub note_type: NoteType,
    pub title: String,
    pub summary: String,
    pub category: Category,
    pub time_band: Option<TimeBand>,
    pub organisation_name: String,
    /// Whether a visitor may see the note.
    pub public: bool,
}

/// The figures of one criterion of one note.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub n: usize,
    pub median: Option<f64>,
    pub q1: Option<f64>,
    pub q3: Option<f64>,
}

/// One note of a round with the figures its charts are drawn from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartRow {
    pub note_id: i64,
    /// The note's number on the charts: its bank number.
    pub number: usize,
    pub title: String,
    pub note_type: NoteType,
    pub category: Category,
    pub time_band: Option<TimeBand>,
    /// Whether a visitor may see the note.
    pub public: bool,
    pub impact: Option<Figure>,
    pub uncertainty: Option<Figure>,
}

/// A round's notes with their figures: what its radar and driver map are drawn from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundChart {
    pub round_id: i64,
    pub title: String,
    pub rows: Vec<ChartRow>,
    /// How many of the round's notes were archived since and are left out.
    #[serde(default)]
    pub left_out: usize,
    /// Whether the public may see the round's figures yet (see [`figures_public`]).
    #[serde(default = "shown")]
    pub figures_public: bool,
}

fn shown() -> bool {
    true
}

/// Whether the public may see a round's figures: once the round has closed, or while it
/// is open when the round shows its figures to those who have answered. A round that
/// keeps its figures until it closes keeps them from the public too (a visitor is no
/// more than a strategist who has not answered), and a round not yet open has none.
pub fn figures_public(feedback: Feedback, state: RoundState) -> bool {
    match state {
        RoundState::Closed => true,
        RoundState::Open => feedback == Feedback::AfterAnswer,
        RoundState::Upcoming => false,
    }
}

/// One answer with who gave it: (note, criterion, person, value; none for "don't know").
pub type PersonAnswer = (i64, Criterion, i64, Option<i32>);

/// The answers of a round as a published chart counts them: (note, criterion, person,
/// value) in, (note, criterion, value) out. Each answer counts under the note it lives in
/// now (`home`: a merged note's answers follow it into the note it was merged into), and
/// once per person, note and criterion: a person who rated two notes later merged counts
/// once, with the answer given to the surviving note itself (else to the lowest-numbered
/// of the merged ones).
pub fn fold_answers(
    answers: impl IntoIterator<Item = PersonAnswer>,
    home: &BTreeMap<i64, i64>,
) -> Vec<(i64, Criterion, Option<i32>)> {
    // (answered the home note itself, note, value)
    type Held = (bool, i64, Option<i32>);
    let mut kept: BTreeMap<(i64, Criterion, i64), Held> = BTreeMap::new();
    for (note, criterion, person, value) in answers {
        let to = home.get(&note).copied().unwrap_or(note);
        let candidate = (to == note, note, value);
        kept.entry((to, criterion, person))
            .and_modify(|held| {
                let better =
                    (candidate.0 && !held.0) || (candidate.0 == held.0 && candidate.1 < held.1);
                if better {
                    *held = candidate;
                }
            })
            .or_insert(candidate);
    }
    kept.into_iter()
        .map(|((to, criterion, _), (_, _, value))| (to, criterion, value))
        .collect()
}

fn index_of<T: PartialEq>(all: &[T], item: T) -> usize {
    all.iter().position(|x| *x == item).unwrap_or(0)
}

impl RoundChart {
    /// The radar's items: sector by category, ring by time band, size by median impact.
    pub fn radar_items(&self) -> Vec<RadarItem> {
        self.rows
            .iter()
            .map(|r| RadarItem {
                id: r.note_id,
                number: r.number,
                sector: index_of(Category::ALL, r.category),
                ring: r.time_band.map(|b| index_of(TimeBand::ALL, b)),
                shape: Shape::for_index(index_of(NoteType::ALL, r.note_type)),
                size: r.impact.and_then(|f| f.median),
            })
            .collect()
    }

    /// The driver map's items: the notes with figures for both impact and uncertainty.
    pub fn driver_items(&self) -> Vec<DriverItem> {
        self.rows
            .iter()
            .filter_map(|r| {
                let (i, u) = (r.impact?, r.uncertainty?);
                Some(DriverItem {
                    id: r.note_id,
                    number: r.number,
                    impact_median: i.median?,
                    impact_q1: i.q1?,
                    impact_q3: i.q3?,
                    uncertainty_median: u.median?,
                    uncertainty_q1: u.q1?,
                    uncertainty_q3: u.q3?,
                })
            })
            .collect()
    }
}

/// One organisation's ranking on the heatmap (the trends only; the reasons stay in the
/// workspace).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeatRow {
    pub organisation_id: i64,
    pub name: String,
    pub most: Vec<i64>,
    pub least: Vec<i64>,
}

/// A ranked trend's title, and whether a visitor may see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteTitle {
    pub id: i64,
    pub title: String,
    pub public: bool,
}

/// The rankings a phase's priority heatmap is drawn from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeatmapData {
    pub phase_slug: String,
    pub rows: Vec<HeatRow>,
    pub notes: Vec<NoteTitle>,
}

impl HeatmapData {
    pub fn rankings(&self) -> Vec<(i64, String, TrendRanking)> {
        let ranked = |ids: &[i64]| {
            ids.iter()
                .map(|&note| Ranked {
                    note,
                    reason: String::new(),
                })
                .collect()
        };
        self.rows
            .iter()
            .map(|r| {
                (
                    r.organisation_id,
                    r.name.clone(),
                    TrendRanking {
                        most: ranked(&r.most),
                        least: ranked(&r.least),
                    },
                )
            })
            .collect()
    }

    /// The trends' titles by their ids.
    pub fn titles(&self) -> BTreeMap<String, String> {
        self.notes
            .iter()
            .map(|n| (n.id.to_string(), n.title.clone()))
            .collect()
    }
}

/// An event as its card shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventCard {
    pub id: i64,
    pub title: String,
    /// The event's kind and status as their keys.
    pub kind: String,
    pub status: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub venue: Option<String>,
    pub mode: String,
    /// Whether a visitor may see the event.
    pub public: bool,
}

/// One organisation's row of the progress tracker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressRow {
    pub organisation_id: i64,
    pub name: String,
    /// One cell per phase, in phase order.
    pub cells: Vec<Cell>,
}

/// The progress tracker as it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressData {
    pub rows: Vec<ProgressRow>,
}

/// A scenario as its card shows it: its name and tagline, the start of its narrative,
/// and where it lies in its set's cross (the poles of the two axes it takes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioCard {
    pub id: i64,
    pub set_id: i64,
    pub set_title: String,
    pub name: String,
    pub tagline: String,
    /// The start of the narrative (see `scenario_reach::excerpt`).
    pub excerpt: String,
    /// The quadrant's key, in a two-axis set.
    pub quadrant: Option<String>,
    /// The poles the quadrant takes: the first axis's, then the second's.
    pub poles: Vec<String>,
    /// Whether a visitor may see the scenario's set.
    pub public: bool,
}

/// What a reference shows: the data, frozen in a snapshot once the text is published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "embed", rename_all = "snake_case")]
pub enum Embedded {
    Note(NoteCard),
    Radar(RoundChart),
    DriverMap(RoundChart),
    Heatmap(HeatmapData),
    Event(EventCard),
    Progress(ProgressData),
    Scenario(ScenarioCard),
    Scenarios(SetCharts),
    ScenarioAssessment(AssessmentData),
    Consequences(HeatData),
    RegionConsequences(ProfileData),
    FuturesWheel(WheelData),
    Backcasting(TimelineData),
    StressTest(StressData),
    Thread(ThreadData),
    /// Nothing by that reference (or nothing its reader may see).
    Missing,
}

/// Why a reference may not go public as it is: a translation key, and the notes (by
/// number) it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub embed: String,
    pub message: &'static str,
    pub notes: Vec<i64>,
}

impl Embedded {
    /// What stops this material from being shown to the public: a missing reference, a
    /// note or event a visitor may not see, or a chart naming such notes.
    pub fn problem(&self, key: &str) -> Option<Problem> {
        let problem = |message, notes| {
            Some(Problem {
                embed: key.to_string(),
                message,
                notes,
            })
        };
        match self {
            Embedded::Missing => problem("embed-missing", Vec::new()),
            Embedded::Note(n) if !n.public => problem("embed-not-public", vec![n.id]),
            Embedded::Event(e) if !e.public => problem("embed-event-not-public", Vec::new()),
            Embedded::Scenario(s) if !s.public => {
                problem("scenario-reach-embed-not-public", Vec::new())
            }
            Embedded::Radar(c) | Embedded::DriverMap(c) if !c.figures_public => {
                problem("embed-round-figures-not-public", Vec::new())
            }
            Embedded::Radar(c) | Embedded::DriverMap(c) => {
                let hidden: Vec<i64> = c
                    .rows
                    .iter()
                    .filter(|r| !r.public)
                    .map(|r| r.note_id)
                    .collect();
                if hidden.is_empty() {
                    None
                } else {
                    problem("embed-notes-not-public", hidden)
                }
            }
            Embedded::Scenarios(s) if !s.public || s.status == SetStatus::Draft => {
                problem("scenario-chart-embed-not-public", Vec::new())
            }
            Embedded::ScenarioAssessment(a) if !a.public || a.status == SetStatus::Draft => {
                problem("scenario-chart-embed-not-public", Vec::new())
            }
            Embedded::ScenarioAssessment(a) if a.status != SetStatus::Final => {
                problem("scenario-chart-embed-open", Vec::new())
            }
            Embedded::Consequences(h) if !h.published => {
                problem("cqh-embed-not-published", Vec::new())
            }
            Embedded::RegionConsequences(p) if !p.heat.published => {
                problem("cqh-embed-not-published", Vec::new())
            }
            Embedded::RegionConsequences(p) if !p.accepted => {
                problem("cqh-embed-region-not-accepted", Vec::new())
            }
            Embedded::FuturesWheel(w) if !w.public => problem("wheel-embed-not-public", Vec::new()),
            Embedded::Backcasting(t) if !t.public => problem("bcc-embed-not-public", Vec::new()),
            Embedded::StressTest(t) if !t.public => problem("bcc-embed-not-public", Vec::new()),
            Embedded::Thread(t) if !t.public => problem("thread-embed-not-public", Vec::new()),
            Embedded::Scenarios(s) => {
                let hidden: Vec<i64> = s
                    .notes()
                    .iter()
                    .filter(|n| !n.public)
                    .map(|n| n.id)
                    .collect();
                if hidden.is_empty() {
                    None
                } else {
                    problem("embed-notes-not-public", hidden)
                }
            }
            Embedded::Heatmap(h) => {
                let hidden: Vec<i64> = h.notes.iter().filter(|n| !n.public).map(|n| n.id).collect();
                if hidden.is_empty() {
                    None
                } else {
                    problem("embed-notes-not-public", hidden)
                }
            }
            _ => None,
        }
    }
}

/// The frozen material of a published text, by reference key.
pub type Snapshot = BTreeMap<String, Embedded>;

/// The problems of every reference in `material`, in key order.
pub fn problems(material: &Snapshot) -> Vec<Problem> {
    material
        .iter()
        .filter_map(|(key, e)| e.problem(key))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_read_in_their_canonical_form() {
        assert_eq!(Embed::parse("radar:3"), Some(Embed::Radar(3)));
        assert_eq!(Embed::parse(" note : #12 "), Some(Embed::Note(12)));
        assert_eq!(Embed::parse("driver-map:7"), Some(Embed::DriverMap(7)));
        assert_eq!(
            Embed::parse("heatmap:workshop-1"),
            Some(Embed::Heatmap("workshop-1".into()))
        );
        assert_eq!(Embed::parse("event:4"), Some(Embed::Event(4)));
        assert_eq!(Embed::parse("progress"), Some(Embed::Progress));
        for bad in [
            "radar",
            "radar:x",
            "radar:0",
            "chart:1",
            "heatmap:",
            "heatmap:a b",
        ] {
            assert_eq!(Embed::parse(bad), None, "{bad}");
        }
        assert_eq!(Embed::parse(" note : #12 ").unwrap().key(), "note:12");
    }

    #[test]
    fn a_reference_is_a_paragraph_of_its_own() {
        let body = "Inledning.\n\n[[radar:3]]\n\nSe [[note:1]] i texten.\n\n- [[note:2]]\n\n```\n[[note:3]]\n```\n\n[[progress]]";
        let segments = segments(body);
        let shape: Vec<(bool, Option<&str>)> = segments
            .iter()
            .map(|s| (s.markdown.is_empty(), s.embed.as_deref()))
            .collect();
        assert_eq!(
            shape,
            [
                (false, None),
                (true, Some("radar:3")),
                (false, None),
                (true, Some("progress")),
            ]
        );
        assert!(segments[2].markdown.contains("Se [[note:1]] i texten."));
        assert!(segments[2].markdown.contains("```\n[[note:3]]\n```"));
        assert_eq!(
            references(body),
            [Embed::Radar(3), Embed::Progress],
            "only paragraphs of their own are references"
        );
    }

    #[test]
    fn link_definitions_reach_every_stretch() {
        let body = "Se [rapporten][r].\n\n[[radar:1]]\n\nOch [rapporten][r] igen.\n\n[r]: https://example.org/r";
        let segments = segments(body);
        assert_eq!(segments.len(), 3);
        assert!(segments[0].markdown.contains("[r]: https://example.org/r"));
        assert!(segments[2].markdown.contains("[r]: https://example.org/r"));
    }

    #[test]
    fn unreadable_references_are_named_as_written() {
        assert_eq!(
            unreadable("[[radar:tre]]\n\n[[radar:3]]\n\n[[karta]]"),
            ["[[radar:tre]]", "[[karta]]"]
        );
        assert!(unreadable("En [[länk]] mitt i texten.").is_empty());
    }

    fn row(id: i64, public: bool, impact: Option<f64>) -> ChartRow {
        let figure = |m: Option<f64>| {
            m.map(|m| Figure {
                n: 3,
                median: Some(m),
                q1: Some(m - 0.5),
                q3: Some(m + 0.5),
            })
        };
        ChartRow {
            note_id: id,
            number: id as usize,
            title: format!("Trend {id}"),
            note_type: NoteType::Trend,
            category: Category::Social,
            time_band: None,
            public,
            impact: figure(impact),
            uncertainty: figure(impact),
        }
    }

    #[test]
    fn charts_name_the_notes_a_visitor_may_not_see() {
        let chart = RoundChart {
            round_id: 1,
            title: "Runda".into(),
            rows: vec![row(1, true, Some(4.0)), row(2, false, None)],
            left_out: 0,
            figures_public: true,
        };
        let mut material = Snapshot::new();
        material.insert("radar:1".into(), Embedded::Radar(chart.clone()));
        material.insert("event:9".into(), Embedded::Missing);
        let found = problems(&material);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].message, "embed-missing");
        assert_eq!(found[1].message, "embed-notes-not-public");
        assert_eq!(found[1].notes, [2]);
        // The driver map leaves out a note without figures; the radar keeps it unrated.
        assert_eq!(chart.driver_items().len(), 1);
        assert_eq!(chart.radar_items().len(), 2);
        assert_eq!(chart.radar_items()[1].size, None);
    }

    #[test]
    fn a_scenario_card_goes_public_only_with_its_set() {
        assert_eq!(Embed::parse("scenario:#5"), Some(Embed::Scenario(5)));
        assert_eq!(Embed::Scenario(5).key(), "scenario:5");
        let mut card = ScenarioCard {
            id: 5,
            set_id: 2,
            set_title: "Fyra framtider".into(),
            name: "Regionernas decennium".into(),
            tagline: String::new(),
            excerpt: String::new(),
            quadrant: Some("high_high".into()),
            poles: vec!["Starka regioner".into(), "Öppen värld".into()],
            public: false,
        };
        let problem = Embedded::Scenario(card.clone())
            .problem("scenario:5")
            .unwrap();
        assert_eq!(problem.message, "scenario-reach-embed-not-public");
        card.public = true;
        let shown = Embedded::Scenario(card);
        assert_eq!(shown.problem("scenario:5"), None);
        let json = serde_json::to_string(&shown).unwrap();
        assert_eq!(serde_json::from_str::<Embedded>(&json).unwrap(), shown);
    }

    #[test]
    fn merged_answers_count_under_the_surviving_note_once_per_person() {
        use Criterion::Impact;
        // Note 8 was merged into note 1. Person 10 rated both (4 on #1, 2 on #8): the
        // answer to #1 counts. Person 11 rated only #8: it counts under #1.
        let home: BTreeMap<i64, i64> = [(1, 1), (8, 1), (3, 3)].into_iter().collect();
        let answers = vec![
            (8, Impact, 10, Some(2)),
            (1, Impact, 10, Some(4)),
            (8, Impact, 11, Some(5)),
            (3, Impact, 10, None),
        ];
        assert_eq!(
            fold_answers(answers, &home),
            vec![
                (1, Impact, Some(4)),
                (1, Impact, Some(5)),
                (3, Impact, None)
            ]
        );
    }

    #[test]
    fn the_public_sees_figures_when_the_round_lets_others_see_them() {
        use Feedback::*;
        use RoundState::*;
        assert!(!figures_public(AfterClose, Open));
        assert!(figures_public(AfterClose, Closed));
        assert!(figures_public(AfterAnswer, Open));
        assert!(!figures_public(AfterAnswer, Upcoming));
        let mut chart = RoundChart {
            round_id: 1,
            title: "Runda".into(),
            rows: vec![row(1, true, Some(4.0))],
            left_out: 0,
            figures_public: false,
        };
        let problem = Embedded::Radar(chart.clone()).problem("radar:1").unwrap();
        assert_eq!(problem.message, "embed-round-figures-not-public");
        chart.figures_public = true;
        assert_eq!(Embedded::DriverMap(chart).problem("driver-map:1"), None);
    }

    #[test]
    fn a_snapshot_reads_back_as_it_was_written() {
        let mut material = Snapshot::new();
        material.insert(
            "radar:1".into(),
            Embedded::Radar(RoundChart {
                round_id: 1,
                title: "Runda".into(),
                rows: vec![row(1, true, Some(3.5))],
                left_out: 1,
                figures_public: true,
            }),
        );
        material.insert(
            "progress".into(),
            Embedded::Progress(ProgressData { rows: vec![] }),
        );
        material.insert(
            "event:1".into(),
            Embedded::Event(EventCard {
                id: 1,
                title: "Workshop 1".into(),
                kind: "workshop".into(),
                status: "published".into(),
                starts_at: 1,
                ends_at: 2,
                venue: None,
                mode: "hybrid".into(),
                public: true,
            }),
        );
        material.insert(
            "note:2".into(),
            Embedded::Note(NoteCard {
                id: 2,
                note_type: NoteType::Signal,
                title: "Signal".into(),
                summary: String::new(),
                category: Category::Values,
                time_band: Some(TimeBand::ALL[0]),
                organisation_name: "Region Skåne".into(),
                public: true,
            }),
        );
        material.insert(
            "heatmap:omvarlden".into(),
            Embedded::Heatmap(HeatmapData {
                phase_slug: "omvarlden".into(),
                rows: vec![HeatRow {
                    organisation_id: 1,
                    name: "Region Skåne".into(),
                    most: vec![2],
                    least: vec![],
                }],
                notes: vec![NoteTitle {
                    id: 2,
                    title: "Signal".into(),
                    public: true,
                }],
            }),
        );
        material.insert("note:3".into(), Embedded::Missing);
        let json = serde_json::to_string(&material).unwrap();
        let back: Snapshot = serde_json::from_str(&json).unwrap();
        assert_eq!(back, material);
    }
}
