//! Response clocks: how long the owner has for each next step, counted in
//! working time where the method asks for speed (first contact, answering a
//! complaint) and in days where it asks for follow-through (the "what we
//! changed" letter, the outcome check). Promises carry their own time: the
//! fix date and a call-back. Everything here is arithmetic over rows the store
//! reads; the owner's working week and local time zone decide the answers.
use crate::error::{Error, Result};
use crate::store::Db;
use chrono::{DateTime, Datelike, Duration, Local, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

/// The targets, as the owner sets them in Settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct ClockSettings {
    /// We found it first: contact them within this many working hours.
    pub first_contact_hours: u32,
    /// They told us: answer within this many working hours (8 = one working day).
    pub answer_hours: u32,
    /// Send the "what we changed" letter within this many days of the fix.
    pub follow_up_days: u32,
    /// Ask "did they come back?" this many days after closing.
    pub outcome_days: u32,
    /// ISO weekdays that are working days, 1 = Monday … 7 = Sunday.
    pub work_days: Vec<u8>,
    /// "09:00"
    pub work_start: String,
    /// "17:00"
    pub work_end: String,
    /// Desktop notifications for what falls due.
    pub notifications: bool,
}

impl Default for ClockSettings {
    fn default() -> Self {
        ClockSettings {
            first_contact_hours: 4,
            answer_hours: 8,
            follow_up_days: 14,
            outcome_days: 90,
            work_days: vec![1, 2, 3, 4, 5],
            work_start: "09:00".into(),
            work_end: "17:00".into(),
            notifications: true,
        }
    }
}

fn parse_time(field: &'static str, s: &str) -> Result<NaiveTime> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M")
        .map_err(|_| Error::invalid(field, format!("\"{s}\" is not a time. Use 24-hour HH:MM, like 09:00.")))
}

impl ClockSettings {
    /// Check the settings as typed; returns them cleaned.
    pub fn validated(&self) -> Result<ClockSettings> {
        let mut s = self.clone();
        let start = parse_time("work_start", &s.work_start)?;
        let end = parse_time("work_end", &s.work_end)?;
        if end <= start {
            return Err(Error::invalid("work_end", "The working day must end after it starts."));
        }
        s.work_days.sort_unstable();
        s.work_days.dedup();
        if s.work_days.is_empty() || s.work_days.iter().any(|d| !(1..=7).contains(d)) {
            return Err(Error::invalid("work_days", "Choose at least one working day."));
        }
        for (field, v, max) in [
            ("first_contact_hours", s.first_contact_hours, 400),
            ("answer_hours", s.answer_hours, 400),
            ("follow_up_days", s.follow_up_days, 365),
            ("outcome_days", s.outcome_days, 730),
        ] {
            if v == 0 || v > max {
                return Err(Error::invalid(field, format!("Use a number from 1 to {max}.")));
            }
        }
        s.work_start = start.format("%H:%M").to_string();
        s.work_end = end.format("%H:%M").to_string();
        Ok(s)
    }

    fn hours(&self) -> (NaiveTime, NaiveTime) {
        let start = parse_time("work_start", &self.work_start).unwrap_or(NaiveTime::from_hms_opt(9, 0, 0).unwrap());
        let end = parse_time("work_end", &self.work_end).unwrap_or(NaiveTime::from_hms_opt(17, 0, 0).unwrap());
        (start, end)
    }

    fn works_on(&self, d: NaiveDate) -> bool {
        self.work_days.contains(&(d.weekday().number_from_monday() as u8))
    }
}

/// `minutes` of working time after `from`, in local time `tz`: time outside
/// working hours and on days off does not count. A start outside working
/// hours counts from the next opening.
pub fn add_working_minutes<Tz: TimeZone>(from: DateTime<Tz>, minutes: i64, s: &ClockSettings) -> DateTime<Tz> {
    let tz = from.timezone();
    let (open, close) = s.hours();
    let mut t: NaiveDateTime = from.naive_local();
    let mut left = minutes.max(0);
    // At most a few years of days; the settings always have a working day.
    for _ in 0..2000 {
        let day = t.date();
        if s.works_on(day) && t.time() < close {
            if t.time() < open {
                t = day.and_time(open);
            }
            let until_close = (day.and_time(close) - t).num_minutes();
            if left <= until_close {
                t += Duration::minutes(left);
                return local(&tz, t);
            }
            left -= until_close;
        }
        t = (day + Duration::days(1)).and_time(open);
    }
    local(&tz, t)
}

