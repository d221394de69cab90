//! Organisations, the address list and its CSV export; bad input keeps what was typed.

use axum::http::StatusCode;

use super::helpers::*;

#[tokio::test]
async fn the_address_list_lists_every_organisation_and_exports_csv() {
    let mut app = spawn_app();
    world(&app);
    app.login(STRATEGIST_B).await;
    let page = app.get("/address-list").await;
    assert_eq!(page.status, StatusCode::OK);
    for name in ["Reglab", "Region Skåne", "Region Norrbotten"] {
        page.assert_contains(name);
    }
    let csv = app.get("/address-list.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.headers["content-type"], "text/csv; charset=utf-8");
    assert!(
        csv.headers["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    let body = csv.body.trim_start_matches('\u{feff}');
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "Namn");
    assert_eq!(&headers[7], "Ort");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    let skane = rows.iter().find(|r| &r[0] == "Region Skåne").unwrap();
    assert_eq!(&skane[1], "Storstadsregion");
    assert_eq!(&skane[5], "Box 1");
    assert_eq!(&skane[6], "111 11");
}

#[tokio::test]
async fn csv_cells_cannot_smuggle_spreadsheet_formulas() {
    let mut app = spawn_app();
    let w = world(&app);
    app.login(STRATEGIST_A).await;
    let response = app
        .post(
            &format!("/organisations/{}/edit", w.org_a),
            &[
                ("contact_name", "=HYPERLINK(\"https://evil.example\")"),
                ("city", "Malmö"),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    let csv = app.get("/address-list.csv").await;
    assert!(csv.body.contains("'=HYPERLINK"), "{}", csv.body);
}

#[tokio::test]
async fn bad_input_comes_back_with_the_text_kept_and_errors_at_the_fields() {
    let mut app = spawn_app();
    world(&app);
    app.login(ADMIN).await;
    let response = app
        .post(
            "/organisations/new",
            &[
                ("name", ""),
                ("category", "kingdom"),
                ("contact_name", "Åsa Öberg"),
                ("contact_email", "asa(at)region"),
                ("address", "Regionens hus"),
                ("city", "Östersund"),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    response.assert_contains("id=\"f-name-error\"");
    response.assert_contains("Fyll i fältet.");
    response.assert_contains("id=\"f-contact_email-error\"");
    response.assert_contains("aria-describedby=\" f-contact_email-error\"");
    response.assert_contains("value=\"Åsa Öberg\"");
    response.assert_contains("value=\"asa(at)region\"");
    response.assert_contains("value=\"Östersund\"");
    response.assert_contains("Välj en kategori.");
}

#[tokio::test]
async fn an_administrator_adds_an_organisation_and_a_duplicate_name_is_refused() {
    let mut app = spawn_app();
    world(&app);
    app.login(ADMIN).await;
    let fields = [
        ("name", "Region Jämtland Härjedalen"),
        ("category", "region"),
        ("city", "Östersund"),
    ];
    let created = app.post("/organisations/new", &fields).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER);
    let page = app.get(created.location()).await;
    page.assert_contains("Region Jämtland Härjedalen");
    page.assert_contains("Region</dd>");
    let duplicate = app
        .post(
            "/organisations/new",
            &[
                ("name", "region jämtland härjedalen"),
                ("category", "region"),
            ],
        )
        .await;
    assert_eq!(duplicate.status, StatusCode::UNPROCESSABLE_ENTITY);
    duplicate.assert_contains("Det finns redan en organisation med det namnet.");
    let audit = app.get("/admin/audit").await;
    audit.assert_contains("organisation.create");
}

#[tokio::test]
async fn an_organisation_page_lists_its_members() {
    let mut app = spawn_app();
    let w = world(&app);
    app.login(EDITOR).await;
    let page = app.get(&format!("/organisations/{}", w.org_a)).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("Testa Testsson (Framsynsstrateg)");
    assert!(
        !page.body.contains("/edit\""),
        "an editor gets no edit link"
    );
    assert_eq!(
        app.get("/organisations/99999").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn field_errors_speak_the_visitors_language() {
    let mut app = spawn_app();
    world(&app);
    app.login(ADMIN).await;
    app.set_lang("en");
    let response = app
        .post(
            "/organisations/new",
            &[("name", ""), ("category", "region")],
        )
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    response.assert_contains("Please fill in this field.");
    response.assert_contains("(required)");
    assert!(!response.body.contains("Fyll i fältet."));
}
