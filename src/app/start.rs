//! The start page: what waits for one person today, by each of their roles, gathered
//! in a few reads. Sections stack from the most pressing role's work: the process
//! leader's, the strategist's, the editor's, the administrator's, then what everyone
//! sees (the programme's next events and latest publication).

use std::sync::Arc;

use serde::Serialize;

use crate::app::{self, phases, progress as progress_app};
use crate::domain::lang::Localized;
use crate::domain::programme::Programme;
use crate::domain::progress::Standing;
use crate::domain::progress::{Due, round_closing_soon};
use crate::domain::publication::PublicationStatus;
use crate::domain::schedule::local_today;
use crate::domain::start::{Share, output_due, tally};
use crate::domain::user::Role;
use crate::storage::Db;
use crate::storage::audit::{self, AuditEntry};
use crate::storage::events::{self, Event, EventFilter};
use crate::storage::progress::{self, Submitted, Waiting};
use crate::storage::publications::{self, Publication};
use crate::storage::start::{
    self as queries, OpenRound, OrganisationEvent, ToRate, WithoutPassword,
};
use crate::storage::users::User;

/// How many of its next events a strategist's organisation shows.
pub const ORGANISATION_EVENTS: i64 = 5;
/// How many of the programme's next events everyone sees.
pub const PROGRAMME_EVENTS: i64 = 2;
/// How many of the latest audit entries an administrator sees.
pub const AUDIT_ENTRIES: i64 = 5;

/// A phase's title beside its slug, for a line naming the phase.
#[derive(Debug, Clone, Serialize)]
pub struct PhaseRef {
    pub slug: String,
    pub title: Localized,
}

/// A home assignment handed in, with its phase's title.
#[derive(Debug, Clone, Serialize)]
pub struct ToReview {
    pub phase: PhaseRef,
    #[serde(flatten)]
    pub submitted: Submitted,
}

/// The active phase at a glance: how many organisations stand each way.
#[derive(Debug, Clone, Serialize)]
pub struct Glance {
    pub phase: PhaseRef,
    pub organisations: usize,
    pub shares: Vec<Share>,
}

/// What waits for a process leader.
#[derive(Debug, Clone, Serialize)]
pub struct Leader {
    /// Home assignments handed in, the longest waiting first.
    pub to_review: Vec<ToReview>,
    pub proposals: Vec<Waiting>,
    pub inputs: i64,
    /// Open rounds closing within three days, then the other open rounds.
    pub closing: Vec<OpenRound>,
    pub open: Vec<OpenRound>,
    /// None between phases (before the first, after the last).
    pub glance: Option<Glance>,
}

/// A home assignment the organisation owes.
#[derive(Debug, Clone, Serialize)]
pub struct Owed {
    pub phase: PhaseRef,
    #[serde(flatten)]
    pub due: Due,
}

/// What waits for a strategist and their organisation.
#[derive(Debug, Clone, Serialize)]
pub struct Strategist {
    pub owed: Vec<Owed>,
    pub events: Vec<OrganisationEvent>,
    pub to_rate: Vec<ToRate>,
}

/// An editorial output the programme expects and nobody has published yet.
#[derive(Debug, Clone, Serialize)]
pub struct OutputDue {
    pub phase: PhaseRef,
    pub slug: String,
    pub title: Localized,
    pub due: chrono::NaiveDate,
    pub overdue: bool,
    /// The text written for it so far (the latest), and where it stands.
    pub text: Option<i64>,
    pub status: Option<PublicationStatus>,
}

/// What waits for an editor.
#[derive(Debug, Clone, Serialize)]
pub struct Editor {
    /// Texts in review that someone else last wrote.
    pub texts: Vec<Waiting>,
    pub outputs: Vec<OutputDue>,
    /// Inputs to moderate; none when the process leader's section already shows them.
    pub inputs: Option<i64>,
}

/// What waits for an administrator.
#[derive(Debug, Clone, Serialize)]
pub struct Admin {
    pub without_password: Vec<WithoutPassword>,
    pub audit: Vec<AuditEntry>,
}

/// What everyone signed in sees.
#[derive(Debug, Clone, Serialize)]
pub struct Everyone {
    pub events: Vec<Event>,
    pub publication: Option<Publication>,
}

/// One person's start page: a part per role they hold.
#[derive(Debug, Clone, Serialize)]
pub struct Start {
    pub leader: Option<Leader>,
    pub strategist: Option<Strategist>,
    pub editor: Option<Editor>,
    pub admin: Option<Admin>,
    pub everyone: Everyone,
}

fn phase_ref(programme: &Programme, slug: &str) -> PhaseRef {
    let title = programme
        .phases
        .iter()
        .find(|p| p.slug == slug)
        .map(|p| p.title.clone())
        .unwrap_or_else(|| Localized {
            sv: Some(slug.to_string()),
            ..Default::default()
        });
    PhaseRef {
        slug: slug.to_string(),
        title,
    }
}

