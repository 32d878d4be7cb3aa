//! The player's pure core: queue, position, speed, volume, sleep timer, resume points and
//! listening sessions, rendering narration into a sample buffer. It owns no device and no thread
//! and never reads the time on its own: played time is the count of samples rendered, wall time
//! comes from the injected [`Clock`]. So every behaviour is tested by rendering into a buffer.
//!
//! Pipeline per story: [`Narration`] (decode, mono) → [`Stretcher`] (speed, same pitch) →
//! gain (the sleep fade, smoothed over ~10 ms so nothing clicks) → the caller's buffer. Volume
//! is applied by the output stream as samples leave its buffer, so a change is heard at once.

mod render;

use std::collections::HashMap;
use std::sync::Arc;

use crate::decode::Narration;
use crate::ledger::{Session, Sleep, Slept};
use crate::state::{ListeningSession, NowPlaying, PlaybackStatus, PlayerState, SleepTimerState};
use crate::stretch::Stretcher;
use crate::{Clock, PlayerError, SleepTimer, Speed, Track};

/// The sleep timer's fade-out, in seconds of listening.
pub const FADE_SECONDS: f64 = 20.0;
/// "Previous" restarts the story when more than this many seconds have played.
pub const RESTART_SECONDS: f64 = 3.0;
/// Play within this long after the sleep timer stopped resumes where the fade began.
pub const SLEEP_RESUME_MILLIS: i64 = 120_000;
/// A pause longer than this closes the listening session.
pub const SESSION_PAUSE_MILLIS: i64 = 30 * 60_000;
/// Positions this close to the start or the end are not worth offering to resume.
const RESUME_MARGIN: f64 = 5.0;

struct Current {
    narration: Narration,
    stretcher: Stretcher,
    rate: u32,
    frames: u64,
    /// Story frame at the last seek or speed change, and output samples since then.
    base: f64,
    since_base: u64,
    /// Stretched samples not yet rendered.
    pending: Vec<f32>,
    pending_at: usize,
    decoded: Vec<f32>,
}

impl Current {
    fn position_frames(&self, speed: f64) -> f64 {
        (self.base + self.since_base as f64 * speed).min(self.frames as f64)
    }
    fn seconds(&self, frames: f64) -> f64 {
        frames / self.rate as f64
    }
}

/// The deterministic player core. See the module docs.
pub struct Engine {
    clock: Arc<dyn Clock>,
    queue: Vec<Track>,
    index: Option<usize>,
    current: Option<Current>,
    status: PlaybackStatus,
    speed: Speed,
    volume: f32,
    gain: f32,
    sleep: Option<Sleep>,
    slept: Option<Slept>,
    session: Option<Session>,
    remembered: HashMap<String, f64>,
    sessions: Vec<ListeningSession>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("index", &self.index)
            .field("status", &self.status)
            .field("speed", &self.speed)
            .finish_non_exhaustive()
    }
}

impl Engine {
    /// An engine with nothing open.
    pub fn new(clock: Arc<dyn Clock>) -> Self {
        Self {
            clock,
            queue: Vec::new(),
            index: None,
            current: None,
            status: PlaybackStatus::Stopped,
            speed: Speed::NORMAL,
            volume: 1.0,
            gain: 1.0,
            sleep: None,
            slept: None,
            session: None,
            remembered: HashMap::new(),
            sessions: Vec::new(),
        }
    }

    /// Opens `queue[index]` (at its `resume_at`), replacing whatever was open; plays at once when
    /// `play`.
    pub fn open(&mut self, queue: Vec<Track>, index: usize, play: bool) -> Result<(), PlayerError> {
        if index >= queue.len() {
            return Err(PlayerError::InvalidRequest(format!(
                "Story {index} is not in a queue of {} stories.",
                queue.len()
            )));
        }
        let track = &queue[index];
        let current = Self::load(track, self.speed)?;
        self.leave_story(false);
        self.queue = queue;
        self.index = Some(index);
        self.current = Some(current);
        self.slept = None;
        self.status = PlaybackStatus::Paused;
        if play { self.play() } else { Ok(()) }
    }

