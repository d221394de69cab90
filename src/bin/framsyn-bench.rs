//! The benchmark program: throughput and latency of the main pages with the demo data,
//! next to the same bytes served as static files by the same server.
//!
//! It starts the real `framsyn` binary (built beside this one) on a free loopback port
//! with a fresh demo database, so server and load generator are separate processes.
//! Loopback only, bounded in time. Run: `cargo run --release --bin framsyn-bench`.

use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use axum::body::{Body, Bytes};
use clap::Parser;
use hdrhistogram::Histogram;
use http_body_util::{BodyExt, Empty};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use tower::ServiceExt;

use framsyn::config::Config;
use framsyn::domain::programme::Programme;
use framsyn::storage::Db;
use framsyn::web::{AppState, router};

#[derive(Parser)]
#[command(about = "Measures Framsyn's pages on loopback")]
struct Args {
    /// Seconds of load per target (at most 60).
    #[arg(long, default_value_t = 5)]
    seconds: u64,
    /// Concurrent keep-alive connections (at most 256).
    #[arg(long, default_value_t = 16)]
    connections: usize,
    /// Renders per page for the in-process render time (at most 100000).
    #[arg(long, default_value_t = 2000)]
    renders: u32,
    /// Public events added for the calendar and feed targets (at most 100000).
    #[arg(long, default_value_t = 2000)]
    events: u32,
    /// Bank notes added for the search and list targets (at most 1000000).
    #[arg(long, default_value_t = 100_000)]
    notes: u32,
}

/// Notes in the bank: varied words (with å, ä, ö) so searches match a realistic share.
fn add_notes(db: &Db, count: u32) -> anyhow::Result<()> {
    use framsyn::domain::bank::{Category, NoteStatus, NoteType, TimeBand, ValidNote};
    let words = [
        "digitalisering",
        "klimat",
        "åldrande",
        "befolkning",
        "landsbygd",
        "städer",
        "energi",
        "vätgas",
        "kompetens",
        "migration",
        "välfärd",
        "hälsa",
        "transporter",
        "skog",
        "vatten",
        "industri",
        "förtroende",
        "demokrati",
        "säkerhet",
        "arbetsmarknad",
        "bostäder",
        "turism",
        "kultur",
        "forskning",
    ];
    let (org, author) = db.read_blocking(|c| {
        let org: i64 = framsyn::storage::organisations::all(c)?
            .first()
            .map(|o| o.id)
            .unwrap_or(1);
        let author = framsyn::storage::users::list(c, Some(org))?
            .first()
            .map(|u| u.id)
            .unwrap_or(1);
        Ok((org, author))
    })?;
    db.write_blocking(|tx| {
        for i in 0..count as usize {
            let w = |k: usize| words[(i * 7 + k * 13) % words.len()];
            let note = ValidNote {
                note_type: NoteType::ALL[i % NoteType::ALL.len()],
                title: format!("{} och {} i regionerna ({i})", w(0), w(1)),
                summary: format!("Hur {} påverkar {} och {} fram mot 2050.", w(2), w(3), w(4)),
                implications: format!("Regionerna behöver arbeta med {}.", w(5)),
                category: Category::ALL[i % Category::ALL.len()],
                secondary: vec![],
                direction: None,
                time_band: Some(TimeBand::ALL[i % TimeBand::ALL.len()]),
                scope: None,
                tags: vec![w(6).to_string()],
                phase: None,
                parent: None,
            };
            framsyn::storage::bank::insert(tx, &note, NoteStatus::Submitted, org, author)?;
        }
        Ok(())
    })?;
    Ok(())
}

/// The month the benchmark's events fill, and the events themselves: spread over the
/// twelve months of 2030, a weekday each, 09:00–16:00 Stockholm time.
const BENCH_MONTH: &str = "2030-03";

