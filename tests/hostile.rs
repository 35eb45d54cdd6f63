//! Hostile and careless files (issue 13): crafted workbooks, restore sources
//! that are not what they claim, another program's database, outputs aimed
//! at the records. Each gets a clear error or a correct result, the process
//! survives, and what was refused is left byte for byte as it was.
use crate::common::{customer, run, stderr, stdout};
use amends::spreadsheet::{self, ImportOptions};
use amends::Db;
use std::io::Write;
use std::path::{Path, PathBuf};

// ---- Crafted workbooks ----

/// A minimal XLSX: the parts calamine needs, the given sheet XML and shared strings.
fn xlsx(path: &Path, sheet: &[u8], shared: Option<&[u8]>) {
    let f = std::fs::File::create(path).unwrap();
    let mut z = zip::ZipWriter::new(f);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    let mut part = |name: &str, body: &[u8]| {
        z.start_file(name, opts).unwrap();
        z.write_all(body).unwrap();
    };
    part("[Content_Types].xml", br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#);
    part("_rels/.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#);
    part("xl/workbook.xml", br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#);
    let rels = if shared.is_some() {
        br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#.to_vec()
    } else {
        br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_vec()
    };
    part("xl/_rels/workbook.xml.rels", &rels);
    part("xl/worksheets/sheet1.xml", sheet);
    if let Some(s) = shared {
        part("xl/sharedStrings.xml", s);
    }
    z.finish().unwrap();
}

fn sheet(cells: &str) -> Vec<u8> {
    format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{cells}</sheetData></worksheet>"#).into_bytes()
}

fn inline(r: &str, text: &str) -> String {
    format!(r#"<c r="{r}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// Import `file` with the CLI in a child process: it must exit with a clear
/// error (code 2) or succeed, never crash, and stay under 300 MB. The peak
/// is the child's own high-water mark (`VmHWM`), read until it exits.
fn import_in_child(dir: &Path, file: &Path) -> (Option<i32>, String) {
    let db = dir.join("records.sqlite3");
    let mut child = std::process::Command::new(crate::common::amends_bin())
        .arg("--db")
        .arg(&db)
        .args(["import", "customers", file.to_str().unwrap(), "--dry-run"])
        .env_remove("AMENDS_DB")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0u64;
    loop {
        if let Ok(s) = std::fs::read_to_string(&status_file) {
            if let Some(kb) = s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)) {
                peak_kb = peak_kb.max(kb.parse().unwrap_or(0));
            }
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let o = child.wait_with_output().unwrap();
    assert!(peak_kb < 300 * 1024, "peak memory {peak_kb} KB importing {}", file.display());
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    (o.status.code(), format!("{}{}", stdout(&o), stderr(&o)))
}

#[test]
fn a_sparse_workbook_costs_what_its_cells_cost() {
    let dir = tempfile::tempdir().unwrap();
    // A header, one customer, and one far corner: XFD1048576.
    let corner = dir.path().join("corner.xlsx");
    let cells = format!(
        r#"<row r="1">{}{}</row><row r="2">{}{}</row><row r="1048576">{}</row>"#,
        inline("A1", "Name"),
        inline("B1", "Email"),
        inline("A2", "Ada"),
        inline("B2", "ada@example.com"),
        inline("XFD1048576", "x")
    );
    xlsx(&corner, &sheet(&cells), None);
    let (code, out) = import_in_child(dir.path(), &corner);
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("Amends reads at most 1000 columns"), "{out}");

    // A row number far past any sheet: read sparsely, the customer found.
    let far = dir.path().join("far.xlsx");
    let cells = format!(
        r#"<row r="1">{}</row><row r="99999999">{}</row>"#,
        inline("A1", "Name"),
        inline("A99999999", "Bo Far")
    );
    xlsx(&far, &sheet(&cells), None);
    let (code, out) = import_in_child(dir.path(), &far);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("Would add 1"), "{out}");
}

#[test]
fn a_deflate_bomb_and_a_huge_shared_strings_part_are_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    // 60 MB of one repeated cell (the limit is 50 MB), deflated to about a megabyte.
    let bomb = dir.path().join("bomb.xlsx");
    let row = r#"<row><c t="inlineStr"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>"#;
    let mut body = sheet("").into_iter().collect::<Vec<u8>>();
    let at = body.len() - "</sheetData></worksheet>".len();
    let filler: Vec<u8> = row.repeat(60 * 1024 * 1024 / row.len()).into_bytes();
    body.splice(at..at, filler);
    xlsx(&bomb, &body, None);
    assert!(std::fs::metadata(&bomb).unwrap().len() < 5 * 1024 * 1024);
    let (code, out) = import_in_child(dir.path(), &bomb);
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("unpacks to more than"), "{out}");

    let strings = dir.path().join("strings.xlsx");
    let one = "<si><t>bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb</t></si>";
    let shared = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{}</sst>"#,
        one.repeat(60 * 1024 * 1024 / one.len())
    );
    xlsx(&strings, &sheet(r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#), Some(shared.as_bytes()));
    let (code, out) = import_in_child(dir.path(), &strings);
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("unpacks to more than"), "{out}");
}

// ---- Restore sources that are not what they claim ----

/// The live file's bytes (database and WAL), to prove a refusal changed nothing.
fn live_bytes(path: &Path) -> Vec<u8> {
    let mut b = std::fs::read(path).unwrap();
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    b.extend(std::fs::read(PathBuf::from(wal)).unwrap_or_default());
    b
}

fn good_backup(dir: &Path) -> PathBuf {
    let here = tempfile::tempdir_in(dir).unwrap().keep();
    let mut src = Db::open(&here.join("source.sqlite3")).unwrap();
    customer(&mut src, "Restored Customer");
    let b = here.join("good.sqlite3");
    src.backup_to(&b).unwrap();
    b
}

/// A copy of a good backup with `sql` run on it.
fn tampered(dir: &Path, name: &str, sql: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::copy(good_backup(dir), &p).unwrap();
    let c = rusqlite::Connection::open(&p).unwrap();
    c.execute_batch(sql).unwrap();
    p
}

#[test]
fn a_bad_restore_source_leaves_the_records_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("live.sqlite3");
    let mut db = Db::open(&live).unwrap();
    customer(&mut db, "Ada Live");
    let version = amends::store::SCHEMA_VERSION;
    let only_customers = dir.path().join("only.sqlite3");
    rusqlite::Connection::open(&only_customers)
        .unwrap()
        .execute_batch(&format!(
            "CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT); PRAGMA user_version = {version};"
        ))
        .unwrap();
    let a_view = dir.path().join("view.sqlite3");
    rusqlite::Connection::open(&a_view)
        .unwrap()
        .execute_batch(&format!("CREATE VIEW customers AS SELECT 1 AS id; PRAGMA user_version = {version};"))
        .unwrap();
    let cases = [
        (only_customers, "is not an Amends backup"),
        (a_view, "is not an Amends backup"),
        (
            tampered(dir.path(), "trigger.sqlite3", "CREATE TRIGGER rename AFTER INSERT ON audit_log BEGIN UPDATE customers SET name = 'pwned'; END;"),
            "trigger \"rename\" that Amends never makes",
        ),
        (
            tampered(
                dir.path(),
                "recursive.sqlite3",
                "CREATE TRIGGER spin BEFORE INSERT ON customers BEGIN SELECT count(*) FROM (WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r); END;",
            ),
            "trigger \"spin\" that Amends never makes",
        ),
        (
            tampered(
                dir.path(),
                "dangling.sqlite3",
                "PRAGMA foreign_keys = OFF; INSERT INTO incidents (customer_id, title, category, severity, status, discovered_by, occurred_at, discovered_at, second_failure, order_value_minor, created_at, updated_at) VALUES (999, 'Ghost', (SELECT name FROM categories LIMIT 1), 3, 'new', 'us', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 0, 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');",
            ),
            "point at records that are not there",
        ),
        (tampered(dir.path(), "currency.sqlite3", "UPDATE profile SET currency = 'XXX';"), "can't be read"),
        (tampered(dir.path(), "extra.sqlite3", "CREATE TABLE invoices (id INTEGER PRIMARY KEY);"), "table \"invoices\" that Amends never makes"),
    ];
    let before = live_bytes(&live);
    for (source, why) in cases {
        let e = db.restore_from(&source).unwrap_err();
        assert!(e.to_string().contains(why), "{}: {e}", source.display());
        assert!(e.to_string().contains("current records were left as they are"), "{e}");
        assert_eq!(live_bytes(&live), before, "{}: the live file is byte for byte as it was", source.display());
        assert_eq!(db.search_customers("", None).unwrap()[0].name, "Ada Live");
    }
    // Every command still works, and a good backup still restores.
    customer(&mut db, "Still Writable");
    let good = good_backup(dir.path());
    db.restore_from(&good).unwrap();
    let names: Vec<String> = db.search_customers("", None).unwrap().into_iter().map(|c| c.name).collect();
    assert_eq!(names, ["Restored Customer"]);
}

