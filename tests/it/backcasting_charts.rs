//! The backcasting timeline and stress-test grid through their pages (read by selector:
//! the points' year and lane, the cells' verdicts), the stress-test form (a scenario of
//! another set, an unknown verdict, all or nothing, what was typed kept), the chart
//! files, and the embeds frozen at publication and refused while the vision is not
//! public.

use axum::http::{StatusCode, header};
use chrono::Datelike;

use super::app_backcasting::{Fixture, fixture, typed};
use super::app_editorial::{acting, person};
use super::editorial::EDITOR_2;
use super::embeds::{publish, text_in_review};
use super::helpers::*;
use framsyn::app::backcasting::{self, ItemTarget, Saved, VerdictInput, save_milestone};
use framsyn::domain::backcasting::ItemKind;
use framsyn::domain::user::Role;

/// The year of the app's clock, in the programme's time zone.
fn now_year(app: &TestApp) -> i32 {
    app.clock
        .now()
        .with_timezone(&app.state.programme.time_zone)
        .year()
}

async fn judge(app: &TestApp, kind: ItemKind, item: i64, verdicts: &[(i64, &str)]) {
    let user = person(app, LEADER);
    let inputs = verdicts
        .iter()
        .map(|(scenario, verdict)| VerdictInput {
            scenario: *scenario,
            verdict: verdict.to_string(),
            note: String::new(),
        })
        .collect();
    let judged = backcasting::judge(&app.db, &user, &acting(&user), kind, item, inputs)
        .await
        .unwrap();
    assert!(judged.is_ok(), "{judged:?}");
}

async fn make_public(app: &TestApp, vision: i64) {
    let user = person(app, LEADER);
    backcasting::publish(&app.db, &user, &acting(&user), vision, true)
        .await
        .unwrap();
}

/// A third milestone, in 2045 at the municipal level.
async fn add_milestone(app: &TestApp, f: &Fixture) -> i64 {
    let user = person(app, LEADER);
    let saved = save_milestone(
        &app.db,
        &app.state.programme,
        &user,
        &acting(&user),
        ItemTarget::New { vision: f.vision },
        typed(&[
            ("year", "2045"),
            ("title", "Kommunerna planerar tillsammans"),
            ("level", "kommunal"),
            ("kind", "partnership"),
        ]),
    )
    .await
    .unwrap();
    match saved {
        Saved::Saved(id) => id,
        other => panic!("{other:?}"),
    }
}

fn point(page: &TestResponse, kind: &str, id: i64, attr: &str) -> Vec<String> {
    page.attrs(
        &format!(
            "svg.chart-backcasting-timeline g.chart-point[data-kind='{kind}'][data-id='{id}']"
        ),
        attr,
    )
}