fn add_events(db: &Db, count: u32) -> anyhow::Result<()> {
    use chrono::TimeZone;
    use framsyn::domain::event::{Audience, EventKind, EventStatus, Mode, ValidEvent};
    let tz = chrono_tz::Europe::Stockholm;
    let kinds = [
        EventKind::Workshop,
        EventKind::Meeting,
        EventKind::Conference,
        EventKind::Other,
    ];
    db.write_blocking(|tx| {
        for i in 0..count {
            let day = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).expect("a date")
                + chrono::Duration::days((i % 360) as i64);
            let at = |h| {
                tz.from_local_datetime(&day.and_hms_opt(h, 0, 0).expect("an hour"))
                    .earliest()
                    .expect("a time")
                    .with_timezone(&chrono::Utc)
            };
            let event = ValidEvent {
                kind: kinds[i as usize % kinds.len()],
                phase: None,
                title: format!("Regionalt framsynsseminarium nr {i}"),
                description: "Ett seminarium om **trender**, scenarier och regional utveckling."
                    .into(),
                starts: at(9),
                ends: at(16),
                venue: Some("Regionens hus".into()),
                address: Some("Storgatan 1, Gävle".into()),
                mode: Mode::Hybrid,
                online_link: Some("https://meet.example.se/seminarium".into()),
                capacity: Some(80),
                per_organisation_cap: Some(4),
                registration_opens: None,
                registration_closes: None,
                contact_name: Some("Maria Lind".into()),
                contact_email: Some("maria@example.se".into()),
                audience: Audience::Public,
                change_note: None,
            };
            framsyn::storage::events::insert(tx, &event, EventStatus::Published, None, None)?;
        }
        Ok(())
    })?;
    Ok(())
}

const PAGES: [(&str, &str); 4] = [
    ("home", "/"),
    ("phase", "/phases/omvarlden"),
    ("month", "/calendar?view=month&month=2030-03"),
    ("feed", "/calendar.ics"),
];

/// The server process, stopped when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A scenario set of four scenarios in the phase that holds them, open, assessed (and
/// handed in) by every organisation: what the scenario charts are measured on.
fn add_scenarios(db: &Db, programme: &Programme) -> anyhow::Result<i64> {
    use framsyn::domain::assignment::{Action, SubmissionStatus};
    use framsyn::domain::bank::{Category, NoteStatus, NoteType, TimeBand, ValidNote};
    use framsyn::domain::scenario::{
        Axis, DriverState, Method, Quadrant, SetStatus, ValidScenario, ValidSet,
    };
    use framsyn::storage::{bank, organisations, scenarios, submissions, users};
    let phase = framsyn::domain::scenario::phases(programme)
        .first()
        .map(|p| p.to_string())
        .context("no phase holds scenario sets")?;
    let id = db.write_blocking(|tx| {
        let admin = users::list(tx, None)?.first().map(|u| u.id).unwrap_or(1);
        let orgs = organisations::all(tx)?;
        let owner = orgs.first().map(|o| o.id).unwrap_or(1);
        let mut notes = Vec::new();
        for (kind, title) in [
            (NoteType::Uncertainty, "Statens roll"),
            (NoteType::Uncertainty, "Omvärldens öppenhet"),
            (NoteType::Trend, "Åldrande befolkning"),
        ] {
            let note = ValidNote {
                note_type: kind,
                title: title.into(),
                summary: String::new(),
                implications: String::new(),
                category: Category::Political,
                secondary: vec![],
                direction: None,
                time_band: Some(TimeBand::ALL[0]),
                scope: None,
                tags: vec![],
                phase: None,
                parent: None,
            };
            notes.push(bank::insert(
                tx,
                &note,
                NoteStatus::Submitted,
                owner,
                admin,
            )?);
        }
        let set = ValidSet {
            title: "Regionerna 2050".into(),
            phase: phase.clone(),
            focal_question: "Hur ser regionerna ut 2050?".into(),
            horizon: 2050,
            method: Method::TwoAxes,
            axes: vec![
                Axis {
                    note: notes[0],
                    definition: String::new(),
                    low: "Stark stat".into(),
                    high: "Starka regioner".into(),
                },
                Axis {
                    note: notes[1],
                    definition: String::new(),
                    low: "Sluten värld".into(),
                    high: "Öppen värld".into(),
                },
            ],
            predetermined: vec![notes[2]],
        };
        let id = scenarios::insert_set(tx, &set, None, admin)?;
        let mut ids = Vec::new();
        for (i, q) in Quadrant::ALL.iter().enumerate() {
            let scenario = ValidScenario {
                quadrant: Some(*q),
                name: format!("Framtid {}", i + 1),
                tagline: "Regionerna tar ansvar för välfärd, kompetens och infrastruktur".into(),
                narrative: "Berättelsen om regionerna 2050.".into(),
                characteristics: vec![
                    "Kort pendling mellan stad och land".into(),
                    "Nya regionala skatter".into(),
                    "Digital vård i hela landet".into(),
                ],
                driver_states: notes
                    .iter()
                    .map(|&note| DriverState {
                        note,
                        state: "Utvecklas snabbt under 2030-talet och planar sedan ut".into(),
                    })
                    .collect(),
                signposts: vec![],
                image: None,
                image_alt: String::new(),
            };
            ids.push(scenarios::insert_scenario(tx, id, &scenario, admin)?);
        }
        scenarios::set_status(tx, id, SetStatus::Open, admin)?;
        for (k, org) in orgs.iter().enumerate() {
            let judgements: Vec<serde_json::Value> = ids
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    serde_json::json!({
                        "scenario": s,
                        "interest": 1 + (k + i) % 5,
                        "plausibility": 1 + (k * 3 + i) % 5,
                        "desirability": (k + 2 * i) % 5 - 2,
                        "reason": "Viktigt för regionen",
                    })
                })
                .collect();
            let rating = serde_json::json!({
                "set": id, "judgements": judgements, "most": [ids[k % ids.len()]],
            });
            let existing = submissions::get(tx, &phase, org.id)?;
            let mut parts = existing
                .as_ref()
                .map(|s| s.parts.clone())
                .filter(|p| p.is_object())
                .unwrap_or_else(|| serde_json::json!({}));
            parts["scenario_rating"] = rating;
            let answers = existing
                .as_ref()
                .map(|s| s.answers.clone())
                .unwrap_or_else(|| serde_json::json!({}));
            submissions::write(
                tx,
                &submissions::Draft {
                    phase: &phase,
                    organisation: org.id,
                    base_version: existing.as_ref().map(|s| s.version),
                    status: SubmissionStatus::Submitted,
                    action: Action::Submit,
                    answers: &answers,
                    parts: &parts,
                },
                admin,
            )?;
        }
        Ok(id)
    })?;
    Ok(id)
}

