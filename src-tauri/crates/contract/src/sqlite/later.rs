//! Checking a large database once the app is up instead of before it.
//!
//! `PRAGMA quick_check` reads every page: 0.24–0.4 s for a library of 10,000 stories (203 MB)
//! with an optimised SQLite, seconds with a debug one — the whole start-up budget of an
//! interactive Home (≤ 0.5 s). A file SQLite cannot open or migrate is still replaced at once;
//! the page-by-page check runs beside the app, and a file it finds damaged is marked
//! (`<name>.damaged`, holding what SQLite said) so the next opening sets it aside and starts a
//! fresh one, as [`super::open_or_recover`] would have. Meanwhile the app goes on with what it
//! can read, and SQLite refuses what it cannot.

use std::path::{Path, PathBuf};

use sqlx::SqlitePool;
use sqlx::migrate::Migrator;

use super::{OpenError, Opened, Recovered, move_aside, open, private, quick_check};

/// The marker beside `path` that a check found it damaged.
pub fn damaged_marker(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".damaged");
    PathBuf::from(s)
}

/// The page-by-page check of a database opened by [`open_checking_later`], to run once the
/// app is up.
#[derive(Debug)]
pub struct Check {
    pool: SqlitePool,
    path: PathBuf,
}

impl Check {
    /// `None` when the file is sound; else what SQLite found, which is also written to the
    /// file's [`damaged_marker`] so the next opening replaces it.
    pub async fn run(self) -> Option<String> {
        let reason = quick_check(&self.pool).await.err()?;
        let marker = damaged_marker(&self.path);
        match std::fs::write(&marker, &reason).and_then(|()| private(&marker)) {
            Ok(()) => Some(reason),
            Err(e) => Some(format!(
                "{reason} (and it could not be marked for repair: {e})"
            )),
        }
    }
}

/// Opens (creating if needed) and migrates `path` like [`super::open_or_recover`], without its
/// page-by-page check, which the returned [`Check`] does later. A file marked damaged by an
/// earlier check, or one SQLite cannot open, is moved aside and a fresh one made.
pub async fn open_checking_later(
    path: &Path,
    migrations: &Migrator,
    now_millis: i64,
) -> Result<(Opened, Check), OpenError> {
    let marker = damaged_marker(path);
    let reason = match std::fs::read_to_string(&marker) {
        Ok(reason) if path.exists() => reason,
        // Marked, but the file itself is gone (set aside by hand): nothing to move.
        Ok(_) => {
            remove(&marker)?;
            return opened(path, migrations, None).await;
        }
        Err(_) => match open(path, migrations).await {
            Ok(pool) => return Ok(checked_later(path, pool, None)),
            Err(e) if e.is_corruption() => e.to_string(),
            Err(e) => return Err(e),
        },
    };
    let moved_to = move_aside(path, now_millis).map_err(io)?;
    remove(&marker)?;
    opened(path, migrations, Some(Recovered { moved_to, reason })).await
}

async fn opened(
    path: &Path,
    migrations: &Migrator,
    recovered: Option<Recovered>,
) -> Result<(Opened, Check), OpenError> {
    let pool = open(path, migrations).await?;
    Ok(checked_later(path, pool, recovered))
}

fn checked_later(path: &Path, pool: SqlitePool, recovered: Option<Recovered>) -> (Opened, Check) {
    let check = Check {
        pool: pool.clone(),
        path: path.to_owned(),
    };
    (Opened { pool, recovered }, check)
}

fn remove(marker: &Path) -> Result<(), OpenError> {
    match std::fs::remove_file(marker) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(e)),
        _ => Ok(()),
    }
}

fn io(e: std::io::Error) -> OpenError {
    OpenError::Open(sqlx::Error::Io(e))
}
