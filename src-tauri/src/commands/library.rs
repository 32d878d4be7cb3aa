//! Commands of the Library, Journey and Home screens: search and page the library (offline),
//! star and delete stories (deleting is behind the parent lock), the listening journey in this
//! computer's local days, and tonight's shortcuts.

use infinite_stories_core::{Core, Journey, JourneyRange, LibraryCard, LibraryPage, LibraryQuery, Tonight};
use tauri::{AppHandle, Runtime, State};

use crate::{IpcError, parent_lock};

/// A page of the library: full-text search, filters and sort.
#[tauri::command]
pub async fn search_library(core: State<'_, Core>, query: LibraryQuery) -> Result<LibraryPage, IpcError> {
    Ok(core.search_library(&query).await?)
}

/// Stars or unstars a story.
#[tauri::command]
pub async fn set_story_favorite(
    core: State<'_, Core>,
    id: String,
    favorite: bool,
) -> Result<LibraryCard, IpcError> {
    Ok(core.set_story_favorite(&id, favorite).await?)
}

/// Deletes stories everywhere (backend rows, storage, library, cache); how many were deleted.
#[tauri::command]
pub async fn delete_stories<R: Runtime>(
    app: AppHandle<R>,
    core: State<'_, Core>,
    ids: Vec<String>,
) -> Result<u32, IpcError> {
    parent_lock::guard(&app)?;
    Ok(core.delete_stories(&ids).await?)
}

/// The listening journey over the last week, month or year, in this computer's local days.
#[tauri::command]
pub async fn journey(core: State<'_, Core>, range: JourneyRange) -> Result<Journey, IpcError> {
    Ok(core.journey(range, local_offset_minutes()).await?)
}

/// Home's shortcuts: the last hero, the story to continue, the newest story.
#[tauri::command]
pub async fn tonight(core: State<'_, Core>) -> Result<Tonight, IpcError> {
    Ok(core.tonight().await?)
}

/// This computer's UTC offset now, in minutes east.
pub fn local_offset_minutes() -> i32 {
    use chrono::Offset;
    chrono::Local::now().offset().fix().local_minus_utc() / 60
}
