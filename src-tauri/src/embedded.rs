//! Starting and stopping the embedded backend that the app runs on by default, and the
//! directories the app keeps its data and logs in.

use std::path::PathBuf;
use std::sync::Mutex;

use infinite_stories_core::{BackendEndpoint, BackendMode, Core};
use infinite_stories_server::{ServerConfig, ServerHandle, serve};
use tauri::{AppHandle, Manager, Runtime};

/// Overrides the app's data directory (tests, portable installs).
pub const DATA_DIR_ENV: &str = "INFINITE_STORIES_DATA_DIR";

/// Where the app keeps things.
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
}

/// The running embedded backend, kept so the app can stop it on exit.
#[derive(Default)]
pub struct EmbeddedBackend(Mutex<Option<ServerHandle>>);

/// Starts the embedded backend in the background and connects the core to it.
pub fn start<R: Runtime>(app: AppHandle<R>, core: Core, data_dir: PathBuf) {
    tauri::async_runtime::spawn(async move {
        match serve(ServerConfig::loopback(data_dir)).await {
            Ok(server) => {
                let endpoint = BackendEndpoint::embedded(server.address());
                *app.state::<EmbeddedBackend>()
                    .0
                    .lock()
                    .unwrap_or_else(|e| e.into_inner()) = Some(server);
                core.connect(endpoint).await;
            }
            Err(e) => {
                core.backend_failed(BackendMode::Embedded, &e.to_string());
            }
        }
    });
}

/// Stops the embedded backend gracefully (called once, when the app exits).
pub fn stop<R: Runtime>(app: &AppHandle<R>) {
    let server = app
        .state::<EmbeddedBackend>()
        .0
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take();
    if let Some(server) = server {
        tauri::async_runtime::block_on(server.shutdown());
    }
}
