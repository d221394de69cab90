//! Typed configuration, read once at start from flags and `FRAMSYN_*` variables, with
//! defaults that make the binary work alone in any folder (its data folders are built
//! in) and `cargo run --release` work from a fresh clone.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use crate::domain::throttle::ThrottlePolicy;
use crate::files::Folder;

#[derive(Debug, Clone)]
pub struct Config {
    /// Where the server listens; loopback unless told otherwise.
    pub addr: SocketAddr,
    /// The SQLite file, created on first run.
    pub database: PathBuf,
    /// The programme definition: `programme.toml` and one file per phase.
    pub programme: Folder,
    /// The method bank: one file per method.
    pub methods: Folder,
    /// The page templates.
    pub templates: Folder,
    /// The public files served under `/assets` (style sheet, icons).
    pub assets: Folder,
    /// The address people reach the workspace at (for links handed out), e.g. `https://framsyn.example.se`.
    pub public_url: String,
    /// Cookies carry `Secure`: on whenever the public address is https.
    pub secure_cookies: bool,
    pub session_idle: Duration,
    pub session_absolute: Duration,
    pub password_link_lifetime: Duration,
    pub request_timeout: Duration,
    /// A connection that has not sent a whole request header within this time is closed.
    pub header_timeout: Duration,
    /// After SIGTERM, requests in flight get this long; connections left are closed.
    pub shutdown_deadline: Duration,
    pub body_limit: usize,
    pub throttle: ThrottlePolicy,
    /// Reverse proxies whose `X-Forwarded-For` names the real client (for throttling
    /// and the audit log). Empty: the peer address is the client.
    pub trusted_proxies: Vec<IpAddr>,
    /// The SMTP server messages are delivered through; none: they wait in the outbox.
    pub smtp: Option<Smtp>,
    /// The sender of every message (`From`).
    pub mail_from: String,
    /// How often the sender looks for messages due.
    pub mail_poll: Duration,
    /// The pause after a failed delivery, doubling after each next failure.
    pub mail_retry: Duration,
}

/// How the connection to the SMTP server is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SmtpSecurity {
    /// TLS from the first byte (port 465).
    Tls,
    /// Plain text upgraded with STARTTLS, which is required (port 587).
    Starttls,
    /// No encryption: only for a server on the same machine or in tests.
    None,
}

/// An SMTP server and the account to deliver with.
#[derive(Clone)]
pub struct Smtp {
    pub host: String,
    pub port: u16,
    pub security: SmtpSecurity,
    pub user: Option<String>,
    pub password: Option<String>,
}

impl std::fmt::Debug for Smtp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The password never reaches a log.
        f.debug_struct("Smtp")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("user", &self.user)
            .finish_non_exhaustive()
    }
}

impl Config {
    /// Defaults for everything but the listening address, database, programme and
    /// public address: the built-in templates, assets and method bank.
    pub fn new(
        addr: SocketAddr,
        database: PathBuf,
        programme: impl Into<Folder>,
        public_url: Option<String>,
    ) -> Config {
        let public_url = public_url
            .unwrap_or_else(|| format!("http://{addr}"))
            .trim_end_matches('/')
            .to_string();
        Config {
            addr,
            database,
            programme: programme.into(),
            methods: Folder::shipped_methods(),
            templates: Folder::shipped_templates(),
            assets: Folder::shipped_assets(),
            secure_cookies: public_url.starts_with("https://"),
            public_url,
            session_idle: Duration::from_secs(2 * 60 * 60),
            session_absolute: Duration::from_secs(12 * 60 * 60),
            password_link_lifetime: Duration::from_secs(72 * 60 * 60),
            request_timeout: Duration::from_secs(30),
            header_timeout: Duration::from_secs(10),
            shutdown_deadline: Duration::from_secs(10),
            // Room for an illustration (5 MiB) with its form; every other form is far smaller.
            body_limit: 6 * 1024 * 1024,
            throttle: ThrottlePolicy::default(),
            trusted_proxies: Vec::new(),
            smtp: None,
            mail_from: "Framsyn <framsyn@localhost>".to_string(),
            mail_poll: Duration::from_secs(5),
            mail_retry: Duration::from_secs(crate::domain::mail::FIRST_PAUSE as u64),
        }
    }
}
