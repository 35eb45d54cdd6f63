//! Spreadsheets: every exported row read back by an independent reader
//! (calamine for XLSX, the csv crate for CSV) and compared with what the
//! database says through its public API; customer import of messy files.
use crate::common::{run, stderr, stdout};
use amends::demo::{fill, DemoOptions};
use amends::domain::{CustomerInput, IncidentInput, LetterKind, Status, TimelineKind};
use amends::money::to_decimal;
use amends::progress::{Job, Progress};
use amends::spreadsheet::{self, guard, ExportFormat, ExportOptions, Field, ImportOptions, ImportReport, Table};
use amends::store::{ExportFilter, IncidentFilter, EXPORT_INCIDENTS_SQL};
use amends::{Db, Error};
use calamine::{open_workbook, Data, Reader, Xlsx};
use chrono::{DateTime, Local, NaiveDate, Utc};
use std::ops::ControlFlow;
use std::path::Path;

/// What a cell should hold, from the database's point of view.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum E {
    T(String),
    I(i64),
    M(i64),
    D(NaiveDate),
    At(DateTime<Utc>),
    Empty,
}

fn t(s: &str) -> E {
    E::T(s.to_string())
}
fn ot(s: &Option<String>) -> E {
    s.as_deref().map_or(E::Empty, t)
}
fn yes_no(b: bool) -> E {
    t(if b { "Yes" } else { "No" })
}

/// A small business with every kind of record, and text that looks like formulas.
/// The sample records in `db` (either engine).
fn sample_in(mut db: Db) -> Db {
    fill(
        &mut db,
        &DemoOptions {
            customers: 30,
            incidents: 80,
            seed: 5,
            as_of: Some(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()),
            business_type: None,
        },
        amends::progress::ignore,
    )
    .unwrap();
    let evil = db
        .add_customer(&CustomerInput {
            name: "=1+1".into(),
            company: Some("@SUM(A1:A9)".into()),
            email: Some("evil@example.com".into()),
            phone: Some("+44 117 496 0000".into()),
            notes: Some("-2+3\nsecond line, with \"quotes\"".into()),
            address: amends::domain::Address {
                lines: vec!["Flat 2".into(), "14 Quay Road".into(), "Harbourside".into()],
                city: Some("Bristol".into()),
                ..Default::default()
            },
            tags: vec!["vip".into(), "trade".into()],
            yearly_spend: Some("1,240.55".into()),
            expected_years: Some(4),
            seen_version: None,
        })
        .unwrap()
        .id;
    let inc = db
        .add_incident(&IncidentInput {
            customer_id: evil,
            title: "=HYPERLINK(\"http://example.com\",\"click\")".into(),
            what_happened: Some("\tTabbed start".into()),
            occurred_at: Some("2026-03-01 10:00".into()),
            discovered_at: Some("2026-03-01 11:00".into()),
            order_value: Some("99.99".into()),
            ..Default::default()
        })
        .unwrap()
        .id;
    db.add_timeline(
        inc,
        amends::dates::parse_datetime("at", "2026-03-02 09:30").unwrap(),
        TimelineKind::Call,
        "+1 called back",
    )
    .unwrap();
    db.save_letter(inc, LetterKind::Apology, Some("warm"), "Dear Zoë,\n\nWe are sorry.").unwrap();
    for s in db.list_incidents(&IncidentFilter::default()).unwrap().iter().take(3) {
        db.save_letter(s.id, LetterKind::FollowUp, None, "What we changed: …").unwrap();
    }
    db
}

/// The expected rows of each table, built from the public API (not from the exporter).
fn expected(db: &Db, table: Table) -> Vec<Vec<E>> {
    let mut customers = db.search_customers("", None).unwrap();
    customers.sort_by_key(|c| c.id);
    let mut incidents: Vec<_> = db
        .list_incidents(&IncidentFilter::default())
        .unwrap()
        .into_iter()
        .map(|s| db.incident(s.id).unwrap())
        .collect();
    incidents.sort_by_key(|i| i.id);
    let customer = |id: i64| customers.iter().find(|c| c.id == id).unwrap().clone();
    let mut out = Vec::new();
    match table {
        Table::Customers => {
            for c in &customers {
                let a = &c.address;
                out.push(vec![
                    E::I(c.id),
                    t(&c.name),
                    ot(&c.company),
                    ot(&c.email),
                    ot(&c.phone),
                    a.lines.first().map_or(E::Empty, |l| t(l)),
                    if a.lines.len() > 1 { t(&a.lines[1..].join("\n")) } else { E::Empty },
                    ot(&a.city),
                    ot(&a.region),
                    ot(&a.postal_code),
                    ot(&a.country),
                    ot(&c.notes),
                    if c.tags.is_empty() { E::Empty } else { t(&c.tags.join(", ")) },
                    E::M(c.yearly_spend_minor),
                    E::I(c.expected_years as i64),
                    E::At(c.created_at),
                    E::At(c.updated_at),
                ]);
            }
        }
        Table::Incidents => {
            for i in &incidents {
                let c = customer(i.customer_id);
                out.push(vec![
                    E::I(i.id),
                    E::I(i.customer_id),
                    t(&c.name),
                    ot(&c.email),
                    t(&i.title),
                    t(&i.category),
                    E::I(i.severity as i64),
                    t(i.status.key()),
                    t(i.discovered_by.key()),
                    E::At(i.occurred_at),
                    E::At(i.discovered_at),
                    i.fix_promised_by.map_or(E::Empty, E::D),
                    E::M(i.order_value_minor),
                    ot(&i.what_happened),
                    ot(&i.our_understanding),
                    ot(&i.remedy_requested),
                    ot(&i.makeup_description),
                    i.makeup_value_minor.map_or(E::Empty, E::M),
                    ot(&i.root_cause),
                    i.outcome.came_back.map_or(E::Empty, yes_no),
                    i.outcome.spend_after_minor.map_or(E::Empty, E::M),
                    ot(&i.outcome.note),
                    yes_no(i.second_failure),
                    E::At(i.created_at),
                    E::At(i.updated_at),
                ]);
            }
        }
        Table::Changes => {
            for i in &incidents {
                let c = customer(i.customer_id);
                let mut changes = i.changes.clone();
                changes.sort_by_key(|ch| (ch.date, ch.id));
                for ch in changes {
                    out.push(vec![E::I(ch.id), E::I(i.id), t(&i.title), t(&c.name), E::D(ch.date), t(&ch.text)]);
                }
            }
        }
        Table::Timeline => {
            for i in &incidents {
                let c = customer(i.customer_id);
                for e in &i.timeline {
                    out.push(vec![
                        E::I(e.id),
                        E::I(i.id),
                        t(&i.title),
                        t(&c.name),
                        E::At(e.at),
                        t(e.kind.key()),
                        t(&e.text),
                    ]);
                }
            }
        }
        Table::Letters => {
            for i in &incidents {
                let c = customer(i.customer_id);
                for l in db.letters(i.id).unwrap() {
                    out.push(vec![
                        E::I(l.id),
                        E::I(i.id),
                        t(&i.title),
                        t(&c.name),
                        t(l.kind.key()),
                        ot(&l.tone),
                        E::At(l.created_at),
                        l.sent_at.map_or(E::Empty, E::At),
                        t(&l.body),
                    ]);
                }
            }
        }
    }
    out
}

