//! The `amends` CLI forms that scripts and independent checks depend on.
use crate::common::{run, stderr, stdout};
use serde_json::Value;

fn ok(db: &std::path::Path, args: &[&str]) -> String {
    let o = run(db, args);
    assert!(o.status.success(), "amends {args:?} failed: {}", stderr(&o));
    stdout(&o)
}

#[test]
fn customer_and_incident_round_trip_through_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite3");
    let id = ok(
        &db,
        &[
            "customers",
            "add",
            "--name",
            "Zoë Ørsted-Núñez",
            "--email",
            "zoe@example.com",
            "--phone",
            "+44 117 496 0000",
            "--address-line",
            "Flat 2",
            "--address-line",
            "14 Quay Road",
            "--city",
            "Bristol",
            "--postal-code",
            "BS1 4QA",
            "--country",
            "United Kingdom",
        ],
    );
    let id = id.trim();
    let list: Value = serde_json::from_str(&ok(&db, &["customers", "list", "--search", "nunez", "--json"])).unwrap();
    let arr = list.as_array().unwrap();
    assert_eq!(arr.len(), 1);
    assert_eq!(arr[0]["id"].to_string(), id);
    assert_eq!(arr[0]["name"], "Zoë Ørsted-Núñez");
    assert_eq!(arr[0]["address"]["lines"][1], "14 Quay Road");
    assert_eq!(arr[0]["yearly_spend"], "0.00");

    let inc = ok(
        &db,
        &[
            "incidents",
            "add",
            "--customer",
            id,
            "--title",
            "Tiles arrived cracked",
            "--discovered-by",
            "us",
            "--order-value",
            "240.5",
        ],
    );
    let inc = inc.trim();
    let shown: Value = serde_json::from_str(&ok(&db, &["incidents", "show", inc, "--json"])).unwrap();
    assert_eq!(shown["order_value"], "240.50");
    assert_eq!(shown["currency"], "USD");
    assert_eq!(shown["discovered_by"], "us");
    assert_eq!(shown["status"], "new");
    assert_eq!(shown["steps"].as_array().unwrap().len(), 8);

    ok(&db, &["incidents", "step", inc, "contacted"]);
    ok(&db, &["incidents", "step", inc, "fix-promised", "--date", "2099-01-05"]);
    ok(&db, &["incidents", "change", inc, "--text", "Tiles now travel flat"]);
    // A change before the fix: the "what we changed" letter is not due yet.
    let shown: Value = serde_json::from_str(&ok(&db, &["incidents", "show", inc, "--json"])).unwrap();
    assert_eq!(shown["status"], "in_recovery");
    ok(&db, &["incidents", "step", inc, "fixed"]);
    let shown: Value = serde_json::from_str(&ok(&db, &["incidents", "show", inc, "--json"])).unwrap();
    assert_eq!(shown["status"], "follow_up_due");
    assert_eq!(shown["fix_promised_by"], "2099-01-05");
    assert_eq!(shown["changes"][0]["text"], "Tiles now travel flat");
    assert!(shown["first_contacted_at"].is_string());

    let listed: Value =
        serde_json::from_str(&ok(&db, &["incidents", "list", "--status", "follow_up_due", "--json"])).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let listed: Value = serde_json::from_str(&ok(&db, &["incidents", "list", "--status", "closed", "--json"])).unwrap();
    assert_eq!(listed, serde_json::json!([]));
}

#[test]
fn profile_set_and_show() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    ok(
        &db,
        &[
            "profile",
            "set",
            "--name",
            "Finch Tiling",
            "--signer",
            "Morgan Finch",
            "--paper",
            "a4",
            "--address-line",
            "1 Mill Road",
            "--city",
            "York",
        ],
    );
    ok(&db, &["profile", "set", "--phone", "01904 000000"]);
    let p: Value = serde_json::from_str(&ok(&db, &["profile", "show", "--json"])).unwrap();
    assert_eq!(p["business_name"], "Finch Tiling");
    assert_eq!(p["paper"], "a4");
    assert_eq!(p["phone"], "01904 000000");
    assert_eq!(p["address_lines"][0], "1 Mill Road");
    let o = run(&db, &["profile", "set", "--paper", "tabloid"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a paper size"));
}

#[test]
fn bad_input_gets_one_clear_line_and_a_nonzero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.sqlite3");
    let cases: &[(&[&str], &str)] = &[
        (&["customers", "add", "--name", " "], "A customer needs a name."),
        (&["incidents", "add", "--customer", "999", "--title", "Late"], "no customer #999"),
        (&["incidents", "show", "77"], "Incident #77 was not found"),
        (&["incidents", "step", "1", "teleported"], "not a recovery step"),
    ];
    for (args, expected) in cases {
        let o = run(&db, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    }
    let id = ok(&db, &["customers", "add", "--name", "Ada"]);
    let o = run(&db, &["incidents", "add", "--customer", id.trim(), "--title", "Late", "--order-value", "-5"]);
    assert!(stderr(&o).contains("can't be negative"));
    let inc = ok(&db, &["incidents", "add", "--customer", id.trim(), "--title", "Late", "--occurred", "2026-03-01"]);
    let o = run(&db, &["incidents", "step", inc.trim(), "fix-promised", "--date", "2026-01-01"]);
    assert!(stderr(&o).contains("before the incident"), "{}", stderr(&o));
    let o = run(&db, &["customers", "add", "--name", &"x".repeat(5000)]);
    assert!(stderr(&o).contains("too long"));
}

#[cfg(unix)]
#[test]
fn invalid_utf8_argument_is_refused() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let o = std::process::Command::new(crate::common::amends_bin())
        .arg("--db")
        .arg(dir.path().join("u.sqlite3"))
        .args(["customers", "add", "--name"])
        .arg(std::ffi::OsStr::from_bytes(b"Zo\xEB"))
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(stderr(&o).to_lowercase().contains("utf-8"), "{}", stderr(&o));
    assert!(
        !dir.path().join("u.sqlite3").exists() || {
            let db = amends::Db::open(&dir.path().join("u.sqlite3")).unwrap();
            db.customer_count().unwrap() == 0
        }
    );
}

#[test]
fn a_file_that_is_not_a_database_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "shopping list").unwrap();
    let o = run(&path, &["customers", "list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not an Amends database"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "shopping list");
}

#[test]
fn amends_db_environment_variable_picks_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("env.sqlite3");
    let o = std::process::Command::new(crate::common::amends_bin())
        .env("AMENDS_DB", &path)
        .args(["customers", "add", "--name", "Env Person"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(amends::Db::open(&path).unwrap().customer_count().unwrap(), 1);
}

#[test]
fn demo_then_check_db() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let out = ok(&db, &["demo", "--customers", "30", "--incidents", "50", "--seed", "3", "--as-of", "2026-11-26"]);
    assert!(out.contains("30 customers, 50 incidents"), "{out}");
    assert!(ok(&db, &["check-db"]).contains("healthy"));
}
