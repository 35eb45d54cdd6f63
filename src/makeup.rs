//! The make-up calculator: how much to give back after a mistake.
//!
//! Size the make-up by what the customer expected (the order value) plus the
//! future value at risk (yearly spend × remaining years × gross margin × the
//! chance they leave after a badly handled mistake), scaled by severity, and
//! raised for a second failure. All arithmetic is in integer minor units with
//! half-up rounding. The arithmetic (`suggest`, `assess_offer`, `ideas`) is
//! pure; `review` and `set_customer_value` read and write through the store.
use crate::domain::{BusinessType, Customer, Incident, Profile};
use crate::error::Result;
use crate::money::{self, Currency};
use crate::store::Db;
use serde::{Deserialize, Serialize};

/// Share of the value at risk that each severity (1..=5) calls for, in percent.
const SEVERITY_SHARE: [i64; 5] = [10, 20, 35, 50, 70];
/// A second failure within the window raises the whole suggestion by this much, in percent.
const SECOND_FAILURE_UPLIFT: i64 = 50;
/// An offer under this share of the suggestion reads as a token gesture, in percent.
const TOKEN_SHARE: i64 = 25;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct MakeUpInputs {
    pub order_value_minor: i64,
    pub yearly_spend_minor: i64,
    pub expected_years: u32,
    pub margin_percent: u32,
    pub churn_percent: u32,
    /// 1 (minor) to 5 (severe); values outside are clamped.
    pub severity: u8,
    pub second_failure: bool,
}

impl MakeUpInputs {
    pub fn for_incident(incident: &Incident, customer: &Customer, profile: &Profile) -> Self {
        MakeUpInputs {
            order_value_minor: incident.order_value_minor,
            yearly_spend_minor: customer.yearly_spend_minor,
            expected_years: customer.expected_years,
            margin_percent: profile.margin_percent,
            churn_percent: profile.churn_percent,
            severity: incident.severity,
            second_failure: incident.second_failure,
        }
    }
}

/// The suggestion with every step of the sum, so the owner can see why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct MakeUpSuggestion {
    pub order_value_minor: i64,
    /// Yearly spend × remaining years.
    pub future_spend_minor: i64,
    /// Future spend × margin × churn: what we lose, on average, if this goes badly.
    pub value_at_risk_minor: i64,
    pub severity_share_percent: i64,
    /// Value at risk × severity share.
    pub risk_part_minor: i64,
    /// Uplift for a second failure, percent (0 when it is a first).
    pub second_failure_uplift_percent: i64,
    pub suggested_minor: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum OfferWarning {
    /// Less than the customer paid for what went wrong.
    BelowOrderValue,
    /// A small fraction of the suggestion: reads as a gesture, not a make-up.
    TokenGesture,
}

impl OfferWarning {
    pub fn message(self) -> &'static str {
        match self {
            OfferWarning::BelowOrderValue => {
                "This offer is less than the customer paid for what went wrong. A make-up starts by making them whole, then adds something for the trouble."
            }
            OfferWarning::TokenGesture => {
                "This looks like a token gesture (like taking the starters off the bill after a ruined evening). Customers remember the size of the make-up; consider the suggested amount."
            }
        }
    }
}

/// `a × p / 100`, rounded half up, without overflow.
fn percent(a: i64, p: i64) -> i64 {
    let v = (a as i128) * (p as i128);
    let r = (v + 50).div_euclid(100);
    r.clamp(i64::MIN as i128, i64::MAX as i128) as i64
}

