//! Typed UI events. The core broadcasts [`CoreEvent`]s without knowing about windows; the bridge
//! here forwards each one to the UI under a stable, URI-like name. Story progress can arrive
//! many times a second while illustrations render, so it is thinned to at most 4 updates a
//! second per story, never dropping a change of stage or of a scene's state. The throttle
//! forgets a story once it ends and any story not heard of for a minute, so it stays small.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use infinite_stories_core::stories::progress::Stage;
use infinite_stories_core::{CoreEvent, EventStream, GenerationProgress};
use tauri::{AppHandle, Emitter, Runtime};
use tokio::sync::broadcast::error::RecvError;

/// `backend://status` carries a `BackendStatus` each time the backend connection changes.
pub const BACKEND_STATUS: &str = "backend://status";
/// `session://changed` carries a `SessionEvent` (never a token).
pub const SESSION_CHANGED: &str = "session://changed";
/// `limits://changed` carries every client-side limit (`LimitStatus[]`).
pub const LIMITS_CHANGED: &str = "limits://changed";
/// `realtime://status` carries the realtime connection's `RealtimeStatus`.
pub const REALTIME_STATUS: &str = "realtime://status";
/// `story://progress` carries a `GenerationProgress`, at most 4 per second per story.
pub const STORY_PROGRESS: &str = "story://progress";
/// `library://changed` carries the `LibraryPart` that changed (here or on another device).
pub const LIBRARY_CHANGED: &str = "library://changed";

/// `moving://progress` carries a `MoveProgress` while the library moves to a Supabase project
/// (one per file or row copied; every one carries the whole count, so a lagging UI loses nothing).
pub const MOVING_PROGRESS: &str = "moving://progress";

/// `player://state` carries the player's `PlayerState`: at once on every change, the moving
/// position at most 4 times a second (the player throttles it; see `playback.rs`).
pub const PLAYER_STATE: &str = "player://state";

/// `voices://progress` carries a `VoiceDownloadProgress` while a natural voice or the runtime
/// downloads, at most every 100 ms (see `voice_packs.rs`).
pub const VOICE_PROGRESS: &str = "voices://progress";

/// Forwards core events to the UI until the core goes away.
pub fn bridge<R: Runtime>(app: AppHandle<R>, mut events: EventStream) {
    tauri::async_runtime::spawn(async move {
        let mut throttle = ProgressThrottle::default();
        loop {
            match events.recv().await {
                Ok(event) => emit(&app, event, &mut throttle),
                // Every event carries full state, so skipping stale ones is harmless.
                Err(RecvError::Lagged(n)) => tracing::debug!(skipped = n, "UI event bridge lagged"),
                Err(RecvError::Closed) => break,
            }
        }
    });
}

fn emit<R: Runtime>(app: &AppHandle<R>, event: CoreEvent, throttle: &mut ProgressThrottle) {
    let result = match event {
        CoreEvent::BackendStatus(status) => app.emit(BACKEND_STATUS, status),
        CoreEvent::Session(session) => app.emit(SESSION_CHANGED, session),
        CoreEvent::Limits(limits) => app.emit(LIMITS_CHANGED, limits),
        CoreEvent::Realtime(status) => app.emit(REALTIME_STATUS, status),
        CoreEvent::LibraryChanged(part) => app.emit(LIBRARY_CHANGED, part),
        CoreEvent::Moving(progress) => app.emit(MOVING_PROGRESS, progress),
        CoreEvent::Progress(progress) => {
            if !throttle.admit(&progress, Instant::now()) {
                return;
            }
            app.emit(STORY_PROGRESS, progress)
        }
        other => {
            tracing::debug!(?other, "core event with no UI counterpart yet");
            Ok(())
        }
    };
    if let Err(e) = result {
        tracing::warn!(error = %e, "could not emit a UI event");
    }
}

/// Lets through at most one progress update per [`ProgressThrottle::INTERVAL`] per story, plus
/// every update that changes the stage or a scene's state (those are what the UI must not miss).
#[derive(Debug, Default)]
pub struct ProgressThrottle {
    last: HashMap<String, (Instant, GenerationProgress)>,
    /// When entries not heard of for [`Self::IDLE`] were last swept.
    swept: Option<Instant>,
}

