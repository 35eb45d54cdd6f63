//! Small text rules shared by every form: trimming, length limits, and the
//! accent-folding that makes "nunez" find "Núñez".
//!
//! Limits are generous for real use and stop a runaway paste from bloating
//! the database. They are counted in characters, not bytes.
use crate::error::{Error, Result};
use unicode_normalization::UnicodeNormalization;

/// Names, emails, phone numbers, address lines, titles.
pub const SHORT_LIMIT: usize = 1_000;
/// Free text: what happened, notes, root cause, letter bodies.
pub const LONG_LIMIT: usize = 2_000_000;

/// Trim, and refuse an empty value with the given message.
pub fn required(field: &'static str, value: &str, empty_message: &str, limit: usize) -> Result<String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(Error::invalid(field, empty_message));
    }
    within_limit(field, v, limit)?;
    Ok(v.to_string())
}

/// Trim; an empty value becomes `None`.
pub fn optional(field: &'static str, value: Option<&str>, limit: usize) -> Result<Option<String>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => {
            within_limit(field, v, limit)?;
            Ok(Some(v.to_string()))
        }
    }
}

fn within_limit(field: &'static str, v: &str, limit: usize) -> Result<()> {
    // Byte length bounds char count from above, so most values skip the count.
    if v.len() > limit && v.chars().count() > limit {
        return Err(Error::invalid(field, format!("This is too long: the limit is {limit} characters.")));
    }
    Ok(())
}

/// A single-line value may not contain line breaks (address lines, names).
pub fn single_line(field: &'static str, v: &str) -> Result<()> {
    if v.contains(['\n', '\r']) {
        return Err(Error::invalid(field, "This must fit on one line."));
    }
    Ok(())
}

/// Lowercase and strip accents, for search: "Zoë Ørsted-Núñez" → "zoe orsted-nunez".
pub fn fold(s: &str) -> String {
    // Most names and emails are plain ASCII: no decomposition needed.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        // Letters that do not decompose into base + accent.
        match c {
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ß' => out.push_str("ss"),
            'þ' | 'Þ' => out.push_str("th"),
            'ı' => out.push('i'),
            '’' | '‘' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Text for a terminal: control characters and the invisible direction
/// marks that can make a name display as something else (U+202E...) are
/// shown escaped, `\u{202e}`. The records and JSON keep them exact.
pub fn shown(s: &str) -> std::borrow::Cow<'_, str> {
    let risky = |c: char| {
        c.is_control()
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(risky) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars().map(|c| if risky(c) { format!("\\u{{{:x}}}", c as u32) } else { c.to_string() }).collect(),
    )
}

/// A count with thousands separators, for messages: 1000000 → "1,000,000".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Only the digits of a phone number, so "(555) 013-4" matches "5550134".
pub fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// A plausible email: something@something.something, no spaces.
pub fn check_email(field: &'static str, email: &str) -> Result<()> {
    let ok = match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.contains(char::is_whitespace)
                && !domain.contains('@')
        }
        None => false,
    };
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(field, format!("\"{email}\" does not look like an email address (like name@example.com).")))
    }
}

/// At most `n` characters, with "…" when cut.
pub fn truncate_chars(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", s[..i].trim_end()),
        None => s.to_string(),
    }
}

/// A list for a message, cut short: "a, b, c, … and 99,980 more" (with `n`
/// shown at most), so a 100,000-column file does not make a 100,000-word line.
pub fn list_some<S: AsRef<str>>(items: &[S], n: usize) -> String {
    let shown: Vec<&str> = items.iter().take(n).map(|s| s.as_ref()).collect();
    match items.len().checked_sub(n) {
        Some(rest) if rest > 0 => format!("{}, … and {} more", shown.join(", "), thousands(rest as u64)),
        _ => shown.join(", "),
    }
}

/// The text with its first letter in capitals ("the cause" → "The cause").
pub fn capitalise_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_lists_are_cut_short() {
        let many: Vec<String> = (0..99_990).map(|i| format!("c{i}")).collect();
        assert_eq!(super::list_some(&many, 10), "c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, … and 99,980 more");
        assert_eq!(super::list_some(&["a", "b"], 10), "a, b");
    }

    use super::*;

    #[test]
    fn shows_control_and_direction_characters_escaped() {
        assert_eq!(shown("Ada"), "Ada");
        assert_eq!(shown("Ev\u{202e}il\x1b[2J"), "Ev\\u{202e}il\\u{1b}[2J");
        assert_eq!(shown("Zoë Núñez"), "Zoë Núñez");
    }

    #[test]
    fn folds_accents_and_special_letters() {
        assert_eq!(fold("Zoë Ørsted-Núñez"), "zoe orsted-nunez");
        assert_eq!(fold("Łukasz Wójcik"), "lukasz wojcik");
        assert_eq!(fold("Straße Æsir"), "strasse aesir");
        assert_eq!(fold("O’Connor"), "o'connor");
    }

    #[test]
    fn limits_count_characters() {
        let ok = "é".repeat(SHORT_LIMIT);
        assert!(required("name", &ok, "empty", SHORT_LIMIT).is_ok());
        let long = "é".repeat(SHORT_LIMIT + 1);
        assert!(required("name", &long, "empty", SHORT_LIMIT).is_err());
        assert!(required("name", "   ", "A customer needs a name.", SHORT_LIMIT).is_err());
    }

    #[test]
    fn emails() {
        assert!(check_email("email", "zoe@example.co.uk").is_ok());
        for bad in ["zoe", "zoe@", "@x.com", "zoe@localhost", "zo e@x.com", "a@b@c.com"] {
            assert!(check_email("email", bad).is_err(), "{bad}");
        }
    }
}
