//! Reading an import file: size limits, text encodings, the separator,
//! workbooks (first sheet), vCards, and finding the header row below a
//! report's title lines. Hands out rows as `csv::StringRecord`s with their
//! line numbers; knows nothing about customers.
use super::{columns, vcard};
use crate::error::{Error, Result};
use std::io::Read;
use std::path::Path;

/// The largest file import reads: 200 MB (about two million customers).
pub const MAX_IMPORT_BYTES: u64 = 200 * 1024 * 1024;
/// How far down a report the header row is looked for.
const HEADER_SEARCH_ROWS: usize = 30;

/// The file, read and decoded.
pub struct Source {
    pub kind: SourceKind,
    pub encoding: &'static str,
    pub delimiter: Option<u8>,
}

pub enum SourceKind {
    Text(String),
    Sheet(Vec<(u64, csv::StringRecord)>),
}

pub enum Rows<'a> {
    Csv(csv::Reader<&'a [u8]>, &'a [u8]),
    Sheet(std::slice::Iter<'a, (u64, csv::StringRecord)>),
}

impl Rows<'_> {
    pub fn next(&mut self) -> Result<Option<(u64, csv::StringRecord)>> {
        match self {
            Rows::Csv(r, text) => {
                let mut rec = csv::StringRecord::new();
                match r.read_record(&mut rec) {
                    Ok(false) => Ok(None),
                    Ok(true) => {
                        // The reader gives where it started looking, before any blank
                        // lines it passed over; the record starts after them.
                        let (byte, line) = rec.position().map_or((0, 0), |p| (p.byte() as usize, p.line()));
                        let blank =
                            text.get(byte..).unwrap_or_default().iter().take_while(|b| matches!(b, b'\r' | b'\n'));
                        let passed = blank.filter(|b| **b == b'\n').count() as u64;
                        Ok(Some((line + passed, rec)))
                    }
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
    pub fn read(path: &Path) -> Result<Source> {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            return Err(Error::invalid("file", format!("{} is a folder, not a file.", path.display())));
        }
        crate::files::check_input(path)?;
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
        if vcard::looks_like_vcard(&text) {
            let mut rows = vec![(0, csv::StringRecord::from(vcard::HEADER.to_vec()))];
            rows.extend(vcard::read(&text).into_iter().map(|(line, cells)| (line, csv::StringRecord::from(cells))));
            return Ok(Source { kind: SourceKind::Sheet(rows), encoding, delimiter: None });
        }
        let delimiter = sniff_delimiter(&text);
        Ok(Source { kind: SourceKind::Text(text), encoding, delimiter: Some(delimiter) })
    }

    fn workbook(bytes: Vec<u8>) -> Result<Source> {
        use calamine::Reader;
        if bytes.starts_with(b"PK\x03\x04") {
            check_archive(&bytes)?;
            if let Ok(xlsx) = calamine::Xlsx::new(std::io::Cursor::new(&bytes[..])) {
                return xlsx_rows(xlsx);
            }
            check_cells(ods_cells(&bytes)?)?;
        }
        let mut wb = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
        let range = match wb.worksheet_range_at(0) {
            Some(r) => r.map_err(|e| unreadable(&e))?,
            None => return Err(Error::invalid("file", "That workbook has no sheets.")),
        };
        let (h, w) = range.get_size();
        check_cells((h as u64).saturating_mul(w as u64))?;
        let first_row = range.start().map_or(0, |(r, _)| r as u64);
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, cells)| {
                let fields: Vec<String> = cells.iter().map(|d| cell_text(d, None)).collect();
                (first_row + i as u64 + 1, csv::StringRecord::from(fields))
            })
            .collect();
        Ok(Source { kind: SourceKind::Sheet(rows), encoding: "workbook", delimiter: None })
    }

    pub fn rows(&self) -> Result<Rows<'_>> {
        Ok(match &self.kind {
            SourceKind::Text(t) => Rows::Csv(
                csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .delimiter(self.delimiter.unwrap_or(b','))
                    .from_reader(t.as_bytes()),
                t.as_bytes(),
            ),
            SourceKind::Sheet(rows) => Rows::Sheet(rows.iter()),
        })
    }
}

