//! Scenario sets beyond their own pages: the one search finds them as each person may
//! see them, they export as CSV, XLSX and JSON and a set imports back from that JSON
//! (all or nothing), a scenario's card is frozen into a published text and refused while
//! a visitor may not see it, and the phase page and the final publication show the
//! public sets and nothing else.

use std::io::Cursor;

use axum::http::StatusCode;
use calamine::{Data, Reader, Xlsx};
use framsyn::app::scenario_reach::record;
use framsyn::app::scenarios::{self, ScenarioSaved, SetSaved};
use framsyn::domain::scenario::{SetForm, SetStatus, Typed};
use framsyn::domain::scenario_reach::SetRecord;
use framsyn::domain::user::Role;
use framsyn::storage::scenarios as stored;
use framsyn::storage::users::User;

use super::app_editorial::{acting, person};
use super::editorial::EDITOR_2;
use super::embeds::{publish, text_in_review};
use super::helpers::*;

/// The sets of the tests: a final public two-axis set, an open set not public and a
/// draft, each with its scenarios (ids in the set's order), and the notes they name.
struct Sets {
    public: i64,
    public_scenarios: Vec<i64>,
    internal: i64,
    internal_scenarios: Vec<i64>,
    draft: i64,
    trend: i64,
}

fn typed(pairs: &[(&str, &str)]) -> Typed {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

async fn new_set(app: &TestApp, leader: &User, form: SetForm) -> i64 {
    let valid = form.validate(&["scenarier"]).expect("a valid set");
    let saved = scenarios::create_set(
        &app.db,
        &app.state.programme,
        leader,
        &acting(leader),
        valid,
        None,
    )
    .await
    .unwrap();
    match saved {
        SetSaved::Saved(id) => id,
        other => panic!("not saved: {other:?}"),
    }
}

async fn new_scenario(app: &TestApp, leader: &User, set: i64, fields: &[(&str, &str)]) -> i64 {
    let saved =
        scenarios::save_scenario(&app.db, leader, &acting(leader), set, None, typed(fields))
            .await
            .unwrap();
    match saved {
        ScenarioSaved::Saved(id) => id,
        other => panic!("not saved: {other:?}"),
    }
}

async fn sets(app: &TestApp) -> Sets {
    let w = world(app);
    app.user(EDITOR_2, w.office, &[Role::Editor]);
    let strategist = app.as_strategist_a().await;
    let governance = submitted_note(&strategist, "uncertainty", "Vem styr regionerna").await;
    let openness = submitted_note(&strategist, "uncertainty", "Öppen eller sluten värld").await;
    let trend = submitted_note(&strategist, "trend", "Åldrande befolkning").await;
    let leader = person(app, LEADER);
    let editor = person(app, EDITOR);

    let public = new_set(
        app,
        &leader,
        SetForm {
            title: "Fyra framtider för regionerna".into(),
            phase: "scenarier".into(),
            focal_question: "Hur styrs Sveriges regioner år 2050?".into(),
            horizon: "2050".into(),
            method: "two_axes".into(),
            axis1_note: governance.to_string(),
            axis1_definition: "Var makten ligger".into(),
            axis1_low: "Stark stat".into(),
            axis1_high: "Starka regioner".into(),
            axis2_note: openness.to_string(),
            axis2_low: "Sluten värld".into(),
            axis2_high: "Öppen värld".into(),
            predetermined: trend.to_string(),
            ..SetForm::default()
        },
    )
    .await;
    let gov_state = format!("state-{governance}");
    let trend_state = format!("state-{trend}");
    let trend_number = trend.to_string();
    let mut public_scenarios = Vec::new();
    for (quadrant, name, tagline, word) in [
        (
            "low_high",
            "Statens nätverk",
            "Staten leder en öppen omställning",
            "fjärrvärmenätet",
        ),
        (
            "high_high",
            "Regionernas decennium",
            "Starka regioner i en öppen värld",
            "solkraftsbältet",
        ),
        (
            "low_low",
            "Försvarsstaten",
            "Staten håller ihop ett slutet land",
            "beredskapslagren",
        ),
        (
            "high_low",
            "Egen kraft",
            "Regionerna klarar sig själva",
            "lokalproduktionen",
        ),
    ] {
        let narrative = format!(
            "År 2050 präglas regionerna av {word} och nya samarbeten.\n\nAndra stycket om vardagen."
        );
        let id = new_scenario(
            app,
            &leader,
            public,
            &[
                ("quadrant", quadrant),
                ("name", name),
                ("tagline", tagline),
                ("narrative", &narrative),
                ("characteristics", "Täta samarbeten\nNya skatter"),
                (&gov_state, "Makten flyttar"),
                (&trend_state, "Fler äldre överallt"),
                ("signpost-1", "Regionala skatter införs"),
                ("signpost-1-note", &trend_number),
                ("signpost-1-indicator", "Andel regional skatt"),
            ],
        )
        .await;
        public_scenarios.push(id);
    }
    scenarios::move_set(&app.db, &leader, &acting(&leader), public, SetStatus::Open)
        .await
        .unwrap();
    scenarios::move_set(&app.db, &leader, &acting(&leader), public, SetStatus::Final)
        .await
        .unwrap();
    scenarios::make_public(&app.db, &editor, &acting(&editor), public, true)
        .await
        .unwrap();

    let other = |title: &str, question: &str| SetForm {
        title: title.into(),
        phase: "scenarier".into(),
        focal_question: question.into(),
        horizon: "2040".into(),
        method: "other".into(),
        ..SetForm::default()
    };
    let internal = new_set(
        app,
        &leader,
        other("Internt arbetsset", "Vad händer i skogslänen?"),
    )
    .await;
    let mut internal_scenarios = Vec::new();
    for name in ["Hemlighetens väg", "Tystnadens år"] {
        internal_scenarios.push(new_scenario(app, &leader, internal, &[("name", name)]).await);
    }
    scenarios::move_set(
        &app.db,
        &leader,
        &acting(&leader),
        internal,
        SetStatus::Open,
    )
    .await
    .unwrap();
    let draft = new_set(
        app,
        &leader,
        other("Utkast om glesbygden", "Vad händer i inlandet?"),
    )
    .await;
    new_scenario(app, &leader, draft, &[("name", "Glesbygdsrenässans")]).await;
    Sets {
        public,
        public_scenarios,
        internal,
        internal_scenarios,
        draft,
        trend,
    }
}

fn hits(page: &TestResponse, kind: &str) -> Vec<String> {
    page.attrs(&format!("li[data-hit={kind}] a"), "href")
}

#[tokio::test]
async fn the_search_finds_sets_and_scenarios_as_each_person_may_see_them() {
    let app = spawn_app();
    let s = sets(&app).await;
    let regions = format!("/scenarios/{}", s.public_scenarios[1]);
    let internal = format!("/scenarios/{}", s.internal_scenarios[0]);
    let draft_set = format!("/scenario-sets/{}", s.draft);

    let visitor = app.visitor();
    let found = visitor.get("/search?q=solkraftsb%C3%A4ltet").await;
    assert_eq!(found.status, StatusCode::OK);
    assert_eq!(hits(&found, "scenario"), [regions.as_str()]);
    let found = visitor.get("/search?q=framtider").await;
    assert_eq!(
        hits(&found, "scenario-set"),
        [format!("/scenario-sets/{}", s.public)]
    );
    assert!(hits(&visitor.get("/search?q=Hemlighetens").await, "scenario").is_empty());
    assert!(hits(&visitor.get("/search?q=glesbygden").await, "scenario-set").is_empty());

    // A strategist sees the open set, not the draft.
    let strategist = app.as_strategist_b().await;
    assert_eq!(
        hits(&strategist.get("/search?q=Hemlighetens").await, "scenario"),
        [internal.as_str()]
    );
    assert!(
        hits(
            &strategist.get("/search?q=glesbygden").await,
            "scenario-set"
        )
        .is_empty()
    );
    assert!(
        hits(
            &strategist.get("/search?q=Glesbygdsrenässans").await,
            "scenario"
        )
        .is_empty()
    );

    // Those who write sets see the draft too.
    let leader = app.as_leader().await;
    assert_eq!(
        hits(&leader.get("/search?q=glesbygden").await, "scenario-set"),
        [draft_set.as_str()]
    );
    assert_eq!(
        hits(
            &leader.get("/search?q=Glesbygdsrenässans").await,
            "scenario"
        )
        .len(),
        1
    );
}

#[tokio::test]
async fn scenarios_export_as_a_table_row_by_row_and_as_json() {
    let app = spawn_app();
    let s = sets(&app).await;
    let strategist = app.as_strategist_a().await;

    let csv = strategist.get("/scenarios.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    let mut reader = csv::Reader::from_reader(csv.body.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[..2], ["set", "set_title"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    // The public set's four and the open set's two; the draft's none.
    assert_eq!(rows.len(), 6);
    let second = &rows[1];
    assert_eq!(&second[column("set")], s.public.to_string());
    assert_eq!(&second[column("quadrant")], "high_high");
    assert_eq!(&second[column("poles")], "Starka regioner / Öppen värld");
    assert_eq!(&second[column("name")], "Regionernas decennium");
    assert_eq!(
        &second[column("characteristics")],
        "Täta samarbeten\nNya skatter"
    );
    assert!(second[column("driver_states")].contains("Makten flyttar"));
    assert_eq!(
        &second[column("signposts")],
        format!(
            "Regionala skatter införs (#{}) [Andel regional skatt]",
            s.trend
        )
    );
    assert!(rows.iter().all(|r| r[column("set")] != s.draft.to_string()));

    let xlsx = strategist.get("/scenarios.xlsx").await;
    assert_eq!(xlsx.status, StatusCode::OK);
    let mut book = Xlsx::new(Cursor::new(xlsx.bytes.clone())).expect("a workbook");
    let sheet = book.worksheet_range_at(0).expect("one sheet").unwrap();
    let sheet: Vec<Vec<Data>> = sheet.rows().map(<[Data]>::to_vec).collect();
    assert_eq!(sheet.len(), 7, "a header and a row per scenario");
    assert_eq!(sheet[0][1], Data::String("Scenarioset".into()));
    assert_eq!(sheet[2][7], Data::String("Regionernas decennium".into()));

    let json = strategist.get("/scenarios.json").await;
    assert_eq!(json.status, StatusCode::OK);
    let file: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(file["format"], "framsyn-scenarios");
    assert_eq!(file["version"], 1);
    let sets = file["sets"].as_array().unwrap();
    assert_eq!(sets.len(), 2);
    assert_eq!(sets[0]["id"], s.public);
    assert_eq!(sets[0]["method"], "two_axes");
    assert_eq!(sets[0]["axes"][0]["low"], "Stark stat");
    assert_eq!(sets[0]["scenarios"].as_array().unwrap().len(), 4);
    assert_eq!(sets[0]["scenarios"][3]["quadrant"], "high_low");
    assert_eq!(
        sets[0]["scenarios"][0]["signposts"][0]["indicator"],
        "Andel regional skatt"
    );
    assert_eq!(sets[1]["id"], s.internal);

    // A visitor gets the public set only.
    let visitor: serde_json::Value =
        serde_json::from_str(&app.visitor().get("/scenarios.json").await.body).unwrap();
    let ids: Vec<&serde_json::Value> = visitor["sets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| &s["id"])
        .collect();
    assert_eq!(ids, [&serde_json::json!(s.public)]);
}

fn without_record_of_where_it_stood(mut set: SetRecord) -> SetRecord {
    set.id = None;
    set.status = None;
    set.public = None;
    for s in &mut set.scenarios {
        s.id = None;
    }
    set
}

fn stored_record(app: &TestApp, id: i64) -> SetRecord {
    let (set, list) = app
        .db
        .read_blocking(move |c| Ok((stored::get_set(c, id)?.unwrap(), stored::scenarios(c, id)?)))
        .unwrap();
    record(&set, &list)
}

fn set_count(app: &TestApp) -> usize {
    app.db
        .read_blocking(|c| stored::sets(c, None))
        .unwrap()
        .len()
}

#[tokio::test]
async fn a_set_imports_from_its_export_as_a_new_draft_with_equal_content() {
    let app = spawn_app();
    let s = sets(&app).await;
    let leader = app.as_leader().await;
    let export = leader.get("/scenarios.json").await;
    let file: serde_json::Value = serde_json::from_str(&export.body).unwrap();
    let one = serde_json::json!({
        "format": file["format"], "version": file["version"], "sets": [file["sets"][0].clone()],
    });

    let form = leader.get("/scenario-sets/import").await;
    assert_eq!(form.status, StatusCode::OK);
    let imported = leader
        .upload(
            "/scenario-sets/import",
            "file",
            "set.json",
            one.to_string().as_bytes(),
        )
        .await;
    assert_eq!(imported.status, StatusCode::SEE_OTHER, "{}", imported.body);
    let id: i64 = imported
        .location()
        .trim_start_matches("/scenario-sets/")
        .parse()
        .unwrap();
    assert_ne!(id, s.public);
    let copy = stored_record(&app, id);
    assert_eq!(copy.status.as_deref(), Some("draft"));
    assert_eq!(copy.public, Some(false));
    assert_eq!(
        without_record_of_where_it_stood(copy),
        without_record_of_where_it_stood(stored_record(&app, s.public))
    );
}

#[tokio::test]
async fn an_import_with_anything_wrong_stores_nothing_and_says_what() {
    let app = spawn_app();
    let s = sets(&app).await;
    let before = set_count(&app);
    let original = stored_record(&app, s.public);
    let leader = app.as_leader().await;
    let send = |text: String| {
        let leader = &leader;
        async move {
            leader
                .upload_with(
                    "/scenario-sets/import",
                    &[("text", text.as_str())],
                    "file",
                    "",
                    b"",
                )
                .await
        }
    };

    let bad = send("{\n  \"title\": ".to_string()).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        bad.attrs("tr[data-error]", "data-error"),
        ["scenario-reach-error-json"]
    );
    // What was sent comes back to be put right (the text shown trimmed).
    assert_eq!(bad.texts("textarea[name=text]"), ["{\n  \"title\":"]);

    let mut not_uncertainty = original.clone();
    not_uncertainty.axes[0].note = s.trend;
    not_uncertainty.predetermined.clear();
    for scenario in &mut not_uncertainty.scenarios {
        scenario.driver_states.clear();
    }
    let refused = send(serde_json::to_string(&not_uncertainty).unwrap()).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .attrs("tr[data-error]", "data-error")
            .contains(&"error-scenario-axis-not-uncertainty".to_string()),
        "{}",
        refused.body
    );

    let mut fifth = original.clone();
    fifth.scenarios.push(fifth.scenarios[0].clone());
    let refused = send(serde_json::to_string(&fifth).unwrap()).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.attrs("tr[data-error]", "data-scenario"),
        ["5"],
        "{}",
        refused.body
    );
    assert_eq!(
        refused.attrs("tr[data-error]", "data-error"),
        ["scenario-reach-error-fifth-quadrant"]
    );

    // The set and the first scenario would store; the second takes the first's quadrant.
    let mut taken = original.clone();
    taken.scenarios[1].quadrant = taken.scenarios[0].quadrant.clone();
    let refused = send(serde_json::to_string(&taken).unwrap()).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.attrs("tr[data-error]", "data-error"),
        ["error-scenario-quadrant-taken"]
    );
    assert_eq!(refused.attrs("tr[data-error]", "data-scenario"), ["2"]);
    assert_eq!(
        set_count(&app),
        before,
        "nothing of any refused import stays"
    );

    // Only those who write sets import.
    let strategist = app.as_strategist_a().await;
    let json = serde_json::to_string(&original).unwrap();
    let forbidden = strategist
        .upload_with(
            "/scenario-sets/import",
            &[("text", json.as_str())],
            "file",
            "",
            b"",
        )
        .await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
    assert_eq!(
        strategist.get("/scenario-sets/import").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(set_count(&app), before);
}

