//! The workspace's face: the navigation each role gets (a group × link table per role,
//! every link of it open to that role), the design system's style sheet served and
//! linked, and the templates' buttons in the design system's classes.

use axum::http::StatusCode;
use scraper::Selector;

use super::helpers::*;

/// The navigation of a page as lines `group: href=label href=label …`, in order.
fn menu(page: &TestResponse) -> String {
    let html = page.html();
    let item = Selector::parse("nav.main-nav ul.nav-top > li").unwrap();
    let link = Selector::parse("a[data-nav]").unwrap();
    let mut lines = Vec::new();
    let mut public = Vec::new();
    for li in html.select(&item) {
        let links: Vec<String> = li
            .select(&link)
            .map(|a| {
                format!(
                    "{}={}",
                    a.value().attr("href").unwrap(),
                    a.value().attr("data-nav").unwrap()
                )
            })
            .collect();
        match li.value().attr("data-nav-group") {
            Some(group) => lines.push(format!("{group}: {}", links.join(" "))),
            None => public.extend(links),
        }
    }
    if !public.is_empty() {
        lines.insert(0, format!("public: {}", public.join(" ")));
    }
    lines.join("\n")
}

const COMMON: &str = "start: /start=nav-start
programme: /=nav-programme{LEAD_PHASE} /search=nav-search
calendar: /calendar=nav-calendar /my-events=nav-my-events
bank: /bank=nav-bank /sources=nav-sources /methods=nav-methods
analysis: /rounds=nav-rounds /scenarios=scenarios-nav /consequences=cqh-nav /backcasting=bc-nav
assignments: /assignments={ASSIGNMENT} /organisations=nav-organisations /address-list=nav-address-list";

fn expected(lead: bool, assignment: &str, rest: &str) -> String {
    let common = COMMON
        .replace(
            "{LEAD_PHASE}",
            if lead {
                " /active-phase=nav-active-phase"
            } else {
                ""
            },
        )
        .replace("{ASSIGNMENT}", assignment);
    format!("{common}\n{rest}")
}

#[tokio::test]
async fn each_role_sees_exactly_its_groups_and_links() {
    let app = spawn_app();
    world(&app);
    let publications = "/publications=nav-publications /publication=nav-final-publication";
    let cases = [
        (
            None,
            "public: /=nav-programme /calendar=nav-calendar /bank=nav-bank /methods=nav-methods /scenarios=scenarios-nav \
             /consequences=cqh-nav /publications=nav-publications /input=nav-input /search=nav-search"
                .to_string(),
        ),
        (
            Some(STRATEGIST_A),
            expected(
                false,
                "nav-assignment",
                &format!("publishing: {publications} /input=nav-input"),
            ),
        ),
        (
            Some(LEADER),
            expected(
                true,
                "nav-submissions",
                &format!(
                    "progress: /progress=nav-progress /admin/messages=nav-announcements\n\
                     publishing: {publications} /admin/input=nav-input-queue /input=nav-input"
                ),
            ),
        ),
        (
            Some(EDITOR),
            expected(
                false,
                "nav-submissions",
                &format!(
                    "publishing: {publications} /editorial=nav-editorial \
                     /editorial/images=nav-images /admin/input=nav-input-queue /input=nav-input"
                ),
            ),
        ),
        (
            Some(ADMIN),
            expected(
                true,
                "nav-submissions",
                &format!(
                    "progress: /progress=nav-progress /admin/messages=nav-announcements\n\
                     publishing: {publications} /editorial=nav-editorial \
                     /editorial/images=nav-images /admin/input=nav-input-queue /input=nav-input\n\
                     admin: /admin/users=nav-users /admin/audit=nav-audit /admin/outbox=nav-outbox"
                ),
            ),
        ),
    ];
    for (who, want) in cases {
        let client = app.as_anyone(who).await;
        let home = client.get("/").await;
        assert_eq!(home.status, StatusCode::OK);
        let got = menu(&home);
        assert_eq!(got, want, "the menu of {who:?}");
        // Every link of one's menu leads somewhere one may go.
        for href in home.attrs("nav.main-nav a[data-nav]", "href") {
            let mut page = client.get(&href).await;
            for _ in 0..3 {
                if page.status != StatusCode::SEE_OTHER {
                    break;
                }
                let next = page.location().to_string();
                assert!(
                    !next.starts_with("/login"),
                    "{who:?}: {href} asks to sign in"
                );
                page = client.get(&next).await;
            }
            assert_eq!(page.status, StatusCode::OK, "{who:?}: {href}");
        }
    }
}

#[tokio::test]
async fn the_page_marks_its_link_and_its_group() {
    let app = spawn_app();
    world(&app);
    let leader = app.as_leader().await;
    for (path, group, href) in [
        ("/sources", "bank", "/sources"),
        ("/admin/input", "publishing", "/admin/input"),
        (
            "/phases/omvarlden/submissions",
            "assignments",
            "/assignments",
        ),
        ("/phases/omvarlden", "programme", "/"),
    ] {
        let page = leader.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert_eq!(
            page.attrs("nav.main-nav a[aria-current=page]", "href"),
            [href],
            "{path}"
        );
        assert_eq!(
            page.attrs("nav.main-nav li[data-current]", "data-nav-group"),
            [group],
            "{path}"
        );
    }
    // A page of no area of the menu marks none.
    let page = leader.get("/login").await;
    assert!(page.attrs("nav.main-nav [aria-current]", "href").is_empty());
}

