//! Commands of Settings → "Who writes the stories": the built-in writer (the default), or a
//! model the family runs on this computer (Ollama, llama.cpp's server): tested first ("does it
//! answer, does it serve this model"), then used by the embedded backend at once, with the
//! built-in writer taking over whenever the model's story is unusable. A key, when a server
//! wants one, goes to the keyring; settings.json keeps only the address and the model.

use infinite_stories_contract::{LocalModelProbe, WriterChoice};
use infinite_stories_core::Core;
use infinite_stories_core::secrets::SecretString;
use tauri::{AppHandle, Runtime, State};

use crate::story_writer::{self, StoryWriters};
use crate::{IpcError, parent_lock, preferences};

/// Who writes the stories now.
#[tauri::command(async)]
pub fn writer_choice<R: Runtime>(app: AppHandle<R>) -> Result<WriterChoice, IpcError> {
    preferences::writer(&app)
}

/// Whether a local model server answers at `baseUrl` and serves `model` (nothing is saved).
#[tauri::command]
pub async fn test_local_model(
    base_url: String,
    model: String,
    api_key: Option<String>,
) -> Result<LocalModelProbe, IpcError> {
    let config = story_writer::config(&base_url, &model, api_key)?;
    Ok(story_writer::probe(&config).await)
}

/// Writes the next stories with the local model (its key, if any, into the keyring).
#[tauri::command(async)]
pub fn use_local_model<R: Runtime>(
    app: AppHandle<R>,
    core: State<'_, Core>,
    writers: State<'_, StoryWriters>,
    base_url: String,
    model: String,
    api_key: Option<String>,
) -> Result<WriterChoice, IpcError> {
    parent_lock::guard(&app)?;
    let api_key = api_key.filter(|k| !k.trim().is_empty());
    let config = story_writer::config(&base_url, &model, api_key.clone())?;
    let has_key = match &api_key {
        Some(key) => {
            core.secrets()
                .set(story_writer::API_KEY, &SecretString::from(key.trim().to_owned()))
                .map_err(|e| IpcError::from(infinite_stories_core::CoreError::from(e)))?;
            true
        }
        None => {
            let _ = core.secrets().delete(story_writer::API_KEY);
            false
        }
    };
    let choice = WriterChoice::LocalModel {
        base_url: config.base_url.clone(),
        model: config.chat_model.clone(),
        has_key,
    };
    writers.use_config(config)?;
    preferences::set_writer(&app, &choice)?;
    Ok(choice)
}

/// Back to the built-in writer.
#[tauri::command(async)]
pub fn use_built_in_writer<R: Runtime>(
    app: AppHandle<R>,
    core: State<'_, Core>,
    writers: State<'_, StoryWriters>,
) -> Result<WriterChoice, IpcError> {
    parent_lock::guard(&app)?;
    writers.use_built_in();
    let _ = core.secrets().delete(story_writer::API_KEY);
    preferences::set_writer(&app, &WriterChoice::Offline)?;
    Ok(WriterChoice::Offline)
}
