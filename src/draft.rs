//! Drafts apology letters, e-mails, call scripts and "what we changed"
//! follow-ups from plain facts, following the recovery method: greet by
//! name, repeat back what happened, own it in the first person, apologise
//! plainly, say what is being fixed and exactly when, state the make-up,
//! give a direct line, sign by name.
//!
//! Every fixed sentence here is written to pass the qualifier checker. The
//! owner's own words are inserted only between punctuation marks, so a
//! checker finding can never straddle our wording and theirs. This module
//! must never invent facts (dates, amounts, causes) the owner did not give,
//! and never be random: the same input and seed give the same letter.

use crate::domain::BusinessType;
use crate::letter_text::{DatedChange, LetterText};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// How the letter sounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    #[default]
    Warm,
    Formal,
}

impl FromStr for Tone {
    type Err = String;
    fn from_str(s: &str) -> Result<Tone, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "warm" => Ok(Tone::Warm),
            "formal" => Ok(Tone::Formal),
            other => Err(format!("unknown tone {other:?} (expected \"warm\" or \"formal\")")),
        }
    }
}

/// Where the fix stands. Dates are already formatted by the caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FixState {
    Fixed {
        on: String,
    },
    Promised {
        by: String,
    },
    #[default]
    Unknown,
}

/// The facts of one incident, mapped from the main crate's records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct DraftInput {
    pub customer_name: String,
    pub business_name: String,
    pub signer_name: String,
    pub signer_title: String,
    pub direct_phone: Option<String>,
    pub direct_email: Option<String>,
    pub incident_title: String,
    /// What happened, in the customer's words.
    pub customers_words: Option<String>,
    /// Our repeat-back of what happened.
    pub our_understanding: Option<String>,
    pub discovered_by_us: bool,
    pub fix: FixState,
    /// Formatted date we will be in touch next.
    pub next_contact: Option<String>,
    /// e.g. "a full refund of $240.00 and a free repaint"
    pub make_up: Option<String>,
    pub changes: Vec<DatedChange>,
    pub root_cause: Option<String>,
    pub second_failure: bool,
    /// What kind of business writes: a trade does jobs, a restaurant takes bookings.
    pub business_type: BusinessType,
    /// The incident's category ("delivery", "billing", "staff"…).
    pub category: String,
}

/// What the customer had from us, in the words of this business: (what went
/// wrong with, when we found it). A rude phone call is not "your order".
fn what_went_wrong(input: &DraftInput) -> (&'static str, &'static str) {
    match input.category.trim() {
        "staff" | "communication" => ("the way we dealt with you", "before you had to raise it"),
        "billing" => ("your bill", "before you spotted it"),
        _ => match input.business_type {
            BusinessType::Trades => ("the work we did for you", "before you spotted it"),
            BusinessType::Restaurant => ("your booking", "before you came in"),
            BusinessType::Services => ("your appointment", "before you noticed it"),
            BusinessType::Retail | BusinessType::General => ("your order", "before it reached you"),
        },
    }
}

/// The next piece of business, for "I will look after your next … myself".
fn next_time(input: &DraftInput) -> &'static str {
    match input.business_type {
        BusinessType::Trades => "job",
        BusinessType::Restaurant => "visit",
        BusinessType::Services => "appointment",
        BusinessType::Retail | BusinessType::General => "order",
    }
}

/// Words that only make sense on the day they were written ("next week",
/// "tomorrow", "on Friday").
fn counts_from_then(s: &str) -> bool {
    const RELATIVE: &[&str] = &[
        "today",
        "tonight",
        "tomorrow",
        "yesterday",
        "this morning",
        "this afternoon",
        "this evening",
        "this week",
        "next week",
        "last week",
        "this weekend",
        "next weekend",
        "last weekend",
        "this month",
        "next month",
        "last month",
        "last night",
        "next year",
        "this year",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "days' time",
        "weeks' time",
        "in a week",
        "in two weeks",
    ];
    let words: String =
        s.to_lowercase().chars().map(|c| if c.is_alphanumeric() || c == '\'' { c } else { ' ' }).collect();
    let padded = format!(" {} ", words.split_whitespace().collect::<Vec<_>>().join(" "));
    RELATIVE.iter().any(|r| padded.contains(&format!(" {r} ")))
}

