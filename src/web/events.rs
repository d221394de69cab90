//! Events: scheduling (process leaders), proposals (strategists), the event page with its
//! agenda and minutes, registration with the waiting list, and the registration lists.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::{Value, context};
use serde::{Deserialize, Serialize};

use super::forms::FormPage;
use super::forms::{Export, Form, download};
use super::{AppError, AppState, Ctx};
use crate::app::events::{
    self as events_app, Cancellation, MinutesSaved, PartChange, PartChanged, Registration,
    RegistrationRequest, Saved, StatusChange, Who,
};
use crate::domain::event::{
    AgendaForm, Audience, EventForm, EventKind, Mode, QuestionForm, QuestionKind,
    RegistrationStatus, StatusAction, to_local_input,
};
use crate::domain::form::FieldErrors;
use crate::render::table::{Cell, Table};
use crate::storage::events::{self, Event};
use crate::storage::users::User;

/// The event if the visitor may see it; otherwise 404, as for an event that does not exist.
pub async fn visible_event(state: &AppState, ctx: &Ctx, id: i64) -> Result<Event, AppError> {
    Ok(events_app::visible(&state.db, ctx.viewer.as_ref(), id).await?)
}

fn choices() -> minijinja::Value {
    let keys = |all: &[&'static str]| all.to_vec();
    context! {
        kinds => keys(&EventKind::ALL.iter().map(|k| k.key()).collect::<Vec<_>>()),
        modes => keys(&Mode::ALL.iter().map(|k| k.key()).collect::<Vec<_>>()),
        audiences => keys(&Audience::ALL.iter().map(|k| k.key()).collect::<Vec<_>>()),
        question_kinds => keys(&QuestionKind::ALL.iter().map(|k| k.key()).collect::<Vec<_>>()),
    }
}

/// The event form: for a new event (`id` none) or an edit; `unseated` are the people a
/// cut in capacity would move to the waiting list, when it asks for confirmation.
fn form_page(
    ctx: &Ctx,
    id: Option<i64>,
    form: &EventForm,
    errors: &FieldErrors,
    unseated: &[events::Registration],
) -> Result<FormPage, AppError> {
    let proposing = !ctx.subject()?.can_schedule_events();
    Ok(FormPage::new("event_form.html", form, errors)
        .with(context! { id, proposing, unseated, choices => choices() }))
}

/// Where a saved event form leads: to the event, or back to the form with what to put
/// right or to confirm.
fn saved(
    state: &AppState,
    ctx: &Ctx,
    id: Option<i64>,
    form: &EventForm,
    outcome: Saved,
) -> Result<Response, AppError> {
    match outcome {
        Saved::Saved(id) => Ok(Redirect::to(&format!("/events/{id}")).into_response()),
        Saved::Refused(errors) => form_page(ctx, id, form, &errors, &[])?.render(state, ctx),
        Saved::CapacityCut(unseated) => {
            form_page(ctx, id, form, &FieldErrors::new(), &unseated)?.render(state, ctx)
        }
    }
}

pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let subject = ctx.subject()?;
    if !subject.can_propose_event() {
        return Err(AppError::Forbidden);
    }
    let form = EventForm {
        kind: if subject.can_schedule_events() {
            "workshop"
        } else {
            "other"
        }
        .into(),
        mode: "in_person".into(),
        audience: "members".into(),
        ..Default::default()
    };
    form_page(&ctx, None, &form, &FieldErrors::new(), &[])?.render(&state, &ctx)
}

/// Schedules or proposes an event (see [`events_app::create`]).
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<EventForm>,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let outcome = events_app::create(&state.db, &state.programme, user, ctx.actor(), &form);
    saved(&state, &ctx, None, &form, outcome.await?)
}

