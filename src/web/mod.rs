//! HTTP: the one route table with its layers, and the handlers grouped by area.
//! A handler extracts, calls domain and storage, renders; nothing more.

mod admin;
mod announcements;
mod assets;
mod assignments;
mod auth;
mod backcasting;
mod backcasting_charts;
mod backcasting_reach;
mod bank;
mod calendar;
mod charts;
mod consequence_heat;
mod consequence_reach;
mod consequences;
pub mod context;
mod editorial;
pub mod embeds;
mod error;
mod events;
mod forms;
mod futures_wheel;
mod input;
mod messages;
mod methods;
mod nav;
mod organisations;
mod pages;
mod picker;
mod privacy;
pub(crate) mod progress;
pub mod report;
mod roadmap;
mod rounds;
mod scenario_charts;
mod scenario_reach;
mod scenarios;
mod search;
mod security;
pub mod server;
mod sources;
mod start;
mod thread;
mod transfer;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::response::Html;
use axum::routing::{get, post};
use minijinja::{Value, context};

/// The columns of the bank's CSV export, which its import reads too.
pub use bank::CSV_COLUMNS as BANK_CSV_COLUMNS;
pub use context::Ctx;
pub use error::AppError;
/// The statuses an HTML error page is written for.
pub use error::PAGE_STATUSES as ERROR_PAGE_STATUSES;

use crate::config::Config;
use crate::domain::programme::Programme;
use crate::render::Renderer;
use crate::storage::Db;

/// Built feeds by key, each with the event version it was built from.
pub type FeedCache = std::collections::HashMap<String, ((i64, i64), Arc<str>)>;

/// Everything a request may need, shared by all requests.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    /// The one clock every "now" reads: the database's, shared with every transaction.
    pub clock: crate::clock::Clock,
    pub programme: Arc<Programme>,
    /// The programme as a template value, converted once.
    programme_value: Value,
    pub renderer: Arc<Renderer>,
    pub config: Arc<Config>,
    /// Bounds the argon2 checks running at once (each takes about 19 MiB).
    pub password_checks: Arc<tokio::sync::Semaphore>,
    /// Public calendar feeds, by address, with the event version they were built from.
    pub feeds: Arc<std::sync::Mutex<FeedCache>>,
    /// The method bank, loaded at start.
    pub methods: Arc<Vec<crate::domain::methods::Method>>,
    /// Whether the database holds a demo (read at start): every page then says so.
    pub demo: bool,
    /// The way messages leave (none without an SMTP server: they wait in the outbox).
    pub mailer: crate::mailer::Mailer,
    /// The sender of every message.
    pub mail_from: Arc<lettre::message::Mailbox>,
}

