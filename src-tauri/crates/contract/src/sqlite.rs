//! How both databases are opened (the core's `core.sqlite`, the server's `server.db`): WAL
//! journal, normal sync, foreign keys on, a 5 s busy timeout, four connections, then the
//! crate's embedded migrations. The only I/O in this crate, behind the `sqlite` feature so the
//! UI bindings and the storyteller do not pull in SQLite.
//!
//! [`open_or_recover`] is what the apps call: a file SQLite calls corrupt ("file is not a
//! database", "database disk image is malformed", or a `PRAGMA quick_check` that is not `ok`)
//! is moved aside — renamed with a UTC timestamp, owner-only, its `-wal` beside it, kept for
//! recovery — and a fresh database is made in its place. A database from a newer app version,
//! a locked file or a full disk is never moved: those are reported as they are.

use std::path::{Path, PathBuf};
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::migrate::{MigrateError, Migrator};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

/// Why a database could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// SQLite refused to open or configure the file.
    #[error("the database cannot be opened ({0})")]
    Open(#[source] sqlx::Error),
    /// A migration failed (a database from a newer app version?).
    #[error("the database cannot be migrated ({0})")]
    Migrate(#[source] MigrateError),
}

impl OpenError {
    /// Whether SQLite said the file is damaged (not a database, malformed), as opposed to
    /// locked, unreadable or from a newer version.
    pub fn is_corruption(&self) -> bool {
        let error = match self {
            OpenError::Open(e) => e,
            OpenError::Migrate(MigrateError::Execute(e))
            | OpenError::Migrate(MigrateError::ExecuteMigration(e, _)) => e,
            OpenError::Migrate(_) => return false,
        };
        corrupt(error)
    }
}

/// SQLITE_CORRUPT (11) or SQLITE_NOTADB (26), extended codes included.
fn corrupt(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(db) => db
            .code()
            .and_then(|c| c.parse::<i32>().ok())
            .is_some_and(|c| matches!(c & 0xff, 11 | 26)),
        _ => false,
    }
}

/// A database that was found damaged, moved aside and replaced by a fresh one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovered {
    /// Where the damaged file is now (its `-wal`, if it had one, is beside it with `-wal`
    /// appended, so `sqlite3 <moved_to>` sees both).
    pub moved_to: PathBuf,
    /// What SQLite said about it.
    pub reason: String,
}

/// An open database, and whether it had to be made afresh.
#[derive(Debug)]
pub struct Opened {
    /// The pool.
    pub pool: SqlitePool,
    /// Set when the file was corrupt and has been replaced.
    pub recovered: Option<Recovered>,
}

/// Opens (creating if needed) the SQLite file at `path` and applies `migrations`. A new file is
/// created owner-only first; SQLite gives its `-wal` and `-shm` files the same mode.
pub async fn open(path: &Path, migrations: &Migrator) -> Result<SqlitePool, OpenError> {
    if let Some(dir) = path.parent() {
        crate::files::private_dir_all(dir).map_err(|e| OpenError::Open(sqlx::Error::Io(e)))?;
    }
    crate::files::touch_private(path).map_err(|e| OpenError::Open(sqlx::Error::Io(e)))?;
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5));
    let pool = SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(options)
        .await
        .map_err(OpenError::Open)?;
    if let Err(e) = migrations.run(&pool).await {
        // Closed before the caller may move the file: a connection closing later would
        // checkpoint into, or delete, whatever WAL then carries the old name.
        pool.close().await;
        return Err(OpenError::Migrate(e));
    }
    Ok(pool)
}

/// Starts a transaction that will write: `BEGIN IMMEDIATE`, which takes the write lock at once
/// and waits for it under the busy timeout. A plain (deferred) `BEGIN` whose first write meets
/// another writer fails at once with "database is locked" — SQLite does not wait for a lock a
/// transaction that already holds a read snapshot asks for — so every transaction that writes
/// starts here.
pub async fn begin_write(
    pool: &SqlitePool,
) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
    pool.begin_with("BEGIN IMMEDIATE").await
}

/// [`open`], then `PRAGMA quick_check`; a database SQLite calls corrupt is moved aside
/// (`<name>.corrupt-<UTC time of now_millis>`, owner-only, with its WAL) and a fresh one made.
pub async fn open_or_recover(
    path: &Path,
    migrations: &Migrator,
    now_millis: i64,
) -> Result<Opened, OpenError> {
    let reason = match open(path, migrations).await {
        Ok(pool) => match quick_check(&pool).await {
            Ok(()) => {
                return Ok(Opened {
                    pool,
                    recovered: None,
                });
            }
            Err(reason) => {
                pool.close().await;
                reason
            }
        },
        Err(e) if e.is_corruption() => e.to_string(),
        Err(e) => return Err(e),
    };
    let moved_to = move_aside(path, now_millis).map_err(|e| OpenError::Open(sqlx::Error::Io(e)))?;
    let pool = open(path, migrations).await?;
    Ok(Opened {
        pool,
        recovered: Some(Recovered { moved_to, reason }),
    })
}

/// `Ok` when SQLite's quick check finds nothing wrong; else what it found (at most 5 lines).
async fn quick_check(pool: &SqlitePool) -> Result<(), String> {
    match sqlx::query_scalar::<_, String>("PRAGMA quick_check(5)")
        .fetch_all(pool)
        .await
    {
        Ok(lines) if lines.len() == 1 && lines[0] == "ok" => Ok(()),
        Ok(lines) => Err(format!("quick_check: {}", lines.join("; "))),
        Err(e) if corrupt(&e) => Err(format!("quick_check: {e}")),
        // Not a verdict on the file (e.g. busy): use it as it is.
        Err(_) => Ok(()),
    }
}

/// Renames `path` (and its `-wal`) to `<path>.corrupt-<stamp>` (`-2`, `-3`… when taken),
/// owner-only; drops its `-shm`, which SQLite rebuilds from the WAL.
fn move_aside(path: &Path, now_millis: i64) -> std::io::Result<PathBuf> {
    let stamp = utc_stamp(now_millis);
    let with = |suffix: &str| {
        let mut s = path.as_os_str().to_owned();
        s.push(suffix);
        PathBuf::from(s)
    };
    let mut target = with(&format!(".corrupt-{stamp}"));
    let mut n = 2;
    while target.exists() {
        target = with(&format!(".corrupt-{stamp}-{n}"));
        n += 1;
    }
    std::fs::rename(path, &target)?;
    private(&target)?;
    let mut moved = target.as_os_str().to_owned();
    moved.push("-wal");
    match std::fs::rename(with("-wal"), &moved) {
        Ok(()) => private(Path::new(&moved))?,
        // None, or removed meanwhile by a connection of this process still closing (SQLite
        // checkpoints the WAL into the main file and deletes it on the last close; the main
        // file, renamed above, is the same inode and receives it).
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    if let Err(e) = std::fs::remove_file(with("-shm"))
        && e.kind() != std::io::ErrorKind::NotFound
    {
        return Err(e);
    }
    Ok(target)
}

fn private(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// `20261205T070102Z` for a unix time in milliseconds (Howard Hinnant's civil-from-days).
fn utc_stamp(millis: i64) -> String {
    let secs = millis.div_euclid(1000);
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(any(test, feature = "testing"))]
pub mod damage;
mod later;
#[cfg(all(test, unix))]
mod tests;

pub use later::{Check, damaged_marker, open_checking_later};
