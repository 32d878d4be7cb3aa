//! The offline illustrator.

use async_trait::async_trait;

use crate::{
    AvatarRequest, IllustrationRequest, Illustrator, ImageOutput, Result, StorytellerError,
};

/// Procedural vector scenes rendered to PNG.
#[derive(Debug, Default, Clone)]
pub struct OfflineIllustrator;

impl OfflineIllustrator {
    /// An illustrator.
    pub fn new() -> Self {
        OfflineIllustrator
    }
}

#[async_trait]
impl Illustrator for OfflineIllustrator {
    async fn illustrate(&self, _request: &IllustrationRequest) -> Result<ImageOutput> {
        Err(StorytellerError::Internal(
            "offline illustrator not ready".into(),
        ))
    }

    async fn avatar(&self, _request: &AvatarRequest) -> Result<ImageOutput> {
        Err(StorytellerError::Internal(
            "offline illustrator not ready".into(),
        ))
    }
}
