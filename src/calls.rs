//! The phone call, in the method's order: what we know, let them talk (their
//! words saved as typed), repeat it back, apologise, say when it will be
//! fixed and when they will hear next, offer the make-up. Ending the call
//! logs it on the timeline with its length and marks the steps that happened.
use crate::domain::{Incident, RecoveryStep};
use crate::error::{Error, Result};
use crate::store::Db;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What happened on a call, as the Call view reports it when it ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct CallLog {
    pub started_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
    /// The steps that happened on the call (contacted, listened, repeated
    /// back, apologised…), each when the owner ticked it.
    pub steps: Vec<(RecoveryStep, DateTime<Utc>)>,
    /// Anything else to remember about the call.
    pub note: Option<String>,
}

/// "12 min", "under a minute", "1 h 5 min".
pub fn length_words(started: DateTime<Utc>, ended: DateTime<Utc>) -> String {
    let mins = (ended - started).num_seconds().max(0) / 60;
    match mins {
        0 => "under a minute".to_string(),
        m if m < 60 => format!("{m} min"),
        m => format!("{} h {} min", m / 60, m % 60),
    }
}

/// Log an ended call on the incident (see `Db::log_call`).
pub fn end_call(db: &mut Db, incident_id: i64, log: &CallLog) -> Result<Incident> {
    if log.ended_at < log.started_at {
        return Err(Error::invalid("ended_at", "The call can't end before it started."));
    }
    if log.ended_at - log.started_at > chrono::Duration::hours(12) {
        return Err(Error::invalid("ended_at", "That call would be over 12 hours long; check the times."));
    }
    for (step, at) in &log.steps {
        if *at < log.started_at - chrono::Duration::minutes(1) || *at > log.ended_at + chrono::Duration::minutes(1) {
            return Err(Error::invalid("steps", format!("\"{}\" is marked outside the call's time.", step.label())));
        }
    }
    let happened: Vec<&str> = log.steps.iter().map(|(s, _)| on_the_call(*s)).collect();
    let mut note = format!("Phone call, {}.", length_words(log.started_at, log.ended_at));
    if !happened.is_empty() {
        note.push_str(&format!(" On the call we {}.", join_and(&happened)));
    }
    if let Some(extra) = log.note.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        note.push(' ');
        note.push_str(extra);
    }
    db.log_call(incident_id, log.started_at, &note, &log.steps)
}

fn on_the_call(s: RecoveryStep) -> &'static str {
    match s {
        RecoveryStep::Contacted => "reached them",
        RecoveryStep::Listened => "listened",
        RecoveryStep::RepeatedBack => "repeated the problem back",
        RecoveryStep::Apologised => "apologised",
        RecoveryStep::Fixed => "confirmed the fix",
        RecoveryStep::MadeUp => "agreed the make-up",
        RecoveryStep::Evaluated => "talked through the cause",
        RecoveryStep::EvidenceSent => "went through what we changed",
    }
}

fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn lengths_and_lists_read_naturally() {
        let t = |m| Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap() + chrono::Duration::minutes(m);
        assert_eq!(length_words(t(0), t(0)), "under a minute");
        assert_eq!(length_words(t(0), t(12)), "12 min");
        assert_eq!(length_words(t(0), t(65)), "1 h 5 min");
        assert_eq!(join_and(&["a", "b", "c"]), "a, b and c");
    }
}
