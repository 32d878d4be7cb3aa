//! Resume points: where each story was left, kept in the library so reopening a story after a
//! restart offers to continue from there. The player decides what is worth remembering (not the
//! first or last seconds, not a finished story); the library only keeps the latest answer.

use sqlx::Row;

use super::Library;
use crate::database::storage;
use crate::error::CoreError;

impl Library {
    /// Where `story_id` was left, in seconds, if it was left part-way.
    pub async fn resume_point(&self, story_id: &str) -> Result<Option<f64>, CoreError> {
        let row = sqlx::query("SELECT position FROM resume_points WHERE story_id = ?1")
            .bind(story_id)
            .fetch_optional(&self.pool)
            .await
            .map_err(storage)?;
        Ok(row.map(|r| r.get::<f64, _>("position")))
    }

    /// Remembers where `story_id` was left, or forgets it with `None` (finished, or near the
    /// start). A story that is not in the library is ignored.
    pub async fn set_resume_point(
        &self,
        story_id: &str,
        position: Option<f64>,
    ) -> Result<(), CoreError> {
        let query = match position {
            Some(seconds) if seconds.is_finite() && seconds > 0.0 => sqlx::query(
                "INSERT INTO resume_points (story_id, position, updated_at) \
                 SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM stories WHERE id = ?1) \
                 ON CONFLICT (story_id) DO UPDATE SET position = ?2, updated_at = ?3",
            )
            .bind(story_id)
            .bind(seconds)
            .bind(self.clock.now_millis()),
            _ => sqlx::query("DELETE FROM resume_points WHERE story_id = ?1").bind(story_id),
        };
        query.execute(&self.pool).await.map_err(storage)?;
        Ok(())
    }
}
