//! Incidents and their recovery: the eight steps of the method, the dated
//! list of what we changed, the timeline and the letters produced.
//!
//! The status of an incident is never set by hand: it follows from its steps
//! and changes (`Status::derive`). An incident is closed only when every step
//! is done or skipped with a reason.
use crate::dates;
use crate::error::{Error, Result};
use crate::money;
use crate::text::{self, LONG_LIMIT, SHORT_LIMIT};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// Who found the mistake first: us (so we can get there first) or the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum DiscoveredBy {
    Us,
    #[default]
    Customer,
}

impl DiscoveredBy {
    pub fn key(self) -> &'static str {
        match self {
            DiscoveredBy::Us => "us",
            DiscoveredBy::Customer => "customer",
        }
    }
}

impl FromStr for DiscoveredBy {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim() {
            "us" => Ok(DiscoveredBy::Us),
            "customer" => Ok(DiscoveredBy::Customer),
            _ => Err(Error::invalid(
                "discovered_by",
                format!("\"{s}\": say who found the problem first, us or customer."),
            )),
        }
    }
}

/// The recovery method, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum RecoveryStep {
    Contacted,
    Listened,
    RepeatedBack,
    Apologised,
    Fixed,
    MadeUp,
    Evaluated,
    EvidenceSent,
}

impl RecoveryStep {
    pub const ALL: [RecoveryStep; 8] = [
        RecoveryStep::Contacted,
        RecoveryStep::Listened,
        RecoveryStep::RepeatedBack,
        RecoveryStep::Apologised,
        RecoveryStep::Fixed,
        RecoveryStep::MadeUp,
        RecoveryStep::Evaluated,
        RecoveryStep::EvidenceSent,
    ];

    /// The name used in the database and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            RecoveryStep::Contacted => "contacted",
            RecoveryStep::Listened => "listened",
            RecoveryStep::RepeatedBack => "repeated-back",
            RecoveryStep::Apologised => "apologised",
            RecoveryStep::Fixed => "fixed",
            RecoveryStep::MadeUp => "made-up",
            RecoveryStep::Evaluated => "evaluated",
            RecoveryStep::EvidenceSent => "evidence-sent",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RecoveryStep::Contacted => "Contacted the customer",
            RecoveryStep::Listened => "Listened to them",
            RecoveryStep::RepeatedBack => "Repeated the problem back",
            RecoveryStep::Apologised => "Apologised, no qualifiers",
            RecoveryStep::Fixed => "Fixed it",
            RecoveryStep::MadeUp => "Made up for it",
            RecoveryStep::Evaluated => "Found the cause and changed something",
            RecoveryStep::EvidenceSent => "Sent the \"what we changed\" letter",
        }
    }
}

impl FromStr for RecoveryStep {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let k = s.trim().replace('_', "-");
        let k = match k.as_str() {
            "apologized" => "apologised",
            other => other,
        };
        RecoveryStep::ALL.into_iter().find(|st| st.key() == k).ok_or_else(|| {
            Error::invalid(
                "step",
                format!(
                    "\"{s}\" is not a recovery step. Use one of contacted, listened, repeated-back, apologised, fixed, made-up, evaluated, evidence-sent."
                ),
            )
        })
    }
}

/// One step's state: done at a time, skipped with a reason, or still to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct StepRecord {
    pub step: RecoveryStep,
    pub done_at: Option<DateTime<Utc>>,
    pub skipped_reason: Option<String>,
}

impl StepRecord {
    pub fn pending(step: RecoveryStep) -> Self {
        StepRecord { step, done_at: None, skipped_reason: None }
    }
    /// Done or deliberately skipped.
    pub fn is_resolved(&self) -> bool {
        self.done_at.is_some() || self.skipped_reason.is_some()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The customer has not been contacted yet.
    New,
    /// Contacted; steps remain.
    InRecovery,
    /// Changes are recorded and the "what we changed" letter has not gone out.
    FollowUpDue,
    /// Every step done or skipped with a reason.
    Closed,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::New, Status::InRecovery, Status::FollowUpDue, Status::Closed];

