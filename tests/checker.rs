//! Tests for the qualifier checker: the labelled data set, specific cases
//! with spans, completeness hints, and a no-panic fuzz.

use amends::checker::{apply_replacements, check, check_letter, fix, looks_like_letter, Finding, FindingKind};
use proptest::prelude::*;
use FindingKind::*;

const DATA: &str = include_str!("data/qualifiers.tsv");

fn qualifier(f: &Finding) -> bool {
    f.kind != Missing
}

#[test]
fn data_set_precision_recall() {
    let (mut tp, mut fp, mut fneg, mut n) = (0usize, 0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for (ln, line) in DATA.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut parts = line.splitn(3, '\t');
        let label = parts.next().unwrap() == "1";
        let kind = parts.next().unwrap();
        let text = parts.next().unwrap();
        n += 1;
        let found = check(text);
        let pos = found.iter().any(qualifier);
        match (label, pos) {
            (true, true) => tp += 1,
            (false, true) => {
                fp += 1;
                misses.push(format!(
                    "FP line {}: {text}\n    -> {:?}",
                    ln + 1,
                    found.iter().map(|f| (f.kind, f.text.as_str())).collect::<Vec<_>>()
                ));
            }
            (true, false) => {
                fneg += 1;
                misses.push(format!("FN line {} [{kind}]: {text}", ln + 1));
            }
            _ => {}
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fneg).max(1) as f64;
    let f1 = 2.0 * p * r / (p + r).max(1e-9);
    for m in &misses {
        println!("{m}");
    }
    println!("n={n} tp={tp} fp={fp} fn={fneg} P={p:.3} R={r:.3} F1={f1:.3}");
    assert!(n >= 200, "data set needs at least 200 passages");
    assert!(p >= 0.97 && f1 >= 0.95, "P={p:.3} F1={f1:.3}\n{}", misses.join("\n"));
}

/// Check `input` finds exactly `expected` kinds (in order of position).
fn check_case(input: &str, expected: &[FindingKind]) -> Vec<Finding> {
    let found = check(input);
    let kinds: Vec<FindingKind> = found.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, expected, "input: {input}\nfound: {found:#?}");
    found
}

#[test]
fn table_of_cases() {
    let cases: &[(&str, &[FindingKind])] = &[
        ("I'm sorry, but we were busy.", &[But, Excuse]),
        ("We apologise for any inconvenience.", &[Hedge, Minimizing]),
        ("Sorry if you were offended.", &[Conditional]),
        ("I am sorry you feel that way.", &[Feelings]),
        ("Mistakes were made.", &[Passive]),
        ("As you were told, the shop closes at five.", &[Blame]),
        (
            "Due to circumstances beyond our control, it was late.",
            &[Excuse, Excuse],
        ),
        ("Without admitting liability, here is a voucher.", &[Hedge]),
        ("It was only a slight delay.", &[Minimizing]),
        (
            "Not only did I forget, but I also argued with you. I'm sorry.",
            &[],
        ),
        ("If you'd like, I can come on Tuesday.", &[]),
        ("However you prefer your refund, we'll do it today.", &[]),
        (
            "I'm sorry. Even though you had told us twice, we got it wrong.",
            &[],
        ),
        ("We were busy, but that is no excuse. I'm sorry.", &[]),
        ("", &[]),
        ("I’M SORRY IF YOU WERE UPSET.", &[Conditional]),
        ("We apologize for the inconvenience.", &[Minimizing]),
        // Around the apology: the clause before or after it.
        ("If the grout has cracked, we apologise.", &[Conditional]),
        ("If you'd like, we can regrout it on Monday. Sorry again.", &[]),
        ("Sorry, your order was packed without the lid.", &[Passive]),
        ("I'm sorry. The new worktop was fitted on Friday.", &[]),
        ("Sorry the door sticks; you slammed it in the wind.", &[Blame]),
        ("I'm sorry. You asked for oak and we fitted pine.", &[]),
        ("Sorry the flowers were late, the van broke down.", &[Excuse]),
        (
            "I'm sorry the flowers were late. We forgot to load them, and the van broke down on top of that, which is no excuse.",
            &[],
        ),
        ("Sorry, the part had to come from Italy.", &[Excuse]),
        ("I'm sorry you found the salon too noisy.", &[Feelings]),
        ("sorry u didnt like it", &[Feelings]),
        ("Sorry about the tiny chip in the glass.", &[Minimizing]),
        (
            "Sorry the sofa won't fit; your measurements were out by 10cm.",
            &[Blame],
        ),
        // Strengthening contrasts and plain ownership stay clean.
        ("We accept full liability for the leak and we're sorry.", &[]),
        ("I'm sorry, but I have to own this: the fault was mine.", &[]),
        (
            "I'm sorry about today. It was a small job for us but a big day for you.",
            &[],
        ),
        ("I'm sorry. Even so, words won't fix it, so I've refunded you.", &[]),
        // By structure: who does what in the clause around the apology.
        ("I apologise for the late parcel; the depot in Leeds lost it for three days.", &[Excuse]),
        ("Sorry the cushions faded. The care label says to keep them out of direct sun.", &[Blame]),
        ("Sorry the refund took time. Most customers return items within the 14 days.", &[Blame]),
        ("We're sorry, to some extent, for the delay in your claim.", &[Hedge]),
        ("Where your statement contained errors, we apologise.", &[Conditional]),
        ("I'm sorry you came away with the impression we didn't care.", &[Feelings]),
        ("Sorry, a mistake crept into your invoice.", &[Passive]),
        // Naming our own work as the cause is clean when the writer owns it. (The bare
        // "Our update broke the login, and it's fixed now." after "Sorry the app logged
        // you out." now reads as an excuse to the model: a cause given, nobody owning it.)
        ("Sorry the app logged you out. Our update broke the login; that was my mistake, and it's fixed now.", &[]),
        ("I'm sorry we lost your parcel. The courier collected the replacement this morning.", &[]),
        ("If I had checked the address, none of this would have happened, and I'm sorry.", &[]),
        ("Sorry to hear your cat's poorly. I left the gate open, which was careless of me.", &[]),
    ];
    for (input, expected) in cases {
        check_case(input, expected);
    }
}

