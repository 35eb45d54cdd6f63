//! Customers: add, edit, fetch, and the accent-insensitive search.
use super::rows::{instant, lines, split_lines};
use super::sql::{args, Engine, Params, Row, Sql, Value};
use super::Db;
use crate::dates;
use crate::domain::customer::ValidCustomer;
use crate::domain::{Address, Customer, CustomerInput};
use crate::error::{Error, Result};
use crate::text;

impl Db {
    pub fn add_customer(&mut self, input: &CustomerInput) -> Result<Customer> {
        let c = input.validated()?;
        let id = self.write(|tx| insert_customer(tx, &c, &dates::to_text(dates::now())))?;
        self.customer(id)
    }

    /// Save an edit. With `input.seen_version`, refused (kind "conflict") when
    /// someone saved the customer since that version: nothing of theirs is overwritten.
    pub fn update_customer(&mut self, id: i64, input: &CustomerInput) -> Result<Customer> {
        let c = input.validated()?;
        self.write(|tx| {
            let now =
                tx.query_opt("SELECT row_version, updated_by, updated_at FROM customers WHERE id = ?", [id], |r| {
                    Ok((
                        r.get::<_, i64>("row_version")?,
                        r.get::<_, Option<String>>("updated_by")?,
                        instant(r, "updated_at")?,
                    ))
                })?;
            let Some((version, by, at)) = now else {
                return Err(Error::not_found(format!("Customer #{id}")));
            };
            if input.seen_version.is_some_and(|seen| seen != version) {
                return Err(super::incidents::refusal("customer", by.as_deref(), Some(at), ""));
            }
            update_customer_row(tx, id, &c, Some(&c.search_text()), &dates::to_text(dates::now()))?;
            Ok(())
        })?;
        self.customer(id)
    }

    pub fn customer(&self, id: i64) -> Result<Customer> {
        self.sql()
            .query_opt("SELECT * FROM customers WHERE id = ?", [id], customer_from_row)?
            .ok_or_else(|| Error::not_found(format!("Customer #{id}")))
    }

    pub fn customer_count(&self) -> Result<i64> {
        self.sql().one("SELECT COUNT(*) FROM customers", ())
    }

    /// Customers whose name, company, email or phone contains `query`, ignoring
    /// case and accents; all customers when the query is blank. Sorted by name.
    /// A query of one or two characters matches the start of the name.
    /// With a `limit`, the first matches found are returned (sorted), which keeps
    /// search-as-you-type fast on large lists.
    pub fn search_customers(&self, query: &str, limit: Option<usize>) -> Result<Vec<Customer>> {
        let q = query.trim();
        let lim = limit.map_or(i64::MAX, |l| l as i64);
        let folded = text::fold(q);
        let digits = text::digits(q);
        let phone_like = digits.len() >= 3 && q.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c));
        let needle = if phone_like { digits } else { folded };
        let mut out = if needle.is_empty() {
            self.query_customers("SELECT * FROM customers ORDER BY name_key, id LIMIT ?", args![lim])?
        } else if needle.chars().count() >= 3 && self.engine() == Engine::Postgres {
            // The trigram index on the folded text answers LIKE '%…%' directly.
            let like = format!("%{}%", needle.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
            let sql = if limit.is_some() {
                "SELECT * FROM customers WHERE search_text LIKE ? LIMIT ?"
            } else {
                "SELECT * FROM customers WHERE search_text LIKE ? ORDER BY name_key, id LIMIT ?"
            };
            self.query_customers(sql, args![like, lim])?
        } else if needle.chars().count() >= 3 {
            // Trigram index: a quoted phrase matches any substring of three or more characters.
            let phrase = format!("\"{}\"", needle.replace('"', "\"\""));
            let sql = if limit.is_some() {
                "SELECT c.* FROM customer_search s JOIN customers c ON c.id = s.rowid
                 WHERE customer_search MATCH ? LIMIT ?"
            } else {
                "SELECT c.* FROM customer_search s JOIN customers c ON c.id = s.rowid
                 WHERE customer_search MATCH ? ORDER BY c.name_key, c.id LIMIT ?"
            };
            self.query_customers(sql, args![phrase, lim])?
        } else {
            // One or two characters are too short for trigrams: match the start of
            // the name through its index, which stays instant on any list.
            let upper = prefix_upper_bound(&needle);
            self.query_customers(
                "SELECT * FROM customers WHERE name_key >= ?1 AND (CAST(?2 AS TEXT) IS NULL OR name_key < ?2)
                 ORDER BY name_key, id LIMIT ?3",
                args![needle, upper, lim],
            )?
        };
        out.sort_by(|a, b| text::fold(&a.name).cmp(&text::fold(&b.name)).then(a.id.cmp(&b.id)));
        Ok(out)
    }

    fn query_customers(&self, sql: &str, p: impl Params) -> Result<Vec<Customer>> {
        self.sql().query_map(sql, p, customer_from_row)
    }
}

