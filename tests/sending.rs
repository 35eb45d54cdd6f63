//! What the owner writes is what the customer gets: the CLI prints a given
//! text and keeps it as a version, refuses qualifiers unless told, lists and
//! marks versions; the email file is read back by Python's `email` package;
//! mail abroad is addressed in the destination's order (checked with
//! `pdftotext -bbox` inside the window); and a letter goes through a real
//! CUPS server to the cups-pdf printer.
use crate::common::{run, skipped, stderr, stdout};
use amends::domain::{Address, CustomerInput};
use std::path::{Path, PathBuf};
use std::process::Command;

fn pdftotext(path: &Path) -> String {
    let o = Command::new("pdftotext").args([path.to_str().unwrap(), "-"]).output().unwrap();
    assert!(o.status.success(), "pdftotext failed on {}", path.display());
    String::from_utf8(o.stdout).unwrap()
}

/// A sample database (the US interiors firm) in a temporary folder.
fn sample() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let o = run(&db, &["demo", "--customers", "12", "--incidents", "30", "--as-of", "2026-11-26"]);
    assert!(o.status.success(), "{}", stderr(&o));
    (dir, db)
}

/// Incident 1's customer gets an email address and a US address (domestic mail).
fn reachable(db: &Path) -> i64 {
    let mut d = amends::Db::open(db).unwrap();
    let inc = d.incident(1).unwrap();
    let c = d.customer(inc.customer_id).unwrap();
    let input = CustomerInput {
        name: c.name.clone(),
        email: Some("zoe@example.com".into()),
        address: Address {
            lines: vec!["27 Elm Grove".into()],
            city: Some("Madison".into()),
            region: Some("WI".into()),
            postal_code: Some("53703".into()),
            country: Some("USA".into()),
        },
        ..Default::default()
    };
    d.update_customer(c.id, &input).unwrap();
    inc.id
}

