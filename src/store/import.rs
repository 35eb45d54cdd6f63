//! The customer-import transaction: find a customer by email or phone, add,
//! update, all inside one transaction that lands whole or not at all.
//!
//! A dry run goes through exactly the same steps and then rolls back, so
//! what it reports is what the real import will do. The rules (which column
//! is which, what counts as "the same customer", what an update may change)
//! live in `crate::spreadsheet::import`; this module only runs the SQL.
use super::customers::{customer_from_row, insert_customer, update_customer_row};
use super::Db;
use crate::dates;
use crate::domain::customer::ValidCustomer;
use crate::domain::Customer;
use crate::error::Result;
use crate::text;
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior};

/// Phone numbers shorter than this never match an existing customer: too
/// many customers share a short extension or a partial number.
pub const MIN_MATCH_PHONE_DIGITS: usize = 7;

/// One open import transaction.
pub struct CustomerImport<'a> {
    tx: &'a Transaction<'a>,
    now: String,
}

impl Db {
    /// Run `f` inside one IMMEDIATE transaction. With `commit`, everything it
    /// did lands when it returns `Ok`; without (a dry run), everything is
    /// rolled back whatever it returns. An `Err` always rolls back.
    pub fn import_customers_with<T>(
        &mut self,
        commit: bool,
        f: impl FnOnce(&CustomerImport) -> Result<T>,
    ) -> Result<T> {
        let now = dates::to_text(dates::now());
        if commit {
            return self.write(|tx| f(&CustomerImport { tx, now }));
        }
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&CustomerImport { tx: &tx, now });
        tx.rollback()?;
        out
    }
}

impl CustomerImport<'_> {
    /// The existing customer with this email (ignoring case), else with these
    /// phone digits; the oldest when several match. A phone number alone does
    /// not make two people with different emails one customer (families and
    /// offices share a number): with an email given, a phone match counts
    /// only for a customer who has no email.
    pub fn find_by_contact(&self, email: Option<&str>, phone: Option<&str>) -> Result<Option<Customer>> {
        if let Some(e) = email.filter(|e| !e.is_empty()) {
            let found = self
                .tx
                .prepare_cached(
                    "SELECT * FROM customers WHERE lower(email) = lower(?) AND email IS NOT NULL ORDER BY id LIMIT 1",
                )?
                .query_row([e], customer_from_row)
                .optional()?;
            if found.is_some() {
                return Ok(found);
            }
        }
        let digits = phone.map(text::digits).unwrap_or_default();
        if digits.len() >= MIN_MATCH_PHONE_DIGITS {
            return Ok(self
                .tx
                .prepare_cached(
                    "SELECT * FROM customers WHERE phone_digits = ?1 AND phone_digits IS NOT NULL
                     AND (?2 IS NULL OR email IS NULL) ORDER BY id LIMIT 1",
                )?
                .query_row(rusqlite::params![digits, email.filter(|e| !e.is_empty())], customer_from_row)
                .optional()?);
        }
        Ok(None)
    }

    pub fn add(&self, c: &ValidCustomer) -> Result<i64> {
        insert_customer(self.tx, c, &self.now)
    }

    pub fn update(&self, id: i64, c: &ValidCustomer) -> Result<()> {
        update_customer_row(self.tx, id, c, &self.now)?;
        Ok(())
    }
}
