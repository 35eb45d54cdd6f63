//! The business profile: who signs the letters, where they are, and the
//! settings that shape letters and make-up suggestions. One per database.
use crate::dates::DateFormat;
use crate::error::{Error, Result};
use crate::money::Currency;
use crate::text::{self, SHORT_LIMIT};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// US Letter, 8.5 × 11 in.
    #[default]
    Letter,
    /// ISO A4, 210 × 297 mm.
    A4,
}

impl Paper {
    pub fn key(self) -> &'static str {
        match self {
            Paper::Letter => "letter",
            Paper::A4 => "a4",
        }
    }
}

impl FromStr for Paper {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "letter" | "us-letter" | "us_letter" => Ok(Paper::Letter),
            "a4" => Ok(Paper::A4),
            _ => Err(Error::invalid("paper", format!("\"{s}\" is not a paper size. Use letter or a4."))),
        }
    }
}

/// Which window envelope the letters are folded into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum EnvelopePreset {
    /// US #10 window envelope, tri-folded US Letter.
    #[default]
    UsNo10,
    /// DIN 5008 form A address field, DL envelope.
    Din5008A,
    /// DIN 5008 form B address field, DL envelope.
    Din5008B,
    /// Window on the right-hand side (common in Switzerland and some printers' stock).
    RightWindow,
    /// The owner's own measurements.
    Custom,
}

impl EnvelopePreset {
    pub const ALL: [EnvelopePreset; 5] = [
        EnvelopePreset::UsNo10,
        EnvelopePreset::Din5008A,
        EnvelopePreset::Din5008B,
        EnvelopePreset::RightWindow,
        EnvelopePreset::Custom,
    ];
    pub fn key(self) -> &'static str {
        match self {
            EnvelopePreset::UsNo10 => "us_no10",
            EnvelopePreset::Din5008A => "din5008_a",
            EnvelopePreset::Din5008B => "din5008_b",
            EnvelopePreset::RightWindow => "right_window",
            EnvelopePreset::Custom => "custom",
        }
    }
}

impl FromStr for EnvelopePreset {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        EnvelopePreset::ALL.into_iter().find(|p| p.key() == s.trim()).ok_or_else(|| {
            Error::invalid(
                "envelope",
                format!("\"{s}\" is not an envelope. Use us_no10, din5008_a, din5008_b, right_window or custom."),
            )
        })
    }
}

/// The kind of business, so make-up ideas fit (a restaurant does not offer a "free redo").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum BusinessType {
    #[default]
    General,
    Trades,
    Retail,
    Restaurant,
    Services,
}

impl BusinessType {
    pub const ALL: [BusinessType; 5] = [
        BusinessType::General,
        BusinessType::Trades,
        BusinessType::Retail,
        BusinessType::Restaurant,
        BusinessType::Services,
    ];
    pub fn key(self) -> &'static str {
        match self {
            BusinessType::General => "general",
            BusinessType::Trades => "trades",
            BusinessType::Retail => "retail",
            BusinessType::Restaurant => "restaurant",
            BusinessType::Services => "services",
        }
    }
}

impl FromStr for BusinessType {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        BusinessType::ALL.into_iter().find(|p| p.key() == s.trim()).ok_or_else(|| {
            Error::invalid(
                "business_type",
                format!("\"{s}\" is not a business type. Use general, trades, retail, restaurant or services."),
            )
        })
    }
}

/// The business profile. Logo and signature images are stored separately.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct Profile {
    pub business_name: String,
    pub signer_name: String,
    pub signer_title: Option<String>,
    pub address_lines: Vec<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub postal_code: Option<String>,
    pub country: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub currency: Currency,
    pub paper: Paper,
    pub date_format: DateFormat,
    pub envelope: EnvelopePreset,
    /// Printer nudge, millimetres right (+) / left (−).
    pub offset_x_mm: f64,
    /// Printer nudge, millimetres down (+) / up (−).
    pub offset_y_mm: f64,
    pub business_type: BusinessType,
    /// A customer's new incident within this many days of a previous one is a second failure.
    pub second_failure_days: u32,
    /// Gross margin on future spend, percent (what a lost customer's spend was worth to us).
    pub margin_percent: u32,
    /// Chance, percent, that a customer leaves after a badly handled mistake.
    pub churn_percent: u32,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            business_name: String::new(),
            signer_name: String::new(),
            signer_title: None,
            address_lines: Vec::new(),
            city: None,
            region: None,
            postal_code: None,
            country: None,
            phone: None,
            email: None,
            website: None,
            currency: Currency::Usd,
            paper: Paper::Letter,
            date_format: DateFormat::LongUs,
            envelope: EnvelopePreset::UsNo10,
            offset_x_mm: 0.0,
            offset_y_mm: 0.0,
            business_type: BusinessType::General,
            second_failure_days: 365,
            margin_percent: 40,
            churn_percent: 60,
        }
    }
}

