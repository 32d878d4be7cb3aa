//! `infinite-stories-core` is the client integration layer of InfiniteStories Desktop.
//!
//! It talks to a Supabase-compatible backend (the embedded one by default, a Supabase project
//! when configured) and owns everything the UI relies on that can be tested without a window:
//! the backend connection, the session (kept in the OS keyring), the request pipeline, errors in
//! a taxonomy the UI can branch on, client-side limits, timings, and the events the shell
//! forwards to the UI. It never depends on Tauri: the shell builds one [`Core`], manages it,
//! and bridges [`CoreEvent`]s to typed UI events.

pub mod api;
pub mod auth;
pub mod backend;
pub mod cache;
pub mod clock;
pub mod config;
pub mod database;
pub mod diagnostics;
pub mod error;
pub mod events;
pub mod family;
pub mod first_screen;
pub mod http;
pub mod monitor;
pub mod moving;
pub mod realtime;
pub mod recovery;
pub mod secrets;
pub mod session_file;
pub mod settings;
pub mod stories;
pub mod voice_sample;

use std::sync::{Arc, RwLock};

use secrecy::SecretString;
use serde_json::json;
use tokio::sync::watch;

pub use api::ApiClient;
pub use auth::{SessionChange, SessionEvent, SessionInfo};
pub use backend::{BackendState, BackendStatus};
pub use config::{BackendEndpoint, BackendMode};
pub use diagnostics::DiagnosticsReport;
pub use error::{CoreError, ErrorCode};
pub use events::{CoreEvent, EventHub, EventStream};
pub use http::LimitStatus;
/// The shared types (catalogues, IPC and wire types), for the shell and the tests.
pub use infinite_stories_contract as contract;
pub use monitor::RequestRecord;
pub use moving::{MoveDestination, MoveProgress, MoveReport, MoveStatus, MoveStep};

use crate::auth::{AuthClient, SessionStore, TokenManager};
pub use crate::cache::CacheStatus;
use crate::clock::SharedClock;
use crate::http::{RateLimits, Transport, TransportOptions};
use crate::monitor::PerformanceMonitor;
use crate::realtime::{RealtimeClient, RealtimeConfig, Subscription, TokenSource};
use crate::secrets::{KeyringStore, SecretStore};
use crate::stories::flow::Cancels;
pub use crate::stories::library::journey::{Journey, JourneyRange, MilestoneId};
pub use crate::stories::library::outbox::{OutboxStatus, RefusedChange};
pub use crate::stories::library::{
    Library, LibraryCard, LibraryPage, LibraryQuery, LibrarySort, ListeningRecord, ListeningState,
    StoryDetail, StorySummary,
};
pub use crate::stories::progress::GenerationProgress;
pub use crate::stories::request::GenerateRequest;
pub use crate::stories::shelf::{ContinueListening, Tonight};

/// Keyring service name of the app (release builds); debug builds add `.dev` so a developer's
/// session never mixes with the installed app's.
pub const KEYRING_SERVICE: &str = if cfg!(debug_assertions) {
    "com.infinitestories.desktop.dev"
} else {
    "com.infinitestories.desktop"
};

/// What the core is built from: everything time- and secret-dependent is injected.
#[derive(Clone, Debug)]
pub struct CoreOptions {
    /// Where sessions are kept (the OS keyring in the app).
    pub secrets: Arc<dyn SecretStore>,
    /// Wall clock.
    pub clock: SharedClock,
    /// How retries wait (tokio's timer in the app; a recording sleeper in tests).
    pub sleeper: Option<clock::SharedSleeper>,
    /// What call deadlines wait on (tokio's timer in the app; a manual timer in tests).
    pub timer: Option<clock::SharedSleeper>,
    /// Realtime timings (realtime-js defaults in the app; shortened in tests).
    pub realtime: RealtimeConfig,
    /// Folder for the cache files and the local database (the app's data dir). Without it the
    /// library and the cache are unavailable.
    pub data_dir: Option<std::path::PathBuf>,
    /// Extra root certificates (DER) trusted for https profiles besides the Mozilla set, e.g. a
    /// self-hosted backend's private CA (or a test CA). They apply to requests and to the
    /// realtime socket alike; a profile's pins still narrow what is accepted.
    pub extra_roots: Vec<Vec<u8>>,
}

