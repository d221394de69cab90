//! Demo data: fills a database with the organisations and people of the programme's
//! `demo.toml`, all with one known password, so a newcomer can click through a
//! populated workspace. Running it again adds only what is missing.

use std::path::Path;

use serde::Deserialize;

use crate::domain::credentials::hash_password;
use crate::domain::organisation::OrganisationForm;
use crate::domain::user::{Email, Role};
use crate::storage::audit::Actor;
use crate::storage::{Db, audit, organisations, overrides, users};

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
}

pub fn read_demo_file(path: &Path) -> anyhow::Result<DemoFile> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("{}: cannot be read: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

/// Loads the demo data into `db` (blocking; for the CLI and tests).
pub fn load(db: &Db, programme_slug: &str, demo: &DemoFile) -> anyhow::Result<DemoReport> {
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
        audit::record(tx, &actor, "demo.load", None, Some(&format!("{report:?}")))?;
        Ok(report)
    })?;
    Ok(report)
}
