//! The library against the real embedded backend: search and favourite on generated stories,
//! deleting a story everywhere (no storage object, backend row, local row, cache entry or file
//! left), the journey and tonight from real listening, and "Copy a report" with nothing secret.

use std::path::Path;

use infinite_stories_core::secrets::ExposeSecret;
use infinite_stories_core::{
    GenerateRequest, JourneyRange, LibraryQuery, ListeningRecord, ListeningState,
};
use serde_json::{Value, json};

use crate::pipeline::{hero, story_request};
use crate::support::env;

fn files_under(dir: &Path, needle: &str) -> Vec<String> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_under(&p, needle));
        } else if p.display().to_string().contains(needle) {
            out.push(p.display().to_string());
        }
    }
    out
}

async fn storage_objects(env: &crate::support::Env, story: &str) -> usize {
    let api = env.core.api().unwrap();
    let user = env.core.session().unwrap().user_id;
    let mut n = 0;
    for bucket in ["story-audio", "story-illustrations"] {
        let req = infinite_stories_core::http::Request::new(
            infinite_stories_core::http::Service::Storage,
            reqwest::Method::POST,
            format!("/object/list/{bucket}"),
        )
        .json(&json!({"prefix": format!("{user}/{story}")}));
        let list: Vec<Value> = api.send(&req).await.unwrap().json().unwrap();
        n += list.len();
    }
    n
}

#[tokio::test]
async fn generated_stories_are_searched_starred_heard_and_deleted_without_a_trace() {
    let env = env().await;
    let hero_id = hero(&env).await;
    let mut ids = Vec::new();
    for i in 0..2 {
        let story = env
            .core
            .generate_story(GenerateRequest {
                request_id: Some(format!("lib-{i}")),
                story: story_request(&hero_id),
                narration: true,
                illustrations: true,
            })
            .await
            .unwrap();
        ids.push(story.summary.id.clone());
    }
    let (keep, gone) = (ids[0].clone(), ids[1].clone());
    let detail = env.core.story(&gone).await.unwrap();
    let word = detail
        .content
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| w.len() > 6)
        .unwrap()
        .to_owned();

    let page = env
        .core
        .search_library(&LibraryQuery::default())
        .await
        .unwrap();
    assert_eq!(page.total, 2);
    let card = page.cards.iter().find(|c| c.id == gone).unwrap();
    assert!(card.offline_ready, "{card:?}");
    assert_eq!(card.hero_name.as_deref(), Some("Luna"));
    assert!(card.cover_key.is_some());
    assert_eq!(card.listening, ListeningState::New);
    let found = env
        .core
        .search_library(&LibraryQuery {
            text: Some(word.to_uppercase()),
            ..LibraryQuery::default()
        })
        .await
        .unwrap();
    assert!(found.cards.iter().any(|c| c.id == gone), "{word}");

    let starred = env.core.set_story_favorite(&gone, true).await.unwrap();
    assert!(starred.is_favorite);
    let api = env.core.api().unwrap();
    let rows: Vec<Value> = api
        .select("stories", &format!("id=eq.{gone}&select=is_favorite"))
        .await
        .unwrap();
    assert_eq!(rows[0]["is_favorite"], true, "the backend has the star");

    env.core
        .record_listening_at(ListeningRecord {
            session_id: uuid::Uuid::new_v4().to_string(),
            story_id: gone.clone(),
            seconds: 95.0,
            completed: false,
            position: Some(100.0),
            ..ListeningRecord::default()
        })
        .await
        .unwrap();
    let tonight = env.core.tonight().await.unwrap();
    // Named for the family it belongs to (the UI shows it only for that family).
    assert_eq!(tonight.user_id, env.core.session().unwrap().user_id);
    let cont = tonight.continue_listening.unwrap();
    assert_eq!(
        (cont.story_id.as_str(), cont.position),
        (gone.as_str(), 100.0)
    );
    assert_eq!(tonight.last_hero.unwrap().id, hero_id);
    assert!(tonight.newest.is_some());
    let journey = env.core.journey(JourneyRange::Week, 0).await.unwrap();
    assert_eq!((journey.total_stories, journey.current_streak), (1, 1));
    assert_eq!(journey.days.last().unwrap().seconds, 95.0);

    // Everything of `gone` is somewhere now: storage, backend rows, cache.
    assert!(storage_objects(&env, &gone).await >= 2);
    let dir = env._dir.path();
    assert!(
        !files_under(&dir.join("client"), &gone).is_empty()
            || env
                .core
                .media(&format!("audio:{gone}"))
                .await
                .unwrap()
                .is_some()
    );

    assert_eq!(
        env.core
            .delete_stories(std::slice::from_ref(&gone))
            .await
            .unwrap(),
        1
    );

    assert_eq!(
        storage_objects(&env, &gone).await,
        0,
        "storage objects removed"
    );
    assert!(
        files_under(dir, &gone).is_empty(),
        "no file names the story: {:?}",
        files_under(dir, &gone)
    );
    let rows: Vec<Value> = api
        .select("stories", &format!("id=eq.{gone}"))
        .await
        .unwrap();
    assert!(rows.is_empty(), "backend row removed");
    let scenes: Vec<Value> = api
        .select("story_scenes", &format!("story_id=eq.{gone}"))
        .await
        .unwrap();
    assert!(scenes.is_empty());
    assert!(
        env.core
            .media(&format!("audio:{gone}"))
            .await
            .unwrap()
            .is_none()
    );
    for i in &detail.illustrations {
        assert!(
            env.core
                .media(i.cache_key.as_deref().unwrap())
                .await
                .unwrap()
                .is_none()
        );
    }
    let page = env
        .core
        .search_library(&LibraryQuery::default())
        .await
        .unwrap();
    assert_eq!(
        page.cards.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        [keep.as_str()]
    );
    assert!(
        env.core
            .media(&format!("audio:{keep}"))
            .await
            .unwrap()
            .is_some(),
        "the other story is untouched"
    );
    assert!(storage_objects(&env, &keep).await >= 2);
}