#[tokio::test]
async fn a_scenario_card_is_frozen_at_publication_and_refused_while_its_set_is_not_public() {
    let app = spawn_app();
    let s = sets(&app).await;
    let shown = s.public_scenarios[1];
    let id = text_in_review(&app, &format!("Inledning.\n\n[[scenario:{shown}]]")).await;
    let published = publish(&app, id).await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.body
    );

    // The scenario is renamed afterwards; the public text keeps what it showed.
    let leader = person(&app, LEADER);
    let (version, fields) = app
        .db
        .read_blocking(move |c| {
            let s = stored::get_scenario(c, shown)?.unwrap();
            Ok((
                s.version,
                framsyn::domain::scenario::scenario_fields(&s.valid()),
            ))
        })
        .unwrap();
    let mut renamed = fields.clone();
    renamed.insert("name".into(), "Nytt namn efteråt".into());
    let saved = scenarios::save_scenario(
        &app.db,
        &leader,
        &acting(&leader),
        s.public,
        Some((shown, version)),
        renamed,
    )
    .await
    .unwrap();
    assert!(matches!(saved, ScenarioSaved::Saved(_)), "{saved:?}");

    let page = app.visitor().get(&format!("/publications/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let card = format!(".scenario-card[data-scenario='{shown}']");
    assert_eq!(
        page.texts(&format!("{card} .card-title")),
        ["Regionernas decennium"]
    );
    assert_eq!(
        page.texts(&format!("{card} [data-field=tagline]")),
        ["Starka regioner i en öppen värld"]
    );
    assert_eq!(
        page.texts(&format!("{card} [data-field=poles]")),
        ["Poler: Starka regioner · Öppen värld"]
    );
    let excerpt = page.texts(&format!("{card} [data-field=excerpt]"));
    assert!(excerpt[0].contains("solkraftsbältet"), "{excerpt:?}");
    assert!(!excerpt[0].contains("Andra stycket"), "only the start");

    // A scenario of a set visitors may not see is refused, by reference.
    let hidden = s.internal_scenarios[0];
    let id = text_in_review(&app, &format!("[[scenario:{hidden}]]")).await;
    let refused = publish(&app, id).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.attrs(
            &format!("li[data-embed='scenario:{hidden}']"),
            "data-problem"
        ),
        ["scenario-reach-embed-not-public"]
    );
}

