//! Events: scheduling (process leaders), proposals (strategists), the event page with its
//! agenda and minutes, registration with the waiting list, and the registration lists.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::{Value, context};
use serde::{Deserialize, Serialize};

use super::forms::FormPage;
use super::forms::{Form, csv_download};
use super::{AppError, AppState, Ctx};
use crate::app::events::{
    self as events_app, Cancellation, Registration, RegistrationRequest, Who,
};
use crate::domain::event::{
    AgendaForm, Audience, EventForm, EventKind, EventStatus, Mode, QuestionForm, QuestionKind,
    RegistrationStatus, to_local_input,
};
use crate::domain::form::FieldErrors;
use crate::storage::events::{self, Event};
use crate::storage::{StorageError, audit};

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

/// The event form: for a new event (`id` none) or an edit.
fn form_page(
    ctx: &Ctx,
    id: Option<i64>,
    form: &EventForm,
    errors: &FieldErrors,
) -> Result<FormPage, AppError> {
    let proposing = !ctx.subject()?.can_schedule_events();
    Ok(FormPage::new("event_form.html", form, errors)
        .with(context! { id, proposing, choices => choices() }))
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
    form_page(&ctx, None, &form, &FieldErrors::new())?.render(&state, &ctx)
}

fn phase_slugs(state: &AppState) -> Vec<&str> {
    state
        .programme
        .phases
        .iter()
        .map(|p| p.slug.as_str())
        .collect()
}

/// Process leaders schedule events (published at once); strategists propose their own
/// organisation's events, which wait for a process leader's approval.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<EventForm>,
) -> Result<Response, AppError> {
    let subject = ctx.subject()?;
    if !subject.can_propose_event() {
        return Err(AppError::Forbidden);
    }
    let leader = subject.can_schedule_events();
    let valid = match form.validate(state.programme.time_zone, &phase_slugs(&state)) {
        Ok(valid) => valid,
        Err(errors) => return form_page(&ctx, None, &form, &errors)?.render(&state, &ctx),
    };
    let user = ctx.user()?;
    let (status, organisation) = if leader {
        (EventStatus::Published, None)
    } else {
        (EventStatus::Proposed, Some(user.organisation_id))
    };
    let (user_id, actor) = (user.id, ctx.actor());
    let id = state
        .db
        .write(move |tx| {
            let id = events::insert(tx, &valid, status, organisation, Some(user_id))?;
            audit::record(
                tx,
                &actor,
                "event.create",
                Some(&format!("event:{id}")),
                Some(status.key()),
            )?;
            Ok(id)
        })
        .await?;
    Ok(Redirect::to(&format!("/events/{id}")).into_response())
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
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let event = editable_event(&state, &ctx, id).await?;
    let form = form_of(&event, state.programme.time_zone);
    form_page(&ctx, Some(id), &form, &FieldErrors::new())?.render(&state, &ctx)
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<EventForm>,
) -> Result<Response, AppError> {
    editable_event(&state, &ctx, id).await?;
    let valid = match form.validate(state.programme.time_zone, &phase_slugs(&state)) {
        Ok(valid) => valid,
        Err(errors) => return form_page(&ctx, Some(id), &form, &errors)?.render(&state, &ctx),
    };
    let actor = ctx.actor();
    state
        .db
        .write(move |tx| {
            events::update(tx, id, &valid)?;
            audit::record(
                tx,
                &actor,
                "event.update",
                Some(&format!("event:{id}")),
                valid.change_note.as_deref(),
            )
        })
        .await?;
    Ok(Redirect::to(&format!("/events/{id}")).into_response())
}

#[derive(Deserialize, Default)]
pub struct StatusForm {
    #[serde(default)]
    note: String,
}

async fn change_status(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    to: EventStatus,
    note: &str,
    action: &'static str,
) -> Result<Response, AppError> {
    let event = visible_event(state, ctx, id).await?;
    ctx.require(|s| s.can_schedule_events())?;
    let note =
        crate::domain::form::optional(note).map(|n| n.chars().take(2000).collect::<String>());
    let actor = ctx.actor();
    let changed = state
        .db
        .write(move |tx| {
            let changed = events::set_status(tx, id, to, note.as_deref())?;
            if changed {
                audit::record(
                    tx,
                    &actor,
                    action,
                    Some(&format!("event:{id}")),
                    note.as_deref(),
                )?;
            }
            Ok(changed)
        })
        .await?;
    if !changed {
        let mut errors = BTreeMap::new();
        errors.insert("registration".to_string(), "error-status-change");
        return registration_failed(state, ctx, event, BTreeMap::new(), errors).await;
    }
    Ok(Redirect::to(&format!("/events/{id}")).into_response())
}

pub async fn cancel_event(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<StatusForm>,
) -> Result<Response, AppError> {
    change_status(
        &state,
        &ctx,
        id,
        EventStatus::Cancelled,
        &form.note,
        "event.cancel",
    )
    .await
}

pub async fn approve(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    change_status(
        &state,
        &ctx,
        id,
        EventStatus::Published,
        "",
        "event.approve",
    )
    .await
}

