//! A region's roadmap: the organisation's own vision with its milestones and actions
//! beside the shared one on one time axis, as a chart with its figures in a table and
//! its downloads, under the visions' rules of who sees what.

use axum::http::{StatusCode, header};
use framsyn::app::backcasting::{self, ItemTarget, Saved, save_action, save_milestone};

use super::app_backcasting::{fixture, typed};
use super::app_editorial::{acting, person};
use super::helpers::*;

/// The fixture with organisation A's own vision adopted from the shared one, with a
/// milestone and an action of its own: (fixture, own vision, milestone, action).
async fn with_own(app: &TestApp) -> (super::app_backcasting::Fixture, i64, i64, i64) {
    let f = fixture(app).await;
    let user = person(app, STRATEGIST_A);
    let who = acting(&user);
    let own = backcasting::adopt(&app.db, &user, &who, f.vision, f.world.org_a)
        .await
        .unwrap();
    let Saved::Saved(milestone) = save_milestone(
        &app.db,
        &app.state.programme,
        &user,
        &who,
        ItemTarget::New { vision: own },
        typed(&[
            ("year", "2035"),
            ("title", "Kompetensplattform i Skåne"),
            ("level", "kommunal"),
            ("kind", "partnership"),
        ]),
    )
    .await
    .unwrap() else {
        panic!("the milestone is stored");
    };
    let Saved::Saved(action) = save_action(
        &app.db,
        &user,
        &who,
        ItemTarget::New { vision: own },
        typed(&[
            ("text", "Starta ett kompetensråd"),
            ("organisation", &f.world.org_a.to_string()),
            ("start", "next-year"),
            ("status", "proposed"),
        ]),
    )
    .await
    .unwrap() else {
        panic!("the action is stored");
    };
    (f, own, milestone, action)
}

#[tokio::test]
async fn the_roadmap_shows_the_own_vision_beside_the_shared_one_with_its_figures() {
    let app = spawn_app();
    let (f, own, milestone, action) = with_own(&app).await;
    let org = f.world.org_a;
    let client = app.as_strategist_a().await;
    let path = format!("/organisations/{org}/roadmap");
    let page = client.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.attrs("svg[data-chart=\"roadmap\"] g[data-group]", "data-group"),
        ["own", "shared"]
    );
    assert_eq!(page.attrs("svg[data-chart=\"roadmap\"]", "role"), ["img"]);
    assert_eq!(page.texts("svg[data-chart=\"roadmap\"] > title").len(), 1);
    assert_eq!(page.texts("svg[data-chart=\"roadmap\"] > desc").len(), 1);
    // Own: one milestone and one action; shared: the fixture's two and one.
    let own_marks = page.attrs("g[data-group=\"own\"] g[data-kind]", "data-id");
    assert_eq!(own_marks, [milestone.to_string(), action.to_string()]);
    assert_eq!(
        page.attrs(
            "g[data-group=\"shared\"] g[data-kind=\"milestone\"]",
            "data-id"
        )
        .len(),
        2
    );
    // The figures: a row per mark, the same keys as the chart.
    assert_eq!(
        page.attrs("table[data-table=\"roadmap\"] tbody tr", "data-id")
            .len(),
        5
    );
    assert_eq!(
        page.attrs(
            &format!("table[data-table=\"roadmap\"] tr[data-id=\"{milestone}\"] a"),
            "href"
        ),
        [format!("/milestones/{milestone}")]
    );
    assert_eq!(
        page.attrs("[data-vision-group=\"own\"] a", "href"),
        [format!("/visions/{own}")]
    );
    // Downloads: SVG and PNG like the other charts.
    let base = format!("/organisations/{org}/charts/roadmap");
    assert_eq!(
        page.attrs("a[data-download]", "href"),
        [format!("{base}.svg"), format!("{base}.png")]
    );
    for (ext, mime) in [("svg", "image/svg+xml"), ("png", "image/png")] {
        let file = client.get(&format!("{base}.{ext}")).await;
        assert_eq!(file.status, StatusCode::OK, "{ext}");
        assert_eq!(file.headers[header::CONTENT_TYPE], mime);
        assert!(
            file.headers[header::CONTENT_DISPOSITION]
                .to_str()
                .unwrap()
                .ends_with(&format!(".{ext}\""))
        );
    }
    // Linked from the organisation page.
    let org_page = client.get(&format!("/organisations/{org}")).await;
    assert_eq!(org_page.attrs("a[data-roadmap-link]", "href"), [path]);
}

