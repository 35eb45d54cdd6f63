//! The checker's second opinion: a logistic regression over word n-grams,
//! trained on every labelled set (`scripts/train_checker_model.py` writes
//! `model.txt`), that says how likely a short passage (an apology and the
//! sentences beside it) is qualified, and which kind it most looks like.
//!
//! The rules find qualifiers by the shape of a clause and say exactly where
//! they are; the model catches shapes no rule describes yet (an outside cause
//! in plain words, a feeling as the subject of the apology) and overrules a
//! rule when the passage reads plainly clean to it. Its figures, measured on
//! sets by writers it never saw, are in `docs/checker-unseen.md`.
//!
//! The features here must match the training script's exactly; a test in
//! `tests/checker.rs` compares both on fixed passages.
use std::collections::HashMap;
use std::sync::OnceLock;

use super::tokenise::Tokens;
use super::{is_apology_word, Cand, FindingKind};

/// A rule's finding stands unless the model is this sure the passage is clean.
pub(crate) const VETO_BELOW: f32 = 0.05;
/// The model alone flags a passage of two or three sentences it is at least
/// this sure is qualified...
pub(crate) const FLAG_ABOVE: f32 = 0.85;
/// ...and a single sentence only when it is this sure: it learned that a
/// clean apology usually goes on to own the mistake, so a bare "I'm sorry the
/// table arrived scratched" can look qualified to it.
pub(crate) const FLAG_ONE_SENTENCE_ABOVE: f32 = 0.99;
/// Below this many words the model says nothing of its own: a bare "Sorry
/// for the wait." gives it too little to go on.
pub(crate) const MIN_WORDS: usize = 10;
/// The longest text the model judges, in sentences (its training passages
/// are one to three sentences).
pub(crate) const MAX_SENTENCES: usize = 3;
/// ...and in tokens (three long sentences are about 150).
const MAX_TOKENS: usize = 400;

const KINDS: [FindingKind; 8] = [
    FindingKind::But,
    FindingKind::Conditional,
    FindingKind::Feelings,
    FindingKind::Hedge,
    FindingKind::Minimizing,
    FindingKind::Passive,
    FindingKind::Excuse,
    FindingKind::Blame,
];
const APOLOGY: &[&str] = &[
    "sorry",
    "apologise",
    "apologize",
    "apologies",
    "apology",
    "apologised",
    "apologized",
    "regret",
    "apologising",
    "apologizing",
];
const FIRST_PERSON: &[&str] = &["i", "we", "my", "our", "me", "us"];

/// Weights: the qualified score first, then one per kind.
struct Model {
    bias: [f32; 9],
    weights: HashMap<String, [f32; 9]>,
}

fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| {
        let mut bias = [0.0; 9];
        let mut weights = HashMap::with_capacity(8192);
        for line in include_str!("model.txt").lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let Some(name) = cols.next() else { continue };
            let mut w = [0.0f32; 9];
            for (slot, v) in w.iter_mut().zip(cols) {
                *slot = v.parse().expect("model.txt holds numbers");
            }
            if name == "bias" {
                bias = w;
            } else {
                weights.insert(name.to_string(), w);
            }
        }
        Model { bias, weights }
    })
}

/// Lower-case tokens: runs of a–z with one optional 'suffix, and . ! ? ; ,
/// (the training script's `[a-z]+(?:'[a-z]+)?|[.!?;,]` on the lower-cased text).
fn tokens(text: &str) -> Vec<String> {
    let lower: Vec<char> = text.to_lowercase().replace('\u{2019}', "'").chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lower.len() {
        let c = lower[i];
        if c.is_ascii_lowercase() {
            let mut j = i;
            while j < lower.len() && lower[j].is_ascii_lowercase() {
                j += 1;
            }
            if j + 1 < lower.len() && lower[j] == '\'' && lower[j + 1].is_ascii_lowercase() {
                j += 1;
                while j < lower.len() && lower[j].is_ascii_lowercase() {
                    j += 1;
                }
            }
            out.push(lower[i..j].iter().collect());
            i = j;
        } else {
            if matches!(c, '.' | '!' | '?' | ';' | ',') {
                out.push(c.to_string());
            }
            i += 1;
        }
    }
    out
}

/// The passage's features (a set: each counts once).
pub(crate) fn features(text: &str) -> Vec<String> {
    let toks = tokens(text);
    let mut f: Vec<String> = Vec::with_capacity(toks.len() * 2 + 4);
    for (i, t) in toks.iter().enumerate() {
        f.push(format!("u:{t}"));
        if let Some(n) = toks.get(i + 1) {
            f.push(format!("b:{t} {n}"));
        }
    }
    let mut seen_apology = false;
    for sentence in toks.split_inclusive(|t| matches!(t.as_str(), "." | "!" | "?")) {
        let words: Vec<&str> =
            sentence.iter().map(String::as_str).filter(|w| w.starts_with(|c: char| c.is_ascii_lowercase())).collect();
        if words.iter().any(|w| APOLOGY.contains(w)) {
            seen_apology = true;
            continue;
        }
        if seen_apology && !words.is_empty() {
            f.push(format!("a:{}", words[0]));
            if !words.iter().any(|w| FIRST_PERSON.contains(w)) {
                f.push("a:no-first-person".into());
            }
        }
    }
    f.sort_unstable();
    f.dedup();
    f
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp())
}

