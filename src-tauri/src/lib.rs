//! The Tauri shell of InfiniteStories Desktop: it starts the embedded backend, builds the one
//! [`Core`] the commands call into, forwards core events to the UI, and stops the backend when
//! the app exits. A second launch (the menu entry clicked again) hands over to the running app,
//! which brings its window forward. Nothing here is worth testing on its own; the logic lives in
//! the core, server and storyteller crates.

pub mod bindings;
pub mod commands;
pub mod embedded;
pub mod error;
pub mod events;
mod logging;

use infinite_stories_core::{BackendState, Core, CoreOptions};
use tauri::{AppHandle, Manager, RunEvent, Runtime};

pub use embedded::EmbeddedBackend;
pub use error::IpcError;

/// Adds the app's commands to a builder (the real one, or `tauri::test::mock_builder()`).
pub fn with_commands<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(commands::handler())
}

/// Runs the app until its last window closes.
pub fn run() {
    let app = with_commands(tauri::Builder::default())
        // First: a second launch must hand over before it starts anything of its own (it exits
        // inside this plugin's setup, through the session D-Bus on Linux).
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            show_main_window(app)
        }))
        .setup(|app| {
            let dirs = embedded::AppDirs::resolve(app.handle())?;
            app.manage(logging::init(&dirs.logs));
            tracing::info!(data = %dirs.data.display(), logs = %dirs.logs.display(), "starting");
            let core = Core::with_options(CoreOptions {
                data_dir: Some(dirs.client()),
                ..CoreOptions::default()
            });
            app.manage(core.clone());
            app.manage(EmbeddedBackend::new(dirs.backend()));
            events::bridge(app.handle().clone(), core.events());
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                let status = handle
                    .state::<EmbeddedBackend>()
                    .ensure_running(&core)
                    .await;
                // First run: an anonymous account, so stories can be made without signing up
                // (a later start restores the session from the keyring instead).
                if status.state == BackendState::Connected
                    && let Err(e) = core.ensure_session().await
                {
                    tracing::warn!(error = %e, "no session yet");
                }
            });
            Ok(())
        })
        .build(tauri::generate_context!())
        .expect("the app could not be built (see the log above)");
    app.run(|app, event| {
        if let RunEvent::Exit = event {
            app.state::<EmbeddedBackend>().stop_blocking();
            app.state::<logging::LogGuard>().flush();
        }
    });
}

/// Brings the main window forward: un-minimised, shown and focused (a second launch).
fn show_main_window<R: Runtime>(app: &AppHandle<R>) {
    tracing::info!("launched again: bringing the window forward");
    if let Some(window) = app.get_webview_window("main") {
        let shown = window
            .unminimize()
            .and_then(|()| window.show())
            .and_then(|()| window.set_focus());
        if let Err(e) = shown {
            tracing::warn!(error = %e, "the window could not be brought forward");
        }
    }
}
