//! Direct-provider mode: the story is written, narrated and drawn by an OpenAI-compatible
//! provider the app calls itself (the storyteller's providers, with the family's key), and then
//! recorded exactly as the backend's functions record theirs — the `stories`, `story_scenes` and
//! `story_illustrations` rows through PostgREST, the narration and pictures in the same buckets
//! at the same paths (`<user>/<story>/narration.mp3`, `<user>/<story>/scene_<n>.png`) with
//! signed links — so the library, sync and the family's other devices cannot tell the two modes
//! apart. The flow around it (progress, cancel, the local library and cache) is
//! [`super::StoryFlow`]'s, shared with the backend mode.

use std::sync::Arc;

use bytes::Bytes;
use reqwest::Method;
use serde::Serialize;
use serde_json::{Map, Value, json};

use super::StoryFlow;
use crate::api::ApiClient;
use crate::clock::SharedClock;
use crate::contract::clock::iso_micros;
use crate::contract::hash::fnv1a;
use crate::contract::{
    CustomEventSpec, EventSpec, GeneratedStory, HeroDraft, IllustrationRow, IllustrationStatus,
    Language, Narration, Scene, SceneRow, StoryEvent, StoryNarration, StoryRequest, StoryRow,
    Voice,
};
use crate::error::CoreError;
use crate::http::{Request, Service};
use infinite_stories_storyteller::openai::{
    OpenAiClient, OpenAiIllustrator, OpenAiNarrator, OpenAiWriter,
};
use infinite_stories_storyteller::{
    AvatarStyle, IllustrationRequest, Illustrator, NarrationRequest, Narrator, OpenAiConfig,
    StoryBrief, StoryWriter, StorytellerError,
};

/// Signed links written into rows live an hour, as the functions' do.
const URL_TTL: u64 = 3600;

/// The providers a direct-mode story is made with, and the name its errors give them.
#[derive(Clone, Debug)]
pub struct DirectProviders {
    /// Writes the story and its scenes.
    pub writer: Arc<dyn StoryWriter>,
    /// Narrates it.
    pub narrator: Arc<dyn Narrator>,
    /// Draws the scenes.
    pub illustrator: Arc<dyn Illustrator>,
    /// What errors call the provider (its host).
    pub name: String,
}

impl DirectProviders {
    /// The storyteller's OpenAI-compatible writer, narrator and illustrator on `config`.
    pub fn openai(config: OpenAiConfig) -> Result<Self, CoreError> {
        let name = provider_name(&config.base_url);
        let client = OpenAiClient::new(config).map_err(|e| provider_error(&name, e))?;
        Ok(DirectProviders {
            writer: Arc::new(OpenAiWriter::new(client.clone())),
            narrator: Arc::new(OpenAiNarrator::new(client.clone())),
            illustrator: Arc::new(OpenAiIllustrator::new(client)),
            name,
        })
    }
}

/// The providers with the clock the rows' timestamps are read from.
#[derive(Clone, Debug)]
pub(crate) struct Direct {
    pub(crate) providers: DirectProviders,
    pub(crate) clock: SharedClock,
}

/// A narration as the flow records it: what the function would have answered, and the files.
pub(crate) struct MadeNarration {
    pub(crate) narration: Narration,
    pub(crate) audio: Bytes,
    pub(crate) timings: Option<Bytes>,
}

/// The host (and port) of a provider's address: how errors name it.
pub fn provider_name(base_url: &str) -> String {
    url::Url::parse(base_url)
        .ok()
        .and_then(|u| {
            u.host_str()
                .map(|h| u.port().map_or(h.to_owned(), |p| format!("{h}:{p}")))
        })
        .unwrap_or_else(|| base_url.to_owned())
}

/// A provider's failure as the family reads it: a refusal stays a content-policy refusal, a
/// bad request a validation error, everything else names the provider.
pub fn provider_error(provider: &str, e: StorytellerError) -> CoreError {
    let (message, retryable, retry_after) = match e {
        StorytellerError::ContentPolicy { message } => return CoreError::ContentPolicy(message),
        StorytellerError::InvalidRequest { .. } => return CoreError::Validation(e.to_string()),
        StorytellerError::RateLimited { retry_after } => (
            "it asks to slow down for a while".to_owned(),
            true,
            retry_after,
        ),
        StorytellerError::Timeout { .. } => ("it did not answer in time".to_owned(), true, None),
        StorytellerError::Provider {
            message, status, ..
        } => {
            let retryable = status.is_none_or(|s| s >= 500 || s == 408);
            let message = match status {
                Some(s) => format!("HTTP {s}: {message}"),
                None => message,
            };
            (message, retryable, None)
        }
        other => (other.to_string(), false, None),
    };
    CoreError::Provider {
        provider: provider.to_owned(),
        message,
        retryable,
        retry_after,
    }
}

