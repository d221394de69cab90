//! Scenario sets and scenarios: who makes, edits, opens and publishes them, every bad
//! input refused at its field with what was typed kept, stale edits, the histories,
//! comments while a set is open, members' and visitors' views, a set made from a round's
//! driver map, and a programme without scenarios showing nothing of them.

use axum::http::StatusCode;

use super::helpers::submitted_note as note;
use super::helpers::*;
use framsyn::domain::programme::Programme;
use framsyn::storage::scenarios;

/// The fields of a two-axis set in the scenario phase, with `changes` replacing or
/// adding fields.
fn set_fields(axis1: i64, axis2: i64, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = [
        ("title", "Regionerna i fyra framtider"),
        ("phase", "scenarier"),
        ("focal_question", "Hur ser regionernas roll ut 2050?"),
        ("horizon", "2050"),
        ("method", "two_axes"),
        ("axis1_definition", "Var makten ligger."),
        ("axis1_low", "Stark stat"),
        ("axis1_high", "Starka regioner"),
        ("axis2_low", "Långsam omställning"),
        ("axis2_high", "Snabb omställning"),
        ("predetermined", ""),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    fields.push(("axis1_note".into(), axis1.to_string()));
    fields.push(("axis2_note".into(), axis2.to_string()));
    for (name, value) in changes {
        fields.retain(|(k, _)| k != name);
        fields.push((name.to_string(), value.to_string()));
    }
    fields
}

/// Fields to change in a form, by name.
type Fields<'a> = Vec<(&'a str, &'a str)>;

fn refs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

fn id_after(response: &TestResponse, prefix: &str) -> i64 {
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    response
        .location()
        .trim_start_matches(prefix)
        .parse()
        .unwrap()
}

/// Two uncertainties of the bank, written and submitted by strategist A.
async fn two_uncertainties(app: &TestApp) -> (i64, i64) {
    let strategist = app.as_strategist_a().await;
    (
        note(&strategist, "uncertainty", "Maktens placering").await,
        note(&strategist, "uncertainty", "Omställningens takt").await,
    )
}

/// A two-axis set made by `writer`; its number.
async fn make_set(writer: &impl Client, axis1: i64, axis2: i64) -> i64 {
    let fields = set_fields(axis1, axis2, &[]);
    let response = writer.post("/scenario-sets/new", &refs(&fields)).await;
    id_after(&response, "/scenario-sets/")
}

/// A scenario in `quadrant` of set `set`, written by `writer`; its number.
async fn write_scenario(writer: &impl Client, set: i64, quadrant: &str, name: &str) -> i64 {
    let response = writer
        .post(
            &format!("/scenario-sets/{set}/scenarios/new"),
            &[
                ("quadrant", quadrant),
                ("name", name),
                ("tagline", "En rad om framtiden"),
                ("narrative", "År 2050 är *allt* annorlunda."),
                ("characteristics", "Starka regioner\nSnabb omställning"),
            ],
        )
        .await;
    id_after(&response, "/scenarios/")
}

/// A set with its four scenarios, opened: the set and the scenarios.
async fn open_set(app: &TestApp) -> (i64, Vec<i64>) {
    let (a1, a2) = two_uncertainties(app).await;
    let leader = app.as_leader().await;
    let set = make_set(&leader, a1, a2).await;
    let mut ids = Vec::new();
    for (q, name) in [
        ("low_high", "Statens renässans"),
        ("high_high", "Regionernas tid"),
        ("low_low", "Stillastående"),
        ("high_low", "Lappverket"),
    ] {
        ids.push(write_scenario(&leader, set, q, name).await);
    }
    let opened = leader
        .post(&format!("/scenario-sets/{set}/status"), &[("to", "open")])
        .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
    (set, ids)
}

#[tokio::test]
async fn a_process_leader_makes_a_set_writes_its_four_scenarios_and_opens_it() {
    let app = spawn_app();
    world(&app);
    let (a1, a2) = two_uncertainties(&app).await;
    let leader = app.as_leader().await;
    // The form has the programme's focal question and horizon.
    let form = leader.get("/scenario-sets/new?phase=scenarier").await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    let focal = app.state.programme.focal_question.clone().unwrap();
    let focal = focal.pick(
        framsyn::domain::lang::Lang::Sv,
        framsyn::domain::lang::Lang::Sv,
    );
    assert_eq!(form.texts("textarea#f-focal_question"), [focal]);
    assert_eq!(
        form.attrs("input#f-horizon", "value"),
        [app.state.programme.horizon.unwrap().to_string()]
    );
    assert_eq!(
        form.attrs("input[name=method][checked]", "value"),
        ["two_axes"]
    );
    // Both uncertainties are offered for each axis.
    for axis in ["axis1_note", "axis2_note"] {
        let offered = form.attrs(&format!("select[name={axis}] option"), "value");
        assert!(offered.contains(&a1.to_string()) && offered.contains(&a2.to_string()));
    }
    let set = make_set(&leader, a1, a2).await;
    let page = leader.get(&format!("/scenario-sets/{set}")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(page.attrs("[data-status]", "data-status"), ["draft"]);
    // The cross in reading order, each quadrant waiting for its scenario.
    assert_eq!(
        page.attrs("[data-cross] [data-quadrant]", "data-quadrant"),
        ["low_high", "high_high", "low_low", "high_low"]
    );
    assert_eq!(page.attrs("[data-write]", "data-write").len(), 4);
    assert_eq!(
        page.attrs("[data-axis] [data-note]", "data-note"),
        [a1.to_string(), a2.to_string()]
    );
    assert_eq!(
        page.texts("[data-pole=low]"),
        ["Stark stat", "Långsam omställning"]
    );
    for chart in ["cross", "comparison", "assessment"] {
        assert!(
            page.attrs("[data-charts] a", "href")
                .contains(&format!("/scenario-sets/{set}/{chart}"))
        );
    }
    // Opening before the four scenarios are written is refused, and says why.
    let early = leader
        .post(&format!("/scenario-sets/{set}/status"), &[("to", "open")])
        .await;
    assert_eq!(early.status, StatusCode::CONFLICT);
    assert_eq!(
        early.attrs("[data-refusal]", "data-refusal"),
        ["error-scenario-set-incomplete"]
    );
    // The quadrant asked for is chosen in the form; only free quadrants are offered.
    let first = write_scenario(&leader, set, "high_high", "Regionernas tid").await;
    let form = leader
        .get(&format!(
            "/scenario-sets/{set}/scenarios/new?quadrant=low_low"
        ))
        .await;
    assert_eq!(
        form.attrs("select#f-quadrant option[selected]", "value"),
        ["low_low"]
    );
    assert!(
        !form
            .attrs("select#f-quadrant option", "value")
            .contains(&"high_high".to_string())
    );
    // A taken quadrant, and a fifth one, are refused at the field with the text kept.
    for (quadrant, error) in [
        ("high_high", "error-scenario-quadrant-taken"),
        ("middle", "error-scenario-quadrant"),
    ] {
        let refused = leader
            .post(
                &format!("/scenario-sets/{set}/scenarios/new"),
                &[("quadrant", quadrant), ("name", "Femte framtiden")],
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(refused.field_error("quadrant").as_deref(), Some(error));
        assert_eq!(refused.attrs("input#f-name", "value"), ["Femte framtiden"]);
    }
    for (q, name) in [
        ("low_high", "Statens renässans"),
        ("low_low", "Stillastående"),
        ("high_low", "Lappverket"),
    ] {
        write_scenario(&leader, set, q, name).await;
    }
    let opened = leader
        .post(&format!("/scenario-sets/{set}/status"), &[("to", "open")])
        .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
    let page = leader.get(&format!("/scenario-sets/{set}")).await;
    assert_eq!(page.attrs("[data-status]", "data-status"), ["open"]);
    assert_eq!(page.attrs("[data-write]", "data-write").len(), 0);
    assert_eq!(
        page.attrs("[data-cross] [data-scenario]", "data-scenario")[1],
        first.to_string()
    );
    // The moves an open set allows: back to draft, or final.
    assert_eq!(page.attrs("[data-move]", "data-move"), ["draft", "final"]);
    // A second set of the phase cannot open while this one is.
    let (b1, b2) = two_uncertainties(&app).await;
    let other = make_set(&leader, b1, b2).await;
    for (q, name) in [
        ("low_high", "A"),
        ("high_high", "B"),
        ("low_low", "C"),
        ("high_low", "D"),
    ] {
        write_scenario(&leader, other, q, name).await;
    }
    let refused = leader
        .post(&format!("/scenario-sets/{other}/status"), &[("to", "open")])
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    refused.assert_error("error-scenario-set-other-open");
    // A draft cannot go straight to final.
    let refused = leader
        .post(
            &format!("/scenario-sets/{other}/status"),
            &[("to", "final")],
        )
        .await;
    refused.assert_error("error-scenario-set-step");
}

#[tokio::test]
async fn bad_set_input_is_refused_at_its_field_and_what_was_typed_is_kept() {
    let app = spawn_app();
    world(&app);
    let (a1, a2) = two_uncertainties(&app).await;
    let strategist = app.as_strategist_a().await;
    let trend = note(&strategist, "trend", "Åldrande befolkning").await;
    let leader = app.as_leader().await;
    let trend_text = trend.to_string();
    let cases: Vec<(Fields, &str, &str)> = vec![
        (
            vec![("axis1_note", trend_text.as_str())],
            "axis1_note",
            "error-scenario-axis-not-uncertainty",
        ),
        (vec![("phase", "omvarlden")], "phase", "error-unknown-phase"),
        (vec![("axis1_low", "")], "axis1_low", "error-required"),
        (vec![("axis2_high", " ")], "axis2_high", "error-required"),
        (
            vec![("horizon", "1850")],
            "horizon",
            "error-scenario-horizon",
        ),
        (
            vec![("axis1_note", "999999")],
            "axis1_note",
            "error-note-missing",
        ),
    ];
    for (changes, field, error) in cases {
        let mut changes = changes;
        changes.push(("title", "Mitt skrivna set"));
        let fields = set_fields(a1, a2, &changes);
        let refused = leader.post("/scenario-sets/new", &refs(&fields)).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        assert_eq!(
            refused.field_error(field).as_deref(),
            Some(error),
            "{field}"
        );
        assert_eq!(
            refused.attrs("input#f-title", "value"),
            ["Mitt skrivna set"]
        );
        assert_eq!(refused.attrs("input#f-axis1_low", "value").len(), 1);
    }
    // Nothing was stored.
    let stored = app.db.read(|c| scenarios::sets(c, None)).await.unwrap();
    assert!(stored.is_empty());
    // A set of the other method needs no axes.
    let fields = set_fields(
        a1,
        a2,
        &[("method", "other"), ("axis1_note", ""), ("axis2_note", "")],
    );
    let made = leader.post("/scenario-sets/new", &refs(&fields)).await;
    let set = id_after(&made, "/scenario-sets/");
    let page = leader.get(&format!("/scenario-sets/{set}")).await;
    assert_eq!(page.attrs("[data-method]", "data-method"), ["other"]);
    assert!(page.attrs("[data-cross]", "data-cross").is_empty());
    assert_eq!(page.attrs("[data-write]", "data-write"), ["new"]);
}

#[tokio::test]
async fn who_may_make_edit_open_and_publish_sets() {
    let app = spawn_app();
    world(&app);
    let (a1, a2) = two_uncertainties(&app).await;
    let strategist = app.as_strategist_a().await;
    let editor = app.as_editor().await;
    let visitor = app.visitor();
    let fields = set_fields(a1, a2, &[]);
    assert_eq!(
        strategist.get("/scenario-sets/new").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        strategist
            .post("/scenario-sets/new", &refs(&fields))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert!(
        visitor
            .get("/scenario-sets/new")
            .await
            .location()
            .starts_with("/login")
    );
    // Editors write sets as process leaders do.
    let set = make_set(&editor, a1, a2).await;
    let page = editor.get(&format!("/scenario-sets/{set}")).await;
    assert_eq!(
        page.attrs("[data-edit]", "href"),
        [format!("/scenario-sets/{set}/edit")]
    );
    // A draft is not made public.
    let refused = editor
        .post(&format!("/scenario-sets/{set}/public"), &[("public", "1")])
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    refused.assert_error("error-scenario-set-draft-public");
    for (q, name) in [
        ("low_high", "A"),
        ("high_high", "B"),
        ("low_low", "C"),
        ("high_low", "D"),
    ] {
        write_scenario(&editor, set, q, name).await;
    }
    let scenario = app
        .db
        .read(move |c| scenarios::scenarios(c, set))
        .await
        .unwrap()[0]
        .id;
    // A strategist neither moves nor publishes the draft, and does not even find it to
    // write in.
    for (path, fields, status) in [
        (
            format!("/scenario-sets/{set}/status"),
            vec![("to", "open")],
            StatusCode::FORBIDDEN,
        ),
        (
            format!("/scenario-sets/{set}/public"),
            vec![("public", "1")],
            StatusCode::FORBIDDEN,
        ),
        (
            format!("/scenario-sets/{set}/scenarios/new"),
            vec![("name", "X")],
            StatusCode::NOT_FOUND,
        ),
        (
            format!("/scenarios/{scenario}/edit"),
            vec![("name", "X")],
            StatusCode::NOT_FOUND,
        ),
    ] {
        assert_eq!(
            strategist.post(&path, &fields).await.status,
            status,
            "{path}"
        );
    }
    let opened = editor
        .post(&format!("/scenario-sets/{set}/status"), &[("to", "open")])
        .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER);
    // Open, strategists read it but have no buttons; an editor makes it public.
    let page = strategist.get(&format!("/scenario-sets/{set}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.attrs("[data-move]", "data-move").is_empty());
    assert!(page.attrs("[data-edit]", "href").is_empty());
    for path in [
        format!("/scenarios/{scenario}/edit"),
        format!("/scenario-sets/{set}/edit"),
        format!("/scenario-sets/{set}/scenarios/new"),
    ] {
        assert_eq!(
            strategist.get(&path).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
        assert_eq!(
            strategist.post(&path, &[("name", "X")]).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    assert_eq!(
        visitor.get(&format!("/scenario-sets/{set}")).await.status,
        StatusCode::NOT_FOUND
    );
    let public = editor
        .post(&format!("/scenario-sets/{set}/public"), &[("public", "1")])
        .await;
    assert_eq!(public.status, StatusCode::SEE_OTHER);
    let seen = visitor.get(&format!("/scenario-sets/{set}")).await;
    assert_eq!(seen.status, StatusCode::OK);
    assert!(seen.attrs("[data-move]", "data-move").is_empty());
    assert!(
        seen.attrs("[data-make-public]", "data-make-public")
            .is_empty()
    );
    assert_eq!(
        visitor.get(&format!("/scenarios/{scenario}")).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn members_do_not_see_drafts_and_visitors_see_only_public_sets() {
    let app = spawn_app();
    world(&app);
    let (a1, a2) = two_uncertainties(&app).await;
    let leader = app.as_leader().await;
    let draft = make_set(&leader, a1, a2).await;
    let scenario = write_scenario(&leader, draft, "low_low", "Utkastet").await;
    let (open, _) = open_set(&app).await;
    let strategist = app.as_strategist_b().await;
    let visitor = app.visitor();
    for path in [
        format!("/scenario-sets/{draft}"),
        format!("/scenarios/{scenario}"),
        format!("/scenario-sets/{draft}/history"),
    ] {
        assert_eq!(
            strategist.get(&path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let listed = |page: &TestResponse| page.attrs("tr[data-set]", "data-set");
    assert_eq!(
        listed(&leader.get("/scenarios").await),
        [draft.to_string(), open.to_string()]
    );
    let members = strategist.get("/scenarios").await;
    assert_eq!(members.status, StatusCode::OK);
    assert_eq!(listed(&members), [open.to_string()]);
    assert!(members.attrs("[data-new-set]", "href").is_empty());
    assert_eq!(
        leader
            .get("/scenarios")
            .await
            .attrs("[data-new-set]", "href"),
        ["/scenario-sets/new?phase=scenarier"]
    );
    // Visitors: nothing until an editor makes the open set public.
    let public = visitor.get("/scenarios").await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(listed(&public).is_empty());
    assert_eq!(
        visitor.get(&format!("/scenario-sets/{open}")).await.status,
        StatusCode::NOT_FOUND
    );
    app.as_editor()
        .await
        .post(&format!("/scenario-sets/{open}/public"), &[("public", "1")])
        .await;
    assert_eq!(listed(&visitor.get("/scenarios").await), [open.to_string()]);
    // Made private again, it is gone for visitors.
    app.as_editor()
        .await
        .post(&format!("/scenario-sets/{open}/public"), &[("public", "0")])
        .await;
    assert!(listed(&visitor.get("/scenarios").await).is_empty());
}

#[tokio::test]
async fn a_stale_set_edit_is_refused_with_the_newer_version_and_the_typed_text_kept() {
    let app = spawn_app();
    world(&app);
    let (a1, a2) = two_uncertainties(&app).await;
    let leader = app.as_leader().await;
    let editor = app.as_editor().await;
    let set = make_set(&leader, a1, a2).await;
    let form = leader.get(&format!("/scenario-sets/{set}/edit")).await;
    assert_eq!(form.status, StatusCode::OK);
    let version = form.attrs("input[name=version]", "value").remove(0);
    assert_eq!(
        form.attrs("input#f-title", "value"),
        ["Regionerna i fyra framtider"]
    );
    let with = |title: &str| set_fields(a1, a2, &[("title", title), ("version", version.as_str())]);
    let first = editor
        .post(
            &format!("/scenario-sets/{set}/edit"),
            &refs(&with("Redaktörens titel")),
        )
        .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.body);
    let stale = leader
        .post(
            &format!("/scenario-sets/{set}/edit"),
            &refs(&with("Ledarens titel")),
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    stale.assert_error("error-stale-edit");
    assert_eq!(stale.attrs("input#f-title", "value"), ["Ledarens titel"]);
    assert!(stale.texts("[data-newer]")[0].contains("Redaktörens titel"));
    // The form now carries the newer version: saving again goes through.
    let newer = stale.attrs("input[name=version]", "value").remove(0);
    assert_ne!(newer, version);
    let again = set_fields(
        a1,
        a2,
        &[("title", "Ledarens titel"), ("version", newer.as_str())],
    );
    let saved = leader
        .post(&format!("/scenario-sets/{set}/edit"), &refs(&again))
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let stored = app
        .db
        .read(move |c| scenarios::get_set(c, set))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.title, "Ledarens titel");
}

#[tokio::test]
async fn a_stale_scenario_edit_is_refused_and_history_shows_old_and_new() {
    let app = spawn_app();
    world(&app);
    let (a1, a2) = two_uncertainties(&app).await;
    let leader = app.as_leader().await;
    let editor = app.as_editor().await;
    let set = make_set(&leader, a1, a2).await;
    let scenario = write_scenario(&leader, set, "high_high", "Regionernas tid").await;
    let form = leader.get(&format!("/scenarios/{scenario}/edit")).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert_eq!(form.attrs("input#f-name", "value"), ["Regionernas tid"]);
    assert_eq!(
        form.attrs("select#f-quadrant option[selected]", "value"),
        ["high_high"]
    );
    let version = form.attrs("input[name=version]", "value").remove(0);
    let edit = |name: &str, v: &str| {
        vec![
            ("quadrant".to_string(), "high_high".to_string()),
            ("name".to_string(), name.to_string()),
            ("version".to_string(), v.to_string()),
        ]
    };
    let first = editor
        .post(
            &format!("/scenarios/{scenario}/edit"),
            &refs(&edit("Regionernas storhetstid", &version)),
        )
        .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.body);
    let stale = leader
        .post(
            &format!("/scenarios/{scenario}/edit"),
            &refs(&edit("Ledarens namn", &version)),
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    stale.assert_error("error-stale-edit");
    assert_eq!(stale.attrs("input#f-name", "value"), ["Ledarens namn"]);
    assert!(stale.texts("[data-newer]")[0].contains("Regionernas storhetstid"));
    // The history: who changed what, old → new.
    let history = leader.get(&format!("/scenarios/{scenario}/history")).await;
    assert_eq!(history.status, StatusCode::OK);
    assert_eq!(
        history.attrs("tr[data-version]", "data-version"),
        ["2", "1"]
    );
    assert!(history.texts("li[data-field=name] del")[0].ends_with("Regionernas tid"));
    assert!(history.texts("li[data-field=name] ins")[0].ends_with("Regionernas storhetstid"));
    // The tagline and narrative, emptied, show as changed too.
    assert!(history.texts("li[data-field=tagline] ins")[0].ends_with('–'));
    // A set's history: title and status changes.
    let again = set_fields(a1, a2, &[("title", "Nya titeln"), ("version", "1")]);
    leader
        .post(&format!("/scenario-sets/{set}/edit"), &refs(&again))
        .await;
    let history = leader.get(&format!("/scenario-sets/{set}/history")).await;
    assert_eq!(history.status, StatusCode::OK);
    assert!(history.texts("li[data-field=title] del")[0].ends_with("Regionerna i fyra framtider"));
    assert!(history.texts("li[data-field=title] ins")[0].ends_with("Nya titeln"));
    // Who made each version is named.
    assert_ne!(history.texts("tr[data-version='2'] td")[2], "–");
    assert!(
        app.visitor()
            .get(&format!("/scenario-sets/{set}/history"))
            .await
            .location()
            .starts_with("/login")
    );
}

#[tokio::test]
async fn a_scenario_has_driver_states_signposts_and_an_illustration() {
    let app = spawn_app();
    world(&app);
    let (a1, a2) = two_uncertainties(&app).await;
    let strategist = app.as_strategist_a().await;
    let trend = note(&strategist, "trend", "Åldrande befolkning").await;
    let leader = app.as_leader().await;
    let trend_text = trend.to_string();
    let fields = set_fields(a1, a2, &[("predetermined", trend_text.as_str())]);
    let set = id_after(
        &leader.post("/scenario-sets/new", &refs(&fields)).await,
        "/scenario-sets/",
    );
    let path = format!("/scenario-sets/{set}/scenarios/new");
    let form = leader.get(&path).await;
    // One text per chosen note: the axes, then the predetermined elements.
    assert_eq!(
        form.attrs("[data-states] [data-state]", "data-state"),
        [a1.to_string(), a2.to_string(), trend.to_string()]
    );
    assert_eq!(form.attrs("[data-signpost]", "data-signpost").len(), 8);
    let (s1, s2, s3) = (
        format!("state-{a1}"),
        format!("state-{a2}"),
        format!("state-{trend}"),
    );
    let mut typed = vec![
        ("quadrant", "high_high"),
        ("name", "Regionernas tid"),
        ("narrative", "Regionerna **bär** utvecklingen."),
        ("characteristics", "- Starka regioner\n- Snabb omställning"),
        (s1.as_str(), "Makten ligger i regionerna."),
        (s2.as_str(), "Omställningen går fort."),
        (s3.as_str(), ""),
        ("signpost-1", "Regionerna tar över tillväxtpolitiken"),
        ("signpost-1-note", trend_text.as_str()),
        ("signpost-1-indicator", "Andel regionala medel"),
        ("image", "finns-inte.png"),
        ("image_alt", ""),
    ];
    // A signpost's note that does not exist, and an image not in the library, are refused.
    let refused = leader.post(&path, &typed).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.field_error("image_alt").as_deref(),
        Some("error-image-alt")
    );
    typed.retain(|(k, _)| *k != "image_alt");
    typed.push(("image_alt", "En karta"));
    let refused = leader.post(&path, &typed).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.field_error("image").as_deref(),
        Some("error-scenario-image")
    );
    assert_eq!(
        refused.texts(&format!("textarea#f-{s1}")),
        ["Makten ligger i regionerna."]
    );
    assert_eq!(
        refused.attrs("input#f-signpost-1-indicator", "value"),
        ["Andel regionala medel"]
    );
    typed.retain(|(k, _)| !k.starts_with("image"));
    let id = id_after(&leader.post(&path, &typed).await, "/scenarios/");
    let page = leader.get(&format!("/scenarios/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.texts("[data-narrative] strong"), ["bär"]);
    assert_eq!(
        page.texts("[data-characteristics] li"),
        ["Starka regioner", "Snabb omställning"]
    );
    assert_eq!(
        page.attrs("[data-states] [data-state]", "data-state"),
        [a1.to_string(), a2.to_string()]
    );
    assert_eq!(
        page.texts(&format!("[data-state='{a1}'] dt a")),
        ["Maktens placering"]
    );
    assert_eq!(
        page.attrs("[data-signpost='1'] a[data-note]", "href"),
        [format!("/bank/{trend}")]
    );
    assert_eq!(
        page.texts("[data-signpost='1'] [data-indicator] span"),
        ["Andel regionala medel"]
    );
    assert_eq!(
        page.attrs("[data-edit]", "href"),
        [format!("/scenarios/{id}/edit")]
    );
}

#[tokio::test]
async fn comments_are_taken_only_while_the_set_is_open() {
    let app = spawn_app();
    world(&app);
    let (set, scenarios) = open_set(&app).await;
    let scenario = scenarios[0];
    let strategist = app.as_strategist_a().await;
    let page = strategist.get(&format!("/scenarios/{scenario}")).await;
    assert_eq!(page.attrs("[data-comment-form]", "action").len(), 1);
    let path = format!("/scenarios/{scenario}/comments");
    let empty = strategist.post(&path, &[("body", "  ")]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(empty.field_error("body").as_deref(), Some("error-required"));
    let sent = strategist
        .post(&path, &[("body", "Det här känns troligt för Skåne.")])
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let page = app
        .as_leader()
        .await
        .get(&format!("/scenarios/{scenario}"))
        .await;
    assert_eq!(page.attrs("[data-comment]", "data-comment").len(), 1);
    assert!(page.texts("[data-comment]")[0].contains("Det här känns troligt för Skåne."));
    assert!(page.texts("[data-comment]")[0].contains("Region Skåne"));
    // Visitors neither read the members' comments nor comment, even on a public set.
    app.as_editor()
        .await
        .post(&format!("/scenario-sets/{set}/public"), &[("public", "1")])
        .await;
    let visitor = app.visitor();
    let public = visitor.get(&format!("/scenarios/{scenario}")).await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(public.attrs("[data-comment-form]", "action").is_empty());
    assert!(public.attrs("[data-comment]", "data-comment").is_empty());
    assert!(!public.body.contains("Det här känns troligt"));
    assert!(
        visitor
            .post(&path, &[("body", "Hej")])
            .await
            .location()
            .starts_with("/login")
    );
    // Final: no more comments, and no form.
    app.as_leader()
        .await
        .post(&format!("/scenario-sets/{set}/status"), &[("to", "final")])
        .await;
    let closed = strategist.post(&path, &[("body", "För sent")]).await;
    assert_eq!(closed.status, StatusCode::FORBIDDEN);
    assert_eq!(
        closed.attrs("[data-reason]", "data-reason"),
        ["error-scenario-comment-closed"]
    );
    let page = strategist.get(&format!("/scenarios/{scenario}")).await;
    assert!(page.attrs("[data-comment-form]", "action").is_empty());
    assert_eq!(page.attrs("[data-comments-closed]", "class").len(), 1);
    assert_eq!(page.attrs("[data-comment]", "data-comment").len(), 1);
}

#[tokio::test]
async fn a_set_made_from_the_driver_map_offers_its_critical_uncertainties_first() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let critical = note(&strategist, "uncertainty", "Maktens placering").await;
    let background = note(&strategist, "uncertainty", "Vädrets nycker").await;
    let predetermined = note(&strategist, "trend", "Åldrande befolkning").await;
    let leader = app.as_leader().await;
    let numbers = format!("{critical}, {background}, {predetermined}");
    let made = leader
        .post(
            "/rounds/new",
            &[
                ("title", "Drivkrafter"),
                ("notes", numbers.as_str()),
                ("criteria", "impact"),
                ("criteria", "uncertainty"),
                ("opens_at", "2020-01-01T09:00"),
                ("closes_at", "2099-01-01T09:00"),
                ("anonymity", "leaders"),
                ("feedback", "after_answer"),
            ],
        )
        .await;
    let round = id_after(&made, "/rounds/");
    let field = |n: i64, c: &str| format!("r-{n}-{c}");
    for who in [STRATEGIST_A, STRATEGIST_B] {
        let (c1, c2, b1, b2, p1, p2) = (
            field(critical, "impact"),
            field(critical, "uncertainty"),
            field(background, "impact"),
            field(background, "uncertainty"),
            field(predetermined, "impact"),
            field(predetermined, "uncertainty"),
        );
        let rated = app
            .as_user(who)
            .await
            .post(
                &format!("/rounds/{round}"),
                &[
                    (c1.as_str(), "5"),
                    (c2.as_str(), "5"),
                    (b1.as_str(), "1"),
                    (b2.as_str(), "1"),
                    (p1.as_str(), "5"),
                    (p2.as_str(), "1"),
                ],
            )
            .await;
        assert!(
            rated.status.is_redirection() || rated.status.is_success(),
            "{}",
            rated.body
        );
    }
    let map = leader.get(&format!("/rounds/{round}/driver-map")).await;
    assert_eq!(map.status, StatusCode::OK, "{}", map.body);
    assert_eq!(
        map.attrs("a[data-make-set]", "href"),
        [format!("/scenario-sets/new?round={round}")]
    );
    assert!(
        app.as_strategist_b()
            .await
            .get(&format!("/rounds/{round}/driver-map"))
            .await
            .attrs("a[data-make-set]", "href")
            .is_empty()
    );
    let form = leader
        .get(&format!("/scenario-sets/new?round={round}"))
        .await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert_eq!(
        form.attrs(
            "select#f-axis1_note optgroup[data-group=critical] option",
            "value"
        ),
        [critical.to_string()]
    );
    let others = form.attrs(
        "select#f-axis1_note optgroup[data-group=others] option",
        "value",
    );
    assert!(others.contains(&background.to_string()));
    assert!(!others.contains(&critical.to_string()));
    assert_eq!(
        form.attrs("input#f-predetermined", "value"),
        [predetermined.to_string()]
    );
    assert_eq!(
        form.attrs("form[action]", "action").last().unwrap(),
        &format!("/scenario-sets/new?round={round}")
    );
    let fields = set_fields(
        critical,
        background,
        &[("predetermined", predetermined.to_string().as_str())],
    );
    let made = leader
        .post(&format!("/scenario-sets/new?round={round}"), &refs(&fields))
        .await;
    let set = id_after(&made, "/scenario-sets/");
    let stored = app
        .db
        .read(move |c| scenarios::get_set(c, set))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.round_id, Some(round));
    let page = leader.get(&format!("/scenario-sets/{set}")).await;
    assert_eq!(
        page.attrs("a[data-round]", "href"),
        [format!("/rounds/{round}/driver-map")]
    );
    assert_eq!(stored.predetermined, [predetermined]);
    // A strategist cannot make one from the map either.
    assert_eq!(
        app.as_strategist_a()
            .await
            .get(&format!("/scenario-sets/new?round={round}"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_navigation_links_the_scenarios_where_the_programme_has_them() {
    let app = spawn_app();
    world(&app);
    for who in [LEADER, STRATEGIST_A, EDITOR] {
        let page = app.as_user(who).await.get("/start").await;
        assert_eq!(
            page.attrs("nav a[href='/scenarios']", "href").len(),
            1,
            "{who}"
        );
    }
    let page = app.as_leader().await.get("/scenarios").await;
    assert_eq!(
        page.attrs("nav a[href='/scenarios'][aria-current]", "href")
            .len(),
        1
    );
}

#[tokio::test]
async fn the_dialogarena_shows_nothing_of_scenarios() {
    let arena = Programme::load_dir(&programme_dir("dialogarena")).unwrap();
    assert!(framsyn::domain::scenario::phases(&arena).is_empty());
    let app = spawn_with(arena, test_config());
    world(&app);
    for who in [Some(LEADER), Some(EDITOR), Some(STRATEGIST_A), None] {
        let client = app.as_anyone(who).await;
        let start = client.get(if who.is_some() { "/start" } else { "/" }).await;
        assert!(
            start.attrs("a[href^='/scenario']", "href").is_empty(),
            "{who:?}"
        );
        for path in [
            "/scenarios",
            "/scenario-sets/new",
            "/scenario-sets/1",
            "/scenarios/1",
            "/scenarios.json",
            "/scenarios.csv",
            "/scenarios.xlsx",
            "/scenario-sets/import",
            "/scenario-sets/1/cross",
        ] {
            assert_eq!(
                client.get(path).await.status,
                StatusCode::NOT_FOUND,
                "{who:?} {path}"
            );
        }
    }
    let search = app.as_anyone(None).await.get("/search?q=scenario").await;
    assert!(search.attrs("#hits-scenarios", "id").is_empty());
    let leader = app.as_leader().await;
    let refused = leader
        .post(
            "/scenario-sets/new",
            &[("title", "Scenarier"), ("phase", "x")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
}

/// A scenario's illustration is served to whoever may see its set: members once the set
/// is open, visitors once it is public; not before.
#[tokio::test]
async fn a_scenarios_illustration_is_seen_by_whoever_sees_its_set() {
    let app = spawn_app();
    world(&app);
    let (a1, a2) = two_uncertainties(&app).await;
    let editor = app.as_editor().await;
    let mut png = std::io::Cursor::new(Vec::new());
    image::RgbaImage::from_pixel(2, 2, image::Rgba([11, 79, 138, 255]))
        .write_to(&mut png, image::ImageFormat::Png)
        .unwrap();
    let stored = editor
        .upload_with(
            "/editorial/images",
            &[("alt", "Karta över regionerna")],
            "file",
            "karta.png",
            &png.into_inner(),
        )
        .await;
    assert!(stored.status.is_redirection(), "{}", stored.status);
    let list = editor.get("/editorial/images").await;
    let src = list.attrs("img[src^='/media/']", "src")[0].clone();
    let name = src.trim_start_matches("/media/").to_string();

    let leader = app.as_leader().await;
    let set = make_set(&leader, a1, a2).await;
    let mut first = None;
    for (q, n) in [
        ("low_high", "Statens renässans"),
        ("high_high", "Regionernas tid"),
        ("low_low", "Stillastående"),
        ("high_low", "Lappverket"),
    ] {
        let id = write_scenario(&leader, set, q, n).await;
        first.get_or_insert(id);
    }
    let first = first.unwrap();
    let page = leader.get(&format!("/scenarios/{first}/edit")).await;
    let version = page.attrs("input[name=version]", "value")[0].clone();
    let saved = leader
        .post(
            &format!("/scenarios/{first}/edit"),
            &[
                ("version", version.as_str()),
                ("quadrant", "low_high"),
                ("name", "Statens renässans"),
                ("image", name.as_str()),
                ("image_alt", "Staten bygger ut"),
            ],
        )
        .await;
    assert!(saved.status.is_redirection(), "{}", saved.body);

    let strategist = app.as_strategist_b().await;
    assert_eq!(
        strategist.get(&src).await.status,
        StatusCode::NOT_FOUND,
        "a draft's"
    );
    leader
        .post(&format!("/scenario-sets/{set}/status"), &[("to", "open")])
        .await;
    assert_eq!(
        strategist.get(&src).await.status,
        StatusCode::OK,
        "an open set's"
    );
    let visitor = app.visitor();
    assert_eq!(
        visitor.get(&src).await.status,
        StatusCode::NOT_FOUND,
        "not public yet"
    );
    leader
        .post(&format!("/scenario-sets/{set}/public"), &[("public", "1")])
        .await;
    assert_eq!(
        visitor.get(&src).await.status,
        StatusCode::OK,
        "a public set's"
    );
}

/// Past its draft a set stays in its phase, and taking it back to draft takes it off the
/// public web until an editor decides again. (A programme whose phases 2 and 3 both hold
/// sets, so that the move is one the form could ask for.)
#[tokio::test]
async fn an_open_set_stays_in_its_phase_and_a_draft_is_not_public() {
    use framsyn::domain::programme::{Activity, AssignmentPart};
    let mut programme = regionerna();
    for phase in programme
        .phases
        .iter_mut()
        .filter(|p| p.slug == "regionalisering")
    {
        for activity in phase.activities.iter_mut() {
            if let Activity::HomeAssignment(h) = activity {
                h.parts.push(AssignmentPart::ScenarioRating);
            }
        }
    }
    let app = spawn_with(programme, test_config());
    world(&app);
    let (set, _) = open_set(&app).await;
    let leader = app.as_leader().await;
    let form = leader.get(&format!("/scenario-sets/{set}/edit")).await;
    let version = form.attrs("input[name=version]", "value")[0].clone();
    let axes = form.attrs("select[name^=axis] option[selected]", "value");
    let (a1, a2) = (axes[0].parse().unwrap(), axes[1].parse().unwrap());
    let mut fields = set_fields(a1, a2, &[("phase", "regionalisering")]);
    fields.push(("version".into(), version.clone()));
    let refused = leader
        .post(&format!("/scenario-sets/{set}/edit"), &refs(&fields))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.field_error("phase").as_deref(),
        Some("error-scenario-phase-fixed")
    );

    let public = leader
        .post(&format!("/scenario-sets/{set}/public"), &[("public", "1")])
        .await;
    assert!(public.status.is_redirection());
    let visitor = app.visitor();
    let path = format!("/scenario-sets/{set}");
    assert_eq!(visitor.get(&path).await.status, StatusCode::OK);
    leader
        .post(&format!("/scenario-sets/{set}/status"), &[("to", "draft")])
        .await;
    leader
        .post(&format!("/scenario-sets/{set}/status"), &[("to", "open")])
        .await;
    assert_eq!(
        visitor.get(&path).await.status,
        StatusCode::NOT_FOUND,
        "back from draft, not public until an editor says so"
    );
    // A draft moves freely.
    leader
        .post(&format!("/scenario-sets/{set}/status"), &[("to", "draft")])
        .await;
    let form = leader.get(&format!("/scenario-sets/{set}/edit")).await;
    let version = form.attrs("input[name=version]", "value")[0].clone();
    let mut fields = set_fields(a1, a2, &[("phase", "regionalisering")]);
    fields.push(("version".into(), version));
    let moved = leader
        .post(&format!("/scenario-sets/{set}/edit"), &refs(&fields))
        .await;
    assert!(moved.status.is_redirection(), "{}", moved.body);
}
