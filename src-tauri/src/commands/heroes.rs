//! Commands about heroes: list (with story counts), create, edit, delete (their stories stay)
//! and draw the avatar.

use infinite_stories_contract::{AvatarStyle, Hero, HeroDraft};
use infinite_stories_core::Core;
use tauri::{AppHandle, Runtime, State};

use crate::IpcError;

/// The family's heroes, by name (from the library when the backend is not reachable).
#[tauri::command]
pub async fn list_heroes(core: State<'_, Core>) -> Result<Vec<Hero>, IpcError> {
    Ok(core.list_heroes().await?)
}

/// Creates a hero; a draft that breaks a rule fails with `VALIDATION` naming the field.
#[tauri::command]
pub async fn create_hero(core: State<'_, Core>, hero: HeroDraft) -> Result<Hero, IpcError> {
    Ok(core.create_hero(hero).await?)
}

/// Replaces a hero's details.
#[tauri::command]
pub async fn update_hero(
    core: State<'_, Core>,
    id: String,
    hero: HeroDraft,
) -> Result<Hero, IpcError> {
    Ok(core.update_hero(&id, hero).await?)
}

/// Deletes a hero; the hero's stories stay in the library.
#[tauri::command]
pub async fn delete_hero<R: Runtime>(
    app: AppHandle<R>,
    core: State<'_, Core>,
    id: String,
) -> Result<(), IpcError> {
    crate::parent_lock::guard(&app)?;
    Ok(core.delete_hero(&id).await?)
}

/// Draws (or draws again) the hero's avatar in `style` from `prompt`.
#[tauri::command]
pub async fn generate_avatar(
    core: State<'_, Core>,
    hero_id: String,
    prompt: String,
    style: AvatarStyle,
) -> Result<Hero, IpcError> {
    Ok(core.generate_avatar(&hero_id, &prompt, style).await?)
}
