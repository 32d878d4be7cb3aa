//! Settings → Advanced through the mock runtime: the story mode saved in settings.json without
//! the provider's key (which goes to the keyring only and is never answered back), the rollout
//! deciding this family's mode, "Forget key", "Erase all data" deleting the key too, and
//! `generate_story` following the choice: refused with what to add when the provider has no key,
//! and made by the provider when it is one on this computer (a fake OpenAI-compatible server on
//! loopback), landing in the library like any story.

use std::sync::Arc;

use axum::Json;
use axum::routing::post;
use infinite_stories::EmbeddedBackend;
use infinite_stories::story_mode::PROVIDER_KEY;
use infinite_stories_contract::rollout::bucket;
use infinite_stories_core::Core;
use infinite_stories_core::secrets::{ExposeSecret, MemoryStore, SecretStore};
use serde_json::{Value, json};
use tauri::Manager;
use tauri::async_runtime::block_on;

mod support;

use support::{app_with, invoke};

fn settings(choice: &str, percent: u8, base_url: &str) -> Value {
    json!({"choice": choice, "rolloutPercent": percent, "baseUrl": base_url,
        "chatModel": "gpt-4o-mini", "speechModel": "gpt-4o-mini-tts", "imageModel": "gpt-image-1"})
}

fn start(app: &tauri::App<tauri::test::MockRuntime>) {
    let core = app.state::<Core>().inner().clone();
    block_on(infinite_stories::connect_remembered(app.handle(), &core));
}

#[test]
fn the_mode_is_saved_without_the_key_and_the_key_can_be_forgotten() {
    let dir = tempfile::tempdir().unwrap();
    let secrets: Arc<MemoryStore> = Arc::new(MemoryStore::new());
    let (app, window) = app_with(dir.path(), secrets.clone());
    start(&app);
    let user = invoke(&window, "sign_in_anonymously", json!({})).unwrap()["userId"]
        .as_str()
        .unwrap()
        .to_owned();

    let first = invoke(&window, "story_mode", json!({})).unwrap();
    assert_eq!(first["settings"]["choice"], "automatic");
    assert_eq!(first["settings"]["rolloutPercent"], 100);
    assert_eq!(
        first["mode"], "backend",
        "everyone on the backend by default"
    );
    assert_eq!(first["hasKey"], false);
    assert_eq!(first["bucket"], bucket(&user));

    let saved = invoke(
        &window,
        "save_story_mode",
        json!({"settings": settings("direct", 40, "https://api.example.com/v1/"), "apiKey": " sk-secret-123 "}),
    )
    .unwrap();
    assert_eq!(saved["hasKey"], true);
    assert_eq!(saved["mode"], "direct");
    assert_eq!(saved["settings"]["baseUrl"], "https://api.example.com/v1");
    assert!(!saved.to_string().contains("sk-secret"), "{saved}");
    assert_eq!(
        secrets.get(PROVIDER_KEY).unwrap().unwrap().expose_secret(),
        "sk-secret-123"
    );
    let file = std::fs::read_to_string(dir.path().join("settings.json")).unwrap();
    assert!(
        file.contains("storyMode") && file.contains("api.example.com"),
        "{file}"
    );
    assert!(
        !file.contains("sk-secret"),
        "the key is not in settings.json: {file}"
    );

    // Saving again without a key keeps the stored one.
    let again = invoke(
        &window,
        "save_story_mode",
        json!({"settings": settings("automatic", 0, "https://api.example.com/v1"), "apiKey": null}),
    )
    .unwrap();
    assert_eq!(again["hasKey"], true);
    assert_eq!(
        again["mode"], "direct",
        "0 % on the backend: this family goes direct"
    );

    // Plain http to another computer would send the key unencrypted.
    let refused = invoke(
        &window,
        "save_story_mode",
        json!({"settings": settings("direct", 100, "http://192.168.1.5/v1"), "apiKey": null}),
    )
    .unwrap_err();
    assert_eq!(refused["code"], "VALIDATION");
    assert!(refused["message"].as_str().unwrap().contains("https"));

    let forgotten = invoke(&window, "forget_provider_key", json!({})).unwrap();
    assert_eq!(forgotten["hasKey"], false);
    assert_eq!(
        forgotten["mode"], "backend",
        "automatic without a key: the story server"
    );
    assert!(secrets.get(PROVIDER_KEY).unwrap().is_none());

    // Direct chosen explicitly without a key: the story is refused, saying what to add.
    invoke(
        &window,
        "save_story_mode",
        json!({"settings": settings("direct", 100, "https://api.example.com/v1"), "apiKey": null}),
    )
    .unwrap();
    let hero = invoke(
        &window,
        "create_hero",
        json!({"hero": {"name": "Ada", "primaryTrait": "smart", "secondaryTrait": "kind"}}),
    )
    .unwrap();
    let request = json!({"request": {"story": {"heroId": hero["id"], "event": {"type": "built_in", "data": {"event": "birthday"}},
        "targetDuration": 60, "language": "en", "voice": "coral"}, "narration": false, "illustrations": false}});
    let no_key = invoke(&window, "generate_story", request).unwrap_err();
    assert_eq!(no_key["code"], "VALIDATION", "{no_key}");
    assert!(
        no_key["message"]
            .as_str()
            .unwrap()
            .contains("Settings → Advanced")
    );

    // "Erase all data" deletes the key as well.
    invoke(
        &window,
        "save_story_mode",
        json!({"settings": settings("direct", 100, "https://api.example.com/v1"), "apiKey": "sk-again"}),
    )
    .unwrap();
    invoke(&window, "erase_all_data", json!({})).unwrap();
    assert!(secrets.get(PROVIDER_KEY).unwrap().is_none());
    let after = invoke(&window, "story_mode", json!({})).unwrap();
    assert_eq!(after["settings"]["choice"], "automatic");
    assert_eq!(after["hasKey"], false);
    app.state::<EmbeddedBackend>().stop_blocking();
}

