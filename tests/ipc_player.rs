//! Listening through the app's own commands (Tauri's mock runtime) with the real embedded backend:
//! a story generated through the backend opens in the player, plays (into a capture output that
//! stands in for the sound card), records a listening session, and then — with the backend
//! stopped — opens, plays and shows its pictures again from the local cache.

use std::sync::Arc;

use infinite_stories::EmbeddedBackend;
use infinite_stories::playback::Playback;
use infinite_stories_core::Core;
use infinite_stories_core::secrets::MemoryStore;
use infinite_stories_player::CaptureOutput;
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

/// Lets the capture output "hear" `seconds` of sound, as a sound card would take it.
fn hear(capture: &CaptureOutput, seconds: f64) {
    capture.wait_first_write();
    let want = (seconds * f64::from(capture.sample_rate())) as usize;
    let mut heard = 0;
    // Bounded: the player refills a quarter-second buffer each time room is made.
    for _ in 0..1_000_000 {
        if heard >= want {
            return;
        }
        heard += capture.play((want - heard).min(1024));
        std::thread::yield_now();
    }
    panic!("only {heard} of {want} samples arrived");
}

fn position(window: &WebviewWindow<MockRuntime>) -> f64 {
    ok(window, "player_state", json!({}))["position"]
        .as_f64()
        .unwrap()
}

#[test]
fn a_generated_story_plays_and_plays_again_with_the_backend_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let (app, window) = app_with(dir.path(), Arc::new(MemoryStore::new()));
    let core = app.state::<Core>().inner().clone();
    block_on(app.state::<EmbeddedBackend>().ensure_running(&core));
    let capture = CaptureOutput::new();
    let output = capture.clone();
    app.manage(Playback::start(app.handle(), core.clone(), move |c| {
        c.output(output)
    }));

    ok(&window, "sign_in_anonymously", json!({}));
    let hero = ok(
        &window,
        "create_hero",
        json!({"hero": {"name": "Luna", "pronouns": "she", "primaryTrait": "brave",
            "secondaryTrait": "kind", "appearance": null, "specialAbility": null,
            "avatarStyle": null, "avatarPrompt": null}}),
    );
    let story = ok(
        &window,
        "generate_story",
        json!({"request": {"requestId": null, "narration": true, "illustrations": true,
            "story": {"heroId": hero["id"], "event": {"type": "built_in", "data": {"event": "bedtime_adventure"}},
                "targetDuration": 300, "language": "en", "voice": null}}}),
    );
    let id = story["summary"]["id"].as_str().unwrap().to_owned();
    assert_eq!(story["summary"]["offlineReady"], true, "{story}");

    // Open: the story, its hero, its length; nothing plays yet and no device is open.
    let opened = ok(&window, "open_story", json!({"storyId": id, "queue": null}));
    assert_eq!(opened["state"]["story"]["storyId"], id);
    assert_eq!(opened["state"]["story"]["artist"], "Luna");
    let duration = opened["state"]["duration"].as_f64().unwrap();
    assert!((duration - 300.0).abs() <= 45.0, "{duration} s");
    assert_eq!(opened["state"]["playing"], false);
    assert!(!capture.is_open(), "the sound device opens only to play");

    // Play: what the output hears is where the reader is.
    assert_eq!(ok(&window, "play", json!({}))["playing"], true);
    hear(&capture, 3.0);
    assert!(
        capture.heard().iter().any(|s| s.abs() > 0.01),
        "narration, not silence"
    );

    // Pause: the reader's position follows what was heard (up to the last buffer the player
    // has counted: the capture takes samples faster than any sound card); the listening is
    // recorded in the library and the story is "listening".
    let paused = ok(&window, "pause", json!({}));
    assert_eq!(paused["playing"], false);
    let at = paused["position"].as_f64().unwrap();
    assert!((2.0..=3.3).contains(&at), "position {at} after 3 s heard");
    assert_eq!(position(&window), at);
    let card = |window: &WebviewWindow<MockRuntime>| {
        ok(
            window,
            "search_library",
            json!({"query": {"text": null, "onlyNew": false,
            "onlyFavorites": false, "heroId": null, "event": null, "language": null,
            "sort": "newest", "offset": 0, "limit": 40}}),
        )["cards"][0]
            .clone()
    };
    let mut listening = Value::Null;
    // The recorder writes it on another thread: polled, bounded (30 s), never slept on.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while std::time::Instant::now() < deadline {
        listening = card(&window)["listening"].clone();
        if listening == "listening" {
            break;
        }
        std::thread::yield_now();
    }
    assert_eq!(listening, "listening", "a listening session was recorded");

    // The backend stops (no network): the story opens again, offers to continue where it was
    // left, plays, and its pictures still come from the app's own scheme.
    app.state::<EmbeddedBackend>().stop_blocking();
    let again = ok(&window, "open_story", json!({"storyId": id, "queue": null}));
    let resume = again["resumeFrom"]
        .as_f64()
        .expect("a place to continue from");
    assert!(
        (resume - at).abs() < 1.0,
        "continue from {resume}, left at {at}"
    );
    ok(&window, "seek", json!({"seconds": 60.0}));
    capture.clear_heard();
    ok(&window, "play", json!({}));
    hear(&capture, 2.0);
    let offline_at = ok(&window, "pause", json!({}))["position"]
        .as_f64()
        .unwrap();
    assert!((61.0..=62.3).contains(&offline_at), "position {offline_at}");
    ok(&window, "stop", json!({}));
    let picture = block_on(infinite_stories::media::respond(
        &core,
        &format!("/illustration:{id}:1"),
    ));
    assert_eq!(picture.status(), 200);
    assert_eq!(picture.headers()["content-type"], "image/png");
    assert!(picture.body().len() > 1000);
    block_on(app.state::<Playback>().shutdown());
}
