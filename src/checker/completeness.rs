//! Completeness: what a whole apology letter is missing.
//!
//! The recovery method needs five things in a letter: an admission in the
//! first person, a plain apology, a repair, a date, and a direct line to the
//! owner. An explanation of the cause is deliberately not required. This
//! module must never report a span (these findings point at nothing) and
//! never judge style; that is the qualifier rules' job.

use super::tokenise::Tokens;
use super::{Finding, FindingKind, PatternSet};
use std::sync::OnceLock;

struct Parts {
    ack: PatternSet,
    apology: PatternSet,
    repair: PatternSet,
    date: PatternSet,
    contact: PatternSet,
}

fn parts() -> &'static Parts {
    static P: OnceLock<Parts> = OnceLock::new();
    P.get_or_init(|| Parts {
        ack: PatternSet::new(&[
            "my|our ?own fault|mistake|mistakes|error|errors|responsibility|doing|oversight|failure|blunder|slip",
            "i|we got _3 wrong",
            "i|we made a|an|the|this|that|some|two|several ?big|huge|serious|real|careless|basic|stupid|bad mistake|error|mistakes|errors|mess",
            "i|we take|accept ?full|complete|total|all ?the responsibility|blame",
            "i|we let you down",
            "i|we messed|mucked|slipped|dropped|failed|forgot|misread|misheard|overlooked|broke|lost|missed|mixed|muddled|mislabelled|ignored",
            "i|we should|ought have|'ve|to",
            "on me|us $",
            "is|was|'s|rests on me|us",
            "is|was|'s ?entirely|all|completely|wholly mine|ours",
            "i|we own this|it|that|the",
            "i|we did|didn not",
            "i|we sent|charged|packed|booked|gave|delivered|fitted|cut|printed|wrote|entered|promised|told|used|put|cancelled _3 wrong|twice|late|incorrect|without|before|the",
            "fault|responsibility|blame|mistake|error _3 mine|ours",
            "i|we am|are|was|were ?fully|entirely|completely responsible|to blame|at fault",
        ]),
        apology: PatternSet::new(&[
            "i|we ?am|are|'m|'re|was|were|remain|feel ?so|very|truly|really|deeply|terribly|genuinely|incredibly|sincerely|awfully|extremely|profoundly sorry",
            "i|we ?sincerely|truly|deeply|unreservedly|wholeheartedly|genuinely|really ?do apologise",
            "my|our ?sincere|sincerest|deepest|heartfelt|humble|unreserved|genuine|honest|full apologies|apology",
            "so|very|truly|really|deeply|terribly ?sorry",
            "sorry $",
            "please accept _4 apology|apologies",
            "i|we ?want|wanted|would|'d ?like ?to apologise|say",
            "forgive me|us",
        ]),
        repair: PatternSet::new(&[
            "refund|refunded|refunding|reimburse|reimbursed|reimbursement|replace|replaced|replacement|replacing|redo|remake|remade|repair|repaired|repairing|fix|fixed|fixing|credit|credited|voucher|discount|compensate|compensation|rebook|rebooked|reprint|reprinted|redeliver|redelivered|resend|resent|reinstall|refit|refitted|repaint|repainted|free|complimentary|waive|waived|cover|covered|covering|paid|pay|reissue|reissued|rectify|restore|restored|returned|return",
            "on us|me $",
            "make|put|set _3 right|up",
            "no charge|cost",
            "send|sending|sent _3 new|another|fresh|second|correct|right",
            "come|coming back",
            "at no",
        ]),
        date: PatternSet::new(&[
            "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun",
            "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec # ?th|st|nd|rd",
            "# ?th|st|nd|rd ?of january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec",
            "tomorrow|today|tonight|tomorrow's|today's",
            "this|next|coming afternoon|evening|morning|week|weekend|month",
            "within|in|under # ?working|business|more hours|days|weeks|hour|day",
            "within|in|under a|an|one|two|three|four|five|seven|ten|fourteen|few|24|48|72 ?working|business hours|days|weeks|hour|day|week",
            "by|before the|this end of",
            "end of the|this day|week|month",
            "# _1 #",
        ]),
        contact: PatternSet::new(&[
            "call|ring|phone|text|email|e|mail|reach|contact|message|whatsapp me|us ?directly|personally|anytime|any ?on|at|via",
            "my direct|own|personal|mobile ?line|number|phone|mobile|email|e|mail|address|extension|cell",
            "direct line|number|dial",
            "mobile|phone|tel|telephone|email|cell is|'s|on",
        ]),
    })
}