impl AppState {
    pub fn new(db: Db, programme: Programme, config: Config) -> AppState {
        let renderer = Renderer::new(&config.templates, &config.assets);
        let programme_value = Value::from_serialize(&programme);
        let config_smtp = config.smtp.clone();
        let mail_from = config.mail_from.clone();
        let demo = db
            .read_blocking(crate::storage::demo::mark)
            .is_ok_and(|mark| mark.is_some());
        AppState {
            clock: db.clock().clone(),
            db,
            programme: Arc::new(programme),
            programme_value,
            renderer: Arc::new(renderer),
            config: Arc::new(config),
            password_checks: Arc::new(tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, |n| n.get()),
            )),
            feeds: Default::default(),
            methods: Default::default(),
            demo,
            mailer: crate::mailer::Mailer::new(config_smtp.as_ref()).unwrap_or_else(|e| {
                tracing::error!(error = %e, "the SMTP server cannot be used: messages wait");
                crate::mailer::Mailer::new(None).expect("no transport")
            }),
            mail_from: Arc::new(crate::app::outbox::sender_mailbox(&mail_from)),
        }
    }

    /// Delivers the messages due now, in batches until none is left (see
    /// `app::outbox::deliver_due`); returns what was done.
    pub async fn deliver_mail(&self) -> crate::app::Result<crate::app::outbox::Pass> {
        const BATCH: i64 = 50;
        let sender = crate::render::mail::Sender {
            programme: &self.programme,
            public_url: &self.config.public_url,
            from: &self.mail_from,
        };
        let host = self.mail_from.email.domain().to_string();
        let out = crate::app::outbox::Outgoer {
            sender: &sender,
            host: &host,
            renderer: &self.renderer,
            mailer: &self.mailer,
            first_pause: self.config.mail_retry.as_secs() as i64,
        };
        let mut total = crate::app::outbox::Pass::default();
        loop {
            let pass = crate::app::outbox::deliver_due(&self.db, out, BATCH).await?;
            total.sent += pass.sent;
            total.retried += pass.retried;
            total.failed += pass.failed;
            if ((pass.sent + pass.retried + pass.failed) as i64) < BATCH {
                return Ok(total);
            }
        }
    }

    /// The same state with the method bank, whose texts are indexed for full-text search.
    pub fn with_methods(
        mut self,
        methods: Vec<crate::domain::methods::Method>,
    ) -> Result<AppState, crate::storage::StorageError> {
        self.db
            .write_blocking(|tx| crate::storage::methods::reindex(tx, &methods))?;
        self.methods = Arc::new(methods);
        Ok(self)
    }

    /// For a demo, the day of its programme it acts as (its clock's day, `YYYY-MM-DD`),
    /// which every page names.
    pub fn demo_day(&self) -> Option<String> {
        self.demo.then(|| {
            self.clock
                .now()
                .with_timezone(&self.programme.time_zone)
                .format("%Y-%m-%d")
                .to_string()
        })
    }

    /// Renders a page: the template gets `extra` plus what every page shows (language,
    /// programme, who is signed in and what they may do).
    pub fn render(
        &self,
        ctx: &Ctx,
        template: &str,
        extra: Value,
    ) -> Result<Html<String>, AppError> {
        let subject = ctx.subject().ok();
        let can = context! {
            administer => subject.is_some_and(|s| s.can_administer()),
            lead_process => subject.is_some_and(|s| s.can_lead_process()),
            edit_texts => subject.is_some_and(|s| crate::domain::publication::can_edit(&s)),
        };
        let has_scenarios = !crate::domain::scenario::phases(&self.programme).is_empty();
        let has_consequences = !crate::domain::consequence::phases(&self.programme).is_empty();
        let base = context! {
            demo_day => self.demo_day(),
            lang => ctx.lang.code(),
            default_lang => self.programme.default_language.code(),
            // The language of text written by users, for its `lang` attribute: records
            // store none (sources store their own), and people write in the programme's.
            written_lang => self.programme.default_language.code(),
            tz => self.programme.time_zone.name(),
            programme => self.programme_value.clone(),
            viewer => ctx.viewer.as_ref(),
            path => &ctx.path,
            langs => context::languages(),
            // Visitors are led to backcasting from the phase pages that list public
            // visions (their menu's one row has no room left).
            nav => nav::menu(subject.as_ref(), &ctx.path, has_scenarios, has_consequences,
                subject.is_some() && !crate::domain::backcasting::phases(&self.programme).is_empty()),
            has_scenarios,
            has_consequences,
            can,
        };
        let html = self
            .renderer
            .render(template, minijinja::value::merge_maps([extra, base]))?;
        Ok(Html(html))
    }
}