    fn load(track: &Track, speed: Speed) -> Result<Current, PlayerError> {
        let narration = Narration::open(track.audio.clone())?;
        let rate = narration.sample_rate();
        let frames = narration.frames();
        let mut current = Current {
            stretcher: Stretcher::new(rate, 0),
            narration,
            rate,
            frames,
            base: 0.0,
            since_base: 0,
            pending: Vec::new(),
            pending_at: 0,
            decoded: Vec::new(),
        };
        current.stretcher.set_speed(speed.factor());
        if let Some(at) = track.resume_at.filter(|s| s.is_finite() && *s > 0.0) {
            seek_current(&mut current, at)?;
            current.stretcher.set_speed(speed.factor());
        }
        Ok(current)
    }

    /// Starts or continues playback. After the sleep timer stopped playback less than two
    /// minutes ago, continues from where the fade began; after the end, starts again.
    pub fn play(&mut self) -> Result<(), PlayerError> {
        let Some(index) = self.index else {
            return Err(PlayerError::NothingLoaded);
        };
        let now = self.clock.now_millis();
        if let Some(slept) = self.slept.take()
            && slept.index == index
            && now - slept.at <= SLEEP_RESUME_MILLIS
        {
            self.seek(slept.position)?;
        } else if self.status == PlaybackStatus::Ended {
            self.seek(0.0)?;
        }
        if let Some(session) = &self.session
            && session
                .paused_at
                .is_some_and(|p| now - p > SESSION_PAUSE_MILLIS)
        {
            self.close_session(false);
        }
        if self.session.is_none() {
            let rate = self.current.as_ref().map_or(1, |c| c.rate);
            self.session = Some(Session {
                id: uuid::Uuid::new_v4().to_string(),
                story_id: self.queue[index].story_id.clone(),
                started_at: now,
                heard_samples: 0,
                story_frames: 0.0,
                rate,
                paused_at: None,
            });
        }
        if let Some(session) = &mut self.session {
            session.paused_at = None;
        }
        self.status = PlaybackStatus::Playing;
        // Start from silence: the gain rises over ~10 ms, so play never clicks.
        self.gain = 0.0;
        Ok(())
    }

    /// Pauses; the session so far is recorded and the position remembered.
    pub fn pause(&mut self) {
        if self.status != PlaybackStatus::Playing {
            return;
        }
        self.status = PlaybackStatus::Paused;
        self.remember();
        let now = self.clock.now_millis();
        if let Some(session) = &mut self.session {
            session.paused_at = Some(now);
        }
        self.emit_session(false, false);
    }

    /// Stops: closes the session, remembers the position, goes back to the start.
    pub fn stop(&mut self) -> Result<(), PlayerError> {
        if self.current.is_none() {
            return Ok(());
        }
        self.leave_story(false);
        self.sleep = None;
        self.slept = None;
        self.status = PlaybackStatus::Stopped;
        self.seek(0.0)
    }

    /// Moves to `seconds` into the story (clamped to the story).
    pub fn seek(&mut self, seconds: f64) -> Result<(), PlayerError> {
        if !seconds.is_finite() {
            return Err(PlayerError::InvalidRequest(
                "A position must be a number of seconds.".into(),
            ));
        }
        let speed = self.speed.factor();
        let current = self.current.as_mut().ok_or(PlayerError::NothingLoaded)?;
        seek_current(current, seconds)?;
        current.stretcher.set_speed(speed);
        if self.status == PlaybackStatus::Ended {
            self.status = PlaybackStatus::Paused;
        }
        Ok(())
    }

    /// Moves by `delta` seconds (−15 / +15 from the reader).
    pub fn skip(&mut self, delta: f64) -> Result<(), PlayerError> {
        let position = self.position();
        self.seek(position + delta)
    }

    /// The next story in the queue.
    pub fn next_story(&mut self) -> Result<(), PlayerError> {
        let index = self.index.ok_or(PlayerError::NothingLoaded)?;
        if index + 1 >= self.queue.len() {
            return Err(PlayerError::InvalidRequest(
                "This is the last story in the queue.".into(),
            ));
        }
        self.switch_to(index + 1)
    }

