//! Export: which columns each sheet has, how a stored row becomes cells, and
//! the run that streams rows from the store into a writer.
//!
//! The run owns the files: each output is written to a temporary file in the
//! target's folder and renamed over the target only when every row is in, so
//! a failure or a cancel leaves the folder as it was. Progress is reported
//! every `PROGRESS_EVERY` rows and at the end of each table; the callback
//! returns `ControlFlow::Break` to cancel.
use super::csv_out::CsvOut;
use super::xlsx_out::{self, XlsxOut};
use super::{Cell, Column, Table};
use crate::domain::Customer;
use crate::error::{Error, Result};
use crate::money::Currency;
use crate::progress::{self, Job};
use crate::store::{ChangeRow, ExportFilter, ExportReader, IncidentRow, LetterRow, TimelineRow};
use crate::Db;
use chrono::{DateTime, Local, NaiveDate, TimeZone, Utc};
use serde::Serialize;
use std::borrow::Cow;
use std::io;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// How often (in rows) the progress callback hears from a long export.
pub const PROGRESS_EVERY: u64 = 2_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, Default)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    #[default]
    Xlsx,
    Csv,
}

impl ExportFormat {
    pub fn key(self) -> &'static str {
        match self {
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Csv => "csv",
        }
    }
}

impl FromStr for ExportFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "xlsx" | "excel" => Ok(ExportFormat::Xlsx),
            "csv" => Ok(ExportFormat::Csv),
            _ => Err(Error::invalid("format", format!("\"{s}\" is not an export format. Use xlsx or csv."))),
        }
    }
}

#[derive(Debug, Clone)]
pub struct ExportOptions {
    pub format: ExportFormat,
    /// One table only; `None` exports all five.
    pub table: Option<Table>,
    pub filter: ExportFilter,
    /// Start CSV files with a UTF-8 byte-order mark (on by default: Excel on
    /// Windows needs it to read accents correctly).
    pub bom: bool,
}

impl ExportOptions {
    /// The export the owner asked for, from what they typed or picked: a format
    /// ("xlsx" or "csv"), one table or all (`None` or ""), and incidents that
    /// happened from one day to another, both included, in local time (blank
    /// = open-ended). Each bad value is an error naming its field.
    pub fn from_text(format: &str, table: Option<&str>, from: Option<&str>, to: Option<&str>) -> Result<ExportOptions> {
        fn given(v: Option<&str>) -> Option<&str> {
            v.map(str::trim).filter(|v| !v.is_empty())
        }
        let from = given(from).map(|d| crate::dates::parse_date("from", d)).transpose()?;
        let to = given(to).map(|d| crate::dates::parse_date("to", d)).transpose()?;
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                return Err(Error::invalid("to", "The last day is before the first day. Swap them, or clear one."));
            }
        }
        Ok(ExportOptions {
            format: format.parse()?,
            table: given(table).map(str::parse).transpose()?,
            filter: ExportFilter {
                from: from.map(day_start),
                until: to.map(|d| day_start(d + chrono::Duration::days(1))),
                ..ExportFilter::default()
            },
            ..ExportOptions::default()
        })
    }
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions { format: ExportFormat::Xlsx, table: None, filter: ExportFilter::default(), bom: true }
    }
}

/// Where a running export is, table by table (the CLI prints it); the
/// desktop app draws its progress bar from the shared form, `progress::Progress`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub table: Table,
    pub table_rows_done: u64,
    pub table_rows: u64,
    pub rows_done: u64,
    pub rows_total: u64,
}

impl Progress {
    /// From 0.0 to 1.0, over all the rows.
    pub fn fraction(&self) -> f64 {
        progress::Progress::from(*self).fraction()
    }
}

