//! Page flow: turns a letter's words into positioned text, lines and pictures.
//!
//! Everything is laid out before anything is drawn, so each letter knows its
//! page count ("Page 2 of 3"). Coordinates here are points from the page's
//! top-left corner. This module must never place text outside the page or
//! the margins, never let the address leave the envelope window (it returns
//! an error instead), and never talks to printpdf.
use super::envelope::{self, Folding, PT_PER_MM, WINDOW_CLEARANCE_MM};
use super::error::PdfError;
use super::fonts::{FontKey, Metrics};
use super::spec::{DocumentSpec, PdfLetter, WindowRect};
use super::wrap::wrap;
use crate::letter_text::bullet_item;

/// An RGB colour, 0..1 per channel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rgb(pub f32, pub f32, pub f32);

pub(crate) const INK: Rgb = Rgb(0.08, 0.08, 0.1);
pub(crate) const ACCENT: Rgb = Rgb(0.12, 0.23, 0.37);
pub(crate) const MUTED: Rgb = Rgb(0.33, 0.34, 0.37);
pub(crate) const FAINT: Rgb = Rgb(0.6, 0.6, 0.62);

/// Which shared picture an [`Item::Image`] shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ImageSlot {
    Logo,
    Signature,
    /// A photo of a change, by its id in `DocumentSpec::photos`.
    Photo(i64),
}

/// One thing to draw. `y`/`baseline` are measured down from the page top.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Item {
    Text { x: f32, baseline: f32, font: FontKey, size: f32, color: Rgb, text: String },
    Line { x1: f32, y1: f32, x2: f32, y2: f32, width: f32, color: Rgb, dashed: bool },
    Rect { x: f32, y: f32, w: f32, h: f32, width: f32, color: Rgb, dashed: bool },
    Image { slot: ImageSlot, x: f32, y: f32, w: f32, h: f32 },
}

impl Item {
    fn shifted(mut self, dy: f32) -> Item {
        match &mut self {
            Item::Text { baseline, .. } => *baseline += dy,
            Item::Line { y1, y2, .. } => {
                *y1 += dy;
                *y2 += dy;
            }
            Item::Rect { y, .. } | Item::Image { y, .. } => *y += dy,
        }
        self
    }
}

/// A rectangle in points, top-left origin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Area {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Area {
    fn from_mm(r: &WindowRect) -> Area {
        Area {
            x: r.left_mm * PT_PER_MM,
            y: r.top_mm * PT_PER_MM,
            w: r.width_mm * PT_PER_MM,
            h: r.height_mm * PT_PER_MM,
        }
    }
    fn inset(&self, d: f32) -> Area {
        Area { x: self.x + d, y: self.y + d, w: (self.w - 2.0 * d).max(0.0), h: (self.h - 2.0 * d).max(0.0) }
    }
    pub(crate) fn right(&self) -> f32 {
        self.x + self.w
    }
    pub(crate) fn bottom(&self) -> f32 {
        self.y + self.h
    }
}

// Type sizes and spacing, in points.
const BODY: f32 = 10.5;
const LEAD: f32 = 13.5;
const PARA_GAP: f32 = 6.0;
const ADDRESS_MAX: f32 = 10.0;
const ADDRESS_MIN: f32 = 8.0;
const RETURN_MAX: f32 = 6.5;
const RETURN_MIN: f32 = 5.0;
const SMALL: f32 = 8.0;

/// Page furniture computed once per document and shared by every letter.
pub(crate) struct Geometry {
    pub page_w: f32,
    pub page_h: f32,
    margin_l: f32,
    margin_r: f32,
    margin_top: f32,
    margin_bottom: f32,
    pub window: Area,
    /// The window shrunk by the postal clearance: where address text may go.
    pub text_area: Area,
    window_on_right: bool,
    folding: Folding,
    /// Letterhead items for first pages, and where the letterhead ends.
    letterhead: Vec<Item>,
    letterhead_bottom: f32,
    business_name: String,
    /// Signature picture size in pt, when there is one.
    signature: Option<(f32, f32)>,
    /// Pixel sizes of the document's photos, by id.
    photo_px: std::collections::HashMap<i64, (usize, usize)>,
}

fn text(x: f32, baseline: f32, font: FontKey, size: f32, color: Rgb, s: &str) -> Item {
    Item::Text { x, baseline, font, size, color, text: s.to_string() }
}

