//! What a scenario set's charts are drawn from: the set and its scenarios with the notes
//! they name, and every organisation's assessment (the home assignment's part
//! `scenario_rating`) with its figures. Read for the chart pages and their files, and
//! gathered for an editorial text that embeds them.

use std::collections::BTreeMap;

use rusqlite::Connection;

use super::{Error, Result, subject};
use crate::domain::access::Subject;
use crate::domain::assignment::SubmissionStatus;
use crate::domain::bank::can_see_note;
use crate::domain::scenario::{Assessed, Method, ScenarioAssessment, figures};
use crate::domain::scenario_chart::{
    AssessedShown, AssessmentData, AxisShown, Chosen, MeasureShown, NoteShown, ScenarioShown,
    SetCharts, can_see_figures, figure,
};
use crate::storage::scenarios::{Scenario, Set};
use crate::storage::users::User;
use crate::storage::{self, Db, bank, organisations, submissions};

/// The part of a submission that holds the assessment.
pub const PART: &str = "scenario_rating";

/// One organisation's assessment of a set, as the figures count it.
#[derive(Debug, Clone)]
pub struct Counted {
    pub organisation_id: i64,
    pub name: String,
    pub category: Option<String>,
    pub assessment: ScenarioAssessment,
}

/// The assessments of `set` that count: as the trend ranking's heatmap counts them, those
/// handed in (submitted or accepted) in the set's phase, of this set. By organisation
/// name.
pub fn counted(c: &Connection, set: &Set) -> storage::Result<Vec<Counted>> {
    let categories: BTreeMap<i64, String> = organisations::all(c)?
        .into_iter()
        .map(|o| (o.id, o.category.key().to_string()))
        .collect();
    Ok(submissions::of_phase(c, &set.phase_slug)?
        .into_iter()
        .filter(|s| {
            matches!(
                s.status,
                SubmissionStatus::Submitted | SubmissionStatus::Accepted
            )
        })
        .filter_map(|s| {
            let assessment: ScenarioAssessment = s
                .parts
                .get(PART)
                .and_then(|v| serde_json::from_value(v.clone()).ok())?;
            (assessment.set == set.id).then(|| Counted {
                organisation_id: s.organisation_id,
                category: categories.get(&s.organisation_id).cloned(),
                name: s.organisation_name,
                assessment,
            })
        })
        .collect())
}

/// The notes of `ids` as a set shows them: with their titles, and whether a visitor may
/// see them. A visitor is not told the title of a note they may not see.
fn notes(c: &Connection, ids: &[i64], visitor: bool) -> storage::Result<BTreeMap<i64, NoteShown>> {
    Ok(bank::briefs(c, ids)?
        .into_iter()
        .map(|b| {
            let public = can_see_note(None, b.status, b.organisation_id, b.public);
            let title = if visitor && !public {
                String::new()
            } else {
                b.title
            };
            (
                b.id,
                NoteShown {
                    id: b.id,
                    title,
                    public,
                },
            )
        })
        .collect())
}

/// A set's cross and comparison; `choices` adds who chose each scenario as most
/// interesting; `visitor` leaves out the titles of notes a visitor may not see.
pub fn set_charts(
    c: &Connection,
    set: &Set,
    list: &[Scenario],
    choices: bool,
    visitor: bool,
) -> storage::Result<SetCharts> {
    let found = notes(c, &set.chosen(), visitor)?;
    let shown = |id: i64| {
        found.get(&id).cloned().unwrap_or(NoteShown {
            id,
            title: String::new(),
            public: false,
        })
    };
    let chosen = if choices {
        let all = counted(c, set)?;
        Some(
            list.iter()
                .map(|s| Chosen {
                    scenario: s.id,
                    by: all
                        .iter()
                        .filter(|a| a.assessment.most.contains(&s.id))
                        .map(|a| a.name.clone())
                        .collect(),
                })
                .collect(),
        )
    } else {
        None
    };
    Ok(SetCharts {
        set_id: set.id,
        title: set.title.clone(),
        method: set.method,
        status: set.status,
        public: set.public,
        axes: set
            .axes
            .iter()
            .map(|a| AxisShown {
                note: shown(a.note),
                low: a.low.clone(),
                high: a.high.clone(),
            })
            .collect(),
        predetermined: set.predetermined.iter().map(|&id| shown(id)).collect(),
        scenarios: list
            .iter()
            .map(|s| ScenarioShown {
                id: s.id,
                quadrant: s.quadrant,
                name: s.name.clone(),
                tagline: s.tagline.clone(),
                characteristics: s.characteristics.clone(),
                driver_states: s.driver_states.clone(),
            })
            .collect(),
        chosen,
    })
}

