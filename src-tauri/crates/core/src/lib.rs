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
pub mod diagnostics;
pub mod error;
pub mod events;
pub mod http;
pub mod library;
pub mod monitor;
pub mod progress;
pub mod realtime;
pub mod secrets;
pub mod store;
pub mod story;

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

use crate::auth::{AuthClient, SessionStore, TokenManager};
pub use crate::cache::CacheStatus;
use crate::clock::SharedClock;
use crate::http::{RateLimits, Transport, TransportOptions};
pub use crate::library::{Library, StoryDetail, StorySummary};
use crate::monitor::PerformanceMonitor;
pub use crate::progress::GenerationProgress;
use crate::realtime::{RealtimeClient, RealtimeConfig, RealtimeStatus, Subscription, TokenSource};
use crate::secrets::{KeyringStore, SecretStore};
pub use crate::story::GenerateRequest;
use crate::story::{Cancels, StoryFlow};

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
    /// Realtime timings (realtime-js defaults in the app; shortened in tests).
    pub realtime: RealtimeConfig,
    /// Folder for the cache files and the local database (the app's data dir). Without it the
    /// library and the cache are unavailable.
    pub data_dir: Option<std::path::PathBuf>,
}

impl Default for CoreOptions {
    fn default() -> Self {
        Self {
            secrets: Arc::new(KeyringStore::new(KEYRING_SERVICE)),
            clock: Arc::new(clock::SystemClock),
            sleeper: None,
            realtime: RealtimeConfig::default(),
            data_dir: None,
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
            }),
        }
    }

    /// Subscribes to everything the core reports (backend status, session, limits…).
    pub fn events(&self) -> EventStream {
        self.inner.events.subscribe()
    }

    /// The latest backend status, for a UI that asks before it starts listening.
    pub fn backend_status(&self) -> BackendStatus {
        self.inner.status.borrow().clone()
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
            pins: endpoint.pins.clone(),
            extra_roots: Vec::new(),
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
        let realtime = RealtimeClient::spawn(
            endpoint.base_url.as_str(),
            transport.api_key().clone(),
            source,
            self.inner.options.realtime.clone(),
        );
        realtime.connect();
        let tasks = vec![
            tokens.spawn_auto_refresh(),
            self.forward_realtime(&realtime),
            self.push_tokens_to(&realtime),
            self.keep_library_in_step(&realtime),
        ];
        // A restored session announced itself before the tasks above listened.
        if let Some(s) = tokens.session() {
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
        self.publish(BackendStatus::connected(&endpoint, health.version))
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

    // ---- session ------------------------------------------------------------------------

    /// The signed-in session (no tokens), if any.
    pub fn session(&self) -> Option<SessionInfo> {
        self.tokens().ok().and_then(|t| t.info())
    }

    /// The session, signing in anonymously first when there is none (the app's first run).
    pub async fn ensure_session(&self) -> Result<SessionInfo, CoreError> {
        match self.session() {
            Some(s) => Ok(s),
            None => self.sign_in_anonymously().await,
        }
    }

    /// A new anonymous user.
    pub async fn sign_in_anonymously(&self) -> Result<SessionInfo, CoreError> {
        self.tokens()?.sign_in_anonymously(&user_metadata()).await
    }

    /// Email sign-up with `app_version` and `platform` as user metadata. `None` when the backend
    /// asks for the email to be confirmed first.
    pub async fn sign_up(
        &self,
        email: &str,
        password: &str,
    ) -> Result<Option<SessionInfo>, CoreError> {
        self.tokens()?
            .sign_up(
                email.trim(),
                &SecretString::from(password.to_owned()),
                &user_metadata(),
            )
            .await
    }

    /// Email sign-in.
    pub async fn sign_in(&self, email: &str, password: &str) -> Result<SessionInfo, CoreError> {
        self.tokens()?
            .sign_in(email.trim(), &SecretString::from(password.to_owned()))
            .await
    }

    /// Turns the anonymous account into an email account (same user, stories kept).
    pub async fn link_email(&self, email: &str, password: &str) -> Result<SessionInfo, CoreError> {
        self.tokens()?
            .link_email(email.trim(), &SecretString::from(password.to_owned()))
            .await
    }

    /// Signs out; local state is always cleared, even offline.
    pub async fn sign_out(&self) -> Result<(), CoreError> {
        self.tokens()?.sign_out().await
    }

    /// The OS reports the network went away or came back. Offline calls fail at once; coming
    /// back triggers an immediate token check instead of waiting for the next tick.
    pub async fn set_offline(&self, offline: bool) {
        let Ok(profile) = self.profile() else { return };
        profile.api.transport().set_offline(offline);
        if !offline {
            profile.api.tokens().tick().await;
        }
    }

    // ---- library, cache and stories -----------------------------------------------------

    async fn library(&self) -> Result<&Library, CoreError> {
        let dir = self
            .inner
            .options
            .data_dir
            .clone()
            .ok_or_else(|| CoreError::Storage("no data folder is configured".into()))?;
        let clock = self.inner.options.clock.clone();
        self.inner
            .local
            .get_or_try_init(|| async move {
                let pool = store::open(&dir).await?;
                let cache =
                    cache::StoryCache::new(&dir, pool.clone(), clock.clone(), cache::DISK_LIMIT)?;
                Ok::<_, CoreError>(Library::new(pool, cache, clock))
            })
            .await
    }

    async fn flow(&self) -> Result<StoryFlow, CoreError> {
        let profile = self.profile()?;
        Ok(StoryFlow {
            api: profile.api.clone(),
            library: self.library().await?.clone(),
            realtime: profile.realtime.clone(),
            events: self.inner.events.clone(),
            cancels: self.inner.cancels.clone(),
        })
    }

    fn user_id(&self) -> Result<String, CoreError> {
        self.session()
            .map(|s| s.user_id)
            .ok_or_else(CoreError::unauthorized)
    }

    /// Generates a story (text, narration, illustrations) with progress events; the result is
    /// in the library. Signs in anonymously first on a first run.
    pub async fn generate_story(&self, request: GenerateRequest) -> Result<StoryDetail, CoreError> {
        self.ensure_session().await?;
        let user = self.user_id()?;
        self.flow().await?.generate(&user, request).await
    }

    /// Cancels a running generation; `false` when none runs under that id.
    pub fn cancel(&self, request_id: &str) -> bool {
        self.inner.cancels.cancel(request_id)
    }

    /// Draws one scene again.
    pub async fn retry_illustration(
        &self,
        story_id: &str,
        scene_number: u32,
    ) -> Result<StoryDetail, CoreError> {
        self.flow()
            .await?
            .retry_illustration(story_id, scene_number)
            .await
    }

    /// Makes a picture of a hero.
    pub async fn generate_avatar(
        &self,
        hero_id: &str,
        prompt: &str,
    ) -> Result<api::models::Avatar, CoreError> {
        self.flow().await?.generate_avatar(hero_id, prompt).await
    }

    /// Creates a hero (backend row fields: `name`, `primary_trait`, …) and keeps it locally.
    pub async fn create_hero(
        &self,
        mut fields: serde_json::Value,
    ) -> Result<serde_json::Value, CoreError> {
        self.ensure_session().await?;
        fields["user_id"] = json!(self.user_id()?);
        let row: serde_json::Value = self.api()?.insert("heroes", &fields).await?;
        self.library().await?.apply_row("heroes", &row).await?;
        Ok(row)
    }

    /// Brings the local library in step with the backend (heroes and stories).
    pub async fn sync_library(&self) -> Result<(), CoreError> {
        let api = self.api()?;
        let library = self.library().await?;
        for table in ["heroes", "custom_events", "stories"] {
            let rows: Vec<serde_json::Value> = api.select(table, "select=*").await?;
            for row in rows {
                library.apply_row(table, &row).await?;
            }
        }
        Ok(())
    }

    /// The signed-in user's stories, newest first (works offline).
    pub async fn stories(&self) -> Result<Vec<StorySummary>, CoreError> {
        let user = self.user_id()?;
        self.library().await?.stories(&user).await
    }

    /// One story with its scenes, narration and illustrations.
    pub async fn story(&self, id: &str) -> Result<StoryDetail, CoreError> {
        self.library()
            .await?
            .story(id)
            .await?
            .ok_or_else(|| CoreError::NotFound("That story isn't in your library.".into()))
    }

    /// The signed-in user's heroes.
    pub async fn heroes(&self) -> Result<Vec<serde_json::Value>, CoreError> {
        let user = self.user_id()?;
        self.library().await?.heroes(&user).await
    }

    /// A cached file (narration audio, illustration) by its cache key.
    pub async fn media(&self, key: &str) -> Result<Option<bytes::Bytes>, CoreError> {
        self.library().await?.cache().get(key).await
    }

    /// Cache sizes per layer.
    pub async fn cache_status(&self) -> Result<CacheStatus, CoreError> {
        self.library().await?.cache().status().await
    }

    /// Empties the cache except the media of saved stories; then drops expired entries.
    pub async fn clear_cache(&self) -> Result<CacheStatus, CoreError> {
        let cache = self.library().await?.cache();
        cache.clear().await?;
        cache.cleanup().await?;
        cache.status().await
    }

    // ---- realtime -----------------------------------------------------------------------

    /// The realtime client of the connected backend.
    pub fn realtime(&self) -> Result<RealtimeClient, CoreError> {
        Ok(self.profile()?.realtime.clone())
    }

    /// The realtime connection now.
    pub fn realtime_status(&self) -> Option<RealtimeStatus> {
        self.profile().ok().map(|p| p.realtime.status())
    }

    /// Subscribes to one of the app's channels; returns its topic.
    pub fn subscribe(&self, subscription: Subscription) -> Result<String, CoreError> {
        Ok(self.profile()?.realtime.subscribe(subscription))
    }

    /// Leaves a channel.
    pub fn unsubscribe(&self, topic: &str) -> Result<(), CoreError> {
        self.profile()?.realtime.unsubscribe(topic);
        Ok(())
    }

    /// Announces this device on a presence channel (coalesced to the server's rate limit).
    pub fn track_presence(&self, topic: &str, payload: serde_json::Value) -> Result<(), CoreError> {
        self.profile()?.realtime.track(topic, payload);
        Ok(())
    }

    /// Leaves every channel.
    pub fn unsubscribe_all(&self) -> Result<(), CoreError> {
        self.profile()?.realtime.unsubscribe_all();
        Ok(())
    }

    /// Forwards realtime status changes as core events.
    fn forward_realtime(&self, realtime: &RealtimeClient) -> tokio::task::JoinHandle<()> {
        let mut status = realtime.watch_status();
        let events = self.inner.events.clone();
        tokio::spawn(async move {
            while status.changed().await.is_ok() {
                let now = status.borrow_and_update().clone();
                events.emit(CoreEvent::Realtime(now));
            }
        })
    }

    /// Keeps the library in step with realtime: subscribes the user's story inserts once signed
    /// in, applies every change, and refetches after each (re)join since changes made while the
    /// socket was away are never replayed (reported_30).
    fn keep_library_in_step(&self, realtime: &RealtimeClient) -> tokio::task::JoinHandle<()> {
        let weak = Arc::downgrade(&self.inner);
        let mut events = self.inner.events.subscribe();
        let mut messages = realtime.messages();
        let realtime = realtime.clone();
        tokio::spawn(async move {
            loop {
                tokio::select! {
                    event = events.recv() => match event {
                        Ok(CoreEvent::Session(e)) => {
                            if let Some(s) = e.session {
                                realtime.subscribe(Subscription::StoryInserts { user_id: s.user_id });
                            }
                        }
                        Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
                        _ => {}
                    },
                    message = messages.recv() => {
                        let Some(inner) = weak.upgrade() else { return };
                        let core = Core { inner };
                        match message {
                            Ok(realtime::RealtimeMessage::Change { table, change, record, old_record, .. }) => {
                                let Ok(library) = core.library().await else { continue };
                                let result = if change == "DELETE" {
                                    library.delete_row(&table, old_record["id"].as_str().unwrap_or_default()).await
                                } else {
                                    library.apply_row(&table, &record).await
                                };
                                if let Err(e) = result {
                                    tracing::warn!(error = %e, "could not apply a realtime change");
                                }
                            }
                            Ok(realtime::RealtimeMessage::Rejoined { topic }) if topic.starts_with("realtime:story-updates-") => {
                                if let Err(e) = core.sync_library().await {
                                    tracing::info!(error = %e, "library refetch after rejoin failed");
                                }
                            }
                            Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
                            _ => {}
                        }
                    }
                }
            }
        })
    }

    /// Pushes refreshed tokens to the realtime channels as soon as the session changes.
    fn push_tokens_to(&self, realtime: &RealtimeClient) -> tokio::task::JoinHandle<()> {
        let mut events = self.inner.events.subscribe();
        let realtime = realtime.clone();
        tokio::spawn(async move {
            loop {
                match events.recv().await {
                    Ok(CoreEvent::Session(_)) => realtime.token_changed(),
                    Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                    Err(_) => return,
                }
            }
        })
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

/// The user metadata sent at sign-up.
fn user_metadata() -> serde_json::Value {
    json!({"app_version": env!("CARGO_PKG_VERSION"), "platform": std::env::consts::OS})
}
