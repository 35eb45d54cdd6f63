//! The phrase rules: which wordings weaken an apology, and why.
//!
//! Each rule is a token pattern (see `pattern.rs`) plus guards that keep
//! innocent sentences clean. The lists are written to generalise to how
//! people actually hedge, not to one test set. This module must never hold
//! behaviour: only data, so a reviewer can read it as a style guide.

use super::FindingKind;
use FindingKind::*;

/// Reject when a negation (not, never, no...) sits just before the match or
/// inside it: "this was not a small mistake".
pub const NB: u32 = 1;
/// Reject when the owner retracts the excuse nearby: "...that is no excuse".
pub const DS: u32 = 2;
/// Require an apology word in the same sentence.
pub const AP: u32 = 4;
/// Reject when the sentence names a first-person agent (I, we, me, my).
pub const NOI: u32 = 8;
/// Reject in sentences about prevention: "so we are never short-staffed".
pub const PV: u32 = 16;
/// Reject when the same sentence owns the mistake: "the mix-up was mine".
pub const OWN: u32 = 32;
/// The "if" in the match must not be an offer ("if you'd like").
pub const IFG: u32 = 64;
/// Reject when an "if/should/when" opens the clause: "if you have any trouble".
pub const NOIF: u32 = 128;
/// Reject when the match itself contains I/me/my: "due to my mistake".
pub const NOMY: u32 = 256;
/// Require a word about fault or error in the sentence.
pub const FAULT: u32 = 512;
/// Reject when "you" sits just before: "I know you were very busy".
pub const NOYOU: u32 = 1024;

/// The match comes after an apology, in a later clause of the apology's
/// sentence or in the sentence after it: "Sorry for the wait; [the van
/// broke down]". Repeat-backs before the apology stay clean.
pub const AFT: u32 = 2048;
/// An apology in this sentence or the one before or after it.
pub const AW: u32 = 4096;
/// Reject when the writer owns it nearby: an "I"/"we" doing something in
/// this sentence (other than apologising), or explicit ownership ("my
/// fault", "no excuse", "that's on us") in this or a neighbouring sentence.
pub const AGENT: u32 = 8192;
/// Reject when "I" or "we" is the subject of the match's clause.
pub const SUBJ: u32 = 16384;
/// Reject when a negation is one or two words before: "not because of".
pub const NB2: u32 = 32768;
/// Reject when the clause talks about putting it right or the future:
/// "has been refunded", "will be fitted", "now", "tomorrow".
pub const FIX: u32 = 65536;

/// Like FIX, over the whole sentence: "As agreed, we'll refund it".
pub const FIXS: u32 = 131072;
/// Reject when a "by" agent follows the passive: "was resealed by our fitter".
pub const NOBY: u32 = 1048576;
/// Outside the apology's own sentence, a passive must sound like harm
/// ("was dropped", "was cut the wrong length"), not like the remedy ("the
/// new panels were fitted on Saturday").
pub const HARM: u32 = 2097152;
/// Require the passive to sound like harm even in the apology's sentence.
pub const HARMQ: u32 = 4194304;
/// Reject when a preposition comes just before: "the dates on [our
/// website] were wrong" is not about the website.
pub const NOPREP: u32 = 8388608;
/// Reject when the writer accepts it: "we accept full liability".
pub const ACC: u32 = 262144;
/// Like AGENT, but what the apology itself says the writer did ("sorry we
/// didn't call back") does not count: the cause given after it is still an
/// excuse or a shift of blame.
pub const AGX: u32 = 524288;

pub struct RuleSpec {
    pub kind: FindingKind,
    pub pat: &'static str,
    pub guards: u32,
    pub suggestion: &'static str,
}

const fn r(kind: FindingKind, pat: &'static str, guards: u32, suggestion: &'static str) -> RuleSpec {
    RuleSpec { kind, pat, guards, suggestion }
}

/// Words that turn into an excuse when they are the reason given.
const CAUSES: &str = "circumstances|circumstance|control|weather|snow|storm|storms|rain|flood|floods|flooding|traffic|roadworks|courier|couriers|supplier|suppliers|manufacturer|manufacturers|warehouse|staff|staffing|shortage|shortages|illness|sickness|holiday|holidays|volume|volumes|demand|backlog|influx|surge|rush|glitch|glitches|outage|outages|system|systems|software|computer|computers|technical|strike|strikes|pandemic|covid|factors|reasons|events|problems|issues|delivery|postal|royal|carrier|carriers|distributor|distributors|third|partner|partners|vendor|vendors|bank|payment|provider|providers|network|server|servers|website|app|power|electricity|bug|bugs|breakdown|bereavement|emergency|emergencies|season|christmas|logistics|shipping|freight|customs|brexit|absence|absences|unavailability|trainee|accident|driver|drivers|van|vehicle|machine|machinery|equipment|oven|printer|restructuring|refurbishment|relocation|renovation|upgrade|upgrades|migration|crowds|rota|short|understaffing|workload|orders|post|mail|ice|heat|heatwave|fog|wind|winds|flu|virus|landlord|builders|roadwork|diversion|closure|closures";