/// A set's assessment: the figures of every organisation's (or of `organisation`'s
/// alone) per scenario and measure, overall and per organisation category, and who
/// chose each scenario. `None` when `organisation` has no assessment that counts.
pub fn assessment_data(
    c: &Connection,
    set: &Set,
    list: &[Scenario],
    organisation: Option<i64>,
) -> storage::Result<Option<AssessmentData>> {
    let all = counted(c, set)?;
    let counted_names: Vec<(i64, String)> = all
        .iter()
        .map(|a| (a.organisation_id, a.name.clone()))
        .collect();
    let chosen_org = match organisation {
        Some(id) => match counted_names.iter().find(|(o, _)| *o == id) {
            Some(found) => Some(found.clone()),
            None => return Ok(None),
        },
        None => None,
    };
    let assessed: Vec<Assessed<'_>> = all
        .iter()
        .filter(|a| organisation.is_none_or(|o| o == a.organisation_id))
        .map(|a| Assessed {
            organisation_id: a.organisation_id,
            organisation_name: a.name.clone(),
            category: a.category.clone(),
            assessment: &a.assessment,
        })
        .collect();
    let ids: Vec<i64> = list.iter().map(|s| s.id).collect();
    let rows = figures(&ids, &assessed)
        .into_iter()
        .zip(list)
        .map(|(f, s)| AssessedShown {
            scenario: s.id,
            name: s.name.clone(),
            measures: f
                .measures
                .iter()
                .map(|m| MeasureShown {
                    measure: m.measure,
                    overall: figure(&m.overall),
                    by_category: m
                        .by_category
                        .iter()
                        .map(|(k, v)| (k.clone(), figure(v)))
                        .collect(),
                })
                .collect(),
            chosen_by: f.chosen_by,
        })
        .collect();
    Ok(Some(AssessmentData {
        set_id: set.id,
        title: set.title.clone(),
        method: set.method,
        status: set.status,
        public: set.public,
        organisation: chosen_org,
        counted: counted_names,
        rows,
    }))
}

/// Set `id`'s cross and comparison as `viewer` may see them (none is a visitor): the
/// markers of the cross only for one who may see the assessment.
pub async fn charts(db: &Db, viewer: Option<&User>, id: i64) -> Result<SetCharts> {
    let (set, list) = super::scenarios::set(db, viewer, id).await?;
    let who: Option<Subject> = viewer.map(subject);
    let choices = can_see_figures(who.as_ref(), set.status, set.public);
    let visitor = viewer.is_none();
    Ok(db
        .read(move |c| set_charts(c, &set, &list, choices, visitor))
        .await?)
}

/// Set `id`'s cross: only a set of two axes has one.
pub async fn cross(db: &Db, viewer: Option<&User>, id: i64) -> Result<SetCharts> {
    let charts = charts(db, viewer, id).await?;
    if charts.method == Method::TwoAxes && charts.axes.len() == 2 {
        Ok(charts)
    } else {
        Err(Error::NotFound)
    }
}

/// Set `id`'s assessment as `viewer` may see it: everyone's, or one organisation's
/// (members only). A member who may see the set but not yet its assessment is told
/// why; to a visitor it is not there.
pub async fn assessment(
    db: &Db,
    viewer: Option<&User>,
    id: i64,
    organisation: Option<i64>,
) -> Result<AssessmentData> {
    let (set, list) = super::scenarios::set(db, viewer, id).await?;
    let who: Option<Subject> = viewer.map(subject);
    if !can_see_figures(who.as_ref(), set.status, set.public) {
        return Err(match viewer {
            Some(_) => Error::Refused("scenario-chart-figures-later"),
            None => Error::NotFound,
        });
    }
    if viewer.is_none() && organisation.is_some() {
        return Err(Error::NotFound);
    }
    db.read(move |c| assessment_data(c, &set, &list, organisation))
        .await?
        .ok_or(Error::NotFound)
}
