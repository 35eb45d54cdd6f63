//! vCard files (versions 2.1, 3.0 and 4.0, several cards per file) read as
//! rows under a fixed header, so the rest of the import treats an address
//! book like any other customer list.
//!
//! Written by hand: the vCard crates on crates.io either skip 2.1's
//! quoted-printable and CHARSET values or are unmaintained. What it reads:
//! FN/N, ORG, EMAIL, TEL (work, else mobile, else the first; the others go
//! to the notes), ADR (preferred, else work, else the first), NOTE and
//! CATEGORIES; folded lines, CR CR LF line ends, grouped properties
//! (`item1.ADR`); PHOTO and anything else is skipped. Never panics on
//! malformed input (fuzzed in `tests/fuzz.rs`).

/// The header the cards are laid out under.
pub const HEADER: [&str; 15] = [
    "Full name",
    "First name",
    "Middle name",
    "Last name",
    "Company",
    "Email",
    "Phone",
    "Street",
    "Address line 2",
    "City",
    "Region",
    "Postal code",
    "Country",
    "Notes",
    "Categories",
];

/// Does this text start like a vCard file?
pub fn looks_like_vcard(text: &str) -> bool {
    text.trim_start_matches('\u{feff}').trim_start().get(..11).is_some_and(|s| s.eq_ignore_ascii_case("BEGIN:VCARD"))
}

struct Property {
    name: String,
    params: Vec<(String, String)>,
    value: String,
}

impl Property {
    /// Every type the property carries, upper case: TYPE=WORK,VOICE / TYPE="work,voice" / 2.1's bare WORK.
    fn types(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (k, v) in &self.params {
            if k == "TYPE" || k.is_empty() {
                out.extend(v.trim_matches('"').split(',').map(|t| t.trim().to_ascii_uppercase()));
            }
        }
        out
    }

    fn has_type(&self, t: &str) -> bool {
        self.types().iter().any(|x| x == t)
    }

    fn preferred(&self) -> bool {
        self.has_type("PREF") || self.params.iter().any(|(k, _)| k == "PREF")
    }
}

/// Lines of the file with their 1-based line numbers, CR CR LF, CR LF, LF or bare CR ends.
fn physical_lines(text: &str) -> Vec<(u64, String)> {
    let unified: String = if text.contains('\n') { text.replace('\r', "") } else { text.replace('\r', "\n") };
    unified.split('\n').enumerate().map(|(i, l)| (i as u64 + 1, l.to_string())).collect()
}

/// Unfold continuation lines (a leading space or tab) and quoted-printable
/// soft breaks (a line ending in `=` inside a QUOTED-PRINTABLE value).
fn logical_lines(text: &str) -> Vec<(u64, String)> {
    let mut out: Vec<(u64, String)> = Vec::new();
    let mut qp_open = false;
    for (n, line) in physical_lines(text) {
        if qp_open {
            if let Some((_, last)) = out.last_mut() {
                last.pop(); // the soft break's '='
                last.push_str(line.trim_start());
                qp_open = last.ends_with('=');
                continue;
            }
        }
        if (line.starts_with(' ') || line.starts_with('\t')) && !out.is_empty() {
            let last = &mut out.last_mut().expect("not empty").1;
            last.push_str(&line[1..]);
        } else {
            out.push((n, line));
        }
        let last = &out.last().expect("just pushed").1;
        let head = last.split(':').next().unwrap_or("").to_ascii_uppercase();
        qp_open = head.contains("QUOTED-PRINTABLE") && last.ends_with('=');
    }
    out
}

fn parse_property(line: &str) -> Option<Property> {
    // The colon that ends the name and parameters is the first one outside quotes.
    let mut quoted = false;
    let colon = line.char_indices().find(|(_, c)| {
        if *c == '"' {
            quoted = !quoted;
        }
        *c == ':' && !quoted
    })?;
    let (head, value) = (&line[..colon.0], &line[colon.0 + 1..]);
    let mut parts = head.split(';');
    let name = parts.next()?.trim();
    let name = name.rsplit('.').next().unwrap_or(name).to_ascii_uppercase();
    let params = parts
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (k.trim().to_ascii_uppercase(), v.trim().to_string()),
            None => (String::new(), p.trim().to_string()),
        })
        .collect();
    Some(Property { name, params, value: value.to_string() })
}

