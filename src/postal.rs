//! Addresses as the post reads them: each destination country's order for
//! the town and postcode, and, on mail that crosses a border, the country in
//! capitals as the last line (the Universal Postal Union's rule; sorting
//! machines in the sending country read only that line).
//!
//! Country names are matched loosely ("UK", "Great Britain", "England" are all
//! the United Kingdom) so an owner's typing does not decide where mail goes.
use crate::domain::Address;

/// How a country writes the line(s) with the town and the postcode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    /// "Portland OR 97209" (town, region, postcode on one line): US, Canada, Australia.
    TownRegionCode,
    /// "BRISTOL" then "BS1 4DJ" on its own line: United Kingdom (Royal Mail asks for
    /// the post town in capitals and the postcode alone on the last line).
    TownThenCode,
    /// "10115 Berlin": most of continental Europe.
    CodeTown,
    /// "Dublin 2" then the Eircode on its own line: Ireland.
    TownThenCodeIe,
}

struct Country {
    code: &'static str,
    /// The English name, as printed (in capitals) on international mail.
    name: &'static str,
    aliases: &'static [&'static str],
    order: Order,
    /// Capitals for the town line (Australia Post and Canada Post ask for it).
    town_caps: bool,
}

const COUNTRIES: &[Country] = &[
    Country {
        code: "US",
        name: "United States",
        aliases: &["usa", "us", "u.s.", "u.s.a.", "united states of america", "america"],
        order: Order::TownRegionCode,
        town_caps: false,
    },
    Country {
        code: "GB",
        name: "United Kingdom",
        aliases: &["uk", "u.k.", "gb", "great britain", "britain", "england", "scotland", "wales", "northern ireland"],
        order: Order::TownThenCode,
        town_caps: true,
    },
    Country { code: "CA", name: "Canada", aliases: &["ca"], order: Order::TownRegionCode, town_caps: true },
    Country { code: "AU", name: "Australia", aliases: &["au", "aus"], order: Order::TownRegionCode, town_caps: true },
    Country {
        code: "NZ",
        name: "New Zealand",
        aliases: &["nz", "aotearoa"],
        order: Order::TownRegionCode,
        town_caps: false,
    },
    Country {
        code: "IE",
        name: "Ireland",
        aliases: &["ie", "eire", "éire", "republic of ireland"],
        order: Order::TownThenCodeIe,
        town_caps: false,
    },
    Country { code: "DE", name: "Germany", aliases: &["de", "deutschland"], order: Order::CodeTown, town_caps: false },
    Country { code: "FR", name: "France", aliases: &["fr"], order: Order::CodeTown, town_caps: true },
    Country {
        code: "ES",
        name: "Spain",
        aliases: &["es", "españa", "espana"],
        order: Order::CodeTown,
        town_caps: false,
    },
    Country { code: "IT", name: "Italy", aliases: &["it", "italia"], order: Order::CodeTown, town_caps: false },
    Country {
        code: "NL",
        name: "Netherlands",
        aliases: &["nl", "the netherlands", "holland", "nederland"],
        order: Order::CodeTown,
        town_caps: false,
    },
    Country {
        code: "BE",
        name: "Belgium",
        aliases: &["be", "belgië", "belgique"],
        order: Order::CodeTown,
        town_caps: false,
    },
    Country {
        code: "AT",
        name: "Austria",
        aliases: &["at", "österreich", "osterreich"],
        order: Order::CodeTown,
        town_caps: false,
    },
    Country {
        code: "CH",
        name: "Switzerland",
        aliases: &["ch", "schweiz", "suisse", "svizzera"],
        order: Order::CodeTown,
        town_caps: false,
    },
    Country { code: "DK", name: "Denmark", aliases: &["dk", "danmark"], order: Order::CodeTown, town_caps: false },
    Country { code: "SE", name: "Sweden", aliases: &["se", "sverige"], order: Order::CodeTown, town_caps: false },
    Country { code: "NO", name: "Norway", aliases: &["no", "norge"], order: Order::CodeTown, town_caps: false },
    Country { code: "FI", name: "Finland", aliases: &["fi", "suomi"], order: Order::CodeTown, town_caps: false },
    Country { code: "PL", name: "Poland", aliases: &["pl", "polska"], order: Order::CodeTown, town_caps: false },
    Country { code: "PT", name: "Portugal", aliases: &["pt"], order: Order::CodeTown, town_caps: false },
    Country {
        code: "CZ",
        name: "Czech Republic",
        aliases: &["cz", "czechia", "česko"],
        order: Order::CodeTown,
        town_caps: false,
    },
];