#[tokio::test]
async fn who_sees_which_vision_on_the_roadmap() {
    let app = spawn_app();
    let (f, _, _, _) = with_own(&app).await;
    let org = f.world.org_a;
    let path = format!("/organisations/{org}/roadmap");
    let groups =
        |page: &TestResponse| page.attrs("svg[data-chart=\"roadmap\"] g[data-group]", "data-group");
    // Another organisation's strategist: the shared vision only, until A's is accepted.
    let other = app.as_strategist_b().await;
    let page = other.get(&path).await;
    assert_eq!(groups(&page), ["shared"]);
    assert_eq!(page.attrs("[data-roadmap=\"no-own\"]", "class").len(), 1);
    // The process leader sees both.
    let lead = app.as_leader().await;
    assert_eq!(groups(&lead.get(&path).await), ["own", "shared"]);
    // A visitor: nothing until the shared vision is published, and no file to download.
    let visitor = app.as_anyone(None).await;
    let page = visitor.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.attrs("[data-empty]", "data-empty"), ["roadmap"]);
    assert_eq!(
        visitor
            .get(&format!("/organisations/{org}/charts/roadmap.svg"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let leader = person(&app, LEADER);
    backcasting::publish(&app.db, &leader, &acting(&leader), f.vision, true)
        .await
        .unwrap();
    assert_eq!(groups(&visitor.get(&path).await), ["shared"]);
    // An unknown organisation is not found.
    assert_eq!(
        lead.get("/organisations/999999/roadmap").await.status,
        StatusCode::NOT_FOUND
    );
}

/// The demo's workshop 4: the shared vision published on the four scenarios with its
/// milestones (with dependencies, answering the workshop's consequences) and actions of
/// several organisations, every item judged in every scenario with a note; each
/// organisation taking part in home assignment 4 has its own vision (adopted or written)
/// with a milestone and an action, and its submission keeps them.
#[tokio::test]
async fn the_regionerna_demo_has_workshop_4s_backcasting_and_every_organisations_roadmap() {
    use framsyn::domain::assignment::SubmissionStatus;
    use framsyn::domain::backcasting::MilestonePart;
    use framsyn::storage::{backcasting as store, submissions};
    let (mut app, _) = spawn_demo("regionerna-2050");
    let phase = "policyutveckling";
    let visions = app
        .db
        .read_blocking(move |c| store::visions_of_phase(c, phase))
        .unwrap();
    let shared = visions
        .iter()
        .find(|v| v.organisation_id.is_none())
        .expect("the shared vision");
    assert!(shared.public && shared.title.starts_with("Regionerna 2050"));
    assert_eq!(shared.scenarios.len(), 4);
    let id = shared.id;
    let view = app
        .db
        .read_blocking(move |c| Ok(backcasting::view_in(c, None, id)))
        .unwrap()
        .unwrap();
    assert!(view.milestones.len() >= 10);
    assert!(view.actions.len() >= 9);
    assert!(
        view.milestones
            .iter()
            .any(|m| !m.item.depends_on.is_empty())
    );
    assert!(
        view.milestones
            .iter()
            .all(|m| !m.item.answers.is_empty() || !m.item.depends_on.is_empty())
    );
    let responsible: std::collections::BTreeSet<i64> = view
        .actions
        .iter()
        .map(|a| a.item.organisation_id)
        .collect();
    assert!(responsible.len() >= 5);
    for m in &view.milestones {
        assert_eq!(m.score.unjudged, 0, "{}", m.item.title);
        assert!(m.verdicts.values().all(|v| !v.note.is_empty()));
    }
    for a in &view.actions {
        assert_eq!(a.score.unjudged, 0, "{}", a.item.text);
    }

    // Every organisation with a submission has its vision in it, adopted or its own.
    let list = app
        .db
        .read_blocking(move |c| submissions::of_phase(c, phase))
        .unwrap();
    let mut statuses = Vec::new();
    let (mut adopted, mut own) = (0, 0);
    for s in &list {
        let part: MilestonePart =
            serde_json::from_value(s.parts["milestones"].clone()).expect("the part");
        assert!(!part.milestones.is_empty() && !part.actions.is_empty());
        if part.adopted_from.is_some() {
            adopted += 1;
        } else {
            own += 1;
        }
        statuses.push(s.status);
    }
    assert!(adopted > 0 && own > 0, "{adopted} adopted, {own} own");
    for status in [
        SubmissionStatus::Draft,
        SubmissionStatus::Submitted,
        SubmissionStatus::Returned,
        SubmissionStatus::Accepted,
    ] {
        assert!(statuses.contains(&status), "{status:?}");
    }

    // A visitor sees the shared vision on any region's roadmap.
    let org = list[0].organisation_id;
    let page = app.get(&format!("/organisations/{org}/roadmap")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.attrs("svg[data-chart=\"roadmap\"] g[data-group]", "data-group")
            .contains(&"shared".to_string())
    );
}
