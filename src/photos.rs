//! Photos of a change (the new crate, the checklist on the wall): checked,
//! turned upright and reduced once, when the owner adds them.
//!
//! A phone photo is 3–12 MB; printed 8 cm wide it needs about 470 pixels
//! across. Each photo is stored as a JPEG sized for about 150 dpi at the
//! largest size a letter prints it ([`PRINT_BOX_MM`]), plus a thumbnail for
//! the screen, so a 1,000-letter batch stays small and the PDF can embed the
//! JPEG as it is (no decoding when letters are printed). This module never
//! touches the database; it reads only the file the owner picked.
use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageDecoder, ImageReader};

use crate::error::{Error, Result};

/// The largest photo file accepted (a phone's full-size JPEG is 3–12 MB).
pub const MAX_PHOTO_BYTES: usize = 30 * 1024 * 1024;
/// The largest photo accepted, in pixels (protects memory while decoding).
const MAX_PIXELS: u64 = 60_000_000;
/// The most memory one decoded photo may take (a 60-megapixel 8-bit RGB photo is 180 MB).
const MAX_DECODED_BYTES: u64 = 200 * 1024 * 1024;
/// At most this many photos print under one change.
pub const PHOTOS_PER_CHANGE: usize = 2;
/// The largest box a photo prints in, width × height in mm.
pub const PRINT_BOX_MM: (f32, f32) = (80.0, 55.0);
/// Print resolution the stored JPEG is sized for at [`PRINT_BOX_MM`].
pub const PRINT_DPI: f32 = 150.0;
/// Longest side of the screen thumbnail, in pixels.
const THUMB_PX: u32 = 240;
const PRINT_QUALITY: u8 = 82;
const THUMB_QUALITY: u8 = 75;

/// A photo ready to store: the print JPEG, its pixel size and the thumbnail.
#[derive(Clone, PartialEq, Eq)]
pub struct PreparedPhoto {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub thumb: Vec<u8>,
}

impl std::fmt::Debug for PreparedPhoto {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PreparedPhoto({}×{}, {} bytes)", self.width, self.height, self.jpeg.len())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Jpeg,
    Png,
    Heic,
}

/// What the bytes are, from their first bytes (never from the file name).
fn format(bytes: &[u8]) -> Option<Format> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(Format::Jpeg);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(Format::Png);
    }
    // ISO base media file ("....ftyp" + brand): HEIC/HEIF from a phone.
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        let brand = &bytes[8..12];
        if [b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif"].iter().any(|b| brand == *b) {
            return Some(Format::Heic);
        }
    }
    None
}

fn invalid(message: impl Into<String>) -> Error {
    Error::invalid("photo", message)
}

/// The pixel size that prints at about [`PRINT_DPI`] in the [`PRINT_BOX_MM`]
/// box, keeping the photo's shape; a smaller photo keeps its size.
pub fn print_size(width: u32, height: u32) -> (u32, u32) {
    let max_w = PRINT_BOX_MM.0 / 25.4 * PRINT_DPI;
    let max_h = PRINT_BOX_MM.1 / 25.4 * PRINT_DPI;
    let scale = (max_w / width as f32).min(max_h / height as f32).min(1.0);
    (((width as f32 * scale).round() as u32).max(1), ((height as f32 * scale).round() as u32).max(1))
}

