//! Reminders: a desktop notification for each promise or target that falls
//! due (grouped into one when there are many), at launch and, while the app
//! is open, at the moment it falls due. A click on one opens its incident.
//! The clocks come from the core (`amends::clocks`) through a connection of
//! this thread's own, so the window never waits on it.
use amends::clocks::{self, Clock, ClockKind};
use std::collections::HashSet;
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

/// More than this many at once become one notification.
const GROUP_OVER: usize = 3;

/// What to say for the clocks that have just fallen due: (id, title, body),
/// one per clock, or one for them all. The id is the incident's number (0 for
/// a group), so a click knows which incident to open.
pub fn messages(due: &[&Clock]) -> Vec<(i32, String, String)> {
    if due.len() > GROUP_OVER {
        let lines: Vec<String> =
            due.iter().take(GROUP_OVER).map(|c| format!("{} — {} ({})", c.customer_name, c.label, c.words)).collect();
        let more = due.len() - GROUP_OVER;
        return vec![(
            0,
            format!("{} things need you now", due.len()),
            format!("{}\nand {more} more.", lines.join("\n")),
        )];
    }
    due.iter()
        .map(|c| {
            let id = i32::try_from(c.incident_id).unwrap_or(0);
            (id, format!("{}: {}", c.label, c.customer_name), format!("{} — {}", c.title, c.words))
        })
        .collect()
}

/// Start the reminder thread, once per run: at launch when the records
/// open, or when they first open later (Try again, or this computer's file,
/// after a shared database was out of reach).
pub fn start_once<R: Runtime>(app: &AppHandle<R>) {
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| start(app.clone()));
}

/// Start the reminder thread. `told` remembers what was already notified in
/// this run, so each promise is announced once.
fn start<R: Runtime>(app: AppHandle<R>) {
    let handle = app.clone();
    let _ = app.notification().on_action(move |a| {
        let Some(id) = a.notification().map(|n| n.id()).filter(|id| *id > 0) else { return };
        if let Some(w) = handle.get_webview_window("main") {
            let _ = w.unminimize();
            let _ = w.show();
            let _ = w.set_focus();
        }
        let _ = handle.emit("open-incident", id as i64);
    });
    std::thread::spawn(move || {
        // Let the window come up first.
        std::thread::sleep(Duration::from_secs(2));
        let mut told: HashSet<(i64, ClockKind)> = HashSet::new();
        // One connection for the thread, opened again after an error or when
        // the owner switches records (this computer's file, a shared database).
        let mut db: Option<(String, amends::Db)> = None;
        loop {
            let wait = match tick(&app, &mut db, &mut told) {
                Ok(w) => w,
                Err(e) => {
                    eprintln!("Amends: reminders: {e}");
                    db = None;
                    Duration::from_secs(60)
                }
            };
            std::thread::sleep(wait);
        }
    });
}

/// Notify what is due and not yet told; returns how long to wait before the next look.
fn tick<R: Runtime>(
    app: &AppHandle<R>,
    db: &mut Option<(String, amends::Db)>,
    told: &mut HashSet<(i64, ClockKind)>,
) -> amends::Result<Duration> {
    let records = app.state::<crate::state::AppState>().records();
    if db.as_ref().is_some_and(|(shown, _)| *shown != records.shown()) {
        *db = None;
        told.clear();
    }
    let db = match db {
        Some((_, d)) => d,
        None => &mut db.insert((records.shown(), records.open()?)).1,
    };
    if !db.clock_settings()?.notifications {
        return Ok(Duration::from_secs(60));
    }
    let now = amends::dates::now();
    let all = clocks::clocks(db, now)?;
    let due: Vec<&Clock> =
        all.iter().filter(|c| c.minutes_left <= 0 && !told.contains(&(c.incident_id, c.kind))).collect();
    for (id, title, body) in messages(&due) {
        if let Err(e) = app.notification().builder().id(id).title(title).body(body).show() {
            eprintln!("Amends: a reminder could not be shown: {e}");
        }
    }
    told.extend(due.iter().map(|c| (c.incident_id, c.kind)));
    // Wake when the next one falls due (at most a minute, so new promises are seen).
    let next = all.iter().filter(|c| c.minutes_left > 0).map(|c| (c.due_at - now).num_seconds()).min().unwrap_or(60);
    Ok(Duration::from_secs(next.clamp(5, 60) as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock(id: i64, name: &str, words: &str) -> Clock {
        Clock {
            incident_id: id,
            customer_name: name.into(),
            title: "Tiles".into(),
            kind: ClockKind::CallBack,
            label: ClockKind::CallBack.label().into(),
            due_at: amends::dates::now(),
            minutes_left: -5,
            words: words.into(),
            late: true,
        }
    }

    #[test]
    fn one_each_or_one_for_many() {
        let a = clock(7, "Zoë", "5 min over");
        let few = messages(&[&a]);
        assert_eq!(few, [(7, "Call them back as promised: Zoë".to_string(), "Tiles — 5 min over".to_string())]);
        let many: Vec<Clock> = (1..=5).map(|i| clock(i, &format!("C{i}"), "1 h over")).collect();
        let refs: Vec<&Clock> = many.iter().collect();
        let m = messages(&refs);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].0, 0);
        assert!(m[0].1.starts_with("5 things") && m[0].2.ends_with("and 2 more."), "{m:?}");
    }
}
