//! Never lose the owner's records: backups, restore, migrations from old
//! files, crash safety, concurrent writers, privacy, least privilege.
use crate::common::{customer, incident, run, stderr, stdout};
use amends::store::backup::{self, Retention};
use amends::Db;
use std::path::Path;
use std::process::{Command, Stdio};

fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn file_db(dir: &Path) -> Db {
    Db::open(&dir.join("amends.sqlite3")).unwrap()
}

#[test]
fn backup_is_private_checked_and_complete() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = file_db(dir.path());
    let c = customer(&mut db, "Zoë Ørsted-Núñez");
    incident(&mut db, c, "Tiles cracked");
    let out = dir.path().join("copies").join("backup.sqlite3");
    let info = db.backup_to(&out).unwrap();
    assert_eq!(info.path, out);
    assert_eq!(mode(&out), 0o600);
    assert!(!dir.path().join("copies").join("backup.sqlite3-wal").exists(), "one self-contained file");
    let copy = Db::open(&out).unwrap();
    assert_eq!(copy.customer(c).unwrap().name, "Zoë Ørsted-Núñez");
    assert!(copy.check_integrity().unwrap().is_empty());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("copies"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("partial"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn backup_to_an_unwritable_place_is_a_clear_error_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = file_db(dir.path());
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "x").unwrap();
    let err = db.backup_to(&blocker.join("b.sqlite3")).unwrap_err();
    assert_eq!(err.kind(), "io");
    assert!(err.to_string().contains("not-a-folder"), "{err}");
}

#[test]
fn daily_backup_once_a_day_with_rotation() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("amends.sqlite3");
    {
        let mut db = Db::open(&path).unwrap();
        customer(&mut db, "Ada");
    }
    let first = backup::daily_backup(&path, Retention::default()).unwrap();
    assert!(first.is_some());
    assert!(backup::daily_backup(&path, Retention::default()).unwrap().is_none(), "at most one a day");
    let listed = backup::list_backups(&backup::backups_dir(&path)).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(mode(&listed[0].0), 0o600);
    assert_eq!(Db::open(&listed[0].0).unwrap().customer_count().unwrap(), 1);
}

#[test]
fn restore_swaps_in_a_backup_and_keeps_the_current_records() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = file_db(dir.path());
    let ada = customer(&mut db, "Ada");
    let snapshot = dir.path().join("snap.sqlite3");
    db.backup_to(&snapshot).unwrap();
    customer(&mut db, "Added after the backup");
    let report = db.restore_from(&snapshot).unwrap();
    assert_eq!(db.customer_count().unwrap(), 1);
    assert_eq!(db.customer(ada).unwrap().name, "Ada");
    let before = report.previous_saved_to.expect("current records saved first");
    assert_eq!(Db::open(&before).unwrap().customer_count().unwrap(), 2);
    assert!(db.search_customers("added after", None).unwrap().is_empty(), "the search index follows the restore");
    assert!(db.audit_log().unwrap().iter().any(|(_, action, _)| action == "restore"));
}

#[test]
fn restore_refuses_bad_files_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = file_db(dir.path());
    customer(&mut db, "Ada");
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a backup").unwrap();
    assert_eq!(db.restore_from(&text).unwrap_err().kind(), "not_a_database");
    let future = dir.path().join("future.sqlite3");
    rusqlite::Connection::open(&future).unwrap().execute_batch("CREATE TABLE x(y); PRAGMA user_version = 77;").unwrap();
    assert_eq!(db.restore_from(&future).unwrap_err().kind(), "newer_schema");
    let other = dir.path().join("other.sqlite3");
    rusqlite::Connection::open(&other).unwrap().execute_batch("CREATE TABLE x(y); PRAGMA user_version = 1;").unwrap();
    assert!(db.restore_from(&other).unwrap_err().to_string().contains("is not an Amends backup"));
    assert!(db.restore_from(&dir.path().join("missing.sqlite3")).is_err());
    assert_eq!(db.customer_count().unwrap(), 1);
}

