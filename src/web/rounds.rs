//! Rating rounds: process leaders open them, strategists rate, and everyone with the
//! right sees the figures (overall and per organisation), the charts and the exports.

use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::forms::FormPage;
use super::forms::{Form, csv_download};
use super::{AppError, AppState, Ctx, embeds};
use crate::app;
use crate::domain::access::Subject;
use crate::domain::bank::can_see_note;
use crate::domain::chart;
use crate::domain::embed::RoundChart;
use crate::domain::event::to_local_input;
use crate::domain::form::FieldErrors;
use crate::domain::rating::{
    Anonymity, Criterion, Feedback, NoteFigures, RoundForm, RoundState, can_rate, can_run_rounds,
    can_see_figures, can_see_names, field_name, figures, read_sheet, reason_name,
    state as round_state,
};
use crate::storage::rounds::{self, Round, RoundNote};
use crate::storage::{audit, bank, organisations};

fn choices() -> minijinja::Value {
    context! {
        criteria => Criterion::ALL.iter().map(|c| c.key()).collect::<Vec<_>>(),
        anonymity => Anonymity::ALL.iter().map(|c| c.key()).collect::<Vec<_>>(),
        feedback => Feedback::ALL.iter().map(|c| c.key()).collect::<Vec<_>>(),
    }
}

/// A criterion with its scale, for the templates.
#[derive(Serialize)]
struct CriterionView {
    key: &'static str,
    points: Vec<i32>,
}

fn criterion_views(criteria: &[Criterion]) -> Vec<CriterionView> {
    criteria
        .iter()
        .map(|c| CriterionView {
            key: c.key(),
            points: c.points(),
        })
        .collect()
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.user()?;
    let rounds = state.db.read(rounds::all).await?;
    let now = state.clock.now_seconds();
    let states: Vec<&str> = rounds
        .iter()
        .map(|r| round_state(r.opens_at, r.closes_at, now).key())
        .collect();
    let can_run = ctx.subject().is_ok_and(|s| can_run_rounds(&s));
    Ok(state
        .render(&ctx, "rounds.html", context! { rounds, states, can_run })?
        .into_response())
}

#[derive(Deserialize, Default)]
pub struct NewQuery {
    #[serde(default)]
    previous: Option<i64>,
}

/// The round form, for a first round or a second one following `previous`.
fn form_page(form: &RoundForm, errors: &FieldErrors, previous: Option<&Round>) -> FormPage {
    FormPage::new("round_form.html", form, errors).with(context! { previous, choices => choices() })
}

