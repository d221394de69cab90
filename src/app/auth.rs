//! Signing in (with throttling and a fresh session) and setting a password from a
//! single-use link.

use tokio::sync::Semaphore;

use super::Result;
use crate::domain::credentials::{self, new_token, token_digest};
use crate::domain::form::FieldErrors;
use crate::domain::throttle::ThrottlePolicy;
use crate::domain::user;
use crate::storage::users::User;
use crate::storage::{Db, StorageError, audit, sessions, throttle, users};

/// The longest account name kept anywhere (an e-mail address has at most 254 characters).
const MAX_ACCOUNT_CHARS: usize = 254;

/// A sign-in attempt.
pub struct LoginAttempt {
    pub email: String,
    pub password: String,
    /// The client's address, throttled as the account name is.
    pub address: Option<String>,
    /// The digest of the session the browser had, ended at sign-in.
    pub previous_session: Option<Vec<u8>>,
}

/// What became of a sign-in attempt.
#[derive(Debug)]
pub enum Login {
    /// Too many failures for the account or the address: nothing was checked.
    Throttled { retry_after_seconds: u64 },
    /// Wrong password, unknown or deactivated account: the same answer for all.
    Refused,
    /// A new session; `token` goes into the cookie (only its digest is stored).
    SignedIn { user_id: i64, token: String },
}

/// Checks the password. Unknown accounts, accounts without a password and deactivated
/// ones get the same answer as a wrong password, after the same work. Each attempt first
/// reserves a failure for its account name and address in one transaction, so parallel
/// attempts cannot pass the limit; a successful one takes its reservation back. While a
/// name or address is throttled, nothing is checked at all. At most as many password
/// checks run at once as `checks` has permits.
pub async fn login(
    db: &Db,
    policy: ThrottlePolicy,
    checks: &Semaphore,
    actor: audit::Actor,
    attempt: LoginAttempt,
) -> Result<Login> {
    let now = db.clock().now_seconds();
    let since = now - policy.window.as_secs() as i64;
    let email: String = (attempt.email.trim().to_lowercase().chars())
        .take(MAX_ACCOUNT_CHARS)
        .collect();
    let account_key = format!("account:{email}");
    let address_key = format!(
        "address:{}",
        attempt.address.as_deref().unwrap_or("unknown")
    );
    let (keys, lookup) = ((account_key.clone(), address_key), email.clone());
    // An attempt the client abandons before it is decided (the request dropped, even
    // while the reservation is being written) takes its reservation back: only decided
    // attempts count.
    let reservation = Reservation::new(db);
    let slot = reservation.slot.clone();
    let reserved = db
        .write(move |tx| {
            let account = throttle::failures_since(tx, &keys.0, since)?;
            let address = throttle::failures_since(tx, &keys.1, since)?;
            if !policy.allows(account, address) {
                return Ok(None);
            }
            let mut slot = slot.lock().unwrap_or_else(|p| p.into_inner());
            if slot.abandoned {
                return Ok(None);
            }
            slot.rows = vec![
                throttle::record_failure(tx, &keys.0, now)?,
                throttle::record_failure(tx, &keys.1, now)?,
            ];
            Ok(Some(users::credentials(tx, &lookup)?))
        })
        .await?;
    let Some(stored) = reserved else {
        let retry_after_seconds = policy.window.as_secs();
        return Ok(Login::Throttled {
            retry_after_seconds,
        });
    };

    // The log names the account tried, never the address typed: it keeps no personal
    // data, and an account anonymised later is no longer named by it.
    let tried = stored.as_ref().map(|(id, _, _)| format!("user:{id}"));
    let _permit = checks.acquire().await.map_err(task_failed)?;
    let password = attempt.password;
    let accepted = tokio::task::spawn_blocking(move || match stored {
        Some((id, Some(hash), true)) => {
            credentials::verify_password(&password, &hash).then_some(id)
        }
        _ => {
            credentials::verify_decoy(&password);
            None
        }
    })
    .await
    .map_err(task_failed)?;

    let Some(user_id) = accepted else {
        // A refused attempt keeps its reservation: it is the failure it stood for.
        reservation.keep();
        db.write(move |tx| audit::record(tx, &actor, "login.failed", tried.as_deref(), None))
            .await?;
        return Ok(Login::Refused);
    };
    let token = new_token();
    let digest = token_digest(&token);
    let previous = attempt.previous_session;
    let rows = reservation.rows();
    let actor = audit::Actor {
        user_id: Some(user_id),
        ..actor
    };
    db.write(move |tx| {
        if let Some(previous) = previous {
            sessions::delete(tx, &previous)?;
        }
        throttle::release(tx, &rows)?;
        throttle::clear(tx, &account_key, since)?;
        sessions::create(tx, &digest, user_id, now)?;
        audit::record(tx, &actor, "login", None, None)
    })
    .await?;
    reservation.keep();
    Ok(Login::SignedIn { user_id, token })
}