#[test]
fn a_schema_v1_database_upgrades_with_its_data_and_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite3");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schema-v1.sqlite3"), &path).unwrap();
    let db = Db::open(&path).unwrap();
    assert_eq!(db.schema_version().unwrap(), amends::store::SCHEMA_VERSION);
    assert_eq!(db.customer_count().unwrap(), 13);
    assert_eq!(db.search_customers("zoe fixture", None).unwrap().len(), 1);
    assert!(db.audit_log().unwrap().is_empty(), "the new audit table exists");
    assert!(db.check_integrity().unwrap().is_empty());
    let backups = backup::list_backups(&backup::backups_dir(&path)).unwrap();
    assert_eq!(backups.len(), 1, "a backup before the migration");
    let old = rusqlite::Connection::open(&backups[0].0).unwrap();
    assert_eq!(old.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)).unwrap(), 1);
}

#[test]
fn erasing_a_customer_leaves_no_personal_data() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = file_db(dir.path());
    let zoe = customer(&mut db, "Zoë Ørsted-Núñez");
    let keep = customer(&mut db, "Kept Customer");
    let i = incident(&mut db, zoe, "Tiles cracked");
    db.add_timeline(i, amends::dates::now(), amends::domain::TimelineKind::Call, "Called Zoë").unwrap();
    db.save_letter(i, amends::domain::LetterKind::Apology, None, "Dear Zoë, ...").unwrap();
    incident(&mut db, keep, "Late");
    let dossier = db.customer_dossier(zoe).unwrap();
    assert_eq!(dossier.incidents.len(), 1);
    assert_eq!(dossier.letters.len(), 1);
    let r = db.erase_customer(zoe).unwrap();
    assert_eq!((r.incidents, r.letters, r.timeline_entries), (1, 1, 1));
    assert_eq!(db.customer(zoe).unwrap_err().kind(), "not_found");
    assert!(db.search_customers("orsted", None).unwrap().is_empty());
    assert_eq!(db.customer_count().unwrap(), 1);
    let log = db.audit_log().unwrap();
    assert_eq!(log[0].1, "erase_customer");
    assert!(!log[0].2.contains("Zo"), "no name in the audit line: {}", log[0].2);
    drop(db);
    // secure_delete + checkpoint: the name is gone from the file itself.
    let bytes = std::fs::read(dir.path().join("amends.sqlite3")).unwrap();
    let needle = "Ørsted-Núñez".as_bytes();
    assert!(!bytes.windows(needle.len()).any(|w| w == needle), "erased name still on disk");
}

#[test]
fn cli_backup_restore_export_and_erase() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite3");
    let id = stdout(&run(&db, &["customers", "add", "--name", "Zoë Ørsted-Núñez"])).trim().to_string();
    let out = run(&db, &["backup"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("checked"));
    let file = dir.path().join("b.sqlite3");
    assert!(run(&db, &["backup", "-o", file.to_str().unwrap()]).status.success());
    let data = dir.path().join("zoe.json");
    assert!(run(&db, &["customers", "export-data", &id, "-o", data.to_str().unwrap()]).status.success());
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&data).unwrap()).unwrap();
    assert_eq!(v["customer"]["name"], "Zoë Ørsted-Núñez");
    let refused = run(&db, &["customers", "erase", &id]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("--yes"));
    assert!(run(&db, &["customers", "erase", &id, "--yes"]).status.success());
    assert!(stdout(&run(&db, &["customers", "list"])).is_empty());
    let restored = run(&db, &["restore", file.to_str().unwrap()]);
    assert!(restored.status.success(), "{}", stderr(&restored));
    assert!(stdout(&run(&db, &["customers", "list", "--search", "nunez"])).contains("Zoë"));
    assert!(stdout(&run(&db, &["check-db"])).contains("healthy"));
}

