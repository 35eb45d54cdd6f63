//! The CLI's JSON shapes: stable, documented in the README, plain field names.
//! Money is a decimal string beside the currency code; instants are RFC 3339.
use amends::domain::{Customer, Incident, Profile};
use amends::money::{to_decimal, Currency};
use amends::store::IncidentSummary;
use serde_json::{json, Value};

pub fn customer(c: &Customer, cur: Currency) -> Value {
    json!({
        "id": c.id,
        "name": c.name,
        "company": c.company,
        "email": c.email,
        "phone": c.phone,
        "address": {
            "lines": c.address.lines,
            "city": c.address.city,
            "region": c.address.region,
            "postal_code": c.address.postal_code,
            "country": c.address.country,
        },
        "notes": c.notes,
        "tags": c.tags,
        "yearly_spend": to_decimal(c.yearly_spend_minor),
        "expected_years": c.expected_years,
        "currency": cur.code(),
        "created_at": c.created_at,
        "updated_at": c.updated_at,
        "version": c.version,
        "updated_by": c.updated_by,
    })
}

pub fn summary(s: &IncidentSummary, cur: Currency) -> Value {
    json!({
        "id": s.id,
        "customer_id": s.customer_id,
        "customer_name": s.customer_name,
        "title": s.title,
        "category": s.category,
        "severity": s.severity,
        "status": s.status.key(),
        "discovered_by": s.discovered_by.key(),
        "occurred_at": s.occurred_at,
        "discovered_at": s.discovered_at,
        "fix_promised_by": s.fix_promised_by,
        "second_failure": s.second_failure,
        "order_value": to_decimal(s.order_value_minor),
        "currency": cur.code(),
    })
}

pub fn incident(i: &Incident, customer_name: &str, cur: Currency) -> Value {
    json!({
        "id": i.id,
        "customer_id": i.customer_id,
        "customer_name": customer_name,
        "title": i.title,
        "what_happened": i.what_happened,
        "our_understanding": i.our_understanding,
        "category": i.category,
        "severity": i.severity,
        "status": i.status.key(),
        "occurred_at": i.occurred_at,
        "discovered_at": i.discovered_at,
        "discovered_by": i.discovered_by.key(),
        "first_contacted_at": i.first_contacted_at(),
        "remedy_requested": i.remedy_requested,
        "order_value": to_decimal(i.order_value_minor),
        "fix_promised_by": i.fix_promised_by,
        "fixed_at": i.fixed_at(),
        "makeup_description": i.makeup_description,
        "makeup_value": i.makeup_value_minor.map(to_decimal),
        "root_cause": i.root_cause,
        "follow_up_sent_at": i.follow_up_sent_at(),
        "outcome": {
            "came_back": i.outcome.came_back,
            "spend_after": i.outcome.spend_after_minor.map(to_decimal),
            "note": i.outcome.note,
        },
        "second_failure": i.second_failure,
        "currency": cur.code(),
        "steps": i.steps.iter().map(|s| json!({
            "step": s.step.key(),
            "done_at": s.done_at,
            "skipped_reason": s.skipped_reason,
        })).collect::<Vec<_>>(),
        "steps_remaining": i.steps_remaining().iter().map(|s| s.key()).collect::<Vec<_>>(),
        "changes": i.changes.iter().map(|c| json!({"id": c.id, "date": c.date, "text": c.text})).collect::<Vec<_>>(),
        "timeline": i.timeline.iter().map(|t| json!({"id": t.id, "at": t.at, "kind": t.kind.key(), "text": t.text, "person": t.person})).collect::<Vec<_>>(),
        "created_at": i.created_at,
        "updated_at": i.updated_at,
        "version": i.version,
        "updated_by": i.updated_by,
    })
}

pub fn profile(p: &Profile) -> Value {
    json!({
        "business_name": p.business_name,
        "signer_name": p.signer_name,
        "signer_title": p.signer_title,
        "address_lines": p.address_lines,
        "city": p.city,
        "region": p.region,
        "postal_code": p.postal_code,
        "country": p.country,
        "phone": p.phone,
        "email": p.email,
        "website": p.website,
        "currency": p.currency.code(),
        "paper": p.paper.key(),
        "date_format": p.date_format.key(),
        "envelope": p.envelope.key(),
        "offset_x_mm": p.offset_x_mm,
        "offset_y_mm": p.offset_y_mm,
        "business_type": p.business_type.key(),
        "second_failure_days": p.second_failure_days,
        "margin_percent": p.margin_percent,
        "churn_percent": p.churn_percent,
    })
}