    pub fn key(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::InRecovery => "in_recovery",
            Status::FollowUpDue => "follow_up_due",
            Status::Closed => "closed",
        }
    }

    /// The one rule for status: it follows from the steps and the changes.
    pub fn derive(steps: &[StepRecord], change_count: usize) -> Status {
        let resolved = |s: RecoveryStep| steps.iter().any(|r| r.step == s && r.is_resolved());
        if RecoveryStep::ALL.iter().all(|s| resolved(*s)) {
            Status::Closed
        } else if !resolved(RecoveryStep::Contacted) {
            Status::New
        } else if change_count > 0 && resolved(RecoveryStep::Fixed) && !resolved(RecoveryStep::EvidenceSent) {
            // The "what we changed" letter goes after the fix, never before it.
            Status::FollowUpDue
        } else {
            Status::InRecovery
        }
    }
}

impl FromStr for Status {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let k = s.trim().replace('-', "_");
        Status::ALL.into_iter().find(|st| st.key() == k).ok_or_else(|| {
            Error::invalid(
                "status",
                format!("\"{s}\" is not a status. Use new, in_recovery, follow_up_due or closed (or open for all but closed)."),
            )
        })
    }
}

/// Did recovery pay? Filled in months later.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct Outcome {
    /// Did the customer come back? `None` = not known yet.
    pub came_back: Option<bool>,
    /// What they spent in the months after, minor units.
    pub spend_after_minor: Option<i64>,
    pub note: Option<String>,
}

/// One concrete "what we changed" entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct Change {
    pub id: i64,
    pub incident_id: i64,
    pub date: NaiveDate,
    pub text: String,
    /// Photos of the change, in the order they were added (at most two).
    #[serde(default)]
    pub photos: Vec<PhotoInfo>,
}

/// A photo kept with a change (the bytes stay in the store; see `Db::photo_jpeg`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct PhotoInfo {
    pub id: i64,
    pub file_name: String,
    /// Pixel size of the print copy.
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum TimelineKind {
    Call,
    Email,
    Letter,
    Visit,
    Note,
}

impl TimelineKind {
    pub const ALL: [TimelineKind; 5] =
        [TimelineKind::Call, TimelineKind::Email, TimelineKind::Letter, TimelineKind::Visit, TimelineKind::Note];
    pub fn key(self) -> &'static str {
        match self {
            TimelineKind::Call => "call",
            TimelineKind::Email => "email",
            TimelineKind::Letter => "letter",
            TimelineKind::Visit => "visit",
            TimelineKind::Note => "note",
        }
    }
}

impl FromStr for TimelineKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        TimelineKind::ALL.into_iter().find(|k| k.key() == s.trim()).ok_or_else(|| {
            Error::invalid("kind", format!("\"{s}\" is not a timeline entry. Use call, email, letter, visit or note."))
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct TimelineEntry {
    pub id: i64,
    pub incident_id: i64,
    pub at: DateTime<Utc>,
    pub kind: TimelineKind,
    pub text: String,
    /// Who wrote it, when a name is set on their computer.
    pub person: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum LetterKind {
    Apology,
    Email,
    Call,
    FollowUp,
}

impl LetterKind {
    pub const ALL: [LetterKind; 4] = [LetterKind::Apology, LetterKind::Email, LetterKind::Call, LetterKind::FollowUp];
    pub fn key(self) -> &'static str {
        match self {
            LetterKind::Apology => "apology",
            LetterKind::Email => "email",
            LetterKind::Call => "call",
            LetterKind::FollowUp => "follow_up",
        }
    }
}

impl FromStr for LetterKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let k = s.trim().replace('-', "_");
        LetterKind::ALL.into_iter().find(|l| l.key() == k).ok_or_else(|| {
            Error::invalid("kind", format!("\"{s}\" is not a letter kind. Use apology, email, call or follow-up."))
        })
    }
}

