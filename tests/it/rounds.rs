//! Rating rounds: opening them, rating (with don't know and reasons), the refusals, the
//! figures against hand-computed values overall and per organisation, feedback and
//! anonymity rules, the Delphi second round, and the CSV exports.

use axum::http::StatusCode;

use super::helpers::submitted_note as note;
use super::helpers::*;
use framsyn::domain::user::Role;
use framsyn::storage::rounds;

pub(super) const STRATEGIST_A2: &str = "analytiker@skane.test";

fn round_fields<'a>(notes: &'a str, opens: &'a str, closes: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("title", "Prioritering av trender"),
        ("notes", notes),
        ("criteria", "impact"),
        ("criteria", "uncertainty"),
        ("criteria", "desirability"),
        ("opens_at", opens),
        ("closes_at", closes),
        ("anonymity", "leaders"),
        ("feedback", "after_answer"),
    ]
}

async fn open_round(leader: &impl Client, fields: &[(&str, &str)]) -> i64 {
    let response = leader.post("/rounds/new", fields).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    response
        .location()
        .trim_start_matches("/rounds/")
        .parse()
        .unwrap()
}

/// Two notes, a round on both open now, and three strategists in two regions.
pub(super) async fn setup(app: &TestApp) -> (World, i64, i64, i64) {
    let w = world(app);
    app.user(STRATEGIST_A2, w.org_a, &[Role::Strategist]);
    let strategist = app.as_strategist_a().await;
    let first = note(&strategist, "trend", "Åldrande befolkning").await;
    let second = note(&strategist, "uncertainty", "Framtidens energipriser").await;
    let numbers = format!("{first}, #{second}");
    let round = open_round(
        &app.as_leader().await,
        &round_fields(&numbers, "2020-01-01T09:00", "2099-01-01T09:00"),
    )
    .await;
    (w, first, second, round)
}

pub(super) fn field(note: i64, criterion: &str) -> String {
    format!("r-{note}-{criterion}")
}

/// The values checked on the sheet for field `name` ("" for not answered).
pub(super) fn checked(page: &TestResponse, name: &str) -> Vec<String> {
    page.attrs(
        &format!("input[type=radio][name='{name}'][checked]"),
        "value",
    )
}