/// Fit a picture of `px` pixels into a `max_w` × `max_h` box, keeping its shape.
fn fit(px: (usize, usize), max_w: f32, max_h: f32) -> (f32, f32) {
    let (pw, ph) = (px.0.max(1) as f32, px.1.max(1) as f32);
    let s = (max_w / pw).min(max_h / ph);
    (pw * s, ph * s)
}

impl Geometry {
    /// `logo_px`/`signature_px`: pixel sizes of the decoded pictures.
    pub(crate) fn new(
        spec: &DocumentSpec,
        logo_px: Option<(usize, usize)>,
        signature_px: Option<(usize, usize)>,
    ) -> Result<Geometry, PdfError> {
        let (page_w, page_h) = spec.paper.size_pt();
        let win_mm = envelope::window_for(spec.paper, &spec.envelope);
        let window = Area::from_mm(&win_mm);
        let text_area = window.inset(WINDOW_CLEARANCE_MM * PT_PER_MM);
        if text_area.w < 72.0
            || text_area.h < 24.0
            || window.x < 0.0
            || window.y < 0.0
            || window.right() > page_w
            || window.bottom() > page_h
        {
            return Err(PdfError::BadWindow { width_mm: win_mm.width_mm, height_mm: win_mm.height_mm });
        }
        let (margin_l, margin_r, margin_top, margin_bottom) = match spec.paper {
            // 1 in sides line the body up with the #10 address (7/8 in + 1/8 in clearance).
            super::spec::Paper::Letter => (72.0, 72.0, 36.0, 0.6 * 72.0),
            // DIN 5008: text starts 25 mm from the left, at least 20 mm on the right.
            super::spec::Paper::A4 => (25.0 * PT_PER_MM, 20.0 * PT_PER_MM, 10.0 * PT_PER_MM, 18.0 * PT_PER_MM),
        };
        let mut g = Geometry {
            page_w,
            page_h,
            margin_l,
            margin_r,
            margin_top,
            margin_bottom,
            window,
            text_area,
            window_on_right: window.x + window.w / 2.0 > page_w / 2.0,
            folding: envelope::folding(spec.paper, &spec.envelope),
            letterhead: Vec::new(),
            letterhead_bottom: margin_top,
            business_name: spec.letterhead.business_name.trim().to_string(),
            signature: signature_px.map(|px| fit(px, 160.0, 46.0)),
            // Only photos the renderer will embed get space on the page.
            photo_px: spec
                .photos
                .iter()
                .filter(|(_, p)| p.embeddable())
                .map(|(id, p)| (*id, (p.width as usize, p.height as usize)))
                .collect(),
        };
        // Try the roomy letterhead first, then a compact one if it would reach the window.
        let limit = window.y - 4.0;
        let (items, bottom) = g.letterhead_items(spec, logo_px, false, limit);
        if bottom <= limit {
            g.letterhead = items;
            g.letterhead_bottom = bottom;
        } else {
            let (items, bottom) = g.letterhead_items(spec, logo_px, true, limit);
            g.letterhead = items;
            g.letterhead_bottom = bottom;
        }
        Ok(g)
    }

    fn text_width(&self) -> f32 {
        self.page_w - self.margin_l - self.margin_r
    }

