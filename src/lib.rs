//! Framsyn: a web workspace for multi-phase participatory foresight programmes run by
//! public bodies. The first programme is *Regionerna 2050*; its phases are data in
//! `phases/`.
//!
//! # Codemap
//!
//! - [`domain`]: pure types and rules. The programme definition and its validation
//!   ([`domain::programme`]), which phase is active ([`domain::schedule`]), languages,
//!   people and roles, organisations, who may do what ([`domain::access`]), password
//!   hashing and tokens, login throttling policy, form field errors, events with their
//!   questions, agenda and seat rule ([`domain::event`]), iCalendar feeds
//!   ([`domain::ical`]), the bank of change notes with its visibility rules and
//!   search syntax, links, parents, merges and import ([`domain::bank`]), the source
//!   bank (omvärldsbank) with its form, the stances by which notes cite sources, and who
//!   may add, edit and cite ([`domain::source`]), the method bank of
//!   `phases/methods/` ([`domain::methods`]), rating rounds with their criteria,
//!   anonymity and feedback rules ([`domain::rating`]), the figures of a rating round
//!   ([`domain::stats`]), and the geometry of the radar, driver map and rating charts
//!   ([`domain::chart`]), which `templates/charts.html` draws as SVG, and home
//!   assignments with their state machine, lateness and structured parts
//!   ([`domain::assignment`]), and each organisation's progress through the phases by
//!   what each phase's `completion` list counts ([`domain::progress`]), the priority
//!   heatmap ([`domain::heatmap`]), the editorial team's texts with their workflow,
//!   scheduling and revision diffs ([`domain::publication`]), the workspace material a
//!   text embeds by reference and the snapshot that freezes it at publication
//!   ([`domain::embed`]), uploaded illustrations
//!   checked by content ([`domain::image`]), and input from anyone ([`domain::input`]).
//! - [`storage`]: the one [`storage::Db`] handle, migrations in
//!   `src/storage/migrations/NN-name/up.sql` (append-only), and repository functions per
//!   table group, which read rows by column name (aliased in the SELECT where names
//!   would clash), never by position (users, organisations, sessions, throttle, overrides, audit, events with
//!   registrations and minutes, bank notes with revisions, links, merges and FTS5
//!   search, sources with FTS5 search and the `note_sources` citations between notes and
//!   sources, rating rounds with their answers and reasons, home-assignment submissions
//!   with their revisions, the facts of progress in a fixed number of queries, the
//!   editorial texts with their revisions, illustrations, input, and the
//!   FTS5 index of the method bank rebuilt at start).
//! - [`files`]: the data folders built into the binary (`templates/`, `assets/`,
//!   `phases/` with the method bank and the shipped programmes) or the folders given by
//!   flags that replace them ([`files::Folder`]), and the loading of the programme and
//!   the method bank from one (the parsing is in [`domain`]).
//! - [`render`]: the minijinja environment over the templates, with the check that
//!   loads and renders every one at start ([`render::Renderer::check`]), the translation
//!   function over the Fluent catalogues in `assets/locales/<lang>/<area>.ftl` (compiled
//!   in; one file per area, the same files in every language), date formatting, and the
//!   one Markdown renderer. Text written by users is in the programme's default language
//!   (`written_lang`; sources may name their own) and templates mark it with
//!   `m.lang_attr` or `m.written` (`templates/macros.html`) wherever the page speaks
//!   another language.
//! - [`web`]: the route table ([`web::router`]) with its layers, the public assets
//!   under `/assets` (with ETags, never the catalogues), the request context
//!   ([`web::Ctx`]: language (the chosen one in the cookie, else the best of
//!   `Accept-Language`, else the programme's default), signed-in person, address), the
//!   error policy
//! - [`app`]: the use cases, callable without HTTP; each opens the transaction it needs
//!   and answers an outcome type for what the person can put right. No web types
//!   (axum, requests, cookies, templates) in any of them.
//!   - [`app::editorial`]: writing a text, the workflow steps, publishing with the
//!     snapshot frozen in the publishing transaction, restoring, uploads, the compiled
//!     final publication;
//!   - [`app::embeds`]: gathering what a text's references show (live or to freeze);
//!   - [`app::assignments`]: writing and submitting a home assignment, reviewing it;
//!   - [`app::rounds`]: opening a rating round, rating while it is open, the sheet and
//!     the figures as the round's rules allow;
//!   - [`app::bank`]: importing notes all or none, editing, linking and merging notes;
//!     [`app::sources`]: editing a source, citing one from a note;
//!   - [`app::progress`]: each organisation's progress through the phases.
//! - [`app`]: the use cases, called by handlers and by tests without HTTP. Each opens the
//!   transaction it needs, applies the rules of `domain` and calls `storage`; what the
//!   person can put right is its own outcome type. None uses a web type (no axum,
//!   cookies, templates or `web` module).
//!   - [`app::events`]: the event page, registering (seat or waiting list), cancelling,
//!     scheduling, approving, agenda, questions, minutes and attendance.
//!   - [`app::calendar`]: the calendar's month grid and list; one's own events and feed.
//!   - [`app::auth`]: signing in (throttled, a new session), out; set-password links.
//!   - [`app::admin`]: creating and changing people; the last administrator stays one.
//!   - [`app::organisations`]: adding and saving organisations.
//!   - [`app::phases`]: the active phase, its logged override, a phase's material.
//!   - [`app::search`]: the one search over notes, sources and methods.
//!   - [`app::input`]: input from anyone, limited per address, and its moderation.
//! - [`render`]: the minijinja environment over `templates/`, the translation function
//!   over the Fluent catalogues in `assets/locales/`, date formatting, and the one
//!   Markdown renderer.
//! - [`web`]: the route table ([`web::router`]) with its layers, the request context
//!   ([`web::Ctx`]: language, signed-in person, address), the error policy
//!   ([`web::AppError`] and the HTML error pages), and handlers grouped by area
//!   (pages, auth, organisations, admin, events, calendar and feeds, home assignments
//!   and their review, the progress tracker, the editorial texts, the material they
//!   embed (gathered live or read from a snapshot, and drawn by the same views as the
//!   round, heatmap and tracker pages), illustrations, the
//!   public publications with their Atom feed and the final publication, input and its
//!   moderation, bank with its
//!   export and import, sources with the citing of sources from a note, rating rounds
//!   with their figures, charts and exports, methods, and the one search over notes,
//!   sources and methods).
//! - [`config`]: typed configuration with defaults; [`demo`]: the demo data loader.
//! - `src/main.rs`: the `framsyn` binary: `serve` (default), `check`, `create-admin`,
//!   `demo`, `backup`. `src/bin/framsyn-bench.rs`: the benchmark program.
//! - `tests/it/`: the one integration test binary driving the router in-process over a
//!   fresh database per test, with a typed client per person (`app.as_leader()`,
//!   `app.visitor()`, each with its own cookies) and assertions by selector and data
//!   attribute (`data-error` carries an error's message key); `tests/browser/`: real-browser tests (Chromium via
//!   playwright-core, axe-core).
//!
//! # Invariants (stated as absences)
//!
//! - `domain` uses nothing of axum, rusqlite or minijinja.
//! - No SQL outside `storage`; no write outside a `BEGIN IMMEDIATE` transaction on the
//!   one writer connection; no database call on the async runtime's threads.
//! - No seat is decided outside the write transaction that stores the registration, so
//!   capacity and the per-organisation cap hold under concurrent requests.
//! - Nothing about a particular programme is in Rust: programmes live in `phases/`.
//! - Nothing is read at run time from the folder the crate was built in: the data
//!   folders are built into the binary, and a folder given by a flag that is missing or
//!   empty stops start-up instead of leaving a page or the method bank empty.
//! - Templates end in `.html` (auto-escaped) and undefined values are errors; no HTML is
//!   marked safe except the output of [`render::markdown::to_safe_html`].
//! - No user-facing text outside the catalogues: every string goes through `t()`.
//! - No inline script: the Content-Security-Policy forbids it and pages work without
//!   JavaScript.
//! - No password, session token or set-password token is stored in clear: passwords as
//!   argon2id hashes, tokens as SHA-256 digests. (Personal feed addresses are read-only
//!   capabilities shown to their owner again, so their tokens are kept as they are.)
//! - No default account: the first administrator comes from `framsyn create-admin`.
//! - Nothing is deleted from the audit log: triggers refuse UPDATE and DELETE.
//! - No rating is stored outside an open round: whether the round is open is decided in
//!   the write transaction that stores the answers.
//! - No public page, feed or final publication reads embedded material live: a published
//!   text shows the snapshot taken in the transaction that published it, and that
//!   transaction refuses to publish material a visitor may not see (a note or event not
//!   public, a chart naming such notes, a reference to nothing).
//! - No chart without its figures: every SVG chart has a title, a description and the
//!   same numbers in a table beside it.

pub mod app;
pub mod clock;
pub mod config;
pub mod demo;
pub mod domain;
pub mod files;
pub mod render;
pub mod storage;
pub mod web;
