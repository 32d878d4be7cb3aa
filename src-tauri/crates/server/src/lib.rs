//! `infinite-stories-server` is the backend InfiniteStories runs on by default: a local server
//! inside the app that speaks Supabase's wire protocols, so the same client code works against
//! it and against a Supabase project. It binds loopback only and keeps its data in a directory
//! of its own under the app's data directory.
//!
//! The library API is [`serve`]: it binds, starts serving in the background and returns a
//! [`ServerHandle`] whose [`ServerHandle::shutdown`] stops the server gracefully.

mod routes;

use std::net::SocketAddr;
use std::path::PathBuf;

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// The version this server reports on its health route.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// How to run the server.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    /// Address to bind; `127.0.0.1:0` picks a free port.
    pub bind: SocketAddr,
    /// Directory the server owns (database, stored files). Created if missing.
    pub data_dir: PathBuf,
}

impl ServerConfig {
    /// Loopback on a free port, data in `data_dir`.
    pub fn loopback(data_dir: impl Into<PathBuf>) -> Self {
        Self { bind: SocketAddr::from(([127, 0, 0, 1], 0)), data_dir: data_dir.into() }
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The data directory could not be created or written.
    #[error("its data folder {path} cannot be used ({source})")]
    DataDir {
        /// The directory.
        path: PathBuf,
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
}

/// A running server. Dropping it without [`ServerHandle::shutdown`] also stops it, abruptly.
#[derive(Debug)]
pub struct ServerHandle {
    address: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<std::io::Result<()>>>,
}

impl ServerHandle {
    /// The address the server listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Stops accepting connections, lets in-flight requests finish, and waits for the server.
    pub async fn shutdown(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            match task.await {
                Ok(Ok(())) => tracing::info!(address = %self.address, "embedded backend stopped"),
                Ok(Err(e)) => tracing::warn!(error = %e, "embedded backend stopped with an error"),
                Err(e) => tracing::warn!(error = %e, "embedded backend task failed"),
            }
        }
    }
}

impl Drop for ServerHandle {
    fn drop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

/// Starts the server and returns once it is listening.
pub async fn serve(config: ServerConfig) -> Result<ServerHandle, ServerError> {
    prepare_data_dir(&config.data_dir)?;
    let listener = TcpListener::bind(config.bind)
        .await
        .map_err(|source| ServerError::Bind { addr: config.bind, source })?;
    let address = listener
        .local_addr()
        .map_err(|source| ServerError::Bind { addr: config.bind, source })?;
    let app = routes::router();
    let (tx, rx) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = rx.await;
            })
            .await
    });
    tracing::info!(%address, data_dir = %config.data_dir.display(), "embedded backend listening");
    Ok(ServerHandle { address, shutdown: Some(tx), task: Some(task) })
}

/// Creates the data directory and proves it is writable, so a read-only or full disk is reported
/// at start instead of on the first story.
fn prepare_data_dir(dir: &std::path::Path) -> Result<(), ServerError> {
    let fail = |source| ServerError::DataDir { path: dir.to_path_buf(), source };
    std::fs::create_dir_all(dir).map_err(fail)?;
    let probe = dir.join(".write-test");
    std::fs::write(&probe, b"ok").map_err(fail)?;
    std::fs::remove_file(&probe).map_err(fail)?;
    Ok(())
}
