//! One way for the store's modules to run SQL on either engine.
//!
//! Statements are written once, in SQLite's spelling (`?` and `?N`
//! placeholders) wherever both engines mean the same thing; `Sql::engine`
//! lets a module choose its own text where they differ. Values travel as
//! `Value`s: on PostgreSQL each is converted to the type the server wants for
//! that parameter (text to `timestamptz` or `date`, 0/1 to `boolean`), and
//! read back into the same shapes SQLite gives (instants as RFC 3339 text,
//! dates as YYYY-MM-DD, booleans as 0/1), so row readers are shared.
use crate::dates;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use postgres::types::{FromSql, IsNull, ToSql, Type};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::ControlFlow;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A value bound to a statement or read from a row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Bytes(Vec<u8>),
}

/// Anything that can be bound as a parameter.
pub(crate) trait Arg {
    fn value(&self) -> Value;
}

macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn value(&self) -> Value {
                Value::Int(*self as i64)
            }
        }
    )*};
}
int_arg!(i64, i32, u8, u16, u32, usize, bool);

impl Arg for f64 {
    fn value(&self) -> Value {
        Value::Real(*self)
    }
}
impl Arg for str {
    fn value(&self) -> Value {
        Value::Text(self.to_string())
    }
}
impl Arg for String {
    fn value(&self) -> Value {
        Value::Text(self.clone())
    }
}
impl Arg for [u8] {
    fn value(&self) -> Value {
        Value::Bytes(self.to_vec())
    }
}
impl Arg for Vec<u8> {
    fn value(&self) -> Value {
        Value::Bytes(self.clone())
    }
}
impl Arg for Value {
    fn value(&self) -> Value {
        self.clone()
    }
}
impl<T: Arg + ?Sized> Arg for &T {
    fn value(&self) -> Value {
        (**self).value()
    }
}
impl<T: Arg> Arg for Option<T> {
    fn value(&self) -> Value {
        self.as_ref().map_or(Value::Null, Arg::value)
    }
}

impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Int(v)
    }
}
impl From<String> for Value {
    fn from(v: String) -> Value {
        Value::Text(v)
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::Text(v.to_string())
    }
}
impl From<Option<String>> for Value {
    fn from(v: Option<String>) -> Value {
        v.map_or(Value::Null, Value::Text)
    }
}

/// Parameters: `args![a, b]`, `[id]`, `()`, or a `Vec<Value>` built up by a filter.
pub(crate) trait Params {
    fn values(self) -> Vec<Value>;
}
impl Params for () {
    fn values(self) -> Vec<Value> {
        Vec::new()
    }
}
impl Params for Vec<Value> {
    fn values(self) -> Vec<Value> {
        self
    }
}
impl<T: Arg, const N: usize> Params for [T; N] {
    fn values(self) -> Vec<Value> {
        self.iter().map(Arg::value).collect()
    }
}
impl Params for &[&dyn Arg] {
    fn values(self) -> Vec<Value> {
        self.iter().map(|a| a.value()).collect()
    }
}

/// `args![id, name, None::<String>]`: parameters of mixed types.
macro_rules! args {
    ($($e:expr),* $(,)?) => { &[$(&$e as &dyn $crate::store::sql::Arg),*] as &[&dyn $crate::store::sql::Arg] };
}
pub(crate) use args;

/// One result row, by column name or position.
pub(crate) enum Row<'a> {
    Lite(&'a rusqlite::Row<'a>),
    Pg(&'a postgres::Row),
}

/// A column by name or position.
pub(crate) trait Col: Copy + std::fmt::Debug {
    fn lite<'r>(self, r: &'r rusqlite::Row<'_>) -> rusqlite::Result<rusqlite::types::ValueRef<'r>>;
    fn pg(self, r: &postgres::Row) -> std::result::Result<PgValue, postgres::Error>;
}
impl Col for usize {
    fn lite<'r>(self, r: &'r rusqlite::Row<'_>) -> rusqlite::Result<rusqlite::types::ValueRef<'r>> {
        r.get_ref(self)
    }
    fn pg(self, r: &postgres::Row) -> std::result::Result<PgValue, postgres::Error> {
        r.try_get(self)
    }
}
impl Col for &str {
    fn lite<'r>(self, r: &'r rusqlite::Row<'_>) -> rusqlite::Result<rusqlite::types::ValueRef<'r>> {
        r.get_ref(self)
    }
    fn pg(self, r: &postgres::Row) -> std::result::Result<PgValue, postgres::Error> {
        r.try_get(self)
    }
}

