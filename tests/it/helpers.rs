//! The test application: the real router over a fresh database, driven in-process.
//!
//! Not every helper is used by the tests of the moment (the old single-browser API stays
//! for the tests written against it), so unused ones are not warnings here.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use tower::ServiceExt;

use framsyn::clock::Clock;
use framsyn::config::Config;
use framsyn::domain::organisation::OrganisationForm;
use framsyn::domain::programme::Programme;
use framsyn::domain::user::{Email, Role};
use framsyn::storage::{Db, organisations, sessions, users};
use framsyn::web::{AppState, router};

pub const PASSWORD: &str = "en lång och säker lösenfras";

/// The argon2id hash of [`PASSWORD`], computed once per test binary with the production
/// function and parameters and stored for every test user: hashing it afresh for each
/// user of each test was most of the suite's CPU time.
pub fn password_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| framsyn::domain::credentials::hash_password(PASSWORD))
}

/// The moment every test application's clock starts at: `FRAMSYN_TEST_NOW` when it is
/// set (an RFC 3339 time such as `2028-02-29T12:00:00+01:00`, or a date, read as noon in
/// Stockholm), otherwise the real time when the suite started. Running the suite with
/// it set to awkward days (29 February, 31 December, the clock-change days) shows that
/// no test depends on the day it runs.
pub fn suite_now() -> DateTime<Utc> {
    static NOW: OnceLock<DateTime<Utc>> = OnceLock::new();
    *NOW.get_or_init(|| match std::env::var("FRAMSYN_TEST_NOW") {
        Ok(text) if !text.trim().is_empty() => parse_moment(text.trim())
            .unwrap_or_else(|| panic!("FRAMSYN_TEST_NOW={text:?} is not a time or a date")),
        _ => Clock::system().now(),
    })
}

fn parse_moment(text: &str) -> Option<DateTime<Utc>> {
    if let Ok(moment) = DateTime::parse_from_rfc3339(text) {
        return Some(moment.with_timezone(&Utc));
    }
    let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    chrono_tz::Europe::Stockholm
        .from_local_datetime(&day.and_hms_opt(12, 0, 0)?)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

/// The suite's day in Stockholm, moved by `days`.
pub fn local_day(days: i64) -> NaiveDate {
    suite_now()
        .with_timezone(&chrono_tz::Europe::Stockholm)
        .date_naive()
        + chrono::Duration::days(days)
}

/// A `datetime-local` value `days` from the suite's day, at `hour`, in Stockholm time.
pub fn local(days: i64, hour: u32) -> String {
    format!("{}T{hour:02}:00", local_day(days).format("%Y-%m-%d"))
}

pub fn programme_dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("phases")
        .join(name)
}

pub fn regionerna() -> Programme {
    Programme::load_dir(&programme_dir("regionerna-2050")).expect("the shipped programme is valid")
}

pub fn test_config() -> Config {
    Config::new(
        "127.0.0.1:0".parse().unwrap(),
        PathBuf::from("unused"),
        programme_dir("regionerna-2050"),
        Some("http://framsyn.test".to_string()),
    )
}

pub struct TestApp {
    pub db: Db,
    /// The application's clock, started at [`suite_now`]; a test may move it.
    pub clock: Clock,
    pub state: AppState,
    router: Router,
    /// Cookies the "browser" holds: name → value.
    pub cookies: BTreeMap<String, String>,
    /// The client address the requests come from.
    pub address: SocketAddr,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
    /// The body as sent, for downloads that are not text.
    pub bytes: Vec<u8>,
}

impl TestResponse {
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// The page parsed as HTML, for assertions by selector.
    pub fn html(&self) -> scraper::Html {
        scraper::Html::parse_document(&self.body)
    }

    /// The elements matching a CSS `selector`, as their text content.
    #[track_caller]
    pub fn texts(&self, selector: &str) -> Vec<String> {
        let selector = scraper::Selector::parse(selector).expect("a valid selector");
        self.html()
            .select(&selector)
            .map(|e| e.text().collect::<String>().trim().to_string())
            .collect()
    }

