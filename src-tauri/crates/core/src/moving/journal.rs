//! The move's journal: which files and rows already reached the destination (and, for files,
//! the checksum read back from it), in the core's SQLite database. A run cut by a quit, a
//! network failure or Cancel resumes from here; a finished run is started over by the next move.

use std::collections::HashMap;

use sqlx::{Row, SqlitePool};

use crate::database::storage;
use crate::error::CoreError;

/// A finished item as the journal remembers it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Done {
    /// A file's SHA-256 (hex) as read back from the destination.
    pub sha256: Option<String>,
    /// A file's size.
    pub bytes: u64,
}

/// An unfinished run, for the status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Unfinished {
    /// The destination's base URL.
    pub target: String,
    /// Items already copied.
    pub done: u64,
}

/// The journal of one family's move to one destination.
#[derive(Clone, Debug)]
pub(crate) struct Journal {
    pool: SqlitePool,
    source_user: String,
    target: String,
}

impl Journal {
    pub(crate) fn new(pool: SqlitePool, source_user: &str, target: &str) -> Self {
        Self {
            pool,
            source_user: source_user.to_owned(),
            target: target.to_owned(),
        }
    }

    /// Starts a run for `target_user`, keeping what an unfinished run for the same account
    /// copied. Returns whether it resumes one.
    pub(crate) async fn begin(&self, target_user: &str, now: i64) -> Result<bool, CoreError> {
        let existing = sqlx::query(
            "SELECT target_user, finished_at FROM moving_runs WHERE source_user = ?1 AND target = ?2",
        )
        .bind(&self.source_user)
        .bind(&self.target)
        .fetch_optional(&self.pool)
        .await
        .map_err(storage)?;
        let resumes = existing.is_some_and(|r| {
            r.get::<String, _>(0) == target_user && r.get::<Option<i64>, _>(1).is_none()
        });
        if resumes {
            return Ok(true);
        }
        let mut tx = infinite_stories_contract::sqlite::begin_write(&self.pool)
            .await
            .map_err(storage)?;
        sqlx::query("DELETE FROM moving_items WHERE source_user = ?1 AND target = ?2")
            .bind(&self.source_user)
            .bind(&self.target)
            .execute(&mut *tx)
            .await
            .map_err(storage)?;
        sqlx::query(
            "INSERT INTO moving_runs (source_user, target, target_user, started_at, finished_at) \
             VALUES (?1, ?2, ?3, ?4, NULL) ON CONFLICT (source_user, target) DO UPDATE SET \
             target_user = ?3, started_at = ?4, finished_at = NULL",
        )
        .bind(&self.source_user)
        .bind(&self.target)
        .bind(target_user)
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(storage)?;
        tx.commit().await.map_err(storage)?;
        Ok(false)
    }

    /// What this run already copied, by item.
    pub(crate) async fn done(&self) -> Result<HashMap<String, Done>, CoreError> {
        let rows = sqlx::query(
            "SELECT item, sha256, bytes FROM moving_items WHERE source_user = ?1 AND target = ?2",
        )
        .bind(&self.source_user)
        .bind(&self.target)
        .fetch_all(&self.pool)
        .await
        .map_err(storage)?;
        Ok(rows
            .into_iter()
            .map(|r| {
                (
                    r.get::<String, _>(0),
                    Done {
                        sha256: r.get(1),
                        bytes: r.get::<i64, _>(2).max(0) as u64,
                    },
                )
            })
            .collect())
    }

    /// Records that `item` reached the destination (and was verified, for a file).
    pub(crate) async fn mark(&self, item: &str, done: &Done, now: i64) -> Result<(), CoreError> {
        sqlx::query(
            "INSERT INTO moving_items (source_user, target, item, sha256, bytes, done_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (source_user, target, item) DO UPDATE \
             SET sha256 = ?4, bytes = ?5, done_at = ?6",
        )
        .bind(&self.source_user)
        .bind(&self.target)
        .bind(item)
        .bind(&done.sha256)
        .bind(done.bytes as i64)
        .bind(now)
        .execute(&self.pool)
        .await
        .map_err(storage)?;
        Ok(())
    }

    /// Marks the run finished: the next move starts over.
    pub(crate) async fn finish(&self, now: i64) -> Result<(), CoreError> {
        sqlx::query(
            "UPDATE moving_runs SET finished_at = ?3 WHERE source_user = ?1 AND target = ?2",
        )
        .bind(&self.source_user)
        .bind(&self.target)
        .bind(now)
        .execute(&self.pool)
        .await
        .map_err(storage)?;
        Ok(())
    }

    /// The family's unfinished run, if any (the newest one).
    pub(crate) async fn unfinished(
        pool: &SqlitePool,
        source_user: &str,
    ) -> Result<Option<Unfinished>, CoreError> {
        let row = sqlx::query(
            "SELECT r.target, (SELECT COUNT(*) FROM moving_items i WHERE i.source_user = r.source_user \
             AND i.target = r.target) FROM moving_runs r WHERE r.source_user = ?1 AND \
             r.finished_at IS NULL ORDER BY r.started_at DESC LIMIT 1",
        )
        .bind(source_user)
        .fetch_optional(pool)
        .await
        .map_err(storage)?;
        Ok(row.map(|r| Unfinished {
            target: r.get(0),
            done: r.get::<i64, _>(1).max(0) as u64,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn journal() -> (tempfile::TempDir, SqlitePool) {
        let dir = tempfile::tempdir().unwrap();
        let pool = crate::database::open(dir.path()).await.unwrap();
        (dir, pool)
    }

    fn file(sha: &str) -> Done {
        Done {
            sha256: Some(sha.into()),
            bytes: 3,
        }
    }

    #[tokio::test]
    async fn an_unfinished_run_resumes_and_a_finished_one_starts_over() {
        let (_dir, pool) = journal().await;
        let j = Journal::new(pool.clone(), "u1", "https://p.supabase.co");
        assert!(
            !j.begin("t1", 1).await.unwrap(),
            "nothing to resume at first"
        );
        j.mark("file:story-audio/u1/s/narration.ogg", &file("ab"), 2)
            .await
            .unwrap();
        let left = Journal::unfinished(&pool, "u1").await.unwrap().unwrap();
        assert_eq!(
            (left.target.as_str(), left.done),
            ("https://p.supabase.co", 1)
        );

        assert!(j.begin("t1", 3).await.unwrap(), "a cut run resumes");
        assert_eq!(
            j.done().await.unwrap()["file:story-audio/u1/s/narration.ogg"],
            file("ab")
        );

        j.finish(4).await.unwrap();
        assert!(Journal::unfinished(&pool, "u1").await.unwrap().is_none());
        assert!(
            !j.begin("t1", 5).await.unwrap(),
            "a finished run starts over"
        );
        assert!(j.done().await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn another_destination_account_starts_over() {
        let (_dir, pool) = journal().await;
        let j = Journal::new(pool, "u1", "https://p.supabase.co");
        j.begin("t1", 1).await.unwrap();
        j.mark(
            "row:heroes:h1",
            &Done {
                sha256: None,
                bytes: 0,
            },
            2,
        )
        .await
        .unwrap();
        assert!(!j.begin("t2", 3).await.unwrap());
        assert!(j.done().await.unwrap().is_empty(), "rows were for t1's id");
    }
}
