//! Response clocks, promises and everyday edits, through the CLI: what is due
//! (and how late, in words), call-backs, the calendar feed read back by
//! Python's `icalendar`, editing an incident's date (the second-failure
//! flags follow), deleting and undoing, and removing the sample data.
use crate::common::{run, skipped, stderr, stdout};
use amends::domain::{CustomerInput, IncidentInput, RecoveryStep};
use amends::store::StepAction;
use amends::{dates, Db};
use chrono::Duration;
use std::path::Path;
use std::process::Command;

fn db_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.sqlite3");
    Db::open(&path).unwrap().save_profile(&amends::demo::sample_profile()).unwrap();
    (dir, path)
}

fn incident(db: &mut Db, customer: i64, title: &str, occurred: chrono::DateTime<chrono::Utc>, by_us: bool) -> i64 {
    db.add_incident(&IncidentInput {
        customer_id: customer,
        title: title.into(),
        occurred_at: Some(dates::to_text(occurred)),
        discovered_at: Some(dates::to_text(occurred)),
        discovered_by: Some(if by_us {
            amends::domain::DiscoveredBy::Us
        } else {
            amends::domain::DiscoveredBy::Customer
        }),
        ..Default::default()
    })
    .unwrap()
    .id
}

#[test]
fn a_late_first_contact_is_due_and_says_how_late() {
    let (_dir, path) = db_file();
    let mut db = Db::open(&path).unwrap();
    let c = db.add_customer(&CustomerInput { name: "Ada Lovelace".into(), ..Default::default() }).unwrap().id;
    // Found by us a week ago and never contacted: well past 4 working hours.
    let late = incident(&mut db, c, "Wrong paint mixed", dates::now() - Duration::days(7), true);
    // Contacted: no first-contact clock.
    let done = incident(&mut db, c, "Scratched door", dates::now() - Duration::days(7), false);
    db.record_step(done, RecoveryStep::Contacted, StepAction::Done(dates::now())).unwrap();
    drop(db);
    let o = run(&path, &["due", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let list = v.as_array().unwrap();
    let first = list.iter().find(|c| c["incident_id"] == late).unwrap_or_else(|| panic!("{v}"));
    assert_eq!(first["kind"], "first_contact");
    assert_eq!(first["late"], true);
    assert!(first["words"].as_str().unwrap().ends_with("over"), "{first}");
    assert!(!list.iter().any(|c| c["incident_id"] == done && c["kind"] == "first_contact"));
    let text = stdout(&run(&path, &["due"]));
    assert!(text.contains("over") && text.contains("Ada Lovelace"), "{text}");
}

#[test]
fn a_call_back_is_a_promise_of_its_own_until_a_call_is_logged() {
    let (_dir, path) = db_file();
    let mut db = Db::open(&path).unwrap();
    let c = db.add_customer(&CustomerInput { name: "Grace Hopper".into(), ..Default::default() }).unwrap().id;
    let id = incident(&mut db, c, "Late van", dates::now() - Duration::hours(2), false);
    drop(db);
    let by = (chrono::Local::now() - Duration::minutes(30)).format("%Y-%m-%d %H:%M").to_string();
    let o = run(&path, &["incidents", "callback", &id.to_string(), "--by", &by]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&run(&path, &["due", "--json"]))).unwrap();
    assert!(v.as_array().unwrap().iter().any(|c| c["kind"] == "call_back" && c["late"] == true), "{v}");
    let mut db = Db::open(&path).unwrap();
    let now = dates::now();
    amends::calls::end_call(
        &mut db,
        id,
        &amends::calls::CallLog { started_at: now - Duration::minutes(5), ended_at: now, steps: vec![], note: None },
    )
    .unwrap();
    assert_eq!(db.incident(id).unwrap().callback_by, None);
}

fn python_with_icalendar() -> Option<&'static str> {
    ["python3", "/usr/bin/python3"].into_iter().find(|p| {
        Command::new(p).args(["-c", "import icalendar"]).output().map(|o| o.status.success()).unwrap_or(false)
    })
}

