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

use super::tokenise::Tokens;
use super::words::*;
use super::{is_apology_word, writer_owns_it, Cand, Context, FindingKind};

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
            && (t.is_any(k, &["was", "were", "had", "did", "never", "n't", "not", "been"])
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
    let mut noun = !t.is_any(s, DETERMINERS);
    while k < end && k < s + 10 {
        if !is_word(t, k) {
            // A comma inside the subject ends the search: "Sorry, Ken, if".
            if !t.is(k, "'s") {
                return None;
            }
        } else if is_finite_verb(t, k) {
            // "a wasted afternoon": a determiner alone is not a subject.
            if !noun && !t.is_any(k, AUXILIARIES) {
                k += 1;
                noun = true;
                continue;
            }
            return Some(Clause { start: s, end, subject, verb: k });
        } else if !t.is_any(k, DETERMINERS) {
            noun = true;
        }
        if t.is_any(k, &["i", "we", "you"]) {
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
        if k > from && (super::fix::is_break(t, k) || t.is(k, ")")) {
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

/// A person or firm by role in `[s, e)`: "apprentice", "butcher", "provider".
fn names_a_role(t: &Tokens, s: usize, e: usize) -> bool {
    (s..e).any(|k| {
        is_word(t, k)
            && (t.is_any(k, ROLES)
                || ["er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants"]
                    .iter()
                    .any(|suf| t.norm(k).len() > 4 && t.norm(k).ends_with(suf)))
    })
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
    // "Our update broke the login": the writer's own work, not an outsider.
    if c.subject == Subject::Outside && t.is_any(c.start, &["our", "my"]) && !names_a_role(t, c.start + 1, c.verb) {
        return false;
    }
    // A remedy later in the sentence: "..., and it's fixed now".
    if has_any(t, e, sent_end, REMEDY_WORDS) || has_stem(t, e, sent_end, REMEDY_STEMS) {
        return false;
    }
    if c.subject == Subject::There && !t.is_any(c.verb, &["was", "were", "'s", "had", "has"]) {
        return false;
    }
    !owned_nearby(t, ctx, s)
}

/// Explicit ownership in this sentence or a neighbour ("my fault", "no
/// excuse", "we should have"), other than what the apology itself says.
/// Staff named as "our driver" do not count: handing the cause to them is
/// the excuse this module looks for.
fn owned_nearby(t: &Tokens, ctx: &Context, at: usize) -> bool {
    if at >= t.len() {
        return false;
    }
    [0isize, -1, 1].iter().any(|&d| {
        super::sentence_range(t, at, d)
            .is_some_and(|r| super::owned_in(t, &ctx.strong, r, true) || super::owned_in(t, &ctx.disclaim, r, true))
    })
}

/// Where an apology sits: its word, its sentence, and the end of what it
/// says it is for ("Sorry [the dress shipped late]; ...").
#[derive(Clone, Copy)]
struct Apology {
    word: usize,
    sentence: (usize, usize),
    said_end: usize,
}

/// Read each apology's sentence and its neighbours.
pub(crate) fn find(t: &Tokens, ctx: &Context, cands: &mut Vec<Cand>) {
    let mut found = Found { t, ctx, cands };
    for si in 0..t.sentences.len() {
        let (s, e) = t.sentences[si];
        let Some(a) = (s..e).find(|&k| is_apology_word(t, k) && !sympathy(t, k)) else { continue };
        let apol = Apology { word: a, sentence: (s, e), said_end: clause_end(t, a + 1, e) };
        let next = t.sentences.get(si + 1).copied().filter(|&(ns, ne)| !(ns..ne).any(|k| is_apology_word(t, k)));
        let prev = si.checked_sub(1).map(|p| t.sentences[p]);
        // Later clauses of the apology's own sentence, then the next sentence.
        let mut after: Vec<(usize, usize)> = Vec::new();
        let mut from = apol.said_end;
        while from < e {
            let ce = clause_end(t, from + 1, e);
            after.push((from + 1, ce));
            from = ce;
        }
        if let Some((ns, ne)) = next {
            after.push((ns, clause_end(t, ns, ne)));
        }
        found.outside_cause(apol, &after);
        found.standing_in(&after);
        found.blame(apol, &after, next);
        found.condition(apol);
        found.hedge(apol, prev, next);
        found.shrinking(apol, next);
        found.feelings(apol);
        found.agentless(apol, &after);
    }
}

struct Found<'a, 'b> {
    t: &'a Tokens,
    ctx: &'a Context,
    cands: &'b mut Vec<Cand>,
}

/// Drop trailing punctuation from a span.
fn trim_end(t: &Tokens, s: usize, mut e: usize) -> usize {
    while e > s + 1 && !t.toks[e - 1].is_word {
        e -= 1;
    }
    e
}

impl Found<'_, '_> {
    fn push(&mut self, s: usize, e: usize, kind: FindingKind, suggestion: &'static str) {
        let e = trim_end(self.t, s, e);
        if s < e {
            self.cands.push(Cand { s, e, kind, suggestion });
        }
    }

    /// The writer owns it nearby: "my fault", "no excuse", "we should have".
    fn owned_near(&self, at: usize) -> bool {
        owned_nearby(self.t, self.ctx, at)
    }

    fn outside_cause(&mut self, apol: Apology, after: &[(usize, usize)]) {
        for &(cs, ce) in after {
            let Some(c) = parse_clause(self.t, cs, ce) else { continue };
            if outside_cause(self.t, self.ctx, &c, apol.sentence) {
                self.push(
                    c.start,
                    ce,
                    FindingKind::Excuse,
                    "Leave out the outside cause; say what you will do about it.",
                );
                return;
            }
        }
    }

    /// Inexperience or a stand-in as the cause: "She's a temp from the
    /// agency", "he's new and misread the rota", "It's a new girl on weekends".
    fn standing_in(&mut self, after: &[(usize, usize)]) {
        let t = self.t;
        for &(cs, ce) in after {
            let s = skip_openers(t, cs, ce);
            // A person new to the job, not a new product: "she's new", "it's a new girl".
            let who = |x: usize| t.is_any(x, PERSON_NOUNS) || names_a_role(t, x, x + 1);
            let standing_in = (s..ce)
                .any(|k| t.is_any(k, NEW_STAFF) && !t.is(k, "new") && (!t.is(k, "covering") || t.is(k + 1, "for")));
            if s >= ce {
                continue;
            }
            let person = match t.norm(s) {
                "she" | "he" => standing_in || has_any(t, s, ce, &["new"]),
                "they" => standing_in,
                "it" => {
                    t.is_any(s + 1, &["'s", "is", "was"])
                        && t.is_any(s + 2, &["a", "an"])
                        && (s + 3..ce.min(s + 7)).any(who)
                        && (standing_in || has_any(t, s, ce, &["new"]))
                }
                _ => false,
            };
            // "It's the bank's network playing up": someone else's thing, by a cleft.
            let cleft = t.is(s, "it")
                && t.is_any(s + 1, &["'s", "is", "was"])
                && t.is(s + 2, "the")
                && t.is(s + 4, "'s")
                && !t.is_any(s + 3, &["our", "my"]);
            if (person || cleft)
                && !has_any(t, s, ce, WRITER_PRONOUNS)
                && !has_any(t, s, ce, &["our", "my"])
                && !self.owned_near(s)
            {
                self.push(s, ce, FindingKind::Excuse, "Leave out who was standing in; own what went wrong.");
                return;
            }
        }
    }

    /// Blame by implication, after the apology: what the customer did or
    /// failed to do, what they were sent, what the paperwork says, what
    /// other customers manage.
    fn blame(&mut self, _apol: Apology, after: &[(usize, usize)], next: Option<(usize, usize)>) {
        let mut spans: Vec<(usize, usize)> = after.to_vec();
        if let Some((ns, ne)) = next {
            // The whole next sentence, for documents and counterfactuals.
            spans.push((ns, ne));
        }
        for &(cs, ce) in &spans {
            if let Some((s, e, why)) = self.blame_in(cs, ce) {
                // Ownership is the costly question: asked only of a hit.
                if !self.owned_near(cs) {
                    self.push(s, e, FindingKind::Blame, why);
                    return;
                }
            }
        }
    }

    /// The blame shape of the clause `[cs, ce)`, if it has one.
    fn blame_in(&self, cs: usize, ce: usize) -> Option<(usize, usize, &'static str)> {
        let t = self.t;
        {
            let writer_subject = (cs..ce).any(|k| {
                t.is_any(k, &["i", "we"])
                    && (k == cs || !t.toks[k - 1].is_word || t.is_any(k - 1, &["and", "but", "so", "then", "because"]))
            });
            let s = skip_openers(t, cs, ce);
            if s >= ce
                || has_any(t, s, ce, VINDICATION)
                || has_any(t, s, ce, REMEDY_WORDS)
                || has_stem(t, s, ce, REMEDY_STEMS)
            {
                return None;
            }
            // Our own doing, in the passive or with us as the agent: the
            // customer's part is then no more than the setting.
            let ours = (s..ce).any(|k| passive_at(t, k, ce))
                || (s..ce).any(|k| t.is(k, "by") && t.is_any(k + 1, &["our", "my", "us", "me"]));
            if (s..ce).any(|k| t.is(k, "by") && t.is_any(k + 1, &["our", "my", "us", "me"])) {
                return None;
            }
            let (_, sent_end) = t.sentence_of(s);
            // "..., and it wasn't": the paperwork was wrong. A negation of the
            // customer's own ("which you didn't open") contradicts nothing.
            let contradicted = (s..sent_end).any(|k| {
                is_word(t, k)
                    && t.is_any(k, &["n't", "not", "wrong", "incorrect", "outdated", "error", "mistake"])
                    && !(k.saturating_sub(2)..k).any(|x| t.is(x, "you"))
            });
            if let Some(hit) = self.customer_chose(s, ce, contradicted) {
                return Some(hit);
            }
            // "You arrived without the reference", "you left that box blank".
            if !ours
                && t.is_any(s, &["you"])
                && !writer_subject
                && has_any(t, s, ce, CUSTOMER_FAILURE)
                && tells_what_happened(t, s + 1, ce)
            {
                return Some((s, ce, "Take the customer's side: leave out what they did."));
            }
            // "The final numbers you sent us listed zero vegetarians."
            if let Some(y) = (s + 1..ce.min(s + 6)).find(|&k| t.is(k, "you")).filter(|_| !ours) {
                if t.is_any(s, &["the", "that", "those", "this"])
                    && y + 1 < ce
                    && is_finite_verb(t, y + 1)
                    && !writer_subject
                    && !t.is_any(y + 1, MODALS)
                    && (y + 2..ce).any(|k| is_finite_verb(t, k))
                {
                    return Some((s, ce, "Don't point at what the customer gave you; own what you did with it."));
                }
            }
            // "Every listing notes that ...", "It does say on the booking form".
            let doc = has_any(t, s, ce, DOCUMENTS);
            let states = (s..ce).any(|k| {
                t.is_any(k, STATING_VERBS) && !(k > 0 && t.is_any(k - 1, &["was", "were", "had"]))
                    // "The size chart sits right under the photos": the document is the subject.
                    || t.is_any(k, &["is", "are", "sits", "sit", "appears"])
                        && has_any(t, s, k, DOCUMENTS)
                        && (k + 1..(k + 4).min(ce)).any(|j| t.is_any(j, &["on", "in", "under", "above", "below", "beside"]))
            });
            // "It came to us machine-washed, against its own care label".
            if (s..ce).any(|k| t.is(k, "against") && (k + 1..(k + 5).min(ce)).any(|j| t.is_any(j, DOCUMENTS)))
                && !writer_subject
                && !contradicted
            {
                return Some((
                    s,
                    ce,
                    "Don't point at what the customer did with the instructions; own what went wrong.",
                ));
            }
            // "which you were sent": the customer on the receiving end.
            let told = (s..ce).any(|k| {
                t.is(k, "you")
                    && t.is_any(k + 1, &["were", "was"])
                    && t.is_any(
                        k + 2,
                        &["sent", "given", "shown", "emailed", "told", "advised", "warned", "reminded", "informed"],
                    )
            });
            // "The menu says it's gluten-free, and it wasn't": the paperwork was wrong.
            if ((doc && states) || told)
                && !contradicted
                && !writer_subject
                && !has_any(t, s, ce, FAULT_NOUNS)
                && !has_any(t, s, ce, MODALS)
            {
                return Some((s, ce, "Don't point at what the customer was told; own what went wrong."));
            }
            // "Most of our regulars bring their ID."
            if t.is_any(s, GENERALISING) {
                let people = (s + 1..ce.min(s + 6)).any(|k| t.is_any(k, OTHER_PEOPLE));
                let present = (s + 1..ce).any(|k| {
                    is_word(t, k)
                        && !is_finite_verb(t, k)
                        && !t.is_any(k, OTHER_PEOPLE)
                        && t.norm(k).len() > 2
                        && !t.is_any(k, DETERMINERS)
                        && !t.is_any(k, PREPOSITIONS)
                });
                if people && present && !tells_what_happened(t, s, ce) {
                    return Some((s, ce, "Don't compare the customer with others; own what you did."));
                }
            }
            // Counterfactuals: "Had your party mentioned it, the kitchen
            // would have known"; "it would have been quicker if the count
            // had come through".
            let would_have = (s..ce).any(|k| t.is_any(k, &["would", "'d"]) && t.is(k + 1, "have"));
            if would_have {
                let cond = if t.is(s, "had") { Some(s) } else { (s..ce).find(|&k| t.is(k, "if")) };
                if let Some(c) = cond {
                    let subj = c + 1;
                    // "Had we been given the full brief": what we were not given.
                    let we_received = t.is_any(subj, &["we", "i"])
                        && (subj + 1..ce.min(subj + 4)).any(|k| t.is(k, "been"))
                        && (subj + 2..ce.min(subj + 5)).any(|k| t.is_any(k, RECEIVING));
                    if we_received {
                        return Some((s, ce, "Don't say what the customer could have done; own what you did."));
                    }
                    if subj < ce
                        && !t.is_any(subj, &["i", "we", "my", "our", "me", "us"])
                        && (subj..ce.min(subj + 6)).any(|k| t.is_any(k, &["had", "'d"]) || k == subj && t.is(c, "had"))
                    {
                        return Some((s, ce, "Don't say what the customer could have done; own what you did."));
                    }
                }
            }
        }
        None
    }

    /// The customer's own choice or the writer's earlier advice, named after
    /// the apology: "the option you picked on the order form", "which you
    /// decided against", "we did ask you to confirm by Wednesday".
    fn customer_chose(&self, s: usize, ce: usize, contradicted: bool) -> Option<(usize, usize, &'static str)> {
        let t = self.t;
        if contradicted || has_any(t, s, ce, FAULT_NOUNS) {
            return None;
        }
        let why = "Don't point at what the customer chose; own what went wrong.";
        for k in s..ce {
            if !t.is(k, "you") {
                continue;
            }
            // "what you picked" and "the one you chose", not "if you chose".
            // "you told Jess to take it right up": the customer's instruction.
            let instructed = t.is_any(k + 1, &["told", "asked", "wanted", "instructed"])
                && !t.is_any(k + 2, WRITER_PRONOUNS)
                && (k + 3..ce.min(k + 6)).any(|j| t.is(j, "to"));
            let chose = (instructed || t.is_any(k + 1, CUSTOMER_CHOICE))
                && !(k > s && t.is_any(k - 1, &["if", "whatever", "whichever"]));
            // The writer's act after the customer's: "you chose it and we sent it".
            if chose && !has_any(t, k + 2, ce, WRITER_PRONOUNS) {
                let writer_before = (s..k).find(|&j| t.is_any(j, &["i", "we"]));
                // Before it, only the writer's advice may stand: "we recommended X, which you declined".
                let advice_only =
                    writer_before.is_none_or(|j| (j + 1..(j + 3).min(k)).any(|v| t.is_any(v, ADVICE_VERBS)));
                if advice_only {
                    return Some((s, ce, why));
                }
            }
        }
        // "We did ask you to confirm", "I warned you to book": advice, pointed at.
        for k in s..ce.saturating_sub(2) {
            if t.is_any(k, &["i", "we"]) && (k == s || !t.toks[k - 1].is_word) {
                let v = if t.is(k + 1, "did") { k + 2 } else { k + 1 };
                if t.is_any(v, ADVICE_VERBS) && t.is(v + 1, "you") && (v + 2..ce.min(v + 5)).any(|j| t.is(j, "to")) {
                    return Some((s, ce, why));
                }
                if t.is(k + 1, "did") && t.is_any(v, ADVICE_VERBS) {
                    return Some((s, ce, why));
                }
            }
        }
        None
    }

    /// A clause that conditions the apology: before it ("Where the crew
    /// scuffed your walls, we're sorry") or just after it ("Sorry, Ken, if
    /// it turns out ...").
    fn condition(&mut self, apol: Apology) {
        let t = self.t;
        let (s, _) = apol.sentence;
        let o = skip_openers(t, s, apol.word);
        let opens = t.is_any(o, CONDITION_OPENERS)
            || t.is(o, "in") && t.is(o + 1, "the") && t.is(o + 2, "event")
            || t.is(o, "in") && t.is(o + 1, "case");
        let comma = (o..apol.word).any(|k| !t.toks[k].is_word && t.is(k, ","));
        // "If I had checked, none of this would have happened": the writer's
        // own counterfactual owns it.
        let own_counterfactual = t.is_any(o + 1, &["i", "we"]) && t.is_any(o + 2, &["had", "'d"])
            // "Where we went wrong was ...": the writer explaining its own part.
            || t.is_any(o, &["where", "wherever"]) && t.is_any(o + 1, &["i", "we"]);
        if opens && comma && !own_counterfactual && !self.innocent(o) && !self.offer_before(o, apol.word) {
            let ce = (o..apol.word).rfind(|&k| t.is(k, ",")).unwrap_or(apol.word);
            self.push(
                o,
                ce,
                FindingKind::Conditional,
                "Drop the condition: it happened, so say what you are sorry for.",
            );
            return;
        }
        // "Any guest who felt ignored has our apology."
        if t.is_any(o, &["any", "anyone", "anybody", "whoever", "those"]) && (o + 1..apol.word).any(|k| t.is(k, "who"))
        {
            self.push(o, apol.word, FindingKind::Conditional, "Apologise to this customer for what you did to them.");
            return;
        }
        // After the apology, past a name: "Sorry, Ken, if ..."; "Apologies, assuming ...".
        let mut k = apol.word + 1;
        let mut words = 0;
        while k < apol.sentence.1 && k < apol.word + 6 {
            if t.is_any(k, &["if", "assuming", "unless", "provided", "providing", "supposing", "presuming"])
                && !t.toks[k - 1].is_word
            {
                if !self.innocent(k) {
                    self.push(
                        k,
                        k + 1,
                        FindingKind::Conditional,
                        "Drop the condition: say plainly what you are sorry for.",
                    );
                }
                return;
            }
            if t.toks[k].is_word {
                words += 1;
                if words > 2 {
                    return;
                }
            }
            k += 1;
        }
    }

    /// "If you'd like", "if you need anything": an offer, not a condition.
    fn innocent(&self, k: usize) -> bool {
        self.t.is(k, "if") && super::innocent_if(self.t, (k, k + 1))
    }

    /// The opening clause is an offer or a plan, not a condition on what happened.
    fn offer_before(&self, from: usize, to: usize) -> bool {
        has_any(
            self.t,
            from,
            to,
            &["like", "want", "need", "prefer", "wish", "rather", "easier", "convenient", "help", "questions"],
        )
    }

    /// A provisional apology: "pending a check", "subject to", "I suppose I
    /// owe you", "perhaps the kitchen wasn't at its best", "we might have sent".
    fn hedge(&mut self, apol: Apology, prev: Option<(usize, usize)>, next: Option<(usize, usize)>) {
        let t = self.t;
        let (s, e) = apol.sentence;
        let short = (s..e).filter(|&k| t.toks[k].is_word).count() <= 3;
        let mut ranges = vec![(s, e)];
        if short {
            ranges.extend(prev);
        }
        let _ = next;
        for (rs, re) in ranges {
            for k in rs..re {
                if !is_word(t, k) || super::negated_before(t, k, 2) {
                    continue;
                }
                let hit = if t.is_any(k, EPISTEMIC_ADVERBS) {
                    // "Perhaps we could meet": an offer, not a hedge.
                    !(is_word(t, k + 1)
                        && t.is_any(k + 1, &["i", "we", "you"])
                        && t.is_any(k + 2, &["could", "can", "'d", "would", "might", "should"]))
                } else if t.is_any(k, GUESSING_VERBS) {
                    k > rs && t.is_any(k - 1, &["i", "we"])
                } else if t.is_any(k, &["think", "believe"]) {
                    // "I think we might owe you an apology", "Sorry, I believe."
                    k > rs
                        && t.is_any(k - 1, &["i", "we"])
                        && (short && rs == s
                            || (k + 1..(k + 7).min(re)).any(|j| is_apology_word(t, j) || t.is(j, "owe")))
                } else if t.is(k, "tell") {
                    // "From what I can tell".
                    k >= rs + 3 && t.is(k - 1, "can") && t.is(k - 2, "i") && t.is(k - 3, "what")
                } else if t.is(k, "chance") {
                    // "There's a chance our tech nicked it"; not "a chance to put it right".
                    k > rs && t.is(k - 1, "a") && is_word(t, k + 1) && !t.is_any(k + 1, &["to", "of"])
                } else if t.is_any(k, &["once", "until", "when", "after"]) {
                    // "We'll apologise properly once the workshop has had a look."
                    (rs..k).any(|j| {
                        t.is_any(j, &["apologise", "apologize"])
                            && (j.saturating_sub(3)..j).any(|x| t.is_any(x, &["'ll", "will", "shall"]))
                    })
                } else if t.is_any(k, &["pending"])
                    || t.is(k, "subject") && t.is(k + 1, "to")
                    // "in a sense", "to that degree".
                    || t.is(k, "in") && t.is_any(k + 1, &["a", "some"]) && t.is_any(k + 2, &["sense", "way"])
                    || t.is(k, "to")
                        && t.is_any(k + 1, &["that", "some", "a", "this"])
                        && t.is_any(k + 2, &["degree", "extent"])
                {
                    true
                } else if t.is_any(k, &["sort", "kind"]) && t.is(k + 1, "of") {
                    // "sorry, sort of"; not "that kind of service".
                    k > apol.word && !t.is_any(k - 1, DETERMINERS) && !t.is_any(k - 1, &["what", "every", "no"])
                } else if t.is(k, "ish") {
                    k > 0 && !t.toks[k - 1].is_word && k >= 2 && is_apology_word(t, k - 2)
                } else if t.is_any(k, &["possible", "conceivable", "likely"]) {
                    k > rs && t.is_any(k - 1, &["'s", "is", "quite", "entirely", "very", "perfectly"])
                } else if t.is_any(k, &["might", "may"]) {
                    // "We might have sent the wrong one": the writer unsure of its own act.
                    // "Our technician may have overtightened it", "we might owe you".
                    k > rs
                        && !t.is_any(k - 1, &["you", "it", "they", "that", "this", "something", "someone", "somebody", "anything"])
                        // "the delay may have cost you the sale" owns a consequence.
                        && !has_any(t, k, (k + 6).min(re), CUSTOMER_PRONOUNS)
                        && (t.is(k + 1, "owe") || (k + 1..(k + 3).min(re)).any(|j| {
                            t.is(j, "have")
                                && !t.is(j + 1, "to")
                                && (is_finite_verb(t, j + 1)
                                    || t.is_any(j + 1, ADVERBS_OF_MANNER)
                                    || t.is_any(j + 1, &["possibly", "maybe"]))
                        }))
                } else if t.is(k, "could") {
                    t.is_any(k + 1, &["maybe", "possibly", "perhaps"])
                } else if t.is(k, "whether") {
                    (k + 1..(k + 4).min(re)).any(|j| is_apology_word(t, j))
                } else if t.is_any(k, &["position", "once"]) {
                    // "we'll be in a position to apologise", "once we've reviewed it, we'll apologise".
                    (k + 1..re).any(|j| is_apology_word(t, j) && t.is_any(j, &["apologise", "apologize"]))
                } else if t.is(k, "something") && t.is(k + 1, "of") && t.is_any(k + 2, &["an", "a"]) {
                    is_apology_word(t, k + 3)
                } else {
                    false
                };
                // A sentence already flagged needs no second hedge: two cuts
                // side by side would leave the rewrite ragged.
                let second_reading = t.is_any(
                    k,
                    &[
                        "probably",
                        "apparently",
                        "think",
                        "believe",
                        "tell",
                        "appears",
                        "seems",
                        "chance",
                        "until",
                        "when",
                        "after",
                    ],
                ) || t.is_any(k, &["might", "may"])
                    && k > rs
                    && !t.is_any(k - 1, &["i", "we", "possibly", "maybe"]);
                if hit && second_reading && self.cands.iter().any(|c| c.s < re && c.e > rs) {
                    continue;
                }
                if hit {
                    // The words to drop: "I suppose", "could maybe", "-ish".
                    let (hs, he) = if t.is_any(k, GUESSING_VERBS) {
                        (k - 1, k + 1)
                    } else if t.is(k, "could") || t.is_any(k, &["sort", "kind"]) {
                        (k, k + 2)
                    } else if t.is(k, "ish") {
                        (k - 1, k + 1)
                    } else {
                        (k, k + 1)
                    };
                    self.push(hs, he, FindingKind::Hedge, "Don't hedge: say what happened and that you are sorry.");
                }
            }
        }
    }

    /// Words that make the harm smaller: "slightly pink", "a wee bit",
    /// "a thread or two", "a day or so", "nothing major".
    fn shrinking(&mut self, apol: Apology, next: Option<(usize, usize)>) {
        let t = self.t;
        let (s, e) = apol.sentence;
        let mut ranges = vec![(apol.word + 1, e)];
        if apol.word > s {
            ranges.push((s, apol.word));
        }
        if let Some(n) = next {
            ranges.push(n);
        }
        for (i, &(rs, re)) in ranges.iter().enumerate() {
            for k in rs..re {
                if !is_word(t, k) || super::negated_before(t, k, 2) {
                    continue;
                }
                let hit = if t.is_any(k, SHRINKERS) {
                    // The apology's own sentence only, and not a rule about prevention.
                    i < 2 && (!t.is(k, "touch") || t.is(k - 1, "a")) && !t.is(k + 1, "of")
                } else if t.is_any(k, &["bit", "little"]) && k > 0 && t.is(k - 1, "a") {
                    // "a bit late", "a little cold"; not "a little note".
                    i == 0
                        && (t.is(k + 1, "of")
                            || is_word(t, k + 1)
                                && t.norm(k + 1).len() > 2
                                && !t.is_any(k + 1, DETERMINERS)
                                && (t.norm(k + 1).ends_with('y')
                                    || t.norm(k + 1).ends_with("ed")
                                    || t.is_any(
                                        k + 1,
                                        &[
                                            "late", "long", "cold", "slow", "short", "off", "pink", "rough", "loud",
                                            "behind", "over", "under", "out", "while", "wait", "delay",
                                        ],
                                    )))
                } else if t.is_any(k, SMALL_COUNTS) {
                    // "a handful of petals", "a mere morning".
                    i < 2 && (t.is(k, "mere") || k > 0 && t.is_any(k - 1, &["a", "the"]) && t.is(k + 1, "of"))
                } else if t.is_any(k, &["small", "little"]) {
                    // "a couple of small errors": the size put on the fault itself.
                    i < 2 && (k + 1..(k + 3).min(re)).any(|j| t.is_any(j, FAULT_NOUNS) || t.is_any(j, HARM_NOUNS))
                } else if t.is_any(k, &["just", "only"]) && t.is(k + 1, "the") && t.is_any(k + 2, &["one", "single"]) {
                    true
                } else if t.is(k, "or") && t.is_any(k + 1, &["two", "so", "three"]) {
                    !is_word(t, k + 2) || !t.is_any(k + 2, &["more", "times"])
                } else if t.is(k, "nothing") {
                    t.is_any(k + 1, NOTHING_MUCH) || t.is(k + 1, "to") && t.is_any(k + 2, &["lose", "worry", "fret"])
                } else {
                    false
                };
                if hit {
                    let end = if t.is_any(k, &["or", "nothing"]) { k + 2 } else { k + 1 };
                    let start = if t.is_any(k, &["bit", "little"]) { k - 1 } else { k };
                    self.push(start, end, FindingKind::Minimizing, "Describe it at its real size.");
                }
            }
        }
    }

    /// The apology is for what the customer felt: "sorry you ended up
    /// feeling rushed", "sorry you got the impression", "sorry the noise
    /// got on your nerves", "sorry you found the fee such a shock".
    fn feelings(&mut self, apol: Apology) {
        let t = self.t;
        let (a, e) = (apol.word, apol.said_end);
        let mut k = a + 1;
        if t.is(k, "that") {
            k += 1;
        }
        if t.is(k, "you") {
            let end = e.min(k + 7);
            // The feeling comes before any "I"/"we": "sorry you got the
            // impression we didn't care" is still about the impression.
            let feeling = (k + 1..end).find(|&j| t.is_any(j, FEELING_WORDS));
            if let Some(f) = feeling.filter(|&f| !has_any(t, k, f, WRITER_PRONOUNS)) {
                self.push(
                    k,
                    f + 1,
                    FindingKind::Feelings,
                    "Apologise for what you did, not for how the customer felt.",
                );
                return;
            }
            if has_any(t, k, e, WRITER_PRONOUNS) {
                return;
            }
            // "Sorry you found the process stressful": a judgement word after "found".
            let judged = |j: usize| {
                t.is_any(j, &["such", "so", "too"])
                    || is_word(t, j)
                        && t.norm(j).len() > 5
                        && (t.norm(j).ends_with("ful") || t.norm(j).ends_with("ing"))
            };
            if t.is(k + 1, "found") && (k + 2..e.min(k + 11)).any(judged) {
                self.push(
                    k,
                    k + 2,
                    FindingKind::Feelings,
                    "Apologise for what you did, not for how the customer found it.",
                );
                return;
            }
        }
        // "Sorry you're not loving the bob": the customer's taste as the object.
        if t.is(k, "you")
            && t.is_any(k + 1, &["'re", "are", "were", "aren't"])
            && (k + 2..k + 4).any(|j| t.is_any(j, &["not", "n't"]))
            && (k + 3..k + 5).any(|j| {
                t.is_any(
                    j,
                    &["loving", "liking", "happy", "pleased", "keen", "enjoying", "impressed", "thrilled", "satisfied"],
                )
            })
        {
            self.push(k, k + 4, FindingKind::Feelings, "Apologise for what you did, not for how the customer felt.");
            return;
        }
        // How it came across to them: "the wait felt long for you", "our
        // letter read as abrupt to you", "left you feeling uncomfortable".
        let came_across = (a + 1..e).find(|&j| {
            t.is_any(j, PERCEPTION_VERBS)
                && (!t.is(j, "came") || t.is(j + 1, "across"))
                && !(j > a + 1 && t.is_any(j - 1, &["i", "we"]))
                && (j + 1..e.min(j + 6)).any(|x| t.is_any(x, &["to", "for", "with"]) && t.is(x + 1, "you"))
                || t.is_any(j, &["left", "made", "leaving", "making"])
                    && !(j.saturating_sub(2)..j).any(|x| t.is_any(x, &["i", "we"]))
                    && t.is(j + 1, "you")
                    && t.is_any(j + 2, &["feeling", "feel", "felt"])
        });
        if let Some(j) = came_across {
            self.push(
                j,
                trim_end(t, j, e),
                FindingKind::Feelings,
                "Apologise for what you did, not for how it came across.",
            );
            return;
        }
        if let Some(j) = (k..e).find(|&j| {
            t.is_any(j, &["got", "get", "gets", "getting"])
                && t.is(j + 1, "on")
                && t.is(j + 2, "your")
                && t.is(j + 3, "nerves")
        }) {
            self.push(j, j + 4, FindingKind::Feelings, "Apologise for what you did, not for how the customer felt.");
        }
    }

    /// The failure as the subject, nobody doing it: "a crack appeared in the
    /// basin", "the wrong shade went on the walls".
    fn agentless(&mut self, apol: Apology, after: &[(usize, usize)]) {
        let t = self.t;
        let mut spans = vec![(apol.word + 1, apol.said_end)];
        spans.extend(after.iter().take(1));
        for (cs, ce) in spans {
            let Some(c) = parse_clause(t, cs, ce) else { continue };
            if c.subject != Subject::Outside || !t.is_any(c.verb, EVENT_VERBS) {
                continue;
            }
            let (ss, se) = (c.start, c.verb);
            if !has_any(t, ss, se, HARM_NOUNS)
                || has_any(t, c.start, ce, REMEDY_WORDS)
                || has_any(t, ss, ce, WRITER_PRONOUNS)
            {
                continue;
            }
            if writer_owns_it(t, self.ctx, c.start, true) {
                continue;
            }
            self.push(c.start, c.verb + 1, FindingKind::Passive, "Say who did it: \"I [what you did]\".");
            return;
        }
    }
}

/// "Sorry to hear", "sorry state": not an apology.
fn sympathy(t: &Tokens, k: usize) -> bool {
    t.is(k, "sorry")
        && (t.is(k + 1, "state") || t.is(k + 1, "to") && t.is_any(k + 2, &["hear", "learn", "see", "read"]))
}

/// Drop findings where the shape only looks like a qualifier: the writer
/// owns the cause or the harm in words that look like hedges or passives,
/// a concession strengthens the apology, a "sorry to hear" is sympathy, or
/// the words report what someone else said.
pub(crate) fn prune(t: &Tokens, ctx: &Context, cands: &mut Vec<Cand>) {
    cands.retain(|c| !looks_only(t, ctx, c));
}

fn looks_only(t: &Tokens, ctx: &Context, c: &Cand) -> bool {
    let (ss, se) = t.sentence_of(c.s);
    // "Sorry to hear your cat's poorly": sympathy, in all of its sentence.
    let sympathy_sentence = (ss..se).any(|k| sympathy(t, k)) && has_any(t, ss, se, SYMPATHY_TOPICS);
    // "The room was in a sorry state": a description, not an apology.
    if sympathy_sentence
        || (c.s..c.e).any(|k| t.is(k, "sorry") && t.is(k + 1, "state")) && c.s > 0 && t.is(c.s - 1, "in")
    {
        return true;
    }
    match c.kind {
        FindingKind::Hedge | FindingKind::Passive => {
            // "That could have caused an injury, and it's entirely my responsibility."
            if c.kind == FindingKind::Hedge
                && t.is_any(c.s, &["could", "might", "may"])
                && c.s > ss
                && t.is_any(c.s - 1, ANAPHORS)
                && owned_nearby(t, ctx, c.s)
            {
                return true;
            }
            if c.kind == FindingKind::Passive {
                // "I've deleted it": an active perfect with the writer as subject.
                if t.is_any(c.s, &["has", "have", "had", "'ve", "'d", "'s"])
                    && c.s > 0
                    && t.is_any(c.s - 1, &["i", "we"])
                    && !t.is(c.s + 1, "been")
                {
                    return true;
                }
                // "Sorry I told you the machine was free when it was
                // reserved": inside what the apology says the writer did.
                if let Some(a) = (ss..c.s).rev().find(|&k| is_apology_word(t, k)) {
                    let said_by_writer =
                        t.is_any(a + 1, &["i", "we"]) || t.is(a + 1, "that") && t.is_any(a + 2, &["i", "we"]);
                    let no_break =
                        !(a + 1..c.s).any(|k| !t.toks[k].is_word && matches!(t.norm(k), ";" | ":" | "." | "—"));
                    if said_by_writer && no_break {
                        return true;
                    }
                }
            }
            false
        }
        FindingKind::But => {
            // "But more importantly, the heating's fixed."
            if t.is_any(c.s + 1, REINFORCING) && t.is_any(c.s + 2, &["importantly", "all", "crucially"])
                || t.is(c.s + 1, "importantly")
                || t.is(c.s + 1, "more") && t.is(c.s + 2, "to") && t.is(c.s + 4, "point")
            {
                return true;
            }
            // "Though it took me too long to say it: I'm sorry."
            if t.is_any(c.s, &["though", "although"]) && c.s == skip_openers(t, ss, se) {
                let end = (c.s..se).find(|&k| !t.toks[k].is_word && matches!(t.norm(k), "," | ":" | ";")).unwrap_or(se);
                let apology_after = (end..se).any(|k| is_apology_word(t, k));
                if apology_after && has_any(t, c.s, end, WRITER_PRONOUNS) && has_any(t, c.s, end, SELF_CRITICAL) {
                    return true;
                }
            }
            false
        }
        FindingKind::Blame => {
            // "I'd sent you the wrong contract": the customer as the object of our act.
            if t.is(c.s, "you")
                && c.s >= 2
                && is_finite_verb(t, c.s - 1)
                && (c.s.saturating_sub(3)..c.s - 1).any(|k| t.is_any(k, &["i", "we", "'d"]))
            {
                return true;
            }
            // "You told us the late delivery was your fault"; "...and told the
            // problem was your fault": reported words.
            (ss.max(c.s.saturating_sub(8))..c.s).any(|k| t.is_any(k, REPORTING_VERBS))
        }
        FindingKind::Excuse => {
            // "No one to blame but myself": ownership, in the shape of an excuse.
            if (c.s..c.e).any(|k| t.is(k, "blame"))
                && t.is(c.e, "but")
                && t.is_any(c.e + 1, &["myself", "ourselves", "me", "us"])
            {
                return true;
            }
            // "I told you it was the battery and charged you for one": our own
            // story, told with us as the subject and no apology in it.
            let o = skip_openers(t, ss, se);
            if t.is_any(o, &["i", "we"])
                && c.s > o
                && !(ss..se).any(|k| is_apology_word(t, k))
                && is_finite_verb(t, o + 1)
                && !t.is_any(
                    o + 1,
                    &["was", "were", "had", "got", "'d", "'s", "'ve", "'re", "'m", "am", "are", "have", "has"],
                )
                && !has_any(t, o, se, &["but", "because"])
            {
                return true;
            }
            // "There's nobody else to blame"; "the confusion I caused by sending".
            (c.s..c.e).any(|k| t.is(k, "else"))
                || c.s > 0
                    && t.is_any(c.s - 1, &["i", "we"])
                    && t.is_any(c.s, &["caused", "brought", "created", "triggered"])
        }
        _ => false,
    }
}
