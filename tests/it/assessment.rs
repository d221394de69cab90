//! Every organisation's assessment of the phase's scenario set (home assignment 2, part
//! `scenario_rating`): a draft may be partial, submitting needs every judgement and one or
//! two scenarios most interesting, bad values are refused at their fields with what was
//! typed kept, judgements of scenarios outside the set are not taken, the workflow and its
//! revisions, the reading side by side, the export, and the progress tracker.

use axum::http::StatusCode;
use framsyn::app::scenarios::{self, ScenarioSaved, SetSaved};
use framsyn::domain::scenario::{ScenarioAssessment, SetForm, SetStatus, Typed};
use framsyn::storage::submissions;

use super::app_editorial::{acting, person};
use super::helpers::*;

const PHASE: &str = "scenarier";
const PAGE: &str = "/phases/scenarier/assignment";

/// The four scenarios of the set, with their quadrants.
const SCENARIOS: [(&str, &str, &str); 4] = [
    (
        "low_high",
        "Statens återkomst",
        "En stark stat i en öppen värld",
    ),
    (
        "high_high",
        "Regionernas decennium",
        "Starka regioner, öppna gränser",
    ),
    (
        "low_low",
        "Den slutna staten",
        "Staten styr i en sluten värld",
    ),
    (
        "high_low",
        "Regionala öar",
        "Starka regioner i en sluten värld",
    ),
];

