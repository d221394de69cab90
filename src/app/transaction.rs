//! The write transaction a use case runs its rules in.

use rusqlite::Transaction;

use super::{Error, Result};
use crate::storage::Db;

/// Runs `rules` in one write transaction. A storage error rolls it back; a refusal
/// (forbidden, not found) is decided before the rules write anything.
pub(crate) async fn write<T: Send + 'static>(
    db: &Db,
    rules: impl FnOnce(&Transaction) -> Result<T> + Send + 'static,
) -> Result<T> {
    db.write(move |tx| match rules(tx) {
        Err(Error::Storage(e)) => Err(e),
        other => Ok(other),
    })
    .await?
}