/// The route table. Every route of the workspace is here.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(pages::home))
        .route("/start", get(start::start))
        .route("/phases/{slug}", get(pages::phase))
        .route("/assignments", get(nav::assignments))
        .route(
            "/phases/{slug}/assignment",
            get(assignments::own).post(assignments::write),
        )
        .route("/phases/{slug}/submissions", get(assignments::all))
        .route("/phases/{slug}/heatmap", get(assignments::heatmap))
        .route(
            "/phases/{slug}/submissions.csv",
            get(assignments::export_table),
        )
        .route(
            "/phases/{slug}/submissions.xlsx",
            get(assignments::export_table),
        )
        .route(
            "/phases/{slug}/submissions.md",
            get(assignments::export_markdown),
        )
        .route("/phases/{slug}/submissions/{org}", get(assignments::show))
        .route(
            "/phases/{slug}/submissions/{org}/review",
            post(assignments::review),
        )
        .route("/language", post(pages::set_language))
        .route(
            "/active-phase",
            get(pages::active_phase_form).post(pages::set_active_phase),
        )
        .route("/login", get(auth::login_form).post(auth::login))
        .route("/logout", post(auth::logout))
        .route(
            "/set-password/{token}",
            get(auth::set_password_form).post(auth::set_password),
        )
        .route("/organisations", get(organisations::list))
        .route(
            "/organisations/new",
            get(organisations::new_form).post(organisations::create),
        )
        .route("/organisations/{id}", get(organisations::show))
        .route(
            "/organisations/{id}/edit",
            get(organisations::edit_form).post(organisations::update),
        )
        .route("/address-list", get(organisations::address_list))
        .route("/address-list.csv", get(organisations::address_list_table))
        .route("/address-list.xlsx", get(organisations::address_list_table))
        .route("/admin/users", get(admin::users))
        .route(
            "/admin/users/new",
            get(admin::new_user_form).post(admin::create_user),
        )
        .route(
            "/admin/users/{id}",
            get(admin::edit_user_form).post(admin::update_user),
        )
        .route(
            "/admin/users/{id}/password-link",
            post(admin::new_password_link),
        )
        .route(
            "/admin/users/{id}/anonymise",
            get(privacy::anonymise_form).post(privacy::anonymise),
        )
        .route("/account", get(privacy::account))
        .route(
            "/account/messages",
            get(messages::preferences).post(messages::save_preferences),
        )
        .route(
            "/unsubscribe/{token}",
            get(messages::unsubscribe_form).post(messages::unsubscribe),
        )
        .route("/account/data.json", get(privacy::data_json))
        .route("/privacy", get(privacy::privacy_page))
        .route("/admin/audit", get(admin::audit_log))
        .route(
            "/admin/messages",
            get(announcements::new).post(announcements::post),
        )
        .route("/admin/outbox", get(admin::outbox))
        .route("/admin/outbox/{id}/retry", post(admin::outbox_retry))
        .route("/editorial", get(editorial::list))
        .route(
            "/editorial/new",
            get(editorial::new_form).post(editorial::create),
        )
        .route(
            "/editorial/images",
            get(editorial::images).post(editorial::upload_image),
        )
        .route("/media/{name}", get(editorial::media))
        .route("/editorial/{id}", get(editorial::show))
        .route(
            "/editorial/{id}/edit",
            get(editorial::edit_form).post(editorial::update),
        )
        .route("/editorial/{id}/step", post(editorial::take_step))
        .route("/editorial/{id}/history", get(editorial::history))
        .route("/editorial/{id}/restore", post(editorial::restore))
        .route("/publications", get(editorial::public_list))
        .route("/publication", get(editorial::final_publication))
        .route("/publication.html", get(editorial::final_publication_file))
        .route("/publications/{id}", get(editorial::public_show))
        .route("/feed.atom", get(editorial::feed))
        .route("/input", get(input::form).post(input::send))
        .route("/admin/input", get(input::queue))
        .route("/admin/input.csv", get(input::export))
        .route("/admin/input.xlsx", get(input::export))
        .route("/admin/input/{id}", post(input::moderate))
        .route("/search", get(search::search))
        .route("/pick/notes", get(picker::suggest_notes))
        .route("/pick/sources", get(picker::suggest_sources))
        .route("/bank", get(bank::list))
        .route("/bank.csv", get(bank::export_table))
        .route("/bank.xlsx", get(bank::export_table))
        .route("/bank.json", get(bank::export_json))
        .route("/bank/new", get(bank::new_form).post(bank::create))
        .route("/bank/import", get(bank::import_form).post(bank::import))
        .route("/bank/{id}", get(bank::show))
        .route("/bank/{id}/edit", get(bank::edit_form).post(bank::update))
        .route("/bank/{id}/status", post(bank::change_status))
        .route("/bank/{id}/history", get(bank::history))
        .route("/bank/{id}/history/restore", post(bank::restore_revision))
        .route("/bank/{id}/links", post(bank::add_link))
        .route("/bank/{id}/links/remove", post(bank::remove_link))
        .route("/bank/{id}/merge", post(bank::merge))
        .route("/bank/{id}/restore", post(bank::restore))
        .route("/bank/{id}/public", post(bank::set_public))
        .route("/progress", get(progress::tracker))
        .route("/progress.csv", get(progress::tracker_table))
        .route("/progress.xlsx", get(progress::tracker_table))
        .route("/rounds", get(rounds::list))
        .route("/rounds/new", get(rounds::new_form).post(rounds::create))
        .route("/rounds/{id}", get(rounds::show).post(rounds::rate))
        .route(
            "/rounds/{id}/edit",
            get(rounds::edit_form).post(rounds::edit),
        )
        .route("/rounds/{id}/close", post(rounds::close))
        .route("/rounds/{id}/results", get(rounds::results))
        .route("/rounds/{id}/radar", get(rounds::radar))
        .route("/rounds/{id}/driver-map", get(rounds::driver_map))
        .route("/rounds/{id}/notes/{note}", get(rounds::note_figures))
        .route("/rounds/{id}/figures.csv", get(rounds::figures_table))
        .route("/rounds/{id}/figures.xlsx", get(rounds::figures_table))
        .route("/rounds/{id}/ratings.csv", get(rounds::ratings_table))
        .route("/rounds/{id}/ratings.xlsx", get(rounds::ratings_table))
        .route("/bank/{id}/sources", post(sources::cite))
        .route(
            "/bank/{id}/sources/{source_id}/remove",
            post(sources::uncite),
        )
        .route("/sources", get(sources::list))
        .route("/sources/new", get(sources::new_form).post(sources::create))
        .route("/sources/{id}", get(sources::show))
        .route(
            "/sources/{id}/edit",
            get(sources::edit_form).post(sources::update),
        )
        .route("/methods", get(methods::list))
        .route("/methods/{slug}", get(methods::show))
        .route("/calendar", get(calendar::calendar_page))
        .route("/calendar.ics", get(calendar::programme_feed))
        .route("/phases/{slug}/calendar.ics", get(calendar::phase_feed))
        .route(
            "/organisations/{id}/calendar.ics",
            get(calendar::organisation_feed),
        )
        .route("/feeds/{token}/my-events.ics", get(calendar::personal_feed))
        .route(
            "/feeds/{token}/calendar.ics",
            get(calendar::member_programme_feed),
        )
        .route(
            "/feeds/{token}/phases/{slug}/calendar.ics",
            get(calendar::member_phase_feed),
        )
        .route(
            "/feeds/{token}/organisations/{id}/calendar.ics",
            get(calendar::member_organisation_feed),
        )
        .route("/my-events", get(calendar::my_events))
        .route("/my-events/feed", post(calendar::renew_feed))
        .route("/events/new", get(events::new_form).post(events::create))
        .route("/events/{id}", get(events::show))
        .route("/events/{id}/event.ics", get(calendar::event_ics))
        .route(
            "/events/{id}/edit",
            get(events::edit_form).post(events::update),
        )
        .route("/events/{id}/cancel", post(events::cancel_event))
        .route("/events/{id}/reinstate", post(events::reinstate))
        .route("/events/{id}/approve", post(events::approve))
        .route("/events/{id}/reject", post(events::reject))
        .route("/events/{id}/agenda", post(events::add_agenda_item))
        .route(
            "/events/{id}/agenda/{item}/delete",
            post(events::delete_agenda_item),
        )
        .route("/events/{id}/questions", post(events::add_question))
        .route(
            "/events/{id}/questions/{question}/delete",
            post(events::delete_question),
        )
        .route("/events/{id}/register", post(events::register))
        .route(
            "/registrations/confirm/{token}",
            get(events::confirm_form).post(events::confirm),
        )
        .route("/events/{id}/registrations", get(events::registration_list))
        .route(
            "/events/{id}/registrations.csv",
            get(events::registration_table),
        )
        .route(
            "/events/{id}/registrations.xlsx",
            get(events::registration_table),
        )
        .route("/events/{id}/attendance", post(events::attendance))
        .route("/events/{id}/minutes", post(events::save_minutes))
        .route(
            "/registrations/{id}/cancel",
            post(events::cancel_registration),
        )
        .merge(charts::routes())
        .merge(scenario_routes(&state))
        .merge(consequence_heat::consequence_routes(&state))
        .merge(futures_wheel::consequence_routes(&state))
        .merge(consequence_reach::consequence_routes(&state))
        .merge(consequences::consequence_routes(&state))
        .merge(report::report_routes())
        .merge(backcasting::backcasting_routes(&state))
        .merge(roadmap::roadmap_routes(&state))
        .merge(backcasting_charts::backcasting_chart_routes(&state))
        .merge(thread::thread_routes(&state))
        .route("/health", get(pages::health))
        .route("/robots.txt", get(assets::robots))
        .route("/favicon.ico", get(assets::favicon))
        .route("/assets/{*path}", get(assets::serve))
        .route("/print/{file}", get(assets::print_rules))
        .fallback(pages::not_found)
        // Around each route, so a failed write's form is asked for at the same route.
        .layer(middleware::from_fn(forms::keep_unsaved_input))
        .layer(security::csrf(&state.config))
        .layer(security::timeout(&state.config))
        .layer(DefaultBodyLimit::max(state.config.body_limit))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            state.config.body_limit,
        ))
        .layer(middleware::from_fn_with_state(
            Arc::new(security::allowed_hosts(&state.config)),
            security::check_host,
        ))
        // Outside the layers above, so their bare refusals become translated pages too.
        .layer(middleware::from_fn_with_state(
            state.clone(),
            error::error_pages,
        ))
        .layer(middleware::from_fn(context::vary_on_language))
        .layer(middleware::from_fn(transfer::conditional))
        .layer(middleware::map_response(security::headers))
        // Outermost but for tracing: what is tagged and measured above is the text itself.
        .layer(transfer::compression())
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .with_state(state)
}