    /// The elements matching a CSS `selector`, as HTML (an SVG chart, a table).
    #[track_caller]
    pub fn outer_html(&self, selector: &str) -> Vec<String> {
        let selector = scraper::Selector::parse(selector).expect("a valid selector");
        self.html().select(&selector).map(|e| e.html()).collect()
    }

    /// The values of `attribute` on the elements matching `selector`.
    #[track_caller]
    pub fn attrs(&self, selector: &str, attribute: &str) -> Vec<String> {
        let selector = scraper::Selector::parse(selector).expect("a valid selector");
        self.html()
            .select(&selector)
            .filter_map(|e| e.value().attr(attribute).map(str::to_string))
            .collect()
    }

    /// The message key of the error shown at the field `name` (`#f-{name}-error`), if any.
    #[track_caller]
    pub fn field_error(&self, name: &str) -> Option<String> {
        self.attrs(&format!("#f-{name}-error"), "data-error")
            .into_iter()
            .next()
    }

    /// The message keys of every error the page shows (`data-error`), in page order.
    pub fn errors(&self) -> Vec<String> {
        self.attrs("[data-error]", "data-error")
    }

    /// Fails unless the page shows the error with the message key `key` (at a field, in
    /// an error summary or as the form's one problem), whatever its wording.
    #[track_caller]
    pub fn assert_error(&self, key: &str) {
        let errors = self.errors();
        assert!(
            errors.iter().any(|e| e == key),
            "expected the error {key:?} on the page (status {}), found {errors:?}",
            self.status
        );
    }

    /// Fails with the page text when `needle` is not on the page.
    #[track_caller]
    pub fn assert_contains(&self, needle: &str) {
        assert!(
            self.body.contains(needle),
            "expected {needle:?} in the page (status {}):\n{}",
            self.status,
            self.body
        );
    }
}

pub fn spawn_app() -> TestApp {
    spawn_with(regionerna(), test_config())
}

pub fn spawn_with(programme: Programme, config: Config) -> TestApp {
    let clock = Clock::starting_at(suite_now());
    let db = Db::open_temporary()
        .expect("temporary database")
        .with_clock(clock.clone());
    app_over(db, clock, programme, config)
}

/// The test application over a fresh database holding the demo of the shipped programme
/// `name`, its clock at the moment the demo acts as (where loading the demo leaves it).
pub fn spawn_demo(name: &str) -> (TestApp, framsyn::demo::DemoFile) {
    let programme =
        Programme::load_dir(&programme_dir(name)).expect("the shipped programme is valid");
    let config = Config::new(
        "127.0.0.1:0".parse().unwrap(),
        PathBuf::from("unused"),
        programme_dir(name),
        Some("http://framsyn.test".to_string()),
    );
    let clock = Clock::starting_at(suite_now());
    let db = Db::open_temporary()
        .expect("temporary database")
        .with_clock(clock.clone());
    let demo = framsyn::demo::read(&programme_dir(name).into()).expect("the shipped demo reads");
    framsyn::demo::load(&db, &programme, &demo).expect("the shipped demo loads");
    (app_over(db, clock, programme, config), demo)
}

/// The application over `db`, whose clock is `clock`.
fn app_over(db: Db, clock: Clock, programme: Programme, config: Config) -> TestApp {
    let _ = tracing_subscriber::fmt()
        .with_test_writer()
        .with_env_filter("warn")
        .try_init();
    let methods = framsyn::files::load_methods(&config.methods, programme.default_language)
        .expect("the methods are valid");
    let state = AppState::new(db.clone(), programme, config)
        .with_methods(methods)
        .expect("the method bank is indexed");
    TestApp {
        db,
        clock,
        router: router(state.clone()),
        state,
        cookies: BTreeMap::new(),
        address: "192.0.2.10:40000".parse().unwrap(),
    }
}

