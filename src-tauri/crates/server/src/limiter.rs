//! Sliding-window counters: the sign-in and sign-up limits per client IP, the realtime join
//! limits and the functions' hourly quotas all count hits here.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

/// Sliding-window counters keyed by string (client IP + bucket, user + function…).
#[derive(Debug, Default)]
pub(crate) struct SlidingLimiter {
    hits: Mutex<HashMap<String, VecDeque<i64>>>,
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
        let mut hits = self.hits.lock().unwrap_or_else(|e| e.into_inner());
        let q = hits.entry(key.to_string()).or_default();
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
}
