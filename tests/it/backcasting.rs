//! The backcasting pages through HTTP: the overview with its counts and states, a
//! vision's page (scenarios, milestones by year with their dependencies, actions with
//! their organisation and thread), bad input refused at its field with what was typed
//! kept, a stale edit, the history, adopting the shared vision and going back to the
//! home assignment, who sees what (visitors only a published vision, another
//! organisation never a draft of one's own), the one search, and the public phase page
//! and final publication.

use axum::http::StatusCode;

use super::app_backcasting::{PHASE, fixture};
use super::helpers::*;

fn id_after(response: &TestResponse, prefix: &str) -> i64 {
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    response
        .location()
        .trim_start_matches(prefix)
        .parse()
        .unwrap()
}

/// The value of the input named `name` as the page shows it.
fn input(page: &TestResponse, name: &str) -> String {
    page.attrs(&format!("[name='{name}']"), "value")
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// The values of the ticked checkboxes named `name`.
fn ticked(page: &TestResponse, name: &str) -> Vec<String> {
    page.attrs(&format!("input[name='{name}'][checked]"), "value")
}

#[tokio::test]
async fn the_overview_lists_the_visions_with_counts_and_states() {
    let app = spawn_app();
    let f = fixture(&app).await;
    let leader = app.as_leader().await;
    let page = leader.get("/backcasting").await;
    assert_eq!(page.status, StatusCode::OK);
    let row = format!("[data-phase='{PHASE}'] tr[data-vision='{}']", f.vision);
    assert_eq!(
        page.attrs(&format!("{row} [data-milestones]"), "data-milestones"),
        ["2"]
    );
    assert_eq!(
        page.attrs(&format!("{row} [data-actions]"), "data-actions"),
        ["1"]
    );
    assert_eq!(
        page.attrs(&format!("{row} [data-state]"), "data-state"),
        ["draft"]
    );
    assert_eq!(
        page.attrs(&format!("{row} [data-shared]"), "data-shared")
            .len(),
        1
    );
    assert_eq!(
        page.attrs(&format!("{row} a"), "href"),
        [format!("/visions/{}", f.vision)]
    );
    assert_eq!(
        page.attrs("[data-new-shared]", "href"),
        [format!("/visions/new?phase={PHASE}")]
    );
    // A strategist writes no shared vision, but may write the organisation's own.
    let strategist = app.as_strategist_a().await;
    let page = strategist.get("/backcasting").await;
    assert!(page.attrs("[data-new-shared]", "href").is_empty());
    assert_eq!(page.attrs("[data-new-own]", "href").len(), 1);
    // A visitor sees no draft: the empty state.
    let page = app.visitor().get("/backcasting").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.attrs("tr[data-vision]", "data-vision").is_empty());
    assert_eq!(page.attrs("[data-empty]", "data-empty").len(), 1);
}

