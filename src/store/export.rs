//! Reading rows for spreadsheet export, one at a time.
//!
//! Every table is read through a callback over one prepared statement, so an
//! export of 300,000 incidents holds one row in memory, not 300,000. All
//! tables are read inside one read transaction: the sheets of one export
//! agree with each other even if the app writes meanwhile. This module never
//! writes, and knows nothing about CSV or XLSX.
use super::customers::customer_from_row;
use super::incidents::{change_from_row, letter_from_row, timeline_from_row};
use super::rows::{instant, opt_date, parsed};
use super::sql::{On, Row, Sql, Value};
use super::Db;
use crate::dates;
use crate::domain::{Change, Customer, Incident, LetterRecord, Outcome, Status, TimelineEntry};
use crate::error::Result;
use chrono::{DateTime, Utc};
use std::ops::ControlFlow;

/// Which incidents an export covers; the default is everything.
///
/// Changes, timeline entries and letters follow their incident. Customers are
/// all customers when nothing is filtered, else those with a matching incident.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportFilter {
    /// Incidents that happened at or after this instant.
    pub from: Option<DateTime<Utc>>,
    /// Incidents that happened before this instant (exclusive).
    pub until: Option<DateTime<Utc>>,
    /// Empty means every status.
    pub statuses: Vec<Status>,
    /// Empty means every category.
    pub categories: Vec<String>,
}

impl ExportFilter {
    pub fn is_everything(&self) -> bool {
        self.from.is_none() && self.until.is_none() && self.statuses.is_empty() && self.categories.is_empty()
    }
}

/// An incident with its customer's name and email, so the sheet stands alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentRow {
    pub incident: Incident,
    pub customer_name: String,
    pub customer_email: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeRow {
    pub change: Change,
    pub incident_title: String,
    pub customer_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineRow {
    pub entry: TimelineEntry,
    pub incident_title: String,
    pub customer_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterRow {
    pub letter: LetterRecord,
    pub incident_title: String,
    pub customer_name: String,
}

/// The incidents export query with no filter. `benches/spreadsheets.sh` runs
/// this same text through the `sqlite3` CLI to compare speeds; a test keeps
/// the two in step. Columns are listed, not `i.*`: `incident_at` reads them by
/// position, because looking 25 names up on every one of 300,000 rows costs
/// a third of the export's time.
pub const EXPORT_INCIDENTS_SQL: &str = "SELECT i.id, i.customer_id, i.title, i.what_happened, i.our_understanding, \
     i.category, i.severity, i.occurred_at, i.discovered_at, i.discovered_by, i.remedy_requested, \
     i.order_value_minor, i.fix_promised_by, i.makeup_description, i.makeup_value_minor, i.root_cause, \
     i.outcome_came_back, i.outcome_spend_minor, i.outcome_note, i.second_failure, i.status, i.created_at, \
     i.updated_at, c.name AS customer_name, c.email AS customer_email \
     FROM incidents i JOIN customers c ON c.id = i.customer_id WHERE 1 = 1 ORDER BY i.id";

/// One row of `EXPORT_INCIDENTS_SQL`, by position.
fn incident_at(r: &Row) -> Result<IncidentRow> {
    Ok(IncidentRow {
        incident: Incident {
            id: r.get(0)?,
            customer_id: r.get(1)?,
            title: r.get(2)?,
            what_happened: r.get(3)?,
            our_understanding: r.get(4)?,
            category: r.get(5)?,
            severity: r.get(6)?,
            occurred_at: instant(r, 7)?,
            discovered_at: instant(r, 8)?,
            discovered_by: parsed(r, 9)?,
            remedy_requested: r.get(10)?,
            order_value_minor: r.get(11)?,
            fix_promised_by: opt_date(r, 12)?,
            // Not a column of the spreadsheet export.
            callback_by: None,
            makeup_description: r.get(13)?,
            makeup_value_minor: r.get(14)?,
            root_cause: r.get(15)?,
            outcome: Outcome { came_back: r.get(16)?, spend_after_minor: r.get(17)?, note: r.get(18)? },
            second_failure: r.get(19)?,
            status: parsed(r, 20)?,
            created_at: instant(r, 21)?,
            updated_at: instant(r, 22)?,
            // Not columns of the spreadsheet export.
            version: 0,
            updated_by: None,
            steps: Vec::new(),
            changes: Vec::new(),
            timeline: Vec::new(),
            next_step: None,
            steps_done: 0,
            cause_id: None,
            cause_changes: Vec::new(),
        },
        customer_name: r.get(23)?,
        customer_email: r.get(24)?,
    })
}

/// A consistent snapshot of the database for one export.
pub struct ExportReader<'a> {
    snapshot: Snapshot<'a>,
    filter: ExportFilter,
}

enum Snapshot<'a> {
    Lite(rusqlite::Transaction<'a>),
    /// A read-only REPEATABLE READ transaction, ended when the reader is dropped.
    Shared(Sql<'a>),
}

impl Drop for Snapshot<'_> {
    fn drop(&mut self) {
        if let Snapshot::Shared(sql) = self {
            // Read only: ending it can lose nothing, and a broken connection reports itself on the next use.
            let _ = sql.end("COMMIT");
        }
    }
}

impl Db {
    /// Start reading for an export. Nothing is read until a table is asked for;
    /// from then on every table sees the same snapshot.
    pub fn export_reader(&self, filter: &ExportFilter) -> Result<ExportReader<'_>> {
        let snapshot = match self.sql().on {
            On::Lite(c) => Snapshot::Lite(c.unchecked_transaction()?),
            On::Pg(_) => {
                let shared = self.sql();
                shared.begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")?;
                Snapshot::Shared(shared)
            }
        };
        Ok(ExportReader { snapshot, filter: filter.clone() })
    }
}

