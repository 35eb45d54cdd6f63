//! Conversions between stored text and Rust values, shared by the store modules.
use crate::dates;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Type;
use rusqlite::{Row, RowIndex};
use std::fmt::Debug;

pub fn instant<I: RowIndex + Debug + Copy>(row: &Row, idx: I) -> rusqlite::Result<DateTime<Utc>> {
    let s: String = row.get(idx)?;
    dates::from_text(&s).ok_or_else(|| bad(idx, &s))
}

pub fn opt_instant<I: RowIndex + Debug + Copy>(row: &Row, idx: I) -> rusqlite::Result<Option<DateTime<Utc>>> {
    match row.get::<_, Option<String>>(idx)? {
        None => Ok(None),
        Some(s) => dates::from_text(&s).map(Some).ok_or_else(|| bad(idx, &s)),
    }
}

pub fn date<I: RowIndex + Debug + Copy>(row: &Row, idx: I) -> rusqlite::Result<NaiveDate> {
    let s: String = row.get(idx)?;
    NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| bad(idx, &s))
}

pub fn opt_date<I: RowIndex + Debug + Copy>(row: &Row, idx: I) -> rusqlite::Result<Option<NaiveDate>> {
    match row.get::<_, Option<String>>(idx)? {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(&s, "%Y-%m-%d").map(Some).map_err(|_| bad(idx, &s)),
    }
}

/// Parse a stored enum key through its `FromStr`.
pub fn parsed<T: std::str::FromStr, I: RowIndex + Debug + Copy>(row: &Row, idx: I) -> rusqlite::Result<T> {
    let s: String = row.get(idx)?;
    s.parse().map_err(|_| bad(idx, &s))
}

pub fn lines<I: RowIndex + Debug + Copy>(row: &Row, idx: I) -> rusqlite::Result<Vec<String>> {
    let s: String = row.get(idx)?;
    Ok(split_lines(&s))
}

pub fn split_lines(s: &str) -> Vec<String> {
    s.split('\n').filter(|l| !l.is_empty()).map(str::to_string).collect()
}

pub fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn bad(idx: impl Debug, s: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, Type::Text, format!("unexpected value {s:?} in column {idx:?}").into())
}
