//! The consequence heat table as a chart: what its figures are (kept as they are when a
//! published text freezes them) and the geometry of its SVG. Rows are the programme's
//! levels, columns a set's scenarios; each cell is shaded by how far it leans, but
//! always carries its net valence as a sign and its count as text, so colour is never
//! alone. A region's profile is two such tables side by side: its own, and everyone
//! else's.
//!
//! The words come in already translated; only places, lines and numbers come out.

use serde::{Deserialize, Serialize};

use super::consequence::{HeatRow, Leaning, Profile};
use super::programme::Term;
use super::scenario_chart::{Block, Line, wrap};

/// A scenario as a heat table names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub id: i64,
    pub name: String,
}

/// The figures of a set's heat table, as shown (and as a published text freezes them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeatData {
    pub set_id: i64,
    pub title: String,
    /// Whether the set's consequences are published to visitors.
    pub published: bool,
    pub scenarios: Vec<Column>,
    pub levels: Vec<Term>,
    pub rows: Vec<HeatRow>,
    /// How many consequences the table counts.
    pub total: usize,
}

/// A region's profile of a set, as shown (and frozen).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileData {
    pub organisation_id: i64,
    pub organisation_name: String,
    /// Whether the organisation's submission of the phase is accepted (a visitor sees its
    /// consequences only then).
    pub accepted: bool,
    /// The set, its scenarios and levels; `rows` are everyone's.
    pub heat: HeatData,
    pub profile: Profile,
}

/// How strongly a cell leans: 0 for none (empty or balanced), 1–3 by the share of the
/// cell's consequences the net valence makes up (up to a third, two thirds, more).
pub fn shade(count: usize, net: i64) -> u8 {
    if count == 0 || net == 0 {
        return 0;
    }
    let share = net.unsigned_abs() as f64 / count as f64;
    if share <= 1.0 / 3.0 {
        1
    } else if share <= 2.0 / 3.0 {
        2
    } else {
        3
    }
}

const LABEL_WIDTH: f64 = 150.0;
const COLUMN_WIDTH: f64 = 124.0;
const CELL_HEIGHT: f64 = 60.0;
const GAP: f64 = 4.0;
const MARGIN: f64 = 12.0;
const NAME_SIZE: f64 = 13.0;
const COUNT_SIZE: f64 = 12.0;
/// The most lines a scenario's name takes over its column.
const NAME_LINES: usize = 4;

/// One cell drawn: its box, how it leans and how strongly, and its two texts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellGeom {
    pub scenario: i64,
    pub level: String,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub leaning: Leaning,
    pub shade: u8,
    pub cx: f64,
    pub sign: String,
    pub sign_y: f64,
    pub count: usize,
    pub count_y: f64,
}

/// The heat table's drawing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeatGeom {
    pub width: f64,
    pub height: f64,
    /// The scenarios' names over their columns.
    pub columns: Vec<Block>,
    /// The levels' names beside their rows.
    pub rows: Vec<Block>,
    pub cells: Vec<CellGeom>,
}

fn lines_at(
    lines: Vec<String>,
    x: f64,
    top: f64,
    size: f64,
    bold: bool,
    anchor: &'static str,
) -> Block {
    let lh = (size * 1.3).round();
    Block {
        x,
        anchor,
        size,
        bold,
        lines: lines
            .into_iter()
            .enumerate()
            .map(|(i, text)| Line {
                y: ((top + 0.8 * size + i as f64 * lh) * 10.0).round() / 10.0,
                text,
            })
            .collect(),
    }
}

