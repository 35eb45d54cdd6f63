//! A customer's rights over their data: everything about one person as a
//! readable file, and erasure on request that leaves only an audit line
//! with no personal data in it.
use super::sql::args;
use super::Db;
use crate::dates;
use crate::domain::{Customer, Incident, LetterRecord};
use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// Everything Amends holds about one customer.
#[derive(Debug, Clone, Serialize)]
pub struct CustomerDossier {
    pub exported_at: DateTime<Utc>,
    pub customer: Customer,
    pub incidents: Vec<Incident>,
    pub letters: Vec<LetterRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct ErasureReport {
    pub incidents: usize,
    pub letters: usize,
    pub timeline_entries: usize,
    /// Backups that still hold the person (the one taken just before the
    /// erasure among them), until they are removed from those too or rotate out.
    #[cfg_attr(any(test, feature = "ts"), ts(type = "Array<string>"))]
    pub still_in_backups: Vec<String>,
    /// Backups the person was erased from as well (asked for with the erasure).
    pub removed_from_backups: usize,
    /// The records are on a shared database, whose backups are its server's:
    /// Amends neither takes nor reaches them, so those taken before now still
    /// hold the person until whoever runs the server deletes them.
    pub server_backups: bool,
}

impl Db {
    pub fn customer_dossier(&self, id: i64) -> Result<CustomerDossier> {
        let customer = self.customer(id)?;
        let ids: Vec<i64> = self.sql().query_map(
            "SELECT id FROM incidents WHERE customer_id = ? ORDER BY occurred_at, id",
            [id],
            |r| r.get(0),
        )?;
        let mut incidents = Vec::with_capacity(ids.len());
        let mut letters = Vec::new();
        for i in ids {
            incidents.push(self.incident(i)?);
            letters.extend(self.letters(i)?);
        }
        Ok(CustomerDossier { exported_at: dates::now(), customer, incidents, letters })
    }

    /// Erase a customer on request: a backup first (the rule lives here, for
    /// the CLI and the app alike), then the erasure, then the truth about
    /// which backups still hold the person; with `from_backups`, the person
    /// is erased from those backups too.
    pub fn erase_customer_on_request(&mut self, id: i64, from_backups: bool) -> Result<ErasureReport> {
        let created_at = self.customer(id)?.created_at;
        self.backup_now("before-erase", super::backup::Retention::default())?;
        let mut report = self.erase_customer(id)?;
        if let Some(path) = self.path() {
            let dir = super::backup::backups_dir(path);
            let mut holding = super::backup::backups_holding(&dir, id, created_at)?;
            if from_backups {
                report.removed_from_backups = super::backup::erase_from_backups(&holding, id, created_at)?;
                holding = super::backup::backups_holding(&dir, id, created_at)?;
            }
            report.still_in_backups = holding.into_iter().map(|p| p.to_string_lossy().into_owned()).collect();
        } else {
            report.server_backups = true;
        }
        Ok(report)
    }

    /// Erase a customer and everything about them (incidents, steps, changes,
    /// timeline, letters) in one transaction, and leave an audit line that
    /// says what was removed without saying who.
    pub fn erase_customer(&mut self, id: i64) -> Result<ErasureReport> {
        let report = self.write(|tx| {
            let count = |sql: &str| -> Result<usize> { Ok(tx.one::<i64>(sql, [id])? as usize) };
            let report = ErasureReport {
                incidents: count("SELECT COUNT(*) FROM incidents WHERE customer_id = ?")?,
                letters: count(
                    "SELECT COUNT(*) FROM letters WHERE incident_id IN (SELECT id FROM incidents WHERE customer_id = ?)",
                )?,
                timeline_entries: count(
                    "SELECT COUNT(*) FROM timeline WHERE incident_id IN (SELECT id FROM incidents WHERE customer_id = ?)",
                )?,
                still_in_backups: Vec::new(),
                removed_from_backups: 0,
                server_backups: false,
            };
            if tx.execute("DELETE FROM customers WHERE id = ?", [id])? == 0 {
                return Err(Error::not_found(format!("Customer #{id}")));
            }
            tx.execute(
                "INSERT INTO audit_log (at, action, detail, person) VALUES (?, 'erase_customer', ?, ?)",
                args![
                    dates::to_text(dates::now()),
                    format!(
                        "A customer's records were erased on request: {} incident(s), {} letter(s), {} timeline entrie(s).",
                        report.incidents, report.letters, report.timeline_entries
                    ),
                    tx.person()
                ],
            )?;
            Ok(report)
        })?;
        // Push the erased pages out of the write-ahead log into the (zeroed) main file.
        if let Some(c) = self.sql().sqlite() {
            c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
        Ok(report)
    }
}
