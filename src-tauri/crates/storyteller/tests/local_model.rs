//! The writer on a family's local model (Ollama, llama.cpp's server) against a fake server on
//! loopback speaking their OpenAI-compatible wire format: `GET /v1/models`, `POST
//! /v1/chat/completions` with `response_format: json_schema` (and a server that refuses the
//! schema), a good story, a malformed answer, an unsafe one and a server that is not there —
//! each unusable answer replaced by the built-in writer's story with a note.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use infinite_stories_storyteller::openai::{
    LocalModelWriter, SwitchableWriter, is_loopback, probe,
};
use infinite_stories_storyteller::safety::OfflineSafety;
use infinite_stories_storyteller::{
    BuiltInEvent, EventSpec, HeroDraft, Language, OpenAiConfig, SafetyVerdict, StoryBrief,
    StoryWriter, Trait, Voice,
};
use serde_json::{Value, json};

#[derive(Clone, Default)]
struct Fake {
    replies: Arc<Mutex<VecDeque<(u16, Value)>>>,
    seen: Arc<Mutex<Vec<(HeaderMap, Value)>>>,
}

async fn chat(State(fake): State<Fake>, headers: HeaderMap, body: Bytes) -> Response {
    let json: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    fake.seen.lock().unwrap().push((headers, json));
    let (status, body) = fake
        .replies
        .lock()
        .unwrap()
        .pop_front()
        .expect("the test queued a reply");
    (StatusCode::from_u16(status).unwrap(), axum::Json(body)).into_response()
}

/// Ollama's `/v1/models`: its models with their tags.
async fn models() -> axum::Json<Value> {
    axum::Json(json!({"object": "list", "data": [
        {"id": "llama3.1:latest", "object": "model", "created": 1_730_000_000, "owned_by": "library"},
        {"id": "qwen2.5:7b", "object": "model", "created": 1_730_000_000, "owned_by": "library"}
    ]}))
}

async fn local_server(replies: Vec<(u16, Value)>) -> (String, Fake) {
    let fake = Fake {
        replies: Arc::new(Mutex::new(replies.into())),
        ..Fake::default()
    };
    let app = axum::Router::new()
        .route("/v1/models", get(models))
        .route("/v1/chat/completions", post(chat))
        .with_state(fake.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}/v1"), fake)
}

fn config(base_url: String, model: &str) -> OpenAiConfig {
    OpenAiConfig {
        base_url,
        api_key: None,
        chat_model: model.into(),
        speech_model: String::new(),
        image_model: String::new(),
        timeout: Duration::from_secs(5),
    }
}

/// A chat completion whose message is `content` (a JSON text, or anything for a bad model).
fn completion(content: &str) -> (u16, Value) {
    (
        200,
        json!({
            "id": "chatcmpl-7", "object": "chat.completion", "created": 1_730_000_000, "model": "llama3.1",
            "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
            "usage": {"prompt_tokens": 300, "completion_tokens": 200, "total_tokens": 500}
        }),
    )
}

fn story(content: &str, segments: [&str; 3]) -> String {
    json!({"title": "Luna and the Sleepy Moon", "content": content, "scenes": [
        {"textSegment": segments[0], "illustrationPrompt": "Luna and Pip the fox under the moon", "emotion": "peaceful", "importance": "key"},
        {"textSegment": segments[1], "illustrationPrompt": "Luna and Pip help a small owl", "emotion": "heartwarming", "importance": "major"},
        {"textSegment": segments[2], "illustrationPrompt": "Luna asleep, Pip curled up", "emotion": "peaceful", "importance": "minor"}
    ]})
    .to_string()
}

const GOOD: &str = "Luna walked with Pip the fox under a silver moon.\n\nA small owl had lost its way, \
and Luna kindly showed it the path home.\n\nThen Luna yawned, Pip curled up, and they fell asleep.";

const UNSAFE: &str = "Luna walked with Pip the fox under a silver moon.\n\nA monster with a knife \
wanted to kill the owl, and there was blood everywhere.\n\nThen Luna yawned and fell asleep.";

fn brief() -> StoryBrief {
    StoryBrief::new(
        HeroDraft::new("Luna", Trait::Brave, Trait::Kind),
        EventSpec::BuiltIn(BuiltInEvent::BedtimeAdventure),
        300,
        Language::En,
        Voice::Coral,
        3,
    )
}

