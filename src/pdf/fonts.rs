//! The embedded DejaVu fonts and measuring text with their real glyph widths.
//!
//! The font files are compiled into the binary (`include_bytes!`), so a letter
//! prints the same on every computer. This module must never load fonts from
//! the user's system at run time, and never guesses widths: every width comes
//! from the font's own advance table (no kerning, no shaping, like printpdf).
use std::collections::HashMap;
use std::sync::OnceLock;

/// Folder holding the embedded fonts (shipped in the repository with their licence).
macro_rules! fonts_dir {
    () => {
        concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/")
    };
}

pub(crate) const SERIF_TTF: &[u8] = include_bytes!(concat!(fonts_dir!(), "DejaVuSerif.ttf"));
pub(crate) const SERIF_BOLD_TTF: &[u8] = include_bytes!(concat!(fonts_dir!(), "DejaVuSerif-Bold.ttf"));
pub(crate) const SANS_TTF: &[u8] = include_bytes!(concat!(fonts_dir!(), "DejaVuSans.ttf"));
pub(crate) const SANS_BOLD_TTF: &[u8] = include_bytes!(concat!(fonts_dir!(), "DejaVuSans-Bold.ttf"));

/// One of the four embedded faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum FontKey {
    Serif = 0,
    SerifBold = 1,
    Sans = 2,
    SansBold = 3,
}

impl FontKey {
    pub(crate) const ALL: [FontKey; 4] = [FontKey::Serif, FontKey::SerifBold, FontKey::Sans, FontKey::SansBold];

    pub(crate) fn bytes(self) -> &'static [u8] {
        match self {
            FontKey::Serif => SERIF_TTF,
            FontKey::SerifBold => SERIF_BOLD_TTF,
            FontKey::Sans => SANS_TTF,
            FontKey::SansBold => SANS_BOLD_TTF,
        }
    }

    /// Faces to try, in order, when this one lacks a character: same weight
    /// in the other family first, then the other weight.
    fn fallbacks(self) -> [FontKey; 4] {
        use FontKey::*;
        match self {
            Serif => [Serif, Sans, SerifBold, SansBold],
            SerifBold => [SerifBold, SansBold, Serif, Sans],
            Sans => [Sans, Serif, SansBold, SerifBold],
            SansBold => [SansBold, SerifBold, Sans, Serif],
        }
    }
}

const MISSING: u16 = u16::MAX;

/// Advance widths of one face, looked up by character.
struct FaceMetrics {
    units_per_em: f32,
    ascent: f32,
    descent: f32,
    /// Advance in font units for every Basic Multilingual Plane character; `MISSING` if absent.
    bmp: Vec<u16>,
    /// Characters above U+FFFF.
    astral: HashMap<u32, u16>,
}

impl FaceMetrics {
    fn parse(bytes: &[u8]) -> FaceMetrics {
        let face = ttf_parser::Face::parse(bytes, 0).expect("embedded font is a valid TrueType file");
        let hhea = face.tables().hhea;
        let mut bmp = vec![MISSING; 0x1_0000];
        let mut astral = HashMap::new();
        if let Some(cmap) = face.tables().cmap {
            for sub in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
                sub.codepoints(|cp| {
                    let Some(gid) = sub.glyph_index(cp) else {
                        return;
                    };
                    if gid.0 == 0 {
                        return;
                    }
                    let adv = face.glyph_hor_advance(gid).unwrap_or(0).min(MISSING - 1);
                    if cp < 0x1_0000 {
                        bmp[cp as usize] = adv;
                    } else {
                        astral.insert(cp, adv);
                    }
                });
            }
        }
        FaceMetrics {
            units_per_em: f32::from(face.units_per_em()),
            ascent: f32::from(hhea.ascender),
            descent: -f32::from(hhea.descender),
            bmp,
            astral,
        }
    }

    #[inline]
    fn advance(&self, c: char) -> Option<u16> {
        let cp = c as u32;
        if cp < 0x1_0000 {
            let a = self.bmp[cp as usize];
            (a != MISSING).then_some(a)
        } else {
            self.astral.get(&cp).copied()
        }
    }
}

/// Measuring for all four faces; parsed once per process.
pub(crate) struct Metrics {
    faces: [FaceMetrics; 4],
}

/// A piece of text that one face draws.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    pub font: FontKey,
    pub text: String,
    /// Width in points at the size it was measured for.
    pub width: f32,
}

