//! The futures wheel of a scenario or a note: every consequence the viewer sees once, in
//! the SVG and in the list with the same nesting; whose own consequences are shown; its
//! files; who may see it; and its embed, refused until visitors may see it and frozen
//! when the text is published.

use std::collections::BTreeMap;

use axum::http::StatusCode;
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
use framsyn::storage::{consequences, submissions, users};

/// The consequence phase of Regionerna 2050 and the scenario phase it works on.
const PHASE: &str = "regionalisering";
const SCENARIO_PHASE: &str = "scenarier";

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

/// Writes a consequence of `centre` as `email` (shared, or the writer's organisation's
/// own), following from `parent`.
async fn write(
    app: &TestApp,
    email: &str,
    centre: Centre,
    organisation: Option<i64>,
    text: &str,
    valence: &str,
    parent: Option<i64>,
) -> i64 {
    let user = person(app, email);
    let parent = parent.map(|p| p.to_string()).unwrap_or_default();
    let fields = typed(&[
        ("level", "regional"),
        ("text", text),
        ("valence", valence),
        ("parent", &parent),
    ]);
    let saved = app::consequences::save(
        &app.db,
        &app.state.programme,
        &user,
        &actor(&user),
        Target::New {
            centre,
            organisation,
        },
        fields,
    )
    .await
    .unwrap();
    match saved {
        Saved::Saved(id) => id,
        other => panic!("{other:?}"),
    }
}

/// Moves an organisation's submission of the consequence phase to `status`.
fn submission(app: &TestApp, organisation: i64, status: SubmissionStatus) {
    app.db
        .write_blocking(move |tx| {
            let base = submissions::get(tx, PHASE, organisation)?.map(|s| s.version);
            submissions::write(
                tx,
                &submissions::Draft {
                    phase: PHASE,
                    organisation,
                    base_version: base,
                    status,
                    action: if status == SubmissionStatus::Draft {
                        Action::Save
                    } else {
                        Action::Submit
                    },
                    answers: &json!({}),
                    parts: &json!({}),
                },
                1,
            )?;
            Ok(())
        })
        .unwrap();
}

struct Fixture {
    w: World,
    set: i64,
    scenario: i64,
    /// Shared: a root (+), its follower (−), that one's follower (±), a second root (?).
    shared: [i64; 4],
    /// Region Skåne's own (draft), following from the first root.
    own_a: i64,
    /// Region Norrbotten's own (draft).
    own_b: i64,
}

