//! What the player tells the rest of the app: its [`PlayerState`] (through a watch, positions at
//! most four times a second) and a [`ListeningSession`] record for every listening, which the
//! shell forwards to the core's `record_listening` (the library and the backend's
//! `listening_sessions`; the play count follows from them).

use serde::Serialize;

use crate::{SleepTimer, Speed};

/// Where playback is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum PlaybackStatus {
    /// Nothing open, or stopped (the position went back to the start).
    Stopped,
    /// Paused at `position` (also after the sleep timer stopped playback).
    Paused,
    /// Playing.
    Playing,
    /// The last story in the queue played to its end.
    Ended,
}

/// The story that is open, as the reader and the OS media session show it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NowPlaying {
    /// The story's id.
    pub story_id: String,
    /// Its title.
    pub title: String,
    /// The hero's name.
    pub artist: String,
}

/// An armed sleep timer.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SleepTimerState {
    /// What was chosen.
    pub timer: SleepTimer,
    /// Seconds of listening left before playback stops (the fade is the last 20 of them).
    pub remaining_seconds: f64,
    /// Whether the fade-out has begun.
    pub fading: bool,
}

/// Everything the reader needs to draw the player.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlayerState {
    /// The open story, if any.
    pub story: Option<NowPlaying>,
    /// Playing, paused, stopped or ended.
    pub status: PlaybackStatus,
    /// `status == Playing`, for convenience.
    pub playing: bool,
    /// Seconds into the story of what is being heard now.
    pub position: f64,
    /// The story's length in seconds (0 with nothing open).
    pub duration: f64,
    /// The chosen speed.
    pub speed: Speed,
    /// Volume, 0 to 1.
    pub volume: f32,
    /// The sleep timer, when one is armed.
    pub sleep_timer: Option<SleepTimerState>,
    /// The open story's place in the queue (0-based).
    pub queue_index: Option<u32>,
    /// How many stories are in the queue.
    pub queue_length: u32,
    /// Whether the sleep timer stopped playback less than two minutes ago, so play resumes from
    /// where the fade began.
    pub resumes_after_sleep: bool,
    /// Why sound cannot play right now (no sound device), in words for the reader; text and
    /// pictures keep working.
    pub output_error: Option<String>,
}

impl Default for PlayerState {
    fn default() -> Self {
        Self {
            story: None,
            status: PlaybackStatus::Stopped,
            playing: false,
            position: 0.0,
            duration: 0.0,
            speed: Speed::NORMAL,
            volume: 1.0,
            sleep_timer: None,
            queue_index: None,
            queue_length: 0,
            resumes_after_sleep: false,
            output_error: None,
        }
    }
}

/// One listening of one story: from play until the story ends, another story starts, stop, the
/// sleep timer, or the app closing. A pause sends the session so far (same `id`, so the core's
/// upsert keeps one row); a pause longer than 30 minutes closes it and the next play starts a new
/// one.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ListeningSession {
    /// A uuid for this session (the core's `record_listening(session_id, …)`).
    pub id: String,
    /// The story listened to.
    pub story_id: String,
    /// When playback started, milliseconds since the Unix epoch.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub started_at: i64,
    /// When it paused or ended, milliseconds since the Unix epoch.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub ended_at: i64,
    /// Seconds of sound actually heard (wall time while playing: what `record_listening`'s
    /// `seconds` means).
    pub seconds_heard: f64,
    /// Seconds of the story covered (`seconds_heard × speed`).
    pub story_seconds: f64,
    /// The average speed over the session.
    pub speed: f64,
    /// Whether the story was heard to its end.
    pub completed: bool,
    /// Where in the story the session stopped, in seconds (the resume point).
    pub position: f64,
    /// `false` while the session may continue (sent at a pause), `true` once closed.
    pub closed: bool,
}

/// Where finished (and paused) listening sessions go. The shell forwards each to the core's
/// `record_listening(session.id, session.story_id, session.seconds_heard, session.completed)`.
pub trait ListeningLog: Send + 'static {
    /// Called on the player thread; must not block.
    fn record(&mut self, session: ListeningSession);
}

impl ListeningLog for tokio::sync::mpsc::UnboundedSender<ListeningSession> {
    fn record(&mut self, session: ListeningSession) {
        // The receiver is gone only when the app is closing.
        let _ = self.send(session);
    }
}

impl ListeningLog for std::sync::mpsc::Sender<ListeningSession> {
    fn record(&mut self, session: ListeningSession) {
        let _ = self.send(session);
    }
}
