//! Incidents: create and edit, recovery steps, changes, timeline, letters,
//! and the queries behind the Today screen.
//!
//! After any write that touches steps or changes, `refresh_status` stores the
//! derived status in the same transaction, so lists and queues can use an
//! index instead of recomputing it.
use super::rows::{date, date_text, instant, opt_date, opt_instant, parsed};
use super::sql::{args, Engine, Row, Sql, Value};
use super::Db;
use crate::dates;
use crate::domain::incident::ValidIncident;
use crate::domain::{
    Change, DiscoveredBy, Incident, IncidentInput, LetterKind, LetterRecord, Outcome, RecoveryStep, Status, StepRecord,
    TimelineEntry, TimelineKind,
};
use crate::error::{Error, Result};
use crate::text::{self, LONG_LIMIT};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// One line of an incident list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct IncidentSummary {
    pub id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub title: String,
    pub category: String,
    pub severity: u8,
    pub status: Status,
    pub discovered_by: DiscoveredBy,
    pub occurred_at: DateTime<Utc>,
    pub discovered_at: DateTime<Utc>,
    pub fix_promised_by: Option<NaiveDate>,
    pub second_failure: bool,
    pub order_value_minor: i64,
}

/// Why an incident is on the Today screen, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum QueueKind {
    /// We found it; the customer has not heard from us. Get there first.
    GetThereFirst,
    /// The customer told us; we have not answered yet.
    Acknowledge,
    /// A promised fix date is near or past.
    FixDue,
    /// Changes recorded; the "what we changed" letter has not gone out.
    FollowUpDue,
    /// Everything else still open.
    InRecovery,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct QueueItem {
    pub kind: QueueKind,
    pub incident: IncidentSummary,
}

/// A deleted incident as it was, so the owner can undo the delete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct DeletedIncident {
    pub incident: Incident,
    pub letters: Vec<LetterRecord>,
    /// Photos of its own changes, with their bytes (kept in memory only, for Undo).
    #[serde(skip)]
    pub photos: Vec<super::photos::StoredPhoto>,
}

/// The two texts a call writes as the owner types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum WordsField {
    TheirWords,
    OurRepeatBack,
}

impl WordsField {
    pub fn key(self) -> &'static str {
        match self {
            WordsField::TheirWords => "what_happened",
            WordsField::OurRepeatBack => "our_understanding",
        }
    }
}

/// What to do with a recovery step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepAction {
    Done(DateTime<Utc>),
    Skip(String),
    /// Back to "to do" (a click by mistake).
    Undo,
}

impl StepAction {
    /// Build an action from form parts: undo wins, then a skip reason, then a
    /// time typed by the owner (blank = now).
    pub fn from_parts(at: Option<&str>, skip_reason: Option<&str>, undo: bool) -> Result<StepAction> {
        if undo {
            return Ok(StepAction::Undo);
        }
        if let Some(r) = skip_reason {
            return Ok(StepAction::Skip(r.to_string()));
        }
        dates::parse_datetime_or_now("at", at).map(StepAction::Done)
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(default)]
pub struct IncidentFilter {
    /// `None` = all; the CLI's "open" means every status but closed.
    pub statuses: Option<Vec<Status>>,
    pub customer_id: Option<i64>,
    /// Only the incidents of one cause.
    pub cause_id: Option<i64>,
    pub category: Option<String>,
    /// Found on or after this day (`YYYY-MM-DD`, UTC).
    pub from: Option<NaiveDate>,
    /// Found on or before this day.
    pub to: Option<NaiveDate>,
    pub second_failure: Option<bool>,
    /// Words in the title or the customer's name (accents and case ignored).
    pub search: Option<String>,
    /// "found" (newest first, the default), "occurred", "customer", "title", "status", "value".
    pub sort: Option<String>,
    pub limit: Option<usize>,
    pub offset: Option<usize>,
}

const SUMMARY_SELECT: &str = "SELECT i.id, i.customer_id, c.name AS customer_name, i.title, i.category, i.severity,
    i.status, i.discovered_by, i.occurred_at, i.discovered_at, i.fix_promised_by, i.second_failure,
    i.order_value_minor
    FROM incidents i JOIN customers c ON c.id = i.customer_id";

impl Db {
    pub fn add_incident(&mut self, input: &IncidentInput) -> Result<Incident> {
        let v = input.validated(dates::now())?;
        let window = self.profile()?.second_failure_days;
        let id = self.write(|tx| {
            let id = insert_incident(tx, &v, window, &dates::to_text(dates::now()))?;
            // A backdated incident may make a later one a second failure.
            second_failures(tx, v.customer_id, window)?;
            Ok(id)
        })?;
        self.incident(id)
    }

