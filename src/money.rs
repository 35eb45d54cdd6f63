//! Money as integer minor units (cents, pence), never floats.
//!
//! Parsing accepts what an owner types ("1,240.50", "£80", "80"); formatting
//! gives back what they expect to read ("£1,240.50"). Every currency Amends
//! offers has two decimal places, so one minor unit is 1/100.
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The largest amount accepted anywhere: 10 million in major units.
pub const MAX_MINOR: i64 = 1_000_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "UPPERCASE")]
pub enum Currency {
    #[default]
    Usd,
    Gbp,
    Eur,
    Aud,
    Cad,
    Nzd,
}

impl Currency {
    pub const ALL: [Currency; 6] =
        [Currency::Usd, Currency::Gbp, Currency::Eur, Currency::Aud, Currency::Cad, Currency::Nzd];

    pub fn code(self) -> &'static str {
        match self {
            Currency::Usd => "USD",
            Currency::Gbp => "GBP",
            Currency::Eur => "EUR",
            Currency::Aud => "AUD",
            Currency::Cad => "CAD",
            Currency::Nzd => "NZD",
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Currency::Usd => "$",
            Currency::Gbp => "£",
            Currency::Eur => "€",
            Currency::Aud => "A$",
            Currency::Cad => "C$",
            Currency::Nzd => "NZ$",
        }
    }

    /// Render an amount the way a letter or a screen shows it: "£1,240.50".
    pub fn format(self, minor: i64) -> String {
        let sign = if minor < 0 { "-" } else { "" };
        format!("{sign}{}{}", self.symbol(), group_thousands(minor.unsigned_abs()))
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Currency {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let up = s.trim().to_ascii_uppercase();
        Currency::ALL.into_iter().find(|c| c.code() == up).ok_or_else(|| {
            Error::invalid(
                "currency",
                format!("\"{s}\" is not a currency Amends knows. Use one of USD, GBP, EUR, AUD, CAD, NZD."),
            )
        })
    }
}

/// "1240.5" style decimal string used in JSON output: always two decimals.
pub fn to_decimal(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

fn group_thousands(abs_minor: u64) -> String {
    let major = (abs_minor / 100).to_string();
    let mut out = String::with_capacity(major.len() + major.len() / 3 + 3);
    for (i, ch) in major.chars().enumerate() {
        if i > 0 && (major.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    format!("{out}.{:02}", abs_minor % 100)
}

/// Parse an amount typed by the owner into minor units.
///
/// Accepts an optional currency symbol, thousands commas and up to two
/// decimals. Refuses negatives, three decimals and anything that is not a
/// number, naming the field so the form can point at it.
pub fn parse_amount(field: &'static str, input: &str) -> Result<i64> {
    let bad = || {
        Error::invalid(field, format!("\"{}\" is not an amount of money. Write it like 240 or 1,240.50.", input.trim()))
    };
    let mut s = input.trim();
    if s.starts_with('-') || s.starts_with('−') {
        return Err(Error::invalid(field, "An amount of money can't be negative."));
    }
    for sym in ["NZ$", "A$", "C$", "US$", "$", "£", "€"] {
        if let Some(rest) = s.strip_prefix(sym) {
            s = rest.trim_start();
            break;
        }
    }
    if s.is_empty() {
        return Err(bad());
    }
    let cleaned: String = s.chars().filter(|c| *c != ',' && *c != ' ').collect();
    let (whole, frac) = match cleaned.split_once('.') {
        Some((w, f)) => (w, f),
        None => (cleaned.as_str(), ""),
    };
    if whole.is_empty() && frac.is_empty() {
        return Err(bad());
    }
    if !whole.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    if frac.len() > 2 {
        return Err(Error::invalid(field, "Amounts have at most two decimal places (cents or pence)."));
    }
    let whole_v: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| too_large(field))? };
    let frac_v: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().map_err(|_| bad())? * 10,
        _ => frac.parse().map_err(|_| bad())?,
    };
    let minor = whole_v.checked_mul(100).and_then(|v| v.checked_add(frac_v)).ok_or_else(|| too_large(field))?;
    if minor > MAX_MINOR {
        return Err(too_large(field));
    }
    Ok(minor)
}

fn too_large(field: &'static str) -> Error {
    Error::invalid(field, "That amount is too large (the limit is 10,000,000).")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_owners_type() {
        assert_eq!(parse_amount("x", "240").unwrap(), 24_000);
        assert_eq!(parse_amount("x", "1,240.5").unwrap(), 124_050);
        assert_eq!(parse_amount("x", " £80.05 ").unwrap(), 8_005);
        assert_eq!(parse_amount("x", ".5").unwrap(), 50);
        assert_eq!(parse_amount("x", "A$ 12").unwrap(), 1_200);
    }

    #[test]
    fn refuses_negative_and_garbage() {
        for bad in ["-5", "abc", "", "1.234", "12..3", "1e5", "$", "99999999999999999999"] {
            assert!(parse_amount("x", bad).is_err(), "{bad} should be refused");
        }
        let e = parse_amount("order_value", "-1").unwrap_err();
        assert!(e.to_string().contains("negative"));
        assert_eq!(e.field(), Some("order_value"));
    }

    #[test]
    fn formats_with_symbol_and_grouping() {
        assert_eq!(Currency::Gbp.format(124_050), "£1,240.50");
        assert_eq!(Currency::Usd.format(5), "$0.05");
        assert_eq!(Currency::Eur.format(100_000_000), "€1,000,000.00");
        assert_eq!(to_decimal(24_000), "240.00");
        assert_eq!(to_decimal(-7), "-0.07");
    }
}
