//! The customer-import transaction: find a customer by email or phone, add,
//! update, all inside one transaction that lands whole or not at all.
//!
//! A dry run goes through exactly the same steps and then rolls back, so
//! what it reports is what the real import will do. The rules (which column
//! is which, what counts as "the same customer", what an update may change)
//! live in `crate::spreadsheet::import`; this module only runs the SQL.
use super::customers::{customer_from_row, insert_customer, update_customer_row};
use super::sql::{args, Engine, Sql};
use super::Db;
use crate::dates;
use crate::domain::customer::ValidCustomer;
use crate::domain::Customer;
use crate::error::Result;
use crate::text;
use std::cell::RefCell;
use std::collections::HashMap;

/// Phone numbers shorter than this never match an existing customer: too
/// many customers share a short extension or a partial number.
pub const MIN_MATCH_PHONE_DIGITS: usize = 7;

/// One open import transaction.
pub struct CustomerImport<'a> {
    tx: &'a Sql<'a>,
    now: String,
    /// New searchable text of updated customers, applied at the end in id
    /// order: re-indexing an older row in the middle of thousands of inserts
    /// makes the search index flush and merge each time (seconds per import).
    reindex: RefCell<Vec<(i64, String)>>,
    /// Who has which email (lower case) and phone digits, loaded once and kept
    /// up to date as rows are added: one look-up per row in memory instead of
    /// two queries (a tenth of a 100,000-row import).
    contacts: RefCell<Contacts>,
}

#[derive(Default)]
struct Contacts {
    by_email: HashMap<String, i64>,
    by_phone: HashMap<String, Vec<i64>>,
}

impl Contacts {
    fn load(tx: &Sql) -> Result<Contacts> {
        let mut c = Contacts::default();
        let _all = tx.each("SELECT id, lower(email), phone_digits FROM customers ORDER BY id", (), |r| {
            let id: i64 = r.get(0)?;
            c.note(id, r.get::<_, Option<String>>(1)?, r.get::<_, Option<String>>(2)?);
            Ok(std::ops::ControlFlow::Continue(()))
        })?;
        Ok(c)
    }