fn form_of(event: &Event, tz: chrono_tz::Tz) -> EventForm {
    let local = |t: Option<i64>| {
        t.and_then(|s| chrono::DateTime::from_timestamp(s, 0))
            .map(|t| to_local_input(t, tz))
            .unwrap_or_default()
    };
    EventForm {
        kind: event.kind.key().into(),
        phase: event.phase_slug.clone().unwrap_or_default(),
        title: event.title.clone(),
        description: event.description.clone(),
        starts: to_local_input(event.starts(), tz),
        ends: to_local_input(event.ends(), tz),
        venue: event.venue.clone().unwrap_or_default(),
        address: event.address.clone().unwrap_or_default(),
        mode: event.mode.key().into(),
        online_link: event.online_link.clone().unwrap_or_default(),
        capacity: event.capacity.map(|c| c.to_string()).unwrap_or_default(),
        per_organisation_cap: event
            .per_organisation_cap
            .map(|c| c.to_string())
            .unwrap_or_default(),
        registration_opens: local(event.registration_opens),
        registration_closes: local(event.registration_closes),
        contact_name: event.contact_name.clone().unwrap_or_default(),
        contact_email: event.contact_email.clone().unwrap_or_default(),
        audience: event.audience.key().into(),
        change_note: String::new(),
        confirm_capacity: String::new(),
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let event = editable_event(&state, &ctx, id).await?;
    let form = form_of(&event, state.programme.time_zone);
    form_page(&ctx, Some(id), &form, &FieldErrors::new(), &[])?.render(&state, &ctx)
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<EventForm>,
) -> Result<Response, AppError> {
    let user = signed_in_for(&state, &ctx, id).await?;
    let programme = &state.programme;
    let outcome = events_app::update(&state.db, programme, user, ctx.actor(), id, &form);
    saved(&state, &ctx, Some(id), &form, outcome.await?)
}

/// The signed-in person acting on an event; a visitor is sent to sign in only for an
/// event they can see (otherwise 404, as for an event that does not exist).
async fn signed_in_for<'c>(state: &AppState, ctx: &'c Ctx, id: i64) -> Result<&'c User, AppError> {
    if ctx.viewer.is_none() {
        visible_event(state, ctx, id).await?;
    }
    ctx.user()
}

#[derive(Deserialize, Default)]
pub struct StatusForm {
    #[serde(default)]
    note: String,
    /// Cancelling asks first: the event is cancelled only when this says `yes`.
    #[serde(default)]
    confirm: String,
}

async fn change_status(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    action: StatusAction,
    note: &str,
) -> Result<Response, AppError> {
    let user = signed_in_for(state, ctx, id).await?;
    match events_app::change_status(&state.db, user, ctx.actor(), id, action, note).await? {
        StatusChange::Changed => Ok(Redirect::to(&format!("/events/{id}")).into_response()),
        StatusChange::Refused(event) => status_refused(state, ctx, *event).await,
    }
}

async fn status_refused(state: &AppState, ctx: &Ctx, event: Event) -> Result<Response, AppError> {
    let errors = BTreeMap::from([("registration".to_string(), "error-status-change")]);
    registration_failed(state, ctx, event, BTreeMap::new(), errors).await
}

/// Cancels an event once confirmed; before that, asks, saying who will be told and that
/// the event can be reinstated (the note typed is kept).
pub async fn cancel_event(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<StatusForm>,
) -> Result<Response, AppError> {
    if form.confirm == "yes" {
        return change_status(&state, &ctx, id, StatusAction::Cancel, &form.note).await;
    }
    signed_in_for(&state, &ctx, id).await?;
    let event = visible_event(&state, &ctx, id).await?;
    ctx.require(|s| s.can_schedule_events())?;
    if StatusAction::Cancel.apply(event.status).is_none() {
        return status_refused(&state, &ctx, event).await;
    }
    let note = form.note;
    Ok(state
        .render(&ctx, "event_cancel.html", context! { event, note })?
        .into_response())
}

/// Reinstates a cancelled event: published again, with its registrations as they were.
pub async fn reinstate(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<StatusForm>,
) -> Result<Response, AppError> {
    change_status(&state, &ctx, id, StatusAction::Reinstate, &form.note).await
}

pub async fn approve(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    change_status(&state, &ctx, id, StatusAction::Approve, "").await
}

pub async fn reject(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<StatusForm>,
) -> Result<Response, AppError> {
    change_status(&state, &ctx, id, StatusAction::Reject, &form.note).await
}

