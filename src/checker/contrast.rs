//! Finds the "but" that takes an apology back: but, however, although,
//! though, yet, that said, nevertheless and friends.
//!
//! A bare keyword list would flag "not only ... but also", "nothing but",
//! "However you prefer" and "even though you had told us", so each
//! connective is judged by its clause: is it contrasting with an apology,
//! and does what follows retract the apology or reinforce it? This module
//! must never flag a connective that has no apology or admission to turn
//! against.

use super::tokenise::Tokens;
use super::{Cand, Context, FindingKind};

const SUBJECTS: &[&str] = &[
    "we",
    "i",
    "it",
    "this",
    "that",
    "there",
    "our",
    "the",
    "unfortunately",
    "sadly",
    "as",
    "given",
    "due",
    "with",
    "in",
    "please",
    "you",
    "your",
    "at",
    "to",
    "if",
    "since",
    "because",
    "these",
    "such",
    "when",
    "unless",
    "regrettably",
    "ultimately",
    "honestly",
    "frankly",
    "my",
    "they",
    "he",
    "she",
    "its",
    "their",
    "his",
    "her",
    "a",
    "an",
    "some",
    "many",
    "most",
    "owing",
    "mistakes",
    "errors",
    "nobody",
    "no",
    "none",
    "let",
    "bear",
    "remember",
    "note",
    "hopefully",
    "luckily",
    "fortunately",
    "thankfully",
    "all",
    "what",
    "things",
    "one",
    "every",
    "everyone",
    "customers",
    "staff",
    "then",
    "also",
    "equally",
    "realistically",
    "technically",
    "to",
    "being",
];

const CORRECTION_NP: &[&str] = &["mine", "ours", "me", "us", "myself", "ourselves"];

fn clause_start(t: &Tokens, i: usize) -> bool {
    let (s, _) = t.sentence_of(i);
    i == s
        || (i > 0 && !t.toks[i - 1].is_word && !matches!(t.norm(i - 1), "\""))
        || (i > s + 1 && !t.toks[i - 1].is_word)
}

fn sentence_start(t: &Tokens, i: usize) -> bool {
    let (s, _) = t.sentence_of(i);
    // Allow an opening quote or bracket before the first word.
    (s..i).all(|k| !t.toks[k].is_word)
}

fn next_word(t: &Tokens, i: usize) -> Option<usize> {
    if i >= t.len() {
        return None;
    }
    let (_, e) = t.sentence_of(i);
    (i + 1 < e && t.toks[i + 1].is_word).then_some(i + 1)
}

fn next_is_comma(t: &Tokens, i: usize) -> bool {
    i + 1 < t.len() && !t.toks[i + 1].is_word && matches!(t.norm(i + 1), "," | "-" | ":" | ";")
}

fn prev_is_punct(t: &Tokens, i: usize) -> bool {
    let (s, _) = t.sentence_of(i);
    i > s && !t.toks[i - 1].is_word
}

fn words_before_contain(t: &Tokens, i: usize, words: &[&str]) -> bool {
    let (s, _) = t.sentence_of(i);
    (s..i).any(|k| t.toks[k].is_word && t.is_any(k, words))
}

/// Apology or admission earlier in this sentence, or in one of the two
/// sentences before it (for sentence-initial connectives).
fn apology_context(t: &Tokens, ctx: &Context, i: usize, sentence_initial: bool) -> bool {
    let (s, e) = t.sentence_of(i);
    if ctx.apology.any_in(t, s, i) {
        return true;
    }
    if sentence_initial {
        let si = t.toks[i].sentence as usize;
        for back in 1..=3 {
            if si >= back {
                let (ps, pe) = t.sentences[si - back];
                if ctx.apology.any_in(t, ps, pe) {
                    return true;
                }
            }
        }
    }
    // "Although we were busy, we apologise": the apology comes after.
    let _ = e;
    false
}

