//! The "tell me a story" flow: story text → narration (downloaded into the cache, which is what
//! makes offline playback work) → illustrations in batches of five scenes drawn in parallel.
//! Every step lands in the local library; progress goes out as [`GenerationProgress`] events,
//! with the status line taken from the backend's realtime progress broadcasts and per-scene
//! states from realtime illustration updates. A generation can be cancelled; a failed scene is
//! kept as failed and can be retried on its own. The text, narration and pictures come from the
//! backend's functions, or in direct-provider mode from a provider the app calls itself
//! ([`direct`]); everything after that (library, cache, progress) is the same code.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use futures_util::future::join_all;
use tokio::sync::watch;

use super::library::{Library, StoryDetail};
use super::progress::{GenerationProgress, SceneProgress, Stage, progress_line};
use super::request::GenerateRequest;
use crate::api::ApiClient;
use crate::api::models::{
    AudioRequest, GeneratedStory, IllustrationBatch, IllustrationStatus, IllustrationsRequest,
    Narration, Scene,
};
use crate::cache::CacheKind;
use crate::contract::{Language, Voice, WordTiming};
use crate::error::CoreError;
use crate::events::{CoreEvent, EventHub};
use crate::realtime::{RealtimeClient, RealtimeMessage, Subscription};

pub mod direct;
mod finish;

use direct::{Direct, MadeNarration};

/// The cache key of a story's word timings (JSON, as the narrator measured them).
pub fn timings_key(story_id: &str) -> String {
    format!("timings:{story_id}")
}

/// Scenes illustrated at once.
pub const ILLUSTRATION_BATCH: usize = 5;

/// Cancel switches of running generations, by request id.
#[derive(Debug, Default)]
pub struct Cancels(Mutex<HashMap<String, watch::Sender<bool>>>);

impl Cancels {
    fn register(&self, id: &str) -> watch::Receiver<bool> {
        let (tx, rx) = watch::channel(false);
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id.to_owned(), tx);
        rx
    }

    fn forget(&self, id: &str) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).remove(id);
    }

    /// Cancels generation `id`; `false` if none is running.
    pub fn cancel(&self, id: &str) -> bool {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(id)
            .is_some_and(|tx| tx.send(true).is_ok())
    }
}

/// Everything the flow needs.
#[derive(Clone, Debug)]
pub struct StoryFlow {
    /// The signed-in user: the flow reads and finishes only this family's stories.
    pub user: String,
    /// Backend client.
    pub api: ApiClient,
    /// Local library (with the cache).
    pub library: Library,
    /// Realtime, for the status line and illustration updates.
    pub realtime: RealtimeClient,
    /// Where progress goes.
    pub events: EventHub,
    /// Running generations.
    pub cancels: Arc<Cancels>,
    /// Set in direct-provider mode: the story, narration and pictures come from the provider
    /// the app calls itself instead of the backend's functions.
    pub(crate) direct: Option<Direct>,
}

/// Runs `fut` unless `cancel` flips first.
async fn or_cancel<T>(
    cancel: &mut watch::Receiver<bool>,
    fut: impl Future<Output = Result<T, CoreError>>,
) -> Result<T, CoreError> {
    if *cancel.borrow() {
        return Err(CoreError::Cancelled);
    }
    tokio::select! {
        r = fut => r,
        _ = cancel.wait_for(|c| *c) => Err(CoreError::Cancelled),
    }
}

struct Reporter {
    events: EventHub,
    state: Mutex<GenerationProgress>,
}

impl Reporter {
    fn update(&self, f: impl FnOnce(&mut GenerationProgress)) {
        let snapshot = {
            let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
            f(&mut s);
            s.clone()
        };
        self.events.emit(CoreEvent::Progress(snapshot));
    }

    fn scene(&self, n: u32, status: IllustrationStatus) {
        self.update(|p| {
            if let Some(s) = p.scenes.iter_mut().find(|s| s.scene_number == n) {
                // Never step back from a final state on a late realtime update.
                if !s.status.is_final() || status == IllustrationStatus::Completed {
                    s.status = status;
                }
            }
            let total = p.scenes.len().max(1) as f64;
            let done = p.scenes.iter().filter(|s| s.status.is_final()).count() as f64;
            if p.stage == Stage::Illustrating {
                p.progress = 0.5 + 0.5 * done / total;
            }
        });
    }
}

