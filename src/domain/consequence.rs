//! Consequences (workshop 3): what follows from a scenario, or from one bank note, at a
//! level the programme defines (national, regional, municipal, citizen in Regionerna
//! 2050), shared by the workshop or one organisation's own view of its region; the
//! chain of 1st, 2nd and 3rd order that is the futures wheel; who writes and sees them;
//! the home assignment's part `consequences`; and the figures of the heat table and of a
//! region's profile.
//!
//! A consequence of the 1st order follows from its centre (the scenario or the note); one
//! of the 2nd or 3rd order follows from a consequence of the same centre one ring
//! further in. Its order is never typed apart from its parent: it is the parent's plus
//! one, so the chain cannot disagree with the rings.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::access::Subject;
use super::assignment::{self, AssessedSet, SubmissionStatus};
use super::programme::{AssignmentPart, Programme};
use super::user::Role;

keyed_enum! {
    /// Whether a consequence is good or bad for those it touches.
    Valence {
        Opportunity => "opportunity",
        Threat => "threat",
        Mixed => "mixed",
    }
}

impl Valence {
    /// What it adds to a cell's net valence.
    pub fn weight(self) -> i64 {
        match self {
            Valence::Opportunity => 1,
            Valence::Threat => -1,
            Valence::Mixed => 0,
        }
    }

    /// The mark the futures wheel and lists carry, so valence never rests on colour:
    /// `+`, `−` or `±`.
    pub fn sign(self) -> &'static str {
        match self {
            Valence::Opportunity => "+",
            Valence::Threat => "−",
            Valence::Mixed => "±",
        }
    }
}

keyed_enum! {
    /// How much a consequence changes.
    Magnitude {
        Small => "small",
        Significant => "significant",
        Transformative => "transformative",
    }
}

keyed_enum! {
    /// When a consequence is expected to be felt.
    Timing {
        Within1 => "within-1",
        Years2To5 => "2-5",
        Years5To15 => "5-15",
        Beyond15 => "beyond-15",
    }
}

/// What a consequence follows from: a scenario, or one bank note (a trend, an event or
/// a decision) for a futures wheel around a single change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Centre {
    Scenario(i64),
    Note(i64),
}

/// The outermost ring of the futures wheel.
pub const ORDER_MAX: u8 = 3;
/// The longest consequence text.
pub const TEXT_MAX: usize = 4_000;
/// The longest line of a quick capture, and the most lines one capture takes.
pub const LINE_MAX: usize = 300;
pub const LINES_MAX: usize = 100;

/// The phases whose home assignment asks every organisation for its consequences.
pub fn phases(programme: &Programme) -> Vec<&str> {
    programme
        .phases
        .iter()
        .filter(|p| {
            p.home_assignment()
                .is_some_and(|h| h.parts.contains(&AssignmentPart::Consequences))
        })
        .map(|p| p.slug.as_str())
        .collect()
}

/// The scenario phase whose set a consequence phase works on: the latest scenario phase
/// up to and including it (Regionerna 2050's phase 3 works on phase 2's set).
pub fn scenario_phase<'a>(programme: &'a Programme, phase: &str) -> Option<&'a str> {
    let order = programme.phase(phase)?.order;
    let scenario_phases = super::scenario::phases(programme);
    programme
        .phases
        .iter()
        .filter(|p| p.order <= order && scenario_phases.contains(&p.slug.as_str()))
        .max_by_key(|p| p.order)
        .map(|p| p.slug.as_str())
}

/// Writing shared consequences: process leaders and editors, and strategists capturing
/// for a table group at the workshop.
pub fn can_write_shared(subject: &Subject) -> bool {
    subject.can_lead_process()
        || subject.roles.contains(&Role::Editor)
        || subject.roles.contains(&Role::Strategist)
}

/// Editing or removing a shared consequence: process leaders and editors, and whoever
/// wrote it.
pub fn can_edit_shared(subject: &Subject, user_id: i64, created_by: Option<i64>) -> bool {
    subject.can_lead_process()
        || subject.roles.contains(&Role::Editor)
        || (created_by == Some(user_id) && can_write_shared(subject))
}

/// Writing an organisation's own consequences: its strategists, while its submission of
/// the phase is theirs to write (not started, draft or returned).
pub fn can_write_own(
    subject: &Subject,
    organisation_id: i64,
    submission: Option<SubmissionStatus>,
) -> bool {
    assignment::can_write(subject, organisation_id)
        && matches!(
            submission,
            None | Some(SubmissionStatus::Draft) | Some(SubmissionStatus::Returned)
        )
}

