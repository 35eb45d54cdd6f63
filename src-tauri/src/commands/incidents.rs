//! Incidents, their recovery steps, changes, timeline, and the Today queue.
use super::CmdResult;
use crate::state::AppState;
use amends::dates;
use amends::domain::{Change, Incident, IncidentInput, LetterRecord, RecoveryStep, TimelineEntry, TimelineKind};
use amends::makeup::{self, MakeUpReview};
use amends::store::{IncidentFilter, IncidentSummary, QueueItem, StepAction};
use tauri::State;

#[tauri::command(async)]
pub fn today(state: State<'_, AppState>, limit: Option<usize>) -> CmdResult<Vec<QueueItem>> {
    state.db()?.today_queue(limit.unwrap_or(100))
}

#[tauri::command(async)]
pub fn list_incidents(state: State<'_, AppState>, filter: IncidentFilter) -> CmdResult<Vec<IncidentSummary>> {
    state.db()?.list_incidents(&filter)
}

#[tauri::command(async)]
pub fn get_incident(state: State<'_, AppState>, id: i64) -> CmdResult<Incident> {
    state.db()?.incident(id)
}

#[tauri::command(async)]
pub fn add_incident(state: State<'_, AppState>, input: IncidentInput) -> CmdResult<Incident> {
    state.db()?.add_incident(&input)
}

#[tauri::command(async)]
pub fn update_incident(state: State<'_, AppState>, id: i64, input: IncidentInput) -> CmdResult<Incident> {
    state.db()?.update_incident(id, &input)
}

#[tauri::command(async)]
pub fn record_step(
    state: State<'_, AppState>,
    id: i64,
    step: RecoveryStep,
    at: Option<String>,
    skip_reason: Option<String>,
    undo: Option<bool>,
) -> CmdResult<Incident> {
    let action = StepAction::from_parts(at.as_deref(), skip_reason.as_deref(), undo.unwrap_or(false))?;
    state.db()?.record_step(id, step, action)
}

#[tauri::command(async)]
pub fn promise_fix(state: State<'_, AppState>, id: i64, date: String) -> CmdResult<Incident> {
    state.db()?.promise_fix(id, dates::parse_date("date", &date)?)
}

#[tauri::command(async)]
pub fn add_change(state: State<'_, AppState>, id: i64, date: Option<String>, text: String) -> CmdResult<Change> {
    let on = match date.as_deref().map(str::trim) {
        None | Some("") => dates::today(),
        Some(d) => dates::parse_date("date", d)?,
    };
    state.db()?.add_change(id, on, &text)
}

#[tauri::command(async)]
pub fn remove_change(state: State<'_, AppState>, change_id: i64) -> CmdResult<()> {
    state.db()?.remove_change(change_id)
}

#[tauri::command(async)]
pub fn add_timeline(
    state: State<'_, AppState>,
    id: i64,
    kind: String,
    text: String,
    at: Option<String>,
) -> CmdResult<TimelineEntry> {
    let at = dates::parse_datetime_or_now("at", at.as_deref())?;
    let kind: TimelineKind = kind.parse()?;
    state.db()?.add_timeline(id, at, kind, &text)
}

#[tauri::command(async)]
pub fn list_letters(state: State<'_, AppState>, id: i64) -> CmdResult<Vec<LetterRecord>> {
    state.db()?.letters(id)
}

/// The make-up suggestion for an incident, with its breakdown, ideas and
/// warnings about `offer` (an amount as typed) when given.
#[tauri::command(async)]
pub fn review_makeup(state: State<'_, AppState>, id: i64, offer: Option<String>) -> CmdResult<MakeUpReview> {
    makeup::review(&*state.db()?, id, offer.as_deref())
}

#[tauri::command(async)]
pub fn set_makeup(state: State<'_, AppState>, id: i64, description: String, value: String) -> CmdResult<Incident> {
    state.db()?.set_makeup(id, &description, &value)
}

/// The Today charts: counts over every incident, by SQLite.
#[tauri::command(async)]
pub fn dashboard_stats(state: State<'_, AppState>, months: Option<u32>) -> CmdResult<amends::store::DashboardStats> {
    state.db()?.dashboard_stats(months.unwrap_or(12))
}

/// Their words or our repeat-back, saved as the owner types during a call.
#[tauri::command(async)]
pub fn set_incident_words(
    state: State<'_, AppState>,
    id: i64,
    field: amends::store::WordsField,
    text: String,
) -> CmdResult<Incident> {
    state.db()?.set_incident_words(id, field, &text)
}

/// The call ended: log it with its length and mark the steps that happened.
#[tauri::command(async)]
pub fn end_call(state: State<'_, AppState>, id: i64, log: amends::calls::CallLog) -> CmdResult<Incident> {
    amends::calls::end_call(&mut *state.db()?, id, &log)
}

