//! Which column holds which customer field: the header row read against the
//! product table (`products.rs`), Google's numbered groups ("Phone 2 -
//! Value"), the generic names, a cautious guess for the rest, and whatever
//! the owner mapped by hand, which always wins.
//!
//! Never reads rows beyond the header; `row.rs` turns a row into a customer.
use super::products::{self, Col, Product, GENERIC, PRODUCTS};
use super::ImportReport;
use crate::error::{Error, Result};
use crate::spreadsheet::guard;
use crate::text;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// What a column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The person's whole name.
    Name,
    FirstName,
    MiddleName,
    LastName,
    /// A tool's "display name": the person's name, or their company's.
    DisplayName,
    Company,
    Email,
    Phone,
    /// Several numbers in one cell: "Phone: 555 0101 Mobile: 555 0102".
    PhoneList,
    Address1,
    Address2,
    Address3,
    Address4,
    City,
    Region,
    PostalCode,
    Country,
    /// A whole address in one cell (lines, or parts separated by commas or double spaces).
    FullAddress,
    Notes,
    Tags,
    YearlySpend,
    ExpectedYears,
    /// Read nothing from this column.
    Ignore,
}

impl Field {
    pub const ALL: [Field; 23] = [
        Field::Name,
        Field::FirstName,
        Field::MiddleName,
        Field::LastName,
        Field::DisplayName,
        Field::Company,
        Field::Email,
        Field::Phone,
        Field::PhoneList,
        Field::Address1,
        Field::Address2,
        Field::Address3,
        Field::Address4,
        Field::City,
        Field::Region,
        Field::PostalCode,
        Field::Country,
        Field::FullAddress,
        Field::Notes,
        Field::Tags,
        Field::YearlySpend,
        Field::ExpectedYears,
        Field::Ignore,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::FirstName => "first_name",
            Field::MiddleName => "middle_name",
            Field::LastName => "last_name",
            Field::DisplayName => "display_name",
            Field::Company => "company",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::PhoneList => "phone_list",
            Field::Address1 => "address1",
            Field::Address2 => "address2",
            Field::Address3 => "address3",
            Field::Address4 => "address4",
            Field::City => "city",
            Field::Region => "region",
            Field::PostalCode => "postal_code",
            Field::Country => "country",
            Field::FullAddress => "full_address",
            Field::Notes => "notes",
            Field::Tags => "tags",
            Field::YearlySpend => "yearly_spend",
            Field::ExpectedYears => "expected_years",
            Field::Ignore => "ignore",
        }
    }

    /// Part of the postal address (kept together per address group).
    pub fn is_address(self) -> bool {
        matches!(
            self,
            Field::Address1
                | Field::Address2
                | Field::Address3
                | Field::Address4
                | Field::City
                | Field::Region
                | Field::PostalCode
                | Field::Country
                | Field::FullAddress
        )
    }

    /// The field a header means in files from any tool (no product known).
    pub fn for_header(header: &str) -> Option<Field> {
        let h = normalize_header(header);
        GENERIC.iter().find(|c| c.0 == h).map(|c| c.1)
    }
}

impl FromStr for Field {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let k = s.trim().to_ascii_lowercase().replace('-', "_");
        Field::ALL.into_iter().find(|f| f.key() == k).or_else(|| Field::for_header(s)).ok_or_else(|| {
            let keys: Vec<&str> = Field::ALL.iter().map(|f| f.key()).collect();
            Error::invalid("mapping", format!("\"{s}\" is not a customer field. Use one of: {}.", keys.join(", ")))
        })
    }
}

/// "E-mail address (work)" → "emailaddress": accents, case, punctuation and
/// anything in brackets do not matter.
pub fn normalize_header(h: &str) -> String {
    let mut depth = 0usize;
    let mut kept = String::with_capacity(h.len());
    for c in guard::unguard(h.trim()).chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => kept.push(c),
            _ => {}
        }
    }
    text::fold(&kept).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// One mapped column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub idx: usize,
    pub field: Field,
    /// Which address this part belongs to (0: the file's only, or the owner's mapping).
    pub group: u16,
    /// Lower is preferred among columns of the same field.
    pub rank: u16,
    /// A column whose text labels this one's value ("Mobile", "Work").
    pub label: Option<usize>,
}

