//! `infinite-stories-server` is the backend InfiniteStories runs on by default: a local server
//! inside the app that speaks Supabase's wire protocols (GoTrue auth, PostgREST, Storage, Edge
//! Functions, Realtime), so the same client code — and the official supabase-js — works against
//! it and against a Supabase project. It binds loopback only and keeps its data (SQLite in WAL
//! mode, stored files, its generated JWT secret) in a directory of its own.
//!
//! The library API is [`serve`]: it binds, starts serving in the background and returns a
//! [`ServerHandle`] with the address and API keys; [`ServerHandle::shutdown`] stops it
//! gracefully (realtime sockets are closed with code 1001).

mod auth;
pub mod clock;
mod config;
mod db;
mod faults;
mod functions;
mod gateway;
mod jwt;
mod limiter;
pub mod realtime;
mod rest;
mod routes;
mod state;
mod storage;

use std::net::SocketAddr;
use std::path::Path;

use tokio::net::TcpListener;
use tokio::sync::{oneshot, watch};
use tokio::task::JoinHandle;

pub use config::{AuthLimits, Quotas, ServerConfig, default_origins};
pub use db::{DbError, Recovered};
pub use faults::{FaultAction, FaultRule};
pub use infinite_stories_storyteller::{OpenAiConfig, ProviderKind, Providers, ProvidersConfig};

/// The version this server reports on its health route.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The data directory could not be created or written.
    #[error("its data folder {path} cannot be used ({source})")]
    DataDir {
        /// The directory.
        path: std::path::PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The address could not be bound.
    #[error("it could not listen on {addr} ({source})")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The database could not be opened or migrated.
    #[error("its database failed: {0}")]
    Database(#[from] DbError),
    /// The content providers could not be set up from the configuration.
    #[error("its content providers are misconfigured: {0}")]
    Providers(String),
}

/// A running server. Dropping it without [`ServerHandle::shutdown`] also stops it, abruptly.
#[derive(Debug)]
pub struct ServerHandle {
    address: SocketAddr,
    anon_key: String,
    service_key: String,
    shutdown: Option<oneshot::Sender<()>>,
    stopping: Option<watch::Sender<bool>>,
    sockets: std::sync::Arc<realtime::sockets::SocketCount>,
    task: Option<JoinHandle<std::io::Result<()>>>,
    grace: std::time::Duration,
    recovered: Option<Recovered>,
}

impl ServerHandle {
    /// The address the server listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// `http://<address>`, the base URL to give a Supabase client.
    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// The anon API key (a JWT with role `anon`), sent as `apikey` by every client.
    pub fn anon_key(&self) -> &str {
        &self.anon_key
    }

    /// Set when `server.db` was found damaged at start, moved aside (kept for recovery) and
    /// replaced by a fresh one: where the old file is, and what SQLite said.
    pub fn recovered(&self) -> Option<&Recovered> {
        self.recovered.as_ref()
    }

    /// The service key (role `service_role`): bypasses ownership; drives fault injection.
    pub fn service_key(&self) -> &str {
        &self.service_key
    }

    /// Stops accepting connections, closes realtime sockets with 1001, lets in-flight requests
    /// finish for at most the configured grace (5 s), then drops them and returns. Nothing
    /// committed is lost (every write is one SQLite transaction); work cut short is settled on
    /// the next start.
    pub async fn shutdown(mut self) {
        if let Some(tx) = self.stopping.take() {
            let _ = tx.send(true);
        }
        // Give sockets a moment to send their close frames.
        let _ =
            tokio::time::timeout(std::time::Duration::from_secs(5), self.sockets.wait_idle()).await;
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(mut task) = self.task.take() {
            match tokio::time::timeout(self.grace, &mut task).await {
                Ok(Ok(Ok(()))) => {
                    tracing::info!(address = %self.address, "embedded backend stopped")
                }
                Ok(Ok(Err(e))) => {
                    tracing::warn!(error = %e, "embedded backend stopped with an error")
                }
                Ok(Err(e)) => tracing::warn!(error = %e, "embedded backend task failed"),
                Err(_) => {
                    task.abort();
                    tracing::warn!(
                        grace_s = self.grace.as_secs_f64(),
                        "embedded backend stopped with requests still running; they were dropped"
                    );
                }
            }
        }
    }
}

impl Drop for ServerHandle {
    fn drop(&mut self) {
        if let Some(tx) = self.stopping.take() {
            let _ = tx.send(true);
        }
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

/// Starts the server and returns once it is listening.
pub async fn serve(config: ServerConfig) -> Result<ServerHandle, ServerError> {
    prepare_data_dir(&config.data_dir)?;
    let secret = match &config.jwt_secret {
        Some(s) => s.clone(),
        None => load_or_create_secret(&config.data_dir)?,
    };
    let (db, recovered, check) = db::open(&config.data_dir, config.clock.now_millis()).await?;
    db::check_later(check, config.integrity_check_delay);
    let providers = match &config.custom_providers {
        Some(p) => p.clone(),
        None => infinite_stories_storyteller::Providers::from_config(&config.providers)
            .map_err(|e| ServerError::Providers(e.to_string()))?,
    };
    let listener = TcpListener::bind(config.bind)
        .await
        .map_err(|source| ServerError::Bind {
            addr: config.bind,
            source,
        })?;
    let address = listener.local_addr().map_err(|source| ServerError::Bind {
        addr: config.bind,
        source,
    })?;
    let signer = jwt::Signer::new(&secret);
    let (anon_key, service_key) = jwt::api_keys(&signer);
    let storage_root = config.data_dir.join("storage");
    infinite_stories_contract::files::private_dir_all(&storage_root.join(".tmp")).map_err(
        |source| ServerError::DataDir {
            path: storage_root.clone(),
            source,
        },
    )?;
    // Temp files left by a crash mid-upload were never renamed into place: drop them.
    if let Ok(leftovers) = std::fs::read_dir(storage_root.join(".tmp")) {
        for entry in leftovers.flatten() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    let (stop_tx, stop_rx) = watch::channel(false);
    let sockets = std::sync::Arc::new(realtime::sockets::SocketCount::default());
    let state = state::AppState::new(state::Inner {
        faults: faults::rules::Faults::new(config.faults_enabled),
        config,
        db,
        signer,
        anon_key: anon_key.clone(),
        service_key: service_key.clone(),
        address,
        hub: realtime::hub::Hub::new(),
        limiter: limiter::SlidingLimiter::default(),
        providers,
        storage_root,
        stopping: stop_rx,
        sockets: sockets.clone(),
        auth_lock: tokio::sync::Mutex::new(()),
        records_lock: tokio::sync::Mutex::new(()),
        in_flight: functions::in_flight::InFlight::default(),
    });
    functions::settle_interrupted(&state)
        .await
        .map_err(|e| ServerError::Database(DbError::Open(e)))?;
    let data_dir = state.config.data_dir.clone();
    let grace = state.config.shutdown_grace;
    let app = routes::router(state).into_make_service_with_connect_info::<SocketAddr>();
    let (tx, rx) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = rx.await;
            })
            .await
    });
    tracing::info!(%address, data_dir = %data_dir.display(), "embedded backend listening");
    Ok(ServerHandle {
        address,
        anon_key,
        service_key,
        shutdown: Some(tx),
        stopping: Some(stop_tx),
        sockets,
        task: Some(task),
        grace,
        recovered,
    })
}