impl TestApp {
    pub async fn request(&mut self, request: Request<Body>) -> TestResponse {
        let response = exchange(&self.router, self.address, &self.cookies, request).await;
        keep_cookies(&mut self.cookies, &response.headers);
        response
    }

    pub async fn get(&mut self, path: &str) -> TestResponse {
        self.request(Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        self.request(form_request(path, fields)).await
    }

    /// Posts a file as a browser's file upload does (multipart/form-data, field `name`).
    pub async fn upload(
        &mut self,
        path: &str,
        name: &str,
        filename: &str,
        data: &[u8],
    ) -> TestResponse {
        self.upload_with(path, &[], name, filename, data).await
    }

    /// A file upload with text fields before it.
    pub async fn upload_with(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        name: &str,
        filename: &str,
        data: &[u8],
    ) -> TestResponse {
        self.request(multipart(path, fields, name, filename, data))
            .await
    }

    /// Signs in through the login form; panics unless it succeeds.
    pub async fn login(&mut self, email: &str) -> TestResponse {
        let response = self
            .post("/login", &[("email", email), ("password", PASSWORD)])
            .await;
        assert_eq!(
            response.status,
            StatusCode::SEE_OTHER,
            "login failed: {}",
            response.body
        );
        response
    }

    pub async fn logout(&mut self) {
        self.post("/logout", &[]).await;
    }

    pub fn set_lang(&mut self, lang: &str) {
        self.cookies.insert("framsyn_lang".into(), lang.into());
    }

    /// Adds an organisation straight into the database.
    pub fn organisation(&self, name: &str, category: &str) -> i64 {
        let form = OrganisationForm {
            name: name.into(),
            category: category.into(),
            contact_name: "Kim Kontakt".into(),
            address: "Box 1".into(),
            postcode: "111 11".into(),
            city: "Gävle".into(),
            ..Default::default()
        };
        let valid = form.validate().unwrap();
        self.db
            .write_blocking(|tx| organisations::insert(tx, &valid))
            .unwrap()
    }

    /// Adds a person with [`PASSWORD`] straight into the database (its hash computed
    /// once for the whole suite: see [`password_hash`]).
    pub fn user(&self, email: &str, organisation_id: i64, roles: &[Role]) -> i64 {
        let email = Email::parse(email).unwrap();
        self.db
            .write_blocking(|tx| {
                let id = users::insert(tx, "Testa Testsson", &email, organisation_id, roles)?;
                users::set_password_hash(tx, id, password_hash())?;
                Ok(id)
            })
            .unwrap()
    }
}

pub fn form_body(fields: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish()
}

/// Sends `request` through the router from `address`, with the `cookies` of the jar
/// unless the request carries its own Cookie header.
async fn exchange(
    router: &Router,
    address: SocketAddr,
    cookies: &BTreeMap<String, String>,
    mut request: Request<Body>,
) -> TestResponse {
    if !cookies.is_empty() && !request.headers().contains_key(header::COOKIE) {
        let cookie = cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        request
            .headers_mut()
            .insert(header::COOKIE, cookie.parse().unwrap());
    }
    request.extensions_mut().insert(ConnectInfo(address));
    let response = router
        .clone()
        .oneshot(request)
        .await
        .expect("the router answers");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    TestResponse {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
        bytes: bytes.to_vec(),
    }
}

/// A same-site form POST of `fields`, as a browser sends a form of the page.
fn form_request(path: &str, fields: &[(&str, &str)]) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin")
        .body(Body::from(form_body(fields)))
        .unwrap()
}