/// Owner text as it will appear in a draft: whitespace collapsed, trimmed,
/// trailing sentence punctuation dropped (the drafter adds its own). Empty
/// means "not given". Public so callers (and tests) can find inserted text.
pub fn clean_fragment(s: &str) -> String {
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.trim_end_matches(['.', '!', '?', ';', ',', ':', ' ']).trim().to_string()
}

fn opt(s: &Option<String>) -> Option<String> {
    s.as_deref().map(clean_fragment).filter(|s| !s.is_empty())
}

fn nonempty(s: &str) -> Option<String> {
    Some(clean_fragment(s)).filter(|s| !s.is_empty())
}

/// Chooses among wordings. A hash of seed, customer and incident so two
/// customers of one shop get different letters, but one customer always
/// gets the same letter for the same seed.
struct Picker {
    h: u64,
}

impl Picker {
    fn new(input: &DraftInput, seed: u64) -> Picker {
        // FNV-1a: stable across runs and platforms, unlike std's hasher.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |bytes: &[u8]| {
            for &b in bytes {
                h ^= b as u64;
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            h ^= 0xff;
            h = h.wrapping_mul(0x0100_0000_01b3);
        };
        eat(&seed.to_le_bytes());
        eat(input.customer_name.trim().as_bytes());
        eat(input.incident_title.trim().as_bytes());
        Picker { h }
    }

    fn pick<'a>(&self, slot: u64, options: &[&'a str]) -> &'a str {
        // splitmix64 finaliser so neighbouring slots are independent.
        let mut z = self.h.wrapping_add(slot.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        options[(z % options.len() as u64) as usize]
    }
}

