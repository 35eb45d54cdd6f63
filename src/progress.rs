//! How a long job (an export, an import, a batch of letters, sample data, a
//! move to a shared database) tells its caller how far it has got, and how
//! the caller stops it.
//!
//! A job takes `impl FnMut(Progress) -> ControlFlow<()>` and calls it as it
//! goes. `ControlFlow::Break` stops the job at that point: it returns
//! `Error::Cancelled(job)` and leaves nothing behind, no file (files are
//! written under a temporary name and renamed at the end) and no row (rows
//! are written in one transaction, rolled back). The CLI passes [`ignore`];
//! the desktop shell sends each report to the UI as its "progress" event,
//! so this type is also the event's shape. This module never prints and
//! never decides how often anyone is told.
use crate::error::{Error, Result};
use serde::Serialize;
use std::ops::ControlFlow;

/// The long jobs, as the UI tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum Job {
    Export,
    /// Importing customers, or checking the file first (a dry run).
    Import,
    /// A batch of printed letters in one PDF.
    Letters,
    SampleData,
    /// Moving this computer's records into a shared database.
    MoveToShared,
}

impl Job {
    /// What the owner reads after stopping this job: what did not happen.
    pub fn cancelled_message(self) -> &'static str {
        match self {
            Job::Export => "Export cancelled; no file was written.",
            Job::Import => "Import cancelled; nothing was changed.",
            Job::Letters => "Cancelled; the PDF was not saved.",
            Job::SampleData => "Cancelled; no sample data was added.",
            Job::MoveToShared => "Cancelled; nothing was moved, and this computer keeps working on its own file.",
        }
    }
}

/// Where a running job is: `done` of `total` steps (rows, letters, sample
/// records). The first report has `done == 0`, `done` never goes down, and
/// a job that finishes reports `done == total` last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct Progress {
    pub job: Job,
    pub done: u64,
    pub total: u64,
    /// What is being worked on, in lowercase: a table ("incidents") for an
    /// export, "rows" for an import, "letters", "customers" then
    /// "incidents" for sample data; for a move, the table being copied, then
    /// "checks", then "tidying".
    pub label: &'static str,
}

impl Progress {
    /// From 0.0 to 1.0 (1.0 for a job with nothing to do).
    pub fn fraction(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.done as f64 / self.total as f64
        }
    }
}

/// Tell a job's callback where it is; a `Break` becomes
/// `Error::Cancelled(p.job)`, so the job stops with `?` and its transaction
/// rolls back.
pub fn report(progress: &mut impl FnMut(Progress) -> ControlFlow<()>, p: Progress) -> Result<()> {
    match progress(p) {
        ControlFlow::Continue(()) => Ok(()),
        ControlFlow::Break(()) => Err(Error::Cancelled(p.job)),
    }
}

/// The callback for a caller that neither shows progress nor cancels.
pub fn ignore(_: Progress) -> ControlFlow<()> {
    ControlFlow::Continue(())
}