/// Consequences of set `set`'s four scenarios in the phase that works on it: every
/// organisation's own, ten at each of the programme's levels of each scenario (every third
/// following from the one before it, as a 2nd-order ring), handed in with the
/// organisation's submission. Returns the first scenario and the first organisation, for
/// the wheel and the region profile.
fn add_consequences(db: &Db, programme: &Programme, set: i64) -> anyhow::Result<(i64, i64)> {
    use framsyn::domain::assignment::{Action, SubmissionStatus};
    use framsyn::domain::consequence::{
        Centre, ConsequencePart, Magnitude, Timing, Valence, ValidConsequence,
    };
    use framsyn::storage::consequences::{self, Placed};
    use framsyn::storage::{organisations, scenarios, submissions, users};
    let phase = framsyn::domain::consequence::phases(programme)
        .first()
        .map(|p| p.to_string())
        .context("no phase asks for consequences")?;
    let levels: Vec<String> = programme
        .consequence_levels
        .iter()
        .map(|l| l.slug.clone())
        .collect();
    let themes: Vec<String> = programme
        .consequence_themes
        .iter()
        .map(|t| t.slug.clone())
        .collect();
    let found = db.write_blocking(|tx| {
        let admin = users::list(tx, None)?.first().map(|u| u.id).unwrap_or(1);
        let orgs = organisations::all(tx)?;
        let ids: Vec<i64> = scenarios::scenarios(tx, set)?
            .iter()
            .map(|s| s.id)
            .collect();
        for (k, org) in orgs.iter().enumerate() {
            let mut items = Vec::new();
            for (i, scenario) in ids.iter().enumerate() {
                for (j, level) in levels.iter().enumerate() {
                    let mut previous: Option<i64> = None;
                    for n in 0..10usize {
                        let follows = previous.filter(|_| n % 3 == 2);
                        let c = ValidConsequence {
                            level: level.clone(),
                            theme: themes.get((k + i + n) % themes.len().max(1)).cloned(),
                            text: format!(
                                "Konsekvens {} för regionen: pendling, boende och kompetens förändras",
                                n + 1
                            ),
                            valence: Some(Valence::ALL[(k + i + j + n) % Valence::ALL.len()]),
                            magnitude: Some(Magnitude::ALL[n % Magnitude::ALL.len()]),
                            timing: Some(Timing::ALL[(j + n) % Timing::ALL.len()]),
                            confidence: Some(1 + (n % 3) as u8),
                            parent: follows,
                            order: None,
                        };
                        let at = Placed {
                            phase: &phase,
                            centre: Centre::Scenario(*scenario),
                            organisation: Some(org.id),
                            order: if follows.is_some() { 2 } else { 1 },
                            based_on: None,
                        };
                        let id = consequences::insert(tx, at, &c, admin)?;
                        previous = follows.is_none().then_some(id);
                        if let Some(item) = consequences::get(tx, id)?.and_then(|c| c.part_item()) {
                            items.push(item);
                        }
                    }
                }
            }
            let existing = submissions::get(tx, &phase, org.id)?;
            let mut parts = existing
                .as_ref()
                .map(|s| s.parts.clone())
                .filter(|p| p.is_object())
                .unwrap_or_else(|| serde_json::json!({}));
            parts["consequences"] = serde_json::to_value(ConsequencePart { set, items })
                .unwrap_or_default();
            let answers = existing
                .as_ref()
                .map(|s| s.answers.clone())
                .unwrap_or_else(|| serde_json::json!({}));
            submissions::write(
                tx,
                &submissions::Draft {
                    phase: &phase,
                    organisation: org.id,
                    base_version: existing.as_ref().map(|s| s.version),
                    status: SubmissionStatus::Submitted,
                    action: Action::Submit,
                    answers: &answers,
                    parts: &parts,
                },
                admin,
            )?;
        }
        Ok((
            ids.first().copied().unwrap_or(1),
            orgs.first().map(|o| o.id).unwrap_or(1),
        ))
    })?;
    Ok(found)
}

