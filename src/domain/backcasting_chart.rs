//! The backcasting timeline and the stress-test grid as charts: what their figures are
//! (kept as they are when a published text freezes them) and the geometry of their SVG.
//!
//! The timeline runs from now (the year of the moment it is drawn, on the left) to the
//! vision's horizon (on the right), one swimlane per programme level and one for the
//! actions near now; milestones sit at their year, arrows run from a milestone to those
//! that depend on it, and every label is placed where it meets no other label or point
//! (see [`super::placement`]). The grid has a row per milestone and action, a column per
//! scenario of the vision's set, and in each cell the verdict's shape (and, drawn by
//! the template, its word), so colour never carries a verdict alone.
//!
//! The words come in already translated; only places, lines and numbers come out.

use serde::{Deserialize, Serialize};

use super::backcasting::{ActionStatus, ItemKind, MilestoneKind, Score, Start, Verdict};
use super::consequence_chart::Column;
use super::placement::{self, AROUND, Rect, text_width};
use super::programme::Term;
use super::scenario_chart::{Block, Line, wrap};

/// A milestone as the timeline shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineMilestone {
    pub id: i64,
    pub year: i32,
    pub title: String,
    pub level: String,
    pub kind: MilestoneKind,
    pub actor: String,
    pub depends_on: Vec<i64>,
}

/// An action as the timeline shows it: placed in the year it starts at the latest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineAction {
    pub id: i64,
    pub text: String,
    pub organisation_name: String,
    pub start: Start,
    pub status: ActionStatus,
    /// `now_year + start.years()`.
    pub year: i32,
    pub milestones: Vec<i64>,
}

/// The figures of a vision's timeline, as shown (and as a published text freezes them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineData {
    pub vision_id: i64,
    pub title: String,
    pub horizon: i32,
    /// The year the timeline starts from: the year of the moment it was gathered.
    pub now_year: i32,
    /// Whether a visitor may see the vision.
    pub public: bool,
    pub levels: Vec<Term>,
    pub milestones: Vec<TimelineMilestone>,
    pub actions: Vec<TimelineAction>,
}

/// One milestone's or action's row of the stress test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StressRow {
    pub kind: ItemKind,
    pub id: i64,
    pub title: String,
    /// One per scenario, in the columns' order (none: not judged yet).
    pub verdicts: Vec<Option<Verdict>>,
    /// The notes on the verdicts, in the same order (empty: none).
    pub notes: Vec<String>,
    pub score: Score,
}

/// The figures of a vision's stress test, as shown (and frozen).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StressData {
    pub vision_id: i64,
    pub title: String,
    /// Whether a visitor may see the vision.
    pub public: bool,
    pub scenarios: Vec<Column>,
    pub rows: Vec<StressRow>,
}

/// The year an action starting `start` is placed at, seen from `now_year`.
pub fn action_year(now_year: i32, start: Start) -> i32 {
    now_year + start.years()
}

// ---- The timeline ---------------------------------------------------------------------

const MARGIN: f64 = 12.0;
const LANE_LABEL_WIDTH: f64 = 150.0;
const PLOT_GAP: f64 = 24.0;
/// The plot's width to aim for; a year never gets less than `MIN_YEAR_WIDTH`.
const PLOT_WIDTH: f64 = 760.0;
const MIN_YEAR_WIDTH: f64 = 28.0;
const AXIS_TOP: f64 = 52.0;
const LANE_MIN: f64 = 84.0;
const STACK: f64 = 30.0;
const POINT_R: f64 = 7.0;
const LABEL_SIZE: f64 = 11.0;
const LANE_SIZE: f64 = 13.0;
/// The most characters of a title a label shows (the table beside has them whole).
const LABEL_CHARS: usize = 30;

/// The swimlane of the actions.
pub const ACTIONS_LANE: &str = "actions";

/// A year on the axis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tick {
    pub year: i32,
    pub x: f64,
}

/// A swimlane: its level (or [`ACTIONS_LANE`]), its band and its name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lane {
    pub slug: String,
    pub y: f64,
    pub h: f64,
    pub label: Block,
}

