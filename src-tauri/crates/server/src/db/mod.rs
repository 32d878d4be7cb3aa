//! The server's SQLite database: one file in the data directory, opened the way the contract's
//! `sqlite::open` opens every database of the project (WAL journal, foreign keys on), with the
//! versioned migrations embedded from `migrations/`. Every multi-row change runs in one
//! transaction, so a crash leaves either the old or the new state. A `server.db` SQLite calls
//! corrupt is moved aside (kept for recovery) and a fresh one made; the server reports it
//! ([`crate::ServerHandle::recovered`]) for the app to tell the family.

use std::path::Path;

use sqlx::SqlitePool;
use sqlx::migrate::Migrator;

/// Why the database could not be opened.
pub use infinite_stories_contract::sqlite::OpenError as DbError;

static MIGRATIONS: Migrator = sqlx::migrate!("./migrations");

/// A damaged database set aside, and where.
pub use infinite_stories_contract::sqlite::Recovered;

/// Opens (creating if needed) `server.db` in `data_dir` and applies pending migrations; a
/// corrupt one is set aside first (stamped with `now_millis`).
pub async fn open(
    data_dir: &Path,
    now_millis: i64,
) -> Result<(SqlitePool, Option<Recovered>), DbError> {
    let opened = infinite_stories_contract::sqlite::open_or_recover(
        &data_dir.join("server.db"),
        &MIGRATIONS,
        now_millis,
    )
    .await?;
    if let Some(r) = &opened.recovered {
        tracing::error!(moved_to = %r.moved_to.display(), reason = %r.reason,
            "server.db was damaged: set aside and a fresh one made");
    }
    Ok((opened.pool, opened.recovered))
}