#[test]
fn spans_are_character_offsets() {
    // Emoji and accents before the finding shift bytes but not chars.
    let text = "Zoë 🎂 — I'm sorry if you were upset.";
    let f = check_case(text, &[Conditional]);
    let (s, e) = (f[0].start.unwrap(), f[0].end.unwrap());
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(chars[s..e].iter().collect::<String>(), f[0].text);
    // A span is the text its replacement stands in: the "if" clause goes,
    // the apology stays.
    assert_eq!(f[0].text, "sorry if you were upset");
    assert_eq!(f[0].replacement, "sorry");

    let f = check_case("Ma’a salama. We’re sorry, however the shop was closed.", &[But]);
    assert_eq!(f[0].text, ", however the shop was closed");
    assert_eq!(f[0].start, Some(24));

    let f = check_case("שלום! Sorry for any inconvenience caused.", &[Hedge, Minimizing]);
    assert_eq!(f[0].text, "Sorry for any");
    assert_eq!(f[0].start, Some(6));
    let f = check_case("Cafe\u{301}: apologies for the slight delay.", &[Minimizing]);
    assert_eq!(f[0].text, "slight delay");
    assert_eq!(f[0].start, Some(25));
}

#[test]
fn findings_are_sorted_and_disjoint() {
    let text = "I'm sorry if you were upset, but our supplier let us down and mistakes were made. Sorry for any inconvenience.";
    let f = check(text);
    assert!(f.len() >= 4, "{f:#?}");
    for w in f.windows(2) {
        assert!(w[0].end.unwrap() <= w[1].start.unwrap());
    }
}

const GOOD_LETTER: &str = "Dear Sam,\n\nYou told us your kitchen tiles arrived cracked on Tuesday. This was my mistake: I packed them without enough padding. I am sorry.\n\nA new set will be delivered by Friday 14 March, and I will call you on Monday to check they are right. I have refunded the $240.00 delivery charge.\n\nIf you need me, call me on 07700 900123.\n\nYours sincerely,\nAlex";

