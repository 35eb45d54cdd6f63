//! The apology checker: finds the words that weaken or undo an apology, and
//! (for whole letters) the parts a good apology is missing.
//!
//! It reads English at the level of clauses and sentences so that innocent
//! uses of trap words ("not only ... but also", "if you'd like") stay clean.
//! It must never panic, never report a span that is not on character
//! boundaries of the input, never report overlapping findings, and never
//! compile anything per call: all rules are built once.

mod clauses;
mod completeness;
mod contrast;
mod fix;
mod pattern;
mod rules;
mod tokenise;
mod words;

use pattern::Pattern;
use serde::{Deserialize, Serialize};
use std::collections::HashMap as StdMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;
use tokenise::Tokens;
use words::*;

/// What kind of weakness a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum FindingKind {
    But,
    Conditional,
    Minimizing,
    Blame,
    Excuse,
    Passive,
    Feelings,
    Hedge,
    /// A part of a good apology letter that is absent (no span).
    Missing,
}

/// One problem found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct Finding {
    /// Character (not byte) offset of the first char, or None for `Missing`.
    pub start: Option<usize>,
    /// Character offset one past the last char, or None for `Missing`.
    pub end: Option<usize>,
    pub kind: FindingKind,
    /// Exactly the characters in `start..end` (empty for `Missing`).
    pub text: String,
    /// One sentence a shop owner understands.
    pub message: String,
    pub suggestion: Option<String>,
    /// The exact text that should stand in `start..end` for a plain
    /// apology (often empty: the clause or the word is dropped). Applying
    /// every finding's replacement gives [`fix`]'s rewrite.
    pub replacement: String,
}

impl FindingKind {
    /// The owner-facing explanation for each kind.
    pub fn explanation(self) -> &'static str {
        match self {
            FindingKind::But => "A \"but\" (or \"however\", \"although\") after an apology tells the customer the apology doesn't really count.",
            FindingKind::Conditional => "The \"if\" makes the apology conditional, as if the harm might not have happened.",
            FindingKind::Minimizing => "This makes the problem sound smaller than it felt to the customer.",
            FindingKind::Blame => "This puts some of the blame on the customer.",
            FindingKind::Excuse => "This explains the mistake away instead of owning it.",
            FindingKind::Passive => "This hides who made the mistake; say \"I\" or \"we\".",
            FindingKind::Feelings => "This apologises for the customer's feelings rather than for what you did.",
            FindingKind::Hedge => "This hedges the apology, so it sounds careful rather than sincere.",
            FindingKind::Missing => "Part of a complete apology is missing.",
        }
    }
}

/// FNV-1a: the keys are short words, and SipHash's DoS resistance buys
/// nothing for a fixed rule table while costing a third of the run time.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type HashMap<K, V> = StdMap<K, V, BuildHasherDefault<Fnv>>;

struct Rule {
    kind: FindingKind,
    pat: Pattern,
    guards: rules::Guards,
    suggestion: &'static str,
}

/// Everything built once: rules indexed by the word they start with, and
/// the context phrase sets the guards use.
struct Engine {
    rules: Vec<Rule>,
    by_first: HashMap<u64, Vec<usize>>,
    wild: Vec<usize>,
    ctx: Context,
}

/// Sentence-level phrase sets used by guards and the contrast rules.
pub(crate) struct Context {
    pub apology: PatternSet,
    pub disclaim: PatternSet,
    pub own: PatternSet,
    /// Explicit ownership: "my mistake", "I should have", "I didn't check".
    pub strong: PatternSet,
}

/// A list of patterns with a first-word index, for quick "does this token
/// range contain any of these phrases" questions.
pub(crate) struct PatternSet {
    pats: Vec<Pattern>,
    by_first: HashMap<u64, Vec<usize>>,
    wild: Vec<usize>,
}

