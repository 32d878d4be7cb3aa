//! When and how long to wait before trying a request again: the seed's two policies (default
//! and aggressive), exponential with a cap and ±25 % jitter so a crowd of clients does not
//! retry in lock-step, and a server's `Retry-After` taking precedence when it fits the budget.
//! The loop itself lives in the transport because it also owns the request id that makes a
//! retried POST safe.
//!
//! Why no retry crate: backon and retry-policies model jitter as "add up to one delay", not the
//! seed's symmetric ±25 %, and neither knows about `Retry-After`; the policy here is one
//! function, and the loop is a dozen lines that a paused tokio clock drives in tests.

use std::time::Duration;

/// How a call is retried.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RetryPolicy {
    /// Attempts in total (1 = no retry).
    pub max_attempts: u32,
    /// Wait before the first retry.
    pub initial_delay: Duration,
    /// Growth of the wait per retry.
    pub multiplier: f64,
    /// Longest wait; also the longest `Retry-After` honoured inside one call.
    pub max_delay: Duration,
    /// Relative jitter: 0.25 = each wait is drawn from ±25 % of its nominal value.
    pub jitter: f64,
}

impl RetryPolicy {
    /// The seed's default: 3 attempts, 1 s, ×2, at most 30 s, ±25 %.
    pub const DEFAULT: Self = Self {
        max_attempts: 3,
        initial_delay: Duration::from_secs(1),
        multiplier: 2.0,
        max_delay: Duration::from_secs(30),
        jitter: 0.25,
    };

    /// The seed's aggressive policy (generation calls): 5 attempts, 0.5 s, ×1.5, at most 60 s.
    pub const AGGRESSIVE: Self = Self {
        max_attempts: 5,
        initial_delay: Duration::from_millis(500),
        multiplier: 1.5,
        max_delay: Duration::from_secs(60),
        jitter: 0.25,
    };

    /// One attempt only.
    pub const NONE: Self = Self {
        max_attempts: 1,
        initial_delay: Duration::ZERO,
        multiplier: 1.0,
        max_delay: Duration::ZERO,
        jitter: 0.0,
    };

    /// The nominal wait before retry number `retry` (1-based), before jitter.
    pub fn nominal_delay(&self, retry: u32) -> Duration {
        let factor = self.multiplier.powi(retry.saturating_sub(1) as i32);
        let secs = (self.initial_delay.as_secs_f64() * factor).min(self.max_delay.as_secs_f64());
        Duration::from_secs_f64(secs)
    }

    /// The wait before retry number `retry`, with `unit` ∈ [0, 1) drawn at random: nominal ×
    /// (1 − jitter + 2·jitter·unit), never above `max_delay`.
    pub fn delay(&self, retry: u32, unit: f64) -> Duration {
        let nominal = self.nominal_delay(retry).as_secs_f64();
        let scaled = nominal * (1.0 - self.jitter + 2.0 * self.jitter * unit.clamp(0.0, 1.0));
        Duration::from_secs_f64(scaled.min(self.max_delay.as_secs_f64()))
    }

    /// The wait before the next retry given the server's `Retry-After` (seconds): the server
    /// wins when it named a time within `max_delay`; a longer one means "give up and tell the
    /// person when" (`None`).
    pub fn wait(&self, retry: u32, retry_after: Option<u64>) -> Option<Duration> {
        match retry_after {
            Some(secs) if Duration::from_secs(secs) <= self.max_delay => {
                Some(Duration::from_secs(secs))
            }
            Some(_) => None,
            None => Some(self.delay(retry, rand::random::<f64>())),
        }
    }
}

/// Parses a `Retry-After` value: delay-seconds or an HTTP date (relative to `now_millis`).
pub fn parse_retry_after(value: &str, now_millis: i64) -> Option<u64> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(secs);
    }
    let at = httpdate::parse_http_date(value).ok()?;
    let at_ms = at.duration_since(std::time::UNIX_EPOCH).ok()?.as_millis() as i64;
    Some(((at_ms - now_millis).max(0) as u64).div_ceil(1000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_policy_grows_by_two_and_caps_at_thirty_seconds() {
        let p = RetryPolicy::DEFAULT;
        let nominal: Vec<f64> = (1..=6).map(|n| p.nominal_delay(n).as_secs_f64()).collect();
        assert_eq!(nominal, vec![1.0, 2.0, 4.0, 8.0, 16.0, 30.0]);
    }

    #[test]
    fn aggressive_policy_grows_by_one_and_a_half() {
        let p = RetryPolicy::AGGRESSIVE;
        let nominal: Vec<f64> = (1..=4).map(|n| p.nominal_delay(n).as_secs_f64()).collect();
        assert_eq!(nominal, vec![0.5, 0.75, 1.125, 1.6875]);
        assert_eq!(p.max_attempts, 5);
        assert_eq!(p.nominal_delay(30), Duration::from_secs(60));
    }

    #[test]
    fn jitter_stays_within_a_quarter_either_side() {
        let p = RetryPolicy::DEFAULT;
        assert_eq!(p.delay(2, 0.0), Duration::from_millis(1500));
        assert_eq!(p.delay(2, 0.5), Duration::from_secs(2));
        assert_eq!(p.delay(2, 1.0), Duration::from_millis(2500));
        assert_eq!(
            p.delay(10, 1.0),
            Duration::from_secs(30),
            "never above the cap"
        );
    }

    #[test]
    fn retry_after_wins_within_the_budget_and_gives_up_beyond_it() {
        let p = RetryPolicy::DEFAULT;
        assert_eq!(p.wait(1, Some(7)), Some(Duration::from_secs(7)));
        assert_eq!(p.wait(1, Some(360)), None);
        let d = p.wait(1, None).unwrap();
        assert!(d >= Duration::from_millis(750) && d <= Duration::from_millis(1250));
    }

    #[test]
    fn retry_after_parses_seconds_and_dates() {
        assert_eq!(parse_retry_after(" 12 ", 0), Some(12));
        let now = 1_787_400_000_000;
        let date = httpdate::fmt_http_date(
            std::time::UNIX_EPOCH + Duration::from_millis((now + 5_000) as u64),
        );
        assert_eq!(parse_retry_after(&date, now), Some(5));
        assert_eq!(parse_retry_after("soon", now), None);
    }
}
