//! The apology checker: finds the words that weaken or undo an apology, and
//! (for whole letters) the parts a good apology is missing.
//!
//! It reads English at the level of clauses and sentences so that innocent
//! uses of trap words ("not only ... but also", "if you'd like") stay clean.
//! It must never panic, never report a span that is not on character
//! boundaries of the input, never report overlapping findings, and never
//! compile anything per call: all rules are built once.
//!
//! The parts, by what each decides: `tokenise` (words and sentences),
//! `pattern` + `rules` (which phrases are qualifiers), `guards` (whether a
//! phrase match counts where it sits), `contrast` (whether a "but" takes the
//! apology back), `clauses` (who does what around an apology, by structure),
//! `fix` (what should stand in each finding's place), `completeness` (what a
//! whole letter lacks), `words` (the word lists they share). This file builds
//! the engine once and runs the parts in order.

mod clauses;
mod completeness;
mod contrast;
mod fix;
mod guards;
pub mod model;
mod pattern;
mod quotes;
mod rules;
mod tokenise;
mod words;

use guards::*;
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
    model::second_opinion(text, &t, &mut cands);
    // What the customer said, quoted back to them, is theirs, not our qualifier.
    let quoted = quotes::customer_quotes(text);
    if !quoted.is_empty() {
        cands.retain(|c| {
            let s = t.toks[c.s].start;
            !quoted.iter().any(|&(qs, qe)| s >= qs && s < qe)
        });
    }
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

/// The one-click rewrite: `text` with every finding's replacement applied,
/// and applied again while the result still has findings (a qualifier can
/// show only once its neighbour is gone), at most three rounds.
pub fn fix(text: &str) -> String {
    fix_with(text, check)
}

/// [`fix`] with the findings of [`check_letter`] (what `amends check --fix` prints).
pub fn fix_letter(text: &str, force_letter: bool) -> String {
    fix_with(text, |t| check_letter(t, force_letter))
}

fn fix_with(text: &str, find: impl Fn(&str) -> Vec<Finding>) -> String {
    let mut current = text.to_string();
    for _ in 0..3 {
        let findings: Vec<Finding> = find(&current).into_iter().filter(|f| f.start.is_some()).collect();
        if findings.is_empty() {
            break;
        }
        let next = fix::apply(&current, &findings);
        if next == current {
            break;
        }
        current = next;
    }
    current
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
