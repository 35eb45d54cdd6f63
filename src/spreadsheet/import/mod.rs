//! Import customers from a CSV file or a workbook (XLSX, XLS, ODS: the first sheet).
//!
//! The rules, in the order they apply:
//! - The file is refused above `MAX_IMPORT_BYTES` (checked before reading),
//!   or when it is not text (binary) and not a workbook.
//! - Text is UTF-8 (a byte-order mark is fine), UTF-16 with a byte-order mark
//!   (Excel's "Unicode text"), or Windows-1252/Latin-1 when it is not valid
//!   UTF-8 and has no UTF-8 accents anywhere. A file that mixes the two is
//!   refused, naming the first line that is not UTF-8.
//! - The separator is sniffed from the header line (`,` `;` tab `|`), so
//!   European Excel's `;` files work. Blank lines are skipped anywhere.
//! - Columns are mapped by header with common aliases ("E-mail", "Postcode",
//!   "Town"...), or by an explicit mapping. A file with no name column is
//!   refused. When two columns map to the same thing, the first wins and the
//!   next fills in where it is empty.
//! - Each row is checked with `CustomerInput::validated`; a bad row is
//!   reported with its line number and the reason.
//! - A row whose email (or phone number) matches an existing customer
//!   updates that customer: values in the file fill in or replace, empty
//!   cells never erase. A row that would change nothing is skipped.
//! - Everything runs in one transaction. A dry run rolls it back and
//!   reports; a real import with invalid rows changes nothing unless told to
//!   skip them. A cancelled import (or dry run) rolls back too.
//! - Progress counts the rows after the header, blank lines not counted, so
//!   the last report's total is the report's `rows`.
//!
//! SQL lives in `store::import`; this module never touches the database directly.
use super::guard;
use crate::domain::customer::ValidCustomer;
use crate::domain::{Address, Customer, CustomerInput};
use crate::error::{Error, Result};
use crate::money;
use crate::progress::{self, Job, Progress};
use crate::store::CustomerImport;
use crate::text;
use crate::Db;
use serde::Serialize;
use std::io::Read;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The largest file import reads: 200 MB (about two million customers).
pub const MAX_IMPORT_BYTES: u64 = 200 * 1024 * 1024;
/// How many skipped rows the report lists one by one (all are counted).
const SKIPPED_LISTED: usize = 1_000;

/// What a column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Name,
    FirstName,
    LastName,
    Company,
    Email,
    Phone,
    Address1,
    Address2,
    City,
    Region,
    PostalCode,
    Country,
    Notes,
    Tags,
    YearlySpend,
    ExpectedYears,
}

impl Field {
    pub const ALL: [Field; 16] = [
        Field::Name,
        Field::FirstName,
        Field::LastName,
        Field::Company,
        Field::Email,
        Field::Phone,
        Field::Address1,
        Field::Address2,
        Field::City,
        Field::Region,
        Field::PostalCode,
        Field::Country,
        Field::Notes,
        Field::Tags,
        Field::YearlySpend,
        Field::ExpectedYears,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::FirstName => "first_name",
            Field::LastName => "last_name",
            Field::Company => "company",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Address1 => "address1",
            Field::Address2 => "address2",
            Field::City => "city",
            Field::Region => "region",
            Field::PostalCode => "postal_code",
            Field::Country => "country",
            Field::Notes => "notes",
            Field::Tags => "tags",
            Field::YearlySpend => "yearly_spend",
            Field::ExpectedYears => "expected_years",
        }
    }

    /// Headers that mean this field, as `normalize_header` leaves them.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Name => {
                &["name", "fullname", "customer", "customername", "client", "clientname", "contact", "contactname"]
            }
            Field::FirstName => &["firstname", "givenname", "forename"],
            Field::LastName => &["lastname", "surname", "familyname"],
            Field::Company => &["company", "companyname", "business", "organisation", "organization"],
            Field::Email => &["email", "emailaddress", "mail"],
            Field::Phone => &["phone", "tel", "telephone", "mobile", "phonenumber", "mobilephone", "cell", "cellphone"],
            Field::Address1 => &["address1", "address", "addressline1", "street", "streetaddress"],
            Field::Address2 => &["address2", "addressline2"],
            Field::City => &["city", "town", "towncity"],
            Field::Region => &["region", "state", "province", "county", "stateprovince", "stateprovincecounty"],
            Field::PostalCode => &["zip", "zipcode", "postcode", "postalcode"],
            Field::Country => &["country"],
            Field::Notes => &["notes", "note", "comments", "comment"],
            Field::Tags => &["tags", "tag"],
            Field::YearlySpend => &["yearlyspend", "annualspend", "spendperyear"],
            Field::ExpectedYears => &["expectedyears"],
        }
    }

    fn for_header(header: &str) -> Option<Field> {
        let h = normalize_header(header);
        Field::ALL.into_iter().find(|f| f.aliases().contains(&h.as_str()))
    }
}

