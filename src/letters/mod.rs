//! From an incident to a letter on paper: gathers what the drafter needs from
//! the records, drafts the words, and renders one PDF for one incident or a
//! whole batch (mail merge). The PDF is written to a temporary file beside
//! the target and renamed, so a failure or a cancel never leaves half a file.
//!
//! Nothing is marked as sent here: the owner confirms that letters went out
//! (`mark_follow_ups_sent`) after printing.
use crate::dates;
use crate::domain::{Customer, Incident, LetterKind, Profile};
use crate::draft::{self, DraftInput, FixState, Tone};
use crate::error::{Error, Result};
use crate::letter_text::{DatedChange, LetterText};
use crate::pdf::{self, DocumentSpec, EnvelopeLayout, Letterhead, Paper, PdfLetter};
use crate::progress::{self, Job, Progress};
use crate::store::{Db, ImageSlot};
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::ops::ControlFlow;
use std::path::Path;

pub mod kept;
pub mod send;

/// "warm" / "formal", as stored on letter records.
pub fn tone_key(t: Tone) -> &'static str {
    match t {
        Tone::Warm => "warm",
        Tone::Formal => "formal",
    }
}

/// Parse a tone typed by the owner, with a message naming the choices.
pub fn parse_tone(s: &str) -> Result<Tone> {
    s.parse().map_err(|_| Error::invalid("tone", format!("\"{s}\" is not a tone. Use warm or formal.")))
}

/// The two letters that go on paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum PrintKind {
    Apology,
    FollowUp,
}

impl PrintKind {
    pub fn letter_kind(self) -> LetterKind {
        match self {
            PrintKind::Apology => LetterKind::Apology,
            PrintKind::FollowUp => LetterKind::FollowUp,
        }
    }
}

/// A letter that could not be made, and why, in the owner's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct Skipped {
    pub incident_id: i64,
    pub customer_name: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct BatchReport {
    pub letters: usize,
    pub pages: usize,
    /// The incidents whose letters are in the PDF, in order.
    pub incident_ids: Vec<i64>,
    pub skipped: Vec<Skipped>,
    /// Characters the fonts cannot draw (printed as "?"), one sentence each.
    pub warnings: Vec<String>,
}

/// What the drafter needs, taken from the records. Dates are formatted in the profile's format.
pub fn draft_input(incident: &Incident, customer: &Customer, profile: &Profile) -> DraftInput {
    let fmt = profile.date_format;
    let fix = match (incident.fixed_at(), incident.fix_promised_by) {
        (Some(at), _) => FixState::Fixed { on: fmt.format(at.date_naive()) },
        (None, Some(by)) => FixState::Promised { by: fmt.format(by) },
        _ => FixState::Unknown,
    };
    let make_up = incident.makeup_description.clone().map(|d| match incident.makeup_value_minor {
        Some(v) if v > 0 && !d.contains(profile.currency.symbol()) => {
            format!("{d} (worth {})", profile.currency.format(v))
        }
        _ => d,
    });
    DraftInput {
        customer_name: customer.name.clone(),
        business_name: profile.business_name.clone(),
        signer_name: profile.signer_name.clone(),
        signer_title: profile.signer_title.clone().unwrap_or_default(),
        direct_phone: profile.phone.clone(),
        direct_email: profile.email.clone(),
        incident_title: incident.title.clone(),
        customers_words: incident.what_happened.clone(),
        our_understanding: incident.our_understanding.clone(),
        discovered_by_us: incident.discovered_by == crate::domain::DiscoveredBy::Us,
        fix,
        next_contact: incident.fix_promised_by.filter(|_| incident.fixed_at().is_none()).map(|d| fmt.format(d)),
        make_up,
        // The cause's changes (shared by every customer it touched) and the incident's own, by date.
        changes: changes_by_date(incident)
            .into_iter()
            .map(|c| DatedChange {
                date: fmt.format(c.date),
                text: c.text.clone(),
                photo_ids: c.photos.iter().map(|p| p.id).collect(),
            })
            .collect(),
        root_cause: incident.root_cause.clone(),
        second_failure: incident.second_failure,
        business_type: profile.business_type,
        category: incident.category.clone(),
    }
}

