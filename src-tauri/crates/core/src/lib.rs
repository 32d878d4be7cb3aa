//! `infinite-stories-core` is the client integration layer of InfiniteStories Desktop.
//!
//! It talks to a Supabase-compatible backend (the embedded one by default, a Supabase project
//! when configured) and owns everything the UI relies on that can be tested without a window:
//! the backend connection, the request pipeline, errors in a taxonomy the UI can branch on, and
//! the events the shell forwards to the UI. It never depends on Tauri: the shell builds one
//! [`Core`], manages it, and bridges [`CoreEvent`]s to typed UI events.

pub mod backend;
pub mod clock;
pub mod config;
pub mod error;
pub mod events;
pub mod http;
pub mod monitor;
pub mod secrets;

use std::sync::Arc;

use tokio::sync::watch;

pub use backend::{BackendState, BackendStatus};
pub use config::{BackendEndpoint, BackendMode};
pub use error::{CoreError, ErrorCode};
pub use events::{CoreEvent, EventStream};

use crate::events::EventHub;
use crate::http::Transport as ApiClient;

/// The one handle the shell manages: cheap to clone, every clone shares the same state.
#[derive(Clone, Debug)]
pub struct Core {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    events: EventHub,
    status: watch::Sender<BackendStatus>,
    /// The backend last asked for, answered or not (what `recheck_backend` retries).
    endpoint: std::sync::RwLock<Option<BackendEndpoint>>,
    /// The client of the backend that last answered.
    api: std::sync::RwLock<Option<ApiClient>>,
}

impl Default for Core {
    fn default() -> Self {
        Self::new()
    }
}

impl Core {
    /// A core that is not connected to any backend yet; its status is `connecting`.
    pub fn new() -> Self {
        let (status, _) = watch::channel(BackendStatus::connecting());
        Self {
            inner: Arc::new(Inner {
                events: EventHub::new(),
                status,
                endpoint: std::sync::RwLock::new(None),
                api: std::sync::RwLock::new(None),
            }),
        }
    }

    /// Subscribes to everything the core reports (backend status, later progress, session…).
    pub fn events(&self) -> EventStream {
        self.inner.events.subscribe()
    }

    /// The latest backend status, for a UI that asks before it starts listening.
    pub fn backend_status(&self) -> BackendStatus {
        self.inner.status.borrow().clone()
    }

    /// Connects to a backend: checks it answers, then publishes `connected` (or `unavailable`
    /// with a message a parent can act on). Returns the resulting status.
    pub async fn connect(&self, endpoint: BackendEndpoint) -> BackendStatus {
        *self
            .inner
            .endpoint
            .write()
            .unwrap_or_else(|e| e.into_inner()) = Some(endpoint.clone());
        let api = match ApiClient::new(
            endpoint.clone(),
            secrecy::SecretString::from(""),
            Arc::new(clock::SystemClock),
            Arc::new(monitor::PerformanceMonitor::new()),
            &Default::default(),
        ) {
            Ok(api) => api,
            Err(err) => return self.mark_unavailable(&endpoint, &err),
        };
        let status = match api.health().await {
            Ok(health) => {
                tracing::info!(address = %endpoint.base_url, version = %health.version, "backend connected");
                BackendStatus::connected(&endpoint, health.version)
            }
            Err(err) => return self.mark_unavailable(&endpoint, &err),
        };
        *self.inner.api.write().unwrap_or_else(|e| e.into_inner()) = Some(api);
        self.publish(status)
    }

    /// Checks the backend again (the "Check again" button): the same as [`Core::connect`] to the
    /// backend last asked for. Fails when no backend was ever given, e.g. the embedded one
    /// could not start.
    pub async fn recheck_backend(&self) -> Result<BackendStatus, CoreError> {
        let endpoint = self
            .inner
            .endpoint
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        match endpoint {
            Some(endpoint) => Ok(self.connect(endpoint).await),
            None => Err(CoreError::NotConnected),
        }
    }

    /// Records that the backend could not be started at all (e.g. the embedded server failed to
    /// bind or its data directory is not writable).
    pub fn backend_failed(&self, mode: BackendMode, reason: &str) -> BackendStatus {
        tracing::error!(%reason, "backend unavailable");
        self.publish(BackendStatus::failed(mode, reason))
    }

    /// The API client of the connected backend.
    pub fn api(&self) -> Result<ApiClient, CoreError> {
        self.inner
            .api
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
            .ok_or(CoreError::NotConnected)
    }

    fn mark_unavailable(&self, endpoint: &BackendEndpoint, err: &CoreError) -> BackendStatus {
        tracing::warn!(address = %endpoint.base_url, error = %err, "backend did not answer");
        self.publish(BackendStatus::unreachable(endpoint, err))
    }

    fn publish(&self, status: BackendStatus) -> BackendStatus {
        self.inner.status.send_replace(status.clone());
        self.inner
            .events
            .emit(CoreEvent::BackendStatus(status.clone()));
        status
    }
}