/// A milestone or action drawn: its point, its label and, if it had to move away, a
/// leader line from the point to the label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    pub kind: ItemKind,
    pub id: i64,
    pub year: i32,
    pub lane: String,
    pub x: f64,
    pub y: f64,
    pub label: String,
    pub label_x: f64,
    pub label_y: f64,
    pub rect: Rect,
    pub leader: Option<[f64; 4]>,
}

/// An arrow from a milestone to one that depends on it (`depends`), or from an action
/// to a milestone it leads to (`leads`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Arrow {
    pub kind: &'static str,
    pub from: i64,
    pub to: i64,
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
}

/// The timeline's drawing; `view_*` is its viewBox.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineGeom {
    pub view_x: f64,
    pub view_y: f64,
    pub width: f64,
    pub height: f64,
    pub plot_left: f64,
    pub plot_right: f64,
    pub axis_y: f64,
    pub bottom: f64,
    pub first_year: i32,
    pub last_year: i32,
    pub now_x: f64,
    pub horizon_x: f64,
    pub ticks: Vec<Tick>,
    pub lanes: Vec<Lane>,
    pub points: Vec<Point>,
    pub arrows: Vec<Arrow>,
}

fn short(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= LABEL_CHARS {
        text
    } else {
        let cut: String = text.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn block_at(lines: Vec<String>, x: f64, top: f64, size: f64, anchor: &'static str) -> Block {
    let lh = (size * 1.3).round();
    Block {
        x,
        anchor,
        size,
        bold: true,
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

/// The step between the axis's years for a span of `span` years.
fn tick_step(span: i32) -> i32 {
    match span {
        ..=10 => 1,
        11..=20 => 2,
        21..=60 => 5,
        _ => 10,
    }
}

/// The timeline of `data`, the levels named by `level_names` (in the order of
/// `data.levels`) and the actions' lane by `actions_lane`.
pub fn timeline(data: &TimelineData, level_names: &[&str], actions_lane: &str) -> TimelineGeom {
    let now = data.now_year;
    let first = data
        .milestones
        .iter()
        .map(|m| m.year)
        .chain(data.actions.iter().map(|a| a.year))
        .fold(now.min(data.horizon), i32::min);
    let last = data
        .milestones
        .iter()
        .map(|m| m.year)
        .chain(data.actions.iter().map(|a| a.year))
        .fold(data.horizon.max(now), i32::max);
    let span = (last - first).max(1);
    let per_year = (PLOT_WIDTH / f64::from(span)).max(MIN_YEAR_WIDTH);
    let plot_left = MARGIN + LANE_LABEL_WIDTH + PLOT_GAP;
    let plot_right = plot_left + f64::from(span) * per_year;
    let x_of = |year: i32| round1(plot_left + f64::from(year - first) * per_year);

    // The lanes: the programme's levels, then any level a milestone names that the
    // programme no longer has, then the actions.
    let mut slugs: Vec<(String, String)> = data
        .levels
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let name = level_names.get(i).copied().unwrap_or(t.slug.as_str());
            (t.slug.clone(), name.to_string())
        })
        .collect();
    for m in &data.milestones {
        if !slugs.iter().any(|(s, _)| *s == m.level) {
            slugs.push((m.level.clone(), m.level.clone()));
        }
    }
    slugs.push((ACTIONS_LANE.to_string(), actions_lane.to_string()));

    // What stands in each lane, by year: (kind, id, year, label).
    type Item = (ItemKind, i64, i32, String);
    let in_lane = |slug: &str| -> Vec<Item> {
        if slug == ACTIONS_LANE {
            data.actions
                .iter()
                .map(|a| (ItemKind::Action, a.id, a.year, short(&a.text)))
                .collect()
        } else {
            data.milestones
                .iter()
                .filter(|m| m.level == slug)
                .map(|m| (ItemKind::Milestone, m.id, m.year, short(&m.title)))
                .collect()
        }
    };

    let lh = (LANE_SIZE * 1.3).round();
    let axis_y = AXIS_TOP;
    let mut top = axis_y + 10.0;
    let mut lanes = Vec::new();
    let mut points: Vec<Point> = Vec::new();
    for (slug, name) in &slugs {
        let items = in_lane(slug);
        let most = items
            .iter()
            .map(|(_, _, y, _)| items.iter().filter(|(_, _, o, _)| o == y).count())
            .max()
            .unwrap_or(0);
        let lines = wrap(name, LANE_SIZE, true, LANE_LABEL_WIDTH - 8.0);
        let h = LANE_MIN
            .max(most as f64 * STACK + 2.0 * STACK)
            .max(lines.len() as f64 * lh + 16.0);
        let label_top = top + (h - lines.len() as f64 * lh) / 2.0;
        lanes.push(Lane {
            slug: slug.clone(),
            y: top,
            h,
            label: block_at(lines, MARGIN, label_top, LANE_SIZE, "start"),
        });
        for (i, (kind, id, year, label)) in items.iter().enumerate() {
            let same: Vec<usize> = items
                .iter()
                .enumerate()
                .filter(|(_, (_, _, y, _))| y == year)
                .map(|(j, _)| j)
                .collect();
            let n = same.len();
            let k = same.iter().position(|j| *j == i).unwrap_or(0);
            let y = round1(top + h / 2.0 + (k as f64 - (n as f64 - 1.0) / 2.0) * STACK);
            points.push(Point {
                kind: *kind,
                id: *id,
                year: *year,
                lane: slug.clone(),
                x: x_of(*year),
                y,
                label: label.clone(),
                label_x: 0.0,
                label_y: 0.0,
                rect: Rect::around(x_of(*year), y, POINT_R),
                leader: None,
            });
        }
        top += h;
    }
    let bottom = top;

    // The arrows, shortened to meet the points' edges.
    let at = |kind: ItemKind, id: i64| {
        points
            .iter()
            .find(|p| p.kind == kind && p.id == id)
            .map(|p| (p.x, p.y))
    };
    let mut arrows = Vec::new();
    let mut arrow = |kind: &'static str, from: (ItemKind, i64), to: i64| {
        let (Some(a), Some(b)) = (at(from.0, from.1), at(ItemKind::Milestone, to)) else {
            return;
        };
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len = dx.hypot(dy);
        if len <= 2.0 * POINT_R + 2.0 {
            return;
        }
        let (ux, uy) = (dx / len, dy / len);
        let gap = POINT_R + 2.0;
        arrows.push(Arrow {
            kind,
            from: from.1,
            to,
            x1: round1(a.0 + ux * gap),
            y1: round1(a.1 + uy * gap),
            x2: round1(b.0 - ux * gap),
            y2: round1(b.1 - uy * gap),
        });
    };
    for m in &data.milestones {
        for d in &m.depends_on {
            arrow("depends", (ItemKind::Milestone, *d), m.id);
        }
    }
    for a in &data.actions {
        for m in &a.milestones {
            arrow("leads", (ItemKind::Action, a.id), *m);
        }
    }

    // The labels, in order of year, each where it meets no label or point placed.
    let mut order: Vec<usize> = (0..points.len()).collect();
    order.sort_by_key(|&i| (points[i].year, points[i].kind, points[i].id));
    let dots: Vec<Rect> = points.iter().map(|p| p.rect.grow(1.0)).collect();
    let mut taken: Vec<Rect> = Vec::new();
    for i in order {
        let p = &points[i];
        let w = text_width(&p.label, LABEL_SIZE, false);
        let blocked = |r: &Rect| {
            r.x0 < plot_left - PLOT_GAP / 2.0
                || r.y0 < axis_y + 2.0
                || taken.iter().any(|t| t.grow(2.0).overlaps(r))
                || dots.iter().any(|d| d.overlaps(r))
        };
        let crowded = |r: &Rect| {
            arrows
                .iter()
                .any(|a| r.meets_segment((a.x1, a.y1), (a.x2, a.y2)))
        };
        let placed = placement::place(
            (p.x, p.y),
            POINT_R,
            w,
            LABEL_SIZE,
            &AROUND,
            &blocked,
            &crowded,
        );
        taken.push(placed.rect);
        let p = &mut points[i];
        p.label_x = round1(placed.x);
        p.label_y = round1(placed.y);
        p.rect = placed.rect;
        p.leader = placed.leader.map(|l| l.map(round1));
    }

    let mut ticks = Vec::new();
    let step = tick_step(span);
    let mut year = first + (step - first.rem_euclid(step)) % step;
    while year <= last {
        ticks.push(Tick {
            year,
            x: x_of(year),
        });
        year += step;
    }

    let extent = points.iter().fold(
        Rect::new(0.0, 0.0, plot_right + MARGIN, bottom + MARGIN),
        |all, p| all.union(&p.rect.grow(MARGIN)),
    );
    TimelineGeom {
        view_x: round1(extent.x0),
        view_y: round1(extent.y0),
        width: round1(extent.width()),
        height: round1(extent.height()),
        plot_left,
        plot_right: round1(plot_right),
        axis_y,
        bottom,
        first_year: first,
        last_year: last,
        now_x: x_of(now),
        horizon_x: x_of(data.horizon),
        ticks,
        lanes,
        points,
        arrows,
    }
}

// ---- The stress-test grid -------------------------------------------------------------

const ROW_LABEL_WIDTH: f64 = 220.0;
const COLUMN_WIDTH: f64 = 124.0;
const SCORE_WIDTH: f64 = 110.0;
const CELL_HEIGHT: f64 = 58.0;
const GAP: f64 = 4.0;
const NAME_SIZE: f64 = 13.0;
const NAME_LINES: usize = 4;
const ROW_LINES: usize = 3;

/// One cell drawn: its box, its verdict (none: not judged) and where its shape and
/// word go.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridCell {
    pub kind: ItemKind,
    pub item: i64,
    pub scenario: i64,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub cx: f64,
    pub verdict: Option<Verdict>,
    pub shape: &'static str,
    pub shape_y: f64,
    pub word_y: f64,
}

