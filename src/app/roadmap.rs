//! A region's roadmap: an organisation's own vision of the backcasting phase with its
//! milestones and actions beside the workshop's shared vision (the one it adopted, or
//! else the phase's first), as far as the viewer sees them (as for the visions).

use chrono::Datelike;
use serde::Serialize;

use super::backcasting::{VisionView, of_phase_in, view_in};
use super::{Error, Result, subject};
use crate::domain::backcasting;
use crate::domain::programme::Programme;
use crate::domain::roadmap_chart::{self, ACTIONS, Group, Item};
use crate::storage::backcasting as store;
use crate::storage::users::User;
use crate::storage::{Db, organisations};

/// The roadmap of one organisation.
#[derive(Debug, Clone, Serialize)]
pub struct Roadmap {
    pub organisation_id: i64,
    pub organisation_name: String,
    pub phase: String,
    /// The organisation's own vision, if the viewer sees it.
    pub own: Option<VisionView>,
    /// The shared vision beside it, if the viewer sees one.
    pub shared: Option<VisionView>,
    /// The year it is now, on the programme's clock.
    pub now_year: i32,
}

impl Roadmap {
    /// The chart's groups: own first, then shared; an action at the latest year it
    /// starts.
    pub fn groups(&self) -> Vec<Group> {
        let group = |key: &'static str, v: &VisionView| Group {
            key,
            horizon: v.vision.horizon,
            items: v
                .milestones
                .iter()
                .map(|m| Item {
                    id: m.item.id,
                    kind: "milestone",
                    year: m.item.year,
                    lane: m.item.level.clone(),
                })
                .chain(v.actions.iter().map(|a| Item {
                    id: a.item.id,
                    kind: "action",
                    year: self.now_year + a.item.start.years(),
                    lane: ACTIONS.to_string(),
                }))
                .collect(),
        };
        let mut out = Vec::new();
        if let Some(v) = &self.own {
            out.push(group("own", v));
        }
        if let Some(v) = &self.shared {
            out.push(group("shared", v));
        }
        out
    }

    /// The chart's geometry over the programme's levels.
    pub fn chart(&self, programme: &Programme) -> roadmap_chart::Roadmap {
        let levels: Vec<String> = programme
            .consequence_levels
            .iter()
            .map(|l| l.slug.clone())
            .collect();
        roadmap_chart::layout(self.now_year, &levels, &self.groups())
    }
}

/// Organisation `id`'s roadmap as `viewer` sees it (none: a visitor). Not found for an
/// unknown organisation or a programme without a backcasting phase.
pub async fn roadmap(
    db: &Db,
    programme: &Programme,
    viewer: Option<&User>,
    id: i64,
) -> Result<Roadmap> {
    let phase = backcasting::phases(programme)
        .first()
        .map(|p| p.to_string())
        .ok_or(Error::NotFound)?;
    let tz = programme.time_zone;
    let now_year = db.clock().now().with_timezone(&tz).year();
    let viewer = viewer.cloned();
    db.read(move |c| {
        let Some(org) = organisations::get(c, id)? else {
            return Ok(Err(Error::NotFound));
        };
        let s = viewer.as_ref().map(subject);
        let seen = |vision: i64| match view_in(c, s.as_ref(), vision) {
            Ok(v) => Ok(Some(v)),
            Err(Error::NotFound) => Ok(None),
            Err(e) => Err(e),
        };
        let own_vision = store::own_vision(c, id, &phase)?;
        let own = match &own_vision {
            Some(v) => match seen(v.id) {
                Ok(found) => found,
                Err(e) => return Ok(Err(e)),
            },
            None => None,
        };
        let shared_list: Vec<_> = of_phase_in(c, s.as_ref(), &phase)?
            .into_iter()
            .filter(|v| v.organisation_id.is_none())
            .collect();
        let adopted = own_vision.as_ref().and_then(|v| v.adopted_from);
        let pick = shared_list
            .iter()
            .find(|v| Some(v.id) == adopted)
            .or(shared_list.first());
        let shared = match pick {
            Some(v) => match seen(v.id) {
                Ok(found) => found,
                Err(e) => return Ok(Err(e)),
            },
            None => None,
        };
        Ok(Ok(Roadmap {
            organisation_id: org.id,
            organisation_name: org.name,
            phase,
            own,
            shared,
            now_year,
        }))
    })
    .await?
}
