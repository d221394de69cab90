//! The workspace material an editorial text embeds, gathered from storage: what each
//! reference shows now, and so what a snapshot freezes at publication. The round and
//! heatmap pages read their charts' data from here too. No web types.

use std::collections::BTreeMap;
use std::sync::Arc;

use rusqlite::Connection;

use crate::domain::assignment::{SubmissionStatus, TrendRanking};
use crate::domain::bank::NoteStatus;
use crate::domain::bank::can_see_note;
use crate::domain::embed::{
    ChartRow, Embed, Embedded, EventCard, Figure, HeatRow, HeatmapData, NoteCard, NoteTitle,
    ProgressData, ProgressRow, RoundChart, Snapshot, figures_public, fold_answers,
};
use crate::domain::programme::{AssignmentPart, Programme};
use crate::domain::rating::{Criterion, NoteFigures, figures, state};
use crate::domain::scenario_chart::can_see_figures;
use crate::storage::{self, Db, bank, events, rounds, scenarios, submissions};

use super::scenario_charts;

/// The criteria the radar is drawn from.
pub const RADAR: &[Criterion] = &[Criterion::Impact];
/// The criteria the driver map is drawn from.
pub const DRIVER_MAP: &[Criterion] = &[Criterion::Impact, Criterion::Uncertainty];

/// A round's notes with the figures of the `wanted` criteria the round asks (of everyone,
/// or of one organisation's answers); none when there is no such round.
pub fn round_chart(
    c: &Connection,
    id: i64,
    organisation: Option<i64>,
    wanted: &[Criterion],
) -> storage::Result<Option<RoundChart>> {
    let Some(round) = rounds::get(c, id)? else {
        return Ok(None);
    };
    let notes = rounds::notes(c, id)?;
    let asked: Vec<Criterion> = wanted
        .iter()
        .copied()
        .filter(|k| round.criteria.contains(k))
        .collect();
    let mut answers = Vec::new();
    for &criterion in &asked {
        answers.extend(rounds::answers(c, id, Some(criterion), organisation)?);
    }
    let ids: Vec<i64> = notes.iter().map(|n| n.id).collect();
    let found = by_note(figures(answers, &ids, &asked, round.min_answers));
    let rows = notes
        .into_iter()
        .map(|n| ChartRow {
            note_id: n.id,
            number: n.number,
            public: can_see_note(None, n.status, n.organisation_id, n.public),
            impact: found.get(&(n.id, Criterion::Impact)).copied(),
            uncertainty: found.get(&(n.id, Criterion::Uncertainty)).copied(),
            title: n.title,
            note_type: n.note_type,
            category: n.category,
            time_band: n.time_band,
        })
        .collect();
    Ok(Some(RoundChart {
        round_id: round.id,
        title: round.title,
        rows,
        left_out: 0,
        figures_public: true,
    }))
}

/// Figures by note and criterion, as the charts read them.
fn by_note(all: Vec<NoteFigures>) -> BTreeMap<(i64, Criterion), Figure> {
    all.into_iter()
        .map(|f| {
            let s = f.summary;
            let figure = Figure {
                n: s.n,
                median: s.median,
                q1: s.q1,
                q3: s.q3,
            };
            ((f.note_id, f.criterion), figure)
        })
        .collect()
}

/// A round's chart as an editorial text shows it, at the moment `now`: the notes as the
/// bank has them now. A merged note's answers count under the note it was merged into
/// (see [`fold_answers`]); a note archived since is left out, and the chart says how
/// many; and the chart says whether the public may see its figures yet.
pub fn curated_chart(
    c: &Connection,
    id: i64,
    wanted: &[Criterion],
    now: i64,
) -> storage::Result<Option<RoundChart>> {
    let Some(round) = rounds::get(c, id)? else {
        return Ok(None);
    };
    let asked: Vec<Criterion> = wanted
        .iter()
        .copied()
        .filter(|k| round.criteria.contains(k))
        .collect();
    let notes = rounds::note_ids(c, id)?;
    let home = bank::homes(c, &notes)?;
    let mut shown: Vec<i64> = Vec::new();
    for note in notes {
        let to = home.get(&note).copied().unwrap_or(note);
        if !shown.contains(&to) {
            shown.push(to);
        }
    }
    let answers = fold_answers(rounds::answers_of_people(c, id, &asked)?, &home);
    let found = by_note(figures(answers, &shown, &asked, round.min_answers));
    let (mut rows, mut left_out) = (Vec::new(), 0);
    for n in bank::by_ids(c, &shown)? {
        if n.status == NoteStatus::Archived {
            left_out += 1;
            continue;
        }
        rows.push(ChartRow {
            note_id: n.id,
            // The bank number, as on every other page (ids are positive).
            number: usize::try_from(n.id).unwrap_or_default(),
            public: can_see_note(None, n.status, n.organisation_id, n.public),
            impact: found.get(&(n.id, Criterion::Impact)).copied(),
            uncertainty: found.get(&(n.id, Criterion::Uncertainty)).copied(),
            title: n.title,
            note_type: n.note_type,
            category: n.category,
            time_band: n.time_band,
        });
    }
    let when = state(round.opens_at, round.closes_at, now);
    Ok(Some(RoundChart {
        round_id: round.id,
        title: round.title,
        rows,
        left_out,
        figures_public: figures_public(round.feedback, when),
    }))
}