    /// Edit an incident's details. The customer stays; the second-failure flags
    /// of all that customer's incidents are worked out again (a moved date can
    /// change them), and the status with them.
    pub fn update_incident(&mut self, id: i64, input: &IncidentInput) -> Result<Incident> {
        let v = input.validated(dates::now())?;
        let window = self.profile()?.second_failure_days;
        self.write(|tx| {
            // Writes take turns (on both engines), so nobody saves between this check and the update.
            let before = tx
                .query_opt("SELECT * FROM incidents WHERE id = ?", [id], incident_from_row)?
                .ok_or_else(|| Error::not_found(format!("Incident #{id}")))?;
            if let Some(seen) = input.seen_version.filter(|seen| *seen != before.version) {
                return Err(conflict(tx, id, seen)?);
            }
            check_category(tx, &v.category)?;
            if let Some(d) = before.fix_promised_by {
                not_before_incident("fix_promised_by", d, v.occurred_at)?;
            }
            let changed = changed_fields(&before, &v);
            if changed.is_empty() {
                return Ok(());
            }
            tx.execute(
                "UPDATE incidents SET title = ?, what_happened = ?, our_understanding = ?, category = ?, severity = ?,
                    occurred_at = ?, discovered_at = ?, discovered_by = ?, remedy_requested = ?, order_value_minor = ?,
                    makeup_description = ?, makeup_value_minor = ?, root_cause = ?, outcome_came_back = ?,
                    outcome_spend_minor = ?, outcome_note = ?, updated_at = ?
                 WHERE id = ?",
                args![
                    v.title,
                    v.what_happened,
                    v.our_understanding,
                    v.category,
                    v.severity,
                    dates::to_text(v.occurred_at),
                    dates::to_text(v.discovered_at),
                    v.discovered_by.key(),
                    v.remedy_requested,
                    v.order_value_minor,
                    v.makeup_description,
                    v.makeup_value_minor,
                    v.root_cause,
                    v.outcome.came_back,
                    v.outcome.spend_after_minor,
                    v.outcome.note,
                    dates::to_text(dates::now()),
                    id
                ],
            )?;
            second_failures(tx, before.customer_id, window)?;
            touch(tx, id, &changed.join(", "))?;
            refresh_status(tx, id)
        })?;
        self.incident(id)
    }

    /// How many days ahead a promised fix counts as due on Today.
    pub const FIX_HORIZON_DAYS: i64 = 2;

    /// Today's queue (see `open_by_urgency`), with fixes due in the next two days.
    pub fn today_queue(&self, limit: usize) -> Result<Vec<QueueItem>> {
        self.open_by_urgency(limit, Self::FIX_HORIZON_DAYS)
    }

    /// `delete_incident`, after a checked backup (the one way the app and the CLI delete).
    pub fn delete_incident_backed_up(&mut self, id: i64) -> Result<DeletedIncident> {
        self.incident(id)?;
        self.backup_now("before deleting an incident", Default::default())?;
        self.delete_incident(id)
    }

    /// Delete an incident and everything that hangs off it, in one
    /// transaction, with an audit line (no personal data in it). Returns the
    /// incident as it was, for `undelete_incident`.
    pub fn delete_incident(&mut self, id: i64) -> Result<DeletedIncident> {
        let incident = self.incident(id)?;
        let letters = self.letters(id)?;
        let photos = super::photos::of_incident(self.sql(), id)?;
        let window = self.profile()?.second_failure_days;
        self.write(|tx| {
            tx.execute("DELETE FROM incidents WHERE id = ?", [id])?;
            second_failures(tx, incident.customer_id, window)?;
            tx.execute(
                "INSERT INTO audit_log (at, action, detail, person) VALUES (?, 'delete_incident', ?, ?)",
                args![dates::to_text(dates::now()), format!("Incident #{id} was deleted."), tx.person()],
            )?;
            Ok(())
        })?;
        Ok(DeletedIncident { incident, letters, photos })
    }

