//! The formula-injection rule, in one place.
//!
//! A customer can type `=HYPERLINK(...)` into a web form; when the owner opens
//! an export, a spreadsheet program must show that text, never run it. Text
//! that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
//! "formula-looking". XLSX writes every text as a string cell, which no
//! program evaluates, so only CSV needs the rule: such a value is written
//! with a leading apostrophe inside a quoted field (the convention Excel,
//! LibreOffice and Google Sheets all honour). Import strips that apostrophe
//! again, so an exported file can be imported back unchanged.
//!
//! Never apply this to numbers: a negative amount is a number cell, not text.
use std::borrow::Cow;

/// Characters that make a spreadsheet treat a cell as a formula (or, for tab
/// and carriage return, let one slip past a naive check).
pub const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Would a spreadsheet program read this text as a formula?
pub fn looks_like_formula(text: &str) -> bool {
    text.starts_with(TRIGGERS)
}

/// The text as a CSV cell must carry it: apostrophe-prefixed when it looks like a formula.
pub fn for_csv(text: &str) -> Cow<'_, str> {
    if looks_like_formula(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Undo `for_csv` on a value read back from a file.
pub fn unguard(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest) => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guards_exactly_the_formula_starters() {
        for t in ["=1+1", "+44 117 496 0000", "-5", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"] {
            assert_eq!(for_csv(t), format!("'{t}"), "{t:?}");
            assert_eq!(unguard(&for_csv(t)), t);
        }
        for t in ["Zoë", "1+1", "", "'quoted already", " =spaced", "O'Connor"] {
            assert_eq!(for_csv(t), t, "{t:?}");
            assert_eq!(unguard(t), t);
        }
    }
}
