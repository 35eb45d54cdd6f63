//! The `amends` command line: scripts, checks and benchmarks use these exact
//! forms (see README "Command line"). Each subcommand parses its arguments,
//! calls one core function and prints the result; no business rule lives here.
mod categories_cli;
mod causes_cli;
mod clocks_cli;
mod incidents_cli;
mod json;
mod letters_cli;
mod records;
mod transfer;

use amends::dates;
use amends::demo::{self, DemoOptions};
use amends::domain::{Address, CustomerInput, DiscoveredBy, IncidentInput, RecoveryStep, Status};
use amends::store::{self, IncidentFilter, StepAction};
use amends::text::shown;
use amends::this_computer::Records;
use amends::{Db, Error, Result};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "amends", version, about = "Turn a mistake into a loyal customer.")]
struct Cli {
    /// The records file (default: the app's data folder), or a shared database
    /// (postgres://USER@HOST/DATABASE); or set AMENDS_DB.
    #[arg(long, global = true, env = "AMENDS_DB", value_name = "PATH|URL")]
    db: Option<PathBuf>,
    /// Who is working: kept with each change to an incident, timeline entry and audit line
    /// (default: the name set in the app on this computer).
    #[arg(long = "as", global = true, env = "AMENDS_PERSON", value_name = "NAME")]
    person: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Fill the database with realistic sample data.
    Demo {
        #[arg(long, default_value_t = 60)]
        customers: usize,
        #[arg(long, default_value_t = 90)]
        incidents: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The day the sample data is built around (default: today), for repeatable output.
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// Print "progress DONE/TOTAL" lines to stderr as it goes (for scripts).
        #[arg(long)]
        progress: bool,
        /// With no business profile yet: which sample business to set up
        /// (general, trades, retail, restaurant or services; default trades).
        #[arg(long, value_name = "TYPE")]
        business_type: Option<String>,
    },
    /// Remove all sample customers and incidents (a backup first); what you added stays.
    RemoveSampleData {
        /// Confirm.
        #[arg(long)]
        yes: bool,
    },
    /// Add, list and search customers.
    #[command(subcommand)]
    Customers(CustomersCmd),
    /// Log incidents and walk them through the recovery steps.
    #[command(subcommand)]
    Incidents(incidents_cli::IncidentsCmd),
    /// The business profile that signs the letters.
    #[command(subcommand)]
    Profile(ProfileCmd),
    /// Causes: one mistake that touched many customers.
    #[command(subcommand)]
    Causes(causes_cli::CausesCmd),
    /// Incident categories: list, add, rename, merge, remove.
    #[command(subcommand)]
    Categories(categories_cli::CategoriesCmd),
    /// What is late or falls due today, each with its clock (most late first).
    Due {
        #[arg(long)]
        json: bool,
        /// Every running clock, not only today's.
        #[arg(long)]
        all: bool,
    },
    /// A calendar file (.ics) of promised fixes, call-backs, follow-ups due and outcome checks.
    Calendar {
        #[arg(short = 'o', long = "output", value_name = "FILE.ics")]
        output: PathBuf,
    },
    /// The response-clock targets and working hours; with options, change them.
    Clocks(clocks_cli::ClocksArgs),
    /// Check the database file with SQLite's integrity and foreign-key checks.
    CheckDb,
    /// Find qualifiers ("sorry, but…", "any inconvenience") in a text; exit 1 if any.
    Check(letters_cli::CheckArgs),
    /// Draft an apology letter, email, call script or follow-up for an incident.
    Draft(letters_cli::DraftArgs),
    /// Print-ready PDF letters for window envelopes.
    Letter(letters_cli::LetterArgs),
    /// The kept versions of an incident's letters: list, show, mark one sent.
    #[command(subcommand)]
    Letters(letters_cli::LettersCmd),
    /// An email file (.eml) to open and send from any mail program.
    Email(letters_cli::EmailArgs),
    /// Print a PDF on a printer (CUPS).
    Print(letters_cli::PrintArgs),
    /// The printers you can print to; the default is marked with *.
    Printers {
        #[arg(long)]
        json: bool,
    },
    /// Back up the database (checked with an integrity check before it is kept).
    Backup(records::BackupArgs),
    /// Restore from a backup: the current records are backed up first.
    Restore(records::RestoreArgs),
    /// Export to a spreadsheet (XLSX) or CSV files.
    Export(transfer::ExportArgs),
    /// Import customers from a CSV file or a workbook.
    #[command(subcommand)]
    Import(transfer::ImportCmd),
    /// Move the records of this file into an empty shared PostgreSQL database
    /// (postgres://user@host/db), in one transaction, checked by counting.
    MigrateTo(records::MigrateToArgs),
}

