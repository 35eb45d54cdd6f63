//! The SQLite store: the only module that speaks SQL.
//!
//! `Db` wraps one connection (the desktop app keeps it behind a `Mutex`).
//! Opening sets WAL, foreign keys and a busy timeout, refuses files that are
//! not SQLite or come from a newer Amends, and applies pending migrations in
//! one transaction. Every write is one transaction; a failed write leaves
//! nothing behind. Every statement is parameterised.
pub mod backup;
mod causes;
mod clocks;
pub(crate) mod customers;
mod export;
mod import;
pub(crate) mod incidents;
mod photos;
mod privacy;
pub(crate) mod profile;
mod rows;
mod sample;
pub mod schema;
pub mod shared;
pub(crate) mod sql;
pub use sql::Engine;
mod stats;

pub use causes::CauseSummary;
pub use export::{ChangeRow, ExportFilter, ExportReader, IncidentRow, LetterRow, TimelineRow, EXPORT_INCIDENTS_SQL};
pub use import::{CustomerImport, SameCustomer, MIN_MATCH_PHONE_DIGITS};
pub use incidents::{
    DeletedIncident, IncidentFilter, IncidentSummary, QueueItem, QueueKind, StepAction, WordsField, KEPT_EDITS,
};
pub use photos::{PhotoOwner, StoredPhoto};
pub use privacy::{CustomerDossier, ErasureReport};
pub use profile::{ImageSlot, MAX_IMAGE_BYTES};
pub use sample::SampleRemoved;
pub(crate) use sample::{mark_since, max_ids, SampleRows};
pub use stats::{DashboardStats, MonthCount, NamedCount, Outcomes};

use crate::error::{Error, Result};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
pub(crate) use sql::Sql;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Numbered migrations; index + 1 is the schema version it brings the file to.
pub(crate) const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_audit_log.sql"),
    include_str!("migrations/003_bulk_index.sql"),
    include_str!("migrations/004_follow_up_after_fix.sql"),
    include_str!("migrations/005_clocks.sql"),
    include_str!("migrations/006_causes.sql"),
    include_str!("migrations/007_change_photos.sql"),
    include_str!("migrations/008_people.sql"),
    include_str!("migrations/009_customer_versions.sql"),
];

/// The newest schema this build understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The file name inside the application-data directory.
pub const DB_FILE_NAME: &str = "amends.sqlite3";
/// The identifier the desktop app is registered under; its data directory is named after it.
pub const APP_IDENTIFIER: &str = "dev.amends.desktop";

pub struct Db {
    conn: Conn,
    path: Option<PathBuf>,
    /// Who is working on this computer (Settings, or the CLI's --as): kept
    /// with each change to an incident, each timeline entry and audit line.
    person: Option<String>,
}

/// The engine underneath: a SQLite file (the default), or the shared database.
pub(crate) enum Conn {
    Lite(Connection),
    Pg(Box<std::cell::RefCell<sql::PgConn>>),
}

/// Where the database lives when nothing else is said: the OS application-data
/// directory (on Linux `$XDG_DATA_HOME/dev.amends.desktop/amends.sqlite3`),
/// the same place the desktop app uses.
pub fn default_path() -> Result<PathBuf> {
    let base = dirs::data_dir().ok_or_else(|| {
        Error::invalid("db", "Could not find your application-data folder. Set AMENDS_DB to the database file to use.")
    })?;
    Ok(base.join(APP_IDENTIFIER).join(DB_FILE_NAME))
}

/// libpq's other way to name a server, `host=db.example.com dbname=shop user=sam`,
/// which managed services show beside the URL: it would otherwise be taken as a
/// file name (and its folders made).
fn is_keyword_connection_string(t: &str) -> bool {
    const KEYWORDS: [&str; 8] = ["host", "hostaddr", "port", "dbname", "user", "password", "passfile", "sslmode"];
    t.split_once('=').is_some_and(|(k, _)| KEYWORDS.contains(&k.trim()))
}