impl FromStr for Field {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let k = s.trim().to_ascii_lowercase().replace('-', "_");
        Field::ALL.into_iter().find(|f| f.key() == k).or_else(|| Field::for_header(s)).ok_or_else(|| {
            let keys: Vec<&str> = Field::ALL.iter().map(|f| f.key()).collect();
            Error::invalid("mapping", format!("\"{s}\" is not a customer field. Use one of: {}.", keys.join(", ")))
        })
    }
}

/// "E-mail address (work)" → "emailaddress": accents, case, punctuation and
/// anything in brackets do not matter.
fn normalize_header(h: &str) -> String {
    let mut depth = 0usize;
    let mut kept = String::with_capacity(h.len());
    for c in guard::unguard(h.trim()).chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => kept.push(c),
            _ => {}
        }
    }
    text::fold(&kept).chars().filter(|c| c.is_alphanumeric()).collect()
}

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Report what would happen; change nothing.
    pub dry_run: bool,
    /// Import the valid rows even when some rows are invalid.
    pub skip_invalid: bool,
    /// Columns named explicitly, by their header; they win over aliases.
    pub mapping: Vec<(Field, String)>,
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
    pub file: PathBuf,
    /// How the text was read: "UTF-8", "UTF-16", "Windows-1252", or "workbook".
    pub encoding: &'static str,
    /// The separator found in the header line (CSV only).
    pub delimiter: Option<String>,
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
}

/// Import customers from `path`. A dry run (or any error) leaves the database unchanged.
pub fn import_customers(db: &mut Db, path: &Path, opts: &ImportOptions) -> Result<ImportReport> {
    import_customers_with_progress(db, path, opts, progress::ignore)
}

