//! Splits a passage into normalised word and punctuation tokens with
//! character spans, and groups them into sentences.
//!
//! It exists so the rules can be written against a small, predictable form of
//! English (lower case, British spelling, contractions expanded) while every
//! finding still points at the exact characters the owner typed. It must never
//! lose track of where a token came from, and never index a string by byte
//! offsets it did not get from that same string.

/// One token. `start`/`end` are character offsets into the original text.
#[derive(Debug, Clone)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Range into [`Tokens::buf`] holding the normalised text.
    norm: (u32, u32),
    pub is_word: bool,
    /// FNV-1a hash of the normalised text, for fast rule lookups.
    pub h: u64,
    /// Index of the sentence this token belongs to.
    pub sentence: u32,
}

/// The tokens of one passage plus the sentence boundaries.
#[derive(Debug, Default)]
pub struct Tokens {
    pub toks: Vec<Token>,
    /// Normalised text of all tokens, back to back; one allocation per call
    /// instead of one per token keeps a 400-word letter cheap.
    buf: String,
    /// `sentences[i]` = (first token, one past last token) of sentence i.
    pub sentences: Vec<(usize, usize)>,
}

impl Tokens {
    pub fn norm(&self, i: usize) -> &str {
        let (a, b) = self.toks[i].norm;
        &self.buf[a as usize..b as usize]
    }
    pub fn len(&self) -> usize {
        self.toks.len()
    }
    /// True when the token is a word equal to `w`.
    pub fn is(&self, i: usize, w: &str) -> bool {
        i < self.toks.len() && self.norm(i) == w
    }
    pub fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        i < self.toks.len() && ws.contains(&self.norm(i))
    }
    /// Sentence token range of token i.
    pub fn sentence_of(&self, i: usize) -> (usize, usize) {
        // Past the end means "the last sentence": callers probe one token
        // ahead, and an empty text has one empty sentence.
        match self.toks.get(i).or(self.toks.last()) {
            Some(t) => self.sentences[t.sentence as usize],
            None => (0, 0),
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

/// Combining marks (accents typed as separate code points) belong to the word
/// they decorate, or "Zoe\u{301}" would be split in two.
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200D)
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}' | '\u{3002}' | '\u{061F}' | '\u{0964}')
}

/// Expansions of contraction tails. The stem keeps the first chars of the
/// span and the tail the rest, so spans stay exact.
const NEG_STEMS: &[(&str, &str)] = &[
    ("won", "will"),
    ("can", "can"),
    ("shan", "shall"),
    ("ain", "is"),
    // "won't" splits as "wo" + "n't".
    ("wo", "will"),
    ("ca", "can"),
    ("sha", "shall"),
    ("ai", "is"),
];

/// Stems of negative contractions typed without the apostrophe.
const BARE_NEG: &[(&str, &str)] = &[
    ("did", "did"),
    ("do", "do"),
    ("does", "does"),
    ("was", "was"),
    ("were", "were"),
    ("is", "is"),
    ("are", "are"),
    ("could", "could"),
    ("would", "would"),
    ("should", "should"),
    ("has", "has"),
    ("have", "have"),
    ("had", "had"),
    ("ca", "can"),
];

