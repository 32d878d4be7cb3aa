//! Commands for the diagnostics and settings views: cache, limits, realtime, performance.

use infinite_stories_core::realtime::RealtimeStatus;
use infinite_stories_core::{CacheStatus, Core, DiagnosticsReport, LimitStatus, RequestRecord};
use tauri::State;

use crate::IpcError;

/// How much the cache holds, per layer.
#[tauri::command]
pub async fn cache_status(core: State<'_, Core>) -> Result<CacheStatus, IpcError> {
    Ok(core.cache_status().await?)
}

/// Empties the cache (stories in the library stay), returning the new status.
#[tauri::command]
pub async fn clear_cache(core: State<'_, Core>) -> Result<CacheStatus, IpcError> {
    Ok(core.clear_cache().await?)
}

/// Every client-side limit with what is left and when the next one frees up.
#[tauri::command(async)]
pub fn limits(core: State<'_, Core>) -> Vec<LimitStatus> {
    core.limits()
}

/// The realtime connection and its channels, or `null` before a backend is connected.
#[tauri::command(async)]
pub fn realtime_status(core: State<'_, Core>) -> Option<RealtimeStatus> {
    core.realtime_status()
}

/// Everything the diagnostics view shows (backend, session, limits, realtime, performance).
#[tauri::command(async)]
pub fn diagnostics(core: State<'_, Core>) -> DiagnosticsReport {
    core.diagnostics()
}

/// Turns request/response body logging (with secrets redacted) on or off.
#[tauri::command(async)]
pub fn set_verbose_logging<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    core: State<'_, Core>,
    verbose: bool,
) -> Result<(), IpcError> {
    crate::preferences::set_verbose_logging(&app, verbose)?;
    core.set_verbose_logging(verbose);
    Ok(())
}

/// The last 200 requests (method, redacted path, status, duration, request id), oldest first.
#[tauri::command(async)]
pub fn recent_requests(core: State<'_, Core>) -> Vec<RequestRecord> {
    core.recent_requests()
}

/// The "Copy a report" text: diagnostics, cache and recent requests, with no token, key, e-mail
/// or story text.
#[tauri::command]
pub async fn diagnostics_report(core: State<'_, Core>) -> Result<String, IpcError> {
    Ok(core.diagnostics_report().await)
}

/// The UI's first screen is shown: the library sync that start-up held back goes on.
#[tauri::command(async)]
pub fn first_screen_shown(core: State<'_, Core>) {
    core.first_screen_shown();
}