impl PatternSet {
    fn new(srcs: &[&'static str]) -> PatternSet {
        let pats: Vec<Pattern> = srcs.iter().map(|s| Pattern::new(s)).collect();
        let mut by_first: HashMap<u64, Vec<usize>> = HashMap::default();
        let mut wild = Vec::new();
        for (i, p) in pats.iter().enumerate() {
            index_pattern(p, i, &mut by_first, &mut wild);
        }
        PatternSet { pats, by_first, wild }
    }

    /// First match starting in [from, to) that also ends by `to`.
    pub fn find_in(&self, t: &Tokens, from: usize, to: usize) -> Option<(usize, usize)> {
        let to = to.min(t.len());
        for i in from..to {
            if t.toks[i].is_word {
                if let Some(list) = self.by_first.get(&t.toks[i].h) {
                    for &pi in list {
                        if let Some(m) = self.pats[pi].match_at(t, i) {
                            if m.1 <= to && !negated_before(t, m.0, 2) {
                                return Some(m);
                            }
                        }
                    }
                }
            }
            for &pi in &self.wild {
                if let Some(m) = self.pats[pi].match_at(t, i) {
                    if m.1 <= to && !negated_before(t, m.0, 2) {
                        return Some(m);
                    }
                }
            }
        }
        None
    }

    pub fn any_in(&self, t: &Tokens, from: usize, to: usize) -> bool {
        self.find_in(t, from, to).is_some()
    }
}

fn index_pattern(p: &Pattern, i: usize, by_first: &mut HashMap<u64, Vec<usize>>, wild: &mut Vec<usize>) {
    match p.first_words() {
        Some(words) => {
            for w in words {
                let e = by_first.entry(pattern::word_hash(w)).or_default();
                if !e.contains(&i) {
                    e.push(i);
                }
            }
        }
        None => wild.push(i),
    }
}

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        let mut rules_v = Vec::new();
        for spec in rules::rules() {
            let src: &'static str = match rules::expand_local(spec.pat) {
                std::borrow::Cow::Borrowed(s) => s,
                std::borrow::Cow::Owned(s) => Box::leak(s.into_boxed_str()),
            };
            rules_v.push(Rule {
                kind: spec.kind,
                pat: Pattern::new(src),
                guards: spec.guards,
                suggestion: spec.suggestion,
            });
        }
        let mut by_first = HashMap::default();
        let mut wild = Vec::new();
        for (i, r) in rules_v.iter().enumerate() {
            index_pattern(&r.pat, i, &mut by_first, &mut wild);
        }
        Engine {
            rules: rules_v,
            by_first,
            wild,
            ctx: Context {
                apology: PatternSet::new(APOLOGY_CTX),
                disclaim: PatternSet::new(DISCLAIM_CTX),
                own: PatternSet::new(OWN_CTX),
                strong: PatternSet::new(STRONG_OWN),
            },
        }
    })
}

/// How a backwards word search treats punctuation between the words.
#[derive(Clone, Copy)]
enum Punct {
    /// Look past any punctuation, to the start of the sentence.
    Cross,
    /// Stop at the first punctuation mark.
    Stop,
    /// Look past commas and dashes, stop where the clause ends (. ; :).
    StopAtClauseEnd,
}

/// One of `words` within `window` words before `at`, in the same sentence.
fn scan_back(t: &Tokens, at: usize, window: usize, words: &[&str], punct: Punct) -> bool {
    let (s, _) = t.sentence_of(at.min(t.len().saturating_sub(1)));
    let mut k = at;
    let mut seen = 0;
    while k > s && seen < window {
        k -= 1;
        if !t.toks[k].is_word {
            match punct {
                Punct::Cross => continue,
                Punct::Stop => break,
                Punct::StopAtClauseEnd if matches!(t.norm(k), "." | ";" | ":") => break,
                Punct::StopAtClauseEnd => continue,
            }
        }
        seen += 1;
        if t.is_any(k, words) {
            return true;
        }
    }
    false
}

/// A negation within `window` tokens before `at`, inside the same clause.
fn negated_before(t: &Tokens, at: usize, window: usize) -> bool {
    scan_back(t, at, window, NEGATIONS, Punct::StopAtClauseEnd)
}

fn word_before(t: &Tokens, at: usize, window: usize, words: &[&str], cross_punct: bool) -> bool {
    scan_back(t, at, window, words, if cross_punct { Punct::Cross } else { Punct::Stop })
}