#[tokio::test]
async fn a_vision_page_shows_scenarios_milestones_by_year_and_actions() {
    let app = spawn_app();
    let f = fixture(&app).await;
    let leader = app.as_leader().await;
    let path = format!("/visions/{}", f.vision);
    let page = leader.get(&path).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let scenario_links: Vec<String> = f
        .scenarios
        .iter()
        .map(|s| format!("/scenarios/{s}"))
        .collect();
    assert_eq!(page.attrs("[data-builds-on] a", "href"), scenario_links);
    assert_eq!(
        page.attrs("section[data-year]", "data-year"),
        ["2030", "2040"]
    );
    let (first, second) = (f.milestones[0], f.milestones[1]);
    // The second depends on the first, linked.
    assert_eq!(
        page.attrs(
            &format!("[data-milestone='{second}'] [data-depends-on] a"),
            "href"
        ),
        [format!("/milestones/{first}")]
    );
    assert_eq!(
        page.attrs(
            &format!("[data-milestone='{first}'] [data-kind]"),
            "data-kind"
        ),
        ["capability"]
    );
    // The action: its organisation, start, status, the milestone it leads to, its thread.
    let action = format!("[data-action='{}']", f.action);
    assert_eq!(
        page.attrs(&format!("{action} [data-responsible]"), "data-responsible"),
        [f.world.org_a.to_string()]
    );
    assert_eq!(
        page.attrs(&format!("{action} [data-status]"), "data-status"),
        ["proposed"]
    );
    assert_eq!(
        page.attrs(&format!("{action} [data-leads-to] a"), "href"),
        [format!("/milestones/{first}")]
    );
    assert_eq!(
        page.attrs(&format!("{action} [data-thread]"), "href"),
        [format!("/actions/{}/thread", f.action)]
    );
    assert_eq!(
        page.attrs("[data-timeline]", "href"),
        [format!("{path}/timeline")]
    );
    assert_eq!(
        page.attrs("[data-stress-test]", "href"),
        [format!("{path}/stress-test")]
    );
    // What the process leader may do here.
    assert_eq!(page.attrs("[data-edit]", "href"), [format!("{path}/edit")]);
    assert_eq!(page.attrs("[data-add-milestone]", "href").len(), 1);
    assert_eq!(page.attrs("[data-add-action]", "href").len(), 1);
    assert_eq!(page.attrs("form[data-publish]", "action").len(), 1);
    // A milestone's and an action's own pages.
    let page = leader.get(&format!("/milestones/{first}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.attrs("[data-vision-link]", "href"),
        std::slice::from_ref(&path)
    );
    assert_eq!(
        page.attrs("[data-list='actions'] [data-action]", "data-action"),
        [f.action.to_string()]
    );
    let page = leader.get(&format!("/actions/{}", f.action)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.attrs("[data-thread]", "href"),
        [format!("/actions/{}/thread", f.action)]
    );
}

#[tokio::test]
async fn bad_input_comes_back_at_its_field_with_everything_kept() {
    let app = spawn_app();
    let f = fixture(&app).await;
    let leader = app.as_leader().await;
    let (first, second) = (f.milestones[0], f.milestones[1]);
    let new_milestone = format!("/visions/{}/milestones/new", f.vision);
    // A milestone after the vision's year.
    let late = leader
        .post(
            &new_milestone,
            &[
                ("year", "2051"),
                ("title", "För sent"),
                ("level", "regional"),
                ("kind", "policy"),
                ("actor", "Regionerna"),
            ],
        )
        .await;
    assert_eq!(late.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        late.field_error("year").as_deref(),
        Some("error-milestone-after-vision")
    );
    assert_eq!(input(&late, "year"), "2051");
    assert_eq!(input(&late, "title"), "För sent");
    assert_eq!(input(&late, "actor"), "Regionerna");
    // A dependency later than the milestone.
    let early = leader
        .post(
            &new_milestone,
            &[
                ("year", "2035"),
                ("title", "Före sitt beroende"),
                ("level", "regional"),
                ("kind", "policy"),
                ("depends_on", &second.to_string()),
            ],
        )
        .await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        early.field_error("depends_on").as_deref(),
        Some("error-milestone-dependency-later")
    );
    assert_eq!(ticked(&early, "depends_on"), [second.to_string()]);
    assert_eq!(input(&early, "title"), "Före sitt beroende");
    // A cycle: the first made to depend on the second, which depends on it.
    let edit = leader.get(&format!("/milestones/{first}/edit")).await;
    assert_eq!(edit.status, StatusCode::OK);
    let version = input(&edit, "version");
    let cycle = leader
        .post(
            &format!("/milestones/{first}/edit"),
            &[
                ("version", &version),
                ("year", "2040"),
                ("title", "I en cirkel"),
                ("level", "regional"),
                ("kind", "capability"),
                ("depends_on", &second.to_string()),
            ],
        )
        .await;
    assert_eq!(cycle.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        cycle.field_error("depends_on").as_deref(),
        Some("error-milestone-cycle")
    );
    assert_eq!(input(&cycle, "title"), "I en cirkel");
    assert_eq!(ticked(&cycle, "depends_on"), [second.to_string()]);
    // An action with no responsible organisation.
    let action = leader
        .post(
            &format!("/visions/{}/actions/new", f.vision),
            &[
                ("text", "Ingen ansvarar"),
                ("start", "next-year"),
                ("status", "proposed"),
                ("strategy", "RUS"),
                ("milestones", &first.to_string()),
            ],
        )
        .await;
    assert_eq!(action.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        action.field_error("organisation").as_deref(),
        Some("error-action-organisation")
    );
    assert_eq!(action.texts("#f-text"), ["Ingen ansvarar"]);
    assert_eq!(input(&action, "strategy"), "RUS");
    assert_eq!(ticked(&action, "milestones"), [first.to_string()]);
    // A scenario of another set.
    let edit = leader.get(&format!("/visions/{}/edit", f.vision)).await;
    assert_eq!(ticked(&edit, "scenarios").len(), 4);
    let version = input(&edit, "version");
    let elsewhere = leader
        .post(
            &format!("/visions/{}/edit", f.vision),
            &[
                ("version", &version),
                ("title", "Annan rubrik"),
                ("horizon", "2050"),
                ("statement", "Kvar"),
                ("scenarios", &f.scenarios[0].to_string()),
                ("scenarios", "987654"),
            ],
        )
        .await;
    assert_eq!(elsewhere.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        elsewhere.field_error("scenarios").as_deref(),
        Some("error-backcasting-scenario-elsewhere")
    );
    assert_eq!(input(&elsewhere, "title"), "Annan rubrik");
    assert_eq!(
        ticked(&elsewhere, "scenarios"),
        [f.scenarios[0].to_string(), "987654".to_string()]
    );
}

