//! The shared database on PostgreSQL: where it is, its schema, and moving a
//! laptop's SQLite records into it.
//!
//! The shared schema follows SQLite schema `SQLITE_SCHEMA` table for table,
//! with PostgreSQL's own types (timestamptz, date, boolean, bytea), and a
//! change counter that every write bumps, so other computers know to refresh.
mod location;
mod migrate_to;
pub mod tables;

pub use location::{is_shared_url, SharedLocation};
pub use migrate_to::{MoveReport, TableCount};

use crate::error::{Error, Result};

/// Numbered migrations of the shared schema; index + 1 is the version.
pub(crate) const MIGRATIONS: &[&str] =
    &[include_str!("migrations/001_shared.sql"), include_str!("migrations/002_customer_versions.sql")];

/// The newest shared schema this build understands.
pub const SHARED_SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The SQLite schema version the shared schema mirrors; a file is moved
/// only once it is at this version (opening it migrates it).
pub const SQLITE_SCHEMA: i64 = 9;

/// The schema version of the shared database: 0 when it is empty. A database
/// with tables but no Amends version table is another program's.
pub(crate) fn schema_version(c: &mut impl postgres::GenericClient, loc: &SharedLocation) -> Result<i64> {
    let ours: Option<String> =
        c.query_one("SELECT to_regclass('amends_schema')::text", &[]).map_err(|e| loc.error(e))?.get(0);
    if ours.is_some() {
        let v: Option<i64> =
            c.query_one("SELECT max(version) FROM amends_schema", &[]).map_err(|e| loc.error(e))?.get(0);
        return Ok(v.unwrap_or(0));
    }
    let tables: i64 = c
        .query_one("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()", &[])
        .map_err(|e| loc.error(e))?
        .get(0);
    if tables > 0 {
        return Err(Error::shared(
            loc.shown(),
            format!("already holds {tables} tables of another program. Give Amends a database of its own (createdb amends)."),
        ));
    }
    Ok(0)
}

/// The advisory lock that migrations take ("amends" in ASCII).
const SCHEMA_LOCK: i64 = 0x616d_656e_6473;

/// Bring the shared schema up to date inside the caller's transaction, or
/// refuse a schema from a newer Amends.
pub(crate) fn migrate(tx: &mut postgres::Transaction, loc: &SharedLocation) -> Result<i64> {
    // Two computers opening the database at once (the first start after an update) take
    // turns here, so the second finds the schema the first made instead of making it again.
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&SCHEMA_LOCK]).map_err(|e| loc.error(e))?;
    let found = schema_version(tx, loc)?;
    if found > SHARED_SCHEMA_VERSION {
        return Err(Error::NewerSchema { found, supported: SHARED_SCHEMA_VERSION });
    }
    if found == 0 {
        tx.batch_execute(
            "CREATE TABLE amends_schema (version bigint PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
        )
        .map_err(|e| loc.error(e))?;
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        tx.batch_execute(sql).map_err(|e| loc.error(e))?;
        tx.execute("INSERT INTO amends_schema (version) VALUES ($1)", &[&((i + 1) as i64)])
            .map_err(|e| loc.error(e))?;
    }
    Ok(found)
}

impl crate::store::Db {
    /// Work on the shared database at `loc`: its schema is created or brought
    /// up to date first (refused when a newer Amends wrote it).
    pub fn open_shared(loc: &SharedLocation) -> Result<crate::store::Db> {
        let client = open_schema(loc)?;
        let conn = crate::store::sql::PgConn::new(client, loc.clone());
        Ok(crate::store::Db {
            conn: crate::store::Conn::Pg(Box::new(std::cell::RefCell::new(conn))),
            path: None,
            person: None,
        })
    }
}

/// Open (creating or updating its schema) a shared database, for tools and tests.
pub fn open_schema(loc: &SharedLocation) -> Result<postgres::Client> {
    let mut client = loc.connect()?;
    crate::store::sql::off_runtime(|| {
        let mut tx = client.transaction().map_err(|e| loc.error(e))?;
        migrate(&mut tx, loc)?;
        tx.commit().map_err(|e| loc.error(e))
    })?;
    Ok(client)
}
