//! Stories through the app's own commands (Tauri's mock runtime) with the real embedded backend:
//! an interrupted story is offered to finish and finished (`story_unfinished`, `finish_story`),
//! and damaged databases are set aside with a notice the UI reads from `backend_status`.

use std::sync::Arc;

use infinite_stories::EmbeddedBackend;
use infinite_stories_core::Core;
use infinite_stories_core::api::models::GeneratedStory;
use infinite_stories_core::contract::{BuiltInEvent, Language, StoryEvent, StoryRequest};
use infinite_stories_core::secrets::MemoryStore;
use serde_json::{Value, json};
use tauri::Manager;
use tauri::async_runtime::block_on;
use tauri::test::MockRuntime;
use tauri::webview::WebviewWindow;

mod support;

use support::{app_with, invoke};

fn ok(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Value {
    invoke(window, cmd, args).unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
}

#[test]
fn an_interrupted_story_is_offered_and_finished_through_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    let (app, window) = app_with(dir.path(), Arc::new(MemoryStore::new()));
    let core = app.state::<Core>().inner().clone();
    block_on(app.state::<EmbeddedBackend>().ensure_running(&core));
    ok(&window, "sign_in_anonymously", json!({}));
    let hero = ok(
        &window,
        "create_hero",
        json!({"hero": {"name": "Luna", "primaryTrait": "brave", "secondaryTrait": "kind"}}),
    )["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // The backend wrote the story and drew its first picture; then the app was killed.
    let api = core.api().unwrap();
    let request = StoryRequest {
        hero_id: hero.clone(),
        event: StoryEvent::BuiltIn {
            event: BuiltInEvent::BedtimeAdventure,
        },
        target_duration: 120,
        language: Language::En,
        voice: None,
    };
    let story: GeneratedStory = block_on(api.invoke("story-generation", &request, 1, "cut-1"))
        .unwrap()
        .data;
    let id = story.story_id.clone();
    block_on(api.invoke::<Value>(
        "scene-illustration",
        &json!({"storyId": id, "heroId": hero, "scenes": [story.scenes[0]]}),
        1,
        "cut-2",
    ))
    .unwrap();
    ok(&window, "sync_library", json!({}));

    let missing = ok(&window, "story_unfinished", json!({"storyId": id}));
    assert_eq!(missing["interrupted"], true, "{missing}");
    assert_eq!(missing["narration"], true);
    assert_eq!(
        missing["pictures"].as_array().unwrap().len(),
        story.scenes.len() - 1
    );
    let done = ok(
        &window,
        "finish_story",
        json!({"storyId": id, "requestId": "finish-ipc"}),
    );
    assert!(done["narrationKey"].is_string(), "{done}");
    let after = ok(&window, "story_unfinished", json!({"storyId": id}));
    assert_eq!(
        after,
        json!({"pictures": [], "narration": false, "interrupted": false})
    );
    assert_eq!(
        ok(
            &window,
            "cancel_generation",
            json!({"requestId": "finish-ipc"})
        ),
        false,
        "nothing runs under its id once finished"
    );
    let unknown = invoke(&window, "story_unfinished", json!({"storyId": "nope"})).unwrap_err();
    assert_eq!(unknown["code"], "NOT_FOUND");
    app.state::<EmbeddedBackend>().stop_blocking();
}

#[test]
fn damaged_databases_are_set_aside_and_the_family_is_told_where_they_are() {
    let dir = tempfile::tempdir().unwrap();
    for (folder, file) in [("backend", "server.db"), ("client", "core.sqlite")] {
        std::fs::create_dir_all(dir.path().join(folder)).unwrap();
        std::fs::write(dir.path().join(folder).join(file), vec![0x5a; 9000]).unwrap();
    }
    let (app, window) = app_with(dir.path(), Arc::new(MemoryStore::new()));
    let core = app.state::<Core>().inner().clone();
    block_on(app.state::<EmbeddedBackend>().ensure_running(&core));
    let status = ok(&window, "backend_status", json!({}));
    assert_eq!(status["state"], "connected", "the fresh server runs");
    let notices = status["notices"].as_array().expect("a notice").clone();
    assert_eq!(notices.len(), 1, "{notices:?}");
    let server = notices[0].as_str().unwrap();
    assert!(
        server.contains("story server's database") && server.contains("server.db.corrupt-"),
        "{server}"
    );
    ok(&window, "sign_in_anonymously", json!({}));
    assert_eq!(ok(&window, "list_stories", json!({})), json!([]));
    let notices = ok(&window, "backend_status", json!({}))["notices"].clone();
    let library = notices[1].as_str().unwrap();
    assert!(
        library.contains("library on this computer") && library.contains("core.sqlite.corrupt-"),
        "{library}"
    );
    for (folder, prefix) in [
        ("backend", "server.db.corrupt-"),
        ("client", "core.sqlite.corrupt-"),
    ] {
        let kept: Vec<Vec<u8>> = std::fs::read_dir(dir.path().join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
            .map(|p| std::fs::read(p).unwrap())
            .collect();
        assert_eq!(kept, vec![vec![0x5a; 9000]], "{folder}");
    }
    app.state::<EmbeddedBackend>().stop_blocking();
}
