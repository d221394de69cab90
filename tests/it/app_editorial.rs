//! The editorial use cases called without HTTP: writing, the workflow with a second pair
//! of eyes, publishing with its snapshot (and the refusal of material a visitor may not
//! see), stale steps and edits, restoring, and uploads.

use framsyn::app::Error;
use framsyn::app::editorial::{self, StepInput, StepOutcome, Upload};
use framsyn::domain::publication::{PublicationForm, PublicationStatus, Step, ValidPublication};
use framsyn::domain::user::Role;
use framsyn::storage::audit::Actor;
use framsyn::storage::users::{self, User};
use framsyn::storage::{Edit, publications};

use super::helpers::*;

const EDITOR_2: &str = "redaktor2@reglab.test";

/// The person with `email`, as the use cases take them.
pub(super) fn person(app: &TestApp, email: &str) -> User {
    let email = email.to_string();
    app.db
        .read_blocking(move |c| {
            let id = users::find_by_email(c, &email)?.expect("the person exists");
            Ok(users::get(c, id)?.expect("the person exists"))
        })
        .unwrap()
}

/// Who acts, for the audit log.
pub(super) fn acting(user: &User) -> Actor {
    Actor {
        user_id: Some(user.id),
        address: None,
    }
}

fn text(app: &TestApp, title: &str, body: &str) -> ValidPublication {
    PublicationForm {
        kind: "output".into(),
        phase: "omvarlden".into(),
        output: "fordjupad-omvarldsanalys".into(),
        title: title.into(),
        body: body.into(),
        ..Default::default()
    }
    .validate(&app.state.programme)
    .expect("a valid text")
}

fn stored(app: &TestApp, id: i64) -> publications::Publication {
    app.db
        .read_blocking(move |c| publications::get(c, id))
        .unwrap()
        .unwrap()
}

fn asked(step: Step) -> StepInput {
    StepInput {
        step,
        version: None,
        comment: String::new(),
        publish_at: String::new(),
    }
}

/// Two editors; a text written by the first and submitted for review.
async fn in_review(app: &TestApp, body: &str) -> (User, User, i64) {
    let w = world(app);
    app.user(EDITOR_2, w.office, &[Role::Editor]);
    let (first, second) = (person(app, EDITOR), person(app, EDITOR_2));
    let valid = text(app, "Fördjupad omvärldsanalys", body);
    let id = editorial::create(&app.db, &first, &acting(&first), valid)
        .await
        .unwrap();
    let submitted = editorial::take_step(
        &app.db,
        &app.state.programme,
        &first,
        &acting(&first),
        id,
        asked(Step::Submit),
    )
    .await
    .unwrap();
    assert_eq!(submitted, StepOutcome::Taken);
    (first, second, id)
}

#[tokio::test]
async fn publishing_takes_a_second_editor_and_freezes_the_material() {
    let app = spawn_app();
    let (first, second, id) = in_review(&app, "Utan hänvisningar.").await;
    let programme = &app.state.programme;

    // The one who wrote it may not publish it.
    let own = editorial::publish(&app.db, programme, &first, &acting(&first), id)
        .await
        .unwrap();
    let StepOutcome::Invalid(errors) = own else {
        panic!("publishing one's own text is refused, not {own:?}");
    };
    assert_eq!(errors.get("step"), Some("error-publish-own"));
    assert_eq!(stored(&app, id).status, PublicationStatus::InReview);

    let published = editorial::publish(&app.db, programme, &second, &acting(&second), id)
        .await
        .unwrap();
    assert_eq!(published, StepOutcome::Taken);
    let text = stored(&app, id);
    assert_eq!(text.status, PublicationStatus::Published);
    assert!(text.snapshot.is_some(), "published with its snapshot");
    assert_eq!(text.snapshot_at, Some(app.clock.now_seconds()));
}