/// The customer's yearly spend and expected years, asked for by the make-up
/// calculator when they are blank; returns the review with them.
#[tauri::command(async)]
pub fn set_customer_value(
    state: State<'_, AppState>,
    id: i64,
    yearly_spend: String,
    years: u32,
) -> CmdResult<MakeUpReview> {
    makeup::set_customer_value(&mut *state.db()?, id, &yearly_spend, years)
}

/// The response-clock targets and working week.
#[tauri::command(async)]
pub fn clock_settings(state: State<'_, AppState>) -> CmdResult<amends::clocks::ClockSettings> {
    state.db()?.clock_settings()
}

#[tauri::command(async)]
pub fn save_clock_settings(
    state: State<'_, AppState>,
    settings: amends::clocks::ClockSettings,
) -> CmdResult<amends::clocks::ClockSettings> {
    state.db()?.save_clock_settings(&settings)
}

/// Running clocks, most late first: what is due today, or (`all`) every one.
#[tauri::command(async)]
pub fn clocks(state: State<'_, AppState>, all: Option<bool>) -> CmdResult<Vec<amends::clocks::Clock>> {
    let db = state.db()?;
    if all.unwrap_or(false) {
        amends::clocks::clocks(&db, dates::now())
    } else {
        amends::clocks::due_now(&db, dates::now())
    }
}

/// Promise a call-back by a date and time as typed; blank takes it back.
#[tauri::command(async)]
pub fn set_callback(state: State<'_, AppState>, id: i64, by: Option<String>) -> CmdResult<Incident> {
    let by = by.filter(|b| !b.trim().is_empty()).map(|b| dates::parse_datetime("callback_by", &b)).transpose()?;
    state.db()?.set_callback(id, by)
}

/// Delete an incident (a backup first); it can be put back with `undo_delete`
/// while the app stays open.
#[tauri::command(async)]
pub fn delete_incident(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    let mut db = state.db()?;
    let deleted = db.delete_incident_backed_up(id)?;
    *state.last_deleted.lock().unwrap_or_else(|p| p.into_inner()) = Some(deleted);
    Ok(())
}

/// Put back the incident deleted last.
#[tauri::command(async)]
pub fn undo_delete(state: State<'_, AppState>) -> CmdResult<Incident> {
    let Some(d) = state.last_deleted.lock().unwrap_or_else(|p| p.into_inner()).take() else {
        return Err(amends::Error::invalid("incident", "There is no deleted incident to put back."));
    };
    state.db()?.undelete_incident(&d)
}

/// The calendar feed (.ics) at a path picked in the save dialog; returns the number of events.
#[tauri::command(async)]
pub fn save_calendar(state: State<'_, AppState>, path: std::path::PathBuf) -> CmdResult<usize> {
    let path = state.granted(&path)?;
    amends::calendar::write_ics(&*state.db()?, dates::now(), &path)
}

/// Every cause, with how far its customers' recoveries have gone.
#[tauri::command(async)]
pub fn list_causes(state: State<'_, AppState>) -> CmdResult<Vec<amends::store::CauseSummary>> {
    state.db()?.causes()
}

/// One cause: its incidents, changes, and whether the changes worked.
#[tauri::command(async)]
pub fn cause_detail(state: State<'_, AppState>, id: i64) -> CmdResult<amends::causes::CauseDetail> {
    amends::causes::detail(&*state.db()?, id)
}

/// "Did this touch anyone else?": make a cause from an incident (its title,
/// category and what we found), linked to it.
#[tauri::command(async)]
pub fn cause_from_incident(state: State<'_, AppState>, id: i64, title: String) -> CmdResult<amends::domain::Cause> {
    amends::causes::from_incident(&mut *state.db()?, id, &title)
}

/// Link an incident to a cause, or (`cause_id` null) unlink it.
#[tauri::command(async)]
pub fn link_incident(state: State<'_, AppState>, id: i64, cause_id: Option<i64>) -> CmdResult<Incident> {
    let mut db = state.db()?;
    db.link_incident(id, cause_id)?;
    db.incident(id)
}

/// Open a get-there-first incident for each chosen customer (one transaction).
#[tauri::command(async)]
pub fn affect_customers(
    state: State<'_, AppState>,
    id: i64,
    customers: Vec<i64>,
    dry_run: Option<bool>,
) -> CmdResult<amends::causes::AffectReport> {
    amends::causes::affect(&mut *state.db()?, id, &amends::causes::Who::Customers(customers), dry_run.unwrap_or(false))
}

/// A change made because of the cause; it flows into every linked incident.
#[tauri::command(async)]
pub fn add_cause_change(state: State<'_, AppState>, id: i64, date: Option<String>, text: String) -> CmdResult<Change> {
    let on = match date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => dates::parse_date("date", d)?,
        None => dates::today(),
    };
    state.db()?.add_cause_change(id, on, &text)
}
