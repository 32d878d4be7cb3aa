//! Wall-clock time, injected. Token expiry, cache expiry and rate-limit refills all read a
//! [`Clock`] instead of `SystemTime::now()`, so tests can move time (and skew it) at will.

use std::fmt::Debug;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A source of wall-clock time, in milliseconds since the Unix epoch.
pub trait Clock: Send + Sync + Debug {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    fn now_millis(&self) -> i64;

    /// Whole seconds since the epoch.
    fn now_secs(&self) -> i64 {
        self.now_millis().div_euclid(1000)
    }
}

/// Shared clock handle.
pub type SharedClock = Arc<dyn Clock>;

/// The computer's clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl SystemClock {
    /// The real time now (for tests that set a manual clock relative to it).
    pub fn now_millis_for_tests(&self) -> i64 {
        Clock::now_millis(self)
    }
}

impl Clock for SystemClock {
    fn now_millis(&self) -> i64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0)
    }
}

/// A clock that moves only when told to (tests). It can be set ahead of or behind the real
/// time to simulate a badly set computer clock.
#[derive(Debug)]
pub struct ManualClock(AtomicI64);

impl ManualClock {
    /// A manual clock set to the real time now.
    pub fn new() -> Arc<Self> {
        Arc::new(Self(AtomicI64::new(SystemClock.now_millis())))
    }

    /// A manual clock `offset_ms` away from the real time (positive = ahead).
    pub fn skewed(offset_ms: i64) -> Arc<Self> {
        Arc::new(Self(AtomicI64::new(SystemClock.now_millis() + offset_ms)))
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: Duration) {
        self.0.fetch_add(by.as_millis() as i64, Ordering::SeqCst);
    }

    /// Sets the clock to `millis` since the epoch.
    pub fn set_millis(&self, millis: i64) {
        self.0.store(millis, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now_millis(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_moves_only_when_told() {
        let clock = ManualClock::new();
        let t0 = clock.now_millis();
        clock.advance(Duration::from_secs(90));
        assert_eq!(clock.now_millis() - t0, 90_000);
        assert_eq!(clock.now_secs(), (t0 + 90_000).div_euclid(1000));
    }

    #[test]
    fn skewed_clock_is_offset_from_real_time() {
        let ahead = ManualClock::skewed(3_600_000);
        let drift = ahead.now_millis() - SystemClock.now_millis();
        assert!((3_590_000..=3_600_000).contains(&drift), "{drift}");
    }
}

/// How the core waits (retry backoff, short re-tries). Injected so tests can record the waits
/// and move a [`ManualClock`] instead of sleeping.
pub trait Sleeper: Send + Sync + Debug {
    /// Waits `duration`.
    fn sleep(&self, duration: Duration) -> futures_util::future::BoxFuture<'static, ()>;
}

/// Shared sleeper handle.
pub type SharedSleeper = Arc<dyn Sleeper>;

/// Real waiting on tokio's timer.
#[derive(Clone, Copy, Debug, Default)]
pub struct TokioSleeper;

impl Sleeper for TokioSleeper {
    fn sleep(&self, duration: Duration) -> futures_util::future::BoxFuture<'static, ()> {
        Box::pin(tokio::time::sleep(duration))
    }
}

/// A sleeper that returns at once, records every wait and advances a manual clock by it.
#[derive(Debug)]
pub struct RecordingSleeper {
    clock: Option<Arc<ManualClock>>,
    waits: std::sync::Mutex<Vec<Duration>>,
}

impl RecordingSleeper {
    /// Records waits and moves `clock` (if any) forward by each.
    pub fn new(clock: Option<Arc<ManualClock>>) -> Arc<Self> {
        Arc::new(Self {
            clock,
            waits: std::sync::Mutex::new(Vec::new()),
        })
    }

    /// Every wait so far.
    pub fn waits(&self) -> Vec<Duration> {
        self.waits.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

impl Sleeper for RecordingSleeper {
    fn sleep(&self, duration: Duration) -> futures_util::future::BoxFuture<'static, ()> {
        self.waits
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(duration);
        if let Some(clock) = &self.clock {
            clock.advance(duration);
        }
        Box::pin(tokio::task::yield_now())
    }
}
