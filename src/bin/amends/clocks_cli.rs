//! CLI for the response clocks: what is due, and the targets.
use super::*;

#[derive(Args)]
pub struct ClocksArgs {
    #[arg(long)]
    first_contact_hours: Option<u32>,
    #[arg(long)]
    answer_hours: Option<u32>,
    #[arg(long)]
    follow_up_days: Option<u32>,
    #[arg(long)]
    outcome_days: Option<u32>,
    /// Working days as ISO numbers, e.g. 12345 for Monday to Friday.
    #[arg(long)]
    work_days: Option<String>,
    #[arg(long, value_name = "HH:MM")]
    work_start: Option<String>,
    #[arg(long, value_name = "HH:MM")]
    work_end: Option<String>,
    #[arg(long, value_name = "on|off")]
    notifications: Option<String>,
    #[arg(long)]
    json: bool,
}

pub fn due(db: &Db, json: bool, all: bool) -> Result<()> {
    let now = dates::now();
    let list = if all { amends::clocks::clocks(db, now)? } else { amends::clocks::due_now(db, now)? };
    if json {
        print_json(&list);
    } else if list.is_empty() {
        println!("Nothing is due today.");
    } else {
        for c in &list {
            println!("{:<14} #{:<6} {:<26} {} ({})", c.words, c.incident_id, c.customer_name, c.label, c.title);
        }
    }
    Ok(())
}

pub fn clocks(db: &mut Db, a: ClocksArgs) -> Result<()> {
    let mut s = db.clock_settings()?;
    let before = s.clone();
    if let Some(v) = a.first_contact_hours {
        s.first_contact_hours = v;
    }
    if let Some(v) = a.answer_hours {
        s.answer_hours = v;
    }
    if let Some(v) = a.follow_up_days {
        s.follow_up_days = v;
    }
    if let Some(v) = a.outcome_days {
        s.outcome_days = v;
    }
    if let Some(v) = a.work_days {
        s.work_days = v.chars().filter_map(|c| c.to_digit(10)).map(|d| d as u8).collect();
    }
    if let Some(v) = a.work_start {
        s.work_start = v;
    }
    if let Some(v) = a.work_end {
        s.work_end = v;
    }
    if let Some(v) = a.notifications {
        s.notifications = match v.trim() {
            "on" => true,
            "off" => false,
            other => return Err(Error::invalid("notifications", format!("\"{other}\" is not on or off."))),
        };
    }
    if s != before {
        s = db.save_clock_settings(&s)?;
    }
    if a.json {
        print_json(&s);
    } else {
        let days: String = s.work_days.iter().map(|d| d.to_string()).collect();
        println!("First contact (we found it): {} working hours", s.first_contact_hours);
        println!("Answer a complaint:          {} working hours", s.answer_hours);
        println!("\"What we changed\" letter:    {} days after the fix", s.follow_up_days);
        println!("Outcome check:               {} days after closing", s.outcome_days);
        println!("Working week:                days {days}, {}–{}", s.work_start, s.work_end);
        println!("Notifications:               {}", if s.notifications { "on" } else { "off" });
    }
    Ok(())
}
