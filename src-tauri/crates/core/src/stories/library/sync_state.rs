//! What the incremental library sync keeps locally: per family and backend table, the latest
//! `updated_at` it has applied (the watermark the next sync asks from), the ids a table holds
//! for a family (to find rows deleted on another device), and the media a synced story still
//! lacks on this computer (narration, finished pictures) so the sync can fetch them.

use serde_json::Value;

use super::Library;
use crate::database::storage;
use crate::error::CoreError;

/// A story whose narration exists on the backend but not in this library.
#[derive(Clone, Debug, PartialEq)]
pub struct MissingNarration {
    /// Story.
    pub story_id: String,
    /// Its object in the `story-audio` bucket.
    pub audio_path: String,
    /// Narration length the backend recorded (0 when unknown).
    pub seconds: f64,
}

/// A scene whose picture the backend finished but whose image is not in the cache.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingPicture {
    /// Story.
    pub story_id: String,
    /// Scene.
    pub scene_number: u32,
}

impl Library {
    /// The latest backend `updated_at` applied from `table` for `user_id`; `None` before the
    /// first sync (the next sync then reads the whole table).
    pub async fn sync_mark(&self, user_id: &str, table: &str) -> Result<Option<String>, CoreError> {
        sqlx::query_scalar("SELECT synced_until FROM sync_state WHERE user_id = ?1 AND tbl = ?2")
            .bind(user_id)
            .bind(table)
            .fetch_optional(&self.pool)
            .await
            .map_err(storage)
    }

    /// Records that `table`'s rows of `user_id` up to `mark` (a backend `updated_at`) are
    /// applied. Never moves the mark back.
    pub async fn set_sync_mark(
        &self,
        user_id: &str,
        table: &str,
        mark: &str,
    ) -> Result<(), CoreError> {
        sqlx::query(
            "INSERT INTO sync_state (user_id, tbl, synced_until) VALUES (?1, ?2, ?3) \
             ON CONFLICT (user_id, tbl) DO UPDATE SET synced_until = MAX(synced_until, ?3)",
        )
        .bind(user_id)
        .bind(table)
        .bind(mark)
        .execute(&self.pool)
        .await
        .map_err(storage)?;
        Ok(())
    }

    /// The ids of `table` ("heroes", "custom_events" or "stories") this library holds for
    /// `user_id`.
    pub async fn local_ids(&self, table: &str, user_id: &str) -> Result<Vec<String>, CoreError> {
        let sql = match table {
            "heroes" => "SELECT id FROM heroes WHERE user_id = ?1",
            "custom_events" => "SELECT id FROM custom_events WHERE user_id = ?1",
            "stories" => "SELECT id FROM stories WHERE user_id = ?1",
            _ => return Ok(Vec::new()),
        };
        sqlx::query_scalar(sql)
            .bind(user_id)
            .fetch_all(&self.pool)
            .await
            .map_err(storage)
    }

    /// Stories of `user_id` narrated on the backend (their row names an `audio_path`) without a
    /// narration in this library.
    pub async fn missing_narrations(
        &self,
        user_id: &str,
    ) -> Result<Vec<MissingNarration>, CoreError> {
        let rows: Vec<(String, String, Option<f64>)> = sqlx::query_as(
            "SELECT s.id, json_extract(s.data, '$.audio_path'), json_extract(s.data, '$.audio_duration') \
             FROM stories s WHERE s.user_id = ?1 \
             AND NOT EXISTS (SELECT 1 FROM audio_files a WHERE a.story_id = s.id) \
             AND json_extract(s.data, '$.audio_path') IS NOT NULL",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await
        .map_err(storage)?;
        Ok(rows
            .into_iter()
            .map(|(story_id, audio_path, seconds)| MissingNarration {
                story_id,
                audio_path,
                seconds: seconds.unwrap_or(0.0),
            })
            .collect())
    }

    /// Scenes of `user_id`'s stories whose picture is finished on the backend but not stored
    /// here (a fresh library after recovery, a download that failed).
    pub async fn missing_pictures(&self, user_id: &str) -> Result<Vec<MissingPicture>, CoreError> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT i.story_id, i.scene_number FROM illustrations i JOIN stories s ON s.id = i.story_id \
             WHERE s.user_id = ?1 AND i.status = 'completed' AND i.cache_key IS NULL \
             ORDER BY i.story_id, i.scene_number",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await
        .map_err(storage)?;
        Ok(rows
            .into_iter()
            .map(|(story_id, n)| MissingPicture {
                story_id,
                scene_number: n as u32,
            })
            .collect())
    }
}

