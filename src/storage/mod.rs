//! The one database handle, its migrations, and the repository functions.
//!
//! SQL lives here and nowhere else. One writer connection takes every write in a
//! `BEGIN IMMEDIATE` transaction; readers are `query_only` connections from a small pool.
//! All work runs on tokio's blocking threads, never on the async runtime.

/// The SQL for the name of the person in table alias `$u` (of `users`) as pages show it:
/// their name, or for an anonymised person [`crate::domain::privacy::FORMER_PARTICIPANT`]
/// (U+E000) followed by their organisation's name. A literal, for `concat!`.
macro_rules! person_name {
    ($u:literal) => {
        concat!(
            "CASE WHEN ",
            $u,
            ".anonymised_at IS NULL THEN ",
            $u,
            ".name ELSE char(57344) || ",
            "(SELECT po.name FROM organisations po WHERE po.id = ",
            $u,
            ".organisation_id) END"
        )
    };
}

pub mod audit;
pub mod backcasting;
pub mod bank;
pub mod consequences;
pub mod demo;
pub mod events;
pub mod images;
pub mod inputs;
pub mod methods;
pub mod organisations;
pub mod outbox;
pub mod overrides;
pub mod privacy;
pub mod progress;
pub mod publications;
pub mod reminders;
pub mod report;
pub mod rounds;
pub mod scenario_reach;
pub mod scenarios;
pub mod sessions;
pub mod sources;
pub mod start;
pub mod submissions;
pub mod thread;
pub mod throttle;
pub mod users;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use include_dir::{Dir, include_dir};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use rusqlite_migration::Migrations;

use crate::clock::Clock;

static MIGRATIONS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/storage/migrations");

const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// Reader connections kept open; each keeps its own page cache and prepared statements,
/// so a pool that matches the concurrency avoids cold connections under load.
const IDLE_READERS: usize = 32;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("database task failed: {0}")]
    Task(String),
    #[error("{0}")]
    Backup(String),
    #[error("there is no database at {0} (check the path given with --database)")]
    Missing(PathBuf),
}

impl StorageError {
    /// Whether the error is a UNIQUE constraint refusing a duplicate.
    pub fn is_unique_violation(&self) -> bool {
        matches!(
            self,
            StorageError::Sqlite(rusqlite::Error::SqliteFailure(e, _))
                if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
        )
    }
}

impl StorageError {
    /// Whether the database could not take a write just now (busy or locked past the
    /// busy timeout, a full disk, a read-only file, an I/O error): nothing is wrong with
    /// what was sent, and the same request may succeed a little later.
    pub fn is_unavailable(&self) -> bool {
        use rusqlite::ErrorCode::*;
        matches!(
            self,
            StorageError::Sqlite(rusqlite::Error::SqliteFailure(e, _))
                if matches!(
                    e.code,
                    DatabaseBusy | DatabaseLocked | DiskFull | ReadOnly | SystemIoFailure | CannotOpen
                )
        )
    }
}

pub type Result<T, E = StorageError> = std::result::Result<T, E>;

/// What became of an edit made from a known version of a record: every versioned
/// record (notes, sources, submissions, texts) is saved this way, and nothing is ever
/// silently overwritten.
#[derive(Debug, Clone)]
pub enum Edit<T> {
    /// Stored; the record is now at `version`.
    Saved { version: i64 },
    /// Someone saved a newer version first: here it is, and nothing was overwritten.
    Stale(Box<T>),
    /// The record does not exist.
    Missing,
}

impl<T> Edit<T> {
    pub fn is_saved(&self) -> bool {
        matches!(self, Edit::Saved { .. })
    }
}

struct Inner {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
    /// Keeps a temporary database's directory alive as long as the handle.
    _temp: Option<tempfile::TempDir>,
}

