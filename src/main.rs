//! The `framsyn` binary: serves the workspace, and the administrators' commands.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

use framsyn::clock::Clock;
use framsyn::config::Config;
use framsyn::domain::organisation::OrganisationForm;
use framsyn::domain::programme::Programme;
use framsyn::domain::user::{Email, Role};
use framsyn::files::Folder;
use framsyn::render::Renderer;
use framsyn::storage::{Db, audit, organisations, users};

#[derive(Parser)]
#[command(
    name = "framsyn",
    version,
    about = "A workspace for participatory foresight programmes"
)]
struct Cli {
    /// Address to listen on (loopback by default).
    #[arg(
        long,
        env = "FRAMSYN_ADDR",
        default_value = "127.0.0.1:8080",
        global = true
    )]
    addr: SocketAddr,
    /// The SQLite database file; `serve`, `demo` and `create-admin` create it when it
    /// does not exist, every other command refuses a path where there is none.
    #[arg(
        long,
        env = "FRAMSYN_DATABASE",
        default_value = "framsyn.sqlite3",
        global = true
    )]
    database: PathBuf,
    /// The programme: a folder (programme.toml and one file per phase) or the name of a
    /// shipped programme; the built-in default programme when not given.
    #[arg(long, env = "FRAMSYN_PROGRAMME", global = true)]
    programme: Option<PathBuf>,
    /// The address people use to reach the workspace, for the links it hands out.
    #[arg(long, env = "FRAMSYN_PUBLIC_URL", global = true)]
    public_url: Option<String>,
    /// A folder served under /assets (style sheet, icons) instead of the built-in one.
    #[arg(long, env = "FRAMSYN_ASSETS", global = true)]
    assets: Option<PathBuf>,
    /// A folder of page templates used instead of the built-in ones.
    #[arg(long, env = "FRAMSYN_TEMPLATES", global = true)]
    templates: Option<PathBuf>,
    /// A folder of method files (one .toml per method) used instead of the built-in method bank.
    #[arg(long, env = "FRAMSYN_METHODS", global = true)]
    methods: Option<PathBuf>,
    /// A reverse proxy whose X-Forwarded-For header is believed (repeat, or separate with commas).
    #[arg(
        long = "trusted-proxy",
        env = "FRAMSYN_TRUSTED_PROXIES",
        value_delimiter = ',',
        global = true
    )]
    trusted_proxies: Vec<std::net::IpAddr>,
    /// Seconds a client has to send a whole request header before its connection is closed.
    #[arg(
        long,
        env = "FRAMSYN_HEADER_TIMEOUT",
        default_value_t = 10,
        global = true
    )]
    header_timeout: u64,
    /// Seconds the requests in flight get to finish after SIGTERM or Ctrl-C; connections
    /// still open then are closed.
    #[arg(
        long,
        env = "FRAMSYN_SHUTDOWN_DEADLINE",
        default_value_t = 10,
        global = true
    )]
    shutdown_deadline: u64,
    /// The SMTP server messages are delivered through; without it they wait in the outbox.
    #[arg(long, env = "FRAMSYN_SMTP_HOST", global = true)]
    smtp_host: Option<String>,
    /// The SMTP server's port (by default 465 for TLS, 587 for STARTTLS, 25 without).
    #[arg(long, env = "FRAMSYN_SMTP_PORT", global = true)]
    smtp_port: Option<u16>,
    /// How the connection to the SMTP server is secured.
    #[arg(
        long,
        env = "FRAMSYN_SMTP_SECURITY",
        value_enum,
        default_value = "starttls",
        global = true
    )]
    smtp_security: framsyn::config::SmtpSecurity,
    /// The account to deliver with, if the server asks for one.
    #[arg(long, env = "FRAMSYN_SMTP_USER", global = true)]
    smtp_user: Option<String>,
    /// The account's password (better given as the environment variable).
    #[arg(
        long,
        env = "FRAMSYN_SMTP_PASSWORD",
        hide_env_values = true,
        global = true
    )]
    smtp_password: Option<String>,
    /// The sender of every message, e.g. `Regionerna 2050 <framsyn@region.example.se>`.
    #[arg(long, env = "FRAMSYN_MAIL_FROM", global = true)]
    mail_from: Option<String>,
    /// Seconds between two looks for messages due.
    #[arg(long, env = "FRAMSYN_MAIL_POLL", default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..=3600), global = true)]
    mail_poll: u64,
    /// Seconds to wait after a failed delivery before the next attempt (doubling each
    /// time, at most 6 hours; ten attempts in all).
    #[arg(long, env = "FRAMSYN_MAIL_RETRY", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=21600), global = true)]
    mail_retry: u64,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the workspace (the default).
    Serve,
    /// Check the programme, the method bank and every template, and say what is wrong and where.
    Check,
    /// Create an administrator and print a single-use link to set their password.
    CreateAdmin {
        #[arg(long)]
        name: String,
        #[arg(long)]
        email: String,
        /// Their organisation, created (as the network's board) if it does not exist.
        #[arg(long)]
        organisation: String,
    },
    /// Load the programme's demo (demo.toml and demo/), which acts as a day of the programme.
    Demo,
    /// Copy the live database to a file (one VACUUM INTO, unhindered by writes), and check the copy.
    Backup { destination: PathBuf },
}

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let cli = Cli::parse();
    let programme = match &cli.programme {
        Some(path) => Folder::programme_from_flag("--programme", path)?,
        None => Folder::default_programme(),
    };
    let mut config = Config::new(
        cli.addr,
        cli.database.clone(),
        programme,
        cli.public_url.clone(),
    );
    if let Some(path) = &cli.assets {
        config.assets = Folder::from_flag("--assets", path)?;
    }
    if let Some(path) = &cli.templates {
        config.templates = Folder::from_flag("--templates", path)?;
    }
    if let Some(path) = &cli.methods {
        config.methods = Folder::from_flag("--methods", path)?;
    }
    config.trusted_proxies = cli.trusted_proxies.clone();
    config.header_timeout = std::time::Duration::from_secs(cli.header_timeout);
    config.shutdown_deadline = std::time::Duration::from_secs(cli.shutdown_deadline);
    if let Some(host) = cli.smtp_host.clone().filter(|h| !h.trim().is_empty()) {
        use framsyn::config::SmtpSecurity;
        let security = cli.smtp_security;
        config.smtp = Some(framsyn::config::Smtp {
            host,
            port: cli.smtp_port.unwrap_or(match security {
                SmtpSecurity::Tls => 465,
                SmtpSecurity::Starttls => 587,
                SmtpSecurity::None => 25,
            }),
            security,
            user: cli.smtp_user.clone(),
            password: cli.smtp_password.clone(),
        });
    }
    config.mail_poll = std::time::Duration::from_secs(cli.mail_poll);
    config.mail_retry = std::time::Duration::from_secs(cli.mail_retry);
    if let Some(from) = cli.mail_from.clone() {
        framsyn::mailer::check_sender(&from)?;
        config.mail_from = from;
    }
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config),
        Command::Check => {
            let programme = load_programme(&config)?;
            let methods = load_methods(&config, &programme)?;
            let templates = check_templates(&config)?;
            println!("{}: {} methods are valid", config.methods, methods.len());
            println!(
                "{}: programme `{}` with {} phases is valid",
                config.programme,
                programme.slug,
                programme.phases.len()
            );
            println!(
                "{}: {templates} templates load and render",
                config.templates
            );
            Ok(())
        }
        Command::CreateAdmin {
            name,
            email,
            organisation,
        } => create_admin(&config, &name, &email, &organisation),
        Command::Demo => {
            let programme = load_programme(&config)?;
            let demo = framsyn::demo::read(&config.programme)?;
            let acts_as = demo.acts_as(&programme)?;
            let db = Db::open(&config.database)?.with_clock(Clock::frozen_at(acts_as));
            let report = framsyn::demo::load(&db, &programme, &demo)?;
            if report.already_loaded {
                println!(
                    "{} holds a demo already; nothing was added",
                    config.database.display()
                );
            } else {
                println!(
                    "demo data in {}: {} organisations, {} people, {} events, {} notes and {} sources added; it acts as {} ({}); every demo person's password is {:?}",
                    config.database.display(),
                    report.organisations_added,
                    report.users_added,
                    report.events_added,
                    report.notes_added,
                    report.sources_added,
                    acts_as
                        .with_timezone(&programme.time_zone)
                        .format("%Y-%m-%d %H:%M"),
                    programme.time_zone,
                    demo.password()
                );
            }
            Ok(())
        }
        Command::Backup { destination } => {
            framsyn::storage::backup(&config.database, &destination)?;
            println!(
                "backup written to {} and passes integrity_check",
                destination.display()
            );
            Ok(())
        }
    }
}

