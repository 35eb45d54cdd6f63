//! One row of an import file as a customer form: the name built from
//! whatever names the person (or their company, email or phone), the best
//! phone number, one whole postal address, tags split.
//!
//! Pure text in, text out; `mod.rs` decides what happens to the customer.
use super::columns::{Column, Field, Mapping};
use crate::domain::{Address, CustomerInput};
use crate::spreadsheet::guard;

/// What a row was named after when it had no person's or company's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamedAfter {
    Person,
    Company,
    Email,
    Phone,
}

/// A row read, or why it could not be.
pub enum Read {
    Customer(Box<CustomerInput>, NamedAfter),
    /// Nothing in the row says who this is; the reason for the report.
    Skip(String),
    Invalid(Option<String>, String),
}

/// One cell's text: trimmed, an export's formula guard taken off, and only
/// the first of Google's " ::: "-separated values.
fn cell(rec: &csv::StringRecord, idx: usize) -> &str {
    let v = guard::unguard(rec.get(idx).unwrap_or("").trim()).trim();
    // Shopify and others write '02138 and '+1416… so spreadsheets keep them as text.
    let v = match v.strip_prefix('\'') {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit() || c == '+') => rest,
        _ => v,
    };
    // Google's " ::: " between several values (a colon is rare, so look for it first).
    match v.contains(':').then(|| v.split_once(" ::: ")).flatten() {
        Some((first, _)) => first.trim(),
        None => v,
    }
}

fn columns_of(map: &Mapping, f: Field) -> impl Iterator<Item = &Column> {
    map.columns.iter().filter(move |c| c.field == f)
}

/// The first non-empty value of a field, best column first (the mapping is sorted by rank).
fn first(rec: &csv::StringRecord, map: &Mapping, f: Field) -> Option<String> {
    columns_of(map, f).map(|c| cell(rec, c.idx)).find(|v| !v.is_empty()).map(str::to_string)
}

/// How much a label says "call this number": work first, then mobile, then
/// the rest; fax and pager numbers are not for calling.
pub fn phone_rank(label: &str) -> Option<u8> {
    let l = label.to_lowercase();
    if l.contains("fax") || l.contains("pager") {
        None
    } else if l.contains("work") || l.contains("business") || l.contains("office") {
        Some(0)
    } else if l.contains("mobile") || l.contains("cell") || l.contains("iphone") {
        Some(1)
    } else if l.contains("main") || l.contains("pref") || l.contains("primary") {
        Some(2)
    } else if l.contains("home") {
        Some(3)
    } else {
        Some(4)
    }
}

/// "Phone: (555) 010-0100 Mobile: 555 010 0101" → [("Phone", "(555) 010-0100"), ("Mobile", "555 010 0101")].
pub fn phone_list(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut label = String::new();
    let mut value = String::new();
    let flush = |label: &mut String, value: &mut String, out: &mut Vec<(String, String)>| {
        let v = value.trim().trim_end_matches([',', ';', '/']).trim();
        if crate::text::digits(v).len() >= 3 {
            out.push((label.trim().to_string(), v.to_string()));
        }
        label.clear();
        value.clear();
    };
    for part in text.split(['\n', ';']) {
        // Split "Label: value" pairs, where a label is letters before a colon.
        let mut rest = part;
        loop {
            match rest.find(':') {
                Some(colon) => {
                    let before = &rest[..colon];
                    // The label is the trailing run of letters and spaces before the colon.
                    let start = before
                        .char_indices()
                        .rev()
                        .take_while(|(_, c)| c.is_alphabetic() || *c == ' ')
                        .last()
                        .map_or(before.len(), |(i, _)| i);
                    value.push_str(&before[..start]);
                    flush(&mut label, &mut value, &mut out);
                    label = before[start..].to_string();
                    rest = &rest[colon + 1..];
                }
                None => {
                    value.push_str(rest);
                    break;
                }
            }
        }
        flush(&mut label, &mut value, &mut out);
    }
    out
}