/// The most cells a workbook may hold (a sparse sheet counts only the cells it has).
pub const MAX_CELLS: u64 = 1_000_000;
/// The most columns a row of a workbook may reach.
pub const MAX_COLUMNS: u32 = 1_000;
/// The most a workbook's parts may unpack to, each and in all.
pub const MAX_UNPACKED: u64 = 50 * 1024 * 1024;

fn unreadable(e: &dyn std::fmt::Display) -> Error {
    Error::invalid(
        "file",
        format!("That workbook could not be read ({e}). Open it in your spreadsheet program and save it as CSV, then import the CSV."),
    )
}

fn check_cells(n: u64) -> Result<()> {
    if n > MAX_CELLS {
        return Err(Error::invalid(
            "file",
            format!(
                "This workbook says it has {} cells; Amends reads at most {}. Save the customer columns as CSV and import that.",
                crate::text::thousands(n),
                crate::text::thousands(MAX_CELLS)
            ),
        ));
    }
    Ok(())
}

/// Before a workbook is parsed: every part of the archive, as declared and
/// as it actually unpacks, stays under `MAX_UNPACKED` (and 100× the file),
/// so a small file cannot unpack into gigabytes.
fn check_archive(bytes: &[u8]) -> Result<()> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let limit = MAX_UNPACKED.min((bytes.len() as u64).saturating_mul(100).max(10 * 1024 * 1024));
    let too_big = |n: u64| {
        Error::invalid(
            "file",
            format!(
                "This workbook unpacks to more than {} (at least {}); Amends reads workbooks up to {}. Save the customer columns as CSV and import that.",
                size_text(limit),
                size_text(n),
                size_text(limit)
            ),
        )
    };
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| unreadable(&e))?;
        if part.size() > limit {
            return Err(too_big(part.size()));
        }
        // What it really unpacks to, read through a cap (declared sizes can lie).
        let room = limit - total;
        let n = std::io::copy(&mut (&mut part).take(room + 1), &mut std::io::sink()).map_err(|e| unreadable(&e))?;
        total += n;
        if total > limit {
            return Err(too_big(total));
        }
    }
    Ok(())
}

/// How many cells an ODS spreadsheet expands to: rows and cells with content
/// count as many times as they are repeated (`number-rows-repeated`), which
/// the reader would otherwise lay out one by one. Empty repeated rows and
/// cells (a sheet's usual padding) cost nothing and are not counted.
fn ods_cells(bytes: &[u8]) -> Result<u64> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let Ok(mut part) = zip.by_name("content.xml") else { return Ok(0) };
    let mut xml = String::new();
    part.read_to_string(&mut xml).map_err(|e| unreadable(&e))?;
    let repeat = |tag: &str, attr: &str| -> u64 {
        tag.find(attr).and_then(|at| tag[at + attr.len()..].split('"').nth(1)).and_then(|n| n.parse().ok()).unwrap_or(1)
    };
    let mut total = 0u64;
    for row in xml.split("<table:table-row").skip(1) {
        let (open, body) = row.split_once('>').unwrap_or((row, ""));
        let body = body.split("</table:table-row>").next().unwrap_or("");
        let mut cells = 0u64;
        for cell in body.split("<table:table-cell").skip(1) {
            let (cell_open, rest) = cell.split_once('>').unwrap_or((cell, ""));
            let has_content = cell_open.contains("office:value") || rest.starts_with("<text:p");
            if has_content && !cell_open.ends_with('/') {
                cells = cells.saturating_add(repeat(cell_open, "table:number-columns-repeated="));
            }
        }
        total = total.saturating_add(cells.saturating_mul(repeat(open, "table:number-rows-repeated=")));
    }
    Ok(total)
}