fn sentence_has(t: &Tokens, at: usize, words: &[&str]) -> bool {
    let (s, e) = near(t, at);
    (s..e).any(|k| t.toks[k].is_word && t.is_any(k, words))
}

/// How far the guards look around a match, so one enormous sentence costs
/// linear time rather than quadratic.
const REACH: usize = 48;

/// The sentence of `at`, cut to REACH tokens either side of it.
fn near(t: &Tokens, at: usize) -> (usize, usize) {
    let (s, e) = t.sentence_of(at);
    (s.max(at.saturating_sub(REACH)), e.min(at.saturating_add(REACH)))
}

/// The sentence `delta` away from `at`'s, cut to the REACH tokens nearest
/// to `at`.
fn sentence_range(t: &Tokens, at: usize, delta: isize) -> Option<(usize, usize)> {
    let si = t.toks[at].sentence as isize + delta;
    if si < 0 || si as usize >= t.sentences.len() {
        return None;
    }
    let (s, e) = t.sentences[si as usize];
    Some(match delta {
        0 => near(t, at),
        d if d < 0 => (s.max(e.saturating_sub(REACH)), e),
        _ => (s, e.min(s + REACH)),
    })
}

fn disclaimed_near(t: &Tokens, ctx: &Context, at: usize) -> bool {
    for d in [0isize, 1, -1] {
        if let Some((s, e)) = sentence_range(t, at, d) {
            if ctx.disclaim.any_in(t, s, e) {
                return true;
            }
        }
    }
    false
}

fn innocent_if(t: &Tokens, m: (usize, usize)) -> bool {
    let Some(ifi) = (m.0..m.1).rev().find(|&k| t.is(k, "if")) else {
        return false;
    };
    let w = |k: usize| {
        if ifi + k < t.len() && t.toks[ifi + k].is_word {
            t.norm(ifi + k)
        } else {
            ""
        }
    };
    let (a, b, c) = (w(1), w(2), w(3));
    // "If there's a scratch ..., then we apologise" conditions the apology.
    let (_, se) = t.sentence_of(ifi);
    let conditions_apology = (ifi..se.min(ifi + 24))
        .find(|&k| t.is(k, "then"))
        .is_some_and(|th| (th..se.min(th + 6)).any(|k| is_apology_word(t, k)));
    if conditions_apology && a == "there" {
        return false;
    }
    let pref = |x: &str| {
        matches!(
            x,
            "like"
                | "prefer"
                | "want"
                | "wish"
                | "need"
                | "rather"
                | "choose"
                | "decide"
                | "'d"
                | "would"
                | "can"
                | "could"
                | "ever"
                | "still"
        )
    };
    // "if that's what happened", "if this is true": doubting the account.
    if matches!(a, "that" | "this" | "it")
        && matches!(b, "is" | "'s" | "was")
        && matches!(c, "what" | "how" | "true" | "right" | "correct" | "so" | "accurate")
    {
        return false;
    }
    match a {
        "you" | "it" | "that" | "this" | "we" | "i" => {
            pref(b)
                || (matches!(b, "have" | "has" | "'ve")
                    && matches!(c, "any" | "anything" | "more" | "further" | "questions" | "a" | "another" | "time"))
                || matches!(
                    b,
                    "helps"
                        | "suits"
                        | "works"
                        | "is"
                        | "are"
                        | "'re"
                        | "'s"
                        | "will"
                        | "'ll"
                        | "do"
                        | "does"
                        | "spot"
                        | "notice"
                        | "find"
                        | "get"
                        | "see"
                        | "call"
                        | "text"
                        | "email"
                )
        }
        "convenient" | "possible" | "needed" | "necessary" | "required" | "preferred" | "easier" | "anything"
        | "there" => {
            !matches!(b, "was" | "were" | "went" | "has" | "have" | "we" | "i" | "our" | "my" | "about" | "that")
        }
        _ => false,
    }
}