/// The number to call: the best-labelled or best-ranked phone column, or
/// the best of a list cell.
fn best_phone(rec: &csv::StringRecord, map: &Mapping) -> (Option<String>, Vec<String>) {
    let mut found: Vec<((u8, u16, usize), String, String)> = Vec::new();
    for c in columns_of(map, Field::Phone) {
        let v = cell(rec, c.idx);
        if v.is_empty() {
            continue;
        }
        let label = c.label.map(|l| cell(rec, l).to_string()).unwrap_or_default();
        let Some(r) = (if c.label.is_some() { phone_rank(&label) } else { Some(0) }) else { continue };
        found.push(((r, c.rank, c.idx), v.to_string(), label));
    }
    for c in columns_of(map, Field::PhoneList) {
        for (i, (label, v)) in phone_list(cell(rec, c.idx)).into_iter().enumerate() {
            // A plain "Phone:" is the customer's main number.
            let plain = label.is_empty() || label.eq_ignore_ascii_case("phone");
            if let Some(r) = if plain { Some(0) } else { phone_rank(&label) } {
                found.push(((r, c.rank, c.idx + i), v, label));
            }
        }
    }
    found.sort_by_key(|f| f.0);
    let mut it = found.into_iter();
    let best = it.next().map(|(_, v, _)| v);
    let rest = it
        .filter(|(_, v, _)| Some(v) != best.as_ref())
        .map(|(_, v, l)| if l.is_empty() { v } else { format!("{l}: {v}") })
        .collect();
    (best, rest)
}

/// The address whose group has something in it first; the owner's own
/// mapping (group 0) fills in any part.
fn address(rec: &csv::StringRecord, map: &Mapping) -> Address {
    let mut groups: Vec<u16> = map.columns.iter().filter(|c| c.field.is_address()).map(|c| c.group).collect();
    // A product's own addresses (billing = 1, ...) before generic columns (0), which fill in.
    groups.sort_unstable_by_key(|g| (*g == 0, *g));
    groups.dedup();
    let chosen = groups
        .iter()
        .copied()
        .find(|g| map.columns.iter().any(|c| c.field.is_address() && c.group == *g && !cell(rec, c.idx).is_empty()));
    let Some(g) = chosen else { return Address::default() };
    // The owner's own mapping first, then the chosen address, then generic columns
    // (the mapping is sorted by rank, so each pass keeps the best first).
    let part = |f: Field| -> Option<String> {
        let passes: [&dyn Fn(&Column) -> bool; 3] =
            [&|c| c.rank < 100, &|c| c.rank >= 100 && c.group == g, &|c| c.rank >= 100 && c.group == 0 && g != 0];
        passes
            .iter()
            .find_map(|pass| {
                columns_of(map, f)
                    .filter(|c| (c.group == g || c.group == 0) && pass(c))
                    .map(|c| cell(rec, c.idx))
                    .find(|v| !v.is_empty())
            })
            .map(str::to_string)
    };
    let mut lines = Vec::new();
    for f in [Field::Address1, Field::Address2, Field::Address3, Field::Address4] {
        if let Some(v) = part(f) {
            lines.extend(split_lines(&v));
        }
    }
    let mut a = Address {
        lines,
        city: part(Field::City),
        region: part(Field::Region),
        postal_code: part(Field::PostalCode),
        country: part(Field::Country),
    };
    if let Some(full) = part(Field::FullAddress) {
        if a.lines.is_empty() && a.city.is_none() && a.postal_code.is_none() {
            let parsed = super::address::parse(&full);
            a.lines = parsed.lines;
            a.city = parsed.city;
            a.region = a.region.or(parsed.region);
            a.postal_code = parsed.postal_code;
            a.country = a.country.or(parsed.country);
        } else if a.lines.is_empty() {
            // The street in one cell beside its own city and postcode columns.
            a.lines = split_lines(&full);
        }
    }
    a
}

