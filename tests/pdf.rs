//! End-to-end checks of the letter PDFs with independent tools (qpdf,
//! poppler's pdftotext/pdfinfo/pdfimages, ImageMagick for test pictures).
//! These tests must never depend on printpdf internals: they read the PDF
//! the way a printer or a customer's viewer would.
use std::path::{Path, PathBuf};
use std::process::Command;

use amends::letter_text::{DatedChange, LetterText};
use amends::pdf::*;

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join("amends-pdf-tests");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn run(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd).args(args).output().unwrap_or_else(|e| panic!("{cmd} is needed for these tests: {e}"));
    assert!(
        out.status.success(),
        "{cmd} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn spec(paper: Paper, preset: EnvelopePreset) -> DocumentSpec {
    DocumentSpec {
        letterhead: Letterhead {
            business_name: "Harbourline Tiles & Bath".into(),
            address_lines: vec!["14 Quay Road".into(), "Bristol BS1 4QA".into()],
            phone: Some("0117 496 0321".into()),
            email: Some("hello@harbourline.example".into()),
            website: Some("harbourline.example".into()),
            logo: None,
        },
        paper,
        envelope: EnvelopeLayout { preset, offset_x_mm: 0.0, offset_y_mm: 0.0, custom_window: None },
        signature: None,
        photos: Default::default(),
    }
}

const NAMES: [&str; 3] = ["Zoë Ørsted-Núñez", "Siobhán Ó Briain", "Łukasz Wójcik"];

fn letter(recipient: &[&str]) -> PdfLetter {
    PdfLetter {
        return_address: "Harbourline Tiles & Bath · 14 Quay Road · Bristol BS1 4QA".into(),
        recipient: recipient.iter().map(|s| s.to_string()).collect(),
        date: "12 March 2026".into(),
        text: LetterText {
            subject: "What we changed after your kitchen tiles arrived cracked".into(),
            salutation: format!("Dear {},", recipient[0]),
            paragraphs: vec![
                "Thank you for telling us that the tiles for your kitchen arrived cracked. \
                 That should never have happened, and I am sorry for the wasted weekend."
                    .into(),
                "Here is what we have changed so that it does not happen again:".into(),
            ],
            changes: vec![
                DatedChange {
                    date: "3 March 2026".into(),
                    text: "Every box of tiles is now packed with corner guards and a double wall of card.".into(),
                    photo_ids: vec![],
                },
                DatedChange {
                    date: "10 March 2026".into(),
                    text: "Our drivers photograph each delivery before it leaves the van.".into(),
                    photo_ids: vec![],
                },
            ],
            after_changes: vec!["Your replacement tiles are on their way, with our compliments.".into()],
            photo_blocks: vec![],
            closing: "Yours sincerely,".into(),
            signer_name: "Ngozi Adeyemi".into(),
            signer_title: "Owner".into(),
        },
    }
}

fn address(name: &str) -> Vec<&str> {
    vec![name, "146 Park Crescent", "Flat 2", "Manchester M14 5RS", "United Kingdom"]
}

fn render(spec: &DocumentSpec, letters: Vec<PdfLetter>, name: &str) -> (PathBuf, RenderSummary) {
    let mut buf = Vec::new();
    let summary = render_letters(spec, letters, &mut buf).expect("renders");
    let path = tmp(name);
    std::fs::write(&path, buf).unwrap();
    let check = run("qpdf", &["--check", path.to_str().unwrap()]);
    assert!(check.contains("No syntax or stream encoding errors"), "{check}");
    (path, summary)
}

#[derive(Debug)]
struct Word {
    page: usize,
    x_min: f32,
    y_min: f32,
    x_max: f32,
    y_max: f32,
    text: String,
}

