//! The words and the paper: live qualifier checking, drafts, PDF letters,
//! and marking follow-ups as sent once the owner confirms they went out.
use super::jobs::Reporter;
use super::CmdResult;
use crate::state::AppState;
use amends::checker::{self, Finding};
use amends::domain::{LetterKind, LetterRecord};
use amends::letters::{self, BatchReport, Draft, PrintKind};
use amends::pdf::Paper;
use amends::store::IncidentSummary;
use std::path::PathBuf;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

/// Qualifiers in what the owner typed (and missing parts when it is a letter);
/// offsets are Unicode scalar (character) offsets. Runs on every keystroke.
#[tauri::command]
pub fn check_text(text: String, letter: Option<bool>) -> Vec<Finding> {
    checker::check_letter(&text, letter.unwrap_or(false))
}

/// Draft an apology, email, call script or follow-up and keep a record of it.
#[tauri::command(async)]
pub fn draft(state: State<'_, AppState>, id: i64, kind: LetterKind, tone: String) -> CmdResult<Draft> {
    letters::draft_and_keep(&mut *state.db()?, id, kind, letters::parse_tone(&tone)?)
}

/// Keep the owner's edited text of a letter.
#[tauri::command(async)]
pub fn save_letter(
    state: State<'_, AppState>,
    id: i64,
    kind: LetterKind,
    tone: Option<String>,
    body: String,
) -> CmdResult<LetterRecord> {
    state.db()?.save_letter(id, kind, tone.as_deref(), &body)
}

#[tauri::command(async)]
pub fn follow_ups_due(state: State<'_, AppState>) -> CmdResult<Vec<IncidentSummary>> {
    state.db()?.list_incidents(&amends::store::IncidentFilter {
        statuses: Some(vec![amends::domain::Status::FollowUpDue]),
        ..Default::default()
    })
}

/// Render letters for incidents into one PDF at a path the owner chose in the
/// save dialog. Async so a large batch does not freeze the window; reports
/// letters done and can be cancelled, leaving no PDF.
#[tauri::command]
#[allow(clippy::too_many_arguments)] // the arguments as the UI names them
pub async fn save_letters_pdf<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    ids: Vec<i64>,
    kind: PrintKind,
    tone: Option<String>,
    paper: Option<Paper>,
    path: PathBuf,
    ticket: u64,
) -> CmdResult<BatchReport> {
    let path = state.granted(&path)?;
    let tone = letters::parse_tone(tone.as_deref().unwrap_or("warm"))?;
    let mut job = Reporter::start(&app, &state, ticket);
    letters::render_batch_with_progress(&*state.db()?, &ids, kind, tone, paper, &path, |p| job.report(p))
}

/// The printer calibration page, to hold against an envelope.
#[tauri::command(async)]
pub fn save_calibration_pdf(state: State<'_, AppState>, paper: Option<Paper>, path: PathBuf) -> CmdResult<()> {
    let path = state.granted(&path)?;
    letters::render_calibration(&*state.db()?, paper, &path)
}

/// Only after the owner confirmed the letters went out.
#[tauri::command(async)]
pub fn mark_follow_ups_sent(state: State<'_, AppState>, ids: Vec<i64>, tone: Option<String>) -> CmdResult<usize> {
    let tone = letters::parse_tone(tone.as_deref().unwrap_or("warm"))?;
    letters::mark_follow_ups_sent(&mut *state.db()?, &ids, tone)
}

/// Open a PDF Amends just wrote in the system's viewer (print from there).
#[tauri::command(async)]
pub fn open_pdf<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, path: PathBuf) -> CmdResult<()> {
    let path = state.granted(&path)?;
    if path.extension().and_then(|e| e.to_str()) != Some("pdf") || !path.is_file() {
        return Err(amends::Error::invalid("path", "Only a PDF that Amends saved can be opened."));
    }
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| amends::Error::invalid("path", format!("Could not open the PDF viewer: {e}")))
}
