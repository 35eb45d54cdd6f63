//! The one piece of managed state: the database connection behind a mutex,
//! or, when it could not be opened, the reason (the UI shows it instead of a
//! blank window, with Try again and, for a shared database out of reach, this
//! computer's own file).
use amends::this_computer::{Records, ThisComputer};
use amends::{Db, Error};
use std::collections::HashSet;
use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU64;
use std::sync::{Mutex, MutexGuard};

pub struct AppState {
    /// Which records are open: this computer's file or a shared database.
    records: Mutex<Records>,
    /// This computer's settings file (none in the command tests).
    settings_path: Option<PathBuf>,
    /// None while `failure` says why the records could not be opened.
    db: Mutex<Option<Db>>,
    failure: Mutex<Option<OpenFailure>>,
    /// The ticket of the long job (export, import, letters, sample data) the
    /// owner cancelled, 0 for none; each job checks it at every step against
    /// its own ticket (`commands::jobs`), so a Cancel stops exactly that job.
    pub cancelled: AtomicU64,
    /// Paths the owner picked in Amends' own open and save dialogs since the
    /// app started: the only files the file commands read or write. The page
    /// cannot add to it, so even a compromised page cannot name a path.
    granted: Mutex<HashSet<PathBuf>>,
    /// The incident deleted last, while the app stays open: "Undo" puts it back.
    pub last_deleted: Mutex<Option<amends::store::DeletedIncident>>,
}

/// Why the database did not open, kept as the serialisable parts of the error.
#[derive(Debug, Clone, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct OpenFailure {
    #[cfg_attr(test, ts(type = "string"))]
    pub kind: &'static str,
    pub message: String,
}

impl AppState {
    pub fn open(records: Records, settings_path: Option<PathBuf>) -> AppState {
        let person = settings_path.as_deref().and_then(|p| ThisComputer::load(p).ok()).and_then(|s| s.person);
        let (db, failure) = match records.open() {
            Ok(mut db) => {
                db.set_person(person.as_deref());
                (Some(db), None)
            }
            Err(e) => (None, Some(OpenFailure::from(&e))),
        };
        AppState {
            records: Mutex::new(records),
            settings_path,
            db: Mutex::new(db),
            failure: Mutex::new(failure),
            cancelled: AtomicU64::new(0),
            granted: Mutex::new(HashSet::new()),
            last_deleted: Mutex::new(None),
        }
    }

    /// Which records are open.
    pub fn records(&self) -> Records {
        lock(&self.records).clone()
    }

    /// The records file, when the records are in one (not a shared database).
    pub fn db_path(&self) -> Option<PathBuf> {
        self.records().file().map(Path::to_path_buf)
    }

    /// This computer's settings (the defaults when there is no file for them).
    pub fn settings(&self) -> Result<ThisComputer, Error> {
        match &self.settings_path {
            Some(p) => ThisComputer::load(p),
            None => Ok(ThisComputer::default()),
        }
    }

    pub fn save_settings(&self, s: &ThisComputer) -> Result<(), Error> {
        match &self.settings_path {
            Some(p) => s.save(p),
            None => Ok(()),
        }
    }

    /// Work on `records` through `db` from now on (it replaces the open connection);
    /// after a failure to open, the app works again.
    pub fn switch(&self, records: Records, db: Db) {
        *lock(&self.db) = Some(db);
        *lock(&self.failure) = None;
        *lock(&self.records) = records;
    }

    /// The records could not be opened (again): the UI shows why.
    pub fn failed(&self, e: &Error) {
        *lock(&self.db) = None;
        *lock(&self.failure) = Some(OpenFailure::from(e));
    }

    /// A path the owner picked in a dialog (called by the dialog commands only).
    pub fn grant(&self, path: PathBuf) {
        lock(&self.granted).insert(path);
    }

    /// `path` if the owner picked it in a dialog; else a refusal. Debug builds
    /// started with `AMENDS_E2E_TYPED_PATHS=1` (the end-to-end tests, which
    /// cannot click a native dialog) also take typed paths; release builds never do.
    pub fn granted(&self, path: &Path) -> Result<PathBuf, Error> {
        if lock(&self.granted).contains(path) {
            return Ok(path.to_path_buf());
        }
        #[cfg(debug_assertions)]
        if std::env::var_os("AMENDS_E2E_TYPED_PATHS").is_some_and(|v| v == "1") {
            return Ok(path.to_path_buf());
        }
        Err(Error::invalid(
            "path",
            "Choose the file with the Choose… button: Amends only opens and saves files picked in its own dialog.",
        ))
    }

    pub fn open_failure(&self) -> Option<OpenFailure> {
        lock(&self.failure).clone()
    }

    /// The database, or the reason it is not available.
    pub fn db(&self) -> Result<DbGuard<'_>, Error> {
        let guard = lock(&self.db);
        if guard.is_none() {
            let why = self.open_failure().map_or_else(|| "Your records are not open.".into(), |f| f.message);
            return Err(Error::invalid("db", why));
        }
        Ok(DbGuard(guard))
    }
}

/// A panic while holding a lock cannot leave SQLite half-written (transactions), so carry on.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl From<&Error> for OpenFailure {
    fn from(e: &Error) -> Self {
        OpenFailure { kind: e.kind(), message: e.to_string() }
    }
}

/// The open database, held for one command.
pub struct DbGuard<'a>(MutexGuard<'a, Option<Db>>);

impl Deref for DbGuard<'_> {
    type Target = Db;
    fn deref(&self) -> &Db {
        self.0.as_ref().expect("AppState::db hands out a guard only over an open database")
    }
}

impl DerefMut for DbGuard<'_> {
    fn deref_mut(&mut self) -> &mut Db {
        self.0.as_mut().expect("AppState::db hands out a guard only over an open database")
    }
}