/// The header read: every mapped column and the product it looks like.
#[derive(Debug, Clone)]
pub struct Mapping {
    pub columns: Vec<Column>,
    pub product: Option<&'static Product>,
}

impl Mapping {
    pub fn has(&self, f: Field) -> bool {
        self.columns.iter().any(|c| c.field == f)
    }
}

/// The product whose signature headers the header row carries most of.
pub fn detect_product(norm: &[String]) -> Option<&'static Product> {
    let mut best: Option<(&'static Product, usize)> = None;
    for p in PRODUCTS {
        let hits = p.signature.iter().filter(|s| norm.iter().any(|h| h == *s)).count();
        if hits >= p.signature.len().min(2) && best.is_none_or(|(_, b)| hits > b) {
            best = Some((p, hits));
        }
    }
    best.map(|(p, _)| p)
}

/// Google's "Phone 2 - Value", "Address 1 - City", "E-mail 1 - Label".
struct Numbered {
    kind: String,
    n: u16,
    part: String,
}

fn numbered(header: &str) -> Option<Numbered> {
    let (left, right) = header.split_once(" - ")?;
    let left = left.trim();
    let split = left.rfind(|c: char| !c.is_ascii_digit())? + 1;
    let n: u16 = left[split..].parse().ok()?;
    Some(Numbered { kind: normalize_header(&left[..split]), n, part: normalize_header(right) })
}

/// The field of a numbered group's column, its address group, and whether it is a label.
fn numbered_field(g: &Numbered) -> Option<(Field, u16, bool)> {
    let addr = 100 + g.n;
    Some(match (g.kind.as_str(), g.part.as_str()) {
        ("email", "value") => (Field::Email, 0, false),
        ("email", "label" | "type") => (Field::Email, 0, true),
        ("phone", "value") => (Field::Phone, 0, false),
        ("phone", "label" | "type") => (Field::Phone, 0, true),
        ("organization" | "organisation", "name") => (Field::Company, 0, false),
        ("address", "street") => (Field::Address1, addr, false),
        ("address", "extendedaddress") => (Field::Address2, addr, false),
        ("address", "pobox") => (Field::Address3, addr, false),
        ("address", "city") => (Field::City, addr, false),
        ("address", "region") => (Field::Region, addr, false),
        ("address", "postalcode") => (Field::PostalCode, addr, false),
        ("address", "country") => (Field::Country, addr, false),
        ("address", "formatted") => (Field::FullAddress, addr, false),
        _ => return None,
    })
}

/// A guess from words inside a header no table names ("Billing Zip", "Work
/// E-mail"); used only for fields no column was found for by name.
fn guess(h: &str) -> Option<(Field, u16)> {
    const NOT_CONTACT: [&str; 24] = [
        "marketing",
        "consent",
        "optin",
        "optout",
        "subscri",
        "status",
        "type",
        "label",
        "verified",
        "bounce",
        "format",
        "date",
        "time",
        "count",
        "last",
        "created",
        "updated",
        "source",
        "owner",
        "fax",
        "pager",
        "yomi",
        "attention",
        "preferred",
    ];
    if NOT_CONTACT.iter().any(|w| h.contains(w)) || (h.ends_with("id") && h != "emailid") {
        return None;
    }
    let group = if ["billing", "default", "primary", "mailing", "postal", "business", "work", "main", "invoice"]
        .iter()
        .any(|p| h.starts_with(p))
    {
        1
    } else if ["home", "personal", "private"].iter().any(|p| h.starts_with(p)) {
        2
    } else if ["shipping", "delivery", "other", "ship"].iter().any(|p| h.starts_with(p)) {
        3
    } else {
        0
    };
    let has = |w: &str| h.contains(w);
    let field = if has("email") || has("mail") {
        Field::Email
    } else if has("phone") || has("mobile") || has("tel") || has("cell") {
        return Some((Field::Phone, 0));
    } else if has("zip") || has("postcode") || has("postalcode") || has("eircode") {
        Field::PostalCode
    } else if has("city") || has("town") || has("locality") || has("suburb") {
        Field::City
    } else if has("state") || has("province") || has("region") || has("county") {
        Field::Region
    } else if has("country") {
        Field::Country
    } else if has("street") || has("address") {
        if has("2") {
            Field::Address2
        } else if has("3") {
            Field::Address3
        } else {
            Field::Address1
        }
    } else if has("firstname") || has("givenname") || has("forename") {
        return Some((Field::FirstName, 0));
    } else if has("lastname") || has("surname") || has("familyname") {
        return Some((Field::LastName, 0));
    } else if (has("company") || has("organi"))
        && !["number", "reg", "vat", "tax", "size", "type"].iter().any(|w| has(w))
    {
        return Some((Field::Company, 0));
    } else if has("note") || has("comment") || has("memo") {
        return Some((Field::Notes, 0));
    } else {
        return None;
    };
    if field == Field::Email {
        return Some((field, 0));
    }
    Some((field, group))
}

