//! Commands of the Settings screen: where stories are made (the embedded backend, or a Supabase
//! project tested before switching and remembered across restarts, its anon key in the
//! keyring), theme, UI language and the parent lock. Changes are behind the parent lock.

use infinite_stories_contract::Language;
use infinite_stories_core::secrets::SecretString;
use infinite_stories_core::settings::{BackendChoice, ParentLock, Settings, Theme};
use infinite_stories_core::{BackendEndpoint, BackendStatus, Core};
use tauri::{AppHandle, Runtime, State};

use crate::{EmbeddedBackend, IpcError, parent_lock, preferences};

/// The keyring entry of the remembered Supabase project's anon key.
pub const ANON_KEY: &str = "supabase-anon-key";

/// Everything Settings shows.
#[tauri::command(async)]
pub fn settings<R: Runtime>(app: AppHandle<R>, core: State<'_, Core>) -> Result<Settings, IpcError> {
    Ok(Settings {
        backend: preferences::backend(&app)?,
        story_defaults: preferences::story_defaults(&app)?,
        theme: preferences::theme(&app)?,
        ui_language: preferences::ui_language(&app)?,
        parent_lock: parent_lock::status(&app)?.enabled,
        verbose_logging: preferences::verbose_logging(&app)?,
        session_storage: core.backend_status().session_storage.unwrap_or_default(),
    })
}

/// Day, night or auto.
#[tauri::command(async)]
pub fn set_theme<R: Runtime>(
    app: AppHandle<R>,
    core: State<'_, Core>,
    theme: Theme,
) -> Result<Settings, IpcError> {
    parent_lock::guard(&app)?;
    preferences::set_theme(&app, theme)?;
    settings(app, core)
}

/// The UI's language (`null` follows the system).
#[tauri::command(async)]
pub fn set_ui_language<R: Runtime>(
    app: AppHandle<R>,
    core: State<'_, Core>,
    language: Option<Language>,
) -> Result<Settings, IpcError> {
    parent_lock::guard(&app)?;
    preferences::set_ui_language(&app, language)?;
    settings(app, core)
}

/// "Test connection": checks the project answers, without switching (https only, except on
/// this computer).
#[tauri::command]
pub async fn test_supabase_connection(
    core: State<'_, Core>,
    url: String,
    anon_key: String,
) -> Result<BackendStatus, IpcError> {
    let endpoint = BackendEndpoint::supabase(&url, &anon_key)?;
    Ok(core.test_connection(&endpoint).await?)
}

/// Switches to a Supabase project and remembers it (its key in the keyring). A URL or key that
/// cannot be right is refused with a message that says what to change, and the current backend
/// stays connected.
#[tauri::command]
pub async fn use_supabase_project<R: Runtime>(
    app: AppHandle<R>,
    core: State<'_, Core>,
    url: String,
    anon_key: String,
) -> Result<BackendStatus, IpcError> {
    parent_lock::guard(&app)?;
    let endpoint = BackendEndpoint::supabase(&url, &anon_key)?;
    let status = core.connect(endpoint.clone()).await.into_result()?;
    // Remembered only with its key in the keyring; without a password store the switch holds
    // for this run and the next start is on the embedded backend.
    match core
        .secrets()
        .set(ANON_KEY, &SecretString::from(anon_key.trim().to_owned()))
    {
        Ok(()) => preferences::set_backend(
            &app,
            &BackendChoice::Supabase {
                url: endpoint.base_url.to_string(),
            },
        )?,
        Err(e) => tracing::warn!(error = %e, "the project is not remembered (no password store)"),
    }
    Ok(status)
}

/// Switches back to the backend inside the app, and remembers that.
#[tauri::command]
pub async fn use_embedded_backend<R: Runtime>(
    app: AppHandle<R>,
    core: State<'_, Core>,
    backend: State<'_, EmbeddedBackend>,
) -> Result<BackendStatus, IpcError> {
    parent_lock::guard(&app)?;
    let status = backend.ensure_running(&core).await.into_result()?;
    preferences::set_backend(&app, &BackendChoice::Embedded)?;
    Ok(status)
}

/// Whether a PIN is set and until when it is unlocked.
#[tauri::command(async)]
pub fn parent_lock<R: Runtime>(app: AppHandle<R>) -> Result<ParentLock, IpcError> {
    parent_lock::status(&app)
}

/// Sets (4–8 digits), changes or removes (`pin` null) the PIN; `currentPin` when one is set.
#[tauri::command]
pub async fn set_parent_pin<R: Runtime>(
    app: AppHandle<R>,
    pin: Option<String>,
    current_pin: Option<String>,
) -> Result<ParentLock, IpcError> {
    parent_lock::set_pin(&app, pin, current_pin)
}

/// Unlocks for ten minutes (a wrong PIN fails with `VALIDATION`).
#[tauri::command]
pub async fn unlock_parent<R: Runtime>(app: AppHandle<R>, pin: String) -> Result<ParentLock, IpcError> {
    parent_lock::unlock(&app, &pin)
}

/// Locks again at once.
#[tauri::command(async)]
pub fn lock_parent<R: Runtime>(app: AppHandle<R>) -> Result<ParentLock, IpcError> {
    parent_lock::lock(&app)
}

/// "Erase all data" (after the UI's confirmation): signs out, empties the library and the
/// cache, deletes the embedded backend's data, forgets every setting and the app's keyring
/// entries (PIN, project key, direct provider key), then starts fresh on the embedded backend as a new guest.
#[tauri::command]
pub async fn erase_all_data<R: Runtime>(
    app: AppHandle<R>,
    core: State<'_, Core>,
    backend: State<'_, EmbeddedBackend>,
) -> Result<(), IpcError> {
    parent_lock::guard(&app)?;
    core.erase_local().await?;
    let _ = core.secrets().delete(ANON_KEY);
    let _ = crate::story_mode::forget_key(core.secrets().as_ref());
    parent_lock::forget(&app)?;
    preferences::clear(&app)?;
    backend.erase(&core).await.map_err(|e| {
        IpcError::from(infinite_stories_core::CoreError::Storage(format!(
            "the embedded backend's data could not be deleted ({e})"
        )))
    })?;
    core.ensure_session().await?;
    Ok(())
}
