//! Geometry of a scenario set's three charts: the 2×2 cross (the axes with their poles,
//! each quadrant's scenario and how many organisations chose it as most interesting, the
//! predetermined elements listed under it), the comparison table (characteristics and
//! driver states by scenario) and the assessment chart (median and quartiles of each
//! measure per scenario, on the measure's own scale).
//!
//! Text is wrapped here, line by line, so that no two texts meet: every block of text
//! has its own room, and the room grows with the text. The words come in already
//! translated; only places, lines and numbers come out, rounded to one decimal.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::access::Subject;
use super::embed::Figure;
use super::placement::{Rect, text_width};
use super::scenario::{DriverState, Measure, Method, Quadrant, SetStatus, can_write};
use super::stats::Summary;

fn round1(x: f64) -> f64 {
    let r = (x * 10.0).round() / 10.0;
    if r == 0.0 { 0.0 } else { r }
}

/// Breaks `text` into lines no wider than `width` at `size` px: at spaces, and inside a
/// word only when the word alone is wider than a line. Never an empty list for text.
pub fn wrap(text: &str, size: f64, bold: bool, width: f64) -> Vec<String> {
    let per_char = text_width("x", size, bold).max(f64::EPSILON);
    let fit = ((width / per_char).floor() as usize).max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        // A word longer than a line is cut into pieces of a line each; the punctuation
        // that ends it stays with it (a narrow mark past the line's end, never a line
        // that starts with a comma).
        let trailing = word
            .iter()
            .rev()
            .take(2)
            .take_while(|c| c.is_ascii_punctuation())
            .count();
        while word.len() - trailing > fit {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..fit).collect());
        }
        let word: String = word.into_iter().collect();
        if word.is_empty() {
            continue;
        }
        let wanted = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if !line.is_empty() && wanted > fit {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Keeps the first `max` lines; the last kept ends in an ellipsis when some were cut.
fn cut(mut lines: Vec<String>, max: usize) -> Vec<String> {
    if lines.len() > max && max > 0 {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            let mut chars: Vec<char> = last.chars().collect();
            if chars.len() > 1 {
                chars.pop();
            }
            *last = chars.into_iter().collect::<String>().trim_end().to_string() + "…";
        }
    }
    lines
}

/// One line of a text block: its baseline and words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    pub y: f64,
    pub text: String,
}

/// A text of one or more lines, all starting (or centred, or ending) at `x`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    pub x: f64,
    pub anchor: &'static str,
    pub size: f64,
    pub bold: bool,
    pub lines: Vec<Line>,
}

/// Line height for a size.
fn leading(size: f64) -> f64 {
    (size * 1.3).round()
}

