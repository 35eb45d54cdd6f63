//! The store: migrations, refusing bad files, the domain rules as stored.
use crate::common::{customer, each_engine, incident};
use amends::domain::{CustomerInput, IncidentInput, RecoveryStep, Status};
use amends::store::{IncidentFilter, StepAction, SCHEMA_VERSION};
use amends::{dates, Db, Error};
use chrono::NaiveDate;

#[test]
fn migrates_an_empty_file_and_reopens_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested").join("amends.sqlite3");
    {
        let mut db = Db::open(&path).unwrap();
        assert_eq!(db.schema_version().unwrap(), SCHEMA_VERSION);
        crate::common::customer(&mut db, "Ada");
    }
    let db = Db::open(&path).unwrap();
    assert_eq!(db.customer_count().unwrap(), 1);
    assert!(db.check_integrity().unwrap().is_empty());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the database is readable by the owner only");
    }
}

#[test]
fn refuses_a_database_from_a_newer_version_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.sqlite3");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE keep (x); INSERT INTO keep VALUES (42); PRAGMA user_version = 99;").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    match Db::open(&path) {
        Err(Error::NewerSchema { found: 99, .. }) => {}
        other => panic!("expected NewerSchema, got {:?}", other.err()),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before, "the file is untouched");
}

#[test]
fn refuses_a_file_that_is_not_sqlite_and_never_overwrites_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("letter.txt");
    std::fs::write(&path, "Dear Zoë, this is not a database, it is a letter.\n").unwrap();
    let err = Db::open(&path).err().expect("must refuse");
    assert_eq!(err.kind(), "not_a_database");
    assert!(err.to_string().contains("not an Amends database"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "Dear Zoë, this is not a database, it is a letter.\n");

    // A file with a SQLite header but garbage after it is also refused, not repaired.
    let path = dir.path().join("broken.sqlite3");
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.extend(std::iter::repeat_n(0xAB, 4096));
    std::fs::write(&path, &bytes).unwrap();
    assert!(Db::open(&path).is_err());
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn error_serialises_as_kind_and_message() {
    let e = Error::invalid("name", "A customer needs a name.");
    let v = serde_json::to_value(&e).unwrap();
    assert_eq!(v, serde_json::json!({"kind": "invalid", "message": "A customer needs a name.", "field": "name"}));
}

#[test]
fn customer_needs_a_name_and_nothing_is_written_on_failure() {
    each_engine("customer_needs_a_name_and_nothing_is_written_on_failure", |mut db| {
        let err = db.add_customer(&CustomerInput { name: "  ".into(), ..Default::default() }).unwrap_err();
        assert_eq!(err.to_string(), "A customer needs a name.");
        let err = db
            .add_customer(&CustomerInput {
                name: "Ada".into(),
                email: Some("not-an-email".into()),
                ..Default::default()
            })
            .unwrap_err();
        assert_eq!(err.field(), Some("email"));
        let err = db.add_customer(&CustomerInput { name: "x".repeat(1001), ..Default::default() }).unwrap_err();
        assert!(err.to_string().contains("too long"), "{err}");
        assert_eq!(db.customer_count().unwrap(), 0);
    });
}

#[test]
fn search_ignores_case_and_accents_across_fields() {
    each_engine("search_ignores_case_and_accents_across_fields", |mut db| {
        let zoe = db
            .add_customer(&CustomerInput {
                name: "Zoë Ørsted-Núñez".into(),
                company: Some("Café Lumière".into()),
                email: Some("zoe@example.com".into()),
                phone: Some("(503) 555-0134".into()),
                ..Default::default()
            })
            .unwrap()
            .id;
        let other = customer(&mut db, "Łukasz Wójcik");
        fn ids_in(db: &Db, q: &str) -> Vec<i64> {
            db.search_customers(q, None).unwrap().iter().map(|c| c.id).collect()
        }
        let ids = |q: &str| ids_in(&db, q);
        assert_eq!(ids("nunez"), vec![zoe]);
        assert_eq!(ids("NÚÑEZ"), vec![zoe]);
        assert_eq!(ids("orsted"), vec![zoe]);
        assert_eq!(ids("lumiere"), vec![zoe]);
        assert_eq!(ids("wojcik"), vec![other]);
        assert_eq!(ids("lu"), vec![other], "two letters match the start of the name (Łukasz), not the company");
        assert_eq!(ids("zo"), vec![zoe]);
        assert_eq!(ids("ZÖ"), vec![zoe]);
        assert!(ids("q").is_empty());
        assert_eq!(ids("555-0134"), vec![zoe]);
        assert_eq!(ids("5550134"), vec![zoe]);
        assert_eq!(ids("example.com"), vec![zoe]);
        assert!(ids("\"; DROP TABLE customers; --").is_empty());
        assert!(ids("100%").is_empty());
        assert_eq!(ids("").len(), 2);
        // Edits are searchable straight away.
        db.update_customer(other, &CustomerInput { name: "Lukas Nowak".into(), ..Default::default() }).unwrap();
        assert_eq!(ids_in(&db, "nowak"), vec![other]);
        assert!(ids_in(&db, "wojcik").is_empty());
    });
}

#[test]
fn incident_for_an_unknown_customer_is_refused() {
    each_engine("incident_for_an_unknown_customer_is_refused", |mut db| {
        let err = db
            .add_incident(&IncidentInput { customer_id: 4242, title: "Late".into(), ..Default::default() })
            .unwrap_err();
        assert_eq!(err.field(), Some("customer_id"));
        assert!(err.to_string().contains("no customer #4242"));
    });
}

#[test]
fn negative_order_value_and_unknown_category_are_refused() {
    each_engine("negative_order_value_and_unknown_category_are_refused", |mut db| {
        let c = customer(&mut db, "Ada");
        let mut f = IncidentInput {
            customer_id: c,
            title: "Late".into(),
            order_value: Some("-10".into()),
            ..Default::default()
        };
        assert_eq!(db.add_incident(&f).unwrap_err().field(), Some("order_value"));
        f.order_value = Some("120.50".into());
        f.category = Some("weather".into());
        let err = db.add_incident(&f).unwrap_err();
        assert!(err.to_string().contains("delivery"), "lists the categories: {err}");
        db.add_category("Weather").unwrap();
        let i = db.add_incident(&f).unwrap();
        assert_eq!(i.category, "weather");
        assert_eq!(i.order_value_minor, 12_050);
    });
}

#[test]
fn closing_needs_every_step_done_or_skipped_with_a_reason() {
    each_engine("closing_needs_every_step_done_or_skipped_with_a_reason", |mut db| {
        let c = customer(&mut db, "Ada");
        let id = incident(&mut db, c, "Tiles cracked");
        assert_eq!(db.incident(id).unwrap().status, Status::New);
        let at = dates::parse_datetime("at", "2026-03-02 09:00").unwrap();
        db.record_step(id, RecoveryStep::Contacted, StepAction::Done(at)).unwrap();
        assert_eq!(db.incident(id).unwrap().status, Status::InRecovery);
        db.add_change(id, NaiveDate::from_ymd_opt(2026, 3, 5).unwrap(), "Tiles travel flat now").unwrap();
        // Not before the fix.
        assert_eq!(db.incident(id).unwrap().status, Status::InRecovery);
        db.record_step(id, RecoveryStep::Fixed, StepAction::Done(at)).unwrap();
        assert_eq!(db.incident(id).unwrap().status, Status::FollowUpDue);
        for step in &RecoveryStep::ALL[1..7] {
            db.record_step(id, *step, StepAction::Done(at)).unwrap();
        }
        let err = db.record_step(id, RecoveryStep::EvidenceSent, StepAction::Skip("  ".into())).unwrap_err();
        assert_eq!(err.field(), Some("skip_reason"));
        assert_eq!(db.incident(id).unwrap().status, Status::FollowUpDue);
        let i =
            db.record_step(id, RecoveryStep::EvidenceSent, StepAction::Skip("Customer moved abroad".into())).unwrap();
        assert_eq!(i.status, Status::Closed);
        assert!(i.steps_remaining().is_empty());
        // Undoing a step reopens it.
        let i = db.record_step(id, RecoveryStep::Fixed, StepAction::Undo).unwrap();
        assert_eq!(i.status, Status::InRecovery);
        assert_eq!(i.steps_remaining(), vec![RecoveryStep::Fixed]);
        assert_eq!(
            db.list_incidents(&IncidentFilter { statuses: Some(vec![Status::Closed]), ..Default::default() })
                .unwrap()
                .len(),
            0
        );
    });
}

#[test]
fn dates_before_the_incident_are_refused() {
    each_engine("dates_before_the_incident_are_refused", |mut db| {
        let c = customer(&mut db, "Ada");
        let id = incident(&mut db, c, "Leak");
        let err = db.promise_fix(id, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()).unwrap_err();
        assert_eq!(err.field(), Some("date"));
        let err = db
            .record_step(id, RecoveryStep::Fixed, StepAction::Done(dates::parse_datetime("at", "2025-12-01").unwrap()))
            .unwrap_err();
        assert!(err.to_string().contains("before the incident"), "{err}");
        let err = db.add_change(id, NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(), "x").unwrap_err();
        assert_eq!(err.field(), Some("date"));
        assert!(db.incident(id).unwrap().fix_promised_by.is_none());
        assert!(db.incident(id).unwrap().changes.is_empty());
    });
}

#[test]
fn second_failure_within_the_window_is_flagged() {
    each_engine("second_failure_within_the_window_is_flagged", |mut db| {
        let c = customer(&mut db, "Ada");
        let other = customer(&mut db, "Bo");
        let mk = |db: &mut Db, cust: i64, when: &str| {
            db.add_incident(&IncidentInput {
                customer_id: cust,
                title: "Late".into(),
                occurred_at: Some(when.into()),
                discovered_at: Some(when.into()),
                ..Default::default()
            })
            .unwrap()
        };
        assert!(!mk(&mut db, c, "2025-01-10").second_failure);
        assert!(!mk(&mut db, other, "2025-06-10").second_failure, "another customer's incident does not count");
        assert!(mk(&mut db, c, "2025-09-10").second_failure);
        assert!(!mk(&mut db, other, "2026-09-10").second_failure, "more than 365 days later");
        // The window is a setting.
        let mut p = amends::demo::sample_profile();
        p.second_failure_days = 30;
        db.save_profile(&p).unwrap();
        assert!(!mk(&mut db, c, "2025-11-10").second_failure);
    });
}

#[test]
fn today_queue_puts_get_there_first_on_top() {
    each_engine("today_queue_puts_get_there_first_on_top", |mut db| {
        let c = customer(&mut db, "Ada");
        let theirs = incident(&mut db, c, "They told us");
        let ours = db
            .add_incident(&IncidentInput {
                customer_id: c,
                title: "We found it".into(),
                discovered_by: Some(amends::domain::DiscoveredBy::Us),
                occurred_at: Some("2026-03-03".into()),
                discovered_at: Some("2026-03-03".into()),
                ..Default::default()
            })
            .unwrap()
            .id;
        let q = db.open_by_urgency(10, 2).unwrap();
        assert_eq!(q.iter().map(|i| i.incident.id).collect::<Vec<_>>(), vec![ours, theirs]);
        assert_eq!(q[0].kind, amends::store::QueueKind::GetThereFirst);
        db.record_step(ours, RecoveryStep::Contacted, StepAction::Done(dates::now())).unwrap();
        db.promise_fix(ours, dates::today()).unwrap();
        let q = db.open_by_urgency(10, 2).unwrap();
        assert_eq!(q[0].incident.id, theirs);
        assert_eq!(q[1].kind, amends::store::QueueKind::FixDue);
        assert_eq!(db.open_by_urgency(1, 2).unwrap().len(), 1);
    });
}

#[test]
fn money_is_stored_in_minor_units_exactly() {
    each_engine("money_is_stored_in_minor_units_exactly", |mut db| {
        let c = db
            .add_customer(&CustomerInput {
                name: "Ada".into(),
                yearly_spend: Some("1,234.56".into()),
                expected_years: Some(3),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(c.yearly_spend_minor, 123_456);
        assert_eq!(c.future_spend_minor(), 370_368);
        let i = db
            .add_incident(&IncidentInput {
                customer_id: c.id,
                title: "x".into(),
                order_value: Some("0.10".into()),
                makeup_value: Some("0.20".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(i.order_value_minor + i.makeup_value_minor.unwrap(), 30, "0.1 + 0.2 is exactly 0.30");
    });
}

#[test]
fn hostile_text_comes_back_unchanged() {
    each_engine("hostile_text_comes_back_unchanged", |mut db| {
        let nasty = "Robert'); DROP TABLE customers;-- <script>alert(1)</script> \u{7} Zoë";
        let c = db
            .add_customer(&CustomerInput {
                name: nasty.into(),
                notes: Some(format!("{nasty}\n{}", "é".repeat(100_000))),
                ..Default::default()
            })
            .unwrap();
        let back = db.customer(c.id).unwrap();
        assert_eq!(back.name, nasty);
        assert_eq!(back.notes, c.notes);
        assert_eq!(db.customer_count().unwrap(), 1);
    });
}

#[test]
fn dashboard_counts_every_incident() {
    each_engine("dashboard_counts_every_incident", |mut db| {
        amends::demo::fill(
            &mut db,
            &amends::demo::DemoOptions { customers: 30, incidents: 200, seed: 4, as_of: None, business_type: None },
            amends::progress::ignore,
        )
        .unwrap();
        let s = db.dashboard_stats(24).unwrap();
        let all: i64 = s.by_category.iter().map(|c| c.count).sum();
        assert_eq!(all, 200);
        // The sample spans 18 months, so two years of months hold every incident.
        assert_eq!(s.per_month.iter().map(|m| m.count).sum::<i64>(), 200);
        assert!(s.per_month.windows(2).all(|w| w[0].month <= w[1].month));
        let closed =
            db.list_incidents(&IncidentFilter { statuses: Some(vec![Status::Closed]), ..Default::default() }).unwrap();
        assert_eq!(s.outcomes.came_back + s.outcomes.did_not + s.outcomes.unknown, closed.len() as i64);
        assert!(s.top_causes.windows(2).all(|w| w[0].count >= w[1].count));
        // The counts follow edits and erasures (kept by triggers).
        let first = db.list_incidents(&IncidentFilter { limit: Some(1), ..Default::default() }).unwrap()[0].clone();
        let moved_to = if first.category == "billing" { "staff" } else { "billing" };
        let count = |s: &amends::store::DashboardStats, c: &str| {
            s.by_category.iter().find(|n| n.name == c).map_or(0, |n| n.count)
        };
        let before = (count(&s, &first.category), count(&s, moved_to));
        db.update_incident(
            first.id,
            &IncidentInput {
                customer_id: first.customer_id,
                title: first.title.clone(),
                category: Some(moved_to.into()),
                occurred_at: Some(amends::dates::to_text(first.occurred_at)),
                discovered_at: Some(amends::dates::to_text(first.discovered_at)),
                ..Default::default()
            },
        )
        .unwrap();
        let after = db.dashboard_stats(24).unwrap();
        assert_eq!((count(&after, &first.category), count(&after, moved_to)), (before.0 - 1, before.1 + 1));
        let gone = db.erase_customer(first.customer_id).unwrap().incidents as i64;
        let total: i64 = db.dashboard_stats(24).unwrap().by_category.iter().map(|c| c.count).sum();
        assert_eq!(total, 200 - gone);
        let one = db.dashboard_stats(1).unwrap();
        assert!(one.per_month.iter().all(|m| m.month == amends::dates::today().format("%Y-%m").to_string()));
    });
}

/// A migration that has shipped is never edited (a file in the field was
/// built by its old text): each released file's hash is pinned here. A new
/// migration gets a new number and a new line.
#[test]
fn released_migrations_are_never_edited() {
    fn fnv1a(bytes: &[u8]) -> u64 {
        bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ *b as u64).wrapping_mul(0x0100_0000_01b3))
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/migrations");
    let pinned = [
        ("001_initial.sql", PIN_001),
        ("002_audit_log.sql", PIN_002),
        ("003_bulk_index.sql", PIN_003),
        ("004_follow_up_after_fix.sql", PIN_004),
        ("005_clocks.sql", PIN_005),
        ("006_causes.sql", PIN_006),
        ("007_change_photos.sql", PIN_007),
        ("008_people.sql", PIN_008),
        ("009_customer_versions.sql", PIN_009),
    ];
    for (file, want) in pinned {
        let got = fnv1a(&std::fs::read(dir.join(file)).unwrap());
        assert_eq!(got, want, "{file} changed after it shipped: add a new migration instead ({got:#x})");
    }
    let count = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(count as i64, SCHEMA_VERSION, "every migration file is pinned");
}

const PIN_001: u64 = 0x99f4321c128a905a;
const PIN_002: u64 = 0x6e54253f5d55b9e1;
const PIN_003: u64 = 0x9dd06cea4422f46f;
const PIN_006: u64 = 0xd3bcff45a3c0503f;
const PIN_005: u64 = 0x27dc6e69589f25ea;
const PIN_004: u64 = 0x9966f38ccf4e4fb1;
const PIN_007: u64 = 0x7e3f11b0ca267941;
const PIN_008: u64 = 0xe70b3d1ad37e09f8;
const PIN_009: u64 = 0x90a8885131c95088;

/// Migration 004: a database written before "the follow-up waits for the fix"
/// has incidents marked follow-up-due with changes but no fix; opening it
/// moves them back to in recovery, and leaves fixed ones due.
#[test]
fn migration_004_waits_for_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite3");
    let (unfixed, fixed) = {
        let mut db = Db::open(&path).unwrap();
        let c = customer(&mut db, "Ada");
        let a = incident(&mut db, c, "Changed, not fixed");
        let b = incident(&mut db, c, "Changed and fixed");
        let at = dates::parse_datetime("at", "2026-03-02 09:00").unwrap();
        for id in [a, b] {
            db.record_step(id, RecoveryStep::Contacted, StepAction::Done(at)).unwrap();
            db.add_change(id, NaiveDate::from_ymd_opt(2026, 3, 5).unwrap(), "Tiles travel flat now").unwrap();
        }
        db.record_step(b, RecoveryStep::Fixed, StepAction::Done(at)).unwrap();
        (a, b)
    };
    {
        // As the older version left them: both due. Then the migration's own text runs on them.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("UPDATE incidents SET status = 'follow_up_due';").unwrap();
        conn.execute_batch(include_str!("../src/store/migrations/004_follow_up_after_fix.sql")).unwrap();
    }
    let db = Db::open(&path).unwrap();
    assert_eq!(db.incident(unfixed).unwrap().status, Status::InRecovery);
    assert_eq!(db.incident(fixed).unwrap().status, Status::FollowUpDue);
}

/// Categories can be renamed, merged and removed; incidents move with them,
/// the chart counts follow, and a category in use is never removed silently.
#[test]
fn categories_rename_merge_and_remove() {
    each_engine("categories_rename_merge_and_remove", |mut db| {
        let c = customer(&mut db, "Ada");
        let mut f = IncidentInput {
            customer_id: c,
            title: "Late van".into(),
            occurred_at: Some("2026-03-01".into()),
            discovered_at: Some("2026-03-01".into()),
            category: Some("delivery".into()),
            ..Default::default()
        };
        let a = db.add_incident(&f).unwrap().id;
        f.category = Some("billing".into());
        let b = db.add_incident(&f).unwrap().id;
        let month_count = |db: &Db, cat: &str| -> i64 {
            db.dashboard_stats(24).unwrap().by_category.iter().filter(|x| x.name == cat).map(|x| x.count).sum()
        };

        db.rename_category("Delivery", "Deliveries").unwrap();
        assert_eq!(db.incident(a).unwrap().category, "deliveries");
        assert_eq!(month_count(&db, "deliveries"), 1);
        assert_eq!(month_count(&db, "delivery"), 0);
        let e = db.rename_category("deliveries", "billing").unwrap_err();
        assert!(e.to_string().contains("merge"), "{e}");

        let e = db.remove_category("billing").unwrap_err();
        assert!(e.to_string().contains("1 incident(s)"), "{e}");
        assert_eq!(db.merge_category("billing", "deliveries").unwrap(), 1);
        assert_eq!(db.incident(b).unwrap().category, "deliveries");
        assert_eq!(month_count(&db, "deliveries"), 2);
        assert!(!db.categories().unwrap().contains(&"billing".to_string()));
        db.remove_category("other").unwrap();
        assert!(db.remove_category("other").is_err());
        let counts = db.category_counts().unwrap();
        assert!(counts.contains(&("deliveries".to_string(), 2)), "{counts:?}");
    });
}