#[test]
fn a_backup_with_8192_byte_pages_restores() {
    let dir = tempfile::tempdir().unwrap();
    let good = good_backup(dir.path());
    let big_pages = dir.path().join("big-pages.sqlite3");
    let c = rusqlite::Connection::open(&good).unwrap();
    c.execute("VACUUM INTO ?", [big_pages.to_str().unwrap()]).unwrap();
    let c = rusqlite::Connection::open(&big_pages).unwrap();
    c.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA page_size = 8192; VACUUM;").unwrap();
    assert_eq!(c.query_row("PRAGMA page_size", [], |r| r.get::<_, i64>(0)).unwrap(), 8192);
    drop(c);
    let mut db = Db::open(&dir.path().join("live.sqlite3")).unwrap();
    db.restore_from(&big_pages).unwrap();
    assert_eq!(db.search_customers("restored", None).unwrap().len(), 1);
}

// ---- Another program's database, and where the records may be ----

#[test]
fn another_programs_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let theirs = dir.path().join("photos.db");
    rusqlite::Connection::open(&theirs)
        .unwrap()
        .execute_batch(
            "CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT); INSERT INTO photos (path) VALUES ('a.jpg');",
        )
        .unwrap();
    let before = std::fs::read(&theirs).unwrap();
    let e = Db::open(&theirs).err().expect("refused");
    assert_eq!(e.kind(), "foreign_database");
    assert!(e.to_string().contains("looks like another program's database"), "{e}");
    assert_eq!(std::fs::read(&theirs).unwrap(), before, "no tables added, not switched to WAL");
    assert!(!dir.path().join("photos.db-wal").exists());

    // An Amends file from before the application id is adopted.
    let old = dir.path().join("old.sqlite3");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schema-v1.sqlite3"), &old).unwrap();
    drop(Db::open(&old).unwrap());
    let id: i32 =
        rusqlite::Connection::open(&old).unwrap().query_row("PRAGMA application_id", [], |r| r.get(0)).unwrap();
    assert_eq!(id, amends::store::schema::APPLICATION_ID);
}

