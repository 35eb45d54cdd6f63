//! Backups and restore with SQLite's online backup API, and the rotation
//! that decides which old backups to keep.
//!
//! A backup is written to a temporary file beside its target, checked with
//! `PRAGMA integrity_check`, made private (0600), and only then renamed into
//! place: a failed or interrupted backup never leaves a partial file where a
//! good one is expected. Restore checks the chosen file the same way and
//! backs up the current records before swapping anything in.
use super::{refuse_non_sqlite, schema, Db, MIGRATIONS, SCHEMA_VERSION};
use crate::dates;
use crate::error::{Error, Result};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How many backups rotation keeps: the newest of each of the last `daily`
/// days that have one, and the newest of each of the last `weekly` ISO weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    pub daily: usize,
    pub weekly: usize,
}

impl Default for Retention {
    fn default() -> Self {
        Retention { daily: 7, weekly: 4 }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct BackupInfo {
    #[serde(serialize_with = "crate::files::lossy_path::serialize")]
    pub path: PathBuf,
    pub bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct RestoreReport {
    /// Where the records as they were before the restore were saved.
    #[serde(serialize_with = "crate::files::lossy_path::option::serialize")]
    pub previous_saved_to: Option<PathBuf>,
    pub restored_schema_version: i64,
}

const PREFIX: &str = "amends-";
const SUFFIX: &str = ".sqlite3";

/// The backups folder beside a database file.
pub fn backups_dir(db_path: &Path) -> PathBuf {
    db_path.parent().unwrap_or(Path::new(".")).join("backups")
}

/// The file name for a backup taken at `at` for `reason` ("daily", "before-import"...).
fn backup_name(at: NaiveDateTime, reason: &str) -> String {
    format!("{PREFIX}{}-{reason}{SUFFIX}", at.format("%Y-%m-%d-%H%M%S"))
}

/// When the backup file `name` was taken, if it is one of ours.
fn taken_at(name: &str) -> Option<NaiveDateTime> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    NaiveDateTime::parse_from_str(rest.get(..17)?, "%Y-%m-%d-%H%M%S").ok()
}

/// Which backups to delete under `keep`: pure, so the policy is easy to test.
/// Every backup of the newest `daily` days that have one is kept (two taken
/// the same day, before an import and before an erasure, never replace each
/// other), and the newest of each of the newest `weekly` ISO weeks.
pub fn to_prune(backups: &[(PathBuf, NaiveDateTime)], keep: Retention) -> Vec<PathBuf> {
    let mut sorted: Vec<&(PathBuf, NaiveDateTime)> = backups.iter().collect();
    sorted.sort_by_key(|b| std::cmp::Reverse(b.1)); // newest first
    let mut kept = std::collections::HashSet::new();
    let mut days: Vec<NaiveDate> = Vec::new();
    let mut weeks: Vec<(i32, u32)> = Vec::new();
    for (path, at) in &sorted {
        let day = at.date();
        if !days.contains(&day) && days.len() < keep.daily {
            days.push(day);
        }
        if days.contains(&day) {
            kept.insert(path.clone());
        }
        let week = (day.iso_week().year(), day.iso_week().week());
        if !weeks.contains(&week) && weeks.len() < keep.weekly {
            weeks.push(week);
            kept.insert(path.clone());
        }
    }
    sorted.into_iter().filter(|(p, _)| !kept.contains(p)).map(|(p, _)| p.clone()).collect()
}

/// Copy `src` into a new private file at `dest` (temp file, check, rename).
fn copy_database(src: &Connection, dest: &Path) -> Result<BackupInfo> {
    let dir = dest.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let staged = crate::files::stage(dest, "backup")?;
    if let Err(e) = fill_copy(src, staged.path(), dest) {
        // SQLite may leave its own journal beside a copy that failed half-way
        // (a full disk): remove it with the temporary file.
        remove_sidecars(staged.path());
        return Err(e);
    }
    make_private(staged.path())?;
    staged.finish()?;
    let bytes = std::fs::metadata(dest).map_err(|e| Error::io(dest, e))?.len();
    Ok(BackupInfo { path: dest.to_path_buf(), bytes })
}

/// Remove the journal, WAL and shared-memory files SQLite may leave beside a
/// temporary database (its own file is removed by its owner).
fn remove_sidecars(path: &Path) {
    for side in crate::files::sqlite_sidecars(path) {
        let _ = std::fs::remove_file(side);
    }
}

/// Copy every page of `src` into the empty database file at `tmp` and check it.
fn fill_copy(src: &Connection, tmp: &Path, dest: &Path) -> Result<()> {
    let mut out = Connection::open(tmp)?;
    {
        let b = Backup::new(src, &mut out)?;
        b.run_to_completion(4096, Duration::ZERO, None).map_err(|e| disk_error(dest, e))?;
    }
    // One self-contained file: no -wal beside the backup.
    out.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(())).map_err(|e| disk_error(dest, e))?;
    let problems = integrity_problems(&out)?;
    if !problems.is_empty() {
        return Err(Error::invalid(
            "backup",
            format!("The backup did not pass its check ({}); nothing was saved.", problems.join("; ")),
        ));
    }
    Ok(())
}

fn disk_error(dest: &Path, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DiskFull) => Error::io(
            dest,
            std::io::Error::new(std::io::ErrorKind::StorageFull, "the disk is full; free some space and try again"),
        ),
        _ => e.into(),
    }
}