#[tokio::test]
async fn a_stale_save_shows_the_newer_version_and_keeps_what_was_typed() {
    let app = spawn_app();
    let f = fixture(&app).await;
    let leader = app.as_leader().await;
    let editor = app.as_editor().await;
    let first = f.milestones[0];
    let path = format!("/milestones/{first}/edit");
    let version = input(&leader.get(&path).await, "version");
    let fields = |title: &'static str| -> Vec<(&'static str, String)> {
        vec![
            ("version", version.clone()),
            ("year", "2030".to_string()),
            ("title", title.to_string()),
            ("level", "regional".to_string()),
            ("kind", "capability".to_string()),
        ]
    };
    let theirs = fields("Redaktörens rubrik");
    let theirs: Vec<(&str, &str)> = theirs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let saved = editor.post(&path, &theirs).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let mine = fields("Ledarens rubrik");
    let mine: Vec<(&str, &str)> = mine.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let stale = leader.post(&path, &mine).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert_eq!(stale.attrs("[data-stale]", "role"), ["alert"]);
    assert!(stale.texts("[data-newer]")[0].contains("Redaktörens rubrik"));
    assert_eq!(input(&stale, "title"), "Ledarens rubrik");
    assert_ne!(input(&stale, "version"), version);
    // Its history shows the editor's change.
    let history = leader.get(&format!("/milestones/{first}/history")).await;
    assert_eq!(history.status, StatusCode::OK);
    assert_eq!(history.attrs("tr[data-version]", "data-version").len(), 2);
    // The editor's form left the actor empty: that change is shown too.
    assert_eq!(
        history.attrs("li[data-field]", "data-field"),
        ["actor", "title"]
    );
}

