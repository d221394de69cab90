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
//!   may add, edit and cite ([`domain::source`]), the method bank loaded from
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
//!   table group (users, organisations, sessions, throttle, overrides, audit, events with
//!   registrations and minutes, bank notes with revisions, links, merges and FTS5
//!   search, sources with FTS5 search and the `note_sources` citations between notes and
//!   sources, rating rounds with their answers and reasons, home-assignment submissions
//!   with their revisions, the facts of progress in a fixed number of queries, the
//!   editorial texts with their revisions, illustrations, input, the
//!   FTS5 index of the method bank rebuilt at start, and the mark of a demo database).
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
//! - [`config`]: typed configuration with defaults; [`clock`]: the one clock every "now"
//!   reads; [`demo`]: the demo of a programme in flight, read from the programme's
//!   `demo.toml` and `demo/` folder ([`demo::read`]) and loaded ([`demo::load`]) through
//!   the storage functions and domain rules the application uses, on the database's clock
//!   moved through the programme's story to the moment the demo acts as; a demo database
//!   is marked as such (`storage::demo`), `serve` runs its clock from that moment and every
//!   page shows the demo banner.
//! - `src/main.rs`: the `framsyn` binary: `serve` (default), `check`, `create-admin`,
//!   `demo`, `backup`. `src/bin/framsyn-bench.rs`: the benchmark program.
//! - `tests/it/`: the one integration test binary driving the router in-process over a
//!   fresh database per test; `tests/browser/`: real-browser tests (Chromium via
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
//! - Templates end in `.html` (auto-escaped) and undefined values are errors; no HTML is
//!   marked safe except the output of [`render::markdown::to_safe_html`].
//! - No empty-state message without `data-empty`, so a test can tell an empty page; the
//!   demo shows none on any page reachable from the home page.
//! - No date shifting in the demo: a programme's dates come from `phases/` alone.
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

pub mod clock;
pub mod config;
pub mod demo;
pub mod domain;
pub mod render;
pub mod storage;
pub mod web;
