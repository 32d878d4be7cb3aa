//! The five functions: envelopes, codes and statuses, effects on rows and storage, quotas,
//! idempotent retries, ownership.

use std::time::Duration;

use reqwest::Method;
use serde_json::{Value, json};

use crate::support::{Session, TestServer};

fn story_body(hero: &str) -> Value {
    json!({"heroId": hero, "event": {"type": "built_in", "data": {"event": "bedtime_adventure"}}, "targetDuration": 300, "language": "en", "voice": "coral"})
}

async fn make_story(s: &TestServer, u: &Session) -> (String, String, Value) {
    let hero = s.hero(u, "Luna").await;
    let res = s.invoke(u, "story-generation", story_body(&hero)).await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    (
        hero,
        body["data"]["storyId"].as_str().unwrap().to_string(),
        body,
    )
}

#[tokio::test]
async fn story_generation_returns_the_envelope_and_stores_the_story_and_scenes() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let hero = s.hero(&u, "Luna").await;
    let res = s
        .as_user(Method::POST, "/functions/v1/story-generation", &u)
        .header("x-request-id", "7d1f6e2a-0000-4000-8000-000000000001")
        .json(&story_body(&hero))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["x-request-id"],
        "7d1f6e2a-0000-4000-8000-000000000001"
    );
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["success"], true);
    assert_eq!(
        body["meta"]["requestId"],
        "7d1f6e2a-0000-4000-8000-000000000001"
    );
    assert_eq!(body["meta"]["cached"], false);
    assert!(body["meta"]["processingTime"].is_u64());
    let data = &body["data"];
    assert_eq!(data["title"], "Luna and the bedtime adventure");
    assert_eq!(data["scenes"].as_array().unwrap().len(), 3);
    assert_eq!(data["scenes"][0]["timestampSeconds"], 0.0);
    assert_eq!(data["scenes"][0]["sceneNumber"], 1);

    let story_id = data["storyId"].as_str().unwrap();
    let rows: Value = s
        .get_json(&format!("/rest/v1/stories?id=eq.{story_id}"), &u)
        .await;
    assert_eq!(rows[0]["hero_id"], hero.as_str());
    assert_eq!(rows[0]["event_id"], "bedtime_adventure");
    assert_eq!(rows[0]["target_duration"], 300);
    let scenes: Value = s
        .get_json(
            &format!("/rest/v1/story_scenes?story_id=eq.{story_id}&order=scene_number"),
            &u,
        )
        .await;
    assert_eq!(scenes.as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn a_retried_request_id_returns_the_first_story_instead_of_a_second() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let hero = s.hero(&u, "Luna").await;
    let call = || {
        s.as_user(Method::POST, "/functions/v1/story-generation", &u)
            .header("x-request-id", "retry-me-1")
            .json(&story_body(&hero))
            .send()
    };
    let (a, b) = tokio::join!(call(), call());
    let (a, b): (Value, Value) = (
        a.unwrap().json().await.unwrap(),
        b.unwrap().json().await.unwrap(),
    );
    assert_eq!(a["data"]["storyId"], b["data"]["storyId"]);
    let again: Value = call().await.unwrap().json().await.unwrap();
    assert_eq!(again["data"]["storyId"], a["data"]["storyId"]);
    assert_eq!(again["meta"]["cached"], true);
    let rows: Value = s.get_json("/rest/v1/stories?select=id", &u).await;
    assert_eq!(rows.as_array().unwrap().len(), 1, "one story, not three");

    s.advance(Duration::from_secs(601));
    let later: Value = call().await.unwrap().json().await.unwrap();
    assert_ne!(
        later["data"]["storyId"], a["data"]["storyId"],
        "after 10 minutes the id is new work"
    );
    let other = s.anonymous().await;
    let hero_b = s.hero(&other, "Bo").await;
    let res: Value = s
        .as_user(Method::POST, "/functions/v1/story-generation", &other)
        .header("x-request-id", "retry-me-1")
        .json(&story_body(&hero_b))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_ne!(
        res["data"]["storyId"], a["data"]["storyId"],
        "request ids are per user"
    );
}

