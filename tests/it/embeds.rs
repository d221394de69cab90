//! Workspace material embedded in editorial texts: shown live while a text is written,
//! frozen when it is published (so the public text never changes under the reader), and
//! refused at publication while it would show what visitors may not see.

use axum::http::StatusCode;

use super::editorial::{EDITOR_2, output, step, take, version_of};
use super::events::{schedule, workshop};
use super::helpers::*;
use super::rounds::{STRATEGIST_A2, field, rate_three, setup};
use framsyn::domain::user::Role;
use framsyn::storage::publications;

/// A second strategist of Region Norrbotten.
const STRATEGIST_B2: &str = "strateg2@norrbotten.test";

/// The rounds' world (two notes, a round on both) with a second editor.
pub(super) async fn start(app: &TestApp) -> (World, i64, i64, i64) {
    let (w, first, second, round) = setup(app).await;
    app.user(EDITOR_2, w.office, &[Role::Editor]);
    (w, first, second, round)
}

/// The second editor publishes the text.
pub(super) async fn publish(app: &TestApp, id: i64) -> TestResponse {
    let version = version_of(app, id);
    take(&app.as_user(EDITOR_2).await, id, &step(&version, "publish")).await
}

/// A text by the first editor with `body`, sent for review; returns its id.
pub(super) async fn text_in_review(app: &TestApp, body: &str) -> i64 {
    let editor = app.as_editor().await;
    let created = editor
        .post(
            "/editorial/new",
            &output("Fördjupad omvärldsanalys", body, "save"),
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let id: i64 = created
        .location()
        .trim_start_matches("/editorial/")
        .parse()
        .unwrap();
    let version = version_of(app, id);
    let sent = take(&editor, id, &step(&version, "submit")).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    id
}

pub(super) async fn make_public(app: &TestApp, notes: &[i64]) {
    let editor = app.as_editor().await;
    for id in notes {
        let made = editor
            .post(&format!("/bank/{id}/public"), &[("public", "1")])
            .await;
        assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    }
}

/// The radar table's row of the first note: median impact and number of answers.
fn radar_row(first: i64, median: &str, n: &str) -> String {
    format!(
        "<a href=\"/bank/{first}\">Åldrande befolkning</a></th><td>Trend</td><td>Social</td><td>2030–2040</td><td>{median}</td><td>{n}</td>"
    )
}

#[tokio::test]
async fn a_published_text_keeps_the_figures_it_showed_when_it_was_published() {
    let mut app = spawn_app();
    let (w, first, second, round) = start(&app).await;
    app.user(STRATEGIST_B2, w.org_b, &[Role::Strategist]);
    rate_three(&app, first, round).await;
    make_public(&app, &[first, second]).await;
    let body = format!(
        "Så ser regionerna på trenderna.\n\n[[radar:{round}]]\n\n[[note:{first}]]\n\nSlutord."
    );

    // While written, the preview shows the material as it is: impact 2, 4 and 5.
    let editor = app.as_editor().await;
    let preview = editor
        .post("/editorial/new", &output("Utkast", &body, "preview"))
        .await;
    assert_eq!(preview.status, StatusCode::OK);
    preview.assert_contains("class=\"embed embed-radar\"");
    preview.assert_contains("class=\"chart-svg chart-radar\"");
    preview.assert_contains(&radar_row(first, "4", "3"));
    preview.assert_contains(&format!(
        "<a href=\"/bank/{first}\">#{first} Åldrande befolkning</a>"
    ));
    preview.assert_contains("<p>Slutord.</p>");

    let id = text_in_review(&app, &body).await;
    let published = publish(&app, id).await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.body
    );
    let stored = app
        .db
        .read_blocking(move |c| publications::get(c, id))
        .unwrap()
        .unwrap();
    assert!(stored.snapshot.is_some() && stored.snapshot_at.is_some());

    // A fourth answer moves the median to 3 in the workspace…
    let strategist_b2 = app.as_user(STRATEGIST_B2).await;
    let rated = strategist_b2
        .post(
            &format!("/rounds/{round}"),
            &[(field(first, "impact").as_str(), "1")],
        )
        .await;
    assert_eq!(rated.status, StatusCode::SEE_OTHER, "{}", rated.body);
    let leader = app.as_leader().await;
    leader.get(&format!("/rounds/{round}/radar"))
        .await
        .assert_contains(&format!(
            "<a href=\"/rounds/{round}/notes/{first}\">Åldrande befolkning</a></th><td>Trend</td><td>Social</td><td>2030–2040</td><td>3</td><td>4</td>"
        ));

    // …but the public text, its feed, the final publication and the editors' view of the
    // published text keep the figures of the moment it was published.
    let public = app.get(&format!("/publications/{id}")).await;
    assert_eq!(public.status, StatusCode::OK);
    public.assert_contains(&radar_row(first, "4", "3"));
    public.assert_contains("Så ser regionerna på trenderna.");
    assert!(!public.body.contains("[[radar:"));
    let feed: atom_syndication::Feed = app.get("/feed.atom").await.body.parse().unwrap();
    let content = feed.entries()[0].content().unwrap().value().unwrap();
    // Away from the site, the links are absolute.
    let site = app.state.config.public_url.clone();
    let absolute = radar_row(first, "4", "3").replace("href=\"/", &format!("href=\"{site}/"));
    assert!(content.contains(&absolute), "{content}");
    assert!(!content.contains("[[radar:"));
    let compiled = app.get("/publication").await;
    compiled.assert_contains(&radar_row(first, "4", "3"));
    let file = app.get("/publication.html").await;
    file.assert_contains(&absolute);
    // The file's charts carry their own looks, in attributes rather than a style sheet.
    let markers = file.attrs("svg.chart-radar path.chart-marker", "fill");
    assert!(
        !markers.is_empty() && markers.iter().all(|f| f.starts_with('#')),
        "{markers:?}"
    );
    let frozen = editor.get(&format!("/editorial/{id}")).await;
    frozen.assert_contains(&radar_row(first, "4", "3"));

    // Taken down, the text shows the material live again, and publishing it anew
    // freezes the new figures.
    let version = version_of(&app, id);
    take(&editor, id, &step(&version, "unpublish")).await;
    editor
        .get(&format!("/editorial/{id}"))
        .await
        .assert_contains(&radar_row(first, "3", "4"));
    let version = version_of(&app, id);
    take(&editor, id, &step(&version, "submit")).await;
    publish(&app, id).await;
    app.get(&format!("/publications/{id}"))
        .await
        .assert_contains(&radar_row(first, "3", "4"));
}

