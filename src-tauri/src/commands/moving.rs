//! Commands of Settings → "Move my library to the cloud": copy everything the family made on
//! this backend to a Supabase project (resumable, verified), cancel it, and ask where it is.
//! Progress arrives as `moving://progress`. Starting a move is behind the parent lock.

use infinite_stories_core::secrets::ExposeSecret;
use infinite_stories_core::{Core, MoveDestination, MoveReport, MoveStatus};
use tauri::{AppHandle, Runtime, State};

use crate::commands::settings::ANON_KEY;
use crate::{IpcError, parent_lock};

/// Copies the library to `destination`; an empty `anonKey` uses the remembered project's key.
#[tauri::command]
pub async fn move_library<R: Runtime>(
    app: AppHandle<R>,
    core: State<'_, Core>,
    mut destination: MoveDestination,
) -> Result<MoveReport, IpcError> {
    parent_lock::guard(&app)?;
    if destination.anon_key.trim().is_empty()
        && let Ok(Some(key)) = core.secrets().get(ANON_KEY)
    {
        destination.anon_key = key.expose_secret().to_owned();
    }
    Ok(core.move_library(destination).await?)
}

/// Stops the running move (moving again resumes it); whether one was running.
#[tauri::command(async)]
pub fn cancel_move_library(core: State<'_, Core>) -> bool {
    core.cancel_move_library()
}

/// Whether a move runs, its progress, the last report and a move left unfinished.
#[tauri::command]
pub async fn move_status(core: State<'_, Core>) -> Result<MoveStatus, IpcError> {
    Ok(core.move_status().await)
}
