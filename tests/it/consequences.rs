//! The consequence pages through HTTP: a scenario's consequences by level as chains, the
//! workshop's quick capture with marks and indents, the full form, bad input refused at
//! its field with what was typed kept, stale edits, the history, removing, "this holds
//! for us too", an organisation's own consequences locked once submitted and hidden from
//! other organisations until accepted, a note's consequences, and a programme without
//! consequence phases showing none of it.

use axum::http::StatusCode;

use super::helpers::submitted_note as note;
use super::helpers::*;
use framsyn::domain::assignment::{Action, SubmissionStatus};
use framsyn::storage::submissions;

/// The consequence phase of Regionerna 2050.
const PHASE: &str = "regionalisering";

fn id_after(response: &TestResponse, prefix: &str) -> i64 {
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    response
        .location()
        .trim_start_matches(prefix)
        .parse()
        .unwrap()
}

/// An open set of the scenario phase with two scenarios, written by the process leader:
/// the set and its scenarios.
pub async fn open_set_with_scenarios(app: &TestApp) -> (i64, Vec<i64>) {
    let strategist = app.as_strategist_a().await;
    let a1 = note(&strategist, "uncertainty", "Maktens placering").await;
    let a2 = note(&strategist, "uncertainty", "Omställningens takt").await;
    let leader = app.as_leader().await;
    let set_fields: Vec<(String, String)> = [
        ("title", "Regionerna i fyra framtider"),
        ("phase", "scenarier"),
        ("focal_question", "Hur ser regionernas roll ut 2050?"),
        ("horizon", "2050"),
        ("method", "two_axes"),
        ("axis1_low", "Stark stat"),
        ("axis1_high", "Starka regioner"),
        ("axis2_low", "Långsam omställning"),
        ("axis2_high", "Snabb omställning"),
        ("predetermined", ""),
        ("axis1_note", &a1.to_string()),
        ("axis2_note", &a2.to_string()),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let fields: Vec<(&str, &str)> = set_fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let set = id_after(
        &leader.post("/scenario-sets/new", &fields).await,
        "/scenario-sets/",
    );
    let mut ids = Vec::new();
    for (q, name) in [
        ("low_high", "Statens renässans"),
        ("high_high", "Regionernas tid"),
        ("low_low", "Stillastående"),
        ("high_low", "Lappverket"),
    ] {
        let response = leader
            .post(
                &format!("/scenario-sets/{set}/scenarios/new"),
                &[("quadrant", q), ("name", name), ("narrative", "År 2050.")],
            )
            .await;
        ids.push(id_after(&response, "/scenarios/"));
    }
    let opened = leader
        .post(&format!("/scenario-sets/{set}/status"), &[("to", "open")])
        .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
    (set, ids)
}

/// Captures `lines` of shared consequences at `level` of scenario `scenario`; the ids of
/// the consequences the page then shows at that level, in page order.
async fn capture(writer: &impl Client, scenario: i64, level: &str, lines: &str) -> Vec<i64> {
    let path = format!("/scenarios/{scenario}/consequences");
    let response = writer
        .post(
            &format!("{path}/capture"),
            &[
                ("level", level),
                ("lines", lines),
                ("organisation", "shared"),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    assert_eq!(response.location(), path);
    let page = writer.get(&path).await;
    page.attrs(
        &format!("[data-level='{level}'] [data-consequence]"),
        "data-consequence",
    )
    .iter()
    .map(|id| id.parse().unwrap())
    .collect()
}

/// A consequence written through the full form by `writer`; its number.
async fn write(writer: &impl Client, path: &str, fields: &[(&str, &str)]) -> i64 {
    let response = writer.post(path, fields).await;
    id_after(&response, "/consequences/")
}

/// Sets organisation `org`'s submission of the consequence phase to `status`.
fn submission(app: &TestApp, org: i64, status: SubmissionStatus) {
    let by = app
        .db
        .read_blocking(|c| framsyn::storage::users::find_by_email(c, LEADER))
        .unwrap()
        .unwrap();
    app.db
        .write_blocking(move |tx| {
            let current = submissions::get(tx, PHASE, org)?;
            let empty = serde_json::json!({});
            let draft = submissions::Draft {
                phase: PHASE,
                organisation: org,
                base_version: current.map(|c| c.version),
                status,
                action: Action::Save,
                answers: &empty,
                parts: &empty,
            };
            submissions::write(tx, &draft, by)?;
            Ok(())
        })
        .unwrap();
}

#[tokio::test]
async fn a_process_leader_captures_a_chain_with_marks_and_indents() {
    let app = spawn_app();
    world(&app);
    let (set, scenarios) = open_set_with_scenarios(&app).await;
    let leader = app.as_leader().await;
    let path = format!("/scenarios/{}/consequences", scenarios[0]);
    let page = leader.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    // The scenario, its set, the wheel and the heat table are linked.
    assert_eq!(
        page.attrs("h1 a", "href"),
        [format!("/scenarios/{}", scenarios[0])]
    );
    assert_eq!(
        page.attrs("[data-set]", "href"),
        [format!("/scenario-sets/{set}")]
    );
    assert_eq!(
        page.attrs("[data-wheel]", "href"),
        [format!("/scenarios/{}/wheel", scenarios[0])]
    );
    assert_eq!(
        page.attrs("[data-heat-table]", "href"),
        [format!("/scenario-sets/{set}/consequences")]
    );
    // Every level of the programme, in order.
    assert_eq!(
        page.attrs("section[data-level]", "data-level"),
        ["nationell", "regional", "kommunal", "individ"]
    );
    let ids = capture(
        &leader,
        scenarios[0],
        "regional",
        "+ Fler jobb i regionen\n  - Bostadsbrist\n    ± Nya byggregler\n\n- Längre pendling",
    )
    .await;
    assert_eq!(ids.len(), 4);
    let page = leader.get(&path).await;
    // The chain: the second line follows from the first, the third from the second;
    // the last stands beside the first.
    let top = "[data-level='regional'] ul.cq-chain > li > [data-consequence]";
    assert_eq!(page.attrs(top, "data-consequence").len(), 2);
    assert_eq!(page.attrs(top, "data-order"), ["1", "1"]);
    let second = "[data-level='regional'] ul.cq-chain > li > ul > li > [data-consequence]";
    assert_eq!(page.attrs(second, "data-order"), ["2"]);
    let third = "[data-level='regional'] ul.cq-chain > li > ul > li > ul > li > [data-consequence]";
    assert_eq!(page.attrs(third, "data-order"), ["3"]);
    // Each item carries its valence as a sign and a word.
    assert_eq!(
        page.attrs("[data-level='regional'] [data-valence]", "data-valence"),
        ["opportunity", "threat", "mixed", "threat"]
    );
    let words = page.texts("[data-level='regional'] [data-valence='threat']");
    assert!(words.iter().all(|w| w.contains('−')), "{words:?}");
    // Shared, and linked to its page.
    assert_eq!(
        page.attrs("[data-level='regional'] [data-shared]", "data-shared")
            .len(),
        4
    );
    let one = leader.get(&format!("/consequences/{}", ids[1])).await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(
        one.attrs("[data-parent]", "data-parent"),
        [ids[0].to_string()]
    );
    assert_eq!(
        one.attrs("[data-followers] [data-consequence]", "data-consequence"),
        [ids[2].to_string()]
    );
    // Nothing at the other levels; the filter by whose view keeps the shared ones.
    assert_eq!(
        page.attrs("[data-level='nationell'] [data-empty]", "data-empty")
            .len(),
        1
    );
    let shared = leader.get(&format!("{path}?organisation=shared")).await;
    assert_eq!(shared.attrs("[data-total]", "data-total"), ["4"]);
}

#[tokio::test]
async fn a_refused_capture_names_the_field_and_the_line_and_keeps_what_was_typed() {
    let app = spawn_app();
    world(&app);
    let (_, scenarios) = open_set_with_scenarios(&app).await;
    let leader = app.as_leader().await;
    let path = format!("/scenarios/{}/consequences/capture", scenarios[0]);
    let lines = "+ Fler jobb\n  - Bostadsbrist\n      ± För djupt";
    let response = leader
        .post(
            &path,
            &[("level", "kosmisk"), ("theme", "boende"), ("lines", lines)],
        )
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        response.field_error("level").as_deref(),
        Some("error-consequence-level")
    );
    assert_eq!(
        response.field_error("lines").as_deref(),
        Some("error-capture-indent")
    );
    assert_eq!(response.attrs("#f-lines-error", "data-line"), ["3"]);
    assert_eq!(response.texts("#f-lines"), [lines]);
    assert_eq!(
        response.attrs("#f-theme option[selected]", "value"),
        ["boende"]
    );
    // An unknown theme with good lines, and nothing stored.
    let response = leader
        .post(
            &path,
            &[
                ("level", "regional"),
                ("theme", "rymden"),
                ("lines", "+ Ok"),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        response.field_error("theme").as_deref(),
        Some("error-consequence-theme")
    );
    let page = leader
        .get(&format!("/scenarios/{}/consequences", scenarios[0]))
        .await;
    assert_eq!(page.attrs("[data-total]", "data-total"), ["0"]);
}

#[tokio::test]
async fn the_full_form_refuses_a_fourth_order_and_a_parent_elsewhere_at_the_field() {
    let app = spawn_app();
    world(&app);
    let (_, scenarios) = open_set_with_scenarios(&app).await;
    let leader = app.as_leader().await;
    let ids = capture(&leader, scenarios[0], "nationell", "+ A\n  - B\n    ± C").await;
    let elsewhere = capture(&leader, scenarios[1], "nationell", "+ D").await;
    let new = format!("/scenarios/{}/consequences/new", scenarios[0]);
    let form = leader.get(&format!("{new}?parent={}", ids[1])).await;
    assert_eq!(form.status, StatusCode::OK);
    assert_eq!(
        form.attrs("#f-parent option[selected]", "value"),
        [ids[1].to_string()]
    );
    let third = ids[2].to_string();
    let text = "En **fjärde** ring";
    let fourth = leader
        .post(
            &new,
            &[
                ("level", "nationell"),
                ("text", text),
                ("valence", "threat"),
                ("parent", &third),
            ],
        )
        .await;
    assert_eq!(fourth.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        fourth.field_error("parent").as_deref(),
        Some("error-consequence-fourth-order")
    );
    assert_eq!(fourth.texts("#f-text"), [text]);
    assert_eq!(
        fourth.attrs("input[name='valence'][checked]", "value"),
        ["threat"]
    );
    let other = elsewhere[0].to_string();
    let response = leader
        .post(
            &new,
            &[("level", "nationell"), ("text", text), ("parent", &other)],
        )
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        response.field_error("parent").as_deref(),
        Some("error-consequence-parent-elsewhere")
    );
    // A typed order that disagrees with the parent is refused at the order.
    let first = ids[0].to_string();
    let response = leader
        .post(
            &new,
            &[
                ("level", "nationell"),
                ("text", text),
                ("parent", &first),
                ("order", "3"),
            ],
        )
        .await;
    assert_eq!(
        response.field_error("order").as_deref(),
        Some("error-consequence-order-parent")
    );
    // Unknown level and theme.
    let response = leader
        .post(
            &new,
            &[("level", "planet"), ("theme", "rymden"), ("text", text)],
        )
        .await;
    assert_eq!(
        response.field_error("level").as_deref(),
        Some("error-consequence-level")
    );
    assert_eq!(
        response.field_error("theme").as_deref(),
        Some("error-consequence-theme")
    );
    // Good input is stored with its details, under its parent.
    let id = write(
        &leader,
        &new,
        &[
            ("level", "nationell"),
            ("theme", "transporter"),
            ("text", text),
            ("valence", "opportunity"),
            ("magnitude", "significant"),
            ("timing", "5-15"),
            ("confidence", "2"),
            ("parent", &first),
        ],
    )
    .await;
    let page = leader.get(&format!("/consequences/{id}")).await;
    assert_eq!(page.attrs("dd[data-order]", "data-order"), ["2"]);
    assert_eq!(page.attrs("dd[data-theme]", "data-theme"), ["transporter"]);
    assert_eq!(
        page.attrs("dd [data-valence]", "data-valence"),
        ["opportunity"]
    );
    assert_eq!(page.texts("[data-text] strong"), ["fjärde"]);
}

#[tokio::test]
async fn an_edit_making_a_cycle_is_refused_and_a_stale_edit_shows_the_newer_version() {
    let app = spawn_app();
    world(&app);
    let (_, scenarios) = open_set_with_scenarios(&app).await;
    let leader = app.as_leader().await;
    let editor = app.as_editor().await;
    let ids = capture(&leader, scenarios[0], "kommunal", "+ A\n  - B").await;
    let edit = format!("/consequences/{}/edit", ids[0]);
    let form = leader.get(&edit).await;
    assert_eq!(form.status, StatusCode::OK);
    assert_eq!(form.attrs("input[name='version']", "value"), ["1"]);
    let b = ids[1].to_string();
    let cycle = leader
        .post(
            &edit,
            &[
                ("level", "kommunal"),
                ("text", "A"),
                ("parent", &b),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(cycle.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        cycle.field_error("parent").as_deref(),
        Some("error-consequence-cycle")
    );
    // The editor saves first; the leader's edit from version 1 is stale.
    let saved = editor
        .post(
            &edit,
            &[
                ("level", "kommunal"),
                ("text", "A, skärpt"),
                ("valence", "mixed"),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let mine = "A, som jag ser det";
    let stale = leader
        .post(
            &edit,
            &[("level", "kommunal"), ("text", mine), ("version", "1")],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert_eq!(stale.texts("#f-text"), [mine]);
    assert_eq!(stale.texts("[data-newer]"), ["A, skärpt"]);
    assert_eq!(stale.attrs("input[name='version']", "value"), ["2"]);
    // The history shows the change, old → new.
    let history = leader
        .get(&format!("/consequences/{}/history", ids[0]))
        .await;
    assert_eq!(history.status, StatusCode::OK);
    assert_eq!(
        history.attrs("tr[data-version]", "data-version"),
        ["2", "1"]
    );
    assert_eq!(
        history.attrs("tr[data-version='2'] li[data-field]", "data-field"),
        ["text", "valence"]
    );
    let before = history.texts("tr[data-version='2'] li[data-field='text'] [data-before]");
    let after = history.texts("tr[data-version='2'] li[data-field='text'] [data-after]");
    assert!(before[0].ends_with(" A"), "{before:?}");
    assert!(after[0].ends_with("A, skärpt"), "{after:?}");
}

#[tokio::test]
async fn a_consequence_others_follow_from_is_not_removed() {
    let app = spawn_app();
    world(&app);
    let (_, scenarios) = open_set_with_scenarios(&app).await;
    let leader = app.as_leader().await;
    let ids = capture(&leader, scenarios[0], "individ", "+ A\n  - B").await;
    let refused = leader
        .post(
            &format!("/consequences/{}/remove", ids[0]),
            &[("version", "1")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(
        refused.attrs("[data-refusal]", "data-refusal"),
        ["error-consequence-has-followers"]
    );
    let stale = leader
        .post(
            &format!("/consequences/{}/remove", ids[1]),
            &[("version", "7")],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    let removed = leader
        .post(
            &format!("/consequences/{}/remove", ids[1]),
            &[("version", "1")],
        )
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert_eq!(
        removed.location(),
        format!("/scenarios/{}/consequences", scenarios[0])
    );
    let gone = leader.get(&format!("/consequences/{}", ids[1])).await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    let again = leader
        .post(
            &format!("/consequences/{}/remove", ids[0]),
            &[("version", "1")],
        )
        .await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn this_holds_for_us_too_makes_the_organisations_own_from_the_shared_one() {
    let app = spawn_app();
    let w = world(&app);
    let (_, scenarios) = open_set_with_scenarios(&app).await;
    let leader = app.as_leader().await;
    let ids = capture(&leader, scenarios[0], "regional", "- Vårdköer").await;
    let strategist = app.as_strategist_a().await;
    let page = strategist.get(&format!("/consequences/{}", ids[0])).await;
    // Prefilled with the shared text.
    assert_eq!(page.texts("[data-hold] #f-text"), ["Vårdköer"]);
    // The leader (no organisation's strategist) is not offered it.
    let theirs = leader.get(&format!("/consequences/{}", ids[0])).await;
    assert!(theirs.attrs("[data-hold]", "action").is_empty());
    let hold = format!("/consequences/{}/hold", ids[0]);
    let empty = strategist.post(&hold, &[("text", "  ")]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(empty.field_error("text").as_deref(), Some("error-required"));
    let own = write(&strategist, &hold, &[("text", "Vårdköer i Skåne")]).await;
    let page = strategist.get(&format!("/consequences/{own}")).await;
    assert_eq!(
        page.attrs("[data-based-on]", "data-based-on"),
        [ids[0].to_string()]
    );
    assert_eq!(
        page.attrs("dd [data-organisation]", "data-organisation"),
        [w.org_a.to_string()]
    );
    assert_eq!(page.attrs("dd[data-level]", "data-level"), ["regional"]);
    // Twice is refused: the organisation edits the one it has.
    let again = strategist.post(&hold, &[("text", "Igen")]).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        again.field_error("text").as_deref(),
        Some("error-consequence-held-already")
    );
}

#[tokio::test]
async fn an_organisations_own_consequence_is_locked_once_submitted_and_hidden_until_accepted() {
    let app = spawn_app();
    let w = world(&app);
    let (_, scenarios) = open_set_with_scenarios(&app).await;
    let a = app.as_strategist_a().await;
    let b = app.as_strategist_b().await;
    let new = format!("/scenarios/{}/consequences/new", scenarios[0]);
    let form = a.get(&format!("{new}?organisation=own")).await;
    assert_eq!(form.attrs("[data-whose]", "data-whose"), ["own"]);
    let own = write(
        &a,
        &new,
        &[
            ("level", "regional"),
            ("text", "Skånes egen"),
            ("organisation", "own"),
        ],
    )
    .await;
    let list = format!("/scenarios/{}/consequences", scenarios[0]);
    let mine = a.get(&list).await;
    assert_eq!(
        mine.attrs(
            "[data-consequence] [data-organisation]",
            "data-organisation"
        ),
        [w.org_a.to_string()]
    );
    // Another organisation's strategist sees nothing of a draft.
    let theirs = b.get(&list).await;
    assert_eq!(theirs.attrs("[data-total]", "data-total"), ["0"]);
    assert_eq!(
        b.get(&format!("/consequences/{own}")).await.status,
        StatusCode::NOT_FOUND
    );
    // The process leader and the editor read it.
    for reader in [app.as_leader().await, app.as_editor().await] {
        let page = reader.get(&format!("/consequences/{own}")).await;
        assert_eq!(page.status, StatusCode::OK);
    }
    // Submitted: locked for its own strategists, still hidden from the others.
    submission(&app, w.org_a, SubmissionStatus::Submitted);
    let edit = format!("/consequences/{own}/edit");
    let locked = a.get(&edit).await;
    assert_eq!(locked.status, StatusCode::FORBIDDEN);
    assert_eq!(
        locked.attrs("[data-reason]", "data-reason"),
        ["error-consequence-locked"]
    );
    let locked = a
        .post(
            &edit,
            &[("level", "regional"), ("text", "Ändrad"), ("version", "1")],
        )
        .await;
    assert_eq!(locked.status, StatusCode::FORBIDDEN);
    assert_eq!(
        b.get(&format!("/consequences/{own}")).await.status,
        StatusCode::NOT_FOUND
    );
    // Accepted: every member sees it.
    submission(&app, w.org_a, SubmissionStatus::Accepted);
    assert_eq!(
        b.get(&format!("/consequences/{own}")).await.status,
        StatusCode::OK
    );
    let theirs = b.get(&list).await;
    assert_eq!(theirs.attrs("[data-total]", "data-total"), ["1"]);
    // Returned: its strategists write again.
    submission(&app, w.org_a, SubmissionStatus::Returned);
    assert_eq!(a.get(&edit).await.status, StatusCode::OK);
}

#[tokio::test]
async fn who_captures_and_who_sees_a_scenarios_consequences() {
    let app = spawn_app();
    world(&app);
    let (_, scenarios) = open_set_with_scenarios(&app).await;
    let leader = app.as_leader().await;
    let ids = capture(&leader, scenarios[0], "regional", "+ Delad").await;
    let list = format!("/scenarios/{}/consequences", scenarios[0]);
    // Visitors see nothing of a set that is not public.
    let visitor = app.visitor();
    assert_eq!(visitor.get(&list).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        visitor
            .get(&format!("/consequences/{}", ids[0]))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let refused = visitor
        .post(
            &format!("{list}/capture"),
            &[("level", "regional"), ("lines", "x")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::SEE_OTHER);
    assert!(refused.location().starts_with("/login"));
    // Strategists capture for a table group (shared) or their own; they edit only what
    // they wrote of the shared ones.
    let a = app.as_strategist_a().await;
    let page = a.get(&list).await;
    assert_eq!(
        page.attrs("[data-capture] input[name='organisation']", "value"),
        ["shared", "own"]
    );
    let forbidden = a
        .post(
            &format!("/consequences/{}/edit", ids[0]),
            &[("level", "regional"), ("text", "x"), ("version", "1")],
        )
        .await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
    let theirs = capture(&a, scenarios[0], "individ", "- Strategens").await;
    assert_eq!(
        a.get(&format!("/consequences/{}/edit", theirs[0]))
            .await
            .status,
        StatusCode::OK
    );
    // The editor writes shared ones only.
    let editor = app.as_editor().await;
    let page = editor.get(&list).await;
    assert_eq!(
        page.attrs("[data-capture] input[name='organisation']", "value"),
        ["shared"]
    );
}

#[tokio::test]
async fn a_notes_consequences_are_captured_around_the_note_for_members() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let trend = note(&strategist, "trend", "Distansarbete").await;
    let leader = app.as_leader().await;
    // Before any, the note offers to start its futures wheel.
    let page = leader.get(&format!("/bank/{trend}")).await;
    assert!(page.attrs("[data-consequences]", "href").is_empty());
    assert_eq!(
        page.attrs("form[data-start-wheel]", "action"),
        [format!("/notes/{trend}/consequences")]
    );
    let path = format!("/notes/{trend}/consequences");
    let response = leader
        .post(
            &format!("{path}/capture"),
            &[
                ("level", "kommunal"),
                ("lines", "+ Levande landsbygd\n  - Tomma kontor"),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    let page = leader.get(&path).await;
    assert_eq!(page.attrs("h1 a", "href"), [format!("/bank/{trend}")]);
    assert_eq!(
        page.attrs("[data-level='kommunal'] [data-consequence]", "data-order"),
        ["1", "2"]
    );
    // Then every member who sees the note finds its consequences from it.
    for member in [leader, app.as_strategist_b().await] {
        let page = member.get(&format!("/bank/{trend}")).await;
        assert_eq!(
            page.attrs("[data-consequences]", "href"),
            [format!("/notes/{trend}/consequences")]
        );
    }
    let leader = app.as_leader().await;
    let new = leader.get(&format!("{path}/new")).await;
    assert_eq!(new.status, StatusCode::OK);
    // Visitors see none of a note's consequences, and no link to them.
    let visitor = app.visitor();
    assert_eq!(visitor.get(&path).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_dialogarena_has_no_consequence_pages() {
    let arena =
        framsyn::domain::programme::Programme::load_dir(&programme_dir("dialogarena")).unwrap();
    assert!(framsyn::domain::consequence::phases(&arena).is_empty());
    let app = spawn_with(arena, test_config());
    world(&app);
    let strategist = app.as_strategist_a().await;
    let trend = note(&strategist, "trend", "Distansarbete").await;
    let note_page = strategist.get(&format!("/bank/{trend}")).await;
    assert!(note_page.attrs("[data-consequences]", "href").is_empty());
    assert!(note_page.attrs("[data-start-wheel]", "action").is_empty());
    let leader = app.as_leader().await;
    for path in [
        "/scenarios/1/consequences".to_string(),
        "/scenarios/1/consequences/new".to_string(),
        format!("/notes/{trend}/consequences"),
        format!("/notes/{trend}/consequences/new"),
        "/consequences/1".to_string(),
        "/consequences/1/edit".to_string(),
        "/consequences/1/history".to_string(),
    ] {
        assert_eq!(
            leader.get(&path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    for path in [
        format!("/notes/{trend}/consequences/capture"),
        "/scenarios/1/consequences/capture".to_string(),
        "/consequences/1/remove".to_string(),
        "/consequences/1/hold".to_string(),
    ] {
        let response = leader
            .post(
                &path,
                &[("level", "regional"), ("lines", "+ x"), ("version", "1")],
            )
            .await;
        assert_eq!(response.status, StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn a_capture_or_a_consequence_the_database_cannot_take_comes_back_with_what_was_typed() {
    let app = spawn_app();
    world(&app);
    let (_, scenarios) = open_set_with_scenarios(&app).await;
    let leader = app.as_leader().await;
    let path = format!("/scenarios/{}/consequences", scenarios[0]);
    let ids = capture(&leader, scenarios[0], "individ", "+ Kortare köer").await;
    app.db.refuse_writes(true).unwrap();
    let lines = "+ Fler jobb\n  - Bostadsbrist";
    let refused = leader
        .post(
            &format!("{path}/capture"),
            &[("level", "regional"), ("lines", lines)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE);
    refused.assert_error("error-save-failed");
    assert_eq!(refused.texts("#f-lines"), [lines]);
    assert_eq!(
        refused.attrs("#f-level option[selected]", "value"),
        ["regional"]
    );
    let refused = leader
        .post(
            &format!("{path}/new"),
            &[("level", "kommunal"), ("text", "Skolor stänger")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE);
    refused.assert_error("error-save-failed");
    assert_eq!(refused.texts("#f-text"), ["Skolor stänger"]);
    let refused = leader
        .post(
            &format!("/consequences/{}/edit", ids[0]),
            &[
                ("level", "individ"),
                ("text", "Kortare vårdköer"),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE);
    refused.assert_error("error-save-failed");
    assert_eq!(refused.texts("#f-text"), ["Kortare vårdköer"]);
}

/// Every field value of the form at `selector` on `page`, as a browser would send it.
fn form_values(page: &TestResponse, names: &[&str]) -> Vec<(String, String)> {
    names
        .iter()
        .map(|name| {
            let input = page.attrs(&format!("input[name='{name}']"), "value");
            let selected = page.attrs(&format!("select[name='{name}'] option[selected]"), "value");
            let checked = page.attrs(&format!("input[name='{name}'][checked]"), "value");
            let area = page.texts(&format!("textarea[name='{name}']"));
            let value = checked
                .first()
                .or(selected.first())
                .or(area.first())
                .or(input.first())
                .cloned()
                .unwrap_or_default();
            (name.to_string(), value)
        })
        .collect()
}

#[tokio::test]
async fn a_consequence_moves_under_another_through_its_form_but_never_drags_another_organisations()
{
    let app = spawn_app();
    let w = world(&app);
    let (_, scenarios) = open_set_with_scenarios(&app).await;
    let leader = app.as_leader().await;
    let ids = capture(
        &leader,
        scenarios[0],
        "regional",
        "+ Fler pendlar\n+ Fler bor på landet",
    )
    .await;
    let (first, second) = (ids[0], ids[1]);
    // The edit form as the browser sends it back, with only "follows from" changed: the
    // order follows from the new parent.
    let edit = format!("/consequences/{second}/edit");
    let page = leader.get(&edit).await;
    let mut fields = form_values(
        &page,
        &[
            "level",
            "theme",
            "text",
            "valence",
            "magnitude",
            "timing",
            "confidence",
            "order",
            "version",
        ],
    );
    fields.push(("parent".into(), first.to_string()));
    let sent: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let moved = leader.post(&edit, &sent).await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER, "{}", moved.body);
    let page = leader
        .get(&format!("/scenarios/{}/consequences", scenarios[0]))
        .await;
    assert_eq!(
        page.attrs(&format!("[data-consequence='{second}']"), "data-order"),
        ["2"]
    );

    // An organisation's own consequence follows from the shared one of the 2nd order; the
    // shared one then stays in its ring.
    let a = app.as_strategist_a().await;
    let new = format!("/scenarios/{}/consequences/new", scenarios[0]);
    let own = write(
        &a,
        &new,
        &[
            ("level", "regional"),
            ("text", "Våra pendlare"),
            ("organisation", "own"),
            ("parent", &second.to_string()),
        ],
    )
    .await;
    let page = leader.get(&edit).await;
    let version = page.attrs("input[name='version']", "value");
    let refused = leader
        .post(
            &edit,
            &[
                ("level", "regional"),
                ("text", "Fler bor på landet"),
                ("parent", ""),
                ("version", &version[0]),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.attrs("#f-parent-error", "data-error"),
        ["error-consequence-followers-elsewhere"]
    );

    // Another organisation cannot tell the hidden consequence from a missing one.
    let b = app.as_strategist_b().await;
    let probe = b
        .post(
            &new,
            &[
                ("level", "regional"),
                ("text", "Prov"),
                ("organisation", "own"),
                ("parent", &own.to_string()),
            ],
        )
        .await;
    assert_eq!(probe.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        probe.attrs("#f-parent-error", "data-error"),
        ["error-consequence-parent-missing"]
    );

    // Once the organisation has submitted, asking for its own is refused, never stored
    // as a shared one in its stead.
    submission(&app, w.org_a, SubmissionStatus::Submitted);
    let before = leader
        .get(&format!("/scenarios/{}/consequences", scenarios[0]))
        .await;
    let late = a
        .post(
            &format!("/scenarios/{}/consequences/capture", scenarios[0]),
            &[
                ("level", "regional"),
                ("lines", "Sent inlägg"),
                ("organisation", "own"),
            ],
        )
        .await;
    assert_eq!(late.status, StatusCode::FORBIDDEN);
    let after = leader
        .get(&format!("/scenarios/{}/consequences", scenarios[0]))
        .await;
    assert_eq!(
        after.attrs("[data-total]", "data-total"),
        before.attrs("[data-total]", "data-total")
    );
}