/// An incident's changes as its follow-up lists them: the cause's (shared by
/// every customer it touched) and its own, by date.
pub fn changes_by_date(incident: &Incident) -> Vec<&crate::domain::Change> {
    let mut all: Vec<&crate::domain::Change> = incident.cause_changes.iter().chain(&incident.changes).collect();
    all.sort_by_key(|c| c.date);
    all
}

/// The document for letters of `kind` to these incidents: a follow-up also
/// carries the photos of their changes.
fn letters_spec(db: &Db, paper: Option<Paper>, kind: PrintKind, incident_ids: &[i64]) -> Result<DocumentSpec> {
    let mut spec = document_spec(db, paper)?;
    if kind == PrintKind::FollowUp {
        spec.photos = db.print_photos(incident_ids)?;
    }
    Ok(spec)
}

/// Draft the words of a letter for an incident. A follow-up needs at least one recorded change.
pub fn letter_text(db: &Db, incident_id: i64, kind: PrintKind, tone: Tone) -> Result<(LetterText, Customer)> {
    let incident = db.incident(incident_id)?;
    let customer = db.customer(incident.customer_id)?;
    let profile = db.profile()?;
    let input = draft_input(&incident, &customer, &profile);
    let seed = incident.id as u64;
    let text = match kind {
        PrintKind::Apology => draft::draft_apology(&input, tone, seed),
        PrintKind::FollowUp => {
            if incident.changes.is_empty() && incident.cause_changes.is_empty() {
                return Err(Error::invalid(
                    "changes",
                    format!(
                        "The follow-up letter to {} needs at least one change you made. Add it under \"What we changed\" first.",
                        customer.name
                    ),
                ));
            }
            draft::draft_follow_up(&input, tone, seed)
        }
    };
    Ok((text, customer))
}

/// Draft any kind of text for an incident: (subject for an email, body).
pub fn draft_text(db: &Db, incident_id: i64, kind: LetterKind, tone: Tone) -> Result<(Option<String>, String)> {
    let incident = db.incident(incident_id)?;
    let customer = db.customer(incident.customer_id)?;
    let profile = db.profile()?;
    let input = draft_input(&incident, &customer, &profile);
    let seed = incident.id as u64;
    Ok(match kind {
        LetterKind::Apology => (None, draft::letter_plain_text(&draft::draft_apology(&input, tone, seed))),
        LetterKind::Email => {
            let (s, b) = draft::draft_email(&input, tone, seed);
            (Some(s), b)
        }
        LetterKind::Call => (None, draft::draft_call_script(&input, tone, seed)),
        LetterKind::FollowUp => {
            let (text, _) = letter_text(db, incident_id, PrintKind::FollowUp, tone)?;
            (None, draft::letter_plain_text(&text))
        }
    })
}

/// A drafted text as kept in the incident's letters, with the qualifiers the
/// checker finds in it (only ever inside the owner's own words).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct Draft {
    pub letter: crate::domain::LetterRecord,
    pub subject: Option<String>,
    pub body: String,
    pub findings: Vec<crate::checker::Finding>,
}

/// Draft a text for an incident and keep it in the incident's letters.
pub fn draft_and_keep(db: &mut Db, incident_id: i64, kind: LetterKind, tone: Tone) -> Result<Draft> {
    let (subject, body) = draft_text(db, incident_id, kind, tone)?;
    let stored = match &subject {
        Some(s) => format!("Subject: {s}\n\n{body}"),
        None => body.clone(),
    };
    let letter = db.save_letter(incident_id, kind, Some(tone_key(tone)), &stored)?;
    let findings = crate::checker::check(&body);
    Ok(Draft { letter, subject, body, findings })
}

