//! The shared calendar (month and list views with filters), the iCalendar feeds, and
//! each person's own events with their personal feed.

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::{Value, context};
use serde::{Deserialize, Serialize};

use super::events::visible_event;
use super::{AppError, AppState, Ctx};
use crate::app::calendar::{self as calendar_app, CalendarRequest, FeedScope};
use crate::domain::event::{EventKind, EventStatus};
use crate::domain::ical::{FeedEvent, FeedOptions, calendar};
use crate::storage::events::{self, Event, EventFilter};
use crate::storage::organisations;

/// The most events a feed holds.
const FEED_LIMIT: i64 = 5000;

#[derive(Deserialize, Default, Serialize, Clone)]
pub struct CalendarQuery {
    #[serde(default)]
    view: Option<String>,
    /// `YYYY-MM` for the month view.
    #[serde(default)]
    month: Option<String>,
    #[serde(default)]
    phase: Option<String>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    organisation: Option<String>,
    #[serde(default)]
    page: Option<i64>,
    /// List view: `past` for earlier events instead of coming ones.
    #[serde(default)]
    when: Option<String>,
}

fn nonempty(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// The calendar (see [`calendar_app::calendar`]) with the filters as given.
pub async fn calendar_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<CalendarQuery>,
) -> Result<Response, AppError> {
    let request = CalendarRequest {
        month_view: query.view.as_deref() == Some("month"),
        month: nonempty(&query.month),
        phase: nonempty(&query.phase),
        kind: nonempty(&query.kind).and_then(|k| EventKind::parse(&k)),
        organisation_id: nonempty(&query.organisation).and_then(|o| o.parse().ok()),
        page: query.page,
        past: query.when.as_deref() == Some("past"),
    };
    let tz = state.programme.time_zone;
    let calendar = calendar_app::calendar(&state.db, tz, ctx.viewer.as_ref(), request).await?;
    let kinds: Vec<&str> = EventKind::ALL.iter().map(|k| k.key()).collect();
    let values = context! { query, kinds, ..Value::from_serialize(calendar) };
    Ok(state.render(&ctx, "calendar.html", values)?.into_response())
}

fn feed_event(state: &AppState, event: &Event) -> FeedEvent {
    let location = match (&event.venue, &event.address) {
        (Some(v), Some(a)) => Some(format!("{v}, {a}")),
        (Some(v), None) => Some(v.clone()),
        (None, Some(a)) => Some(a.clone()),
        (None, None) => None,
    };
    let mut description = crate::render::markdown::plain_text(&event.description);
    if let Some(note) = &event.change_note {
        description = format!("{note}\n\n{description}");
    }
    FeedEvent {
        uid: event.uid.clone(),
        sequence: event.sequence,
        title: event.title.clone(),
        description,
        url: format!("{}/events/{}", state.config.public_url, event.id),
        starts: event.starts(),
        ends: event.ends(),
        location,
        online_link: event.online_link.clone(),
        cancelled: event.status == EventStatus::Cancelled,
        last_modified: event.updated(),
    }
}

fn ics_response(body: String, filename: &str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response()
}

fn feed(state: &AppState, events: &[Event], name: String, personal: bool) -> String {
    let events: Vec<FeedEvent> = events.iter().map(|e| feed_event(state, e)).collect();
    calendar(
        &events,
        &FeedOptions {
            name,
            time_zone: state.programme.time_zone,
            include_online_links: personal,
            generated: state.clock.now(),
        },
    )
}

/// A public feed from the cache while no event has changed since it was built; calendar
/// programs poll feeds often, and a feed of thousands of events is worth keeping.
async fn cached_feed(
    state: &AppState,
    key: String,
    filter: EventFilter,
    name: String,
    filename: &str,
) -> Result<Response, AppError> {
    let version = state.db.read(events::version).await?;
    let cached = state
        .feeds
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&key)
        .filter(|(v, _)| *v == version)
        .map(|(_, body)| body.clone());
    let body = match cached {
        Some(body) => body,
        None => {
            let found = state.db.read(move |c| events::list(c, &filter)).await?;
            let body: std::sync::Arc<str> = feed(state, &found, name, false).into();
            let mut feeds = state.feeds.lock().unwrap_or_else(|e| e.into_inner());
            if feeds.len() > 256 {
                feeds.clear();
            }
            feeds.insert(key, (version, body.clone()));
            body
        }
    };
    Ok(ics_response(body.to_string(), filename))
}