fn export_to(db: &Db, opts: &ExportOptions, path: &Path) -> spreadsheet::ExportSummary {
    spreadsheet::export(db, opts, path, |_| ControlFlow::Continue(())).unwrap()
}

fn xlsx_matches(cell: &Data, want: &E) -> bool {
    match (cell, want) {
        (Data::String(s), E::T(w)) => s == w,
        (Data::Empty, E::Empty) => true,
        (Data::Empty, E::T(w)) => w.is_empty(),
        (Data::Float(f), E::I(n)) => *f == *n as f64,
        (Data::Int(i), E::I(n)) => i == n,
        // Money is a number cell in currency units.
        (Data::Float(f), E::M(m)) => (f * 100.0).round() as i64 == *m,
        (Data::DateTime(d), E::D(w)) => d.as_datetime().map(|x| x.date()) == Some(*w),
        (Data::DateTime(d), E::At(w)) => {
            let local = w.with_timezone(&Local).naive_local();
            d.as_datetime().is_some_and(|x| (x - local).num_milliseconds().abs() < 1000)
        }
        _ => false,
    }
}

fn csv_text(want: &E) -> String {
    match want {
        E::T(s) => s.clone(),
        E::I(n) => n.to_string(),
        E::M(m) => to_decimal(*m),
        E::D(d) => d.format("%Y-%m-%d").to_string(),
        E::At(t) => t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        E::Empty => String::new(),
    }
}

#[test]
fn xlsx_export_reads_back_row_for_row_with_calamine() {
    crate::common::each_engine("xlsx_export_reads_back_row_for_row_with_calamine", |db| {
        let db = sample_in(db);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("amends.xlsx");
        let summary = export_to(&db, &ExportOptions::default(), &path);
        let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
        assert_eq!(wb.sheet_names(), ["Customers", "Incidents", "Changes", "Timeline", "Letters"]);
        for (table, count) in Table::ALL.into_iter().zip(&summary.tables) {
            let want = expected(&db, table);
            assert!(!want.is_empty(), "{table:?} has sample rows");
            assert_eq!(count.rows as usize, want.len(), "{table:?}");
            let range = wb.worksheet_range(table.sheet_name()).unwrap();
            let rows: Vec<&[Data]> = range.rows().collect();
            assert_eq!(rows.len(), want.len() + 1, "{table:?}: header + one row per record");
            for (r, (got, want)) in rows[1..].iter().zip(&want).enumerate() {
                for (c, w) in want.iter().enumerate() {
                    let cell = got.get(c).unwrap_or(&Data::Empty);
                    assert!(
                        xlsx_matches(cell, w),
                        "{table:?} row {} column {} ({:?}): got {cell:?}, want {w:?}",
                        r + 2,
                        c + 1,
                        rows[0][c]
                    );
                }
            }
            // No cell anywhere is a formula, whatever its text starts with.
            let formulas = wb.worksheet_formula(table.sheet_name()).unwrap();
            assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "{table:?} has a formula");
        }
        let headers = wb.worksheet_range("Incidents").unwrap();
        assert_eq!(headers.get((0, 12)), Some(&Data::String("Order value (USD)".into())));
        assert_eq!(headers.get((0, 3)), Some(&Data::String("Customer email".into())));
    });
}

