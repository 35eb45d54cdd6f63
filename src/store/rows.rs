//! Conversions between stored text and Rust values, shared by the store modules.
use crate::dates;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Type;
use rusqlite::Row;

pub fn instant(row: &Row, idx: &str) -> rusqlite::Result<DateTime<Utc>> {
    let s: String = row.get(idx)?;
    dates::from_text(&s).ok_or_else(|| bad(idx, &s))
}

pub fn opt_instant(row: &Row, idx: &str) -> rusqlite::Result<Option<DateTime<Utc>>> {
    match row.get::<_, Option<String>>(idx)? {
        None => Ok(None),
        Some(s) => dates::from_text(&s).map(Some).ok_or_else(|| bad(idx, &s)),
    }
}

pub fn date(row: &Row, idx: &str) -> rusqlite::Result<NaiveDate> {
    let s: String = row.get(idx)?;
    NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| bad(idx, &s))
}

pub fn opt_date(row: &Row, idx: &str) -> rusqlite::Result<Option<NaiveDate>> {
    match row.get::<_, Option<String>>(idx)? {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(&s, "%Y-%m-%d").map(Some).map_err(|_| bad(idx, &s)),
    }
}

/// Parse a stored enum key through its `FromStr`.
pub fn parsed<T: std::str::FromStr>(row: &Row, idx: &str) -> rusqlite::Result<T> {
    let s: String = row.get(idx)?;
    s.parse().map_err(|_| bad(idx, &s))
}

pub fn lines(row: &Row, idx: &str) -> rusqlite::Result<Vec<String>> {
    let s: String = row.get(idx)?;
    Ok(split_lines(&s))
}

pub fn split_lines(s: &str) -> Vec<String> {
    s.split('\n').filter(|l| !l.is_empty()).map(str::to_string).collect()
}

pub fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn bad(idx: &str, s: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, Type::Text, format!("unexpected value {s:?} in column {idx}").into())
}
