//! The bank and source-bank use cases called without HTTP: an import is all or none,
//! edits of notes and sources refuse a stale version, linking and merging notes, and
//! citing a source from a note.

use framsyn::app::Error;
use framsyn::app::bank::{self as bank_app, ImportOutcome, NoteChange, NoteEdit};
use framsyn::app::sources as sources_app;
use framsyn::domain::bank::{LinkKind, NoteForm, NoteStatus};
use framsyn::domain::source::{SourceForm, Stance};
use framsyn::storage::sources::{self, Linked};
use framsyn::storage::{Edit, bank};

use super::app_editorial::{acting, person};
use super::app_rounds::{stored_note, submitted_note};
use super::helpers::*;

fn note(title: &str, parent: Option<i64>) -> framsyn::domain::bank::ValidNote {
    let mut valid = NoteForm {
        note_type: "signal".into(),
        title: title.into(),
        category: "social".into(),
        ..Default::default()
    }
    .validate(&[])
    .expect("a valid note");
    valid.parent = parent;
    valid
}

#[tokio::test]
async fn an_import_with_a_bad_parent_stores_nothing_and_a_good_one_stores_drafts() {
    let app = spawn_app();
    let w = world(&app);
    let strategist = person(&app, STRATEGIST_A);
    let who = acting(&strategist);
    let rows = vec![
        (2, note("En signal", None)),
        (3, note("En till", Some(999_999))),
    ];
    let refused = bank_app::import(&app.db, &strategist, &who, rows)
        .await
        .unwrap();
    let ImportOutcome::Refused(errors) = refused else {
        panic!("a parent that is not there refuses the file");
    };
    assert_eq!((errors[0].row, errors[0].column.as_str()), (3, "parent"));
    let org = w.org_a;
    let count = |app: &TestApp| {
        app.db
            .read_blocking(move |c| Ok(bank::briefs(c, &(1..100).collect::<Vec<_>>())?.len()))
            .unwrap()
    };
    assert_eq!(count(&app), 0, "nothing was stored");

    let rows = vec![(2, note("En signal", None)), (3, note("En till", None))];
    let imported = bank_app::import(&app.db, &strategist, &who, rows)
        .await
        .unwrap();
    assert_eq!(imported, ImportOutcome::Imported(2));
    let stored = app
        .db
        .read_blocking(move |c| bank::briefs(c, &[1, 2]))
        .unwrap();
    assert!(
        stored
            .iter()
            .all(|b| b.status == NoteStatus::Draft && b.organisation_id == org)
    );

    // A member without a role in the programme's work imports nothing.
    app.user("medlem@skane.test", w.org_a, &[]);
    let member = person(&app, "medlem@skane.test");
    let forbidden = bank_app::import(&app.db, &member, &acting(&member), Vec::new()).await;
    assert!(matches!(forbidden, Err(Error::Forbidden)));
}

#[tokio::test]
async fn a_note_cites_a_source_that_exists_and_only_its_writers_cite() {
    let app = spawn_app();
    let w = world(&app);
    let strategist = person(&app, STRATEGIST_A);
    let trend = submitted_note(&app, w.org_a, strategist.id, "trend", "Åldrande befolkning");
    let source = SourceForm {
        kind: "report".into(),
        title: "Befolkningsprognos".into(),
        ..Default::default()
    }
    .validate()
    .expect("a valid source");
    let author = strategist.id;
    let source = app
        .db
        .write_blocking(|tx| sources::insert(tx, &source, w.org_a, author))
        .unwrap();
    let who = acting(&strategist);

    let missing = sources_app::cite(
        &app.db,
        &strategist,
        &who,
        trend,
        source + 1,
        Stance::Supports,
    )
    .await;
    assert_eq!(missing.unwrap(), Linked::NoSource);
    let cited =
        sources_app::cite(&app.db, &strategist, &who, trend, source, Stance::Supports).await;
    assert_eq!(cited.unwrap(), Linked::Added);
    let again =
        sources_app::cite(&app.db, &strategist, &who, trend, source, Stance::Supports).await;
    assert_eq!(again.unwrap(), Linked::Unchanged);

    // Another region's strategist sees the submitted note but does not change it.
    let other = person(&app, STRATEGIST_B);
    let refused = sources_app::cite(
        &app.db,
        &other,
        &acting(&other),
        trend,
        source,
        Stance::Contradicts,
    )
    .await;
    assert!(matches!(refused, Err(Error::Forbidden)));
    let nothing = sources_app::cite(
        &app.db,
        &other,
        &acting(&other),
        trend + 100,
        source,
        Stance::Supports,
    )
    .await;
    assert!(matches!(nothing, Err(Error::NotFound)));
}

