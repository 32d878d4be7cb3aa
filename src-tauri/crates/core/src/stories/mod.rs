//! The story domain in one place: what the UI asks for ([`request`]), the "tell me a story" flow
//! ([`flow`]), its progress events ([`progress`]) and the local library with its queries
//! ([`library`]); below, the stories part of the [`Core`] API: generation (with cancel and
//! per-scene retry), the library (works offline), cached media and the cache.

pub mod flow;
pub mod library;
pub mod outbox;
pub mod progress;
mod reading;
pub mod request;
pub mod shelf;
pub mod sync;

pub use reading::StoryAudio;
pub use sync::SyncReport;

use serde_json::json;

use self::flow::StoryFlow;
use crate::*;

impl Core {
    pub(crate) async fn library(&self) -> Result<&Library, CoreError> {
        let dir = self
            .inner
            .options
            .data_dir
            .clone()
            .ok_or(crate::database::StorageError::NoDataDir)?;
        let clock = self.inner.options.clock.clone();
        self.inner
            .local
            .get_or_try_init(|| async move {
                let started = std::time::Instant::now();
                let (opened, check) = database::open_or_recover(&dir, clock.now_millis()).await?;
                tracing::info!(
                    ms = started.elapsed().as_millis() as u64,
                    "the local library is open"
                );
                if let Some(recovered) = &opened.recovered {
                    self.report_recovered(crate::recovery::Damaged::Library, recovered);
                    self.resync_after_recovery();
                }
                self.check_library_later(check);
                let pool = opened.pool;
                let cache =
                    cache::StoryCache::new(&dir, pool.clone(), clock.clone(), cache::DISK_LIMIT)?;
                Ok::<_, CoreError>(Library::new(pool, cache, clock))
            })
            .await
    }

    pub(crate) async fn flow(&self) -> Result<StoryFlow, CoreError> {
        let profile = self.profile()?;
        Ok(StoryFlow {
            user: self.user_id()?,
            api: profile.api.clone(),
            library: self.library().await?.clone(),
            realtime: profile.realtime.clone(),
            events: self.inner.events.clone(),
            cancels: self.inner.cancels.clone(),
            direct: None,
        })
    }

    pub(crate) fn user_id(&self) -> Result<String, CoreError> {
        self.session()
            .map(|s| s.user_id)
            .ok_or_else(CoreError::unauthorized)
    }

    /// Generates a story (text, narration, illustrations) with progress events; the result is
    /// in the library. Signs in anonymously first on a first run.
    pub async fn generate_story(&self, request: GenerateRequest) -> Result<StoryDetail, CoreError> {
        self.generate_with(request, None).await
    }

    /// [`Core::generate_story`] in direct-provider mode: the story, its narration and its
    /// pictures come from `providers`, called from the app, and are recorded on the backend in
    /// the same rows and files its functions would write (see [`flow::direct`]).
    pub async fn generate_story_direct(
        &self,
        request: GenerateRequest,
        providers: flow::direct::DirectProviders,
    ) -> Result<StoryDetail, CoreError> {
        let direct = flow::direct::Direct {
            providers,
            clock: self.inner.options.clock.clone(),
        };
        self.generate_with(request, Some(direct)).await
    }

    async fn generate_with(
        &self,
        mut request: GenerateRequest,
        direct: Option<flow::direct::Direct>,
    ) -> Result<StoryDetail, CoreError> {
        self.ensure_session().await?;
        let user = self.user_id()?;
        let rid = request
            .request_id
            .get_or_insert_with(|| uuid::Uuid::new_v4().to_string())
            .clone();
        let mut progress = self.events();
        let mut flow = self.flow().await?;
        flow.direct = direct;
        let result = flow.generate(&user, request).await;
        if matches!(result, Err(CoreError::Cancelled)) {
            self.discard_cancelled(&rid, &mut progress).await;
        }
        result
    }

    /// A cancelled story leaves nothing half-made: when the backend had already written it
    /// (its progress named a story), the story goes everywhere — backend rows, storage objects,
    /// the library and the cache — as a deleted one would.
    async fn discard_cancelled(&self, request_id: &str, progress: &mut crate::EventStream) {
        let mut story = None;
        while let Ok(event) = progress.try_recv() {
            if let CoreEvent::Progress(p) = event
                && p.request_id == request_id
                && p.story_id.is_some()
            {
                story = p.story_id;
            }
        }
        if let Some(id) = story {
            match self.delete_stories(std::slice::from_ref(&id)).await {
                Ok(_) => tracing::info!(story = %id, "cancelled story discarded"),
                Err(e) => {
                    tracing::warn!(story = %id, error = %e, "a cancelled story could not be discarded")
                }
            }
        }
    }

    /// Cancels a running generation; `false` when none runs under that id.
    pub fn cancel(&self, request_id: &str) -> bool {
        self.inner.cancels.cancel(request_id)
    }

    /// Draws one scene again.
    pub async fn retry_illustration(
        &self,
        story_id: &str,
        scene_number: u32,
    ) -> Result<StoryDetail, CoreError> {
        self.flow()
            .await?
            .retry_illustration(story_id, scene_number)
            .await
    }