/// A rating round on the newest `size` notes, rated by every strategist of the demo data on
/// impact and uncertainty (with a few don't-knows), open now. Returns its id.
fn add_round(db: &Db, size: usize) -> anyhow::Result<i64> {
    use framsyn::domain::rating::{
        Anonymity, Answer, Criterion, Feedback, RatingSheet, ValidRound,
    };
    use framsyn::domain::user::Role;
    let now = chrono::Utc::now();
    let id = db.write_blocking(|tx| {
        let notes: Vec<i64> = framsyn::storage::bank::search(
            tx,
            &framsyn::storage::bank::NoteFilter {
                limit: size as i64,
                ..Default::default()
            },
        )?
        .0
        .iter()
        .map(|n| n.id)
        .collect();
        let round = ValidRound {
            title: "Prioritering av trender".into(),
            description: String::new(),
            phase: Some("omvarlden".into()),
            notes: notes.clone(),
            criteria: vec![Criterion::Impact, Criterion::Uncertainty],
            opens_at: now - chrono::Duration::days(1),
            closes_at: now + chrono::Duration::days(30),
            anonymity: Anonymity::Leaders,
            feedback: Feedback::AfterAnswer,
            previous: None,
            min_answers: framsyn::domain::stats::CONSENSUS_MIN_ANSWERS,
        };
        let admin = framsyn::storage::users::list(tx, None)?
            .first()
            .map(|u| u.id)
            .unwrap_or(1);
        let id = framsyn::storage::rounds::insert(tx, &round, &notes, admin)?;
        let raters: Vec<_> = framsyn::storage::users::list(tx, None)?
            .into_iter()
            .filter(|u| u.roles.contains(&Role::Strategist))
            .collect();
        for (r, user) in raters.iter().enumerate() {
            let mut sheet = RatingSheet::default();
            for (n, note) in notes.iter().enumerate() {
                let value = |salt: usize| ((n * 7 + r * 3 + salt) % 5) as i32 + 1;
                let impact = if (n + r) % 17 == 0 {
                    Answer::DontKnow
                } else {
                    Answer::Value(value(0))
                };
                sheet.answers.insert((*note, Criterion::Impact), impact);
                sheet
                    .answers
                    .insert((*note, Criterion::Uncertainty), Answer::Value(value(2)));
            }
            framsyn::storage::rounds::save_sheet(tx, id, user.id, user.organisation_id, &sheet)?;
        }
        Ok(id)
    })?;
    Ok(id)
}

/// Two texts embedding the round's radar and driver map: one published (its figures
/// frozen) and one draft (its figures live). The round's notes are made public first, as
/// publishing requires. Returns the ids of the published text and the draft.
fn add_texts(
    db: &Db,
    programme: &framsyn::domain::programme::Programme,
    round: i64,
) -> anyhow::Result<(i64, i64)> {
    use framsyn::domain::publication::{PublicationKind, PublicationStatus, ValidPublication};
    use framsyn::storage::publications::{self, Change};
    let ids = db.write_blocking(|tx| {
        let editor = framsyn::storage::users::list(tx, None)?
            .first()
            .map(|u| u.id)
            .unwrap_or(1);
        for note in framsyn::storage::rounds::note_ids(tx, round)? {
            framsyn::storage::bank::set_public(tx, note, true, editor)?;
        }
        let text = ValidPublication {
            kind: PublicationKind::News,
            phase: Some("omvarlden".into()),
            output: None,
            title: "Trenderna efter workshop 1".into(),
            body: format!(
                "Så här ser regionerna på trenderna.\n\n[[radar:{round}]]\n\nOch så här osäkra är de.\n\n[[driver-map:{round}]]"
            ),
        };
        let published = publications::insert(tx, &text, editor)?;
        let material = framsyn::app::embeds::gather(tx, programme, &text.body, 0)?;
        for (status, action) in [
            (PublicationStatus::InReview, "submit"),
            (PublicationStatus::Published, "publish"),
        ] {
            let version = publications::get(tx, published)?.map_or(1, |p| p.version);
            let snapshot = (status == PublicationStatus::Published).then_some(&material);
            publications::set_status(
                tx,
                published,
                version,
                &Change {
                    status,
                    publish_at: None,
                    comment: None,
                    action,
                    snapshot,
                },
                editor,
            )?;
        }
        let draft = publications::insert(tx, &text, editor)?;
        Ok((published, draft))
    })?;
    Ok(ids)
}