impl Row<'_> {
    pub fn get<I: Col, T: FromValue>(&self, idx: I) -> Result<T> {
        let v = self.value(idx)?;
        T::from_value(v).map_err(|found| bad_value(idx, &found, std::any::type_name::<T>()))
    }

    pub fn value<I: Col>(&self, idx: I) -> Result<Value> {
        use rusqlite::types::ValueRef;
        Ok(match self {
            Row::Lite(r) => match idx.lite(r)? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(i) => Value::Int(i),
                ValueRef::Real(f) => Value::Real(f),
                ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(b) => Value::Bytes(b.to_vec()),
            },
            Row::Pg(r) => idx.pg(r).map_err(|e| Error::shared("", format!("could not read column {idx:?} ({e})")))?.0,
        })
    }
}

pub(crate) fn bad_value(idx: impl std::fmt::Debug, found: &Value, wanted: &str) -> Error {
    Error::Storage(rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("unexpected value {found:?} in column {idx:?} (wanted {wanted})").into(),
    ))
}

/// A type a column's value can be read as; `Err` gives the value back for the message.
pub(crate) trait FromValue: Sized {
    fn from_value(v: Value) -> std::result::Result<Self, Value>;
}
impl FromValue for Value {
    fn from_value(v: Value) -> std::result::Result<Self, Value> {
        Ok(v)
    }
}
impl FromValue for i64 {
    fn from_value(v: Value) -> std::result::Result<Self, Value> {
        match v {
            Value::Int(i) => Ok(i),
            other => Err(other),
        }
    }
}
macro_rules! narrow_int {
    ($($t:ty),*) => {$(
        impl FromValue for $t {
            fn from_value(v: Value) -> std::result::Result<Self, Value> {
                match v {
                    Value::Int(i) => <$t>::try_from(i).map_err(|_| Value::Int(i)),
                    other => Err(other),
                }
            }
        }
    )*};
}
narrow_int!(i32, u8, u16, u32, usize);
impl FromValue for bool {
    fn from_value(v: Value) -> std::result::Result<Self, Value> {
        match v {
            Value::Int(i) => Ok(i != 0),
            other => Err(other),
        }
    }
}
impl FromValue for f64 {
    fn from_value(v: Value) -> std::result::Result<Self, Value> {
        match v {
            Value::Real(f) => Ok(f),
            Value::Int(i) => Ok(i as f64),
            other => Err(other),
        }
    }
}
impl FromValue for String {
    fn from_value(v: Value) -> std::result::Result<Self, Value> {
        match v {
            Value::Text(s) => Ok(s),
            other => Err(other),
        }
    }
}
impl FromValue for Vec<u8> {
    fn from_value(v: Value) -> std::result::Result<Self, Value> {
        match v {
            Value::Bytes(b) => Ok(b),
            other => Err(other),
        }
    }
}
impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: Value) -> std::result::Result<Self, Value> {
        match v {
            Value::Null => Ok(None),
            other => T::from_value(other).map(Some),
        }
    }
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => ValueRef::Null,
            Value::Int(i) => ValueRef::Integer(*i),
            Value::Real(f) => ValueRef::Real(*f),
            Value::Text(s) => ValueRef::Text(s.as_bytes()),
            Value::Bytes(b) => ValueRef::Blob(b),
        }))
    }
}

/// A value read from PostgreSQL in the shape SQLite would have given it.
pub(crate) struct PgValue(Value);

