//! A whole postal address typed into one cell, taken apart: QuickBooks'
//! "Billing Address" (lines, the last "Anytown, CA 94030"), Mailchimp's
//! "Address" (parts separated by two spaces), or plain commas.
//!
//! A careful reading, not a full address parser: what it cannot place stays
//! an address line, so nothing typed is lost.
use crate::domain::Address;

/// Country names and codes an export writes as an address's last part.
const COUNTRIES: [&str; 41] = [
    "united states",
    "united states of america",
    "usa",
    "us",
    "u.s.a.",
    "united kingdom",
    "uk",
    "gb",
    "great britain",
    "ca",
    "england",
    "scotland",
    "wales",
    "northern ireland",
    "canada",
    "australia",
    "au",
    "new zealand",
    "nz",
    "ireland",
    "ie",
    "germany",
    "de",
    "france",
    "fr",
    "spain",
    "es",
    "italy",
    "it",
    "netherlands",
    "nl",
    "belgium",
    "be",
    "mexico",
    "mx",
    "south africa",
    "za",
    "india",
    "in",
    "singapore",
    "sg",
];

/// Split the cell into parts: lines, else commas, else double-space runs
/// (Mailchimp); double spaces inside a comma part split it too ("MA  02110").
fn parts(full: &str) -> Vec<String> {
    let clean = |v: Vec<&str>| -> Vec<String> {
        v.into_iter().map(|p| p.trim().trim_end_matches(',').trim().to_string()).filter(|p| !p.is_empty()).collect()
    };
    let lines = clean(full.split(['\n', '\r']).collect());
    let mut out: Vec<String> = Vec::new();
    let many_lines = lines.len() > 1;
    for (i, line) in lines.iter().enumerate() {
        // Commas separate parts on a one-line address, and on the last line of a longer one.
        let pieces =
            if !many_lines || i + 1 == lines.len() { clean(line.split(',').collect()) } else { vec![line.clone()] };
        for piece in pieces {
            out.extend(clean(piece.split("  ").collect()));
        }
    }
    // A country written after the postcode in the same part: "EH1 2DP United Kingdom".
    if let Some(last) = out.last().cloned() {
        let lower = last.to_lowercase();
        let mut names: Vec<&str> = COUNTRIES.iter().copied().filter(|c| c.len() > 2).collect();
        names.sort_by_key(|c| std::cmp::Reverse(c.len()));
        if let Some(c) = names.iter().find(|c| lower.ends_with(&format!(" {c}"))) {
            let cut = last.len() - c.len();
            out.pop();
            out.push(last[..cut].trim().to_string());
            out.push(last[cut..].trim().to_string());
        }
    }
    out
}

fn is_postal(w: &str) -> bool {
    let b = w.as_bytes();
    let digits = b.iter().filter(|c| c.is_ascii_digit()).count();
    let alnum = w.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ' ');
    if !alnum || digits == 0 || w.len() > 10 {
        return false;
    }
    // 12345, 12345-6789, 2000, 10115, 0150 (digits, maybe a dash).
    if b.iter().all(|c| c.is_ascii_digit() || *c == b'-') && (4..=10).contains(&w.len()) {
        return true;
    }
    // SW1A 1AA, M5V 2T6, EC1A1BB: letters and digits mixed, upper case.
    let upper = w.chars().all(|c| !c.is_ascii_lowercase());
    upper && w.chars().any(|c| c.is_ascii_alphabetic()) && (5..=8).contains(&w.len())
}

/// The postal code at the end of a part ("CA 94030", "London SW1A 1AA"):
/// (what comes before it, the code).
fn trailing_postal(part: &str) -> Option<(String, String)> {
    let words: Vec<&str> = part.split_whitespace().collect();
    // Two-word codes first (UK, Canada), then one word.
    for take in [2usize, 1] {
        if words.len() >= take {
            let code = words[words.len() - take..].join(" ");
            let one_word_ok = take == 1 || (words[words.len() - 2].len() <= 4 && words[words.len() - 1].len() == 3);
            if one_word_ok && is_postal(&code) {
                return Some((words[..words.len() - take].join(" "), code));
            }
        }
    }
    None
}

