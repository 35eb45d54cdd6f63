//! The figures behind the Today charts, counted by SQLite over every incident
//! (not a sample), so the charts stay true and fast on a large database.
use super::Db;
use crate::error::Result;
use chrono::Datelike;
use serde::{Deserialize, Serialize};

/// Incidents discovered in one month (YYYY-MM, UTC) in one category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct MonthCount {
    pub month: String,
    pub category: String,
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct NamedCount {
    pub name: String,
    pub count: i64,
}

/// Did customers come back after a closed recovery?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct Outcomes {
    pub came_back: i64,
    pub did_not: i64,
    pub unknown: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct DashboardStats {
    /// From the first day of the month `months - 1` months ago, oldest first.
    pub per_month: Vec<MonthCount>,
    /// Every incident ever, per category, most first.
    pub by_category: Vec<NamedCount>,
    /// The most repeated root causes, most first.
    pub top_causes: Vec<NamedCount>,
    /// Incidents per recorded cause (one mistake that touched many customers), most first.
    pub by_cause: Vec<NamedCount>,
    pub outcomes: Outcomes,
}

impl Db {
    pub fn dashboard_stats(&self, months: u32) -> Result<DashboardStats> {
        let months = months.clamp(1, 120) as i32;
        let today = crate::dates::today();
        // Months counted from year 0: step back `months - 1` whole months.
        let t = today.year() * 12 + today.month0() as i32 - (months - 1);
        let first = format!("{:04}-{:02}-01", t.div_euclid(12), t.rem_euclid(12) + 1);
        let conn = self.sql();
        // Kept up to date by triggers (migration 002): no scan of the incidents.
        let per_month = conn.query_map(
            "SELECT month, category, n FROM incident_month_counts
             WHERE month >= ? AND n > 0 ORDER BY month, category",
            [&first[..7]],
            |r| Ok(MonthCount { month: r.get(0)?, category: r.get(1)?, count: r.get(2)? }),
        )?;
        let named = |sql: &str| -> Result<Vec<NamedCount>> {
            conn.query_map(sql, (), |r| Ok(NamedCount { name: r.get(0)?, count: r.get(1)? }))
        };
        let by_category = named(
            "SELECT category, CAST(SUM(n) AS BIGINT) AS total FROM incident_month_counts GROUP BY category
             HAVING SUM(n) > 0 ORDER BY total DESC, category",
        )?;
        let top_causes = named(
            "SELECT root_cause, COUNT(*) AS n FROM incidents WHERE root_cause IS NOT NULL AND root_cause <> ''
             GROUP BY root_cause ORDER BY n DESC, root_cause LIMIT 8",
        )?;
        let by_cause = named(
            "SELECT c.title, COUNT(*) AS n FROM incidents i JOIN causes c ON c.id = i.cause_id
             GROUP BY c.id, c.title ORDER BY n DESC, c.title",
        )?;
        let mut outcomes = Outcomes::default();
        let rows = conn.query_map(
            "SELECT outcome_came_back, COUNT(*) FROM incidents WHERE status = 'closed' GROUP BY 1",
            (),
            |r| Ok((r.get::<_, Option<bool>>(0)?, r.get::<_, i64>(1)?)),
        )?;
        for row in rows {
            match row {
                (Some(true), n) => outcomes.came_back += n,
                (Some(false), n) => outcomes.did_not += n,
                (None, n) => outcomes.unknown += n,
            }
        }
        Ok(DashboardStats { per_month, by_category, top_causes, by_cause, outcomes })
    }
}