/// The smallest string greater than every string starting with `prefix`
/// (None when there is none), for an index range scan.
fn prefix_upper_bound(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(last) = chars.pop() {
        if let Some(next) = char::from_u32(last as u32 + 1) {
            chars.push(next);
            return Some(chars.into_iter().collect());
        }
    }
    None
}

/// The stored columns of a customer, in the order of `COLUMNS`; `search_text:
/// None` leaves the searchable text as it is (an import re-indexes at the end).
const COLUMNS: &str = "name, company, email, phone, phone_digits, address_lines, city, region, postal_code, \
    country, notes, tags, yearly_spend_minor, expected_years, search_text, name_key";

fn column_values(c: &ValidCustomer, search_text: Option<String>) -> Vec<Value> {
    let text = |v: &Option<String>| v.clone().map_or(Value::Null, Value::Text);
    vec![
        Value::Text(c.name.clone()),
        text(&c.company),
        text(&c.email),
        text(&c.phone),
        text(&c.phone.as_deref().map(text::digits)),
        Value::Text(c.address.lines.join("\n")),
        text(&c.address.city),
        text(&c.address.region),
        text(&c.address.postal_code),
        text(&c.address.country),
        text(&c.notes),
        Value::Text(c.tags.join("\n")),
        Value::Int(c.yearly_spend_minor),
        Value::Int(c.expected_years.into()),
        text(&search_text),
        Value::Text(text::fold(&c.name)),
    ]
}

/// Insert a checked customer inside a caller's transaction (also used by demo and import).
pub(crate) fn insert_customer(tx: &Sql, c: &ValidCustomer, now: &str) -> Result<i64> {
    static SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        format!(
            "INSERT INTO customers ({COLUMNS}, created_at, updated_at) VALUES ({}) RETURNING id",
            vec!["?"; 18].join(", ")
        )
    });
    let mut values = column_values(c, Some(c.search_text()));
    values.extend([now.to_string().into(), now.to_string().into()]);
    tx.insert(&SQL, values)
}

/// Update a customer's row. `search_text: None` leaves the searchable text (and
/// so the search index) as it is, for an import that re-indexes at the end.
pub(crate) fn update_customer_row(
    tx: &Sql,
    id: i64,
    c: &ValidCustomer,
    search_text: Option<&str>,
    now: &str,
) -> Result<usize> {
    let sets: Vec<String> = COLUMNS
        .split(',')
        .map(str::trim)
        .map(|col| {
            if col == "search_text" {
                "search_text = COALESCE(?, search_text)".to_string()
            } else {
                format!("{col} = ?")
            }
        })
        .collect();
    // Every save raises the version, an import's too: a form open meanwhile is then refused.
    let sql = format!(
        "UPDATE customers SET {}, updated_at = ?, row_version = row_version + 1, updated_by = ? WHERE id = ?",
        sets.join(", ")
    );
    let mut values = column_values(c, search_text.map(str::to_string));
    values.extend([now.to_string().into(), tx.person().map_or(Value::Null, |p| p.into()), id.into()]);
    tx.execute(&sql, values)
}

pub(crate) fn customer_from_row(r: &Row) -> Result<Customer> {
    Ok(Customer {
        id: r.get("id")?,
        name: r.get("name")?,
        company: r.get("company")?,
        email: r.get("email")?,
        phone: r.get("phone")?,
        address: Address {
            lines: lines(r, "address_lines")?,
            city: r.get("city")?,
            region: r.get("region")?,
            postal_code: r.get("postal_code")?,
            country: r.get("country")?,
        },
        notes: r.get("notes")?,
        tags: split_lines(&r.get::<_, String>("tags")?),
        yearly_spend_minor: r.get("yearly_spend_minor")?,
        expected_years: r.get("expected_years")?,
        created_at: instant(r, "created_at")?,
        updated_at: instant(r, "updated_at")?,
        version: r.get("row_version")?,
        updated_by: r.get("updated_by")?,
    })
}
