//! Backcasting exported: every vision the viewer sees with its milestones, actions and
//! stress-test verdicts, as the JSON file documented in `domain::backcasting_reach`
//! (the table exports are made from the same records).

use std::collections::BTreeMap;

use super::{Result, subject};
use crate::domain::backcasting_reach::{
    ActionRecord, BackcastingFile, FORMAT, MilestoneRecord, OrganisationRef, VERSION,
    VerdictRecord, VisionRecord,
};
use crate::storage::Db;
use crate::storage::backcasting::{self as store, StressVerdict};
use crate::storage::users::User;

fn verdicts(by: &BTreeMap<i64, StressVerdict>) -> Vec<VerdictRecord> {
    by.values()
        .map(|v| VerdictRecord {
            scenario: v.scenario_id,
            verdict: v.verdict.key().to_string(),
            note: v.note.clone(),
        })
        .collect()
}

/// Every vision `viewer` (none: a visitor) sees, by phase and number.
pub async fn file(db: &Db, viewer: Option<&User>) -> Result<BackcastingFile> {
    let viewer = viewer.cloned();
    db.read(move |c| {
        let who = viewer.as_ref().map(subject);
        let mut visions = Vec::new();
        let mut all = store::all_visions(c)?;
        all.sort_by(|a, b| (&a.phase_slug, a.id).cmp(&(&b.phase_slug, b.id)));
        for v in all {
            if !super::backcasting::visible(who.as_ref(), &v) {
                continue;
            }
            let view = match super::backcasting::view_in(c, who.as_ref(), v.id) {
                Ok(view) => view,
                Err(super::Error::NotFound) => continue,
                Err(e) => return Ok(Err(e)),
            };
            let x = view.vision;
            visions.push(VisionRecord {
                id: x.id,
                phase: x.phase_slug.clone(),
                set: x.set_id,
                organisation: x.organisation_id.map(|id| OrganisationRef {
                    id,
                    name: x.organisation_name.clone().unwrap_or_default(),
                }),
                title: x.title.clone(),
                horizon: x.horizon,
                statement: x.statement.clone(),
                characteristics: x.characteristics.clone(),
                scenarios: x.scenarios.clone(),
                adopted_from: x.adopted_from,
                public: x.public,
                milestones: view
                    .milestones
                    .iter()
                    .map(|j| {
                        let m = &j.item;
                        MilestoneRecord {
                            id: m.id,
                            year: m.year,
                            title: m.title.clone(),
                            description: m.description.clone(),
                            level: m.level.clone(),
                            kind: m.kind.key().to_string(),
                            actor: m.actor.clone(),
                            depends_on: m.depends_on.clone(),
                            answers: m.answers.clone(),
                            verdicts: verdicts(&j.verdicts),
                            score: j.score,
                        }
                    })
                    .collect(),
                actions: view
                    .actions
                    .iter()
                    .map(|j| {
                        let a = &j.item;
                        ActionRecord {
                            id: a.id,
                            text: a.text.clone(),
                            organisation: OrganisationRef {
                                id: a.organisation_id,
                                name: a.organisation_name.clone(),
                            },
                            start: a.start.key().to_string(),
                            strategy: a.strategy.clone(),
                            status: a.status.key().to_string(),
                            milestones: a.milestones.clone(),
                            answers: a.answers.clone(),
                            verdicts: verdicts(&j.verdicts),
                            score: j.score,
                        }
                    })
                    .collect(),
            });
        }
        Ok(Ok(BackcastingFile {
            format: FORMAT.into(),
            version: VERSION,
            visions,
        }))
    })
    .await?
}
