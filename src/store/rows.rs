//! Conversions between stored text and Rust values, shared by the store modules.
use super::sql::{bad_value, Col, Row, Value};
use crate::dates;
use crate::error::Result;
use chrono::{DateTime, NaiveDate, Utc};

pub fn instant<I: Col>(row: &Row, idx: I) -> Result<DateTime<Utc>> {
    let s: String = row.get(idx)?;
    dates::from_text(&s).ok_or_else(|| bad(idx, s))
}

pub fn opt_instant<I: Col>(row: &Row, idx: I) -> Result<Option<DateTime<Utc>>> {
    match row.get::<_, Option<String>>(idx)? {
        None => Ok(None),
        Some(s) => dates::from_text(&s).map(Some).ok_or_else(|| bad(idx, s)),
    }
}

pub fn date<I: Col>(row: &Row, idx: I) -> Result<NaiveDate> {
    let s: String = row.get(idx)?;
    NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| bad(idx, s))
}

pub fn opt_date<I: Col>(row: &Row, idx: I) -> Result<Option<NaiveDate>> {
    match row.get::<_, Option<String>>(idx)? {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(&s, "%Y-%m-%d").map(Some).map_err(|_| bad(idx, s)),
    }
}

/// Parse a stored enum key through its `FromStr`.
pub fn parsed<T: std::str::FromStr, I: Col>(row: &Row, idx: I) -> Result<T> {
    let s: String = row.get(idx)?;
    s.parse().map_err(|_| bad(idx, s))
}

pub fn lines<I: Col>(row: &Row, idx: I) -> Result<Vec<String>> {
    let s: String = row.get(idx)?;
    Ok(split_lines(&s))
}

pub fn split_lines(s: &str) -> Vec<String> {
    s.split('\n').filter(|l| !l.is_empty()).map(str::to_string).collect()
}

pub fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn bad(idx: impl std::fmt::Debug, s: String) -> crate::error::Error {
    bad_value(idx, &Value::Text(s), "a stored date or key")
}
