//! Keeping records safe: back up now, restore, a customer's data export and erasure.
//! Paths are only those the owner picked in Amends' dialogs (`AppState::granted`).
use super::CmdResult;
use crate::state::AppState;
use amends::store::backup::{BackupInfo, RestoreReport};
use amends::store::ErasureReport;
use std::path::PathBuf;
use tauri::State;

#[tauri::command(async)]
pub fn backup_to(state: State<'_, AppState>, path: PathBuf) -> CmdResult<BackupInfo> {
    let path = state.granted(&path)?;
    state.db()?.backup_to(&path)
}

#[tauri::command(async)]
pub fn restore_from(state: State<'_, AppState>, path: PathBuf) -> CmdResult<RestoreReport> {
    let path = state.granted(&path)?;
    state.db()?.restore_from(&path)
}

#[tauri::command(async)]
pub fn export_customer_data(state: State<'_, AppState>, id: i64, path: PathBuf) -> CmdResult<()> {
    let path = state.granted(&path)?;
    let db = state.db()?;
    amends::files::refuse_database(&path, db.path())?;
    let dossier = db.customer_dossier(id)?;
    let text = serde_json::to_vec_pretty(&dossier).expect("the dossier always serialises");
    amends::files::write_atomically(&path, &text)
}

#[tauri::command(async)]
pub fn erase_customer(state: State<'_, AppState>, id: i64, from_backups: Option<bool>) -> CmdResult<ErasureReport> {
    state.db()?.erase_customer_on_request(id, from_backups.unwrap_or(false))
}

/// The backups Amends made (daily, before an import, a restore, an erasure…), newest first.
#[tauri::command(async)]
pub fn list_backups(state: State<'_, AppState>) -> CmdResult<Vec<amends::store::backup::BackupEntry>> {
    // A shared database has no backups folder here: its server keeps the backups.
    let Some(path) = state.db_path() else { return Ok(Vec::new()) };
    amends::store::backup::backups_listed(&amends::store::backup::backups_dir(&path))
}

/// Restore one of the backups Amends made, named by its file name (only from
/// Amends' own backups folder, so no path comes from the page).
#[tauri::command(async)]
pub fn restore_backup(state: State<'_, AppState>, name: String) -> CmdResult<RestoreReport> {
    let Some(path) = state.db_path() else {
        return Err(amends::Error::invalid("backup", "A shared database is restored on its server (see the README)."));
    };
    let dir = amends::store::backup::backups_dir(&path);
    let listed = amends::store::backup::backups_listed(&dir)?;
    let Some(b) = listed.into_iter().find(|b| b.path.file_name().is_some_and(|f| f.to_string_lossy() == name)) else {
        return Err(amends::Error::invalid("backup", format!("There is no backup called \"{name}\".")));
    };
    state.db()?.restore_from(&b.path)
}
