//! Consequences beyond their own pages: the one search finds them as each person may see
//! them, they export as CSV, XLSX and JSON (visitors: the published ones), a set's
//! consequences are published from its page once the set is public, the phase's page and
//! the final publication show the published ones and nothing before, the progress
//! tracker counts the home assignment's part, and the dialogarena has none of it.

use std::io::Cursor;

use axum::http::StatusCode;
use calamine::{Data, Reader, Xlsx};
use framsyn::app::consequences::{self as cq, Saved, Target};
use framsyn::app::scenarios::{self, ScenarioSaved, SetSaved};
use framsyn::domain::consequence::{Centre, Typed};
use framsyn::domain::scenario::{SetForm, SetStatus};
use framsyn::storage::users::User;

use super::app_editorial::{acting, person};
use super::helpers::*;

const PHASE: &str = "regionalisering";

/// The set of the tests (final, not yet public) with its two scenarios, and the
/// consequences: a shared one, Region Skåne's own on each scenario (its submission
/// accepted only when `accept`), and Region Norrbotten's, never submitted.
struct Fixture {
    world: World,
    set: i64,
    scenarios: [i64; 2],
    shared: i64,
    skane: [i64; 2],
    norrbotten: i64,
}

async fn new_set(app: &TestApp, leader: &User) -> (i64, [i64; 2]) {
    let form = SetForm {
        title: "Fyra framtider för regionerna".into(),
        phase: "scenarier".into(),
        focal_question: "Hur styrs regionerna år 2050?".into(),
        horizon: "2050".into(),
        method: "other".into(),
        ..SetForm::default()
    };
    let valid = form.validate(&["scenarier"]).expect("a valid set");
    let set = match scenarios::create_set(
        &app.db,
        &app.state.programme,
        leader,
        &acting(leader),
        valid,
        None,
    )
    .await
    .unwrap()
    {
        SetSaved::Saved(id) => id,
        other => panic!("not saved: {other:?}"),
    };
    let mut ids = [0; 2];
    for (i, name) in ["Regionernas decennium", "Statens nätverk"]
        .into_iter()
        .enumerate()
    {
        let typed = [("name".to_string(), name.to_string())].into();
        ids[i] = match scenarios::save_scenario(&app.db, leader, &acting(leader), set, None, typed)
            .await
            .unwrap()
        {
            ScenarioSaved::Saved(id) => id,
            other => panic!("not saved: {other:?}"),
        };
    }
    for to in [SetStatus::Open, SetStatus::Final] {
        scenarios::move_set(&app.db, leader, &acting(leader), set, to)
            .await
            .unwrap();
    }
    (set, ids)
}

async fn consequence(
    app: &TestApp,
    who: &User,
    scenario: i64,
    organisation: Option<i64>,
    fields: &[(&str, &str)],
) -> i64 {
    let typed: Typed = fields
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let target = Target::New {
        centre: Centre::Scenario(scenario),
        organisation,
    };
    match cq::save(
        &app.db,
        &app.state.programme,
        who,
        &acting(who),
        target,
        typed,
    )
    .await
    .unwrap()
    {
        Saved::Saved(id) => id,
        other => panic!("not saved: {other:?}"),
    }
}

/// Region Skåne's strategist submits home assignment 3.
async fn submit_skane(app: &TestApp) {
    let strategist = app.as_strategist_a().await;
    let submitted = strategist
        .post(
            &format!("/phases/{PHASE}/assignment"),
            &[
                ("action", "submit"),
                ("answer-innebord", "Mer samverkan över gränserna."),
                ("answer-konsekvenser", "Vattnet och vården."),
            ],
        )
        .await;
    assert_eq!(
        submitted.status,
        StatusCode::SEE_OTHER,
        "{}",
        submitted.body
    );
}

async fn accept_skane(app: &TestApp, org: i64) {
    let leader = app.as_leader().await;
    let accepted = leader
        .post(
            &format!("/phases/{PHASE}/submissions/{org}/review"),
            &[("action", "accept")],
        )
        .await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);
}

