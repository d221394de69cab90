//! A scenario set's charts: the 2×2 cross, the comparison table and the assessment, with
//! the figures computed by hand from four organisations' home assignments; their pages
//! and files under the rules of who sees the set and its assessment; and their embeds,
//! refused while a visitor may not see them and frozen when a text is published.

use std::collections::BTreeMap;

use axum::http::{StatusCode, header};
use serde_json::json;

use super::editorial::{EDITOR_2, output};
use super::embeds::{make_public, publish, text_in_review};
use super::helpers::*;
use framsyn::app;
use framsyn::domain::assignment::{Action, SubmissionStatus};
use framsyn::domain::scenario::{Axis, Method, SetStatus, ValidSet};
use framsyn::domain::user::Role;
use framsyn::storage::audit::Actor;
use framsyn::storage::users::User;
use framsyn::storage::{scenarios, submissions, users};

/// The phase of the Regionerna 2050 programme that holds scenario sets.
const PHASE: &str = "scenarier";

struct Fixture {
    w: World,
    set: i64,
    /// The scenarios in reading order: top left, top right, bottom left, bottom right.
    scenarios: [i64; 4],
    notes: [i64; 3],
    agency: i64,
    late: i64,
}

fn person(app: &TestApp, email: &str) -> User {
    let email = email.to_string();
    app.db
        .read_blocking(move |c| {
            let id = users::find_by_email(c, &email)?.unwrap();
            Ok(users::get(c, id)?.unwrap())
        })
        .unwrap()
}

fn actor(user: &User) -> Actor {
    Actor {
        user_id: Some(user.id),
        address: None,
    }
}

