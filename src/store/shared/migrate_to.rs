//! "Move my records to the shared database": the whole SQLite file copied
//! into an empty PostgreSQL database in one transaction, then counted on
//! both sides. Any difference, or any error, and nothing is kept there.
use super::tables::{Kind, Table, TABLES};
use super::{migrate, SharedLocation, SQLITE_SCHEMA};
use crate::dates;
use crate::error::{Error, Result};
use crate::progress::{self, Job, Progress};
use crate::store::Db;
use chrono::NaiveDate;
use postgres::binary_copy::BinaryCopyInWriter;
use postgres::types::ToSql;
use std::ops::ControlFlow;

/// Rows of one table, as counted on both sides after the copy.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TableCount {
    pub table: &'static str,
    pub rows: i64,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct MoveReport {
    /// The shared database, as shown to people (no password).
    pub target: String,
    /// Copied and counted, then rolled back: nothing was kept.
    pub dry_run: bool,
    pub tables: Vec<TableCount>,
}

impl MoveReport {
    pub fn rows(&self, table: &str) -> i64 {
        self.tables.iter().find(|t| t.table == table).map_or(0, |t| t.rows)
    }
}

const _: () = assert!(crate::store::SCHEMA_VERSION == SQLITE_SCHEMA, "update store/shared for the new SQLite schema");

type Boxed = Box<dyn ToSql + Sync>;

impl Db {
    /// Copy every record of this file into the empty shared database at
    /// `target`, creating its schema, in one transaction; then count each
    /// table on both sides. With `dry_run`, all of that happens and is then
    /// rolled back. The file itself is only read. `progress` hears how far
    /// the move has got (job [`Job::MoveToShared`]) and can stop it before it
    /// commits, which leaves the shared database as it was.
    pub fn move_to_shared(
        &mut self,
        target: &SharedLocation,
        dry_run: bool,
        mut progress: impl FnMut(Progress) -> ControlFlow<()> + Send,
    ) -> Result<MoveReport> {
        crate::store::sql::off_runtime(|| self.move_whole(target, dry_run, &mut progress))
    }

    fn move_whole(
        &mut self,
        target: &SharedLocation,
        dry_run: bool,
        progress: &mut (impl FnMut(Progress) -> ControlFlow<()> + Send),
    ) -> Result<MoveReport> {
        let pe = |e| target.error(e);
        let mut client = target.connect()?;
        let mut tx = client.transaction().map_err(pe)?;
        let found = migrate(&mut tx, target)?;
        if found > 0 {
            let held: i64 = tx
                .query_one(
                    "SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM incidents) + (SELECT count(*) FROM causes)",
                    &[],
                )
                .map_err(pe)?
                .get(0);
            if held > 0 {
                return Err(Error::shared(
                    target.shown(),
                    "already holds records. Amends moves a file only into an empty database, so that nothing \
                     is mixed or overwritten; nothing was copied.",
                ));
            }
        }
        // The schema's starting rows give way to the file's own.
        tx.batch_execute("DELETE FROM profile; DELETE FROM clock_settings; DELETE FROM categories;").map_err(pe)?;

        // One read transaction: a consistent snapshot even if the app writes meanwhile.
        let src = self.lite_mut()?.transaction()?;
        let kept = Kept::make_room(&src, &mut tx, target)?;
        let mut tables = Vec::new();
        for table in TABLES {
            let rows: i64 = src.query_row(&format!("SELECT count(*) FROM {}", table.name), [], |r| r.get(0))?;
            tables.push(TableCount { table: table.name, rows });
        }
        let mut steps = Steps::new(progress, tables.iter().map(|t| t.rows.max(0) as u64).sum());
        steps.tell(TABLES.first().map_or("records", |t| t.name))?;

        let rebuild = Rebuild::set_aside(&mut tx, target)?;
        for table in TABLES {
            copy_table(&src, &mut tx, table, target, &mut steps)?;
        }
        steps.finishing(0, "checks")?;
        rebuild.restore(&mut tx, target)?;
        steps.finishing(6, "checks")?;
        // Fresh statistics, so the server plans the first searches on the real row counts.
        tx.batch_execute("ANALYZE").map_err(pe)?;
        for table in TABLES.iter().filter(|t| t.identity) {
            let name = table.name;
            tx.execute(
                &format!(
                    "SELECT setval(pg_get_serial_sequence('{name}', 'id'), coalesce(max(id), 0) + 1, false) FROM {name}"
                ),
                &[],
            )
            .map_err(pe)?;
        }
        for t in &tables {
            let name = t.table;
            let there: i64 = tx.query_one(&format!("SELECT count(*) FROM {name}"), &[]).map_err(pe)?.get(0);
            let own = kept.rows(name);
            if t.rows + own != there {
                let beside = if own > 0 { format!(" beside the {own} it held") } else { String::new() };
                return Err(Error::shared(
                    target.shown(),
                    format!(
                        "received {there} rows of {name} where the file has {}{beside}; nothing was moved.",
                        t.rows
                    ),
                ));
            }
        }
        same_month_counts(&src, &mut tx, target)?;
        drop(src);
        let report = MoveReport { target: target.shown().to_string(), dry_run, tables };
        let detail = format!(
            "{} customers, {} incidents from a SQLite file",
            report.rows("customers"),
            report.rows("incidents")
        );
        tx.execute("INSERT INTO audit_log (at, action, detail) VALUES (now(), 'moved_in', $1)", &[&detail])
            .map_err(pe)?;
        // The last moment a Cancel still leaves the shared database as it was.
        steps.finishing(8, "tidying")?;
        if dry_run {
            tx.rollback().map_err(pe)?;
        } else {
            tx.commit().map_err(pe)?;
            // Marks the copied rows as visible to all, so the Today charts' counts read
            // their indexes alone (at 300,000 incidents: 180 ms to 36 ms) instead of
            // waiting minutes for the server's own vacuum. Outside the transaction, as it must be.
            client.batch_execute("VACUUM (ANALYZE)").map_err(pe)?;
            self.audit("moved_to_shared", &format!("to {}", report.target))?;
        }
        steps.done();
        Ok(report)
    }
}

