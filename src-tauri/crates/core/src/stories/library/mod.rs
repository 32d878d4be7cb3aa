//! The local library: heroes, custom events, stories, scenes, illustrations, narration files and
//! listening sessions in the core's SQLite database — the offline source of truth. Rows arrive
//! from function answers, REST reads and realtime changes (the backend's snake_case rows, applied
//! idempotently), and media live in the [`StoryCache`] as permanent entries. A story is
//! "offline ready" when its text, its narration and every scene's illustration are all local.

use infinite_stories_contract::{IllustrationStatus, StoryEvent, StoryRequest};
use serde::Serialize;
use serde_json::Value;
use sqlx::{Row, SqlitePool};

use crate::api::models::{GeneratedStory, Scene};
use crate::cache::StoryCache;
use crate::clock::SharedClock;
use crate::database::storage;
use crate::error::CoreError;

mod family;
pub mod journey;
pub mod outbox;
mod resume;
mod search;
pub(crate) mod sync_state;
pub use family::HeroRow;
use search::OFFLINE_READY;
pub use search::{LibraryCard, LibraryPage, LibraryQuery, LibrarySort, ListeningState, fts_query};
pub use sync_state::{MissingNarration, MissingPicture};

/// A story in the library list.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct StorySummary {
    /// Story id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Hero.
    pub hero_id: Option<String>,
    /// Language.
    pub language: Option<String>,
    /// Unix ms when saved locally.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub created_at: i64,
    /// Text, narration and all illustrations are local.
    pub offline_ready: bool,
}

/// The local state of one scene's illustration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct IllustrationState {
    /// Scene.
    pub scene_number: u32,
    /// Where the illustration is.
    pub status: IllustrationStatus,
    /// Cache key of the image once downloaded.
    pub cache_key: Option<String>,
    /// Why it failed.
    pub error_message: Option<String>,
}

/// A story with everything the reader needs.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct StoryDetail {
    /// The list entry.
    pub summary: StorySummary,
    /// Full text.
    pub content: String,
    /// Scenes in order.
    pub scenes: Vec<Scene>,
    /// Cache key of the narration, once downloaded.
    pub narration_key: Option<String>,
    /// Measured narration length.
    pub narration_seconds: Option<f64>,
    /// Per-scene illustrations.
    pub illustrations: Vec<IllustrationState>,
}

/// One listening session as the player reports it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListeningRecord {
    /// The player's id for this session (a uuid).
    pub session_id: String,
    /// Story heard.
    pub story_id: String,
    /// Seconds heard (not story seconds: at 2× a minute of story is 30 s heard).
    pub seconds: f64,
    /// Heard to the end.
    pub completed: bool,
    /// Where the story was left, in story seconds.
    pub position: Option<f64>,
    /// Unix ms when it started (now when absent).
    pub started_at: Option<i64>,
    /// The listener's UTC offset then, in minutes (east positive).
    pub utc_offset_minutes: Option<i32>,
}

/// The library over the core's database and cache.
#[derive(Clone, Debug)]
pub struct Library {
    pool: SqlitePool,
    cache: StoryCache,
    clock: SharedClock,
}

/// A story event as the `event_type` / `event_id` columns (the backend's shape).
fn event_columns(event: &StoryEvent) -> (&'static str, String) {
    match event {
        StoryEvent::BuiltIn { event } => ("built_in", event.id().to_owned()),
        StoryEvent::Custom { custom_event_id } => ("custom", custom_event_id.clone()),
    }
}

/// A row's `created_at` (RFC 3339 from PostgREST) in unix ms.
fn created_millis(v: &Value) -> Option<i64> {
    match v.get("created_at")? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => crate::family::parse_timestamp(s),
        _ => None,
    }
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_owned)
}

impl Library {
    /// A library over `pool`, with media in `cache`.
    pub fn new(pool: SqlitePool, cache: StoryCache, clock: SharedClock) -> Self {
        Self { pool, cache, clock }
    }

    /// The database underneath (the library move keeps its journal there).
    pub(crate) fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// The media cache.
    pub fn cache(&self) -> &StoryCache {
        &self.cache
    }

