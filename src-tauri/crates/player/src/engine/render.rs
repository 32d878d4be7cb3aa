//! Rendering: pulls decoded narration through the stretcher into the caller's buffer, applies
//! the sleep fade, counts played time, and handles what happens when a story or the sleep timer
//! runs out (the next story, or a stop that remembers where the fade began).

use super::{Engine, FADE_SECONDS};
use crate::ledger::Slept;
use crate::state::PlaybackStatus;
use crate::{PlayerError, SleepTimer};

impl Engine {
    /// Renders up to `max` samples onto `out` while playing; returns how many. Fewer than `max`
    /// means playback paused, stopped, or moved to another story (whose rate may differ).
    pub fn render(&mut self, out: &mut Vec<f32>, max: usize) -> Result<usize, PlayerError> {
        let mut produced = 0;
        while produced < max && self.status == PlaybackStatus::Playing {
            let Some(current) = self.current.as_mut() else {
                break;
            };
            if current.pending_at < current.pending.len() {
                produced += self.emit(out, max - produced);
                continue;
            }
            current.pending.clear();
            current.pending_at = 0;
            if current.stretcher.is_drained() {
                self.story_ended()?;
                break;
            }
            if current.stretcher.wants_input() {
                current.decoded.clear();
                if current.narration.next_chunk(&mut current.decoded)? {
                    current.stretcher.push(&current.decoded);
                } else {
                    current.stretcher.finish();
                }
            }
            current.stretcher.pull(&mut current.pending);
        }
        Ok(produced)
    }

    /// Moves pending stretched samples to `out` through the gain, counting played time.
    fn emit(&mut self, out: &mut Vec<f32>, max: usize) -> usize {
        let speed = self.speed.factor();
        let current = self.current.as_mut().expect("emit with a story open");
        let rate = current.rate as f64;
        let smoothing = 1.0 - (-1.0 / (0.010 * rate)).exp() as f32;
        let available = current.pending.len() - current.pending_at;
        let mut n = 0;
        while n < max.min(available) {
            let fade = match &mut self.sleep {
                None => 1.0,
                Some(sleep) => {
                    // Time left when this sample starts playing.
                    let left = match sleep.timer {
                        SleepTimer::Minutes { .. } => {
                            let left = sleep.left();
                            if left <= 0.0 {
                                break;
                            }
                            sleep.count(current.rate);
                            left
                        }
                        SleepTimer::EndOfStory => {
                            (current.frames as f64 - current.position_frames(speed)) / rate / speed
                        }
                    };
                    if left <= FADE_SECONDS && sleep.fade_from.is_none() {
                        sleep.fade_from = Some(current.seconds(current.position_frames(speed)));
                    }
                    let f = (left / FADE_SECONDS).clamp(0.0, 1.0) as f32;
                    f * f
                }
            };
            // Volume is applied by the output (heard at once); the gain here is the fade.
            self.gain += (fade - self.gain) * smoothing;
            out.push(current.pending[current.pending_at] * self.gain);
            current.pending_at += 1;
            current.since_base += 1;
            n += 1;
        }
        if let Some(session) = &mut self.session {
            session.heard_samples += n as u64;
            session.story_frames += n as f64 * speed;
        }
        if self
            .sleep
            .as_ref()
            .is_some_and(|s| matches!(s.timer, SleepTimer::Minutes { .. }) && s.left() <= 0.0)
        {
            self.sleep_stops(false);
        }
        n
    }

    /// The sleep timer ran out: stop, remember where the fade began.
    fn sleep_stops(&mut self, at_end: bool) {
        let fade_from = self.sleep.take().and_then(|s| s.fade_from);
        let position = fade_from.unwrap_or_else(|| self.position());
        if let Some(index) = self.index {
            self.slept = Some(Slept {
                at: self.clock.now_millis(),
                index,
                position,
            });
        }
        self.status = if at_end {
            PlaybackStatus::Ended
        } else {
            PlaybackStatus::Paused
        };
        self.emit_session_at(at_end, true, position);
        if let Some(track) = self.track() {
            let id = track.story_id.clone();
            self.remembered.insert(id, position);
        }
    }

    fn story_ended(&mut self) -> Result<(), PlayerError> {
        if let Some(current) = &mut self.current {
            current.base = current.frames as f64;
            current.since_base = 0;
        }
        if let Some(track) = self.track() {
            let id = track.story_id.clone();
            self.remembered.remove(&id);
        }
        if self
            .sleep
            .as_ref()
            .is_some_and(|s| s.timer == SleepTimer::EndOfStory)
        {
            self.sleep_stops(true);
            return Ok(());
        }
        self.emit_session(true, true);
        let index = self.index.unwrap_or(0);
        if index + 1 < self.queue.len() {
            self.status = PlaybackStatus::Paused;
            self.switch_to(index + 1)?;
            self.play()
        } else {
            self.status = PlaybackStatus::Ended;
            Ok(())
        }
    }
}
