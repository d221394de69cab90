//! The consequence heat table, its cell lists, a region's profile and their embeds, with
//! the figures computed by hand from a small fixture: the workshop's shared consequences,
//! a region that has submitted, one that is accepted, and one with a draft only (which
//! must not count).

use std::collections::BTreeMap;

use axum::http::{StatusCode, header};
use serde_json::json;

use super::editorial::EDITOR_2;
use super::embeds::{publish, text_in_review};
use super::helpers::*;
use framsyn::app;
use framsyn::app::consequences::{Saved, Target};
use framsyn::domain::assignment::{Action, SubmissionStatus};
use framsyn::domain::consequence::Centre;
use framsyn::domain::programme::Programme;
use framsyn::domain::scenario::{Method, SetStatus, ValidSet};
use framsyn::domain::user::Role;
use framsyn::storage::audit::Actor;
use framsyn::storage::users::User;
use framsyn::storage::{submissions, users};

/// The phase that asks for consequences, and the phase whose set it works on.
const PHASE: &str = "regionalisering";
const SCENARIO_PHASE: &str = "scenarier";
const STRATEGIST_C: &str = "strateg@gavleborg.test";

struct Fixture {
    w: World,
    set: i64,
    s1: i64,
    s2: i64,
    draft_org: i64,
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

fn typed(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// A consequence written by `email`: shared (no organisation) or their organisation's.
async fn write(
    app: &TestApp,
    email: &str,
    scenario: i64,
    own: bool,
    (level, valence, theme, text): (&str, &str, &str, &str),
) -> i64 {
    let user = person(app, email);
    let organisation = own.then_some(user.organisation_id);
    let saved = app::consequences::save(
        &app.db,
        &app.state.programme,
        &user,
        &actor(&user),
        Target::New {
            centre: Centre::Scenario(scenario),
            organisation,
        },
        typed(&[
            ("level", level),
            ("valence", valence),
            ("theme", theme),
            ("text", text),
        ]),
    )
    .await
    .unwrap();
    match saved {
        Saved::Saved(id) => id,
        other => panic!("{other:?}"),
    }
}

/// Sets where an organisation's home assignment of the consequence phase stands.
fn hand_in(app: &TestApp, organisation: i64, status: SubmissionStatus) {
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
                    parts: &json!({}),
                },
                1,
            )?;
            Ok(())
        })
        .unwrap();
}

