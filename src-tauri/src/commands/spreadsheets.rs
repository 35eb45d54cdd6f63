//! Spreadsheets: export the records, import customers. Paths come from the
//! save/open dialogs (or the path the owner typed) in the UI.
use super::CmdResult;
use crate::state::AppState;
use amends::spreadsheet::{self, ExportOptions, ExportSummary, ImportOptions, ImportReport};
use std::ops::ControlFlow;
use std::path::PathBuf;
use tauri::State;

/// Every table, as one XLSX workbook or (format "csv") a folder of CSV files.
#[tauri::command]
pub fn export_spreadsheet(state: State<'_, AppState>, path: PathBuf, format: String) -> CmdResult<ExportSummary> {
    let opts = ExportOptions { format: format.parse()?, ..ExportOptions::default() };
    spreadsheet::export(&*state.db()?, &opts, &path, |_| ControlFlow::Continue(()))
}

/// Add or update customers from a CSV file or workbook; a dry run changes nothing.
#[tauri::command]
pub fn import_customers(
    state: State<'_, AppState>,
    path: PathBuf,
    dry_run: bool,
    skip_invalid: bool,
) -> CmdResult<ImportReport> {
    let opts = ImportOptions { dry_run, skip_invalid, mapping: Vec::new() };
    spreadsheet::import_customers(&mut *state.db()?, &path, &opts)
}
