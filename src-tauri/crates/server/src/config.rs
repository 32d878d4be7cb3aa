//! How the server is configured: address, data directory, secret, token lifetimes, quotas,
//! limits, providers and fault injection. [`ServerConfig::loopback`] gives the app's defaults.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use infinite_stories_storyteller::{Providers, ProvidersConfig};

use crate::clock::{Clock, SystemClock};

/// How to run the server.
#[derive(Clone)]
pub struct ServerConfig {
    /// Address to bind; `127.0.0.1:0` picks a free port.
    pub bind: SocketAddr,
    /// Directory the server owns (database, stored files, generated secret). Created if missing.
    pub data_dir: PathBuf,
    /// HS256 secret for every JWT. `None`: read `jwt-secret` in the data dir, or generate it
    /// there on first start.
    pub jwt_secret: Option<String>,
    /// Access-token lifetime (default 3600 s).
    pub access_token_ttl: Duration,
    /// How long a rotated refresh token is still accepted (default 10 s).
    pub refresh_reuse_interval: Duration,
    /// Per-user function quotas.
    pub quotas: Quotas,
    /// Per-IP auth rate limits.
    pub auth_limits: AuthLimits,
    /// Origins allowed to call from a browser context (CORS and the Origin check).
    pub allowed_origins: Vec<String>,
    /// Extra `Host` header values accepted besides loopback names with the bound port.
    pub allowed_hosts: Vec<String>,
    /// Largest JSON body (default 1 MiB).
    pub max_json_body: usize,
    /// Largest stored object (default 50 MiB).
    pub max_upload: usize,
    /// Which content providers the functions use (offline by default).
    pub providers: ProvidersConfig,
    /// Longest a function call may take before it is answered `504 TIMEOUT` (default 5 min).
    pub function_timeout: Duration,
    /// Ready-made providers that replace `providers` (tests, or an app that builds its own).
    pub custom_providers: Option<Providers>,
    /// Whether the fault-injection control endpoint and hooks are active (default off).
    pub faults_enabled: bool,
    /// Longest time a realtime channel goes without re-checking its token (default 5 min).
    pub realtime_token_recheck: Duration,
    /// How long after start `server.db`'s page-by-page check waits (default 20 s): it reads the
    /// whole file, which on a family's computer competes with the app's window starting. A
    /// damaged file it finds is marked and set aside at the next start.
    pub integrity_check_delay: Duration,
    /// Presence track/untrack pushes allowed per channel per 30 s (Supabase's default 5); more
    /// shuts the channel with "Client presence rate limit exceeded".
    pub presence_updates_per_30s: u32,
    /// Frames a realtime socket may have waiting to be written; a client that falls this far
    /// behind is closed with 1013 (try again later) and reconnects, rejoins and catches up.
    pub realtime_out_queue: usize,
    /// How long a stop waits for in-flight requests before it drops them (default 5 s). What
    /// they committed stays; what they had not is settled on the next start.
    pub shutdown_grace: Duration,
    /// Time source.
    pub clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for ServerConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServerConfig")
            .field("bind", &self.bind)
            .field("data_dir", &self.data_dir)
            .field(
                "jwt_secret",
                &self.jwt_secret.as_ref().map(|_| "<redacted>"),
            )
            .field("access_token_ttl", &self.access_token_ttl)
            .field("refresh_reuse_interval", &self.refresh_reuse_interval)
            .field("quotas", &self.quotas)
            .field("auth_limits", &self.auth_limits)
            .field("allowed_origins", &self.allowed_origins)
            .field("allowed_hosts", &self.allowed_hosts)
            .field("max_json_body", &self.max_json_body)
            .field("max_upload", &self.max_upload)
            .field("providers", &self.providers)
            .field("faults_enabled", &self.faults_enabled)
            .finish_non_exhaustive()
    }
}

impl ServerConfig {
    /// Loopback on a free port, data in `data_dir`, everything else at its default.
    pub fn loopback(data_dir: impl Into<PathBuf>) -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            data_dir: data_dir.into(),
            jwt_secret: None,
            access_token_ttl: Duration::from_secs(3600),
            refresh_reuse_interval: Duration::from_secs(10),
            quotas: Quotas::default(),
            auth_limits: AuthLimits::default(),
            allowed_origins: default_origins(),
            allowed_hosts: Vec::new(),
            max_json_body: 1024 * 1024,
            max_upload: 50 * 1024 * 1024,
            providers: ProvidersConfig::default(),
            custom_providers: None,
            function_timeout: Duration::from_secs(300),
            faults_enabled: false,
            realtime_token_recheck: Duration::from_secs(300),
            integrity_check_delay: Duration::from_secs(20),
            presence_updates_per_30s: 5,
            realtime_out_queue: 1024,
            shutdown_grace: Duration::from_secs(5),
            clock: Arc::new(SystemClock),
        }
    }
}

/// The app's own origins: the Tauri webview on each platform and the Vite dev server.
pub fn default_origins() -> Vec<String> {
    [
        "tauri://localhost",
        "http://tauri.localhost",
        "https://tauri.localhost",
        "http://localhost:1420",
    ]
    .into_iter()
    .map(String::from)
    .collect()
}

/// Per-user quotas over a sliding hour (api-contract §2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quotas {
    /// `story-generation` calls.
    pub story_generation: u32,
    /// `audio-synthesis` calls.
    pub audio_synthesis: u32,
    /// `avatar-generation` calls.
    pub avatar_generation: u32,
    /// `scene-illustration` scenes (a batch of N scenes spends N).
    pub scene_illustration: u32,
    /// `extract-scenes` calls.
    pub extract_scenes: u32,
    /// Window length (default one hour).
    pub window: Duration,
}

impl Default for Quotas {
    fn default() -> Self {
        Quotas {
            story_generation: 10,
            audio_synthesis: 15,
            avatar_generation: 8,
            scene_illustration: 25,
            extract_scenes: 20,
            window: Duration::from_secs(3600),
        }
    }
}

/// Per-client-IP limits on the auth endpoints (GoTrue's defaults).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthLimits {
    /// Password and refresh grants on `/token`, per `token_window`.
    pub token_requests: u32,
    /// Window of `token_requests` (default 5 min).
    pub token_window: Duration,
    /// Anonymous sign-ups per `anonymous_window`.
    pub anonymous_signups: u32,
    /// Window of `anonymous_signups` (default 1 h).
    pub anonymous_window: Duration,
}

impl Default for AuthLimits {
    fn default() -> Self {
        AuthLimits {
            token_requests: 150,
            token_window: Duration::from_secs(300),
            anonymous_signups: 30,
            anonymous_window: Duration::from_secs(3600),
        }
    }
}
