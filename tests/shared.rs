//! The shared database on a real PostgreSQL server (the private one
//! `tests/pg/with-postgres.sh` starts): two people editing one incident,
//! eight writers at once, the CLI giving the same answers as on a file,
//! moving a file's records across, and what never shows a password.
use crate::common::{amends_bin, fresh_shared_database, shared_db, skipped, stderr, stdout};
use amends::domain::{CustomerInput, IncidentInput, RecoveryStep, Status};
use amends::store::shared::SharedLocation;
use amends::store::StepAction;
use amends::{dates, Db};
use std::path::Path;
use std::process::{Command, Output};

fn server_or_skip(check: &str) -> Option<String> {
    let url = fresh_shared_database(check);
    if url.is_none() {
        skipped(check, "no PostgreSQL test server (tests/pg/with-postgres.sh)");
    }
    url
}

fn open(url: &str, person: &str) -> Db {
    let mut db = Db::open_shared(&SharedLocation::parse(url).unwrap()).unwrap();
    db.set_person(Some(person));
    db
}

fn amends(db: &str, args: &[&str]) -> Output {
    Command::new(amends_bin()).arg("--db").arg(db).args(args).env_remove("AMENDS_DB").output().expect("amends runs")
}

fn new_incident(db: &mut Db, customer: i64, title: &str) -> i64 {
    db.add_incident(&IncidentInput {
        customer_id: customer,
        title: title.into(),
        occurred_at: Some("2026-11-02 09:00".into()),
        discovered_at: Some("2026-11-02 10:00".into()),
        ..Default::default()
    })
    .unwrap()
    .id
}

#[test]
fn the_second_of_two_saves_from_one_version_is_refused_and_nothing_is_lost() {
    let check = "two people editing one incident";
    let Some(url) = server_or_skip(check) else { return };
    let mut sam = open(&url, "Sam");
    let mut priya = open(&url, "Priya");
    let c = sam.add_customer(&CustomerInput { name: "Ada Byrne".into(), ..Default::default() }).unwrap().id;
    let id = new_incident(&mut sam, c, "Wrong paint colour");

    // Both open the incident.
    let sams_copy = sam.incident(id).unwrap();
    let priyas_copy = priya.incident(id).unwrap();
    assert_eq!(sams_copy.version, priyas_copy.version);

    // Sam saves first.
    let mut edit = sams_copy.as_input();
    edit.title = "Wrong paint colour in the hall".into();
    edit.severity = Some(4);
    let saved = sam.update_incident(id, &edit).unwrap();
    assert!(saved.version > sams_copy.version);
    assert_eq!(saved.updated_by.as_deref(), Some("Sam"));

    // Priya saves from her older copy: refused, naming Sam and what he changed.
    let mut hers = priyas_copy.as_input();
    hers.remedy_requested = Some("Repaint before Friday".into());
    let err = priya.update_incident(id, &hers).unwrap_err();
    assert_eq!(err.kind(), "conflict");
    let m = err.to_string();
    assert!(m.starts_with("Sam changed this incident at "), "{m}");
    assert!(m.contains("title, severity"), "{m}");
    // Sam's edit stands; Priya's did not land half-way.
    let now = priya.incident(id).unwrap();
    assert_eq!(now.title, "Wrong paint colour in the hall");
    assert_eq!(now.severity, 4);
    assert_eq!(now.remedy_requested, None);

    // From the current version, her save goes through.
    let mut again = now.as_input();
    again.remedy_requested = Some("Repaint before Friday".into());
    let after = priya.update_incident(id, &again).unwrap();
    assert_eq!(after.remedy_requested.as_deref(), Some("Repaint before Friday"));
    assert_eq!(after.title, "Wrong paint colour in the hall");
    assert_eq!(after.updated_by.as_deref(), Some("Priya"));

    // A recorded step also moves the version: a form filled before it is refused too.
    let stale = after.as_input();
    sam.record_step(id, RecoveryStep::Contacted, StepAction::Done(dates::now())).unwrap();
    let err = priya.update_incident(id, &stale).unwrap_err().to_string();
    assert!(err.contains("\"") && err.contains("done"), "{err}");

    // Who did what is kept: the timeline entry and the audit line name the person.
    let entry = priya.add_timeline(id, dates::now(), amends::domain::TimelineKind::Note, "Called back").unwrap();
    assert_eq!(entry.person.as_deref(), Some("Priya"));
    assert_eq!(sam.incident(id).unwrap().timeline[0].person.as_deref(), Some("Priya"));
}

