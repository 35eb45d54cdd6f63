//! Customers: who they are, how to reach them, and what they are worth to
//! the business over the years (the input to "what we lose if they never
//! come back").
use super::profile::{address_block, clean_lines};
use crate::error::{Error, Result};
use crate::money;
use crate::text::{self, LONG_LIMIT, SHORT_LIMIT};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct Address {
    pub lines: Vec<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub postal_code: Option<String>,
    pub country: Option<String>,
}

impl Address {
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty() && self.city.is_none() && self.postal_code.is_none()
    }

    /// Lines as they go on an envelope, after the recipient's name.
    pub fn block(&self) -> Vec<String> {
        address_block(
            &self.lines,
            self.city.as_deref(),
            self.region.as_deref(),
            self.postal_code.as_deref(),
            self.country.as_deref(),
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct Customer {
    pub id: i64,
    pub name: String,
    pub company: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Address,
    pub notes: Option<String>,
    pub tags: Vec<String>,
    /// What the customer spends with us in a typical year, minor units.
    pub yearly_spend_minor: i64,
    /// How many more years we expect them to stay if all goes well.
    pub expected_years: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Raised by every save of the customer; an edit form sends back the one
    /// it was filled from (`CustomerInput::seen_version`).
    pub version: i64,
    /// Who saved it last, when a name is set on their computer.
    pub updated_by: Option<String>,
}

/// A customer form as typed: money as text, parsed and checked by `validated`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(default)]
pub struct CustomerInput {
    pub name: String,
    pub company: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Address,
    pub notes: Option<String>,
    pub tags: Vec<String>,
    pub yearly_spend: Option<String>,
    pub expected_years: Option<u32>,
    /// The customer's `version` this form was filled from: the save is refused
    /// if someone saved the customer since. None (a new customer, the CLI) checks nothing.
    pub seen_version: Option<i64>,
}

/// A checked customer form, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCustomer {
    pub name: String,
    pub company: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Address,
    pub notes: Option<String>,
    pub tags: Vec<String>,
    pub yearly_spend_minor: i64,
    pub expected_years: u32,
}

impl ValidCustomer {
    /// What search looks at: folded name, company and email, and the phone's digits.
    /// The phone goes in as digits only: a query that looks like a phone number
    /// is searched as digits too, and shorter text keeps the trigram index small.
    pub fn search_text(&self) -> String {
        let mut s = text::fold(&self.name);
        for extra in [&self.company, &self.email].into_iter().flatten() {
            s.push(' ');
            s.push_str(&text::fold(extra));
        }
        if let Some(p) = &self.phone {
            s.push(' ');
            s.push_str(&text::digits(p));
        }
        s
    }
}

impl CustomerInput {
    pub fn validated(&self) -> Result<ValidCustomer> {
        let name = text::required("name", &self.name, "A customer needs a name.", SHORT_LIMIT)?;
        text::single_line("name", &name)?;
        let one_line = |field: &'static str, v: &Option<String>| -> Result<Option<String>> {
            let v = text::optional(field, v.as_deref(), SHORT_LIMIT)?;
            if let Some(s) = &v {
                text::single_line(field, s)?;
            }
            Ok(v)
        };
        let company = one_line("company", &self.company)?;
        let email = one_line("email", &self.email)?;
        let phone = one_line("phone", &self.phone)?;
        let address = Address {
            lines: clean_lines("address_lines", &self.address.lines)?,
            city: one_line("city", &self.address.city)?,
            region: one_line("region", &self.address.region)?,
            postal_code: one_line("postal_code", &self.address.postal_code)?,
            country: one_line("country", &self.address.country)?,
        };
        if let Some(e) = &email {
            text::check_email("email", e)?;
        }
        if let Some(p) = &phone {
            if text::digits(p).len() < 3 {
                return Err(Error::invalid("phone", format!("\"{p}\" does not look like a phone number.")));
            }
        }
        let notes = text::optional("notes", self.notes.as_deref(), LONG_LIMIT)?;
        let mut tags = Vec::new();
        for t in &self.tags {
            if let Some(t) = text::optional("tags", Some(t), 100)? {
                text::single_line("tags", &t)?;
                if !tags.contains(&t) {
                    tags.push(t);
                }
            }
        }
        let yearly_spend_minor = match self.yearly_spend.as_deref().map(str::trim) {
            None | Some("") => 0,
            Some(v) => money::parse_amount("yearly_spend", v)?,
        };
        let expected_years = self.expected_years.unwrap_or(0);
        if expected_years > 100 {
            return Err(Error::invalid("expected_years", "Expected years must be between 0 and 100."));
        }
        Ok(ValidCustomer { name, company, email, phone, address, notes, tags, yearly_spend_minor, expected_years })
    }
}

impl Customer {
    /// The stored customer as a form, for an edit that changes only part of it.
    pub fn as_input(&self) -> CustomerInput {
        CustomerInput {
            name: self.name.clone(),
            company: self.company.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            address: self.address.clone(),
            notes: self.notes.clone(),
            tags: self.tags.clone(),
            yearly_spend: Some(crate::money::to_decimal(self.yearly_spend_minor)),
            expected_years: Some(self.expected_years),
            seen_version: Some(self.version),
        }
    }

    /// The name to greet them by in a warm letter: the first word of the name.
    pub fn first_name(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or(&self.name)
    }

    /// What we lose over the years if they never come back, before margin: spend × years.
    pub fn future_spend_minor(&self) -> i64 {
        self.yearly_spend_minor.saturating_mul(self.expected_years as i64)
    }
}