fn guards_pass(t: &Tokens, ctx: &Context, g: rules::Guards, m: (usize, usize)) -> bool {
    use rules::*;
    let (s, e) = m;
    if g.has(NOT_NEGATED)
        && (negated_before(t, s, 5)
            || (s..e).any(|k| t.toks[k].is_word && t.is_any(k, NEGATIONS))
            || word_before(t, s, 2, &["even"], false))
    {
        return false;
    }
    if g.has(APOLOGY_IN_SENTENCE) && !sentence_has(t, s, MACRO_APOL) {
        return false;
    }
    if g.has(NO_FIRST_PERSON_IN_SENTENCE) && sentence_has(t, s, FIRST_PERSON) {
        return false;
    }
    if g.has(NOT_ABOUT_PREVENTION) && sentence_has(t, s, PREVENTION) {
        return false;
    }
    if g.has(FAULT_WORD_IN_SENTENCE) && !sentence_has(t, s, FAULT_WORDS) {
        return false;
    }
    if g.has(NO_FIRST_PERSON_IN_MATCH) && (s..e).any(|k| t.is_any(k, &["i", "me", "my", "mine", "myself"])) {
        return false;
    }
    if g.has(NOT_AFTER_IF_OR_WHEN)
        && word_before(
            t,
            s,
            6,
            &["if", "should", "when", "whenever", "unless", "whether", "case", "know", "tell"],
            false,
        )
    {
        return false;
    }
    if g.has(NOT_RIGHT_AFTER_YOU) && word_before(t, s, 3, &["you"], false) {
        return false;
    }
    if g.has(IF_NOT_AN_OFFER) && innocent_if(t, m) {
        return false;
    }
    if g.has(NOT_OWNED_IN_SENTENCE) {
        let (ss, se) = near(t, s);
        if ctx.own.any_in(t, ss, se) || first_person_agent(t, (ss, se), false) {
            return false;
        }
    }
    if g.has(NOT_DISCLAIMED) && disclaimed_near(t, ctx, s) {
        return false;
    }
    if g.has(NOT_JUST_NEGATED) && negated_before(t, s, 2) {
        return false;
    }
    if g.has(APOLOGY_NEARBY) && !apology_near(t, s) {
        return false;
    }
    if g.has(AFTER_APOLOGY) && !after_apology(t, s) {
        return false;
    }
    if g.has(WRITER_NOT_SUBJECT) && first_person_subject(t, s) {
        return false;
    }
    if g.has(NOT_ABOUT_THE_FIX) && about_the_fix(t, s, e) {
        return false;
    }
    if g.has(WRITER_NOT_AGENT) && writer_owns_it(t, ctx, s, false) {
        return false;
    }
    if g.has(WRITER_NOT_AGENT_BEYOND_APOLOGY) && writer_owns_it(t, ctx, s, true) {
        return false;
    }
    if g.has(SOUNDS_LIKE_HARM_AWAY_FROM_APOLOGY) && !sentence_has_apology(t, near(t, s)) && !sounds_like_harm(t, s, e) {
        return false;
    }
    if g.has(SOUNDS_LIKE_HARM) && !sounds_like_harm(t, s, e) {
        return false;
    }
    if g.has(NO_BY_AGENT) && agent_named(t, e) {
        return false;
    }
    if g.has(NOT_AFTER_PREPOSITION)
        && s > 0
        && t.toks[s - 1].is_word
        && t.is_any(
            s - 1,
            &[
                "on", "in", "at", "from", "to", "with", "by", "of", "for", "through", "via", "into", "onto", "about",
                "under", "over",
            ],
        )
    {
        return false;
    }
    if g.has(SENTENCE_NOT_ABOUT_THE_FIX) {
        let (ss, se) = near(t, s);
        if about_the_fix(t, ss, se) {
            return false;
        }
    }
    if g.has(NOT_ACCEPTED)
        && word_before(
            t,
            s,
            3,
            &[
                "accept", "accepts", "accepted", "take", "takes", "took", "full", "fully", "complete", "entire",
                "entirely", "totally",
            ],
            false,
        )
        && !negated_before(t, s, 5)
    {
        return false;
    }
    true
}

fn is_apology_word(t: &Tokens, k: usize) -> bool {
    t.toks[k].is_word && t.is_any(k, MACRO_APOL)
}