type Each<'f, T> = &'f mut dyn FnMut(&T) -> Result<ControlFlow<()>>;

impl ExportReader<'_> {
    /// `i`-aliased conditions for the filter, with their parameters.
    fn incident_conditions(&self) -> (String, Vec<Value>) {
        let f = &self.filter;
        let mut sql = String::from("1 = 1");
        let mut args: Vec<Value> = Vec::new();
        if let Some(from) = f.from {
            sql.push_str(" AND i.occurred_at >= ?");
            args.push(dates::to_text(from).into());
        }
        if let Some(until) = f.until {
            sql.push_str(" AND i.occurred_at < ?");
            args.push(dates::to_text(until).into());
        }
        if !f.statuses.is_empty() {
            sql.push_str(&format!(" AND i.status IN ({})", vec!["?"; f.statuses.len()].join(", ")));
            args.extend(f.statuses.iter().map(|s| Value::from(s.key().to_string())));
        }
        if !f.categories.is_empty() {
            sql.push_str(&format!(" AND i.category IN ({})", vec!["?"; f.categories.len()].join(", ")));
            args.extend(f.categories.iter().map(|c| Value::from(c.clone())));
        }
        (sql, args)
    }

    fn customers_sql(&self, select: &str) -> (String, Vec<Value>) {
        if self.filter.is_everything() {
            return (format!("SELECT {select} FROM customers c"), vec![]);
        }
        let (cond, args) = self.incident_conditions();
        (
            format!("SELECT {select} FROM customers c WHERE EXISTS (SELECT 1 FROM incidents i WHERE i.customer_id = c.id AND {cond})"),
            args,
        )
    }

    fn sql(&self) -> Sql<'_> {
        match &self.snapshot {
            Snapshot::Lite(tx) => Sql::lite(tx),
            Snapshot::Shared(sql) => *sql,
        }
    }

    fn count(&self, sql: String, args: Vec<Value>) -> Result<u64> {
        let n: i64 = self.sql().one(&sql, args)?;
        Ok(n as u64)
    }

    fn count_via_incident(&self, table: &str) -> Result<u64> {
        let (cond, args) = self.incident_conditions();
        self.count(
            format!("SELECT COUNT(*) FROM {table} x JOIN incidents i ON i.id = x.incident_id WHERE {cond}"),
            args,
        )
    }

    /// How many rows each table of this export will have (for progress, and
    /// to refuse a sheet Excel could not hold before writing anything).
    pub fn count_customers(&self) -> Result<u64> {
        let (sql, args) = self.customers_sql("COUNT(*)");
        self.count(sql, args)
    }

    pub fn count_incidents(&self) -> Result<u64> {
        let (cond, args) = self.incident_conditions();
        self.count(format!("SELECT COUNT(*) FROM incidents i WHERE {cond}"), args)
    }

    pub fn count_changes(&self) -> Result<u64> {
        self.count_via_incident("changes")
    }

    pub fn count_timeline(&self) -> Result<u64> {
        self.count_via_incident("timeline")
    }

    pub fn count_letters(&self) -> Result<u64> {
        self.count_via_incident("letters")
    }

    /// Customers in id order. Stops early (returning `Break`) when `each` says so.
    pub fn customers(&self, each: Each<Customer>) -> Result<ControlFlow<()>> {
        let (sql, args) = self.customers_sql("c.*");
        self.for_each(&format!("{sql} ORDER BY c.id"), args, customer_from_row, each)
    }

    pub fn incidents(&self, each: Each<IncidentRow>) -> Result<ControlFlow<()>> {
        let (cond, args) = self.incident_conditions();
        let sql = EXPORT_INCIDENTS_SQL.replace("WHERE 1 = 1", &format!("WHERE {cond}"));
        self.for_each(&sql, args, incident_at, each)
    }

    /// Rows of a table that hangs off incidents (changes, timeline, letters), with
    /// the incident's title and the customer's name, for the chosen incidents.
    fn rows_of_incidents(&self, table: &str, order: &str) -> (String, Vec<Value>) {
        let (cond, args) = self.incident_conditions();
        let sql = format!(
            "SELECT x.*, i.title AS incident_title, c.name AS customer_name
             FROM {table} x JOIN incidents i ON i.id = x.incident_id JOIN customers c ON c.id = i.customer_id
             WHERE {cond} ORDER BY x.incident_id, {order}, x.id"
        );
        (sql, args)
    }

    pub fn changes(&self, each: Each<ChangeRow>) -> Result<ControlFlow<()>> {
        let (sql, args) = self.rows_of_incidents("changes", "x.changed_on");
        self.for_each(
            &sql,
            args,
            |r| {
                Ok(ChangeRow {
                    change: change_from_row(r)?,
                    incident_title: r.get("incident_title")?,
                    customer_name: r.get("customer_name")?,
                })
            },
            each,
        )
    }

    pub fn timeline(&self, each: Each<TimelineRow>) -> Result<ControlFlow<()>> {
        let (sql, args) = self.rows_of_incidents("timeline", "x.at");
        self.for_each(
            &sql,
            args,
            |r| {
                Ok(TimelineRow {
                    entry: timeline_from_row(r)?,
                    incident_title: r.get("incident_title")?,
                    customer_name: r.get("customer_name")?,
                })
            },
            each,
        )
    }

    pub fn letters(&self, each: Each<LetterRow>) -> Result<ControlFlow<()>> {
        let (sql, args) = self.rows_of_incidents("letters", "x.created_at");
        self.for_each(
            &sql,
            args,
            |r| {
                Ok(LetterRow {
                    letter: letter_from_row(r)?,
                    incident_title: r.get("incident_title")?,
                    customer_name: r.get("customer_name")?,
                })
            },
            each,
        )
    }

    fn for_each<T>(
        &self,
        sql: &str,
        args: Vec<Value>,
        map: impl Fn(&Row) -> Result<T>,
        each: Each<T>,
    ) -> Result<ControlFlow<()>> {
        self.sql().each(sql, args, |r| each(&map(r)?))
    }
}