#[tokio::test]
async fn a_note_edit_from_an_old_version_is_stale_and_a_bad_parent_refused() {
    let app = spawn_app();
    let w = world(&app);
    let strategist = person(&app, STRATEGIST_A);
    let trend = submitted_note(&app, w.org_a, strategist.id, "trend", "Åldrande befolkning");
    let who = acting(&strategist);

    let orphan = note("Åldrande befolkning", Some(999_999));
    let refused = bank_app::update(&app.db, &strategist, &who, trend, 1, orphan)
        .await
        .unwrap();
    let NoteEdit::Refused(errors) = refused else {
        panic!("a parent that is not there is refused");
    };
    assert_eq!(errors.get("parent"), Some("error-parent-unknown"));

    let first = note("Åldrande befolkning i inlandet", None);
    let saved = bank_app::update(&app.db, &strategist, &who, trend, 1, first)
        .await
        .unwrap();
    assert!(matches!(saved, NoteEdit::Saved));
    let late = note("Åldrande befolkning överallt", None);
    let stale = bank_app::update(&app.db, &strategist, &who, trend, 1, late)
        .await
        .unwrap();
    let NoteEdit::Stale(newer) = stale else {
        panic!("an edit from version 1 is stale");
    };
    assert_eq!(newer.title, "Åldrande befolkning i inlandet");

    // Another region's strategist sees the submitted note but does not write it.
    let other = person(&app, STRATEGIST_B);
    let theirs = note("Något annat", None);
    let forbidden = bank_app::update(&app.db, &other, &acting(&other), trend, 2, theirs).await;
    assert!(matches!(forbidden, Err(Error::Forbidden)));
}

#[tokio::test]
async fn a_source_edit_from_an_old_version_comes_back_stale() {
    let app = spawn_app();
    let w = world(&app);
    let strategist = person(&app, STRATEGIST_A);
    let form = |title: &str| {
        SourceForm {
            kind: "report".into(),
            title: title.into(),
            ..Default::default()
        }
        .validate()
        .expect("a valid source")
    };
    let first = form("Befolkningsprognos");
    let author = strategist.id;
    let id = app
        .db
        .write_blocking(|tx| sources::insert(tx, &first, w.org_a, author))
        .unwrap();
    let who = acting(&strategist);
    let saved = sources_app::update(&app.db, &strategist, &who, id, 1, form("Prognos 2050"))
        .await
        .unwrap();
    assert!(matches!(saved, Edit::Saved { version: 2 }));
    let stale = sources_app::update(&app.db, &strategist, &who, id, 1, form("Prognos 2040"))
        .await
        .unwrap();
    let Edit::Stale(newer) = stale else {
        panic!("an edit from version 1 is stale");
    };
    assert_eq!(newer.title, "Prognos 2050");

    let other = person(&app, STRATEGIST_B);
    let forbidden =
        sources_app::update(&app.db, &other, &acting(&other), id, 2, form("Deras")).await;
    assert!(matches!(forbidden, Err(Error::Forbidden)));
}

