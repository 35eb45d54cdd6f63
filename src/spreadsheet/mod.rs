//! Spreadsheets: export the records to XLSX or CSV, and import customers
//! from CSV or XLSX.
//!
//! Export turns each stored row into a list of typed `Cell`s (the sheet
//! layout lives in `export.rs`), and a writer (`csv_out.rs`, `xlsx_out.rs`)
//! turns cells into bytes for a file it is handed. The export function owns
//! the files: it writes to a temporary file beside the target and renames it
//! only when everything succeeded, so a failed or cancelled export never
//! leaves a half-written file where the owner expects a whole one.
//!
//! This module never speaks SQL (rows come from `store::ExportReader`, the
//! import transaction from `store::CustomerImport`) and never prints.
mod csv_out;
mod export;
pub mod guard;
mod import;
mod xlsx_out;

pub use export::{day_start, export, ExportFormat, ExportOptions, ExportSummary, Progress, TableCount};
pub use import::{
    import_customers, preview_import, Field, ImportOptions, ImportPreview, ImportReport, InvalidRow, NamedRow,
    PossibleDuplicate, PreviewRow, SkippedRow, MAX_IMPORT_BYTES,
};

use crate::error::{Error, Result};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::borrow::Cow;
use std::str::FromStr;

/// The tables an export can hold, in workbook order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum Table {
    Customers,
    Incidents,
    Changes,
    Timeline,
    Letters,
}

impl Table {
    pub const ALL: [Table; 5] = [Table::Customers, Table::Incidents, Table::Changes, Table::Timeline, Table::Letters];

    pub fn key(self) -> &'static str {
        match self {
            Table::Customers => "customers",
            Table::Incidents => "incidents",
            Table::Changes => "changes",
            Table::Timeline => "timeline",
            Table::Letters => "letters",
        }
    }

    /// The sheet's name in a workbook.
    pub fn sheet_name(self) -> &'static str {
        match self {
            Table::Customers => "Customers",
            Table::Incidents => "Incidents",
            Table::Changes => "Changes",
            Table::Timeline => "Timeline",
            Table::Letters => "Letters",
        }
    }

    /// The file name when each table goes to its own CSV file.
    pub fn file_name(self) -> String {
        format!("{}.csv", self.key())
    }
}

impl FromStr for Table {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let k = s.trim().to_ascii_lowercase();
        Table::ALL.into_iter().find(|t| t.key() == k).ok_or_else(|| {
            Error::invalid(
                "table",
                format!("\"{s}\" is not a table. Use customers, incidents, changes, timeline or letters."),
            )
        })
    }
}

/// One column of a sheet: its header and its width in characters.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    pub width: f64,
}

/// One cell, typed, so each writer can give it the right kind of cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    Text(Cow<'a, str>),
    Int(i64),
    /// Minor units in the profile's currency.
    Money(i64),
    Date(NaiveDate),
    Instant(DateTime<Utc>),
    Empty,
}

impl<'a> Cell<'a> {
    fn text(s: &'a str) -> Self {
        Cell::Text(Cow::Borrowed(s))
    }
    fn opt_text(s: &'a Option<String>) -> Self {
        s.as_deref().map_or(Cell::Empty, Cell::text)
    }
}