/// How likely the passage is qualified (0–1), and the kind it most looks like.
pub(crate) fn score(text: &str) -> (f32, FindingKind) {
    let m = model();
    let mut z = m.bias;
    for f in features(text) {
        if let Some(w) = m.weights.get(&f) {
            for (a, b) in z.iter_mut().zip(w) {
                *a += b;
            }
        }
    }
    let kind = (1..9).max_by(|&a, &b| z[a].total_cmp(&z[b])).map(|k| KINDS[k - 1]).unwrap_or(FindingKind::Excuse);
    (sigmoid(z[0]), kind)
}

/// The qualified probability alone (for the script cross-check).
#[doc(hidden)]
pub fn probability(text: &str) -> f32 {
    score(text).0
}

/// The passage the model is given: the whole text, as the number of its
/// sentences and of those with words, when it is the size of the passages the
/// model learned from (at most [`MAX_SENTENCES`] sentences with words) and it
/// apologises. A whole letter is left to the rules, as its mix of greeting,
/// story and sign-off is unlike any passage the model has seen.
fn passage(t: &Tokens) -> Option<(usize, usize)> {
    let worded = t.sentences.iter().filter(|&&(s, e)| (s..e).any(|k| t.toks[k].is_word)).count();
    let all = t.sentences.len();
    // Sentences of punctuation alone count too, and a passage is short: the
    // leave-one-out below scores it once per sentence.
    let short = worded > 0 && worded <= MAX_SENTENCES && all <= MAX_SENTENCES + 3 && t.len() <= MAX_TOKENS;
    (short && (0..all).any(|i| apologises(t, i))).then_some((all, worded))
}

/// Does sentence `i` apologise ("sorry to hear" does not)?
fn apologises(t: &Tokens, i: usize) -> bool {
    let (s, e) = t.sentences[i];
    super::fix::apology_in(t, s, e).is_some()
}

fn span_text(chars: &[char], t: &Tokens, sentences: impl Iterator<Item = usize>) -> String {
    let mut out = String::new();
    for i in sentences {
        let (s, e) = t.sentences[i];
        if s < e {
            out.extend(&chars[t.toks[s].start..t.toks[e - 1].end]);
            out.push(' ');
        }
    }
    out
}

/// Let the model overrule and add to the rules' candidates on a short
/// passage: the rules' findings go when it reads clean to the model
/// (p < [`VETO_BELOW`]); a passage the model is sure of (p > [`FLAG_ABOVE`])
/// with no finding gets one on the sentence that weighs most.
pub(crate) fn second_opinion(text: &str, t: &Tokens, cands: &mut Vec<Cand>) {
    let Some((all, worded)) = passage(t) else { return };
    let chars: Vec<char> = text.chars().collect();
    let (p, kind) = score(&span_text(&chars, t, 0..all));
    if p < VETO_BELOW {
        cands.clear();
        return;
    }
    let words = t.toks.iter().filter(|x| x.is_word).count();
    let sure = if worded == 1 { FLAG_ONE_SENTENCE_ABOVE } else { FLAG_ABOVE };
    if !cands.is_empty() || words < MIN_WORDS || p <= sure {
        return;
    }
    // Where the qualifier sits: an excuse or blame is a sentence of its
    // own beside the apology, the other kinds work inside the apology's
    // sentence. Among those, the sentence whose absence lowers the score
    // most carries it.
    let beside = matches!(kind, FindingKind::Excuse | FindingKind::Blame);
    let mut order: Vec<(bool, f32, usize)> = (0..all)
        .map(|k| {
            let without = if all == 1 { 0.0 } else { score(&span_text(&chars, t, (0..all).filter(|&x| x != k))).0 };
            (apologises(t, k) == beside, without, k)
        })
        .collect();
    order.sort_by(|x, y| x.0.cmp(&y.0).then(x.1.total_cmp(&y.1)));
    if let Some((s, e)) = order.into_iter().find_map(|(_, _, k)| sentence_span(t, k)) {
        cands.push(Cand { s, e, kind, suggestion: SUGGESTION });
    }
}

const SUGGESTION: &str = "Read this as the customer will: say plainly what you did wrong, and that you are sorry.";

/// The tokens to flag in sentence `k`: all its words, or in a sentence that
/// apologises, what follows the apology word (so the rewrite keeps "I'm sorry").
fn sentence_span(t: &Tokens, k: usize) -> Option<(usize, usize)> {
    let (s, e) = t.sentences[k];
    let mut last = e;
    while last > s && !t.toks[last - 1].is_word {
        last -= 1;
    }
    let apology = (s..last).find(|&j| is_apology_word(t, j));
    let from = match apology {
        Some(a) => (a + 1..last).find(|&j| t.toks[j].is_word)?,
        None => (s..last).find(|&j| t.toks[j].is_word)?,
    };
    (from < last).then_some((from, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_follow_the_training_script() {
        assert_eq!(tokens("We’re SORRY, Zoë — it's 3pm!"), ["we're", "sorry", ",", "zo", "it's", "pm", "!"]);
    }

    #[test]
    fn only_short_passages_are_given_to_the_model() {
        let t = super::super::tokenise::tokenise;
        let short = "I'm sorry your order was late. The courier lost it on the way.";
        assert_eq!(passage(&t(short)), Some((2, 2)));
        // Padding of punctuation does not turn a long text into a short one.
        assert_eq!(passage(&t(&format!("{short}{}", " .".repeat(2000)))), None);
        assert_eq!(passage(&t("The courier lost it. It came on Friday.")), None, "no apology, no passage");
    }

    #[test]
    fn sentences_after_the_apology_are_marked() {
        let f = features("Sorry for the wait. The courier was late.");
        assert!(f.contains(&"a:the".to_string()) && f.contains(&"a:no-first-person".to_string()), "{f:?}");
        let f = features("Sorry for the wait. We were late.");
        assert!(!f.contains(&"a:no-first-person".to_string()));
    }
}