/// A record of every apology or follow-up produced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct LetterRecord {
    pub id: i64,
    pub incident_id: i64,
    pub kind: LetterKind,
    pub tone: Option<String>,
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// An incident as stored, with everything that hangs off it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct Incident {
    pub id: i64,
    pub customer_id: i64,
    pub title: String,
    /// What happened, in the customer's own words.
    pub what_happened: Option<String>,
    /// Our repeat-back: "what we understood".
    pub our_understanding: Option<String>,
    pub category: String,
    /// 1 (minor) to 5 (severe).
    pub severity: u8,
    pub occurred_at: DateTime<Utc>,
    pub discovered_at: DateTime<Utc>,
    pub discovered_by: DiscoveredBy,
    pub remedy_requested: Option<String>,
    /// The value the customer placed on the original order or expectation.
    pub order_value_minor: i64,
    pub fix_promised_by: Option<NaiveDate>,
    /// A promised call-back ("by Thursday 3 pm"), until a call is logged.
    pub callback_by: Option<DateTime<Utc>>,
    pub makeup_description: Option<String>,
    pub makeup_value_minor: Option<i64>,
    pub root_cause: Option<String>,
    pub outcome: Outcome,
    /// The customer already had an incident within the profile's window.
    pub second_failure: bool,
    pub status: Status,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Raised by every change to the incident; an edit form sends back the one
    /// it was filled from (`IncidentInput::seen_version`).
    pub version: i64,
    /// Who changed it last, when a name is set on their computer.
    pub updated_by: Option<String>,
    /// All eight steps, in method order.
    pub steps: Vec<StepRecord>,
    pub changes: Vec<Change>,
    /// The first step neither done nor skipped, in the method's order (`None` once all are).
    pub next_step: Option<RecoveryStep>,
    /// How many of the eight steps are done or skipped.
    pub steps_done: usize,
    /// The cause this incident belongs to, when one mistake touched many customers.
    pub cause_id: Option<i64>,
    /// The cause's changes (dated, shared by every incident of the cause); `incident_id` is this incident.
    pub cause_changes: Vec<Change>,
    pub timeline: Vec<TimelineEntry>,
}

impl Incident {
    pub fn step(&self, step: RecoveryStep) -> &StepRecord {
        self.steps.iter().find(|s| s.step == step).expect("all eight steps are always loaded")
    }
    /// The stored incident as a form, for an edit that changes only part of it.
    pub fn as_input(&self) -> IncidentInput {
        let money = |m: i64| Some(crate::money::to_decimal(m));
        IncidentInput {
            customer_id: self.customer_id,
            title: self.title.clone(),
            what_happened: self.what_happened.clone(),
            our_understanding: self.our_understanding.clone(),
            category: Some(self.category.clone()),
            severity: Some(self.severity),
            occurred_at: Some(crate::dates::to_text(self.occurred_at)),
            discovered_at: Some(crate::dates::to_text(self.discovered_at)),
            discovered_by: Some(self.discovered_by),
            remedy_requested: self.remedy_requested.clone(),
            order_value: money(self.order_value_minor),
            makeup_description: self.makeup_description.clone(),
            makeup_value: self.makeup_value_minor.and_then(money),
            root_cause: self.root_cause.clone(),
            outcome_came_back: self.outcome.came_back,
            outcome_spend_after: self.outcome.spend_after_minor.and_then(money),
            outcome_note: self.outcome.note.clone(),
            seen_version: Some(self.version),
        }
    }

    pub fn first_contacted_at(&self) -> Option<DateTime<Utc>> {
        self.step(RecoveryStep::Contacted).done_at
    }
    pub fn fixed_at(&self) -> Option<DateTime<Utc>> {
        self.step(RecoveryStep::Fixed).done_at
    }
    pub fn follow_up_sent_at(&self) -> Option<DateTime<Utc>> {
        self.step(RecoveryStep::EvidenceSent).done_at
    }
    pub fn steps_remaining(&self) -> Vec<RecoveryStep> {
        self.steps.iter().filter(|s| !s.is_resolved()).map(|s| s.step).collect()
    }
    /// A follow-up is due once changes are recorded and the letter has not gone out.
    pub fn follow_up_due(&self) -> bool {
        !self.changes.is_empty() && !self.step(RecoveryStep::EvidenceSent).is_resolved()
    }
}