    /// Saves a freshly generated story and its scenes.
    pub async fn save_generated(
        &self,
        user_id: &str,
        request: &StoryRequest,
        story: &GeneratedStory,
    ) -> Result<(), CoreError> {
        let (event_type, event_id) = event_columns(&request.event);
        let now = self.clock.now_millis();
        let data = serde_json::to_string(story).map_err(|e| CoreError::Storage(e.to_string()))?;
        let mut tx = infinite_stories_contract::sqlite::begin_write(&self.pool)
            .await
            .map_err(storage)?;
        sqlx::query(
            "INSERT INTO stories (id, user_id, hero_id, title, content, language, data, created_at, updated_at, \
             event_type, event_id, length_seconds) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10, ?11) ON CONFLICT (id) DO UPDATE SET title = ?4, \
             content = ?5, data = ?7, updated_at = ?8, length_seconds = ?11",
        )
        .bind(&story.story_id)
        .bind(user_id)
        .bind(&request.hero_id)
        .bind(&story.title)
        .bind(&story.content)
        .bind(request.language.id())
        .bind(&data)
        .bind(now)
        .bind(event_type)
        .bind(event_id)
        .bind(story.estimated_duration)
        .execute(&mut *tx)
        .await
        .map_err(storage)?;
        for scene in &story.scenes {
            let json =
                serde_json::to_string(scene).map_err(|e| CoreError::Storage(e.to_string()))?;
            sqlx::query(
                "INSERT INTO scenes (story_id, scene_number, data) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (story_id, scene_number) DO UPDATE SET data = ?3",
            )
            .bind(&story.story_id)
            .bind(scene.scene_number)
            .bind(json)
            .execute(&mut *tx)
            .await
            .map_err(storage)?;
        }
        tx.commit().await.map_err(storage)?;
        Ok(())
    }

    /// Applies a backend row (REST read or realtime INSERT/UPDATE) of `table`. Unknown tables
    /// are ignored; applying the same row twice changes nothing. A heroes, custom_events or
    /// stories row with a change waiting in the outbox is left as edited here (a pull never
    /// overwrites a queued edit; the push settles it).
    pub async fn apply_row(&self, table: &str, row: &Value) -> Result<(), CoreError> {
        let now = self.clock.now_millis();
        let id = text(row, "id").unwrap_or_default();
        let data = row.to_string();
        let q = match table {
            "heroes" => sqlx::query(
                "INSERT INTO heroes (id, user_id, name, data, updated_at) SELECT ?1, ?2, ?3, ?4, ?5 \
                 WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE tbl = 'heroes' AND row_id = ?1 AND refused = 0) \
                 ON CONFLICT (id) DO UPDATE SET name = ?3, data = ?4, updated_at = ?5",
            )
            .bind(id)
            .bind(text(row, "user_id").unwrap_or_default())
            .bind(text(row, "name").unwrap_or_default())
            .bind(data)
            .bind(now),
            "custom_events" => sqlx::query(
                "INSERT INTO custom_events (id, user_id, title, data, updated_at) SELECT ?1, ?2, ?3, ?4, ?5 \
                 WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE tbl = 'custom_events' AND row_id = ?1 AND refused = 0) \
                 ON CONFLICT (id) DO UPDATE SET title = ?3, data = ?4, updated_at = ?5",
            )
            .bind(id)
            .bind(text(row, "user_id").unwrap_or_default())
            .bind(text(row, "title").unwrap_or_default())
            .bind(data)
            .bind(now),
            "stories" => sqlx::query(
                "INSERT INTO stories (id, user_id, hero_id, title, content, language, data, created_at, updated_at, \
                 event_type, event_id, length_seconds, is_favorite) \
                 SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?9, ?8, ?10, ?11, ?12, ?13 \
                 WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE tbl = 'stories' AND row_id = ?1 AND refused = 0) \
                 ON CONFLICT (id) DO UPDATE SET title = ?4, \
                 content = ?5, data = ?7, updated_at = ?8, hero_id = ?3, event_type = COALESCE(?10, stories.event_type), \
                 event_id = COALESCE(?11, stories.event_id), length_seconds = COALESCE(?12, stories.length_seconds), \
                 is_favorite = ?13",
            )
            .bind(id)
            .bind(text(row, "user_id").unwrap_or_default())
            .bind(text(row, "hero_id"))
            .bind(text(row, "title").unwrap_or_default())
            .bind(text(row, "content").unwrap_or_default())
            .bind(text(row, "language"))
            .bind(data)
            .bind(now)
            .bind(created_millis(row).unwrap_or(now))
            .bind(text(row, "event_type"))
            .bind(text(row, "custom_event_id").or_else(|| text(row, "event_id")))
            .bind(
                row.get("audio_duration")
                    .and_then(Value::as_f64)
                    .or_else(|| row.get("estimated_duration").and_then(Value::as_f64)),
            )
            .bind(row.get("is_favorite").and_then(Value::as_bool).unwrap_or(false)),
            "story_illustrations" => {
                let scene = row.get("scene_number").and_then(Value::as_u64).unwrap_or(0) as i64;
                sqlx::query(
                    "INSERT INTO illustrations (story_id, scene_number, status, error_message, updated_at) \
                     SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM stories WHERE id = ?1) \
                     ON CONFLICT (story_id, scene_number) DO UPDATE SET status = CASE \
                     WHEN illustrations.cache_key IS NOT NULL THEN illustrations.status ELSE ?3 END, \
                     error_message = ?4, updated_at = ?5",
                )
                .bind(text(row, "story_id").unwrap_or_default())
                .bind(scene)
                .bind(text(row, "status").unwrap_or_else(|| "pending".into()))
                .bind(text(row, "error_message"))
                .bind(now)
            }
            _ => return Ok(()),
        };
        q.execute(&self.pool).await.map_err(storage)?;
        Ok(())
    }

