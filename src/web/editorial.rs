//! The editorial team's texts: writing with a server-rendered preview, the workflow from
//! draft through review to publication, revisions with diffs and restoring; and the
//! public side: the list of publications, each text, and the Atom feed.

use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use serde::Deserialize;

use super::forms::Form;
use super::forms::FormPage;
use super::{AppError, AppState, Ctx, embeds};
use crate::app;
use crate::app::editorial::{Chapter, StepInput, StepOutcome, Upload};
use crate::domain::embed::{KINDS, Snapshot, problems, unreadable};
use crate::domain::form::FieldErrors;
use crate::domain::publication::{
    PublicationForm, PublicationKind, PublicationStatus, Step, ValidPublication, can_edit, diff,
    is_editable, is_public,
};
use crate::storage::Edit;
use crate::storage::publications::{self, Publication};
use crate::storage::sources::SourceSummary;

fn editor(ctx: &Ctx) -> Result<i64, AppError> {
    Ok(ctx.require(can_edit)?.id)
}

fn kinds() -> Vec<&'static str> {
    PublicationKind::ALL.iter().map(|k| k.key()).collect()
}

/// What a text's references show now, in the workspace.
async fn live(state: &AppState, body: &str) -> Result<Snapshot, AppError> {
    Ok(app::embeds::live(&state.db, &state.programme, body).await?)
}

/// A text split at its references, with what each shows, for the templates.
fn shown(state: &AppState, ctx: &Ctx, body: &str, material: &Snapshot) -> minijinja::Value {
    embeds::body(body, material, ctx.lang, state.programme.phases.len())
}

/// The text's form, with the preview of what was typed when it was asked for.
async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    id: Option<i64>,
    form: &PublicationForm,
    errors: &FieldErrors,
) -> Result<FormPage, AppError> {
    let preview = form.action == "preview" && errors.is_empty();
    let material = if preview {
        live(state, &form.body).await?
    } else {
        Snapshot::new()
    };
    Ok(
        FormPage::new("publication_form.html", form, errors).with(context! {
            id, preview, kinds => kinds(),
            shown => shown(state, ctx, &form.body, &material),
            problems => problems(&material),
            unreadable => unreadable(&form.body),
            embed_kinds => KINDS,
            has_backcasting => !crate::domain::backcasting::phases(&state.programme).is_empty(),
        }),
    )
}

/// A form checked: the text to store, or the page to show instead (the form with its
/// errors, or the preview of what was typed).
async fn checked(
    state: &AppState,
    ctx: &Ctx,
    id: Option<i64>,
    form: &PublicationForm,
) -> Result<Result<ValidPublication, Response>, AppError> {
    let errors = match form.validate(&state.programme) {
        Ok(valid) if form.action != "preview" => return Ok(Ok(valid)),
        Ok(_) => FieldErrors::new(),
        Err(errors) => errors,
    };
    Ok(Err(form_page(state, ctx, id, form, &errors)
        .await?
        .render(state, ctx)?))
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    editor(&ctx)?;
    let texts = state.db.read(publications::all).await?;
    let now = state.clock.now_seconds();
    let public: Vec<bool> = texts
        .iter()
        .map(|t| is_public(t.status, t.publish_at, now))
        .collect();
    Ok(state
        .render(&ctx, "editorial.html", context! { texts, public })?
        .into_response())
}

pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    editor(&ctx)?;
    let form = PublicationForm {
        kind: "output".into(),
        ..Default::default()
    };
    form_page(&state, &ctx, None, &form, &FieldErrors::new())
        .await?
        .render(&state, &ctx)
}

/// Saves a new text as a draft, or shows the preview of what was typed.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<PublicationForm>,
) -> Result<Response, AppError> {
    let user = ctx.require(can_edit)?;
    let valid = match checked(&state, &ctx, None, &form).await? {
        Ok(valid) => valid,
        Err(page) => return Ok(page),
    };
    let id = app::editorial::create(&state.db, user, &ctx.actor(), valid).await?;
    Ok(Redirect::to(&format!("/editorial/{id}")).into_response())
}