pub fn rules() -> Vec<RuleSpec> {
    vec![
        // ---------------- conditional ----------------
        r(Conditional, "if you were|had|have|'ve|got ?been ?ever left|kept|made|charged|overcharged|sent|given|told|caused|affected|inconvenienced|put|treated|ignored|overlooked|forgotten|misled|billed|double|short|served|sold|shown|spoken|handled|quoted|delayed|stranded", 0, "It did happen: say what you did, without the \"if\"."),
        r(Conditional, "@apol _3 to anyone|anybody|everyone|those|all ?of ?you who|that|whom", AGENT, "Apologise to this customer for what you did to them."),
        r(Conditional, "@apol _3 if", IFG, "Drop the \"if\": say plainly what you are sorry for."),
        r(Conditional, "@apol _3 in case", 0, "Drop the condition: say plainly what you are sorry for."),
        r(Conditional, "if @pers were|was|felt|became|got|found _3 @feel|dissatisfied|happy|satisfied|pleased", 0, "It did happen: say \"I'm sorry I [what you did]\" instead."),
        r(Conditional, "if @pers have|'ve|has|had|may|might ?have been|felt _3 @feel|dissatisfied|happy|satisfied", 0, "It did happen: say \"I'm sorry I [what you did]\" instead."),
        r(Conditional, "if you felt|thought|believed|perceived|considered|experienced|suffered|sensed", 0, "Name what went wrong instead of how it may have seemed."),
        r(Conditional, "if you ?may|might ?have feel|felt ?that ?like @iwe|our|my|this|that|it|you", 0, "Name what went wrong instead of how it may have seemed."),
        r(Conditional, "if anything|something|things|aspects|any ?of ?this|our|it ?has|have|had|did ?not went|gone|go|happened|occurred|fell|was|were|got", 0, "Say exactly what went wrong."),
        r(Conditional, "if @iwe ?have|'ve|may|might|did ?have caused|upset|offended|let|failed|fell|fallen|disappointed|inconvenienced|misunderstood|overlooked|messed|mixed|hurt|confused|misled|erred|slipped|frustrated|annoyed|wronged|mishandled|neglected|made|gave|given|been|seemed|came|sounded|appeared|got", 0, "You did: say \"I'm sorry I [what you did]\"."),
        r(Conditional, "if @iwe were|was _2 wrong|unclear|rude|slow|late|mistaken|responsible|careless|confusing|unhelpful|dismissive|short|abrupt|negligent|remiss|fault|blame|curt|unprofessional|insensitive", 0, "You were: say so plainly."),
        r(Conditional, "if this|that|it|our|the|my _3 ?has|have|may|might|did ?have caused|upset|offended|inconvenienced|disappointed|hurt|seemed|appeared|sounded|frustrated|annoyed|confused|misled|spoiled|spoilt|ruined|disrupted", 0, "It did: say what it caused, without the \"if\"."),
        r(Conditional, "if this|that|it|our|the|my|any _3 was|were|has|have|had ?been ?a ?bit ?too|very|so|at|in rude|unhelpful|late|careless|dismissive|wrong|unprofessional|abrupt|short|slow|unclear|confusing|disappointing|frustrating|upsetting|inconvenient|damaged|broken|faulty|incorrect|missing|less|below|poor|substandard|unacceptable|cold|curt|insensitive|inappropriate|offensive|misleading|delayed|lost|fault|any|all", 0, "It was: say so plainly, without the \"if\"."),
        r(Conditional, "if this|that|it|our|the|my _3 came|come across", 0, "It did: say what it caused, without the \"if\"."),
        r(Conditional, "if this|that|it|our|the|my _3 fell|falls short", 0, "Say plainly where it fell short."),
        r(Conditional, "if this|that|it|our|the|my _3 did|was|were|has|had not _2 meet|live|match|clear|acceptable|satisfactory|handled", 0, "Say plainly where it fell short."),
        r(Conditional, "if there was|were|has|have|had ?been any|some|a|an ?@minor @trouble|offence|confusion|misunderstanding|mix|problem|issue|error|mistake|delay|distress|miscommunication|lapse|breakdown", 0, "There was: name it."),
        r(Conditional, "if any @trouble|offence was|were|has|have|had ?been caused|given|taken|felt|experienced|suffered|made", 0, "Name what you caused instead."),
        r(Conditional, "if mistakes|errors|an|a|any|the ?error|mistake|mistakes|errors|problem|problems|issue|issues were|was|have|has|had ?been made|occurred|happened|committed", 0, "Say \"I made a mistake\"."),
        r(Conditional, "if in any way|shape", 0, "Drop the condition."),
        r(Conditional, "to the|whatever|any extent", 0, "Drop \"to the extent\": own the whole thing."),
        r(Conditional, "insofar|inasmuch as", 0, "Drop the limiting clause."),
        r(Conditional, "in so far as", 0, "Drop the limiting clause."),
        r(Conditional, "should @pers ?have been|felt|experienced|suffered|found|feel|find|be _3 @feel|dissatisfied|inconvenienced", 0, "It did happen: say so plainly."),
        r(Conditional, "should you have been|felt|experienced|suffered|found", 0, "It did happen: say so plainly."),
        r(Conditional, "should this|that|it|our|any _3 have caused|been|upset|inconvenienced|offended|disappointed", 0, "It did happen: say so plainly."),
        r(Conditional, "should any @trouble|offence have|be|been", 0, "Name what you caused."),
        r(Conditional, "in case @pers were|was|felt|have", 0, "Drop the condition."),
        r(Conditional, "in the event that @pers|this|that|it were|was|felt|have|has", 0, "Drop the condition."),
        r(Conditional, "if that is|'s|was how you feel|felt|see", 0, "Talk about what you did, not how they see it."),
        r(Conditional, "if you feel|felt that|this way", 0, "Talk about what you did, not how they see it."),
        r(Conditional, "if you say so", 0, "Take the customer's account as given."),
        r(Conditional, "if so $", AP, "Drop the condition."),
        r(Conditional, "if that|this is|was|were the case", 0, "It was the case: say so."),
        r(Conditional, "if applicable|appropriate", AP, "Drop the condition."),
        // ---------------- around the apology ----------------
        // These read the clause before or after an apology: an "if" that
        // conditions it, a passive that hides who did it, a customer-side
        // subject that shifts the blame, an outside cause that explains it
        // away. Each is cancelled when the writer owns the mistake nearby.
        r(Conditional, "^ [ if|should ] _16 , ?then _5 @apol", IFG, "Drop the \"if\": it happened, so say what you are sorry for."),
        r(Conditional, "^ [ if ] _16 then _5 @apol", IFG, "Drop the \"if\": it happened, so say what you are sorry for."),
        r(Conditional, "@apol ?, if that|this|it is|'s|was what|how|true|so|right|correct", 0, "Take the customer's account as given."),
        r(Conditional, "to the|whatever|any|what degree", 0, "Drop \"to the degree\": own the whole thing."),
        r(Conditional, "if _6 down to us|me|our|my", AW, "Drop the \"if\": say what you got wrong."),
        r(Passive, "[ was|were|got ?somehow|accidentally|mistakenly|wrongly|never|not|then|also|all|both|just|completely|totally|apparently|clearly|obviously|simply|incorrectly|badly|already|later|still|then !@notpp *ed|@pp ]", AW | SUBJ | AGENT | FIX | NOBY | HARM, "Say who did it: \"I [dropped / sent]...\"."),
        r(Passive, "[ had|'d been ?somehow|accidentally|mistakenly|wrongly|never|not|then|also|all|both|just|completely|totally|apparently|clearly|obviously|simply|incorrectly|badly|already !@notpp *ed|@pp ]", AW | SUBJ | AGENT | FIX | NOBY | HARM, "Say who did it: \"I [dropped / sent]...\"."),
        r(Passive, "went|gone|go|got unanswered|missing|astray|unnoticed|unchecked|unreported|unread|unpaid|lost|wet|stuck|ignored|overlooked|forgotten|mislaid|damaged|broken|scratched|mixed", AW | SUBJ | AGENT | FIX | NB2 | NOYOU, "Say who did it."),
        r(Passive, "ended|wound up on|in|at|with|going|being", AW | SUBJ | AGENT | FIX | NOYOU, "Say who did it."),
        r(Passive, "did|does not|never go|went ?to|according|as ?to plan|planned", AW | SUBJ | AGENT, "Say what you got wrong."),
        r(Passive, "things|it|this|that did|does not|never go|work|turn ?out|go to|according|as plan|planned|expected|intended", AW | AGENT, "Say what you got wrong."),
        r(Blame, "^ ?and|so|but|then ?then you ?only|actually|also|then|just|yourself|originally|specifically|did|really|clearly|obviously|already|personally|accidentally pressed|clicked|tapped|left|changed|chose|selected|picked|entered|typed|moved|stacked|parked|cancelled|declined|refused|insisted|approved|agreed|confirmed|specified|measured|forgot|removed|unplugged|switched|ignored|skipped|overloaded|ticked|unticked|misread|misunderstood|altered|amended|swapped|signed", AFT | AGX | FIX, "Take the customer's side: leave out what they did."),
        r(Blame, "^ ?and|but|so|then you ?only|just|actually|also ordered|booked|requested|gave|provided|supplied|sent|wrote|put|paid|arrived|called|rang|came _4 wrong|incorrect|twice|yourself|instead|late|after|only|just", AFT | AGX | FIX, "Take the customer's side: leave out what they did."),
        r(Blame, "you only|just gave|sent|told|allowed|left|booked|ordered|paid", AFT | AGX | FIX, "Take the customer's side: leave out what they did."),
        r(Blame, "^ ?and|but|so|then you ?only|just|then|also|actually|accidentally !waited|paid|asked|told|called|rang|phoned|emailed|trusted|deserved|expected|wanted|needed|booked|travelled|traveled|arrived|planned|hoped|tried|chased|visited|returned|received|looked|loved|liked|enjoyed|stayed|spent|queued|listened|explained|mentioned|noticed|spotted|raised|reported|complained|contacted|messaged|reminded|followed|relied|counted|believed|managed|worked|ordered|chose|picked|bought|cancelled|showed|shared|suffered|lost|missed|endured|struggled|worried|agreed|allowed|offered|helped|answered|replied|responded|flagged|highlighted|pointed|checked|confirmed|specified|requested|provided|supplied|described|insisted|wanted|used|needed|expected|tolerated|accepted|appreciated|thanked|praised|recommended|rated|reviewed|posted|mailed|texted|signed|filled|completed|dropped|collected|fetched|carried|stood|sat|walked|drove|came|went|left|had|got|did|said|were|was *ed", AFT | AGX | FIX | FIXS, "Take the customer's side: leave out what they did."),
        r(Blame, "you ?only|just|also|specifically|actually|then|did asked|told|instructed|wanted|requested|begged|wanted us|me to|not", AFT | AGX, "Take the customer's side: leave out what they did."),
        r(Blame, "^ ?and|but|so you were|had|'d ?been told|advised|warned|reminded|shown|asked|instructed|informed ?twice|already|clearly|repeatedly|several|at|on|in|that|before|about", AFT | AGX, "Don't remind the customer what they were told."),
        r(Blame, "as|which you ?will|may|might|would|should|'ll|'d|probably|no|doubt ?well recall|remember|recollect", AW, "Don't remind the customer what they were told."),
        r(Blame, "as ?was|is|it ?clearly|previously|already|explicitly|specifically|also noted|stated|explained|mentioned|outlined|set|specified|detailed|indicated|written|printed|listed|advised|shown|described|highlighted|pointed|warned|flagged ?out in|on|at|during|when|by|with|to the|your|our|this|you", AW | AGX | FIXS, "Don't point to what the customer was told; fix the problem."),
        r(Blame, "which|that|as @iwe ?did|do|had|'d|have|'ve ?clearly|already|actually|also|specifically|previously mention|mentioned|tell|told|say|said|explain|explained|warn|warned|point|advise|advised|stress|stressed|remind|reminded", AW, "Don't remind the customer what they were told."),
        r(Blame, "@iwe did|do ?actually|also|clearly mention|tell|say|explain|warn|point|advise|stress|remind|inform|let you", AW, "Don't remind the customer what they were told."),
        r(Blame, "nobody|noone was|were ?at home|in|there|around|available|answering|about", AFT | AGX, "Don't point at the customer not being in."),
        r(Blame, "no one was|were ?at home|in|there|around|available|answering|about", AFT | AGX, "Don't point at the customer not being in."),
        r(Blame, "you were|was not|n't ?at home|in|there|around|available|answering|about", AFT | AGX, "Don't point at the customer not being in."),
        r(Blame, "you were|was out|away", AFT | AGX | FIX, "Don't point at the customer not being in."),
        r(Blame, "you gave|provided|supplied|sent|entered|wrote|typed|told|quoted|filled|completed|chose|picked|specified _5 was|were|is|are|'s ?all|completely|slightly|a|bit|actually wrong|incorrect|inaccurate|incomplete|out|missing|unclear|illegible|invalid|outdated|different|off", AW, "Don't shift the blame to the customer."),
        r(Blame, "were|was yours", AW | NB2, "Don't shift the blame to the customer."),
        r(Blame, "were|was your own", AW | NB2, "Don't shift the blame to the customer."),
        r(Blame, "you ?really|probably|honestly|definitely|just should|must|ought ?to ?really|always|probably|definitely|just book|call|ring|check|read|order|measure|allow|arrive|make|keep|ensure|leave|plan|use|follow|phone|email|tell|let|give|confirm|double|store|read", AFT | FIXS, "Don't lecture the customer; say what you will do."),
        r(Blame, "you ?really|probably|honestly|definitely|just should|ought|could ?to have|'ve ?really|probably|just !received|got|heard|had|been|seen *ed|@pp", AW, "Take the customer's side: what could you have done?"),
        r(Blame, "next time _4 you", AW | NB2 | FIXS, "Don't lecture the customer; say what you will do."),
        r(Blame, "in ?the future _4 you", AW | NB2 | FIXS, "Don't lecture the customer; say what you will do."),
        r(Excuse, "because|cos ?then the|a|an|his|her|their|its|they|he|she|there|it|one|some|both|all|our|my !mistake|error|fault", AFT | AGX | NB2, "Leave out the reason; own the result."),
        r(Excuse, "because|cos of the|a|an|his|her|their|its|some|all|bad|heavy|severe|an|industrial|unexpected|unforeseen !@mishap|wait|trouble|mess|hassle|damage|time|way|extra|late|confusion|inconvenience|work|size|length|cost|price", AFT | AGX | NB2, "Leave out the reason; own the result."),
        r(Excuse, "caused|brought|triggered|created by !me|us|my|our|myself|ourselves|i|we|you|your", AW | AGX | NB2 | FIX, "Leave out the reason; own the result."),
        r(Excuse, "@staff|@third _3 was|were|got|had|'d|been|is|'s|running|ran _2 behind|late|lost|stuck|ill|sick|unwell|off|away|absent|new|alone|unavailable|inexperienced|training|holiday|leave|traffic|delayed|overbooked|short|busy|swamped|overwhelmed|backed|closed|shut|snowed|flat", AFT | AGX | NOPREP | FIX | NB2, "Leave out who else was involved; own the result."),
        r(Excuse, "the|our|my|one|both ?of ?the|our|my _2 @device _3 went|died|broke|failed|crashed|froze|packed|gave|conked|blew|tripped|stopped|jammed|overheated|leaked|cut|dropped", AFT | AGX | NOPREP | FIX | NB2, "Leave out the equipment; own the result."),
        r(Excuse, "the|our|my|one|both ?of ?the|our|my _2 @device _3 was|were|had|has|'s|kept|been|is ?been|also|still|just|completely ?a|an playing|acting|broken|down|faulty|dead|flat|temperamental|failing|dying|frozen|crashing|freezing|offline|misbehaving|malfunctioning", AFT | AGX | NOPREP | FIX | NB2, "Leave out the equipment; own the result."),
        r(Excuse, "?the weather|ground|soil|roads|road|rain|snow|ice|frost|fog|wind|storm|traffic|conditions|site|lawn|grass _2 was|were|is|been|got|had|'s ?been ?too|so|very|completely|far|extremely|solid|rock wet|cold|hot|icy|frozen|windy|damp|waterlogged|muddy|dark|slippery|frosty|boggy|heavy|dry|wild|stormy", AFT | AGX | FIX, "Leave out the weather; own the result."),
        r(Excuse, "@staff _3 on|in his|her|their|its first|second|third day|week|shift|month|job|morning", AFT | AGX | FIX, "Don't point at a colleague; the business is yours to answer for."),
        r(Blame, "^ ?and|but|so|as|which you did|do !not|nothing|everything|all|so|a|an|the|right|well|your|what|that|it|this|us|me|exactly|absolutely|you|everything|nowt|anything|well|brilliantly|amazingly|nothing|our|my|feel|deserve", AFT | AGX | FIXS, "Take the customer's side: leave out what they did."),
        r(Blame, "you did|do say|tell|mention|ask|agree|choose|pick|want|confirm|approve|sign|specify|order|book", AFT | AGX, "Take the customer's side: leave out what they did."),
        r(Minimizing, "only|just|merely|barely|literally ?over|under|late|early|out|off ?by ?a couple|few|handful ?of minutes|mins|min|secs|seconds|hours|hrs|days|pounds|quid|weeks|moments", NB2, "Don't shrink the delay or the cost; state it and own it."),
        r(Excuse, "@third|@staff|company|firm|hire|skip|scaffolders|scaffolding|delivery|lorry|inspector|council|landlord|agent|assessor|insurer|authority _2 did|could|would not|never turn|show|arrive|deliver|come|send|collect|answer|reply|respond|get|fit|access|reach|find|make|park|load|manage|start", AFT | AGX | FIX, "Don't blame the supplier; the customer dealt with you."),
        r(Excuse, "came|come|went|gone|going down with", AW | AGX, "Leave out who was ill; own the result."),
        r(Excuse, "flu|covid|norovirus|coronavirus|chickenpox|migraine|food poisoning", AFT | AGX | FIX, "Leave out who was ill; own the result."),
        r(Blame, "your dog|dogs|cat|pets|children|kids|car|boxes|things|furniture|belongings|stuff|van|bins|gate|door _2 was|were|had ?been ?still|left|already loose|blocking|parked|open|unlocked|locked|stacked|piled|everywhere|barking", AFT | AGX, "Don't point at the customer's things; own what you did."),
        r(Blame, "in the|our way", AFT | AGX | FIX, "Don't point at the customer's things; own what you did."),
        r(Passive, "was|were|got double|over|under|mis|pre|re ?, *ed|@pp", AW | SUBJ | AGENT | FIX | HARM, "Say who did it."),
        r(Blame, "your code|key|keys|card|details|password|number|address|postcode|email|instructions|directions|payment|access|fob|gate|alarm _2 did|was|were|does|had not|n't|never work|working|valid|correct|right|clear|go|through|answered|up", AFT | AGX, "Don't point at the customer's details; own what you did."),
        r(Excuse, "power|electricity|water|gas|phone|internet|broadband cut|cuts|failure|failures|outage|outages", AW | AGX | FIX, "Leave out the power cut; own the result."),
        r(Excuse, "there was|were|is|'s|are|had|has ?been a|an|some _2 accident|fire|flood|leak|strike|breakdown|cut|outage|crash|problem|issue|fault|glitch|closure|shortage", AFT | AGX | FIX | OWN, "Leave out what else went on; own the result."),
        r(Minimizing, "only|just|merely|barely|literally|simply|honestly a|an ?#|one|two|three|four|five|ten|fifteen|twenty|thirty|few|couple ?, minute|hour|day|week|second|minutes|hours ?, wait|delay|hold|overrun|job|fix|drive|walk", NB2, "Don't shrink the delay; state it and own it."),
        r(Excuse, "@third|@staff|council|planning|authority|insurer|insurers|bank|builders _3 took|takes|were|was ?taking _2 weeks|months|ages|days|forever|longer|long", AFT | AGX | FIX, "Leave out who else was slow; own the result."),
        r(Excuse, "discontinued|withdrawn|recalled|obsolete", AFT | AGX | FIX | NB2, "Leave out the product change; own the result."),
        r(Excuse, "stayed|ran|went|carried on ?much|far|a|lot|bit|way longer|over", AFT | AGX | FIX | SUBJ | NOYOU, "Leave out what held you up; own the result."),
        r(Excuse, "fell|falls|fallen|falling through|apart", AFT | AGX | FIX | SUBJ, "Leave out what fell through; own the result."),
        r(Excuse, "raining|rained|snowing|snowed|pouring|poured|hailing|flooding|freezing", AFT | AGX | FIX, "Leave out the weather; own the result."),
        r(Blame, "address|details|number|postcode|measurements|information|instructions|form|email|reference|sizes|size _4 was|were|had|'d ?been missing|incomplete|wrong|incorrect|inaccurate|unclear|invalid|out|illegible|outdated", AFT | AGX | SUBJ, "Don't shift the blame to the customer's details; own what you did."),
        r(Blame, "the|your _2 you chose|picked|selected|supplied|provided|bought|gave|specified|requested|sent|brought|approved|signed _4 was|were|had|did|could|would|wasn't|weren't|didn't|couldn't", AFT | AGX | FIXS | NOBY, "Don't point at the customer's choice; own the result."),
        r(Blame, "^ ?and|but|so you !can|could|may|might|should|will|'ll|need|must|are|'re|deserve|deserved _5 yourself|yourselves", AFT | AGX | FIXS, "Take the customer's side: leave out what they did."),
        r(Minimizing, "the|a few|couple ?of crumbs|drops|specks|bits|hairs|splashes|spots|marks|scratches|smudges|scuffs", AW | NB, "Describe it at its real size."),
        r(Blame, "your ?own|removal|other men|kids|children|dog|dogs|cat|family|guests|tenant|tenants|partner|husband|wife|son|daughter|friend|friends|neighbour|neighbours|plumber|electrician|builder|builders|decorator|gardener|cleaner|movers|removers|contractor|contractors dragged|moved|dropped|broke|damaged|scratched|left|opened|touched|knocked|changed|removed|put|stacked|parked|let|unplugged|switched|turned|spilt|spilled|pulled|pushed|sat|stood|walked|played|took|forgot|lost|told|asked|said|cancelled|stepped|leaned|leant|climbed|used", AFT | AGX | FIX, "Don't point at the customer's side; own what you did."),
        r(Blame, "because|cos|since you kept|did|forgot|changed|chose|picked|booked|ordered|arrived|left|gave|moved|cancelled|switched|pressed|missed|failed|refused|insisted|decided|wanted|only|had|were|weren't|never", AFT | AGX | NB2 | FIXS, "Take the customer's side: leave out what they did."),
        r(Excuse, "the|our|my|one|both|a _2 @device _3 sent|took|gave|showed|said|told|lost|deleted|charged|rejected|declined|refused|flagged|wiped|misread|skipped|doubled|duplicated|cancelled|ate|jammed|shredded|printed|mixed", AFT | AGX | NOPREP | FIXS, "Leave out the equipment; own the result."),
        r(Excuse, "came|comes|come|arrived|sourced|shipped|ordered from ?a|an|the|our ?new|different|another|other|overseas|european|foreign factory|supplier|suppliers|manufacturer|warehouse|abroad|overseas|mill|depot|wholesaler", AFT | AGX | FIX, "Leave out where it came from; own the result."),
        r(Feelings, "[ bothered|upset|offended|annoyed|hurt|disappointed|frustrated|worried|distressed|troubled|angered|irritated|unsettled|saddened|alarmed|confused ] you", AW | SUBJ | AGX, "Apologise for what you did, not for how it made the customer feel."),
        r(Excuse, "was|were|got|been ?then|also|all|completely|badly !@notpp *ed|@pp by the|a|an|their|his|her|some|heavy|bad|severe|another|other", AW | SUBJ | AGX | FIX, "Leave out who else caused it; own the result."),
        r(Feelings, "@apol ?that you disliked|hated|dislike|hate|detested|loathed", 0, "Apologise for what you did, not for what the customer disliked."),
        r(Blame, "terms|conditions|instructions|details|information|guidance|advice|warning|warnings|leaflet|letter|card|form|email|text|policy|quote|confirmation|reminder|reminders|rules _3 was|were|been sent|given|shown|explained|emailed|provided|handed|texted|posted|read", AFT | AGX | FIX, "Don't point to what the customer was sent; fix the problem."),
        r(Blame, "was|were already|previously worn|damaged|scratched|broken|cracked|loose|faulty|marked|stained|chipped|dented|split|rotten|weak|failing|leaking|damp", AFT | AGX, "Don't point at the state it was in; own what you did."),
        r(Blame, "until|unless|till you ?have|'ve|had|'d cleared|moved|removed|emptied|paid|signed|confirmed|sent|provided|given|returned|approved|told|chosen|picked", AW | AGX | FIXS, "Don't make the customer's part the reason; say what you will do."),
        r(Blame, "you were|arrived|came|turned ?up _3 early|late !for|to|because|back|home|into|with", AFT | AGX, "Don't point at when the customer arrived; own the wait."),
        r(Excuse, "@device runs|ran|running|run hot|cold|fast|slow|warm|low", AW | AGX, "Leave out the equipment; own the result."),
        r(Excuse, "the|our|a|their _2 delivery|deliveries|order|shipment|stock|parts|part|materials|supplies|consignment|fabric|tiles|glass ?did|had|has|was|were not|never arrived|came|arrive|come|turned|showed|delivered", AFT | AGX | FIX, "Leave out what didn't arrive; own the result."),
        r(Passive, "[ was|were|got ?somehow|accidentally|mistakenly|wrongly|then|also|all|both|just|completely|incorrectly|badly ordered|booked|made|posted|dispatched|collected|processed|signed|checked|updated|paid|treated ]", AW | SUBJ | AGENT | FIX | NOBY | HARMQ, "Say who did it."),
        r(Excuse, "moved|switched|changed|upgraded|migrated|transferred ?over|across to a|an|the|our new", AFT | AGX | FIXS, "Leave out the new system; own the result."),
        r(Excuse, "out of stock", AFT | AGX | FIX | NB2, "Leave out the stock problem; own the result."),
        r(Excuse, "ran|run|running|sold|selling out", AFT | AGX | FIX | NB2, "Leave out the stock problem; own the result."),
        r(Excuse, "had|has|have|needed to come|be|arrive ?ordered|sourced|shipped|imported|sent|made|delivered|flown ?in from|over|in", AFT | AGX | FIX, "Leave out where it had to come from; own the result."),
        r(Excuse, "on|into backorder", AFT | AGX | FIX, "Leave out the stock problem; own the result."),
        r(Excuse, "on|into back order", AFT | AGX | FIX, "Leave out the stock problem; own the result."),
        r(Excuse, "@staff _2 was|were|is|been on|by his|her|their own|tod|himself|herself|themselves", AFT | AGX | FIX, "Leave out who else was involved; own the result."),
        r(Excuse, "@third|@device|kitchen|shop|warehouse|bakery|factory|workshop|site|depot|supplier|courier|team|office had|has|'d|was|were ?having|been ?having ?a|an|some ?technical|few|bit|small|big|major ?of ?a problem|problems|issue|issues|fault|faults|trouble|difficulties|breakdown|glitch|nightmare|puncture|flat|blowout|leak|crash|bump", AFT | AGX | FIX, "Leave out the trouble you had; own the result."),
        r(Excuse, "at|by the merchant|merchants|supplier|suppliers|warehouse|factory|depot|manufacturer|manufacturers|wholesaler|wholesalers|courier|couriers|printers|mill|lab|port|sorting", AW | AGX | FIX, "Don't blame the supplier; the customer dealt with you."),
        r(Excuse, "previous|last|earlier|other|first|morning|before ?'s job|appointment|customer|client|booking|visit|delivery|job|jobs|call _2 overran|ran|took|dragged|went|over", AFT | AGX, "Leave out the other job; own the result."),
        r(Excuse, "overran|overrun", AFT | AGX | NB2, "Leave out the other job; own the result."),
        r(Excuse, "intermittent|sporadic|unpredictable", AW | AGX | NB2, "Leave out how hard it was to find; own the result."),
        r(Excuse, "industrial action", AW | AGX, "Leave out the reason; own the result."),
        r(Excuse, "is|was|are|were|'s|been ?always|just|absolutely|completely|totally|so|very|really|a|bit chaotic|mad|manic|hectic|frantic|rammed|crazy", AFT | AGX | NB2 | FIX, "Leave out how busy you were; own the result."),
        r(Feelings, "@apol _2 ?that you found|find|felt|thought _6 off|putting|disappointing|rude|unhelpful|hard|difficult|confusing|stressful|upsetting|underwhelming|unacceptable|lacking|unfriendly|dismissive|cold|unprofessional|uncomfortable|intimidating|patronising|condescending|abrupt|curt|brusque|insensitive|offensive|frustrating|annoying|unpleasant|inconvenient|slow|chaotic|disorganised|messy|noisy|overwhelming|awkward|unclear|misleading|too|upsetting|disappointing|impersonal|rushed|pushy|overpriced|expensive|bland|salty|unappealing|unsatisfactory|poor", 0, "Apologise for what you did, not for how the customer found it."),
        r(Feelings, "not|n't ?quite|exactly|really|entirely|at|all what|how you ?had|'d|were|may|might|would|'d|originally ?have ?had wanted|hoped|expected|imagined|envisaged|pictured|hoping|expecting|anticipated|liked|in|wished|dreamed|planned", AW | AGENT, "Say what you got wrong, not that it wasn't what they wanted."),
        r(Feelings, "not|n't ?quite|exactly|really ?the one|answer|outcome|result|response|news|reply|decision you ?had|'d|were wanted|hoped|expected|hoping|expecting|anticipated|wished|liked", AW | AGENT, "Say what you got wrong, not that it wasn't what they wanted."),
        r(Feelings, "live|lived|living|measure|measured up to what|how you ?had|'d|were|may|might ?have expected|hoped|imagined|wanted|pictured|envisaged|hoping|expecting", AW | AGENT, "Say what you got wrong, not that it wasn't what they wanted."),
        r(Feelings, "you see|view|saw|viewed|perceive|perceived|took|take|read|interpreted|interpret it|things|this|that like|that|this that|way", AW, "Talk about what you did, not how the customer sees it."),
        r(Feelings, "felt|seemed|appeared|sounded|looked|feel|seem|seems|feels _3 to you", AW, "Apologise for what you did, not for how it felt to the customer."),
        r(Feelings, "you ?may|might|must ?have took|taken|take offence|umbrage|exception", AW, "Apologise for what you did, not for the offence the customer took."),
        r(Feelings, "you ?may|might|must ?have took|taken|take _3 the wrong way", AW, "Apologise for what you did, not for how the customer took it."),
        r(Feelings, "you ?may|might|must ?have took|taken|take it|this|that|my|our _2 personally|badly|wrongly|to", AW, "Apologise for what you did, not for the offence the customer took."),
        r(Feelings, "disappointment|frustration|upset|hurt|annoyance|distress|anger|feelings|embarrassment|worry|anxiety|stress|irritation|offence|dismay|sadness|unhappiness|discomfort|dissatisfaction you ?may|might|must|have|'ve|were|are ?have felt|feel|feeling|experienced", AW, "Apologise for what you did, not for how the customer felt."),
        r(Minimizing, "a|the|some ?little|slight|small|tiny bit|spot|touch of @mishap|confusion|bother|trouble|mess|noise|dust|paint|water|mud|disruption|inconvenience|upset|hassle|delay|damage|grout|glue|plaster|wear", AW | NB, "Describe it at its real size."),
        r(Minimizing, "@minor bit|spot|patch|speck|dab|splash|trace|drop|amount of", AW | NB, "Describe it at its real size."),
        r(Minimizing, "just|only the one day|hour|week|night|item|mistake|time|thing|error|evening|morning|afternoon|visit", AW, "Let the customer judge the size of it."),
        r(Minimizing, "one small|little|tiny|minor|slight thing|detail|item|bit|part|point|error|oversight|omission|step|slip|mistake", AW | NB, "Let the customer judge the size of it."),
        // ---------------- minimizing ----------------
        r(Minimizing, "was|is|'s|be a|an one off|exception|blip|anomaly|aberration|fluke", NB, "Don't tell the customer it is rare; own this one."),
                r(Minimizing, "inconvenience|inconveniences|inconvenienced|inconveniencing", NB, "Name the real harm (\"you missed your flight\") instead of \"inconvenience\"."),
        r(Minimizing, "@minor wait|waits|queue|wobble", NB | AP, "Describe it at its real size."),
        r(Minimizing, "@minor @mishap", NB | OWN, "Describe it at its real size."),
        r(Minimizing, "just|only|merely|simply a|an|one ?@minor|little|tiny|bit|few|couple @mishap|slip|late|delay|mistake", NB, "Let the customer judge the size of it."),
        r(Minimizing, "was|were|'s|by|of|been|delay|wait|late|took|lasted|waited|arrived|delayed|overdue|behind|out|off|short|over|charged|overcharged|extra|more|just [ only|just|merely|barely|hardly|mere ?a|an ?few|couple|handful|matter|mere ?of ?a a|an|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|few|# minutes|minute|hours|hour|days|day|seconds|weeks|week|pounds|dollars|euros|quid|pence|cents|millimetres|mm|cm|inches|inch|degrees|percent ]", 0, "Don't shrink the delay or the cost; state it and own it."),
        r(Minimizing, "only|just|merely|barely|hardly|mere ?a|an ?few|couple|handful|matter|mere ?of ?a a|an|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|few|# minutes|minute|hours|hour|days|day|seconds|weeks|week|pounds|dollars|euros|quid|pence|cents|millimetres|mm|cm|inches|inch|degrees|percent late|behind|overdue|delayed|early|longer|out|off|short|over|slow|slower|more|extra", 0, "Don't shrink the delay or the cost; state it and own it."),
        r(Minimizing, "slightly|marginally|somewhat|fractionally|mildly|minimally late|behind|delayed|off|short|out|wrong|different|damaged|scratched|marked|lighter|darker|smaller|bigger|larger|shorter|longer|slower|overdue|underweight|undercooked|overcooked|faded|discoloured|uneven|imperfect|crooked|misaligned|chipped|dented|incorrect|inaccurate|overcharged|undercharged|below|shy|disappointing|frustrating|inconvenient|annoying|delayed|off", NB, "State the problem at its real size."),
        r(Minimizing, "a bit|little|tad|touch|fraction|smidge ?bit lighter|darker|smaller|bigger|tighter|looser|thinner|thicker|paler|brighter|duller|rough|uneven|crooked|late|behind|delayed|wrong|damaged|scratched|marked|overdue|mixed|muddled|confused|slow|off|disappointing|frustrating|annoying|inconvenient|awkward|annoyed|frustrated|disappointed|upset|put|miffed", NB, "State the problem at its real size."),
        r(Minimizing, "nothing more than", 0, "Don't shrink it."),
        r(Minimizing, "no|not ?such ?a big|huge deal", 0, "Don't shrink it; it mattered to the customer."),
        r(Minimizing, "not that|so big|bad|serious", 0, "Don't shrink it; it mattered to the customer."),
        r(Minimizing, "not the end of the world", 0, "Don't shrink it."),
        r(Minimizing, "could|might have|'ve been ?a ?lot|much|far worse", 0, "Don't compare it with worse outcomes."),
        r(Minimizing, "no real|lasting|permanent|serious ?harm|damage done", 0, "Don't shrink it."),
        r(Minimizing, "no harm|damage done|was", 0, "Don't shrink it."),
        r(Minimizing, "all is|'s well that", 0, "Don't shrink it."),
        r(Minimizing, "at least the|your|our _2 arrived|came|got|turned|worked|was|were|fitted|looked|made|reached|held|lasted|tasted", 0, "Don't look for a silver lining on the customer's behalf."),
        r(Minimizing, "at least it|you|nobody|no|there|everything|nothing|they|your|we", 0, "Don't look for a silver lining on the customer's behalf."),
        r(Minimizing, "barely|hardly|scarcely noticeable|visible|perceptible|detectable|noticed|late|any|matters|mattered", 0, "Don't shrink it."),
        r(Minimizing, "only|purely|merely|just|largely|mostly|entirely cosmetic|aesthetic|superficial", NB, "Don't shrink it."),
        r(Minimizing, "a bit of a|an @mishap|mess|muddle|nuisance|pain|bother|mix|wait|delay", NB, "Describe it at its real size."),
        r(Minimizing, "teething problems|issues|troubles", NB, "Own the problem instead of calling it teething."),
        r(Minimizing, "a|the|this|that|some mix up|mixup|muddle|snafu|hiccup|hiccough|blip|hitch|kerfuffle", NB | OWN, "Say what actually went wrong and who did it."),
        r(Minimizing, "just|only|such|merely ?a|one small|little|tiny|minor thing|things|detail|matter|point|slip", NB, "Let the customer judge the size of it."),
        r(Minimizing, "storm in a teacup", 0, "Don't shrink it."),
        r(Minimizing, "blown|blow|blowing out of proportion", 0, "Don't tell the customer they are overreacting."),
        r(Minimizing, "overreact|overreacted|overreacting|overreaction", 0, "Don't tell the customer they are overreacting."),
        r(Minimizing, "less than ideal|perfect|optimal|satisfactory|stellar|great|happy|satisfied|pleased|impressed|smooth|seamless|excellent", 0, "Say plainly what was wrong."),
        r(Minimizing, "not|n't ?quite|entirely|exactly ideal|optimal", 0, "Say plainly what was wrong."),
        r(Minimizing, "suboptimal|sub optimal", 0, "Say plainly what was wrong."),
        r(Minimizing, "these|such things ?can|do|will ?sometimes|occasionally|just happen|occur", 0, "Don't treat it as normal; own it."),
        r(Minimizing, "it|this|that happens|can|does ?happen to ?the best|everyone|anyone|all|everybody|anybody", 0, "Don't treat it as normal; own it."),
        r(Minimizing, "it happens $", 0, "Don't treat it as normal; own it."),
        r(Minimizing, "one of those things|days", 0, "Don't treat it as normal; own it."),
        r(Minimizing, "such is life", 0, "Don't treat it as normal; own it."),
        r(Minimizing, "it is|'s what it is", 0, "Don't treat it as normal; own it."),
        r(Minimizing, "mistakes|accidents|errors ?do|can|will ?sometimes|occasionally happen|occur !again", 0, "Don't treat it as normal; own it."),
        r(Minimizing, "nobody|noone|none is|'s perfect", 0, "Don't treat it as normal; own it."),
        r(Minimizing, "no one is|'s perfect", 0, "Don't treat it as normal; own it."),
        r(Minimizing, "we|i are|am|'re only|just|all human", 0, "Don't treat it as normal; own it."),
        r(Minimizing, "all|everything ?has|have ?turned|worked|came ?out fine|well|okay|ok|alright in the end", 0, "Don't decide for the customer that it turned out fine."),
        r(Minimizing, "all|everything ?has|have turned|worked|came out fine|well|okay|ok|alright", 0, "Don't decide for the customer that it turned out fine."),
        r(Minimizing, "no|little|not|nothing ?much ?real|lasting|serious harm|damage|problem", 0, "Don't decide for the customer how much it mattered."),
        r(Minimizing, "a|an|one isolated|rare|exceptional|unusual|single|one ?off incident|occurrence|event|case|mistake|error|lapse|slip|oversight|blip|hiccup|instance", NB, "Don't tell the customer it is rare; own this one."),
        r(Minimizing, "isolated|rare|exceptional|unusual incident|occurrence|lapse|case", NB, "Don't tell the customer it is rare; own this one."),
        // ---------------- blame ----------------
        r(Blame, "approved|signed|agreed|confirmed|okayed|ok|chosen|selected|specified|requested|ordered|supplied|provided|given|entered|written|checked|authorised|measured|picked by you", DS | OWN, "Don't point out what the customer approved; own the result."),
        r(Blame, "you should|could|ought ?to have|'ve ?just|really|perhaps read|checked|told|called|contacted|informed|followed|measured|ordered|asked|mentioned|let|noticed|specified|double|reviewed|looked|paid|booked|confirmed|provided|kept|used|known|realised|said|rung|phoned|emailed|written|clarified|chosen|selected|picked|allowed|planned|waited|collected|updated|entered|stated|flagged|raised|queried|requested|spoken|tested|consulted|signed|opened|inspected|stored|handled|arranged|reported|complained|put|ticked|filled|completed|supplied|examined|returned|declared|notified|warned|highlighted|pointed|answered|replied|responded|listened|attached|included|gone|made|ensured|taken", 0, "Take the customer's side: what could you have done?"),
        r(Blame, "you were|are|was supposed|meant|expected|required|obliged|responsible|asked|instructed|advised ?to|for check|read|measure|inform|tell|let|confirm|call|contact|pay|collect|book|order|provide|specify|arrive|be|ensure|make|notify|sign|follow|keep|checking|reading|measuring|ordering|providing|ensuring|making|letting|telling|informing|leave|bring|send|return|give|put|clear|remove|empty|unlock|lock|move|tell|label|pack|pick", 0, "Don't remind the customer of their duties; say what you will do."),
        r(Blame, "you needed|ought to tell|inform|let|specify|check|read|measure|order|book|confirm|call|contact|mention|state|provide|give|select|choose|pick|follow|allow|pay|sign|collect|double|review|notify|alert|update|request|ensure|arrive", 0, "Don't remind the customer of their duties; say what you will do."),
        r(Blame, "you failed|neglected|forgot|omitted|declined|refused to", 0, "Don't shift the blame to the customer."),
        r(Blame, "you did|do|have|had not|never ?actually|even tell|told|read|check|checked|mention|mentioned|specify|specified|follow|followed|provide|provided|give|inform|informed|let|measure|measured|confirm|confirmed|answer|respond|reply|state|include|sign|notify|notified|say|raise|flag|request|update|leave|select|tick|spot|notice|attach|enter|read|left|given|paid|sent|handed", 0, "Don't shift the blame to the customer."),
        r(Blame, "you never told|mentioned|said|specified|informed|stated|confirmed|answered|replied|responded|asked", 0, "Don't shift the blame to the customer."),
        r(Blame, "you ?may|might|must ?have misread|misunderstood|misheard|mistook|miscalculated|mismeasured|overlooked|ignored|misinterpreted|misremembered|misspelt|misspelled|mistyped|forgotten|misconstrued", 0, "Don't shift the blame to the customer."),
        r(Blame, "you ?may|might ?have gave|provided|supplied|entered|typed|selected|chose|chosen|picked|ordered|specified|wrote|written|put|ticked|booked|given|sent|used|left|measured _2 wrong|incorrect|incomplete|unclear|invalid|outdated|old|inaccurate|insufficient|confusing|ambiguous", 0, "Don't shift the blame to the customer."),
        r(Blame, "the|your address|details|measurements|information|instructions|form|description|notes|postcode|specification|specifications|brief|request|directions|email|message _2 you|were|was gave|provided|supplied|sent|entered|wrote|unclear|incorrect|wrong|incomplete|confusing|ambiguous|vague|illegible|inaccurate|insufficient|misleading", NOI | DS, "Don't shift the blame to the customer."),
        r(Blame, "your ?own mistake|error|fault|misunderstanding|oversight|doing|responsibility|misreading|carelessness|negligence", NB, "Don't shift the blame to the customer."),
        r(Blame, "as you were|had|have ?been ?clearly|already|previously|repeatedly|explicitly|specifically told|advised|informed|warned|notified|instructed|reminded", 0, "Don't remind the customer what they were told."),
        r(Blame, "as @iwe|our|the _2 clearly|already|previously|repeatedly|explicitly|specifically told|advised|informed|warned|explained|stated|reminded|instructed|mentioned|said|made|pointed|noted|outlined|specified|indicated", 0, "Don't remind the customer what they were told."),
        r(Blame, "as @iwe|they warned|reminded|instructed|cautioned|advised you", 0, "Don't remind the customer what they were told."),
        r(Blame, "as ?clearly|is|was stated|outlined|set|specified|detailed|noted|indicated|displayed|written|printed|listed|advertised ?out in|on|at|during ?the|our terms|conditions|policy|contract|agreement|booking|confirmation|website|fine|small|order|email|instructions|quote|invoice|receipt|listing|description|product|page|t|site|form|leaflet|brochure|menu|label|packaging", 0, "Don't point to the small print; fix the problem."),
        r(Blame, "as per|under|within the|our ?booking|standard|usual terms|contract|agreement|policy|conditions|t|guidelines|rules|procedure|procedures|returns|cancellation|refund", 0, "Don't point to the small print; fix the problem."),
        r(Blame, "in accordance|line with the|our ?booking|standard terms|contract|agreement|policy|conditions|t|guidelines|rules|procedure", 0, "Don't point to the small print; fix the problem."),
        r(Blame, "according to the|our terms|policy|records|contract|conditions|system|agreement|logs", 0, "Don't point to the small print; fix the problem."),
        r(Blame, "the|our terms|conditions|contract|agreement|policy _4 you agreed|accepted|signed|read|consented|ticked", 0, "Don't point to the small print; fix the problem."),
        r(Blame, "you ?have|had ?already ?agreed|accepted|signed|consented|acknowledged ?to _2 terms|conditions|contract|policy|agreement|waiver|t|disclaimer", 0, "Don't point to the small print; fix the problem."),
        r(Blame, "our records show|indicate|suggest|confirm|state", 0, "Take the customer's account as given."),
        r(Blame, "we|i have|'ve|had|can ?find no record", 0, "Take the customer's account as given."),
        r(Blame, "there is|was|'s no record", 0, "Take the customer's account as given."),
        r(Blame, "^ had you !not read|checked|told|called|contacted|informed|followed|measured|ordered|asked|mentioned|let|specified|double|reviewed|looked|booked|confirmed|given|provided|come|kept|used|said|rung|phoned|emailed|written|clarified|chosen|selected|picked|allowed|arrived|collected|updated|entered|stated|flagged|raised|waited|paid|left|taken|noticed|ticked|filled|completed", 0, "Don't shift the blame to the customer."),
        r(Blame, "if you had|'d ?only|just read|checked|told|called|contacted|informed|followed|measured|ordered|mentioned|specified|double|reviewed|looked|booked|confirmed|given|provided|kept|used|said|rung|phoned|emailed|written|clarified|chosen|selected|picked|allowed|arrived|collected|updated|entered|stated|flagged|raised|waited|paid|noticed|ticked|filled|completed|let", 0, "Don't shift the blame to the customer."),
        r(Blame, "problem|issue|error|fault|mistake|wrong|caused|originated|lies|lay|problems|issues|errors _4 on|at|from your end|side", NB, "Don't shift the blame to the customer."),
        r(Blame, "for future reference", 0, "Don't lecture the customer; say what you will do."),
        r(Blame, "in|for ?the future ?, ?please|kindly ?do make|ensure|remember|check|read|allow|double|measure|specify|confirm|order|book|note|keep|review|follow|provide|give|include|try|consider|arrive|plan", 0, "Don't lecture the customer; say what you will do."),
        r(Blame, "^ going|moving forward ?, ?please|kindly ?do make|ensure|remember|check|read|allow|double|measure|specify|confirm|order|book|note|keep|review|follow|provide|give|include|try|consider|arrive|plan", 0, "Don't lecture the customer; say what you will do."),
        r(Blame, "^ next time ?, ?please|kindly ?do make|ensure|remember|check|read|allow|double|measure|specify|confirm|order|book|note|keep|review|follow|provide|give|include|try|consider|arrive|plan", 0, "Don't lecture the customer; say what you will do."),
        r(Blame, "in|for ?the future|next ?time ?, you will|'ll|should|must|may|might need|want|wish|ensure|make|check|read", 0, "Don't lecture the customer; say what you will do."),
        r(Blame, "we|i ?would|'d|always|strongly recommend|suggest|advise|urge|encourage ?that ?all you|customers|clients read|check|measure|order|allow|book|double|review|confirm|specify|ensure|plan|arrive|inspect|consult", 0, "Don't lecture the customer; say what you will do."),
        r(Blame, "customers|clients|buyers|guests|purchasers|patients|diners|visitors are|should|must|need|have|were _2 expected|required|responsible|advised|asked|check|read|ensure|make|measure|allow|obliged|supposed|meant|to", NB, "Don't lecture the customer; say what you will do."),
        r(Blame, "it is|was|'s|remains ?the customer|customers|client|buyer|your|purchaser ?'s responsibility|duty|job|onus|obligation", NB, "Don't put the duty on the customer."),
        r(Blame, "the onus", 0, "Don't put the duty on the customer."),
        r(Blame, "partly|partially|equally|jointly|also|both your|you ?'s ?fault|responsibility|mistake|doing|error", 0, "Don't share the blame out; own your part fully."),
        r(Blame, "on|from both sides|parts|ends|parties", FAULT, "Don't share the blame out; own your part fully."),
        r(Blame, "both of us|parties|sides _3 fault|blame|responsible|mistakes|contributed|misunderstood|share", 0, "Don't share the blame out; own your part fully."),
        r(Blame, "share|shared|split|sharing ?the|some|a|equal responsibility|blame|fault", 0, "Don't share the blame out; own your part fully."),
        r(Blame, "miscommunication|miscommunications|crossed wires", NB | OWN, "Say what you got wrong rather than calling it a miscommunication."),
        r(Blame, "wires got|were crossed", NB | OWN, "Say what you got wrong rather than calling it a miscommunication."),
        r(Blame, "breakdown in|of communication", NB | OWN, "Say what you got wrong rather than calling it a miscommunication."),
        r(Blame, "communication breakdown|breakdowns|issue|issues|problem|problems|error|errors|gap|failure", NB | OWN, "Say what you got wrong rather than calling it a miscommunication."),
        r(Blame, "you caused|created|triggered", NOI, "Don't shift the blame to the customer."),
        r(Blame, "not|n't entirely|wholly|totally|completely|solely|all|fully|just|only|exclusively our|my|the|us|me|we|down _2 fault|doing|responsibility|to|mistake|error|problem", 0, "Own it fully; don't divide the blame."),
        r(Blame, "not|n't entirely|wholly|totally|completely|solely|fully|only|exclusively to|responsible|at|ours|mine|accountable", 0, "Own it fully; don't divide the blame."),
        r(Blame, "you will|'ll|must|surely|should ?surely ?also appreciate|understand|realise|agree|recognise", 0, "Don't ask the customer to take your side."),
        r(Blame, "you also|too played|contributed", 0, "Don't share the blame out; own your part fully."),
        // ---------------- excuse ----------------
        r(Excuse, "traffic|weather|roads|road|snow|rain|motorway|parking|queues|post|trains|strikes _4 was|were|is|are|has|have ?been ?an ?absolute|complete|total|real ?a nightmare|terrible|awful|horrendous|gridlocked|chaos|hell|dreadful|appalling|horrific|murder|mental", DS | OWN, "Leave out the traffic and weather; own the result."),
        r(Excuse, "is|was|are|were|'s|been ?always|just|absolute|complete|total|such ?a chaos|mayhem|madness|bedlam|manic|hectic|crazy|mental|nightmare|madhouse !for", NB | DS | PV | NOYOU, "Leave out how busy you were; the customer cares what you will do."),
        r(Excuse, "is|was|are|were|'s|been ?always|just|absolute|complete|total|such ?a chaos|mayhem|madness|bedlam|manic|hectic|crazy|mental|nightmare|madhouse for us|me|our|everyone|everybody|the|a", NB | DS | PV | NOYOU, "Leave out how busy you were; the customer cares what you will do."),
        r(Excuse, "our|my|the ?card|booking|payment|ordering|coffee|ticket|online|phone|email|new|old @third ?was|were|has|had|'s|kept|been ?been playing|acting|misbehaving|malfunctioning|broken|faulty|failing|temperamental|unreliable|down|crashing|freezing|glitching|offline|slow|buggy", DS | OWN | PV, "Don't blame the system; say what you will do."),
        r(Excuse, "@iwe had|have|'ve|'d got|been ?got|had|having a lot|lot|loads|so|too|plenty on|going|to|much", DS | PV, "Leave out how busy you were; the customer cares what you will do."),
        r(Excuse, "a lot|lot|lots|loads on our|my plate|plates", DS | PV, "Leave out how busy you were; the customer cares what you will do."),
        r(Excuse, "notoriously|famously", NB, "Don't blame the product; own what you sold or fitted."),
        r(Excuse, "due|owing|down|attributable|attributed to _3 @causes", NB2 | DS | PV | NOMY | AGX, "Leave out the reason; own the result."),
        r(Excuse, "because|result|consequence|account ?of _3 @causes", NB2 | DS | PV | NOMY | AGX, "Leave out the reason; own the result."),
        r(Excuse, "thanks to the|our|a|an|some _2 @third|weather|snow|storm|traffic|strike|strikes|glitch|outage|backlog|rush|staff|staffing|shortage|shortages|illness|sickness", NB | DS | PV | NOMY, "Leave out the reason; own the result."),
        r(Excuse, "caused|brought|triggered|created|driven by _3 @causes", NB | DS | PV | NOMY, "Leave out the reason; own the result."),
        r(Excuse, "stemmed|stems|stemming|resulted|results|arose|arising from _3 @causes", NB | DS | PV | NOMY, "Leave out the reason; own the result."),
        r(Excuse, "beyond|outside|out ?of ?our|my|anyone|the|their|anybody ?'s ?direct control", NB | DS, "Own what you could control: what you will do now."),
        r(Excuse, "beyond|outside ?of our|my|anyone|the|their|anybody ?'s hands", NB | DS, "Own what you could control: what you will do now."),
        r(Excuse, "is|was|'s|are|were|been|it|things|matters|entirely|completely|totally|simply|just out of our|my|anyone|the|their ?'s hands", NB | DS, "Own what you could control: what you will do now."),
        r(Excuse, "not|n't within|in|under our|my control", DS, "Own what you could control: what you will do now."),
        r(Excuse, "no way|means to|of|could ?have predicted|foreseen|known|anticipated|prevented|avoided|knowing|predicting|foreseeing|telling", DS, "Own it instead of saying it couldn't be helped."),
        r(Excuse, "nothing|little @iwe|anyone|anybody|one|they could|can ?have do|done !will|would|can|could|to|now|undo|that|which|about", DS, "Own it instead of saying it couldn't be helped."),
        r(Excuse, "our|my hands were|are tied", 0, "Own it instead of saying it couldn't be helped."),
        r(Excuse, "unforeseen|unforeseeable|unavoidable|unexpected|exceptional|extraordinary|unprecedented|extenuating|mitigating|uncontrollable|external ?and ?unforeseen|unexpected circumstances|events|issues|problems|delays|difficulties|demand|staff|staffing|illness|absence|factors|shortage|shortages|disruption|conditions|complications|setbacks|challenges|sickness|weather|pressures|situation", NB | DS | PV, "Leave out the reason; own the result."),
        r(Excuse, "unprecedented", NB | DS | PV, "Leave out the reason; own the result."),
        r(Excuse, "@iwe|staff|team|everyone|everybody|shop|kitchen|bakery|workshop were|was|had|'d|have|'ve|has|'s ?been _3 busy|short|understaffed|overwhelmed|swamped|stretched|inundated|snowed|rushed|slammed|overstretched|overloaded|overrun|ill|sick|unwell|struggling|exhausted|tired|stressed|juggling|flat|busier|overworked|rammed|firefighting !with|by", NB | DS | PV | NOYOU, "Leave out how busy you were; the customer cares what you will do."),
        r(Excuse, "short|under|thin ?on staffed|staff|handed|hands", NB | DS | PV, "Leave out how busy you were; the customer cares what you will do."),
        r(Excuse, "understaffed|understaffing|overstretched|overworked", NB | DS | PV, "Leave out how busy you were; the customer cares what you will do."),
        r(Excuse, "staff|staffing|labour|team|driver|workforce shortage|shortages|issues|problems|absence|absences|sickness|illness|turnover", NB | DS | PV, "Leave out the reason; own the result."),
        r(Excuse, "extremely|really|very|exceptionally|unusually|incredibly|particularly|so|crazy|ridiculously|insanely|super|especially|terribly|hugely|extraordinarily busy|hectic|manic|chaotic|overwhelmed", NB | DS | PV | NOYOU, "Leave out how busy you were; the customer cares what you will do."),
        r(Excuse, "our|the|a|this busiest|peak|festive|holiday|christmas|busy|hectic|rush|seasonal|mad|crazy season|period|time|week|weekend|month|months|rush|spell|stretch", NB | DS | PV | NOMY | NOYOU | AFT, "Leave out the timing; own the result."),
        r(Excuse, "a|an|one busy|hectic|crazy|chaotic|exceptional|unusual|mad|manic|frantic time|week|period|day|season|month|weekend|few|morning|afternoon|spell|stretch|couple|year !for", NB | DS | PV | NOYOU, "Leave out the reason; own the result."),
        r(Excuse, "high|heavy|unusually|record|huge|exceptional|unprecedented|increased|overwhelming|sheer|large|massive|enormous|surge|influx _2 volume|volumes|demand|number|numbers|amount|levels|orders|bookings|calls|enquiries|requests|traffic|workload", NB | DS | PV, "Leave out the reason; own the result."),
        r(Excuse, "@third|@staff let us|me down", DS | OWN, "Don't blame your supplier; the customer dealt with you."),
        r(Excuse, "they|he|she let us|me down", DS | OWN, "Don't blame others; the customer dealt with you."),
        r(Excuse, "our|my|the|a|their _2 @third ?'s ?has|had|have|was|were|'d|then ?also ?completely|been failed|forgot|lost|mislaid|misplaced|dropped|broke|damaged|misread|misheard|misunderstood|overlooked|neglected|mislabelled|messed|crashed|glitched|malfunctioned|delayed|mixed|muddled|botched|bungled|mishandled|misrouted|misdirected|missed|cancelled|overbooked|let|sent|shipped|supplied|ran|went|late|unable|short|down|behind|slow|unreliable|wrong|incorrect|faulty|broken|closed|overwhelmed|understaffed|backed|offline|experiencing|having|ill|sick|delivered|froze|swamped|changed|mixed|confused|misprinted|printed|packed|forgetting|failing|dispatched|flagged|rejected|bounced|filtered|refused|declined", DS | OWN | PV | NOPREP, "Don't blame your suppliers or systems; the customer dealt with you."),
        r(Excuse, "glitch|glitches|glitched|glitchy|outage|outages|malfunction|malfunctioned|malfunctioning|bug|bugs|crashed|crash", NB | DS | OWN | PV, "Don't blame the system; say what you will do."),
        r(Excuse, "the|our|a system|systems|computer|computers|software|website|till|server|network|app|platform|database|machine|reader|printer|scanner ?had|has|was|were|'s|went|have ?a|an|been down|offline|faulty|broken|broke|froze|frozen|failed|error|bug|glitch|crashed|hiccup|corrupted|duplicated|double|playing|acting|malfunctioned|problems|issues|problem|issue|fault|wrong|automatically|generated", DS | OWN | PV | NOPREP, "Don't blame the system; say what you will do."),
        r(Excuse, "?a|an|the technical|computer|system|systems|software|admin|administrative|clerical|processing|database|data|printing|labelling|packing|input|keying|typing|transcription|logistical|logistics|courier|postal|supplier|warehouse|carrier|dispatch|shipping|manufacturing|factory error|errors|issue|issues|problem|problems|fault|faults|failure|failures|hitch|hitches|glitch|glitches|oversight|difficulties|difficulty|hiccup|blip|mix|delay|delays", NB | DS | OWN | PV, "Leave out the kind of error; say whose it was: yours."),
        r(Excuse, "human error", NB | OWN, "Say whose error it was: yours."),
        r(Excuse, "through no fault of our|my own", 0, "Own it."),
        r(Excuse, "not|n't|never our|my|us|me ?own fault|doing|mistake|error|responsibility|decision|call", 0, "Own it."),
        r(Excuse, "not|n't down to us|me", 0, "Own it."),
        r(Excuse, "nobody|noone|anyone|anybody ?'s|is|was _2 fault|to blame", 0, "Own it: name who got it wrong."),
        r(Excuse, "no one|single ?'s|is|was|person _2 fault|to blame", 0, "Own it: name who got it wrong."),
        r(Excuse, "new|temporary|trainee|junior|inexperienced|agency|relief|temp|seasonal|holiday|young|novice|newer member|members|starter|starters|hire|hires|recruit|recruits|trainee|apprentice|employee|employees|staffer|colleague|colleagues|staff|driver|worker|workers|assistant|baker|fitter|cashier|chef|technician|engineer|waiter|waitress|girl|lad|boy|guy|person", DS | OWN | PV | FAULT, "Don't point at a colleague; the business is yours to answer for."),
        r(Excuse, "@staff|@third ?'s first|second|third day|week|shift|month|job|morning", DS | OWN, "Don't point at a colleague; the business is yours to answer for."),
        r(Excuse, "his|her|their|its first|second day|week|shift|month|job", DS | OWN | FAULT, "Don't point at a colleague; the business is yours to answer for."),
        r(Excuse, "one of our|my @staff|@third|people|newer|new|trainees|juniors", DS | OWN | PV | FAULT, "Don't point at a colleague; the business is yours to answer for."),
        r(Excuse, "@staff|@third 's _2 fault|error|mistake|doing|oversight|responsibility|blunder|slip", NB | DS | OWN, "Don't blame others; the customer dealt with you."),
        r(Excuse, "it|this|that|which was|is|were|'s not|never intentional|deliberate|intended|meant|malicious|personal|purposeful|wilful", 0, "Intent doesn't matter to the customer; own the result."),
        r(Excuse, "not|never on purpose", 0, "Intent doesn't matter to the customer; own the result."),
        r(Excuse, "@iwe did|do|had not|never mean|intend|meant|intended to", 0, "Intent doesn't matter to the customer; own the result."),
        r(Excuse, "was|is|'s never|not ?at ?all our|my !place|business|finest|best|proudest|greatest|brightest|usual|normal|standard|standards|style|way|first|job|role|right|area|speciality|specialty|strongest|most ?intention|intent|aim|plan|wish|goal", 0, "Intent doesn't matter to the customer; own the result."),
        r(Excuse, "our|my intention|intent|aim was|is|'s never|not|only", 0, "Intent doesn't matter to the customer; own the result."),
        r(Excuse, "nobody|noone|no ?one intended|meant|wanted", 0, "Intent doesn't matter to the customer; own the result."),
        r(Excuse, "we|i pride ourselves|myself", 0, "Leave your record out of it; this time you got it wrong."),
        r(Excuse, "we|i|team|staff always|usually|normally|typically|generally|ordinarily strive|aim|pride|take|check|double|make|ensure|go|get|deliver|do|try|work|have|are|provide|offer|pack|test|inspect|am|pack|send|ship|call|ring|run", DS | PV | OWN, "Leave your record out of it; this time you got it wrong."),
        r(Excuse, "this|that|it|such|which is|was|'s ?very|highly|extremely|most|quite|really|so|truly|completely|totally|rather unusual|uncommon|rare|atypical|uncharacteristic|unlike|exceptional", NB | DS | PV, "Don't tell the customer it is rare; own this one."),
        r(Excuse, "not|n't like us|me|our|my", DS, "Don't tell the customer it is rare; own this one."),
        r(Excuse, "out of character", NB, "Don't tell the customer it is rare; own this one."),
        r(Excuse, "rarely|seldom|hardly|never|almost|not ?ever|usually|normally|often|before ?ever happens|happened|occurs|occurred !again", DS | PV, "Don't tell the customer it is rare; own this one."),
        r(Excuse, "first|only time|ever|complaint|mistake|error|problem|issue|time this|that|it|we|such _2 happened|has|had|have|occurred|made|received", DS | PV | NB, "Don't tell the customer it is rare; own this one."),
        r(Excuse, "@iwe did|do|tried|try|were|are|had|have|'ve ?tried ?trying our|my best|utmost|hardest", DS, "Effort doesn't matter to the customer; own the result."),
        r(Excuse, "@iwe did|tried|had ?done everything|all @iwe|in|that could|can|possible", DS, "Effort doesn't matter to the customer; own the result."),
        r(Excuse, "despite|spite ?of our|my|all|the _2 best|efforts|checks|care|precautions|attempts|procedures|processes|systems|training|hard|diligence|experience", 0, "Effort doesn't matter to the customer; own the result."),
        r(Excuse, "@iwe|team|staff|business|shop ?have|had|'ve|'d|were|was|are|is|'re|am ?been ?recently|currently|also|unfortunately|sadly experiencing|experienced|facing|faced|dealing|dealt|having|suffering|suffered|encountering|encountered|hit|battling|grappling|coping|navigating|contending|struggling _4 issues|issue|problems|problem|difficulties|difficulty|challenges|delays|shortages|illness|sickness|absence|disruption|outage|bereavement|emergency|setbacks|hiccups|glitches|pressures|backlog|backlogs|demand|teething|complications|troubles|trouble|staffing", DS | PV, "Leave out your troubles; the customer cares what you will do."),
        r(Excuse, "family|personal|medical|domestic emergency|emergencies|reasons|circumstances|matters|issues|problems|bereavement|crisis|illness", NB | DS, "Leave out the reason; own the result."),
        r(Excuse, "bereavement", NB | DS, "Leave out the reason; own the result."),
        r(Excuse, "was|were|been|fell|went|called|off|got|had|came|come|being ?in|down|off ill|sick|unwell|poorly", NB | DS | PV | NOYOU, "Leave out the reason; own the result."),
        r(Excuse, "?the|bad|heavy|severe|awful|terrible|poor|freak|extreme|unseasonal|wintry|icy|stormy weather|snow|storm|storms|rain|floods|flooding|traffic|roadworks|strike|strikes|fog|ice|wind|winds|heatwave|closure|closures|diversion _2 delayed|meant|caused|prevented|stopped|held|made|slowed|disrupted|affected|closed|blocked|hit|hampered|impacted|kept|set|put|left", DS | OWN, "Leave out the weather; own the result."),
        r(Excuse, "it|this|that|which|such|delays|these is|was|'s|are ?quite|fairly|very|completely|perfectly|entirely|pretty|rather|totally inevitable|unavoidable|commonplace|typical", NB, "Don't call it normal; own it."),
        r(Excuse, "it|this|that|which|such|delays|these is|was|'s|are ?quite|fairly|very|completely|perfectly|entirely|pretty|rather|totally common|normal|standard|usual|routine for|in|during|at|practice|with|when|across|these|this", NB, "Don't call it normal; own it."),
        r(Excuse, "to be expected", NB, "Don't call it normal; own it."),
        r(Excuse, "not|n't uncommon|unusual|unheard|rare|abnormal", 0, "Don't call it normal; own it."),
        r(Excuse, "not|n't an ?uncommon|unusual|unheard|rare|abnormal", 0, "Don't call it normal; own it."),
        r(Excuse, "industry|company|standard|normal|common|accepted|house|shop|store ?'s policy|practice|practise|procedure|norm", NB | PV, "Don't point to policy; say what you will do."),
        r(Excuse, "our|the ?standard|normal|usual|strict ?company policy|procedure|procedures|process|protocol|rules|guidelines|practice states|stated|requires|required|says|dictates|prevents|prevented|clearly|only|allows|permits|forbids|prohibits|means|does", DS | PV | OWN, "Don't point to policy; say what you will do."),
        r(Excuse, "@iwe|staff|team ?have|had|'ve|'d|were|was ?fully|correctly|properly|carefully|strictly|simply|only|just|always followed|adhered|complied|stuck|acted _3 procedure|procedures|policy|process|protocol|guidelines|instructions|rules|standards|practice|terms|book|accordance|usual", DS, "Don't defend the process; own the result."),
        r(Excuse, "in|to our|my defence", 0, "Drop the defence; own it."),
        r(Excuse, "we|i _2 must|should|would|'d|want|wanted|need|feel ?like ?to point|remind|stress|emphasise|clarify|note|highlight|underline", NB | DS | PV, "Drop the explanation; the customer wants the fix."),
        r(Excuse, "it is|'s|has ?to ?be worth|important ?to noting|note|pointing|point|mentioning|mention|remembering|remember|stressing|emphasising|bearing|saying", 0, "Drop the explanation; the customer wants the fix."),
        r(Excuse, "it should|must be noted|said|stressed|emphasised|pointed|remembered|borne", 0, "Drop the explanation; the customer wants the fix."),
        r(Excuse, "please|kindly understand|appreciate|bear|realise|recognise|excuse", 0, "Don't ask the customer to understand; say what you will do."),
        r(Excuse, "hope|trust|sure|certain|confident you ?will|would|can|'ll|'d|do|are|'re ?be ?able ?to ?fully understand|appreciate|realise|sympathise|bear|imagine|relate|empathise|accept", 0, "Don't ask the customer to understand; say what you will do."),
        r(Excuse, "as you|one ?can|will|may|might|could|would ?well imagine|appreciate|understand|expect|guess", 0, "Don't ask the customer to understand; say what you will do."),
        r(Excuse, "your|you ?patience ?and ?kind understanding|forbearance|tolerance|indulgence|leniency", NB, "Don't ask the customer to understand; say what you will do."),
        r(Excuse, "thank|thanks ?you for|in bearing with", OWN, "Don't thank the customer for putting up with it."),
        r(Excuse, "the reason|reasons|cause _3 is|was|were|'s _3 @causes", NB | DS | PV | NOMY, "Leave out the reason; own the result."),
        r(Excuse, "delayed|held|stuck|caught _2 in|at|by|up _3 customs|traffic|transit|depot|warehouse|courier|post|mail|supplier|snow|weather|port|sorting|hub|backlog|queue", DS | OWN, "Leave out the reason; own the result."),
        r(Excuse, "our|my|the|his|her|their|a ?new|usual|regular @third _3 did|does|had|has|have|could|would|was|were|is|are not|never|unable", DS | OWN | PV | AFT, "Don't blame your suppliers or systems; the customer dealt with you."),
        // ---------------- passive ----------------
        r(Passive, "somewhere along the line|way", OWN, "Say where it went wrong and who did it."),
        r(Passive, "mistakes|errors|error|mistake|misjudgements|misjudgments|misjudgement|oversights|oversight|decisions|missteps ?have|has|had|may|might|were|was|got ?have ?been made|committed|introduced !by", 0, "Say who made it: \"I made a mistake\"."),
        r(Passive, "a|an|the|some|this|that|errors|mistakes|issues|problems|faults|glitches ?@trouble|error|mistake|problem|issue|fault|glitch|mix|oversight|mishap|incident|discrepancy|inaccuracy|irregularity|anomaly|breakdown ?up ?has|have|had|may|might|seems|seem|appears ?to ?have ?been occurred|occured|happened|arose|arisen|crept|slipped|cropped|emerged|surfaced|developed|resulted !because", NOI | DS, "Say what you did: \"I [what went wrong]\"."),
        r(Passive, "something|things|everything|stuff|matters ?has|have|had|must|may|might|seems|seem|appears|appear ?to ?have ?obviously|clearly|evidently|somehow|seemingly went|gone|go|got|fell|slipped|turned|were|been wrong|awry|amiss|astray|pear|sideways|south", NOI | DS, "Say what you did: \"I [what went wrong]\"."),
        r(Passive, "it|this|that ?has|have|had|must|may|might|seems|seem|appears|appear ?to ?have ?obviously|clearly|evidently|somehow|seemingly went|gone|got|fell|slipped wrong|awry|amiss|astray|pear|sideways|south !because", NOI | DS, "Say what you did: \"I [what went wrong]\"."),
        r(Passive, "was|were|got|has|have|had|went|been|somehow ?been|gone|got ?somehow ?completely mixed|lost|mislaid|misplaced|overlooked|forgotten|mishandled|misdirected|misrouted|mislabelled|misfiled|muddled|astray|confused|neglected|botched|bungled|duplicated|omitted|skipped|deleted|misread|misprocessed|mismanaged|overbooked|incorrectly|wrongly|poorly|improperly|erroneously|mistakenly|inadvertently|accidentally", OWN | DS, "Say who did it: \"I [lost / forgot / sent]...\"."),
        r(Passive, "was|were|has|have|had not ?been handled|processed|dealt|managed|packed|checked|delivered|done|made|fitted|installed|sent|treated|prepared|cooked|followed|actioned|recorded|passed|logged correctly|properly|right|appropriately|well|professionally|promptly|adequately|as|with", OWN | DS, "Say who did it: \"I didn't [handle / check]...\"."),
        r(Passive, "handled|processed|dealt|managed|treated|fitted|installed|made|packed|packaged|labelled|prepared|entered|served|cooked|delivered|shipped|dispatched|charged|billed|sent|cut|coloured|fixed|repaired|measured|quoted|priced|printed|booked|scheduled|recorded|applied|issued|given|supplied|taken|built|done|completed|finished|calculated ?with _2 incorrectly|wrongly|poorly|badly|improperly|inadequately|inappropriately|carelessly|erroneously|mistakenly|inadvertently|accidentally|unintentionally|unprofessionally", OWN | DS, "Say who did it: \"I [handled / sent]...\"."),
        r(Passive, "erroneously|inadvertently|mistakenly|accidentally|wrongly|incorrectly|unintentionally ?been sent|charged|processed|cancelled|billed|dispatched|delivered|shipped|applied|issued|entered|deleted|removed|given|supplied|packed|labelled|booked|assigned|refunded|taken|marked|recorded|made|omitted|left|added|put|double", OWN | DS, "Say who did it: \"I [sent / charged]...\"."),
        r(Passive, "in error", OWN | DS, "Say who did it: \"I [sent / charged] ... by mistake\"."),
        r(Passive, "by mistake", OWN | DS, "Say who did it: \"I [sent / charged] ... by mistake\"."),
        r(Passive, "it|this|that|which is|was|'s|seems|seemed|remains|has ?been ?most|deeply|very|highly|truly|extremely|really|so|incredibly|rather|somewhat|quite|certainly|indeed|a|such ?great|real regrettable|unfortunate|lamentable|deplorable|unlucky|shame|pity", NOI, "Say \"I'm sorry I...\" instead of calling it unfortunate."),
        r(Passive, "regrettably|unfortunately|sadly|lamentably|unluckily", NOI | OWN | DS, "Say \"I'm sorry I...\" and name what you did."),
        r(Passive, "regrettable|lamentable", 0, "Say \"I'm sorry I...\" instead of calling it regrettable."),
        r(Passive, "the|this|an|that|these|such|a unfortunate|regrettable|unlucky|unhappy|unpleasant|sorry ?sequence|chain|series|turn|state|set ?of ?events|incident|situation|event|matter|circumstances|mix|occurrence|episode|experience|error|mistake|delay|affair|issue|oversight|business|accident|events|incidents|misunderstanding", NB, "Name what happened and who did it."),
        r(Passive, "the|this|a|an|any|some ?slight|small|minor|unfortunate misunderstanding|misunderstandings", NB | OWN, "Say what you got wrong instead of calling it a misunderstanding."),
        r(Passive, "there|it seems|seemed|appears|appeared|would ?seem|appear ?that|to ?there ?have|has|was|were|be|been|is ?been ?a|an|some ?slight|small|minor|bit ?of ?a @trouble|error|misunderstanding|mix|issue|confusion|problem|mistake|miscommunication|glitch|oversight|discrepancy|breakdown|delay", OWN, "Say plainly what you did wrong."),
        r(Passive, "the|our|this company|business|management|firm|organisation|store|shop|restaurant|salon|hotel|centre|practice|brand|agency|bakery|studio|garage regrets|apologises|regret|apologise", NOI, "Apologise in the first person: \"I am sorry\"."),
        r(Passive, "the|our|this company|business|management|firm|organisation|store|shop|restaurant|salon|hotel|centre|practice|brand|agency|bakery|studio|garage is|wishes|would|'d _2 apologise|sorry|regret|apologies|apologetic", NOI, "Apologise in the first person: \"I am sorry\"."),
        r(Passive, "lessons|lesson have|has|were|was|will|are|'ve ?been|be|being learned|learnt|taken", 0, "Say what you learned and what you changed."),
        r(Passive, "the|this|your matter|issue|problem|situation|error|mistake|complaint|case|concern|incident|query|feedback has|have|was|is|'s ?been|being ?now|duly|fully rectified|escalated|noted|logged|investigated|looked|passed|recorded|forwarded|addressed|registered|flagged|handled|referred|dealt|reviewed|resolved", NOI | DS, "Say who is doing what, and when."),
        // ---------------- feelings ----------------
        r(Feelings, "@apol _4 came|come|comes|seemed|sounded|appeared|felt across|like|as|to|over", AGX, "Apologise for what you did, not for how it came across."),
        r(Feelings, "@apol ?that you did|do|have not|never feel|felt|enjoy|enjoyed|like|liked|love|loved|appreciate|appreciated|find|found", 0, "Apologise for what you did, not for what the customer didn't enjoy."),
        r(Feelings, "@apol ?that ?to ?hear the|this|our|it|this|that|what|your ?situation|experience|matter|incident|visit|stay|meal|service|news ?has|have|may|might|must ?have upset|upsets|disappointed|disappoints|frustrated|annoyed|offended|bothered|distressed|troubled|saddened|hurt|angered|upsetting|disappointing|frustrating", 0, "Apologise for what you did, not for the customer's reaction."),
        r(Feelings, "@apol|sad|saddened|disappointed|concerned|upset|sorrowful ?that ?to ?hear|learn|see|read|know|find ?that you|everyone|anyone ?may|might|must|should|would ?have feel|felt|feeling|feels|think|thought|believe|believed|perceive|perceived|consider|considered|seem|seemed|view|viewed|regard|regarded|interpret|interpreted", AGX, "Apologise for what you did, not for how the customer feels."),
        r(Feelings, "@apol|sad|saddened|disappointed|concerned ?that ?to ?hear|learn|see|read|know ?that you|anyone ?are|'re|were|was|have|'ve|had|'d|may|might|must|feel|felt|came|come|went|left ?have ?been|be|away|feeling _3 @feel|dissatisfied|happy|satisfied|pleased|impressed|thrilled|delighted|unsatisfied|disappointed", AGX, "Apologise for what you did, not for how the customer feels."),
        r(Feelings, "@apol ?that|to ?hear|learn ?that you ?were|have|'ve|are|'re|felt ?been ?so|very|a|bit|little|really ?let|put down|out", 0, "Apologise for what you did, not for how the customer feels."),
        r(Feelings, "@apol ?that|to ?hear|learn ?that you found|find _3 @feel|disappointing|unsatisfactory|lacking|frustrating|upsetting|below|less|wanting|unacceptable|poor|inadequate|substandard|unhelpful|rude|slow|unfriendly|dismissive|cold|unprofessional|confusing|difficult|hard|unclear|impolite|abrupt|curt|off|overpriced|expensive", 0, "Apologise for what you did, not for how the customer found it."),
        r(Feelings, "@apol ?to ?hear ?that this|that|it|the|our|your _2 ?has|have|'s|may|might|had ?have left|made|caused|led|leaves|makes you ?to ?with feel|feeling|felt|thinking|@feel", 0, "Apologise for what you did, not for the feelings it left."),
        r(Feelings, "@apol _3 for|about|over how|the|what ?way ?that you ?are|were|may|might feel|felt|feeling|perceived|view|viewed", 0, "Apologise for what you did, not for how the customer feels."),
        r(Feelings, "@apol _4 for|about|over|with|at|regarding your|the|this|any|that|such ?obvious|evident|understandable|clear|recent feelings|feeling|frustration|frustrations|disappointment|dissatisfaction|displeasure|upset|annoyance|anger|unhappiness|dismay|distress|perception|impression|hurt|irritation|discontent|chagrin|exasperation|experience !i|we|this|that|it|my|our|caused|was|on|of|at|you", 0, "Apologise for what you did, not for how the customer feels."),
        r(Feelings, "sorry|sad|saddened|disappointed|concerned|regret|upset|distressed|dismayed|troubled|alarmed to hear|learn|read", 0, "Apologise for what you did, not for hearing about it."),
        r(Feelings, "did|does|do|fall|fell|falls|falling|failed|fail|failing|not|below|short|beneath ?not ?to ?of ?quite|fully|completely|entirely|always ?meet|match|live|satisfy|reach|fulfil ?up ?to ?of your ?own|personal|high|usual|particular|individual|full|initial|original|reasonable expectations|expectation|standards|satisfaction|liking|taste|hopes|wishes", 0, "Say what you got wrong, not that it missed the customer's expectations."),
        r(Feelings, "not|n't to|up ?to your ?customer ?'s satisfaction|liking|taste|expectations|standard|standards", 0, "Say what you got wrong, not that it missed the customer's expectations."),
        r(Feelings, "not|n't to|up ?to the ?customer ?'s satisfaction|liking|taste|expectations", 0, "Say what you got wrong, not that it missed the customer's expectations."),
        r(Feelings, "you ?may|might feel|see|felt|saw|view|viewed|perceive|perceived ?it|things|this|the|matter|situation that|this way", 0, "Talk about what you did, not how the customer sees it."),
        r(Feelings, "that is|'s|was how you feel|felt|see|saw", 0, "Talk about what you did, not how the customer sees it."),
        r(Feelings, "your perception|interpretation|version of", 0, "Take the customer's account as given."),
        r(Feelings, "@apol _3 your|this|the ?negative|poor|bad|disappointing|unsatisfactory|unpleasant|frustrating|unhappy|recent experience|experiences !you", 0, "Apologise for what you did, not for the customer's experience of it."),
        r(Feelings, "a|an|your negative|poor|bad|disappointing|unsatisfactory|unpleasant|frustrating|unhappy|upsetting|unfortunate experience|experiences", NB | AGX, "Apologise for what you did, not for the customer's experience of it."),
        // ---------------- hedge ----------------
        r(Hedge, "not|n't accept|admit|agree|concede|believe|think|feel|say|claim ?that ?@iwe|this|it|the|our _3 fault|blame|responsible|wrong|liable|mistake|error|negligent|culpable", 0, "Don't argue about fault in an apology; own it or don't send it."),
        r(Hedge, "without|no|not|nor|any ?an|any admitting|admission|accepting|acceptance|conceding|acknowledging|prejudice|prejudicing|implying|admit|accept|concession|presumption ?of ?any|our liability|fault|responsibility|guilt|wrongdoing|blame|negligence", 0, "Drop the legal hedge: you are apologising, not negotiating."),
        r(Hedge, "without prejudice|obligation", 0, "Drop the legal hedge: you are apologising, not negotiating."),
        r(Hedge, "liability|liable|litigation|culpability|culpable", ACC, "Drop the legal language: you are apologising, not negotiating."),
        r(Hedge, "does|should|must|is|will|can|shall not _2 constitute|constitutes|be|deemed|construed|taken|seen|treated|interpreted|considered|regarded|amount|imply|implies|mean|means ?as ?an|a|any admission|acceptance|acknowledgement|concession|indication|implication|evidence|liability", 0, "Drop the legal hedge: you are apologising, not negotiating."),
        r(Hedge, "goodwill|gratia|gratuitous|discretionary", NB, "Call it what it is: making up for your mistake, not a favour."),
        r(Hedge, "as a courtesy", 0, "Call it what it is: making up for your mistake, not a favour."),
        r(Hedge, "courtesy refund|credit|payment|voucher|discount|gesture|gift", 0, "Call it what it is: making up for your mistake, not a favour."),
        r(Hedge, "not obliged|obligated|bound|compelled|obligation", 0, "Don't tell the customer you didn't have to; just make it right."),
        r(Hedge, "under no obligation", 0, "Don't tell the customer you didn't have to; just make it right."),
        r(Hedge, "not legally|strictly required|obliged|bound|obligated|necessary", 0, "Don't tell the customer you didn't have to; just make it right."),
        r(Hedge, "@apol _3 for|about|regarding|over any|whatever|anything", NB, "Say exactly what you are sorry for instead of \"any\"."),
        r(Hedge, "any @trouble|offence|confusion|misunderstanding|problems|shortcomings|failings|mistakes|errors|mix|hurt|harm|damage|issues|difficulties this|that|which|we|it|you|our|they ?may|might|could|has|have|had caused|experienced|suffered|incurred|occasioned|resulting|resulted|arising|encountered|felt|created|brought|endured|have|had|may|might", NOIF, "Name the harm you caused instead of \"any\"."),
        r(Hedge, "any @trouble|offence|confusion|misunderstanding|problems|shortcomings|failings|mistakes|errors|mix|hurt|harm|damage|issues|difficulties caused|experienced|suffered|incurred|occasioned|resulting|arising", NOIF, "Name the harm you caused instead of \"any\"."),
        r(Hedge, "any|whatever @trouble|offence|confusion|misunderstanding|hurt|mistakes|errors|failings|shortcomings|difficulties|part|role|mix|pain", AP | NOIF | NB, "Name the harm you caused instead of \"any\"."),
        r(Hedge, "may|might|could ?well|possibly|perhaps|potentially|inadvertently|unwittingly|unknowingly|somehow|unintentionally|conceivably have|'ve ?unintentionally|inadvertently caused|occurred|happened|arisen|resulted|experienced|suffered|fallen|upset|offended|inconvenienced|disappointed|contributed|misunderstood|erred|failed|confused|misled|overlooked|hurt|frustrated|annoyed|played|led|slipped|mixed|muddled|misread|misheard", 0, "Don't hedge: it did happen."),
        r(Hedge, "may|might have|'ve made a|an|some|mistakes|errors|mistake|error", 0, "Don't hedge: it did happen."),
        r(Hedge, "may|might|could ?well|possibly|perhaps have|'ve been some|a|an|any|made|caused|mistakes|errors|at|partly|less|unclear|confusing|inconvenienced|upset|disappointed|affected|delays|problems|issues|confusion|misunderstanding|wrong|incorrect|overcharged|misinformed|misled|mishandled|delayed|slower|mistaken|room|in|lacking|below|short|remiss|insufficient|inadequate|lax|careless|hasty|unhelpful|dismissive|frustrated", 0, "Don't hedge: it did happen."),
        r(Hedge, "may|might ?well ?be ?have ?been at|partly|somewhat|some|to|part|in|responsible|fault|blame|mistaken|wrong|an|a|some _2 fault|blame|responsible|error|mistake|oversight|slip|misunderstanding|confusion", NOIF, "Don't hedge: own it."),
        r(Hedge, "arguably|allegedly|supposedly|reportedly|apparently|purportedly|seemingly|ostensibly", NB | OWN, "Drop the hedge: take the customer's account as given."),
        r(Hedge, "what you describe|described|describing|perceive|perceived|term|termed|characterise|characterised|claim|claimed|allege|alleged|consider|considered|regard|regarded", 0, "Take the customer's account as given."),
        r(Hedge, "what you call|called|refer|referred ?to as", 0, "Take the customer's account as given."),
        r(Hedge, "your ?recent claim|claims|allegation|allegations|assertion|assertions|contention|version|account|complaint|suggestion|belief|position|statement|report|impression that", 0, "Take the customer's account as given."),
        r(Hedge, "the|this|your|an|any|a|that alleged|perceived|supposed|claimed|apparent|purported @trouble|@mishap|lack|failure|failures|fault|faults|issue|issues|problem|problems|incident|damage|mistake|error|shortcoming|shortcomings|breach|defect|defects|mistreatment|rudeness|overcharge|overcharging|lateness|mix", 0, "Take the customer's account as given."),
        r(Hedge, "so called", 0, "Take the customer's account as given."),
        r(Hedge, "you claim|claimed|allege|alleged|assert|asserted|contend|contended|purport", 0, "Take the customer's account as given."),
        r(Hedge, "to some|a|an|certain|limited|degree|what|partial _2 extent|degree", 0, "Own the whole thing, not a part of it."),
        r(Hedge, "in some|certain ways|respects|way|regards|sense", AP, "Own the whole thing, not a part of it."),
        r(Hedge, "some|partial|limited|part|partly|degree|share|portion|measure|element _3 responsibility|blame|liability|fault|accountability", NB, "Own the whole thing, not a part of it."),
        r(Hedge, "partly|partially|somewhat|equally|jointly ?to blame|responsible|at|fault|ours|mine|our|my|down|accountable|culpable|liable", 0, "Own the whole thing, not a part of it."),
        r(Hedge, "in part to|responsible|because|due|our|my", 0, "Own the whole thing, not a part of it."),
        r(Hedge, "any|whatever|our|what|the part|role|contribution|share @iwe|our|that|this|may|might|played|in", NB, "Own the whole thing, not a part of it."),
        r(Hedge, "whether|regardless|irrespective ?of ?or ?not who|whose|where|what|whether|or|@iwe|anyone|it|this|the _3 fault|blame|wrong|responsible|responsibility|mistake|error|caused|culpable|liable", 0, "Own it without the \"whether or not\"."),
        r(Hedge, "whoever|whatever|whichever _3 fault|blame|responsible|responsibility|caused|cause|reason|wrong", 0, "Own it without the \"whoever\"."),
        r(Hedge, "take|taking|takes|treat|treats _3 complaints|complaint|feedback|concerns|comments|matters _2 very|extremely|incredibly|most|really|seriously", 0, "Show it by what you do, not by saying you take it seriously."),
        r(Hedge, "your feedback|comments|complaint|concerns|views|input|thoughts|opinion|feedbacks is|are|has|have|was|were|'s|will ?been|be ?very|extremely|most|really|greatly|truly|always important|valuable|valued|noted|logged|recorded|appreciated|welcome|welcomed|shared", 0, "Show it by what you do, not by saying you value feedback."),
        r(Hedge, "your feedback|comments|complaint|concerns|views|input|thoughts|opinion|feedbacks is|are|has|have|was|were|'s|will ?been|be passed|escalated|forwarded|referred on|onto|up", 0, "Show it by what you do, not by saying you passed it on."),
        r(Hedge, "your feedback|comments|complaint|concerns|views|input|thoughts|opinion|feedbacks is|are|has|have|was|were|'s|will ?been|be passed|escalated|forwarded|referred to the|our|a|senior|management|head|relevant", 0, "Show it by what you do, not by saying you value feedback."),
        r(Hedge, "we|i value|appreciate|welcome _2 your|all|customer feedback|comments|input", 0, "Show it by what you do, not by saying you value feedback."),
        r(Hedge, "thank|thanks ?you for|in bringing|drawing|raising|highlighting|flagging _3 attention", 0, "Skip the customer-service thanks; apologise and fix it."),
        r(Hedge, "thank|thanks ?you for ?your|the feedback|comments", 0, "Skip the customer-service thanks; apologise and fix it."),
        r(Hedge, "brought|bringing|drawing|drew this|it|the _3 to our attention", 0, "Skip the customer-service language; apologise and fix it."),
        r(Hedge, "to the best of our|my knowledge|ability", 0, "Say what you know for certain."),
        r(Hedge, "as far as @iwe know|can|are|could|'re|understand|am|'m|'ve|have|were", 0, "Say what you know for certain."),
        r(Hedge, "@iwe are|were|am|'re|'m|was not aware", 0, "Say what you know for certain."),
        r(Hedge, "@apol for|about|over whatever", 0, "Say exactly what you are sorry for."),
        r(Hedge, "@apol _3 on behalf of the|our ?company|business|management|organisation|firm|team|staff|shop|store", NOI, "Apologise as yourself: \"I am sorry\"."),
        r(Hedge, "seems|seemed|appears|appeared|looks|looked !nothing _2 like|as|to|that _3 @iwe|our|there|mistakes|errors|a|an|the|something|things|your", OWN | AP, "Say plainly what happened."),
        r(Hedge, "in hindsight|retrospect", DS, "Own it without the hindsight."),
        r(Hedge, "with hindsight", DS, "Own it without the hindsight."),
        r(Hedge, "hindsight is|'s a wonderful|twenty|perfect|20", 0, "Own it without the hindsight."),
        r(Hedge, "if any $", AP, "Drop the hedge."),
        // ---------------- round 3: broader families ----------------
        // Illness and absence given as the reason.
        r(Excuse, "absent|off|away|out|missing|down|ill|home _2 through|with|from|due ?to illness|sickness|flu|covid|injury|injuries|bereavement|bug|virus|colds|cold|stomach|migraine|norovirus|leave|holiday|holidays|isolation|isolating", AFT | AGX | FIX | NB2, "Leave out who was away; own the result."),
        r(Excuse, "@staff absent|ill|sick|unwell|off|missing|short|down|away", AFT | AGX | FIX | NB2 | NOPREP, "Leave out who was away; own the result."),
        r(Excuse, "short|down|without ?a|an|one|two|three|several|some|half ?of ?our|the|a|an|its|their @staff", AFT | AGX | FIX | NB2, "Leave out who was away; own the result."),
        r(Excuse, "short|under staffed|handed|staffing", AFT | AGX | FIX | NB2, "Leave out the staffing; own the result."),
        r(Excuse, "understaffed|shorthanded|overstretched|stretched|overloaded|inundated|swamped|snowed", AFT | AGX | FIX | NB2, "Leave out how busy you were; own the result."),
        // Equipment and IT that "wasn't working".
        r(Excuse, "@device _3 was|were|is|are|had|has|did|does|kept|been|'s not|n't|never|stopped|refused|refusing ?to work|working|function|functioning|operate|operating|cooperate|cooperating|behave|behaving|respond|responding|start|starting|load|loading|connect|connecting|charge|charging|print|printing|sync|syncing|heat|heating", AFT | AGX | NOPREP | FIX | NB2, "Leave out the equipment; own the result."),
        r(Excuse, "@device|phones|tills|cards|lifts|boilers|heaters|fridges|freezers|cameras|readers|terminals|networks|websites|apps|scanners|printers|laptops|computers|lines _3 went|go|gone|was|were|is|'s|are|been down|offline|off|dead|flat|out|kaput|bust|haywire|wrong", AFT | AGX | NOPREP | FIX | NB2, "Leave out the equipment; own the result."),
        r(Excuse, "a|an|the|some unforeseen|unexpected|unprecedented|unavoidable|exceptional|extraordinary|technical|sudden|unusual|systems|system|software|it|computer|network ?technical|system|software|it|network _1 fault|faults|glitch|glitches|failure|failures|outage|outages|disruption|disruptions|circumstances|demand|volumes|volume|surge|problem|problems|issue|issues|error|errors|bug|bugs|crash|difficulties|event|events", AFT | AGX | FIX | NB2, "Leave out what else went on; own the result."),
        // Outside parties who had trouble, were slow, or got it wrong.
        r(Excuse, "@outside|@third|@staff _3 experienced|experiencing|experiences|had|has|have|having|faced|facing|suffered|encountered|hit|ran|run|running ?into ?some|a|an|unexpected|unforeseen|significant|technical|severe|major|operational|serious|big|huge|several _2 disruption|disruptions|delay|delays|difficulties|difficulty|problems|problem|issues|issue|outage|outages|backlog|backlogs|shortage|shortages|fault|faults|glitch|glitches|failure|failures|challenges|volumes|breakdown|breakdowns", AFT | AGX | FIX | NB2, "Leave out who else had trouble; own the result."),
        r(Excuse, "@outside|@third _3 been|was|were|is|are|'s ?very|so|really|extremely|incredibly|terribly|painfully|awfully|rather|quite|a|bit|little|also slow|sluggish|behind|backed|overwhelmed|inundated|swamped|unreliable|useless|hopeless|terrible|awful|chaotic|stretched|struggling|overloaded", AFT | AGX | FIX | NB2 | NOPREP, "Leave out who else was slow; own the result."),
        r(Excuse, "@outside ?'s _3 was|were|is|are|had|been|sent|supplied|delivered|shipped|gave|provided|labelled|listed|printed|made _3 wrong|incorrect|inaccurate|faulty|defective|misleading|outdated|mislabelled|damaged|substandard|short|out|error|errors|mistake|mistakes", AFT | AGX | FIX | NB2, "Leave out who else got it wrong; own the result."),
        r(Excuse, "@outside ?had|have|has|'d changed|switched|altered|updated|reformulated|redesigned|tweaked|swapped their|its|the formula|recipe|design|spec|specification|specs|product|process|packaging|range|materials|supplier|suppliers|pricing|sizes|sizing|mould|moulds|dyes|dye|pattern", AFT | AGX | FIX | NB2, "Leave out who else changed things; own the result."),
        r(Excuse, "@outside|@third _2 had|has|'d|have no|none|nothing|run|ran", AFT | AGX | FIX | NB2, "Leave out who else ran out; own the result."),
        r(Excuse, "@outside|@staff|@third let|lets|letting us|me down", AFT | AGX | FIX | NB2, "Leave out who else let you down; own the result."),
        // Seasonal rushes and chaos.
        r(Excuse, "is|was|are|were|'s|been|always|just ?always|just|absolutely|completely|totally|so|very|really|such ?a|an|bit ?of ?utter|total|complete|absolute|pure|sheer|such chaos|madness|mayhem|bedlam|carnage|pandemonium|bonkers|nuts|slammed|heaving|manic|crazy|busy|hectic|frantic|rammed|mental", AFT | AGX | FIX | NB2, "Leave out how busy you were; own the result."),
        r(Excuse, "our|the|its|their ?single|very|absolute busiest|peak|hectic|craziest|maddest|manic|frantic|rush|rushiest|busy time|day|days|week|weeks|weekend|period|season|night|month|hour|hours|of|time", AFT | AGX | FIX | NB2, "Leave out how busy you were; own the result."),
        r(Excuse, "christmas|easter|valentine|valentines|mothers|fathers|festive|summer|holiday|seasonal|peak|bank|half ?'s ?day|holiday|season|period|weekend|term|week|time rush|chaos|madness|crush|surge|peak|demand|volumes|backlog|busy", AFT | AGX | FIX | NB2, "Leave out the season; own the result."),
        // Traffic, weather and roads.
        r(Excuse, "stuck|caught|held|delayed|trapped|queued|gridlocked|jammed ?up in|by|behind|on ?the|an|a|some|heavy|awful|terrible|bad|horrendous|standstill traffic|accident|crash|queue|queues|roadworks|jam|tailback|snow|diversion|closure|motorway|m25|bridge|floods|flooding|ice|fog|storm|weather|lorry|tractor|protest", AFT | AGX | FIX | NB2, "Leave out the traffic; own the result."),
        r(Excuse, "traffic|roads|road|motorway|motorways|m25|bridge _2 was|were|is|are|'s|been|had|got ?absolutely|completely|totally|so|very|really ?a|an|at gridlocked|jammed|closed|blocked|flooded|awful|terrible|horrendous|nightmare|standstill|chaos|solid|murder|mental|busy|icy", AFT | AGX | FIX | NB2, "Leave out the traffic; own the result."),
        // The vendor's paperwork was wrong / the data was wrong.
        r(Excuse, "documentation|instructions|specs|specification|manual|guide|datasheet|data|figures|information|paperwork|drawings|plans|template|label|labels|listing|measurements _3 was|were|had ?been ?completely|totally|all|also|just|simply|actually|badly|slightly wrong|incorrect|inaccurate|misleading|outdated|faulty|unclear|confusing|missing|out", AFT | AGX | FIX | NB2 | NOPREP | SUBJ | NOI, "Leave out whose paperwork was wrong; own the result."),
        // Diminishers: a touch, a tad, the odd, a couple of, hardly.
        r(Minimizing, "a|the touch|tad|smidge|smidgen|fraction|wee|shade ?bit *y|*ed|*ish|*er|*ful|late|off|wet|dry|cold|warm|hot|small|big|long|short|tight|loose|thin|thick|pale|dark|light|heavy|rough|slow|behind|over|under|out|early|sharp|flat|bland|limp|tired|soft|hard|firm|weak|strong|sweet|salty|sour|green|ripe", AW | NB, "State the problem at its real size."),
        r(Minimizing, "a|the bit|little|touch ?bit droopy|wilted|wilting|limp|tired|soggy|dry|stale|cold|lukewarm|tepid|burnt|overdone|underdone|salty|bland|sparse|thin|patchy|streaky|wonky|tight|loose|small|big|noisy|messy|dusty|dirty|sticky|cool|warm|chilly|wet|grubby|tatty|scruffy|faded|worn|squashed|crushed|bent|dented|chipped|marked|stained|scuffed|torn|ripped|creased|crumpled|sad|flat|soft|hard|chewy|tough|runny|watery|greasy|oily|off", AW | NB, "State the problem at its real size."),
        r(Minimizing, "the|an|a odd|occasional|stray|errant _2 @speck", AW | NB, "Describe it at its real size."),
        r(Minimizing, "just|only|merely|simply|literally a|an|one ?few|couple ?of ?@minor|little|tiny|teeny|wee|bit|few|couple|small|slight|minor _1 @speck|@mishap", AW | NB, "Let the customer judge the size of it."),
        r(Minimizing, "@minor|teeny|wee|little|tiny|small _1 @speck", AW | NB | OWN, "Describe it at its real size."),
        r(Minimizing, "the|a few|couple ?of ?tiny|small|little|minor|faint|light fingerprints|smears|flecks|dots|nicks|blemishes|streaks|drips|petals|bubbles|creases|wrinkles|blobs|smudges|specks|splashes|scuffs|hairs|crumbs|dents|fibres|threads|bobbles", AW | NB, "Describe it at its real size."),
        r(Minimizing, "hardly|barely|scarcely anything|there|worth|show|shows|showing|seen|visible|a|an|noticeable|matters|matter|different|any", AW | NB2, "Don't shrink it."),
        r(Minimizing, "nothing ?that a|an|some|the|your|any _3 will|can|could|would|should not|n't|never fix|sort|solve|cure|remove|shift|clean|mend|sort|hide|cover|sorted|fixed", AW, "Don't shrink it; say how you will put it right."),
        r(Minimizing, "you|nobody|anyone|noone|they|one|people|most|customers|guests|visitors|others|folk ?will|would|'ll|'d|can|could ?not|never ?really|probably even|hardly|barely notice|see|spot|tell", AW, "Don't shrink it."),
        r(Minimizing, "wipe|wipes|pull|pulls|come|comes|brush|brushes|rub|rubs|wash|washes|peel|peels|buff|buffs|lift|lifts|polish|polishes|clean|cleans|sand|sands|scrape|scrapes|pick|picks off|out|away ?really|very|quite|so easily|easy|quickly|fine|straightaway|instantly", AW | NB, "Don't shrink it."),
        r(Minimizing, "should|will|'ll|can|would|'d|just|easily|simply ?just|easily|simply wash|wipe|buff|rub|brush|peel|polish|sand|scrape|grow|settle|fade|dry off|out|away|back", AW | NB | SUBJ | NOYOU, "Don't shrink it."),
        r(Minimizing, "just|only|simply needed|need|needs|wanted|wants a|some ?little|quick|bit|good|small|proper|drop|splash|wipe|tweak|trim|clean|drink|water|push|nudge|tighten|wash|reset|polish|refresh|sort|tidy|bit|second|minute|moment", AW | NB, "Don't shrink it."),
        r(Minimizing, "just|only|merely|barely|hardly a|an ?extra|additional|few|couple ?of ?extra|additional ?half|quarter ?an|a|of ?an|a hour|hours|minutes|minute|day|days|week|weeks|mile|miles|pound|pounds|quid", NB2, "Don't shrink the delay; state it and own it."),
        r(Minimizing, "a|the bit|touch|spot of a|an ?@minor @mishap|bother|mess|fuss|delay|wait|hold|faff|bump|wobble|scare|drama|queue|palaver|kerfuffle", AW | NB, "Describe it at its real size."),
        r(Minimizing, "only|just|merely|barely the|a slightest|smallest|tiniest|faintest|merest|teeniest|littlest|least|weeniest", AW | NB, "Describe it at its real size."),
        r(Minimizing, "no|nobody|noone ?one will|would|'ll|'d|can|could ?ever ?even ?be ?able ?to notice|spot|tell|see", AW | NB2, "Don't shrink it."),
        r(Minimizing, "you will|would|'ll|'d|can|could not|never ?really|even|probably notice|spot|tell it|them|that|this", AW, "Don't shrink it."),
        r(Minimizing, "the|a few|couple ?of _1 fingerprints|smears|flecks|dots|nicks|blemishes|streaks|drips|petals|bubbles|creases|wrinkles|blobs|smudges|specks|splashes|scuffs|hairs|crumbs|dents|fibres|bobbles|bruises|bits|marks|spots|scratches|chips|hairline", AW | NB, "Describe it at its real size."),
        r(Minimizing, "just|only|simply need|needs|needed|want|wants|wanted *ing", AW | NB | AGENT, "Don't shrink it."),
        r(Blame, "they|it|these|those|this|items|plants|flowers|fabric|wood|leather|cushions|clothes ?really should|must|need|needs ?to ?not|n't|never ?be placed|left|kept|stored|put|washed|dried|exposed|plugged|tumbled|ironed|microwaved|cleaned|bleached|watered|overloaded|overwatered|positioned|hung", AW | FIXS | AGENT, "Don't lecture the customer; say what you will do."),
        r(Blame, "if you had|'d ?only|just|simply|actually !been|received|experienced|suffered|felt|noticed|had|any|wanted|liked|needed|hoped|expected|known|heard|seen|got|gotten|paid|spent|waited|missed|lost|travelled|planned|arranged|used|tried|asked|enquired|booked|bought|purchased|stayed|visited|returned|dined|eaten|come|gone|left|contacted|called|emailed|phoned|rung *ed|@pp", AW, "Don't shift the blame to the customer."),
        r(Blame, "had you ?only|just|actually|simply !been|had|any|a|the|not|ever|seen|heard|received|noticed|tried|booked|enjoyed|visited *ed|@pp", AW, "Don't shift the blame to the customer."),
        // "That's what happens when..." treats it as normal.
        r(Minimizing, "that|this|thats|it ?is|'s|was ?just|simply|always|sometimes|unfortunately|sadly|kind|sort ?of what happens|happen !next|now|from|to|after|tomorrow|today|then", AW, "Don't treat it as normal; own it."),
        r(Minimizing, "that|this|thats|it ?is|'s ?just|simply|always|sometimes|unfortunately|sadly|kind|sort ?of how it|things go|goes", AW, "Don't treat it as normal; own it."),
        r(Minimizing, "that|this|thats|it ?is|'s ?just|simply|always the way|nature|risk|price", AW | NB, "Don't treat it as normal; own it."),
        // Advice and counterfactuals that put it on the customer.
        r(Blame, "^ had you ?only|just|actually|previously|simply !been|had|any|a|the|not *ed|@pp", 0, "Don't shift the blame to the customer."),
        r(Blame, "if you had|'d ?only|just|simply|actually requested|consulted|bought|purchased|registered|reserved|enquired|asked|opted|studied|scrolled|clicked|tried|tested|packed|labelled|sealed|secured|locked|unplugged|switched|turned|closed|watered|cleaned|stored|installed|charged|fitted|returned|notified|alerted|answered|replied|responded|remembered|attended|showed|informed|contacted|phoned|logged|signed|printed|read|watched|listened|kept|placed|put|plugged|followed|chosen|selected|gone|come", 0, "Don't shift the blame to the customer."),
        r(Blame, "you should|must|ought not|n't|never ?really|ever|actually ?be run|use|plug|overload|store|keep|wash|dry|iron|mix|clean|park|switch|stack|place|feed|water|charge|load|tumble|microwave|bleach|running|using|leaving|putting|plugging|overloading|storing|keeping|washing|drying|ironing|mixing|cleaning|parking|letting|opening|turning|switching|touching|pulling|pushing|sitting|standing|stacking|placing|feeding|watering|cutting|driving|charging|loading|tumbling|microwaving|bleaching", AW | FIXS, "Don't lecture the customer; say what you will do."),
        r(Blame, "you may|might want|wish to read|check|measure|double|consult|follow|ensure|store|avoid|allow|order|book|plan|review|familiarise|water", AW | FIXS | NB2, "Don't lecture the customer; say what you will do."),
        r(Blame, "the|your|our _2 card|instructions|leaflet|label|guide|manual|booklet|sheet|terms|notes|note|email|faq|faqs|policy|packaging|confirmation|website|chart|guidance|paperwork|contract|receipt|invoice|sign|signs|description _1 explains|explained|says|said|states|stated|mentions|mentioned|shows|showed|covers|covered|warns|warned|tells|told|advises|advised|lists|listed|specifies|specified|outlines|outlined|makes|made|spells|spelled|spelt|clearly|does|did|do that|this|it|you|clear|everything|all|so|out $", AW | AGX | FIXS, "Don't point to what the customer was told; fix the problem."),
        r(Blame, "the|your|our ?care|user|instruction|owner|owners|product|washing|assembly card|instructions|leaflet|label|guide|manual|booklet|sheet|terms|policy|chart|guidance|packaging|sign|signs|handbook|tag _1 explains|explained|says|said|states|stated|warns|warned|tells|told|advises|advised|specifies|specified|clearly|does|do|did that|you", AW | AGX | FIXS, "Don't point to what the customer was told; fix the problem."),
        r(Blame, "as the|our|your _3 page|site|website|terms|policy|confirmation|email|card|instructions|manual|label|leaflet|description|listing|contract|sign|signs|menu|guide|chart makes|made|states|stated|says|said|explains|explained|shows|showed|notes|noted|mentions|mentioned|specifies|specified|warns|warned", AW | AGX | FIXS, "Don't point to what the customer was told; fix the problem."),
        r(Blame, "they|it|these|those do|does need|require|have", AW | FIXS | NB2, "Don't lecture the customer; say what you will do."),
        r(Blame, "you said|told|promised|assured|confirmed|mentioned|agreed|insisted|claimed|stated|indicated ?us|me _4 would|'d|will|was|were|could|should be|have|arrive|come", AFT | AGX, "Don't point at what the customer said; own what you did."),
        r(Blame, "please note|remember|bear|be _2 that|mind|aware ?the|your _2 address|details|postcode|information|terms|instructions|measurements|form|reference", AFT | AGX | FIXS, "Don't point at what the customer got wrong; own what you did."),
        // Hedges that keep fault at arm's length.
        r(Hedge, "^ without saying|suggesting|implying|admitting|conceding|accepting|claiming|stating|agreeing _4 fault|blame|responsible|liable|wrong|mistake|error|culpable|liability|responsibility|faults|blames", 0, "Drop the hedge: you are apologising, not negotiating."),
        r(Hedge, "not|n't|cannot|unable|unclear ?to|whether|if ?be ?sure|certain confirm|say|know|sure|certain|tell|establish|determine|prove|verify|whether|if _6 anything|something @iwe|our|my ?team|staff|people ?have|had|'ve|might|may did|done|caused|changed", 0, "Don't hedge about your part; own it."),
        r(Hedge, "not|n't|cannot|unable|unclear ?to|whether|if ?be confirm|say|know|sure|certain|tell|establish|determine|prove|verify|whether|if _4 our|my|@iwe fault|doing|end|side|error|mistake|responsible|responsibility|blame|caused", NB2, "Don't hedge about your part; own it."),
        r(Hedge, "alleged|purported", NB | OWN | AW, "Take the customer's account as given."),
        // Feelings wordings.
        r(Feelings, "@apol ?that|to ?hear|learn ?that you and|or _4 were|are|was|felt|have|'ve|had|'re|feel|found _3 @feel|dissatisfied|unhappy|disappointed|underwhelmed|let|put", AGX, "Apologise for what you did, not for how the customer feels."),
        r(Feelings, "came|come|comes|coming|sounded|sound|sounds|seemed|seem|seems|appeared|appear|appears|felt ?across|over ?as ?a ?bit|little|so|very|rather|quite|too|somewhat|slightly rude|harsh|dismissive|curt|abrupt|blunt|cold|unkind|insensitive|patronising|condescending|unprofessional|uncaring|offhand|sharp|unhelpful|unfriendly|judgemental|hostile|aggressive|snappy|flippant|glib|sarcastic|accusatory|brusque", AW | NB, "Apologise for what you did, not for how it came across."),
        r(Feelings, "came|come|comes|coming across as|like|badly|wrong|poorly|negatively|harshly|rudely", AW | NB, "Apologise for what you said, not for how it came across."),
        // ---------------- round 4: broader families ----------------
        // Pointing at what the customer was given, chose or signed.
        r(Blame, "the|your|our _3 card|cards|instructions|leaflet|label|guide|manual|booklet|sheet|slip|terms|notes|note|email|faq|faqs|policy|packaging|confirmation|website|chart|guidance|paperwork|contract|receipt|invoice|sign|signs|description|warranty|guarantee|form|ticket|quote|estimate|menu|listing|letter|brochure|handbook|tag|agreement|conditions|booklet|docket _4 clearly|explicitly|plainly|specifically|does|did ?clearly|explicitly|plainly|also says|said|states|stated|explains|explained|shows|showed|warns|warned|mentions|mentioned|specifies|specified|tells|told|advises|advised|lists|listed", AW | AGX | FIXS, "Don't point to what the customer was told; fix the problem."),
        r(Blame, "as|like the|your|our|it _3 card|cards|instructions|leaflet|label|guide|manual|booklet|sheet|slip|terms|notes|note|email|faq|faqs|policy|packaging|confirmation|website|chart|guidance|paperwork|contract|receipt|invoice|sign|signs|description|warranty|guarantee|form|ticket|quote|estimate|menu|listing|letter|brochure|handbook|tag|agreement|conditions|booklet|docket says|said|states|stated|shows|showed|explains|explained|notes|noted|specifies|specified|warns|warned|mentions|mentioned|outlines|outlined|advises|advised|makes", AW | AGX | FIXS, "Don't point to what the customer was told; fix the problem."),
        r(Blame, "printed|written|stated|listed|shown|displayed|mentioned|explained|noted|detailed|spelled|spelt|outlined|clear ?out on|in the|your|our|every|each _3 card|cards|instructions|leaflet|label|guide|manual|booklet|sheet|slip|terms|notes|note|email|faq|faqs|policy|packaging|confirmation|website|chart|guidance|paperwork|contract|receipt|invoice|sign|signs|description|warranty|guarantee|form|ticket|quote|estimate|menu|listing|letter|brochure|handbook|tag|agreement|conditions|print|booklet|docket|voucher|order", AW | AGX | FIXS | FIX, "Don't point to what the customer was told; fix the problem."),
        r(Blame, "is|are|was|were|'s|printed|written|shown|stated|listed|displayed|mentioned|explained|highlighted ?clearly|also|right on|in every|each page|pages|email|receipt|invoice|ticket|booking|confirmation|form|sign|wall|till|leaflet|letter|quote|door", AW | AGX | FIXS, "Don't point to what the customer was told; fix the problem."),
        r(Blame, "you ?only|just|originally|actually|specifically booked|chose|picked|ordered|selected|bought|paid|opted|went|signed ?for|up ?for ?the|our|a basic|cheaper|cheapest|standard|budget|economy|entry|lowest|lower|smaller|simple|bronze|cheap|lite|essential|essentials", AW | AGX | FIXS, "Don't point at the customer's choice; own the result."),
        r(Blame, "@iwe have|'ve|had ?already|repeatedly|previously|often|always|now|even|also asked|reminded|requested|warned|advised|begged|instructed you to|not|never|please", AW | NB2 | FIXS, "Don't remind the customer what they were asked; own what you did."),
        r(Blame, "every|each time @iwe have|'ve|had ?come|asked|told|reminded|visited|called", AW | NB2 | AGX, "Don't point at the customer's part; own what you did."),
        // Outside agents and broken kit.
        r(Excuse, "stuck|held|delayed|sitting|sat|waiting|lost|trapped|languishing ?up at|in|with the|a|our|their ?local|regional|main|sorting @outside|@third|depot|customs|port|warehouse|hub|docks|border", AFT | AGX | FIX | NB2 | SUBJ | NOYOU, "Leave out where it got held up; own the result."),
        r(Excuse, "faulty|defective|broken|damaged|cracked|flawed|substandard|dodgy|bad|wrong from|at|by the|our ?own factory|manufacturer|supplier|maker|source|mill|wholesaler|distributor|makers|manufacturers|suppliers", AW | AGX | NB2, "Leave out where the fault came from; own the result."),
        r(Excuse, "@outside|@third|management|neighbours|neighbour|council|landlord|owners|owner|builders|agents|agent _6 did|had|have|has|would|could not|never ?bother|bothered ?to warn|tell|inform|notify|let|alert|update|give|ask|consult|mention", AFT | AGX | FIX, "Leave out who else didn't warn you; own the result."),
        r(Excuse, "@device _2 would|could|will|wo not|n't start|work|turn|go|fire|run|load|connect|open|print|charge|heat|cool", AFT | AGX | NOPREP | NB2, "Leave out the equipment; own the result."),
        r(Excuse, "national|nationwide|global|worldwide|industry|industrywide|international|countrywide|manufacturer|manufacturing _2 supply|stock|shortage|shortages|problem|problems|issue|issues|outage", AFT | AGX | FIX | NB2, "Leave out the supply problem; own the result."),
        r(Excuse, "it|there was|were|'s|is|had ?been a|an|the ?absolute|real|proper|massive|huge|freak heatwave|storm|blizzard|downpour|gale|gales|scorcher|cloudburst|hurricane|hailstorm|thunderstorm|deluge", AFT | AGX | FIX, "Leave out the weather; own the result."),
        r(Excuse, "the heatwave|storm|snow|heat|frost|rain|humidity|weather|wind|gales|ice|flooding|floods|fog _3 meant|made|caused|melted|ruined|delayed|stopped|prevented|affected|slowed|warped|cracked", AFT | AGX | FIX, "Leave out the weather; own the result."),
        r(Excuse, "in|with that|this|such heat|weather|humidity|heatwave|temperatures", AFT | AGX | FIX | NB2, "Leave out the weather; own the result."),
        // Conditionals that open the apology.
        r(Conditional, "^ [ provided|providing|assuming|presuming|supposing ] _16 , ?then _5 @apol", 0, "Drop the condition: it happened, so say what you are sorry for."),
        r(Conditional, "^ [ in case ] !you|your|anyone|it _4 was|were|did|had|seemed|came|sounded ?not|unclear|confusing|rude|wrong|misleading|unhelpful|abrupt|clear|across|offhand|curt|short|explain|mention|tell|say", AW, "Drop the condition: it happened, so say what you are sorry for."),
        r(Conditional, "^ [ in case ] _16 , ?then _5 @apol", 0, "Drop the condition: it happened, so say what you are sorry for."),
        r(Conditional, "^ [ on the off chance ] _16 , ?then _5 @apol", 0, "Drop the condition: it happened, so say what you are sorry for."),
        r(Conditional, "^ [ in the event ] _16 , ?then _5 @apol", 0, "Drop the condition: it happened, so say what you are sorry for."),
        r(Conditional, "@apol _3 , provided|providing|assuming|presuming|supposing", 0, "Drop the condition: say plainly what you are sorry for."),
        r(Conditional, "^ provided|providing|assuming|presuming|supposing ?that _6 caused|responsible|fault|ours|blame|down", AW, "Drop the condition: say plainly what you are sorry for."),
        // Hedges about what happened.
        r(Hedge, "^ [ whatever|whoever happened|went|occurred ]", AW | DS, "Say what happened; don't leave it open."),
        r(Hedge, "may|might|could or may|might|could not ?have", 0, "Don't hedge: say what happened."),
        r(Hedge, "any perceived|apparent|supposed @trouble|@mishap|lack|failure|fault|rudeness|slight|unfairness", 0, "Take the customer's account as given."),
        r(Hedge, "any possible|potential @trouble|@mishap|rudeness", AP | NOIF | NB, "Take the customer's account as given."),
        // Minimizing.
        r(Minimizing, "the|a|an|one|our|this|that [ teeny|tiny|wee|little|small|minor|slight|itsy|teensy|weeny|titchy _1 @mishap ]", AW | NB | OWN, "Describe it at its real size."),
        r(Minimizing, "no ?real|lasting|major|serious|great|actual|permanent|big harm|damage done", AW, "Don't shrink it; let the customer judge the harm."),
        r(Minimizing, "barely|hardly|scarcely|only|just visible|noticeable|perceptible|detectable", AW | NB2, "Don't shrink it."),
        // Passives.
        r(Passive, "[ was|were|had not|n't|never ?been ?properly|correctly|fully *ed|@pp ] when|as|before ?it|they|this|that|you should|ought|was|were", AW | SUBJ | AGENT | NOBY, "Say who did it: \"we didn't [refund] it when we should have\"."),
        r(Passive, "[ was|were|got ?accidentally|badly|all|both|also broken|damaged|scratched|cracked|dented|smashed|chipped|lost|bent|snapped|stained|marked|ruined ] during|in the|our works|work|job|move|removal|install|installation|fit|fitting|delivery|repairs|repair|build|renovation|clean|visit|service|alterations", SUBJ | AGENT | NOBY, "Say who did it: \"we broke...\"."),
        r(Passive, "[ ended|wound up being|getting *ed|@pp ]", AW | SUBJ | AGENT | NOYOU | NOBY | FIX, "Say who did it."),
        r(Passive, "^ ?unfortunately|sadly|regrettably an|a|some ?small|minor|admin|booking|clerical|system|administrative error|mistake|mistakes|errors|mix|mixup|oversight|glitch occurred|happened|arose|crept", AGENT, "Say who made the mistake: \"we made an error\"."),
        r(Minimizing, "^ only|just|merely the ones|one|bits|bit|part|parts|corner|corners|edge|edges round|around|at|on|in|by|near the back|side|sides|top|bottom|edge|edges|corner|corners|end|ends|inside|underside", AW, "Don't shrink what you missed."),
        r(Blame, "she|he|they ?really|just|simply|honestly|definitely needed|needs|need to ?have ?be|been doing|practising|practicing|revising|studying|practise|practice|revise|study|rest|resting|following|follow|wearing|wear", AW | AGX | NB2, "Don't put it on the customer's side; own your part."),
        // Feelings.
        // Documents the customer had: "the order form you filled in says".
        r(Blame, "as the|your|our _4 form|forms|guide|guidance|list|card|label|labels|leaflet|manual|instructions|sheet|page|booklet|quote|quotation|invoice|receipt|confirmation|email|letter|terms|brochure|listing|description|specification|spec|notes|packaging|box|sticker|tag|diagram|chart|website|advert|ad|menu|sign|signs|booking|contract|paperwork|handbook|factsheet|checklist|text _5 says|said|say|states|stated|shows|showed|specifies|specified|warns|warned|explains|explained|mentions|mentioned|tells|told|notes|noted|advises|advised|recommends|recommended", AW | FIX, "Don't point to what the customer was sent; fix the problem."),
        r(Blame, "^ ?and|but|so the|your|this|that _3 form|forms|guide|guidance|list|card|label|labels|leaflet|manual|instructions|sheet|page|booklet|quote|quotation|invoice|receipt|confirmation|email|letter|terms|brochure|listing|description|specification|spec|notes|packaging|box|sticker|tag|diagram|chart|website|advert|ad|menu|sign|signs|booking|contract|paperwork|handbook|factsheet|checklist|text _5 clearly|did|does|do|plainly|also|specifically|actually|definitely|explicitly|even says|said|say|states|stated|shows|showed|specifies|specified|warns|warned|explains|explained|mentions|mentioned|tells|told|notes|noted|advises|advised|recommends|recommended", AFT | FIX | NB2 | DS, "Don't point to what the customer was sent; fix the problem."),
        r(Blame, "^ ?and|but|so the|your|this|that _3 form|forms|guide|guidance|list|card|label|labels|leaflet|manual|instructions|sheet|page|booklet|quote|quotation|invoice|receipt|confirmation|email|letter|terms|brochure|listing|description|specification|spec|notes|packaging|box|sticker|tag|diagram|chart|website|advert|ad|menu|sign|signs|booking|contract|paperwork|handbook|factsheet|checklist|text _4 you|your _3 says|said|say|states|stated|shows|showed|specifies|specified|warns|warned|explains|explained|mentions|mentioned|tells|told|notes|noted|advises|advised|recommends|recommended", AFT | FIX | NB2 | DS | NOI, "Don't point to what the customer was sent; fix the problem."),
        r(Blame, "^ ?and|but|so you measured|specified|chose|picked|designed|drew|ordered|supplied|selected|fitted|installed|packed|assembled _4 yourself|yourselves", AFT | FIXS, "Take the customer's side: leave out what they did."),
        // Excuses: what else was going on.
        r(Excuse, "two|three|several|a|some|few|couple|four ?of _2 emergencies|emergency|callouts|callout|calls|patients|cases|jobs|coaches|parties come|came|coming|arrived|walked in", AFT | AGX | FIX, "Leave out what else was going on; own the result."),
        r(Excuse, "could|would|did not|never get|come|make ?it out|over|round|across ?to us|here|you until|till|before", AFT | AGX, "Leave out who else was involved; own the result."),
        r(Excuse, "had|has|'d ?had a|an ?major|big|bad|burst|serious flood|fire|burglary|break|outage|blackout|burst|leak|breakdown|explosion", AFT | AGX | FIX | OWN, "Leave out what else went on; own the result."),
        r(Excuse, "been|'s|was|is|had such a|an ?really dark|wet|cold|hot|dry|busy|mad|hectic|crazy|manic|rainy|stormy|windy|frantic|chaotic|difficult|tough|hard|long|strange|slow|grey|late|mild|odd spring|summer|winter|autumn|week|month|season|year|weekend|period|fortnight|few", AFT | AGX, "Leave out the conditions; own the result."),
        r(Excuse, "customs|courier|couriers|supplier|suppliers|carrier|carriers|bank|council|insurer|insurers|manufacturer|manufacturers|warehouse|depot|post|they|agent|lender|authorities|border|port ?then|just|simply sat|held|kept|hung on|onto ?to it|them|the|your|our", AFT | AGX, "Leave out who else was involved; own the result."),
        r(Excuse, "had to come|be shipped|be sent|be flown|be sourced|be imported|travel from|over from", AFT | AGX | FIX, "Leave out where it came from; own the result."),
        // Minimizing: vague, shrinking durations and harm.
        r(Minimizing, "for|only|just|about a|an day|hour|week|minute|evening|morning|night|afternoon|weekend|bit or so", AW | NB2, "Say how long it really was, and own it."),
        r(Minimizing, "hope|hopefully _6 too much|badly", AW | NB2, "Don't shrink it; let the customer judge the harm."),
        r(Minimizing, "nothing|nowt that|which will|would not grow|wash|come|brush|wipe|buff|rub|fade|settle|dry|heal|polish|sand out|off|away|up|down|over", AW, "Don't shrink it; let the customer judge the harm."),
        r(Minimizing, "it|that|this|they|you|anyone|nobody will|would not|never show|notice|spot|see|be|matter|affect _3 in|on|from|at|when|unless most|normal|everyday|daily|real|practice|general|person|distance|day|all|any", AW, "Don't shrink it; let the customer judge the harm."),
        r(Minimizing, "^ ?but|and it|that|this|they|these|those|marks|mark will|would|do|does not|never ?be show|visible|noticeable|noticed|seen|obvious|apparent from|at|across|unless|under|once", AW | AGENT, "Don't shrink it; let the customer judge the harm."),
        // Conditional: "where we are found to have caused".
        r(Conditional, "where|if|should|insofar|wherever @iwe|our|us _3 found|shown|proven|proved|deemed|judged|established to have|be", AW, "It happened: say what you did, without the condition."),
        // Feelings: "sorry you were upset by the way our crew spoke".
        r(Feelings, "@apol ?that you were|felt|got|became @feel by|at the way|manner|tone !i|we|me|us|my", 0, "Apologise for what you did, not for how it made the customer feel."),
        r(Feelings, "@apol ?that you feel|felt|perceive|perceived|consider|considered ?that|like|as !unwell|ill|sick|poorly|nauseous|dizzy|faint|so|better|cold|unsafe", DS, "Apologise for what you did, not for how the customer sees it."),
    ]
}

/// Expand `@causes` (too long for the shared macro list) before compiling.
pub fn expand_local(pat: &'static str) -> std::borrow::Cow<'static, str> {
    if pat.contains("@causes") {
        std::borrow::Cow::Owned(pat.replace("@causes", CAUSES))
    } else {
        std::borrow::Cow::Borrowed(pat)
    }
}