/// A multipart/form-data POST as a browser's file upload sends it: the text `fields`,
/// then the file `data` as field `name`.
fn multipart(
    path: &str,
    fields: &[(&str, &str)],
    name: &str,
    filename: &str,
    data: &[u8],
) -> Request<Body> {
    let boundary = "----framsyn-test-boundary-7d1f";
    let mut body = Vec::new();
    for (field, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(data);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    Request::post(path)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header("sec-fetch-site", "same-origin")
        .body(Body::from(body))
        .unwrap()
}

/// Keeps in the jar the cookies a response sets, and drops those it removes.
fn keep_cookies(cookies: &mut BTreeMap<String, String>, headers: &HeaderMap) {
    for set in headers.get_all(header::SET_COOKIE) {
        let set = set.to_str().unwrap();
        let pair = set.split(';').next().unwrap();
        let (name, value) = pair.split_once('=').unwrap();
        let removed = set.contains("Max-Age=0") || value.is_empty();
        if removed {
            cookies.remove(name);
        } else {
            cookies.insert(name.to_string(), value.to_string());
        }
    }
}

/// A world with two regions, a strategist in each, a process leader, an editor and an administrator.
pub struct World {
    pub org_a: i64,
    pub org_b: i64,
    pub office: i64,
}

pub const ADMIN: &str = "admin@reglab.test";
pub const LEADER: &str = "ledare@reglab.test";
pub const EDITOR: &str = "redaktor@reglab.test";
pub const STRATEGIST_A: &str = "strateg@skane.test";
pub const STRATEGIST_B: &str = "strateg@norrbotten.test";

pub fn world(app: &TestApp) -> World {
    let office = app.organisation("Reglab", "board");
    let org_a = app.organisation("Region Skåne", "metropolitan_region");
    let org_b = app.organisation("Region Norrbotten", "region");
    app.user(ADMIN, office, &[Role::Administrator]);
    app.user(LEADER, office, &[Role::ProcessLeader]);
    app.user(EDITOR, office, &[Role::Editor]);
    app.user(STRATEGIST_A, org_a, &[Role::Strategist]);
    app.user(STRATEGIST_B, org_b, &[Role::Strategist]);
    World {
        org_a,
        org_b,
        office,
    }
}

/// A second browser on the same server and database.
pub fn spawn_app_sharing(app: &TestApp) -> TestApp {
    TestApp {
        db: app.db.clone(),
        clock: app.clock.clone(),
        router: app.router.clone(),
        state: app.state.clone(),
        cookies: BTreeMap::new(),
        address: "192.0.2.99:40000".parse().unwrap(),
    }
}

impl TestApp {
    /// Sends `count` copies of a form at the same time (each from this browser's cookies)
    /// and returns their statuses.
    pub async fn concurrent_posts(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        count: usize,
    ) -> Vec<StatusCode> {
        let body = form_body(fields);
        let mut tasks = Vec::new();
        for _ in 0..count {
            let router = self.router.clone();
            let mut request = Request::post(path)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header("sec-fetch-site", "same-origin")
                .body(Body::from(body.clone()))
                .unwrap();
            request.extensions_mut().insert(ConnectInfo(self.address));
            tasks.push(tokio::spawn(async move {
                router.oneshot(request).await.unwrap().status()
            }));
        }
        let mut statuses = Vec::new();
        for task in tasks {
            statuses.push(task.await.unwrap());
        }
        statuses
    }
}

impl TestApp {
    /// Sends requests at the same time; each carries its own cookies. Returns their statuses in order.
    pub async fn concurrent(&self, requests: Vec<Request<Body>>) -> Vec<StatusCode> {
        let mut tasks = Vec::new();
        for mut request in requests {
            request.extensions_mut().insert(ConnectInfo(self.address));
            let router = self.router.clone();
            tasks.push(tokio::spawn(async move {
                router.oneshot(request).await.unwrap().status()
            }));
        }
        let mut statuses = Vec::new();
        for task in tasks {
            statuses.push(task.await.unwrap());
        }
        statuses
    }

    /// The session cookie of a fresh sign-in as `email` (this browser's cookies stay as they were).
    pub async fn session_of(&mut self, email: &str) -> String {
        let saved = self.cookies.clone();
        self.cookies.clear();
        self.login(email).await;
        let cookie = format!("framsyn_session={}", self.cookies["framsyn_session"]);
        self.cookies = saved;
        cookie
    }
}

/// A same-site form POST carrying `cookie`.
pub fn form_post(path: &str, cookie: &str, fields: &[(&str, &str)]) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin")
        .header(header::COOKIE, cookie)
        .body(Body::from(form_body(fields)))
        .unwrap()
}

