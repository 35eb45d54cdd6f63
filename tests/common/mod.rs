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

/// The private PostgreSQL server of the tests (`tests/pg/with-postgres.sh`
/// sets `AMENDS_TEST_PG`), if there is one.
pub fn shared_server() -> Option<String> {
    std::env::var("AMENDS_TEST_PG").ok().filter(|s| !s.is_empty())
}

/// A new, empty database on the test server; its URL.
pub fn fresh_shared_database(label: &str) -> Option<String> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let server = shared_server()?;
    let tag: String =
        label.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').take(30).collect::<String>().to_lowercase();
    let name = format!("t_{tag}_{}_{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed));
    let mut admin = postgres::Client::connect(&server, postgres::NoTls).expect("the test server answers");
    admin.batch_execute(&format!("CREATE DATABASE {name}")).expect("a test database is created");
    Some(server.replacen("/postgres?", &format!("/{name}?"), 1))
}

/// An empty shared database, opened (its schema created) through the store.
pub fn shared_db(label: &str) -> Option<Db> {
    let url = fresh_shared_database(label)?;
    let loc = amends::store::shared::SharedLocation::parse(&url).expect("test URL parses");
    Some(Db::open_shared(&loc).expect("the shared database opens"))
}

/// Run one store test on both engines: an empty SQLite database, then an
/// empty PostgreSQL one on the test server (recorded as skipped without it).
pub fn each_engine(check: &str, test: impl Fn(Db)) {
    eprintln!("{check}: on SQLite");
    test(db());
    match shared_db(check) {
        Some(shared) => {
            eprintln!("{check}: on PostgreSQL");
            test(shared);
        }
        None => skipped(&format!("{check} on PostgreSQL"), "no PostgreSQL test server (tests/pg/with-postgres.sh)"),
    }
}
