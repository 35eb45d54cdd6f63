//! The words of one letter, independent of how it is printed or sent.
//!
//! The drafter produces these; the PDF renderer lays them out. Dates inside
//! are already formatted in the business profile's date format, so neither
//! side needs to know about date formats.
use serde::{Deserialize, Serialize};

/// One concrete thing the business changed, with the date it was done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct DatedChange {
    /// Already formatted, e.g. "12 March 2026".
    pub date: String,
    pub text: String,
}

/// A letter as words: what the renderer needs and nothing about pages.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct LetterText {
    /// e.g. "What we changed after your kitchen tiles arrived cracked"
    pub subject: String,
    /// e.g. "Dear Zoë,"
    pub salutation: String,
    /// Body paragraphs that come before the list of changes.
    pub paragraphs: Vec<String>,
    /// The dated list of changes; empty for most apologies.
    pub changes: Vec<DatedChange>,
    /// Paragraphs after the list (invitation to come back, direct line...).
    pub after_changes: Vec<String>,
    /// e.g. "Yours sincerely," or "With my apologies again,"
    pub closing: String,
    pub signer_name: String,
    pub signer_title: String,
}
