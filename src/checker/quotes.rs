//! The customer's own words, quoted: "You told us: “…”". A letter repeats
//! them back on purpose, so what is inside is theirs, not our qualifier. Only
//! a quote that is plainly theirs (an attribution such as "you told us" or
//! "in your words" just before it, or "you said" just after) is set aside;
//! any other quoted text is checked like the rest.

/// Phrases that say the quote that follows (or precedes) is the customer's.
const CUES: &[&str] = &[
    "you told us",
    "you told me",
    "you said",
    "you wrote",
    "you put it",
    "you described",
    "you explained",
    "you mentioned",
    "you asked",
    "you called it",
    "your words",
    "your message",
    "your email",
    "your letter",
    "your review",
    "your note",
    "when you contacted us",
    "when you got in touch",
];

/// Character ranges (start, end) of quotes attributed to the customer, the
/// quote marks included. A short lead-in ("You told us:", "In your words:")
/// belongs to the quote: a finding that starts there is about their words.
pub(crate) fn customer_quotes(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let close = match chars[i] {
            '\u{201C}' => '\u{201D}',
            '"' => '"',
            _ => {
                i += 1;
                continue;
            }
        };
        let Some(len) = chars[i + 1..].iter().position(|&c| c == close) else { break };
        let end = i + 1 + len + 1;
        if let Some(lead) = attributed_before(&chars[..i]) {
            out.push((lead, end));
        } else if attributed_after(&chars[end..]) {
            out.push((i, end));
        }
        i = end;
    }
    out
}

/// Where the quote's attribution starts, when the sentence before the quote
/// names the customer as its source: the sentence start for a short lead-in
/// ("You told us:"), else the quote itself.
fn attributed_before(before: &[char]) -> Option<usize> {
    let start = before.iter().rposition(|c| matches!(c, '.' | '!' | '?' | '\n')).map_or(0, |p| p + 1);
    let lead: String = before[start..].iter().collect::<String>().to_lowercase().replace('\u{2019}', "'");
    if !CUES.iter().any(|c| lead.contains(c)) {
        return None;
    }
    let short = lead.split_whitespace().count() <= 8;
    Some(if short { start + before[start..].iter().take_while(|c| c.is_whitespace()).count() } else { before.len() })
}

/// "…”, you said." right after the closing mark.
fn attributed_after(after: &[char]) -> bool {
    let tail: String = after.iter().take(24).collect::<String>().to_lowercase();
    let tail = tail.trim_start_matches([',', ' ', '\u{2014}', '-']);
    ["you said", "you told", "you wrote", "you put it"].iter().any(|c| tail.starts_with(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_quotes_attributed_to_the_customer() {
        let t = "You told us: \u{201C}it was my fault\u{201D}. We said \u{201C}sorry if\u{201D}. \"No one came\", you wrote.";
        let q = customer_quotes(t);
        let spans: Vec<String> = q.iter().map(|&(s, e)| t.chars().skip(s).take(e - s).collect()).collect();
        assert_eq!(spans, ["You told us: \u{201C}it was my fault\u{201D}", "\"No one came\""]);
    }

    #[test]
    fn an_unclosed_quote_sets_nothing_aside() {
        assert!(customer_quotes("You told us: \u{201C}it was my fault").is_empty());
    }
}
