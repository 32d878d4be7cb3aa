//! The request pipeline against the real backend: the seed's integration cases, retries under
//! injected 503 bursts and resets, `Retry-After`, request-id reuse, client-side limits, and
//! error bodies reaching the caller.

use std::time::Duration;

use infinite_stories_core::api::models::{GeneratedStory, StoryEvent, StoryRequest};
use infinite_stories_core::clock::ManualTimer;
use infinite_stories_core::contract::{BuiltInEvent, Language, Voice};
use infinite_stories_core::http::{Request, RetryPolicy, Service};
use infinite_stories_core::{CoreError, ErrorCode};
use serde_json::{Value, json};

use crate::support::{Env, env, sign_in, signed_in};

const STORY: &str = "POST /functions/v1/story-generation";

pub async fn hero(env: &Env) -> String {
    let api = sign_in(env).await;
    let user = env.core.session().unwrap().user_id;
    let row: Value = api
        .insert("heroes", &json!({"user_id": user, "name": "Luna", "primary_trait": "brave", "secondary_trait": "kind"}))
        .await
        .unwrap();
    row["id"].as_str().unwrap().to_owned()
}

pub fn story_request(hero_id: &str) -> StoryRequest {
    StoryRequest {
        hero_id: hero_id.into(),
        event: StoryEvent::BuiltIn {
            event: BuiltInEvent::MagicalForestAdventure,
        },
        target_duration: 300,
        language: Language::En,
        voice: Some(Voice::Coral),
    }
}

async fn generate(env: &Env, hero_id: &str, request_id: &str) -> Result<GeneratedStory, CoreError> {
    let api = env.core.api().unwrap();
    api.invoke::<GeneratedStory>("story-generation", &story_request(hero_id), 1, request_id)
        .await
        .map(|i| i.data)
}

async fn story_count(env: &Env) -> usize {
    let api = env.core.api().unwrap();
    api.select::<Value>("stories", "select=id")
        .await
        .unwrap()
        .len()
}

#[tokio::test]
async fn seed_story_generation_returns_title_content_and_scenes() {
    let env = env().await;
    let hero = hero(&env).await;
    let story = generate(&env, &hero, "seed-1").await.unwrap();
    assert!(!story.title.is_empty() && !story.content.is_empty());
    assert!(
        (3..=8).contains(&story.scenes.len()),
        "{} scenes",
        story.scenes.len()
    );
    assert_eq!(story.scenes[0].timestamp_seconds, 0.0);
}

#[tokio::test]
async fn seed_the_eleventh_story_within_the_hour_is_refused_without_a_request() {
    let env = env().await;
    let hero = hero(&env).await;
    for i in 0..10 {
        generate(&env, &hero, &format!("s-{i}")).await.unwrap();
    }
    let err = generate(&env, &hero, "s-10").await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::RateLimited);
    assert_eq!(err.retry_after(), Some(360));
    assert_eq!(env.calls(STORY), 10, "the 11th never reached the network");
    let limits = env.core.limits();
    let story = limits
        .iter()
        .find(|l| l.endpoint == "story-generation")
        .unwrap();
    assert_eq!((story.remaining, story.next_in_seconds), (0, Some(360)));
}

#[tokio::test]
async fn seed_an_unknown_hero_gives_a_clear_error() {
    let env = env().await;
    env.core.ensure_session().await.unwrap();
    let err = generate(&env, "00000000-0000-4000-8000-000000000000", "u-1")
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    assert!(err.to_string().to_lowercase().contains("hero"), "{err}");
    assert_eq!(
        env.core
            .limits()
            .iter()
            .find(|l| l.endpoint == "story-generation")
            .unwrap()
            .remaining,
        10,
        "refunded"
    );
}

#[tokio::test]
async fn retries_under_503_bursts_and_resets_produce_exactly_one_story() {
    let env = env().await;
    let hero = hero(&env).await;
    let route = "/functions/v1/story-generation";
    env.fault(json!({"action": "status", "status": 503, "route": route, "times": 2}))
        .await;
    env.fault(json!({"action": "reset", "route": route, "times": 1}))
        .await;
    let api = env.core.api().unwrap();
    let invoked = api
        .invoke::<GeneratedStory>("story-generation", &story_request(&hero), 1, "burst-1")
        .await
        .unwrap();
    assert_eq!(
        invoked.request_id, "burst-1",
        "one request id for every attempt"
    );
    assert_eq!(env.calls(STORY), 4);
    assert_eq!(story_count(&env).await, 1, "exactly one story");
    // Waits follow the aggressive policy: 0.5, 0.75, 1.125 s ±25 %.
    let waits = env.sleeper.waits();
    assert_eq!(waits.len(), 3);
    for (w, nominal) in waits.iter().zip([0.5, 0.75, 1.125]) {
        assert!(
            (w.as_secs_f64() - nominal).abs() <= nominal * 0.25 + 1e-9,
            "{w:?} vs {nominal}"
        );
    }
}