fn sentence_has_apology(t: &Tokens, (s, e): (usize, usize)) -> bool {
    (s..e).any(|k| is_apology_word(t, k))
}

/// An apology in this sentence, the one before or the one after.
fn apology_near(t: &Tokens, at: usize) -> bool {
    [0isize, -1, 1].iter().any(|&d| sentence_range(t, at, d).is_some_and(|r| sentence_has_apology(t, r)))
}

fn is_boundary(t: &Tokens, k: usize) -> bool {
    if t.toks[k].is_word {
        t.is_any(k, CLAUSE_WORDS)
    } else {
        matches!(t.norm(k), "," | ";" | ":" | "-" | "(" | ")" | "\"")
    }
}

/// The match sits after an apology: in a later clause of the apology's own
/// sentence, or in the sentence that follows it.
fn after_apology(t: &Tokens, at: usize) -> bool {
    let (s, _) = near(t, at);
    let mut boundary = is_boundary(t, at);
    let mut k = at;
    while k > s {
        k -= 1;
        if is_apology_word(t, k) {
            if boundary {
                return true;
            }
            break;
        }
        if is_boundary(t, k) {
            boundary = true;
        }
    }
    sentence_range(t, at, -1).is_some_and(|r| sentence_has_apology(t, r))
}

/// Scan back through the match's clause: is "I" or "we" its subject, or is
/// it a time clause ("before it was delivered") that only sets the scene?
fn first_person_subject(t: &Tokens, at: usize) -> bool {
    let (s, _) = near(t, at);
    let mut k = at;
    while k > s {
        k -= 1;
        if t.is_any(k, &["before", "after", "until", "till", "once", "whenever", "unless"]) {
            return true;
        }
        if is_apology_word(t, k) || is_boundary(t, k) && !t.is(k, "that") {
            return false;
        }
        if t.is_any(k, &["i", "we"]) {
            return true;
        }
    }
    false
}

/// The match's clause is about the remedy or the future.
fn about_the_fix(t: &Tokens, s: usize, e: usize) -> bool {
    let (ss, se) = near(t, s);
    let mut a = s;
    while a > ss && (t.toks[a - 1].is_word || !is_boundary(t, a - 1)) {
        a -= 1;
    }
    let mut b = e;
    while b < se && (t.toks[b].is_word || !is_boundary(t, b)) {
        b += 1;
    }
    (a..b).any(|k| {
        // "this morning", "the same day": when it was put right.
        if t.is(k, "morning") {
            return k > 0 && t.is(k - 1, "this");
        }
        if t.is(k, "same") {
            return t.is(k + 1, "day");
        }
        // "going to" is the future; "you mentioned going on holiday" is not.
        if t.is(k, "going") {
            return t.is(k + 1, "to");
        }
        t.is_any(
            k,
            &[
                "will",
                "'ll",
                "now",
                "tomorrow",
                "tonight",
                "shortly",
                "soon",
                "today",
                "yesterday",
                "morning",
                "immediately",
                "promptly",
                "straightaway",
                "same",
                "replacement",
                "correct",
                "corrected",
            ],
        )
    })
}

/// The passive at `s..e` sounds like harm, not a remedy.
fn sounds_like_harm(t: &Tokens, s: usize, e: usize) -> bool {
    if (s..e).any(|k| t.is_any(k, HARM_PP) || t.is_any(k, HARM_CUES)) {
        return true;
    }
    let (ss, se) = near(t, s);
    let clause_mark = |k: usize| !t.toks[k].is_word && matches!(t.norm(k), "," | ";" | ":" | "-");
    let mut k = e;
    while k < se && !clause_mark(k) {
        if t.is_any(k, HARM_CUES) {
            return true;
        }
        k += 1;
    }
    // "The wrong postcode was entered".
    let mut k = s;
    while k > ss && !clause_mark(k - 1) {
        k -= 1;
        if t.is_any(k, HARM_CUES) {
            return true;
        }
    }
    false
}

