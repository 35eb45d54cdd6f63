//! The one-click rewrite: for each finding, the span to replace and the
//! exact text that should stand there, so that applying every replacement
//! leaves a plain apology that still apologises.
//!
//! The rule is one of position, not of phrase:
//! - a qualifier after the apology's own clause (a "but" clause, an excuse,
//!   blame) is removed with the rest of its sentence from the clause on;
//!   a sentence with no apology in it is removed whole when the qualifier
//!   opens it;
//! - a clause before the apology that conditions it ("If the grout has
//!   cracked, we apologise") is removed up to the apology's subject;
//! - inside the apology's clause, a word that shrinks or hedges is dropped
//!   ("the slight delay" → "the delay"), and any other qualifier ("if you
//!   were upset", "you feel that way") is cut with the rest of the clause,
//!   leaving "I'm sorry".
//!
//! It must never produce overlapping spans: a span that runs into the next
//! finding stops where that finding starts, and the next one carries on.

use super::tokenise::Tokens;
use super::words::*;
use super::{is_apology_word, Cand, FindingKind};

/// One planned edit in token terms: replace tokens `[s, e)` (plus, when
/// `swallow` is set, the whitespace after them) by `text`.
pub(crate) struct Edit {
    pub s: usize,
    pub e: usize,
    pub text: String,
    /// Also remove the whitespace that follows the last token.
    pub swallow_space: bool,
    /// Also remove the whitespace that precedes the first token.
    pub swallow_space_before: bool,
    /// The replacement is the original text from token `s` through this
    /// token (the apology word as typed), not `text`.
    pub keep: Option<usize>,
    /// The replacement is this token as typed, with a capital first letter.
    pub capitalise: Option<usize>,
    /// The replacement is these tokens of the span as typed ("any" becomes
    /// "the"), joined by single spaces.
    pub words: Option<Vec<usize>>,
}

fn is_word(t: &Tokens, k: usize) -> bool {
    k < t.len() && t.toks[k].is_word
}

/// The first apology word in the sentence `[s, e)`.
pub(crate) fn apology_in(t: &Tokens, s: usize, e: usize) -> Option<usize> {
    (s..e).find(|&k| is_apology_word(t, k) && !(t.is(k + 1, "to") && t.is_any(k + 2, &["hear", "learn"])))
}

/// The end of the clause that starts after `from`: the next , ; : — or the
/// sentence's final punctuation.
fn clause_end(t: &Tokens, from: usize, e: usize) -> usize {
    (from + 1..e).find(|&k| is_break(t, k)).unwrap_or_else(|| final_punct(t, from, e))
}

/// Punctuation that ends a clause; "9:30" and "1,200" do not.
pub(crate) fn is_break(t: &Tokens, k: usize) -> bool {
    !t.toks[k].is_word
        && matches!(t.norm(k), "," | ";" | ":" | "—" | "–" | "(")
        && !(k + 1 < t.len()
            && t.toks[k + 1].start == t.toks[k].end
            && t.toks[k + 1].is_word
            && k > 0
            && t.toks[k - 1].end == t.toks[k].start)
}

/// Index of the sentence's closing punctuation (or `e` when it has none).
fn final_punct(t: &Tokens, s: usize, e: usize) -> usize {
    let mut k = e;
    while k > s && !t.toks[k - 1].is_word {
        k -= 1;
    }
    k
}