#[test]
fn completeness_of_a_good_letter() {
    assert!(looks_like_letter(GOOD_LETTER));
    let f = check_letter(GOOD_LETTER, false);
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn completeness_lists_each_missing_part() {
    let bare = "Dear Sam,\n\nThank you for your message about the tiles. We have received it and our team has looked at the photographs that you sent over to us last week, together with the delivery note and the invoice from the merchant.\n\nYours sincerely,\nAlex";
    let f = check_letter(bare, false);
    let missing: Vec<&Finding> = f.iter().filter(|f| f.kind == Missing).collect();
    assert_eq!(missing.len(), 5, "{f:#?}");
    assert!(missing.iter().all(|m| m.start.is_none() && m.end.is_none() && !m.message.is_empty()));
    // A message that only opens like a letter (no sign-off) is checked for qualifiers only.
    let note = "Dear Sam, thank you for your message about the tiles. We have received it and our team has looked at the photographs that you sent over to us last week, together with the delivery note and the invoice.";
    assert!(check_letter(note, false).iter().all(|f| f.kind != Missing));
    // A sentence being drafted is not a letter unless forced.
    assert!(check_letter("I am sorry.", false).is_empty());
    assert!(!check_letter("I am sorry.", true).is_empty());
}

#[test]
fn serialises_lowercase() {
    let f = check("Sorry if you were upset.");
    let json = serde_json::to_string(&f).unwrap();
    assert!(json.contains("\"kind\":\"conditional\""), "{json}");
}

#[test]
fn huge_and_odd_inputs_do_not_panic() {
    let big = "I'm sorry if you were upset, but mistakes were made. ".repeat(100_000);
    assert!(big.len() > 5_000_000);
    let f = check(&big);
    assert!(!f.is_empty());
    let odd = "\u{0}\u{7}\r\n\t'’`..!!??—–-\"“”«»(sorry)if'''s n't 'd";
    let _ = check_letter(odd, true);
    let _ = check(&"a".repeat(100_000));
    let _ = check(&"'".repeat(10_000));
}

fn assert_valid(text: &str, fs: &[Finding]) {
    let chars: Vec<char> = text.chars().collect();
    let mut last = 0;
    for f in fs {
        if f.kind == Missing {
            continue;
        }
        let (s, e) = (f.start.unwrap(), f.end.unwrap());
        assert!(s < e && e <= chars.len() && s >= last, "{text:?} {f:?}");
        assert_eq!(chars[s..e].iter().collect::<String>(), f.text);
        last = e;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn fuzz_arbitrary_strings(s in "\\PC*") {
        let f = check_letter(&s, true);
        assert_valid(&s, &f);
    }

    #[test]
    fn fuzz_word_soup(words in proptest::collection::vec(prop::sample::select(vec![
        "sorry", "if", "but", "however", "you", "were", "upset", "any", "inconvenience", "we", "I'm", "didn't",
        "not", "only", "also", "a", "slight", "delay", ",", ".", "—", "’", "Zoë", "🎂", "שלום", "e\u{301}", "\n", "had", "you'd",
        "though", "even", "yet", "that", "said", "mistakes", "made", "was", "our", "supplier", "let", "us", "down",
    ]), 0..60)) {
        let s = words.join(" ");
        let f = check_letter(&s, true);
        assert_valid(&s, &f);
    }
}

#[test]
#[ignore]
fn timing_400_word_letter() {
    let para = "Dear Sam, you told us the tiles arrived cracked on Tuesday and that your fitter had to leave. This was my mistake: I packed them without enough padding, and I am sorry. A new set will be delivered by Friday, and I will call you on Monday. I have refunded the delivery charge in full. If you need me, call me on 07700 900123. ";
    let mut text = String::new();
    while text.split_whitespace().count() < 400 {
        text.push_str(para);
    }
    let words = text.split_whitespace().count();
    let _ = check(&text);
    let n = 2000;
    let t0 = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(check(std::hint::black_box(&text)));
    }
    let per = t0.elapsed() / n;
    let t1 = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(check_letter(std::hint::black_box(&text), true));
    }
    let per_letter = t1.elapsed() / n;
    println!("{words} words: check {per:?}, check_letter {per_letter:?}");
}

/// Five more labelled sets, each written independently by a different team
/// member without seeing the checker or the other sets. Sets 1–4 were each
/// measured once while unseen and then used to improve the rules; set 5 was
/// written last and measured once, unseen (P 0.982, R 0.925, F1 0.953). The
/// thresholds stop any change from quietly losing ground on them.
#[test]
fn team_sets_hold_their_scores() {
    let sets: [(&str, &str, f64, f64); 5] = [
        ("team1", include_str!("data/qualifiers_team1.tsv"), 0.97, 0.95),
        ("team2", include_str!("data/qualifiers_team2.tsv"), 0.97, 0.95),
        ("team3", include_str!("data/qualifiers_team3.tsv"), 0.97, 0.95),
        ("team4", include_str!("data/qualifiers_team4.tsv"), 0.97, 0.95),
        ("team5", include_str!("data/qualifiers_team5.tsv"), 0.97, 0.95),
    ];
    for (name, data, min_p, min_f1) in sets {
        assert_floors(name, data, min_p, min_f1);
    }
}