/// The database: cheap to clone, shared by every request.
///
/// It carries the application's [`Clock`]: each read or write closure runs with the
/// moment its transaction began, which [`now_seconds`] returns, so every timestamp one
/// transaction writes is the same and follows the clock the application runs on.
#[derive(Clone)]
pub struct Db {
    inner: Arc<Inner>,
    clock: Clock,
}

impl Db {
    /// Opens (creating if need be) the database file and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Db> {
        Self::open_with(path, None)
    }

    /// Opens a database that must exist already, as every command but those that may
    /// start a new workspace needs: a mistyped path is an error, never a new, empty
    /// database.
    pub fn open_existing(path: &Path) -> Result<Db> {
        if !path.is_file() {
            return Err(StorageError::Missing(path.to_path_buf()));
        }
        Self::open(path)
    }

    /// A fresh database in a temporary directory removed with the handle (tests, benchmarks).
    pub fn open_temporary() -> Result<Db> {
        let dir = tempfile::tempdir().map_err(|e| StorageError::Task(e.to_string()))?;
        let path = dir.path().join("framsyn.sqlite3");
        Self::open_with(&path, Some(dir))
    }

    fn open_with(path: &Path, temp: Option<tempfile::TempDir>) -> Result<Db> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| StorageError::Task(e.to_string()))?;
        }
        let mut writer = Connection::open(path)?;
        configure(&writer)?;
        writer.pragma_update(None, "journal_mode", "WAL")?;
        let migrations = Migrations::from_directory(&MIGRATIONS)?;
        migrations.to_latest(&mut writer)?;
        // Table statistics for the query planner (it picks the right index per filter),
        // gathered where they are missing or out of date; cheap when they are current.
        writer.execute_batch("PRAGMA optimize=0x10002;")?;
        Ok(Db {
            inner: Arc::new(Inner {
                path: path.to_path_buf(),
                writer: Mutex::new(writer),
                readers: Mutex::new(Vec::new()),
                _temp: temp,
            }),
            clock: Clock::system(),
        })
    }

    /// The same database read and written on `clock`'s time.
    pub fn with_clock(mut self, clock: Clock) -> Db {
        self.clock = clock;
        self
    }

    /// The clock every transaction of this handle reads "now" from.
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    /// Runs `f` on a read-only connection.
    pub async fn read<T, F>(&self, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T> + Send + 'static,
    {
        let db = self.clone();
        run_blocking(move || db.read_blocking(f)).await
    }

    /// Runs `f` in one write transaction (`BEGIN IMMEDIATE`), committed when `f` succeeds.
    pub async fn write<T, F>(&self, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction) -> Result<T> + Send + 'static,
    {
        let db = self.clone();
        run_blocking(move || db.write_blocking(f)).await
    }

    pub fn read_blocking<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = match self.inner.readers.lock().expect("reader pool lock").pop() {
            Some(conn) => conn,
            None => {
                let conn = Connection::open_with_flags(
                    &self.inner.path,
                    OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                configure(&conn)?;
                conn.pragma_update(None, "query_only", true)?;
                // Pages are read through the shared memory map; each reader keeps only a
                // small private cache (512 KiB instead of 2 MiB), so many readers stay lean.
                conn.pragma_update(None, "cache_size", -512)?;
                conn
            }
        };
        let result = at_moment(self.clock.now_seconds(), || f(&conn));
        let mut pool = self.inner.readers.lock().expect("reader pool lock");
        if pool.len() < IDLE_READERS {
            pool.push(conn);
        }
        result
    }

    pub fn write_blocking<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let mut conn = self
            .inner
            .writer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = at_moment(self.clock.now_seconds(), || f(&tx))?;
        tx.commit()?;
        Ok(value)
    }

    /// While `refuse` holds, every write fails as on a read-only disk (`SQLITE_READONLY`)
    /// and reads go on: a maintenance switch, and the way tests see how a failed write is
    /// answered.
    pub fn refuse_writes(&self, refuse: bool) -> Result<()> {
        let conn = self
            .inner
            .writer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        conn.pragma_update(None, "query_only", refuse)?;
        Ok(())
    }

    /// Copies the live database to `dest` and checks the copy.
    ///
    /// See [`backup`].
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        backup(&self.inner.path, dest)
    }
}