#[tokio::test]
async fn publishing_material_a_visitor_may_not_see_is_refused() {
    let app = spawn_app();
    let (_, second, id) = in_review(&app, "Se nedan.\n\n[[note:999999]]").await;
    let outcome = editorial::publish(&app.db, &app.state.programme, &second, &acting(&second), id)
        .await
        .unwrap();
    assert_eq!(outcome, StepOutcome::Refused);
    let text = stored(&app, id);
    assert_eq!(text.status, PublicationStatus::InReview);
    assert!(text.snapshot.is_none());
}

#[tokio::test]
async fn a_step_from_an_old_version_is_stale_and_a_return_needs_a_comment() {
    let app = spawn_app();
    let (_, second, id) = in_review(&app, "Text.").await;
    let programme = &app.state.programme;
    let returned = editorial::take_step(
        &app.db,
        programme,
        &second,
        &acting(&second),
        id,
        asked(Step::Return),
    )
    .await
    .unwrap();
    let StepOutcome::Invalid(errors) = returned else {
        panic!("a return without a comment is refused, not {returned:?}");
    };
    assert_eq!(errors.get("comment"), Some("error-return-comment"));

    let old = StepInput {
        version: Some(1),
        ..StepInput::publish()
    };
    let stale = editorial::take_step(&app.db, programme, &second, &acting(&second), id, old)
        .await
        .unwrap();
    assert_eq!(stale, StepOutcome::Stale);
    assert_eq!(stored(&app, id).status, PublicationStatus::InReview);
}

#[tokio::test]
async fn only_editors_take_steps_and_a_missing_text_is_not_found() {
    let app = spawn_app();
    let (_, _, id) = in_review(&app, "Text.").await;
    let strategist = person(&app, STRATEGIST_A);
    let programme = &app.state.programme;
    let refused =
        editorial::publish(&app.db, programme, &strategist, &acting(&strategist), id).await;
    assert!(matches!(refused, Err(Error::Forbidden)));
    let editor = person(&app, EDITOR_2);
    let missing = editorial::publish(&app.db, programme, &editor, &acting(&editor), id + 100).await;
    assert!(matches!(missing, Err(Error::NotFound)));
}

#[tokio::test]
async fn an_edit_from_an_old_version_comes_back_stale_with_the_newer_text() {
    let app = spawn_app();
    let w = world(&app);
    app.user(EDITOR_2, w.office, &[Role::Editor]);
    let (first, second) = (person(&app, EDITOR), person(&app, EDITOR_2));
    let id = editorial::create(&app.db, &first, &acting(&first), text(&app, "T", "Ett."))
        .await
        .unwrap();
    let mine = text(&app, "T", "Mitt.");
    let saved = editorial::update(&app.db, &first, &acting(&first), id, 1, mine)
        .await
        .unwrap();
    assert!(matches!(saved, Edit::Saved { version: 2 }));
    let theirs = text(&app, "T", "Deras.");
    let stale = editorial::update(&app.db, &second, &acting(&second), id, 1, theirs)
        .await
        .unwrap();
    let Edit::Stale(newer) = stale else {
        panic!("an edit from version 1 is stale");
    };
    assert_eq!((newer.version, newer.body.as_str()), (2, "Mitt."));

    // Restoring the first revision is a new revision with its text.
    let restored = editorial::restore(&app.db, &second, &acting(&second), id, 1, None)
        .await
        .unwrap();
    assert!(matches!(restored, Edit::Saved { version: 3 }));
    assert_eq!(stored(&app, id).body, "Ett.");
}

#[tokio::test]
async fn an_upload_that_is_no_image_is_refused_at_its_fields() {
    let app = spawn_app();
    world(&app);
    let editor = person(&app, EDITOR);
    let upload = editorial::upload_image(&app.db, &editor, &acting(&editor), b"text".to_vec(), "")
        .await
        .unwrap();
    let Upload::Refused(errors) = upload else {
        panic!("not an image");
    };
    assert!(errors.get("file").is_some());
    assert_eq!(errors.get("alt"), Some("error-required"));
}