const HONORIFICS: &[&str] =
    &["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "mr.", "mrs.", "ms.", "dr."];

fn salutation(input: &DraftInput, tone: Tone) -> String {
    let full = clean_fragment(&input.customer_name);
    if full.is_empty() || !full.chars().any(|c| c.is_alphanumeric()) {
        return "Dear customer,".to_string();
    }
    let first = full.split(' ').next().unwrap_or("");
    let titled = HONORIFICS.contains(&first.to_lowercase().as_str());
    let name = match tone {
        Tone::Warm if !titled => first.to_string(),
        _ => full,
    };
    format!("Dear {name},")
}

fn greeting_name(input: &DraftInput) -> Option<String> {
    let full = clean_fragment(&input.customer_name);
    if full.is_empty() || !full.chars().any(|c| c.is_alphanumeric()) {
        return None;
    }
    let first = full.split(' ').next().unwrap_or("").to_string();
    if HONORIFICS.contains(&first.to_lowercase().as_str()) {
        Some(full)
    } else {
        Some(first)
    }
}

/// Collapse any accidental double spaces and drop empty sentences.
fn join(parts: &[String]) -> String {
    let s = parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn signer_title_line(input: &DraftInput) -> String {
    match (nonempty(&input.signer_title), nonempty(&input.business_name)) {
        (Some(t), Some(b)) => format!("{t}, {b}"),
        (Some(t), None) => t,
        (None, Some(b)) => b,
        (None, None) => String::new(),
    }
}

fn signer_name(input: &DraftInput) -> String {
    clean_fragment(&input.signer_name)
}

/// The repeat-back: what happened, in the customer's words and ours.
fn what_happened(input: &DraftInput, tone: Tone, p: &Picker) -> Vec<String> {
    let mut out = Vec::new();
    let cw = opt(&input.customers_words);
    let ou = opt(&input.our_understanding);
    let title = nonempty(&input.incident_title);
    if input.discovered_by_us {
        let (what, before) = what_went_wrong(input);
        let options = match tone {
            Tone::Warm => [
                format!(
                    "We found a problem with {what} {before}, and I wanted you to hear about it from me straight away."
                ),
                format!(
                    "{}, we spotted a problem with {what}, and I want to tell you about it myself.",
                    crate::text::capitalise_first(before)
                ),
                format!(
                    "We found a problem with {what} {before}, so I am writing to tell you plainly what went wrong."
                ),
            ],
            Tone::Formal => [
                format!(
                    "We found a problem with {what} {before}, and I am writing to tell you about it straight away."
                ),
                format!(
                    "{}, we identified a problem with {what}, and I wish to tell you about it directly.",
                    crate::text::capitalise_first(before)
                ),
                format!("We found a problem with {what} {before}, and I want you to hear about it from me first."),
            ],
        };
        let refs: Vec<&str> = options.iter().map(String::as_str).collect();
        out.push(p.pick(1, &refs).to_string());
        if let Some(ou) = ou.or(title) {
            out.push(format!("{} {ou}.", p.pick(2, &["Here is what we found:", "The problem:", "In short:"])));
        }
    } else {
        if let Some(cw) = cw {
            let lead = match tone {
                Tone::Warm => p.pick(
                    3,
                    &["You told us:", "In your words:", "When you got in touch, you said:", "You wrote to us:"],
                ),
                Tone::Formal => p.pick(
                    3,
                    &[
                        "You told us:",
                        "In your message you said:",
                        "You described it as follows:",
                        "When you contacted us, you wrote:",
                    ],
                ),
            };
            out.push(format!("{lead} \u{201C}{cw}\u{201D}."));
            if let Some(ou) = ou {
                out.push(format!(
                    "{} {ou}.",
                    p.pick(
                        4,
                        &["So I am sure I have it right:", "As I understand it:", "To repeat it back:", "Put plainly:"]
                    )
                ));
            }
        } else if let Some(ou) = ou {
            out.push(format!(
                "{} {ou}.",
                p.pick(
                    5,
                    &[
                        "Thank you for telling us what went wrong. As I understand it:",
                        "Thank you for telling us. To repeat back what happened:",
                        "Thank you for getting in touch. Here is what happened, as I understand it:"
                    ]
                )
            ));
        } else if let Some(title) = title {
            out.push(format!(
                "{} {title}.",
                p.pick(
                    6,
                    &[
                        "Thank you for telling us about this:",
                        "Thank you for getting in touch about this:",
                        "You told us about this:"
                    ]
                )
            ));
        } else {
            out.push(
                p.pick(
                    7,
                    &[
                        "Thank you for telling us what went wrong.",
                        "Thank you for getting in touch with us about what went wrong.",
                    ],
                )
                .to_string(),
            );
        }
    }
    if input.second_failure {
        out.push(
            match tone {
                Tone::Warm => p.pick(8, &[
                    "This is the second time we have let you down this year, and that makes it worse.",
                    "This is the second time this year that we have got things wrong for you, and I know that matters.",
                ]),
                Tone::Formal => p.pick(8, &[
                    "This is the second time this year that we have failed you, which makes it more serious still.",
                    "I recognise that this is the second time this year we have let you down.",
                ]),
            }
            .to_string(),
        );
    }
    out
}

fn own_it(tone: Tone, p: &Picker) -> Vec<String> {
    let out = vec![match tone {
        Tone::Warm => p.pick(
            10,
            &[
                "This was my mistake, and I am sorry.",
                "I got this wrong, and I am truly sorry.",
                "The fault is mine, and I am so sorry.",
                "This was my mistake. I am sorry.",
            ],
        ),
        Tone::Formal => p.pick(
            10,
            &[
                "This was my mistake, and I apologise.",
                "I take full responsibility for this mistake, and I apologise.",
                "The responsibility for this is mine, and I apologise unreservedly.",
                "This was my mistake. I am sorry.",
            ],
        ),
    }
    .to_string()];
    // No cause here: the method says the customer wants it put right, not
    // explained; the cause goes in the "what we changed" letter.
    out
}

fn fix_and_dates(input: &DraftInput, tone: Tone, p: &Picker) -> Vec<String> {
    let mut out = Vec::new();
    let next = opt(&input.next_contact);
    match &input.fix {
        FixState::Fixed { on } if !clean_fragment(on).is_empty() => {
            let on = clean_fragment(on);
            out.push(format!(
                "{} {on}.",
                p.pick(20, &["I put it right on", "We fixed it on", "We put it right on", "I fixed it on"])
            ));
        }
        FixState::Promised { by } if !clean_fragment(by).is_empty() => {
            let by = clean_fragment(by);
            out.push(match tone {
                Tone::Warm => format!(
                    "{} {by}.",
                    p.pick(
                        21,
                        &[
                            "I will have it put right by",
                            "I will fix this for you by",
                            "You have my word it will be put right by"
                        ]
                    )
                ),
                Tone::Formal => format!(
                    "{} {by}.",
                    p.pick(
                        21,
                        &[
                            "I will have this put right by",
                            "I will ensure this is fixed by",
                            "I will see that this is put right by"
                        ]
                    )
                ),
            });
        }
        _ => out.push(
            p.pick(
                22,
                &[
                    "I am working on the fix now, and I will give you an exact date as soon as I have it.",
                    "I am working on putting this right now, and I will tell you the exact date as soon as I know it.",
                ],
            )
            .to_string(),
        ),
    }
    match next {
        Some(nc) => out.push(match tone {
            Tone::Warm => format!(
                "{} {nc}.",
                p.pick(
                    23,
                    &["I will be in touch again on", "You will hear from me again on", "I will contact you again on"]
                )
            ),
            Tone::Formal => format!(
                "{} {nc}.",
                p.pick(
                    23,
                    &["I will contact you again on", "You will hear from me again on", "I will write to you again on"]
                )
            ),
        }),
        None => {
            if let FixState::Promised { by } = &input.fix {
                let by = clean_fragment(by);
                if !by.is_empty() {
                    out.push(format!("I will contact you on {by} to confirm it is done."));
                }
            }
        }
    }
    out
}

fn make_up(input: &DraftInput, tone: Tone, p: &Picker) -> Option<String> {
    let mu = opt(&input.make_up)?;
    Some(match tone {
        Tone::Warm => format!(
            "{} {mu}.",
            p.pick(
                30,
                &[
                    "To make up for this, here is what I would like you to have:",
                    "To make it up to you:",
                    "To make up for the trouble I caused you:"
                ]
            )
        ),
        Tone::Formal => format!(
            "{} {mu}.",
            p.pick(
                30,
                &[
                    "To make amends, I would like to offer you the following:",
                    "By way of making amends:",
                    "To make up for this:"
                ]
            )
        ),
    })
}

fn direct_line(input: &DraftInput, tone: Tone, p: &Picker) -> String {
    let phone = opt(&input.direct_phone);
    let email = opt(&input.direct_email);
    match (phone, email) {
        (Some(ph), Some(em)) => format!(
            "{} {ph}, or email me at {em}.",
            p.pick(40, &["You can reach me directly on", "My direct line is", "To talk to me in person, call me on"])
        ),
        (Some(ph), None) => format!(
            "{} {ph}.",
            p.pick(41, &["You can reach me directly on", "My direct line is", "To talk to me in person, call me on"])
        ),
        (None, Some(em)) => format!(
            "{} {em}.",
            p.pick(42, &["You can email me directly at", "My own email address is", "To reach me in person, write to"])
        ),
        (None, None) => match tone {
            Tone::Warm => "You can reply to this letter and it will come straight to me.".to_string(),
            Tone::Formal => "A reply to this letter will come directly to me.".to_string(),
        },
    }
}

fn closing(tone: Tone, p: &Picker) -> String {
    match tone {
        Tone::Warm => p.pick(50, &["With my apologies again,", "Warm wishes,", "With my apologies,", "Yours,"]),
        Tone::Formal => p.pick(50, &["Yours sincerely,", "With my sincere apologies,", "Yours faithfully,"]),
    }
    .to_string()
}

fn changes_intro(tone: Tone, p: &Picker) -> String {
    match tone {
        Tone::Warm => p.pick(
            60,
            &[
                "Here is what I have changed so this does not happen again:",
                "So this does not happen again, here is what we have changed:",
            ],
        ),
        Tone::Formal => p.pick(
            60,
            &[
                "To prevent this from happening again, we have made the following changes:",
                "We have made these changes so that this does not happen again:",
            ],
        ),
    }
    .to_string()
}

fn clean_changes(changes: &[DatedChange]) -> Vec<DatedChange> {
    changes
        .iter()
        .map(|c| DatedChange {
            date: clean_fragment(&c.date),
            text: clean_fragment(&c.text),
            photo_ids: c.photo_ids.clone(),
        })
        .filter(|c| !c.text.is_empty())
        .collect()
}

fn subject(input: &DraftInput, tone: Tone, p: &Picker) -> String {
    match nonempty(&input.incident_title) {
        Some(t) => match tone {
            Tone::Warm => {
                format!("{} {t}", p.pick(70, &["My apology:", "I am sorry:", "Sorry, and what I am doing about it:"]))
            }
            Tone::Formal => format!("{} {t}", p.pick(70, &["Our apology:", "An apology:", "Apology and next steps:"])),
        },
        None => "An apology from us".to_string(),
    }
}

/// A full apology letter.
pub fn draft_apology(input: &DraftInput, tone: Tone, seed: u64) -> LetterText {
    let p = Picker::new(input, seed);
    let mut paragraphs = Vec::new();
    let mut first = what_happened(input, tone, &p);
    first.extend(own_it(tone, &p));
    paragraphs.push(join(&first));
    let mut second = fix_and_dates(input, tone, &p);
    if let Some(m) = make_up(input, tone, &p) {
        second.push(m);
    }
    paragraphs.push(join(&second));
    let changes = clean_changes(&input.changes);
    if !changes.is_empty() {
        paragraphs.push(changes_intro(tone, &p));
    }
    let after_changes = vec![direct_line(input, tone, &p)];
    LetterText {
        subject: subject(input, tone, &p),
        salutation: salutation(input, tone),
        paragraphs,
        changes,
        after_changes,
        closing: closing(tone, &p),
        signer_name: signer_name(input),
        signer_title: signer_title_line(input),
        photo_blocks: Vec::new(),
    }
}

/// The apology as an e-mail: (subject, body).
pub fn draft_email(input: &DraftInput, tone: Tone, seed: u64) -> (String, String) {
    let letter = draft_apology(input, tone, seed);
    (letter.subject.clone(), letter_plain_text(&letter))
}

/// What to say on the phone, with prompts for the owner in brackets.
pub fn draft_call_script(input: &DraftInput, tone: Tone, seed: u64) -> String {
    let p = Picker::new(input, seed.wrapping_add(0x5eed));
    let mut lines = Vec::new();
    let me = signer_name(input);
    let biz = nonempty(&input.business_name);
    let intro = match (me.is_empty(), biz) {
        (false, Some(b)) => format!("this is {me} from {b}."),
        (false, None) => format!("this is {me}."),
        (true, Some(b)) => format!("this is {b} calling."),
        (true, None) => "thank you for picking up.".to_string(),
    };
    let hello = match (greeting_name(input), tone) {
        (Some(n), Tone::Warm) => format!("Hello {n}, {intro}"),
        (Some(n), Tone::Formal) => format!("Good morning, {n}, {intro}"),
        (None, _) => format!("Hello, {intro}"),
    };
    lines.push(hello);
    lines.push(
        p.pick(
            80,
            &[
                "I am calling to apologise to you in person.",
                "I am ringing to say sorry to you myself.",
                "I wanted to call you myself to apologise.",
            ],
        )
        .to_string(),
    );
    lines.push(join(&what_happened(input, tone, &p)));
    lines.push("(Pause. Let them tell it in their own words, and do not interrupt.)".to_string());
    lines.push(join(&own_it(tone, &p)));
    let mut fix = fix_and_dates(input, tone, &p);
    if let Some(m) = make_up(input, tone, &p) {
        fix.push(m);
    }
    lines.push(join(&fix));
    let changes = clean_changes(&input.changes);
    if !changes.is_empty() {
        lines.push(changes_intro(tone, &p));
        for c in &changes {
            lines.push(change_line(c));
        }
    }
    lines.push(
        p.pick(
            81,
            &[
                "Is there something else I have missed?",
                "Have I got all of that right?",
                "What else would help you right now?",
            ],
        )
        .to_string(),
    );
    lines.push("(Listen, and write down what they say.)".to_string());
    lines.push(direct_line(input, tone, &p));
    lines.push(
        p.pick(
            82,
            &["Thank you for talking to me.", "Thank you for your time today.", "Thank you for hearing me out."],
        )
        .to_string(),
    );
    lines.join("\n")
}

/// The "what we changed" letter sent after the fix.
pub fn draft_follow_up(input: &DraftInput, tone: Tone, seed: u64) -> LetterText {
    let p = Picker::new(input, seed.wrapping_add(0xf011));
    let mut first = vec![match tone {
        Tone::Warm => p.pick(
            90,
            &[
                "I am writing again about the time we let you down.",
                "I wanted to write to you again about what went wrong.",
                "I said I would tell you what we changed after we let you down, and here it is.",
            ],
        ),
        Tone::Formal => p.pick(
            90,
            &[
                "I am writing to follow up on the mistake we made.",
                "I promised to tell you what we changed after our mistake.",
                "I am writing to let you know what we have changed since our mistake.",
            ],
        ),
    }
    .to_string()];
    // Weeks later, "before your family arrives next week" is wrong: a repeat-back
    // that counts from the day it was written gives way to the incident's title.
    let reminder = opt(&input.our_understanding).filter(|ou| !counts_from_then(ou));
    match (reminder, nonempty(&input.incident_title)) {
        (Some(ou), _) => first.push(format!(
            "{} {ou}.",
            p.pick(91, &["To remind you of what happened:", "What happened:", "As a reminder:"])
        )),
        (None, Some(t)) => first.push(format!(
            "{} {t}.",
            p.pick(91, &["To remind you of what happened:", "What happened:", "As a reminder:"])
        )),
        (None, None) => {}
    }
    first.push(
        p.pick(92, &["It was my mistake, and I am sorry again.", "The mistake was mine, and I remain sorry for it."])
            .to_string(),
    );
    if let FixState::Fixed { on } = &input.fix {
        let on = clean_fragment(on);
        if !on.is_empty() {
            first.push(format!("I put it right on {on}."));
        }
    }
    // The cause belongs here, beside what we changed because of it.
    if let Some(rc) = opt(&input.root_cause) {
        first.push(format!(
            "{} {rc}.",
            p.pick(94, &["What went wrong on our side:", "Where we went wrong:", "The cause, on our side:"])
        ));
    }
    let changes = clean_changes(&input.changes);
    let mut paragraphs = vec![join(&first)];
    if changes.is_empty() {
        paragraphs.push(p.pick(93, &["I have changed how we work because of what happened to you, and I would be glad to talk you through it.", "Because of what happened to you, we now work differently, and I would be glad to explain how."]).to_string());
    } else {
        paragraphs.push(changes_intro(tone, &p));
    }
    let next = next_time(input);
    let warm_next = format!("We would be glad to see you again, and I will look after your next {next} myself.");
    let formal_next = format!("I would be glad to look after your next {next} personally.");
    let invite = match tone {
        Tone::Warm => p.pick(
            94,
            &[
                "I would love the chance to look after you again.",
                &warm_next,
                "I hope you will give us another chance; I will look after it personally.",
            ],
        ),
        Tone::Formal => p.pick(
            94,
            &[
                "We would welcome the opportunity to serve you again.",
                &formal_next,
                "We would value the chance to put things right with you in future.",
            ],
        ),
    };
    let subject = match nonempty(&input.incident_title) {
        Some(t) => format!("What we changed after this: {t}"),
        None => "What we changed after our mistake".to_string(),
    };
    LetterText {
        subject,
        salutation: salutation(input, tone),
        paragraphs,
        changes,
        after_changes: vec![invite.to_string(), direct_line(input, tone, &p)],
        closing: closing(tone, &p),
        signer_name: signer_name(input),
        signer_title: signer_title_line(input),
        photo_blocks: Vec::new(),
    }
}

fn change_line(c: &DatedChange) -> String {
    if c.date.is_empty() {
        format!("- {}", c.text)
    } else {
        format!("- {}: {}", c.date, c.text)
    }
}

/// The letter as plain text, for checking and storing.
pub fn letter_plain_text(letter: &LetterText) -> String {
    let mut blocks: Vec<String> = Vec::new();
    let push = |blocks: &mut Vec<String>, s: &str| {
        let s = s.trim();
        if !s.is_empty() {
            blocks.push(s.to_string());
        }
    };
    push(&mut blocks, &letter.salutation);
    for para in &letter.paragraphs {
        push(&mut blocks, para);
    }
    if !letter.changes.is_empty() {
        blocks.push(letter.changes.iter().map(change_line).collect::<Vec<_>>().join("\n"));
    }
    for para in &letter.after_changes {
        push(&mut blocks, para);
    }
    let sign = [letter.closing.trim(), letter.signer_name.trim(), letter.signer_title.trim()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("\n");
    push(&mut blocks, &sign);
    blocks.join("\n\n")
}