    fn letterhead_items(
        &self,
        spec: &DocumentSpec,
        logo_px: Option<(usize, usize)>,
        compact: bool,
        limit: f32,
    ) -> (Vec<Item>, f32) {
        let m = Metrics::get();
        let lh = &spec.letterhead;
        let top = if compact { 7.0 * PT_PER_MM } else { self.margin_top };
        let mut items = Vec::new();
        let mut bottom = top;
        let mut x = self.margin_l;
        if let Some(px) = logo_px {
            let max_h = if compact { 36.0f32 } else { 54.0 }.min((limit - top).max(18.0));
            let (w, h) = fit(px, 140.0, max_h);
            items.push(Item::Image { slot: ImageSlot::Logo, x, y: top, w, h });
            bottom = bottom.max(top + h);
            x += w + 12.0;
        }
        let avail = self.page_w - self.margin_r - x;
        let (mut name_size, small, lead) = if compact { (13.0, 7.5, 9.0) } else { (16.0, 8.5, 11.0) };
        let name = lh.business_name.trim();
        while name_size > 9.0 && m.width(name, FontKey::SansBold, name_size) > avail {
            name_size -= 0.5;
        }
        let mut baseline = top + m.ascent(FontKey::SansBold, name_size) - 2.0;
        for (i, line) in wrap(name, FontKey::SansBold, name_size, avail).iter().enumerate() {
            if i > 0 {
                baseline += name_size * 1.15;
            }
            if !line.is_empty() {
                items.push(text(x, baseline, FontKey::SansBold, name_size, ACCENT, line));
            }
        }
        bottom = bottom.max(baseline + m.descent(FontKey::SansBold, name_size));
        baseline += 4.0;
        let address = join(lh.address_lines.iter().map(String::as_str));
        let contact = join([lh.phone.as_deref(), lh.email.as_deref(), lh.website.as_deref()].into_iter().flatten());
        for block in [address, contact] {
            if block.is_empty() {
                continue;
            }
            for line in wrap(&block, FontKey::Sans, small, avail) {
                baseline += lead;
                items.push(text(x, baseline, FontKey::Sans, small, MUTED, &line));
                bottom = bottom.max(baseline + m.descent(FontKey::Sans, small));
            }
        }
        // A thin accent rule under the letterhead, unless it would show in the window.
        let rule_y = bottom + 6.0;
        if rule_y <= self.window.y - 6.0 {
            items.push(Item::Line {
                x1: self.margin_l,
                y1: rule_y,
                x2: self.page_w - self.margin_r,
                y2: rule_y,
                width: 0.75,
                color: ACCENT,
                dashed: false,
            });
            bottom = rule_y;
        }
        (items, bottom)
    }

    /// Fold and punch marks in the left margin (first pages only).
    fn marks(&self) -> Vec<Item> {
        let mut out = Vec::new();
        let mark = |y_mm: f32, len_mm: f32| Item::Line {
            x1: 4.0 * PT_PER_MM,
            y1: y_mm * PT_PER_MM,
            x2: (4.0 + len_mm) * PT_PER_MM,
            y2: y_mm * PT_PER_MM,
            width: 0.5,
            color: FAINT,
            dashed: false,
        };
        if self.folding.marks {
            for f in self.folding.folds_mm {
                out.push(mark(f, 5.0));
            }
        }
        if let Some(p) = self.folding.punch_mm {
            out.push(mark(p, 8.0));
        }
        out
    }
}

/// Join non-empty trimmed parts with a middle dot.
fn join<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    parts.map(str::trim).filter(|s| !s.is_empty()).collect::<Vec<_>>().join("  ·  ")
}

/// Whether `letter`'s address fits the envelope window, checked on its own so
/// a batch can leave out the one letter that does not fit instead of failing.
pub(crate) fn check_address(spec: &DocumentSpec, letter: &PdfLetter) -> Result<(), PdfError> {
    address_block(&Geometry::new(spec, None, None)?, letter, 1).map(|_| ())
}

