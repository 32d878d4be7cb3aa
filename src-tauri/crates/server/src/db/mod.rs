//! The server's SQLite database: one file in the data directory, WAL journal, foreign keys on,
//! versioned migrations embedded from `migrations/`. Every multi-row change runs in one
//! transaction, so a crash leaves either the old or the new state.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

/// Why the database could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// SQLite refused to open or configure the file.
    #[error("the database cannot be opened ({0})")]
    Open(#[source] sqlx::Error),
    /// A migration failed.
    #[error("the database cannot be migrated ({0})")]
    Migrate(#[source] sqlx::migrate::MigrateError),
}

/// Opens (creating if needed) `server.db` in `data_dir` and applies pending migrations.
pub async fn open(data_dir: &Path) -> Result<SqlitePool, DbError> {
    let url = format!("sqlite://{}", data_dir.join("server.db").display());
    let options = SqliteConnectOptions::from_str(&url)
        .map_err(DbError::Open)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5));
    let pool = SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(options)
        .await
        .map_err(DbError::Open)?;
    sqlx::migrate!("./migrations")
        .run(&pool)
        .await
        .map_err(DbError::Migrate)?;
    Ok(pool)
}