/// A text the public may read now; none otherwise.
pub(super) async fn public_text(state: &AppState, id: i64) -> Result<Publication, AppError> {
    let text = text_of(state, id).await?;
    if !is_public(text.status, text.publish_at, state.clock.now_seconds()) {
        return Err(AppError::NotFound);
    }
    Ok(text)
}

async fn text_of(state: &AppState, id: i64) -> Result<Publication, AppError> {
    state
        .db
        .read(move |c| publications::get(c, id))
        .await?
        .ok_or(AppError::NotFound)
}

fn form_of(text: &Publication) -> PublicationForm {
    PublicationForm {
        kind: text.kind.key().into(),
        phase: text.phase_slug.clone().unwrap_or_default(),
        output: text.output_slug.clone().unwrap_or_default(),
        title: text.title.clone(),
        body: text.body.clone(),
        version: text.version.to_string(),
        action: String::new(),
    }
}

#[derive(Deserialize, Default, serde::Serialize, Clone)]
pub struct StepForm {
    #[serde(default)]
    step: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    comment: String,
    #[serde(default)]
    publish_at: String,
}

/// A text in the workspace: a published one as its readers see it (its frozen
/// material), any other with its references live and what would stop its publication.
async fn text_page(
    state: &AppState,
    ctx: &Ctx,
    text: Publication,
    errors: &FieldErrors,
    typed: &StepForm,
    status: StatusCode,
) -> Result<Response, AppError> {
    let now = state.clock.now_seconds();
    let public = is_public(text.status, text.publish_at, now);
    let scheduled = text.status == PublicationStatus::Published && !public;
    let editable = is_editable(text.status);
    let frozen = text.status == PublicationStatus::Published;
    let material = if frozen {
        embeds::frozen(text.snapshot.as_deref())
    } else {
        live(state, &text.body).await?
    };
    let problems = if frozen {
        Vec::new()
    } else {
        problems(&material)
    };
    let page = state.render(
        ctx,
        "publication.html",
        context! {
            errors, typed, public, scheduled, editable, frozen, problems,
            shown => shown(state, ctx, &text.body, &material),
            // Every reference has its material, live or frozen.
            has_embeds => !material.is_empty(),
            text,
        },
    )?;
    Ok((status, page).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    editor(&ctx)?;
    let text = text_of(&state, id).await?;
    text_page(
        &state,
        &ctx,
        text,
        &FieldErrors::new(),
        &StepForm::default(),
        StatusCode::OK,
    )
    .await
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let text = app::editorial::editable(&state.db, ctx.require(can_edit)?, id).await?;
    form_page(&state, &ctx, Some(id), &form_of(&text), &FieldErrors::new())
        .await?
        .render(&state, &ctx)
}

/// Saves an edit (or shows its preview). Two editors saving at once: the second is
/// refused with the first one's text shown, and what they typed comes back.
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(mut form): Form<PublicationForm>,
) -> Result<Response, AppError> {
    let user = ctx.require(can_edit)?;
    app::editorial::editable(&state.db, user, id).await?;
    let valid = match checked(&state, &ctx, Some(id), &form).await? {
        Ok(valid) => valid,
        Err(page) => return Ok(page),
    };
    let base: i64 = form
        .version
        .trim()
        .parse()
        .map_err(|_| AppError::Unprocessable)?;
    match app::editorial::update(&state.db, user, &ctx.actor(), id, base, valid).await? {
        Edit::Saved { .. } => Ok(Redirect::to(&format!("/editorial/{id}")).into_response()),
        Edit::Missing => Err(AppError::NotFound),
        Edit::Stale(newer) => {
            form.version = newer.version.to_string();
            let errors = FieldErrors::one("version", "error-stale-edit");
            let page = form_page(&state, &ctx, Some(id), &form, &errors).await?;
            page.stale(newer).render(&state, &ctx)
        }
    }
}

