//! The ways a letter leaves Amends: a PDF, the printer, an email file, the
//! owner's mail program. Each keeps the words as a version first (the same
//! words twice are one version), so "mark sent" can say which version went.
use super::kept::{self, KeptLetter};
use super::{BatchReport, PrintKind};
use crate::domain::LetterKind;
use crate::draft::Tone;
use crate::email::{self, EmailDraft};
use crate::error::{Error, Result};
use crate::pdf::Paper;
use crate::store::Db;
use serde::Serialize;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct SavedLetter {
    pub kept: KeptLetter,
    pub report: BatchReport,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct SavedEmail {
    pub kept: KeptLetter,
    pub email: EmailDraft,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct EmailLink {
    pub kept: KeptLetter,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct Printed {
    pub kept: KeptLetter,
    /// CUPS's answer, e.g. "request id is Office-12 (1 file(s))".
    pub job: String,
}

/// Which letter goes on paper for a kind of text.
fn paper_kind(kind: LetterKind) -> Result<PrintKind> {
    match kind {
        LetterKind::Apology => Ok(PrintKind::Apology),
        LetterKind::FollowUp => Ok(PrintKind::FollowUp),
        LetterKind::Email | LetterKind::Call => {
            Err(Error::invalid("kind", "Only the apology letter and the \"what we changed\" letter are printed."))
        }
    }
}

/// Which message an emailed text is: the apology, or the follow-up with its letter attached.
fn email_kind(kind: LetterKind) -> Result<PrintKind> {
    match kind {
        LetterKind::Apology | LetterKind::Email => Ok(PrintKind::Apology),
        LetterKind::FollowUp => Ok(PrintKind::FollowUp),
        LetterKind::Call => Err(Error::invalid("kind", "A call script is for the phone; it is not emailed.")),
    }
}

fn keep(db: &mut Db, id: i64, kind: LetterKind, tone: Tone, text: &str) -> Result<KeptLetter> {
    let (subject, body) = kept::split_subject(text);
    if body.trim().is_empty() {
        return Err(Error::invalid("body", "The letter is empty. Write it, or draft it first."));
    }
    kept::keep(db, id, kind, Some(super::tone_key(tone)), subject.as_deref(), &body)
}

/// Keep the words and save them as the printed letter at `out`.
pub fn save_pdf(
    db: &mut Db,
    id: i64,
    kind: LetterKind,
    tone: Tone,
    text: &str,
    paper: Option<Paper>,
    out: &Path,
) -> Result<SavedLetter> {
    let pk = paper_kind(kind)?;
    let kept = keep(db, id, kind, tone, text)?;
    let report = super::render_owner_letter(db, id, pk, tone, text, paper, out)?;
    Ok(SavedLetter { kept, report })
}

/// Keep the words and print them on `printer` (the default when `None`).
pub fn print(db: &mut Db, id: i64, kind: LetterKind, tone: Tone, text: &str, printer: Option<&str>) -> Result<Printed> {
    let pk = paper_kind(kind)?;
    let kept = keep(db, id, kind, tone, text)?;
    let job = super::print_owner_letter(db, id, pk, tone, text, printer)?;
    Ok(Printed { kept, job })
}

/// Keep the words and write them as an email file at `out`.
pub fn save_eml(db: &mut Db, id: i64, kind: LetterKind, tone: Tone, text: &str, out: &Path) -> Result<SavedEmail> {
    let ek = email_kind(kind)?;
    let kept = keep(db, id, kind, tone, text)?;
    let email = email::write_eml(db, id, ek, tone, Some(text), out)?;
    Ok(SavedEmail { kept, email })
}

/// Keep the words and make the `mailto:` link that opens them in the owner's mail program.
pub fn email_link(db: &mut Db, id: i64, kind: LetterKind, tone: Tone, text: &str) -> Result<EmailLink> {
    let ek = email_kind(kind)?;
    let d = email::email_draft(db, id, ek, tone, Some(text))?;
    let kept = keep(db, id, kind, tone, text)?;
    Ok(EmailLink { kept, url: email::mailto_url(&d) })
}