/// A "by" agent follows in the clause: "was resealed by our fitter". Only
/// "by mistake" or "by accident" still hides the doer.
fn agent_named(t: &Tokens, e: usize) -> bool {
    let (_, se) = t.sentence_of(e.saturating_sub(1));
    let mut k = e;
    while k < se && k < e + 6 && t.toks[k].is_word {
        if t.is(k, "by") && !(k + 1 < se && t.is_any(k + 1, &["mistake", "accident", "error", "the", "then"])) {
            return true;
        }
        k += 1;
    }
    false
}

/// "I"/"we" as the one who did something, outside the apology itself and
/// outside plans and empathy: "we forgot", "I sent", "we didn't".
fn first_person_agent(t: &Tokens, (s, e): (usize, usize), skip_said: bool) -> bool {
    for k in s..e {
        // "I"/"we", or one of "our"/"my" people: "our driver misread it".
        let staff = k > s && t.is_any(k - 1, &["our", "my"]) && t.is_any(k, STAFF_WORDS);
        if !(t.toks[k].is_word && (t.is_any(k, &["i", "we"]) || staff)) {
            continue;
        }
        // What the apology is for ("sorry we didn't call back") is not
        // the writer owning the cause given after it.
        if skip_said && said_by_apology(t, s, k) {
            continue;
        }
        // Scene-setting: "when we knocked", "as we arrived"; and what we
        // did as told: "so that's what we matched".
        if k > s && t.is_any(k - 1, &["when", "while", "as", "once", "before", "after", "until"]) {
            continue;
        }
        // What was done as asked: "so that's what we matched" (but not
        // "that's what we forgot").
        if k > s
            && t.is(k - 1, "what")
            && k + 1 < e
            && !t.is_any(
                k + 1,
                &[
                    "forgot",
                    "missed",
                    "got",
                    "messed",
                    "broke",
                    "lost",
                    "failed",
                    "should",
                    "did",
                    "never",
                    "mixed",
                    "dropped",
                    "overlooked",
                    "ruined",
                ],
            )
        {
            continue;
        }
        // Part of the apology: "we are so sorry".
        let mut j = k + 1;
        let mut n = 0;
        while j < e && t.toks[j].is_word && t.is_any(j, ANCHOR_FILL) && n < 6 {
            j += 1;
            n += 1;
        }
        if j < e && is_apology_word(t, j) {
            continue;
        }
        let mut nx = k + 1;
        while nx < e
            && t.is_any(
                nx,
                &[
                    "only",
                    "just",
                    "also",
                    "then",
                    "actually",
                    "really",
                    "simply",
                    "clearly",
                    "obviously",
                    "completely",
                    "totally",
                    "somehow",
                    "accidentally",
                    "mistakenly",
                    "wrongly",
                    "genuinely",
                    "honestly",
                    "all",
                    "both",
                ],
            )
        {
            nx += 1;
        }
        if nx >= e || !t.toks[nx].is_word {
            continue;
        }
        let w1 = t.norm(nx);
        let w2 = if nx + 1 < e && t.toks[nx + 1].is_word { t.norm(nx + 1) } else { "" };
        // "...went down, so I couldn't log in": the consequence of the
        // cause, not the writer owning it.
        if k > s && t.is_any(k - 1, &["so", "meaning", "therefore", "hence"]) && w1 == "could" {
            continue;
        }
        // "we didn't", "we never", "we should have", "we were wrong".
        if matches!(w2, "not" | "never") && matches!(w1, "did" | "do" | "have" | "had" | "was" | "were") {
            return true;
        }
        if matches!(w1, "never" | "should" | "ought") {
            return true;
        }
        if matches!(w1, "were" | "was")
            && matches!(
                w2,
                "wrong"
                    | "late"
                    | "rude"
                    | "slow"
                    | "careless"
                    | "at"
                    | "to"
                    | "the"
                    | "responsible"
                    | "not"
                    | "too"
                    | "unclear"
                    | "sloppy"
                    | "thoughtless"
                    | "negligent"
            )
        {
            return true;
        }
        if matches!(w1, "got") && matches!(w2, "it" | "the" | "your" | "this" | "that" | "wrong" | "confused" | "mixed")
        {
            return true;
        }
        if w1 == "did"
            && !matches!(
                w2,
                "mention"
                    | "tell"
                    | "say"
                    | "warn"
                    | "explain"
                    | "advise"
                    | "point"
                    | "inform"
                    | "let"
                    | "remind"
                    | "send"
                    | "email"
                    | "text"
                    | "call"
                    | "ask"
                    | "try"
                    | "our"
                    | "everything"
                    | "all"
                    | "what"
            )
        {
            return true;
        }
        // "I had booked too many": past perfect is the writer acting.
        if matches!(w1, "had" | "'d") && (w2.ends_with("ed") || PAST_IRREG.contains(&w2)) {
            return true;
        }
        if matches!(w1, "came" | "went") && w2 == "down" {
            continue;
        }
        if NOT_AGENT.contains(&w1) {
            continue;
        }
        if w1.ends_with("ed") || PAST_IRREG.contains(&w1) {
            return true;
        }
    }
    // "our team were late and they should have called".
    let ours = (s + 1..e).any(|k| t.is_any(k - 1, &["our", "my"]) && t.is_any(k, STAFF_WORDS));
    ours && (s + 1..e).any(|k| t.is_any(k - 1, &["they", "he", "she"]) && t.is_any(k, &["should", "ought"]))
}

