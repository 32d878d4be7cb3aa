//! The story generation flow end to end against the embedded backend: text, narration into the
//! cache, illustrations in batches with per-scene progress, partial failure and retry,
//! cancellation, offline replay, avatars.

use std::time::Duration;

use infinite_stories_contract::{AvatarStyle, HeroDraft, Trait};
use infinite_stories_core::contract::IllustrationStatus;
use infinite_stories_core::stories::progress::Stage;
use infinite_stories_core::{CoreError, CoreEvent, GenerateRequest, GenerationProgress};
use serde_json::json;

use crate::pipeline::{hero, story_request};
use crate::support::env;

fn request(hero: &str, id: &str) -> GenerateRequest {
    GenerateRequest {
        request_id: Some(id.into()),
        story: story_request(hero),
        narration: true,
        illustrations: true,
    }
}

fn progress_events(rx: &mut infinite_stories_core::EventStream) -> Vec<GenerationProgress> {
    let mut out = Vec::new();
    while let Ok(e) = rx.try_recv() {
        if let CoreEvent::Progress(p) = e {
            out.push(p);
        }
    }
    out
}

#[tokio::test]
async fn a_story_with_narration_and_illustrations_ends_offline_ready() {
    let env = env().await;
    let hero = hero(&env).await;
    let mut events = env.core.events();
    let story = env
        .core
        .generate_story(request(&hero, "full-1"))
        .await
        .unwrap();
    assert!(story.summary.offline_ready, "{story:?}");
    assert!(
        story
            .illustrations
            .iter()
            .all(|i| i.status == IllustrationStatus::Completed)
    );
    assert_eq!(story.illustrations.len(), story.scenes.len());
    let audio = env
        .core
        .media(story.narration_key.as_deref().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(audio.len() > 100, "narration bytes are local");
    assert!(story.narration_seconds.unwrap() > 0.0);
    // The narrator's word timings came down with the audio, as the reader reads them.
    let timings = env.core.story_timings(&story.summary.id).await.unwrap();
    assert!(timings.len() > 10, "{} timings", timings.len());
    assert!(timings.windows(2).all(|w| w[1].start >= w[0].start));
    let first = &timings[0];
    assert_eq!(&story.content[first.char_start..first.char_end], first.word);
    // What the player takes: narration, title, hero and cover, all local.
    let track = env.core.story_audio(&story.summary.id).await.unwrap();
    assert_eq!(track.audio, audio);
    assert!(track.cover.is_some() && track.hero_name.is_some());
    // Where the story was left is kept until it is forgotten.
    assert_eq!(
        env.core.resume_point(&story.summary.id).await.unwrap(),
        None
    );
    env.core
        .set_resume_point(&story.summary.id, Some(42.5))
        .await
        .unwrap();
    assert_eq!(
        env.core.resume_point(&story.summary.id).await.unwrap(),
        Some(42.5)
    );

    let progress = progress_events(&mut events);
    let stages: Vec<Stage> = progress.iter().map(|p| p.stage).collect();
    for stage in [
        Stage::Writing,
        Stage::Narrating,
        Stage::Illustrating,
        Stage::Done,
    ] {
        assert!(stages.contains(&stage), "{stage:?} missing from {stages:?}");
    }
    let last = progress.last().unwrap();
    assert_eq!((last.progress, last.stage), (1.0, Stage::Done));
    assert!(
        last.scenes
            .iter()
            .all(|s| s.status == IllustrationStatus::Completed)
    );
    assert!(
        progress
            .windows(2)
            .all(|w| w[1].progress >= w[0].progress - 1e-9),
        "progress never goes back"
    );

    // The library lists it, and it still plays with the backend gone.
    assert_eq!(env.core.stories().await.unwrap().len(), 1);
    let key = story.illustrations[0].cache_key.clone().unwrap();
    env.server.shutdown().await;
    assert!(
        env.core
            .story(&story.summary.id)
            .await
            .unwrap()
            .summary
            .offline_ready
    );
    assert!(env.core.media(&key).await.unwrap().is_some());
    // Offline: the player's track and the word timings come from the cache alone, and a
    // cleared cache keeps them (permanent until the story is deleted).
    env.core.clear_cache().await.unwrap();
    assert!(env.core.story_audio(&story.summary.id).await.is_ok());
    assert!(
        !env.core
            .story_timings(&story.summary.id)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        env.core.resume_point(&story.summary.id).await.unwrap(),
        Some(42.5)
    );
}

#[tokio::test]
async fn a_failed_scene_is_kept_and_can_be_retried_alone() {
    let env = env().await;
    let hero = hero(&env).await;
    env.fault(json!({"action": "status", "status": 400, "route": "/functions/v1/scene-illustration", "times": 1})).await;
    let story = env
        .core
        .generate_story(request(&hero, "partial-1"))
        .await
        .unwrap();
    let failed: Vec<u32> = story
        .illustrations
        .iter()
        .filter(|i| i.status == IllustrationStatus::Failed)
        .map(|i| i.scene_number)
        .collect();
    assert_eq!(failed.len(), 1, "{:?}", story.illustrations);
    assert!(!story.summary.offline_ready);
    assert!(
        story
            .illustrations
            .iter()
            .filter(|i| i.status == IllustrationStatus::Completed)
            .count()
            == story.scenes.len() - 1
    );
    let retried = env
        .core
        .retry_illustration(&story.summary.id, failed[0])
        .await
        .unwrap();
    assert!(retried.summary.offline_ready);
}

#[tokio::test]
async fn a_generation_can_be_cancelled() {
    let env = env().await;
    let hero = hero(&env).await;
    let mut events = env.core.events();
    env.fault(json!({"action": "latency", "route": "/functions/v1/story-generation", "latencyMs": 3000, "times": 1})).await;
    let core = env.core.clone();
    let run = tokio::spawn(async move { core.generate_story(request(&hero, "cancel-me")).await });
    // Wait until the generation is under way (its first progress event), then cancel.
    tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            if let Ok(CoreEvent::Progress(p)) = events.recv().await
                && p.request_id == "cancel-me"
            {
                return;
            }
        }
    })
    .await
    .unwrap();
    assert!(env.core.cancel("cancel-me"));
    let result = tokio::time::timeout(Duration::from_secs(1), run)
        .await
        .expect("cancel is prompt")
        .unwrap();
    assert!(matches!(result, Err(CoreError::Cancelled)), "{result:?}");
    assert!(
        progress_events(&mut events)
            .iter()
            .any(|p| p.stage == Stage::Cancelled)
    );
    assert!(!env.core.cancel("cancel-me"), "no longer running");
}

