//! The rating sheet: a card per note with its summary, compact answers per criterion,
//! the person's progress, saving part of the work and coming back to it, the filter to
//! the notes not yet rated, and how a partly rated sheet counts in the figures.

use std::collections::BTreeMap;

use axum::http::StatusCode;

use super::helpers::*;
use super::rounds::{checked, field};
use framsyn::domain::rating::Criterion;
use framsyn::storage::rounds;

const CRITERIA: [Criterion; 2] = [Criterion::Impact, Criterion::Uncertainty];

/// A submitted note with a summary of two paragraphs.
async fn note(author: &impl Client, title: &str, first: &str, second: &str) -> i64 {
    let summary = format!("{first}\n\n{second}");
    let response = author
        .post(
            "/bank/new?then=submit",
            &[
                ("type", "trend"),
                ("title", title),
                ("summary", &summary),
                ("category", "social"),
                ("time_band", "2030_2040"),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    response
        .location()
        .trim_start_matches("/bank/")
        .parse()
        .unwrap()
}

/// Three notes (with their first paragraphs) and a round on them rated on impact and
/// uncertainty, open now, consensus claimed from two answers.
async fn setup(app: &TestApp) -> (World, Vec<(i64, &'static str)>, i64) {
    let w = world(app);
    let strategist = app.as_strategist_a().await;
    let mut notes = Vec::new();
    for (title, first, second) in [
        (
            "Åldrande befolkning",
            "Andelen över 80 år fördubblas.",
            "Vården måste byggas om.",
        ),
        (
            "Distansarbete",
            "Fler arbetar hemifrån flera dagar i veckan.",
            "Pendlingen minskar.",
        ),
        (
            "Kompetensbrist",
            "Det saknas utbildade i vård och teknik.",
            "Rekryteringen tar längre tid.",
        ),
    ] {
        notes.push((note(&strategist, title, first, second).await, first));
    }
    let numbers: Vec<String> = notes.iter().map(|(id, _)| id.to_string()).collect();
    let numbers = numbers.join(", ");
    let created = app
        .as_leader()
        .await
        .post(
            "/rounds/new",
            &[
                ("title", "Prioritering i etapper"),
                ("notes", &numbers),
                ("criteria", CRITERIA[0].key()),
                ("criteria", CRITERIA[1].key()),
                ("opens_at", "2020-01-01T09:00"),
                ("closes_at", "2099-01-01T09:00"),
                ("anonymity", "leaders"),
                ("feedback", "after_answer"),
                ("min_answers", "2"),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let round = created
        .location()
        .trim_start_matches("/rounds/")
        .parse()
        .unwrap();
    (w, notes, round)
}

/// How many of `notes` have an answer on every criterion among `posted` fields.
fn rated_in(posted: &[(String, &str)], notes: &[i64]) -> usize {
    notes
        .iter()
        .filter(|n| {
            CRITERIA.iter().all(|c| {
                posted
                    .iter()
                    .any(|(name, v)| *name == field(**n, c.key()) && !v.is_empty())
            })
        })
        .count()
}

fn as_pairs<'a>(posted: &'a [(String, &'a str)]) -> Vec<(&'a str, &'a str)> {
    posted.iter().map(|(k, v)| (k.as_str(), *v)).collect()
}

/// The progress the sheet shows, top and beside the save button: (rated, total) each.
fn progress(page: &TestResponse) -> Vec<(String, String)> {
    let rated = page.attrs("[data-progress]", "data-rated");
    let total = page.attrs("[data-progress]", "data-total");
    let bars = page.attrs("[data-progress] progress", "value");
    assert_eq!(rated, bars, "the bar shows the same figure as the text");
    rated.into_iter().zip(total).collect()
}

fn stored(app: &TestApp, round: i64) -> Vec<rounds::Rating> {
    app.db
        .read_blocking(move |c| rounds::ratings(c, round, None, None, None))
        .unwrap()
}

#[tokio::test]
async fn the_sheet_shows_a_card_per_note_with_its_summary_and_compact_answers() {
    let app = spawn_app();
    let (_, notes, round) = setup(&app).await;
    let page = app
        .as_strategist_a()
        .await
        .get(&format!("/rounds/{round}"))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let ids: Vec<String> = notes.iter().map(|(id, _)| id.to_string()).collect();
    assert_eq!(
        page.attrs("article.ds-card[data-rate-note]", "data-rate-note"),
        ids
    );
    for (id, first) in &notes {
        let card = format!("[data-rate-note='{id}']");
        // The summary's first paragraph only; the whole note one click away.
        let summary = page.texts(&format!("{card} [data-note-summary]"));
        assert_eq!(summary, vec![first.to_string()]);
        assert_eq!(
            page.attrs(&format!("{card} a[data-note-link]"), "href"),
            vec![format!("/bank/{id}")]
        );
        assert_eq!(
            page.attrs(&format!("{card} [data-rated-tag]"), "data-rated-tag"),
            ["no"]
        );
        // One group of radio buttons per criterion: each point, don't know, no answer.
        for c in CRITERIA {
            let name = field(*id, c.key());
            let radios = page.attrs(
                &format!("{card} fieldset#{name} input[type=radio]"),
                "value",
            );
            let mut expected: Vec<String> = c.points().iter().map(|p| p.to_string()).collect();
            expected.extend(["dk".to_string(), String::new()]);
            assert_eq!(radios, expected);
            assert_eq!(checked(&page, &name), [""], "nothing answered yet");
        }
    }
    assert!(page.texts("main select").is_empty(), "no drop-downs");
    let total = notes.len().to_string();
    assert_eq!(progress(&page), vec![("0".into(), total.clone()); 2]);
    assert_eq!(
        page.texts("#rating-progress-top"),
        vec![format!("0 av {total} bedömda")]
    );
}

#[tokio::test]
async fn a_partial_save_is_kept_and_a_later_save_from_the_unrated_notes_completes_it() {
    let app = spawn_app();
    let (_, notes, round) = setup(&app).await;
    let ids: Vec<i64> = notes.iter().map(|(id, _)| *id).collect();
    let total = ids.len().to_string();
    let strategist = app.as_strategist_a().await;
    let sheet = format!("/rounds/{round}");

    // A value off the scale: refused, nothing stored, and nothing typed is lost.
    let reason = format!("reason-{}", ids[1]);
    let refused = strategist
        .post(
            &sheet,
            &[
                (&field(ids[0], "impact"), "9"),
                (&field(ids[1], "impact"), "3"),
                (&reason, "Märks redan hos oss."),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let at_field = refused.attrs(&format!("#{}-error", field(ids[0], "impact")), "data-error");
    assert_eq!(at_field, ["error-rating-scale"]);
    assert_eq!(checked(&refused, &field(ids[1], "impact")), ["3"]);
    assert_eq!(
        refused.texts(&format!("#{reason}")),
        ["Märks redan hos oss."]
    );
    assert!(stored(&app, round).is_empty());

    // Part of the work: the first note whole, the second on one criterion.
    let first: Vec<(String, &str)> = vec![
        (field(ids[0], "impact"), "4"),
        (field(ids[0], "uncertainty"), "dk"),
        (field(ids[1], "impact"), "3"),
        (reason.clone(), "Märks redan hos oss."),
    ];
    let saved = strategist.post(&sheet, &as_pairs(&first)).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let rated = rated_in(&first, &ids);
    assert!(rated > 0 && rated < ids.len());

    // Coming back: the answers checked, the reason there, the progress counted.
    let page = strategist.get(saved.location()).await;
    assert_eq!(page.texts("#round-saved").len(), 1);
    for (name, value) in first.iter().filter(|(n, _)| n.starts_with("r-")) {
        assert_eq!(checked(&page, name), [value.to_string()], "{name}");
    }
    assert_eq!(checked(&page, &field(ids[1], "uncertainty")), [""]);
    assert_eq!(page.texts(&format!("#{reason}")), ["Märks redan hos oss."]);
    assert_eq!(progress(&page), vec![(rated.to_string(), total.clone()); 2]);
    let tags = page.attrs("[data-rate-note] [data-rated-tag]", "data-rated-tag");
    let expected: Vec<&str> = ids
        .iter()
        .map(|n| {
            if rated_in(&first, &[*n]) == 1 {
                "yes"
            } else {
                "no"
            }
        })
        .collect();
    assert_eq!(tags, expected);
    let next = page.attrs(".rating-jumps a[data-next-unrated]", "href");
    assert_eq!(next, [format!("#rate-note-{}", ids[1])]);

    // Only the notes not yet rated, to work in chunks.
    let filter = page.attrs("a[data-filter=unrated]", "href");
    assert_eq!(filter, [format!("{sheet}?show=unrated")]);
    let unrated = strategist.get(&filter[0]).await;
    let shown = unrated.attrs("[data-rate-note]", "data-rate-note");
    let waiting: Vec<String> = ids
        .iter()
        .filter(|n| rated_in(&first, &[**n]) == 0)
        .map(|n| n.to_string())
        .collect();
    assert_eq!(shown, waiting);
    assert_eq!(
        unrated.attrs("form.rating-sheet input[name=show]", "value"),
        ["unrated"]
    );
    assert_eq!(progress(&unrated)[0], (rated.to_string(), total.clone()));

    // The rest, saved from that view: the first note, not on the form, keeps its answers.
    let rest: Vec<(String, &str)> = vec![
        (field(ids[1], "uncertainty"), "2"),
        (field(ids[2], "impact"), "5"),
        (field(ids[2], "uncertainty"), "1"),
        ("show".into(), "unrated"),
    ];
    let saved = strategist.post(&sheet, &as_pairs(&rest)).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert!(saved.location().contains("show=unrated"));
    let answers = stored(&app, round);
    assert_eq!(answers.len(), ids.len() * CRITERIA.len());
    let first_impact = answers
        .iter()
        .find(|a| a.note_id == ids[0] && a.criterion == Criterion::Impact)
        .unwrap();
    assert_eq!(first_impact.value, Some(4));
    let done = strategist.get(saved.location()).await;
    assert!(done.attrs("[data-rate-note]", "data-rate-note").is_empty());
    assert_eq!(done.texts("[data-all-rated]").len(), 1);
    assert_eq!(progress(&done), vec![(total.clone(), total.clone()); 2]);

    // A later save overwrites the same person's answer, one row per note and criterion.
    let again = strategist
        .post(&sheet, &[(&field(ids[0], "impact"), "2")])
        .await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    let answers = stored(&app, round);
    assert_eq!(answers.len(), ids.len() * CRITERIA.len());
    assert!(
        answers
            .iter()
            .any(|a| a.note_id == ids[0] && a.criterion == Criterion::Impact && a.value == Some(2))
    );
}

#[tokio::test]
async fn after_the_round_closes_a_save_is_refused_and_the_saved_part_stays() {
    let app = spawn_app();
    let (_, notes, round) = setup(&app).await;
    let ids: Vec<i64> = notes.iter().map(|(id, _)| *id).collect();
    let strategist = app.as_strategist_a().await;
    let sheet = format!("/rounds/{round}");
    let part = [
        (field(ids[0], "impact"), "4"),
        (field(ids[0], "uncertainty"), "2"),
    ];
    let part: Vec<(String, &str)> = part.to_vec();
    assert_eq!(
        strategist.post(&sheet, &as_pairs(&part)).await.status,
        StatusCode::SEE_OTHER
    );
    let before = stored(&app, round);
    let leader = app.as_leader().await;
    assert_eq!(
        leader
            .post(&format!("/rounds/{round}/close"), &[])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let late = strategist
        .post(&sheet, &[(&field(ids[1], "impact"), "5")])
        .await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    late.assert_error("error-round-closed");
    assert_eq!(stored(&app, round).len(), before.len());
    // What was saved still counts and shows; the sheet takes no more answers.
    let page = strategist.get(&sheet).await;
    let rated = rated_in(&part, &ids).to_string();
    assert_eq!(progress(&page)[0], (rated, ids.len().to_string()));
    assert_eq!(checked(&page, &field(ids[0], "impact")), ["4"]);
    assert!(page.attrs("#rating-save", "type").is_empty());
    let enabled = page.attrs("input[type=radio]:not([disabled])", "value");
    assert!(enabled.is_empty(), "no answer can be given");
}

#[tokio::test]
async fn a_partly_rated_sheet_counts_for_the_notes_it_answers() {
    let app = spawn_app();
    let (_, notes, round) = setup(&app).await;
    let ids: Vec<i64> = notes.iter().map(|(id, _)| *id).collect();
    let sheet = format!("/rounds/{round}");
    // Skåne rates the first note only; Norrbotten the first and second on impact.
    let a: Vec<(String, &str)> = vec![
        (field(ids[0], "impact"), "4"),
        (field(ids[0], "uncertainty"), "2"),
    ];
    let b: Vec<(String, &str)> = vec![
        (field(ids[0], "impact"), "2"),
        (field(ids[1], "impact"), "5"),
    ];
    for (who, posted) in [(STRATEGIST_A, &a), (STRATEGIST_B, &b)] {
        let saved = app.as_user(who).await.post(&sheet, &as_pairs(posted)).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    }
    let answered = |note: i64, c: Criterion| -> Vec<i32> {
        [&a, &b]
            .iter()
            .flat_map(|p| p.iter())
            .filter(|(name, _)| *name == field(note, c.key()))
            .map(|(_, v)| v.parse().unwrap())
            .collect()
    };
    let the_round = app
        .db
        .read_blocking(move |c| rounds::get(c, round))
        .unwrap()
        .unwrap();
    let figures = framsyn::app::rounds::figures_of(&app.db, &the_round, None)
        .await
        .unwrap();
    let by_pair: BTreeMap<(i64, Criterion), _> = figures
        .iter()
        .map(|f| ((f.note_id, f.criterion), &f.summary))
        .collect();
    for &note in &ids {
        for c in CRITERIA {
            let values = answered(note, c);
            let s = by_pair[&(note, c)];
            assert_eq!(s.n, values.len(), "note {note}, {c:?}");
            // Consensus is claimed or denied only from the round's two answers on.
            assert_eq!(
                s.consensus.is_some(),
                values.len() >= 2,
                "note {note}, {c:?}"
            );
            if values.len() == 2 {
                let median = f64::from(values[0] + values[1]) / 2.0;
                assert_eq!(s.median, Some(median));
            }
        }
    }
    // Each person's own progress: Skåne whole on one note, Norrbotten on none.
    let page_a = app.as_strategist_a().await.get(&sheet).await;
    let page_b = app.as_strategist_b().await.get(&sheet).await;
    assert_eq!(progress(&page_a)[0].0, rated_in(&a, &ids).to_string());
    assert_eq!(progress(&page_b)[0].0, rated_in(&b, &ids).to_string());
}

#[tokio::test]
async fn the_demo_holds_a_sheet_rated_in_part() {
    let (mut app, demo) = spawn_demo("regionerna-2050");
    let now = app.clock.now().timestamp();
    let open = app
        .db
        .read_blocking(rounds::all)
        .unwrap()
        .into_iter()
        .find(|r| r.opens_at <= now && now < r.closes_at)
        .expect("a round open now");
    let password = demo.password().to_string();
    let signed_in = app
        .post(
            "/login",
            &[
                ("email", "strateg.skane@demo.test"),
                ("password", &password),
            ],
        )
        .await;
    assert_eq!(signed_in.status, StatusCode::SEE_OTHER);
    let page = app.get(&format!("/rounds/{}", open.id)).await;
    let (rated, total) = progress(&page)[0].clone();
    let (rated, total): (usize, usize) = (rated.parse().unwrap(), total.parse().unwrap());
    assert!(0 < rated && rated < total, "{rated} of {total}");
    let waiting = page.attrs("[data-rate-note][data-rated=no]", "data-rate-note");
    assert_eq!(waiting.len(), total - rated);
    // A note half answered shows its one answer and still waits.
    let half = page.attrs(
        "[data-rated=no] input[type=radio][checked]:not([value=''])",
        "name",
    );
    assert!(!half.is_empty(), "one note is answered in part");
}