#[tokio::test]
async fn an_organisation_adopts_the_shared_vision_and_goes_back_to_its_assignment() {
    let app = spawn_app();
    let f = fixture(&app).await;
    let strategist = app.as_strategist_a().await;
    let page = strategist.get(&format!("/visions/{}", f.vision)).await;
    assert_eq!(
        page.attrs("form[data-adopt] [name='organisation']", "value"),
        [f.world.org_a.to_string()]
    );
    let back = format!("/phases/{PHASE}/assignment#milestones-part");
    let adopted = strategist
        .post(
            &format!("/visions/{}/adopt", f.vision),
            &[
                ("organisation", &f.world.org_a.to_string()),
                ("next", &back),
            ],
        )
        .await;
    assert_eq!(adopted.status, StatusCode::SEE_OTHER, "{}", adopted.body);
    assert_eq!(adopted.location(), back);
    let overview = strategist.get("/backcasting").await;
    let own: Vec<String> = overview.attrs("tr[data-vision] [data-adopted]", "data-adopted");
    assert_eq!(own, [f.vision.to_string()]);
    assert!(overview.attrs("[data-new-own]", "href").is_empty());
    // Its own vision: adopted from the shared one, with a roadmap link.
    let own_id: i64 = overview
        .attrs("tr[data-vision]", "data-vision")
        .iter()
        .map(|v| v.parse().unwrap())
        .find(|v| *v != f.vision)
        .unwrap();
    let page = strategist.get(&format!("/visions/{own_id}")).await;
    assert_eq!(
        page.attrs("[data-adopted-from]", "href"),
        [format!("/visions/{}", f.vision)]
    );
    assert_eq!(
        page.attrs("[data-roadmap]", "href"),
        [format!("/organisations/{}/roadmap", f.world.org_a)]
    );
    // Adopting again is refused, and its `next` not followed.
    let again = strategist
        .post(
            &format!("/visions/{}/adopt", f.vision),
            &[
                ("organisation", &f.world.org_a.to_string()),
                ("next", "//evil.test"),
            ],
        )
        .await;
    assert_eq!(again.status, StatusCode::FORBIDDEN);
    // Another organisation's strategist never sees the draft.
    let other = app.as_strategist_b().await;
    assert_eq!(
        other.get(&format!("/visions/{own_id}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(
        !other
            .get("/backcasting")
            .await
            .attrs("tr[data-vision]", "data-vision")
            .contains(&own_id.to_string())
    );
}

#[tokio::test]
async fn visitors_see_a_vision_only_once_published() {
    let app = spawn_app();
    let f = fixture(&app).await;
    let path = format!("/visions/{}", f.vision);
    let visitor = app.visitor();
    assert_eq!(visitor.get(&path).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        visitor
            .get(&format!("/milestones/{}", f.milestones[0]))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let leader = app.as_leader().await;
    let published = leader
        .post(&format!("{path}/public"), &[("public", "true")])
        .await;
    assert_eq!(published.status, StatusCode::SEE_OTHER);
    let page = visitor.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.attrs("[data-state]", "data-state"), ["published"]);
    // No writing for visitors.
    assert!(page.attrs("[data-edit]", "href").is_empty());
    assert!(page.attrs("form[data-remove]", "action").is_empty());
    let overview = visitor.get("/backcasting").await;
    assert_eq!(
        overview.attrs("tr[data-vision]", "data-vision"),
        [f.vision.to_string()]
    );
    // Taken back, it is gone again.
    leader
        .post(&format!("{path}/public"), &[("public", "false")])
        .await;
    assert_eq!(visitor.get(&path).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn removing_keeps_the_history_and_refuses_a_vision_not_yet_empty() {
    let app = spawn_app();
    let f = fixture(&app).await;
    let leader = app.as_leader().await;
    let path = format!("/visions/{}", f.vision);
    let page = leader.get(&path).await;
    let version = page.attrs("article[data-vision]", "data-version")[0].clone();
    let refused = leader
        .post(&format!("{path}/remove"), &[("version", &version)])
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(
        refused.attrs("[data-refusal]", "data-refusal"),
        ["error-vision-not-empty"]
    );
    // The action goes; its history stays.
    let action = leader.get(&format!("/actions/{}", f.action)).await;
    let version = action.attrs("article[data-action]", "data-version")[0].clone();
    let removed = leader
        .post(
            &format!("/actions/{}/remove", f.action),
            &[("version", &version)],
        )
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert_eq!(removed.location(), path);
    assert_eq!(
        leader.get(&format!("/actions/{}", f.action)).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(
        leader
            .get(&path)
            .await
            .attrs("[data-list='actions'] [data-action]", "data-action")
            .is_empty()
    );
}

#[tokio::test]
async fn a_new_shared_vision_is_written_through_its_form() {
    let app = spawn_app();
    let f = fixture(&app).await;
    let leader = app.as_leader().await;
    let path = format!("/visions/new?phase={PHASE}");
    let form = leader.get(&path).await;
    assert_eq!(form.status, StatusCode::OK);
    assert_eq!(ticked(&form, "scenarios").len(), f.scenarios.len());
    let missing = leader
        .post(&path, &[("title", "Utan år"), ("statement", "Text")])
        .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        missing.field_error("horizon").as_deref(),
        Some("error-required")
    );
    assert_eq!(input(&missing, "title"), "Utan år");
    let made = leader
        .post(
            &path,
            &[
                ("title", "En andra vision"),
                ("horizon", "2045"),
                ("statement", "Text"),
                ("characteristics", "Ett\nTvå"),
                ("scenarios", &f.scenarios[1].to_string()),
            ],
        )
        .await;
    let id = id_after(&made, "/visions/");
    let page = leader.get(&format!("/visions/{id}")).await;
    assert_eq!(page.texts("[data-characteristics] li"), ["Ett", "Två"]);
    assert_eq!(
        page.attrs("[data-builds-on] a", "href"),
        [format!("/scenarios/{}", f.scenarios[1])]
    );
    // A strategist may not write a shared one.
    let strategist = app.as_strategist_a().await;
    assert_eq!(strategist.get(&path).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_one_search_finds_visions_milestones_and_actions_it_may_show() {
    let app = spawn_app();
    let f = fixture(&app).await;
    let leader = app.as_leader().await;
    let page = leader.get("/search?q=framsynsfunktion").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.attrs("[data-hit='milestone'] a", "href"),
        [format!("/milestones/{}", f.milestones[0])]
    );
    let page = app
        .as_strategist_b()
        .await
        .get("/search?q=framsynsråd")
        .await;
    assert_eq!(
        page.attrs("[data-hit='action'] a", "href"),
        [format!("/actions/{}", f.action)]
    );
    let page = leader.get("/search?q=livskraftiga").await;
    assert_eq!(
        page.attrs("[data-hit='vision'] a", "href"),
        [format!("/visions/{}", f.vision)]
    );
    // A visitor finds nothing of a draft.
    let page = app.visitor().get("/search?q=framsynsfunktion").await;
    assert!(page.attrs("[data-hit='milestone']", "data-hit").is_empty());
}

#[tokio::test]
async fn a_published_vision_is_on_its_phase_page_and_in_the_final_publication() {
    let app = spawn_app();
    let f = fixture(&app).await;
    let visitor = app.visitor();
    let phase_page = format!("/phases/{PHASE}");
    let page = visitor.get(&phase_page).await;
    assert!(
        page.attrs("[data-public-vision]", "data-public-vision")
            .is_empty()
    );
    let leader = app.as_leader().await;
    let published = leader
        .post(
            &format!("/visions/{}/public", f.vision),
            &[("public", "true")],
        )
        .await;
    assert_eq!(published.status, StatusCode::SEE_OTHER);
    let page = visitor.get(&phase_page).await;
    assert_eq!(page.status, StatusCode::OK);
    let vision = format!("[data-public-vision='{}']", f.vision);
    assert_eq!(page.attrs(&vision, "data-public-vision").len(), 1);
    // The visitor is led on to every published vision and to the threads.
    assert_eq!(
        page.attrs("[data-visions] [data-backcasting-link]", "href"),
        ["/backcasting"]
    );
    assert_eq!(
        page.attrs("[data-visions] [data-thread-overview]", "href"),
        ["/thread"]
    );
    assert_eq!(
        page.attrs(
            &format!("{vision} [data-public-milestones] li"),
            "data-milestone"
        ),
        f.milestones.iter().map(i64::to_string).collect::<Vec<_>>()
    );
    assert_eq!(
        page.attrs(&format!("{vision} [data-public-actions] li"), "data-action"),
        [f.action.to_string()]
    );
    let publication = visitor.get("/publication").await;
    assert_eq!(publication.status, StatusCode::OK);
    assert_eq!(
        publication.attrs(&format!("#phase-{PHASE} {vision}"), "data-public-vision"),
        [f.vision.to_string()]
    );
    assert_eq!(
        publication
            .attrs(&format!("a[href='#vision-{}']", f.vision), "href")
            .len(),
        1
    );
}