/// The address block, fitted into the window.
fn address_block(g: &Geometry, letter: &PdfLetter, letter_no: usize) -> Result<Vec<Item>, PdfError> {
    let m = Metrics::get();
    let lines: Vec<&str> = letter.recipient.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
    let recipient_name = lines.first().map_or_else(|| format!("letter {letter_no}"), |s| s.to_string());
    if lines.is_empty() {
        return Err(PdfError::EmptyAddress { letter_no });
    }
    let area = g.text_area;
    // Line the address up with the body text when the margin falls inside the window.
    let x = if g.margin_l >= area.x && g.margin_l < area.right() - 72.0 { g.margin_l } else { area.x };
    let avail_w = area.right() - x;
    let ret = letter.return_address.trim();
    let ret_size = if ret.is_empty() {
        0.0
    } else {
        let mut s = RETURN_MAX;
        while m.width(ret, FontKey::Sans, s) > avail_w {
            s -= 0.25;
            if s < RETURN_MIN {
                return Err(PdfError::ReturnAddressTooWide { line: ret.to_string() });
            }
        }
        s
    };
    let ret_h =
        if ret.is_empty() { 0.0 } else { m.ascent(FontKey::Sans, ret_size) + m.descent(FontKey::Sans, ret_size) + 2.0 };
    let height = |size: f32, n: usize| {
        ret_h + (n as f32 - 1.0) * size * 1.18 + m.ascent(FontKey::Serif, size) + m.descent(FontKey::Serif, size)
    };
    let mut size = ADDRESS_MAX;
    loop {
        let widest = lines.iter().map(|l| (m.width(l, FontKey::Serif, size), *l)).fold((0.0f32, ""), |a, b| {
            if b.0 > a.0 {
                b
            } else {
                a
            }
        });
        let fits_w = widest.0 <= avail_w;
        let fits_h = height(size, lines.len()) <= area.h;
        if fits_w && fits_h {
            break;
        }
        if size <= ADDRESS_MIN {
            if !fits_w {
                return Err(PdfError::AddressLineTooWide { recipient: recipient_name, line: widest.1.to_string() });
            }
            let max_lines = (1..=lines.len()).take_while(|&n| height(ADDRESS_MIN, n) <= area.h).count();
            return Err(PdfError::AddressTooTall { recipient: recipient_name, lines: lines.len(), max_lines });
        }
        size -= 0.5;
    }
    let mut items = Vec::new();
    let mut y = area.y;
    if !ret.is_empty() {
        let base = y + m.ascent(FontKey::Sans, ret_size);
        items.push(text(x, base, FontKey::Sans, ret_size, MUTED, ret));
        let under = base + m.descent(FontKey::Sans, ret_size) * 0.6;
        items.push(Item::Line {
            x1: x,
            y1: under,
            x2: x + m.width(ret, FontKey::Sans, ret_size),
            y2: under,
            width: 0.3,
            color: FAINT,
            dashed: false,
        });
        y += ret_h;
    }
    let mut base = y + m.ascent(FontKey::Serif, size);
    for l in &lines {
        items.push(text(x, base, FontKey::Serif, size, INK, l));
        base += size * 1.18;
    }
    Ok(items)
}

/// A slice of the body that moves to the next page as a whole.
struct Chunk {
    h: f32,
    space_before: f32,
    keep_with_next: bool,
    items: Vec<Item>,
}

/// Paragraph lines as chunks, with no single first or last line left alone on a page.
fn paragraph(out: &mut Vec<Chunk>, s: &str, font: FontKey, x: f32, width: f32, space_before: f32) {
    let m = Metrics::get();
    let lines = wrap(s, font, BODY, width);
    let n = lines.len();
    let asc = m.ascent(font, BODY);
    for (i, line) in lines.into_iter().enumerate() {
        out.push(Chunk {
            h: LEAD,
            space_before: if i == 0 { space_before } else { 0.0 },
            keep_with_next: n > 1 && (i == 0 || i + 2 == n),
            items: vec![text(x, asc + (LEAD - BODY) / 2.0, font, BODY, INK, &line)],
        });
    }
}

/// A paragraph as the owner typed it: its line breaks kept, and lines that
/// start with "- " or "• " set as bullet items with a hanging indent.
fn owner_paragraph(out: &mut Vec<Chunk>, p: &str, x: f32, w: f32) {
    let m = Metrics::get();
    let asc = m.ascent(FontKey::Serif, BODY) + (LEAD - BODY) / 2.0;
    // Continuation lines of a bullet (indented under it) belong to that item.
    let mut items: Vec<(bool, String)> = Vec::new();
    for line in p.lines() {
        match bullet_item(line) {
            Some(item) => items.push((true, item.to_string())),
            None => match items.last_mut() {
                Some((true, prev)) if line.starts_with(' ') || line.starts_with('\t') => {
                    prev.push(' ');
                    prev.push_str(line.trim());
                }
                _ => items.push((false, line.trim().to_string())),
            },
        }
    }
    let (bullet_x, text_x) = (x + 8.0, x + 20.0);
    for (i, (bullet, s)) in items.iter().enumerate() {
        let gap = match (i, bullet) {
            (0, _) => PARA_GAP,
            (_, true) => 3.0,
            _ => 0.0,
        };
        if !bullet {
            paragraph(out, s, FontKey::Serif, x, w, gap);
            continue;
        }
        let lines = wrap(s, FontKey::Serif, BODY, x + w - text_x);
        let n = lines.len();
        for (row, line) in lines.into_iter().enumerate() {
            let mut its = vec![text(text_x, asc, FontKey::Serif, BODY, INK, &line)];
            if row == 0 {
                its.push(text(bullet_x, asc, FontKey::Serif, BODY, ACCENT, "•"));
            }
            out.push(Chunk {
                h: LEAD,
                space_before: if row == 0 { gap } else { 0.0 },
                keep_with_next: n > 1 && (row == 0 || row + 2 == n),
                items: its,
            });
        }
    }
}

