//! The final publication as a PDF report: editions in every language, the preview, who
//! may do what, and the PDF itself read back by poppler's tools (tagged, its pages, the
//! cover, every chapter heading and figure caption, the document language) and checked
//! against PDF/UA-1 by an outside checker when one is installed.

use std::path::{Path, PathBuf};
use std::process::Command;

use axum::http::StatusCode;

use super::helpers::*;
use framsyn::domain::user::Role;
use framsyn::storage::publications;

/// `pdf` written to a temporary file, for the command-line tools.
fn file(pdf: &[u8]) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new().suffix(".pdf").tempfile().unwrap();
    std::io::Write::write_all(&mut f, pdf).unwrap();
    f
}

fn run(program: &str, args: &[&str], path: &Path) -> String {
    let out = Command::new(program)
        .args(args)
        .arg(path)
        .args(if program == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{program} runs (poppler-utils): {e}"));
    assert!(out.status.success(), "{program}: {:?}", out);
    String::from_utf8(out.stdout).unwrap()
}

/// pdfinfo's answer for `name` ("Tagged", "Pages", …).
fn info(pdf: &Path, name: &str) -> String {
    run("pdfinfo", &[], pdf)
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{name}:")))
        .unwrap_or_else(|| panic!("pdfinfo shows {name}"))
        .trim()
        .to_string()
}

/// The PDF's text with white space collapsed (lines break where the layout wants).
fn text(pdf: &Path, args: &[&str]) -> String {
    run("pdftotext", args, pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The PDF/UA checker installed by `.ci/run` (PyPI's `pdfua`, in a venv under target/).
fn checker() -> Option<PathBuf> {
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pdfua-venv/bin/pdfua");
    venv.exists().then_some(venv)
}

#[tokio::test]
async fn an_edition_is_built_in_every_language_and_served_in_the_readers() {
    let (mut app, _) = spawn_demo("regionerna-2050");
    // Before the first edition: a page saying so, not a bare error.
    let missing = app.get("/publication.pdf").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.texts("[data-report=missing]").len(), 1);
    let page = app.get("/publication").await;
    assert_eq!(page.texts("[data-edition=none]").len(), 1);
    assert!(
        page.attrs("form[action='/publication/editions']", "method")
            .is_empty()
    );

    let editor = app.as_user("redaktor@demo.test").await;
    let web = editor.get("/publication").await;
    assert_eq!(
        web.attrs("form[action='/publication/editions']", "method"),
        ["post"]
    );
    let published = editor.post("/publication/editions", &[]).await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.body
    );
    assert_eq!(published.location(), "/publication#report");
    let audit = app
        .db
        .read_blocking(|c| framsyn::storage::audit::page(c, 20, 0))
        .unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e.action == "publication.edition" && e.subject.as_deref() == Some("report:1"))
    );

    // The public page names the edition and links to it.
    let page = app.get("/publication").await;
    assert_eq!(page.attrs("[data-edition]", "data-edition"), ["1"]);
    assert_eq!(
        page.attrs("a[href='/publication.pdf']", "type"),
        ["application/pdf"]
    );

    let served = app.get("/publication.pdf").await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.headers["content-type"], "application/pdf");
    let pdf = file(&served.bytes);
    assert_eq!(info(pdf.path(), "Tagged"), "yes");
    let pages: usize = info(pdf.path(), "Pages").parse().unwrap();
    let all = text(pdf.path(), &[]);
    // The footers count the pages the file has: "Sida N av N" on the last one.
    assert!(all.contains(&format!("Sida {pages} av {pages}")), "{pages}");
    assert!(!all.contains(&format!("Sida {} av", pages + 1)));
    // The cover: the programme, its publisher, the edition.
    let cover = text(pdf.path(), &["-f", "1", "-l", "1"]);
    let programme = &app.state.programme;
    let sv = framsyn::domain::lang::Lang::Sv;
    let name = programme.name.pick(sv, programme.default_language);
    let organiser = programme.organiser.pick(sv, programme.default_language);
    assert!(cover.contains(&words(name)), "{cover}");
    assert!(cover.contains(&words(organiser)), "{cover}");
    assert!(cover.contains("Utgåva"), "{cover}");
    // The contents, every chapter heading and every figure's and table's number as the
    // web version has them.
    assert!(all.contains("Innehåll"));
    let web = app.get("/publication").await;
    let headings = web.texts(".final-publication section.chapter > h2");
    assert!(headings.len() >= 3, "{headings:?}");
    for heading in &headings {
        assert!(all.contains(&words(heading)), "{heading}");
    }
    let charts = web
        .html()
        .select(&scraper::Selector::parse(".final-publication figure svg[role=img]").unwrap())
        .count();
    assert!(charts >= 2, "the demo's publication has charts");
    for n in 1..=charts {
        assert!(all.contains(&format!("Figur {n}")), "Figur {n}");
    }
    assert!(!all.contains(&format!("Figur {}:", charts + 1)));
    assert!(all.contains("Tabell 1"));
    // Every chart caption of the web version is a figure's caption here (what a screen
    // reader alone is told stays out of print; a legend's items run on in one line).
    let plain = |s: &str| words(&s.replace('·', " "));
    let all_plain = plain(&all);
    let html = web.html();
    let captions = scraper::Selector::parse(".final-publication figure figcaption").unwrap();
    for caption in html.select(&captions) {
        let seen: String = caption
            .descendants()
            .filter_map(|n| n.value().as_text().map(|t| (n, t)))
            .filter(|(n, _)| {
                !n.ancestors().any(|a| {
                    a.value().as_element().is_some_and(|e| {
                        e.has_class("visually-hidden", scraper::CaseSensitivity::CaseSensitive)
                            || e.attr("aria-hidden") == Some("true")
                    })
                })
            })
            .map(|(_, t)| format!("{} ", &**t))
            .collect();
        let seen = plain(&seen);
        assert!(all_plain.contains(&seen), "{seen}");
    }
    // The document's language, in its metadata.
    let meta = run("pdfinfo", &["-meta"], pdf.path());
    assert!(
        meta.contains("<rdf:li>sv</rdf:li>") || meta.contains(">sv<"),
        "{meta}"
    );

    // The same edition in Norwegian and English, each reader their own.
    for (lang, contents, page_word) in [("nb", "Innhold", "Side"), ("en", "Contents", "Page")] {
        let reader = app.visitor();
        reader.set_lang(lang);
        let served = reader.get("/publication.pdf").await;
        assert_eq!(served.status, StatusCode::OK);
        let pdf = file(&served.bytes);
        assert_eq!(info(pdf.path(), "Tagged"), "yes");
        let all = text(pdf.path(), &[]);
        assert!(all.contains(contents), "{lang}");
        assert!(all.contains(&format!("{page_word} 2 ")), "{lang}");
    }

    // The outside PDF/UA-1 checker, when installed, finds nothing wrong.
    if let Some(pdfua) = checker() {
        let out = Command::new(pdfua)
            .args(["check", "--format", "text"])
            .arg(pdf.path())
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stdout);
        println!("pdfua: {said}");
        assert_eq!(out.status.code(), Some(0), "{said}");
    }
}