fn load_methods(
    config: &Config,
    programme: &Programme,
) -> anyhow::Result<Vec<framsyn::domain::methods::Method>> {
    framsyn::files::load_methods(&config.methods, programme.default_language)
        .map_err(|e| anyhow::anyhow!("invalid method bank: {e}"))
}

fn load_programme(config: &Config) -> anyhow::Result<Programme> {
    framsyn::files::load_programme(&config.programme)
        .map_err(|e| anyhow::anyhow!("invalid programme definition: {e}"))
}

/// Loads and renders every template; the number of templates.
fn check_templates(config: &Config) -> anyhow::Result<usize> {
    Renderer::new(&config.templates, &config.assets)
        .check()
        .map_err(|e| anyhow::anyhow!("broken {e}"))
}

fn create_admin(
    config: &Config,
    name: &str,
    email: &str,
    organisation: &str,
) -> anyhow::Result<()> {
    let email = Email::parse(email).context("that is not an e-mail address")?;
    let name = name.trim();
    anyhow::ensure!(!name.is_empty(), "the name is empty");
    let org_form = OrganisationForm {
        name: organisation.to_string(),
        category: "board".into(),
        ..Default::default()
    };
    let org = org_form
        .validate()
        .map_err(|_| anyhow::anyhow!("the organisation name is empty or too long"))?;
    let db = Db::open(&config.database)?;
    let lifetime = config.password_link_lifetime;
    let token = db.write_blocking(|tx| {
        let org_id = match organisations::find_by_name(tx, &org.name)? {
            Some(id) => id,
            None => organisations::insert(tx, &org)?,
        };
        let id = match users::find_by_email(tx, email.as_str())? {
            Some(id) => {
                let mut roles = users::get(tx, id)?.map(|u| u.roles).unwrap_or_default();
                if !roles.contains(&Role::Administrator) {
                    roles.push(Role::Administrator);
                }
                users::set_roles(tx, id, &roles)?;
                id
            }
            None => users::insert(tx, name, &email, org_id, &[Role::Administrator])?,
        };
        audit::record(
            tx,
            &audit::Actor::default(),
            "admin.create",
            Some(&format!("user:{id}")),
            Some("command line"),
        )?;
        users::issue_password_link(tx, id, None, lifetime)
    })?;
    println!(
        "administrator {} is ready; they set their password once at\n{}/set-password/{token}\n(valid {} hours)",
        email.as_str(),
        config.public_url,
        lifetime.as_secs() / 3600
    );
    Ok(())
}

