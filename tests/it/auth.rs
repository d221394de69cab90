//! Signing in and out, sessions, throttling, set-password links, no default account.

use axum::body::Body;
use axum::http::{Request, StatusCode};

use super::helpers::*;
use framsyn::domain::user::Role;
use framsyn::storage::{sessions, users};

#[tokio::test]
async fn a_fresh_database_has_no_account_at_all() {
    let mut app = spawn_app();
    assert_eq!(app.db.read_blocking(users::count).unwrap(), 0);
    for (email, password) in [
        ("admin", "admin"),
        ("admin@localhost", "admin"),
        ("root", "root"),
    ] {
        let response = app
            .post("/login", &[("email", email), ("password", password)])
            .await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
}

#[tokio::test]
async fn login_sets_a_hardened_session_cookie_and_logout_kills_the_session() {
    let mut app = spawn_app();
    world(&app);
    let response = app.login(STRATEGIST_A).await;
    assert_eq!(response.location(), "/start");
    let cookie = response
        .headers
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(cookie.starts_with("framsyn_session="), "{cookie}");
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
    }
    assert!(!cookie.contains("Secure"), "plain http in tests: {cookie}");
    let home = app.get("/").await;
    assert_eq!(home.texts(".signed-in[data-user]").len(), 1, "signed in");

    let token = app.cookies.get("framsyn_session").cloned().unwrap();
    let logout = app.post("/logout", &[]).await;
    assert_eq!(logout.status, StatusCode::SEE_OTHER);
    assert!(!app.cookies.contains_key("framsyn_session"));
    let digest = framsyn::domain::credentials::token_digest(&token);
    assert!(
        app.db
            .read_blocking(|c| sessions::find(c, &digest))
            .unwrap()
            .is_none(),
        "the session row is gone"
    );
    // Replaying the old cookie opens nothing.
    app.cookies.insert("framsyn_session".into(), token);
    let organisations = app.get("/organisations").await;
    assert_eq!(organisations.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn cookies_are_secure_behind_https() {
    let mut config = test_config();
    config.public_url = "https://framsyn.example.se".into();
    config.secure_cookies = true;
    let mut app = spawn_with(regionerna(), config);
    world(&app);
    let response = app.login(EDITOR).await;
    let cookie = response
        .headers
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(cookie.contains("Secure"), "{cookie}");
    // The __Host- prefix: only a secure origin may set it, for `/`, without a Domain.
    assert!(cookie.starts_with("__Host-framsyn_session="), "{cookie}");
    assert!(cookie.contains("Path=/"), "{cookie}");
    assert!(!cookie.to_ascii_lowercase().contains("domain="), "{cookie}");
    // The prefixed cookie is the session the server reads.
    assert_eq!(app.get("/editorial").await.status, StatusCode::OK);
    let language = app
        .post("/language", &[("lang", "en"), ("next", "/")])
        .await;
    let cookie = language
        .headers
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(cookie.starts_with("__Host-framsyn_lang=en"), "{cookie}");
    assert!(
        cookie.contains("Secure"),
        "the language cookie too: {cookie}"
    );
    assert_eq!(app.get("/").await.attrs("html", "lang"), ["en"]);
    // A cookie without the prefix (planted over plain http, or by a neighbouring
    // subdomain) is not a session.
    let token = app.cookies.remove("__Host-framsyn_session").unwrap();
    app.cookies.insert("framsyn_session".into(), token);
    assert_eq!(app.get("/editorial").await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn login_issues_a_new_session_id_and_drops_the_old_one() {
    let mut app = spawn_app();
    world(&app);
    app.login(STRATEGIST_A).await;
    let first = app.cookies.get("framsyn_session").cloned().unwrap();
    app.login(STRATEGIST_B).await;
    let second = app.cookies.get("framsyn_session").cloned().unwrap();
    assert_ne!(first, second);
    let digest = framsyn::domain::credentials::token_digest(&first);
    assert!(
        app.db
            .read_blocking(|c| sessions::find(c, &digest))
            .unwrap()
            .is_none()
    );
    // A session id planted before login is never adopted.
    let mut fresh = spawn_app();
    world(&fresh);
    fresh
        .cookies
        .insert("framsyn_session".into(), "planted-by-an-attacker".into());
    fresh.login(EDITOR).await;
    assert_ne!(
        fresh.cookies.get("framsyn_session").unwrap(),
        "planted-by-an-attacker"
    );
}

#[tokio::test]
async fn unknown_account_and_wrong_password_get_the_same_answer() {
    let mut app = spawn_app();
    world(&app);
    let wrong = app
        .post(
            "/login",
            &[("email", STRATEGIST_A), ("password", "fel lösenord")],
        )
        .await;
    let unknown = app
        .post(
            "/login",
            &[("email", "ingen@region.test"), ("password", "fel lösenord")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(wrong.status, unknown.status);
    wrong.assert_error("login-refused");
    let strip = |body: &str, email: &str| body.replace(email, "EMAIL");
    assert_eq!(
        strip(&wrong.body, STRATEGIST_A),
        strip(&unknown.body, "ingen@region.test")
    );
    assert!(
        !wrong.body.contains("fel lösenord"),
        "the password is never sent back"
    );
}

#[tokio::test]
async fn similar_time_for_unknown_account_and_wrong_password() {
    let mut app = spawn_app();
    world(&app);
    // Each answer runs exactly one argon2 verification. Compare the fastest of a few runs,
    // loosely, so the test shows the decoy hashing without being a timing benchmark.
    let mut known = Vec::new();
    let mut unknown = Vec::new();
    // Four runs: a fifth failure would lock the account and skip the check.
    for _ in 0..4 {
        for (email, times) in [
            (STRATEGIST_B, &mut known),
            ("okand@region.test", &mut unknown),
        ] {
            let started = std::time::Instant::now();
            app.post("/login", &[("email", email), ("password", "nästan rätt")])
                .await;
            times.push(started.elapsed());
        }
    }
    let (known, unknown) = (known.iter().min().unwrap(), unknown.iter().min().unwrap());
    let ratio = unknown.as_secs_f64() / known.as_secs_f64();
    assert!(
        ratio > 0.2 && ratio < 5.0,
        "known {known:?}, unknown {unknown:?}"
    );
}

#[tokio::test]
async fn five_failures_lock_the_account_even_for_the_right_password() {
    let mut app = spawn_app();
    world(&app);
    for _ in 0..5 {
        let response = app
            .post(
                "/login",
                &[("email", STRATEGIST_A), ("password", "gissning")],
            )
            .await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let locked = app
        .post("/login", &[("email", STRATEGIST_A), ("password", PASSWORD)])
        .await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    locked.assert_error("login-throttled");
    assert!(locked.headers.contains_key("retry-after"));
    assert!(!app.cookies.contains_key("framsyn_session"));
    // Another account from another address is not affected.
    app.address = "198.51.100.7:5000".parse().unwrap();
    app.login(STRATEGIST_B).await;
    // An unknown account is throttled exactly like a known one.
    for _ in 0..5 {
        app.post(
            "/login",
            &[("email", "ingen@region.test"), ("password", "gissning")],
        )
        .await;
    }
    let unknown = app
        .post(
            "/login",
            &[("email", "ingen@region.test"), ("password", "gissning")],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn one_address_trying_many_accounts_is_throttled() {
    let mut app = spawn_app();
    world(&app);
    for i in 0..20 {
        let email = format!("gissning{i}@region.test");
        app.post("/login", &[("email", &email), ("password", "gissning")])
            .await;
    }
    let blocked = app
        .post("/login", &[("email", EDITOR), ("password", PASSWORD)])
        .await;
    assert_eq!(blocked.status, StatusCode::TOO_MANY_REQUESTS);
    app.address = "203.0.113.9:5000".parse().unwrap();
    app.login(EDITOR).await;
}

#[tokio::test]
async fn sessions_expire_when_idle_and_after_their_absolute_lifetime() {
    let mut app = spawn_app();
    world(&app);
    app.login(STRATEGIST_A).await;
    let digest =
        framsyn::domain::credentials::token_digest(app.cookies.get("framsyn_session").unwrap());
    assert_eq!(app.get("/organisations").await.status, StatusCode::OK);
    let idle = app.state.config.session_idle.as_secs() as i64;
    let backdate = |seen: i64, created: i64| {
        let digest = digest.clone();
        app.db
            .write_blocking(move |tx| {
                tx.execute(
                    "UPDATE sessions SET last_seen_at = last_seen_at - ?2, created_at = created_at - ?3 WHERE token_digest = ?1",
                    rusqlite::params![digest, seen, created],
                )?;
                Ok(())
            })
            .unwrap();
    };
    backdate(idle + 5, idle + 5);
    assert_eq!(
        app.get("/organisations").await.status,
        StatusCode::SEE_OTHER,
        "idle too long"
    );

    app.login(STRATEGIST_A).await;
    let digest2 =
        framsyn::domain::credentials::token_digest(app.cookies.get("framsyn_session").unwrap());
    let absolute = app.state.config.session_absolute.as_secs() as i64;
    app.db
        .write_blocking(move |tx| {
            tx.execute(
                "UPDATE sessions SET created_at = created_at - ?2 WHERE token_digest = ?1",
                rusqlite::params![digest2, absolute + 5],
            )?;
            Ok(())
        })
        .unwrap();
    assert_eq!(
        app.get("/organisations").await.status,
        StatusCode::SEE_OTHER,
        "too old"
    );
}

#[tokio::test]
async fn login_returns_to_the_page_asked_for_but_never_off_site() {
    let mut app = spawn_app();
    world(&app);
    let redirect = app.get("/address-list").await;
    assert_eq!(redirect.location(), "/login?next=%2Faddress-list");
    let form = app.get(redirect.location()).await;
    form.assert_contains("name=\"next\" value=\"&#x2f;address-list\"");
    let back = app
        .post(
            "/login",
            &[
                ("email", EDITOR),
                ("password", PASSWORD),
                ("next", "/address-list"),
            ],
        )
        .await;
    assert_eq!(back.location(), "/address-list");
    let off_site = app
        .post(
            "/login",
            &[
                ("email", EDITOR),
                ("password", PASSWORD),
                ("next", "//evil.example"),
            ],
        )
        .await;
    assert_eq!(off_site.location(), "/");
}

#[tokio::test]
async fn an_administrator_creates_a_person_who_sets_a_password_with_a_single_use_link() {
    let mut app = spawn_app();
    let w = world(&app);
    app.login(ADMIN).await;
    let org = w.org_b.to_string();
    let created = app
        .post(
            "/admin/users/new",
            &[
                ("name", "Nora Nyberg"),
                ("email", "Nora.Nyberg@Norrbotten.test"),
                ("organisation_id", &org),
                ("roles", "strategist"),
                ("roles", "editor"),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::OK, "{}", created.body);
    let link = created
        .body
        .split("<code id=\"password-link\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .replace("&#x2f;", "/");
    assert!(
        link.starts_with("http://framsyn.test/set-password/"),
        "{link}"
    );
    let path = link.trim_start_matches("http://framsyn.test").to_string();
    let person = app
        .db
        .read_blocking(|c| users::find_by_email(c, "nora.nyberg@norrbotten.test"))
        .unwrap()
        .unwrap();
    let person = app
        .db
        .read_blocking(move |c| users::get(c, person))
        .unwrap()
        .unwrap();
    assert_eq!(person.roles, vec![Role::Editor, Role::Strategist]);
    assert!(!person.has_password);
    app.logout().await;

    let form = app.get(&path).await;
    assert_eq!(form.status, StatusCode::OK);
    form.assert_contains("Nora Nyberg");
    let short = app
        .post(&path, &[("password", "kort"), ("password_repeat", "kort")])
        .await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    short.assert_error("error-password-short");
    short.assert_contains("aria-invalid=\"true\"");
    let mismatch = app
        .post(
            &path,
            &[
                ("password", "åtta tecken eller fler"),
                ("password_repeat", "något annat"),
            ],
        )
        .await;
    mismatch.assert_error("error-password-mismatch");
    for (weak, key) in [
        ("12345678", "error-password-guessable"),
        ("password", "error-password-guessable"),
        ("        ", "error-password-guessable"),
        ("nora.nyberg@norrbotten.test", "error-password-personal"),
        ("NoraNyberg", "error-password-personal"),
    ] {
        let refused = app
            .post(&path, &[("password", weak), ("password_repeat", weak)])
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{weak:?}");
        assert_eq!(
            refused.field_error("password").as_deref(),
            Some(key),
            "{weak:?}"
        );
    }

    let phrase = "norrsken över luleälven i januari";
    let set = app
        .post(&path, &[("password", phrase), ("password_repeat", phrase)])
        .await;
    assert_eq!(set.status, StatusCode::SEE_OTHER);
    assert_eq!(set.location(), "/login?password_set=1");
    let again = app.get(&path).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND, "the link works once");
    assert_eq!(again.texts("#link-invalid").len(), 1, "the link is refused");
    let reuse = app
        .post(
            &path,
            &[
                ("password", "ett annat lösenord"),
                ("password_repeat", "ett annat lösenord"),
            ],
        )
        .await;
    assert_eq!(reuse.status, StatusCode::NOT_FOUND);

    let login = app
        .post(
            "/login",
            &[
                ("email", "nora.nyberg@norrbotten.test"),
                ("password", phrase),
            ],
        )
        .await;
    assert_eq!(login.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn an_expired_link_sets_nothing() {
    let mut app = spawn_app();
    let w = world(&app);
    let token = app
        .db
        .write_blocking(|tx| {
            let id = users::find_by_email(tx, STRATEGIST_A)?.unwrap();
            users::issue_password_link(tx, id, None, std::time::Duration::from_secs(0))
        })
        .unwrap();
    let _ = w;
    let response = app
        .post(
            &format!("/set-password/{token}"),
            &[
                ("password", "ett nytt lösenord"),
                ("password_repeat", "ett nytt lösenord"),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::NOT_FOUND);
    app.login(STRATEGIST_A).await;
}

#[tokio::test]
async fn the_create_admin_command_prints_a_link_and_creates_no_password() {
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("framsyn.sqlite3");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_framsyn"))
        .args([
            "--database",
            db_path.to_str().unwrap(),
            "--public-url",
            "https://framsyn.example.se",
        ])
        .args([
            "create-admin",
            "--name",
            "Ada Admin",
            "--email",
            "ada@reglab.test",
            "--organisation",
            "Reglab",
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("https://framsyn.example.se/set-password/"),
        "{stdout}"
    );
    let db = framsyn::storage::Db::open(&db_path).unwrap();
    let id = db
        .read_blocking(|c| users::find_by_email(c, "ada@reglab.test"))
        .unwrap()
        .unwrap();
    let admin = db
        .read_blocking(move |c| users::get(c, id))
        .unwrap()
        .unwrap();
    assert_eq!(admin.roles, vec![Role::Administrator]);
    assert!(!admin.has_password);
}

#[tokio::test]
async fn a_get_never_logs_out() {
    let mut app = spawn_app();
    world(&app);
    app.login(EDITOR).await;
    let get = app
        .request(Request::get("/logout").body(Body::empty()).unwrap())
        .await;
    assert_eq!(get.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(app.get("/organisations").await.status, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_guesses_cannot_pass_the_limit() {
    let app = spawn_app();
    world(&app);
    let statuses = app
        .concurrent_posts(
            "/login",
            &[("email", STRATEGIST_A), ("password", "gissning")],
            24,
        )
        .await;
    let checked = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNPROCESSABLE_ENTITY)
        .count();
    let throttled = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!(checked, 5, "{statuses:?}");
    assert_eq!(throttled, 19, "{statuses:?}");
}

#[tokio::test]
async fn a_huge_account_name_is_cut_before_it_is_stored() {
    let mut app = spawn_app();
    world(&app);
    let huge = format!("{}@region.test", "a".repeat(200_000));
    for _ in 0..8 {
        let response = app
            .post("/login", &[("email", &huge), ("password", "gissning")])
            .await;
        assert!(
            response.status == StatusCode::UNPROCESSABLE_ENTITY
                || response.status == StatusCode::TOO_MANY_REQUESTS
        );
    }
    let entries = app
        .db
        .read_blocking(|c| framsyn::storage::audit::page(c, 100, 0))
        .unwrap();
    assert_eq!(
        entries
            .iter()
            .filter(|e| e.action == "login.failed")
            .count(),
        5,
        "throttled attempts are not logged one by one"
    );
    assert!(
        entries
            .iter()
            .all(|e| e.subject.as_deref().unwrap_or("").chars().count() <= 254)
    );
    let longest_key: i64 = app
        .db
        .read_blocking(|c| {
            Ok(
                c.query_row("SELECT max(length(key)) FROM login_failures", [], |r| {
                    r.get(0)
                })?,
            )
        })
        .unwrap();
    assert!(longest_key <= 270, "{longest_key}");
}

#[tokio::test]
async fn a_form_sent_after_the_session_ended_returns_to_its_page_after_sign_in() {
    let mut app = spawn_app();
    world(&app);
    let request = Request::post("/active-phase")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("referer", "http://framsyn.test/active-phase")
        .body(Body::from("phase=omvarlden"))
        .unwrap();
    let response = app.request(request).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert_eq!(response.location(), "/login?next=%2Factive-phase");
}