fn body_chunks(g: &Geometry, letter: &PdfLetter) -> Vec<Chunk> {
    let m = Metrics::get();
    let t = &letter.text;
    let x = g.margin_l;
    let w = g.text_width();
    let mut out: Vec<Chunk> = Vec::new();
    if !t.subject.trim().is_empty() {
        paragraph(&mut out, t.subject.trim(), FontKey::SerifBold, x, w, 0.0);
        if let Some(c) = out.last_mut() {
            c.keep_with_next = true;
        }
    }
    if !t.salutation.trim().is_empty() {
        paragraph(&mut out, t.salutation.trim(), FontKey::Serif, x, w, 10.0);
        if let Some(c) = out.last_mut() {
            c.keep_with_next = true;
        }
    }
    for (i, p) in t.paragraphs.iter().enumerate() {
        if !p.trim().is_empty() {
            owner_paragraph(&mut out, p.trim(), x, w);
        }
        for b in t.photo_blocks.iter().filter(|b| b.after_paragraph == Some(i)) {
            photo_block(&mut out, g, &b.caption, &b.photo_ids, x, w);
        }
    }
    for b in t.photo_blocks.iter().filter(|b| b.after_paragraph.is_none_or(|i| i >= t.paragraphs.len())) {
        photo_block(&mut out, g, &b.caption, &b.photo_ids, x, w);
    }
    // The changes: bullet, date in bold in its own column, then the text.
    let changes: Vec<_> = t.changes.iter().filter(|c| !c.text.trim().is_empty() || !c.date.trim().is_empty()).collect();
    if !changes.is_empty() {
        let bullet_x = x + 8.0;
        let date_x = x + 20.0;
        let widest = changes.iter().map(|c| m.width(c.date.trim(), FontKey::SerifBold, BODY)).fold(0.0f32, f32::max);
        let col = (widest + 12.0).min(w * 0.35);
        let text_x = date_x + col;
        let text_w = x + w - text_x;
        let asc = m.ascent(FontKey::Serif, BODY) + (LEAD - BODY) / 2.0;
        for (i, c) in changes.iter().enumerate() {
            let date = c.date.trim();
            let date_lines = wrap(date, FontKey::SerifBold, BODY, col - 8.0);
            let text_lines = wrap(c.text.trim(), FontKey::Serif, BODY, text_w);
            let n = date_lines.len().max(text_lines.len());
            for row in 0..n {
                let mut items = Vec::new();
                if row == 0 {
                    items.push(text(bullet_x, asc, FontKey::Serif, BODY, ACCENT, "•"));
                }
                if let Some(d) = date_lines.get(row).filter(|d| !d.is_empty()) {
                    items.push(text(date_x, asc, FontKey::SerifBold, BODY, INK, d));
                }
                if let Some(l) = text_lines.get(row).filter(|l| !l.is_empty()) {
                    items.push(text(text_x, asc, FontKey::Serif, BODY, INK, l));
                }
                let has_photos = c.photo_ids.iter().any(|id| g.photo_px.contains_key(id));
                out.push(Chunk {
                    h: LEAD,
                    space_before: match (row, i) {
                        (0, 0) => PARA_GAP,
                        (0, _) => 3.0,
                        _ => 0.0,
                    },
                    // The change's last line stays with its photos.
                    keep_with_next: n > 1 && (row == 0 || row + 2 == n) || (has_photos && row + 1 == n),
                    items,
                });
            }
            photo_row(&mut out, g, &c.photo_ids, text_x, text_w);
        }
    }
    for (i, p) in t.after_changes.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).enumerate() {
        let gap = if i == 0 && !changes.is_empty() { PARA_GAP + 3.0 } else { PARA_GAP };
        paragraph(&mut out, p, FontKey::Serif, x, w, gap);
    }
    // Closing, signature and signer stay together.
    if let Some(c) = out.last_mut() {
        c.keep_with_next = true;
    }
    let mut items = Vec::new();
    let asc = m.ascent(FontKey::Serif, BODY) + (LEAD - BODY) / 2.0;
    let mut y = 0.0;
    for line in wrap(t.closing.trim(), FontKey::Serif, BODY, w) {
        if !line.is_empty() {
            items.push(text(x, y + asc, FontKey::Serif, BODY, INK, &line));
        }
        y += LEAD;
    }
    match g.signature {
        Some((sw, sh)) => {
            items.push(Item::Image { slot: ImageSlot::Signature, x, y: y + 3.0, w: sw, h: sh });
            y += sh + 6.0;
        }
        None => y += 34.0,
    }
    for line in wrap(t.signer_name.trim(), FontKey::SerifBold, BODY, w) {
        if !line.is_empty() {
            items.push(text(x, y + asc, FontKey::SerifBold, BODY, INK, &line));
        }
        y += LEAD;
    }
    let title_size = BODY - 1.0;
    for line in wrap(t.signer_title.trim(), FontKey::Serif, title_size, w) {
        if !line.is_empty() {
            items.push(text(x, y + asc - 1.0, FontKey::Serif, title_size, MUTED, &line));
        }
        y += LEAD - 1.0;
    }
    out.push(Chunk { h: y, space_before: PARA_GAP + 3.0, keep_with_next: false, items });
    out
}

