//! reported_32: a channel always returns to joined, whatever happens to the socket and the
//! server (forced closes, unanswered heartbeats, half-open sockets, backend restarts). The
//! default run does 12 rounds in a few seconds; the long soak runs `SOAK_ROUNDS` rounds:
//! `SOAK_ROUNDS=20000 cargo test -p infinite-stories-core --test core long_soak -- --ignored`.

use std::sync::Arc;

use infinite_stories_core::clock::{ManualClock, RecordingSleeper};
use infinite_stories_core::realtime::Subscription;
use infinite_stories_core::secrets::MemoryStore;
use infinite_stories_server::{ServerConfig, serve};
use serde_json::json;

use crate::realtime::joined_pub;

async fn fault(url: &str, key: &str, rule: serde_json::Value) {
    let r = reqwest::Client::new()
        .post(format!("{url}/admin/v1/faults"))
        .header("apikey", key)
        .bearer_auth(key)
        .json(&rule)
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
}

async fn rounds(n: usize) {
    let dir = tempfile::tempdir().unwrap();
    let config = || {
        let mut c = ServerConfig::loopback(dir.path());
        c.faults_enabled = true;
        c
    };
    let mut server = serve(config()).await.unwrap();
    let addr = server.address();
    let clock = ManualClock::new();
    let core = crate::support::core_on(
        &server,
        Arc::new(MemoryStore::new()),
        clock.clone(),
        RecordingSleeper::new(Some(clock)),
    )
    .await;
    core.ensure_session().await.unwrap();
    let rt = core.realtime().unwrap();
    let topic = core
        .subscribe(Subscription::StoryInserts {
            user_id: core.session().unwrap().user_id,
        })
        .unwrap();
    joined_pub(&rt, &topic).await;
    for round in 0..n {
        let before = rt.status().connections;
        match round % 4 {
            0 => {
                fault(
                    &server.url(),
                    server.service_key(),
                    json!({"action": "close"}),
                )
                .await
            }
            1 => {
                fault(
                    &server.url(),
                    server.service_key(),
                    json!({"action": "drop_heartbeat", "times": 1}),
                )
                .await
            }
            2 => {
                fault(
                    &server.url(),
                    server.service_key(),
                    json!({"action": "half_open", "times": 1}),
                )
                .await
            }
            _ => {
                // The backend restarts on the same address (as after an app update).
                server.shutdown().await;
                server = serve(ServerConfig {
                    bind: addr,
                    ..config()
                })
                .await
                .unwrap();
            }
        }
        let mut w = rt.watch_status();
        tokio::time::timeout(std::time::Duration::from_secs(5), async {
            while w.borrow_and_update().connections <= before {
                w.changed().await.unwrap();
            }
        })
        .await
        .unwrap_or_else(|_| panic!("round {round}: no new socket: {:?}", rt.status()));
        joined_pub(&rt, &topic).await;
    }
}

#[tokio::test]
async fn reported_32_the_channel_always_returns_to_joined() {
    rounds(12).await;
}

#[tokio::test]
#[ignore = "long soak; set SOAK_ROUNDS"]
async fn reported_32_long_soak() {
    let n = std::env::var("SOAK_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    rounds(n).await;
}