/// The first sheet of an XLSX, cell by cell: memory grows with the cells
/// there are, never with the box from A1 to the farthest cell.
fn xlsx_rows(mut wb: calamine::Xlsx<std::io::Cursor<&[u8]>>) -> Result<Source> {
    use calamine::Reader;
    let name =
        wb.sheet_names().first().cloned().ok_or_else(|| Error::invalid("file", "That workbook has no sheets."))?;
    // Number formats, to keep the leading zeros a "00000" format shows.
    let styles = wb.worksheet_style(&name).ok();
    let mut cells = wb.worksheet_cells_reader(&name).map_err(|e| unreadable(&e))?;
    let mut rows: std::collections::BTreeMap<u32, Vec<(u32, String)>> = Default::default();
    let mut count = 0u64;
    while let Some(cell) = cells.next_cell().map_err(|e| unreadable(&e))? {
        let (r, c) = cell.get_position();
        let data = calamine::Data::from(cell.get_value().clone());
        if matches!(data, calamine::Data::Empty) {
            continue;
        }
        count += 1;
        check_cells(count)?;
        if c >= MAX_COLUMNS {
            return Err(Error::invalid(
                "file",
                format!(
                    "This workbook has a value in column {} of row {}; Amends reads at most {MAX_COLUMNS} columns. Save the customer columns as CSV and import that.",
                    c + 1,
                    r as u64 + 1
                ),
            ));
        }
        let format = styles.as_ref().and_then(|s| s.get((r, c))).and_then(|s| s.number_format.as_ref());
        let text = cell_text(&data, format.map(|f| f.format_code.as_str()));
        rows.entry(r).or_default().push((c, text));
    }
    let rows = rows
        .into_iter()
        .map(|(r, cells)| {
            let width = cells.iter().map(|(c, _)| *c as usize + 1).max().unwrap_or(0);
            let mut fields = vec![String::new(); width];
            for (c, t) in cells {
                fields[c as usize] = t;
            }
            (r as u64 + 1, csv::StringRecord::from(fields))
        })
        .collect();
    Ok(Source { kind: SourceKind::Sheet(rows), encoding: "workbook", delimiter: None })
}

/// A cell as text. Whole numbers (phones, postcodes typed as numbers) lose
/// the ".0"; a format of zeros ("00000") puts back the leading zeros it shows.
fn cell_text(d: &calamine::Data, format: Option<&str>) -> String {
    use calamine::Data;
    match d {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => whole(*f as i64, format),
        Data::Int(i) => whole(*i, format),
        other => other.to_string(),
    }
}

fn whole(n: i64, format: Option<&str>) -> String {
    match format {
        Some(f) if n >= 0 && !f.is_empty() && f.chars().all(|c| c == '0') => format!("{n:0>width$}", width = f.len()),
        _ => n.to_string(),
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

/// The header row: the first of the top rows whose cells look like column
/// names and that has a row after it; else the first row that is not blank.
/// Returns its line and cells, having read it from `rows`.
pub fn find_header(source: &Source) -> Result<(u64, csv::StringRecord, usize)> {
    let mut rows = source.rows()?;
    let mut seen: Vec<(u64, csv::StringRecord)> = Vec::new();
    while seen.len() < HEADER_SEARCH_ROWS + 1 {
        match rows.next()? {
            None => break,
            Some((_, rec)) if rec.iter().all(|f| f.trim().is_empty()) => {}
            Some(row) => seen.push(row),
        }
    }
    if seen.is_empty() {
        return Err(Error::invalid("file", "The file is empty: there is no header row with column names."));
    }
    // A header names at least two fields (or one, on a one-column file).
    let at = seen.iter().take(HEADER_SEARCH_ROWS).position(|(_, rec)| {
        let cells: Vec<String> = rec.iter().map(str::to_string).collect();
        let known = columns::known_headers(&cells);
        let filled = cells.iter().filter(|c| !c.trim().is_empty()).count();
        known >= 2 || (known == 1 && filled == 1)
    });
    let at = at.unwrap_or(0);
    let (line, rec) = seen.swap_remove(at);
    Ok((line, rec, at))
}

/// Rows after the header row, which is the `skip`-th non-blank row.
pub fn rows_after_header(source: &Source, skip: usize) -> Result<Rows<'_>> {
    let mut rows = source.rows()?;
    let mut passed = 0;
    while passed <= skip {
        match rows.next()? {
            None => break,
            Some((_, rec)) if rec.iter().all(|f| f.trim().is_empty()) => {}
            Some(_) => passed += 1,
        }
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

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
