//! Printing a saved PDF through the system's printing: CUPS, on Linux and
//! macOS, through its own command-line tools (`lpstat` lists the printers and
//! the default, `lp` sends the job). CUPS reads `CUPS_SERVER` from the
//! environment, so tests point it at a private server. Where there is no CUPS
//! (Windows), the desktop shell opens the PDF in the system viewer instead.
use crate::error::{Error, Result};
use serde::Serialize;
use std::path::Path;
use std::process::Command;

/// The printers CUPS offers, and the one it prints to by default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct Printers {
    pub printers: Vec<String>,
    pub default: Option<String>,
}

fn run(cmd: &mut Command, what: &str) -> Result<String> {
    let out = cmd.output().map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::invalid(
                "printer",
                "Printing from Amends needs the system's printing service (CUPS), which is not installed. \
                 Save the PDF and print it from your PDF viewer.",
            )
        } else {
            Error::io(what.to_string(), e)
        }
    })?;
    if !out.status.success() {
        let why = String::from_utf8_lossy(&out.stderr).trim().to_string();
        return Err(Error::invalid(
            "printer",
            if why.is_empty() {
                format!("The printing service could not {what}.")
            } else {
                format!("The printing service could not {what}: {why}")
            },
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The printers CUPS lists, sorted, with its default. No printer at all is
/// an empty list, not an error.
pub fn printers() -> Result<Printers> {
    // `lpstat -e` prints one destination per line; with none it exits non-zero on some versions.
    let list = run(Command::new("lpstat").arg("-e"), "list the printers").unwrap_or_default();
    let mut printers: Vec<String> = list.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
    printers.sort();
    // "system default destination: NAME", or "no system default destination".
    let default = run(Command::new("lpstat").arg("-d"), "name the default printer")
        .ok()
        .and_then(|s| s.lines().find_map(|l| l.split_once(": ").map(|(_, name)| name.trim().to_string())))
        .filter(|d| printers.contains(d));
    if printers.is_empty() {
        // Tell a missing CUPS apart from a CUPS with no printers.
        run(Command::new("lpstat").arg("-r"), "answer")?;
    }
    Ok(Printers { printers, default })
}

/// Send a PDF to a printer (the default one when `printer` is `None`); returns
/// CUPS's job line, e.g. "request id is AmendsPDF-3 (1 file(s))".
pub fn print_pdf(path: &Path, printer: Option<&str>) -> Result<String> {
    crate::files::check_input(path)?;
    let mut cmd = Command::new("lp");
    if let Some(p) = printer.map(str::trim).filter(|p| !p.is_empty()) {
        if p.starts_with('-') {
            return Err(Error::invalid("printer", format!("\"{p}\" is not a printer name.")));
        }
        cmd.arg("-d").arg(p);
    }
    cmd.arg("-t").arg("Amends letter").arg("--").arg(path);
    Ok(run(&mut cmd, "print the letter")?.trim().to_string())
}
