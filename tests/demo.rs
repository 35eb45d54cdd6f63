//! Sample data: deterministic, and covering every state the screens need.
use amends::demo::{fill, DemoOptions};
use amends::domain::Status;
use amends::store::{IncidentFilter, QueueKind};
use chrono::NaiveDate;

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
