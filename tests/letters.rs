//! From incidents to a printed batch: skipped letters and why, the rule that
//! a follow-up needs a change, no partial file on failure, marking sent only
//! on request, and the text checked with pdftotext.
use crate::common::{run, stderr, stdout};
use amends::domain::{Address, CustomerInput, IncidentInput, Status};
use amends::draft::Tone;
use amends::letters::{self, PrintKind};
use amends::progress::{Job, Progress};
use amends::Db;
use chrono::NaiveDate;
use std::ops::ControlFlow;

fn pdftotext(path: &std::path::Path) -> String {
    let o = std::process::Command::new("pdftotext").args(["-layout", path.to_str().unwrap(), "-"]).output().unwrap();
    assert!(o.status.success());
    String::from_utf8(o.stdout).unwrap()
}

/// A database with a profile and three incidents: two with an address and changes, one without an address.
fn setup() -> (Db, Vec<i64>) {
    let mut db = Db::open_in_memory().unwrap();
    db.save_profile(&amends::demo::sample_profile()).unwrap();
    let mut ids = Vec::new();
    for (name, with_address) in [("Zoë Ørsted-Núñez", true), ("No Address Person", false), ("Siobhán Ó Briain", true)]
    {
        let c = db
            .add_customer(&CustomerInput {
                name: name.into(),
                address: if with_address {
                    Address {
                        lines: vec!["14 Larkspur Lane".into()],
                        city: Some("Bristol".into()),
                        postal_code: Some("BS1 4QA".into()),
                        country: Some("United Kingdom".into()),
                        ..Default::default()
                    }
                } else {
                    Address::default()
                },
                ..Default::default()
            })
            .unwrap();
        let i = db
            .add_incident(&IncidentInput {
                customer_id: c.id,
                title: "Tiles arrived cracked".into(),
                what_happened: Some("Half the tiles were cracked and the fitter went home".into()),
                occurred_at: Some("2026-03-01".into()),
                discovered_at: Some("2026-03-01".into()),
                ..Default::default()
            })
            .unwrap();
        db.record_step(
            i.id,
            amends::domain::RecoveryStep::Contacted,
            amends::store::StepAction::Done(amends::dates::now()),
        )
        .unwrap();
        let d = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        db.add_change(i.id, d, "Tiles now travel flat on padded racks").unwrap();
        db.add_change(i.id, d, "Every box is opened and checked before it leaves the yard").unwrap();
        db.record_step(
            i.id,
            amends::domain::RecoveryStep::Fixed,
            amends::store::StepAction::Done(amends::dates::now()),
        )
        .unwrap();
        ids.push(i.id);
    }
    (db, ids)
}

#[test]
fn a_batch_lists_what_it_skipped_and_still_writes_the_others() {
    let (db, ids) = setup();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("batch.pdf");
    let r = letters::render_batch(&db, &ids, PrintKind::FollowUp, Tone::Warm, None, &out, amends::progress::ignore)
        .unwrap();
    assert_eq!((r.letters, r.pages), (2, 2));
    assert_eq!(r.incident_ids, vec![ids[0], ids[2]]);
    assert_eq!(r.skipped.len(), 1);
    assert_eq!(r.skipped[0].customer_name, "No Address Person");
    assert!(r.skipped[0].reason.contains("no postal address"), "{}", r.skipped[0].reason);
    let text = pdftotext(&out);
    for needle in ["Zoë Ørsted-Núñez", "Siobhán Ó Briain", "Tiles now travel flat on padded racks"] {
        assert!(text.contains(needle), "{needle} missing from the PDF");
    }
    assert!(!text.contains("No Address Person"));
    // Printing marks nothing as sent.
    assert_eq!(db.incident(ids[0]).unwrap().status, Status::FollowUpDue);
}

