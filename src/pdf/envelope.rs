//! Window-envelope presets: where the address window lands on the unfolded sheet.
//!
//! Each physical figure sits beside its source. The model: the sheet is folded
//! at the preset's fold lines, the panel carrying the address faces the window,
//! and the folded sheet rests on the bottom of the envelope (both DIN 5008
//! address fields follow exactly from this, which is how we checked the model).
//! Sideways the sheet may slide by the full difference between envelope and
//! sheet width, so only the part of the window that shows in every sideways
//! position counts. This module must never draw anything; it only computes.
use super::spec::{EnvelopeLayout, EnvelopePreset, Paper, WindowRect};

/// Millimetres per inch (exact, by definition of the inch).
pub(crate) const MM_PER_IN: f32 = 25.4;
/// PDF points per millimetre (72 pt = 1 in).
pub(crate) const PT_PER_MM: f32 = 72.0 / MM_PER_IN;

/// Postal "tap test" clearance kept between the address text and every window
/// edge: USPS asks for at least 1/8 in (3.175 mm); we round up to 3.2 mm.
pub const WINDOW_CLEARANCE_MM: f32 = 3.2;

/// Sheet sizes in mm. Letter: 8.5 × 11 in (ANSI/ASME Y14.1). A4: 210 × 297 mm (ISO 216).
pub(crate) fn sheet_mm(paper: Paper) -> (f32, f32) {
    match paper {
        Paper::Letter => (8.5 * MM_PER_IN, 11.0 * MM_PER_IN),
        Paper::A4 => (210.0, 297.0),
    }
}

/// An envelope and its window, as printed on the envelope maker's spec sheet.
struct Envelope {
    width_mm: f32,
    height_mm: f32,
    /// Window's left edge, from the envelope's left edge (front, flap at the back).
    window_left_mm: f32,
    /// Window's bottom edge, from the envelope's bottom edge.
    window_bottom_mm: f32,
    window_width_mm: f32,
    window_height_mm: f32,
}

/// US #10 commercial envelope: 4 1/8 × 9 1/2 in (USPS / ANSI size #10).
/// Standard #10 window: 1 1/8 × 4 1/2 in, 7/8 in from the left, 1/2 in from the bottom
/// (the envelope industry's "standard window" position, as in the brief).
const US_NO10: Envelope = Envelope {
    width_mm: 9.5 * MM_PER_IN,
    height_mm: 4.125 * MM_PER_IN,
    window_left_mm: 0.875 * MM_PER_IN,
    window_bottom_mm: 0.5 * MM_PER_IN,
    window_width_mm: 4.5 * MM_PER_IN,
    window_height_mm: 1.125 * MM_PER_IN,
};

/// DL envelope 220 × 110 mm (ISO 269) with the DIN 680 window:
/// 90 × 45 mm, 20 mm from the left, 15 mm from the bottom.
const DL_LEFT: Envelope = Envelope {
    width_mm: 220.0,
    height_mm: 110.0,
    window_left_mm: 20.0,
    window_bottom_mm: 15.0,
    window_width_mm: 90.0,
    window_height_mm: 45.0,
};

/// DL envelope with a right-hand window, as sold in Switzerland and France
/// (Swiss Post / SN 010130 layout): 100 × 45 mm, 20 mm from the right,
/// 15 mm from the bottom. Makers vary; the calibration page lets the owner
/// measure theirs and nudge the offset.
const DL_RIGHT: Envelope = Envelope {
    width_mm: 220.0,
    height_mm: 110.0,
    window_left_mm: 220.0 - 20.0 - 100.0,
    window_bottom_mm: 15.0,
    window_width_mm: 100.0,
    window_height_mm: 45.0,
};

/// DIN 5008 form B fold marks: 105 mm and 210 mm from the top of the sheet.
pub(crate) const DIN_B_FOLDS_MM: [f32; 2] = [105.0, 210.0];
/// DIN 5008 form A fold marks: 87 mm and 192 mm from the top of the sheet.
pub(crate) const DIN_A_FOLDS_MM: [f32; 2] = [87.0, 192.0];

/// Where the fold lines are and whether the sheet gets fold/punch marks.
pub(crate) struct Folding {
    /// Fold lines, mm from the top of the sheet; the first one is the bottom
    /// edge of the panel that faces the window.
    pub folds_mm: [f32; 2],
    /// Whether to print short fold marks in the left margin (DIN habit; US
    /// letters traditionally have none).
    pub marks: bool,
    /// Hole-punch mark, mm from the top: DIN 5008 puts it at 148.5 mm, half
    /// of A4's height; on Letter we use half of its height likewise.
    pub punch_mm: Option<f32>,
}