/// The form for a new round; with `?previous=N`, the Delphi second round of round N
/// (same notes and criteria).
pub async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<NewQuery>,
) -> Result<Response, AppError> {
    ctx.require(can_run_rounds)?;
    let previous = match query.previous {
        Some(id) => Some(
            state
                .db
                .read(move |c| rounds::get(c, id))
                .await?
                .ok_or(AppError::NotFound)?,
        ),
        None => None,
    };
    let form = match &previous {
        Some(p) => RoundForm {
            title: p.title.clone(),
            description: p.description.clone(),
            phase: p.phase_slug.clone().unwrap_or_default(),
            criteria: p.criteria.iter().map(|c| c.key().to_string()).collect(),
            anonymity: p.anonymity.key().into(),
            feedback: p.feedback.key().into(),
            previous: p.id.to_string(),
            ..Default::default()
        },
        None => RoundForm {
            criteria: vec!["impact".into(), "uncertainty".into()],
            anonymity: "leaders".into(),
            feedback: "after_answer".into(),
            ..Default::default()
        },
    };
    form_page(&form, &FieldErrors::new(), previous.as_ref()).render(&state, &ctx)
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<RoundForm>,
) -> Result<Response, AppError> {
    let user = ctx.require(can_run_rounds)?;
    let phases: Vec<&str> = state
        .programme
        .phases
        .iter()
        .map(|p| p.slug.as_str())
        .collect();
    let valid = match form.validate(&phases, state.programme.time_zone) {
        Ok(valid) => valid,
        Err(errors) => {
            return form_page(&form, &errors, None).render(&state, &ctx);
        }
    };
    let (by, actor) = (user.id, ctx.actor());
    let outcome = state
        .db
        .write(move |tx| {
            // A second round rates the first round's notes; otherwise every number given
            // must be a note of the bank that is submitted or curated.
            let notes = match valid.previous {
                Some(previous) => {
                    if rounds::get(tx, previous)?.is_none() {
                        return Ok(Err(("previous", "error-choose")));
                    }
                    let mut notes = rounds::note_ids(tx, previous)?;
                    for n in &valid.notes {
                        if !notes.contains(n) {
                            notes.push(*n);
                        }
                    }
                    notes
                }
                None => valid.notes.clone(),
            };
            for id in &notes {
                let usable = bank::brief(tx, *id)?.is_some_and(|b| {
                    matches!(
                        b.status,
                        crate::domain::bank::NoteStatus::Submitted
                            | crate::domain::bank::NoteStatus::Curated
                    )
                });
                if !usable {
                    return Ok(Err(("notes", "error-round-note-unusable")));
                }
            }
            let id = rounds::insert(tx, &valid, &notes, by)?;
            audit::record(
                tx,
                &actor,
                "round.create",
                Some(&format!("round:{id}")),
                Some(&valid.title),
            )?;
            Ok(Ok(id))
        })
        .await?;
    match outcome {
        Ok(id) => Ok(Redirect::to(&format!("/rounds/{id}")).into_response()),
        Err((field, message)) => {
            form_page(&form, &FieldErrors::one(field, message), None).render(&state, &ctx)
        }
    }
}

async fn round_of(state: &AppState, ctx: &Ctx, id: i64) -> Result<Round, AppError> {
    ctx.user()?;
    state
        .db
        .read(move |c| rounds::get(c, id))
        .await?
        .ok_or(AppError::NotFound)
}

/// The round's notes the viewer may see (a note made a draft again or merged stays in the
/// round under its number; a note the viewer may not see is left out of their pages).
fn visible(notes: Vec<RoundNote>, subject: &Subject) -> Vec<RoundNote> {
    notes
        .into_iter()
        .filter(|n| can_see_note(Some(subject), n.status, n.organisation_id, n.public))
        .collect()
}

/// The figures of a round (optionally of one organisation's answers).
async fn round_figures(
    state: &AppState,
    round: &Round,
    organisation: Option<i64>,
) -> Result<Vec<NoteFigures>, AppError> {
    let (id, criteria) = (round.id, round.criteria.clone());
    state
        .db
        .read(move |c| {
            let notes = rounds::note_ids(c, id)?;
            let answers = rounds::answers(c, id, None, organisation)?;
            Ok(figures(answers, &notes, &criteria))
        })
        .await
        .map_err(AppError::from)
}

/// Figures keyed `"<note>-<criterion>"` for templates.
fn keyed(figures: Vec<NoteFigures>) -> BTreeMap<String, NoteFigures> {
    figures
        .into_iter()
        .map(|f| (format!("{}-{}", f.note_id, f.criterion.key()), f))
        .collect()
}