fn has_phone_or_email(text: &str) -> bool {
    let mut digits = 0usize;
    let mut run_ok = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits += 1;
            if digits >= 7 {
                run_ok = true;
                break;
            }
        } else if !matches!(c, ' ' | '-' | '(' | ')' | '+' | '.') {
            digits = 0;
        }
    }
    if run_ok {
        return true;
    }
    // An e-mail address: something@something.something
    text.split(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '(' || c == ')').any(|w| match w.find('@') {
        Some(at) => at > 0 && w[at + 1..].trim_end_matches(['.', ',', ';']).contains('.'),
        None => false,
    })
}

fn has_numeric_date(text: &str) -> bool {
    // 12/03/2026, 2026-03-12, 12.03.26
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        if b[i].is_ascii_digit() {
            let st = i;
            while i < n && b[i].is_ascii_digit() {
                i += 1;
            }
            if i < n && matches!(b[i], b'/' | b'-' | b'.') && i + 1 < n && b[i + 1].is_ascii_digit() && i - st <= 4 {
                let sep = b[i];
                let mut j = i + 1;
                while j < n && b[j].is_ascii_digit() {
                    j += 1;
                }
                if j < n && b[j] == sep && j + 1 < n && b[j + 1].is_ascii_digit() {
                    return true;
                }
            }
        } else {
            i += 1;
        }
    }
    false
}

pub fn looks_like_letter(text: &str) -> bool {
    let trimmed = text.trim_start();
    let first_line: String = trimmed.lines().next().unwrap_or("").to_lowercase();
    let greeting = ["dear ", "hi ", "hello ", "hey ", "good morning", "good afternoon", "good evening", "to whom"]
        .iter()
        .any(|g| first_line.starts_with(g));
    let lower = text.to_lowercase();
    let closing = [
        "yours sincerely",
        "yours faithfully",
        "yours truly",
        "best wishes",
        "kind regards",
        "warm regards",
        "best regards",
        "regards,",
        "sincerely,",
        "with apologies",
        "with my apologies",
        "with our apologies",
        "warmly,",
        "all the best",
        "many thanks",
        "thanks again",
        "yours,",
    ]
    .iter()
    .any(|c| lower.contains(c));
    // A whole letter has both a greeting and a sign-off: a short message that
    // merely starts "Dear Sam," is checked for qualifiers only.
    let words = text.split_whitespace().take(41).count();
    greeting && closing && words > 40
}

fn missing_finding(message: &str, suggestion: &str) -> Finding {
    Finding {
        start: None,
        end: None,
        kind: FindingKind::Missing,
        text: String::new(),
        message: message.to_string(),
        suggestion: Some(suggestion.to_string()),
        replacement: String::new(),
    }
}

pub fn missing(text: &str, t: &Tokens) -> Vec<Finding> {
    let p = parts();
    let n = t.len();
    let mut out = Vec::new();
    if !p.ack.any_in(t, 0, n) {
        out.push(missing_finding(
            "The letter never says in plain words that the mistake was yours.",
            "Add a sentence like \"This was my mistake.\" or \"We got this wrong.\"",
        ));
    }
    if !p.apology.any_in(t, 0, n) {
        out.push(missing_finding(
            "The letter never actually says sorry.",
            "Add a plain \"I am sorry.\" near the start.",
        ));
    }
    if !p.repair.any_in(t, 0, n) {
        out.push(missing_finding(
            "The letter doesn't say what you will do to put it right.",
            "Say what you are doing about it: a refund, a replacement, a redo, and what it costs them (nothing).",
        ));
    }
    if !p.date.any_in(t, 0, n) && !has_numeric_date(text) {
        out.push(missing_finding(
            "There is no date: the customer can't tell when it will be fixed or when they will hear from you.",
            "Add a date, e.g. \"Your replacement will arrive by Friday 14 March, and I will call you on Monday.\"",
        ));
    }
    if !has_phone_or_email(text) && !p.contact.any_in(t, 0, n) {
        out.push(missing_finding(
            "There is no direct way for the customer to reach you.",
            "Add your own direct phone number or email, so they can reach you without going through anyone else.",
        ));
    }
    out
}
