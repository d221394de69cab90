//! Workspace material embedded in editorial texts, turned into what the templates draw
//! (gathered by [`crate::app::embeds`], live or frozen into a snapshot at publication).
//! The round and heatmap pages draw their charts from the same data.

use std::collections::BTreeMap;

use minijinja::{Value, context};

use crate::domain::bank::{Category, NoteType, TimeBand};
use crate::domain::chart::{self, Quadrant, Shape};
use crate::domain::embed::{Embedded, HeatmapData, RoundChart, Snapshot};
use crate::domain::lang::Lang;
use crate::render::i18n::text;

/// A published text's frozen material; a text published without one shows its
/// references as missing rather than live.
pub fn frozen(snapshot: Option<&str>) -> Snapshot {
    snapshot
        .and_then(|s| {
            serde_json::from_str(s)
                .inspect_err(|e| tracing::warn!(error = %e, "a snapshot could not be read"))
                .ok()
        })
        .unwrap_or_default()
}

fn labels(lang: Lang, keys: impl IntoIterator<Item = String>) -> Vec<String> {
    keys.into_iter().map(|k| text(lang, &k)).collect()
}

/// What the radar macro needs besides its geometry: sector and ring labels, and the
/// note types with their shapes for the legend.
pub fn radar_labels(lang: Lang) -> Value {
    let mut rings = labels(
        lang,
        TimeBand::ALL.iter().map(|b| format!("band-{}", b.key())),
    );
    rings.push(text(lang, "radar-no-band"));
    context! {
        sectors => labels(lang, Category::ALL.iter().map(|c| format!("steep-{}", c.key()))),
        rings,
        legend => NoteType::ALL
            .iter()
            .enumerate()
            .map(|(i, t)| (Shape::for_index(i).key(), t.key()))
            .collect::<Vec<_>>(),
    }
}

/// The quadrants' labels by key.
pub fn quadrant_labels(lang: Lang) -> BTreeMap<&'static str, String> {
    Quadrant::ALL
        .iter()
        .map(|q| (q.key(), text(lang, &format!("quadrant-{}", q.key()))))
        .collect()
}

/// The radar of a round chart, ready to draw: geometry, labels and the chart's rows.
pub fn radar_view(chart: &RoundChart, lang: Lang) -> Value {
    let geometry = chart::radar(
        &chart.radar_items(),
        Category::ALL.len(),
        TimeBand::ALL.len(),
    );
    context! { kind => "radar", chart, radar => geometry, labels => radar_labels(lang) }
}

/// The driver map of a round chart, ready to draw, with each placed note's quadrant.
pub fn driver_view(chart: &RoundChart, lang: Lang) -> Value {
    let geometry = chart::driver_map(&chart.driver_items());
    let quadrants: BTreeMap<String, &str> = geometry
        .points
        .iter()
        .map(|p| (p.id.to_string(), p.quadrant.key()))
        .collect();
    let complete = chart
        .rows
        .iter()
        .all(|r| r.impact.is_some() && r.uncertainty.is_some());
    context! {
        kind => "driver_map", chart, map => geometry, quadrants, complete,
        quadrant_labels => quadrant_labels(lang),
    }
}

/// The heatmap of a phase's rankings, ready to draw, with the trends' titles.
pub fn heatmap_view(data: &HeatmapData) -> Value {
    let map = crate::domain::heatmap::heatmap(&data.rankings());
    context! { kind => "heatmap", phase_slug => &data.phase_slug, map, titles => data.titles() }
}

/// What the templates draw for each reference.
pub fn views(material: &Snapshot, lang: Lang, phases: usize) -> BTreeMap<String, Value> {
    material
        .iter()
        .map(|(key, shown)| {
            let view = match shown {
                Embedded::Note(note) => context! { kind => "note", note },
                Embedded::Radar(chart) => radar_view(chart, lang),
                Embedded::DriverMap(chart) => driver_view(chart, lang),
                Embedded::Heatmap(data) => heatmap_view(data),
                Embedded::Event(event) => context! { kind => "event", event },
                Embedded::Progress(data) => {
                    let cells: Vec<&[_]> = data.rows.iter().map(|r| r.cells.as_slice()).collect();
                    context! {
                        kind => "progress", rows => &data.rows,
                        means => crate::domain::progress::means(&cells, phases),
                    }
                }
                Embedded::Missing => context! { kind => "missing" },
            };
            (key.clone(), context! { key, ..view })
        })
        .collect()
}

/// A text split at its references, with what each shows: the context the body partial
/// draws.
pub fn body(text: &str, material: &Snapshot, lang: Lang, phases: usize) -> Value {
    let segments = crate::domain::embed::segments(text);
    let mut views = views(material, lang, phases);
    // A reference the material lacks shows as missing, never as something live.
    for key in segments.iter().filter_map(|s| s.embed.as_ref()) {
        views
            .entry(key.clone())
            .or_insert_with(|| context! { key, kind => "missing" });
    }
    context! { segments, views }
}