/// A workflow step: submit for review, return with a comment, publish (now or at a set
/// time), unpublish.
pub async fn take_step(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<StepForm>,
) -> Result<Response, AppError> {
    let user = ctx.require(can_edit)?;
    let input = StepInput {
        step: Step::parse(form.step.trim()).ok_or(AppError::Unprocessable)?,
        version: form.version.trim().parse().ok(),
        comment: form.comment.clone(),
        publish_at: form.publish_at.clone(),
    };
    let (programme, actor) = (&state.programme, ctx.actor());
    let outcome = app::editorial::take_step(&state.db, programme, user, &actor, id, input).await?;
    let (errors, status) = match outcome {
        StepOutcome::Taken => return Ok(Redirect::to(&format!("/editorial/{id}")).into_response()),
        StepOutcome::Invalid(errors) => (errors, StatusCode::UNPROCESSABLE_ENTITY),
        // What stops it is listed on the page beside the error (the live check shows it).
        StepOutcome::Refused => (
            FieldErrors::one("step", "error-embeds-not-public"),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        StepOutcome::Stale => (
            FieldErrors::one("step", "error-stale-edit"),
            StatusCode::CONFLICT,
        ),
    };
    let text = text_of(&state, id).await?;
    text_page(&state, &ctx, text, &errors, &form, status).await
}

#[derive(Deserialize, Default)]
pub struct DiffQuery {
    #[serde(default)]
    from: Option<i64>,
    #[serde(default)]
    to: Option<i64>,
}

/// Every revision, and the difference between any two (by default the last two).
pub async fn history(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<DiffQuery>,
) -> Result<Response, AppError> {
    editor(&ctx)?;
    let text = text_of(&state, id).await?;
    let revisions = state
        .db
        .read(move |c| publications::revisions(c, id))
        .await?;
    let newest = revisions.first().map(|r| r.version).unwrap_or(1);
    let to = query.to.unwrap_or(newest);
    let from = query.from.unwrap_or((to - 1).max(1));
    let find = |v: i64| revisions.iter().find(|r| r.version == v);
    let lines = match (find(from), find(to)) {
        (Some(a), Some(b)) => diff(
            &format!("# {}\n\n{}", a.title, a.body),
            &format!("# {}\n\n{}", b.title, b.body),
        ),
        _ => Vec::new(),
    };
    Ok(state
        .render(
            &ctx,
            "publication_history.html",
            context! { text, revisions, from, to, lines },
        )?
        .into_response())
}

#[derive(Deserialize, Default)]
pub struct RestoreForm {
    #[serde(default)]
    revision: String,
    #[serde(default)]
    version: String,
}

/// Restores an old revision's title and text: a new revision, a draft again.
pub async fn restore(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<RestoreForm>,
) -> Result<Response, AppError> {
    let user = ctx.require(can_edit)?;
    let wanted: i64 = form
        .revision
        .trim()
        .parse()
        .map_err(|_| AppError::Unprocessable)?;
    let base = form.version.trim().parse().ok();
    let actor = ctx.actor();
    match app::editorial::restore(&state.db, user, &actor, id, wanted, base).await? {
        Edit::Saved { .. } => Ok(Redirect::to(&format!("/editorial/{id}/history")).into_response()),
        Edit::Missing => Err(AppError::NotFound),
        Edit::Stale(_) => Err(AppError::Unprocessable),
    }
}

/// What the public sees: published texts whose time has come, newest first.
pub async fn public_list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let now = state.clock.now_seconds();
    let texts = state
        .db
        .read(move |c| publications::public(c, now, 200))
        .await?;
    Ok(state
        .render(&ctx, "publications.html", context! { texts })?
        .into_response())
}

/// One published text; anything else is not there (404, as a missing page).
pub async fn public_show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let text = public_text(&state, id).await?;
    let material = embeds::frozen(text.snapshot.as_deref());
    // Its charts can be downloaded, as frozen (see `web::charts`).
    let charts = format!("/publications/{id}/charts");
    let phases = state.programme.phases.len();
    let shown = embeds::body_at(&text.body, &material, ctx.lang, phases, Some(&charts));
    Ok(state
        .render(&ctx, "publication_public.html", context! { text, shown })?
        .into_response())
}