/// Creates the data directory and proves it is writable, so a read-only or full disk is reported
/// at start instead of on the first story.
fn prepare_data_dir(dir: &Path) -> Result<(), ServerError> {
    let fail = |source| ServerError::DataDir {
        path: dir.to_path_buf(),
        source,
    };
    infinite_stories_contract::files::private_dir_all(dir).map_err(fail)?;
    let probe = dir.join(".write-test");
    std::io::Write::write_all(
        &mut infinite_stories_contract::files::create_private(&probe).map_err(fail)?,
        b"ok",
    )
    .map_err(fail)?;
    std::fs::remove_file(&probe).map_err(fail)?;
    Ok(())
}

/// Reads `jwt-secret` from the data dir, or generates and stores one (owner-only permissions).
fn load_or_create_secret(dir: &Path) -> Result<String, ServerError> {
    let path = dir.join("jwt-secret");
    let fail = |source| ServerError::DataDir {
        path: path.clone(),
        source,
    };
    match std::fs::read_to_string(&path) {
        Ok(s) if s.trim().len() >= 32 => return Ok(s.trim().to_string()),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(fail(e)),
    }
    use rand::Rng;
    const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut rng = rand::rng();
    let secret: String = (0..64)
        .map(|_| CHARS[rng.random_range(0..CHARS.len())] as char)
        .collect();
    // Written owner-only from the first byte (`write_atomic` creates its files 0600).
    storage::write_atomic(&dir.join(".jwt-secret.tmp"), &path, secret.as_bytes()).map_err(fail)?;
    Ok(secret)
}
