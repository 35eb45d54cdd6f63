//! One cause, many customers: who else it touched (by id, by tag, or by a
//! pasted list of names or emails matched against the records), opening a
//! get-there-first incident for each, and whether the changes made because of
//! it worked (incidents of the same kind before and after each change, over
//! equal periods).
use crate::dates;
use crate::domain::{Cause, Change};
use crate::error::{Error, Result};
use crate::store::{Db, IncidentFilter, IncidentSummary};
use chrono::{Duration, NaiveDate};
use serde::Serialize;

/// Who a cause touched, as the owner picks them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    Customers(Vec<i64>),
    Tag(String),
    /// Names or email addresses, one per line (a pasted or imported list).
    List(String),
}

/// Who would be contacted, who could not be matched, and (unless a dry run)
/// the incidents opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct AffectReport {
    pub customers: Vec<(i64, String)>,
    pub unmatched: Vec<String>,
    pub incident_ids: Vec<i64>,
}

/// The customers a `Who` names, and the lines of a list that matched no one.
pub fn resolve(db: &Db, who: &Who) -> Result<(Vec<i64>, Vec<String>)> {
    match who {
        Who::Customers(ids) => {
            for id in ids {
                db.customer(*id)?;
            }
            Ok((ids.clone(), Vec::new()))
        }
        Who::Tag(t) => Ok((db.customers_tagged(t)?, Vec::new())),
        Who::List(text) => {
            let (mut ids, mut unmatched) = (Vec::new(), Vec::new());
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                let found: Vec<i64> = db
                    .search_customers(line, Some(20))?
                    .into_iter()
                    .filter(|c| {
                        c.email.as_deref().is_some_and(|e| e.eq_ignore_ascii_case(line))
                            || crate::text::fold(&c.name) == crate::text::fold(line)
                    })
                    .map(|c| c.id)
                    .collect();
                match found.as_slice() {
                    [one] => ids.push(*one),
                    [] => unmatched.push(line.to_string()),
                    _ => unmatched.push(format!("{line} (more than one customer has this name; use their email)")),
                }
            }
            ids.sort_unstable();
            ids.dedup();
            Ok((ids, unmatched))
        }
    }
}

/// Open a get-there-first incident for each customer the cause touched (one
/// transaction), or with `dry_run` only say who they would be.
pub fn affect(db: &mut Db, cause_id: i64, who: &Who, dry_run: bool) -> Result<AffectReport> {
    let cause = db.cause(cause_id)?;
    let (ids, unmatched) = resolve(db, who)?;
    let customers = ids.iter().map(|id| Ok((*id, db.customer(*id)?.name))).collect::<Result<Vec<_>>>()?;
    if ids.is_empty() {
        return Err(Error::invalid("customers", "No customer matched. Nobody was contacted."));
    }
    let at = cause
        .started_on
        .map(|d| dates::parse_datetime("started_on", &d.format("%Y-%m-%d").to_string()))
        .transpose()?
        .unwrap_or_else(dates::now)
        .min(dates::now());
    let incident_ids = if dry_run { Vec::new() } else { db.affect_customers(cause_id, &ids, at)? };
    Ok(AffectReport { customers, unmatched, incident_ids })
}

/// One change and the incidents of its kind before and after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct ChangeEffect {
    pub change: Change,
    /// The length of each period, in days (up to 90, and never past today).
    pub days: i64,
    pub before: i64,
    pub after: i64,
    /// "Delivery problems: 9 in the 90 days before the change, 1 in the 90 days after."
    pub words: String,
}

/// Everything a cause's page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct CauseDetail {
    pub cause: Cause,
    pub incidents: Vec<IncidentSummary>,
    pub effects: Vec<ChangeEffect>,
    /// Incidents of the same kind, not linked to it, found after its last change: it came back.
    pub came_back: Vec<i64>,
}

/// The longest period compared on each side of a change.
pub const EFFECT_DAYS: i64 = 90;

/// Did each change work? Incidents of the cause's category (or linked to it)
/// in the equal periods before and after the change date.
pub fn effects(db: &Db, cause: &Cause, today: NaiveDate) -> Result<Vec<ChangeEffect>> {
    let what = cause.category.clone().unwrap_or_else(|| "this kind".to_string());
    let mut out = Vec::new();
    for c in &cause.changes {
        let days = (today - c.date).num_days().clamp(0, EFFECT_DAYS);
        let (before, after) = if days == 0 {
            (0, 0)
        } else {
            (
                db.count_incidents_between(
                    cause.category.as_deref(),
                    Some(cause.id),
                    c.date - Duration::days(days),
                    c.date,
                )?,
                db.count_incidents_between(
                    cause.category.as_deref(),
                    Some(cause.id),
                    c.date,
                    c.date + Duration::days(days),
                )?,
            )
        };
        let words = if days == 0 {
            format!(
                "{} problems: the change is from today; ask again in a few weeks.",
                crate::text::capitalise_first(&what)
            )
        } else {
            format!(
                "{} problems: {before} in the {days} days before the change, {after} in the {days} days after.",
                crate::text::capitalise_first(&what)
            )
        };
        out.push(ChangeEffect { change: c.clone(), days, before, after, words });
    }
    Ok(out)
}

pub fn detail(db: &Db, id: i64) -> Result<CauseDetail> {
    let cause = db.cause(id)?;
    let incidents = db.list_incidents(&IncidentFilter { cause_id: Some(id), ..Default::default() })?;
    let effects = effects(db, &cause, dates::today())?;
    let came_back = db.came_back(&cause)?;
    Ok(CauseDetail { cause, incidents, effects, came_back })
}

/// "Did this touch anyone else?": a cause made from an incident (its category
/// and what we found), with the incident linked to it.
pub fn from_incident(db: &mut Db, incident_id: i64, title: &str) -> Result<Cause> {
    let i = db.incident(incident_id)?;
    let cause = db.add_cause(&crate::domain::CauseInput {
        title: if title.trim().is_empty() { i.title.clone() } else { title.to_string() },
        what_happened: i.root_cause.clone().or_else(|| i.our_understanding.clone()),
        category: Some(i.category.clone()),
        started_on: Some(i.occurred_at.date_naive().format("%Y-%m-%d").to_string()),
        ended_on: None,
    })?;
    db.link_incident(incident_id, Some(cause.id))?;
    db.cause(cause.id)
}
