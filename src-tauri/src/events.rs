//! Typed UI events. The core broadcasts [`CoreEvent`]s without knowing about windows; the bridge
//! here forwards each one to the UI under a stable, URI-like name.

use infinite_stories_core::{CoreEvent, EventStream};
use tauri::{AppHandle, Emitter, Runtime};
use tokio::sync::broadcast::error::RecvError;

/// `backend://status` carries a `BackendStatus` each time the backend connection changes.
pub const BACKEND_STATUS: &str = "backend://status";

/// Forwards core events to the UI until the core goes away.
pub fn bridge<R: Runtime>(app: AppHandle<R>, mut events: EventStream) {
    tauri::async_runtime::spawn(async move {
        loop {
            match events.recv().await {
                Ok(event) => emit(&app, event),
                // Every event carries full state, so skipping stale ones is harmless.
                Err(RecvError::Lagged(n)) => tracing::debug!(skipped = n, "UI event bridge lagged"),
                Err(RecvError::Closed) => break,
            }
        }
    });
}

fn emit<R: Runtime>(app: &AppHandle<R>, event: CoreEvent) {
    let result = match event {
        CoreEvent::BackendStatus(status) => app.emit(BACKEND_STATUS, status),
    };
    if let Err(e) = result {
        tracing::warn!(error = %e, "could not emit a UI event");
    }
}