/// The latest `updated_at` among `rows` (the backend's own clock), if any row has one. Compared
/// as text, as sent: one server writes one offset, and PostgreSQL's trimmed fractions still
/// order as text (`…:00+00:00` < `…:00.1+00:00` < `…:00.12+00:00`, since `+` sorts before `.`
/// and the digits).
pub(crate) fn latest_update(rows: &[Value]) -> Option<String> {
    rows.iter()
        .filter_map(|r| r.get("updated_at").and_then(Value::as_str))
        .max()
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::latest_update;
    use crate::stories::library::scratch as library;

    #[tokio::test]
    async fn a_watermark_is_per_family_and_table_never_goes_back_and_erase_forgets_it() {
        let (_dir, lib) = library().await;
        assert_eq!(lib.sync_mark("u", "stories").await.unwrap(), None);
        lib.set_sync_mark("u", "stories", "2026-12-05T08:00:01.000000Z")
            .await
            .unwrap();
        lib.set_sync_mark("u", "stories", "2026-12-05T08:00:00.000000Z")
            .await
            .unwrap();
        assert_eq!(
            lib.sync_mark("u", "stories").await.unwrap().as_deref(),
            Some("2026-12-05T08:00:01.000000Z")
        );
        assert_eq!(lib.sync_mark("u", "heroes").await.unwrap(), None);
        assert_eq!(lib.sync_mark("other", "stories").await.unwrap(), None);
        lib.erase().await.unwrap();
        assert_eq!(
            lib.sync_mark("u", "stories").await.unwrap(),
            None,
            "a full read after erase"
        );
    }

    #[tokio::test]
    async fn missing_narrations_are_the_narrated_stories_without_local_audio() {
        let (_dir, lib) = library().await;
        for (id, path) in [
            ("a", Some("u/a/n.mp3")),
            ("b", Some("u/b/n.mp3")),
            ("c", None),
        ] {
            lib.apply_row(
                "stories",
                &json!({"id": id, "user_id": "u", "title": id, "content": "x",
                        "audio_path": path, "audio_duration": 61.5}),
            )
            .await
            .unwrap();
        }
        lib.set_narration("b", "audio:b", 61.5, "mp3")
            .await
            .unwrap();
        let missing = lib.missing_narrations("u").await.unwrap();
        assert_eq!(missing.len(), 1, "{missing:?}");
        assert_eq!(
            (missing[0].story_id.as_str(), missing[0].audio_path.as_str()),
            ("a", "u/a/n.mp3")
        );
        assert_eq!(missing[0].seconds, 61.5);
        assert!(lib.missing_narrations("other").await.unwrap().is_empty());
    }

    #[test]
    fn the_latest_update_is_found_in_postgres_and_embedded_formats() {
        let pg = [
            "2026-12-05T08:00:00+00:00",
            "2026-12-05T08:00:00.12+00:00",
            "2026-12-05T08:00:00.1+00:00",
            "2026-12-05T07:59:59.999999+00:00",
        ];
        let rows: Vec<_> = pg.iter().map(|t| json!({"updated_at": t})).collect();
        assert_eq!(latest_update(&rows).as_deref(), Some(pg[1]));
        let embedded = ["2026-12-05T08:00:01.000000Z", "2026-12-05T08:00:00.999000Z"];
        let rows: Vec<_> = embedded.iter().map(|t| json!({"updated_at": t})).collect();
        assert_eq!(latest_update(&rows).as_deref(), Some(embedded[0]));
        assert_eq!(latest_update(&[json!({"id": "x"})]), None);
    }
}
