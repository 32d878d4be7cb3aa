//! Realtime: heartbeats, joins, postgres_changes by owner and filter, broadcast (text and
//! binary), presence, token expiry, access_token pushes, duplicate joins, close on shutdown.

use std::time::Duration;

use infinite_stories_server::realtime::codec;
use reqwest::Method;
use serde_json::{Value, json};

use crate::support::TestServer;
use crate::ws::{Got, Ws, cfg};

#[tokio::test]
async fn heartbeat_join_reply_ids_and_unmatched_topics() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let mut ws = Ws::connect(&s, "2.0.0").await;
    ws.send(json!([null, "1", "phoenix", "heartbeat", {}]))
        .await;
    assert_eq!(
        ws.text().await,
        json!([null, "1", "phoenix", "phx_reply", {"status": "ok", "response": {}}])
    );

    let pg = json!([{"event": "INSERT", "schema": "public", "table": "stories", "filter": format!("user_id=eq.{}", u.user_id)}]);
    let reply = ws
        .join(
            &format!("realtime:story-updates-{}", u.user_id),
            "3",
            cfg(pg.clone()),
            Some(&u.access_token),
        )
        .await;
    assert_eq!(reply[0], "3");
    assert_eq!(reply[4]["status"], "ok");
    let echoed = &reply[4]["response"]["postgres_changes"][0];
    assert!(echoed["id"].is_u64(), "integer subscription id: {echoed}");
    assert_eq!(echoed["table"], "stories");
    assert_eq!(echoed["filter"], pg[0]["filter"]);
    let system = ws.until("system").await;
    assert_eq!(system[4]["message"], "Subscribed to PostgreSQL");

    ws.send(json!(["9", "10", "realtime:never-joined", "broadcast", {"type": "broadcast", "event": "x", "payload": {}}])).await;
    let r = ws.text().await;
    assert_eq!(
        r[4],
        json!({"status": "error", "response": {"reason": "unmatched topic"}})
    );

    ws.send(json!([
        "3",
        "11",
        format!("realtime:story-updates-{}", u.user_id),
        "phx_leave",
        {}
    ]))
    .await;
    assert_eq!(ws.text().await[4]["status"], "ok");
    let close = ws.text().await;
    assert_eq!(close[3], "phx_close");
    assert_eq!(close[0], "3");
}

#[tokio::test]
async fn join_with_an_expired_token_is_refused() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    s.advance(Duration::from_secs(3642));
    let mut ws = Ws::connect(&s, "2.0.0").await;
    let reply = ws
        .join("realtime:room1", "1", cfg(json!([])), Some(&u.access_token))
        .await;
    assert_eq!(reply[4]["status"], "error");
    assert_eq!(
        reply[4]["response"]["reason"],
        "InvalidJWTToken: Token has expired 42 seconds ago"
    );
    let reply = ws
        .join("realtime:room1", "2", cfg(json!([])), Some("garbage"))
        .await;
    assert_eq!(
        reply[4]["response"]["reason"],
        "MalformedJWT: The token provided is not a valid JWT"
    );
}