/// What the event page shows besides the event; errors of a sent form come back here.
#[derive(Default, Serialize)]
pub struct PageExtras {
    agenda_form: AgendaForm,
    agenda_errors: FieldErrors,
    question_form: QuestionForm,
    question_errors: FieldErrors,
    registration_values: BTreeMap<String, Vec<String>>,
    registration_errors: BTreeMap<String, &'static str>,
    minutes_draft: Option<String>,
    /// A confirmation after a redirect: `confirmed`, `waiting` or `cancelled`.
    notice: Option<&'static str>,
}

async fn event_page(
    state: &AppState,
    ctx: &Ctx,
    event: Event,
    extras: PageExtras,
    status: StatusCode,
) -> Result<Response, AppError> {
    let page = events_app::page(&state.db, ctx.viewer.as_ref(), event).await?;
    // The page's title says so when one of its forms came back with errors.
    let has_errors = !(extras.agenda_errors.is_empty()
        && extras.question_errors.is_empty()
        && extras.registration_errors.is_empty());
    let values =
        context! { extras, has_errors, choices => choices(), ..Value::from_serialize(page) };
    Ok((status, state.render(ctx, "event.html", values)?).into_response())
}

#[derive(Deserialize, Default)]
pub struct ShowQuery {
    registered: Option<String>,
    cancelled: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    axum::extract::Query(query): axum::extract::Query<ShowQuery>,
) -> Result<Response, AppError> {
    let event = visible_event(&state, &ctx, id).await?;
    let notice = match (query.registered.as_deref(), query.cancelled.is_some()) {
        (Some("confirmed"), _) => Some("confirmed"),
        (Some("waiting"), _) => Some("waiting"),
        (Some("received"), _) => Some("received"),
        (Some("already"), _) => Some("already"),
        (Some("closed"), _) => Some("closed"),
        (_, true) => Some("cancelled"),
        _ => None,
    };
    let extras = PageExtras {
        notice,
        ..Default::default()
    };
    event_page(&state, &ctx, event, extras, StatusCode::OK).await
}

/// The event, if the signed-in person may change it; otherwise 403 (or 404 if unseen).
async fn editable_event(state: &AppState, ctx: &Ctx, id: i64) -> Result<Event, AppError> {
    let user = signed_in_for(state, ctx, id).await?;
    Ok(events_app::editable(&state.db, user, id).await?)
}

/// Applies one change to an event's agenda or questions (see
/// [`events_app::change_part`]) and returns to that part of the event page, or shows
/// the page with the form's errors.
async fn change_part(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    change: PartChange<'_>,
) -> Result<Response, AppError> {
    let user = signed_in_for(state, ctx, id).await?;
    let tz = state.programme.time_zone;
    match events_app::change_part(&state.db, tz, user, ctx.actor(), id, change).await? {
        PartChanged::Changed => {
            let anchor = match change {
                PartChange::AddAgendaItem(_) | PartChange::DeleteAgendaItem(_) => "agenda",
                PartChange::AddQuestion(_) | PartChange::DeleteQuestion(_) => "questions",
            };
            Ok(Redirect::to(&format!("/events/{id}#{anchor}")).into_response())
        }
        PartChanged::Refused { event, errors } => {
            let mut extras = PageExtras::default();
            match change {
                PartChange::AddAgendaItem(form) => {
                    (extras.agenda_form, extras.agenda_errors) = (form.clone(), errors);
                }
                PartChange::AddQuestion(form) => {
                    (extras.question_form, extras.question_errors) = (form.clone(), errors);
                }
                // Deleting asks nothing that could be wrong.
                PartChange::DeleteAgendaItem(_) | PartChange::DeleteQuestion(_) => {}
            }
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            event_page(state, ctx, *event, extras, status).await
        }
    }
}

pub async fn add_agenda_item(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<AgendaForm>,
) -> Result<Response, AppError> {
    change_part(&state, &ctx, id, PartChange::AddAgendaItem(&form)).await
}

pub async fn delete_agenda_item(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, item)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    change_part(&state, &ctx, id, PartChange::DeleteAgendaItem(item)).await
}

pub async fn add_question(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<QuestionForm>,
) -> Result<Response, AppError> {
    change_part(&state, &ctx, id, PartChange::AddQuestion(&form)).await
}