fn local<Tz: TimeZone>(tz: &Tz, t: NaiveDateTime) -> DateTime<Tz> {
    tz.from_local_datetime(&t).earliest().unwrap_or_else(|| tz.from_utc_datetime(&t))
}

/// Which promise or target a clock counts down to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum ClockKind {
    /// We found it first: tell them before they find out.
    FirstContact,
    /// They told us: answer them.
    Answer,
    /// The fix date we promised.
    Fix,
    /// The call-back we promised.
    CallBack,
    /// The "what we changed" letter after the fix.
    FollowUp,
    /// Did they come back?
    Outcome,
}

impl ClockKind {
    pub fn key(self) -> &'static str {
        match self {
            ClockKind::FirstContact => "first_contact",
            ClockKind::Answer => "answer",
            ClockKind::Fix => "fix",
            ClockKind::CallBack => "call_back",
            ClockKind::FollowUp => "follow_up",
            ClockKind::Outcome => "outcome",
        }
    }

    /// What to do, in the owner's words.
    pub fn label(self) -> &'static str {
        match self {
            ClockKind::FirstContact => "Contact them before they find out",
            ClockKind::Answer => "Answer their complaint",
            ClockKind::Fix => "Fix it by the date you promised",
            ClockKind::CallBack => "Call them back as promised",
            ClockKind::FollowUp => "Send the \"what we changed\" letter",
            ClockKind::Outcome => "Did they come back?",
        }
    }
}

/// One running clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct Clock {
    pub incident_id: i64,
    pub customer_name: String,
    pub title: String,
    pub kind: ClockKind,
    pub label: String,
    pub due_at: DateTime<Utc>,
    /// Minutes until it is due; negative once it is late.
    pub minutes_left: i64,
    /// "2 h over", "45 min left", "due in 3 days": in words, not colour alone.
    pub words: String,
    pub late: bool,
}

/// A clock's time in words.
pub fn words(minutes_left: i64) -> String {
    let m = minutes_left.abs();
    let span = if m < 60 {
        format!("{m} min")
    } else if m < 48 * 60 {
        format!("{} h", m / 60)
    } else {
        format!("{} days", m / (24 * 60))
    };
    if minutes_left < 0 {
        format!("{span} over")
    } else if m >= 48 * 60 {
        format!("due in {span}")
    } else {
        format!("{span} left")
    }
}

/// What the store reads for the clocks of one incident.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockRow {
    pub incident_id: i64,
    pub customer_name: String,
    pub title: String,
    pub discovered_by_us: bool,
    pub discovered_at: DateTime<Utc>,
    pub contacted: bool,
    pub fix_pending_by: Option<NaiveDate>,
    pub callback_by: Option<DateTime<Utc>>,
    pub follow_up_due: bool,
    /// When the fix was done (or, if skipped, when the incident was found).
    pub fixed_at: Option<DateTime<Utc>>,
    /// Closed with no outcome recorded: when its last step was done.
    pub closed_awaiting_outcome: Option<DateTime<Utc>>,
}

/// The clocks of some incidents at `now`, in time zone `tz`, most late first.
pub fn clocks_for<Tz: TimeZone>(rows: &[ClockRow], s: &ClockSettings, now: DateTime<Utc>, tz: &Tz) -> Vec<Clock> {
    let (_, close) = s.hours();
    let mut out = Vec::new();
    for r in rows {
        let mut push = |kind: ClockKind, due_at: DateTime<Utc>| {
            let minutes_left = (due_at - now).num_minutes();
            out.push(Clock {
                incident_id: r.incident_id,
                customer_name: r.customer_name.clone(),
                title: r.title.clone(),
                kind,
                label: kind.label().to_string(),
                due_at,
                minutes_left,
                words: words(minutes_left),
                late: minutes_left < 0,
            });
        };
        if !r.contacted {
            let (kind, hours) = if r.discovered_by_us {
                (ClockKind::FirstContact, s.first_contact_hours)
            } else {
                (ClockKind::Answer, s.answer_hours)
            };
            let due = add_working_minutes(r.discovered_at.with_timezone(tz), hours as i64 * 60, s);
            push(kind, due.with_timezone(&Utc));
        }
        if let Some(d) = r.fix_pending_by {
            push(ClockKind::Fix, local(tz, d.and_time(close)).with_timezone(&Utc));
        }
        if let Some(at) = r.callback_by {
            push(ClockKind::CallBack, at);
        }
        if r.follow_up_due {
            let from = r.fixed_at.unwrap_or(r.discovered_at);
            push(ClockKind::FollowUp, from + Duration::days(s.follow_up_days as i64));
        }
        if let Some(closed) = r.closed_awaiting_outcome {
            push(ClockKind::Outcome, closed + Duration::days(s.outcome_days as i64));
        }
    }
    out.sort_by_key(|c| (c.minutes_left, c.incident_id));
    out
}

