//! Causes: the record, its changes, the incidents it touched, and the counts
//! that say whether a change worked.
use super::incidents::{change_from_row, check_category, insert_incident, refresh_status, second_failures};
use super::photos::PhotoOwner;
use super::rows::{date_text, instant, opt_date};
use super::sql::{args, Row, Sql};
use super::Db;
use crate::dates;
use crate::domain::cause::ValidCause;
use crate::domain::incident::ValidIncident;
use crate::domain::{Cause, CauseInput, Change, DiscoveredBy, Outcome};
use crate::error::{Error, Result};
use crate::photos::PreparedPhoto;
use chrono::{DateTime, NaiveDate, Utc};

/// A cause in the register: how far the recoveries of its customers have gone.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct CauseSummary {
    pub cause: Cause,
    pub incidents: usize,
    pub contacted: usize,
    pub fixed: usize,
    pub followed_up: usize,
    /// Incidents of its kind, not linked to it, found since its last change: it came back.
    pub came_back: Vec<i64>,
}

fn cause_from_row(r: &Row) -> Result<Cause> {
    Ok(Cause {
        id: r.get("id")?,
        title: r.get("title")?,
        what_happened: r.get("what_happened")?,
        category: r.get("category")?,
        started_on: opt_date(r, "started_on")?,
        ended_on: opt_date(r, "ended_on")?,
        created_at: instant(r, "created_at")?,
        changes: Vec::new(),
    })
}

fn cause_exists(tx: &Sql, id: i64) -> Result<()> {
    let ok: bool = tx.one("SELECT EXISTS (SELECT 1 FROM causes WHERE id = ?)", [id])?;
    if ok {
        Ok(())
    } else {
        Err(Error::not_found(format!("Cause #{id}")))
    }
}

impl Db {
    pub fn add_cause(&mut self, input: &CauseInput) -> Result<Cause> {
        let v: ValidCause = input.validated()?;
        let id = self.write(|tx| {
            if let Some(c) = &v.category {
                check_category(tx, c)?;
            }
            tx.insert(
                "INSERT INTO causes (title, what_happened, category, started_on, ended_on, created_at)
                 VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                args![
                    v.title,
                    v.what_happened,
                    v.category,
                    v.started_on.map(date_text),
                    v.ended_on.map(date_text),
                    dates::to_text(dates::now())
                ],
            )
        })?;
        self.cause(id)
    }

    pub fn cause(&self, id: i64) -> Result<Cause> {
        let mut c = self
            .sql()
            .query_opt("SELECT * FROM causes WHERE id = ?", [id], cause_from_row)?
            .ok_or_else(|| Error::not_found(format!("Cause #{id}")))?;
        c.changes = self.sql().query_map(
            "SELECT id, 0 AS incident_id, changed_on, text FROM cause_changes WHERE cause_id = ? ORDER BY changed_on, id",
            [id],
            change_from_row,
        )?;
        super::photos::attach(self.sql(), &mut c.changes, true)?;
        Ok(c)
    }

    /// Every cause, newest first, with how far its customers' recoveries have gone.
    pub fn causes(&self) -> Result<Vec<CauseSummary>> {
        let ids: Vec<i64> =
            self.sql().query_map("SELECT id FROM causes ORDER BY created_at DESC, id DESC", (), |r| r.get(0))?;
        ids.into_iter()
            .map(|id| {
                let count = |step: &str| -> Result<usize> {
                    let n: i64 = self.sql().one(
                        "SELECT COUNT(*) FROM incidents i WHERE i.cause_id = ?1
                         AND EXISTS (SELECT 1 FROM incident_steps s WHERE s.incident_id = i.id AND s.step = ?2)",
                        args![id, step],
                    )?;
                    Ok(n as usize)
                };
                let incidents: i64 = self.sql().one("SELECT COUNT(*) FROM incidents WHERE cause_id = ?", [id])?;
                let cause = self.cause(id)?;
                let came_back = self.came_back(&cause)?;
                Ok(CauseSummary {
                    came_back,
                    cause,
                    incidents: incidents as usize,
                    contacted: count("contacted")?,
                    fixed: count("fixed")?,
                    followed_up: count("evidence-sent")?,
                })
            })
            .collect()
    }

    /// The incidents of a cause, oldest first.
    pub fn cause_incidents(&self, id: i64) -> Result<Vec<i64>> {
        self.sql()
            .query_map("SELECT id FROM incidents WHERE cause_id = ? ORDER BY discovered_at, id", [id], |r| r.get(0))
    }

    /// Link an incident to a cause (or, with `None`, unlink it); its status follows the cause's changes.
    pub fn link_incident(&mut self, incident_id: i64, cause_id: Option<i64>) -> Result<()> {
        self.write(|tx| {
            if let Some(c) = cause_id {
                cause_exists(tx, c)?;
            }
            if tx.execute("UPDATE incidents SET cause_id = ? WHERE id = ?", args![cause_id, incident_id])? == 0 {
                return Err(Error::not_found(format!("Incident #{incident_id}")));
            }
            super::incidents::touch(tx, incident_id, "its cause")?;
            refresh_status(tx, incident_id)
        })
    }

