//! Rating rounds: process leaders open them, strategists rate, and everyone with the
//! right sees the figures (overall and per organisation), the charts and the exports.

use std::collections::{BTreeMap, BTreeSet};

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::forms::FormPage;
use super::forms::{Export, Form, download};
use super::picker::{self, PickForm, Picks};
use super::{AppError, AppState, Ctx, embeds};
use crate::app;
use crate::app::picker::FieldView;
use crate::app::rounds::{CreateOutcome, EditOutcome, RateOutcome, keyed};
use crate::domain::chart;
use crate::domain::embed::RoundChart;
use crate::domain::event::to_local_input;
use crate::domain::form::FieldErrors;
use crate::domain::picker::PickField;
use crate::domain::rating::{
    Anonymity, Criterion, Feedback, RoundEditForm, RoundForm, RoundState, can_follow, can_rate,
    can_run_rounds, can_see_names, state as round_state,
};
use crate::domain::rating_progress::{LEAD_MAX_CHARS, first_unrated, summary_lead};
use crate::render::person_name;
use crate::render::table::{Cell, Table};
use crate::storage::organisations;
use crate::storage::rounds::{self, Round, RoundNote};

fn choices() -> minijinja::Value {
    context! {
        criteria => Criterion::ALL.iter().map(|c| c.key()).collect::<Vec<_>>(),
        anonymity => Anonymity::ALL.iter().map(|c| c.key()).collect::<Vec<_>>(),
        feedback => Feedback::ALL.iter().map(|c| c.key()).collect::<Vec<_>>(),
    }
}

/// A criterion with its scale, for the templates: each point with the short mark its
/// radio button shows (a sign on a scale around zero, a true minus).
#[derive(Serialize)]
struct CriterionView {
    key: &'static str,
    points: Vec<i32>,
    marks: Vec<(i32, String)>,
}

fn criterion_views(criteria: &[Criterion]) -> Vec<CriterionView> {
    criteria
        .iter()
        .map(|c| {
            let signed = c.range().0 < 0;
            let mark = |p: i32| match p {
                p if p < 0 => format!("\u{2212}{}", -p),
                p if p > 0 && signed => format!("+{p}"),
                p => p.to_string(),
            };
            CriterionView {
                key: c.key(),
                points: c.points(),
                marks: c.points().into_iter().map(|p| (p, mark(p))).collect(),
            }
        })
        .collect()
}

/// A note's card on the rating sheet: the note, the lead of its summary (and whether the
/// card leaves some of it out), and whether the viewer has rated it.
#[derive(Serialize)]
struct CardView {
    note: RoundNote,
    lead: String,
    more: bool,
    rated: bool,
}

