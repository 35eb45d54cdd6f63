//! Integration tests of the core and the CLI: one test binary, a module per feature.
mod causes;
mod checker;
mod cli;
mod clocks;
mod common;
mod demo;
mod draft;
mod fuzz;
mod hostile;
mod imports;
mod letters;
mod pdf;
mod photos;
mod records;
mod sending;
mod spreadsheet;
mod store;