/// Public events of the whole programme (calendar programs subscribe without signing in).
pub async fn programme_feed(State(state): State<AppState>) -> Result<Response, AppError> {
    let lang = state.programme.default_language;
    let name = state.programme.name.pick(lang, lang).to_string();
    let filter = EventFilter {
        limit: FEED_LIMIT,
        ..Default::default()
    };
    cached_feed(&state, "programme".into(), filter, name, "calendar.ics").await
}

pub async fn phase_feed(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let phase = state.programme.phase(&slug).ok_or(AppError::NotFound)?;
    let lang = state.programme.default_language;
    let name = format!(
        "{} – {}",
        state.programme.name.pick(lang, lang),
        phase.title.pick(lang, lang)
    );
    let filter = EventFilter {
        phase: Some(slug.clone()),
        limit: FEED_LIMIT,
        ..Default::default()
    };
    cached_feed(&state, format!("phase:{slug}"), filter, name, "phase.ics").await
}

pub async fn organisation_feed(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let organisation = state
        .db
        .read(move |c| organisations::get(c, id))
        .await?
        .ok_or(AppError::NotFound)?;
    let filter = EventFilter {
        organisation_id: Some(id),
        limit: FEED_LIMIT,
        ..Default::default()
    };
    cached_feed(
        &state,
        format!("organisation:{id}"),
        filter,
        organisation.name,
        "organisation.ics",
    )
    .await
}

/// One event as a file to open in a calendar program.
pub async fn event_ics(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let event = visible_event(&state, &ctx, id).await?;
    if !matches!(
        event.status,
        EventStatus::Published | EventStatus::Cancelled
    ) {
        return Err(AppError::NotFound);
    }
    let name = event.title.clone();
    // The online link is only ever in the personal feed.
    Ok(ics_response(
        feed(&state, &[event], name, false),
        &format!("event-{id}.ics"),
    ))
}

/// The personal feed (see [`calendar_app::personal_feed`]). The token in the address is
/// the only key, so anyone holding the address can read it; it can be renewed.
pub async fn personal_feed(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let found = calendar_app::personal_feed(&state.db, token).await?;
    let (name, found) = found.ok_or(AppError::NotFound)?;
    let lang = state.programme.default_language;
    let title = format!("{} – {name}", state.programme.name.pick(lang, lang));
    Ok(ics_response(
        feed(&state, &found, title, true),
        "my-events.ics",
    ))
}

pub async fn my_events(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let (mine, token) = calendar_app::my_events(&state.db, user).await?;
    let feeds = format!("{}/feeds/{token}", state.config.public_url);
    let feed_url = format!("{feeds}/my-events.ics");
    let organisation_id = user.organisation_id;
    Ok(state
        .render(
            &ctx,
            "my_events.html",
            context! { mine, feed_url, feeds, organisation_id },
        )?
        .into_response())
}

/// A member's secret feed of a scope (see [`calendar_app::member_feed`]); 404 for an
/// unknown token.
async fn member_feed(
    state: &AppState,
    token: String,
    scope: FeedScope,
    name: String,
    filename: &str,
) -> Result<Response, AppError> {
    let found = calendar_app::member_feed(&state.db, token, scope, FEED_LIMIT).await?;
    let found = found.ok_or(AppError::NotFound)?;
    Ok(ics_response(feed(state, &found, name, false), filename))
}

/// Everything of the programme a member may see, behind their secret address.
pub async fn member_programme_feed(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let lang = state.programme.default_language;
    let name = state.programme.name.pick(lang, lang).to_string();
    member_feed(&state, token, FeedScope::Programme, name, "calendar.ics").await
}

/// Everything of one phase a member may see, behind their secret address.
pub async fn member_phase_feed(
    State(state): State<AppState>,
    Path((token, slug)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let phase = state.programme.phase(&slug).ok_or(AppError::NotFound)?;
    let lang = state.programme.default_language;
    let name = format!(
        "{} – {}",
        state.programme.name.pick(lang, lang),
        phase.title.pick(lang, lang)
    );
    member_feed(&state, token, FeedScope::Phase(slug), name, "phase.ics").await
}

/// Everything of one organisation a member may see, behind their secret address.
pub async fn member_organisation_feed(
    State(state): State<AppState>,
    Path((token, id)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    let organisation = state
        .db
        .read(move |c| organisations::get(c, id))
        .await?
        .ok_or(AppError::NotFound)?;
    let scope = FeedScope::Organisation(id);
    member_feed(&state, token, scope, organisation.name, "organisation.ics").await
}

/// A new personal feed address; the old one stops working.
pub async fn renew_feed(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    calendar_app::renew_feed(&state.db, ctx.user()?, ctx.actor()).await?;
    Ok(Redirect::to("/my-events").into_response())
}