// Parsed once per run: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum CustomersCmd {
    /// Add a customer; prints the new id.
    Add(CustomerArgs),
    /// List customers, optionally only those matching a search.
    List {
        #[arg(long)]
        search: Option<String>,
        #[arg(long)]
        limit: Option<usize>,
        #[arg(long)]
        json: bool,
    },
    /// Show one customer.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Everything held about one customer, as readable JSON (a data-access request).
    ExportData {
        id: i64,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Erase a customer and all their incidents, letters and timeline (on request).
    Erase {
        id: i64,
        /// Confirm: erasing cannot be undone.
        #[arg(long)]
        yes: bool,
        /// Erase the person from the backups that still hold them, too.
        #[arg(long)]
        from_backups: bool,
    },
}

/// A postal address, shared by customers and the business profile.
#[derive(Args)]
struct AddressArgs {
    /// One street line; repeat for more lines.
    #[arg(long = "address-line", value_name = "LINE")]
    address_lines: Vec<String>,
    #[arg(long)]
    city: Option<String>,
    #[arg(long)]
    region: Option<String>,
    #[arg(long)]
    postal_code: Option<String>,
    #[arg(long)]
    country: Option<String>,
}

#[derive(Args)]
struct CustomerArgs {
    #[arg(long)]
    name: String,
    #[arg(long)]
    email: Option<String>,
    #[arg(long)]
    phone: Option<String>,
    #[arg(long)]
    company: Option<String>,
    #[command(flatten)]
    address: AddressArgs,
    #[arg(long)]
    notes: Option<String>,
    /// What the customer spends a year with us, e.g. 1200.
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    yearly_spend: Option<String>,
    /// How many more years they would stay if all goes well.
    #[arg(long)]
    expected_years: Option<u32>,
}

#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum ProfileCmd {
    /// Set the business profile; fields not given keep their value.
    Set {
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        signer: Option<String>,
        #[arg(long)]
        signer_title: Option<String>,
        #[command(flatten)]
        address: AddressArgs,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        website: Option<String>,
        #[arg(long, value_name = "letter|a4")]
        paper: Option<String>,
        #[arg(long, value_name = "CODE")]
        currency: Option<String>,
        #[arg(long, value_name = "FORMAT")]
        date_format: Option<String>,
        #[arg(long, value_name = "PRESET")]
        envelope: Option<String>,
        /// A PNG or JPEG for the letterhead (at most 5 MB).
        #[arg(long, value_name = "FILE")]
        logo: Option<PathBuf>,
        /// A scanned signature, PNG or JPEG (at most 5 MB).
        #[arg(long, value_name = "FILE")]
        signature: Option<PathBuf>,
    },
    /// Show the business profile.
    Show {
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    // In a pipe that closes early (`amends customers list | head -1`), end
    // quietly as other command-line tools do, not with a panic.
    #[cfg(unix)]
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("amends: {e}");
            ExitCode::from(2)
        }
    }
}

/// What `--db` names (a file or a shared database), else the file in the app-data folder.
fn records(db: Option<PathBuf>) -> Result<Records> {
    match db {
        Some(p) => Records::named(p.as_os_str()),
        None => Ok(Records::File(store::default_path()?)),
    }
}

/// What to say of the backup a risky change takes first: a shared database's are its server's.
pub(crate) fn backup_said(db: &Db) -> &'static str {
    if db.path().is_some() {
        " A backup was taken first."
    } else {
        ""
    }
}

fn print_json(v: &impl serde::Serialize) {
    println!("{}", serde_json::to_string_pretty(v).expect("JSON values always serialise"));
}