#[test]
fn the_same_refusal_on_a_file() {
    // One laptop, two windows (or the CLI beside the app): the same rule.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.sqlite3");
    let mut a = Db::open(&path).unwrap();
    let mut b = Db::open(&path).unwrap();
    a.set_person(Some("Sam"));
    let c = a.add_customer(&CustomerInput { name: "Ada".into(), ..Default::default() }).unwrap().id;
    let id = new_incident(&mut a, c, "Late delivery");
    let old = b.incident(id).unwrap().as_input();
    let mut mine = a.incident(id).unwrap().as_input();
    mine.title = "Late delivery of tiles".into();
    a.update_incident(id, &mine).unwrap();
    let err = b.update_incident(id, &old).unwrap_err();
    assert_eq!(err.kind(), "conflict");
    assert!(err.to_string().contains("Sam changed this incident"), "{err}");
    assert_eq!(b.incident(id).unwrap().title, "Late delivery of tiles");
}

/// Each save keeps what it changed for the refusal of a stale copy, but only
/// the latest `KEPT_EDITS` of them per incident: a copy older than those is
/// still refused, naming the people of the kept edits alone.
#[test]
fn only_the_latest_edits_are_kept_and_an_old_copy_is_still_refused() {
    use amends::store::KEPT_EDITS;
    crate::common::each_engine("kept edits", |mut db| {
        let c = db.add_customer(&CustomerInput { name: "Ada".into(), ..Default::default() }).unwrap().id;
        let id = new_incident(&mut db, c, "Late delivery");
        let first = db.incident(id).unwrap().as_input();
        let edit = |db: &mut Db, title: String| {
            let mut e = db.incident(id).unwrap().as_input();
            e.title = title;
            db.update_incident(id, &e).unwrap();
        };
        db.set_person(Some("Sam"));
        edit(&mut db, "Late delivery, Sam rang".into());
        db.set_person(Some("Priya"));
        for n in 1..KEPT_EDITS {
            edit(&mut db, format!("Late delivery, call {n}"));
        }
        // Sam's edit is among the latest KEPT_EDITS: both named.
        let err = db.update_incident(id, &first).unwrap_err().to_string();
        assert!(err.starts_with("Sam and Priya changed this incident"), "{err}");
        // One more of Priya's pushes his out.
        edit(&mut db, "Late delivery, settled".into());
        let err = db.update_incident(id, &first).unwrap_err();
        assert_eq!(err.kind(), "conflict");
        assert!(err.to_string().starts_with("Priya changed this incident"), "{err}");
        assert!(err.to_string().contains("title"), "{err}");
    });
}

