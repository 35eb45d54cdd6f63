//! The one error type of the core, with messages written for a shop owner.
//!
//! Every failure that can reach a person (CLI, desktop app) is one of these
//! variants. It serialises as `{ "kind": ..., "message": ... }` so the UI can
//! branch on `kind` and show `message` as is. Never put SQL or Rust jargon in
//! a message: say what happened and what to do.
use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that breaks a rule; `field` names the form field to highlight.
    #[error("{message}")]
    Invalid { field: &'static str, message: String },

    #[error("{what} was not found. It may have been deleted.")]
    NotFound { what: String },

    #[error("{} is not an Amends database (it is not a SQLite file, or it is damaged). It was left untouched.", .path.display())]
    NotADatabase { path: PathBuf },

    #[error("{} looks like another program's database ({why}), so Amends left it untouched. Choose an Amends file, or a new file name for new records.", .path.display())]
    ForeignDatabase { path: PathBuf, why: String },

    #[error("This database was written by a newer version of Amends (schema {found}, this version understands up to {supported}). Please update Amends; the file was left untouched.")]
    NewerSchema { found: i64, supported: i64 },

    #[error("The database is busy in another window or program. Please try again in a moment.")]
    Busy,

    #[error("Amends could not read or write its records: {0}")]
    Storage(rusqlite::Error),

    /// The person stopped a long job before it finished; it left nothing behind.
    #[error("{}", .0.cancelled_message())]
    Cancelled(crate::progress::Job),

    #[error("Could not use the file {}: {source}", .path.display())]
    Io { path: PathBuf, source: std::io::Error },

    /// A save made from an older copy of a record someone else has changed since.
    #[error("{message}")]
    Conflict { message: String },

    /// The shared (PostgreSQL) database. `location` is shown without its password.
    #[error("The shared database {location}: {message}")]
    Shared { location: String, message: String },
}

impl Error {
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Error::Invalid { field, message: message.into() }
    }

    pub fn not_found(what: impl Into<String>) -> Self {
        Error::NotFound { what: what.into() }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), source }
    }

    pub fn shared(location: &str, message: impl Into<String>) -> Self {
        Error::Shared { location: location.to_string(), message: message.into() }
    }

    /// A stable, machine-readable name for the kind of failure.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Invalid { .. } => "invalid",
            Error::NotFound { .. } => "not_found",
            Error::NotADatabase { .. } => "not_a_database",
            Error::ForeignDatabase { .. } => "foreign_database",
            Error::NewerSchema { .. } => "newer_schema",
            Error::Busy => "busy",
            Error::Storage(_) => "storage",
            Error::Cancelled(_) => "cancelled",
            Error::Io { .. } => "io",
            Error::Shared { .. } => "shared_database",
            Error::Conflict { .. } => "conflict",
        }
    }

    /// The form field this error is about, when there is one.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Busy,
            _ => Error::Storage(e),
        }
    }
}

/// An error as the UI receives it from a command; its TypeScript twin is
/// `AppError` (ui/src/bindings).
#[derive(serde::Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export, rename = "AppError"))]
struct ErrorBody {
    /// A stable key: "invalid", "not_found", "cancelled", ...
    kind: &'static str,
    /// One or two sentences for the owner.
    message: String,
    /// The form field it is about, if any.
    field: Option<&'static str>,
}

impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        ErrorBody { kind: self.kind(), message: self.to_string(), field: self.field() }.serialize(s)
    }
}
