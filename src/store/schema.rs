//! Is this file Amends' own? The schema a file carries is compared with the
//! schema Amends itself builds for the same version: every table, index,
//! trigger and view by name and kind, and every table's columns. A file from
//! another program, or a backup someone added a trigger or a view to, is
//! refused before any of its SQL can run.
//!
//! Also the `application_id` Amends writes into the files it creates, and
//! the connection settings that keep a file's schema from being trusted.
use crate::error::{Error, Result};
use rusqlite::config::DbConfig;
use rusqlite::Connection;
use std::collections::BTreeSet;

/// "AMND": written into the header of every file Amends creates.
pub const APPLICATION_ID: i32 = 0x414D_4E44;

/// Never run functions from a file's own views or triggers with side effects,
/// and refuse writes that could corrupt the file (SQLite's defensive mode).
pub fn harden(conn: &Connection) -> Result<()> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    Ok(())
}

/// One schema object: (kind, name, table it belongs to, its columns for a table).
type Object = (String, String, String, Vec<String>);

fn objects(conn: &Connection) -> Result<BTreeSet<Object>> {
    let mut st = conn.prepare("SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")?;
    let rows: Vec<(String, String, String)> =
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<rusqlite::Result<_>>()?;
    let mut out = BTreeSet::new();
    for (kind, name, table) in rows {
        let columns = if kind == "table" {
            let mut cols = conn.prepare("SELECT name, type FROM pragma_table_info(?)")?;
            let list: Vec<String> = cols
                .query_map([&name], |r| Ok(format!("{} {}", r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            list
        } else {
            Vec::new()
        };
        out.insert((kind, name, table, columns));
    }
    Ok(out)
}

/// The schema Amends builds at `version`.
fn expected(version: i64, migrations: &[&str]) -> Result<BTreeSet<Object>> {
    let conn = Connection::open_in_memory()?;
    for sql in migrations.iter().take(version as usize) {
        conn.execute_batch(sql)?;
    }
    objects(&conn)
}

/// What differs between the file's schema and Amends' own for `version`,
/// in words for the owner (empty when they match).
pub fn differences(conn: &Connection, version: i64, migrations: &[&str]) -> Result<Vec<String>> {
    if version < 1 || version as usize > migrations.len() {
        return Ok(vec![format!("it says it is schema version {version}")]);
    }
    let want = expected(version, migrations)?;
    let have = objects(conn)?;
    let mut out = Vec::new();
    for extra in have.difference(&want) {
        if !want.iter().any(|w| w.0 == extra.0 && w.1 == extra.1) {
            out.push(format!("it has a {} \"{}\" that Amends never makes", extra.0, extra.1));
        } else {
            out.push(format!("its {} \"{}\" is not the one Amends makes", extra.0, extra.1));
        }
    }
    for missing in want.difference(&have) {
        if !have.iter().any(|h| h.0 == missing.0 && h.1 == missing.1) {
            out.push(format!("it has no {} \"{}\"", missing.0, missing.1));
        }
    }
    Ok(out)
}

/// The message for a file that is SQLite but not Amends'.
pub fn foreign(path: &std::path::Path, why: &[String]) -> Error {
    let mut list: Vec<String> = why.iter().take(3).cloned().collect();
    if why.len() > 3 {
        list.push(format!("and {} more", why.len() - 3));
    }
    Error::ForeignDatabase { path: path.to_path_buf(), why: list.join("; ") }
}
