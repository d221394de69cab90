//! Charts as files: every chart downloads as SVG and as PNG (twice its size, text drawn,
//! not blank), as an attachment with a name that says what it is, under the access
//! rules of the page that shows it; and what the chart pages show beside the picture
//! (the legend's symbols, the radar as a list, the heatmap's trend names).

use axum::http::{StatusCode, header};

use super::assignments::{PAGE, bank, trend};
use super::embeds::{make_public, publish, start, text_in_review};
use super::helpers::*;
use super::rounds::{STRATEGIST_A2, field, rate_three, setup};

fn header_of(r: &TestResponse, name: header::HeaderName) -> &str {
    r.headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// The viewBox's width and height of an SVG document.
fn view_box(svg: &str) -> (f64, f64) {
    let numbers: Vec<f64> = svg
        .split("viewBox=\"")
        .nth(1)
        .expect("a viewBox")
        .split('"')
        .next()
        .unwrap()
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    (numbers[2], numbers[3])
}

/// An SVG download named `name`: the chart alone, with its own looks; returns its text.
fn assert_svg(r: &TestResponse, name: &str) -> String {
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(header_of(r, header::CONTENT_TYPE), "image/svg+xml");
    assert_eq!(
        header_of(r, header::CONTENT_DISPOSITION),
        format!("attachment; filename=\"{name}\"")
    );
    assert!(r.body.starts_with("<svg class=\"chart-svg "), "{}", r.body);
    assert!(r.body.contains("xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(r.body.trim_end().ends_with("</svg>"));
    assert!(!r.body.contains("style=") && !r.body.contains("<style"));
    r.body.clone()
}

/// A PNG download named `name`, twice as large as `svg`'s viewBox, with something drawn.
fn assert_png(r: &TestResponse, name: &str, svg: &str) {
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(header_of(r, header::CONTENT_TYPE), "image/png");
    assert_eq!(
        header_of(r, header::CONTENT_DISPOSITION),
        format!("attachment; filename=\"{name}\"")
    );
    let image = image::load_from_memory(&r.bytes)
        .expect("a PNG image")
        .to_rgb8();
    let (w, h) = image.dimensions();
    let (vw, vh) = view_box(svg);
    assert!((f64::from(w) - 2.0 * vw).abs() <= 2.0, "{w} for {vw}");
    assert!((f64::from(h) - 2.0 * vh).abs() <= 2.0, "{h} for {vh}");
    // Not blank: ink on a good part of it, and dark text among it.
    let inked = image.pixels().filter(|p| p.0 != [255, 255, 255]).count();
    assert!(inked > (w * h / 50) as usize, "{inked} of {} pixels", w * h);
    let dark = image
        .pixels()
        .filter(|p| p.0.iter().all(|&c| c < 80))
        .count();
    assert!(dark > 500, "{dark} dark pixels");
}

/// Both notes rated on impact and uncertainty by three people.
async fn rate_both(app: &TestApp, first: i64, second: i64, round: i64) {
    for (who, a, b) in [
        (STRATEGIST_A, "2", "4"),
        (STRATEGIST_A2, "4", "5"),
        (STRATEGIST_B, "5", "2"),
    ] {
        let saved = app
            .as_user(who)
            .await
            .post(
                &format!("/rounds/{round}"),
                &[
                    (field(first, "impact").as_str(), a),
                    (&field(first, "uncertainty"), b),
                    (&field(second, "impact"), b),
                    (&field(second, "uncertainty"), a),
                ],
            )
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    }
}

#[tokio::test]
async fn every_round_chart_downloads_as_svg_and_png() {
    let app = spawn_app();
    let (_, first, second, round) = setup(&app).await;
    rate_both(&app, first, second, round).await;
    let leader = app.as_leader().await;

    // The pages link their files.
    let page = leader.get(&format!("/rounds/{round}/radar")).await;
    assert_eq!(
        page.attrs("a[data-download]", "href"),
        [
            format!("/rounds/{round}/charts/radar.svg"),
            format!("/rounds/{round}/charts/radar.png"),
        ]
    );
    let page = leader.get(&format!("/rounds/{round}/driver-map")).await;
    assert_eq!(
        page.attrs("a[data-download='png']", "href"),
        [format!("/rounds/{round}/charts/driver-map.png")]
    );

    for (chart, name) in [
        ("radar", "trendradar-prioritering-av-trender"),
        ("driver-map", "drivkraftskarta-prioritering-av-trender"),
    ] {
        let at = format!("/rounds/{round}/charts/{chart}");
        let svg = assert_svg(
            &leader.get(&format!("{at}.svg")).await,
            &format!("{name}.svg"),
        );
        assert_png(
            &leader.get(&format!("{at}.png")).await,
            &format!("{name}.png"),
            &svg,
        );
    }
    // The file is the chart of the page, legend and all.
    let svg = leader
        .get(&format!("/rounds/{round}/charts/radar.svg"))
        .await
        .body;
    assert_eq!(svg.matches("class=\"chart-marker ").count(), 2);
    assert!(svg.matches("class=\"chart-legend-symbol ").count() >= 2);
    // Of one organisation's answers, as the page filters them.
    let filtered = leader
        .get(&format!("/rounds/{round}/charts/radar.svg?organisation=1"))
        .await;
    assert_eq!(filtered.status, StatusCode::OK);

    // A note's distribution, per criterion, offered beside the chart on the note's page.
    let at = format!("/rounds/{round}/notes/{first}/charts/impact");
    let note_page = leader.get(&format!("/rounds/{round}/notes/{first}")).await;
    let offered = note_page.attrs("a[data-download]", "href");
    assert!(
        offered.contains(&format!("{at}.svg")) && offered.contains(&format!("{at}.png")),
        "{offered:?}"
    );
    let svg = leader.get(&format!("{at}.svg")).await;
    let name = header_of(&svg, header::CONTENT_DISPOSITION).to_string();
    assert!(
        name.starts_with("attachment; filename=\"prioritering-av-trender-")
            && name.ends_with("-paverkan.svg\""),
        "{name}"
    );
    let text = assert_svg(&svg, name.split('"').nth(1).unwrap());
    assert!(text.contains("class=\"chart-svg chart-dist\""));
    let png = leader.get(&format!("{at}.png")).await;
    assert_png(
        &png,
        &name.split('"').nth(1).unwrap().replace(".svg", ".png"),
        &text,
    );

    // Nothing else is a chart.
    for path in [
        format!("/rounds/{round}/charts/radar.gif"),
        format!("/rounds/{round}/charts/heatmap.svg"),
        format!("/rounds/{round}/notes/{first}/charts/colour.svg"),
    ] {
        assert_eq!(
            leader.get(&path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
}

#[tokio::test]
async fn a_chart_whose_figures_are_not_public_yet_does_not_download() {
    let app = spawn_app();
    let (_, first, _, _) = setup(&app).await;
    let leader = app.as_leader().await;
    // A round that shows its figures only after it closes, open for years yet.
    let created = leader
        .post(
            "/rounds/new",
            &[
                ("title", "Sluten omgång"),
                ("notes", &first.to_string()),
                ("criteria", "impact"),
                ("criteria", "uncertainty"),
                ("opens_at", "2020-01-01T09:00"),
                ("closes_at", "2099-01-01T09:00"),
                ("anonymity", "leaders"),
                ("feedback", "after_close"),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let round: i64 = created
        .location()
        .trim_start_matches("/rounds/")
        .parse()
        .unwrap();
    rate_three(&app, first, round).await;

    let strategist = app.as_strategist_a().await;
    let paths = [
        format!("/rounds/{round}/radar"),
        format!("/rounds/{round}/charts/radar.svg"),
        format!("/rounds/{round}/charts/radar.png"),
        format!("/rounds/{round}/charts/driver-map.png"),
        format!("/rounds/{round}/notes/{first}/charts/impact.svg"),
        format!("/rounds/{round}/notes/{first}/charts/impact.png"),
    ];
    for path in &paths {
        let refused = strategist.get(path).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{path}");
        assert!(refused.bytes.len() < 100 || !refused.body.contains("chart-marker"));
        assert_ne!(header_of(&refused, header::CONTENT_TYPE), "image/png");
    }
    // Visitors get nothing of a round.
    let visitor = app.visitor();
    for path in &paths {
        let refused = visitor.get(path).await;
        assert_ne!(refused.status, StatusCode::OK, "{path}");
        assert!(!header_of(&refused, header::CONTENT_TYPE).starts_with("image/"));
    }
    // The editor, who may read the figures on the page, may download them.
    let editor = app.as_editor().await;
    assert_eq!(
        editor.get(&format!("/rounds/{round}/radar")).await.status,
        StatusCode::OK
    );
    let svg = assert_svg(
        &editor
            .get(&format!("/rounds/{round}/charts/radar.svg"))
            .await,
        "trendradar-sluten-omgang.svg",
    );
    assert_png(
        &editor
            .get(&format!("/rounds/{round}/charts/radar.png"))
            .await,
        "trendradar-sluten-omgang.png",
        &svg,
    );
}

#[tokio::test]
async fn the_heatmap_names_its_trends_and_downloads() {
    let app = spawn_app();
    world(&app);
    let (first, second, _) = bank(&app).await;
    let third = trend(
        &app.as_strategist_b().await,
        "trend",
        "Digitala tjänster",
        "submit",
    )
    .await;
    for (who, most, least) in [
        (STRATEGIST_A, [&first, &second], &third),
        (STRATEGIST_B, [&second, &third], &first),
    ] {
        let fields = [
            ("action", "submit"),
            ("answer-viktigast", "a"),
            ("answer-minst-viktiga", "b"),
            ("most-1", most[0].as_str()),
            ("most-2", most[1].as_str()),
            ("least-1", least.as_str()),
        ];
        let sent = app.as_user(who).await.post(PAGE, &fields).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    }
    let editor = app.as_editor().await;
    let page = editor.get("/phases/omvarlden/heatmap").await;
    assert_eq!(page.status, StatusCode::OK);
    // The trend names stand over the columns, in the picture and in the table, in the
    // order of their totals.
    let names = [
        format!("#{second} Grön omställning"),
        format!("#{first} Åldrande befolkning"),
        format!("#{third} Digitala tjänster"),
    ];
    assert_eq!(
        page.texts("svg.chart-heatmap text.chart-column-label"),
        names
    );
    assert_eq!(page.texts("#heatmap-grid thead th[data-note]"), names);
    assert_eq!(
        page.attrs("a[data-download]", "href"),
        [
            "/phases/omvarlden/charts/heatmap.svg",
            "/phases/omvarlden/charts/heatmap.png"
        ]
    );

    let svg = assert_svg(
        &editor.get("/phases/omvarlden/charts/heatmap.svg").await,
        "prioriteringskarta-omvarlden.svg",
    );
    assert!(svg.contains("Grön omställning</text>"));
    assert_png(
        &editor.get("/phases/omvarlden/charts/heatmap.png").await,
        "prioriteringskarta-omvarlden.png",
        &svg,
    );
    // As the page: not for strategists.
    let strategist = app.as_strategist_a().await;
    for path in [
        "/phases/omvarlden/heatmap",
        "/phases/omvarlden/charts/heatmap.svg",
        "/phases/omvarlden/charts/heatmap.png",
    ] {
        assert_eq!(strategist.get(path).await.status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn a_published_texts_frozen_charts_download_while_it_is_public() {
    let app = spawn_app();
    let (_, first, second, round) = start(&app).await;
    rate_both(&app, first, second, round).await;
    make_public(&app, &[first, second]).await;
    let body = format!("Bilderna.\n\n[[radar:{round}]]\n\n[[driver-map:{round}]]\n\nSlut.");
    let id = text_in_review(&app, &body).await;
    let base = format!("/publications/{id}/charts");
    let visitor = app.visitor();
    // Not yet published: nothing.
    assert_eq!(
        visitor
            .get(&format!("{base}/radar-{round}.svg"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let published = publish(&app, id).await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.body
    );

    let page = visitor.get(&format!("/publications/{id}")).await;
    assert_eq!(
        page.attrs("a[data-download]", "href"),
        [
            format!("{base}/radar-{round}.svg"),
            format!("{base}/radar-{round}.png"),
            format!("{base}/driver-map-{round}.svg"),
            format!("{base}/driver-map-{round}.png"),
        ]
    );
    for chart in ["radar", "driver-map"] {
        let name = format!("fordjupad-omvarldsanalys-{chart}-{round}");
        let svg = assert_svg(
            &visitor.get(&format!("{base}/{chart}-{round}.svg")).await,
            &format!("{name}.svg"),
        );
        assert_png(
            &visitor.get(&format!("{base}/{chart}-{round}.png")).await,
            &format!("{name}.png"),
            &svg,
        );
    }
    // Only what the text shows.
    for missing in [
        format!("{base}/radar-{}.svg", round + 1),
        format!("{base}/heatmap-omvarlden.svg"),
        format!("{base}/note-{first}.svg"),
    ] {
        assert_eq!(
            visitor.get(&missing).await.status,
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }
}

#[tokio::test]
async fn the_radar_page_draws_its_legend_and_lists_its_notes() {
    let app = spawn_app();
    let (_, first, second, round) = setup(&app).await;
    rate_three(&app, first, round).await;
    let page = app
        .as_leader()
        .await
        .get(&format!("/rounds/{round}/radar"))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    // A trend (square) and an uncertainty (star), the second not rated: one symbol each
    // in the legend beside the picture, drawn, and the same in the picture's own legend.
    let mut shown = page.attrs("ul.legend li", "data-legend");
    shown.sort();
    assert_eq!(shown.len(), 3, "{shown:?}");
    assert!(shown.contains(&"unrated".to_string()));
    assert_eq!(page.attrs("ul.legend li svg path", "d").len(), 3);
    let svg = &page.outer_html("svg.chart-radar")[0];
    assert_eq!(svg.matches("class=\"chart-legend-symbol ").count(), 3);
    // The radar as a list: each note under its ring and sector, with its number.
    let listed = page.attrs(
        "details[data-chart-list='radar'] [data-number]",
        "data-number",
    );
    let mut listed: Vec<i64> = listed.iter().map(|n| n.parse().unwrap()).collect();
    listed.sort();
    let mut numbers = vec![first, second];
    numbers.sort();
    assert_eq!(listed, numbers);
    // The chart fills the width it is given: a viewBox, no fixed size.
    let root = svg.split('>').next().unwrap();
    assert!(root.contains("viewBox=") && !root.contains(" width="));
}

/// Every radar of the demo (the densest has 16 notes),
/// as drawn with its Swedish words: no label's box meets another's.
#[tokio::test]
async fn the_demos_radars_keep_every_label_apart() {
    use framsyn::app::embeds::{RADAR, round_chart};
    use framsyn::domain::lang::Lang;
    use framsyn::storage::rounds;

    let (app, _) = spawn_demo("regionerna-2050");
    let all = app.db.read_blocking(rounds::all).unwrap();
    assert!(!all.is_empty());
    let mut densest = 0;
    for round in all {
        let chart = app
            .db
            .read_blocking(move |c| round_chart(c, round.id, None, RADAR))
            .unwrap()
            .unwrap();
        let radar = framsyn::web::embeds::radar_geometry(&chart, Lang::Sv);
        densest = densest.max(radar.markers.len());
        let boxes = radar.label_boxes();
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!a.overlaps(b), "round {}: {a:?} meets {b:?}", round.id);
            }
        }
        // Each shape on the chart has its symbol in the legend.
        for m in &radar.markers {
            assert!(radar.legend.iter().any(|e| e.shape == m.shape));
        }
    }
    assert!(densest >= 12, "the densest demo radar has {densest} notes");
}