/// The Atom feed of publications and news.
pub async fn feed(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    use atom_syndication::{Feed, Link, Text};
    let now = state.clock.now_seconds();
    let texts = state
        .db
        .read(move |c| publications::public(c, now, 50))
        .await?;
    let base = state.config.public_url.trim_end_matches('/').to_string();
    let written = state.programme.default_language.code();
    let mut entries = Vec::with_capacity(texts.len());
    for t in &texts {
        let material = embeds::frozen(t.snapshot.as_deref());
        let content = state.render(
            &ctx,
            "publication_feed.html",
            context! { shown => shown(&state, &ctx, &t.body, &material), uid => format!("text-{}", t.id) },
        )?;
        // Read away from the site: every link in the content is absolute.
        let page = url::Url::parse(&format!("{base}/publications/{}", t.id))
            .map_err(|e| AppError::Internal(e.to_string()))?;
        let content = crate::render::links::absolute(&content.0, &page, false);
        entries.push(atom_entry(&base, t, content, written));
    }
    let mut feed = Feed::default();
    feed.set_lang(Some(ctx.lang.code().to_string()));
    // RFC 4287 asks for an author: the programme's organiser writes every text.
    let organiser = state
        .programme
        .organiser
        .pick(ctx.lang, state.programme.default_language);
    feed.set_authors(vec![atom_syndication::Person {
        name: organiser.to_string(),
        uri: Some(format!("{base}/")),
        ..Default::default()
    }]);
    feed.set_id(format!("{base}/feed.atom"));
    let name = state
        .programme
        .name
        .pick(ctx.lang, state.programme.default_language);
    feed.set_title(Text::plain(name.to_string()));
    feed.set_updated(
        entries
            .first()
            .map_or_else(|| atom_time(now), |e| *e.updated()),
    );
    feed.set_links(vec![Link {
        href: format!("{base}/feed.atom"),
        rel: "self".into(),
        ..Default::default()
    }]);
    feed.set_entries(entries);
    let atom = "application/atom+xml; charset=utf-8";
    Ok(([(header::CONTENT_TYPE, atom)], feed.to_string()).into_response())
}

fn atom_time(t: i64) -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::from_timestamp(t, 0)
        .unwrap_or_default()
        .fixed_offset()
}

/// A published text as a feed entry, with `content` (its HTML) in full.
fn atom_entry(base: &str, t: &Publication, content: String, lang: &str) -> atom_syndication::Entry {
    use atom_syndication::{Content, Entry, Link, Text};
    let at = atom_time(t.publish_at.or(t.published_at).unwrap_or(t.updated_at));
    let mut entry = Entry::default();
    entry.set_id(format!("{base}/publications/{}", t.id));
    entry.set_title(Text::plain(t.title.clone()));
    entry.set_updated(at);
    entry.set_published(Some(at));
    entry.set_links(vec![Link {
        href: format!("{base}/publications/{}", t.id),
        rel: "alternate".into(),
        ..Default::default()
    }]);
    entry.set_content(Some(Content {
        value: Some(content),
        content_type: Some("html".into()),
        lang: Some(lang.to_string()),
        ..Default::default()
    }));
    entry
}

fn images_page(
    state: &AppState,
    ctx: &Ctx,
    images: Vec<crate::storage::images::ImageInfo>,
    alt: &str,
    errors: &FieldErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let page = state.render(
        ctx,
        "images.html",
        context! { images, alt, errors, max_mb => crate::domain::image::IMAGE_MAX / (1024 * 1024) },
    )?;
    Ok((status, page).into_response())
}

pub async fn images(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    editor(&ctx)?;
    let list = state.db.read(crate::storage::images::list).await?;
    images_page(&state, &ctx, list, "", &FieldErrors::new(), StatusCode::OK)
}