/// A two-axis set for the phase, built from two uncertainties of the bank, with its four
/// scenarios, in `status`. Returns the set's number and its scenarios' numbers in the
/// order of [`SCENARIOS`].
async fn set_in(app: &TestApp, status: SetStatus) -> (i64, Vec<i64>) {
    let strategist = app.as_strategist_b().await;
    let state = submitted_note(&strategist, "uncertainty", "Statens eller regionernas makt").await;
    let outside = submitted_note(&strategist, "uncertainty", "Öppen eller sluten omvärld").await;
    let leader = person(app, LEADER);
    let who = acting(&leader);
    let form = SetForm {
        title: "Regionerna 2050".into(),
        phase: PHASE.into(),
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
    let valid = form.validate(&[PHASE]).expect("a valid set");
    let saved = scenarios::create_set(&app.db, &app.state.programme, &leader, &who, valid, None);
    let SetSaved::Saved(set) = saved.await.unwrap() else {
        panic!("the set is stored");
    };
    let mut ids = Vec::new();
    for (quadrant, name, tagline) in SCENARIOS {
        let typed: Typed = [("quadrant", quadrant), ("name", name), ("tagline", tagline)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let saved = scenarios::save_scenario(&app.db, &leader, &who, set, None, typed);
        let ScenarioSaved::Saved(id) = saved.await.unwrap() else {
            panic!("the scenario is stored");
        };
        ids.push(id);
    }
    if status != SetStatus::Draft {
        scenarios::move_set(&app.db, &leader, &who, set, SetStatus::Open)
            .await
            .unwrap();
    }
    if status == SetStatus::Final {
        scenarios::move_set(&app.db, &leader, &who, set, SetStatus::Final)
            .await
            .unwrap();
    }
    (set, ids)
}

fn field(scenario: i64, part: &str) -> String {
    format!("scenario-{scenario}-{part}")
}

/// The answers to the phase's required questions and a complete judgement of every
/// scenario (interest 4, plausibility 3, desirability +1), with `most` marked.
fn complete(version: &str, ids: &[i64], most: &[i64]) -> Vec<(String, String)> {
    let mut fields = vec![
        ("action".to_string(), "submit".to_string()),
        ("version".into(), version.into()),
        (
            "answer-mest-intressanta".into(),
            "Regionernas decennium.".into(),
        ),
        ("answer-fordjupning".into(), "Vi fördjupade två.".into()),
    ];
    for id in ids {
        fields.push((field(*id, "interest"), "4".into()));
        fields.push((field(*id, "plausibility"), "3".into()));
        fields.push((field(*id, "desirability"), "1".into()));
        fields.push((field(*id, "reason"), format!("Skäl för {id}")));
    }
    for id in most {
        fields.push((field(*id, "most"), "1".into()));
    }
    fields
}

fn pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

/// The message key of the error shown at an assessment field, if any.
fn error_at(page: &TestResponse, name: &str) -> Option<String> {
    page.attrs(&format!("#{name}-error"), "data-error")
        .into_iter()
        .next()
}

fn stored(app: &TestApp, org: i64) -> submissions::Submission {
    app.db
        .read_blocking(move |c| submissions::get(c, PHASE, org))
        .unwrap()
        .expect("a submission")
}

fn assessment(app: &TestApp, org: i64) -> ScenarioAssessment {
    serde_json::from_value(stored(app, org).parts["scenario_rating"].clone()).unwrap()
}

/// The tracker's item for the organisation's home assignment 2: its state and share done.
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
        .find(|i| i.item == "hemarbete-2")
        .expect("the tracker counts home assignment 2")
        .clone();
    (item.state, item.done)
}

#[tokio::test]
async fn a_strategist_assesses_the_open_set_and_the_process_leader_accepts_it() {
    let app = spawn_app();
    let w = world(&app);
    let (set, ids) = set_in(&app, SetStatus::Open).await;
    let strategist = app.as_strategist_a().await;
    assert_eq!(tracked(&app, w.org_a).await.0, "submission-not-started");

    // The form asks about each scenario of the set, with a link to it.
    let page = strategist.get(PAGE).await;
    assert_eq!(page.status, StatusCode::OK);
    let shown: Vec<String> = page.attrs("fieldset[data-scenario]", "data-scenario");
    assert_eq!(
        shown,
        ids.iter().map(i64::to_string).collect::<Vec<_>>(),
        "every scenario of set {set}, in order"
    );
    for id in &ids {
        assert_eq!(
            page.attrs(&format!("a[href=\"/scenarios/{id}\"]"), "href")
                .len(),
            1
        );
        let desirability = field(*id, "desirability");
        let values = page.attrs(&format!("input[name=\"{desirability}\"]"), "value");
        assert_eq!(values, ["-2", "-1", "0", "1", "2"]);
        assert_eq!(
            page.texts(&format!("label[for=\"{desirability}--2\"]")),
            ["−2"]
        );
        assert_eq!(
            page.texts(&format!("label[for=\"{desirability}-2\"]")),
            ["+2"]
        );
        assert_eq!(
            page.texts(&format!("fieldset#{desirability} > legend")),
            ["Önskvärdhet"]
        );
    }

    // A draft may be partial.
    let (a, b, c) = (ids[0], ids[1], ids[2]);
    let draft = strategist
        .post(
            PAGE,
            &[
                ("action", "save"),
                ("version", ""),
                (&field(a, "interest"), "4"),
                (&field(a, "reason"), "Statens roll växer hos oss."),
            ],
        )
        .await;
    assert_eq!(draft.status, StatusCode::SEE_OTHER, "{}", draft.body);
    let page = strategist.get(PAGE).await;
    assert_eq!(
        page.attrs(&format!("#{}-4[checked]", field(a, "interest")), "value"),
        ["4"]
    );
    page.assert_contains("Statens roll växer hos oss.</textarea>");
    let saved = assessment(&app, w.org_a);
    assert_eq!(saved.set, set);
    assert_eq!(saved.judgements[0].interest, Some(4));
    assert_eq!(saved.judgements[0].plausibility, None);
    assert_eq!(
        tracked(&app, w.org_a).await,
        ("submission-status-draft".into(), 0.25)
    );

    // Submitting without a scenario marked most interesting is refused at the field,
    // with everything typed kept.
    let no_most = complete("1", &ids, &[]);
    let refused = strategist.post(PAGE, &pairs(&no_most)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error_at(&refused, &field(a, "most")).as_deref(),
        Some("error-scenario-most-required")
    );
    assert_eq!(
        refused
            .attrs(&format!("a[href=\"#{}\"]", field(a, "most")), "href")
            .len(),
        1,
        "the error summary leads to the field"
    );
    refused.assert_contains(&format!("Skäl för {c}</textarea>"));
    assert_eq!(
        refused.attrs(
            &format!("#{}-1[checked]", field(b, "desirability")),
            "value"
        ),
        ["1"]
    );
    assert_eq!(stored(&app, w.org_a).version, 1, "nothing stored");

    // A rating out of its scale is refused at its field.
    let mut out_of_range = complete("1", &ids, &[a]);
    out_of_range.retain(|(k, _)| *k != field(b, "plausibility"));
    out_of_range.push((field(b, "plausibility"), "7".into()));
    out_of_range.retain(|(k, _)| *k != field(c, "desirability"));
    out_of_range.push((field(c, "desirability"), "-3".into()));
    let refused = strategist.post(PAGE, &pairs(&out_of_range)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error_at(&refused, &field(b, "plausibility")).as_deref(),
        Some("error-scenario-rating-range")
    );
    assert_eq!(
        error_at(&refused, &field(c, "desirability")).as_deref(),
        Some("error-scenario-rating-range")
    );
    assert_eq!(
        refused.attrs(&format!("#{}[checked]", field(a, "most")), "name"),
        [field(a, "most")],
        "the mark typed is kept"
    );

    // A judgement missing on submit is refused at its field.
    let mut missing = complete("1", &ids, &[a]);
    missing.retain(|(k, _)| *k != field(c, "interest"));
    let refused = strategist.post(PAGE, &pairs(&missing)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error_at(&refused, &field(c, "interest")).as_deref(),
        Some("error-required")
    );

    // A third scenario marked most interesting is refused, even in a draft.
    for action in ["submit", "save"] {
        let mut three = complete("1", &ids, &[a, b, c]);
        three[0].1 = action.into();
        let refused = strategist.post(PAGE, &pairs(&three)).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{action}");
        refused.assert_error("error-scenario-most-too-many");
    }
    assert_eq!(stored(&app, w.org_a).version, 1, "nothing stored");

    // Judgements of a scenario outside the set are not taken.
    let mut with_other = complete("1", &ids, &[a, b]);
    with_other.push(("scenario-999999-interest".into(), "5".into()));
    with_other.push(("scenario-999999-most".into(), "1".into()));
    let submitted = strategist.post(PAGE, &pairs(&with_other)).await;
    assert_eq!(
        submitted.status,
        StatusCode::SEE_OTHER,
        "{}",
        submitted.body
    );
    let saved = assessment(&app, w.org_a);
    assert_eq!(saved.most, vec![a, b]);
    assert_eq!(
        saved
            .judgements
            .iter()
            .map(|j| j.scenario)
            .collect::<Vec<_>>(),
        ids
    );
    assert!(
        saved
            .judgements
            .iter()
            .all(|j| j.interest == Some(4) && j.desirability == Some(1))
    );
    assert_eq!(
        tracked(&app, w.org_a).await,
        ("submission-status-submitted".into(), 0.75)
    );

    // The process leader returns it; the strategist changes a judgement and submits again;
    // the process leader accepts it. Every version is kept.
    let leader = app.as_leader().await;
    let review = format!("/phases/{PHASE}/submissions/{}/review", w.org_a);
    let returned = leader
        .post(
            &review,
            &[
                ("action", "return"),
                ("version", "2"),
                ("comment", "Motivera önskvärdheten."),
            ],
        )
        .await;
    assert_eq!(returned.status, StatusCode::SEE_OTHER);
    let page = strategist.get(PAGE).await;
    assert_eq!(
        page.attrs(
            &format!("#{}-1[checked]", field(c, "desirability")),
            "value"
        ),
        ["1"],
        "the returned assessment fills the form"
    );
    let mut again = complete("3", &ids, &[b]);
    again.retain(|(k, _)| *k != field(c, "desirability"));
    again.push((field(c, "desirability"), "-2".into()));
    assert_eq!(
        strategist.post(PAGE, &pairs(&again)).await.status,
        StatusCode::SEE_OTHER
    );
    let accepted = leader
        .post(&review, &[("action", "accept"), ("version", "4")])
        .await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER);
    let now = stored(&app, w.org_a);
    assert_eq!(now.status.key(), "accepted");
    let history = app
        .db
        .read_blocking(move |c| submissions::revisions(c, now.id))
        .unwrap();
    let actions: Vec<&str> = history.iter().map(|r| r.action.key()).collect();
    assert_eq!(actions, ["accept", "submit", "return", "submit", "save"]);
    let saved = assessment(&app, w.org_a);
    assert_eq!(saved.most, vec![b]);
    assert_eq!(saved.judgements[2].desirability, Some(-2));
    assert_eq!(
        tracked(&app, w.org_a).await,
        ("submission-status-accepted".into(), 1.0)
    );

    // The submission shows the assessment as a table, a row per scenario.
    let page = leader
        .get(&format!("/phases/{PHASE}/submissions/{}", w.org_a))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let own = "table[data-table=assessment-own] tbody tr";
    assert_eq!(
        page.attrs(own, "data-scenario"),
        ids.iter().map(i64::to_string).collect::<Vec<_>>()
    );
    assert_eq!(
        page.attrs(&format!("{own}[data-most=yes]"), "data-scenario"),
        [b.to_string()]
    );
    assert_eq!(
        page.texts(&format!(
            "{own}[data-scenario=\"{c}\"] td[data-measure=desirability]"
        )),
        ["−2"]
    );
    assert_eq!(
        page.texts(&format!("{own}[data-scenario=\"{a}\"] th a")),
        ["Statens återkomst"]
    );
}

