//! The clock targets row and what the clocks read from the incidents.
use super::rows::{instant, opt_date, opt_instant};
use super::sql::args;
use super::Db;
use crate::clocks::{ClockRow, ClockSettings};
use crate::dates;
use crate::error::Result;
use chrono::{DateTime, Utc};

impl Db {
    pub fn clock_settings(&self) -> Result<ClockSettings> {
        self.sql().query_row("SELECT * FROM clock_settings WHERE id = 1", (), |r| {
            let days: String = r.get("work_days")?;
            Ok(ClockSettings {
                first_contact_hours: r.get("first_contact_hours")?,
                answer_hours: r.get("answer_hours")?,
                follow_up_days: r.get("follow_up_days")?,
                outcome_days: r.get("outcome_days")?,
                work_days: days.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect(),
                work_start: r.get("work_start")?,
                work_end: r.get("work_end")?,
                notifications: r.get("notifications")?,
            })
        })
    }

    pub fn save_clock_settings(&mut self, s: &ClockSettings) -> Result<ClockSettings> {
        let s = s.validated()?;
        let days: String = s.work_days.iter().map(|d| d.to_string()).collect();
        self.write(|tx| {
            tx.execute(
                "UPDATE clock_settings SET first_contact_hours = ?, answer_hours = ?, follow_up_days = ?, outcome_days = ?,
                 work_days = ?, work_start = ?, work_end = ?, notifications = ? WHERE id = 1",
                args![
                    s.first_contact_hours,
                    s.answer_hours,
                    s.follow_up_days,
                    s.outcome_days,
                    days,
                    s.work_start,
                    s.work_end,
                    s.notifications
                ],
            )?;
            Ok(())
        })?;
        Ok(s)
    }

    /// Every incident with a running clock: open ones, and closed ones with no
    /// outcome recorded that were closed before `closed_before`.
    pub fn clock_rows(&self, closed_before: DateTime<Utc>) -> Result<Vec<ClockRow>> {
        self.sql().query_map(
            "SELECT i.id, c.name, i.title, i.discovered_by, i.discovered_at, i.status, i.fix_pending_by, i.callback_by,
                    EXISTS (SELECT 1 FROM incident_steps s WHERE s.incident_id = i.id AND s.step = 'contacted') AS contacted,
                    (SELECT s.done_at FROM incident_steps s WHERE s.incident_id = i.id AND s.step = 'fixed') AS fixed_at,
                    CASE WHEN i.status = 'closed'
                         THEN (SELECT max(s.done_at) FROM incident_steps s WHERE s.incident_id = i.id) END AS closed_at
             FROM incidents i JOIN customers c ON c.id = i.customer_id
             WHERE i.status <> 'closed'
                OR (i.outcome_came_back IS NULL
                    AND (SELECT max(s.done_at) FROM incident_steps s WHERE s.incident_id = i.id) < ?1)
             ORDER BY i.id",
            [dates::to_text(closed_before)],
            |r| {
            let status: String = r.get("status")?;
            let by: String = r.get("discovered_by")?;
            Ok(ClockRow {
                incident_id: r.get(0)?,
                customer_name: r.get(1)?,
                title: r.get(2)?,
                discovered_by_us: by == "us",
                discovered_at: instant(r, "discovered_at")?,
                contacted: r.get("contacted")?,
                fix_pending_by: opt_date(r, "fix_pending_by")?,
                callback_by: opt_instant(r, "callback_by")?,
                follow_up_due: status == "follow_up_due",
                fixed_at: opt_instant(r, "fixed_at")?,
                closed_awaiting_outcome: if status == "closed" { opt_instant(r, "closed_at")? } else { None },
            })
            },
        )
    }
}