/// The cards of the sheet, only the notes not yet rated when `only_unrated`.
fn cards(notes: Vec<RoundNote>, rated: &BTreeSet<i64>, only_unrated: bool) -> Vec<CardView> {
    notes
        .into_iter()
        .map(|note| {
            let (lead, more) = summary_lead(&note.summary, LEAD_MAX_CHARS);
            let rated = rated.contains(&note.id);
            CardView {
                note,
                lead,
                more,
                rated,
            }
        })
        .filter(|c| !(only_unrated && c.rated))
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
fn form_page(
    form: &RoundForm,
    errors: &FieldErrors,
    previous: Option<&Round>,
    pickers: &BTreeMap<&'static str, FieldView>,
) -> FormPage {
    FormPage::new("round_form.html", form, errors)
        .with(context! { previous, choices => choices(), pickers })
}

impl Picks for RoundForm {
    fn pick_fields() -> Vec<PickField> {
        vec![PickField::notes("notes")]
    }
}

/// The form for a new round; with `?previous=N`, the Delphi second round of round N
/// (same notes and criteria, and a name of its own: "… – omgång 2").
pub async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<NewQuery>,
) -> Result<Response, AppError> {
    ctx.require(can_run_rounds)?;
    let previous = match query.previous {
        Some(id) => Some(app::rounds::next_in_chain(&state.db, id).await?),
        None => None,
    };
    let form = match &previous {
        Some((p, first_title, number)) => RoundForm {
            title: crate::render::i18n::text_with(
                ctx.lang,
                "round-next-title",
                &[
                    ("title", first_title.clone().into()),
                    ("number", (*number as i64).into()),
                ],
            ),
            description: p.description.clone(),
            phase: p.phase_slug.clone().unwrap_or_default(),
            criteria: p.criteria.iter().map(|c| c.key().to_string()).collect(),
            anonymity: p.anonymity.key().into(),
            feedback: p.feedback.key().into(),
            previous: p.id.to_string(),
            min_answers: p.min_answers.to_string(),
            ..Default::default()
        },
        None => RoundForm {
            criteria: vec!["impact".into(), "uncertainty".into()],
            anonymity: "leaders".into(),
            feedback: "after_answer".into(),
            min_answers: crate::domain::stats::CONSENSUS_MIN_ANSWERS.to_string(),
            ..Default::default()
        },
    };
    let previous = previous.map(|(round, _, _)| round);
    let views = picker::shown(&state, &ctx, &form).await?;
    form_page(&form, &FieldErrors::new(), previous.as_ref(), &views).render(&state, &ctx)
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    sent: PickForm<RoundForm>,
) -> Result<Response, AppError> {
    let user = ctx.require(can_run_rounds)?;
    let picked = sent.resolve(&state, &ctx).await?;
    let (form, views) = (&picked.form, &picked.views);
    let phases: Vec<&str> = state
        .programme
        .phases
        .iter()
        .map(|p| p.slug.as_str())
        .collect();
    let validated = form.validate(&phases, state.programme.time_zone);
    if picked.waits() {
        let errors = picked.errors_with(validated.err());
        return form_page(form, &errors, None, views).render(&state, &ctx);
    }
    let valid = match validated {
        Ok(valid) => valid,
        Err(errors) => return form_page(form, &errors, None, views).render(&state, &ctx),
    };
    match app::rounds::create(&state.db, user, &ctx.actor(), valid).await? {
        CreateOutcome::Created(id) => Ok(Redirect::to(&format!("/rounds/{id}")).into_response()),
        CreateOutcome::Invalid(errors) => {
            form_page(form, &errors, None, views).render(&state, &ctx)
        }
    }
}

fn edit_page(form: &RoundEditForm, errors: &FieldErrors, round: &Round) -> FormPage {
    FormPage::new("round_edit.html", form, errors).with(context! { round })
}

/// The form to change a round's title, description and dates.
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    ctx.require(can_run_rounds)?;
    let round = app::rounds::round(&state.db, id).await?;
    let tz = state.programme.time_zone;
    let local = |at: i64| {
        chrono::DateTime::from_timestamp(at, 0)
            .map(|d| to_local_input(d, tz))
            .unwrap_or_default()
    };
    let form = RoundEditForm {
        title: round.title.clone(),
        description: round.description.clone(),
        opens_at: local(round.opens_at),
        closes_at: local(round.closes_at),
    };
    edit_page(&form, &FieldErrors::new(), &round).render(&state, &ctx)
}

/// Changes a round: a followed round is not opened again, and what was typed comes back
/// with the error at its field.
pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<RoundEditForm>,
) -> Result<Response, AppError> {
    let user = ctx.require(can_run_rounds)?;
    let round = app::rounds::round(&state.db, id).await?;
    let valid = match form.validate(state.programme.time_zone) {
        Ok(valid) => valid,
        Err(errors) => return edit_page(&form, &errors, &round).render(&state, &ctx),
    };
    match app::rounds::edit(&state.db, user, &ctx.actor(), id, valid).await? {
        EditOutcome::Saved => Ok(Redirect::to(&format!("/rounds/{id}")).into_response()),
        EditOutcome::Invalid(errors) => edit_page(&form, &errors, &round).render(&state, &ctx),
    }
}

/// Closes an open round now.
pub async fn close(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let user = ctx.require(can_run_rounds)?;
    app::rounds::close(&state.db, user, &ctx.actor(), id).await?;
    Ok(Redirect::to(&format!("/rounds/{id}")).into_response())
}

async fn round_of(state: &AppState, ctx: &Ctx, id: i64) -> Result<Round, AppError> {
    ctx.user()?;
    Ok(app::rounds::round(&state.db, id).await?)
}

/// How the sheet is asked for: after a save, and with only the notes not yet rated.
#[derive(Deserialize, Default)]
pub struct SheetQuery {
    #[serde(default)]
    saved: Option<String>,
    #[serde(default)]
    show: Option<String>,
}

/// The value of `show` that keeps only the notes not yet rated.
const ONLY_UNRATED: &str = "unrated";

