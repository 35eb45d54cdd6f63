//! A calendar feed of the promises and checks that fall on a date: promised
//! fix dates, call-backs, "what we changed" letters due and outcome checks,
//! as an iCalendar file (RFC 5545, written by the `icalendar` crate). Each
//! event's UID is made from its kind and incident, so importing the file again
//! updates the events instead of adding copies.
use crate::clocks::{self, ClockKind};
use crate::error::Result;
use crate::store::Db;
use chrono::{DateTime, Duration, Local, Utc};
use icalendar::{Calendar, Component, Event, EventLike};
use std::path::Path;

/// The stable UID of one event.
pub fn uid(kind: ClockKind, incident_id: i64) -> String {
    format!("{}-{incident_id}@amends.app", kind.key().replace('_', "-"))
}

/// The feed as iCalendar text, and how many events it holds.
pub fn feed(db: &Db, now: DateTime<Utc>) -> Result<(String, usize)> {
    let s = db.clock_settings()?;
    // Every outcome check still to come, however far off.
    let rows = db.clock_rows(now + Duration::days(3650))?;
    let all = clocks::clocks_for(&rows, &s, now, &Local);
    let business = db.profile()?.business_name;
    let mut cal = Calendar::new();
    cal.name(&if business.trim().is_empty() { "Amends".to_string() } else { format!("Amends: {}", business.trim()) });
    let mut n = 0;
    for c in all.iter().filter(|c| !matches!(c.kind, ClockKind::FirstContact | ClockKind::Answer)) {
        let mut e = Event::new();
        e.uid(&uid(c.kind, c.incident_id))
            .timestamp(now)
            .summary(&format!("{}: {}", c.label, c.customer_name))
            .description(&format!("{} (incident #{})", c.title, c.incident_id));
        match c.kind {
            // A promised call-back has a time; the others fall on a day.
            ClockKind::CallBack => {
                e.starts(c.due_at).ends(c.due_at + Duration::minutes(15));
            }
            _ => {
                e.all_day(c.due_at.with_timezone(&Local).date_naive());
            }
        }
        cal.push(e.done());
        n += 1;
    }
    Ok((cal.done().to_string(), n))
}

/// Write the feed to `out` (replaced only when complete).
pub fn write_ics(db: &Db, now: DateTime<Utc>, out: &Path) -> Result<usize> {
    crate::files::refuse_database(out, db.path())?;
    let (text, n) = feed(db, now)?;
    crate::files::write_atomically(out, text.as_bytes())?;
    Ok(n)
}