impl From<Progress> for progress::Progress {
    fn from(p: Progress) -> Self {
        progress::Progress { job: Job::Export, done: p.rows_done, total: p.rows_total, label: p.table.key() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct TableCount {
    pub table: Table,
    pub rows: u64,
    /// The file the table went to (the workbook, for XLSX).
    #[serde(serialize_with = "crate::files::lossy_path::serialize")]
    pub file: PathBuf,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct ExportSummary {
    pub format: ExportFormat,
    pub tables: Vec<TableCount>,
}

/// The instant a calendar day starts in this computer's time zone, for
/// date-range filters ("from 2026-03-01" means from local midnight).
pub fn day_start(d: NaiveDate) -> DateTime<Utc> {
    let midnight = d.and_hms_opt(0, 0, 0).expect("midnight exists");
    Local
        .from_local_datetime(&midnight)
        .earliest()
        // A daylight-saving jump at midnight: the day starts an hour later.
        .or_else(|| Local.from_local_datetime(&(midnight + chrono::Duration::hours(1))).earliest())
        .map_or_else(|| Utc.from_utc_datetime(&midnight), |t| t.with_timezone(&Utc))
}

/// Export the records to `path`: an XLSX workbook, one CSV file (with
/// `table`), or a folder of CSV files (without). Returns the rows written per table.
pub fn export(
    db: &Db,
    opts: &ExportOptions,
    path: &Path,
    mut progress: impl FnMut(Progress) -> ControlFlow<()>,
) -> Result<ExportSummary> {
    check_filter(db, &opts.filter)?;
    if !path.is_dir() {
        crate::files::refuse_database(path, db.path())?;
    }
    let currency = db.profile()?.currency;
    let tables: Vec<Table> = opts.table.map_or_else(|| Table::ALL.to_vec(), |t| vec![t]);
    let csv_folder = opts.format == ExportFormat::Csv && opts.table.is_none();
    if csv_folder {
        if path.is_file() {
            return Err(Error::invalid(
                "output",
                format!(
                    "{} is a file; exporting every table to CSV needs a folder (or choose one table).",
                    path.display()
                ),
            ));
        }
        std::fs::create_dir_all(path).map_err(|e| Error::io(path, e))?;
    } else if path.is_dir() {
        return Err(Error::invalid(
            "output",
            format!("{} is a folder; give the name of the file to write.", path.display()),
        ));
    }
    let target = |t: Table| if csv_folder { path.join(t.file_name()) } else { path.to_path_buf() };

    let reader = db.export_reader(&opts.filter)?;
    let counts: Vec<u64> = tables.iter().map(|t| count_of(&reader, *t)).collect::<Result<_>>()?;
    let rows_total: u64 = counts.iter().sum();
    if opts.format == ExportFormat::Xlsx {
        for (t, n) in tables.iter().zip(&counts) {
            if n + 1 > xlsx_out::MAX_ROWS {
                return Err(Error::invalid(
                    "table",
                    format!(
                        "The {} sheet would have {} rows; Excel holds at most {}. Export to CSV, or choose a shorter date range.",
                        t.sheet_name(),
                        n,
                        xlsx_out::MAX_ROWS - 1
                    ),
                ));
            }
        }
    }

    let mut rows_done = 0u64;
    let mut summary = ExportSummary { format: opts.format, tables: Vec::new() };
    let mut xlsx = (opts.format == ExportFormat::Xlsx).then(|| XlsxOut::new(currency));
    let mut finished_csv: Vec<(crate::files::Staged, PathBuf)> = Vec::new();
    for (table, table_rows) in tables.into_iter().zip(counts) {
        let file = target(table);
        let columns = columns(table, currency);
        let mut table_rows_done = 0u64;
        let mut tick = || {
            rows_done += 1;
            table_rows_done += 1;
            if table_rows_done.is_multiple_of(PROGRESS_EVERY) {
                progress(Progress { table, table_rows_done, table_rows, rows_done, rows_total })
            } else {
                ControlFlow::Continue(())
            }
        };
        let flow = match xlsx.as_mut() {
            Some(x) => {
                x.begin(table, &columns).map_err(|e| xlsx_error(&file, e))?;
                let flow =
                    write_rows(&reader, table, &mut |cells| x.row(cells).map_err(|e| xlsx_error(&file, e)), &mut tick)?;
                x.end().map_err(|e| xlsx_error(&file, e))?;
                flow
            }
            None => {
                let staged = crate::files::stage(&file, "export")?;
                let mut out = CsvOut::new(staged, opts.bom, &columns).map_err(|e| Error::io(&file, e))?;
                let flow = write_rows(
                    &reader,
                    table,
                    &mut |cells| out.row(cells).map_err(|e| Error::io(&file, e)),
                    &mut tick,
                )?;
                finished_csv.push((out.finish().map_err(|e| Error::io(&file, e))?, file.clone()));
                flow
            }
        };
        let end = progress(Progress { table, table_rows_done, table_rows, rows_done, rows_total });
        if flow.is_break() || end.is_break() {
            return Err(Error::Cancelled(Job::Export));
        }
        summary.tables.push(TableCount { table, rows: table_rows_done, file });
    }
    drop(reader);

    if let Some(x) = xlsx {
        let mut staged = crate::files::stage(path, "export")?;
        x.save(staged.file_mut()).map_err(|e| xlsx_error(path, e))?;
        staged.finish()?;
    }
    for (staged, _file) in finished_csv {
        staged.finish()?;
    }
    Ok(summary)
}

fn check_filter(db: &Db, f: &ExportFilter) -> Result<()> {
    if let (Some(from), Some(until)) = (f.from, f.until) {
        if from >= until {
            return Err(Error::invalid("to", "The end date is before the start date."));
        }
    }
    if !f.categories.is_empty() {
        let known = db.categories()?;
        if let Some(bad) = f.categories.iter().find(|c| !known.contains(c)) {
            return Err(Error::invalid(
                "category",
                format!("\"{bad}\" is not a category. Use one of: {}.", known.join(", ")),
            ));
        }
    }
    Ok(())
}

fn count_of(reader: &ExportReader, t: Table) -> Result<u64> {
    match t {
        Table::Customers => reader.count_customers(),
        Table::Incidents => reader.count_incidents(),
        Table::Changes => reader.count_changes(),
        Table::Timeline => reader.count_timeline(),
        Table::Letters => reader.count_letters(),
    }
}

fn xlsx_error(path: &Path, e: rust_xlsxwriter::XlsxError) -> Error {
    match e {
        rust_xlsxwriter::XlsxError::IoError(io) => Error::io(path, io),
        other => Error::io(path, io::Error::other(other.to_string())),
    }
}

type RowSink<'s> = &'s mut dyn FnMut(&[Cell]) -> Result<()>;

fn write_rows(
    reader: &ExportReader,
    table: Table,
    sink: RowSink,
    tick: &mut dyn FnMut() -> ControlFlow<()>,
) -> Result<ControlFlow<()>> {
    let mut row = |cells: Vec<Cell>| -> Result<ControlFlow<()>> {
        sink(&cells)?;
        Ok(tick())
    };
    match table {
        Table::Customers => reader.customers(&mut |c| row(customer_cells(c))),
        Table::Incidents => reader.incidents(&mut |r| row(incident_cells(r))),
        Table::Changes => reader.changes(&mut |r| row(change_cells(r))),
        Table::Timeline => reader.timeline(&mut |r| row(timeline_cells(r))),
        Table::Letters => reader.letters(&mut |r| row(letter_cells(r))),
    }
}

/// (header, width in characters, is money). Money headers get the currency code.
type Layout = &'static [(&'static str, f64, bool)];

const CUSTOMERS: Layout = &[
    ("ID", 8.0, false),
    ("Name", 28.0, false),
    ("Company", 24.0, false),
    ("Email", 30.0, false),
    ("Phone", 18.0, false),
    ("Address 1", 28.0, false),
    ("Address 2", 22.0, false),
    ("City", 16.0, false),
    ("Region", 12.0, false),
    ("Postal code", 12.0, false),
    ("Country", 16.0, false),
    ("Notes", 40.0, false),
    ("Tags", 20.0, false),
    ("Yearly spend", 16.0, true),
    ("Expected years", 10.0, false),
    ("Created", 17.0, false),
    ("Updated", 17.0, false),
];

const INCIDENTS: Layout = &[
    ("ID", 8.0, false),
    ("Customer ID", 11.0, false),
    ("Customer", 26.0, false),
    ("Customer email", 28.0, false),
    ("Title", 36.0, false),
    ("Category", 14.0, false),
    ("Severity", 9.0, false),
    ("Status", 14.0, false),
    ("Discovered by", 12.0, false),
    ("Occurred", 17.0, false),
    ("Discovered", 17.0, false),
    ("Fix promised by", 14.0, false),
    ("Order value", 14.0, true),
    ("What happened", 40.0, false),
    ("Our understanding", 40.0, false),
    ("Remedy requested", 30.0, false),
    ("Make-up", 30.0, false),
    ("Make-up value", 14.0, true),
    ("Root cause", 30.0, false),
    ("Came back", 10.0, false),
    ("Spend after", 14.0, true),
    ("Outcome note", 30.0, false),
    ("Second failure", 10.0, false),
    ("Created", 17.0, false),
    ("Updated", 17.0, false),
];

const CHANGES: Layout = &[
    ("ID", 8.0, false),
    ("Incident ID", 11.0, false),
    ("Incident", 36.0, false),
    ("Customer", 26.0, false),
    ("Date", 12.0, false),
    ("What we changed", 60.0, false),
];

const TIMELINE: Layout = &[
    ("ID", 8.0, false),
    ("Incident ID", 11.0, false),
    ("Incident", 36.0, false),
    ("Customer", 26.0, false),
    ("At", 17.0, false),
    ("Kind", 9.0, false),
    ("Text", 60.0, false),
];

const LETTERS: Layout = &[
    ("ID", 8.0, false),
    ("Incident ID", 11.0, false),
    ("Incident", 36.0, false),
    ("Customer", 26.0, false),
    ("Kind", 11.0, false),
    ("Tone", 10.0, false),
    ("Created", 17.0, false),
    ("Sent", 17.0, false),
    ("Body", 80.0, false),
];

/// The columns of a table, in order; money headers name the currency, as in "Order value (GBP)".
pub fn columns(table: Table, currency: Currency) -> Vec<Column> {
    let layout = match table {
        Table::Customers => CUSTOMERS,
        Table::Incidents => INCIDENTS,
        Table::Changes => CHANGES,
        Table::Timeline => TIMELINE,
        Table::Letters => LETTERS,
    };
    layout
        .iter()
        .map(|(h, w, money)| Column {
            header: if *money { format!("{h} ({})", currency.code()) } else { h.to_string() },
            width: *w,
        })
        .collect()
}

fn yes_no(b: bool) -> Cell<'static> {
    Cell::text(if b { "Yes" } else { "No" })
}

fn customer_cells(c: &Customer) -> Vec<Cell<'_>> {
    let a = &c.address;
    vec![
        Cell::Int(c.id),
        Cell::text(&c.name),
        Cell::opt_text(&c.company),
        Cell::opt_text(&c.email),
        Cell::opt_text(&c.phone),
        a.lines.first().map_or(Cell::Empty, |l| Cell::text(l)),
        // Lines after the first share one cell, one per line, so import can split them again.
        match a.lines.len() {
            0 | 1 => Cell::Empty,
            2 => Cell::text(&a.lines[1]),
            _ => Cell::Text(Cow::Owned(a.lines[1..].join("\n"))),
        },
        Cell::opt_text(&a.city),
        Cell::opt_text(&a.region),
        Cell::opt_text(&a.postal_code),
        Cell::opt_text(&a.country),
        Cell::opt_text(&c.notes),
        Cell::Text(Cow::Owned(c.tags.join(", "))),
        Cell::Money(c.yearly_spend_minor),
        Cell::Int(c.expected_years as i64),
        Cell::Instant(c.created_at),
        Cell::Instant(c.updated_at),
    ]
}

