//! The family's preferences that are not secrets, in `settings.json` in the app's data folder
//! (tauri-plugin-store), behind a small typed accessor. Today that is the story defaults a new
//! story starts with; the Settings page takes this file over, so every default lives here and
//! nowhere else. A value edited by hand into something the app cannot use reads as the default.

use std::path::PathBuf;
use std::sync::Arc;

use infinite_stories_contract::StoryDefaults;
use infinite_stories_core::ErrorCode;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_store::{Store, StoreExt};

use crate::IpcError;

/// Where the settings file is (managed state; the app's data folder, a temporary one in tests).
#[derive(Clone, Debug)]
pub struct SettingsFile(pub PathBuf);

/// The key of the story defaults in the file.
const STORY_DEFAULTS: &str = "storyDefaults";

/// What a new story starts with: the saved defaults, or the app's (coral, English, 7 minutes,
/// illustrated) when none are saved or the saved ones are unusable.
pub fn story_defaults<R: Runtime>(app: &AppHandle<R>) -> Result<StoryDefaults, IpcError> {
    let saved = open(app)?.get(STORY_DEFAULTS);
    Ok(saved
        .and_then(
            |value| match serde_json::from_value::<StoryDefaults>(value) {
                Ok(d) if d.validate().is_ok() => Some(d),
                _ => {
                    tracing::warn!("saved story defaults are unusable; using the app's");
                    None
                }
            },
        )
        .unwrap_or_default())
}

/// Checks and saves new story defaults, returning them.
pub fn set_story_defaults<R: Runtime>(
    app: &AppHandle<R>,
    defaults: StoryDefaults,
) -> Result<StoryDefaults, IpcError> {
    defaults.validate()?;
    let store = open(app)?;
    store.set(
        STORY_DEFAULTS,
        serde_json::to_value(defaults).unwrap_or_default(),
    );
    store.save().map_err(unsaved)?;
    Ok(defaults)
}

fn open<R: Runtime>(app: &AppHandle<R>) -> Result<Arc<Store<R>>, IpcError> {
    let path = app
        .try_state::<SettingsFile>()
        .map(|f| f.0.clone())
        .ok_or_else(|| unsaved("no settings file is configured"))?;
    app.store(path).map_err(unsaved)
}

fn unsaved(e: impl std::fmt::Display) -> IpcError {
    IpcError {
        code: ErrorCode::Storage,
        message: format!(
            "The app could not use its settings file ({e}). Check that its data folder is writable."
        ),
        retryable: true,
        retry_after: None,
    }
}
