//! The thread from signal to action (issue 16): every action traced back, along the links
//! people made, to the consequences it answers (its own and its milestones' `answers`),
//! the scenarios (or notes) those follow from, the notes the scenarios' set is spanned by
//! or whose states the scenarios choose, and the signals and trends linked under those;
//! and every note followed forward to what came of it.
//!
//! The links, each pointing downstream ("this led to that"):
//! - a note to the note it is filed under (a signal under its trend: `parent`), and a
//!   note to the note it `drives`, `reinforces` or `counteracts` (a link "in tension
//!   with" says nothing of where one leads, so the thread does not follow it);
//! - a note to every scenario of a set it spans as an `axis`, holds in as a
//!   `predetermined` element, or whose `state` a scenario chooses;
//! - a scenario or a note to the consequences of which it is the `centre`; a consequence
//!   to those that follow from it (`follows`) and to an organisation's own one `based-on`
//!   it;
//! - a consequence to the milestones and actions that `answer` it; a milestone to the
//!   actions that `lead-to` it.
//!
//! The thread is a pure function over those links: [`back`] and [`forward`] walk them
//! breadth first, each node once however many ways lead to it. What a viewer may not see
//! is taken out afterwards ([`Thread::retain`]), counted but never named.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use serde::{Deserialize, Serialize};

use super::bank::NoteType;
use super::placement::text_width;
use super::scenario_chart::wrap;

/// A step as a page lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepView {
    pub node: Node,
    pub key: String,
    pub stage: Stage,
    pub distance: u32,
    pub title: String,
    pub href: String,
    pub start: bool,
    /// The steps this one is linked from (upstream) and to (downstream), by key.
    pub from: Vec<LinkRef>,
    pub to: Vec<LinkRef>,
}

/// A link as a step's row shows it: the other step and what made the link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkRef {
    pub key: String,
    pub title: String,
    pub href: String,
    pub via: String,
}

/// A thread ready for its page: the start, the steps with their links, the chart, the
/// count of steps not visible, and how far it reached.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThreadView {
    pub thread: Thread,
    pub start: StepView,
    pub steps: Vec<StepView>,
    pub chart: Chart,
    pub reach: Reach,
}

/// A thread as an editorial text embeds it (`[[thread:ACTION]]`): as a visitor sees it
/// once the action's vision is public; before that as the workspace holds it, and
/// refused for publication.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThreadData {
    pub action: i64,
    pub public: bool,
    pub view: ThreadView,
}

/// One step of a thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Node {
    Note(i64),
    Scenario(i64),
    Consequence(i64),
    Milestone(i64),
    Action(i64),
}

impl Node {
    pub fn kind(self) -> &'static str {
        match self {
            Node::Note(_) => "note",
            Node::Scenario(_) => "scenario",
            Node::Consequence(_) => "consequence",
            Node::Milestone(_) => "milestone",
            Node::Action(_) => "action",
        }
    }

    pub fn id(self) -> i64 {
        match self {
            Node::Note(id)
            | Node::Scenario(id)
            | Node::Consequence(id)
            | Node::Milestone(id)
            | Node::Action(id) => id,
        }
    }

    /// A key unique among all nodes, for ids and data attributes: `note-3`.
    pub fn key(self) -> String {
        format!("{}-{}", self.kind(), self.id())
    }
}

/// The rows of the chart, from the signals down to the actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Signal,
    Trend,
    Uncertainty,
    Scenario,
    Consequence,
    Milestone,
    Action,
}

impl Stage {
    pub const ALL: [Stage; 7] = [
        Stage::Signal,
        Stage::Trend,
        Stage::Uncertainty,
        Stage::Scenario,
        Stage::Consequence,
        Stage::Milestone,
        Stage::Action,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Stage::Signal => "signal",
            Stage::Trend => "trend",
            Stage::Uncertainty => "uncertainty",
            Stage::Scenario => "scenario",
            Stage::Consequence => "consequence",
            Stage::Milestone => "milestone",
            Stage::Action => "action",
        }
    }
}

/// The row a note of this type stands in: signals and wild cards first, uncertainties
/// just above the scenarios, every other kind of change among the trends.
pub fn note_stage(t: NoteType) -> Stage {
    match t {
        NoteType::Signal | NoteType::WildCard => Stage::Signal,
        NoteType::Uncertainty => Stage::Uncertainty,
        NoteType::Trend | NoteType::Megatrend | NoteType::Driver | NoteType::ScenarioSketch => {
            Stage::Trend
        }
    }
}

