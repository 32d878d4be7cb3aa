//! OpenAI-compatible providers.

use async_trait::async_trait;

use crate::{
    AvatarRequest, IllustrationRequest, Illustrator, ImageOutput, NarrationOutput,
    NarrationRequest, Narrator, OpenAiConfig, Result, Scene, SceneExtractor, SceneRequest,
    StoryDraft, StoryRequest, StoryWriter, StorytellerError,
};

/// Shared HTTP client and settings.
#[derive(Debug, Clone)]
pub struct OpenAiClient {
    config: OpenAiConfig,
}

impl OpenAiClient {
    /// A client for `config`.
    pub fn new(config: OpenAiConfig) -> Result<Self> {
        Ok(OpenAiClient { config })
    }
}

/// Story writer over chat completions.
#[derive(Debug, Clone)]
pub struct OpenAiWriter {
    client: OpenAiClient,
}

impl OpenAiWriter {
    /// A writer using `client`.
    pub fn new(client: OpenAiClient) -> Self {
        OpenAiWriter { client }
    }
}

#[async_trait]
impl StoryWriter for OpenAiWriter {
    async fn write(&self, _request: &StoryRequest) -> Result<StoryDraft> {
        Err(StorytellerError::Internal(format!(
            "not ready: {}",
            self.client.config.base_url
        )))
    }
}

#[async_trait]
impl SceneExtractor for OpenAiWriter {
    async fn extract(&self, _request: &SceneRequest) -> Result<Vec<Scene>> {
        Err(StorytellerError::Internal("not ready".into()))
    }
}

/// Narrator over `/audio/speech`.
#[derive(Debug, Clone)]
pub struct OpenAiNarrator {
    _client: OpenAiClient,
}

impl OpenAiNarrator {
    /// A narrator using `client`.
    pub fn new(client: OpenAiClient) -> Self {
        OpenAiNarrator { _client: client }
    }
}

#[async_trait]
impl Narrator for OpenAiNarrator {
    async fn narrate(&self, _request: &NarrationRequest) -> Result<NarrationOutput> {
        Err(StorytellerError::Internal("not ready".into()))
    }
}

/// Illustrator over `/images/generations`.
#[derive(Debug, Clone)]
pub struct OpenAiIllustrator {
    _client: OpenAiClient,
}

impl OpenAiIllustrator {
    /// An illustrator using `client`.
    pub fn new(client: OpenAiClient) -> Self {
        OpenAiIllustrator { _client: client }
    }
}

#[async_trait]
impl Illustrator for OpenAiIllustrator {
    async fn illustrate(&self, _request: &IllustrationRequest) -> Result<ImageOutput> {
        Err(StorytellerError::Internal("not ready".into()))
    }

    async fn avatar(&self, _request: &AvatarRequest) -> Result<ImageOutput> {
        Err(StorytellerError::Internal("not ready".into()))
    }
}
