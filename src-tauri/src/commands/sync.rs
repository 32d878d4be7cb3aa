//! Commands of two-way sync: what this computer still has to send to the backend (edits made
//! offline wait in the outbox) and what the backend refused, for Home's line.

use infinite_stories_core::{Core, OutboxStatus};
use tauri::State;

use crate::IpcError;

/// Changes waiting to be sent, and changes the backend refused (kept, with its reason).
#[tauri::command]
pub async fn outbox_status(core: State<'_, Core>) -> Result<OutboxStatus, IpcError> {
    Ok(core.outbox_status().await?)
}