fn attr(s: &str, key: &str) -> f32 {
    let i = s.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
    s[i..i + s[i..].find('"').unwrap()].parse().unwrap()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// Every word with its box (points, from the page's top-left), via `pdftotext -bbox`.
fn words(path: &Path) -> (Vec<Word>, Vec<(f32, f32)>) {
    let html = run("pdftotext", &["-bbox", path.to_str().unwrap(), "-"]);
    let mut out = Vec::new();
    let mut pages = Vec::new();
    for line in html.lines() {
        let l = line.trim();
        if l.starts_with("<page ") {
            pages.push((attr(l, "width"), attr(l, "height")));
        } else if l.starts_with("<word ") {
            let text = &l[l.find('>').unwrap() + 1..l.rfind("</word>").unwrap()];
            out.push(Word {
                page: pages.len(),
                x_min: attr(l, "xMin"),
                y_min: attr(l, "yMin"),
                x_max: attr(l, "xMax"),
                y_max: attr(l, "yMax"),
                text: unescape(text),
            });
        }
    }
    (out, pages)
}

fn text_of(path: &Path) -> String {
    run("pdftotext", &["-enc", "UTF-8", path.to_str().unwrap(), "-"])
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pdfinfo(path: &Path) -> String {
    run("pdfinfo", &[path.to_str().unwrap()])
}

/// Find the words of one address line, in order, on a page.
fn find_line<'a>(ws: &'a [Word], page: usize, line: &str) -> Vec<&'a Word> {
    let toks: Vec<&str> = line.split_whitespace().collect();
    let on_page: Vec<&Word> = ws.iter().filter(|w| w.page == page).collect();
    for i in 0..on_page.len() {
        if on_page.len() - i >= toks.len()
            && toks.iter().enumerate().all(|(k, t)| on_page[i + k].text == *t)
            && on_page[i..i + toks.len()].iter().all(|w| (w.y_min - on_page[i].y_min).abs() < 0.5)
        {
            return on_page[i..i + toks.len()].to_vec();
        }
    }
    panic!("address line {line:?} not found on page {page}");
}

const MM: f32 = 72.0 / 25.4;

fn assert_in_window(spec: &DocumentSpec, path: &Path, page: usize, lines: &[&str]) {
    let (ws, _) = words(path);
    let win = window_for(spec.paper, &spec.envelope);
    let c = WINDOW_CLEARANCE_MM;
    let (l, t) = ((win.left_mm + c) * MM, (win.top_mm + c) * MM);
    let (r, b) = ((win.right_mm() - c) * MM, (win.bottom_mm() - c) * MM);
    for line in lines {
        for w in find_line(&ws, page, line) {
            assert!(
                w.x_min >= l - 0.01 && w.x_max <= r + 0.01 && w.y_min >= t - 0.01 && w.y_max <= b + 0.01,
                "{:?} at ({}, {})-({}, {}) is outside the window's clear area ({l}, {t})-({r}, {b}) for {:?}",
                w.text,
                w.x_min,
                w.y_min,
                w.x_max,
                w.y_max,
                spec.envelope.preset
            );
        }
    }
}

#[test]
fn letter_paper_is_exact_and_names_come_back_with_accents() {
    let s = spec(Paper::Letter, EnvelopePreset::UsNo10);
    let letters: Vec<_> = NAMES.iter().map(|n| letter(&address(n))).collect();
    let (path, summary) = render(&s, letters.clone(), "names.pdf");
    assert_eq!(summary, RenderSummary { letters: 3, pages: 3 });
    let info = pdfinfo(&path);
    assert!(info.contains("Page size:       612 x 792 pts"), "{info}");
    assert!(info.contains("Pages:           3"), "{info}");
    let text = squash(&text_of(&path));
    for n in NAMES {
        assert!(text.contains(n), "{n} missing from {text}");
    }
    for l in &letters {
        for c in &l.text.changes {
            assert!(text.contains(&c.date), "change date {} missing", c.date);
            assert!(text.contains(&c.text), "change {:?} missing from {text}", c.text);
        }
    }
    // Each letter starts on its own page, with the address in the #10 window.
    for (i, n) in NAMES.iter().enumerate() {
        assert_in_window(&s, &path, i + 1, &address(n));
    }
    let fonts = run("pdffonts", &[path.to_str().unwrap()]);
    assert!(fonts.lines().skip(2).all(|l| l.contains(" yes yes yes ")), "{fonts}");
}

