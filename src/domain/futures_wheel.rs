//! The futures wheel of a scenario or a bank note: the change in the centre, a ring for
//! each order of consequence (1st, 2nd, 3rd), each consequence a box on its ring inside
//! the angular sector of the one it follows from, a line to that one (or to the centre),
//! and its valence written as a sign (+ − ±) beside a fill that is never the only cue.
//!
//! Each consequence's sector is as wide as the number of outermost consequences that
//! follow from it (at least one), so two boxes of one ring are never closer than one
//! sector; each ring's radius then grows until its closest two boxes stand apart, and
//! rings stand a box apart. The wheel grows with what it holds, and no two boxes meet.
//! Labels are wrapped by characters (never by bytes) and shortened with an ellipsis;
//! the full text goes in the node's title and in the list beside the wheel.
//!
//! The words come in already translated; only places, lines and numbers come out.

use std::f64::consts::PI;

use pulldown_cmark::{Event, Parser};
use serde::{Deserialize, Serialize};

use super::consequence::{Branch, Linked, ORDER_MAX, Valence, chain};
use super::embed::MARKDOWN;
use super::lang::Localized;
use super::placement::{Rect, text_width};
use super::scenario_chart::{Line, wrap};

// ---- The data a wheel is drawn from (frozen as it is in a published text) ----------

/// What the wheel turns around.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WheelCentre {
    /// `scenario` or `note`.
    pub kind: String,
    pub id: i64,
    pub title: String,
    /// The scenario's set, for a scenario.
    pub set_id: Option<i64>,
    pub set_title: Option<String>,
}

/// One consequence as the wheel and its list show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WheelItem {
    pub id: i64,
    pub parent: Option<i64>,
    pub text: String,
    pub level: String,
    pub level_name: Option<Localized>,
    pub valence: Option<Valence>,
    /// Whose view it is: none for a shared one.
    pub organisation: Option<String>,
}

impl Linked for WheelItem {
    fn id(&self) -> i64 {
        self.id
    }
    fn parent(&self) -> Option<i64> {
        self.parent
    }
}

/// A wheel's data: its centre, the consequences shown, and whose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WheelData {
    pub centre: WheelCentre,
    /// The organisation whose own consequences are shown beside the shared ones.
    pub organisation: Option<(i64, String)>,
    /// The organisations whose consequences the viewer may choose to see.
    pub organisations: Vec<(i64, String)>,
    pub items: Vec<WheelItem>,
    /// Whether a visitor may see these consequences (the set's are published).
    pub public: bool,
}

impl WheelData {
    /// The chain of the items from the centre out.
    pub fn chain(&self) -> Vec<Branch<WheelItem>> {
        chain(&self.items)
    }
}

/// How many consequences a ring holds, by valence.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RingCount {
    pub ring: u8,
    pub opportunity: usize,
    pub threat: usize,
    pub mixed: usize,
    pub unset: usize,
    pub total: usize,
}

impl RingCount {
    fn add(&mut self, valence: Option<Valence>) {
        match valence {
            Some(Valence::Opportunity) => self.opportunity += 1,
            Some(Valence::Threat) => self.threat += 1,
            Some(Valence::Mixed) => self.mixed += 1,
            None => self.unset += 1,
        }
        self.total += 1;
    }
}

/// The figures of a wheel: a row per ring (1st to 3rd order), then the totals (ring 0).
pub fn figures<T: Valenced>(branches: &[Branch<T>]) -> Vec<RingCount> {
    let mut rows: Vec<RingCount> = (1..=ORDER_MAX)
        .map(|ring| RingCount {
            ring,
            ..RingCount::default()
        })
        .collect();
    let mut total = RingCount::default();
    fn walk<T: Valenced>(
        b: &[Branch<T>],
        ring: usize,
        rows: &mut [RingCount],
        total: &mut RingCount,
    ) {
        for branch in b {
            if let Some(row) = rows.get_mut(ring - 1) {
                row.add(branch.item.valence());
            }
            total.add(branch.item.valence());
            walk(&branch.children, ring + 1, rows, total);
        }
    }
    walk(branches, 1, &mut rows, &mut total);
    rows.push(total);
    rows
}

/// What the wheel needs of an item beyond its place in the chain.
pub trait Valenced {
    fn valence(&self) -> Option<Valence>;
    fn text(&self) -> &str;
}