fn is_region_code(w: &str) -> bool {
    (2..=3).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase())
}

pub fn parse(full: &str) -> Address {
    let mut p = parts(full);
    let mut a = Address::default();
    if p.len() >= 2 {
        let last = p.last().expect("two parts").to_lowercase();
        let before_has_digit = p[p.len() - 2].chars().any(|c| c.is_ascii_digit());
        let code_only = last.len() == 2;
        if COUNTRIES.contains(&last.as_str()) && (!code_only || before_has_digit) {
            a.country = p.pop();
        }
    }
    if let Some(last) = p.pop() {
        if let Some((before, code)) = trailing_postal(&last) {
            a.postal_code = Some(code);
            let mut words: Vec<&str> = before.split_whitespace().collect();
            if words.last().is_some_and(|w| is_region_code(w)) {
                a.region = words.pop().map(str::to_string);
            }
            if !words.is_empty() {
                a.city = Some(words.join(" "));
            }
        } else {
            p.push(last);
        }
    }
    // A region code or a city as parts of their own: "Springfield", "IL".
    if a.postal_code.is_some() && a.region.is_none() && p.len() >= 2 && p.last().is_some_and(|w| is_region_code(w)) {
        a.region = p.pop();
    }
    if a.city.is_none() && p.len() >= 2 && p.last().is_some_and(|w| !w.chars().any(|c| c.is_ascii_digit())) {
        a.city = p.pop();
    }
    a.lines = p;
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(
        full: &str,
        lines: &[&str],
        city: Option<&str>,
        region: Option<&str>,
        code: Option<&str>,
        country: Option<&str>,
    ) {
        let a = parse(full);
        assert_eq!(a.lines, lines, "{full}");
        assert_eq!(
            (a.city.as_deref(), a.region.as_deref(), a.postal_code.as_deref(), a.country.as_deref()),
            (city, region, code, country),
            "{full}"
        );
    }

    #[test]
    fn reads_the_usual_shapes() {
        check(
            "12 Elm St\nSuite 4\nAnytown, CA 94030",
            &["12 Elm St", "Suite 4"],
            Some("Anytown"),
            Some("CA"),
            Some("94030"),
            None,
        );
        check("12 Elm St, Anytown, CA 94030", &["12 Elm St"], Some("Anytown"), Some("CA"), Some("94030"), None);
        check(
            "12 Elm St  Apt 2  Springfield  IL  62701  US",
            &["12 Elm St", "Apt 2"],
            Some("Springfield"),
            Some("IL"),
            Some("62701"),
            Some("US"),
        );
        check(
            "4 Mill Lane\nLondon SW1A 1AA\nUnited Kingdom",
            &["4 Mill Lane"],
            Some("London"),
            None,
            Some("SW1A 1AA"),
            Some("United Kingdom"),
        );
        check(
            "9 King St W, Toronto, ON M5V 2T6, Canada",
            &["9 King St W"],
            Some("Toronto"),
            Some("ON"),
            Some("M5V 2T6"),
            Some("Canada"),
        );
        check(
            "88 Queen St W Suite 1200, Toronto, ON  M5H 2M9 Canada",
            &["88 Queen St W Suite 1200"],
            Some("Toronto"),
            Some("ON"),
            Some("M5H 2M9"),
            Some("Canada"),
        );
        check(
            "14 Castle Street Unit 3, Edinburgh  EH1 2DP United Kingdom",
            &["14 Castle Street Unit 3"],
            Some("Edinburgh"),
            None,
            Some("EH1 2DP"),
            Some("United Kingdom"),
        );
        check(
            "400 Atlantic Ave, Boston, MA  02110",
            &["400 Atlantic Ave"],
            Some("Boston"),
            Some("MA"),
            Some("02110"),
            None,
        );
        check("Flat 1, 2 Quay Rd", &["Flat 1", "2 Quay Rd"], None, None, None, None);
    }
}
