//! The apology checker: finds the words that weaken or undo an apology, and
//! (for whole letters) the parts a good apology is missing.
//!
//! It reads English at the level of clauses and sentences so that innocent
//! uses of trap words ("not only ... but also", "if you'd like") stay clean.
//! It must never panic, never report a span that is not on character
//! boundaries of the input, never report overlapping findings, and never
//! compile anything per call: all rules are built once.

mod completeness;
mod contrast;
mod pattern;
mod rules;
mod tokenise;

use pattern::Pattern;
use serde::{Deserialize, Serialize};
use std::collections::HashMap as StdMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;
use tokenise::Tokens;

/// What kind of weakness a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
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
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
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
    guards: u16,
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

const APOLOGY_CTX: &[&str] = &[
    "@apol",
    "forgive",
    "my|our ?own fault|mistake|error|responsibility|doing|oversight|failure|blunder",
    "on me",
    "i|we understand|appreciate|realise|recognise|acknowledge|hear|get",
    "i|we know|see how|why|that",
    "i|we take ?full|complete|total responsibility",
    "i|we let you down",
    "i|we got _2 wrong",
    "i|we made a|an|the|this|that|some ?big|huge|serious|real mistake|error|mess|mistakes|errors",
    "i|we messed|mixed|slipped|dropped|failed",
    "i|we should have|'ve",
    "is|was|'s mine|ours",
];

const DISCLAIM_CTX: &[&str] = &[
    "no|not ?an|any|a ?real|good|valid excuse|excuses|reason",
    "does|did|do|will|can not excuse",
    "not|n't excusing|excuses",
    "not ?make|making|offer|offering|give|giving|looking ?for ?any excuses|excuse",
    "excuses $",
    "not ?a|the your|their|his|her problem|concern|fault|responsibility|worry|doing|job",
    "not|n't blaming|blame",
    "my|our ?own fault|mistake|error|responsibility|doing|oversight|failure|job|call|decision|choice|watch",
    "fault|responsibility|blame|mistake|error|buck _3 mine|ours|stops|with|rests",
    "on me|us $",
    "is|was|'s|rests on me|us",
    "i|we should|could have|'ve",
    "i|we chose|picked|hired|booked|trained|employ|employed|manage|managed|supervise|run|choose|pick|hire|appointed|selected",
    "i|we take|accept|own ?full|complete|total ?the responsibility|blame",
    "is|was|'s|remain|remains|were ?still|ultimately|entirely|wholly|all mine|ours|me",
    "i|we own|answer|answerable",
    "shouldn't|should not have mattered|affected",
    "should not|never have been your",
    "none|nothing of that|this|which|it is|was|'s|matters|changes|excuses",
    "doesn't|does not change|excuse",
];

const OWN_CTX: &[&str] = &[
    "my|our ?own fault|mistake|error|responsibility|doing|oversight|failure|misunderstanding|slip|blunder|carelessness|mix|misreading|mistakes|errors",
    "mine|ours",
    "on me",
    "i|we made|got|messed|mixed|forgot|failed|dropped|broke|missed|let|overlooked|misread|misheard|lost|sent|ignored|rushed|skipped|packed|booked|charged|wrote|entered|put|gave|took|should|chose|picked|hired|trained|misjudged|underestimated|promised|told|used|left|caused|did|mislabelled|delivered|fitted|installed|cut|printed|double|typed|didn't|misunderstood|confused|muddled|scheduled|assumed",
    "by me|us",
    "on my|our part",
    "i|we take ?full|complete ?responsibility",
];

pub(crate) const STRONG_OWN: &[&str] = &[
    "my|our ?own fault|mistake|mistakes|error|errors|responsibility|doing|oversight|failure|blunder|slip|job|watch",
    "i|we got _3 wrong",
    "i|we made a|an|the|this|that|some|two|several ?big|huge|serious|real|careless|basic|stupid|bad mistake|error|mistakes|errors|mess",
    "i|we take|accept ?full|complete|total|all ?the responsibility|blame",
    "i|we let you down",
    "i|we messed|mucked|slipped|dropped|failed|forgot|misread|misheard|overlooked|broke|lost|missed|mixed|muddled|mislabelled|ignored|ruined|spoiled|spoilt",
    "i|we should|ought have|'ve|to",
    "on me|us $",
    "is|was|'s|rests on me|us",
    "is|was|'s ?entirely|all|completely|wholly mine|ours",
    "i|we did|do|have not|never !mean|intend|intended|meant",
    "fault|responsibility|blame|mistake|error _3 mine|ours",
    "i|we am|are|was|were ?fully|entirely|completely responsible|to blame|at fault",
];

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

const NEGATIONS: &[&str] = &[
    "not", "never", "no", "nothing", "none", "nobody", "hardly", "nor", "without", "than", "far", "neither", "barely",
];