#[tokio::test]
async fn the_copied_report_carries_no_token_key_email_or_story_text() {
    let env = env().await;
    let email = "parent.secret@example.com";
    env.core
        .sign_up(email, "correct horse battery")
        .await
        .unwrap();
    let hero_id = hero(&env).await;
    let story = env
        .core
        .generate_story(GenerateRequest {
            request_id: None,
            story: story_request(&hero_id),
            narration: false,
            illustrations: false,
        })
        .await
        .unwrap();
    let detail = env.core.story(&story.summary.id).await.unwrap();
    let sentence = detail.content.split(". ").nth(1).unwrap().to_owned();
    // Requests that name the story, the user and a planted token go through the ring.
    let _ = env
        .core
        .api()
        .unwrap()
        .select::<Value>(
            "stories",
            &format!("id=eq.{}&token=planted-secret-token", story.summary.id),
        )
        .await;
    let report = env.core.diagnostics_report().await;
    assert!(
        report.contains("recentRequests") && report.contains("/rest/v1/stories"),
        "{report}"
    );
    let api = env.core.api().unwrap();
    let session = api.tokens().session().expect("signed in");
    let access = session.access_token.expose_secret().to_owned();
    let refresh = session.refresh_token.expose_secret().to_owned();
    let key = api.transport().api_key().expose_secret().to_owned();
    assert!(access.len() > 20 && !key.is_empty());
    for needle in [
        email,
        "parent.secret",
        &sentence,
        &detail.summary.title,
        "planted-secret-token",
        &key,
        &access,
        &refresh,
        &story.summary.id,
    ] {
        assert!(!report.contains(needle), "{needle} leaked into:\n{report}");
    }
}