#[tokio::test]
async fn postgres_changes_reach_only_the_owner_and_respect_the_filter() {
    let s = TestServer::start().await;
    let (a, b) = (s.anonymous().await, s.anonymous().await);
    let mut wa = Ws::connect(&s, "2.0.0").await;
    let mut wb = Ws::connect(&s, "2.0.0").await;
    let pg = |u: &str| json!([{"event": "*", "schema": "public", "table": "heroes", "filter": format!("user_id=eq.{u}")}]);
    let ra = wa
        .join(
            "realtime:a",
            "1",
            cfg(pg(&a.user_id)),
            Some(&a.access_token),
        )
        .await;
    // B subscribes to *A's* rows by filter: ownership still hides them.
    wb.join(
        "realtime:b",
        "1",
        cfg(pg(&a.user_id)),
        Some(&b.access_token),
    )
    .await;
    wa.until("system").await;
    wb.until("system").await;

    let hero = s.hero(&a, "Luna").await;
    let ev = wa.until("postgres_changes").await;
    assert_eq!(
        ev[4]["ids"][0],
        ra[4]["response"]["postgres_changes"][0]["id"]
    );
    let data = &ev[4]["data"];
    assert_eq!(data["type"], "INSERT");
    assert_eq!(data["table"], "heroes");
    assert_eq!(data["record"]["id"], hero.as_str());
    assert!(
        data["columns"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c == &json!({"name": "is_active", "type": "bool"}))
    );
    assert!(data["commit_timestamp"].as_str().unwrap().ends_with('Z'));

    s.as_user(Method::PATCH, &format!("/rest/v1/heroes?id=eq.{hero}"), &a)
        .json(&json!({"name": "Luna Star"}))
        .send()
        .await
        .unwrap();
    let ev = wa.until("postgres_changes").await;
    assert_eq!(ev[4]["data"]["type"], "UPDATE");
    assert_eq!(ev[4]["data"]["record"]["name"], "Luna Star");
    assert_eq!(ev[4]["data"]["old_record"]["id"], hero.as_str());

    // B's own hero must not reach A, and A's changes never reached B: B's next frame is
    // the heartbeat reply, not an event.
    s.hero(&b, "Bo").await;
    wb.send(json!([null, "99", "phoenix", "heartbeat", {}]))
        .await;
    assert_eq!(wb.text().await[1], "99", "B received nothing of A's");
    wa.send(json!([null, "98", "phoenix", "heartbeat", {}]))
        .await;
    assert_eq!(wa.text().await[1], "98", "A received nothing of B's");
}

