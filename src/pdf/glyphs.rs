//! Finding characters that none of the embedded fonts can draw.
//!
//! The app calls [`missing_glyphs`] before printing and shows the owner each
//! warning; the renderer then prints such a character as "?". This module must
//! never change the letter; it only reports, naming the field in the owner's words.
use super::fonts::Metrics;
use super::spec::{DocumentSpec, GlyphWarning, PdfLetter};

/// Every character in the letter (and the letterhead) that no embedded font
/// has, once per field and character, in reading order.
pub fn missing_glyphs(spec: &DocumentSpec, letter: &PdfLetter) -> Vec<GlyphWarning> {
    let m = Metrics::get();
    let mut out: Vec<GlyphWarning> = Vec::new();
    let mut check = |field: String, s: &str| {
        for ch in s.chars() {
            if !m.can_draw(ch) && !out.iter().any(|w| w.field == field && w.ch == ch) {
                out.push(GlyphWarning { field: field.clone(), ch });
            }
        }
    };
    let lh = &spec.letterhead;
    check("business name".into(), &lh.business_name);
    for (i, l) in lh.address_lines.iter().enumerate() {
        check(format!("letterhead address line {}", i + 1), l);
    }
    for (name, v) in [("phone number", &lh.phone), ("email address", &lh.email), ("website", &lh.website)] {
        if let Some(v) = v {
            check(name.into(), v);
        }
    }
    check("return address".into(), &letter.return_address);
    for (i, l) in letter.recipient.iter().enumerate() {
        check(format!("recipient line {}", i + 1), l);
    }
    check("date".into(), &letter.date);
    let t = &letter.text;
    check("subject".into(), &t.subject);
    check("salutation".into(), &t.salutation);
    for (i, p) in t.paragraphs.iter().enumerate() {
        check(format!("paragraph {}", i + 1), p);
    }
    for (i, c) in t.changes.iter().enumerate() {
        check(format!("change {}", i + 1), &c.date);
        check(format!("change {}", i + 1), &c.text);
    }
    for (i, p) in t.after_changes.iter().enumerate() {
        check(format!("closing paragraph {}", i + 1), p);
    }
    check("closing".into(), &t.closing);
    check("signer name".into(), &t.signer_name);
    check("signer title".into(), &t.signer_title);
    out
}
