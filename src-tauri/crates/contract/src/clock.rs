//! Wall-clock time, injected. Token expiry, cache expiry, quotas, rate-limit refills and row
//! timestamps all read a [`Clock`] instead of `SystemTime::now()`, so tests move time (and skew
//! it) instead of sleeping. The core, the server and the player share this one definition.

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
/// time to simulate a badly set computer clock. Clones share one time.
#[derive(Clone, Debug, Default)]
pub struct ManualClock(Arc<AtomicI64>);

impl ManualClock {
    /// A manual clock set to the real time now.
    pub fn new() -> Arc<Self> {
        Arc::new(Self::at(SystemClock.now_millis()))
    }

    /// A manual clock `offset_ms` away from the real time (positive = ahead).
    pub fn skewed(offset_ms: i64) -> Arc<Self> {
        Arc::new(Self::at(SystemClock.now_millis() + offset_ms))
    }

    /// A manual clock reading `millis` since the epoch.
    pub fn at(millis: i64) -> Self {
        Self(Arc::new(AtomicI64::new(millis)))
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: Duration) {
        self.advance_millis(by.as_millis() as i64);
    }

    /// Moves the clock forward by `millis`.
    pub fn advance_millis(&self, millis: i64) {
        self.0.fetch_add(millis, Ordering::SeqCst);
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
        assert_eq!(clock.now_millis(), t0);
        clock.advance(Duration::from_secs(90));
        assert_eq!(clock.now_millis() - t0, 90_000);
        assert_eq!(clock.now_secs(), (t0 + 90_000).div_euclid(1000));
        clock.set_millis(5_000);
        assert_eq!(clock.now_secs(), 5);
        let shared = ManualClock::at(1_000);
        let copy = shared.clone();
        copy.advance_millis(500);
        assert_eq!(shared.now_millis(), 1_500);
    }

    #[test]
    fn skewed_clock_is_offset_from_real_time() {
        let ahead = ManualClock::skewed(3_600_000);
        let drift = ahead.now_millis() - SystemClock.now_millis();
        assert!((3_590_000..=3_600_000).contains(&drift), "{drift}");
    }
}