fn make_private(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).map_err(|e| Error::io(path, e))?;
    }
    let _ = path;
    Ok(())
}

fn integrity_problems(conn: &Connection) -> Result<Vec<String>> {
    let mut st = conn.prepare("PRAGMA integrity_check")?;
    let rows: Vec<String> = st.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(rows.into_iter().filter(|r| r != "ok").collect())
}

impl Db {
    /// "Back up now" to a file the owner chose.
    pub fn backup_to(&self, dest: &Path) -> Result<BackupInfo> {
        self.refuse_shared_backup()?;
        crate::files::refuse_database(dest, self.path())?;
        copy_database(self.lite()?, dest)
    }

    /// A shared database is backed up by its server, not by one of the computers using it.
    pub fn refuse_shared_backup(&self) -> Result<()> {
        match self.sql().on {
            super::sql::On::Pg(cell) => Err(Error::shared(
                cell.borrow().location.shown(),
                "is backed up on its server, not by Amends: use pg_dump there (see \"Backups of a shared \
                 database\" in the README). Nothing was written.",
            )),
            super::sql::On::Lite(_) => Ok(()),
        }
    }

    /// A timestamped backup in the backups folder beside the database, then
    /// rotation. Nothing for an in-memory database.
    /// On the shared database, nothing either: its server keeps the backups.
    pub fn backup_now(&self, reason: &str, keep: Retention) -> Result<Option<BackupInfo>> {
        let Some(db_path) = self.path() else { return Ok(None) };
        let dir = backups_dir(db_path);
        let info = copy_database(self.lite()?, &dir.join(backup_name(chrono::Local::now().naive_local(), reason)))?;
        prune(&dir, keep)?;
        Ok(Some(info))
    }

