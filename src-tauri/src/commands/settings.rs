//! Commands for Settings → "Where stories are made": the embedded backend (default) or a
//! Supabase project. Each profile keeps its own session; switching never mixes them.

use infinite_stories_core::{BackendEndpoint, BackendStatus, Core};
use tauri::State;

use crate::{EmbeddedBackend, IpcError};

/// Switches to a Supabase project. A URL or key that cannot be right is refused with a message
/// that says what to change, and the current backend stays connected.
#[tauri::command]
pub async fn use_supabase_project(
    core: State<'_, Core>,
    url: String,
    anon_key: String,
) -> Result<BackendStatus, IpcError> {
    let endpoint = BackendEndpoint::supabase(&url, &anon_key)?;
    Ok(core.connect(endpoint).await.into_result()?)
}

/// Switches back to the backend inside the app.
#[tauri::command]
pub async fn use_embedded_backend(
    core: State<'_, Core>,
    backend: State<'_, EmbeddedBackend>,
) -> Result<BackendStatus, IpcError> {
    Ok(backend.ensure_running(&core).await.into_result()?)
}