#[test]
fn the_database_location_is_a_plain_path() {
    let dir = tempfile::tempdir().unwrap();
    // `amends --db DB customers list`, run in the empty folder.
    let list = |db: &str| {
        std::process::Command::new(crate::common::amends_bin())
            .current_dir(dir.path())
            .args(["--db", db, "customers", "list"])
            .env_remove("AMENDS_DB")
            .output()
            .unwrap()
    };
    for url in ["file:/tmp/x.db", ":memory:"] {
        let o = list(url);
        assert_eq!(o.status.code(), Some(2), "{url}");
        assert!(stderr(&o).contains("Amends opens a file path here"), "{url}: {}", stderr(&o));
    }
    // A postgres:// URL names a shared database: one that cannot be reached is
    // said so (with no password), and no file is made from the text.
    let o = list("postgres://sam:hunter2@nowhere.invalid/shop");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("The shared database postgres://sam@nowhere.invalid:5432/shop"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("hunter2"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "nothing is created for a URL");
    // libpq's keyword form, as managed services show it: pointed to the address form, no file made.
    for kw in ["host=/tmp/pg port=5433 user=sam password=hunter2 dbname=shop", "dbname = shop"] {
        let o = list(kw);
        assert_eq!(o.status.code(), Some(2), "{kw}");
        assert!(stderr(&o).contains("postgres://USER@HOST:PORT/DATABASE"), "{kw}: {}", stderr(&o));
        assert!(!stderr(&o).contains("hunter2"));
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "nothing is created for a connection string");
    // A relative path is made absolute and opened as a file.
    let o = list("rel.sqlite3");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(dir.path().join("rel.sqlite3").exists());
}

// ---- Outputs never replace what they must not ----

#[test]
fn outputs_aimed_at_the_records_a_read_only_file_or_a_device_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite3");
    assert!(run(&db, &["customers", "add", "--name", "Ada"]).status.success());
    let wal = dir.path().join("records.sqlite3-wal");
    let read_only = dir.path().join("locked.csv");
    std::fs::write(&read_only, "keep me").unwrap();
    let mut perms = std::fs::metadata(&read_only).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&read_only, perms).unwrap();
    let db_s = db.to_str().unwrap().to_string();
    // The same file by another spelling.
    let sneaky =
        format!("{}/../{}/records.sqlite3", dir.path().display(), dir.path().file_name().unwrap().to_str().unwrap());
    let targets: Vec<String> = vec![db_s.clone(), sneaky, read_only.to_str().unwrap().into(), "/dev/null".into()];
    let before = std::fs::read(&db).unwrap();
    for t in &targets {
        for args in [
            vec!["export", "--format", "csv", "--table", "customers", "-o", t.as_str()],
            vec!["backup", "-o", t.as_str()],
            vec!["letter", "calibration", "-o", t.as_str()],
            vec!["customers", "export-data", "1", "-o", t.as_str()],
        ] {
            let o = run(&db, &args);
            assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stdout(&o));
            assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
        }
    }
    if wal.exists() {
        let o = run(&db, &["export", "--format", "csv", "--table", "customers", "-o", wal.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains("where your records are kept"), "{}", stderr(&o));
    }
    assert_eq!(std::fs::read(&read_only).unwrap(), b"keep me");
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device_like());
    let o = run(&db, &["customers", "list"]);
    assert!(stdout(&o).contains("Ada"), "the records are intact: {}", stdout(&o));
    let _ = before;
    let e = spreadsheet::import_customers(
        &mut Db::open(&db).unwrap(),
        Path::new("/dev/zero"),
        &ImportOptions { dry_run: true, ..Default::default() },
        amends::progress::ignore,
    )
    .unwrap_err();
    assert!(e.to_string().contains("not a regular file"), "{e}");
}

