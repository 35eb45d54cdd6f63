//! The public description of a print job: paper, envelope, letterhead and letters.
//!
//! Plain data with serde support so the app can store the owner's choices.
//! This module must never do layout or drawing; it only describes what to print.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::letter_text::LetterText;

// Paper and envelope are the owner's settings, stored in the business profile.
pub use crate::domain::{EnvelopePreset, Paper};

impl Paper {
    /// Width and height in PDF points, exactly as written into the page boxes.
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Paper::Letter => (612.0, 792.0),
            Paper::A4 => (595.28, 841.89),
        }
    }
}

/// A rectangle on the unfolded sheet, measured from its top-left corner.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct WindowRect {
    pub left_mm: f32,
    pub top_mm: f32,
    pub width_mm: f32,
    pub height_mm: f32,
}

impl WindowRect {
    pub fn right_mm(&self) -> f32 {
        self.left_mm + self.width_mm
    }
    pub fn bottom_mm(&self) -> f32 {
        self.top_mm + self.height_mm
    }
}

/// The envelope plus the owner's printer nudges.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct EnvelopeLayout {
    pub preset: EnvelopePreset,
    /// Moves the address block right (positive) or left (negative), in mm.
    #[serde(default)]
    pub offset_x_mm: f32,
    /// Moves the address block down (positive) or up (negative), in mm.
    #[serde(default)]
    pub offset_y_mm: f32,
    /// Only for [`EnvelopePreset::Custom`]: where the window shows on the
    /// unfolded sheet. Without it, Custom falls back to the paper's usual preset.
    #[serde(default)]
    pub custom_window: Option<WindowRect>,
}

impl EnvelopeLayout {
    /// The usual envelope for a paper size, with no nudges.
    pub fn standard_for(paper: Paper) -> Self {
        EnvelopeLayout {
            preset: match paper {
                Paper::Letter => EnvelopePreset::UsNo10,
                Paper::A4 => EnvelopePreset::Din5008B,
            },
            offset_x_mm: 0.0,
            offset_y_mm: 0.0,
            custom_window: None,
        }
    }
}

/// The business's letterhead, printed at the top of every first page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Letterhead {
    pub business_name: String,
    pub address_lines: Vec<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    /// PNG or JPEG bytes; check them with [`super::validate_image`] when the owner picks the file.
    pub logo: Option<Vec<u8>>,
}

/// Everything shared by every letter in a batch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentSpec {
    pub letterhead: Letterhead,
    pub paper: Paper,
    pub envelope: EnvelopeLayout,
    /// PNG or JPEG of the owner's signature, printed above the signer's name.
    pub signature: Option<Vec<u8>>,
    /// Photos the letters may show under their changes, by photo id. Each is
    /// embedded once per document, however many letters show it.
    #[serde(skip)]
    pub photos: BTreeMap<i64, LetterPhoto>,
}

/// A photo of a change, ready to embed: a baseline RGB JPEG (as
/// `photos::prepare` makes them) and its pixel size. The bytes are shared,
/// not copied, when a document is built from the spec.
#[derive(Clone, PartialEq, Eq)]
pub struct LetterPhoto {
    pub jpeg: std::sync::Arc<[u8]>,
    pub width: u32,
    pub height: u32,
}

impl LetterPhoto {
    /// Bytes the renderer embeds as a JPEG, with a size to lay out; layout
    /// gives space only to these.
    pub(crate) fn embeddable(&self) -> bool {
        self.jpeg.starts_with(&[0xFF, 0xD8]) && self.width > 0 && self.height > 0
    }
}

impl std::fmt::Debug for LetterPhoto {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "LetterPhoto({}×{}, {} bytes)", self.width, self.height, self.jpeg.len())
    }
}

/// One letter to one customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PdfLetter {
    /// One line, e.g. "Harbourline Services · 14 Quay Road · Bristol BS1 4QA".
    pub return_address: String,
    /// Name first, then the address lines.
    pub recipient: Vec<String>,
    /// Already formatted, e.g. "9 March 2024".
    pub date: String,
    pub text: LetterText,
}

/// What a render produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenderSummary {
    pub letters: usize,
    pub pages: usize,
}

/// A character none of the embedded fonts can draw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlyphWarning {
    /// Where it is, in the owner's words: "recipient line 2", "paragraph 3", "change 1"...
    pub field: String,
    pub ch: char,
}

impl std::fmt::Display for GlyphWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "The character \"{}\" (U+{:04X}) in {} cannot be printed with the letter fonts; it will print as \"?\".",
            self.ch, self.ch as u32, self.field
        )
    }
}