    /// The previous story; or the start of this one when it has played past its first seconds
    /// (or is the first).
    pub fn previous_story(&mut self) -> Result<(), PlayerError> {
        let index = self.index.ok_or(PlayerError::NothingLoaded)?;
        if self.position() > RESTART_SECONDS || index == 0 {
            return self.seek(0.0);
        }
        self.switch_to(index - 1)
    }

    fn switch_to(&mut self, index: usize) -> Result<(), PlayerError> {
        let playing = self.status == PlaybackStatus::Playing;
        let mut track = self.queue[index].clone();
        track.resume_at = None;
        let current = Self::load(&track, self.speed)?;
        self.leave_story(false);
        self.index = Some(index);
        self.current = Some(current);
        self.slept = None;
        self.status = PlaybackStatus::Paused;
        if playing { self.play() } else { Ok(()) }
    }

    /// Changes the speed (the pitch stays).
    pub fn set_speed(&mut self, speed: Speed) {
        if let Some(current) = &mut self.current {
            current.base = current.position_frames(self.speed.factor());
            current.since_base = 0;
            current.stretcher.set_speed(speed.factor());
        }
        self.speed = speed;
    }

    /// Sets the volume, 0 to 1.
    pub fn set_volume(&mut self, volume: f32) -> Result<(), PlayerError> {
        if !(0.0..=1.0).contains(&volume) {
            return Err(PlayerError::InvalidRequest(format!(
                "Volume {volume} is out of range. Use a value from 0 (silent) to 1 (full)."
            )));
        }
        self.volume = volume;
        Ok(())
    }

    /// Arms (or with `None` cancels) the sleep timer.
    pub fn set_sleep_timer(&mut self, timer: Option<SleepTimer>) -> Result<(), PlayerError> {
        if let Some(timer) = timer {
            timer.validate()?;
        }
        let rate = self.sample_rate().unwrap_or(1);
        self.sleep = timer.map(|timer| Sleep {
            timer,
            total: match timer {
                SleepTimer::Minutes { minutes } => minutes as f64 * 60.0,
                SleepTimer::EndOfStory => 0.0,
            },
            heard_before: 0.0,
            samples: 0,
            rate,
            fade_from: None,
        });
        Ok(())
    }

    /// Takes back `samples` rendered but never heard (the output dropped them at a pause, seek or
    /// speed change): played time, the session and a minute timer are corrected, and with
    /// `rewind` the position goes back to what was last heard.
    pub fn unheard(&mut self, samples: usize, rewind: bool) -> Result<(), PlayerError> {
        let Some(current) = &self.current else {
            return Ok(());
        };
        if samples == 0 {
            return Ok(());
        }
        let speed = self.speed.factor();
        let seconds = samples as f64 / current.rate as f64;
        if let Some(session) = &mut self.session {
            session.heard_samples = session.heard_samples.saturating_sub(samples as u64);
            session.story_frames = (session.story_frames - samples as f64 * speed).max(0.0);
        }
        if let Some(sleep) = &mut self.sleep
            && matches!(sleep.timer, SleepTimer::Minutes { .. })
        {
            sleep.uncount(samples as u64);
        }
        if rewind {
            let position = self.position() - seconds * speed;
            let status = self.status;
            self.seek(position.max(0.0))?;
            self.status = status;
        }
        Ok(())
    }

    /// The remembered position of a story (paused, stopped or left part-way).
    pub fn remembered(&self, story_id: &str) -> Option<f64> {
        self.remembered.get(story_id).copied()
    }

    /// Sessions recorded since the last call.
    pub fn take_sessions(&mut self) -> Vec<ListeningSession> {
        std::mem::take(&mut self.sessions)
    }

    /// The open story.
    pub fn track(&self) -> Option<&Track> {
        self.index.map(|i| &self.queue[i])
    }

