//! Sending a letter by email: a standard message file (`.eml`, RFC 5322,
//! UTF-8) that any mail program opens and sends, with the follow-up's PDF
//! attached, and a `mailto:` link (RFC 6068) for the owner's mail program.
//! The message is built by `mail-builder`; nothing here writes headers by hand.
use crate::draft::Tone;
use crate::error::{Error, Result};
use crate::letters::{self, kept, PrintKind};
use crate::store::Db;
use std::path::Path;

/// What goes into one message to one customer.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct EmailDraft {
    pub to_name: String,
    pub to_email: String,
    pub from_name: String,
    pub from_email: Option<String>,
    pub subject: String,
    pub body: String,
    /// The file name of the attached letter, when there is one.
    pub attachment: Option<String>,
}

/// The message for an incident: `text` is the owner's words (a first line
/// "Subject: …" sets the subject), or the drafted email or follow-up.
pub fn email_draft(db: &Db, incident_id: i64, kind: PrintKind, tone: Tone, text: Option<&str>) -> Result<EmailDraft> {
    let incident = db.incident(incident_id)?;
    let customer = db.customer(incident.customer_id)?;
    let profile = db.profile()?;
    let to_email = customer.email.clone().filter(|e| !e.trim().is_empty()).ok_or_else(|| {
        Error::invalid("email", format!("{} has no email address. Add it on their customer page.", customer.name))
    })?;
    let (subject, body) = match text {
        Some(t) => kept::split_subject(t),
        None => {
            let letter_kind = match kind {
                PrintKind::Apology => crate::domain::LetterKind::Email,
                PrintKind::FollowUp => crate::domain::LetterKind::FollowUp,
            };
            let (s, b) = letters::draft_text(db, incident_id, letter_kind, tone)?;
            (s, b)
        }
    };
    if body.trim().is_empty() {
        return Err(Error::invalid("body", "The email is empty. Write it, or draft it first."));
    }
    let subject = match subject {
        Some(s) => s,
        None => letters::drafted_subject(db, incident_id, kind, tone)?,
    };
    let attachment = (kind == PrintKind::FollowUp).then(|| attachment_name(&customer.name));
    Ok(EmailDraft {
        to_name: customer.name,
        to_email,
        from_name: profile.business_name.clone(),
        from_email: profile.email.clone().filter(|e| !e.trim().is_empty()),
        subject,
        body,
        attachment,
    })
}

fn attachment_name(customer: &str) -> String {
    let who: String = crate::text::fold(customer)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("what-we-changed-{}.pdf", if who.is_empty() { "letter" } else { &who })
}

/// The message as RFC 5322 bytes. `X-Unsent: 1` makes mail programs that know
/// it (Outlook, Thunderbird's "Edit as new") open it ready to send.
/// `photos` (file name, JPEG) go with it as pictures the customer can open.
pub fn message_bytes(d: &EmailDraft, attachment: Option<&[u8]>, photos: &[(String, Vec<u8>)]) -> Result<Vec<u8>> {
    let mut m = mail_builder::MessageBuilder::new()
        .to((d.to_name.as_str(), d.to_email.as_str()))
        .subject(d.subject.as_str())
        .header("X-Unsent", mail_builder::headers::raw::Raw::new("1"))
        .text_body(d.body.replace("\r\n", "\n").replace('\n', "\r\n"));
    if let Some(from) = &d.from_email {
        m = m.from((d.from_name.as_str(), from.as_str()));
    }
    if let (Some(name), Some(bytes)) = (&d.attachment, attachment) {
        m = m.attachment("application/pdf", name.as_str(), bytes.to_vec());
    }
    for (name, jpeg) in photos {
        m = m.attachment("image/jpeg", name.as_str(), jpeg.clone());
    }
    m.write_to_vec().map_err(|e| Error::io("the email", e))
}

/// Write the message to `out` (replaced only when complete). A follow-up
/// carries its letter as a PDF, printed from the same words.
pub fn write_eml(
    db: &Db,
    incident_id: i64,
    kind: PrintKind,
    tone: Tone,
    text: Option<&str>,
    out: &Path,
) -> Result<EmailDraft> {
    crate::files::refuse_database(out, db.path())?;
    let d = email_draft(db, incident_id, kind, tone, text)?;
    let (pdf, photos) = match kind {
        PrintKind::FollowUp => {
            let words = kept::stored_text(Some(&d.subject), &d.body);
            (Some(letters::owner_letter_pdf(db, incident_id, kind, tone, &words)?), change_photos(db, incident_id)?)
        }
        PrintKind::Apology => (None, Vec::new()),
    };
    let bytes = message_bytes(&d, pdf.as_deref(), &photos)?;
    crate::files::write_atomically(out, &bytes)?;
    Ok(d)
}

/// The photos of an incident's changes in the letter's order (by date), as
/// JPEG attachments named after the owner's files.
fn change_photos(db: &Db, incident_id: i64) -> Result<Vec<(String, Vec<u8>)>> {
    let incident = db.incident(incident_id)?;
    let mut out = Vec::new();
    for p in letters::changes_by_date(&incident).into_iter().flat_map(|c| &c.photos) {
        let stem = Path::new(&p.file_name).file_stem().and_then(|s| s.to_str()).unwrap_or("photo");
        let name = format!("{}-{stem}.jpg", out.len() + 1);
        out.push((name, db.photo_jpeg(p.id)?));
    }
    Ok(out)
}

/// A `mailto:` link with the recipient, subject and body (RFC 6068: every
/// byte outside the unreserved set percent-encoded, line breaks as CRLF).
pub fn mailto_url(d: &EmailDraft) -> String {
    fn enc(s: &str) -> String {
        let mut out = String::with_capacity(s.len() * 3);
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    }
    let body = d.body.replace("\r\n", "\n").replace('\n', "\r\n");
    // The address keeps its "@"; RFC 6068 allows it unencoded in the path.
    let to = enc(&d.to_email).replace("%40", "@");
    format!("mailto:{to}?subject={}&body={}", enc(&d.subject), enc(&body))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> EmailDraft {
        EmailDraft {
            to_name: "Zoë Ørsted-Núñez".into(),
            to_email: "zoe@example.com".into(),
            from_name: "Harbour & Finch".into(),
            from_email: Some("morgan@example.com".into()),
            subject: "Sorry & thanks: 100% ours".into(),
            body: "Dear Zoë,\nLine two?".into(),
            attachment: None,
        }
    }

    #[test]
    fn mailto_encodes_every_reserved_character() {
        let u = mailto_url(&draft());
        assert_eq!(
            u,
            "mailto:zoe@example.com?subject=Sorry%20%26%20thanks%3A%20100%25%20ours&body=Dear%20Zo%C3%AB%2C%0D%0ALine%20two%3F"
        );
    }

    #[test]
    fn the_message_has_utf8_headers_and_crlf_lines() {
        let bytes = message_bytes(&draft(), None, &[]).unwrap();
        let s = String::from_utf8(bytes).unwrap();
        assert!(s.contains("\r\nX-Unsent: 1\r\n"), "{s}");
        assert!(s.contains("zoe@example.com"));
        let head = &s[..s.find("\r\n\r\n").unwrap()];
        assert!(!head.contains("Zoë"), "non-ASCII must be encoded in headers: {head}");
    }
}
