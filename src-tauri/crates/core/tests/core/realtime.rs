//! The realtime actor against the real server's realtime, with its fault hooks: heartbeats,
//! reconnects, rejoins, token pushes, system shutdowns, duplicate subscriptions, and the
//! reported realtime failures of supabase-protocol.md §6 (17–35).

use std::time::Duration;

use infinite_stories_core::realtime::{
    ChannelState, RealtimeClient, RealtimeMessage, RealtimeStatus, SocketState, Subscription,
};
use serde_json::json;
use tokio::sync::broadcast;

use crate::pipeline::{hero, story_request};
use crate::support::{Env, env};

const WAIT: Duration = Duration::from_secs(5);

async fn until(
    rt: &RealtimeClient,
    what: &str,
    pred: impl Fn(&RealtimeStatus) -> bool,
) -> RealtimeStatus {
    let mut w = rt.watch_status();
    let found = tokio::time::timeout(WAIT, async {
        loop {
            let now = w.borrow_and_update().clone();
            if pred(&now) {
                return now;
            }
            w.changed().await.unwrap();
        }
    })
    .await;
    found.unwrap_or_else(|_| panic!("timed out waiting for {what}: {:?}", rt.status()))
}

fn channel(s: &RealtimeStatus, topic: &str) -> Option<ChannelState> {
    s.channels
        .iter()
        .find(|c| c.topic == topic)
        .map(|c| c.state)
}

pub async fn joined_pub(rt: &RealtimeClient, topic: &str) -> RealtimeStatus {
    joined(rt, topic).await
}

async fn joined(rt: &RealtimeClient, topic: &str) -> RealtimeStatus {
    until(rt, "joined", |s| {
        matches!(
            channel(s, topic),
            Some(ChannelState::Joined | ChannelState::Ready)
        )
    })
    .await
}

async fn next(
    rx: &mut broadcast::Receiver<RealtimeMessage>,
    pred: impl Fn(&RealtimeMessage) -> bool,
) -> RealtimeMessage {
    tokio::time::timeout(WAIT, async {
        loop {
            let m = rx.recv().await.unwrap();
            if pred(&m) {
                return m;
            }
        }
    })
    .await
    .expect("message did not arrive")
}

async fn story_channel(env: &Env) -> (RealtimeClient, String) {
    env.core.ensure_session().await.unwrap();
    let user = env.core.session().unwrap().user_id;
    let rt = env.core.realtime().unwrap();
    let topic = env
        .core
        .subscribe(Subscription::StoryInserts { user_id: user })
        .unwrap();
    joined(&rt, &topic).await;
    (rt, topic)
}

async fn make_story(env: &Env, hero_id: &str, request_id: &str) -> String {
    let api = env.core.api().unwrap();
    api.invoke::<infinite_stories_core::api::models::GeneratedStory>(
        "story-generation",
        &story_request(hero_id),
        1,
        request_id,
    )
    .await
    .unwrap()
    .data
    .story_id
}

fn is_insert(m: &RealtimeMessage, id: &str) -> bool {
    matches!(m, RealtimeMessage::Change { table, change, record, .. } if table == "stories" && change == "INSERT" && record["id"] == id)
}

#[tokio::test]
async fn reported_29_33_story_inserts_arrive_after_a_quick_join_and_readiness_is_the_system_message()
 {
    let env = env().await;
    let hero = hero(&env).await;
    let rt = env.core.realtime().unwrap();
    let mut rx = rt.messages();
    let user = env.core.session().unwrap().user_id;
    let started = tokio::time::Instant::now();
    let topic = env
        .core
        .subscribe(Subscription::StoryInserts { user_id: user })
        .unwrap();
    joined(&rt, &topic).await;
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "join reply within 1 s (reported_33)"
    );
    // Readiness is the server's `system` ok, not the join reply (reported_29).
    next(
        &mut rx,
        |m| matches!(m, RealtimeMessage::Ready { topic: t } if *t == topic),
    )
    .await;
    let id = make_story(&env, &hero, "rt-1").await;
    next(&mut rx, |m| is_insert(m, &id)).await;
}