fn read_ics(python: &str, path: &Path) -> serde_json::Value {
    let script = r#"
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = []
for e in cal.walk('VEVENT'):
    out.append({'uid': str(e['UID']), 'summary': str(e['SUMMARY']), 'start': e.decoded('DTSTART').isoformat()})
print(json.dumps(out))
"#;
    let o = Command::new(python).args(["-c", script, path.to_str().unwrap()]).output().unwrap();
    assert!(o.status.success(), "icalendar could not read it: {}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn the_calendar_feed_reads_back_and_keeps_its_uids() {
    let (dir, path) = db_file();
    let mut db = Db::open(&path).unwrap();
    let c = db.add_customer(&CustomerInput { name: "Zoë Ørsted-Núñez".into(), ..Default::default() }).unwrap().id;
    let id = incident(&mut db, c, "Tiles cracked", dates::now() - Duration::days(2), false);
    db.record_step(id, RecoveryStep::Contacted, StepAction::Done(dates::now())).unwrap();
    db.promise_fix(id, dates::today() + Duration::days(3)).unwrap();
    db.set_callback(id, Some(dates::now() + Duration::days(1))).unwrap();
    drop(db);
    let ics = dir.path().join("amends.ics");
    let o = run(&path, &["calendar", "-o", ics.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Wrote 2 event(s)"), "{}", stdout(&o));
    let Some(py) = python_with_icalendar() else {
        skipped("the .ics read back by Python's icalendar", "python3-icalendar is not installed");
        return;
    };
    let events = read_ics(py, &ics);
    let summaries: Vec<&str> = events.as_array().unwrap().iter().map(|e| e["summary"].as_str().unwrap()).collect();
    assert!(
        summaries.iter().any(|s| s.contains("Fix it by the date you promised") && s.contains("Zoë Ørsted-Núñez")),
        "{events}"
    );
    assert!(summaries.iter().any(|s| s.contains("Call them back")), "{events}");
    let fix = events.as_array().unwrap().iter().find(|e| e["summary"].as_str().unwrap().starts_with("Fix")).unwrap();
    assert_eq!(fix["start"], (dates::today() + Duration::days(3)).format("%Y-%m-%d").to_string());
    // Written again, the same events have the same UIDs.
    let again = dir.path().join("again.ics");
    run(&path, &["calendar", "-o", again.to_str().unwrap()]);
    let uids = |v: &serde_json::Value| {
        let mut u: Vec<String> = v.as_array().unwrap().iter().map(|e| e["uid"].as_str().unwrap().to_string()).collect();
        u.sort();
        u
    };
    assert_eq!(uids(&events), uids(&read_ics(py, &again)));
}

#[test]
fn moving_an_incident_recomputes_the_second_failure_flags() {
    let (_dir, path) = db_file();
    let mut db = Db::open(&path).unwrap();
    let c = db.add_customer(&CustomerInput { name: "Ada".into(), ..Default::default() }).unwrap().id;
    let first = incident(&mut db, c, "First", dates::now() - Duration::days(30), false);
    let second = incident(&mut db, c, "Second", dates::now() - Duration::days(10), false);
    assert!(!db.incident(first).unwrap().second_failure);
    assert!(db.incident(second).unwrap().second_failure);
    // A backdated one is not a second failure because of a later one; the later one is.
    let back = incident(&mut db, c, "Backdated", dates::now() - Duration::days(60), false);
    assert!(!db.incident(back).unwrap().second_failure);
    assert!(db.incident(first).unwrap().second_failure);
    drop(db);
    // Moving "Backdated" two years back: "First" is a first failure again.
    let when = (dates::today() - Duration::days(800)).format("%Y-%m-%d").to_string();
    let o = run(&path, &["incidents", "update", &back.to_string(), "--occurred", &when, "--discovered", &when]);
    assert!(o.status.success(), "{}", stderr(&o));
    let db = Db::open(&path).unwrap();
    assert!(!db.incident(first).unwrap().second_failure);
    assert!(db.incident(second).unwrap().second_failure);
    assert_eq!(db.incident(back).unwrap().title, "Backdated", "only the dates changed");
}

#[test]
fn a_deleted_incident_comes_back_whole_on_undo() {
    let (_dir, path) = db_file();
    let mut db = Db::open(&path).unwrap();
    let c = db.add_customer(&CustomerInput { name: "Ada".into(), ..Default::default() }).unwrap().id;
    let id = incident(&mut db, c, "Wrong tiles", dates::now() - Duration::days(3), false);
    db.record_step(id, RecoveryStep::Contacted, StepAction::Done(dates::now())).unwrap();
    db.add_change(id, dates::today(), "Tiles are checked before loading").unwrap();
    amends::letters::kept::keep(&mut db, id, amends::domain::LetterKind::Apology, None, None, "I am sorry.").unwrap();
    let before = db.incident(id).unwrap();
    let deleted = db.delete_incident(id).unwrap();
    assert!(db.incident(id).is_err());
    assert!(db.audit_log().unwrap().iter().any(|(_, a, d)| a == "delete_incident" && !d.contains("Wrong tiles")));
    db.undelete_incident(&deleted).unwrap();
    assert_eq!(db.incident(id).unwrap(), before);
    assert_eq!(db.letters(id).unwrap().len(), 1);
    drop(db);
    // The CLI asks for --yes, and backs up first.
    let o = run(&path, &["incidents", "delete", &id.to_string()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Wrong tiles"), "names it: {}", stderr(&o));
    let o = run(&path, &["incidents", "delete", &id.to_string(), "--yes"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let backups = std::fs::read_dir(amends::store::backup::backups_dir(&path)).unwrap().count();
    assert!(backups >= 1);
}

#[test]
fn removing_sample_data_keeps_what_the_owner_added() {
    let (_dir, path) = db_file();
    let o = run(&path, &["demo", "--customers", "20", "--incidents", "30", "--as-of", "2026-11-26"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut db = Db::open(&path).unwrap();
    let mine = db.add_customer(&CustomerInput { name: "My Own Customer".into(), ..Default::default() }).unwrap().id;
    let mine_inc = incident(&mut db, mine, "My own incident", dates::now() - Duration::days(1), false);
    // An incident of mine on a sample customer keeps that customer.
    let sample_customer = db.incident(1).unwrap().customer_id;
    let on_sample = incident(&mut db, sample_customer, "Mine, on a sample customer", dates::now(), false);
    drop(db);
    let o = run(&path, &["remove-sample-data"]);
    assert_eq!(o.status.code(), Some(2), "asks for --yes");
    let o = run(&path, &["remove-sample-data", "--yes"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Removed 19 sample customer(s) and 30 sample incident(s)"), "{}", stdout(&o));
    let db = Db::open(&path).unwrap();
    assert!(db.incident(mine_inc).is_ok());
    assert!(db.incident(on_sample).is_ok());
    assert!(db.customer(sample_customer).is_ok());
    assert_eq!(db.search_customers("", None).unwrap().len(), 2);
    assert!(db.incident(1).is_err());
}

#[test]
fn the_incident_list_filters_by_category_dates_second_failure_and_words() {
    let (_dir, path) = db_file();
    let o = run(&path, &["demo", "--customers", "15", "--incidents", "60", "--as-of", "2026-11-26"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let list = |args: &[&str]| -> Vec<serde_json::Value> {
        let mut a = vec!["incidents", "list", "--json"];
        a.extend_from_slice(args);
        let o = run(&path, &a);
        assert!(o.status.success(), "{}", stderr(&o));
        serde_json::from_str::<serde_json::Value>(&stdout(&o)).unwrap().as_array().unwrap().clone()
    };
    let all = list(&[]);
    assert_eq!(all.len(), 60);
    let billing = list(&["--category", "billing"]);
    assert!(!billing.is_empty() && billing.len() < 60);
    assert!(billing.iter().all(|i| i["category"] == "billing"));
    let seconds = list(&["--second-failure"]);
    assert!(seconds.iter().all(|i| i["second_failure"] == true));
    assert_eq!(seconds.len(), all.iter().filter(|i| i["second_failure"] == true).count());
    let recent = list(&["--from", "2026-11-01", "--to", "2026-11-26"]);
    assert!(recent.iter().all(|i| i["discovered_at"].as_str().unwrap() >= "2026-11-01"));
    assert!(recent.len() < 60);
    let zoe = list(&["--search", "zoe nunez"]);
    assert!(!zoe.is_empty() && zoe.iter().all(|i| i["customer_name"] == "Zoë Ørsted-Núñez"), "{zoe:?}");
}