/// The writer owns it in this sentence or a neighbouring one.
fn writer_owns_it(t: &Tokens, ctx: &Context, at: usize, skip_said: bool) -> bool {
    for d in [0isize, -1, 1] {
        if sentence_range(t, at, d).is_some_and(|r| first_person_agent(t, r, skip_said)) {
            return true;
        }
    }
    // "...was dropped by us".
    // "returned to us" is not owning it; "down to us" is.
    let by_us = |k: usize| {
        t.is_any(k, &["me", "us", "myself", "ourselves"])
            && (t.is(k - 1, "by")
                || t.is(k - 1, "to") && k >= 2 && t.is_any(k - 2, &["down", "due", "attributable", "fault", "up"]))
    };
    for d in [0isize, -1, 1] {
        if let Some((s, e)) = sentence_range(t, at, d) {
            if (s + 1..e).any(by_us) {
                return true;
            }
        }
    }
    for d in [0isize, -1, 1] {
        if let Some(r) = sentence_range(t, at, d) {
            if owned_in(t, &ctx.strong, r, skip_said) || owned_in(t, &ctx.disclaim, r, skip_said) {
                return true;
            }
        }
    }
    false
}

/// Token `k` is inside what an apology says it is for: an apology word at
/// most three words before, with no punctuation between ("sorry we
/// didn't", not "Sorry, we were the ones who...").
fn said_by_apology(t: &Tokens, s: usize, k: usize) -> bool {
    let mut j = k;
    while j > s && k - j < 4 {
        j -= 1;
        if !t.toks[j].is_word {
            return false;
        }
        if is_apology_word(t, j) {
            return true;
        }
    }
    false
}

/// A phrase of `set` in the range; with `skip_said`, not one that is what
/// the apology is for ("sorry [we didn't] call back").
fn owned_in(t: &Tokens, set: &PatternSet, (s, e): (usize, usize), skip_said: bool) -> bool {
    let mut from = s;
    while let Some((ms, _)) = set.find_in(t, from, e) {
        if !(skip_said && said_by_apology(t, s, ms)) {
            return true;
        }
        from = ms + 1;
    }
    false
}

/// A candidate finding in token terms, before overlap resolution.
pub(crate) struct Cand {
    pub s: usize,
    pub e: usize,
    pub kind: FindingKind,
    pub suggestion: &'static str,
}

