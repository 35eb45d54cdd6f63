//! Tests for the drafter: shape of the letters, tones and names, variety,
//! determinism, and that every draft passes the checker.

use amends::checker::{check, check_letter, Finding, FindingKind};
use amends::draft::*;
use amends::letter_text::DatedChange;
use proptest::prelude::*;

fn sample() -> DraftInput {
    DraftInput {
        customer_name: "Zoë Hartley".into(),
        business_name: "Hartley & Daughters Tiles".into(),
        signer_name: "Sam Okafor".into(),
        signer_title: "Owner".into(),
        direct_phone: Some("07700 900123".into()),
        direct_email: Some("sam@hartleytiles.example".into()),
        incident_title: "Kitchen tiles arrived cracked".into(),
        customers_words: Some("Half the tiles in the second box were cracked and my fitter had to go home.".into()),
        our_understanding: Some("we packed your tiles without corner guards, and six of them broke on the way".into()),
        discovered_by_us: false,
        fix: FixState::Promised { by: "Friday 14 March".into() },
        next_contact: Some("Monday 10 March".into()),
        make_up: Some("a full refund of $240.00 and a free repaint".into()),
        changes: vec![DatedChange {
            date: "3 March 2026".into(),
            text: "Every box of tiles now gets corner guards".into(),
            photo_ids: vec![],
        }],
        root_cause: None,
        second_failure: false,
        ..Default::default()
    }
}

#[test]
fn tone_parses_and_serialises() {
    assert_eq!("warm".parse::<Tone>().unwrap(), Tone::Warm);
    assert_eq!(" Formal ".parse::<Tone>().unwrap(), Tone::Formal);
    assert!("grumpy".parse::<Tone>().is_err());
    assert_eq!(serde_json::to_string(&Tone::Formal).unwrap(), "\"formal\"");
}

#[test]
fn salutations() {
    let mut i = sample();
    assert_eq!(draft_apology(&i, Tone::Warm, 1).salutation, "Dear Zoë,");
    assert_eq!(draft_apology(&i, Tone::Formal, 1).salutation, "Dear Zoë Hartley,");
    i.customer_name = "Prince".into();
    assert_eq!(draft_apology(&i, Tone::Warm, 1).salutation, "Dear Prince,");
    i.customer_name = "   ".into();
    assert_eq!(draft_apology(&i, Tone::Warm, 1).salutation, "Dear customer,");
    i.customer_name = "Mrs Patel".into();
    assert_eq!(draft_apology(&i, Tone::Warm, 1).salutation, "Dear Mrs Patel,");
}

#[test]
fn apology_has_every_part() {
    let i = sample();
    for tone in [Tone::Warm, Tone::Formal] {
        for seed in 0..20 {
            let l = draft_apology(&i, tone, seed);
            let text = letter_plain_text(&l);
            assert!(text.contains("Friday 14 March"), "{text}");
            assert!(text.contains("Monday 10 March"), "{text}");
            assert!(text.contains("$240.00"), "{text}");
            assert!(text.contains("07700 900123"), "{text}");
            assert!(text.contains("Sam Okafor"), "{text}");
            assert!(text.contains("- 3 March 2026: Every box of tiles now gets corner guards"), "{text}");
            let f = check_letter(&text, false);
            assert!(f.is_empty(), "{text}\n{f:#?}");
        }
    }
}

#[test]
fn discovered_and_second_failure() {
    let mut i = sample();
    i.discovered_by_us = true;
    i.second_failure = true;
    let text = letter_plain_text(&draft_apology(&i, Tone::Warm, 7));
    assert!(text.contains("before it"), "{text}");
    assert!(text.contains("second time"), "{text}");
}

#[test]
fn sparse_input_reads_sensibly() {
    let i = DraftInput { customer_name: "Li".into(), signer_name: "Ana".into(), ..Default::default() };
    for tone in [Tone::Warm, Tone::Formal] {
        let l = draft_apology(&i, tone, 3);
        let text = letter_plain_text(&l);
        assert!(
            !text.contains("None") && !text.contains("  ") && !text.contains(" .") && !text.contains(".."),
            "{text}"
        );
        assert!(check(&text).is_empty(), "{text}");
        let f = draft_follow_up(&i, tone, 3);
        let ft = letter_plain_text(&f);
        assert!(check(&ft).is_empty(), "{ft}");
        let (_, body) = draft_email(&i, tone, 3);
        assert!(check(&body).is_empty());
        assert!(check(&draft_call_script(&i, tone, 3)).is_empty());
    }
}

