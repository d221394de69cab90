//! The built binary alone: copied into an empty folder, it serves the default programme
//! from what is built into it; override folders that cannot be used, or a broken
//! template, stop it at start.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use framsyn::domain::lang::Lang;
use framsyn::files::{self, Folder};

/// A running server, stopped when dropped (also when the test panics).
struct Server {
    child: Child,
    log: PathBuf,
    addr: SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn html(&self) -> scraper::Html {
        scraper::Html::parse_document(&self.body)
    }

    fn count(&self, selector: &str) -> usize {
        let selector = scraper::Selector::parse(selector).expect("a valid selector");
        self.html().select(&selector).count()
    }
}

/// The binary run with the working directory `dir`, without `FRAMSYN_*` settings
/// from the environment the tests run in.
fn framsyn(binary: &Path, dir: &Path) -> Command {
    let mut command = Command::new(binary);
    command.current_dir(dir);
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("FRAMSYN_") {
            command.env_remove(name);
        }
    }
    command.env("RUST_LOG", "warn");
    command
}

/// The built binary, copied alone into the empty folder `dir`.
fn copy_binary(dir: &Path) -> PathBuf {
    let built = Path::new(env!("CARGO_BIN_EXE_framsyn"));
    let copy = dir.join(built.file_name().expect("a file name"));
    std::fs::copy(built, &copy).expect("the binary is copied");
    copy
}

fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .expect("a free port on loopback")
        .port()
}

/// One GET over a fresh connection (HTTP/1.0, so the answer ends when the server closes).
fn get(addr: SocketAddr, path: &str) -> std::io::Result<Answer> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(20)))?;
    write!(
        stream,
        "GET {path} HTTP/1.0\r\nHost: {addr}\r\nAccept-Language: sv\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Ok(Answer {
        status,
        headers,
        body: body.to_string(),
    })
}

/// Starts the binary in `dir` with a fresh database there, and waits for `/health`.
fn start(binary: &Path, dir: &Path) -> Server {
    start_with(binary, dir, free_port(), &[])
}

/// Starts the binary in `dir` over the database there, on `port`, with `args` before
/// `serve`, and waits for `/health`.
fn start_with(binary: &Path, dir: &Path, port: u16, args: &[String]) -> Server {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let log = dir.join("server.log");
    // The server logs to standard output; errors before logging starts go to standard error.
    let log_file = std::fs::File::create(&log).expect("a log file");
    let child = framsyn(binary, dir)
        .arg("--database")
        .arg(dir.join("framsyn.sqlite3"))
        .arg("--addr")
        .arg(addr.to_string())
        .args(args)
        .arg("serve")
        .stdout(log_file.try_clone().expect("the log file"))
        .stderr(log_file)
        .spawn()
        .expect("the binary starts");
    let mut server = Server { child, log, addr };
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(answer) = get(addr, "/health")
            && answer.status == 200
        {
            return server;
        }
        if let Ok(Some(status)) = server.child.try_wait() {
            panic!("the server stopped ({status}):\n{}", server.log());
        }
        assert!(
            Instant::now() < deadline,
            "no answer on /health:\n{}",
            server.log()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

impl Server {
    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    #[track_caller]
    fn page(&self, path: &str) -> Answer {
        let answer = get(self.addr, path).unwrap_or_else(|e| panic!("GET {path}: {e}"));
        assert_eq!(
            answer.status,
            200,
            "GET {path}:\n{}\n{}",
            answer.body,
            self.log()
        );
        answer
    }
}

#[test]
fn the_binary_alone_in_an_empty_folder_serves_the_default_programme() {
    let dir = tempfile::tempdir().unwrap();
    let binary = copy_binary(dir.path());
    let server = start(&binary, dir.path());

    let programme = files::load_programme(&Folder::default_programme()).unwrap();
    let methods = files::load_methods(&Folder::shipped_methods(), Lang::Sv).unwrap();

    let home = server.page("/");
    assert!(
        home.header("content-type")
            .unwrap_or("")
            .starts_with("text/html")
    );
    assert_eq!(home.count("main"), 1, "{}", home.body);
    assert_eq!(
        home.count("link[rel=stylesheet][href='/assets/framsyn.css']"),
        1
    );

    for phase in &programme.phases {
        let page = server.page(&format!("/phases/{}", phase.slug));
        assert_eq!(page.count("main h1"), 1, "{}", page.body);
    }
    server.page("/calendar");

    let list = server.page("/methods");
    for method in &methods {
        assert_eq!(
            list.count(&format!("a[href='/methods/{}']", method.slug)),
            1,
            "{} is listed",
            method.slug
        );
    }
    let method = &methods[0];
    let page = server.page(&format!("/methods/{}", method.slug));
    assert_eq!(page.count("main h1"), 1, "{}", page.body);

    let login = server.page("/login");
    assert_eq!(
        login.count("form input[type=password]"),
        1,
        "{}",
        login.body
    );

    let css = server.page("/assets/framsyn.css");
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert!(css.body.contains('{') && css.body.contains("body"));
    assert!(css.header("etag").is_some());
    let icon = server.page("/assets/favicon.svg");
    assert_eq!(icon.header("content-type"), Some("image/svg+xml"));

    // The catalogues are built in for the server, never handed out.
    let catalogue = get(server.addr, "/assets/locales/sv/main.ftl").unwrap();
    assert_eq!(catalogue.status, 404);

    // Only the database was written next to the binary.
    let mut written: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with("framsyn.sqlite3") && name != "server.log")
        .collect();
    written.sort();
    assert_eq!(written, vec![binary.file_name().unwrap().to_string_lossy()]);
}

/// Runs the built binary in an empty folder with `args`, expecting it to fail at once.
fn fails(args: &[&std::ffi::OsStr]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let output: Output = framsyn(Path::new(env!("CARGO_BIN_EXE_framsyn")), dir.path())
        .arg("--database")
        .arg(dir.path().join("framsyn.sqlite3"))
        .arg("--addr")
        .arg("127.0.0.1:0")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!output.status.success(), "it should have failed");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_backup_of_a_database_that_does_not_exist_is_refused_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.sqlite3");
    let stderr = fails(&["backup".as_ref(), copy.as_os_str()]);
    assert!(
        stderr.contains("there is no database at") && stderr.contains("framsyn.sqlite3"),
        "{stderr}"
    );
    assert!(!copy.exists(), "no copy is written");
}

