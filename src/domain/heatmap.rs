//! The priority heatmap of workshop 1's home assignment: organisations × trends, each cell
//! the organisation's ranking of the trend, with Borda points totalled per trend and per
//! organisation, and the geometry of its SVG.

use std::collections::BTreeMap;

use serde::Serialize;

use super::placement::text_width;

use super::assignment::TrendRanking;

/// Borda points: the most important of five gets 5, the fifth 1; the least important of
/// three gets −3, the third −1. A trend not ranked gets 0.
pub fn points(most: bool, position: usize) -> i32 {
    let position = position as i32;
    if most {
        (6 - position).max(1)
    } else {
        -(4 - position).max(1)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeatCell {
    /// "most" or "least".
    pub list: &'static str,
    pub position: usize,
    pub points: i32,
    pub x: f64,
    pub y: f64,
    /// 1–5 for most (darker is more important), 1–3 for least.
    pub shade: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub organisation_id: i64,
    pub name: String,
    /// One per column (trend), in column order.
    pub cells: Vec<Option<HeatCell>>,
    pub total: i32,
    pub ranked: usize,
    pub y: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    pub note_id: i64,
    /// The column's label on the picture: the note's bank number.
    pub number: usize,
    pub total: i32,
    pub most: usize,
    pub least: usize,
    pub x: f64,
    /// The trend's name over its column (shortened to [`HEADER_CHARS`]), set turned up
    /// to the right from its baseline start (`label_x`, `label_y`) by `label_transform`.
    pub title: String,
    pub label_x: f64,
    pub label_y: f64,
    pub label_transform: String,
}

/// The longest trend name set over a column; a longer one ends in "…" (the table beside
/// the chart has it whole).
pub const HEADER_CHARS: usize = 30;
/// Size of the names over the columns.
const HEADER_SIZE: f64 = 12.0;

/// A name shortened to `max` characters, with "…" when cut.
fn shorten(name: &str, max: usize) -> String {
    let name = name.trim();
    if name.chars().count() <= max {
        name.to_string()
    } else {
        let cut: String = name.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Heatmap {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    pub width: f64,
    pub height: f64,
    pub cell: f64,
    pub label_width: f64,
    pub top: f64,
}

/// The heatmap of the rankings given as `(organisation id, name, ranking)`, in the order
/// given. Columns are the ranked trends, highest Borda total first (ties by note
/// number), so the same rankings always give the same picture.
pub fn heatmap(rankings: &[(i64, String, TrendRanking)]) -> Heatmap {
    heatmap_named(rankings, &BTreeMap::new())
}

/// The heatmap with each trend's name (by note id) over its column, turned 45° up to the
/// right; the room above the rows and to the right is made for the longest name.
pub fn heatmap_named(
    rankings: &[(i64, String, TrendRanking)],
    titles: &BTreeMap<i64, String>,
) -> Heatmap {
    let mut totals: BTreeMap<i64, (i32, usize, usize)> = BTreeMap::new();
    for (_, _, ranking) in rankings {
        for (i, r) in ranking.most.iter().enumerate() {
            let t = totals.entry(r.note).or_default();
            t.0 += points(true, i + 1);
            t.1 += 1;
        }
        for (i, r) in ranking.least.iter().enumerate() {
            let t = totals.entry(r.note).or_default();
            t.0 += points(false, i + 1);
            t.2 += 1;
        }
    }
    let mut order: Vec<(i64, (i32, usize, usize))> = totals.into_iter().collect();
    order.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(&b.0)));
    // The organisations' names stand left of the rows, whole.
    let cell = 36.0;
    let label_width = rankings
        .iter()
        .map(|(_, name, _)| (text_width(name, 13.0, true) + 16.0).round())
        .fold(220.0, f64::max);
    let names: Vec<String> = order
        .iter()
        .map(|(note, _)| match titles.get(note) {
            Some(title) => format!("#{note} {}", shorten(title, HEADER_CHARS)),
            None => format!("#{note}"),
        })
        .collect();
    // A name turned 45° reaches up and right by its width over √2.
    let reach = names
        .iter()
        .map(|n| text_width(n, HEADER_SIZE, false) * std::f64::consts::FRAC_1_SQRT_2)
        .fold(0.0, f64::max);
    let top = (reach + 20.0).round().max(40.0);
    let columns: Vec<Column> = order
        .iter()
        .zip(names)
        .enumerate()
        .map(|(i, ((note, (total, most, least)), title))| {
            let x = label_width + i as f64 * cell;
            let (lx, ly) = (x + cell / 2.0 - 4.0, top - 8.0);
            Column {
                note_id: *note,
                number: *note as usize,
                total: *total,
                most: *most,
                least: *least,
                x,
                title,
                label_x: lx,
                label_y: ly,
                label_transform: format!("rotate(-45 {lx} {ly})"),
            }
        })
        .collect();
    let rows: Vec<Row> = rankings
        .iter()
        .enumerate()
        .map(|(r, (org, name, ranking))| {
            let y = top + r as f64 * cell;
            let cells = columns
                .iter()
                .map(|c| {
                    let found = ranking
                        .most
                        .iter()
                        .position(|x| x.note == c.note_id)
                        .map(|p| ("most", p + 1))
                        .or_else(|| {
                            ranking
                                .least
                                .iter()
                                .position(|x| x.note == c.note_id)
                                .map(|p| ("least", p + 1))
                        });
                    found.map(|(list, position)| {
                        let pts = points(list == "most", position);
                        HeatCell {
                            list,
                            position,
                            points: pts,
                            x: c.x,
                            y,
                            shade: pts.unsigned_abs(),
                        }
                    })
                })
                .collect::<Vec<_>>();
            Row {
                organisation_id: *org,
                name: name.clone(),
                total: cells.iter().flatten().map(|c| c.points).sum(),
                ranked: cells.iter().flatten().count(),
                cells,
                y,
            }
        })
        .collect();
    // The last name reaches out right of the last column.
    let reach_right = columns
        .last()
        .map(|c| {
            c.label_x + text_width(&c.title, HEADER_SIZE, false) * std::f64::consts::FRAC_1_SQRT_2
        })
        .unwrap_or(0.0);
    Heatmap {
        width: (label_width + columns.len().max(1) as f64 * cell + 8.0)
            .max(reach_right + 16.0)
            .round(),
        height: top + rows.len().max(1) as f64 * cell + 8.0,
        columns,
        rows,
        cell,
        label_width,
        top,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assignment::Ranked;

    fn ranking(most: &[i64], least: &[i64]) -> TrendRanking {
        let r = |notes: &[i64]| {
            notes
                .iter()
                .map(|n| Ranked {
                    note: *n,
                    reason: String::new(),
                })
                .collect()
        };
        TrendRanking {
            most: r(most),
            least: r(least),
        }
    }

    #[test]
    fn borda_points_by_hand() {
        assert_eq!(
            (1..=5).map(|p| points(true, p)).collect::<Vec<_>>(),
            [5, 4, 3, 2, 1]
        );
        assert_eq!(
            (1..=3).map(|p| points(false, p)).collect::<Vec<_>>(),
            [-3, -2, -1]
        );
    }

    #[test]
    fn totals_per_trend_and_organisation() {
        // A: most 10, 11; least 12.  B: most 11, 12; least 10.
        // 10: 5 − 3 = 2; 11: 4 + 5 = 9; 12: −3 + 4 = 1. Columns: 11, 10, 12.
        let map = heatmap(&[
            (1, "A".into(), ranking(&[10, 11], &[12])),
            (2, "B".into(), ranking(&[11, 12], &[10])),
        ]);
        let order: Vec<(i64, i32)> = map.columns.iter().map(|c| (c.note_id, c.total)).collect();
        assert_eq!(order, [(11, 9), (10, 2), (12, 1)]);
        assert_eq!(map.columns[0].most, 2);
        assert_eq!(map.columns[1].least, 1);
        // A's row: 11 → most #2 (4), 10 → most #1 (5), 12 → least #1 (−3); total 6.
        let a = &map.rows[0];
        let points: Vec<Option<i32>> = a
            .cells
            .iter()
            .map(|c| c.as_ref().map(|c| c.points))
            .collect();
        assert_eq!(points, [Some(4), Some(5), Some(-3)]);
        assert_eq!((a.total, a.ranked), (6, 3));
        assert_eq!(
            map,
            heatmap(&[
                (1, "A".into(), ranking(&[10, 11], &[12])),
                (2, "B".into(), ranking(&[11, 12], &[10])),
            ])
        );
    }

    #[test]
    fn trend_names_stand_over_their_columns_with_room_for_them() {
        let rankings = [
            (1, "A".to_string(), ranking(&[10, 11], &[12])),
            (
                2,
                "Sveriges Kommuner och Landsting (SKL)".to_string(),
                ranking(&[11, 12], &[10]),
            ),
        ];
        let titles: BTreeMap<i64, String> = [
            (10, "Åldrande befolkning".to_string()),
            (11, "Grön omställning".to_string()),
            (
                12,
                "En förändrad sammanhållningspolitik i hela Europeiska unionen".to_string(),
            ),
        ]
        .into();
        let plain = heatmap(&rankings);
        let named = heatmap_named(&rankings, &titles);
        let headers: Vec<&str> = named.columns.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(
            headers,
            [
                "#11 Grön omställning",
                "#10 Åldrande befolkning",
                "#12 En förändrad sammanhållningsp…"
            ]
        );
        assert_eq!(plain.columns[0].title, "#11");
        // Room above for the turned names, right for the last one, left for the longest
        // organisation's name.
        assert!(named.top > plain.top && named.rows[0].y == named.top);
        let last = named.columns.last().unwrap();
        let reach = last.label_x
            + text_width(&last.title, HEADER_SIZE, false) * std::f64::consts::FRAC_1_SQRT_2;
        assert!(named.width >= reach);
        assert!(named.label_width >= text_width(&rankings[1].1, 13.0, true));
        assert!(last.label_transform.starts_with("rotate(-45 "));
    }
}