/// What an empty database (no customers, incidents or causes) may still hold
/// of its own, kept beside the file's rows rather than refused or thrown away:
/// audit lines (of an earlier move of an empty file, say), numbered after the
/// file's, and the columns remembered for an import, where the file's win for
/// the same header.
struct Kept {
    audit_lines: i64,
    mappings: i64,
}

impl Kept {
    fn make_room(src: &rusqlite::Transaction, tx: &mut postgres::Transaction, target: &SharedLocation) -> Result<Kept> {
        let pe = |e| target.error(e);
        let file_max: i64 = src.query_row("SELECT coalesce(max(id), 0) FROM audit_log", [], |r| r.get(0))?;
        // Through negative numbers, so no two lines hold one id on the way.
        tx.execute("UPDATE audit_log SET id = -id", &[]).map_err(pe)?;
        let audit_lines = tx.execute("UPDATE audit_log SET id = $1 - id", &[&file_max]).map_err(pe)? as i64;
        let keys: Vec<String> = src
            .prepare("SELECT header_key FROM import_mappings")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        tx.execute("DELETE FROM import_mappings WHERE header_key = ANY($1)", &[&keys]).map_err(pe)?;
        let mappings: i64 = tx.query_one("SELECT count(*) FROM import_mappings", &[]).map_err(pe)?.get(0);
        Ok(Kept { audit_lines, mappings })
    }

    /// Rows of `table` the shared database held before the copy and keeps.
    fn rows(&self, table: &str) -> i64 {
        match table {
            "audit_log" => self.audit_lines,
            "import_mappings" => self.mappings,
            _ => 0,
        }
    }
}

/// How far a move has got, in steps: one for each row copied, then the
/// finishing work (rebuilding the indexes and links, counting, tidying),
/// weighed as the fraction `FINISHING` of the rows.
struct Steps<'a, P: FnMut(Progress) -> ControlFlow<()>> {
    progress: &'a mut P,
    rows: u64,
    done: u64,
    total: u64,
    /// Rows copied since the last report.
    unsaid: u64,
}

/// Measured at 100,000 customers (2.95 million rows), two runs: the copy took
/// 9.6 s and 8.0 s, the finishing work 11.4 s and 9.7 s (in the second, 65%
/// rebuilding the indexes and links, 16% counting and checking, 19% committing
/// and tidying). The bar then moves at an even pace to within a few percent.
const FINISHING: (u64, u64) = (6, 5);
/// A report at most every this many rows.
const EVERY_ROWS: u64 = 2_000;