#[test]
fn serve_warns_when_it_creates_a_new_database() {
    let dir = tempfile::tempdir().unwrap();
    let binary = copy_binary(dir.path());
    let server = start(&binary, dir.path());
    let log = server.log();
    let warning = log
        .lines()
        .find(|line| line.contains("there is no database at"))
        .unwrap_or_else(|| panic!("no warning of a new database:\n{log}"));
    assert!(warning.contains("WARN"), "{warning}");
    drop(server);
    // Served again on the database it created, it says nothing of the kind.
    let server = start(&binary, dir.path());
    assert!(!server.log().contains("there is no database at"));
}

#[test]
fn an_override_folder_that_is_missing_or_empty_stops_start_up() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-folder");
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    for flag in ["--templates", "--assets", "--methods", "--programme"] {
        for (folder, problem) in [
            (&missing, "no such folder"),
            (&empty, "the folder is empty"),
        ] {
            let stderr = fails(&[flag.as_ref(), folder.as_os_str(), "serve".as_ref()]);
            assert!(
                stderr.contains(flag)
                    && stderr.contains(&*folder.to_string_lossy())
                    && stderr.contains(problem),
                "{flag} {}: {stderr}",
                folder.display()
            );
        }
    }
}

#[test]
fn a_shipped_programme_is_named_by_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let output = framsyn(Path::new(env!("CARGO_BIN_EXE_framsyn")), dir.path())
        .args(["--programme", "dialogarena", "check"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("programme `dialogarena`"), "{stdout}");
}

