//! The figures of the consequences: a set's heat table (levels × scenarios) over the
//! consequences that count and that the viewer sees, filtered by organisation, category
//! and theme; the list behind one cell; a region's profile beside everyone else's; the
//! landing page of the consequence phase's set; and the same figures as a published
//! text freezes them.

use std::collections::BTreeMap;
use std::sync::Arc;

use rusqlite::Connection;
use serde::Serialize;

use super::{Error, Result};
use crate::domain::assignment::SubmissionStatus;
use crate::domain::consequence::{self, Cell, Counted, heat_table};
use crate::domain::consequence_chart::{Column, HeatData, ProfileData};
use crate::domain::embed::Embedded;
use crate::domain::organisation::Category;
use crate::domain::programme::{Programme, Term};
use crate::domain::scenario;
use crate::storage::consequences::{self as store, Consequence};
use crate::storage::scenarios::{self, Scenario, Set};
use crate::storage::users::User;
use crate::storage::{self, Db, organisations, submissions};

use super::consequences::{of_set_in, published, set_of_phase};

/// Whose consequences the figures take.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Whose {
    /// Everyone's that count: the shared ones and the organisations' handed in.
    #[default]
    All,
    /// The shared ones from the workshop only.
    Shared,
    /// One organisation's.
    One(i64),
}

/// The filters of a heat table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Filters {
    pub whose: Whose,
    pub category: Option<Category>,
    pub theme: Option<String>,
}

impl Filters {
    /// Reads the filters as a query gives them: `organisation` (`shared` or a number),
    /// `category` (a key), `theme` (a slug of the programme). Anything unknown is no filter.
    pub fn read(
        programme: &Programme,
        organisation: Option<&str>,
        category: Option<&str>,
        theme: Option<&str>,
    ) -> Filters {
        let organisation = organisation.map(str::trim).unwrap_or("");
        let whose = match organisation {
            "shared" => Whose::Shared,
            o => o.parse().ok().map_or(Whose::All, Whose::One),
        };
        let theme = theme
            .map(str::trim)
            .filter(|t| programme.consequence_theme(t).is_some())
            .map(str::to_string);
        Filters {
            whose,
            category: category.map(str::trim).and_then(Category::parse),
            theme,
        }
    }

    /// Whether consequence `c` passes the filters.
    pub fn keeps(&self, c: &Consequence) -> bool {
        let whose = match self.whose {
            Whose::All => true,
            Whose::Shared => c.organisation_id.is_none(),
            Whose::One(o) => c.organisation_id == Some(o),
        };
        let category = self
            .category
            .is_none_or(|k| c.organisation_category.as_deref() == Some(k.key()));
        let theme = self
            .theme
            .as_ref()
            .is_none_or(|t| c.theme.as_deref() == Some(t.as_str()));
        whose && category && theme
    }

    /// The filters as a query string's pairs (empty ones left out), to carry them on to
    /// a cell's list and to the chart files.
    pub fn query(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        match self.whose {
            Whose::All => {}
            Whose::Shared => pairs.push(("organisation", "shared".to_string())),
            Whose::One(o) => pairs.push(("organisation", o.to_string())),
        }
        if let Some(k) = self.category {
            pairs.push(("category", k.key().to_string()));
        }
        if let Some(t) = &self.theme {
            pairs.push(("theme", t.clone()));
        }
        pairs
    }
}

/// A set's heat table as a viewer sees it.
#[derive(Debug, Clone, Serialize)]
pub struct Heat {
    pub set: Set,
    pub phase: String,
    pub data: HeatData,
    pub filters: Filters,
    /// The consequences the table counts, after the filters (not handed to a page,
    /// which shows the figures: a set holds thousands).
    #[serde(skip)]
    pub consequences: Vec<Consequence>,
    /// The organisations whose consequences count, by name: the filter's choices and the
    /// profiles to link to.
    pub organisations: Vec<(i64, String)>,
    pub themes: Vec<Term>,
}

