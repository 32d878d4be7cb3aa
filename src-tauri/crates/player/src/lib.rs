//! Narration playback for InfiniteStories, without Tauri.
//!
//! A [`PlayerHandle`] controls an actor thread that owns the audio output (opened only while
//! playing), decodes the story's narration (Ogg Vorbis, MP3, WAV — bytes from the core's cache),
//! plays it at 0.5×–2× without changing the pitch (WSOLA), fades out and stops for the sleep
//! timer, remembers where each story was left, shows itself in the OS media session and keeps
//! the computer awake while playing. State comes out through a watch ([`PlayerState`], the
//! position at most four times a second); every listening is recorded as a
//! [`ListeningSession`] through a [`ListeningLog`] the shell forwards to the core.
//!
//! The behaviour lives in [`Engine`], a deterministic core that renders into a buffer and reads
//! time only from an injected [`Clock`]; the actor adds the thread, the output and the OS.

#![warn(missing_docs)]

mod clock;
mod config;
mod decode;
mod engine;
mod error;
mod ledger;
mod media;
mod output;
mod player;
mod state;
mod stretch;
mod track;

pub use clock::{Clock, ManualClock, SystemClock};
pub use config::PlayerConfig;
pub use engine::{
    Engine, FADE_SECONDS, RESTART_SECONDS, SESSION_PAUSE_MILLIS, SLEEP_RESUME_MILLIS,
};
pub use error::PlayerError;
pub use media::{KeepAwake, MediaInfo, MediaSession, MediaSessionFactory};
#[cfg(feature = "os")]
pub use media::{MediaSessionConfig, SystemKeepAwake, os_media_session};
pub use output::{AudioOutput, BUFFER_SECONDS, CaptureOutput, OutputStream, RodioOutput, Wake};
pub use player::{Command, POSITION_INTERVAL_MILLIS, PlayerHandle, Remote, SKIP_SECONDS};
pub use state::{
    ListeningLog, ListeningSession, NowPlaying, PlaybackStatus, PlayerState, SleepTimerState,
};
pub use track::{Artwork, SleepTimer, Speed, Track};
