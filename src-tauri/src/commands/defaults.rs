//! Commands for the New story screen: the catalogue of choices, the story defaults (kept in the
//! settings file) and a spoken sample of each voice.

use infinite_stories_contract::{Catalogue, Language, StoryDefaults, Voice, VoiceSample};
use tauri::{AppHandle, Runtime};

use crate::{IpcError, preferences};

/// Every choice the UI offers (events with their group, traits, voices, languages, styles,
/// custom event categories, age ranges and tones, story lengths).
#[tauri::command(async)]
pub fn catalogue() -> Catalogue {
    Catalogue::full()
}

/// What a new story starts with.
#[tauri::command(async)]
pub fn story_defaults<R: Runtime>(app: AppHandle<R>) -> Result<StoryDefaults, IpcError> {
    preferences::story_defaults(&app)
}

/// Saves new story defaults (a length out of range fails with `VALIDATION`).
#[tauri::command(async)]
pub fn set_story_defaults<R: Runtime>(
    app: AppHandle<R>,
    defaults: StoryDefaults,
) -> Result<StoryDefaults, IpcError> {
    crate::parent_lock::guard(&app)?;
    preferences::set_story_defaults(&app, defaults)
}

/// One short line spoken by the offline narrator in `voice` and `language`.
#[tauri::command]
pub async fn voice_sample(voice: Voice, language: Language) -> Result<VoiceSample, IpcError> {
    Ok(infinite_stories_core::voice_sample::voice_sample(voice, language).await?)
}
