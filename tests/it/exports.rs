//! Table exports: every table is offered as CSV (for programs) and XLSX (for people),
//! with typed cells, headers in the reader's language and readable phone numbers.

use std::io::Cursor;

use axum::http::StatusCode;
use calamine::{Data, DataType, Reader, Xlsx};

use super::helpers::*;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The first sheet of an XLSX download, row by row.
fn sheet(response: &TestResponse) -> Vec<Vec<Data>> {
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    assert_eq!(response.headers["content-type"], XLSX);
    let disposition = response.headers["content-disposition"].to_str().unwrap();
    assert!(disposition.ends_with(".xlsx\""), "{disposition}");
    let mut book = Xlsx::new(Cursor::new(response.bytes.clone())).expect("a workbook");
    let range = book.worksheet_range_at(0).expect("one sheet").unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        other => panic!("a text cell, not {other:?}"),
    }
}

#[tokio::test]
async fn the_bank_exports_as_xlsx_with_numbers_and_times_typed_and_headers_translated() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_a().await;
    let id = submitted_note(&strategist, "trend", "Åldrande befolkning").await;

    let page = strategist.get("/bank").await;
    let links = page.attrs("a[data-export=xlsx]", "href");
    assert_eq!(links.len(), 1, "{links:?}");
    assert!(links[0].starts_with("/bank.xlsx?"), "{links:?}");

    let rows = sheet(&strategist.get(&links[0]).await);
    let header: Vec<String> = rows[0].iter().map(text).collect();
    assert_eq!(header[0], "Nummer");
    assert_eq!(header[2], "Rubrik");
    let note = rows
        .iter()
        .find(|r| r[2] == Data::String("Åldrande befolkning".into()))
        .expect("the note's row");
    assert!(
        matches!(note[0], Data::Float(n) if n == id as f64),
        "the number is a number cell: {:?}",
        note[0]
    );
    assert!(matches!(note[17], Data::DateTime(_)), "{:?}", note[17]);
    let created = note[17].as_datetime().expect("a date and time");
    let now = app
        .state
        .clock
        .now()
        .with_timezone(&chrono_tz::Europe::Stockholm)
        .naive_local();
    assert!(
        (created - now).num_minutes().abs() <= 1,
        "{created} vs {now}"
    );

    // The CSV keeps the machine column names the import reads.
    strategist.set_lang("en");
    let english = sheet(&strategist.get("/bank.xlsx").await);
    assert_eq!(text(&english[0][2]), "Title");
    let csv = strategist.get("/bank.csv").await;
    assert!(
        csv.body
            .trim_start_matches('\u{feff}')
            .starts_with("id,type,title,")
    );
}

#[tokio::test]
async fn every_table_is_offered_as_xlsx_beside_its_csv() {
    let app = spawn_app();
    world(&app);
    let leader = app.as_leader().await;
    let admin = app.as_admin().await;
    for (page, client) in [
        ("/address-list", &leader),
        ("/progress", &leader),
        ("/phases/omvarlden/submissions", &leader),
        ("/admin/input", &admin),
    ] {
        let response = client.get(page).await;
        assert_eq!(response.status, StatusCode::OK, "{page}");
        let links = response.attrs("a[data-export=xlsx]", "href");
        assert_eq!(links.len(), 1, "{page}: {links:?}");
        let rows = sheet(&client.get(&links[0]).await);
        let csv_path = links[0].replace(".xlsx", ".csv");
        let csv = client.get(&csv_path).await;
        assert_eq!(csv.status, StatusCode::OK, "{csv_path}");
        let mut reader =
            csv::Reader::from_reader(csv.body.trim_start_matches('\u{feff}').as_bytes());
        let csv_header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let xlsx_header: Vec<String> = rows[0].iter().map(text).collect();
        assert_eq!(xlsx_header, csv_header, "{page}: the same columns");
    }
}

#[tokio::test]
async fn the_progress_export_types_its_percentages() {
    let app = spawn_app();
    world(&app);
    let leader = app.as_leader().await;
    let rows = sheet(&leader.get("/progress.xlsx").await);
    assert!(rows.len() > 1, "a row per organisation");
    for row in &rows[1..] {
        // Organisation, category, then per phase a percentage (number or empty) and states.
        for cell in row.iter().skip(2).step_by(2) {
            assert!(
                matches!(cell, Data::Float(_) | Data::Int(_) | Data::Empty),
                "{cell:?}"
            );
        }
    }
}