    /// What a story of the library still lacks after an interrupted generation: scenes without
    /// a finished picture, and the narration. What the story view offers to finish.
    pub async fn unfinished(&self, story_id: &str) -> Result<Unfinished, CoreError> {
        let detail = self.story(story_id).await?;
        let pictures = detail
            .scenes
            .iter()
            .filter(|s| {
                !detail.illustrations.iter().any(|i| {
                    i.scene_number == s.scene_number
                        && i.status == crate::contract::IllustrationStatus::Completed
                })
            })
            .map(|s| s.scene_number)
            .collect();
        // Pictures were wanted (some scene has one, or has one under way or failed) and not all
        // of them are done. A story made without pictures has no illustration at all.
        let interrupted = detail
            .illustrations
            .iter()
            .any(|i| i.status != crate::contract::IllustrationStatus::Completed)
            || (!detail.illustrations.is_empty()
                && detail.illustrations.len() < detail.scenes.len());
        Ok(Unfinished {
            pictures,
            narration: detail.narration_key.is_none(),
            interrupted,
        })
    }

    /// Finishes a story whose generation was cut short: draws each picture [`Core::unfinished`]
    /// names, then records the narration in `voice` if it is missing. Progress goes out under
    /// `request_id` like a generation's, and [`Core::cancel`] with that id stops it (what was
    /// finished stays).
    pub async fn finish_story(
        &self,
        story_id: &str,
        voice: crate::contract::Voice,
        request_id: &str,
    ) -> Result<StoryDetail, CoreError> {
        self.ensure_session().await?;
        let missing = self.unfinished(story_id).await?;
        self.flow()
            .await?
            .finish(story_id, &missing, voice, request_id)
            .await
    }

    /// The signed-in user's stories, newest first (works offline).
    pub async fn stories(&self) -> Result<Vec<StorySummary>, CoreError> {
        let user = self.user_id()?;
        self.library().await?.stories(&user).await
    }

    /// One story of the signed-in family with its scenes, narration and illustrations. A story
    /// of another family signed in on this computer earlier is "not in your library".
    pub async fn story(&self, id: &str) -> Result<StoryDetail, CoreError> {
        let user = self.user_id()?;
        self.library()
            .await?
            .story(&user, id)
            .await?
            .ok_or_else(|| CoreError::NotFound("That story isn't in your library.".into()))
    }

    /// Records listening time for a story: in the library at once, and on the backend through
    /// the outbox (an upsert by session id, so repeating it is harmless; offline it waits). `session_id` is a uuid the player
    /// makes per listening session.
    pub async fn record_listening(
        &self,
        session_id: &str,
        story_id: &str,
        seconds: f64,
        completed: bool,
    ) -> Result<(), CoreError> {
        self.record_listening_at(ListeningRecord {
            session_id: session_id.to_owned(),
            story_id: story_id.to_owned(),
            seconds,
            completed,
            ..ListeningRecord::default()
        })
        .await
    }

    /// [`Core::record_listening`] with where the story was left and the listener's UTC offset
    /// (what the journey counts local days in).
    pub async fn record_listening_at(&self, record: ListeningRecord) -> Result<(), CoreError> {
        self.own_story(&record.story_id).await?;
        let user = self.user_id()?;
        let row = json!({"id": record.session_id, "user_id": user, "story_id": record.story_id,
            "seconds_listened": record.seconds, "completed": record.completed});
        self.library()
            .await?
            .queue_listening(&user, &record, &row)
            .await?;
        self.push_soon().await;
        Ok(())
    }

    /// A cached file (narration audio, illustration, avatar) by its cache key; `None` when it
    /// is not cached or belongs to a story or hero of another family (see
    /// [`Library::owns_media`]).
    pub async fn media(&self, key: &str) -> Result<Option<bytes::Bytes>, CoreError> {
        let user = self.user_id()?;
        let library = self.library().await?;
        if !library.owns_media(&user, key).await? {
            tracing::debug!("media of another family or not media; refused");
            return Ok(None);
        }
        library.cache().get(key).await
    }

    /// Cache sizes per layer.
    pub async fn cache_status(&self) -> Result<CacheStatus, CoreError> {
        self.library().await?.cache().status().await
    }

    /// Empties the cache except the media of saved stories; then drops expired entries.
    pub async fn clear_cache(&self) -> Result<CacheStatus, CoreError> {
        let cache = self.library().await?.cache();
        cache.clear().await?;
        cache.cleanup().await?;
        cache.status().await
    }
}

/// What an interrupted story still lacks.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Unfinished {
    /// Scenes whose picture is not finished (to retry one by one).
    pub pictures: Vec<u32>,
    /// Whether the narration is missing.
    pub narration: bool,
    /// Whether the story's pictures were cut short (some are under way, failed or missing while
    /// others exist): what the reader offers to finish. A story made without pictures, or
    /// without narration by choice, is not interrupted.
    pub interrupted: bool,
}
