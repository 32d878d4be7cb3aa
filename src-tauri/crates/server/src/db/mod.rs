//! The server's SQLite database: one file in the data directory, opened the way the contract's
//! `sqlite::open` opens every database of the project (WAL journal, foreign keys on), with the
//! versioned migrations embedded from `migrations/`. Every multi-row change runs in one
//! transaction, so a crash leaves either the old or the new state. A `server.db` SQLite cannot
//! open is moved aside (kept for recovery) and a fresh one made; the server reports it
//! ([`crate::ServerHandle::recovered`]) for the app to tell the family. The page-by-page check
//! of a file that opens runs after start-up ([`Check`], `integrity_check_delay`): a file it finds
//! damaged is marked, and the next start sets it aside and reports it the same way.

use std::path::Path;

use sqlx::SqlitePool;
use sqlx::migrate::Migrator;

/// Why the database could not be opened.
pub use infinite_stories_contract::sqlite::OpenError as DbError;

static MIGRATIONS: Migrator = sqlx::migrate!("./migrations");

/// A damaged database set aside, and where.
pub use infinite_stories_contract::sqlite::Recovered;

pub use infinite_stories_contract::sqlite::Check;

/// Opens (creating if needed) `server.db` in `data_dir` and applies pending migrations; one
/// SQLite cannot open, or one an earlier [`Check`] marked, is set aside first (stamped with
/// `now_millis`). The returned [`Check`] is the page-by-page check, to run once started.
pub async fn open(
    data_dir: &Path,
    now_millis: i64,
) -> Result<(SqlitePool, Option<Recovered>, Check), DbError> {
    let (opened, check) = infinite_stories_contract::sqlite::open_checking_later(
        &data_dir.join("server.db"),
        &MIGRATIONS,
        now_millis,
    )
    .await?;
    if let Some(r) = &opened.recovered {
        tracing::error!(moved_to = %r.moved_to.display(), reason = %r.reason,
            "server.db was damaged: set aside and a fresh one made");
    }
    Ok((opened.pool, opened.recovered, check))
}

/// Runs `check` after `delay`; a damaged file is logged (and marked for the next start).
pub fn check_later(check: Check, delay: std::time::Duration) {
    tokio::spawn(async move {
        tokio::time::sleep(delay).await;
        if let Some(reason) = check.run().await {
            tracing::error!(%reason, "server.db failed its check: set aside at the next start");
        }
    });
}