pub fn suggest(i: &MakeUpInputs) -> MakeUpSuggestion {
    let future = (i.yearly_spend_minor as i128 * i.expected_years as i128).min(i64::MAX as i128) as i64;
    // margin × churn, both percent: divide by 10,000 once so rounding happens once.
    let at_risk = {
        let v = future as i128 * i.margin_percent as i128 * i.churn_percent as i128;
        ((v + 5_000) / 10_000).min(i64::MAX as i128) as i64
    };
    let sev = i.severity.clamp(1, 5) as usize;
    let share = SEVERITY_SHARE[sev - 1];
    let risk_part = percent(at_risk, share);
    let base = i.order_value_minor.saturating_add(risk_part);
    let uplift = if i.second_failure { SECOND_FAILURE_UPLIFT } else { 0 };
    let suggested = percent(base, 100 + uplift);
    MakeUpSuggestion {
        order_value_minor: i.order_value_minor,
        future_spend_minor: future,
        value_at_risk_minor: at_risk,
        severity_share_percent: share,
        risk_part_minor: risk_part,
        second_failure_uplift_percent: uplift,
        suggested_minor: suggested,
    }
}

/// Warnings about an offer the owner is considering.
pub fn assess_offer(offer_minor: i64, s: &MakeUpSuggestion) -> Vec<OfferWarning> {
    let mut w = Vec::new();
    if offer_minor < s.order_value_minor {
        w.push(OfferWarning::BelowOrderValue);
    }
    if s.suggested_minor > 0 && offer_minor < percent(s.suggested_minor, TOKEN_SHARE) {
        w.push(OfferWarning::TokenGesture);
    }
    w
}

/// The breakdown as sentences for a screen or the CLI.
pub fn explain(s: &MakeUpSuggestion, i: &MakeUpInputs, cur: Currency) -> Vec<String> {
    let mut lines = vec![
        format!("What they expected: the order was worth {}.", cur.format(s.order_value_minor)),
        format!(
            "Their future value: {} a year for {} more years = {}.",
            cur.format(i.yearly_spend_minor),
            i.expected_years,
            cur.format(s.future_spend_minor)
        ),
        format!(
            "At risk if this goes badly: {} × {}% margin × {}% chance they leave = {}.",
            cur.format(s.future_spend_minor),
            i.margin_percent,
            i.churn_percent,
            cur.format(s.value_at_risk_minor)
        ),
        format!(
            "Severity {} calls for {}% of that: {}.",
            i.severity.clamp(1, 5),
            s.severity_share_percent,
            cur.format(s.risk_part_minor)
        ),
    ];
    if s.second_failure_uplift_percent > 0 {
        lines.push(format!(
            "Second failure within a year: raised by {}%. A good recovery wins loyalty after one failure, rarely after two, so this one needs more.",
            s.second_failure_uplift_percent
        ));
    }
    lines.push(format!("Suggested make-up: {}.", cur.format(s.suggested_minor)));
    lines
}

/// Concrete make-up ideas that fit the kind of business, sized by the
/// suggestion. An amount that would read $0.00 is left out of its idea (or the
/// idea is), so no idea ever offers nothing.
pub fn ideas(kind: BusinessType, s: &MakeUpSuggestion, cur: Currency) -> Vec<String> {
    let some = |v: i64| (v > 0).then(|| cur.format(v));
    let amount = some(s.suggested_minor);
    let order = some(s.order_value_minor);
    let extra = some((s.suggested_minor - s.order_value_minor).max(0));
    let mut out: Vec<Option<String>> = match kind {
        BusinessType::Trades => vec![
            Some(match &extra {
                Some(e) => format!("Redo the work at no charge on a date they choose, plus {e} off their next job."),
                None => "Redo the work at no charge on a date they choose.".to_string(),
            }),
            order.as_ref().map(|o| format!("Refund {o} and upgrade the materials at our cost.")),
            amount.as_ref().map(|a| format!("A credit of {a} against any future work, with no expiry.")),
        ],
        BusinessType::Restaurant => vec![
            Some(match &order {
                Some(o) => format!("Refund the whole evening ({o}) and invite them back as our guests."),
                None => "Invite them back as our guests, with the owner there to greet them.".to_string(),
            }),
            extra.as_ref().map(|e| {
                format!("A dinner for two on the house worth {e}, on a night they choose, with the owner there to greet them.")
            }),
            Some("Never just the cheapest item on the bill: take the whole bill off.".to_string()),
        ],
        BusinessType::Retail => vec![
            Some(match &order {
                Some(o) => format!("Replace the item by express delivery, refund {o} and keep the replacement free."),
                None => "Replace the item by express delivery, free.".to_string(),
            }),
            amount.as_ref().map(|a| format!("Store credit of {a}, valid for a year.")),
            Some("An upgrade to the better model at the same price, delivered free.".to_string()),
        ],
        BusinessType::Services => vec![
            Some(match &order {
                Some(o) => format!("Refund {o} and do the next appointment free."),
                None => "Do the next appointment free.".to_string(),
            }),
            amount.as_ref().map(|a| format!("A credit of {a} on the account.")),
            Some("A priority slot and a direct line to the owner for the next year.".to_string()),
        ],
        BusinessType::General => vec![
            match (&order, &extra) {
                (Some(o), Some(e)) => Some(format!("Refund {o} plus {e} as a credit for the trouble.")),
                (Some(o), None) => Some(format!("Refund {o}.")),
                (None, Some(e)) => Some(format!("A credit of {e} for the trouble.")),
                (None, None) => None,
            },
            Some("Redo or replace it free, with a named date.".to_string()),
            amount.as_ref().map(|a| format!("A credit of {a}, with no expiry.")),
        ],
    };
    out.dedup();
    out.into_iter().flatten().collect()
}

