//! Incidents and the Today queue.
use super::CmdResult;
use crate::state::AppState;
use amends::domain::{Incident, IncidentInput};
use amends::store::QueueItem;
use tauri::State;

#[tauri::command]
pub fn today(state: State<'_, AppState>, limit: Option<usize>) -> CmdResult<Vec<QueueItem>> {
    state.db()?.open_by_urgency(limit.unwrap_or(100), 2)
}

#[tauri::command]
pub fn get_incident(state: State<'_, AppState>, id: i64) -> CmdResult<Incident> {
    state.db()?.incident(id)
}

#[tauri::command]
pub fn add_incident(state: State<'_, AppState>, input: IncidentInput) -> CmdResult<Incident> {
    state.db()?.add_incident(&input)
}
