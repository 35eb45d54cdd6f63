//! Where a shared database is: a `postgres://` URL, read into a connection
//! setting that never shows its password.
//!
//! Beyond what the PostgreSQL client parses itself, the URL may name a
//! password file (`?passfile=/path`, as libpq does), and `PGPASSFILE` or
//! `~/.pgpass` are read when it gives no password. TLS is required (and the
//! server's certificate checked) for any host but this computer.
use crate::error::{Error, Result};
use postgres::config::{Host, SslMode};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// A shared database: how to reach it, and how to name it to a person.
#[derive(Clone)]
pub struct SharedLocation {
    config: postgres::Config,
    shown: String,
}

impl std::fmt::Debug for SharedLocation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown)
    }
}

/// Whether the text the owner gave names a shared database rather than a file.
pub fn is_shared_url(text: &str) -> bool {
    let t = text.trim();
    t.starts_with("postgres://") || t.starts_with("postgresql://")
}

impl SharedLocation {
    /// Read a `postgres://` URL. The password may be in the URL, in the file
    /// `?passfile=` names, in `PGPASSFILE` or in `~/.pgpass`.
    pub fn parse(url: &str) -> Result<SharedLocation> {
        let url = url.trim();
        if !is_shared_url(url) {
            return Err(invalid("A shared database is named by a URL that starts with postgres://"));
        }
        let (base, passfile, ssl) = take_our_params(url)?;
        let mut config = postgres::Config::from_str(&base).map_err(|e| {
            // The client's message names the option, never the values.
            invalid(format!("The shared database address is not a valid postgres:// URL ({e})."))
        })?;
        if let Some(mode) = ssl {
            config.ssl_mode(mode);
        }
        if config.get_hosts().is_empty() {
            config.host("localhost");
        }
        if config.get_user().is_none() {
            config.user(&std::env::var("USER").unwrap_or_else(|_| "postgres".into()));
        }
        let shown = shown(&config);
        if config.get_password().is_none() {
            let named = passfile.or_else(|| std::env::var_os("PGPASSFILE").map(PathBuf::from));
            let file = match named {
                Some(p) => Some((p, true)),
                None => dirs::home_dir().map(|h| (h.join(".pgpass"), false)),
            };
            if let Some((path, explicit)) = file {
                if let Some(pw) = password_from_file(&path, explicit, &config, &shown)? {
                    config.password(pw);
                }
            }
        }
        if !is_local(&config) {
            match config.get_ssl_mode() {
                SslMode::Disable => {
                    return Err(Error::shared(
                        &shown,
                        "is on another computer, so Amends talks to it only over TLS (encrypted). \
                         Remove sslmode=disable from the address, or ask whoever runs the server to turn TLS on.",
                    ))
                }
                _ => {
                    config.ssl_mode(SslMode::Require);
                }
            }
        } else if ssl.is_none() {
            // On this computer nothing crosses a network; and a local server's certificate
            // is usually self-signed (Debian's own is), which the check would refuse.
            // Asked for (`sslmode=require`), TLS is used and its certificate checked.
            config.ssl_mode(SslMode::Disable);
        }
        config.application_name("Amends");
        config.connect_timeout(std::time::Duration::from_secs(15));
        Ok(SharedLocation { config, shown })
    }

    /// The address as a person may see it: user, host, port and database, never the password.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// Whether the server is on this computer (a local socket or localhost).
    pub fn is_local(&self) -> bool {
        is_local(&self.config)
    }

    /// Whether the connection will be encrypted.
    pub fn requires_tls(&self) -> bool {
        self.config.get_ssl_mode() == SslMode::Require
    }

    /// Connect. TLS certificates are checked against the system's trusted roots.
    pub fn connect(&self) -> Result<postgres::Client> {
        let tls = native_tls::TlsConnector::new()
            .map_err(|e| Error::shared(&self.shown, format!("could not set up TLS on this computer ({e}).")))?;
        let tls = postgres_native_tls::MakeTlsConnector::new(tls);
        crate::store::sql::off_runtime(|| self.config.connect(tls)).map_err(|e| self.error(e))
    }

    /// A statement's error: as `error`, except that a connection that broke
    /// under it (reset, dropped) is said to be made again at the next step,
    /// which the store does.
    pub(crate) fn statement_error(&self, e: postgres::Error) -> Error {
        let Some(io) = std::error::Error::source(&e).and_then(|c| c.downcast_ref::<std::io::Error>()) else {
            return self.error(e);
        };
        Error::shared(
            &self.shown,
            format!(
                "lost the connection ({io}). Amends connects again at your next step; if that fails too, check that \
                 the server is running and reachable."
            ),
        )
    }

