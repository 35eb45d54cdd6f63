//! Dates and times: parsing what the owner types, storing ISO-8601, and
//! printing in the business profile's chosen format.
//!
//! Instants are stored in UTC as RFC 3339 text ("2026-03-12T14:05:00Z");
//! calendar dates as "2026-03-12". Nothing here touches the database.
use crate::error::{Error, Result};
use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// How dates are written in letters and on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum DateFormat {
    /// March 12, 2026
    #[default]
    LongUs,
    /// 12 March 2026
    LongUk,
    /// 2026-03-12
    Iso,
    /// 03/12/2026
    NumericUs,
    /// 12/03/2026
    NumericEu,
}

impl DateFormat {
    pub const ALL: [DateFormat; 5] =
        [DateFormat::LongUs, DateFormat::LongUk, DateFormat::Iso, DateFormat::NumericUs, DateFormat::NumericEu];

    pub fn key(self) -> &'static str {
        match self {
            DateFormat::LongUs => "long_us",
            DateFormat::LongUk => "long_uk",
            DateFormat::Iso => "iso",
            DateFormat::NumericUs => "numeric_us",
            DateFormat::NumericEu => "numeric_eu",
        }
    }

    pub fn format(self, d: NaiveDate) -> String {
        let pattern = match self {
            DateFormat::LongUs => "%B %-d, %Y",
            DateFormat::LongUk => "%-d %B %Y",
            DateFormat::Iso => "%Y-%m-%d",
            DateFormat::NumericUs => "%m/%d/%Y",
            DateFormat::NumericEu => "%d/%m/%Y",
        };
        d.format(pattern).to_string()
    }
}

impl FromStr for DateFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        DateFormat::ALL.into_iter().find(|f| f.key() == s.trim()).ok_or_else(|| {
            Error::invalid(
                "date_format",
                format!("\"{s}\" is not a date format. Use long_us, long_uk, iso, numeric_us or numeric_eu."),
            )
        })
    }
}

pub fn now() -> DateTime<Utc> {
    // Whole seconds: sub-second noise makes stored text and exports harder to read.
    let n = Utc::now();
    Utc.timestamp_opt(n.timestamp(), 0).single().unwrap_or(n)
}

pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// Parse a calendar date: "2026-03-12" (also "2026/03/12").
pub fn parse_date(field: &'static str, input: &str) -> Result<NaiveDate> {
    let s = input.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(s, "%Y/%m/%d")).map_err(|_| {
        Error::invalid(field, format!("\"{s}\" is not a date. Write it as year-month-day, for example 2026-03-12."))
    })
}

/// Parse an instant: RFC 3339, "2026-03-12 14:05", "2026-03-12T14:05" (local
/// time), or a bare date (noon local time, so it stays on that day anywhere).
pub fn parse_datetime(field: &'static str, input: &str) -> Result<DateTime<Utc>> {
    let s = input.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Ok(dt.with_timezone(&Utc));
    }
    let local_naive = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|p| NaiveDateTime::parse_from_str(s, p).ok())
        .or_else(|| {
            parse_date(field, s).ok().map(|d| d.and_time(NaiveTime::from_hms_opt(12, 0, 0).expect("noon exists")))
        });
    match local_naive {
        Some(n) => Local
            .from_local_datetime(&n)
            .earliest()
            .map(|d| d.with_timezone(&Utc))
            .ok_or_else(|| Error::invalid(field, format!("\"{s}\" does not exist in your time zone."))),
        None => Err(Error::invalid(field, format!("\"{s}\" is not a date and time. Write it like 2026-03-12 14:05."))),
    }
}

/// A date and time as typed, or now when it is left blank (the one place that rule lives).
pub fn parse_datetime_or_now(field: &'static str, input: Option<&str>) -> Result<DateTime<Utc>> {
    match input.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => parse_datetime(field, s),
        None => Ok(now()),
    }
}

pub fn to_text(dt: DateTime<Utc>) -> String {
    dt.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub fn from_text(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s).ok().map(|d| d.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_each_style() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        assert_eq!(DateFormat::LongUs.format(d), "March 5, 2026");
        assert_eq!(DateFormat::LongUk.format(d), "5 March 2026");
        assert_eq!(DateFormat::Iso.format(d), "2026-03-05");
        assert_eq!(DateFormat::NumericUs.format(d), "03/05/2026");
        assert_eq!(DateFormat::NumericEu.format(d), "05/03/2026");
    }

    #[test]
    fn parses_instants_and_refuses_nonsense() {
        let z = parse_datetime("at", "2026-03-12T14:05:00Z").unwrap();
        assert_eq!(to_text(z), "2026-03-12T14:05:00Z");
        assert!(parse_datetime("at", "2026-03-12 14:05").is_ok());
        assert!(parse_datetime("at", "2026-03-12").is_ok());
        assert!(parse_datetime("at", "yesterday").is_err());
        assert!(parse_date("date", "2026-02-30").is_err());
    }
}
