//! Photos of changes: kept in the database beside the change they show, so a
//! backup holds them and an erase or delete takes them along.
use std::collections::BTreeMap;

use super::sql::{args, Row, Sql};
use serde::{Deserialize, Serialize};

use super::Db;
use crate::dates;
use crate::domain::incident::PhotoInfo;
use crate::domain::Change;
use crate::error::{Error, Result};
use crate::pdf::LetterPhoto;
use crate::photos::{PreparedPhoto, PHOTOS_PER_CHANGE};

/// Which change a photo belongs to: one of a cause's, or one an incident recorded itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum PhotoOwner {
    CauseChange(i64),
    Change(i64),
}

impl PhotoOwner {
    fn column(self) -> (&'static str, &'static str, i64) {
        match self {
            PhotoOwner::CauseChange(id) => ("cause_change_id", "cause_changes", id),
            PhotoOwner::Change(id) => ("change_id", "changes", id),
        }
    }
}

/// A photo with its bytes, kept while an incident is deleted so Undo can put it back.
#[derive(Clone, PartialEq, Eq)]
pub struct StoredPhoto {
    pub id: i64,
    pub change_id: i64,
    pub file_name: String,
    pub width: u32,
    pub height: u32,
    pub jpeg: Vec<u8>,
    pub thumb: Vec<u8>,
    pub added_at: String,
}

impl std::fmt::Debug for StoredPhoto {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "StoredPhoto(#{} of change {}, {})", self.id, self.change_id, self.file_name)
    }
}

fn info(r: &Row) -> Result<PhotoInfo> {
    Ok(PhotoInfo { id: r.get(0)?, file_name: r.get(1)?, width: r.get(2)?, height: r.get(3)? })
}

/// Fill in the photos of each change (`cause`: they are a cause's changes).
pub(crate) fn attach(conn: Sql, changes: &mut [Change], cause: bool) -> Result<()> {
    let sql = if cause {
        "SELECT id, file_name, width, height FROM change_photos WHERE cause_change_id = ? ORDER BY id"
    } else {
        "SELECT id, file_name, width, height FROM change_photos WHERE change_id = ? ORDER BY id"
    };
    for c in changes {
        c.photos = conn.query_map(sql, [c.id], info)?;
    }
    Ok(())
}

/// The photos of an incident's own changes, with their bytes (before a delete).
pub(crate) fn of_incident(conn: Sql, incident_id: i64) -> Result<Vec<StoredPhoto>> {
    conn.query_map(
        "SELECT p.id, p.change_id, p.file_name, p.width, p.height, p.jpeg, p.thumb, p.added_at
         FROM change_photos p JOIN changes c ON c.id = p.change_id WHERE c.incident_id = ? ORDER BY p.id",
        [incident_id],
        |r| {
            Ok(StoredPhoto {
                id: r.get(0)?,
                change_id: r.get(1)?,
                file_name: r.get(2)?,
                width: r.get(3)?,
                height: r.get(4)?,
                jpeg: r.get(5)?,
                thumb: r.get(6)?,
                added_at: r.get(7)?,
            })
        },
    )
}

/// Put photos back exactly as they were (the undo after a delete).
pub(crate) fn restore(tx: &Sql, photos: &[StoredPhoto]) -> Result<()> {
    for p in photos {
        tx.execute(
            "INSERT INTO change_photos (id, change_id, file_name, width, height, jpeg, thumb, added_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            args![p.id, p.change_id, p.file_name, p.width, p.height, p.jpeg, p.thumb, p.added_at],
        )?;
    }
    Ok(())
}

/// Add a photo to a change inside the caller's transaction.
pub(crate) fn insert(tx: &Sql, owner: PhotoOwner, file_name: &str, photo: &PreparedPhoto) -> Result<PhotoInfo> {
    let (column, table, id) = owner.column();
    let file_name = file_name.trim();
    let file_name = if file_name.is_empty() { "photo.jpg" } else { file_name };
    let found: Option<i64> = tx.query_opt(&format!("SELECT id FROM {table} WHERE id = ?"), [id], |r| r.get(0))?;
    if found.is_none() {
        return Err(Error::not_found(format!("Change #{id}")));
    }
    let count: i64 = tx.one(&format!("SELECT COUNT(*) FROM change_photos WHERE {column} = ?"), [id])?;
    if count as usize >= PHOTOS_PER_CHANGE {
        return Err(Error::invalid(
            "photo",
            format!("A change can show {PHOTOS_PER_CHANGE} photos, as many as the letter prints under it. Remove one first."),
        ));
    }
    let photo_id = tx.insert(
        &format!(
            "INSERT INTO change_photos ({column}, file_name, width, height, jpeg, thumb, added_at)
             VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"
        ),
        args![id, file_name, photo.width, photo.height, photo.jpeg, photo.thumb, dates::to_text(dates::now())],
    )?;
    Ok(PhotoInfo { id: photo_id, file_name: file_name.to_string(), width: photo.width, height: photo.height })
}

impl Db {
    /// Keep a prepared photo with a change (at most two print under one change).
    pub fn add_change_photo(&mut self, owner: PhotoOwner, file_name: &str, photo: &PreparedPhoto) -> Result<PhotoInfo> {
        self.write(|tx| insert(tx, owner, file_name, photo))
    }

    /// The print copies of every photo the follow-up letters of these
    /// incidents show (their own changes' and their causes'), by photo id,
    /// each once however many incidents share it.
    pub fn print_photos(&self, incident_ids: &[i64]) -> Result<BTreeMap<i64, LetterPhoto>> {
        let sql = "SELECT p.id, p.width, p.height FROM change_photos p
               JOIN changes c ON c.id = p.change_id WHERE c.incident_id = ?1
             UNION
             SELECT p.id, p.width, p.height FROM change_photos p
               JOIN cause_changes cc ON cc.id = p.cause_change_id
               JOIN incidents i ON i.cause_id = cc.cause_id WHERE i.id = ?1";
        let mut out = BTreeMap::new();
        for id in incident_ids {
            let rows: Vec<(i64, u32, u32)> =
                self.sql().query_map(sql, [id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            for (pid, width, height) in rows {
                if let std::collections::btree_map::Entry::Vacant(e) = out.entry(pid) {
                    e.insert(LetterPhoto { jpeg: self.photo_jpeg(pid)?.into(), width, height });
                }
            }
        }
        Ok(out)
    }

    /// Take a photo off its change.
    pub fn remove_photo(&mut self, photo_id: i64) -> Result<()> {
        self.write(|tx| {
            if tx.execute("DELETE FROM change_photos WHERE id = ?", [photo_id])? == 0 {
                return Err(Error::not_found(format!("Photo #{photo_id}")));
            }
            Ok(())
        })
    }

    /// The print copy of a photo (JPEG, about 150 dpi at its printed size).
    pub fn photo_jpeg(&self, photo_id: i64) -> Result<Vec<u8>> {
        self.photo_bytes(photo_id, "jpeg")
    }

    /// The screen thumbnail of a photo (JPEG, 240 pixels on its longer side).
    pub fn photo_thumb(&self, photo_id: i64) -> Result<Vec<u8>> {
        self.photo_bytes(photo_id, "thumb")
    }

    fn photo_bytes(&self, photo_id: i64, column: &str) -> Result<Vec<u8>> {
        self.sql()
            .query_opt(&format!("SELECT {column} FROM change_photos WHERE id = ?"), [photo_id], |r| r.get(0))?
            .ok_or_else(|| Error::not_found(format!("Photo #{photo_id}")))
    }
}