    /// A server error in words for the owner, with the address but never the password.
    pub(crate) fn error(&self, e: postgres::Error) -> Error {
        let message = match e.as_db_error() {
            Some(db) if db.code() == &postgres::error::SqlState::INVALID_PASSWORD => {
                "refused the user name or password. Check them (the password can be kept in a password file, see the README).".to_string()
            }
            Some(db) if db.code() == &postgres::error::SqlState::INVALID_CATALOG_NAME => {
                "has no database of that name. Create it first (createdb), or check its name in the address.".to_string()
            }
            // The server ended the connection: restarted, shut down, or asked to end it.
            Some(db) if db.code().code().starts_with("57P") => {
                "ended the connection (it was restarted or stopped). Amends connects again at your next step; \
                 if that fails too, check that the server is running."
                    .to_string()
            }
            Some(db) => format!("refused the request: {}", db.message()),
            None if e.is_closed() => "closed the connection. Amends connects again at your next step; if that \
                 fails too, check that the server is running and reachable."
                .into(),
            None => {
                // The client's own words with their causes (a TLS failure says why only there).
                let mut text = e.to_string();
                let mut cause = std::error::Error::source(&e);
                while let Some(c) = cause {
                    text = format!("{text}: {c}");
                    cause = c.source();
                }
                let text = without_secrets(&text);
                if text.contains("certificate") {
                    format!(
                        "showed a certificate this computer does not trust ({text}). Ask whoever runs the server \
                         for one from a known authority."
                    )
                } else {
                    format!("could not be reached ({text}).")
                }
            }
        };
        Error::shared(&self.shown, message)
    }
}

fn invalid(message: impl Into<String>) -> Error {
    Error::invalid("db", message)
}

/// The URL without the parameters the client does not know (passfile, and
/// the stricter sslmode values it spells differently), and those values.
fn take_our_params(url: &str) -> Result<(String, Option<PathBuf>, Option<SslMode>)> {
    let Some((head, query)) = url.split_once('?') else {
        return Ok((url.to_string(), None, None));
    };
    let mut kept = Vec::new();
    let (mut passfile, mut ssl) = (None, None);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        match k {
            "passfile" => {
                passfile = Some(PathBuf::from(percent_encoding::percent_decode_str(v).decode_utf8_lossy().into_owned()))
            }
            "sslmode" => {
                ssl = Some(match v {
                    "disable" => SslMode::Disable,
                    "allow" | "prefer" => SslMode::Prefer,
                    // native-tls checks the certificate and the host name: verify-full.
                    "require" | "verify-ca" | "verify-full" => SslMode::Require,
                    other => {
                        return Err(invalid(format!(
                            "sslmode={other} is not one Amends knows (use require or verify-full)."
                        )))
                    }
                })
            }
            _ => kept.push(pair),
        }
    }
    let base = if kept.is_empty() { head.to_string() } else { format!("{head}?{}", kept.join("&")) };
    Ok((base, passfile, ssl))
}

fn host_text(h: &Host) -> String {
    match h {
        Host::Tcp(name) => name.clone(),
        Host::Unix(path) => path.display().to_string(),
    }
}

fn shown(config: &postgres::Config) -> String {
    let host = config.get_hosts().first().map(host_text).unwrap_or_else(|| "localhost".into());
    let port = config.get_ports().first().copied().unwrap_or(5432);
    let user = config.get_user().unwrap_or("");
    let db = config.get_dbname().unwrap_or(user);
    if host.starts_with('/') {
        format!("postgres://{user}@/{db}?host={host}&port={port}")
    } else {
        format!("postgres://{user}@{host}:{port}/{db}")
    }
}

fn is_local(config: &postgres::Config) -> bool {
    let local_addrs = config.get_hostaddrs().iter().all(|a| a.is_loopback());
    local_addrs
        && config.get_hosts().iter().all(|h| match h {
            Host::Unix(_) => true,
            Host::Tcp(name) => matches!(name.as_str(), "localhost" | "127.0.0.1" | "::1" | "[::1]"),
        })
}

