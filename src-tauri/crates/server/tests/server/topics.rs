//! Realtime authorisation (issue 14, item 1): a generation's progress is heard only by its
//! owner and written only by the server, presence stays within an account, and the REST
//! broadcast needs a user or the service key.

use reqwest::Method;
use serde_json::{Value, json};

use crate::support::TestServer;
use crate::ws::{Ws, cfg, private_cfg};

fn story_body(hero: &str) -> Value {
    json!({"heroId": hero, "event": {"type": "built_in", "data": {"event": "bedtime_adventure"}}, "targetDuration": 300, "language": "en", "voice": "coral"})
}

#[tokio::test]
async fn progress_reaches_only_the_generations_owner() {
    let s = TestServer::start().await;
    let (a, b) = (s.anonymous().await, s.anonymous().await);
    let topic = "realtime:progress-owned-1";
    let mut owner = Ws::connect(&s, "2.0.0").await;
    assert_eq!(
        owner
            .join(topic, "1", private_cfg(), Some(&a.access_token))
            .await[4]["status"],
        "ok"
    );
    let mut other = Ws::connect(&s, "2.0.0").await;
    assert_eq!(
        other
            .join(topic, "1", private_cfg(), Some(&b.access_token))
            .await[4]["status"],
        "ok"
    );
    let mut anon = Ws::connect(&s, "2.0.0").await;
    let refused = anon.join(topic, "1", cfg(json!([])), None).await;
    assert_eq!(refused[4]["status"], "error", "{refused}");
    assert!(
        refused[4]["response"]["reason"]
            .as_str()
            .unwrap()
            .contains("access token of the user who started it"),
        "{refused}"
    );

    let hero = s.hero(&a, "Luna").await;
    let res = s
        .as_user(Method::POST, "/functions/v1/story-generation", &a)
        .header("x-request-id", "owned-1")
        .json(&story_body(&hero))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let first = owner.until("broadcast").await;
    assert_eq!(first[4]["payload"]["requestId"], "owned-1");

    // The server's own broadcast to everyone on the topic comes after the progress on the one
    // ordered bus: the other user's first broadcast must be this one, not the progress.
    let res = s
        .http
        .post(s.url("/realtime/v1/api/broadcast"))
        .header("apikey", s.anon_key())
        .bearer_auth(s.handle.service_key())
        .json(
            &json!({"messages": [{"topic": "progress-owned-1", "event": "marker", "payload": {}, "private": true}]}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 202);
    assert_eq!(other.until("broadcast").await[4]["event"], "marker");
}

/// Realtime keeps a topic's private and public channels apart: the functions broadcast progress
/// privately, so a client that joined `progress-…` as a public channel hears none of it, and a
/// public REST broadcast reaches only the public channel.
#[tokio::test]
async fn private_progress_reaches_private_channels_only() {
    let s = TestServer::start().await;
    let a = s.anonymous().await;
    let topic = "realtime:progress-split-1";
    let mut private = Ws::connect(&s, "2.0.0").await;
    private
        .join(topic, "1", private_cfg(), Some(&a.access_token))
        .await;
    let mut public = Ws::connect(&s, "2.0.0").await;
    public
        .join(topic, "1", cfg(json!([])), Some(&a.access_token))
        .await;

    let hero = s.hero(&a, "Luna").await;
    let res = s
        .as_user(Method::POST, "/functions/v1/story-generation", &a)
        .header("x-request-id", "split-1")
        .json(&story_body(&hero))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let heard = private.until("broadcast").await;
    assert_eq!(heard[4]["event"], "progress", "{heard}");

    let marker = |private: bool, event: &str| json!({"messages": [{"topic": "progress-split-1", "event": event, "payload": {}, "private": private}]});
    for body in [
        marker(false, "public-marker"),
        marker(true, "private-marker"),
    ] {
        let res = s
            .http
            .post(s.url("/realtime/v1/api/broadcast"))
            .header("apikey", s.anon_key())
            .bearer_auth(s.handle.service_key())
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 202);
    }
    // The bus is ordered: the public channel's first broadcast is the public marker (no
    // progress before it), and the private channel skips it for the private marker.
    assert_eq!(public.until("broadcast").await[4]["event"], "public-marker");
    loop {
        let next = private.until("broadcast").await;
        assert_ne!(next[4]["event"], "public-marker", "{next}");
        if next[4]["event"] == "private-marker" {
            break;
        }
    }
}