/// Whether a consequence counts in the figures (heat table, region profile, exports'
/// totals): a shared one always, an organisation's once its submission is submitted or
/// accepted, as on the heatmap.
pub fn counts(organisation: Option<i64>, submission: Option<SubmissionStatus>) -> bool {
    organisation.is_none()
        || matches!(
            submission,
            Some(SubmissionStatus::Submitted | SubmissionStatus::Accepted)
        )
}

/// Who sees a consequence, given that they see its centre (the scenario's set, or the
/// note):
/// - members see the shared ones; an organisation's own ones are for that organisation,
///   the process leaders and the editors, and for every member once its submission is
///   accepted (as the submission itself);
/// - visitors see a scenario's consequences only once its set's consequences are
///   published, and of those the shared ones and the accepted organisations'; never a
///   note's.
pub fn can_see(
    viewer: Option<&Subject>,
    centre: Centre,
    published: bool,
    organisation: Option<i64>,
    submission: Option<SubmissionStatus>,
) -> bool {
    let accepted = submission == Some(SubmissionStatus::Accepted);
    match viewer {
        None => {
            matches!(centre, Centre::Scenario(_))
                && published
                && (organisation.is_none() || accepted)
        }
        Some(v) => match organisation {
            None => true,
            Some(o) => v.organisation_id == o || assignment::can_read_all(v) || accepted,
        },
    }
}

/// Field errors by field name.
pub type Errors = BTreeMap<String, &'static str>;
/// A form as typed, every field by name.
pub type Typed = BTreeMap<String, String>;

/// The form's fields.
pub const FIELDS: [&str; 9] = [
    "level",
    "theme",
    "text",
    "valence",
    "magnitude",
    "timing",
    "confidence",
    "parent",
    "order",
];

/// A consequence as its form checks it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidConsequence {
    pub level: String,
    pub theme: Option<String>,
    pub text: String,
    pub valence: Option<Valence>,
    pub magnitude: Option<Magnitude>,
    pub timing: Option<Timing>,
    pub confidence: Option<u8>,
    pub parent: Option<i64>,
    /// The order typed, if any; checked against the parent by [`check_parent`].
    pub order: Option<u8>,
}

fn field<'a>(typed: &'a Typed, name: &str) -> &'a str {
    typed.get(name).map(|t| t.trim()).unwrap_or("")
}

/// Reads an optional keyed value: empty is none, an unknown key an error at the field.
fn keyed<T>(
    typed: &Typed,
    name: &'static str,
    parse: fn(&str) -> Option<T>,
    errors: &mut Errors,
) -> Option<T> {
    let text = field(typed, name);
    if text.is_empty() {
        return None;
    }
    let value = parse(text);
    if value.is_none() {
        errors.insert(name.into(), "error-answer-invalid");
    }
    value
}

/// Reads a consequence's form against the programme's levels and themes. The level and
/// the text are required; the details (theme, valence, magnitude, timing, confidence)
/// may wait. `parent` is a consequence number; `order`, if typed, must be 1–3.
pub fn read(programme: &Programme, typed: &Typed) -> Result<ValidConsequence, Errors> {
    let mut errors = Errors::new();
    let level = field(typed, "level");
    if level.is_empty() {
        errors.insert("level".into(), "error-required");
    } else if programme.consequence_level(level).is_none() {
        errors.insert("level".into(), "error-consequence-level");
    }
    let theme = field(typed, "theme");
    if !theme.is_empty() && programme.consequence_theme(theme).is_none() {
        errors.insert("theme".into(), "error-consequence-theme");
    }
    let text = field(typed, "text");
    if text.is_empty() {
        errors.insert("text".into(), "error-required");
    } else if text.chars().count() > TEXT_MAX {
        errors.insert("text".into(), "error-too-long");
    }
    let valence = keyed(typed, "valence", Valence::parse, &mut errors);
    let magnitude = keyed(typed, "magnitude", Magnitude::parse, &mut errors);
    let timing = keyed(typed, "timing", Timing::parse, &mut errors);
    let confidence = match field(typed, "confidence") {
        "" => None,
        t => match t.parse::<u8>() {
            Ok(c @ 1..=3) => Some(c),
            _ => {
                errors.insert("confidence".into(), "error-consequence-confidence");
                None
            }
        },
    };
    let parent = match field(typed, "parent") {
        "" => None,
        t => match super::bank::note_number(t) {
            Some(n) => Some(n),
            None => {
                errors.insert("parent".into(), "error-consequence-parent-missing");
                None
            }
        },
    };
    let order = match field(typed, "order") {
        "" => None,
        t => match t.parse::<u8>() {
            Ok(o @ 1..=ORDER_MAX) => Some(o),
            _ => {
                errors.insert("order".into(), "error-consequence-fourth-order");
                None
            }
        },
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ValidConsequence {
        level: level.to_string(),
        theme: (!theme.is_empty()).then(|| theme.to_string()),
        text: text.to_string(),
        valence,
        magnitude,
        timing,
        confidence,
        parent,
        order,
    })
}

