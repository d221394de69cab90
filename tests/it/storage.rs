//! The database: online backup passes integrity_check, the audit log is append-only,
//! the demo data loads, and the pragmas are as promised.

use super::helpers::*;
use framsyn::storage::{Db, audit, users};

#[test]
fn the_backup_command_writes_a_copy_that_passes_integrity_check() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("live.sqlite3");
    let copy = dir.path().join("copy.sqlite3");
    let bin = env!("CARGO_BIN_EXE_framsyn");
    let demo = std::process::Command::new(bin)
        .args(["--database", live.to_str().unwrap(), "demo"])
        .output()
        .unwrap();
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );
    let backup = std::process::Command::new(bin)
        .args([
            "--database",
            live.to_str().unwrap(),
            "backup",
            copy.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        backup.status.success(),
        "{}",
        String::from_utf8_lossy(&backup.stderr)
    );
    let copy = Db::open(&copy).unwrap();
    let check: String = copy
        .read_blocking(|c| Ok(c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(check, "ok");
    assert!(
        copy.read_blocking(users::count).unwrap() > 30,
        "the copy holds the data"
    );
}

#[test]
fn a_backup_finishes_while_another_connection_keeps_writing() {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, mpsc};
    use std::time::Duration;

    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("live.sqlite3");
    let copy = dir.path().join("copy.sqlite3");
    let server = Db::open(&live).unwrap();
    // A few megabytes, so the copy takes many steps of a page-by-page backup.
    let detail = "x".repeat(1000);
    server
        .write_blocking(|tx| {
            for _ in 0..5000 {
                audit::record(tx, &Default::default(), "filler", None, Some(&detail))?;
            }
            Ok(())
        })
        .unwrap();
    // A running server's writes, from a connection of its own, all through the backup.
    let stop = Arc::new(AtomicBool::new(false));
    let writes = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut count = 0u32;
            while !stop.load(Ordering::Relaxed) {
                server
                    .write_blocking(|tx| audit::record(tx, &Default::default(), "w", None, None))
                    .unwrap();
                count += 1;
                std::thread::sleep(Duration::from_millis(1));
            }
            count
        })
    };
    let (done, finished) = mpsc::channel();
    let (source, target) = (live.clone(), copy.clone());
    std::thread::spawn(move || {
        done.send(framsyn::storage::backup(&source, &target).map_err(|e| e.to_string()))
    });
    let outcome = finished.recv_timeout(Duration::from_secs(60));
    stop.store(true, Ordering::Relaxed);
    let written = writes.join().unwrap();
    outcome
        .expect("the backup finishes within a minute under writes")
        .unwrap();
    assert!(written > 0, "writes went on during the backup");
    let copy_db = Db::open_existing(&copy).unwrap();
    let fillers: i64 = copy_db
        .read_blocking(|c| {
            Ok(c.query_row(
                "SELECT count(*) AS n FROM audit_log WHERE action = 'filler'",
                [],
                |r| r.get("n"),
            )?)
        })
        .unwrap();
    assert_eq!(fillers, 5000);
    // Nothing but the live database and the copy is left in the folder.
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with("live.sqlite3") && !name.starts_with("copy.sqlite3"))
        .collect();
    assert_eq!(leftovers, Vec::<String>::new());
}

