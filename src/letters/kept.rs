//! The letters the owner kept for an incident: every version, numbered in the
//! order they were kept, and which one went out. What prints, emails or is
//! marked sent is always one of these, so the records say exactly what the
//! customer got.
use crate::dates;
use crate::domain::{LetterKind, LetterRecord, RecoveryStep, TimelineKind};
use crate::error::{Error, Result};
use crate::store::Db;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One kept version of a letter, email or call script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct KeptLetter {
    /// 1, 2, 3… in the order kept, across all kinds of the incident's letters.
    pub version: u32,
    pub id: i64,
    pub incident_id: i64,
    pub kind: LetterKind,
    pub tone: Option<String>,
    pub subject: Option<String>,
    pub body: String,
    /// The first line of the body that is not the salutation, for lists.
    pub first_line: String,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// Letters are stored as one text; an email's subject is its first line.
pub fn stored_text(subject: Option<&str>, body: &str) -> String {
    match subject.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => format!("Subject: {s}\n\n{body}"),
        None => body.to_string(),
    }
}

/// The subject ("Subject: …" as the first line) and the body of a stored or typed text.
pub fn split_subject(text: &str) -> (Option<String>, String) {
    let t = text.trim_start_matches('\u{feff}');
    if let Some(rest) = t.strip_prefix("Subject:") {
        let (line, body) = rest.split_once('\n').unwrap_or((rest, ""));
        let subject = line.trim();
        if !subject.is_empty() {
            return (Some(subject.to_string()), body.trim_start_matches(['\r', '\n']).to_string());
        }
    }
    (None, t.to_string())
}

fn first_line(body: &str) -> String {
    let mut lines = body.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or_default();
    let pick = if first.ends_with(',') && first.split_whitespace().count() <= 5 {
        lines.next().unwrap_or(first)
    } else {
        first
    };
    crate::text::truncate_chars(pick, 90)
}

fn kept(version: usize, r: LetterRecord) -> KeptLetter {
    let (subject, body) = split_subject(&r.body);
    KeptLetter {
        version: version as u32 + 1,
        id: r.id,
        incident_id: r.incident_id,
        kind: r.kind,
        tone: r.tone,
        first_line: first_line(&body),
        subject,
        body,
        created_at: r.created_at,
        sent_at: r.sent_at,
    }
}

/// Every kept letter of an incident, oldest first.
pub fn list(db: &Db, incident_id: i64) -> Result<Vec<KeptLetter>> {
    db.incident(incident_id)?;
    Ok(db.letters(incident_id)?.into_iter().enumerate().map(|(i, r)| kept(i, r)).collect())
}

/// Version `version` of an incident's letters.
pub fn get(db: &Db, incident_id: i64, version: u32) -> Result<KeptLetter> {
    let all = list(db, incident_id)?;
    let n = all.len();
    all.into_iter().find(|k| k.version == version).ok_or_else(|| {
        Error::invalid(
            "version",
            match n {
                0 => format!("Incident #{incident_id} has no kept letters yet."),
                1 => format!("Incident #{incident_id} has one kept letter: version 1."),
                n => format!("Incident #{incident_id} has kept letters 1 to {n}; there is no version {version}."),
            },
        )
    })
}

/// Keep this text as a version of the incident's letters. Keeping the same
/// words twice in a row returns the version already kept.
pub fn keep(
    db: &mut Db,
    incident_id: i64,
    kind: LetterKind,
    tone: Option<&str>,
    subject: Option<&str>,
    body: &str,
) -> Result<KeptLetter> {
    let stored = stored_text(subject, body.trim_end());
    let all = list(db, incident_id)?;
    if let Some(same) = all.iter().rev().find(|k| k.kind == kind) {
        if stored_text(same.subject.as_deref(), &same.body) == stored {
            return Ok(same.clone());
        }
    }
    let r = db.save_letter(incident_id, kind, tone, &stored)?;
    Ok(kept(all.len(), r))
}

/// How a letter reached the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum SentBy {
    Post,
    Email,
}

/// Record that this version went out: the letter is marked sent, the step it
/// completes (apologised, or evidence sent for the follow-up) is marked done,
/// and the timeline says which version went and how.
pub fn mark_sent(db: &mut Db, incident_id: i64, version: u32, by: SentBy) -> Result<KeptLetter> {
    let k = get(db, incident_id, version)?;
    let (step, what) = match k.kind {
        LetterKind::Apology => (Some(RecoveryStep::Apologised), "the apology letter"),
        LetterKind::Email => (Some(RecoveryStep::Apologised), "the apology email"),
        LetterKind::FollowUp => (Some(RecoveryStep::EvidenceSent), "the \"what we changed\" letter"),
        LetterKind::Call => {
            return Err(Error::invalid("version", "A call script is read out on the phone; it is not sent."));
        }
    };
    let (kind, verb) = match by {
        SentBy::Post => (TimelineKind::Letter, "Posted"),
        SentBy::Email => (TimelineKind::Email, "Emailed"),
    };
    let note = format!("{verb} {what} (version {version}).");
    let r = db.mark_letter_sent(k.id, dates::now(), step, (kind, &note))?;
    Ok(KeptLetter { sent_at: r.sent_at, ..k })
}