    /// Samples per second of what [`Engine::render`] produces (the open story's rate).
    pub fn sample_rate(&self) -> Option<u32> {
        self.current.as_ref().map(|c| c.rate)
    }

    /// The status.
    pub fn status(&self) -> PlaybackStatus {
        self.status
    }

    /// The speed.
    pub fn speed(&self) -> Speed {
        self.speed
    }

    /// Seconds into the story of the next sample to render.
    pub fn position(&self) -> f64 {
        self.current
            .as_ref()
            .map_or(0.0, |c| c.seconds(c.position_frames(self.speed.factor())))
    }

    /// The state, with `latency` samples rendered but not yet heard taken off the position.
    pub fn state(&self, latency: usize) -> PlayerState {
        let track = self.track();
        let (position, duration) = match &self.current {
            Some(c) => {
                let heard =
                    c.position_frames(self.speed.factor()) - latency as f64 * self.speed.factor();
                (c.seconds(heard.max(0.0)), c.seconds(c.frames as f64))
            }
            None => (0.0, 0.0),
        };
        let now = self.clock.now_millis();
        PlayerState {
            story: track.map(|t| NowPlaying {
                story_id: t.story_id.clone(),
                title: t.title.clone(),
                artist: t.artist.clone(),
            }),
            status: self.status,
            playing: self.status == PlaybackStatus::Playing,
            position,
            duration,
            speed: self.speed,
            volume: self.volume,
            sleep_timer: self.sleep.as_ref().map(|s| SleepTimerState {
                timer: s.timer,
                remaining_seconds: self.sleep_left(s),
                fading: s.fade_from.is_some(),
            }),
            queue_index: self.index.map(|i| i as u32),
            queue_length: self.queue.len() as u32,
            resumes_after_sleep: self
                .slept
                .as_ref()
                .is_some_and(|s| now - s.at <= SLEEP_RESUME_MILLIS),
            output_error: None,
        }
    }

    fn sleep_left(&self, sleep: &Sleep) -> f64 {
        match sleep.timer {
            SleepTimer::Minutes { .. } => sleep.left().max(0.0),
            SleepTimer::EndOfStory => self.current.as_ref().map_or(0.0, |c| {
                let left = c.frames as f64 - c.position_frames(self.speed.factor());
                c.seconds(left.max(0.0)) / self.speed.factor()
            }),
        }
    }

    /// Before another story opens (or stop): remember and close the session.
    fn leave_story(&mut self, completed: bool) {
        self.remember();
        self.close_session(completed);
    }

    fn close_session(&mut self, completed: bool) {
        self.emit_session(completed, true);
    }

    fn remember(&mut self) {
        let position = self.position();
        let Some(current) = &self.current else { return };
        let duration = current.seconds(current.frames as f64);
        let Some(track) = self.track() else { return };
        let id = track.story_id.clone();
        if position > RESUME_MARGIN && position < duration - RESUME_MARGIN {
            self.remembered.insert(id, position);
        } else {
            self.remembered.remove(&id);
        }
    }

    fn emit_session(&mut self, completed: bool, closed: bool) {
        let position = self.position();
        self.emit_session_at(completed, closed, position);
    }

    fn emit_session_at(&mut self, completed: bool, closed: bool, position: f64) {
        let now = self.clock.now_millis();
        let session = if closed {
            self.session.take()
        } else {
            self.session.clone()
        };
        if let Some(record) = session.and_then(|s| s.record(now, completed, closed, position)) {
            self.sessions.push(record);
        }
    }
}

fn seek_current(current: &mut Current, seconds: f64) -> Result<(), PlayerError> {
    let frame = (seconds.max(0.0) * current.rate as f64).round() as u64;
    let frame = frame.min(current.frames);
    current.pending.clear();
    current.pending_at = 0;
    current.base = frame as f64;
    current.since_base = 0;
    current.stretcher.reset(frame);
    if frame >= current.frames {
        // At the very end there is nothing to decode: the story ends on the next render.
        current.stretcher.finish();
        return Ok(());
    }
    current.narration.seek(frame)
}