    /// Put a deleted incident back exactly as it was (same number, steps,
    /// changes, timeline and letters): the undo after a delete.
    pub fn undelete_incident(&mut self, d: &DeletedIncident) -> Result<Incident> {
        let i = &d.incident;
        let window = self.profile()?.second_failure_days;
        self.write(|tx| {
            let taken: bool = tx.one("SELECT EXISTS (SELECT 1 FROM incidents WHERE id = ?)", [i.id])?;
            if taken {
                return Err(Error::invalid("incident", format!("Incident #{} is already there.", i.id)));
            }
            tx.execute(
                "INSERT INTO incidents (id, customer_id, title, what_happened, our_understanding, category, severity, occurred_at,
                    discovered_at, discovered_by, remedy_requested, order_value_minor, fix_promised_by, callback_by,
                    makeup_description, makeup_value_minor, root_cause, outcome_came_back, outcome_spend_minor,
                    outcome_note, second_failure, status, fix_pending_by, created_at, updated_at, cause_id, row_version,
                    updated_by)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)",
                args![
                    i.id,
                    i.customer_id,
                    i.title,
                    i.what_happened,
                    i.our_understanding,
                    i.category,
                    i.severity,
                    dates::to_text(i.occurred_at),
                    dates::to_text(i.discovered_at),
                    i.discovered_by.key(),
                    i.remedy_requested,
                    i.order_value_minor,
                    i.fix_promised_by.map(date_text),
                    i.callback_by.map(dates::to_text),
                    i.makeup_description,
                    i.makeup_value_minor,
                    i.root_cause,
                    i.outcome.came_back,
                    i.outcome.spend_after_minor,
                    i.outcome.note,
                    i.second_failure,
                    i.status.key(),
                    dates::to_text(i.created_at),
                    dates::to_text(i.updated_at),
                    i.cause_id,
                    i.version,
                    i.updated_by,
                ],
            )?;
            for st in i.steps.iter().filter(|s| s.is_resolved()) {
                tx.execute(
                    "INSERT INTO incident_steps (incident_id, step, done_at, skipped_reason) VALUES (?, ?, ?, ?)",
                    args![i.id, st.step.key(), st.done_at.map(dates::to_text), st.skipped_reason],
                )?;
            }
            for c in &i.changes {
                tx.execute(
                    "INSERT INTO changes (id, incident_id, changed_on, text) VALUES (?, ?, ?, ?)",
                    args![c.id, i.id, date_text(c.date), c.text],
                )?;
            }
            super::photos::restore(tx, &d.photos)?;
            for t in &i.timeline {
                tx.execute(
                    "INSERT INTO timeline (id, incident_id, at, kind, text, person) VALUES (?, ?, ?, ?, ?, ?)",
                    args![t.id, i.id, dates::to_text(t.at), t.kind.key(), t.text, t.person],
                )?;
            }
            for l in &d.letters {
                tx.execute(
                    "INSERT INTO letters (id, incident_id, kind, tone, body, created_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    args![l.id, i.id, l.kind.key(), l.tone, l.body, dates::to_text(l.created_at), l.sent_at.map(dates::to_text)],
                )?;
            }
            second_failures(tx, i.customer_id, window)?;
            refresh_status(tx, i.id)?;
            tx.execute(
                "INSERT INTO audit_log (at, action, detail, person) VALUES (?, 'undelete_incident', ?, ?)",
                args![dates::to_text(dates::now()), format!("Incident #{} was put back (undo).", i.id), tx.person()],
            )?;
            Ok(())
        })?;
        self.incident(i.id)
    }

    pub fn incident(&self, id: i64) -> Result<Incident> {
        let conn = self.sql();
        let mut inc = conn
            .query_opt("SELECT * FROM incidents WHERE id = ?", [id], incident_from_row)?
            .ok_or_else(|| Error::not_found(format!("Incident #{id}")))?;
        let stored: Vec<StepRecord> = conn.query_map(
            "SELECT step, done_at, skipped_reason FROM incident_steps WHERE incident_id = ?",
            [id],
            |r| {
                Ok(StepRecord {
                    step: parsed(r, "step")?,
                    done_at: opt_instant(r, "done_at")?,
                    skipped_reason: r.get("skipped_reason")?,
                })
            },
        )?;
        inc.steps = RecoveryStep::ALL
            .iter()
            .map(|s| stored.iter().find(|r| r.step == *s).cloned().unwrap_or(StepRecord::pending(*s)))
            .collect();
        inc.next_step = inc.steps.iter().find(|s| !s.is_resolved()).map(|s| s.step);
        inc.steps_done = inc.steps.iter().filter(|s| s.is_resolved()).count();
        inc.changes = conn.query_map(
            "SELECT * FROM changes WHERE incident_id = ? ORDER BY changed_on, id",
            [id],
            change_from_row,
        )?;
        super::photos::attach(conn, &mut inc.changes, false)?;
        if let Some(cause) = inc.cause_id {
            inc.cause_changes = conn.query_map(
                "SELECT id, CAST(? AS BIGINT) AS incident_id, changed_on, text FROM cause_changes WHERE cause_id = ?
                 ORDER BY changed_on, id",
                [id, cause],
                change_from_row,
            )?;
            super::photos::attach(conn, &mut inc.cause_changes, true)?;
        }
        inc.timeline =
            conn.query_map("SELECT * FROM timeline WHERE incident_id = ? ORDER BY at, id", [id], timeline_from_row)?;
        Ok(inc)
    }

    pub fn list_incidents(&self, f: &IncidentFilter) -> Result<Vec<IncidentSummary>> {
        let mut sql = format!("{SUMMARY_SELECT} WHERE 1 = 1");
        let mut args: Vec<Value> = Vec::new();
        if let Some(statuses) = &f.statuses {
            sql.push_str(&format!(" AND i.status IN ({})", vec!["?"; statuses.len()].join(", ")));
            args.extend(statuses.iter().map(|s| s.key().to_string().into()));
        }
        if let Some(c) = f.customer_id {
            sql.push_str(" AND i.customer_id = ?");
            args.push(c.into());
        }
        if let Some(c) = f.cause_id {
            sql.push_str(" AND i.cause_id = ?");
            args.push(c.into());
        }
        if let Some(c) = f.category.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            sql.push_str(" AND i.category = ?");
            args.push(c.to_lowercase().into());
        }
        if let Some(d) = f.from {
            sql.push_str(" AND i.discovered_at >= ?");
            args.push(format!("{}T00:00:00Z", date_text(d)).into());
        }
        if let Some(d) = f.to {
            sql.push_str(" AND i.discovered_at < ?");
            args.push(format!("{}T00:00:00Z", date_text(d + Duration::days(1))).into());
        }
        if let Some(sf) = f.second_failure {
            sql.push_str(" AND i.second_failure = ?");
            args.push((sf as i64).into());
        }
        if let Some(q) = f.search.as_deref().map(crate::text::fold).filter(|q| !q.trim().is_empty()) {
            // Each word must appear in the title or in the customer's folded search text.
            for w in q.split_whitespace() {
                sql.push_str(" AND (lower(i.title) LIKE ? ESCAPE '\\' OR c.search_text LIKE ? ESCAPE '\\')");
                let like = format!("%{}%", w.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
                args.push(like.clone().into());
                args.push(like.into());
            }
        }
        let order = match f.sort.as_deref().unwrap_or("found") {
            "occurred" => "i.occurred_at DESC, i.id DESC",
            "customer" => "lower(c.name), i.discovered_at DESC",
            "title" => "lower(i.title), i.id",
            "status" => "i.status, i.discovered_at DESC",
            "value" => "i.order_value_minor DESC, i.id DESC",
            _ => "i.discovered_at DESC, i.id DESC",
        };
        sql.push_str(&format!(" ORDER BY {order} LIMIT ? OFFSET ?"));
        args.push(f.limit.map_or(i64::MAX, |l| l as i64).into());
        args.push((f.offset.unwrap_or(0) as i64).into());
        self.sql().query_map(&sql, args, summary_from_row)
    }

    /// Record, skip or undo one recovery step; the status follows.
    pub fn record_step(&mut self, id: i64, step: RecoveryStep, action: StepAction) -> Result<Incident> {
        self.write(|tx| {
            let occurred = occurred_at(tx, id)?;
            match &action {
                StepAction::Done(at) => {
                    if *at < occurred - Duration::days(1) {
                        return Err(Error::invalid(
                            "at",
                            format!("\"{}\" can't be done before the incident happened.", step.label()),
                        ));
                    }
                    tx.execute(
                        "INSERT INTO incident_steps (incident_id, step, done_at, skipped_reason) VALUES (?, ?, ?, NULL)
                         ON CONFLICT (incident_id, step) DO UPDATE SET done_at = excluded.done_at, skipped_reason = NULL",
                        args![id, step.key(), dates::to_text(*at)],
                    )?;
                }
                StepAction::Skip(reason) => {
                    let reason = text::required(
                        "skip_reason",
                        reason,
                        "Say why this step is being skipped, so the record makes sense later.",
                        1000,
                    )?;
                    tx.execute(
                        "INSERT INTO incident_steps (incident_id, step, done_at, skipped_reason) VALUES (?, ?, NULL, ?)
                         ON CONFLICT (incident_id, step) DO UPDATE SET done_at = NULL, skipped_reason = excluded.skipped_reason",
                        args![id, step.key(), reason],
                    )?;
                }
                StepAction::Undo => {
                    tx.execute("DELETE FROM incident_steps WHERE incident_id = ? AND step = ?", args![id, step.key()])?;
                }
            }
            let what = match &action {
                StepAction::Done(_) => format!("\"{}\" done", step.label()),
                StepAction::Skip(_) => format!("\"{}\" skipped", step.label()),
                StepAction::Undo => format!("\"{}\" back to do", step.label()),
            };
            touch(tx, id, &what)?;
            refresh_status(tx, id)
        })?;
        self.incident(id)
    }

    /// Promise a call-back by `by` (or, with `None`, take the promise back).
    pub fn set_callback(&mut self, id: i64, by: Option<DateTime<Utc>>) -> Result<Incident> {
        self.write(|tx| {
            occurred_at(tx, id)?;
            tx.execute("UPDATE incidents SET callback_by = ? WHERE id = ?", args![by.map(dates::to_text), id])?;
            touch(tx, id, "the call-back time")?;
            Ok(())
        })?;
        self.incident(id)
    }

    /// Their words or our repeat-back, as typed during a call (saved as the
    /// owner types, so a closed window loses nothing). Blank clears it.
    pub fn set_incident_words(&mut self, id: i64, field: WordsField, value: &str) -> Result<Incident> {
        let v = text::optional(field.key(), Some(value), LONG_LIMIT)?;
        self.write(|tx| {
            occurred_at(tx, id)?;
            // `touch` sets updated_at along with the version.
            let (sql, what) = match field {
                WordsField::TheirWords => ("UPDATE incidents SET what_happened = ? WHERE id = ?", "their words"),
                WordsField::OurRepeatBack => {
                    ("UPDATE incidents SET our_understanding = ? WHERE id = ?", "our repeat-back")
                }
            };
            tx.execute(sql, args![v, id])?;
            touch(tx, id, what)?;
            Ok(())
        })?;
        self.incident(id)
    }

    /// A call ended: one timeline entry (kind "call", at the start, with its
    /// length) and the steps that happened on it, each at its own time. A step
    /// already done keeps its earlier time. One transaction.
    pub fn log_call(
        &mut self,
        id: i64,
        started: DateTime<Utc>,
        note: &str,
        steps: &[(RecoveryStep, DateTime<Utc>)],
    ) -> Result<Incident> {
        let note = text::required("note", note, "Say a few words about the call.", LONG_LIMIT)?;
        self.write(|tx| {
            occurred_at(tx, id)?;
            tx.execute(
                "INSERT INTO timeline (incident_id, at, kind, text, person) VALUES (?, ?, 'call', ?, ?)",
                args![id, dates::to_text(started), note, tx.person()],
            )?;
            touch(tx, id, "a call")?;
            // The call that was promised has happened.
            tx.execute("UPDATE incidents SET callback_by = NULL WHERE id = ?", [id])?;
            for (step, at) in steps {
                tx.execute(
                    "INSERT INTO incident_steps (incident_id, step, done_at, skipped_reason) VALUES (?, ?, ?, NULL)
                     ON CONFLICT (incident_id, step) DO UPDATE SET done_at = coalesce(done_at, excluded.done_at), skipped_reason = NULL",
                    args![id, step.key(), dates::to_text(*at)],
                )?;
            }
            refresh_status(tx, id)
        })?;
        self.incident(id)
    }

    /// Store the make-up chosen for the customer.
    pub fn set_makeup(&mut self, id: i64, description: &str, value: &str) -> Result<Incident> {
        let description = text::required(
            "makeup_description",
            description,
            "Describe the make-up, like \"a full refund and a free repaint\".",
            LONG_LIMIT,
        )?;
        let value = crate::money::parse_amount("makeup_value", value)?;
        self.write(|tx| {
            occurred_at(tx, id)?;
            tx.execute(
                "UPDATE incidents SET makeup_description = ?, makeup_value_minor = ? WHERE id = ?",
                args![description, value, id],
            )?;
            touch(tx, id, "the make-up")?;
            Ok(())
        })?;
        self.incident(id)
    }

    /// Promise the customer a fix by a date ("fix-promised").
    pub fn promise_fix(&mut self, id: i64, by: NaiveDate) -> Result<Incident> {
        self.write(|tx| {
            not_before_incident("date", by, occurred_at(tx, id)?)?;
            tx.execute("UPDATE incidents SET fix_promised_by = ? WHERE id = ?", args![date_text(by), id])?;
            touch(tx, id, "the fix date")?;
            refresh_status(tx, id)
        })?;
        self.incident(id)
    }

    /// Add one dated "what we changed" entry.
    pub fn add_change(&mut self, id: i64, on: NaiveDate, text_in: &str) -> Result<Change> {
        self.add_change_with_photos(id, on, text_in, &[])
    }

    /// `add_change` with its photos (file name, prepared photo), all in one transaction.
    pub fn add_change_with_photos(
        &mut self,
        id: i64,
        on: NaiveDate,
        text_in: &str,
        photos: &[(String, crate::photos::PreparedPhoto)],
    ) -> Result<Change> {
        let t = text::required(
            "text",
            text_in,
            "Describe what you changed, like \"Tiles are now checked before loading\".",
            2000,
        )?;
        let (change_id, infos) = self.write(|tx| {
            not_before_incident("date", on, occurred_at(tx, id)?)?;
            let cid = tx.insert(
                "INSERT INTO changes (incident_id, changed_on, text) VALUES (?, ?, ?) RETURNING id",
                args![id, date_text(on), t],
            )?;
            let infos = photos
                .iter()
                .map(|(name, p)| super::photos::insert(tx, super::PhotoOwner::Change(cid), name, p))
                .collect::<Result<Vec<_>>>()?;
            touch(tx, id, "what we changed")?;
            refresh_status(tx, id)?;
            Ok((cid, infos))
        })?;
        Ok(Change { id: change_id, incident_id: id, date: on, text: t, photos: infos })
    }

    pub fn remove_change(&mut self, change_id: i64) -> Result<()> {
        self.write(|tx| {
            let inc: i64 = tx
                .query_opt("SELECT incident_id FROM changes WHERE id = ?", [change_id], |r| r.get(0))?
                .ok_or_else(|| Error::not_found(format!("Change #{change_id}")))?;
            tx.execute("DELETE FROM changes WHERE id = ?", [change_id])?;
            touch(tx, inc, "what we changed")?;
            refresh_status(tx, inc)
        })
    }

    pub fn add_timeline(
        &mut self,
        id: i64,
        at: DateTime<Utc>,
        kind: TimelineKind,
        text_in: &str,
    ) -> Result<TimelineEntry> {
        let t = text::required("text", text_in, "A timeline entry needs a few words about what happened.", LONG_LIMIT)?;
        let entry_id = self.write(|tx| {
            occurred_at(tx, id)?;
            let entry = tx.insert(
                "INSERT INTO timeline (incident_id, at, kind, text, person) VALUES (?, ?, ?, ?, ?) RETURNING id",
                args![id, dates::to_text(at), kind.key(), t, tx.person()],
            )?;
            touch(tx, id, "the timeline")?;
            Ok(entry)
        })?;
        Ok(TimelineEntry {
            id: entry_id,
            incident_id: id,
            at,
            kind,
            text: t,
            person: self.person().map(str::to_string),
        })
    }

    /// Keep a record of a letter, email or call script produced for an incident.
    pub fn save_letter(&mut self, id: i64, kind: LetterKind, tone: Option<&str>, body: &str) -> Result<LetterRecord> {
        let body = text::required("body", body, "The letter is empty.", LONG_LIMIT)?;
        let now = dates::now();
        let letter_id = self.write(|tx| {
            occurred_at(tx, id)?;
            tx.insert(
                "INSERT INTO letters (incident_id, kind, tone, body, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                args![id, kind.key(), tone, body, dates::to_text(now)],
            )
        })?;
        Ok(LetterRecord {
            id: letter_id,
            incident_id: id,
            kind,
            tone: tone.map(str::to_string),
            body,
            created_at: now,
            sent_at: None,
        })
    }

    /// The follow-up letter went out: keep it as sent, mark "evidence sent" and
    /// add a timeline entry, all in one transaction.
    pub fn record_follow_up_sent(&mut self, id: i64, tone: &str, body: &str, at: DateTime<Utc>) -> Result<()> {
        let body = text::required("body", body, "The letter is empty.", LONG_LIMIT)?;
        self.write(|tx| {
            occurred_at(tx, id)?;
            let at = dates::to_text(at);
            tx.execute(
                "INSERT INTO letters (incident_id, kind, tone, body, created_at, sent_at) VALUES (?, 'follow_up', ?, ?, ?, ?)",
                args![id, tone, body, at, at],
            )?;
            tx.execute(
                "INSERT INTO incident_steps (incident_id, step, done_at, skipped_reason) VALUES (?, ?, ?, NULL)
                 ON CONFLICT (incident_id, step) DO UPDATE SET done_at = excluded.done_at, skipped_reason = NULL",
                args![id, RecoveryStep::EvidenceSent.key(), at],
            )?;
            tx.execute(
                "INSERT INTO timeline (incident_id, at, kind, text, person) VALUES (?, ?, 'letter', ?, ?)",
                args![id, at, "Posted the \"what we changed\" letter.", tx.person()],
            )?;
            touch(tx, id, "the follow-up letter sent")?;
            refresh_status(tx, id)
        })
    }

    /// A kept letter went out: record when, mark `step` done (unless it already
    /// is), and add a timeline entry, in one transaction. A letter already marked
    /// sent keeps its first date.
    pub fn mark_letter_sent(
        &mut self,
        letter_id: i64,
        at: DateTime<Utc>,
        step: Option<RecoveryStep>,
        timeline: (TimelineKind, &str),
    ) -> Result<LetterRecord> {
        self.write(|tx| {
            let incident_id: i64 = tx
                .query_opt("SELECT incident_id FROM letters WHERE id = ?", [letter_id], |r| r.get(0))?
                .ok_or_else(|| Error::not_found(format!("Letter #{letter_id}")))?;
            let at = dates::to_text(at);
            tx.execute("UPDATE letters SET sent_at = coalesce(sent_at, ?) WHERE id = ?", args![at, letter_id])?;
            if let Some(step) = step {
                tx.execute(
                    "INSERT INTO incident_steps (incident_id, step, done_at, skipped_reason) VALUES (?, ?, ?, NULL)
                     ON CONFLICT (incident_id, step) DO UPDATE SET done_at = coalesce(done_at, excluded.done_at), skipped_reason = NULL",
                    args![incident_id, step.key(), at],
                )?;
            }
            tx.execute(
                "INSERT INTO timeline (incident_id, at, kind, text, person) VALUES (?, ?, ?, ?, ?)",
                args![incident_id, at, timeline.0.key(), timeline.1, tx.person()],
            )?;
            touch(tx, incident_id, "a letter sent")?;
            refresh_status(tx, incident_id)?;
            tx.query_row("SELECT * FROM letters WHERE id = ?", [letter_id], letter_from_row)
        })
    }

    pub fn letters(&self, incident_id: i64) -> Result<Vec<LetterRecord>> {
        self.sql().query_map(
            "SELECT * FROM letters WHERE incident_id = ? ORDER BY created_at, id",
            [incident_id],
            letter_from_row,
        )
    }

    /// The Today screen, most urgent first: get-there-first (oldest first),
    /// unanswered complaints, fixes due within `fix_horizon_days`, follow-ups
    /// due, then everything else open. Each bucket is one indexed query.
    pub fn open_by_urgency(&self, limit: usize, fix_horizon_days: i64) -> Result<Vec<QueueItem>> {
        let horizon = date_text(dates::today() + Duration::days(fix_horizon_days));
        let buckets: [(QueueKind, String, Vec<Value>); 5] = [
            (
                QueueKind::GetThereFirst,
                format!("{SUMMARY_SELECT} WHERE i.status = 'new' AND i.discovered_by = 'us' ORDER BY i.discovered_at, i.id LIMIT ?"),
                vec![],
            ),
            (
                QueueKind::Acknowledge,
                format!("{SUMMARY_SELECT} WHERE i.status = 'new' AND i.discovered_by = 'customer' ORDER BY i.discovered_at, i.id LIMIT ?"),
                vec![],
            ),
            (
                QueueKind::FixDue,
                format!("{SUMMARY_SELECT} WHERE i.fix_pending_by <= ? AND i.status <> 'new' ORDER BY i.fix_pending_by, i.id LIMIT ?"),
                vec![horizon.into()],
            ),
            (
                QueueKind::FollowUpDue,
                format!("{SUMMARY_SELECT} WHERE i.status = 'follow_up_due' ORDER BY i.discovered_at, i.id LIMIT ?"),
                vec![],
            ),
            (
                QueueKind::InRecovery,
                format!("{SUMMARY_SELECT} WHERE i.status = 'in_recovery' ORDER BY i.discovered_at, i.id LIMIT ?"),
                vec![],
            ),
        ];
        let mut out: Vec<QueueItem> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (kind, sql, mut args) in buckets {
            if out.len() >= limit {
                break;
            }
            // Ask for enough to fill the rest even if some were already listed by an earlier bucket.
            args.push(((limit - out.len()) as i64 + seen.len() as i64).into());
            for s in self.sql().query_map(&sql, args, summary_from_row)? {
                if out.len() < limit && seen.insert(s.id) {
                    out.push(QueueItem { kind, incident: s });
                }
            }
        }
        Ok(out)
    }

    /// Incidents whose follow-up letter is due (changes recorded, evidence not sent), oldest first.
    /// The follow-ups due, as list rows (the "Print all follow-ups due" list).
    pub fn follow_ups_due_list(&self) -> Result<Vec<IncidentSummary>> {
        self.list_incidents(&IncidentFilter { statuses: Some(vec![Status::FollowUpDue]), ..Default::default() })
    }

    pub fn follow_ups_due(&self) -> Result<Vec<i64>> {
        self.sql().query_map(
            "SELECT id FROM incidents WHERE status = 'follow_up_due' ORDER BY discovered_at, id",
            (),
            |r| r.get(0),
        )
    }
}