#[tokio::test]
async fn a_repeated_request_id_after_a_lost_answer_returns_the_first_story() {
    let env = env().await;
    let hero = hero(&env).await;
    let first = generate(&env, &hero, "same-id").await.unwrap();
    let again = generate(&env, &hero, "same-id").await.unwrap();
    assert_eq!(first.story_id, again.story_id);
    assert_eq!(story_count(&env).await, 1);
}

#[tokio::test]
async fn a_429_with_retry_after_is_honoured() {
    let env = env().await;
    let hero = hero(&env).await;
    env.fault(json!({"action": "status", "status": 429, "retryAfter": 2, "route": "/functions/v1/story-generation", "times": 1})).await;
    generate(&env, &hero, "ra-1").await.unwrap();
    assert_eq!(
        env.sleeper.waits(),
        vec![Duration::from_secs(2)],
        "waited exactly what the server asked"
    );
    // Beyond the policy's budget the caller is told when instead of waiting.
    env.fault(json!({"action": "status", "status": 429, "retryAfter": 360, "route": "/functions/v1/story-generation", "times": 1})).await;
    let err = generate(&env, &hero, "ra-2").await.unwrap_err();
    assert_eq!(
        (err.code(), err.retry_after()),
        (ErrorCode::RateLimited, Some(360))
    );
    assert!(err.is_retryable());
}

#[tokio::test]
async fn persistent_failures_end_in_max_retries_exceeded_and_garbage_is_not_retried() {
    let env = env().await;
    let hero = hero(&env).await;
    env.fault(json!({"action": "status", "status": 503, "route": "/functions/v1/story-generation", "times": 5})).await;
    let err = generate(&env, &hero, "mr-1").await.unwrap_err();
    assert!(
        matches!(err, CoreError::MaxRetriesExceeded { attempts: 5, .. }),
        "{err:?}"
    );
    assert!(err.is_retryable());
    env.fault(
        json!({"action": "malformed_json", "route": "/functions/v1/story-generation", "times": 1}),
    )
    .await;
    let before = env.calls(STORY);
    let err = generate(&env, &hero, "mj-1").await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidResponse);
    assert_eq!(env.calls(STORY), before + 1, "decode errors are fatal");
}

#[tokio::test]
async fn a_plain_insert_is_not_retried_but_a_read_is() {
    let (env, api) = signed_in().await;
    env.fault(json!({"action": "status", "status": 503, "route": "/rest/v1/heroes", "method": "POST", "times": 1})).await;
    let user = env.core.session().unwrap().user_id;
    let err = api
        .insert::<Value>(
            "heroes",
            &json!({"user_id": user, "name": "A", "primary_trait": "kind"}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Server);
    assert_eq!(env.calls("POST /rest/v1/heroes"), 1);
    env.fault(json!({"action": "status", "status": 503, "route": "/rest/v1/heroes", "method": "GET", "times": 2})).await;
    let rows: Vec<Value> = api.select("heroes", "select=id").await.unwrap();
    assert!(rows.is_empty());
    assert_eq!(env.calls("GET /rest/v1/heroes"), 3);
}

#[tokio::test]
async fn reported_36_a_functions_error_body_and_status_reach_the_caller() {
    let env = env().await;
    let hero = hero(&env).await;
    let api = env.core.api().unwrap();
    let mut bad = serde_json::to_value(story_request(&hero)).unwrap();
    bad["targetDuration"] = json!(5);
    let err = api
        .invoke::<Value>("story-generation", &bad, 1, "bad-1")
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert!(
        err.to_string().contains("targetDuration"),
        "the function's message names the field: {err}"
    );
    let mut unknown = serde_json::to_value(story_request(&hero)).unwrap();
    unknown["colour"] = json!("red");
    let err = api
        .invoke::<Value>("story-generation", &unknown, 1, "bad-2")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("colour"), "{err}");
}

