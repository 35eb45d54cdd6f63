//! What belongs to one computer, not to the records: which records it works
//! on (this computer's file, or a shared database) and the name of the person
//! using it. Kept in a small private file in the OS config folder, so the
//! shared database never holds one person's settings for everyone.
use crate::error::{Error, Result};
use crate::store::shared::{is_shared_url, SharedLocation};
use crate::store::{self, Db};
use serde::{Deserialize, Serialize};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ThisComputer {
    /// A `postgres://` URL; none means this computer's own file.
    pub shared_database: Option<String>,
    /// Who is working here, kept with what they change.
    pub person: Option<String>,
}

impl ThisComputer {
    /// `$XDG_CONFIG_HOME/dev.amends.desktop/this-computer.json` on Linux.
    pub fn default_path() -> Option<PathBuf> {
        dirs::config_dir().map(|d| d.join(store::APP_IDENTIFIER).join("this-computer.json"))
    }

    /// The settings in `path`; none yet is the default. A damaged file is
    /// said so, not silently replaced.
    pub fn load(path: &Path) -> Result<ThisComputer> {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|_| {
                Error::invalid(
                    "settings",
                    format!(
                        "{} is damaged. Delete it to start again with this computer's own records.",
                        path.display()
                    ),
                )
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ThisComputer::default()),
            Err(e) => Err(Error::io(path, e)),
        }
    }

    /// Write the settings whole (a new file renamed over the old one), readable
    /// by this user only: the address may hold a password.
    pub fn save(&self, path: &Path) -> Result<()> {
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io(dir, e))?;
        serde_json::to_writer_pretty(&mut tmp, self).map_err(|e| Error::io(path, e.into()))?;
        tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
        Ok(())
    }
}

/// Which records to open.
#[derive(Debug, Clone)]
#[allow(clippy::large_enum_variant)] // One per app, cloned rarely.
pub enum Records {
    File(PathBuf),
    Shared(SharedLocation),
}

impl Records {
    /// `AMENDS_DB` (a path or a URL) when given, else this computer's setting,
    /// else the file in the app-data folder.
    pub fn choose(env: Option<&OsStr>, settings: &ThisComputer) -> Result<Records> {
        if let Some(given) = env.filter(|g| !g.is_empty()) {
            return Records::named(given);
        }
        if let Some(url) = settings.shared_database.as_deref().filter(|u| !u.trim().is_empty()) {
            return Ok(Records::Shared(SharedLocation::parse(url)?));
        }
        Ok(Records::File(store::default_path()?))
    }

    pub fn named(given: &OsStr) -> Result<Records> {
        let text = given.to_string_lossy();
        if is_shared_url(&text) {
            Ok(Records::Shared(SharedLocation::parse(&text)?))
        } else {
            Ok(Records::File(store::location(given)?))
        }
    }

    pub fn open(&self) -> Result<Db> {
        match self {
            Records::File(p) => Db::open(p),
            Records::Shared(loc) => Db::open_shared(loc),
        }
    }

    /// Where they are, as a person may see it (never a password).
    pub fn shown(&self) -> String {
        match self {
            Records::File(p) => p.display().to_string(),
            Records::Shared(loc) => loc.shown().to_string(),
        }
    }

    pub fn file(&self) -> Option<&Path> {
        match self {
            Records::File(p) => Some(p),
            Records::Shared(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_a_damaged_file_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("this-computer.json");
        assert_eq!(ThisComputer::load(&path).unwrap(), ThisComputer::default());
        let s = ThisComputer {
            shared_database: Some("postgres://sam@db.example.com/shop".into()),
            person: Some("Sam".into()),
        };
        s.save(&path).unwrap();
        assert_eq!(ThisComputer::load(&path).unwrap(), s);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o077, 0, "private to its user");
        }
        std::fs::write(&path, "{ not json").unwrap();
        assert!(ThisComputer::load(&path).unwrap_err().to_string().contains("damaged"));
    }

    #[test]
    fn the_environment_wins_then_the_setting_then_the_file() {
        let shared = ThisComputer { shared_database: Some("postgres://sam@db.example.com/shop".into()), person: None };
        assert!(matches!(Records::choose(None, &shared).unwrap(), Records::Shared(_)));
        let env = OsStr::new("/tmp/x.sqlite3");
        assert!(matches!(Records::choose(Some(env), &shared).unwrap(), Records::File(_)));
        assert!(matches!(Records::choose(None, &ThisComputer::default()).unwrap(), Records::File(_)));
        assert_eq!(
            Records::named(OsStr::new("postgres://sam:pw@db.example.com/shop")).unwrap().shown(),
            "postgres://sam@db.example.com:5432/shop"
        );
    }
}
