//! Organisations, the address list and its CSV export; bad input keeps what was typed.

use axum::http::StatusCode;

use super::helpers::*;

#[tokio::test]
async fn the_address_list_lists_every_organisation_and_exports_csv() {
    let app = spawn_app();
    world(&app);
    let strategist = app.as_strategist_b().await;
    let page = strategist.get("/address-list").await;
    assert_eq!(page.status, StatusCode::OK);
    for name in ["Reglab", "Region Skåne", "Region Norrbotten"] {
        page.assert_contains(name);
    }
    let csv = strategist.get("/address-list.csv").await;
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
    let app = spawn_app();
    let w = world(&app);
    let strategist = app.as_strategist_a().await;
    let response = strategist
        .post(
            &format!("/organisations/{}/edit", w.org_a),
            &[
                ("contact_name", "=HYPERLINK(\"https://evil.example\")"),
                ("city", "Malmö"),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    let csv = strategist.get("/address-list.csv").await;
    assert!(csv.body.contains("'=HYPERLINK"), "{}", csv.body);
}

#[tokio::test]
async fn bad_input_comes_back_with_the_text_kept_and_errors_at_the_fields() {
    let app = spawn_app();
    world(&app);
    let admin = app.as_admin().await;
    let response = admin
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
    assert!(response.field_error("name").is_some(), "an error at name");
    response.assert_error("error-required");
    assert!(
        response.field_error("contact_email").is_some(),
        "an error at contact_email"
    );
    response.assert_contains("aria-describedby=\" f-contact_email-error\"");
    response.assert_contains("value=\"Åsa Öberg\"");
    response.assert_contains("value=\"asa(at)region\"");
    response.assert_contains("value=\"Östersund\"");
    response.assert_error("error-choose-category");
}

#[tokio::test]
async fn an_administrator_adds_an_organisation_and_a_duplicate_name_is_refused() {
    let app = spawn_app();
    world(&app);
    let admin = app.as_admin().await;
    let fields = [
        ("name", "Region Jämtland Härjedalen"),
        ("category", "region"),
        ("city", "Östersund"),
    ];
    let created = admin.post("/organisations/new", &fields).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER);
    let page = admin.get(created.location()).await;
    page.assert_contains("Region Jämtland Härjedalen");
    page.assert_contains("Region</dd>");
    let duplicate = admin
        .post(
            "/organisations/new",
            &[
                ("name", "region jämtland härjedalen"),
                ("category", "region"),
            ],
        )
        .await;
    assert_eq!(duplicate.status, StatusCode::UNPROCESSABLE_ENTITY);
    duplicate.assert_error("error-organisation-exists");
    let audit = admin.get("/admin/audit").await;
    audit.assert_contains("organisation.create");
}

#[tokio::test]
async fn an_organisation_page_lists_its_members() {
    let app = spawn_app();
    let w = world(&app);
    let editor = app.as_editor().await;
    let page = editor.get(&format!("/organisations/{}", w.org_a)).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("Testa Testsson (Framsynsstrateg)");
    assert!(
        !page.body.contains("/edit\""),
        "an editor gets no edit link"
    );
    assert_eq!(
        editor.get("/organisations/99999").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn field_errors_speak_the_visitors_language() {
    let app = spawn_app();
    world(&app);
    let admin = app.as_admin().await;
    admin.set_lang("en");
    let response = admin
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

#[tokio::test]
async fn a_form_with_errors_names_each_field_by_its_label_in_form_order_and_says_so_in_the_title() {
    use framsyn::domain::lang::Lang;
    use framsyn::render::i18n::text;
    let app = spawn_app();
    world(&app);
    let admin = app.as_admin().await;
    let refused = admin
        .post(
            "/organisations/new",
            &[
                ("name", " "),
                ("category", "region"),
                ("contact_email", "inte-en-adress"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let summary = "[data-error-summary] li a";
    // Form order (name before the contact's e-mail), not the alphabetical order of names.
    assert_eq!(
        refused.attrs(summary, "data-field"),
        ["name", "contact_email"]
    );
    assert_eq!(
        refused.attrs(summary, "href"),
        ["#f-name", "#f-contact_email"]
    );
    let sv = |key: &str| text(Lang::Sv, key);
    assert_eq!(
        refused.texts(summary),
        [
            format!("{}: {}", sv("org-name"), sv("error-required")),
            format!("{}: {}", sv("org-contact-email"), sv("error-email")),
        ]
    );
    // The title says there are errors; the summary takes the focus.
    let title = refused.texts("title");
    assert!(title[0].starts_with(&sv("title-has-errors")), "{title:?}");
    assert_eq!(refused.attrs("[data-error-summary]", "tabindex"), ["-1"]);
    assert_eq!(
        refused.attrs("[data-error-summary][autofocus]", "role"),
        ["alert"]
    );
    // Without errors, neither.
    let form = admin.get("/organisations/new").await;
    assert!(form.attrs("[data-error-summary]", "role").is_empty());
    assert!(!form.texts("title")[0].starts_with(&sv("title-has-errors")));
}

#[tokio::test]
async fn the_street_address_of_an_organisation_is_a_single_line_address_field() {
    let app = spawn_app();
    world(&app);
    let admin = app.as_admin().await;
    let form = admin.get("/organisations/new").await;
    // `street-address` is for a multi-line field; a one-line input takes `address-line1`.
    assert_eq!(
        form.attrs("input[name='address']", "autocomplete"),
        ["address-line1"]
    );
    assert!(
        form.attrs("input[autocomplete='street-address']", "name")
            .is_empty()
    );
}
