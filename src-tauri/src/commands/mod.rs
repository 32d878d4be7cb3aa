//! The commands the UI can call, one module per domain. Each command is a few lines over the
//! core and returns `Result<_, IpcError>`.

pub mod backend;

use tauri::Runtime;
use tauri::ipc::Invoke;

include!("names.rs");

/// The invoke handler with every command registered.
pub fn handler<R: Runtime>() -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![backend::backend_status, backend::recheck_backend]
}