// Typed clients: one per person, each with its own cookie jar, over the same application.
//
// `let leader = app.as_leader().await; leader.get("/progress").await` makes the request
// as the process leader of the [`world`]; `app.visitor()` as someone not signed in.
// Signing in this way opens a session straight in the database (a fresh token, stored as
// its digest, as the login form does), so a test pays for no password check unless it is
// about signing in: then it uses the login form ([`TestApp::login`]).

/// A browser of its own on the test application: its cookies and its client address.
pub struct Browser {
    router: Router,
    address: SocketAddr,
    cookies: Mutex<BTreeMap<String, String>>,
}

impl Browser {
    fn of(app: &TestApp) -> Browser {
        Browser {
            router: app.router.clone(),
            address: app.address,
            cookies: Mutex::new(BTreeMap::new()),
        }
    }
}

/// The requests any client makes, each with its own cookies (as crates.io's
/// `RequestHelper`).
#[allow(async_fn_in_trait)]
pub trait Client {
    fn browser(&self) -> &Browser;

    async fn request(&self, request: Request<Body>) -> TestResponse {
        let browser = self.browser();
        let cookies = browser.cookies.lock().unwrap().clone();
        let response = exchange(&browser.router, browser.address, &cookies, request).await;
        keep_cookies(&mut browser.cookies.lock().unwrap(), &response.headers);
        response
    }

