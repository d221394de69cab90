//! Access by role and by organisation, checked at the boundary: a route × role matrix,
//! and a strategist of one organisation unable to change another's data.

use axum::http::StatusCode;

use super::helpers::*;
use framsyn::storage::{organisations, sources};

/// What each kind of visitor gets from each page: 200, 403 or a redirect to sign in.
#[tokio::test]
async fn route_by_role_matrix() {
    let app = spawn_app();
    let w = world(&app);
    let own = format!("/organisations/{}/edit", w.org_a);
    let other = format!("/organisations/{}/edit", w.org_b);
    let admin_user = "/admin/users/1";
    let (own_source, other_source) = sources_of_both(&app, &w);
    let source = format!("/sources/{other_source}");
    let own_source_edit = format!("/sources/{own_source}/edit");
    let other_source_edit = format!("/sources/{other_source}/edit");
    let draft_set = format!("/scenario-sets/{}", draft_scenario_set(&app));
    // Each route with the name the table shows it by (ids vary, names do not).
    let routes: [(&str, &str, &str); 39] = [
        ("/", "/", "public"),
        ("/phases/scenarier", "/phases/scenarier", "public"),
        ("/organisations", "/organisations", "member"),
        ("/address-list", "/address-list", "member"),
        ("/address-list.csv", "/address-list.csv", "member"),
        (&own, "/organisations/A/edit", "own-org"),
        (&other, "/organisations/B/edit", "other-org"),
        ("/organisations/new", "/organisations/new", "admin"),
        ("/active-phase", "/active-phase", "leader"),
        ("/admin/users", "/admin/users", "admin"),
        ("/admin/audit", "/admin/audit", "admin"),
        ("/admin/outbox", "/admin/outbox", "admin"),
        ("/admin/messages", "/admin/messages", "leader"),
        ("/account/messages", "/account/messages", "member"),
        ("/sources", "/sources", "member"),
        ("/sources/new", "/sources/new", "member"),
        (&source, "/sources/of-B", "member-hidden"),
        (&own_source_edit, "/sources/of-A/edit", "own-source"),
        (&other_source_edit, "/sources/of-B/edit", "other-source"),
        ("/rounds", "/rounds", "member"),
        ("/rounds/new", "/rounds/new", "leader"),
        ("/bank/import", "/bank/import", "member"),
        ("/search?q=trend", "/search", "public"),
        ("/progress", "/progress", "leader"),
        (
            "/phases/omvarlden/submissions",
            "/phases/omvarlden/submissions",
            "reader",
        ),
        (
            "/phases/omvarlden/heatmap",
            "/phases/omvarlden/heatmap",
            "reader",
        ),
        (
            "/phases/omvarlden/assignment",
            "/phases/omvarlden/assignment",
            "assignment",
        ),
        ("/editorial", "/editorial", "editor"),
        ("/editorial/new", "/editorial/new", "editor"),
        ("/admin/input", "/admin/input", "reader"),
        ("/publications", "/publications", "public"),
        ("/publication", "/publication", "public"),
        ("/publication.pdf", "/publication.pdf", "report-missing"),
        (
            "/publication/preview.pdf",
            "/publication/preview.pdf",
            "report-preview",
        ),
        ("/input", "/input", "public"),
        ("/scenarios", "/scenarios", "public"),
        (
            "/scenario-sets/new",
            "/scenario-sets/new",
            "scenario-writer",
        ),
        (&draft_set, "/scenario-sets/of-draft", "scenario-draft"),
        ("/thread", "/thread", "public"),
    ];
    let _ = admin_user;
    let visitors = [
        None,
        Some(STRATEGIST_A),
        Some(EDITOR),
        Some(LEADER),
        Some(ADMIN),
    ];
    let mut table = String::new();
    for visitor in visitors {
        let client = app.as_anyone(visitor).await;
        for (path, name, _) in &routes {
            let status = client.get(path).await.status;
            table.push_str(&format!(
                "{:<28} {:<32} {}\n",
                visitor.unwrap_or("anonymous"),
                name,
                status.as_u16()
            ));
        }
    }
    insta::assert_snapshot!("route_role_matrix", table);
    // The same facts, spelled out for the reader of this test.
    let expect = |visitor: Option<&str>, kind: &str| -> u16 {
        match (visitor, kind) {
            (_, "public") => 200,
            // Process leaders and editors read the submissions; strategists write their
            // own, and the readers are sent on to the submissions.
            (Some(EDITOR | LEADER | ADMIN), "reader") => 200,
            (Some(EDITOR | ADMIN), "editor") => 200,
            (Some(STRATEGIST_A), "assignment") => 200,
            (Some(EDITOR | LEADER | ADMIN), "assignment") => 303,
            // Scenario sets are written by process leaders and editors; a draft is
            // not there for anyone else.
            (Some(EDITOR | LEADER | ADMIN), "scenario-writer" | "scenario-draft") => 200,
            (None | Some(STRATEGIST_A), "scenario-draft") => 404,
            // The report before its first edition is not there, for anyone; its
            // preview is for the editorial team and the process leaders.
            (_, "report-missing") => 404,
            (Some(EDITOR | LEADER | ADMIN), "report-preview") => 200,
            // Sources are not there for visitors at all.
            (None, "member-hidden" | "own-source" | "other-source") => 404,
            (None, _) => 303,
            (_, "member-hidden") => 200,
            (Some(STRATEGIST_A), "own-source") => 200,
            (Some(EDITOR | LEADER | ADMIN), "own-source" | "other-source") => 200,
            (_, "member") => 200,
            (Some(STRATEGIST_A), "own-org") => 200,
            (Some(LEADER) | Some(ADMIN), "own-org" | "other-org") => 200,
            (Some(LEADER) | Some(ADMIN), "leader") => 200,
            (Some(ADMIN), "admin") => 200,
            _ => 403,
        }
    };
    for line in table.lines() {
        let parts: Vec<_> = line.split_whitespace().collect();
        let visitor = if parts[0] == "anonymous" {
            None
        } else {
            Some(parts[0])
        };
        let kind = routes
            .iter()
            .find(|(_, name, _)| *name == parts[1])
            .map(|(_, _, k)| *k)
            .unwrap();
        assert_eq!(
            parts[2].parse::<u16>().unwrap(),
            expect(visitor, kind),
            "{line}"
        );
    }
}

