//! The search, input and moderation use cases called directly, without HTTP.

use super::app_events::person;
use super::helpers::*;
use framsyn::app::Error;
use framsyn::app::input::{Moderated, Moderation, Sent, moderate, send};
use framsyn::app::search::search;
use framsyn::domain::bank::{NoteForm, NoteStatus};
use framsyn::domain::input::{InputForm, InputStatus, PER_HOUR};
use framsyn::domain::source::SourceForm;
use framsyn::storage::audit::Actor;
use framsyn::storage::users::User;
use framsyn::storage::{bank, inputs, sources};

#[tokio::test]
async fn a_search_finds_what_each_searcher_may_see() {
    let app = spawn_app();
    let world = world(&app);
    let (a, b) = (person(&app, STRATEGIST_A), person(&app, STRATEGIST_B));
    let note = NoteForm {
        note_type: "trend".into(),
        title: "Vätgasens genombrott".into(),
        category: "technological".into(),
        ..Default::default()
    }
    .validate(&[])
    .unwrap();
    let source = SourceForm {
        kind: "report".into(),
        title: "Vätgasens framtid i Norden".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    let (org_a, author) = (world.org_a, a.id);
    let (draft, report) = app
        .db
        .write_blocking(move |tx| {
            let draft = bank::insert(tx, &note, NoteStatus::Draft, org_a, author)?;
            Ok((draft, sources::insert(tx, &source, org_a, author)?))
        })
        .unwrap();
    let methods = &app.state.methods;

    let own = search(
        &app.db,
        &app.state.programme,
        Some(&a),
        methods,
        "vätgasens",
    )
    .await
    .unwrap();
    assert!(own.searched);
    assert_eq!(own.notes.iter().map(|n| n.id).collect::<Vec<_>>(), [draft]);
    assert_eq!(
        own.sources.iter().map(|s| s.id).collect::<Vec<_>>(),
        [report]
    );

    // A draft stays in its organisation; sources are for members only.
    let other = search(
        &app.db,
        &app.state.programme,
        Some(&b),
        methods,
        "vätgasens",
    )
    .await
    .unwrap();
    assert!(other.notes.is_empty() && other.sources.len() == 1);
    let visitor = search(&app.db, &app.state.programme, None, methods, "vätgasens")
        .await
        .unwrap();
    assert!(visitor.notes.is_empty() && visitor.sources.is_empty());

    let delphi = search(&app.db, &app.state.programme, None, methods, "delphi")
        .await
        .unwrap();
    assert!(delphi.methods.iter().any(|m| m.slug.contains("delphi")));
    let nothing = search(&app.db, &app.state.programme, None, methods, "  ")
        .await
        .unwrap();
    assert!(!nothing.searched && nothing.methods.is_empty());
}

#[tokio::test]
async fn quotes_exclusions_and_or_narrow_or_widen_a_search_as_the_page_explains() {
    let app = spawn_app();
    let world = world(&app);
    let a = person(&app, STRATEGIST_A);
    let titles = [
        "Vätgas i sjöfarten",
        "Grön omställning i industrin",
        "Omställning av grön energi",
        "Elbilar på landsbygden",
    ];
    let notes: Vec<_> = titles
        .iter()
        .map(|title| {
            NoteForm {
                note_type: "trend".into(),
                title: title.to_string(),
                category: "technological".into(),
                ..Default::default()
            }
            .validate(&[])
            .unwrap()
        })
        .collect();
    let (org_a, author) = (world.org_a, a.id);
    let ids = app
        .db
        .write_blocking(move |tx| {
            notes
                .iter()
                .map(|n| bank::insert(tx, n, NoteStatus::Submitted, org_a, author))
                .collect::<Result<Vec<i64>, _>>()
        })
        .unwrap();
    let methods = &app.state.methods;
    let found = |typed: &'static str| {
        let (db, programme, a) = (app.db.clone(), app.state.programme.clone(), a.clone());
        async move {
            let mut hits: Vec<i64> = search(&db, &programme, Some(&a), methods, typed)
                .await
                .unwrap()
                .notes
                .iter()
                .map(|n| n.id)
                .collect();
            hits.sort_unstable();
            hits
        }
    };
    assert_eq!(found("grön omställning").await, [ids[1], ids[2]]);
    assert_eq!(found("\"grön omställning\"").await, [ids[1]]);
    assert_eq!(found("omställning -industrin").await, [ids[2]]);
    assert_eq!(found("omställning -\"grön omställning\"").await, [ids[2]]);
    assert_eq!(found("vätgas OR elbilar").await, [ids[0], ids[3]]);
    // Broken syntax is searched as text, never an error.
    assert_eq!(found("\"grön OR (NEAR").await, Vec::<i64>::new());

    // The search page says how.
    let page = app.visitor().get("/search").await;
    assert_eq!(
        page.attrs("#search-help [data-syntax]", "data-syntax"),
        ["words", "phrase", "not", "or"]
    );
}

#[tokio::test]
async fn input_is_held_but_limited_per_address_and_robots_are_ignored() {
    let app = spawn_app();
    let programme = &app.state.programme;
    let actor = || Actor {
        user_id: None,
        address: Some("198.51.100.7".into()),
    };
    let address = || "198.51.100.7".to_string();
    let form = InputForm {
        body: "Tänk på landsbygdens unga.".into(),
        ..Default::default()
    };
    let robot = InputForm {
        website: "https://spam.example".into(),
        ..form.clone()
    };
    let ignored = send(&app.db, programme, address(), actor(), &robot).await;
    assert!(matches!(ignored.unwrap(), Sent::Ignored));
    let empty = send(
        &app.db,
        programme,
        address(),
        actor(),
        &InputForm::default(),
    )
    .await;
    let Sent::Refused(errors) = empty.unwrap() else {
        panic!("input without text is refused");
    };
    assert_eq!(errors.get("body"), Some("error-required"));

    for _ in 0..PER_HOUR {
        let sent = send(&app.db, programme, address(), actor(), &form).await;
        assert!(matches!(sent.unwrap(), Sent::Stored(_)));
    }
    let more = send(&app.db, programme, address(), actor(), &form).await;
    assert!(matches!(more.unwrap(), Sent::TooMany));
}

#[tokio::test]
async fn an_editor_moderates_input_and_links_it_only_to_a_note_that_exists() {
    let app = spawn_app();
    world(&app);
    let programme = &app.state.programme;
    let form = InputForm {
        body: "Fler röster från kommunerna.".into(),
        ..Default::default()
    };
    let visitor = Actor {
        user_id: None,
        address: None,
    };
    let sent = send(&app.db, programme, "203.0.113.5".into(), visitor, &form).await;
    let Sent::Stored(id) = sent.unwrap() else {
        panic!("the input is held");
    };
    let (editor, strategist) = (person(&app, EDITOR), person(&app, STRATEGIST_A));
    let decide = |user: User, note: Option<i64>| {
        let db = app.db.clone();
        async move {
            let actor = Actor {
                user_id: Some(user.id),
                address: None,
            };
            let moderation = Moderation {
                status: InputStatus::Answered,
                note,
                published: true,
                public_body: String::new(),
            };
            moderate(&db, &user, actor, id, moderation).await
        }
    };
    assert!(matches!(
        decide(strategist, None).await,
        Err(Error::Forbidden)
    ));
    let unknown = decide(editor.clone(), Some(424242)).await.unwrap();
    assert_eq!(unknown, Moderated::UnknownNote);
    assert_eq!(decide(editor, None).await.unwrap(), Moderated::Done);
    let shown = app.db.read_blocking(inputs::published).unwrap();
    assert_eq!(shown.len(), 1);
}
