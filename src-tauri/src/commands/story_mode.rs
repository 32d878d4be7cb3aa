//! Commands of Settings → Advanced: how stories are made (automatic by rollout, always the
//! story server, always the provider called from the app), the provider's address and models,
//! and its key — written to the keyring, never read back to the UI, forgotten on request.

use infinite_stories_contract::{StoryModeSettings, StoryModeStatus};
use infinite_stories_core::Core;
use tauri::{AppHandle, Runtime, State};

use crate::{IpcError, parent_lock, story_mode};

/// The saved choice, whether a key is stored, and the mode the next story will use.
#[tauri::command(async)]
pub fn story_mode<R: Runtime>(
    app: AppHandle<R>,
    core: State<'_, Core>,
) -> Result<StoryModeStatus, IpcError> {
    story_mode::current(&app, &core)
}

/// Saves the choice and the provider's settings; a non-empty `apiKey` replaces the stored key.
#[tauri::command(async)]
pub fn save_story_mode<R: Runtime>(
    app: AppHandle<R>,
    core: State<'_, Core>,
    settings: StoryModeSettings,
    api_key: Option<String>,
) -> Result<StoryModeStatus, IpcError> {
    parent_lock::guard(&app)?;
    story_mode::save(&app, &core, settings, api_key)
}

/// Deletes the provider's key from the keyring.
#[tauri::command(async)]
pub fn forget_provider_key<R: Runtime>(
    app: AppHandle<R>,
    core: State<'_, Core>,
) -> Result<StoryModeStatus, IpcError> {
    parent_lock::guard(&app)?;
    story_mode::forget_key(core.secrets().as_ref())?;
    story_mode::current(&app, &core)
}