impl<'a> FromSql<'a> for PgValue {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> std::result::Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        let v = match *ty {
            Type::INT8 => Value::Int(i64::from_sql(ty, raw)?),
            Type::INT4 => Value::Int(i32::from_sql(ty, raw)?.into()),
            Type::INT2 => Value::Int(i16::from_sql(ty, raw)?.into()),
            Type::BOOL => Value::Int(bool::from_sql(ty, raw)?.into()),
            Type::FLOAT8 => Value::Real(f64::from_sql(ty, raw)?),
            Type::FLOAT4 => Value::Real(f32::from_sql(ty, raw)?.into()),
            Type::BYTEA => Value::Bytes(Vec::<u8>::from_sql(ty, raw)?),
            Type::TIMESTAMPTZ => Value::Text(dates::to_text(chrono::DateTime::<chrono::Utc>::from_sql(ty, raw)?)),
            Type::DATE => Value::Text(NaiveDate::from_sql(ty, raw)?.format("%Y-%m-%d").to_string()),
            _ => Value::Text(String::from_sql(ty, raw)?),
        };
        Ok(PgValue(v))
    }

    fn from_sql_null(_: &Type) -> std::result::Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        Ok(PgValue(Value::Null))
    }

    fn accepts(_: &Type) -> bool {
        true
    }
}

impl ToSql for Value {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut bytes::BytesMut,
    ) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        let wrong = || format!("cannot send {self:?} as {ty}");
        match (self, ty) {
            (Value::Null, _) => Ok(IsNull::Yes),
            (Value::Int(i), &Type::INT8) => i.to_sql(ty, out),
            (Value::Int(i), &Type::INT4) => i32::try_from(*i)?.to_sql(ty, out),
            (Value::Int(i), &Type::INT2) => i16::try_from(*i)?.to_sql(ty, out),
            (Value::Int(i), &Type::BOOL) => (*i != 0).to_sql(ty, out),
            (Value::Int(i), &Type::FLOAT8) => (*i as f64).to_sql(ty, out),
            (Value::Int(i), &Type::TEXT | &Type::VARCHAR) => i.to_string().to_sql(ty, out),
            (Value::Real(f), &Type::FLOAT8) => f.to_sql(ty, out),
            (Value::Real(f), &Type::FLOAT4) => (*f as f32).to_sql(ty, out),
            (Value::Text(s), &Type::TIMESTAMPTZ) => dates::from_text(s).ok_or_else(wrong)?.to_sql(ty, out),
            (Value::Text(s), &Type::DATE) => NaiveDate::parse_from_str(s, "%Y-%m-%d")?.to_sql(ty, out),
            (Value::Text(s), &Type::INT8) => s.parse::<i64>()?.to_sql(ty, out),
            (Value::Text(s), _) => s.as_str().to_sql(ty, out),
            (Value::Bytes(b), &Type::BYTEA) => b.as_slice().to_sql(ty, out),
            _ => Err(wrong().into()),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

/// SQLite's `?` and `?N` placeholders as PostgreSQL's `$N`, outside quotes.
pub(crate) fn numbered(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut chars = sql.chars().peekable();
    let (mut quote, mut highest) = (None, 0u32);
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => {
                quote = None;
                out.push(c);
            }
            (Some(_), c) => out.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                out.push(c);
            }
            (None, '?') => {
                let mut n = String::new();
                while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    n.push(*d);
                    chars.next();
                }
                let k = if n.is_empty() { highest + 1 } else { n.parse().expect("digits") };
                highest = highest.max(k);
                out.push('$');
                out.push_str(&k.to_string());
            }
            (None, c) => out.push(c),
        }
    }
    out
}

/// Run `f`, which uses the PostgreSQL client, where the client can run. The
/// synchronous client drives a small async runtime of its own, which cannot be
/// entered from a thread that already drives one (the desktop shell's commands
/// run on such threads): there, `f` runs on a short-lived thread of its own.
pub(crate) fn off_runtime<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    if tokio::runtime::Handle::try_current().is_err() {
        return f();
    }
    std::thread::scope(|s| s.spawn(f).join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
}

/// The PostgreSQL connection and its statements, prepared once each.
pub(crate) struct PgConn {
    /// Always there; taken only when the connection is dropped.
    client: Option<postgres::Client>,
    statements: HashMap<String, postgres::Statement>,
    pub location: super::shared::SharedLocation,
    /// Transactions begun (`Sql::begin`) and not yet ended on this connection.
    /// While one is open the connection is never replaced: what the
    /// transaction did would be lost, so its next statement fails instead.
    open: u32,
    last_used: Instant,
    /// The last statement failed: the connection is checked (one round trip)
    /// before the next, as one the server ended may not look closed yet.
    suspect: bool,
}