#[tokio::test]
async fn errors_have_real_statuses_and_codes() {
    let s = TestServer::start().await;
    let (u, other) = (s.anonymous().await, s.anonymous().await);
    let hero = s.hero(&u, "Luna").await;
    let expect = |status: u16, code: &'static str| {
        move |res: (u16, Value)| {
            assert_eq!(res.0, status, "{}", res.1);
            assert_eq!(res.1["error"]["code"], code, "{}", res.1);
            assert!(res.1["requestId"].is_string() && res.1["timestamp"].is_string());
        }
    };
    let s = &s;
    async fn call(s: &TestServer, who: &Session, name: &str, body: Value) -> (u16, Value) {
        let r = s.invoke(who, name, body).await;
        (r.status().as_u16(), r.json::<Value>().await.unwrap())
    }
    let mut bad = story_body(&hero);
    bad["targetDuration"] = json!(30);
    expect(400, "INVALID_REQUEST")(call(s, &u, "story-generation", bad).await);
    let mut unknown = story_body(&hero);
    unknown["colour"] = json!("red");
    let (st, body) = call(s, &u, "story-generation", unknown).await;
    expect(400, "INVALID_REQUEST")((st, body.clone()));
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("colour"),
        "the message names the field"
    );
    expect(404, "NOT_FOUND")(
        call(
            s,
            &u,
            "story-generation",
            story_body(&uuid::Uuid::new_v4().to_string()),
        )
        .await,
    );
    expect(403, "FORBIDDEN")(call(s, &other, "story-generation", story_body(&hero)).await);
    expect(400, "CONTENT_POLICY_VIOLATION")(
        call(
            s,
            &u,
            "avatar-generation",
            json!({"heroId": hero, "prompt": "a scary monster"}),
        )
        .await,
    );

    let res = s
        .req(Method::POST, "/functions/v1/story-generation")
        .json(&story_body(&hero))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(
        res.json::<Value>().await.unwrap()["error"]["code"],
        "UNAUTHORIZED"
    );
    let res = s
        .as_user(Method::POST, "/functions/v1/story-generation", &u)
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.json::<Value>().await.unwrap()["error"]["code"],
        "INVALID_REQUEST"
    );
    let res = s
        .as_user(Method::POST, "/functions/v1/no-such-function", &u)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);

    let (_, story_id, _) = make_story(s, &u).await;
    expect(502, "PROVIDER_ERROR")(call(s, &u, "audio-synthesis", json!({"storyId": story_id, "text": "PROVIDER_DOWN", "voice": "coral", "language": "en"})).await);
}

#[tokio::test]
async fn quotas_answer_429_with_retry_after_and_failed_calls_do_not_count() {
    let s = TestServer::start_with(|c| {
        c.quotas.extract_scenes = 2;
        c.access_token_ttl = Duration::from_secs(86_400);
    })
    .await;
    let u = s.anonymous().await;
    let body = json!({"storyContent": "Once upon a time.", "storyDuration": 60, "heroName": "Luna", "eventContext": "bedtime"});
    let failing = json!({"storyContent": "", "storyDuration": 60, "heroName": "Luna"});
    assert_eq!(s.invoke(&u, "extract-scenes", failing).await.status(), 400);
    assert_eq!(
        s.invoke(&u, "extract-scenes", body.clone()).await.status(),
        200
    );
    s.advance(Duration::from_secs(600));
    assert_eq!(
        s.invoke(&u, "extract-scenes", body.clone()).await.status(),
        200
    );
    let res = s.invoke(&u, "extract-scenes", body.clone()).await;
    assert_eq!(res.status(), 429);
    assert_eq!(res.headers()["retry-after"], "3000");
    let err: Value = res.json().await.unwrap();
    assert_eq!(err["error"]["code"], "RATE_LIMITED");
    assert_eq!(err["error"]["retryAfter"], 3000);
    let other = s.anonymous().await;
    assert_eq!(
        s.invoke(&other, "extract-scenes", body.clone())
            .await
            .status(),
        200,
        "quotas are per user"
    );
    s.advance(Duration::from_secs(3001));
    assert_eq!(
        s.invoke(&u, "extract-scenes", body).await.status(),
        200,
        "the window slides"
    );
}

