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

/// The civil date (year, month 1–12, day 1–31, proleptic Gregorian) of a day counted from
/// 1970-01-01 (Howard Hinnant's algorithm): what the server's timestamps and the core's
/// listening days are printed from.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// RFC 3339 UTC with microseconds, the way GoTrue and PostgREST print timestamps (the server's
/// rows and the rows the app writes itself in direct-provider mode).
pub fn iso_micros(millis: i64) -> String {
    let secs = millis.div_euclid(1000);
    let ms = millis.rem_euclid(1000);
    let (y, mo, d) = civil_from_days(secs.div_euclid(86_400));
    let rem = secs.rem_euclid(86_400);
    let (h, mi, s) = (rem / 3600, (rem % 3600) / 60, rem % 60);
    format!(
        "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{:06}Z",
        ms * 1000
    )
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

    #[test]
    fn civil_dates_round_month_and_year_ends() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(20_789), (2026, 12, 2));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }
}
