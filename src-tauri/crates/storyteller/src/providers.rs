//! The five provider traits and the `Providers` bundle the server holds.
//!
//! Traits use `async_trait` so they stay object-safe: the server keeps `Arc<dyn StoryWriter>`
//! and friends, chosen once from configuration.

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;

use crate::{
    AvatarRequest, IllustrationRequest, ImageOutput, Language, NarrationOutput, NarrationRequest,
    Result, SafetyVerdict, Scene, SceneRequest, StoryBrief, StoryDraft,
};

/// Writes a story (title, content, scenes) for a hero and an event.
#[async_trait]
pub trait StoryWriter: Send + Sync + std::fmt::Debug {
    /// Writes one story. Custom-event text is checked by the writer's safety filter too.
    async fn write(&self, request: &StoryBrief) -> Result<StoryDraft>;
}

/// Cuts existing text into 3–8 illustrated scenes.
#[async_trait]
pub trait SceneExtractor: Send + Sync + std::fmt::Debug {
    /// Scenes whose `textSegment`s are excerpts of `request.story_content`.
    async fn extract(&self, request: &SceneRequest) -> Result<Vec<Scene>>;
}

/// Speaks text into a compressed audio file with a measured duration.
#[async_trait]
pub trait Narrator: Send + Sync + std::fmt::Debug {
    /// Narrates `request.text`.
    async fn narrate(&self, request: &NarrationRequest) -> Result<NarrationOutput>;

    /// Whether it narrates on this computer (no account or network).
    fn is_offline(&self) -> bool {
        false
    }
}

/// Draws scene illustrations and hero avatars as PNG.
#[async_trait]
pub trait Illustrator: Send + Sync + std::fmt::Debug {
    /// One scene illustration.
    async fn illustrate(&self, request: &IllustrationRequest) -> Result<ImageOutput>;
    /// One hero avatar.
    async fn avatar(&self, request: &AvatarRequest) -> Result<ImageOutput>;
}

/// Checks family-written text (custom events, avatar prompts) before it reaches a provider.
#[async_trait]
pub trait SafetyFilter: Send + Sync + std::fmt::Debug {
    /// Passes, rewrites kindly, or refuses with a message saying what to change.
    async fn check(&self, text: &str, language: Language) -> Result<SafetyVerdict>;
}

/// Which implementation serves one capability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProviderKind {
    /// Built in, no network (default).
    #[default]
    Offline,
    /// An OpenAI-compatible HTTP API.
    OpenAi,
}

/// Connection settings for an OpenAI-compatible API (OpenAI, Ollama, llama.cpp server…).
#[derive(Clone, PartialEq)]
pub struct OpenAiConfig {
    /// Base URL including `/v1`, e.g. `https://api.openai.com/v1` or `http://127.0.0.1:11434/v1`.
    pub base_url: String,
    /// Bearer key; `None` for local servers that need none. Never logged.
    pub api_key: Option<String>,
    /// Chat model for stories and scenes, e.g. `gpt-4o-mini` or `llama3.1`.
    pub chat_model: String,
    /// Speech model, e.g. `gpt-4o-mini-tts`.
    pub speech_model: String,
    /// Image model, e.g. `gpt-image-1`.
    pub image_model: String,
    /// Per-request timeout.
    pub timeout: Duration,
}

impl OpenAiConfig {
    /// OpenAI's public API with `api_key` and the default models.
    pub fn openai(api_key: impl Into<String>) -> Self {
        OpenAiConfig {
            base_url: "https://api.openai.com/v1".into(),
            api_key: Some(api_key.into()),
            chat_model: "gpt-4o-mini".into(),
            speech_model: "gpt-4o-mini-tts".into(),
            image_model: "gpt-image-1".into(),
            timeout: Duration::from_secs(180),
        }
    }
}

impl std::fmt::Debug for OpenAiConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OpenAiConfig")
            .field("base_url", &self.base_url)
            .field("api_key", &self.api_key.as_ref().map(|_| "<redacted>"))
            .field("chat_model", &self.chat_model)
            .field("speech_model", &self.speech_model)
            .field("image_model", &self.image_model)
            .field("timeout", &self.timeout)
            .finish()
    }
}

/// Which provider serves each capability. The default is all offline.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProvidersConfig {
    /// Story writer and scene extractor.
    pub writer: ProviderKind,
    /// Narrator.
    pub narrator: ProviderKind,
    /// Illustrator.
    pub illustrator: ProviderKind,
    /// Required when any capability is `OpenAi`.
    pub openai: Option<OpenAiConfig>,
}

/// The providers the server uses, one per capability.
#[derive(Debug, Clone)]
pub struct Providers {
    /// Writes stories.
    pub writer: Arc<dyn StoryWriter>,
    /// Extracts scenes from existing text.
    pub scenes: Arc<dyn SceneExtractor>,
    /// Narrates.
    pub narrator: Arc<dyn Narrator>,
    /// Illustrates.
    pub illustrator: Arc<dyn Illustrator>,
    /// Checks family-written text. Always the offline filter (no network needed).
    pub safety: Arc<dyn SafetyFilter>,
}

impl Providers {
    /// Everything offline: no account, no key, no internet.
    pub fn offline() -> Self {
        let safety: Arc<dyn SafetyFilter> = Arc::new(crate::safety::OfflineSafety::new());
        Providers {
            writer: Arc::new(crate::writer::OfflineWriter::new()),
            scenes: Arc::new(crate::writer::OfflineSceneExtractor::new()),
            narrator: Arc::new(crate::narrator::OfflineNarrator::new()),
            illustrator: Arc::new(crate::illustrator::OfflineIllustrator::new()),
            safety,
        }
    }

    /// The same providers with the offline narrator replaced by one that narrates with the
    /// natural voices installed in `voices` (and with espeak-ng where there are none). An OpenAI
    /// narrator chosen by configuration is kept.
    pub fn with_natural_voices(mut self, voices: crate::voices::VoiceLibrary) -> Self {
        if self.narrator.is_offline() {
            self.narrator = Arc::new(crate::narrator::natural::NaturalNarrator::new(voices));
        }
        self
    }

    /// Providers chosen by `config`; `InvalidRequest` when an OpenAI provider is asked for
    /// without `openai` settings.
    pub fn from_config(config: &ProvidersConfig) -> Result<Self> {
        let mut providers = Providers::offline();
        let needs_openai =
            [config.writer, config.narrator, config.illustrator].contains(&ProviderKind::OpenAi);
        if !needs_openai {
            return Ok(providers);
        }
        let Some(openai) = &config.openai else {
            return Err(crate::StorytellerError::invalid(
                "openai",
                "an OpenAI-compatible provider was selected without base URL and model settings",
            ));
        };
        let client = crate::openai::OpenAiClient::new(openai.clone())?;
        if config.writer == ProviderKind::OpenAi {
            let writer = Arc::new(crate::openai::OpenAiWriter::new(client.clone()));
            providers.writer = writer.clone();
            providers.scenes = writer;
        }
        if config.narrator == ProviderKind::OpenAi {
            providers.narrator = Arc::new(crate::openai::OpenAiNarrator::new(client.clone()));
        }
        if config.illustrator == ProviderKind::OpenAi {
            providers.illustrator = Arc::new(crate::openai::OpenAiIllustrator::new(client));
        }
        Ok(providers)
    }
}