/// A password from a libpq password file (`host:port:database:user:password`,
/// `*` matching anything, `\:` and `\\` escaped). A file that others can read
/// is refused when it was named, and skipped when it is only `~/.pgpass`.
fn password_from_file(path: &Path, named: bool, config: &postgres::Config, shown: &str) -> Result<Option<String>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !named => return Ok(None),
        Err(e) => return Err(Error::io(path, e)),
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_err(|e| Error::io(path, e))?.permissions().mode();
        if mode & 0o077 != 0 {
            if !named {
                return Ok(None);
            }
            return Err(Error::shared(
                shown,
                format!(
                    "the password file {} can be read by other people on this computer. \
                     Make it private first (chmod 600 {}).",
                    path.display(),
                    path.display()
                ),
            ));
        }
    }
    let host = config.get_hosts().first().map(host_text).unwrap_or_default();
    let port = config.get_ports().first().copied().unwrap_or(5432).to_string();
    let user = config.get_user().unwrap_or_default();
    let db = config.get_dbname().unwrap_or(user).to_string();
    // libpq matches a socket connection against "localhost".
    let host = if host.starts_with('/') { "localhost".to_string() } else { host };
    for line in text.lines() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields = pgpass_fields(line);
        if fields.len() != 5 {
            continue;
        }
        let wanted = [host.as_str(), port.as_str(), db.as_str(), user];
        if fields[..4].iter().zip(wanted).all(|(f, w)| f == "*" || f == w) {
            return Ok(Some(fields[4].clone()));
        }
    }
    Ok(None)
}

fn pgpass_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    fields.last_mut().expect("one field at least").push(n);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => fields.last_mut().expect("one field at least").push(c),
        }
    }
    fields
}

/// The client's own messages name hosts and options; this makes sure that a
/// password never rides along in one of them.
fn without_secrets(message: &str) -> String {
    match message.find("password") {
        Some(i) => format!("{}…", &message[..i]),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remote_server_needs_tls_and_a_local_one_does_not() {
        let remote = SharedLocation::parse("postgres://sam:s3cret@db.example.com/amends").unwrap();
        assert!(remote.requires_tls());
        assert!(!remote.is_local());
        assert_eq!(remote.shown(), "postgres://sam@db.example.com:5432/amends");
        let e = SharedLocation::parse("postgres://sam:s3cret@db.example.com/amends?sslmode=disable").unwrap_err();
        assert!(e.to_string().contains("only over TLS"), "{e}");
        assert!(!e.to_string().contains("s3cret"));
        let local = SharedLocation::parse("postgres://sam@localhost:5433/amends?sslmode=disable").unwrap();
        assert!(local.is_local() && !local.requires_tls());
        let socket = SharedLocation::parse("postgres:///amends?host=/run/postgresql&user=sam").unwrap();
        assert!(socket.is_local());
        assert_eq!(socket.shown(), "postgres://sam@/amends?host=/run/postgresql&port=5432");
    }

    #[test]
    fn the_password_never_shows() {
        let loc = SharedLocation::parse("postgres://sam:hunter2@db.example.com:6543/shop").unwrap();
        assert!(!format!("{loc:?}").contains("hunter2"));
        assert!(!loc.shown().contains("hunter2"));
        let e = SharedLocation::parse("postgres://sam:hunter2@db.example.com:notaport/shop").unwrap_err();
        assert!(!e.to_string().contains("hunter2"), "{e}");
        assert!(SharedLocation::parse("postgres://sam@x/shop?sslmode=sometimes").is_err());
    }

    #[test]
    fn a_password_file_is_read_and_must_be_private() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("pass");
        std::fs::write(&file, "# shop\nother:*:*:*:nope\ndb.example.com:*:shop:sam:pa\\:ss\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
            let url = format!("postgres://sam@db.example.com/shop?passfile={}", file.display());
            let e = SharedLocation::parse(&url).unwrap_err().to_string();
            assert!(e.contains("chmod 600"), "{e}");
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let url = format!("postgres://sam@db.example.com/shop?passfile={}", file.display());
        let loc = SharedLocation::parse(&url).unwrap();
        assert_eq!(loc.config.get_password(), Some(&b"pa:ss"[..]));
        assert!(!loc.shown().contains("pa:ss"));
    }

    #[test]
    fn pgpass_fields_unescape() {
        assert_eq!(pgpass_fields(r"h:5432:d:u:a\:b\\c:d"), ["h", "5432", "d", "u", r"a:b\c:d"]);
    }
}