#[test]
fn deterministic_and_varied() {
    let i = sample();
    assert_eq!(draft_apology(&i, Tone::Warm, 42), draft_apology(&i, Tone::Warm, 42));
    assert_eq!(draft_call_script(&i, Tone::Formal, 9), draft_call_script(&i, Tone::Formal, 9));
    let names = ["Ann Lee", "Bo Diaz", "Cai Wu", "Dee Roy", "Eli Ng", "Fay Orr", "Gus Poe", "Hal Ito"];
    let bodies: std::collections::HashSet<Vec<String>> = names
        .iter()
        .map(|n| {
            let mut x = i.clone();
            x.customer_name = n.to_string();
            draft_apology(&x, Tone::Warm, 1).paragraphs
        })
        .collect();
    assert!(bodies.len() >= 5, "only {} distinct letters for {} customers", bodies.len(), names.len());
}

#[test]
fn follow_up_lists_changes() {
    let i = sample();
    let l = draft_follow_up(&i, Tone::Warm, 5);
    assert_eq!(l.changes.len(), 1);
    assert!(l.subject.starts_with("What we changed"));
    let text = letter_plain_text(&l);
    assert!(text.contains("- 3 March 2026: Every box"), "{text}");
    assert!(check(&text).is_empty(), "{text}");
}

// ---------- property test: drafts pass the checker ----------

fn char_ranges_of(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some(pos) = hay[from..].find(needle) {
        let b = from + pos;
        let s = hay[..b].chars().count();
        out.push((s, s + needle.chars().count()));
        from = b + needle.len().max(1);
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    out
}

fn assert_findings_inside(text: &str, findings: &[Finding], inserted: &[String]) {
    let ranges: Vec<(usize, usize)> = inserted.iter().flat_map(|s| char_ranges_of(text, s)).collect();
    for f in findings.iter().filter(|f| f.kind != FindingKind::Missing) {
        let (s, e) = (f.start.unwrap(), f.end.unwrap());
        // A finding's span is the text its replacement stands in, so it may
        // reach past the owner's words to the end of the sentence; what
        // matters is that it starts from them.
        assert!(
            ranges.iter().any(|&(a, b)| s < b && a < e),
            "finding outside owner text: {f:?}\n---\n{text}\n---\ninserted: {inserted:?}"
        );
    }
}

fn words() -> impl Strategy<Value = String> {
    let vocab = prop::sample::select(vec![
        "the",
        "tiles",
        "arrived",
        "cracked",
        "box",
        "late",
        "my",
        "fitter",
        "went",
        "home",
        "we",
        "packed",
        "them",
        "badly",
        "Zoë",
        "🎂",
        "شكرا",
        "sorry",
        "if",
        "but",
        "however",
        "you",
        "were",
        "upset",
        "any",
        "inconvenience",
        "slight",
        "delay",
        "our",
        "supplier",
        "let",
        "us",
        "down",
        "mistakes",
        "made",
        "refund",
        "of",
        "$240.00",
        "free",
        "repaint",
        "not",
        "only",
        "also",
        "though",
        "even",
        "yet",
        "that",
        "said",
        "e\u{301}",
        "should",
        "have",
        "checked",
        ",",
        ".",
        ";",
        "—",
        "’",
        "\"",
        "(",
        ")",
        "\n",
        "  ",
        "had",
        "you'd",
        "like",
    ]);
    prop_oneof![proptest::collection::vec(vocab, 0..25).prop_map(|v| v.join(" ")), "\\PC{0,40}",]
}

fn opt_words() -> impl Strategy<Value = Option<String>> {
    prop_oneof![Just(None), words().prop_map(Some)]
}

fn name() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Zoë Hartley",
        "Prince",
        "",
        "   ",
        "Siobhán Ní Bhriain",
        "李雷",
        "O'Neil-Smith",
        "Mr John Smith",
        "😀 Emoji Fan",
        "José",
        "ضياء",
    ])
    .prop_map(String::from)
}

fn date() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["Friday 14 March", "14/03/2026", "2026-03-14", "Tuesday", "", "3 March 2026"])
        .prop_map(String::from)
}

