//! The durable layer: rows in the core's SQLite database, with kind, expiry, hit count and last
//! access. It outlives disk evictions, so an offline story's media can always be put back on
//! disk.

use bytes::Bytes;
use sqlx::{Row, SqlitePool};

use super::Entry;
use crate::database::storage;
use crate::error::CoreError;

/// The SQLite layer.
#[derive(Clone, Debug)]
pub struct DurableCache {
    pool: SqlitePool,
}

impl DurableCache {
    /// A layer over `pool`.
    pub fn new(pool: SqlitePool) -> Self {
        Self { pool }
    }

    pub(crate) async fn put(
        &self,
        key: &str,
        entry: &Entry,
        kind: &str,
        now: i64,
    ) -> Result<(), CoreError> {
        let expires = (entry.expires_at != i64::MAX).then_some(entry.expires_at);
        sqlx::query(
            "INSERT INTO cache_entries (key, kind, value, size, expires_at, hits, last_access) \
             VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6) ON CONFLICT (key) DO UPDATE SET kind = ?2, \
             value = ?3, size = ?4, expires_at = ?5, last_access = ?6",
        )
        .bind(key)
        .bind(kind)
        .bind(entry.value.as_ref())
        .bind(entry.value.len() as i64)
        .bind(expires)
        .bind(now)
        .execute(&self.pool)
        .await
        .map_err(storage)?;
        Ok(())
    }

    pub(crate) async fn get(&self, key: &str, now: i64) -> Result<Option<Entry>, CoreError> {
        let row = sqlx::query(
            "UPDATE cache_entries SET hits = hits + 1, last_access = ?2 WHERE key = ?1 \
             RETURNING value, expires_at",
        )
        .bind(key)
        .bind(now)
        .fetch_optional(&self.pool)
        .await
        .map_err(storage)?;
        Ok(row.map(|r| Entry {
            value: Bytes::from(r.get::<Vec<u8>, _>("value")),
            expires_at: r.get::<Option<i64>, _>("expires_at").unwrap_or(i64::MAX),
        }))
    }

    pub(crate) async fn contains(&self, key: &str, now: i64) -> Result<bool, CoreError> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM cache_entries WHERE key = ?1 AND (expires_at IS NULL OR expires_at > ?2)",
        )
        .bind(key)
        .bind(now)
        .fetch_one(&self.pool)
        .await
        .map_err(storage)?;
        Ok(n > 0)
    }

    pub(crate) async fn remove(&self, key: &str) -> Result<(), CoreError> {
        sqlx::query("DELETE FROM cache_entries WHERE key = ?1")
            .bind(key)
            .execute(&self.pool)
            .await
            .map_err(storage)?;
        Ok(())
    }

    pub(crate) async fn cleanup(&self, now: i64) -> Result<u64, CoreError> {
        let done = sqlx::query(
            "DELETE FROM cache_entries WHERE expires_at IS NOT NULL AND expires_at <= ?1",
        )
        .bind(now)
        .execute(&self.pool)
        .await
        .map_err(storage)?;
        Ok(done.rows_affected())
    }

    pub(crate) async fn clear_expiring(&self) -> Result<(), CoreError> {
        sqlx::query("DELETE FROM cache_entries WHERE expires_at IS NOT NULL")
            .execute(&self.pool)
            .await
            .map_err(storage)?;
        Ok(())
    }

    /// (rows, bytes).
    pub async fn size(&self) -> Result<(u64, u64), CoreError> {
        let row =
            sqlx::query("SELECT COUNT(*) AS n, COALESCE(SUM(size), 0) AS b FROM cache_entries")
                .fetch_one(&self.pool)
                .await
                .map_err(storage)?;
        Ok((row.get::<i64, _>("n") as u64, row.get::<i64, _>("b") as u64))
    }
}