    /// Swap in the records from `source`. Everything is checked on a private
    /// copy first: the schema must be the one Amends builds for its version
    /// (no trigger or view of anyone else's), the integrity and foreign-key
    /// checks must pass, the copy is migrated and audited, and every record
    /// must read back through the store. Only then are the current records
    /// backed up and the copy's pages put in their place, in one step. On any
    /// failure the current records are untouched, and the message says so.
    pub fn restore_from(&mut self, source: &Path) -> Result<RestoreReport> {
        self.refuse_shared_backup()?;
        refuse_non_sqlite(source)?;
        crate::files::check_input(source)?;
        let untouched = |why: String| {
            Error::invalid(
                "backup",
                format!("{} can't be restored: {why}. Your current records were left as they are.", source.display()),
            )
        };
        let src = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|_| Error::NotADatabase { path: source.to_path_buf() })?;
        schema::harden(&src)?;
        let version: i64 = src
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|_| Error::NotADatabase { path: source.to_path_buf() })?;
        if version > SCHEMA_VERSION {
            return Err(Error::NewerSchema { found: version, supported: SCHEMA_VERSION });
        }
        let why = schema::differences(&src, version, MIGRATIONS)?;
        if !why.is_empty() {
            return Err(untouched(format!(
                "it is not an Amends backup ({})",
                why.into_iter().take(3).collect::<Vec<_>>().join("; ")
            )));
        }

        // The private copy, beside the live file (or in the temp folder for an in-memory database).
        let dir = match self.path() {
            Some(p) => p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf(),
            None => std::env::temp_dir(),
        };
        let staged = tempfile::Builder::new()
            .prefix(".amends-restore-")
            .suffix(".sqlite3")
            .tempfile_in(&dir)
            .map_err(|e| Error::io(&dir, e))?;
        let result = self.stage_and_check(&src, staged.path(), version, &untouched);
        drop(src);
        if let Err(e) = result {
            remove_sidecars(staged.path());
            return Err(e);
        }
        let previous = self.backup_now("before-restore", Retention::default())?.map(|b| b.path);
        let copy = Connection::open_with_flags(staged.path(), OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        {
            // The backup API writes the destination in one transaction: all pages or none.
            let b = Backup::new(&copy, self.lite_mut()?)?;
            b.run_to_completion(4096, Duration::ZERO, None)?;
        }
        drop(copy);
        remove_sidecars(staged.path());
        Ok(RestoreReport { previous_saved_to: previous, restored_schema_version: version })
    }

    /// Copy `src` to `path`, then check, migrate, audit and read it back there.
    fn stage_and_check(
        &self,
        src: &Connection,
        path: &Path,
        version: i64,
        untouched: &dyn Fn(String) -> Error,
    ) -> Result<()> {
        {
            let mut out = Connection::open(path)?;
            schema::harden(&out)?;
            {
                let b = Backup::new(src, &mut out)?;
                b.run_to_completion(4096, Duration::ZERO, None).map_err(|e| disk_error(path, e))?;
            }
            out.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))?;
            let problems = integrity_problems(&out)?;
            if !problems.is_empty() {
                return Err(untouched(format!("it is damaged ({})", problems.join("; "))));
            }
            let broken: i64 = out.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?;
            if broken > 0 {
                return Err(untouched(format!("{broken} of its records point at records that are not there")));
            }
            // The live file's page size, or the pages can't be copied into it.
            let live: i64 = self.lite()?.query_row("PRAGMA page_size", [], |r| r.get(0))?;
            let theirs: i64 = out.query_row("PRAGMA page_size", [], |r| r.get(0))?;
            if live != theirs {
                out.pragma_update(None, "page_size", live)?;
                out.execute_batch("VACUUM")?;
            }
        }
        let mut staged = Db::open_staged(path)?;
        staged.audit("restore", &format!("Records restored from a backup (schema version {version})."))?;
        // Every record must read back: a wrong currency or status fails here, not after the swap.
        let readable = (|| -> Result<()> {
            staged.profile()?;
            staged.search_customers("", Some(usize::MAX))?;
            staged.list_incidents(&crate::store::IncidentFilter::default())?;
            Ok(())
        })();
        readable.map_err(|e| untouched(format!("some of its records can't be read ({e})")))?;
        staged.lite()?.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}

/// The automatic backup: at most one a day while the app is used. Opens its
/// own read connection so the app can run it on a background thread without
/// holding up the owner's work.
pub fn daily_backup(db_path: &Path, keep: Retention) -> Result<Option<BackupInfo>> {
    let dir = backups_dir(db_path);
    let today = dates::today();
    if list_backups(&dir)?.iter().any(|(_, at)| at.date() == today) {
        return Ok(None);
    }
    let src = Connection::open_with_flags(db_path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    src.busy_timeout(Duration::from_secs(10))?;
    let info = copy_database(&src, &dir.join(backup_name(chrono::Local::now().naive_local(), "daily")))?;
    prune(&dir, keep)?;
    Ok(Some(info))
}

/// One backup Amends made, as `backup --list` and the restore list show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct BackupEntry {
    #[serde(serialize_with = "crate::files::lossy_path::serialize")]
    pub path: PathBuf,
    /// Local time it was taken, `YYYY-MM-DD HH:MM:SS`.
    pub taken_at: String,
    /// "daily", "before-import", "before-erase", "manual"...
    pub reason: String,
    pub bytes: u64,
}

/// The backups in `dir`, newest first.
pub fn backups_listed(dir: &Path) -> Result<Vec<BackupEntry>> {
    let mut all = list_backups(dir)?;
    // Newest first; two taken in the same second by when their files were written.
    let written = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    all.sort_by_key(|(p, at)| std::cmp::Reverse((*at, written(p))));
    Ok(all
        .into_iter()
        .map(|(path, at)| {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let reason = name
                .strip_prefix(PREFIX)
                .and_then(|r| r.strip_suffix(SUFFIX))
                .and_then(|r| r.get(18..))
                .unwrap_or("")
                .to_string();
            let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            BackupEntry { path, taken_at: at.format("%Y-%m-%d %H:%M:%S").to_string(), reason, bytes }
        })
        .collect())
}

