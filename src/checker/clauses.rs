//! Clause-level reading around an apology, by structure rather than phrase.
//!
//! The phrase rules in `rules.rs` catch wordings; this module asks who does
//! what in the clause after an apology: is its subject the writer, the
//! customer, someone or something outside, or nobody, and does it give a
//! cause? It also reads the clause *before* an apology for conditions
//! ("where the crew scuffed your walls, we're sorry").
//!
//! It must stay cheap (one pass over each sentence, no allocation per token)
//! and it must never flag a clause where the writer owns the cause: every
//! finding here passes the same ownership guard as the rules (`AGX`).

use super::words::*;
use super::{disclaimed_near, is_apology_word, writer_owns_it, Cand, Context, FindingKind};
use super::tokenise::Tokens;

/// Who the subject of a clause is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Subject {
    /// I, we: the writer owns what follows.
    Writer,
    /// You, your ...: the customer.
    Customer,
    /// it, this, that, which ...: points back at the harm itself.
    Anaphor,
    /// "there was ...": an event with no one doing it.
    There,
    /// A noun phrase or person outside the writer: "the van", "our butcher", "he".
    Outside,
}

/// A clause split into subject and the first verb after it.
struct Clause {
    start: usize,
    end: usize,
    subject: Subject,
    /// Token index of the first verb.
    verb: usize,
}

fn is_word(t: &Tokens, k: usize) -> bool {
    k < t.len() && t.toks[k].is_word
}

/// A word that can carry the tense of a clause: an auxiliary, a past form.
fn is_finite_verb(t: &Tokens, k: usize) -> bool {
    if !is_word(t, k) {
        return false;
    }
    if t.is_any(k, AUXILIARIES) || t.is_any(k, IRREGULAR_PAST) {
        return true;
    }
    let w = t.norm(k);
    w.len() > 4 && w.ends_with("ed") && !t.is_any(k, ED_NOT_VERBS)
}

/// Past or perfect or negated: the clause tells what happened, not a
/// state ("the lower one stands") or a plan ("the fitter will come").
fn tells_what_happened(t: &Tokens, verb: usize, end: usize) -> bool {
    if t.is_any(verb, MODALS) {
        return false;
    }
    (verb..end).any(|k| {
        is_word(t, k)
            && !t.is_any(k, MODALS)
            && (t.is_any(k, &["was", "were", "had", "did", "never", "n't"])
                || t.is_any(k, IRREGULAR_PAST)
                || is_finite_verb(t, k) && t.norm(k).ends_with("ed"))
    })
}

/// Skip the words that open a clause without being its subject.
fn skip_openers(t: &Tokens, mut k: usize, end: usize) -> usize {
    while k < end && (!is_word(t, k) || t.is_any(k, CLAUSE_OPENERS)) {
        k += 1;
    }
    k
}

/// Read the subject and first verb of the clause `[start, end)`.
fn parse_clause(t: &Tokens, start: usize, end: usize) -> Option<Clause> {
    let s = skip_openers(t, start, end);
    if s >= end || t.is_any(s, SUBORDINATORS) || is_finite_verb(t, s) || t.norm(s).ends_with("ly") {
        return None;
    }
    if t.norm(s).starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let first = t.norm(s);
    let subject = if t.is_any(s, &["i", "we"]) {
        Subject::Writer
    } else if t.is_any(s, &["you", "your", "yours", "yourself"]) {
        Subject::Customer
    } else if t.is_any(s, ANAPHORS) {
        Subject::Anaphor
    } else if first == "there" {
        Subject::There
    } else {
        Subject::Outside
    };
    // The verb: the first finite word after at least one subject word,
    // within a short noun phrase.
    let mut k = s + 1;
    while k < end && k < s + 10 {
        if !is_word(t, k) {
            // A comma inside the subject ends the search: "Sorry, Ken, if".
            if !t.is(k, "'s") {
                return None;
            }
        } else if is_finite_verb(t, k) {
            return Some(Clause { start: s, end, subject, verb: k });
        } else if t.is_any(k, &["i", "we", "you"]) {
            // A second subject: a relative clause or a new clause.
            return None;
        }
        k += 1;
    }
    None
}

/// The clause after `from` ends at the next strong punctuation or sentence end.
fn clause_end(t: &Tokens, from: usize, sent_end: usize) -> usize {
    let mut k = from;
    while k < sent_end {
        if !t.toks[k].is_word && matches!(t.norm(k), ";" | ":" | "—" | "–" | "," | "(" | ")") && k > from {
            return k;
        }
        k += 1;
    }
    sent_end
}

fn has_any(t: &Tokens, s: usize, e: usize, words: &[&str]) -> bool {
    (s..e).any(|k| is_word(t, k) && t.is_any(k, words))
}

/// Words in `[s, e)` that start with one of `stems`.
fn has_stem(t: &Tokens, s: usize, e: usize, stems: &[&str]) -> bool {
    (s..e).any(|k| is_word(t, k) && stems.iter().any(|p| t.norm(k).starts_with(p)))
}