/// Typical figures for a customer's value, by kind of business: the hint
/// beside the two numbers the calculator asks for when they are blank.
pub fn sample_customer_value(kind: BusinessType) -> (i64, u32) {
    match kind {
        BusinessType::Trades => (150_000, 5),
        BusinessType::Restaurant => (60_000, 4),
        BusinessType::Retail => (40_000, 3),
        BusinessType::Services => (90_000, 5),
        BusinessType::General => (80_000, 4),
    }
}

/// Everything the make-up panel shows for one incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct MakeUpReview {
    pub inputs: MakeUpInputs,
    pub suggestion: MakeUpSuggestion,
    pub currency: Currency,
    pub explanation: Vec<String>,
    pub ideas: Vec<String>,
    /// The offer checked: the `offer` argument, else the one stored on the incident.
    pub offer_minor: Option<i64>,
    pub warnings: Vec<OfferWarningView>,
    /// The customer's yearly spend or years are blank: ask for them before
    /// trusting the suggestion (it would leave out their future value).
    pub needs_customer_value: bool,
    /// Typical figures for this kind of business, as a hint: (yearly spend, years).
    pub sample_yearly_spend_minor: i64,
    pub sample_years: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct OfferWarningView {
    pub kind: OfferWarning,
    pub message: String,
}

/// The two numbers the calculator asks for when they are blank: what the
/// customer spends a year and how many more years we expect them to stay.
/// Saved on the customer (nothing else about them changes), then reviewed again.
pub fn set_customer_value(db: &mut Db, incident_id: i64, yearly_spend: &str, years: u32) -> Result<MakeUpReview> {
    let incident = db.incident(incident_id)?;
    let customer = db.customer(incident.customer_id)?;
    let input = crate::domain::CustomerInput {
        yearly_spend: Some(yearly_spend.to_string()),
        expected_years: Some(years),
        ..customer.as_input()
    };
    db.update_customer(customer.id, &input)?;
    review(db, incident_id, None)
}