/// The figures of `items` (those that count) over the set's scenarios and the
/// programme's levels.
fn figures(programme: &Programme, set: &Set, list: &[Scenario], items: &[Consequence]) -> HeatData {
    let levels: Vec<&str> = programme
        .consequence_levels
        .iter()
        .map(|t| t.slug.as_str())
        .collect();
    let ids: Vec<i64> = list.iter().map(|s| s.id).collect();
    let counted: Vec<Counted<'_>> = items.iter().filter_map(counted).collect();
    HeatData {
        set_id: set.id,
        title: set.title.clone(),
        published: published(set),
        scenarios: list
            .iter()
            .map(|s| Column {
                id: s.id,
                name: s.name.clone(),
            })
            .collect(),
        levels: programme.consequence_levels.clone(),
        rows: heat_table(&levels, &ids, &counted),
        total: counted.len(),
    }
}

fn counted(c: &Consequence) -> Option<Counted<'_>> {
    Some(Counted {
        scenario: c.scenario()?,
        level: &c.level,
        valence: c.valence,
        organisation: c.organisation_id,
    })
}

/// Whether a consequence counts in the figures.
fn counts(c: &Consequence) -> bool {
    consequence::counts(c.organisation_id, c.submission_status)
}

/// The organisations among `items`, by name.
fn organisations_of(items: &[Consequence]) -> Vec<(i64, String)> {
    let found: BTreeMap<i64, String> = items
        .iter()
        .filter_map(|c| Some((c.organisation_id?, c.organisation_name.clone()?)))
        .collect();
    let mut list: Vec<(i64, String)> = found.into_iter().collect();
    list.sort_by(|a, b| a.1.cmp(&b.1));
    list
}

/// [`heat`] on a connection the caller holds.
pub fn heat_in(
    c: &Connection,
    programme: &Programme,
    viewer: Option<&User>,
    set_id: i64,
    filters: Filters,
) -> Result<Heat> {
    let all = of_set_in(c, programme, viewer, set_id)?;
    if viewer.is_none() && !all.published {
        return Err(Error::NotFound);
    }
    let counting: Vec<Consequence> = all.consequences.into_iter().filter(counts).collect();
    let organisations = organisations_of(&counting);
    let consequences: Vec<Consequence> =
        counting.into_iter().filter(|x| filters.keeps(x)).collect();
    Ok(Heat {
        data: figures(programme, &all.set, &all.scenarios, &consequences),
        set: all.set,
        phase: all.phase,
        filters,
        consequences,
        organisations,
        themes: all.themes,
    })
}

/// Set `set_id`'s heat table as `viewer` (none: a visitor, who sees it only once the
/// set's consequences are published) sees it, with `filters`.
pub async fn heat(
    db: &Db,
    programme: &Arc<Programme>,
    viewer: Option<&User>,
    set_id: i64,
    filters: Filters,
) -> Result<Heat> {
    let (programme, viewer) = (programme.clone(), viewer.cloned());
    db.read(move |c| Ok(heat_in(c, &programme, viewer.as_ref(), set_id, filters)))
        .await?
}

/// One cell of a heat table with the consequences it counts.
#[derive(Debug, Clone, Serialize)]
pub struct CellList {
    pub heat: Heat,
    pub scenario: Scenario,
    pub level: Term,
    pub cell: Cell,
    pub items: Vec<Consequence>,
}

