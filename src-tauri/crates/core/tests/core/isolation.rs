//! Per-family isolation on one computer: a story, its pictures, narration and word timings
//! answer only for the family it belongs to. Another family signed in on the same core and data
//! folder gets "not in your library" for it (and cannot delete it), and the first family gets
//! it back on signing in.

use infinite_stories_core::{CoreError, ErrorCode, GenerateRequest};

use crate::pipeline::{hero, story_request};
use crate::support::env;

const PASSWORD: &str = "correct horse 1";

fn not_found(e: CoreError) {
    assert_eq!(e.code(), ErrorCode::NotFound, "{e:?}");
    assert!(e.to_string().contains("isn't in your library"), "{e}");
}

#[tokio::test]
async fn another_family_cannot_read_finish_or_hear_a_story_by_its_id() {
    let env = env().await;
    env.core.sign_up("a@example.com", PASSWORD).await.unwrap();
    let hero = hero(&env).await;
    let story = env
        .core
        .generate_story(GenerateRequest {
            request_id: Some("iso-1".into()),
            story: story_request(&hero),
            narration: true,
            illustrations: true,
        })
        .await
        .unwrap();
    let id = story.summary.id.clone();
    let audio = story.narration_key.clone().unwrap();
    let picture = story.illustrations[0].cache_key.clone().unwrap();
    let scene = story.scenes[0].scene_number;
    assert!(env.core.media(&audio).await.unwrap().is_some());
    assert!(env.core.media(&picture).await.unwrap().is_some());
    assert!(!env.core.story_timings(&id).await.unwrap().is_empty());

    // Family B on the same computer: the same core, the same library and cache.
    env.core.sign_out().await.unwrap();
    env.core.sign_up("b@example.com", PASSWORD).await.unwrap();
    assert!(env.core.stories().await.unwrap().is_empty());
    not_found(env.core.story(&id).await.unwrap_err());
    not_found(env.core.retry_illustration(&id, scene).await.unwrap_err());
    not_found(env.core.unfinished(&id).await.unwrap_err());
    not_found(env.core.story_audio(&id).await.unwrap_err());
    not_found(env.core.resume_point(&id).await.unwrap_err());
    assert!(env.core.media(&audio).await.unwrap().is_none(), "narration");
    assert!(env.core.media(&picture).await.unwrap().is_none(), "picture");
    assert!(env.core.story_timings(&id).await.unwrap().is_empty());
    // Nor can B delete it: the backend refuses B's delete (row-level security) and the local
    // copy and its cached files stay A's (A gets everything back below).
    let refused = env
        .core
        .delete_stories(std::slice::from_ref(&id))
        .await
        .unwrap_err();
    assert_eq!(refused.code(), ErrorCode::NotFound, "{refused:?}");

    // Family A again: everything is there.
    env.core.sign_out().await.unwrap();
    env.core.sign_in("a@example.com", PASSWORD).await.unwrap();
    assert_eq!(env.core.story(&id).await.unwrap(), story);
    assert!(env.core.media(&audio).await.unwrap().is_some());
    assert!(env.core.media(&picture).await.unwrap().is_some());
    assert_eq!(env.core.stories().await.unwrap().len(), 1);
}
