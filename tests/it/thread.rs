//! The thread from signal to action: a hand-built chain (signal → trend → uncertainty
//! axis → scenario → consequence → action) followed back from the action and forward
//! from the trend, each step a link; a trend that leads nowhere shown as such on the
//! overview; the chart's files; and an organisation's draft action's thread hidden from
//! visitors and other organisations; and the thread embedded in a text, refused while
//! the action's vision is not public, frozen once published.

use axum::http::StatusCode;

use super::app_backcasting::{PHASE, fixture, typed};
use super::app_editorial::{acting, person};
use super::editorial::EDITOR_2;
use super::embeds::{publish, text_in_review};
use super::helpers::*;
use framsyn::app::backcasting::{self, ItemTarget, Saved, VisionTarget, save_action, save_vision};
use framsyn::domain::bank::LinkKind;
use framsyn::domain::user::Role;
use framsyn::storage::{bank, scenarios, users};

/// The chain: its notes, the consequence and the action answering it.
struct Chain {
    signal: i64,
    trend: i64,
    lone: i64,
    axis: i64,
    scenario: i64,
    consequence: i64,
    action: i64,
    vision: i64,
    office: i64,
    org_a: i64,
}

fn saved<T: std::fmt::Debug>(outcome: Result<Saved<T>, framsyn::app::Error>) -> i64 {
    match outcome {
        Ok(Saved::Saved(id)) => id,
        other => panic!("not saved: {other:?}"),
    }
}

async fn chain(app: &TestApp) -> Chain {
    let f = fixture(app).await;
    let strategist = app.as_strategist_a().await;
    let signal = submitted_note(
        &strategist,
        "signal",
        "Unga flyttar till mellanstora städer",
    )
    .await;
    let trend = submitted_note(&strategist, "trend", "Regionförstoring").await;
    let lone = submitted_note(&strategist, "trend", "Ensam trend utan följder").await;
    let set = f.set;
    let axis = app
        .db
        .read_blocking(move |c| Ok(scenarios::get_set(c, set)?.unwrap().axes[0].note))
        .unwrap();
    let by = app
        .db
        .read_blocking(|c| users::find_by_email(c, LEADER))
        .unwrap()
        .unwrap();
    app.db
        .write_blocking(move |tx| {
            bank::add_link(tx, signal, trend, LinkKind::Drives, by)?;
            bank::add_link(tx, trend, axis, LinkKind::Drives, by)?;
            Ok(())
        })
        .unwrap();
    let scenario = f.scenarios[0];
    let leader = app.as_leader().await;
    let path = format!("/scenarios/{scenario}/consequences");
    let captured = leader
        .post(
            &format!("{path}/capture"),
            &[
                ("level", "regional"),
                ("lines", "Fler pendlar över regiongränser"),
                ("organisation", "shared"),
            ],
        )
        .await;
    assert_eq!(captured.status, StatusCode::SEE_OTHER, "{}", captured.body);
    let consequence: i64 = leader.get(&path).await.attrs(
        "[data-level='regional'] [data-consequence]",
        "data-consequence",
    )[0]
    .parse()
    .unwrap();
    let user = person(app, LEADER);
    let action = saved(
        save_action(
            &app.db,
            &user,
            &acting(&user),
            ItemTarget::New { vision: f.vision },
            typed(&[
                ("text", "Bygg ut regionaltågen"),
                ("organisation", &f.world.org_a.to_string()),
                ("start", "next-year"),
                ("status", "decided"),
                ("answers", &consequence.to_string()),
            ]),
        )
        .await,
    );
    Chain {
        signal,
        trend,
        lone,
        axis,
        scenario,
        consequence,
        action,
        vision: f.vision,
        office: f.world.office,
        org_a: f.world.org_a,
    }
}

