//! The futures wheel of a scenario or a bank note: the shared consequences, or those
//! with one organisation's own beside them, of what the viewer sees (the rules of
//! [`super::consequences`]); and the wheel a text embeds, frozen when it is published.

use std::collections::BTreeMap;
use std::sync::Arc;

use rusqlite::Connection;

use super::Result;
use super::consequences::{CentreView, of_centre_in, phase_of_set, published};
use crate::domain::consequence::Centre;
use crate::domain::embed::Embedded;
use crate::domain::futures_wheel::{WheelCentre, WheelData, WheelItem};
use crate::domain::programme::Programme;
use crate::storage::consequences::{self as store, Consequence};
use crate::storage::users::User;
use crate::storage::{self, Db, scenarios};

/// A consequence as the wheel shows it.
fn item(programme: &Programme, c: &Consequence) -> WheelItem {
    WheelItem {
        id: c.id,
        parent: c.parent_id,
        text: c.text.clone(),
        level: c.level.clone(),
        level_name: programme
            .consequence_level(&c.level)
            .map(|t| t.name.clone()),
        valence: c.valence,
        organisation: c.organisation_name.clone(),
    }
}

/// The wheel of `centre` as `viewer` (none: a visitor) sees it: the shared consequences,
/// and with `organisation` that organisation's own beside them when the viewer sees them.
pub async fn wheel(
    db: &Db,
    programme: &Arc<Programme>,
    viewer: Option<&User>,
    centre: Centre,
    organisation: Option<i64>,
) -> Result<WheelData> {
    let (programme, viewer) = (programme.clone(), viewer.cloned());
    db.read(move |c| {
        Ok(wheel_in(
            c,
            &programme,
            viewer.as_ref(),
            centre,
            organisation,
        ))
    })
    .await?
}

/// [`wheel`] on a connection the caller holds.
pub fn wheel_in(
    c: &Connection,
    programme: &Programme,
    viewer: Option<&User>,
    centre: Centre,
    organisation: Option<i64>,
) -> Result<WheelData> {
    let all = of_centre_in(c, programme, viewer, centre)?;
    let organisations: Vec<(i64, String)> = all
        .consequences
        .iter()
        .filter_map(|x| Some((x.organisation_id?, x.organisation_name.clone()?)))
        .collect::<BTreeMap<i64, String>>()
        .into_iter()
        .collect();
    let chosen = organisation.and_then(|o| organisations.iter().find(|x| x.0 == o).cloned());
    let items = all
        .consequences
        .iter()
        .filter(|x| {
            x.organisation_id.is_none() || x.organisation_id == chosen.as_ref().map(|o| o.0)
        })
        .map(|x| item(programme, x))
        .collect();
    let (centre, public) = match all.centre {
        CentreView::Scenario { scenario, set } => (
            WheelCentre {
                kind: "scenario".into(),
                id: scenario.id,
                title: scenario.name.clone(),
                set_id: Some(set.id),
                set_title: Some(set.title.clone()),
            },
            published(&set),
        ),
        CentreView::Note { id, title } => (
            WheelCentre {
                kind: "note".into(),
                id,
                title,
                set_id: None,
                set_title: None,
            },
            false,
        ),
    };
    Ok(WheelData {
        centre,
        organisation: chosen,
        organisations,
        items,
        public,
    })
}

/// The wheel of scenario `id` as a text embeds it: its shared consequences, whether or
/// not a visitor may see them yet (the text may not be published until they may). None
/// such scenario, or one outside the consequence phases: missing.
pub fn embedded(c: &Connection, programme: &Programme, id: i64) -> storage::Result<Embedded> {
    let Some(scenario) = scenarios::get_scenario(c, id)? else {
        return Ok(Embedded::Missing);
    };
    let Some(set) = scenarios::get_set(c, scenario.set_id)? else {
        return Ok(Embedded::Missing);
    };
    if phase_of_set(programme, &set).is_none() {
        return Ok(Embedded::Missing);
    }
    let items = store::of_centre(c, Centre::Scenario(id))?
        .iter()
        .filter(|x| x.organisation_id.is_none())
        .map(|x| item(programme, x))
        .collect();
    Ok(Embedded::FuturesWheel(WheelData {
        centre: WheelCentre {
            kind: "scenario".into(),
            id,
            title: scenario.name,
            set_id: Some(set.id),
            set_title: Some(set.title.clone()),
        },
        organisation: None,
        organisations: Vec::new(),
        items,
        public: published(&set),
    }))
}
