//! Client-side rate limits: one token bucket per generation endpoint with the seed's numbers,
//! checked before a request is sent so the app can answer "rate limited, next in N s" without
//! touching the network, and observable for a countdown in the UI.
//!
//! Why not governor: its GCRA state cannot be read without spending a cell, so the UI could not
//! show "3 left, next in 2 min"; a bucket on the injected [`Clock`] is a few lines and testable
//! by moving the clock.

use std::collections::BTreeMap;
use std::sync::Mutex;

use serde::Serialize;

use crate::clock::SharedClock;
use crate::error::CoreError;

/// A limited endpoint's bucket: `capacity` tokens, one more every `refill_secs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LimitSpec {
    /// Function name (`story-generation`…).
    pub endpoint: &'static str,
    /// Burst size.
    pub capacity: u32,
    /// Seconds to regain one token.
    pub refill_secs: u32,
}

/// The seed's limits (original-backend-contract §3).
pub const SEED_LIMITS: [LimitSpec; 4] = [
    LimitSpec {
        endpoint: "story-generation",
        capacity: 10,
        refill_secs: 360,
    },
    LimitSpec {
        endpoint: "audio-synthesis",
        capacity: 15,
        refill_secs: 240,
    },
    LimitSpec {
        endpoint: "avatar-generation",
        capacity: 8,
        refill_secs: 450,
    },
    LimitSpec {
        endpoint: "scene-illustration",
        capacity: 25,
        refill_secs: 144,
    },
];

/// One bucket as the UI shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LimitStatus {
    /// Function name.
    pub endpoint: String,
    /// Burst size.
    pub capacity: u32,
    /// Whole requests available now.
    pub remaining: u32,
    /// Seconds until the next token arrives (`None` when full).
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub next_in_seconds: Option<u64>,
}

#[derive(Debug)]
struct Bucket {
    spec: LimitSpec,
    /// Tokens in millitokens, to refill continuously without floats.
    milli: i64,
    at_ms: i64,
}

impl Bucket {
    /// Adds the whole millitokens earned since `at_ms`, keeping the remainder of time so that
    /// refills never drift.
    fn refill(&mut self, now_ms: i64) {
        let per_milli = i64::from(self.spec.refill_secs);
        let cap = i64::from(self.spec.capacity) * 1000;
        let gained = (now_ms - self.at_ms).max(0) / per_milli;
        self.milli = (self.milli + gained).min(cap);
        self.at_ms = if self.milli >= cap {
            now_ms
        } else {
            self.at_ms + gained * per_milli
        };
    }

    /// Milliseconds (after a refill at `now_ms`) until `n` whole tokens are present.
    fn wait_ms(&self, n: u32, now_ms: i64) -> i64 {
        let missing = i64::from(n) * 1000 - self.milli;
        if missing <= 0 {
            0
        } else {
            missing * i64::from(self.spec.refill_secs) - (now_ms - self.at_ms)
        }
    }

    fn status(&self, now_ms: i64) -> LimitStatus {
        let full = self.milli >= i64::from(self.spec.capacity) * 1000;
        let whole = self.milli / 1000;
        LimitStatus {
            endpoint: self.spec.endpoint.into(),
            capacity: self.spec.capacity,
            remaining: whole as u32,
            next_in_seconds: (!full)
                .then(|| (self.wait_ms(whole as u32 + 1, now_ms).max(0) as u64).div_ceil(1000)),
        }
    }
}

/// The buckets, shared by every caller.
#[derive(Debug)]
pub struct RateLimits {
    clock: SharedClock,
    buckets: Mutex<BTreeMap<&'static str, Bucket>>,
}

impl RateLimits {
    /// Buckets for `specs`, all full.
    pub fn new(clock: SharedClock, specs: &[LimitSpec]) -> Self {
        let now = clock.now_millis();
        let buckets = specs
            .iter()
            .map(|s| {
                (
                    s.endpoint,
                    Bucket {
                        spec: *s,
                        milli: i64::from(s.capacity) * 1000,
                        at_ms: now,
                    },
                )
            })
            .collect();
        Self {
            clock,
            buckets: Mutex::new(buckets),
        }
    }

