//! The business profile.
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