/// The rating page: the notes with the viewer's answers (or what they just typed), the
/// first round's figures and their own earlier answers in a second round, and the
/// figures so far when the round's feedback rule allows.
async fn rating_page(
    state: &AppState,
    ctx: &Ctx,
    round: Round,
    typed: Option<BTreeMap<String, String>>,
    errors: &BTreeMap<String, &'static str>,
    status: StatusCode,
    saved: bool,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let subject = ctx.subject()?;
    let (id, user_id, previous) = (round.id, user.id, round.previous_id);
    let (notes, own, own_reasons, answered, earlier) = state
        .db
        .read(move |c| {
            let notes = rounds::notes(c, id)?;
            let own = rounds::ratings(c, id, None, None, Some(user_id))?;
            let reasons = rounds::reasons(c, id, Some(user_id))?;
            let answered = !own.is_empty();
            let earlier = match previous {
                Some(p) => Some((
                    rounds::ratings(c, p, None, None, Some(user_id))?,
                    rounds::note_ids(c, p)?,
                    rounds::ratings(c, p, None, None, None)?,
                )),
                None => None,
            };
            Ok((notes, own, reasons, answered, earlier))
        })
        .await?;
    let notes = visible(notes, &subject);
    let now = state.clock.now_seconds();
    let when = round_state(round.opens_at, round.closes_at, now);
    let values: BTreeMap<String, String> = match typed {
        Some(typed) => typed,
        None => own
            .iter()
            .map(|r| {
                (
                    field_name(r.note_id, r.criterion),
                    r.value.map_or("dk".to_string(), |v| v.to_string()),
                )
            })
            .chain(
                own_reasons
                    .iter()
                    .map(|r| (reason_name(r.note_id), r.reason.clone())),
            )
            .collect(),
    };
    // Delphi: the first round's figures and the person's own answers there.
    let (first_figures, first_own) = match earlier {
        Some((mine, first_notes, all)) => (
            keyed(figures(
                all.iter().map(|a| (a.note_id, a.criterion, a.value)),
                &first_notes,
                &round.criteria,
            )),
            mine.iter()
                .map(|r| {
                    (
                        field_name(r.note_id, r.criterion),
                        r.value.map_or("dk".to_string(), |v| v.to_string()),
                    )
                })
                .collect::<BTreeMap<_, _>>(),
        ),
        None => (BTreeMap::new(), BTreeMap::new()),
    };
    let show_figures = can_see_figures(&subject, round.feedback, when, answered);
    let current = if show_figures {
        keyed(round_figures(state, &round, None).await?)
    } else {
        BTreeMap::new()
    };
    let page = state.render(
        ctx,
        "round.html",
        context! {
            round, notes, values, errors, saved, show_figures, figures => current,
            first_figures, first_own,
            criteria => criterion_views(&round.criteria),
            state => when.key(),
            can_rate => can_rate(&subject) && when == RoundState::Open,
            can_run => can_run_rounds(&subject),
        },
    )?;
    Ok((status, page).into_response())
}

#[derive(Deserialize, Default)]
pub struct SavedQuery {
    #[serde(default)]
    saved: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<SavedQuery>,
) -> Result<Response, AppError> {
    let round = round_of(&state, &ctx, id).await?;
    rating_page(
        &state,
        &ctx,
        round,
        None,
        &BTreeMap::new(),
        StatusCode::OK,
        query.saved.is_some(),
    )
    .await
}

/// Saves a strategist's answers. A value off the scale, or any answer after the round has
/// closed, is refused and nothing is stored; what was typed comes back.
pub async fn rate(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let round = round_of(&state, &ctx, id).await?;
    let user = ctx.require(can_rate)?;
    let typed: BTreeMap<String, String> = fields.iter().cloned().collect();
    let notes = state.db.read(move |c| rounds::note_ids(c, id)).await?;
    let sheet = match read_sheet(&fields, &notes, &round.criteria) {
        Ok(sheet) => sheet,
        Err(errors) => {
            return rating_page(
                &state,
                &ctx,
                round,
                Some(typed),
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
                false,
            )
            .await;
        }
    };
    let (user_id, org, actor) = (user.id, user.organisation_id, ctx.actor());
    let (opens, closes) = (round.opens_at, round.closes_at);
    // Whether the round is open is decided inside the write, at the moment of storing.
    let stored = state
        .db
        .write(move |tx| {
            if round_state(opens, closes, crate::storage::now_seconds()) != RoundState::Open {
                return Ok(false);
            }
            rounds::save_sheet(tx, id, user_id, org, &sheet)?;
            audit::record(tx, &actor, "round.rate", Some(&format!("round:{id}")), None)?;
            Ok(true)
        })
        .await?;
    if stored {
        Ok(Redirect::to(&format!("/rounds/{id}?saved=1")).into_response())
    } else {
        let mut errors = BTreeMap::new();
        errors.insert("round".to_string(), "error-round-closed");
        rating_page(
            &state,
            &ctx,
            round,
            Some(typed),
            &errors,
            StatusCode::CONFLICT,
            false,
        )
        .await
    }
}

