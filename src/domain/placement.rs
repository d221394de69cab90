//! Where a chart's small labels go: boxes estimated from the text, and a deterministic
//! search for a place near a point where a label's box meets no other label (and, while
//! one is near, nothing else in the way either). Used by the radar and the driver map.

use serde::Serialize;

/// An axis-aligned box on the chart, `x0 ≤ x1`, `y0 ≤ y1` (screen coordinates).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect {
            x0: x0.min(x1),
            y0: y0.min(y1),
            x1: x0.max(x1),
            y1: y0.max(y1),
        }
    }

    /// The box of a circle.
    pub fn around(x: f64, y: f64, r: f64) -> Rect {
        Rect::new(x - r, y - r, x + r, y + r)
    }

    /// The box of one line of text whose baseline starts at (x, y) drawn with the given
    /// `text-anchor`, `size` px high.
    pub fn of_text(x: f64, y: f64, width: f64, size: f64, anchor: &str) -> Rect {
        let x0 = match anchor {
            "end" => x - width,
            "middle" => x - width / 2.0,
            _ => x,
        };
        Rect::new(x0, y - 0.8 * size, x0 + width, y + 0.25 * size)
    }

    /// Whether the two boxes share more than an edge.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    /// The box grown by `d` on every side.
    pub fn grow(&self, d: f64) -> Rect {
        Rect::new(self.x0 - d, self.y0 - d, self.x1 + d, self.y1 + d)
    }

    /// The smallest box holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        Rect::new(
            self.x0.min(other.x0),
            self.y0.min(other.y0),
            self.x1.max(other.x1),
            self.y1.max(other.y1),
        )
    }

    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    /// Whether the circle of radius `r` around (x, y) reaches into the box.
    pub fn meets_circle(&self, x: f64, y: f64, r: f64) -> bool {
        let nx = x.clamp(self.x0, self.x1);
        let ny = y.clamp(self.y0, self.y1);
        (x - nx).hypot(y - ny) < r
    }

    /// Whether the segment from `a` to `b` passes through the box (Liang–Barsky).
    pub fn meets_segment(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
        for (p, q) in [
            (-dx, a.0 - self.x0),
            (dx, self.x1 - a.0),
            (-dy, a.1 - self.y0),
            (dy, self.y1 - a.1),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
                if t0 > t1 {
                    return false;
                }
            }
        }
        true
    }
}

/// The estimated width of a line of text in a sans-serif face (DejaVu Sans, the face
/// the downloads embed, is among the widest): generous, so boxes never undercount.
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let per = if bold { 0.68 } else { 0.62 };
    text.chars().count() as f64 * size * per
}

/// A label placed beside its point: the baseline start of its text, its box, and a
/// leader line from the point to the box when it had to move away.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub x: f64,
    pub y: f64,
    pub rect: Rect,
    pub leader: Option<[f64; 4]>,
}

/// Directions tried around a point, as (x, y) steps: the diagonals first (where a
/// point's own cross of whiskers is not), then the sides.
pub const AROUND: [(f64, f64); 8] = [
    (1.0, -1.0),
    (1.0, 1.0),
    (-1.0, -1.0),
    (-1.0, 1.0),
    (1.0, 0.0),
    (-1.0, 0.0),
    (0.0, -1.0),
    (0.0, 1.0),
];

/// How far each further try moves away from the point.
const STEP: f64 = 5.0;
/// Tries near the point, where soft obstacles are avoided too.
const NEAR_TRIES: usize = 10;
/// Tries in all; far enough that a place is always found for any chart drawn here.
const ALL_TRIES: usize = 2000;

/// Finds a place for a label `w` × `h` (text `size` px) beside the point (px, py) of
/// radius `r`: the first box, going outwards, that `blocked` allows and, among the near
/// ones, `crowded` allows too. The same input always gives the same place.
pub fn place(
    (px, py): (f64, f64),
    r: f64,
    w: f64,
    size: f64,
    directions: &[(f64, f64)],
    blocked: &dyn Fn(&Rect) -> bool,
    crowded: &dyn Fn(&Rect) -> bool,
) -> Placed {
    let h = 1.05 * size;
    let candidate = |k: usize, (ux, uy): (f64, f64)| -> Rect {
        let d = r + 2.0 + k as f64 * STEP;
        let diagonal = ux != 0.0 && uy != 0.0;
        let reach = if diagonal {
            d * std::f64::consts::FRAC_1_SQRT_2
        } else {
            d
        };
        let cx = px + ux * (reach + w / 2.0);
        let cy = py + uy * (reach + h / 2.0);
        Rect::new(cx - w / 2.0, cy - h / 2.0, cx + w / 2.0, cy + h / 2.0)
    };
    let mut found = None;
    'search: for (limit, soft) in [(NEAR_TRIES, true), (ALL_TRIES, false)] {
        for k in 0..limit {
            for &dir in directions {
                let rect = candidate(k, dir);
                let in_the_way = blocked(&rect) || (soft && crowded(&rect));
                if !in_the_way {
                    found = Some((k, rect));
                    break 'search;
                }
            }
        }
    }
    let (k, rect) = found.unwrap_or_else(|| (ALL_TRIES, candidate(ALL_TRIES, directions[0])));
    let leader = (k > 1).then(|| {
        let (nx, ny) = (px.clamp(rect.x0, rect.x1), py.clamp(rect.y0, rect.y1));
        let (dx, dy) = (nx - px, ny - py);
        let len = dx.hypot(dy).max(f64::EPSILON);
        [px + dx / len * r, py + dy / len * r, nx, ny]
    });
    Placed {
        x: rect.x0,
        y: rect.y0 + 0.8 * size,
        rect,
        leader,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_meet_segments_circles_and_each_other() {
        let r = Rect::new(0.0, 0.0, 10.0, 10.0);
        assert!(r.meets_segment((-5.0, 5.0), (15.0, 5.0)));
        assert!(!r.meets_segment((-5.0, 12.0), (15.0, 12.0)));
        assert!(r.meets_segment((5.0, 5.0), (6.0, 6.0)));
        assert!(!r.meets_segment((11.0, -1.0), (20.0, 8.0)));
        assert!(r.meets_circle(12.0, 5.0, 2.5) && !r.meets_circle(13.0, 13.0, 2.0));
        assert!(r.overlaps(&Rect::new(9.0, 9.0, 20.0, 20.0)));
        assert!(!r.overlaps(&Rect::new(10.0, 0.0, 20.0, 10.0)));
    }

    #[test]
    fn a_label_moves_out_until_it_is_free() {
        let wall = Rect::new(-30.0, -30.0, 30.0, 30.0);
        let p = place(
            (0.0, 0.0),
            3.0,
            14.0,
            11.0,
            &AROUND,
            &|b| b.overlaps(&wall),
            &|_| false,
        );
        assert!(!p.rect.overlaps(&wall));
        assert!(p.leader.is_some());
        let near = place((0.0, 0.0), 3.0, 14.0, 11.0, &AROUND, &|_| false, &|_| false);
        assert!(near.leader.is_none() && near.rect.x0 > 0.0 && near.rect.y1 < 0.0);
    }
}