/// The built-in templates written to a folder, with `broken` replacing the first line
/// of `name`.
fn templates_with(dir: &Path, name: &str, broken: &str) {
    let shipped = Folder::shipped_templates();
    for file in shipped.list("html").unwrap() {
        let mut text = shipped.read_to_string(&file).unwrap();
        if file == name {
            text = format!("{broken}\n{text}");
        }
        let path = dir.join(&file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

#[test]
fn a_broken_template_fails_the_check_and_the_start_naming_template_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good");
    templates_with(&good, "base.html", "");
    let output = framsyn(Path::new(env!("CARGO_BIN_EXE_framsyn")), dir.path())
        .arg("--templates")
        .arg(&good)
        .arg("check")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    for (name, broken, problem) in [
        ("method.html", "{{ 1 + }}", "syntax error"),
        ("base.html", "{{ 'x'|no_such_filter }}", "unknown filter"),
        (
            "base.html",
            "{% include 'no-such.html' %}",
            "template not found",
        ),
    ] {
        let folder = dir
            .path()
            .join(format!("case-{}", problem.replace(' ', "-")));
        templates_with(&folder, name, broken);
        for command in ["check", "serve"] {
            let stderr = fails(&["--templates".as_ref(), folder.as_os_str(), command.as_ref()]);
            assert!(
                stderr.contains(&format!("template {name}, line 1")) && stderr.contains(problem),
                "{command} with {broken} in {name}: {stderr}"
            );
        }
    }
}

#[tokio::test]
async fn assets_carry_a_type_and_an_etag_and_answer_304_when_unchanged() {
    let mut app = super::helpers::spawn_app();
    let css = app.get("/assets/framsyn.css").await;
    assert_eq!(css.status, 200);
    assert_eq!(
        css.headers.get("content-type").unwrap(),
        "text/css; charset=utf-8"
    );
    assert_eq!(
        css.headers.get("cache-control").unwrap(),
        "public, max-age=3600"
    );
    let tag = css
        .headers
        .get("etag")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let again = app
        .request(
            axum::http::Request::get("/assets/framsyn.css")
                .header("if-none-match", &tag)
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    for hidden in [
        "/assets/locales/sv/main.ftl",
        "/assets/../Cargo.toml",
        "/assets/%2e%2e/Cargo.toml",
        "/assets/no-such.css",
    ] {
        assert_eq!(app.get(hidden).await.status, 404, "{hidden}");
    }
}

#[tokio::test]
async fn an_assets_folder_replaces_the_built_in_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("framsyn.css"), "body { color: black }").unwrap();
    std::fs::create_dir(dir.path().join("locales")).unwrap();
    std::fs::write(dir.path().join("locales").join("x.ftl"), "a = b").unwrap();
    let mut config = super::helpers::test_config();
    config.assets = Folder::from_flag("--assets", dir.path()).unwrap();
    let mut app = super::helpers::spawn_with(super::helpers::regionerna(), config);
    let css = app.get("/assets/framsyn.css").await;
    assert_eq!(css.status, 200);
    assert_eq!(css.body, "body { color: black }");
    assert!(css.headers.get("etag").is_some());
    assert_eq!(app.get("/assets/favicon.svg").await.status, 404);
    assert_eq!(app.get("/assets/locales/x.ftl").await.status, 404);
}

/// One form POST over a fresh connection with `cookie`; the status (0 when the server
/// gave no answer).
fn post(addr: SocketAddr, path: &str, cookie: &str, fields: &[(&str, &str)]) -> u16 {
    let body = super::helpers::form_body(fields);
    let exchange = || -> std::io::Result<u16> {
        let mut stream = TcpStream::connect(addr)?;
        stream.set_read_timeout(Some(Duration::from_secs(20)))?;
        write!(
            stream,
            "POST {path} HTTP/1.0\r\nHost: {addr}\r\nCookie: {cookie}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )?;
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw)?;
        let text = String::from_utf8_lossy(&raw);
        Ok(text
            .lines()
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|s| s.parse().ok())
            .unwrap_or(0))
    };
    exchange().unwrap_or(0)
}

/// How many people and outbox messages the database holds, and how many messages are
/// sent.
fn people_and_messages(database: &Path) -> (i64, i64, i64) {
    let db = framsyn::storage::Db::open(database).expect("the database opens");
    db.read_blocking(|c| {
        let one = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0));
        Ok((
            one("SELECT count(*) FROM users")?,
            one("SELECT count(*) FROM outbox")?,
            one("SELECT count(*) FROM outbox WHERE status = 'sent'")?,
        ))
    })
    .unwrap()
}