impl Block {
    /// A block of `lines` whose top is at `top`.
    fn new(
        lines: Vec<String>,
        x: f64,
        top: f64,
        size: f64,
        bold: bool,
        anchor: &'static str,
    ) -> Block {
        let lh = leading(size);
        Block {
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

    /// A text wrapped to `width`, its top at `top`.
    fn wrapped(
        text: &str,
        x: f64,
        top: f64,
        width: f64,
        size: f64,
        bold: bool,
        anchor: &'static str,
    ) -> Block {
        Block::new(wrap(text, size, bold, width), x, top, size, bold, anchor)
    }

    /// How tall the block stands.
    pub fn height(&self) -> f64 {
        if self.lines.is_empty() {
            0.0
        } else {
            (self.lines.len() - 1) as f64 * leading(self.size) + 1.05 * self.size
        }
    }

    /// The box of the block (none when it has no line).
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

// ---------------------------------------------------------------------------------
// The 2×2 cross
// ---------------------------------------------------------------------------------

const CROSS_WIDTH: f64 = 560.0;
/// Room left and right of the plot for the first axis's poles.
const CROSS_MARGIN: f64 = 96.0;
/// How far the axes reach out of the plot, with their arrowheads.
const ARROW: f64 = 10.0;
const GAP: f64 = 6.0;
const PAD: f64 = 12.0;
const QUADRANT_MIN: f64 = 150.0;
const NAME_SIZE: f64 = 15.0;
const TAGLINE_SIZE: f64 = 13.0;
const POLE_SIZE: f64 = 13.0;
const LIST_SIZE: f64 = 13.0;
const MARKER_R: f64 = 13.0;

/// A scenario in its quadrant, with the count of organisations that chose it as most
/// interesting (none when the viewer may not see the assessment).
#[derive(Debug, Clone, PartialEq)]
pub struct CrossScenario<'a> {
    pub id: i64,
    pub quadrant: Quadrant,
    pub name: &'a str,
    pub tagline: &'a str,
    pub count: Option<usize>,
}

/// The words the cross prints besides its scenarios: the poles (first axis low and
/// high, second axis low and high), a line naming each axis, the heading and items of
/// the predetermined elements, and the legend of the markers.
#[derive(Debug, Clone, Copy)]
pub struct CrossText<'a> {
    pub poles: [&'a str; 4],
    pub axes: [&'a str; 2],
    pub predetermined_heading: &'a str,
    pub predetermined: &'a [String],
    pub marker_legend: &'a str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CrossMarker {
    pub cx: f64,
    pub cy: f64,
    pub r: f64,
    pub count: usize,
    /// Baseline of the count inside the disc.
    pub text_y: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CrossQuadrant {
    pub key: Quadrant,
    pub scenario: Option<i64>,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub name: Block,
    pub tagline: Block,
    pub marker: Option<CrossMarker>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cross {
    pub view_x: f64,
    pub view_y: f64,
    pub view_w: f64,
    pub view_h: f64,
    pub plot_x: f64,
    pub plot_y: f64,
    pub plot_w: f64,
    pub plot_h: f64,
    pub mid_x: f64,
    pub mid_y: f64,
    /// The axes' lines (x1, y1, x2, y2), each out past the plot, and the four
    /// arrowheads as paths (left, right, down, up).
    pub x_axis: [f64; 4],
    pub y_axis: [f64; 4],
    pub arrows: Vec<String>,
    /// The poles: first axis low (left) and high (right), second axis low (bottom) and
    /// high (top).
    pub poles: Vec<Block>,
    /// Reading order: top left, top right, bottom left, bottom right.
    pub quadrants: Vec<CrossQuadrant>,
    /// The lines naming the axes, under the cross.
    pub axis_names: Vec<Block>,
    pub predetermined_heading: Option<Block>,
    pub predetermined: Vec<Block>,
    /// The legend's marker and word, when some marker is drawn.
    pub legend_marker: Option<CrossMarker>,
    pub legend: Option<Block>,
}

fn arrow(tip: (f64, f64), dir: (f64, f64)) -> String {
    let (x, y) = tip;
    let (dx, dy) = dir;
    let (bx, by) = (x - dx * 8.0, y - dy * 8.0);
    let (px, py) = (-dy * 4.5, dx * 4.5);
    format!(
        "M{} {}L{} {}L{} {}Z",
        round1(x),
        round1(y),
        round1(bx + px),
        round1(by + py),
        round1(bx - px),
        round1(by - py)
    )
}

impl Cross {
    /// Every block of text the cross draws, with the markers' discs.
    pub fn boxes(&self) -> Vec<Rect> {
        let mut all: Vec<Rect> = Vec::new();
        let blocks = self
            .poles
            .iter()
            .chain(self.quadrants.iter().flat_map(|q| [&q.name, &q.tagline]))
            .chain(&self.axis_names)
            .chain(&self.predetermined_heading)
            .chain(&self.predetermined)
            .chain(&self.legend);
        all.extend(blocks.filter_map(Block::rect));
        all.extend(
            self.quadrants
                .iter()
                .filter_map(|q| q.marker.as_ref())
                .chain(&self.legend_marker)
                .map(|m| Rect::around(m.cx, m.cy, m.r)),
        );
        all
    }
}

fn marker(cx: f64, cy: f64, count: usize) -> CrossMarker {
    CrossMarker {
        cx: round1(cx),
        cy: round1(cy),
        r: MARKER_R,
        count,
        text_y: round1(cy + 0.35 * 13.0),
    }
}

/// Lays out the cross: the first axis from left (low) to right (high), the second from
/// bottom (low) to top (high), a scenario per quadrant with its name, tagline and marker,
/// and under it the axes named, the predetermined elements and the markers' legend. Each
/// row of quadrants is as tall as its longest text needs.
pub fn cross(scenarios: &[CrossScenario<'_>], words: &CrossText<'_>) -> Cross {
    let plot_x = CROSS_MARGIN;
    let plot_w = CROSS_WIDTH - 2.0 * CROSS_MARGIN;
    let half = plot_w / 2.0;
    let mid_x = plot_x + half;
    let inner = half - 2.0 * PAD;
    let pole_width = CROSS_MARGIN - ARROW - 2.0 * GAP;

    // The top band: the second axis's high pole over the arrow.
    let top = 8.0;
    let y_high = Block::wrapped(
        words.poles[3],
        mid_x,
        top,
        plot_w,
        POLE_SIZE,
        true,
        "middle",
    );
    let plot_y = top + y_high.height() + GAP + ARROW;

    // The first axis's poles, centred on the horizontal axis, beside the plot.
    let x_low_lines = wrap(words.poles[0], POLE_SIZE, true, pole_width);
    let x_high_lines = wrap(words.poles[1], POLE_SIZE, true, pole_width);
    let lines_h = |n: usize| {
        if n == 0 {
            0.0
        } else {
            (n - 1) as f64 * leading(POLE_SIZE) + 1.05 * POLE_SIZE
        }
    };
    let pole_h = lines_h(x_low_lines.len().max(x_high_lines.len()));

    // Each quadrant's texts, before knowing where its row stands.
    let of = |q: Quadrant| scenarios.iter().find(|s| s.quadrant == q);
    let content = |q: Quadrant| -> (Vec<String>, Vec<String>, Option<usize>) {
        match of(q) {
            Some(s) => (
                wrap(s.name, NAME_SIZE, true, inner),
                wrap(s.tagline, TAGLINE_SIZE, false, inner),
                s.count,
            ),
            None => (Vec::new(), Vec::new(), None),
        }
    };
    let needed = |(name, tagline, count): &(Vec<String>, Vec<String>, Option<usize>)| {
        let mut h = PAD;
        if !name.is_empty() {
            h += (name.len() - 1) as f64 * leading(NAME_SIZE) + 1.05 * NAME_SIZE + GAP;
        }
        if !tagline.is_empty() {
            h += (tagline.len() - 1) as f64 * leading(TAGLINE_SIZE) + 1.05 * TAGLINE_SIZE + GAP;
        }
        if count.is_some() {
            h += 2.0 * MARKER_R + GAP;
        }
        h + PAD
    };
    let texts: Vec<_> = Quadrant::ALL.iter().map(|&q| content(q)).collect();
    let row_min = QUADRANT_MIN.max(pole_h / 2.0 + PAD);
    let top_h = needed(&texts[0]).max(needed(&texts[1])).max(row_min);
    let bottom_h = needed(&texts[2]).max(needed(&texts[3])).max(row_min);
    let mid_y = plot_y + top_h;
    let plot_h = top_h + bottom_h;
    let plot_bottom = plot_y + plot_h;

    let quadrants = Quadrant::ALL
        .iter()
        .zip(texts)
        .map(|(&key, (name, tagline, count))| {
            let x = if key.x_high() { mid_x } else { plot_x };
            let (y, h) = if key.y_high() {
                (plot_y, top_h)
            } else {
                (mid_y, bottom_h)
            };
            let tx = x + PAD;
            let mut at = y + PAD;
            let name = Block::new(name, tx, at, NAME_SIZE, true, "start");
            if !name.lines.is_empty() {
                at += name.height() + GAP;
            }
            let tagline = Block::new(tagline, tx, at, TAGLINE_SIZE, false, "start");
            if !tagline.lines.is_empty() {
                at += tagline.height() + GAP;
            }
            let marker = count.map(|n| marker(tx + MARKER_R, at + MARKER_R, n));
            CrossQuadrant {
                key,
                scenario: of(key).map(|s| s.id),
                x: round1(x),
                y: round1(y),
                w: round1(half),
                h: round1(h),
                name,
                tagline,
                marker,
            }
        })
        .collect();

    let pole_top = mid_y - pole_h / 2.0;
    let x_low = Block::new(
        x_low_lines,
        plot_x - ARROW - GAP,
        pole_top,
        POLE_SIZE,
        true,
        "end",
    );
    let x_high = Block::new(
        x_high_lines,
        plot_x + plot_w + ARROW + GAP,
        pole_top,
        POLE_SIZE,
        true,
        "start",
    );
    let y_low_top = plot_bottom + ARROW + GAP;
    let y_low = Block::wrapped(
        words.poles[2],
        mid_x,
        y_low_top,
        plot_w,
        POLE_SIZE,
        true,
        "middle",
    );

    // Under the cross: the axes named, the predetermined elements, the legend.
    let full = CROSS_WIDTH - 2.0 * PAD;
    let mut at = y_low_top + y_low.height() + 2.0 * PAD;
    let stacked = |text: &str, size: f64, bold: bool, at: &mut f64, indent: f64| -> Block {
        let b = Block::wrapped(text, PAD + indent, *at, full - indent, size, bold, "start");
        *at += b.height() + GAP;
        b
    };
    let axis_names: Vec<Block> = words
        .axes
        .iter()
        .filter(|a| !a.trim().is_empty())
        .map(|a| stacked(a, LIST_SIZE, false, &mut at, 0.0))
        .collect();
    let (predetermined_heading, predetermined) = if words.predetermined.is_empty() {
        (None, Vec::new())
    } else {
        at += GAP;
        let heading = stacked(words.predetermined_heading, LIST_SIZE, true, &mut at, 0.0);
        let items = words
            .predetermined
            .iter()
            .map(|p| stacked(&format!("• {p}"), LIST_SIZE, false, &mut at, 8.0))
            .collect();
        (Some(heading), items)
    };
    let any_marker = scenarios.iter().any(|s| s.count.is_some());
    let (legend_marker, legend) = if any_marker {
        at += GAP;
        let m = marker(PAD + MARKER_R, at + MARKER_R, 0);
        let text_top = at + MARKER_R - 0.5 * 1.05 * LIST_SIZE;
        let b = Block::wrapped(
            words.marker_legend,
            PAD + 2.0 * MARKER_R + GAP,
            text_top,
            full - 2.0 * MARKER_R - GAP,
            LIST_SIZE,
            false,
            "start",
        );
        at += b.height().max(2.0 * MARKER_R) + GAP;
        (Some(m), Some(b))
    } else {
        (None, None)
    };

    let mut cross = Cross {
        view_x: 0.0,
        view_y: 0.0,
        view_w: CROSS_WIDTH,
        view_h: round1(at + PAD),
        plot_x: round1(plot_x),
        plot_y: round1(plot_y),
        plot_w: round1(plot_w),
        plot_h: round1(plot_h),
        mid_x: round1(mid_x),
        mid_y: round1(mid_y),
        x_axis: [
            round1(plot_x - ARROW),
            round1(mid_y),
            round1(plot_x + plot_w + ARROW),
            round1(mid_y),
        ],
        y_axis: [
            round1(mid_x),
            round1(plot_bottom + ARROW),
            round1(mid_x),
            round1(plot_y - ARROW),
        ],
        arrows: vec![
            arrow((plot_x - ARROW, mid_y), (-1.0, 0.0)),
            arrow((plot_x + plot_w + ARROW, mid_y), (1.0, 0.0)),
            arrow((mid_x, plot_bottom + ARROW), (0.0, 1.0)),
            arrow((mid_x, plot_y - ARROW), (0.0, -1.0)),
        ],
        poles: vec![x_low, x_high, y_low, y_high],
        quadrants,
        axis_names,
        predetermined_heading,
        predetermined,
        legend_marker,
        legend,
    };
    // The viewBox holds everything drawn, even a pole taller than the plot.
    let view = cross
        .boxes()
        .iter()
        .fold(Rect::new(0.0, 0.0, CROSS_WIDTH, cross.view_h), |all, b| {
            all.union(&b.grow(4.0))
        });
    cross.view_x = round1(view.x0);
    cross.view_y = round1(view.y0);
    cross.view_w = round1(view.width());
    cross.view_h = round1(view.height());
    cross
}

// ---------------------------------------------------------------------------------
// The comparison table
// ---------------------------------------------------------------------------------

const TABLE_LABEL_W: f64 = 170.0;
const TABLE_COL_W: f64 = 200.0;
const CELL_PAD: f64 = 8.0;
const CELL_SIZE: f64 = 12.0;
const HEAD_SIZE: f64 = 13.0;
/// The most lines a cell shows; the table beside the chart has every word.
pub const CELL_LINES_MAX: usize = 14;

/// One row of the comparison: its label, and per scenario (in column order) the texts
/// of its cell (a list when more than one).
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonRow {
    pub label: String,
    pub cells: Vec<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub text: Block,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComparisonGeom {
    pub width: f64,
    pub height: f64,
    /// The header row: the empty corner, then each scenario's name.
    pub head: Vec<Cell>,
    /// Each row: its label cell first, then a cell per scenario.
    pub rows: Vec<Vec<Cell>>,
}

impl ComparisonGeom {
    pub fn cells(&self) -> impl Iterator<Item = &Cell> {
        self.head.iter().chain(self.rows.iter().flatten())
    }
}

fn cell_lines(texts: &[String], size: f64, bold: bool, width: f64) -> Vec<String> {
    let listed = texts.len() > 1;
    let lines = texts
        .iter()
        .filter(|t| !t.trim().is_empty())
        .flat_map(|t| {
            if listed {
                let mut lines = wrap(&format!("• {t}"), size, bold, width);
                for l in lines.iter_mut().skip(1) {
                    *l = format!("  {l}");
                }
                lines
            } else {
                wrap(t, size, bold, width)
            }
        })
        .collect();
    cut(lines, CELL_LINES_MAX)
}

/// Lays out the comparison: a column per scenario (headed by its name), a row per
/// characteristic list or driver; every cell's text wrapped in its cell, each row as
/// tall as its longest cell.
pub fn comparison(names: &[&str], rows: &[ComparisonRow]) -> ComparisonGeom {
    let width = TABLE_LABEL_W + names.len() as f64 * TABLE_COL_W;
    let col_x = |i: usize| {
        if i == 0 {
            0.0
        } else {
            TABLE_LABEL_W + (i - 1) as f64 * TABLE_COL_W
        }
    };
    let col_w = |i: usize| if i == 0 { TABLE_LABEL_W } else { TABLE_COL_W };
    let row = |texts: Vec<(Vec<String>, f64, bool)>, y: f64| -> (Vec<Cell>, f64) {
        let blocks: Vec<(Vec<String>, f64, bool)> = texts
            .into_iter()
            .enumerate()
            .map(|(i, (t, size, bold))| {
                (
                    cell_lines(&t, size, bold, col_w(i) - 2.0 * CELL_PAD),
                    size,
                    bold,
                )
            })
            .collect();
        let h = blocks
            .iter()
            .map(|(lines, size, _)| {
                if lines.is_empty() {
                    0.0
                } else {
                    (lines.len() - 1) as f64 * leading(*size) + 1.05 * size
                }
            })
            .fold(0.0, f64::max)
            + 2.0 * CELL_PAD;
        let cells = blocks
            .into_iter()
            .enumerate()
            .map(|(i, (lines, size, bold))| Cell {
                x: round1(col_x(i)),
                y: round1(y),
                w: col_w(i),
                h: round1(h),
                text: Block::new(
                    lines,
                    col_x(i) + CELL_PAD,
                    y + CELL_PAD,
                    size,
                    bold,
                    "start",
                ),
            })
            .collect();
        (cells, h)
    };
    let mut head_texts = vec![(Vec::new(), HEAD_SIZE, true)];
    head_texts.extend(names.iter().map(|n| (vec![n.to_string()], HEAD_SIZE, true)));
    let (head, mut y) = row(head_texts, 0.0);
    let mut body = Vec::new();
    for r in rows {
        let mut texts = vec![(vec![r.label.clone()], CELL_SIZE, true)];
        texts.extend((0..names.len()).map(|i| {
            let cell = r.cells.get(i).cloned().unwrap_or_default();
            // An empty cell says so, rather than leaving a gap.
            let cell = if cell.iter().all(|t| t.trim().is_empty()) {
                vec!["–".to_string()]
            } else {
                cell
            };
            (cell, CELL_SIZE, false)
        }));
        let (cells, h) = row(texts, y);
        body.push(cells);
        y += h;
    }
    ComparisonGeom {
        width: round1(width),
        height: round1(y),
        head,
        rows: body,
    }
}

// ---------------------------------------------------------------------------------
// The assessment chart
// ---------------------------------------------------------------------------------

const ASSESS_WIDTH: f64 = 560.0;
const TRACK_X: f64 = 150.0;
const TRACK_W: f64 = 230.0;
const VALUE_X: f64 = 392.0;
const ROW_H: f64 = 40.0;
const POINT_R: f64 = 5.5;
const SCENARIO_GAP: f64 = 18.0;

/// The figures of one measure as drawn: median and quartiles (none without answers).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Whisker {
    pub median: Option<f64>,
    pub q1: Option<f64>,
    pub q3: Option<f64>,
}

/// One scenario's row group: its name, and per measure (in [`Measure::ALL`]'s order)
/// its label, figures and the words written beside them (the figures as text).
#[derive(Debug, Clone, PartialEq)]
pub struct AssessedRow<'a> {
    pub id: i64,
    pub name: &'a str,
    pub measures: Vec<(&'a str, Whisker, String)>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScaleTick {
    pub x: f64,
    pub value: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeasureRow {
    pub measure: Measure,
    pub label: Block,
    /// The track's line, at `y`, and its scale points below it.
    pub y: f64,
    pub x1: f64,
    pub x2: f64,
    pub ticks: Vec<ScaleTick>,
    pub tick_label_y: f64,
    /// The point of the median and the whisker from q1 to q3.
    pub median_x: Option<f64>,
    pub q1_x: Option<f64>,
    pub q3_x: Option<f64>,
    pub r: f64,
    pub value: Block,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssessmentGroup {
    pub scenario: i64,
    pub name: Block,
    pub rows: Vec<MeasureRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssessmentGeom {
    pub width: f64,
    pub height: f64,
    pub groups: Vec<AssessmentGroup>,
}

impl AssessmentGeom {
    /// Every text's box and every point's.
    pub fn boxes(&self) -> Vec<Rect> {
        let mut all = Vec::new();
        for g in &self.groups {
            all.extend(g.name.rect());
            for r in &g.rows {
                all.extend(r.label.rect());
                all.extend(r.value.rect());
                all.extend(r.median_x.map(|x| Rect::around(x, r.y, r.r)));
                all.extend(r.ticks.iter().map(|t| {
                    let text = t.value.to_string();
                    Rect::of_text(
                        t.x,
                        r.tick_label_y,
                        text_width(&text, 10.0, false),
                        10.0,
                        "middle",
                    )
                }));
            }
        }
        all
    }
}

/// Where a value of `measure`'s scale stands on the track: the scale's points spread
/// evenly, half a step in from each end.
pub fn track_x(measure: Measure, value: f64) -> f64 {
    let scale = measure.scale();
    let points = scale.len().max(1) as f64;
    let step = TRACK_W / points;
    let value = value.clamp(f64::from(scale.min), f64::from(scale.max));
    TRACK_X + (value - f64::from(scale.min) + 0.5) * step
}

/// Lays out the assessment: per scenario its name, then a row per measure with the
/// measure's scale, the interquartile range as a whisker, the median as a point, and
/// the figures written at the right.
pub fn assessment(rows: &[AssessedRow<'_>]) -> AssessmentGeom {
    let mut y = 8.0;
    let mut groups = Vec::new();
    for row in rows {
        let name = Block::wrapped(row.name, 8.0, y, ASSESS_WIDTH - 16.0, 14.0, true, "start");
        y += name.height() + 10.0;
        let mut measures = Vec::new();
        for (&measure, (label, w, value)) in Measure::ALL.iter().zip(&row.measures) {
            let track_y = y + 10.0;
            let label = Block::new(
                cut(wrap(label, 13.0, false, TRACK_X - 24.0), 1),
                16.0,
                track_y - 0.5 * 13.0,
                13.0,
                false,
                "start",
            );
            let value = Block::new(
                cut(wrap(value, 12.0, false, ASSESS_WIDTH - VALUE_X - 8.0), 1),
                VALUE_X,
                track_y - 0.5 * 12.0,
                12.0,
                false,
                "start",
            );
            let at = |v: Option<f64>| {
                v.filter(|v| v.is_finite())
                    .map(|v| round1(track_x(measure, v)))
            };
            let (q1, q3) = (at(w.q1), at(w.q3));
            measures.push(MeasureRow {
                measure,
                label,
                y: round1(track_y),
                x1: TRACK_X,
                x2: TRACK_X + TRACK_W,
                ticks: measure
                    .scale()
                    .points()
                    .map(|v| ScaleTick {
                        x: round1(track_x(measure, f64::from(v))),
                        value: v,
                    })
                    .collect(),
                tick_label_y: round1(track_y + 20.0),
                median_x: at(w.median),
                q1_x: q1.zip(q3).map(|(a, b)| a.min(b)),
                q3_x: q1.zip(q3).map(|(a, b)| a.max(b)),
                r: POINT_R,
                value,
            });
            y += ROW_H;
        }
        groups.push(AssessmentGroup {
            scenario: row.id,
            name,
            rows: measures,
        });
        y += SCENARIO_GAP;
    }
    AssessmentGeom {
        width: ASSESS_WIDTH,
        height: round1(y),
        groups,
    }
}

// ---------------------------------------------------------------------------------
// What the charts are drawn from (the same on the pages and frozen in a snapshot)
// ---------------------------------------------------------------------------------

/// Who sees a set's assessment (its figures, the markers on the cross and who chose
/// what): those who write sets always; other members once the set is final (while it
/// is open, one organisation's figures would sway the others' still to come); visitors
/// only a final set an editor has made public.
pub fn can_see_figures(viewer: Option<&Subject>, status: SetStatus, public: bool) -> bool {
    match viewer {
        None => public && status == SetStatus::Final,
        Some(v) => can_write(v) || status == SetStatus::Final,
    }
}

/// A bank note a set names, and whether a visitor may see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteShown {
    pub id: i64,
    pub title: String,
    pub public: bool,
}

/// An axis: its uncertainty and its poles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AxisShown {
    pub note: NoteShown,
    pub low: String,
    pub high: String,
}

/// A scenario as the cross and the comparison show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioShown {
    pub id: i64,
    pub quadrant: Option<Quadrant>,
    pub name: String,
    pub tagline: String,
    pub characteristics: Vec<String>,
    pub driver_states: Vec<DriverState>,
}

/// The organisations that chose a scenario as most interesting, by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chosen {
    pub scenario: i64,
    pub by: Vec<String>,
}

/// A set as its cross and comparison are drawn from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetCharts {
    pub set_id: i64,
    pub title: String,
    pub method: Method,
    pub status: SetStatus,
    pub public: bool,
    pub axes: Vec<AxisShown>,
    pub predetermined: Vec<NoteShown>,
    pub scenarios: Vec<ScenarioShown>,
    /// Who chose each scenario; none when the reader may not see the assessment.
    pub chosen: Option<Vec<Chosen>>,
}

impl SetCharts {
    /// Every note the set names: the axes', then the predetermined elements.
    pub fn notes(&self) -> Vec<&NoteShown> {
        self.axes
            .iter()
            .map(|a| &a.note)
            .chain(&self.predetermined)
            .collect()
    }

    /// How many organisations chose `scenario`, when shown.
    pub fn count(&self, scenario: i64) -> Option<usize> {
        self.chosen.as_ref().map(|all| {
            all.iter()
                .find(|c| c.scenario == scenario)
                .map_or(0, |c| c.by.len())
        })
    }

    /// The comparison's rows: the characteristics (labelled `characteristics`), then a
    /// row per note the set names with each scenario's state of it.
    pub fn comparison_rows(&self, characteristics: &str) -> Vec<ComparisonRow> {
        let mut rows = vec![ComparisonRow {
            label: characteristics.to_string(),
            cells: self
                .scenarios
                .iter()
                .map(|s| s.characteristics.clone())
                .collect(),
        }];
        for note in self.notes() {
            rows.push(ComparisonRow {
                label: format!("#{} {}", note.id, note.title),
                cells: self
                    .scenarios
                    .iter()
                    .map(|s| {
                        s.driver_states
                            .iter()
                            .filter(|d| d.note == note.id)
                            .map(|d| d.state.clone())
                            .collect()
                    })
                    .collect(),
            });
        }
        rows
    }
}

/// A summary as a chart and its table show it.
pub fn figure(s: &Summary) -> Figure {
    Figure {
        n: s.n,
        median: s.median,
        q1: s.q1,
        q3: s.q3,
    }
}

/// One measure's figures of a scenario, overall and per organisation category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasureShown {
    pub measure: Measure,
    pub overall: Figure,
    pub by_category: BTreeMap<String, Figure>,
}

/// One scenario's assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssessedShown {
    pub scenario: i64,
    pub name: String,
    pub measures: Vec<MeasureShown>,
    pub chosen_by: Vec<String>,
}

/// A set's assessment as its chart and table show it: everyone's, or one
/// organisation's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssessmentData {
    pub set_id: i64,
    pub title: String,
    pub method: Method,
    pub status: SetStatus,
    pub public: bool,
    /// The organisation whose values these are, if one (id, name).
    pub organisation: Option<(i64, String)>,
    /// The organisations whose assessments count, by name (id, name).
    pub counted: Vec<(i64, String)>,
    pub rows: Vec<AssessedShown>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_two_meet(boxes: &[Rect]) {
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} meets {b:?}");
            }
        }
    }

    fn inside(view: Rect, boxes: &[Rect]) {
        for b in boxes {
            assert!(
                b.x0 >= view.x0 && b.y0 >= view.y0 && b.x1 <= view.x1 && b.y1 <= view.y1,
                "{b:?} outside {view:?}"
            );
        }
    }

    #[test]
    fn text_wraps_at_spaces_and_cuts_only_words_too_long() {
        let lines = wrap("Starka regioner i en öppen värld", 13.0, true, 100.0);
        // 13 px bold: 8.84 px a character, 11 to a line.
        assert_eq!(lines, ["Starka", "regioner i", "en öppen", "värld"]);
        assert_eq!(
            wrap("Regionaliseringsreformen", 13.0, true, 100.0),
            ["Regionalise", "ringsreform", "en"]
        );
        assert!(wrap("  ", 13.0, false, 100.0).is_empty());
        // A word of a line's length keeps the comma after it; no line starts with one.
        assert_eq!(
            wrap("i Regionalism, som", 13.0, true, 100.0),
            ["i", "Regionalism,", "som"]
        );
        assert_eq!(
            wrap("Regionaliseringsreformen, som", 13.0, true, 100.0),
            ["Regionalise", "ringsreform", "en, som"]
        );
        assert_eq!(
            cut(vec!["a b".into(), "c d".into(), "e".into()], 2),
            ["a b", "c…"]
        );
    }

    fn scenarios<'a>(long: &'a str) -> Vec<CrossScenario<'a>> {
        Quadrant::ALL
            .iter()
            .enumerate()
            .map(|(i, &q)| CrossScenario {
                id: i as i64 + 1,
                quadrant: q,
                name: if i == 1 {
                    long
                } else {
                    "Regionernas decennium"
                },
                tagline: long,
                count: Some(i),
            })
            .collect()
    }

    #[test]
    fn the_cross_keeps_every_text_apart_and_inside() {
        let long = "När staten drar sig tillbaka tar regionerna ansvar för allt från vård till infrastruktur och kompetensförsörjning i hela landet";
        let predetermined = vec!["#7 Åldrande befolkning".to_string(), long.to_string()];
        let words = CrossText {
            poles: [
                "Stark stat med centralt styrda reformer",
                "Starka regioner",
                "Sluten värld",
                long,
            ],
            axes: ["→ Styrning", "↑ Omvärld"],
            predetermined_heading: "Förutbestämda element",
            predetermined: &predetermined,
            marker_legend: "Antal organisationer som valt scenariot som mest intressant",
        };
        let c = cross(&scenarios(long), &words);
        let boxes = c.boxes();
        no_two_meet(&boxes);
        let view = Rect::new(c.view_x, c.view_y, c.view_x + c.view_w, c.view_y + c.view_h);
        inside(view, &boxes);
        // Each quadrant's texts stay in the quadrant, off the axes.
        for q in &c.quadrants {
            let room = Rect::new(q.x, q.y, q.x + q.w, q.y + q.h);
            for b in [q.name.rect(), q.tagline.rect()].into_iter().flatten() {
                inside(room, &[b]);
                assert!(!b.meets_segment((c.x_axis[0], c.x_axis[1]), (c.x_axis[2], c.x_axis[3])));
                assert!(!b.meets_segment((c.y_axis[0], c.y_axis[1]), (c.y_axis[2], c.y_axis[3])));
            }
        }
        // Reading order and the quadrants' places: low-high is top left.
        assert_eq!(c.quadrants[0].key, Quadrant::LowHigh);
        assert_eq!((c.quadrants[0].x, c.quadrants[0].y), (c.plot_x, c.plot_y));
        assert_eq!(c.quadrants[3].key, Quadrant::HighLow);
        assert_eq!((c.quadrants[3].x, c.quadrants[3].y), (c.mid_x, c.mid_y));
        assert_eq!(c.quadrants[2].marker.as_ref().unwrap().count, 2);
        // The first axis's poles sit at its ends, the second's above and below.
        let low = c.poles[0].rect().unwrap();
        assert!(low.x1 <= c.x_axis[0] && low.y0 < c.mid_y && low.y1 > c.mid_y);
        assert!(c.poles[1].rect().unwrap().x0 >= c.x_axis[2]);
        assert!(c.poles[3].rect().unwrap().y1 <= c.y_axis[3]);
        assert!(c.poles[2].rect().unwrap().y0 >= c.y_axis[1]);
        assert!(c.legend.is_some());
    }

    #[test]
    fn a_cross_without_figures_has_no_markers_and_no_legend() {
        let mut list = scenarios("Kort");
        for s in &mut list {
            s.count = None;
        }
        list.pop();
        let words = CrossText {
            poles: ["a", "b", "c", "d"],
            axes: ["", ""],
            predetermined_heading: "",
            predetermined: &[],
            marker_legend: "",
        };
        let c = cross(&list, &words);
        assert!(c.quadrants.iter().all(|q| q.marker.is_none()));
        assert!(c.legend.is_none() && c.predetermined_heading.is_none());
        assert_eq!(c.quadrants[3].scenario, None);
        assert_eq!(c.plot_h, 2.0 * QUADRANT_MIN);
        no_two_meet(&c.boxes());
    }

    #[test]
    fn the_comparison_gives_each_row_the_height_of_its_longest_cell() {
        let rows = vec![
            ComparisonRow {
                label: "Kännetecken".into(),
                cells: vec![
                    vec!["Starka regioner".into(), "Öppna gränser".into()],
                    vec!["Kort".into()],
                ],
            },
            ComparisonRow {
                label: "#4 Statens roll".into(),
                cells: vec![vec!["ord ".repeat(400)], vec![]],
            },
        ];
        let g = comparison(&["Regionernas decennium", "Staten tar över"], &rows);
        assert_eq!(g.width, 170.0 + 2.0 * 200.0);
        assert_eq!(g.rows[0][1].text.lines[0].text, "• Starka regioner");
        // The long cell is cut at the most lines a cell shows, with an ellipsis.
        let long = &g.rows[1][1];
        assert_eq!(long.text.lines.len(), CELL_LINES_MAX);
        assert!(long.text.lines.last().unwrap().text.ends_with('…'));
        assert_eq!(g.rows[1][2].h, long.h);
        assert_eq!(g.rows[1][2].text.lines[0].text, "–");
        for cell in g.cells() {
            let room = Rect::new(cell.x, cell.y, cell.x + cell.w, cell.y + cell.h);
            inside(room, &cell.text.rect().into_iter().collect::<Vec<_>>());
        }
        assert_eq!(g.height, g.rows[1][0].y + g.rows[1][0].h);
    }

    #[test]
    fn the_assessment_puts_medians_and_quartiles_on_each_scale() {
        let w = |m, a, b| Whisker {
            median: Some(m),
            q1: Some(a),
            q3: Some(b),
        };
        let rows = vec![
            AssessedRow {
                id: 1,
                name: "Regionernas decennium",
                measures: vec![
                    ("Intresse", w(4.0, 3.5, 4.5), "4 (3,5–4,5)".into()),
                    ("Rimlighet", w(1.0, 1.0, 1.0), "1".into()),
                    (
                        "Önskvärdhet",
                        Whisker {
                            median: None,
                            q1: None,
                            q3: None,
                        },
                        "–".into(),
                    ),
                ],
            },
            AssessedRow {
                id: 2,
                name: "Staten tar över",
                measures: vec![
                    ("Intresse", w(5.0, 5.0, 5.0), "5".into()),
                    ("Rimlighet", w(3.0, 2.0, 4.0), "3".into()),
                    ("Önskvärdhet", w(-2.0, -2.0, 0.0), "−2".into()),
                ],
            },
        ];
        let g = assessment(&rows);
        // Five points on 230 px: 46 apart, the first 23 in from 150.
        let interest = &g.groups[0].rows[0];
        assert_eq!(
            interest.ticks.iter().map(|t| t.x).collect::<Vec<_>>(),
            [173.0, 219.0, 265.0, 311.0, 357.0]
        );
        assert_eq!(interest.median_x, Some(311.0));
        assert_eq!((interest.q1_x, interest.q3_x), (Some(288.0), Some(334.0)));
        assert_eq!(g.groups[0].rows[2].median_x, None);
        // Desirability's −2 stands where the other scales have 1.
        let desirability = &g.groups[1].rows[2];
        assert_eq!(desirability.measure, Measure::Desirability);
        assert_eq!(desirability.median_x, Some(173.0));
        assert_eq!(desirability.ticks[0].value, -2);
        assert_eq!(desirability.q3_x, Some(265.0));
        let boxes = g.boxes();
        no_two_meet(&boxes);
        inside(Rect::new(0.0, 0.0, g.width, g.height), &boxes);
    }

    #[test]
    fn a_set_embeds_once_a_visitor_may_see_it_and_its_assessment_once_final() {
        use crate::domain::embed::{Embed, Embedded};
        assert_eq!(Embed::parse("scenarios:3"), Some(Embed::Scenarios(3)));
        assert_eq!(
            Embed::parse(" scenario-assessment : #4 "),
            Some(Embed::ScenarioAssessment(4))
        );
        assert_eq!(Embed::ScenarioAssessment(4).key(), "scenario-assessment:4");
        assert_eq!(Embed::parse("scenarios:x"), None);
        let note = |id, public| NoteShown {
            id,
            title: format!("Notis {id}"),
            public,
        };
        let mut set = SetCharts {
            set_id: 3,
            title: "Regionerna 2050".into(),
            method: Method::TwoAxes,
            status: SetStatus::Open,
            public: false,
            axes: vec![AxisShown {
                note: note(1, true),
                low: "Stark stat".into(),
                high: "Starka regioner".into(),
            }],
            predetermined: vec![note(2, false)],
            scenarios: Vec::new(),
            chosen: None,
        };
        let problem = |e: Embedded| e.problem("x").map(|p| (p.message, p.notes));
        assert_eq!(
            problem(Embedded::Scenarios(set.clone())),
            Some(("scenario-chart-embed-not-public", vec![]))
        );
        set.public = true;
        assert_eq!(
            problem(Embedded::Scenarios(set.clone())),
            Some(("embed-notes-not-public", vec![2]))
        );
        set.predetermined[0].public = true;
        assert_eq!(problem(Embedded::Scenarios(set.clone())), None);
        let mut assessment = AssessmentData {
            set_id: 3,
            title: set.title.clone(),
            method: Method::TwoAxes,
            status: SetStatus::Open,
            public: true,
            organisation: None,
            counted: Vec::new(),
            rows: Vec::new(),
        };
        assert_eq!(
            problem(Embedded::ScenarioAssessment(assessment.clone())),
            Some(("scenario-chart-embed-open", vec![]))
        );
        assessment.status = SetStatus::Final;
        assert_eq!(
            problem(Embedded::ScenarioAssessment(assessment.clone())),
            None
        );
        assessment.public = false;
        assert_eq!(
            problem(Embedded::ScenarioAssessment(assessment)),
            Some(("scenario-chart-embed-not-public", vec![]))
        );
        // Who sees the figures: writers always, members once final, visitors once
        // final and public.
        assert!(!can_see_figures(None, SetStatus::Final, false));
        assert!(can_see_figures(None, SetStatus::Final, true));
        assert!(!can_see_figures(None, SetStatus::Open, true));
    }
}
