//! CLI for causes: one mistake that touched many customers.
use amends::causes::{self, Who};
use amends::domain::CauseInput;
use amends::{dates, Db, Error, Result};
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum CausesCmd {
    /// Record a cause; prints its id.
    Add {
        #[arg(long)]
        title: String,
        #[arg(long)]
        category: Option<String>,
        #[arg(long, value_name = "DATE")]
        started: Option<String>,
        #[arg(long, value_name = "DATE")]
        ended: Option<String>,
        #[arg(long)]
        what_happened: Option<String>,
    },
    /// Every cause, with how far its customers' recoveries have gone.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One cause: its incidents, its changes, and the before/after counts.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Open a get-there-first incident for each customer it touched (one transaction); prints their ids.
    Affect {
        id: i64,
        #[arg(long = "customer", value_name = "ID")]
        customers: Vec<i64>,
        #[arg(long, conflicts_with_all = ["customers", "customers_file"])]
        tag: Option<String>,
        /// Names or email addresses, one per line (matched against the records; unmatched ones listed).
        #[arg(long, value_name = "FILE", conflicts_with = "customers")]
        customers_file: Option<PathBuf>,
        /// Only list who would be contacted.
        #[arg(long)]
        dry_run: bool,
    },
    /// Link an existing incident to the cause.
    Link {
        id: i64,
        #[arg(long)]
        incident: i64,
    },
    /// A change made because of the cause; it flows into every linked incident.
    Change {
        id: i64,
        #[arg(long)]
        text: String,
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// A photo of the change (JPEG or PNG; at most two print under it).
        #[arg(long, value_name = "FILE")]
        photo: Vec<std::path::PathBuf>,
    },
}

pub fn run(db: &mut Db, c: CausesCmd) -> Result<ExitCode> {
    match c {
        CausesCmd::Add { title, category, started, ended, what_happened } => {
            let cause =
                db.add_cause(&CauseInput { title, what_happened, category, started_on: started, ended_on: ended })?;
            println!("{}", cause.id);
        }
        CausesCmd::List { json } => {
            let all = db.causes()?;
            if json {
                println!("{}", serde_json::to_string_pretty(&all).expect("serialises"));
            } else if all.is_empty() {
                println!("No causes recorded.");
            } else {
                for s in &all {
                    println!(
                        "#{:<4} {:<40} {} incident(s): {} contacted, {} fixed, {} followed up; {} change(s){}",
                        s.cause.id,
                        s.cause.title,
                        s.incidents,
                        s.contacted,
                        s.fixed,
                        s.followed_up,
                        s.cause.changes.len(),
                        if s.came_back.is_empty() {
                            String::new()
                        } else {
                            format!("; CAME BACK: {} since", s.came_back.len())
                        }
                    );
                }
            }
        }
        CausesCmd::Show { id, json } => {
            let d = causes::detail(db, id)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&d).expect("serialises"));
            } else {
                println!("#{} {}", d.cause.id, d.cause.title);
                for i in &d.incidents {
                    println!("  incident #{} {} ({})", i.id, i.customer_name, i.status.key());
                }
                for e in &d.effects {
                    println!("  {}: {}\n    {}", e.change.date, e.change.text, e.words);
                }
                if !d.came_back.is_empty() {
                    println!("  Came back: incidents {:?} after the last change.", d.came_back);
                }
            }
        }
        CausesCmd::Affect { id, customers, tag, customers_file, dry_run } => {
            let who = match (tag, customers_file) {
                (Some(t), _) => Who::Tag(t),
                (None, Some(f)) => {
                    amends::files::check_input(&f)?;
                    Who::List(std::fs::read_to_string(&f).map_err(|e| Error::io(&f, e))?)
                }
                (None, None) if !customers.is_empty() => Who::Customers(customers),
                _ => {
                    return Err(Error::invalid(
                        "customers",
                        "Say who it touched: --customer ID, --tag T or --customers-file FILE.",
                    ))
                }
            };
            let r = causes::affect(db, id, &who, dry_run)?;
            for u in &r.unmatched {
                eprintln!("Not matched: {u}");
            }
            if dry_run {
                for (cid, name) in &r.customers {
                    println!("would contact #{cid} {name}");
                }
            } else {
                for i in &r.incident_ids {
                    println!("{i}");
                }
            }
        }
        CausesCmd::Link { id, incident } => {
            db.link_incident(incident, Some(id))?;
            println!("Incident #{incident} now belongs to cause #{id}.");
        }
        CausesCmd::Change { id, text, date, photo } => {
            let on = date.map(|d| dates::parse_date("date", &d)).transpose()?.unwrap_or_else(dates::today);
            let photos = photo.iter().map(|p| amends::photos::prepare_file(p)).collect::<Result<Vec<_>>>()?;
            let c = db.add_cause_change_with_photos(id, on, &text, &photos)?;
            let with = match c.photos.len() {
                0 => String::new(),
                1 => " with its photo".into(),
                n => format!(" with its {n} photos"),
            };
            println!("Added the change ({}){with} to cause #{id} and every incident linked to it.", c.date);
        }
    }
    Ok(ExitCode::SUCCESS)
}