pub(crate) fn insert_incident(tx: &Sql, v: &ValidIncident, window_days: u32, now: &str) -> Result<i64> {
    let exists: bool = tx.one("SELECT EXISTS (SELECT 1 FROM customers WHERE id = ?)", [v.customer_id])?;
    if !exists {
        return Err(Error::invalid(
            "customer_id",
            format!("There is no customer #{}. Pick a customer from the list or add them first.", v.customer_id),
        ));
    }
    check_category(tx, &v.category)?;
    let since = dates::to_text(v.occurred_at - Duration::days(window_days as i64));
    // Another incident of theirs in the window before this one (a new row has the
    // highest id, so one at the same moment counts as earlier).
    let second_failure: bool = tx.one(
        "SELECT EXISTS (SELECT 1 FROM incidents WHERE customer_id = ? AND occurred_at >= ? AND occurred_at <= ?)",
        args![v.customer_id, since, dates::to_text(v.occurred_at)],
    )?;
    tx.insert(
        "INSERT INTO incidents (customer_id, title, what_happened, our_understanding, category, severity, occurred_at,
            discovered_at, discovered_by, remedy_requested, order_value_minor, makeup_description, makeup_value_minor,
            root_cause, outcome_came_back, outcome_spend_minor, outcome_note, second_failure, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?) RETURNING id",
        args![
        v.customer_id,
        v.title,
        v.what_happened,
        v.our_understanding,
        v.category,
        v.severity,
        dates::to_text(v.occurred_at),
        dates::to_text(v.discovered_at),
        v.discovered_by.key(),
        v.remedy_requested,
        v.order_value_minor,
        v.makeup_description,
        v.makeup_value_minor,
        v.root_cause,
        v.outcome.came_back,
        v.outcome.spend_after_minor,
        v.outcome.note,
        second_failure,
        now,
        now
    ])
}