impl Valenced for WheelItem {
    fn valence(&self) -> Option<Valence> {
        self.valence
    }
    fn text(&self) -> &str {
        &self.text
    }
}

/// The text of Markdown without its marks, on one line.
pub fn plain(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new_ext(markdown, MARKDOWN) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The sign of a valence, `?` when none is given yet.
pub fn sign(valence: Option<Valence>) -> &'static str {
    valence.map_or("?", Valence::sign)
}

// ---- Geometry ------------------------------------------------------------------------

fn round1(x: f64) -> f64 {
    let r = (x * 10.0).round() / 10.0;
    if r == 0.0 { 0.0 } else { r }
}

/// The centre's circle.
const CENTRE_R: f64 = 72.0;
const CENTRE_SIZE: f64 = 13.0;
const CENTRE_LINES: usize = 4;
/// A consequence's box.
const BOX_W: f64 = 156.0;
const BOX_H: f64 = 56.0;
const LABEL_SIZE: f64 = 11.0;
const LABEL_LINES: usize = 3;
/// The room the sign takes at the box's left.
const SIGN_W: f64 = 26.0;
const SIGN_SIZE: f64 = 17.0;
const PAD: f64 = 8.0;
/// Free room between two boxes.
const GAP: f64 = 10.0;
const RING_LABEL_SIZE: f64 = 11.0;
const LEGEND_SIZE: f64 = 12.0;
const MARGIN: f64 = 16.0;

/// Half the diagonal of a box: two boxes whose centres stand further apart than twice
/// this never meet, however they turn.
fn half_diagonal() -> f64 {
    (BOX_W / 2.0).hypot(BOX_H / 2.0)
}

/// The distance two boxes' centres keep.
fn spacing() -> f64 {
    2.0 * half_diagonal() + GAP
}

fn leading(size: f64) -> f64 {
    (size * 1.3).round()
}

/// Keeps the first `max` lines; the last ends in an ellipsis when some were cut.
fn shorten(mut lines: Vec<String>, max: usize, width: f64, size: f64, bold: bool) -> Vec<String> {
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            let mut chars: Vec<char> = last.chars().collect();
            while !chars.is_empty() {
                let candidate: String = chars.iter().collect::<String>().trim_end().to_string();
                if text_width(&format!("{candidate}…"), size, bold) <= width {
                    break;
                }
                chars.pop();
            }
            *last = chars.into_iter().collect::<String>().trim_end().to_string() + "…";
        }
    }
    lines
}

/// A block of text: lines at baselines, anchored at `x`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Label {
    pub x: f64,
    pub anchor: &'static str,
    pub size: f64,
    pub bold: bool,
    pub lines: Vec<Line>,
}

impl Label {
    fn new(
        lines: Vec<String>,
        x: f64,
        middle: f64,
        size: f64,
        bold: bool,
        anchor: &'static str,
    ) -> Label {
        let lh = leading(size);
        let height = if lines.is_empty() {
            0.0
        } else {
            (lines.len() - 1) as f64 * lh + size
        };
        let top = middle - height / 2.0;
        Label {
            x: round1(x),
            anchor,
            size,
            bold,
            lines: lines
                .into_iter()
                .enumerate()
                .map(|(i, text)| Line {
                    y: round1(top + 0.8 * size + i as f64 * lh),
                    text,
                })
                .collect(),
        }
    }

    /// The box of the block (none without a line).
    pub fn rect(&self) -> Option<Rect> {
        self.lines
            .iter()
            .map(|l| {
                Rect::of_text(
                    self.x,
                    l.y,
                    text_width(&l.text, self.size, self.bold),
                    self.size,
                    self.anchor,
                )
            })
            .reduce(|a, b| a.union(&b))
    }
}

/// One consequence on the wheel.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    pub id: i64,
    /// Its ring: 1 for the 1st order.
    pub ring: u8,
    pub parent: Option<i64>,
    pub valence: Option<&'static str>,
    pub sign: &'static str,
    /// Its full text, for the node's title.
    pub title: String,
    /// The centre of its box, and the box.
    pub cx: f64,
    pub cy: f64,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// Where the sign's baseline is centred.
    pub sign_x: f64,
    pub sign_y: f64,
    pub label: Label,
    /// The line to what it follows from: x1 y1 (there) x2 y2 (here).
    pub link: [f64; 4],
}

impl Node {
    pub fn rect(&self) -> Rect {
        Rect::new(self.x, self.y, self.x + self.w, self.y + self.h)
    }
}