    /// A change made because of the cause: it flows into every linked incident
    /// (and their "what we changed" letters); their statuses follow.
    pub fn add_cause_change(&mut self, cause_id: i64, on: NaiveDate, text_in: &str) -> Result<Change> {
        self.add_cause_change_with_photos(cause_id, on, text_in, &[])
    }

    /// `add_cause_change` with its photos (file name, prepared photo), all in one transaction.
    pub fn add_cause_change_with_photos(
        &mut self,
        cause_id: i64,
        on: NaiveDate,
        text_in: &str,
        photos: &[(String, PreparedPhoto)],
    ) -> Result<Change> {
        let t = crate::text::required("text", text_in, "Say what you changed.", crate::text::LONG_LIMIT)?;
        let (id, infos) = self.write(|tx| {
            cause_exists(tx, cause_id)?;
            let id = tx.insert(
                "INSERT INTO cause_changes (cause_id, changed_on, text) VALUES (?, ?, ?) RETURNING id",
                args![cause_id, date_text(on), t],
            )?;
            let infos = photos
                .iter()
                .map(|(name, p)| super::photos::insert(tx, PhotoOwner::CauseChange(id), name, p))
                .collect::<Result<Vec<_>>>()?;
            let linked: Vec<i64> =
                tx.query_map("SELECT id FROM incidents WHERE cause_id = ?", [cause_id], |r| r.get(0))?;
            for i in linked {
                refresh_status(tx, i)?;
            }
            Ok((id, infos))
        })?;
        Ok(Change { id, incident_id: 0, date: on, text: t, photos: infos })
    }

    /// Open a get-there-first incident (found by us, linked to the cause) for
    /// each customer, all in one transaction: a failure leaves none. Returns
    /// the new incidents' ids, in the order of `customers`.
    pub fn affect_customers(&mut self, cause_id: i64, customers: &[i64], at: DateTime<Utc>) -> Result<Vec<i64>> {
        let cause = self.cause(cause_id)?;
        let window = self.profile()?.second_failure_days;
        let now = dates::to_text(dates::now());
        self.write(|tx| {
            let mut ids = Vec::with_capacity(customers.len());
            for &customer_id in customers {
                let v = ValidIncident {
                    customer_id,
                    title: cause.title.clone(),
                    what_happened: None,
                    our_understanding: cause.what_happened.clone(),
                    category: cause.category.clone().unwrap_or_else(|| "other".to_string()),
                    severity: 3,
                    occurred_at: at,
                    discovered_at: at,
                    discovered_by: DiscoveredBy::Us,
                    remedy_requested: None,
                    order_value_minor: 0,
                    makeup_description: None,
                    makeup_value_minor: None,
                    root_cause: cause.what_happened.clone(),
                    outcome: Outcome::default(),
                };
                let id = insert_incident(tx, &v, window, &now)?;
                tx.execute("UPDATE incidents SET cause_id = ? WHERE id = ?", args![cause_id, id])?;
                second_failures(tx, customer_id, window)?;
                refresh_status(tx, id)?;
                ids.push(id);
            }
            Ok(ids)
        })
    }

    /// Incidents found in [from, to) of a category (or, with `cause_id`, linked
    /// to that cause): the counts behind "did the change work?".
    pub fn count_incidents_between(
        &self,
        category: Option<&str>,
        cause_id: Option<i64>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<i64> {
        self.sql().one(
            "SELECT COUNT(*) FROM incidents
             WHERE discovered_at >= ?1 AND discovered_at < ?2
               AND ((CAST(?3 AS TEXT) IS NOT NULL AND category = ?3) OR (CAST(?4 AS BIGINT) IS NOT NULL AND cause_id = ?4))",
            args![
                format!("{}T00:00:00Z", date_text(from)),
                format!("{}T00:00:00Z", date_text(to)),
                category,
                cause_id
            ],
        )
    }

    /// Incidents of the cause's kind, not linked to it, found since its last
    /// change: the kind of mistake came back (none without a category or a change).
    pub fn came_back(&self, cause: &Cause) -> Result<Vec<i64>> {
        match (&cause.category, cause.changes.last()) {
            (Some(cat), Some(last)) => self.incidents_since(cat, last.date, cause.id),
            _ => Ok(Vec::new()),
        }
    }

    /// Incidents of the category found on or after `since` that are not linked to the cause.
    pub fn incidents_since(&self, category: &str, since: NaiveDate, not_cause: i64) -> Result<Vec<i64>> {
        self.sql().query_map(
            "SELECT id FROM incidents WHERE category = ? AND discovered_at >= ? AND (cause_id IS NULL OR cause_id <> ?)
             ORDER BY discovered_at",
            args![category, format!("{}T00:00:00Z", date_text(since)), not_cause],
            |r| r.get(0),
        )
    }

    /// Customers with a tag (exactly, case ignored).
    pub fn customers_tagged(&self, tag: &str) -> Result<Vec<i64>> {
        let t = tag.trim().to_lowercase();
        let rows = self.sql().query_map("SELECT id, tags FROM customers ORDER BY id", (), |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?))
        })?;
        let mut out = Vec::new();
        for (id, tags) in rows {
            if tags.unwrap_or_default().split([',', '\n']).any(|x| x.trim().to_lowercase() == t) {
                out.push(id);
            }
        }
        Ok(out)
    }
}