/// The six sets by writers who never saw the rules (docs/checker-unseen.md).
/// Sets 1 and 2 were used to generalise the rules (clauses.rs), sets 3 and 4
/// after their one-time measurement; sets 5 and 6 were measured once, unseen. The floors
/// sit a little under what each measured, so no change quietly loses ground.
#[test]
fn unseen_sets_hold_their_scores() {
    let sets: [(&str, &str, f64, f64); 14] = [
        ("unseen1", include_str!("data/qualifiers_unseen1.tsv"), 0.97, 0.95),
        ("unseen2", include_str!("data/qualifiers_unseen2.tsv"), 0.97, 0.95),
        ("unseen3", include_str!("data/qualifiers_unseen3.tsv"), UNSEEN3_FLOOR.0, UNSEEN3_FLOOR.1),
        ("unseen4", include_str!("data/qualifiers_unseen4.tsv"), UNSEEN4_FLOOR.0, UNSEEN4_FLOOR.1),
        ("unseen5", include_str!("data/qualifiers_unseen5.tsv"), UNSEEN5_FLOOR.0, UNSEEN5_FLOOR.1),
        ("unseen6", include_str!("data/qualifiers_unseen6.tsv"), UNSEEN6_FLOOR.0, UNSEEN6_FLOOR.1),
        ("unseen7", include_str!("data/qualifiers_unseen7.tsv"), UNSEEN7_FLOOR.0, UNSEEN7_FLOOR.1),
        ("unseen8", include_str!("data/qualifiers_unseen8.tsv"), UNSEEN8_FLOOR.0, UNSEEN8_FLOOR.1),
        ("unseen9", include_str!("data/qualifiers_unseen9.tsv"), UNSEEN9_FLOOR.0, UNSEEN9_FLOOR.1),
        ("unseen10", include_str!("data/qualifiers_unseen10.tsv"), UNSEEN10_FLOOR.0, UNSEEN10_FLOOR.1),
        ("unseen11", include_str!("data/qualifiers_unseen11.tsv"), UNSEEN11_FLOOR.0, UNSEEN11_FLOOR.1),
        ("unseen12", include_str!("data/qualifiers_unseen12.tsv"), UNSEEN12_FLOOR.0, UNSEEN12_FLOOR.1),
        ("unseen13", include_str!("data/qualifiers_unseen13.tsv"), UNSEEN13_FLOOR.0, UNSEEN13_FLOOR.1),
        ("unseen14", include_str!("data/qualifiers_unseen14.tsv"), UNSEEN14_FLOOR.0, UNSEEN14_FLOOR.1),
    ];
    for (name, data, min_p, min_f1) in sets {
        assert_floors(name, data, min_p, min_f1);
    }
}