fn decode_quoted_printable(v: &str) -> Vec<u8> {
    let b = v.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' && i + 2 < b.len() + 1 {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (b.get(i + 1).and_then(|c| hex(*c)), b.get(i + 2).and_then(|c| hex(*c))) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

/// The value as text: quoted-printable and CHARSET decoded.
fn text_value(p: &Property) -> String {
    let qp =
        p.params.iter().any(|(k, v)| (k == "ENCODING" || k.is_empty()) && v.eq_ignore_ascii_case("QUOTED-PRINTABLE"));
    if !qp {
        return p.value.clone();
    }
    let bytes = decode_quoted_printable(&p.value);
    let charset = p.params.iter().find(|(k, _)| k == "CHARSET").map(|(_, v)| v.as_str()).unwrap_or("UTF-8");
    let enc = encoding_rs::Encoding::for_label(charset.as_bytes()).unwrap_or(encoding_rs::UTF_8);
    enc.decode(&bytes).0.into_owned()
}

/// Split a structured value on unescaped `;` and unescape each part.
fn components(v: &str) -> Vec<String> {
    component_lists(v).into_iter().map(|l| l.join(",")).collect()
}

/// Split a structured value on unescaped `;`, each part on unescaped `,`
/// (vCard 4.0 writes a street's lines as a comma list), and unescape.
fn component_lists(v: &str) -> Vec<Vec<String>> {
    let mut out = vec![vec![String::new()]];
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        let part = out.last_mut().expect("one");
        match c {
            '\\' => match chars.next() {
                Some('n' | 'N') => part.last_mut().expect("one").push('\n'),
                Some(o) => part.last_mut().expect("one").push(o),
                None => {}
            },
            ';' => out.push(vec![String::new()]),
            ',' => part.push(String::new()),
            _ => part.last_mut().expect("one").push(c),
        }
    }
    out.into_iter().map(|l| l.into_iter().map(|s| s.trim().to_string()).collect()).collect()
}

/// An unstructured value unescaped (`\n`, `\,`, `\;`, `\\`), semicolons kept.
fn unescape(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(o) => out.push(o),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    out.trim().to_string()
}

#[derive(Default)]
struct Card {
    line: u64,
    props: Vec<Property>,
}

fn split_cards(text: &str) -> Vec<Card> {
    let mut cards = Vec::new();
    let mut current: Option<Card> = None;
    for (n, line) in logical_lines(text) {
        let t = line.trim();
        if t.eq_ignore_ascii_case("BEGIN:VCARD") {
            current = Some(Card { line: n, props: Vec::new() });
        } else if t.eq_ignore_ascii_case("END:VCARD") {
            if let Some(c) = current.take() {
                cards.push(c);
            }
        } else if let (Some(c), Some(p)) = (current.as_mut(), parse_property(&line)) {
            if p.name != "PHOTO" && p.name != "LOGO" && p.name != "SOUND" && p.name != "KEY" {
                c.props.push(p);
            }
        }
    }
    // A last card without END:VCARD still counts.
    cards.extend(current);
    cards
}

/// Every card in the file as (line of its BEGIN, cells under `HEADER`).
pub fn read(text: &str) -> Vec<(u64, Vec<String>)> {
    split_cards(text).into_iter().map(|c| (c.line, row(&c))).collect()
}