impl Default for CoreOptions {
    fn default() -> Self {
        Self {
            secrets: Arc::new(KeyringStore::new(KEYRING_SERVICE)),
            clock: Arc::new(clock::SystemClock),
            sleeper: None,
            timer: None,
            realtime: RealtimeConfig::default(),
            data_dir: None,
            extra_roots: Vec::new(),
        }
    }
}

/// The one handle the shell manages: cheap to clone, every clone shares the same state.
#[derive(Clone, Debug)]
pub struct Core {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    options: CoreOptions,
    events: EventHub,
    status: watch::Sender<BackendStatus>,
    monitor: Arc<PerformanceMonitor>,
    limits: Arc<RateLimits>,
    /// The backend last asked for, answered or not (what `recheck_backend` retries).
    endpoint: RwLock<Option<BackendEndpoint>>,
    /// The connected profile.
    profile: RwLock<Option<Arc<Profile>>>,
    /// Cache and library, opened on first connect.
    local: tokio::sync::OnceCell<Library>,
    /// Running generations.
    cancels: Arc<Cancels>,
    /// What the family should be told (see [`BackendStatus::notices`]).
    notices: RwLock<Vec<String>>,
    /// The session stored for the profile being connected, known before the backend answers
    /// (see [`Core::remember_session`]).
    remembered: RwLock<Option<auth::Remembered>>,
    /// Held while the outbox is pushed, so two pushes never send one change twice.
    outbox: tokio::sync::Mutex<()>,
    /// The library move to a Supabase project, when one runs.
    moving: Arc<moving::MoveState>,
    /// Whether the start-up sync waits for the window's first screen.
    first_screen: first_screen::FirstScreen,
}

/// Everything tied to one connected backend; replaced as a whole when the profile changes.
#[derive(Debug)]
struct Profile {
    api: ApiClient,
    realtime: RealtimeClient,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl Drop for Profile {
    fn drop(&mut self) {
        self.realtime.disconnect();
        for t in &self.tasks {
            t.abort();
        }
    }
}

impl Default for Core {
    fn default() -> Self {
        Self::new()
    }
}

impl Core {
    /// A core on the OS keyring and the system clock, not connected yet (status `connecting`).
    pub fn new() -> Self {
        Self::with_options(CoreOptions::default())
    }

    /// A core built from `options` (tests inject a memory store and a manual clock).
    pub fn with_options(options: CoreOptions) -> Self {
        let (status, _) = watch::channel(BackendStatus::connecting());
        let limits = Arc::new(RateLimits::seed(options.clock.clone()));
        Self {
            inner: Arc::new(Inner {
                options,
                events: EventHub::new(),
                status,
                monitor: Arc::new(PerformanceMonitor::new()),
                limits,
                endpoint: RwLock::new(None),
                profile: RwLock::new(None),
                local: tokio::sync::OnceCell::new(),
                cancels: Arc::new(Cancels::default()),
                notices: RwLock::new(Vec::new()),
                remembered: RwLock::new(None),
                outbox: tokio::sync::Mutex::new(()),
                moving: Arc::default(),
                first_screen: first_screen::FirstScreen::default(),
            }),
        }
    }

    /// Holds the catch-up of the first realtime join (outbox push, then library sync) until
    /// [`Core::first_screen_shown`], at most [`first_screen::FIRST_SCREEN_WAIT`], so it does not
    /// compete with the window's start (the shell calls it before connecting; see
    /// [`first_screen`]).
    pub fn hold_sync_for_first_screen(&self) {
        self.inner.first_screen.hold();
    }

    /// The UI's first screen is shown: the held catch-up goes on.
    pub fn first_screen_shown(&self) {
        self.inner.first_screen.shown();
    }

    /// Whether a realtime join's catch-up is waiting for the first screen now (what the tests
    /// wait on before they check that nothing was synced meanwhile).
    pub fn sync_waits_for_first_screen(&self) -> bool {
        self.inner.first_screen.waiting()
    }

    /// Waits while [`Core::hold_sync_for_first_screen`] holds (on the injected timer).
    pub(crate) async fn after_first_screen(&self) {
        self.inner
            .first_screen
            .wait(&self.timer(), first_screen::FIRST_SCREEN_WAIT)
            .await;
    }