pub async fn delete_question(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, question)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    change_part(&state, &ctx, id, PartChange::DeleteQuestion(question)).await
}

/// Registers someone for an event (see [`events_app::register`]) and shows where they
/// landed, or the form again with what to put right.
pub async fn register(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let mut values: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (key, value) in fields {
        values.entry(key).or_default().push(value);
    }
    let first = |key: &str| {
        values
            .get(key)
            .and_then(|v| v.first())
            .map_or("", |s| s.trim())
    };
    let who = match (Who::parse(first("person")), &ctx.viewer) {
        (Some(who), _) => who,
        // A visitor is registered by name whatever the field says.
        (None, None) => Who::Myself,
        (None, Some(_)) => return Err(AppError::Unprocessable),
    };
    let answers = values
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix('q')?.parse().ok()?, v.clone())))
        .collect();
    let request = RegistrationRequest {
        who,
        name: first("name").to_string(),
        email: first("email").to_string(),
        organisation_id: first("organisation_id").parse().ok(),
        answers,
        honeypot: first("website").to_string(),
        lang: Some(ctx.lang),
    };
    let outcome = events_app::register(&state.db, ctx.viewer.as_ref(), ctx.actor(), id, request);
    let note = match outcome.await? {
        Registration::Confirmed(_) => "confirmed",
        Registration::Waiting(_) => "waiting",
        Registration::Received => "received",
        Registration::Refused { event, errors } => {
            return registration_failed(&state, &ctx, *event, values, errors).await;
        }
        Registration::SignInRequired => {
            let next = format!("/events/{id}");
            return Err(AppError::SignInRequired { next });
        }
    };
    Ok(Redirect::to(&format!("/events/{id}?registered={note}#registration")).into_response())
}

async fn registration_failed(
    state: &AppState,
    ctx: &Ctx,
    event: Event,
    values: BTreeMap<String, Vec<String>>,
    errors: BTreeMap<String, &'static str>,
) -> Result<Response, AppError> {
    let status = if errors.contains_key("registration") && errors.len() == 1 {
        StatusCode::CONFLICT
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let extras = PageExtras {
        registration_values: values,
        registration_errors: errors,
        ..Default::default()
    };
    event_page(state, ctx, event, extras, status).await
}

/// Cancels a registration (see [`events_app::cancel_registration`]).
pub async fn cancel_registration(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(registration_id): Path<i64>,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let cancelled =
        events_app::cancel_registration(&state.db, user, ctx.actor(), registration_id).await?;
    match cancelled {
        Cancellation::Cancelled { event_id } => {
            let to = format!("/events/{event_id}?cancelled=1#registration");
            Ok(Redirect::to(&to).into_response())
        }
        Cancellation::AfterDeadline(event) => {
            let errors =
                BTreeMap::from([("registration".to_string(), "error-cancel-after-deadline")]);
            registration_failed(&state, &ctx, *event, BTreeMap::new(), errors).await
        }
    }
}

#[derive(Deserialize, Default)]
pub struct AttendanceForm {
    #[serde(default)]
    attended: Vec<i64>,
}

/// Marks who came (process leaders, after or during the event).
pub async fn attendance(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<AttendanceForm>,
) -> Result<Response, AppError> {
    let user = signed_in_for(&state, &ctx, id).await?;
    // Before the start nothing is stored; the list says from when attendance is marked.
    events_app::record_attendance(&state.db, user, ctx.actor(), id, form.attended).await?;
    Ok(Redirect::to(&format!("/events/{id}/registrations")).into_response())
}

pub async fn registration_list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let event = visible_event(&state, &ctx, id).await?;
    ctx.require(|s| s.can_schedule_events())?;
    let (registrations, questions) = state
        .db
        .read(move |c| Ok((events::registrations(c, id)?, events::questions(c, id)?)))
        .await?;
    let mut by_organisation: BTreeMap<String, usize> = BTreeMap::new();
    for r in registrations
        .iter()
        .filter(|r| r.status != RegistrationStatus::Cancelled)
    {
        *by_organisation
            .entry(r.organisation_name.clone().unwrap_or_default())
            .or_default() += 1;
    }
    let attendance_open = events_app::attendance_open(&event, state.clock.now_seconds());
    Ok(state
        .render(
            &ctx,
            "registrations.html",
            context! { event, registrations, questions, by_organisation, attendance_open },
        )?
        .into_response())
}