impl StoryFlow {
    /// Generates a story for `user_id` end to end and returns it from the library.
    pub async fn generate(
        &self,
        user_id: &str,
        request: GenerateRequest,
    ) -> Result<StoryDetail, CoreError> {
        let rid = request
            .request_id
            .clone()
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        let mut cancel = self.cancels.register(&rid);
        let reporter = Arc::new(Reporter {
            events: self.events.clone(),
            state: Mutex::new(GenerationProgress {
                request_id: rid.clone(),
                story_id: None,
                stage: Stage::Writing,
                progress: 0.0,
                status: "Writing the story…".into(),
                scenes: Vec::new(),
            }),
        });
        let progress_topic = self.realtime.subscribe(Subscription::Progress {
            request_id: rid.clone(),
        });
        let listener = self.listen(&reporter, &progress_topic, &rid);
        let result = self
            .run(user_id, &request, &rid, &reporter, &mut cancel)
            .await;
        listener.abort();
        self.realtime.unsubscribe(&progress_topic);
        self.cancels.forget(&rid);
        match &result {
            Ok(_) => reporter.update(|p| {
                p.stage = Stage::Done;
                p.progress = 1.0;
                p.status = "Your story is ready.".into();
            }),
            Err(CoreError::Cancelled) => reporter.update(|p| {
                p.stage = Stage::Cancelled;
                p.status = "Cancelled.".into();
            }),
            Err(e) => {
                let message = e.to_string();
                reporter.update(|p| {
                    p.stage = Stage::Failed;
                    p.status = message;
                });
            }
        }
        result
    }

    /// Forwards realtime progress lines and illustration updates into the reporter.
    fn listen(
        &self,
        reporter: &Arc<Reporter>,
        progress_topic: &str,
        request_id: &str,
    ) -> tokio::task::JoinHandle<()> {
        let mut rx = self.realtime.messages();
        let reporter = reporter.clone();
        let library = self.library.clone();
        let topic = progress_topic.to_owned();
        let rid = request_id.to_owned();
        tokio::spawn(async move {
            loop {
                match rx.recv().await {
                    Ok(RealtimeMessage::Broadcast {
                        topic: t,
                        event,
                        payload,
                    }) if t == topic => {
                        if let Some((line, fraction)) = progress_line(&event, &payload, &rid) {
                            reporter.update(|p| {
                                if p.stage == Stage::Writing {
                                    p.status = line;
                                    if let Some(f) = fraction {
                                        p.progress = 0.3 * f;
                                    }
                                }
                            });
                        }
                    }
                    Ok(RealtimeMessage::Change { table, record, .. })
                        if table == "story_illustrations" =>
                    {
                        let _ = library.apply_row(&table, &record).await;
                        if let (Some(n), Some(status)) =
                            (record["scene_number"].as_u64(), record["status"].as_str())
                        {
                            reporter.scene(n as u32, IllustrationStatus::parse(status));
                        }
                    }
                    Ok(_) => {}
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                    Err(_) => return,
                }
            }
        })
    }

    async fn run(
        &self,
        user_id: &str,
        request: &GenerateRequest,
        rid: &str,
        reporter: &Arc<Reporter>,
        cancel: &mut watch::Receiver<bool>,
    ) -> Result<StoryDetail, CoreError> {
        let story_req = &request.story;
        let story: GeneratedStory = match &self.direct {
            Some(direct) => {
                or_cancel(cancel, self.direct_story(direct, user_id, story_req, rid)).await?
            }
            None => {
                or_cancel(cancel, async {
                    Ok(self
                        .api
                        .invoke("story-generation", story_req, 1, rid)
                        .await?
                        .data)
                })
                .await?
            }
        };
        self.library
            .save_generated(user_id, story_req, &story)
            .await?;
        let json = serde_json::to_vec(&story).map_err(|e| CoreError::Storage(e.to_string()))?;
        self.library
            .cache()
            .put(
                &format!("story:{}", story.story_id),
                Bytes::from(json),
                CacheKind::Day,
            )
            .await?;
        reporter.update(|p| {
            p.story_id = Some(story.story_id.clone());
            p.progress = 0.3;
            p.scenes = story
                .scenes
                .iter()
                .map(|s| SceneProgress {
                    scene_number: s.scene_number,
                    status: IllustrationStatus::Pending,
                })
                .collect();
        });

        if request.narration {
            reporter.update(|p| {
                p.stage = Stage::Narrating;
                p.status = "Recording the narration…".into();
            });
            let narrate = self.narrate(
                &story.story_id,
                &story.content,
                story_req.voice_or_default(),
                story_req.language,
            );
            or_cancel(cancel, narrate).await?;
            reporter.update(|p| p.progress = 0.5);
        }

        if request.illustrations {
            reporter.update(|p| {
                p.stage = Stage::Illustrating;
                p.status = "Drawing the pictures…".into();
            });
            let topic = self.realtime.subscribe(Subscription::IllustrationProgress {
                story_id: story.story_id.clone(),
            });
            for batch in story.scenes.chunks(ILLUSTRATION_BATCH) {
                let jobs = batch.iter().map(|scene| {
                    self.illustrate(&story.story_id, &story_req.hero_id, scene, reporter)
                });
                or_cancel(cancel, async {
                    join_all(jobs).await;
                    Ok(())
                })
                .await?;
            }
            self.realtime.unsubscribe(&topic);
        }
        self.library
            .story(user_id, &story.story_id)
            .await?
            .ok_or_else(|| CoreError::Storage("the story vanished from the library".into()))
    }