#[test]
fn a4_din_presets_put_the_address_in_the_window() {
    for preset in
        [EnvelopePreset::Din5008B, EnvelopePreset::Din5008A, EnvelopePreset::RightWindow, EnvelopePreset::UsNo10]
    {
        let s = spec(Paper::A4, preset);
        let lines = address(NAMES[2]);
        let (path, _) = render(&s, vec![letter(&lines)], &format!("a4-{preset:?}.pdf"));
        let info = pdfinfo(&path);
        assert!(info.contains("Page size:       595.28 x 841.89 pts"), "{info}");
        assert_in_window(&s, &path, 1, &lines);
    }
    // US Letter in the DIN and right-window envelopes too.
    for preset in [EnvelopePreset::Din5008B, EnvelopePreset::RightWindow] {
        let s = spec(Paper::Letter, preset);
        let lines = address(NAMES[0]);
        let (path, _) = render(&s, vec![letter(&lines)], &format!("letter-{preset:?}.pdf"));
        assert_in_window(&s, &path, 1, &lines);
    }
}

#[test]
fn offsets_and_custom_windows_move_the_address() {
    let mut s = spec(Paper::Letter, EnvelopePreset::UsNo10);
    s.envelope.offset_x_mm = 4.0;
    s.envelope.offset_y_mm = -3.0;
    let lines = address(NAMES[1]);
    let (path, _) = render(&s, vec![letter(&lines)], "offset.pdf");
    assert_in_window(&s, &path, 1, &lines);
    let mut s = spec(Paper::A4, EnvelopePreset::Custom);
    s.envelope.custom_window = Some(WindowRect { left_mm: 110.0, top_mm: 50.0, width_mm: 85.0, height_mm: 40.0 });
    let (path, _) = render(&s, vec![letter(&lines)], "custom.pdf");
    assert_in_window(&s, &path, 1, &lines);
}

#[test]
fn long_letters_flow_with_page_numbers_and_nothing_leaves_the_page() {
    let s = spec(Paper::Letter, EnvelopePreset::UsNo10);
    let mut l = letter(&address(NAMES[0]));
    l.text.paragraphs = (1..=100)
        .map(|i| {
            format!(
                "Paragraph {i} begins here. We looked at every step of the delivery, from the \
                 warehouse shelf to your doorstep, and wrote down what each person does and why. \
                 Averyveryverylongwordwithoutanyspacesthatcannotpossiblyfitonasinglelineofthisletter{i} ends it."
            )
        })
        .collect();
    let short = letter(&address(NAMES[1]));
    let (path, summary) = render(&s, vec![l, short], "long.pdf");
    let text = text_of(&path);
    let squashed = squash(&text);
    for i in 1..=100 {
        assert!(squashed.contains(&format!("Paragraph {i} begins here.")), "paragraph {i} lost");
    }
    let total = (1..40)
        .rev()
        .find(|m| text.contains(&format!("Page {m} of {m}")))
        .expect("page numbers on a multi-page letter");
    assert!(total >= 10, "expected a 10+ page letter, got {total}");
    for n in 1..=total {
        assert!(text.contains(&format!("Page {n} of {total}")), "Page {n} of {total} missing");
    }
    assert_eq!(summary.pages, total + 1, "the short letter adds one page");
    assert!(pdfinfo(&path).contains(&format!("Pages:           {}", total + 1)));
    // The short second letter has no page number and starts on a fresh page.
    assert!(!text.lines().any(|l| l.trim() == "Page 1 of 1"));
    let (ws, pages) = words(&path);
    let (pw, ph) = pages[0];
    for w in &ws {
        assert!(
            w.x_min >= 72.0 - 0.5 && w.x_max <= pw - 72.0 + 0.5 && w.y_min >= 0.0 && w.y_max <= ph,
            "{w:?} leaves the page or its margins"
        );
    }
}

