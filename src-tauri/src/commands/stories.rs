//! Commands about stories: generating (with progress on `story://progress`),
//! cancelling, retrying an illustration, finishing an interrupted story, and reading the local
//! library (works offline).

use infinite_stories_core::stories::Unfinished;
use infinite_stories_core::{Core, GenerateRequest, StoryDetail, StorySummary};
use tauri::{AppHandle, Runtime, State};

use crate::{IpcError, preferences, story_mode};

/// Tells a story: text, narration, then illustrations, through the backend's functions or the
/// provider directly as Settings → Advanced decides. Returns the finished story.
#[tauri::command]
pub async fn generate_story<R: Runtime>(
    app: AppHandle<R>,
    core: State<'_, Core>,
    request: GenerateRequest,
) -> Result<StoryDetail, IpcError> {
    story_mode::generate(&app, &core, request).await
}

/// Stops a running generation; `false` when nothing with that id is running.
#[tauri::command(async)]
pub fn cancel_generation(core: State<'_, Core>, request_id: String) -> bool {
    core.cancel(&request_id)
}

/// Draws one scene's illustration again (after a failure).
#[tauri::command]
pub async fn retry_illustration(
    core: State<'_, Core>,
    story_id: String,
    scene_number: u32,
) -> Result<StoryDetail, IpcError> {
    Ok(core.retry_illustration(&story_id, scene_number).await?)
}

/// What a story still lacks after an interrupted generation (pictures, narration), and whether
/// the reader should offer to finish it.
#[tauri::command]
pub async fn story_unfinished(
    core: State<'_, Core>,
    story_id: String,
) -> Result<Unfinished, IpcError> {
    Ok(core.unfinished(&story_id).await?)
}

/// Finishes an interrupted story: draws the pictures it lacks, then narrates it in the family's
/// default voice if it has no narration (progress on `story://progress` under `request_id`;
/// `cancel_generation` with that id stops it).
#[tauri::command]
pub async fn finish_story<R: Runtime>(
    app: AppHandle<R>,
    core: State<'_, Core>,
    story_id: String,
    request_id: String,
) -> Result<StoryDetail, IpcError> {
    let voice = preferences::story_defaults(&app)?.voice;
    Ok(core.finish_story(&story_id, voice, &request_id).await?)
}

/// The library, newest first, from the local store (offline).
#[tauri::command]
pub async fn list_stories(core: State<'_, Core>) -> Result<Vec<StorySummary>, IpcError> {
    Ok(core.stories().await?)
}

/// One story with its scenes, illustrations and narration state.
#[tauri::command]
pub async fn get_story(core: State<'_, Core>, id: String) -> Result<StoryDetail, IpcError> {
    Ok(core.story(&id).await?)
}

/// Brings the local library in step with the backend.
#[tauri::command]
pub async fn sync_library(core: State<'_, Core>) -> Result<(), IpcError> {
    Ok(core.sync_library().await?)
}