pub(crate) fn folding(paper: Paper, env: &EnvelopeLayout) -> Folding {
    let (_, h) = sheet_mm(paper);
    let third = [h / 3.0, h * 2.0 / 3.0]; // a tri-fold: 11/3 in panels on Letter, 99 mm on A4
    match effective_preset(paper, env) {
        EnvelopePreset::UsNo10 => Folding { folds_mm: third, marks: paper == Paper::A4, punch_mm: None },
        EnvelopePreset::Din5008A => Folding { folds_mm: DIN_A_FOLDS_MM, marks: true, punch_mm: Some(h / 2.0) },
        EnvelopePreset::Din5008B | EnvelopePreset::RightWindow => {
            Folding { folds_mm: DIN_B_FOLDS_MM, marks: true, punch_mm: Some(h / 2.0) }
        }
        EnvelopePreset::Custom => Folding {
            folds_mm: match paper {
                Paper::Letter => third,
                Paper::A4 => DIN_B_FOLDS_MM,
            },
            marks: paper == Paper::A4,
            punch_mm: (paper == Paper::A4).then_some(h / 2.0),
        },
    }
}

/// Custom without a measured window behaves like the paper's usual preset.
fn effective_preset(paper: Paper, env: &EnvelopeLayout) -> EnvelopePreset {
    match (env.preset, env.custom_window) {
        (EnvelopePreset::Custom, None) => EnvelopeLayout::standard_for(paper).preset,
        (p, _) => p,
    }
}

/// The window as it lands on the unfolded sheet, before the owner's nudges.
fn preset_window(paper: Paper, env: &Envelope, fold_mm: f32) -> WindowRect {
    let (sheet_w, _) = sheet_mm(paper);
    // Sideways play: the folded sheet can sit anywhere across the envelope.
    let play = (env.width_mm - sheet_w).max(0.0);
    // A panel taller than the envelope cannot go in; clamp so the maths stays on the sheet.
    let fold_mm = fold_mm.min(env.height_mm);
    // Resting on the bottom: the fold is at the envelope's bottom edge, so a point
    // `d` mm above the envelope bottom is `fold - d` mm from the top of the sheet.
    let top = (fold_mm - (env.window_bottom_mm + env.window_height_mm)).max(0.0);
    let bottom = fold_mm - env.window_bottom_mm;
    // Visible in every sideways position: sheet flush left shows
    // [left, left + w]; pushed right by `play` shows [left - play, left + w - play].
    let left = env.window_left_mm;
    let right = env.window_left_mm + env.window_width_mm - play;
    WindowRect { left_mm: left, top_mm: top, width_mm: (right - left).max(0.0), height_mm: (bottom - top).max(0.0) }
}

/// Where the address must sit on the unfolded sheet: the part of the envelope
/// window that shows whatever the sheet's sideways position, moved by the
/// owner's offsets. The address text keeps [`WINDOW_CLEARANCE_MM`] inside it.
pub fn window_for(paper: Paper, env: &EnvelopeLayout) -> WindowRect {
    let fold = folding(paper, env).folds_mm[0];
    let base = match effective_preset(paper, env) {
        EnvelopePreset::UsNo10 => preset_window(paper, &US_NO10, fold),
        EnvelopePreset::Din5008A | EnvelopePreset::Din5008B => preset_window(paper, &DL_LEFT, fold),
        EnvelopePreset::RightWindow => preset_window(paper, &DL_RIGHT, fold),
        EnvelopePreset::Custom => {
            env.custom_window.unwrap_or(WindowRect { left_mm: 0.0, top_mm: 0.0, width_mm: 0.0, height_mm: 0.0 })
        }
    };
    WindowRect { left_mm: base.left_mm + env.offset_x_mm, top_mm: base.top_mm + env.offset_y_mm, ..base }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f32, b: f32) -> bool {
        (a - b).abs() < 0.05
    }

    #[test]
    fn din_5008_fields_follow_from_the_dl_window() {
        let b = window_for(Paper::A4, &EnvelopeLayout::standard_for(Paper::A4));
        assert!(close(b.top_mm, 45.0) && close(b.height_mm, 45.0), "{b:?}");
        assert!(close(b.left_mm, 20.0) && close(b.width_mm, 80.0), "{b:?}");
        let a = window_for(
            Paper::A4,
            &EnvelopeLayout { preset: EnvelopePreset::Din5008A, ..EnvelopeLayout::standard_for(Paper::A4) },
        );
        assert!(close(a.top_mm, 27.0) && close(a.height_mm, 45.0), "{a:?}");
    }

    #[test]
    fn us_no10_trifold() {
        let w = window_for(Paper::Letter, &EnvelopeLayout::standard_for(Paper::Letter));
        // 11/3 in panel; window 1/2 .. 1 5/8 in above the fold.
        assert!(close(w.top_mm, (11.0 / 3.0 - 1.625) * 25.4), "{w:?}");
        assert!(close(w.bottom_mm(), (11.0 / 3.0 - 0.5) * 25.4), "{w:?}");
        assert!(close(w.left_mm, 0.875 * 25.4));
        assert!(close(w.right_mm(), 4.375 * 25.4), "{w:?}");
    }

    #[test]
    fn offsets_move_the_window() {
        let mut env = EnvelopeLayout::standard_for(Paper::A4);
        env.offset_x_mm = 2.0;
        env.offset_y_mm = -1.5;
        let w = window_for(Paper::A4, &env);
        assert!(close(w.left_mm, 22.0) && close(w.top_mm, 43.5));
    }
}
