//! One table as an RFC 4180 CSV file: UTF-8 (with a byte-order mark unless
//! told otherwise, so Excel on Windows shows "Zoë" and not "ZoÃ«"), CRLF line
//! ends, text fields quoted, numbers bare, dates and instants in ISO-8601.
//!
//! Pure: it writes to the `Write` it is given and never opens, names or
//! renames files.
use super::{guard, Cell, Column};
use crate::{dates, money};
use std::fmt::Write as _;
use std::io::{self, Write};

pub(super) const BOM: &[u8] = b"\xEF\xBB\xBF";

pub(super) struct CsvOut<W: Write> {
    w: csv::Writer<W>,
    buf: String,
}

impl<W: Write> CsvOut<W> {
    /// Start a file: the byte-order mark (when asked for) and the header row.
    pub fn new(mut inner: W, bom: bool, columns: &[Column]) -> io::Result<Self> {
        if bom {
            inner.write_all(BOM)?;
        }
        let w = csv::WriterBuilder::new()
            // Quoting every text field is what makes the guard's apostrophe
            // convention recognisable; numbers stay bare so they stay numbers.
            .quote_style(csv::QuoteStyle::NonNumeric)
            .terminator(csv::Terminator::CRLF)
            .buffer_capacity(256 * 1024)
            .from_writer(inner);
        let mut out = CsvOut { w, buf: String::new() };
        out.w.write_record(columns.iter().map(|c| c.header.as_str()))?;
        Ok(out)
    }

    pub fn row(&mut self, cells: &[Cell]) -> io::Result<()> {
        for cell in cells {
            self.buf.clear();
            let field: &str = match cell {
                Cell::Text(t) => {
                    if guard::looks_like_formula(t) {
                        self.buf.push_str(&guard::for_csv(t));
                        &self.buf
                    } else {
                        t
                    }
                }
                Cell::Int(n) => {
                    let _ = write!(self.buf, "{n}");
                    &self.buf
                }
                Cell::Money(m) => {
                    self.buf.push_str(&money::to_decimal(*m));
                    &self.buf
                }
                Cell::Date(d) => {
                    let _ = write!(self.buf, "{}", d.format("%Y-%m-%d"));
                    &self.buf
                }
                Cell::Instant(t) => {
                    self.buf.push_str(&dates::to_text(*t));
                    &self.buf
                }
                Cell::Empty => "",
            };
            self.w.write_field(field)?;
        }
        self.w.write_record(None::<&[u8]>)?;
        Ok(())
    }

    /// Flush and hand back the writer.
    pub fn finish(self) -> io::Result<W> {
        self.w.into_inner().map_err(|e| io::Error::other(e.to_string()))
    }
}
