//! Tauri commands: one thin function per user action, grouped by feature.
//! Each takes the state, calls one core function and returns its typed
//! result; errors reach the UI as `{ kind, message, field }`. They run off the
//! main thread (`command(async)`), so the window never waits on the database.
pub mod app;
pub mod customers;
pub mod files;
pub mod incidents;
pub mod jobs;
pub mod letters;
pub mod photos;
pub mod profile;
pub mod records;
pub mod shared;
pub mod spreadsheets;
pub mod startup;

pub type CmdResult<T> = Result<T, amends::Error>;
