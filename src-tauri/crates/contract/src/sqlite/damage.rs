//! Damaging a database on purpose, for the tests of what the app does then (here, in the core
//! and in the server): a file that still opens and migrates, with one page of a table's b-tree
//! overwritten, which only a page-by-page check finds. Behind the `testing` feature.

use std::path::Path;

use sqlx::sqlite::{SqliteConnectOptions, SqlitePool};

/// Fills `path` (an existing database) with a few hundred pages of rows in a table of its own,
/// checkpoints them into the main file, then overwrites one of those pages. Panics on failure
/// (it is a test's setup).
pub async fn damage_one_page(path: &Path) {
    let pool = SqlitePool::connect_with(SqliteConnectOptions::new().filename(path))
        .await
        .expect("the database opens");
    sqlx::query("CREATE TABLE IF NOT EXISTS damage_filler (x BLOB)")
        .execute(&pool)
        .await
        .expect("the filler table");
    for _ in 0..400 {
        sqlx::query("INSERT INTO damage_filler (x) VALUES (zeroblob(300))")
            .execute(&pool)
            .await
            .expect("a filler row");
    }
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&pool)
        .await
        .expect("the checkpoint");
    pool.close().await;
    overwrite_a_page(path);
}

/// Overwrites the second-to-last 4 KiB page of `path` (inside a table's b-tree once it holds a
/// few hundred pages of rows); returns the file's bytes afterwards.
pub fn overwrite_a_page(path: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(path).expect("the database file");
    let page = 4096;
    let at = bytes.len() - 2 * page;
    bytes[at..at + page].fill(0xAB);
    std::fs::write(path, &bytes).expect("the damaged file written");
    bytes
}
