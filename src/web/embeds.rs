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

/// The radar of a round chart, ready to draw: geometry (with room for its words),
/// labels, the chart's rows and each note's title by id (for the list of the notes by
/// ring and sector).
pub fn radar_view(chart: &RoundChart, lang: Lang) -> Value {
    let geometry = radar_geometry(chart, lang);
    let titles: BTreeMap<String, &str> = chart
        .rows
        .iter()
        .map(|r| (r.note_id.to_string(), r.title.as_str()))
        .collect();
    context! {
        kind => "radar", chart, radar => geometry, labels => radar_labels(lang), titles,
    }
}

/// The radar's geometry with room kept for its words in `lang`.
pub fn radar_geometry(chart: &RoundChart, lang: Lang) -> chart::Radar {
    let sectors = labels(
        lang,
        Category::ALL.iter().map(|c| format!("steep-{}", c.key())),
    );
    let mut rings = labels(
        lang,
        TimeBand::ALL.iter().map(|b| format!("band-{}", b.key())),
    );
    rings.push(text(lang, "radar-no-band"));
    let legend: Vec<(Shape, String)> = NoteType::ALL
        .iter()
        .enumerate()
        .map(|(i, t)| {
            (
                Shape::for_index(i),
                text(lang, &format!("note-type-{}", t.key())),
            )
        })
        .collect();
    let unrated = text(lang, "chart-not-rated");
    let words = chart::RadarText {
        sectors: &sectors,
        rings: &rings,
        legend: &legend,
        unrated: &unrated,
    };
    chart::radar(
        &chart.radar_items(),
        Category::ALL.len(),
        TimeBand::ALL.len(),
        &words,
    )
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
    let names: BTreeMap<i64, String> = data
        .titles()
        .into_iter()
        .filter_map(|(id, title)| Some((id.parse().ok()?, title)))
        .collect();
    let map = crate::domain::heatmap::heatmap_named(&data.rankings(), &names);
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
                Embedded::Scenario(card) => context! { kind => "scenario", card },
                Embedded::Progress(data) => {
                    let cells: Vec<&[_]> = data.rows.iter().map(|r| r.cells.as_slice()).collect();
                    context! {
                        kind => "progress", rows => &data.rows,
                        means => crate::domain::progress::means(&cells, phases),
                    }
                }
                Embedded::Scenarios(data) => super::scenario_charts::scenarios_view(data, lang),
                Embedded::ScenarioAssessment(data) => {
                    super::scenario_charts::assessment_view(data, lang)
                }
                // The programme's levels name themselves in the reader's language, else in
                // any language they are given in.
                Embedded::Consequences(data) => {
                    super::consequence_heat::heat_view(data, lang, lang, None)
                }
                Embedded::RegionConsequences(data) => {
                    super::consequence_heat::profile_view(data, lang, lang, false)
                }
                Embedded::FuturesWheel(data) => super::futures_wheel::wheel_view(data, lang),
                Embedded::Backcasting(data) => {
                    super::backcasting_charts::timeline_view(data, lang, lang)
                }
                Embedded::StressTest(data) => super::backcasting_charts::stress_view(data),
                Embedded::Thread(data) => super::thread::thread_view(&data.view),
                Embedded::Missing => context! { kind => "missing" },
            };
            (key.clone(), context! { key, ..view })
        })
        .collect()
}

/// A text split at its references, with what each shows: the context the body partial
/// draws.
pub fn body(text: &str, material: &Snapshot, lang: Lang, phases: usize) -> Value {
    body_at(text, material, lang, phases, None)
}

/// The body of a published text whose charts can be downloaded as files under
/// `downloads` (each chart view then has its `download` address, without extension).
pub fn body_at(
    text: &str,
    material: &Snapshot,
    lang: Lang,
    phases: usize,
    downloads: Option<&str>,
) -> Value {
    let segments = crate::domain::embed::segments(text);
    let mut views = views(material, lang, phases);
    if let Some(base) = downloads {
        for (key, view) in views.iter_mut() {
            if matches!(
                material.get(key),
                Some(
                    Embedded::Radar(_)
                        | Embedded::DriverMap(_)
                        | Embedded::Heatmap(_)
                        | Embedded::Scenarios(_)
                        | Embedded::ScenarioAssessment(_)
                        | Embedded::Consequences(_)
                        | Embedded::RegionConsequences(_)
                        | Embedded::FuturesWheel(_)
                        | Embedded::Backcasting(_)
                        | Embedded::StressTest(_)
                        | Embedded::Thread(_)
                )
            ) {
                let download = format!("{base}/{}", key.replacen(':', "-", 1));
                *view = context! { download, ..view.clone() };
            }
        }
    }
    // A reference the material lacks shows as missing, never as something live.
    for key in segments.iter().filter_map(|s| s.embed.as_ref()) {
        views
            .entry(key.clone())
            .or_insert_with(|| context! { key, kind => "missing" });
    }
    context! { segments, views }
}