/// A link, pointing downstream, and what made it (see the module's list).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Edge {
    pub from: Node,
    pub to: Node,
    pub via: String,
}

/// Every link of the programme, and the type of each note (for its row).
#[derive(Debug, Clone, Default)]
pub struct Graph {
    edges: BTreeSet<Edge>,
    note_types: BTreeMap<i64, NoteType>,
}

impl Graph {
    pub fn new() -> Graph {
        Graph::default()
    }

    /// Adds a link; the same one twice is kept once, a link to itself never.
    pub fn link(&mut self, from: Node, to: Node, via: &str) {
        if from != to {
            self.edges.insert(Edge {
                from,
                to,
                via: via.to_string(),
            });
        }
    }

    pub fn note(&mut self, id: i64, t: NoteType) {
        self.note_types.insert(id, t);
    }

    pub fn stage(&self, node: Node) -> Stage {
        match node {
            Node::Note(id) => self
                .note_types
                .get(&id)
                .map(|t| note_stage(*t))
                .unwrap_or(Stage::Trend),
            Node::Scenario(_) => Stage::Scenario,
            Node::Consequence(_) => Stage::Consequence,
            Node::Milestone(_) => Stage::Milestone,
            Node::Action(_) => Stage::Action,
        }
    }

    /// The notes of these types, in number order.
    pub fn notes_of(&self, types: &[NoteType]) -> Vec<i64> {
        self.note_types
            .iter()
            .filter(|(_, t)| types.contains(t))
            .map(|(id, _)| *id)
            .collect()
    }
}

/// Which way a thread was followed.
/// Every kind of link a thread follows, as its pages name it: a signal's trend, the
/// bank's directed note links, a set's axes, predetermined elements and chosen states,
/// a consequence's centre, what it follows from or is based on, what an item answers,
/// and the milestone an action leads to.
pub const VIAS: [&str; 12] = [
    "parent",
    "drives",
    "reinforces",
    "counteracts",
    "axis",
    "predetermined",
    "state",
    "centre",
    "follows",
    "based-on",
    "answers",
    "leads-to",
];

impl Direction {
    /// Both directions.
    pub const ALL: [Direction; 2] = [Direction::Back, Direction::Forward];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// From an action back to what it answers and what lies under that.
    Back,
    /// From a note forward to what came of it.
    Forward,
}

/// A node of a thread: where it stands and how many links from the start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub node: Node,
    pub stage: Stage,
    pub distance: u32,
}

/// A thread: its start, each node reached once (by row, then distance, then kind and
/// number) and the links between them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Thread {
    pub start: Node,
    pub direction: Direction,
    pub steps: Vec<Step>,
    pub edges: Vec<Edge>,
    /// How many steps were taken out as not visible to the viewer.
    pub hidden: usize,
}

fn walk(graph: &Graph, start: Node, direction: Direction) -> Thread {
    let mut next: BTreeMap<Node, Vec<Node>> = BTreeMap::new();
    for e in &graph.edges {
        let (a, b) = match direction {
            Direction::Forward => (e.from, e.to),
            Direction::Back => (e.to, e.from),
        };
        next.entry(a).or_default().push(b);
    }
    let mut distance: BTreeMap<Node, u32> = BTreeMap::from([(start, 0)]);
    let mut queue = VecDeque::from([start]);
    while let Some(n) = queue.pop_front() {
        let d = distance[&n];
        for m in next.get(&n).into_iter().flatten() {
            if !distance.contains_key(m) {
                distance.insert(*m, d + 1);
                queue.push_back(*m);
            }
        }
    }
    let mut steps: Vec<Step> = distance
        .iter()
        .map(|(node, d)| Step {
            node: *node,
            stage: graph.stage(*node),
            distance: *d,
        })
        .collect();
    steps.sort_by_key(|s| (s.stage, s.distance, s.node));
    let edges = graph
        .edges
        .iter()
        .filter(|e| distance.contains_key(&e.from) && distance.contains_key(&e.to))
        .cloned()
        .collect();
    Thread {
        start,
        direction,
        steps,
        edges,
        hidden: 0,
    }
}

/// The thread back from `start` (an action, usually): everything it answers and
/// everything under that.
pub fn back(graph: &Graph, start: Node) -> Thread {
    walk(graph, start, Direction::Back)
}

/// The thread forward from `start` (a note, usually): everything that came of it.
pub fn forward(graph: &Graph, start: Node) -> Thread {
    walk(graph, start, Direction::Forward)
}

