//! Long jobs (export, import, a batch of letters, sample data): the
//! "progress" event and cancelling. The UI gives each job a ticket (a number
//! it chose); a job runs off the UI thread, hands its core function a
//! `Reporter`'s `report` as the progress callback, and stops at its next step
//! once `cancel_job` names its ticket. A Cancel that arrives before the job's
//! first step still stops it, and one for a finished job stops nothing else.
use crate::state::AppState;
use amends::progress::Progress;
use std::ops::ControlFlow;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use tauri::{AppHandle, Emitter, Runtime};

/// The UI redraws its progress bar at most this often.
const EVERY: Duration = Duration::from_millis(100);

pub struct Reporter<'a, R: Runtime> {
    app: &'a AppHandle<R>,
    state: &'a AppState,
    ticket: u64,
    last: Option<Instant>,
}

impl<'a, R: Runtime> Reporter<'a, R> {
    /// A new job with the UI's `ticket` for it (0 = one that cannot be cancelled).
    pub fn start(app: &'a AppHandle<R>, state: &'a AppState, ticket: u64) -> Self {
        Reporter { app, state, ticket, last: None }
    }

    /// Send `p` to the UI as the "progress" event (the first report, the last,
    /// and one every `EVERY` between), and stop the job if the owner cancelled.
    pub fn report(&mut self, p: Progress) -> ControlFlow<()> {
        if self.last.is_none_or(|t| t.elapsed() >= EVERY) || p.done == p.total {
            self.last = Some(Instant::now());
            let _ = self.app.emit("progress", p);
        }
        if self.ticket != 0 && self.state.cancelled.load(Ordering::SeqCst) == self.ticket {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    }
}
