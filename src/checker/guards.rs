//! The guards: questions a phrase rule asks about where its match sits
//! before it counts. Is it negated, is there an apology nearby or before it,
//! does the writer own the mistake in this sentence or the next, is the
//! clause about the fix? Each question is one function, named for what it
//! asks; `guards_pass` answers a rule's whole set of `Guards`.
//!
//! It must stay bounded: every look-around is cut to `REACH` tokens, so one
//! enormous sentence costs no more than a long one.

use super::rules;
use super::tokenise::Tokens;
use super::words::*;
use super::{Context, PatternSet};

/// How a backwards word search treats punctuation between the words.
#[derive(Clone, Copy)]
pub(crate) enum Punct {
    /// Look past any punctuation, to the start of the sentence.
    Cross,
    /// Stop at the first punctuation mark.
    Stop,
    /// Look past commas and dashes, stop where the clause ends (. ; :).
    StopAtClauseEnd,
}

/// One of `words` within `window` words before `at`, in the same sentence.
pub(crate) fn scan_back(t: &Tokens, at: usize, window: usize, words: &[&str], punct: Punct) -> bool {
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
pub(crate) fn negated_before(t: &Tokens, at: usize, window: usize) -> bool {
    scan_back(t, at, window, NEGATIONS, Punct::StopAtClauseEnd)
}

pub(crate) fn word_before(t: &Tokens, at: usize, window: usize, words: &[&str], cross_punct: bool) -> bool {
    scan_back(t, at, window, words, if cross_punct { Punct::Cross } else { Punct::Stop })
}

pub(crate) fn sentence_has(t: &Tokens, at: usize, words: &[&str]) -> bool {
    let (s, e) = near(t, at);
    (s..e).any(|k| t.toks[k].is_word && t.is_any(k, words))
}

/// How far the guards look around a match, so one enormous sentence costs
/// linear time rather than quadratic.
pub(crate) const REACH: usize = 48;

/// The sentence of `at`, cut to REACH tokens either side of it.
pub(crate) fn near(t: &Tokens, at: usize) -> (usize, usize) {
    let (s, e) = t.sentence_of(at);
    (s.max(at.saturating_sub(REACH)), e.min(at.saturating_add(REACH)))
}

/// The sentence `delta` away from `at`'s, cut to the REACH tokens nearest
/// to `at`.
pub(crate) fn sentence_range(t: &Tokens, at: usize, delta: isize) -> Option<(usize, usize)> {
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

pub(crate) fn disclaimed_near(t: &Tokens, ctx: &Context, at: usize) -> bool {
    for d in [0isize, 1, -1] {
        if let Some((s, e)) = sentence_range(t, at, d) {
            if ctx.disclaim.any_in(t, s, e) {
                return true;
            }
        }
    }
    false
}

pub(crate) fn innocent_if(t: &Tokens, m: (usize, usize)) -> bool {
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

pub(crate) fn guards_pass(t: &Tokens, ctx: &Context, g: rules::Guards, m: (usize, usize)) -> bool {
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

pub(crate) fn is_apology_word(t: &Tokens, k: usize) -> bool {
    t.toks[k].is_word && t.is_any(k, MACRO_APOL)
}

pub(crate) fn sentence_has_apology(t: &Tokens, (s, e): (usize, usize)) -> bool {
    (s..e).any(|k| is_apology_word(t, k))
}

/// An apology in this sentence, the one before or the one after.
pub(crate) fn apology_near(t: &Tokens, at: usize) -> bool {
    [0isize, -1, 1].iter().any(|&d| sentence_range(t, at, d).is_some_and(|r| sentence_has_apology(t, r)))
}

pub(crate) fn is_boundary(t: &Tokens, k: usize) -> bool {
    if t.toks[k].is_word {
        t.is_any(k, CLAUSE_WORDS)
    } else {
        matches!(t.norm(k), "," | ";" | ":" | "-" | "(" | ")" | "\"")
    }
}

/// The match sits after an apology: in a later clause of the apology's own
/// sentence, or in the sentence that follows it.
pub(crate) fn after_apology(t: &Tokens, at: usize) -> bool {
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
pub(crate) fn first_person_subject(t: &Tokens, at: usize) -> bool {
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
pub(crate) fn about_the_fix(t: &Tokens, s: usize, e: usize) -> bool {
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
pub(crate) fn sounds_like_harm(t: &Tokens, s: usize, e: usize) -> bool {
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
pub(crate) fn agent_named(t: &Tokens, e: usize) -> bool {
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
pub(crate) fn first_person_agent(t: &Tokens, (s, e): (usize, usize), skip_said: bool) -> bool {
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
        if matches!(w1, "had" | "'d") && (w2.ends_with("ed") || FAULT_PAST_FORMS.contains(&w2)) {
            return true;
        }
        if matches!(w1, "came" | "went") && w2 == "down" {
            continue;
        }
        if NOT_AGENT.contains(&w1) {
            continue;
        }
        if w1.ends_with("ed") || FAULT_PAST_FORMS.contains(&w1) {
            return true;
        }
    }
    // "our team were late and they should have called".
    let ours = (s + 1..e).any(|k| t.is_any(k - 1, &["our", "my"]) && t.is_any(k, STAFF_WORDS));
    ours && (s + 1..e).any(|k| t.is_any(k - 1, &["they", "he", "she"]) && t.is_any(k, &["should", "ought"]))
}

/// The writer owns it in this sentence or a neighbouring one.
pub(crate) fn writer_owns_it(t: &Tokens, ctx: &Context, at: usize, skip_said: bool) -> bool {
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
pub(crate) fn said_by_apology(t: &Tokens, s: usize, k: usize) -> bool {
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
pub(crate) fn owned_in(t: &Tokens, set: &PatternSet, (s, e): (usize, usize), skip_said: bool) -> bool {
    let mut from = s;
    while let Some((ms, _)) = set.find_in(t, from, e) {
        if !(skip_said && said_by_apology(t, s, ms)) {
            return true;
        }
        from = ms + 1;
    }
    false
}