/// The rating page: the viewer's sheet as cards with the progress, with what they just
/// typed (and its errors) when it was refused.
async fn rating_page(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    typed: Option<BTreeMap<String, String>>,
    errors: &BTreeMap<String, &'static str>,
    status: StatusCode,
    query: SheetQuery,
) -> Result<Response, AppError> {
    let subject = ctx.subject()?;
    let sheet = app::rounds::sheet(&state.db, ctx.user()?, id).await?;
    let ids: Vec<i64> = sheet.notes.iter().map(|n| n.id).collect();
    let next_unrated = first_unrated(&ids, &sheet.rated);
    let only_unrated = query.show.as_deref() == Some(ONLY_UNRATED);
    let values = typed.unwrap_or(sheet.values);
    let page = state.render(
        ctx,
        "round.html",
        context! {
            values, errors, saved => query.saved.is_some(), only_unrated, next_unrated,
            progress => sheet.progress,
            cards => cards(sheet.notes, &sheet.rated, only_unrated),
            round => sheet.round, show_figures => sheet.show_figures,
            figures => sheet.figures, first_figures => sheet.first_figures,
            first_own => sheet.first_own,
            criteria => criterion_views(&sheet.round.criteria),
            state => sheet.state.key(),
            can_rate => can_rate(&subject) && sheet.state == RoundState::Open,
            can_run => can_run_rounds(&subject),
            can_follow => can_follow(sheet.state),
        },
    )?;
    Ok((status, page).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<SheetQuery>,
) -> Result<Response, AppError> {
    let errors = BTreeMap::new();
    rating_page(&state, &ctx, id, None, &errors, StatusCode::OK, query).await
}

/// Saves a strategist's answers, as many as were given: notes left unanswered keep
/// waiting, and notes not on the form (the sheet showed only those not yet rated) keep
/// their answers. A value off the scale, or any answer after the round has closed, is
/// refused and nothing is stored; what was typed comes back.
pub async fn rate(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let user = ctx.user()?;
    let typed: BTreeMap<String, String> = fields.iter().cloned().collect();
    let show = typed.get("show").filter(|s| *s == ONLY_UNRATED).cloned();
    let (errors, status) =
        match app::rounds::rate(&state.db, user, &ctx.actor(), id, fields).await? {
            RateOutcome::Saved => {
                let filter = show.map_or(String::new(), |s| format!("&show={s}"));
                let to = format!("/rounds/{id}?saved=1{filter}");
                return Ok(Redirect::to(&to).into_response());
            }
            RateOutcome::Invalid(errors) => (errors, StatusCode::UNPROCESSABLE_ENTITY),
            RateOutcome::Closed(errors) => (errors, StatusCode::CONFLICT),
        };
    let query = SheetQuery { saved: None, show };
    rating_page(&state, &ctx, id, Some(typed), &errors, status, query).await
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
    Ok(app::rounds::readable(&state.db, ctx.user()?, id).await?)
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
    let all = app::rounds::figures_of(&state.db, &round, organisation).await?;
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
                by => names.then(|| format!("{}, {}", person_name(ctx.lang, &r.user_name), r.organisation_name)),
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

/// The figures as CSV or XLSX: one row per note and criterion overall, then per
/// organisation.
pub async fn figures_table(
    State(state): State<AppState>,
    ctx: Ctx,
    format: Export,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (notes, groups) = app::rounds::figures_by_organisation(&state.db, ctx.user()?, id).await?;
    let t = |key: &str| crate::render::i18n::text(ctx.lang, key);
    let header: Vec<String> = FIGURES_HEADER.iter().map(|k| t(k)).collect();
    let title_of = |id: i64| notes.iter().find(|n| n.id == id).map(|n| n.title.clone());
    let mut rows = Vec::new();
    for (org, all) in groups {
        let name = org.map_or_else(|| t("csv-all-organisations"), |o| o.name);
        for f in all {
            let (title, s) = (title_of(f.note_id).unwrap_or_default(), &f.summary);
            let consensus = match s.consensus {
                Some(c) => t(if c { "yes" } else { "no" }),
                None if s.n > 0 => t("round-consensus-too-few"),
                None => String::new(),
            };
            rows.push(crate::cells![
                f.note_id,
                title,
                name.clone(),
                t(&format!("criterion-{}", f.criterion.key())),
                s.n,
                s.dont_know,
                s.median,
                s.q1,
                s.q3,
                s.iqr,
                s.mean.map(|m| (m * 100.0).round() / 100.0),
                consensus,
            ]);
        }
    }
    download(
        format,
        &Table::new(header, rows),
        &format!("round-{id}-figures"),
    )
}

/// The columns of the figures' CSV, as catalogue keys.
const FIGURES_HEADER: [&str; 12] = [
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
];

/// Every answer as CSV (process leaders): names only where the round's anonymity allows
/// process leaders to see them.
pub async fn ratings_table(
    State(state): State<AppState>,
    ctx: Ctx,
    format: Export,
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
    let t = |key: &str| crate::render::i18n::text(ctx.lang, key);
    let header: Vec<String> = RATINGS_HEADER.iter().map(|k| t(k)).collect();
    let tz = state.programme.time_zone;
    let rows: Vec<Vec<Cell>> = answers
        .iter()
        .map(|a| {
            let updated =
                chrono::DateTime::from_timestamp(a.updated_at, 0).map(|d| d.with_timezone(&tz));
            crate::cells![
                a.note_id,
                t(&format!("criterion-{}", a.criterion.key())),
                a.value.map_or_else(
                    || Cell::from(t("rating-dont-know")),
                    |v| Cell::from(i64::from(v))
                ),
                a.organisation_name.clone(),
                names.then(|| person_name(ctx.lang, &a.user_name)),
                updated,
            ]
        })
        .collect();
    download(
        format,
        &Table::new(header, rows),
        &format!("round-{id}-ratings"),
    )
}

/// The columns of the answers' CSV, as catalogue keys.
const RATINGS_HEADER: [&str; 6] = [
    "csv-note",
    "csv-criterion",
    "csv-value",
    "csv-organisation",
    "csv-person",
    "csv-updated",
];

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
pub(super) async fn chart_page(
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
    // Those who write scenario sets may make one from this map, where the programme has them.
    let make_set = !crate::domain::scenario::phases(&state.programme).is_empty()
        && ctx
            .subject()
            .is_ok_and(|s| crate::domain::scenario::can_write(&s));
    Ok(state
        .render(
            &ctx,
            "round_drivers.html",
            context! { round, view, query, organisations => orgs, state => when.key(), make_set },
        )?
        .into_response())
}

/// The distribution of each criterion's answers, ready to draw: geometry, figures, and
/// the scale's labels (the number over the scale's word, one line each).
pub(super) fn distribution_views(
    figures: Vec<app::rounds::CriterionFigures>,
    lang: crate::domain::lang::Lang,
) -> Vec<minijinja::Value> {
    figures
        .into_iter()
        .map(|f| {
            let geometry = chart::distribution(&f.summary, f.criterion.scale(), f.own);
            let points = f.criterion.points();
            let scale_labels: Vec<Vec<String>> = points
                .iter()
                .map(|p| {
                    let number = crate::render::format_number(lang, f64::from(*p));
                    let key = format!("scale-{}-{p}", f.criterion.key());
                    let word = crate::render::i18n::text(lang, &key);
                    // "3 – Måttlig": the number once, then the word alone.
                    let word = word
                        .split_once(" – ")
                        .map_or(word.as_str(), |(_, w)| w)
                        .to_string();
                    if word == key {
                        vec![number]
                    } else {
                        vec![number, word]
                    }
                })
                .collect();
            let by_organisation: Vec<minijinja::Value> = f
                .by_organisation
                .into_iter()
                .map(|(name, summary)| context! { name, summary })
                .collect();
            context! {
                kind => "distribution",
                criterion => f.criterion.key(), summary => f.summary, geometry, own => f.own,
                scale_labels, by_organisation, points,
            }
        })
        .collect()
}

/// One note in a round: the distribution of answers per criterion (the viewer's own
/// answer marked) and the figures per organisation.
pub async fn note_figures(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, note_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (round, note, figures) =
        app::rounds::note_figures(&state.db, ctx.user()?, id, note_id).await?;
    let charts = distribution_views(figures, ctx.lang);
    let when = round_state(round.opens_at, round.closes_at, state.clock.now_seconds());
    let values = context! { round, note, criteria_charts => charts, state => when.key() };
    Ok(state
        .render(&ctx, "round_note.html", values)?
        .into_response())
}