/// The failures reserved for an attempt while it is checked. Dropped undecided (the
/// client went away, or a step failed), it takes them back on a blocking thread; if the
/// reservation is not written yet, it is never written.
struct Reservation {
    db: Db,
    slot: std::sync::Arc<std::sync::Mutex<Reserved>>,
}

#[derive(Default)]
struct Reserved {
    rows: Vec<i64>,
    /// The attempt was dropped undecided: nothing more may be reserved for it.
    abandoned: bool,
}

impl Reservation {
    fn new(db: &Db) -> Reservation {
        Reservation {
            db: db.clone(),
            slot: Default::default(),
        }
    }

    /// The rows reserved so far.
    fn rows(&self) -> Vec<i64> {
        self.slot
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .rows
            .clone()
    }

    /// The attempt is decided: the drop no longer takes the reservation back.
    fn keep(&self) {
        self.slot
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .rows
            .clear();
    }
}

impl Drop for Reservation {
    fn drop(&mut self) {
        let rows = {
            let mut slot = self.slot.lock().unwrap_or_else(|p| p.into_inner());
            slot.abandoned = true;
            std::mem::take(&mut slot.rows)
        };
        if rows.is_empty() {
            return;
        }
        let db = self.db.clone();
        let release = move || {
            if let Err(e) = db.write_blocking(|tx| throttle::release(tx, &rows)) {
                tracing::warn!("an abandoned sign-in kept its throttle reservation: {e}");
            }
        };
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                runtime.spawn_blocking(release);
            }
            Err(_) => release(),
        }
    }
}

/// A worker task that did not finish (the runtime shutting down) fails the use case as
/// a database task would.
fn task_failed(error: impl std::fmt::Display) -> super::Error {
    StorageError::Task(error.to_string()).into()
}

/// The person a set-password link is for, while it is valid and unused.
pub async fn link_user(db: &Db, token: &str) -> Result<Option<User>> {
    let digest = token_digest(token);
    let now = db.clock().now_seconds();
    Ok(db
        .read(move |c| match users::password_link_user(c, &digest, now)? {
            Some(id) => users::get(c, id),
            None => Ok(None),
        })
        .await?)
}

/// What became of setting a password.
#[derive(Debug)]
pub enum PasswordSet {
    /// Set; the link is used up and every session of the person ended.
    Set { user_id: i64 },
    /// The link is unknown, expired or already used.
    InvalidLink,
    /// The new password is not good enough (or the two differ).
    Refused {
        person: Box<User>,
        errors: FieldErrors,
    },
}

/// Sets the password from a single-use link, uses up the link and ends every session
/// the person had.
pub async fn set_password(
    db: &Db,
    token: &str,
    address: Option<String>,
    password: String,
    repeat: &str,
) -> Result<PasswordSet> {
    let Some(person) = link_user(db, token).await? else {
        return Ok(PasswordSet::InvalidLink);
    };
    let mut errors = FieldErrors::new();
    user::check_new_password(
        &mut errors,
        &password,
        repeat,
        &[person.email.as_str(), person.name.as_str()],
    );
    if !errors.is_empty() {
        let person = Box::new(person);
        return Ok(PasswordSet::Refused { person, errors });
    }
    let hash = tokio::task::spawn_blocking(move || credentials::hash_password(&password))
        .await
        .map_err(task_failed)?;
    let (digest, now) = (token_digest(token), db.clock().now_seconds());
    let user_id = person.id;
    let actor = audit::Actor {
        user_id: Some(user_id),
        address,
    };
    let used = db
        .write(move |tx| {
            if !users::use_password_link(tx, &digest, now)? {
                return Ok(false);
            }
            users::set_password_hash(tx, user_id, &hash)?;
            sessions::delete_for_user(tx, user_id)?;
            let subject = format!("user:{user_id}");
            audit::record(tx, &actor, "password.set", Some(&subject), None)?;
            Ok::<_, StorageError>(true)
        })
        .await?;
    Ok(if used {
        PasswordSet::Set { user_id }
    } else {
        PasswordSet::InvalidLink
    })
}

/// Ends a session (its token's digest) on the server; logged.
pub async fn logout(db: &Db, actor: audit::Actor, session: Vec<u8>) -> Result<()> {
    db.write(move |tx| {
        sessions::delete(tx, &session)?;
        audit::record(tx, &actor, "logout", None, None)
    })
    .await?;
    Ok(())
}