/// An open set of two scenarios with consequences:
///
/// | cell | shared | Skåne (submitted) | Norrbotten (accepted) | Gävleborg (draft) |
/// |---|---|---|---|---|
/// | s1 regional | + (boende), +, − | − (transporter) | + | −, −, − |
/// | s1 kommunal | ± | | | |
/// | s2 regional | − | + | | |
/// | s2 nationell | | | − | |
async fn setup(app: &TestApp) -> Fixture {
    let w = world(app);
    app.user(EDITOR_2, w.office, &[Role::Editor]);
    let draft_org = app.organisation("Region Gävleborg", "region");
    app.user(STRATEGIST_C, draft_org, &[Role::Strategist]);
    let leader = person(app, LEADER);
    let set = ValidSet {
        title: "Regionerna 2050".into(),
        phase: SCENARIO_PHASE.into(),
        focal_question: "Hur ser regionerna ut 2050?".into(),
        horizon: 2050,
        method: Method::Other,
        axes: vec![],
        predetermined: vec![],
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
    let mut ids = Vec::new();
    for name in ["Regionernas decennium", "Staten tar över"] {
        let fields = typed(&[("name", name), ("tagline", "En framtid")]);
        ids.push(
            match app::scenarios::save_scenario(
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
            },
        );
    }
    app::scenarios::move_set(&app.db, &leader, &actor(&leader), set, SetStatus::Open)
        .await
        .unwrap();
    let (s1, s2) = (ids[0], ids[1]);
    for c in [
        (
            "regional",
            "opportunity",
            "boende",
            "Fler bygger nära stationer",
        ),
        ("regional", "opportunity", "", "Regionen får nya uppdrag"),
        ("regional", "threat", "", "Glesbygden tappar service"),
        ("kommunal", "mixed", "", "Kommunerna samarbetar mer"),
    ] {
        write(app, LEADER, s1, false, c).await;
    }
    write(
        app,
        LEADER,
        s2,
        false,
        ("regional", "threat", "", "Staten styr vården"),
    )
    .await;
    let a = (
        "regional",
        "threat",
        "transporter",
        "Pendlingen blir dyrare",
    );
    write(app, STRATEGIST_A, s1, true, a).await;
    write(
        app,
        STRATEGIST_A,
        s2,
        true,
        ("regional", "opportunity", "", "Tydligare roller"),
    )
    .await;
    write(
        app,
        STRATEGIST_B,
        s1,
        true,
        ("regional", "opportunity", "", "Norr växer"),
    )
    .await;
    write(
        app,
        STRATEGIST_B,
        s2,
        true,
        ("nationell", "threat", "", "Färre statliga jobb"),
    )
    .await;
    for text in ["Utkast ett", "Utkast två", "Utkast tre"] {
        write(
            app,
            STRATEGIST_C,
            s1,
            true,
            ("regional", "threat", "", text),
        )
        .await;
    }
    hand_in(app, w.org_a, SubmissionStatus::Submitted);
    hand_in(app, w.org_b, SubmissionStatus::Accepted);
    hand_in(app, draft_org, SubmissionStatus::Draft);
    Fixture {
        w,
        set,
        s1,
        s2,
        draft_org,
    }
}

/// A cell of the heat table: (count, net, sign as shown).
fn cell(page: &TestResponse, scenario: i64, level: &str) -> (String, String, String) {
    cell_in(page, "", scenario, level)
}

/// A cell of the heat table inside `scope` (a selector and a space, or nothing).
fn cell_in(
    page: &TestResponse,
    scope: &str,
    scenario: i64,
    level: &str,
) -> (String, String, String) {
    let at = format!(
        "{scope}table[data-table='consequences'] td[data-scenario='{scenario}'][data-level='{level}']"
    );
    let count = page.attrs(&at, "data-count");
    assert_eq!(count.len(), 1, "{at}: {}", page.body);
    let net = page.attrs(&at, "data-net");
    let sign = page.texts(&format!("{at} [data-sign]"));
    (
        count[0].clone(),
        net[0].clone(),
        sign.first().cloned().unwrap_or_default(),
    )
}

fn triple(count: &str, net: &str, sign: &str) -> (String, String, String) {
    (count.into(), net.into(), sign.into())
}

fn total(page: &TestResponse) -> String {
    page.attrs("[data-total]", "data-total")
        .first()
        .cloned()
        .unwrap_or_default()
}

async fn publish_consequences(app: &TestApp, set: i64) {
    let editor = person(app, EDITOR);
    app::scenarios::make_public(&app.db, &editor, &actor(&editor), set, true)
        .await
        .unwrap();
    let leader = person(app, LEADER);
    app::consequences::publish(&app.db, &leader, &actor(&leader), set, true)
        .await
        .unwrap();
}

#[tokio::test]
async fn the_heat_table_figures_are_those_computed_by_hand() {
    let app = spawn_app();
    let f = setup(&app).await;
    let leader = app.as_leader().await;
    let page = leader
        .get(&format!("/scenario-sets/{}/consequences", f.set))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    // s1 regional: shared +, +, −; Skåne −; Norrbotten +: 5, net +1. The draft's three
    // threats do not count.
    assert_eq!(cell(&page, f.s1, "regional"), triple("5", "1", "+1"));
    assert_eq!(
        page.texts(&format!(
            "td[data-scenario='{}'][data-level='regional'] [data-figure='breakdown']",
            f.s1
        )),
        ["möjligheter: 3, hot: 2, blandade: 0"]
    );
    assert!(
        page.texts(&format!(
            "td[data-scenario='{}'][data-level='regional'] a",
            f.s1
        ))[0]
            .contains("+1 mest möjligheter")
    );
    assert_eq!(cell(&page, f.s1, "kommunal"), triple("1", "0", "±0"));
    assert_eq!(
        page.attrs(
            &format!("td[data-scenario='{}'][data-level='kommunal']", f.s1),
            "data-leaning"
        ),
        ["balanced"]
    );
    assert_eq!(cell(&page, f.s2, "regional"), triple("2", "0", "±0"));
    assert_eq!(cell(&page, f.s2, "nationell"), triple("1", "-1", "−1"));
    assert_eq!(cell(&page, f.s1, "individ"), triple("0", "0", ""));
    assert_eq!(total(&page), "9");
    assert!(
        !page.body.contains("Region Gävleborg"),
        "the draft is not counted"
    );
    // Rows are the programme's levels in order, columns the set's scenarios.
    assert_eq!(
        page.attrs("table[data-table='consequences'] tbody tr", "data-level"),
        ["nationell", "regional", "kommunal", "individ"]
    );
    // The chart carries each sign and count as text.
    let signs = page.attrs(
        &format!(
            "svg.chart-consequence-heat g[data-scenario='{}'][data-level='regional'] [data-sign]",
            f.s1
        ),
        "data-sign",
    );
    assert_eq!(signs, ["+1"]);
    assert_eq!(page.texts("svg.chart-consequence-heat > title").len(), 1);
    assert_eq!(page.texts("svg.chart-consequence-heat > desc").len(), 1);
    // Profiles of the organisations that count, and each scenario's pages.
    let profiles = page.attrs("ul[data-list='profiles'] a", "data-organisation");
    assert_eq!(profiles, [f.w.org_b.to_string(), f.w.org_a.to_string()]);
    assert!(
        page.attrs("ul[data-list='scenarios'] a", "href")
            .contains(&format!("/scenarios/{}/wheel", f.s1))
    );
    let _ = f.draft_org;
}

#[tokio::test]
async fn each_filter_narrows_the_figures() {
    let app = spawn_app();
    let f = setup(&app).await;
    let leader = app.as_leader().await;
    let at = |q: &str| format!("/scenario-sets/{}/consequences?{q}", f.set);

    let shared = leader.get(&at("organisation=shared")).await;
    assert_eq!(shared.status, StatusCode::OK);
    assert_eq!(cell(&shared, f.s1, "regional"), triple("3", "1", "+1"));
    assert_eq!(cell(&shared, f.s2, "regional"), triple("1", "-1", "−1"));
    assert_eq!(total(&shared), "5");
    assert_eq!(
        shared.attrs("#f-organisation option[selected]", "value"),
        ["shared"]
    );

    let skane = leader
        .get(&at(&format!("organisation={}", f.w.org_a)))
        .await;
    assert_eq!(cell(&skane, f.s1, "regional"), triple("1", "-1", "−1"));
    assert_eq!(cell(&skane, f.s2, "regional"), triple("1", "1", "+1"));
    assert_eq!(total(&skane), "2");

    // Category "region": Norrbotten only (Gävleborg's draft does not count).
    let regions = leader.get(&at("category=region")).await;
    assert_eq!(cell(&regions, f.s1, "regional"), triple("1", "1", "+1"));
    assert_eq!(cell(&regions, f.s2, "nationell"), triple("1", "-1", "−1"));
    assert_eq!(total(&regions), "2");

    let housing = leader.get(&at("theme=boende")).await;
    assert_eq!(cell(&housing, f.s1, "regional"), triple("1", "1", "+1"));
    assert_eq!(total(&housing), "1");

    // The cells link to their lists with the same filters, and so do the chart files.
    let links = housing.attrs("a[data-cell-link]", "href");
    assert_eq!(
        links,
        [format!(
            "/scenario-sets/{}/consequences/list?theme=boende&scenario={}&level=regional",
            f.set, f.s1
        )]
    );
    assert_eq!(
        housing.attrs("a[data-download]", "href"),
        [
            format!(
                "/scenario-sets/{}/charts/consequences.svg?theme=boende",
                f.set
            ),
            format!(
                "/scenario-sets/{}/charts/consequences.png?theme=boende",
                f.set
            ),
        ]
    );
}

#[tokio::test]
async fn a_cell_lists_its_consequences() {
    let app = spawn_app();
    let f = setup(&app).await;
    let leader = app.as_leader().await;
    let list = leader
        .get(&format!(
            "/scenario-sets/{}/consequences/list?scenario={}&level=regional",
            f.set, f.s1
        ))
        .await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    let items = list.attrs("li[data-consequence]", "data-organisation");
    assert_eq!(items.len(), 5);
    assert_eq!(
        items.iter().filter(|o| o.as_str() == "shared").count(),
        3,
        "{items:?}"
    );
    assert!(!list.body.contains("Utkast ett"));
    list.assert_contains("Pendlingen blir dyrare");
    assert_eq!(
        list.attrs("li[data-consequence] a[href^='/consequences/']", "href")
            .len(),
        5
    );
    let signs = list.texts("li[data-valence='threat'] dd[data-sign]");
    assert!(
        signs
            .iter()
            .all(|s| s.starts_with('−') && s.contains("hot")),
        "{signs:?}"
    );

    let theirs = leader
        .get(&format!(
            "/scenario-sets/{}/consequences/list?scenario={}&level=regional&organisation={}",
            f.set, f.s1, f.w.org_a
        ))
        .await;
    assert_eq!(
        theirs.attrs("li[data-consequence]", "data-organisation"),
        [f.w.org_a.to_string()]
    );
    // A level or scenario that is not the set's is not there.
    for bad in [
        format!("?scenario={}&level=rymden", f.s1),
        "?scenario=999999&level=regional".to_string(),
        "?level=regional".to_string(),
    ] {
        let r = leader
            .get(&format!("/scenario-sets/{}/consequences/list{bad}", f.set))
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{bad}");
    }
}

#[tokio::test]
async fn a_region_sees_where_it_parts_ways_with_everyone_else() {
    let app = spawn_app();
    let f = setup(&app).await;
    let leader = app.as_leader().await;
    let page = leader
        .get(&format!("/organisations/{}/consequences", f.w.org_a))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let own = format!(
        "[data-part='own'] td[data-scenario='{}'][data-level='regional']",
        f.s1
    );
    assert_eq!(page.attrs(&own, "data-net"), ["-1"]);
    let others = format!(
        "[data-part='others'] td[data-scenario='{}'][data-level='regional']",
        f.s1
    );
    // Everyone else in s1 regional: shared +, +, − and Norrbotten +: 4, net +2.
    assert_eq!(page.attrs(&others, "data-count"), ["4"]);
    assert_eq!(page.attrs(&others, "data-net"), ["2"]);
    let threats = page.attrs(
        "ul[data-divergences='cqh-profile-threats'] li",
        "data-scenario",
    );
    assert_eq!(threats, [f.s1.to_string()]);
    let opportunities = page.attrs(
        "ul[data-divergences='cqh-profile-opportunities'] li",
        "data-scenario",
    );
    assert_eq!(opportunities, [f.s2.to_string()]);
    assert_eq!(
        page.attrs("ul[data-divergences='cqh-profile-opportunities'] a", "href"),
        [format!(
            "/scenario-sets/{}/consequences/list?scenario={}&level=regional&organisation={}",
            f.set, f.s2, f.w.org_a
        )]
    );
    // The organisation's page links to its profile.
    let org = leader.get(&format!("/organisations/{}", f.w.org_a)).await;
    assert_eq!(
        org.attrs("a[data-consequence-profile]", "href"),
        [format!("/organisations/{}/consequences", f.w.org_a)]
    );
}

fn header_of(r: &TestResponse, name: header::HeaderName) -> &str {
    r.headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

fn assert_svg(r: &TestResponse) {
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(header_of(r, header::CONTENT_TYPE), "image/svg+xml");
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
async fn the_charts_download_as_svg_and_png() {
    let app = spawn_app();
    let f = setup(&app).await;
    let leader = app.as_leader().await;
    let svg = leader
        .get(&format!(
            "/scenario-sets/{}/charts/consequences.svg?organisation=shared",
            f.set
        ))
        .await;
    assert_svg(&svg);
    assert_eq!(
        header_of(&svg, header::CONTENT_DISPOSITION),
        "attachment; filename=\"konsekvenstabell-regionerna-2050.svg\""
    );
    // The filter holds in the file too: shared s1 regional is 3 with net +1.
    assert!(svg.body.contains("data-count=\"3\""));
    assert_png(
        &leader
            .get(&format!("/scenario-sets/{}/charts/consequences.png", f.set))
            .await,
    );
    let profile = leader
        .get(&format!(
            "/organisations/{}/charts/consequences.svg",
            f.w.org_a
        ))
        .await;
    assert_svg(&profile);
    assert!(profile.body.contains("data-part=\"own\""));
    assert_png(
        &leader
            .get(&format!(
                "/organisations/{}/charts/consequences.png",
                f.w.org_a
            ))
            .await,
    );
}

#[tokio::test]
async fn visitors_see_nothing_until_the_consequences_are_published() {
    let app = spawn_app();
    let f = setup(&app).await;
    let visitor = app.visitor();
    let paths = [
        format!("/scenario-sets/{}/consequences", f.set),
        format!(
            "/scenario-sets/{}/consequences/list?scenario={}&level=regional",
            f.set, f.s1
        ),
        format!("/scenario-sets/{}/charts/consequences.svg", f.set),
        format!("/organisations/{}/consequences", f.w.org_b),
        format!("/organisations/{}/charts/consequences.png", f.w.org_b),
    ];
    for path in &paths {
        assert_eq!(
            visitor.get(path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let landing = visitor.get("/consequences").await;
    assert_eq!(landing.status, StatusCode::OK);
    assert_eq!(
        landing.attrs("[data-empty]", "data-empty"),
        ["not-published"]
    );
    // The visitor's menu has the link.
    assert!(
        landing
            .attrs("nav a", "href")
            .contains(&"/consequences".to_string())
    );

    publish_consequences(&app, f.set).await;
    for path in &paths {
        assert_eq!(visitor.get(path).await.status, StatusCode::OK, "{path}");
    }
    // A visitor counts the shared ones and the accepted region's: s1 regional 3 + 1.
    let page = visitor.get(&paths[0]).await;
    assert_eq!(cell(&page, f.s1, "regional"), triple("4", "2", "+2"));
    assert!(!page.body.contains("Region Skåne"));
    // The submitted region's profile waits for its acceptance.
    assert_eq!(
        visitor
            .get(&format!("/organisations/{}/consequences", f.w.org_a))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let landing = visitor.get("/consequences").await;
    assert_eq!(cell(&landing, f.s1, "regional"), triple("4", "2", "+2"));
}

#[tokio::test]
async fn the_embeds_are_refused_until_visitors_may_see_them_and_then_frozen() {
    let app = spawn_app();
    let f = setup(&app).await;
    let body = format!(
        "Konsekvenserna.\n\n[[consequences:{}]]\n\n[[region-consequences:{}]]\n\n[[region-consequences:{}]]",
        f.set, f.w.org_b, f.w.org_a
    );
    let id = text_in_review(&app, &body).await;
    let problem =
        |r: &TestResponse, key: &str| r.attrs(&format!("li[data-embed='{key}']"), "data-problem");
    let heat_key = format!("consequences:{}", f.set);
    let b_key = format!("region-consequences:{}", f.w.org_b);
    let a_key = format!("region-consequences:{}", f.w.org_a);

    let refused = publish(&app, id).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem(&refused, &heat_key), ["cqh-embed-not-published"]);
    assert_eq!(problem(&refused, &b_key), ["cqh-embed-not-published"]);

    publish_consequences(&app, f.set).await;
    let refused = publish(&app, id).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(problem(&refused, &heat_key).is_empty());
    assert!(problem(&refused, &b_key).is_empty());
    assert_eq!(problem(&refused, &a_key), ["cqh-embed-region-not-accepted"]);

    hand_in(&app, f.w.org_a, SubmissionStatus::Accepted);
    let published = publish(&app, id).await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.body
    );
    let public = app.visitor().get(&format!("/publications/{id}")).await;
    assert_eq!(public.status, StatusCode::OK, "{}", public.body);
    let heat = ".embed-consequences ";
    assert_eq!(
        cell_in(&public, heat, f.s1, "regional"),
        triple("5", "1", "+1")
    );
    assert_eq!(public.texts("svg.chart-consequence-profile").len(), 2);

    // The frozen charts download from the published text.
    let visitor = app.visitor();
    let file = visitor
        .get(&format!(
            "/publications/{id}/charts/consequences-{}.svg",
            f.set
        ))
        .await;
    assert_svg(&file);
    assert!(file.body.contains("data-sign=\"+1\""));
    assert_png(
        &visitor
            .get(&format!(
                "/publications/{id}/charts/region-consequences-{}.png",
                f.w.org_b
            ))
            .await,
    );

    // A new shared consequence later: the live table counts it, the text does not.
    write(
        &app,
        LEADER,
        f.s1,
        false,
        ("regional", "threat", "", "Ny oro"),
    )
    .await;
    let live = app
        .visitor()
        .get(&format!("/scenario-sets/{}/consequences", f.set))
        .await;
    assert_eq!(cell(&live, f.s1, "regional"), triple("6", "0", "±0"));
    let again = app.visitor().get(&format!("/publications/{id}")).await;
    assert_eq!(
        cell_in(&again, heat, f.s1, "regional"),
        triple("5", "1", "+1")
    );
}

#[tokio::test]
async fn a_programme_without_consequence_phases_has_none_of_the_pages() {
    let arena = Programme::load_dir(&programme_dir("dialogarena")).unwrap();
    let app = spawn_with(arena, test_config());
    let w = world(&app);
    let leader = app.as_leader().await;
    for path in [
        "/consequences".to_string(),
        "/scenario-sets/1/consequences".to_string(),
        "/scenario-sets/1/charts/consequences.svg".to_string(),
        format!("/organisations/{}/consequences", w.org_a),
        format!("/organisations/{}/charts/consequences.png", w.org_a),
    ] {
        assert_eq!(
            leader.get(&path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let start = leader.get("/start").await;
    assert!(
        !start
            .attrs("nav a", "href")
            .contains(&"/consequences".to_string())
    );
    let org = leader.get(&format!("/organisations/{}", w.org_a)).await;
    assert!(org.attrs("a[data-consequence-profile]", "href").is_empty());
}
