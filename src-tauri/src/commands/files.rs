//! The open and save dialogs, shown by the shell (not the page) so the paths
//! they return can be remembered: the file commands accept only those
//! (`AppState::granted`).
use super::CmdResult;
use crate::state::AppState;
use serde::Deserialize;
use std::path::Path;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

/// A dialog filter: "PDF" with ["pdf"].
#[derive(Debug, Deserialize)]
pub struct Filter {
    pub name: String,
    pub extensions: Vec<String>,
}

fn with_filters<R: Runtime>(
    mut b: tauri_plugin_dialog::FileDialogBuilder<R>,
    filters: &[Filter],
) -> tauri_plugin_dialog::FileDialogBuilder<R> {
    for f in filters {
        let exts: Vec<&str> = f.extensions.iter().map(String::as_str).collect();
        b = b.add_filter(&f.name, &exts);
    }
    b
}

/// "Save as…": `None` when the owner cancels.
#[tauri::command]
pub async fn choose_save_path<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    default_path: String,
    filters: Vec<Filter>,
) -> CmdResult<Option<String>> {
    let mut b = with_filters(app.dialog().file(), &filters);
    let suggested = Path::new(&default_path);
    if let Some(dir) = suggested.parent().filter(|d| d.is_dir()) {
        b = b.set_directory(dir);
    }
    if let Some(name) = suggested.file_name() {
        b = b.set_file_name(name.to_string_lossy());
    }
    Ok(remember(&state, b.blocking_save_file()))
}

/// "Open…" for one file: `None` when the owner cancels.
#[tauri::command]
pub async fn choose_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    filters: Vec<Filter>,
) -> CmdResult<Option<String>> {
    let b = with_filters(app.dialog().file(), &filters);
    Ok(remember(&state, b.blocking_pick_file()))
}

fn remember(state: &AppState, picked: Option<tauri_plugin_dialog::FilePath>) -> Option<String> {
    let path = picked?.into_path().ok()?;
    state.grant(path.clone());
    Some(path.to_string_lossy().into_owned())
}
