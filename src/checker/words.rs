//! Word lists the clause reader uses, each defined once and by name.
//!
//! Words are in the tokeniser's normal form (lower case, contractions split:
//! "hasn't" is "has" + "n't"). These are closed classes of English (auxiliaries,
//! pronouns, prepositions) or small semantic fields (remedy, fault); they must
//! never grow into lists of one test set's phrases.

/// Auxiliaries and forms of "be"/"have"/"do" that carry a clause's tense.
pub const AUXILIARIES: &[&str] = &[
    "is", "are", "am", "was", "were", "'s", "'re", "'m", "has", "have", "had", "'d", "'ve", "did", "does", "do", "never",
    "will", "'ll", "would", "could", "can", "should", "might", "may", "must", "shall", "kept", "keeps",
];

/// Modal auxiliaries: what might or will happen, not what did.
pub const MODALS: &[&str] =
    &["will", "'ll", "would", "could", "can", "should", "might", "may", "must", "shall", "'d"];

/// Common irregular past forms (regular ones end in -ed).
pub const IRREGULAR_PAST: &[&str] = &[
    "made", "gave", "took", "sent", "left", "put", "cut", "broke", "lost", "forgot", "went", "came", "brought",
    "bought", "sold", "kept", "let", "set", "saw", "heard", "wrote", "drove", "fell", "hit", "tore", "threw", "shut",
    "knew", "spoke", "ran", "held", "got", "told", "said", "began", "caught", "fought", "found", "froze", "hung",
    "lent", "met", "paid", "rang", "rode", "shook", "shot", "slept", "stuck", "struck", "swept", "taught", "thought",
    "understood", "woke", "won", "wore", "dug", "laid", "led", "meant", "built", "bent", "stood", "chose", "stole",
    "shrank", "burnt", "spilt", "blew", "drew", "grew", "flew", "sank", "sprang", "spun", "split", "upset", "quit",
];

/// Words ending in -ed that are rarely verbs.
pub const ED_NOT_VERBS: &[&str] = &[
    "need", "needed", "bed", "shed", "red", "speed", "seed", "feed", "weed", "breed", "hundred", "sacred", "naked",
    "wicked", "rugged", "ragged", "beloved", "aged", "bespoke", "prepaid", "detailed", "limited", "related",
    "dedicated", "sophisticated", "assorted", "varied", "advanced", "experienced", "registered", "tinted",
    "scheduled", "booked", "proposed", "expected", "agreed", "estimated", "required", "selected", "attached",
    "enclosed", "requested", "ordered", "promised", "quoted",
];

/// Words that open a clause without being its subject.
pub const CLAUSE_OPENERS: &[&str] = &[
    "and", "so", "then", "unfortunately", "sadly", "basically", "apparently", "honestly", "well", "also", "just",
    "plus", "obviously", "clearly", "annoyingly", "frustratingly", "turns", "out", "seems", "as", "oh",
];

/// Pronouns that point back at the harm itself.
pub const ANAPHORS: &[&str] =
    &["it", "they", "them", "this", "that", "these", "those", "which", "what", "here", "who", "nobody", "no", "nothing"];

/// Words that make a clause subordinate: it conditions or times the main
/// clause instead of stating a cause of its own.
pub const SUBORDINATORS: &[&str] = &[
    "because", "since", "when", "whenever", "if", "once", "after", "before", "while", "although", "though",
    "unless", "whether", "until", "till", "where", "wherever", "but", "however", "yet", "even", "not", "or",
];

/// Adverbs that sit between an auxiliary and its participle.
pub const ADVERBS_OF_MANNER: &[&str] = &[
    "not", "n't", "never", "just", "also", "all", "both", "then", "still", "already", "completely", "totally",
    "somehow", "accidentally", "mistakenly", "wrongly", "badly", "simply", "apparently", "clearly", "obviously",
    "fully", "properly", "correctly", "now", "since",
];

pub const PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "from", "to", "with", "by", "of", "for", "through", "via", "into", "onto", "about", "under",
    "over", "after", "before", "during",
];

pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "our", "my", "their", "his", "her", "its", "this", "that", "these", "those", "some", "any",
    "one", "'s", "s",
];

/// The writer as a person in a clause: an "I"/"we" anywhere means the
/// writer is in the story, so it is not handed to someone else.
pub const WRITER_PRONOUNS: &[&str] = &["i", "me", "we", "us", "myself", "ourselves", "mine", "ours"];

/// Words about putting it right: a clause with one is the remedy, not a cause.
pub const REMEDY_WORDS: &[&str] = &[
    "now", "today", "tomorrow", "tonight", "shortly", "soon", "again", "free", "charge", "cost", "attached",
    "enclosed", "way", "voucher", "gift", "complimentary", "sorted", "fixed", "resolved", "new", "stands",
    "deserved", "deserve", "right", "correct", "corrected",
];

/// Stems of remedy words: refund, refunded, replacement, credited ...
pub const REMEDY_STEMS: &[&str] = &["refund", "replac", "credit", "compensat", "reimburs", "redo", "remade"];

/// Fault nouns: a clause about a mistake names the mistake, not a cause.
pub const FAULT_NOUNS: &[&str] = &[
    "mistake", "mistakes", "error", "errors", "fault", "faults", "failure", "failures", "oversight", "lapse",
    "blunder", "responsibility", "excuse", "excuses", "blame", "careless", "carelessness", "unacceptable", "wrong",
    "mistaken", "rude", "unkind", "unprofessional", "mind",
];

/// The customer as a person in a clause ("yours" is only a possessive).
pub const CUSTOMER_PRONOUNS: &[&str] = &["you", "your", "yourself", "yourselves"];
