//! Direct-provider mode against a local fake of an OpenAI-compatible provider (chat
//! completions, `/audio/speech`, `/images/generations`, in OpenAI's documented formats and
//! error shapes) and the real embedded backend: the story the app makes itself lands in the
//! same rows and storage objects, with the same columns and paths, as one made by the backend's
//! functions, reaches another device through sync, and a provider's refusal or failure is an
//! error that names the provider and leaves nothing behind.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use base64::Engine;
use infinite_stories_core::contract::IllustrationStatus;
use infinite_stories_core::stories::flow::direct::DirectProviders;
use infinite_stories_core::{ApiClient, CoreError, ErrorCode, GenerateRequest};
use infinite_stories_storyteller::OpenAiConfig;
use infinite_stories_storyteller::openai::mp3;
use serde_json::{Value, json};

use crate::pipeline::{hero, story_request};
use crate::support::{core_with, env};

/// A 1×1 PNG.
const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

const CONTENT: &str = "Luna found a lantern in the garden.\n\nPip the fox came too, and they walked \
to the pond.\n\nThey helped a little bird find its nest.\n\nThen they went home and slept.";

#[derive(Clone, Default)]
struct Fake {
    /// `(status, body)` the chat endpoint answers instead of a story.
    chat_failure: Arc<Mutex<Option<(u16, Value)>>>,
    /// Every request: path, authorization header, body.
    seen: Arc<Mutex<Vec<(String, String, Value)>>>,
}

fn record(fake: &Fake, path: &str, headers: &HeaderMap, body: &Bytes) {
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let json = serde_json::from_slice(body).unwrap_or(Value::Null);
    fake.seen.lock().unwrap().push((path.into(), auth, json));
}

async fn chat(State(fake): State<Fake>, headers: HeaderMap, body: Bytes) -> Response {
    record(&fake, "chat/completions", &headers, &body);
    if let Some((status, body)) = fake.chat_failure.lock().unwrap().clone() {
        return (StatusCode::from_u16(status).unwrap(), axum::Json(body)).into_response();
    }
    let story = json!({"title": "Luna's Lantern", "content": CONTENT, "scenes": [
        {"textSegment": "Luna found a lantern in the garden.", "illustrationPrompt": "Luna with a lantern", "emotion": "peaceful", "importance": "key"},
        {"textSegment": "They helped a little bird find its nest.", "illustrationPrompt": "Luna and Pip help a bird", "emotion": "heartwarming", "importance": "major"},
        {"textSegment": "Then they went home and slept.", "illustrationPrompt": "Luna asleep", "emotion": "peaceful", "importance": "minor"}
    ]});
    axum::Json(json!({
        "id": "chatcmpl-1", "object": "chat.completion", "created": 1_700_000_000, "model": "gpt-4o-mini",
        "choices": [{"index": 0, "finish_reason": "stop",
            "message": {"role": "assistant", "content": story.to_string()}}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20}
    }))
    .into_response()
}

async fn speech(State(fake): State<Fake>, headers: HeaderMap, body: Bytes) -> Response {
    record(&fake, "audio/speech", &headers, &body);
    ([("content-type", "audio/mpeg")], mp3::test_stream(120)).into_response()
}

async fn images(State(fake): State<Fake>, headers: HeaderMap, body: Bytes) -> Response {
    record(&fake, "images/generations", &headers, &body);
    axum::Json(json!({"created": 1_700_000_000, "data": [{"b64_json": PNG}]})).into_response()
}

async fn provider() -> (String, Fake) {
    let fake = Fake::default();
    let app = axum::Router::new()
        .route("/v1/chat/completions", post(chat))
        .route("/v1/audio/speech", post(speech))
        .route("/v1/images/generations", post(images))
        .with_state(fake.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}/v1"), fake)
}

fn providers(base_url: &str) -> DirectProviders {
    DirectProviders::openai(OpenAiConfig {
        base_url: base_url.into(),
        api_key: Some("sk-direct-test".into()),
        chat_model: "gpt-4o-mini".into(),
        speech_model: "gpt-4o-mini-tts".into(),
        image_model: "gpt-image-1".into(),
        timeout: Duration::from_secs(30),
    })
    .unwrap()
}

fn request(hero: &str, id: &str) -> GenerateRequest {
    GenerateRequest {
        request_id: Some(id.into()),
        story: story_request(hero),
        narration: true,
        illustrations: true,
    }
}