#[tokio::test]
async fn the_assessments_read_side_by_side_and_export_a_row_per_organisation_and_scenario() {
    let app = spawn_app();
    let w = world(&app);
    let (_, ids) = set_in(&app, SetStatus::Open).await;
    let strategist_a = app.as_strategist_a().await;
    let submitted = strategist_a
        .post(PAGE, &pairs(&complete("", &ids, &[ids[1]])))
        .await;
    assert_eq!(
        submitted.status,
        StatusCode::SEE_OTHER,
        "{}",
        submitted.body
    );
    let strategist_b = app.as_strategist_b().await;
    let draft = strategist_b
        .post(
            PAGE,
            &[
                ("action", "save"),
                ("version", ""),
                (&field(ids[0], "interest"), "2"),
                (&field(ids[0], "most"), "1"),
            ],
        )
        .await;
    assert_eq!(draft.status, StatusCode::SEE_OTHER, "{}", draft.body);

    // Side by side: a table per scenario, a row per organisation.
    let leader = app.as_leader().await;
    let page = leader.get(&format!("/phases/{PHASE}/submissions")).await;
    assert_eq!(page.status, StatusCode::OK);
    for id in &ids {
        let rows = format!("table[data-table=assessment-{id}] tbody tr");
        let mut orgs = page.attrs(&rows, "data-organisation");
        orgs.sort();
        let mut expected = vec![w.org_a.to_string(), w.org_b.to_string()];
        expected.sort();
        assert_eq!(orgs, expected, "scenario {id}");
    }
    let first = format!("table[data-table=assessment-{}] tbody tr", ids[0]);
    assert_eq!(
        page.texts(&format!(
            "{first}[data-organisation=\"{}\"] td[data-measure=interest]",
            w.org_b
        )),
        ["2"]
    );
    assert_eq!(
        page.texts(&format!(
            "{first}[data-organisation=\"{}\"] td[data-measure=plausibility]",
            w.org_b
        )),
        ["–"]
    );
    assert_eq!(
        page.attrs(&format!("{first}[data-most=yes]"), "data-organisation"),
        [w.org_b.to_string()]
    );

    // The export: one row per organisation and scenario.
    let csv = leader
        .get(&format!("/phases/{PHASE}/submissions.csv"))
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    let mut reader = csv::Reader::from_reader(csv.body.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "Organisation",
            "Läge",
            "Sent",
            "Scenarionummer",
            "Scenario",
            "Intresse för vår region",
            "Rimlighet",
            "Önskvärdhet",
            "Mest intressant",
            "Motivering"
        ]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(rows.len(), 8, "{rows:?}");
    let skane: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == "Region Skåne").collect();
    assert_eq!(skane.len(), 4);
    let second = skane
        .iter()
        .find(|r| r[3] == ids[1].to_string())
        .expect("Skåne's judgement of the second scenario");
    assert_eq!(
        second[4..].to_vec(),
        [
            "Regionernas decennium",
            "4",
            "3",
            "1",
            "Ja",
            &format!("Skäl för {}", ids[1])
        ]
    );
    assert_eq!(second[1], "Inlämnat");
    let norrbotten_first = rows
        .iter()
        .find(|r| r[0] == "Region Norrbotten" && r[3] == ids[0].to_string())
        .expect("Norrbotten's draft judgement");
    assert_eq!(norrbotten_first[5..9].to_vec(), ["2", "", "", "Ja"]);
    let xlsx = leader
        .get(&format!("/phases/{PHASE}/submissions.xlsx"))
        .await;
    assert_eq!(xlsx.status, StatusCode::OK);
}

