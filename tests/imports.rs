//! Customer lists as other tools export them (`tests/data/imports/`): each
//! fixture beside a `.expected.json` of every customer it must give, field by
//! field, the rows it must skip, name after a contact, or keep apart.
use amends::spreadsheet::{self, ImportOptions};
use amends::Db;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/imports").join(name)
}

fn expected_for(fixture: &str) -> Value {
    let base = fixture.rsplit_once('.').expect("an extension").0;
    let text = std::fs::read_to_string(data(&format!("{base}.expected.json"))).expect("expectation file");
    serde_json::from_str(&text).expect("expectation JSON")
}

fn opt(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

/// Import one fixture into a fresh database and compare everything.
fn check(fixture: &str) {
    let want = expected_for(fixture);
    crate::common::each_engine(&format!("import {fixture}"), |mut db| {
        let report =
            spreadsheet::import_customers(&mut db, &data(fixture), &ImportOptions::default(), amends::progress::ignore)
                .unwrap_or_else(|e| panic!("{fixture}: {e}"));
        assert_eq!(report.invalid, vec![], "{fixture}: no row is invalid");
        let product = want["product"].as_str();
        let product = if fixture.ends_with(".vcf") { Some("vcard") } else { product };
        assert_eq!(report.product, product, "{fixture}: detected product");
        if let Some(line) = want["header_line"].as_u64() {
            assert_eq!(report.header_line, line, "{fixture}: header line");
        }
        let mut got = db.search_customers("", Some(10_000)).unwrap();
        got.sort_by_key(|c| c.id);
        let customers = want["customers"].as_array().unwrap();
        let names: Vec<&str> = got.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(got.len(), customers.len(), "{fixture}: customers {names:?}");
        for (c, w) in got.iter().zip(customers) {
            let who = format!("{fixture}: {}", c.name);
            assert_eq!(Some(c.name.clone()), opt(&w["name"]), "{who}: name");
            assert_eq!(c.company, opt(&w["company"]), "{who}: company");
            assert_eq!(c.email, opt(&w["email"]), "{who}: email");
            assert_eq!(c.phone, opt(&w["phone"]), "{who}: phone");
            let lines: Vec<String> =
                w["address_lines"].as_array().unwrap().iter().map(|l| l.as_str().unwrap().to_string()).collect();
            assert_eq!(c.address.lines, lines, "{who}: address lines");
            assert_eq!(c.address.city, opt(&w["city"]), "{who}: city");
            assert_eq!(c.address.region, opt(&w["region"]), "{who}: region");
            assert_eq!(c.address.postal_code, opt(&w["postal_code"]), "{who}: postal code");
            assert_eq!(c.address.country, opt(&w["country"]), "{who}: country");
            if let Some(tags) = w["tags"].as_array() {
                let tags: Vec<String> = tags.iter().map(|t| t.as_str().unwrap().to_string()).collect();
                assert_eq!(c.tags, tags, "{who}: tags");
            }
        }
        let named: Vec<String> = report.named_after_contact.iter().map(|n| n.name.clone()).collect();
        let want_named: Vec<String> = want["named_after_contact"]
            .as_array()
            .map(|a| a.iter().map(|n| n.as_str().unwrap().to_string()).collect())
            .unwrap_or_default();
        assert_eq!(named, want_named, "{fixture}: named after their email or phone");
        let skipped: Vec<u64> = report.skipped_rows.iter().map(|s| s.line).collect();
        let want_skipped: Vec<u64> = want["skipped"]
            .as_array()
            .map(|a| a.iter().map(|s| s["line"].as_u64().unwrap()).collect())
            .unwrap_or_default();
        assert_eq!(skipped, want_skipped, "{fixture}: skipped lines {:?}", report.skipped_rows);
        let pairs: Vec<(String, String)> =
            report.possible_duplicates.iter().map(|d| (d.other_name.clone(), d.name.clone())).collect();
        let want_pairs: Vec<(String, String)> = want["possible_duplicates"]
            .as_array()
            .map(|a| {
                a.iter().map(|p| (p[0].as_str().unwrap().to_string(), p[1].as_str().unwrap().to_string())).collect()
            })
            .unwrap_or_default();
        assert_eq!(pairs, want_pairs, "{fixture}: possible duplicates");
    });
}

macro_rules! fixtures {
    ($($test:ident => $file:literal),* $(,)?) => {
        $(#[test] fn $test() { check($file); })*
    };
}

fixtures! {
    shopify_customers => "shopify_customers.csv",
    square_customers => "square_customers.csv",
    quickbooks_report_with_title_lines_csv => "quickbooks_contact_list.csv",
    quickbooks_report_with_title_lines_xlsx => "quickbooks_contact_list.xlsx",
    xero_contacts => "xero_contacts.csv",
    wave_customers => "wave_customers.csv",
    zoho_books_contacts => "zoho_books_contacts.csv",
    freshbooks_clients => "freshbooks_clients.csv",
    invoicely_clients => "invoicely_clients.csv",
    akaunting_customers_xlsx => "akaunting_customers.xlsx",
    google_contacts => "google_contacts.csv",
    google_contacts_legacy_utf16 => "google_contacts_legacy.csv",
    outlook_desktop_windows_1252_all_quoted => "outlook_desktop.csv",
    outlook_com => "outlook_com.csv",
    hubspot_contacts => "hubspot_contacts.csv",
    mailchimp_audience => "mailchimp_audience.csv",
    vcards_21_quoted_printable => "vcards_21.vcf",
    vcards_30 => "vcards_30.vcf",
    vcards_40 => "vcards_40.vcf",
    vcards_with_cr_cr_lf_line_ends => "vcards_crcrlf.vcf",
    company_only_email_only_and_shared_phones => "edge_rows.csv",
    xlsx_numeric_phones_and_multiline_addresses => "multiline_addresses.xlsx",
}

#[test]
fn a_mapping_file_names_columns_like_map_does() {
    let m = ImportOptions::mapping_from_json(r#"{"name": "Client", "email": ["E-mail 1 - Value"], "ignore": "Notes"}"#)
        .unwrap();
    let keys: Vec<(&str, &str)> = m.iter().map(|(f, h)| (f.key(), h.as_str())).collect();
    assert_eq!(keys, [("email", "E-mail 1 - Value"), ("ignore", "Notes"), ("name", "Client")]);
    let e = ImportOptions::mapping_from_json(r#"{"nickname": "Nick"}"#).unwrap_err();
    assert!(e.to_string().contains("is not a customer field"), "{e}");
    assert!(ImportOptions::mapping_from_json("[1]").is_err());
}

/// New customers are indexed for search in one statement at the end of an
/// import (migration 003); one added and then changed by a later row of the
/// same file, and one already there and changed, must both be found by their
/// new names only.
#[test]
fn customers_added_or_changed_by_an_import_are_found_by_search() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(&dir.path().join("a.sqlite3")).unwrap();
    let old = crate::common::customer(&mut db, "Old Name");
    let with_email = amends::domain::CustomerInput {
        name: "Old Name".into(),
        email: Some("old@example.com".into()),
        ..Default::default()
    };
    db.update_customer(old, &with_email).unwrap();
    let file = dir.path().join("in.csv");
    std::fs::write(
        &file,
        "Name,Email\nFirst Spelling,tomas@example.com\nSecond Spelling,tomas@example.com\nRenamed Person,old@example.com\n",
    )
    .unwrap();
    let r = spreadsheet::import_customers(&mut db, &file, &ImportOptions::default(), amends::progress::ignore).unwrap();
    assert_eq!((r.added, r.updated), (1, 2));
    let names = |q: &str| db.search_customers(q, None).unwrap().into_iter().map(|c| c.name).collect::<Vec<_>>();
    assert_eq!(names("second spell"), ["Second Spelling"]);
    assert_eq!(names("first spell"), Vec::<String>::new());
    assert_eq!(names("renamed"), ["Renamed Person"]);
    assert_eq!(names("old name"), Vec::<String>::new());
    assert!(db.check_integrity().unwrap().is_empty(), "{:?}", db.check_integrity());
}

/// The column mapper's preview: the first rows as the import reads them; a
/// changed column changes the preview; the owner's choices are remembered for
/// the next file with the same header row.
#[test]
fn the_preview_follows_the_mapping_and_remembers_it() {
    use amends::spreadsheet::Field;
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(&dir.path().join("m.sqlite3")).unwrap();
    let p = spreadsheet::preview_import(&db, &data("shopify_customers.csv"), None, 3).unwrap();
    assert_eq!((p.product, p.header_line, p.rows.len(), p.remembered), (Some("shopify"), 1, 3, false));
    assert_eq!(p.rows[0].name.as_deref(), Some("Priya Raman"));

    let file = dir.path().join("list.csv");
    std::fs::write(&file, "Client,Reference,Town\nAda Lovelace,ada@example.com,London\n,,\nBo,bo@example.com,Leeds\n")
        .unwrap();
    let auto = spreadsheet::preview_import(&db, &file, None, 10).unwrap();
    assert_eq!(auto.rows.len(), 2, "blank lines are not rows");
    assert_eq!(auto.rows[0].email, None, "\"Reference\" means nothing by itself");
    let mine = vec![(Field::Email, "Reference".to_string()), (Field::Ignore, "Town".to_string())];
    let mapped = spreadsheet::preview_import(&db, &file, Some(&mine), 10).unwrap();
    assert_eq!(mapped.rows[0].email.as_deref(), Some("ada@example.com"));
    assert_eq!(mapped.rows[0].city, None, "the town column is ignored");
    let fields: Vec<Option<Field>> = mapped.columns.iter().map(|c| c.field).collect();
    assert_eq!(fields, [Some(Field::DisplayName), Some(Field::Email), Some(Field::Ignore)]);

    let r = spreadsheet::import_customers(
        &mut db,
        &file,
        &ImportOptions { mapping: mine.clone(), ..Default::default() },
        amends::progress::ignore,
    )
    .unwrap();
    assert_eq!(r.added, 2);
    let again = spreadsheet::preview_import(&db, &file, None, 10).unwrap();
    assert!(again.remembered);
    assert_eq!(again.mapping, mine);
    assert_eq!(again.rows[1].email.as_deref(), Some("bo@example.com"));
}

/// A big import into a small database drops the contact indexes and builds
/// them again at the end: afterwards the file is exactly Amends' schema (a
/// restore of it passes the schema check) and a second import still matches
/// existing customers by email.
#[test]
fn a_big_import_leaves_the_indexes_as_amends_builds_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(&dir.path().join("big.sqlite3")).unwrap();
    let file = dir.path().join("big.csv");
    let mut text = String::from("Name,Email,Phone,Address,City,Notes\n");
    for i in 0..6_000 {
        text.push_str(&format!(
            "Customer Number {i},customer.number.{i}@example.com,0117 496 {i:04},{i} Long Street Name,Bristol,A note long enough to count\n"
        ));
    }
    std::fs::write(&file, &text).unwrap();
    let r = spreadsheet::import_customers(&mut db, &file, &ImportOptions::default(), amends::progress::ignore).unwrap();
    assert_eq!(r.added, 6_000);
    let copy = dir.path().join("copy.sqlite3");
    db.backup_to(&copy).unwrap();
    let mut other = Db::open(&dir.path().join("other.sqlite3")).unwrap();
    other.restore_from(&copy).expect("the schema is Amends' own after the rebuild");
    std::fs::write(&file, "Name,Email\nRenamed Number 7,CUSTOMER.NUMBER.7@example.com\n").unwrap();
    let again =
        spreadsheet::import_customers(&mut db, &file, &ImportOptions::default(), amends::progress::ignore).unwrap();
    assert_eq!((again.added, again.updated), (0, 1));
    assert_eq!(db.search_customers("renamed number 7", None).unwrap().len(), 1);
}