#[tokio::test]
async fn the_public_web_shows_public_sets_in_their_phase_and_nothing_else() {
    let app = spawn_app();
    let s = sets(&app).await;
    let visitor = app.visitor();
    let public = s.public.to_string();

    let phase = visitor.get("/phases/scenarier").await;
    assert_eq!(phase.status, StatusCode::OK);
    assert_eq!(
        phase.attrs("#scenario-sets [data-scenario-set]", "data-scenario-set"),
        [public.as_str()]
    );
    assert_eq!(
        phase.texts("#scenario-sets [data-scenario] a").len(),
        4,
        "each scenario named"
    );
    let other = visitor.get("/phases/omvarlden").await;
    assert!(other.texts("#scenario-sets").is_empty());

    // A strategist sees the open set on the phase page too, never the draft.
    let strategist = app.as_strategist_a().await;
    let members = strategist.get("/phases/scenarier").await;
    assert_eq!(
        members.attrs("#scenario-sets [data-scenario-set]", "data-scenario-set"),
        [public.clone(), s.internal.to_string()]
    );

    for path in ["/publication", "/publication.html"] {
        let publication = visitor.get(path).await;
        assert_eq!(publication.status, StatusCode::OK, "{path}");
        assert_eq!(
            publication.attrs("#phase-scenarier [data-scenario-set]", "data-scenario-set"),
            [public.as_str()],
            "{path}"
        );
        let set = format!("#scenario-set-{public}");
        assert_eq!(
            publication.texts(&format!("{set} [data-field=focal_question]")),
            ["Hur styrs Sveriges regioner år 2050?"]
        );
        assert_eq!(publication.texts(&format!("{set} [data-axis]")).len(), 2);
        let narratives = publication.texts(&format!("{set} [data-field=narrative]"));
        assert_eq!(narratives.len(), 4);
        assert!(narratives[1].contains("solkraftsbältet"));
        assert!(
            publication
                .attrs("nav.toc a", "href")
                .contains(&format!("#scenario-set-{public}")),
            "{path}"
        );
        assert!(!publication.body.contains("Hemlighetens väg"), "{path}");
        assert!(!publication.body.contains("Glesbygdsrenässans"), "{path}");
    }
}

#[test]
fn the_dialogarena_holds_no_scenarios() {
    let programme = framsyn::domain::programme::Programme::load_dir(&programme_dir("dialogarena"))
        .expect("the shipped programme is valid");
    assert!(framsyn::domain::scenario::phases(&programme).is_empty());
    assert_eq!(
        framsyn::domain::scenario::phases(&regionerna()),
        ["scenarier"]
    );
}
