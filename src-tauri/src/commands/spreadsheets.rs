//! Spreadsheets: export the records, import customers. Paths are only those
//! the owner picked in Amends' dialogs (`AppState::granted`).
use super::jobs::Reporter;
use super::CmdResult;
use crate::state::AppState;
use amends::spreadsheet::{self, ExportOptions, ExportSummary, Field, ImportOptions, ImportPreview, ImportReport};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use tauri::{AppHandle, Runtime, State};

/// The records as one XLSX workbook or (format "csv") a folder of CSV files:
/// every table or one (`table`), incidents from one day to another (`from`,
/// `to`, both included; blank for no limit).
/// Async so it runs off the UI thread; reports progress about ten times a
/// second and stops (leaving no partial file) when `cancel_job` is called.
#[tauri::command]
#[allow(clippy::too_many_arguments)] // one argument per choice on the export form
pub async fn export_spreadsheet<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
    format: spreadsheet::ExportFormat,
    table: Option<String>,
    from: Option<String>,
    to: Option<String>,
    ticket: u64,
) -> CmdResult<ExportSummary> {
    let path = state.granted(&path)?;
    let opts = ExportOptions::from_text(format.key(), table.as_deref(), from.as_deref(), to.as_deref())?;
    let mut job = Reporter::start(&app, &state, ticket);
    spreadsheet::export(&*state.db()?, &opts, &path, |p| job.report(p.into()))
}

/// "Cancel" on the job with this ticket: an export, an import or its check, a
/// batch of letters, sample data (see `jobs`).
#[tauri::command]
pub fn cancel_job(state: State<'_, AppState>, ticket: u64) {
    state.cancelled.store(ticket, Ordering::SeqCst);
}

/// Add or update customers from a CSV file or workbook; a dry run changes nothing.
/// Async so a large file does not freeze the window; reports rows done and
/// can be cancelled, which changes nothing either.
/// `mapping`: the columns the owner set by hand in the mapper, as (field, header).
#[tauri::command]
#[allow(clippy::too_many_arguments)] // one argument per choice on the import form
pub async fn import_customers<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
    dry_run: bool,
    skip_invalid: bool,
    mapping: Option<Vec<(Field, String)>>,
    ticket: u64,
) -> CmdResult<ImportReport> {
    let path = state.granted(&path)?;
    let opts = ImportOptions { dry_run, skip_invalid, mapping: mapping.unwrap_or_default(), progress_total: true };
    let mut job = Reporter::start(&app, &state, ticket);
    spreadsheet::import_customers(&mut *state.db()?, &path, &opts, |p| job.report(p))
}

/// The column mapper: the first rows of the file with each column's field.
/// With no `mapping`, the one remembered for this header row (if any).
#[tauri::command(async)]
pub fn preview_import(
    state: State<'_, AppState>,
    path: PathBuf,
    mapping: Option<Vec<(Field, String)>>,
) -> CmdResult<ImportPreview> {
    let path = state.granted(&path)?;
    spreadsheet::preview_import(&*state.db()?, &path, mapping.as_deref(), 8)
}
