//! The commands the UI can call, one module per domain. Each command is a few lines over the
//! core and returns `Result<_, IpcError>` (or a plain value when it cannot fail).
//!
//! The module declarations, [`NAMES`], [`handler`] and the TypeScript signatures are generated
//! by the build script from the `#[tauri::command]` functions of the files in this folder: a new
//! command is a function in its module, a new domain a new file, and nothing else.
//!
//! A command that is not an `async fn` is marked `#[tauri::command(async)]`: Tauri runs a plain
//! command on the main thread, which at start-up is busy building the window and WebKit, so
//! Home's first questions (the session, the backend's status, the settings) waited up to 0.1 s
//! for it. None of them needs the main thread; the build script refuses a command that is neither.

include!(concat!(env!("OUT_DIR"), "/commands.rs"));