/// Up to [`crate::photos::PHOTOS_PER_CHANGE`] photos side by side, each
/// scaled to fit its share of `w` and the print box, as one chunk.
fn photo_row(out: &mut Vec<Chunk>, g: &Geometry, ids: &[i64], x: f32, w: f32) {
    let shown: Vec<(i64, (usize, usize))> = ids
        .iter()
        .filter_map(|id| g.photo_px.get(id).map(|px| (*id, *px)))
        .take(crate::photos::PHOTOS_PER_CHANGE)
        .collect();
    if shown.is_empty() {
        return;
    }
    let gap = 8.0;
    let (box_w, box_h) = (crate::photos::PRINT_BOX_MM.0 * PT_PER_MM, crate::photos::PRINT_BOX_MM.1 * PT_PER_MM);
    let each_w = ((w - gap * (shown.len() - 1) as f32) / shown.len() as f32).min(box_w);
    let mut items = Vec::new();
    let mut px = x;
    let mut row_h: f32 = 0.0;
    for (id, size) in &shown {
        let (pw, ph) = fit(*size, each_w, box_h);
        items.push(Item::Image { slot: ImageSlot::Photo(*id), x: px, y: 0.0, w: pw, h: ph });
        px += pw + gap;
        row_h = row_h.max(ph);
    }
    out.push(Chunk { h: row_h, space_before: 5.0, keep_with_next: false, items });
}

/// Photos among the owner's own paragraphs: a caption (the change's date and
/// text), kept with the photos under it.
fn photo_block(out: &mut Vec<Chunk>, g: &Geometry, caption: &str, ids: &[i64], x: f32, w: f32) {
    if !ids.iter().any(|id| g.photo_px.contains_key(id)) {
        return;
    }
    let m = Metrics::get();
    let asc = m.ascent(FontKey::Sans, SMALL);
    let lines = wrap(caption.trim(), FontKey::Sans, SMALL, w);
    for (i, line) in lines.iter().enumerate() {
        out.push(Chunk {
            h: SMALL * 1.35,
            space_before: if i == 0 { PARA_GAP + 2.0 } else { 0.0 },
            keep_with_next: true,
            items: vec![text(x, asc, FontKey::Sans, SMALL, MUTED, line)],
        });
    }
    photo_row(out, g, ids, x, w);
    if let Some(row) = out.last_mut() {
        row.space_before = 3.0;
    }
}