/// The clause says the apology or the remedy falls short: "sorry is not
/// enough", "it cannot undo", "nothing can make up for". A contrast that
/// follows such a clause turns towards repair, not away from the apology.
fn humble(t: &Tokens, a: usize, b: usize) -> bool {
    let b = b.min(t.len());
    if a >= b {
        return false;
    }
    let neg = (a..b).any(|k| t.is_any(k, &["not", "never", "nothing", "no", "cannot"]));
    neg && (a..b).any(|k| {
        t.is_any(
            k,
            &[
                "enough",
                "undo",
                "undoes",
                "excuse",
                "excuses",
                "justify",
                "justifies",
                "erase",
                "sufficient",
                "adequate",
                "reverse",
                "begin",
                "cover",
            ],
        ) || t.is_any(k, &["make", "makes", "made"]) && t.is(k + 1, "up")
    })
}

/// End of the clause that starts at `i` (next punctuation), within the sentence.
fn clause_end(t: &Tokens, i: usize) -> usize {
    let (_, e) = t.sentence_of(i);
    (i + 1..e).find(|&k| !t.toks[k].is_word).unwrap_or(e)
}

/// What follows the connective re-affirms ownership: "but that is no
/// excuse", "but the mistake was mine".
fn retracts_back(t: &Tokens, ctx: &Context, i: usize, span: usize) -> bool {
    let (_, e) = t.sentence_of(i);
    let end = (i + 1 + span).min(e);
    if ctx.disclaim.any_in(t, i + 1, e) {
        return true;
    }
    if ctx.strong.any_in(t, i + 1, end) || ctx.apology.any_in(t, i + 1, end) {
        // ...unless the apology is itself negated: "but it wasn't my fault".
        return !(i + 1..end).any(|k| t.is_any(k, &["not", "never"]));
    }
    false
}