    /// Illustrates one scene; a failure is recorded on the scene, not returned.
    async fn illustrate(&self, story_id: &str, hero_id: &str, scene: &Scene, reporter: &Reporter) {
        let n = scene.scene_number;
        reporter.scene(n, IllustrationStatus::Processing);
        let outcome = async {
            let image = match &self.direct {
                Some(direct) => {
                    self.direct_picture(direct, story_id, hero_id, scene)
                        .await?
                }
                None => self.backend_picture(story_id, hero_id, scene).await?,
            };
            let key = format!("illustration:{story_id}:{n}");
            self.library
                .cache()
                .put(&key, image, CacheKind::Permanent)
                .await?;
            self.library
                .set_illustration(story_id, n, IllustrationStatus::Completed, Some(&key), None)
                .await
        }
        .await;
        match outcome {
            Ok(()) => reporter.scene(n, IllustrationStatus::Completed),
            Err(e) => {
                tracing::info!(story_id, scene = n, error = %e, "illustration failed; kept for retry");
                let _ = self
                    .library
                    .set_illustration(
                        story_id,
                        n,
                        IllustrationStatus::Failed,
                        None,
                        Some(&e.to_string()),
                    )
                    .await;
                reporter.scene(n, IllustrationStatus::Failed);
            }
        }
    }

    /// One scene's picture from the backend's `scene-illustration` function.
    async fn backend_picture(
        &self,
        story_id: &str,
        hero_id: &str,
        scene: &Scene,
    ) -> Result<Bytes, CoreError> {
        let n = scene.scene_number;
        let body = IllustrationsRequest {
            story_id: story_id.to_owned(),
            hero_id: hero_id.to_owned(),
            scenes: vec![scene.clone()],
        };
        let batch: IllustrationBatch = self
            .api
            .invoke(
                "scene-illustration",
                &body,
                1,
                &uuid::Uuid::new_v4().to_string(),
            )
            .await?
            .data;
        let result = batch
            .illustrations
            .into_iter()
            .find(|i| i.scene_number == n);
        match result {
            Some(r) if r.status == IllustrationStatus::Completed => {
                let url = r
                    .image_url
                    .or(r.storage_path)
                    .ok_or_else(|| CoreError::InvalidResponse("no image link".into()))?;
                self.api.download(&url).await
            }
            Some(r) => Err(CoreError::Server {
                status: 502,
                code: Some("ILLUSTRATION_FAILED".into()),
                message: r.error_message,
                request_id: None,
            }),
            None => Err(CoreError::InvalidResponse(
                "the scene was missing from the answer".into(),
            )),
        }
    }

    /// A narration from the backend's `audio-synthesis` function, with its files downloaded.
    async fn backend_narration(&self, body: &AudioRequest) -> Result<MadeNarration, CoreError> {
        let narration: Narration = self
            .api
            .invoke(
                "audio-synthesis",
                body,
                1,
                &uuid::Uuid::new_v4().to_string(),
            )
            .await?
            .data;
        let audio = self.api.download(&narration.audio_url).await?;
        let timings = match &narration.timings_url {
            Some(url) => Some(self.api.download(url).await?),
            None => None,
        };
        Ok(MadeNarration {
            narration,
            audio,
            timings,
        })
    }