#[derive(Deserialize, Serialize, Default, Clone)]
pub struct ResultsQuery {
    #[serde(default)]
    organisation: Option<String>,
}

impl ResultsQuery {
    fn organisation(&self) -> Option<i64> {
        self.organisation
            .as_deref()
            .and_then(|o| o.trim().parse().ok())
    }
}

/// The round and its notes, when the viewer may see its figures.
async fn figures_access(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
) -> Result<(Round, Vec<RoundNote>), AppError> {
    let round = round_of(state, ctx, id).await?;
    let user_id = ctx.user()?.id;
    let (notes, answered) = state
        .db
        .read(move |c| Ok((rounds::notes(c, id)?, rounds::has_answered(c, id, user_id)?)))
        .await?;
    let subject = ctx.subject()?;
    let when = round_state(round.opens_at, round.closes_at, state.clock.now_seconds());
    if !can_see_figures(&subject, round.feedback, when, answered) {
        return Err(AppError::Forbidden);
    }
    Ok((round, visible(notes, &subject)))
}

/// The figures of every note and criterion, overall or of one organisation, with the
/// reasons (signed where the round's anonymity allows).
pub async fn results(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<ResultsQuery>,
) -> Result<Response, AppError> {
    let (round, notes) = figures_access(&state, &ctx, id).await?;
    let organisation = query.organisation();
    let all = round_figures(&state, &round, organisation).await?;
    let (reasons, orgs) = state
        .db
        .read(move |c| Ok((rounds::reasons(c, id, None)?, organisations::all(c)?)))
        .await?;
    let subject = ctx.subject()?;
    let names = can_see_names(&subject, round.anonymity);
    let reasons: Vec<minijinja::Value> = reasons
        .into_iter()
        .filter(|r| notes.iter().any(|n| n.id == r.note_id))
        .map(|r| {
            context! {
                note_id => r.note_id,
                reason => r.reason,
                by => names.then(|| format!("{}, {}", r.user_name, r.organisation_name)),
            }
        })
        .collect();
    let when = round_state(round.opens_at, round.closes_at, state.clock.now_seconds());
    Ok(state
        .render(
            &ctx,
            "round_results.html",
            context! {
                round, notes, figures => keyed(all), reasons, query, organisations => orgs,
                criteria => criterion_views(&round.criteria), state => when.key(),
                can_run => can_run_rounds(&subject),
            },
        )?
        .into_response())
}

fn figure(value: Option<f64>) -> String {
    value.map(|v| format!("{v}")).unwrap_or_default()
}

