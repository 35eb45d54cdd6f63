//! Photos of changes: a cause's photo prints under its change in every
//! follow-up letter (one image object, about 150 dpi), the owner's own words
//! keep it, the email carries it, Undo of a delete brings an incident's photos
//! back, and files that are not usable photos get messages.
use crate::common::{run, stderr, stdout};
use amends::causes::{self, Who};
use amends::domain::{CauseInput, RecoveryStep};
use amends::store::{PhotoOwner, StepAction};
use amends::{dates, Db};
use std::path::Path;
use std::process::Command;

fn customer(db: &mut Db, name: &str) -> i64 {
    let email = format!("{}@example.com", name.to_lowercase());
    crate::common::addressed_customer(db, name, "kiln-7", Some(&email))
}

/// A phone-sized photo: 3000 × 2000 pixels of a gradient, as PNG.
fn big_png(path: &Path) {
    let img = image::RgbImage::from_fn(3000, 2000, |x, y| image::Rgb([(x / 12) as u8, (y / 8) as u8, 120]));
    img.save(path).unwrap();
}

/// `pdfimages -list` rows: (page, type, width, height, object number, x-ppi).
fn images(pdf: &Path) -> Vec<(u32, String, u32, u32, u32, u32)> {
    let o = Command::new("pdfimages").arg("-list").arg(pdf).output().expect("pdfimages runs");
    assert!(o.status.success());
    String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .skip(2)
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (
                f[0].parse().unwrap(),
                f[2].into(),
                f[3].parse().unwrap(),
                f[4].parse().unwrap(),
                f[10].parse().unwrap(),
                f[12].parse().unwrap(),
            )
        })
        .collect()
}

fn pdftotext(pdf: &Path) -> String {
    String::from_utf8(Command::new("pdftotext").arg(pdf).arg("-").output().unwrap().stdout).unwrap()
}