/// A ring of the wheel with its name, when there was room for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ring {
    pub order: u8,
    pub r: f64,
    pub label: Option<Label>,
    /// The box behind the label, so a line under it does not cross its words.
    pub label_box: Option<Rect>,
}

/// One entry of the legend: the valence's sign in a box filled as the nodes are, and
/// its word.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LegendEntry {
    pub valence: Option<&'static str>,
    pub sign: &'static str,
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub sign_x: f64,
    pub sign_y: f64,
    pub label: Label,
}

/// The laid-out wheel.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Wheel {
    pub view_x: f64,
    pub view_y: f64,
    pub view_w: f64,
    pub view_h: f64,
    pub centre_r: f64,
    pub centre_label: Label,
    pub rings: Vec<Ring>,
    pub nodes: Vec<Node>,
    pub legend: Vec<LegendEntry>,
}

/// The words a wheel writes: the names of the rings (1st, 2nd, 3rd order) and the
/// legend's (opportunity, threat, mixed, not given).
#[derive(Debug, Clone, Copy)]
pub struct WheelWords<'a> {
    pub rings: [&'a str; 3],
    pub legend: [&'a str; 4],
}

/// A node before its place is known.
struct Pending<'a> {
    id: i64,
    ring: u8,
    parent: Option<i64>,
    valence: Option<Valence>,
    text: &'a str,
    angle: f64,
}

/// How many outermost consequences follow from a branch (itself, when none).
fn leaves<T>(b: &Branch<T>) -> usize {
    if b.children.is_empty() {
        1
    } else {
        b.children.iter().map(leaves).sum()
    }
}

/// Places each branch in its share of the sector `[from, from + span)`.
fn spread<'a, T: Linked + Valenced>(
    branches: &'a [Branch<T>],
    from: f64,
    span: f64,
    ring: u8,
    parent: Option<i64>,
    out: &mut Vec<Pending<'a>>,
) {
    let total: usize = branches.iter().map(leaves).sum();
    let mut at = from;
    for b in branches {
        let share = span * leaves(b) as f64 / total.max(1) as f64;
        out.push(Pending {
            id: b.item.id(),
            ring,
            parent,
            valence: b.item.valence(),
            text: b.item.text(),
            angle: at + share / 2.0,
        });
        spread(&b.children, at, share, ring + 1, Some(b.item.id()), out);
        at += share;
    }
}

/// The radius a ring needs so that its closest two nodes stand apart.
fn radius_for(angles: &mut [f64]) -> f64 {
    if angles.len() < 2 {
        return 0.0;
    }
    angles.sort_by(f64::total_cmp);
    let mut least = 2.0 * PI - (angles[angles.len() - 1] - angles[0]);
    for w in angles.windows(2) {
        least = least.min(w[1] - w[0]);
    }
    let half = (least / 2.0).clamp(1e-3, PI / 2.0);
    spacing() / (2.0 * half.sin())
}

