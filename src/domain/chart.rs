//! Geometry of the three server-rendered charts: the trend radar, the driver map
//! (impact × uncertainty) and the distribution of one rating question.
//!
//! Only numbers and keys come out of here; templates turn them into SVG and add the
//! translated words. Every coordinate is rounded to one decimal, so the same input
//! always gives the same numbers and the same SVG text (pages can be compared and
//! cached), and no chart depends on anything but its input.

use std::collections::BTreeMap;
use std::f64::consts::{FRAC_PI_2, TAU};

use serde::Serialize;

use super::placement::{AROUND, Rect, place, text_width};
use super::stats::{Scale, Summary};

/// One decimal: enough for a screen, short in the SVG text, and free of `-0`.
fn round1(x: f64) -> f64 {
    let r = (x * 10.0).round() / 10.0;
    if r == 0.0 { 0.0 } else { r }
}

/// A coordinate as it is written in a path: `12`, `12.5`, never `12.500000001`.
fn num(x: f64) -> String {
    format!("{}", round1(x))
}

/// A closed path through the given points.
fn polygon(points: &[(f64, f64)]) -> String {
    let mut d = String::new();
    for (i, (x, y)) in points.iter().enumerate() {
        d.push(if i == 0 { 'M' } else { 'L' });
        d.push_str(&num(*x));
        d.push(' ');
        d.push_str(&num(*y));
    }
    d.push('Z');
    d
}

/// The corners of a regular figure of `corners` points around (x, y), the first at
/// `start` radians (screen angles: 0 is to the right, clockwise), alternating between
/// the radii `outer` and `inner` when `inner` is given (a star).
fn regular(
    x: f64,
    y: f64,
    corners: usize,
    start: f64,
    outer: f64,
    inner: Option<f64>,
) -> Vec<(f64, f64)> {
    let steps = if inner.is_some() {
        corners * 2
    } else {
        corners
    };
    (0..steps)
        .map(|i| {
            let a = start + TAU * i as f64 / steps as f64;
            let radius = match inner {
                Some(inner) if i % 2 == 1 => inner,
                _ => outer,
            };
            (x + radius * a.cos(), y + radius * a.sin())
        })
        .collect()
}

keyed_enum! {
    /// The form of a radar marker. There is one per note type, so kinds differ by form
    /// and not by colour alone; the caller picks them by index ([`Shape::for_index`]).
    Shape {
        Circle => "circle",
        Square => "square",
        Triangle => "triangle",
        Diamond => "diamond",
        Hexagon => "hexagon",
        Star => "star",
        Cross => "cross",
    }
}

impl Shape {
    /// The shape for the `index`-th kind (repeating after seven).
    pub fn for_index(index: usize) -> Shape {
        Shape::ALL[index % Shape::ALL.len()]
    }

    /// The SVG path of this shape centred on (x, y) with the nominal radius `r`. The
    /// figures are sized to look about as large as a circle of radius `r` and stay
    /// within 1.2 `r` of the centre.
    pub fn path(self, x: f64, y: f64, r: f64) -> String {
        match self {
            Shape::Circle => format!(
                "M{} {}A{} {} 0 1 0 {} {}A{} {} 0 1 0 {} {}Z",
                num(x - r),
                num(y),
                num(r),
                num(r),
                num(x + r),
                num(y),
                num(r),
                num(r),
                num(x - r),
                num(y)
            ),
            Shape::Square => {
                let h = 0.85 * r;
                polygon(&[
                    (x - h, y - h),
                    (x + h, y - h),
                    (x + h, y + h),
                    (x - h, y + h),
                ])
            }
            Shape::Triangle => polygon(&regular(x, y + 0.1 * r, 3, -FRAC_PI_2, 1.2 * r, None)),
            Shape::Diamond => polygon(&regular(x, y, 4, -FRAC_PI_2, 1.15 * r, None)),
            Shape::Hexagon => polygon(&regular(x, y, 6, 0.0, 1.05 * r, None)),
            Shape::Star => polygon(&regular(x, y, 5, -FRAC_PI_2, 1.2 * r, Some(0.5 * r))),
            Shape::Cross => {
                let (w, l) = (0.38 * r, 1.1 * r);
                polygon(&[
                    (x - w, y - l),
                    (x + w, y - l),
                    (x + w, y - w),
                    (x + l, y - w),
                    (x + l, y + w),
                    (x + w, y + w),
                    (x + w, y + l),
                    (x - w, y + l),
                    (x - w, y + w),
                    (x - l, y + w),
                    (x - l, y - w),
                    (x - w, y - w),
                ])
            }
        }
    }
}

// ---------------------------------------------------------------------------------
// Trend radar
// ---------------------------------------------------------------------------------

/// Width and height of the radar's viewBox.
const RADAR_SIZE: f64 = 720.0;
/// Outer edge of the outermost ring; the rest of the viewBox holds the sector labels.
const RADAR_RADIUS: f64 = 240.0;
/// How far outside the drawn rings the sector labels sit.
const SECTOR_LABEL_GAP: f64 = 16.0;
/// Marker radii: rated from 5 (median impact 1) to 11 (median impact 5); unrated
/// markers are smaller; crowded cells shrink markers down to `MARKER_MIN`.
const MARKER_LOW: f64 = 5.0;
const MARKER_HIGH: f64 = 11.0;
const MARKER_UNRATED: f64 = 4.0;
const MARKER_MIN: f64 = 3.0;
/// Baseline of a ring label below the ring's outer edge (small text fits above it).
const RING_LABEL_DROP: f64 = 12.0;
/// Space kept between neighbouring markers.
const MARKER_GAP: f64 = 3.0;
/// Size of the marker numbers, the ring labels, the sector labels and the legend.
const NUMBER_SIZE: f64 = 11.0;
const RING_LABEL_SIZE: f64 = 11.0;
const SECTOR_LABEL_SIZE: f64 = 13.0;
const LEGEND_SIZE: f64 = 12.0;
/// Room kept around the drawing inside the viewBox.
const PADDING: f64 = 8.0;
/// Directions tried for a marker's number: to the right first, as it reads.
const NUMBER_AROUND: [(f64, f64); 8] = [
    (1.0, 0.0),
    (1.0, -1.0),
    (1.0, 1.0),
    (-1.0, 0.0),
    (-1.0, -1.0),
    (-1.0, 1.0),
    (0.0, -1.0),
    (0.0, 1.0),
];

/// The words the radar prints, so that their room is kept: one label per sector, one
/// per time band and then that of the ring without one, the legend's entries (each
/// note type's shape and name, in the legend's order) and the word for a marker not
/// rated yet.
#[derive(Debug, Clone, Copy)]
pub struct RadarText<'a> {
    pub sectors: &'a [String],
    pub rings: &'a [String],
    pub legend: &'a [(Shape, String)],
    pub unrated: &'a str,
}

impl RadarText<'static> {
    /// No words at all (for geometry alone).
    pub const NONE: RadarText<'static> = RadarText {
        sectors: &[],
        rings: &[],
        legend: &[],
        unrated: "",
    };
}

/// One entry of the legend drawn under the radar: the symbol as on the chart, and
/// its word.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LegendEntry {
    pub shape: Shape,
    /// `false` for the entry of markers not rated yet (drawn hollow and dashed).
    pub rated: bool,
    /// The symbol's outline in the chart, and the same in a 16 × 16 box (for a legend
    /// in the page).
    pub path: String,
    pub swatch: String,
    /// Baseline start of the word.
    pub x: f64,
    pub y: f64,
    pub label: String,
}

/// The notes of one ring, by sector: the radar as a list, for reading on a phone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RingGroup {
    pub ring: usize,
    pub sectors: Vec<SectorGroup>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectorGroup {
    pub sector: usize,
    /// Note ids and their numbers, by number.
    pub notes: Vec<(i64, usize)>,
}

/// One note on the radar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RadarItem {
    pub id: i64,
    /// The number printed beside the marker: the note's bank number.
    pub number: usize,
    /// The sector (category), 0-based. Past the last sector counts as the last.
    pub sector: usize,
    /// The ring (time band), 0 innermost = nearest in time. `None`, or a ring past the
    /// last, puts the item in the extra outermost ring of items without a time band.
    pub ring: Option<usize>,
    pub shape: Shape,
    /// The median impact on 1..=5, drawn as the marker's size; `None` when not rated.
    pub size: Option<f64>,
}

