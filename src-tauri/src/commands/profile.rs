//! The business profile and the category list.
use super::CmdResult;
use crate::state::AppState;
use amends::domain::Profile;
use amends::store::ImageSlot;
use std::path::PathBuf;
use tauri::State;

#[tauri::command(async)]
pub fn get_profile(state: State<'_, AppState>) -> CmdResult<Profile> {
    state.db()?.profile()
}

#[tauri::command(async)]
pub fn save_profile(state: State<'_, AppState>, profile: Profile) -> CmdResult<Profile> {
    state.db()?.save_profile(&profile)
}

#[tauri::command(async)]
pub fn list_categories(state: State<'_, AppState>) -> CmdResult<Vec<String>> {
    state.db()?.categories()
}

#[tauri::command(async)]
pub fn add_category(state: State<'_, AppState>, name: String) -> CmdResult<Vec<String>> {
    let mut db = state.db()?;
    db.add_category(&name)?;
    db.categories()
}

/// Each category with how many incidents are in it.
#[tauri::command(async)]
pub fn category_counts(state: State<'_, AppState>) -> CmdResult<Vec<(String, i64)>> {
    state.db()?.category_counts()
}

/// Rename a category (its incidents follow).
#[tauri::command(async)]
pub fn rename_category(state: State<'_, AppState>, from: String, to: String) -> CmdResult<Vec<(String, i64)>> {
    let mut db = state.db()?;
    db.rename_category(&from, &to)?;
    db.category_counts()
}

/// Remove a category: with `move_to`, its incidents go there first (a merge).
#[tauri::command(async)]
pub fn remove_category(
    state: State<'_, AppState>,
    name: String,
    move_to: Option<String>,
) -> CmdResult<Vec<(String, i64)>> {
    let mut db = state.db()?;
    match move_to {
        Some(into) => {
            db.merge_category(&name, &into)?;
        }
        None => db.remove_category(&name)?,
    }
    db.category_counts()
}

/// Use (or with no path, remove) a picture the owner chose in the open dialog
/// as the letterhead logo or the signature.
#[tauri::command(async)]
pub fn set_profile_image(state: State<'_, AppState>, slot: ImageSlot, path: Option<PathBuf>) -> CmdResult<()> {
    let path = path.map(|p| state.granted(&p)).transpose()?;
    amends::letters::set_profile_image(&mut *state.db()?, slot, path.as_deref())
}

/// Which pictures are set: (logo, signature).
#[tauri::command(async)]
pub fn profile_images(state: State<'_, AppState>) -> CmdResult<(bool, bool)> {
    let db = state.db()?;
    Ok((db.image(ImageSlot::Logo)?.is_some(), db.image(ImageSlot::Signature)?.is_some()))
}