/// SIGKILL the CLI in the middle of one big transaction (sample data for
/// 20,000 customers) at varied moments, each after the job has reported a
/// share of its work (`--progress`) and before it finished: every time, the
/// file is intact and holds none of it.
#[test]
fn killed_mid_write_the_database_is_all_or_nothing() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let mut inside = 0;
    for (run_no, share) in [0.1f64, 0.5, 0.9].into_iter().enumerate() {
        let db = dir.path().join(format!("kill{run_no}.sqlite3"));
        drop(Db::open(&db).unwrap());
        let mut child = Command::new(crate::common::amends_bin())
            .args(["--db", db.to_str().unwrap(), "demo", "--customers", "20000", "--incidents", "40000", "--seed", "9"])
            .arg("--progress")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
        let reached = lines.map_while(Result::ok).find_map(|l| {
            let (done, total) = l.strip_prefix("progress ")?.split_once('/')?;
            let (done, total): (u64, u64) = (done.parse().ok()?, total.parse().ok()?);
            (done as f64 >= share * total as f64 && done > 0).then_some((done, total))
        });
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        let (done, total) = reached.expect("sample data reported progress");
        assert!(done < total, "run {run_no}: killed at {done} of {total}, inside the transaction");
        let reopened = Db::open(&db).unwrap();
        assert!(reopened.check_integrity().unwrap().is_empty(), "run {run_no}: integrity");
        // The job may have run on past the line we read (the pipe holds lines it
        // wrote ahead) and even finished; then it is all there. Never a part.
        match reopened.customer_count().unwrap() {
            0 => inside += 1,
            20000 => {}
            n => panic!("run {run_no}: half a write survived ({n} customers)"),
        }
    }
    assert!(inside > 0, "at least one kill landed inside the transaction");
}

/// The app and the CLI writing at once: no "database is locked" reaches the
/// owner and no write is lost.
#[test]
fn concurrent_writers_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("busy.sqlite3");
    drop(Db::open(&path).unwrap());
    let children: Vec<_> = (0..4)
        .map(|p| {
            let path = path.clone();
            std::thread::spawn(move || {
                for i in 0..15 {
                    let name = format!("Process {p} customer {i}");
                    let o = run(&path, &["customers", "add", "--name", &name]);
                    assert!(o.status.success(), "{}", stderr(&o));
                }
            })
        })
        .collect();
    let mut db = Db::open(&path).unwrap();
    for i in 0..60 {
        customer(&mut db, &format!("In-process customer {i}"));
    }
    for c in children {
        c.join().unwrap();
    }
    assert_eq!(db.customer_count().unwrap(), 120);
}

/// Least privilege: the capability files grant nothing broad, and the CSP
/// allows no remote or inline script.
#[test]
fn capabilities_and_csp_stay_narrow() {
    let root = env!("CARGO_MANIFEST_DIR");
    let caps = std::path::Path::new(root).join("src-tauri/capabilities");
    let mut seen = 0;
    for entry in std::fs::read_dir(&caps).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let perms: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.starts_with('#'))
            .flat_map(|l| l.split('"').skip(1).step_by(2))
            .collect();
        for p in &perms {
            seen += 1;
            let broad = p.starts_with("shell:")
                || p.starts_with("fs:")
                || p.starts_with("http:")
                || p.starts_with("process:")
                || p.contains("allow-execute")
                || *p == "opener:default"
                || p.ends_with(":allow-all");
            assert!(!broad, "broad permission {p} in capabilities");
        }
    }
    assert!(seen > 0, "capabilities were read");
    let conf: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{root}/src-tauri/tauri.conf.json")).unwrap()).unwrap();
    let csp = conf["app"]["security"]["csp"].as_str().expect("a CSP is set");
    let script_src = csp.split(';').map(str::trim).find(|d| d.starts_with("script-src")).expect("script-src");
    assert_eq!(script_src, "script-src 'self'");
    assert!(!csp.contains("http://") || csp.contains("http://ipc.localhost"));
    assert!(!csp.contains("https:") && !csp.contains('*'), "no remote content: {csp}");
    let cargo = std::fs::read_to_string(format!("{root}/src-tauri/Cargo.toml")).unwrap();
    assert!(!cargo.contains("tauri-plugin-shell") && !cargo.contains("tauri-plugin-fs"));
}

