//! Word lists the clause reader uses, each defined once and by name.
//!
//! Words are in the tokeniser's normal form (lower case, contractions split:
//! "hasn't" is "has" + "n't"). These are closed classes of English (auxiliaries,
//! pronouns, prepositions) or small semantic fields (remedy, fault); they must
//! never grow into lists of one test set's phrases.

/// Auxiliaries and forms of "be"/"have"/"do" that carry a clause's tense.
pub const AUXILIARIES: &[&str] = &[
    "is", "are", "am", "was", "were", "'s", "'re", "'m", "has", "have", "had", "'d", "'ve", "did", "does", "do",
    "never", "will", "'ll", "would", "could", "can", "should", "might", "may", "must", "shall", "kept", "keeps",
];

/// Modal auxiliaries: what might or will happen, not what did.
pub const MODALS: &[&str] = &["will", "'ll", "would", "could", "can", "should", "might", "may", "must", "shall", "'d"];

/// Common irregular past forms (regular ones end in -ed).
pub const IRREGULAR_PAST: &[&str] = &[
    "made",
    "gave",
    "took",
    "sent",
    "left",
    "put",
    "cut",
    "broke",
    "lost",
    "forgot",
    "went",
    "came",
    "brought",
    "bought",
    "sold",
    "kept",
    "let",
    "set",
    "saw",
    "heard",
    "wrote",
    "drove",
    "fell",
    "hit",
    "tore",
    "threw",
    "shut",
    "knew",
    "spoke",
    "ran",
    "held",
    "got",
    "told",
    "said",
    "began",
    "caught",
    "fought",
    "found",
    "froze",
    "hung",
    "lent",
    "met",
    "paid",
    "rang",
    "rode",
    "shook",
    "shot",
    "slept",
    "stuck",
    "struck",
    "swept",
    "taught",
    "thought",
    "understood",
    "woke",
    "won",
    "wore",
    "dug",
    "laid",
    "led",
    "meant",
    "built",
    "bent",
    "stood",
    "chose",
    "stole",
    "shrank",
    "burnt",
    "spilt",
    "blew",
    "drew",
    "grew",
    "flew",
    "sank",
    "sprang",
    "spun",
    "split",
    "upset",
    "quit",
];

/// Words ending in -ed that are rarely verbs.
pub const ED_NOT_VERBS: &[&str] = &[
    "need",
    "needed",
    "bed",
    "shed",
    "red",
    "speed",
    "seed",
    "feed",
    "weed",
    "breed",
    "hundred",
    "sacred",
    "naked",
    "wicked",
    "rugged",
    "ragged",
    "beloved",
    "aged",
    "bespoke",
    "prepaid",
    "detailed",
    "limited",
    "related",
    "dedicated",
    "sophisticated",
    "assorted",
    "varied",
    "advanced",
    "experienced",
    "registered",
    "tinted",
    "scheduled",
    "booked",
    "proposed",
    "expected",
    "agreed",
    "estimated",
    "required",
    "selected",
    "attached",
    "enclosed",
    "requested",
    "ordered",
    "promised",
    "quoted",
];

/// Words that open a clause without being its subject.
pub const CLAUSE_OPENERS: &[&str] = &[
    "and",
    "so",
    "then",
    "unfortunately",
    "sadly",
    "basically",
    "apparently",
    "honestly",
    "well",
    "also",
    "just",
    "plus",
    "obviously",
    "clearly",
    "annoyingly",
    "frustratingly",
    "turns",
    "out",
    "seems",
    "as",
    "oh",
];

/// Pronouns that point back at the harm itself.
pub const ANAPHORS: &[&str] = &[
    "it", "they", "them", "this", "that", "these", "those", "which", "what", "here", "who", "nobody", "no", "nothing",
];

/// Words that make a clause subordinate: it conditions or times the main
/// clause instead of stating a cause of its own.
pub const SUBORDINATORS: &[&str] = &[
    "because", "since", "when", "whenever", "if", "once", "after", "before", "while", "although", "though", "unless",
    "whether", "until", "till", "where", "wherever", "but", "however", "yet", "even", "not", "or",
];

/// Adverbs that sit between an auxiliary and its participle.
pub const ADVERBS_OF_MANNER: &[&str] = &[
    "not",
    "n't",
    "never",
    "just",
    "also",
    "all",
    "both",
    "then",
    "still",
    "already",
    "completely",
    "totally",
    "somehow",
    "accidentally",
    "mistakenly",
    "wrongly",
    "badly",
    "simply",
    "apparently",
    "clearly",
    "obviously",
    "fully",
    "properly",
    "correctly",
    "now",
    "since",
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
    "now",
    "today",
    "tomorrow",
    "tonight",
    "shortly",
    "soon",
    "again",
    "free",
    "charge",
    "cost",
    "attached",
    "enclosed",
    "way",
    "voucher",
    "gift",
    "complimentary",
    "sorted",
    "fixed",
    "resolved",
    "new",
    "stands",
    "deserved",
    "deserve",
    "right",
    "correct",
    "corrected",
];