/// An incident form as typed. Used to create and to edit.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(default)]
pub struct IncidentInput {
    pub customer_id: i64,
    pub title: String,
    pub what_happened: Option<String>,
    pub our_understanding: Option<String>,
    pub category: Option<String>,
    pub severity: Option<u8>,
    /// Date or date-time text; defaults to now.
    pub occurred_at: Option<String>,
    pub discovered_at: Option<String>,
    pub discovered_by: Option<DiscoveredBy>,
    pub remedy_requested: Option<String>,
    pub order_value: Option<String>,
    pub makeup_description: Option<String>,
    pub makeup_value: Option<String>,
    pub root_cause: Option<String>,
    pub outcome_came_back: Option<bool>,
    pub outcome_spend_after: Option<String>,
    pub outcome_note: Option<String>,
    /// The `version` of the incident this form was filled from. When set, the
    /// save is refused if anyone has changed the incident since.
    pub seen_version: Option<i64>,
}

/// A checked incident form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidIncident {
    pub customer_id: i64,
    pub title: String,
    pub what_happened: Option<String>,
    pub our_understanding: Option<String>,
    pub category: String,
    pub severity: u8,
    pub occurred_at: DateTime<Utc>,
    pub discovered_at: DateTime<Utc>,
    pub discovered_by: DiscoveredBy,
    pub remedy_requested: Option<String>,
    pub order_value_minor: i64,
    pub makeup_description: Option<String>,
    pub makeup_value_minor: Option<i64>,
    pub root_cause: Option<String>,
    pub outcome: Outcome,
}