/// Tokenise `text`. Never panics; linear in the input.
pub fn tokenise(text: &str) -> Tokens {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Tokens {
        toks: Vec::with_capacity(chars.len() / 4 + 4),
        buf: String::with_capacity(chars.len() + 16),
        sentences: Vec::new(),
    };
    let mut sentence: u32 = 0;
    let mut sent_start = 0usize;
    let mut i = 0usize;
    let n = chars.len();
    let mut word = String::new();
    while i < n {
        let c = chars[i];
        if is_word_char(c) {
            // A word runs over letters, digits, combining marks and inner
            // apostrophes; hyphens split words so "short-staffed" and "short
            // staffed" read the same to the rules.
            let start = i;
            let mut j = i;
            while j < n {
                let cj = chars[j];
                let inner_apostrophe = is_apostrophe(cj) && j + 1 < n && chars[j + 1].is_alphabetic() && j > start;
                if is_word_char(cj) || inner_apostrophe {
                    j += 1;
                } else {
                    break;
                }
            }
            word.clear();
            for &cj in &chars[start..j] {
                if is_apostrophe(cj) {
                    word.push('\'');
                } else if is_combining(cj) {
                    continue;
                } else {
                    for lc in cj.to_lowercase() {
                        word.push(fold_accent(lc));
                    }
                }
            }
            push_word(&mut out, &word, start, j, sentence);
            i = j;
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            // A blank line ends a sentence: headings and salutations often
            // have no full stop.
            if c == '\n' {
                let mut k = i + 1;
                let mut blank = false;
                while k < n && chars[k].is_whitespace() {
                    if chars[k] == '\n' {
                        blank = true;
                    }
                    k += 1;
                }
                // Hard-wrapped e-mails break sentences mid-clause, so a single
                // newline only ends a sentence when the next line looks like a
                // new one or the line was a salutation ending in a comma.
                let prev_comma = out
                    .toks
                    .last()
                    .map(|t| !t.is_word && out.buf[t.norm.0 as usize..t.norm.1 as usize] == *",")
                    .unwrap_or(false);
                let next_starts = k < n
                    && (chars[k].is_uppercase()
                        || chars[k].is_ascii_digit()
                        || matches!(chars[k], '-' | '*' | '\u{2022}'));
                if (blank || prev_comma || next_starts) && out.toks.len() > sent_start {
                    out.sentences.push((sent_start, out.toks.len()));
                    sentence += 1;
                    sent_start = out.toks.len();
                }
                i = k;
                continue;
            }
            i += 1;
            continue;
        }
        // Punctuation: one token per char, except runs of sentence enders.
        let start = i;
        let mut j = i + 1;
        let norm_char = match c {
            '\u{2014}' | '\u{2013}' | '-' => '-',
            '"' | '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' | '\u{201E}' => '"',
            c if is_apostrophe(c) => '"',
            ';' => ';',
            c => c,
        };
        if is_sentence_end(c) {
            while j < n && (is_sentence_end(chars[j]) || matches!(chars[j], '"' | '\u{201D}' | ')' | '\u{2019}')) {
                j += 1;
            }
        }
        let a = out.buf.len() as u32;
        out.buf.push(if is_sentence_end(c) { '.' } else { norm_char });
        let b = out.buf.len() as u32;
        let h = super::pattern::word_hash(&out.buf[a as usize..b as usize]);
        out.toks.push(Token { start, end: j, norm: (a, b), is_word: false, h, sentence });
        if is_sentence_end(c) && !abbreviation_before(&out, &chars, j) {
            out.sentences.push((sent_start, out.toks.len()));
            sentence += 1;
            sent_start = out.toks.len();
        }
        i = j;
    }
    if out.toks.len() > sent_start || out.sentences.is_empty() {
        out.sentences.push((sent_start, out.toks.len()));
    }
    out
}

/// "Mr. Smith" and "e.g. the" must not end a sentence; a decimal like
/// "$2.50" never reaches here because digits are word chars.
fn abbreviation_before(out: &Tokens, chars: &[char], after: usize) -> bool {
    let n = out.toks.len();
    if n < 2 || !out.toks[n - 2].is_word || chars[out.toks[n - 1].start] != '.' {
        return false;
    }
    let w = out.norm(n - 2);
    let next_lower = chars[after..].iter().find(|c| !c.is_whitespace()).map(|c| c.is_lowercase()).unwrap_or(false);
    matches!(w, "mr" | "mrs" | "ms" | "dr" | "st" | "tel" | "mob" | "approx")
        || (w.chars().count() == 1 || w == "etc") && next_lower
}

fn fold_accent(c: char) -> char {
    // Only what matters for matching English rule words typed with stray
    // accents; names keep their letters in the span anyway.
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        c => c,
    }
}

fn push_tok(out: &mut Tokens, s: &str, start: usize, end: usize, sentence: u32) {
    let a = out.buf.len() as u32;
    out.buf.push_str(s);
    let b = out.buf.len() as u32;
    let h = super::pattern::word_hash(s);
    out.toks.push(Token { start, end, norm: (a, b), is_word: true, h, sentence });
}

