//! The offline narrator.

use async_trait::async_trait;

use crate::{NarrationOutput, NarrationRequest, Narrator, Result, StorytellerError};

/// espeak-ng narration encoded to Ogg Vorbis.
#[derive(Debug, Default, Clone)]
pub struct OfflineNarrator;

impl OfflineNarrator {
    /// A narrator.
    pub fn new() -> Self {
        OfflineNarrator
    }
}

#[async_trait]
impl Narrator for OfflineNarrator {
    async fn narrate(&self, _request: &NarrationRequest) -> Result<NarrationOutput> {
        Err(StorytellerError::Internal(
            "offline narrator not ready".into(),
        ))
    }
}