/// A provider on this computer that answers one story (no narration or pictures asked).
async fn fake_provider() -> String {
    let content = "Ada found a map.\n\nOwl came along.\n\nThey found the cake.\n\nThen they slept.";
    let story = json!({"title": "Ada's Map", "content": content, "scenes": [
        {"textSegment": "Ada found a map.", "illustrationPrompt": "Ada with a map", "emotion": "joyful", "importance": "key"},
        {"textSegment": "They found the cake.", "illustrationPrompt": "a cake", "emotion": "joyful", "importance": "major"},
        {"textSegment": "Then they slept.", "illustrationPrompt": "asleep", "emotion": "peaceful", "importance": "minor"}
    ]});
    let app = axum::Router::new().route(
        "/v1/chat/completions",
        post(move || {
            let story = story.clone();
            async move {
                Json(
                    json!({"id": "c", "object": "chat.completion", "created": 1, "model": "m",
                "choices": [{"index": 0, "finish_reason": "stop",
                    "message": {"role": "assistant", "content": story.to_string()}}]}),
                )
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}/v1")
}

#[test]
fn generate_story_uses_the_provider_when_direct_is_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let secrets: Arc<MemoryStore> = Arc::new(MemoryStore::new());
    let (app, window) = app_with(dir.path(), secrets);
    start(&app);
    invoke(&window, "sign_in_anonymously", json!({})).unwrap();
    let url = tauri::async_runtime::block_on(fake_provider());
    let saved = invoke(
        &window,
        "save_story_mode",
        json!({"settings": settings("direct", 100, &url), "apiKey": null}),
    )
    .unwrap();
    assert_eq!(
        saved["mode"], "direct",
        "a provider on this computer needs no key"
    );
    let hero = invoke(
        &window,
        "create_hero",
        json!({"hero": {"name": "Ada", "primaryTrait": "smart", "secondaryTrait": "kind"}}),
    )
    .unwrap();
    let request = json!({"request": {"story": {"heroId": hero["id"], "event": {"type": "built_in", "data": {"event": "birthday"}},
        "targetDuration": 60, "language": "en", "voice": "coral"}, "narration": false, "illustrations": false}});
    let story = invoke(&window, "generate_story", request).unwrap();
    assert_eq!(story["summary"]["title"], "Ada's Map", "{story}");
    assert_eq!(story["scenes"].as_array().unwrap().len(), 3);
    let listed = invoke(&window, "list_stories", json!({})).unwrap();
    assert_eq!(listed[0]["title"], "Ada's Map");
    app.state::<EmbeddedBackend>().stop_blocking();
}
