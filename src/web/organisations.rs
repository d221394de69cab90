//! Organisations: the list, one organisation with its members, the forms, and the
//! address list with its CSV export.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::{Value, context};

use super::forms::FormPage;
use super::forms::{Export, Form, download};
use super::{AppError, AppState, Ctx};
use crate::app::organisations::{self as organisations_app, Saved};
use crate::domain::assignment::AssignmentLink;
use crate::domain::form::FieldErrors;
use crate::domain::organisation::{Category, OrganisationForm};
use crate::render::table::{Cell as TableCell, Table};
use crate::storage::{organisations, users};

fn categories() -> Vec<&'static str> {
    Category::ALL.iter().map(|c| c.key()).collect()
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.user()?;
    let all = state.db.read(organisations::all).await?;
    Ok(state
        .render(
            &ctx,
            "organisations.html",
            context! { organisations => all },
        )?
        .into_response())
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let subject = ctx.subject()?;
    let can_edit = subject.can_edit_organisation(id);
    let (organisation, members) = state
        .db
        .read(move |c| Ok((organisations::get(c, id)?, users::list(c, Some(id))?)))
        .await?;
    let organisation = organisation.ok_or(AppError::NotFound)?;
    // Its way through the phases and what it still owes, for its own people and the
    // process leaders.
    // The programme's organiser is not a participant: it is not tracked.
    let organiser = state.programme.is_organiser(&organisation.name);
    let (cells, due, events, links) = if subject.organisation_id == id || subject.can_lead_process()
    {
        let progress = super::progress::organisation_progress(&state, id).await?;
        let events = state
            .db
            .read(move |c| crate::storage::events::of_organisation(c, id))
            .await?;
        let links =
            organisations_app::assignment_links(&state.db, &state.programme, ctx.user()?, id);
        let links = assignment_hrefs(links.await?, id);
        match progress {
            Some((cells, due)) => (Some(cells), due, events, links),
            None => (None, Vec::new(), events, links),
        }
    } else {
        (None, Vec::new(), Vec::new(), Default::default())
    };
    let has_roadmap =
        !organiser && !crate::domain::backcasting::phases(&state.programme).is_empty();
    Ok(state
        .render(
            &ctx,
            "organisation.html",
            context! { organisation, members, can_edit, cells, due, events, links, organiser, has_roadmap },
        )?
        .into_response())
}

/// The organisation page's links to its home assignments, by phase slug: what each is and
/// where it goes.
fn assignment_hrefs(
    links: BTreeMap<String, AssignmentLink>,
    organisation: i64,
) -> BTreeMap<String, Value> {
    links
        .into_iter()
        .map(|(slug, kind)| {
            let href = match kind {
                AssignmentLink::Own => format!("/phases/{slug}/assignment"),
                AssignmentLink::Submission => format!("/phases/{slug}/submissions/{organisation}"),
            };
            (slug, context! { kind, href })
        })
        .collect()
}

/// The organisation form: for a new one (`id` none) or an edit.
fn form_page(
    id: Option<i64>,
    form: &OrganisationForm,
    errors: &FieldErrors,
    can_recategorise: bool,
) -> FormPage {
    FormPage::new("organisation_form.html", form, errors)
        .with(context! { id, can_recategorise, categories => categories() })
}

pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(|s| s.can_administer())?;
    let form = OrganisationForm {
        category: "region".into(),
        ..Default::default()
    };
    form_page(None, &form, &FieldErrors::new(), true).render(&state, &ctx)
}

/// Adds an organisation (see [`organisations_app::create`]).
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<OrganisationForm>,
) -> Result<Response, AppError> {
    let admin = ctx.require(|s| s.can_administer())?;
    saved(
        &state,
        &ctx,
        None,
        organisations_app::create(&state.db, admin, ctx.actor(), form).await?,
    )
}

/// Goes to the organisation once saved, or shows the form again with its errors.
fn saved(state: &AppState, ctx: &Ctx, id: Option<i64>, saved: Saved) -> Result<Response, AppError> {
    match saved {
        Saved::Saved(id) => Ok(Redirect::to(&format!("/organisations/{id}")).into_response()),
        Saved::Refused { form, errors } => {
            let can_recategorise = ctx.subject()?.can_recategorise_organisation();
            form_page(id, &form, &errors, can_recategorise).render(state, ctx)
        }
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let subject = ctx.subject()?;
    if !subject.can_edit_organisation(id) {
        return Err(AppError::Forbidden);
    }
    let can_recategorise = subject.can_recategorise_organisation();
    let org = state
        .db
        .read(move |c| organisations::get(c, id))
        .await?
        .ok_or(AppError::NotFound)?;
    let form = OrganisationForm {
        name: org.name,
        category: org.category.key().to_string(),
        contact_name: org.contact_name.unwrap_or_default(),
        contact_email: org.contact_email.unwrap_or_default(),
        contact_phone: org.contact_phone.unwrap_or_default(),
        address: org.address.unwrap_or_default(),
        postcode: org.postcode.unwrap_or_default(),
        city: org.city.unwrap_or_default(),
    };
    form_page(Some(id), &form, &FieldErrors::new(), can_recategorise).render(&state, &ctx)
}

/// Saves an organisation's details (see [`organisations_app::update`]).
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<OrganisationForm>,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let outcome = organisations_app::update(&state.db, user, ctx.actor(), id, form).await?;
    saved(&state, &ctx, Some(id), outcome)
}

pub async fn address_list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.user()?;
    let all = state.db.read(organisations::all).await?;
    Ok(state
        .render(&ctx, "address_list.html", context! { organisations => all })?
        .into_response())
}

/// The address list as CSV or XLSX.
pub async fn address_list_table(
    State(state): State<AppState>,
    ctx: Ctx,
    format: Export,
) -> Result<Response, AppError> {
    ctx.user()?;
    let all = state.db.read(organisations::all).await?;
    let t = |key: &str| crate::render::i18n::text(ctx.lang, key);
    let header = [
        "org-name",
        "org-category",
        "org-contact-name",
        "org-contact-email",
        "org-contact-phone",
        "org-address",
        "org-postcode",
        "org-city",
    ]
    .map(t)
    .to_vec();
    let rows: Vec<Vec<TableCell>> = all
        .iter()
        .map(|org| {
            crate::cells![
                org.name.clone(),
                t(&format!("category-{}", org.category.key())),
                org.contact_name.clone(),
                org.contact_email.clone(),
                org.contact_phone.clone(),
                org.address.clone(),
                org.postcode.clone(),
                org.city.clone(),
            ]
        })
        .collect();
    download(format, &Table::new(header, rows), "address-list")
}
