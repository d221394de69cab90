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
        }
    }
}
