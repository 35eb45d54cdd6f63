//! A workbook with one sheet per table, written in rust_xlsxwriter's
//! constant-memory mode: each finished row goes to a temporary file, so a
//! 300,000-row sheet costs no more memory than a 300-row one. That mode needs
//! rows in order, which is how the store hands them over.
//!
//! Every sheet gets a bold, frozen header row, an autofilter and fixed column
//! widths. Text is always a string cell (never a formula, whatever it starts
//! with); numbers are numbers, money is a number in the profile's currency
//! format, dates and instants are real dates. Excel has no time zones, so
//! instants are shown in this computer's local time.
//!
//! Pure: it writes to the `Write` it is given and never opens, names or
//! renames files.
use super::{Cell, Column, Table};
use crate::money::Currency;
use chrono::{Local, NaiveDate, NaiveDateTime};
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use std::io::{Seek, Write};

/// The most rows a sheet may hold, header included (Excel's limit).
pub(super) const MAX_ROWS: u64 = 1_048_576;
/// The longest text an Excel cell may hold, in UTF-16 units.
const MAX_CELL_CHARS: usize = 32_767;
const CUT_NOTE: &str = " … [cut here: Excel cells hold at most 32,767 characters; the full text is in Amends]";

pub(super) struct XlsxOut {
    wb: Workbook,
    header: Format,
    date: Format,
    instant: Format,
    money: Format,
    sheet: Option<usize>,
    sheets: usize,
    row: u32,
    cols: u16,
}

impl XlsxOut {
    pub fn new(currency: Currency) -> Self {
        // Quoted so symbols like "A$" are literal text in the number format.
        let money = format!("\"{0}\"#,##0.00;-\"{0}\"#,##0.00", currency.symbol());
        let mut wb = Workbook::new();
        // Deflate level 1: most of the size saving of the default (6) at a third
        // of the time; compressing is most of the cost of a large workbook.
        wb.set_zip_compression_level(1);
        XlsxOut {
            wb,
            header: Format::new().set_bold(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            instant: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
            money: Format::new().set_num_format(money),
            sheet: None,
            sheets: 0,
            row: 0,
            cols: 0,
        }
    }

    pub fn begin(&mut self, table: Table, columns: &[Column]) -> Result<(), XlsxError> {
        let ws = self.wb.add_worksheet_with_constant_memory()?;
        ws.set_name(table.sheet_name())?;
        for (i, c) in columns.iter().enumerate() {
            ws.set_column_width(i as u16, c.width)?;
        }
        for (i, c) in columns.iter().enumerate() {
            ws.write_string_with_format(0, i as u16, c.header.as_str(), &self.header)?;
        }
        ws.set_freeze_panes(1, 0)?;
        self.sheet = Some(self.sheets);
        self.sheets += 1;
        self.row = 0;
        self.cols = columns.len() as u16;
        Ok(())
    }

    pub fn row(&mut self, cells: &[Cell]) -> Result<(), XlsxError> {
        let index = self.sheet.expect("begin() comes before row()");
        self.row += 1;
        let row = self.row;
        let ws = self.wb.worksheet_from_index(index)?;
        for (i, cell) in cells.iter().enumerate() {
            let col = i as u16;
            match cell {
                Cell::Text(t) if t.is_empty() => {}
                Cell::Text(t) => {
                    ws.write_string(row, col, fit_in_cell(t))?;
                }
                Cell::Int(n) => {
                    ws.write_number(row, col, *n as f64)?;
                }
                Cell::Money(m) => {
                    ws.write_number_with_format(row, col, *m as f64 / 100.0, &self.money)?;
                }
                Cell::Date(d) => {
                    ws.write_number_with_format(
                        row,
                        col,
                        serial(d.and_hms_opt(0, 0, 0).expect("midnight exists")),
                        &self.date,
                    )?;
                }
                Cell::Instant(t) => {
                    ws.write_number_with_format(
                        row,
                        col,
                        serial(t.with_timezone(&Local).naive_local()),
                        &self.instant,
                    )?;
                }
                Cell::Empty => {}
            }
        }
        Ok(())
    }

    /// Finish the current sheet: an autofilter over the header and every row.
    pub fn end(&mut self) -> Result<(), XlsxError> {
        let index = self.sheet.take().expect("begin() comes before end()");
        let (last_row, last_col) = (self.row, self.cols.saturating_sub(1));
        self.wb.worksheet_from_index(index)?.autofilter(0, 0, last_row, last_col)?;
        Ok(())
    }

    pub fn save<W: Write + Seek + Send>(mut self, w: W) -> Result<(), XlsxError> {
        self.wb.save_to_writer(w)
    }
}

/// Excel's date serial number: days since 1899-12-30, the time as a fraction.
fn serial(t: NaiveDateTime) -> f64 {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid date").and_hms_opt(0, 0, 0).expect("valid time");
    (t - epoch).num_seconds() as f64 / 86_400.0
}

/// Excel refuses a cell longer than 32,767 UTF-16 units; cut longer text with a note.
fn fit_in_cell(t: &str) -> String {
    if t.len() <= MAX_CELL_CHARS || t.encode_utf16().count() <= MAX_CELL_CHARS {
        return t.to_string();
    }
    let budget = MAX_CELL_CHARS - CUT_NOTE.encode_utf16().count();
    let mut used = 0;
    let mut out = String::with_capacity(MAX_CELL_CHARS + CUT_NOTE.len());
    for c in t.chars() {
        used += c.len_utf16();
        if used > budget {
            break;
        }
        out.push(c);
    }
    out.push_str(CUT_NOTE);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_match_excel() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 12).unwrap();
        assert_eq!(serial(d.and_hms_opt(0, 0, 0).unwrap()), 46_093.0);
        assert_eq!(serial(d.and_hms_opt(18, 0, 0).unwrap()), 46_093.75);
    }

    #[test]
    fn long_text_is_cut_to_excels_limit() {
        let long = "é".repeat(40_000);
        let cut = fit_in_cell(&long);
        assert_eq!(cut.chars().count(), MAX_CELL_CHARS);
        assert!(cut.ends_with("the full text is in Amends]"));
        assert_eq!(fit_in_cell("short"), "short");
    }
}
