//! Commands about who is signed in. Passwords pass straight to the core, which keeps them in a
//! redacting secret type; nothing here logs its arguments.

use infinite_stories_core::{Core, SessionInfo};
use tauri::State;

use crate::IpcError;

/// The current session (never its tokens), or `null` when signed out.
#[tauri::command(async)]
pub fn session(core: State<'_, Core>) -> Option<SessionInfo> {
    core.session()
}

/// Signs in without an account (what the app does on first run).
#[tauri::command]
pub async fn sign_in_anonymously(core: State<'_, Core>) -> Result<SessionInfo, IpcError> {
    Ok(core.sign_in_anonymously().await?)
}

/// Creates an email account; `null` when the backend asks to confirm the email first.
#[tauri::command]
pub async fn sign_up(
    core: State<'_, Core>,
    email: String,
    password: String,
) -> Result<Option<SessionInfo>, IpcError> {
    Ok(core.sign_up(&email, &password).await?)
}

/// Signs in with email and password.
#[tauri::command]
pub async fn sign_in(
    core: State<'_, Core>,
    email: String,
    password: String,
) -> Result<SessionInfo, IpcError> {
    Ok(core.sign_in(&email, &password).await?)
}

/// Gives the anonymous user an email and password, keeping its id and everything it made.
#[tauri::command]
pub async fn link_email(
    core: State<'_, Core>,
    email: String,
    password: String,
) -> Result<SessionInfo, IpcError> {
    Ok(core.link_email(&email, &password).await?)
}

/// Signs out: the local session is always cleared, the backend told when it can be reached.
#[tauri::command]
pub async fn sign_out(core: State<'_, Core>) -> Result<(), IpcError> {
    Ok(core.sign_out().await?)
}
