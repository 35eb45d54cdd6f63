//! A tiny token-pattern language for the qualifier rules.
//!
//! Rules are phrases over normalised tokens rather than regexes so they are
//! compiled once, stay readable by someone who is not a programmer, and match
//! in time linear in the letter. This module must never look beyond the
//! sentence a match starts in, and never allocate while matching.
//!
//! Syntax (space separated):
//! - `word` or `a|b|c`: one token; a trailing `*` on an alternative is a
//!   prefix match (`apolog*`); a leading `*` a suffix match (`*ed`).
//! - `?a|b`: an optional token.
//! - `_N`: skip 0 to N word tokens (never punctuation).
//! - `,`: one clause mark (, ; : - ( )), `?,` optional.
//! - `^`: the next token starts a clause (sentence start or after punctuation).
//! - `$`: the previous token ends a clause.
//! - `!a|b`: the next token is not one of these (zero width).
//! - `[` and `]`: the part of the match reported to the owner.
//! - `@name`: a word list from [`MACROS`].

use super::tokenise::Tokens;

#[derive(Debug, Clone)]
struct Alt {
    word: Box<str>,
    prefix: bool,
    /// A leading `*` on an alternative is a suffix match (`*ed`).
    suffix: bool,
}

/// One slot's alternatives. Long word lists are looked up in a sorted
/// array by binary search so a 150-word list costs a few comparisons.
#[derive(Debug, Clone)]
struct Alts {
    /// Hashes of the plain words, sorted: a match is one binary search over
    /// integers instead of string comparisons.
    sorted: Box<[u64]>,
    words: Box<[Box<str>]>,
    special: Box<[Alt]>,
}

