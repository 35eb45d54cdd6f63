//! Drawing laid-out pages with printpdf and writing the finished PDF.
//!
//! Fonts and pictures are registered once per document and reused on every
//! page. Streams are compressed at a fast zlib level while writing (printpdf's
//! own save path uses the slowest level). This module must never decide where
//! anything goes (that is `layout`), and never opens or renames files: it only
//! writes to the `Write` it is handed.
use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use flate2::write::ZlibEncoder;
use flate2::Compression;
use printpdf::{
    Color, DictItem, ExternalStream, ExternalXObject, FontId, Line, LineDashPattern, LinePoint, Op, PaintMode,
    ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Px, RawImage, Rect, TextItem,
    TextMatrix, XObjectId, XObjectTransform,
};

use super::error::PdfError;
use super::fonts::{FontKey, Metrics};
use super::images;
use super::layout::{Geometry, ImageSlot, Item, Rgb};
use super::spec::{DocumentSpec, LetterPhoto};

/// zlib level for page and font streams: level 3 is several times faster than
/// the default save path's level 9, for a file about 9 % larger.
const FLATE_LEVEL: u32 = 3;

/// A document being built: fonts and pictures registered once, pages appended.
pub(crate) struct Builder {
    doc: PdfDocument,
    fonts: [Option<FontId>; 4],
    logo: Option<(XObjectId, usize, usize)>,
    signature: Option<(XObjectId, usize, usize)>,
    /// Photos of changes, embedded on first use: a batch that shows one photo
    /// in a thousand letters holds it once.
    photos: HashMap<i64, (XObjectId, usize, usize)>,
    photo_bytes: BTreeMap<i64, LetterPhoto>,
    pub geometry: Geometry,
    page_w: f32,
    page_h: f32,
    pages: Vec<PdfPage>,
}

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb::new(c.0, c.1, c.2, None))
}

impl Builder {
    pub(crate) fn new(spec: &DocumentSpec, title: &str) -> Result<Builder, PdfError> {
        let mut doc = PdfDocument::new(title);
        doc.metadata.info.creator = "Amends".into();
        doc.metadata.info.producer = "Amends".into();
        doc.metadata.info.author = spec.letterhead.business_name.clone();
        let mut add = |bytes: &Option<Vec<u8>>, what: &str| -> Result<Option<(XObjectId, usize, usize)>, PdfError> {
            match bytes {
                None => Ok(None),
                Some(b) => {
                    let img: RawImage = images::decode(b, what)?;
                    let (w, h) = (img.width, img.height);
                    Ok(Some((doc.add_image(&img), w, h)))
                }
            }
        };
        let logo = add(&spec.letterhead.logo, "logo")?;
        let signature = add(&spec.signature, "signature")?;
        let geometry = Geometry::new(spec, logo.as_ref().map(|l| (l.1, l.2)), signature.as_ref().map(|s| (s.1, s.2)))?;
        let (page_w, page_h) = spec.paper.size_pt();
        Ok(Builder {
            doc,
            fonts: [None, None, None, None],
            logo,
            signature,
            photos: HashMap::new(),
            photo_bytes: spec.photos.clone(),
            geometry,
            page_w,
            page_h,
            pages: Vec::new(),
        })
    }

    /// The printpdf font for a face, parsed and registered on first use only.
    fn font(&mut self, k: FontKey) -> FontId {
        if let Some(id) = &self.fonts[k as usize] {
            return id.clone();
        }
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(k.bytes(), 0, &mut warnings).expect("embedded DejaVu font parses");
        let id = self.doc.add_font(&parsed);
        self.fonts[k as usize] = Some(id.clone());
        id
    }

    /// The XObject of a photo, embedding its JPEG as it is (DCTDecode) the first time.
    fn photo(&mut self, id: i64) -> Option<(XObjectId, usize, usize)> {
        if let Some(p) = self.photos.get(&id) {
            return Some(p.clone());
        }
        let p = self.photo_bytes.remove(&id)?;
        if !p.embeddable() {
            return None;
        }
        let dict = BTreeMap::from([
            ("Type".to_string(), DictItem::Name(b"XObject".to_vec())),
            ("Subtype".to_string(), DictItem::Name(b"Image".to_vec())),
            ("Width".to_string(), DictItem::Int(i64::from(p.width))),
            ("Height".to_string(), DictItem::Int(i64::from(p.height))),
            ("ColorSpace".to_string(), DictItem::Name(b"DeviceRGB".to_vec())),
            ("BitsPerComponent".to_string(), DictItem::Int(8)),
            ("Filter".to_string(), DictItem::Name(b"DCTDecode".to_vec())),
        ]);
        let (w, h) = (p.width as usize, p.height as usize);
        let xobj = ExternalXObject {
            stream: ExternalStream { dict, content: p.jpeg.to_vec(), compress: false },
            width: Some(Px(w)),
            height: Some(Px(h)),
            dpi: Some(72.0),
        };
        let id_x = self.doc.add_xobject(&xobj);
        self.photos.insert(id, (id_x.clone(), w, h));
        Some((id_x, w, h))
    }