#[tokio::test]
async fn the_timeline_runs_from_now_to_the_horizon_with_lanes_and_arrows() {
    let app = spawn_app();
    let f = fixture(&app).await;
    let (first, second) = (f.milestones[0], f.milestones[1]);
    let leader = app.as_leader().await;
    let page = leader.get(&format!("/visions/{}/timeline", f.vision)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let svg = "svg.chart-backcasting-timeline";
    assert_eq!(page.attrs(svg, "role"), ["img"]);
    assert_eq!(page.texts(&format!("{svg} > title")).len(), 1);
    assert_eq!(page.texts(&format!("{svg} > desc")).len(), 1);
    // Now on the left, the horizon on the right.
    let now = now_year(&app);
    assert_eq!(
        page.attrs(&format!("{svg} [data-now]"), "data-now"),
        [now.to_string()]
    );
    assert_eq!(
        page.attrs(&format!("{svg} [data-horizon]"), "data-horizon"),
        ["2050"]
    );
    let x_of =
        |selector: &str, attr: &str| -> f64 { page.attrs(selector, attr)[0].parse().unwrap() };
    let now_x = x_of(&format!("{svg} [data-now]"), "x1");
    let horizon_x = x_of(&format!("{svg} [data-horizon]"), "x1");
    // Milestones at their year and level, in order along the axis.
    assert_eq!(point(&page, "milestone", first, "data-year"), ["2030"]);
    assert_eq!(point(&page, "milestone", first, "data-lane"), ["regional"]);
    assert_eq!(point(&page, "milestone", second, "data-year"), ["2040"]);
    assert_eq!(
        point(&page, "milestone", second, "data-lane"),
        ["nationell"]
    );
    let cx = |id: i64| {
        x_of(
            &format!("{svg} g.chart-point[data-kind='milestone'][data-id='{id}'] circle"),
            "cx",
        )
    };
    assert!(now_x < cx(first) && cx(first) < cx(second) && cx(second) < horizon_x);
    // The action near now: next year, in the actions' lane.
    assert_eq!(
        point(&page, "action", f.action, "data-year"),
        [(now + 1).to_string()]
    );
    assert_eq!(point(&page, "action", f.action, "data-lane"), ["actions"]);
    assert_eq!(
        page.attrs(
            &format!("{svg} g.chart-point[data-kind='action'] rect"),
            "width"
        )
        .len(),
        1,
        "an action is a square"
    );
    // An arrow from the milestone the second depends on, and from the action.
    assert_eq!(
        page.attrs(
            &format!("{svg} line[data-arrow='depends'][data-to='{second}']"),
            "data-from"
        ),
        [first.to_string()]
    );
    assert_eq!(
        page.attrs(
            &format!("{svg} line[data-arrow='leads'][data-from='{}']", f.action),
            "data-to"
        ),
        [first.to_string()]
    );
    // The lanes are the programme's levels, then the actions.
    assert_eq!(
        page.attrs(&format!("{svg} g.chart-lane"), "data-lane"),
        ["nationell", "regional", "kommunal", "individ", "actions"]
    );
    // The same figures in the table.
    let table = "table[data-table='timeline']";
    assert_eq!(
        page.attrs(&format!("{table} tbody tr"), "data-year"),
        ["2030", "2040", &(now + 1).to_string()]
    );
    assert_eq!(
        page.attrs(
            &format!("{table} tr[data-kind='milestone'][data-id='{second}'] [data-depends-on]"),
            "data-depends-on"
        ),
        [first.to_string()]
    );
    page.assert_contains("Riksdagen");
    assert_eq!(
        page.attrs("a[data-download]", "href"),
        [
            format!("/visions/{}/charts/timeline.svg", f.vision),
            format!("/visions/{}/charts/timeline.png", f.vision),
        ]
    );
}

#[tokio::test]
async fn the_grid_shows_each_verdict_as_shape_and_word_with_the_score() {
    let app = spawn_app();
    let f = fixture(&app).await;
    let s = &f.scenarios;
    let first = f.milestones[0];
    judge(
        &app,
        ItemKind::Milestone,
        first,
        &[(s[0], "robust"), (s[1], "adapt"), (s[2], "fails")],
    )
    .await;
    let page = app
        .as_leader()
        .await
        .get(&format!("/visions/{}/stress-test", f.vision))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let cell = |scenario: i64| {
        page.attrs(
            &format!(
                "svg.chart-stress-test g.chart-cell[data-kind='milestone'][data-id='{first}'][data-scenario='{scenario}']"
            ),
            "data-verdict",
        )
    };
    assert_eq!(cell(s[0]), ["robust"]);
    assert_eq!(cell(s[1]), ["adapt"]);
    assert_eq!(cell(s[2]), ["fails"]);
    assert_eq!(cell(s[3]), ["none"]);
    let shapes = page.attrs(
        &format!("svg.chart-stress-test g.chart-cell[data-kind='milestone'][data-id='{first}'] [data-shape]"),
        "data-shape",
    );
    assert_eq!(shapes, ["●", "◐", "✕", "–"]);
    // The table: words beside the shapes, and the score.
    let row =
        format!("table[data-table='stress-test'] tr[data-kind='milestone'][data-id='{first}']");
    let words = page.texts(&format!("{row} td[data-scenario='{}']", s[1]));
    assert!(words[0].contains("Behöver anpassas"), "{words:?}");
    assert_eq!(
        page.attrs(&format!("{row} td[data-holds]"), "data-holds"),
        ["2"]
    );
    assert!(page.texts(&format!("{row} td[data-holds]"))[0].contains("håller i 2 av 4 framtider"));
    // Rows: the milestones, then the action; each with its form for the leader.
    assert_eq!(
        page.attrs("table[data-table='stress-test'] tbody tr", "data-kind"),
        ["milestone", "milestone", "action"]
    );
    assert!(
        page.attrs("a[data-judge-link]", "href")
            .contains(&format!("/actions/{}/stress-test", f.action))
    );
}

/// A scenario in a set of its own (not the vision's).
fn foreign_scenario(app: &TestApp) -> i64 {
    use framsyn::domain::scenario::{Method, ValidScenario, ValidSet};
    let set = ValidSet {
        title: "Ett annat set".into(),
        phase: "scenarier".into(),
        focal_question: "Något annat?".into(),
        horizon: 2050,
        method: Method::Other,
        axes: Vec::new(),
        predetermined: Vec::new(),
    };
    let by = person(app, LEADER).id;
    app.db
        .write_blocking(move |tx| {
            let set = framsyn::storage::scenarios::insert_set(tx, &set, None, by)?;
            let scenario = ValidScenario {
                quadrant: None,
                name: "Främmande".into(),
                tagline: String::new(),
                narrative: String::new(),
                characteristics: Vec::new(),
                driver_states: Vec::new(),
                signposts: Vec::new(),
                image: None,
                image_alt: String::new(),
            };
            framsyn::storage::scenarios::insert_scenario(tx, set, &scenario, by)
        })
        .unwrap()
}

#[tokio::test]
async fn the_form_refuses_all_at_its_fields_and_keeps_what_was_typed() {
    let app = spawn_app();
    let f = fixture(&app).await;
    let s = &f.scenarios;
    let first = f.milestones[0];
    let foreign = foreign_scenario(&app);
    let leader = app.as_leader().await;
    let path = format!("/milestones/{first}/stress-test");
    let form = leader.get(&path).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert_eq!(
        form.attrs("fieldset[data-scenario]", "data-scenario"),
        s.iter().map(i64::to_string).collect::<Vec<_>>()
    );

    let (v0, n0, v1) = (
        format!("verdict-{}", s[0]),
        format!("note-{}", s[0]),
        format!("verdict-{}", s[1]),
    );
    let v_foreign = format!("verdict-{foreign}");
    let refused = leader
        .post(
            &path,
            &[
                (v0.as_str(), "robust"),
                (n0.as_str(), "Håller i alla lägen"),
                (v_foreign.as_str(), "fails"),
            ],
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert_eq!(
        refused.attrs(&format!("[data-field='{v_foreign}']"), "data-error"),
        ["error-stress-scenario-elsewhere"]
    );
    // What was typed is kept.
    assert_eq!(
        refused.texts(&format!("textarea#f-{n0}")),
        ["Håller i alla lägen"]
    );
    assert_eq!(
        refused.attrs(&format!("input[name='{v0}'][checked]"), "value"),
        ["robust"]
    );

    // An unknown verdict is refused at its own field.
    let bad = leader
        .post(&path, &[(v0.as_str(), "robust"), (v1.as_str(), "utmärkt")])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        bad.attrs(&format!("#f-{v1}-error"), "data-error"),
        ["error-answer-invalid"]
    );

    // All or nothing: neither refusal saved the good verdict.
    let grid = leader
        .get(&format!("/visions/{}/stress-test", f.vision))
        .await;
    let cell = format!(
        "table[data-table='stress-test'] tr[data-kind='milestone'][data-id='{first}'] td[data-scenario='{}']",
        s[0]
    );
    assert_eq!(grid.attrs(&cell, "data-verdict"), ["none"]);

    let saved = leader
        .post(
            &path,
            &[
                (v0.as_str(), "robust"),
                (n0.as_str(), "Håller"),
                (v1.as_str(), "adapt"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(
        saved.location(),
        format!("/visions/{}/stress-test", f.vision)
    );
    let grid = leader
        .get(&format!("/visions/{}/stress-test", f.vision))
        .await;
    assert_eq!(grid.attrs(&cell, "data-verdict"), ["robust"]);
    // The form shows what is stored.
    let again = leader.get(&path).await;
    assert_eq!(
        again.attrs(&format!("input[name='{v1}'][checked]"), "value"),
        ["adapt"]
    );
    assert_eq!(again.texts(&format!("textarea#f-{n0}")), ["Håller"]);
}

#[tokio::test]
async fn only_those_who_may_judge_get_the_form() {
    let app = spawn_app();
    let f = fixture(&app).await;
    // The shared vision: process leaders and editors judge it, strategists do not.
    let path = format!("/actions/{}/stress-test", f.action);
    assert_eq!(
        app.as_editor().await.get(&path).await.status,
        StatusCode::OK
    );
    let strategist = app.as_strategist_a().await;
    assert_eq!(strategist.get(&path).await.status, StatusCode::FORBIDDEN);
    let posted = strategist
        .post(
            &path,
            &[(format!("verdict-{}", f.scenarios[0]).as_str(), "fails")],
        )
        .await;
    assert_eq!(posted.status, StatusCode::FORBIDDEN);
    // Something that is not there.
    let leader = app.as_leader().await;
    for missing in [
        "/actions/999999/stress-test",
        "/milestones/999999/stress-test",
    ] {
        assert_eq!(leader.get(missing).await.status, StatusCode::NOT_FOUND);
    }
}

fn header_of(r: &TestResponse, name: header::HeaderName) -> &str {
    r.headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

fn assert_svg(r: &TestResponse, class: &str) {
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(header_of(r, header::CONTENT_TYPE), "image/svg+xml");
    assert!(
        r.body
            .starts_with(&format!("<svg class=\"chart-svg {class}\"")),
        "{}",
        r.body
    );
    let tree = resvg::usvg::Tree::from_str(&r.body, &resvg::usvg::Options::default())
        .expect("the file parses as SVG");
    assert!(tree.size().width() > 300.0);
}

fn assert_png(r: &TestResponse) {
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(header_of(r, header::CONTENT_TYPE), "image/png");
    let image = image::load_from_memory(&r.bytes).expect("the PNG decodes");
    assert!(image.width() > 600);
}

#[tokio::test]
async fn both_charts_download_as_svg_and_png() {
    let app = spawn_app();
    let f = fixture(&app).await;
    let leader = app.as_leader().await;
    let base = format!("/visions/{}/charts", f.vision);
    let timeline = leader.get(&format!("{base}/timeline.svg")).await;
    assert_svg(&timeline, "chart-backcasting-timeline");
    assert_eq!(
        header_of(&timeline, header::CONTENT_DISPOSITION),
        "attachment; filename=\"tidslinje-livskraftiga-regioner-2050.svg\""
    );
    assert!(timeline.body.contains("data-year=\"2040\""));
    assert_png(&leader.get(&format!("{base}/timeline.png")).await);
    let grid = leader.get(&format!("{base}/stress-test.svg")).await;
    assert_svg(&grid, "chart-stress-test");
    assert_png(&leader.get(&format!("{base}/stress-test.png")).await);
    for bad in ["radar.svg", "timeline.gif"] {
        assert_eq!(
            leader.get(&format!("{base}/{bad}")).await.status,
            StatusCode::NOT_FOUND,
            "{bad}"
        );
    }
}

#[tokio::test]
async fn visitors_see_the_charts_only_once_the_vision_is_published() {
    let app = spawn_app();
    let f = fixture(&app).await;
    let paths = [
        format!("/visions/{}/timeline", f.vision),
        format!("/visions/{}/stress-test", f.vision),
        format!("/visions/{}/charts/timeline.svg", f.vision),
        format!("/visions/{}/charts/stress-test.png", f.vision),
    ];
    let visitor = app.visitor();
    for path in &paths {
        assert_eq!(
            visitor.get(path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    make_public(&app, f.vision).await;
    for path in &paths {
        assert_eq!(visitor.get(path).await.status, StatusCode::OK, "{path}");
    }
    // A visitor is asked to sign in to judge.
    let form = visitor
        .get(&format!("/milestones/{}/stress-test", f.milestones[0]))
        .await;
    assert_eq!(form.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_embeds_are_refused_until_the_vision_is_public_and_then_frozen() {
    let app = spawn_app();
    let f = fixture(&app).await;
    app.user(EDITOR_2, f.world.office, &[Role::Editor]);
    judge(
        &app,
        ItemKind::Milestone,
        f.milestones[0],
        &[(f.scenarios[0], "robust")],
    )
    .await;
    let body = format!(
        "Vägen dit.\n\n[[backcasting:{v}]]\n\n[[stress-test:{v}]]",
        v = f.vision
    );
    let id = text_in_review(&app, &body).await;
    let timeline_key = format!("backcasting:{}", f.vision);
    let stress_key = format!("stress-test:{}", f.vision);
    let problem =
        |r: &TestResponse, key: &str| r.attrs(&format!("li[data-embed='{key}']"), "data-problem");

    let refused = publish(&app, id).await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert_eq!(problem(&refused, &timeline_key), ["bcc-embed-not-public"]);
    assert_eq!(problem(&refused, &stress_key), ["bcc-embed-not-public"]);

    make_public(&app, f.vision).await;
    let published = publish(&app, id).await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.body
    );
    let public = app.visitor().get(&format!("/publications/{id}")).await;
    assert_eq!(public.status, StatusCode::OK, "{}", public.body);
    let milestones = |page: &TestResponse| {
        page.attrs(
            ".embed-backcasting table[data-table='timeline'] tr[data-kind='milestone']",
            "data-year",
        )
    };
    assert_eq!(milestones(&public), ["2030", "2040"]);
    assert_eq!(
        public
            .texts(".embed-stress_test svg.chart-stress-test")
            .len(),
        1
    );
    let robust = format!(
        ".embed-stress_test table[data-table='stress-test'] tr[data-kind='milestone'][data-id='{}'] td[data-scenario='{}']",
        f.milestones[0], f.scenarios[0]
    );
    assert_eq!(public.attrs(&robust, "data-verdict"), ["robust"]);

    // The frozen charts download from the published text.
    let visitor = app.visitor();
    let file = visitor
        .get(&format!(
            "/publications/{id}/charts/backcasting-{}.svg",
            f.vision
        ))
        .await;
    assert_svg(&file, "chart-backcasting-timeline");
    assert_png(
        &visitor
            .get(&format!(
                "/publications/{id}/charts/stress-test-{}.png",
                f.vision
            ))
            .await,
    );

    // The vision changes afterwards: the live timeline shows it, the text does not.
    add_milestone(&app, &f).await;
    judge(
        &app,
        ItemKind::Milestone,
        f.milestones[0],
        &[(f.scenarios[0], "fails")],
    )
    .await;
    let live = app
        .visitor()
        .get(&format!("/visions/{}/timeline", f.vision))
        .await;
    assert_eq!(
        live.attrs(
            "table[data-table='timeline'] tr[data-kind='milestone']",
            "data-year"
        ),
        ["2030", "2040", "2045"]
    );
    let again = app.visitor().get(&format!("/publications/{id}")).await;
    assert_eq!(milestones(&again), ["2030", "2040"]);
    assert_eq!(again.attrs(&robust, "data-verdict"), ["robust"]);
    let file = visitor
        .get(&format!(
            "/publications/{id}/charts/backcasting-{}.svg",
            f.vision
        ))
        .await;
    assert!(!file.body.contains("data-year=\"2045\""));
}

#[tokio::test]
async fn the_publication_form_names_the_embeds_where_there_is_backcasting() {
    let app = spawn_app();
    let _ = world(&app);
    let editor = app.as_editor().await;
    let form = editor.get("/editorial/new").await;
    assert_eq!(form.status, StatusCode::OK);
    form.assert_contains("[[backcasting:4]]");
    form.assert_contains("[[stress-test:4]]");
    form.assert_contains("[[thread:7]]");
}