pub async fn reject(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<StatusForm>,
) -> Result<Response, AppError> {
    change_status(
        &state,
        &ctx,
        id,
        EventStatus::Rejected,
        &form.note,
        "event.reject",
    )
    .await
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
    let values = context! { extras, choices => choices(), ..Value::from_serialize(page) };
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
    let event = visible_event(state, ctx, id).await?;
    if events_app::may_edit(&ctx.subject()?, &event) {
        Ok(event)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Applies one change to an event's agenda or questions in a write transaction, logs it,
/// and returns to that part of the event page; 404 when the change found nothing.
async fn change_event_part(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    action: &'static str,
    detail: String,
    anchor: &'static str,
    change: impl FnOnce(&rusqlite::Transaction) -> Result<bool, StorageError> + Send + 'static,
) -> Result<Response, AppError> {
    let actor = ctx.actor();
    let changed = state
        .db
        .write(move |tx| {
            let changed = change(tx)?;
            if changed {
                audit::record(
                    tx,
                    &actor,
                    action,
                    Some(&format!("event:{id}")),
                    Some(&detail),
                )?;
            }
            Ok(changed)
        })
        .await?;
    if !changed {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("/events/{id}#{anchor}")).into_response())
}

pub async fn add_agenda_item(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<AgendaForm>,
) -> Result<Response, AppError> {
    let event = editable_event(&state, &ctx, id).await?;
    match form.validate(state.programme.time_zone, (event.starts(), event.ends())) {
        Ok(item) => {
            let title = item.title.clone();
            change_event_part(
                &state,
                &ctx,
                id,
                "event.agenda.add",
                title,
                "agenda",
                move |tx| events::add_agenda_item(tx, id, &item).map(|_| true),
            )
            .await
        }
        Err(errors) => {
            let extras = PageExtras {
                agenda_form: form,
                agenda_errors: errors,
                ..Default::default()
            };
            event_page(
                &state,
                &ctx,
                event,
                extras,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

pub async fn delete_agenda_item(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, item)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    editable_event(&state, &ctx, id).await?;
    change_event_part(
        &state,
        &ctx,
        id,
        "event.agenda.delete",
        item.to_string(),
        "agenda",
        move |tx| events::delete_agenda_item(tx, id, item),
    )
    .await
}

pub async fn add_question(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<QuestionForm>,
) -> Result<Response, AppError> {
    let event = editable_event(&state, &ctx, id).await?;
    match form.validate() {
        Ok(question) => {
            let label = question.label.clone();
            change_event_part(
                &state,
                &ctx,
                id,
                "event.question.add",
                label,
                "questions",
                move |tx| events::add_question(tx, id, &question).map(|_| true),
            )
            .await
        }
        Err(errors) => {
            let extras = PageExtras {
                question_form: form,
                question_errors: errors,
                ..Default::default()
            };
            event_page(
                &state,
                &ctx,
                event,
                extras,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

pub async fn delete_question(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, question)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    editable_event(&state, &ctx, id).await?;
    change_event_part(
        &state,
        &ctx,
        id,
        "event.question.delete",
        question.to_string(),
        "questions",
        move |tx| events::delete_question(tx, id, question),
    )
    .await
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
    };
    let outcome = events_app::register(&state.db, ctx.viewer.as_ref(), ctx.actor(), id, request);
    let note = match outcome.await? {
        Registration::Confirmed(_) => "confirmed",
        Registration::Waiting(_) => "waiting",
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
    visible_event(&state, &ctx, id).await?;
    ctx.require(|s| s.can_schedule_events())?;
    let actor = ctx.actor();
    state
        .db
        .write(move |tx| {
            for registration in events::registrations(tx, id)? {
                if registration.status == RegistrationStatus::Confirmed {
                    events::set_attended(
                        tx,
                        id,
                        registration.id,
                        Some(form.attended.contains(&registration.id)),
                    )?;
                }
            }
            audit::record(
                tx,
                &actor,
                "event.attendance",
                Some(&format!("event:{id}")),
                Some(&format!("{} present", form.attended.len())),
            )
        })
        .await?;
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
    Ok(state
        .render(
            &ctx,
            "registrations.html",
            context! { event, registrations, questions, by_organisation },
        )?
        .into_response())
}

/// The registrations with every answer, as CSV (UTF-8 with BOM; formula cells neutralised).
pub async fn registration_csv(
    State(state): State<AppState>,
    ctx: Ctx,
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
    let rows: Vec<Vec<String>> = registrations
        .iter()
        .map(|r| {
            let mut row = vec![
                r.name.clone(),
                r.email.clone(),
                r.organisation_name.clone().unwrap_or_default(),
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
                    .unwrap_or_default()
            }));
            row
        })
        .collect();
    csv_download(&header, &rows, "registrations.csv")
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
    let event = visible_event(&state, &ctx, id).await?;
    let user = ctx.require(|s| s.can_write_minutes())?;
    let body = form.body.trim().to_string();
    if body.is_empty() || body.chars().count() > 200_000 {
        let extras = PageExtras {
            minutes_draft: Some(form.body),
            ..Default::default()
        };
        return event_page(
            &state,
            &ctx,
            event,
            extras,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let (user_id, actor, is_final) = (user.id, ctx.actor(), form.r#final.is_some());
    state
        .db
        .write(move |tx| {
            let revision = events::save_minutes(tx, id, &body, is_final, user_id)?;
            audit::record(
                tx,
                &actor,
                "event.minutes",
                Some(&format!("event:{id}")),
                Some(&format!("revision {revision}")),
            )
        })
        .await?;
    Ok(Redirect::to(&format!("/events/{id}#minutes")).into_response())
}
