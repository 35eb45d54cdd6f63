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
    /// Photos of the change (ids of stored photos), printed under it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photo_ids: Vec<i64>,
}

impl DatedChange {
    pub fn new(date: impl Into<String>, text: impl Into<String>) -> DatedChange {
        DatedChange { date: date.into(), text: text.into(), photo_ids: Vec::new() }
    }
}

/// Photos of one change in a letter the owner wrote in their own words: they
/// print after the paragraph that mentions the change (or at the end of the
/// body), under a caption with its date and text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct PhotoBlock {
    /// Index into `paragraphs`; `None`: after the last paragraph.
    pub after_paragraph: Option<usize>,
    pub caption: String,
    pub photo_ids: Vec<i64>,
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
    /// Photos placed among the owner's own paragraphs (drafted letters carry
    /// theirs on `changes` instead).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photo_blocks: Vec<PhotoBlock>,
    /// e.g. "Yours sincerely," or "With my apologies again,"
    pub closing: String,
    pub signer_name: String,
    pub signer_title: String,
}

/// `needle` in `hay` as whole words ("new" is not in "renewed").
fn contains_words(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// A line that starts a bullet item in the owner's text ("- ", "• ", "* " or "– "),
/// and the item's text.
pub fn bullet_item(line: &str) -> Option<&str> {
    let t = line.trim_start();
    ["- ", "• ", "* ", "– "].iter().find_map(|b| t.strip_prefix(b)).map(str::trim)
}

/// A line that could close a letter before the signature: short, ends in a comma
/// ("Yours sincerely,", "With my apologies again,").
fn is_closing(line: &str) -> bool {
    let l = line.trim();
    let lower = l.to_lowercase();
    l.ends_with(',')
        && (1..=6).contains(&l.split_whitespace().count())
        && bullet_item(l).is_none()
        && !["dear ", "hello", "hi ", "to "].iter().any(|s| lower.starts_with(s))
}

/// A salutation line: "Dear Zoë," / "Hello Sam," / "To whom it may concern:".
fn is_salutation(line: &str) -> bool {
    let l = line.trim();
    let words = l.split_whitespace().count();
    let lower = l.to_lowercase();
    (l.ends_with(',') || l.ends_with(':')) && words <= 5 || (lower.starts_with("dear ") && words <= 8)
}

impl LetterText {
    /// The letter as the owner wrote it: the first line is the salutation when it
    /// reads like one, the last block is the closing and signer when it starts with
    /// a closing line, and everything between is the body, paragraph for paragraph
    /// (blank lines separate paragraphs; line breaks and bullet lists are kept as
    /// typed). Without a sign-off, the signer comes from the profile.
    pub fn from_owner_text(subject: &str, text: &str, signer_name: &str, signer_title: &str) -> LetterText {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let mut blocks: Vec<Vec<&str>> = Vec::new();
        let mut current: Vec<&str> = Vec::new();
        for line in text.lines() {
            if line.trim().is_empty() {
                if !current.is_empty() {
                    blocks.push(std::mem::take(&mut current));
                }
            } else {
                current.push(line.trim_end());
            }
        }
        if !current.is_empty() {
            blocks.push(current);
        }

        let mut out = LetterText { subject: subject.trim().to_string(), ..LetterText::default() };
        // The salutation may share its block with the first paragraph ("Dear Sam,\nThank you…").
        let several = blocks.len() > 1;
        if let Some(first) = blocks.first_mut() {
            if is_salutation(first[0]) && (several || first.len() > 1) {
                out.salutation = first.remove(0).trim().to_string();
                if first.is_empty() {
                    blocks.remove(0);
                }
            }
        }
        // The sign-off: a closing line, then the signer's name and title (maybe in the next block).
        let mut signed = false;
        if let Some(last) = blocks.last() {
            let n = blocks.len();
            if is_closing(last[0]) && last.len() <= 4 {
                out.closing = last[0].trim().to_string();
                out.signer_name = last.get(1).map(|s| s.trim().to_string()).unwrap_or_default();
                out.signer_title = last[last.len().min(2)..].iter().map(|s| s.trim()).collect::<Vec<_>>().join(", ");
                blocks.pop();
                signed = true;
            } else if n >= 2 && blocks[n - 2].len() == 1 && is_closing(blocks[n - 2][0]) && last.len() <= 3 {
                out.closing = blocks[n - 2][0].trim().to_string();
                out.signer_name = last[0].trim().to_string();
                out.signer_title = last[1..].iter().map(|s| s.trim()).collect::<Vec<_>>().join(", ");
                blocks.truncate(n - 2);
                signed = true;
            }
        }
        if !signed || out.signer_name.is_empty() {
            out.signer_name = signer_name.trim().to_string();
            if out.signer_title.is_empty() {
                out.signer_title = signer_title.trim().to_string();
            }
        }
        out.paragraphs = blocks.into_iter().map(|b| b.join("\n")).collect();
        out
    }

    /// Place the photos of `changes` among the owner's paragraphs: each set
    /// after the first paragraph that mentions its change (its text, compared
    /// without case or spacing), otherwise after the last paragraph.
    pub fn place_photos(&mut self, changes: &[DatedChange]) {
        let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        let paragraphs: Vec<String> = self.paragraphs.iter().map(|p| fold(p)).collect();
        for c in changes.iter().filter(|c| !c.photo_ids.is_empty()) {
            let text = fold(c.text.trim().trim_end_matches('.'));
            let after = paragraphs.iter().position(|p| !text.is_empty() && contains_words(p, &text));
            let caption = match (c.date.trim(), c.text.trim()) {
                ("", t) => t.to_string(),
                (d, t) => format!("{d}: {t}"),
            };
            self.photo_blocks.push(PhotoBlock { after_paragraph: after, caption, photo_ids: c.photo_ids.clone() });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owner_text_keeps_salutation_body_and_sign_off() {
        let t = "Dear Zoë,\n\nI am sorry we sent the wrong tiles.\nThey arrive on Friday.\n\n- New racks\n- A check at the yard\n\nYours sincerely,\nMorgan Finch\nOwner";
        let l = LetterText::from_owner_text("Subject", t, "Profile Signer", "Boss");
        assert_eq!(l.salutation, "Dear Zoë,");
        assert_eq!(
            l.paragraphs,
            ["I am sorry we sent the wrong tiles.\nThey arrive on Friday.", "- New racks\n- A check at the yard"]
        );
        assert_eq!(
            (l.closing.as_str(), l.signer_name.as_str(), l.signer_title.as_str()),
            ("Yours sincerely,", "Morgan Finch", "Owner")
        );
    }

    #[test]
    fn owner_text_without_sign_off_is_signed_from_the_profile() {
        let l = LetterText::from_owner_text(
            "",
            "I am sorry, Sam.\r\n\r\nIt will be fixed by Monday.",
            "Morgan Finch",
            "Owner",
        );
        assert_eq!(l.salutation, "");
        assert_eq!(l.paragraphs, ["I am sorry, Sam.", "It will be fixed by Monday."]);
        assert_eq!(
            (l.closing.as_str(), l.signer_name.as_str(), l.signer_title.as_str()),
            ("", "Morgan Finch", "Owner")
        );
    }

    #[test]
    fn photos_follow_the_paragraph_that_names_their_change() {
        let mut l = LetterText::from_owner_text(
            "",
            "Dear Sam,\n\nWe renewed the van.\n\n- New racks in every van\n\nYours,\nMo",
            "",
            "",
        );
        let change = |text: &str| DatedChange { photo_ids: vec![7], ..DatedChange::new("1 May", text) };
        l.place_photos(&[change("New racks in every van. "), change("new")]);
        assert_eq!(l.photo_blocks[0].after_paragraph, Some(1), "{:?}", l.photo_blocks);
        assert_eq!(l.photo_blocks[0].caption, "1 May: New racks in every van.");
        // "new" is not the "new" inside "renewed": it is found in "New racks" instead.
        assert_eq!(l.photo_blocks[1].after_paragraph, Some(1));
    }

    #[test]
    fn a_bullet_is_not_a_closing_and_a_one_line_text_is_a_body() {
        let l = LetterText::from_owner_text("", "Dear Sam,", "M", "");
        assert_eq!(l.paragraphs, ["Dear Sam,"]);
        assert!(bullet_item("- Tiles, flat,").is_some());
        assert!(!is_closing("- Tiles, flat,"));
    }
}
