//! Sliding-window counters: the sign-in and sign-up limits per client IP, the realtime join
//! limits and the functions' hourly quotas all count hits here. Keys come and go (every socket
//! and topic makes its own), so a key whose window has passed is forgotten: the map holds only
//! keys hit within their window, swept whenever it has doubled since the last sweep.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

/// Keys held before the first sweep is considered.
const SWEEP_FLOOR: usize = 1024;

/// Sliding-window counters keyed by string (client IP + bucket, user + function…).
#[derive(Debug, Default)]
pub(crate) struct SlidingLimiter {
    inner: Mutex<Keys>,
}

#[derive(Debug, Default)]
struct Keys {
    hits: HashMap<String, Window>,
    /// Sweep when the map grows past this.
    sweep_at: usize,
}

#[derive(Debug)]
struct Window {
    window_ms: i64,
    hits: VecDeque<i64>,
}

impl SlidingLimiter {
    /// Records a hit unless `limit` hits already happened within `window_ms` of `now_ms`; on
    /// refusal returns the seconds until the oldest hit leaves the window.
    pub(crate) fn hit(
        &self,
        key: &str,
        limit: u32,
        window_ms: i64,
        now_ms: i64,
    ) -> Result<(), u64> {
        let mut keys = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if keys.hits.len() >= keys.sweep_at.max(SWEEP_FLOOR) {
            keys.hits.retain(|_, w| {
                w.hits
                    .back()
                    .is_some_and(|last| *last > now_ms - w.window_ms)
            });
            keys.sweep_at = keys.hits.len() * 2;
        }
        let w = keys.hits.entry(key.to_string()).or_insert_with(|| Window {
            window_ms,
            hits: VecDeque::new(),
        });
        w.window_ms = window_ms;
        let q = &mut w.hits;
        while q.front().is_some_and(|t| *t <= now_ms - window_ms) {
            q.pop_front();
        }
        if q.len() >= limit as usize {
            let oldest = q.front().copied().unwrap_or(now_ms);
            let wait_ms = (oldest + window_ms - now_ms).max(1000);
            return Err(((wait_ms + 999) / 1000) as u64);
        }
        q.push_back(now_ms);
        Ok(())
    }

    /// Keys held now.
    #[cfg(test)]
    pub(crate) fn keys(&self) -> usize {
        self.inner
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .hits
            .len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sliding_limiter_refuses_over_limit_and_recovers_after_window() {
        let l = SlidingLimiter::default();
        assert!(l.hit("k", 2, 10_000, 0).is_ok());
        assert!(l.hit("k", 2, 10_000, 1_000).is_ok());
        assert_eq!(l.hit("k", 2, 10_000, 2_000), Err(8));
        assert!(l.hit("other", 2, 10_000, 2_000).is_ok());
        assert!(l.hit("k", 2, 10_000, 10_001).is_ok());
    }

    #[test]
    fn keys_of_gone_sockets_are_forgotten_once_their_window_passed() {
        let l = SlidingLimiter::default();
        // A socket per second for a day, each updating presence once on its own key.
        for i in 0..86_400_i64 {
            l.hit(&format!("presence:{i}:realtime:room"), 10, 30_000, i * 1000)
                .unwrap();
            assert!(l.keys() <= 2 * SWEEP_FLOOR, "{} keys at {i}", l.keys());
        }
        // A key still inside its window keeps counting across sweeps.
        let l = SlidingLimiter::default();
        l.hit("auth:signin:1.2.3.4", 2, 3_600_000, 0).unwrap();
        l.hit("auth:signin:1.2.3.4", 2, 3_600_000, 1).unwrap();
        for i in 0..5_000_i64 {
            l.hit(&format!("short:{i}"), 1, 1_000, 10_000 + i * 500)
                .unwrap();
        }
        assert!(l.keys() < 2 * SWEEP_FLOOR);
        assert!(
            l.hit("auth:signin:1.2.3.4", 2, 3_600_000, 3_000_000)
                .is_err()
        );
    }
}
