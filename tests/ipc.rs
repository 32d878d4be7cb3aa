//! The IPC contract of the shell, through Tauri's mock runtime with the app's real config and
//! capability file: command names, result shapes, the error shape, and the embedded backend
//! the shell starts (a real server on loopback).

use std::path::Path;

use infinite_stories::EmbeddedBackend;
use infinite_stories::commands::NAMES;
use std::sync::Arc;

use infinite_stories_core::secrets::MemoryStore;
use infinite_stories_core::{Core, CoreOptions};
use serde_json::{Value, json};
use tauri::Manager;
use tauri::async_runtime::block_on;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::{InvokeRequest, WebviewWindow, WebviewWindowBuilder};

/// The app with its real commands, config and capabilities; its embedded backend keeps its data
/// in `data_dir` and is not started yet; sessions go to an in-memory secret store.
fn app(data_dir: &Path) -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = infinite_stories::with_commands(mock_builder())
        .manage(Core::with_options(CoreOptions {
            secrets: Arc::new(MemoryStore::new()),
            data_dir: Some(data_dir.join("client")),
            ..CoreOptions::default()
        }))
        .manage(EmbeddedBackend::new(data_dir.to_path_buf()))
        .manage(infinite_stories::preferences::SettingsFile(
            data_dir.join("settings.json"),
        ))
        .build(tauri::generate_context!())
        .expect("app builds");
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    (app, window)
}

fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str) -> Result<Value, Value> {
    invoke_with(window, cmd, json!({}))
}

/// Invokes `cmd` with `args` as the UI does (camelCase argument names).
fn invoke_with(
    window: &WebviewWindow<MockRuntime>,
    cmd: &str,
    args: Value,
) -> Result<Value, Value> {
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

fn start_backend(app: &tauri::App<MockRuntime>) -> Value {
    let core = app.state::<Core>().inner().clone();
    let status = block_on(app.state::<EmbeddedBackend>().ensure_running(&core));
    serde_json::to_value(status).unwrap()
}

#[test]
fn backend_status_reports_the_embedded_backend_the_shell_started() {
    let dir = tempfile::tempdir().unwrap();
    let (app, window) = app(&dir.path().join("backend"));
    assert_eq!(
        invoke(&window, "backend_status").unwrap()["state"],
        "connecting"
    );

    let started = start_backend(&app);
    let status = invoke(&window, "backend_status").expect("command succeeds");
    assert_eq!(status, started);
    assert_eq!(status["state"], "connected");
    assert_eq!(status["mode"], "embedded");
    assert_eq!(status["version"], infinite_stories_server::VERSION);
    let address = status["address"].as_str().unwrap().to_owned();
    assert!(address.starts_with("http://127.0.0.1:"), "{address}");
    assert!(
        dir.path().join("backend").is_dir(),
        "the backend's data dir is under the app's"
    );

    app.state::<EmbeddedBackend>().stop_blocking();
    let after = block_on(reqwest_like_get(&address));
    assert!(after.is_err(), "the server stopped");
}

#[test]
fn check_again_starts_a_backend_that_was_not_running() {
    let dir = tempfile::tempdir().unwrap();
    let (app, window) = app(&dir.path().join("backend"));
    let status = invoke(&window, "recheck_backend").expect("the backend starts");
    assert_eq!(status["state"], "connected");
    app.state::<EmbeddedBackend>().stop_blocking();
}

#[test]
fn check_again_on_a_backend_that_cannot_start_returns_the_ipc_error_shape() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, b"not a directory").unwrap();
    let (_app, window) = app(&blocker.join("backend"));

    let err = invoke(&window, "recheck_backend").expect_err("cannot start under a file");
    assert_eq!(err["code"], "BACKEND_UNAVAILABLE");
    assert_eq!(err["retryable"], true);
    let message = err["message"].as_str().unwrap();
    assert!(message.contains("could not start"), "{message}");
    assert!(message.contains("data folder"), "{message}");
    assert!(err.get("retryAfter").is_none(), "{err}");
    // The status the UI reads agrees with the error.
    let status = invoke(&window, "backend_status").unwrap();
    assert_eq!(status["state"], "unavailable");
}