/// The editorial outputs due on `today` that are not published, in phase order.
fn outputs_due(
    programme: &Programme,
    texts: &[queries::OutputText],
    today: chrono::NaiveDate,
) -> Vec<OutputDue> {
    let mut due = Vec::new();
    for phase in &programme.phases {
        let Some(editorial) = phase.editorial() else {
            continue;
        };
        if !output_due(phase.ends, editorial.due, today) {
            continue;
        }
        for output in &editorial.outputs {
            let written: Vec<_> = texts
                .iter()
                .filter(|t| t.phase_slug == phase.slug && t.output_slug == output.slug)
                .collect();
            if written
                .iter()
                .any(|t| t.status == PublicationStatus::Published)
            {
                continue;
            }
            let latest = written.last();
            due.push(OutputDue {
                phase: phase_ref(programme, &phase.slug),
                slug: output.slug.clone(),
                title: output.title.clone(),
                due: editorial.due,
                overdue: today > editorial.due,
                text: latest.map(|t| t.id),
                status: latest.map(|t| t.status),
            });
        }
    }
    due
}

/// Gathers `user`'s start page: the active phase, one read for the lists, and (for a
/// strategist) their organisation's progress.
pub async fn start(db: &Db, programme: &Arc<Programme>, user: &User) -> app::Result<Start> {
    let is_leader = user.has(Role::ProcessLeader);
    let is_strategist = user.has(Role::Strategist);
    let is_editor = user.has(Role::Editor);
    let is_admin = user.has(Role::Administrator);
    let active = if is_leader {
        phases::active(db, programme).await?.slug
    } else {
        None
    };
    let now = db.clock().now_seconds();
    let today = local_today(db.clock().now(), programme.time_zone);
    let owed = if is_strategist {
        progress_app::of_organisation(db, programme, user.organisation_id)
            .await?
            .map(|(_, due)| due)
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let (user_id, organisation_id) = (user.id, user.organisation_id);
    let reader = programme.clone();
    let (leader, strategist, editor, admin, everyone) = db
        .read(move |c| {
            let programme = &reader;
            let inputs = if is_leader || is_editor {
                progress::inputs_to_moderate(c)?
            } else {
                0
            };
            let leader = if is_leader {
                let (closing, open) = queries::open_rounds(c, now)?
                    .into_iter()
                    .partition(|r| round_closing_soon(r.opens_at, r.closes_at, now));
                let glance = match active
                    .as_deref()
                    .and_then(|slug| programme.phases.iter().position(|p| p.slug == slug))
                {
                    Some(index) => {
                        let phase = &programme.phases[index];
                        let rows = progress_app::rows(c, programme, now, None)?;
                        Some(Glance {
                            phase: phase_ref(programme, &phase.slug),
                            organisations: rows.len(),
                            shares: tally(
                                rows.iter().map(|(_, cells)| Standing::of(&cells[index])),
                            ),
                        })
                    }
                    None => None,
                };
                Some(Leader {
                    to_review: progress::submitted_for_review(c)?
                        .into_iter()
                        .map(|s| ToReview {
                            phase: phase_ref(programme, &s.phase_slug),
                            submitted: s,
                        })
                        .collect(),
                    proposals: progress::proposals(c)?,
                    inputs,
                    closing,
                    open,
                    glance,
                })
            } else {
                None
            };
            let strategist = if is_strategist {
                Some(Strategist {
                    owed: Vec::new(),
                    events: queries::next_events_of_organisation(
                        c,
                        organisation_id,
                        now,
                        ORGANISATION_EVENTS,
                    )?,
                    to_rate: queries::rounds_to_rate(c, user_id, now)?,
                })
            } else {
                None
            };
            let editor = if is_editor {
                Some(Editor {
                    texts: progress::texts_in_review(c, user_id)?,
                    outputs: outputs_due(programme, &queries::output_texts(c)?, today),
                    inputs: (!is_leader).then_some(inputs),
                })
            } else {
                None
            };
            let admin = if is_admin {
                Some(Admin {
                    without_password: queries::without_password(c)?,
                    audit: audit::page(c, AUDIT_ENTRIES, 0)?,
                })
            } else {
                None
            };
            let filter = EventFilter {
                from: Some(now),
                members: true,
                statuses: vec![crate::domain::event::EventStatus::Published],
                limit: PROGRAMME_EVENTS,
                ..Default::default()
            };
            let everyone = Everyone {
                events: events::list(c, &filter)?,
                publication: publications::public(c, now, 1)?.into_iter().next(),
            };
            Ok((leader, strategist, editor, admin, everyone))
        })
        .await?;
    let strategist = strategist.map(|mut s| {
        s.owed = owed
            .into_iter()
            .map(|due| Owed {
                phase: phase_ref(programme, &due.phase_slug),
                due,
            })
            .collect();
        s
    });
    Ok(Start {
        leader,
        strategist,
        editor,
        admin,
        everyone,
    })
}
