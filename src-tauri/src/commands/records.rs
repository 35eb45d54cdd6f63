//! Keeping records safe: back up now, restore, a customer's data export and erasure.
//! Paths come from the save/open dialogs in the UI.
use super::CmdResult;
use crate::state::AppState;
use amends::store::backup::{BackupInfo, RestoreReport, Retention};
use amends::store::ErasureReport;
use std::path::PathBuf;
use tauri::State;

#[tauri::command(async)]
pub fn backup_to(state: State<'_, AppState>, path: PathBuf) -> CmdResult<BackupInfo> {
    state.db()?.backup_to(&path)
}

#[tauri::command(async)]
pub fn restore_from(state: State<'_, AppState>, path: PathBuf) -> CmdResult<RestoreReport> {
    state.db()?.restore_from(&path)
}

#[tauri::command(async)]
pub fn export_customer_data(state: State<'_, AppState>, id: i64, path: PathBuf) -> CmdResult<()> {
    let dossier = state.db()?.customer_dossier(id)?;
    let text = serde_json::to_vec_pretty(&dossier).expect("the dossier always serialises");
    amends::files::write_atomically(&path, &text)
}

#[tauri::command(async)]
pub fn erase_customer(state: State<'_, AppState>, id: i64) -> CmdResult<ErasureReport> {
    let mut db = state.db()?;
    db.backup_now("before-erase", Retention::default())?;
    db.erase_customer(id)
}