    /// Removes a row deleted on the backend. A delete beats an edit: changes of the row still
    /// queued here are dropped with it.
    pub async fn delete_row(&self, table: &str, id: &str) -> Result<(), CoreError> {
        let sql = match table {
            "heroes" => "DELETE FROM heroes WHERE id = ?1",
            "custom_events" => "DELETE FROM custom_events WHERE id = ?1",
            "stories" => "DELETE FROM stories WHERE id = ?1",
            _ => return Ok(()),
        };
        let mut tx = infinite_stories_contract::sqlite::begin_write(&self.pool)
            .await
            .map_err(storage)?;
        sqlx::query(sql)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(storage)?;
        sqlx::query("DELETE FROM outbox WHERE tbl = ?1 AND row_id = ?2 AND op = 'patch'")
            .bind(table)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(storage)?;
        tx.commit().await.map_err(storage)?;
        Ok(())
    }

    /// Records the downloaded narration of a story.
    pub async fn set_narration(
        &self,
        story_id: &str,
        cache_key: &str,
        seconds: f64,
        format: &str,
    ) -> Result<(), CoreError> {
        sqlx::query(
            "INSERT INTO audio_files (story_id, cache_key, duration_seconds, format, updated_at) VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT (story_id) DO UPDATE SET cache_key = ?2, duration_seconds = ?3, format = ?4, updated_at = ?5",
        )
        .bind(story_id)
        .bind(cache_key)
        .bind(seconds)
        .bind(format)
        .bind(self.clock.now_millis())
        .execute(&self.pool)
        .await
        .map_err(storage)?;
        Ok(())
    }

    /// Saves scenes of `story_id` read from the backend (a story whose scenes never reached this
    /// computer because its generation was interrupted). Scenes of unknown stories are skipped.
    pub async fn save_scenes(&self, story_id: &str, scenes: &[Scene]) -> Result<(), CoreError> {
        for scene in scenes {
            let json =
                serde_json::to_string(scene).map_err(|e| CoreError::Storage(e.to_string()))?;
            sqlx::query(
                "INSERT INTO scenes (story_id, scene_number, data) SELECT ?1, ?2, ?3 \
                 WHERE EXISTS (SELECT 1 FROM stories WHERE id = ?1) \
                 ON CONFLICT (story_id, scene_number) DO UPDATE SET data = ?3",
            )
            .bind(story_id)
            .bind(scene.scene_number)
            .bind(json)
            .execute(&self.pool)
            .await
            .map_err(storage)?;
        }
        Ok(())
    }

