//! A cause: one mistake that touched many customers (a courier who missed the
//! Tuesday run, a bad batch of paint), with what we changed because of it.
use super::incident::Change;
use crate::dates;
use crate::error::{Error, Result};
use crate::text::{self, LONG_LIMIT, SHORT_LIMIT};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct Cause {
    pub id: i64,
    pub title: String,
    pub what_happened: Option<String>,
    pub category: Option<String>,
    pub started_on: Option<NaiveDate>,
    pub ended_on: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    /// What we changed because of it, oldest first (`incident_id` is 0: they belong to the cause).
    pub changes: Vec<Change>,
}

/// A cause as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(default)]
pub struct CauseInput {
    pub title: String,
    pub what_happened: Option<String>,
    pub category: Option<String>,
    pub started_on: Option<String>,
    pub ended_on: Option<String>,
}

/// A checked cause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCause {
    pub title: String,
    pub what_happened: Option<String>,
    pub category: Option<String>,
    pub started_on: Option<NaiveDate>,
    pub ended_on: Option<NaiveDate>,
}

impl CauseInput {
    pub fn validated(&self) -> Result<ValidCause> {
        let title = text::required(
            "title",
            &self.title,
            "Give the cause a short title, like \"Courier missed the Tuesday run\".",
            SHORT_LIMIT,
        )?;
        text::single_line("title", &title)?;
        let what_happened = text::optional("what_happened", self.what_happened.as_deref(), LONG_LIMIT)?;
        let category = text::optional("category", self.category.as_deref(), 60)?.map(|c| c.to_lowercase());
        let date = |field: &'static str, v: &Option<String>| -> Result<Option<NaiveDate>> {
            match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                Some(s) => dates::parse_date(field, s).map(Some),
                None => Ok(None),
            }
        };
        let started_on = date("started_on", &self.started_on)?;
        let ended_on = date("ended_on", &self.ended_on)?;
        if let (Some(a), Some(b)) = (started_on, ended_on) {
            if b < a {
                return Err(Error::invalid("ended_on", "It can't end before it started."));
            }
        }
        Ok(ValidCause { title, what_happened, category, started_on, ended_on })
    }
}
