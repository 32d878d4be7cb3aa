//! The commands the UI can call, one module per domain. Each command is a few lines over the
//! core and returns `Result<_, IpcError>` (or a plain value when it cannot fail).
//!
//! The module declarations, [`NAMES`], [`handler`] and the TypeScript signatures are generated
//! by the build script from the `#[tauri::command]` functions of the files in this folder: a new
//! command is a function in its module, a new domain a new file, and nothing else.

include!(concat!(env!("OUT_DIR"), "/commands.rs"));