    /// Records a scene's illustration state (and its cache key once downloaded).
    pub async fn set_illustration(
        &self,
        story_id: &str,
        scene: u32,
        status: IllustrationStatus,
        cache_key: Option<&str>,
        error: Option<&str>,
    ) -> Result<(), CoreError> {
        sqlx::query(
            "INSERT INTO illustrations (story_id, scene_number, status, cache_key, error_message, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (story_id, scene_number) DO UPDATE SET status = ?3, \
             cache_key = COALESCE(?4, illustrations.cache_key), error_message = ?5, updated_at = ?6",
        )
        .bind(story_id)
        .bind(scene)
        .bind(status.id())
        .bind(cache_key)
        .bind(error)
        .bind(self.clock.now_millis())
        .execute(&self.pool)
        .await
        .map_err(storage)?;
        Ok(())
    }

    /// Records time spent listening (an upsert by session id: the player repeats it on every
    /// pause and at the end). The story's last-heard time, state and plays and the family's
    /// per-day totals follow in the same statement (triggers of migration 0004).
    pub async fn record_listening(&self, record: &ListeningRecord) -> Result<(), CoreError> {
        let mut conn = self.pool.acquire().await.map_err(storage)?;
        self.write_listening(&mut conn, record).await
    }

    pub(crate) async fn write_listening(
        &self,
        conn: &mut sqlx::SqliteConnection,
        record: &ListeningRecord,
    ) -> Result<(), CoreError> {
        sqlx::query(
            "INSERT INTO listening_sessions (id, story_id, started_at, seconds_listened, completed, position, \
             utc_offset_minutes, user_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, \
             (SELECT user_id FROM stories WHERE id = ?2)) \
             ON CONFLICT (id) DO UPDATE SET seconds_listened = ?4, completed = ?5, \
             position = COALESCE(?6, listening_sessions.position)",
        )
        .bind(&record.session_id)
        .bind(&record.story_id)
        .bind(record.started_at.unwrap_or_else(|| self.clock.now_millis()))
        .bind(record.seconds)
        .bind(record.completed)
        .bind(record.position)
        .bind(record.utc_offset_minutes)
        .execute(conn)
        .await
        .map_err(storage)?;
        Ok(())
    }

    /// The user's stories, newest first: one query for the whole list (offline readiness
    /// judged in SQL, as for the library's cards), not one story read per row.
    pub async fn stories(&self, user_id: &str) -> Result<Vec<StorySummary>, CoreError> {
        let rows = sqlx::query(&format!(
            "SELECT s.id, s.title, s.hero_id, s.language, s.created_at, \
             s.content <> '' AND {OFFLINE_READY} AS offline_ready \
             FROM stories s WHERE s.user_id = ?1 ORDER BY s.created_at DESC, s.id"
        ))
        .bind(user_id)
        .bind(self.clock.now_millis())
        .fetch_all(&self.pool)
        .await
        .map_err(storage)?;
        Ok(rows
            .iter()
            .map(|r| StorySummary {
                id: r.get("id"),
                title: r.get("title"),
                hero_id: r.get("hero_id"),
                language: r.get("language"),
                created_at: r.get("created_at"),
                offline_ready: r.get("offline_ready"),
            })
            .collect())
    }

