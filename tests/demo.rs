//! Sample data: deterministic, and covering every state the screens need.
use amends::demo::{fill, fill_with_progress, DemoOptions};
use amends::domain::Status;
use amends::progress::{Job, Progress};
use amends::store::{IncidentFilter, QueueKind};
use chrono::NaiveDate;
use std::ops::ControlFlow;

fn dump(db: &amends::Db) -> String {
    let mut out = String::new();
    for c in db.search_customers("", None).unwrap() {
        out.push_str(&format!("{} {} {:?} {:?}\n", c.id, c.name, c.email, c.address));
    }
    for s in db.list_incidents(&IncidentFilter::default()).unwrap() {
        let i = db.incident(s.id).unwrap();
        out.push_str(&format!("{:?}\n", (i.id, &i.title, i.status, i.occurred_at, &i.steps, &i.changes)));
    }
    out
}

fn opts(seed: u64) -> DemoOptions {
    DemoOptions { customers: 40, incidents: 120, seed, as_of: Some(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()) }
}

#[test]
fn same_seed_same_data_other_seed_other_data() {
    let mut a = amends::Db::open_in_memory().unwrap();
    let mut b = amends::Db::open_in_memory().unwrap();
    let mut c = amends::Db::open_in_memory().unwrap();
    fill(&mut a, &opts(7)).unwrap();
    fill(&mut b, &opts(7)).unwrap();
    fill(&mut c, &opts(8)).unwrap();
    assert_eq!(dump(&a), dump(&b));
    assert_ne!(dump(&a), dump(&c));
}

#[test]
fn sample_data_covers_every_state_of_recovery() {
    let mut db = amends::Db::open_in_memory().unwrap();
    let s = fill(&mut db, &opts(1)).unwrap();
    assert_eq!((s.customers, s.incidents), (40, 120));
    assert!(db.profile().unwrap().is_set_up());
    for st in Status::ALL {
        let n = db.list_incidents(&IncidentFilter { statuses: Some(vec![st]), ..Default::default() }).unwrap().len();
        assert!(n > 0, "no sample incident is {st:?}");
    }
    let q = db.open_by_urgency(500, 2).unwrap();
    assert!(q.iter().any(|i| i.kind == QueueKind::GetThereFirst), "some found by us, not yet contacted");
    assert!(!db.follow_ups_due().unwrap().is_empty());
    assert!(db.search_customers("nunez", None).unwrap().iter().any(|c| c.name == "Zoë Ørsted-Núñez"));
    let countries: std::collections::HashSet<_> =
        db.search_customers("", None).unwrap().into_iter().filter_map(|c| c.address.country).collect();
    assert_eq!(countries.len(), 4, "{countries:?}");
    assert!(db.check_integrity().unwrap().is_empty());
}

#[test]
fn refuses_absurd_sizes_without_writing() {
    let mut db = amends::Db::open_in_memory().unwrap();
    let mut o = opts(1);
    o.customers = 0;
    assert!(fill(&mut db, &o).is_err());
    o.customers = 10_000_000;
    assert!(fill(&mut db, &o).is_err());
    assert_eq!(db.customer_count().unwrap(), 0);
}

#[test]
fn sample_data_reports_each_customer_then_each_incident() {
    let mut db = amends::Db::open_in_memory().unwrap();
    let mut seen: Vec<Progress> = Vec::new();
    let s = fill_with_progress(&mut db, &opts(1), |p| {
        seen.push(p);
        ControlFlow::Continue(())
    })
    .unwrap();
    assert_eq!((s.customers, s.incidents), (40, 120));
    let done: Vec<u64> = seen.iter().map(|p| p.done).collect();
    assert_eq!(done, (0..=160).collect::<Vec<u64>>(), "every step once, in order");
    assert!(seen.iter().all(|p| p.job == Job::SampleData && p.total == 160));
    assert!(seen.iter().all(|p| p.label == if p.done <= 40 { "customers" } else { "incidents" }));
}

/// What the desktop app looks at to offer the first-run screen, and what is stored.
fn first_run_state(path: &std::path::Path) -> (i64, usize, bool) {
    let db = amends::Db::open(path).unwrap();
    let incidents = db.list_incidents(&IncidentFilter::default()).unwrap().len();
    (db.customer_count().unwrap(), incidents, db.profile().unwrap().is_set_up())
}

#[test]
fn cancelled_sample_data_leaves_the_database_empty_and_the_profile_unset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.sqlite3");
    let before = first_run_state(&path);
    assert_eq!(before, (0, 0, false));
    // At the start, among the customers, and at the last incident.
    for stop_at in [0, 20, 160] {
        let mut db = amends::Db::open(&path).unwrap();
        let e = fill_with_progress(&mut db, &opts(1), |p| {
            if p.done == stop_at {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })
        .unwrap_err();
        assert!(matches!(e, amends::Error::Cancelled(Job::SampleData)), "{e}");
        assert_eq!(e.to_string(), "Cancelled; no sample data was added.");
        drop(db);
        assert_eq!(first_run_state(&path), before, "stopped at {stop_at}");
    }
    // The same database then takes the sample data whole.
    fill(&mut amends::Db::open(&path).unwrap(), &opts(1)).unwrap();
    assert_eq!(first_run_state(&path), (40, 120, true));
}

#[test]
fn every_sample_address_fits_the_sample_envelope_window() {
    // Enough customers that companies and flats turn up together if they can.
    let mut db = amends::Db::open_in_memory().unwrap();
    fill(&mut db, &DemoOptions { customers: 2000, incidents: 100, ..opts(3) }).unwrap();
    let spec = amends::letters::document_spec(&db, None).unwrap();
    let customers = db.search_customers("", None).unwrap();
    assert!(customers.iter().filter(|c| c.company.is_some()).count() > 100);
    for c in customers {
        let letter = amends::pdf::PdfLetter {
            return_address: "Harbour & Finch · 1 Quay Road".into(),
            recipient: amends::letters::recipient(&c).unwrap(),
            date: String::new(),
            text: Default::default(),
        };
        amends::pdf::check_address(&spec, &letter).unwrap_or_else(|e| panic!("{}: {e}", c.name));
    }
}
