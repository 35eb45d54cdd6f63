//! The one error type of the PDF letter renderer.
//!
//! Every message is written for a shop owner, not a programmer: it says what
//! is wrong with *their* letter or file and what to do about it. This module
//! must never expose library internals (font ids, lopdf errors) in a message.
use thiserror::Error;

/// Everything that can stop a letter from being printed.
#[derive(Debug, Error)]
pub enum PdfError {
    /// The recipient block has more lines than the envelope window can show.
    #[error(
        "The address for {recipient} has {lines} lines, but only {max_lines} fit in the envelope window. \
         Shorten the address to {max_lines} lines or fewer."
    )]
    AddressTooTall { recipient: String, lines: usize, max_lines: usize },
    /// One address line is too wide for the window even at the smallest print size.
    #[error(
        "The address line \"{line}\" for {recipient} is too long to show through the envelope window. \
         Shorten it or split it over two lines."
    )]
    AddressLineTooWide { recipient: String, line: String },
    /// The one-line return address does not fit above the recipient in the window.
    #[error(
        "The return address \"{line}\" is too long to fit on one line in the envelope window. \
         Shorten it (for example, leave out the country)."
    )]
    ReturnAddressTooWide { line: String },
    /// A letter with no recipient at all.
    #[error("Letter {letter_no} has no recipient address. Add the customer's name and address.")]
    EmptyAddress { letter_no: usize },
    /// A logo or signature file that is not a PNG or JPEG picture.
    #[error("The {what} file is not a PNG or JPEG picture. Save it as PNG or JPEG and try again.")]
    NotAnImage { what: String },
    /// A logo or signature file over the size limit.
    #[error(
        "The {what} picture is {size_mb:.1} MB; the limit is 5 MB. Save a smaller version (a few hundred pixels wide is plenty)."
    )]
    ImageTooLarge { what: String, size_mb: f64 },
    /// A PNG or JPEG file that could not be read.
    #[error("The {what} picture could not be read (the file may be damaged): {detail}")]
    BadImage { what: String, detail: String },
    /// The custom envelope window is unusable (zero size or off the sheet).
    #[error(
        "The custom envelope window ({width_mm:.0} × {height_mm:.0} mm) is too small or off the page. \
         Measure the window again, from the top-left corner of the unfolded sheet."
    )]
    BadWindow { width_mm: f32, height_mm: f32 },
    /// The letter has nothing to print.
    #[error("There are no letters to print.")]
    NoLetters,
    /// The caller stopped the batch before it was written.
    #[error("Cancelled; the PDF was not saved.")]
    Cancelled,
    /// Writing the finished PDF failed (disk full, file removed...).
    #[error("The PDF could not be written: {0}")]
    Write(#[from] std::io::Error),
}