/// Lays out the wheel of `branches` (the chain of the visible consequences) around
/// `centre`.
pub fn layout<T: Linked + Valenced>(
    centre: &str,
    branches: &[Branch<T>],
    words: &WheelWords<'_>,
) -> Wheel {
    let mut pending = Vec::new();
    spread(branches, -PI / 2.0, 2.0 * PI, 1, None, &mut pending);
    let deepest = pending.iter().map(|p| p.ring).max().unwrap_or(1).max(1);

    // Each ring's radius: a box clear of the ring inside it, and room on the ring.
    let mut radii: Vec<f64> = Vec::new();
    let mut inner = CENTRE_R + half_diagonal() + GAP;
    for ring in 1..=deepest {
        let mut angles: Vec<f64> = pending
            .iter()
            .filter(|p| p.ring == ring)
            .map(|p| p.angle)
            .collect();
        let r = inner.max(radius_for(&mut angles));
        radii.push(round1(r));
        inner = r + spacing();
    }

    let centre_lines = shorten(
        wrap(&plain(centre), CENTRE_SIZE, true, 1.5 * CENTRE_R),
        CENTRE_LINES,
        1.5 * CENTRE_R,
        CENTRE_SIZE,
        true,
    );
    let centre_label = Label::new(centre_lines, 0.0, 0.0, CENTRE_SIZE, true, "middle");

    let place = |p: &Pending<'_>| {
        let r = radii[usize::from(p.ring) - 1];
        (r * p.angle.cos(), r * p.angle.sin())
    };
    let label_w = BOX_W - SIGN_W - PAD;
    let mut nodes: Vec<Node> = Vec::with_capacity(pending.len());
    for p in &pending {
        let (cx, cy) = place(p);
        let (x, y) = (cx - BOX_W / 2.0, cy - BOX_H / 2.0);
        let title = plain(p.text);
        let lines = shorten(
            wrap(&title, LABEL_SIZE, false, label_w),
            LABEL_LINES,
            label_w,
            LABEL_SIZE,
            false,
        );
        let from = match p.parent.and_then(|id| pending.iter().find(|q| q.id == id)) {
            Some(q) => place(q),
            None => (CENTRE_R * p.angle.cos(), CENTRE_R * p.angle.sin()),
        };
        nodes.push(Node {
            id: p.id,
            ring: p.ring,
            parent: p.parent,
            valence: p.valence.map(|v| v.key()),
            sign: sign(p.valence),
            title,
            cx: round1(cx),
            cy: round1(cy),
            x: round1(x),
            y: round1(y),
            w: BOX_W,
            h: BOX_H,
            sign_x: round1(x + SIGN_W / 2.0 + 2.0),
            sign_y: round1(cy + 0.35 * SIGN_SIZE),
            label: Label::new(lines, x + SIGN_W + 2.0, cy, LABEL_SIZE, false, "start"),
            link: [round1(from.0), round1(from.1), round1(cx), round1(cy)],
        });
    }

    // The rings' names: at the first place along the ring, from the top, where they meet
    // no box, no line and not the centre.
    let boxes: Vec<Rect> = nodes.iter().map(|n| n.rect().grow(3.0)).collect();
    let links: Vec<((f64, f64), (f64, f64))> = nodes
        .iter()
        .map(|n| ((n.link[0], n.link[1]), (n.link[2], n.link[3])))
        .collect();
    let mut taken: Vec<Rect> = Vec::new();
    let mut rings = Vec::new();
    for (i, &r) in radii.iter().enumerate() {
        let name = words.rings.get(i).copied().unwrap_or("");
        let width = text_width(name, RING_LABEL_SIZE, false);
        let mut found = None;
        for step in 0..72 {
            let turn = f64::from(step / 2) * PI / 36.0 * if step % 2 == 0 { 1.0 } else { -1.0 };
            let angle = -PI / 2.0 + turn;
            let (x, y) = (r * angle.cos(), r * angle.sin());
            let label = Label::new(
                vec![name.to_string()],
                x,
                y,
                RING_LABEL_SIZE,
                false,
                "middle",
            );
            let Some(rect) = label.rect().map(|b| b.grow(2.0)) else {
                break;
            };
            let clear = !rect.meets_circle(0.0, 0.0, CENTRE_R)
                && boxes.iter().chain(&taken).all(|b| !b.overlaps(&rect))
                && links.iter().all(|(a, b)| !rect.meets_segment(*a, *b));
            if clear && width > 0.0 {
                found = Some((label, rect));
                break;
            }
        }
        if let Some((_, rect)) = &found {
            taken.push(*rect);
        }
        rings.push(Ring {
            order: (i + 1) as u8,
            r,
            label_box: found.as_ref().map(|(_, b)| *b),
            label: found.map(|(l, _)| l),
        });
    }

    // The extent of everything drawn.
    let outer = radii.last().copied().unwrap_or(CENTRE_R);
    let mut extent = Rect::around(0.0, 0.0, outer.max(CENTRE_R));
    for n in &nodes {
        extent = extent.union(&n.rect());
    }
    if let Some(r) = centre_label.rect() {
        extent = extent.union(&r);
    }
    let extent = extent.grow(MARGIN);

    // The legend under the wheel, as many entries a row as fit.
    let mut legend = Vec::new();
    let keys = [
        Some(Valence::Opportunity),
        Some(Valence::Threat),
        Some(Valence::Mixed),
        None,
    ];
    let swatch = LEGEND_SIZE * 1.6;
    let (mut x, mut y) = (extent.x0 + MARGIN, extent.y1 + 4.0);
    for (valence, word) in keys.iter().zip(words.legend) {
        let width = swatch + 6.0 + text_width(word, LEGEND_SIZE, false) + 18.0;
        if x + width > extent.x1 && x > extent.x0 + MARGIN {
            x = extent.x0 + MARGIN;
            y += swatch + 8.0;
        }
        legend.push(LegendEntry {
            valence: valence.map(|v| v.key()),
            sign: sign(*valence),
            x: round1(x),
            y: round1(y),
            size: round1(swatch),
            sign_x: round1(x + swatch / 2.0),
            sign_y: round1(y + swatch / 2.0 + 0.35 * LEGEND_SIZE * 1.2),
            label: Label::new(
                vec![word.to_string()],
                x + swatch + 6.0,
                y + swatch / 2.0,
                LEGEND_SIZE,
                false,
                "start",
            ),
        });
        x += width;
    }
    let bottom = y + swatch + MARGIN;

    Wheel {
        view_x: round1(extent.x0),
        view_y: round1(extent.y0),
        view_w: round1(extent.width()),
        view_h: round1(bottom - extent.y0),
        centre_r: CENTRE_R,
        centre_label,
        rings,
        nodes,
        legend,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone)]
    struct C(i64, Option<i64>, Option<Valence>, String);
    impl Linked for C {
        fn id(&self) -> i64 {
            self.0
        }
        fn parent(&self) -> Option<i64> {
            self.1
        }
    }
    impl Valenced for C {
        fn valence(&self) -> Option<Valence> {
            self.2
        }
        fn text(&self) -> &str {
            &self.3
        }
    }

    const WORDS: WheelWords<'static> = WheelWords {
        rings: ["1:a ordningen", "2:a ordningen", "3:e ordningen"],
        legend: ["Möjlighet", "Hot", "Både och", "Ej angiven"],
    };

    fn c(id: i64, parent: Option<i64>, valence: Option<Valence>) -> C {
        C(
            id,
            parent,
            valence,
            format!("Följd nummer {id} med en ganska lång text om vad som händer i regionen"),
        )
    }

    fn no_overlaps(w: &Wheel) {
        for (i, a) in w.nodes.iter().enumerate() {
            assert!(
                !a.rect().meets_circle(0.0, 0.0, w.centre_r),
                "node {} meets the centre",
                a.id
            );
            for b in &w.nodes[i + 1..] {
                assert!(!a.rect().overlaps(&b.rect()), "{} meets {}", a.id, b.id);
            }
            for r in w.rings.iter().filter_map(|r| r.label_box) {
                assert!(!a.rect().overlaps(&r), "a ring's name meets {}", a.id);
            }
        }
    }

    #[test]
    fn each_node_stands_on_its_ring_inside_its_parents_sector() {
        let items = [
            c(1, None, Some(Valence::Opportunity)),
            c(2, Some(1), Some(Valence::Threat)),
            c(3, Some(1), None),
            c(4, Some(2), Some(Valence::Mixed)),
            c(5, None, Some(Valence::Threat)),
        ];
        let w = layout("Regionernas decennium", &chain(&items), &WORDS);
        assert_eq!(w.nodes.len(), 5);
        assert_eq!(w.rings.len(), 3);
        let ring_of = |id| w.nodes.iter().find(|n| n.id == id).unwrap().ring;
        assert_eq!(
            (ring_of(1), ring_of(2), ring_of(4), ring_of(5)),
            (1, 2, 3, 1)
        );
        for n in &w.nodes {
            let r = n.cx.hypot(n.cy);
            assert!((r - w.rings[usize::from(n.ring) - 1].r).abs() < 0.2);
        }
        // 1 has three leaves of four: its children lie on its side of the wheel.
        let angle = |id| {
            let n = w.nodes.iter().find(|n| n.id == id).unwrap();
            n.cy.atan2(n.cx)
        };
        let (a1, a5) = (angle(1), angle(5));
        assert!((angle(2) - a1).abs() < (angle(2) - a5).abs());
        assert!((angle(4) - a1).abs() < (angle(4) - a5).abs());
        // Lines to the parent, or to the centre's edge.
        let two = w.nodes.iter().find(|n| n.id == 2).unwrap();
        let one = w.nodes.iter().find(|n| n.id == 1).unwrap();
        assert_eq!([two.link[0], two.link[1]], [one.cx, one.cy]);
        assert!((one.link[0].hypot(one.link[1]) - CENTRE_R).abs() < 0.2);
        // Signs as text.
        assert_eq!(one.sign, "+");
        assert_eq!(two.sign, "−");
        assert_eq!(w.nodes.iter().find(|n| n.id == 3).unwrap().sign, "?");
        no_overlaps(&w);
        assert!(w.rings.iter().all(|r| r.label.is_some()));
    }

    #[test]
    fn forty_nodes_stay_apart_and_the_wheel_grows() {
        let mut items = Vec::new();
        let mut id = 0;
        for _ in 0..5 {
            id += 1;
            let root = id;
            items.push(c(root, None, Some(Valence::Opportunity)));
            for _ in 0..2 {
                id += 1;
                let mid = id;
                items.push(c(mid, Some(root), Some(Valence::Threat)));
                for _ in 0..2 {
                    id += 1;
                    items.push(c(id, Some(mid), Some(Valence::Mixed)));
                }
            }
        }
        while items.len() < 40 {
            id += 1;
            items.push(c(id, None, None));
        }
        let big = layout("Centrum", &chain(&items), &WORDS);
        assert_eq!(big.nodes.len(), 40);
        no_overlaps(&big);
        let small = layout("Centrum", &chain(&items[..3]), &WORDS);
        assert!(big.view_w > small.view_w);
        // Everything drawn is inside the view box.
        for n in &big.nodes {
            assert!(n.x >= big.view_x && n.x + n.w <= big.view_x + big.view_w);
            assert!(n.y >= big.view_y && n.y + n.h <= big.view_y + big.view_h);
        }
        let rows = figures(&chain(&items));
        assert_eq!(rows.len(), 4);
        assert_eq!((rows[0].opportunity, rows[0].unset), (5, 5));
        assert_eq!(rows[1].threat, 10);
        assert_eq!(rows[2].mixed, 20);
        assert_eq!(rows[3].total, 40);
    }

    #[test]
    fn labels_wrap_by_characters_and_are_shortened() {
        let long = "Översvämningar längs älvdalarna gör att kommunerna måste flytta bostäder, \
                    skolor och vägar långt bort från vattnet under årtiondena som kommer";
        let items = [C(1, None, Some(Valence::Threat), long.into())];
        let w = layout(
            "Ett **mycket** långt namn på en framtid där allt händer på en gång i hela landet och mer",
            &chain(&items),
            &WORDS,
        );
        let n = &w.nodes[0];
        assert_eq!(n.label.lines.len(), LABEL_LINES);
        assert!(n.label.lines[2].text.ends_with('…'));
        assert_eq!(
            n.title,
            long.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        for l in &n.label.lines {
            assert!(text_width(&l.text, LABEL_SIZE, false) <= BOX_W - SIGN_W - PAD + 0.01);
        }
        assert!(w.centre_label.lines.len() <= CENTRE_LINES);
        assert!(w.centre_label.lines.iter().all(|l| !l.text.contains("**")));
        let empty = layout("Tom", &chain::<C>(&[]), &WORDS);
        assert!(empty.nodes.is_empty());
        assert_eq!(empty.rings.len(), 1);
        assert!(empty.view_w > 0.0 && empty.view_h > 0.0);
    }

    #[test]
    fn the_embed_is_read_and_refused_until_visitors_may_see_it() {
        use crate::domain::embed::{Embed, Embedded};
        assert_eq!(
            Embed::parse(" futures-wheel : #4 "),
            Some(Embed::FuturesWheel(4))
        );
        assert_eq!(Embed::FuturesWheel(4).key(), "futures-wheel:4");
        assert_eq!(Embed::parse("futures-wheel:x"), None);
        let data = WheelData {
            centre: WheelCentre {
                kind: "scenario".into(),
                id: 4,
                title: "Egen väg".into(),
                set_id: Some(1),
                set_title: Some("Regionerna 2050".into()),
            },
            organisation: None,
            organisations: Vec::new(),
            items: Vec::new(),
            public: false,
        };
        let problem = Embedded::FuturesWheel(data.clone()).problem("futures-wheel:4");
        assert_eq!(problem.unwrap().message, "wheel-embed-not-public");
        let public = WheelData {
            public: true,
            ..data
        };
        assert!(
            Embedded::FuturesWheel(public)
                .problem("futures-wheel:4")
                .is_none()
        );
    }

    #[test]
    fn markdown_becomes_plain_text() {
        assert_eq!(plain("Fler **pendlar**\noch `tåg`"), "Fler pendlar och tåg");
        assert_eq!(sign(None), "?");
        assert_eq!(sign(Some(Valence::Mixed)), "±");
    }
}
