//! Print-ready PDF letters for window envelopes, one or a thousand at a time.
//!
//! Pure renderers: they take the words and the owner's settings and write a
//! PDF to any `Write`. The caller owns files, temporary names and renames.
//! Nothing here reads the user's system fonts, the network or the disk.
//!
//! Characters no embedded font has: call [`missing_glyphs`] first and show
//! its warnings; [`render_letters`] then prints each such character as "?"
//! (it never draws an empty box).
mod envelope;
mod error;
mod fonts;
mod glyphs;
mod images;
mod layout;
mod render;
mod spec;
mod wrap;

use std::io::Write;
use std::ops::ControlFlow;

pub use envelope::{window_for, WINDOW_CLEARANCE_MM};
pub use error::PdfError;
pub use glyphs::missing_glyphs;
pub use images::{validate_image, MAX_IMAGE_BYTES};
pub use spec::{
    DocumentSpec, EnvelopeLayout, EnvelopePreset, GlyphWarning, LetterPhoto, Letterhead, Paper, PdfLetter,
    RenderSummary, WindowRect,
};

/// Check that a letter's address fits the envelope window (name, lines and
/// their widths), without rendering anything.
pub fn check_address(spec: &DocumentSpec, letter: &PdfLetter) -> Result<(), PdfError> {
    layout::check_address(spec, letter)
}

/// Render letters into one PDF; each letter starts on a new page. A letter
/// whose address does not fit the envelope window stops the batch with an
/// error naming that letter (nothing is written in that case).
pub fn render_letters<W: Write>(
    spec: &DocumentSpec,
    letters: impl IntoIterator<Item = PdfLetter>,
    out: W,
) -> Result<RenderSummary, PdfError> {
    render_letters_with_progress(spec, letters, out, |_| ControlFlow::Continue(()))
}

/// `render_letters`, calling `after_each` with the number of letters laid
/// out so far after each one; a `Break` stops before anything is written
/// (`PdfError::Cancelled`). Writing the file comes after the last call.
pub fn render_letters_with_progress<W: Write>(
    spec: &DocumentSpec,
    letters: impl IntoIterator<Item = PdfLetter>,
    out: W,
    mut after_each: impl FnMut(usize) -> ControlFlow<()>,
) -> Result<RenderSummary, PdfError> {
    let name = spec.letterhead.business_name.trim();
    let title = if name.is_empty() { "Letters".to_string() } else { format!("Letters from {name}") };
    let mut b = render::Builder::new(spec, &title)?;
    let mut count = 0;
    for (i, letter) in letters.into_iter().enumerate() {
        let pages = layout::layout_letter(&b.geometry, &letter, i + 1)?;
        for p in &pages {
            b.add_page(p);
        }
        count += 1;
        if after_each(count).is_break() {
            return Err(PdfError::Cancelled);
        }
    }
    if count == 0 {
        return Err(PdfError::NoLetters);
    }
    let pages = b.page_count();
    b.finish(out)?;
    Ok(RenderSummary { letters: count, pages })
}

/// One page showing the envelope window, the clearance and a sample address,
/// to hold against an envelope and work out the printer offsets.
pub fn render_calibration_page<W: Write>(spec: &DocumentSpec, out: W) -> Result<(), PdfError> {
    let mut b = render::Builder::new(spec, "Envelope calibration")?;
    let items = layout::layout_calibration(&b.geometry, spec)?;
    b.add_page(&items);
    b.finish(out)?;
    Ok(())
}
