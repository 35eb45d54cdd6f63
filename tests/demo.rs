//! Sample data: deterministic, and covering every state the screens need.
use amends::demo::{fill, DemoOptions};
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
    DemoOptions {
        customers: 40,
        incidents: 120,
        seed,
        as_of: Some(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()),
        business_type: None,
    }
}

#[test]
fn same_seed_same_data_other_seed_other_data() {
    let mut a = amends::Db::open_in_memory().unwrap();
    let mut b = amends::Db::open_in_memory().unwrap();
    let mut c = amends::Db::open_in_memory().unwrap();
    fill(&mut a, &opts(7), amends::progress::ignore).unwrap();
    fill(&mut b, &opts(7), amends::progress::ignore).unwrap();
    fill(&mut c, &opts(8), amends::progress::ignore).unwrap();
    assert_eq!(dump(&a), dump(&b));
    assert_ne!(dump(&a), dump(&c));
}

#[test]
fn sample_data_covers_every_state_of_recovery() {
    crate::common::each_engine("sample_data_covers_every_state_of_recovery", |mut db| {
        let s = fill(&mut db, &opts(1), amends::progress::ignore).unwrap();
        assert_eq!((s.customers, s.incidents), (40, 120));
        assert!(db.profile().unwrap().is_set_up());
        for st in Status::ALL {
            let n =
                db.list_incidents(&IncidentFilter { statuses: Some(vec![st]), ..Default::default() }).unwrap().len();
            assert!(n > 0, "no sample incident is {st:?}");
        }
        let q = db.open_by_urgency(500, 2).unwrap();
        assert!(q.iter().any(|i| i.kind == QueueKind::GetThereFirst), "some found by us, not yet contacted");
        assert!(!db.follow_ups_due().unwrap().is_empty());
        assert!(db.search_customers("nunez", None).unwrap().iter().any(|c| c.name == "Zoë Ørsted-Núñez"));
        let countries: std::collections::HashSet<_> =
            db.search_customers("", None).unwrap().into_iter().filter_map(|c| c.address.country).collect();
        assert_eq!(countries.len(), 4, "{countries:?}");
        if db.engine() == amends::store::Engine::Sqlite {
            assert!(db.check_integrity().unwrap().is_empty());
        }
    });
}

#[test]
fn refuses_absurd_sizes_without_writing() {
    crate::common::each_engine("refuses_absurd_sizes_without_writing", |mut db| {
        let mut o = opts(1);
        o.customers = 0;
        assert!(fill(&mut db, &o, amends::progress::ignore).is_err());
        o.customers = 10_000_000;
        assert!(fill(&mut db, &o, amends::progress::ignore).is_err());
        assert_eq!(db.customer_count().unwrap(), 0);
    });
}

#[test]
fn sample_data_reports_each_customer_then_each_incident() {
    crate::common::each_engine("sample_data_reports_each_customer_then_each_incident", |mut db| {
        let mut seen: Vec<Progress> = Vec::new();
        let s = fill(&mut db, &opts(1), |p| {
            seen.push(p);
            ControlFlow::Continue(())
        })
        .unwrap();
        assert_eq!((s.customers, s.incidents), (40, 120));
        let done: Vec<u64> = seen.iter().map(|p| p.done).collect();
        assert_eq!(done, (0..=160).collect::<Vec<u64>>(), "every step once, in order");
        assert!(seen.iter().all(|p| p.job == Job::SampleData && p.total == 160));
        assert!(seen.iter().all(|p| p.label == if p.done <= 40 { "customers" } else { "incidents" }));
    });
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
        let e =
            fill(
                &mut db,
                &opts(1),
                |p| {
                    if p.done == stop_at {
                        ControlFlow::Break(())
                    } else {
                        ControlFlow::Continue(())
                    }
                },
            )
            .unwrap_err();
        assert!(matches!(e, amends::Error::Cancelled(Job::SampleData)), "{e}");
        assert_eq!(e.to_string(), "Cancelled; no sample data was added.");
        drop(db);
        assert_eq!(first_run_state(&path), before, "stopped at {stop_at}");
    }
    // The same database then takes the sample data whole.
    fill(&mut amends::Db::open(&path).unwrap(), &opts(1), amends::progress::ignore).unwrap();
    assert_eq!(first_run_state(&path), (40, 120, true));
}