impl<'a, P: FnMut(Progress) -> ControlFlow<()>> Steps<'a, P> {
    fn new(progress: &'a mut P, rows: u64) -> Self {
        let finishing = (rows * FINISHING.0 / FINISHING.1).max(10);
        Steps { progress, rows, done: 0, total: rows + finishing, unsaid: 0 }
    }

    fn tell(&mut self, label: &'static str) -> Result<()> {
        progress::report(self.progress, Progress { job: Job::MoveToShared, done: self.done, total: self.total, label })
    }

    /// One row of `table` copied.
    fn row(&mut self, table: &'static str) -> Result<()> {
        self.done += 1;
        self.unsaid += 1;
        if self.unsaid < EVERY_ROWS {
            return Ok(());
        }
        self.unsaid = 0;
        self.tell(table)
    }

    /// `tenths` of the finishing work done.
    fn finishing(&mut self, tenths: u64, label: &'static str) -> Result<()> {
        self.done = self.rows + (self.total - self.rows) * tenths / 10;
        self.tell(label)
    }

    /// Committed (or rolled back, for a dry run): the last report, which can no longer stop anything.
    fn done(&mut self) {
        self.done = self.total;
        let _ =
            (self.progress)(Progress { job: Job::MoveToShared, done: self.total, total: self.total, label: "tidying" });
    }
}

/// What is quicker to build once over the copied rows than to keep up row by
/// row during the copy: the secondary indexes, the links between tables
/// (checked once each by a join instead of a look-up per row), and the month
/// counts' trigger (the counts are rebuilt in one statement). Their definitions
/// are read from the catalog and put back exactly, inside the same transaction,
/// so an error anywhere leaves nothing behind. Needs only table ownership.
struct Rebuild {
    indexes: Vec<String>,
    links: Vec<(String, String, String)>,
}

impl Rebuild {
    fn set_aside(tx: &mut postgres::Transaction, target: &SharedLocation) -> Result<Rebuild> {
        let pe = |e| target.error(e);
        let indexes: Vec<(String, String)> = tx
            .query(
                "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
                 JOIN pg_class t ON t.oid = i.indrelid
                 WHERE t.relnamespace = current_schema()::regnamespace AND NOT i.indisprimary AND NOT i.indisunique",
                &[],
            )
            .map_err(pe)?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        let links: Vec<(String, String, String)> = tx
            .query(
                "SELECT conrelid::regclass::text, conname::text, pg_get_constraintdef(oid) FROM pg_constraint
                 WHERE contype = 'f' AND connamespace = current_schema()::regnamespace",
                &[],
            )
            .map_err(pe)?
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect();
        for (name, _) in &indexes {
            tx.batch_execute(&format!("DROP INDEX {name}")).map_err(pe)?;
        }
        for (table, name, _) in &links {
            tx.batch_execute(&format!("ALTER TABLE {table} DROP CONSTRAINT {name}")).map_err(pe)?;
        }
        tx.batch_execute("ALTER TABLE incidents DISABLE TRIGGER USER; SET LOCAL maintenance_work_mem = '256MB'")
            .map_err(pe)?;
        Ok(Rebuild { indexes: indexes.into_iter().map(|(_, def)| def).collect(), links })
    }

    fn restore(self, tx: &mut postgres::Transaction, target: &SharedLocation) -> Result<()> {
        let pe = |e| target.error(e);
        tx.batch_execute(
            "INSERT INTO incident_month_counts (month, category, n)
                 SELECT amends_month(discovered_at), category, count(*) FROM incidents GROUP BY 1, 2;
             ALTER TABLE incidents ENABLE TRIGGER USER;",
        )
        .map_err(pe)?;
        for def in &self.indexes {
            tx.batch_execute(def).map_err(pe)?;
        }
        // Adding a link checks every row against its parent: a file with a broken
        // link is refused here, and nothing is kept.
        for (table, name, def) in &self.links {
            tx.batch_execute(&format!("ALTER TABLE {table} ADD CONSTRAINT {name} {def}")).map_err(pe)?;
        }
        Ok(())
    }
}

