//! The progress tracker's page: one compact cell per organisation and shown phase (a
//! word and the percentage, the details one click away), the active phase in front,
//! sorted by progress and filtered to the overdue, over the demo's 25 organisations.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use scraper::{ElementRef, Html, Selector};

use super::helpers::*;
use framsyn::domain::lang::Lang;
use framsyn::domain::progress::{Cell, Standing, name_key};

/// The demo signed in as its process leader.
async fn demo_leader() -> TestApp {
    let (mut app, demo) = spawn_demo("regionerna-2050");
    let password = demo.password.expect("the demo has a password");
    let response = app
        .post(
            "/login",
            &[
                ("email", "processledare@demo.test"),
                ("password", &password),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    app
}

/// The use case's figures, independent of the page: organisation id → cells in phase
/// order.
async fn figures(app: &TestApp) -> BTreeMap<i64, Vec<Cell>> {
    framsyn::app::progress::tracker(&app.db, &app.state.programme, None)
        .await
        .unwrap()
        .into_iter()
        .map(|(o, cells)| (o.id, cells))
        .collect()
}

async fn active_slug(app: &TestApp) -> String {
    framsyn::app::phases::active(&app.db, &app.state.programme)
        .await
        .unwrap()
        .slug
        .expect("the demo runs in a phase")
}

fn select<'a>(html: &'a Html, selector: &str) -> Vec<ElementRef<'a>> {
    html.select(&Selector::parse(selector).unwrap()).collect()
}

fn within<'a>(element: ElementRef<'a>, selector: &str) -> Vec<ElementRef<'a>> {
    element
        .select(&Selector::parse(selector).unwrap())
        .collect()
}

fn attr(element: &ElementRef, name: &str) -> Option<String> {
    element.value().attr(name).map(str::to_string)
}

/// The front phase's percentage of each row, top to bottom, with the row's organisation.
fn front_percents(page: &TestResponse) -> Vec<(i64, Option<u32>)> {
    let html = page.html();
    select(&html, "tbody tr")
        .into_iter()
        .map(|tr| {
            let td = within(tr, "td[data-phase]")[0];
            (
                attr(&tr, "data-organisation").unwrap().parse().unwrap(),
                attr(&td, "data-percent").map(|p| p.parse().unwrap()),
            )
        })
        .collect()
}

#[tokio::test]
async fn every_cell_carries_the_figures_with_the_active_phase_first() {
    let mut app = demo_leader().await;
    let figures = figures(&app).await;
    let active = active_slug(&app).await;
    let phases = app.state.programme.phases.clone();
    assert!(figures.len() >= 20, "the demo's member organisations");

    for (path, shown) in [("/progress", 1), ("/progress?phases=all", phases.len())] {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        let html = page.html();
        // The columns: the active phase first, then the others in phase order.
        let columns: Vec<String> = select(&html, "thead th[data-phase]")
            .iter()
            .map(|th| attr(th, "data-phase").unwrap())
            .collect();
        let mut expected = vec![active.clone()];
        expected.extend(
            phases
                .iter()
                .map(|p| p.slug.clone())
                .filter(|s| *s != active),
        );
        expected.truncate(shown);
        assert_eq!(columns, expected, "{path}");
        assert_eq!(
            select(&html, "thead th[data-phase] [data-active-phase]").len(),
            1,
            "{path}: the active phase is marked"
        );

        let rows = select(&html, "tbody tr[data-organisation]");
        assert_eq!(rows.len(), figures.len(), "{path}: a row per organisation");
        for tr in rows {
            let org: i64 = attr(&tr, "data-organisation").unwrap().parse().unwrap();
            let cells = within(tr, "td[data-phase]");
            assert_eq!(cells.len(), shown, "{path}: one cell per shown phase");
            for (td, slug) in cells.iter().zip(&columns) {
                assert_eq!(attr(td, "data-org"), Some(org.to_string()));
                assert_eq!(attr(td, "data-phase").as_ref(), Some(slug));
                let i = phases.iter().position(|p| &p.slug == slug).unwrap();
                let cell = &figures[&org][i];
                assert_eq!(
                    attr(td, "data-percent"),
                    cell.percent.map(|p| p.to_string()),
                    "{path}: {org} in {slug}"
                );
                assert_eq!(
                    attr(td, "data-state").as_deref(),
                    Some(Standing::of(cell).key()),
                    "{path}: {org} in {slug}"
                );
                assert_eq!(attr(td, "data-overdue").is_some(), cell.overdue);
                assert_eq!(attr(td, "data-late").is_some(), cell.late);
            }
            // The default view sums up the other phases in one cell, in phase order.
            if shown == 1 {
                let others: Vec<(String, Option<String>)> = within(tr, "td.tracker-others li")
                    .iter()
                    .map(|li| (attr(li, "data-phase").unwrap(), attr(li, "data-state")))
                    .collect();
                let expected: Vec<(String, Option<String>)> = phases
                    .iter()
                    .zip(&figures[&org])
                    .filter(|(p, _)| p.slug != active)
                    .map(|(p, c)| (p.slug.clone(), Some(Standing::of(c).key().to_string())))
                    .collect();
                assert_eq!(others, expected, "{org}");
            }
        }
    }
}