#[test]
fn xlsx_sheets_have_bold_frozen_filtered_headers_and_a_currency_format() {
    crate::common::each_engine("xlsx_sheets_have_bold_frozen_filtered_headers_and_a_currency_format", |db| {
        let db = sample_in(db);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.xlsx");
        export_to(&db, &ExportOptions::default(), &path);
        // calamine does not read styles, so look at the XML parts themselves.
        let xml = |name: &str| {
            let mut z = zip_part(&path, name);
            std::mem::take(&mut z)
        };
        let sheet = xml("xl/worksheets/sheet2.xml");
        assert!(
            sheet.contains(r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#),
            "frozen header"
        );
        assert!(sheet.contains("<autoFilter ref=\"A1:Y"), "autofilter over every column");
        assert!(sheet.contains("<col min=\"5\" max=\"5\" width="), "column widths");
        let styles = xml("xl/styles.xml");
        assert!(styles.contains("<b/>"), "bold header font");
        assert!(styles.contains("&quot;$&quot;#,##0.00"), "money in the profile's currency: {styles}");
        assert!(styles.contains("yyyy-mm-dd"));
    });
}

/// One part of the XLSX (a zip file) as text, read with calamine's own zip dependency.
fn zip_part(path: &Path, name: &str) -> String {
    let out = std::process::Command::new("unzip").arg("-p").arg(path).arg(name).output();
    match out {
        Ok(o) if o.status.success() => String::from_utf8(o.stdout).unwrap(),
        _ => {
            // No unzip on this machine: fall back to Python's zipfile.
            let o = std::process::Command::new("python3")
                .args([
                    "-c",
                    "import sys,zipfile;sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())",
                ])
                .arg(path)
                .arg(name)
                .output()
                .expect("unzip or python3 reads the workbook");
            String::from_utf8(o.stdout).unwrap()
        }
    }
}

#[test]
fn csv_export_round_trips_through_the_csv_crate() {
    crate::common::each_engine("csv_export_round_trips_through_the_csv_crate", |db| {
        let db = sample_in(db);
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("export");
        let opts = ExportOptions { format: ExportFormat::Csv, ..Default::default() };
        let summary = export_to(&db, &opts, &folder);
        for (table, count) in Table::ALL.into_iter().zip(&summary.tables) {
            let bytes = std::fs::read(folder.join(table.file_name())).unwrap();
            assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "byte-order mark");
            assert!(bytes.windows(2).any(|w| w == b"\r\n"), "CRLF line ends");
            let mut rdr = csv::ReaderBuilder::new().from_reader(&bytes[3..]);
            let want = expected(&db, table);
            assert_eq!(count.rows as usize, want.len());
            let got: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
            assert_eq!(got.len(), want.len(), "{table:?}");
            for (r, (g, w)) in got.iter().zip(&want).enumerate() {
                let g: Vec<&str> = g.iter().map(guard::unguard).collect();
                let w: Vec<String> = w.iter().map(csv_text).collect();
                assert_eq!(g, w, "{table:?} record {}", r + 1);
            }
        }
    });
}

#[test]
fn formula_looking_text_is_apostrophe_quoted_in_csv() {
    crate::common::each_engine("formula_looking_text_is_apostrophe_quoted_in_csv", |db| {
        let db = sample_in(db);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("customers.csv");
        let opts = ExportOptions {
            format: ExportFormat::Csv,
            table: Some(Table::Customers),
            bom: false,
            ..Default::default()
        };
        export_to(&db, &opts, &path);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("\"ID\""), "no byte-order mark with bom: false");
        for quoted in
            [r#""'=1+1""#, r#""'@SUM(A1:A9)""#, r#""'+44 117 496 0000""#, "\"'-2+3\nsecond line, with \"\"quotes\"\"\""]
        {
            assert!(text.contains(quoted), "{quoted} in {text}");
        }
        assert!(!text.contains(",=1+1") && !text.contains(",\"=1+1"), "never a bare formula");
        // Negative-looking numbers are not text: amounts stay bare numbers.
        assert!(text.contains(",1240.55,4,"));
    });
}

#[test]
fn filters_choose_incidents_and_what_follows_them() {
    crate::common::each_engine("filters_choose_incidents_and_what_follows_them", |db| {
        let db = sample_in(db);
        let dir = tempfile::tempdir().unwrap();
        let all = expected(&db, Table::Incidents);
        let from = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let to = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        let filter = ExportFilter {
            from: Some(spreadsheet::day_start(from)),
            until: Some(spreadsheet::day_start(to.succ_opt().unwrap())),
            statuses: vec![Status::Closed, Status::New],
            categories: vec!["delivery".into(), "quality".into()],
        };
        let path = dir.path().join("f.csv");
        let opts = ExportOptions {
            format: ExportFormat::Csv,
            table: Some(Table::Incidents),
            filter: filter.clone(),
            ..Default::default()
        };
        let n = export_to(&db, &opts, &path).tables[0].rows as usize;
        let want: Vec<_> = all
            .iter()
            .filter(|r| {
                let E::At(occ) = r[9] else { panic!() };
                let day = occ.with_timezone(&Local).date_naive();
                day >= from
                    && day <= to
                    && [t("closed"), t("new")].contains(&r[7])
                    && [t("delivery"), t("quality")].contains(&r[5])
            })
            .collect();
        assert!(!want.is_empty() && want.len() < all.len(), "the filter keeps some, not all");
        assert_eq!(n, want.len());
        // Customers follow: only those with a matching incident.
        let opts = ExportOptions { table: Some(Table::Customers), ..opts };
        let customers = export_to(&db, &opts, &dir.path().join("c.csv")).tables[0].rows;
        let distinct: std::collections::HashSet<_> = want.iter().map(|r| r[1].clone()).collect();
        assert_eq!(customers as usize, distinct.len());

        let bad = ExportOptions {
            filter: ExportFilter { categories: vec!["weather".into()], ..Default::default() },
            ..Default::default()
        };
        let e = spreadsheet::export(&db, &bad, &dir.path().join("x.xlsx"), |_| ControlFlow::Continue(())).unwrap_err();
        assert!(e.to_string().contains("\"weather\" is not a category"), "{e}");
    });
}

