//! Commands about the backend connection.

use infinite_stories_core::{BackendStatus, Core};
use tauri::State;

use crate::IpcError;

/// The current backend status (the UI also listens to `backend://status` for changes).
#[tauri::command]
pub fn backend_status(core: State<'_, Core>) -> Result<BackendStatus, IpcError> {
    Ok(core.backend_status())
}

/// Checks the backend again and returns the new status ("Check again" on the Home card).
#[tauri::command]
pub async fn recheck_backend(core: State<'_, Core>) -> Result<BackendStatus, IpcError> {
    Ok(core.recheck_backend().await?)
}