/// The letterhead, paper and envelope from the business profile.
pub fn document_spec(db: &Db, paper: Option<Paper>) -> Result<DocumentSpec> {
    let p = db.profile()?;
    if !p.is_set_up() {
        return Err(Error::invalid(
            "profile",
            "Fill in the business profile (name and signer) before printing letters.",
        ));
    }
    let paper = paper.unwrap_or(p.paper);
    // The renderer places the window for any paper/envelope pair (A4 in a #10 included).
    let envelope = EnvelopeLayout {
        preset: p.envelope,
        offset_x_mm: p.offset_x_mm as f32,
        offset_y_mm: p.offset_y_mm as f32,
        custom_window: None,
    };
    let mut address_lines = p.address_lines.clone();
    let locality: Vec<&str> =
        [p.city.as_deref(), p.region.as_deref(), p.postal_code.as_deref()].into_iter().flatten().collect();
    if !locality.is_empty() {
        address_lines.push(locality.join(" "));
    }
    Ok(DocumentSpec {
        letterhead: Letterhead {
            business_name: p.business_name.clone(),
            address_lines,
            phone: p.phone.clone(),
            email: p.email.clone(),
            website: p.website.clone(),
            logo: db.image(ImageSlot::Logo)?,
        },
        paper,
        envelope,
        signature: db.image(ImageSlot::Signature)?,
        photos: Default::default(),
    })
}

/// Use a picture file as the letterhead logo or the scanned signature. The
/// size is checked before reading (a 50 MB photo is refused at once) and the
/// picture must decode as PNG or JPEG, so a letter never fails on it later.
pub fn set_profile_image(db: &mut Db, slot: ImageSlot, path: Option<&Path>) -> Result<()> {
    let Some(path) = path else { return db.set_image(slot, None) };
    crate::files::check_input(path)?;
    let len = std::fs::metadata(path).map_err(|e| Error::io(path, e))?.len();
    if len > crate::store::MAX_IMAGE_BYTES as u64 {
        return Err(Error::invalid(
            "image",
            format!("That picture is {:.1} MB; the limit is 5 MB. Please use a smaller one.", len as f64 / 1_048_576.0),
        ));
    }
    // Read through the cap too: the file may have grown since it was measured.
    let bytes = crate::files::read_capped(path, crate::store::MAX_IMAGE_BYTES as u64, "a picture")?;
    pdf::validate_image(&bytes).map_err(|e| Error::invalid("image", e.to_string()))?;
    db.set_image(slot, Some(&bytes))
}