#[test]
fn the_edited_text_is_what_prints_and_is_kept_as_a_version() {
    let (dir, db) = sample();
    let id = reachable(&db);
    let text = dir.path().join("mine.txt");
    std::fs::write(
        &text,
        "Dear Zoë,\n\nI painted your bedroom the wrong green, and that is on me.\nI will repaint it on Friday.\n\n- Sage Mist, as you chose\n- Two coats, at no charge\n\nYours sincerely,\nMorgan Finch\nOwner",
    )
    .unwrap();
    let out = dir.path().join("mine.pdf");
    let o = run(
        &db,
        &["letter", "apology", &id.to_string(), "--text", text.to_str().unwrap(), "-o", out.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Wrote version 1"), "{}", stdout(&o));
    let printed = pdftotext(&out);
    assert!(printed.contains("I painted your bedroom the wrong green, and that is on me."), "{printed}");
    assert!(printed.contains("Sage Mist, as you chose"));
    assert!(printed.contains("Harbour & Finch Interiors"), "letterhead from the profile");
    assert!(printed.contains("27 Elm Grove") && printed.contains("Madison WI 53703"), "{printed}");
    assert!(!printed.contains("UNITED STATES") && !printed.contains("USA"), "domestic mail has no country line");

    // The same words again are the same version; other words are a new one.
    let again = run(
        &db,
        &["letter", "apology", &id.to_string(), "--text", text.to_str().unwrap(), "-o", out.to_str().unwrap()],
    );
    assert!(stdout(&again).contains("Wrote version 1"), "{}", stdout(&again));
    let list = run(&db, &["letters", "list", &id.to_string(), "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&list)).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["kind"], "apology");
    assert_eq!(v[0]["first_line"], "I painted your bedroom the wrong green, and that is on me.");
    assert!(v[0]["sent_at"].is_null());

    // A kept version prints again by number, and is marked sent by number.
    let out2 = dir.path().join("v1.pdf");
    let o = run(&db, &["letter", "apology", &id.to_string(), "--version", "1", "-o", out2.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(pdftotext(&out2).contains("wrong green"));
    let o = run(&db, &["letter", "apology", &id.to_string(), "--version", "7", "-o", out2.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("there is no version 7") || stderr(&o).contains("one kept letter"), "{}", stderr(&o));
    let o = run(&db, &["letters", "sent", &id.to_string(), "--version", "1"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let d = amends::Db::open(&db).unwrap();
    let inc = d.incident(id).unwrap();
    assert!(inc.steps.iter().any(|s| s.step == amends::domain::RecoveryStep::Apologised && s.done_at.is_some()));
    assert!(d.letters(id).unwrap()[0].sent_at.is_some());
    assert!(inc.timeline.iter().any(|t| t.text == "Posted the apology letter (version 1)."), "{:?}", inc.timeline);
}

#[test]
fn qualifiers_stop_the_letter_unless_the_owner_says_anyway() {
    let (dir, db) = sample();
    let id = reachable(&db).to_string();
    let text = dir.path().join("hedged.txt");
    std::fs::write(&text, "Dear Zoë,\n\nI am sorry if the colour was not what you expected, but the card was clear.")
        .unwrap();
    let out = dir.path().join("hedged.pdf");
    let o = run(&db, &["letter", "apology", &id, "--text", text.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("sorry if"), "{}", stderr(&o));
    assert!(!out.exists(), "nothing is written without --anyway");
    let o = run(
        &db,
        &["letter", "apology", &id, "--text", text.to_str().unwrap(), "-o", out.to_str().unwrap(), "--anyway"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(pdftotext(&out).contains("the card was clear"));
    // Standard input works too.
    let mut child = Command::new(crate::common::amends_bin())
        .args(["--db", db.to_str().unwrap(), "letter", "apology", &id, "--text", "-", "-o", out.to_str().unwrap()])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all("I got this wrong. I am sorry. It is fixed today.".as_bytes()).unwrap();
    assert!(child.wait_with_output().unwrap().status.success());
    assert!(pdftotext(&out).contains("I got this wrong. I am sorry."));
}

/// Python's `email` package (policy.default) reads the message back.
fn parse_eml(path: &Path) -> Option<serde_json::Value> {
    let script = r#"
import sys, json, email
from email import policy
m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=policy.default)
body = m.get_body(preferencelist=('plain',))
atts = [(a.get_filename(), a.get_content_type(), len(a.get_content())) for a in m.iter_attachments()]
for a in m.iter_attachments():
    open(sys.argv[1] + '.' + a.get_filename(), 'wb').write(a.get_content())
print(json.dumps({'to': str(m['To']), 'from': str(m['From']), 'subject': str(m['Subject']),
                  'body': body.get_content() if body else None, 'attachments': atts, 'defects': len(m.defects)}))
"#;
    let o = Command::new("python3").args(["-c", script, path.to_str().unwrap()]).output().ok()?;
    assert!(o.status.success(), "python could not read the .eml: {}", String::from_utf8_lossy(&o.stderr));
    Some(serde_json::from_slice(&o.stdout).unwrap())
}

#[test]
fn the_email_file_opens_in_a_standard_reader_with_the_letter_attached() {
    let (dir, db) = sample();
    let id = reachable(&db).to_string();
    let mut d = amends::Db::open(&db).unwrap();
    let on = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    d.add_change(1, on, "Tint codes are now scanned, never copied by hand").unwrap();
    drop(d);

    let text = dir.path().join("note.txt");
    std::fs::write(&text, "Subject: What we changed, Zoë\n\nDear Zoë,\n\nWe now scan every tint code.\n\nWith my apologies again,\nMorgan Finch").unwrap();
    let eml = dir.path().join("follow-up.eml");
    let o = run(&db, &["email", "follow-up", &id, "--text", text.to_str().unwrap(), "-o", eml.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let Some(m) = parse_eml(&eml) else {
        skipped("the .eml read back by Python", "python3 is not installed");
        return;
    };
    assert!(m["to"].as_str().unwrap().contains("zoe@example.com"), "{m}");
    assert!(m["from"].as_str().unwrap().contains("morgan@harbourfinch.example"), "{m}");
    assert_eq!(m["subject"], "What we changed, Zoë");
    assert!(m["body"].as_str().unwrap().contains("We now scan every tint code."), "{m}");
    assert_eq!(m["defects"], 0);
    let atts = m["attachments"].as_array().unwrap();
    assert_eq!(atts.len(), 1, "{m}");
    assert_eq!(atts[0][1], "application/pdf");
    let name = atts[0][0].as_str().unwrap();
    assert!(name.starts_with("what-we-changed-") && name.ends_with(".pdf"), "{name}");
    let pdf = PathBuf::from(format!("{}.{name}", eml.display()));
    let q = Command::new("qpdf").arg("--check").arg(&pdf).output().unwrap();
    assert!(q.status.success(), "qpdf: {}", String::from_utf8_lossy(&q.stdout));
    assert!(pdftotext(&pdf).contains("We now scan every tint code."));

    // The apology email has no attachment, and the draft is used when no text is given.
    let eml2 = dir.path().join("apology.eml");
    let o = run(&db, &["email", "apology", &id, "-o", eml2.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let m = parse_eml(&eml2).unwrap();
    assert_eq!(m["attachments"].as_array().unwrap().len(), 0);
    assert!(m["body"].as_str().unwrap().contains("Morgan Finch"));
    // No email address: a clear error and no file.
    let mut d = amends::Db::open(&db).unwrap();
    let c = d.customer(d.incident(1).unwrap().customer_id).unwrap();
    d.update_customer(c.id, &CustomerInput { name: c.name.clone(), ..Default::default() }).unwrap();
    drop(d);
    let eml3 = dir.path().join("none.eml");
    let o = run(&db, &["email", "apology", &id, "-o", eml3.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("has no email address"), "{}", stderr(&o));
    assert!(!eml3.exists());
}

/// Words of the PDF's first page with their boxes, from `pdftotext -bbox`.
fn words_with_boxes(pdf: &Path) -> Vec<(String, f32, f32, f32, f32)> {
    let o =
        Command::new("pdftotext").args(["-bbox", "-f", "1", "-l", "1", pdf.to_str().unwrap(), "-"]).output().unwrap();
    let html = String::from_utf8(o.stdout).unwrap();
    let attr = |tag: &str, name: &str| -> f32 {
        let i = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[i..tag[i..].find('"').unwrap() + i].parse().unwrap()
    };
    html.split("<word ")
        .skip(1)
        .map(|w| {
            let (tag, rest) = w.split_once('>').unwrap();
            let text = rest.split("</word>").next().unwrap().replace("&amp;", "&");
            (text, attr(tag, "xMin"), attr(tag, "yMin"), attr(tag, "xMax"), attr(tag, "yMax"))
        })
        .collect()
}

/// The lines of text inside a rectangle (points, top-left origin), top to bottom.
fn lines_inside(words: &[(String, f32, f32, f32, f32)], x: f32, y: f32, w: f32, h: f32) -> Vec<String> {
    let mut inside: Vec<_> =
        words.iter().filter(|t| t.1 >= x - 0.5 && t.3 <= x + w + 0.5 && t.2 >= y - 0.5 && t.4 <= y + h + 0.5).collect();
    inside.sort_by(|a, b| (a.2, a.1).partial_cmp(&(b.2, b.1)).unwrap());
    let mut lines: Vec<(f32, String)> = Vec::new();
    for t in inside {
        match lines.last_mut() {
            Some((y0, l)) if (t.2 - *y0).abs() < 2.0 => {
                l.push(' ');
                l.push_str(&t.0);
            }
            _ => lines.push((t.2, t.0.clone())),
        }
    }
    lines.into_iter().map(|(_, l)| l).collect()
}

/// For each country the sample data uses, a letter from the US business: the
/// address block inside the envelope window ends with the destination in
/// capitals (no country line at home), in that country's order.
#[test]
fn mail_abroad_ends_with_the_country_inside_the_window() {
    let (dir, db) = sample();
    let id = reachable(&db);
    let d = amends::Db::open(&db).unwrap();
    let profile = d.profile().unwrap();
    let spec = amends::letters::document_spec(&d, None).unwrap();
    let win = amends::pdf::window_for(spec.paper, &spec.envelope);
    drop(d);
    let cases: [(&str, Option<&str>, &str, &[&str]); 4] = [
        ("United Kingdom", None, "BS1 4DJ", &["12 Mill Road", "BRISTOL", "BS1 4DJ", "UNITED KINGDOM"]),
        ("Canada", Some("NS"), "B3H 1A1", &["12 Mill Road", "HALIFAX NS B3H 1A1", "CANADA"]),
        ("Australia", Some("TAS"), "7000", &["12 Mill Road", "HOBART TAS 7000", "AUSTRALIA"]),
        ("United States", Some("OR"), "97209", &["12 Mill Road", "Portland OR 97209"]),
    ];
    let towns = ["Bristol", "Halifax", "Hobart", "Portland"];
    for ((country, region, code, expected), town) in cases.iter().zip(towns) {
        let mut d = amends::Db::open(&db).unwrap();
        let c = d.customer(d.incident(id).unwrap().customer_id).unwrap();
        let input = CustomerInput {
            name: "Aoife Byrne".into(),
            address: Address {
                lines: vec!["12 Mill Road".into()],
                city: Some(town.into()),
                region: region.map(str::to_string),
                postal_code: Some(code.to_string()),
                country: Some(country.to_string()),
            },
            ..Default::default()
        };
        d.update_customer(c.id, &input).unwrap();
        drop(d);
        let out = dir.path().join(format!("{country}.pdf"));
        let o = run(&db, &["letter", "apology", &id.to_string(), "-o", out.to_str().unwrap()]);
        assert!(o.status.success(), "{country}: {}", stderr(&o));
        let words = words_with_boxes(&out);
        let mm = 72.0 / 25.4;
        let lines = lines_inside(&words, win.left_mm * mm, win.top_mm * mm, win.width_mm * mm, win.height_mm * mm);
        // The return line comes first, then the name, then the address.
        let name_at = lines.iter().position(|l| l == "Aoife Byrne").unwrap_or_else(|| panic!("{country}: {lines:?}"));
        assert_eq!(&lines[name_at + 1..], *expected, "{country} from {:?}", profile.country);
        let ret = &lines[..name_at].join(" ");
        assert_eq!(ret.contains("UNITED STATES"), *country != "United States", "{country}: return line {ret}");
        if *country == "United Kingdom" {
            std::fs::copy(&out, dir.path().join("abroad.pdf")).unwrap();
            let png = Path::new(env!("CARGO_TARGET_TMPDIR")).join("letter-to-the-uk");
            Command::new("pdftoppm")
                .args(["-r", "70", "-png", "-f", "1", "-l", "1", "-singlefile"])
                .arg(&out)
                .arg(&png)
                .status()
                .unwrap();
        }
    }
}

/// The letter goes through a real CUPS server to the cups-pdf printer, and
/// the printed PDF holds the owner's words.
#[test]
fn a_letter_prints_through_cups() {
    let (Ok(_server), Ok(out_dir)) = (std::env::var("CUPS_SERVER"), std::env::var("AMENDS_TEST_PRINT_OUT")) else {
        skipped("printing through CUPS", "no private CUPS server (run through tests/cups/with-cups.sh, as root)");
        return;
    };
    let (dir, db) = sample();
    let id = reachable(&db);
    let o = run(&db, &["printers", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let p: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(p["default"], "AmendsPDF", "{p}");
    let before: Vec<_> = std::fs::read_dir(&out_dir).unwrap().flatten().map(|e| e.path()).collect();
    let mut d = amends::Db::open(&db).unwrap();
    let words =
        "Dear Zoë,\n\nI printed this one myself, through CUPS, and I am sorry.\n\nYours sincerely,\nMorgan Finch";
    let printed = amends::letters::send::print(
        &mut d,
        id,
        amends::domain::LetterKind::Apology,
        amends::draft::Tone::Warm,
        words,
        Some("AmendsPDF"),
    )
    .unwrap();
    assert!(printed.job.contains("AmendsPDF"), "{}", printed.job);
    assert_eq!(printed.kept.version, 1);
    // cups-pdf writes the file a moment after the job is queued.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let file = loop {
        let new: Vec<_> = std::fs::read_dir(&out_dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| !before.contains(p) && p.extension().is_some_and(|e| e == "pdf"))
            .collect();
        if let Some(f) = new.first().filter(|f| std::fs::metadata(f).map(|m| m.len() > 1000).unwrap_or(false)) {
            std::thread::sleep(std::time::Duration::from_millis(300));
            break f.clone();
        }
        assert!(std::time::Instant::now() < deadline, "cups-pdf wrote nothing in {out_dir}");
        std::thread::sleep(std::time::Duration::from_millis(200));
    };
    let text = pdftotext(&file);
    assert!(text.contains("I printed this one myself, through CUPS, and I am sorry."), "{text}");
    assert!(text.contains("Harbour & Finch Interiors"));
    // A printer that does not exist is a clear error.
    let e = amends::printing::print_pdf(&file, Some("NoSuchPrinter")).unwrap_err();
    assert!(e.to_string().contains("could not print"), "{e}");
    drop(dir);
}