/// A draft scenario set (of the method without axes), straight into storage.
fn draft_scenario_set(app: &TestApp) -> i64 {
    use framsyn::domain::scenario::{Method, ValidSet};
    let set = ValidSet {
        title: "Utkastet".into(),
        phase: "scenarier".into(),
        focal_question: "Hur ser regionerna ut?".into(),
        horizon: 2050,
        method: Method::Other,
        axes: Vec::new(),
        predetermined: Vec::new(),
    };
    let by = app
        .db
        .read_blocking(|c| framsyn::storage::users::find_by_email(c, LEADER))
        .unwrap()
        .unwrap();
    app.db
        .write_blocking(move |tx| framsyn::storage::scenarios::insert_set(tx, &set, None, by))
        .unwrap()
}

/// A note of strategist A's organisation, submitted (so every member sees it).
fn submitted_note_of_a(app: &TestApp, w: &World) -> i64 {
    use framsyn::domain::bank::{NoteForm, NoteStatus};
    let org_a = w.org_a;
    let author = app
        .db
        .read_blocking(|c| framsyn::storage::users::find_by_email(c, STRATEGIST_A))
        .unwrap()
        .unwrap();
    let note = NoteForm {
        note_type: "trend".into(),
        title: "Skånes trend".into(),
        category: "social".into(),
        ..Default::default()
    }
    .validate(&[])
    .unwrap();
    app.db
        .write_blocking(move |tx| {
            framsyn::storage::bank::insert(tx, &note, NoteStatus::Submitted, org_a, author)
        })
        .unwrap()
}

/// A source added by strategist A's organisation and one added by strategist B's.
fn sources_of_both(app: &TestApp, w: &World) -> (i64, i64) {
    use framsyn::domain::source::SourceForm;
    let (org_a, org_b) = (w.org_a, w.org_b);
    let author = |email: &'static str| {
        app.db
            .read_blocking(move |c| framsyn::storage::users::find_by_email(c, email))
            .unwrap()
            .unwrap()
    };
    let (a, b) = (author(STRATEGIST_A), author(STRATEGIST_B));
    app.db
        .write_blocking(move |tx| {
            let source = |title: &str| {
                SourceForm {
                    kind: "report".into(),
                    title: title.into(),
                    ..Default::default()
                }
                .validate()
                .unwrap()
            };
            let own = sources::insert(tx, &source("Skånes rapport"), org_a, a)?;
            let other = sources::insert(tx, &source("Norrbottens rapport"), org_b, b)?;
            Ok((own, other))
        })
        .unwrap()
}

