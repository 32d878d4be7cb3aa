//! How both databases are opened (the core's `core.sqlite`, the server's `server.db`): WAL
//! journal, normal sync, foreign keys on, a 5 s busy timeout, four connections, then the
//! crate's embedded migrations. The only I/O in this crate, behind the `sqlite` feature so the
//! UI bindings and the storyteller do not pull in SQLite.

use std::path::Path;
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
    migrations.run(&pool).await.map_err(OpenError::Migrate)?;
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