/// Floors (precision, F1). Sets 3 and 4 were measured once unseen (P 0.980,
/// F1 0.891; P 0.961, F1 0.883) and then tuned on (P 1.000 and 0.991, F1
/// 0.970 each on 2026-12-06).
const UNSEEN3_FLOOR: (f64, f64) = (0.97, 0.95);
const UNSEEN4_FLOOR: (f64, f64) = (0.97, 0.95);
/// Sets 5 and 6, measured once unseen on 2026-12-06 (P 0.978, F1 0.854; P
/// 0.971, F1 0.892; docs/checker-unseen.md rows 13 and 14).
const UNSEEN5_FLOOR: (f64, f64) = (0.96, 0.84);
const UNSEEN6_FLOOR: (f64, f64) = (0.96, 0.88);
/// Sets 7 and 8, measured once unseen on 2026-12-06 23:28 (P 0.971, F1 0.897;
/// P 0.959, F1 0.857; docs/checker-unseen.md rows 15 and 16), then trained on
/// (P 0.973, F1 0.930; P 0.963, F1 0.912; rows 17 and 18).
const UNSEEN7_FLOOR: (f64, f64) = (0.96, 0.92);
const UNSEEN8_FLOOR: (f64, f64) = (0.95, 0.90);
/// Sets 9 and 10, measured once unseen on 2026-12-07 01:25 with the rules
/// alone (P 0.962, F1 0.903; P 0.981, F1 0.911; rows 19 and 20); the model
/// was then trained on them (P 0.991, F1 0.979; P 0.992, F1 0.987).
const UNSEEN9_FLOOR: (f64, f64) = (0.97, 0.95);
const UNSEEN10_FLOOR: (f64, f64) = (0.97, 0.95);
/// Sets 11 and 12, measured once unseen on 2026-12-07 02:07 with the rules
/// and the first model (P 0.991, F1 0.943; P 1.000, F1 0.943; rows 21 and 22),
/// then trained on.
const UNSEEN11_FLOOR: (f64, f64) = (0.97, 0.95);
const UNSEEN12_FLOOR: (f64, f64) = (0.97, 0.95);
/// Sets 13 and 14, measured once unseen on 2026-12-07 02:10 by the checker as
/// it stands (P 0.991, F1 0.961; P 0.975, F1 0.966; rows 25 and 26); the
/// model has not been trained on them.
const UNSEEN13_FLOOR: (f64, f64) = (0.98, 0.95);
const UNSEEN14_FLOOR: (f64, f64) = (0.97, 0.95);

/// The model in `src/checker/model.txt` gives the same probabilities in Rust
/// as in the script that trained it (`scripts/train_checker_model.py` writes
/// these passages and its figures), so its features are computed the same way.
#[test]
fn the_model_matches_its_training_script() {
    let mut n = 0;
    for line in include_str!("data/checker_model_check.tsv").lines() {
        let (want, text) = line.split_once('\t').unwrap();
        let want: f32 = want.parse().unwrap();
        let got = amends::checker::model::probability(text);
        assert!((got - want).abs() < 0.002, "{text}: Rust {got:.4}, script {want:.4}");
        n += 1;
    }
    assert!(n >= 60);
}

/// Is there an apology in `text` (not "sorry to hear", not "regrettable")?
fn apologises(text: &str) -> bool {
    let lower = text.to_lowercase().replace('\u{2019}', "'");
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.iter().enumerate().any(|(i, w)| {
        let apology = matches!(
            *w,
            "sorry"
                | "apologise"
                | "apologize"
                | "apologies"
                | "apology"
                | "apologised"
                | "apologized"
                | "regret"
                | "regrets"
        );
        apology && !(words.get(i + 1) == Some(&"to") && matches!(words.get(i + 2), Some(&"hear") | Some(&"learn")))
    })
}

/// The one-click rewrite (`fix`, repeated while findings remain, at most three
/// rounds), over every qualified passage of all fourteen labelled sets: the
/// rewrite has no findings, and a passage that apologised still does. A few
/// rewrites still fail (a hedge woven through the sentence, an apology that is
/// itself the qualifier); they are counted (9 of 2,856 on 2026-12-07; 17 of
/// the first 1,416 with a single round on 2026-12-06), and the count may only go down.
#[test]
fn rewrites_are_plain_apologies() {
    let sets = [
        include_str!("data/qualifiers.tsv"),
        include_str!("data/qualifiers_team1.tsv"),
        include_str!("data/qualifiers_team2.tsv"),
        include_str!("data/qualifiers_team3.tsv"),
        include_str!("data/qualifiers_team4.tsv"),
        include_str!("data/qualifiers_team5.tsv"),
        include_str!("data/qualifiers_unseen1.tsv"),
        include_str!("data/qualifiers_unseen2.tsv"),
        include_str!("data/qualifiers_unseen3.tsv"),
        include_str!("data/qualifiers_unseen4.tsv"),
        include_str!("data/qualifiers_unseen5.tsv"),
        include_str!("data/qualifiers_unseen6.tsv"),
        include_str!("data/qualifiers_unseen7.tsv"),
        include_str!("data/qualifiers_unseen8.tsv"),
        include_str!("data/qualifiers_unseen9.tsv"),
        include_str!("data/qualifiers_unseen10.tsv"),
        include_str!("data/qualifiers_unseen11.tsv"),
        include_str!("data/qualifiers_unseen12.tsv"),
        include_str!("data/qualifiers_unseen13.tsv"),
        include_str!("data/qualifiers_unseen14.tsv"),
    ];
    let (mut n, mut failures) = (0, Vec::new());
    for data in sets {
        for line in data.lines().filter(|l| l.starts_with("1\t")) {
            let text = line.splitn(3, '\t').nth(2).unwrap();
            let once = apply_replacements(text, &check(text));
            let fixed = fix(text);
            // One round of replacements is the rewrite whenever it is already clean.
            if check(&once).is_empty() {
                assert_eq!(once, fixed);
            }
            n += 1;
            let left = check(&fixed);
            if !left.is_empty() || apologises(text) && !apologises(&fixed) {
                failures.push(format!(
                    "{text}\n  => {fixed}\n  {:?}",
                    left.iter().map(|f| (f.kind, &f.text)).collect::<Vec<_>>()
                ));
            }
        }
    }
    println!("{n} rewrites, {} still qualified or without an apology", failures.len());
    assert!(n > 2700);
    assert!(failures.len() <= MAX_REWRITE_FAILURES, "{}", failures.join("\n"));
}

