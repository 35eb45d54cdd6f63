//! The things Amends keeps, as plain Rust values: the business profile,
//! customers, incidents with their recovery steps, changes, timeline and
//! letters. Rules that follow from the values alone (status, closing,
//! validation of a form) live here; nothing here touches SQLite.
pub mod cause;
pub mod customer;
pub mod incident;
pub mod profile;

pub use cause::{Cause, CauseInput};
pub use customer::{Address, Customer, CustomerInput};
pub use incident::{
    Change, DiscoveredBy, Incident, IncidentInput, LetterKind, LetterRecord, Outcome, PhotoInfo, RecoveryStep, Status,
    StepRecord, TimelineEntry, TimelineKind,
};
pub use profile::{BusinessType, EnvelopePreset, Paper, Profile};
