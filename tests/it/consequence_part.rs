//! The home assignment's part `consequences` (phase 3): the form shows each scenario's
//! own consequences by level and the workshop's to start from; submitting needs one per
//! scenario, refused at each scenario lacking one with what was typed kept; the part is
//! stored with the submission and its revision, locked once handed in and writable
//! again when returned; the submission pages and the exports show it.

use axum::http::StatusCode;
use framsyn::app::Error;
use framsyn::app::consequences::{self, Saved, Target};
use framsyn::app::scenarios::{self, ScenarioSaved, SetSaved};
use framsyn::domain::consequence::{Centre, ConsequencePart, Typed as CTyped};
use framsyn::domain::scenario::{SetForm, SetStatus, Typed};
use framsyn::storage::submissions;
use framsyn::storage::users::User;

use super::app_editorial::{acting, person};
use super::helpers::*;

const PHASE: &str = "regionalisering";
const PAGE: &str = "/phases/regionalisering/assignment";

/// An open two-axis set of the scenario phase with four scenarios; their numbers.
async fn open_set(app: &TestApp) -> Vec<i64> {
    let strategist = app.as_strategist_b().await;
    let state = submitted_note(&strategist, "uncertainty", "Statens eller regionernas makt").await;
    let outside = submitted_note(&strategist, "uncertainty", "Öppen eller sluten omvärld").await;
    let leader = person(app, LEADER);
    let who = acting(&leader);
    let form = SetForm {
        title: "Regionerna 2050".into(),
        phase: "scenarier".into(),
        focal_question: "Hur ser regionerna ut 2050?".into(),
        horizon: "2050".into(),
        method: "two_axes".into(),
        axis1_note: state.to_string(),
        axis1_low: "Stark stat".into(),
        axis1_high: "Starka regioner".into(),
        axis2_note: outside.to_string(),
        axis2_low: "Sluten värld".into(),
        axis2_high: "Öppen värld".into(),
        ..SetForm::default()
    };
    let valid = form.validate(&["scenarier"]).expect("a valid set");
    let saved = scenarios::create_set(&app.db, &app.state.programme, &leader, &who, valid, None);
    let SetSaved::Saved(set) = saved.await.unwrap() else {
        panic!("the set is stored");
    };
    let mut ids = Vec::new();
    for (quadrant, name) in [
        ("low_high", "Statens återkomst"),
        ("high_high", "Regionernas decennium"),
        ("low_low", "Den slutna staten"),
        ("high_low", "Regionala öar"),
    ] {
        let typed: Typed = [("quadrant", quadrant), ("name", name)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let saved = scenarios::save_scenario(&app.db, &leader, &who, set, None, typed);
        let ScenarioSaved::Saved(id) = saved.await.unwrap() else {
            panic!("the scenario is stored");
        };
        ids.push(id);
    }
    scenarios::move_set(&app.db, &leader, &who, set, SetStatus::Open)
        .await
        .unwrap();
    ids
}

/// Saves a consequence of scenario `scenario` as `user` (shared, or `organisation`'s).
async fn add(
    app: &TestApp,
    user: &User,
    scenario: i64,
    organisation: Option<i64>,
    level: &str,
    text: &str,
) -> Result<Saved, Error> {
    let typed: CTyped = [("level", level), ("text", text), ("valence", "threat")]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let target = Target::New {
        centre: Centre::Scenario(scenario),
        organisation,
    };
    let programme = &app.state.programme;
    consequences::save(&app.db, programme, user, &acting(user), target, typed).await
}

async fn added(app: &TestApp, user: &User, scenario: i64, org: Option<i64>, text: &str) -> i64 {
    match add(app, user, scenario, org, "regional", text)
        .await
        .unwrap()
    {
        Saved::Saved(id) => id,
        other => panic!("the consequence is stored: {other:?}"),
    }
}

fn answers<'a>(action: &'a str, version: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("action", action),
        ("version", version),
        ("answer-innebord", "Mer ansvar hamnar hos regionen."),
        (
            "answer-konsekvenser",
            "Kompetensförsörjningen blir avgörande.",
        ),
    ]
}

fn stored(app: &TestApp, org: i64) -> submissions::Submission {
    app.db
        .read_blocking(move |c| submissions::get(c, PHASE, org))
        .unwrap()
        .expect("a submission")
}

fn part(app: &TestApp, org: i64) -> ConsequencePart {
    serde_json::from_value(stored(app, org).parts["consequences"].clone()).unwrap()
}

