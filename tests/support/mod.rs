//! What the shell's IPC test files share: the app with its real commands, config and
//! capabilities over Tauri's mock runtime, keeping everything under one folder, and a command
//! invoked the way the UI invokes it.

use std::path::Path;
use std::sync::Arc;

use infinite_stories::EmbeddedBackend;
use infinite_stories::preferences::SettingsFile;
use infinite_stories::story_writer::StoryWriters;
use infinite_stories::voice_packs::VoicePacks;
use infinite_stories_core::secrets::SecretStore;
use infinite_stories_core::{Core, CoreOptions};
use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::{InvokeRequest, WebviewWindow, WebviewWindowBuilder};

pub type App = (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>);

/// The app with its real commands, keeping everything under `dir`; sessions go to `secrets`.
pub fn app_with(dir: &Path, secrets: Arc<dyn SecretStore>) -> App {
    // The app's own providers, as in `run()`: natural voices from `dir`, the writer Settings picks.
    let voices = VoicePacks::new(dir);
    let writers = StoryWriters::default();
    let providers = infinite_stories::app_providers(&voices, &writers);
    let app = infinite_stories::with_commands(mock_builder())
        .manage(Core::with_options(CoreOptions {
            secrets,
            data_dir: Some(dir.join("client")),
            ..CoreOptions::default()
        }))
        .manage(EmbeddedBackend::new(dir.join("backend")).with_providers(providers))
        .manage(SettingsFile(dir.join("settings.json")))
        .manage(voices)
        .manage(writers)
        .build(tauri::generate_context!())
        .expect("app builds");
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    (app, window)
}

/// Invokes `cmd` with `args` as the UI does (camelCase argument names).
pub fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|body| body.deserialize::<Value>().unwrap())
}
