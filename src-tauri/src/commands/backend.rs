//! Commands about the backend connection.

use infinite_stories_core::{BackendStatus, Core};
use tauri::State;

use crate::{EmbeddedBackend, IpcError};

/// The current backend status (the UI also listens to `backend://status` for changes).
#[tauri::command(async)]
pub fn backend_status(core: State<'_, Core>) -> Result<BackendStatus, IpcError> {
    Ok(core.backend_status())
}

/// "Check again": starts the embedded backend if it is not running (e.g. its disk was full),
/// checks it answers, and fails with the reason when it still is not available.
#[tauri::command]
pub async fn recheck_backend(
    core: State<'_, Core>,
    backend: State<'_, EmbeddedBackend>,
) -> Result<BackendStatus, IpcError> {
    Ok(backend.ensure_running(&core).await.into_result()?)
}