/// The rankings handed in (submitted or accepted) for a phase's home assignment, with
/// the titles of the ranked trends.
pub fn heatmap_data(c: &Connection, phase: &str) -> storage::Result<HeatmapData> {
    let handed_in = submissions::of_phase(c, phase)?;
    let rows: Vec<HeatRow> = handed_in
        .into_iter()
        .filter(|s| {
            matches!(
                s.status,
                SubmissionStatus::Submitted | SubmissionStatus::Accepted
            )
        })
        .map(|s| {
            let ranking: TrendRanking = s
                .parts
                .get("trend_ranking")
                .and_then(|v| serde_json::from_value(v.clone()).ok())
                .unwrap_or_default();
            HeatRow {
                organisation_id: s.organisation_id,
                name: s.organisation_name,
                most: ranking.most.iter().map(|r| r.note).collect(),
                least: ranking.least.iter().map(|r| r.note).collect(),
            }
        })
        .collect();
    let mut ids: Vec<i64> = rows
        .iter()
        .flat_map(|r| r.most.iter().chain(&r.least).copied())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let notes = bank::briefs(c, &ids)?
        .into_iter()
        .map(|b| NoteTitle {
            id: b.id,
            public: can_see_note(None, b.status, b.organisation_id, b.public),
            title: b.title,
        })
        .collect();
    Ok(HeatmapData {
        phase_slug: phase.to_string(),
        rows,
        notes,
    })
}

/// What one reference shows now.
fn gather_one(
    c: &Connection,
    programme: &Programme,
    embed: &Embed,
    now: i64,
) -> storage::Result<Embedded> {
    Ok(match embed {
        Embed::Note(id) => match bank::get(c, *id)? {
            Some(n) => Embedded::Note(NoteCard {
                id: n.id,
                public: can_see_note(None, n.status, n.organisation_id, n.public),
                note_type: n.note_type,
                title: n.title,
                summary: n.summary,
                category: n.category,
                time_band: n.time_band,
                organisation_name: n.organisation_name,
            }),
            None => Embedded::Missing,
        },
        Embed::Radar(id) => {
            curated_chart(c, *id, RADAR, now)?.map_or(Embedded::Missing, Embedded::Radar)
        }
        Embed::DriverMap(id) => {
            curated_chart(c, *id, DRIVER_MAP, now)?.map_or(Embedded::Missing, Embedded::DriverMap)
        }
        Embed::Heatmap(slug) => {
            let ranks = programme
                .phases
                .iter()
                .find(|p| &p.slug == slug)
                .and_then(|p| p.home_assignment())
                .is_some_and(|a| a.parts.contains(&AssignmentPart::TrendRanking));
            if ranks {
                Embedded::Heatmap(heatmap_data(c, slug)?)
            } else {
                Embedded::Missing
            }
        }
        Embed::Event(id) => match events::get(c, *id)? {
            Some(e) => Embedded::Event(EventCard {
                id: e.id,
                public: crate::domain::access::can_see_event(
                    None,
                    e.audience,
                    e.status,
                    e.organisation_id,
                ),
                title: e.title,
                kind: e.kind.key().to_string(),
                status: e.status.key().to_string(),
                starts_at: e.starts_at,
                ends_at: e.ends_at,
                venue: e.venue,
                mode: e.mode.key().to_string(),
            }),
            None => Embedded::Missing,
        },
        Embed::Scenario(id) => super::scenario_reach::scenario_card(c, *id)?,
        Embed::Scenarios(id) => match scenarios::get_set(c, *id)? {
            Some(set) => {
                let list = scenarios::scenarios(c, *id)?;
                let choices = can_see_figures(None, set.status, set.public);
                Embedded::Scenarios(scenario_charts::set_charts(c, &set, &list, choices, true)?)
            }
            None => Embedded::Missing,
        },
        Embed::ScenarioAssessment(id) => match scenarios::get_set(c, *id)? {
            Some(set) => {
                let list = scenarios::scenarios(c, *id)?;
                scenario_charts::assessment_data(c, &set, &list, None)?
                    .map_or(Embedded::Missing, Embedded::ScenarioAssessment)
            }
            None => Embedded::Missing,
        },
        Embed::Consequences(id) => super::consequence_heat::heat_embed(c, programme, *id)?,
        Embed::RegionConsequences(id) => super::consequence_heat::profile_embed(c, programme, *id)?,
        Embed::FuturesWheel(id) => super::futures_wheel::embedded(c, programme, *id)?,
        Embed::Backcasting(id) => {
            super::backcasting_charts::embedded(c, programme, *id, false, now)?
        }
        Embed::StressTest(id) => super::backcasting_charts::embedded(c, programme, *id, true, now)?,
        Embed::Thread(id) => super::thread::embedded(c, programme, *id)?,
        Embed::Progress => Embedded::Progress(ProgressData {
            rows: super::progress::rows(c, programme, now, None)?
                .into_iter()
                .map(|(o, cells)| ProgressRow {
                    organisation_id: o.id,
                    name: o.name,
                    cells,
                })
                .collect(),
        }),
    })
}

/// What every reference of `body` shows now, by reference key.
pub fn gather(
    c: &Connection,
    programme: &Programme,
    body: &str,
    now: i64,
) -> storage::Result<Snapshot> {
    let mut material = Snapshot::new();
    for embed in crate::domain::embed::references(body) {
        let shown = gather_one(c, programme, &embed, now)?;
        material.insert(embed.key(), shown);
    }
    Ok(material)
}

/// What every reference of `body` shows now, read from the workspace.
pub async fn live(db: &Db, programme: &Arc<Programme>, body: &str) -> storage::Result<Snapshot> {
    let (programme, body) = (programme.clone(), body.to_string());
    db.read(move |c| gather(c, &programme, &body, storage::now_seconds()))
        .await
}