/// Suggest a make-up for an incident and check an offer (typed by the owner,
/// or the one already stored).
pub fn review(db: &Db, incident_id: i64, offer: Option<&str>) -> Result<MakeUpReview> {
    let incident = db.incident(incident_id)?;
    let customer = db.customer(incident.customer_id)?;
    let profile = db.profile()?;
    let inputs = MakeUpInputs::for_incident(&incident, &customer, &profile);
    let suggestion = suggest(&inputs);
    let offer_minor = match offer.map(str::trim) {
        Some(o) if !o.is_empty() => Some(money::parse_amount("makeup_value", o)?),
        _ => incident.makeup_value_minor,
    };
    let warnings = offer_minor
        .map(|o| assess_offer(o, &suggestion))
        .unwrap_or_default()
        .into_iter()
        .map(|kind| OfferWarningView { kind, message: kind.message().to_string() })
        .collect();
    let (sample_yearly_spend_minor, sample_years) = sample_customer_value(profile.business_type);
    Ok(MakeUpReview {
        needs_customer_value: inputs.yearly_spend_minor == 0 || inputs.expected_years == 0,
        sample_yearly_spend_minor,
        sample_years,
        explanation: explain(&suggestion, &inputs, profile.currency),
        ideas: ideas(profile.business_type, &suggestion, profile.currency),
        inputs,
        suggestion,
        currency: profile.currency,
        offer_minor,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs() -> MakeUpInputs {
        MakeUpInputs {
            order_value_minor: 24_000,
            yearly_spend_minor: 120_000,
            expected_years: 5,
            margin_percent: 40,
            churn_percent: 60,
            severity: 4,
            second_failure: false,
        }
    }

    #[test]
    fn arithmetic_in_minor_units() {
        let s = suggest(&inputs());
        assert_eq!(s.future_spend_minor, 600_000);
        assert_eq!(s.value_at_risk_minor, 144_000); // 600,000 × 0.4 × 0.6
        assert_eq!(s.risk_part_minor, 72_000); // severity 4: 50%
        assert_eq!(s.suggested_minor, 96_000); // 240.00 + 720.00
    }

    #[test]
    fn second_failure_raises_by_half() {
        let s = suggest(&MakeUpInputs { second_failure: true, ..inputs() });
        assert_eq!(s.suggested_minor, 144_000);
        assert_eq!(s.second_failure_uplift_percent, 50);
    }

    #[test]
    fn rounds_half_up_and_never_overflows() {
        let s = suggest(&MakeUpInputs {
            order_value_minor: 0,
            yearly_spend_minor: 1,
            expected_years: 1,
            margin_percent: 50,
            churn_percent: 100,
            severity: 5,
            second_failure: false,
        });
        assert_eq!(s.value_at_risk_minor, 1); // 0.5 minor units rounds up
        let huge = suggest(&MakeUpInputs {
            order_value_minor: i64::MAX,
            yearly_spend_minor: i64::MAX,
            expected_years: u32::MAX,
            margin_percent: 100,
            churn_percent: 100,
            severity: 9,
            second_failure: true,
        });
        assert_eq!(huge.suggested_minor, i64::MAX);
    }

    #[test]
    fn severity_scales_the_risk_part() {
        let parts: Vec<i64> =
            (1..=5).map(|sev| suggest(&MakeUpInputs { severity: sev, ..inputs() }).risk_part_minor).collect();
        assert!(parts.windows(2).all(|w| w[0] < w[1]), "{parts:?}");
    }

    #[test]
    fn warns_about_token_and_short_offers() {
        let s = suggest(&inputs());
        assert_eq!(assess_offer(1_500, &s), vec![OfferWarning::BelowOrderValue, OfferWarning::TokenGesture]);
        assert_eq!(assess_offer(24_000, &s), vec![], "at 25% of 960.00 exactly: not a token");
        assert_eq!(assess_offer(23_999, &s), vec![OfferWarning::BelowOrderValue, OfferWarning::TokenGesture]);
        assert_eq!(assess_offer(96_000, &s), vec![]);
        // With no future value, an offer equal to the order is fine.
        let small = suggest(&MakeUpInputs { yearly_spend_minor: 0, ..inputs() });
        assert!(assess_offer(24_000, &small).is_empty());
    }

    #[test]
    fn explanation_names_every_figure() {
        let i = MakeUpInputs { second_failure: true, ..inputs() };
        let s = suggest(&i);
        let text = explain(&s, &i, Currency::Gbp).join("\n");
        for needle in ["£240.00", "£6,000.00", "£1,440.00", "£720.00", "Second failure", "£1,440.00."] {
            assert!(text.contains(needle), "{needle} missing from\n{text}");
        }
        assert_eq!(ideas(BusinessType::Restaurant, &s, Currency::Gbp).len(), 3);
    }
}