/// The full activity history of every organisation: its strategist registered for every
/// programme event of every phase (attending every other), and a home assignment in every
/// phase that has one, in each status from draft to accepted.
fn add_history(db: &Db, programme: &framsyn::domain::programme::Programme) -> anyhow::Result<()> {
    use framsyn::domain::assignment::{Action, SubmissionStatus};
    use framsyn::domain::user::Role;
    use framsyn::storage::events::{self, EventFilter, Registered, Registrant};
    use framsyn::storage::submissions::{self, Draft};
    db.write_blocking(|tx| {
        let strategists: Vec<_> = framsyn::storage::users::list(tx, None)?
            .into_iter()
            .filter(|u| u.roles.contains(&Role::Strategist))
            .collect();
        let leader = framsyn::storage::users::list(tx, None)?
            .into_iter()
            .find(|u| u.roles.contains(&Role::ProcessLeader))
            .map(|u| u.id)
            .unwrap_or(1);
        for (p, phase) in programme.phases.iter().enumerate() {
            let programme_events = events::list(
                tx,
                &EventFilter {
                    phase: Some(phase.slug.clone()),
                    members: true,
                    limit: 100,
                    ..Default::default()
                },
            )?;
            for (i, user) in strategists.iter().enumerate() {
                for event in programme_events
                    .iter()
                    .filter(|e| e.organisation_id.is_none())
                {
                    let person = Registrant {
                        user_id: Some(user.id),
                        name: user.name.clone(),
                        email: user.email.clone(),
                        organisation_id: Some(user.organisation_id),
                    };
                    if let Registered::Confirmed(id) =
                        events::register(tx, event.id, &person, &[], Some(leader), false)?
                        && (i + p) % 2 == 0
                    {
                        events::set_attended(tx, event.id, id, Some(true))?;
                    }
                }
                if phase.home_assignment().is_none() {
                    continue;
                }
                let answers = serde_json::json!({ "viktigast": "Demografin och klimatet." });
                let parts = serde_json::json!({});
                let step = (i + p) % 4;
                let action = if step == 0 {
                    Action::Save
                } else {
                    Action::Submit
                };
                let status = if step == 0 {
                    SubmissionStatus::Draft
                } else {
                    SubmissionStatus::Submitted
                };
                submissions::write(
                    tx,
                    &Draft {
                        phase: &phase.slug,
                        organisation: user.organisation_id,
                        base_version: None,
                        status,
                        action,
                        answers: &answers,
                        parts: &parts,
                    },
                    user.id,
                )?;
                if step >= 2
                    && let Some(s) = submissions::get(tx, &phase.slug, user.organisation_id)?
                {
                    let (next, action) = if step == 2 {
                        (SubmissionStatus::Returned, Action::Return)
                    } else {
                        (SubmissionStatus::Accepted, Action::Accept)
                    };
                    submissions::review(tx, s.id, s.version, next, action, Some("Tack."), leader)?;
                }
            }
        }
        Ok(())
    })?;
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let seconds = args.seconds.clamp(1, 60);
    let connections = args.connections.clamp(1, 256);
    let renders = args.renders.clamp(1, 100_000);
    let event_count = args.events.min(100_000);
    let note_count = args.notes.min(1_000_000);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;

    println!("In-process render time (router called directly, no network), mean of {renders}:");
    for (name, path) in PAGES {
        let per = runtime.block_on(render_time(path, renders, event_count))?;
        println!("  {name:<6} {path:<20} {:>8.1} µs", per.as_secs_f64() * 1e6);
    }

    let (first, per, size) = runtime.block_on(report_time(3))?;
    println!(
        "\nThe final publication as PDF (demo data, Swedish): first build {:.0} ms, then {:.0} ms (mean of 3), {size} bytes",
        first.as_secs_f64() * 1e3,
        per.as_secs_f64() * 1e3
    );

    let work = tempfile::tempdir()?;
    let database = work.path().join("bench.sqlite3");
    let assets = work.path().join("assets");
    std::fs::create_dir(&assets)?;
    let source_assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    for file in ["framsyn.css", "favicon.svg"] {
        std::fs::copy(source_assets.join(file), assets.join(file))?;
    }
    let binary = server_binary()?;
    let demo = Command::new(&binary)
        .arg("--database")
        .arg(&database)
        .arg("demo")
        .stdout(Stdio::null())
        .env("RUST_LOG", "warn")
        .status()?;
    anyhow::ensure!(demo.success(), "loading the demo data failed");
    add_events(&Db::open(&database)?, event_count)?;
    let started = Instant::now();
    add_notes(&Db::open(&database)?, note_count)?;
    println!(
        "\n{note_count} bank notes written in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let round = add_round(&Db::open(&database)?, 300)?;
    let programme = framsyn::domain::programme::Programme::load_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("phases/regionerna-2050"),
    )?;
    add_history(&Db::open(&database)?, &programme)?;
    let (published, draft) = add_texts(&Db::open(&database)?, &programme, round)?;
    let frozen_path = format!("/publications/{published}");
    let live_path = format!("/editorial/{draft}");
    let radar_path = format!("/rounds/{round}/radar");
    let drivers_path = format!("/rounds/{round}/driver-map");
    let set = add_scenarios(&Db::open(&database)?, &programme)?;
    let cross_path = format!("/scenario-sets/{set}/cross");
    let comparison_path = format!("/scenario-sets/{set}/comparison");
    let assessment_path = format!("/scenario-sets/{set}/assessment");
    let (scenario, region) = add_consequences(&Db::open(&database)?, &programme, set)?;
    // The consequence views' addresses (the heat table, the futures wheel, a region's
    // profile), measured on 25 organisations × 4 scenarios × 4 levels × 10.
    let heat_path = format!("/scenario-sets/{set}/consequences");
    let wheel_path = format!("/scenarios/{scenario}/wheel");
    let profile_path = format!("/organisations/{region}/consequences");

    let addr = free_loopback_addr()?;
    let server = Server(
        Command::new(&binary)
            .arg("--database")
            .arg(&database)
            .arg("--assets")
            .arg(&assets)
            .arg("--addr")
            .arg(addr.to_string())
            .arg("serve")
            .env("RUST_LOG", "warn")
            .spawn()
            .context("starting the server")?,
    );
    let client = client();
    runtime.block_on(wait_until_up(&client, addr))?;

    let member = runtime.block_on(sign_in(
        addr,
        "strateg.skane@demo.test",
        "framsyn-demo-2050",
    ))?;
    let leader = runtime.block_on(sign_in(
        addr,
        "processledare@demo.test",
        "framsyn-demo-2050",
    ))?;
    let editor = runtime.block_on(sign_in(addr, "redaktor@demo.test", "framsyn-demo-2050"))?;

    // The pages' exact bytes, where the server's static file service finds them.
    for (name, path) in PAGES {
        let body = runtime.block_on(fetch(&client, &format!("http://{addr}{path}")))?;
        std::fs::write(assets.join(format!("{name}.html")), body)?;
    }

    let month_path = format!("/calendar?view=month&month={BENCH_MONTH}");
    let targets = [
        ("home page", "/"),
        ("home, static", "/assets/home.html"),
        ("phase page", "/phases/omvarlden"),
        ("phase, static", "/assets/phase.html"),
        ("calendar month", month_path.as_str()),
        ("month, static", "/assets/month.html"),
        ("feed (all)", "/calendar.ics"),
        ("feed, static", "/assets/feed.html"),
        ("bank search", "/bank?q=%C3%A5ldrande+energi"),
        (
            "bank filtered",
            "/bank?category=social&type=trend&time_band=2030_2040",
        ),
        ("bank, page 200", "/bank?page=200"),
        ("bank, visitor", "/bank"),
        ("search page", "/search?q=v%C3%A4tgas"),
        ("radar, 300", radar_path.as_str()),
        ("driver map, 300", drivers_path.as_str()),
        ("scenario cross", cross_path.as_str()),
        ("scenario table", comparison_path.as_str()),
        ("assessment, 25", assessment_path.as_str()),
        ("heat table, 16k", heat_path.as_str()),
        ("futures wheel", wheel_path.as_str()),
        ("region profile", profile_path.as_str()),
        ("progress, 25×6", "/progress"),
        ("text, frozen", frozen_path.as_str()),
        ("text, live", live_path.as_str()),
    ];
    println!(
        "\nLoad on http://{addr}: {connections} keep-alive connections, {seconds} s per target; demo data, {event_count} events, {note_count} notes"
    );
    println!(
        "{:<16} {:>9} {:>10} {:>9} {:>9} {:>9} {:>9}",
        "target", "requests", "req/s", "p50 µs", "p95 µs", "p99 µs", "max µs"
    );
    for (name, path) in targets {
        let uri = format!("http://{addr}{path}");
        // The bank's pages are measured as a signed-in member sees them (drafts of their own
        // organisation included); the tracker, the scenario charts (an open set, whose
        // assessment only those who write sets see) and the consequence views (every
        // organisation's) as the process leader; everything
        // else as a visitor.
        let cookie = if path == "/progress"
            || path.starts_with("/scenario-sets/")
            || path.starts_with("/scenarios/")
            || path.starts_with("/organisations/")
        {
            Some(leader.as_str())
        } else if path.starts_with("/editorial/") {
            Some(editor.as_str())
        } else {
            (path.starts_with("/bank?")
                || path.starts_with("/search")
                || path.starts_with("/rounds/"))
            .then_some(member.as_str())
        };
        let (count, histogram) = runtime.block_on(load(
            &client,
            &uri,
            cookie,
            connections,
            Duration::from_secs(seconds),
        ))?;
        println!(
            "{:<16} {:>9} {:>10.0} {:>9} {:>9} {:>9} {:>9}",
            name,
            count,
            count as f64 / seconds as f64,
            histogram.value_at_quantile(0.50),
            histogram.value_at_quantile(0.95),
            histogram.value_at_quantile(0.99),
            histogram.max()
        );
    }
    if let Some(peak) = peak_memory(server.0.id()) {
        println!("\nServer memory: {peak}");
    }
    Ok(())
}

