//! A process leader's message to participants (/admin/messages): written, previewed with
//! the number of receivers, then sent through the outbox.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use serde::Deserialize;

use super::forms::{Form, FormPage};
use super::{AppError, AppState, Ctx};
use crate::app::announcements as app;
use crate::domain::form::FieldErrors;
use crate::domain::mail::{AUDIENCES, AnnouncementForm};
use crate::domain::organisation::Category;

#[derive(Deserialize)]
pub struct SentQuery {
    /// How many the last message went to, or `again` when it had gone already.
    sent: Option<String>,
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    form: AnnouncementForm,
    errors: FieldErrors,
    sent: Option<String>,
) -> Result<Response, AppError> {
    let leader = ctx.require(|s| s.can_lead_process())?;
    let choices = app::choices(&state.db, leader, &state.programme).await?;
    let phases: Vec<_> = state
        .programme
        .phases
        .iter()
        .filter(|p| choices.phases.contains(&p.slug))
        .map(|p| context! { slug => p.slug.clone(), title => p.title.clone() })
        .collect();
    let categories: Vec<&str> = Category::ALL.iter().map(|c| c.key()).collect();
    FormPage::new("announcement.html", form, &errors)
        .with(context! {
            audiences => AUDIENCES,
            categories,
            events => choices.events,
            phases,
            sent,
        })
        .render(state, ctx)
}

/// The empty form (with a notice of the last message sent, after sending).
pub async fn new(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<SentQuery>,
) -> Result<Response, AppError> {
    let form = AnnouncementForm {
        audience: "all".into(),
        ..AnnouncementForm::default()
    };
    form_page(&state, &ctx, form, FieldErrors::new(), query.sent).await
}

/// What the form's buttons ask: see the message as it will go, go back to writing it,
/// or send it.
#[derive(Deserialize)]
pub struct Step {
    #[serde(default)]
    step: String,
    #[serde(flatten)]
    form: AnnouncementForm,
}

pub async fn post(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(Step { step, form }): Form<Step>,
) -> Result<Response, AppError> {
    let leader = ctx.require(|s| s.can_lead_process())?;
    match step.as_str() {
        "send" => {
            match app::send(
                &state.db,
                leader,
                ctx.actor(),
                &state.programme,
                form.clone(),
            )
            .await?
            {
                Ok(Some(count)) => {
                    Ok(Redirect::to(&format!("/admin/messages?sent={count}")).into_response())
                }
                // It had gone already (a second press): said so, nothing sent again.
                Ok(None) => Ok(Redirect::to("/admin/messages?sent=again").into_response()),
                Err(errors) => form_page(&state, &ctx, form, errors, None).await,
            }
        }
        "preview" => match app::preview(&state.db, leader, &state.programme, form.clone()).await? {
            Ok(preview) => {
                let page = state.render(
                    &ctx,
                    "announcement_preview.html",
                    context! { form, preview },
                )?;
                Ok(page.into_response())
            }
            Err(errors) => form_page(&state, &ctx, form, errors, None).await,
        },
        _ => form_page(&state, &ctx, form, FieldErrors::new(), None).await,
    }
}
