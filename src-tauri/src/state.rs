//! The one piece of managed state: the database connection behind a mutex,
//! or, when it could not be opened, the reason (the UI shows it instead of a
//! blank window).
use amends::{Db, Error};
use std::path::PathBuf;
use std::sync::atomic::AtomicU64;
use std::sync::{Mutex, MutexGuard};

pub struct AppState {
    pub db_path: PathBuf,
    db: Result<Mutex<Db>, OpenFailure>,
    /// The ticket of the long job (export, import, letters, sample data) the
    /// owner cancelled, 0 for none; each job checks it at every step against
    /// its own ticket (`commands::jobs`), so a Cancel stops exactly that job.
    pub cancelled: AtomicU64,
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
    pub fn open(db_path: PathBuf) -> AppState {
        let db = Db::open(&db_path).map(Mutex::new).map_err(|e| OpenFailure { kind: e.kind(), message: e.to_string() });
        AppState { db_path, db, cancelled: AtomicU64::new(0) }
    }

    pub fn open_failure(&self) -> Option<&OpenFailure> {
        self.db.as_ref().err()
    }

    /// The database, or the reason it is not available.
    pub fn db(&self) -> Result<MutexGuard<'_, Db>, Error> {
        match &self.db {
            // A panic while holding the lock cannot leave SQLite half-written (transactions), so carry on.
            Ok(m) => Ok(m.lock().unwrap_or_else(|p| p.into_inner())),
            Err(f) => Err(Error::invalid("db", f.message.clone())),
        }
    }
}