async fn rows(api: &ApiClient, table: &str, query: &str) -> Vec<Value> {
    api.select::<Value>(table, query).await.unwrap()
}

fn columns(row: &Value) -> BTreeSet<String> {
    row.as_object().unwrap().keys().cloned().collect()
}

#[tokio::test]
async fn a_direct_story_is_recorded_like_a_backend_story_and_reaches_another_device() {
    let env = env().await;
    let hero = hero(&env).await;
    let user = env.core.session().unwrap().user_id;
    let api = env.core.api().unwrap();
    let (url, fake) = provider().await;

    let backend = env
        .core
        .generate_story(request(&hero, "backend-1"))
        .await
        .unwrap();
    let direct = env
        .core
        .generate_story_direct(request(&hero, "direct-1"), providers(&url))
        .await
        .unwrap();
    let id = &direct.summary.id;

    // The provider was asked for the story, the narration (in chunks) and three pictures, with
    // the key.
    let speeches = {
        let seen = fake.seen.lock().unwrap();
        let paths: Vec<&str> = seen.iter().map(|(p, _, _)| p.as_str()).collect();
        assert_eq!(
            paths.iter().filter(|p| **p == "chat/completions").count(),
            1
        );
        assert_eq!(
            paths.iter().filter(|p| **p == "images/generations").count(),
            3
        );
        assert!(
            seen.iter()
                .all(|(_, auth, _)| auth == "Bearer sk-direct-test")
        );
        assert_eq!(seen[0].2["model"], "gpt-4o-mini");
        paths.iter().filter(|p| **p == "audio/speech").count()
    };
    assert!(speeches >= 1);

    // The library: the same as a backend story, offline ready.
    assert_eq!(direct.summary.title, "Luna's Lantern");
    assert!(direct.summary.offline_ready, "{direct:?}");
    assert_eq!(direct.scenes.len(), 3);
    assert_eq!(direct.illustrations.len(), 3);
    assert!(
        direct
            .illustrations
            .iter()
            .all(|i| i.status == IllustrationStatus::Completed)
    );
    let audio = env
        .core
        .media(direct.narration_key.as_deref().unwrap())
        .await
        .unwrap()
        .unwrap();
    let spoken = mp3::test_stream(120).repeat(speeches);
    assert!(
        audio.as_ref() == spoken.as_slice(),
        "the provider's audio, {} bytes",
        audio.len()
    );
    assert!(direct.narration_seconds.unwrap() > 0.0);

    // The backend's rows: the same columns as the functions write, the same paths.
    let b_story = &rows(&api, "stories", &format!("id=eq.{}", backend.summary.id)).await[0];
    let d_story = &rows(&api, "stories", &format!("id=eq.{id}")).await[0];
    assert_eq!(columns(b_story), columns(d_story));
    for column in [
        "user_id",
        "hero_id",
        "event_type",
        "event_id",
        "language",
        "voice",
    ] {
        assert_eq!(b_story[column], d_story[column], "{column}");
    }
    assert_eq!(d_story["audio_path"], format!("{user}/{id}/narration.mp3"));
    assert_eq!(
        b_story["audio_path"],
        format!("{user}/{}/narration.ogg", backend.summary.id)
    );
    assert_eq!(d_story["audio_voice"], "coral");
    assert!(
        d_story["audio_url"]
            .as_str()
            .unwrap()
            .contains("/storage/v1/object/sign/story-audio/")
    );
    assert!(d_story["word_count"].as_u64().unwrap() > 20);

    let b_scenes = rows(
        &api,
        "story_scenes",
        &format!("story_id=eq.{}", backend.summary.id),
    )
    .await;
    let d_scenes = rows(
        &api,
        "story_scenes",
        &format!("story_id=eq.{id}&order=scene_number"),
    )
    .await;
    assert_eq!(d_scenes.len(), 3);
    assert_eq!(columns(&b_scenes[0]), columns(&d_scenes[0]));
    assert_eq!(
        d_scenes[1]["text_segment"],
        "They helped a little bird find its nest."
    );

    let b_pics = rows(
        &api,
        "story_illustrations",
        &format!("story_id=eq.{}", backend.summary.id),
    )
    .await;
    let d_pics = rows(
        &api,
        "story_illustrations",
        &format!("story_id=eq.{id}&order=scene_number"),
    )
    .await;
    assert_eq!(d_pics.len(), 3);
    assert_eq!(columns(&b_pics[0]), columns(&d_pics[0]));
    let png = base64::engine::general_purpose::STANDARD
        .decode(PNG)
        .unwrap();
    for (i, pic) in d_pics.iter().enumerate() {
        assert_eq!(pic["status"], "completed");
        let path = format!("{user}/{id}/scene_{}.png", i + 1);
        assert_eq!(pic["image_path"], path);
        let stored = api
            .download(&format!("story-illustrations/{path}"))
            .await
            .unwrap();
        assert!(
            stored.as_ref() == png.as_slice(),
            "the stored picture is the provider's"
        );
        let signed = api
            .download(pic["image_url"].as_str().unwrap())
            .await
            .unwrap();
        assert!(
            signed.as_ref() == png.as_slice(),
            "the row's signed link works"
        );
    }
    let stored = api
        .download(&format!("story-audio/{user}/{id}/narration.mp3"))
        .await
        .unwrap();
    assert!(
        stored.as_ref() == audio.as_ref(),
        "the stored narration is the provider's"
    );

    // Another device of the family (same account, its own library) sees the story whole.
    let other = core_with(
        &env.server,
        env.secrets.clone(),
        env.clock.clone(),
        env.sleeper.clone(),
        Some(env._dir.path().join("other-device")),
    )
    .await;
    other.ensure_session().await.unwrap();
    other.sync_library().await.unwrap();
    let there = other.story(id).await.unwrap();
    assert_eq!(there.summary.title, direct.summary.title);
    assert_eq!(there.scenes, direct.scenes);
    assert_eq!(there.illustrations.len(), 3);
    assert!(
        there
            .illustrations
            .iter()
            .all(|i| i.status == IllustrationStatus::Completed)
    );
}