#[tokio::test]
async fn a_hero_gets_an_avatar_and_the_library_syncs_from_the_backend() {
    let env = env().await;
    let hero = env
        .core
        .create_hero(HeroDraft::new("Milo", Trait::Curious, Trait::Kind))
        .await
        .unwrap();
    assert_eq!(hero.avatar_key, None);
    let drawn = env
        .core
        .generate_avatar(
            &hero.id,
            "a curious boy with a red scarf",
            AvatarStyle::Watercolor,
        )
        .await
        .unwrap();
    assert_eq!(drawn.draft.avatar_style, Some(AvatarStyle::Watercolor));
    let key = drawn.avatar_key.clone().expect("an avatar key");
    assert!(env.core.media(&key).await.unwrap().is_some());
    env.core.sync_library().await.unwrap();
    assert_eq!(env.core.list_heroes().await.unwrap(), vec![drawn]);
    let status = env.core.cache_status().await.unwrap();
    assert!(status.durable_entries >= 1);
    let cleared = env.core.clear_cache().await.unwrap();
    assert_eq!(cleared.memory_entries, 0);
}

#[tokio::test]
async fn reported_30_stories_made_elsewhere_reach_the_library_live_and_after_a_disconnect() {
    let env = env().await;
    let hero = hero(&env).await;
    // Another device of the same family (same keyring entry, its own data folder).
    let other_dir = tempfile::tempdir().unwrap();
    let other = crate::support::core_with(
        &env.server,
        env.secrets.clone(),
        env.clock.clone(),
        env.sleeper.clone(),
        Some(other_dir.path().to_owned()),
    )
    .await;
    let rt = env.core.realtime().unwrap();
    let topic = format!(
        "realtime:story-updates-{}",
        env.core.session().unwrap().user_id
    );
    crate::realtime::joined_pub(&rt, &topic).await;

    let live = other
        .generate_story(GenerateRequest {
            narration: false,
            illustrations: false,
            ..request(&hero, "other-1")
        })
        .await
        .unwrap();
    wait_in_library(&env.core, &live.summary.id).await;

    // While this device is away, the other one writes another story; on rejoin it is refetched.
    rt.disconnect();
    let away = other
        .generate_story(GenerateRequest {
            narration: false,
            illustrations: false,
            ..request(&hero, "other-2")
        })
        .await
        .unwrap();
    rt.connect();
    wait_in_library(&env.core, &away.summary.id).await;
}

pub(crate) async fn wait_in_library(core: &infinite_stories_core::Core, id: &str) {
    tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            if core.story(id).await.is_ok() {
                return;
            }
            tokio::task::yield_now().await;
        }
    })
    .await
    .unwrap_or_else(|_| panic!("story {id} never reached the library"));
}

#[tokio::test]
async fn listening_time_is_kept_locally_and_on_the_backend() {
    let env = env().await;
    let hero = hero(&env).await;
    let story = env
        .core
        .generate_story(GenerateRequest {
            narration: false,
            illustrations: false,
            ..request(&hero, "listen-1")
        })
        .await
        .unwrap();
    let session = "5b0c6a57-8f1e-4e0a-9a53-7a7c1f3a2d10";
    env.core
        .record_listening(session, &story.summary.id, 42.5, false)
        .await
        .unwrap();
    env.core
        .record_listening(session, &story.summary.id, 300.0, true)
        .await
        .unwrap();
    let rows: Vec<serde_json::Value> = env
        .core
        .api()
        .unwrap()
        .select("listening_sessions", "select=*")
        .await
        .unwrap();
    assert_eq!(rows.len(), 1, "one session, updated in place: {rows:?}");
    assert_eq!(rows[0]["seconds_listened"], 300.0);
    assert_eq!(rows[0]["completed"], true);
}