/// Lay out one letter: pages of items, page numbers included.
pub(crate) fn layout_letter(g: &Geometry, letter: &PdfLetter, letter_no: usize) -> Result<Vec<Vec<Item>>, PdfError> {
    let m = Metrics::get();
    let address = address_block(g, letter, letter_no)?;
    let mut first: Vec<Item> = Vec::with_capacity(64);
    first.extend(g.marks());
    first.extend(g.letterhead.iter().cloned());
    first.extend(address);

    // Date: beside the window at the height of the address, on the side away from it.
    let date = letter.date.trim();
    let date_size = BODY;
    let date_w = m.width(date, FontKey::Serif, date_size);
    let date_asc = m.ascent(FontKey::Serif, date_size);
    let right = g.page_w - g.margin_r;
    let mut body_top = g.window.bottom() + 20.0;
    if !date.is_empty() {
        let beside_base = g.text_area.y.max(g.letterhead_bottom + 8.0) + date_asc;
        let beside_x = if g.window_on_right { g.margin_l } else { right - date_w };
        let clear = if g.window_on_right {
            beside_x + date_w <= g.window.x - 12.0
        } else {
            beside_x >= g.window.right() + 12.0
        };
        if clear {
            first.push(text(beside_x, beside_base, FontKey::Serif, date_size, INK, date));
        } else {
            // No room beside the window: put the date on its own line under it.
            let base = g.window.bottom() + 14.0 + date_asc;
            first.push(text(g.margin_l, base, FontKey::Serif, date_size, INK, date));
            body_top = base + 20.0;
        }
    }

    let top_first = body_top;
    let header_top = g.margin_top;
    let top_next = header_top + 30.0;
    let bottom = g.page_h - g.margin_bottom;

    let chunks = body_chunks(g, letter);
    let mut pages: Vec<Vec<Item>> = vec![first];
    let mut y = top_first;
    let mut page_top = true;
    let mut i = 0;
    while i < chunks.len() {
        // The group of chunks that must stay together with chunk i.
        let mut j = i;
        while chunks[j].keep_with_next && j + 1 < chunks.len() {
            j += 1;
        }
        let group_h: f32 = chunks[i..=j]
            .iter()
            .enumerate()
            .map(|(k, c)| c.h + if k == 0 && page_top { 0.0 } else { c.space_before })
            .sum();
        if !page_top && y + group_h > bottom && group_h <= bottom - top_next {
            pages.push(Vec::new());
            y = top_next;
            page_top = true;
        }
        for c in &chunks[i..=j] {
            let gap = if page_top { 0.0 } else { c.space_before };
            if !page_top && y + gap + c.h > bottom {
                pages.push(Vec::new());
                y = top_next;
                page_top = true;
            }
            let gap = if page_top { 0.0 } else { c.space_before };
            y += gap;
            let page = pages.last_mut().expect("at least one page");
            page.extend(c.items.iter().cloned().map(|it| it.shifted(y)));
            y += c.h;
            page_top = false;
        }
        i = j + 1;
    }

    let total = pages.len();
    if total > 1 {
        let recipient = letter.recipient.first().map(|s| s.trim()).unwrap_or("");
        let right_text = join([recipient, date].into_iter());
        for (n, page) in pages.iter_mut().enumerate() {
            if n > 0 {
                let base = header_top + m.ascent(FontKey::SansBold, SMALL);
                page.push(text(g.margin_l, base, FontKey::SansBold, SMALL, ACCENT, &g.business_name));
                let rw = m.width(&right_text, FontKey::Sans, SMALL);
                let lw = m.width(&g.business_name, FontKey::SansBold, SMALL);
                let (rx, rbase) = if g.margin_l + lw + 18.0 + rw <= right {
                    (right - rw, base)
                } else {
                    (g.margin_l, base + SMALL * 1.3)
                };
                for (k, line) in wrap(&right_text, FontKey::Sans, SMALL, g.text_width()).iter().enumerate() {
                    let lx = if k == 0 { rx } else { g.margin_l };
                    page.push(text(lx, rbase + k as f32 * SMALL * 1.3, FontKey::Sans, SMALL, MUTED, line));
                }
                let rule = top_next - 8.0;
                page.push(Item::Line {
                    x1: g.margin_l,
                    y1: rule,
                    x2: right,
                    y2: rule,
                    width: 0.5,
                    color: FAINT,
                    dashed: false,
                });
            }
            let label = format!("Page {} of {}", n + 1, total);
            let lw = m.width(&label, FontKey::Sans, SMALL);
            let base = g.page_h - g.margin_bottom + 20.0;
            page.push(text((g.page_w - lw) / 2.0, base, FontKey::Sans, SMALL, MUTED, &label));
        }
    }
    Ok(pages)
}