/// A full disk during a backup or an export: a clear error, no partial file
/// left at the target, the database unharmed. Needs root to mount a small
/// tmpfs (CI runs as root); elsewhere it says so and checks nothing.
#[test]
fn full_disk_during_backup_and_export() {
    if unsafe_is_root() {
        let dir = tempfile::tempdir().unwrap();
        let db_path = dir.path().join("full.sqlite3");
        let out = run(&db_path, &["demo", "--customers", "3000", "--incidents", "6000", "--seed", "2"]);
        assert!(out.status.success());
        let small = dir.path().join("small");
        std::fs::create_dir(&small).unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs", small.to_str().unwrap()])
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        if !mounted {
            crate::common::skipped("full_disk_during_backup_and_export", "could not mount a tmpfs here");
            return;
        }
        let target = small.join("backup.sqlite3");
        let b = run(&db_path, &["backup", "-o", target.to_str().unwrap()]);
        let x = run(&db_path, &["export", "--format", "xlsx", "-o", small.join("all.xlsx").to_str().unwrap()]);
        let c = run(
            &db_path,
            &["export", "--format", "csv", "--table", "incidents", "-o", small.join("i.csv").to_str().unwrap()],
        );
        let left: Vec<String> =
            std::fs::read_dir(&small).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        let _ = Command::new("umount").arg(&small).status();
        for (what, o) in [("backup", &b), ("xlsx export", &x), ("csv export", &c)] {
            assert_eq!(o.status.code(), Some(2), "{what} must fail on a full disk");
            let err = stderr(o);
            assert_eq!(err.trim().lines().count(), 1, "{what}: one clear line: {err}");
            assert!(err.contains("space") || err.contains("full") || err.contains("No space"), "{what}: {err}");
        }
        assert!(left.is_empty(), "partial files left on the full disk: {left:?}");
        let db = Db::open(&db_path).unwrap();
        assert!(db.check_integrity().unwrap().is_empty());
        assert_eq!(db.customer_count().unwrap(), 3000);
    } else {
        eprintln!("full_disk_during_backup_and_export: needs root for a tmpfs; not checked");
    }
}

fn unsafe_is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0").unwrap_or(false)
}

/// SIGKILL during a 100,000-row customer import: never half an import. Each
/// kill lands inside the transaction: the import has reported rows taken
/// (`--progress`) and has not finished.
#[test]
fn killed_mid_import_the_import_is_all_or_nothing() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("customers.csv");
    let mut text = String::from("Name,Email,Phone,City\n");
    for i in 0..100_000 {
        text.push_str(&format!("Customer {i},c{i}@example.com,555-{:07},Bristol\n", i));
    }
    std::fs::write(&csv, text).unwrap();
    let mut inside = 0;
    for (run_no, rows_first) in [1_000u64, 20_000, 60_000].into_iter().enumerate() {
        let db = dir.path().join(format!("imp{run_no}.sqlite3"));
        drop(Db::open(&db).unwrap());
        let mut child = Command::new(crate::common::amends_bin())
            .args(["--db", db.to_str().unwrap(), "import", "customers", csv.to_str().unwrap(), "--progress"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
        // Wait until the import says it has taken `rows_first` rows, then kill it at once.
        let reached = lines.by_ref().map_while(Result::ok).find_map(|l| {
            let (done, total) = l.strip_prefix("progress ")?.split_once('/')?;
            let (done, total): (u64, u64) = (done.parse().ok()?, total.parse().ok()?);
            (done >= rows_first).then_some((done, total))
        });
        let _ = child.kill();
        let _ = child.wait();
        let (done, total) = reached.expect("the import reported progress");
        assert!(done < total, "run {run_no}: killed after {done} of {total} rows, inside the transaction");
        let reopened = Db::open(&db).unwrap();
        assert!(reopened.check_integrity().unwrap().is_empty(), "run {run_no}");
        // As above: none of it, or (if it ran on past the line we read and finished) all of it.
        match reopened.customer_count().unwrap() {
            0 => inside += 1,
            100_000 => {}
            n => panic!("run {run_no}: half an import survived ({n} rows, killed after row {done})"),
        }
    }
    assert!(inside > 0, "at least one kill landed inside the transaction");
}

#[test]
fn a_real_import_is_preceded_by_a_backup_and_a_dry_run_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("amends.sqlite3");
    let mut db = Db::open(&path).unwrap();
    customer(&mut db, "Already Here");
    let csv = dir.path().join("new.csv");
    std::fs::write(&csv, "Name,Email\nNew Person,new@example.com\n").unwrap();
    let dry = amends::spreadsheet::ImportOptions { dry_run: true, ..Default::default() };
    amends::spreadsheet::import_customers(&mut db, &csv, &dry, amends::progress::ignore).unwrap();
    assert!(backup::list_backups(&backup::backups_dir(&path)).unwrap().is_empty());
    amends::spreadsheet::import_customers(&mut db, &csv, &Default::default(), amends::progress::ignore).unwrap();
    let backups = backup::list_backups(&backup::backups_dir(&path)).unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(
        Db::open(&backups[0].0).unwrap().customer_count().unwrap(),
        1,
        "the backup holds the records before the import"
    );
    assert_eq!(db.customer_count().unwrap(), 2);
}