/// FNV-1a of a word; tokens carry the same hash (see `tokenise`).
pub const fn word_hash(s: &str) -> u64 {
    let b = s.as_bytes();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < b.len() {
        h ^= b[i] as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    h
}

const H_D: u64 = word_hash("'d");
const H_S: u64 = word_hash("'s");
const H_HAD: u64 = word_hash("had");
const H_WOULD: u64 = word_hash("would");
const H_IS: u64 = word_hash("is");
const H_HAS: u64 = word_hash("has");

impl std::ops::Deref for Alts {
    type Target = [Alt];
    fn deref(&self) -> &[Alt] {
        &self.special
    }
}

#[derive(Debug, Clone)]
enum El {
    Lit(Alts),
    Opt(Alts),
    Gap(u8),
    Punct,
    OptPunct,
    ClauseStart,
    ClauseEnd,
    NotNext(Alts),
    FocusStart,
    FocusEnd,
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    els: Box<[El]>,
    source: &'static str,
}

pub const MACROS: &[(&str, &str)] = &[
    // Past participles that do not end in -ed (passives: "was sent").
    (
        "@pp",
        "left|sent|cut|put|reset|given|taken|broken|lost|made|done|told|shown|thrown|split|bent|torn|worn|stolen|forgotten|mislaid|misread|misheard|spilt|built|set|shut|hit|stuck|caught|brought|bought|sold|kept|held|laid|led|written|driven|chosen|eaten|hidden|fed|dug|shrunk|sunk|struck|undone|overdone|misunderstood|overlooked|knocked|dropped|missed|mixed|let|spelt|burnt|spilt|hung|*en",
    ),
    // Words ending in -ed that describe a state or a remedy, not a hidden
    // doer: "was pleased", "was refunded".
    (
        "@notpp",
        "supposed|based|located|pleased|delighted|worried|concerned|interested|tired|used|closed|scheduled|expected|required|needed|allowed|entitled|qualified|engaged|married|related|involved|prepared|determined|committed|dedicated|convinced|surprised|shocked|disappointed|annoyed|frustrated|excited|impressed|satisfied|finished|inconvenienced|bored|scared|confused|embarrassed|ashamed|amazed|thrilled|relieved|stressed|overwhelmed|licensed|insured|trained|experienced|skilled|talented|designed|intended|aimed|named|called|dated|covered|included|welcomed|invited|rewarded|refunded|replaced|repaired|fixed|resolved|corrected|sorted|rectified|reimbursed|credited|compensated|rebooked|reissued|redone|cleaned|tested|obliged|horrified|appalled|devastated|gutted|offered|paid|booked|staffed|thanked|reassured|updated|informed|notified|received|accepted|approved|agreed|advertised|priced|sized|signed|ordered|requested|owed|treated|pleasantly|glad|hurt|upset|offended|distressed|troubled|saddened|bothered|angered|irritated|dismayed|unimpressed|unsettled|alarmed|concerned|welcome|assured|promised|quoted|guaranteed|dispatched|posted|made|resealed|repainted|rebooked|reordered|refitted|remade|reissued|rescheduled|reinstalled|rehung|relaid|refilled|resent|reprinted|rewired|rebuilt|restored|reinstated|reversed|collected|cleared|checked|inspected|serviced|tidied|washed|polished|waived|covered|spoiled|spoilt|ruined|affected|disrupted|wasted|seven|eleven|often|sudden|golden|wooden|woollen|linen|kitchen|garden|children|happen|listen|green|queen|screen|between|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|citizen|dozen|open|even|ten|men|women|then|when|seen|been|keen|mistaken|heaven|oven|raven|sullen|swollen|token|uneven|woven|linen|often|sodden|ashen|golden|wooden",
    ),
    (
        "@device",
        "phone|mobile|laptop|computer|computers|printer|scanner|till|machine|machines|oven|ovens|fridge|freezer|van|vans|lorry|truck|engine|battery|thermostat|compressor|pump|generator|kiln|mixer|dishwasher|system|systems|software|website|app|server|servers|network|internet|wifi|broadband|router|power|electricity|signal|satnav|lift|forklift|tool|tools|drill|equipment|kit|camera|reader|terminal|chiller|fryer|grill|hob|heater|car|sprayer|press|loom|saw|till|line|lines|boiler|pipe|pipes|lights|fuse|alarm|heating|lamp|lamps|bulb|bulbs|switch|socket|charger|card|extractor|extractors|clippers|clipper|dryer|dryers|drier|hoover|vacuum|compressor|sander|steamer|kettle|tablet|fan|fans|dehumidifier|mower|strimmer|trimmer|blower|washer|shears|blade|blades|ladder|scaffold|scaffolding|jack|lathe|welder|router|mixer|tills|handset|headset|phones|lorries",
    ),
    ("@apol", "sorry|soz|sry|apols|apologise|apologised|apologises|apologising|apologies|apology|regret|regrets|regretted|apologetic"),
    ("@be", "is|was|were|are|been|be|'s|am"),
    (
        "@feel",
        "upset|disappointed|unhappy|frustrated|dissatisfied|annoyed|offended|hurt|angry|cross|displeased|distressed|unsatisfied|aggrieved|inconvenienced|troubled|bothered|saddened|uncomfortable|embarrassed|insulted|misled|ignored|unheard|slighted|irritated|irked|underwhelmed|disheartened|dismayed|stressed|confused|unimpressed|unsettled|anxious|discontent|discontented|angered|hurt",
    ),
    (
        "@trouble",
        "inconvenience|inconveniences|trouble|troubles|upset|distress|confusion|frustration|frustrations|disappointment|hassle|bother|misunderstanding|misunderstandings|offence|hurt|harm|difficulty|difficulties|stress|annoyance|discomfort|embarrassment|worry|anxiety|issues|issue|problems|problem|mistakes|mistake|errors|error|delay|delays|dissatisfaction|shortcomings|failings|damage|disruption|unpleasantness|grief|aggravation|irritation|concern|concerns|disturbance|mix|confusion|oversight|oversights|discomfort|unhappiness|displeasure|disservice|negative",
    ),
    ("@minor", "slight|small|minor|little|tiny|brief|short|momentary|temporary|trivial|insignificant|negligible|teeny|wee|mild|modest|trifling|petty|marginal|minuscule|fleeting|minimal|quick"),
    (
        "@mishap",
        "delay|mix|mixup|error|mistake|hiccup|glitch|issue|problem|oversight|inconvenience|misunderstanding|confusion|setback|slip|blip|lapse|hitch|snag|discrepancy|mishap|miscommunication|complication|scratch|scratches|dent|mark|marks|chip|imperfection|imperfections|fault|niggle|teething|oversights|errors|mistakes|delays|issues|problems|glitches|hiccups|hiccough|bump|wobble|omission|misstep|flaw|flaws|defect|quibble|inaccuracy|miscalculation|misprint|typo|booboo|muddle|snafu|gaffe|goof|mess|damage|overcharge|overcharges|overcharging|undercharge|interruption|disruption|leak|drip|spill|stain|smudge|splash|scuff|scuffs|nick|crack|tear|graze|shortfall|outage|blemish|blemishes|discolouration|miscount|mistiming",
    ),
    (
        "@iwe",
        "i|we",
    ),
    (
        "@pers",
        "you|anyone|anybody|someone|somebody|customers|people|any",
    ),
    (
        "@third",
        "supplier|suppliers|courier|couriers|manufacturer|manufacturers|warehouse|carrier|carriers|vendor|vendors|distributor|distributors|wholesaler|wholesalers|subcontractor|subcontractors|contractor|contractors|printer|printers|factory|mill|provider|providers|agency|partner|partners|haulier|hauliers|freight|logistics|system|systems|software|computer|computers|website|app|platform|till|server|servers|bank|processor|machine|machines|oven|van|lab|laboratory|post|postman|postie|mail|network|landlord|tool|tools|scanner|database|office|depot|yard|branch",
    ),
    // Parties outside the business the customer dealt with.
    (
        "@outside",
        "supplier|suppliers|vendor|vendors|manufacturer|manufacturers|wholesaler|wholesalers|distributor|distributors|courier|couriers|carrier|carriers|factory|mill|printers|lab|laboratory|subcontractor|subcontractors|contractor|contractors|agency|partner|partners|provider|providers|bank|landlord|council|haulier|hauliers|maker|makers|merchant|merchants|importer|insurer|insurers|venue|caterer|caterers|airline|organiser|organisers|builder|builders",
    ),
    // Small physical flaws, named so as to sound smaller.
    (
        "@speck",
        "crumb|crumbs|drop|drops|speck|specks|hair|hairs|splash|splashes|spot|spots|mark|marks|scratch|scratches|smudge|smudges|scuff|scuffs|fingerprint|fingerprints|smear|smears|fleck|flecks|dot|dots|chip|chips|dent|dents|nick|nicks|blemish|blemishes|stain|stains|streak|streaks|drip|drips|petal|petals|bubble|bubbles|crease|creases|wrinkle|wrinkles|blob|blobs|lump|lumps|bump|bumps|hole|holes|crack|cracks|snag|snags|bruise|bruises|scorch|ding|dings|splinter|splinters|flake|flakes|wobble|squeak|rattle|typo|typos",
    ),
    (
        "@staff",
        "staff|employee|employees|colleague|colleagues|assistant|assistants|apprentice|apprentices|technician|technicians|driver|drivers|fitter|fitters|installer|installers|baker|bakers|florist|stylist|chef|cook|packer|packers|trainee|trainees|temp|temps|junior|juniors|newcomer|worker|workers|team|engineer|engineers|plumber|electrician|builder|builders|cashier|waiter|waitress|receptionist|manager|girl|lad|boy|guy|helper|member|members|starter|starters|recruit|recruits|hire|hires|staffer|mechanic|mechanics|decorator|decorators|painter|painters|gardener|gardeners|cleaner|cleaners|stylist|stylists|barber|hairdresser|joiner|carpenter|roofer|glazier|tiler|surveyor|plasterer|locksmith|porter|handyman|scaffolder|scaffolders|man|men|woman|lady|person",
    ),
];

fn parse_alts(s: &str) -> Alts {
    let mut sorted: Vec<Box<str>> = Vec::new();
    let mut special: Vec<Alt> = Vec::new();
    for a in s.split('|').filter(|a| !a.is_empty()) {
        match a.strip_suffix('*') {
            Some(p) => special.push(Alt { word: p.into(), prefix: true, suffix: false }),
            None if a.len() > 1 && a.starts_with('*') => {
                special.push(Alt { word: a[1..].into(), prefix: false, suffix: true })
            }
            None if a == "#" => special.push(Alt { word: a.into(), prefix: false, suffix: false }),
            None => sorted.push(a.into()),
        }
    }
    sorted.sort();
    sorted.dedup();
    let mut hashes: Vec<u64> = sorted.iter().map(|w| word_hash(w)).collect();
    hashes.sort_unstable();
    Alts { sorted: hashes.into_boxed_slice(), words: sorted.into_boxed_slice(), special: special.into_boxed_slice() }
}

fn expand(s: &str) -> String {
    let mut parts = Vec::new();
    for alt in s.split('|') {
        match MACROS.iter().find(|(k, _)| *k == alt) {
            Some((_, v)) => parts.push(*v),
            None => parts.push(alt),
        }
    }
    parts.join("|")
}

impl Pattern {
    /// Compile a pattern. Panics on a malformed pattern: rules are fixed
    /// strings in the source, and a unit test compiles all of them.
    pub fn new(source: &'static str) -> Pattern {
        let mut els = Vec::new();
        for raw in source.split_whitespace() {
            let el = match raw {
                "," => El::Punct,
                "?," => El::OptPunct,
                "^" => El::ClauseStart,
                "$" => El::ClauseEnd,
                "[" => El::FocusStart,
                "]" => El::FocusEnd,
                _ if raw.starts_with('_') => El::Gap(raw[1..].parse().expect("gap size")),
                _ if raw.starts_with('?') => El::Opt(parse_alts(&expand(&raw[1..]))),
                _ if raw.starts_with('!') => El::NotNext(parse_alts(&expand(&raw[1..]))),
                _ => El::Lit(parse_alts(&expand(raw))),
            };
            els.push(el);
        }
        assert!(els.iter().any(|e| matches!(e, El::Lit(_))), "pattern needs a word: {source}");
        Pattern { els: els.into_boxed_slice(), source }
    }

    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Literal words that can start a match, for indexing; None when the
    /// pattern may start with something else (an optional or a prefix).
    pub fn first_words(&self) -> Option<Vec<&str>> {
        for el in self.els.iter() {
            match el {
                El::ClauseStart | El::FocusStart | El::NotNext(_) => continue,
                El::Lit(alts) => {
                    if !alts.special.is_empty() {
                        return None;
                    }
                    let mut v: Vec<&str> = alts.words.iter().map(|a| &**a).collect();
                    // Contraction tails are stored as "'d"/"'s"; see `alts_match`.
                    for a in alts.words.iter() {
                        match &**a {
                            "had" | "would" => v.push("'d"),
                            "is" | "has" => v.push("'s"),
                            _ => {}
                        }
                    }
                    return Some(v);
                }
                _ => return None,
            }
        }
        None
    }

    /// Try to match starting exactly at token `at`. Returns the token range
    /// to report (focus if given, else the whole match).
    pub fn match_at(&self, t: &Tokens, at: usize) -> Option<(usize, usize)> {
        if at >= t.len() {
            return None;
        }
        let (_, sent_end) = t.sentence_of(at);
        let mut focus = (usize::MAX, usize::MAX);
        let end = self.go(t, 0, at, sent_end, &mut focus)?;
        let s = if focus.0 == usize::MAX { at } else { focus.0 };
        let e = if focus.1 == usize::MAX { end } else { focus.1 };
        if e <= s {
            return None;
        }
        Some((s, e))
    }

    fn go(&self, t: &Tokens, ei: usize, ti: usize, limit: usize, focus: &mut (usize, usize)) -> Option<usize> {
        let Some(el) = self.els.get(ei) else {
            return Some(ti);
        };
        match el {
            El::Lit(alts) => {
                if ti < limit && t.toks[ti].is_word && alts_match(alts, t, ti) {
                    self.go(t, ei + 1, ti + 1, limit, focus)
                } else {
                    None
                }
            }
            El::Opt(alts) => {
                if ti < limit && t.toks[ti].is_word && alts_match(alts, t, ti) {
                    if let Some(e) = self.go(t, ei + 1, ti + 1, limit, focus) {
                        return Some(e);
                    }
                }
                self.go(t, ei + 1, ti, limit, focus)
            }
            El::Gap(n) => {
                let mut k = ti;
                for _ in 0..=*n {
                    if let Some(e) = self.go(t, ei + 1, k, limit, focus) {
                        return Some(e);
                    }
                    if k < limit && t.toks[k].is_word {
                        k += 1;
                    } else {
                        break;
                    }
                }
                None
            }
            El::Punct => {
                if ti < limit && is_clause_mark(t, ti) {
                    self.go(t, ei + 1, ti + 1, limit, focus)
                } else {
                    None
                }
            }
            El::OptPunct => {
                if ti < limit && is_clause_mark(t, ti) {
                    if let Some(e) = self.go(t, ei + 1, ti + 1, limit, focus) {
                        return Some(e);
                    }
                }
                self.go(t, ei + 1, ti, limit, focus)
            }
            El::ClauseStart => {
                let (s, _) = t.sentence_of(ti.min(t.len() - 1));
                if ti == s || ti > 0 && !t.toks[ti - 1].is_word {
                    self.go(t, ei + 1, ti, limit, focus)
                } else {
                    None
                }
            }
            El::ClauseEnd => {
                if ti >= limit || !t.toks[ti].is_word {
                    self.go(t, ei + 1, ti, limit, focus)
                } else {
                    None
                }
            }
            El::NotNext(alts) => {
                if ti < limit && t.toks[ti].is_word && alts_match(alts, t, ti) {
                    None
                } else {
                    self.go(t, ei + 1, ti, limit, focus)
                }
            }
            El::FocusStart => {
                let old = focus.0;
                focus.0 = ti;
                let r = self.go(t, ei + 1, ti, limit, focus);
                if r.is_none() {
                    focus.0 = old;
                }
                r
            }
            El::FocusEnd => {
                let old = focus.1;
                focus.1 = ti;
                let r = self.go(t, ei + 1, ti, limit, focus);
                if r.is_none() {
                    focus.1 = old;
                }
                r
            }
        }
    }
}

fn is_clause_mark(t: &Tokens, i: usize) -> bool {
    !t.toks[i].is_word && matches!(t.norm(i), "," | ";" | ":" | "-" | "(" | ")")
}

fn alts_match(alts: &Alts, t: &Tokens, i: usize) -> bool {
    let h = t.toks[i].h;
    let has = |x: u64| alts.sorted.binary_search(&x).is_ok();
    if has(h) || (h == H_D && (has(H_HAD) || has(H_WOULD))) || (h == H_S && (has(H_IS) || has(H_HAS))) {
        return true;
    }
    if alts.special.is_empty() {
        return false;
    }
    let tok = t.norm(i);
    alts.special.iter().any(|a| {
        if a.prefix {
            tok.starts_with(&*a.word)
        } else if a.suffix {
            // "*ed" needs a stem: "red" and "bed" are not participles.
            tok.len() >= a.word.len() + 3 && tok.ends_with(&*a.word)
        } else {
            // "#" stands for a number written in digits.
            !tok.is_empty() && tok.bytes().all(|b| b.is_ascii_digit())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokenise::tokenise;
    use super::*;

    #[test]
    fn basics() {
        let t = tokenise("We're so sorry, if you were upset.");
        let p = Pattern::new("@apol ?, [ if you @be @feel ]");
        assert_eq!(p.match_at(&t, 3), Some((5, 9)));
        let p = Pattern::new("we _2 sorry");
        assert_eq!(p.match_at(&t, 0), Some((0, 4)));
        let p = Pattern::new("apolog* !for");
        assert_eq!(p.match_at(&t, 3), None);
    }
}