/// `import_customers`, reporting after every row (`done` of `total` rows);
/// a `Break` stops it with `Error::Cancelled` and nothing changed.
pub fn import_customers_with_progress(
    db: &mut Db,
    path: &Path,
    opts: &ImportOptions,
    mut progress: impl FnMut(Progress) -> ControlFlow<()>,
) -> Result<ImportReport> {
    let source = Source::read(path)?;
    let mut rows = source.rows()?;
    let header = loop {
        match rows.next()? {
            None => return Err(Error::invalid("file", "The file is empty: there is no header row with column names.")),
            Some((_, rec)) if !is_blank(&rec) => break rec,
            Some(_) => {}
        }
    };
    let header: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    let mut report = ImportReport {
        dry_run: opts.dry_run,
        file: path.to_path_buf(),
        encoding: source.encoding,
        delimiter: source.delimiter.map(|d| if d == b'\t' { "tab".to_string() } else { (d as char).to_string() }),
        columns: Vec::new(),
        warnings: Vec::new(),
        rows: 0,
        added: 0,
        updated: 0,
        skipped: 0,
        invalid: Vec::new(),
        skipped_rows: Vec::new(),
    };
    let map = map_columns(&header, &opts.mapping, &mut report)?;
    // Read once more just to count, so the progress bar has its total from the start.
    let total = count_rows(&source)?;
    let mut tick =
        |done: u64| progress::report(&mut progress, Progress { job: Job::Import, done, total, label: "rows" });
    tick(0)?;

    let commit = !opts.dry_run;
    if commit {
        // A copy of the records as they were, in the backups folder, before anything changes.
        db.backup_now("before-import", crate::store::backup::Retention::default())?;
    }
    db.import_customers_with(commit, |session| {
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
    Ok(report)
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
    let input = match row_input(rec, columns, map) {
        Ok(i) => i,
        Err((field, reason)) => {
            report.invalid.push(InvalidRow { line, field, reason });
            return Ok(());
        }
    };
    match apply_row(session, &input)? {
        Applied::Added => report.added += 1,
        Applied::Updated => report.updated += 1,
        Applied::Skipped(reason) => {
            report.skipped += 1;
            if report.skipped_rows.len() < SKIPPED_LISTED {
                report.skipped_rows.push(SkippedRow { line, reason });
            }
        }
        Applied::Invalid(e) => {
            report.invalid.push(InvalidRow { line, field: e.field().map(str::to_string), reason: e.to_string() })
        }
    }
    Ok(())
}

/// The rows an import will read: every non-blank record but the header.
fn count_rows(source: &Source) -> Result<u64> {
    let mut rows = source.rows()?;
    let mut records = 0u64;
    while let Some((_, rec)) = rows.next()? {
        if !is_blank(&rec) {
            records += 1;
        }
    }
    Ok(records.saturating_sub(1))
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
    Added,
    Updated,
    Skipped(String),
    Invalid(Error),
}

fn apply_row(session: &CustomerImport, input: &CustomerInput) -> Result<Applied> {
    let valid = match input.validated() {
        Ok(v) => v,
        Err(e) => return Ok(Applied::Invalid(e)),
    };
    let Some(existing) = session.find_by_contact(valid.email.as_deref(), valid.phone.as_deref())? else {
        session.add(&valid)?;
        return Ok(Applied::Added);
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
        name: if row.name.trim().is_empty() { existing.name.clone() } else { row.name.clone() },
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
type Mapping = Vec<(Field, Vec<usize>)>;

fn map_columns(header: &[String], explicit: &[(Field, String)], report: &mut ImportReport) -> Result<Mapping> {
    let mut map: Mapping = Vec::new();
    let mut used = vec![false; header.len()];
    let listed = || header.iter().map(|h| format!("\"{h}\"")).collect::<Vec<_>>().join(", ");
    for (field, wanted) in explicit {
        let norm = normalize_header(wanted);
        let col = header
            .iter()
            .position(|h| h == wanted.trim())
            .or_else(|| header.iter().position(|h| normalize_header(h) == norm))
            .ok_or_else(|| {
                Error::invalid(
                    "mapping",
                    format!("There is no column \"{wanted}\" in the file. Its columns are: {}.", listed()),
                )
            })?;
        used[col] = true;
        map.retain(|(f, _)| f != field);
        map.push((*field, vec![col]));
    }
    for (col, h) in header.iter().enumerate() {
        if used[col] {
            continue;
        }
        let Some(field) = Field::for_header(h) else { continue };
        if explicit.iter().any(|(f, _)| *f == field) {
            continue;
        }
        used[col] = true;
        match map.iter_mut().find(|(f, _)| *f == field) {
            Some((_, cols)) => cols.push(col),
            None => map.push((field, vec![col])),
        }
    }
    for (field, cols) in &map {
        if cols.len() > 1 {
            let names: Vec<String> = cols.iter().map(|c| format!("\"{}\" (column {})", header[*c], c + 1)).collect();
            report.warnings.push(format!(
                "{} all look like the {} column: the first is used, and the others fill in where it is empty.",
                names.join(" and "),
                field.key().replace('_', " ")
            ));
        }
    }
    report.columns = header
        .iter()
        .enumerate()
        .map(|(col, h)| ColumnUse {
            header: h.clone(),
            field: map.iter().find(|(_, cols)| cols.contains(&col)).map(|(f, _)| *f),
        })
        .collect();
    let has = |f: Field| map.iter().any(|(m, _)| *m == f);
    if !has(Field::Name) && !has(Field::FirstName) && !has(Field::LastName) {
        return Err(Error::invalid(
            "file",
            format!(
                "The file has no column for the customer's name. Its columns are: {}. Call one of them Name (or Full name, Customer), or map one to the name.",
                listed()
            ),
        ));
    }
    Ok(map)
}

fn is_blank(rec: &csv::StringRecord) -> bool {
    rec.iter().all(|f| f.trim().is_empty())
}

/// One row as a customer form; `Err((field, reason))` when it can't even be read as one.
fn row_input(
    rec: &csv::StringRecord,
    columns: usize,
    map: &Mapping,
) -> std::result::Result<CustomerInput, (Option<String>, String)> {
    if rec.len() > columns && rec.iter().skip(columns).any(|f| !f.trim().is_empty()) {
        return Err((
            None,
            format!(
                "This row has {} values but the header has {columns} columns. A value with a separator in it may be missing its quotes.",
                rec.len()
            ),
        ));
    }
    let get = |field: Field| -> Option<String> {
        let (_, cols) = map.iter().find(|(f, _)| *f == field)?;
        cols.iter()
            .filter_map(|c| rec.get(*c))
            .map(|v| guard::unguard(v.trim()).trim())
            .find(|v| !v.is_empty())
            .map(str::to_string)
    };
    let name = get(Field::Name).unwrap_or_else(|| {
        [get(Field::FirstName), get(Field::LastName)].into_iter().flatten().collect::<Vec<_>>().join(" ")
    });
    let mut lines: Vec<String> = get(Field::Address1).into_iter().collect();
    if let Some(more) = get(Field::Address2) {
        lines.extend(more.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string));
    }
    let expected_years =
        match get(Field::ExpectedYears) {
            None => None,
            Some(y) => Some(y.parse::<u32>().map_err(|_| {
                (Some("expected_years".to_string()), format!("\"{y}\" is not a whole number of years."))
            })?),
        };
    Ok(CustomerInput {
        name,
        company: get(Field::Company),
        email: get(Field::Email),
        phone: get(Field::Phone),
        address: Address {
            lines,
            city: get(Field::City),
            region: get(Field::Region),
            postal_code: get(Field::PostalCode),
            country: get(Field::Country),
        },
        notes: get(Field::Notes),
        tags: get(Field::Tags)
            .map(|t| t.split([',', ';']).map(str::trim).filter(|t| !t.is_empty()).map(str::to_string).collect())
            .unwrap_or_default(),
        yearly_spend: get(Field::YearlySpend),
        expected_years,
    })
}

/// The file, read and decoded.
struct Source {
    kind: SourceKind,
    encoding: &'static str,
    delimiter: Option<u8>,
}

enum SourceKind {
    Text(String),
    Sheet(Vec<(u64, csv::StringRecord)>),
}

enum Rows<'a> {
    Csv(csv::Reader<&'a [u8]>),
    Sheet(std::slice::Iter<'a, (u64, csv::StringRecord)>),
}

impl Rows<'_> {
    fn next(&mut self) -> Result<Option<(u64, csv::StringRecord)>> {
        match self {
            Rows::Csv(r) => {
                let mut rec = csv::StringRecord::new();
                match r.read_record(&mut rec) {
                    Ok(false) => Ok(None),
                    Ok(true) => Ok(Some((rec.position().map_or(0, |p| p.line()), rec))),
                    Err(e) => {
                        let line = e.position().map_or(0, |p| p.line());
                        Err(Error::invalid("file", format!("Line {line} of the file could not be read: {e}.")))
                    }
                }
            }
            Rows::Sheet(it) => Ok(it.next().cloned()),
        }
    }
}

impl Source {
    fn read(path: &Path) -> Result<Source> {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            return Err(Error::invalid("file", format!("{} is a folder, not a file.", path.display())));
        }
        if meta.len() > MAX_IMPORT_BYTES {
            return Err(Error::invalid(
                "file",
                format!(
                    "That file is {}; Amends imports files up to {}. Split it into smaller files and import them one at a time.",
                    size_text(meta.len()),
                    size_text(MAX_IMPORT_BYTES)
                ),
            ));
        }
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        // Take at most one byte past the limit, in case the file grew since it was measured.
        file.take(MAX_IMPORT_BYTES + 1).read_to_end(&mut bytes).map_err(|e| Error::io(path, e))?;
        if bytes.len() as u64 > MAX_IMPORT_BYTES {
            return Err(Error::invalid("file", "That file is larger than 200 MB. Split it into smaller files."));
        }
        if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Source::workbook(bytes);
        }
        let (text, encoding) = decode(bytes)?;
        let delimiter = sniff_delimiter(&text);
        Ok(Source { kind: SourceKind::Text(text), encoding, delimiter: Some(delimiter) })
    }

    fn workbook(bytes: Vec<u8>) -> Result<Source> {
        use calamine::Reader;
        let unreadable = |e: &dyn std::fmt::Display| {
            Error::invalid(
                "file",
                format!("That workbook could not be read ({e}). Open it in your spreadsheet program and save it as CSV, then import the CSV."),
            )
        };
        let mut wb = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
        let range = match wb.worksheet_range_at(0) {
            Some(r) => r.map_err(|e| unreadable(&e))?,
            None => return Err(Error::invalid("file", "That workbook has no sheets.")),
        };
        let first_row = range.start().map_or(0, |(r, _)| r as u64);
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, cells)| {
                let fields: Vec<String> = cells.iter().map(cell_text).collect();
                (first_row + i as u64 + 1, csv::StringRecord::from(fields))
            })
            .collect();
        Ok(Source { kind: SourceKind::Sheet(rows), encoding: "workbook", delimiter: None })
    }

    fn rows(&self) -> Result<Rows<'_>> {
        Ok(match &self.kind {
            SourceKind::Text(t) => Rows::Csv(
                csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .delimiter(self.delimiter.unwrap_or(b','))
                    .from_reader(t.as_bytes()),
            ),
            SourceKind::Sheet(rows) => Rows::Sheet(rows.iter()),
        })
    }
}