/// The figures as CSV: one row per note and criterion overall, then per organisation.
pub async fn figures_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (round, notes) = figures_access(&state, &ctx, id).await?;
    let (criteria, visible_ids): (Vec<Criterion>, Vec<i64>) =
        (round.criteria.clone(), notes.iter().map(|n| n.id).collect());
    let (answers, orgs) = state
        .db
        .read(move |c| {
            Ok((
                rounds::ratings(c, id, None, None, None)?,
                organisations::all(c)?,
            ))
        })
        .await?;
    let lang = ctx.lang;
    let t = |key: &str| crate::render::i18n::text(lang, key);
    let header: Vec<String> = [
        "csv-note",
        "csv-title",
        "csv-organisation",
        "csv-criterion",
        "csv-n",
        "csv-dont-know",
        "csv-median",
        "csv-q1",
        "csv-q3",
        "csv-iqr",
        "csv-mean",
        "csv-consensus",
    ]
    .iter()
    .map(|k| t(k))
    .collect();
    let title_of = |id: i64| {
        notes
            .iter()
            .find(|n| n.id == id)
            .map(|n| n.title.clone())
            .unwrap_or_default()
    };
    let mut rows = Vec::new();
    let mut groups: Vec<(String, Option<i64>)> = vec![(t("csv-all-organisations"), None)];
    groups.extend(orgs.iter().map(|o| (o.name.clone(), Some(o.id))));
    for (name, org) in groups {
        let chosen = answers
            .iter()
            .filter(|a| org.is_none_or(|o| a.organisation_id == o))
            .map(|a| (a.note_id, a.criterion, a.value));
        let all = figures(chosen, &visible_ids, &criteria);
        if org.is_some() && all.iter().all(|f| f.summary.n + f.summary.dont_know == 0) {
            continue;
        }
        for f in all {
            let s = &f.summary;
            rows.push(vec![
                f.note_id.to_string(),
                title_of(f.note_id),
                name.clone(),
                t(&format!("criterion-{}", f.criterion.key())),
                s.n.to_string(),
                s.dont_know.to_string(),
                figure(s.median),
                figure(s.q1),
                figure(s.q3),
                figure(s.iqr),
                figure(s.mean.map(|m| (m * 100.0).round() / 100.0)),
                match s.consensus {
                    Some(true) => t("yes"),
                    Some(false) => t("no"),
                    None => String::new(),
                },
            ]);
        }
    }
    csv_download(&header, &rows, &format!("round-{id}-figures.csv"))
}