/// Is the verb the start of a passive ("was fitted", "has been fitted")?
/// Passives are the passive rules' business.
fn passive_at(t: &Tokens, verb: usize, end: usize) -> bool {
    let mut k = verb + 1;
    if t.is_any(verb, &["has", "have", "had", "'s", "'ve", "'d"]) {
        while k < end && t.is_any(k, ADVERBS_OF_MANNER) {
            k += 1;
        }
        if !t.is(k, "been") {
            return false;
        }
        k += 1;
    } else if !t.is_any(verb, &["was", "were", "is", "are", "'s", "'re", "been", "be", "got", "get"]) {
        return false;
    }
    while k < end && t.is_any(k, ADVERBS_OF_MANNER) {
        k += 1;
    }
    k < end && is_finite_verb(t, k) && !t.is_any(k, AUXILIARIES)
}

/// The head noun of the subject: its last word before a preposition.
fn subject_words(t: &Tokens, c: &Clause) -> (usize, usize) {
    let mut e = c.start;
    while e < c.verb && !t.is_any(e, PREPOSITIONS) {
        e += 1;
    }
    (c.start, e.max(c.start + 1))
}

/// Does the subject of `c` name the thing the apology was about ("Sorry the
/// dress shipped late. The dress ...")? Then it restates the harm.
fn restates_harm(t: &Tokens, c: &Clause, apol: (usize, usize)) -> bool {
    let (s, e) = subject_words(t, c);
    (s..e).any(|k| {
        is_word(t, k)
            && !t.is_any(k, DETERMINERS)
            && (apol.0..apol.1).any(|j| j != k && is_word(t, j) && t.norm(j) == t.norm(k))
    })
}

/// An outside cause after an apology: "Sorry the lamb was off. Our butcher
/// shorted Thursday's delivery."
fn outside_cause(t: &Tokens, ctx: &Context, c: &Clause, apol: (usize, usize)) -> bool {
    if !matches!(c.subject, Subject::Outside | Subject::There) {
        return false;
    }
    let (s, e) = (c.start, c.end);
    if !tells_what_happened(t, c.verb, e) || passive_at(t, c.verb, e) && c.subject != Subject::There {
        return false;
    }
    // The rest of the sentence: an "I"/"we" there puts the writer in the
    // story ("our check missed it, and I'll be inspecting").
    let sent_end = t.sentence_of(s).1;
    if has_any(t, s, sent_end, WRITER_PRONOUNS) || has_any(t, s, e, REMEDY_WORDS) || has_stem(t, s, e, REMEDY_STEMS) {
        return false;
    }
    // A clause about the customer ("kept you up") tells the harm, not a cause.
    if has_any(t, s, sent_end, FAULT_NOUNS) || has_any(t, s, e, CUSTOMER_PRONOUNS) {
        return false;
    }
    if (c.verb + 1..e).any(|k| passive_at(t, k, e)) {
        return false;
    }
    if c.subject == Subject::Outside && restates_harm(t, c, apol) {
        return false;
    }
    if c.subject == Subject::There && !t.is_any(c.verb, &["was", "were", "'s", "had", "has"]) {
        return false;
    }
    !writer_owns_it(t, ctx, s, true) && !disclaimed_near(t, ctx, s)
}

/// The apology's range in its sentence: from the apology word to the end of
/// its own clause.
fn apology_clause(t: &Tokens, a: usize, sent_end: usize) -> usize {
    clause_end(t, a + 1, sent_end)
}

/// Find structural excuses after each apology.
pub(crate) fn find(t: &Tokens, ctx: &Context, cands: &mut Vec<Cand>) {
    for si in 0..t.sentences.len() {
        let (s, e) = t.sentences[si];
        let Some(a) = (s..e).find(|&k| is_apology_word(t, k) && !sympathy(t, k)) else { continue };
        let apol = (s, e);
        // Later clauses of the apology's own sentence.
        let mut from = apology_clause(t, a, e);
        let mut targets: Vec<(usize, usize)> = Vec::new();
        while from < e {
            let ce = clause_end(t, from + 1, e);
            targets.push((from + 1, ce));
            from = ce;
        }
        // The next sentence, when it is not itself an apology.
        if let Some(&(ns, ne)) = t.sentences.get(si + 1) {
            if !(ns..ne).any(|k| is_apology_word(t, k)) {
                targets.push((ns, clause_end(t, ns, ne)));
            }
        }
        for (cs, ce) in targets {
            let Some(c) = parse_clause(t, cs, ce) else { continue };
            if outside_cause(t, ctx, &c, apol) {
                let mut end = ce;
                while end > c.start && !t.toks[end - 1].is_word {
                    end -= 1;
                }
                cands.push(Cand {
                    s: c.start,
                    e: end,
                    kind: FindingKind::Excuse,
                    suggestion: "Leave out the outside cause; say what you will do about it.",
                });
                break;
            }
        }
    }
}

/// "Sorry to hear", "sorry state": not an apology.
fn sympathy(t: &Tokens, k: usize) -> bool {
    t.is(k, "sorry") && (t.is(k + 1, "state") || t.is(k + 1, "to") && t.is_any(k + 2, &["hear", "learn", "see", "read"]))
}
