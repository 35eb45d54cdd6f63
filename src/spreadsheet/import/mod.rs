//! Import customers from the files owners already have: CSV or text exported
//! by a shop, invoicing or address-book tool, a workbook (XLSX, XLS, ODS: the
//! first sheet), or vCards.
//!
//! The rules, in the order they apply:
//! - The file is refused above `MAX_IMPORT_BYTES` (checked before reading),
//!   or when it is not text (binary) and not a workbook (`source.rs`).
//! - Text is UTF-8 (a byte-order mark is fine), UTF-16 with a byte-order mark,
//!   or Windows-1252 when it is not valid UTF-8 and has no UTF-8 accents
//!   anywhere; a file that mixes the two is refused, naming the first line
//!   that is not UTF-8. The separator is sniffed from the header line.
//! - The header row is the first of the top 30 rows that names at least two
//!   known columns, so a report's title lines above it are passed over.
//! - Columns are mapped by the product table (`products.rs`) when the header
//!   looks like a known tool's export, then by generic names, then by a
//!   cautious guess; the owner's own mapping always wins (`columns.rs`).
//! - A row is named after the person, else the company, else the email or
//!   phone (listed so the owner can add a name); a row with none of these is
//!   skipped with its reason and never blocks the rest (`row.rs`).
//! - The same customer only on strong evidence: the same email, or the same
//!   name and phone. A shared phone alone (a family, a shop's landline) never
//!   merges two people: such pairs are listed as possible duplicates.
//!   An update fills in or replaces; empty cells never erase.
//! - Everything runs in one transaction. A dry run rolls it back and
//!   reports; a real import with invalid rows changes nothing unless told to
//!   skip them. A cancelled import (or dry run) rolls back too.
//!
//! SQL lives in `store::import`; this module never touches the database directly.
mod address;
mod columns;
mod products;
mod row;
mod source;
mod vcard;

pub use columns::Field;
pub use source::MAX_IMPORT_BYTES;

use crate::domain::customer::ValidCustomer;
use crate::domain::{Address, Customer, CustomerInput};
use crate::error::{Error, Result};
use crate::money;
use crate::progress::{self, Job, Progress};
use crate::store::{CustomerImport, SameCustomer};
use crate::text;
use crate::Db;
use columns::Mapping;
use row::{NamedAfter, Read};
use serde::Serialize;
use source::{Rows, Source};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

/// How many rows of each kind the report lists one by one (all are counted).
const LISTED: usize = 1_000;

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Report what would happen; change nothing.
    pub dry_run: bool,
    /// Import the valid rows even when some rows are invalid.
    pub skip_invalid: bool,
    /// Columns named explicitly, by their header; they win over aliases.
    pub mapping: Vec<(Field, String)>,
    /// Someone watches the progress: read the file once more first, so it
    /// has its total from the start (not worth it when nobody watches).
    pub progress_total: bool,
}