/// Work out again which of a customer's incidents are second failures: one
/// is, when the same customer had another incident in the window before it
/// occurred (the earlier one is not).
pub(crate) fn second_failures(tx: &Sql, customer_id: i64, window_days: u32) -> Result<()> {
    // The window's start: SQLite shifts the stored text, PostgreSQL the instant.
    let since = match tx.engine() {
        Engine::Sqlite => "strftime('%Y-%m-%dT%H:%M:%SZ', incidents.occurred_at, ?2)",
        Engine::Postgres => "incidents.occurred_at - make_interval(days => ?2)",
    };
    // Only the rows whose flag changes are written.
    let sql = format!(
        "UPDATE incidents SET second_failure = NOT second_failure
         WHERE customer_id = ?1 AND second_failure <> EXISTS (
            SELECT 1 FROM incidents p
            WHERE p.customer_id = incidents.customer_id AND p.id <> incidents.id
              AND (p.occurred_at < incidents.occurred_at OR (p.occurred_at = incidents.occurred_at AND p.id < incidents.id))
              AND p.occurred_at >= {since})"
    );
    let shift: Value = match tx.engine() {
        Engine::Sqlite => format!("-{window_days} days").into(),
        Engine::Postgres => Value::Int(window_days.into()),
    };
    tx.execute(&sql, args![customer_id, shift])?;
    Ok(())
}