fn row(card: &Card) -> Vec<String> {
    let all = |name: &'static str| card.props.iter().filter(move |p| p.name == name);
    let one = |name: &'static str| all(name).next().map(|p| unescape(&text_value(p)));
    let mut cells = vec![String::new(); HEADER.len()];
    cells[0] = one("FN").unwrap_or_default();
    if let Some(n) = all("N").next() {
        let c = components(&text_value(n));
        let get = |i: usize| c.get(i).cloned().unwrap_or_default();
        (cells[1], cells[2], cells[3]) = (get(1), get(2), get(0));
    }
    if let Some(org) = all("ORG").next() {
        cells[4] = components(&text_value(org)).into_iter().next().unwrap_or_default();
    }
    let mut emails: Vec<&Property> = all("EMAIL").collect();
    emails.sort_by_key(|p| !p.preferred());
    cells[5] = emails.first().map(|p| unescape(&text_value(p))).unwrap_or_default();

    // The number to call: work, else mobile, else preferred, else the first; never a fax or pager.
    let tels: Vec<&Property> = all("TEL").filter(|p| !p.has_type("FAX") && !p.has_type("PAGER")).collect();
    let rank = |p: &Property| {
        if p.has_type("WORK") {
            0
        } else if p.has_type("CELL") || p.has_type("MOBILE") {
            1
        } else if p.preferred() {
            2
        } else {
            3
        }
    };
    let mut ranked: Vec<(usize, &Property)> = tels.iter().copied().enumerate().collect();
    ranked.sort_by_key(|(i, p)| (rank(p), *i));
    let number = |p: &Property| {
        let v = unescape(&text_value(p));
        v.trim().trim_start_matches("tel:").trim_start_matches("TEL:").to_string()
    };
    let mut others = Vec::new();
    if let Some((_, best)) = ranked.first() {
        cells[6] = number(best);
        for (_, p) in ranked.iter().skip(1) {
            let kind = p.types().into_iter().find(|t| ["WORK", "CELL", "MOBILE", "HOME"].contains(&t.as_str())).map(
                |t| match t.as_str() {
                    "CELL" | "MOBILE" => "Mobile".to_string(),
                    "WORK" => "Work".to_string(),
                    _ => "Home".to_string(),
                },
            );
            let n = number(p);
            if n != cells[6] && !n.is_empty() {
                others.push(kind.map_or(n.clone(), |k| format!("{k}: {n}")));
            }
        }
    }
    let mut adrs: Vec<(usize, &Property)> = all("ADR").enumerate().collect();
    adrs.sort_by_key(|(i, p)| (!p.preferred(), !p.has_type("WORK"), *i));
    if let Some((_, adr)) = adrs.first() {
        let lists = component_lists(&text_value(adr));
        let c: Vec<String> = lists.iter().map(|l| l.join(", ")).collect();
        let get = |i: usize| c.get(i).cloned().unwrap_or_default();
        let street = lists.get(2).cloned().unwrap_or_default();
        let mut lines: Vec<String> =
            street.iter().flat_map(|s| s.split('\n')).map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect();
        lines.extend([get(1)].into_iter().filter(|l| !l.is_empty()));
        let pobox = get(0);
        if !pobox.is_empty() {
            lines.push(if pobox.chars().all(|c| c.is_ascii_digit()) { format!("PO Box {pobox}") } else { pobox });
        }
        cells[7] = lines.first().cloned().unwrap_or_default();
        cells[8] = lines.get(1..).map(|l| l.join("\n")).unwrap_or_default();
        (cells[9], cells[10], cells[11], cells[12]) = (get(3), get(4), get(5), get(6));
    }
    let mut notes: Vec<String> = all("NOTE").map(|p| unescape(&text_value(p))).filter(|n| !n.is_empty()).collect();
    if !others.is_empty() {
        notes.push(format!("Other numbers: {}", others.join(", ")));
    }
    cells[13] = notes.join("\n");
    cells[14] = all("CATEGORIES").map(|p| unescape(&text_value(p))).collect::<Vec<_>>().join(",");
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_21_card_with_quoted_printable_and_a_photo() {
        let text = "BEGIN:VCARD\r\r\nVERSION:2.1\r\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:N=C3=BA=C3=B1ez;Zo=C3=AB;;;\r\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Zo=C3=AB N=C3=BA=\r\r\n=C3=B1ez\r\r\nTEL;HOME;VOICE:555 0100\r\r\nTEL;CELL:555 0101\r\r\nPHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQ\r\r\n AAAA\r\r\n\r\r\nADR;HOME:;;12 Quay Rd;Bristol;;BS1 4AA;UK\r\r\nEND:VCARD\r\r\n";
        let rows = read(text);
        assert_eq!(rows.len(), 1);
        let r = &rows[0].1;
        assert_eq!((r[0].as_str(), r[1].as_str(), r[3].as_str()), ("Zoë Núñez", "Zoë", "Núñez"));
        assert_eq!(r[6], "555 0101", "mobile before home");
        assert_eq!(r[13], "Other numbers: Home: 555 0100");
        assert_eq!(
            (r[7].as_str(), r[9].as_str(), r[11].as_str(), r[12].as_str()),
            ("12 Quay Rd", "Bristol", "BS1 4AA", "UK")
        );
    }

    #[test]
    fn reads_folded_40_cards() {
        let text = "BEGIN:VCARD\nVERSION:4.0\nFN:Ada\n  Lovelace\nORG:Engines Ltd;R&D\nTEL;VALUE=uri;TYPE=\"work,voice\":tel:+1-555-0100\nEMAIL;TYPE=home:a@x.org\nEMAIL;PREF=1:ada@x.org\nNOTE:Line one\\nLine two\\, done\nCATEGORIES:vip,trade\nitem1.ADR;TYPE=work:;Suite 2;1 Main St;Springfield;IL;62701;USA\nEND:VCARD\nBEGIN:VCARD\nFN:Bo\nEND:VCARD";
        let rows = read(text);
        assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), [1, 13]);
        let r = &rows[0].1;
        assert_eq!(r[0], "Ada Lovelace");
        assert_eq!(r[4], "Engines Ltd");
        assert_eq!(r[5], "ada@x.org");
        assert_eq!(r[6], "+1-555-0100");
        assert_eq!(r[13], "Line one\nLine two, done");
        assert_eq!(r[14], "vip,trade");
        assert_eq!((r[7].as_str(), r[8].as_str(), r[10].as_str()), ("1 Main St", "Suite 2", "IL"));
    }
}