#[tokio::test]
async fn rows_sort_by_the_active_phase_progress_and_the_form_keeps_the_choice() {
    let mut app = demo_leader().await;
    let figures = figures(&app).await;
    let active = active_slug(&app).await;
    let i = app
        .state
        .programme
        .phases
        .iter()
        .position(|p| p.slug == active)
        .unwrap();
    let percent = |org: i64| figures[&org][i].percent;
    let distinct: std::collections::BTreeSet<_> = figures.keys().map(|o| percent(*o)).collect();
    assert!(
        distinct.len() >= 3,
        "the demo's progress varies: {distinct:?}"
    );

    let ascending = app.get("/progress?sort=progress").await;
    let rows = front_percents(&ascending);
    assert_eq!(rows.len(), figures.len(), "every organisation, reordered");
    for (org, shown) in &rows {
        assert_eq!(*shown, percent(*org), "the percentage is the figure's");
    }
    let values: Vec<u32> = rows.iter().filter_map(|r| r.1).collect();
    assert!(values.windows(2).all(|w| w[0] <= w[1]), "{values:?}");
    assert_eq!(
        ascending.attrs("#f-sort option[selected]", "value"),
        ["progress"]
    );
    assert_eq!(
        ascending.attrs("thead th[aria-sort]", "data-phase"),
        [active]
    );
    assert_eq!(
        ascending.attrs("thead th[aria-sort]", "aria-sort"),
        ["ascending"]
    );

    let descending = app.get("/progress?sort=progress-desc").await;
    let values: Vec<u32> = front_percents(&descending)
        .iter()
        .filter_map(|r| r.1)
        .collect();
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
    assert_eq!(
        descending.attrs("thead th[aria-sort]", "aria-sort"),
        ["descending"]
    );
    // Sorting keeps the view: every phase stays a column.
    let all = app.get("/progress?sort=progress&phases=all").await;
    assert_eq!(front_percents(&all), rows);
    assert_eq!(all.attrs("form input[name=phases]", "value"), ["all"]);

    // By default, by name in the programme's alphabet.
    let by_name = app.get("/progress").await;
    let names = by_name.texts("tbody th[scope=row]");
    assert_eq!(names.len(), figures.len());
    assert_eq!(by_name.attrs("#f-sort option[selected]", "value"), ["name"]);
    assert_eq!(
        by_name.attrs("thead th[aria-sort]", "aria-sort"),
        ["ascending"]
    );
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| name_key(n, Lang::Sv));
    assert_eq!(names, sorted);
}

#[tokio::test]
async fn overdue_only_shows_every_overdue_organisation_and_no_other() {
    let mut app = demo_leader().await;
    let figures = figures(&app).await;
    let overdue: Vec<String> = figures
        .iter()
        .filter(|(_, cells)| cells.iter().any(|c| c.overdue))
        .map(|(org, _)| org.to_string())
        .collect();
    assert!(!overdue.is_empty(), "the demo has organisations behind");
    assert!(overdue.len() < figures.len(), "and some on time");

    let page = app.get("/progress?overdue=1").await;
    let mut shown = page.attrs("tbody tr[data-organisation]", "data-organisation");
    shown.sort();
    let mut expected = overdue.clone();
    expected.sort();
    assert_eq!(shown, expected);
    assert_eq!(page.attrs("#f-overdue[checked]", "value"), ["1"]);
    assert_eq!(
        page.attrs("[data-overdue-count]", "data-overdue-count"),
        [overdue.len().to_string()]
    );
    // The filter is kept when switching to every phase.
    let toggle = page.attrs("a[data-phases-toggle=all]", "href");
    assert_eq!(toggle.len(), 1);
    let all = app.get(&toggle[0]).await;
    assert_eq!(
        all.attrs("tbody tr[data-organisation]", "data-organisation")
            .len(),
        overdue.len()
    );
    assert_eq!(all.attrs("table[data-view]", "data-view"), ["all"]);

    // Without the filter, all of them.
    let page = app.get("/progress").await;
    assert!(page.attrs("#f-overdue[checked]", "value").is_empty());
    assert_eq!(
        page.attrs("tbody tr[data-organisation]", "data-organisation")
            .len(),
        figures.len()
    );
}

