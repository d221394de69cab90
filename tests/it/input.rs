//! Input from the public as it is published: what the form says will be shown, the
//! name only when the sender allows it, contact details never, the moderators' edited
//! version (with the original kept for them), Markdown rendered, and input on its note.

use axum::http::StatusCode;

use super::helpers::*;
use framsyn::storage::inputs;

#[tokio::test]
async fn input_is_published_redacted_with_the_name_only_when_allowed() {
    let mut app = spawn_app();
    world(&app);
    // The form says what will be published, and asks before publishing a name.
    let form = app.get("/input").await;
    assert_eq!(form.texts("[data-publishing]").len(), 1);
    assert_eq!(
        form.attrs("input[type=checkbox][name=name_public]", "value"),
        ["1"]
    );

    let sent = [
        vec![
            (
                "body",
                "Fler **cykelvägar** på landsbygden. Ring mig på 070-174 06 12.",
            ),
            ("name", "Eva Ek"),
            ("email", "eva.ek@example.test"),
        ],
        vec![
            ("body", "Tänk på *skärgårdarna*."),
            ("name", "Olle Berg"),
            ("email", "olle@example.test"),
            ("name_public", "1"),
        ],
    ];
    for fields in &sent {
        let response = app.post("/input", fields).await;
        assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    }
    let stored = app.db.read_blocking(|c| inputs::queue(c, None)).unwrap();
    let id_of = |word: &str| stored.iter().find(|i| i.body.contains(word)).unwrap().id;
    let (eva, olle) = (id_of("cykelvägar"), id_of("skärgårdarna"));

    let strategist = app.as_strategist_a().await;
    let note = submitted_note(&strategist, "trend", "Cykling på landsbygden").await;
    let editor = app.as_editor().await;
    let redacted = "Fler **cykelvägar** på landsbygden.";
    let note_number = note.to_string();
    let moderated = editor
        .post(
            &format!("/admin/input/{eva}"),
            &[
                ("status", "read"),
                ("note", &note_number),
                ("published", "1"),
                ("public_body", redacted),
            ],
        )
        .await;
    assert_eq!(
        moderated.status,
        StatusCode::SEE_OTHER,
        "{}",
        moderated.body
    );
    let moderated = editor
        .post(
            &format!("/admin/input/{olle}"),
            &[
                ("status", "answered"),
                ("published", "1"),
                ("public_body", ""),
            ],
        )
        .await;
    assert_eq!(
        moderated.status,
        StatusCode::SEE_OTHER,
        "{}",
        moderated.body
    );

    // The public sees the edited version, rendered, and only the name allowed.
    let public = app.get("/input").await;
    assert!(
        !public.body.contains("070-174"),
        "the phone number is published"
    );
    assert!(
        !public.body.contains("Eva Ek"),
        "a name is published unasked"
    );
    assert!(
        !public.body.contains("@example.test"),
        "an address is published"
    );
    assert_eq!(public.texts("[data-input] [data-sender]"), ["Olle Berg"]);
    assert_eq!(public.texts("[data-input] strong"), ["cykelvägar"]);
    assert_eq!(public.texts("[data-input] em"), ["skärgårdarna"]);

    // The moderators keep the text as sent beside the version published.
    let queue = editor.get("/admin/input").await;
    assert!(
        queue
            .texts("[data-original]")
            .iter()
            .any(|t| t.contains("070-174 06 12"))
    );
    assert_eq!(queue.texts("[data-public-version] strong"), ["cykelvägar"]);
    let kept = app
        .db
        .read_blocking(move |c| inputs::get(c, eva))
        .unwrap()
        .unwrap();
    assert!(kept.body.contains("070-174 06 12"));
    assert_eq!(kept.public_body.as_deref(), Some(redacted));

    // The note the input was linked to shows it, as published.
    let page = strategist.get(&format!("/bank/{note}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let linked = page.texts("[data-linked-input]");
    assert_eq!(linked.len(), 1);
    assert!(linked[0].contains("cykelvägar") && !linked[0].contains("070-174"));
    assert!(!page.body.contains("Eva Ek"));
}
