//! Demo data: fills a database with the organisations and people of the programme's
//! `demo.toml`, all with one known password, so a newcomer can click through a
//! populated workspace. Running it again adds only what is missing.

use std::path::Path;

use serde::Deserialize;

use chrono::{NaiveTime, TimeZone, Utc};

use crate::domain::credentials::hash_password;
use crate::domain::event::{Audience, EventKind, EventStatus, Mode, ValidEvent};
use crate::domain::organisation::OrganisationForm;
use crate::domain::programme::{ActivityKind, Programme};
use crate::domain::user::{Email, Role};
use crate::storage::audit::Actor;
use crate::storage::{Db, audit, events, organisations, overrides, users};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoFile {
    pub password: String,
    pub organisations: Vec<OrganisationForm>,
    pub users: Vec<DemoUser>,
    /// A phase to mark active, as a process leader would, so the demo shows a running programme.
    #[serde(default)]
    pub active_phase: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoUser {
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub roles: Vec<Role>,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct DemoReport {
    pub organisations_added: usize,
    pub users_added: usize,
    pub events_added: usize,
}

pub fn read_demo_file(path: &Path) -> anyhow::Result<DemoFile> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("{}: cannot be read: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

/// Loads the demo data into `db` (blocking; for the CLI and tests).
/// The programme's shared events (from its phase files) as scheduled, published events.
fn programme_events(programme: &Programme) -> Vec<ValidEvent> {
    let tz = programme.time_zone;
    let lang = programme.default_language;
    let at = |date: chrono::NaiveDate, time: Option<NaiveTime>, default: u32| {
        let time =
            time.unwrap_or_else(|| NaiveTime::from_hms_opt(default, 0, 0).expect("a whole hour"));
        tz.from_local_datetime(&date.and_time(time))
            .earliest()
            .map(|t| t.with_timezone(&Utc))
    };
    let mut out = Vec::new();
    for phase in &programme.phases {
        for (kind, event) in phase.events() {
            let (Some(starts), Some(ends)) = (
                at(event.starts, event.start_time, 9),
                at(event.ends, event.end_time, 16),
            ) else {
                continue;
            };
            if ends <= starts {
                continue;
            }
            let kind = match kind {
                ActivityKind::Workshop => EventKind::Workshop,
                ActivityKind::PoliticiansSeminar => EventKind::PoliticiansSeminar,
                ActivityKind::LeadersThinktank => EventKind::LeadersThinktank,
                ActivityKind::Conference => EventKind::Conference,
                ActivityKind::Meeting => EventKind::Meeting,
                _ => EventKind::Other,
            };
            out.push(ValidEvent {
                kind,
                phase: Some(phase.slug.clone()),
                title: event.title.pick(lang, lang).to_string(),
                description: event
                    .description
                    .as_ref()
                    .map(|d| d.pick(lang, lang).to_string())
                    .unwrap_or_default(),
                starts,
                ends,
                venue: event.venue.clone(),
                address: None,
                mode: Mode::InPerson,
                online_link: None,
                capacity: event.participants,
                per_organisation_cap: event
                    .per_organisation_cap
                    .filter(|cap| event.participants.is_none_or(|p| *cap <= p)),
                registration_opens: None,
                registration_closes: None,
                contact_name: None,
                contact_email: None,
                audience: Audience::Members,
                change_note: None,
            });
        }
    }
    out
}

pub fn load(db: &Db, programme: &Programme, demo: &DemoFile) -> anyhow::Result<DemoReport> {
    let programme_slug = programme.slug.as_str();
    let scheduled = programme_events(programme);
    let hash = hash_password(&demo.password);
    let mut checked_orgs = Vec::new();
    for form in &demo.organisations {
        let valid = form
            .validate()
            .map_err(|e| anyhow::anyhow!("demo organisation {:?}: {e:?}", form.name))?;
        checked_orgs.push(valid);
    }
    let mut checked_users = Vec::new();
    for user in &demo.users {
        let email = Email::parse(&user.email)
            .ok_or_else(|| anyhow::anyhow!("demo user {:?}: bad e-mail", user.email))?;
        checked_users.push((user, email));
    }
    let report = db.write_blocking(|tx| {
        let actor = Actor::default();
        let mut report = DemoReport::default();
        for org in &checked_orgs {
            if organisations::find_by_name(tx, &org.name)?.is_none() {
                organisations::insert(tx, org)?;
                report.organisations_added += 1;
            }
        }
        let mut first_leader = None;
        for (user, email) in &checked_users {
            let id = match users::find_by_email(tx, email.as_str())? {
                Some(id) => id,
                None => {
                    let Some(org_id) = organisations::find_by_name(tx, &user.organisation)? else {
                        return Err(crate::storage::StorageError::Task(format!(
                            "demo user {} names an unknown organisation {:?}",
                            email.as_str(),
                            user.organisation
                        )));
                    };
                    let id = users::insert(tx, &user.name, email, org_id, &user.roles)?;
                    users::set_password_hash(tx, id, &hash)?;
                    report.users_added += 1;
                    id
                }
            };
            if first_leader.is_none() && user.roles.contains(&Role::ProcessLeader) {
                first_leader = Some(id);
            }
        }
        if let (Some(phase), Some(leader)) = (&demo.active_phase, first_leader)
            && overrides::current(tx, programme_slug)?.is_none()
        {
            overrides::set(tx, programme_slug, Some(phase), Some("Demo"), leader)?;
        }
        if events::count(tx)? == 0 {
            for event in &scheduled {
                events::insert(tx, event, EventStatus::Published, None, first_leader)?;
                report.events_added += 1;
            }
        }
        audit::record(tx, &actor, "demo.load", None, Some(&format!("{report:?}")))?;
        Ok(report)
    })?;
    Ok(report)
}