/// The registrations with every answer, as CSV or XLSX.
pub async fn registration_table(
    State(state): State<AppState>,
    ctx: Ctx,
    format: Export,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    visible_event(&state, &ctx, id).await?;
    ctx.require(|s| s.can_schedule_events())?;
    let (registrations, questions) = state
        .db
        .read(move |c| Ok((events::registrations(c, id)?, events::questions(c, id)?)))
        .await?;
    let t = |key: &str| crate::render::i18n::text(ctx.lang, key);
    let mut header: Vec<String> = [
        "registration-name",
        "registration-email",
        "user-organisation",
        "registration-status",
        "registration-attended",
    ]
    .map(t)
    .to_vec();
    header.extend(questions.iter().map(|q| q.label.clone()));
    let rows: Vec<Vec<Cell>> = registrations
        .iter()
        .map(|r| {
            let mut row = crate::cells![
                crate::render::person_name(ctx.lang, &r.name),
                r.email.clone(),
                r.organisation_name.clone(),
                t(&format!("registration-status-{}", r.status.key())),
                match r.attended {
                    Some(true) => t("yes"),
                    Some(false) => t("no"),
                    None => String::new(),
                },
            ];
            row.extend(questions.iter().map(|q| {
                r.answers
                    .iter()
                    .find(|(id, _)| *id == q.id)
                    .map(|(_, a)| a.replace('\n', "; "))
                    .into()
            }));
            row
        })
        .collect();
    download(format, &Table::new(header, rows), "registrations")
}

#[derive(Deserialize, Default)]
pub struct MinutesForm {
    #[serde(default)]
    body: String,
    #[serde(default)]
    r#final: Option<String>,
}

/// Saves a new revision of the minutes; every revision is kept.
pub async fn save_minutes(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<MinutesForm>,
) -> Result<Response, AppError> {
    let user = signed_in_for(&state, &ctx, id).await?;
    let is_final = form.r#final.is_some();
    let saved = events_app::save_minutes(&state.db, user, ctx.actor(), id, &form.body, is_final);
    match saved.await? {
        MinutesSaved::Saved(_) => {
            Ok(Redirect::to(&format!("/events/{id}#minutes")).into_response())
        }
        MinutesSaved::Refused(event) => {
            let extras = PageExtras {
                minutes_draft: Some(form.body),
                ..Default::default()
            };
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            event_page(&state, &ctx, *event, extras, status).await
        }
    }
}

/// The page a visitor's confirmation link opens: what they confirm, and the button that
/// does it (a link alone changes nothing, so a mail program that follows it does not).
pub async fn confirm_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    match events_app::pending(&state.db, &token).await {
        Ok(pending) => Ok(state
            .render(
                &ctx,
                "confirm_registration.html",
                context! { event => pending.event, name => pending.name, token },
            )?
            .into_response()),
        Err(crate::app::Error::NotFound) => confirm_link_invalid(&state, &ctx),
        Err(e) => Err(e.into()),
    }
}

/// Confirms a visitor's registration and shows the event with what became of it.
pub async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    use events_app::Confirmation;
    let (id, note) = match events_app::confirm_visitor(&state.db, ctx.actor(), &token).await {
        Ok(Confirmation::Confirmed { event_id }) => (event_id, "confirmed"),
        Ok(Confirmation::Waiting { event_id }) => (event_id, "waiting"),
        Ok(Confirmation::Already { event_id }) => (event_id, "already"),
        Ok(Confirmation::Closed { event_id }) => (event_id, "closed"),
        Err(crate::app::Error::NotFound) => return confirm_link_invalid(&state, &ctx),
        Err(e) => return Err(e.into()),
    };
    Ok(Redirect::to(&format!("/events/{id}?registered={note}#registration")).into_response())
}

fn confirm_link_invalid(state: &AppState, ctx: &Ctx) -> Result<Response, AppError> {
    let page = state.render(ctx, "confirm_link_invalid.html", context! {})?;
    Ok((StatusCode::NOT_FOUND, page).into_response())
}