/// The whole radar, ready to print.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Radar {
    /// The size of the square the rings are drawn in (the geometry's own frame).
    pub size: f64,
    /// The viewBox: the box of everything drawn, with a little padding, so that no
    /// band of it is empty.
    pub view_x: f64,
    pub view_y: f64,
    pub view_w: f64,
    pub view_h: f64,
    pub centre: f64,
    /// Outer edge of the outermost ring drawn.
    pub radius: f64,
    /// Whether some item has no time band, so that the extra outermost ring is drawn
    /// (it is then the last entry of `rings`, with `unplaced: true`). Its room is
    /// always kept, so markers never move when the first item without a band arrives.
    pub has_unplaced_ring: bool,
    /// Innermost first.
    pub rings: Vec<RingGeom>,
    pub sectors: Vec<SectorGeom>,
    /// One per item, ordered by id.
    pub markers: Vec<Marker>,
    /// The symbols of the shapes on the chart (and of a marker not rated, if any).
    pub legend: Vec<LegendEntry>,
    /// The notes by ring and sector, innermost ring first.
    pub groups: Vec<RingGroup>,
    /// The boxes of the ring and sector labels, as placed.
    #[serde(skip)]
    pub word_boxes: Vec<Rect>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RingGeom {
    /// 0 innermost; the ring of items without a time band has the index `rings`.
    pub index: usize,
    pub inner: f64,
    pub outer: f64,
    /// The ring label's place: on the vertical line above the centre, just inside the
    /// ring's outer edge, where a cell of few markers leaves room (they sit mid-ring).
    pub label_x: f64,
    pub label_y: f64,
    /// Whether this is the extra ring of items without a time band.
    pub unplaced: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectorGeom {
    pub index: usize,
    /// Degrees clockwise from twelve o'clock.
    pub start_deg: f64,
    pub end_deg: f64,
    /// The far end of the sector's starting boundary line (from the centre).
    pub line_x2: f64,
    pub line_y2: f64,
    /// The sector label's place, outside the rings, and its `text-anchor`.
    pub label_x: f64,
    pub label_y: f64,
    pub label_anchor: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Marker {
    pub id: i64,
    pub number: usize,
    /// The cell the marker was placed in (ring `rings` is the unplaced ring).
    pub sector: usize,
    pub ring: usize,
    pub x: f64,
    pub y: f64,
    pub r: f64,
    pub shape: Shape,
    /// The marker's outline as an SVG path `d`.
    pub path: String,
    /// Whether the size shows a rating (`false`: not rated yet, default size).
    pub rated: bool,
    /// Where the number goes (baseline start of small text): beside the marker where
    /// it meets no other label, else further out with a leader line to it.
    pub label_x: f64,
    pub label_y: f64,
    /// The leader line from the marker to its number (x1, y1, x2, y2), if moved away.
    pub leader: Option<[f64; 4]>,
}

impl Marker {
    /// The box of the marker's number.
    pub fn label_box(&self) -> Rect {
        number_box(self.label_x, self.label_y, self.number)
    }
}

/// The box of a small bold number whose baseline starts at (x, y).
pub fn number_box(x: f64, y: f64, number: usize) -> Rect {
    Rect::of_text(
        x,
        y,
        text_width(&number.to_string(), NUMBER_SIZE, true),
        NUMBER_SIZE,
        "start",
    )
}

/// The marker radius for a median impact on 1..=5, or the unrated radius.
fn marker_radius(size: Option<f64>) -> (f64, bool) {
    match size {
        Some(s) if s.is_finite() => {
            let s = s.clamp(1.0, 5.0);
            (
                MARKER_LOW + (s - 1.0) / 4.0 * (MARKER_HIGH - MARKER_LOW),
                true,
            )
        }
        _ => (MARKER_UNRATED, false),
    }
}

/// A screen point from a polar one: `angle` in radians clockwise from twelve o'clock.
fn polar(centre: f64, radius: f64, angle: f64) -> (f64, f64) {
    (centre + radius * angle.sin(), centre - radius * angle.cos())
}

/// How many markers fit side by side on a row of radius `rho` across `span` radians,
/// `pitch` apart from each other and half a pitch from the cell's boundary rays.
fn row_capacity(rho: f64, span: f64, pitch: f64) -> usize {
    let half = pitch / (2.0 * rho);
    if !(half.is_finite() && half > 0.0) || half > 1.0 {
        return 0;
    }
    // Neighbours `span / m` apart are 2ρ·sin(span / 2m) apart in a straight line.
    let alpha = half.asin();
    let fit = (span / (2.0 * alpha)).floor();
    if fit >= 1.0 { fit as usize } else { 0 }
}

/// Shares `n` out in proportion to `weights` (largest remainder, earlier rows first on
/// ties); with no weight at all, evenly.
fn apportion(n: usize, weights: &[usize]) -> Vec<usize> {
    let total: usize = weights.iter().sum();
    if weights.is_empty() {
        return Vec::new();
    }
    let weights: Vec<usize> = if total == 0 {
        vec![1; weights.len()]
    } else {
        weights.to_vec()
    };
    let total: usize = weights.iter().sum();
    let mut shares: Vec<usize> = weights.iter().map(|w| n * w / total).collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by_key(|&j| std::cmp::Reverse(n * weights[j] % total));
    let given: usize = shares.iter().sum();
    for &j in order.iter().cycle().take(n - given) {
        shares[j] += 1;
    }
    shares
}

/// A cell's layout: rows of markers (radius of the row, how many on it) and the scale
/// applied to every marker in it.
struct CellLayout {
    rows: Vec<(f64, usize)>,
    scale: f64,
    row_height: f64,
}

/// Lays out `n` markers whose largest radius is `largest` in the band `inner..outer`
/// across `span` radians: first in more rows, then with smaller markers, and when even
/// the smallest markers do not fit, spread evenly over the rows and let them overlap.
/// Rows are centred in the band while that is enough, else packed against its outer
/// edge, where rows are longest (this matters in the narrow inner wedges).
fn layout_cell(n: usize, largest: f64, inner: f64, outer: f64, span: f64) -> CellLayout {
    let band = outer - inner;
    let min_scale = (MARKER_MIN / largest).min(1.0);
    let centred = |k: usize| -> Vec<f64> {
        (0..k)
            .map(|j| inner + (j as f64 + 0.5) * band / k as f64)
            .collect()
    };
    let packed = |k: usize, pitch: f64| -> Vec<f64> {
        (0..k)
            .rev()
            .map(|j| outer - (j as f64 + 0.5) * pitch)
            .collect()
    };
    let mut step = 0;
    loop {
        let scale = (1.0 - 0.1 * step as f64).max(min_scale);
        let pitch = 2.0 * largest * scale + MARKER_GAP;
        let most_rows = (band / pitch).floor().max(0.0) as usize;
        for k in 1..=most_rows {
            for (radii, row_height) in [(centred(k), band / k as f64), (packed(k, pitch), pitch)] {
                let caps: Vec<usize> = radii
                    .iter()
                    .map(|&rho| row_capacity(rho, span, pitch))
                    .collect();
                if caps.iter().sum::<usize>() >= n {
                    let counts = apportion(n, &caps);
                    return CellLayout {
                        rows: radii.into_iter().zip(counts).collect(),
                        scale,
                        row_height,
                    };
                }
            }
        }
        if scale <= min_scale {
            // Crowded: as many rows as the smallest markers allow, items shared out by
            // the length of each row, overlapping where they must.
            let k = most_rows.max(1);
            let radii = centred(k);
            let lengths: Vec<usize> = radii
                .iter()
                .map(|rho| (rho * span * 10.0).round() as usize)
                .collect();
            let counts = apportion(n, &lengths);
            return CellLayout {
                rows: radii.into_iter().zip(counts).collect(),
                scale,
                row_height: band / k as f64,
            };
        }
        step += 1;
    }
}

/// Lays out the trend radar: `sectors` equal slices (at least one) clockwise from
/// twelve o'clock, `rings` bands of equal width (ring 0 innermost), and an extra
/// outermost ring for items without a ring. Every item appears exactly once. Within a
/// cell items are ordered by id and set on rows; a marker's place depends only on the
/// items of its own cell (and on `sectors` and `rings`).
pub fn radar(items: &[RadarItem], sectors: usize, rings: usize, text: &RadarText) -> Radar {
    let sectors = sectors.max(1);
    let centre = RADAR_SIZE / 2.0;
    // The unplaced ring's room is always kept (see `Radar::has_unplaced_ring`).
    let width = RADAR_RADIUS / (rings + 1) as f64;
    let span = TAU / sectors as f64;

    let mut cells: BTreeMap<(usize, usize), Vec<&RadarItem>> = BTreeMap::new();
    for item in items {
        let ring = item.ring.filter(|&r| r < rings).unwrap_or(rings);
        let sector = item.sector.min(sectors - 1);
        cells.entry((ring, sector)).or_default().push(item);
    }
    let has_unplaced_ring = cells.keys().any(|&(ring, _)| ring == rings);

    let mut markers = Vec::with_capacity(items.len());
    for ((ring, sector), mut members) in cells {
        members.sort_by_key(|item| item.id);
        let sized: Vec<(f64, bool)> = members.iter().map(|i| marker_radius(i.size)).collect();
        let largest = sized.iter().map(|s| s.0).fold(MARKER_MIN, f64::max);
        let (inner, outer) = (ring as f64 * width, (ring + 1) as f64 * width);
        let start = sector as f64 * span;
        let layout = layout_cell(members.len(), largest, inner, outer, span);
        let mut queue = members.iter().zip(&sized);
        for (rho, count) in layout.rows {
            for t in 0..count {
                let Some((item, &(base, rated))) = queue.next() else {
                    break;
                };
                let angle = start + (t as f64 + 0.5) * span / count as f64;
                let (x, y) = polar(centre, rho, angle);
                let r = (base * layout.scale)
                    .max(MARKER_MIN)
                    .min(layout.row_height / 2.0);
                let (x, y, r) = (round1(x), round1(y), round1(r));
                markers.push(Marker {
                    id: item.id,
                    number: item.number,
                    sector,
                    ring,
                    x,
                    y,
                    r,
                    shape: item.shape,
                    path: item.shape.path(x, y, r),
                    rated,
                    label_x: round1(x + 1.2 * r + 1.5),
                    label_y: round1(y + 4.0),
                    leader: None,
                });
            }
        }
    }
    markers.sort_by_key(|m| m.id);

    let drawn = if has_unplaced_ring { rings + 1 } else { rings };
    let radius = drawn as f64 * width;
    let ring_geoms = (0..drawn)
        .map(|index| {
            let (inner, outer) = (index as f64 * width, (index + 1) as f64 * width);
            RingGeom {
                index,
                inner: round1(inner),
                outer: round1(outer),
                label_x: round1(centre),
                label_y: round1(centre - outer + RING_LABEL_DROP),
                unplaced: index == rings,
            }
        })
        .collect();
    let sector_geoms = (0..sectors)
        .map(|index| {
            let start = index as f64 * span;
            let mid = start + span / 2.0;
            let (line_x2, line_y2) = polar(centre, radius, start);
            let (label_x, label_y) = polar(centre, radius + SECTOR_LABEL_GAP, mid);
            let side = mid.sin();
            SectorGeom {
                index,
                start_deg: round1(start.to_degrees()),
                end_deg: round1((start + span).to_degrees()),
                line_x2: round1(line_x2),
                line_y2: round1(line_y2),
                label_x: round1(label_x),
                // Text hangs from its baseline: move it down by about a third of its
                // height so the label centres on its point, and below the rings a bit more.
                label_y: round1(label_y + if mid.cos() < -0.5 { 10.0 } else { 4.0 }),
                label_anchor: if side > 0.2 {
                    "start"
                } else if side < -0.2 {
                    "end"
                } else {
                    "middle"
                },
            }
        })
        .collect();

    let mut radar = Radar {
        size: RADAR_SIZE,
        view_x: 0.0,
        view_y: 0.0,
        view_w: RADAR_SIZE,
        view_h: RADAR_SIZE,
        centre,
        radius: round1(radius),
        has_unplaced_ring,
        rings: ring_geoms,
        sectors: sector_geoms,
        markers,
        legend: Vec::new(),
        groups: Vec::new(),
        word_boxes: Vec::new(),
    };
    radar.place_words(text);
    radar.groups = radar.group();
    radar
}

impl Radar {
    /// The boxes of the ring labels and the sector labels.
    pub fn word_boxes(&self, text: &RadarText) -> Vec<Rect> {
        let word = |words: &[String], i: usize| words.get(i).cloned().unwrap_or_default();
        let rings = self.rings.iter().map(|ring| {
            let w = text_width(&word(text.rings, ring.index), RING_LABEL_SIZE, false);
            Rect::of_text(ring.label_x, ring.label_y, w, RING_LABEL_SIZE, "middle")
        });
        let sectors = self.sectors.iter().map(|s| {
            let w = text_width(&word(text.sectors, s.index), SECTOR_LABEL_SIZE, true);
            Rect::of_text(s.label_x, s.label_y, w, SECTOR_LABEL_SIZE, s.label_anchor)
        });
        rings.chain(sectors).collect()
    }

    /// Every label's box: the ring and sector labels, then the markers' numbers. No two
    /// of them overlap.
    pub fn label_boxes(&self) -> Vec<Rect> {
        let numbers = self.markers.iter().map(Marker::label_box);
        self.word_boxes.iter().copied().chain(numbers).collect()
    }

    /// The box of everything drawn (before the padding of the viewBox).
    pub fn drawing_box(&self, text: &RadarText) -> Rect {
        let c = self.centre;
        let mut all = Rect::around(c, c, self.radius);
        for b in self.word_boxes(text) {
            all = all.union(&b);
        }
        for m in &self.markers {
            all = all
                .union(&Rect::around(m.x, m.y, 1.2 * m.r))
                .union(&m.label_box());
        }
        for e in &self.legend {
            all = all.union(&legend_box(e));
        }
        all
    }

    /// Places the markers' numbers so that no two labels meet (nor a ring or sector
    /// label), then the legend under the rings, then fits the viewBox to the drawing.
    fn place_words(&mut self, text: &RadarText) {
        self.word_boxes = self.word_boxes(text);
        let mut taken = self.word_boxes.clone();
        let discs: Vec<(f64, f64, f64)> =
            self.markers.iter().map(|m| (m.x, m.y, 1.2 * m.r)).collect();
        for m in &mut self.markers {
            let w = text_width(&m.number.to_string(), NUMBER_SIZE, true);
            let spot = place(
                (m.x, m.y),
                1.2 * m.r,
                w,
                NUMBER_SIZE,
                &NUMBER_AROUND,
                &|b| taken.iter().any(|t| t.grow(0.5).overlaps(b)),
                &|b| discs.iter().any(|&(x, y, r)| b.meets_circle(x, y, r + 0.5)),
            );
            m.label_x = round1(spot.x);
            m.label_y = round1(spot.y);
            m.leader = spot.leader.map(|l| l.map(round1));
            taken.push(m.label_box());
        }

        // The legend: one entry per shape on the chart, in the legend's order, then
        // one for markers not rated yet; in rows as wide as the drawing above.
        let above = self.drawing_box(text);
        let mut entries: Vec<(Shape, bool, String)> = text
            .legend
            .iter()
            .filter(|(shape, _)| self.markers.iter().any(|m| m.shape == *shape))
            .map(|(shape, label)| (*shape, true, label.clone()))
            .collect();
        if self.markers.iter().any(|m| !m.rated) {
            entries.push((Shape::Circle, false, text.unrated.to_string()));
        }
        let (left, right) = (above.x0, above.x1);
        let (mut x, mut y) = (left, above.y1 + 24.0);
        for (shape, rated, label) in entries {
            let w = 22.0 + text_width(&label, LEGEND_SIZE, false);
            if x > left && x + w > right {
                x = left;
                y += 22.0;
            }
            self.legend.push(LegendEntry {
                shape,
                rated,
                path: shape.path(round1(x + 8.0), round1(y - 4.5), 6.0),
                swatch: shape.path(8.0, 8.0, 6.0),
                x: round1(x + 22.0),
                y: round1(y),
                label,
            });
            x += w + 18.0;
        }

        let view = self.drawing_box(text).grow(PADDING);
        self.view_x = round1(view.x0);
        self.view_y = round1(view.y0);
        self.view_w = round1(view.width());
        self.view_h = round1(view.height());
    }

    /// The notes by ring and sector.
    fn group(&self) -> Vec<RingGroup> {
        let mut cells: BTreeMap<usize, BTreeMap<usize, Vec<(i64, usize)>>> = BTreeMap::new();
        for m in &self.markers {
            cells
                .entry(m.ring)
                .or_default()
                .entry(m.sector)
                .or_default()
                .push((m.id, m.number));
        }
        cells
            .into_iter()
            .map(|(ring, sectors)| RingGroup {
                ring,
                sectors: sectors
                    .into_iter()
                    .map(|(sector, mut notes)| {
                        notes.sort_by_key(|&(id, number)| (number, id));
                        SectorGroup { sector, notes }
                    })
                    .collect(),
            })
            .collect()
    }
}

/// The box of a legend entry: its symbol and its word.
pub fn legend_box(e: &LegendEntry) -> Rect {
    let word = Rect::of_text(
        e.x,
        e.y,
        text_width(&e.label, LEGEND_SIZE, false),
        LEGEND_SIZE,
        "start",
    );
    word.union(&Rect::around(e.x - 14.0, e.y - 4.5, 7.2))
}

// ---------------------------------------------------------------------------------
// Driver map
// ---------------------------------------------------------------------------------

const MAP_WIDTH: f64 = 620.0;
const MAP_HEIGHT: f64 = 600.0;
const PLOT_X: f64 = 80.0;
const PLOT_Y: f64 = 20.0;
const PLOT_SIZE: f64 = 520.0;
/// The plot shows 0.5..5.5 so that points on 1 or 5 keep clear of the frame.
const DOMAIN_LOW: f64 = 0.5;
const DOMAIN_HIGH: f64 = 5.5;
/// Where the quadrants meet, on both axes.
const MIDPOINT: f64 = 3.0;
/// Points sharing a place are set in columns of this many, this far apart.
const STACK_ROWS: usize = 4;
const STACK_DY: f64 = 12.0;
const STACK_DX: f64 = 28.0;
/// Radius of a point on the map.
const POINT_R: f64 = 5.0;

/// One driver with the figures of its impact and uncertainty ratings, on 1..=5.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DriverItem {
    pub id: i64,
    pub number: usize,
    pub impact_median: f64,
    pub impact_q1: f64,
    pub impact_q3: f64,
    pub uncertainty_median: f64,
    pub uncertainty_q1: f64,
    pub uncertainty_q3: f64,
}

impl DriverItem {
    /// A driver from the summaries of its two questions; `None` while either has no
    /// answer on the scale.
    pub fn from_summaries(
        id: i64,
        number: usize,
        impact: &Summary,
        uncertainty: &Summary,
    ) -> Option<DriverItem> {
        Some(DriverItem {
            id,
            number,
            impact_median: impact.median?,
            impact_q1: impact.q1?,
            impact_q3: impact.q3?,
            uncertainty_median: uncertainty.median?,
            uncertainty_q1: uncertainty.q1?,
            uncertainty_q3: uncertainty.q3?,
        })
    }
}

keyed_enum! {
    /// The four fields of the driver map, split at the middle of both scales.
    Quadrant {
        CriticalUncertainties => "critical_uncertainties",
        Predetermined => "predetermined",
        WildCardsToWatch => "wild_cards_to_watch",
        Background => "background",
    }
}

impl Quadrant {
    /// The field of a median impact and uncertainty. Only a median above the midpoint is
    /// high: a median exactly on it (3, the scale's middle answer) says the group's
    /// middle view is neither high nor low, and a note is not called a critical
    /// uncertainty (a candidate scenario axis) on the strength of a middle answer. The
    /// chart says so beside the picture.
    pub fn of(impact: f64, uncertainty: f64) -> Quadrant {
        match (impact > MIDPOINT, uncertainty > MIDPOINT) {
            (true, true) => Quadrant::CriticalUncertainties,
            (true, false) => Quadrant::Predetermined,
            (false, true) => Quadrant::WildCardsToWatch,
            (false, false) => Quadrant::Background,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DriverMap {
    /// The viewBox: its origin (above or left of 0 when a crowded label sits outside
    /// the frame), width and height.
    pub view_x: f64,
    pub view_y: f64,
    pub width: f64,
    pub height: f64,
    /// The plot area (the frame of the quadrants).
    pub plot_x: f64,
    pub plot_y: f64,
    pub plot_w: f64,
    pub plot_h: f64,
    pub plot_right: f64,
    pub plot_bottom: f64,
    /// Impact, 1..=5 along the bottom.
    pub x_ticks: Vec<Tick>,
    /// Uncertainty, 1..=5 up the left side.
    pub y_ticks: Vec<Tick>,
    /// Place of the x axis title (centred) and of the y axis title, which is turned a
    /// quarter left by `y_label_transform`.
    pub x_label_x: f64,
    pub x_label_y: f64,
    pub y_label_x: f64,
    pub y_label_y: f64,
    pub y_label_transform: String,
    /// The midpoint lines between the quadrants.
    pub mid_x: f64,
    pub mid_y: f64,
    /// Critical uncertainties, predetermined, wild cards to watch, background.
    pub quadrants: Vec<QuadrantGeom>,
    /// Ordered by id.
    pub points: Vec<DriverPoint>,
}

/// A scale point on an axis: its value, its place along the axis, and its label's place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tick {
    pub value: i32,
    pub pos: f64,
    pub label_x: f64,
    pub label_y: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuadrantGeom {
    pub key: Quadrant,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// The label's place, in the quadrant's outer corner, and its `text-anchor`.
    pub label_x: f64,
    pub label_y: f64,
    pub label_anchor: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DriverPoint {
    pub id: i64,
    pub number: usize,
    /// The point (moved a little when it shares its place with others).
    pub x: f64,
    pub y: f64,
    pub r: f64,
    /// Horizontal whisker: impact q1 to q3 (x1 ≤ x2), drawn at `y`.
    pub x1: f64,
    pub x2: f64,
    /// Vertical whisker: uncertainty q3 to q1 on screen (y1 ≤ y2), drawn at `x`.
    pub y1: f64,
    pub y2: f64,
    /// The field of the medians (before any move).
    pub quadrant: Quadrant,
    /// Where the number goes (baseline start of small text): beside the point where
    /// its box meets no whisker, point or other number, else further out with a leader.
    pub label_x: f64,
    pub label_y: f64,
    pub leader: Option<[f64; 4]>,
    /// How far the point was moved from its true place to keep numbers apart.
    pub dx: f64,
    pub dy: f64,
}

/// A rating figure as drawn: on 1..=5, and the midpoint if it is not a number at all.
fn on_scale(value: f64) -> f64 {
    if value.is_finite() {
        value.clamp(1.0, 5.0)
    } else {
        MIDPOINT
    }
}

fn map_x(value: f64) -> f64 {
    PLOT_X + (value - DOMAIN_LOW) / (DOMAIN_HIGH - DOMAIN_LOW) * PLOT_SIZE
}

fn map_y(value: f64) -> f64 {
    PLOT_Y + PLOT_SIZE - (value - DOMAIN_LOW) / (DOMAIN_HIGH - DOMAIN_LOW) * PLOT_SIZE
}

/// The box of a driver's number.
pub fn driver_label_box(p: &DriverPoint) -> Rect {
    number_box(p.label_x, p.label_y, p.number)
}

/// The whisker lines of a point, as segments.
pub fn whiskers(p: &DriverPoint) -> [((f64, f64), (f64, f64)); 2] {
    [((p.x1, p.y), (p.x2, p.y)), ((p.x, p.y1), (p.x, p.y2))]
}

/// Sets every driver's number where its box meets no whisker line, no point and no
/// other number (and, while there is such room near, stays inside the plot and off the
/// quadrants' labels in the corners); in id order. Returns the boxes.
fn label_drivers(points: &mut [DriverPoint]) -> Vec<Rect> {
    let lines: Vec<((f64, f64), (f64, f64))> = points.iter().flat_map(whiskers).collect();
    let discs: Vec<(f64, f64, f64)> = points.iter().map(|p| (p.x, p.y, p.r)).collect();
    let plot = Rect::new(PLOT_X, PLOT_Y, PLOT_X + PLOT_SIZE, PLOT_Y + PLOT_SIZE);
    let corners = [
        Rect::new(PLOT_X, PLOT_Y, PLOT_X + 190.0, PLOT_Y + 28.0),
        Rect::new(
            PLOT_X + PLOT_SIZE - 190.0,
            PLOT_Y,
            PLOT_X + PLOT_SIZE,
            PLOT_Y + 28.0,
        ),
        Rect::new(
            PLOT_X,
            PLOT_Y + PLOT_SIZE - 28.0,
            PLOT_X + 190.0,
            PLOT_Y + PLOT_SIZE,
        ),
        Rect::new(
            PLOT_X + PLOT_SIZE - 190.0,
            PLOT_Y + PLOT_SIZE - 28.0,
            PLOT_X + PLOT_SIZE,
            PLOT_Y + PLOT_SIZE,
        ),
    ];
    let mut taken: Vec<Rect> = Vec::new();
    for p in points.iter_mut() {
        let w = text_width(&p.number.to_string(), NUMBER_SIZE, true);
        let spot = place(
            (p.x, p.y),
            p.r,
            w,
            NUMBER_SIZE,
            &AROUND,
            &|b| {
                let b1 = b.grow(1.0);
                taken.iter().any(|t| t.grow(0.5).overlaps(b))
                    || lines.iter().any(|&(a, z)| b1.meets_segment(a, z))
                    || discs.iter().any(|&(x, y, r)| b1.meets_circle(x, y, r))
            },
            &|b| {
                b.x0 < plot.x0
                    || b.y0 < plot.y0
                    || b.x1 > plot.x1
                    || b.y1 > plot.y1
                    || corners.iter().any(|c| c.overlaps(b))
            },
        );
        p.label_x = round1(spot.x);
        p.label_y = round1(spot.y);
        p.leader = spot.leader.map(|l| l.map(round1));
        taken.push(driver_label_box(p));
    }
    taken
}

/// Lays out the driver map: impact along x, uncertainty up y, four quadrants split at
/// 3, each driver at its medians with whiskers over the interquartile ranges. Drivers
/// at the same place are set apart in small columns, in id order, so every number stays
/// readable; the move is the same for the same drivers.
pub fn driver_map(items: &[DriverItem]) -> DriverMap {
    let mut sorted: Vec<&DriverItem> = items.iter().collect();
    sorted.sort_by_key(|item| item.id);

    // Drivers by their true place, in tenths of a unit of the viewBox.
    let mut places: BTreeMap<(i64, i64), Vec<usize>> = BTreeMap::new();
    for (i, item) in sorted.iter().enumerate() {
        let x = map_x(on_scale(item.impact_median));
        let y = map_y(on_scale(item.uncertainty_median));
        let key = ((x * 10.0).round() as i64, (y * 10.0).round() as i64);
        places.entry(key).or_default().push(i);
    }
    let mut offsets = vec![(0.0, 0.0); sorted.len()];
    for group in places.values() {
        let k = group.len();
        let columns = k.div_ceil(STACK_ROWS);
        for (j, &i) in group.iter().enumerate() {
            let (column, row) = (j / STACK_ROWS, j % STACK_ROWS);
            let rows_here = (k - column * STACK_ROWS).min(STACK_ROWS);
            offsets[i] = (
                (column as f64 - (columns as f64 - 1.0) / 2.0) * STACK_DX,
                (row as f64 - (rows_here as f64 - 1.0) / 2.0) * STACK_DY,
            );
        }
    }

    let points = sorted
        .iter()
        .zip(offsets)
        .map(|(item, (dx, dy))| {
            let (impact, uncertainty) = (
                on_scale(item.impact_median),
                on_scale(item.uncertainty_median),
            );
            let x = map_x(impact) + dx;
            let y = map_y(uncertainty) + dy;
            let (ix1, ix2) = (
                map_x(on_scale(item.impact_q1)),
                map_x(on_scale(item.impact_q3)),
            );
            let (uy1, uy2) = (
                map_y(on_scale(item.uncertainty_q1)),
                map_y(on_scale(item.uncertainty_q3)),
            );
            DriverPoint {
                id: item.id,
                number: item.number,
                x: round1(x),
                y: round1(y),
                r: POINT_R,
                x1: round1(ix1.min(ix2) + dx),
                x2: round1(ix1.max(ix2) + dx),
                y1: round1(uy1.min(uy2) + dy),
                y2: round1(uy1.max(uy2) + dy),
                quadrant: Quadrant::of(impact, uncertainty),
                label_x: round1(x + POINT_R + 2.0),
                label_y: round1(y + 4.0),
                leader: None,
                dx: round1(dx),
                dy: round1(dy),
            }
        })
        .collect::<Vec<DriverPoint>>();
    let mut points = points;
    let labels = label_drivers(&mut points);

    let ticks = |vertical: bool| -> Vec<Tick> {
        (1..=5)
            .map(|value| {
                if vertical {
                    let pos = map_y(f64::from(value));
                    Tick {
                        value,
                        pos: round1(pos),
                        label_x: PLOT_X - 10.0,
                        label_y: round1(pos + 4.0),
                    }
                } else {
                    let pos = map_x(f64::from(value));
                    Tick {
                        value,
                        pos: round1(pos),
                        label_x: round1(pos),
                        label_y: PLOT_Y + PLOT_SIZE + 20.0,
                    }
                }
            })
            .collect()
    };

    let (mid_x, mid_y) = (map_x(MIDPOINT), map_y(MIDPOINT));
    let (right, bottom) = (PLOT_X + PLOT_SIZE, PLOT_Y + PLOT_SIZE);
    let quadrant = |key: Quadrant| -> QuadrantGeom {
        let high_impact = matches!(
            key,
            Quadrant::CriticalUncertainties | Quadrant::Predetermined
        );
        let high_uncertainty = matches!(
            key,
            Quadrant::CriticalUncertainties | Quadrant::WildCardsToWatch
        );
        let (x, w) = if high_impact {
            (mid_x, right - mid_x)
        } else {
            (PLOT_X, mid_x - PLOT_X)
        };
        let (y, h) = if high_uncertainty {
            (PLOT_Y, mid_y - PLOT_Y)
        } else {
            (mid_y, bottom - mid_y)
        };
        QuadrantGeom {
            key,
            x: round1(x),
            y: round1(y),
            w: round1(w),
            h: round1(h),
            label_x: round1(if high_impact {
                right - 10.0
            } else {
                PLOT_X + 10.0
            }),
            label_y: round1(if high_uncertainty {
                PLOT_Y + 20.0
            } else {
                bottom - 10.0
            }),
            label_anchor: if high_impact { "end" } else { "start" },
        }
    };

    let y_label = (PLOT_X - 48.0, PLOT_Y + PLOT_SIZE / 2.0);
    let view = labels
        .iter()
        .fold(Rect::new(0.0, 0.0, MAP_WIDTH, MAP_HEIGHT), |all, b| {
            all.union(&b.grow(4.0))
        });
    DriverMap {
        view_x: round1(view.x0),
        view_y: round1(view.y0),
        width: round1(view.width()),
        height: round1(view.height()),
        plot_x: PLOT_X,
        plot_y: PLOT_Y,
        plot_w: PLOT_SIZE,
        plot_h: PLOT_SIZE,
        plot_right: right,
        plot_bottom: bottom,
        x_ticks: ticks(false),
        y_ticks: ticks(true),
        x_label_x: round1(PLOT_X + PLOT_SIZE / 2.0),
        x_label_y: PLOT_Y + PLOT_SIZE + 48.0,
        y_label_x: round1(y_label.0),
        y_label_y: round1(y_label.1),
        y_label_transform: format!("rotate(-90 {} {})", num(y_label.0), num(y_label.1)),
        mid_x: round1(mid_x),
        mid_y: round1(mid_y),
        quadrants: Quadrant::ALL.iter().map(|&key| quadrant(key)).collect(),
        points,
    }
}

// ---------------------------------------------------------------------------------
// Rating distribution
// ---------------------------------------------------------------------------------

const DIST_WIDTH: f64 = 600.0;
const DIST_HEIGHT: f64 = 250.0;
const DIST_MARGIN: f64 = 24.0;
/// Top of the area of bars, median and interquartile band.
const DIST_TOP: f64 = 12.0;
/// The axis line; bars stand on it, scale labels hang below it.
const DIST_AXIS: f64 = 176.0;
/// Room kept above the tallest bar for its count.
const COUNT_ROOM: f64 = 22.0;
/// A bar's width as a share of its column.
const BAR_SHARE: f64 = 0.56;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Distribution {
    /// viewBox width and height.
    pub width: f64,
    pub height: f64,
    /// The area of bars, median line and interquartile band: `top` down to `axis_y`.
    pub top: f64,
    pub axis_y: f64,
    pub band_h: f64,
    /// The median line's upper end: below the room of the counts, so it crosses none.
    pub median_y1: f64,
    pub axis_x1: f64,
    pub axis_x2: f64,
    /// Width of a column (for the own-answer frame).
    pub col_w: f64,
    /// Lower end of the tick marks under the axis, the baseline of the scale labels'
    /// first line (the number) and of their second (the scale's word).
    pub tick_y2: f64,
    pub tick_label_y: f64,
    pub word_label_y: f64,
    pub columns: Vec<Column>,
    pub n: usize,
    pub dont_know: usize,
    pub median_x: Option<f64>,
    /// The interquartile band: from `iqr_x1`, `iqr_w` wide (0 when q1 = q3).
    pub iqr_x1: Option<f64>,
    pub iqr_x2: Option<f64>,
    pub iqr_w: Option<f64>,
    /// The column of the viewer's own answer, if they gave one on the scale.
    pub own_x: Option<f64>,
    /// Left edge of the own-answer frame.
    pub own_rect_x: Option<f64>,
}

/// One scale point and its answers: a bar as tall as its share of the largest count,
/// with the count printed on it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    pub value: i32,
    /// Centre of the column (its tick).
    pub x: f64,
    /// All answers on this point.
    pub count: usize,
    /// The bar: left edge, top, width and height (0 high when no one answered so).
    pub bar_x: f64,
    pub bar_y: f64,
    pub bar_w: f64,
    pub bar_h: f64,
    /// Baseline of the count, just above the bar.
    pub count_y: f64,
    /// Whether this is the viewer's own answer.
    pub own: bool,
}

/// Lays out the distribution of one question's answers: a bar per scale point with the
/// count on it, the median as a line, the interquartile range as a band, and the
/// viewer's own answer framed.
pub fn distribution(summary: &Summary, scale: Scale, own: Option<i32>) -> Distribution {
    let points: Vec<i32> = scale.points().collect();
    let step = (DIST_WIDTH - 2.0 * DIST_MARGIN) / points.len().max(1) as f64;
    let x_of = |value: f64| -> f64 {
        let value = value.clamp(f64::from(scale.min), f64::from(scale.max.max(scale.min)));
        DIST_MARGIN + (value - f64::from(scale.min) + 0.5) * step
    };
    let own = own.filter(|&v| scale.contains(v));
    let counts: Vec<usize> = (0..points.len())
        .map(|i| summary.counts.get(i).copied().unwrap_or(0))
        .collect();
    let most = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let room = DIST_AXIS - DIST_TOP - COUNT_ROOM;
    let bar_w = step * BAR_SHARE;
    let columns = points
        .iter()
        .zip(&counts)
        .map(|(&value, &count)| {
            let x = round1(x_of(f64::from(value)));
            let h = count as f64 / most * room;
            Column {
                value,
                x,
                count,
                bar_x: round1(x - bar_w / 2.0),
                bar_y: round1(DIST_AXIS - h),
                bar_w: round1(bar_w),
                bar_h: round1(h),
                count_y: round1(DIST_AXIS - h - 6.0),
                own: own == Some(value),
            }
        })
        .collect();
    let figure = |v: Option<f64>| v.filter(|v| v.is_finite()).map(|v| round1(x_of(v)));
    let (iqr_x1, iqr_x2) = (figure(summary.q1), figure(summary.q3));
    let own_x = own.map(|v| round1(x_of(f64::from(v))));
    Distribution {
        width: DIST_WIDTH,
        height: DIST_HEIGHT,
        top: DIST_TOP,
        axis_y: DIST_AXIS,
        band_h: DIST_AXIS - DIST_TOP,
        median_y1: DIST_TOP + COUNT_ROOM,
        axis_x1: DIST_MARGIN,
        axis_x2: DIST_WIDTH - DIST_MARGIN,
        col_w: round1(step - 2.0),
        tick_y2: DIST_AXIS + 5.0,
        tick_label_y: DIST_AXIS + 24.0,
        word_label_y: DIST_AXIS + 44.0,
        columns,
        n: summary.n,
        dont_know: summary.dont_know,
        median_x: figure(summary.median),
        iqr_x1: iqr_x1.zip(iqr_x2).map(|(a, b)| a.min(b)),
        iqr_x2: iqr_x1.zip(iqr_x2).map(|(a, b)| a.max(b)),
        iqr_w: iqr_x1.zip(iqr_x2).map(|(a, b)| round1((b - a).abs())),
        own_x,
        own_rect_x: own_x.map(|x| round1(x - step / 2.0 + 1.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::stats::summarise;

    /// The radar's geometry without words.
    fn radar(items: &[RadarItem], sectors: usize, rings: usize) -> Radar {
        super::radar(items, sectors, rings, &RadarText::NONE)
    }

    fn item(id: i64, sector: usize, ring: Option<usize>) -> RadarItem {
        RadarItem {
            id,
            number: id as usize,
            sector,
            ring,
            shape: Shape::for_index(id as usize),
            size: Some((id % 5 + 1) as f64),
        }
    }

    /// Checks that every marker's centre lies in its own sector and its disc in its
    /// own ring band (allowing the rounding to one decimal).
    fn assert_inside(radar: &Radar, sectors: usize, rings: usize) {
        let width = RADAR_RADIUS / (rings + 1) as f64;
        let span = 360.0 / sectors as f64;
        for m in &radar.markers {
            let (dx, dy) = (m.x - radar.centre, radar.centre - m.y);
            let rho = dx.hypot(dy);
            let mut deg = dx.atan2(dy).to_degrees();
            if deg < 0.0 {
                deg += 360.0;
            }
            let (inner, outer) = (m.ring as f64 * width, (m.ring + 1) as f64 * width);
            assert!(
                rho - m.r >= inner - 0.2 && rho + m.r <= outer + 0.2,
                "marker {} at ρ {rho} r {} outside ring {} ({inner}..{outer})",
                m.id,
                m.r,
                m.ring
            );
            let (a0, a1) = (m.sector as f64 * span, (m.sector + 1) as f64 * span);
            // A full circle has no boundary: any angle is inside.
            assert!(
                sectors == 1 || (deg >= a0 - 0.1 && deg <= a1 + 0.1),
                "marker {} at {deg}° outside sector {} ({a0}..{a1})",
                m.id,
                m.sector
            );
        }
    }

    fn ids(radar: &Radar) -> Vec<i64> {
        radar.markers.iter().map(|m| m.id).collect()
    }

    #[test]
    fn every_item_is_placed_once_even_in_a_crowded_cell() {
        let items: Vec<RadarItem> = (1..=300).map(|id| item(id, 2, Some(1))).collect();
        let r = radar(&items, 6, 4);
        assert_eq!(ids(&r), (1..=300).collect::<Vec<_>>());
        assert!(r.markers.iter().all(|m| m.r >= MARKER_MIN - 0.05));
        assert_inside(&r, 6, 4);
    }

    #[test]
    fn the_same_items_give_the_same_radar() {
        let items: Vec<RadarItem> = (1..=40)
            .map(|id| item(id * 7 % 41, (id % 6) as usize, Some((id % 5) as usize)))
            .collect();
        let a = serde_json::to_string(&radar(&items, 6, 4)).unwrap();
        let mut shuffled = items.clone();
        shuffled.reverse();
        let b = serde_json::to_string(&radar(&shuffled, 6, 4)).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn a_marker_stays_when_another_cell_fills() {
        let items = vec![
            item(1, 0, Some(0)),
            item(2, 0, Some(0)),
            item(3, 3, Some(2)),
        ];
        let before = radar(&items, 6, 4);
        let mut more = items.clone();
        more.extend((10..30).map(|id| item(id, 1, Some(0))));
        more.push(item(99, 4, None));
        let after = radar(&more, 6, 4);
        assert!(after.has_unplaced_ring && !before.has_unplaced_ring);
        for id in [1, 2, 3] {
            let find = |r: &Radar| {
                r.markers
                    .iter()
                    .find(|m| m.id == id)
                    .map(|m| (m.x, m.y, m.r, m.path.clone()))
            };
            assert_eq!(find(&before), find(&after));
        }
    }

    #[test]
    fn any_number_of_sectors_works() {
        for sectors in [1, 2, 6, 7, 12] {
            let items: Vec<RadarItem> = (0..120)
                .map(|id| item(id, (id as usize * 5) % sectors, Some(id as usize % 4)))
                .collect();
            let r = radar(&items, sectors, 4);
            assert_eq!(r.sectors.len(), sectors);
            assert_eq!(r.markers.len(), 120);
            assert_inside(&r, sectors, 4);
            let last = r.sectors.last().unwrap();
            assert_eq!(last.end_deg, 360.0);
        }
    }

    #[test]
    fn cells_of_every_size_stay_inside() {
        for n in [1, 2, 3, 5, 8, 13, 21, 34, 55, 89] {
            for ring in [Some(0), Some(3), None] {
                let items: Vec<RadarItem> = (0..n).map(|id| item(id, 6, ring)).collect();
                let r = radar(&items, 12, 4);
                assert_eq!(r.markers.len(), n as usize);
                assert_inside(&r, 12, 4);
            }
        }
    }

    #[test]
    fn markers_keep_apart_while_there_is_room() {
        let items: Vec<RadarItem> = (0..6).map(|id| item(id, 0, Some(3))).collect();
        let r = radar(&items, 6, 4);
        for (i, a) in r.markers.iter().enumerate() {
            for b in &r.markers[i + 1..] {
                let d = (a.x - b.x).hypot(a.y - b.y);
                assert!(d >= a.r + b.r, "{} and {} overlap", a.id, b.id);
            }
        }
        assert!(r.markers.iter().all(|m| m.rated));
    }

    #[test]
    fn unplaced_and_out_of_range_items_go_to_the_outer_ring() {
        let mut unrated = item(5, 9, Some(7));
        unrated.size = None;
        let r = radar(&[item(1, 0, None), unrated], 6, 4);
        assert!(r.has_unplaced_ring);
        assert_eq!(r.rings.len(), 5);
        assert!(r.rings[4].unplaced && !r.rings[3].unplaced);
        assert_eq!(r.radius, RADAR_RADIUS);
        let m = &r.markers[1];
        assert_eq!(
            (m.ring, m.sector, m.rated, m.r),
            (4, 5, false, MARKER_UNRATED)
        );
        let plain = radar(&[item(1, 0, Some(0))], 6, 4);
        assert!(!plain.has_unplaced_ring);
        assert_eq!(plain.rings.len(), 4);
        assert_eq!(plain.radius, 192.0);
        assert!(radar(&[], 0, 0).markers.is_empty());
    }

    #[test]
    fn impact_sets_the_marker_size() {
        let mut low = item(1, 0, Some(0));
        low.size = Some(1.0);
        let mut high = item(2, 3, Some(0));
        high.size = Some(5.0);
        let r = radar(&[low, high], 6, 4);
        assert_eq!((r.markers[0].r, r.markers[1].r), (MARKER_LOW, MARKER_HIGH));
    }

    #[test]
    fn sector_labels_face_away_from_the_centre() {
        let r = radar(&[], 4, 4);
        let anchors: Vec<&str> = r.sectors.iter().map(|s| s.label_anchor).collect();
        assert_eq!(anchors, vec!["start", "start", "end", "end"]);
        let r = radar(&[], 2, 4);
        assert_eq!(r.sectors[0].label_anchor, "start");
        assert_eq!((r.sectors[0].line_x2, r.sectors[0].line_y2), (360.0, 168.0));
    }

    #[test]
    fn every_shape_has_its_own_closed_path() {
        let paths: Vec<String> = Shape::ALL.iter().map(|s| s.path(10.0, 10.0, 5.0)).collect();
        for (i, p) in paths.iter().enumerate() {
            assert!(p.starts_with('M') && p.ends_with('Z'), "{p}");
            assert!(!p.contains("-0 ") && !p.contains("e-"), "{p}");
            assert!(!paths[..i].contains(p));
        }
        assert_eq!(
            Shape::Square.path(10.0, 10.0, 10.0),
            "M1.5 1.5L18.5 1.5L18.5 18.5L1.5 18.5Z"
        );
        assert_eq!(Shape::for_index(8), Shape::Square);
    }

    fn driver(id: i64, impact: f64, uncertainty: f64) -> DriverItem {
        DriverItem {
            id,
            number: id as usize,
            impact_median: impact,
            impact_q1: impact - 0.5,
            impact_q3: impact + 1.0,
            uncertainty_median: uncertainty,
            uncertainty_q1: uncertainty - 1.0,
            uncertainty_q3: uncertainty,
        }
    }

    #[test]
    fn drivers_fall_in_their_quadrants_and_the_midpoint_is_not_high() {
        let m = driver_map(&[
            driver(1, 4.5, 4.0),
            driver(2, 4.0, 1.5),
            driver(3, 2.0, 5.0),
            driver(4, 1.0, 2.5),
            driver(5, 3.0, 3.0),
            driver(6, 2.5, 3.0),
            driver(7, 4.0, 3.0),
            driver(8, 3.0, 3.5),
        ]);
        let quadrants: Vec<Quadrant> = m.points.iter().map(|p| p.quadrant).collect();
        assert_eq!(
            quadrants,
            vec![
                Quadrant::CriticalUncertainties,
                Quadrant::Predetermined,
                Quadrant::WildCardsToWatch,
                Quadrant::Background,
                Quadrant::Background,
                Quadrant::Background,
                Quadrant::Predetermined,
                Quadrant::WildCardsToWatch,
            ]
        );
        // Each point lies in the rectangle of its quadrant.
        for p in &m.points {
            let q = m.quadrants.iter().find(|q| q.key == p.quadrant).unwrap();
            assert!(p.x >= q.x && p.x <= q.x + q.w && p.y >= q.y && p.y <= q.y + q.h);
        }
        assert_eq!(m.quadrants.len(), 4);
        assert_eq!(m.x_ticks.len(), 5);
        assert_eq!(m.y_ticks[0].pos, m.plot_y + m.plot_h - 52.0);
        assert_eq!(m.x_ticks[2].pos, m.mid_x);
    }

    #[test]
    fn whiskers_span_the_interquartile_ranges() {
        // One unit is 520 / 5 = 104 px; impact 2..3.5 → x 80 + 1.5·104 .. 80 + 3·104.
        // Uncertainty 3..4 → y 540 − 3.5·104 .. 540 − 2.5·104 (up is higher).
        let m = driver_map(&[driver(1, 2.5, 4.0)]);
        let p = &m.points[0];
        assert_eq!((p.x1, p.x2), (236.0, 392.0));
        assert_eq!((p.y1, p.y2), (176.0, 280.0));
        assert_eq!((p.x, p.y), (288.0, 176.0));
        assert_eq!((p.dx, p.dy), (0.0, 0.0));
    }

    #[test]
    fn drivers_in_the_same_place_are_set_apart_by_id() {
        let items = vec![
            driver(7, 3.5, 3.5),
            driver(2, 3.5, 3.5),
            driver(5, 3.5, 3.5),
        ];
        let m = driver_map(&items);
        let at: Vec<(i64, f64, f64)> = m.points.iter().map(|p| (p.id, p.x, p.y)).collect();
        // Three in one column, 12 px apart, centred on the true place (392, 228).
        assert_eq!(
            at,
            vec![(2, 392.0, 216.0), (5, 392.0, 228.0), (7, 392.0, 240.0)]
        );
        let mut reversed = items.clone();
        reversed.reverse();
        assert_eq!(driver_map(&reversed), m);
        // Five make two columns.
        let five: Vec<DriverItem> = (1..=5).map(|id| driver(id, 1.0, 1.0)).collect();
        let m = driver_map(&five);
        let places: std::collections::BTreeSet<(i64, i64)> = m
            .points
            .iter()
            .map(|p| ((p.x * 10.0) as i64, (p.y * 10.0) as i64))
            .collect();
        assert_eq!(places.len(), 5);
        assert_eq!((m.points[4].dx, m.points[0].dx), (14.0, -14.0));
    }

    #[test]
    fn drivers_come_from_summaries_only_when_rated() {
        let rated = summarise(&[Some(4), Some(5)], Scale::ONE_TO_FIVE, 3);
        let empty = summarise(&[None], Scale::ONE_TO_FIVE, 3);
        let d = DriverItem::from_summaries(1, 1, &rated, &rated).unwrap();
        assert_eq!(d.impact_median, 4.5);
        assert!(DriverItem::from_summaries(1, 1, &rated, &empty).is_none());
        // Figures off the scale are drawn at its edge, not off the map.
        let mut odd = driver(3, 9.0, f64::NAN);
        odd.impact_q1 = -3.0;
        let p = &driver_map(&[odd]).points[0];
        assert_eq!(
            (p.x, p.x1, p.quadrant),
            (548.0, 132.0, Quadrant::Predetermined)
        );
    }

    #[test]
    fn the_distribution_draws_a_bar_per_point_with_its_count() {
        let s = summarise(
            &[Some(1), Some(2), Some(2), Some(4), Some(4), Some(4), None],
            Scale::ONE_TO_FIVE,
            3,
        );
        let d = distribution(&s, Scale::ONE_TO_FIVE, Some(2));
        let counts: Vec<usize> = d.columns.iter().map(|c| c.count).collect();
        assert_eq!(counts, vec![1, 2, 0, 3, 0]);
        // Columns 110.4 px wide from 24: centres 79.2, 189.6, 300, 410.4, 520.8.
        let xs: Vec<f64> = d.columns.iter().map(|c| c.x).collect();
        assert_eq!(xs, vec![79.2, 189.6, 300.0, 410.4, 520.8]);
        // The tallest bar fills the room under its count; the others in proportion.
        let tallest = &d.columns[3];
        assert_eq!(tallest.bar_y, d.top + COUNT_ROOM);
        assert!((d.columns[1].bar_h * 1.5 - tallest.bar_h).abs() < 0.2);
        assert_eq!(d.columns[2].bar_h, 0.0);
        assert!(
            d.columns
                .iter()
                .all(|c| c.count_y < c.bar_y && c.count_y > d.top)
        );
        // Sorted 1 2 2 4 4 4: median h = 2.5 → 3; q1 h = 1.25 → 2; q3 h = 3.75 → 4.
        assert_eq!(d.median_x, Some(300.0));
        assert_eq!(
            (d.iqr_x1, d.iqr_x2, d.iqr_w),
            (Some(189.6), Some(410.4), Some(220.8))
        );
        assert_eq!(d.own_x, Some(189.6));
        assert!(d.columns[1].own && !d.columns[0].own);
        assert_eq!((d.n, d.dont_know), (6, 1));
        assert!(d.word_label_y < d.height && d.tick_label_y > d.axis_y);
    }

    #[test]
    fn no_answers_draw_an_empty_scale() {
        let d = distribution(
            &summarise(&[], Scale::ONE_TO_FIVE, 3),
            Scale::ONE_TO_FIVE,
            None,
        );
        assert_eq!(d.columns.len(), 5);
        assert!(d.columns.iter().all(|c| c.bar_h == 0.0 && c.count == 0));
        assert_eq!((d.median_x, d.iqr_x1, d.own_x), (None, None, None));
        // A summary of another scale is read as far as it goes.
        let other = summarise(&[Some(1)], Scale { min: 1, max: 2 }, 3);
        assert_eq!(
            distribution(&other, Scale::ONE_TO_FIVE, None).columns.len(),
            5
        );
    }

    #[test]
    fn rounding_keeps_one_decimal_and_no_negative_zero() {
        assert_eq!(round1(1.26), 1.3);
        assert_eq!(round1(-0.04), 0.0);
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(12.0), "12");
        assert_eq!(apportion(5, &[0, 0]), vec![3, 2]);
        assert_eq!(apportion(7, &[1, 2, 3]), vec![1, 2, 4]);
    }

    fn words() -> (Vec<String>, Vec<String>, Vec<(Shape, String)>) {
        let sectors = [
            "Sociala",
            "Teknologiska",
            "Ekonomiska",
            "Ekologiska",
            "Politiska",
            "Värderingar",
        ]
        .map(String::from)
        .to_vec();
        let rings = [
            "Nu–2030",
            "2030–2040",
            "2040–2050",
            "Efter 2050",
            "Ingen tidsperiod",
        ]
        .map(String::from)
        .to_vec();
        let legend = [
            "Signal",
            "Trend",
            "Megatrend",
            "Drivkraft",
            "Osäkerhet",
            "Wild card",
        ]
        .iter()
        .enumerate()
        .map(|(i, w)| (Shape::for_index(i), w.to_string()))
        .collect();
        (sectors, rings, legend)
    }

    fn worded(items: &[RadarItem]) -> (Radar, Rect) {
        let (sectors, rings, legend) = words();
        let text = RadarText {
            sectors: &sectors,
            rings: &rings,
            legend: &legend,
            unrated: "Inte skattad",
        };
        let r = super::radar(items, 6, 4, &text);
        let drawn = r.drawing_box(&text);
        (r, drawn)
    }

    /// No two labels (numbers, ring and sector labels) share any area.
    fn assert_labels_apart(r: &Radar) {
        let (sectors, rings, legend) = words();
        let text = RadarText {
            sectors: &sectors,
            rings: &rings,
            legend: &legend,
            unrated: "",
        };
        assert_eq!(r.word_boxes, r.word_boxes(&text));
        assert_eq!(r.label_boxes().len(), r.word_boxes.len() + r.markers.len());
        let mut boxes: Vec<(String, Rect)> = r
            .word_boxes(&text)
            .into_iter()
            .enumerate()
            .map(|(i, b)| (format!("word {i}"), b))
            .collect();
        boxes.extend(
            r.markers
                .iter()
                .map(|m| (format!("#{}", m.number), m.label_box())),
        );
        for (i, (a, ra)) in boxes.iter().enumerate() {
            for (b, rb) in &boxes[i + 1..] {
                assert!(!ra.overlaps(rb), "{a} {ra:?} and {b} {rb:?} overlap");
            }
        }
    }

    /// A radar of 44 notes spread over every ring and sector (denser than any of the
    /// demo's, which `tests/it/charts_download.rs` checks as drawn) and one of 60 notes,
    /// a third of them in one cell: no label meets another.
    #[test]
    fn radar_labels_never_collide() {
        let demo: Vec<RadarItem> = (1..=44)
            .map(|id| {
                let ring = if id % 9 == 0 {
                    None
                } else {
                    Some((id as usize * 7) % 4)
                };
                item(id + 100, (id as usize * 5) % 6, ring)
            })
            .collect();
        let (r, _) = worded(&demo);
        assert_labels_apart(&r);
        let mut sixty: Vec<RadarItem> = (1..=20).map(|id| item(id, 1, Some(0))).collect();
        sixty.extend((21..=60).map(|id| item(id, (id as usize) % 6, Some(id as usize % 4))));
        let (r, _) = worded(&sixty);
        assert_labels_apart(&r);
        assert!(r.markers.iter().any(|m| m.leader.is_some()));
        // A leader runs from its marker's edge to its number's box.
        for m in r.markers.iter().filter(|m| m.leader.is_some()) {
            let [x1, y1, x2, y2] = m.leader.unwrap();
            assert!(((x1 - m.x).hypot(y1 - m.y) - 1.2 * m.r).abs() < 0.2);
            assert!(m.label_box().grow(0.2).meets_circle(x2, y2, 0.1));
        }
    }

    #[test]
    fn the_legend_draws_every_shape_on_the_chart() {
        let mut items: Vec<RadarItem> = (0..5).map(|id| item(id, 0, Some(1))).collect();
        items[2].size = None;
        let (r, _) = worded(&items);
        let used: std::collections::BTreeSet<&str> =
            r.markers.iter().map(|m| m.shape.key()).collect();
        let drawn: std::collections::BTreeSet<&str> = r
            .legend
            .iter()
            .filter(|e| e.rated && e.path.starts_with('M') && e.path.ends_with('Z'))
            .map(|e| e.shape.key())
            .collect();
        assert_eq!(used, drawn);
        assert!(
            r.legend
                .iter()
                .any(|e| !e.rated && e.label == "Inte skattad")
        );
        // Below the rings, and within the viewBox.
        for e in &r.legend {
            assert!(e.y > r.centre + r.radius);
            assert!(e.y < r.view_y + r.view_h && e.x > r.view_x);
        }
    }

    #[test]
    fn the_view_box_fits_the_drawing() {
        for items in [
            vec![item(1, 0, Some(0))],
            (1..=44)
                .map(|id| item(id, id as usize % 6, Some(id as usize % 4)))
                .collect(),
            (1..=30).map(|id| item(id, 2, None)).collect(),
        ] {
            let (r, drawn) = worded(&items);
            // No empty band on any side wider than 3 % of the viewBox.
            let gaps = [
                (drawn.x0 - r.view_x) / r.view_w,
                (r.view_x + r.view_w - drawn.x1) / r.view_w,
                (drawn.y0 - r.view_y) / r.view_h,
                (r.view_y + r.view_h - drawn.y1) / r.view_h,
            ];
            assert!(gaps.iter().all(|g| (0.0..0.03).contains(g)), "{gaps:?}");
            // The rings take most of the width.
            assert!(2.0 * r.radius / r.view_w > 0.6, "{}", r.view_w);
        }
    }

    #[test]
    fn driver_labels_stay_clear_of_whiskers_and_points() {
        // 40 drivers crowded in the middle of the map, with long whiskers.
        let items: Vec<DriverItem> = (1..=40)
            .map(|id| {
                let impact = 2.0 + ((id * 7) % 9) as f64 * 0.25;
                let uncertainty = 2.0 + ((id * 5) % 9) as f64 * 0.25;
                DriverItem {
                    id,
                    number: id as usize * 3,
                    impact_median: impact,
                    impact_q1: impact - 0.75,
                    impact_q3: impact + 0.5,
                    uncertainty_median: uncertainty,
                    uncertainty_q1: uncertainty - 0.5,
                    uncertainty_q3: uncertainty + 1.0,
                }
            })
            .collect();
        let m = driver_map(&items);
        let boxes: Vec<Rect> = m.points.iter().map(driver_label_box).collect();
        for (i, b) in boxes.iter().enumerate() {
            for p in &m.points {
                for (a, z) in whiskers(p) {
                    assert!(
                        !b.meets_segment(a, z),
                        "#{} meets a whisker of #{}",
                        m.points[i].number,
                        p.number
                    );
                }
                assert!(
                    !b.meets_circle(p.x, p.y, p.r),
                    "#{} meets point #{}",
                    m.points[i].number,
                    p.number
                );
            }
            for c in &boxes[i + 1..] {
                assert!(!b.overlaps(c));
            }
            // Every label is inside the viewBox.
            assert!(b.x0 >= m.view_x && b.y0 >= m.view_y);
            assert!(b.x1 <= m.view_x + m.width && b.y1 <= m.view_y + m.height);
        }
        // The same drivers always get the same places.
        assert_eq!(driver_map(&items), m);
    }
}
