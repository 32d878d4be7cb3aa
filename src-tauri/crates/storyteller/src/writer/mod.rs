//! The offline story writer and scene extractor.

use async_trait::async_trait;

use crate::{
    Result, Scene, SceneExtractor, SceneRequest, StoryDraft, StoryRequest, StoryWriter,
    StorytellerError,
};

/// Writes stories from a seeded grammar of per-language story beats.
#[derive(Debug, Default, Clone)]
pub struct OfflineWriter;

impl OfflineWriter {
    /// A writer.
    pub fn new() -> Self {
        OfflineWriter
    }
}

#[async_trait]
impl StoryWriter for OfflineWriter {
    async fn write(&self, _request: &StoryRequest) -> Result<StoryDraft> {
        Err(StorytellerError::Internal(
            "offline writer not ready".into(),
        ))
    }
}

/// Cuts text into scenes by paragraphs.
#[derive(Debug, Default, Clone)]
pub struct OfflineSceneExtractor;

impl OfflineSceneExtractor {
    /// An extractor.
    pub fn new() -> Self {
        OfflineSceneExtractor
    }
}

#[async_trait]
impl SceneExtractor for OfflineSceneExtractor {
    async fn extract(&self, _request: &SceneRequest) -> Result<Vec<Scene>> {
        Err(StorytellerError::Internal(
            "offline scene extractor not ready".into(),
        ))
    }
}