#[test]
fn cancelled_or_failed_exports_leave_no_partial_file() {
    crate::common::each_engine("cancelled_or_failed_exports_leave_no_partial_file", |db| {
        let db = sample_in(db);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keep.xlsx");
        std::fs::write(&path, "the previous export").unwrap();
        for format in [ExportFormat::Xlsx, ExportFormat::Csv] {
            let mut calls = 0;
            let opts = ExportOptions { format, table: Some(Table::Incidents), ..Default::default() };
            let e = spreadsheet::export(&db, &opts, &path, |p| {
                calls += 1;
                assert_eq!(p.table, Table::Incidents);
                ControlFlow::Break(())
            })
            .unwrap_err();
            assert!(matches!(e, Error::Cancelled(Job::Export)), "{e}");
            assert_eq!(e.to_string(), "Export cancelled; no file was written.");
            assert_eq!(calls, 1);
            assert_eq!(std::fs::read_to_string(&path).unwrap(), "the previous export");
            let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
            assert_eq!(names, ["keep.xlsx"], "no temporary file left behind");
        }
        // A folder that does not exist, and a "folder" that is a file: clear errors, nothing written.
        let e = spreadsheet::export(&db, &ExportOptions::default(), &dir.path().join("missing/dir/a.xlsx"), |_| {
            ControlFlow::Continue(())
        })
        .unwrap_err();
        assert_eq!(e.kind(), "io");
        assert!(e.to_string().contains("missing/dir/a.xlsx"), "{e}");
        let csv_all = ExportOptions { format: ExportFormat::Csv, ..Default::default() };
        let e = spreadsheet::export(&db, &csv_all, &path, |_| ControlFlow::Continue(())).unwrap_err();
        assert!(e.to_string().contains("needs a folder"), "{e}");
    });
}

#[test]
fn progress_counts_up_to_the_total() {
    crate::common::each_engine("progress_counts_up_to_the_total", |mut db| {
        fill(
            &mut db,
            &DemoOptions {
                customers: 3000,
                incidents: 5000,
                seed: 2,
                as_of: Some(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()),
                business_type: None,
            },
            amends::progress::ignore,
        )
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut seen = Vec::new();
        let s = spreadsheet::export(&db, &ExportOptions::default(), &dir.path().join("p.xlsx"), |p| {
            seen.push(p);
            ControlFlow::Continue(())
        })
        .unwrap();
        let total: u64 = s.tables.iter().map(|t| t.rows).sum();
        assert!(seen.len() > 5, "several reports for a long export");
        assert!(seen.windows(2).all(|w| w[0].rows_done <= w[1].rows_done));
        let last = seen.last().unwrap();
        assert_eq!((last.rows_done, last.rows_total), (total, total));
        assert_eq!(last.fraction(), 1.0);
        // The form the desktop app shows.
        let shown = Progress::from(*last);
        assert_eq!((shown.job, shown.done, shown.total, shown.label), (Job::Export, total, total, "letters"));
    });
}

// ---- Import ----

fn import(db: &mut Db, bytes: &[u8], opts: &ImportOptions) -> amends::Result<ImportReport> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.csv");
    std::fs::write(&path, bytes).unwrap();
    spreadsheet::import_customers(db, &path, opts, amends::progress::ignore)
}

fn real() -> ImportOptions {
    ImportOptions::default()
}

/// Import `file` into an empty database and check counts and the first customer.
fn check(file: &[u8], added: u64, first: (&str, Option<&str>, Option<&str>)) {
    let mut db = Db::open_in_memory().unwrap();
    let r = import(&mut db, file, &real()).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(file)));
    assert_eq!(r.invalid, vec![], "{}", String::from_utf8_lossy(file));
    assert_eq!(r.added, added, "{}", String::from_utf8_lossy(file));
    let mut all = db.search_customers("", None).unwrap();
    all.sort_by_key(|c| c.id);
    let c = &all[0];
    assert_eq!((c.name.as_str(), c.email.as_deref(), c.address.city.as_deref()), first);
}