async fn fixture(app: &TestApp, accept: bool) -> Fixture {
    let w = world(app);
    let leader = person(app, LEADER);
    let (set, scenarios) = new_set(app, &leader).await;
    let shared = consequence(
        app,
        &leader,
        scenarios[0],
        None,
        &[
            ("level", "regional"),
            ("theme", "transporter"),
            ("text", "Pendlingen över länsgränserna ökar."),
            ("valence", "opportunity"),
        ],
    )
    .await;
    let skane_strategist = person(app, STRATEGIST_A);
    let mut skane = [0; 2];
    for (i, (text, valence)) in [
        ("Vattenförsörjningen kräver samverkan.", "threat"),
        ("Sjukvården flyttar hem till byarna.", "mixed"),
    ]
    .into_iter()
    .enumerate()
    {
        skane[i] = consequence(
            app,
            &skane_strategist,
            scenarios[i],
            Some(w.org_a),
            &[("level", "kommunal"), ("text", text), ("valence", valence)],
        )
        .await;
    }
    let norrbotten = consequence(
        app,
        &person(app, STRATEGIST_B),
        scenarios[0],
        Some(w.org_b),
        &[
            ("level", "regional"),
            ("text", "Gruvorna lockar inflyttning."),
        ],
    )
    .await;
    submit_skane(app).await;
    if accept {
        accept_skane(app, w.org_a).await;
    }
    Fixture {
        world: w,
        set,
        scenarios,
        shared,
        skane,
        norrbotten,
    }
}