#[tokio::test]
async fn without_a_set_to_assess_a_draft_saves_and_submitting_is_refused_at_the_part() {
    let app = spawn_app();
    let w = world(&app);
    let (set, ids) = set_in(&app, SetStatus::Draft).await;
    let strategist = app.as_strategist_a().await;
    // A set still in draft is not assessed: the part says so.
    let page = strategist.get(PAGE).await;
    assert_eq!(
        page.attrs("[data-assessment=no-set]", "id"),
        ["scenario-set"]
    );
    assert!(
        page.attrs("fieldset[data-scenario]", "data-scenario")
            .is_empty()
    );
    let draft = strategist
        .post(
            PAGE,
            &[
                ("action", "save"),
                ("version", ""),
                ("answer-fordjupning", "Vi väntar på scenarierna."),
            ],
        )
        .await;
    assert_eq!(draft.status, StatusCode::SEE_OTHER);
    let refused = strategist
        .post(PAGE, &pairs(&complete("1", &ids, &[ids[0]])))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error_at(&refused, "scenario-set").as_deref(),
        Some("error-assessment-no-set")
    );
    refused.assert_contains("Vi fördjupade två.</textarea>");
    assert_eq!(stored(&app, w.org_a).status.key(), "draft");

    // Once open, the form asks for it; if the set goes back to draft before the form is
    // sent, the submission is refused in the same transaction that would store it.
    let leader = person(&app, LEADER);
    let who = acting(&leader);
    scenarios::move_set(&app.db, &leader, &who, set, SetStatus::Open)
        .await
        .unwrap();
    let page = strategist.get(PAGE).await;
    assert_eq!(
        page.attrs("fieldset[data-scenario]", "data-scenario").len(),
        4
    );
    scenarios::move_set(&app.db, &leader, &who, set, SetStatus::Draft)
        .await
        .unwrap();
    let refused = strategist
        .post(PAGE, &pairs(&complete("1", &ids, &[ids[0]])))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_error("error-assessment-no-set");
    assert_eq!(stored(&app, w.org_a).status.key(), "draft");
    // A final set is still assessed.
    scenarios::move_set(&app.db, &leader, &who, set, SetStatus::Open)
        .await
        .unwrap();
    scenarios::move_set(&app.db, &leader, &who, set, SetStatus::Final)
        .await
        .unwrap();
    let submitted = strategist
        .post(PAGE, &pairs(&complete("1", &ids, &[ids[0]])))
        .await;
    assert_eq!(
        submitted.status,
        StatusCode::SEE_OTHER,
        "{}",
        submitted.body
    );
    assert_eq!(assessment(&app, w.org_a).set, set);
}

