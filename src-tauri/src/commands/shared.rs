//! Settings → "Shared database": which records this computer works on, the
//! name of the person using it, and the mark the page polls to refresh when
//! someone else changes something.
use super::jobs::Reporter;
use super::CmdResult;
use crate::state::AppState;
use amends::store::shared::SharedLocation;
use amends::this_computer::Records;
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct SharedStatus {
    /// True on a shared (PostgreSQL) database, false on this computer's file.
    pub shared: bool,
    /// The file's path, or the shared database's address without its password.
    pub location: String,
    /// Who is working on this computer, kept with each change they make.
    pub person: Option<String>,
}

fn status(state: &AppState) -> CmdResult<SharedStatus> {
    let records = state.records();
    Ok(SharedStatus {
        shared: matches!(records, Records::Shared(_)),
        location: records.shown(),
        person: state.db()?.person().map(str::to_string),
    })
}

#[tauri::command(async)]
pub fn shared_status(state: State<'_, AppState>) -> CmdResult<SharedStatus> {
    status(&state)
}

/// The name of the person using this computer (blank for none).
#[tauri::command(async)]
pub fn set_person(state: State<'_, AppState>, name: String) -> CmdResult<SharedStatus> {
    let name = amends::text::optional("person", Some(&name), 80)?;
    let mut settings = state.settings()?;
    {
        let mut db = state.db()?;
        db.set_person(name.as_deref());
        settings.person = db.person().map(str::to_string);
    }
    state.save_settings(&settings)?;
    status(&state)
}

/// Work on the shared database at `url` from now on. With `move_records`,
/// this computer's records are first copied into it (it must be empty): a
/// long job that reports progress and can be cancelled under `ticket`.
#[tauri::command]
pub async fn use_shared_database<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    url: String,
    move_records: bool,
    ticket: u64,
) -> CmdResult<SharedStatus> {
    let loc = SharedLocation::parse(&url)?;
    if move_records {
        let mut job = Reporter::start(&app, &state, ticket);
        state.db()?.move_to_shared(&loc, false, |p| job.report(p))?;
    }
    work_on(&state, Records::Shared(loc), Some(url.trim().to_string()))
}

/// Back to this computer's own records file (also from the start-up screen,
/// when the shared database is out of reach).
#[tauri::command(async)]
pub fn use_this_computers_file<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> CmdResult<SharedStatus> {
    let status = work_on(&state, Records::File(amends::store::default_path()?), None)?;
    crate::reminders::start_once(&app);
    Ok(status)
}

/// Open `records` for this computer's person, remember the choice, and work on them from now on.
fn work_on(state: &AppState, records: Records, shared_database: Option<String>) -> CmdResult<SharedStatus> {
    let mut db = records.open()?;
    let mut settings = state.settings()?;
    db.set_person(settings.person.as_deref());
    settings.shared_database = shared_database;
    state.save_settings(&settings)?;
    state.switch(records, db);
    status(state)
}

/// A number that moves when someone else changes the records; the page asks
/// every few seconds and refreshes what it shows when it moved.
#[tauri::command(async)]
pub fn change_mark(state: State<'_, AppState>) -> CmdResult<i64> {
    state.db()?.change_mark()
}