#[tokio::test]
async fn audio_synthesis_stores_the_file_and_updates_the_story() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let (_, story_id, _) = make_story(&s, &u).await;
    let res = s.invoke(&u, "audio-synthesis", json!({"storyId": story_id, "text": "Once upon a time.", "voice": "fable", "language": "en"})).await;
    assert_eq!(res.status(), 200);
    let data = res.json::<Value>().await.unwrap()["data"].clone();
    assert_eq!(data["durationSeconds"], 12.5);
    assert_eq!(data["voiceUsed"], "fable");
    assert_eq!(data["format"], "ogg");
    assert_eq!(
        data["storagePath"],
        format!("{}/{story_id}/narration.ogg", u.user_id)
    );
    let audio = s
        .http
        .get(data["audioUrl"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(audio.bytes().await.unwrap().as_ref(), b"OggS-fake-audio");
    let timings: Value = s
        .http
        .get(data["timingsUrl"].as_str().unwrap())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(timings[0]["word"], "Once");
    let row: Value = s
        .get_json(
            &format!(
                "/rest/v1/stories?id=eq.{story_id}&select=audio_path,audio_duration,audio_voice"
            ),
            &u,
        )
        .await;
    assert_eq!(row[0]["audio_duration"], 12.5);
    assert_eq!(row[0]["audio_voice"], "fable");
}

#[tokio::test]
async fn avatar_generation_updates_the_hero() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let hero = s.hero(&u, "Luna").await;
    let res = s.invoke(&u, "avatar-generation", json!({"heroId": hero, "prompt": "a kind girl with a red scarf", "style": "watercolor", "size": "1024x1024", "quality": "high"})).await;
    assert_eq!(res.status(), 200);
    let data = res.json::<Value>().await.unwrap()["data"].clone();
    assert_eq!(data["generationId"], "gen-avatar");
    assert_eq!(data["imageSize"], "1024x1024");
    let row: Value = s
        .get_json(&format!("/rest/v1/heroes?id=eq.{hero}"), &u)
        .await;
    assert_eq!(row[0]["avatar_generation_id"], "gen-avatar");
    assert_eq!(row[0]["avatar_style"], "watercolor");
}

