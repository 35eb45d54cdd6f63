//! Benchmark driver: renders the peer benchmark's letters JSON with the Amends
//! renderer (US Letter, #10 window envelope) into one PDF.
//!
//! Usage: `letters_bench --json letters.json -o out.pdf [--photo FILE [--distinct-photos]]`. It must never be
//! used by the app itself; it only maps the benchmark's JSON to `PdfLetter`.
use std::time::Instant;

use amends::letter_text::{DatedChange, LetterText};
use amends::pdf::{render_letters, DocumentSpec, EnvelopeLayout, LetterPhoto, Letterhead, Paper, PdfLetter};
use serde::Deserialize;

#[derive(Deserialize)]
struct Input {
    company: Company,
    letters: Vec<Letter>,
}

#[derive(Deserialize)]
struct Company {
    name: String,
    address: String,
    contact: String,
    phone: Option<String>,
}

#[derive(Deserialize)]
struct Change {
    date: String,
    text: String,
}

#[derive(Deserialize)]
struct Letter {
    date: String,
    recipient: String,
    address: Vec<String>,
    subject: String,
    salutation: String,
    paragraphs: Vec<String>,
    #[serde(default)]
    changes_heading: Option<String>,
    changes: Vec<Change>,
    closing: String,
    signer: String,
    signer_title: String,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let (Some(json), Some(out)) = (arg("--json"), arg("-o").or_else(|| arg("--out"))) else {
        eprintln!("usage: letters_bench --json LETTERS.json -o OUT.pdf");
        std::process::exit(2);
    };
    // `--photo FILE`: one photo under the first change of every letter (a
    // cause's photo, shared); with `--distinct-photos` every letter gets its
    // own copy (a pixel changed), the worst case for file size.
    let photo = arg("--photo").map(|p| {
        let bytes = std::fs::read(&p).expect("read photo");
        amends::photos::prepare(&bytes, &p).expect("a usable photo")
    });
    let distinct = args.iter().any(|a| a == "--distinct-photos");
    let mut photos = std::collections::BTreeMap::new();
    if let Some(p) = &photo {
        // Distinct copies made ahead of the timed part (letters reuse them past
        // 1,000): the same JPEG with the letter's number in a comment segment
        // (FF FE) after its start marker, so every copy's bytes differ.
        let copies = if distinct { 1000 } else { 1 };
        for i in 0..copies {
            let mut jpeg = p.jpeg[..2].to_vec();
            if i > 0 {
                let note = format!("letter {i}");
                jpeg.extend_from_slice(&[0xFF, 0xFE]);
                jpeg.extend_from_slice(&((note.len() + 2) as u16).to_be_bytes());
                jpeg.extend_from_slice(note.as_bytes());
            }
            jpeg.extend_from_slice(&p.jpeg[2..]);
            photos.insert(i as i64, LetterPhoto { jpeg: jpeg.into(), width: p.width, height: p.height });
        }
    }
    let copies = photos.len() as i64;
    let t0 = Instant::now();
    let input: Input = serde_json::from_slice(&std::fs::read(&json).expect("read JSON")).expect("parse letters JSON");
    let c = &input.company;
    let email = c.contact.split(['·', ' ']).find(|s| s.contains('@')).map(str::to_string);
    let spec = DocumentSpec {
        letterhead: Letterhead {
            business_name: c.name.clone(),
            address_lines: c.address.split('·').map(|s| s.trim().to_string()).collect(),
            phone: c.phone.clone().map(|p| format!("Telephone {p}")),
            email,
            website: None,
            logo: None,
        },
        paper: Paper::Letter,
        envelope: EnvelopeLayout::standard_for(Paper::Letter),
        signature: None,
        photos,
    };
    let return_address = format!("{} · {}", c.name, c.address);
    let letters = input.letters.into_iter().enumerate().map(|(n, l)| {
        let mut paragraphs = l.paragraphs;
        if let Some(h) = l.changes_heading.filter(|h| !h.trim().is_empty()) {
            paragraphs.push(h);
        }
        PdfLetter {
            return_address: return_address.clone(),
            recipient: std::iter::once(l.recipient).chain(l.address).collect(),
            date: l.date,
            text: LetterText {
                subject: l.subject,
                salutation: l.salutation,
                paragraphs,
                changes: l
                    .changes
                    .into_iter()
                    .enumerate()
                    .map(|(k, c)| DatedChange {
                        photo_ids: if k == 0 && copies > 0 { vec![n as i64 % copies] } else { Vec::new() },
                        ..DatedChange::new(c.date, c.text)
                    })
                    .collect(),
                after_changes: Vec::new(),
                photo_blocks: Vec::new(),
                closing: l.closing,
                signer_name: l.signer,
                signer_title: l.signer_title,
            },
        }
    });
    let file = std::fs::File::create(&out).expect("create output PDF");
    match render_letters(&spec, letters, file) {
        Ok(s) => eprintln!("{} letters, {} pages in {:.3} s", s.letters, s.pages, t0.elapsed().as_secs_f64()),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
