//! Spreadsheets: export the records, import customers. Paths come from the
//! save/open dialogs (or the path the owner typed) in the UI.
use super::CmdResult;
use crate::state::AppState;
use amends::spreadsheet::{self, ExportOptions, ExportSummary, ImportOptions, ImportReport};
use serde::Serialize;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use tauri::{AppHandle, Emitter, Runtime, State};

/// A running job's progress, sent to the UI as the "progress" event.
#[derive(Clone, Serialize)]
pub struct ProgressEvent {
    pub job: &'static str,
    pub done: u64,
    pub total: u64,
    /// What is being worked on, e.g. "incidents".
    pub label: String,
}

/// Every table, as one XLSX workbook or (format "csv") a folder of CSV files.
/// Async so it runs off the UI thread; reports progress about ten times a
/// second and stops (leaving no partial file) when `cancel_job` is called.
#[tauri::command]
pub async fn export_spreadsheet<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
    format: String,
) -> CmdResult<ExportSummary> {
    let opts = ExportOptions { format: format.parse()?, ..ExportOptions::default() };
    state.cancel.store(false, Ordering::SeqCst);
    let mut last = Instant::now();
    spreadsheet::export(&*state.db()?, &opts, &path, |p| {
        if last.elapsed() >= Duration::from_millis(100) || p.rows_done == p.rows_total {
            last = Instant::now();
            let _ = app.emit(
                "progress",
                ProgressEvent { job: "export", done: p.rows_done, total: p.rows_total, label: p.table.key().into() },
            );
        }
        if state.cancel.load(Ordering::SeqCst) {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })
}

/// "Cancel" on a running export.
#[tauri::command]
pub fn cancel_job(state: State<'_, AppState>) {
    state.cancel.store(true, Ordering::SeqCst);
}

/// Add or update customers from a CSV file or workbook; a dry run changes nothing.
/// Async so a large file does not freeze the window.
#[tauri::command]
pub async fn import_customers(
    state: State<'_, AppState>,
    path: PathBuf,
    dry_run: bool,
    skip_invalid: bool,
) -> CmdResult<ImportReport> {
    let opts = ImportOptions { dry_run, skip_invalid, mapping: Vec::new() };
    spreadsheet::import_customers(&mut *state.db()?, &path, &opts)
}