/// Publishes a text straight through storage-backed use cases, as two editors would.
async fn published_text(app: &TestApp, title: &str, body: &str) -> i64 {
    let w = world(app);
    app.user("redaktor2@reglab.test", w.office, &[Role::Editor]);
    let writer = app.as_editor().await;
    let created = writer
        .post(
            "/editorial/new",
            &[
                ("kind", "output"),
                ("phase", "omvarlden"),
                ("output", "fordjupad-omvarldsanalys"),
                ("title", title),
                ("body", body),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let id: i64 = created
        .location()
        .trim_start_matches("/editorial/")
        .parse()
        .unwrap();
    let version = |app: &TestApp| {
        app.db
            .read_blocking(move |c| publications::get(c, id))
            .unwrap()
            .unwrap()
            .version
            .to_string()
    };
    let v = version(app);
    let sent = writer
        .post(
            &format!("/editorial/{id}/step"),
            &[("version", &v), ("step", "submit")],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let reviewer = app.as_user("redaktor2@reglab.test").await;
    let v = version(app);
    let done = reviewer
        .post(
            &format!("/editorial/{id}/step"),
            &[("version", &v), ("step", "publish")],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    id
}

#[tokio::test]
async fn what_anyone_typed_is_printed_never_run() {
    let app = spawn_app();
    let title = r#"Kostnad #1: $5 * 2 @alla <x> ] [ \ slut"#;
    let body = "Stycket #set page(width: 1cm) och #panic(\"boom\") samt $x^2$ och \\\\ och \
                @ref a < b ] och /* inte en kommentar */ // inte heller.\n\n\
                = Ingen rubrik\n\n- Punkt med `kod #x`";
    published_text(&app, title, body).await;
    let editor = app.as_editor().await;
    let preview = editor.get("/publication/preview.pdf").await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert_eq!(preview.headers["cache-control"], "private, no-store");
    let pdf = file(&preview.bytes);
    assert_eq!(info(pdf.path(), "Tagged"), "yes");
    let all = text(pdf.path(), &[]);
    assert!(all.contains(&words(title)), "{all}");
    for typed in [
        "#set page(width: 1cm)",
        // The Markdown renderer makes the quotes typographic.
        "#panic(“boom”)",
        "$x^2$",
        "@ref a < b ]",
        "inte en kommentar */ // inte heller.",
        "= Ingen rubrik",
        "kod #x",
    ] {
        assert!(all.contains(typed), "{typed} in {all}");
    }
}

#[tokio::test]
async fn only_the_editorial_team_publishes_an_edition() {
    let app = spawn_app();
    world(&app);
    for (who, expected) in [
        (Some(STRATEGIST_A), StatusCode::FORBIDDEN),
        (Some(LEADER), StatusCode::FORBIDDEN),
        (None, StatusCode::SEE_OTHER),
    ] {
        let client = app.as_anyone(who).await;
        let answer = client.post("/publication/editions", &[]).await;
        assert_eq!(answer.status, expected, "{who:?}");
    }
    let none = app
        .db
        .read_blocking(framsyn::storage::report::latest_number)
        .unwrap();
    assert_eq!(none, None);
    // The process leader previews; the editor sees the button as well.
    let leader = app.as_leader().await;
    let page = leader.get("/publication").await;
    assert_eq!(
        page.attrs("a[href='/publication/preview.pdf']", "type"),
        ["application/pdf"]
    );
    assert!(
        page.attrs("form[action='/publication/editions']", "method")
            .is_empty()
    );
    let admin = app.as_admin().await;
    assert_eq!(
        admin.post("/publication/editions", &[]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.db
            .read_blocking(framsyn::storage::report::latest_number)
            .unwrap(),
        Some(1)
    );
}
