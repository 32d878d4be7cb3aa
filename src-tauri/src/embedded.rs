//! Starting and stopping the embedded backend that the app runs on by default, and the
//! directories the app keeps its data and logs in.

use std::path::PathBuf;

use infinite_stories_core::recovery::Damaged;
use infinite_stories_core::{BackendEndpoint, BackendMode, BackendStatus, Core};
use infinite_stories_server::{Providers, ServerConfig, ServerHandle, serve};
use tauri::{AppHandle, Manager, Runtime};
use tokio::sync::Mutex;

/// Overrides the app's data directory (tests, portable installs).
pub const DATA_DIR_ENV: &str = "INFINITE_STORIES_DATA_DIR";

/// Where the app keeps things.
#[derive(Debug)]
pub struct AppDirs {
    /// App data (the embedded backend lives in `backend/` under it).
    pub data: PathBuf,
    /// Rotating log files.
    pub logs: PathBuf,
}

impl AppDirs {
    /// The platform's directories for this app, or `$INFINITE_STORIES_DATA_DIR` when set.
    pub fn resolve<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Self> {
        match std::env::var_os(DATA_DIR_ENV) {
            Some(dir) => {
                let data = PathBuf::from(dir);
                Ok(Self {
                    logs: data.join("logs"),
                    data,
                })
            }
            None => Ok(Self {
                data: app.path().app_data_dir()?,
                logs: app.path().app_log_dir()?,
            }),
        }
    }

    /// The embedded backend's own directory.
    pub fn backend(&self) -> PathBuf {
        self.data.join("backend")
    }

    /// The client's own directory (its cache and local library).
    pub fn client(&self) -> PathBuf {
        self.data.join("client")
    }
}

/// The embedded backend: where it keeps its data, and the server while it runs.
#[derive(Debug)]
pub struct EmbeddedBackend {
    data_dir: PathBuf,
    providers: Option<Providers>,
    server: Mutex<Option<ServerHandle>>,
}

impl EmbeddedBackend {
    /// A backend that will keep its data in `data_dir`; nothing runs until
    /// [`EmbeddedBackend::ensure_running`].
    pub fn new(data_dir: PathBuf) -> Self {
        Self {
            data_dir,
            providers: None,
            server: Mutex::new(None),
        }
    }

    /// The same with the app's own providers (natural voices, the writer Settings chose)
    /// instead of the all-offline ones.
    pub fn with_providers(mut self, providers: Providers) -> Self {
        self.providers = Some(providers);
        self
    }

    /// Starts the server unless it runs already, then (re)connects the core to it. A server
    /// that cannot start is reported through the core's status, with the reason.
    pub async fn ensure_running(&self, core: &Core) -> BackendStatus {
        let mut server = self.server.lock().await;
        if server.is_none() {
            let config = ServerConfig {
                custom_providers: self.providers.clone(),
                ..ServerConfig::loopback(&self.data_dir)
            };
            match serve(config).await {
                Ok(started) => {
                    // A damaged server.db was set aside: the family is told where it is kept.
                    if let Some(recovered) = started.recovered() {
                        core.report_recovered(Damaged::Server, recovered);
                    }
                    *server = Some(started);
                }
                Err(e) => return core.backend_failed(BackendMode::Embedded, &e.to_string()),
            }
        }
        let server = server.as_ref().expect("started above");
        let endpoint = BackendEndpoint::embedded(server.address()).with_api_key(server.anon_key());
        core.connect(endpoint).await
    }

    /// "Erase all data", the backend's part: stops the server, deletes its database and files,
    /// and starts it fresh (then the core connects to it again).
    pub async fn erase(&self, core: &Core) -> Result<BackendStatus, std::io::Error> {
        if let Some(server) = self.server.lock().await.take() {
            server.shutdown().await;
        }
        match tokio::fs::remove_dir_all(&self.data_dir).await {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        Ok(self.ensure_running(core).await)
    }

    /// Stops the server gracefully, waiting for it (called once, when the app exits).
    pub fn stop_blocking(&self) {
        let server = tauri::async_runtime::block_on(self.server.lock()).take();
        if let Some(server) = server {
            tauri::async_runtime::block_on(server.shutdown());
        }
    }
}
