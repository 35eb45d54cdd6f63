//! Amends core: customers, incidents and the recovery method, with no window
//! and no Tauri. The desktop shell and the `amends` CLI are thin layers over
//! this library; everything here is testable with `cargo test`.
pub mod calendar;
pub mod calls;
pub mod causes;
pub mod checker;
pub mod clocks;
pub mod dates;
pub mod demo;
pub mod domain;
pub mod draft;
pub mod email;
pub mod error;
pub mod files;
pub mod letter_text;
pub mod letters;
pub mod makeup;
pub mod money;
pub mod pdf;
pub mod photos;
pub mod postal;
pub mod printing;
pub mod progress;
pub mod spreadsheet;
pub mod store;
pub mod text;
pub mod this_computer;

pub use error::{Error, Result};
pub use store::Db;