#[tokio::test]
async fn progress_broadcasts_by_request_id_and_vsn_1_fallback_works_too() {
    for vsn in [
        infinite_stories_core::realtime::Vsn::V2,
        infinite_stories_core::realtime::Vsn::V1,
    ] {
        let env = env().await;
        let hero = hero(&env).await;
        let api = env.core.api().unwrap();
        let mut config = crate::support::fast_realtime();
        config.vsn = vsn;
        let key = api.transport().api_key().clone();
        // A generation's progress is heard only with its owner's token.
        let token = api.tokens().access_token().await.unwrap();
        let rt = RealtimeClient::spawn(
            &env.server.url(),
            key,
            std::sync::Arc::new(move |_| {
                let token = token.clone();
                Box::pin(async move { token })
            }),
            config,
        );
        rt.connect();
        let mut rx = rt.messages();
        let topic = rt.subscribe(Subscription::Progress {
            request_id: "prog-1".into(),
        });
        joined(&rt, &topic).await;
        make_story(&env, &hero, "prog-1").await;
        let m = next(
            &mut rx,
            |m| matches!(m, RealtimeMessage::Broadcast { event, .. } if event == "progress"),
        )
        .await;
        let RealtimeMessage::Broadcast { payload, .. } = m else {
            unreachable!()
        };
        assert!(
            payload["status"].is_string() && payload["progress"].is_number(),
            "{payload}"
        );
        rt.unsubscribe_all();
        until(&rt, "no channels", |s| s.channels.is_empty()).await;
    }
}

#[tokio::test]
async fn reported_17_18_26_27_30_a_dead_socket_is_replaced_and_every_channel_rejoins_with_its_config()
 {
    let env = env().await;
    let hero = hero(&env).await;
    let (rt, topic) = story_channel(&env).await;
    let mut rx = rt.messages();
    let before = rt.status().connections;
    // Heartbeats go unanswered (a suspended process / half-open socket).
    env.fault(json!({"action": "drop_heartbeat", "times": 1}))
        .await;
    until(&rt, "a new socket", |s| s.connections > before).await;
    // Rejoin announced (the consumer refetches what it missed — reported_30) ...
    next(
        &mut rx,
        |m| matches!(m, RealtimeMessage::Rejoined { topic: t } if *t == topic),
    )
    .await;
    // ... with the full postgres_changes config: inserts still arrive (reported_26/27).
    let id = make_story(&env, &hero, "after-reconnect").await;
    next(&mut rx, |m| is_insert(m, &id)).await;

    // A half-open socket (TCP stays up, nothing moves) is detected the same way.
    let before = rt.status().connections;
    env.fault(json!({"action": "half_open", "times": 1})).await;
    until(&rt, "a new socket after half-open", |s| {
        s.connections > before
    })
    .await;
    joined(&rt, &topic).await;
}

#[tokio::test]
async fn reported_19_a_system_token_shutdown_is_followed_by_a_resubscribe() {
    let env = env().await;
    let hero = hero(&env).await;
    let (rt, topic) = story_channel(&env).await;
    let mut rx = rt.messages();
    env.fault(json!({"action": "expire_token", "channel": "story-updates"}))
        .await;
    until(&rt, "errored", |s| {
        channel(s, &topic) == Some(ChannelState::Errored)
    })
    .await;
    joined(&rt, &topic).await;
    let id = make_story(&env, &hero, "after-expiry").await;
    next(&mut rx, |m| is_insert(m, &id)).await;
}