pub(crate) fn find(t: &Tokens, ctx: &Context, out: &mut Vec<Cand>) {
    let n = t.len();
    let mut i = 0;
    while i < n {
        if !t.toks[i].is_word {
            i += 1;
            continue;
        }
        let w = t.norm(i);
        let (s, e) = t.sentence_of(i);
        let mut hit: Option<(usize, usize)> = None;
        match w {
            "but" => {
                let prev = if i > s && t.toks[i - 1].is_word { t.norm(i - 1) } else { "" };
                let next = next_word(t, i).map(|k| t.norm(k)).unwrap_or("");
                let next2 = next_word(t, i + 1).map(|k| t.norm(k)).unwrap_or("");
                let idiom = matches!(
                    prev,
                    "nothing"
                        | "anything"
                        | "everything"
                        | "all"
                        | "none"
                        | "nobody"
                        | "anyone"
                        | "anybody"
                        | "help"
                        | "last"
                        | "no"
                        | "one"
                ) || matches!(next, "also" | "for" | "rather" | "too" | "equally" | "as" | "just")
                    || (next == "not" && next2 == "least")
                    || words_before_contain(t, i, &["only", "just", "merely", "simply", "solely"])
                        && words_before_contain(t, i, &["not", "never"])
                    || CORRECTION_NP.contains(&next)
                    || (next == "my" || next == "our") && next2 == "own"
                    || (matches!(next, "a" | "an" | "the" | "my" | "our")
                        && words_before_contain(t, i, &["not"])
                        && !prev_is_punct(t, i));
                // "I can't undo it, but I can..." turns to repair, not away.
                let repair = words_before_contain(t, i, &["can", "could"])
                    && words_before_contain(t, i, &["not"])
                    && matches!(next, "i" | "we" | "what" | "here");
                // "you paid but waited": coordinated verbs, no new clause.
                let coord =
                    !prev_is_punct(t, i) && !sentence_start(t, i) && !next.is_empty() && !SUBJECTS.contains(&next);
                let repair = repair || humble(t, s, i);
                if !idiom && !repair && !coord && !retracts_back(t, ctx, i, 8) {
                    let initial = sentence_start(t, i);
                    if apology_context(t, ctx, i, initial) {
                        hit = Some((i, i + 1));
                    }
                }
            }
            "however" => {
                let next = next_word(t, i).map(|k| t.norm(k)).unwrap_or("");
                let next2 = next_word(t, i + 1).map(|k| t.norm(k)).unwrap_or("");
                // "However you prefer", "however long it takes".
                let manner = !next_is_comma(t, i)
                    && (matches!(
                        next,
                        "long"
                            | "much"
                            | "many"
                            | "small"
                            | "big"
                            | "large"
                            | "often"
                            | "late"
                            | "early"
                            | "far"
                            | "hard"
                            | "bad"
                            | "good"
                            | "little"
                            | "few"
                            | "minor"
                            | "best"
                            | "soon"
                            | "quickly"
                            | "it"
                            | "busy"
                            | "well"
                    ) || matches!(next, "you" | "we" | "they" | "i" | "your")
                        && matches!(
                            next2,
                            "prefer"
                                | "like"
                                | "want"
                                | "wish"
                                | "choose"
                                | "need"
                                | "decide"
                                | "would"
                                | "'d"
                                | "can"
                                | "could"
                                | "may"
                                | "might"
                                | "pay"
                                | "book"
                                | "arrange"
                                | "please"
                                | "feel"
                                | "'re"
                                | "are"
                                | "do"
                                | "look"
                        ));
                // "however the flow is going", "however quickly": a manner
                // clause, not a contrast.
                let how_clause = !next_is_comma(t, i)
                    && (matches!(next, "quickly" | "slowly" | "carefully" | "loudly" | "gently" | "patiently")
                        || (i + 1..(i + 6).min(e)).any(|k| {
                            t.toks[k].is_word
                                && t.is_any(k, &["going", "goes", "go", "turns", "works", "ends", "unfolds", "pans"])
                        }));
                if !manner
                    && !how_clause
                    && !retracts_back(t, ctx, i, 8)
                    && (apology_context(t, ctx, i, true) || ctx.apology.any_in(t, s, e))
                {
                    hit = Some((i, i + 1));
                }
            }
            "although" | "though" | "albeit" | "while" | "whereas" => {
                let prev = if i > s && t.toks[i - 1].is_word { t.norm(i - 1) } else { "" };
                let next = next_word(t, i).map(|k| t.norm(k)).unwrap_or("");
                let even = prev == "even";
                let as_though = prev == "as";
                let start = if even { i - 1 } else { i };
                // "even though you had told us twice" sides with the customer.
                let siding = matches!(next, "you" | "your");
                // ", though." at the end of a clause is a contrast too.
                let tail = w == "though" && next.is_empty() && prev_is_punct(t, i);
                let is_while = w == "while";
                let while_contrast = !is_while || {
                    let end = (i + 6).min(e);
                    ctx.apology.any_in(t, i + 1, end)
                        || matches!(next, "we" | "i")
                            && next_word(t, i + 1)
                                .map(|k| {
                                    t.is_any(
                                        k,
                                        &[
                                            "understand",
                                            "appreciate",
                                            "acknowledge",
                                            "accept",
                                            "recognise",
                                            "regret",
                                            "sympathise",
                                            "empathise",
                                            "know",
                                            "agree",
                                            "apologise",
                                            "take",
                                            "realise",
                                            "are",
                                            "am",
                                            "'re",
                                            "'m",
                                            "do",
                                        ],
                                    )
                                })
                                .unwrap_or(false)
                };
                // "Although it cannot undo the disappointment, we have...".
                let humbled = humble(t, i + 1, clause_end(t, i));
                if !humbled && (!as_though && !siding && while_contrast && w != "whereas" || tail) {
                    let rest_disclaims = ctx.disclaim.any_in(t, i + 1, e) || ctx.strong.any_in(t, i + 1, e);
                    if !rest_disclaims {
                        // "Although" looks both ways; a trailing ", though" or a
                        // mid-sentence one answers the apology before it.
                        let in_sentence = ctx.apology.any_in(t, s, e);
                        if in_sentence || apology_context(t, ctx, i, true) {
                            hit = Some((start, i + 1));
                        }
                    }
                }
            }
            "yet" => {
                let prev = if i > s && t.toks[i - 1].is_word { t.norm(i - 1) } else { "" };
                let next = next_word(t, i).map(|k| t.norm(k)).unwrap_or("");
                let opens = sentence_start(t, i) || prev_is_punct(t, i) || prev == "and";
                if opens
                    && !matches!(next, "to" | "another" | "again" | "more" | "further" | "")
                    && !retracts_back(t, ctx, i, 8)
                {
                    let initial = sentence_start(t, i);
                    if apology_context(t, ctx, i, initial) {
                        let st = if prev == "and" { i - 1 } else { i };
                        hit = Some((st, i + 1));
                    }
                }
            }
            // ", except I'm not sure what else we could have done".
            "except"
                if prev_is_punct(t, i)
                    && next_word(t, i)
                        .is_some_and(|k| t.is_any(k, &["i", "we", "that", "it", "this", "there", "the", "you"]))
                    && apology_context(t, ctx, i, false) =>
            {
                hit = Some((i, i + 1));
            }
            "nevertheless" | "nonetheless" | "notwithstanding" | "admittedly" | "granted" => {
                let ok = w != "granted" || (sentence_start(t, i) && next_is_comma(t, i));
                if ok && !retracts_back(t, ctx, i, 8) && apology_context(t, ctx, i, true) {
                    hit = Some((i, i + 1));
                }
            }
            "still" | "regardless" | "anyway" | "anyhow"
                if clause_start(t, i)
                    && next_is_comma(t, i)
                    && !retracts_back(t, ctx, i, 8)
                    && apology_context(t, ctx, i, true) =>
            {
                hit = Some((i, i + 1));
            }
            _ => {}
        }
        if hit.is_none() {
            hit = multiword(t, ctx, i);
        }
        if let Some((a, b)) = hit {
            out.push(Cand {
                s: a,
                e: b,
                kind: FindingKind::But,
                suggestion: "End the apology with a full stop and leave out what follows the \"but\".",
            });
            i = b;
        } else {
            i += 1;
        }
    }
}

