//! CLI for the words and the paper: `check` (qualifiers in any text),
//! `draft` (apology, email, call script, follow-up) and `letter` (PDF).
use amends::checker::{self, Finding};
use amends::domain::LetterKind;
use amends::draft::Tone;
use amends::letters::{self, kept, PrintKind};
use amends::pdf::Paper;
use amends::{Db, Error, Result};
use clap::{Args, ValueEnum};
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct CheckArgs {
    /// The text to check; `-` or nothing reads standard input.
    file: Option<PathBuf>,
    /// Print the findings as a JSON array.
    #[arg(long)]
    json: bool,
    /// Also report what a whole letter is missing, even if it does not look like one.
    #[arg(long)]
    letter: bool,
    /// Print the text rewritten with every finding's replacement applied.
    #[arg(long, conflicts_with_all = ["json", "letter"])]
    fix: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum DraftKind {
    Apology,
    Email,
    Call,
    FollowUp,
}

#[derive(Args)]
pub struct DraftArgs {
    kind: DraftKind,
    incident: i64,
    #[arg(long, default_value = "warm")]
    tone: String,
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum LetterWhich {
    FollowUp,
    Apology,
    /// A printer calibration page: the window outline and the address block.
    Calibration,
}

#[derive(Args)]
pub struct LetterArgs {
    which: LetterWhich,
    /// Incident ids, one letter each, all in one PDF.
    incidents: Vec<i64>,
    /// Every follow-up that is due (changes recorded, letter not sent).
    #[arg(long, conflicts_with = "incidents")]
    due: bool,
    /// Every incident linked to this cause (those without an address are listed as left out).
    #[arg(long, value_name = "ID", conflicts_with_all = ["incidents", "due"])]
    cause: Option<i64>,
    #[arg(short = 'o', long = "output", value_name = "OUT.pdf")]
    output: PathBuf,
    #[arg(long, value_name = "letter|a4")]
    paper: Option<String>,
    #[arg(long, default_value = "warm")]
    tone: String,
    /// After printing: mark these letters as sent (only once they really went out).
    #[arg(long)]
    mark_sent: bool,
    /// Print this text as the letter's words (a file, or - for standard input)
    /// instead of the draft; it is kept as a new version of the incident's letters.
    #[arg(long, value_name = "FILE|-", conflicts_with_all = ["due", "version"])]
    text: Option<PathBuf>,
    /// Print a kept version (see `amends letters list ID`).
    #[arg(long, value_name = "N", conflicts_with = "due")]
    version: Option<u32>,
    /// Print even if the text has qualifiers (they are listed either way).
    #[arg(long)]
    anyway: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum EmailWhich {
    Apology,
    FollowUp,
}

#[derive(Args)]
pub struct EmailArgs {
    which: EmailWhich,
    incident: i64,
    /// The words to send (a file, or - for standard input; a first line "Subject: …" sets
    /// the subject); kept as a new version. Without it, the draft is used.
    #[arg(long, value_name = "FILE|-", conflicts_with = "version")]
    text: Option<PathBuf>,
    /// Send a kept version (see `amends letters list ID`).
    #[arg(long, value_name = "N")]
    version: Option<u32>,
    #[arg(short = 'o', long = "output", value_name = "OUT.eml")]
    output: PathBuf,
    #[arg(long, default_value = "warm")]
    tone: String,
    /// Write it even if the text has qualifiers (they are listed either way).
    #[arg(long)]
    anyway: bool,
}

#[derive(clap::Subcommand)]
pub enum LettersCmd {
    /// The kept versions of an incident's letters, emails and call scripts.
    List {
        incident: i64,
        #[arg(long)]
        json: bool,
    },
    /// Show one kept version, whole.
    Show {
        incident: i64,
        #[arg(long)]
        version: u32,
    },
    /// Record that a kept version went out (marks "apologised" or "evidence sent").
    Sent {
        incident: i64,
        #[arg(long)]
        version: u32,
        /// How it went: post or email.
        #[arg(long, default_value = "post", value_name = "post|email")]
        by: String,
    },
}

#[derive(Args)]
pub struct PrintArgs {
    /// The PDF to print.
    file: PathBuf,
    /// The printer (default: the system's default printer). `amends printers` lists them.
    #[arg(long)]
    printer: Option<String>,
}

fn read_input(file: Option<PathBuf>) -> Result<String> {
    let mut bytes = Vec::new();
    match file {
        None => std::io::stdin().read_to_end(&mut bytes).map(drop).map_err(|e| Error::io("standard input", e))?,
        Some(p) if p.as_os_str() == "-" => {
            std::io::stdin().read_to_end(&mut bytes).map(drop).map_err(|e| Error::io("standard input", e))?
        }
        Some(p) => {
            amends::files::check_input(&p)?;
            bytes = std::fs::read(&p).map_err(|e| Error::io(&p, e))?
        }
    }
    String::from_utf8(bytes).map_err(|e| {
        Error::invalid(
            "text",
            format!("The text is not UTF-8 (bad byte at position {}).", e.utf8_error().valid_up_to()),
        )
    })
}

/// `amends check`: exit 0 when clean, 1 when qualifiers were found, 2 on error.
pub fn check(a: CheckArgs) -> Result<ExitCode> {
    let text = read_input(a.file)?;
    let findings = checker::check_letter(&text, a.letter);
    if a.fix {
        print!("{}", checker::fix_letter(&text, a.letter));
        if !text.ends_with('\n') {
            println!();
        }
    } else if a.json {
        println!("{}", serde_json::to_string_pretty(&findings).expect("findings serialise"));
    } else {
        print_report(&text, &findings);
    }
    // Exit 1 means qualifiers; parts a letter is missing are advice and do not fail the check.
    let qualifiers = findings.iter().any(|f| f.start.is_some());
    Ok(if qualifiers { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn print_report(text: &str, findings: &[Finding]) {
    if findings.is_empty() {
        println!("No qualifiers found: this reads as a plain apology.");
        return;
    }
    let chars: Vec<char> = text.chars().collect();
    for f in findings {
        match (f.start, f.end) {
            (Some(s), Some(e)) => {
                let line_start = chars[..s].iter().rposition(|c| *c == '\n').map_or(0, |p| p + 1);
                let line_end = chars[e..].iter().position(|c| *c == '\n').map_or(chars.len(), |p| e + p);
                let line_no = chars[..s].iter().filter(|c| **c == '\n').count() + 1;
                let before: String = chars[line_start..s].iter().collect();
                let hit: String = chars[s..e].iter().collect();
                let after: String = chars[e..line_end].iter().collect();
                println!("line {line_no}: {} — {}", kind_label(f), f.message);
                println!("    {before}[[{hit}]]{after}");
                if let Some(sug) = &f.suggestion {
                    println!("    try: {sug}");
                }
            }
            _ => println!("missing: {}", f.message),
        }
    }
    let q = findings.iter().filter(|f| f.start.is_some()).count();
    println!("\n{q} qualifier(s), {} missing part(s).", findings.len() - q);
}

fn kind_label(f: &Finding) -> String {
    serde_json::to_value(f.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

pub fn draft(db: &mut Db, a: DraftArgs) -> Result<ExitCode> {
    let tone: Tone = letters::parse_tone(&a.tone)?;
    let kind = match a.kind {
        DraftKind::Apology => LetterKind::Apology,
        DraftKind::Email => LetterKind::Email,
        DraftKind::Call => LetterKind::Call,
        DraftKind::FollowUp => LetterKind::FollowUp,
    };
    let d = letters::draft_and_keep(db, a.incident, kind, tone)?;
    let (record, subject, body, findings) = (d.letter, d.subject, d.body, d.findings);
    if a.json {
        let v = serde_json::json!({
            "letter_id": record.id,
            "incident_id": a.incident,
            "kind": kind.key(),
            "tone": letters::tone_key(tone),
            "subject": subject,
            "body": body,
            "findings": findings,
        });
        println!("{}", serde_json::to_string_pretty(&v).expect("serialises"));
    } else {
        if let Some(s) = &subject {
            println!("Subject: {s}\n");
        }
        println!("{body}");
        if !findings.is_empty() {
            eprintln!(
                "\nNote: {} qualifier(s) found in text you entered on the incident; run `amends check` on it.",
                findings.len()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn letter(db: &mut Db, a: LetterArgs) -> Result<ExitCode> {
    let paper: Option<Paper> = a.paper.as_deref().map(str::parse).transpose()?;
    let tone: Tone = letters::parse_tone(&a.tone)?;
    let kind = match a.which {
        LetterWhich::Calibration => {
            letters::render_calibration(db, paper, &a.output)?;
            println!("Wrote the calibration page to {}.", a.output.display());
            return Ok(ExitCode::SUCCESS);
        }
        LetterWhich::FollowUp => PrintKind::FollowUp,
        LetterWhich::Apology => PrintKind::Apology,
    };
    if a.text.is_some() || a.version.is_some() {
        return owner_letter(db, a, kind, tone, paper);
    }
    let ids = if a.due {
        if kind != PrintKind::FollowUp {
            return Err(Error::invalid("due", "--due is for follow-up letters."));
        }
        db.follow_ups_due()?
    } else if let Some(c) = a.cause {
        db.cause_incidents(c)?
    } else {
        a.incidents.clone()
    };
    if ids.is_empty() {
        return Err(Error::invalid(
            "incidents",
            if a.due { "No follow-up letters are due." } else { "Name at least one incident id, or use --due." },
        ));
    }
    let started = std::time::Instant::now();
    let r = letters::render_batch(db, &ids, kind, tone, paper, &a.output, amends::progress::ignore)?;
    println!(
        "Wrote {} letter(s), {} page(s) to {} in {:.2} s.",
        r.letters,
        r.pages,
        a.output.display(),
        started.elapsed().as_secs_f64()
    );
    for s in &r.skipped {
        eprintln!("Skipped incident #{} ({}): {}", s.incident_id, s.customer_name, s.reason);
    }
    for w in &r.warnings {
        eprintln!("Warning: {w}");
    }
    if a.mark_sent {
        let n = letters::mark_follow_ups_sent(db, &r.incident_ids, tone)?;
        println!("Marked {n} follow-up(s) as sent.");
    }
    Ok(ExitCode::SUCCESS)
}

/// The words to print or send: a typed text (kept as a new version) or a kept version.
fn owner_words(
    db: &mut Db,
    incident: i64,
    kind: LetterKind,
    tone: Tone,
    text: Option<PathBuf>,
    version: Option<u32>,
) -> Result<Option<kept::KeptLetter>> {
    Ok(match (text, version) {
        (Some(file), _) => {
            let t = read_input(Some(file))?;
            let (subject, body) = kept::split_subject(&t);
            if body.trim().is_empty() {
                return Err(Error::invalid("text", "The text is empty."));
            }
            Some(kept::keep(db, incident, kind, Some(letters::tone_key(tone)), subject.as_deref(), &body)?)
        }
        (None, Some(n)) => {
            let k = kept::get(db, incident, n)?;
            if k.kind != kind && !(kind == LetterKind::Email && k.kind == LetterKind::Apology) {
                return Err(Error::invalid(
                    "version",
                    format!("Version {n} is {}, not {}.", kind_name(k.kind), kind_name(kind)),
                ));
            }
            Some(k)
        }
        (None, None) => None,
    })
}

fn kind_name(k: LetterKind) -> &'static str {
    match k {
        LetterKind::Apology => "an apology letter",
        LetterKind::Email => "an email",
        LetterKind::Call => "a call script",
        LetterKind::FollowUp => "a \"what we changed\" letter",
    }
}

/// Qualifiers stop a letter unless the owner says `--anyway`; either way they are listed.
fn qualifier_gate(body: &str, anyway: bool) -> bool {
    let found = letters::qualifiers(body);
    if found.is_empty() {
        return true;
    }
    eprintln!("The text has {} phrase(s) that weaken the apology:", found.len());
    for f in &found {
        eprintln!("  \u{201C}{}\u{201D}: {}", f.text, f.message);
    }
    if anyway {
        eprintln!("Going ahead anyway (--anyway).");
    } else {
        eprintln!("Nothing was written. Change the words, or add --anyway to use them as they are.");
    }
    anyway
}

fn owner_letter(db: &mut Db, a: LetterArgs, kind: PrintKind, tone: Tone, paper: Option<Paper>) -> Result<ExitCode> {
    let [incident] = a.incidents[..] else {
        return Err(Error::invalid("incidents", "--text and --version print one letter: name one incident id."));
    };
    let k = owner_words(db, incident, kind.letter_kind(), tone, a.text, a.version)?.expect("text or version given");
    if !qualifier_gate(&k.body, a.anyway) {
        return Ok(ExitCode::from(1));
    }
    let words = kept::stored_text(k.subject.as_deref(), &k.body);
    let r = letters::render_owner_letter(db, incident, kind, tone, &words, paper, &a.output)?;
    println!("Wrote version {} ({} page(s)) to {}.", k.version, r.pages, a.output.display());
    for w in &r.warnings {
        eprintln!("Warning: {w}");
    }
    if a.mark_sent {
        kept::mark_sent(db, incident, k.version, kept::SentBy::Post)?;
        println!("Marked version {} as sent.", k.version);
    }
    Ok(ExitCode::SUCCESS)
}

/// `amends email`: a .eml file with the words, and the follow-up's PDF attached.
pub fn email(db: &mut Db, a: EmailArgs) -> Result<ExitCode> {
    let tone: Tone = letters::parse_tone(&a.tone)?;
    let (kind, letter_kind) = match a.which {
        EmailWhich::Apology => (PrintKind::Apology, LetterKind::Email),
        EmailWhich::FollowUp => (PrintKind::FollowUp, LetterKind::FollowUp),
    };
    let words = owner_words(db, a.incident, letter_kind, tone, a.text, a.version)?;
    let text = words.as_ref().map(|k| kept::stored_text(k.subject.as_deref(), &k.body));
    let body = match &text {
        Some(t) => kept::split_subject(t).1,
        None => amends::email::email_draft(db, a.incident, kind, tone, None)?.body,
    };
    if !qualifier_gate(&body, a.anyway) {
        return Ok(ExitCode::from(1));
    }
    let d = amends::email::write_eml(db, a.incident, kind, tone, text.as_deref(), &a.output)?;
    println!(
        "Wrote the email to {} <{}> to {}{}.",
        d.to_name,
        d.to_email,
        a.output.display(),
        d.attachment.as_deref().map(|n| format!(", with {n} attached")).unwrap_or_default()
    );
    Ok(ExitCode::SUCCESS)
}

/// `amends letters list|show|sent`.
pub fn letters_cmd(db: &mut Db, c: LettersCmd) -> Result<ExitCode> {
    match c {
        LettersCmd::List { incident, json } => {
            let all = kept::list(db, incident)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&all).expect("serialises"));
            } else if all.is_empty() {
                println!("No letters kept for incident #{incident} yet.");
            } else {
                for k in &all {
                    println!(
                        "{:>3}  {:<10} {}  {:<8}  {}",
                        k.version,
                        k.kind.key(),
                        k.created_at.format("%Y-%m-%d %H:%M"),
                        if let Some(t) = k.sent_at {
                            format!("sent {}", t.format("%Y-%m-%d"))
                        } else {
                            "not sent".into()
                        },
                        k.first_line
                    );
                }
            }
        }
        LettersCmd::Show { incident, version } => {
            let k = kept::get(db, incident, version)?;
            print!("{}", kept::stored_text(k.subject.as_deref(), &k.body));
            println!();
        }
        LettersCmd::Sent { incident, version, by } => {
            let by = match by.trim() {
                "post" => kept::SentBy::Post,
                "email" => kept::SentBy::Email,
                other => {
                    return Err(Error::invalid("by", format!("\"{other}\" is not a way to send. Use post or email.")))
                }
            };
            let k = kept::mark_sent(db, incident, version, by)?;
            println!("Marked version {} ({}) as sent.", k.version, kind_name(k.kind));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `amends print FILE.pdf`: send a PDF to a CUPS printer.
pub fn print(a: PrintArgs) -> Result<ExitCode> {
    let job = amends::printing::print_pdf(&a.file, a.printer.as_deref())?;
    println!("Sent {} to the printer. {job}", a.file.display());
    Ok(ExitCode::SUCCESS)
}

/// `amends printers`: the printers CUPS lists, the default marked.
pub fn printers(json: bool) -> Result<ExitCode> {
    let p = amends::printing::printers()?;
    if json {
        println!("{}", serde_json::to_string_pretty(&p).expect("serialises"));
    } else if p.printers.is_empty() {
        println!("No printers are set up.");
    } else {
        for name in &p.printers {
            println!("{}{name}", if p.default.as_deref() == Some(name) { "* " } else { "  " });
        }
    }
    Ok(ExitCode::SUCCESS)
}
