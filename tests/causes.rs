//! One cause, many customers: affecting customers by tag opens one linked
//! incident each in one transaction (a failure leaves none); a change added to
//! the cause reaches every follow-up letter; the before/after counts are right
//! across the change date and the window edges; the CLI forms.
use crate::common::{run, stderr, stdout};
use amends::causes::{self, Who};
use amends::domain::{CauseInput, CustomerInput, IncidentInput, RecoveryStep};
use amends::store::StepAction;
use amends::{dates, Db};
use chrono::{Duration, NaiveDate};

fn tagged(db: &mut Db, name: &str, tag: &str) -> i64 {
    crate::common::addressed_customer(db, name, tag, None)
}

#[test]
fn a_cause_reaches_every_customer_it_touched_in_one_transaction() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.sqlite3");
    let mut db = Db::open(&path).unwrap();
    db.save_profile(&amends::demo::sample_profile()).unwrap();
    let ids: Vec<i64> = ["Ada", "Grace", "Edsger"].iter().map(|n| tagged(&mut db, n, "tuesday-run")).collect();
    tagged(&mut db, "Not Touched", "friday-run");
    let cause = db
        .add_cause(&CauseInput {
            title: "Courier missed the Tuesday run".into(),
            category: Some("delivery".into()),
            what_happened: Some("the courier we booked did not collect on Tuesday".into()),
            ..Default::default()
        })
        .unwrap();
    let dry = causes::affect(&mut db, cause.id, &Who::Tag("Tuesday-Run".into()), true).unwrap();
    assert_eq!(dry.customers.iter().map(|c| c.0).collect::<Vec<_>>(), ids);
    assert!(dry.incident_ids.is_empty());
    assert_eq!(db.cause_incidents(cause.id).unwrap().len(), 0, "a dry run opens nothing");

    // A customer who does not exist in the middle: nothing is opened at all.
    let err = db.affect_customers(cause.id, &[ids[0], 9999, ids[2]], dates::now()).unwrap_err();
    assert!(err.to_string().contains("9999"), "{err}");
    assert_eq!(db.cause_incidents(cause.id).unwrap().len(), 0);

    let r = causes::affect(&mut db, cause.id, &Who::Tag("tuesday-run".into()), false).unwrap();
    assert_eq!(r.incident_ids.len(), 3);
    for i in &r.incident_ids {
        let inc = db.incident(*i).unwrap();
        assert_eq!(inc.cause_id, Some(cause.id));
        assert_eq!(inc.discovered_by, amends::domain::DiscoveredBy::Us);
        db.record_step(*i, RecoveryStep::Contacted, StepAction::Done(dates::now())).unwrap();
        db.record_step(*i, RecoveryStep::Fixed, StepAction::Done(dates::now())).unwrap();
    }
    // A change on the cause flows into every incident: each follow-up falls due and prints it.
    db.add_cause_change(cause.id, dates::today(), "We now book two couriers for every Tuesday run").unwrap();
    for i in &r.incident_ids {
        assert_eq!(db.incident(*i).unwrap().status, amends::domain::Status::FollowUpDue);
    }
    drop(db);
    let out = dir.path().join("follow-ups.pdf");
    let o = run(&path, &["letter", "follow-up", "--cause", &cause.id.to_string(), "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Wrote 3 letter(s)"), "{}", stdout(&o));
    let text =
        String::from_utf8(std::process::Command::new("pdftotext").arg(&out).arg("-").output().unwrap().stdout).unwrap();
    assert_eq!(text.matches("We now book two couriers for every Tuesday run").count(), 3, "{text}");
    for name in ["Ada", "Grace", "Edsger"] {
        assert!(text.contains(name));
    }
    assert!(!text.contains("Not Touched"));
}

#[test]
fn before_and_after_counts_use_equal_periods_around_the_change() {
    crate::common::each_engine("before_and_after_counts_use_equal_periods_around_the_change", |mut db| {
        let c = db.add_customer(&CustomerInput { name: "Ada".into(), ..Default::default() }).unwrap().id;
        let today = dates::today();
        let change_day = today - Duration::days(30);
        let at = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        let mut add = |day: NaiveDate, category: &str| {
            db.add_incident(&IncidentInput {
                customer_id: c,
                title: "Late".into(),
                category: Some(category.into()),
                occurred_at: Some(at(day)),
                discovered_at: Some(at(day)),
                ..Default::default()
            })
            .unwrap();
        };
        // Before: 31 days before (outside the 30-day window), 30 days before (inside), 1 day before.
        add(change_day - Duration::days(31), "delivery");
        add(change_day - Duration::days(30), "delivery");
        add(change_day - Duration::days(1), "delivery");
        // After: on the day (counts as after), and a billing one that does not count.
        add(change_day, "delivery");
        add(change_day + Duration::days(3), "billing");
        let cause = db
            .add_cause(&CauseInput { title: "Courier".into(), category: Some("delivery".into()), ..Default::default() })
            .unwrap();
        db.add_cause_change(cause.id, change_day, "Two couriers").unwrap();
        let d = causes::detail(&db, cause.id).unwrap();
        let e = &d.effects[0];
        assert_eq!((e.days, e.before, e.after), (30, 2, 1), "{}", e.words);
        assert_eq!(e.words, "Delivery problems: 2 in the 30 days before the change, 1 in the 30 days after.");
        assert_eq!(d.came_back.len(), 1, "the delivery incident on the change day came back");
        // The register flags it, and the charts count incidents by cause.
        assert_eq!(db.causes().unwrap()[0].came_back, d.came_back);
        let stats = db.dashboard_stats(24).unwrap();
        assert!(stats.by_cause.is_empty(), "no incident is linked to the cause yet");
        let first = db.list_incidents(&Default::default()).unwrap()[0].id;
        db.link_incident(first, Some(cause.id)).unwrap();
        let stats = db.dashboard_stats(24).unwrap();
        assert_eq!((stats.by_cause[0].name.as_str(), stats.by_cause[0].count), ("Courier", 1));
    });
}

#[test]
fn cli_forms_for_causes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.sqlite3");
    let mut db = Db::open(&path).unwrap();
    db.save_profile(&amends::demo::sample_profile()).unwrap();
    tagged(&mut db, "Zoë Núñez", "batch-7");
    db.add_customer(&CustomerInput {
        name: "Sam Okafor".into(),
        email: Some("sam@example.com".into()),
        ..Default::default()
    })
    .unwrap();
    drop(db);
    let o = run(
        &path,
        &["causes", "add", "--title", "Bad batch of paint", "--category", "quality", "--started", "2026-11-01"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let id = stdout(&o).trim().to_string();
    let list = dir.path().join("who.txt");
    std::fs::write(&list, "zoe nunez\nSAM@example.com\nNobody Here\n").unwrap();
    let o = run(&path, &["causes", "affect", &id, "--customers-file", list.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 2, "two incidents opened");
    assert!(stderr(&o).contains("Not matched: Nobody Here"), "{}", stderr(&o));
    let o = run(&path, &["causes", "change", &id, "--text", "Every batch is test-painted before it goes out"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&run(&path, &["causes", "show", &id, "--json"]))).unwrap();
    assert_eq!(v["incidents"].as_array().unwrap().len(), 2);
    assert_eq!(v["cause"]["changes"][0]["text"], "Every batch is test-painted before it goes out");
    let v: serde_json::Value = serde_json::from_str(&stdout(&run(&path, &["causes", "list", "--json"]))).unwrap();
    assert_eq!(v[0]["incidents"], 2);
}