/// The database location the owner gave (`--db`, `AMENDS_DB`), as an
/// absolute plain path: never a SQLite URI, `:memory:`, or a server URL.
pub fn location(given: &std::ffi::OsStr) -> Result<PathBuf> {
    let text = given.to_string_lossy();
    let t = text.trim();
    if t.is_empty() {
        return Err(Error::invalid("db", "The database location is empty; give a file path."));
    }
    if shared::is_shared_url(t) {
        return Err(Error::invalid(
            "db",
            "A shared database (postgres://…) is not a file. Give the path of a records file here.",
        ));
    }
    if is_keyword_connection_string(t) {
        return Err(Error::invalid(
            "db",
            "That is a PostgreSQL connection string of keywords (host=… dbname=…). Amends names a shared \
             database by its address instead: postgres://USER@HOST:PORT/DATABASE (the password in a password file).",
        ));
    }
    if t.contains("://") || t.starts_with("file:") || t == ":memory:" || t.starts_with(":memory:") {
        // An address may carry a password: never repeat one back.
        let shown = if t.contains('@') { "that address".to_string() } else { format!("\"{t}\"") };
        return Err(Error::invalid(
            "db",
            format!("Amends opens a file path here, not {shown}. Give the path of the records file, like /home/you/amends.sqlite3."),
        ));
    }
    let p = PathBuf::from(given);
    if p.is_absolute() {
        return Ok(p);
    }
    let here = std::env::current_dir().map_err(|e| Error::io(".", e))?;
    Ok(here.join(p))
}

impl Db {
    /// Open (or create) the database file at `path` and bring its schema up to date.
    pub fn open(path: &Path) -> Result<Db> {
        Db::open_with(path, true)
    }

    /// A restore's private copy: opened and migrated like any file, but with
    /// no backup of its own before the migration (it is a copy already).
    fn open_staged(path: &Path) -> Result<Db> {
        Db::open_with(path, false)
    }

    fn open_with(path: &Path, backup_before_migration: bool) -> Result<Db> {
        refuse_non_sqlite(path)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        create_private(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|_| Error::NotADatabase { path: path.to_path_buf() })?;
        let mut db = Db { conn: Conn::Lite(conn), path: Some(path.to_path_buf()), person: None };
        db.configure()?;
        db.migrate(backup_before_migration)?;
        Ok(db)
    }