#[test]
fn a_cause_photo_prints_under_its_change_in_every_follow_up() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.sqlite3");
    let mut db = Db::open(&path).unwrap();
    db.save_profile(&amends::demo::sample_profile()).unwrap();
    for n in ["Ada", "Grace", "Edsger"] {
        customer(&mut db, n);
    }
    let cause = db.add_cause(&CauseInput { title: "Kiln 7 ran hot".into(), ..Default::default() }).unwrap();
    let r = causes::affect(&mut db, cause.id, &Who::Tag("kiln-7".into()), false).unwrap();
    for i in &r.incident_ids {
        db.record_step(*i, RecoveryStep::Contacted, StepAction::Done(dates::now())).unwrap();
        db.record_step(*i, RecoveryStep::Fixed, StepAction::Done(dates::now())).unwrap();
    }
    drop(db);

    let photo = dir.path().join("new-kiln-controller.png");
    big_png(&photo);
    let id = cause.id.to_string();
    let text = "Kiln 7 now has a controller that stops it above 1240 degrees";
    let o = run(&path, &["causes", "change", &id, "--text", text, "--photo", photo.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("with its photo"), "{}", stdout(&o));

    let out = dir.path().join("follow-ups.pdf");
    let o = run(&path, &["letter", "follow-up", "--cause", &id, "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(pdftotext(&out).matches(text).count(), 3);
    assert!(Command::new("qpdf").arg("--check").arg(&out).status().unwrap().success());
    let imgs = images(&out);
    assert_eq!(imgs.len(), 3, "one photo drawn in each letter: {imgs:?}");
    let pages: Vec<u32> = imgs.iter().map(|i| i.0).collect();
    assert_eq!(pages.len(), 3);
    assert!(imgs.iter().all(|i| i.1 == "image" && i.4 == imgs[0].4), "one image object, embedded once: {imgs:?}");
    let (w, h, ppi) = (imgs[0].2, imgs[0].3, imgs[0].5);
    assert_eq!((w, h), (472, 315), "reduced from 3000 × 2000 for print");
    assert!((140..=200).contains(&ppi), "printed at {ppi} ppi");
    let enc = Command::new("pdfimages").arg("-list").arg(&out).output().unwrap();
    assert!(String::from_utf8_lossy(&enc.stdout).contains("jpeg"), "embedded as JPEG");

    // The owner's own words: the photo goes after the paragraph naming the change.
    let inc = r.incident_ids[0].to_string();
    let words = dir.path().join("words.txt");
    std::fs::write(
        &words,
        format!("Dear Ada,\n\nHere is what we changed:\n\n- {text}.\n\nThank you for telling us.\n\nYours sincerely,\nMorgan"),
    )
    .unwrap();
    let own = dir.path().join("own.pdf");
    let o = run(&path, &["letter", "follow-up", &inc, "--text", words.to_str().unwrap(), "-o", own.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(images(&own).len(), 1);
    let t = pdftotext(&own);
    let (change_at, thanks_at) = (t.find("stops it above").unwrap(), t.find("Thank you for telling us").unwrap());
    assert!(change_at < thanks_at, "{t}");

    // The email version attaches the photo beside the PDF.
    let eml = dir.path().join("f.eml");
    let o = run(&path, &["email", "follow-up", &inc, "-o", eml.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let py = "import email,sys\nm=email.message_from_binary_file(open(sys.argv[1],'rb'))\nfor p in m.walk():\n  if p.get_filename(): print(p.get_content_type(), p.get_filename(), len(p.get_payload(decode=True)))";
    let o = Command::new("python3").args(["-c", py]).arg(&eml).output().unwrap();
    let parts = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(parts.contains("application/pdf"), "{parts}");
    assert!(parts.contains("image/jpeg 1-new-kiln-controller.jpg"), "{parts}");
}

#[test]
fn photos_are_checked_limited_and_come_back_with_undo() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.sqlite3");
    let mut db = Db::open(&path).unwrap();
    let c = customer(&mut db, "Ada");
    let inc = db
        .add_incident(&amends::domain::IncidentInput {
            customer_id: c,
            title: "Cracked glaze".into(),
            category: Some("quality".into()),
            ..Default::default()
        })
        .unwrap();
    let photo = dir.path().join("shelf.png");
    big_png(&photo);
    let prepared = amends::photos::prepare_file(&photo).unwrap();
    let change = db
        .add_change_with_photos(inc.id, dates::today(), "New shelf liners", &[prepared.clone(), prepared.clone()])
        .unwrap();
    assert_eq!(change.photos.len(), 2);
    let third = db.add_change_photo(PhotoOwner::Change(change.id), "three.png", &prepared.1).unwrap_err();
    assert!(third.to_string().contains("Remove one first"), "{third}");
    // A change that failed on its photos leaves no change behind.
    let before = db.incident(inc.id).unwrap().changes.len();
    let three = vec![prepared.clone(), prepared.clone(), prepared.clone()];
    assert!(db.add_change_with_photos(inc.id, dates::today(), "Another", &three).is_err());
    assert_eq!(db.incident(inc.id).unwrap().changes.len(), before);

    let thumb = db.photo_thumb(change.photos[0].id).unwrap();
    assert!(thumb.starts_with(&[0xFF, 0xD8]) && thumb.len() < 40_000, "{} bytes", thumb.len());
    let deleted = db.delete_incident(inc.id).unwrap();
    assert!(db.photo_jpeg(change.photos[0].id).is_err(), "deleted with its incident");
    db.undelete_incident(&deleted).unwrap();
    let back = db.incident(inc.id).unwrap();
    assert_eq!(back.changes[0].photos, change.photos);
    assert_eq!(db.photo_jpeg(change.photos[1].id).unwrap(), prepared.1.jpeg);
    db.remove_photo(change.photos[0].id).unwrap();
    assert_eq!(db.incident(inc.id).unwrap().changes[0].photos.len(), 1);
    drop(db);

    let heic = dir.path().join("IMG_0042.HEIC");
    let mut bytes = vec![0, 0, 0, 24];
    bytes.extend_from_slice(b"ftypheic");
    bytes.extend_from_slice(&[0; 64]);
    std::fs::write(&heic, bytes).unwrap();
    let o = run(
        &path,
        &["incidents", "change", &inc.id.to_string(), "--text", "Liners", "--photo", heic.to_str().unwrap()],
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("HEIC") && stderr(&o).contains("JPEG"), "{}", stderr(&o));
    let db = Db::open(&path).unwrap();
    assert_eq!(db.incident(inc.id).unwrap().changes.len(), 1, "nothing was added");
}