/// Push a word, expanding contractions and unifying spelling variants.
fn push_word(out: &mut Tokens, w: &str, start: usize, end: usize, sentence: u32) {
    let len_chars = end - start;
    if let Some(stem) = w.strip_suffix("n't") {
        let stem_norm = NEG_STEMS.iter().find(|(s, _)| *s == stem).map(|(_, r)| *r).unwrap_or(stem);
        let split = end - 3;
        if !stem.is_empty() && split > start {
            push_tok(out, stem_norm, start, split, sentence);
            push_tok(out, "not", split, end, sentence);
            return;
        }
    }
    // Text-speak without the apostrophe: "didnt", "wasnt", "im".
    if let Some(stem) = w.strip_suffix("nt") {
        if let Some((_, full)) = BARE_NEG.iter().find(|(s, _)| *s == stem) {
            let split = end - 2;
            if split > start {
                push_tok(out, full, start, split, sentence);
                push_tok(out, "not", split, end, sentence);
                return;
            }
        }
    }
    if w == "im" && len_chars == 2 {
        push_tok(out, "i", start, start + 1, sentence);
        push_tok(out, "am", start + 1, end, sentence);
        return;
    }
    if w == "cannot" {
        push_tok(out, "can", start, start + 3, sentence);
        push_tok(out, "not", start + 3, end, sentence);
        return;
    }
    if let Some(pos) = w.rfind('\'') {
        let (stem, tail) = w.split_at(pos);
        let tail_norm = match tail {
            "'m" => Some("am"),
            "'re" => Some("are"),
            "'ve" => Some("have"),
            "'ll" => Some("will"),
            "'d" => Some("'d"),
            "'s" => Some("'s"),
            _ => None,
        };
        if let Some(t) = tail_norm {
            let tail_chars = tail.chars().count();
            if !stem.is_empty() && len_chars > tail_chars {
                let split = end - tail_chars;
                push_tok(out, &spelling(stem), start, split, sentence);
                push_tok(out, t, split, end, sentence);
                return;
            }
        }
    }
    push_tok(out, &spelling(w), start, end, sentence);
}

/// American to British spelling for the words the rules care about, so each
/// rule is written once.
fn spelling(w: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if w.chars().count() >= 7 {
        for (us, uk) in [("izes", "ises"), ("ized", "ised"), ("izing", "ising"), ("ize", "ise"), ("ization", "isation")]
        {
            if let Some(stem) = w.strip_suffix(us) {
                return Cow::Owned(format!("{stem}{uk}"));
            }
        }
    }
    match w {
        "offense" => Cow::Borrowed("offence"),
        "offenses" => Cow::Borrowed("offences"),
        "behavior" => Cow::Borrowed("behaviour"),
        "color" => Cow::Borrowed("colour"),
        "defense" => Cow::Borrowed("defence"),
        "mislabeled" => Cow::Borrowed("mislabelled"),
        "canceled" => Cow::Borrowed("cancelled"),
        "gotten" => Cow::Borrowed("got"),
        "whilst" => Cow::Borrowed("while"),
        // Text-speak, so informal messages read like the rest.
        "u" | "ya" => Cow::Borrowed("you"),
        "ur" | "yr" => Cow::Borrowed("your"),
        "sry" | "soz" | "sorri" => Cow::Borrowed("sorry"),
        "apols" => Cow::Borrowed("apologies"),
        "cos" | "coz" | "cuz" | "bc" | "bcos" | "becos" => Cow::Borrowed("because"),
        "pls" | "plz" => Cow::Borrowed("please"),
        _ => Cow::Borrowed(w),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contractions_and_spans() {
        let t = tokenise("We’re sorry, wasn't it?");
        let norms: Vec<&str> = (0..t.len()).map(|i| t.norm(i)).collect();
        assert_eq!(norms, ["we", "are", "sorry", ",", "was", "not", "it", "."]);
        assert_eq!((t.toks[4].start, t.toks[5].end), (13, 19));
    }

    #[test]
    fn sentences_split() {
        let t = tokenise("Dear Sam,\nI am sorry. It was late!\n\nBest");
        assert_eq!(t.sentences.len(), 4);
        let t = tokenise("We are sorry\nif you were upset");
        assert_eq!(t.sentences.len(), 1);
    }
}