#[test]
fn imports_the_files_people_actually_have() {
    let zoe = ("Zoë Ørsted-Núñez", Some("zoe@example.com"), Some("København"));
    // Plain, with aliases.
    check("Full name,E-mail,Town\nZoë Ørsted-Núñez,zoe@example.com,København\n".as_bytes(), 1, zoe);
    // A byte-order mark, European Excel's semicolons, CRLF and blank lines.
    check("\u{feff}Name;Email address;City\r\n\r\nZoë Ørsted-Núñez;zoe@example.com;København\r\n;;\r\nAda;ada@example.com;\r\n\r\n".as_bytes(), 2, zoe);
    // Latin-1 from an old Windows Excel.
    check(b"Customer,Mail,Town\nZo\xEB \xD8rsted-N\xFA\xF1ez,zoe@example.com,K\xF8benhavn\n", 1, zoe);
    // UTF-16 with a byte-order mark, tab-separated (Excel's "Unicode text").
    let utf16: Vec<u8> = "\u{feff}Name\tEmail\tCity\r\nZoë Ørsted-Núñez\tzoe@example.com\tKøbenhavn\r\n"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    check(&utf16, 1, zoe);
    // A quoted field with a newline in it (address line 2 on two lines) and a quoted separator.
    let mut db = Db::open_in_memory().unwrap();
    let r = import(
        &mut db,
        "Name,Address 1,Address 2,Postcode,Notes\n\"Núñez, Zoë\",Flat 2,\"14 Quay Road\nHarbourside\",BS1 4QA,\"said \"\"hi\"\"\"\nAda,,,,\n".as_bytes(),
        &real(),
    )
    .unwrap();
    assert_eq!((r.added, r.rows), (2, 2));
    let c = db.search_customers("nunez", None).unwrap().remove(0);
    assert_eq!(c.name, "Núñez, Zoë");
    assert_eq!(c.address.lines, ["Flat 2", "14 Quay Road", "Harbourside"]);
    assert_eq!(c.notes.as_deref(), Some("said \"hi\""));
    // Duplicate headers: the first wins, the second fills in, and the report says so.
    let r =
        import(&mut db, b"Name,Phone,Mobile,Name\nBo,,555 010 2000,Robert\nCy,555 010 3000,555 010 3999,\n", &real())
            .unwrap();
    assert_eq!(r.added, 2);
    assert!(r.warnings.iter().any(|w| w.contains("\"Name\" (column 1) and \"Name\" (column 4)")), "{:?}", r.warnings);
    assert_eq!(db.search_customers("Bo", None).unwrap()[0].phone.as_deref(), Some("555 010 2000"));
    assert_eq!(db.search_customers("Cy", None).unwrap()[0].phone.as_deref(), Some("555 010 3000"));
    // First and last name columns make the name; an explicit mapping wins over aliases.
    let r = import(
        &mut db,
        b"First name,Last name,Contact e-mail,Email\nGrace,Hopper,grace@example.com,old@example.com\n",
        &ImportOptions { mapping: vec![(Field::Email, "Contact e-mail".into())], ..real() },
    )
    .unwrap();
    assert_eq!(r.added, 1);
    let g = db.search_customers("hopper", None).unwrap().remove(0);
    assert_eq!((g.name.as_str(), g.email.as_deref()), ("Grace Hopper", Some("grace@example.com")));
}

#[test]
fn dry_run_reports_exactly_what_the_import_then_does() {
    crate::common::each_engine("dry_run_reports_exactly_what_the_import_then_does", |mut db| {
        let ada = db
            .add_customer(&CustomerInput {
                name: "Ada Lovelace".into(),
                email: Some("ada@example.com".into()),
                notes: Some("Prefers mornings".into()),
                ..Default::default()
            })
            .unwrap();
        db.add_customer(&CustomerInput {
            name: "Bo Phone".into(),
            phone: Some("+1 (555) 010-7777".into()),
            ..Default::default()
        })
        .unwrap();
        let file = "Name,Email,Phone,City,Yearly spend\n\
            Ada Lovelace,ADA@example.com,,London,\n\
            Bo Phone,,15550107777,,\n\
            New Person,new@example.com,,,120\n\
            ,nobody@example.com,,,\n\
            Bad Email,bob@,,,\n\
            Minus,minus@example.com,,,-5\n\
            New Person,new@example.com,,,120\n";
        let before = dump(&db);
        let dry = import(&mut db, file.as_bytes(), &ImportOptions { dry_run: true, ..real() }).unwrap();
        assert_eq!(dump(&db), before, "a dry run changes nothing");
        assert_eq!((dry.added, dry.updated, dry.skipped, dry.rows), (2, 1, 2, 7));
        let lines: Vec<(u64, Option<&str>)> = dry.invalid.iter().map(|i| (i.line, i.field.as_deref())).collect();
        assert_eq!(lines, [(6, Some("email")), (7, Some("yearly_spend"))]);
        assert!(dry.invalid[1].reason.contains("can't be negative"));
        assert_eq!(dry.skipped_rows.iter().map(|s| s.line).collect::<Vec<_>>(), [3, 8]);
        // A row with only an email is a customer named after it, listed so the owner adds a name.
        let named: Vec<(u64, &str, &str)> =
            dry.named_after_contact.iter().map(|n| (n.line, n.name.as_str(), n.named_after)).collect();
        assert_eq!(named, [(5, "nobody@example.com", "email")]);

        // All or nothing: with invalid rows the real import changes nothing...
        let e = import(&mut db, file.as_bytes(), &real()).unwrap_err();
        assert!(e.to_string().contains("2 of 7 rows can't be imported (line 6, 7)"), "{e}");
        assert_eq!(dump(&db), before);
        // ...unless told to leave them out; then it does what the dry run said.
        let done = import(&mut db, file.as_bytes(), &ImportOptions { skip_invalid: true, ..real() }).unwrap();
        assert_eq!((done.added, done.updated, done.skipped, done.invalid.len()), (2, 1, 2, 2));
        let ada = db.customer(ada.id).unwrap();
        assert_eq!(ada.address.city.as_deref(), Some("London"), "filled in");
        assert_eq!(ada.notes.as_deref(), Some("Prefers mornings"), "an empty cell never erases");
        assert_eq!(ada.email.as_deref(), Some("ada@example.com"), "same address, stored spelling kept");
        assert_eq!(db.customer_count().unwrap(), 4);
    });
}