/// Check a photo the owner picked and make its print and screen versions:
/// JPEG or PNG (HEIC gets a message saying how to export it as JPEG), turned
/// the way the camera says is upright, reduced for print. `name` is only for
/// messages.
pub fn prepare(bytes: &[u8], name: &str) -> Result<PreparedPhoto> {
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(invalid(format!(
            "{name} is {:.0} MB; photos can be up to 30 MB. Please pick a smaller copy.",
            bytes.len() as f64 / (1024.0 * 1024.0)
        )));
    }
    match format(bytes) {
        Some(Format::Jpeg | Format::Png) => {}
        Some(Format::Heic) => {
            return Err(invalid(format!(
                "{name} is a HEIC photo, which Amends can't read yet. Export it as JPEG (on an iPhone: share it and \
                 choose \"Save as JPEG\", or set Settings → Camera → Formats to \"Most Compatible\") and add that."
            )))
        }
        None => return Err(invalid(format!("{name} is not a JPEG or PNG photo."))),
    }
    let unreadable = |e: image::ImageError| invalid(format!("{name} could not be read as a photo ({e})."));
    let reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|e| invalid(e.to_string()))?;
    let mut decoder = reader.into_decoder().map_err(unreadable)?;
    let (w, h) = decoder.dimensions();
    if w == 0 || h == 0 {
        return Err(invalid(format!("{name} is empty.")));
    }
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(invalid(format!("{name} is {w} × {h} pixels; please use a photo under 60 megapixels.")));
    }
    // Pixels alone do not bound memory: a 16-bit RGBA photo takes 8 bytes each.
    if decoder.total_bytes() > MAX_DECODED_BYTES {
        return Err(invalid(format!(
            "{name} is too large to read ({w} × {h} pixels at high colour depth); please export it as an ordinary JPEG."
        )));
    }
    let orientation = decoder.orientation().map_err(unreadable)?;
    let mut img = DynamicImage::from_decoder(decoder).map_err(unreadable)?;
    img.apply_orientation(orientation);
    // Print needs RGB; transparency (a PNG screenshot) goes onto white paper.
    let rgb = flatten_on_white(img);
    let (pw, ph) = print_size(rgb.width(), rgb.height());
    let print = if (pw, ph) == (rgb.width(), rgb.height()) {
        rgb
    } else {
        DynamicImage::ImageRgb8(rgb).resize_exact(pw, ph, image::imageops::FilterType::Triangle).into_rgb8()
    };
    let thumb = DynamicImage::ImageRgb8(print.clone()).thumbnail(THUMB_PX, THUMB_PX).into_rgb8();
    Ok(PreparedPhoto {
        jpeg: encode(&print, PRINT_QUALITY)?,
        width: print.width(),
        height: print.height(),
        thumb: encode(&thumb, THUMB_QUALITY)?,
    })
}

/// Read a photo file the owner picked and prepare it; returns its file name
/// (for the list and the email attachment) with the prepared photo.
pub fn prepare_file(path: &std::path::Path) -> Result<(String, PreparedPhoto)> {
    let bytes = crate::files::read_capped(path, MAX_PHOTO_BYTES as u64, "a photo")?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "photo".into());
    let photo = prepare(&bytes, &name)?;
    Ok((name, photo))
}

fn flatten_on_white(img: DynamicImage) -> image::RgbImage {
    if !img.color().has_alpha() {
        return img.into_rgb8();
    }
    let rgba = img.into_rgba8();
    let mut out = image::RgbImage::new(rgba.width(), rgba.height());
    for (o, p) in out.pixels_mut().zip(rgba.pixels()) {
        let a = u16::from(p[3]);
        for c in 0..3 {
            o[c] = ((u16::from(p[c]) * a + 255 * (255 - a)) / 255) as u8;
        }
    }
    out
}

fn encode(img: &image::RgbImage, quality: u8) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(64 * 1024);
    JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(img)
        .map_err(|e| invalid(format!("The photo could not be saved as JPEG ({e}).")))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbaImage::from_fn(w, h, |x, y| image::Rgba([(x % 256) as u8, (y % 256) as u8, 90, 128]));
        let mut out = Vec::new();
        DynamicImage::ImageRgba8(img).write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png).unwrap();
        out
    }

    #[test]
    fn a_large_photo_is_reduced_to_print_size_and_keeps_its_shape() {
        let p = prepare(&png(3000, 2000), "crate.png").unwrap();
        // 80 mm × 55 mm at 150 dpi is 472 × 325 pixels; 3:2 is limited by the width.
        assert_eq!((p.width, p.height), (472, 315));
        // A portrait photo is limited by the height.
        assert_eq!(print_size(3000, 4000), (244, 325));
        assert!((p.width as f32 / p.height as f32 - 1.5).abs() < 0.01, "{p:?}");
        assert!(p.jpeg.starts_with(&[0xFF, 0xD8]) && p.thumb.starts_with(&[0xFF, 0xD8]));
        let t = image::load_from_memory(&p.thumb).unwrap();
        assert_eq!(t.width().max(t.height()), THUMB_PX);
    }

    #[test]
    fn a_small_photo_keeps_its_pixels() {
        let p = prepare(&png(200, 120), "small.png").unwrap();
        assert_eq!((p.width, p.height), (200, 120));
    }

    #[test]
    fn heic_and_other_files_get_messages_that_say_what_to_do() {
        let mut heic = vec![0, 0, 0, 24];
        heic.extend_from_slice(b"ftypheic");
        heic.extend_from_slice(&[0; 16]);
        let e = prepare(&heic, "IMG_0042.HEIC").unwrap_err().to_string();
        assert!(e.contains("HEIC") && e.contains("JPEG"), "{e}");
        let e = prepare(b"%PDF-1.7", "notes.pdf").unwrap_err().to_string();
        assert!(e.contains("not a JPEG or PNG"), "{e}");
        let e = prepare(b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", "cut.png").unwrap_err().to_string();
        assert!(e.contains("could not be read"), "{e}");
    }
}