/// The server ends every connection (a restart does that): the store's next
/// step may fail, in words that say what happened, and the one after works
/// on a new connection. A write whose connection ended is refused, never
/// taken for one that went through.
#[test]
fn a_connection_the_server_ended_is_made_again() {
    let check = "reconnect";
    let Some(url) = server_or_skip(check) else { return };
    let mut db = open(&url, "Sam");
    db.add_customer(&CustomerInput { name: "Ada Byrne".into(), ..Default::default() }).unwrap();
    let end_every_connection = || {
        let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        let ended: i64 = admin
            .query_one(
                "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                 WHERE datname = current_database() AND pid <> pg_backend_pid()) t",
                &[],
            )
            .unwrap()
            .get(0);
        assert!(ended >= 1, "the store's connection was there to end");
    };

    end_every_connection();
    if let Err(e) = db.search_customers("", None) {
        let m = e.to_string();
        assert!(m.contains("connects again at your next step"), "{m}");
    }
    assert_eq!(db.search_customers("", None).unwrap().len(), 1, "a new connection");
    let c = db.add_customer(&CustomerInput { name: "After the restart".into(), ..Default::default() }).unwrap();
    assert_eq!(db.customer(c.id).unwrap().name, "After the restart");

    // Ended in the middle of a write (waiting for a row another computer holds):
    // that write fails, nothing of it lands, and the next one works.
    let id = new_incident(&mut db, c.id, "Late");
    let mut edit = db.incident(id).unwrap().as_input();
    edit.title = "Late, and the wrong colour".into();
    let (held, hold) = std::sync::mpsc::channel();
    let other = {
        let url = url.clone();
        std::thread::spawn(move || {
            let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
            let mut tx = admin.transaction().unwrap();
            tx.execute("SELECT id FROM incidents WHERE id = $1 FOR UPDATE", &[&id]).unwrap();
            held.send(()).unwrap();
            // The store's write, waiting for the row: ended.
            for _ in 0..200 {
                let ended: i64 = tx
                    .query_one(
                        "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                         WHERE datname = current_database() AND wait_event_type = 'Lock') t",
                        &[],
                    )
                    .unwrap()
                    .get(0);
                if ended > 0 {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(25));
            }
            tx.rollback().unwrap();
        })
    };
    hold.recv().unwrap();
    let err = db.update_incident(id, &edit).unwrap_err();
    other.join().unwrap();
    assert!(err.to_string().contains("connects again at your next step"), "{err}");
    assert_eq!(db.incident(id).unwrap().title, "Late", "nothing of the ended write landed");
    assert_eq!(db.update_incident(id, &edit).unwrap().title, "Late, and the wrong colour");
}

/// Customers too: a save from a form filled before someone else's save is
/// refused, naming them; from the current version it goes through; the CLI
/// (no version sent) checks nothing.
#[test]
fn a_customer_saved_from_an_older_copy_is_refused() {
    crate::common::each_engine("customer versions", |mut db| {
        db.set_person(Some("Sam"));
        let c = db.add_customer(&CustomerInput { name: "Ada Byrne".into(), ..Default::default() }).unwrap();
        assert_eq!(c.version, 1);
        let priyas_form = c.as_input();
        let mut his = c.as_input();
        his.phone = Some("+44 20 7946 0018".into());
        let saved = db.update_customer(c.id, &his).unwrap();
        assert_eq!((saved.version, saved.updated_by.as_deref()), (2, Some("Sam")));

        db.set_person(Some("Priya"));
        let mut hers = priyas_form.clone();
        hers.email = Some("ada@example.com".into());
        let err = db.update_customer(c.id, &hers).unwrap_err();
        assert_eq!(err.kind(), "conflict");
        assert!(err.to_string().starts_with("Sam changed this customer at "), "{err}");
        let now = db.customer(c.id).unwrap();
        assert_eq!(now.phone.as_deref(), Some("+44 20 7946 0018"), "his save stands");
        assert_eq!(now.email, None, "hers did not land");

        let mut again = now.as_input();
        again.email = Some("ada@example.com".into());
        let saved = db.update_customer(c.id, &again).unwrap();
        assert_eq!(saved.phone.as_deref(), Some("+44 20 7946 0018"));
        assert_eq!(saved.email.as_deref(), Some("ada@example.com"));
        assert_eq!((saved.version, saved.updated_by.as_deref()), (3, Some("Priya")));

        let mut blind = priyas_form;
        blind.seen_version = None;
        blind.notes = Some("Prefers a call".into());
        assert_eq!(db.update_customer(c.id, &blind).unwrap().version, 4, "no version sent: nothing checked");
    });
}

/// Several computers starting at once on a new (or newly updated) shared
/// database: each opens it, and its schema is made once.
#[test]
fn computers_opening_a_new_database_at_once_make_its_schema_once() {
    let check = "opening at once";
    let Some(url) = server_or_skip(check) else { return };
    let start = std::sync::Arc::new(std::sync::Barrier::new(4));
    let computers: Vec<_> = (0..4)
        .map(|_| {
            let (url, start) = (url.clone(), start.clone());
            std::thread::spawn(move || {
                start.wait();
                Db::open_shared(&SharedLocation::parse(&url).unwrap()).map(drop).map_err(|e| e.to_string())
            })
        })
        .collect();
    let opened: Vec<_> = computers.into_iter().map(|t| t.join().unwrap()).collect();
    assert!(opened.iter().all(Result::is_ok), "{opened:?}");
    let versions = count(&url, "amends_schema");
    assert_eq!(versions, amends::store::shared::SHARED_SCHEMA_VERSION);
}

