//! Long jobs (export, import, a batch of letters, sample data): the
//! "progress" event and the cancel flag they share. A job runs off the UI
//! thread, hands its core function a `Reporter`'s `report` as the progress
//! callback, and stops at its next step once `cancel_job` is called.
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
    last: Option<Instant>,
}

impl<'a, R: Runtime> Reporter<'a, R> {
    /// A new job; a "Cancel" meant for an earlier one is forgotten.
    pub fn start(app: &'a AppHandle<R>, state: &'a AppState) -> Self {
        state.cancel.store(false, Ordering::SeqCst);
        Reporter { app, state, last: None }
    }

    /// Send `p` to the UI as the "progress" event (the first report, the last,
    /// and one every `EVERY` between), and stop the job if the owner cancelled.
    pub fn report(&mut self, p: Progress) -> ControlFlow<()> {
        if self.last.is_none_or(|t| t.elapsed() >= EVERY) || p.done == p.total {
            self.last = Some(Instant::now());
            let _ = self.app.emit("progress", p);
        }
        if self.state.cancel.load(Ordering::SeqCst) {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    }
}