#[test]
fn a_family_signs_in_creates_a_hero_and_gets_a_story_through_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    let (app, window) = app(&dir.path().join("data"));
    start_backend(&app);

    assert_eq!(invoke(&window, "session").unwrap(), Value::Null);
    let session = invoke(&window, "sign_in_anonymously").expect("anonymous sign-in");
    assert_eq!(session["isAnonymous"], true);
    assert!(
        session.get("accessToken").is_none(),
        "no token crosses IPC: {session}"
    );

    let hero = invoke_with(
        &window,
        "create_hero",
        json!({"hero": {"name": "Luna", "primaryTrait": "brave", "secondaryTrait": "kind"}}),
    )
    .expect("hero created");
    let hero_id = hero["id"].as_str().unwrap().to_owned();

    let request = json!({"request": {
        "story": {
            "heroId": hero_id,
            "event": {"type": "built_in", "data": {"event": "bedtime_adventure"}},
            "targetDuration": 120,
            "language": "en"
        },
        "narration": false,
        "illustrations": false
    }});
    let story = invoke_with(&window, "generate_story", request).expect("a story is told");
    let story_id = story["summary"]["id"]
        .as_str()
        .expect("story id")
        .to_owned();
    assert!(
        story["summary"]["title"]
            .as_str()
            .is_some_and(|t| !t.is_empty()),
        "{story}"
    );
    assert!(
        story["content"].as_str().unwrap().contains("Luna"),
        "the hero is in the story"
    );
    let scenes = story["scenes"].as_array().unwrap();
    assert!((3..=8).contains(&scenes.len()), "{} scenes", scenes.len());

    let library = invoke(&window, "list_stories").unwrap();
    assert!(
        library
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == story_id.as_str())
    );
    let again = invoke_with(&window, "get_story", json!({"id": story_id})).unwrap();
    assert_eq!(again["summary"]["title"], story["summary"]["title"]);

    // One story spent from the client-side bucket of ten.
    let limits = invoke(&window, "limits").unwrap();
    let story_limit = limits
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["endpoint"] == "story-generation")
        .cloned()
        .unwrap_or_else(|| panic!("no story limit in {limits}"));
    assert_eq!(story_limit["capacity"], 10);
    assert_eq!(story_limit["remaining"], 9);

    let unknown = invoke_with(&window, "get_story", json!({"id": "no-such-story"})).unwrap_err();
    assert_eq!(unknown["code"], "NOT_FOUND");
    assert_eq!(
        invoke_with(&window, "cancel_generation", json!({"requestId": "none"})).unwrap(),
        false
    );
    assert!(invoke(&window, "diagnostics").unwrap()["backend"]["state"] == "connected");
    invoke(&window, "sign_out").expect("signed out");
    assert_eq!(invoke(&window, "session").unwrap(), Value::Null);
    app.state::<EmbeddedBackend>().stop_blocking();
}

#[test]
fn switching_to_a_supabase_project_and_back_keeps_one_session_per_profile() {
    let dir = tempfile::tempdir().unwrap();
    let (app, window) = app(&dir.path().join("data"));
    start_backend(&app);
    let embedded_user = invoke(&window, "sign_in_anonymously").unwrap()["userId"].clone();

    // A second, separate backend plays the Supabase project (same wire protocol, on loopback).
    let rt = tokio::runtime::Runtime::new().unwrap();
    let project = rt
        .block_on(infinite_stories_server::serve(
            infinite_stories_server::ServerConfig::loopback(dir.path().join("project")),
        ))
        .unwrap();

    // Input a parent could mistype is refused with what to change; nothing switches.
    let bad_url = invoke_with(
        &window,
        "use_supabase_project",
        json!({"url": "http://example.com", "anonKey": project.anon_key()}),
    )
    .unwrap_err();
    assert_eq!(bad_url["code"], "VALIDATION");
    assert!(
        bad_url["message"].as_str().unwrap().contains("https://"),
        "{bad_url}"
    );
    let bad_key = invoke_with(
        &window,
        "use_supabase_project",
        json!({"url": project.url(), "anonKey": "my password"}),
    )
    .unwrap_err();
    assert_eq!(bad_key["code"], "VALIDATION");
    assert!(
        !bad_key["message"].as_str().unwrap().contains("my password"),
        "no echo of keys"
    );
    assert_eq!(
        invoke(&window, "backend_status").unwrap()["mode"],
        "embedded"
    );
    assert_eq!(invoke(&window, "session").unwrap()["userId"], embedded_user);

    let status = invoke_with(
        &window,
        "use_supabase_project",
        json!({"url": project.url(), "anonKey": project.anon_key()}),
    )
    .expect("switched");
    assert_eq!(status["mode"], "supabase");
    assert_eq!(
        invoke(&window, "session").unwrap(),
        Value::Null,
        "a new profile, no session"
    );
    let project_user = invoke(&window, "sign_in_anonymously").unwrap()["userId"].clone();
    assert_ne!(project_user, embedded_user);

    let back = invoke(&window, "use_embedded_backend").expect("back to the embedded backend");
    assert_eq!(back["mode"], "embedded");
    assert_eq!(invoke(&window, "session").unwrap()["userId"], embedded_user);

    app.state::<EmbeddedBackend>().stop_blocking();
    rt.block_on(project.shutdown());
}

#[test]
fn every_registered_command_is_granted_to_the_main_window() {
    let dir = tempfile::tempdir().unwrap();
    let (app, window) = app(&dir.path().join("backend"));
    for name in NAMES {
        // Called without arguments, some commands fail on their arguments: that is fine. What
        // must not happen is Tauri refusing the command itself.
        if let Err(err) = invoke(&window, name) {
            let text = err.to_string();
            assert!(
                !text.contains("not allowed") && !text.contains("not found"),
                "{name}: {err}"
            );
        }
    }
    app.state::<EmbeddedBackend>().stop_blocking();
}

#[test]
fn commands_outside_the_capability_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, window) = app(&dir.path().join("backend"));
    let err = invoke(&window, "plugin:window|close").expect_err("not granted");
    assert!(
        err.get("code").is_none(),
        "refused by Tauri, not by a command: {err}"
    );
}

/// A plain HTTP GET of `{address}/health` on a fresh connection.
async fn reqwest_like_get(address: &str) -> std::io::Result<()> {
    let host = address.trim_start_matches("http://");
    let _stream = tokio::net::TcpStream::connect(host).await?;
    Ok(())
}
