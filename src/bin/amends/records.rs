//! CLI for keeping records safe: backup, restore, and a customer's data
//! rights (export everything about them, erase on request).
use amends::store::backup::{self, Retention};
use amends::store::shared::SharedLocation;
use amends::{Db, Error, Result};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct BackupArgs {
    /// Where to write the backup (default: the backups folder beside the database, with rotation).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// List the backups Amends made (path, time, reason, size) instead of making one.
    #[arg(long, conflicts_with = "output")]
    list: bool,
    #[arg(long, requires = "list")]
    json: bool,
}

#[derive(Args)]
pub struct RestoreArgs {
    /// The backup file to restore from.
    file: PathBuf,
}

#[derive(Args)]
pub struct MigrateToArgs {
    /// The shared database: postgres://USER@HOST[:PORT]/DATABASE. The password may be in a
    /// password file (?passfile=FILE, PGPASSFILE or ~/.pgpass) instead of the address.
    #[arg(value_name = "URL")]
    url: String,
    /// Copy and count everything, then roll it back: nothing is kept on the server.
    #[arg(long)]
    dry_run: bool,
    #[arg(long)]
    json: bool,
}

pub fn migrate_to(db: &mut Db, a: MigrateToArgs) -> Result<ExitCode> {
    let target = SharedLocation::parse(&a.url)?;
    let started = std::time::Instant::now();
    let report = db.move_to_shared(&target, a.dry_run, amends::progress::ignore)?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&report).expect("JSON values always serialise"));
        return Ok(ExitCode::SUCCESS);
    }
    for t in &report.tables {
        println!("{:<16} {:>9}", t.table, t.rows);
    }
    let what = format!("{} customers and {} incidents", report.rows("customers"), report.rows("incidents"));
    if report.dry_run {
        println!(
            "Dry run: {what} copied to {} and counted the same on both sides in {:.2} s, then rolled back; nothing was kept there.",
            report.target,
            started.elapsed().as_secs_f64()
        );
    } else {
        println!(
            "Moved {what} to {} in {:.2} s; every table counted the same on both sides. This file is unchanged.",
            report.target,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn backup(db: &Db, a: BackupArgs) -> Result<ExitCode> {
    db.refuse_shared_backup()?;
    if a.list {
        let dir =
            db.path().map(backup::backups_dir).ok_or_else(|| Error::invalid("db", "This database has no folder."))?;
        let list = backup::backups_listed(&dir)?;
        if a.json {
            println!("{}", serde_json::to_string_pretty(&list).expect("JSON values always serialise"));
        } else {
            for b in &list {
                println!("{}  {:<22} {:>8.1} KB  {}", b.taken_at, b.reason, b.bytes as f64 / 1024.0, b.path.display());
            }
            eprintln!("{} backup(s) in {}", list.len(), dir.display());
        }
        return Ok(ExitCode::SUCCESS);
    }
    let started = std::time::Instant::now();
    let info = match a.output {
        Some(path) => db.backup_to(&path)?,
        None => db
            .backup_now("manual", Retention::default())?
            .ok_or_else(|| Error::invalid("output", "This database has no folder; give --output FILE."))?,
    };
    println!(
        "Backed up {} ({:.1} MB, checked) in {:.2} s.",
        info.path.display(),
        info.bytes as f64 / 1_048_576.0,
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn restore(db: &mut Db, a: RestoreArgs) -> Result<ExitCode> {
    let started = std::time::Instant::now();
    let r = db.restore_from(&a.file)?;
    println!("Restored from {} in {:.2} s.", a.file.display(), started.elapsed().as_secs_f64());
    if let Some(p) = r.previous_saved_to {
        println!("Your records as they were just before are saved in {}.", p.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Everything about one customer as readable JSON, to a file or stdout.
pub fn export_data(db: &Db, id: i64, output: Option<PathBuf>) -> Result<ExitCode> {
    let dossier = db.customer_dossier(id)?;
    let text = serde_json::to_string_pretty(&dossier).expect("the dossier always serialises");
    match output {
        Some(path) => {
            amends::files::refuse_database(&path, db.path())?;
            amends::files::write_atomically(&path, text.as_bytes())?;
            println!(
                "Wrote everything held about {} ({} incident(s), {} letter(s)) to {}.",
                dossier.customer.name,
                dossier.incidents.len(),
                dossier.letters.len(),
                path.display()
            );
        }
        None => println!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// What an erasure on a shared database leaves to whoever runs its server.
const SERVER_BACKUPS_HOLD: &str = "This is a shared database: its backups are its server's (pg_dump), which Amends \
     does not reach. Those taken before now still hold this person until they are deleted there.";

pub fn erase(db: &mut Db, id: i64, yes: bool, from_backups: bool) -> Result<ExitCode> {
    if !yes {
        let first = if db.path().is_some() { " (a backup is taken first)" } else { "" };
        return Err(Error::invalid(
            "yes",
            format!("Erasing a customer cannot be undone. Run again with --yes to confirm{first}."),
        ));
    }
    let r = db.erase_customer_on_request(id, from_backups)?;
    println!(
        "Erased customer #{id}: {} incident(s), {} letter(s), {} timeline entrie(s). An audit line records the erasure without personal data.",
        r.incidents, r.letters, r.timeline_entries
    );
    if r.removed_from_backups > 0 {
        println!("Also erased from {} backup(s).", r.removed_from_backups);
    }
    if !r.still_in_backups.is_empty() {
        println!(
            "{} backup(s) still hold this person until they rotate out (7 daily, 4 weekly):",
            r.still_in_backups.len()
        );
        for p in &r.still_in_backups {
            println!("  {p}");
        }
        println!("Run again with --from-backups to erase them from those backups too.");
    }
    if r.server_backups {
        println!("{}", SERVER_BACKUPS_HOLD);
    }
    Ok(ExitCode::SUCCESS)
}