impl IncidentInput {
    pub fn validated(&self, now: DateTime<Utc>) -> Result<ValidIncident> {
        let title = text::required(
            "title",
            &self.title,
            "An incident needs a short title, like \"Tiles arrived cracked\".",
            SHORT_LIMIT,
        )?;
        text::single_line("title", &title)?;
        let long = |field: &'static str, v: &Option<String>| text::optional(field, v.as_deref(), LONG_LIMIT);
        let severity = self.severity.unwrap_or(3);
        if !(1..=5).contains(&severity) {
            return Err(Error::invalid("severity", "Severity runs from 1 (minor) to 5 (severe)."));
        }
        let instant = |field: &'static str, v: &Option<String>| -> Result<DateTime<Utc>> {
            match v.as_deref().map(str::trim) {
                None | Some("") => Ok(now),
                Some(s) => dates::parse_datetime(field, s),
            }
        };
        let occurred_at = instant("occurred_at", &self.occurred_at)?;
        let discovered_at = instant("discovered_at", &self.discovered_at)?;
        if discovered_at < occurred_at {
            return Err(Error::invalid("discovered_at", "The problem can't have been discovered before it happened."));
        }
        let amount = |field: &'static str, v: &Option<String>| -> Result<Option<i64>> {
            match v.as_deref().map(str::trim) {
                None | Some("") => Ok(None),
                Some(s) => money::parse_amount(field, s).map(Some),
            }
        };
        let category = match self.category.as_deref().map(str::trim) {
            None | Some("") => "other".to_string(),
            Some(c) => c.to_lowercase(),
        };
        Ok(ValidIncident {
            customer_id: self.customer_id,
            title,
            what_happened: long("what_happened", &self.what_happened)?,
            our_understanding: long("our_understanding", &self.our_understanding)?,
            category,
            severity,
            occurred_at,
            discovered_at,
            discovered_by: self.discovered_by.unwrap_or_default(),
            remedy_requested: long("remedy_requested", &self.remedy_requested)?,
            order_value_minor: amount("order_value", &self.order_value)?.unwrap_or(0),
            makeup_description: long("makeup_description", &self.makeup_description)?,
            makeup_value_minor: amount("makeup_value", &self.makeup_value)?,
            root_cause: long("root_cause", &self.root_cause)?,
            outcome: Outcome {
                came_back: self.outcome_came_back,
                spend_after_minor: amount("outcome_spend_after", &self.outcome_spend_after)?,
                note: long("outcome_note", &self.outcome_note)?,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    /// The step labels cross to the UI generated, like the types: written
    /// beside the ts-rs bindings (`make test` fails if the committed copy differs).
    #[test]
    fn export_step_labels() {
        let Ok(dir) = std::env::var("TS_RS_EXPORT_DIR") else { return };
        let mut ts = String::from(
            "// Generated from RecoveryStep::label (src/domain/incident.rs) by `cargo test`. Do not edit.\n\
             import type { RecoveryStep } from \"./RecoveryStep\";\n\n\
             export const STEP_LABELS: Record<RecoveryStep, string> = {\n",
        );
        for s in RecoveryStep::ALL {
            let key = serde_json::to_value(s).unwrap();
            ts.push_str(&format!("  {}: {},\n", key, serde_json::to_string(s.label()).unwrap()));
        }
        ts.push_str("};\n");
        std::fs::write(std::path::Path::new(&dir).join("StepLabels.ts"), ts).unwrap();
    }

    use super::*;

    fn steps(done: &[RecoveryStep], skipped: &[RecoveryStep]) -> Vec<StepRecord> {
        RecoveryStep::ALL
            .iter()
            .map(|s| StepRecord {
                step: *s,
                done_at: done.contains(s).then(dates::now),
                skipped_reason: skipped.contains(s).then(|| "not needed".to_string()),
            })
            .collect()
    }

    #[test]
    fn status_follows_steps_and_changes() {
        use RecoveryStep::*;
        assert_eq!(Status::derive(&steps(&[], &[]), 0), Status::New);
        // Listening without a recorded contact still leaves the customer to be contacted.
        assert_eq!(Status::derive(&steps(&[Listened], &[]), 0), Status::New);
        assert_eq!(Status::derive(&steps(&[Contacted], &[]), 0), Status::InRecovery);
        // Changes recorded before the fix: the follow-up is not due yet.
        assert_eq!(Status::derive(&steps(&[Contacted], &[]), 2), Status::InRecovery);
        assert_eq!(Status::derive(&steps(&[Contacted, Fixed], &[]), 2), Status::FollowUpDue);
        assert_eq!(Status::derive(&steps(&[Contacted], &[Fixed]), 1), Status::FollowUpDue);
        let all_but_evidence = &RecoveryStep::ALL[..7];
        assert_eq!(Status::derive(&steps(all_but_evidence, &[]), 0), Status::InRecovery);
        assert_eq!(Status::derive(&steps(&RecoveryStep::ALL, &[]), 1), Status::Closed);
        assert_eq!(Status::derive(&steps(all_but_evidence, &[EvidenceSent]), 0), Status::Closed);
        assert_eq!(Status::derive(&steps(&RecoveryStep::ALL[1..], &[]), 0), Status::New);
    }

    #[test]
    fn step_names_round_trip() {
        for s in RecoveryStep::ALL {
            assert_eq!(s.key().parse::<RecoveryStep>().unwrap(), s);
        }
        assert_eq!("apologized".parse::<RecoveryStep>().unwrap(), RecoveryStep::Apologised);
        assert!("fix-promised".parse::<RecoveryStep>().is_err());
    }

    #[test]
    fn incident_form_rules() {
        let now = dates::now();
        let mut f = IncidentInput { customer_id: 1, title: "Tiles cracked".into(), ..Default::default() };
        assert_eq!(f.validated(now).unwrap().severity, 3);
        f.severity = Some(6);
        assert_eq!(f.validated(now).unwrap_err().field(), Some("severity"));
        f.severity = Some(5);
        f.order_value = Some("-3".into());
        assert_eq!(f.validated(now).unwrap_err().field(), Some("order_value"));
        f.order_value = Some("120.50".into());
        f.occurred_at = Some("2026-03-10".into());
        f.discovered_at = Some("2026-03-01".into());
        assert_eq!(f.validated(now).unwrap_err().field(), Some("discovered_at"));
        f.title = "  ".into();
        assert_eq!(f.validated(now).unwrap_err().field(), Some("title"));
    }
}