/// Every answer as CSV (process leaders): names only where the round's anonymity allows
/// process leaders to see them.
pub async fn ratings_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let round = round_of(&state, &ctx, id).await?;
    let subject = ctx.subject()?;
    if !can_run_rounds(&subject) {
        return Err(AppError::Forbidden);
    }
    let names = can_see_names(&subject, round.anonymity);
    let answers = state
        .db
        .read(move |c| rounds::ratings(c, id, None, None, None))
        .await?;
    let lang = ctx.lang;
    let t = |key: &str| crate::render::i18n::text(lang, key);
    let header: Vec<String> = [
        "csv-note",
        "csv-criterion",
        "csv-value",
        "csv-organisation",
        "csv-person",
        "csv-updated",
    ]
    .iter()
    .map(|k| t(k))
    .collect();
    let tz = state.programme.time_zone;
    let rows: Vec<Vec<String>> = answers
        .iter()
        .map(|a| {
            vec![
                a.note_id.to_string(),
                t(&format!("criterion-{}", a.criterion.key())),
                a.value
                    .map_or_else(|| t("rating-dont-know"), |v| v.to_string()),
                a.organisation_name.clone(),
                if names {
                    a.user_name.clone()
                } else {
                    String::new()
                },
                chrono::DateTime::from_timestamp(a.updated_at, 0)
                    .map(|d| to_local_input(d, tz).replace('T', " "))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    csv_download(&header, &rows, &format!("round-{id}-ratings.csv"))
}

/// The trend radar of a round: sectors are the STEEP+V categories, rings the time bands,
/// marker size the median impact (of everyone, or of one organisation), shape the note
/// type; the same figures in a table beside it.
pub async fn radar(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<ResultsQuery>,
) -> Result<Response, AppError> {
    let (round, view, orgs) = chart_page(&state, &ctx, id, &query, app::embeds::RADAR).await?;
    let view = embeds::radar_view(&view, ctx.lang);
    let when = round_state(round.opens_at, round.closes_at, state.clock.now_seconds());
    Ok(state
        .render(
            &ctx,
            "round_radar.html",
            context! { round, view, query, organisations => orgs, state => when.key() },
        )?
        .into_response())
}

/// A round's chart data as the viewer may see it (the notes they may see, of everyone's
/// answers or of one organisation's), with the organisations for the filter.
async fn chart_page(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    query: &ResultsQuery,
    wanted: &'static [Criterion],
) -> Result<(Round, RoundChart, Vec<organisations::Organisation>), AppError> {
    let (round, notes) = figures_access(state, ctx, id).await?;
    let organisation = query.organisation();
    let (chart, orgs) = state
        .db
        .read(move |c| {
            Ok((
                app::embeds::round_chart(c, id, organisation, wanted)?,
                organisations::all(c)?,
            ))
        })
        .await?;
    let mut chart = chart.ok_or(AppError::NotFound)?;
    let visible: std::collections::HashSet<i64> = notes.iter().map(|n| n.id).collect();
    chart.rows.retain(|r| visible.contains(&r.note_id));
    Ok((round, chart, orgs))
}

/// The driver map: median impact against median uncertainty with IQR whiskers, in four
/// named quadrants; the table beside it has the same figures.
pub async fn driver_map(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<ResultsQuery>,
) -> Result<Response, AppError> {
    let (round, view, orgs) = chart_page(&state, &ctx, id, &query, app::embeds::DRIVER_MAP).await?;
    let view = embeds::driver_view(&view, ctx.lang);
    let when = round_state(round.opens_at, round.closes_at, state.clock.now_seconds());
    Ok(state
        .render(
            &ctx,
            "round_drivers.html",
            context! { round, view, query, organisations => orgs, state => when.key() },
        )?
        .into_response())
}

/// One note in a round: the distribution of answers per criterion (the viewer's own
/// answer marked) and the figures per organisation.
pub async fn note_figures(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, note_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (round, notes) = figures_access(&state, &ctx, id).await?;
    let note = notes
        .into_iter()
        .find(|n| n.id == note_id)
        .ok_or(AppError::NotFound)?;
    let user_id = ctx.user()?.id;
    let (answers, orgs) = state
        .db
        .read(move |c| {
            Ok((
                rounds::ratings(c, id, None, None, None)?,
                organisations::all(c)?,
            ))
        })
        .await?;
    let answers: Vec<_> = answers
        .into_iter()
        .filter(|a| a.note_id == note_id)
        .collect();
    let mut charts = Vec::new();
    for criterion in &round.criteria {
        let f = figures(
            answers
                .iter()
                .filter(|a| a.criterion == *criterion)
                .map(|a| (a.note_id, a.criterion, a.value)),
            &[note_id],
            &[*criterion],
        );
        let summary = f[0].summary.clone();
        let own = answers
            .iter()
            .find(|a| a.criterion == *criterion && a.user_id == user_id)
            .and_then(|a| a.value);
        let geometry = chart::distribution(&summary, criterion.scale(), own);
        let scale_labels: Vec<String> = criterion
            .points()
            .iter()
            .map(|p| crate::render::format_number(ctx.lang, f64::from(*p)))
            .collect();
        let by_organisation: Vec<minijinja::Value> = orgs
            .iter()
            .filter_map(|o| {
                let theirs = figures(
                    answers
                        .iter()
                        .filter(|a| a.criterion == *criterion && a.organisation_id == o.id)
                        .map(|a| (a.note_id, a.criterion, a.value)),
                    &[note_id],
                    &[*criterion],
                );
                let s = &theirs[0].summary;
                (s.n + s.dont_know > 0)
                    .then(|| context! { name => o.name.clone(), summary => s.clone() })
            })
            .collect();
        charts.push(context! {
            criterion => criterion.key(), summary, geometry, own, scale_labels, by_organisation,
            points => criterion.points(),
        });
    }
    let when = round_state(round.opens_at, round.closes_at, state.clock.now_seconds());
    Ok(state
        .render(
            &ctx,
            "round_note.html",
            context! { round, note, criteria_charts => charts, state => when.key() },
        )?
        .into_response())
}
