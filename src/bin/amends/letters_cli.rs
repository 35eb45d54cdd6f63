//! CLI for the words and the paper: `check` (qualifiers in any text),
//! `draft` (apology, email, call script, follow-up) and `letter` (PDF).
use amends::checker::{self, Finding};
use amends::domain::LetterKind;
use amends::draft::Tone;
use amends::letters::{self, PrintKind};
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
    #[arg(short = 'o', long = "output", value_name = "OUT.pdf")]
    output: PathBuf,
    #[arg(long, value_name = "letter|a4")]
    paper: Option<String>,
    #[arg(long, default_value = "warm")]
    tone: String,
    /// After printing: mark these follow-ups as sent (only once they really went out).
    #[arg(long)]
    mark_sent: bool,
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
        print!("{}", checker::apply_replacements(&text, &findings));
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
    let ids = if a.due {
        if kind != PrintKind::FollowUp {
            return Err(Error::invalid("due", "--due is for follow-up letters."));
        }
        db.follow_ups_due()?
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
    let r = letters::render_batch(db, &ids, kind, tone, paper, &a.output)?;
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
