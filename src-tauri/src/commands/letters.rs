//! The words and the paper: live qualifier checking, drafts, PDF letters,
//! and marking follow-ups as sent once the owner confirms they went out.
use super::jobs::Reporter;
use super::CmdResult;
use crate::state::AppState;
use amends::checker::{self, Finding};
use amends::domain::{LetterKind, LetterRecord};
use amends::draft::Tone;
use amends::letters::kept::{self, KeptLetter, SentBy};
use amends::letters::{self, send, BatchReport, Draft, PrintKind};
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
pub fn draft(state: State<'_, AppState>, id: i64, kind: LetterKind, tone: Tone) -> CmdResult<Draft> {
    letters::draft_and_keep(&mut *state.db()?, id, kind, tone)
}

/// Keep the owner's edited text of a letter.
#[tauri::command(async)]
pub fn save_letter(
    state: State<'_, AppState>,
    id: i64,
    kind: LetterKind,
    tone: Option<Tone>,
    body: String,
) -> CmdResult<LetterRecord> {
    state.db()?.save_letter(id, kind, tone.map(letters::tone_key), &body)
}

#[tauri::command(async)]
pub fn follow_ups_due(state: State<'_, AppState>) -> CmdResult<Vec<IncidentSummary>> {
    state.db()?.follow_ups_due_list()
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
    tone: Option<Tone>,
    paper: Option<Paper>,
    path: PathBuf,
    ticket: u64,
) -> CmdResult<BatchReport> {
    let path = state.granted(&path)?;
    let tone = tone.unwrap_or_default();
    let mut job = Reporter::start(&app, &state, ticket);
    letters::render_batch(&*state.db()?, &ids, kind, tone, paper, &path, |p| job.report(p))
}

/// The printer calibration page, to hold against an envelope.
#[tauri::command(async)]
pub fn save_calibration_pdf(state: State<'_, AppState>, paper: Option<Paper>, path: PathBuf) -> CmdResult<()> {
    let path = state.granted(&path)?;
    letters::render_calibration(&*state.db()?, paper, &path)
}

/// Only after the owner confirmed the letters went out.
#[tauri::command(async)]
pub fn mark_follow_ups_sent(state: State<'_, AppState>, ids: Vec<i64>, tone: Option<Tone>) -> CmdResult<usize> {
    let tone = tone.unwrap_or_default();
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

/// The incident's kept letters, numbered, newest last.
#[tauri::command(async)]
pub fn kept_letters(state: State<'_, AppState>, id: i64) -> CmdResult<Vec<KeptLetter>> {
    kept::list(&*state.db()?, id)
}

/// Keep the owner's words as a version (the same words twice are one version).
#[tauri::command(async)]
pub fn keep_letter(
    state: State<'_, AppState>,
    id: i64,
    kind: LetterKind,
    tone: Option<Tone>,
    subject: Option<String>,
    body: String,
) -> CmdResult<KeptLetter> {
    kept::keep(&mut *state.db()?, id, kind, tone.map(letters::tone_key), subject.as_deref(), &body)
}

/// Record that a kept version went out, by post or by email.
#[tauri::command(async)]
pub fn mark_letter_sent(state: State<'_, AppState>, id: i64, version: u32, by: SentBy) -> CmdResult<KeptLetter> {
    kept::mark_sent(&mut *state.db()?, id, version, by)
}

/// The owner's words as the printed letter, saved where they chose.
#[tauri::command(async)]
pub fn save_letter_pdf(
    state: State<'_, AppState>,
    id: i64,
    kind: LetterKind,
    tone: Option<Tone>,
    text: String,
    paper: Option<Paper>,
    path: PathBuf,
) -> CmdResult<send::SavedLetter> {
    let path = state.granted(&path)?;
    let tone = tone.unwrap_or_default();
    send::save_pdf(&mut *state.db()?, id, kind, tone, &text, paper, &path)
}

/// The printers the system offers, and its default.
#[tauri::command(async)]
pub fn printers() -> CmdResult<amends::printing::Printers> {
    amends::printing::printers()
}

/// Print the owner's words as the letter on a printer (CUPS). Where there is
/// no CUPS (Windows), the letter opens in the system's PDF viewer to print.
#[tauri::command(async)]
pub fn print_letter<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
    kind: LetterKind,
    tone: Option<Tone>,
    text: String,
    printer: Option<String>,
) -> CmdResult<send::Printed> {
    let tone = tone.unwrap_or_default();
    if cfg!(windows) {
        let dir = std::env::temp_dir().join("amends-print");
        std::fs::create_dir_all(&dir).map_err(|e| amends::Error::io(&dir, e))?;
        let path = dir.join(format!("letter-{id}.pdf"));
        let saved = send::save_pdf(&mut *state.db()?, id, kind, tone, &text, None, &path)?;
        app.opener()
            .open_path(path.to_string_lossy(), None::<&str>)
            .map_err(|e| amends::Error::invalid("printer", format!("Could not open the PDF viewer: {e}")))?;
        return Ok(send::Printed { kept: saved.kept, job: "Opened in your PDF viewer to print.".into() });
    }
    send::print(&mut *state.db()?, id, kind, tone, &text, printer.as_deref())
}

/// The words as an email file (.eml), with the follow-up's PDF attached.
#[tauri::command(async)]
pub fn save_email(
    state: State<'_, AppState>,
    id: i64,
    kind: LetterKind,
    tone: Option<Tone>,
    text: String,
    path: PathBuf,
) -> CmdResult<send::SavedEmail> {
    let path = state.granted(&path)?;
    let tone = tone.unwrap_or_default();
    send::save_eml(&mut *state.db()?, id, kind, tone, &text, &path)
}

/// The `mailto:` link for the owner's mail program; the page opens it
/// through the opener plugin, whose capability allows `mailto:` only.
#[tauri::command(async)]
pub fn email_link(
    state: State<'_, AppState>,
    id: i64,
    kind: LetterKind,
    tone: Option<Tone>,
    text: String,
) -> CmdResult<send::EmailLink> {
    let tone = tone.unwrap_or_default();
    send::email_link(&mut *state.db()?, id, kind, tone, &text)
}