/// Find every qualifier in `text`: sorted by start, never overlapping.
pub fn check(text: &str) -> Vec<Finding> {
    let t = tokenise::tokenise(text);
    let eng = engine();
    let mut cands: Vec<Cand> = Vec::new();
    for i in 0..t.len() {
        let try_rule = |ri: usize, cands: &mut Vec<Cand>| {
            let r = &eng.rules[ri];
            if let Some(m) = r.pat.match_at(&t, i) {
                if guards_pass(&t, &eng.ctx, r.guards, m) {
                    cands.push(Cand { s: m.0, e: m.1, kind: r.kind, suggestion: r.suggestion });
                }
            }
        };
        if t.toks[i].is_word {
            if let Some(list) = eng.by_first.get(&t.toks[i].h) {
                for &ri in list {
                    try_rule(ri, &mut cands);
                }
            }
        }
        for &ri in &eng.wild {
            try_rule(ri, &mut cands);
        }
    }
    contrast::find(&t, &eng.ctx, &mut cands);
    clauses::find(&t, &eng.ctx, &mut cands);
    clauses::prune(&t, &eng.ctx, &mut cands);
    resolve(text, &t, cands)
}

fn resolve(text: &str, t: &Tokens, mut cands: Vec<Cand>) -> Vec<Finding> {
    cands.sort_by(|a, b| {
        let (sa, ea) = (t.toks[a.s].start, t.toks[a.e - 1].end);
        let (sb, eb) = (t.toks[b.s].start, t.toks[b.e - 1].end);
        sa.cmp(&sb).then((eb - sb).cmp(&(ea - sa)))
    });
    // Char offsets to byte offsets, built lazily only when there are
    // findings: most letters have none.
    if cands.is_empty() {
        return Vec::new();
    }
    let byte_at: Vec<usize> = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect();
    let mut kept: Vec<Cand> = Vec::new();
    let mut last_end = 0usize;
    for c in cands {
        let (cs, ce) = (t.toks[c.s].start, t.toks[c.e - 1].end);
        if cs < last_end || ce <= cs || ce >= byte_at.len() {
            continue;
        }
        last_end = ce;
        kept.push(c);
    }
    let chars: Vec<char> = text.chars().collect();
    let edits = fix::plan(t, &kept, &chars);
    kept.iter()
        .zip(edits)
        .filter(|(_, (cs, ce, _))| cs < ce && *ce < byte_at.len())
        .map(|(c, (cs, ce, replacement))| Finding {
            start: Some(cs),
            end: Some(ce),
            kind: c.kind,
            text: text[byte_at[cs]..byte_at[ce]].to_string(),
            message: c.kind.explanation().to_string(),
            suggestion: if c.suggestion.is_empty() { None } else { Some(c.suggestion.to_string()) },
            replacement,
        })
        .collect()
}

/// The one-click rewrite: `text` with every finding's replacement applied.
pub fn fix(text: &str) -> String {
    fix::apply(text, &check(text))
}

/// Apply the replacements of `findings` (from [`check`] or [`check_letter`]
/// on this same `text`) to it; findings without a span are skipped.
pub fn apply_replacements(text: &str, findings: &[Finding]) -> String {
    fix::apply(text, findings)
}

/// For tuning: each finding with the source of the rule that made it.
#[doc(hidden)]
pub fn debug_rules(text: &str) -> Vec<(String, &'static str)> {
    let t = tokenise::tokenise(text);
    let eng = engine();
    let mut out = Vec::new();
    for i in 0..t.len() {
        for (ri, r) in eng.rules.iter().enumerate() {
            let _ = ri;
            if let Some(m) = r.pat.match_at(&t, i) {
                if guards_pass(&t, &eng.ctx, r.guards, m) {
                    let (s, e) = (t.toks[m.0].start, t.toks[m.1 - 1].end);
                    out.push((text.chars().skip(s).take(e - s).collect(), r.pat.source()));
                }
            }
        }
    }
    out
}

/// Does this look like a whole letter (greeting or sign-off, and some
/// length) rather than a sentence being drafted?
pub fn looks_like_letter(text: &str) -> bool {
    completeness::looks_like_letter(text)
}

/// Qualifiers plus, for whole letters, what the letter is missing.
pub fn check_letter(text: &str, force_letter: bool) -> Vec<Finding> {
    let mut out = check(text);
    if force_letter || looks_like_letter(text) {
        let t = tokenise::tokenise(text);
        out.extend(completeness::missing(text, &t));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn all_rules_compile() {
        let e = super::engine();
        assert!(e.rules.len() > 100);
    }
}
