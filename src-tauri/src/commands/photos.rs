//! Photos of changes: add from a file the owner picked, remove, and the
//! thumbnail bytes for the screen.
use super::CmdResult;
use crate::state::AppState;
use amends::domain::incident::PhotoInfo;
use amends::store::PhotoOwner;
use tauri::ipc::Response;
use tauri::State;

/// Add a photo (JPEG or PNG, HEIC refused with what to do) to a change.
#[tauri::command(async)]
pub fn add_photo(state: State<'_, AppState>, owner: PhotoOwner, path: String) -> CmdResult<PhotoInfo> {
    // Only a file picked in the dialog; decoding and reducing a phone photo
    // takes a moment, so it is done before the database is locked.
    let path = state.granted(std::path::Path::new(&path))?;
    let (name, photo) = amends::photos::prepare_file(&path)?;
    state.db()?.add_change_photo(owner, &name, &photo)
}

#[tauri::command(async)]
pub fn remove_photo(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.db()?.remove_photo(id)
}

/// The thumbnail as raw JPEG bytes (an ArrayBuffer in the page).
#[tauri::command(async)]
pub fn photo_thumb(state: State<'_, AppState>, id: i64) -> CmdResult<Response> {
    Ok(Response::new(state.db()?.photo_thumb(id)?))
}