/// The consequences behind the cell of `scenario` and `level` of set `set_id`'s heat
/// table, with the same filters.
pub async fn cell(
    db: &Db,
    programme: &Arc<Programme>,
    viewer: Option<&User>,
    set_id: i64,
    (scenario, level): (i64, String),
    filters: Filters,
) -> Result<CellList> {
    let (programme, viewer) = (programme.clone(), viewer.cloned());
    db.read(move |c| {
        let heat = match heat_in(c, &programme, viewer.as_ref(), set_id, filters) {
            Ok(heat) => heat,
            Err(e) => return Ok(Err(e)),
        };
        let Some(term) = programme.consequence_level(&level).cloned() else {
            return Ok(Err(Error::NotFound));
        };
        let Some(found) = scenarios::get_scenario(c, scenario)?.filter(|s| s.set_id == set_id)
        else {
            return Ok(Err(Error::NotFound));
        };
        let cell = heat
            .data
            .rows
            .iter()
            .flat_map(|r| &r.cells)
            .find(|x| x.scenario == scenario && x.level == level)
            .cloned();
        let Some(cell) = cell else {
            return Ok(Err(Error::NotFound));
        };
        let items = heat
            .consequences
            .iter()
            .filter(|x| x.scenario() == Some(scenario) && x.level == level)
            .cloned()
            .collect();
        Ok(Ok(CellList {
            heat,
            scenario: found,
            level: term,
            cell,
            items,
        }))
    })
    .await?
}

/// The set a profile or the landing page shows by default: the set of the first
/// consequence phase.
fn default_set(c: &Connection, programme: &Programme) -> storage::Result<Option<Set>> {
    let Some(phase) = consequence::phases(programme).first().copied() else {
        return Ok(None);
    };
    Ok(set_of_phase(c, programme, phase)?.map(|(set, _)| set))
}

/// Whether organisation `organisation`'s submission of `phase` is accepted.
fn accepted(c: &Connection, phase: &str, organisation: i64) -> storage::Result<bool> {
    Ok(submissions::get(c, phase, organisation)?
        .is_some_and(|s| s.status == SubmissionStatus::Accepted))
}

/// A region's profile as `viewer` sees it: its own consequences that count beside
/// everyone else's (the shared ones and the other organisations'), of set `set` (by
/// default the consequence phase's). A visitor sees it once the set's consequences are
/// published and the organisation's submission is accepted.
pub async fn profile(
    db: &Db,
    programme: &Arc<Programme>,
    viewer: Option<&User>,
    organisation: i64,
    set: Option<i64>,
) -> Result<ProfileData> {
    let (programme, viewer) = (programme.clone(), viewer.cloned());
    db.read(move |c| {
        let Some(org) = organisations::get(c, organisation)? else {
            return Ok(Err(Error::NotFound));
        };
        let set_id = match set {
            Some(id) => id,
            None => match default_set(c, &programme)? {
                Some(s) => s.id,
                None => return Ok(Err(Error::NotFound)),
            },
        };
        let heat = match heat_in(c, &programme, viewer.as_ref(), set_id, Filters::default()) {
            Ok(heat) => heat,
            Err(e) => return Ok(Err(e)),
        };
        let is_accepted = accepted(c, &heat.phase, organisation)?;
        if viewer.is_none() && !is_accepted {
            return Ok(Err(Error::NotFound));
        }
        Ok(Ok(profile_of(
            &programme,
            &heat.data,
            &heat.consequences,
            (org.id, org.name),
            is_accepted,
        )))
    })
    .await?
}

fn profile_of(
    programme: &Programme,
    data: &HeatData,
    items: &[Consequence],
    (id, name): (i64, String),
    accepted: bool,
) -> ProfileData {
    let levels: Vec<&str> = programme
        .consequence_levels
        .iter()
        .map(|t| t.slug.as_str())
        .collect();
    let ids: Vec<i64> = data.scenarios.iter().map(|s| s.id).collect();
    let counted: Vec<Counted<'_>> = items.iter().filter_map(counted).collect();
    ProfileData {
        organisation_id: id,
        organisation_name: name,
        accepted,
        heat: data.clone(),
        profile: consequence::profile(id, &levels, &ids, &counted),
    }
}

/// The landing page: the consequence phase's set (when there is one the viewer sees,
/// and for a visitor once its consequences are published) with its heat table.
#[derive(Debug, Clone, Serialize)]
pub struct Landing {
    pub phase: Option<String>,
    /// Whether the phase has a set at all (a visitor is not told of one not published).
    pub has_set: bool,
    pub heat: Option<Heat>,
}

