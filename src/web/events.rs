//! Events: scheduling (process leaders), proposals (strategists), the event page with its
//! agenda and minutes, registration with the waiting list, and the registration lists.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::forms::FormPage;
use super::forms::{Form, csv_download};
use super::{AppError, AppState, Ctx};
use crate::domain::access::{Subject, can_see_event};
use crate::domain::event::{
    AgendaForm, Audience, EventForm, EventKind, EventStatus, Mode, QuestionForm, QuestionKind,
    RegistrationStatus, check_answers, to_local_input,
};
use crate::domain::form::FieldErrors;
use crate::domain::user::Email;
use crate::storage::events::{self, Event, Registered, Registrant};
use crate::storage::{StorageError, audit, users};

/// The event if the visitor may see it; otherwise 404, as for an event that does not exist.
pub async fn visible_event(state: &AppState, ctx: &Ctx, id: i64) -> Result<Event, AppError> {
    let event = state
        .db
        .read(move |c| events::get(c, id))
        .await?
        .ok_or(AppError::NotFound)?;
    let subject = ctx.subject().ok();
    if can_see_event(
        subject.as_ref(),
        event.audience,
        event.status,
        event.organisation_id,
    ) {
        Ok(event)
    } else {
        Err(AppError::NotFound)
    }
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

fn may_edit(subject: &Subject, event: &Event) -> bool {
    subject.can_schedule_events()
        || (event.status == EventStatus::Proposed
            && event.organisation_id == Some(subject.organisation_id)
            && subject.can_propose_event())
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
    let id = event.id;
    let subject = ctx.subject().ok();
    let leader = subject.is_some_and(|s| s.can_schedule_events());
    let viewer = ctx.viewer.clone();
    let (agenda, questions, registrations, minutes, (members, organisations), mine) = state
        .db
        .read(move |c| {
            let mine = match &viewer {
                Some(v) => events::registrations_of(c, v.id, &v.email)?
                    .into_iter()
                    .find(|(r, _)| r.event_id == id)
                    .map(|(r, _)| r),
                None => None,
            };
            let registrations = match &viewer {
                Some(_) if leader => events::registrations(c, id)?,
                Some(v) => events::registrations(c, id)?
                    .into_iter()
                    .filter(|r| {
                        r.organisation_id == Some(v.organisation_id)
                            && r.status != RegistrationStatus::Cancelled
                    })
                    .collect(),
                None => Vec::new(),
            };
            let members = match &viewer {
                Some(v) => users::list(c, Some(v.organisation_id))?,
                None => Vec::new(),
            };
            let organisations = if leader {
                crate::storage::organisations::all(c)?
            } else {
                Vec::new()
            };
            Ok((
                events::agenda(c, id)?,
                events::questions(c, id)?,
                registrations,
                events::minutes(c, id)?,
                (members, organisations),
                mine,
            ))
        })
        .await?;
    let now = state.clock.now_seconds();
    let can_minutes = subject.is_some_and(|s| s.can_write_minutes());
    let shown_minutes = minutes.iter().find(|m| m.is_final || can_minutes).cloned();
    let can_register_others = subject.is_some_and(|s| s.can_register_for(s.organisation_id));
    let online_link_visible = leader
        || mine
            .as_ref()
            .is_some_and(|r| r.status == RegistrationStatus::Confirmed);
    let page = state.render(
        ctx,
        "event.html",
        context! {
            event,
            agenda,
            questions,
            registrations,
            minutes => shown_minutes,
            minutes_revisions => if can_minutes { minutes.len() } else { 0 },
            members,
            organisations,
            mine,
            extras,
            registration_open => event.registration_open(now),
            before_deadline => now < event.registration_closes.unwrap_or(event.starts_at),
            is_past => event.ends_at < now,
            leader,
            can_edit => subject.is_some_and(|s| may_edit(&s, &event)),
            can_minutes,
            can_register_others,
            online_link_visible,
            choices => choices(),
        },
    )?;
    Ok((status, page).into_response())
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
    if may_edit(&ctx.subject()?, &event) {
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

/// Registers the signed-in person, a person of the strategist's own organisation (a member,
/// or someone without an account, by name and e-mail), or, for events open to all, a
/// visitor by name and e-mail. Capacity and the per-organisation cap are decided in the
/// write transaction; a full event puts people on the waiting list in order.
pub async fn register(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let event = visible_event(&state, &ctx, id).await?;
    let mut values: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (key, value) in fields {
        values.entry(key).or_default().push(value);
    }
    let first = |key: &str| {
        values
            .get(key)
            .and_then(|v| v.first())
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    let subject = ctx.subject().ok();
    let leader = subject.is_some_and(|s| s.can_schedule_events());
    let mut errors: BTreeMap<String, &'static str> = BTreeMap::new();

    let now = state.clock.now_seconds();
    if event.status == EventStatus::Cancelled {
        errors.insert("registration".into(), "error-event-cancelled");
    } else if !leader && !event.registration_open(now) {
        errors.insert("registration".into(), "error-registration-closed");
    }

    // Who is being registered.
    let person_choice = first("person");
    let person = match (&ctx.viewer, person_choice.as_str()) {
        (Some(viewer), "" | "self") => Some(Registrant {
            user_id: Some(viewer.id),
            name: viewer.name.clone(),
            email: viewer.email.clone(),
            organisation_id: Some(viewer.organisation_id),
        }),
        (Some(viewer), "other") => {
            let organisation_id = if leader {
                first("organisation_id")
                    .parse::<i64>()
                    .ok()
                    .or(Some(viewer.organisation_id))
            } else {
                Some(viewer.organisation_id)
            };
            let allowed = leader
                || subject.is_some_and(|s| organisation_id.is_some_and(|o| s.can_register_for(o)));
            if !allowed {
                return Err(AppError::Forbidden);
            }
            named_person(
                &first("name"),
                &first("email"),
                organisation_id,
                &mut errors,
            )
        }
        (Some(viewer), member) => {
            let member_id = member.parse::<i64>().map_err(|_| AppError::Unprocessable)?;
            let member = state
                .db
                .read(move |c| users::get(c, member_id))
                .await?
                .ok_or(AppError::Forbidden)?;
            let allowed = subject.is_some_and(|s| s.can_register_for(member.organisation_id));
            if !allowed || (!leader && member.organisation_id != viewer.organisation_id) {
                return Err(AppError::Forbidden);
            }
            Some(Registrant {
                user_id: Some(member.id),
                name: member.name,
                email: member.email,
                organisation_id: Some(member.organisation_id),
            })
        }
        (None, _) if event.audience == Audience::Public => {
            named_person(&first("name"), &first("email"), None, &mut errors)
        }
        (None, _) => {
            return Err(AppError::SignInRequired {
                next: format!("/events/{id}"),
            });
        }
    };

    let questions = state.db.read(move |c| events::questions(c, id)).await?;
    let given: Vec<(i64, Vec<String>)> = values
        .iter()
        .filter_map(|(k, v)| {
            k.strip_prefix('q')
                .and_then(|n| n.parse().ok())
                .map(|n| (n, v.clone()))
        })
        .collect();
    let answers = match check_answers(&questions, &given) {
        Ok(answers) => answers,
        Err(problems) => {
            for (question, message) in problems {
                errors.insert(format!("q{question}"), message);
            }
            Vec::new()
        }
    };
    let person = match person {
        Some(person) if errors.is_empty() => person,
        _ => return registration_failed(&state, &ctx, event, values, errors).await,
    };

    let by = ctx.viewer.as_ref().map(|v| v.id);
    let actor = ctx.actor();
    let window_applies = !leader;
    let outcome = state
        .db
        .write(move |tx| {
            let outcome = events::register(tx, id, &person, &answers, by, window_applies)?;
            let detail = format!("{outcome:?} {}", person.email);
            audit::record(
                tx,
                &actor,
                "registration.create",
                Some(&format!("event:{id}")),
                Some(&detail),
            )?;
            Ok(outcome)
        })
        .await;
    let outcome = match outcome {
        Ok(outcome) => outcome,
        Err(e) if e.is_unique_violation() => Registered::AlreadyRegistered,
        Err(e) => return Err(e.into()),
    };
    match outcome {
        Registered::Confirmed(_) | Registered::Waiting(_) => {
            let note = if matches!(outcome, Registered::Confirmed(_)) {
                "confirmed"
            } else {
                "waiting"
            };
            Ok(
                Redirect::to(&format!("/events/{id}?registered={note}#registration"))
                    .into_response(),
            )
        }
        Registered::OverOrganisationCap => {
            errors.insert("registration".into(), "error-organisation-cap");
            registration_failed(&state, &ctx, event, values, errors).await
        }
        Registered::AlreadyRegistered => {
            errors.insert("registration".into(), "error-already-registered");
            registration_failed(&state, &ctx, event, values, errors).await
        }
        Registered::NotOpen | Registered::Closed => {
            let message = if outcome == Registered::NotOpen {
                "error-event-cancelled"
            } else {
                "error-registration-closed"
            };
            errors.insert("registration".into(), message);
            let event = visible_event(&state, &ctx, id).await?;
            registration_failed(&state, &ctx, event, values, errors).await
        }
    }
}

fn named_person(
    name: &str,
    email: &str,
    organisation_id: Option<i64>,
    errors: &mut BTreeMap<String, &'static str>,
) -> Option<Registrant> {
    if name.is_empty() {
        errors.insert("name".into(), "error-required");
    } else if name.chars().count() > 200 {
        errors.insert("name".into(), "error-too-long");
    }
    let parsed = Email::parse(email);
    if email.is_empty() {
        errors.insert("email".into(), "error-required");
    } else if parsed.is_none() {
        errors.insert("email".into(), "error-email");
    }
    let email = parsed?;
    (!name.is_empty()).then(|| Registrant {
        user_id: None,
        name: name.to_string(),
        email: email.as_str().to_string(),
        organisation_id,
    })
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

/// Cancels a registration: the person themself or a strategist of their organisation until
/// the deadline, a process leader at any time. The first in line moves up.
pub async fn cancel_registration(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(registration_id): Path<i64>,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let subject = ctx.subject()?;
    let registration = state
        .db
        .read(move |c| events::registration(c, registration_id))
        .await?
        .ok_or(AppError::NotFound)?;
    let event = visible_event(&state, &ctx, registration.event_id).await?;
    let own = registration.user_id == Some(user.id) || registration.email == user.email;
    let same_org = registration
        .organisation_id
        .is_some_and(|o| subject.can_register_for(o));
    if !(own || same_org || subject.can_schedule_events()) {
        return Err(AppError::Forbidden);
    }
    let deadline = event.registration_closes.unwrap_or(event.starts_at);
    if !subject.can_schedule_events() && state.clock.now_seconds() >= deadline {
        let mut errors = BTreeMap::new();
        errors.insert("registration".to_string(), "error-cancel-after-deadline");
        return registration_failed(&state, &ctx, event, BTreeMap::new(), errors).await;
    }
    let actor = ctx.actor();
    let event_id = event.id;
    state
        .db
        .write(move |tx| {
            let promoted = events::cancel(tx, registration_id)?;
            audit::record(
                tx,
                &actor,
                "registration.cancel",
                Some(&format!("event:{event_id}")),
                Some(&registration_id.to_string()),
            )?;
            for promoted in promoted {
                audit::record(
                    tx,
                    &actor,
                    "registration.promote",
                    Some(&format!("event:{event_id}")),
                    Some(&promoted.to_string()),
                )?;
            }
            Ok::<_, StorageError>(())
        })
        .await?;
    Ok(Redirect::to(&format!("/events/{event_id}?cancelled=1#registration")).into_response())
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
