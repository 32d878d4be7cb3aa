//! The OpenAI-compatible providers against a local fake server that answers in OpenAI's
//! documented formats (chat completions, audio/speech, images/generations) and its error
//! shapes (429 + Retry-After, content-policy 400, 5xx, a server that never answers).

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use base64::Engine;
use infinite_stories_storyteller::openai::{
    OpenAiClient, OpenAiIllustrator, OpenAiNarrator, OpenAiWriter, mp3,
};
use infinite_stories_storyteller::{
    AvatarRequest, AvatarStyle, BuiltInEvent, EventSpec, HeroDraft, Illustrator, ImageSize,
    Language, NarrationRequest, Narrator, OpenAiConfig, ProviderKind, Providers, ProvidersConfig,
    SceneExtractor, SceneRequest, StoryBrief, StoryWriter, Trait, Voice,
};
use serde_json::{Value, json};

#[derive(Clone)]
enum Reply {
    Json(u16, Value, Option<&'static str>),
    Bytes(Vec<u8>),
    Hang,
}

#[derive(Clone, Default)]
struct Fake {
    replies: Arc<Mutex<VecDeque<Reply>>>,
    seen: Arc<Mutex<Vec<(HeaderMap, Value)>>>,
}

async fn answer(State(fake): State<Fake>, headers: HeaderMap, body: Bytes) -> Response {
    let json: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    fake.seen.lock().unwrap().push((headers, json));
    let reply = fake
        .replies
        .lock()
        .unwrap()
        .pop_front()
        .expect("the test queued a reply");
    match reply {
        Reply::Json(status, body, retry_after) => {
            let mut response =
                (StatusCode::from_u16(status).unwrap(), axum::Json(body)).into_response();
            if let Some(value) = retry_after {
                response
                    .headers_mut()
                    .insert("retry-after", HeaderValue::from_static(value));
            }
            response
        }
        Reply::Bytes(bytes) => ([("content-type", "audio/mpeg")], bytes).into_response(),
        Reply::Hang => std::future::pending().await,
    }
}

async fn fake_server(replies: Vec<Reply>) -> (String, Fake) {
    let fake = Fake {
        replies: Arc::new(Mutex::new(replies.into())),
        ..Fake::default()
    };
    let app = axum::Router::new()
        .route("/v1/chat/completions", post(answer))
        .route("/v1/audio/speech", post(answer))
        .route("/v1/images/generations", post(answer))
        .with_state(fake.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}/v1"), fake)
}

fn config(base_url: String) -> OpenAiConfig {
    OpenAiConfig {
        base_url,
        api_key: Some("sk-test".into()),
        chat_model: "gpt-4o-mini".into(),
        speech_model: "gpt-4o-mini-tts".into(),
        image_model: "gpt-image-1".into(),
        timeout: Duration::from_millis(500),
    }
}

fn chat(content: &Value) -> Reply {
    Reply::Json(
        200,
        json!({
            "id": "chatcmpl-1", "object": "chat.completion", "created": 1_700_000_000, "model": "gpt-4o-mini",
            "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content.to_string()}}],
            "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20}
        }),
        None,
    )
}

const CONTENT: &str =
    "Luna found a lantern.\n\nPip the fox came too.\n\nThey helped a bird.\n\nThen they slept.";

fn good_story() -> Value {
    json!({"title": "Luna's Lantern", "content": CONTENT, "scenes": [
        {"textSegment": "Luna found a lantern.", "illustrationPrompt": "Luna with a lantern", "emotion": "peaceful", "importance": "key"},
        {"textSegment": "They helped a bird.", "illustrationPrompt": "Luna and Pip help a bird", "emotion": "heartwarming", "importance": "major"},
        {"textSegment": "Then they slept.", "illustrationPrompt": "Luna asleep", "emotion": "peaceful", "importance": "minor"}
    ]})
}

fn request() -> StoryBrief {
    StoryBrief::new(
        HeroDraft::new("Luna", Trait::Brave, Trait::Kind),
        EventSpec::BuiltIn(BuiltInEvent::BedtimeAdventure),
        300,
        Language::Fr,
        Voice::Coral,
        1,
    )
}

#[tokio::test]
async fn writer_sends_an_openai_chat_request_and_validates_the_story() {
    let (url, fake) = fake_server(vec![chat(&good_story())]).await;
    let writer = OpenAiWriter::new(OpenAiClient::new(config(url)).unwrap());
    let draft = writer.write(&request()).await.unwrap();
    assert_eq!(draft.title, "Luna's Lantern");
    assert_eq!(draft.scenes.len(), 3);
    assert_eq!(draft.scenes[0].timestamp_seconds, 0.0);
    assert!(
        draft.scenes[1].timestamp_seconds > 0.0
            && draft.scenes[2].timestamp_seconds > draft.scenes[1].timestamp_seconds
    );
    let seen = fake.seen.lock().unwrap();
    let (headers, body) = &seen[0];
    assert_eq!(headers["authorization"], "Bearer sk-test");
    assert_eq!(body["model"], "gpt-4o-mini");
    assert_eq!(body["response_format"]["type"], "json_object");
    assert_eq!(body["messages"][0]["role"], "system");
    assert!(
        body["messages"][1]["content"]
            .as_str()
            .unwrap()
            .contains("French")
    );
}

#[tokio::test]
async fn an_invalid_answer_gets_one_repair_round() {
    let mut bad = good_story();
    bad["scenes"][1]["textSegment"] = json!("This sentence is not in the story.");
    let (url, fake) = fake_server(vec![chat(&bad), chat(&good_story())]).await;
    let writer = OpenAiWriter::new(OpenAiClient::new(config(url)).unwrap());
    let draft = writer.write(&request()).await.unwrap();
    assert_eq!(draft.scenes.len(), 3);
    let seen = fake.seen.lock().unwrap();
    assert_eq!(seen.len(), 2);
    let repair = seen[1].1["messages"].as_array().unwrap();
    assert_eq!(repair[2]["role"], "assistant");
    assert!(
        repair[3]["content"]
            .as_str()
            .unwrap()
            .contains("not an exact excerpt")
    );
}

#[tokio::test]
async fn a_second_invalid_answer_is_a_provider_error() {
    let (url, _) = fake_server(vec![
        chat(&json!({"title": "x"})),
        chat(&json!("still not a story")),
    ])
    .await;
    let writer = OpenAiWriter::new(OpenAiClient::new(config(url)).unwrap());
    let err = writer.write(&request()).await.unwrap_err();
    assert_eq!(err.code(), "PROVIDER_ERROR");
}

#[tokio::test]
async fn scene_extraction_times_scenes_by_position() {
    let scenes = json!({"scenes": good_story()["scenes"].clone()});
    let (url, _) = fake_server(vec![chat(&scenes)]).await;
    let writer = OpenAiWriter::new(OpenAiClient::new(config(url)).unwrap());
    let out = writer
        .extract(&SceneRequest {
            story_content: CONTENT.into(),
            story_duration: 60.0,
            hero_name: "Luna".into(),
            event_context: "bedtime".into(),
        })
        .await
        .unwrap();
    assert_eq!(out.len(), 3);
    assert!(out[2].timestamp_seconds > out[1].timestamp_seconds && out[2].timestamp_seconds < 60.0);
}

#[tokio::test]
async fn errors_map_to_the_contract_codes() {
    let policy = json!({"error": {"message": "Your request was rejected by our safety system.", "type": "invalid_request_error", "code": "content_policy_violation"}});
    let busy = json!({"error": {"message": "Rate limit reached", "type": "requests", "code": "rate_limit_exceeded"}});
    let down = json!({"error": {"message": "The server had an error", "type": "server_error"}});
    let (url, _) = fake_server(vec![
        Reply::Json(429, busy, Some("17")),
        Reply::Json(400, policy, None),
        Reply::Json(503, down, None),
        Reply::Hang,
    ])
    .await;
    let writer = OpenAiWriter::new(OpenAiClient::new(config(url)).unwrap());
    let limited = writer.write(&request()).await.unwrap_err();
    assert_eq!(
        (limited.code(), limited.retry_after(), limited.http_status()),
        ("RATE_LIMITED", Some(17), 429)
    );
    assert_eq!(
        writer.write(&request()).await.unwrap_err().code(),
        "CONTENT_POLICY_VIOLATION"
    );
    let down = writer.write(&request()).await.unwrap_err();
    assert_eq!((down.code(), down.http_status()), ("PROVIDER_ERROR", 502));
    assert_eq!(
        writer.write(&request()).await.unwrap_err().code(),
        "TIMEOUT"
    );
}

#[tokio::test]
async fn narrator_posts_speech_requests_and_measures_the_mp3() {
    let audio = mp3::test_stream(200);
    let (url, fake) = fake_server(vec![Reply::Bytes(audio.clone())]).await;
    let narrator = OpenAiNarrator::new(OpenAiClient::new(config(url)).unwrap());
    let out = narrator
        .narrate(&NarrationRequest {
            text: "Bonne nuit, petite étoile.".into(),
            voice: Voice::Fable,
            language: Language::Fr,
        })
        .await
        .unwrap();
    assert_eq!(out.bytes, audio);
    assert!((out.duration_seconds - 200.0 * 1152.0 / 44_100.0).abs() < 1e-6);
    let body = fake.seen.lock().unwrap()[0].1.clone();
    assert_eq!(
        (
            body["model"].as_str(),
            body["voice"].as_str(),
            body["response_format"].as_str()
        ),
        (Some("gpt-4o-mini-tts"), Some("fable"), Some("mp3"))
    );
    assert_eq!(body["input"], "Bonne nuit, petite étoile.");
}

#[tokio::test]
async fn illustrator_decodes_base64_png_and_maps_policy_errors() {
    // A PNG signature and IHDR for 1024 × 1024 (the provider reads the size from IHDR).
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend(1024u32.to_be_bytes());
    png.extend(1024u32.to_be_bytes());
    png.extend([8, 6, 0, 0, 0]);
    let b64 = base64::engine::general_purpose::STANDARD.encode(&png);
    let policy = json!({"error": {"message": "Your request was rejected as a result of our safety system.", "code": "moderation_blocked"}});
    let (url, fake) = fake_server(vec![
        Reply::Json(200, json!({"created": 1_700_000_000, "data": [{"b64_json": b64, "revised_prompt": "a gentle portrait"}]}), None),
        Reply::Json(400, policy, None),
    ])
    .await;
    let illustrator = OpenAiIllustrator::new(OpenAiClient::new(config(url)).unwrap());
    let avatar = AvatarRequest {
        hero: HeroDraft::new("Luna", Trait::Brave, Trait::Kind),
        prompt: "curly hair".into(),
        style: AvatarStyle::PictureBook,
        size: ImageSize::Square,
        previous_generation_id: None,
    };
    let out = illustrator.avatar(&avatar).await.unwrap();
    assert_eq!(
        (out.width, out.height, out.png.len()),
        (1024, 1024, png.len())
    );
    assert_eq!(out.revised_prompt.as_deref(), Some("a gentle portrait"));
    let body = fake.seen.lock().unwrap()[0].1.clone();
    assert_eq!(
        (body["model"].as_str(), body["size"].as_str()),
        (Some("gpt-image-1"), Some("1024x1024"))
    );
    assert!(body["prompt"].as_str().unwrap().contains("no text"));
    assert_eq!(
        illustrator.avatar(&avatar).await.unwrap_err().code(),
        "CONTENT_POLICY_VIOLATION"
    );
}

#[tokio::test]
async fn providers_from_config_pick_openai_only_where_asked() {
    let (url, _) = fake_server(vec![chat(&good_story())]).await;
    let cfg = ProvidersConfig {
        writer: ProviderKind::OpenAi,
        openai: Some(config(url)),
        ..ProvidersConfig::default()
    };
    let providers = Providers::from_config(&cfg).unwrap();
    assert_eq!(
        providers.writer.write(&request()).await.unwrap().title,
        "Luna's Lantern"
    );
    assert!(format!("{:?}", providers.narrator).contains("OfflineNarrator"));
    assert!(
        !format!("{cfg:?}").contains("sk-test"),
        "the key must not appear in Debug output"
    );
    let missing = ProvidersConfig {
        illustrator: ProviderKind::OpenAi,
        ..ProvidersConfig::default()
    };
    assert_eq!(
        Providers::from_config(&missing).unwrap_err().code(),
        "INVALID_REQUEST"
    );
}