fn split_lines(v: &str) -> Vec<String> {
    v.split(['\n', '\r']).map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

fn join_names(parts: &[Option<String>]) -> Option<String> {
    let s = parts.iter().flatten().map(|p| p.trim()).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// Read one row. `columns` is the header's width.
pub fn read(rec: &csv::StringRecord, columns: usize, map: &Mapping) -> Read {
    if rec.len() > columns && rec.iter().skip(columns).any(|f| !f.trim().is_empty()) {
        return Read::Invalid(
            None,
            format!(
                "This row has {} values but the header has {columns} columns. A value with a separator in it may be missing its quotes.",
                rec.len()
            ),
        );
    }
    let get = |f: Field| first(rec, map, f);
    let person =
        get(Field::Name).or_else(|| join_names(&[get(Field::FirstName), get(Field::MiddleName), get(Field::LastName)]));
    let display = get(Field::DisplayName);
    let mut company = get(Field::Company);
    let email = get(Field::Email).map(|e| e.split([';', ',', ' ']).find(|p| !p.is_empty()).unwrap_or("").to_string());
    let (phone, other_phones) = best_phone(rec, map);
    let (name, named_after) = if let Some(p) = person {
        // A display name beside the person's name is, in these tools, their company's.
        if company.is_none() {
            company = display.filter(|d| !d.eq_ignore_ascii_case(&p));
        }
        (p, NamedAfter::Person)
    } else if let Some(d) = display {
        // No person's name beside a display name: a company-only contact.
        company = company.or_else(|| Some(d.clone()));
        (d, NamedAfter::Company)
    } else if let Some(c) = &company {
        (c.clone(), NamedAfter::Company)
    } else if let Some(e) = &email {
        (e.clone(), NamedAfter::Email)
    } else if let Some(p) = &phone {
        (p.clone(), NamedAfter::Phone)
    } else {
        let anything = rec.iter().any(|v| !v.trim().is_empty());
        return Read::Skip(if anything {
            "Nothing here says who this is: no name, company, email or phone.".to_string()
        } else {
            "An empty row.".to_string()
        });
    };
    let expected_years = match get(Field::ExpectedYears) {
        None => None,
        Some(y) => match y.parse::<u32>() {
            Ok(n) => Some(n),
            Err(_) => {
                return Read::Invalid(
                    Some("expected_years".to_string()),
                    format!("\"{y}\" is not a whole number of years."),
                )
            }
        },
    };
    let mut notes = get(Field::Notes);
    if !other_phones.is_empty() && map.has(Field::PhoneList) {
        let more = format!("Other numbers: {}", other_phones.join(", "));
        notes = Some(match notes {
            Some(n) => format!("{n}\n{more}"),
            None => more,
        });
    }
    let tags = get_all_tags(rec, map);
    Read::Customer(
        Box::new(CustomerInput {
            name,
            company,
            email,
            phone,
            address: address(rec, map),
            notes,
            tags,
            yearly_spend: get(Field::YearlySpend),
            expected_years,
            seen_version: None,
        }),
        named_after,
    )
}

/// Tags from every tags column: split on commas, semicolons and Google's " ::: ",
/// without Google's own system groups ("* myContacts").
fn get_all_tags(rec: &csv::StringRecord, map: &Mapping) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for c in columns_of(map, Field::Tags) {
        let raw = guard::unguard(rec.get(c.idx).unwrap_or("").trim());
        for t in raw.split([',', ';']).flat_map(|t| t.split(":::")) {
            let t = t.trim().trim_matches('"').trim();
            if t.is_empty() || t.starts_with('*') || t.eq_ignore_ascii_case("mycontacts") {
                continue;
            }
            if !tags.iter().any(|x| x == t) {
                tags.push(t.to_string());
            }
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_of_numbers_is_split_by_label() {
        assert_eq!(
            phone_list("Phone: (555) 010-0100 Mobile: 555 010 0101"),
            vec![
                ("Phone".to_string(), "(555) 010-0100".to_string()),
                ("Mobile".to_string(), "555 010 0101".to_string())
            ]
        );
        assert_eq!(phone_list("555-0100"), vec![(String::new(), "555-0100".to_string())]);
        assert_eq!(phone_list(""), vec![]);
    }
}
