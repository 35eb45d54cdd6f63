//! The rows the sample data made carry `sample = 1`, so they can be removed
//! together while everything the owner added stays.
use super::sql::{args, Sql};
use super::Db;
use crate::error::Result;

/// What removing the sample data took away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct SampleRemoved {
    pub customers: usize,
    pub incidents: usize,
    /// Sample customers kept because the owner logged an incident for them.
    pub customers_kept: usize,
}

/// Mark every customer and incident with an id above these as sample rows
/// (the sample data inserts them in one transaction, so they are contiguous).
pub(crate) fn mark_since(tx: &Sql, customers_after: i64, incidents_after: i64) -> Result<()> {
    tx.execute("UPDATE customers SET sample = TRUE WHERE id > ?", [customers_after])?;
    tx.execute("UPDATE incidents SET sample = TRUE WHERE id > ?", [incidents_after])?;
    Ok(())
}

pub(crate) fn max_ids(tx: &Sql) -> Result<(i64, i64)> {
    Ok((
        tx.one("SELECT CAST(coalesce(max(id), 0) AS BIGINT) FROM customers", ())?,
        tx.one("SELECT CAST(coalesce(max(id), 0) AS BIGINT) FROM incidents", ())?,
    ))
}

impl Db {
    /// How many sample customers and incidents there are.
    pub fn sample_counts(&self) -> Result<(usize, usize)> {
        let c: i64 = self.sql().one("SELECT count(*) FROM customers WHERE sample = TRUE", ())?;
        let i: i64 = self.sql().one("SELECT count(*) FROM incidents WHERE sample = TRUE", ())?;
        Ok((c as usize, i as usize))
    }

    /// Remove the sample incidents, and the sample customers that have no
    /// incident of the owner's, in one transaction. Call `backup_now` first.
    pub fn remove_sample_data(&mut self) -> Result<SampleRemoved> {
        self.write(|tx| {
            let incidents = tx.execute("DELETE FROM incidents WHERE sample = TRUE", ())?;
            let customers = tx.execute(
                "DELETE FROM customers WHERE sample = TRUE
                 AND NOT EXISTS (SELECT 1 FROM incidents i WHERE i.customer_id = customers.id)",
                (),
            )?;
            let customers_kept: i64 = tx.one("SELECT count(*) FROM customers WHERE sample = TRUE", ())?;
            // Kept ones are the owner's now.
            tx.execute("UPDATE customers SET sample = FALSE WHERE sample = TRUE", ())?;
            tx.execute(
                "INSERT INTO audit_log (at, action, detail, person) VALUES (?, 'remove_sample_data', ?, ?)",
                args![
                    crate::dates::to_text(crate::dates::now()),
                    format!("Sample data removed: {customers} customer(s), {incidents} incident(s)."),
                    tx.person()
                ],
            )?;
            Ok(SampleRemoved { customers, incidents, customers_kept: customers_kept as usize })
        })
    }
}

/// The rows of one sample incident beyond the incident itself, written inside
/// the sample data's transaction (each statement prepared once by the engine).
pub(crate) struct SampleRows<'a, 'c> {
    tx: &'a Sql<'c>,
}

impl<'a, 'c> SampleRows<'a, 'c> {
    pub(crate) fn new(tx: &'a Sql<'c>) -> Result<SampleRows<'a, 'c>> {
        Ok(SampleRows { tx })
    }

    pub(crate) fn step(&mut self, id: i64, rec: &crate::domain::StepRecord) -> Result<()> {
        self.tx.execute(
            "INSERT INTO incident_steps (incident_id, step, done_at, skipped_reason) VALUES (?, ?, ?, ?)",
            args![id, rec.step.key(), rec.done_at.map(crate::dates::to_text), rec.skipped_reason],
        )?;
        Ok(())
    }

    pub(crate) fn change(&mut self, id: i64, on: chrono::NaiveDate, text: &str) -> Result<()> {
        self.tx.execute(
            "INSERT INTO changes (incident_id, changed_on, text) VALUES (?, ?, ?)",
            args![id, super::rows::date_text(on), text],
        )?;
        Ok(())
    }

    pub(crate) fn timeline(
        &mut self,
        id: i64,
        at: chrono::DateTime<chrono::Utc>,
        kind: &str,
        text: &str,
    ) -> Result<()> {
        self.tx.execute(
            "INSERT INTO timeline (incident_id, at, kind, text) VALUES (?, ?, ?, ?)",
            args![id, crate::dates::to_text(at), kind, text],
        )?;
        Ok(())
    }

    /// The status derived from the steps and changes written, with the fix date.
    pub(crate) fn status(
        &mut self,
        id: i64,
        status: crate::domain::Status,
        promised: Option<chrono::NaiveDate>,
        pending: Option<chrono::NaiveDate>,
    ) -> Result<()> {
        self.tx.execute(
            "UPDATE incidents SET status = ?, fix_promised_by = ?, fix_pending_by = ? WHERE id = ?",
            args![status.key(), promised.map(super::rows::date_text), pending.map(super::rows::date_text), id],
        )?;
        Ok(())
    }

    pub(crate) fn makeup(&mut self, id: i64, description: &str, value_minor: i64, cause: &str) -> Result<()> {
        self.tx.execute(
            "UPDATE incidents SET makeup_description = ?, makeup_value_minor = ?, root_cause = ? WHERE id = ?",
            args![description, value_minor, cause, id],
        )?;
        Ok(())
    }

    pub(crate) fn outcome(&mut self, id: i64, came_back: bool, spend_minor: i64) -> Result<()> {
        self.tx.execute(
            "UPDATE incidents SET outcome_came_back = ?, outcome_spend_minor = ? WHERE id = ?",
            args![came_back, spend_minor, id],
        )?;
        Ok(())
    }
}