/// The landing page as `viewer` sees it.
pub async fn landing(
    db: &Db,
    programme: &Arc<Programme>,
    viewer: Option<&User>,
) -> Result<Landing> {
    let (programme, viewer) = (programme.clone(), viewer.cloned());
    db.read(move |c| {
        let phase = consequence::phases(&programme)
            .first()
            .map(|p| p.to_string());
        let set = default_set(c, &programme)?;
        let s = viewer.as_ref().map(super::subject);
        let seen = set.filter(|set| {
            scenario::can_see(s.as_ref(), set.status, set.public)
                && (viewer.is_some() || published(set))
        });
        let heat = match seen {
            Some(set) => {
                match heat_in(c, &programme, viewer.as_ref(), set.id, Filters::default()) {
                    Ok(heat) => Some(heat),
                    Err(Error::NotFound) => None,
                    Err(e) => return Ok(Err(e)),
                }
            }
            None => None,
        };
        Ok(Ok(Landing {
            phase,
            has_set: heat.is_some(),
            heat,
        }))
    })
    .await?
}

/// What a visitor would see of `set`'s consequences were they published: the shared
/// ones and those of organisations whose submission is accepted.
fn public_items(c: &Connection, set: &Set) -> storage::Result<Vec<Consequence>> {
    Ok(store::of_set(c, set.id)?
        .into_iter()
        .filter(|x| {
            consequence::can_see(None, x.centre, true, x.organisation_id, x.submission_status)
        })
        .filter(counts)
        .collect())
}

/// `[[consequences:SET]]` as a published text would show it now: the heat table of what
/// a visitor sees once the set's consequences are published (refused until they are).
pub fn heat_embed(c: &Connection, programme: &Programme, set_id: i64) -> storage::Result<Embedded> {
    let Some(set) = scenarios::get_set(c, set_id)? else {
        return Ok(Embedded::Missing);
    };
    if super::consequences::phase_of_set(programme, &set).is_none() {
        return Ok(Embedded::Missing);
    }
    let list = scenarios::scenarios(c, set_id)?;
    let items = public_items(c, &set)?;
    Ok(Embedded::Consequences(figures(
        programme, &set, &list, &items,
    )))
}

/// `[[region-consequences:ORG]]` as a published text would show it now: the region's
/// profile of the consequence phase's set, of what a visitor sees (refused until the
/// set's consequences are published and the region's submission is accepted).
pub fn profile_embed(
    c: &Connection,
    programme: &Programme,
    organisation: i64,
) -> storage::Result<Embedded> {
    let Some(org) = organisations::get(c, organisation)? else {
        return Ok(Embedded::Missing);
    };
    let Some(set) = default_set(c, programme)? else {
        return Ok(Embedded::Missing);
    };
    let Some(phase) = super::consequences::phase_of_set(programme, &set) else {
        return Ok(Embedded::Missing);
    };
    let list = scenarios::scenarios(c, set.id)?;
    let items = public_items(c, &set)?;
    let data = figures(programme, &set, &list, &items);
    let is_accepted = accepted(c, phase, organisation)?;
    Ok(Embedded::RegionConsequences(profile_of(
        programme,
        &data,
        &items,
        (org.id, org.name),
        is_accepted,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn programme() -> Programme {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("phases/regionerna-2050");
        Programme::load_dir(&dir).expect("the programme loads")
    }

    #[test]
    fn filters_read_what_they_know_and_travel_as_a_query() {
        let p = programme();
        let f = Filters::read(&p, Some("shared"), Some("region"), Some("boende"));
        assert_eq!(f.whose, Whose::Shared);
        assert_eq!(f.category, Some(Category::Region));
        assert_eq!(
            f.query(),
            [
                ("organisation", "shared".to_string()),
                ("category", "region".to_string()),
                ("theme", "boende".to_string())
            ]
        );
        let none = Filters::read(&p, Some("x"), Some("planet"), Some("rymden"));
        assert_eq!(none, Filters::default());
        assert_eq!(
            Filters::read(&p, Some("7"), None, None).whose,
            Whose::One(7)
        );
    }
}
