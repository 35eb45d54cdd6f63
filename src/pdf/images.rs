//! Checking and decoding the owner's logo and signature pictures.
//!
//! Only PNG and JPEG are accepted, at most 5 MB and 40 megapixels, so a
//! wrong or huge file is turned away with a clear message before any work.
//! This module must never read files or guess formats from file names: it
//! looks at the bytes it is given.
use printpdf::RawImage;

use super::error::PdfError;

/// Largest picture file accepted (5 MB).
pub const MAX_IMAGE_BYTES: usize = 5 * 1024 * 1024;
/// Largest picture accepted, in pixels (protects memory when decoding).
const MAX_PIXELS: u64 = 40_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Png,
    Jpeg,
}

fn kind(bytes: &[u8]) -> Option<Kind> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Kind::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Kind::Jpeg)
    } else {
        None
    }
}

/// Width and height from the file header, without decoding the pixels.
fn dimensions(bytes: &[u8], kind: Kind) -> Option<(u32, u32)> {
    match kind {
        Kind::Png => {
            // Signature (8) + IHDR length (4) + "IHDR" (4), then width and height.
            let b = bytes.get(16..24)?;
            Some((u32::from_be_bytes([b[0], b[1], b[2], b[3]]), u32::from_be_bytes([b[4], b[5], b[6], b[7]])))
        }
        Kind::Jpeg => {
            // Walk the marker segments up to the first start-of-frame (SOFn).
            let mut i = 2;
            while i + 9 < bytes.len() {
                if bytes[i] != 0xFF {
                    return None;
                }
                let marker = bytes[i + 1];
                if marker == 0xFF {
                    i += 1;
                    continue;
                }
                let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
                let is_sof = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
                if is_sof {
                    let h = u16::from_be_bytes([bytes[i + 5], bytes[i + 6]]);
                    let w = u16::from_be_bytes([bytes[i + 7], bytes[i + 8]]);
                    return Some((u32::from(w), u32::from(h)));
                }
                i += 2 + len;
            }
            None
        }
    }
}

/// Check a logo or signature before it is stored: PNG or JPEG, at most 5 MB,
/// and readable. Returns a message the owner can act on.
pub fn validate_image(bytes: &[u8]) -> Result<(), PdfError> {
    decode(bytes, "picture").map(|_| ())
}

/// Decode once per document; `what` names the picture in messages ("logo").
pub(crate) fn decode(bytes: &[u8], what: &str) -> Result<RawImage, PdfError> {
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(PdfError::ImageTooLarge {
            what: what.to_string(),
            size_mb: bytes.len() as f64 / (1024.0 * 1024.0),
        });
    }
    let Some(k) = kind(bytes) else {
        return Err(PdfError::NotAnImage { what: what.to_string() });
    };
    let bad = |detail: String| PdfError::BadImage { what: what.to_string(), detail };
    let (w, h) = dimensions(bytes, k).ok_or_else(|| bad("the picture's size is unreadable".into()))?;
    if w == 0 || h == 0 {
        return Err(bad("the picture is empty".into()));
    }
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(bad(format!("it is {w} × {h} pixels; please use a picture under 40 megapixels")));
    }
    let mut warnings = Vec::new();
    RawImage::decode_from_bytes(bytes, &mut warnings).map_err(bad).map(to_8_bit)
}

/// 16-bit and float pictures become 8-bit before printpdf sees them: its
/// 16-bit path wrote some of them as an empty image stream (a 16-bit PNG
/// signature came out blank), and print needs no more than 8 bits a channel.
fn to_8_bit(mut img: RawImage) -> RawImage {
    use printpdf::{RawImageData, RawImageFormat as F};
    let format = match img.data_format {
        F::R16 => F::R8,
        F::RG16 => F::RG8,
        F::RGB16 | F::RGBF32 => F::RGB8,
        F::RGBA16 | F::RGBAF32 => F::RGBA8,
        other => other,
    };
    img.pixels = match std::mem::replace(&mut img.pixels, RawImageData::U8(Vec::new())) {
        RawImageData::U16(v) => RawImageData::U8(v.into_iter().map(|x| (x >> 8) as u8).collect()),
        RawImageData::F32(v) => {
            RawImageData::U8(v.into_iter().map(|x| (x.clamp(0.0, 1.0) * 255.0).round() as u8).collect())
        }
        u8s => u8s,
    };
    img.data_format = format;
    img
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sixteen_bit_pictures_become_eight_bit() {
        let img = RawImage {
            pixels: printpdf::RawImageData::U16(vec![0xFFFF, 0x8000, 0x0000]),
            width: 1,
            height: 1,
            data_format: printpdf::RawImageFormat::RGB16,
            tag: Vec::new(),
        };
        let out = to_8_bit(img);
        assert_eq!(out.pixels, printpdf::RawImageData::U8(vec![0xFF, 0x80, 0x00]));
        assert_eq!(out.data_format, printpdf::RawImageFormat::RGB8);
    }

    #[test]
    fn rejects_non_images_and_huge_files() {
        assert!(matches!(validate_image(b"%PDF-1.4 not a picture"), Err(PdfError::NotAnImage { .. })));
        let big = vec![0u8; MAX_IMAGE_BYTES + 1];
        let err = validate_image(&big).unwrap_err();
        assert!(matches!(err, PdfError::ImageTooLarge { .. }));
        assert!(err.to_string().contains("5 MB"));
        let truncated = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x10\0\0\0\x10";
        assert!(matches!(validate_image(truncated), Err(PdfError::BadImage { .. })));
    }
}