    pub fn open_in_memory() -> Result<Db> {
        let mut db = Db { conn: Conn::Lite(Connection::open_in_memory()?), path: None, person: None };
        db.configure()?;
        db.migrate(false)?;
        Ok(db)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn configure(&mut self) -> Result<()> {
        self.lite()?.busy_timeout(Duration::from_secs(10))?;
        // Every statement goes through the cache (store/sql.rs); a bulk write such as
        // the sample data cycles through about twenty, more than rusqlite's default 16.
        self.lite()?.set_prepared_statement_cache_capacity(64);
        schema::harden(self.lite()?)?;
        // Read the version before anything writes: a file from a newer Amends
        // (or not SQLite at all, or another program's) must be left byte for byte as it was.
        let found = self.schema_version().map_err(|e| match e {
            Error::Storage(inner) => self.not_a_database_or(inner),
            other => other,
        })?;
        if found > SCHEMA_VERSION {
            return Err(Error::NewerSchema { found, supported: SCHEMA_VERSION });
        }
        self.check_ownership(found)?;
        self.lite()?
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
            .map_err(|e| self.not_a_database_or(e))?;
        // secure_delete: erased customers are overwritten on disk, not just unlinked.
        // temp_store: statement journals (every insert that fires a trigger keeps
        // one) and sorts stay in memory: a 100,000-row import wrote 300,000
        // pages to a temporary file otherwise.
        self.lite()?.execute_batch(
            "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;",
        )?;
        Ok(())
    }

    /// An empty file is new; a file with Amends' `application_id` is ours; a
    /// file without it is adopted only when its schema is exactly the one
    /// Amends built at its version (files made before the id existed).
    /// Anything else is another program's database and is not touched.
    fn check_ownership(&mut self, version: i64) -> Result<()> {
        let conn = self.lite()?;
        let app_id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let objects: i64 =
            conn.query_row("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'", [], |r| r.get(0))?;
        if app_id == schema::APPLICATION_ID || objects == 0 {
            return Ok(());
        }
        let path = self.path.clone().unwrap_or_default();
        if app_id != 0 {
            return Err(schema::foreign(&path, &[format!("its header names application {app_id:#x}")]));
        }
        let why = schema::differences(conn, version, MIGRATIONS)?;
        if !why.is_empty() {
            return Err(schema::foreign(&path, &why));
        }
        // An Amends file from before the id: adopt it.
        conn.pragma_update(None, "application_id", schema::APPLICATION_ID)?;
        Ok(())
    }

    fn not_a_database_or(&self, e: rusqlite::Error) -> Error {
        match (e.sqlite_error_code(), &self.path) {
            (Some(rusqlite::ErrorCode::NotADatabase), Some(p)) => Error::NotADatabase { path: p.clone() },
            _ => e.into(),
        }
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.lite()?.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    fn migrate(&mut self, backup_first: bool) -> Result<()> {
        let found = self.schema_version()?;
        if found >= SCHEMA_VERSION {
            return Ok(());
        }
        if found > 0 && backup_first {
            // Existing records: keep a copy as they were before the schema changes.
            self.backup_now(&format!("before-migration-v{}", found + 1), backup::Retention::default())?;
        }
        let tx = self.lite_mut()?.transaction_with_behavior(TransactionBehavior::Immediate)?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        }
        tx.pragma_update(None, "application_id", schema::APPLICATION_ID)?;
        tx.commit()?;
        Ok(())
    }

    /// Run `f` in one transaction (IMMEDIATE on SQLite): all of it lands, or none of it.
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&Sql) -> Result<T>) -> Result<T> {
        self.transaction(true, f)
    }

    /// `write`, or with `commit` false a dry run: everything `f` did is rolled back.
    pub(crate) fn transaction<T>(&mut self, commit: bool, f: impl FnOnce(&Sql) -> Result<T>) -> Result<T> {
        let person = self.person.as_deref();
        match &mut self.conn {
            Conn::Lite(c) => {
                let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
                let out = f(&Sql { on: sql::On::Lite(&tx), person })?;
                if commit {
                    tx.commit()?;
                } else {
                    tx.rollback()?;
                }
                Ok(out)
            }
            Conn::Pg(cell) => {
                let sql = Sql { on: sql::On::Pg(cell), person };
                // The counter's row lock makes writers take turns (see the shared schema).
                sql.begin("BEGIN; UPDATE change_counter SET counter = counter + 1 WHERE id = 1")?;
                match f(&sql) {
                    Ok(out) => {
                        sql.end(if commit { "COMMIT" } else { "ROLLBACK" })?;
                        Ok(out)
                    }
                    Err(e) => {
                        // The error is what the owner needs to see; a failed rollback
                        // leaves a connection the server ends anyway.
                        let _ = sql.end("ROLLBACK");
                        Err(e)
                    }
                }
            }
        }
    }

    /// Statements outside a transaction of their own (reads).
    pub(crate) fn sql(&self) -> Sql<'_> {
        let on = match &self.conn {
            Conn::Lite(c) => sql::On::Lite(c),
            Conn::Pg(cell) => sql::On::Pg(cell),
        };
        Sql { on, person: self.person.as_deref() }
    }

    /// A number that moves whenever someone else changes the records: the
    /// app asks for it every few seconds and refreshes what it shows when it
    /// moved. On a file, SQLite's `data_version` (changes by other
    /// connections); on the shared database, the counter every write bumps in
    /// its own transaction (so a change is seen only once it is committed).
    pub fn change_mark(&self) -> Result<i64> {
        match self.sql().sqlite() {
            Some(c) => Ok(c.query_row("PRAGMA data_version", [], |r| r.get(0))?),
            None => self.sql().one("SELECT counter FROM change_counter WHERE id = 1", ()),
        }
    }

    /// Name the person working on this computer (blank: nobody in particular).
    pub fn set_person(&mut self, name: Option<&str>) {
        self.person = name.map(str::trim).filter(|n| !n.is_empty()).map(|n| n.chars().take(80).collect());
    }

    pub fn person(&self) -> Option<&str> {
        self.person.as_deref()
    }

    /// Which engine holds the records.
    pub fn engine(&self) -> sql::Engine {
        self.sql().engine()
    }

    /// The SQLite connection, for what only a records file has (its backup
    /// API, PRAGMAs, its search index); on the shared database, a clear refusal.
    pub(crate) fn lite(&self) -> Result<&Connection> {
        match &self.conn {
            Conn::Lite(c) => Ok(c),
            Conn::Pg(cell) => Err(only_on_file(cell)),
        }
    }

    pub(crate) fn lite_mut(&mut self) -> Result<&mut Connection> {
        match &mut self.conn {
            Conn::Lite(c) => Ok(c),
            Conn::Pg(cell) => Err(only_on_file(cell)),
        }
    }

    /// Record an action in the audit log. Never put personal data in `detail`.
    pub(crate) fn audit(&mut self, action: &str, detail: &str) -> Result<()> {
        self.sql().execute(
            "INSERT INTO audit_log (at, action, detail, person) VALUES (?, ?, ?, ?)",
            sql::args![crate::dates::to_text(crate::dates::now()), action, detail, self.person.as_deref()],
        )?;
        Ok(())
    }

    /// The audit trail, newest first: (when, action, detail).
    pub fn audit_log(&self) -> Result<Vec<(String, String, String)>> {
        self.sql().query_map("SELECT at, action, detail FROM audit_log ORDER BY id DESC", (), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
    }

    /// SQLite's own integrity and foreign-key checks; empty when all is well.
    pub fn check_integrity(&self) -> Result<Vec<String>> {
        if let sql::On::Pg(cell) = self.sql().on {
            return Err(Error::shared(
                cell.borrow().location.shown(),
                "is checked by its server: PostgreSQL keeps its own files consistent and enforces every link \
                 between records as it writes. `amends check-db` checks records files.",
            ));
        }
        let conn = self.lite()?;
        let mut problems = Vec::new();
        let mut st = conn.prepare("PRAGMA integrity_check")?;
        for row in st.query_map([], |r| r.get::<_, String>(0))? {
            let row = row?;
            if row != "ok" {
                problems.push(row);
            }
        }
        let mut st = conn.prepare("PRAGMA foreign_key_check")?;
        for row in
            st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?, r.get::<_, String>(2)?)))?
        {
            let (table, rowid, parent) = row?;
            problems.push(format!(
                "{table} row {} points to a missing {parent} record",
                rowid.map_or("?".into(), |r| r.to_string())
            ));
        }
        Ok(problems)
    }
}

fn only_on_file(cell: &std::cell::RefCell<sql::PgConn>) -> Error {
    Error::shared(
        cell.borrow().location.shown(),
        "cannot do this yet: it works on a records file only in this version of Amends.",
    )
}

/// Refuse to open a non-empty file that does not start with SQLite's header,
/// so a wrong path never gets turned into (or mixed with) a database.
pub(crate) fn refuse_non_sqlite(path: &Path) -> Result<()> {
    use std::io::Read;
    let mut f = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(path, e)),
    };
    let mut header = [0u8; 16];
    let n = f.read(&mut header).map_err(|e| Error::io(path, e))?;
    if n == 0 {
        return Ok(());
    }
    if n < 16 || &header != b"SQLite format 3\0" {
        return Err(Error::NotADatabase { path: path.to_path_buf() });
    }
    Ok(())
}

/// Create the file readable by the owner only before SQLite opens it; SQLite
/// gives its -wal and -shm files the same permissions.
fn create_private(path: &Path) -> Result<()> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path).map(drop).map_err(|e| Error::io(path, e))
}