/// The form's fields of a stored consequence, to edit it again. The order is left out:
/// it follows from the parent, so moving the consequence under another needs no second
/// change to agree with it.
pub fn fields(c: &ValidConsequence) -> Typed {
    let mut typed = Typed::new();
    typed.insert("level".into(), c.level.clone());
    typed.insert("theme".into(), c.theme.clone().unwrap_or_default());
    typed.insert("text".into(), c.text.clone());
    let key = |k: Option<&'static str>| k.unwrap_or("").to_string();
    typed.insert("valence".into(), key(c.valence.map(Valence::key)));
    typed.insert("magnitude".into(), key(c.magnitude.map(Magnitude::key)));
    typed.insert("timing".into(), key(c.timing.map(Timing::key)));
    typed.insert(
        "confidence".into(),
        c.confidence.map(|n| n.to_string()).unwrap_or_default(),
    );
    typed.insert(
        "parent".into(),
        c.parent.map(|n| n.to_string()).unwrap_or_default(),
    );
    typed
}

/// What [`check_parent`] needs to know of the consequence named as parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParentInfo {
    pub centre: Centre,
    pub organisation: Option<i64>,
    pub order: u8,
    pub removed: bool,
    /// The parent itself and every consequence it follows from, inner ring last.
    pub chain: Vec<i64>,
}

/// The order a consequence takes from its parent, or why it may not follow from it:
/// - the parent must exist, not be removed, and have the same centre;
/// - a shared consequence follows only from a shared one; an organisation's from a shared
///   one or its own;
/// - a consequence may not follow from itself or from one that follows from it (a cycle);
/// - no ring beyond the 3rd, for the consequence or for those that follow from it
///   (`below`: how many rings of followers it already has);
/// - an order typed must be the one the parent gives.
///
/// Errors are `(field, message)`.
pub fn check_parent(
    id: Option<i64>,
    centre: Centre,
    organisation: Option<i64>,
    parent: Option<&ParentInfo>,
    typed_order: Option<u8>,
    below: u8,
) -> Result<u8, (&'static str, &'static str)> {
    let order = match parent {
        None => 1,
        Some(p) => {
            if p.removed {
                return Err(("parent", "error-consequence-parent-missing"));
            }
            if p.centre != centre {
                return Err(("parent", "error-consequence-parent-elsewhere"));
            }
            if let Some(o) = p.organisation
                && Some(o) != organisation
            {
                return Err(("parent", "error-consequence-parent-organisation"));
            }
            if id.is_some_and(|id| p.chain.contains(&id)) {
                return Err(("parent", "error-consequence-cycle"));
            }
            p.order + 1
        }
    };
    if order + below > ORDER_MAX {
        return Err(("parent", "error-consequence-fourth-order"));
    }
    if let Some(typed) = typed_order
        && typed != order
    {
        return Err(("order", "error-consequence-order-parent"));
    }
    Ok(order)
}

/// One line of a quick capture: how far it is indented (0 follows from the centre or
/// the capture's parent, 1 from the line above it at 0, 2 from the one at 1), its
/// valence if marked, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CapturedLine {
    pub depth: u8,
    pub valence: Option<Valence>,
    pub text: String,
}