/// The editor makes the set public and the process leader publishes its consequences.
async fn publish(app: &TestApp, f: &Fixture) {
    let editor = person(app, EDITOR);
    scenarios::make_public(&app.db, &editor, &acting(&editor), f.set, true)
        .await
        .unwrap();
    let leader = app.as_leader().await;
    let done = leader
        .post(
            &format!("/scenario-sets/{}/consequences/public", f.set),
            &[("public", "1")],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
}

fn hits(page: &TestResponse) -> Vec<String> {
    page.attrs("li[data-hit=consequence]", "data-consequence")
}

fn ids(list: &[i64]) -> Vec<String> {
    list.iter().map(i64::to_string).collect()
}

#[tokio::test]
async fn the_search_finds_consequences_as_each_person_may_see_them() {
    let app = spawn_app();
    let f = fixture(&app, false).await;

    // A member finds the shared ones and their own organisation's, not another's draft.
    let skane = app.as_strategist_a().await;
    let found = skane.get("/search?q=pendlingen").await;
    assert_eq!(found.status, StatusCode::OK);
    assert_eq!(hits(&found), ids(&[f.shared]));
    let hit = "li[data-hit=consequence]";
    assert_eq!(
        found.attrs(&format!("{hit} a"), "href"),
        [format!("/consequences/{}", f.shared)]
    );
    assert_eq!(
        found.texts(&format!("{hit} [data-valence=opportunity]")),
        ["+ möjlighet"]
    );
    assert_eq!(found.texts(&format!("{hit} [data-whose]")), ["gemensam"]);
    let shown = found.texts(hit);
    assert!(
        shown[0].contains("Regionernas decennium") && shown[0].contains("Regional nivå"),
        "{shown:?}"
    );
    assert_eq!(
        hits(&skane.get("/search?q=vattenf%C3%B6rs%C3%B6rjningen").await),
        ids(&[f.skane[0]])
    );
    assert!(hits(&skane.get("/search?q=gruvorna").await).is_empty());
    let norrbotten = app.as_strategist_b().await;
    assert_eq!(
        hits(&norrbotten.get("/search?q=gruvorna").await),
        ids(&[f.norrbotten])
    );
    // Region Skåne's are submitted, not accepted: still its own and the office's.
    assert!(
        hits(
            &norrbotten
                .get("/search?q=vattenf%C3%B6rs%C3%B6rjningen")
                .await
        )
        .is_empty()
    );
    let leader = app.as_leader().await;
    assert_eq!(
        hits(&leader.get("/search?q=gruvorna").await),
        ids(&[f.norrbotten])
    );

    // Visitors find nothing until the consequences are published, then the shared ones
    // and the accepted organisations' only.
    let visitor = app.visitor();
    assert!(hits(&visitor.get("/search?q=pendlingen").await).is_empty());
    publish(&app, &f).await;
    assert_eq!(
        hits(&visitor.get("/search?q=pendlingen").await),
        ids(&[f.shared])
    );
    assert!(
        hits(&visitor.get("/search?q=vattenf%C3%B6rs%C3%B6rjningen").await).is_empty(),
        "submitted, not accepted"
    );
    accept_skane(&app, f.world.org_a).await;
    assert_eq!(
        hits(&visitor.get("/search?q=vattenf%C3%B6rs%C3%B6rjningen").await),
        ids(&[f.skane[0]])
    );
    assert!(hits(&visitor.get("/search?q=gruvorna").await).is_empty());
}

#[tokio::test]
async fn consequences_export_as_a_table_row_by_row_and_as_json() {
    let app = spawn_app();
    let f = fixture(&app, true).await;
    let skane = app.as_strategist_a().await;

    let csv = skane.get("/consequences.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    let mut reader = csv::Reader::from_reader(csv.body.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
    };
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let listed: Vec<&str> = rows.iter().map(|r| &r[column("id")]).collect();
    // By scenario, then level (regional before kommunal); never Norrbotten's draft.
    assert_eq!(listed, ids(&[f.shared, f.skane[0], f.skane[1]]));
    let shared = &rows[0];
    assert_eq!(&shared[column("phase")], PHASE);
    assert_eq!(&shared[column("set")], f.set.to_string());
    assert_eq!(&shared[column("scenario")], f.scenarios[0].to_string());
    assert_eq!(&shared[column("scenario_name")], "Regionernas decennium");
    assert_eq!(&shared[column("note")], "");
    assert_eq!(&shared[column("level")], "regional");
    assert_eq!(&shared[column("level_name")], "Regional nivå");
    assert_eq!(&shared[column("theme")], "transporter");
    assert_eq!(&shared[column("organisation")], "");
    assert_eq!(&shared[column("valence")], "opportunity");
    assert_eq!(&shared[column("order")], "1");
    assert_eq!(
        &shared[column("text")],
        "Pendlingen över länsgränserna ökar."
    );
    let own = &rows[2];
    assert_eq!(&own[column("scenario_name")], "Statens nätverk");
    assert_eq!(&own[column("organisation")], "Region Skåne");
    assert_eq!(&own[column("organisation_category")], "metropolitan_region");
    assert_eq!(&own[column("submission_status")], "accepted");
    assert_eq!(&own[column("valence")], "mixed");
    assert!(!own[column("updated")].is_empty());

    let xlsx = skane.get("/consequences.xlsx").await;
    assert_eq!(xlsx.status, StatusCode::OK);
    let mut book = Xlsx::new(Cursor::new(xlsx.bytes.clone())).expect("a workbook");
    let sheet = book.worksheet_range_at(0).expect("one sheet").unwrap();
    let sheet: Vec<Vec<Data>> = sheet.rows().map(<[Data]>::to_vec).collect();
    assert_eq!(sheet.len(), 4, "a header and a row per consequence");
    assert_eq!(sheet[0][0], Data::String("Konsekvens (nr)".into()));
    assert_eq!(sheet[0][8], Data::String("Nivå".into()));
    assert_eq!(sheet[1][8], Data::String("Regional nivå".into()));
    assert_eq!(sheet[3][12], Data::String("Region Skåne".into()));

    let json = skane.get("/consequences.json").await;
    assert_eq!(json.status, StatusCode::OK);
    let file: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(file["format"], "framsyn-consequences");
    assert_eq!(file["version"], 1);
    let list = file["consequences"].as_array().unwrap();
    assert_eq!(list.len(), 3);
    assert_eq!(list[0]["id"], f.shared);
    assert_eq!(list[0]["scenario"]["name"], "Regionernas decennium");
    assert!(list[0]["note"].is_null());
    assert_eq!(list[0]["level"]["slug"], "regional");
    assert_eq!(list[0]["level"]["name"]["en"], "Regional level");
    assert_eq!(list[0]["theme"]["slug"], "transporter");
    assert!(list[0]["organisation"].is_null());
    assert_eq!(list[1]["organisation"]["name"], "Region Skåne");
    assert_eq!(list[1]["organisation"]["submission_status"], "accepted");
    assert_eq!(list[1]["valence"], "threat");
    assert_eq!(list[1]["order"], 1);

    // Region Norrbotten sees its own draft, the shared one and Region Skåne's accepted.
    let norrbotten: serde_json::Value = serde_json::from_str(
        &app.as_strategist_b()
            .await
            .get("/consequences.json")
            .await
            .body,
    )
    .unwrap();
    assert_eq!(norrbotten["consequences"].as_array().unwrap().len(), 4);

    // A visitor: nothing before the consequences are published, then no draft.
    let visitor = app.visitor();
    let before: serde_json::Value =
        serde_json::from_str(&visitor.get("/consequences.json").await.body).unwrap();
    assert!(before["consequences"].as_array().unwrap().is_empty());
    publish(&app, &f).await;
    let after: serde_json::Value =
        serde_json::from_str(&visitor.get("/consequences.json").await.body).unwrap();
    let seen: Vec<i64> = after["consequences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert_eq!(seen, [f.shared, f.skane[0], f.skane[1]]);
    let csv = visitor.get("/consequences.csv").await;
    assert!(!csv.body.contains("Gruvorna"));
}

#[tokio::test]
async fn publishing_is_refused_while_the_set_is_not_public_and_shown_on_its_page() {
    let app = spawn_app();
    let f = fixture(&app, true).await;
    let leader = app.as_leader().await;
    let path = format!("/scenario-sets/{}/consequences/public", f.set);
    let page = format!("/scenario-sets/{}", f.set);

    let shown = leader.get(&page).await;
    assert_eq!(
        shown.attrs(
            "[data-consequences-published]",
            "data-consequences-published"
        ),
        ["no"]
    );
    assert_eq!(
        shown.attrs(
            "#set-consequences [data-publish-consequences]",
            "data-publish-consequences"
        ),
        ["1"]
    );
    assert_eq!(shown.texts("[data-publish-needs-public]").len(), 1);

    let refused = leader.post(&path, &[("public", "1")]).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    refused.assert_error("error-consequences-set-not-public");
    assert_eq!(
        refused.attrs("[data-refusal]", "data-refusal"),
        ["error-consequences-set-not-public"]
    );
    let stored = |app: &TestApp| {
        let set = f.set;
        app.db
            .read_blocking(move |c| {
                Ok(framsyn::storage::scenarios::get_set(c, set)?
                    .unwrap()
                    .consequences_public)
            })
            .unwrap()
    };
    assert!(!stored(&app));

    // Only those who write sets publish; bad values are refused.
    let strategist = app.as_strategist_a().await;
    assert_eq!(
        strategist.post(&path, &[("public", "1")]).await.status,
        StatusCode::FORBIDDEN
    );
    assert!(
        strategist
            .get(&page)
            .await
            .texts("[data-publish-consequences]")
            .is_empty()
    );
    assert_eq!(
        leader.post(&path, &[("public", "yes")]).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );

    publish(&app, &f).await;
    assert!(stored(&app));
    let shown = leader.get(&page).await;
    assert_eq!(
        shown.attrs(
            "[data-consequences-published]",
            "data-consequences-published"
        ),
        ["yes"]
    );
    assert_eq!(
        shown.attrs("[data-consequence-exports] a", "href"),
        [
            "/consequences.csv",
            "/consequences.xlsx",
            "/consequences.json"
        ]
    );
    let back = leader.post(&path, &[("public", "0")]).await;
    assert_eq!(back.status, StatusCode::SEE_OTHER);
    assert_eq!(back.location(), page);
    assert!(!stored(&app));
}

#[tokio::test]
async fn the_public_web_shows_published_consequences_in_their_phase_and_not_before() {
    let app = spawn_app();
    let f = fixture(&app, true).await;
    let visitor = app.visitor();
    let phase_page = format!("/phases/{PHASE}");

    let before = visitor.get(&phase_page).await;
    assert_eq!(before.status, StatusCode::OK);
    assert!(before.texts("#consequences").is_empty());
    for path in ["/publication", "/publication.html"] {
        let publication = visitor.get(path).await;
        assert!(
            publication
                .attrs("[data-consequence]", "data-consequence")
                .is_empty(),
            "{path}"
        );
    }
    // Making the set public alone publishes no consequence.
    let editor = person(&app, EDITOR);
    scenarios::make_public(&app.db, &editor, &acting(&editor), f.set, true)
        .await
        .unwrap();
    assert!(
        visitor
            .get(&phase_page)
            .await
            .texts("#consequences")
            .is_empty()
    );

    publish(&app, &f).await;
    let wanted = ids(&[f.shared, f.skane[0], f.skane[1]]);
    let page = visitor.get(&phase_page).await;
    assert_eq!(
        page.attrs("#consequences [data-consequence]", "data-consequence"),
        wanted
    );
    let shared = format!("#consequences [data-consequence='{}']", f.shared);
    assert_eq!(
        page.texts(&format!("{shared} [data-field=valence]")),
        ["+ möjlighet"]
    );
    assert_eq!(
        page.texts(&format!("{shared} [data-field=whose]")),
        ["Gemensam (workshoppen)"]
    );
    let own = format!("#consequences [data-consequence='{}']", f.skane[0]);
    assert_eq!(
        page.texts(&format!("{own} [data-field=whose]")),
        ["Region Skåne"]
    );
    assert_eq!(
        page.texts(&format!("{own} [data-field=valence]")),
        ["− hot"]
    );
    assert_eq!(
        page.attrs("#consequences [data-level]", "data-level"),
        ["regional", "kommunal", "kommunal"],
        "by scenario, each level that has any"
    );
    assert!(!page.body.contains("Gruvorna"));
    // Only the consequence phase shows them.
    assert!(
        visitor
            .get("/phases/scenarier")
            .await
            .texts("#consequences")
            .is_empty()
    );

    for path in ["/publication", "/publication.html"] {
        let publication = visitor.get(path).await;
        assert_eq!(publication.status, StatusCode::OK, "{path}");
        assert_eq!(
            publication.attrs(
                &format!("#phase-{PHASE} [data-consequence]"),
                "data-consequence"
            ),
            wanted,
            "{path}"
        );
        assert!(
            publication
                .attrs("nav.toc a", "href")
                .iter()
                .any(|h| h.ends_with(&format!("#consequences-{}", f.set))),
            "{path}"
        );
        assert!(!publication.body.contains("Gruvorna"), "{path}");
    }

    // Taken back, they leave the public web.
    let leader = app.as_leader().await;
    leader
        .post(
            &format!("/scenario-sets/{}/consequences/public", f.set),
            &[("public", "0")],
        )
        .await;
    assert!(
        visitor
            .get(&phase_page)
            .await
            .texts("#consequences")
            .is_empty()
    );
}

/// Where Region Skåne's home assignment 3 stands on the tracker, and its share done.
async fn tracked(app: &TestApp, org: i64) -> (String, f64) {
    let programme = &app.state.programme;
    let at = programme
        .phases
        .iter()
        .position(|p| p.slug == PHASE)
        .unwrap();
    let rows = framsyn::app::progress::tracker(&app.db, programme, None)
        .await
        .unwrap();
    let (_, cells) = rows.into_iter().find(|(o, _)| o.id == org).unwrap();
    let item = cells[at]
        .items
        .iter()
        .find(|i| i.item == "hemarbete-3")
        .expect("the tracker counts home assignment 3")
        .clone();
    (item.state, item.done)
}

#[tokio::test]
async fn the_tracker_counts_the_consequences_part_through_its_submission() {
    let app = spawn_app();
    let w = world(&app);
    let leader = person(&app, LEADER);
    let (_, scenarios) = new_set(&app, &leader).await;
    let strategist = person(&app, STRATEGIST_A);
    consequence(
        &app,
        &strategist,
        scenarios[0],
        Some(w.org_a),
        &[("level", "regional"), ("text", "Fler pendlar.")],
    )
    .await;
    assert_eq!(
        tracked(&app, w.org_a).await,
        ("submission-not-started".into(), 0.0),
        "writing consequences alone starts no submission"
    );

    // Submitting is refused while a scenario of the set lacks a consequence.
    let client = app.as_strategist_a().await;
    let refused = client
        .post(
            &format!("/phases/{PHASE}/assignment"),
            &[
                ("action", "submit"),
                ("answer-innebord", "Mer samverkan."),
                ("answer-konsekvenser", "Vattnet."),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_error("error-consequences-none");
    assert_eq!(
        tracked(&app, w.org_a).await,
        ("submission-not-started".into(), 0.0)
    );

    consequence(
        &app,
        &strategist,
        scenarios[1],
        Some(w.org_a),
        &[("level", "individ"), ("text", "Vården kommer hem.")],
    )
    .await;
    submit_skane(&app).await;
    assert_eq!(
        tracked(&app, w.org_a).await,
        ("submission-status-submitted".into(), 0.75)
    );
    accept_skane(&app, w.org_a).await;
    assert_eq!(
        tracked(&app, w.org_a).await,
        ("submission-status-accepted".into(), 1.0)
    );
    assert_eq!(
        tracked(&app, w.org_b).await,
        ("submission-not-started".into(), 0.0)
    );
    let page = app.as_leader().await.get("/progress").await;
    assert_eq!(page.status, StatusCode::OK);
}

#[tokio::test]
async fn the_dialogarena_has_no_consequence_exports_or_publishing() {
    let programme = framsyn::domain::programme::Programme::load_dir(&programme_dir("dialogarena"))
        .expect("the shipped programme is valid");
    assert!(framsyn::domain::consequence::phases(&programme).is_empty());
    let app = spawn_with(programme, test_config());
    world(&app);
    let leader = app.as_leader().await;
    for path in [
        "/consequences.csv",
        "/consequences.xlsx",
        "/consequences.json",
    ] {
        assert_eq!(
            leader.get(path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
        assert_eq!(
            app.visitor().get(path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    assert_eq!(
        leader
            .post("/scenario-sets/1/consequences/public", &[("public", "1")])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let search = leader.get("/search?q=konsekvens").await;
    assert_eq!(search.status, StatusCode::OK);
    assert!(search.texts("#hits-consequences").is_empty());
}