/// Every running clock, most late first, in the computer's time zone.
pub fn clocks(db: &Db, now: DateTime<Utc>) -> Result<Vec<Clock>> {
    let s = db.clock_settings()?;
    // An outcome check is only read once it is within a week of falling due.
    let rows = db.clock_rows(now - Duration::days(s.outcome_days as i64) + Duration::days(7))?;
    Ok(clocks_for(&rows, &s, now, &Local))
}

/// What is late, or falls due before the end of today (local time).
pub fn due_now(db: &Db, now: DateTime<Utc>) -> Result<Vec<Clock>> {
    let end_of_day =
        local(&Local, (now.with_timezone(&Local).date_naive() + Duration::days(1)).and_time(NaiveTime::MIN));
    Ok(clocks(db, now)?.into_iter().filter(|c| c.due_at <= end_of_day.with_timezone(&Utc)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn working_time_skips_nights_and_weekends() {
        let s = ClockSettings::default();
        // Friday 15:00 + 4 working hours = Monday 11:00.
        assert_eq!(add_working_minutes(at("2026-03-06T15:00:00+01:00"), 240, &s), at("2026-03-09T11:00:00+01:00"));
        // Saturday night counts from Monday's opening.
        assert_eq!(add_working_minutes(at("2026-03-07T22:00:00+01:00"), 60, &s), at("2026-03-09T10:00:00+01:00"));
        // Within the day.
        assert_eq!(add_working_minutes(at("2026-03-04T09:30:00+01:00"), 120, &s), at("2026-03-04T11:30:00+01:00"));
        // One working day from the afternoon ends next afternoon.
        assert_eq!(add_working_minutes(at("2026-03-04T14:00:00+01:00"), 480, &s), at("2026-03-05T14:00:00+01:00"));
    }

    #[test]
    fn clocks_say_how_late_in_words() {
        assert_eq!(words(-125), "2 h over");
        assert_eq!(words(-30), "30 min over");
        assert_eq!(words(45), "45 min left");
        assert_eq!(words(3 * 24 * 60), "due in 3 days");
        assert_eq!(words(-3 * 24 * 60), "3 days over");
    }

    #[test]
    fn each_promise_and_target_has_its_clock() {
        let s = ClockSettings::default();
        let tz = FixedOffset::east_opt(0).unwrap();
        let found = at("2026-03-02T09:00:00+00:00").with_timezone(&Utc);
        let row = ClockRow {
            incident_id: 1,
            customer_name: "Ada".into(),
            title: "Tiles".into(),
            discovered_by_us: true,
            discovered_at: found,
            contacted: false,
            fix_pending_by: Some(NaiveDate::from_ymd_opt(2026, 3, 4).unwrap()),
            callback_by: Some(found + Duration::hours(30)),
            follow_up_due: false,
            fixed_at: None,
            closed_awaiting_outcome: None,
        };
        let now = found + Duration::hours(6);
        let c = clocks_for(&[row], &s, now, &tz);
        let kinds: Vec<_> = c.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, [ClockKind::FirstContact, ClockKind::CallBack, ClockKind::Fix]);
        assert!(c[0].late && c[0].words == "2 h over", "{:?}", c[0]);
        assert!(!c[1].late);
    }

    #[test]
    fn settings_are_checked() {
        let bad = ClockSettings { work_end: "08:00".into(), ..Default::default() };
        assert_eq!(bad.validated().unwrap_err().field(), Some("work_end"));
        let none = ClockSettings { work_days: vec![], ..Default::default() };
        assert_eq!(none.validated().unwrap_err().field(), Some("work_days"));
        let ok = ClockSettings { work_start: "8:30".into(), work_days: vec![5, 1, 1], ..Default::default() };
        let v = ok.validated().unwrap();
        assert_eq!((v.work_start.as_str(), v.work_days), ("08:30", vec![1, 5]));
    }
}