#[tokio::test]
async fn illustration_updates_follow_the_story_filter() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let hero = s.hero(&u, "Luna").await;
    let story: Value = s
        .invoke(&u, "story-generation", json!({"heroId": hero, "event": {"type": "built_in", "data": {"event": "birthday"}}, "targetDuration": 300, "language": "en"}))
        .await
        .json()
        .await
        .unwrap();
    let story_id = story["data"]["storyId"].as_str().unwrap();
    let mut ws = Ws::connect(&s, "2.0.0").await;
    let pg = json!([{"event": "*", "schema": "public", "table": "story_illustrations", "filter": format!("story_id=eq.{story_id}")}]);
    ws.join(
        &format!("realtime:illustration-{story_id}"),
        "1",
        cfg(pg),
        Some(&u.access_token),
    )
    .await;
    ws.until("system").await;
    let scenes = json!([story["data"]["scenes"][0]]);
    let res = s
        .invoke(
            &u,
            "scene-illustration",
            json!({"storyId": story_id, "heroId": hero, "scenes": scenes}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let mut statuses = Vec::new();
    while statuses.last().map(String::as_str) != Some("completed") {
        let ev = ws.until("postgres_changes").await;
        statuses.push(
            ev[4]["data"]["record"]["status"]
                .as_str()
                .unwrap()
                .to_string(),
        );
    }
    assert_eq!(statuses, ["pending", "processing", "completed"]);
}

#[tokio::test]
async fn broadcast_self_ack_binary_and_v1_receivers() {
    let s = TestServer::start().await;
    let mut sender = Ws::connect(&s, "2.0.0").await;
    let mut v2 = Ws::connect(&s, "2.0.0").await;
    let mut v1 = Ws::connect(&s, "1.0.0").await;
    let topic = "realtime:room1";
    sender.join(topic, "3", json!({"broadcast": {"ack": true, "self": true}, "presence": {"key": "", "enabled": false}, "postgres_changes": []}), None).await;
    v2.join(topic, "1", cfg(json!([])), None).await;
    v1.send(json!({"topic": topic, "event": "phx_join", "payload": {"config": cfg(json!([]))}, "ref": "1", "join_ref": "1"})).await;
    let reply = v1.text().await;
    assert_eq!(
        reply,
        json!({"topic": topic, "event": "phx_reply", "payload": {"status": "ok", "response": {"postgres_changes": []}}, "ref": "1"})
    );

    sender
        .send_binary(
            codec::encode_client_broadcast(
                "3",
                "47",
                topic,
                "cursor-pos",
                &json!({"x": 120, "y": 44}),
            )
            .unwrap(),
        )
        .await;
    let mut got_ack = false;
    let mut got_self = false;
    while !(got_ack && got_self) {
        match sender.recv().await {
            Got::Text(v) if v[3] == "phx_reply" && v[1] == "47" => got_ack = true,
            Got::Binary(b) => {
                assert_eq!(b[0], 4);
                got_self = true;
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    match v2.recv().await {
        Got::Binary(b) => assert_eq!(
            hex(&b),
            "040e0a00017265616c74696d653a726f6f6d31637572736f722d706f737b2278223a3132302c2279223a34347d"
        ),
        other => panic!("expected a kind-4 frame, got {other:?}"),
    }
    let text = v1.text().await;
    assert_eq!(text["event"], "broadcast");
    assert_eq!(
        text["payload"],
        json!({"type": "broadcast", "event": "cursor-pos", "payload": {"x": 120, "y": 44}})
    );

    // A text broadcast from the v1 socket reaches v2 sockets as a text frame; self is off there.
    v1.send(json!({"topic": topic, "event": "broadcast", "payload": {"type": "broadcast", "event": "hi", "payload": {"n": 1}}, "ref": "2", "join_ref": "1"})).await;
    assert_eq!(
        v2.text().await,
        json!([null, null, topic, "broadcast", {"type": "broadcast", "event": "hi", "payload": {"n": 1}}])
    );

    // The REST endpoint (a user's token or the service key) reaches sockets as text.
    let res = s
        .req(Method::POST, "/realtime/v1/api/broadcast")
        .bearer_auth(s.handle.service_key())
        .json(&json!({"messages": [{"topic": "room1", "event": "rest", "payload": {"ok": true}}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 202);
    assert_eq!(v2.text().await[4]["event"], "rest");
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[tokio::test]
async fn presence_state_and_diffs() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let topic = &format!("realtime:presence-{}", u.user_id);
    let config = |key: &str| json!({"broadcast": {"ack": false, "self": false}, "presence": {"key": key, "enabled": true}, "postgres_changes": []});
    let mut a = Ws::connect(&s, "2.0.0").await;
    a.join(topic, "1", config("desktop-1"), Some(&u.access_token))
        .await;
    assert_eq!(a.until("presence_state").await[4], json!({}));
    a.send(json!(["1", "2", topic, "presence", {"type": "presence", "event": "track", "payload": {"online_at": "now"}}])).await;
    let mut reply = false;
    let mut diff = Value::Null;
    while !reply || diff.is_null() {
        let v = a.text().await;
        if v[3] == "phx_reply" {
            reply = true
        } else if v[3] == "presence_diff" {
            diff = v[4].clone()
        }
    }
    let meta = &diff["joins"]["desktop-1"]["metas"][0];
    assert_eq!(meta["online_at"], "now");
    assert!(meta["phx_ref"].is_string());

    let mut b = Ws::connect(&s, "2.0.0").await;
    b.join(topic, "1", config("laptop"), Some(&u.access_token))
        .await;
    let state = b.until("presence_state").await;
    assert_eq!(state[4]["desktop-1"]["metas"][0]["online_at"], "now");

    drop(a);
    let diff = b.until("presence_diff").await;
    assert!(diff[4]["leaves"]["desktop-1"].is_object(), "{diff}");
}

#[tokio::test]
async fn token_expiry_shuts_the_channel_with_system_error_then_phx_close() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let mut ws = Ws::connect(&s, "2.0.0").await;
    ws.join("realtime:room1", "5", cfg(json!([])), Some(&u.access_token))
        .await;
    s.advance(Duration::from_secs(3603));
    ws.send(json!([null, "6", "phoenix", "heartbeat", {}]))
        .await;
    let system = ws.until("system").await;
    assert_eq!(
        system[4],
        json!({"extension": "system", "status": "error", "message": "Token has expired 3 seconds ago", "channel": "room1"})
    );
    let close = ws.until("phx_close").await;
    assert_eq!(close[0], "5");
}

#[tokio::test]
async fn access_token_pushes_extend_or_end_the_channel() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let mut ws = Ws::connect(&s, "2.0.0").await;
    ws.join("realtime:room1", "5", cfg(json!([])), Some(&u.access_token))
        .await;
    s.advance(Duration::from_secs(3000));
    let fresh: Value = s
        .req(Method::POST, "/auth/v1/token?grant_type=refresh_token")
        .json(&json!({"refresh_token": u.refresh_token}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(fresh["access_token"].is_string(), "{fresh}");
    ws.send(json!(["5", "7", "realtime:room1", "access_token", {"access_token": fresh["access_token"]}])).await;
    // A heartbeat round trip: the push has been handled before time moves on.
    ws.send(json!([null, "71", "phoenix", "heartbeat", {}]))
        .await;
    assert_eq!(ws.text().await[1], "71");
    s.advance(Duration::from_secs(700));
    ws.send(json!([null, "8", "phoenix", "heartbeat", {}]))
        .await;
    let next = ws.text().await;
    assert_eq!(
        next[1], "8",
        "the pushed token kept the channel alive past the old expiry: {next}"
    );
    ws.send(json!(["5", "9", "realtime:room1", "access_token", {"access_token": "not-a-jwt"}]))
        .await;
    let system = ws.until("system").await;
    assert_eq!(system[4]["status"], "error");
    ws.until("phx_close").await;
}

#[tokio::test]
async fn a_duplicate_join_closes_the_old_one_first() {
    let s = TestServer::start().await;
    let mut ws = Ws::connect(&s, "2.0.0").await;
    ws.join("realtime:room1", "1", cfg(json!([])), None).await;
    ws.send(json!(["2", "2", "realtime:room1", "phx_join", {"config": cfg(json!([]))}]))
        .await;
    let close = ws.text().await;
    assert_eq!(close, json!(["1", null, "realtime:room1", "phx_close", {}]));
    let reply = ws.text().await;
    assert_eq!(reply[0], "2");
    assert_eq!(reply[4]["status"], "ok");
}

#[tokio::test]
async fn shutdown_closes_sockets_with_1001() {
    let s = TestServer::start().await;
    let mut ws = Ws::connect(&s, "2.0.0").await;
    ws.join("realtime:room1", "1", cfg(json!([])), None).await;
    let crate::support::TestServer { handle, .. } = s;
    let (closed, ()) = tokio::join!(ws.recv(), handle.shutdown());
    assert!(matches!(closed, Got::Close(1001)), "{closed:?}");
}

#[tokio::test]
async fn too_many_presence_updates_shut_the_channel() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let topic = &format!("realtime:presence-{}:busy", u.user_id);
    let mut ws = Ws::connect(&s, "2.0.0").await;
    ws.join(topic, "1", cfg(json!([])), Some(&u.access_token))
        .await;
    for n in 0..5 {
        let track = json!(["1", format!("t{n}"), topic, "presence", {"type": "presence", "event": "track", "payload": {"n": n}}]);
        ws.send(track).await;
        assert_eq!(ws.until("phx_reply").await[4]["status"], "ok");
    }
    ws.send(json!(["1", "t5", topic, "presence", {"type": "presence", "event": "track", "payload": {"n": 5}}])).await;
    assert_eq!(
        ws.until("system").await[4]["message"],
        "Client presence rate limit exceeded"
    );
    ws.until("phx_close").await;
    s.advance(Duration::from_secs(31));
    ws.join(topic, "2", cfg(json!([])), Some(&u.access_token))
        .await;
    ws.send(json!(["2", "t6", topic, "presence", {"type": "presence", "event": "track", "payload": {"n": 6}}])).await;
    assert_eq!(
        ws.until("phx_reply").await[4]["status"],
        "ok",
        "the window slides"
    );
}