impl ImportOptions {
    /// A mapping file: a JSON object from field to the header of its column,
    /// `{"name": "Client", "email": "E-mail 1 - Value", "ignore": ["Notes"]}`
    /// (a list maps several columns). The same form `--map FIELD=HEADER` takes.
    pub fn mapping_from_json(text: &str) -> Result<Vec<(Field, String)>> {
        let bad = |why: String| Error::invalid("mapping", why);
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            bad(format!(
                "The mapping file is not JSON ({e}). Write it as {{\"name\": \"Client\", \"email\": \"E-mail\"}}."
            ))
        })?;
        let obj = value
            .as_object()
            .ok_or_else(|| bad("The mapping file must be one JSON object, field to column header.".into()))?;
        let mut out = Vec::new();
        for (field, headers) in obj {
            let field: Field = field.parse()?;
            let list: Vec<&serde_json::Value> = match headers {
                serde_json::Value::Array(a) => a.iter().collect(),
                other => vec![other],
            };
            for h in list {
                let h = h
                    .as_str()
                    .ok_or_else(|| bad(format!("The column for \"{}\" must be a header, as text.", field.key())))?;
                out.push((field, h.to_string()));
            }
        }
        Ok(out)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct InvalidRow {
    /// The line in the file (for a workbook, the row number) where the row starts.
    pub line: u64,
    /// The form field at fault, when there is one.
    pub field: Option<String>,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct SkippedRow {
    pub line: u64,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct ColumnUse {
    pub header: String,
    /// `None`: the column is ignored.
    pub field: Option<Field>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct ImportReport {
    pub dry_run: bool,
    #[serde(serialize_with = "crate::files::lossy_path::serialize")]
    pub file: PathBuf,
    /// How the text was read: "UTF-8", "UTF-16", "Windows-1252", or "workbook".
    pub encoding: &'static str,
    /// The separator found in the header line (CSV only).
    pub delimiter: Option<String>,
    /// The product the file looks like (`shopify`, `quickbooks`, `vcard`...), when it looks like one.
    pub product: Option<&'static str>,
    /// "This looks like a Shopify customers export."
    pub looks_like: Option<String>,
    /// The line (row) of the header: below 1 when a report has title lines above it; 0 for vCards.
    pub header_line: u64,
    pub columns: Vec<ColumnUse>,
    pub warnings: Vec<String>,
    /// Rows read, blank lines and the header not counted.
    pub rows: u64,
    pub added: u64,
    pub updated: u64,
    pub skipped: u64,
    pub invalid: Vec<InvalidRow>,
    /// The first skipped rows with the reason (all are counted in `skipped`).
    pub skipped_rows: Vec<SkippedRow>,
    /// Customers with no name in the file, named after their email or phone: "add a name".
    pub named_after_contact: Vec<NamedRow>,
    /// Rows that share a phone number with another customer but not a name or email:
    /// kept apart, for the owner to decide.
    pub possible_duplicates: Vec<PossibleDuplicate>,
}

/// The first rows of a file as the import would read them, for the column
/// mapper: each column's field, the rows' cells, and who each row would be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct ImportPreview {
    pub product: Option<&'static str>,
    pub looks_like: Option<String>,
    pub encoding: &'static str,
    pub delimiter: Option<String>,
    pub header_line: u64,
    pub columns: Vec<ColumnUse>,
    /// The owner's own choices that were applied (given, or remembered for this header row).
    pub mapping: Vec<(Field, String)>,
    /// True when `mapping` was remembered from an earlier file with the same header row.
    pub remembered: bool,
    pub rows: Vec<PreviewRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct PreviewRow {
    pub line: u64,
    pub cells: Vec<String>,
    /// The customer this row gives: name, then what identifies them.
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub city: Option<String>,
    /// Why it is skipped or needs attention ("named after their email — add a name").
    pub note: Option<String>,
}

/// The header row as a key for remembering the owner's mapping.
fn header_key(header: &[String]) -> String {
    header.iter().map(|h| columns::normalize_header(h)).collect::<Vec<_>>().join("|")
}

fn mapping_json(mapping: &[(Field, String)]) -> String {
    let mut obj = serde_json::Map::new();
    for (f, h) in mapping {
        let list = obj.entry(f.key()).or_insert_with(|| serde_json::Value::Array(Vec::new()));
        if let serde_json::Value::Array(a) = list {
            a.push(serde_json::Value::String(h.clone()));
        }
    }
    serde_json::Value::Object(obj).to_string()
}

/// Preview the first `limit` rows of `path` with the owner's `mapping`; with
/// `None`, the mapping remembered for this header row (if any) is used.
pub fn preview_import(
    db: &Db,
    path: &Path,
    mapping: Option<&[(Field, String)]>,
    limit: usize,
) -> Result<ImportPreview> {
    let source = Source::read(path)?;
    let (header_line, header, header_at) = source::find_header(&source)?;
    let header: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    let (mapping, remembered) = match mapping {
        Some(m) => (m.to_vec(), false),
        None => match db.saved_import_mapping(&header_key(&header))? {
            Some(json) => (ImportOptions::mapping_from_json(&json).unwrap_or_default(), true),
            None => (Vec::new(), false),
        },
    };
    let mut scratch = ImportReport::empty(path, &source, header_line, true);
    let map = columns::map_columns(&header, &mapping, &mut scratch)?;
    scratch.identify(&source, &header, &map);
    let mut rows = Vec::new();
    let mut it = source::rows_after_header(&source, header_at)?;
    while rows.len() < limit {
        let Some((line, rec)) = it.next()? else { break };
        if is_blank(&rec) {
            continue;
        }
        let cells: Vec<String> = rec.iter().map(str::to_string).collect();
        let mut row = PreviewRow { line, cells, name: None, email: None, phone: None, city: None, note: None };
        if is_report_footer(&rec) {
            row.note = Some("The report's date line, not a customer: skipped.".into());
        } else {
            match row::read(&rec, header.len(), &map) {
                Read::Customer(c, named_after) => {
                    row.note = match named_after {
                        NamedAfter::Email => Some("Named after their email: add a name.".into()),
                        NamedAfter::Phone => Some("Named after their phone number: add a name.".into()),
                        _ => c.validated().err().map(|e| e.to_string()),
                    };
                    row.name = Some(c.name);
                    row.email = c.email;
                    row.phone = c.phone;
                    row.city = c.address.city;
                }
                Read::Skip(why) => row.note = Some(format!("{why} Skipped.")),
                Read::Invalid(_, why) => row.note = Some(why),
            }
        }
        rows.push(row);
    }
    Ok(ImportPreview {
        product: scratch.product,
        looks_like: scratch.looks_like,
        encoding: source.encoding,
        delimiter: scratch.delimiter,
        header_line,
        columns: scratch.columns,
        mapping,
        remembered,
        rows,
    })
}

/// Import customers from `path`. A dry run (or any error) leaves the database unchanged.
impl ImportReport {
    /// Say what the file looks like: an address book of vCards, or a known tool's export.
    fn identify(&mut self, source: &Source, header: &[String], map: &Mapping) {
        if source.delimiter.is_none() && self.header_line == 0 && header == vcard::HEADER {
            self.product = Some("vcard");
            self.looks_like = Some("This looks like an address book of vCards.".to_string());
        } else if let Some(p) = map.product {
            self.looks_like = Some(format!("This looks like {}.", p.name));
        }
    }

    /// A report with nothing counted yet, for the file as read.
    fn empty(path: &Path, source: &Source, header_line: u64, dry_run: bool) -> ImportReport {
        ImportReport {
            dry_run,
            file: path.to_path_buf(),
            encoding: source.encoding,
            delimiter: source.delimiter.map(|d| if d == b'\t' { "tab".to_string() } else { (d as char).to_string() }),
            product: None,
            looks_like: None,
            header_line,
            columns: Vec::new(),
            warnings: Vec::new(),
            rows: 0,
            added: 0,
            updated: 0,
            skipped: 0,
            invalid: Vec::new(),
            skipped_rows: Vec::new(),
            named_after_contact: Vec::new(),
            possible_duplicates: Vec::new(),
        }
    }
}

/// A customer with no name in the file, named after their email or phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct NamedRow {
    pub line: u64,
    pub name: String,
    /// "email" or "phone".
    pub named_after: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct PossibleDuplicate {
    pub line: u64,
    pub name: String,
    pub phone: String,
    /// The customer already in the records (or earlier in the file) with that number.
    pub other_id: i64,
    pub other_name: String,
}

/// Import customers from `path`, reporting after every row (`done` of `total`
/// rows) to `progress` (`progress::ignore` when nobody watches). A dry run, an
/// error or a `Break` (`Error::Cancelled`) leaves the database unchanged.
pub fn import_customers(
    db: &mut Db,
    path: &Path,
    opts: &ImportOptions,
    progress: impl FnMut(Progress) -> ControlFlow<()>,
) -> Result<ImportReport> {
    run(db, path, opts, opts.progress_total, progress)
}

/// The import; `count_first`: read the file once more first, so progress has
/// its total from the start (not needed when nobody watches).
fn run(
    db: &mut Db,
    path: &Path,
    opts: &ImportOptions,
    count_first: bool,
    mut progress: impl FnMut(Progress) -> ControlFlow<()>,
) -> Result<ImportReport> {
    let source = Source::read(path)?;
    let (header_line, header, header_at) = source::find_header(&source)?;
    let header: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    let mut report = ImportReport::empty(path, &source, header_line, opts.dry_run);
    let map = columns::map_columns(&header, &opts.mapping, &mut report)?;
    report.identify(&source, &header, &map);
    if header_at > 0 {
        report.warnings.push(format!(
            "The column names are on line {header_line}; the {header_at} line{} above them {} passed over.",
            if header_at == 1 { "" } else { "s" },
            if header_at == 1 { "was" } else { "were" }
        ));
    }
    // Read once more just to count, so the progress bar has its total from the start.
    let total = if count_first { count_rows(source::rows_after_header(&source, header_at)?)? } else { 0 };
    let mut tick =
        |done: u64| progress::report(&mut progress, Progress { job: Job::Import, done, total, label: "rows" });
    tick(0)?;

    let mut rows = source::rows_after_header(&source, header_at)?;
    let commit = !opts.dry_run;
    if commit {
        // A copy of the records as they were, in the backups folder, before anything changes.
        db.backup_now("before-import", crate::store::backup::Retention::default())?;
    }
    // About 100 bytes a row in a customer list: enough to tell a big file from a small one.
    let expected_rows = std::fs::metadata(path).map(|m| m.len() / 100).unwrap_or(0);
    db.import_customers_with(commit, expected_rows, |session| {
        while let Some((line, rec)) = rows.next()? {
            if is_blank(&rec) {
                continue;
            }
            report.rows += 1;
            take_row(session, line, &rec, header.len(), &map, &mut report)?;
            // An error rolls the whole transaction back, so a cancel leaves nothing.
            tick(report.rows)?;
        }
        if commit && !opts.skip_invalid && !report.invalid.is_empty() {
            return Err(refusal(&report.invalid, report.rows));
        }
        Ok(())
    })?;
    if commit && !opts.mapping.is_empty() {
        // The next file with the same header row starts from the owner's choices.
        db.save_import_mapping(&header_key(&header), &mapping_json(&opts.mapping))?;
    }
    Ok(report)
}

/// A report's last line, "Monday, March 9, 2026 10:14 AM GMT-05:00": one
/// cell with a date and time in it, not a customer.
fn is_report_footer(rec: &csv::StringRecord) -> bool {
    let filled: Vec<&str> = rec.iter().map(str::trim).filter(|f| !f.is_empty()).collect();
    let [only] = filled.as_slice() else { return false };
    let lower = only.to_lowercase();
    let has_time = lower.contains(" am") || lower.contains(" pm") || lower.contains("gmt") || lower.contains("utc");
    let has_year = lower.split(|c: char| !c.is_ascii_digit()).any(|d| d.len() == 4 && d.starts_with("20"));
    has_time && has_year
}

fn skip(report: &mut ImportReport, line: u64, reason: String) {
    report.skipped += 1;
    if report.skipped_rows.len() < LISTED {
        report.skipped_rows.push(SkippedRow { line, reason });
    }
}

/// Check one row and add, update or skip its customer, noting the outcome in the report.
fn take_row(
    session: &CustomerImport,
    line: u64,
    rec: &csv::StringRecord,
    columns: usize,
    map: &Mapping,
    report: &mut ImportReport,
) -> Result<()> {
    if is_report_footer(rec) {
        skip(report, line, "The report's date line, not a customer.".to_string());
        return Ok(());
    }
    let (input, named_after) = match row::read(rec, columns, map) {
        Read::Customer(i, n) => (i, n),
        Read::Skip(reason) => {
            skip(report, line, reason);
            return Ok(());
        }
        Read::Invalid(field, reason) => {
            report.invalid.push(InvalidRow { line, field, reason });
            return Ok(());
        }
    };
    match apply_row(session, &input)? {
        Applied::Added(shares) => {
            report.added += 1;
            if let Some(other) = shares {
                if report.possible_duplicates.len() < LISTED {
                    report.possible_duplicates.push(PossibleDuplicate {
                        line,
                        name: input.name.clone(),
                        phone: input.phone.clone().unwrap_or_default(),
                        other_id: other.id,
                        other_name: other.name,
                    });
                }
            }
        }
        Applied::Updated => report.updated += 1,
        Applied::Skipped(reason) => skip(report, line, reason),
        Applied::Invalid(e) => {
            report.invalid.push(InvalidRow { line, field: e.field().map(str::to_string), reason: e.to_string() });
            return Ok(());
        }
    }
    let after = match named_after {
        NamedAfter::Email => Some("email"),
        NamedAfter::Phone => Some("phone"),
        NamedAfter::Person | NamedAfter::Company => None,
    };
    if let Some(after) = after {
        if report.named_after_contact.len() < LISTED {
            report.named_after_contact.push(NamedRow { line, name: input.name.clone(), named_after: after });
        }
    }
    Ok(())
}

/// The rows an import will read after the header: every non-blank record.
fn count_rows(mut rows: Rows<'_>) -> Result<u64> {
    let mut records = 0u64;
    while let Some((_, rec)) = rows.next()? {
        if !is_blank(&rec) {
            records += 1;
        }
    }
    Ok(records)
}

fn refusal(invalid: &[InvalidRow], rows: u64) -> Error {
    let mut lines: Vec<String> = invalid.iter().take(10).map(|r| r.line.to_string()).collect();
    if invalid.len() > 10 {
        lines.push("…".into());
    }
    Error::invalid(
        "file",
        format!(
            "{} of {rows} rows can't be imported (line {}), so nothing was imported. A dry run lists the reason for each; fix those rows, or choose to leave them out.",
            invalid.len(),
            lines.join(", ")
        ),
    )
}

enum Applied {
    /// Added; with the customer it shares a phone number with, if any.
    Added(Option<Box<Customer>>),
    Updated,
    Skipped(String),
    Invalid(Error),
}

fn apply_row(session: &CustomerImport, input: &CustomerInput) -> Result<Applied> {
    let valid = match input.validated() {
        Ok(v) => v,
        Err(e) => return Ok(Applied::Invalid(e)),
    };
    let existing = match session.find_same(&valid)? {
        SameCustomer::Same(c) => c,
        SameCustomer::SharesPhone(other) => {
            session.add(&valid)?;
            return Ok(Applied::Added(Some(Box::new(other))));
        }
        SameCustomer::None => {
            session.add(&valid)?;
            return Ok(Applied::Added(None));
        }
    };
    let merged = match merge(&existing, input).validated() {
        Ok(v) => v,
        Err(e) => return Ok(Applied::Invalid(e)),
    };
    if merged == as_valid(&existing) {
        return Ok(Applied::Skipped(format!(
            "Already up to date: same as customer #{} ({}).",
            existing.id, existing.name
        )));
    }
    session.update(existing.id, &merged)?;
    Ok(Applied::Updated)
}

/// The existing customer with the file's non-empty values laid over it.
fn merge(existing: &Customer, row: &CustomerInput) -> CustomerInput {
    let or = |new: &Option<String>, old: &Option<String>| new.clone().or_else(|| old.clone());
    let (a, b) = (&row.address, &existing.address);
    let mut tags = existing.tags.clone();
    tags.extend(row.tags.iter().filter(|t| !existing.tags.contains(t)).cloned());
    CustomerInput {
        // The same name spelt differently ("ann shared") keeps the stored spelling.
        name: if row.name.trim().is_empty() || text::fold(&row.name) == text::fold(&existing.name) {
            existing.name.clone()
        } else {
            row.name.clone()
        },
        company: or(&row.company, &existing.company),
        // The same address or number spelt differently keeps the stored spelling.
        email: match (&row.email, &existing.email) {
            (Some(new), Some(old)) if new.eq_ignore_ascii_case(old) => Some(old.clone()),
            (new, old) => or(new, old),
        },
        phone: match (&row.phone, &existing.phone) {
            (Some(new), Some(old)) if text::digits(new) == text::digits(old) => Some(old.clone()),
            (new, old) => or(new, old),
        },
        address: Address {
            lines: if a.lines.is_empty() { b.lines.clone() } else { a.lines.clone() },
            city: or(&a.city, &b.city),
            region: or(&a.region, &b.region),
            postal_code: or(&a.postal_code, &b.postal_code),
            country: or(&a.country, &b.country),
        },
        notes: or(&row.notes, &existing.notes),
        tags,
        yearly_spend: row.yearly_spend.clone().or_else(|| Some(money::to_decimal(existing.yearly_spend_minor))),
        expected_years: row.expected_years.or(Some(existing.expected_years)),
        // Merged inside the import's own transaction: nobody saved in between.
        seen_version: None,
    }
}

fn as_valid(c: &Customer) -> ValidCustomer {
    ValidCustomer {
        name: c.name.clone(),
        company: c.company.clone(),
        email: c.email.clone(),
        phone: c.phone.clone(),
        address: c.address.clone(),
        notes: c.notes.clone(),
        tags: c.tags.clone(),
        yearly_spend_minor: c.yearly_spend_minor,
        expected_years: c.expected_years,
    }
}

/// For each field, the columns that hold it, best first.
fn is_blank(rec: &csv::StringRecord) -> bool {
    rec.iter().all(|f| f.trim().is_empty())
}