fn server_binary() -> anyhow::Result<PathBuf> {
    let here = std::env::current_exe()?;
    let binary = here.with_file_name(format!("framsyn{}", std::env::consts::EXE_SUFFIX));
    anyhow::ensure!(
        binary.exists(),
        "{} is missing: build it first (cargo build --release --bins)",
        binary.display()
    );
    Ok(binary)
}

fn free_loopback_addr() -> anyhow::Result<SocketAddr> {
    let probe = TcpListener::bind("127.0.0.1:0")?;
    let addr = probe.local_addr()?;
    anyhow::ensure!(
        addr.ip().is_loopback(),
        "the benchmark only targets loopback"
    );
    Ok(addr)
}

type HttpClient = Arc<Client<HttpConnector, Empty<Bytes>>>;

fn client() -> HttpClient {
    let mut connector = HttpConnector::new();
    connector.set_nodelay(true);
    Arc::new(Client::builder(TokioExecutor::new()).build(connector))
}

async fn wait_until_up(client: &HttpClient, addr: SocketAddr) -> anyhow::Result<()> {
    let uri: hyper::Uri = format!("http://{addr}/health").parse()?;
    let until = Instant::now() + Duration::from_secs(30);
    while Instant::now() < until {
        if client
            .get(uri.clone())
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    anyhow::bail!("the server did not answer on {addr}")
}

async fn fetch(client: &HttpClient, uri: &str) -> anyhow::Result<Bytes> {
    let response = client.get(uri.parse()?).await?;
    anyhow::ensure!(
        response.status().is_success(),
        "{uri}: {}",
        response.status()
    );
    Ok(response.into_body().collect().await?.to_bytes())
}

/// Mean time for the router to answer one request in process, over a fresh demo database.
async fn render_time(path: &str, renders: u32, event_count: u32) -> anyhow::Result<Duration> {
    let programme_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("phases/regionerna-2050");
    let programme = Programme::load_dir(&programme_dir).map_err(|e| anyhow::anyhow!("{e}"))?;
    let db = Db::open_temporary()?;
    let demo = framsyn::demo::read(&programme_dir.clone().into())?;
    framsyn::demo::load(&db, &programme, &demo)?;
    add_events(&db, event_count)?;
    let config = Config::new(
        "127.0.0.1:0".parse()?,
        db.path().to_path_buf(),
        programme_dir,
        None,
    );
    let app = router(AppState::new(db, programme, config));
    let once = || async {
        let response = app
            .clone()
            .oneshot(axum::http::Request::get(path).body(Body::empty())?)
            .await?;
        anyhow::ensure!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
        response.into_body().collect().await?;
        Ok::<_, anyhow::Error>(())
    };
    for _ in 0..50 {
        once().await?;
    }
    let started = Instant::now();
    for _ in 0..renders {
        once().await?;
    }
    Ok(started.elapsed() / renders)
}

/// Mean time to build the final publication's PDF from a fresh demo database (rendering
/// its HTML, converting and typesetting it), and the PDF's size.
async fn report_time(runs: u32) -> anyhow::Result<(Duration, Duration, usize)> {
    let programme_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("phases/regionerna-2050");
    let programme = Programme::load_dir(&programme_dir).map_err(|e| anyhow::anyhow!("{e}"))?;
    let db = Db::open_temporary()?;
    let demo = framsyn::demo::read(&programme_dir.clone().into())?;
    framsyn::demo::load(&db, &programme, &demo)?;
    let config = Config::new(
        "127.0.0.1:0".parse()?,
        db.path().to_path_buf(),
        programme_dir,
        None,
    );
    let state = AppState::new(db, programme, config);
    let lang = framsyn::domain::lang::Lang::Sv;
    // The first build also reads the fonts and fills Typst's caches.
    let started = Instant::now();
    let size = framsyn::web::report::build(&state, lang).await?.len();
    let first = started.elapsed();
    let started = Instant::now();
    for _ in 0..runs {
        framsyn::web::report::build(&state, lang).await?;
    }
    Ok((first, started.elapsed() / runs, size))
}

async fn load(
    client: &HttpClient,
    uri: &str,
    cookie: Option<&str>,
    connections: usize,
    duration: Duration,
) -> anyhow::Result<(u64, Histogram<u64>)> {
    let uri: hyper::Uri = uri.parse().context("uri")?;
    let cookie = cookie.map(str::to_string);
    let deadline = Instant::now() + duration;
    let mut tasks = Vec::new();
    for _ in 0..connections {
        let (client, uri, cookie) = (client.clone(), uri.clone(), cookie.clone());
        tasks.push(tokio::spawn(async move {
            let mut histogram = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3)?;
            let mut count = 0u64;
            while Instant::now() < deadline {
                let started = Instant::now();
                let mut request = hyper::Request::get(uri.clone());
                if let Some(cookie) = &cookie {
                    request = request.header("cookie", cookie);
                }
                let response = client.request(request.body(Empty::new())?).await?;
                anyhow::ensure!(
                    response.status().is_success(),
                    "status {}",
                    response.status()
                );
                response.into_body().collect().await?;
                histogram.record(started.elapsed().as_micros() as u64)?;
                count += 1;
            }
            Ok::<_, anyhow::Error>((count, histogram))
        }));
    }
    let mut total = 0;
    let mut histogram = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3)?;
    for task in tasks {
        let (count, part) = task.await??;
        total += count;
        histogram.add(part)?;
    }
    Ok((total, histogram))
}

