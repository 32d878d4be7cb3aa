//! How a player is built: the output, the clock, where listening sessions go, and the OS
//! integrations. The defaults are the real ones; tests swap in a capture output, a manual clock
//! and fakes.

use std::sync::Arc;

use crate::media::{KeepAwake, MediaSessionFactory};
use crate::output::{AudioOutput, RodioOutput};
use crate::state::ListeningLog;
use crate::{Clock, SystemClock};

/// What the player is built with. [`PlayerConfig::new`] gives the real defaults (the default
/// sound device, the system clock, keep-awake on, no media session).
pub struct PlayerConfig {
    pub(crate) output: Box<dyn AudioOutput>,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) listening: Box<dyn ListeningLog>,
    pub(crate) media_session: Option<MediaSessionFactory>,
    pub(crate) keep_awake: Option<Box<dyn KeepAwake + Send>>,
}

impl std::fmt::Debug for PlayerConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PlayerConfig")
            .field("clock", &self.clock)
            .field("media_session", &self.media_session.is_some())
            .field("keep_awake", &self.keep_awake.is_some())
            .finish_non_exhaustive()
    }
}

impl PlayerConfig {
    /// Real defaults; listening sessions go to `listening`.
    pub fn new(listening: impl ListeningLog) -> Self {
        Self {
            output: Box::new(RodioOutput),
            clock: Arc::new(SystemClock),
            listening: Box::new(listening),
            media_session: None,
            #[cfg(feature = "os")]
            keep_awake: Some(Box::new(crate::media::SystemKeepAwake::new())),
            #[cfg(not(feature = "os"))]
            keep_awake: None,
        }
    }

    /// Another output (tests: [`crate::CaptureOutput`]).
    pub fn output(mut self, output: impl AudioOutput) -> Self {
        self.output = Box::new(output);
        self
    }

    /// Another clock (tests: [`crate::ManualClock`]).
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Shows the player in the OS media session (e.g. [`crate::os_media_session`]).
    pub fn media_session(mut self, factory: MediaSessionFactory) -> Self {
        self.media_session = Some(factory);
        self
    }

    /// Another keep-awake (or `None` for none).
    pub fn keep_awake(mut self, keep_awake: Option<Box<dyn KeepAwake + Send>>) -> Self {
        self.keep_awake = keep_awake;
        self
    }
}