/// A connection unused this long is checked (one round trip) before its next
/// statement: after the laptop slept, or the server restarted, it is made again.
const CHECK_AFTER_IDLE: Duration = Duration::from_secs(10);

impl Drop for PgConn {
    fn drop(&mut self) {
        // Closing the connection ends its runtime, which also must not happen on an async thread.
        if let Some(client) = self.client.take() {
            off_runtime(move || drop(client));
        }
    }
}

impl PgConn {
    pub fn new(client: postgres::Client, location: super::shared::SharedLocation) -> PgConn {
        PgConn {
            client: Some(client),
            statements: HashMap::new(),
            location,
            open: 0,
            last_used: Instant::now(),
            suspect: false,
        }
    }

    fn client(&mut self) -> &mut postgres::Client {
        self.client.as_mut().expect("the client is there until the connection is dropped")
    }

    /// Before a statement: outside a transaction, a connection the server ended
    /// (a restart, a network drop, a laptop waking up) is replaced by a new one,
    /// so one lost connection costs at most the statement that found it lost.
    fn ready(&mut self) -> Result<()> {
        if self.open == 0 {
            let check = self.suspect || self.last_used.elapsed() >= CHECK_AFTER_IDLE;
            self.suspect = false;
            let client = self.client();
            let gone =
                client.is_closed() || (check && off_runtime(|| client.is_valid(Duration::from_secs(5))).is_err());
            if gone {
                let fresh = self.location.connect()?;
                // Prepared statements belong to the old connection.
                self.statements.clear();
                if let Some(old) = self.client.replace(fresh) {
                    off_runtime(move || drop(old));
                }
            }
        }
        self.last_used = Instant::now();
        Ok(())
    }

    /// A statement's error in words, the connection marked for a check.
    fn failed(&mut self, e: postgres::Error) -> Error {
        self.suspect = true;
        self.location.statement_error(e)
    }

    fn statement(&mut self, sql: &str) -> Result<postgres::Statement> {
        self.ready()?;
        if let Some(st) = self.statements.get(sql) {
            return Ok(st.clone());
        }
        let text = numbered(sql);
        let client = self.client();
        let st = off_runtime(|| client.prepare(&text)).map_err(|e| self.failed(e))?;
        if self.statements.len() > 256 {
            self.statements.clear();
        }
        self.statements.insert(sql.to_string(), st.clone());
        Ok(st)
    }
}

/// Where statements run, and for whom (the person named on this computer).
#[derive(Clone, Copy)]
pub(crate) struct Sql<'a> {
    pub on: On<'a>,
    pub person: Option<&'a str>,
}

