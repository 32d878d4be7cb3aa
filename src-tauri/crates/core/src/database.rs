//! The core's SQLite database (WAL, busy timeout, embedded migrations): home of the cache's
//! durable layer and of the library. One pool per data directory.

use std::path::Path;

use sqlx::SqlitePool;
use sqlx::migrate::Migrator;

use crate::error::{CoreError, ErrorCode};

/// Why local storage (database, cache files) failed.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The shell gave no data folder.
    #[error("no data folder is configured")]
    NoDataDir,
    /// SQLite refused.
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// A migration failed (a database from a newer app version?).
    #[error("database upgrade: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// A cache file or folder could not be used.
    #[error("file: {0}")]
    File(#[from] std::io::Error),
}

impl StorageError {
    /// The code the UI branches on.
    pub fn code(&self) -> ErrorCode {
        ErrorCode::Storage
    }
}

impl From<StorageError> for CoreError {
    fn from(e: StorageError) -> Self {
        CoreError::Storage(e.to_string())
    }
}

/// The library's and the cache's tables.
static MIGRATIONS: Migrator = sqlx::migrate!("./migrations");

/// Opens (creating if needed) `core.sqlite` in `dir` and runs the migrations, the way the
/// contract's `sqlite::open` opens every database of the project.
pub async fn open(dir: &Path) -> Result<SqlitePool, CoreError> {
    infinite_stories_contract::files::private_dir_all(dir).map_err(StorageError::from)?;
    infinite_stories_contract::sqlite::open(&dir.join("core.sqlite"), &MIGRATIONS)
        .await
        .map_err(|e| CoreError::Storage(e.to_string()))
}

/// [`open`] for the app: a `core.sqlite` SQLite cannot open, or one an earlier [`Check`]
/// found damaged, is moved aside (kept for recovery) and a fresh one made; `recovered` says
/// where the old one went. The page-by-page check of a file that opens is the returned
/// [`Check`], run once the app is up (it reads every page: too slow for start-up; see the
/// contract's `sqlite::later`).
pub async fn open_or_recover(
    dir: &Path,
    now_millis: i64,
) -> Result<(infinite_stories_contract::sqlite::Opened, Check), CoreError> {
    infinite_stories_contract::files::private_dir_all(dir).map_err(StorageError::from)?;
    infinite_stories_contract::sqlite::open_checking_later(
        &dir.join("core.sqlite"),
        &MIGRATIONS,
        now_millis,
    )
    .await
    .map_err(|e| CoreError::Storage(e.to_string()))
}

pub use infinite_stories_contract::sqlite::Check;

/// A database failure as a core error.
pub fn storage(e: sqlx::Error) -> CoreError {
    StorageError::from(e).into()
}