/// Stream one table with PostgreSQL's binary COPY, converting each value by its kind.
fn copy_table(
    src: &rusqlite::Transaction,
    tx: &mut postgres::Transaction,
    table: &Table,
    target: &SharedLocation,
    steps: &mut Steps<impl FnMut(Progress) -> ControlFlow<()>>,
) -> Result<()> {
    let kinds: Vec<(&str, Kind)> = table.columns().collect();
    let types: Vec<_> = kinds.iter().map(|(_, k)| k.pg_type()).collect();
    let cols = table.column_list();
    let mut st = src.prepare(&format!("SELECT {cols} FROM {}", table.name))?;
    let sink = tx.copy_in(&format!("COPY {} ({cols}) FROM STDIN BINARY", table.name)).map_err(|e| target.error(e))?;
    let mut writer = BinaryCopyInWriter::new(sink, &types);
    let mut rows = st.query([])?;
    let mut values: Vec<Boxed> = Vec::with_capacity(kinds.len());
    while let Some(row) = rows.next()? {
        values.clear();
        for (i, (col, kind)) in kinds.iter().enumerate() {
            values.push(value(row, i, *kind).ok_or_else(|| unreadable(table.name, col, row, i))?);
        }
        let refs: Vec<&(dyn ToSql + Sync)> = values.iter().map(|b| b.as_ref()).collect();
        writer.write(&refs).map_err(|e| target.error(e))?;
        steps.row(table.name)?;
    }
    writer.finish().map_err(|e| target.error(e))?;
    Ok(())
}

/// One SQLite value as the PostgreSQL column wants it; None when it cannot be read as that kind.
fn value(row: &rusqlite::Row, i: usize, kind: Kind) -> Option<Boxed> {
    fn get<T: rusqlite::types::FromSql>(row: &rusqlite::Row, i: usize) -> Option<Option<T>> {
        row.get::<_, Option<T>>(i).ok()
    }
    Some(match kind {
        Kind::Int => Box::new(get::<i64>(row, i)?),
        Kind::SmallId => Box::new(get::<i64>(row, i)?.map(|v| v as i32)),
        Kind::Real => Box::new(get::<f64>(row, i)?),
        Kind::Text => Box::new(get::<String>(row, i)?),
        Kind::Flag => Box::new(get::<i64>(row, i)?.map(|v| v != 0)),
        Kind::Bytes => Box::new(get::<Vec<u8>>(row, i)?),
        Kind::Instant => match get::<String>(row, i)? {
            None => Box::new(None::<chrono::DateTime<chrono::Utc>>),
            Some(s) => Box::new(Some(dates::from_text(&s)?)),
        },
        Kind::Date => match get::<String>(row, i)? {
            None => Box::new(None::<NaiveDate>),
            Some(s) => Box::new(Some(NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok()?)),
        },
    })
}

fn unreadable(table: &str, col: &str, row: &rusqlite::Row, i: usize) -> Error {
    let shown = match row.get_ref(i) {
        Ok(v) => format!("{:?}", v.data_type()),
        Err(_) => "?".into(),
    };
    Error::invalid(
        "db",
        format!(
            "The records file holds a value Amends cannot read in {table}.{col} (a {shown} value), so nothing was moved. \
             Run `amends check-db` and restore a backup if it reports damage."
        ),
    )
}

/// The Today chart's counts, rebuilt by PostgreSQL's triggers during the
/// copy, must equal the file's: the same incidents landed in the same months.
fn same_month_counts(
    src: &rusqlite::Transaction,
    tx: &mut postgres::Transaction,
    target: &SharedLocation,
) -> Result<()> {
    let sql = "SELECT month, category, n FROM incident_month_counts WHERE n > 0 ORDER BY month, category";
    let mut st = src.prepare(sql)?;
    let here: Vec<(String, String, i64)> =
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<rusqlite::Result<_>>()?;
    let there: Vec<(String, String, i64)> =
        tx.query(sql, &[]).map_err(|e| target.error(e))?.iter().map(|r| (r.get(0), r.get(1), r.get(2))).collect();
    if here != there {
        return Err(Error::shared(
            target.shown(),
            "counted the incidents by month differently from the file; nothing was moved.",
        ));
    }
    Ok(())
}