#[test]
fn an_address_too_tall_for_the_window_leaves_out_that_letter_only() {
    let (mut db, ids) = setup();
    let tall = db.incident(ids[2]).unwrap().customer_id;
    let mut input = CustomerInput {
        name: "Siobhán Ó Briain".into(),
        company: Some("Ó Briain Tiling and Stone Ltd".into()),
        address: Address {
            lines: vec!["Unit 7".into(), "Harbour Industrial Estate".into(), "14 Larkspur Lane".into()],
            city: Some("Bristol".into()),
            region: Some("Avon".into()),
            postal_code: Some("BS1 4QA".into()),
            country: Some("United Kingdom".into()),
        },
        ..Default::default()
    };
    db.update_customer(tall, &input).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("batch.pdf");
    let r = letters::render_batch(
        &db,
        &[ids[0], ids[2]],
        PrintKind::FollowUp,
        Tone::Warm,
        None,
        &out,
        amends::progress::ignore,
    )
    .unwrap();
    assert_eq!((r.letters, r.incident_ids.clone()), (1, vec![ids[0]]));
    assert_eq!(r.skipped.len(), 1);
    assert_eq!(r.skipped[0].customer_name, "Siobhán Ó Briain");
    assert!(r.skipped[0].reason.contains("fit in the envelope window"), "{}", r.skipped[0].reason);
    assert!(pdftotext(&out).contains("Zoë Ørsted-Núñez"));

    // Shortened to fit, the same letter prints. (From the US, the UK postcode and
    // the country each take a line of their own.)
    input.address.lines = vec!["14 Larkspur Lane".into()];
    input.address.region = None;
    input.company = None;
    db.update_customer(tall, &input).unwrap();
    let r = letters::render_batch(
        &db,
        &[ids[0], ids[2]],
        PrintKind::FollowUp,
        Tone::Warm,
        None,
        &out,
        amends::progress::ignore,
    )
    .unwrap();
    assert_eq!((r.letters, r.skipped.len()), (2, 0));
}

#[test]
fn a_follow_up_needs_a_change_and_no_letter_means_no_file() {
    let (mut db, ids) = setup();
    let dir = tempfile::tempdir().unwrap();
    for c in db.incident(ids[0]).unwrap().changes {
        db.remove_change(c.id).unwrap();
    }
    let out = dir.path().join("none.pdf");
    let err = letters::render_batch(
        &db,
        &[ids[0], ids[1]],
        PrintKind::FollowUp,
        Tone::Warm,
        None,
        &out,
        amends::progress::ignore,
    )
    .unwrap_err();
    assert!(err.to_string().contains("at least one change"), "{err}");
    assert!(!out.exists(), "no file when no letter could be made");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "no temporary file left behind");
    // An apology needs no change.
    letters::render_batch(&db, &[ids[0]], PrintKind::Apology, Tone::Formal, None, &out, amends::progress::ignore)
        .unwrap();
    assert!(pdftotext(&out).contains("Zoë Ørsted-Núñez"));
}