#[tokio::test]
async fn the_menu_folds_into_one_disclosure_with_the_language_and_account_inside() {
    let app = spawn_app();
    world(&app);
    for who in [None, Some(STRATEGIST_A)] {
        let page = app.as_anyone(who).await.get("/calendar").await;
        let inside = |selector: &str| {
            page.html()
                .select(&Selector::parse(selector).unwrap())
                .count()
        };
        assert_eq!(inside("header details.nav-menu > summary"), 1, "{who:?}");
        assert_eq!(inside("details.nav-menu nav.main-nav"), 1, "{who:?}");
        assert_eq!(inside("details.nav-menu form.language-switch select"), 1);
        assert_eq!(inside("details.nav-menu .account"), 1);
        // The groups are disclosures of one accordion: opening one closes the others.
        let names = page.attrs("nav.main-nav details.nav-group", "name");
        assert!(names.iter().all(|n| n == "nav-group"), "{names:?}");
        assert_eq!(names.is_empty(), who.is_none(), "{who:?}");
        // The site's name still leads home.
        assert_eq!(page.attrs("header .site-name a", "href"), ["/"]);
    }
    let member = app.as_strategist_a().await.get("/").await;
    assert_eq!(member.texts(".account .signed-in[data-user]").len(), 1);
}

#[tokio::test]
async fn assignments_lead_to_the_active_phases_home_assignment() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let found = strategist.get("/assignments").await;
    assert_eq!(found.status, StatusCode::SEE_OTHER);
    let target = found.location().to_string();
    assert!(
        target.starts_with("/phases/") && target.ends_with("/assignment"),
        "{target}"
    );
    assert_eq!(strategist.get(&target).await.status, StatusCode::OK);
    let visitor = app.visitor().get("/assignments").await;
    assert_eq!(visitor.status, StatusCode::SEE_OTHER);
    assert!(visitor.location().starts_with("/login"));
}

#[tokio::test]
async fn the_design_system_is_served_with_its_tag_and_linked_before_the_own_sheet() {
    let mut app = spawn_app();
    let css = app.get("/assets/designsystemet.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(
        css.headers.get("content-type").unwrap(),
        "text/css; charset=utf-8"
    );
    assert!(css.body.contains(".ds-button"), "the buttons' component");
    assert!(css.body.contains("--ds-color-accent-base-default: #0b4f8a"));
    let tag = css
        .headers
        .get("etag")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let again = app
        .request(
            axum::http::Request::get("/assets/designsystemet.css")
                .header("if-none-match", &tag)
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    // Its sources and update script are not public.
    for path in [
        "/assets/designsystemet/update",
        "/assets/designsystemet/designsystemet.config.json",
    ] {
        assert_eq!(app.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    let home = app.get("/").await;
    assert_eq!(
        home.attrs("head link[rel=stylesheet]:not([media])", "href"),
        ["/assets/designsystemet.css", "/assets/framsyn.css"]
    );
}

/// Every block of the workspace's style sheet closes: an at-rule left open swallows the
/// rules after it (a section meant for the screen would apply only in print).
#[tokio::test]
async fn the_style_sheets_blocks_all_close() {
    let mut app = spawn_app();
    let css = app.get("/assets/framsyn.css").await.body;
    // Comments and strings may hold braces; neither is a block.
    let mut depth: i64 = 0;
    let mut chars = css.chars().peekable();
    let mut line = 1;
    while let Some(c) = chars.next() {
        match c {
            '\n' => line += 1,
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if c == '\n' {
                        line += 1;
                    }
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            '"' | '\'' => {
                for d in chars.by_ref() {
                    if d == c {
                        break;
                    }
                }
            }
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                assert!(depth >= 0, "a block closes that never opened, line {line}");
            }
            _ => {}
        }
    }
    assert_eq!(depth, 0, "{depth} blocks of the style sheet never close");
}

/// Templates whose pages colleagues convert on their own schedule.
const CONVERTED_ELSEWHERE: &[&str] = &[
    "home.html",
    "note_form.html",
    "round_form.html",
    "assignment.html",
    "note.html",
    "note_confirm.html",
    "source.html",
    "source_form.html",
    "round.html",
    "round_note.html",
    "rounds.html",
    "round_edit.html",
    "round_org_filter.html",
    "charts.html",
    "heatmap.html",
    "round_radar.html",
    "round_drivers.html",
    "round_results.html",
    "progress.html",
    "active_phase.html",
];

#[test]
fn every_button_and_button_link_is_a_design_system_button() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut bare = Vec::new();
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if CONVERTED_ELSEWHERE.contains(&name.as_str()) || name.starts_with("start") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (i, piece) in text.split("<button").enumerate().skip(1) {
            seen += 1;
            let tag = piece.split('>').next().unwrap_or_default();
            if !tag.contains("class=\"ds-button") || !tag.contains("data-variant=") {
                bare.push(format!("{name} (button {i})"));
            }
        }
        // A link that acts as a button is one too.
        if text.contains("class=\"button") {
            bare.push(format!("{name} (a link styled the old way)"));
        }
    }
    assert!(seen > 40, "the templates have their buttons: {seen}");
    assert!(
        bare.is_empty(),
        "buttons outside the design system: {bare:?}"
    );
}
