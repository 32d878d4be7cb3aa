//! Finishing an interrupted story: what it lacks is drawn and narrated under the caller's
//! request id, with progress like a generation's; a cancel stops it and keeps what was done.

use infinite_stories_core::api::models::GeneratedStory;
use infinite_stories_core::contract::Voice;
use infinite_stories_core::stories::progress::Stage;
use infinite_stories_core::{CoreError, CoreEvent, GenerationProgress};
use serde_json::json;

use crate::pipeline::{hero, story_request};
use crate::support::{Env, env};

/// A story the backend wrote, with scene 1's picture drawn, then the app was killed: nothing
/// else of it was made. Synced into the library; returns its id and scene numbers.
async fn interrupted(env: &Env) -> (String, Vec<u32>) {
    let hero = hero(env).await;
    let api = env.core.api().unwrap();
    let story: GeneratedStory = api
        .invoke("story-generation", &story_request(&hero), 1, "cut-a")
        .await
        .unwrap()
        .data;
    let scene = &story.scenes[0];
    api.invoke::<serde_json::Value>(
        "scene-illustration",
        &json!({"storyId": story.story_id, "heroId": hero, "scenes": [scene]}),
        1,
        "cut-b",
    )
    .await
    .unwrap();
    env.core.sync_library().await.unwrap();
    let scenes = story.scenes.iter().map(|s| s.scene_number).collect();
    (story.story_id, scenes)
}

fn progress_of(rx: &mut infinite_stories_core::EventStream, id: &str) -> Vec<GenerationProgress> {
    let mut out = Vec::new();
    while let Ok(e) = rx.try_recv() {
        if let CoreEvent::Progress(p) = e
            && p.request_id == id
        {
            out.push(p);
        }
    }
    out
}

#[tokio::test]
async fn an_interrupted_story_is_finished_with_progress() {
    let env = env().await;
    let (id, scenes) = interrupted(&env).await;
    let before = env.core.unfinished(&id).await.unwrap();
    assert!(before.interrupted, "{before:?}");
    assert_eq!(before.pictures, scenes[1..].to_vec());
    assert!(before.narration);
    let mut events = env.core.events();
    let done = env
        .core
        .finish_story(&id, Voice::Coral, "finish-1")
        .await
        .unwrap();
    assert!(done.narration_key.is_some());
    let after = env.core.unfinished(&id).await.unwrap();
    assert!(
        after.pictures.is_empty() && !after.narration && !after.interrupted,
        "{after:?}"
    );
    let progress = progress_of(&mut events, "finish-1");
    let stages: Vec<Stage> = progress.iter().map(|p| p.stage).collect();
    assert!(
        stages.contains(&Stage::Illustrating) && stages.contains(&Stage::Narrating),
        "{stages:?}"
    );
    let last = progress.last().unwrap();
    assert_eq!((last.stage, last.progress), (Stage::Done, 1.0));
    assert!(
        progress
            .iter()
            .all(|p| p.story_id.as_deref() == Some(id.as_str()))
    );
}

#[tokio::test]
async fn finishing_can_be_cancelled_and_keeps_what_was_done() {
    let env = env().await;
    let (id, _) = interrupted(&env).await;
    let mut events = env.core.events();
    let core = env.core.clone();
    let story = id.clone();
    let running =
        tokio::spawn(async move { core.finish_story(&story, Voice::Coral, "finish-2").await });
    loop {
        if let Ok(CoreEvent::Progress(p)) = events.recv().await
            && p.request_id == "finish-2"
        {
            break;
        }
    }
    assert!(env.core.cancel("finish-2"), "it runs under its request id");
    let result = running.await.unwrap();
    assert!(matches!(result, Err(CoreError::Cancelled)), "{result:?}");
    let last = progress_of(&mut events, "finish-2").pop().unwrap();
    assert_eq!(last.stage, Stage::Cancelled);
    assert!(!env.core.cancel("finish-2"), "forgotten once stopped");
    let left = env.core.unfinished(&id).await.unwrap();
    assert!(left.narration, "the narration was never reached");
    assert!(left.interrupted, "still offered to finish");
}