/// One row of `table` by id, as the signed-in family may read it.
async fn row(api: &ApiClient, table: &str, id: &str, what: &str) -> Result<Value, CoreError> {
    let rows: Vec<Value> = api.select(table, &format!("id=eq.{id}&select=*")).await?;
    rows.into_iter()
        .next()
        .ok_or_else(|| CoreError::NotFound(format!("That {what} isn't in your library.")))
}

fn object(value: &Value) -> Map<String, Value> {
    value.as_object().cloned().unwrap_or_default()
}

/// `POST /rest/v1/<table>` of one row or an array of rows, answering nothing.
async fn insert(api: &ApiClient, table: &str, rows: &impl Serialize) -> Result<(), CoreError> {
    let request = Request::new(Service::Rest, Method::POST, format!("/{table}"))
        .json(rows)
        .header("prefer", "return=minimal");
    api.send(&request).await.map(|_| ())
}

/// `PATCH /rest/v1/<table>?id=eq.<id>`.
async fn patch(
    api: &ApiClient,
    table: &str,
    id: &str,
    changes: &impl Serialize,
) -> Result<(), CoreError> {
    let request = Request::new(Service::Rest, Method::PATCH, format!("/{table}?id=eq.{id}"))
        .json(changes)
        .header("prefer", "return=minimal");
    api.send(&request).await.map(|_| ())
}

/// Uploads a file to `bucket/path` (replacing one there) and answers its signed link.
async fn upload(
    api: &ApiClient,
    bucket: &str,
    path: &str,
    body: Bytes,
    mime: &str,
    cache_control: &str,
) -> Result<String, CoreError> {
    let put = Request::new(
        Service::Storage,
        Method::POST,
        format!("/object/{bucket}/{path}"),
    )
    .bytes(body, mime)
    .header("x-upsert", "true")
    .header("cache-control", cache_control);
    api.send(&put).await?;
    let sign = Request::new(
        Service::Storage,
        Method::POST,
        format!("/object/sign/{bucket}/{path}"),
    )
    .json(&json!({ "expiresIn": URL_TTL }));
    let signed: Value = api.send(&sign).await?.json()?;
    let link = signed["signedURL"]
        .as_str()
        .or(signed["signedUrl"].as_str())
        .ok_or_else(|| CoreError::InvalidResponse("storage answered no signed link".into()))?;
    Ok(if link.starts_with("http") {
        link.to_owned()
    } else {
        api.transport().url(Service::Storage, link)
    })
}

impl StoryFlow {
    /// Writes the story with the provider and records its `stories` and `story_scenes` rows
    /// (and the custom event's use), as `story-generation` does.
    pub(crate) async fn direct_story(
        &self,
        direct: &Direct,
        user_id: &str,
        request: &StoryRequest,
        request_id: &str,
    ) -> Result<GeneratedStory, CoreError> {
        request
            .validate()
            .map_err(|e| CoreError::Validation(e.to_string()))?;
        let hero = row(&self.api, "heroes", &request.hero_id, "hero").await?;
        let (event, custom) = match &request.event {
            StoryEvent::BuiltIn { event } => (EventSpec::BuiltIn(*event), None),
            StoryEvent::Custom { custom_event_id } => {
                let row = row(&self.api, "custom_events", custom_event_id, "event").await?;
                let spec = CustomEventSpec::from_row(&object(&row))
                    .unwrap_or_else(|| CustomEventSpec::titled(""));
                (EventSpec::Custom(spec), Some(row))
            }
        };
        let brief = StoryBrief {
            request: request.clone(),
            hero: HeroDraft::from_row(&object(&hero)),
            event,
            seed: fnv1a(request_id.as_bytes()),
        };
        let name = &direct.providers.name;
        let draft = direct
            .providers
            .writer
            .write(&brief)
            .await
            .map_err(|e| provider_error(name, e))?;
        let story = GeneratedStory {
            story_id: uuid::Uuid::new_v4().to_string(),
            title: draft.title,
            content: draft.content,
            estimated_duration: draft.estimated_duration,
            word_count: draft.word_count as u32,
            scenes: draft.scenes,
        };
        let now = iso_micros(direct.clock.now_millis());
        let custom_id = custom
            .as_ref()
            .and_then(|r| r["id"].as_str())
            .map(str::to_owned);
        let story_row = StoryRow::written(
            story.story_id.clone(),
            user_id,
            request,
            custom_id.clone(),
            &story,
            &now,
        );
        insert(&self.api, "stories", &story_row).await?;
        let scenes: Vec<SceneRow> = story
            .scenes
            .iter()
            .map(|s| SceneRow::of(s, uuid::Uuid::new_v4().to_string(), &story.story_id, &now))
            .collect();
        insert(&self.api, "story_scenes", &scenes).await?;
        if let (Some(id), Some(row)) = (custom_id, custom) {
            let uses = row["usage_count"].as_i64().unwrap_or(0) + 1;
            patch(
                &self.api,
                "custom_events",
                &id,
                &json!({"usage_count": uses, "last_used_at": now}),
            )
            .await?;
        }
        Ok(story)
    }

