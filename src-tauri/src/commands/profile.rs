//! The business profile and the category list.
use super::CmdResult;
use crate::state::AppState;
use amends::domain::Profile;
use tauri::State;

#[tauri::command]
pub fn get_profile(state: State<'_, AppState>) -> CmdResult<Profile> {
    state.db()?.profile()
}

#[tauri::command]
pub fn save_profile(state: State<'_, AppState>, profile: Profile) -> CmdResult<Profile> {
    state.db()?.save_profile(&profile)
}

#[tauri::command]
pub fn list_categories(state: State<'_, AppState>) -> CmdResult<Vec<String>> {
    state.db()?.categories()
}

#[tauri::command]
pub fn add_category(state: State<'_, AppState>, name: String) -> CmdResult<Vec<String>> {
    let mut db = state.db()?;
    db.add_category(&name)?;
    db.categories()
}