#[test]
fn eight_writers_for_ten_seconds_lose_nothing() {
    let check = "eight writers at once";
    let Some(url) = server_or_skip(check) else { return };
    let mut setup = open(&url, "setup");
    let customer = setup.add_customer(&CustomerInput { name: "Busy Shop".into(), ..Default::default() }).unwrap().id;
    let started = std::time::Instant::now();
    let writers: Vec<_> = (0..8)
        .map(|w| {
            let url = url.clone();
            std::thread::spawn(move || {
                let mut db = open(&url, &format!("writer {w}"));
                let mut mine = Vec::new();
                while started.elapsed() < std::time::Duration::from_secs(10) {
                    let id = new_incident(&mut db, customer, &format!("Writer {w} incident {}", mine.len()));
                    // Every other one gets a step, so statuses differ.
                    if mine.len() % 2 == 0 {
                        db.record_step(id, RecoveryStep::Contacted, StepAction::Done(dates::now())).unwrap();
                    }
                    mine.push(id);
                }
                mine
            })
        })
        .collect();
    let written: Vec<Vec<i64>> = writers.into_iter().map(|h| h.join().expect("no writer failed")).collect();
    let total: usize = written.iter().map(Vec::len).sum();
    eprintln!("{check}: {total} incidents in 10 s");
    assert!(written.iter().all(|w| !w.is_empty()), "every writer got through");
    let all = setup.list_incidents(&Default::default()).unwrap();
    assert_eq!(all.len(), total, "every incident is there");
    for (w, ids) in written.iter().enumerate() {
        for (n, id) in ids.iter().enumerate() {
            let got =
                all.iter().find(|s| s.id == *id).unwrap_or_else(|| panic!("incident {id} of writer {w} is there"));
            assert_eq!(got.title, format!("Writer {w} incident {n}"));
            let want = if n % 2 == 0 { Status::InRecovery } else { Status::New };
            assert_eq!(got.status, want, "incident {id}");
        }
    }
    // The second-failure flags are what they would be had the writes come one at a time.
    let flagged = all.iter().filter(|s| s.second_failure).count();
    assert_eq!(flagged, total - 1, "all but the first of one customer's incidents in the window");
}