#[test]
fn a_shared_phone_number_alone_never_merges_two_people() {
    crate::common::each_engine("a_shared_phone_number_alone_never_merges_two_people", |mut db| {
        db.add_customer(&CustomerInput {
            name: "Ann Shared".into(),
            email: Some("ann@example.com".into()),
            phone: Some("0117 496 0000".into()),
            ..Default::default()
        })
        .unwrap();
        // Ben shares the landline; "ann shared" is Ann (same name and number); Cy shares it too.
        let file = b"Name,Email,Phone,City\nBen Shared,ben@example.com,0117 496 0000,\nann shared,,0117-496-0000,Bath\nCy Shared,,01174960000,\n";
        let r = import(&mut db, file, &real()).unwrap();
        assert_eq!((r.added, r.updated), (2, 1), "Ben and Cy are other people; the second row is Ann");
        let pairs: Vec<(&str, &str)> =
            r.possible_duplicates.iter().map(|d| (d.other_name.as_str(), d.name.as_str())).collect();
        assert_eq!(
            pairs,
            [("Ann Shared", "Ben Shared"), ("Ann Shared", "Cy Shared")],
            "listed for the owner to decide"
        );
        let again = import(&mut db, file, &real()).unwrap();
        assert_eq!((again.added, again.updated, again.skipped), (0, 0, 3), "importing twice changes nothing");
    });
}

fn dump(db: &Db) -> String {
    format!("{:?}", db.search_customers("", None).unwrap())
}

#[test]
fn bad_files_get_clear_errors_and_leave_the_database_alone() {
    crate::common::each_engine("bad_files_get_clear_errors_and_leave_the_database_alone", |mut db| {
        crate::common::customer(&mut db, "Existing");
        let before = dump(&db);
        let dir = tempfile::tempdir().unwrap();

        let e = import(&mut db, b"Colour,Size\nred,9\n", &real()).unwrap_err();
        assert!(
            e.to_string().contains(
                "no column for the customer's name, company, email or phone. Its columns are: \"Colour\", \"Size\""
            ),
            "{e}"
        );

        let mut wide = b"Name,Email\nOk,ok@example.com\n".to_vec();
        wide.extend((0..500).map(|i| format!("x{i}")).collect::<Vec<_>>().join(",").bytes());
        wide.push(b'\n');
        let r = import(&mut db, &wide, &ImportOptions { dry_run: true, ..real() }).unwrap();
        assert_eq!(r.invalid.len(), 1);
        assert_eq!(r.invalid[0].line, 3);
        assert!(r.invalid[0].reason.contains("500 values but the header has 2 columns"), "{}", r.invalid[0].reason);
        assert!(import(&mut db, &wide, &real()).is_err());

        // 2 GB, checked before reading: a sparse file costs no disk.
        let huge = dir.path().join("huge.csv");
        std::fs::File::create(&huge).unwrap().set_len(2 * 1024 * 1024 * 1024).unwrap();
        let started = std::time::Instant::now();
        let e = spreadsheet::import_customers(&mut db, &huge, &real(), amends::progress::ignore).unwrap_err();
        assert!(e.to_string().contains("That file is 2.0 GB; Amends imports files up to 200 MB"), "{e}");
        assert!(started.elapsed().as_secs() < 2, "refused without reading");

        let e = import(&mut db, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", &real()).unwrap_err();
        assert!(e.to_string().contains("not a spreadsheet or a text file"), "{e}");

        let e = import(
            &mut db,
            "Name\nZoë\nM\u{fc}ller".bytes().chain(*b"\nM\xFCller\n").collect::<Vec<_>>().as_slice(),
            &real(),
        )
        .unwrap_err();
        assert!(e.to_string().contains("Line 4 of the file is not UTF-8"), "{e}");

        let e = import(&mut db, b"", &real()).unwrap_err();
        assert!(e.to_string().contains("empty"), "{e}");

        let e = spreadsheet::import_customers(&mut db, &dir.path().join("nope.csv"), &real(), amends::progress::ignore)
            .unwrap_err();
        assert_eq!(e.kind(), "io");
        let e = spreadsheet::import_customers(&mut db, dir.path(), &real(), amends::progress::ignore).unwrap_err();
        assert!(e.to_string().contains("is a folder"), "{e}");

        assert_eq!(dump(&db), before);
    });
}

#[test]
fn exported_customers_import_back_unchanged_from_csv_and_xlsx() {
    crate::common::each_engine("exported_customers_import_back_unchanged_from_csv_and_xlsx", |db| {
        let db = sample_in(db);
        let dir = tempfile::tempdir().unwrap();
        let want = expected(&db, Table::Customers);
        for format in [ExportFormat::Csv, ExportFormat::Xlsx] {
            let path = dir.path().join(if format == ExportFormat::Csv { "c.csv" } else { "c.xlsx" });
            let opts = ExportOptions { format, table: Some(Table::Customers), ..Default::default() };
            export_to(&db, &opts, &path);
            let mut fresh = Db::open_in_memory().unwrap();
            let r = spreadsheet::import_customers(&mut fresh, &path, &real(), amends::progress::ignore).unwrap();
            assert_eq!((r.added as usize, r.invalid.len()), (want.len(), 0), "{format:?}: {:?}", r.invalid);
            let mut back = fresh.search_customers("", None).unwrap();
            back.sort_by_key(|c| c.id);
            let mut orig = db.search_customers("", None).unwrap();
            orig.sort_by_key(|c| c.id);
            for (a, b) in orig.iter().zip(&back) {
                assert_eq!(
                    (
                        &a.name,
                        &a.company,
                        &a.email,
                        &a.phone,
                        &a.address,
                        &a.notes,
                        &a.tags,
                        a.yearly_spend_minor,
                        a.expected_years
                    ),
                    (
                        &b.name,
                        &b.company,
                        &b.email,
                        &b.phone,
                        &b.address,
                        &b.notes,
                        &b.tags,
                        b.yearly_spend_minor,
                        b.expected_years
                    ),
                    "{format:?}"
                );
            }
            // The same file again: every row matches and nothing changes.
            let again = spreadsheet::import_customers(&mut fresh, &path, &real(), amends::progress::ignore).unwrap();
            assert_eq!((again.added, again.updated, again.skipped as usize), (0, 0, want.len()), "{format:?}");
        }
    });
}

#[test]
fn imports_a_100000_row_file() {
    let mut file = String::from("Name,Email,Phone,City\n");
    for i in 0..100_000 {
        file.push_str(&format!("Customer {i},c{i}@example.com,555-{:07},Town {}\n", i, i % 50));
    }
    let mut db = Db::open_in_memory().unwrap();
    let r = import(&mut db, file.as_bytes(), &real()).unwrap();
    assert_eq!((r.added, r.rows), (100_000, 100_000));
    assert_eq!(db.customer_count().unwrap(), 100_000);
    assert_eq!(db.search_customers("c99999@example", None).unwrap()[0].name, "Customer 99999");
}

/// A file of `n` new customers, with blank lines that progress does not count, and
/// (first) an update to Ada, who is already in the database.
fn growing_file(n: usize) -> String {
    let mut file = String::from("Name,Email,City\n\nAda Lovelace,ada@example.com,London\n");
    for i in 0..n {
        file.push_str(&format!("Customer {i},c{i}@example.com,Town {}\n", i % 7));
        if i % 100 == 0 {
            file.push_str(",,\n\n");
        }
    }
    file
}

fn with_ada() -> Db {
    let mut db = Db::open_in_memory().unwrap();
    db.add_customer(&CustomerInput {
        name: "Ada Lovelace".into(),
        email: Some("ada@example.com".into()),
        ..Default::default()
    })
    .unwrap();
    db
}

fn import_with_progress(
    db: &mut Db,
    bytes: &[u8],
    opts: &ImportOptions,
    progress: impl FnMut(Progress) -> ControlFlow<()>,
) -> amends::Result<ImportReport> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.csv");
    std::fs::write(&path, bytes).unwrap();
    // Watched progress: the total is read first.
    spreadsheet::import_customers(db, &path, &ImportOptions { progress_total: true, ..opts.clone() }, progress)
}