pub(crate) fn check_category(tx: &Sql, name: &str) -> Result<()> {
    let ok: bool = tx.one("SELECT EXISTS (SELECT 1 FROM categories WHERE name = ?)", [name])?;
    if ok {
        return Ok(());
    }
    let names: Vec<String> = tx.query_map("SELECT name FROM categories ORDER BY position", (), |r| r.get(0))?;
    Err(Error::invalid(
        "category",
        format!("\"{name}\" is not a category. Use one of: {} (or add it in Settings).", names.join(", ")),
    ))
}

fn occurred_at(tx: &Sql, id: i64) -> Result<DateTime<Utc>> {
    tx.query_opt("SELECT occurred_at FROM incidents WHERE id = ?", [id], |r| instant(r, 0))?
        .ok_or_else(|| Error::not_found(format!("Incident #{id}")))
}

/// A date for this incident (fix, change) can't fall before the day it happened.
fn not_before_incident(field: &'static str, d: NaiveDate, occurred: DateTime<Utc>) -> Result<()> {
    // Compare calendar days with a day of slack for time zones.
    if d < occurred.date_naive() - Duration::days(1) {
        return Err(Error::invalid(
            field,
            format!(
                "{} is before the incident happened ({}). Check the date.",
                date_text(d),
                date_text(occurred.date_naive())
            ),
        ));
    }
    Ok(())
}