/// One row drawn: its name beside it and its score at its end.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridRow {
    pub kind: ItemKind,
    pub item: i64,
    pub label: Block,
    pub score_x: f64,
    pub score_y: f64,
    pub holds: usize,
    pub of: usize,
}

/// The grid's drawing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridGeom {
    pub width: f64,
    pub height: f64,
    pub columns: Vec<Block>,
    /// Where the score column's heading goes.
    pub score_x: f64,
    pub score_y: f64,
    pub rows: Vec<GridRow>,
    pub cells: Vec<GridCell>,
}

fn wrapped(text: &str, size: f64, width: f64, most: usize) -> Vec<String> {
    let mut lines = wrap(text, size, true, width);
    if lines.len() > most {
        lines.truncate(most);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

/// The grid of `data`.
pub fn grid(data: &StressData) -> GridGeom {
    let names: Vec<Vec<String>> = data
        .scenarios
        .iter()
        .map(|s| wrapped(&s.name, NAME_SIZE, COLUMN_WIDTH - 2.0 * GAP, NAME_LINES))
        .collect();
    let lh = (NAME_SIZE * 1.3).round();
    let most = names.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let head = most as f64 * lh + 2.0 * GAP;
    let left = MARGIN + ROW_LABEL_WIDTH;
    let top = MARGIN + head;
    let columns = names
        .into_iter()
        .enumerate()
        .map(|(i, lines)| {
            let cx = left + i as f64 * COLUMN_WIDTH + COLUMN_WIDTH / 2.0;
            let height = lines.len() as f64 * lh;
            block_at(lines, cx, top - GAP - height, NAME_SIZE, "middle")
        })
        .collect();
    let score_left = left + data.scenarios.len() as f64 * COLUMN_WIDTH;
    let mut rows = Vec::new();
    let mut cells = Vec::new();
    for (r, row) in data.rows.iter().enumerate() {
        let y = top + r as f64 * CELL_HEIGHT;
        let lines = wrapped(
            &row.title,
            NAME_SIZE,
            ROW_LABEL_WIDTH - 2.0 * GAP,
            ROW_LINES,
        );
        let height = lines.len() as f64 * lh;
        rows.push(GridRow {
            kind: row.kind,
            item: row.id,
            label: block_at(
                lines,
                left - 2.0 * GAP,
                y + (CELL_HEIGHT - height) / 2.0,
                NAME_SIZE,
                "end",
            ),
            score_x: score_left + SCORE_WIDTH / 2.0,
            score_y: y + CELL_HEIGHT / 2.0 + 5.0,
            holds: row.score.holds,
            of: data.scenarios.len(),
        });
        for (c, s) in data.scenarios.iter().enumerate() {
            let x = left + c as f64 * COLUMN_WIDTH;
            let verdict = row.verdicts.get(c).copied().flatten();
            cells.push(GridCell {
                kind: row.kind,
                item: row.id,
                scenario: s.id,
                x: x + GAP / 2.0,
                y: y + GAP / 2.0,
                w: COLUMN_WIDTH - GAP,
                h: CELL_HEIGHT - GAP,
                cx: x + COLUMN_WIDTH / 2.0,
                verdict,
                shape: verdict.map_or("–", Verdict::shape),
                shape_y: y + CELL_HEIGHT / 2.0 - 1.0,
                word_y: y + CELL_HEIGHT / 2.0 + 15.0,
            });
        }
    }
    GridGeom {
        width: score_left + SCORE_WIDTH + MARGIN,
        height: top + data.rows.len() as f64 * CELL_HEIGHT + MARGIN,
        columns,
        score_x: score_left + SCORE_WIDTH / 2.0,
        score_y: top - GAP - 4.0,
        rows,
        cells,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::backcasting::score;
    use crate::domain::lang::Localized;
    use std::collections::BTreeMap;

    fn term(slug: &str) -> Term {
        Term {
            slug: slug.into(),
            name: Localized {
                sv: Some(slug.into()),
                ..Localized::default()
            },
        }
    }

    fn milestone(id: i64, year: i32, level: &str, depends_on: &[i64]) -> TimelineMilestone {
        TimelineMilestone {
            id,
            year,
            title: format!("Milstolpe nummer {id} med en ganska lång titel"),
            level: level.into(),
            kind: MilestoneKind::Policy,
            actor: String::new(),
            depends_on: depends_on.to_vec(),
        }
    }

    fn data() -> TimelineData {
        let now = 2026;
        TimelineData {
            vision_id: 1,
            title: "Vision".into(),
            horizon: 2050,
            now_year: now,
            public: true,
            levels: vec![term("nationell"), term("regional")],
            milestones: vec![
                milestone(1, 2030, "regional", &[]),
                milestone(2, 2040, "nationell", &[1]),
                // Three in the same year and lane, to crowd the labels.
                milestone(3, 2030, "regional", &[]),
                milestone(4, 2030, "regional", &[1]),
                milestone(5, 2031, "regional", &[]),
            ],
            actions: vec![TimelineAction {
                id: 9,
                text: "Inrätta ett framsynsråd".into(),
                organisation_name: "Region Skåne".into(),
                start: Start::NextYear,
                status: ActionStatus::Proposed,
                year: action_year(now, Start::NextYear),
                milestones: vec![1],
            }],
        }
    }

    #[test]
    fn now_is_on_the_left_and_the_horizon_on_the_right() {
        let g = timeline(&data(), &["Nationell", "Regional"], "Åtgärder");
        assert_eq!((g.first_year, g.last_year), (2026, 2050));
        assert_eq!(g.now_x, g.plot_left);
        assert_eq!(g.horizon_x, g.plot_right);
        // Later years lie further right.
        let x = |id| g.points.iter().find(|p| p.id == id).unwrap().x;
        assert!(x(1) < x(2));
        assert!(g.now_x < x(9) && x(9) < x(1));
        assert!(g.ticks.iter().any(|t| t.year == 2030));
        assert!(g.ticks.windows(2).all(|w| w[0].x < w[1].x));
    }

    #[test]
    fn milestones_sit_in_their_levels_lane_and_actions_in_theirs() {
        let g = timeline(&data(), &["Nationell", "Regional"], "Åtgärder");
        let lanes: Vec<&str> = g.lanes.iter().map(|l| l.slug.as_str()).collect();
        assert_eq!(lanes, ["nationell", "regional", ACTIONS_LANE]);
        for p in &g.points {
            let lane = g.lanes.iter().find(|l| l.slug == p.lane).unwrap();
            assert!(p.y > lane.y && p.y < lane.y + lane.h, "{p:?}");
        }
        let action = g
            .points
            .iter()
            .find(|p| p.kind == ItemKind::Action)
            .unwrap();
        assert_eq!(action.lane, ACTIONS_LANE);
        assert_eq!(action.year, 2027);
    }

    #[test]
    fn an_arrow_runs_from_each_dependency() {
        let g = timeline(&data(), &["Nationell", "Regional"], "Åtgärder");
        let depends: Vec<(i64, i64)> = g
            .arrows
            .iter()
            .filter(|a| a.kind == "depends")
            .map(|a| (a.from, a.to))
            .collect();
        assert_eq!(depends, [(1, 2), (1, 4)]);
        assert!(g.arrows.iter().any(|a| a.kind == "leads" && a.from == 9));
        let a = &g.arrows[0];
        assert!(a.x1 < a.x2, "the arrow points forward in time");
    }

    #[test]
    fn labels_never_meet_each_other_or_a_point() {
        let g = timeline(&data(), &["Nationell", "Regional"], "Åtgärder");
        for (i, p) in g.points.iter().enumerate() {
            for (j, q) in g.points.iter().enumerate() {
                if i != j {
                    assert!(!p.rect.overlaps(&q.rect), "{} meets {}", p.id, q.id);
                    assert!(
                        !p.rect.meets_circle(q.x, q.y, POINT_R),
                        "{} on {}",
                        p.id,
                        q.id
                    );
                }
            }
            // Every label lies inside the drawing.
            assert!(p.rect.x0 >= g.view_x && p.rect.x1 <= g.view_x + g.width);
            assert!(p.rect.y0 >= g.view_y && p.rect.y1 <= g.view_y + g.height);
            assert!(p.label.chars().count() <= LABEL_CHARS);
        }
    }

    #[test]
    fn the_grid_has_a_cell_per_item_and_scenario_with_its_shape() {
        let scenarios: Vec<Column> = (1..=4)
            .map(|id| Column {
                id,
                name: format!("Scenario {id} med ett långt namn som bryts"),
            })
            .collect();
        let verdicts = BTreeMap::from([(1, Verdict::Robust), (2, Verdict::Fails)]);
        let row = StressRow {
            kind: ItemKind::Milestone,
            id: 7,
            title: "Regional framsynsfunktion".into(),
            verdicts: vec![Some(Verdict::Robust), Some(Verdict::Fails), None, None],
            notes: vec![String::new(); 4],
            score: score(&[1, 2, 3, 4], &verdicts),
        };
        let g = grid(&StressData {
            vision_id: 1,
            title: "V".into(),
            public: false,
            scenarios,
            rows: vec![row],
        });
        assert_eq!(g.cells.len(), 4);
        assert_eq!(g.cells[0].shape, "●");
        assert_eq!(g.cells[1].shape, "✕");
        assert_eq!(g.cells[2].shape, "–");
        assert_eq!((g.rows[0].holds, g.rows[0].of), (1, 4));
        for c in &g.cells {
            assert!(c.x >= 0.0 && c.x + c.w <= g.width);
            assert!(c.y >= 0.0 && c.y + c.h <= g.height);
        }
        assert!(g.columns[0].lines.len() > 1, "a long name wraps");
    }
}