/// The durability of the outbox, with the real binary: with the SMTP server down, 200
/// changes that each write a message are made while the workspace is killed (`kill -9`)
/// in the middle; after a restart with the server up, and another kill in the middle of
/// delivering, every message arrives, and none twice as far as the `Message-ID` shows.
#[test]
fn the_outbox_loses_nothing_when_the_smtp_server_is_down_and_the_workspace_is_killed() {
    use super::smtp::SmtpServer;
    const CHANGES: usize = 200;
    let dir = tempfile::tempdir().unwrap();
    let binary = Path::new(env!("CARGO_BIN_EXE_framsyn"));
    let database = dir.path().join("framsyn.sqlite3");
    let made = framsyn(binary, dir.path())
        .arg("--database")
        .arg(&database)
        .args(["create-admin", "--name", "Ada Admin"])
        .args(["--email", "ada@reglab.test", "--organisation", "Reglab"])
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
    // The administrator's session, made as signing in makes it.
    let token = framsyn::domain::credentials::new_token();
    let digest = framsyn::domain::credentials::token_digest(&token);
    let organisation = {
        let db = framsyn::storage::Db::open(&database).unwrap();
        db.write_blocking(move |tx| {
            let id = framsyn::storage::users::find_by_email(tx, "ada@reglab.test")?.unwrap();
            let now = framsyn::storage::now_seconds();
            framsyn::storage::sessions::create(tx, &digest, id, now)?;
            Ok(framsyn::storage::users::get(tx, id)?
                .unwrap()
                .organisation_id)
        })
        .unwrap()
    };
    let (_, before, _) = people_and_messages(&database);
    let cookie = format!("framsyn_session={token}");
    let smtp_port = SmtpServer::free_port();
    let args: Vec<String> = [
        "--smtp-host",
        "127.0.0.1",
        "--smtp-port",
        &smtp_port.to_string(),
        "--smtp-security",
        "none",
        "--mail-from",
        "Regionerna 2050 <framsyn@reglab.test>",
        "--mail-poll",
        "1",
        "--mail-retry",
        "1",
    ]
    .iter()
    .map(|a| a.to_string())
    .collect();
    let port = free_port();
    let org = organisation.to_string();
    let create = |addr: SocketAddr, i: usize| {
        let (name, email) = (format!("Person {i}"), format!("person{i}@region.test"));
        let fields = [
            ("name", name.as_str()),
            ("email", email.as_str()),
            ("organisation_id", org.as_str()),
            ("roles", "strategist"),
        ];
        post(addr, "/admin/users/new", &cookie, &fields)
    };

    // The SMTP server is down; four clients make the changes, and the workspace is
    // killed when about half of them are through.
    let started = Instant::now();
    let mut server = start_with(binary, dir.path(), port, &args);
    let addr = server.addr;
    let acknowledged = std::sync::atomic::AtomicUsize::new(0);
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    if i >= CHANGES {
                        return;
                    }
                    if create(addr, i) == 200 {
                        acknowledged.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    } else {
                        return;
                    }
                }
            });
        }
        while acknowledged.load(std::sync::atomic::Ordering::SeqCst) < CHANGES / 2 {
            std::thread::sleep(Duration::from_millis(2));
        }
        server.child.kill().unwrap();
        server.child.wait().unwrap();
    });
    let tried = next.load(std::sync::atomic::Ordering::SeqCst).min(CHANGES);
    let before_kill = acknowledged.load(std::sync::atomic::Ordering::SeqCst);
    let (people, messages, sent) = people_and_messages(&database);
    assert_eq!(sent, 0, "nothing could be sent");
    assert_eq!(
        messages - before,
        people - 1,
        "every change stored has its message, and no message is without its change"
    );
    assert!((people - 1) as usize >= before_kill);

    // Restarted, still without the SMTP server: the rest of the changes.
    let server = start_with(binary, dir.path(), port, &args);
    for i in tried..CHANGES {
        assert_eq!(create(server.addr, i), 200, "{}", server.log());
    }
    drop(server);
    let (people, messages, _) = people_and_messages(&database);
    let expected = (messages - before) as usize;
    assert_eq!(expected, (people - 1) as usize);
    assert!(expected >= CHANGES - (tried - before_kill));

    // The SMTP server is up; the workspace is killed again while it delivers.
    let smtp = SmtpServer::start_on(smtp_port);
    let delivering = Instant::now();
    let mut server = start_with(binary, dir.path(), port, &args);
    smtp.wait_for(expected / 3, Duration::from_secs(120));
    server.child.kill().unwrap();
    server.child.wait().unwrap();
    let at_kill = smtp.received().len();
    let server = start_with(binary, dir.path(), port, &args);
    let deadline = Instant::now() + Duration::from_secs(180);
    loop {
        let (_, _, sent) = people_and_messages(&database);
        if sent as usize == expected {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{sent} of {expected} sent:\n{}",
            server.log()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let delivered_in = delivering.elapsed();
    drop(server);

    let received = smtp.received();
    let mut ids: Vec<String> = received
        .iter()
        .map(|r| r.parsed().message_id().expect("a Message-ID").to_string())
        .collect();
    let deliveries = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), expected, "every message arrived");
    let db = framsyn::storage::Db::open(&database).unwrap();
    let mut recorded: Vec<String> = db
        .read_blocking(|c| framsyn::storage::outbox::list(c, None, 10_000))
        .unwrap()
        .into_iter()
        .filter(|m| m.kind.key() == "password-link" && m.recipient != "ada@reglab.test")
        .map(|m| {
            m.message_id
                .unwrap()
                .trim_matches(|c| c == '<' || c == '>')
                .to_string()
        })
        .collect();
    recorded.sort();
    assert_eq!(ids, recorded, "what arrived is what the outbox holds");
    assert!(
        deliveries - expected <= 4,
        "at most the messages in flight at the kill arrive twice, under one Message-ID"
    );
    println!(
        "outbox durability: {CHANGES} changes tried, {before_kill} acknowledged before the \
         first kill, {expected} stored with their messages; {at_kill} delivered before the \
         second kill; all {expected} delivered {:.1} s after the server came up ({} in all, \
         {} repeated under the same Message-ID); whole run {:.1} s",
        delivered_in.as_secs_f64(),
        deliveries,
        deliveries - expected,
        started.elapsed().as_secs_f64()
    );
}