#[test]
fn every_sample_address_fits_the_sample_envelope_window() {
    // Each sample business (its own country, paper and envelope), with enough
    // customers that companies, flats and mail abroad turn up together if they can.
    for t in amends::domain::BusinessType::ALL {
        let mut db = amends::Db::open_in_memory().unwrap();
        fill(
            &mut db,
            &DemoOptions { customers: 800, incidents: 20, business_type: Some(t), ..opts(3) },
            amends::progress::ignore,
        )
        .unwrap();
        let spec = amends::letters::document_spec(&db, None).unwrap();
        let customers = db.search_customers("", None).unwrap();
        let profile = db.profile().unwrap();
        assert!(customers.iter().filter(|c| c.company.is_some()).count() > 10, "{t:?}");
        let abroad = customers
            .iter()
            .filter(|c| {
                !amends::postal::same_country(
                    c.address.country.as_deref().unwrap(),
                    profile.country.as_deref().unwrap(),
                )
            })
            .count();
        assert!(abroad > 300, "{t:?}: {abroad} abroad");
        for c in customers {
            let letter = amends::pdf::PdfLetter {
                return_address: "Harbour & Finch · 1 Quay Road".into(),
                recipient: amends::letters::recipient(&c, &profile).unwrap(),
                date: String::new(),
                text: Default::default(),
            };
            amends::pdf::check_address(&spec, &letter).unwrap_or_else(|e| panic!("{t:?} {}: {e}", c.name));
        }
    }
}

/// Every draft of every sample incident, in all four kinds and both tones, has
/// no findings at all: the drafter quotes the customer and repeats back
/// without the checker reading either as our qualifier. Each case is a whole
/// sample business (one per business type) with a different seed, so the
/// drafter's varied wordings and every story turn up.
mod sample_drafts {
    use super::*;
    use amends::domain::{BusinessType, LetterKind};
    use amends::draft::Tone;
    use proptest::prelude::*;

    fn findings_in_sample(business_type: BusinessType, seed: u64) -> Vec<String> {
        let mut db = amends::Db::open_in_memory().unwrap();
        let o = DemoOptions { customers: 12, incidents: 40, seed, business_type: Some(business_type), ..opts(seed) };
        fill(&mut db, &o, amends::progress::ignore).unwrap();
        assert_eq!(db.profile().unwrap().business_type, business_type);
        let mut bad = Vec::new();
        for id in 1..=40 {
            for kind in [LetterKind::Apology, LetterKind::Email, LetterKind::Call, LetterKind::FollowUp] {
                for tone in [Tone::Warm, Tone::Formal] {
                    let Ok((_, body)) = amends::letters::draft_text(&db, id, kind, tone) else { continue };
                    for f in amends::checker::check(&body) {
                        if f.start.is_some() {
                            bad.push(format!("#{id} {kind:?} {tone:?}: {:?} in\n{body}", f.text));
                        }
                    }
                }
            }
        }
        bad
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(12))]
        #[test]
        fn sample_drafts_have_no_findings(t in 0usize..5, seed in any::<u64>()) {
            let bad = findings_in_sample(BusinessType::ALL[t], seed);
            prop_assert!(bad.is_empty(), "{} findings, first: {}", bad.len(), bad[0]);
        }
    }

    /// The sample business of each type tells stories about its own trade.
    #[test]
    fn each_business_type_has_its_own_sample_business() {
        let names: std::collections::BTreeSet<_> =
            BusinessType::ALL.iter().map(|t| amends::demo::sample_profile_for(*t).business_name).collect();
        assert_eq!(names.len(), 5);
        for t in BusinessType::ALL {
            let bad = findings_in_sample(t, 7);
            assert!(bad.is_empty(), "{t:?}: {} findings, first: {}", bad.len(), bad[0]);
        }
    }
}
