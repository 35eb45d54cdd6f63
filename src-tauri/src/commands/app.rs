//! Start-up status and sample data.
use super::jobs::Reporter;
use super::CmdResult;
use crate::state::{AppState, OpenFailure};
use amends::demo::{self, DemoOptions, DemoSummary};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct AppStatus {
    /// The records file, or the shared database's address (never its password).
    pub db_path: String,
    /// Set when the database could not be opened; the UI shows what to do.
    pub open_failure: Option<OpenFailure>,
    /// True when there are no customers yet (first run).
    pub empty: bool,
    pub profile_set_up: bool,
}

/// Where the records are and whether this is a first run (part of `startup`).
pub fn status_of(state: &AppState) -> AppStatus {
    let (empty, profile_set_up) = match state.db() {
        Ok(db) => {
            (db.customer_count().map(|n| n == 0).unwrap_or(true), db.profile().map(|p| p.is_set_up()).unwrap_or(false))
        }
        Err(_) => (true, false),
    };
    AppStatus { db_path: state.records().shown(), open_failure: state.open_failure(), empty, profile_set_up }
}

/// Open the same records again after they could not be opened (a shared
/// database's server was down or out of reach, say): the status says whether
/// that worked this time, and why not.
#[tauri::command(async)]
pub fn open_again<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> CmdResult<AppStatus> {
    if state.open_failure().is_some() {
        let records = state.records();
        match records.open() {
            Ok(mut db) => {
                db.set_person(state.settings()?.person.as_deref());
                state.switch(records, db);
                crate::reminders::start_once(&app);
            }
            Err(e) => state.failed(&e),
        }
    }
    Ok(status_of(&state))
}

/// Async so the window stays responsive while it runs; reports records
/// added and can be cancelled, which leaves the database empty.
#[tauri::command]
pub async fn load_sample_data<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    ticket: u64,
) -> CmdResult<DemoSummary> {
    let mut job = Reporter::start(&app, &state, ticket);
    demo::fill(&mut *state.db()?, &DemoOptions::default(), |p| job.report(p))
}

/// How many sample customers and incidents there are (Settings offers to remove them).
#[tauri::command(async)]
pub fn sample_counts(state: State<'_, AppState>) -> CmdResult<(usize, usize)> {
    state.db()?.sample_counts()
}

/// Remove all sample data (a backup first); what the owner added stays.
#[tauri::command(async)]
pub fn remove_sample_data(state: State<'_, AppState>) -> CmdResult<amends::store::SampleRemoved> {
    demo::remove(&mut *state.db()?)
}

/// Whether Amends opens when the owner logs in (minimised, so reminders arrive).
#[tauri::command(async)]
pub fn autostart_enabled<R: Runtime>(app: AppHandle<R>) -> CmdResult<bool> {
    use tauri_plugin_autostart::ManagerExt;
    app.autolaunch()
        .is_enabled()
        .map_err(|e| amends::Error::invalid("autostart", format!("Could not read the log-in setting: {e}")))
}

/// Open Amends when the owner logs in, or stop doing so. Off by default.
#[tauri::command(async)]
pub fn set_autostart<R: Runtime>(app: AppHandle<R>, on: bool) -> CmdResult<bool> {
    use tauri_plugin_autostart::ManagerExt;
    let l = app.autolaunch();
    let r = if on { l.enable() } else { l.disable() };
    r.map_err(|e| amends::Error::invalid("autostart", format!("Could not change the log-in setting: {e}")))?;
    l.is_enabled().map_err(|e| amends::Error::invalid("autostart", format!("Could not read the log-in setting: {e}")))
}
