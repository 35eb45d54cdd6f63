//! Integration tests of the core and the CLI: one test binary, a module per feature.
mod cli;
mod common;
mod demo;
mod pdf;
mod records;
mod spreadsheet;
mod store;