fn serve(config: Config) -> anyhow::Result<()> {
    let programme = load_programme(&config)?;
    framsyn::mailer::Mailer::new(config.smtp.as_ref()).context("the SMTP server")?;
    let methods = load_methods(&config, &programme)?;
    check_templates(&config)?;
    if !config.database.exists() {
        tracing::warn!(
            "there is no database at {}: a new, empty one is created there",
            config.database.display()
        );
    }
    let mut db = Db::open(&config.database)
        .with_context(|| format!("opening {}", config.database.display()))?;
    // A demo database acts as a moment of its programme: its clock starts there, so it
    // is the same day of the programme whatever day it is served.
    if let Some(acts_as) = framsyn::demo::acting_moment(&db)? {
        tracing::info!(
            "{} is a demo: its clock starts at {} ({}) and runs on from there",
            config.database.display(),
            acts_as
                .with_timezone(&programme.time_zone)
                .format("%Y-%m-%d %H:%M"),
            programme.time_zone
        );
        db = db.with_clock(Clock::starting_at(acts_as));
    }
    let addr = config.addr;
    let state = framsyn::web::AppState::new(db.clone(), programme, config)
        .with_methods(methods)
        .context("indexing the method bank")?;
    let runtime = tokio::runtime::Runtime::new()?;
    let limits = framsyn::web::server::Limits::from_config(&state.config);
    let result = runtime.block_on(async move {
        framsyn::web::spawn_housekeeping(&state);
        framsyn::web::spawn_sender(&state);
        let app = framsyn::web::router(state);
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("binding {addr}"))?;
        tracing::info!("Framsyn serves http://{addr}");
        framsyn::web::server::serve(listener, app, limits, shutdown_signal()).await;
        anyhow::Ok(())
    });
    // A database call still running after the deadline is not waited for either.
    runtime.shutdown_timeout(std::time::Duration::from_secs(1));
    tracing::info!("stopped");
    result
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