/// Copies the database file at `source` to `dest` (the `backup` command), without
/// opening it as a [`Db`]: no migration, no statistics, nothing that needs the write
/// lock, so a running server that holds it, even in one long write transaction, does not
/// stop the copy. The copy holds what was committed when it began.
///
/// The copy is one `VACUUM INTO` inside a single read transaction, so writes going on
/// meanwhile neither block it nor restart it. It is written to a hidden `.partial` file
/// beside `dest`, removed if anything fails, and renamed to `dest` only once it passes
/// `integrity_check`: an interrupted backup leaves nothing under a database's name.
pub fn backup(source: &Path, dest: &Path) -> Result<()> {
    if !source.is_file() {
        return Err(StorageError::Missing(source.to_path_buf()));
    }
    let io = |e: std::io::Error| StorageError::Backup(format!("{}: {e}", dest.display()));
    let folder = match dest.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(folder) => folder,
        None => Path::new("."),
    };
    let partial = tempfile::Builder::new()
        .prefix(".framsyn-backup-")
        .suffix(".partial")
        .tempfile_in(folder)
        .map_err(io)?;
    let reader = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    reader.busy_timeout(BUSY_TIMEOUT)?;
    let target = partial.path().to_string_lossy().into_owned();
    reader.execute("VACUUM INTO ?1", [&target])?;
    drop(reader);
    let check: String =
        Connection::open(partial.path())?
            .query_row("PRAGMA integrity_check", [], |r| r.get("integrity_check"))?;
    if check != "ok" {
        return Err(StorageError::Backup(format!(
            "the copy fails integrity_check: {check}"
        )));
    }
    partial.persist(dest).map_err(|e| io(e.error))?;
    Ok(())
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Reads go through the operating system's page cache, shared by all connections,
    // instead of being copied into each connection's own cache (3-10x faster lists of a
    // large bank under load).
    conn.pragma_update(None, "mmap_size", 256 * 1024 * 1024)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

async fn run_blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| StorageError::Task(e.to_string()))?
}

/// The column `name` holding a domain key (`NoteType::key` and the like), read back
/// through its `parse`; an unknown key is a conversion error, never a silent default.
pub(crate) fn keyed<T>(
    r: &rusqlite::Row<'_>,
    name: &str,
    parse: fn(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let text: String = r.get(name)?;
    parse(&text).ok_or_else(|| {
        let index = r.as_ref().column_index(name).unwrap_or_default();
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, text.into())
    })
}

thread_local! {
    /// The moment of the transaction running on this thread, set by [`Db`] around each
    /// read or write closure.
    static MOMENT: std::cell::Cell<Option<i64>> = const { std::cell::Cell::new(None) };
}

fn at_moment<T>(now: i64, f: impl FnOnce() -> T) -> T {
    /// Puts the moment before back, even when `f` unwinds.
    struct Restore(Option<i64>);
    impl Drop for Restore {
        fn drop(&mut self) {
            MOMENT.with(|m| m.set(self.0));
        }
    }
    let _restore = Restore(MOMENT.with(|m| m.replace(Some(now))));
    f()
}

/// The moment of the running transaction as Unix seconds, the unit every timestamp
/// column holds: read once from the [`Db`]'s clock when the transaction began.
///
/// Storage functions run inside [`Db::read`] or [`Db::write`]; called anywhere else this
/// is a programming error (caught in debug builds), answered with the system time.
pub fn now_seconds() -> i64 {
    MOMENT.with(|m| m.get()).unwrap_or_else(|| {
        debug_assert!(false, "storage::now_seconds() outside a database closure");
        chrono::Utc::now().timestamp()
    })
}