    /// The seed's limits.
    pub fn seed(clock: SharedClock) -> Self {
        Self::new(clock, &SEED_LIMITS)
    }

    /// Spends `n` tokens of `endpoint` (unlimited endpoints always pass), or says when `n` will
    /// be available.
    pub fn acquire(&self, endpoint: &str, n: u32) -> Result<(), CoreError> {
        let now = self.clock.now_millis();
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        let Some(bucket) = buckets.get_mut(endpoint) else {
            return Ok(());
        };
        bucket.refill(now);
        let wait = bucket.wait_ms(n, now);
        if wait > 0 || n > bucket.spec.capacity {
            return Err(CoreError::RateLimited {
                what: Some(endpoint.to_owned()),
                retry_after: Some((wait as u64).div_ceil(1000)),
            });
        }
        bucket.milli -= i64::from(n) * 1000;
        Ok(())
    }

    /// Gives back `n` tokens (a request that was refused before the server did any work).
    pub fn refund(&self, endpoint: &str, n: u32) {
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(b) = buckets.get_mut(endpoint) {
            b.milli = (b.milli + i64::from(n) * 1000).min(i64::from(b.spec.capacity) * 1000);
        }
    }

    /// Every bucket's state now.
    pub fn status(&self) -> Vec<LimitStatus> {
        let now = self.clock.now_millis();
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        buckets
            .values_mut()
            .map(|b| {
                b.refill(now);
                b.status(now)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::clock::ManualClock;

    #[test]
    fn the_eleventh_story_within_the_hour_is_refused_without_the_network() {
        let clock = ManualClock::new();
        let limits = RateLimits::seed(clock.clone());
        for _ in 0..10 {
            limits.acquire("story-generation", 1).unwrap();
        }
        let err = limits.acquire("story-generation", 1).unwrap_err();
        assert_eq!(err.retry_after(), Some(360));
        assert!(err.to_string().contains("6 minutes"), "{err}");
        clock.advance(Duration::from_secs(300));
        assert_eq!(
            limits
                .acquire("story-generation", 1)
                .unwrap_err()
                .retry_after(),
            Some(60)
        );
        clock.advance(Duration::from_secs(60));
        limits.acquire("story-generation", 1).unwrap();
    }

    #[test]
    fn seed_numbers_for_every_endpoint() {
        let clock: SharedClock = ManualClock::new();
        let limits = RateLimits::seed(clock);
        let status = limits.status();
        let caps: Vec<(String, u32)> = status
            .iter()
            .map(|s| (s.endpoint.clone(), s.capacity))
            .collect();
        assert_eq!(
            caps,
            [
                ("audio-synthesis", 15),
                ("avatar-generation", 8),
                ("scene-illustration", 25),
                ("story-generation", 10)
            ]
            .map(|(e, c)| (e.to_owned(), c))
        );
        limits.acquire("scene-illustration", 25).unwrap();
        let err = limits.acquire("scene-illustration", 5).unwrap_err();
        assert_eq!(err.retry_after(), Some(5 * 144));
        limits.acquire("extract-scenes", 1000).unwrap();
    }

    #[test]
    fn status_counts_down_to_the_next_token() {
        let clock = ManualClock::new();
        let limits = RateLimits::new(
            clock.clone(),
            &[LimitSpec {
                endpoint: "avatar-generation",
                capacity: 2,
                refill_secs: 450,
            }],
        );
        assert_eq!(limits.status()[0].next_in_seconds, None);
        limits.acquire("avatar-generation", 2).unwrap();
        clock.advance(Duration::from_secs(50));
        let s = &limits.status()[0];
        assert_eq!((s.remaining, s.next_in_seconds), (0, Some(400)));
        limits.refund("avatar-generation", 1);
        assert_eq!(limits.status()[0].remaining, 1);
    }
}
