//! The database: online backup passes integrity_check, the audit log is append-only,
//! the demo data loads, and the pragmas are as promised.

use super::helpers::*;
use framsyn::storage::{Db, users};

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