/// Store the status that follows from the steps and changes (Status::derive).
pub(crate) fn refresh_status(tx: &Sql, id: i64) -> Result<()> {
    let steps: Vec<StepRecord> =
        tx.query_map("SELECT step, done_at, skipped_reason FROM incident_steps WHERE incident_id = ?", [id], |r| {
            Ok(StepRecord {
                step: parsed(r, "step")?,
                done_at: opt_instant(r, "done_at")?,
                skipped_reason: r.get("skipped_reason")?,
            })
        })?;
    // Its own changes and those of the cause it belongs to.
    let changes: i64 = tx.one(
        "SELECT (SELECT COUNT(*) FROM changes WHERE incident_id = ?1)
              + (SELECT COUNT(*) FROM cause_changes cc JOIN incidents i ON i.cause_id = cc.cause_id WHERE i.id = ?1)",
        [id],
    )?;
    let status = Status::derive(&steps, changes as usize);
    let fixed = steps.iter().any(|s| s.step == RecoveryStep::Fixed && s.is_resolved());
    tx.execute(
        "UPDATE incidents SET status = ?, fix_pending_by = CASE WHEN ? THEN NULL ELSE fix_promised_by END, updated_at = ?
         WHERE id = ?",
        args![status.key(), fixed, dates::to_text(dates::now()), id],
    )?;
    Ok(())
}

/// A change to an incident by the person working: its version goes up, and
/// what changed is kept for anyone whose older copy is then refused.
pub(crate) fn touch(tx: &Sql, id: i64, what: &str) -> Result<i64> {
    let now = dates::to_text(dates::now());
    let version: i64 = tx
        .query_opt(
            "UPDATE incidents SET row_version = row_version + 1, updated_by = ?, updated_at = ? WHERE id = ?
             RETURNING row_version",
            args![tx.person(), now, id],
            |r| r.get(0),
        )?
        .ok_or_else(|| Error::not_found(format!("Incident #{id}")))?;
    tx.execute(
        "INSERT INTO incident_edits (incident_id, version, at, person, what) VALUES (?, ?, ?, ?, ?)",
        args![id, version, now, tx.person(), what],
    )?;
    // Only a copy opened before the edits kept here is refused with less detail (who and
    // what of the kept ones); the table stays the size of the incidents, not of every save.
    tx.execute("DELETE FROM incident_edits WHERE incident_id = ? AND version <= ?", args![id, version - KEPT_EDITS])?;
    Ok(version)
}

/// The edits kept per incident for the refusal of a stale save.
pub const KEPT_EDITS: i64 = 50;

/// The refusal of a save made from version `seen`: who changed the incident
/// since, when, and what.
fn conflict(tx: &Sql, id: i64, seen: i64) -> Result<Error> {
    let edits: Vec<(DateTime<Utc>, Option<String>, String)> = tx.query_map(
        "SELECT at, person, what FROM incident_edits WHERE incident_id = ? AND version > ? ORDER BY version",
        [id, seen],
        |r| Ok((instant(r, "at")?, r.get("person")?, r.get("what")?)),
    )?;
    let mut people: Vec<String> = Vec::new();
    let mut what: Vec<String> = Vec::new();
    for (_, p, w) in &edits {
        let p = p.clone().unwrap_or_else(|| "Someone else".into());
        if !people.contains(&p) {
            people.push(p);
        }
        for part in w.split(", ") {
            if !what.iter().any(|x| x == part) {
                what.push(part.to_string());
            }
        }
    }
    let who = match people.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        [rest @ .., last] => Some(format!("{} and {last}", rest.join(", "))),
    };
    Ok(refusal("incident", who.as_deref(), edits.last().map(|(at, ..)| *at), &what.join(", ")))
}