/// After an erasure the owner is told which backups still hold the person,
/// and can have them erased there too (issue 13: "erasure tells the truth").
#[test]
fn erasure_names_the_backups_that_still_hold_the_person() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = file_db(dir.path());
    let zoe = customer(&mut db, "Zoë Backedup");
    let bo = customer(&mut db, "Bo Backedup");
    customer(&mut db, "Kept Customer");
    db.backup_now("daily", Retention::default()).unwrap();
    let has = |path: &str, name: &str| {
        let bytes = std::fs::read(path).unwrap();
        bytes.windows(name.len()).any(|w| w == name.as_bytes())
    };

    let r = db.erase_customer_on_request(zoe, false).unwrap();
    // The one taken before the erasure at least (rotation keeps one a day).
    assert!(!r.still_in_backups.is_empty(), "{r:?}");
    assert!(r.still_in_backups.iter().all(|p| has(p, "Zoë Backedup")));
    assert_eq!(r.removed_from_backups, 0);

    let r = db.erase_customer_on_request(bo, true).unwrap();
    assert!(r.removed_from_backups >= 1, "{r:?}");
    assert!(r.still_in_backups.is_empty(), "{r:?}");
    for (path, _) in backup::list_backups(&backup::backups_dir(db.path().unwrap())).unwrap() {
        let p = path.to_str().unwrap();
        assert!(!has(p, "Bo Backedup"), "{p} still holds Bo");
        assert!(has(p, "Kept Customer"), "{p} keeps everyone else");
        assert!(Db::open(&path).is_ok(), "{p} still opens");
    }
}

/// Two automatic backups on the same day (before an import, then before an
/// erasure) both stay, and `backup --list --json` shows them with their reasons.
#[test]
fn two_backups_on_one_day_both_stay_and_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite3");
    assert!(run(&db, &["customers", "add", "--name", "Ada"]).status.success());
    let csv = dir.path().join("in.csv");
    std::fs::write(&csv, "Name\nBo\n").unwrap();
    assert!(run(&db, &["import", "customers", csv.to_str().unwrap()]).status.success());
    assert!(run(&db, &["customers", "erase", "2", "--yes"]).status.success());
    let o = run(&db, &["backup", "--list", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let list: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let mut reasons: Vec<&str> = list.as_array().unwrap().iter().map(|b| b["reason"].as_str().unwrap()).collect();
    reasons.sort_unstable();
    assert_eq!(reasons, ["before-erase", "before-import"], "both kept (they may share a second)");
    for b in list.as_array().unwrap() {
        assert!(std::path::Path::new(b["path"].as_str().unwrap()).exists());
        assert!(b["bytes"].as_u64().unwrap() > 0);
        assert_eq!(b["taken_at"].as_str().unwrap().len(), 19);
    }
}