/// The calibration sheet: window outline, clearance, folds and a sample address.
pub(crate) fn layout_calibration(g: &Geometry, spec: &DocumentSpec) -> Result<Vec<Item>, PdfError> {
    let m = Metrics::get();
    let mut items = Vec::new();
    items.extend(g.marks());
    items.extend(g.letterhead.iter().cloned());
    // Window outline (dashed) and the clearance line (dotted-looking, fainter).
    let w = g.window;
    items.push(Item::Rect { x: w.x, y: w.y, w: w.w, h: w.h, width: 0.8, color: ACCENT, dashed: true });
    // The clear area inside it, marked by its corners only so no line crosses the text.
    let t = g.text_area;
    let tick = 7.0;
    for (cx, cy, dx, dy) in [
        (t.x, t.y, 1.0, 1.0),
        (t.right(), t.y, -1.0, 1.0),
        (t.x, t.bottom(), 1.0, -1.0),
        (t.right(), t.bottom(), -1.0, -1.0),
    ] {
        for (ex, ey) in [(cx + dx * tick, cy), (cx, cy + dy * tick)] {
            items.push(Item::Line { x1: cx, y1: cy, x2: ex, y2: ey, width: 0.5, color: MUTED, dashed: false });
        }
    }
    // Fold lines across the whole sheet, faint and dashed.
    for f in g.folding.folds_mm {
        let y = f * PT_PER_MM;
        items.push(Item::Line {
            x1: 12.0 * PT_PER_MM,
            y1: y,
            x2: g.page_w - 12.0 * PT_PER_MM,
            y2: y,
            width: 0.4,
            color: FAINT,
            dashed: true,
        });
        let label = "fold here";
        items.push(text(
            g.page_w - 12.0 * PT_PER_MM - m.width(label, FontKey::Sans, 7.0),
            y - 3.0,
            FontKey::Sans,
            7.0,
            FAINT,
            label,
        ));
    }
    let name = spec.letterhead.business_name.trim();
    let sample = PdfLetter {
        return_address: if name.is_empty() {
            "Your business · 1 Example Street · Your town".into()
        } else {
            format!("{name} · return address")
        },
        recipient: vec![
            "Sample Customer".into(),
            "123 Example Street".into(),
            "Apartment 4B".into(),
            "Springfield 12345".into(),
        ],
        date: String::new(),
        text: Default::default(),
    };
    items.extend(address_block(g, &sample, 1)?);
    // Label beside the window.
    let lx = if g.window_on_right { g.margin_l } else { w.right() + 10.0 };
    let lw = if g.window_on_right { w.x - 10.0 - g.margin_l } else { g.page_w - g.margin_r - lx };
    let mut base = w.y + m.ascent(FontKey::Sans, SMALL);
    for line in wrap(
        "Dashed box: the part of the envelope window that shows however the folded sheet slides. The address must stay inside the corner marks.",
        FontKey::Sans,
        SMALL,
        lw.max(60.0),
    ) {
        items.push(text(lx, base, FontKey::Sans, SMALL, ACCENT, &line));
        base += SMALL * 1.3;
    }
    // Instructions in the body area.
    let env = &spec.envelope;
    let win = envelope::window_for(spec.paper, env);
    let paras = [
        "Envelope calibration".to_string(),
        "1. Print this page at actual size (100 %, not \u{201C}fit to page\u{201D}).".to_string(),
        "2. Fold it at the fold marks, address side out, and slide it into one of your window envelopes. Tap the envelope on the table so the sheet settles at the bottom.".to_string(),
        "3. The sample address must show completely through the window, with a little space on every side. If it does not, measure how far it is off and change the offset in the settings: a positive right offset moves the address right, a positive down offset moves it down. Print this page again to check.".to_string(),
        {
            let inches = |mm: f32| mm / envelope::MM_PER_IN;
            let us = if spec.paper == super::spec::Paper::Letter {
                format!(
                    " ({:.2} in from the left, {:.2} in from the top, {:.2} × {:.2} in)",
                    inches(win.left_mm),
                    inches(win.top_mm),
                    inches(win.width_mm),
                    inches(win.height_mm)
                )
            } else {
                String::new()
            };
            format!(
                "Window on the sheet: {:.1} mm from the left, {:.1} mm from the top, {:.1} × {:.1} mm{us}. Current offsets: {:+.1} mm right, {:+.1} mm down.",
                win.left_mm, win.top_mm, win.width_mm, win.height_mm, env.offset_x_mm, env.offset_y_mm
            )
        },
    ];
    // Start the instructions below the first fold so no fold line crosses them.
    let mut y = (w.bottom() + 28.0).max(g.folding.folds_mm[0] * PT_PER_MM + 12.0);
    for (i, p) in paras.iter().enumerate() {
        let font = if i == 0 { FontKey::SerifBold } else { FontKey::Serif };
        for line in wrap(p, font, BODY, g.text_width()) {
            y += LEAD;
            items.push(text(g.margin_l, y, font, BODY, INK, &line));
        }
        y += PARA_GAP;
    }
    Ok(items)
}
