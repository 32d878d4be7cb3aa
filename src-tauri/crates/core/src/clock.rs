//! Time, injected. Token expiry, cache expiry and rate-limit refills read a [`Clock`] (the
//! contract's, shared with the server) instead of `SystemTime::now()`, and waits go through a
//! [`Sleeper`], so tests can move time (and skew it) at will instead of sleeping. Per-call
//! deadlines wait on a sleeper too ([`ManualTimer`] in tests: they pass only when the test
//! moves its clock past them).

use std::fmt::Debug;
use std::sync::Arc;
use std::time::Duration;

pub use infinite_stories_contract::clock::{Clock, ManualClock, SharedClock, SystemClock};

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

/// A sleeper whose waits end only when [`ManualTimer::advance`] moves its clock past them: for
/// deadlines that must stay pending until a test says time has passed.
#[derive(Debug)]
pub struct ManualTimer {
    clock: Arc<ManualClock>,
    moved: tokio::sync::watch::Sender<()>,
}

impl ManualTimer {
    /// A timer on `clock`.
    pub fn new(clock: Arc<ManualClock>) -> Arc<Self> {
        Arc::new(Self {
            clock,
            moved: tokio::sync::watch::Sender::new(()),
        })
    }

    /// Moves the clock forward and ends every wait whose time has come.
    pub fn advance(&self, by: Duration) {
        self.clock.advance(by);
        self.moved.send_replace(());
    }

    /// Waits in progress (for tests to know a deadline is armed before they advance).
    pub fn waiting(&self) -> usize {
        self.moved.receiver_count()
    }
}

impl Sleeper for ManualTimer {
    fn sleep(&self, duration: Duration) -> futures_util::future::BoxFuture<'static, ()> {
        let clock = self.clock.clone();
        let deadline = clock.now_millis() + duration.as_millis() as i64;
        let mut moved = self.moved.subscribe();
        Box::pin(async move {
            while clock.now_millis() < deadline {
                if moved.changed().await.is_err() {
                    std::future::pending::<()>().await;
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn manual_timer_waits_end_only_when_the_clock_passes_them() {
        let timer = ManualTimer::new(ManualClock::new());
        let wait = tokio::spawn(timer.sleep(Duration::from_secs(30)));
        tokio::task::yield_now().await;
        timer.advance(Duration::from_secs(29));
        for _ in 0..10 {
            tokio::task::yield_now().await;
        }
        assert!(!wait.is_finished());
        timer.advance(Duration::from_secs(1));
        wait.await.unwrap();
    }
}