fn cell_text(d: &calamine::Data) -> String {
    use calamine::Data;
    match d {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        // Whole numbers (phone numbers typed as numbers) without a trailing ".0".
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string(),
    }
}

fn size_text(bytes: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    let mb = bytes as f64 / MB;
    if mb >= 1024.0 {
        format!("{:.1} GB", mb / 1024.0)
    } else {
        format!("{mb:.0} MB")
    }
}

/// Bytes to text, with the name of the encoding they were read as.
fn decode(bytes: Vec<u8>) -> Result<(String, &'static str)> {
    for (bom, enc, name) in
        [(&b"\xFF\xFE"[..], encoding_rs::UTF_16LE, "UTF-16"), (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE, "UTF-16")]
    {
        if bytes.starts_with(bom) {
            let (text, _, bad) = enc.decode(&bytes);
            if bad {
                return Err(Error::invalid(
                    "file",
                    "The file says it is UTF-16 text but is damaged. Save it again as CSV UTF-8.",
                ));
            }
            return Ok((text.into_owned(), name));
        }
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if body.contains(&0) {
        return Err(Error::invalid(
            "file",
            "That file is not a spreadsheet or a text file (it holds binary data). Choose a CSV file or an Excel workbook.",
        ));
    }
    match std::str::from_utf8(body) {
        Ok(s) => Ok((s.to_string(), "UTF-8")),
        Err(e) => {
            let first_bad = e.valid_up_to();
            let has_utf8_accents = body.utf8_chunks().any(|c| !c.valid().is_ascii());
            if has_utf8_accents || bytes.starts_with(b"\xEF\xBB\xBF") {
                let line = body[..first_bad].iter().filter(|b| **b == b'\n').count() + 1;
                return Err(Error::invalid(
                    "file",
                    format!(
                        "Line {line} of the file is not UTF-8 text, while the rest of the file is. Open the file in your spreadsheet program and save it again as \"CSV UTF-8\", then import that."
                    ),
                ));
            }
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(body);
            Ok((text.into_owned(), "Windows-1252"))
        }
    }
}

/// The separator used in the header line: the most frequent of `,` `;` tab
/// `|` outside quotes; a comma when there is none.
fn sniff_delimiter(text: &str) -> u8 {
    let header = text.trim_start_matches(['\r', '\n']).lines().next().unwrap_or("");
    let mut counts = [0usize; 4];
    let candidates = [b',', b';', b'\t', b'|'];
    let mut quoted = false;
    for b in header.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(i) = candidates.iter().position(|c| *c == b) {
                counts[i] += 1;
            }
        }
    }
    let (best, n) =
        counts.iter().enumerate().max_by_key(|(i, n)| (**n, std::cmp::Reverse(*i))).expect("four candidates");
    if *n == 0 {
        b','
    } else {
        candidates[best]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_map_through_aliases() {
        let cases = [
            ("Name", Some(Field::Name)),
            ("Full name", Some(Field::Name)),
            ("E-mail", Some(Field::Email)),
            ("Email address", Some(Field::Email)),
            ("Tel.", Some(Field::Phone)),
            ("Mobile", Some(Field::Phone)),
            ("Address 1", Some(Field::Address1)),
            ("Address line 2", Some(Field::Address2)),
            ("Town", Some(Field::City)),
            ("State/Province", Some(Field::Region)),
            ("County", Some(Field::Region)),
            ("ZIP", Some(Field::PostalCode)),
            ("Postcode", Some(Field::PostalCode)),
            ("Postal code", Some(Field::PostalCode)),
            ("Yearly spend (GBP)", Some(Field::YearlySpend)),
            ("Société", None),
            ("ID", None),
        ];
        for (h, want) in cases {
            assert_eq!(Field::for_header(h), want, "{h}");
        }
    }

    #[test]
    fn sniffs_the_separator_from_the_header_only() {
        assert_eq!(sniff_delimiter("Name;E-mail;Ville\nA, B;x;y"), b';');
        assert_eq!(sniff_delimiter("Name,Email\n"), b',');
        assert_eq!(sniff_delimiter("\"Name; full\",Email\n"), b',');
        assert_eq!(sniff_delimiter("Name\tEmail\n"), b'\t');
        assert_eq!(sniff_delimiter("Name\n"), b',');
    }

    #[test]
    fn decodes_latin1_but_refuses_a_mix() {
        let (t, enc) = decode(b"Name\nZo\xEB\n".to_vec()).unwrap();
        assert_eq!((t.as_str(), enc), ("Name\nZoë\n", "Windows-1252"));
        let e = decode("Name\nZoë\nRen\u{e9}e\nJ\u{fc}rgen".bytes().chain(*b"\nM\xFCller\n").collect()).unwrap_err();
        assert!(e.to_string().contains("Line 5"), "{e}");
        let (t, enc) = decode(b"\xEF\xBB\xBFName\nZo\xC3\xAB\n".to_vec()).unwrap();
        assert_eq!((t.as_str(), enc), ("Name\nZoë\n", "UTF-8"));
    }
}
