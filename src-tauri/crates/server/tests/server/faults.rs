//! Fault injection: off by default, service key only, and each HTTP and realtime fault does
//! what the client's reliability tests script.

use reqwest::Method;
use serde_json::{Value, json};

use crate::support::TestServer;
use crate::ws::{Got, Ws, cfg};

#[tokio::test]
async fn control_needs_the_service_key_and_is_absent_when_off() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let res = s
        .as_user(Method::POST, "/admin/v1/faults", &u)
        .json(&json!({"action": "status"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let res = s
        .req(Method::POST, "/admin/v1/faults")
        .json(&json!({"action": "status"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403, "the anon key is not enough");
    let off = TestServer::start_with(|c| c.faults_enabled = false).await;
    let res = off
        .req(Method::GET, "/admin/v1/faults")
        .bearer_auth(off.handle.service_key())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn status_bursts_with_retry_after_then_recovery() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let res = s.fault(json!({"action": "status", "route": "/rest/v1/heroes", "method": "GET", "status": 503, "retryAfter": 2, "times": 2})).await;
    assert_eq!(res.status(), 201);
    let rule: Value = res.json().await.unwrap();
    assert!(rule["id"].as_u64().unwrap() > 0);
    for _ in 0..2 {
        let res = s
            .as_user(Method::GET, "/rest/v1/heroes", &u)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 503);
        assert_eq!(res.headers()["retry-after"], "2");
    }
    assert_eq!(s.status_of(Method::GET, "/rest/v1/heroes", &u).await, 200);

    s.fault(json!({"action": "status", "route": "/functions/v1/", "status": 429, "retryAfter": 7, "times": 1})).await;
    let res = s.invoke(&u, "extract-scenes", json!({})).await;
    assert_eq!(res.status(), 429);
    assert_eq!(
        res.json::<Value>().await.unwrap()["error"]["code"],
        "RATE_LIMITED"
    );

    s.fault(json!({"action": "status", "route": "/functions/v1/", "status": 502, "relayError": true, "times": 1})).await;
    let res = s.invoke(&u, "extract-scenes", json!({})).await;
    assert_eq!(res.status(), 502);
    assert_eq!(res.headers()["x-relay-error"], "true");

    s.fault(json!({"action": "status", "status": 500})).await;
    let list: Value = s
        .req(Method::GET, "/admin/v1/faults")
        .bearer_auth(s.handle.service_key())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(s.status_of(Method::GET, "/rest/v1/heroes", &u).await, 500);
    s.clear_faults().await;
    assert_eq!(s.status_of(Method::GET, "/rest/v1/heroes", &u).await, 200);
}

#[tokio::test]
async fn malformed_json_and_connection_resets() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    s.fault(json!({"action": "malformed_json", "route": "/rest/v1/", "times": 1}))
        .await;
    let res = s
        .as_user(Method::GET, "/rest/v1/heroes", &u)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.json::<Value>().await.is_err(),
        "the body is not valid JSON"
    );

    s.fault(json!({"action": "reset", "route": "/rest/v1/", "times": 1}))
        .await;
    let res = s.as_user(Method::GET, "/rest/v1/heroes", &u).send().await;
    let failed = match res {
        Err(_) => true,
        Ok(r) => r.bytes().await.is_err(),
    };
    assert!(failed, "the connection was cut");
    assert_eq!(s.status_of(Method::GET, "/rest/v1/heroes", &u).await, 200);
}

#[tokio::test]
async fn realtime_faults() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let mut ws = Ws::connect(&s, "2.0.0").await;
    ws.join(
        "realtime:progress-1",
        "1",
        cfg(json!([])),
        Some(&u.access_token),
    )
    .await;

    s.fault(json!({"action": "drop_heartbeat", "times": 1}))
        .await;
    ws.send(json!([null, "10", "phoenix", "heartbeat", {}]))
        .await;
    ws.send(json!([null, "11", "phoenix", "heartbeat", {}]))
        .await;
    assert_eq!(
        ws.text().await[1],
        "11",
        "the first heartbeat went unanswered"
    );

    s.fault(json!({"action": "expire_token", "channel": "progress-"}))
        .await;
    assert_eq!(
        ws.until("system").await[4]["message"],
        "Token has expired 0 seconds ago"
    );
    ws.until("phx_close").await;

    ws.join(
        "realtime:progress-2",
        "2",
        cfg(json!([])),
        Some(&u.access_token),
    )
    .await;
    s.fault(json!({"action": "channel_error", "channel": "progress-2"}))
        .await;
    assert_eq!(ws.until("phx_error").await[0], "2");

    s.fault(json!({"action": "close"})).await;
    loop {
        match ws.recv().await {
            Got::Close(code) => {
                assert_eq!(code, 1001);
                break;
            }
            Got::Text(_) | Got::Binary(_) => continue,
        }
    }
}

#[tokio::test]
async fn delayed_join_replies_arrive_after_later_traffic() {
    let s = TestServer::start().await;
    let mut ws = Ws::connect(&s, "2.0.0").await;
    s.fault(json!({"action": "delay_join", "channel": "slow-", "latencyMs": 300, "times": 1}))
        .await;
    ws.send(json!(["1", "1", "realtime:slow-room", "phx_join", {"config": cfg(json!([]))}]))
        .await;
    ws.send(json!([null, "2", "phoenix", "heartbeat", {}]))
        .await;
    assert_eq!(
        ws.text().await[1],
        "2",
        "the heartbeat reply overtook the delayed join reply"
    );
    let join = ws.text().await;
    assert_eq!(
        (join[1].as_str(), join[4]["status"].as_str()),
        (Some("1"), Some("ok"))
    );
}

#[tokio::test]
async fn a_half_open_socket_goes_silent_until_it_is_closed() {
    let s = TestServer::start().await;
    let mut quiet = Ws::connect(&s, "2.0.0").await;
    quiet
        .join("realtime:room1", "1", cfg(json!([])), None)
        .await;
    s.fault(json!({"action": "half_open", "channel": "hush"}))
        .await;
    quiet
        .send(json!(["2", "2", "realtime:hush", "phx_join", {"config": cfg(json!([]))}]))
        .await;
    quiet
        .send(json!([null, "3", "phoenix", "heartbeat", {}]))
        .await;
    // Traffic that a healthy socket would receive: a broadcast on its channel.
    let mut other = Ws::connect(&s, "2.0.0").await;
    other
        .join("realtime:room1", "1", cfg(json!([])), None)
        .await;
    other.send(json!(["1", "3", "realtime:room1", "broadcast", {"type": "broadcast", "event": "e", "payload": {}}])).await;
    other
        .send(json!([null, "4", "phoenix", "heartbeat", {}]))
        .await;
    assert_eq!(
        other.until("phx_reply").await[1],
        "4",
        "the other socket is served"
    );
    let crate::support::TestServer { handle, .. } = s;
    let (first, ()) = tokio::join!(quiet.recv(), handle.shutdown());
    assert!(
        matches!(first, Got::Close(_)),
        "nothing reached the half-open socket before the close: {first:?}"
    );
}