fn run(cli: Cli) -> Result<ExitCode> {
    // Checking text needs no database: don't create one.
    let command = match cli.command {
        Command::Check(a) => return letters_cli::check(a),
        Command::Print(a) => return letters_cli::print(a),
        Command::Printers { json } => return letters_cli::printers(json),
        other => other,
    };
    let records = records(cli.db)?;
    // Opening a file that is not there makes an empty one: a move would then copy nothing.
    if let (Command::MigrateTo(_), Records::File(path)) = (&command, &records) {
        if !path.exists() {
            return Err(Error::invalid(
                "db",
                format!("There is no records file at {} to move. Name yours with --db FILE.", path.display()),
            ));
        }
    }
    let mut db = records.open()?;
    let person = cli.person.or_else(|| {
        let settings = amends::this_computer::ThisComputer::default_path()?;
        amends::this_computer::ThisComputer::load(&settings).ok()?.person
    });
    db.set_person(person.as_deref());
    let cur = db.profile()?.currency;
    match command {
        Command::Demo { customers, incidents, seed, as_of, progress, business_type } => {
            let as_of = as_of.map(|d| dates::parse_date("as_of", &d)).transpose()?;
            let business_type = business_type.as_deref().map(str::parse).transpose()?;
            let started = std::time::Instant::now();
            let opts = DemoOptions { customers, incidents, seed, as_of, business_type };
            let s = demo::fill(&mut db, &opts, |p| {
                if progress {
                    eprintln!("progress {}/{}", p.done, p.total);
                }
                std::ops::ControlFlow::Continue(())
            })?;
            println!(
                "Added {} customers, {} incidents, {} changes and {} timeline entries in {:.1} s.",
                s.customers,
                s.incidents,
                s.changes,
                s.timeline_entries,
                started.elapsed().as_secs_f64()
            );
        }
        Command::Customers(CustomersCmd::Add(a)) => {
            let c = db.add_customer(&CustomerInput {
                name: a.name,
                company: a.company,
                email: a.email,
                phone: a.phone,
                address: Address {
                    lines: a.address.address_lines,
                    city: a.address.city,
                    region: a.address.region,
                    postal_code: a.address.postal_code,
                    country: a.address.country,
                },
                notes: a.notes,
                tags: vec![],
                yearly_spend: a.yearly_spend,
                expected_years: a.expected_years,
                seen_version: None,
            })?;
            println!("{}", c.id);
        }
        Command::Customers(CustomersCmd::List { search, limit, json }) => {
            let list = db.search_customers(search.as_deref().unwrap_or(""), limit)?;
            if json {
                print_json(&list.iter().map(|c| json::customer(c, cur)).collect::<Vec<_>>());
            } else {
                for c in &list {
                    let contact = c.email.as_deref().or(c.phone.as_deref()).unwrap_or("");
                    println!("{:>7}  {:<32}  {}", c.id, shown(&c.name), shown(contact));
                }
                eprintln!("{} customer(s)", list.len());
            }
        }
        Command::Customers(CustomersCmd::Show { id, json }) => {
            let c = db.customer(id)?;
            if json {
                print_json(&json::customer(&c, cur));
            } else {
                println!("#{} {}", c.id, shown(&c.name));
                for line in [&c.company, &c.email, &c.phone].into_iter().flatten() {
                    println!("  {}", shown(line));
                }
                for line in c.address.block() {
                    println!("  {}", shown(&line));
                }
                println!(
                    "  spends {} a year; expected to stay {} more years",
                    cur.format(c.yearly_spend_minor),
                    c.expected_years
                );
            }
        }
        Command::Incidents(cmd) => return incidents_cli::incidents(&mut db, cmd, cur),
        Command::Check(_) | Command::Print(_) | Command::Printers { .. } => {
            unreachable!("handled before the database is opened")
        }
        Command::Draft(a) => return letters_cli::draft(&mut db, a),
        Command::Letter(a) => return letters_cli::letter(&mut db, a),
        Command::Letters(c) => return letters_cli::letters_cmd(&mut db, c),
        Command::Causes(c) => return causes_cli::run(&mut db, c),
        Command::Categories(c) => categories_cli::categories(&mut db, c)?,
        Command::Due { json, all } => clocks_cli::due(&db, json, all)?,
        Command::RemoveSampleData { yes } => {
            let (c, i) = db.sample_counts()?;
            if !yes {
                return Err(Error::invalid(
                    "yes",
                    format!("This removes {c} sample customer(s) and {i} sample incident(s). Add --yes to confirm."),
                ));
            }
            let r = demo::remove(&mut db)?;
            println!(
                "Removed {} sample customer(s) and {} sample incident(s){}.{}",
                r.customers,
                r.incidents,
                if r.customers_kept > 0 {
                    format!("; kept {} you logged incidents for", r.customers_kept)
                } else {
                    String::new()
                },
                backup_said(&db)
            );
        }
        Command::Calendar { output } => {
            let n = amends::calendar::write_ics(&db, dates::now(), &output)?;
            println!("Wrote {n} event(s) to {}.", output.display());
        }
        Command::Clocks(a) => clocks_cli::clocks(&mut db, a)?,
        Command::Email(a) => return letters_cli::email(&mut db, a),
        Command::Backup(a) => return records::backup(&db, a),
        Command::Restore(a) => return records::restore(&mut db, a),
        Command::Customers(CustomersCmd::ExportData { id, output }) => return records::export_data(&db, id, output),
        Command::Customers(CustomersCmd::Erase { id, yes, from_backups }) => {
            return records::erase(&mut db, id, yes, from_backups)
        }
        Command::Export(a) => return transfer::export(&db, a),
        Command::Import(cmd) => return transfer::import(&mut db, cmd),
        Command::MigrateTo(a) => return records::migrate_to(&mut db, a),
        Command::Profile(ProfileCmd::Show { json }) => {
            let p = db.profile()?;
            if json {
                print_json(&json::profile(&p));
            } else {
                println!("{}", if p.business_name.is_empty() { "(no business name yet)" } else { &p.business_name });
                println!(
                    "Signed by {}{}",
                    p.signer_name,
                    p.signer_title.as_deref().map(|t| format!(", {t}")).unwrap_or_default()
                );
                for line in p.address_block() {
                    println!("  {line}");
                }
                println!("Currency {}, paper {}, envelope {}", p.currency, p.paper.key(), p.envelope.key());
            }
        }
        Command::Profile(ProfileCmd::Set {
            name,
            signer,
            signer_title,
            address: AddressArgs { address_lines, city, region, postal_code, country },
            phone,
            email,
            website,
            paper,
            currency,
            date_format,
            envelope,
            logo,
            signature,
        }) => {
            let mut p = db.profile()?;
            if let Some(v) = name {
                p.business_name = v;
            }
            if let Some(v) = signer {
                p.signer_name = v;
            }
            if !address_lines.is_empty() {
                p.address_lines = address_lines;
            }
            for (slot, v) in [
                (&mut p.signer_title, signer_title),
                (&mut p.city, city),
                (&mut p.region, region),
                (&mut p.postal_code, postal_code),
                (&mut p.country, country),
                (&mut p.phone, phone),
                (&mut p.email, email),
                (&mut p.website, website),
            ] {
                if v.is_some() {
                    *slot = v;
                }
            }
            if let Some(v) = paper {
                p.paper = v.parse()?;
            }
            if let Some(v) = currency {
                p.currency = v.parse()?;
            }
            if let Some(v) = date_format {
                p.date_format = v.parse()?;
            }
            if let Some(v) = envelope {
                p.envelope = v.parse()?;
            }
            let p = db.save_profile(&p)?;
            for (slot, file) in
                [(amends::store::ImageSlot::Logo, logo), (amends::store::ImageSlot::Signature, signature)]
            {
                if let Some(f) = file {
                    amends::letters::set_profile_image(&mut db, slot, Some(&f))?;
                }
            }
            println!("Saved the profile for {}.", p.business_name);
        }
        Command::CheckDb => {
            let problems = db.check_integrity()?;
            if problems.is_empty() {
                println!("The database is healthy: integrity check ok, no broken links between records.");
            } else {
                println!("The database has {} problem(s):", problems.len());
                for p in problems {
                    println!("  - {p}");
                }
                return Ok(ExitCode::from(1));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