/// Reads a quick capture: one consequence a line, blank lines skipped. A line may begin
/// with `+` (opportunity), `-`, `–` or `−` (threat), or `±` or `?` (mixed), and may be
/// indented (a tab or two spaces a step) to follow from the line above it. `start` is
/// the order of the first ring the capture writes (1 from the centre, 2 under a 1st-order
/// parent…). Errors name the line (from 1) and what is wrong.
pub fn read_capture(text: &str, start: u8) -> Result<Vec<CapturedLine>, (usize, &'static str)> {
    let mut lines = Vec::new();
    let mut previous: Option<u8> = None;
    for (i, raw) in text.lines().enumerate() {
        let number = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let mut width = 0usize;
        for c in raw.chars() {
            match c {
                ' ' => width += 1,
                '\t' => width += 2,
                _ => break,
            }
        }
        let depth = (width / 2) as u8;
        let allowed = previous.map_or(0, |p| p + 1);
        if depth > allowed {
            return Err((number, "error-capture-indent"));
        }
        if start + depth > ORDER_MAX {
            return Err((number, "error-consequence-fourth-order"));
        }
        let body = raw.trim();
        let (valence, rest) = match body.chars().next() {
            Some('+') if !body.starts_with("+/-") => (Some(Valence::Opportunity), &body[1..]),
            Some(c @ ('-' | '–' | '−')) => (Some(Valence::Threat), &body[c.len_utf8()..]),
            Some(c @ ('±' | '?')) => (Some(Valence::Mixed), &body[c.len_utf8()..]),
            _ if body.starts_with("+/-") => (Some(Valence::Mixed), &body[3..]),
            _ => (None, body),
        };
        let rest = rest.trim();
        if rest.is_empty() {
            return Err((number, "error-capture-empty"));
        }
        if rest.chars().count() > LINE_MAX {
            return Err((number, "error-capture-long"));
        }
        lines.push(CapturedLine {
            depth,
            valence,
            text: rest.to_string(),
        });
        previous = Some(depth);
        if lines.len() > LINES_MAX {
            return Err((number, "error-capture-many"));
        }
    }
    if lines.is_empty() {
        return Err((0, "error-required"));
    }
    Ok(lines)
}

/// Which earlier line each captured line follows from (`None`: from the capture's
/// parent or the centre), by index into `lines`.
pub fn capture_parents(lines: &[CapturedLine]) -> Vec<Option<usize>> {
    let mut open: Vec<usize> = Vec::new();
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            open.truncate(line.depth as usize);
            let parent = open.last().copied();
            open.push(i);
            parent
        })
        .collect()
}

// ---- The home assignment's part ------------------------------------------------------

/// One of the organisation's consequences as its submission keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartItem {
    pub id: i64,
    pub scenario: i64,
    pub level: String,
    #[serde(default)]
    pub theme: Option<String>,
    pub text: String,
    #[serde(default)]
    pub valence: Option<Valence>,
    #[serde(default)]
    pub magnitude: Option<Magnitude>,
    #[serde(default)]
    pub timing: Option<Timing>,
    #[serde(default)]
    pub confidence: Option<u8>,
    pub order: u8,
    #[serde(default)]
    pub parent: Option<i64>,
    #[serde(default)]
    pub based_on: Option<i64>,
}

/// The part `consequences` as stored in a submission: the set it answers and the
/// organisation's consequences of its scenarios at the moment of saving, so the
/// submission's revisions and exports hold them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsequencePart {
    pub set: i64,
    pub items: Vec<PartItem>,
}

/// The field where the part shows that a scenario still lacks a consequence.
pub fn scenario_field(scenario: i64) -> String {
    format!("consequences-{scenario}")
}

/// Where the part shows its error when there is no set to work on.
pub const NO_SET_FIELD: &str = "consequence-set";

/// Reads the part from the organisation's consequences (`own`: those of the set's
/// scenarios). On submit every scenario of the set needs at least one.
pub fn read_part(
    set: Option<&AssessedSet>,
    own: &[PartItem],
    submitting: bool,
    errors: &mut assignment::Errors,
) -> Option<ConsequencePart> {
    let Some(set) = set else {
        if submitting {
            errors.insert(NO_SET_FIELD.into(), "error-consequences-no-set");
        }
        return None;
    };
    let items: Vec<PartItem> = own
        .iter()
        .filter(|i| set.scenarios.contains(&i.scenario))
        .cloned()
        .collect();
    if submitting {
        for scenario in &set.scenarios {
            if !items.iter().any(|i| i.scenario == *scenario) {
                errors.insert(scenario_field(*scenario), "error-consequences-none");
            }
        }
    }
    Some(ConsequencePart { set: set.id, items })
}

// ---- Figures -------------------------------------------------------------------------