#[tokio::test]
async fn the_local_model_is_found_and_writes_the_story_in_the_contracts_structure() {
    let good = story(
        GOOD,
        [
            "Luna walked with Pip the fox under a silver moon.",
            "A small owl had lost its way",
            "Then Luna yawned, Pip curled up, and they fell asleep.",
        ],
    );
    let (url, fake) = local_server(vec![completion(&good)]).await;
    assert!(is_loopback(&url));

    let found = probe(&config(url.clone(), "llama3.1")).await.unwrap();
    assert_eq!(found.models, ["llama3.1:latest", "qwen2.5:7b"]);
    assert!(found.model_found, "Ollama's :latest tag is the same model");
    assert!(
        !probe(&config(url.clone(), "mistral"))
            .await
            .unwrap()
            .model_found
    );

    let writer = LocalModelWriter::new(config(url, "llama3.1")).unwrap();
    let draft = writer.write(&brief()).await.unwrap();
    assert_eq!(draft.title, "Luna and the Sleepy Moon");
    assert_eq!(draft.content, GOOD);
    assert_eq!(draft.scenes.len(), 3);
    assert_eq!(draft.note, None, "the model's own story, no note");

    let seen = fake.seen.lock().unwrap();
    let (headers, body) = &seen[0];
    assert!(headers.get("authorization").is_none(), "no key on loopback");
    assert_eq!(body["model"], "llama3.1");
    let format = &body["response_format"];
    assert_eq!(format["type"], "json_schema");
    assert_eq!(format["json_schema"]["strict"], true);
    let schema = &format["json_schema"]["schema"];
    assert_eq!(schema["required"], json!(["title", "content", "scenes"]));
    assert_eq!(schema["properties"]["scenes"]["minItems"], 3);
    assert_eq!(
        schema["properties"]["scenes"]["items"]["properties"]["importance"]["enum"],
        json!(["key", "major", "minor"])
    );
    assert!(
        body["messages"][1]["content"]
            .as_str()
            .unwrap()
            .contains("Luna"),
        "the brief reaches the model"
    );
}

#[tokio::test]
async fn a_malformed_answer_is_repaired_once_then_the_built_in_writer_takes_over() {
    let (url, fake) = local_server(vec![
        completion("Once upon a time, Luna… (I forgot the JSON)"),
        completion("{\"title\": \"Luna\", \"content\": \"Luna slept.\", \"scenes\": [{\"textSegment\": \"nowhere\"}"),
    ])
    .await;
    let writer = LocalModelWriter::new(config(url, "llama3.1")).unwrap();
    let draft = writer.write(&brief()).await.unwrap();
    let note = draft.note.as_deref().expect("a note says what happened");
    assert!(
        note.contains("local model") && note.contains("built-in writer"),
        "{note}"
    );
    assert!(note.contains("invalid"), "says why: {note}");
    assert!(
        draft.content.contains("Luna") && draft.word_count > 300,
        "the offline story"
    );
    let seen = fake.seen.lock().unwrap();
    assert_eq!(seen.len(), 2, "one answer and one repair round");
    assert!(
        seen[1].1["messages"][3]["content"]
            .as_str()
            .unwrap()
            .contains("problems"),
        "the repair says what was wrong"
    );
}

#[tokio::test]
async fn an_unsafe_story_never_reaches_the_family() {
    assert!(
        matches!(
            OfflineSafety::new().check_text(UNSAFE, Language::En),
            SafetyVerdict::Refused { .. } | SafetyVerdict::Rewritten { .. }
        ),
        "the filter objects to this text on its own"
    );
    let bad = story(
        UNSAFE,
        [
            "Luna walked with Pip the fox under a silver moon.",
            "A monster with a knife",
            "Then Luna yawned and fell asleep.",
        ],
    );
    let (url, _fake) = local_server(vec![completion(&bad)]).await;
    let writer = LocalModelWriter::new(config(url, "llama3.1")).unwrap();
    let draft = writer.write(&brief()).await.unwrap();
    assert!(!draft.content.contains("knife") && !draft.content.contains("blood"));
    let note = draft.note.unwrap();
    assert!(note.contains("safety filter"), "{note}");
}

#[tokio::test]
async fn a_server_without_json_schema_is_asked_for_a_json_object_instead() {
    let good = story(
        GOOD,
        [
            "Luna walked with Pip the fox under a silver moon.",
            "A small owl had lost its way",
            "Then Luna yawned, Pip curled up, and they fell asleep.",
        ],
    );
    let (url, fake) = local_server(vec![
        (
            400,
            json!({"error": {"message": "response_format json_schema is not supported", "type": "invalid_request_error"}}),
        ),
        completion(&good),
        completion(&good),
    ])
    .await;
    let writer = LocalModelWriter::new(config(url, "llama3.1")).unwrap();
    assert_eq!(writer.write(&brief()).await.unwrap().note, None);
    assert_eq!(writer.write(&brief()).await.unwrap().note, None);
    let seen = fake.seen.lock().unwrap();
    let formats: Vec<&Value> = seen
        .iter()
        .map(|(_, b)| &b["response_format"]["type"])
        .collect();
    assert_eq!(
        formats,
        [
            &json!("json_schema"),
            &json!("json_object"),
            &json!("json_object")
        ]
    );
}

#[tokio::test]
async fn no_server_at_the_address_is_said_by_the_probe_and_the_story_is_still_told() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let url = format!("http://127.0.0.1:{port}/v1");
    let err = probe(&config(url.clone(), "llama3.1")).await.unwrap_err();
    assert!(err.to_string().contains("cannot reach"), "{err}");
    let switch = SwitchableWriter::new();
    switch.set(Arc::new(
        LocalModelWriter::new(config(url, "llama3.1")).unwrap(),
    ));
    let draft = switch.write(&brief()).await.unwrap();
    assert!(draft.note.unwrap().contains("cannot reach"));
    assert!(
        LocalModelWriter::new(config("http://127.0.0.1:1/v1".into(), " ")).is_err(),
        "a model needs a name"
    );
}