#[tokio::test]
async fn each_cell_is_a_word_and_a_percentage_with_its_details_one_click_away() {
    let mut app = demo_leader().await;
    let figures = figures(&app).await;
    let phases = app.state.programme.phases.clone();
    for path in ["/progress", "/progress?phases=all"] {
        let page = app.get(path).await;
        let html = page.html();
        let cells = select(&html, "tbody td[data-phase]");
        assert!(!cells.is_empty());
        for td in cells {
            let org: i64 = attr(&td, "data-org").unwrap().parse().unwrap();
            let slug = attr(&td, "data-phase").unwrap();
            let i = phases.iter().position(|p| p.slug == slug).unwrap();
            let cell = &figures[&org][i];
            // Details: a disclosure per cell, closed, holding the parts and their states.
            let details = within(td, "details");
            assert_eq!(details.len(), 1, "{path}: {org} in {slug}");
            assert!(attr(&details[0], "open").is_none());
            let states: Vec<String> = within(details[0], "li[data-state]")
                .iter()
                .map(|li| attr(li, "data-state").unwrap())
                .collect();
            let expected: Vec<String> = cell.items.iter().map(|i| i.state.clone()).collect();
            assert_eq!(states, expected);
            // What shows while closed: the summary, a few words (symbol, word, percent).
            let summary = within(details[0], "summary");
            assert_eq!(summary.len(), 1);
            let text: String = summary[0].text().collect();
            let words = text.split_whitespace().count();
            assert!(words <= 4, "{path}: {text:?} is not short");
            assert_eq!(
                within(summary[0], ".ds-tag[data-standing]").len(),
                1,
                "the state is a word in a tag"
            );
            if let Some(p) = cell.percent {
                assert!(text.contains(&format!("{p} %")), "{text:?}");
            }
            // Nothing outside the disclosure but whitespace.
            let outside: String = td
                .children()
                .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
                .collect();
            assert!(outside.trim().is_empty(), "{outside:?}");
        }
        // No sentence about the parts is shown outside the closed details.
        let overdue_sentence = framsyn::render::i18n::text(Lang::Sv, "progress-event-none");
        let visible: String = select(&html, "main")[0]
            .descendants()
            .filter_map(|n| {
                let text = n.value().as_text()?;
                let inside_details = n
                    .ancestors()
                    .filter_map(ElementRef::wrap)
                    .any(|e| e.value().name() == "details");
                (!inside_details).then(|| text.to_string())
            })
            .collect();
        assert!(!visible.contains(&overdue_sentence), "{path}");
    }
}

#[tokio::test]
async fn a_strategist_may_not_see_the_tracker_and_a_leader_sees_it_in_english() {
    let app = spawn_app();
    world(&app);
    let leader = app.as_leader().await;
    leader.set_lang("en");
    let page = leader.get("/progress").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.texts("label[for=f-overdue]"),
        ["Only organisations with something overdue"]
    );
    let strategist = app.as_strategist_a().await;
    assert_eq!(
        strategist.get("/progress").await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_active_phase_form_and_its_log_follow_the_design_system() {
    let app = spawn_app();
    world(&app);
    let leader = app.as_leader().await;
    leader
        .post(
            "/active-phase",
            &[("phase", "omvarlden"), ("reason", "Workshoppen flyttades")],
        )
        .await;
    let page = leader.get("/active-phase").await;
    assert_eq!(page.attrs(".ds-field select.ds-input", "id"), ["f-phase"]);
    assert_eq!(
        page.attrs(".ds-field textarea.ds-input", "id"),
        ["f-reason"]
    );
    assert_eq!(
        page.attrs("main form button.ds-button", "data-variant"),
        ["primary"]
    );
    assert_eq!(
        page.attrs(".table-scroll[role=region] > table.ds-table", "class")
            .len(),
        1
    );
    assert_eq!(
        page.attrs(".status-line.ds-alert", "data-color"),
        ["warning"]
    );
    let refused = leader
        .post("/active-phase", &[("phase", "fas-99"), ("reason", "")])
        .await;
    assert_eq!(
        refused.attrs(".ds-field .ds-validation-message", "data-error"),
        ["error-unknown-phase"]
    );
}