/// How many cells of a row a header row would name (used to find the header
/// row below a report's title lines).
pub fn known_headers(cells: &[String]) -> usize {
    let norm: Vec<String> = cells.iter().map(|h| normalize_header(h)).collect();
    let product = detect_product(&norm);
    cells
        .iter()
        .zip(&norm)
        .filter(|(raw, n)| {
            !n.is_empty()
                && (numbered(raw).and_then(|g| numbered_field(&g)).is_some()
                    || GENERIC.iter().any(|c| c.0 == n.as_str())
                    || product.is_some_and(|p| products::columns_of(p).iter().any(|c| c.0 == n.as_str())))
        })
        .count()
}

/// Map each column of `header` to a field. `explicit` (field, header) pairs win.
pub fn map_columns(header: &[String], explicit: &[(Field, String)], report: &mut ImportReport) -> Result<Mapping> {
    let norm: Vec<String> = header.iter().map(|h| normalize_header(h)).collect();
    let product = detect_product(&norm);
    let listed = || crate::text::list_some(&header.iter().map(|h| format!("\"{h}\"")).collect::<Vec<_>>(), 20);
    let mut columns: Vec<Column> = Vec::new();
    let mut taken = vec![false; header.len()];
    for (rank, (field, wanted)) in explicit.iter().enumerate() {
        let want = normalize_header(wanted);
        let idx = header
            .iter()
            .position(|h| h == wanted.trim())
            .or_else(|| norm.iter().position(|h| *h == want))
            .ok_or_else(|| {
                Error::invalid(
                    "mapping",
                    format!("There is no column \"{wanted}\" in the file. Its columns are: {}.", listed()),
                )
            })?;
        columns.retain(|c| c.idx != idx);
        taken[idx] = true;
        columns.push(Column { idx, field: *field, group: 0, rank: rank as u16, label: None });
    }
    let by_hand = |f: Field| explicit.iter().any(|(e, _)| *e == f);

    // Labels first, so each value column can point at its label.
    let groups: Vec<Option<Numbered>> = header.iter().map(|h| numbered(h)).collect();
    for idx in 0..header.len() {
        if taken[idx] {
            continue;
        }
        let found = if let Some((field, group, is_label)) = groups[idx].as_ref().and_then(numbered_field) {
            if is_label {
                taken[idx] = true;
                continue;
            }
            let g = groups[idx].as_ref().expect("numbered");
            let label = (0..header.len()).find(|&j| {
                groups[j]
                    .as_ref()
                    .is_some_and(|o| o.kind == g.kind && o.n == g.n && matches!(o.part.as_str(), "label" | "type"))
            });
            Some((field, group, g.n, label))
        } else {
            let in_product = product
                .and_then(|p| products::columns_of(p).iter().position(|c| c.0 == norm[idx]).map(|r| (p, r)))
                .map(|(p, r)| {
                    let Col(_, f, g) = &products::columns_of(p)[r];
                    (*f, *g as u16, r as u16, None)
                });
            in_product.or_else(|| {
                GENERIC.iter().position(|c| c.0 == norm[idx]).map(|r| (GENERIC[r].1, 0, 200 + r as u16, None))
            })
        };
        if let Some((field, group, rank, label)) = found {
            taken[idx] = true;
            if field == Field::Ignore || by_hand(field) {
                continue;
            }
            columns.push(Column { idx, field, group, rank: 100 + rank, label });
        }
    }
    // A guess only fills a field no column was found for.
    let named: Vec<Field> = columns.iter().map(|c| c.field).collect();
    for idx in 0..header.len() {
        if taken[idx] || norm[idx].is_empty() {
            continue;
        }
        if let Some((field, group)) = guess(&norm[idx]) {
            let address_known = field.is_address() && named.iter().any(|f| f.is_address());
            if named.contains(&field) || address_known || by_hand(field) {
                continue;
            }
            columns.push(Column { idx, field, group, rank: 1000 + idx as u16, label: None });
        }
    }
    columns.sort_by_key(|c| (c.rank, c.idx));

    if product.is_none() {
        for f in [Field::Name, Field::Email, Field::Company, Field::City] {
            let same: Vec<&Column> = columns.iter().filter(|c| c.field == f && c.group == 0).collect();
            if same.len() > 1 {
                let mut by_col = same.clone();
                by_col.sort_by_key(|c| c.idx);
                let names: Vec<String> =
                    by_col.iter().map(|c| format!("\"{}\" (column {})", header[c.idx], c.idx + 1)).collect();
                report.warnings.push(format!(
                    "{} all look like the {} column: the first is used, and the others fill in where it is empty.",
                    names.join(" and "),
                    f.key().replace('_', " ")
                ));
            }
        }
    }
    report.columns = header
        .iter()
        .enumerate()
        .map(|(idx, h)| super::ColumnUse {
            header: h.clone(),
            field: columns.iter().find(|c| c.idx == idx).map(|c| c.field),
        })
        .collect();
    report.product = product.map(|p| p.id);
    let map = Mapping { columns, product };
    let identifies = [
        Field::Name,
        Field::FirstName,
        Field::LastName,
        Field::DisplayName,
        Field::Company,
        Field::Email,
        Field::Phone,
        Field::PhoneList,
    ];
    if !identifies.iter().any(|f| map.has(*f)) {
        return Err(Error::invalid(
            "file",
            format!(
                "The file has no column for the customer's name, company, email or phone. Its columns are: {}. Call one of them Name (or Full name, Customer), or map one to the name.",
                listed()
            ),
        ));
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_map_through_aliases() {
        let cases = [
            ("Name", Some(Field::Name)),
            ("Full name", Some(Field::Name)),
            ("E-mail", Some(Field::Email)),
            ("Email address", Some(Field::Email)),
            ("Tel.", Some(Field::Phone)),
            ("Mobile", Some(Field::Phone)),
            ("Address 1", Some(Field::Address1)),
            ("Address line 2", Some(Field::Address2)),
            ("Town", Some(Field::City)),
            ("State/Province", Some(Field::Region)),
            ("County", Some(Field::Region)),
            ("ZIP", Some(Field::PostalCode)),
            ("Postcode", Some(Field::PostalCode)),
            ("Postal code", Some(Field::PostalCode)),
            ("Yearly spend (GBP)", Some(Field::YearlySpend)),
            ("Société", None),
            ("ID", None),
        ];
        for (h, want) in cases {
            assert_eq!(Field::for_header(h), want, "{h}");
        }
    }

    #[test]
    fn guesses_leave_marketing_flags_alone() {
        assert_eq!(guess("billingzip"), Some((Field::PostalCode, 1)));
        assert_eq!(guess("workemail"), Some((Field::Email, 0)));
        assert_eq!(guess("shippingstreet2"), Some((Field::Address2, 3)));
        assert_eq!(guess("acceptsemailmarketing"), None);
        assert_eq!(guess("emailstatus"), None);
        assert_eq!(guess("lastemaildate"), None);
        assert_eq!(guess("homefax"), None);
    }

    #[test]
    fn numbered_groups_are_read() {
        let g = numbered("Phone 2 - Value").unwrap();
        assert_eq!((g.kind.as_str(), g.n, g.part.as_str()), ("phone", 2, "value"));
        assert_eq!(
            numbered_field(&numbered("Address 1 - Postal Code").unwrap()),
            Some((Field::PostalCode, 101, false))
        );
        assert_eq!(numbered_field(&numbered("E-mail 1 - Type").unwrap()), Some((Field::Email, 0, true)));
        assert!(numbered("Name - Given").is_none());
    }
}