/// Plan the edit for one finding.
fn plan_one(t: &Tokens, c: &Cand) -> Edit {
    let (ss, se) = t.sentence_of(c.s);
    let end_words = final_punct(t, ss, se);
    let drop_tail = |from: usize| -> Edit {
        // From the boundary before `from` to the sentence's last word.
        let mut s = from;
        while s > ss && !t.toks[s - 1].is_word {
            s -= 1;
        }
        if s == ss {
            // The qualifier opens the sentence: the sentence goes.
            return Edit {
                s: ss,
                e: se,
                text: String::new(),
                swallow_space: true,
                swallow_space_before: false,
                keep: None,
                capitalise: None,
                words: None,
            };
        }
        Edit {
            s,
            e: end_words.max(c.e),
            text: String::new(),
            swallow_space: false,
            swallow_space_before: true,
            keep: None,
            capitalise: None,
            words: None,
        }
    };
    let Some(a) = apology_in(t, ss, se) else {
        // No apology here: the qualifier and the rest of its sentence go.
        let cs = clause_start(t, ss, c.s);
        return drop_tail(cs);
    };
    let a_end = clause_end(t, a, se);
    if c.s > a_end || c.s >= a_end && c.kind != FindingKind::Minimizing {
        // After the apology's own clause.
        return drop_tail(clause_start(t, ss, c.s));
    }
    if c.e <= a {
        // Before the apology: a condition on it. Cut to the apology's subject.
        // The conditioning clause runs to the last comma before the
        // apology; the word after it opens the sentence now.
        if let Some(comma) = (c.s..a).rev().find(|&k| t.is(k, ",")) {
            if c.s == clause_start(t, ss, c.s) && is_word(t, comma + 1) {
                return Edit {
                    s: ss,
                    e: comma + 2,
                    text: String::new(),
                    swallow_space: false,
                    swallow_space_before: false,
                    keep: None,
                    capitalise: Some(comma + 1),
                    words: None,
                };
            }
        }
        return dropped_words(t, c);
    }
    // Inside the apology's clause: a shrinking or hedging word goes and
    // the rest of the span stays ("slight delay" → "delay", "for any" →
    // "for the").
    // "for any perceived delay": the hedge word after the span goes too.
    let mut c_e = c.e;
    while t.is_any(c_e, &["perceived", "apparent", "supposed", "alleged", "possible", "potential"]) {
        c_e += 1;
    }
    let c = &Cand { s: c.s, e: c_e, kind: c.kind, suggestion: c.suggestion };
    if matches!(c.kind, FindingKind::Minimizing | FindingKind::Hedge) && c.e > c.s + 1 {
        let droppable = |k: usize| {
            is_word(t, k)
                && (t.is_any(k, DROPPABLE) || t.is_any(k, SHRINKERS))
                && !t.is(k, "any")
                && (!t.is_any(k, &["a", "of"])
                    || k > c.s && t.is_any(k - 1, &["bit", "touch", "tad", "sort", "kind"])
                    || t.is_any(k + 1, &["bit", "touch", "tad", "little", "wee"]))
        };
        let kept: Vec<usize> = (c.s..c.e).filter(|&k| is_word(t, k) && !droppable(k)).collect();
        let dropped = (c.s..c.e).any(droppable) || (c.s..c.e).any(|k| t.is(k, "any"));
        if dropped && !kept.is_empty() && !kept.iter().any(|&k| t.is_any(k, &["inconvenience", "inconveniences"])) {
            return Edit {
                s: c.s,
                e: c.e,
                text: String::new(),
                swallow_space: false,
                swallow_space_before: false,
                keep: None,
                capitalise: None,
                words: Some(kept),
            };
        }
    }
    if c.e == c.s + 1 && t.is_any(c.s, SMALL_TROUBLE_NOUNS) {
        let text = if t.norm(c.s).ends_with('s') { "problems" } else { "problem" };
        return Edit {
            s: c.s,
            e: c.e,
            text: text.into(),
            swallow_space: false,
            swallow_space_before: false,
            keep: None,
            capitalise: None,
            words: None,
        };
    }
    if (c.s..c.e).all(|k| !is_word(t, k) || t.is_any(k, DROPPABLE) || t.is_any(k, SHRINKERS)) {
        return dropped_words(t, c);
    }
    if t.is(c.s, "any") && c.e == c.s + 1 {
        return Edit {
            s: c.s,
            e: c.e,
            text: "the".into(),
            swallow_space: false,
            swallow_space_before: false,
            keep: None,
            capitalise: None,
            words: None,
        };
    }
    if c.kind == FindingKind::Minimizing && t.is_any(c.e - 1, &["inconvenience", "inconveniences"]) {
        let text = if c.e - c.s == 1 { "trouble".to_string() } else { "the trouble".to_string() };
        return Edit {
            s: c.s,
            e: c.e,
            text,
            swallow_space: false,
            swallow_space_before: false,
            keep: None,
            capitalise: None,
            words: None,
        };
    }
    // Keep the apology word itself, cut the rest of its clause: "I'm sorry
    // if you were upset" → "I'm sorry".
    let from = if (c.s..c.e).contains(&a) { a + 1 } else { c.s };
    let to = a_end.max(c.e);
    let s = (a + 1).min(from);
    if c.s <= a {
        return Edit {
            s: c.s,
            e: to,
            text: String::new(),
            swallow_space: false,
            swallow_space_before: false,
            keep: Some(a),
            capitalise: None,
            words: None,
        };
    }
    Edit {
        s,
        e: to,
        text: String::new(),
        swallow_space: false,
        swallow_space_before: true,
        keep: None,
        capitalise: None,
        words: None,
    }
}

/// Drop the finding's words and one space.
fn dropped_words(t: &Tokens, c: &Cand) -> Edit {
    let _ = t;
    Edit {
        s: c.s,
        e: c.e,
        text: String::new(),
        swallow_space: true,
        swallow_space_before: false,
        keep: None,
        capitalise: None,
        words: None,
    }
}