fn typed(pairs: &[(&str, String)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

/// An organisation's handed-in (or only drafted) assessment: per scenario interest,
/// plausibility and desirability, and the scenarios it found most interesting.
fn assess(
    app: &TestApp,
    organisation: i64,
    set: i64,
    judgements: &[(i64, i32, i32, i32)],
    most: &[i64],
    status: SubmissionStatus,
) {
    let parts = json!({
        "scenario_rating": {
            "set": set,
            "judgements": judgements.iter().map(|(s, i, p, d)| json!({
                "scenario": s, "interest": i, "plausibility": p, "desirability": d,
                "reason": "Viktigt för regionen",
            })).collect::<Vec<_>>(),
            "most": most,
        }
    });
    app.db
        .write_blocking(move |tx| {
            let base = submissions::get(tx, PHASE, organisation)?.map(|s| s.version);
            let action = if status == SubmissionStatus::Draft {
                Action::Save
            } else {
                Action::Submit
            };
            submissions::write(
                tx,
                &submissions::Draft {
                    phase: PHASE,
                    organisation,
                    base_version: base,
                    status,
                    action,
                    answers: &json!({}),
                    parts: &parts,
                },
                1,
            )?;
            Ok(())
        })
        .unwrap();
}

/// A two-axis set of four scenarios, opened, assessed by three organisations (a fourth
/// has only a draft, which does not count).
async fn setup(app: &TestApp) -> Fixture {
    let w = world(app);
    app.user(EDITOR_2, w.office, &[Role::Editor]);
    let strategist = app.as_strategist_a().await;
    let state = submitted_note(&strategist, "uncertainty", "Statens roll").await;
    let world_open = submitted_note(&strategist, "uncertainty", "Omvärldens öppenhet").await;
    let ageing = submitted_note(&strategist, "trend", "Åldrande befolkning").await;
    let leader = person(app, LEADER);
    let set = ValidSet {
        title: "Regionerna 2050".into(),
        phase: PHASE.into(),
        focal_question: "Hur ser regionerna ut 2050?".into(),
        horizon: 2050,
        method: Method::TwoAxes,
        axes: vec![
            Axis {
                note: state,
                definition: String::new(),
                low: "Stark stat".into(),
                high: "Starka regioner".into(),
            },
            Axis {
                note: world_open,
                definition: String::new(),
                low: "Sluten värld".into(),
                high: "Öppen värld".into(),
            },
        ],
        predetermined: vec![ageing],
    };
    let programme = app.state.programme.clone();
    let set =
        match app::scenarios::create_set(&app.db, &programme, &leader, &actor(&leader), set, None)
            .await
            .unwrap()
        {
            app::scenarios::SetSaved::Saved(id) => id,
            other => panic!("{other:?}"),
        };
    let written = [
        (
            "low_high",
            "Regionernas decennium",
            "Starka regioner i en öppen värld",
        ),
        (
            "high_high",
            "Gränslös samverkan",
            "Regionerna leder och världen är nära",
        ),
        (
            "low_low",
            "Staten tar över",
            "Centralt styrt i en sluten värld",
        ),
        (
            "high_low",
            "Egen väg",
            "Starka regioner som klarar sig själva",
        ),
    ];
    let mut ids = [0; 4];
    for (i, (quadrant, name, tagline)) in written.iter().enumerate() {
        let fields = typed(&[
            ("quadrant", quadrant.to_string()),
            ("name", name.to_string()),
            ("tagline", tagline.to_string()),
            ("characteristics", "Kort pendling\nNya skatter".to_string()),
            (&format!("state-{state}"), format!("Staten i {name}")),
            (&format!("state-{ageing}"), "Fler äldre".to_string()),
        ]);
        ids[i] = match app::scenarios::save_scenario(
            &app.db,
            &leader,
            &actor(&leader),
            set,
            None,
            fields,
        )
        .await
        .unwrap()
        {
            app::scenarios::ScenarioSaved::Saved(id) => id,
            other => panic!("{other:?}"),
        };
    }
    app::scenarios::move_set(&app.db, &leader, &actor(&leader), set, SetStatus::Open)
        .await
        .unwrap();
    let agency = app.organisation("Tillväxtverket", "agency");
    let late = app.organisation("Region Gävleborg", "region");
    let [s1, s2, s3, s4] = ids;
    let rest = |i, p, d| [(s2, i, p, d), (s3, i, p, d), (s4, i, p, d)];
    let with = |first: (i64, i32, i32, i32), others: [(i64, i32, i32, i32); 3]| {
        let mut all = vec![first];
        all.extend(others);
        all
    };
    // Region Skåne (metropolitan region): interest 5, plausibility 3, desirability +2.
    assess(
        app,
        w.org_a,
        set,
        &with((s1, 5, 3, 2), rest(2, 2, 0)),
        &[s1],
        SubmissionStatus::Submitted,
    );
    // Region Norrbotten (region): 3, 3, −1.
    assess(
        app,
        w.org_b,
        set,
        &with((s1, 3, 3, -1), rest(2, 2, 0)),
        &[s1, s2],
        SubmissionStatus::Submitted,
    );
    // Tillväxtverket (agency): 4, 1, 0.
    assess(
        app,
        agency,
        set,
        &with((s1, 4, 1, 0), rest(2, 2, 0)),
        &[s2],
        SubmissionStatus::Submitted,
    );
    // Region Gävleborg has a draft only: it does not count.
    assess(
        app,
        late,
        set,
        &with((s1, 1, 1, -2), rest(1, 1, -2)),
        &[s1],
        SubmissionStatus::Draft,
    );
    Fixture {
        w,
        set,
        scenarios: ids,
        notes: [state, world_open, ageing],
        agency,
        late,
    }
}

async fn settle(app: &TestApp, set: i64, to: SetStatus) {
    let leader = person(app, LEADER);
    app::scenarios::move_set(&app.db, &leader, &actor(&leader), set, to)
        .await
        .unwrap();
}

async fn make_set_public(app: &TestApp, set: i64) {
    let editor = person(app, EDITOR);
    app::scenarios::make_public(&app.db, &editor, &actor(&editor), set, true)
        .await
        .unwrap();
}

/// One figure of the assessment table: scenario, measure, figure (n, median, q1, q3).
fn figure(page: &TestResponse, scenario: i64, measure: &str, which: &str) -> String {
    let found = page.texts(&format!(
        "table[data-table='assessment'] tr[data-scenario='{scenario}'][data-measure='{measure}'] td[data-figure='{which}']"
    ));
    assert_eq!(found.len(), 1, "{scenario} {measure} {which}");
    found[0].trim().to_string()
}

#[tokio::test]
async fn the_assessment_figures_are_those_computed_by_hand() {
    let app = spawn_app();
    let f = setup(&app).await;
    let [s1, s2, s3, _] = f.scenarios;
    let leader = app.as_leader().await;
    let page = leader
        .get(&format!("/scenario-sets/{}/assessment", f.set))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    // Interest 3, 4, 5: median 4, quartiles 3.5 and 4.5 (the draft's 1 does not count).
    assert_eq!(figure(&page, s1, "interest", "n"), "3");
    assert_eq!(figure(&page, s1, "interest", "median"), "4");
    assert_eq!(figure(&page, s1, "interest", "q1"), "3,5");
    assert_eq!(figure(&page, s1, "interest", "q3"), "4,5");
    // Plausibility 1, 3, 3: median 3, quartiles 2 and 3.
    assert_eq!(figure(&page, s1, "plausibility", "median"), "3");
    assert_eq!(figure(&page, s1, "plausibility", "q1"), "2");
    // Desirability −1, 0, +2: median 0, quartiles −0.5 and 1.
    assert_eq!(figure(&page, s1, "desirability", "median"), "0");
    assert_eq!(figure(&page, s1, "desirability", "q1"), "−0,5");
    assert_eq!(figure(&page, s1, "desirability", "q3"), "1");
    // Per organisation category: the agency alone said 4.
    let agency = page.texts(&format!(
        "tr[data-scenario='{s1}'][data-measure='interest'] td[data-category='agency']"
    ));
    assert_eq!(agency, ["4 (4–4), n = 1"]);
    // Who chose each as most interesting, by name; the draft's choice does not count.
    let chosen = |s: i64| {
        page.texts(&format!(
            "table[data-table='chosen'] tr[data-scenario='{s}'] td"
        ))
    };
    assert_eq!(chosen(s1), ["2", "Region Norrbotten, Region Skåne"]);
    assert_eq!(chosen(s2), ["2", "Region Norrbotten, Tillväxtverket"]);
    assert_eq!(chosen(s3), ["0", ""]);
    assert!(!page.body.contains("Region Gävleborg"));
    // The chart puts interest's median 4 on the fourth of five points.
    let medians = page.attrs(
        &format!("svg g[data-scenario='{s1}'] g[data-measure='interest'] circle.chart-point"),
        "data-median-x",
    );
    let medians: Vec<f64> = medians.iter().map(|m| m.parse().unwrap()).collect();
    assert_eq!(medians, [311.0]);

    // One organisation's values.
    let one = leader
        .get(&format!(
            "/scenario-sets/{}/assessment?organisation={}",
            f.set, f.agency
        ))
        .await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(figure(&one, s1, "interest", "median"), "4");
    assert_eq!(figure(&one, s1, "interest", "n"), "1");
    assert_eq!(figure(&one, s1, "plausibility", "median"), "1");
    // An organisation whose assessment does not count has none to show.
    let none = leader
        .get(&format!(
            "/scenario-sets/{}/assessment?organisation={}",
            f.set, f.late
        ))
        .await;
    assert_eq!(none.status, StatusCode::NOT_FOUND);

    // The cross counts the choices on its markers, and lists them beside.
    let cross = leader.get(&format!("/scenario-sets/{}/cross", f.set)).await;
    assert_eq!(cross.status, StatusCode::OK, "{}", cross.body);
    let counts = cross.attrs("svg.chart-scenario-cross text[data-count]", "data-count");
    assert_eq!(counts, ["2", "2", "0", "0"]);
    assert_eq!(
        cross.texts(&format!(
            "table[data-table='cross'] tr[data-scenario='{s1}'] td[data-count]"
        )),
        ["2"]
    );
    assert_eq!(
        cross.attrs("table[data-table='cross'] tbody tr", "data-quadrant"),
        ["low_high", "high_high", "low_low", "high_low"]
    );
}

fn header_of(r: &TestResponse, name: header::HeaderName) -> &str {
    r.headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// An SVG file that parses as SVG and carries its own looks.
fn assert_svg(r: &TestResponse, name: &str) {
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(header_of(r, header::CONTENT_TYPE), "image/svg+xml");
    assert_eq!(
        header_of(r, header::CONTENT_DISPOSITION),
        format!("attachment; filename=\"{name}\"")
    );
    assert!(r.body.starts_with("<svg class=\"chart-svg "), "{}", r.body);
    assert!(!r.body.contains(" style=") && !r.body.contains("<style"));
    let tree = resvg::usvg::Tree::from_str(&r.body, &resvg::usvg::Options::default())
        .expect("the file parses as SVG");
    assert!(tree.size().width() > 300.0);
}

fn assert_png(r: &TestResponse) {
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(header_of(r, header::CONTENT_TYPE), "image/png");
    assert!(r.bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
}

#[tokio::test]
async fn each_chart_has_its_page_and_its_files() {
    let app = spawn_app();
    let f = setup(&app).await;
    let leader = app.as_leader().await;
    let set = f.set;
    for (stem, title) in [
        ("cross", "scenariokors-regionerna-2050"),
        ("comparison", "jamforelsetabell-regionerna-2050"),
        ("assessment", "organisationernas-bedomning-regionerna-2050"),
    ] {
        let page = leader.get(&format!("/scenario-sets/{set}/{stem}")).await;
        assert_eq!(page.status, StatusCode::OK, "{stem}: {}", page.body);
        // Titled and described, with a table beside it and its files to download.
        assert_eq!(page.texts("svg.chart-svg > title").len(), 1, "{stem}");
        assert_eq!(page.texts("svg.chart-svg > desc").len(), 1, "{stem}");
        assert!(!page.texts("table.figures caption").is_empty(), "{stem}");
        assert_eq!(
            page.attrs("a[data-download]", "href"),
            [
                format!("/scenario-sets/{set}/charts/{stem}.svg"),
                format!("/scenario-sets/{set}/charts/{stem}.png")
            ]
        );
        let svg = leader
            .get(&format!("/scenario-sets/{set}/charts/{stem}.svg"))
            .await;
        assert_svg(&svg, &format!("{title}.svg"));
        let png = leader
            .get(&format!("/scenario-sets/{set}/charts/{stem}.png"))
            .await;
        assert_png(&png);
    }
    assert_eq!(
        leader
            .get(&format!("/scenario-sets/{set}/charts/pie.svg"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // The cross: the poles at the axes' ends, the predetermined element listed.
    let cross = leader.get(&format!("/scenario-sets/{set}/cross")).await;
    let html = cross.html();
    let (text, line) = (
        scraper::Selector::parse("svg text.chart-pole").unwrap(),
        scraper::Selector::parse("tspan").unwrap(),
    );
    // Each pole as its lines read, joined again.
    let poles: Vec<String> = html
        .select(&text)
        .map(|t| {
            t.select(&line)
                .map(|l| l.text().collect::<String>())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert_eq!(
        poles,
        [
            "Stark stat",
            "Starka regioner",
            "Sluten värld",
            "Öppen värld"
        ]
    );
    let listed = cross.texts("svg text.chart-predetermined");
    assert_eq!(listed, [format!("• #{} Åldrande befolkning", f.notes[2])]);
    assert_eq!(
        cross.attrs("svg g.chart-scenario", "data-scenario"),
        f.scenarios.map(|s| s.to_string())
    );

    // The comparison: characteristics and driver states per scenario, in the table too.
    let comparison = leader
        .get(&format!("/scenario-sets/{set}/comparison"))
        .await;
    let rows = comparison.texts("table[data-table='comparison'] tbody th");
    assert_eq!(
        rows,
        [
            "Kännetecken".to_string(),
            format!("#{} Statens roll", f.notes[0]),
            format!("#{} Omvärldens öppenhet", f.notes[1]),
            format!("#{} Åldrande befolkning", f.notes[2]),
        ]
    );
    let states = comparison.texts("table[data-table='comparison'] tbody tr:nth-child(2) td");
    assert_eq!(
        states,
        [
            "Staten i Regionernas decennium",
            "Staten i Gränslös samverkan",
            "Staten i Staten tar över",
            "Staten i Egen väg"
        ]
    );
    assert_eq!(
        comparison.texts("table[data-table='comparison'] tbody tr:nth-child(1) td li"),
        ["Kort pendling", "Nya skatter"].repeat(4)
    );
    assert!(comparison.body.contains("• Kort pendling"));
}

#[tokio::test]
async fn who_sees_the_charts_and_the_assessment() {
    let app = spawn_app();
    let f = setup(&app).await;
    let set = f.set;
    let visitor = app.visitor();
    let strategist = app.as_strategist_a().await;
    let editor = app.as_editor().await;

    // Not public: a visitor finds nothing, files neither.
    for path in [
        format!("/scenario-sets/{set}/cross"),
        format!("/scenario-sets/{set}/comparison"),
        format!("/scenario-sets/{set}/assessment"),
        format!("/scenario-sets/{set}/charts/cross.svg"),
    ] {
        assert_eq!(
            visitor.get(&path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    // While the set is open, a strategist sees the cross without its markers and the
    // comparison, and is told the assessment comes once the set is final.
    let cross = strategist.get(&format!("/scenario-sets/{set}/cross")).await;
    assert_eq!(cross.status, StatusCode::OK);
    assert!(cross.attrs("text[data-count]", "data-count").is_empty());
    assert!(
        cross
            .texts("table[data-table='cross'] td[data-count]")
            .is_empty()
    );
    assert_eq!(
        strategist
            .get(&format!("/scenario-sets/{set}/comparison"))
            .await
            .status,
        StatusCode::OK
    );
    let later = strategist
        .get(&format!("/scenario-sets/{set}/assessment"))
        .await;
    assert_eq!(later.status, StatusCode::FORBIDDEN);
    assert_eq!(
        later.attrs("[data-reason]", "data-reason"),
        ["scenario-chart-figures-later"]
    );
    assert_eq!(
        strategist
            .get(&format!("/scenario-sets/{set}/charts/assessment.png"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    // Editors (and process leaders) see the assessment while it is under way.
    assert_eq!(
        editor
            .get(&format!("/scenario-sets/{set}/assessment"))
            .await
            .status,
        StatusCode::OK
    );

    // Public while open: a visitor sees the cross, without markers, but no assessment.
    make_set_public(&app, set).await;
    let public = visitor.get(&format!("/scenario-sets/{set}/cross")).await;
    assert_eq!(public.status, StatusCode::OK, "{}", public.body);
    assert!(public.attrs("text[data-count]", "data-count").is_empty());
    assert_eq!(
        visitor
            .get(&format!("/scenario-sets/{set}/assessment"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // Final: everyone who sees the set sees its assessment; one organisation's values
    // only members.
    settle(&app, set, SetStatus::Final).await;
    for path in [
        format!("/scenario-sets/{set}/assessment"),
        format!("/scenario-sets/{set}/charts/assessment.svg"),
    ] {
        assert_eq!(visitor.get(&path).await.status, StatusCode::OK, "{path}");
        assert_eq!(strategist.get(&path).await.status, StatusCode::OK, "{path}");
    }
    let by_one = format!("/scenario-sets/{set}/assessment?organisation={}", f.w.org_b);
    assert_eq!(visitor.get(&by_one).await.status, StatusCode::NOT_FOUND);
    assert_eq!(strategist.get(&by_one).await.status, StatusCode::OK);
    let markers = visitor.get(&format!("/scenario-sets/{set}/cross")).await;
    assert_eq!(
        markers.attrs("text[data-count]", "data-count"),
        ["2", "2", "0", "0"]
    );
    // The visitor's page has no organisation filter.
    assert!(markers.texts("#f-organisation").is_empty());
}

#[tokio::test]
async fn the_embeds_are_refused_until_visitors_may_see_them_and_then_frozen() {
    let app = spawn_app();
    let f = setup(&app).await;
    let set = f.set;
    let [s1, ..] = f.scenarios;
    let body = format!(
        "Scenarierna för regionerna.\n\n[[scenarios:{set}]]\n\n[[scenario-assessment:{set}]]"
    );

    // The preview shows both, live.
    let editor = app.as_editor().await;
    let preview = editor
        .post("/editorial/new", &output("Utkast", &body, "preview"))
        .await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    preview.assert_contains("class=\"embed embed-scenarios\"");
    preview.assert_contains("class=\"embed embed-scenario_assessment\"");
    assert_eq!(preview.texts("svg.chart-scenario-cross").len(), 1);
    assert_eq!(preview.texts("svg.chart-scenario-comparison").len(), 1);
    assert_eq!(preview.texts("svg.chart-scenario-assessment").len(), 1);

    // Not public: both refused.
    let id = text_in_review(&app, &body).await;
    let refused = publish(&app, id).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let problem =
        |r: &TestResponse, key: &str| r.attrs(&format!("li[data-embed='{key}']"), "data-problem");
    let scenarios_key = format!("scenarios:{set}");
    let assessment_key = format!("scenario-assessment:{set}");
    assert_eq!(
        problem(&refused, &scenarios_key),
        ["scenario-chart-embed-not-public"]
    );
    assert_eq!(
        problem(&refused, &assessment_key),
        ["scenario-chart-embed-not-public"]
    );

    // Public but open: the notes it names must be public too, and the assessment waits
    // for the set to be final.
    make_set_public(&app, set).await;
    let refused = publish(&app, id).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problem(&refused, &scenarios_key),
        ["embed-notes-not-public"]
    );
    assert_eq!(
        problem(&refused, &assessment_key),
        ["scenario-chart-embed-open"]
    );
    make_public(&app, &f.notes).await;
    let refused = publish(&app, id).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(problem(&refused, &scenarios_key).is_empty());
    assert_eq!(
        problem(&refused, &assessment_key),
        ["scenario-chart-embed-open"]
    );

    // Final: published.
    settle(&app, set, SetStatus::Final).await;
    let published = publish(&app, id).await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.body
    );

    // Later, a scenario is renamed and an assessment changes in the workspace…
    settle(&app, set, SetStatus::Open).await;
    let leader = person(&app, LEADER);
    let version = app
        .db
        .read_blocking(move |c| Ok(scenarios::get_scenario(c, s1)?.unwrap().version))
        .unwrap();
    let renamed = app::scenarios::save_scenario(
        &app.db,
        &leader,
        &actor(&leader),
        set,
        Some((s1, version)),
        typed(&[
            ("quadrant", "low_high".to_string()),
            ("name", "Omdöpt framtid".to_string()),
        ]),
    )
    .await
    .unwrap();
    assert!(matches!(renamed, app::scenarios::ScenarioSaved::Saved(_)));
    let [_, s2, s3, s4] = f.scenarios;
    assess(
        &app,
        f.agency,
        set,
        &[
            (s1, 1, 1, -2),
            (s2, 1, 1, -2),
            (s3, 1, 1, -2),
            (s4, 1, 1, -2),
        ],
        &[s4],
        SubmissionStatus::Accepted,
    );
    settle(&app, set, SetStatus::Final).await;
    let live = app
        .as_leader()
        .await
        .get(&format!("/scenario-sets/{set}/assessment"))
        .await;
    assert_eq!(figure(&live, s1, "interest", "median"), "3");

    // …but the published text keeps what it showed when it was published.
    let public = app.visitor().get(&format!("/publications/{id}")).await;
    assert_eq!(public.status, StatusCode::OK, "{}", public.body);
    assert!(public.body.contains("Regionernas decennium"));
    assert!(!public.body.contains("Omdöpt framtid"));
    assert_eq!(figure(&public, s1, "interest", "median"), "4");
    assert_eq!(
        public.attrs("svg.chart-scenario-cross text[data-count]", "data-count"),
        ["2", "2", "0", "0"]
    );
    // Its charts download as frozen too.
    let links = public.attrs("a[data-download='svg']", "href");
    assert_eq!(
        links,
        [
            format!("/publications/{id}/charts/scenarios-{set}-cross.svg"),
            format!("/publications/{id}/charts/scenarios-{set}-comparison.svg"),
            format!("/publications/{id}/charts/scenario-assessment-{set}.svg"),
        ]
    );
    for link in &links {
        let file = app.visitor().get(link).await;
        assert_eq!(file.status, StatusCode::OK, "{link}");
        assert!(!file.body.contains("Omdöpt framtid"), "{link}");
    }
    let png = app.visitor().get(&links[0].replace(".svg", ".png")).await;
    assert_png(&png);
}
