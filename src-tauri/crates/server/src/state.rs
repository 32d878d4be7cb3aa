//! The state every route shares: configuration, database, signer and keys, the realtime hub,
//! fault rules, rate limiters and the content providers. Cheap to clone (`Arc` inside).

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::ops::Deref;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use infinite_stories_storyteller::Providers;
use serde_json::json;
use sqlx::SqlitePool;
use tokio::sync::{Notify, watch};

use crate::config::ServerConfig;
use crate::faults::Faults;
use crate::jwt::Signer;
use crate::realtime::Hub;

/// Shared server state.
#[derive(Clone, Debug)]
pub(crate) struct AppState(Arc<Inner>);

/// What [`AppState`] holds.
#[derive(Debug)]
pub(crate) struct Inner {
    pub config: ServerConfig,
    pub db: SqlitePool,
    pub signer: Signer,
    pub anon_key: String,
    pub service_key: String,
    pub address: SocketAddr,
    pub hub: Hub,
    pub faults: Faults,
    pub limiter: SlidingLimiter,
    pub providers: Providers,
    pub storage_root: PathBuf,
    /// Flips to `true` when the server is stopping (realtime sockets close with 1001).
    pub stopping: watch::Receiver<bool>,
    /// Live realtime sockets; shutdown waits until they have closed.
    pub sockets: Arc<SocketCount>,
    /// Serialises refresh-token rotation (parent reuse needs a consistent view).
    pub auth_lock: tokio::sync::Mutex<()>,
    /// Serialises REST writes so uniqueness checks and writes are atomic together.
    pub records_lock: tokio::sync::Mutex<()>,
    /// Function calls in flight by request id (idempotent retries wait for the first).
    pub in_flight: crate::functions::InFlight,
}

impl Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    pub(crate) fn new(inner: Inner) -> Self {
        AppState(Arc::new(inner))
    }

    /// Unix seconds now, from the configured clock.
    pub(crate) fn now_secs(&self) -> i64 {
        self.config.clock.now_secs()
    }

    /// Unix milliseconds now, from the configured clock.
    pub(crate) fn now_millis(&self) -> i64 {
        self.config.clock.now_millis()
    }
}

/// The API keys for a secret: long-lived JWTs with role `anon` and `service_role`. The same
/// secret always gives the same keys.
pub(crate) fn api_keys(signer: &Signer) -> (String, String) {
    let claims = |role: &str| {
        json!({"iss": "supabase", "ref": "infinite-stories", "role": role,
               "iat": 1_735_689_600_i64, "exp": 4_102_444_800_i64})
    };
    (
        signer.sign(&claims("anon")),
        signer.sign(&claims("service_role")),
    )
}

/// Counts live realtime sockets so shutdown can wait for their close frames.
#[derive(Debug, Default)]
pub(crate) struct SocketCount {
    live: AtomicUsize,
    idle: Notify,
}

/// Held by a running socket.
#[derive(Debug)]
pub(crate) struct SocketTicket(Arc<SocketCount>);

impl Drop for SocketTicket {
    fn drop(&mut self) {
        if self.0.live.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.idle.notify_waiters();
        }
    }
}

impl SocketCount {
    /// Registers a socket until the ticket is dropped.
    pub(crate) fn enter(self: &Arc<Self>) -> SocketTicket {
        self.live.fetch_add(1, Ordering::SeqCst);
        SocketTicket(self.clone())
    }

    /// Returns once no socket is live.
    pub(crate) async fn wait_idle(&self) {
        loop {
            let notified = self.idle.notified();
            if self.live.load(Ordering::SeqCst) == 0 {
                return;
            }
            notified.await;
        }
    }
}

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
