//! The core's SQLite database (WAL, busy timeout, embedded migrations): home of the cache's
//! durable layer and of the library. One pool per data directory.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use crate::error::CoreError;

/// Opens (creating if needed) `core.sqlite` in `dir` and runs the migrations.
pub async fn open(dir: &Path) -> Result<SqlitePool, CoreError> {
    std::fs::create_dir_all(dir).map_err(|e| CoreError::Storage(format!("data folder: {e}")))?;
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
    CoreError::Storage(e.to_string())
}