#[tokio::test]
async fn a_client_cannot_write_a_generations_progress() {
    let s = TestServer::start().await;
    let a = s.anonymous().await;
    let topic = "realtime:progress-forged";
    let mut ws = Ws::connect(&s, "2.0.0").await;
    ws.join(topic, "1", cfg(json!([])), Some(&a.access_token))
        .await;
    ws.send(json!(["1", "2", topic, "broadcast", {"type": "broadcast", "event": "progress", "payload": {"progress": 1.0, "status": "done", "requestId": "forged"}}])).await;
    let reply = ws.until("phx_reply").await;
    assert_eq!(reply[4]["status"], "error", "{reply}");
    assert!(
        reply[4]["response"]["reason"]
            .as_str()
            .unwrap()
            .contains("only the server writes")
    );
}

#[tokio::test]
async fn rest_broadcast_needs_a_user_or_the_service_key() {
    let s = TestServer::start().await;
    let a = s.anonymous().await;
    let body = json!({"messages": [{"topic": "room-1", "event": "hi", "payload": {}}]});
    let anon = s
        .req(Method::POST, "/realtime/v1/api/broadcast")
        .bearer_auth(s.anon_key())
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(anon.status(), 401);
    let text = anon.text().await.unwrap();
    assert!(text.contains("signed-in user"), "{text}");
    let user = s
        .as_user(Method::POST, "/realtime/v1/api/broadcast", &a)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(user.status(), 202);
    let forged = s
        .as_user(Method::POST, "/realtime/v1/api/broadcast", &a)
        .json(&json!({"messages": [{"topic": "progress-x", "event": "progress", "payload": {}}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403);
}

#[tokio::test]
async fn presence_stays_within_the_account() {
    let s = TestServer::start().await;
    let (a, b) = (s.anonymous().await, s.anonymous().await);
    let topic = format!("realtime:presence-{}", a.user_id);
    let mut ws = Ws::connect(&s, "2.0.0").await;
    let mine = ws
        .join(&topic, "1", cfg(json!([])), Some(&a.access_token))
        .await;
    assert_eq!(mine[4]["status"], "ok", "{mine}");
    let mut theirs = Ws::connect(&s, "2.0.0").await;
    let refused = theirs
        .join(&topic, "1", cfg(json!([])), Some(&b.access_token))
        .await;
    assert_eq!(refused[4]["status"], "error", "{refused}");
    let mut anon = Ws::connect(&s, "2.0.0").await;
    assert_eq!(
        anon.join(&topic, "1", cfg(json!([])), None).await[4]["status"],
        "error"
    );
}

#[tokio::test]
async fn a_client_that_stops_reading_is_closed_with_1013_not_buffered_forever() {
    let s = TestServer::start_with(|c| c.realtime_out_queue = 8).await;
    let a = s.anonymous().await;
    let topic = "realtime:room-slow";
    let mut slow = Ws::connect(&s, "2.0.0").await;
    slow.join(topic, "1", cfg(json!([])), Some(&a.access_token))
        .await;
    // 64 KiB broadcasts until the loopback buffers and the 8-frame queue are full: the socket
    // must be closed, not grow its queue.
    let big = "z".repeat(64 * 1024);
    for _ in 0..200 {
        let res = s
            .as_user(Method::POST, "/realtime/v1/api/broadcast", &a)
            .json(&json!({"messages": [{"topic": "room-slow", "event": "big", "payload": {"b": big}}]}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 202);
    }
    let mut frames = 0;
    loop {
        match slow.recv().await {
            crate::ws::Got::Close(code) => {
                assert_eq!(code, 1013, "closed as too far behind");
                break;
            }
            _ => frames += 1,
        }
    }
    assert!(
        frames < 200,
        "some frames were dropped with the socket: {frames}"
    );
}
