//! What the player is given and what it can be asked for: a [`Track`] (a story's narration as
//! bytes from the core's cache, with what the OS media session shows), the [`Speed`] choices and
//! the [`SleepTimer`] choices. Values are checked here so a bad one is refused with a message
//! that lists the good ones, before it reaches the audio thread.

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::PlayerError;

/// One story to play.
#[derive(Clone)]
pub struct Track {
    /// The story's id (what listening sessions and resume points are keyed by).
    pub story_id: String,
    /// The story's title (media session title).
    pub title: String,
    /// The hero's name (media session artist).
    pub artist: String,
    /// The cover illustration for the media session, if there is one.
    pub artwork: Option<Artwork>,
    /// The narration: Ogg Vorbis, MP3 or WAV, as stored in the cache.
    pub audio: Arc<[u8]>,
    /// Where to start, in seconds of the story (the remembered position the reader offered to
    /// continue from). `None` starts at the beginning.
    pub resume_at: Option<f64>,
}

impl std::fmt::Debug for Track {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Track")
            .field("story_id", &self.story_id)
            .field("title", &self.title)
            .field("artist", &self.artist)
            .field("artwork", &self.artwork)
            .field("audio_bytes", &self.audio.len())
            .field("resume_at", &self.resume_at)
            .finish()
    }
}

/// A cover illustration for the OS media session.
#[derive(Clone)]
pub enum Artwork {
    /// An image file already on disk (e.g. in the core's cache).
    Path(PathBuf),
    /// Image bytes (PNG or JPEG); written to a temporary file, since the OS reads a `file://` URL.
    Bytes(Arc<[u8]>),
}

impl std::fmt::Debug for Artwork {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Path(p) => f.debug_tuple("Path").field(p).finish(),
            Self::Bytes(b) => write!(f, "Bytes({} bytes)", b.len()),
        }
    }
}

/// A playback speed: one of 0.5×, 0.75×, 1×, 1.25×, 1.5×, 2×. The pitch never changes.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "number"))]
pub struct Speed(f64);

// By hand rather than `#[serde(try_from)]`, which ts-rs cannot read: a bare number either way.
impl Serialize for Speed {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.0)
    }
}

impl<'de> Deserialize<'de> for Speed {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer)?;
        Speed::new(value).map_err(serde::de::Error::custom)
    }
}

impl Speed {
    /// The speeds a listener can choose.
    pub const CHOICES: [f64; 6] = [0.5, 0.75, 1.0, 1.25, 1.5, 2.0];
    /// Normal speed.
    pub const NORMAL: Speed = Speed(1.0);

    /// One of [`Speed::CHOICES`], or a message listing them.
    pub fn new(value: f64) -> Result<Self, PlayerError> {
        Self::CHOICES
            .iter()
            .find(|c| (**c - value).abs() < 1e-6)
            .map(|c| Speed(*c))
            .ok_or_else(|| {
                PlayerError::InvalidRequest(format!(
                    "Speed {value} is not available. Choose 0.5, 0.75, 1, 1.25, 1.5 or 2."
                ))
            })
    }

    /// The factor (2.0 plays twice as fast).
    pub fn factor(self) -> f64 {
        self.0
    }
}

impl Default for Speed {
    fn default() -> Self {
        Self::NORMAL
    }
}

impl TryFrom<f64> for Speed {
    type Error = PlayerError;
    fn try_from(value: f64) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<Speed> for f64 {
    fn from(speed: Speed) -> f64 {
        speed.0
    }
}

/// When the sleep timer stops playback (after a fade-out of about 20 s).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum SleepTimer {
    /// After this many minutes of listening: 5, 10, 15, 30, 45 or 60.
    Minutes {
        /// The minutes.
        minutes: u32,
    },
    /// At the end of the story that is playing (instead of going on to the next one).
    EndOfStory,
}

impl SleepTimer {
    /// The minute choices.
    pub const MINUTES: [u32; 6] = [5, 10, 15, 30, 45, 60];

    /// A timer after `minutes` of listening, if that is one of the choices.
    pub fn minutes(minutes: u32) -> Result<Self, PlayerError> {
        let timer = SleepTimer::Minutes { minutes };
        timer.validate()?;
        Ok(timer)
    }

    /// Checks a timer that came over IPC.
    pub fn validate(self) -> Result<(), PlayerError> {
        match self {
            SleepTimer::Minutes { minutes } if !Self::MINUTES.contains(&minutes) => {
                Err(PlayerError::InvalidRequest(format!(
                    "A sleep timer of {minutes} minutes is not available. Choose 5, 10, 15, 30, \
                     45 or 60 minutes, or the end of this story."
                )))
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speeds_are_the_six_choices() {
        assert_eq!(Speed::new(1.5).unwrap().factor(), 1.5);
        let err = Speed::new(3.0).unwrap_err();
        assert_eq!(err.code(), "INVALID_REQUEST");
        assert!(err.to_string().contains("0.5, 0.75, 1, 1.25, 1.5 or 2"));
        assert!(serde_json::from_str::<Speed>("0.75").is_ok());
        assert!(serde_json::from_str::<Speed>("0.8").is_err());
        assert_eq!(serde_json::to_string(&Speed::NORMAL).unwrap(), "1.0");
    }

    #[test]
    fn sleep_timers_are_the_listed_choices() {
        assert!(SleepTimer::minutes(45).is_ok());
        assert!(
            SleepTimer::minutes(20)
                .unwrap_err()
                .to_string()
                .contains("5, 10, 15, 30")
        );
        let json = serde_json::to_string(&SleepTimer::Minutes { minutes: 5 }).unwrap();
        assert_eq!(json, r#"{"kind":"minutes","minutes":5}"#);
        let end: SleepTimer = serde_json::from_str(r#"{"kind":"endOfStory"}"#).unwrap();
        assert_eq!(end, SleepTimer::EndOfStory);
    }
}
