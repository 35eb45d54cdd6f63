//! The files the owner names: what may be read, what may be replaced, and
//! writing without ever leaving half of one (a temporary file in the same
//! folder, synced, then renamed).
//!
//! An output may only replace a regular file the owner can write, never a
//! folder, a device, a pipe, or the records themselves (`refuse_database`);
//! an input must be a regular file, read through a size cap.
use crate::error::{Error, Result};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

fn refuse(path: &Path, why: &str) -> Error {
    Error::invalid("path", format!("{} {why}", path.display()))
}

/// May `path` be written (created, or replaced)? Only a regular file that is
/// not read-only, or a new name in an existing folder.
pub fn check_output(path: &Path) -> Result<()> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => Err(refuse(path, "is a folder; give a file name inside it.")),
        Ok(m) if !m.is_file() => {
            Err(refuse(path, "is not a regular file (a device or a pipe); Amends only writes ordinary files."))
        }
        Ok(m) if m.permissions().readonly() => {
            Err(refuse(path, "is read-only; Amends will not replace it. Choose another name."))
        }
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// May `path` be read? Only a regular file: a pipe could hang the app and a
/// device could be read forever.
pub fn check_input(path: &Path) -> Result<()> {
    let m = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if m.is_dir() {
        return Err(refuse(path, "is a folder, not a file."));
    }
    if !m.is_file() {
        return Err(refuse(path, "is not a regular file (a device or a pipe); choose an ordinary file."));
    }
    Ok(())
}

/// Read a regular file of at most `max` bytes.
pub fn read_capped(path: &Path, max: u64, what: &str) -> Result<Vec<u8>> {
    check_input(path)?;
    let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut bytes = Vec::new();
    f.take(max + 1).read_to_end(&mut bytes).map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > max {
        return Err(refuse(path, &format!("is larger than {} KB, the most Amends takes for {what}.", max / 1024)));
    }
    Ok(bytes)
}

/// The same file on disk, whatever the names (links, `..`, another spelling)?
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        #[cfg(unix)]
        (Ok(x), Ok(y)) => {
            use std::os::unix::fs::MetadataExt;
            x.dev() == y.dev() && x.ino() == y.ino()
        }
        #[cfg(not(unix))]
        (Ok(_), Ok(_)) => std::fs::canonicalize(a).ok() == std::fs::canonicalize(b).ok(),
        _ => false,
    }
}

/// Refuse `out` when it is the database file at `db` or its `-wal` / `-shm`
/// (compared by file identity, not by name), and when it may not be written at all.
pub fn refuse_database(out: &Path, db: Option<&Path>) -> Result<()> {
    check_output(out)?;
    let Some(db) = db else { return Ok(()) };
    if same_file(out, db) || sqlite_sidecars(db).iter().any(|g| same_file(out, g)) {
        return Err(refuse(
            out,
            "is where your records are kept; writing there would destroy them. Choose another file.",
        ));
    }
    Ok(())
}

/// The files SQLite keeps beside a database: its journal, WAL and shared memory.
pub fn sqlite_sidecars(db: &Path) -> [PathBuf; 3] {
    ["-journal", "-wal", "-shm"].map(|side| {
        let mut p = db.as_os_str().to_owned();
        p.push(side);
        PathBuf::from(p)
    })
}

pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut staged = stage(path, "write")?;
    staged.file_mut().write_all(bytes).map_err(|e| Error::io(path, e))?;
    staged.finish()
}

/// A file being written: a temporary file in the target's folder (so the
/// rename never crosses file systems), renamed over the target only by
/// `finish`, after a sync and the output checks. Dropped unfinished (an error,
/// a cancel), it is removed and the target is left as it was. The one way
/// Amends writes a file the owner asked for.
pub struct Staged {
    tmp: tempfile::NamedTempFile,
    target: std::path::PathBuf,
}

impl std::io::Write for Staged {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.tmp.as_file_mut().write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.tmp.as_file_mut().flush()
    }
}

/// Start writing `target` (see `Staged`); `what` names the temporary file (".amends-export-…").
pub fn stage(target: &Path, what: &str) -> Result<Staged> {
    check_output(target)?;
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".amends-{what}-"))
        .suffix(".partial")
        .tempfile_in(dir)
        .map_err(|e| Error::io(target, e))?;
    Ok(Staged { tmp, target: target.to_path_buf() })
}

impl Staged {
    pub fn file(&self) -> &std::fs::File {
        self.tmp.as_file()
    }

    pub fn file_mut(&mut self) -> &mut std::fs::File {
        self.tmp.as_file_mut()
    }

    /// Where the bytes are going until `finish`.
    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    /// Sync, check the target again (it may have changed meanwhile) and rename into place.
    pub fn finish(self) -> Result<()> {
        self.tmp.as_file().sync_all().map_err(|e| Error::io(&self.target, e))?;
        check_output(&self.target)?;
        let target = self.target;
        self.tmp.persist(&target).map(drop).map_err(|e| Error::io(&target, e.error))
    }
}

/// Paths in JSON as text, lossily: a file name that is not UTF-8 must never
/// make a report fail to print.
pub mod lossy_path {
    use std::path::{Path, PathBuf};

    pub fn serialize<S: serde::Serializer>(p: &Path, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&p.to_string_lossy())
    }

    pub mod option {
        use super::*;
        pub fn serialize<S: serde::Serializer>(p: &Option<PathBuf>, s: S) -> Result<S::Ok, S::Error> {
            match p {
                Some(p) => s.serialize_some(&p.to_string_lossy()),
                None => s.serialize_none(),
            }
        }
    }
}