#[tokio::test]
async fn reported_37_storage_errors_are_mapped_by_their_body_status() {
    let env = env().await;
    env.core.ensure_session().await.unwrap();
    let user = env.core.session().unwrap().user_id;
    let api = env.core.api().unwrap();
    let err = api
        .download(&format!("story-audio/{user}/nope/narration.mp3"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound, "{err:?}");
}

#[tokio::test]
async fn requests_carry_the_supabase_headers() {
    // The gateway refuses a request without `apikey`; a user call without a valid bearer
    // would see no rows. A select as the signed-in user proves both are sent.
    let env = env().await;
    let hero = hero(&env).await;
    let api = env.core.api().unwrap();
    let rows: Vec<Value> = api.select("heroes", "select=id,name").await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["id"], hero);
    // And with a wrong API key the gateway's bare `{message}` decodes to UNAUTHORIZED.
    let request =
        Request::new(Service::Rest, reqwest::Method::GET, "/heroes").policy(RetryPolicy::NONE);
    let raw = reqwest::Client::new()
        .get(api.transport().url(Service::Rest, "/heroes"))
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status(), 401);
    assert!(api.send(&request).await.is_ok());
}

/// Lets the spawned calls run until `timer` has `n` deadlines armed.
pub async fn until_armed(timer: &ManualTimer, n: usize) {
    for _ in 0..10_000 {
        if timer.waiting() >= n {
            return;
        }
        tokio::task::yield_now().await;
    }
    panic!("no deadline armed");
}

async fn settle() {
    for _ in 0..50 {
        tokio::task::yield_now().await;
    }
}

#[tokio::test]
async fn a_generation_call_waits_past_30_s_and_times_out_at_300_s_once_giving_its_token_back() {
    let env = env().await;
    let hero = hero(&env).await;
    // The provider is slow: the backend holds the call far longer than any deadline.
    env.fault(json!({"action": "latency", "route": "/functions/v1/story-generation", "latencyMs": 3_600_000, "times": 1}))
        .await;
    let api = env.core.api().unwrap();
    let body = story_request(&hero);
    let call = tokio::spawn(async move {
        api.invoke::<GeneratedStory>("story-generation", &body, 1, "slow-1")
            .await
            .map(|i| i.data)
    });
    until_armed(&env.timer, 1).await;
    let remaining = |env: &Env| {
        env.core
            .limits()
            .into_iter()
            .find(|l| l.endpoint == "story-generation")
            .unwrap()
            .remaining
    };
    assert_eq!(remaining(&env), 9, "the call holds one token");
    // Past the ordinary 30 s: a generation call is still waiting.
    env.timer.advance(Duration::from_secs(31));
    settle().await;
    assert!(!call.is_finished(), "gave up at 30 s");
    // At 300 s it gives up, once, and the token comes back.
    env.timer.advance(Duration::from_secs(269));
    let err = call.await.unwrap().unwrap_err();
    assert!(matches!(err, CoreError::Timeout), "{err:?}");
    assert!(
        env.sleeper.waits().is_empty(),
        "a timed-out call is not retried"
    );
    assert_eq!(remaining(&env), 10, "the token came back");
}

#[tokio::test]
async fn an_ordinary_call_times_out_at_30_s_and_a_cancelled_call_gives_its_token_back() {
    let env = env().await;
    let hero = hero(&env).await;
    env.fault(json!({"action": "latency", "route": "/rest/v1/stories", "method": "GET", "latencyMs": 3_600_000, "times": 1}))
        .await;
    let api = env.core.api().unwrap();
    let read = tokio::spawn(async move { api.select::<Value>("stories", "select=id").await });
    until_armed(&env.timer, 1).await;
    env.timer.advance(Duration::from_secs(29));
    settle().await;
    assert!(!read.is_finished());
    env.timer.advance(Duration::from_secs(1));
    let err = read.await.unwrap().unwrap_err();
    assert!(matches!(err, CoreError::Timeout), "{err:?}");

    // A generation the family cancels (its future dropped half-way) gives its token back.
    env.fault(json!({"action": "latency", "route": "/functions/v1/story-generation", "latencyMs": 3_600_000, "times": 1}))
        .await;
    let api = env.core.api().unwrap();
    let body = story_request(&hero);
    let call = tokio::spawn(async move {
        api.invoke::<GeneratedStory>("story-generation", &body, 1, "cancel-1")
            .await
            .map(|i| i.data)
    });
    until_armed(&env.timer, 1).await;
    call.abort();
    assert!(call.await.unwrap_err().is_cancelled());
    let story = env
        .core
        .limits()
        .into_iter()
        .find(|l| l.endpoint == "story-generation")
        .unwrap();
    assert_eq!(story.remaining, story.capacity);
}