#[tokio::test]
async fn csv_lines_end_in_crlf_and_phone_numbers_stay_readable() {
    let app = spawn_app();
    let w = world(&app);
    let strategist = app.as_strategist_a().await;
    let saved = strategist
        .post(
            &format!("/organisations/{}/edit", w.org_a),
            &[
                ("contact_name", "Kari Nordmann"),
                ("contact_phone", "+47 22 24 90 90"),
                ("city", "Oslo"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);

    let csv = strategist.get("/address-list.csv").await;
    let body = csv.body.trim_start_matches('\u{feff}');
    assert!(body.ends_with("\r\n"), "{body:?}");
    assert_eq!(
        body.matches('\n').count(),
        body.matches("\r\n").count(),
        "every line ends in CRLF"
    );
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let phone = reader
        .records()
        .map(Result::unwrap)
        .find(|r| &r[0] == "Region Skåne")
        .map(|r| r[4].to_string());
    assert_eq!(phone.as_deref(), Some("+47 22 24 90 90"));

    let rows = sheet(&strategist.get("/address-list.xlsx").await);
    let skane = rows
        .iter()
        .find(|r| r[0] == Data::String("Region Skåne".into()))
        .unwrap();
    assert_eq!(skane[4], Data::String("+47 22 24 90 90".into()));
}

#[tokio::test]
async fn a_formula_is_a_text_cell_in_xlsx_and_defused_in_csv() {
    let app = spawn_app();
    let w = world(&app);
    let strategist = app.as_strategist_a().await;
    let formula = "=HYPERLINK(\"https://evil.example\")";
    strategist
        .post(
            &format!("/organisations/{}/edit", w.org_a),
            &[("contact_name", formula), ("city", "Malmö")],
        )
        .await;
    let rows = sheet(&strategist.get("/address-list.xlsx").await);
    let skane = rows
        .iter()
        .find(|r| r[0] == Data::String("Region Skåne".into()))
        .unwrap();
    assert_eq!(skane[2], Data::String(formula.into()));
    let csv = strategist.get("/address-list.csv").await;
    assert!(csv.body.contains("'=HYPERLINK"), "{}", csv.body);
}

#[tokio::test]
async fn round_figures_answers_and_registrations_are_offered_as_xlsx() {
    let (mut app, demo) = spawn_demo("regionerna-2050");
    let leader = demo
        .users
        .iter()
        .find(|u| {
            u.roles
                .contains(&framsyn::domain::user::Role::ProcessLeader)
        })
        .unwrap();
    let password = demo.password.clone().unwrap();
    let signed_in = app
        .post(
            "/login",
            &[("email", &leader.email), ("password", &password)],
        )
        .await;
    assert_eq!(signed_in.status, StatusCode::SEE_OTHER);
    let (round, event): (i64, i64) = app
        .db
        .read_blocking(|c| {
            Ok((
                c.query_row("SELECT min(round_id) FROM ratings", [], |r| r.get(0))?,
                c.query_row("SELECT min(event_id) FROM registrations", [], |r| r.get(0))?,
            ))
        })
        .unwrap();
    // Round exports start with the note's number; registrations with the person's name.
    for (page, count, numbered) in [
        (format!("/rounds/{round}/results"), 2, true),
        (format!("/events/{event}/registrations"), 1, false),
    ] {
        let response = app.get(&page).await;
        assert_eq!(response.status, StatusCode::OK, "{page}");
        let links = response.attrs("a[data-export=xlsx]", "href");
        assert_eq!(links.len(), count, "{page}: {links:?}");
        for link in links {
            let rows = sheet(&app.get(&link).await);
            assert!(rows.len() > 1, "{link} has rows");
            assert!(
                rows[1..]
                    .iter()
                    .all(|r| matches!(r[0], Data::Float(_)) == numbered),
                "{link}: the first column's type"
            );
        }
    }
}