    async fn get(&self, path: &str) -> TestResponse {
        self.request(Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    /// A same-site form POST, as the browser sends a form of the page.
    async fn post(&self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        self.request(form_request(path, fields)).await
    }

    /// Posts a file as a browser's file upload does (multipart/form-data, field `name`).
    async fn upload(&self, path: &str, name: &str, filename: &str, data: &[u8]) -> TestResponse {
        self.upload_with(path, &[], name, filename, data).await
    }

    /// A file upload with text fields before it.
    async fn upload_with(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        name: &str,
        filename: &str,
        data: &[u8],
    ) -> TestResponse {
        self.request(multipart(path, fields, name, filename, data))
            .await
    }

    /// The language the pages are asked in (`sv`, `nb`, `en`), as the language switch sets it.
    fn set_lang(&self, lang: &str) {
        self.browser()
            .cookies
            .lock()
            .unwrap()
            .insert("framsyn_lang".into(), lang.into());
    }

    /// The value of a cookie this browser holds.
    fn cookie(&self, name: &str) -> Option<String> {
        self.browser().cookies.lock().unwrap().get(name).cloned()
    }
}

/// Someone not signed in (crates.io's `MockAnonymousUser`).
pub struct Visitor {
    browser: Browser,
}

impl Client for Visitor {
    fn browser(&self) -> &Browser {
        &self.browser
    }
}

/// A signed-in person (crates.io's `MockCookieUser`): their id, e-mail and organisation.
pub struct Member {
    browser: Browser,
    pub id: i64,
    pub email: String,
    pub organisation_id: i64,
}

impl Client for Member {
    fn browser(&self) -> &Browser {
        &self.browser
    }
}

impl Member {
    /// The Cookie header of this person's session, for requests built by hand.
    pub fn session_cookie(&self) -> String {
        format!(
            "framsyn_session={}",
            self.cookie("framsyn_session")
                .expect("a signed-in person has a session")
        )
    }
}

impl TestApp {
    /// Someone not signed in, with a browser of their own.
    pub fn visitor(&self) -> Visitor {
        Visitor {
            browser: Browser::of(self),
        }
    }

    /// The person with `email` (added before, by [`world`] or [`TestApp::user`]), signed
    /// in with a browser of their own.
    pub async fn as_user(&self, email: &str) -> Member {
        let address = email.to_string();
        let token = framsyn::domain::credentials::new_token();
        let digest = framsyn::domain::credentials::token_digest(&token);
        let (id, organisation_id) = self
            .db
            .write(move |tx| {
                let id = users::find_by_email(tx, &address)?
                    .unwrap_or_else(|| panic!("no test user {address}: call world(&app) first"));
                let person = users::get(tx, id)?.expect("the user exists");
                sessions::create(tx, &digest, id, framsyn::storage::now_seconds())?;
                Ok((id, person.organisation_id))
            })
            .await
            .unwrap();
        let browser = Browser::of(self);
        browser
            .cookies
            .lock()
            .unwrap()
            .insert("framsyn_session".into(), token);
        Member {
            browser,
            id,
            email: email.to_string(),
            organisation_id,
        }
    }

    /// A new person of `organisation_id` with `roles`, signed in.
    pub async fn as_new_user(&self, email: &str, organisation_id: i64, roles: &[Role]) -> Member {
        self.user(email, organisation_id, roles);
        self.as_user(email).await
    }

    /// The [`world`]'s administrator, signed in.
    pub async fn as_admin(&self) -> Member {
        self.as_user(ADMIN).await
    }

    /// The [`world`]'s process leader, signed in.
    pub async fn as_leader(&self) -> Member {
        self.as_user(LEADER).await
    }

    /// The [`world`]'s editor, signed in.
    pub async fn as_editor(&self) -> Member {
        self.as_user(EDITOR).await
    }

    /// The [`world`]'s strategist of Region Skåne (`org_a`), signed in.
    pub async fn as_strategist_a(&self) -> Member {
        self.as_user(STRATEGIST_A).await
    }

    /// The [`world`]'s strategist of Region Norrbotten (`org_b`), signed in.
    pub async fn as_strategist_b(&self) -> Member {
        self.as_user(STRATEGIST_B).await
    }
}

/// Either kind of client, for a test that makes the same requests as several people.
pub enum Anyone {
    Visitor(Visitor),
    Member(Member),
}

impl Client for Anyone {
    fn browser(&self) -> &Browser {
        match self {
            Anyone::Visitor(visitor) => visitor.browser(),
            Anyone::Member(member) => member.browser(),
        }
    }
}

impl TestApp {
    /// The person with `email` signed in, or a visitor for `None`.
    pub async fn as_anyone(&self, email: Option<&str>) -> Anyone {
        match email {
            Some(email) => Anyone::Member(self.as_user(email).await),
            None => Anyone::Visitor(self.visitor()),
        }
    }
}

/// A note of `kind` written and submitted by `author` (a social note for 2030–2040);
/// returns its number.
pub async fn submitted_note(author: &impl Client, kind: &str, title: &str) -> i64 {
    let response = author
        .post(
            "/bank/new?then=submit",
            &[
                ("type", kind),
                ("title", title),
                ("category", "social"),
                ("time_band", "2030_2040"),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    response
        .location()
        .trim_start_matches("/bank/")
        .parse()
        .unwrap()
}

/// Follows every visitor's confirmation link still in the outbox (as each visitor would
/// from the mail) and confirms; how many registrations that confirmed.
pub async fn confirm_visitor_links(app: &TestApp) -> usize {
    use framsyn::domain::mail::{Content, Status};
    let tokens: Vec<String> = app
        .db
        .read_blocking(|c| framsyn::storage::outbox::list(c, Some(Status::Queued), 10_000))
        .unwrap()
        .into_iter()
        .rev()
        .filter_map(|m| match m.content {
            Content::ConfirmRegistration { token, .. } => Some(token),
            _ => None,
        })
        .collect();
    let mut confirmed = 0;
    for token in tokens {
        let visitor = app.visitor();
        let path = format!("/registrations/confirm/{token}");
        if visitor.get(&path).await.status != StatusCode::OK {
            continue;
        }
        let done = visitor.post(&path, &[]).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        confirmed += 1;
    }
    confirmed
}
