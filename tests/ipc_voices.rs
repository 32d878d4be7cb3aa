//! Settings → Voices and Settings → "Who writes the stories" through the mock runtime, against
//! real servers on loopback: a catalogue in Piper's `voices.json` format serving a small voice
//! (its config is the real `joe` voice's), a damaged one and a page that is not a catalogue;
//! a fake local model server speaking Ollama's OpenAI-compatible wire format. The download
//! flow's own cases (resume, disk full, cancel) are the storyteller's `tests/voices.rs`; here
//! are the commands, their events, their errors and what the rest of the app sees. With the
//! neural test assets (`tests/neural/fetch.sh`), the real `joe` voice is imported and speaks
//! its sample on the real ONNX Runtime.

use std::sync::{Arc, Mutex};

use axum::routing::get;
use infinite_stories_core::Core;
use infinite_stories_core::secrets::{ExposeSecret, MemoryStore, SecretStore};
use serde_json::{Value, json};
use tauri::async_runtime::block_on;
use tauri::{Listener, Manager};

mod support;

use support::{app_with, invoke};

const JOE_CONFIG: &str =
    include_str!("../src-tauri/crates/storyteller/tests/neural/en_US-joe-medium.onnx.json");

/// Serves `routes` (path → body) on loopback from its own runtime; returns `http://addr`.
fn serve(routes: Vec<(&'static str, Vec<u8>)>) -> (String, tokio::runtime::Runtime) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let mut router = axum::Router::new();
    for (path, body) in routes {
        router = router.route(path, get(move || async move { body.clone() }));
    }
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    rt.spawn(async move { axum::serve(listener, router).await.unwrap() });
    (format!("http://{addr}"), rt)
}

/// A model file as Piper exports it starts with the protobuf field `ir_version`.
fn tiny_model() -> Vec<u8> {
    let mut model = vec![0x08, 0x08, 0x12, 0x07];
    model.extend(std::iter::repeat_n(0x5a, 300_000));
    model
}

fn catalogue(model_len: usize) -> Value {
    let card = "# Model card for tiny (medium)\n\n* Language: en_US\n* License: CC0\n";
    json!({
        "en_US-tiny-medium": {"key": "en_US-tiny-medium", "name": "tiny",
            "language": {"code": "en_US", "family": "en"}, "quality": "medium", "num_speakers": 1,
            "files": {
                "en/tiny/en_US-tiny-medium.onnx": {"size_bytes": model_len, "md5_digest": null},
                "en/tiny/en_US-tiny-medium.onnx.json": {"size_bytes": JOE_CONFIG.len()},
                "en/tiny/MODEL_CARD": {"size_bytes": card.len()}}},
        "en_GB-damaged-low": {"language": {"code": "en_GB"}, "licence": "CC BY-NC 4.0",
            "files": {
                "en/damaged/en_GB-damaged-low.onnx": {"size_bytes": model_len, "md5_digest": "00000000000000000000000000000000"},
                "en/damaged/en_GB-damaged-low.onnx.json": {"size_bytes": JOE_CONFIG.len()}}},
        "zh_CN-other-medium": {"language": {"code": "zh_CN"},
            "files": {"zh/x.onnx": {"size_bytes": 1}, "zh/x.onnx.json": {"size_bytes": 1}}}
    })
}

#[test]
fn voices_are_listed_downloaded_checked_heard_and_removed_through_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    // The runtime: the real one when the neural assets are fetched, else a stand-in path (the
    // voice mapping only needs it to exist; a sample then fails and says so).
    let real_runtime = std::env::var("INFINITE_STORIES_TEST_ONNXRUNTIME").ok();
    let runtime = real_runtime.clone().unwrap_or_else(|| {
        let p = dir.path().join("libonnxruntime.so.1.32.0");
        std::fs::write(&p, b"not a library").unwrap();
        p.display().to_string()
    });
    // SAFETY: set before anything here reads it; the other test of this binary never reads it.
    unsafe { std::env::set_var("INFINITE_STORIES_ONNXRUNTIME", &runtime) };

    let model = tiny_model();
    let card = b"# Model card for tiny (medium)\n\n* Language: en_US\n* License: CC0\n".to_vec();
    let (base, _rt) = serve(vec![
        (
            "/piper/voices.json",
            catalogue(model.len()).to_string().into_bytes(),
        ),
        ("/piper/en/tiny/en_US-tiny-medium.onnx", model.clone()),
        (
            "/piper/en/tiny/en_US-tiny-medium.onnx.json",
            JOE_CONFIG.as_bytes().to_vec(),
        ),
        ("/piper/en/tiny/MODEL_CARD", card),
        ("/piper/en/damaged/en_GB-damaged-low.onnx", model.clone()),
        (
            "/piper/en/damaged/en_GB-damaged-low.onnx.json",
            JOE_CONFIG.as_bytes().to_vec(),
        ),
        ("/not-a-catalogue.json", b"<html>Welcome</html>".to_vec()),
    ]);
    let (app, window) = app_with(dir.path(), Arc::new(MemoryStore::new()));
    let progress: Arc<Mutex<Vec<Value>>> = Arc::default();
    let seen = progress.clone();
    app.listen_any("voices://progress", move |event| {
        seen.lock()
            .unwrap()
            .push(serde_json::from_str(event.payload()).unwrap());
    });

    // Nothing installed: every voice of every language is read by espeak-ng.
    let empty = invoke(&window, "voices", json!({})).unwrap();
    assert_eq!(empty["installed"], json!([]));
    assert_eq!(empty["supported"], cfg!(target_os = "linux"));
    assert_eq!(
        empty["narrators"].as_array().unwrap().len(),
        35,
        "7 voices × 5 languages"
    );
    assert!(
        empty["narrators"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["natural"].is_null())
    );
    assert_eq!(empty["catalogueUrl"], empty["defaultCatalogueUrl"]);
    assert!(
        empty["catalogueUrl"]
            .as_str()
            .unwrap()
            .contains("rhasspy/piper-voices")
    );

    // The catalogue's address: checked, then remembered.
    let bad = invoke(
        &window,
        "set_voice_catalogue",
        json!({"url": "ftp://voices"}),
    )
    .unwrap_err();
    assert_eq!(bad["code"], "VALIDATION");
    assert!(
        bad["message"].as_str().unwrap().contains("voices.json"),
        "{bad}"
    );
    invoke(
        &window,
        "set_voice_catalogue",
        json!({"url": format!("{base}/not-a-catalogue.json")}),
    )
    .unwrap();
    let not = invoke(&window, "voice_catalogue", json!({})).unwrap_err();
    assert_eq!(not["code"], "NETWORK");
    assert!(
        not["message"]
            .as_str()
            .unwrap()
            .contains("not a voice catalogue"),
        "{not}"
    );
    let url = format!("{base}/piper/voices.json");
    let set = invoke(&window, "set_voice_catalogue", json!({"url": url})).unwrap();
    assert_eq!(set["catalogueUrl"], url.as_str());

    let offered = invoke(&window, "voice_catalogue", json!({})).unwrap();
    let keys: Vec<&str> = offered["voices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["key"].as_str().unwrap())
        .collect();
    // App languages only; an unknown licence before a restricted one.
    assert_eq!(keys, ["en_US-tiny-medium", "en_GB-damaged-low"]);
    let damaged = &offered["voices"][1];
    assert_eq!(
        damaged["licence"],
        json!({"name": "CC BY-NC 4.0", "openness": "restricted"})
    );
    assert_eq!(
        offered["voices"][0]["licence"],
        Value::Null,
        "read from the card on download"
    );
    assert_eq!(offered["voices"][0]["installed"], false);

    // A download: progress events, then installed with the model card's licence.
    let installed = invoke(
        &window,
        "download_voice",
        json!({"key": "en_US-tiny-medium"}),
    )
    .unwrap();
    assert_eq!(installed["key"], "en_US-tiny-medium");
    assert_eq!(installed["language"], "en");
    assert_eq!(
        installed["licence"],
        json!({"name": "CC0", "openness": "open"})
    );
    let events = progress.lock().unwrap().clone();
    let last = events.last().expect("progress was reported");
    assert_eq!(last["item"], "en_US-tiny-medium");
    assert_eq!(last["downloaded"], last["total"]);
    assert_eq!(installed["sizeBytes"], last["total"]);
    assert!(dir.path().join("voices/en/en_US-tiny-medium.onnx").exists());

    // It now reads every English voice; the other languages stay with espeak-ng.
    let now = invoke(&window, "voices", json!({})).unwrap();
    for n in now["narrators"].as_array().unwrap() {
        let expected = if n["language"] == "en" && cfg!(target_os = "linux") {
            json!("en_US-tiny-medium")
        } else {
            Value::Null
        };
        assert_eq!(n["natural"], expected, "{n}");
    }
    assert_eq!(now["runtime"]["path"], runtime.as_str());
    let catalogue_now = invoke(&window, "voice_catalogue", json!({})).unwrap();
    assert_eq!(catalogue_now["voices"][0]["installed"], true);

    // A damaged download is refused and leaves nothing installed.
    let damaged = invoke(
        &window,
        "download_voice",
        json!({"key": "en_GB-damaged-low"}),
    )
    .unwrap_err();
    assert_eq!(damaged["code"], "STORAGE");
    assert!(
        damaged["message"].as_str().unwrap().contains("damaged"),
        "{damaged}"
    );
    assert_eq!(damaged["retryable"], true);
    let unknown = invoke(&window, "download_voice", json!({"key": "xx_XX-none-low"})).unwrap_err();
    assert_eq!(unknown["code"], "NOT_FOUND");
    assert_eq!(
        invoke(
            &window,
            "cancel_voice_download",
            json!({"item": "en_US-tiny-medium"})
        )
        .unwrap(),
        false,
        "nothing is downloading"
    );
    assert_eq!(
        invoke(&window, "voices", json!({})).unwrap()["installed"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // Importing: a file that is not a model says so.
    let text = dir.path().join("notes.onnx");
    std::fs::write(&text, "hello").unwrap();
    let config = dir.path().join("notes.onnx.json");
    std::fs::write(&config, JOE_CONFIG).unwrap();
    let refused = invoke(
        &window,
        "import_voice",
        json!({"model": text, "config": config, "card": null}),
    )
    .unwrap_err();
    assert_eq!(refused["code"], "VALIDATION");
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains("not an ONNX model"),
        "{refused}"
    );

    // The tiny voice is not a real model: its sample fails and says what to do.
    let sample = invoke(
        &window,
        "natural_voice_sample",
        json!({"key": "en_US-tiny-medium"}),
    )
    .unwrap_err();
    assert!(
        sample["message"]
            .as_str()
            .unwrap()
            .contains("Try another voice"),
        "{sample}"
    );

    // The real joe voice, imported from the files a family would have, speaks its sample.
    if let (Some(_), Ok(voice)) = (&real_runtime, std::env::var("INFINITE_STORIES_TEST_VOICE")) {
        let joe = invoke(
            &window,
            "import_voice",
            json!({"model": voice, "config": format!("{voice}.json"), "card": null}),
        )
        .unwrap();
        assert_eq!(joe["licence"]["openness"], "open", "joe is CC0");
        let heard = invoke(
            &window,
            "natural_voice_sample",
            json!({"key": "en_US-joe-medium"}),
        )
        .unwrap();
        assert_eq!(heard["mime"], "audio/ogg");
        let seconds = heard["seconds"].as_f64().unwrap();
        assert!((1.5..10.0).contains(&seconds), "{seconds} s");
        invoke(&window, "remove_voice", json!({"key": "en_US-joe-medium"})).unwrap();
    } else {
        eprintln!("SKIPPED the real voice's sample: run tests/neural/fetch.sh for its assets");
    }

    // Removing it gives English back to espeak-ng.
    let after = invoke(&window, "remove_voice", json!({"key": "en_US-tiny-medium"})).unwrap();
    assert_eq!(after["installed"], json!([]));
    assert!(
        after["narrators"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["natural"].is_null())
    );
    let gone = invoke(&window, "remove_voice", json!({"key": "en_US-tiny-medium"})).unwrap_err();
    assert_eq!(gone["code"], "NOT_FOUND");

    // Back to the official catalogue.
    let reset = invoke(&window, "set_voice_catalogue", json!({"url": null})).unwrap();
    assert_eq!(reset["catalogueUrl"], reset["defaultCatalogueUrl"]);
}

const STORY: &str = "Luna walked with Pip the fox under a silver moon.\n\nA small owl had lost its \
way, and Luna kindly showed it the path home.\n\nThen Luna yawned, Pip curled up, and they fell asleep.";

/// Ollama's OpenAI-compatible endpoints: `/v1/models` and `/v1/chat/completions` answering
/// one story (in the structure asked for), counting the requests.
fn local_model(requests: Arc<Mutex<Vec<Value>>>) -> (String, tokio::runtime::Runtime) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let story = json!({"title": "Luna and the Sleepy Moon", "content": STORY, "scenes": [
        {"textSegment": "Luna walked with Pip the fox under a silver moon.", "illustrationPrompt": "Luna and Pip under the moon", "emotion": "peaceful", "importance": "key"},
        {"textSegment": "A small owl had lost its way", "illustrationPrompt": "Luna helps an owl", "emotion": "heartwarming", "importance": "major"},
        {"textSegment": "Then Luna yawned, Pip curled up, and they fell asleep.", "illustrationPrompt": "Luna asleep", "emotion": "peaceful", "importance": "minor"}
    ]});
    let router = axum::Router::new()
        .route(
            "/v1/models",
            get(|| async {
                axum::Json(json!({"object": "list", "data": [{"id": "llama3.1:latest", "object": "model"}]}))
            }),
        )
        .route(
            "/v1/chat/completions",
            axum::routing::post(move |axum::Json(body): axum::Json<Value>| {
                let story = story.clone();
                let requests = requests.clone();
                async move {
                    requests.lock().unwrap().push(body);
                    axum::Json(json!({"id": "c1", "object": "chat.completion", "model": "llama3.1",
                        "choices": [{"index": 0, "finish_reason": "stop",
                            "message": {"role": "assistant", "content": story.to_string()}}]}))
                }
            }),
        );
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    rt.spawn(async move { axum::serve(listener, router).await.unwrap() });
    (format!("http://{addr}/v1"), rt)
}

#[test]
fn a_local_model_is_tested_chosen_without_its_key_in_the_settings_and_writes_the_stories() {
    let dir = tempfile::tempdir().unwrap();
    let secrets = Arc::new(MemoryStore::new());
    let (app, window) = app_with(dir.path(), secrets.clone());
    let requests: Arc<Mutex<Vec<Value>>> = Arc::default();
    let (url, _rt) = local_model(requests.clone());

    assert_eq!(
        invoke(&window, "writer_choice", json!({})).unwrap(),
        json!({"mode": "offline"})
    );
    let bad = invoke(
        &window,
        "test_local_model",
        json!({"baseUrl": "11434", "model": "llama3.1", "apiKey": null}),
    )
    .unwrap_err();
    assert_eq!(bad["code"], "VALIDATION");
    assert!(
        bad["message"]
            .as_str()
            .unwrap()
            .contains("http://127.0.0.1:11434/v1"),
        "{bad}"
    );
    let remote = invoke(
        &window,
        "use_local_model",
        json!({"baseUrl": "http://192.168.1.20:11434/v1", "model": "llama3.1", "apiKey": null}),
    )
    .unwrap_err();
    assert!(
        remote["message"].as_str().unwrap().contains("https"),
        "{remote}"
    );
    let nameless = invoke(
        &window,
        "test_local_model",
        json!({"baseUrl": url, "model": " ", "apiKey": null}),
    )
    .unwrap_err();
    assert!(
        nameless["message"]
            .as_str()
            .unwrap()
            .contains("model's name"),
        "{nameless}"
    );

    let found = invoke(
        &window,
        "test_local_model",
        json!({"baseUrl": url, "model": "llama3.1", "apiKey": null}),
    )
    .unwrap();
    assert_eq!(
        (found["reachable"].as_bool(), found["modelFound"].as_bool()),
        (Some(true), Some(true))
    );
    let missing = invoke(
        &window,
        "test_local_model",
        json!({"baseUrl": url, "model": "mistral", "apiKey": null}),
    )
    .unwrap();
    assert_eq!(missing["modelFound"], false);
    assert!(
        missing["message"]
            .as_str()
            .unwrap()
            .contains("llama3.1:latest"),
        "{missing}"
    );
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://127.0.0.1:{}/v1", l.local_addr().unwrap().port())
    };
    let nobody = invoke(
        &window,
        "test_local_model",
        json!({"baseUrl": closed, "model": "llama3.1", "apiKey": null}),
    )
    .unwrap();
    assert_eq!(nobody["reachable"], false);
    assert!(
        nobody["message"].as_str().unwrap().contains("ollama serve"),
        "{nobody}"
    );

    // Chosen with a key: the key goes to the keyring, never into settings.json.
    let chosen = invoke(
        &window,
        "use_local_model",
        json!({"baseUrl": format!("{url}/"), "model": "llama3.1", "apiKey": "sk-local-secret"}),
    )
    .unwrap();
    assert_eq!(
        chosen,
        json!({"mode": "localModel", "baseUrl": url, "model": "llama3.1", "hasKey": true})
    );
    let file = std::fs::read_to_string(dir.path().join("settings.json")).unwrap();
    assert!(
        file.contains("llama3.1") && !file.contains("sk-local-secret"),
        "{file}"
    );
    assert_eq!(
        secrets
            .get("local-model-api-key")
            .unwrap()
            .unwrap()
            .expose_secret(),
        "sk-local-secret"
    );
    assert_eq!(invoke(&window, "writer_choice", json!({})).unwrap(), chosen);

    // A story through the embedded backend is the model's.
    let core = app.state::<Core>().inner().clone();
    block_on(infinite_stories::connect_remembered(app.handle(), &core));
    invoke(&window, "sign_in_anonymously", json!({})).unwrap();
    let hero = invoke(
        &window,
        "create_hero",
        json!({"hero": {"name": "Luna", "primaryTrait": "brave", "secondaryTrait": "kind"}}),
    )
    .unwrap();
    let request = json!({"request": {
        "story": {"heroId": hero["id"], "event": {"type": "built_in", "data": {"event": "bedtime_adventure"}},
                  "targetDuration": 120, "language": "en"},
        "narration": false, "illustrations": false
    }});
    let story = invoke(&window, "generate_story", request.clone()).unwrap();
    assert_eq!(story["summary"]["title"], "Luna and the Sleepy Moon");
    assert_eq!(story["content"], STORY);
    {
        let asked = requests.lock().unwrap();
        assert_eq!(asked.len(), 1);
        assert_eq!(asked[0]["response_format"]["type"], "json_schema");
    }

    // Back to the built-in writer: the key is forgotten and the model is not asked again.
    let back = invoke(&window, "use_built_in_writer", json!({})).unwrap();
    assert_eq!(back, json!({"mode": "offline"}));
    assert!(secrets.get("local-model-api-key").unwrap().is_none());
    let offline = invoke(&window, "generate_story", request).unwrap();
    assert_ne!(offline["summary"]["title"], "Luna and the Sleepy Moon");
    assert_eq!(requests.lock().unwrap().len(), 1);
    app.state::<infinite_stories::EmbeddedBackend>()
        .stop_blocking();
}
