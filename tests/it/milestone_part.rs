//! The home assignment's part `milestones` (phase 4): the form offers to adopt the shared
//! vision or write an organisation's own, lists its milestones and actions with the way
//! to add them; submitting needs a vision, a milestone and an action, refused at each
//! field lacking one with what was typed kept; the part is stored with the submission,
//! locked once handed in and writable again when returned; the submission pages and the
//! exports show it.

use axum::http::StatusCode;
use framsyn::app::Error;
use framsyn::app::backcasting::{
    self, ItemTarget, Saved, VisionTarget, save_action, save_milestone, save_vision,
};
use framsyn::domain::backcasting::MilestonePart;
use framsyn::storage::submissions;
use framsyn::storage::users::User;

use super::app_backcasting::{PHASE, fixture, typed};
use super::app_editorial::{acting, person};
use super::helpers::*;

const PAGE: &str = "/phases/policyutveckling/assignment";

fn answers(action: &str) -> Vec<(&str, &str)> {
    vec![
        ("action", action),
        ("version", ""),
        ("answer-vart-gar-vi", "Mot starka regioner i hela landet."),
        ("answer-viktiga-steg", "Kompetens, bredband och bostäder."),
    ]
}

fn stored(app: &TestApp, org: i64) -> submissions::Submission {
    app.db
        .read_blocking(move |c| submissions::get(c, PHASE, org))
        .unwrap()
        .expect("a submission")
}

fn part(app: &TestApp, org: i64) -> MilestonePart {
    serde_json::from_value(stored(app, org).parts["milestones"].clone()).unwrap()
}

async fn own_milestone(app: &TestApp, user: &User, vision: i64, title: &str) -> Result<i64, Error> {
    let saved = save_milestone(
        &app.db,
        &app.state.programme,
        user,
        &acting(user),
        ItemTarget::New { vision },
        typed(&[
            ("year", "2035"),
            ("title", title),
            ("level", "regional"),
            ("kind", "partnership"),
        ]),
    )
    .await?;
    match saved {
        Saved::Saved(id) => Ok(id),
        other => panic!("not saved: {other:?}"),
    }
}

async fn own_action(app: &TestApp, user: &User, vision: i64, org: i64, text: &str) -> i64 {
    let saved = save_action(
        &app.db,
        user,
        &acting(user),
        ItemTarget::New { vision },
        typed(&[
            ("text", text),
            ("organisation", &org.to_string()),
            ("start", "next-quarter"),
            ("status", "decided"),
            ("strategy", "RUS"),
        ]),
    )
    .await
    .unwrap();
    match saved {
        Saved::Saved(id) => id,
        other => panic!("not saved: {other:?}"),
    }
}

#[tokio::test]
async fn submitting_needs_a_vision_a_milestone_and_an_action_refused_by_field() {
    let app = spawn_app();
    let f = fixture(&app).await;
    let org = f.world.org_a;
    let client = app.as_strategist_a().await;

    // No vision yet: adopt the shared one (a form of its own, outside the assignment's
    // form, coming back here) or write one's own.
    let page = client.get(PAGE).await;
    assert_eq!(page.status, StatusCode::OK);
    let adopt = format!(
        "#milestone-part form[action=\"/visions/{}/adopt\"]",
        f.vision
    );
    assert_eq!(page.attrs(&adopt, "method"), ["post"]);
    assert_eq!(
        page.attrs(&format!("{adopt} input[name=\"organisation\"]"), "value"),
        [org.to_string()]
    );
    assert!(page.attrs(&format!("{adopt} input[name=\"next\"]"), "value")[0].starts_with(PAGE));
    assert_eq!(
        page.attrs("a[data-action=\"new-vision\"]", "href"),
        [format!("/visions/new?phase={PHASE}&organisation={org}")]
    );
    assert!(page.outer_html("form form").is_empty(), "no form in a form");

    // Submitting without a vision: refused there, the answers kept.
    let refused = client.post(PAGE, &answers("submit")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.attrs("#vision-error", "data-error"),
        ["error-milestones-no-vision"]
    );
    assert_eq!(
        refused
            .attrs(".error-summary a[href=\"#vision\"]", "href")
            .len(),
        1
    );
    assert_eq!(
        refused.texts("#answer-vart-gar-vi"),
        ["Mot starka regioner i hela landet."]
    );

    // Adopted, but with no milestone or action of its own: refused at both.
    let user = person(&app, STRATEGIST_A);
    let own = backcasting::adopt(&app.db, &user, &acting(&user), f.vision, org)
        .await
        .unwrap();
    let refused = client.post(PAGE, &answers("submit")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.attrs("#vision-error", "id").is_empty());
    assert_eq!(
        refused.attrs("#milestones-error", "data-error"),
        ["error-milestones-none"]
    );
    assert_eq!(
        refused.attrs("#actions-error", "data-error"),
        ["error-actions-none"]
    );
    for field in ["milestones", "actions"] {
        assert_eq!(
            refused
                .attrs(&format!(".error-summary a[href=\"#{field}\"]"), "href")
                .len(),
            1
        );
    }
    assert_eq!(
        refused.attrs("[data-own-vision]", "href"),
        [format!("/visions/{own}")]
    );
    assert_eq!(
        refused.attrs("a[data-action=\"add-milestone\"]", "href"),
        [format!("/visions/{own}/milestones/new")]
    );
    assert_eq!(
        refused.attrs("a[data-action=\"add-action\"]", "href"),
        [format!("/visions/{own}/actions/new")]
    );
    // A draft saves without them.
    let saved = client.post(PAGE, &answers("save")).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn adopt_write_submit_return_and_accept() {
    let app = spawn_app();
    let f = fixture(&app).await;
    let org = f.world.org_a;
    let user = person(&app, STRATEGIST_A);
    let own = backcasting::adopt(&app.db, &user, &acting(&user), f.vision, org)
        .await
        .unwrap();
    let milestone = own_milestone(&app, &user, own, "Kompetensplattform i Skåne")
        .await
        .unwrap();
    let action = own_action(&app, &user, own, org, "Starta ett kompetensråd").await;
    let client = app.as_strategist_a().await;
    let page = client.get(PAGE).await;
    assert_eq!(
        page.attrs("#milestone-part li[data-milestone]", "data-milestone"),
        [milestone.to_string()]
    );
    assert_eq!(
        page.attrs("#milestone-part li[data-action-item] a", "href"),
        [format!("/actions/{action}")]
    );
    assert_eq!(
        page.attrs("[data-adopted]", "data-adopted"),
        [f.vision.to_string()]
    );

    let submitted = client.post(PAGE, &answers("submit")).await;
    assert_eq!(submitted.status, StatusCode::SEE_OTHER);
    let kept = part(&app, org);
    assert_eq!((kept.vision, kept.adopted_from), (own, Some(f.vision)));
    assert_eq!(kept.milestones.len(), 1);
    assert_eq!(kept.actions[0].id, action);

    // Locked once handed in: nothing new, and the form says so without its links.
    let late = own_milestone(&app, &user, own, "För sent").await;
    assert!(matches!(
        late,
        Err(Error::Refused("error-backcasting-locked"))
    ));
    let page = client.get(PAGE).await;
    assert_eq!(
        page.attrs("[data-milestones=\"locked\"]", "role"),
        ["status"]
    );
    assert!(
        page.attrs("a[data-action=\"add-milestone\"]", "href")
            .is_empty()
    );

    // Returned: writable again; resubmitted and accepted.
    let lead = app.as_leader().await;
    let review = format!("/phases/{PHASE}/submissions/{org}/review");
    let version = stored(&app, org).version.to_string();
    let returned = lead
        .post(
            &review,
            &[
                ("action", "return"),
                ("comment", "Fler steg, tack."),
                ("version", &version),
            ],
        )
        .await;
    assert_eq!(returned.status, StatusCode::SEE_OTHER);
    own_milestone(&app, &user, own, "Bostadsprogram med kommunerna")
        .await
        .unwrap();
    let page = client.get(PAGE).await;
    assert_eq!(
        page.attrs("a[data-action=\"add-milestone\"]", "href").len(),
        1
    );
    let version = stored(&app, org).version.to_string();
    let mut resubmit = answers("submit");
    resubmit[1] = ("version", &version);
    let again = client.post(PAGE, &resubmit).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert_eq!(part(&app, org).milestones.len(), 2);
    let version = stored(&app, org).version.to_string();
    let accepted = lead
        .post(&review, &[("action", "accept"), ("version", &version)])
        .await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER);
    assert_eq!(stored(&app, org).status.key(), "accepted");
}

