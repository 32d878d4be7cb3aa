//! The commands the UI can call, one module per domain. Each command is a few lines over the
//! core and returns `Result<_, IpcError>` (or a plain value when it cannot fail).

pub mod backend;
pub mod session;
pub mod settings;
pub mod stories;
pub mod system;

use tauri::Runtime;
use tauri::ipc::Invoke;

include!("names.rs");

/// The invoke handler with every command registered (the same list as [`NAMES`]).
pub fn handler<R: Runtime>() -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        backend::backend_status,
        backend::recheck_backend,
        settings::use_supabase_project,
        settings::use_embedded_backend,
        session::session,
        session::sign_in_anonymously,
        session::sign_up,
        session::sign_in,
        session::link_email,
        session::sign_out,
        stories::generate_story,
        stories::cancel_generation,
        stories::retry_illustration,
        stories::generate_avatar,
        stories::create_hero,
        stories::list_heroes,
        stories::list_stories,
        stories::get_story,
        stories::sync_library,
        system::cache_status,
        system::clear_cache,
        system::limits,
        system::realtime_status,
        system::diagnostics,
        system::set_verbose_logging,
    ]
}
