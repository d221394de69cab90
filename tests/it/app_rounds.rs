//! The rating-round use cases called without HTTP: opening a round only on notes there
//! to rate, rating while it is open (refused once closed or off the scale), the sheet,
//! and who sees the figures.

use chrono::Duration;

use framsyn::app::Error;
use framsyn::app::rounds::{self, CreateOutcome, RateOutcome};
use framsyn::domain::bank::{NoteForm, NoteStatus};
use framsyn::domain::rating::{RoundForm, ValidRound};
use framsyn::storage::bank;

use super::app_editorial::{acting, person};
use super::helpers::*;

/// A note stored straight into the bank with `status`.
pub(super) fn stored_note(
    app: &TestApp,
    org: i64,
    author: i64,
    kind: &str,
    title: &str,
    status: NoteStatus,
) -> i64 {
    let valid = NoteForm {
        note_type: kind.into(),
        title: title.into(),
        category: "social".into(),
        time_band: "2030_2040".into(),
        ..Default::default()
    }
    .validate(&[])
    .expect("a valid note");
    app.db
        .write_blocking(|tx| bank::insert(tx, &valid, status, org, author))
        .unwrap()
}

/// A submitted note of organisation `org`, straight into the bank.
pub(super) fn submitted_note(app: &TestApp, org: i64, author: i64, kind: &str, title: &str) -> i64 {
    stored_note(app, org, author, kind, title, NoteStatus::Submitted)
}

fn round(app: &TestApp, notes: &[i64], closes: &str) -> ValidRound {
    let phases: Vec<&str> = app
        .state
        .programme
        .phases
        .iter()
        .map(|p| p.slug.as_str())
        .collect();
    RoundForm {
        title: "Prioritering av trender".into(),
        notes: notes
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        criteria: vec!["impact".into(), "uncertainty".into()],
        opens_at: "2020-01-01T09:00".into(),
        closes_at: closes.into(),
        anonymity: "leaders".into(),
        feedback: "after_answer".into(),
        ..Default::default()
    }
    .validate(&phases, app.state.programme.time_zone)
    .expect("a valid round")
}

fn sheet(fields: &[(String, &str)]) -> Vec<(String, String)> {
    fields
        .iter()
        .map(|(k, v)| (k.clone(), v.to_string()))
        .collect()
}

#[tokio::test]
async fn a_round_opens_only_on_notes_there_to_rate_and_only_by_process_leaders() {
    let app = spawn_app();
    let w = world(&app);
    let strategist = person(&app, STRATEGIST_A);
    let trend = submitted_note(&app, w.org_a, strategist.id, "trend", "Åldrande befolkning");
    let draft = stored_note(
        &app,
        w.org_a,
        strategist.id,
        "trend",
        "Utkast",
        NoteStatus::Draft,
    );
    let leader = person(&app, LEADER);
    let closes = local(30, 9);

    let refused = rounds::create(
        &app.db,
        &leader,
        &acting(&leader),
        round(&app, &[trend, draft], &closes),
    )
    .await;
    let CreateOutcome::Invalid(errors) = refused.unwrap() else {
        panic!("a draft note is not there to rate");
    };
    assert_eq!(errors.get("notes"), Some("error-round-note-unusable"));

    let by_strategist = rounds::create(
        &app.db,
        &strategist,
        &acting(&strategist),
        round(&app, &[trend], &closes),
    )
    .await;
    assert!(matches!(by_strategist, Err(Error::Forbidden)));

    let created = rounds::create(
        &app.db,
        &leader,
        &acting(&leader),
        round(&app, &[trend], &closes),
    )
    .await;
    let CreateOutcome::Created(id) = created.unwrap() else {
        panic!("a round on a submitted note opens");
    };
    assert_eq!(
        rounds::round(&app.db, id).await.unwrap().title,
        "Prioritering av trender"
    );
}

#[tokio::test]
async fn ratings_are_stored_while_the_round_is_open_and_refused_once_it_closed() {
    let app = spawn_app();
    let w = world(&app);
    let (strategist, other) = (person(&app, STRATEGIST_A), person(&app, STRATEGIST_B));
    let trend = submitted_note(&app, w.org_a, strategist.id, "trend", "Åldrande befolkning");
    let leader = person(&app, LEADER);
    let valid = round(&app, &[trend], &local(1, 9));
    let CreateOutcome::Created(id) = rounds::create(&app.db, &leader, &acting(&leader), valid)
        .await
        .unwrap()
    else {
        panic!("the round opens");
    };
    let impact = format!("r-{trend}-impact");

    // Before answering, a strategist does not see the figures of this round: answer first.
    assert!(matches!(
        rounds::readable(&app.db, &strategist, id).await,
        Err(Error::Refused("error-reason-answer-first"))
    ));

    let off_scale = sheet(&[(impact.clone(), "9")]);
    let refused = rounds::rate(&app.db, &strategist, &acting(&strategist), id, off_scale).await;
    assert!(
        matches!(refused.unwrap(), RateOutcome::Invalid(errors) if errors.contains_key(&impact))
    );

    let answers = sheet(&[(impact.clone(), "4")]);
    let saved = rounds::rate(&app.db, &strategist, &acting(&strategist), id, answers).await;
    assert_eq!(saved.unwrap(), RateOutcome::Saved);
    let mine = rounds::sheet(&app.db, &strategist, id).await.unwrap();
    assert_eq!(mine.values.get(&impact).map(String::as_str), Some("4"));
    assert!(
        mine.show_figures,
        "the round shows its figures after answering"
    );
    assert_eq!(mine.figures[&format!("{trend}-impact")].summary.n, 1);

    // Everyone's figures, then those of each organisation that answered.
    let (_, groups) = rounds::figures_by_organisation(&app.db, &strategist, id)
        .await
        .unwrap();
    let names: Vec<Option<&str>> = groups
        .iter()
        .map(|(o, _)| o.as_ref().map(|o| o.name.as_str()))
        .collect();
    assert_eq!(names, [None, Some("Region Skåne")]);

    app.clock.advance(Duration::days(2));
    let late = sheet(&[(impact.clone(), "2")]);
    let closed = rounds::rate(&app.db, &other, &acting(&other), id, late).await;
    let RateOutcome::Closed(errors) = closed.unwrap() else {
        panic!("a closed round takes no answers");
    };
    assert_eq!(errors.get("round"), Some(&"error-round-closed"));
    let theirs = rounds::sheet(&app.db, &other, id).await.unwrap();
    assert!(theirs.values.is_empty(), "nothing was stored");
}