impl Thread {
    /// The thread with only the steps `visible` keeps (the start always stays), the links
    /// between them, and the others counted in `hidden`.
    pub fn retain(mut self, visible: impl Fn(Node) -> bool) -> Thread {
        let start = self.start;
        let before = self.steps.len();
        self.steps.retain(|s| s.node == start || visible(s.node));
        self.hidden += before - self.steps.len();
        let kept: BTreeSet<Node> = self.steps.iter().map(|s| s.node).collect();
        self.edges
            .retain(|e| kept.contains(&e.from) && kept.contains(&e.to));
        self
    }

    /// The nodes of the thread, start included.
    pub fn nodes(&self) -> Vec<Node> {
        self.steps.iter().map(|s| s.node).collect()
    }

    /// How far the thread reached, besides its start.
    pub fn reach(&self) -> Reach {
        let mut r = Reach::default();
        for s in self.steps.iter().filter(|s| s.node != self.start) {
            match s.node {
                Node::Note(_) => r.notes += 1,
                Node::Scenario(_) => r.scenarios += 1,
                Node::Consequence(_) => r.consequences += 1,
                Node::Milestone(_) => r.milestones += 1,
                Node::Action(_) => r.actions += 1,
            }
        }
        r
    }
}

/// What a thread reached, counted by kind (its start not counted).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reach {
    pub notes: usize,
    pub scenarios: usize,
    pub consequences: usize,
    pub milestones: usize,
    pub actions: usize,
}

impl Reach {
    /// Whether it led to at least one action.
    pub fn led_to_actions(&self) -> bool {
        self.actions > 0
    }

    /// The furthest row it reached (none when it led nowhere at all).
    pub fn furthest(&self) -> Option<Stage> {
        if self.actions > 0 {
            Some(Stage::Action)
        } else if self.milestones > 0 {
            Some(Stage::Milestone)
        } else if self.consequences > 0 {
            Some(Stage::Consequence)
        } else if self.scenarios > 0 {
            Some(Stage::Scenario)
        } else {
            None
        }
    }
}

/// The overview's filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Filter {
    All,
    /// The notes that led to at least one action.
    Actions,
    /// The notes that led to no action.
    Nowhere,
}

impl Filter {
    /// The filter a query asks for; anything unknown shows all.
    pub fn parse(text: &str) -> Filter {
        match text.trim() {
            "actions" => Filter::Actions,
            "nowhere" => Filter::Nowhere,
            _ => Filter::All,
        }
    }

    pub fn keeps(self, reach: &Reach) -> bool {
        match self {
            Filter::All => true,
            Filter::Actions => reach.led_to_actions(),
            Filter::Nowhere => !reach.led_to_actions(),
        }
    }
}

/// The note types the overview follows forward: trends of every size.
pub const TRENDS: [NoteType; 3] = [NoteType::Trend, NoteType::Megatrend, NoteType::Driver];

// ---- The chart ------------------------------------------------------------------------

/// One line of a box's label: its baseline and words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    pub y: f64,
    pub text: String,
}

const BOX_W: f64 = 172.0;
const BOX_H: f64 = 52.0;
const GAP_X: f64 = 14.0;
const GAP_Y: f64 = 14.0;
const PER_LINE: usize = 4;
const HEAD: f64 = 24.0;
const ROW_GAP: f64 = 22.0;
const MARGIN: f64 = 12.0;
const PAD: f64 = 8.0;
const SIZE: f64 = 11.0;
const LINES: usize = 3;

/// A box of the chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoxView {
    pub node: Node,
    pub key: String,
    pub stage: Stage,
    pub start: bool,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub text_x: f64,
    pub lines: Vec<Line>,
}

/// A row's heading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowView {
    pub stage: Stage,
    pub x: f64,
    pub y: f64,
    pub count: usize,
}

/// A link drawn from one box's centre to another's (under the boxes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkView {
    pub from: String,
    pub to: String,
    pub via: String,
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
}

/// The chart of a thread: a row per stage reached, the boxes in it, the links.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chart {
    pub width: f64,
    pub height: f64,
    pub rows: Vec<RowView>,
    pub boxes: Vec<BoxView>,
    pub links: Vec<LinkView>,
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// At most [`LINES`] lines, the last ending in an ellipsis when some were cut.
fn label(text: &str) -> Vec<String> {
    let width = BOX_W - 2.0 * PAD;
    let mut lines = wrap(text, SIZE, false, width);
    if lines.len() > LINES {
        lines.truncate(LINES);
        if let Some(last) = lines.last_mut() {
            let mut chars: Vec<char> = last.chars().collect();
            loop {
                let candidate = format!("{}…", chars.iter().collect::<String>().trim_end());
                if chars.is_empty() || text_width(&candidate, SIZE, false) <= width {
                    *last = candidate;
                    break;
                }
                chars.pop();
            }
        }
    }
    lines
}