#[test]
fn oversized_address_is_a_clear_error() {
    let s = spec(Paper::Letter, EnvelopePreset::UsNo10);
    let lines: Vec<String> = (1..=40).map(|i| format!("Address line {i}")).collect();
    let mut l = letter(&["Zoë Ørsted-Núñez"]);
    l.recipient = std::iter::once("Zoë Ørsted-Núñez".to_string()).chain(lines).collect();
    let err = render_letters(&s, vec![letter(&address(NAMES[1])), l], Vec::new()).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, PdfError::AddressTooTall { lines: 41, .. }), "{err:?}");
    assert!(msg.contains("Zoë Ørsted-Núñez") && msg.contains("41 lines"), "{msg}");
    let wide = letter(&["Zoë", "A street name so long that no envelope window in the world could ever show it"]);
    let err = render_letters(&s, vec![wide], Vec::new()).unwrap_err();
    assert!(matches!(err, PdfError::AddressLineTooWide { .. }), "{err:?}");
    assert!(matches!(render_letters(&s, Vec::new(), Vec::new()), Err(PdfError::NoLetters)));
}

#[test]
fn missing_glyphs_are_reported_then_printed_as_question_marks() {
    let s = spec(Paper::Letter, EnvelopePreset::UsNo10);
    let mut l = letter(&address(NAMES[0]));
    l.text.paragraphs[1] = "We hope this makes you smile \u{1F9E1} again.".into();
    l.recipient[2] = "Flat \u{6F22} 2".into();
    let warnings = missing_glyphs(&s, &l);
    assert_eq!(
        warnings,
        vec![
            GlyphWarning { field: "recipient line 3".into(), ch: '\u{6F22}' },
            GlyphWarning { field: "paragraph 2".into(), ch: '\u{1F9E1}' },
        ]
    );
    assert!(warnings[1].to_string().contains("paragraph 2"));
    assert!(missing_glyphs(&s, &letter(&address(NAMES[2]))).is_empty());
    let (path, _) = render(&s, vec![l], "glyphs.pdf");
    let text = squash(&text_of(&path));
    assert!(text.contains("smile ? again"), "{text}");
}

fn magick(args: &[&str]) {
    run("convert", args);
}

#[test]
fn logo_and_signature_are_embedded_once_per_document() {
    let logo = tmp("logo.png");
    let sig = tmp("sig.jpg");
    magick(&["-size", "360x120", "gradient:#1f3a5f-#8fb3d9", logo.to_str().unwrap()]);
    magick(&[
        "-size",
        "300x90",
        "xc:white",
        "-stroke",
        "black",
        "-strokewidth",
        "3",
        "-fill",
        "none",
        "-draw",
        "bezier 10,70 60,10 120,80 180,20",
        "-draw",
        "line 190,60 290,30",
        sig.to_str().unwrap(),
    ]);
    let mut s = spec(Paper::A4, EnvelopePreset::Din5008B);
    s.letterhead.logo = Some(std::fs::read(&logo).unwrap());
    s.signature = Some(std::fs::read(&sig).unwrap());
    validate_image(s.letterhead.logo.as_ref().unwrap()).unwrap();
    validate_image(s.signature.as_ref().unwrap()).unwrap();
    let letters: Vec<_> = NAMES.iter().map(|n| letter(&address(n))).collect();
    let (path, _) = render(&s, letters, "pictures.pdf");
    let list = run("pdfimages", &["-list", path.to_str().unwrap()]);
    let rows: Vec<&str> = list.lines().skip(2).collect();
    assert_eq!(rows.len(), 6, "logo and signature on each of 3 pages:\n{list}");
    let mut objects: Vec<&str> = rows.iter().map(|r| r.split_whitespace().nth(10).unwrap()).collect();
    objects.sort();
    objects.dedup();
    assert_eq!(objects.len(), 2, "each picture stored once:\n{list}");
    assert!(matches!(validate_image(b"GIF89a...."), Err(PdfError::NotAnImage { .. })));
}