/// A SQLite connection (or transaction), or the shared database.
#[derive(Clone, Copy)]
pub(crate) enum On<'a> {
    Lite(&'a rusqlite::Connection),
    Pg(&'a RefCell<PgConn>),
}

fn pg_params(values: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
    values.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}

/// Every row of a statement to `f` until it says stop; the client's errors apart from `f`'s.
fn each_row(
    client: &mut postgres::Client,
    st: &postgres::Statement,
    params: Vec<&(dyn ToSql + Sync)>,
    mut f: impl FnMut(&Row) -> Result<ControlFlow<()>>,
) -> std::result::Result<Result<ControlFlow<()>>, postgres::Error> {
    use postgres::fallible_iterator::FallibleIterator;
    let mut rows = client.query_raw(st, params)?;
    while let Some(r) = rows.next()? {
        match f(&Row::Pg(&r)) {
            Ok(ControlFlow::Continue(())) => {}
            stop => return Ok(stop),
        }
    }
    Ok(Ok(ControlFlow::Continue(())))
}

impl<'a> Sql<'a> {
    pub fn lite(c: &'a rusqlite::Connection) -> Sql<'a> {
        Sql { on: On::Lite(c), person: None }
    }

    /// Who is writing: the name set on this computer, if any.
    pub fn person(&self) -> Option<&'a str> {
        self.person
    }

    pub fn engine(&self) -> Engine {
        match self.on {
            On::Lite(_) => Engine::Sqlite,
            On::Pg(_) => Engine::Postgres,
        }
    }

    /// The SQLite connection, for what only SQLite has (its backup API, PRAGMAs).
    pub fn sqlite(&self) -> Option<&'a rusqlite::Connection> {
        match self.on {
            On::Lite(c) => Some(c),
            On::Pg(_) => None,
        }
    }

    /// Run a statement; the number of rows it changed.
    pub fn execute(&self, sql: &str, p: impl Params) -> Result<usize> {
        let values = p.values();
        match self.on {
            On::Lite(c) => Ok(c.prepare_cached(sql)?.execute(rusqlite::params_from_iter(values.iter()))?),
            On::Pg(cell) => {
                let mut pg = cell.borrow_mut();
                let st = pg.statement(sql)?;
                let params = pg_params(&values);
                let client = pg.client();
                let n = off_runtime(|| client.execute(&st, &params));
                n.map(|n| n as usize).map_err(|e| pg.failed(e))
            }
        }
    }

    /// Statements without parameters, separated by semicolons.
    pub fn execute_batch(&self, sql: &str) -> Result<()> {
        match self.on {
            On::Lite(c) => Ok(c.execute_batch(sql)?),
            On::Pg(cell) => {
                let mut pg = cell.borrow_mut();
                pg.ready()?;
                let client = pg.client();
                let r = off_runtime(|| client.batch_execute(sql));
                r.map_err(|e| pg.failed(e))
            }
        }
    }

    /// Begin a transaction with `sql` (on the shared database: until `end`, the
    /// connection is kept even if it fails, so a lost transaction is never
    /// mistaken for one that went through).
    pub fn begin(&self, sql: &str) -> Result<()> {
        self.execute_batch(sql)?;
        if let On::Pg(cell) = self.on {
            cell.borrow_mut().open += 1;
        }
        Ok(())
    }

    /// End the transaction `begin` started, with COMMIT or ROLLBACK.
    pub fn end(&self, sql: &str) -> Result<()> {
        // Run on the connection the transaction began on, then let it be replaced.
        let r = self.execute_batch(sql);
        if let On::Pg(cell) = self.on {
            let mut pg = cell.borrow_mut();
            pg.open = pg.open.saturating_sub(1);
        }
        r
    }

    /// Every row, each read by `f`, until `f` says stop.
    pub fn each(
        &self,
        sql: &str,
        p: impl Params,
        mut f: impl FnMut(&Row) -> Result<ControlFlow<()>>,
    ) -> Result<ControlFlow<()>> {
        let values = p.values();
        match self.on {
            On::Lite(c) => {
                let mut st = c.prepare_cached(sql)?;
                let mut rows = st.query(rusqlite::params_from_iter(values.iter()))?;
                while let Some(r) = rows.next()? {
                    if f(&Row::Lite(r))?.is_break() {
                        return Ok(ControlFlow::Break(()));
                    }
                }
                Ok(ControlFlow::Continue(()))
            }
            On::Pg(cell) => {
                let mut pg = cell.borrow_mut();
                let st = pg.statement(sql)?;
                let params = pg_params(&values);
                let PgConn { client, location, suspect, .. } = &mut *pg;
                let mut failed = |e| {
                    *suspect = true;
                    location.statement_error(e)
                };
                let client = client.as_mut().expect("the client is there until the connection is dropped");
                if tokio::runtime::Handle::try_current().is_err() {
                    return each_row(client, &st, params, f).map_err(failed)?;
                }
                // From an async thread: the rows are read on a thread of their own and
                // handed over a few at a time, so a long export still holds only a few.
                std::thread::scope(|s| {
                    let (tx, rx) = std::sync::mpsc::sync_channel::<postgres::Row>(64);
                    let reader = s.spawn(move || -> std::result::Result<(), postgres::Error> {
                        use postgres::fallible_iterator::FallibleIterator;
                        let mut rows = client.query_raw(&st, params)?;
                        while let Some(r) = rows.next()? {
                            if tx.send(r).is_err() {
                                break;
                            }
                        }
                        Ok(())
                    });
                    let mut out = Ok(ControlFlow::Continue(()));
                    for r in rx.iter() {
                        match f(&Row::Pg(&r)) {
                            Ok(ControlFlow::Continue(())) => {}
                            stop => {
                                out = stop;
                                break;
                            }
                        }
                    }
                    // Dropping the receiver stops the reader at its next row.
                    drop(rx);
                    let read = reader.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
                    read.map_err(&mut failed)?;
                    out
                })
            }
        }
    }

    /// Every row, read by `f`.
    pub fn query_map<T>(&self, sql: &str, p: impl Params, mut f: impl FnMut(&Row) -> Result<T>) -> Result<Vec<T>> {
        let mut out = Vec::new();
        let _all = self.each(sql, p, |r| {
            out.push(f(r)?);
            Ok(ControlFlow::Continue(()))
        })?;
        Ok(out)
    }

    /// The first row, if there is one.
    pub fn query_opt<T>(&self, sql: &str, p: impl Params, f: impl FnOnce(&Row) -> Result<T>) -> Result<Option<T>> {
        let mut f = Some(f);
        let mut out = None;
        let _first = self.each(sql, p, |r| {
            out = Some((f.take().expect("called once"))(r)?);
            Ok(ControlFlow::Break(()))
        })?;
        Ok(out)
    }

    /// The first row; a statement that finds none is a storage error.
    pub fn query_row<T>(&self, sql: &str, p: impl Params, f: impl FnOnce(&Row) -> Result<T>) -> Result<T> {
        self.query_opt(sql, p, f)?.ok_or(Error::Storage(rusqlite::Error::QueryReturnedNoRows))
    }

    /// The first column of the first row.
    pub fn one<T: FromValue>(&self, sql: &str, p: impl Params) -> Result<T> {
        self.query_row(sql, p, |r| r.get(0))
    }

    /// An insert's new id: `sql` ends in `RETURNING id`, which PostgreSQL runs;
    /// SQLite runs the insert without it and gives its rowid (a RETURNING
    /// statement is stepped like a query, three times slower in the sample data's bulk inserts).
    pub fn insert(&self, sql: &str, p: impl Params) -> Result<i64> {
        let plain = sql.trim_end().strip_suffix("RETURNING id").expect("an insert that returns its id");
        match self.on {
            On::Lite(c) => {
                c.prepare_cached(plain)?.execute(rusqlite::params_from_iter(p.values().iter()))?;
                Ok(c.last_insert_rowid())
            }
            On::Pg(_) => self.one(sql, p),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_outside_quotes() {
        assert_eq!(numbered("a = ? AND b = ? AND c = '?'"), "a = $1 AND b = $2 AND c = '?'");
        assert_eq!(
            numbered("x >= ?1 AND (?2 IS NULL OR x < ?2) LIMIT ?3"),
            "x >= $1 AND ($2 IS NULL OR x < $2) LIMIT $3"
        );
        assert_eq!(numbered("\"odd?\" = ?"), "\"odd?\" = $1");
    }

    #[test]
    fn values_read_back_as_bound_on_sqlite() {
        let c = rusqlite::Connection::open_in_memory().unwrap();
        let sql = Sql { on: On::Lite(&c), person: None };
        sql.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, s TEXT, b BLOB, f REAL)").unwrap();
        let id = sql
            .insert("INSERT INTO t (n, s, b, f) VALUES (?, ?, ?, ?) RETURNING id", args![7i64, "hé", vec![1u8, 2], 1.5])
            .unwrap();
        let (n, s, b, f): (i64, String, Vec<u8>, f64) = sql
            .query_row("SELECT n, s, b, f FROM t WHERE id = ?", [id], |r| {
                Ok((r.get("n")?, r.get(1)?, r.get("b")?, r.get(3)?))
            })
            .unwrap();
        assert_eq!((n, s.as_str(), b, f), (7, "hé", vec![1, 2], 1.5));
        assert!(sql.query_opt("SELECT n FROM t WHERE id = ?", [id + 1], |r| r.get::<_, i64>(0)).unwrap().is_none());
        let e = sql.query_row("SELECT s FROM t", (), |r| r.get::<_, i64>(0)).unwrap_err();
        assert!(e.to_string().contains("wanted i64"), "{e}");
    }
}
