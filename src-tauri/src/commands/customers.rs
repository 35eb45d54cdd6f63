//! Customers: search, view, add, edit.
use super::CmdResult;
use crate::state::AppState;
use amends::domain::{Customer, CustomerInput};
use tauri::State;

#[tauri::command(async)]
pub fn search_customers(state: State<'_, AppState>, query: String, limit: Option<usize>) -> CmdResult<Vec<Customer>> {
    state.db()?.search_customers(&query, Some(limit.unwrap_or(200)))
}

#[tauri::command(async)]
pub fn get_customer(state: State<'_, AppState>, id: i64) -> CmdResult<Customer> {
    state.db()?.customer(id)
}

#[tauri::command(async)]
pub fn add_customer(state: State<'_, AppState>, input: CustomerInput) -> CmdResult<Customer> {
    state.db()?.add_customer(&input)
}

#[tauri::command(async)]
pub fn update_customer(state: State<'_, AppState>, id: i64, input: CustomerInput) -> CmdResult<Customer> {
    state.db()?.update_customer(id, &input)
}