    /// The oldest customer keeps an email (ids only grow). Emails are compared
    /// in ASCII lower case, as SQLite's lower() does.
    fn note(&mut self, id: i64, email_lower: Option<String>, digits: Option<String>) {
        if let Some(e) = email_lower.filter(|e| !e.is_empty()) {
            self.by_email.entry(e).or_insert(id);
        }
        if let Some(d) = digits.filter(|d| d.len() >= MIN_MATCH_PHONE_DIGITS) {
            let ids = self.by_phone.entry(d).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
}

impl CustomerImport<'_> {
    fn new<'a>(tx: &'a Sql<'a>, now: String) -> Result<CustomerImport<'a>> {
        let contacts = RefCell::new(Contacts::load(tx)?);
        Ok(CustomerImport { tx, now, reindex: RefCell::new(Vec::new()), contacts })
    }

    fn load(&self, id: i64) -> Result<Customer> {
        self.tx.query_row("SELECT * FROM customers WHERE id = ?", [id], customer_from_row)
    }

    /// Bring the search index up to date for the customers this import updated.
    fn finish(&self) -> Result<()> {
        let mut pending = self.reindex.take();
        pending.sort_by_key(|(id, _)| *id);
        for (id, text) in pending {
            self.tx.execute("UPDATE customers SET search_text = ? WHERE id = ?", args![text, id])?;
        }
        Ok(())
    }
}

impl Db {
    /// Run `f` inside one IMMEDIATE transaction. With `commit`, everything it
    /// did lands when it returns `Ok`; without (a dry run), everything is
    /// rolled back whatever it returns. An `Err` always rolls back.
    ///
    /// `expected_rows`: about how many rows the file holds. When that is large
    /// beside the customers already here, the contact indexes are dropped for
    /// the import and built again at its end, in the same transaction: one
    /// sorted build instead of a random insert per row (the import's own
    /// look-ups use an in-memory index, not these).
    pub fn import_customers_with<T>(
        &mut self,
        commit: bool,
        expected_rows: u64,
        f: impl FnOnce(&CustomerImport) -> Result<T>,
    ) -> Result<T> {
        let now = dates::to_text(dates::now());
        let existing = self.customer_count()? as u64;
        let rebuild = expected_rows >= 5_000 && expected_rows >= existing;
        let run = |tx: &Sql| -> Result<T> {
            if tx.engine() == Engine::Postgres {
                // PostgreSQL keeps its trigram index by itself, row by row.
                let session = CustomerImport::new(tx, now)?;
                let out = f(&session)?;
                session.finish()?;
                return Ok(out);
            }
            tx.execute("INSERT INTO customer_search (customer_search, rank) VALUES ('automerge', 0)", ())?;
            if rebuild {
                tx.execute_batch(
                    "DROP INDEX customers_name_key; DROP INDEX customers_email; DROP INDEX customers_phone;",
                )?;
            }
            // New rows are indexed for search in one statement at the end (see migration 003).
            let last_before: i64 = tx.one("SELECT coalesce(max(id), 0) FROM customers", ())?;
            tx.execute("INSERT INTO search_index_paused (one) VALUES (1)", ())?;
            let session = CustomerImport::new(tx, now)?;
            let out = f(&session)?;
            tx.execute("DELETE FROM search_index_paused", ())?;
            tx.execute(
                "INSERT INTO customer_search (rowid, search_text) SELECT id, search_text FROM customers WHERE id > ?",
                [last_before],
            )?;
            if rebuild {
                // As migrations 001 and 003 define them (the restore check compares them).
                tx.execute_batch(
                    "CREATE INDEX customers_name_key ON customers (name_key);
                     CREATE INDEX customers_email ON customers (lower(email));
                     CREATE INDEX customers_phone ON customers (phone_digits);",
                )?;
            }
            session.finish()?;
            tx.execute("INSERT INTO customer_search (customer_search, rank) VALUES ('automerge', 4)", ())?;
            tx.execute("INSERT INTO customer_search (customer_search, rank) VALUES ('merge', 64)", ())?;
            Ok(out)
        };
        // A large import touches many pages: with a small page cache SQLite spills
        // them to the WAL again and again (366,000 writes for 100,000 customers
        // with 64 MB). Up to 256 MB for this transaction only; the cache grows
        // only as far as the pages touched (about 65 MB for 100,000 customers).
        let lite = self.sql().sqlite().is_some();
        if lite {
            self.sql().execute_batch("PRAGMA cache_size = -262144")?;
        }
        let out = self.transaction(commit, run);
        if lite {
            self.sql().execute_batch("PRAGMA cache_size = -2000")?;
        }
        out
    }
}

/// Who an imported row is, among the customers already there.
pub enum SameCustomer {
    /// The same email (ignoring case), or the same name and phone number.
    Same(Customer),
    /// Only the phone number is shared: a family, an office, a shop's landline.
    SharesPhone(Customer),
    None,
}

impl CustomerImport<'_> {
    /// The existing customer this row is, on strong evidence only: the same
    /// email, or the same name (ignoring case and accents) and phone digits
    /// when their emails do not differ. The oldest when several match. A
    /// shared phone number alone is reported, never merged.
    pub fn find_same(&self, c: &ValidCustomer) -> Result<SameCustomer> {
        let contacts = self.contacts.borrow();
        if let Some(e) = c.email.as_deref().filter(|e| !e.is_empty()) {
            if let Some(id) = contacts.by_email.get(&e.to_ascii_lowercase()) {
                return Ok(SameCustomer::Same(self.load(*id)?));
            }
        }
        let digits = c.phone.as_deref().map(text::digits).unwrap_or_default();
        if digits.len() < MIN_MATCH_PHONE_DIGITS {
            return Ok(SameCustomer::None);
        }
        let Some(ids) = contacts.by_phone.get(&digits) else { return Ok(SameCustomer::None) };
        let sharing: Vec<Customer> = ids.iter().take(50).map(|id| self.load(*id)).collect::<Result<_>>()?;
        let name = text::fold(&c.name);
        let same = sharing.iter().find(|o| {
            let emails_differ = matches!((&o.email, &c.email), (Some(a), Some(b)) if !a.eq_ignore_ascii_case(b));
            text::fold(&o.name) == name && !emails_differ
        });
        Ok(match (same.cloned(), sharing.first()) {
            (Some(s), _) => SameCustomer::Same(s),
            (None, Some(other)) => SameCustomer::SharesPhone(other.clone()),
            (None, None) => SameCustomer::None,
        })
    }

    pub fn add(&self, c: &ValidCustomer) -> Result<i64> {
        let id = insert_customer(self.tx, c, &self.now)?;
        self.contacts.borrow_mut().note(
            id,
            c.email.as_ref().map(|e| e.to_ascii_lowercase()),
            c.phone.as_deref().map(text::digits),
        );
        Ok(id)
    }

    pub fn update(&self, id: i64, c: &ValidCustomer) -> Result<()> {
        update_customer_row(self.tx, id, c, None, &self.now)?;
        self.contacts.borrow_mut().note(
            id,
            c.email.as_ref().map(|e| e.to_ascii_lowercase()),
            c.phone.as_deref().map(text::digits),
        );
        self.reindex.borrow_mut().push((id, c.search_text()));
        Ok(())
    }
}

impl Db {
    /// The mapping (field, header) remembered for a header row, if any.
    pub fn saved_import_mapping(&self, header_key: &str) -> Result<Option<String>> {
        self.sql().query_opt("SELECT mapping FROM import_mappings WHERE header_key = ?", [header_key], |r| r.get(0))
    }

    /// Remember the owner's mapping (as JSON text) for files with this header row.
    pub fn save_import_mapping(&mut self, header_key: &str, mapping_json: &str) -> Result<()> {
        let now = dates::to_text(dates::now());
        self.write(|tx| {
            tx.execute(
                "INSERT INTO import_mappings (header_key, mapping, saved_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (header_key) DO UPDATE SET mapping = excluded.mapping, saved_at = excluded.saved_at",
                args![header_key, mapping_json, now],
            )?;
            Ok(())
        })
    }
}