/// A server in the middle of a long write holds the write lock the whole time; the
/// backup needs nothing of it (no migration, no statistics), so it copies what was
/// committed without waiting.
#[test]
fn a_backup_copies_what_was_committed_while_a_write_transaction_stays_open() {
    use std::sync::mpsc;
    use std::time::Duration;

    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("live.sqlite3");
    let copy = dir.path().join("copy.sqlite3");
    let server = Db::open(&live).unwrap();
    server
        .write_blocking(|tx| {
            for _ in 0..2000 {
                audit::record(tx, &Default::default(), "filler", None, None)?;
            }
            Ok(())
        })
        .unwrap();
    let mut holder = rusqlite::Connection::open(&live).unwrap();
    let open = holder
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .unwrap();
    open.execute(
        "INSERT INTO audit_log (at, action) VALUES (0, 'uncommitted')",
        [],
    )
    .unwrap();

    let (done, finished) = mpsc::channel();
    let (source, target) = (live.clone(), copy.clone());
    std::thread::spawn(move || {
        done.send(framsyn::storage::backup(&source, &target).map_err(|e| e.to_string()))
    });
    let outcome = finished.recv_timeout(Duration::from_secs(30));
    open.commit().unwrap();
    outcome
        .expect("the backup does not wait for the write lock")
        .unwrap();
    let count = |action: &'static str| {
        Db::open_existing(&copy)
            .unwrap()
            .read_blocking(move |c| {
                Ok(c.query_row(
                    "SELECT count(*) AS n FROM audit_log WHERE action = ?1",
                    [action],
                    |r| r.get::<_, i64>("n"),
                )?)
            })
            .unwrap()
    };
    assert_eq!(count("filler"), 2000);
    assert_eq!(count("uncommitted"), 0, "only what was committed");
}

#[test]
fn the_audit_log_refuses_updates_and_deletes() {
    let app = spawn_app();
    world(&app);
    app.db
        .write_blocking(|tx| {
            framsyn::storage::audit::record(tx, &Default::default(), "test", None, None)
        })
        .unwrap();
    let update = app
        .db
        .write_blocking(|tx| Ok(tx.execute("UPDATE audit_log SET action = 'x'", [])?));
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = app
        .db
        .write_blocking(|tx| Ok(tx.execute("DELETE FROM audit_log", [])?));
    assert!(delete.unwrap_err().to_string().contains("append-only"));
}

#[test]
fn connections_use_wal_full_sync_and_foreign_keys() {
    let app = spawn_app();
    let (mode, sync, fk, query_only): (String, i64, i64, i64) = app
        .db
        .read_blocking(|c| {
            Ok((
                c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?,
                c.query_row("PRAGMA synchronous", [], |r| r.get(0))?,
                c.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?,
                c.query_row("PRAGMA query_only", [], |r| r.get(0))?,
            ))
        })
        .unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(sync, 2, "FULL");
    assert_eq!(fk, 1);
    assert_eq!(query_only, 1, "readers cannot write");
    let fts: i64 = app
        .db
        .read_blocking(|c| {
            Ok(
                c.query_row("SELECT sqlite_compileoption_used('ENABLE_FTS5')", [], |r| {
                    r.get(0)
                })?,
            )
        })
        .unwrap();
    assert_eq!(fts, 1, "FTS5 is compiled in for the bank's search");
}

#[test]
fn demo_data_loads_once_and_gives_every_role_a_known_password() {
    let app = spawn_app();
    let dir = programme_dir("regionerna-2050");
    let demo = framsyn::demo::read(&dir.clone().into()).unwrap();
    let programme = regionerna();
    let first = framsyn::demo::load(&app.db, &programme, &demo).unwrap();
    assert!(
        first.events_added >= 10,
        "the programme's shared events are scheduled: {first:?}"
    );
    assert!(first.organisations_added >= 20, "{first:?}");
    let again = framsyn::demo::load(&app.db, &programme, &demo).unwrap();
    assert_eq!(
        again,
        framsyn::demo::DemoReport {
            already_loaded: true,
            ..Default::default()
        },
        "a demo database is left as it is"
    );
    let people = app.db.read_blocking(|c| users::list(c, None)).unwrap();
    for role in framsyn::domain::user::Role::ALL {
        assert!(
            people.iter().any(|p| p.has(role)),
            "a demo person with {role:?}"
        );
    }
    let (_, hash, active) = app
        .db
        .read_blocking(|c| users::credentials(c, "admin@demo.test"))
        .unwrap()
        .unwrap();
    assert!(active);
    assert!(framsyn::domain::credentials::verify_password(
        demo.password(),
        &hash.unwrap()
    ));
}
