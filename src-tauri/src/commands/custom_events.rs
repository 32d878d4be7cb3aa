//! Commands about the family's own events. The safety filter runs in the family's story
//! language (from the story defaults) when a draft is checked and again when it is saved.

use infinite_stories_contract::{CustomEvent, CustomEventDraft, SafetyCheck};
use infinite_stories_core::Core;
use tauri::{AppHandle, Runtime, State};

use crate::{IpcError, preferences};

/// What the safety filter says about a draft: pass, the gentler version, or a kind refusal.
#[tauri::command(async)]
pub fn check_custom_event<R: Runtime>(
    app: AppHandle<R>,
    core: State<'_, Core>,
    event: CustomEventDraft,
) -> Result<SafetyCheck, IpcError> {
    let language = preferences::story_defaults(&app)?.language;
    Ok(core.check_custom_event(&event, language)?)
}

/// The family's custom events, favourites first, with usage counts.
#[tauri::command]
pub async fn list_custom_events(core: State<'_, Core>) -> Result<Vec<CustomEvent>, IpcError> {
    Ok(core.list_custom_events().await?)
}

/// Creates (`id` null) or edits a custom event; a refused draft fails with `CONTENT_POLICY`,
/// a softened one is saved softened.
#[tauri::command]
pub async fn save_custom_event<R: Runtime>(
    app: AppHandle<R>,
    core: State<'_, Core>,
    id: Option<String>,
    event: CustomEventDraft,
) -> Result<CustomEvent, IpcError> {
    crate::parent_lock::guard(&app)?;
    let language = preferences::story_defaults(&app)?.language;
    Ok(core
        .save_custom_event(id.as_deref(), event, language)
        .await?)
}

/// Deletes a custom event; stories written for it stay in the library.
#[tauri::command]
pub async fn delete_custom_event<R: Runtime>(
    app: AppHandle<R>,
    core: State<'_, Core>,
    id: String,
) -> Result<(), IpcError> {
    crate::parent_lock::guard(&app)?;
    Ok(core.delete_custom_event(&id).await?)
}

/// Stars or unstars a custom event.
#[tauri::command]
pub async fn set_custom_event_favorite<R: Runtime>(
    app: AppHandle<R>,
    core: State<'_, Core>,
    id: String,
    favorite: bool,
) -> Result<CustomEvent, IpcError> {
    crate::parent_lock::guard(&app)?;
    Ok(core.set_custom_event_favorite(&id, favorite).await?)
}