const MAX_REWRITE_FAILURES: usize = 9;

#[test]
fn replacements_by_position() {
    let cases: &[(&str, &str)] = &[
        ("I'm sorry, but we were busy.", "I'm sorry."),
        ("Sorry for the slight delay.", "Sorry for the delay."),
        ("I'm sorry if you were upset.", "I'm sorry."),
        ("If the grout has cracked, we apologise.", "We apologise."),
        ("Sorry the lamb was off. Our butcher shorted Thursday's delivery.", "Sorry the lamb was off."),
        ("Sorry about the mini hiccup with your invoice.", "Sorry about the problem with your invoice."),
        (
            "I'm sorry. I sent the wrong size, and I have refunded you.",
            "I'm sorry. I sent the wrong size, and I have refunded you.",
        ),
        ("Sorry you came away feeling let down by the tasting menu.", "Sorry."),
        ("Unless the vase was already chipped when it left us, we apologise.", "We apologise."),
        ("Sorry the parcel was marginally late.", "Sorry the parcel was late."),
    ];
    // Line breaks stay when a sentence at the end of a line goes.
    let letter = "Dear Sam,\n\nI am sorry, but we were busy. The van broke down.\n\nYours,\nAlex\n";
    assert_eq!(fix(letter), "Dear Sam,\n\nI am sorry.\n\nYours,\nAlex\n");
    for (input, want) in cases {
        assert_eq!(&fix(input), want, "input: {input}\nfindings: {:#?}", check(input));
    }
    // Each finding's replacement stands exactly in its span.
    let f = check("Sorry for the slight delay.");
    assert_eq!(f[0].text, "slight delay");
    assert_eq!(f[0].replacement, "delay");
}

/// Score a labelled set (`label<TAB>kind<TAB>passage`) on "does this passage
/// hold a qualifier" and hold it to its floors. Prints only the figures,
/// never a passage.
fn assert_floors(name: &str, data: &str, min_p: f64, min_f1: f64) {
    let (mut tp, mut fp, mut fneg) = (0u32, 0u32, 0u32);
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let mut it = line.splitn(3, '\t');
        let (label, _kind, text) = (it.next().unwrap(), it.next().unwrap(), it.next().unwrap());
        let flagged = check(text).iter().any(qualifier);
        match (label == "1", flagged) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fneg += 1,
            (false, false) => {}
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fneg).max(1) as f64;
    let f1 = 2.0 * p * r / (p + r).max(1e-9);
    println!("{name}: P {p:.3} R {r:.3} F1 {f1:.3}");
    assert!(p >= min_p && f1 >= min_f1, "{name}: P {p:.3} R {r:.3} F1 {f1:.3}");
}

/// The model's own finding sits where the qualifier is: an excuse on the
/// sentence beside the apology (so the rewrite keeps what the apology is
/// for), a feeling inside the apology's sentence.
#[test]
fn the_models_findings_sit_on_the_qualifying_sentence() {
    let text = "Apologies for the slow breakfast service on Sunday. We had a new starter on that morning who was still finding her feet.";
    let found = check(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].kind, FindingKind::Excuse);
    assert!(found[0].text.trim_start().starts_with("We had a new starter"), "{:?}", found[0].text);
    assert_eq!(fix(text), "Apologies for the slow breakfast service on Sunday.");
}