    /// One story of `user_id` with scenes, narration and illustrations; `None` for a story
    /// that is not in the library or belongs to another family (another user signed in on this
    /// computer), so one family never reads another's story by its id.
    pub async fn story(&self, user_id: &str, id: &str) -> Result<Option<StoryDetail>, CoreError> {
        let Some(row) = sqlx::query(
            "SELECT id, hero_id, title, content, language, created_at FROM stories \
             WHERE id = ?1 AND user_id = ?2",
        )
        .bind(id)
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await
        .map_err(storage)?
        else {
            return Ok(None);
        };
        let scenes: Vec<Scene> = sqlx::query_scalar::<_, String>(
            "SELECT data FROM scenes WHERE story_id = ?1 ORDER BY scene_number",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await
        .map_err(storage)?
        .iter()
        .filter_map(|d| serde_json::from_str(d).ok())
        .collect();
        let audio =
            sqlx::query("SELECT cache_key, duration_seconds FROM audio_files WHERE story_id = ?1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await
                .map_err(storage)?;
        let illustrations: Vec<IllustrationState> = sqlx::query(
            "SELECT scene_number, status, cache_key, error_message FROM illustrations WHERE story_id = ?1 ORDER BY scene_number",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await
        .map_err(storage)?
        .iter()
        .map(|r| IllustrationState {
            scene_number: r.get::<i64, _>("scene_number") as u32,
            status: IllustrationStatus::parse(r.get("status")),
            cache_key: r.get("cache_key"),
            error_message: r.get("error_message"),
        })
        .collect();
        let narration_key: Option<String> = audio.as_ref().map(|r| r.get("cache_key"));
        let content: String = row.get("content");
        let offline_ready = !content.is_empty()
            && !scenes.is_empty()
            && self.local(narration_key.as_deref()).await?
            && {
                let mut all = true;
                for scene in &scenes {
                    let key = illustrations
                        .iter()
                        .find(|i| i.scene_number == scene.scene_number)
                        .and_then(|i| i.cache_key.as_deref());
                    all &= self.local(key).await?;
                }
                all
            };
        Ok(Some(StoryDetail {
            summary: StorySummary {
                id: row.get("id"),
                title: row.get("title"),
                hero_id: row.get("hero_id"),
                language: row.get("language"),
                created_at: row.get("created_at"),
                offline_ready,
            },
            content,
            scenes,
            narration_seconds: audio.as_ref().map(|r| r.get("duration_seconds")),
            narration_key,
            illustrations,
        }))
    }

    /// Whether cache entry `key` may be shown to `user_id`: a story's media (`audio:`,
    /// `timings:`, `illustration:`, `story:`) only to the family the story belongs to, a hero's
    /// avatar (`avatar:`) only to the hero's family. Other keys (API answers) are no one's media.
    pub async fn owns_media(&self, user_id: &str, key: &str) -> Result<bool, CoreError> {
        let (table, id) = if let Some(id) = key
            .strip_prefix("audio:")
            .or_else(|| key.strip_prefix("timings:"))
            .or_else(|| key.strip_prefix("story:"))
        {
            ("stories", id)
        } else if let Some(rest) = key.strip_prefix("illustration:") {
            ("stories", rest.rsplit_once(':').map_or(rest, |(id, _)| id))
        } else if let Some(rest) = key.strip_prefix("avatar:") {
            ("heroes", rest.rsplit_once(':').map_or(rest, |(id, _)| id))
        } else {
            return Ok(false);
        };
        let sql = if table == "stories" {
            "SELECT EXISTS (SELECT 1 FROM stories WHERE id = ?1 AND user_id = ?2)"
        } else {
            "SELECT EXISTS (SELECT 1 FROM heroes WHERE id = ?1 AND user_id = ?2)"
        };
        sqlx::query_scalar::<_, bool>(sql)
            .bind(id)
            .bind(user_id)
            .fetch_one(&self.pool)
            .await
            .map_err(storage)
    }

    async fn local(&self, key: Option<&str>) -> Result<bool, CoreError> {
        match key {
            Some(k) => self.cache.contains(k).await,
            None => Ok(false),
        }
    }
}

#[cfg(test)]
mod listening_tests;
#[cfg(test)]
mod plan_tests;
#[cfg(test)]
mod search_tests;
#[cfg(test)]
mod tests;

/// An empty library in a temporary folder, for the library's unit tests.
#[cfg(test)]
pub(crate) async fn scratch() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let pool = crate::database::open(dir.path()).await.unwrap();
    let clock = crate::clock::ManualClock::new();
    let cache = crate::cache::StoryCache::new(
        dir.path(),
        pool.clone(),
        clock.clone(),
        crate::cache::DISK_LIMIT,
    )
    .unwrap();
    (dir, Library::new(pool, cache, clock))
}