#[tokio::test]
async fn scene_illustration_moves_rows_to_completed_or_failed_and_reruns_replace() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let (hero, story_id, story) = make_story(&s, &u).await;
    let mut scenes = story["data"]["scenes"].clone();
    scenes[1]["illustrationPrompt"] = json!("please FAIL this one");
    let res = s
        .invoke(
            &u,
            "scene-illustration",
            json!({"storyId": story_id, "heroId": hero, "scenes": scenes}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let data = res.json::<Value>().await.unwrap()["data"].clone();
    assert_eq!(data["status"], "partial");
    assert_eq!(data["totalScenes"], 3);
    assert_eq!(data["completedScenes"], 2);
    assert_eq!(data["illustrations"][1]["status"], "failed");
    let rows: Value = s.get_json(&format!("/rest/v1/story_illustrations?story_id=eq.{story_id}&order=scene_number&select=scene_number,status,retry_count"), &u).await;
    assert_eq!(
        rows.as_array()
            .unwrap()
            .iter()
            .map(|r| r["status"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["completed", "failed", "completed"]
    );

    let res = s
        .invoke(
            &u,
            "scene-illustration",
            json!({"storyId": story_id, "heroId": hero, "scenes": [story["data"]["scenes"][1]]}),
        )
        .await;
    assert_eq!(
        res.json::<Value>().await.unwrap()["data"]["status"],
        "completed"
    );
    let rows: Value = s
        .get_json(
            &format!("/rest/v1/story_illustrations?story_id=eq.{story_id}&order=scene_number"),
            &u,
        )
        .await;
    assert_eq!(
        rows.as_array().unwrap().len(),
        3,
        "a re-run replaces, not duplicates"
    );
    assert_eq!(rows[1]["status"], "completed");
    assert_eq!(rows[1]["retry_count"], 1);

    let res = s
        .invoke(
            &u,
            "scene-illustration",
            json!({"storyId": story_id, "heroId": hero, "scenes": []}),
        )
        .await;
    assert_eq!(res.status(), 400);
}

#[tokio::test]
async fn custom_events_drive_stories_and_count_their_uses() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let hero = s.hero(&u, "Luna").await;
    let res = s
        .as_user(Method::POST, "/rest/v1/custom_events", &u)
        .header("prefer", "return=representation")
        .json(&json!({"title": "First day at school", "prompt_seed": "a brave first day", "category": "daily_life", "tone": "calming", "keywords": ["backpack"]}))
        .send()
        .await
        .unwrap();
    let event_id = res.json::<Value>().await.unwrap()[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let body = json!({"heroId": hero, "event": {"type": "custom", "data": {"custom_event_id": event_id}}, "targetDuration": 420, "language": "fr"});
    let res = s.invoke(&u, "story-generation", body.clone()).await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.json::<Value>().await.unwrap()["data"]["title"],
        "Luna and the First day at school"
    );
    // Two more at once: each use is counted on the row as it is, none is lost.
    let (a, b) = tokio::join!(
        s.invoke(&u, "story-generation", body.clone()),
        s.invoke(&u, "story-generation", body)
    );
    assert_eq!((a.status().as_u16(), b.status().as_u16()), (200, 200));
    let row: Value = s
        .get_json(
            &format!("/rest/v1/custom_events?id=eq.{event_id}&select=usage_count"),
            &u,
        )
        .await;
    assert_eq!(row[0]["usage_count"], 3);
}

#[tokio::test]
async fn a_provider_that_never_answers_is_a_504_timeout_and_refunds_the_quota() {
    // The server's own guard fires after 1 s of real time (the test itself never sleeps); long
    // enough that the second, answering call finishes inside it on a loaded debug build (at
    // 100 ms it did not, once, at load 20).
    let s = TestServer::start_with(|c| {
        c.function_timeout = Duration::from_secs(1);
        c.quotas.story_generation = 1;
    })
    .await;
    let u = s.anonymous().await;
    let hero = s.hero(&u, "Sleepy").await;
    let res = s.invoke(&u, "story-generation", story_body(&hero)).await;
    assert_eq!(res.status(), 504);
    assert_eq!(
        res.json::<Value>().await.unwrap()["error"]["code"],
        "TIMEOUT"
    );
    let awake = s.hero(&u, "Luna").await;
    assert_eq!(
        s.invoke(&u, "story-generation", story_body(&awake))
            .await
            .status(),
        200,
        "the timed-out call did not use the quota"
    );
}

/// Rows of `quota_spend` in the server's database, read as another SQLite connection would.
async fn quota_rows(s: &TestServer) -> i64 {
    let url = format!(
        "sqlite://{}?mode=ro",
        s.dir.path().join("backend/server.db").display()
    );
    let mut db = <sqlx::SqliteConnection as sqlx::Connection>::connect(&url)
        .await
        .unwrap();
    sqlx::query_scalar("SELECT COUNT(*) FROM quota_spend")
        .fetch_one(&mut db)
        .await
        .unwrap()
}

/// Polls `quota_rows` until it reads `want` (each poll is a real query; nothing sleeps).
async fn until_quota_rows(s: &TestServer, want: i64) {
    for _ in 0..10_000 {
        if quota_rows(s).await == want {
            return;
        }
        tokio::task::yield_now().await;
    }
    panic!("quota_spend never held {want} rows");
}

#[tokio::test]
async fn a_call_its_client_abandons_gives_its_quota_back() {
    let s = TestServer::start_with(|c| c.quotas.story_generation = 1).await;
    let u = s.anonymous().await;
    let hero = s.hero(&u, "Sleepy").await;
    let call = s
        .as_user(Method::POST, "/functions/v1/story-generation", &u)
        .header("x-request-id", "abandoned-1")
        .json(&story_body(&hero))
        .send();
    let pending = tokio::spawn(call);
    // The call has spent the only story of the hour and waits on the provider…
    until_quota_rows(&s, 1).await;
    // …when its client gives up (a cancel, or the client's deadline): the connection closes.
    pending.abort();
    let _ = pending.await;
    until_quota_rows(&s, 0).await;
    let awake = s.hero(&u, "Luna").await;
    assert_eq!(
        s.invoke(&u, "story-generation", story_body(&awake))
            .await
            .status(),
        200,
        "the abandoned call did not use the quota"
    );
}

#[tokio::test]
async fn concurrent_illustration_runs_keep_one_row_per_scene() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let (hero, story_id, story) = make_story(&s, &u).await;
    let body = json!({"storyId": story_id, "heroId": hero, "scenes": story["data"]["scenes"]});
    let (a, b) = tokio::join!(
        s.invoke(&u, "scene-illustration", body.clone()),
        s.invoke(&u, "scene-illustration", body)
    );
    assert_eq!(
        (a.status(), b.status()),
        (reqwest::StatusCode::OK, reqwest::StatusCode::OK)
    );
    let rows: Value = s
        .get_json(
            &format!("/rest/v1/story_illustrations?story_id=eq.{story_id}&select=scene_number"),
            &u,
        )
        .await;
    assert_eq!(rows.as_array().unwrap().len(), 3, "{rows}");
}

#[tokio::test]
async fn a_restart_settles_pictures_and_quota_a_killed_process_left_half_done() {
    let s = TestServer::start_with(|c| c.quotas.scene_illustration = 4).await;
    let u = s.anonymous().await;
    let (hero, story_id, story) = make_story(&s, &u).await;
    let scenes = story["data"]["scenes"].clone();
    let res = s
        .invoke(
            &u,
            "scene-illustration",
            json!({"storyId": story_id, "heroId": hero, "scenes": [scenes[0]]}),
        )
        .await;
    assert_eq!(res.status(), 200);
    // Killed while drawing: the picture's row says `processing` and two more scenes' quota
    // was spent for a call that never ended — what the database holds after a kill.
    let now = infinite_stories_server::clock::Clock::now_millis(s.clock.as_ref());
    let TestServer { handle, dir, .. } = s;
    drop(handle);
    let url = format!(
        "sqlite://{}",
        dir.path().join("backend/server.db").display()
    );
    let mut db = <sqlx::SqliteConnection as sqlx::Connection>::connect(&url)
        .await
        .unwrap();
    sqlx::query("UPDATE records SET body = json_set(body, '$.status', 'processing') WHERE tbl = 'story_illustrations'")
        .execute(&mut db)
        .await
        .unwrap();
    sqlx::query("INSERT INTO quota_spend (user_id, function, weight, at, settled) VALUES (?, 'scene-illustration', 2, ?, 0)")
        .bind(&u.user_id)
        .bind(now)
        .execute(&mut db)
        .await
        .unwrap();
    drop(db);

    let s = TestServer::start_in(dir, |c| c.quotas.scene_illustration = 4).await;
    let rows: Value = s
        .get_json(
            &format!(
                "/rest/v1/story_illustrations?story_id=eq.{story_id}&select=status,error_message"
            ),
            &u,
        )
        .await;
    assert_eq!(rows[0]["status"], "failed", "{rows}");
    assert!(
        rows[0]["error_message"]
            .as_str()
            .unwrap()
            .starts_with("Interrupted"),
        "{rows}"
    );
    // The interrupted call's two scenes are back: 1 spent + 3 now fits the 4 of the hour.
    let res = s
        .invoke(
            &u,
            "scene-illustration",
            json!({"storyId": story_id, "heroId": hero, "scenes": scenes}),
        )
        .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let rows: Value = s
        .get_json(
            &format!("/rest/v1/story_illustrations?story_id=eq.{story_id}&order=scene_number&select=status,retry_count"),
            &u,
        )
        .await;
    assert_eq!(rows[0]["status"], "completed");
    assert_eq!(rows[0]["retry_count"], 1);
}

#[tokio::test]
async fn a_stop_does_not_wait_on_a_call_that_never_ends_and_loses_nothing_committed() {
    let grace = |c: &mut infinite_stories_server::ServerConfig| {
        c.quotas.story_generation = 1;
        c.shutdown_grace = Duration::ZERO;
    };
    let s = TestServer::start_with(grace).await;
    let u = s.anonymous().await;
    let kept = s.hero(&u, "Luna").await;
    let sleepy = s.hero(&u, "Sleepy").await;
    let call = s
        .as_user(Method::POST, "/functions/v1/story-generation", &u)
        .json(&story_body(&sleepy))
        .send();
    let pending = tokio::spawn(call);
    until_quota_rows(&s, 1).await;
    // Quitting mid-generation: the stop returns although the call never would.
    let TestServer { handle, dir, .. } = s;
    handle.shutdown().await;
    pending.abort();
    let s = TestServer::start_in(dir, grace).await;
    let heroes: Value = s
        .get_json(&format!("/rest/v1/heroes?id=eq.{kept}&select=name"), &u)
        .await;
    assert_eq!(heroes, json!([{"name": "Luna"}]), "committed rows survive");
    assert_eq!(
        s.invoke(&u, "story-generation", story_body(&kept))
            .await
            .status(),
        200,
        "the dropped call's quota was given back"
    );
}