/// One line for inside the window, above the recipient. Mail to another
/// country names the sender's country too, so it can come back.
/// Without an address there is no return line: the name alone is already in
/// the letterhead and would bring nothing back.
fn return_address(p: &Profile, customer: &Customer) -> String {
    let locality: Vec<&str> = [p.city.as_deref(), p.region.as_deref(), p.postal_code.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if p.address_lines.is_empty() && locality.is_empty() {
        return String::new();
    }
    let mut parts = vec![p.business_name.clone()];
    parts.extend(p.address_lines.iter().cloned());
    if !locality.is_empty() {
        parts.push(locality.join(" "));
    }
    if let (Some(ours), Some(theirs)) = (p.country.as_deref(), customer.address.country.as_deref()) {
        if !ours.trim().is_empty() && !theirs.trim().is_empty() && !crate::postal::same_country(ours, theirs) {
            parts.push(ours.trim().to_uppercase());
        }
    }
    parts.join(" · ")
}

/// The recipient block for the envelope window: name, company, then the
/// address in the destination country's order (see `postal`).
pub fn recipient(customer: &Customer, profile: &Profile) -> Result<Vec<String>> {
    if customer.address.is_empty() {
        return Err(Error::invalid(
            "address",
            format!("{} has no postal address. Add it on their customer page.", customer.name),
        ));
    }
    let mut lines = vec![customer.name.clone()];
    if let Some(c) = &customer.company {
        lines.push(c.clone());
    }
    lines.extend(crate::postal::envelope_lines(&customer.address, profile.country.as_deref()));
    Ok(lines)
}

/// Render the letters for `incident_ids` into one PDF at `out`. Letters that
/// cannot be made (no address, no changes for a follow-up, missing incident)
/// are listed as skipped; the rest are written. No letter at all is an error
/// and writes nothing. `progress` hears how many of the chosen incidents are
/// done (their letter drafted and laid out, or skipped; `progress::ignore`
/// when nobody watches). The count reaches the total
/// before the file is saved, which takes a moment more for a large batch. A
/// `Break` stops it with `Error::Cancelled`, and `out` is left as it was.
pub fn render_batch(
    db: &Db,
    incident_ids: &[i64],
    kind: PrintKind,
    tone: Tone,
    paper: Option<Paper>,
    out: &Path,
    mut progress: impl FnMut(Progress) -> ControlFlow<()>,
) -> Result<BatchReport> {
    crate::files::refuse_database(out, db.path())?;
    let spec = letters_spec(db, paper, kind, incident_ids)?;
    let profile = db.profile()?;
    let date = profile.date_format.format(dates::today());
    let mut report =
        BatchReport { letters: 0, pages: 0, incident_ids: Vec::new(), skipped: Vec::new(), warnings: Vec::new() };
    let total = incident_ids.len() as u64;
    progress::report(&mut progress, Progress { job: Job::Letters, done: 0, total, label: "letters" })?;

    // Each letter is drafted when the renderer asks for it, so the count moves
    // as pages are laid out. One letter is drafted ahead: skipped incidents
    // after a letter then count as done with it, and the renderer's count after
    // the last letter is the total.
    let taken = Cell::new(0usize);
    let mut next_letter = || -> Option<PdfLetter> {
        while let Some(&id) = incident_ids.get(taken.get()) {
            taken.set(taken.get() + 1);
            match batch_letter(db, &spec, &profile, id, kind, tone, &date) {
                Ok((letter, customer)) => {
                    for w in pdf::missing_glyphs(&spec, &letter) {
                        report.warnings.push(format!("Letter to {}: {w}", customer.name));
                    }
                    report.incident_ids.push(id);
                    return Some(letter);
                }
                Err(e) => {
                    let customer_name = db
                        .incident(id)
                        .and_then(|i| db.customer(i.customer_id))
                        .map(|c| c.name)
                        .unwrap_or_else(|_| format!("incident #{id}"));
                    report.skipped.push(Skipped { incident_id: id, customer_name, reason: e.to_string() });
                }
            }
        }
        None
    };
    let Some(first) = next_letter() else {
        let why =
            report.skipped.first().map(|s| s.reason.clone()).unwrap_or_else(|| "No incidents were chosen.".into());
        return Err(Error::invalid("letters", format!("No letter could be made. {why}")));
    };
    // Incidents done once the letter last handed to the renderer is laid out.
    let done_when_laid_out = Cell::new(0u64);
    let mut ahead = Some(first);
    let letters = std::iter::from_fn(|| {
        let letter = ahead.take()?;
        ahead = next_letter();
        done_when_laid_out.set((taken.get() - usize::from(ahead.is_some())) as u64);
        Some(letter)
    });

    let summary = write_pdf(out, |w| {
        pdf::render_letters_with_progress(&spec, letters, w, |_| {
            progress(Progress { job: Job::Letters, done: done_when_laid_out.get(), total, label: "letters" })
        })
    })?;
    report.letters = summary.letters;
    report.pages = summary.pages;
    Ok(report)
}

/// Write a PDF to a temporary file beside `out` and rename it into place only when complete.
fn write_pdf(
    out: &Path,
    render: impl FnOnce(std::io::BufWriter<&std::fs::File>) -> std::result::Result<pdf::RenderSummary, pdf::PdfError>,
) -> Result<pdf::RenderSummary> {
    let staged = crate::files::stage(out, "letters")?;
    let summary = render(std::io::BufWriter::new(staged.file())).map_err(|e| pdf_error(out, e))?;
    staged.finish()?;
    Ok(summary)
}

/// The qualifiers in a text the owner is about to print or send. (What a
/// letter is missing is advice shown while writing; it does not hold a letter back.)
pub fn qualifiers(body: &str) -> Vec<crate::checker::Finding> {
    crate::checker::check(body).into_iter().filter(|f| f.start.is_some()).collect()
}

/// The subject line a letter carries when the owner's text has none.
pub(crate) fn drafted_subject(db: &Db, incident_id: i64, kind: PrintKind, tone: Tone) -> Result<String> {
    let incident = db.incident(incident_id)?;
    let customer = db.customer(incident.customer_id)?;
    let input = draft_input(&incident, &customer, &db.profile()?);
    let seed = incident.id as u64;
    Ok(match kind {
        PrintKind::Apology => draft::draft_apology(&input, tone, seed).subject,
        PrintKind::FollowUp => draft::draft_follow_up(&input, tone, seed).subject,
    })
}

/// The owner's text as the printed letter: the letterhead, date, the
/// recipient in the envelope window and the signature come from the profile
/// and the customer; the words are exactly `text` (a first line "Subject: …"
/// is the subject; otherwise the drafted one is used).
pub fn owner_letter(db: &Db, incident_id: i64, kind: PrintKind, tone: Tone, text: &str) -> Result<PdfLetter> {
    let (subject, body) = kept::split_subject(text);
    if body.trim().is_empty() {
        return Err(Error::invalid("body", "The letter is empty. Write it, or draft it first."));
    }
    let profile = db.profile()?;
    let incident = db.incident(incident_id)?;
    let customer = db.customer(incident.customer_id)?;
    let subject = match subject {
        Some(s) => s,
        None => drafted_subject(db, incident_id, kind, tone)?,
    };
    let mut text = LetterText::from_owner_text(
        &subject,
        &body,
        &profile.signer_name,
        profile.signer_title.as_deref().unwrap_or_default(),
    );
    if kind == PrintKind::FollowUp {
        text.place_photos(&draft_input(&incident, &customer, &profile).changes);
    }
    Ok(PdfLetter {
        return_address: return_address(&profile, &customer),
        recipient: recipient(&customer, &profile)?,
        date: profile.date_format.format(dates::today()),
        text,
    })
}

/// The owner's letter with the document it goes in, its address checked against the window.
fn checked_owner_letter(
    db: &Db,
    incident_id: i64,
    kind: PrintKind,
    tone: Tone,
    text: &str,
    paper: Option<Paper>,
) -> Result<(DocumentSpec, PdfLetter)> {
    let spec = letters_spec(db, paper, kind, &[incident_id])?;
    let letter = owner_letter(db, incident_id, kind, tone, text)?;
    pdf::check_address(&spec, &letter).map_err(|e| Error::invalid("address", e.to_string()))?;
    Ok((spec, letter))
}

/// Print the owner's own text as one letter to `out` (see `owner_letter`).
pub fn render_owner_letter(
    db: &Db,
    incident_id: i64,
    kind: PrintKind,
    tone: Tone,
    text: &str,
    paper: Option<Paper>,
    out: &Path,
) -> Result<BatchReport> {
    crate::files::refuse_database(out, db.path())?;
    let (spec, letter) = checked_owner_letter(db, incident_id, kind, tone, text, paper)?;
    let warnings = pdf::missing_glyphs(&spec, &letter).iter().map(|w| w.to_string()).collect();
    let summary = write_pdf(out, |w| {
        pdf::render_letters_with_progress(&spec, std::iter::once(letter), w, |_| ControlFlow::Continue(()))
    })?;
    Ok(BatchReport {
        letters: summary.letters,
        pages: summary.pages,
        incident_ids: vec![incident_id],
        skipped: Vec::new(),
        warnings,
    })
}

/// The owner's letter as PDF bytes (for an email attachment).
pub fn owner_letter_pdf(db: &Db, incident_id: i64, kind: PrintKind, tone: Tone, text: &str) -> Result<Vec<u8>> {
    let (spec, letter) = checked_owner_letter(db, incident_id, kind, tone, text, None)?;
    let mut bytes = Vec::new();
    pdf::render_letters_with_progress(&spec, std::iter::once(letter), &mut bytes, |_| ControlFlow::Continue(()))
        .map_err(|e| Error::invalid("letters", e.to_string()))?;
    Ok(bytes)
}

/// Print the owner's letter on a printer (CUPS): it is rendered to a private
/// temporary file, which `lp` copies into the print queue before it returns.
/// Returns CUPS's job line.
pub fn print_owner_letter(
    db: &Db,
    incident_id: i64,
    kind: PrintKind,
    tone: Tone,
    text: &str,
    printer: Option<&str>,
) -> Result<String> {
    let bytes = owner_letter_pdf(db, incident_id, kind, tone, text)?;
    let tmp = tempfile::Builder::new()
        .prefix("amends-letter-")
        .suffix(".pdf")
        .tempfile()
        .map_err(|e| Error::io(std::env::temp_dir(), e))?;
    std::fs::write(tmp.path(), &bytes).map_err(|e| Error::io(tmp.path(), e))?;
    crate::printing::print_pdf(tmp.path(), printer)
}

/// One letter of a batch, with its customer (for warnings), or why it can't be
/// made (including an address that does not fit the window: that letter is
/// left out, the rest are printed).
fn batch_letter(
    db: &Db,
    spec: &DocumentSpec,
    profile: &Profile,
    id: i64,
    kind: PrintKind,
    tone: Tone,
    date: &str,
) -> Result<(PdfLetter, Customer)> {
    let (text, customer) = letter_text(db, id, kind, tone)?;
    let letter = PdfLetter {
        return_address: return_address(profile, &customer),
        recipient: recipient(&customer, profile)?,
        date: date.to_string(),
        text,
    };
    pdf::check_address(spec, &letter).map_err(|e| Error::invalid("address", e.to_string()))?;
    Ok((letter, customer))
}

fn pdf_error(out: &Path, e: pdf::PdfError) -> Error {
    match e {
        pdf::PdfError::Write(io) => Error::io(out, io),
        pdf::PdfError::Cancelled => Error::Cancelled(Job::Letters),
        other => Error::invalid("letters", other.to_string()),
    }
}

/// The printer calibration page for the profile's paper and envelope.
pub fn render_calibration(db: &Db, paper: Option<Paper>, out: &Path) -> Result<()> {
    crate::files::refuse_database(out, db.path())?;
    let spec = document_spec(db, paper)?;
    let mut bytes = Vec::new();
    pdf::render_calibration_page(&spec, &mut bytes).map_err(|e| pdf_error(out, e))?;
    crate::files::write_atomically(out, &bytes)
}

/// After the owner confirms the letters went out: for each incident, mark
/// "evidence sent", keep the letter (as sent) and a timeline entry, in one
/// transaction per incident.
pub fn mark_follow_ups_sent(db: &mut Db, incident_ids: &[i64], tone: Tone) -> Result<usize> {
    let now = dates::now();
    for &id in incident_ids {
        let (text, _) = letter_text(db, id, PrintKind::FollowUp, tone)?;
        db.record_follow_up_sent(id, tone_key(tone), &draft::letter_plain_text(&text), now)?;
    }
    Ok(incident_ids.len())
}