/// The heat table of `rows` (one per level, named by `level_names` in the same order),
/// with columns named by `scenario_names` in the order of the rows' cells.
pub fn heat(scenario_names: &[&str], level_names: &[&str], rows: &[HeatRow]) -> HeatGeom {
    let wrapped: Vec<Vec<String>> = scenario_names
        .iter()
        .map(|n| {
            let mut lines = wrap(n, NAME_SIZE, true, COLUMN_WIDTH - 2.0 * GAP);
            if lines.len() > NAME_LINES {
                lines.truncate(NAME_LINES);
                if let Some(last) = lines.last_mut() {
                    last.push('…');
                }
            }
            lines
        })
        .collect();
    let lh = (NAME_SIZE * 1.3).round();
    let most = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let head = most as f64 * lh + 2.0 * GAP;
    let left = MARGIN + LABEL_WIDTH;
    let top = MARGIN + head;
    let columns = wrapped
        .into_iter()
        .enumerate()
        .map(|(i, lines)| {
            let cx = left + i as f64 * COLUMN_WIDTH + COLUMN_WIDTH / 2.0;
            let height = lines.len() as f64 * lh;
            lines_at(lines, cx, top - GAP - height, NAME_SIZE, true, "middle")
        })
        .collect();
    let mut labels = Vec::new();
    let mut cells = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let y = top + r as f64 * CELL_HEIGHT;
        let name = level_names.get(r).copied().unwrap_or(row.level.as_str());
        let lines = wrap(name, NAME_SIZE, true, LABEL_WIDTH - 2.0 * GAP);
        let height = lines.len() as f64 * lh;
        labels.push(lines_at(
            lines,
            left - GAP * 2.0,
            y + (CELL_HEIGHT - height) / 2.0,
            NAME_SIZE,
            true,
            "end",
        ));
        for (c, cell) in row.cells.iter().enumerate() {
            let x = left + c as f64 * COLUMN_WIDTH;
            cells.push(CellGeom {
                scenario: cell.scenario,
                level: cell.level.clone(),
                x: x + GAP / 2.0,
                y: y + GAP / 2.0,
                w: COLUMN_WIDTH - GAP,
                h: CELL_HEIGHT - GAP,
                leaning: cell.leaning,
                shade: shade(cell.count, cell.net),
                cx: x + COLUMN_WIDTH / 2.0,
                sign: if cell.count == 0 {
                    "–".to_string()
                } else {
                    cell.sign.clone()
                },
                sign_y: y + CELL_HEIGHT / 2.0 - 1.0,
                count: cell.count,
                count_y: y + CELL_HEIGHT / 2.0 + COUNT_SIZE + 3.0,
            });
        }
    }
    let width = left + scenario_names.len() as f64 * COLUMN_WIDTH + MARGIN;
    let height = top + rows.len() as f64 * CELL_HEIGHT + MARGIN;
    HeatGeom {
        width,
        height,
        columns,
        rows: labels,
        cells,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::consequence::{Counted, Valence, heat_table};

    #[test]
    fn a_cell_is_shaded_by_the_share_its_net_makes_up() {
        assert_eq!(shade(0, 0), 0);
        assert_eq!(shade(4, 0), 0);
        assert_eq!(shade(3, 1), 1);
        assert_eq!(shade(3, -2), 2);
        assert_eq!(shade(2, 2), 3);
    }

    #[test]
    fn the_drawing_has_a_cell_per_level_and_scenario_with_its_sign() {
        let items = [
            Counted {
                scenario: 1,
                level: "regional",
                valence: Some(Valence::Threat),
                organisation: None,
            },
            Counted {
                scenario: 2,
                level: "kommunal",
                valence: Some(Valence::Opportunity),
                organisation: None,
            },
        ];
        let rows = heat_table(&["regional", "kommunal"], &[1, 2], &items);
        let g = heat(
            &[
                "Regionernas decennium med ett mycket långt namn",
                "Egen väg",
            ],
            &["Regional", "Kommunal"],
            &rows,
        );
        assert_eq!(g.cells.len(), 4);
        assert_eq!(g.cells[0].sign, "−1");
        assert_eq!(g.cells[0].shade, 3);
        assert_eq!(g.cells[1].sign, "–");
        assert_eq!(g.cells[3].sign, "+1");
        assert!(g.columns[0].lines.len() > 1, "a long name wraps");
        // Every cell lies inside the drawing.
        for c in &g.cells {
            assert!(c.x >= 0.0 && c.x + c.w <= g.width);
            assert!(c.y >= 0.0 && c.y + c.h <= g.height);
        }
        let first_cell_top = g.cells[0].y;
        for b in &g.columns {
            assert!(b.lines.iter().all(|l| l.y < first_cell_top));
        }
    }
}