#[tokio::test]
async fn publishing_is_refused_while_an_embed_shows_what_visitors_may_not_see() {
    let mut app = spawn_app();
    let (_, first, second, round) = start(&app).await;
    let starts = local(20, 9);
    let ends = local(20, 16);
    let leader = app.as_leader().await;
    let event = schedule(&leader, &workshop(&starts, &ends, "", "")).await;
    let body = format!("[[radar:{round}]]\n\n[[event:{event}]]\n\n[[note:999999]]");
    let id = text_in_review(&app, &body).await;

    // The reviewer sees beforehand what stands in the way.
    let editor_2 = app.as_user(EDITOR_2).await;
    let page = editor_2.get(&format!("/editorial/{id}")).await;
    assert_eq!(
        page.texts("#embed-problems").len(),
        1,
        "the problems are listed"
    );
    let version = version_of(&app, id);
    let refused = take(&editor_2, id, &step(&version, "publish")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_error("error-embeds-not-public");
    // The notes not public, by number; the members-only event; the missing note.
    let radar = format!("radar:{round}");
    let event_embed = format!("event:{event}");
    let mut problems = refused.attrs("#embed-problems li[data-embed]", "data-embed");
    problems.sort();
    assert_eq!(
        problems,
        [event_embed.as_str(), "note:999999", radar.as_str()]
    );
    assert_eq!(
        refused.attrs(&format!("li[data-embed='{radar}'] a"), "href"),
        [format!("/bank/{first}"), format!("/bank/{second}")]
    );
    assert_eq!(
        refused.attrs(&format!("li[data-embed='{event_embed}']"), "data-problem"),
        ["embed-event-not-public"]
    );
    assert_eq!(
        refused.attrs("li[data-embed='note:999999']", "data-problem"),
        ["embed-missing"]
    );
    let stored = app
        .db
        .read_blocking(move |c| publications::get(c, id))
        .unwrap()
        .unwrap();
    assert_eq!(stored.status.key(), "in_review");
    assert_eq!(stored.body, body, "nothing written is lost");
    assert_eq!(
        app.get(&format!("/publications/{id}")).await.status,
        StatusCode::NOT_FOUND
    );

    // Notes made public, the event open to all and the missing note taken out: published.
    make_public(&app, &[first, second]).await;
    let mut public_event = workshop(&starts, &ends, "", "");
    for pair in public_event.iter_mut() {
        if pair.0 == "audience" {
            pair.1 = "public";
        }
    }
    let open = schedule(&leader, &public_event).await;
    let editor = app.as_editor().await;
    let version = version_of(&app, id);
    let mut back = step(&version, "return");
    back.push(("comment", "Ta bort det som inte kan visas.".to_string()));
    let returned = take(&editor, id, &back).await;
    assert_eq!(returned.status, StatusCode::SEE_OTHER, "{}", returned.body);
    let edited = format!("[[radar:{round}]]\n\n[[event:{open}]]");
    let version = version_of(&app, id);
    let saved = editor
        .post(
            &format!("/editorial/{id}/edit"),
            &[
                ("kind", "output"),
                ("phase", "omvarlden"),
                ("output", "fordjupad-omvarldsanalys"),
                ("title", "Fördjupad omvärldsanalys"),
                ("body", edited.as_str()),
                ("version", version.as_str()),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let version = version_of(&app, id);
    take(&editor, id, &step(&version, "submit")).await;
    let published = publish(&app, id).await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.body
    );
    let public = app.get(&format!("/publications/{id}")).await;
    public.assert_contains("class=\"embed embed-event\"");
    public.assert_contains(&format!(
        "<a href=\"/events/{open}\">Workshop 1: Omvärlden</a>"
    ));
}

#[tokio::test]
async fn an_embed_that_cannot_be_read_is_refused_at_the_field_with_the_text_kept() {
    let app = spawn_app();
    start(&app).await;
    let editor = app.as_editor().await;
    let refused = editor
        .post(
            "/editorial/new",
            &output("Utkast", "Text.\n\n[[radar:tre]]\n\nMer text.", "save"),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.field_error("body").is_some(), "an error at body");
    refused.assert_contains("<code>[[radar:tre]]</code>");
    refused.assert_contains("Text.\n\n[[radar:tre]]\n\nMer text.</textarea>");
    assert!(app.db.read_blocking(publications::all).unwrap().is_empty());
    // Brackets in running text are only text.
    let saved = editor
        .post(
            "/editorial/new",
            &output("Utkast", "Vi skrev [[radar:tre]] mitt i en mening.", "save"),
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn every_kind_of_material_shows_in_the_preview_with_its_figures() {
    let app = spawn_app();
    let (_, first, _, round) = start(&app).await;
    rate_three(&app, first, round).await;
    // Both uncertainty and impact from one strategist puts the first note on the map.
    let analyst = app.as_user(STRATEGIST_A2).await;
    analyst
        .post(
            &format!("/rounds/{round}"),
            &[
                (field(first, "impact").as_str(), "4"),
                (field(first, "uncertainty").as_str(), "4"),
            ],
        )
        .await;
    let starts = local(20, 9);
    let ends = local(20, 16);
    let leader = app.as_leader().await;
    let event = schedule(&leader, &workshop(&starts, &ends, "", "")).await;
    let body = format!(
        "[[note:{first}]]\n\n[[radar:{round}]]\n\n[[driver-map:{round}]]\n\n[[heatmap:omvarlden]]\n\n[[event:{event}]]\n\n[[progress]]\n\n[[radar:999]]"
    );
    let editor = app.as_editor().await;
    let preview = editor
        .post("/editorial/new", &output("Utkast", &body, "preview"))
        .await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    for kind in [
        "note",
        "radar",
        "driver_map",
        "heatmap",
        "event",
        "progress",
        "missing",
    ] {
        preview.assert_contains(&format!("class=\"embed embed-{kind}\""));
    }
    // Each chart with its figures in a table.
    preview.assert_contains("class=\"chart-svg chart-drivers\"");
    preview.assert_contains(&format!(
        "<a href=\"/bank/{first}\">Åldrande befolkning</a></th><td>4</td>"
    ));
    preview.assert_contains("<caption id=\"preview-6-caption\">");
    preview.assert_contains("Region Skåne</th>");
    assert_eq!(
        preview.attrs("[data-missing]", "data-missing"),
        ["radar:999"]
    );
    // Ids stay unique on the page.
    let ids: Vec<&str> = preview
        .body
        .split(" id=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "duplicate ids");
}

/// A round on `notes` asking impact and uncertainty, from long ago until `closes`, with
/// the `feedback` rule; returns its id.
async fn round_on(app: &TestApp, notes: &[i64], closes: &str, feedback: &str) -> i64 {
    let numbers: Vec<String> = notes.iter().map(|n| n.to_string()).collect();
    let numbers = numbers.join(", ");
    let opened = app
        .as_leader()
        .await
        .post(
            "/rounds/new",
            &[
                ("title", "Prioritering av trender"),
                ("notes", numbers.as_str()),
                ("criteria", "impact"),
                ("criteria", "uncertainty"),
                ("opens_at", "2020-01-01T09:00"),
                ("closes_at", closes),
                ("anonymity", "anonymous"),
                ("feedback", feedback),
            ],
        )
        .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
    opened
        .location()
        .trim_start_matches("/rounds/")
        .parse()
        .unwrap()
}

/// `who` rates impact (and uncertainty alike) in `round`: (note, value) pairs.
async fn rate(app: &TestApp, who: &str, round: i64, answers: &[(i64, &str)]) {
    let fields: Vec<(String, String)> = answers
        .iter()
        .flat_map(|(note, value)| {
            [
                (field(*note, "impact"), value.to_string()),
                (field(*note, "uncertainty"), value.to_string()),
            ]
        })
        .collect();
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let saved = app
        .as_user(who)
        .await
        .post(&format!("/rounds/{round}"), &fields)
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
}

#[tokio::test]
async fn curating_the_bank_after_a_round_keeps_its_charts_publishable_and_can_be_undone() {
    let app = spawn_app();
    let w = world(&app);
    app.user(EDITOR_2, w.office, &[Role::Editor]);
    let strategist = app.as_strategist_a().await;
    let keep = submitted_note(&strategist, "trend", "Åldrande befolkning").await;
    let other = submitted_note(&strategist, "uncertainty", "Framtidens energipriser").await;
    let dup = submitted_note(&strategist, "trend", "Äldre befolkning").await;
    let old = submitted_note(&strategist, "trend", "Kolkraftens återkomst").await;
    make_public(&app, &[keep, other, dup, old]).await;
    let round = round_on(
        &app,
        &[keep, other, dup, old],
        "2099-01-01T09:00",
        "after_answer",
    )
    .await;
    // Strategist A rated both duplicates (4 and 2), strategist B only the one merged away.
    rate(
        &app,
        STRATEGIST_A,
        round,
        &[(keep, "4"), (dup, "2"), (old, "3")],
    )
    .await;
    rate(&app, STRATEGIST_B, round, &[(dup, "5"), (other, "2")]).await;

    // Merging and archiving ask first; asked, nothing changes yet.
    let editor = app.as_editor().await;
    let into = keep.to_string();
    let asked = editor
        .post(&format!("/bank/{dup}/merge"), &[("into", &into)])
        .await;
    assert_eq!(asked.status, StatusCode::OK);
    assert_eq!(asked.attrs("form#confirm", "data-action"), ["merge"]);
    assert_eq!(
        asked.attrs("form#confirm input[name=into]", "value"),
        [into.as_str()]
    );
    let asked = editor
        .post(&format!("/bank/{old}/status"), &[("to", "archived")])
        .await;
    assert_eq!(asked.status, StatusCode::OK);
    assert_eq!(asked.attrs("form#confirm", "data-action"), ["archive"]);
    let status_of = |id: i64| {
        app.db
            .read_blocking(move |c| framsyn::storage::bank::get(c, id))
            .unwrap()
            .unwrap()
            .status
            .key()
    };
    assert_eq!((status_of(dup), status_of(old)), ("submitted", "submitted"));
    let merged = editor
        .post(
            &format!("/bank/{dup}/merge"),
            &[("into", into.as_str()), ("confirm", "yes")],
        )
        .await;
    assert_eq!(merged.status, StatusCode::SEE_OTHER, "{}", merged.body);
    let archived = editor
        .post(
            &format!("/bank/{old}/status"),
            &[("to", "archived"), ("confirm", "yes")],
        )
        .await;
    assert_eq!(archived.status, StatusCode::SEE_OTHER, "{}", archived.body);
    assert_eq!((status_of(dup), status_of(old)), ("merged", "archived"));

    // The radar is published: the merged note's answers count under the note it went
    // into, strategist A once (with the answer to that note): 4 and 5, median 4,5; the
    // archived note is left out, and the chart says so.
    let body = format!("[[radar:{round}]]\n\n[[driver-map:{round}]]");
    let id = text_in_review(&app, &body).await;
    let published = publish(&app, id).await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.body
    );
    let public = app.visitor().get(&format!("/publications/{id}")).await;
    assert_eq!(public.status, StatusCode::OK);
    public.assert_contains(&radar_row(keep, "4,5", "2"));
    let shown = public.attrs(".embed-radar table.figures tbody th a", "href");
    assert_eq!(shown, [format!("/bank/{keep}"), format!("/bank/{other}")]);
    assert_eq!(
        public.attrs(".embed-radar [data-left-out]", "data-left-out"),
        ["1"]
    );
    assert_eq!(
        public.attrs(".embed-driver_map table.figures tbody th a", "href"),
        shown
    );

    // Only curators undo; an editor undoes both, and the history keeps every step.
    let strategist = app.as_strategist_a().await;
    assert_eq!(
        strategist
            .post(&format!("/bank/{dup}/restore"), &[])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let page = editor.get(&format!("/bank/{dup}")).await;
    assert_eq!(
        page.attrs("form#restore", "action"),
        [format!("/bank/{dup}/restore")]
    );
    for note in [dup, old] {
        let undone = editor.post(&format!("/bank/{note}/restore"), &[]).await;
        assert_eq!(undone.status, StatusCode::SEE_OTHER, "{}", undone.body);
    }
    assert_eq!((status_of(dup), status_of(old)), ("submitted", "submitted"));
    let back = app
        .db
        .read_blocking(move |c| framsyn::storage::bank::get(c, dup))
        .unwrap()
        .unwrap();
    assert_eq!(back.merged_into, None);
    assert!(back.public, "public again, as before the merge");
    let history = editor.get(&format!("/bank/{dup}/history")).await;
    let statuses = history.attrs("tr[data-version]", "data-status");
    assert_eq!(statuses[0], "submitted");
    assert_eq!(statuses[1], "merged");
    let history = editor.get(&format!("/bank/{old}/history")).await;
    assert_eq!(
        history.attrs("tr[data-version]", "data-status")[..2],
        ["submitted", "archived"]
    );
    // Nothing to undo twice.
    assert_eq!(
        editor
            .post(&format!("/bank/{dup}/restore"), &[])
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // Live again, the charts show the notes apart; the published text keeps its figures.
    let preview = editor
        .post("/editorial/new", &output("Utkast", &body, "preview"))
        .await;
    let rows = preview.attrs(".embed-radar table.figures tbody th a", "href");
    assert_eq!(rows.len(), 4, "{rows:?}");
    app.visitor()
        .get(&format!("/publications/{id}"))
        .await
        .assert_contains(&radar_row(keep, "4,5", "2"));
}

#[tokio::test]
async fn a_round_keeping_its_figures_until_it_closes_is_not_published_before() {
    let app = spawn_app();
    let w = world(&app);
    app.user(EDITOR_2, w.office, &[Role::Editor]);
    let strategist = app.as_strategist_a().await;
    let first = submitted_note(&strategist, "trend", "Åldrande befolkning").await;
    let second = submitted_note(&strategist, "uncertainty", "Framtidens energipriser").await;
    make_public(&app, &[first, second]).await;
    let closes = local(2, 9);
    let round = round_on(&app, &[first, second], &closes, "after_close").await;
    rate(&app, STRATEGIST_A, round, &[(first, "4"), (second, "2")]).await;
    // The premise: a strategist who has answered does not see the figures yet.
    assert_eq!(
        app.as_strategist_a()
            .await
            .get(&format!("/rounds/{round}/radar"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    let body = format!("[[radar:{round}]]\n\n[[driver-map:{round}]]");
    let id = text_in_review(&app, &body).await;
    let refused = publish(&app, id).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_error("error-embeds-not-public");
    let mut problems = refused.attrs("#embed-problems li[data-embed]", "data-problem");
    problems.dedup();
    assert_eq!(problems, ["embed-round-figures-not-public"]);
    assert_eq!(
        refused.attrs("#embed-problems li[data-embed]", "data-embed"),
        [format!("driver-map:{round}"), format!("radar:{round}")]
    );
    assert_eq!(
        app.visitor()
            .get(&format!("/publications/{id}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // Once the round has closed, the same text is published with its figures.
    app.clock.advance(chrono::Duration::days(3));
    let published = publish(&app, id).await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.body
    );
    app.visitor()
        .get(&format!("/publications/{id}"))
        .await
        .assert_contains(&radar_row(first, "4", "1"));
}

/// Whether every shape of every chart in `html` carries its own fill or stroke, so it
/// draws right without the site's style sheet; the number of shapes looked at.
fn charts_draw_alone(html: &str) -> usize {
    let doc = scraper::Html::parse_fragment(html);
    let mut seen = 0;
    for (selector, needs) in [
        ("svg circle, svg rect, svg path", "fill"),
        ("svg line", "stroke"),
    ] {
        for shape in doc.select(&scraper::Selector::parse(selector).unwrap()) {
            seen += 1;
            assert!(
                shape.value().attr(needs).is_some(),
                "no {needs}: {}",
                shape.html()
            );
        }
    }
    seen
}

/// The addresses of every link and image in `html`.
fn addresses(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_fragment(html);
    let links = scraper::Selector::parse("a[href], img[src]").unwrap();
    doc.select(&links)
        .filter_map(|e| e.value().attr("href").or(e.value().attr("src")))
        .map(str::to_string)
        .collect()
}

#[tokio::test]
async fn the_feed_and_the_downloaded_publication_stand_on_their_own() {
    let mut app = spawn_app();
    let (_, first, second, round) = start(&app).await;
    rate_three(&app, first, round).await;
    make_public(&app, &[first, second]).await;
    let body = format!(
        "Se [banken](/bank) och [tabellen](#radar).\n\n[[radar:{round}]]\n\n[[note:{first}]]"
    );
    let id = text_in_review(&app, &body).await;
    assert_eq!(publish(&app, id).await.status, StatusCode::SEE_OTHER);
    let site = app.state.config.public_url.clone();

    // The feed names its author and language, and its content stands alone.
    let feed: atom_syndication::Feed = app.get("/feed.atom").await.body.parse().unwrap();
    assert_eq!(feed.lang(), Some("sv"));
    assert_eq!(feed.authors().len(), 1);
    assert!(!feed.authors()[0].name().trim().is_empty());
    let content = feed.entries()[0].content().unwrap();
    assert_eq!(content.lang(), Some("sv"));
    let html = content.value().unwrap();
    let links = addresses(html);
    assert!(links.len() > 2, "{links:?}");
    for link in &links {
        assert!(link.starts_with(&format!("{site}/")), "{link}");
    }
    assert!(links.contains(&format!("{site}/bank")));
    assert!(links.contains(&format!("{site}/publications/{id}#radar")));
    assert!(charts_draw_alone(html) > 3);

    // The downloaded publication: links back to the site, links within it kept.
    let file = app.get("/publication.html").await;
    assert!(
        file.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let links = addresses(&file.body);
    assert!(links.contains(&format!("{site}/bank")), "{links:?}");
    for link in &links {
        assert!(
            link.starts_with(&format!("{site}/")) || link.starts_with('#'),
            "{link}"
        );
    }
    assert!(charts_draw_alone(&file.body) > 3);

    // Every page points to the feed.
    let home = app.get("/").await;
    assert_eq!(
        home.attrs(
            "head link[rel=alternate][type='application/atom+xml']",
            "href"
        ),
        ["/feed.atom"]
    );
}