/// The same commands, with the same seed, on a file and on the shared database.
#[test]
fn the_cli_gives_the_same_answers_on_both_engines() {
    let check = "CLI on both engines";
    let Some(url) = server_or_skip(check) else { return };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("same.sqlite3");
    let file = file.to_str().unwrap();
    let mut outputs: Vec<Vec<String>> = Vec::new();
    for db in [file, url.as_str()] {
        let o =
            amends(db, &["demo", "--customers", "120", "--incidents", "200", "--seed", "7", "--as-of", "2026-11-20"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let mut seen = Vec::new();
        for q in ["nun", "o'b", "ab", "zo", "é", "555", "example.com", "ELEANOR"] {
            let o = amends(db, &["customers", "list", "--search", q]);
            assert!(o.status.success(), "{q}: {}", stderr(&o));
            seen.push(format!("search {q}:\n{}{}", stdout(&o), stderr(&o)));
        }
        for args in [&["incidents", "list"][..], &["incidents", "list", "--json"]] {
            let o = amends(db, args);
            assert!(o.status.success(), "{args:?}: {}", stderr(&o));
            seen.push(stdout(&o));
        }
        // The clocks, without their first column ("17 min over"): it counts from the
        // moment each command ran, which differs between the two runs.
        let o = amends(db, &["due", "--all"]);
        assert!(o.status.success(), "{}", stderr(&o));
        seen.push(
            stdout(&o).lines().map(|l| l.split_once('#').map_or(l, |(_, rest)| rest).to_string() + "\n").collect(),
        );
        let pdf = dir.path().join(format!("due-{}.pdf", outputs.len()));
        let o = amends(db, &["letter", "follow-up", "--due", "-o", pdf.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        let text = Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext runs");
        seen.push(String::from_utf8_lossy(&text.stdout).into_owned());
        let csv = dir.path().join(format!("csv-{}", outputs.len()));
        let o = amends(db, &["export", "--format", "csv", "-o", csv.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        for table in ["customers", "incidents", "changes", "timeline", "letters"] {
            seen.push(std::fs::read_to_string(csv.join(format!("{table}.csv"))).unwrap());
        }
        outputs.push(seen);
    }
    let (lite, shared) = (&outputs[0], &outputs[1]);
    assert!(lite[0].contains("customer(s)") && lite.iter().any(|s| s.lines().count() > 100));
    for (i, (a, b)) in lite.iter().zip(shared).enumerate() {
        assert_eq!(a, b, "output {i} differs between SQLite and PostgreSQL");
    }
}

fn count(url: &str, table: &str) -> i64 {
    let mut c = postgres::Client::connect(url, postgres::NoTls).unwrap();
    c.query_one(&format!("SELECT count(*) FROM {table}"), &[]).unwrap().get(0)
}

#[test]
fn a_file_moves_to_an_empty_shared_database_whole_and_counted() {
    let check = "migrate-to";
    let Some(url) = server_or_skip(check) else { return };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shop.sqlite3");
    let f = file.to_str().unwrap();
    assert!(amends(f, &["demo", "--customers", "150", "--incidents", "220", "--seed", "3"]).status.success());
    // A photo and a cause, so every kind of row goes across.
    let mut db = Db::open(&file).unwrap();
    let cause = db.add_cause(&amends::domain::CauseInput { title: "Courier".into(), ..Default::default() }).unwrap();
    let png = {
        let mut out = std::io::Cursor::new(Vec::new());
        image::RgbImage::from_pixel(64, 48, image::Rgb([200, 30, 30]))
            .write_to(&mut out, image::ImageFormat::Png)
            .unwrap();
        out.into_inner()
    };
    let photo = amends::photos::prepare(&png, "crate.png").unwrap();
    db.add_cause_change_with_photos(cause.id, dates::today(), "Two couriers now", &[("crate.png".into(), photo)])
        .unwrap();
    let before = std::fs::read(&file).unwrap();
    drop(db);

    let o = amends(f, &["migrate-to", &url, "--dry-run"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Dry run: 150 customers and 220 incidents"), "{}", stdout(&o));
    assert_eq!(count(&url, "information_schema.tables WHERE table_schema = 'public'"), 0, "a dry run keeps nothing");

    let o = amends(f, &["migrate-to", &url, "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let lite = rusqlite::Connection::open(&file).unwrap();
    for t in report["tables"].as_array().unwrap() {
        let table = t["table"].as_str().unwrap();
        let here: i64 = lite.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap();
        // The audit log there gained one line: the move itself.
        let extra = if table == "audit_log" { 1 } else { 0 };
        assert_eq!(count(&url, table), t["rows"].as_i64().unwrap() + extra, "{table}");
        if table != "audit_log" {
            assert_eq!(here, t["rows"].as_i64().unwrap(), "{table}");
        }
    }
    // The file is only read (its audit line aside, nothing changed): same records.
    assert!(std::fs::read(&file).unwrap().len() >= before.len() / 2);

    // The shared database answers like the file did, photo bytes included.
    let shared = open(&url, "Sam");
    let local = Db::open(&file).unwrap();
    assert_eq!(shared.search_customers("", None).unwrap(), local.search_customers("", None).unwrap());
    for id in [1, 77, 220] {
        assert_eq!(shared.incident(id).unwrap(), local.incident(id).unwrap(), "incident {id}");
    }
    let pid = local.cause(cause.id).unwrap().changes[0].photos[0].id;
    assert_eq!(shared.photo_jpeg(pid).unwrap(), local.photo_jpeg(pid).unwrap());
    assert_eq!(shared.dashboard_stats(24).unwrap(), local.dashboard_stats(24).unwrap());
    // New rows there get new numbers after the moved ones.
    let mut shared = shared;
    let c = shared.add_customer(&CustomerInput { name: "After the move".into(), ..Default::default() }).unwrap();
    assert_eq!(c.id, 151);

    // The indexes, links and triggers set aside for the copy are all back, as a new schema has them.
    let fresh = fresh_shared_database("schema twin").unwrap();
    drop(open(&fresh, "x"));
    assert_eq!(schema_of(&url), schema_of(&fresh));

    // Once there are records, a second move is refused and changes nothing.
    let o = amends(f, &["migrate-to", &url]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("already holds records"), "{}", stderr(&o));
    assert_eq!(count(&url, "customers"), 151);
}

/// A database with no records yet may hold lines of its own (here, those of an
/// empty file moved there first, and columns remembered for an import): a real
/// move still goes in, keeping them beside the file's. A file that is not there
/// is refused, not made empty and moved.
#[test]
fn a_move_into_a_database_without_records_keeps_its_own_lines() {
    let check = "move beside lines of its own";
    let Some(url) = server_or_skip(check) else { return };
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("not-there.sqlite3");
    let o = amends(missing.to_str().unwrap(), &["migrate-to", &url]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("There is no records file at"), "{}", stderr(&o));
    assert!(!missing.exists(), "no empty file made");

    let empty = dir.path().join("empty.sqlite3");
    drop(Db::open(&empty).unwrap());
    let o = amends(empty.to_str().unwrap(), &["migrate-to", &url]);
    assert!(stdout(&o).contains("Moved 0 customers and 0 incidents"), "{}{}", stdout(&o), stderr(&o));
    let mut pg = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    pg.execute("INSERT INTO import_mappings VALUES ('name|phone', '{}', now()), ('only|there', '{}', now())", &[])
        .unwrap();
    let theirs: Vec<(i64, String)> =
        pg.query("SELECT id, action FROM audit_log", &[]).unwrap().iter().map(|r| (r.get(0), r.get(1))).collect();
    assert_eq!(theirs.len(), 1, "the empty move's own line");

    let file = dir.path().join("shop.sqlite3");
    let f = file.to_str().unwrap();
    assert!(amends(f, &["demo", "--customers", "40", "--incidents", "60", "--seed", "9"]).status.success());
    let lite = rusqlite::Connection::open(&file).unwrap();
    lite.execute("INSERT INTO import_mappings VALUES ('name|phone', '{\"file\": 1}', '2026-11-02T10:00:00Z')", [])
        .unwrap();
    for n in 1..=3 {
        lite.execute(
            "INSERT INTO audit_log (at, action, detail) VALUES ('2026-11-02T10:00:00Z', 'restored', ?1)",
            [format!("line {n}")],
        )
        .unwrap();
    }
    let file_lines: i64 = lite.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0)).unwrap();
    let o = amends(f, &["migrate-to", &url]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Moved 40 customers and 60 incidents"), "{}", stdout(&o));

    // The file's lines, then the database's own (renumbered after them), then the move.
    let lines: Vec<(i64, String)> = pg
        .query("SELECT id, action FROM audit_log ORDER BY id", &[])
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let ids: Vec<i64> = lines.iter().map(|l| l.0).collect();
    assert_eq!(ids, (1..=file_lines + 2).collect::<Vec<_>>());
    let actions: Vec<&str> = lines.iter().map(|l| l.1.as_str()).collect();
    assert_eq!(actions, ["restored", "restored", "restored", "moved_in", "moved_in"]);
    assert_eq!(theirs[0].1, "moved_in");
    // The file's columns win for the header both remember; the database's other one stays.
    let maps: Vec<(String, String)> = pg
        .query("SELECT header_key, mapping FROM import_mappings ORDER BY header_key", &[])
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    assert_eq!(maps, [("name|phone".into(), "{\"file\": 1}".into()), ("only|there".into(), "{}".into())]);
    // A new audit line is numbered after all of them.
    let next: i64 = pg
        .query_one("INSERT INTO audit_log (at, action, detail) VALUES (now(), 'test', '') RETURNING id", &[])
        .unwrap()
        .get(0);
    assert_eq!(next, lines.last().unwrap().0 + 1);
}

/// The move tells how far it has got, table by table, and a Cancel before it
/// commits leaves the shared database as it was: empty, and ready for a move.
#[test]
fn a_move_reports_progress_and_a_cancel_keeps_nothing() {
    use amends::progress::{Job, Progress};
    use std::ops::ControlFlow;
    let check = "move progress";
    let Some(url) = server_or_skip(check) else { return };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shop.sqlite3");
    assert!(amends(file.to_str().unwrap(), &["demo", "--customers", "3000", "--incidents", "5000", "--seed", "5"])
        .status
        .success());
    let target = SharedLocation::parse(&url).unwrap();
    let mut db = Db::open(&file).unwrap();

    // Cancelled at the first report from the incidents: nothing kept, not even the schema.
    let mut seen: Vec<Progress> = Vec::new();
    let e = db
        .move_to_shared(&target, false, |p| {
            seen.push(p);
            if p.label == "incidents" {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })
        .unwrap_err();
    assert!(matches!(e, amends::Error::Cancelled(Job::MoveToShared)), "{e}");
    assert!(e.to_string().contains("nothing was moved"), "{e}");
    assert_eq!(seen.last().unwrap().label, "incidents");
    assert_eq!(count(&url, "information_schema.tables WHERE table_schema = 'public'"), 0, "a cancel keeps nothing");

    // Then moved whole: reports from 0 to the total, never going back, every table named in order.
    seen.clear();
    let report = db
        .move_to_shared(&target, false, |p| {
            seen.push(p);
            ControlFlow::Continue(())
        })
        .unwrap();
    assert_eq!(report.rows("customers"), 3000);
    assert!(seen.iter().all(|p| p.job == Job::MoveToShared && p.total == seen[0].total && p.done <= p.total));
    assert_eq!(seen.first().unwrap().done, 0);
    assert_eq!(seen.last().unwrap().done, seen[0].total);
    assert!(seen.windows(2).all(|w| w[0].done <= w[1].done), "progress never goes back");
    let rows: u64 = report.tables.iter().map(|t| t.rows as u64).sum();
    assert!(seen[0].total > rows, "the finishing work counts too");
    let labels: Vec<&str> = seen.iter().map(|p| p.label).fold(Vec::new(), |mut v, l| {
        if v.last() != Some(&l) {
            v.push(l);
        }
        v
    });
    let (customers, incidents) = (
        labels.iter().position(|l| *l == "customers").unwrap(),
        labels.iter().position(|l| *l == "incidents").unwrap(),
    );
    assert!(customers < incidents, "{labels:?}");
    assert_eq!(&labels[labels.len() - 2..], ["checks", "tidying"], "{labels:?}");
    // While copying the incidents, the bar shows where it is within them.
    let copying: Vec<u64> = seen.iter().filter(|p| p.label == "incidents").map(|p| p.done).collect();
    assert!(copying.len() >= 2, "{copying:?}");
    assert_eq!(count(&url, "incidents"), 5000);
}

/// Every index, link and trigger (with whether it is on), as text.
fn schema_of(url: &str) -> Vec<String> {
    let mut c = postgres::Client::connect(url, postgres::NoTls).unwrap();
    let sql = "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
               UNION ALL SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                 FROM pg_constraint WHERE connamespace = 'public'::regnamespace
               UNION ALL SELECT tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text
                 FROM pg_trigger WHERE NOT tgisinternal
               ORDER BY 1";
    c.query(sql, &[]).unwrap().iter().map(|r| r.get(0)).collect()
}

#[test]
fn a_newer_or_foreign_shared_schema_is_refused() {
    let check = "shared schema guards";
    let Some(url) = server_or_skip(check) else { return };
    let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    c.batch_execute("CREATE TABLE orders (id int)").unwrap();
    let e = Db::open_shared(&SharedLocation::parse(&url).unwrap()).err().unwrap().to_string();
    assert!(e.contains("another program"), "{e}");
    c.batch_execute("DROP TABLE orders").unwrap();
    drop(open(&url, "x"));
    c.batch_execute("INSERT INTO amends_schema (version) VALUES (99)").unwrap();
    let e = Db::open_shared(&SharedLocation::parse(&url).unwrap()).err().unwrap();
    assert_eq!(e.kind(), "newer_schema", "{e}");
}

#[test]
fn backups_of_a_shared_database_are_the_servers() {
    let Some(mut db) = shared_db("backups") else {
        skipped("shared backups", "no PostgreSQL test server");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let e = db.backup_to(&dir.path().join("b.sqlite3")).unwrap_err().to_string();
    assert!(e.contains("pg_dump"), "{e}");
    assert!(db.backup_now("manual", Default::default()).unwrap().is_none());
    assert!(db.restore_from(Path::new("/nonexistent")).unwrap_err().to_string().contains("pg_dump"));
    // An erasure says the server's backups still hold the person, even asked to erase from backups.
    let id = db.add_customer(&CustomerInput { name: "Erase Me".into(), ..Default::default() }).unwrap().id;
    let r = db.erase_customer_on_request(id, true).unwrap();
    assert!(r.server_backups && r.still_in_backups.is_empty() && r.removed_from_backups == 0);
    assert!(db.customer(id).is_err(), "erased");
    let mut file = Db::open(&dir.path().join("shop.sqlite3")).unwrap();
    let id = file.add_customer(&CustomerInput { name: "Erase Me".into(), ..Default::default() }).unwrap().id;
    assert!(!file.erase_customer_on_request(id, false).unwrap().server_backups);
}

#[test]
fn another_computers_change_moves_the_mark() {
    let check = "change mark";
    let Some(url) = server_or_skip(check) else { return };
    let mut a = open(&url, "A");
    let b = open(&url, "B");
    let before = b.change_mark().unwrap();
    assert_eq!(b.change_mark().unwrap(), before, "reading moves nothing");
    a.add_customer(&CustomerInput { name: "New".into(), ..Default::default() }).unwrap();
    assert!(b.change_mark().unwrap() > before);
    // On a file, other connections' writes move it too.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.sqlite3");
    let mut one = Db::open(&path).unwrap();
    let two = Db::open(&path).unwrap();
    let before = two.change_mark().unwrap();
    one.add_customer(&CustomerInput { name: "New".into(), ..Default::default() }).unwrap();
    assert_ne!(two.change_mark().unwrap(), before);
}

#[test]
fn a_password_never_shows_in_errors_or_the_audit_log() {
    let check = "passwords";
    let Some(url) = server_or_skip(check) else { return };
    // The test server trusts local connections, so a wrong password still gets in:
    // what matters is that it is never echoed.
    let with_pw = url.replacen("postgres://amends@", "postgres://amends:s3cr3t-pw@", 1);
    let o = amends(&with_pw, &["customers", "list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = amends(&with_pw, &["backup", "-o", "/tmp/never.sqlite3"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("pg_dump") && !stderr(&o).contains("s3cr3t"), "{}", stderr(&o));
    // A server that is not there (only a socket folder that does not exist).
    let bad = "postgres://amends:s3cr3t-pw@/nowhere?host=/nonexistent-folder";
    let o = amends(bad, &["customers", "list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!stderr(&o).contains("s3cr3t"), "{}", stderr(&o));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("f.sqlite3");
    drop(Db::open(&file).unwrap());
    assert!(amends(file.to_str().unwrap(), &["migrate-to", &with_pw]).status.success());
    let db = Db::open(&file).unwrap();
    let log = format!("{:?}", db.audit_log().unwrap());
    assert!(log.contains("moved_to_shared") && !log.contains("s3cr3t"), "{log}");
}

#[test]
fn tls_is_used_when_asked_and_its_certificate_is_checked() {
    let Some(tcp) = std::env::var("AMENDS_TEST_PG_TCP").ok().filter(|s| !s.is_empty()) else {
        skipped("TLS to the test server", "no PostgreSQL test server over TCP (tests/pg/with-postgres.sh)");
        return;
    };
    // The test server speaks TLS with a self-signed certificate, as Debian's own does.
    // Asked for, TLS is used and the certificate is checked against the system's roots: refused.
    let strict = SharedLocation::parse(&format!("{tcp}?sslmode=require")).unwrap();
    assert!(strict.requires_tls());
    let e = strict.connect().err().expect("a self-signed certificate is not trusted").to_string();
    assert!(e.contains("certificate"), "{e}");
    // On this computer, by default, no TLS: the same server answers.
    let local = SharedLocation::parse(&tcp).unwrap();
    assert!(local.is_local() && !local.requires_tls());
    let mut c = local.connect().unwrap();
    let tls: bool = c.query_one("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &[]).unwrap().get(0);
    assert!(!tls);
}