prop_compose! {
    fn input()(customer_name in name(), business_name in prop::sample::select(vec!["Nothing But Cakes", "Hartley Tiles", "", "Café Zoë"]),
               signer_name in name(), signer_title in prop::sample::select(vec!["Owner", "", "Head Baker"]),
               phone in prop_oneof![Just(None), Just(Some("07700 900123".to_string()))],
               email in prop_oneof![Just(None), Just(Some("sam@example.com".to_string()))],
               incident_title in words(), customers_words in opt_words(), our_understanding in opt_words(),
               discovered_by_us in any::<bool>(), fix_kind in 0u8..3, fix_date in date(), next_contact in prop_oneof![Just(None), date().prop_map(Some)],
               make_up in opt_words(), root_cause in opt_words(),
               changes in proptest::collection::vec((date(), words()), 0..3), second_failure in any::<bool>(),
               business in any::<u8>(), category in any::<u8>()) -> DraftInput {
        DraftInput {
            customer_name, business_name: business_name.to_string(), signer_name, signer_title: signer_title.to_string(),
            direct_phone: phone, direct_email: email, incident_title, customers_words, our_understanding, discovered_by_us,
            fix: match fix_kind { 0 => FixState::Fixed { on: fix_date }, 1 => FixState::Promised { by: fix_date }, _ => FixState::Unknown },
            next_contact, make_up, root_cause,
            changes: changes.into_iter().map(|(date, text)| DatedChange::new(date, text)).collect(),
            second_failure,
            business_type: amends::domain::BusinessType::ALL[business as usize % 5],
            category: ["delivery", "quality", "billing", "communication", "staff", "other"][category as usize % 6].to_string(),
        }
    }
}

fn inserted(i: &DraftInput) -> Vec<String> {
    let mut v: Vec<String> = [&i.customers_words, &i.our_understanding, &i.make_up, &i.root_cause]
        .iter()
        .filter_map(|o| o.as_deref())
        .map(clean_fragment)
        .collect();
    v.push(clean_fragment(&i.incident_title));
    for c in &i.changes {
        v.push(clean_fragment(&c.text));
    }
    v.retain(|s| !s.is_empty());
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn every_draft_passes_the_checker(i in input(), seed in any::<u64>(), formal in any::<bool>()) {
        let tone = if formal { Tone::Formal } else { Tone::Warm };
        let ins = inserted(&i);
        let texts = vec![
            letter_plain_text(&draft_apology(&i, tone, seed)),
            draft_email(&i, tone, seed).1,
            draft_call_script(&i, tone, seed),
            letter_plain_text(&draft_follow_up(&i, tone, seed)),
        ];
        for t in &texts {
            assert_findings_inside(t, &check(t), &ins);
            prop_assert!(!t.contains("None"));
            prop_assert!(!t.contains("  "), "double space in {:?}", t);
        }
    }
}

/// The apology does not explain the cause (the customer wants it put right);
/// the "what we changed" letter does, beside the changes.
#[test]
fn the_cause_is_in_the_follow_up_not_the_apology() {
    let mut i = sample();
    i.root_cause = Some("the new packing bench ran out of protective wrap".into());
    let apology = letter_plain_text(&draft_apology(&i, Tone::Warm, 1));
    assert!(!apology.contains("packing bench"), "{apology}");
    let (_, email) = amends::draft::draft_email(&i, Tone::Warm, 1);
    assert!(!email.contains("packing bench"), "{email}");
    let follow_up = letter_plain_text(&amends::draft::draft_follow_up(&i, Tone::Warm, 1));
    assert!(follow_up.contains("the new packing bench ran out of protective wrap."), "{follow_up}");
}

#[test]
#[ignore]
fn print_two_letters() {
    let i = sample();
    println!("{}\n\n==========\n", letter_plain_text(&draft_apology(&i, Tone::Warm, 1)));
    let mut j = sample();
    j.customer_name = "Mr Daniel Okonkwo".into();
    j.discovered_by_us = true;
    j.second_failure = true;
    j.customers_words = None;
    j.fix = FixState::Fixed { on: "Tuesday 11 March".into() };
    j.root_cause = Some("the new packing bench had no corner guards in stock, and I did not check".into());
    println!("{}", letter_plain_text(&draft_apology(&j, Tone::Formal, 2)));
}

/// The follow-up goes weeks later: a repeat-back that counts from the day it
/// was written ("next week", "on Friday") is not copied into it.
#[test]
fn the_follow_up_does_not_copy_time_words_from_the_complaint() {
    let mut i = sample();
    i.our_understanding = Some("the tiles cracked before your family arrives next week".into());
    let f = letter_plain_text(&draft_follow_up(&i, Tone::Warm, 3));
    assert!(!f.contains("next week"), "{f}");
    assert!(f.contains("Kitchen tiles arrived cracked"), "{f}");
    i.our_understanding = Some("we packed your tiles without corner guards".into());
    let f = letter_plain_text(&draft_follow_up(&i, Tone::Warm, 3));
    assert!(f.contains("we packed your tiles without corner guards"), "{f}");
}
