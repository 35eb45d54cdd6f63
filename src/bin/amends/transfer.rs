//! `amends export` and `amends import customers`: spreadsheets in and out.
//! Arguments are parsed here and handed to `amends::spreadsheet`; what the
//! files contain and every rule about them live in the core.
use amends::domain::Status;
use amends::spreadsheet::{self, ExportOptions, Field, ImportOptions, ImportReport, Progress};
use amends::{Db, Error, Result};
use clap::{Args, Subcommand};
use std::io::IsTerminal;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct ExportArgs {
    #[arg(long, value_name = "xlsx|csv")]
    format: String,
    /// Only this table: customers, incidents, changes, timeline or letters.
    #[arg(long, value_name = "TABLE")]
    table: Option<String>,
    /// Incidents that happened on or after this day.
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Incidents that happened on or before this day.
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// new, in_recovery, follow_up_due, closed, or open (all but closed); repeat or separate with commas.
    #[arg(long, value_name = "STATUS", value_delimiter = ',')]
    status: Vec<String>,
    /// Only incidents in this category; repeat or separate with commas.
    #[arg(long, value_name = "CATEGORY", value_delimiter = ',')]
    category: Vec<String>,
    /// CSV without the byte-order mark (for programs that choke on it).
    #[arg(long)]
    no_bom: bool,
    /// The file to write; for CSV of every table, a folder that receives one file per table.
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    output: PathBuf,
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
pub enum ImportCmd {
    /// Add or update customers from a CSV file or a workbook.
    Customers {
        file: PathBuf,
        /// Report what would happen; change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Import the good rows even if some rows are invalid.
        #[arg(long)]
        skip_invalid: bool,
        /// Name a column explicitly, like --map email="Contact e-mail"; repeat for more.
        #[arg(long = "map", value_name = "FIELD=HEADER")]
        map: Vec<String>,
        /// Read the mapping from a JSON file: {"name": "Client", "email": "E-mail 1 - Value"}.
        #[arg(long = "map-file", value_name = "FILE.json")]
        map_file: Option<PathBuf>,
        /// Print "progress DONE/TOTAL" lines to stderr every 1,000 rows (for scripts).
        #[arg(long)]
        progress: bool,
        #[arg(long)]
        json: bool,
    },
}

pub fn export(db: &Db, a: ExportArgs) -> Result<ExitCode> {
    let mut statuses = Vec::new();
    for s in a.status.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if s == "open" {
            statuses.extend([Status::New, Status::InRecovery, Status::FollowUpDue]);
        } else {
            statuses.push(s.parse()?);
        }
    }
    let mut opts = ExportOptions::from_text(&a.format, a.table.as_deref(), a.from.as_deref(), a.to.as_deref())?;
    opts.filter.statuses = statuses;
    opts.filter.categories = a.category.iter().map(|c| c.trim().to_lowercase()).filter(|c| !c.is_empty()).collect();
    opts.bom = !a.no_bom;
    let show_progress = std::io::stderr().is_terminal() && !a.json;
    let summary = spreadsheet::export(db, &opts, &a.output, |p: Progress| {
        if show_progress {
            eprint!("\r{:>3.0}%  {} {}/{}   ", p.fraction() * 100.0, p.table.key(), p.table_rows_done, p.table_rows);
        }
        ControlFlow::Continue(())
    })?;
    if show_progress {
        eprintln!();
    }
    if a.json {
        println!("{}", serde_json::to_string_pretty(&summary).expect("JSON values always serialise"));
    } else {
        for t in &summary.tables {
            println!("{:<10} {:>9} rows  {}", t.table.key(), t.rows, t.file.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn import(db: &mut Db, cmd: ImportCmd) -> Result<ExitCode> {
    let ImportCmd::Customers { file, dry_run, skip_invalid, map, map_file, progress, json } = cmd;
    let mut mapping = Vec::new();
    if let Some(path) = &map_file {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        mapping.extend(ImportOptions::mapping_from_json(&text)?);
    }
    for m in &map {
        let (field, header) = m.split_once('=').ok_or_else(|| {
            Error::invalid(
                "mapping",
                format!("\"{m}\": write a mapping as FIELD=HEADER, like email=\"Contact e-mail\"."),
            )
        })?;
        mapping.push((field.parse::<Field>()?, header.to_string()));
    }
    let started = std::time::Instant::now();
    // Progress lines need the row count first (one more read of the file); without them, skip it.
    let opts = ImportOptions { dry_run, skip_invalid, mapping, progress_total: progress };
    let report = if progress {
        spreadsheet::import_customers(db, &file, &opts, |p| {
            if p.done % 1000 == 0 || p.done == p.total {
                eprintln!("progress {}/{}", p.done, p.total);
            }
            ControlFlow::Continue(())
        })?
    } else {
        spreadsheet::import_customers(db, &file, &opts, amends::progress::ignore)?
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&report).expect("JSON values always serialise"));
    } else {
        print_report(&report, started.elapsed().as_secs_f64());
    }
    // A dry run that found bad rows exits 1, like check-db with problems, so scripts can stop.
    Ok(if dry_run && !report.invalid.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn print_report(r: &ImportReport, secs: f64) {
    let verb = if r.dry_run { ("Would add", "update", "skip") } else { ("Added", "updated", "skipped") };
    println!(
        "{} {}, {} {}, {} {} of {} rows ({}{}) in {secs:.1} s.",
        verb.0,
        r.added,
        verb.1,
        r.updated,
        verb.2,
        r.skipped,
        r.rows,
        r.encoding,
        r.delimiter.as_deref().map(|d| format!(", separated by {d}")).unwrap_or_default(),
    );
    if let Some(l) = &r.looks_like {
        println!("{l}");
    }
    for w in &r.warnings {
        println!("Note: {w}");
    }
    if !r.named_after_contact.is_empty() {
        println!("{} customer(s) have no name in the file:", r.named_after_contact.len());
        for n in &r.named_after_contact {
            println!("  line {}: named after their {} ({}) - add a name", n.line, n.named_after, n.name);
        }
    }
    if !r.possible_duplicates.is_empty() {
        println!(
            "{} possible duplicate(s), kept apart (same phone, different name or email):",
            r.possible_duplicates.len()
        );
        for d in &r.possible_duplicates {
            println!("  line {}: {} shares {} with #{} {}", d.line, d.name, d.phone, d.other_id, d.other_name);
        }
    }
    if !r.skipped_rows.is_empty() {
        for s in r.skipped_rows.iter().take(20) {
            println!("  skipped line {}: {}", s.line, s.reason);
        }
        if r.skipped_rows.len() > 20 {
            println!("  … and {} more skipped", r.skipped as usize - 20);
        }
    }
    let ignored: Vec<&str> =
        r.columns.iter().filter(|c| c.field.is_none() && !c.header.is_empty()).map(|c| c.header.as_str()).collect();
    if !ignored.is_empty() {
        println!("Ignored {} column(s): {}", ignored.len(), amends::text::list_some(&ignored, 10));
    }
    if !r.invalid.is_empty() {
        println!("{} invalid row(s){}:", r.invalid.len(), if r.dry_run { "" } else { ", left out" });
        for i in &r.invalid {
            match &i.field {
                Some(f) => println!("  line {} ({f}): {}", i.line, i.reason),
                None => println!("  line {}: {}", i.line, i.reason),
            }
        }
    }
    if r.dry_run {
        println!("Dry run: nothing was changed.");
    }
}