/// Lays a thread out: each stage a row from top to bottom, its boxes [`PER_LINE`] to a
/// line and centred; `titles` names each node (a node without one shows its number).
pub fn layout(thread: &Thread, titles: &BTreeMap<Node, String>) -> Chart {
    let width = 2.0 * MARGIN + PER_LINE as f64 * BOX_W + (PER_LINE - 1) as f64 * GAP_X;
    let mut y = MARGIN;
    let mut rows = Vec::new();
    let mut boxes = Vec::new();
    for stage in Stage::ALL {
        let of: Vec<&Step> = thread.steps.iter().filter(|s| s.stage == stage).collect();
        if of.is_empty() {
            continue;
        }
        rows.push(RowView {
            stage,
            x: MARGIN,
            y: round1(y + 15.0),
            count: of.len(),
        });
        y += HEAD;
        for chunk in of.chunks(PER_LINE) {
            let n = chunk.len() as f64;
            let line_w = n * BOX_W + (n - 1.0) * GAP_X;
            let mut x = (width - line_w) / 2.0;
            for s in chunk {
                let title = titles
                    .get(&s.node)
                    .cloned()
                    .unwrap_or_else(|| format!("#{}", s.node.id()));
                let lines = label(&title);
                let block = (lines.len().max(1) - 1) as f64 * (SIZE * 1.3).round() + SIZE;
                let top = y + (BOX_H - block) / 2.0;
                boxes.push(BoxView {
                    node: s.node,
                    key: s.node.key(),
                    stage,
                    start: s.node == thread.start,
                    x: round1(x),
                    y: round1(y),
                    w: BOX_W,
                    h: BOX_H,
                    text_x: round1(x + PAD),
                    lines: lines
                        .into_iter()
                        .enumerate()
                        .map(|(i, text)| Line {
                            y: round1(top + 0.8 * SIZE + i as f64 * (SIZE * 1.3).round()),
                            text,
                        })
                        .collect(),
                });
                x += BOX_W + GAP_X;
            }
            y += BOX_H + GAP_Y;
        }
        y += ROW_GAP - GAP_Y;
    }
    let centre: BTreeMap<Node, (f64, f64)> = boxes
        .iter()
        .map(|b| (b.node, (b.x + b.w / 2.0, b.y + b.h / 2.0)))
        .collect();
    let links = thread
        .edges
        .iter()
        .filter_map(|e| {
            let (x1, y1) = centre.get(&e.from)?;
            let (x2, y2) = centre.get(&e.to)?;
            Some(LinkView {
                from: e.from.key(),
                to: e.to.key(),
                via: e.via.clone(),
                x1: round1(*x1),
                y1: round1(*y1),
                x2: round1(*x2),
                y2: round1(*y2),
            })
        })
        .collect();
    Chart {
        width: round1(width),
        height: round1(y.max(MARGIN + HEAD) + MARGIN - ROW_GAP + GAP_Y),
        rows,
        boxes,
        links,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// signal 1 → trend 2 → uncertainty 3 (axis) → scenarios 10, 11 → consequences
    /// 20 (of 10), 21 (of 11, and 22 follows it) → milestone 30 answers 20 and 22;
    /// action 40 leads to 30 and answers 21. Trend 5 leads nowhere.
    fn graph() -> Graph {
        let mut g = Graph::new();
        g.note(1, NoteType::Signal);
        g.note(2, NoteType::Trend);
        g.note(3, NoteType::Uncertainty);
        g.note(5, NoteType::Trend);
        g.link(Node::Note(1), Node::Note(2), "parent");
        g.link(Node::Note(2), Node::Note(3), "drives");
        g.link(Node::Note(3), Node::Scenario(10), "axis");
        g.link(Node::Note(3), Node::Scenario(11), "axis");
        g.link(Node::Scenario(10), Node::Consequence(20), "centre");
        g.link(Node::Scenario(11), Node::Consequence(21), "centre");
        g.link(Node::Consequence(21), Node::Consequence(22), "follows");
        g.link(Node::Consequence(20), Node::Milestone(30), "answers");
        g.link(Node::Consequence(22), Node::Milestone(30), "answers");
        g.link(Node::Consequence(21), Node::Action(40), "answers");
        g.link(Node::Milestone(30), Node::Action(40), "leads-to");
        g
    }

    #[test]
    fn back_from_an_action_reaches_the_signal_once_each() {
        let t = back(&graph(), Node::Action(40));
        let nodes = t.nodes();
        let unique: BTreeSet<Node> = nodes.iter().copied().collect();
        assert_eq!(nodes.len(), unique.len(), "no node twice");
        for n in [
            Node::Note(1),
            Node::Note(2),
            Node::Note(3),
            Node::Scenario(10),
            Node::Scenario(11),
            Node::Consequence(20),
            Node::Consequence(21),
            Node::Consequence(22),
            Node::Milestone(30),
            Node::Action(40),
        ] {
            assert!(unique.contains(&n), "{n:?} reached");
        }
        assert!(!unique.contains(&Node::Note(5)));
        // In rows from the signals down.
        assert_eq!(t.steps.first().map(|s| s.node), Some(Node::Note(1)));
        assert_eq!(t.steps.last().map(|s| s.node), Some(Node::Action(40)));
        // Consequence 21 is reached both directly and through 22 and 30: distance 1.
        let d = t
            .steps
            .iter()
            .find(|s| s.node == Node::Consequence(21))
            .map(|s| s.distance);
        assert_eq!(d, Some(1));
        assert_eq!(t.edges.len(), 11);
    }

    #[test]
    fn forward_from_a_trend_reaches_the_action_and_a_lone_trend_nowhere() {
        let g = graph();
        let t = forward(&g, Node::Note(2));
        let r = t.reach();
        assert_eq!(r.actions, 1);
        assert_eq!(r.milestones, 1);
        assert_eq!(r.consequences, 3);
        assert_eq!(r.scenarios, 2);
        assert!(r.led_to_actions());
        assert!(!t.nodes().contains(&Node::Note(1)), "not upstream");
        let lone = forward(&g, Node::Note(5));
        assert_eq!(lone.steps.len(), 1);
        assert_eq!(lone.reach(), Reach::default());
        assert_eq!(lone.reach().furthest(), None);
        assert!(Filter::Nowhere.keeps(&lone.reach()));
        assert!(!Filter::Actions.keeps(&lone.reach()));
        assert_eq!(g.notes_of(&TRENDS), vec![2, 5]);
    }

    #[test]
    fn hidden_steps_are_counted_not_kept() {
        let t = forward(&graph(), Node::Note(2))
            .retain(|n| !matches!(n, Node::Action(_) | Node::Consequence(22)));
        assert_eq!(t.hidden, 2);
        assert_eq!(t.reach().actions, 0);
        assert!(t.edges.iter().all(|e| e.from != Node::Consequence(22)
            && e.to != Node::Consequence(22)
            && e.to != Node::Action(40)));
        // The start stays even if the rule would hide it.
        let own = back(&graph(), Node::Action(40)).retain(|_| false);
        assert_eq!(own.nodes(), vec![Node::Action(40)]);
    }

    #[test]
    fn the_same_link_twice_is_one_and_none_to_itself() {
        let mut g = graph();
        g.link(Node::Note(2), Node::Note(3), "drives");
        g.link(Node::Note(2), Node::Note(2), "drives");
        let t = forward(&g, Node::Note(2));
        assert_eq!(
            t.edges
                .iter()
                .filter(|e| e.from == Node::Note(2) && e.to == Node::Note(3))
                .count(),
            1
        );
    }

    #[test]
    fn the_chart_has_a_row_per_stage_and_a_box_per_step() {
        let t = back(&graph(), Node::Action(40));
        let mut titles = BTreeMap::new();
        titles.insert(
            Node::Action(40),
            "Ett mycket långt namn på en åtgärd som inte ryms på tre rader i en ruta av den här bredden alls".to_string(),
        );
        let c = layout(&t, &titles);
        assert_eq!(c.rows.len(), 7);
        assert_eq!(c.boxes.len(), t.steps.len());
        assert_eq!(c.links.len(), t.edges.len());
        let action = c.boxes.iter().find(|b| b.start).expect("the start");
        assert_eq!(action.key, "action-40");
        assert!(action.lines.len() <= LINES);
        assert!(action.lines.last().is_some_and(|l| l.text.ends_with('…')));
        for b in &c.boxes {
            assert!(b.x >= 0.0 && b.x + b.w <= c.width);
            assert!(b.y + b.h <= c.height);
        }
        // Rows go down the page in stage order.
        assert!(c.rows.windows(2).all(|w| w[0].y < w[1].y));
    }
}
