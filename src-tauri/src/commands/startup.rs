//! Everything the first screen needs, in one round trip, and started before
//! the page has loaded: WebKit takes about a quarter of a second to start, and
//! the Today queue and charts are read from SQLite in that time instead of
//! after it (see the benchmark in README).
use super::app::{status_of, AppStatus};
use crate::state::AppState;
use amends::domain::Profile;
use amends::store::{DashboardStats, QueueItem};
use serde::Serialize;
use std::sync::mpsc::{self, Receiver};
use std::sync::Mutex;
use tauri::{AppHandle, Manager, Runtime, State};

/// How many queue rows Today shows, and how many months its charts cover.
/// The UI asks for the same when it refreshes.
const QUEUE_LIMIT: usize = 100;
const CHART_MONTHS: u32 = 12;

#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct Startup {
    pub status: AppStatus,
    /// `None` when the records could not be opened.
    pub profile: Option<Profile>,
    /// `None` when they could not be read; the screen then asks again and shows the error.
    pub today: Option<Vec<QueueItem>>,
    pub stats: Option<DashboardStats>,
}

/// The answer being prepared for the page's first `startup` call.
#[derive(Default)]
pub struct Prefetch(Mutex<Option<Receiver<Startup>>>);

fn gather(state: &AppState) -> Startup {
    let status = status_of(state);
    let Ok(db) = state.db() else {
        return Startup { status, profile: None, today: None, stats: None };
    };
    Startup {
        status,
        profile: db.profile().ok(),
        today: db.today_queue(QUEUE_LIMIT).ok(),
        stats: db.dashboard_stats(CHART_MONTHS).ok(),
    }
}

/// Start reading the first screen's data on a background thread; called once
/// from the app's setup, before the window has loaded the page.
pub fn prefetch<R: Runtime>(app: &AppHandle<R>) {
    let (tx, rx) = mpsc::channel();
    *app.state::<Prefetch>().0.lock().unwrap_or_else(|p| p.into_inner()) = Some(rx);
    let app = app.clone();
    std::thread::spawn(move || {
        let _ = tx.send(gather(&app.state::<AppState>()));
    });
}

/// The first call takes the prefetched answer (waiting for it if need be);
/// any later call, e.g. after "Start with sample data", reads afresh.
#[tauri::command(async)]
pub fn startup(state: State<'_, AppState>, prefetched: State<'_, Prefetch>) -> Startup {
    let pending = prefetched.0.lock().unwrap_or_else(|p| p.into_inner()).take();
    pending.and_then(|rx| rx.recv().ok()).unwrap_or_else(|| gather(&state))
}
