//! The home-assignment use cases called without HTTP: saving, the stale edit, submitting
//! with what is missing, the lock after submitting, and the process leader's review.

use framsyn::app::Error;
use framsyn::app::assignments::{self, ReviewInput, ReviewOutcome, WriteInput, WriteOutcome};
use framsyn::domain::assignment::{Action, SubmissionStatus, Typed};

use super::app_editorial::{acting, person};
use super::app_rounds::submitted_note;
use super::helpers::*;

const PHASE: &str = "omvarlden";

fn input(action: Action, base_version: Option<i64>, fields: &[(&str, String)]) -> WriteInput {
    let typed: Typed = fields
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    WriteInput {
        action,
        base_version,
        typed,
    }
}

fn answers(first: i64, second: i64) -> Vec<(&'static str, String)> {
    vec![
        ("answer-viktigast", "Demografin.".into()),
        ("answer-minst-viktiga", "Turismen.".into()),
        ("most-1", first.to_string()),
        ("most-2", second.to_string()),
    ]
}

#[tokio::test]
async fn a_save_from_an_old_version_comes_back_stale_with_the_newer_submission() {
    let app = spawn_app();
    world(&app);
    let strategist = person(&app, STRATEGIST_A);
    let (db, programme, who) = (&app.db, &app.state.programme, acting(&strategist));
    let draft = |base, text: &str| {
        input(
            Action::Save,
            base,
            &[("answer-viktigast", text.to_string())],
        )
    };
    let first =
        assignments::write(db, programme, &strategist, &who, PHASE, draft(None, "Ett")).await;
    assert!(matches!(first.unwrap(), WriteOutcome::Saved));
    let second = assignments::write(
        db,
        programme,
        &strategist,
        &who,
        PHASE,
        draft(Some(1), "Två"),
    )
    .await;
    assert!(matches!(second.unwrap(), WriteOutcome::Saved));
    let stale = assignments::write(
        db,
        programme,
        &strategist,
        &who,
        PHASE,
        draft(Some(1), "Tre"),
    )
    .await;
    let WriteOutcome::Stale { newer, errors } = stale.unwrap() else {
        panic!("a save from version 1 is stale");
    };
    assert_eq!(newer.version, 2);
    assert_eq!(newer.answers["viktigast"], "Två");
    assert_eq!(errors.get("version"), Some(&"error-stale-edit"));
}

#[tokio::test]
async fn a_submission_missing_an_answer_is_refused_and_a_submitted_one_is_locked() {
    let app = spawn_app();
    let w = world(&app);
    let strategist = person(&app, STRATEGIST_A);
    let first = submitted_note(&app, w.org_a, strategist.id, "trend", "Åldrande befolkning");
    let second = submitted_note(&app, w.org_a, strategist.id, "trend", "Urbanisering");
    let (db, programme, who) = (&app.db, &app.state.programme, acting(&strategist));

    let mut incomplete = answers(first, second);
    incomplete.remove(1);
    let refused = assignments::write(
        db,
        programme,
        &strategist,
        &who,
        PHASE,
        input(Action::Submit, None, &incomplete),
    )
    .await;
    let WriteOutcome::Invalid { current, errors } = refused.unwrap() else {
        panic!("a submission without a required answer is refused");
    };
    assert!(current.is_none(), "nothing was stored");
    assert_eq!(errors.get("answer-minst-viktiga"), Some(&"error-required"));

    let complete = input(Action::Submit, None, &answers(first, second));
    let submitted = assignments::write(db, programme, &strategist, &who, PHASE, complete).await;
    assert!(matches!(submitted.unwrap(), WriteOutcome::Saved));
    let locked = assignments::write(
        db,
        programme,
        &strategist,
        &who,
        PHASE,
        input(Action::Save, Some(1), &answers(first, second)),
    )
    .await;
    let WriteOutcome::Locked { current, errors } = locked.unwrap() else {
        panic!("submitted work is locked");
    };
    assert_eq!(current.unwrap().status, SubmissionStatus::Submitted);
    assert_eq!(errors.get("status"), Some(&"error-submission-locked"));

    // Only the organisation's strategists write it.
    let leader = person(&app, LEADER);
    let again = input(Action::Save, None, &[]);
    let forbidden =
        assignments::write(db, programme, &leader, &acting(&leader), PHASE, again).await;
    assert!(matches!(forbidden, Err(Error::Forbidden)));
}

#[tokio::test]
async fn a_review_needs_a_comment_to_return_and_refuses_a_stale_version() {
    let app = spawn_app();
    let w = world(&app);
    let strategist = person(&app, STRATEGIST_A);
    let first = submitted_note(&app, w.org_a, strategist.id, "trend", "Åldrande befolkning");
    let second = submitted_note(&app, w.org_a, strategist.id, "trend", "Urbanisering");
    let (db, programme) = (&app.db, &app.state.programme);
    let complete = input(Action::Submit, None, &answers(first, second));
    assignments::write(
        db,
        programme,
        &strategist,
        &acting(&strategist),
        PHASE,
        complete,
    )
    .await
    .unwrap();

    let leader = person(&app, LEADER);
    let who = acting(&leader);
    let review = |action, comment: &str, version| ReviewInput {
        action,
        comment: comment.into(),
        version,
    };
    let org = w.org_a;
    let no_comment = review(Action::Return, " ", None);
    let refused = assignments::review(db, programme, &leader, &who, PHASE, org, no_comment).await;
    let ReviewOutcome::Invalid(errors) = refused.unwrap() else {
        panic!("a return without a comment is refused");
    };
    assert_eq!(errors.get("comment"), Some(&"error-return-comment"));

    let old = review(Action::Return, "Utveckla.", Some(0));
    let stale = assignments::review(db, programme, &leader, &who, PHASE, org, old).await;
    assert!(matches!(stale.unwrap(), ReviewOutcome::Stale(_)));

    let accept = review(Action::Accept, "", None);
    let accepted = assignments::review(db, programme, &leader, &who, PHASE, org, accept).await;
    assert_eq!(accepted.unwrap(), ReviewOutcome::Reviewed);
    let stored = assignments::submission(db, &leader, PHASE, org)
        .await
        .unwrap();
    assert_eq!(stored.status, SubmissionStatus::Accepted);

    // Strategists do not review.
    let by_strategist = assignments::review(
        db,
        programme,
        &strategist,
        &acting(&strategist),
        PHASE,
        org,
        review(Action::Accept, "", None),
    )
    .await;
    assert!(matches!(by_strategist, Err(Error::Forbidden)));
}