#[tokio::test]
async fn reported_20_21_22_after_the_token_expired_the_reconnect_refreshes_before_rejoining() {
    let env = env().await;
    let (rt, topic) = story_channel(&env).await;
    let old = crate::support::token_of(&env.core);
    // Sleep past the token's lifetime, then the server drops every socket.
    env.advance(Duration::from_secs(3700));
    env.fault(json!({"action": "close"})).await;
    joined(&rt, &topic).await;
    let status = until(&rt, "rejoined on a new socket", |s| {
        s.connections >= 2
            && matches!(
                channel(s, &topic),
                Some(ChannelState::Joined | ChannelState::Ready)
            )
    })
    .await;
    assert!(
        status.channels.iter().all(|c| c.failures == 0),
        "no join was refused for a stale token: {status:?}"
    );
    assert_ne!(
        crate::support::token_of(&env.core),
        old,
        "refreshed before rejoining"
    );
}

#[tokio::test]
async fn reported_23_subscribing_twice_keeps_one_channel_and_one_delivery() {
    let env = env().await;
    let hero = hero(&env).await;
    let (rt, topic) = story_channel(&env).await;
    let user = env.core.session().unwrap().user_id;
    env.core
        .subscribe(Subscription::StoryInserts { user_id: user })
        .unwrap();
    let mut rx = rt.messages();
    let id = make_story(&env, &hero, "dup-1").await;
    next(&mut rx, |m| is_insert(m, &id)).await;
    let again = tokio::time::timeout(
        Duration::from_millis(300),
        next(&mut rx, |m| is_insert(m, &id)),
    )
    .await;
    assert!(again.is_err(), "delivered once");
    assert_eq!(
        rt.status()
            .channels
            .iter()
            .filter(|c| c.topic == topic)
            .count(),
        1
    );
}

#[tokio::test]
async fn reported_28_34_unsubscribe_and_disconnect_stop_for_good() {
    let env = env().await;
    let (rt, topic) = story_channel(&env).await;
    env.core.unsubscribe(&topic).unwrap();
    until(&rt, "left", |s| channel(s, &topic).is_none()).await;
    rt.disconnect();
    let s = until(&rt, "disconnected", |s| {
        s.state == SocketState::Disconnected
    })
    .await;
    // Several backoff periods later it has not reconnected by itself.
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(rt.status().connections, s.connections);
    assert_eq!(rt.status().state, SocketState::Disconnected);
    rt.connect();
    until(&rt, "connected again", |s| {
        s.state == SocketState::Connected
    })
    .await;
}

#[tokio::test]
async fn reported_35_an_unreachable_server_surfaces_an_error_and_backs_off() {
    let dir = tempfile::tempdir().unwrap();
    let server =
        infinite_stories_server::serve(infinite_stories_server::ServerConfig::loopback(dir.path()))
            .await
            .unwrap();
    let url = server.url();
    server.shutdown().await;
    let rt = RealtimeClient::spawn(
        &url,
        "k".to_owned().into(),
        std::sync::Arc::new(|_| Box::pin(async { None })),
        crate::support::fast_realtime(),
    );
    rt.connect();
    let s = until(&rt, "two failed attempts", |s| s.attempt >= 2).await;
    assert_eq!(s.state, SocketState::Reconnecting);
    assert!(s.message.unwrap().contains("unavailable"));
}

#[tokio::test]
async fn presence_shows_every_device_of_the_household() {
    let env = env().await;
    env.core.ensure_session().await.unwrap();
    let rt = env.core.realtime().unwrap();
    let mut rx = rt.messages();
    let user = env.core.session().unwrap().user_id;
    let topic = env
        .core
        .subscribe(Subscription::Presence {
            room: format!("{user}:home"),
            key: "desk".into(),
        })
        .unwrap();
    joined(&rt, &topic).await;
    env.core
        .track_presence(&topic, json!({"device": "desk"}))
        .unwrap();
    let m = next(
        &mut rx,
        |m| matches!(m, RealtimeMessage::Presence { state, .. } if state.get("desk").is_some()),
    )
    .await;
    let RealtimeMessage::Presence { state, .. } = m else {
        unreachable!()
    };
    assert_eq!(state["desk"]["metas"][0]["device"], "desk", "{state}");
}