#[test]
fn import_and_its_check_report_every_row_up_to_the_total() {
    let file = growing_file(1000);
    for dry_run in [true, false] {
        let mut db = with_ada();
        let mut seen: Vec<Progress> = Vec::new();
        let r = import_with_progress(&mut db, file.as_bytes(), &ImportOptions { dry_run, ..real() }, |p| {
            seen.push(p);
            ControlFlow::Continue(())
        })
        .unwrap();
        assert_eq!((r.rows, r.added, r.updated), (1001, 1000, 1));
        let done: Vec<u64> = seen.iter().map(|p| p.done).collect();
        assert_eq!(
            done,
            (0..=1001).collect::<Vec<u64>>(),
            "dry run {dry_run}: every row once, blank lines not counted"
        );
        assert!(seen.iter().all(|p| p.job == Job::Import && p.total == 1001 && p.label == "rows"));
    }
}

#[test]
fn a_cancelled_import_or_check_changes_nothing() {
    let file = growing_file(1000);
    for dry_run in [false, true] {
        // Before anything, after Ada's update and some new customers, and at the very last row.
        for stop_at in [0, 500, 1001] {
            let mut db = with_ada();
            let before = dump(&db);
            let e = import_with_progress(&mut db, file.as_bytes(), &ImportOptions { dry_run, ..real() }, |p| {
                if p.done == stop_at {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            })
            .unwrap_err();
            assert!(matches!(e, Error::Cancelled(Job::Import)), "{e}");
            assert_eq!(e.to_string(), "Import cancelled; nothing was changed.");
            assert_eq!(db.customer_count().unwrap(), 1, "dry run {dry_run}, stopped at {stop_at}");
            assert_eq!(dump(&db), before, "Ada's city is not filled in");
        }
    }
    // A database on disk, read back through a new connection: still only Ada.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.sqlite3");
    let mut db = Db::open(&path).unwrap();
    db.add_customer(&CustomerInput {
        name: "Ada Lovelace".into(),
        email: Some("ada@example.com".into()),
        ..Default::default()
    })
    .unwrap();
    let e = import_with_progress(&mut db, file.as_bytes(), &real(), |p| {
        if p.done == 700 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })
    .unwrap_err();
    assert_eq!(e.kind(), "cancelled");
    drop(db);
    let again = Db::open(&path).unwrap();
    assert_eq!(again.customer_count().unwrap(), 1);
    assert_eq!(again.search_customers("", None).unwrap()[0].address.city, None);
}

// ---- CLI and outside checks ----

#[test]
fn cli_export_and_import() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite3");
    assert!(run(&db, &["demo", "--customers", "20", "--incidents", "30", "--as-of", "2026-11-26"]).status.success());
    let out = dir.path().join("inc.csv");
    let o = run(
        &db,
        &[
            "export",
            "--format",
            "csv",
            "--table",
            "incidents",
            "--from",
            "2025-01-01",
            "--status",
            "open,closed",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("incidents"), "{}", stdout(&o));
    assert!(stdout(&o).contains("30 rows"), "{}", stdout(&o));
    let folder = dir.path().join("all");
    let o = run(&db, &["export", "--format", "csv", "--no-bom", "-o", folder.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    for t in Table::ALL {
        assert!(stdout(&o).contains(t.key()));
        assert!(!std::fs::read(folder.join(t.file_name())).unwrap().starts_with(b"\xEF\xBB\xBF"));
    }
    let o = run(&db, &["export", "--format", "ods", "-o", "x"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not an export format"));

    let file = dir.path().join("new.csv");
    std::fs::write(&file, "Name;E-mail\nNew One;new@example.com\nBroken;nope\n").unwrap();
    let o = run(&db, &["import", "customers", file.to_str().unwrap(), "--dry-run", "--json"]);
    assert_eq!(o.status.code(), Some(1), "a dry run with bad rows exits 1: {}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!((v["added"].as_u64(), v["delimiter"].as_str()), (Some(1), Some(";")));
    assert_eq!(v["invalid"][0]["line"], 3);
    let o = run(&db, &["import", "customers", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nothing was imported"), "{}", stderr(&o));
    let o = run(&db, &["import", "customers", file.to_str().unwrap(), "--skip-invalid"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Added 1"), "{}", stdout(&o));
}

#[test]
fn the_benchmark_compares_against_the_same_query() {
    let script = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/benches/spreadsheets.sh")).unwrap();
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    // Backslash-newline continues a line inside the script's double quotes.
    let script = script.replace("\\\n", " ");
    assert!(
        squash(&script).contains(&squash(EXPORT_INCIDENTS_SQL)),
        "benches/spreadsheets.sh must run EXPORT_INCIDENTS_SQL"
    );
}

/// Optional: runs only where LibreOffice is installed. LibreOffice opens the
/// exported workbook and CSV and saves them as CSV; a formula-looking cell
/// must come out as its text, never as a computed value. (From CSV the text
/// keeps the guard's apostrophe: LibreOffice shows it, and computes nothing.)
#[test]
fn libreoffice_shows_formula_looking_text_as_text() {
    let Ok(found) = std::process::Command::new("soffice").arg("--version").output() else {
        crate::common::skipped("libreoffice_shows_formula_looking_text_as_text", "soffice is not on PATH");
        return;
    };
    assert!(found.status.success());
    let mut db = Db::open_in_memory().unwrap();
    db.add_customer(&CustomerInput {
        name: "=1+1".into(),
        company: Some("=SUM(2;3)".into()),
        phone: Some("+44 117 496 0000".into()),
        ..Default::default()
    })
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("guard.xlsx");
    let csv_in = dir.path().join("guard_in.csv");
    let only_customers = ExportOptions { table: Some(Table::Customers), ..Default::default() };
    export_to(&db, &only_customers, &xlsx);
    export_to(&db, &ExportOptions { format: ExportFormat::Csv, ..only_customers }, &csv_in);
    // A control file with bare formulas: proves LibreOffice evaluates formulas
    // on CSV import here, so the guarded cells really are being tested.
    let raw = dir.path().join("raw.csv");
    std::fs::write(&raw, "Name,Company\n=1+1,\"=SUM(2;3)\"\n").unwrap();
    // Comma-separated, UTF-8, from line 1, "evaluate formulas" on (12th token).
    let csv_filter = "CSV:44,34,76,1,,0,false,true,false,false,false,true";
    let out = dir.path().join("out");
    let convert = |input: &Path, infilter: Option<&str>| -> String {
        let mut cmd = std::process::Command::new("soffice");
        cmd.arg("--headless");
        if let Some(f) = infilter {
            cmd.arg(format!("--infilter={f}"));
        }
        let o = cmd
            .args(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir"])
            .arg(&out)
            .arg(input)
            .env("HOME", dir.path())
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let stem = input.file_stem().unwrap().to_str().unwrap();
        std::fs::read_to_string(out.join(format!("{stem}.csv"))).unwrap().lines().nth(1).unwrap().to_string()
    };
    assert_eq!(convert(&raw, Some(csv_filter)), "2,5", "LibreOffice evaluates bare formulas");
    let from_xlsx = convert(&xlsx, None);
    assert!(from_xlsx.starts_with("1,=1+1,=SUM(2;3),,+44 117 496 0000,"), "{from_xlsx}");
    let from_csv = convert(&csv_in, Some(csv_filter));
    assert!(from_csv.starts_with("1,'=1+1,'=SUM(2;3),,'+44 117 496 0000,"), "shown as text: {from_csv}");
}

#[test]
fn export_options_from_what_the_owner_typed() {
    let o = ExportOptions::from_text("CSV", Some("incidents"), Some("2026-03-01"), Some(" 2026-03-31 ")).unwrap();
    assert_eq!((o.format, o.table), (ExportFormat::Csv, Some(Table::Incidents)));
    // Both days included: the range ends where April 1 starts, local time.
    assert_eq!(o.filter.from, Some(spreadsheet::day_start(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap())));
    assert_eq!(o.filter.until, Some(spreadsheet::day_start(NaiveDate::from_ymd_opt(2026, 4, 1).unwrap())));
    // Blank means all tables and no limit.
    let all = ExportOptions::from_text("xlsx", Some(""), Some(" "), None).unwrap();
    assert_eq!((all.table, all.filter.from, all.filter.until), (None, None, None));

    let field = |r: amends::Result<ExportOptions>| r.unwrap_err().field();
    assert_eq!(field(ExportOptions::from_text("pdf", None, None, None)), Some("format"));
    assert_eq!(field(ExportOptions::from_text("xlsx", Some("invoices"), None, None)), Some("table"));
    assert_eq!(field(ExportOptions::from_text("xlsx", None, Some("31/02/2026"), None)), Some("from"));
    let swapped = ExportOptions::from_text("xlsx", None, Some("2026-04-01"), Some("2026-03-01")).unwrap_err();
    assert_eq!(swapped.field(), Some("to"));
    assert!(swapped.to_string().contains("before the first day"));
}
