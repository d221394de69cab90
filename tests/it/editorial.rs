//! The editorial team's texts: preview, the workflow with a second pair of eyes,
//! scheduled publication, revisions with diff and restore, the conflict refusal, and what
//! the public sees (pages, list and feed).

use axum::http::StatusCode;

use super::helpers::*;
use framsyn::domain::user::Role;
use framsyn::storage::publications;

pub(super) const EDITOR_2: &str = "redaktor2@reglab.test";

pub(super) fn output<'a>(
    title: &'a str,
    body: &'a str,
    action: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("kind", "output"),
        ("phase", "omvarlden"),
        ("output", "fordjupad-omvarldsanalys"),
        ("title", title),
        ("body", body),
        ("action", action),
    ]
}

/// The world with a second editor, and a draft text by the first editor; returns its id.
async fn setup(app: &TestApp) -> i64 {
    let w = world(app);
    app.user(EDITOR_2, w.office, &[Role::Editor]);
    let created = app
        .as_editor()
        .await
        .post(
            "/editorial/new",
            &output("Fördjupad omvärldsanalys", "Första **utkastet**.", "save"),
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    created
        .location()
        .trim_start_matches("/editorial/")
        .parse()
        .unwrap()
}

pub(super) fn step(version: &str, step: &str) -> Vec<(&'static str, String)> {
    vec![("version", version.to_string()), ("step", step.to_string())]
}

pub(super) async fn take(editor: &impl Client, id: i64, fields: &[(&str, String)]) -> TestResponse {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    editor.post(&format!("/editorial/{id}/step"), &pairs).await
}

pub(super) fn version_of(app: &TestApp, id: i64) -> String {
    app.db
        .read_blocking(move |c| publications::get(c, id))
        .unwrap()
        .unwrap()
        .version
        .to_string()
}

#[tokio::test]
async fn a_text_is_previewed_reviewed_by_another_editor_published_and_unpublished() {
    let mut app = spawn_app();
    let id = setup(&app).await;
    let editor = app.as_editor().await;
    // The preview renders what was typed and stores nothing.
    let preview = editor
        .post(
            "/editorial/new",
            &output("Nyhet", "En *förhandsvisning*.", "preview"),
        )
        .await;
    assert_eq!(preview.status, StatusCode::OK);
    preview.assert_contains("<em>förhandsvisning</em>");
    preview.assert_contains("En *förhandsvisning*.</textarea>");
    assert_eq!(app.db.read_blocking(publications::all).unwrap().len(), 1);

    // Drafts are nobody's business outside the editorial team.
    assert_eq!(
        editor.get(&format!("/publications/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    let v = version_of(&app, id);
    assert_eq!(
        take(&editor, id, &step(&v, "submit")).await.status,
        StatusCode::SEE_OTHER
    );
    // The programme wants a second pair of eyes: the writer may not publish.
    let v = version_of(&app, id);
    let own = take(&editor, id, &step(&v, "publish")).await;
    assert_eq!(own.status, StatusCode::UNPROCESSABLE_ENTITY);
    own.assert_error("error-publish-own");

    let editor_2 = app.as_user(EDITOR_2).await;
    let no_comment = take(&editor_2, id, &step(&v, "return")).await;
    assert_eq!(no_comment.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        no_comment.field_error("comment").is_some(),
        "an error at comment"
    );
    let mut back = step(&v, "return");
    back.push(("comment", "Lägg till källorna.".into()));
    assert_eq!(
        take(&editor_2, id, &back).await.status,
        StatusCode::SEE_OTHER
    );

    editor
        .get(&format!("/editorial/{id}"))
        .await
        .assert_contains("Lägg till källorna.");
    let v = version_of(&app, id);
    let mut edit = output(
        "Fördjupad omvärldsanalys",
        "Första **utkastet**, med källor.",
        "save",
    );
    edit.push(("version", &v));
    assert_eq!(
        editor
            .post(&format!("/editorial/{id}/edit"), &edit)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let v = version_of(&app, id);
    take(&editor, id, &step(&v, "submit")).await;

    let v = version_of(&app, id);
    assert_eq!(
        take(&editor_2, id, &step(&v, "publish")).await.status,
        StatusCode::SEE_OTHER
    );

    // The public reads it, finds it in the list and in the feed.
    let page = app.get(&format!("/publications/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("med källor");
    app.get("/publications")
        .await
        .assert_contains("Fördjupad omvärldsanalys");
    // The phase's page links it beside the output it is.
    app.get("/phases/omvarlden").await.assert_contains(&format!(
        ": <a href=\"/publications/{id}\">Fördjupad omvärldsanalys</a>"
    ));
    let feed = app.get("/feed.atom").await;
    assert_eq!(
        feed.headers.get("content-type").unwrap(),
        "application/atom+xml; charset=utf-8"
    );
    let parsed = atom_feed(&feed.body);
    assert_eq!(parsed, vec!["Fördjupad omvärldsanalys".to_string()]);

    // Unpublished: gone for the public again.
    let v = version_of(&app, id);
    take(&editor, id, &step(&v, "unpublish")).await;
    assert_eq!(
        app.get(&format!("/publications/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(atom_feed(&app.get("/feed.atom").await.body).is_empty());
}

/// The entry titles of an Atom feed.
fn atom_feed(xml: &str) -> Vec<String> {
    let feed: atom_syndication::Feed = xml.parse().expect("a valid Atom feed");
    feed.entries()
        .iter()
        .map(|e| e.title().value.clone())
        .collect()
}

#[tokio::test]
async fn a_scheduled_text_waits_for_its_time_and_a_time_past_is_refused() {
    let mut app = spawn_app();
    let id = setup(&app).await;
    let editor = app.as_editor().await;
    let v = version_of(&app, id);
    take(&editor, id, &step(&v, "submit")).await;
    let editor_2 = app.as_user(EDITOR_2).await;
    let v = version_of(&app, id);
    let mut past = step(&v, "publish");
    past.push(("publish_at", "2020-01-01T09:00".into()));
    let refused = take(&editor_2, id, &past).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_error("error-publish-in-past");
    refused.assert_contains("value=\"2020-01-01T09:00\"");
    let mut later = step(&v, "publish");
    later.push(("publish_at", "2099-01-01T09:00".into()));
    assert_eq!(
        take(&editor_2, id, &later).await.status,
        StatusCode::SEE_OTHER
    );
    editor_2
        .get(&format!("/editorial/{id}"))
        .await
        .assert_contains("publiceras 1 januari 2099, 09:00");
    assert_eq!(
        app.get(&format!("/publications/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(!app.get("/publications").await.body.contains("Fördjupad"));
    assert!(atom_feed(&app.get("/feed.atom").await.body).is_empty());
}

#[tokio::test]
async fn two_editors_saving_at_once_and_revisions_with_diff_and_restore() {
    let app = spawn_app();
    let id = setup(&app).await;
    let editor = app.as_editor().await;
    let v = version_of(&app, id);
    let mut first = output(
        "Fördjupad omvärldsanalys",
        "Första utkastet.\nEn ny rad.",
        "save",
    );
    first.push(("version", &v));
    let mut second = output("Fördjupad omvärldsanalys", "Min egen version.", "save");
    second.push(("version", &v));
    let editor_2 = app.as_user(EDITOR_2).await;
    assert_eq!(
        editor_2
            .post(&format!("/editorial/{id}/edit"), &first)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let stale = editor.post(&format!("/editorial/{id}/edit"), &second).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    stale.assert_contains("En ny rad.");
    stale.assert_contains("Min egen version.</textarea>");

    // The diff between the two versions, line by line, marked in words too.
    let history = editor
        .get(&format!("/editorial/{id}/history?from=1&to=2"))
        .await;
    history.assert_contains(
        "<del><span class=\"visually-hidden\">Borttaget: </span>− Första **utkastet**.</del>",
    );
    history
        .assert_contains("<ins><span class=\"visually-hidden\">Tillagt: </span>+ En ny rad.</ins>");
    // Restoring version 1 is a new revision with its text.
    let restored = editor
        .post(
            &format!("/editorial/{id}/restore"),
            &[("revision", "1"), ("version", "2")],
        )
        .await;
    assert_eq!(restored.status, StatusCode::SEE_OTHER);
    let text = app
        .db
        .read_blocking(move |c| publications::get(c, id))
        .unwrap()
        .unwrap();
    assert_eq!(text.body, "Första **utkastet**.");
    assert_eq!(text.version, 3);
    let revisions = app
        .db
        .read_blocking(move |c| publications::revisions(c, id))
        .unwrap();
    assert_eq!(revisions[0].action, "restore");
}

#[tokio::test]
async fn bad_texts_are_refused_at_the_field_and_only_editors_write() {
    let mut app = spawn_app();
    setup(&app).await;
    let editor = app.as_editor().await;
    let mut no_phase = output("Utan fas", "x", "save");
    no_phase[1] = ("phase", "");
    let refused = editor.post("/editorial/new", &no_phase).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.field_error("phase").is_some(), "an error at phase");
    refused.assert_contains("value=\"Utan fas\"");
    let mut unknown = output("Okänt resultat", "x", "save");
    unknown[2] = ("output", "scenarier-2050");
    let refused = editor.post("/editorial/new", &unknown).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.field_error("output").is_some(),
        "an error at output"
    );
    // Script in a text is rendered harmless.
    let id = editor
        .post(
            "/editorial/new",
            &[
                ("kind", "news"),
                ("title", "Nyhet"),
                ("body", "Hej <script>alert(1)</script> **där**"),
                ("action", "preview"),
            ],
        )
        .await;
    assert!(!id.body.contains("<script>alert(1)</script>"));
    let strategist = app.as_strategist_a().await;
    assert_eq!(
        strategist.get("/editorial").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        strategist
            .post("/editorial/new", &output("x", "y", "save"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.get("/editorial").await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn input_from_anyone_is_held_for_moderation_and_never_lost() {
    let mut app = spawn_app();
    world(&app);
    // Anyone, without signing in; script in the text stays text.
    let sent = app
        .post(
            "/input",
            &[
                ("body", "Tänk på skärgårdarna <script>alert(1)</script>"),
                ("phase", "omvarlden"),
                ("website", ""),
            ],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    app.get(sent.location()).await.assert_contains("Tack!");
    // A robot filling the hidden field is thanked, and nothing is stored.
    let robot = app
        .post(
            "/input",
            &[("body", "Köp billigt"), ("website", "http://spam.example")],
        )
        .await;
    assert_eq!(robot.status, StatusCode::SEE_OTHER);
    // Bad fields come back at the field with the text kept.
    let bad = app
        .post(
            "/input",
            &[("body", "Min text"), ("email", "inte-en-adress")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.field_error("email").is_some(), "an error at email");
    bad.assert_contains("Min text</textarea>");
    // Too much from one address in an hour: asked to wait, text kept, nothing lost.
    for i in 0..4 {
        app.post("/input", &[("body", &format!("Inspel {i}"))])
            .await;
    }
    let wait = app.post("/input", &[("body", "Ett till")]).await;
    assert_eq!(wait.status, StatusCode::TOO_MANY_REQUESTS);
    wait.assert_contains("Ett till</textarea>");
    let stored = app
        .db
        .read_blocking(|c| framsyn::storage::inputs::queue(c, None))
        .unwrap();
    assert_eq!(stored.len(), 5);
    assert!(!stored.iter().any(|i| i.body.contains("billigt")));

    // Moderation: strategists may not; editors mark, link and publish.
    let strategist = app.as_strategist_a().await;
    assert_eq!(
        strategist.get("/admin/input").await.status,
        StatusCode::FORBIDDEN
    );
    let editor = app.as_editor().await;
    let queue = editor.get("/admin/input").await;
    queue.assert_contains("Tänk på skärgårdarna &lt;script&gt;");
    let first = stored
        .iter()
        .find(|i| i.body.starts_with("Tänk"))
        .unwrap()
        .id;
    let marked = editor
        .post(
            &format!("/admin/input/{first}"),
            &[("status", "answered"), ("published", "1")],
        )
        .await;
    assert_eq!(marked.status, StatusCode::SEE_OTHER);
    let csv = editor.get("/admin/input.csv").await;
    csv.assert_contains("Besvarat");
    let public = app.get("/input").await;
    public.assert_contains("Publicerade inspel");
    // Published as Markdown, as the form promises: the script is gone, the text stays.
    let shown = public.texts("[data-input] .prose");
    assert!(shown.iter().any(|t| t.contains("Tänk på skärgårdarna")));
    assert!(!public.body.contains("<script>alert"));
    assert!(!public.body.contains("Inspel 1"));
}

#[tokio::test]
async fn images_are_checked_by_content_need_alt_text_and_are_served_safely() {
    let mut app = spawn_app();
    setup(&app).await;
    let editor = app.as_editor().await;
    let mut png = std::io::Cursor::new(Vec::new());
    image::RgbaImage::from_pixel(2, 2, image::Rgba([11, 79, 138, 255]))
        .write_to(&mut png, image::ImageFormat::Png)
        .unwrap();
    let png = png.into_inner();
    // No alt text: refused at the field.
    let refused = editor
        .upload_with(
            "/editorial/images",
            &[("alt", " ")],
            "file",
            "karta.png",
            &png,
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.field_error("alt").is_some(), "an error at alt");
    // A script dressed as an image: refused by its content, the alt text kept.
    let disguised = editor
        .upload_with(
            "/editorial/images",
            &[("alt", "Karta över regionerna")],
            "file",
            "karta.png",
            b"<html><script>alert(1)</script></html>",
        )
        .await;
    assert_eq!(disguised.status, StatusCode::UNPROCESSABLE_ENTITY);
    disguised.assert_error("error-image-type");
    disguised.assert_contains("value=\"Karta över regionerna\"");
    // A PNG's first bytes followed by a script: it does not decode, so it is refused.
    let header_only = [&png[..33], b"<script>alert(1)</script>"].concat();
    let broken = editor
        .upload_with(
            "/editorial/images",
            &[("alt", "Karta")],
            "file",
            "karta.png",
            &header_only,
        )
        .await;
    assert_eq!(broken.status, StatusCode::UNPROCESSABLE_ENTITY);
    broken.assert_error("error-image-broken");
    let too_big = [png.clone(), vec![0u8; framsyn::domain::image::IMAGE_MAX]].concat();
    let big = editor
        .upload_with(
            "/editorial/images",
            &[("alt", "Stor")],
            "file",
            "stor.png",
            &too_big,
        )
        .await;
    assert_eq!(big.status, StatusCode::UNPROCESSABLE_ENTITY);
    big.assert_error("error-image-too-large");

    // A real image carrying a script after its end: stored, but only its pixels.
    let polyglot = [&png[..], b"<script>alert(1)</script>"].concat();
    let ok = editor
        .upload_with(
            "/editorial/images",
            &[("alt", "Karta över regionerna")],
            "file",
            "../../etc/karta.png",
            &polyglot,
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let list = editor.get("/editorial/images").await;
    let name = list.attrs("img[src^='/media/']", "src")[0]
        .trim_start_matches("/media/")
        .to_string();
    assert!(name.ends_with(".png") && !name.contains("karta"), "{name}");
    list.assert_contains(&format!("![Karta över regionerna](/media/{name})"));
    let media = format!("/media/{name}");
    // The editorial team sees it, not cached, with its type and a policy that runs nothing.
    let served = editor.get(&media).await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.headers["content-type"], "image/png");
    assert_eq!(served.headers["x-content-type-options"], "nosniff");
    assert_eq!(served.headers["cache-control"], "private, no-store");
    assert_eq!(
        served.headers["content-security-policy"],
        "default-src 'none'; sandbox"
    );
    let stored = app
        .db
        .read_blocking({
            let name = name.clone();
            move |c| framsyn::storage::images::get(c, &name)
        })
        .unwrap()
        .unwrap()
        .1;
    assert!(
        !stored.windows(7).any(|w| w == b"<script"),
        "only pixels are kept"
    );
    assert_eq!(image::load_from_memory(&stored).unwrap().width(), 2);

    // Not public while only a draft shows it; public once a published text does.
    let body = format!("Regionerna på kartan.\n\n![Karta över regionerna]({media})");
    let news = |action| {
        vec![
            ("kind", "news"),
            ("title", "Kartan"),
            ("body", body.as_str()),
            ("action", action),
        ]
    };
    let draft = editor.post("/editorial/new", &news("save")).await;
    assert_eq!(draft.status, StatusCode::SEE_OTHER, "{}", draft.body);
    assert_eq!(app.get(&media).await.status, StatusCode::NOT_FOUND);
    let strategist = app.as_strategist_a().await;
    assert_eq!(strategist.get(&media).await.status, StatusCode::NOT_FOUND);
    publish(&app, &news("save")).await;
    let public = app.get(&media).await;
    assert_eq!(public.status, StatusCode::OK);
    assert_eq!(public.headers["cache-control"], "public, max-age=86400");
    assert_eq!(
        app.get("/media/nothing.png").await.status,
        StatusCode::NOT_FOUND
    );
}

/// Writes, reviews and publishes a text (the writer is EDITOR, the reviewer EDITOR_2).
async fn publish(app: &TestApp, fields: &[(&str, &str)]) -> i64 {
    let writer = app.as_editor().await;
    let created = writer.post("/editorial/new", fields).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let id: i64 = created
        .location()
        .trim_start_matches("/editorial/")
        .parse()
        .unwrap();
    let v = version_of(app, id);
    take(&writer, id, &step(&v, "submit")).await;
    let reviewer = app.as_user(EDITOR_2).await;
    let v = version_of(app, id);
    assert_eq!(
        take(&reviewer, id, &step(&v, "publish")).await.status,
        StatusCode::SEE_OTHER
    );
    id
}

#[tokio::test]
async fn the_final_publication_compiles_the_phases_outputs_in_order() {
    let mut app = spawn_app();
    let draft = setup(&app).await;
    let scenarios = publish(
        &app,
        &[
            ("kind", "output"),
            ("phase", "scenarier"),
            ("output", "scenarier-2050"),
            ("title", "Fyra scenarier för 2050"),
            ("body", "Scenariernas **text**."),
            ("action", "save"),
        ],
    )
    .await;
    let scan = publish(
        &app,
        &output("Omvärlden fördjupad", "Trendernas text.", "save"),
    )
    .await;
    publish(
        &app,
        &[
            ("kind", "news"),
            ("title", "En nyhet"),
            ("body", "x"),
            ("action", "save"),
        ],
    )
    .await;
    let strategist = app.as_strategist_a().await;
    strategist
        .post(
            "/sources/new",
            &[
                ("kind", "report"),
                ("title", "Långtidsutredningen"),
                ("year", "2019"),
            ],
        )
        .await;
    let page = app.get("/publication").await;
    assert_eq!(page.status, StatusCode::OK);
    let body = &page.body;
    let at = |needle: &str| body.find(needle).unwrap_or_else(|| panic!("{needle}"));
    // Phase order, not publication order; the draft and the news are not in it.
    assert!(at(&format!("id=\"text-{scan}\"")) < at(&format!("id=\"text-{scenarios}\"")));
    assert!(!body.contains(&format!("id=\"text-{draft}\"")));
    assert!(!body.contains("En nyhet"));
    page.assert_contains("<h2 id=\"toc-title\">Innehåll</h2>");
    page.assert_contains("<cite>Långtidsutredningen</cite>");
    page.assert_contains("<strong>text</strong>");
    // One self-contained file to download: its own styles, nothing fetched.
    let file = app.get("/publication.html").await;
    assert!(
        file.headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    file.assert_contains("<style>");
    assert!(!file.body.contains("<link rel=\"stylesheet\""));
    assert!(!file.body.contains("<script"));
    file.assert_contains("Omvärlden fördjupad");
}