/// What the figures need of one consequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted<'a> {
    pub scenario: i64,
    pub level: &'a str,
    pub valence: Option<Valence>,
    pub organisation: Option<i64>,
}

/// How a cell leans, in a word (the sign and the word show it, never colour alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Leaning {
    /// Nothing in the cell.
    Empty,
    Opportunities,
    Threats,
    Balanced,
}

/// One cell of the heat table: a level of a scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    pub scenario: i64,
    pub level: String,
    pub count: usize,
    pub opportunities: usize,
    pub threats: usize,
    pub mixed: usize,
    /// Opportunities minus threats.
    pub net: i64,
    pub leaning: Leaning,
    /// The net as a signed figure: `+3`, `−2`, `±0`.
    pub sign: String,
}

impl Cell {
    fn new(scenario: i64, level: &str) -> Cell {
        Cell {
            scenario,
            level: level.to_string(),
            count: 0,
            opportunities: 0,
            threats: 0,
            mixed: 0,
            net: 0,
            leaning: Leaning::Empty,
            sign: signed(0),
        }
    }

    fn add(&mut self, valence: Option<Valence>) {
        self.count += 1;
        match valence {
            Some(Valence::Opportunity) => self.opportunities += 1,
            Some(Valence::Threat) => self.threats += 1,
            Some(Valence::Mixed) => self.mixed += 1,
            None => {}
        }
        self.net += valence.map_or(0, Valence::weight);
        self.sign = signed(self.net);
        self.leaning = leaning(self.count, self.net);
    }
}

/// A net valence as a signed figure, with the typographic minus.
pub fn signed(net: i64) -> String {
    match net.cmp(&0) {
        std::cmp::Ordering::Greater => format!("+{net}"),
        std::cmp::Ordering::Less => format!("−{}", -net),
        std::cmp::Ordering::Equal => "±0".to_string(),
    }
}

/// How a cell of `count` consequences with net valence `net` leans.
pub fn leaning(count: usize, net: i64) -> Leaning {
    match (count, net.cmp(&0)) {
        (0, _) => Leaning::Empty,
        (_, std::cmp::Ordering::Greater) => Leaning::Opportunities,
        (_, std::cmp::Ordering::Less) => Leaning::Threats,
        _ => Leaning::Balanced,
    }
}

/// One row of the heat table: a level and its cell for each scenario, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeatRow {
    pub level: String,
    pub cells: Vec<Cell>,
}

/// The heat table: rows are `levels`, columns `scenarios`, both in the order given.
/// Consequences of another scenario or level are left out.
pub fn heat_table(levels: &[&str], scenarios: &[i64], items: &[Counted<'_>]) -> Vec<HeatRow> {
    let mut rows: Vec<HeatRow> = levels
        .iter()
        .map(|level| HeatRow {
            level: level.to_string(),
            cells: scenarios.iter().map(|s| Cell::new(*s, level)).collect(),
        })
        .collect();
    for item in items {
        let Some(row) = rows.iter_mut().find(|r| r.level == item.level) else {
            continue;
        };
        if let Some(cell) = row.cells.iter_mut().find(|c| c.scenario == item.scenario) {
            cell.add(item.valence);
        }
    }
    rows
}

/// Where a region's view and everyone else's part ways in one cell: the region leans
/// one way and the others (every other organisation and the shared ones) the other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Divergence {
    pub scenario: i64,
    pub level: String,
    pub own: Cell,
    pub others: Cell,
}

/// A region's profile: its own cells, the others' cells, and where it sees
/// opportunities where the others see threats (and the reverse).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub own: Vec<HeatRow>,
    pub others: Vec<HeatRow>,
    /// Cells where the region leans to opportunities and the others to threats.
    pub opportunities_where_others_see_threats: Vec<Divergence>,
    /// Cells where the region leans to threats and the others to opportunities.
    pub threats_where_others_see_opportunities: Vec<Divergence>,
}