#[tokio::test]
async fn a_stale_save_shows_the_newer_assessment_and_keeps_what_was_typed() {
    let app = spawn_app();
    world(&app);
    let (_, ids) = set_in(&app, SetStatus::Open).await;
    let (a, b) = (ids[0], ids[1]);
    let strategist = app.as_strategist_a().await;
    for (version, interest) in [("", "2"), ("1", "5")] {
        let saved = strategist
            .post(
                PAGE,
                &[
                    ("action", "save"),
                    ("version", version),
                    (&field(a, "interest"), interest),
                ],
            )
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    }
    // A colleague's form still based on version 1.
    let stale = strategist
        .post(
            PAGE,
            &[
                ("action", "save"),
                ("version", "1"),
                (&field(a, "interest"), "3"),
                (&field(b, "reason"), "Vårt eget skäl."),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    stale.assert_error("error-stale-edit");
    let newer = format!(
        "table[data-table=assessment-newer] tbody tr[data-scenario=\"{a}\"] td[data-measure=interest]"
    );
    assert_eq!(stale.texts(&newer), ["5"]);
    assert_eq!(
        stale.attrs(&format!("#{}-3[checked]", field(a, "interest")), "value"),
        ["3"],
        "what was typed is kept"
    );
    stale.assert_contains("Vårt eget skäl.</textarea>");
}