    /// What waits that are not retries wait on: the injected timer, tokio's by default (not
    /// the retry sleeper, whose test double moves the clock the library's edit times and rate
    /// limits read).
    pub(crate) fn timer(&self) -> clock::SharedSleeper {
        self.inner
            .options
            .timer
            .clone()
            .unwrap_or_else(|| Arc::new(clock::TokioSleeper))
    }

    /// Subscribes to everything the core reports (backend status, session, limits…).
    pub fn events(&self) -> EventStream {
        self.inner.events.subscribe()
    }

    /// The latest backend status, for a UI that asks before it starts listening.
    pub fn backend_status(&self) -> BackendStatus {
        let mut status = self.inner.status.borrow().clone();
        if status.state == BackendState::Connected {
            status.session_storage = self.session_storage();
        }
        status.notices = self.notices();
        status
    }

    /// Connects to a backend profile: checks it answers, sets up the request pipeline and the
    /// token manager for it, restores that profile's stored session, then publishes `connected`
    /// (or `unavailable` with a message a parent can act on). Switching to another profile
    /// drops the previous one's session from memory (it stays in the keyring under its own
    /// name).
    pub async fn connect(&self, endpoint: BackendEndpoint) -> BackendStatus {
        *self
            .inner
            .endpoint
            .write()
            .unwrap_or_else(|e| e.into_inner()) = Some(endpoint.clone());
        let api_key = endpoint
            .api_key
            .as_ref()
            .map(|k| k.0.clone())
            .unwrap_or_else(|| SecretString::from(""));
        let options = TransportOptions {
            sleeper: self.inner.options.sleeper.clone(),
            timer: self.inner.options.timer.clone(),
            pins: endpoint.pins.clone(),
            extra_roots: self.inner.options.extra_roots.clone(),
        };
        let transport = match Transport::new(
            endpoint.clone(),
            api_key,
            self.inner.options.clock.clone(),
            self.inner.monitor.clone(),
            &options,
        ) {
            Ok(t) => t,
            Err(err) => return self.mark_unavailable(&endpoint, &err),
        };
        // Who was signed in here is known from the keyring before the backend answers (or
        // when it never does): the library opens at once.
        self.remember_session(&endpoint.profile_id()).await;
        let health = match transport.health().await {
            Ok(h) => h,
            Err(err) => return self.mark_unavailable(&endpoint, &err),
        };
        let store = SessionStore::new(self.inner.options.secrets.clone(), &endpoint.profile_id());
        let tokens = TokenManager::new(
            AuthClient::new(transport.clone()),
            store,
            self.inner.events.clone(),
        );
        if let Err(e) = tokens.restore().await {
            tracing::warn!(error = %e, "stored session could not be read");
        }
        let api = ApiClient::new(
            transport.clone(),
            tokens.clone(),
            self.inner.limits.clone(),
            self.inner.events.clone(),
        );
        let source_tokens = tokens.clone();
        let source: TokenSource = Arc::new(move |force| {
            let tokens = source_tokens.clone();
            Box::pin(async move {
                if force && let Some(s) = tokens.session() {
                    let _ = tokens.refresh_from(&s.access_token).await;
                }
                tokens.access_token().await.ok().flatten()
            })
        });
        // The socket gets the very TLS config the requests use (TLS 1.3, the profile's pins).
        let realtime = RealtimeClient::spawn_with_tls(
            endpoint.base_url.as_str(),
            transport.api_key().clone(),
            source,
            self.inner.options.realtime.clone(),
            transport.tls_config(),
        );
        // Without an API key the gateway refuses the socket; don't spin on reconnects.
        if endpoint.api_key.is_some() {
            realtime.connect();
        }
        let tasks = vec![
            tokens.spawn_auto_refresh(),
            self.forward_realtime(&realtime),
            self.push_tokens_to(&realtime),
            self.keep_library_in_step(&realtime),
            self.retry_outbox(),
        ];
        // A restored session announced itself before the tasks above listened.
        if let Some(s) = tokens.session() {
            realtime.subscribe(Subscription::FamilyChanges {
                user_id: s.user.id.clone(),
            });
            realtime.subscribe(Subscription::StoryInserts {
                user_id: s.user.id.clone(),
            });
        }
        let profile = Arc::new(Profile {
            api,
            realtime,
            tasks,
        });
        *self
            .inner
            .profile
            .write()
            .unwrap_or_else(|e| e.into_inner()) = Some(profile);
        tracing::info!(address = %endpoint.base_url, version = %health.version, "backend connected");
        self.publish(BackendStatus {
            session_storage: self.session_storage(),
            ..BackendStatus::connected(&endpoint, health.version)
        })
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
        self.profile().map(|p| p.api.clone())
    }

