//! A running embedded backend with faults enabled, a core connected to it on an in-memory
//! secret store, a manual clock for the core and one for the server, and a recording sleeper
//! (retries wait on it instead of the real timer), and a manual timer the env's core waits
//! call deadlines on (they pass only when a test advances it).

use std::sync::Arc;
use std::time::Duration;

use infinite_stories_core::clock::{ManualClock, ManualTimer, RecordingSleeper, SharedSleeper};
use infinite_stories_core::realtime::RealtimeConfig;
use infinite_stories_core::secrets::MemoryStore;
use infinite_stories_core::{ApiClient, BackendEndpoint, BackendState, Core, CoreOptions};
use infinite_stories_server::{ServerConfig, ServerHandle, serve};
use serde_json::Value;

#[derive(Debug)]
pub struct Env {
    pub server: ServerHandle,
    pub _dir: tempfile::TempDir,
    pub core: Core,
    pub secrets: Arc<MemoryStore>,
    pub clock: Arc<ManualClock>,
    pub server_clock: Arc<infinite_stories_server::clock::ManualClock>,
    pub sleeper: Arc<RecordingSleeper>,
    /// What the env's core waits its call deadlines on.
    pub timer: Arc<ManualTimer>,
}

pub async fn env() -> Env {
    env_with(|_| {}).await
}

/// The sign-in preamble of most tests: a signed-in (anonymous) core on a fresh backend and its
/// API client.
pub async fn signed_in() -> (Env, ApiClient) {
    let env = env().await;
    let api = sign_in(&env).await;
    (env, api)
}

/// Signs the env's core in (anonymously, if it has no session) and returns its API client.
pub async fn sign_in(env: &Env) -> ApiClient {
    env.core.ensure_session().await.unwrap();
    env.core.api().unwrap()
}

pub async fn env_with(configure: impl FnOnce(&mut ServerConfig)) -> Env {
    let dir = tempfile::tempdir().unwrap();
    let server_clock = infinite_stories_server::clock::ManualClock::new();
    let mut config = ServerConfig::loopback(dir.path());
    config.faults_enabled = true;
    config.clock = server_clock.clone();
    configure(&mut config);
    let server = serve(config).await.unwrap();
    let secrets = Arc::new(MemoryStore::new());
    let clock = ManualClock::new();
    let sleeper = RecordingSleeper::new(Some(clock.clone()));
    let client_dir = Some(dir.path().join("client"));
    let timer = ManualTimer::new(ManualClock::new());
    let core = core_timed(
        &server,
        secrets.clone(),
        clock.clone(),
        sleeper.clone(),
        client_dir,
        Some(timer.clone() as SharedSleeper),
    )
    .await;
    Env {
        server,
        _dir: dir,
        core,
        secrets,
        clock,
        server_clock,
        sleeper,
        timer,
    }
}

/// Another core (another app process) on the same backend, keyring and clock.
pub async fn core_on(
    server: &ServerHandle,
    secrets: Arc<MemoryStore>,
    clock: Arc<ManualClock>,
    sleeper: Arc<RecordingSleeper>,
) -> Core {
    core_with(server, secrets, clock, sleeper, None).await
}

pub async fn core_with(
    server: &ServerHandle,
    secrets: Arc<MemoryStore>,
    clock: Arc<ManualClock>,
    sleeper: Arc<RecordingSleeper>,
    data_dir: Option<std::path::PathBuf>,
) -> Core {
    core_timed(server, secrets, clock, sleeper, data_dir, None).await
}

/// [`core_with`], its call deadlines waiting on `timer` (tokio's timer when `None`).
pub async fn core_timed(
    server: &ServerHandle,
    secrets: Arc<MemoryStore>,
    clock: Arc<ManualClock>,
    sleeper: Arc<RecordingSleeper>,
    data_dir: Option<std::path::PathBuf>,
    timer: Option<SharedSleeper>,
) -> Core {
    let core = Core::with_options(CoreOptions {
        timer,
        secrets,
        clock,
        sleeper: Some(sleeper),
        realtime: fast_realtime(),
        data_dir,
        extra_roots: Vec::new(),
    });
    let status = core.connect(endpoint(server)).await;
    assert_eq!(status.state, BackendState::Connected, "{status:?}");
    core
}

/// realtime-js's timings scaled down (heartbeat 25 s → 300 ms, backoff 1/2/5/10 s → 50–200 ms)
/// so reconnect scenarios run in well under a second against the real server.
pub fn fast_realtime() -> RealtimeConfig {
    RealtimeConfig {
        heartbeat: Duration::from_millis(300),
        join_timeout: Duration::from_secs(2),
        backoff: [50, 100, 150, 200].map(Duration::from_millis).to_vec(),
        vsn: infinite_stories_core::realtime::Vsn::V2,
        presence_interval: Duration::from_millis(100),
    }
}

pub fn endpoint(server: &ServerHandle) -> BackendEndpoint {
    BackendEndpoint::embedded(server.address()).with_api_key(server.anon_key())
}

impl Env {
    /// Adds a fault rule (api: `/admin/v1/faults`).
    pub async fn fault(&self, rule: Value) {
        let response = reqwest::Client::new()
            .post(format!("{}/admin/v1/faults", self.server.url()))
            .header("apikey", self.server.service_key())
            .bearer_auth(self.server.service_key())
            .json(&rule)
            .send()
            .await
            .unwrap();
        assert!(
            response.status().is_success(),
            "fault rule refused: {}",
            response.text().await.unwrap()
        );
    }

    /// Moves both the core's and the server's clocks.
    pub fn advance(&self, by: Duration) {
        self.clock.advance(by);
        self.server_clock.advance(by);
    }

    /// How many times the core called `operation` (from its performance monitor).
    pub fn calls(&self, operation: &str) -> u64 {
        calls(&self.core, operation)
    }

    /// A raw GoTrue call with the anon key (what another device would do).
    pub async fn raw_auth(
        &self,
        path: &str,
        bearer: Option<&str>,
        body: Value,
    ) -> reqwest::Response {
        reqwest::Client::new()
            .post(format!("{}/auth/v1{path}", self.server.url()))
            .header("apikey", self.server.anon_key())
            .bearer_auth(bearer.unwrap_or(self.server.anon_key()))
            .json(&body)
            .send()
            .await
            .unwrap()
    }
}

pub fn calls(core: &Core, operation: &str) -> u64 {
    core.diagnostics()
        .operations
        .iter()
        .find(|o| o.name == operation)
        .map_or(0, |o| o.count)
}

pub fn token_of(core: &Core) -> String {
    use infinite_stories_core::secrets::ExposeSecret;
    let api = core.api().unwrap();
    api.tokens()
        .session()
        .unwrap()
        .access_token
        .expose_secret()
        .to_owned()
}

pub fn refresh_token_of(core: &Core) -> String {
    use infinite_stories_core::secrets::ExposeSecret;
    let api = core.api().unwrap();
    api.tokens()
        .session()
        .unwrap()
        .refresh_token
        .expose_secret()
        .to_owned()
}

pub const TOKEN: &str = "POST /auth/v1/token";
