//! The server's SQLite database: one file in the data directory, opened the way the contract's
//! `sqlite::open` opens every database of the project (WAL journal, foreign keys on), with the
//! versioned migrations embedded from `migrations/`. Every multi-row change runs in one
//! transaction, so a crash leaves either the old or the new state.

use std::path::Path;

use sqlx::SqlitePool;
use sqlx::migrate::Migrator;

/// Why the database could not be opened.
pub use infinite_stories_contract::sqlite::OpenError as DbError;

static MIGRATIONS: Migrator = sqlx::migrate!("./migrations");

/// Opens (creating if needed) `server.db` in `data_dir` and applies pending migrations.
pub async fn open(data_dir: &Path) -> Result<SqlitePool, DbError> {
    infinite_stories_contract::sqlite::open(&data_dir.join("server.db"), &MIGRATIONS).await
}