/// The profile of `organisation` among `items` (the others are every item not its own).
pub fn profile(
    organisation: i64,
    levels: &[&str],
    scenarios: &[i64],
    items: &[Counted<'_>],
) -> Profile {
    let (own, others): (Vec<Counted<'_>>, Vec<Counted<'_>>) = items
        .iter()
        .partition(|i| i.organisation == Some(organisation));
    let own = heat_table(levels, scenarios, &own);
    let others = heat_table(levels, scenarios, &others);
    let mut opportunities = Vec::new();
    let mut threats = Vec::new();
    for (mine, theirs) in own.iter().zip(&others) {
        for (a, b) in mine.cells.iter().zip(&theirs.cells) {
            let divergence = || Divergence {
                scenario: a.scenario,
                level: a.level.clone(),
                own: a.clone(),
                others: b.clone(),
            };
            match (a.leaning, b.leaning) {
                (Leaning::Opportunities, Leaning::Threats) => opportunities.push(divergence()),
                (Leaning::Threats, Leaning::Opportunities) => threats.push(divergence()),
                _ => {}
            }
        }
    }
    Profile {
        own,
        others,
        opportunities_where_others_see_threats: opportunities,
        threats_where_others_see_opportunities: threats,
    }
}

// ---- The futures wheel's chain -------------------------------------------------------

/// What the chain needs of one consequence.
pub trait Linked {
    fn id(&self) -> i64;
    fn parent(&self) -> Option<i64>;
}

/// A consequence and those that follow from it, as the nested list and the wheel show
/// them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Branch<T> {
    pub item: T,
    pub children: Vec<Branch<T>>,
}

/// The chain of `items` from the centre out: the 1st order at the top, each followed by
/// what follows from it, in the order given. An item whose parent is not among `items`
/// (hidden from the viewer, or removed) stands at the top, so nothing visible is lost.
pub fn chain<T: Linked + Clone>(items: &[T]) -> Vec<Branch<T>> {
    let ids: BTreeSet<i64> = items.iter().map(Linked::id).collect();
    let mut children: BTreeMap<i64, Vec<&T>> = BTreeMap::new();
    let mut roots = Vec::new();
    for item in items {
        match item.parent().filter(|p| ids.contains(p) && *p != item.id()) {
            Some(p) => children.entry(p).or_default().push(item),
            None => roots.push(item),
        }
    }
    fn grow<T: Linked + Clone>(
        item: &T,
        children: &BTreeMap<i64, Vec<&T>>,
        depth: u8,
    ) -> Branch<T> {
        let kids = if depth >= ORDER_MAX {
            Vec::new()
        } else {
            children
                .get(&item.id())
                .map(|c| c.iter().map(|k| grow(*k, children, depth + 1)).collect())
                .unwrap_or_default()
        };
        Branch {
            item: item.clone(),
            children: kids,
        }
    }
    roots.iter().map(|r| grow(*r, &children, 1)).collect()
}

/// The rings of followers of `id` among `items`, inner ring first (none: nothing
/// follows from it). A chain deeper than the wheel is cut at its last ring.
fn rings_of<T: Linked>(id: i64, items: &[T]) -> Vec<Vec<&T>> {
    let mut rings: Vec<Vec<&T>> = Vec::new();
    let mut layer: Vec<i64> = vec![id];
    while rings.len() <= ORDER_MAX as usize {
        let next: Vec<&T> = items
            .iter()
            .filter(|i| i.parent().is_some_and(|p| layer.contains(&p)))
            .collect();
        if next.is_empty() {
            break;
        }
        layer = next.iter().map(|i| i.id()).collect();
        rings.push(next);
    }
    rings
}

/// How many rings of followers `id` has among `items` (0: none follow from it).
pub fn rings_below<T: Linked>(id: i64, items: &[T]) -> u8 {
    rings_of(id, items).len() as u8
}