impl Profile {
    /// Whether the owner has filled in the profile (first run shows the form otherwise).
    pub fn is_set_up(&self) -> bool {
        !self.business_name.is_empty() && !self.signer_name.is_empty()
    }

    /// Trim and check every field; returns the cleaned profile.
    pub fn validated(&self) -> Result<Profile> {
        let mut p = self.clone();
        p.business_name = text::required("business_name", &p.business_name, "The business needs a name.", SHORT_LIMIT)?;
        p.signer_name = text::required(
            "signer_name",
            &p.signer_name,
            "Letters need the name of the person who signs them.",
            SHORT_LIMIT,
        )?;
        p.signer_title = text::optional("signer_title", p.signer_title.as_deref(), SHORT_LIMIT)?;
        p.address_lines = clean_lines("address_lines", &p.address_lines)?;
        for (field, v) in [
            ("city", &mut p.city),
            ("region", &mut p.region),
            ("postal_code", &mut p.postal_code),
            ("country", &mut p.country),
            ("phone", &mut p.phone),
            ("email", &mut p.email),
            ("website", &mut p.website),
        ] {
            *v = text::optional(field, v.as_deref(), SHORT_LIMIT)?;
            if let Some(s) = v.as_deref() {
                text::single_line(field, s)?;
            }
        }
        if let Some(e) = p.email.as_deref() {
            text::check_email("email", e)?;
        }
        for (field, v) in [("offset_x_mm", p.offset_x_mm), ("offset_y_mm", p.offset_y_mm)] {
            if !v.is_finite() || v.abs() > 20.0 {
                return Err(Error::invalid(field, "A printer offset must be between -20 and 20 millimetres."));
            }
        }
        if !(1..=3650).contains(&p.second_failure_days) {
            return Err(Error::invalid(
                "second_failure_days",
                "The second-failure window must be between 1 and 3650 days.",
            ));
        }
        if p.margin_percent > 100 || p.churn_percent > 100 {
            let field = if p.margin_percent > 100 { "margin_percent" } else { "churn_percent" };
            return Err(Error::invalid(field, "A percentage must be between 0 and 100."));
        }
        Ok(p)
    }

    /// The address as lines for a letterhead: street lines, then "City Region Postcode", then country.
    pub fn address_block(&self) -> Vec<String> {
        address_block(
            &self.address_lines,
            self.city.as_deref(),
            self.region.as_deref(),
            self.postal_code.as_deref(),
            self.country.as_deref(),
        )
    }
}

/// Trim each line, drop empty ones, refuse line breaks and over-long lines.
pub(crate) fn clean_lines(field: &'static str, lines: &[String]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for l in lines {
        if let Some(v) = text::optional(field, Some(l), SHORT_LIMIT)? {
            text::single_line(field, &v)?;
            out.push(v);
        }
    }
    if out.len() > 40 {
        return Err(Error::invalid(field, "An address can have at most 40 lines."));
    }
    Ok(out)
}

pub(crate) fn address_block(
    lines: &[String],
    city: Option<&str>,
    region: Option<&str>,
    postal_code: Option<&str>,
    country: Option<&str>,
) -> Vec<String> {
    let mut out: Vec<String> = lines.to_vec();
    let locality: Vec<&str> = [city, region, postal_code].into_iter().flatten().collect();
    if !locality.is_empty() {
        out.push(locality.join(" "));
    }
    if let Some(c) = country {
        out.push(c.to_string());
    }
    out
}