    pub(crate) fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Turn one laid-out page into printpdf operations and keep it.
    pub(crate) fn add_page(&mut self, items: &[Item]) {
        let m = Metrics::get();
        let h = self.page_h;
        let mut ops: Vec<Op> = Vec::with_capacity(items.len() * 4);
        let mut in_text = false;
        let mut cur_font: Option<(FontKey, f32)> = None;
        let mut cur_fill: Option<Rgb> = None;
        for item in items {
            let is_text = matches!(item, Item::Text { .. });
            if in_text && !is_text {
                ops.push(Op::EndTextSection);
                in_text = false;
            }
            match item {
                Item::Text { x, baseline, font, size, color: c, text } => {
                    if !in_text {
                        ops.push(Op::StartTextSection);
                        in_text = true;
                        cur_font = None;
                    }
                    if cur_fill != Some(*c) {
                        ops.push(Op::SetFillColor { col: color(*c) });
                        cur_fill = Some(*c);
                    }
                    let mut x = *x;
                    for run in m.runs(text, *font, *size) {
                        if cur_font != Some((run.font, *size)) {
                            let id = self.font(run.font);
                            ops.push(Op::SetFont { font: PdfFontHandle::External(id), size: Pt(*size) });
                            cur_font = Some((run.font, *size));
                        }
                        ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(x), Pt(h - baseline)) });
                        x += run.width;
                        ops.push(Op::ShowText { items: vec![TextItem::Text(run.text)] });
                    }
                }
                Item::Line { x1, y1, x2, y2, width, color: c, dashed } => {
                    stroke_style(&mut ops, *c, *width, *dashed);
                    ops.push(Op::DrawLine {
                        line: Line { points: vec![point(*x1, h - y1), point(*x2, h - y2)], is_closed: false },
                    });
                }
                Item::Rect { x, y, w, h: rh, width, color: c, dashed } => {
                    stroke_style(&mut ops, *c, *width, *dashed);
                    ops.push(Op::DrawRectangle {
                        rectangle: Rect {
                            x: Pt(*x),
                            y: Pt(h - y - rh),
                            width: Pt(*w),
                            height: Pt(*rh),
                            mode: Some(PaintMode::Stroke),
                            winding_order: None,
                        },
                    });
                }
                Item::Image { slot, x, y, w, h: ih } => {
                    let pic = match slot {
                        ImageSlot::Logo => self.logo.clone(),
                        ImageSlot::Signature => self.signature.clone(),
                        ImageSlot::Photo(id) => self.photo(*id),
                    };
                    if let Some((id, pw, ph)) = pic {
                        ops.push(Op::UseXobject {
                            id: id.clone(),
                            transform: XObjectTransform {
                                translate_x: Some(Pt(*x)),
                                translate_y: Some(Pt(h - y - ih)),
                                scale_x: Some(w / pw as f32),
                                scale_y: Some(ih / ph as f32),
                                dpi: Some(72.0),
                                ..Default::default()
                            },
                        });
                    }
                }
            }
        }
        if in_text {
            ops.push(Op::EndTextSection);
        }
        let mut page = PdfPage::new(printpdf::Mm(0.0), printpdf::Mm(0.0), ops);
        // Exact point sizes: a page given in mm would round to 792.001 pt.
        let bx = Rect::from_wh(Pt(self.page_w), Pt(self.page_h));
        page.media_box = bx.clone();
        page.trim_box = bx.clone();
        page.crop_box = bx;
        self.pages.push(page);
    }

    /// Write the PDF, compressing every uncompressed stream at [`FLATE_LEVEL`].
    pub(crate) fn finish<W: Write>(mut self, out: W) -> Result<usize, PdfError> {
        let n = self.pages.len();
        let pages = std::mem::take(&mut self.pages);
        self.doc.with_pages(pages);
        let opts = PdfSaveOptions { optimize: false, subset_fonts: true, secure: true, image_optimization: None };
        let mut warnings = Vec::new();
        let mut lo = self.doc.to_lopdf_document(&opts, &mut warnings);
        drop(self.doc);
        for obj in lo.objects.values_mut() {
            if let lopdf::Object::Stream(s) = obj {
                if s.dict.get(b"Filter").is_err() && s.content.len() > 64 {
                    let mut enc =
                        ZlibEncoder::new(Vec::with_capacity(s.content.len() / 3), Compression::new(FLATE_LEVEL));
                    enc.write_all(&s.content)?;
                    let packed = enc.finish()?;
                    if packed.len() < s.content.len() {
                        s.dict.set("Filter", "FlateDecode");
                        s.set_content(packed);
                    }
                }
            }
        }
        let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
        lo.save_to(&mut w)?;
        w.flush()?;
        Ok(n)
    }
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint { p: Point { x: Pt(x), y: Pt(y) }, bezier: false }
}

fn stroke_style(ops: &mut Vec<Op>, c: Rgb, width: f32, dashed: bool) {
    ops.push(Op::SetOutlineColor { col: color(c) });
    ops.push(Op::SetOutlineThickness { pt: Pt(width) });
    ops.push(Op::SetLineDashPattern {
        dash: if dashed { LineDashPattern::new(0.0, &[4.0, 2.5]) } else { LineDashPattern::solid() },
    });
}