#[tokio::test]
async fn a_provider_refusal_or_failure_names_the_provider_and_leaves_nothing_behind() {
    let env = env().await;
    let hero = hero(&env).await;
    let api = env.core.api().unwrap();
    let (url, fake) = provider().await;
    let host = url
        .trim_start_matches("http://")
        .trim_end_matches("/v1")
        .to_owned();

    // OpenAI's content-policy refusal: the family is asked to change the idea.
    *fake.chat_failure.lock().unwrap() = Some((
        400,
        json!({"error": {"message": "Your request was rejected by the safety system.",
            "type": "invalid_request_error", "code": "content_policy_violation"}}),
    ));
    let refused = env
        .core
        .generate_story_direct(request(&hero, "refused-1"), providers(&url))
        .await
        .unwrap_err();
    assert!(
        matches!(refused, CoreError::ContentPolicy(_)),
        "{refused:?}"
    );
    assert_eq!(refused.code(), ErrorCode::ContentPolicy);

    // A key the provider does not accept: an error naming the provider, not the story server.
    *fake.chat_failure.lock().unwrap() = Some((
        401,
        json!({"error": {"message": "Incorrect API key provided: sk-dir***test.",
            "type": "invalid_request_error", "code": "invalid_api_key"}}),
    ));
    let failed = env
        .core
        .generate_story_direct(request(&hero, "refused-2"), providers(&url))
        .await
        .unwrap_err();
    assert_eq!(failed.code(), ErrorCode::Provider, "{failed:?}");
    assert!(!failed.is_retryable());
    let message = failed.to_string();
    assert!(message.contains(&host), "{message}");
    assert!(message.contains("key was refused"), "{message}");
    assert!(message.contains("Settings → Advanced"), "{message}");
    assert!(!message.contains("story server had"), "{message}");
    assert!(!message.contains("sk-direct-test"), "{message}");

    // A provider that is down: retryable, still named.
    *fake.chat_failure.lock().unwrap() = Some((503, json!({"error": {"message": "overloaded"}})));
    let down = env
        .core
        .generate_story_direct(request(&hero, "refused-3"), providers(&url))
        .await
        .unwrap_err();
    assert_eq!(down.code(), ErrorCode::Provider);
    assert!(
        down.is_retryable() && down.to_string().contains(&host),
        "{down}"
    );

    // Nothing was written: no story on the backend, none in the library.
    assert!(rows(&api, "stories", "select=id").await.is_empty());
    assert!(env.core.stories().await.unwrap().is_empty());
}