#[test]
fn an_unwritable_path_is_a_clear_error_and_leaves_nothing() {
    let (db, ids) = setup();
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("a-file");
    std::fs::write(&blocker, "x").unwrap();
    let err = letters::render_batch(
        &db,
        &ids,
        PrintKind::FollowUp,
        Tone::Warm,
        None,
        &blocker.join("out.pdf"),
        amends::progress::ignore,
    )
    .unwrap_err();
    assert_eq!(err.kind(), "io");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn batch_progress_counts_every_incident_printed_or_skipped() {
    let (db, ids) = setup();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("batch.pdf");
    // The incident without an address is skipped first, in the middle and last.
    let chosen = [ids[1], ids[0], ids[1], ids[2], ids[1]];
    let mut seen: Vec<Progress> = Vec::new();
    let r = letters::render_batch(&db, &chosen, PrintKind::FollowUp, Tone::Warm, None, &out, |p| {
        seen.push(p);
        ControlFlow::Continue(())
    })
    .unwrap();
    assert_eq!((r.letters, r.skipped.len()), (2, 3));
    let done: Vec<u64> = seen.iter().map(|p| p.done).collect();
    // Nothing yet; the first letter laid out with the skip before and after it; everything.
    assert_eq!(done, [0, 3, 5]);
    assert!(seen.iter().all(|p| p.job == Job::Letters && p.total == 5 && p.label == "letters"));
    assert!(out.exists());
}

#[test]
fn a_cancelled_batch_leaves_the_old_file_and_no_partial_one() {
    let (db, ids) = setup();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("batch.pdf");
    std::fs::write(&out, "the previous batch").unwrap();
    for stop_at in [0, 1] {
        let mut calls = 0;
        let err = letters::render_batch(&db, &ids, PrintKind::FollowUp, Tone::Warm, None, &out, |p| {
            calls += 1;
            if p.done >= stop_at {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })
        .unwrap_err();
        assert!(matches!(err, amends::Error::Cancelled(Job::Letters)), "{err}");
        assert_eq!(err.kind(), "cancelled");
        assert_eq!(err.to_string(), "Cancelled; the PDF was not saved.");
        assert_eq!(calls, stop_at + 1, "stops at the first report it is told to");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "the previous batch");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["batch.pdf"], "no temporary file left behind");
    }
    // Without a previous file, a cancel leaves no file at all.
    let fresh = dir.path().join("fresh.pdf");
    let err = letters::render_batch(&db, &ids, PrintKind::FollowUp, Tone::Warm, None, &fresh, |p| {
        if p.done > 0 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })
    .unwrap_err();
    assert_eq!(err.kind(), "cancelled");
    assert!(!fresh.exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn marking_sent_records_the_letter_the_step_and_the_timeline() {
    let (mut db, ids) = setup();
    let n = letters::mark_follow_ups_sent(&mut db, &[ids[0]], Tone::Warm).unwrap();
    assert_eq!(n, 1);
    let i = db.incident(ids[0]).unwrap();
    assert!(i.follow_up_sent_at().is_some());
    assert_ne!(i.status, Status::FollowUpDue);
    assert!(i.timeline.iter().any(|t| t.kind == amends::domain::TimelineKind::Letter));
    let sent = db.letters(ids[0]).unwrap();
    assert_eq!(sent.len(), 1);
    assert!(sent[0].sent_at.is_some());
    assert!(sent[0].body.contains("Tiles now travel flat"));
    assert!(!db.follow_ups_due().unwrap().contains(&ids[0]));
}

#[test]
fn cli_letter_forms() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.sqlite3");
    assert!(run(&db, &["demo", "--customers", "20", "--incidents", "60", "--as-of", "2026-11-26"]).status.success());
    let due: serde_json::Value =
        serde_json::from_str(&stdout(&run(&db, &["incidents", "list", "--status", "follow_up_due", "--json"])))
            .unwrap();
    let due_n = due.as_array().unwrap().len();
    assert!(due_n > 0);
    let out = dir.path().join("due.pdf");
    let o = run(&db, &["letter", "follow-up", "--due", "-o", out.to_str().unwrap(), "--paper", "a4"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains(&format!("Wrote {due_n} letter(s)")), "{}", stdout(&o));
    let info = std::process::Command::new("pdfinfo").arg(&out).output().unwrap();
    assert!(String::from_utf8_lossy(&info.stdout).contains("595.28 x 841.89"));
    let first = due[0]["id"].to_string();
    let o = run(&db, &["letter", "apology", &first, "-o", out.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("Wrote 1 letter(s), 1 page(s)"));
    let o = run(&db, &["letter", "follow-up", "--due", "-o", out.to_str().unwrap(), "--mark-sent"]);
    assert!(stdout(&o).contains(&format!("Marked {due_n} follow-up(s) as sent.")));
    let o = run(&db, &["letter", "follow-up", "--due", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("No follow-up letters are due"));
    let cal = dir.path().join("cal.pdf");
    assert!(run(&db, &["letter", "calibration", "-o", cal.to_str().unwrap()]).status.success());
    assert!(pdftotext(&cal).to_lowercase().contains("window"));
}

#[test]
fn cli_draft_and_check() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    assert!(run(&db, &["demo", "--customers", "10", "--incidents", "20", "--as-of", "2026-11-26"]).status.success());
    for kind in ["apology", "email", "call", "follow-up"] {
        let o = run(&db, &["draft", kind, "1", "--tone", "formal", "--json"]);
        if kind == "follow-up" && !o.status.success() {
            assert!(stderr(&o).contains("at least one change"));
            continue;
        }
        assert!(o.status.success(), "{kind}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(v["findings"], serde_json::json!([]), "{kind} draft has qualifiers");
        let body = v["body"].as_str().unwrap();
        // The drafted text passes `amends check` too.
        let mut child = std::process::Command::new(crate::common::amends_bin())
            .args(["check", "--json"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child.stdin.take().unwrap().write_all(body.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(findings.as_array().unwrap().iter().all(|f| f["kind"] == "missing"), "{kind}: {findings}");
    }
    assert!(run(&db, &["draft", "apology", "1", "--tone", "sarcastic"]).status.code() == Some(2));
    // `check --fix` prints the rewrite; `--json` gives each finding its replacement.
    let pipe = |args: &[&str], input: &str| {
        let mut child = std::process::Command::new(crate::common::amends_bin())
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    };
    let text = "I'm sorry, but we were busy.";
    let out = pipe(&["check", "--fix", "-"], text);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "I'm sorry.\n");
    let out = pipe(&["check", "--json"], text);
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(findings[0]["replacement"], "", "{findings}");
    let letters: serde_json::Value =
        serde_json::from_str(&stdout(&run(&db, &["incidents", "show", "1", "--json"]))).unwrap();
    assert_eq!(letters["id"], 1);
}