fn find(name: &str) -> Option<&'static Country> {
    let n = name.trim().trim_end_matches('.').to_lowercase();
    let n = n.as_str();
    COUNTRIES.iter().find(|c| c.name.to_lowercase() == n || c.code.eq_ignore_ascii_case(n) || c.aliases.contains(&n))
}

/// Whether two country names are the same country ("UK" and "United Kingdom" are).
pub fn same_country(a: &str, b: &str) -> bool {
    match (find(a), find(b)) {
        (Some(x), Some(y)) => x.code == y.code,
        _ => crate::text::fold(a.trim()) == crate::text::fold(b.trim()),
    }
}

/// The address lines after the recipient's name, in the destination's order,
/// for mail posted in `from_country`. Mail to another country ends with the
/// destination in capitals; domestic mail has no country line. With no
/// sender country known, a customer's country is printed (in capitals), as
/// it may be needed.
pub fn envelope_lines(a: &Address, from_country: Option<&str>) -> Vec<String> {
    let dest = a.country.as_deref().map(str::trim).filter(|c| !c.is_empty());
    let country = dest.and_then(find);
    let mut out: Vec<String> = a.lines.iter().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect();
    let caps = |s: &str, on: bool| if on { s.to_uppercase() } else { s.to_string() };
    let city = a.city.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let region = a.region.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let code = a.postal_code.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let town_caps = country.is_some_and(|c| c.town_caps);
    match country.map(|c| c.order).unwrap_or(Order::TownRegionCode) {
        Order::TownRegionCode => {
            let mut parts: Vec<String> = Vec::new();
            if let Some(c) = city {
                parts.push(caps(c, town_caps));
            }
            if let Some(r) = region {
                parts.push(r.to_string());
            }
            if let Some(p) = code {
                parts.push(p.to_string());
            }
            if !parts.is_empty() {
                out.push(parts.join(" "));
            }
        }
        Order::TownThenCode | Order::TownThenCodeIe => {
            if let Some(c) = city {
                out.push(caps(c, town_caps));
            }
            if let Some(r) = region {
                out.push(r.to_string());
            }
            if let Some(p) = code {
                out.push(p.to_uppercase());
            }
        }
        Order::CodeTown => {
            let line: Vec<String> =
                [code.map(str::to_string), city.map(|c| caps(c, town_caps))].into_iter().flatten().collect();
            if !line.is_empty() {
                out.push(line.join(" "));
            }
            if let Some(r) = region {
                out.push(r.to_string());
            }
        }
    }
    if let Some(d) = dest {
        let domestic = from_country.map(str::trim).filter(|f| !f.is_empty()).is_some_and(|f| same_country(f, d));
        if !domestic {
            out.push(country.map_or(d, |c| c.name).to_uppercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addr(lines: &[&str], city: &str, region: &str, code: &str, country: &str) -> Address {
        let o = |s: &str| (!s.is_empty()).then(|| s.to_string());
        Address {
            lines: lines.iter().map(|s| s.to_string()).collect(),
            city: o(city),
            region: o(region),
            postal_code: o(code),
            country: o(country),
        }
    }

    #[test]
    fn uk_from_the_us_has_the_postcode_alone_and_the_country_last() {
        let a = addr(&["12 Mill Road"], "Bristol", "", "bs1 4dj", "UK");
        assert_eq!(envelope_lines(&a, Some("United States")), ["12 Mill Road", "BRISTOL", "BS1 4DJ", "UNITED KINGDOM"]);
    }

    #[test]
    fn domestic_mail_has_no_country_line() {
        let a = addr(&["14 Quay Road"], "Portland", "OR", "97209", "USA");
        assert_eq!(envelope_lines(&a, Some("United States")), ["14 Quay Road", "Portland OR 97209"]);
        let b = addr(&["3 Elm Grove"], "York", "", "YO1 7HH", "England");
        assert_eq!(envelope_lines(&b, Some("United Kingdom")), ["3 Elm Grove", "YORK", "YO1 7HH"]);
    }

    #[test]
    fn continental_postcodes_come_before_the_town() {
        let a = addr(&["Invalidenstraße 5"], "Berlin", "", "10115", "Deutschland");
        assert_eq!(envelope_lines(&a, Some("United Kingdom")), ["Invalidenstraße 5", "10115 Berlin", "GERMANY"]);
    }

    #[test]
    fn an_unknown_country_is_printed_as_typed_in_capitals() {
        let a = addr(&["1 Rua Augusta"], "Luanda", "", "", "Angola");
        assert_eq!(envelope_lines(&a, Some("Portugal")), ["1 Rua Augusta", "Luanda", "ANGOLA"]);
        assert!(same_country("Angola", " angola "));
        assert!(!same_country("Canada", "Australia"));
    }
}
