//! Bounded fuzzing in CI (proptest as a stand-in for cargo-fuzz): hostile
//! input to the spreadsheet import and the PDF text layout must give a result
//! or a clear error, never a panic or a half-written database. The checker's
//! own fuzz tests live in tests/checker.rs. Regressions that proptest finds
//! are kept in tests/fuzz.proptest-regressions.
use amends::letter_text::{DatedChange, LetterText};
use amends::pdf::{self, DocumentSpec, EnvelopeLayout, Letterhead, Paper, PdfLetter};
use amends::spreadsheet::{import_customers, ImportOptions};
use amends::Db;
use proptest::prelude::*;

/// Failing seeds are kept in tests/fuzz.proptest-regressions (committed) and
/// tried first on every run.
fn config(cases: u32) -> ProptestConfig {
    use proptest::test_runner::FileFailurePersistence;
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::SourceParallel("proptest-regressions"))),
        ..ProptestConfig::default()
    }
}

/// Text that looks a bit like CSV: separators, quotes, newlines, BOMs, accents, control bytes.
fn csvish() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b",".to_vec()),
        Just(b";".to_vec()),
        Just(b"\"".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\xEF\xBB\xBF".to_vec()),
        Just("Name,Email,Phone\n".as_bytes().to_vec()),
        Just("Zoë Ørsted-Núñez".as_bytes().to_vec()),
        Just(b"\xE9\xFF\x00".to_vec()),
        Just(b"=cmd|' /C calc'!A0".to_vec()),
        "[a-z@. 0-9]{0,12}".prop_map(|s| s.into_bytes()),
        proptest::collection::vec(any::<u8>(), 0..8),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(config(200))]

    #[test]
    fn import_never_panics_and_is_all_or_nothing(bytes in csvish(), dry in any::<bool>()) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("in.csv");
        std::fs::write(&file, &bytes).unwrap();
        let mut db = Db::open_in_memory().unwrap();
        let before = db.customer_count().unwrap();
        let opts = ImportOptions { dry_run: dry, ..ImportOptions::default() };
        match import_customers(&mut db, &file, &opts, amends::progress::ignore) {
            Ok(_) if dry => prop_assert_eq!(db.customer_count().unwrap(), before),
            Ok(_) => {}
            Err(e) => {
                prop_assert!(!e.to_string().is_empty());
                prop_assert_eq!(db.customer_count().unwrap(), before, "a failed import changed the database");
            }
        }
        prop_assert!(db.check_integrity().unwrap().is_empty());
    }
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,80}",
        "[A-Za-zÀ-ÿ ]{0,400}",
        Just("W".repeat(300)),
        Just("😀 مرحبا שלום e\u{301}\u{301} \u{0} \t".to_string()),
    ]
}

proptest! {
    #![proptest_config(config(60))]

    #[test]
    fn pdf_layout_never_panics_on_hostile_text(
        recipient in proptest::collection::vec(any_text(), 0..12),
        paragraphs in proptest::collection::vec(any_text(), 0..6),
        changes in proptest::collection::vec((any_text(), any_text()), 0..4),
        subject in any_text(),
        a4 in any::<bool>(),
    ) {
        let paper = if a4 { Paper::A4 } else { Paper::Letter };
        let spec = DocumentSpec {
            letterhead: Letterhead { business_name: "Finch & Co".into(), ..Default::default() },
            paper,
            envelope: EnvelopeLayout::standard_for(paper),
            signature: None,
            photos: Default::default(),
        };
        let letter = PdfLetter {
            return_address: "Finch & Co · 1 Mill Road".into(),
            recipient,
            date: "1 March 2026".into(),
            text: LetterText {
                subject,
                salutation: "Dear Zoë,".into(),
                paragraphs,
                changes: changes.into_iter().map(|(date, text)| DatedChange::new(date, text)).collect(),
                after_changes: vec![],
                photo_blocks: vec![],
                closing: "Yours,".into(),
                signer_name: "Sam".into(),
                signer_title: "Owner".into(),
            },
        };
        let _ = pdf::missing_glyphs(&spec, &letter);
        let mut out = Vec::new();
        match pdf::render_letters(&spec, vec![letter], &mut out) {
            Ok(summary) => {
                prop_assert_eq!(summary.letters, 1);
                prop_assert!(summary.pages >= 1);
                prop_assert!(out.starts_with(b"%PDF-"));
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}
