//! Pickers on the web: a form with fields naming notes or sources is read through
//! [`PickForm`], whose words are searched before the form is taken (see
//! [`app::picker`]); the suggestions asked for while typing come from `suggest_notes` and `suggest_sources`.

use std::collections::BTreeMap;
use std::marker::PhantomData;

use axum::Json;
use axum::extract::{FromRequest, Query, Request, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::forms::Form;
use super::{AppError, AppState, Ctx};
use crate::app::picker::{self as app_picker, FieldView};
use crate::domain::bank::NoteType;
use crate::domain::form::FieldErrors;
use crate::domain::picker::{PICK_PREFIX, PickField, PickKind, Sent};
use crate::render::i18n::{text, text_with};

/// A form with picker fields: which fields they are.
pub trait Picks {
    fn pick_fields() -> Vec<PickField>;
}

/// A sent form with picker fields, not yet resolved (see [`PickForm::resolve`]).
pub struct PickForm<T> {
    pairs: Vec<(String, String)>,
    form: PhantomData<T>,
}

/// A form whose picker fields are resolved: `form` holds numbers where a pick was made,
/// and what was typed where words still wait (`waiting`, with the matches in `views`).
pub struct Picked<T> {
    pub form: T,
    pub views: BTreeMap<&'static str, FieldView>,
    pub waiting: BTreeMap<&'static str, &'static str>,
}

impl<T> Picked<T> {
    /// Whether words wait for a pick: then nothing may be saved.
    pub fn waits(&self) -> bool {
        !self.waiting.is_empty()
    }

    /// The messages at the fields that wait.
    pub fn errors(&self) -> FieldErrors {
        self.errors_with(None)
    }

    /// The messages at the fields that wait, and `more` at the other fields (so a form
    /// sent back for a pick names every other mistake at once).
    pub fn errors_with(&self, more: Option<FieldErrors>) -> FieldErrors {
        let mut errors = FieldErrors::new();
        for (field, message) in &self.waiting {
            errors.add(field, message);
        }
        for (field, message) in more.iter().flat_map(|m| m.iter()) {
            if errors.get(field).is_none() {
                errors.add(field, message);
            }
        }
        errors
    }
}

impl<S: Send + Sync, T> FromRequest<S> for PickForm<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, _: &S) -> Result<Self, Self::Rejection> {
        // Asked again as a GET after a failed write (see `forms::keep_unsaved_input`),
        // a form is read from the query, as `Form` reads it.
        if req.method() == axum::http::Method::GET {
            let query = req.uri().query().unwrap_or("").as_bytes();
            return Ok(PickForm {
                pairs: form_urlencoded::parse(query).into_owned().collect(),
                form: PhantomData,
            });
        }
        let urlencoded = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        if !urlencoded {
            return Err(AppError::Unprocessable);
        }
        // The body limit layers outside bound what is read here.
        let bytes = axum::body::to_bytes(req.into_body(), usize::MAX)
            .await
            .map_err(|_| AppError::TooLarge)?;
        Ok(PickForm {
            pairs: form_urlencoded::parse(&bytes).into_owned().collect(),
            form: PhantomData,
        })
    }
}

impl<T: Picks + DeserializeOwned> PickForm<T> {
    /// Resolves the picker fields for the signed-in person and reads the form.
    pub async fn resolve(self, state: &AppState, ctx: &Ctx) -> Result<Picked<T>, AppError> {
        let fields = T::pick_fields();
        let mut sent: BTreeMap<&'static str, Sent> = BTreeMap::new();
        let mut rest = Vec::new();
        for (name, value) in self.pairs {
            if let Some(f) = fields.iter().find(|f| f.name == name) {
                sent.entry(f.name).or_default().values.push(value);
            } else if let Some(f) = name
                .strip_prefix(PICK_PREFIX)
                .and_then(|n| fields.iter().find(|f| f.name == n))
            {
                sent.entry(f.name).or_default().picks.push(value);
            } else {
                rest.push((name, value));
            }
        }
        let resolved = app_picker::resolve(&state.db, ctx.viewer.as_ref(), &fields, &sent).await?;
        for (name, text) in resolved.texts {
            rest.push((name.to_string(), text));
        }
        let body: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(rest)
            .finish();
        let request = Request::builder()
            .method(axum::http::Method::POST)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(axum::body::Body::from(body))
            .map_err(|e| AppError::Internal(e.to_string()))?;
        let Form(form) = Form::<T>::from_request(request, &()).await?;
        Ok(Picked {
            form,
            views: resolved.views,
            waiting: resolved.waiting,
        })
    }
}

/// What the picker fields of `form` show (the items they hold, by title).
pub async fn shown<T: Picks + Serialize>(
    state: &AppState,
    ctx: &Ctx,
    form: &T,
) -> Result<BTreeMap<&'static str, FieldView>, AppError> {
    let fields = T::pick_fields();
    let json = serde_json::to_value(form).map_err(|e| AppError::Internal(e.to_string()))?;
    let values: BTreeMap<String, String> = fields
        .iter()
        .filter_map(|f| Some((f.name.to_string(), json.get(f.name)?.as_str()?.to_string())))
        .collect();
    Ok(app_picker::show(&state.db, ctx.viewer.as_ref(), &fields, &values).await?)
}

#[derive(Deserialize, Default)]
pub struct SuggestQuery {
    #[serde(default)]
    q: String,
    /// Only notes of this type.
    #[serde(default, rename = "type")]
    note_type: Option<String>,
}

/// One suggestion, as the script shows it.
#[derive(Serialize)]
struct Suggestion {
    id: i64,
    title: String,
    /// The type (or kind) and status in the reader's language.
    label: String,
}

#[derive(Serialize)]
struct Suggestions {
    count: usize,
    /// How many there are, said in the reader's language (for a live region).
    announce: String,
    items: Vec<Suggestion>,
}

/// The notes (`/pick/notes`) or sources (`/pick/sources`) matching `q` that the
/// signed-in person may see, for the script suggesting as one types.
async fn suggestions(
    State(state): State<AppState>,
    ctx: Ctx,
    kind: PickKind,
    Query(query): Query<SuggestQuery>,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let mut field = match kind {
        PickKind::Note => PickField::note("q"),
        PickKind::Source => PickField::source("q"),
    };
    field.note_type = query.note_type.as_deref().and_then(NoteType::parse);
    let found = app_picker::suggest(&state.db, user, &field, &query.q).await?;
    let items: Vec<Suggestion> = found
        .into_iter()
        .map(|c| {
            let label = match (c.kind, c.status) {
                (PickKind::Note, Some(status)) => format!(
                    "{} · {}",
                    text(ctx.lang, &format!("note-type-{}", c.sort)),
                    text(ctx.lang, &format!("note-status-{status}"))
                ),
                _ => text(ctx.lang, &format!("source-kind-{}", c.sort)),
            };
            Suggestion {
                id: c.id,
                title: c.title,
                label,
            }
        })
        .collect();
    let count = items.len();
    let announce = text_with(ctx.lang, "picker-suggestions", &[("count", count.into())]);
    Ok(Json(Suggestions {
        count,
        announce,
        items,
    })
    .into_response())
}

pub async fn suggest_notes(
    state: State<AppState>,
    ctx: Ctx,
    query: Query<SuggestQuery>,
) -> Result<Response, AppError> {
    suggestions(state, ctx, PickKind::Note, query).await
}

pub async fn suggest_sources(
    state: State<AppState>,
    ctx: Ctx,
    query: Query<SuggestQuery>,
) -> Result<Response, AppError> {
    suggestions(state, ctx, PickKind::Source, query).await
}