/// Our backups in `dir` with when they were taken (other files are ignored).
pub fn list_backups(dir: &Path) -> Result<Vec<(PathBuf, NaiveDateTime)>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        if let Some(at) = entry.file_name().to_str().and_then(taken_at) {
            out.push((entry.path(), at));
        }
    }
    Ok(out)
}

/// The customer (the same id, created at the same moment) as a backup holds them.
fn holds(conn: &Connection, id: i64, created_at: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM customers WHERE id = ? AND created_at = ?)",
        rusqlite::params![id, created_at],
        |r| r.get(0),
    )?)
}

/// Our backups in `dir` that still hold an erased customer.
pub fn backups_holding(dir: &Path, id: i64, created_at: chrono::DateTime<chrono::Utc>) -> Result<Vec<PathBuf>> {
    let created = dates::to_text(created_at);
    let mut out = Vec::new();
    let mut all = list_backups(dir)?;
    all.sort_by_key(|(_, at)| *at);
    for (path, _) in all {
        let Ok(conn) = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY) else { continue };
        schema::harden(&conn)?;
        if holds(&conn, id, &created).unwrap_or(false) {
            out.push(path);
        }
    }
    Ok(out)
}

/// Erase the customer from each of these backups too: the same deletion
/// (incidents, letters and timeline go with them), overwritten on disk, and
/// each backup checked afterwards. Returns how many backups changed.
pub fn erase_from_backups(paths: &[PathBuf], id: i64, created_at: chrono::DateTime<chrono::Utc>) -> Result<usize> {
    let created = dates::to_text(created_at);
    let mut changed = 0;
    for path in paths {
        let conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE).map_err(|e| disk_error(path, e))?;
        schema::harden(&conn)?;
        conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;")?;
        if !holds(&conn, id, &created)? {
            continue;
        }
        conn.execute("DELETE FROM customers WHERE id = ?", [id])?;
        conn.execute_batch("VACUUM")?;
        let problems = integrity_problems(&conn)?;
        if !problems.is_empty() {
            return Err(Error::invalid(
                "backup",
                format!("{} did not pass its check afterwards ({}).", path.display(), problems.join("; ")),
            ));
        }
        changed += 1;
    }
    Ok(changed)
}

fn prune(dir: &Path, keep: Retention) -> Result<()> {
    for p in to_prune(&list_backups(dir)?, keep) {
        std::fs::remove_file(&p).map_err(|e| Error::io(&p, e))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn names_round_trip() {
        let t = at("2026-11-26 09:05");
        assert_eq!(taken_at(&backup_name(t, "before-import")), Some(t));
        assert_eq!(taken_at("amends.sqlite3"), None);
        assert_eq!(taken_at("amends-notes.sqlite3"), None);
    }

    #[test]
    fn keeps_seven_daily_and_four_weekly() {
        // Two backups a day for 60 days.
        let mut all = Vec::new();
        let start = at("2026-09-01 08:00");
        for d in 0..60 {
            for h in [0, 6] {
                let t = start + chrono::Duration::days(d) + chrono::Duration::hours(h);
                all.push((PathBuf::from(backup_name(t, "daily")), t));
            }
        }
        let pruned = to_prune(&all, Retention::default());
        let kept: Vec<_> = all.iter().filter(|(p, _)| !pruned.contains(p)).map(|(_, t)| *t).collect();
        // Both backups of each of the 7 newest days, plus the newest of each of 4 weeks.
        let newest = all.iter().map(|(_, t)| *t).max().unwrap();
        let recent: Vec<_> = kept.iter().filter(|t| newest - **t < chrono::Duration::days(7)).collect();
        assert_eq!(recent.len(), 14, "two a day for the newest seven days: {kept:?}");
        let older: Vec<_> = kept.iter().filter(|t| newest - **t >= chrono::Duration::days(7)).collect();
        let days: std::collections::HashSet<_> = older.iter().map(|t| t.date()).collect();
        assert_eq!(days.len(), older.len(), "older weeks keep one each");
        assert!(older.iter().all(|t| t.format("%H").to_string() == "14"), "the newest of its week");
        assert!(kept.contains(&newest));
        assert!((14..=17).contains(&kept.len()), "kept {}", kept.len());
        let oldest_kept = kept.iter().min().unwrap();
        // The newest of each of four ISO weeks (this one included) reaches back
        // 15 to 21 days, depending on the weekday of the newest backup.
        let span = newest - *oldest_kept;
        assert!(span >= chrono::Duration::days(15) && span <= chrono::Duration::days(21), "{span}");
    }
}