#[tokio::test]
async fn submitting_needs_a_consequence_for_every_scenario_and_then_locks_them() {
    let app = spawn_app();
    let w = world(&app);
    let ids = open_set(&app).await;
    let leader = person(&app, LEADER);
    let shared = added(
        &app,
        &leader,
        ids[1],
        None,
        "Regionerna tar över tillväxtansvaret.",
    )
    .await;
    let strategist = person(&app, STRATEGIST_A);
    let first = added(
        &app,
        &strategist,
        ids[0],
        Some(w.org_a),
        "Vår sjukvård styrs nationellt.",
    )
    .await;
    let client = app.as_strategist_a().await;

    // Every scenario of the set, its own consequences, the way to add one, and the
    // shared ones with a form of their own outside the assignment's form.
    let page = client.get(PAGE).await;
    assert_eq!(page.status, StatusCode::OK);
    let shown = page.attrs("#consequence-part section[data-scenario]", "data-scenario");
    assert_eq!(shown, ids.iter().map(i64::to_string).collect::<Vec<_>>());
    let own = format!(
        "section[data-scenario=\"{}\"] li[data-consequence=\"{first}\"]",
        ids[0]
    );
    assert_eq!(
        page.attrs(&format!("{own} a"), "href"),
        [format!("/consequences/{first}")]
    );
    assert_eq!(
        page.attrs(&format!("{own} [data-valence]"), "data-valence"),
        ["threat"]
    );
    for id in &ids {
        let add = format!("a[href=\"/scenarios/{id}/consequences/new?organisation=own\"]");
        assert_eq!(page.attrs(&add, "href").len(), 1);
    }
    let hold = format!("form[action=\"/consequences/{shared}/hold\"]");
    assert_eq!(page.attrs(&hold, "method"), ["post"]);
    assert!(
        page.attrs(&format!("{hold} textarea[name=\"text\"]"), "id")
            .len()
            == 1
    );
    assert!(
        page.outer_html("form form").is_empty(),
        "no form inside a form"
    );

    // Submitting with three scenarios lacking one: refused at each, the answers kept.
    let refused = client.post(PAGE, &answers("submit", "")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    for id in &ids[1..] {
        let field = format!("consequences-{id}");
        assert_eq!(
            refused.attrs(&format!("#{field}-error"), "data-error"),
            ["error-consequences-none"]
        );
        assert_eq!(refused.attrs(&format!("h3#{field}"), "id").len(), 1);
        assert_eq!(
            refused
                .attrs(&format!(".error-summary a[href=\"#{field}\"]"), "href")
                .len(),
            1
        );
    }
    assert!(
        refused
            .attrs(&format!("#consequences-{}-error", ids[0]), "id")
            .is_empty()
    );
    assert_eq!(
        refused.texts("#answer-innebord"),
        ["Mer ansvar hamnar hos regionen."]
    );

    // One of the workshop's held for us too, and one of our own for each of the others.
    let who = acting(&strategist);
    let held = consequences::hold_for_us(
        &app.db,
        &app.state.programme,
        &strategist,
        &who,
        shared,
        "Det gäller också oss i Skåne.".into(),
    );
    assert!(matches!(held.await.unwrap(), Saved::Saved(_)));
    for id in &ids[2..] {
        added(
            &app,
            &strategist,
            *id,
            Some(w.org_a),
            "Pendlingen över Öresund ändras.",
        )
        .await;
    }
    let submitted = client.post(PAGE, &answers("submit", "")).await;
    assert_eq!(submitted.status, StatusCode::SEE_OTHER);
    let stored_part = part(&app, w.org_a);
    assert_eq!(stored_part.items.len(), 4);
    for id in &ids {
        assert!(stored_part.items.iter().any(|i| i.scenario == *id));
    }
    assert!(stored_part.items.iter().any(|i| i.based_on == Some(shared)));

    // Locked: no new consequence, no edit, and the form lists them without its forms.
    let late = add(&app, &strategist, ids[0], Some(w.org_a), "regional", "Sent").await;
    assert!(matches!(
        late,
        Err(Error::Refused("error-consequence-locked"))
    ));
    let edit = consequences::save(
        &app.db,
        &app.state.programme,
        &strategist,
        &who,
        Target::Edit { id: first, base: 1 },
        [("level", "kommunal"), ("text", "Ändrad")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    );
    assert!(matches!(
        edit.await,
        Err(Error::Refused("error-consequence-locked"))
    ));
    let page = client.get(PAGE).await;
    assert_eq!(
        page.attrs("[data-consequences=\"locked\"]", "role"),
        ["status"]
    );
    assert_eq!(
        page.attrs("#consequence-part li[data-consequence]", "data-consequence")
            .len(),
        4
    );
    assert!(page.attrs("form[action$=\"/hold\"]", "action").is_empty());
    assert!(page.attrs("a[data-action=\"add\"]", "href").is_empty());

    // Returned: writable again.
    let lead = app.as_leader().await;
    let version = stored(&app, w.org_a).version.to_string();
    let returned = lead
        .post(
            &format!("/phases/{PHASE}/submissions/{}/review", w.org_a),
            &[
                ("action", "return"),
                ("comment", "Fler nivåer, tack."),
                ("version", &version),
            ],
        )
        .await;
    assert_eq!(returned.status, StatusCode::SEE_OTHER);
    let again = add(
        &app,
        &strategist,
        ids[0],
        Some(w.org_a),
        "kommunal",
        "Skolan",
    )
    .await;
    assert!(matches!(again.unwrap(), Saved::Saved(_)));
    let page = client.get(PAGE).await;
    assert_eq!(page.attrs("a[data-action=\"add\"]", "href").len(), 4);
    assert_eq!(page.attrs(&hold, "method"), ["post"]);
}

#[tokio::test]
async fn the_revision_of_a_submit_keeps_the_consequences_of_that_moment() {
    let app = spawn_app();
    let w = world(&app);
    let ids = open_set(&app).await;
    let strategist = person(&app, STRATEGIST_A);
    for id in &ids {
        added(&app, &strategist, *id, Some(w.org_a), "Före inlämningen").await;
    }
    let client = app.as_strategist_a().await;
    let submitted = client.post(PAGE, &answers("submit", "")).await;
    assert_eq!(submitted.status, StatusCode::SEE_OTHER);
    let lead = app.as_leader().await;
    let version = stored(&app, w.org_a).version.to_string();
    let path = format!("/phases/{PHASE}/submissions/{}/review", w.org_a);
    lead.post(
        &path,
        &[
            ("action", "return"),
            ("comment", "Mer"),
            ("version", &version),
        ],
    )
    .await;
    added(
        &app,
        &strategist,
        ids[0],
        Some(w.org_a),
        "Efter återsändningen",
    )
    .await;

    let id = stored(&app, w.org_a).id;
    let snapshot: String = app
        .db
        .read_blocking(move |c| {
            Ok(c.query_row(
                "SELECT snapshot FROM submission_revisions WHERE submission_id = ?1
                 AND action = 'submit'",
                [id],
                |r| r.get("snapshot"),
            )?)
        })
        .unwrap();
    let snapshot: serde_json::Value = serde_json::from_str(&snapshot).unwrap();
    let at_submit: ConsequencePart =
        serde_json::from_value(snapshot["parts"]["consequences"].clone()).unwrap();
    let texts: Vec<&str> = at_submit.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(texts, ["Före inlämningen"; 4]);
}

#[tokio::test]
async fn without_a_set_the_part_says_so_and_submitting_is_refused_there() {
    let app = spawn_app();
    world(&app);
    let client = app.as_strategist_a().await;
    let page = client.get(PAGE).await;
    assert_eq!(
        page.attrs("#consequence-set", "data-consequences"),
        ["no-set"]
    );
    let refused = client.post(PAGE, &answers("submit", "")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.attrs("#consequence-set-error", "data-error"),
        ["error-consequences-no-set"]
    );
    assert_eq!(
        refused
            .attrs(".error-summary a[href=\"#consequence-set\"]", "href")
            .len(),
        1
    );
}

#[tokio::test]
async fn the_submission_pages_and_exports_show_the_part() {
    let app = spawn_app();
    let w = world(&app);
    let ids = open_set(&app).await;
    let strategist = person(&app, STRATEGIST_A);
    for id in &ids {
        added(
            &app,
            &strategist,
            *id,
            Some(w.org_a),
            &format!("Konsekvens för {id}"),
        )
        .await;
    }
    added(
        &app,
        &strategist,
        ids[0],
        Some(w.org_a),
        "Ännu en för Skåne",
    )
    .await;
    let client = app.as_strategist_a().await;
    let submitted = client.post(PAGE, &answers("submit", "")).await;
    assert_eq!(submitted.status, StatusCode::SEE_OTHER);

    let lead = app.as_leader().await;
    let page = lead
        .get(&format!("/phases/{PHASE}/submissions/{}", w.org_a))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let shown = page.attrs(
        "[data-part=\"consequences\"] section[data-scenario]",
        "data-count",
    );
    assert_eq!(shown, ["2", "1", "1", "1"]);
    assert_eq!(
        page.texts(&format!("#stored-consequences-{} a", ids[1])),
        ["Regionernas decennium"]
    );
    assert_eq!(
        page.attrs("[data-part=\"consequences\"] h4[data-level]", "data-level")[0],
        "regional"
    );

    let all = lead.get(&format!("/phases/{PHASE}/submissions")).await;
    let counts = all.attrs(
        &format!("tr[data-organisation=\"{}\"] td[data-count]", w.org_a),
        "data-count",
    );
    assert_eq!(counts, ["2", "1", "1", "1"]);

    let csv = lead.get(&format!("/phases/{PHASE}/submissions.csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(
        csv.body.matches("Region Skåne").count(),
        5,
        "one row a consequence"
    );
    csv.assert_contains("Ännu en för Skåne");
    csv.assert_contains("Regionernas decennium");
    let md = lead.get(&format!("/phases/{PHASE}/submissions.md")).await;
    md.assert_contains("#### Regionernas decennium");
    md.assert_contains(&format!("Konsekvens för {}", ids[2]));
}