/// Multi-word connectives: "that said", "having said that", "even so"...
fn multiword(t: &Tokens, ctx: &Context, i: usize) -> Option<(usize, usize)> {
    const PHRASES: &[(&[&str], bool)] = &[
        // (words, must open a clause)
        (&["that", "said"], true),
        (&["having", "said", "that"], false),
        (&["that", "being", "said"], false),
        (&["with", "that", "said"], false),
        (&["all", "that", "said"], false),
        (&["even", "so"], true),
        (&["be", "that", "as", "it", "may"], false),
        (&["on", "the", "other", "hand"], false),
        (&["then", "again"], true),
        (&["all", "the", "same"], true),
        (&["at", "the", "same", "time"], true),
        (&["that", "aside"], true),
        (&["mind", "you"], true),
        (&["in", "fairness"], true),
        (&["in", "all", "fairness"], true),
        (&["to", "be", "fair"], true),
        (&["on", "the", "flip", "side"], false),
        (&["tbh", "tho"], false),
        (&["tbh", "though"], false),
        (&["to", "be", "honest", "though"], false),
        (&["honestly", "though"], true),
        (&["in", "our", "defence"], true),
        (&["in", "my", "defence"], true),
        (&["even", "then"], true),
    ];
    for (words, opens) in PHRASES {
        let end = i + words.len();
        if end > t.len() {
            continue;
        }
        if !(0..words.len()).all(|k| t.toks[i + k].is_word && t.norm(i + k) == words[k]) {
            continue;
        }
        if t.toks[end - 1].sentence != t.toks[i].sentence {
            continue;
        }
        if *opens && !clause_start(t, i) {
            continue;
        }
        // "At the same time" / "to be fair" / "in fairness" only as an opener
        // followed by a comma; "to be fair to you" sides with the customer.
        let needs_comma = matches!(words[0], "at" | "to" | "in" | "all" | "then" | "mind" | "even");
        // "In fairness to us," / "to be fair to the team,": siding with
        // the business, so still a "but".
        let for_us = (words[0] == "in" || words[0] == "to")
            && end + 1 < t.len()
            && t.is(end, "to")
            && (t.is_any(end + 1, &["us", "me", "ourselves", "myself"]) && next_is_comma(t, end + 1)
                || t.is_any(end + 1, &["the", "our", "my"])
                    && end + 3 < t.len()
                    && t.toks[end + 2].sentence == t.toks[i].sentence
                    && next_is_comma(t, end + 2));
        if needs_comma && !next_is_comma(t, end - 1) && !for_us {
            continue;
        }
        if retracts_back(t, ctx, end - 1, 8) {
            continue;
        }
        if apology_context(t, ctx, i, true) {
            return Some((i, end));
        }
    }
    None
}