    fn profile(&self) -> Result<Arc<Profile>, CoreError> {
        self.inner
            .profile
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
            .ok_or(CoreError::NotConnected)
    }

    fn tokens(&self) -> Result<TokenManager, CoreError> {
        Ok(self.profile()?.api.tokens().clone())
    }

    // ---- limits and diagnostics ---------------------------------------------------------

    /// The client-side limits now (for a countdown).
    pub fn limits(&self) -> Vec<LimitStatus> {
        self.inner.limits.status()
    }

    /// Logs request headers and redacted bodies too.
    pub fn set_verbose_logging(&self, verbose: bool) {
        if let Ok(p) = self.profile() {
            p.api.transport().set_verbose(verbose);
        }
    }

    /// The diagnostics view: timings per operation, backend, session and limits.
    pub fn diagnostics(&self) -> DiagnosticsReport {
        DiagnosticsReport {
            backend: self.backend_status(),
            session: self.session(),
            operations: self.inner.monitor.report(),
            limits: self.limits(),
            realtime: self.realtime_status(),
            clock_skew_ms: self
                .profile()
                .map(|p| {
                    p.api.transport().server_now_millis() - self.inner.options.clock.now_millis()
                })
                .unwrap_or(0),
        }
    }

    /// The last 200 requests, oldest first (paths redacted).
    pub fn recent_requests(&self) -> Vec<monitor::RequestRecord> {
        self.inner.monitor.recent.list()
    }

    /// The "Copy a report" text: diagnostics, cache and recent requests, with no token, key,
    /// e-mail or story text.
    pub async fn diagnostics_report(&self) -> String {
        let cache = match self.library().await {
            Ok(library) => library.cache().status().await.ok(),
            Err(_) => None,
        };
        diagnostics::report_text(&self.diagnostics(), cache.as_ref(), &self.recent_requests())
    }

    /// Checks that `endpoint` answers, without switching to it ("Test connection").
    pub async fn test_connection(
        &self,
        endpoint: &BackendEndpoint,
    ) -> Result<BackendStatus, CoreError> {
        let options = TransportOptions {
            sleeper: self.inner.options.sleeper.clone(),
            timer: self.inner.options.timer.clone(),
            pins: endpoint.pins.clone(),
            extra_roots: self.inner.options.extra_roots.clone(),
        };
        let api_key = endpoint
            .api_key
            .as_ref()
            .map(|k| k.0.clone())
            .unwrap_or_else(|| SecretString::from(""));
        let transport = Transport::new(
            endpoint.clone(),
            api_key,
            self.inner.options.clock.clone(),
            Arc::new(PerformanceMonitor::new()),
            &options,
        )?;
        let health = transport.health().await?;
        Ok(BackendStatus::connected(endpoint, health.version))
    }

    /// The secret store (the keyring in the app), for the shell's own secrets.
    pub fn secrets(&self) -> Arc<dyn SecretStore> {
        self.inner.options.secrets.clone()
    }

    fn mark_unavailable(&self, endpoint: &BackendEndpoint, err: &CoreError) -> BackendStatus {
        tracing::warn!(address = %endpoint.base_url, error = %err, "backend did not answer");
        self.publish(BackendStatus::unreachable(endpoint, err))
    }

    fn publish(&self, mut status: BackendStatus) -> BackendStatus {
        status.notices = self.notices();
        self.inner.status.send_replace(status.clone());
        self.inner
            .events
            .emit(CoreEvent::BackendStatus(status.clone()));
        status
    }
}

/// The user metadata sent at sign-up.
fn user_metadata() -> serde_json::Value {
    json!({"app_version": env!("CARGO_PKG_VERSION"), "platform": std::env::consts::OS})
}