/// Where the clause holding `k` starts: after the last , ; : — before it,
/// or at a connective that opens it ("but", "because").
fn clause_start(t: &Tokens, ss: usize, k: usize) -> usize {
    let mut j = k;
    while j > ss {
        if is_break(t, j - 1) {
            return j;
        }
        if t.is_any(j - 1, &["but", "because", "however", "although", "though", "as", "since", "so", "and"]) {
            return j - 1;
        }
        j -= 1;
    }
    ss
}

/// Plan the edits for resolved candidates (sorted, disjoint), keeping them
/// disjoint: a span that runs into the next stops where the next starts.
fn plan_tokens(t: &Tokens, cands: &[Cand]) -> Vec<Edit> {
    let mut edits: Vec<Edit> = cands.iter().map(|c| plan_one(t, c)).collect();
    for i in 0..edits.len() {
        // An edit never starts after its own finding.
        if edits[i].s > cands[i].s {
            edits[i].s = cands[i].s;
        }
        if edits[i].e < cands[i].e {
            edits[i].e = cands[i].e;
        }
    }
    for i in 1..edits.len() {
        let prev_e = edits[i - 1].e;
        if edits[i].s < prev_e {
            // Two edits over one stretch: split it where this finding starts,
            // so the spans stay disjoint and together still cover it.
            let split = cands[i].s;
            let both_remove = edits[i - 1].text.is_empty()
                && edits[i - 1].keep.is_none()
                && edits[i].text.is_empty()
                && edits[i].words.is_none();
            // The word to capitalise now lies in this edit's part.
            let capital = edits[i - 1].capitalise.filter(|&w| w >= split && cands[i].e <= w);
            edits[i - 1].e = split.max(edits[i - 1].s + 1);
            edits[i - 1].swallow_space = false;
            edits[i].s = edits[i - 1].e;
            if capital.is_some() {
                edits[i - 1].capitalise = None;
                edits[i].capitalise = capital;
                edits[i].keep = None;
                edits[i].words = None;
                edits[i].e = edits[i].e.max(prev_e);
            } else if both_remove && prev_e > edits[i].e {
                edits[i].e = prev_e;
            }
        }
        if edits[i].e <= edits[i].s {
            edits[i].e = edits[i].s + 1;
        }
    }
    edits
}

/// The edits in character terms: `(start, end, replacement)`, sorted and
/// disjoint, one per candidate.
pub(crate) fn plan(t: &Tokens, cands: &[Cand], chars: &[char]) -> Vec<(usize, usize, String)> {
    let edits = plan_tokens(t, cands);
    let mut out: Vec<(usize, usize, String)> = Vec::with_capacity(edits.len());
    for (i, ed) in edits.iter().enumerate() {
        let last = ed.e.min(t.len()).max(ed.s + 1) - 1;
        let mut cs = t.toks[ed.s].start;
        let mut ce = t.toks[last].end;
        // Spaces go with what is removed; a line break stays.
        let mut last_on_line = false;
        if ed.swallow_space {
            let limit = edits.get(i + 1).map_or(chars.len(), |n| t.toks[n.s].start);
            while ce < limit && ce < chars.len() && matches!(chars[ce], ' ' | '\t') {
                ce += 1;
            }
            last_on_line = ce == chars.len() || matches!(chars[ce], '\n' | '\r');
        }
        // The last sentence of a line removed: take the space before it instead.
        if (ed.swallow_space_before || last_on_line) && ed.text.is_empty() {
            let limit = out.last().map_or(0, |p| p.1);
            while cs > limit && chars[cs - 1] == ' ' {
                cs -= 1;
            }
        }
        let typed = |k: usize| -> String { chars[t.toks[k].start..t.toks[k].end].iter().collect() };
        if let Some(ws) = &ed.words {
            let text = ws
                .iter()
                .map(|&k| if t.is(k, "any") { "the".to_string() } else { typed(k) })
                .collect::<Vec<_>>()
                .join(" ");
            out.push((cs, ce, text));
            continue;
        }
        let text = match (ed.keep, ed.capitalise) {
            (Some(k), _) if k >= ed.s && k < t.len() => chars[t.toks[ed.s].start..t.toks[k].end].iter().collect(),
            (Some(_), _) => String::new(),
            (None, Some(w)) if w < ed.e && w < t.len() => {
                crate::text::capitalise_first(&chars[t.toks[w].start..t.toks[w].end].iter().collect::<String>())
            }
            _ => ed.text.clone(),
        };
        out.push((cs, ce, text));
    }
    out
}

/// Apply findings' replacements to `text`: the rewritten apology.
pub fn apply(text: &str, findings: &[super::Finding]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut at = 0usize;
    for f in findings {
        let (Some(s), Some(e)) = (f.start, f.end) else { continue };
        if s < at || e > chars.len() {
            continue;
        }
        out.extend(&chars[at..s]);
        out.push_str(&f.replacement);
        at = e;
    }
    out.extend(&chars[at..]);
    out
}