#[test]
fn calibration_page_shows_window_and_sample_address() {
    for paper in [Paper::Letter, Paper::A4] {
        let s = spec(paper, EnvelopeLayout::standard_for(paper).preset);
        let mut buf = Vec::new();
        render_calibration_page(&s, &mut buf).unwrap();
        let path = tmp(&format!("calibration-{paper:?}.pdf"));
        std::fs::write(&path, buf).unwrap();
        assert!(run("qpdf", &["--check", path.to_str().unwrap()]).contains("No syntax"));
        assert!(pdfinfo(&path).contains("Pages:           1"));
        let text = squash(&text_of(&path));
        assert!(text.contains("Sample Customer") && text.contains("offset"), "{text}");
        assert_in_window(&s, &path, 1, &["Sample Customer", "123 Example Street"]);
    }
}

#[test]
fn serde_names_match_the_settings_file() {
    assert_eq!(serde_json::to_string(&Paper::A4).unwrap(), "\"a4\"");
    assert_eq!(serde_json::to_string(&EnvelopePreset::UsNo10).unwrap(), "\"us_no10\"");
    assert_eq!(serde_json::to_string(&EnvelopePreset::Din5008B).unwrap(), "\"din5008_b\"");
    assert_eq!("Letter".parse::<Paper>().unwrap(), Paper::Letter);
    assert!("legal".parse::<Paper>().is_err());
}

/// The logo and signature chosen in the profile appear in the printed letter,
/// and files that are too big or not pictures are refused before they are stored.
#[test]
fn profile_pictures_reach_the_letter_and_bad_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("p.sqlite3");
    let run = |args: &[&str]| crate::common::run(&db_path, args);
    assert!(run(&["demo", "--customers", "5", "--incidents", "12", "--as-of", "2026-11-26"]).status.success());
    let logo = dir.path().join("logo.png");
    assert!(std::process::Command::new("convert")
        .args(["-size", "240x80", "xc:#2f6f5e", logo.to_str().unwrap()])
        .status()
        .map(|s| s.success())
        .unwrap_or(false));
    let not_image = dir.path().join("logo.txt");
    std::fs::write(&not_image, "not a picture").unwrap();
    let o = run(&["profile", "set", "--logo", not_image.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let big = dir.path().join("big.png");
    std::fs::write(&big, vec![0u8; 6 * 1024 * 1024]).unwrap();
    let o = run(&["profile", "set", "--logo", big.to_str().unwrap()]);
    assert!(crate::common::stderr(&o).contains("5 MB"), "{}", crate::common::stderr(&o));
    // A 16-bit PNG: printpdf's own 16-bit path once wrote such a signature as an empty image.
    let signature = dir.path().join("signature.png");
    assert!(std::process::Command::new("convert")
        .args(["-size", "360x90", "xc:white", "-stroke", "#1a2a6c", "-strokewidth", "3", "-draw", "line 10,60 340,30"])
        .args(["-depth", "16", signature.to_str().unwrap()])
        .status()
        .map(|s| s.success())
        .unwrap_or(false));
    let o = run(&["profile", "set", "--logo", logo.to_str().unwrap(), "--signature", signature.to_str().unwrap()]);
    assert!(o.status.success(), "{}", crate::common::stderr(&o));
    let pdf = dir.path().join("due.pdf");
    let o = run(&["letter", "follow-up", "--due", "-o", pdf.to_str().unwrap()]);
    assert!(o.status.success(), "{}", crate::common::stderr(&o));
    let list = std::process::Command::new("pdfimages").args(["-list", pdf.to_str().unwrap()]).output().unwrap();
    let listing = String::from_utf8_lossy(&list.stdout);
    let images: Vec<&str> = listing.lines().skip(2).collect();
    assert!(images.len() >= 2, "logo and signature drawn:\n{listing}");
    assert!(images.iter().any(|l| l.contains(" 240 ") && l.contains(" 80 ")), "{listing}");
    assert!(images.iter().any(|l| l.contains(" 360 ") && l.contains(" 90 ")), "{listing}");
    assert!(!images.iter().any(|l| l.split_whitespace().any(|w| w == "0B")), "an image was written empty:\n{listing}");
}
