//! The IPC contract of the shell, through Tauri's mock runtime: command names, argument and
//! result shapes, the error shape, and the capability file, with the core talking to a real
//! embedded backend on loopback.

use infinite_stories::commands::NAMES;
use infinite_stories_core::{BackendEndpoint, Core};
use infinite_stories_server::{ServerConfig, serve};
use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::{InvokeRequest, WebviewWindow, WebviewWindowBuilder};

/// The app with its real commands, its real config and capabilities, managing `core`.
fn app(core: Core) -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = infinite_stories::with_commands(mock_builder())
        .manage(core)
        .build(tauri::generate_context!())
        .expect("app builds");
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    (app, window)
}

fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body: InvokeBody::default(),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|body| body.deserialize::<Value>().unwrap())
}

#[test]
fn backend_status_reports_the_real_embedded_backend() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let server = rt
        .block_on(serve(ServerConfig::loopback(dir.path())))
        .unwrap();
    let core = Core::new();
    rt.block_on(core.connect(BackendEndpoint::embedded(server.address())));

    let (_app, window) = app(core);
    let status = invoke(&window, "backend_status").expect("command succeeds");
    assert_eq!(status["state"], "connected");
    assert_eq!(status["mode"], "embedded");
    assert_eq!(status["address"], format!("http://{}", server.address()));
    assert_eq!(status["version"], infinite_stories_server::VERSION);
    rt.block_on(server.shutdown());
}

#[test]
fn a_failing_command_returns_the_ipc_error_shape() {
    // A core that never got a backend: "Check again" has nothing to check.
    let (_app, window) = app(Core::new());
    let err = invoke(&window, "recheck_backend").expect_err("no backend to check");
    assert_eq!(err["code"], "BACKEND_UNAVAILABLE");
    assert_eq!(err["retryable"], true);
    assert!(
        err["message"].as_str().unwrap().contains("not ready yet"),
        "{err}"
    );
    assert!(err.get("retryAfter").is_none(), "{err}");
}

#[test]
fn every_registered_command_is_granted_to_the_main_window() {
    let (_app, window) = app(Core::new());
    for name in NAMES {
        // A command refused by the capability file fails with a Tauri message, not our shape.
        match invoke(&window, name) {
            Ok(_) => {}
            Err(err) => assert!(err.get("code").is_some(), "{name} was refused: {err}"),
        }
    }
}

#[test]
fn commands_outside_the_capability_are_refused() {
    let (_app, window) = app(Core::new());
    let err = invoke(&window, "plugin:window|close").expect_err("not granted");
    assert!(
        err.get("code").is_none(),
        "refused by Tauri, not by a command: {err}"
    );
}