#[tokio::test]
async fn a_strategist_cannot_change_another_organisations_data() {
    let app = spawn_app();
    let w = world(&app);
    let strategist = app.as_strategist_a().await;
    let before = app
        .db
        .read_blocking(move |c| organisations::get(c, w.org_b))
        .unwrap()
        .unwrap();
    let response = strategist
        .post(
            &format!("/organisations/{}/edit", w.org_b),
            &[
                ("name", "Kapad"),
                ("category", "partner"),
                ("contact_name", "Inkräktare"),
                ("city", "Nowhere"),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    assert_eq!(
        response.attrs("h1", "data-status"),
        ["403"],
        "the refusal page"
    );
    let after = app
        .db
        .read_blocking(move |c| organisations::get(c, w.org_b))
        .unwrap()
        .unwrap();
    assert_eq!(
        format!("{before:?}"),
        format!("{after:?}"),
        "the row is unchanged"
    );
}

#[tokio::test]
async fn a_strategist_edits_their_own_contact_details_but_not_name_or_category() {
    let app = spawn_app();
    let w = world(&app);
    let strategist = app.as_strategist_a().await;
    let response = strategist
        .post(
            &format!("/organisations/{}/edit", w.org_a),
            &[
                ("name", "Region Malmö"),
                ("category", "partner"),
                ("contact_name", "Sara Strand"),
                ("address", "Dockplatsen 26"),
                ("postcode", "205 20"),
                ("city", "Malmö"),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    let org = app
        .db
        .read_blocking(move |c| organisations::get(c, w.org_a))
        .unwrap()
        .unwrap();
    assert_eq!(org.name, "Region Skåne");
    assert_eq!(org.category.key(), "metropolitan_region");
    assert_eq!(org.contact_name.as_deref(), Some("Sara Strand"));
    assert_eq!(org.city.as_deref(), Some("Malmö"));
}

#[tokio::test]
async fn only_administrators_manage_people() {
    let app = spawn_app();
    let w = world(&app);
    let org = w.org_a.to_string();
    for email in [STRATEGIST_A, EDITOR, LEADER] {
        let person = app.as_user(email).await;
        let response = person
            .post(
                "/admin/users/new",
                &[
                    ("name", "X"),
                    ("email", "x@region.test"),
                    ("organisation_id", &org),
                    ("roles", "administrator"),
                ],
            )
            .await;
        assert_eq!(response.status, StatusCode::FORBIDDEN, "{email}");
    }
    let none = app
        .db
        .read_blocking(|c| framsyn::storage::users::find_by_email(c, "x@region.test"))
        .unwrap();
    assert!(none.is_none());
}

#[tokio::test]
async fn role_changes_are_audited_and_the_last_administrator_stays() {
    let app = spawn_app();
    let w = world(&app);
    let admin = app.as_admin().await;
    let strategist = app.as_strategist_b().await.id;
    let org = w.org_b.to_string();
    let promoted = admin
        .post(
            &format!("/admin/users/{strategist}"),
            &[
                ("name", "Testa Testsson"),
                ("email", STRATEGIST_B),
                ("organisation_id", &org),
                ("roles", "strategist"),
                ("roles", "process_leader"),
                ("active", "1"),
            ],
        )
        .await;
    assert_eq!(promoted.status, StatusCode::SEE_OTHER, "{}", promoted.body);
    let audit = admin.get("/admin/audit").await;
    audit.assert_contains("user.roles");
    audit.assert_contains("strategist -&gt; process_leader,strategist");

    let office = w.office.to_string();
    let demoted = admin
        .post(
            &format!("/admin/users/{}", admin.id),
            &[
                ("name", "Testa Testsson"),
                ("email", ADMIN),
                ("organisation_id", &office),
                ("roles", "editor"),
                ("active", "1"),
            ],
        )
        .await;
    assert_eq!(demoted.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        demoted.attrs("#f-roles-error", "data-error"),
        ["error-last-administrator"]
    );
    assert_eq!(
        demoted.attrs("input[name=roles][checked]", "value"),
        ["editor"],
        "the form keeps what was sent"
    );
}

#[tokio::test]
async fn a_deactivated_person_is_signed_out_and_cannot_sign_in() {
    let app = spawn_app();
    let w = world(&app);
    let strategist = app.as_strategist_a().await;
    let admin = app.as_admin().await;
    let org = w.org_a.to_string();
    let response = admin
        .post(
            &format!("/admin/users/{}", strategist.id),
            &[
                ("name", "Testa Testsson"),
                ("email", STRATEGIST_A),
                ("organisation_id", &org),
                ("roles", "strategist"),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    assert_eq!(
        strategist.get("/organisations").await.status,
        StatusCode::SEE_OTHER
    );
    let again = strategist
        .post("/login", &[("email", STRATEGIST_A), ("password", PASSWORD)])
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
}

type Fields<'a> = &'a [(&'a str, &'a str)];

/// A message waiting in the outbox; its id.
fn queued_message(app: &TestApp) -> i64 {
    use framsyn::domain::mail::{Content, Outgoing};
    app.db
        .write_blocking(|tx| {
            framsyn::storage::outbox::enqueue(
                tx,
                &Outgoing {
                    to: "vem@region.test".into(),
                    name: "Vem".into(),
                    user_id: None,
                    lang: None,
                    content: Content::PasswordLink {
                        token: "x".into(),
                        expires_at: 0,
                    },
                },
            )
        })
        .unwrap()
}

/// Every unsafe route, by who sends it: allowed (a redirect or a page), 403, or sign in first.
#[tokio::test]
async fn post_routes_by_role() {
    let app = spawn_app();
    let w = world(&app);
    let target = app.user(
        "malperson@region.test",
        w.org_b,
        &[framsyn::domain::user::Role::Strategist],
    );
    let org_b = w.org_b.to_string();
    let person = format!("/admin/users/{target}");
    let link = format!("/admin/users/{target}/password-link");
    let own = format!("/organisations/{}/edit", w.org_a);
    let other = format!("/organisations/{}/edit", w.org_b);
    let person_fields = [
        ("name", "Mål Person"),
        ("email", "malperson@region.test"),
        ("organisation_id", org_b.as_str()),
        ("roles", "strategist"),
        ("active", "1"),
    ];
    let org_fields = [
        ("contact_name", "Kim"),
        ("name", "Region Norrbotten"),
        ("category", "region"),
    ];
    let new_org = [("name", "Ny region"), ("category", "region")];
    let new_person = [
        ("name", "Ny"),
        ("email", "ny@region.test"),
        ("organisation_id", org_b.as_str()),
    ];
    let (own_source, other_source) = sources_of_both(&app, &w);
    let note = submitted_note_of_a(&app, &w);
    let own_source_edit = format!("/sources/{own_source}/edit");
    let other_source_edit = format!("/sources/{other_source}/edit");
    let cite = format!("/bank/{note}/sources");
    let link_note = format!("/bank/{note}/links");
    // A submission of organisation B to review (a draft: reviewing it is refused at the
    // field once the permission is there).
    let review = format!("/phases/omvarlden/submissions/{}/review", w.org_b);
    app.as_strategist_b()
        .await
        .post("/phases/omvarlden/assignment", &[("action", "save")])
        .await;
    let merge_note = format!("/bank/{note}/merge");
    let public_note = format!("/bank/{note}/public");
    let uncite = format!("/bank/{note}/sources/{other_source}/remove");
    let other_source = other_source.to_string();
    let new_source = [("kind", "report"), ("title", "Ny rapport")];
    // Refused by validation once allowed: the permission is what is tested here.
    let source_fields = [("kind", "report"), ("title", "")];
    let cite_fields = [("source", other_source.as_str()), ("stance", "supports")];
    let draft_set = draft_scenario_set(&app);
    let set_status = format!("/scenario-sets/{draft_set}/status");
    let set_public = format!("/scenario-sets/{draft_set}/public");
    let message = queued_message(&app);
    let retry = format!("/admin/outbox/{message}/retry");
    let routes: Vec<(&str, Fields, &str)> = vec![
        ("/active-phase", &[("phase", "omvarlden")], "leader"),
        ("/organisations/new", &new_org, "admin"),
        (&own, &org_fields, "own-org"),
        (&other, &org_fields, "other-org"),
        ("/admin/users/new", &new_person, "admin"),
        (&person, &person_fields, "admin"),
        (&link, &[], "admin"),
        (&retry, &[], "admin"),
        (
            "/admin/messages",
            &[("step", "preview"), ("audience", "all")],
            "leader",
        ),
        ("/sources/new", &new_source, "member"),
        (&own_source_edit, &source_fields, "own-source"),
        (&other_source_edit, &source_fields, "other-source"),
        (&cite, &cite_fields, "own-note"),
        (&uncite, &[], "own-note"),
        ("/rounds/new", &[("title", "")], "leader"),
        (&link_note, &[("kind", "drives"), ("to", "1")], "own-note"),
        (&merge_note, &[("into", "")], "curator"),
        (&public_note, &[("public", "1")], "curator"),
        (
            "/phases/omvarlden/assignment",
            &[("action", "save")],
            "writer",
        ),
        (&review, &[("action", "accept")], "leader"),
        ("/scenario-sets/new", &[("title", "")], "scenario-writer"),
        (&set_status, &[("to", "draft")], "scenario-writer"),
        (&set_public, &[("public", "0")], "scenario-writer"),
    ];
    for visitor in [
        None,
        Some(STRATEGIST_A),
        Some(EDITOR),
        Some(LEADER),
        Some(ADMIN),
    ] {
        let client = app.as_anyone(visitor).await;
        for (path, fields, kind) in &routes {
            let status = client.post(path, fields).await.status.as_u16();
            let allowed = match (visitor, *kind) {
                (None, _) => false,
                // Only an organisation's own strategists write its home assignment.
                (Some(STRATEGIST_A), "writer") => true,
                (Some(_), "writer") => false,
                (Some(ADMIN), _) => true,
                (Some(_), "member") => true,
                (Some(LEADER), "leader" | "own-org" | "other-org") => true,
                (Some(STRATEGIST_A), "own-org" | "own-source" | "own-note") => true,
                (Some(EDITOR | LEADER), "own-source" | "other-source" | "own-note") => true,
                (Some(EDITOR | LEADER), "curator" | "scenario-writer") => true,
                _ => false,
            };
            // Sources, and a note that is not public, are not there for visitors at all.
            let hidden = matches!(
                *kind,
                "own-source" | "other-source" | "own-note" | "curator"
            );
            let expected: &[u16] = match (visitor, allowed) {
                (None, _) if hidden => &[404],
                (None, _) => &[303],
                (_, true) => &[200, 303, 422],
                (_, false) => &[403],
            };
            assert!(
                expected.contains(&status),
                "{visitor:?} POST {path}: {status}"
            );
            if visitor.is_none() && !hidden {
                let again = client.post(path, fields).await;
                assert!(again.location().starts_with("/login"), "{path}");
            }
        }
    }
}

/// The consequence pages by role: what each person gets from each page and each form,
/// around a shared consequence the process leader captured and a draft of organisation
/// A's own.
#[tokio::test]
async fn consequence_routes_by_role() {
    let app = spawn_app();
    let w = world(&app);
    let (_, scenarios) = super::consequences::open_set_with_scenarios(&app).await;
    let scenario = scenarios[0];
    let leader = app.as_leader().await;
    let list = format!("/scenarios/{scenario}/consequences");
    let captured = leader
        .post(
            &format!("{list}/capture"),
            &[("level", "regional"), ("lines", "+ Delad")],
        )
        .await;
    assert_eq!(captured.status, StatusCode::SEE_OTHER);
    let shared: i64 = leader
        .get(&list)
        .await
        .attrs("[data-consequence]", "data-consequence")[0]
        .parse()
        .unwrap();
    let own_made = app
        .as_strategist_a()
        .await
        .post(
            &format!("{list}/new"),
            &[
                ("level", "regional"),
                ("text", "Egen"),
                ("organisation", "own"),
            ],
        )
        .await;
    let own: i64 = own_made
        .location()
        .trim_start_matches("/consequences/")
        .parse()
        .unwrap();
    let note = submitted_note_of_a(&app, &w);
    let pages: Vec<(String, &str)> = vec![
        (list.clone(), "seen"),
        (format!("{list}/new"), "writer"),
        (format!("/notes/{note}/consequences"), "seen"),
        (format!("/consequences/{shared}"), "seen"),
        (format!("/consequences/{shared}/edit"), "shared-editor"),
        (format!("/consequences/{shared}/history"), "member"),
        (format!("/consequences/{own}"), "own"),
        (format!("/consequences/{own}/edit"), "own-writer"),
        (format!("/consequences/{own}/history"), "own-member"),
    ];
    let people = [
        None,
        Some(STRATEGIST_A),
        Some(STRATEGIST_B),
        Some(EDITOR),
        Some(LEADER),
        Some(ADMIN),
    ];
    for who in people {
        let client = app.as_anyone(who).await;
        for (path, kind) in &pages {
            let expected = match (who, *kind) {
                // The set is not public: visitors see none of it, and are asked to sign
                // in for what only members do.
                (None, "seen" | "own") => 404,
                (None, _) => 303,
                (Some(STRATEGIST_B), "own" | "own-writer" | "own-member") => 404,
                (Some(STRATEGIST_A), "own" | "own-writer" | "own-member") => 200,
                (Some(_), "own" | "own-member") => 200,
                (Some(_), "own-writer") => 403,
                (Some(STRATEGIST_A | STRATEGIST_B), "shared-editor") => 403,
                (Some(_), _) => 200,
            };
            let status = client.get(path).await.status.as_u16();
            assert_eq!(status, expected, "{who:?} GET {path}");
        }
    }
    let posts: Vec<(String, Fields, &str)> = vec![
        (
            format!("{list}/capture"),
            &[("level", "planet"), ("lines", "+ x")],
            "writer",
        ),
        (
            format!("/notes/{note}/consequences/capture"),
            &[("level", "planet"), ("lines", "+ x")],
            "writer",
        ),
        (
            format!("{list}/new"),
            &[("level", "planet"), ("text", "x")],
            "writer",
        ),
        (
            format!("/consequences/{shared}/edit"),
            &[("level", "planet"), ("text", "x"), ("version", "1")],
            "shared-editor",
        ),
        (
            format!("/consequences/{shared}/remove"),
            &[("version", "99")],
            "shared-editor",
        ),
        (
            format!("/consequences/{shared}/hold"),
            &[("text", "")],
            "holder",
        ),
        (
            format!("/consequences/{own}/edit"),
            &[("level", "planet"), ("text", "x"), ("version", "1")],
            "own-writer",
        ),
    ];
    for who in people {
        let client = app.as_anyone(who).await;
        for (path, fields, kind) in &posts {
            let allowed: &[u16] = match (who, *kind) {
                (None, _) => &[303],
                (Some(STRATEGIST_A), "own-writer" | "holder") => &[422],
                (Some(STRATEGIST_B), "holder") => &[422],
                (Some(STRATEGIST_B), "own-writer") => &[404],
                (Some(_), "own-writer" | "holder") => &[403],
                (Some(STRATEGIST_A | STRATEGIST_B), "shared-editor") => &[403],
                // Refused at the field (or as stale) once allowed: the permission is
                // what is tested here.
                (Some(_), _) => &[409, 422],
            };
            let response = client.post(path, fields).await;
            let status = response.status.as_u16();
            assert!(allowed.contains(&status), "{who:?} POST {path}: {status}");
            if who.is_none() {
                assert!(response.location().starts_with("/login"), "{path}");
            }
        }
    }
}

/// The backcasting pages by role: what each person gets from each page and each form,
/// around the workshop's shared vision (a draft) and organisation A's own, adopted from
/// it.
#[tokio::test]
async fn backcasting_routes_by_role() {
    let app = spawn_app();
    let f = super::app_backcasting::fixture(&app).await;
    let phase = super::app_backcasting::PHASE;
    let org_a = f.world.org_a.to_string();
    let adopted = app
        .as_strategist_a()
        .await
        .post(
            &format!("/visions/{}/adopt", f.vision),
            &[("organisation", &org_a)],
        )
        .await;
    let own: i64 = adopted
        .location()
        .trim_start_matches("/visions/")
        .parse()
        .unwrap();
    let (v, m, a) = (f.vision, f.milestones[0], f.action);
    let pages: Vec<(String, &str)> = vec![
        ("/backcasting".into(), "public"),
        (format!("/visions/new?phase={phase}"), "writer"),
        (
            format!("/visions/new?phase={phase}&organisation={}", f.world.org_b),
            "b-writer",
        ),
        (format!("/visions/{v}"), "seen"),
        (format!("/visions/{v}/edit"), "writer"),
        (format!("/visions/{v}/history"), "member"),
        (format!("/visions/{v}/milestones/new"), "writer"),
        (format!("/visions/{v}/actions/new"), "writer"),
        (format!("/milestones/{m}"), "seen"),
        (format!("/milestones/{m}/edit"), "writer"),
        (format!("/milestones/{m}/history"), "member"),
        (format!("/actions/{a}"), "seen"),
        (format!("/actions/{a}/edit"), "writer"),
        (format!("/actions/{a}/history"), "member"),
        (format!("/visions/{own}"), "own"),
        (format!("/visions/{own}/edit"), "own-writer"),
        (format!("/visions/{own}/history"), "own-member"),
        (format!("/visions/{own}/milestones/new"), "own-writer"),
    ];
    let people = [
        None,
        Some(STRATEGIST_A),
        Some(STRATEGIST_B),
        Some(EDITOR),
        Some(LEADER),
        Some(ADMIN),
    ];
    for who in people {
        let client = app.as_anyone(who).await;
        for (path, kind) in &pages {
            let expected = match (who, *kind) {
                (_, "public") => 200,
                // Nothing is published: visitors see none of it, and are asked to sign
                // in for what only members do.
                (None, "seen" | "own") => 404,
                (None, _) => 303,
                (Some(STRATEGIST_B), "own" | "own-writer" | "own-member") => 404,
                (Some(STRATEGIST_A), "own" | "own-writer" | "own-member") => 200,
                (Some(_), "own" | "own-member") => 200,
                (Some(_), "own-writer") => 403,
                (Some(STRATEGIST_B), "b-writer") => 200,
                (Some(_), "b-writer") => 403,
                (Some(STRATEGIST_A | STRATEGIST_B), "writer") => 403,
                (Some(_), _) => 200,
            };
            let status = client.get(path).await.status.as_u16();
            assert_eq!(status, expected, "{who:?} GET {path}");
        }
    }
    let posts: Vec<(String, Fields, &str)> = vec![
        (
            format!("/visions/new?phase={phase}"),
            &[("title", "")],
            "writer",
        ),
        (
            format!("/visions/{v}/edit"),
            &[("title", ""), ("version", "1")],
            "writer",
        ),
        (
            format!("/visions/{v}/remove"),
            &[("version", "99")],
            "writer",
        ),
        (
            format!("/visions/{v}/public"),
            &[("public", "false")],
            "publisher",
        ),
        (
            format!("/visions/{v}/milestones/new"),
            &[("year", "")],
            "writer",
        ),
        (
            format!("/milestones/{m}/edit"),
            &[("year", ""), ("version", "1")],
            "writer",
        ),
        (
            format!("/milestones/{m}/remove"),
            &[("version", "99")],
            "writer",
        ),
        (
            format!("/visions/{v}/actions/new"),
            &[("text", "")],
            "writer",
        ),
        (
            format!("/actions/{a}/edit"),
            &[("text", ""), ("version", "1")],
            "writer",
        ),
        (
            format!("/actions/{a}/remove"),
            &[("version", "99")],
            "writer",
        ),
        (
            format!("/visions/{own}/edit"),
            &[("title", ""), ("version", "1")],
            "own-writer",
        ),
        (
            format!("/visions/{v}/adopt"),
            &[("next", "/start")],
            "adopter",
        ),
    ];
    for who in people {
        let client = app.as_anyone(who).await;
        for (path, fields, kind) in &posts {
            let allowed: &[u16] = match (who, *kind) {
                (None, _) => &[303],
                (Some(STRATEGIST_A), "own-writer") => &[409, 422],
                (Some(STRATEGIST_B), "own-writer") => &[404],
                (Some(_), "own-writer") => &[403],
                // Organisation B adopts (A has its own already; the office writes none).
                (Some(STRATEGIST_B), "adopter") => &[303],
                (Some(_), "adopter") => &[403],
                (Some(STRATEGIST_A | STRATEGIST_B), _) => &[403],
                (Some(_), "publisher") => &[303],
                // Refused at the field, as stale or as not empty once allowed: the
                // permission is what is tested here.
                (Some(_), _) => &[409, 422],
            };
            let response = client.post(path, fields).await;
            let status = response.status.as_u16();
            assert!(allowed.contains(&status), "{who:?} POST {path}: {status}");
            if who.is_none() {
                assert!(response.location().starts_with("/login"), "{path}");
            }
        }
    }
}

/// The roadmap and the home assignment of the backcasting phase by role: around the
/// shared vision (not published) and organisation A's own (adopted, not submitted).
#[tokio::test]
async fn roadmap_and_milestone_part_routes_by_role() {
    let app = spawn_app();
    let f = super::app_backcasting::fixture(&app).await;
    let user = super::app_editorial::person(&app, STRATEGIST_A);
    let who = super::app_editorial::acting(&user);
    framsyn::app::backcasting::adopt(&app.db, &user, &who, f.vision, f.world.org_a)
        .await
        .unwrap();
    let a = f.world.org_a;
    let pages: Vec<(String, &str)> = vec![
        (format!("/organisations/{a}/roadmap"), "roadmap"),
        (format!("/organisations/{a}/charts/roadmap.svg"), "chart"),
        (format!("/organisations/{a}/charts/roadmap.png"), "chart"),
        ("/phases/policyutveckling/assignment".into(), "assignment"),
    ];
    let people = [
        None,
        Some(STRATEGIST_A),
        Some(STRATEGIST_B),
        Some(EDITOR),
        Some(LEADER),
        Some(ADMIN),
    ];
    for person in people {
        let client = app.as_anyone(person).await;
        for (path, kind) in &pages {
            let expected: &[u16] = match (person, *kind) {
                // Nothing is public yet: the page says so, and there is no chart.
                (None, "roadmap") => &[200],
                (None, "chart") => &[404],
                (None, _) => &[303],
                (Some(_), "roadmap" | "chart") => &[200],
                (Some(STRATEGIST_A | STRATEGIST_B), "assignment") => &[200],
                // The process leader, the editor and the administrator are sent to the submissions.
                (Some(EDITOR | LEADER | ADMIN), "assignment") => &[303],
                (Some(_), _) => &[403],
            };
            let status = client.get(path).await.status.as_u16();
            assert!(
                expected.contains(&status),
                "{person:?} GET {path}: {status}"
            );
        }
    }
}

/// The backcasting charts and the stress-test forms by role, around the workshop's shared
/// vision (not public): members see the charts, process leaders and editors judge, and
/// visitors get nothing (asked to sign in for the forms).
#[tokio::test]
async fn backcasting_chart_routes_by_role() {
    let app = spawn_app();
    let f = super::app_backcasting::fixture(&app).await;
    let vision = f.vision;
    let pages: Vec<(String, &str)> = vec![
        (format!("/visions/{vision}/timeline"), "seen"),
        (format!("/visions/{vision}/stress-test"), "seen"),
        (format!("/visions/{vision}/charts/timeline.svg"), "seen"),
        (format!("/visions/{vision}/charts/stress-test.png"), "seen"),
        (
            format!("/milestones/{}/stress-test", f.milestones[0]),
            "judge",
        ),
        (format!("/actions/{}/stress-test", f.action), "judge"),
    ];
    let people = [
        None,
        Some(STRATEGIST_A),
        Some(STRATEGIST_B),
        Some(EDITOR),
        Some(LEADER),
        Some(ADMIN),
    ];
    let verdict = format!("verdict-{}", f.scenarios[0]);
    for who in people {
        let client = app.as_anyone(who).await;
        for (path, kind) in &pages {
            let expected = match (who, *kind) {
                (None, "seen") => 404,
                (None, _) => 303,
                (Some(STRATEGIST_A | STRATEGIST_B), "judge") => 403,
                (Some(_), _) => 200,
            };
            let status = client.get(path).await.status.as_u16();
            assert_eq!(status, expected, "{who:?} GET {path}");
            if *kind == "judge" {
                // An unknown verdict: refused at the field once allowed.
                let response = client.post(path, &[(verdict.as_str(), "x")]).await;
                let expected = if expected == 200 { 422 } else { expected };
                assert_eq!(response.status.as_u16(), expected, "{who:?} POST {path}");
            }
        }
    }
}

/// The personal-data pages by role: the privacy page is everyone's, one's own data is
/// any signed-in person's (and only their own: the address names nobody), and
/// anonymising a person is the administrators' (a POST without the confirmation changes
/// nothing, so the matrix can send it to everyone).
#[tokio::test]
async fn privacy_routes_by_role() {
    let app = spawn_app();
    let w = world(&app);
    let target = app.user(
        "utgaende@region.test",
        w.org_b,
        &[framsyn::domain::user::Role::Strategist],
    );
    let anonymise = format!("/admin/users/{target}/anonymise");
    let pages: [(&str, &str); 4] = [
        ("/privacy", "public"),
        ("/account", "member"),
        ("/account/data.json", "member"),
        (&anonymise, "admin"),
    ];
    let people = [
        None,
        Some(STRATEGIST_A),
        Some(EDITOR),
        Some(LEADER),
        Some(ADMIN),
    ];
    for who in people {
        let client = app.as_anyone(who).await;
        for (path, kind) in pages {
            let expected = match (who, kind) {
                (_, "public") => 200,
                (None, _) => 303,
                (Some(_), "member") => 200,
                (Some(ADMIN), "admin") => 200,
                _ => 403,
            };
            let status = client.get(path).await.status.as_u16();
            assert_eq!(status, expected, "{who:?} GET {path}");
        }
        let response = client.post(&anonymise, &[]).await;
        let expected = match who {
            None | Some(ADMIN) => 303,
            Some(_) => 403,
        };
        assert_eq!(
            response.status.as_u16(),
            expected,
            "{who:?} POST {anonymise}"
        );
        if who.is_none() {
            assert!(response.location().starts_with("/login"), "{anonymise}");
        }
    }
    let active = app
        .db
        .read_blocking(move |c| {
            Ok(
                c.query_row("SELECT active FROM users WHERE id = ?1", [target], |r| {
                    r.get::<_, i64>(0)
                })?,
            )
        })
        .unwrap();
    assert_eq!(active, 1, "no one anonymised without the confirmation");
}