/// Stems of remedy words: refund, refunded, replacement, credited ...
pub const REMEDY_STEMS: &[&str] = &["refund", "replac", "credit", "compensat", "reimburs", "redo", "remade"];

/// Fault nouns: a clause about a mistake names the mistake, not a cause.
pub const FAULT_NOUNS: &[&str] = &[
    "mistake",
    "mistakes",
    "error",
    "errors",
    "fault",
    "faults",
    "failure",
    "failures",
    "oversight",
    "lapse",
    "blunder",
    "responsibility",
    "excuse",
    "excuses",
    "blame",
    "careless",
    "carelessness",
    "unacceptable",
    "wrong",
    "mistaken",
    "rude",
    "unkind",
    "unprofessional",
    "mind",
];

/// The customer as a person in a clause ("yours" is only a possessive).
pub const CUSTOMER_PRONOUNS: &[&str] = &["you", "your", "yourself", "yourselves"];

/// Adverbs and adjectives that make the harm smaller than it was.
pub const SHRINKERS: &[&str] = &[
    "slightly",
    "marginally",
    "mildly",
    "somewhat",
    "fractionally",
    "minor",
    "marginal",
    "mini",
    "tiny",
    "teeny",
    "wee",
    "negligible",
    "trivial",
    "minimal",
    "tad",
    "touch",
    "smidge",
    "smidgen",
    "weeny",
    "titchy",
    "blip",
    "hiccup",
    "hiccups",
    "niggle",
    "niggles",
    "kerfuffle",
];

/// After "nothing": a remark that the harm was small.
pub const NOTHING_MUCH: &[&str] =
    &["major", "serious", "big", "much", "dramatic", "drastic", "terrible", "awful", "disastrous", "significant"];

/// Adverbs that make what happened, or the apology, provisional.
pub const EPISTEMIC_ADVERBS: &[&str] = &[
    "perhaps",
    "maybe",
    "possibly",
    "conceivably",
    "arguably",
    "presumably",
    "seemingly",
    "supposedly",
    "tentatively",
    "partly",
    "partially",
    "provisionally",
    "conditionally",
    "potentially",
    "allegedly",
];

/// Verbs of guessing in the first person: "I suppose", "I reckon".
pub const GUESSING_VERBS: &[&str] = &["suppose", "reckon", "guess", "imagine", "gather", "assume", "daresay"];

/// Words that open a clause which conditions what follows.
pub const CONDITION_OPENERS: &[&str] = &[
    "if",
    "where",
    "wherever",
    "unless",
    "assuming",
    "presuming",
    "supposing",
    "provided",
    "providing",
    "should",
    "were",
    "insofar",
    "inasmuch",
];

/// Documents a customer was given or could read.
pub const DOCUMENTS: &[&str] = &[
    "form",
    "forms",
    "listing",
    "listings",
    "menu",
    "menus",
    "sign",
    "signs",
    "door",
    "website",
    "site",
    "page",
    "terms",
    "conditions",
    "contract",
    "letter",
    "sheet",
    "leaflet",
    "label",
    "labels",
    "guide",
    "manual",
    "instructions",
    "policy",
    "confirmation",
    "email",
    "emails",
    "receipt",
    "invoice",
    "quote",
    "brochure",
    "description",
    "descriptions",
    "photo",
    "photos",
    "faq",
    "faqs",
    "booking",
    "agreement",
    "notice",
    "card",
];

/// Verbs by which a document tells the reader something.
pub const STATING_VERBS: &[&str] = &[
    "says",
    "say",
    "notes",
    "states",
    "lists",
    "shows",
    "explains",
    "mentions",
    "warns",
    "asks",
    "stresses",
    "specifies",
    "advises",
    "reminds",
    "tells",
    "spells",
    "sets",
    "listed",
    "printed",
    "written",
    "stated",
    "displayed",
    "shown",
    "noted",
    "explained",
    "mentioned",
    "detailed",
    "highlighted",
];

/// People other than this customer: "most of our regulars".
pub const OTHER_PEOPLE: &[&str] = &[
    "customers",
    "guests",
    "clients",
    "people",
    "folk",
    "folks",
    "regulars",
    "diners",
    "shoppers",
    "residents",
    "others",
    "else",
    "homeowners",
    "owners",
    "patients",
    "members",
    "buyers",
    "visitors",
    "families",
    "users",
];

