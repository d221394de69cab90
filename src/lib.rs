//! Framsyn: a web workspace for multi-phase participatory foresight programmes run by
//! public bodies. The first programme is *Regionerna 2050*; its phases are data in
//! `phases/`.
//!
//! # Codemap
//!
//! A request comes in at [`web`], which reads who is asking and in which language,
//! calls one use case in [`app`] (or, for a plain read, [`storage`]), and renders a
//! template through [`render`]. Use cases apply the rules of [`domain`] inside the
//! transaction they open on [`storage::Db`]. Every "now" comes from one [`clock`].
//!
//! ### `src/domain/`
//! The nouns and their rules, one module per noun: the programme and which phase is
//! active, people, roles and who may do what (`access`), events and iCalendar, the
//! bank, sources and methods, rating rounds and their figures (`rating`, `stats`), how
//! far a person's rating sheet has come and what a note's card shows of the note
//! (`rating_progress`: a note is rated once every criterion has an answer), chart
//! geometry (`chart`, with `placement`: where a label goes so that it meets no other
//! label, whisker or point), home assignments, progress (a cell's one-word standing, the
//! tracker's orders, names in the Nordic alphabets) and the heatmap, when an editorial
//! output is due (`start`), editorial texts and what they embed (`publication`,
//! `embed`), images and input; pickers (`picker`: what a field naming notes or sources
//! holds, numbers or words, and how a pick sent back completes it); scenario sets
//! (`scenario`: the phases that hold them (those whose home assignment assesses
//! scenarios), two axes spanned by uncertainties or another method, the four quadrants,
//! draft → open → final, who writes, sees and comments, the assessment part and its
//! figures; `scenario_chart`: the geometry of the cross, the comparison and the
//! assessment chart; `scenario_reach`: the export's JSON shape); consequences
//! (`consequence`: the programme's levels and themes, a consequence of a scenario or a
//! note, shared or one organisation's, its order given by what it follows from (never a
//! 4th, never a cycle, always the same centre), who writes and sees them, the quick
//! capture's lines, the home assignment's part `consequences` (at least one per scenario
//! on submit), the heat table's cells (count and net valence as a sign and a word) and a
//! region's profile; `consequence_chart`: the heat table's geometry; `futures_wheel`:
//! the wheel's rings and sectors; `consequence_reach`: the export's JSON shape); backcasting
//! (`backcasting`: a vision, shared or one organisation's, on the scenarios of its
//! phase's set; milestones no later than its horizon, at the programme's levels,
//! depending only on earlier milestones of the same vision (never a cycle); actions,
//! each with a responsible organisation; the stress test's verdicts, only against the
//! vision's set, and an item's score; who writes, judges and sees them; the home
//! assignment's part `milestones`; `backcasting_chart`: the timeline's geometry (now on
//! the left, the horizon on the right, a swimlane per level and one for the actions,
//! arrows for dependencies, labels placed by `placement`) and the stress-test grid's;
//! `roadmap_chart`: a region's own vision beside the shared one on one time axis;
//! `backcasting_reach`: the export's JSON shape); the thread from signal to action
//! (`thread`: the links people made, from notes through scenarios and consequences to
//! milestones and actions, walked back from an action or forward from a note, each node
//! once; what a viewer may not see counted, never named; the chart's rows and boxes);
//! the final publication's report (`report`: who publishes an edition, who previews it,
//! the languages each edition is built in); messages to people (`mail`: the kinds, what
//! each tells, frozen when it is written, the statuses of a delivery, how long to wait
//! before the next attempt, and the `Message-ID` made from the message's own token).
//!
//! **Invariant:** uses nothing of axum, rusqlite or minijinja, and reads no clock: the
//! moment is always a parameter. Unit-tested directly.
//!
//! ### `src/app/`
//! Use cases: the multi-step operations (registering for an event, signing in, taking an
//! editorial step and publishing with its snapshot, writing and reviewing a home
//! assignment, rating…). Each opens the transaction it needs and returns its own
//! outcome; [`app::Error`] is what stops any of them.
//!
//! - [`app::events`], [`app::calendar`]: the event page, registering (a seat or the
//!   waiting list; visitors limited per address and answered alike, known address or
//!   not), cancelling, scheduling, cancelling an event (asked first, registrations kept)
//!   and reinstating it, attendance (from the start) and minutes; the calendar, one's
//!   own feed, and a member's secret feeds of the programme, a phase or an organisation
//!   (behind the same revocable token).
//! - [`app::auth`], [`app::admin`], [`app::organisations`]: signing in (throttled, a new
//!   session) and out, set-password links; people (the last administrator stays one);
//!   organisations.
//! - [`app::phases`], [`app::search`], [`app::input`]: the active phase and its logged
//!   override; the one search over notes, sources and methods (phrases, exclusions and
//!   OR translated to FTS5, every word quoted); input, its moderation and what of it is
//!   published (the edited version; a name only if allowed).
//! - [`app::editorial`], [`app::embeds`]: texts, their workflow steps, publishing with
//!   the embedded material frozen in the same transaction; what a reference shows;
//!   illustrations (decoded with limits, stored as pixels only, public once a
//!   published text shows them; a scenario's illustration seen by whoever sees its
//!   set).
//! - [`app::assignments`], [`app::rounds`], [`app::progress`]: writing, submitting and
//!   reviewing home assignments; rating rounds while open (a person's sheet with their
//!   progress, saved in part and taken up again) and their figures, closing early,
//!   extending and renaming them, a Delphi round only after the first has closed (whose
//!   answers then never change again); progress, and the tracker page (the active phase
//!   in front, the others in brief or as columns, sorted by progress or name, filtered
//!   to the overdue).
//! - [`app::start`]: a signed-in person's start page (`/start`, where signing in lands
//!   without a `next` address): what waits for each of their roles, gathered in a few
//!   reads: the process leader's reviews, proposals, input, open rounds and the active
//!   phase's tally; the strategist's organisation's dues, events and rounds to rate;
//!   the editor's texts in review and editorial outputs due; the administrator's people
//!   without a password and latest audit entries; the programme's next events and
//!   latest publication for everyone.
//! - [`app::bank`], [`app::sources`]: importing, editing, linking and merging notes,
//!   undoing a merge or an archiving, restoring a revision's text; editing and citing
//!   sources.
//! - [`app::picker`]: the fields that name notes or sources resolved: numbers stand,
//!   words are searched with the bank's visibility rules and wait for a pick among the
//!   matches (nothing is saved meanwhile); the suggestions while typing.
//! - [`app::scenarios`], [`app::scenario_charts`], [`app::scenario_reach`]: scenario
//!   sets and their scenarios (versioned, draft → open → final, one open set per phase,
//!   made public; a set made from a round's driver map offers its critical
//!   uncertainties as axes); the figures of the organisations' assessments (submitted
//!   and accepted submissions count, as on the heatmap) and who sees them (writers
//!   always, members once the set is final, visitors a public final set); beyond their
//!   pages, what the one
//!   search finds of them, their export (a table, and JSON of the shape documented in
//!   `domain::scenario_reach`), a set imported from that JSON in one write (all or
//!   nothing), a scenario's card in texts, and the public sets on a phase's page and in
//!   the final publication.
//! - [`app::consequences`], [`app::consequence_pages`], [`app::consequence_heat`],
//!   [`app::futures_wheel`], [`app::consequence_reach`]: consequences of a scenario or a
//!   note (shared by the workshop, or an organisation's own while its submission is its
//!   to write; versioned, removed with their history kept, captured a line each at the
//!   workshop, taken from a shared one as "this holds for us too"); what a viewer sees
//!   of them (members the shared ones and an organisation's own once accepted, besides
//!   its own organisation, process leaders and editors; visitors those of a set whose
//!   consequences are published, never a note's); the heat table (counting the shared
//!   ones and submitted or accepted organisations'), its cells' lists and a region's
//!   profile; the futures wheel; the one search, the exports, publishing a set's
//!   consequences, and the public phase page and final publication.
//! - [`app::backcasting`]: visions (the workshop's shared one, or an organisation's own
//!   while its submission is its to write, possibly adopting the shared one), their
//!   milestones and actions, versioned and removed with their history kept; the stress
//!   test (all of an item's verdicts in one write, or none); publishing a vision; what a
//!   viewer sees of them (as for consequences: visitors only a published vision, and an
//!   organisation's only once accepted).
//! - [`app::report`]: editions of the final publication as a PDF report (who may publish
//!   one, and preview it; an edition stored in every language at once, with its audit
//!   entry; the latest in a language).
//! - [`app::backcasting_pages`]: what the backcasting pages read beyond that: the
//!   overview of the backcasting phases (each vision's counts, draft or published,
//!   adopted), a vision's page with what the viewer may do there (edit, publish, adopt),
//!   the forms' choices, a history with old → new values, what the one search finds of
//!   visions, milestones and actions, and the public visions of a phase's page and of
//!   the final publication's chapter.
//! - [`app::milestone_part`], [`app::roadmap`]: the home assignment's part `milestones`
//!   (the organisation's own vision with its milestones and actions, the shared one to
//!   adopt, whether they may be written now; a submit is refused without a vision, a
//!   milestone and an action, and the submission keeps them as they stood); a region's
//!   roadmap (its own vision beside the shared one it adopted, as far as the viewer sees
//!   them), drawn by `domain::roadmap_chart` as swimlanes by level on one time axis,
//!   each mark keyed for the table beside it.
//! - [`app::backcasting_charts`]: a vision's timeline (from the clock's year) and
//!   stress-test grid as a viewer sees them and as `[[backcasting:V]]` and
//!   `[[stress-test:V]]` freeze them in a published text; the stress-test form of one
//!   milestone or action, for those who may judge it.
//! - [`app::thread`]: every link of the programme read at once with what the viewer sees
//!   of each node; the thread back from an action or forward from a note (not found when
//!   the viewer does not see its start), and the overview of every trend with what it led
//!   to (to actions, or nowhere).
//! - [`app::privacy`]: personal data is the person's: a signed-in person's own data as one
//!   download (`domain::privacy::PersonalData`, the one struct a new kind of data joins),
//!   an administrator anonymising a person (asked first; identity and credentials gone,
//!   contributions kept, the last administrator refused), and the programme's retention
//!   (`[privacy]` in its file) applied by the daily housekeeping job.
//!
//! **Invariant:** nothing of HTTP, cookies or templates; tests call use cases directly.
//!
//! The outbox (`app::outbox`) is where every message starts: a use case whose change
//! tells someone writes the message with `write_in` inside its own transaction (skipping
//! people who turned an optional kind off); the sender task delivers what is due
//! (`deliver_due`), marking a message sent only after the SMTP server accepted it. A
//! person's choices (optional kinds, language, digest) and the one-click unsubscribe are
//! there too, shown by `web::messages`. Messages not caused by a change are written by
//! `app::reminders`, which the housekeeping task runs every few minutes: a home
//! assignment's reminders 7 days and 1 day before it is due, a round's opening and the
//! reminder a day before it closes, and each chosen digest; each notice is claimed once
//! (`storage::reminders`) in the transaction that writes its messages. A process
//! leader's message to participants (`app::announcements`, `web::announcements`) is
//! previewed with its number of receivers, then written to the outbox and the audit log.
//!
//! ### `src/storage/`
//! The one [`storage::Db`] handle (one writer, a pool of readers, the clock), the
//! migrations in `migrations/NN-name/up.sql`, and repository functions per table group.
//! A versioned save answers [`storage::Edit`].
//!
//! **Invariants:** no SQL outside this directory; migrations are append-only; no write
//! outside a `BEGIN IMMEDIATE` transaction on the writer; no database call on the async
//! runtime's threads; rows are read by column name, never by position; every timestamp
//! a transaction writes is its moment on the clock ([`storage::now_seconds`]).
//!
//! ### `src/render/`
//! The minijinja environment (with the start-up check that loads and renders every
//! template), the translation function over the Fluent catalogues
//! (`assets/locales/<lang>/<area>.ftl`, compiled in, counts in each language's plural
//! forms), date formatting (one style per kind of date, defined in one place), the one
//! Markdown renderer, links made absolute for HTML read away from the site (the
//! feed's content, the downloaded publication), table exports written as CSV (RFC 4180,
//! CRLF, formulas defused) or XLSX (typed cells, never a formula), and the print style
//! sheet's page rules (running header and page numbers in the reader's language),
//! charts drawn as PNG (`raster`: resvg, with the open font built into the binary, so
//! no font of the machine is needed), and the final publication as a tagged PDF/UA-1
//! report (`report`: the publication's HTML converted to Typst markup, every typed
//! character escaped, and typeset in process with the same built-in font; a new part or
//! embed kind drawn with the known HTML elements needs nothing there), and messages put
//! into words when they are sent (`mail`: subject, plain text (`mail.txt`) and HTML
//! (`mail.html`) in the receiver's language, an event's invitation, the MIME message).
//!
//! **Invariants:** templates end in `.html` (auto-escaped; the one exception,
//! `mail.txt`, is a message's plain text, never served) and undefined values are
//! errors; no HTML is marked safe except [`render::markdown::to_safe_html`]'s; no
//! user-facing text outside the catalogues, the same files and keys in sv, nb and en.
//!
//! ### `src/web/`
//! The route table ([`web::router`]) with its layers, the request context
//! ([`web::Ctx`]: language, signed-in person, address), the one error policy
//! ([`web::AppError`] and the error pages, shown with the signed-in person's header and,
//! for a refusal with a reason, what to do first; a write the database cannot take is a
//! 503), the one way to show a form (`web::forms::FormPage`: a form's error summary names
//! each field by its label, in form order, and a form whose write failed comes back with
//! what was typed), the public assets and the print style sheet's page rules, table
//! exports as CSV and XLSX (`web::forms::download`), every chart as an SVG or PNG file
//! under the access rules of the page that shows it (`charts`), pickers (`web::picker`:
//! a form with fields naming notes or sources is read through `PickForm`, which resolves
//! them before the form is taken; `/pick/notes` and `/pick/sources` suggest, as JSON, to
//! the script `assets/picker.js`), handlers grouped by area, the main navigation (`nav`:
//! the areas grouped by what people do, the links each role uses, where a page belongs),
//! and the server loop ([`web::server`]: the request-header timeout, and the shutdown
//! deadline
//! after which connections still open are closed). Text answers travel compressed, with
//! a weak `ETag` and 304 for a client that has them (`transfer`).
//!
//! **Invariants:** a handler extracts, calls one use case and renders (about 50 lines at
//! most); no inline script (the CSP forbids it, and pages work without JavaScript);
//! every chart has a title, a description and its figures in a table beside it, and
//! carries its own presentation attributes (no class of the style sheet styles it) so it
//! draws the same on the page, in a feed, in print and as a downloaded file; it has a
//! viewBox fitted to what it draws and no fixed size.
//!
//! ### `src/mailer.rs`
//! The way out for messages: an SMTP transport (lettre) made from the configuration,
//! secured by TLS or STARTTLS, or none, when messages wait in the outbox. A refusal is
//! told apart as transient (tried again) or permanent.
//!
//! ### `src/clock.rs`, `src/config.rs`, `src/files.rs`, `src/demo.rs`
//! The one clock ([`clock::Clock`]: the system's, or set for a demo or a test); typed
//! configuration; the data folders built into the binary or given by flags
//! ([`files::Folder`]); the demo of a programme in flight ([`demo::read`] reads the
//! programme's `demo.toml` and `demo/`, [`demo::load`] tells its story through the use
//! cases and storage with the clock moved along, and marks the database as a demo that
//! acts as one moment of its programme, where `serve` starts its clock).
//!
//! **Invariant:** nothing is read at run time from the folder the crate was built in;
//! a folder given by a flag that is missing or empty stops start-up.
//!
//! ### `src/main.rs`, `src/bin/framsyn-bench.rs`, `src/build.rs`
//! The `framsyn` binary (`serve`, `check`, `create-admin`, `demo`, `backup`), the
//! benchmark program (loopback only), and the build script that rebuilds the crate when
//! a file is added to the folders built into it.
//!
//! ### `phases/`, `templates/`, `assets/`
//! Programmes as data (one file per phase, the method bank, each programme's demo), the
//! page templates, the style sheets and the catalogues. The look is Designsystemet's:
//! `assets/designsystemet.css` is vendored (written by `assets/designsystemet/update`
//! from the theme's config, never edited by hand; its sources are not served), and
//! `assets/framsyn.css` builds on its tokens.
//!
//! **Invariant:** nothing about a particular programme is in Rust.
//!
//! ### `tests/it/`, `tests/browser/`
//! One integration test binary driving the router in-process over a fresh database per
//! test, with a typed client per person and assertions by selector and data attribute;
//! real-browser tests in Debian's Chromium via playwright-core, with axe-core.
//!
//! **Invariant:** no test depends on the day it runs: each application's clock starts
//! at the suite's moment (`FRAMSYN_TEST_NOW`, or the real time).
//!
//! # Invariants across the layers (stated as absences)
//!
//! - No seat is decided outside the write transaction that stores the registration, so
//!   capacity and the per-organisation cap hold under concurrent requests.
//! - No rating is stored outside an open round: whether the round is open is decided in
//!   the write transaction that stores the answers.
//! - No password, session token or set-password token is stored in clear: passwords as
//!   argon2id hashes, tokens as SHA-256 digests. (Personal feed addresses are read-only
//!   capabilities shown to their owner again, so their tokens are kept as they are. A
//!   set-password link waiting in the outbox holds its token until the server accepted
//!   the message; the outbox then keeps it without.)
//! - No visitor's registration holds a seat before they confirm it by the mailed link:
//!   until then it waits apart (`pending_registrations`) and is counted nowhere.
//! - No message leaves but through the outbox: it is written in the transaction of the
//!   change that causes it, so a change is never told without being stored, nor stored
//!   without being told; a repeated delivery carries the same `Message-ID`.
//! - No default account: the first administrator comes from `framsyn create-admin`.
//! - Nothing is deleted from the audit log: triggers refuse UPDATE and DELETE.
//! - No assessment is stored against another set than its phase's assessed one (the
//!   open set, else the newest final set): the set and its scenarios are read in the
//!   write transaction that stores the submission.
//! - No public page, feed or final publication reads embedded material live: a published
//!   text shows the snapshot taken in the transaction that published it, and that
//!   transaction refuses to publish material a visitor may not see (a note or event not
//!   public, a chart naming such notes or of a round whose figures the public may not
//!   see yet, a reference to nothing).

pub mod app;
pub mod clock;
pub mod config;
pub mod demo;
pub mod domain;
pub mod files;
pub mod mailer;
pub mod render;
pub mod storage;
pub mod web;
