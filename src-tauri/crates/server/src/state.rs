//! The state every route shares: configuration, database, signer and keys, the realtime hub,
//! fault rules, rate limiters and the content providers. Cheap to clone (`Arc` inside). The
//! features own their state types in leaf modules that never import this one (`faults/rules.rs`,
//! `realtime/hub.rs`, `realtime/sockets.rs`, `functions/in_flight.rs`, `limiter.rs`, `jwt.rs`),
//! so this is only where they meet and no import circle runs through it; the `module_graph`
//! test of the server suite keeps it so.

use std::net::SocketAddr;
use std::ops::Deref;
use std::path::PathBuf;
use std::sync::Arc;

use infinite_stories_storyteller::Providers;
use sqlx::SqlitePool;
use tokio::sync::watch;

use crate::config::ServerConfig;
use crate::faults::rules::Faults;
use crate::functions::in_flight::InFlight;
use crate::jwt::Signer;
use crate::limiter::SlidingLimiter;
use crate::realtime::hub::Hub;
use crate::realtime::sockets::SocketCount;

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
    pub in_flight: InFlight,
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