/// The refusal of a save made from an older copy of a `thing` ("incident",
/// "customer"): who changed it since, when (this computer's time) and, when
/// known, what.
pub(crate) fn refusal(thing: &str, who: Option<&str>, at: Option<DateTime<Utc>>, what: &str) -> Error {
    let who = who.unwrap_or("Someone else");
    let when = at.map(|at| {
        let local = at.with_timezone(&chrono::Local);
        if local.date_naive() == chrono::Local::now().date_naive() {
            local.format(" at %H:%M").to_string()
        } else {
            local.format(" at %b %-d, %H:%M").to_string()
        }
    });
    let what = if what.is_empty() { String::new() } else { format!(": {what}") };
    Error::Conflict {
        message: format!(
            "{who} changed this {thing}{} since you opened it{what}. Your edit was not saved, so nothing of \
             theirs was lost. Their changes are shown now, with what you typed kept: check them, then save again.",
            when.unwrap_or_default()
        ),
    }
}

/// What an edit of the details changes, in words for the owner.
fn changed_fields(before: &Incident, v: &ValidIncident) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut check = |differs: bool, name: &'static str| {
        if differs {
            out.push(name);
        }
    };
    check(before.title != v.title, "title");
    check(before.what_happened != v.what_happened, "their words");
    check(before.our_understanding != v.our_understanding, "our repeat-back");
    check(before.category != v.category, "category");
    check(before.severity != v.severity, "severity");
    check(before.occurred_at != v.occurred_at, "when it happened");
    check(before.discovered_at != v.discovered_at, "when it was found");
    check(before.discovered_by != v.discovered_by, "who found it");
    check(before.remedy_requested != v.remedy_requested, "what they asked for");
    check(before.order_value_minor != v.order_value_minor, "order value");
    check(
        before.makeup_description != v.makeup_description || before.makeup_value_minor != v.makeup_value_minor,
        "the make-up",
    );
    check(before.root_cause != v.root_cause, "root cause");
    check(before.outcome != v.outcome, "outcome");
    out
}

fn incident_from_row(r: &Row) -> Result<Incident> {
    Ok(Incident {
        id: r.get("id")?,
        customer_id: r.get("customer_id")?,
        title: r.get("title")?,
        what_happened: r.get("what_happened")?,
        our_understanding: r.get("our_understanding")?,
        category: r.get("category")?,
        severity: r.get("severity")?,
        occurred_at: instant(r, "occurred_at")?,
        discovered_at: instant(r, "discovered_at")?,
        discovered_by: parsed(r, "discovered_by")?,
        remedy_requested: r.get("remedy_requested")?,
        order_value_minor: r.get("order_value_minor")?,
        fix_promised_by: opt_date(r, "fix_promised_by")?,
        callback_by: opt_instant(r, "callback_by")?,
        makeup_description: r.get("makeup_description")?,
        makeup_value_minor: r.get("makeup_value_minor")?,
        root_cause: r.get("root_cause")?,
        outcome: Outcome {
            came_back: r.get("outcome_came_back")?,
            spend_after_minor: r.get("outcome_spend_minor")?,
            note: r.get("outcome_note")?,
        },
        second_failure: r.get("second_failure")?,
        status: parsed(r, "status")?,
        created_at: instant(r, "created_at")?,
        updated_at: instant(r, "updated_at")?,
        version: r.get("row_version")?,
        updated_by: r.get("updated_by")?,
        steps: Vec::new(),
        changes: Vec::new(),
        timeline: Vec::new(),
        next_step: None,
        steps_done: 0,
        cause_id: r.get("cause_id")?,
        cause_changes: Vec::new(),
    })
}

fn summary_from_row(r: &Row) -> Result<IncidentSummary> {
    Ok(IncidentSummary {
        id: r.get("id")?,
        customer_id: r.get("customer_id")?,
        customer_name: r.get("customer_name")?,
        title: r.get("title")?,
        category: r.get("category")?,
        severity: r.get("severity")?,
        status: parsed(r, "status")?,
        discovered_by: parsed(r, "discovered_by")?,
        occurred_at: instant(r, "occurred_at")?,
        discovered_at: instant(r, "discovered_at")?,
        fix_promised_by: opt_date(r, "fix_promised_by")?,
        second_failure: r.get("second_failure")?,
        order_value_minor: r.get("order_value_minor")?,
    })
}

pub(crate) fn change_from_row(r: &Row) -> Result<Change> {
    Ok(Change {
        id: r.get("id")?,
        incident_id: r.get("incident_id")?,
        date: date(r, "changed_on")?,
        text: r.get("text")?,
        photos: Vec::new(),
    })
}

pub(crate) fn timeline_from_row(r: &Row) -> Result<TimelineEntry> {
    Ok(TimelineEntry {
        id: r.get("id")?,
        incident_id: r.get("incident_id")?,
        at: instant(r, "at")?,
        kind: parsed(r, "kind")?,
        text: r.get("text")?,
        person: r.get("person")?,
    })
}

pub(crate) fn letter_from_row(r: &Row) -> Result<LetterRecord> {
    Ok(LetterRecord {
        id: r.get("id")?,
        incident_id: r.get("incident_id")?,
        kind: parsed(r, "kind")?,
        tone: r.get("tone")?,
        body: r.get("body")?,
        created_at: instant(r, "created_at")?,
        sent_at: opt_instant(r, "sent_at")?,
    })
}
