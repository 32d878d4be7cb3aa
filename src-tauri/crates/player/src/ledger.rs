//! What the engine counts while playing: the sleep timer's time heard (in samples, so a timer
//! stops on exactly the right one even across stories at different rates), what the timer left
//! behind for "play within two minutes", and the listening session in progress.

use crate::SleepTimer;
use crate::state::ListeningSession;

/// An armed sleep timer.
#[derive(Debug)]
pub(crate) struct Sleep {
    pub(crate) timer: SleepTimer,
    /// Seconds of listening before it stops (minute timers; the end-of-story timer derives it).
    pub(crate) total: f64,
    /// Heard so far: whole seconds from stories at other rates, plus samples at `rate` (counted,
    /// not summed as fractions, so five minutes stop on exactly the right sample).
    pub(crate) heard_before: f64,
    pub(crate) samples: u64,
    pub(crate) rate: u32,
    /// The story position where the fade began.
    pub(crate) fade_from: Option<f64>,
}

impl Sleep {
    pub(crate) fn left(&self) -> f64 {
        self.total - self.heard_before - self.samples as f64 / self.rate.max(1) as f64
    }

    pub(crate) fn count(&mut self, rate: u32) {
        if rate != self.rate {
            self.heard_before += self.samples as f64 / self.rate.max(1) as f64;
            self.samples = 0;
            self.rate = rate;
        }
        self.samples += 1;
    }

    pub(crate) fn uncount(&mut self, samples: u64) {
        let back = samples.min(self.samples);
        self.samples -= back;
        self.heard_before -= (samples - back) as f64 / self.rate.max(1) as f64;
    }
}

/// Left by the sleep timer when it stopped playback: when, and where the fade began.
#[derive(Debug)]
pub(crate) struct Slept {
    pub(crate) at: i64,
    pub(crate) index: usize,
    pub(crate) position: f64,
}

/// A listening session in progress.
#[derive(Debug, Clone)]
pub(crate) struct Session {
    pub(crate) id: String,
    pub(crate) story_id: String,
    pub(crate) started_at: i64,
    pub(crate) heard_samples: u64,
    pub(crate) story_frames: f64,
    pub(crate) rate: u32,
    pub(crate) paused_at: Option<i64>,
}

impl Session {
    /// The record of this session so far, unless nothing was heard.
    pub(crate) fn record(
        &self,
        now: i64,
        completed: bool,
        closed: bool,
        position: f64,
    ) -> Option<ListeningSession> {
        if self.heard_samples == 0 {
            return None;
        }
        let heard = self.heard_samples as f64 / self.rate as f64;
        let story_seconds = self.story_frames / self.rate as f64;
        Some(ListeningSession {
            id: self.id.clone(),
            story_id: self.story_id.clone(),
            started_at: self.started_at,
            ended_at: now,
            seconds_heard: heard,
            story_seconds,
            speed: (story_seconds / heard * 100.0).round() / 100.0,
            completed,
            position,
            closed,
        })
    }
}