    /// Narrates with the provider, stores the audio (and word timings) where
    /// `audio-synthesis` stores them and records them on the story row.
    pub(crate) async fn direct_narration(
        &self,
        direct: &Direct,
        story_id: &str,
        text: &str,
        voice: Voice,
        language: Language,
    ) -> Result<MadeNarration, CoreError> {
        let out = direct
            .providers
            .narrator
            .narrate(&NarrationRequest {
                text: text.to_owned(),
                voice,
                language,
            })
            .await
            .map_err(|e| provider_error(&direct.providers.name, e))?;
        let ext = out.format.extension();
        let path = format!("{}/{story_id}/narration.{ext}", self.user);
        let audio = Bytes::from(out.bytes);
        let audio_url = upload(
            &self.api,
            "story-audio",
            &path,
            audio.clone(),
            out.format.mime(),
            "max-age=3600",
        )
        .await?;
        let (timings, timings_url) = if out.timings.is_empty() {
            (None, None)
        } else {
            let bytes = Bytes::from(
                serde_json::to_vec(&out.timings).map_err(|e| CoreError::Storage(e.to_string()))?,
            );
            let tpath = format!("{}/{story_id}/timings.json", self.user);
            let url = upload(
                &self.api,
                "story-audio",
                &tpath,
                bytes.clone(),
                "application/json",
                "max-age=3600",
            )
            .await?;
            (Some(bytes), Some(url))
        };
        let columns = StoryNarration {
            audio_url: Some(audio_url.clone()),
            audio_path: Some(path.clone()),
            audio_duration: Some(out.duration_seconds),
            audio_voice: Some(out.voice.id().to_string()),
            timings_url: timings_url.clone(),
        };
        patch(&self.api, "stories", story_id, &columns).await?;
        Ok(MadeNarration {
            narration: Narration {
                audio_url,
                storage_path: path,
                duration_seconds: out.duration_seconds,
                file_size_bytes: audio.len() as u64,
                voice_used: out.voice,
                format: ext.into(),
                timings_url,
            },
            audio,
            timings,
        })
    }

    /// Draws one scene with the provider, stores the picture where `scene-illustration` does
    /// and moves its `story_illustrations` row through processing to completed (or failed, with
    /// the reason). Answers the picture.
    pub(crate) async fn direct_picture(
        &self,
        direct: &Direct,
        story_id: &str,
        hero_id: &str,
        scene: &Scene,
    ) -> Result<Bytes, CoreError> {
        let n = scene.scene_number;
        let now = || iso_micros(direct.clock.now_millis());
        let mut illustration =
            IllustrationRow::pending(uuid::Uuid::new_v4().to_string(), story_id, n, &now());
        illustration.status = IllustrationStatus::Processing;
        insert(&self.api, "story_illustrations", &illustration).await?;
        let outcome = async {
            let hero = row(&self.api, "heroes", hero_id, "hero").await?;
            let story = row(&self.api, "stories", story_id, "story").await?;
            let event = match (story["event_type"].as_str(), story["event_id"].as_str()) {
                (Some("built_in"), Some(id)) => id.parse().ok().map(EventSpec::BuiltIn),
                _ => None,
            };
            let style: AvatarStyle = hero["avatar_style"]
                .as_str()
                .and_then(|s| s.parse().ok())
                .unwrap_or_default();
            let image = direct
                .providers
                .illustrator
                .illustrate(&IllustrationRequest {
                    scene: scene.clone(),
                    hero: HeroDraft::from_row(&object(&hero)),
                    event,
                    story_key: story_id.to_owned(),
                    style,
                    previous_generation_id: hero["avatar_generation_id"]
                        .as_str()
                        .map(str::to_owned),
                })
                .await
                .map_err(|e| provider_error(&direct.providers.name, e))?;
            let path = format!("{}/{story_id}/scene_{n}.png", self.user);
            let png = Bytes::from(image.png);
            let url = upload(
                &self.api,
                "story-illustrations",
                &path,
                png.clone(),
                "image/png",
                "max-age=86400",
            )
            .await?;
            Ok::<_, CoreError>((png, url, path, image.generation_id))
        }
        .await;
        match outcome {
            Ok((png, url, path, generation_id)) => {
                let done = json!({"status": "completed", "image_url": url, "image_path": path,
                    "generation_id": generation_id, "updated_at": now()});
                patch(&self.api, "story_illustrations", &illustration.id, &done).await?;
                Ok(png)
            }
            Err(e) => {
                let failed = json!({"status": "failed", "error_message": e.to_string(),
                    "updated_at": now()});
                if let Err(patch_error) =
                    patch(&self.api, "story_illustrations", &illustration.id, &failed).await
                {
                    tracing::warn!(story_id, scene = n, error = %patch_error,
                        "the failed picture could not be recorded on the backend");
                }
                Err(e)
            }
        }
    }
}
