//! The sign-in and set-password use cases called directly, without HTTP.

use std::time::Duration;

use tokio::sync::Semaphore;

use super::helpers::*;
use framsyn::app::auth::{
    Login, LoginAttempt, PasswordSet, link_user, login, logout, set_password,
};
use framsyn::domain::credentials::token_digest;
use framsyn::domain::throttle::ThrottlePolicy;
use framsyn::storage::audit::Actor;
use framsyn::storage::{sessions, throttle, users};

fn attempt(email: &str, password: &str) -> LoginAttempt {
    LoginAttempt {
        email: email.into(),
        password: password.into(),
        address: Some("192.0.2.10".into()),
        previous_session: None,
    }
}

async fn try_login(app: &TestApp, attempt: LoginAttempt) -> Login {
    let policy = ThrottlePolicy::default();
    let checks = Semaphore::new(1);
    let actor = Actor {
        user_id: None,
        address: attempt.address.clone(),
    };
    login(&app.db, policy, &checks, actor, attempt)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_right_password_opens_a_session_and_a_wrong_one_is_refused() {
    let app = spawn_app();
    world(&app);
    // The account name is compared trimmed and in lower case.
    let Login::SignedIn { user_id, token } =
        try_login(&app, attempt(" Strateg@Skane.test ", PASSWORD)).await
    else {
        panic!("the right password signs in");
    };
    let session = app
        .db
        .read_blocking(move |c| sessions::find(c, &token_digest(&token)))
        .unwrap();
    assert_eq!(session.map(|(user, _, _)| user), Some(user_id));

    let wrong = try_login(&app, attempt(STRATEGIST_A, "fel lösenord helt och hållet")).await;
    assert!(matches!(wrong, Login::Refused));
    let unknown = try_login(&app, attempt("ingen@nowhere.test", PASSWORD)).await;
    assert!(matches!(unknown, Login::Refused));
}

#[tokio::test]
async fn failures_lock_the_account_name_even_for_the_right_password() {
    let app = spawn_app();
    world(&app);
    let limit = ThrottlePolicy::default().per_account;
    for _ in 0..limit {
        let wrong = try_login(&app, attempt(STRATEGIST_A, "gissning gissning gissning")).await;
        assert!(matches!(wrong, Login::Refused));
    }
    let locked = try_login(&app, attempt(STRATEGIST_A, PASSWORD)).await;
    let Login::Throttled {
        retry_after_seconds,
    } = locked
    else {
        panic!("a locked account name is not checked");
    };
    assert_eq!(
        retry_after_seconds,
        ThrottlePolicy::default().window.as_secs()
    );
}

#[tokio::test]
async fn a_password_link_sets_a_password_once() {
    let app = spawn_app();
    world(&app);
    let id = app
        .db
        .read_blocking(|c| users::find_by_email(c, STRATEGIST_B))
        .unwrap()
        .unwrap();
    let lifetime = Duration::from_secs(3600);
    let token = app
        .db
        .write_blocking(move |tx| users::issue_password_link(tx, id, None, lifetime))
        .unwrap();
    let linked = link_user(&app.db, &token).await.unwrap();
    assert_eq!(linked.map(|u| u.id), Some(id));

    let short = set_password(&app.db, &token, None, "kort".into(), "kort").await;
    let PasswordSet::Refused { person, errors } = short.unwrap() else {
        panic!("a short password is refused");
    };
    assert_eq!(person.id, id);
    assert_eq!(errors.get("password"), Some("error-password-short"));

    let phrase = "ett nytt och långt lösenord";
    let set = set_password(&app.db, &token, None, phrase.into(), phrase).await;
    assert!(matches!(set.unwrap(), PasswordSet::Set { user_id } if user_id == id));
    let again = set_password(&app.db, &token, None, phrase.into(), phrase).await;
    assert!(matches!(again.unwrap(), PasswordSet::InvalidLink));

    let signed_in = try_login(&app, attempt(STRATEGIST_B, phrase)).await;
    assert!(matches!(signed_in, Login::SignedIn { user_id, .. } if user_id == id));
}

#[tokio::test]
async fn logging_out_ends_the_session() {
    let app = spawn_app();
    world(&app);
    let Login::SignedIn { user_id, token } = try_login(&app, attempt(EDITOR, PASSWORD)).await
    else {
        panic!("the editor signs in");
    };
    let actor = Actor {
        user_id: Some(user_id),
        address: None,
    };
    logout(&app.db, actor, token_digest(&token)).await.unwrap();
    let session = app
        .db
        .read_blocking(move |c| sessions::find(c, &token_digest(&token)))
        .unwrap();
    assert!(session.is_none());
}

/// Failures recorded for the account name `STRATEGIST_A` (reservations included), read
/// on the writer, which sees every commit at once.
fn failures_for_account(app: &TestApp) -> u32 {
    let key = format!("account:{STRATEGIST_A}");
    app.db
        .write_blocking(move |c| throttle::failures_since(c, &key, 0))
        .unwrap()
}

#[tokio::test]
async fn an_attempt_abandoned_before_it_is_decided_takes_its_reservation_back() {
    let app = spawn_app();
    world(&app);
    let limit = ThrottlePolicy::default().per_account;
    // No password check can start, so each attempt waits holding its reservation until
    // the client goes away.
    let stalled = std::sync::Arc::new(Semaphore::new(0));
    for _ in 0..=limit {
        let (db, checks) = (app.db.clone(), stalled.clone());
        let actor = Actor::default();
        let task = tokio::spawn(async move {
            let policy = ThrottlePolicy::default();
            login(&db, policy, &checks, actor, attempt(STRATEGIST_A, PASSWORD)).await
        });
        wait_until(|| failures_for_account(&app) == 1).await;
        task.abort();
        assert!(task.await.unwrap_err().is_cancelled());
        wait_until(|| failures_for_account(&app) == 0).await;
    }
    let signed_in = try_login(&app, attempt(STRATEGIST_A, PASSWORD)).await;
    assert!(matches!(signed_in, Login::SignedIn { .. }), "{signed_in:?}");
}

/// Waits (at most twenty seconds, for a busy machine) for `done` to hold.
async fn wait_until(done: impl Fn() -> bool) {
    for _ in 0..2000 {
        if done() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("the condition did not come true within twenty seconds");
}