#[tokio::test]
async fn an_action_is_traced_back_to_its_signal_each_step_a_link() {
    let app = spawn_app();
    let c = chain(&app).await;
    let member = app.as_strategist_b().await;
    let page = member.get(&format!("/actions/{}/thread", c.action)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    for (key, href) in [
        (format!("note-{}", c.signal), format!("/bank/{}", c.signal)),
        (format!("note-{}", c.trend), format!("/bank/{}", c.trend)),
        (format!("note-{}", c.axis), format!("/bank/{}", c.axis)),
        (
            format!("scenario-{}", c.scenario),
            format!("/scenarios/{}", c.scenario),
        ),
        (
            format!("consequence-{}", c.consequence),
            format!("/consequences/{}", c.consequence),
        ),
        (
            format!("action-{}", c.action),
            format!("/actions/{}", c.action),
        ),
    ] {
        assert_eq!(
            page.attrs(&format!("svg [data-step='{key}']"), "data-step")
                .len(),
            1,
            "{key} drawn once"
        );
        assert_eq!(
            page.attrs(&format!("table [data-step='{key}'] th a"), "href"),
            vec![href],
            "{key} listed as a link"
        );
    }
    assert_eq!(
        page.attrs(&format!("[data-step='note-{}']", c.lone), "data-step")
            .len(),
        0
    );
    // Each link is named from the row that lists it: back from the action, the
    // consequence's row says the action answers it, and forward from the trend, the
    // action's row says it answers the consequence.
    let link = |page: &TestResponse, row: String, other: String| {
        page.texts(&format!(
            "table [data-step='{row}'] [data-linked='{other}']"
        ))
    };
    assert_eq!(
        link(
            &page,
            format!("consequence-{}", c.consequence),
            format!("action-{}", c.action)
        ),
        ["Besvaras av: Bygg ut regionaltågen"]
    );
    // The rows in order, and the chart accessible with its files.
    let stages = page.attrs("svg [data-row]", "data-row");
    assert_eq!(
        stages,
        [
            "signal",
            "trend",
            "uncertainty",
            "scenario",
            "consequence",
            "action"
        ]
    );
    assert_eq!(page.attrs("svg[role='img'] > title", "id").len(), 1);
    assert_eq!(page.attrs("svg[role='img'] > desc", "id").len(), 1);
    assert_eq!(
        page.attrs("[data-download]", "href"),
        [
            format!("/actions/{}/thread/charts/thread.svg", c.action),
            format!("/actions/{}/thread/charts/thread.png", c.action)
        ]
    );
    let svg = member
        .get(&format!("/actions/{}/thread/charts/thread.svg", c.action))
        .await;
    assert_eq!(svg.status, StatusCode::OK);
    assert!(svg.body.trim_start().starts_with("<svg"));
    let png = member
        .get(&format!("/actions/{}/thread/charts/thread.png", c.action))
        .await;
    assert_eq!(png.status, StatusCode::OK);

    // Forward from the trend: the same action at the end.
    let forward = member.get(&format!("/notes/{}/thread", c.trend)).await;
    assert_eq!(forward.status, StatusCode::OK, "{}", forward.body);
    assert_eq!(
        forward
            .attrs(
                &format!("svg [data-step='action-{}']", c.action),
                "data-step"
            )
            .len(),
        1
    );
    assert_eq!(
        forward
            .attrs(&format!("[data-step='note-{}']", c.signal), "data-step")
            .len(),
        0,
        "upstream is no part of what came of it"
    );
    assert_eq!(
        link(
            &forward,
            format!("action-{}", c.action),
            format!("consequence-{}", c.consequence)
        ),
        ["Svarar mot: Fler pendlar över regiongränser"]
    );
    // The note's page links to its thread.
    let note = member.get(&format!("/bank/{}", c.trend)).await;
    assert_eq!(
        note.attrs("[data-thread-link]", "href"),
        [format!("/notes/{}/thread", c.trend)]
    );
}

#[tokio::test]
async fn the_overview_shows_a_trend_that_led_nowhere() {
    let app = spawn_app();
    let c = chain(&app).await;
    let member = app.as_strategist_b().await;
    let page = member.get("/thread").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(
        page.attrs(&format!("[data-trend='{}']", c.trend), "data-led"),
        ["actions"]
    );
    assert_eq!(
        page.attrs(&format!("[data-trend='{}']", c.lone), "data-led"),
        ["nowhere"]
    );
    assert_eq!(page.texts("[data-total='actions']"), ["1"]);
    assert_eq!(page.texts("[data-total='nowhere']"), ["1"]);
    let nowhere = member.get("/thread?led=nowhere").await;
    assert_eq!(
        nowhere.attrs("[data-trend]", "data-trend"),
        [c.lone.to_string()]
    );
    let actions = member.get("/thread?led=actions").await;
    assert_eq!(
        actions.attrs("[data-trend]", "data-trend"),
        [c.trend.to_string()]
    );
    let lone = member.get(&format!("/notes/{}/thread", c.lone)).await;
    assert_eq!(lone.texts("[data-nowhere]").len(), 1);
    // Backcasting leads to the overview, for visitors too, and the menu marks it as
    // backcasting's.
    let backcasting = app.visitor().get("/backcasting").await;
    assert_eq!(
        backcasting.attrs("[data-thread-overview]", "href"),
        ["/thread"]
    );
    assert_eq!(
        page.attrs("nav.main-nav a[aria-current]", "href"),
        ["/backcasting"]
    );
}

#[tokio::test]
async fn a_draft_own_action_s_thread_is_seen_by_its_organisation_only() {
    let app = spawn_app();
    let c = chain(&app).await;
    let user = person(&app, STRATEGIST_A);
    let org = user.organisation_id;
    let programme = app.state.programme.clone();
    let vision = saved(
        save_vision(
            &app.db,
            &programme,
            &user,
            &acting(&user),
            VisionTarget::New {
                phase: PHASE.into(),
                organisation: Some(org),
            },
            typed(&[
                ("title", "Skåne 2050"),
                ("horizon", "2050"),
                ("statement", "Ett sammanhållet Skåne."),
            ]),
        )
        .await,
    );
    let own = saved(
        save_action(
            &app.db,
            &user,
            &acting(&user),
            ItemTarget::New { vision },
            typed(&[
                ("text", "Egen åtgärd i utkast"),
                ("organisation", &org.to_string()),
                ("start", "next-quarter"),
                ("status", "proposed"),
                ("answers", &c.consequence.to_string()),
            ]),
        )
        .await,
    );
    let path = format!("/actions/{own}/thread");
    let mine = app.as_strategist_a().await;
    assert_eq!(mine.get(&path).await.status, StatusCode::OK);
    let other = app.as_strategist_b().await;
    assert_eq!(other.get(&path).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        other.get(&format!("{path}/charts/thread.svg")).await.status,
        StatusCode::NOT_FOUND
    );
    let visitor = app.visitor();
    assert_eq!(visitor.get(&path).await.status, StatusCode::NOT_FOUND);
    // Forward from the trend, the other organisation does not see the draft action.
    let forward = other.get(&format!("/notes/{}/thread", c.trend)).await;
    assert_eq!(
        forward
            .attrs(&format!("[data-step='action-{own}']"), "data-step")
            .len(),
        0
    );
    assert_eq!(forward.attrs("[data-hidden]", "data-hidden"), ["1"]);
}

#[tokio::test]
async fn the_exports_hold_what_the_reader_sees_in_the_documented_shape() {
    use calamine::{Data, Reader, Xlsx};
    use std::io::Cursor;

    let app = spawn_app();
    let c = chain(&app).await;
    let member = app.as_strategist_b().await;

    let csv = member.get("/backcasting.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    let mut reader = csv::Reader::from_reader(csv.body.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |key: &str| header.iter().position(|h| h == key).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // The shared vision, its two milestones and its two actions.
    assert_eq!(rows.len(), 5);
    let action = rows
        .iter()
        .find(|r| r[column("id")] == c.action.to_string() && &r[column("kind")] == "action")
        .expect("the action's row");
    assert_eq!(&action[column("answers")], c.consequence.to_string());
    assert_eq!(&action[column("status")], "decided");

    let xlsx = member.get("/backcasting.xlsx").await;
    assert_eq!(xlsx.status, StatusCode::OK);
    let mut book = Xlsx::new(Cursor::new(xlsx.bytes.clone())).expect("a workbook");
    let sheet = book.worksheet_range_at(0).expect("one sheet").unwrap();
    let sheet: Vec<Vec<Data>> = sheet.rows().map(<[Data]>::to_vec).collect();
    assert_eq!(sheet.len(), 6, "a header and a row per item");
    assert_eq!(sheet[0][0], Data::String("Slag".into()));

    let json = member.get("/backcasting.json").await;
    assert_eq!(json.status, StatusCode::OK);
    let file: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(file["format"], "framsyn-backcasting");
    assert_eq!(file["version"], 1);
    let visions = file["visions"].as_array().unwrap();
    assert_eq!(visions.len(), 1);
    let v = &visions[0];
    assert!(v["organisation"].is_null(), "the shared vision");
    assert_eq!(v["horizon"], 2050);
    assert_eq!(v["milestones"].as_array().unwrap().len(), 2);
    assert!(v["milestones"][0]["score"]["unjudged"].is_number());
    let actions = v["actions"].as_array().unwrap();
    let a = actions
        .iter()
        .find(|a| a["id"] == c.action)
        .expect("the action");
    assert_eq!(a["answers"], serde_json::json!([c.consequence]));
    assert_eq!(a["organisation"]["name"], "Region Skåne");
    assert!(a["verdicts"].is_array());

    // A visitor sees no vision that is not published.
    let visitor = app.visitor();
    let json = visitor.get("/backcasting.json").await;
    let file: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(file["visions"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn the_thread_embed_is_refused_until_the_vision_is_public_and_then_frozen() {
    let app = spawn_app();
    let c = chain(&app).await;
    app.user(EDITOR_2, c.office, &[Role::Editor]);
    let body = format!("Varifrån åtgärden kommer.\n\n[[thread:{}]]", c.action);
    let id = text_in_review(&app, &body).await;
    let key = format!("thread:{}", c.action);

    let refused = publish(&app, id).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.attrs(&format!("li[data-embed='{key}']"), "data-problem"),
        ["thread-embed-not-public"]
    );

    // Public: the vision, the scenario set and the notes along the chain.
    let user = person(&app, LEADER);
    backcasting::publish(&app.db, &user, &acting(&user), c.vision, true)
        .await
        .unwrap();
    super::embeds::make_public(&app, &[c.signal, c.trend]).await;
    let published = publish(&app, id).await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.body
    );

    let visitor = app.visitor();
    let page = visitor.get(&format!("/publications/{id}")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let steps = |p: &TestResponse| {
        p.attrs(
            ".embed-thread table[data-table='thread-steps'] tr[data-step]",
            "data-step",
        )
    };
    let shown = steps(&page);
    for step in [
        format!("note-{}", c.signal),
        format!("note-{}", c.trend),
        format!("action-{}", c.action),
    ] {
        assert!(shown.contains(&step), "{step} in {shown:?}");
    }
    assert_eq!(
        page.attrs(
            &format!(".embed-thread svg [data-step='action-{}']", c.action),
            "data-start"
        ),
        ["start"]
    );
    let file = visitor
        .get(&format!(
            "/publications/{id}/charts/thread-{}.svg",
            c.action
        ))
        .await;
    assert_eq!(file.status, StatusCode::OK);
    assert!(file.body.contains("chart-thread"));
    assert_eq!(
        visitor
            .get(&format!(
                "/publications/{id}/charts/thread-{}.png",
                c.action
            ))
            .await
            .status,
        StatusCode::OK
    );

    // The action is edited afterwards to answer nothing: its live thread ends at itself,
    // the text's stays as it was published.
    let base = app
        .db
        .read_blocking(move |conn| {
            Ok(framsyn::storage::backcasting::action(conn, c.action)?
                .unwrap()
                .version)
        })
        .unwrap();
    saved(
        save_action(
            &app.db,
            &user,
            &acting(&user),
            ItemTarget::Edit { id: c.action, base },
            typed(&[
                ("text", "Bygg ut regionaltågen"),
                ("organisation", &c.org_a.to_string()),
                ("start", "next-year"),
                ("status", "decided"),
            ]),
        )
        .await,
    );
    let live = visitor.get(&format!("/actions/{}/thread", c.action)).await;
    assert_eq!(live.status, StatusCode::OK, "{}", live.body);
    assert_eq!(
        live.attrs(
            "table[data-table='thread-steps'] tr[data-step]",
            "data-step"
        ),
        [format!("action-{}", c.action)]
    );
    let again = visitor.get(&format!("/publications/{id}")).await;
    assert_eq!(steps(&again), shown);
}