trait CharDevice {
    fn is_char_device_like(&self) -> bool;
}

impl CharDevice for std::fs::FileType {
    fn is_char_device_like(&self) -> bool {
        use std::os::unix::fs::FileTypeExt;
        self.is_char_device()
    }
}

#[test]
fn the_cli_ends_quietly_on_a_closed_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "I'm sorry, but you were late.\n".repeat(200_000)).unwrap();
    let o = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "'{}' check '{}' | head -1; echo \"status ${{PIPESTATUS[0]}}\"",
            crate::common::amends_bin().display(),
            big.display()
        ))
        .output()
        .unwrap();
    let out = stdout(&o);
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    assert!(out.contains("status 141") || out.contains("status 1") || out.contains("status 0"), "{out}");
    assert!(!out.contains("status 101"), "{out}");
}

/// A minimal OpenDocument spreadsheet with the given table rows.
fn ods(path: &Path, rows: &str) {
    let f = std::fs::File::create(path).unwrap();
    let mut z = zip::ZipWriter::new(f);
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    z.start_file("mimetype", stored).unwrap();
    z.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
    z.start_file("META-INF/manifest.xml", deflated).unwrap();
    z.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    z.start_file("content.xml", deflated).unwrap();
    write!(z, r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Sheet1">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#).unwrap();
    z.finish().unwrap();
}

fn ods_row(cells: &[&str]) -> String {
    let cells: String = cells
        .iter()
        .map(|c| format!(r#"<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>"#))
        .collect();
    format!("<table:table-row>{cells}</table:table-row>")
}

#[test]
fn an_ods_with_a_million_repeated_rows_is_refused_and_a_plain_one_imports() {
    let dir = tempfile::tempdir().unwrap();
    let repeated = dir.path().join("repeated.ods");
    let rows = format!(
        r#"{}<table:table-row table:number-rows-repeated="2000000"><table:table-cell office:value-type="string"><text:p>Same Person</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1048000"><table:table-cell/></table:table-row>"#,
        ods_row(&["Name"])
    );
    ods(&repeated, &rows);
    assert!(std::fs::metadata(&repeated).unwrap().len() < 4096, "a tiny file");
    let (code, out) = import_in_child(dir.path(), &repeated);
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("says it has 2,000,001 cells; Amends reads at most 1,000,000"), "{out}");

    let plain = dir.path().join("plain.ods");
    let rows = format!(
        "{}{}{}<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell/></table:table-row>",
        ods_row(&["Name", "Email"]),
        ods_row(&["Zoë Ods", "zoe@example.com"]),
        ods_row(&["Bo Ods", "bo@example.com"])
    );
    ods(&plain, &rows);
    let (code, out) = import_in_child(dir.path(), &plain);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("Would add 2"), "{out}");
}
