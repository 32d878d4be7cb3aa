//! Time, injected. Token expiry, cache expiry and rate-limit refills read a [`Clock`] (the
//! contract's, shared with the server) instead of `SystemTime::now()`, and waits go through a
//! [`Sleeper`], so tests can move time (and skew it) at will instead of sleeping.

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