#[tokio::test]
async fn notes_link_to_notes_there_to_link_and_curators_merge_them() {
    let app = spawn_app();
    let w = world(&app);
    let strategist = person(&app, STRATEGIST_A);
    let first = submitted_note(&app, w.org_a, strategist.id, "trend", "Åldrande befolkning");
    let second = submitted_note(&app, w.org_a, strategist.id, "trend", "Äldre befolkning");
    let (db, who) = (&app.db, acting(&strategist));

    let to_itself = bank_app::link(db, &strategist, &who, first, first, LinkKind::Reinforces).await;
    assert_eq!(to_itself.unwrap(), NoteChange::Refused("error-link-self"));
    let to_nothing = bank_app::link(db, &strategist, &who, first, 999_999, LinkKind::Reinforces);
    assert_eq!(
        to_nothing.await.unwrap(),
        NoteChange::Refused("error-note-not-found")
    );
    let linked = bank_app::link(db, &strategist, &who, first, second, LinkKind::Reinforces).await;
    assert_eq!(linked.unwrap(), NoteChange::Done);

    // Strategists do not merge; a curator does, once.
    let by_strategist = bank_app::merge(db, &strategist, &who, first, second).await;
    assert!(matches!(by_strategist, Err(Error::Forbidden)));
    let editor = person(&app, EDITOR);
    let merged = bank_app::merge(db, &editor, &acting(&editor), first, second).await;
    assert_eq!(merged.unwrap(), NoteChange::Done);
    let status = db
        .read_blocking(move |c| Ok(bank::brief(c, first)?.unwrap().status))
        .unwrap();
    assert_eq!(status, NoteStatus::Merged);
    let again = bank_app::merge(db, &editor, &acting(&editor), first, second).await;
    assert!(matches!(again.unwrap(), NoteChange::Refused(_)));
}

#[tokio::test]
async fn a_hidden_draft_as_parent_gets_the_answer_of_a_number_naming_nothing() {
    let app = spawn_app();
    let w = world(&app);
    let other = person(&app, STRATEGIST_B);
    let hidden = stored_note(
        &app,
        w.org_b,
        other.id,
        "trend",
        "Norrbottens utkast",
        NoteStatus::Draft,
    );
    let strategist = person(&app, STRATEGIST_A);
    let who = acting(&strategist);
    let own = submitted_note(&app, w.org_a, strategist.id, "signal", "Skånes signal");

    let mut answers = Vec::new();
    for parent in [hidden, 999_999] {
        let edited = bank_app::update(
            &app.db,
            &strategist,
            &who,
            own,
            1,
            note("Skånes signal", Some(parent)),
        )
        .await
        .unwrap();
        let NoteEdit::Refused(errors) = edited else {
            panic!("parent {parent} is refused");
        };
        let imported = bank_app::import(
            &app.db,
            &strategist,
            &who,
            vec![(2, note("Ny", Some(parent)))],
        )
        .await
        .unwrap();
        let ImportOutcome::Refused(rows) = imported else {
            panic!("parent {parent} refuses the file");
        };
        answers.push((errors.get("parent").map(str::to_string), rows[0].message));
    }
    assert_eq!(answers[0], answers[1]);
    assert_eq!(answers[0].0.as_deref(), Some("error-parent-unknown"));
}

#[tokio::test]
async fn a_retype_obeys_the_ladder_of_the_notes_under_it() {
    let app = spawn_app();
    let w = world(&app);
    let strategist = person(&app, STRATEGIST_A);
    let who = acting(&strategist);
    let mega = submitted_note(
        &app,
        w.org_a,
        strategist.id,
        "megatrend",
        "Klimatförändringar",
    );
    let signal = submitted_note(&app, w.org_a, strategist.id, "signal", "Skyfall i Malmö");
    let under = note("Skyfall i Malmö", Some(mega));
    let saved = bank_app::update(&app.db, &strategist, &who, signal, 1, under)
        .await
        .unwrap();
    assert!(matches!(saved, NoteEdit::Saved));

    let retyped = |kind: &str| {
        let mut valid = note("Klimatförändringar", None);
        valid.note_type = framsyn::domain::bank::NoteType::parse(kind).unwrap();
        valid
    };
    // A signal under a signal would be refused as a parent, so it is refused as a retype.
    for kind in ["signal", "driver"] {
        let refused = bank_app::update(&app.db, &strategist, &who, mega, 1, retyped(kind))
            .await
            .unwrap();
        let NoteEdit::Refused(errors) = refused else {
            panic!("retyping the parent to {kind} is refused");
        };
        assert_eq!(errors.get("type"), Some("error-retype-children"));
    }
    let stored = app
        .db
        .read_blocking(move |c| bank::get(c, mega))
        .unwrap()
        .unwrap();
    assert_eq!(stored.note_type.key(), "megatrend");
    // A trend still stands above a signal.
    let saved = bank_app::update(&app.db, &strategist, &who, mega, 1, retyped("trend"))
        .await
        .unwrap();
    assert!(matches!(saved, NoteEdit::Saved));
}