impl ProgressThrottle {
    /// 4 Hz.
    pub const INTERVAL: Duration = Duration::from_millis(250);
    /// A story with no update for this long is forgotten (a generation that ended without a
    /// final event, e.g. when the bridge lagged past it).
    pub const IDLE: Duration = Duration::from_secs(60);

    /// Stories remembered now.
    pub fn len(&self) -> usize {
        self.last.len()
    }

    /// Whether no story is remembered.
    pub fn is_empty(&self) -> bool {
        self.last.is_empty()
    }

    /// Whether `progress`, arriving at `now`, should reach the UI.
    pub fn admit(&mut self, progress: &GenerationProgress, now: Instant) -> bool {
        if self
            .swept
            .is_none_or(|at| now.saturating_duration_since(at) >= Self::IDLE)
        {
            self.last
                .retain(|_, (at, _)| now.saturating_duration_since(*at) < Self::IDLE);
            self.swept = Some(now);
        }
        let admit = match self.last.get(&progress.request_id) {
            None => true,
            Some((at, previous)) => {
                previous.stage != progress.stage
                    || previous.scenes != progress.scenes
                    || now.duration_since(*at) >= Self::INTERVAL
            }
        };
        let ended = matches!(
            progress.stage,
            Stage::Done | Stage::Failed | Stage::Cancelled
        );
        if ended {
            self.last.remove(&progress.request_id);
        } else if admit {
            self.last
                .insert(progress.request_id.clone(), (now, progress.clone()));
        }
        admit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn progress(stage: Stage, fraction: f64) -> GenerationProgress {
        progress_of("r1", stage, fraction)
    }

    fn progress_of(id: &str, stage: Stage, fraction: f64) -> GenerationProgress {
        GenerationProgress {
            request_id: id.into(),
            story_id: None,
            stage,
            progress: fraction,
            status: String::new(),
            scenes: Vec::new(),
        }
    }

    #[test]
    fn thins_rapid_updates_to_four_a_second() {
        let mut t = ProgressThrottle::default();
        let start = Instant::now();
        let admitted = (0..100)
            .filter(|i| {
                let at = start + Duration::from_millis(10 * i);
                t.admit(&progress(Stage::Writing, *i as f64 / 100.0), at)
            })
            .count();
        // 0 ms, 250, 500, 750 within the first second.
        assert_eq!(admitted, 4);
    }

    #[test]
    fn never_drops_a_change_of_stage() {
        let mut t = ProgressThrottle::default();
        let now = Instant::now();
        assert!(t.admit(&progress(Stage::Writing, 0.1), now));
        assert!(!t.admit(&progress(Stage::Writing, 0.2), now));
        assert!(t.admit(&progress(Stage::Narrating, 0.3), now));
        assert!(t.admit(&progress(Stage::Done, 1.0), now));
    }

    #[test]
    fn ended_and_idle_stories_are_forgotten() {
        let mut t = ProgressThrottle::default();
        let start = Instant::now();
        // A thousand stories that end: nothing remembered.
        for i in 0..1_000_u64 {
            let at = start + Duration::from_millis(i);
            let id = format!("done-{i}");
            assert!(t.admit(&progress_of(&id, Stage::Writing, 0.1), at));
            assert!(t.admit(&progress_of(&id, Stage::Done, 1.0), at));
        }
        assert!(t.is_empty(), "{} remembered", t.len());
        // A story per second that never sends its end, for an hour: about a minute's worth.
        for i in 0..3_600_u64 {
            let at = start + Duration::from_secs(i);
            t.admit(&progress_of(&format!("lost-{i}"), Stage::Writing, 0.1), at);
            assert!(t.len() <= 121, "{} remembered at {i} s", t.len());
        }
        // The end of a story always passes, even right after an update.
        let at = start + Duration::from_secs(3_600);
        assert!(t.admit(&progress_of("x", Stage::Writing, 0.1), at));
        assert!(t.admit(&progress_of("x", Stage::Cancelled, 0.1), at));
    }
}
