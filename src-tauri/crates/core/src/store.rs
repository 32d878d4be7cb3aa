//! The core's SQLite database (WAL, busy timeout, embedded migrations): home of the cache's
//! durable layer and of the library. One pool per data directory.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

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

/// Opens (creating if needed) `core.sqlite` in `dir` and runs the migrations.
pub async fn open(dir: &Path) -> Result<SqlitePool, CoreError> {
    std::fs::create_dir_all(dir).map_err(StorageError::from)?;
    let url = format!("sqlite://{}", dir.join("core.sqlite").display());
    let options = SqliteConnectOptions::from_str(&url)
        .map_err(storage)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5));
    let pool = SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(options)
        .await
        .map_err(storage)?;
    sqlx::migrate!("./migrations")
        .run(&pool)
        .await
        .map_err(|e| CoreError::Storage(e.to_string()))?;
    Ok(pool)
}

/// A database failure as a core error.
pub fn storage(e: sqlx::Error) -> CoreError {
    StorageError::from(e).into()
}