#[tokio::test]
async fn an_organisation_writes_its_own_vision_and_the_pages_and_exports_show_the_part() {
    let app = spawn_app();
    let f = fixture(&app).await;
    let org = f.world.org_b;
    let user = person(&app, STRATEGIST_B);
    let scenarios = f
        .scenarios
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let saved = save_vision(
        &app.db,
        &app.state.programme,
        &user,
        &acting(&user),
        VisionTarget::New {
            phase: PHASE.into(),
            organisation: Some(org),
        },
        typed(&[
            ("title", "Norrbotten 2045: grön industri"),
            ("horizon", "2045"),
            ("statement", "Omställningen bär regionen."),
            ("scenarios", &scenarios),
        ]),
    )
    .await
    .unwrap();
    let Saved::Saved(own) = saved else {
        panic!("the vision is stored");
    };
    own_milestone(&app, &user, own, "Bostäder i takt med jobben")
        .await
        .unwrap();
    own_action(&app, &user, own, org, "Bjuda in till ett bostadsforum").await;
    let client = app.as_strategist_b().await;
    let submitted = client.post(PAGE, &answers("submit")).await;
    assert_eq!(submitted.status, StatusCode::SEE_OTHER);
    let kept = part(&app, org);
    assert_eq!(kept.adopted_from, None);
    assert_eq!(kept.content.title, "Norrbotten 2045: grön industri");

    let lead = app.as_leader().await;
    let page = lead
        .get(&format!("/phases/{PHASE}/submissions/{org}"))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.texts("[data-part=\"milestones\"] [data-stored=\"milestones\"] li a"),
        ["Bostäder i takt med jobben"]
    );
    assert_eq!(
        page.attrs(
            "[data-part=\"milestones\"] [data-stored=\"actions\"] li",
            "data-action-item"
        )
        .len(),
        1
    );
    let all = lead.get(&format!("/phases/{PHASE}/submissions")).await;
    assert_eq!(
        all.texts(&format!(
            "[data-part=\"milestones\"] tr[data-organisation=\"{org}\"] td[data-count]"
        )),
        ["1", "1"]
    );
    let csv = lead.get(&format!("/phases/{PHASE}/submissions.csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(
        csv.body.matches("Norrbotten 2045: grön industri").count(),
        2,
        "a row an item"
    );
    csv.assert_contains("Bostäder i takt med jobben");
    csv.assert_contains("Bjuda in till ett bostadsforum");
    let xlsx = lead.get(&format!("/phases/{PHASE}/submissions.xlsx")).await;
    assert_eq!(xlsx.status, StatusCode::OK);
    let md = lead.get(&format!("/phases/{PHASE}/submissions.md")).await;
    md.assert_contains("#### Norrbotten 2045: grön industri – 2045");
    md.assert_contains("- 2035: Bostäder i takt med jobben");
    md.assert_contains("Bjuda in till ett bostadsforum");
}