/// The server process's memory from /proc (Linux): peak resident set, and the anonymous
/// (heap) part now. The resident set counts the memory-mapped database once per reader
/// connection, though it is the same shared page cache, so the heap is the fairer figure.
fn peak_memory(pid: u32) -> Option<String> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .map(|l| l.trim_start_matches(name).trim().to_string())
    };
    Some(format!(
        "peak resident {} (mapped database counted per connection); heap now {}",
        field("VmHWM:")?,
        field("RssAnon:")?
    ))
}

/// Signs in through the login form and returns the session cookie (`name=value`).
async fn sign_in(addr: SocketAddr, email: &str, password: &str) -> anyhow::Result<String> {
    let body = format!(
        "email={}&password={}",
        form_urlencoded::byte_serialize(email.as_bytes()).collect::<String>(),
        form_urlencoded::byte_serialize(password.as_bytes()).collect::<String>()
    );
    let request = hyper::Request::post(format!("http://{addr}/login"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin")
        .body(http_body_util::Full::new(Bytes::from(body)))?;
    let client: Client<HttpConnector, http_body_util::Full<Bytes>> =
        Client::builder(TokioExecutor::new()).build(HttpConnector::new());
    let response = client.request(request).await?;
    anyhow::ensure!(
        response.status().is_redirection(),
        "sign-in failed: {}",
        response.status()
    );
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("framsyn_session="))
        .and_then(|v| v.split(';').next())
        .map(str::to_string)
        .ok_or_else(|| anyhow::anyhow!("no session cookie"))
}