fn incident_cells(r: &IncidentRow) -> Vec<Cell<'_>> {
    let i = &r.incident;
    vec![
        Cell::Int(i.id),
        Cell::Int(i.customer_id),
        Cell::text(&r.customer_name),
        Cell::opt_text(&r.customer_email),
        Cell::text(&i.title),
        Cell::text(&i.category),
        Cell::Int(i.severity as i64),
        Cell::text(i.status.key()),
        Cell::text(i.discovered_by.key()),
        Cell::Instant(i.occurred_at),
        Cell::Instant(i.discovered_at),
        i.fix_promised_by.map_or(Cell::Empty, Cell::Date),
        Cell::Money(i.order_value_minor),
        Cell::opt_text(&i.what_happened),
        Cell::opt_text(&i.our_understanding),
        Cell::opt_text(&i.remedy_requested),
        Cell::opt_text(&i.makeup_description),
        i.makeup_value_minor.map_or(Cell::Empty, Cell::Money),
        Cell::opt_text(&i.root_cause),
        i.outcome.came_back.map_or(Cell::Empty, yes_no),
        i.outcome.spend_after_minor.map_or(Cell::Empty, Cell::Money),
        Cell::opt_text(&i.outcome.note),
        yes_no(i.second_failure),
        Cell::Instant(i.created_at),
        Cell::Instant(i.updated_at),
    ]
}

fn change_cells(r: &ChangeRow) -> Vec<Cell<'_>> {
    vec![
        Cell::Int(r.change.id),
        Cell::Int(r.change.incident_id),
        Cell::text(&r.incident_title),
        Cell::text(&r.customer_name),
        Cell::Date(r.change.date),
        Cell::text(&r.change.text),
    ]
}

fn timeline_cells(r: &TimelineRow) -> Vec<Cell<'_>> {
    vec![
        Cell::Int(r.entry.id),
        Cell::Int(r.entry.incident_id),
        Cell::text(&r.incident_title),
        Cell::text(&r.customer_name),
        Cell::Instant(r.entry.at),
        Cell::text(r.entry.kind.key()),
        Cell::text(&r.entry.text),
    ]
}

fn letter_cells(r: &LetterRow) -> Vec<Cell<'_>> {
    let l = &r.letter;
    vec![
        Cell::Int(l.id),
        Cell::Int(l.incident_id),
        Cell::text(&r.incident_title),
        Cell::text(&r.customer_name),
        Cell::text(l.kind.key()),
        Cell::opt_text(&l.tone),
        Cell::Instant(l.created_at),
        l.sent_at.map_or(Cell::Empty, Cell::Instant),
        Cell::text(&l.body),
    ]
}