/// Every consequence among `items` that follows from `id`, in any ring.
pub fn all_below<T: Linked>(id: i64, items: &[T]) -> Vec<&T> {
    rings_of(id, items).into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn programme() -> Programme {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("phases/regionerna-2050");
        Programme::load_dir(&dir).expect("the programme loads")
    }

    fn typed(pairs: &[(&str, &str)]) -> Typed {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn the_programme_defines_four_levels_and_the_consequence_phase_works_on_the_scenarios() {
        let p = programme();
        let levels: Vec<&str> = p
            .consequence_levels
            .iter()
            .map(|t| t.slug.as_str())
            .collect();
        assert_eq!(levels, ["nationell", "regional", "kommunal", "individ"]);
        assert!(p.consequence_theme("boende").is_some());
        assert_eq!(phases(&p), ["regionalisering"]);
        assert_eq!(scenario_phase(&p, "regionalisering"), Some("scenarier"));
        assert_eq!(scenario_phase(&p, "omvarlden"), None);
    }

    #[test]
    fn a_form_names_each_bad_field() {
        let p = programme();
        let errors = read(
            &p,
            &typed(&[
                ("level", "kontinental"),
                ("theme", "rymden"),
                ("text", ""),
                ("valence", "great"),
                ("confidence", "4"),
                ("order", "4"),
            ]),
        )
        .unwrap_err();
        assert_eq!(errors["level"], "error-consequence-level");
        assert_eq!(errors["theme"], "error-consequence-theme");
        assert_eq!(errors["text"], "error-required");
        assert_eq!(errors["valence"], "error-answer-invalid");
        assert_eq!(errors["confidence"], "error-consequence-confidence");
        assert_eq!(errors["order"], "error-consequence-fourth-order");
        let ok = read(
            &p,
            &typed(&[
                ("level", "regional"),
                ("text", " Fler pendlar "),
                ("timing", "2-5"),
            ]),
        )
        .unwrap();
        assert_eq!(ok.text, "Fler pendlar");
        assert_eq!(ok.timing, Some(Timing::Years2To5));
        assert_eq!(ok.theme, None);
        let again = read(&p, &fields(&ok)).unwrap();
        assert_eq!(again.order, None, "the order follows from the parent");
        assert_eq!(again.text, ok.text);
    }

    #[test]
    fn the_parent_gives_the_order_within_one_centre_and_no_cycle() {
        let centre = Centre::Scenario(1);
        let parent = |order: u8, chain: Vec<i64>| ParentInfo {
            centre,
            organisation: None,
            order,
            removed: false,
            chain,
        };
        assert_eq!(check_parent(None, centre, None, None, None, 0), Ok(1));
        assert_eq!(
            check_parent(None, centre, Some(7), Some(&parent(1, vec![5])), Some(2), 0),
            Ok(2)
        );
        assert_eq!(
            check_parent(None, centre, None, Some(&parent(3, vec![3, 2, 1])), None, 0),
            Err(("parent", "error-consequence-fourth-order"))
        );
        // Moving a consequence with two rings below it under a 1st-order one.
        assert_eq!(
            check_parent(Some(9), centre, None, Some(&parent(1, vec![1])), None, 2),
            Err(("parent", "error-consequence-fourth-order"))
        );
        let elsewhere = ParentInfo {
            centre: Centre::Scenario(2),
            ..parent(1, vec![4])
        };
        assert_eq!(
            check_parent(None, centre, None, Some(&elsewhere), None, 0),
            Err(("parent", "error-consequence-parent-elsewhere"))
        );
        assert_eq!(
            check_parent(Some(2), centre, None, Some(&parent(2, vec![3, 2])), None, 0),
            Err(("parent", "error-consequence-cycle"))
        );
        let theirs = ParentInfo {
            organisation: Some(8),
            ..parent(1, vec![4])
        };
        assert_eq!(
            check_parent(None, centre, None, Some(&theirs), None, 0),
            Err(("parent", "error-consequence-parent-organisation"))
        );
        assert_eq!(
            check_parent(None, centre, Some(7), Some(&theirs), None, 0),
            Err(("parent", "error-consequence-parent-organisation"))
        );
        assert_eq!(
            check_parent(None, centre, None, None, Some(2), 0),
            Err(("order", "error-consequence-order-parent"))
        );
    }

    #[test]
    fn a_capture_reads_marks_and_indents() {
        let lines = read_capture(
            "+ Fler distansarbetar\n  - Tomma kontor i centrum\n    ± Kontor blir bostäder\n\n? Ny pendling\n",
            1,
        )
        .unwrap();
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0].valence, Some(Valence::Opportunity));
        assert_eq!(lines[1].depth, 1);
        assert_eq!(lines[1].valence, Some(Valence::Threat));
        assert_eq!(lines[2].text, "Kontor blir bostäder");
        assert_eq!(lines[3].valence, Some(Valence::Mixed));
        assert_eq!(capture_parents(&lines), [None, Some(0), Some(1), None]);
        assert_eq!(
            read_capture("a\n    b", 1),
            Err((2, "error-capture-indent"))
        );
        assert_eq!(
            read_capture("a\n  b", 3),
            Err((2, "error-consequence-fourth-order"))
        );
        assert_eq!(read_capture("  \n", 1), Err((0, "error-required")));
        assert_eq!(read_capture("+ ", 1), Err((1, "error-capture-empty")));
    }

    #[test]
    fn the_heat_table_counts_and_nets_each_cell() {
        let c = |scenario, level, valence| Counted {
            scenario,
            level,
            valence,
            organisation: None,
        };
        let items = [
            c(1, "regional", Some(Valence::Opportunity)),
            c(1, "regional", Some(Valence::Opportunity)),
            c(1, "regional", Some(Valence::Threat)),
            c(1, "regional", None),
            c(2, "regional", Some(Valence::Threat)),
            c(2, "kommunal", Some(Valence::Mixed)),
            c(3, "regional", Some(Valence::Threat)),
            c(1, "okänd", Some(Valence::Threat)),
        ];
        let rows = heat_table(&["regional", "kommunal"], &[1, 2], &items);
        let r = &rows[0].cells;
        assert_eq!((r[0].count, r[0].net, r[0].sign.as_str()), (4, 1, "+1"));
        assert_eq!(r[0].leaning, Leaning::Opportunities);
        assert_eq!((r[1].count, r[1].sign.as_str()), (1, "−1"));
        assert_eq!(r[1].leaning, Leaning::Threats);
        let k = &rows[1].cells;
        assert_eq!(
            (k[0].leaning, k[1].leaning),
            (Leaning::Empty, Leaning::Balanced)
        );
        assert_eq!(k[1].sign, "±0");
    }

    #[test]
    fn a_profile_finds_where_the_region_parts_ways() {
        let c = |organisation, valence| Counted {
            scenario: 1,
            level: "regional",
            valence: Some(valence),
            organisation,
        };
        let items = [
            c(Some(5), Valence::Opportunity),
            c(None, Valence::Threat),
            c(Some(6), Valence::Threat),
        ];
        let p = profile(5, &["regional"], &[1], &items);
        assert_eq!(p.own[0].cells[0].count, 1);
        assert_eq!(p.others[0].cells[0].count, 2);
        assert_eq!(p.opportunities_where_others_see_threats.len(), 1);
        assert!(p.threats_where_others_see_opportunities.is_empty());
    }

    #[derive(Clone, Debug, PartialEq, Eq)]
    struct N(i64, Option<i64>);
    impl Linked for N {
        fn id(&self) -> i64 {
            self.0
        }
        fn parent(&self) -> Option<i64> {
            self.1
        }
    }

    #[test]
    fn the_chain_nests_from_the_centre_out() {
        let items = [
            N(1, None),
            N(2, Some(1)),
            N(3, Some(2)),
            N(4, None),
            N(5, Some(99)),
        ];
        let tree = chain(&items);
        assert_eq!(tree.len(), 3, "an orphan stands at the top");
        assert_eq!(tree[0].children[0].children[0].item, N(3, Some(2)));
        assert_eq!(rings_below(1, &items), 2);
        assert_eq!(rings_below(3, &items), 0);
        assert_eq!(all_below(1, &items), [&N(2, Some(1)), &N(3, Some(2))]);
    }

    #[test]
    fn who_sees_what() {
        let strategist = Subject {
            roles: &[Role::Strategist],
            organisation_id: 5,
        };
        let scenario = Centre::Scenario(1);
        assert!(can_see(Some(&strategist), scenario, false, None, None));
        assert!(can_see(
            Some(&strategist),
            scenario,
            false,
            Some(5),
            Some(SubmissionStatus::Draft)
        ));
        assert!(!can_see(
            Some(&strategist),
            scenario,
            false,
            Some(6),
            Some(SubmissionStatus::Submitted)
        ));
        assert!(can_see(
            Some(&strategist),
            scenario,
            false,
            Some(6),
            Some(SubmissionStatus::Accepted)
        ));
        assert!(!can_see(None, scenario, false, None, None));
        assert!(can_see(None, scenario, true, None, None));
        assert!(!can_see(
            None,
            scenario,
            true,
            Some(6),
            Some(SubmissionStatus::Submitted)
        ));
        assert!(!can_see(None, Centre::Note(3), true, None, None));
        assert!(can_write_own(
            &strategist,
            5,
            Some(SubmissionStatus::Returned)
        ));
        assert!(!can_write_own(
            &strategist,
            5,
            Some(SubmissionStatus::Submitted)
        ));
        assert!(!can_write_own(&strategist, 6, None));
        assert!(counts(None, None));
        assert!(!counts(Some(5), Some(SubmissionStatus::Draft)));
    }
}
