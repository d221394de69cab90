//! The geometry of a region's roadmap: the organisation's own vision and the shared one
//! as two groups of swimlanes (one lane per level that has milestones, and one for
//! actions) on one time axis from now to the furthest horizon. Every mark carries a short
//! key (M1, A1, …) that the figures' table beside the chart explains, so no label ever
//! has to fit beside another.

use serde::Serialize;

/// One item to place: a milestone (its year) or an action (the year it starts at the
/// latest).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    pub id: i64,
    /// `milestone` or `action`.
    pub kind: &'static str,
    pub year: i32,
    /// The lane: a level's slug for a milestone, `actions` for an action.
    pub lane: String,
}

/// A group of lanes: one vision's items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    /// `own` or `shared`.
    pub key: &'static str,
    pub horizon: i32,
    pub items: Vec<Item>,
}

/// The lane of actions.
pub const ACTIONS: &str = "actions";
/// The two groups of lanes: the organisation's own vision and the shared one.
pub const GROUPS: [&str; 2] = ["own", "shared"];

const LEFT: i32 = 150;
const RIGHT: i32 = 30;
const TOP: i32 = 40;
const PER_YEAR: i32 = 26;
const ROW: i32 = 24;
const HEAD: i32 = 28;
const GAP: i32 = 34;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tick {
    pub x: i32,
    pub year: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mark {
    pub id: i64,
    pub kind: &'static str,
    /// M1, A1, …: the key the table explains.
    pub key: String,
    pub year: i32,
    pub x: i32,
    pub y: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lane {
    pub lane: String,
    pub y: i32,
    pub h: i32,
    pub label_y: i32,
    pub marks: Vec<Mark>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupBox {
    pub key: &'static str,
    pub y: i32,
    pub h: i32,
    pub heading_y: i32,
    /// Where the vision's horizon lies on the axis.
    pub horizon_x: i32,
    pub lanes: Vec<Lane>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Roadmap {
    pub width: i32,
    pub height: i32,
    pub from: i32,
    pub to: i32,
    pub left: i32,
    pub right: i32,
    pub axis_y: i32,
    pub now_x: i32,
    pub ticks: Vec<Tick>,
    pub groups: Vec<GroupBox>,
}

/// Lays out `groups` from `now` (a year) to the furthest horizon or item; `levels` is
/// the programme's order of levels (the lanes' order; actions come last). Items keep
/// their order within a lane; marks of a lane that would touch go to the next row.
pub fn layout(now: i32, levels: &[String], groups: &[Group]) -> Roadmap {
    let years = groups
        .iter()
        .flat_map(|g| g.items.iter().map(|i| i.year).chain([g.horizon]));
    let from = years.clone().chain([now]).min().unwrap_or(now);
    let to = years
        .chain([now + 1])
        .max()
        .unwrap_or(now + 1)
        .max(from + 1);
    let width = LEFT + RIGHT + PER_YEAR * (to - from);
    let x_of = |year: i32| LEFT + PER_YEAR * (year - from);
    let mut y = TOP;
    let (mut milestones, mut actions) = (0, 0);
    let mut boxes = Vec::new();
    for g in groups {
        let top = y;
        y += HEAD;
        let mut lanes = Vec::new();
        let order = levels.iter().map(String::as_str).chain([ACTIONS]);
        for lane in order {
            let mut items: Vec<&Item> = g.items.iter().filter(|i| i.lane == lane).collect();
            if items.is_empty() {
                continue;
            }
            items.sort_by_key(|i| i.year);
            // Rows: each mark goes to the first row whose last mark is far enough away.
            let mut rows: Vec<i32> = Vec::new();
            let mut marks = Vec::new();
            for i in items {
                let x = x_of(i.year);
                let row = match rows.iter().position(|last| x - last >= 30) {
                    Some(r) => r,
                    None => {
                        rows.push(i32::MIN / 2);
                        rows.len() - 1
                    }
                };
                rows[row] = x;
                let key = if i.kind == "action" {
                    actions += 1;
                    format!("A{actions}")
                } else {
                    milestones += 1;
                    format!("M{milestones}")
                };
                marks.push(Mark {
                    id: i.id,
                    kind: i.kind,
                    key,
                    year: i.year,
                    x,
                    y: y + ROW / 2 + 4 + ROW * row as i32,
                });
            }
            let h = ROW * rows.len() as i32 + 8;
            lanes.push(Lane {
                lane: lane.to_string(),
                y,
                h,
                label_y: y + h / 2 + 4,
                marks,
            });
            y += h;
        }
        boxes.push(GroupBox {
            key: g.key,
            y: top,
            h: y - top,
            heading_y: top + 18,
            horizon_x: x_of(g.horizon),
            lanes,
        });
        y += GAP;
    }
    let ticks = (from..=to)
        .filter(|year| year % 5 == 0 || *year == from || *year == to)
        .filter(|year| *year == from || *year == to || (year - from >= 2 && to - year >= 2))
        .map(|year| Tick {
            x: x_of(year),
            year,
        })
        .collect();
    Roadmap {
        width,
        height: y + 10,
        from,
        to,
        left: LEFT,
        right: width - RIGHT,
        axis_y: TOP - 14,
        now_x: x_of(now),
        ticks,
        groups: boxes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: i64, kind: &'static str, year: i32, lane: &str) -> Item {
        Item {
            id,
            kind,
            year,
            lane: lane.into(),
        }
    }

    #[test]
    fn the_axis_runs_from_now_to_the_furthest_horizon() {
        let groups = [
            Group {
                key: "own",
                horizon: 2045,
                items: vec![item(1, "milestone", 2030, "regional")],
            },
            Group {
                key: "shared",
                horizon: 2050,
                items: vec![item(2, "action", 2027, ACTIONS)],
            },
        ];
        let r = layout(2026, &["regional".into()], &groups);
        assert_eq!((r.from, r.to), (2026, 2050));
        assert_eq!(r.groups.len(), 2);
        assert_eq!(r.groups[0].lanes[0].marks[0].key, "M1");
        assert_eq!(r.groups[1].lanes[0].marks[0].key, "A1");
        assert!(r.groups[1].y > r.groups[0].y + r.groups[0].h);
        assert!(r.ticks.iter().any(|t| t.year == 2050 && t.x == r.right));
    }

    #[test]
    fn marks_that_would_touch_go_to_another_row() {
        let groups = [Group {
            key: "own",
            horizon: 2050,
            items: vec![
                item(1, "milestone", 2030, "regional"),
                item(2, "milestone", 2030, "regional"),
                item(3, "milestone", 2040, "regional"),
            ],
        }];
        let r = layout(2026, &["regional".into()], &groups);
        let marks = &r.groups[0].lanes[0].marks;
        assert_ne!(marks[0].y, marks[1].y);
        assert_eq!(marks[0].y, marks[2].y);
    }
}
