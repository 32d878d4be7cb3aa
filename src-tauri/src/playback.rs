//! The narration player wired into the app: one [`PlayerHandle`] (an actor thread that owns the
//! sound device) in Tauri state, fed stories from the core's local library and cache (so saved
//! stories play offline), its state bridged to the `player://state` event, every listening
//! session forwarded to the core (the library, the backend's `listening_sessions`, and the
//! story's resume point, kept across restarts), shown in the OS media session (MPRIS on Linux)
//! and keeping the computer awake while playing. Nothing here pauses on a window being hidden or
//! minimised: the player thread does not know about windows.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use infinite_stories_core::Core;
use infinite_stories_core::stories::StoryAudio;
use infinite_stories_player::{
    Artwork, ListeningSession, PlayerConfig, PlayerHandle, PlayerState, Track,
};
use serde::Serialize;
use tauri::async_runtime::JoinHandle;
use tauri::{AppHandle, Emitter, Runtime};

use crate::{IpcError, events};

/// The player and the task that records its listening sessions (managed state).
#[derive(Debug)]
pub struct Playback {
    /// Controls the player.
    pub player: PlayerHandle,
    recorder: Mutex<Option<JoinHandle<()>>>,
}

/// What the reader gets when it opens a story: the player's state, and where the story was left
/// last time (this run or an earlier one), for its "Continue from 3:12?" offer.
#[derive(Clone, Debug, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct OpenedStory {
    /// The player, with the story open (not playing).
    pub state: PlayerState,
    /// Seconds into the story where it was left, if part-way.
    pub resume_from: Option<f64>,
}

impl Playback {
    /// Starts the player (`configure` picks the output: the default sound device in the app, a
    /// capture output in tests), the listening-session recorder and the state event bridge.
    pub fn start<R: Runtime>(
        app: &AppHandle<R>,
        core: Core,
        configure: impl FnOnce(PlayerConfig) -> PlayerConfig,
    ) -> Self {
        let (sessions_tx, mut sessions) =
            tokio::sync::mpsc::unbounded_channel::<ListeningSession>();
        let player = PlayerHandle::spawn(configure(PlayerConfig::new(sessions_tx)));
        let remembered = player.clone();
        let recorder = tauri::async_runtime::spawn(async move {
            while let Some(session) = sessions.recv().await {
                record(&core, &remembered, &session).await;
            }
        });
        let mut state = player.subscribe();
        let app = app.clone();
        tauri::async_runtime::spawn(async move {
            while state.changed().await.is_ok() {
                let now = state.borrow_and_update().clone();
                if let Err(e) = app.emit(events::PLAYER_STATE, now) {
                    tracing::debug!(error = %e, "player state not delivered");
                }
            }
        });
        Self {
            player,
            recorder: Mutex::new(Some(recorder)),
        }
    }

    /// Opens `story_id` (not playing), with `queue` for next/previous; stories of the queue
    /// without narration on this computer are left out.
    pub async fn open(
        &self,
        core: &Core,
        story_id: &str,
        queue: Option<Vec<String>>,
    ) -> Result<OpenedStory, IpcError> {
        let ids = queue.unwrap_or_else(|| vec![story_id.to_owned()]);
        let mut tracks = Vec::with_capacity(ids.len());
        let mut index = None;
        for id in &ids {
            let audio = match core.story_audio(id).await {
                Ok(audio) => audio,
                Err(e) if id == story_id => return Err(e.into()),
                Err(e) => {
                    tracing::debug!(story_id = %id, error = %e, "left out of the queue");
                    continue;
                }
            };
            if id == story_id && index.is_none() {
                index = Some(tracks.len());
            }
            tracks.push(track(audio));
        }
        let index = match index {
            Some(i) => i,
            None => {
                tracks.insert(0, track(core.story_audio(story_id).await?));
                0
            }
        };
        self.player.open_queue(tracks, index, false).await?;
        let resume_from = match self.player.remembered(story_id).await? {
            Some(at) => Some(at),
            None => core.resume_point(story_id).await?,
        };
        Ok(OpenedStory {
            state: self.player.state(),
            resume_from,
        })
    }

    /// Closes the listening session and the sound device, then waits (a few seconds at most)
    /// until the last sessions are recorded. Called once, when the app exits.
    pub async fn shutdown(&self) {
        self.player.shutdown().await;
        let recorder = self
            .recorder
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        if let Some(recorder) = recorder
            && tokio::time::timeout(Duration::from_secs(5), recorder)
                .await
                .is_err()
        {
            tracing::warn!("the last listening session was not recorded in time");
        }
    }
}

/// A story from the library as the player takes it.
fn track(story: StoryAudio) -> Track {
    Track {
        story_id: story.story_id,
        title: story.title,
        artist: story.hero_name.unwrap_or_default(),
        artwork: story.cover.map(|b| Artwork::Bytes(Arc::from(b.as_ref()))),
        audio: Arc::from(story.audio.as_ref()),
        resume_at: None,
    }
}

/// Records the story's resume point (the player's own answer while it runs; from the session
/// when it has closed), then the listening session in the library and on the backend. The
/// resume point first: it is local, and once the library shows the story as being listened to,
/// opening it again finds where it was left (the other way round, a reopen in between found
/// none).
async fn record(core: &Core, player: &PlayerHandle, s: &ListeningSession) {
    // The player remembers a story once it is left; while it is still the open one (a pause),
    // the session's own position is where it was left.
    let resume = match player.remembered(&s.story_id).await {
        Ok(Some(at)) => Some(at),
        _ => (!s.completed).then_some(s.position),
    };
    if let Err(e) = core.set_resume_point(&s.story_id, resume).await {
        tracing::warn!(story_id = %s.story_id, error = %e, "resume point not saved");
    }
    if let Err(e) = core
        .record_listening(&s.id, &s.story_id, s.seconds_heard, s.completed)
        .await
    {
        // The library has it; the backend gets it with the next update of this session.
        tracing::info!(story_id = %s.story_id, error = %e, "listening session kept locally only");
    }
}