    /// Records the narration of a story in the library: the audio and, when the narrator gave
    /// them, its word timings go into the cache as permanent entries (`audio:<id>`,
    /// `timings:<id>`), which is what offline playback and the read-along need.
    async fn narrate(
        &self,
        story_id: &str,
        text: &str,
        voice: Voice,
        language: Language,
    ) -> Result<(), CoreError> {
        let MadeNarration {
            narration,
            audio,
            timings,
        } = match &self.direct {
            Some(direct) => {
                self.direct_narration(direct, story_id, text, voice, language)
                    .await?
            }
            None => {
                let body = AudioRequest {
                    story_id: story_id.to_owned(),
                    text: text.to_owned(),
                    voice,
                    language,
                };
                self.backend_narration(&body).await?
            }
        };
        if let Some(timings) = timings {
            // Kept only when it is what the reader can read.
            match serde_json::from_slice::<Vec<WordTiming>>(&timings) {
                Ok(_) => {
                    self.library
                        .cache()
                        .put(&timings_key(story_id), timings, CacheKind::Permanent)
                        .await?
                }
                Err(e) => tracing::warn!(story_id, error = %e, "word timings unreadable; skipped"),
            }
        }
        let key = format!("audio:{story_id}");
        self.library
            .cache()
            .put(&key, audio, CacheKind::Permanent)
            .await?;
        self.library
            .set_narration(
                story_id,
                &key,
                narration.duration_seconds,
                &narration.format,
            )
            .await
    }

    /// A story of the library, or the error that says it is not there.
    async fn stored(&self, story_id: &str) -> Result<StoryDetail, CoreError> {
        self.library
            .story(&self.user, story_id)
            .await?
            .ok_or_else(|| CoreError::NotFound("That story isn't in your library.".into()))
    }

    /// Narrates a story of the library that has none yet (a story made without narration),
    /// with progress events like a generation's.
    pub async fn make_narration(
        &self,
        story_id: &str,
        voice: Voice,
    ) -> Result<StoryDetail, CoreError> {
        let detail = self.stored(story_id).await?;
        let language = detail
            .summary
            .language
            .as_deref()
            .and_then(|l| l.parse::<Language>().ok())
            .unwrap_or_default();
        let reporter = Reporter {
            events: self.events.clone(),
            state: Mutex::new(GenerationProgress {
                request_id: format!("narrate-{story_id}"),
                story_id: Some(story_id.to_owned()),
                stage: Stage::Narrating,
                progress: 0.1,
                status: "Recording the narration…".into(),
                scenes: Vec::new(),
            }),
        };
        reporter.update(|_| {});
        let result = self
            .narrate(story_id, &detail.content, voice, language)
            .await;
        match &result {
            Ok(()) => reporter.update(|p| {
                p.stage = Stage::Done;
                p.progress = 1.0;
                p.status = "The narration is ready.".into();
            }),
            Err(e) => {
                let message = e.to_string();
                reporter.update(|p| {
                    p.stage = Stage::Failed;
                    p.status = message;
                });
            }
        }
        result?;
        self.stored(story_id).await
    }

    /// Retries one scene's illustration of a story in the library.
    pub async fn retry_illustration(
        &self,
        story_id: &str,
        scene_number: u32,
    ) -> Result<StoryDetail, CoreError> {
        let detail = self.stored(story_id).await?;
        let scene = detail
            .scenes
            .iter()
            .find(|s| s.scene_number == scene_number)
            .ok_or_else(|| CoreError::NotFound("That scene doesn't exist.".into()))?;
        let hero = detail.summary.hero_id.clone().unwrap_or_default();
        let reporter = Reporter {
            events: self.events.clone(),
            state: Mutex::new(GenerationProgress {
                request_id: format!("retry-{story_id}-{scene_number}"),
                story_id: Some(story_id.to_owned()),
                stage: Stage::Illustrating,
                progress: 0.5,
                status: "Drawing the picture again…".into(),
                scenes: vec![SceneProgress {
                    scene_number,
                    status: IllustrationStatus::Pending,
                }],
            }),
        };
        self.illustrate(story_id, &hero, scene, &reporter).await;
        self.stored(story_id).await
    }
}
