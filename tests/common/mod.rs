//! Helpers shared by the integration tests.
#![allow(dead_code)]
use amends::domain::{CustomerInput, IncidentInput};
use amends::Db;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn db() -> Db {
    Db::open_in_memory().expect("in-memory database opens")
}

pub fn customer(db: &mut Db, name: &str) -> i64 {
    db.add_customer(&CustomerInput { name: name.into(), ..Default::default() }).expect("customer is valid").id
}

/// A customer with a US postal address (so letters can be printed), tagged
/// `tag`, and with an email address when `email` is given.
pub fn addressed_customer(db: &mut Db, name: &str, tag: &str, email: Option<&str>) -> i64 {
    db.add_customer(&amends::domain::CustomerInput {
        name: name.into(),
        email: email.map(str::to_string),
        tags: vec![tag.into()],
        address: amends::domain::Address {
            lines: vec!["1 Mill Road".into()],
            city: Some("Portland".into()),
            region: Some("OR".into()),
            postal_code: Some("97209".into()),
            country: Some("United States".into()),
        },
        ..Default::default()
    })
    .unwrap()
    .id
}

pub fn incident(db: &mut Db, customer_id: i64, title: &str) -> i64 {
    db.add_incident(&IncidentInput {
        customer_id,
        title: title.into(),
        occurred_at: Some("2026-03-01 10:00".into()),
        discovered_at: Some("2026-03-01 11:00".into()),
        ..Default::default()
    })
    .expect("incident is valid")
    .id
}

/// The built `amends` binary (cargo builds it for integration tests).
pub fn amends_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_amends"))
}

pub fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(amends_bin()).arg("--db").arg(db).args(args).env_remove("AMENDS_DB").output().expect("amends runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A check that could not run on this machine (no LibreOffice, no tmpfs):
/// said on stderr and listed in `target/tmp/skipped-checks.txt`, which
/// `make test` prints in its summary, so a skip is never silent.
pub fn skipped(check: &str, why: &str) {
    eprintln!("{check}: {why}; not checked");
    let list = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("skipped-checks.txt");
    if let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(list) {
        use std::io::Write;
        let _ = writeln!(f, "{check}: {why}");
    }
}