/// A negation within `window` tokens before `at`, inside the same clause.
fn negated_before(t: &Tokens, at: usize, window: usize) -> bool {
    let (s, _) = t.sentence_of(at.min(t.len().saturating_sub(1)));
    let mut k = at;
    let mut seen = 0;
    while k > s && seen < window {
        k -= 1;
        if !t.toks[k].is_word {
            if matches!(t.norm(k), "." | ";" | ":") {
                break;
            }
            continue;
        }
        seen += 1;
        if t.is_any(k, NEGATIONS) {
            return true;
        }
    }
    false
}

fn word_before(t: &Tokens, at: usize, window: usize, words: &[&str], cross_punct: bool) -> bool {
    let (s, _) = t.sentence_of(at.min(t.len().saturating_sub(1)));
    let mut k = at;
    let mut seen = 0;
    while k > s && seen < window {
        k -= 1;
        if !t.toks[k].is_word {
            if cross_punct {
                continue;
            }
            break;
        }
        seen += 1;
        if t.is_any(k, words) {
            return true;
        }
    }
    false
}

fn sentence_has(t: &Tokens, at: usize, words: &[&str]) -> bool {
    let (s, e) = t.sentence_of(at);
    (s..e).any(|k| t.toks[k].is_word && t.is_any(k, words))
}

const FIRST_PERSON: &[&str] = &["i", "me", "my", "we", "us", "mine", "myself", "ourselves"];
const FAULT_WORDS: &[&str] = &[
    "mistake",
    "mistakes",
    "error",
    "errors",
    "fault",
    "faults",
    "wrong",
    "blame",
    "misunderstanding",
    "miscommunication",
    "confusion",
    "forgot",
    "forgotten",
    "failed",
    "mixed",
    "misread",
    "misheard",
    "mislabelled",
    "lost",
    "dropped",
    "damaged",
    "broke",
    "broken",
    "missed",
    "overlooked",
    "incorrect",
    "incorrectly",
    "messed",
    "responsible",
    "responsibility",
    "sent",
    "packed",
];
const PREVENTION: &[&str] = &[
    "ensure",
    "prevent",
    "prevents",
    "preventing",
    "avoid",
    "hired",
    "recruited",
    "employed",
    "extra",
    "additional",
    "doubled",
    "future",
    "longer",
    "again",
    "sure",
    "now",
    "changed",
    "introduced",
    "added",
    "installed",
    "switched",
    "replaced",
    "upgraded",
];

fn sentence_range(t: &Tokens, at: usize, delta: isize) -> Option<(usize, usize)> {
    let si = t.toks[at].sentence as isize + delta;
    if si < 0 || si as usize >= t.sentences.len() {
        return None;
    }
    Some(t.sentences[si as usize])
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
        | "there" => !matches!(b, "was" | "were" | "went" | "has" | "have"),
        _ => false,
    }
}

fn guards_pass(t: &Tokens, ctx: &Context, g: u16, m: (usize, usize)) -> bool {
    use rules::*;
    let (s, e) = m;
    if g & NB != 0 && (negated_before(t, s, 5) || (s..e).any(|k| t.toks[k].is_word && t.is_any(k, NEGATIONS))) {
        return false;
    }
    if g & AP != 0 && !sentence_has(t, s, MACRO_APOL) {
        return false;
    }
    if g & NOI != 0 && sentence_has(t, s, FIRST_PERSON) {
        return false;
    }
    if g & PV != 0 && sentence_has(t, s, PREVENTION) {
        return false;
    }
    if g & FAULT != 0 && !sentence_has(t, s, FAULT_WORDS) {
        return false;
    }
    if g & NOMY != 0 && (s..e).any(|k| t.is_any(k, &["i", "me", "my", "mine", "myself"])) {
        return false;
    }
    if g & NOIF != 0
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
    if g & NOYOU != 0 && word_before(t, s, 3, &["you"], false) {
        return false;
    }
    if g & IFG != 0 && innocent_if(t, m) {
        return false;
    }
    if g & OWN != 0 {
        let (ss, se) = t.sentence_of(s);
        if ctx.own.any_in(t, ss, se) {
            return false;
        }
    }
    if g & DS != 0 && disclaimed_near(t, ctx, s) {
        return false;
    }
    true
}

const MACRO_APOL: &[&str] = &[
    "sorry",
    "apologise",
    "apologised",
    "apologises",
    "apologising",
    "apologies",
    "apology",
    "regret",
    "regrets",
    "regretted",
    "apologetic",
];

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
    let mut out: Vec<Finding> = Vec::new();
    let mut last_end = 0usize;
    for c in cands {
        let (cs, ce) = (t.toks[c.s].start, t.toks[c.e - 1].end);
        if cs < last_end || ce <= cs || ce >= byte_at.len() {
            continue;
        }
        last_end = ce;
        out.push(Finding {
            start: Some(cs),
            end: Some(ce),
            kind: c.kind,
            text: text[byte_at[cs]..byte_at[ce]].to_string(),
            message: c.kind.explanation().to_string(),
            suggestion: if c.suggestion.is_empty() { None } else { Some(c.suggestion.to_string()) },
        });
    }
    out
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