/// Whether a character is layout whitespace or a control code (never drawn as a glyph).
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_whitespace() || c.is_control() || c == '\u{200B}' || c == '\u{FEFF}'
}

impl Metrics {
    pub(crate) fn get() -> &'static Metrics {
        static M: OnceLock<Metrics> = OnceLock::new();
        M.get_or_init(|| Metrics { faces: FontKey::ALL.map(|k| FaceMetrics::parse(k.bytes())) })
    }

    fn face(&self, k: FontKey) -> &FaceMetrics {
        &self.faces[k as usize]
    }

    /// Height above the baseline of the font's box (what PDF viewers and
    /// `pdftotext -bbox` use), in points.
    pub(crate) fn ascent(&self, k: FontKey, size: f32) -> f32 {
        let f = self.face(k);
        f.ascent * size / f.units_per_em
    }

    /// Depth below the baseline of the font's box, in points (positive).
    pub(crate) fn descent(&self, k: FontKey, size: f32) -> f32 {
        let f = self.face(k);
        f.descent * size / f.units_per_em
    }

    /// Whether any embedded face can draw `c`.
    pub(crate) fn can_draw(&self, c: char) -> bool {
        is_invisible(c) || self.faces.iter().any(|f| f.advance(c).is_some())
    }

    /// The face that draws `c` when `k` is asked for, and its advance (font units
    /// scaled to 1 pt). `None` when no face has it.
    #[inline]
    fn resolve(&self, k: FontKey, c: char) -> Option<(FontKey, f32)> {
        let f = self.face(k);
        if let Some(a) = f.advance(c) {
            return Some((k, f32::from(a) / f.units_per_em));
        }
        k.fallbacks().into_iter().skip(1).find_map(|fk| {
            let f = self.face(fk);
            f.advance(c).map(|a| (fk, f32::from(a) / f.units_per_em))
        })
    }

    /// Width of `text` in points, as it will be drawn (fallback faces and `?`
    /// replacements included).
    pub(crate) fn width(&self, text: &str, k: FontKey, size: f32) -> f32 {
        let mut w = 0.0;
        for c in text.chars() {
            let c = if c.is_whitespace() { ' ' } else { c };
            if c.is_control() {
                continue;
            }
            w += match self.resolve(k, c) {
                Some((_, a)) => a,
                None => self.resolve(k, '?').map_or(0.0, |(_, a)| a),
            };
        }
        w * size
    }

    /// Split `text` into runs that one face each can draw. Whitespace becomes a
    /// plain space, control codes are dropped, and a character that no face has
    /// becomes `?` (callers are warned beforehand by `missing_glyphs`).
    pub(crate) fn runs(&self, text: &str, k: FontKey, size: f32) -> Vec<Run> {
        let mut out: Vec<Run> = Vec::new();
        for c in text.chars() {
            let c = if c.is_whitespace() { ' ' } else { c };
            if c.is_control() {
                continue;
            }
            let (font, adv, c) = match self.resolve(k, c) {
                Some((f, a)) => (f, a, c),
                None => {
                    let (f, a) = self.resolve(k, '?').unwrap_or((k, 0.0));
                    (f, a, '?')
                }
            };
            // Spaces stay in the current run whatever face it uses.
            let font = if c == ' ' { out.last().map_or(font, |r| r.font) } else { font };
            match out.last_mut() {
                Some(r) if r.font == font => {
                    r.text.push(c);
                    r.width += adv * size;
                }
                _ => out.push(Run { font, text: c.to_string(), width: adv * size }),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font() {
        let m = Metrics::get();
        let w = m.width("Hello", FontKey::Serif, 10.0);
        assert!(w > 20.0 && w < 40.0, "{w}");
        assert!(m.width("WWW", FontKey::Serif, 10.0) > m.width("iii", FontKey::Serif, 10.0));
        assert!(m.width("Hello", FontKey::SerifBold, 10.0) > w);
    }

    #[test]
    fn fallback_and_replacement() {
        let m = Metrics::get();
        // U+2318 PLACE OF INTEREST SIGN is in DejaVu Sans but not in Serif.
        let runs = m.runs("a\u{2318}b", FontKey::Serif, 10.0);
        assert!(runs.len() >= 2 || runs[0].font == FontKey::Serif);
        let runs = m.runs("x\u{6F22}y", FontKey::Serif, 10.0);
        let text: String = runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(text, "x?y");
        assert!(!m.can_draw('\u{6F22}'));
        assert!(m.can_draw('Ł') && m.can_draw('ë') && m.can_draw('\t'));
    }
}