/// Quantifiers that make a general remark about other people.
pub const GENERALISING: &[&str] =
    &["most", "many", "other", "every", "all", "plenty", "nobody", "everyone", "everybody"];

/// Signs that a clause about the customer tells what they failed to do.
pub const CUSTOMER_FAILURE: &[&str] = &[
    "without",
    "blank",
    "forgot",
    "forgotten",
    "ignored",
    "missed",
    "late",
    "instead",
    "failed",
    "n't",
    "not",
    "never",
    "despite",
    "empty",
];

/// What the customer felt, as the thing apologised for.
pub const FEELING_WORDS: &[&str] = &[
    "feeling",
    "worried",
    "anxious",
    "nervous",
    "concerned",
    "alarmed",
    "shocked",
    "scared",
    "rushed",
    "uneasy",
    "uncomfortable",
    "impression",
    "unwelcome",
    "unsettled",
    "stressed",
    "flustered",
    "awkward",
    "embarrassed",
    "patronised",
    "belittled",
    "pressured",
    "uncertain",
    "unsure",
    "confused",
    "frightened",
    "nerves",
    "shock",
];

/// Verbs for a failure happening by itself, with nobody doing it.
pub const EVENT_VERBS: &[&str] = &[
    "appeared",
    "happened",
    "occurred",
    "went",
    "crept",
    "arose",
    "developed",
    "formed",
    "slipped",
    "ended",
    "got",
    "came",
    "emerged",
    "showed",
    "turned",
    "found",
];

/// Harm things that can be the subject of an agentless failure.
pub const HARM_NOUNS: &[&str] = &[
    "wrong",
    "crack",
    "cracks",
    "hole",
    "holes",
    "leak",
    "leaks",
    "stain",
    "stains",
    "scratch",
    "scratches",
    "mark",
    "marks",
    "chip",
    "chips",
    "dent",
    "dents",
    "mistake",
    "mistakes",
    "error",
    "errors",
    "mix",
    "fault",
    "tear",
    "split",
    "damage",
    "gap",
    "gaps",
    "bug",
    "typo",
    "typos",
];

/// Words that side with the customer: "you didn't deserve that", "you were
/// right to ask". A clause with one is not blame.
pub const VINDICATION: &[&str] = &[
    "deserve",
    "deserved",
    "right",
    "everything",
    "entitled",
    "fair",
    "reasonable",
    "correct",
    "correctly",
    "patient",
    "kind",
];

/// What a "sorry to hear" is about when it is sympathy, not an apology:
/// the customer's misfortune, which the business did not cause.
pub const SYMPATHY_TOPICS: &[&str] = &[
    "poorly",
    "ill",
    "unwell",
    "sick",
    "passed",
    "died",
    "death",
    "loss",
    "bereavement",
    "hospital",
    "injured",
    "injury",
    "funeral",
    "illness",
    "surgery",
    "operation",
    "accident",
    "burgled",
    "burglary",
    "divorce",
];

/// Verbs that report what someone said or thought: a finding inside the
/// reported words is the other person's, not the writer's.
pub const REPORTING_VERBS: &[&str] =
    &["told", "said", "claimed", "suggested", "implied", "insisted", "thought", "assumed", "accused", "blamed"];

/// After "but": the writer turns to what matters more, the remedy.
pub const REINFORCING: &[&str] = &["importantly", "crucially", "above", "more", "most"];

/// In a concession before an apology: the writer's own failing.
pub const SELF_CRITICAL: &[&str] =
    &["too", "should", "late", "long", "slow", "wrong", "fault", "mistake", "shouldn't", "failed", "forgot"];

/// People and firms by role, for "our apprentice", "our butcher": handing the
/// cause to them is an excuse, while "our update" or "our letter" is the
/// writer's own work. Agent nouns in -er, -or, -ist, -ian, -ant also count.
pub const ROLES: &[&str] = &[
    "apprentice",
    "apprentices",
    "trainee",
    "trainees",
    "temp",
    "temps",
    "junior",
    "lad",
    "lads",
    "girl",
    "girls",
    "guy",
    "guys",
    "boy",
    "boys",
    "colleague",
    "colleagues",
    "partner",
    "partners",
    "agency",
    "subbie",
    "subbies",
    "staff",
    "bank",
    "firm",
    "company",
    "vendor",
    "courier",
    "couriers",
    "chef",
    "chefs",
    "mechanic",
    "electrician",
    "locum",
    "stand-in",
    "cover",
    "rep",
    "reps",
    "crew",
];