/// Cancelled after the text was written (while the narration is being made): nothing of the
/// story stays — not in the library, not on the backend.
#[tokio::test]
async fn a_story_cancelled_while_narrating_leaves_nothing_behind() {
    let env = env().await;
    let hero = hero(&env).await;
    let mut events = env.core.events();
    env.fault(json!({"action": "latency", "route": "/functions/v1/audio-synthesis", "latencyMs": 5000, "times": 1})).await;
    let core = env.core.clone();
    let run = tokio::spawn(async move {
        core.generate_story(request(&hero, "cancel-narrating"))
            .await
    });
    // The story is written (its progress names it) and the narration is under way.
    let story_id = tokio::time::timeout(Duration::from_secs(20), async {
        loop {
            if let Ok(CoreEvent::Progress(p)) = events.recv().await
                && p.request_id == "cancel-narrating"
                && p.stage == Stage::Narrating
                && let Some(id) = p.story_id
            {
                return id;
            }
        }
    })
    .await
    .expect("the story reached its narration");
    assert!(env.core.cancel("cancel-narrating"));
    let result = tokio::time::timeout(Duration::from_secs(10), run)
        .await
        .expect("cancel is prompt")
        .unwrap();
    assert!(matches!(result, Err(CoreError::Cancelled)), "{result:?}");

    assert!(
        env.core.stories().await.unwrap().is_empty(),
        "nothing in the library"
    );
    let rows: Vec<serde_json::Value> = env
        .core
        .api()
        .unwrap()
        .select("stories", "select=id")
        .await
        .unwrap();
    assert!(rows.is_empty(), "nothing on the backend: {rows:?}");
    let scenes: Vec<serde_json::Value> = env
        .core
        .api()
        .unwrap()
        .select("story_scenes", &format!("select=id&story_id=eq.{story_id}"))
        .await
        .unwrap();
    assert!(scenes.is_empty(), "no scenes left: {scenes:?}");
}

#[tokio::test]
async fn diagnostics_name_storage_routes_not_the_family_or_its_stories() {
    let env = env().await;
    let hero = hero(&env).await;
    let story = env
        .core
        .generate_story(request(&hero, "routes-1"))
        .await
        .unwrap();
    let user = env
        .core
        .api()
        .unwrap()
        .tokens()
        .session()
        .unwrap()
        .user
        .id
        .clone();
    let report = env.core.diagnostics();
    let names: Vec<&str> = report.operations.iter().map(|o| o.name.as_str()).collect();
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("GET /storage/v1/object/") && n.ends_with("/*")),
        "{names:?}"
    );
    let text = env.core.diagnostics_report().await;
    for secret in [user.as_str(), story.summary.id.as_str(), hero.as_str()] {
        assert!(
            !names.iter().any(|n| n.contains(secret)),
            "{secret} in {names:?}"
        );
        assert!(
            !text.contains(secret),
            "{secret} in the diagnostics report: {text}"
        );
    }
}

#[tokio::test]
async fn an_interrupted_story_syncs_its_scenes_and_narration_and_can_be_finished() {
    let env = env().await;
    let hero = hero(&env).await;
    let api = env.core.api().unwrap();
    // The app was killed right after the backend wrote the story and narrated it: nothing of
    // it reached the library.
    let story: infinite_stories_core::api::models::GeneratedStory = api
        .invoke(
            "story-generation",
            &crate::pipeline::story_request(&hero),
            1,
            "cut-1",
        )
        .await
        .unwrap()
        .data;
    let id = story.story_id.clone();
    api.invoke::<serde_json::Value>(
        "audio-synthesis",
        &json!({"storyId": id, "text": story.content, "voice": "coral", "language": "en"}),
        1,
        "cut-2",
    )
    .await
    .unwrap();
    env.core.sync_library().await.unwrap();
    let detail = env.core.story(&id).await.unwrap();
    assert_eq!(detail.scenes.len(), story.scenes.len(), "scenes synced");
    let key = detail.narration_key.clone().expect("narration synced");
    assert!(
        env.core.media(&key).await.unwrap().is_some(),
        "audio is local"
    );
    let all: Vec<u32> = story.scenes.iter().map(|s| s.scene_number).collect();
    let unfinished = env.core.unfinished(&id).await.unwrap();
    assert_eq!(unfinished.pictures, all);
    assert!(!unfinished.narration);
    // A picture can now be drawn (before, "That scene doesn't exist.").
    let detail = env.core.retry_illustration(&id, all[0]).await.unwrap();
    assert_eq!(
        detail.illustrations[0].status,
        IllustrationStatus::Completed
    );
    assert_eq!(
        env.core.unfinished(&id).await.unwrap().pictures,
        all[1..].to_vec()
    );
}