/// An open set of two scenarios with shared consequences in three rings and two
/// regions' own, their submissions still drafts.
async fn setup(app: &TestApp) -> Fixture {
    let w = world(app);
    app.user(EDITOR_2, w.office, &[Role::Editor]);
    let leader = person(app, LEADER);
    let set = ValidSet {
        title: "Regionerna 2050".into(),
        phase: SCENARIO_PHASE.into(),
        focal_question: "Hur ser regionerna ut 2050?".into(),
        horizon: 2050,
        method: Method::Other,
        axes: Vec::new(),
        predetermined: Vec::new(),
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
    let mut scenarios = Vec::new();
    for name in ["Regionernas decennium", "Staten tar över"] {
        let saved = app::scenarios::save_scenario(
            &app.db,
            &leader,
            &actor(&leader),
            set,
            None,
            typed(&[("name", name), ("tagline", "Kort")]),
        )
        .await
        .unwrap();
        match saved {
            app::scenarios::ScenarioSaved::Saved(id) => scenarios.push(id),
            other => panic!("{other:?}"),
        }
    }
    app::scenarios::move_set(&app.db, &leader, &actor(&leader), set, SetStatus::Open)
        .await
        .unwrap();
    let centre = Centre::Scenario(scenarios[0]);
    let root = write(
        app,
        LEADER,
        centre,
        None,
        "Fler distansarbetar",
        "opportunity",
        None,
    )
    .await;
    let second = write(
        app,
        LEADER,
        centre,
        None,
        "Tomma kontor i **centrum**",
        "threat",
        Some(root),
    )
    .await;
    let third = write(
        app,
        LEADER,
        centre,
        None,
        "Kontor blir bostäder",
        "mixed",
        Some(second),
    )
    .await;
    let other = write(app, LEADER, centre, None, "Ny pendling", "", None).await;
    let own_a = write(
        app,
        STRATEGIST_A,
        centre,
        Some(w.org_a),
        "Skånes pendlare stannar hemma",
        "opportunity",
        Some(root),
    )
    .await;
    let own_b = write(
        app,
        STRATEGIST_B,
        centre,
        Some(w.org_b),
        "Norrbottens glesbygd växer",
        "threat",
        None,
    )
    .await;
    Fixture {
        w,
        set,
        scenario: scenarios[0],
        shared: [root, second, third, other],
        own_a,
        own_b,
    }
}

/// The consequences the wheel draws and lists, as sorted numbers.
fn drawn(page: &TestResponse, selector: &str) -> Vec<i64> {
    let mut ids: Vec<i64> = page
        .attrs(selector, "data-consequence")
        .iter()
        .map(|i| i.parse().unwrap())
        .collect();
    ids.sort();
    ids
}

fn sorted(mut ids: Vec<i64>) -> Vec<i64> {
    ids.sort();
    ids
}

#[tokio::test]
async fn the_wheel_shows_each_visible_consequence_once_in_the_svg_and_in_the_list() {
    let app = spawn_app();
    let f = setup(&app).await;
    let [root, second, third, other] = f.shared;
    let strategist = app.as_strategist_a().await;
    let page = strategist
        .get(&format!("/scenarios/{}/wheel", f.scenario))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    // By default the shared ones, each once in the wheel and once in the list.
    let shared = sorted(f.shared.to_vec());
    assert_eq!(
        drawn(&page, "svg.chart-futures-wheel g[data-consequence]"),
        shared
    );
    assert_eq!(
        drawn(&page, "ol[data-list='wheel'] li[data-consequence]"),
        shared
    );
    // Rings and valence alike in both.
    for (id, order, valence, sign) in [
        (root, "1", "opportunity", "+"),
        (second, "2", "threat", "−"),
        (third, "3", "mixed", "±"),
        (other, "1", "unset", "?"),
    ] {
        let node = format!("svg g[data-consequence='{id}']");
        assert_eq!(page.attrs(&node, "data-order"), [order]);
        assert_eq!(page.attrs(&node, "data-valence"), [valence]);
        assert_eq!(page.texts(&format!("{node} text[data-sign]")), [sign]);
        let item = format!("li[data-consequence='{id}']");
        assert_eq!(page.attrs(&item, "data-order"), [order]);
        assert_eq!(page.attrs(&item, "data-valence"), [valence]);
    }
    // The same nesting: the third follows the second, which follows the root.
    let nested = format!(
        "ol[data-list='wheel'] > li[data-consequence='{root}'] > ol > li[data-consequence='{second}'] > ol > li[data-consequence='{third}']"
    );
    assert_eq!(page.texts(&nested).len(), 1);
    assert_eq!(
        page.attrs(&format!("svg g[data-consequence='{third}']"), "data-parent"),
        [second.to_string()]
    );
    // The full text, without its Markdown marks, in the node's title and the list.
    assert!(
        page.texts(&format!("svg g[data-consequence='{second}'] title"))[0]
            .contains("Tomma kontor i centrum")
    );
    assert_eq!(
        page.attrs(&format!("li[data-consequence='{second}'] > a"), "href"),
        [format!("/consequences/{second}")]
    );
    // The figures by ring and valence.
    let figure = |ring: &str, which: &str| {
        page.texts(&format!(
            "table[data-table='wheel'] tr[data-ring='{ring}'] td[data-figure='{which}']"
        ))
    };
    assert_eq!(figure("1", "opportunity"), ["1"]);
    assert_eq!(figure("1", "unset"), ["1"]);
    assert_eq!(figure("2", "threat"), ["1"]);
    assert_eq!(figure("3", "mixed"), ["1"]);
    assert_eq!(figure("0", "total"), ["4"]);
    assert_eq!(page.texts("svg.chart-futures-wheel > title").len(), 1);
    assert_eq!(page.texts("svg.chart-futures-wheel > desc").len(), 1);
}

#[tokio::test]
async fn an_organisations_own_are_shown_beside_the_shared_only_to_those_who_see_them() {
    let app = spawn_app();
    let f = setup(&app).await;
    let strategist = app.as_strategist_a().await;
    let path = format!("/scenarios/{}/wheel", f.scenario);
    // Region Skåne chooses among its own organisation only: Norrbotten's are a draft.
    let page = strategist.get(&path).await;
    assert_eq!(
        page.attrs("#f-organisation option[value]:not([value=''])", "value"),
        [f.w.org_a.to_string()]
    );
    let own = strategist
        .get(&format!("{path}?organisation={}", f.w.org_a))
        .await;
    let mut with_own = f.shared.to_vec();
    with_own.push(f.own_a);
    assert_eq!(
        drawn(&own, "svg g[data-consequence]"),
        sorted(with_own.clone())
    );
    assert_eq!(drawn(&own, "li[data-consequence]"), sorted(with_own));
    assert_eq!(
        own.attrs("[data-showing]", "data-showing"),
        [f.w.org_a.to_string()]
    );
    // Norrbotten's draft is not in Skåne's wheel, even when asked for.
    let theirs = strategist
        .get(&format!("{path}?organisation={}", f.w.org_b))
        .await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert_eq!(
        drawn(&theirs, "svg g[data-consequence]"),
        sorted(f.shared.to_vec())
    );
    assert_eq!(theirs.attrs("[data-showing]", "data-showing"), ["shared"]);
    assert!(!theirs.body.contains("Norrbottens glesbygd"));
    // Nor in the file.
    let file = strategist
        .get(&format!(
            "/scenarios/{}/charts/wheel.svg?organisation={}",
            f.scenario, f.w.org_b
        ))
        .await;
    assert!(
        !file
            .body
            .contains(&format!("data-consequence=\"{}\"", f.own_b))
    );
    // The process leaders see both; once Norrbotten's submission is accepted, so does Skåne.
    let leader = app.as_leader().await;
    let mut both = leader
        .get(&path)
        .await
        .attrs("#f-organisation option[value]:not([value=''])", "value");
    both.sort();
    let mut expected = vec![f.w.org_a.to_string(), f.w.org_b.to_string()];
    expected.sort();
    assert_eq!(both, expected);
    submission(&app, f.w.org_b, SubmissionStatus::Accepted);
    let accepted = strategist
        .get(&format!("{path}?organisation={}", f.w.org_b))
        .await;
    assert!(drawn(&accepted, "svg g[data-consequence]").contains(&f.own_b));
}

#[tokio::test]
async fn the_wheel_downloads_as_svg_and_png() {
    let app = spawn_app();
    let f = setup(&app).await;
    let strategist = app.as_strategist_a().await;
    let svg = strategist
        .get(&format!("/scenarios/{}/charts/wheel.svg", f.scenario))
        .await;
    assert_eq!(svg.status, StatusCode::OK, "{}", svg.body);
    assert!(svg.body.starts_with("<svg class=\"chart-svg "));
    assert!(!svg.body.contains("style=") && !svg.body.contains("<style"));
    assert!(!svg.body.contains(" width=\"100%\""));
    let tree = resvg::usvg::Tree::from_str(&svg.body, &resvg::usvg::Options::default());
    assert!(tree.is_ok(), "the SVG parses: {:?}", tree.err());
    let html = scraper::Html::parse_fragment(&svg.body);
    let one = |s: &str| html.select(&scraper::Selector::parse(s).unwrap()).count();
    assert_eq!(one("svg > title"), 1);
    assert_eq!(one("svg > desc"), 1);
    assert_eq!(one("g[data-consequence]"), 4);
    let png = strategist
        .get(&format!("/scenarios/{}/charts/wheel.png", f.scenario))
        .await;
    assert_eq!(png.status, StatusCode::OK);
    assert_eq!(&png.bytes[..8], b"\x89PNG\r\n\x1a\n");
    std::fs::write("/tmp/wheel-small.png", &png.bytes).unwrap();
    let c = Centre::Scenario(f.scenario);
    let mut parents = vec![None];
    for i in 0..36 {
        let p = parents[(i * 7) % parents.len()];
        let v = ["opportunity", "threat", "mixed", ""][i % 4];
        let id = write(
            &app,
            LEADER,
            c,
            None,
            &format!("Följd {i} med en längre text om regionens framtid och mer därtill"),
            v,
            p,
        )
        .await;
        let depth = app
            .db
            .read_blocking(move |c| Ok(consequences::get(c, id)?.unwrap().order))
            .unwrap();
        if depth < 3 {
            parents.push(Some(id));
        }
    }
    let big = strategist
        .get(&format!("/scenarios/{}/charts/wheel.png", f.scenario))
        .await;
    std::fs::write("/tmp/wheel-big.png", &big.bytes).unwrap();
    let page = strategist
        .get(&format!("/scenarios/{}/wheel", f.scenario))
        .await;
    std::fs::write("/tmp/wheel-page.html", &page.body).unwrap();
    let other = strategist
        .get(&format!("/scenarios/{}/charts/radar.svg", f.scenario))
        .await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn visitors_see_the_wheel_once_the_sets_consequences_are_published() {
    let app = spawn_app();
    let f = setup(&app).await;
    let path = format!("/scenarios/{}/wheel", f.scenario);
    let file = format!("/scenarios/{}/charts/wheel.svg", f.scenario);
    let visitor = app.visitor();
    assert_eq!(visitor.get(&path).await.status, StatusCode::NOT_FOUND);
    let editor = person(&app, EDITOR);
    app::scenarios::make_public(&app.db, &editor, &actor(&editor), f.set, true)
        .await
        .unwrap();
    // The set is public, its consequences not yet.
    let page = visitor.get(&path).await;
    assert!(
        drawn(&page, "svg g[data-consequence]").is_empty(),
        "{}",
        page.body
    );
    let leader = person(&app, LEADER);
    app::consequences::publish(&app.db, &leader, &actor(&leader), f.set, true)
        .await
        .unwrap();
    let page = visitor.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        drawn(&page, "svg g[data-consequence]"),
        sorted(f.shared.to_vec())
    );
    assert!(page.texts("#f-organisation").is_empty());
    assert_eq!(visitor.get(&file).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_note_has_its_wheel_for_members_only() {
    let app = spawn_app();
    let f = setup(&app).await;
    let strategist = app.as_strategist_a().await;
    let note = submitted_note(&strategist, "trend", "Distansarbete").await;
    let centre = Centre::Note(note);
    let first = write(&app, LEADER, centre, None, "Glesare städer", "mixed", None).await;
    let next = write(
        &app,
        LEADER,
        centre,
        None,
        "Billigare kontor",
        "opportunity",
        Some(first),
    )
    .await;
    let page = strategist.get(&format!("/notes/{note}/wheel")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(
        drawn(&page, "svg g[data-consequence]"),
        sorted(vec![first, next])
    );
    assert_eq!(
        page.attrs(&format!("li[data-consequence='{next}']"), "data-order"),
        ["2"]
    );
    assert_eq!(
        page.attrs("svg circle[data-centre]", "data-centre"),
        ["note"]
    );
    // The scenario's consequences are not around the note.
    assert!(!drawn(&page, "svg g[data-consequence]").contains(&f.shared[0]));
    let png = strategist
        .get(&format!("/notes/{note}/charts/wheel.png"))
        .await;
    assert_eq!(&png.bytes[..4], b"\x89PNG");
    let visitor = app.visitor();
    assert_eq!(
        visitor.get(&format!("/notes/{note}/wheel")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        visitor
            .get(&format!("/notes/{note}/charts/wheel.svg"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_dialogarena_has_no_futures_wheel() {
    let arena = Programme::load_dir(&programme_dir("dialogarena")).unwrap();
    assert!(framsyn::domain::consequence::phases(&arena).is_empty());
    let app = spawn_with(arena, test_config());
    world(&app);
    let strategist = app.as_strategist_a().await;
    let note = submitted_note(&strategist, "trend", "Distansarbete").await;
    for who in [Some(LEADER), None] {
        let client = app.as_anyone(who).await;
        for path in [
            "/scenarios/1/wheel".to_string(),
            "/scenarios/1/charts/wheel.svg".to_string(),
            format!("/notes/{note}/wheel"),
            format!("/notes/{note}/charts/wheel.png"),
        ] {
            assert_eq!(
                client.get(&path).await.status,
                StatusCode::NOT_FOUND,
                "{who:?} {path}"
            );
        }
    }
}

#[tokio::test]
async fn the_embedded_wheel_is_refused_until_published_and_then_frozen() {
    let app = spawn_app();
    let f = setup(&app).await;
    let scenario = f.scenario;
    let [root, ..] = f.shared;
    let body = format!("Hjulet från workshoppen.\n\n[[futures-wheel:{scenario}]]");
    let key = format!("futures-wheel:{scenario}");

    let id = text_in_review(&app, &body).await;
    let refused = publish(&app, id).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.attrs(&format!("li[data-embed='{key}']"), "data-problem"),
        ["wheel-embed-not-public"]
    );
    // The reviewer sees it live meanwhile: the shared ones only.
    let review = app
        .as_user(EDITOR_2)
        .await
        .get(&format!("/editorial/{id}"))
        .await;
    assert_eq!(
        drawn(&review, ".embed-futures_wheel svg g[data-consequence]"),
        sorted(f.shared.to_vec())
    );

    let editor = person(&app, EDITOR);
    app::scenarios::make_public(&app.db, &editor, &actor(&editor), f.set, true)
        .await
        .unwrap();
    let leader = person(&app, LEADER);
    app::consequences::publish(&app.db, &leader, &actor(&leader), f.set, true)
        .await
        .unwrap();
    let published = publish(&app, id).await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.body
    );

    // Later the root is reworded and a consequence added…
    let version = app
        .db
        .read_blocking(move |c| Ok(consequences::get(c, root)?.unwrap().version))
        .unwrap();
    let saved = app::consequences::save(
        &app.db,
        &app.state.programme,
        &leader,
        &actor(&leader),
        Target::Edit {
            id: root,
            base: version,
        },
        typed(&[
            ("level", "regional"),
            ("text", "Omskriven följd"),
            ("valence", "threat"),
        ]),
    )
    .await
    .unwrap();
    assert!(matches!(saved, Saved::Saved(_)));
    let added = write(
        &app,
        LEADER,
        Centre::Scenario(scenario),
        None,
        "Senare tillagd",
        "mixed",
        None,
    )
    .await;
    let live = app
        .visitor()
        .get(&format!("/scenarios/{scenario}/wheel"))
        .await;
    assert!(drawn(&live, "svg g[data-consequence]").contains(&added));

    // …but the published text keeps the wheel it showed.
    let public = app.visitor().get(&format!("/publications/{id}")).await;
    assert_eq!(public.status, StatusCode::OK, "{}", public.body);
    assert_eq!(
        drawn(&public, ".embed-futures_wheel svg g[data-consequence]"),
        sorted(f.shared.to_vec())
    );
    assert!(public.body.contains("Fler distansarbetar"));
    assert!(!public.body.contains("Omskriven följd"));
    assert_eq!(
        public.attrs(&format!("svg g[data-consequence='{root}']"), "data-valence"),
        ["opportunity"]
    );
    let links = public.attrs(".embed-futures_wheel a[data-download='svg']", "href");
    assert_eq!(
        links,
        [format!(
            "/publications/{id}/charts/futures-wheel-{scenario}.svg"
        )]
    );
    let file = app.visitor().get(&links[0]).await;
    assert_eq!(file.status, StatusCode::OK);
    assert!(file.body.contains("Fler distansarbetar"));
    assert!(!file.body.contains("Senare tillagd"));
}