#[tokio::test]
async fn only_process_leaders_open_rounds_and_bad_rounds_are_refused_at_the_field() {
    let app = spawn_app();
    let (_, first, _, _) = setup(&app).await;
    let strategist = app.as_strategist_a().await;
    assert_eq!(
        strategist.get("/rounds/new").await.status,
        StatusCode::FORBIDDEN
    );
    let leader = app.as_leader().await;
    let before = app.db.read_blocking(rounds::all).unwrap().len();
    let refused = leader
        .post(
            "/rounds/new",
            &[
                ("title", "Ofullständig"),
                ("notes", "tolv"),
                ("opens_at", "2026-03-12T09:00"),
                ("closes_at", "2026-03-01T09:00"),
                ("anonymity", "hemlig"),
                ("feedback", "after_close"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    for id in [
        "f-notes-error",
        "f-criteria-error",
        "f-closes_at-error",
        "f-anonymity-error",
    ] {
        refused.assert_contains(&format!("id=\"{id}\""));
    }
    refused.assert_contains("value=\"Ofullständig\"");
    // A note that does not exist, or is only a draft, cannot be put to a round.
    let draft = strategist
        .post(
            "/bank/new?then=draft",
            &[
                ("type", "trend"),
                ("title", "Utkast"),
                ("category", "social"),
            ],
        )
        .await
        .location()
        .trim_start_matches("/bank/")
        .to_string();
    for notes in [format!("{first}, 99999"), format!("{first} {draft}")] {
        let refused = leader
            .post(
                "/rounds/new",
                &round_fields(&notes, "2020-01-01T09:00", "2099-01-01T09:00"),
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.field_error("notes").is_some(), "an error at notes");
    }
    assert_eq!(app.db.read_blocking(rounds::all).unwrap().len(), before);
}

#[tokio::test]
async fn strategists_rate_with_dont_know_and_reasons_and_bad_ratings_store_nothing() {
    let app = spawn_app();
    let (_, first, second, round) = setup(&app).await;
    let strategist = app.as_strategist_a().await;
    let page = strategist.get(&format!("/rounds/{round}")).await;
    page.assert_contains("Åldrande befolkning");
    page.assert_contains("5 – Mycket stor");
    page.assert_contains("−2 – Mycket oönskad");
    page.assert_contains("Vet inte");

    // Off the scale: refused at the field, with what was typed kept, nothing stored.
    let (fi, fu) = (field(first, "impact"), field(first, "uncertainty"));
    let refused = strategist
        .post(
            &format!("/rounds/{round}"),
            &[
                (&fi, "6"),
                (&fu, "2"),
                (&format!("reason-{first}"), "Viktig"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_contains(&format!("id=\"{fi}-error\""));
    refused.assert_contains("Viktig</textarea>");
    let unknown = strategist
        .post(&format!("/rounds/{round}"), &[("r-99999-impact", "3")])
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    let stored = |app: &TestApp| {
        app.db
            .read_blocking(move |c| rounds::ratings(c, round, None, None, None))
            .unwrap()
    };
    assert!(stored(&app).is_empty());

    let saved = strategist
        .post(
            &format!("/rounds/{round}"),
            &[
                (&fi, "4"),
                (&fu, "dk"),
                (&field(second, "desirability"), "-2"),
                (
                    &format!("reason-{first}"),
                    "Befolkningen åldras snabbt hos oss.",
                ),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let answers = stored(&app);
    assert_eq!(answers.len(), 3);
    assert!(answers.iter().any(|a| a.value.is_none()));
    let page = strategist.get(&format!("/rounds/{round}?saved=1")).await;
    assert_eq!(page.texts("#round-saved").len(), 1, "the answers are saved");
    assert_eq!(checked(&page, &fi), ["4"]);
    assert_eq!(checked(&page, &fu), ["dk"]);
    page.assert_contains("Befolkningen åldras snabbt hos oss.</textarea>");
    // Emptying a field withdraws the answer.
    strategist
        .post(&format!("/rounds/{round}"), &[(&fu, "")])
        .await;
    assert_eq!(stored(&app).len(), 2);

    // Editors and process leaders do not rate.
    let editor = app.as_editor().await;
    assert_eq!(
        editor
            .post(&format!("/rounds/{round}"), &[(&fi, "3")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_closed_or_unopened_round_takes_no_ratings() {
    let app = spawn_app();
    let (_, first, _, _) = setup(&app).await;
    let leader = app.as_leader().await;
    let numbers = first.to_string();
    let closed = open_round(
        &leader,
        &round_fields(&numbers, "2020-01-01T09:00", "2020-02-01T09:00"),
    )
    .await;
    let upcoming = open_round(
        &leader,
        &round_fields(&numbers, "2098-01-01T09:00", "2099-02-01T09:00"),
    )
    .await;
    let strategist = app.as_strategist_a().await;
    for round in [closed, upcoming] {
        let refused = strategist
            .post(
                &format!("/rounds/{round}"),
                &[(&field(first, "impact"), "3")],
            )
            .await;
        assert_eq!(refused.status, StatusCode::CONFLICT);
        refused.assert_error("error-round-closed");
        assert_eq!(checked(&refused, &field(first, "impact")), ["3"]);
        let none = app
            .db
            .read_blocking(move |c| rounds::ratings(c, round, None, None, None))
            .unwrap();
        assert!(none.is_empty());
    }
}

/// Impact on the first note: Skåne 2 and 4, Norrbotten 5 (and a don't know on uncertainty).
pub(super) async fn rate_three(app: &TestApp, first: i64, round: i64) {
    let fi = field(first, "impact");
    for (who, value) in [
        (STRATEGIST_A, "2"),
        (STRATEGIST_A2, "4"),
        (STRATEGIST_B, "5"),
    ] {
        let saved = app
            .as_user(who)
            .await
            .post(
                &format!("/rounds/{round}"),
                &[
                    (fi.as_str(), value),
                    (&field(first, "uncertainty"), "dk"),
                    (&format!("reason-{first}"), "Skäl från region"),
                ],
            )
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    }
}

#[tokio::test]
async fn figures_match_hand_computed_values_overall_and_per_organisation() {
    let app = spawn_app();
    let (w, first, _, round) = setup(&app).await;

    // Feedback after one's own answer: not before.
    let strategist_b = app.as_strategist_b().await;
    assert_eq!(
        strategist_b
            .get(&format!("/rounds/{round}/results"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    rate_three(&app, first, round).await;

    // Overall impact 2, 4, 5: median 4; q1 at rank 0.5 → 3; q3 at rank 1.5 → 4.5;
    // IQR 1.5 (no consensus); mean 11/3 = 3.67; uncertainty: 3 don't know, n = 0.
    let results = strategist_b.get(&format!("/rounds/{round}/results")).await;
    assert_eq!(results.status, StatusCode::OK);
    results.assert_contains(
        "<td>3</td><td>0</td><td>4</td><td>3</td><td>4,5</td><td>1,5</td><td>3,67</td><td>Nej</td>",
    );
    results.assert_contains("<td>0</td><td>3</td><td>–</td>");
    // Skåne alone: 2 and 4 → median 3, q1 2.5, q3 3.5, IQR 1, mean 3; two answers are
    // fewer than the round's three, so no consensus is claimed either way.
    let skane = strategist_b
        .get(&format!("/rounds/{round}/results?organisation={}", w.org_a))
        .await;
    skane.assert_contains(
        "<td>2</td><td>0</td><td>3</td><td>2,5</td><td>3,5</td><td>1</td><td>3</td><td><span data-consensus=\"too-few\">För få svar</span></td>",
    );
    // Reasons without names for a strategist (names for process leaders only).
    results.assert_contains("Skäl från region");
    assert!(!results.body.contains("Testa Testsson, Region"));
    let leader = app.as_leader().await;
    leader
        .get(&format!("/rounds/{round}/results"))
        .await
        .assert_contains("Testa Testsson, Region Skåne");

    // The figures CSV: overall rows, then each organisation that answered.
    let csv = leader.get(&format!("/rounds/{round}/figures.csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    let mut reader = csv::Reader::from_reader(csv.body.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let find = |org: &str, criterion: &str| {
        rows.iter()
            .find(|r| r[0] == first.to_string() && &r[2] == org && &r[3] == criterion)
            .unwrap_or_else(|| panic!("{org} {criterion}"))
            .iter()
            .skip(4)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        find("Alla organisationer", "Påverkan"),
        ["3", "0", "4", "3", "4.5", "1.5", "3.67", "Nej"]
    );
    assert_eq!(
        find("Region Skåne", "Påverkan"),
        ["2", "0", "3", "2.5", "3.5", "1", "3", "För få svar"]
    );
    assert_eq!(
        find("Region Norrbotten", "Påverkan"),
        ["1", "0", "5", "5", "5", "0", "5", "För få svar"]
    );
    assert!(!rows.iter().any(|r| &r[2] == "Reglab"));

    // Every answer as CSV for process leaders, with names as the round allows them.
    let all = leader.get(&format!("/rounds/{round}/ratings.csv")).await;
    assert_eq!(all.status, StatusCode::OK);
    all.assert_contains("Vet inte");
    all.assert_contains("Testa Testsson");
    let strategist_a = app.as_strategist_a().await;
    assert_eq!(
        strategist_a
            .get(&format!("/rounds/{round}/ratings.csv"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn refusal_pages_keep_the_signed_in_person_and_say_to_answer_first() {
    let app = spawn_app();
    let (_, _, _, round) = setup(&app).await;
    let strategist = app.as_strategist_b().await;
    let refused = strategist.get(&format!("/rounds/{round}/results")).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(
        refused.attrs("[data-reason]", "data-reason"),
        ["error-reason-answer-first"]
    );
    let missing = strategist.get("/phases/no-such-phase").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    for page in [&refused, &missing] {
        assert_eq!(page.texts(".account .signed-in").len(), 1, "{}", page.body);
        assert_eq!(page.attrs(".account form", "action"), ["/logout"]);
        assert!(page.attrs(".account a[href='/login']", "href").is_empty());
    }
}

#[tokio::test]
async fn anonymous_rounds_show_no_names_to_anyone() {
    let app = spawn_app();
    let (_, first, _, _) = setup(&app).await;
    let leader = app.as_leader().await;
    let numbers = first.to_string();
    let mut fields = round_fields(&numbers, "2020-01-01T09:00", "2099-01-01T09:00");
    fields.retain(|(k, _)| *k != "anonymity");
    fields.push(("anonymity", "anonymous"));
    let round = open_round(&leader, &fields).await;
    rate_three(&app, first, round).await;
    let results = leader.get(&format!("/rounds/{round}/results")).await;
    results.assert_contains("Skäl från region");
    assert!(!results.body.contains("Testa Testsson, Region"));
    let all = leader.get(&format!("/rounds/{round}/ratings.csv")).await;
    assert!(!all.body.contains("Testa Testsson"));
}

#[tokio::test]
async fn figures_after_close_wait_for_the_close() {
    let app = spawn_app();
    let (_, first, _, _) = setup(&app).await;
    let leader = app.as_leader().await;
    let numbers = first.to_string();
    let mut fields = round_fields(&numbers, "2020-01-01T09:00", "2099-01-01T09:00");
    fields.retain(|(k, _)| *k != "feedback");
    fields.push(("feedback", "after_close"));
    let round = open_round(&leader, &fields).await;
    rate_three(&app, first, round).await;
    let strategist = app.as_strategist_a().await;
    let refused = strategist.get(&format!("/rounds/{round}/results")).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(
        refused.attrs("[data-reason]", "data-reason"),
        ["error-reason-after-close"]
    );
    assert!(
        !strategist
            .get(&format!("/rounds/{round}"))
            .await
            .body
            .contains("Hittills:")
    );
    let editor = app.as_editor().await;
    assert_eq!(
        editor.get(&format!("/rounds/{round}/results")).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_second_round_shows_the_first_rounds_median_and_spread_and_ones_own_answer() {
    let app = spawn_app();
    let (_, first, second, round) = setup(&app).await;
    rate_three(&app, first, round).await;
    let leader = app.as_leader().await;
    let second_round = |title: &'static str| {
        vec![
            ("title", title),
            ("criteria", "impact"),
            ("criteria", "uncertainty"),
            ("opens_at", "2020-01-01T09:00"),
            ("closes_at", "2099-01-01T09:00"),
            ("anonymity", "leaders"),
            ("feedback", "after_answer"),
        ]
    };
    let previous = round.to_string();
    // While the first round is open its figures can still move: no second round yet.
    let mut fields = second_round("Prioritering av trender – omgång 2");
    fields.push(("previous", &previous));
    let refused = leader.post("/rounds/new", &fields).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.field_error("previous").as_deref(),
        Some("error-round-previous-open")
    );
    let page = leader.get(&format!("/rounds/{round}")).await;
    assert!(page.attrs("#round-next", "href").is_empty());
    let closed = leader.post(&format!("/rounds/{round}/close"), &[]).await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);

    // The second round is offered under a name of its own, and must keep one.
    let form = leader.get(&format!("/rounds/new?previous={round}")).await;
    form.assert_contains("Andra omgång av ”Prioritering av trender”");
    assert_eq!(
        form.attrs("#f-title", "value"),
        vec!["Prioritering av trender – omgång 2"]
    );
    let mut same = second_round("Prioritering av trender");
    same.push(("previous", &previous));
    let refused = leader.post("/rounds/new", &same).await;
    assert_eq!(
        refused.field_error("title").as_deref(),
        Some("error-round-same-title")
    );
    let delphi = open_round(&leader, &fields).await;
    let notes = app
        .db
        .read_blocking(move |c| rounds::note_ids(c, delphi))
        .unwrap();
    assert_eq!(notes, vec![first, second]);

    // The first round's answers are fixed now: no one changes one, and it is not opened
    // again, so the second round's hint stays where it is.
    let hint = format!("#{}-first", field(first, "impact"));
    let analyst = app.as_user(STRATEGIST_A2).await;
    let before = analyst.get(&format!("/rounds/{delphi}")).await.texts(&hint);
    let changed = app
        .as_strategist_b()
        .await
        .post(
            &format!("/rounds/{round}"),
            &[(&field(first, "impact"), "1")],
        )
        .await;
    assert_eq!(changed.status, StatusCode::CONFLICT);
    let reopened = leader
        .post(
            &format!("/rounds/{round}/edit"),
            &[
                ("title", "Prioritering av trender"),
                ("opens_at", "2020-01-01T09:00"),
                ("closes_at", "2099-01-01T09:00"),
            ],
        )
        .await;
    assert_eq!(
        reopened.field_error("closes_at").as_deref(),
        Some("error-round-followed")
    );
    let page = analyst.get(&format!("/rounds/{delphi}")).await;
    assert_eq!(page.texts(&hint), before);
    // First round on impact: median 4, IQR 1.5; this person answered 4.
    page.assert_contains("Första omgången: median 4, kvartilavstånd 1,5. Ditt svar då: 4 – Stor.");
    page.assert_contains("Första omgången: median –, kvartilavstånd –. Ditt svar då: Vet inte.");
    // The second round's own answers start empty and are stored apart from the first.
    assert_eq!(checked(&page, &field(first, "impact")), [""]);
    analyst
        .post(
            &format!("/rounds/{delphi}"),
            &[(&field(first, "impact"), "5")],
        )
        .await;
    let first_round = app
        .db
        .read_blocking(move |c| rounds::ratings(c, round, None, None, None))
        .unwrap();
    assert_eq!(first_round.len(), 6);
    assert!(
        first_round
            .iter()
            .all(|r| r.value != Some(5) || r.organisation_name == "Region Norrbotten")
    );
}

fn svg_of(page: &TestResponse) -> String {
    page.outer_html("svg").into_iter().next().expect("an svg")
}

#[tokio::test]
async fn the_radar_is_deterministic_and_has_its_figures_in_a_table() {
    let app = spawn_app();
    let (w, first, second, round) = setup(&app).await;
    rate_three(&app, first, round).await;
    let leader = app.as_leader().await;
    let page = leader.get(&format!("/rounds/{round}/radar")).await;
    assert_eq!(page.status, StatusCode::OK);
    let svg = svg_of(&page);
    // One marker per note, a title and a description for screen readers.
    assert_eq!(svg.matches("class=\"chart-marker chart-shape").count(), 2);
    assert!(
        svg.contains("<title id=\"radar-chart-title\">Trendradar: Prioritering av trender</title>")
    );
    assert!(svg.contains("<desc id=\"radar-chart-desc\">Trendradar med 2 notiser"));
    // The unrated note is drawn as unrated, never left out.
    assert_eq!(svg.matches("chart-unrated").count(), 1);
    // The table beside it: the rated note's median impact is 4, from 3 answers.
    page.assert_contains(&format!(
        "<a href=\"/rounds/{round}/notes/{first}\">Åldrande befolkning</a></th><td>Trend</td><td>Social</td><td>2030–2040</td><td>4</td><td>3</td>"
    ));
    // Same data, same picture; an answer on another note's other criterion changes nothing.
    assert_eq!(
        svg,
        svg_of(&leader.get(&format!("/rounds/{round}/radar")).await)
    );
    let strategist = app.as_strategist_b().await;
    strategist
        .post(
            &format!("/rounds/{round}"),
            &[(&field(second, "desirability"), "1")],
        )
        .await;
    assert_eq!(
        svg,
        svg_of(&leader.get(&format!("/rounds/{round}/radar")).await)
    );
    // One organisation's radar: Skåne's median impact is 3.
    let skane = leader
        .get(&format!("/rounds/{round}/radar?organisation={}", w.org_a))
        .await;
    skane.assert_contains("<td>2030–2040</td><td>3</td><td>2</td>");
    assert_ne!(svg, svg_of(&skane));
}

#[tokio::test]
async fn the_driver_map_places_notes_in_named_quadrants_with_a_table() {
    let app = spawn_app();
    let (_, first, second, round) = setup(&app).await;
    for (who, impact, uncertainty) in [(STRATEGIST_A, "4", "4"), (STRATEGIST_B, "5", "3")] {
        app.as_user(who)
            .await
            .post(
                &format!("/rounds/{round}"),
                &[
                    (&field(first, "impact"), impact),
                    (&field(first, "uncertainty"), uncertainty),
                    (&field(second, "impact"), "1"),
                    (&field(second, "uncertainty"), "2"),
                ],
            )
            .await;
    }
    // The last to answer looks at the map.
    let strategist_b = app.as_strategist_b().await;
    let page = strategist_b
        .get(&format!("/rounds/{round}/driver-map"))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let svg = svg_of(&page);
    assert_eq!(svg.matches("class=\"chart-point\"").count(), 2);
    assert_eq!(svg.matches("class=\"chart-whisker\"").count(), 4);
    // First note: impact 4.5 (4–5 → q1 4.25, q3 4.75), uncertainty 3.5: critical.
    // With the number of answers behind each median.
    page.assert_contains(
        "<td>4,5</td><td>4,25–4,75</td><td data-n=\"impact\">2</td><td>3,5</td><td>3,25–3,75</td><td data-n=\"uncertainty\">2</td><td>Kritiska osäkerheter</td>",
    );
    page.assert_contains("<td>1</td><td>1–1</td><td data-n=\"impact\">2</td><td>2</td><td>2–2</td><td data-n=\"uncertainty\">2</td><td>Bakgrund</td>");
}

#[tokio::test]
async fn a_notes_distribution_marks_ones_own_answer_and_splits_by_organisation() {
    let app = spawn_app();
    let (_, first, _, round) = setup(&app).await;
    rate_three(&app, first, round).await;
    let analyst = app.as_user(STRATEGIST_A2).await;
    let page = analyst.get(&format!("/rounds/{round}/notes/{first}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let svg = svg_of(&page);
    // A bar per point answered, every point's count printed: three answers in all.
    let counted: usize = svg
        .split("data-count=\"")
        .skip(1)
        .map(|c| c.split('"').next().unwrap().parse::<usize>().unwrap())
        .sum();
    assert_eq!(counted, 3);
    assert!(svg.matches("class=\"chart-bar\"").count() >= 1);
    assert_eq!(svg.matches("class=\"chart-own\"").count(), 1);
    assert_eq!(svg.matches("class=\"chart-median\"").count(), 1);
    page.assert_contains("Ditt svar: 4 – Stor (markerat i bilden).");
    // One or two answers claim no consensus: the round asks for three.
    let too_few = "<td><span data-consensus=\"too-few\">För få svar</span></td>";
    page.assert_contains(&format!("<th scope=\"row\">Region Skåne</th><td>0</td><td>1</td><td>0</td><td>1</td><td>0</td><td>0</td><td>2</td><td>3</td><td>1</td><td>3</td>{too_few}"));
    page.assert_contains(&format!("<th scope=\"row\">Region Norrbotten</th><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>1</td><td>5</td><td>0</td><td>5</td>{too_few}"));
}

#[tokio::test]
async fn process_leaders_close_a_round_early_extend_it_and_change_its_title_and_dates() {
    let app = spawn_app();
    let (_, first, _, round) = setup(&app).await;
    let strategist = app.as_strategist_a().await;
    let (path, name) = (format!("/rounds/{round}"), field(first, "impact"));
    let rate = async |value: &str| strategist.post(&path, &[(&name, value)]).await.status;
    assert_eq!(rate("2").await, StatusCode::SEE_OTHER);
    assert_eq!(
        strategist
            .post(&format!("/rounds/{round}/close"), &[])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        strategist
            .get(&format!("/rounds/{round}/edit"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    let leader = app.as_leader().await;
    let page = leader.get(&format!("/rounds/{round}")).await;
    assert_eq!(page.texts("#round-close").len(), 1);
    leader.post(&format!("/rounds/{round}/close"), &[]).await;
    let now = app.clock.now_seconds();
    let closed = app
        .db
        .read_blocking(move |c| rounds::get(c, round))
        .unwrap()
        .unwrap();
    assert!(closed.closes_at <= now, "closed at the moment of the click");
    assert_eq!(rate("3").await, StatusCode::CONFLICT);

    // Extended (opened again, as no round follows it) under a corrected title.
    let form = leader.get(&format!("/rounds/{round}/edit")).await;
    assert_eq!(
        form.attrs("#f-title", "value"),
        vec!["Prioritering av trender"]
    );
    let opens = local(-10, 9);
    let closes = local(10, 17);
    let saved = leader
        .post(
            &format!("/rounds/{round}/edit"),
            &[
                ("title", "Prioritering av trender 2026"),
                ("opens_at", &opens),
                ("closes_at", &closes),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let edited = app
        .db
        .read_blocking(move |c| rounds::get(c, round))
        .unwrap()
        .unwrap();
    assert_eq!(edited.title, "Prioritering av trender 2026");
    assert!(edited.closes_at > now);
    assert_eq!(rate("3").await, StatusCode::SEE_OTHER);

    // An answered round is not moved to open later; bad dates stay at their field.
    let later = local(5, 9);
    let refused = leader
        .post(
            &format!("/rounds/{round}/edit"),
            &[("title", "X"), ("opens_at", &later), ("closes_at", &closes)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.field_error("opens_at").as_deref(),
        Some("error-round-answered-opens")
    );
    refused.assert_contains("value=\"X\"");
    let refused = leader
        .post(
            &format!("/rounds/{round}/edit"),
            &[("title", "X"), ("opens_at", &closes), ("closes_at", &opens)],
        )
        .await;
    assert_eq!(
        refused.field_error("closes_at").as_deref(),
        Some("error-round-closes-before-opens")
    );
}

#[tokio::test]
async fn every_page_numbers_a_note_by_its_bank_number() {
    let app = spawn_app();
    let (_, first, _, _) = setup(&app).await;
    let third = note(&app.as_strategist_b().await, "driver", "Elektrifiering").await;
    // Put to the round in another order than the bank's, so a note's place in the round
    // is not its number.
    let numbers = format!("{third} {first}");
    let leader = app.as_leader().await;
    let round = open_round(
        &leader,
        &round_fields(&numbers, "2020-01-01T09:00", "2099-01-01T09:00"),
    )
    .await;
    for (who, impact) in [(STRATEGIST_A, "4"), (STRATEGIST_B, "2")] {
        let mut fields = Vec::new();
        let names: Vec<(String, String)> = [third, first]
            .iter()
            .flat_map(|n| [field(*n, "impact"), field(*n, "uncertainty")])
            .map(|f| (f, impact.to_string()))
            .collect();
        fields.extend(names.iter().map(|(a, b)| (a.as_str(), b.as_str())));
        app.as_user(who)
            .await
            .post(&format!("/rounds/{round}"), &fields)
            .await;
    }
    let mut expected = vec![first.to_string(), third.to_string()];
    expected.sort();
    for chart in ["radar", "driver-map"] {
        let page = leader.get(&format!("/rounds/{round}/{chart}")).await;
        let mut labels = page.texts("svg .chart-num");
        labels.sort();
        assert_eq!(labels, expected, "{chart}");
        let mut column = page.texts("table.figures tbody td:first-child");
        column.sort();
        assert_eq!(column, expected, "{chart}'s table");
    }
    let results = leader.get(&format!("/rounds/{round}/results")).await;
    let rows = results.texts("table.figures tbody th");
    assert!(rows[0].starts_with(&format!("#{third} ")), "{rows:?}");
    assert!(rows[1].starts_with(&format!("#{first} ")), "{rows:?}");
    let sheet = leader.get(&format!("/rounds/{round}")).await;
    assert!(sheet.texts("h2.note-title")[0].starts_with(&format!("#{third} ")));
    let one = leader.get(&format!("/rounds/{round}/notes/{first}")).await;
    assert!(one.texts("h1")[0].starts_with(&format!("#{first} ")));
}

#[tokio::test]
async fn a_round_sets_how_many_answers_it_takes_to_claim_consensus() {
    let app = spawn_app();
    let (w, first, _, _) = setup(&app).await;
    let leader = app.as_leader().await;
    let numbers = first.to_string();
    let form = leader.get("/rounds/new").await;
    assert_eq!(form.attrs("#f-min_answers", "value"), vec!["3"]);
    let mut fields = round_fields(&numbers, "2020-01-01T09:00", "2099-01-01T09:00");
    fields.push(("min_answers", "1"));
    let refused = leader.post("/rounds/new", &fields).await;
    assert_eq!(
        refused.field_error("min_answers").as_deref(),
        Some("error-round-min-answers")
    );
    fields.pop();
    fields.push(("min_answers", "2"));
    let round = open_round(&leader, &fields).await;
    rate_three(&app, first, round).await;
    // Skåne's two answers (2 and 4, IQR 1) reach this round's minimum of two.
    let skane = leader
        .get(&format!("/rounds/{round}/results?organisation={}", w.org_a))
        .await;
    skane.assert_contains("<td>3,5</td><td>1</td><td>3</td><td>Ja</td>");
    let page = leader.get(&format!("/rounds/{round}")).await;
    assert_eq!(page.texts("#round-min-answers"), vec!["2"]);
}

#[tokio::test]
async fn a_median_on_the_midline_counts_as_low_and_the_map_says_so() {
    let app = spawn_app();
    let (_, first, second, round) = setup(&app).await;
    // First note: impact 4 and 4, uncertainty 2 and 4: median exactly 3.
    // Second note: impact 3 and 3 (median on the line), uncertainty 4 and 5.
    for (who, uncertainty) in [(STRATEGIST_A, "2"), (STRATEGIST_B, "4")] {
        app.as_user(who)
            .await
            .post(
                &format!("/rounds/{round}"),
                &[
                    (&field(first, "impact"), "4"),
                    (&field(first, "uncertainty"), uncertainty),
                    (&field(second, "impact"), "3"),
                    (&field(second, "uncertainty"), "5"),
                ],
            )
            .await;
    }
    let page = app
        .as_leader()
        .await
        .get(&format!("/rounds/{round}/driver-map"))
        .await;
    let quadrant = |note: i64| {
        page.texts("table.figures tbody tr")
            .into_iter()
            .find(|row| row.starts_with(&note.to_string()))
            .unwrap_or_else(|| panic!("a row for {note}"))
    };
    assert!(
        quadrant(first).ends_with("Förutbestämda trender"),
        "{}",
        quadrant(first)
    );
    assert!(
        quadrant(second).ends_with("Att bevaka"),
        "{}",
        quadrant(second)
    );
    // The rule is stated beside the picture and in its description.
    assert_eq!(page.texts("figcaption[data-rule=midline]").len(), 1);
    assert!(page.texts("svg desc")[0].contains("mittlinjen"));
}