/// The scenarios' pages, charts, exports and import: only in a programme with phases that
/// hold scenario sets (elsewhere every one of them is not found).
fn scenario_routes(state: &AppState) -> Router<AppState> {
    if crate::domain::scenario::phases(&state.programme).is_empty() {
        return Router::new();
    }
    Router::new()
        .route("/scenarios.csv", get(scenario_reach::export_table))
        .route("/scenarios.xlsx", get(scenario_reach::export_table))
        .route("/scenarios.json", get(scenario_reach::export_json))
        .route(
            "/scenario-sets/import",
            get(scenario_reach::import_form).post(scenario_reach::import),
        )
        .merge(scenario_charts::routes())
        .merge(scenarios::routes())
}

/// Delivers the outbox's messages as they fall due, looking every `mail_poll`. A message
/// is marked sent only once the server took it, so a workspace stopped at any moment
/// sends what is left when it starts again.
pub fn spawn_sender(state: &AppState) {
    let state = state.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(state.config.mail_poll);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            if let Err(e) = state.deliver_mail().await {
                tracing::warn!(error = %e, "delivering messages failed");
            }
        }
    });
}

/// Removes expired sessions, visitors' registrations never confirmed, and old login
/// failures every few minutes, and once a day (the first round of each of the
/// programme's days, remembered in memory) applies the programme's retention
/// ([`crate::app::privacy::retain`]).
pub fn spawn_housekeeping(state: &AppState) {
    let db = state.db.clone();
    let clock = state.clock.clone();
    let config = state.config.clone();
    let programme = state.programme.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(300));
        let mut retained_on: Option<chrono::NaiveDate> = None;
        loop {
            every.tick().await;
            let now = clock.now();
            let today = now.with_timezone(&programme.time_zone).date_naive();
            match crate::app::reminders::run(&db, &programme, now).await {
                Ok(written) if written != Default::default() => {
                    tracing::info!(?written, "scheduled messages written");
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "scheduled messages failed"),
            }
            if retained_on != Some(today) {
                match crate::app::privacy::retain(&db, &programme, &config, now).await {
                    Ok(retained) => {
                        retained_on = Some(today);
                        tracing::info!(?retained, "retention applied");
                        continue;
                    }
                    // Tried again next round; meanwhile the usual cleanup still runs.
                    Err(e) => tracing::warn!(error = %e, "retention failed"),
                }
            }
            let now = now.timestamp();
            let idle = now - config.session_idle.as_secs() as i64;
            let created = now - config.session_absolute.as_secs() as i64;
            let failures = now - config.throttle.window.as_secs() as i64;
            let result = db
                .write(move |tx| {
                    crate::storage::sessions::delete_expired(tx, idle, created)?;
                    crate::storage::events::delete_expired_pending(tx, now)?;
                    crate::storage::throttle::clear(tx, "", failures)
                })
                .await;
            if let Err(e) = result {
                tracing::warn!(error = %e, "housekeeping failed");
            }
        }
    });
}