/// Uploads an illustration: checked by its content, stored under a generated name, with
/// its alt text. A refused upload comes back with the alt text kept.
pub async fn upload_image(
    State(state): State<AppState>,
    ctx: Ctx,
    mut multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    let user = ctx.require(can_edit)?;
    let (mut bytes, mut alt) = (Vec::new(), String::new());
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|_| AppError::Unprocessable)?
    {
        match field.name() {
            Some("file") => {
                bytes = field
                    .bytes()
                    .await
                    .map_err(|_| AppError::TooLarge)?
                    .to_vec()
            }
            Some("alt") => alt = field.text().await.map_err(|_| AppError::Unprocessable)?,
            _ => {}
        }
    }
    let upload = app::editorial::upload_image(&state.db, user, &ctx.actor(), bytes, &alt).await?;
    match upload {
        Upload::Stored(_) => Ok(Redirect::to("/editorial/images").into_response()),
        Upload::Refused(errors) => {
            let list = state.db.read(crate::storage::images::list).await?;
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            images_page(&state, &ctx, list, &alt, &errors, status)
        }
    }
}

/// An uploaded image (see [`app::editorial::image`] for who sees it), with headers that
/// keep a browser from reading it as anything else; only a public one may be cached.
pub async fn media(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(name): Path<String>,
) -> Result<Response, AppError> {
    if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '.') {
        return Err(AppError::NotFound);
    }
    let (mime, bytes, public) = app::editorial::image(&state.db, ctx.viewer.as_ref(), name)
        .await?
        .ok_or(AppError::NotFound)?;
    let cache = if public {
        "public, max-age=86400"
    } else {
        "private, no-store"
    };
    Ok((
        [
            (header::CONTENT_TYPE, mime),
            (header::CONTENT_DISPOSITION, "inline".to_string()),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; sandbox".to_string(),
            ),
            (header::CACHE_CONTROL, cache.to_string()),
        ],
        bytes,
    )
        .into_response())
}

/// The final publication's chapters (each text with its material as frozen when it was
/// published) and its source list.
pub(super) async fn compiled(
    state: &AppState,
    ctx: &Ctx,
) -> Result<(Vec<minijinja::Value>, Vec<SourceSummary>), AppError> {
    let (chapters, sources) = app::editorial::compiled(&state.db, &state.programme).await?;
    let chapters = chapters
        .into_iter()
        .map(
            |Chapter {
                 phase,
                 texts,
                 scenario_sets,
                 consequence_sets,
                 visions,
             }| {
                let texts: Vec<minijinja::Value> = texts
                    .iter()
                    .map(|t| {
                        let material = embeds::frozen(t.snapshot.as_deref());
                        context! { shown => shown(state, ctx, &t.body, &material), text => t }
                    })
                    .collect();
                let scenario_sets = super::scenario_reach::set_views(&scenario_sets);
                context! { phase, texts, scenario_sets, consequence_sets, visions }
            },
        )
        .collect();
    Ok((chapters, sources))
}

/// The final publication: every phase's published outputs in one document with a title
/// page, a table of contents and the source list; printable to PDF from the browser.
pub async fn final_publication(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Response, AppError> {
    let (chapters, sources) = compiled(&state, &ctx).await?;
    let edition = app::report::latest(&state.db, ctx.lang).await?;
    Ok(state
        .render(
            &ctx,
            "final_publication.html",
            context! { chapters, sources, standalone => false, edition },
        )?
        .into_response())
}

/// The same publication as one self-contained HTML file to download.
pub async fn final_publication_file(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Response, AppError> {
    let (chapters, sources) = compiled(&state, &ctx).await?;
    let page = state.render(
        &ctx,
        "final_publication_file.html",
        context! { chapters, sources },
    )?;
    // Read away from the site: links point back to it, those within the file stay.
    let site = url::Url::parse(&format!(
        "{}/",
        state.config.public_url.trim_end_matches('/')
    ))
    .map_err(|e| AppError::Internal(e.to_string()))?;
    let page = axum::response::Html(crate::render::links::absolute(&page.0, &site, true));
    Ok((
        [(
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}.html\"", state.programme.slug),
        )],
        page,
    )
        .into_response())
}
