//! The realtime actor against a scripted Phoenix server (a few frames written by hand), for
//! server behaviours the embedded backend never shows: duplicate deliveries, reordered join
//! bindings, an unsolicited `phx_close`, a presence rate-limit shutdown.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use infinite_stories_core::realtime::{
    ChannelState, RealtimeClient, RealtimeMessage, Subscription,
};
use serde_json::{Value, json};
use tokio::net::TcpListener;
use tokio::time::Instant;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::Message;

type Socket = WebSocketStream<tokio::net::TcpStream>;

/// Serves every connection with `script`; returns the base URL.
async fn serve<F, Fut>(script: F) -> String
where
    F: Fn(Socket) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let script = Arc::new(script);
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let script = script.clone();
            tokio::spawn(async move {
                if let Ok(ws) = tokio_tungstenite::accept_async(tcp).await {
                    script(ws).await;
                }
            });
        }
    });
    url
}

/// Reads frames until a `phx_join`, answering heartbeats; returns `[join_ref, ref, topic, event, payload]`.
/// (Any stream: the TLS tests serve it over rustls.)
pub(crate) async fn next_join<S>(ws: &mut WebSocketStream<S>) -> Option<Vec<Value>>
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    while let Some(Ok(msg)) = ws.next().await {
        let Message::Text(text) = msg else { continue };
        let frame: Vec<Value> = serde_json::from_str(&text).ok()?;
        match frame[3].as_str()? {
            "phx_join" => return Some(frame),
            "heartbeat" => {
                let reply = json!([null, frame[1], "phoenix", "phx_reply", {"status": "ok", "response": {}}]);
                ws.send(Message::Text(reply.to_string().into()))
                    .await
                    .ok()?;
            }
            _ => {}
        }
    }
    None
}

/// Answers a join with `bindings` (ids added) and returns the topic and join ref.
pub(crate) async fn accept<S>(
    ws: &mut WebSocketStream<S>,
    join: &[Value],
    bindings: Value,
) -> (String, Value)
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    let reply = json!([join[0], join[1], join[2], "phx_reply", {"status": "ok", "response": {"postgres_changes": bindings}}]);
    ws.send(Message::Text(reply.to_string().into()))
        .await
        .unwrap();
    (join[2].as_str().unwrap().to_owned(), join[0].clone())
}

async fn push(ws: &mut Socket, frame: Value) {
    ws.send(Message::Text(frame.to_string().into()))
        .await
        .unwrap();
}

async fn drain(ws: &mut Socket) {
    while let Some(Ok(_)) = ws.next().await {}
}

fn client(url: &str) -> RealtimeClient {
    let rt = RealtimeClient::spawn(
        url,
        "key".to_owned().into(),
        Arc::new(|_| Box::pin(async { None })),
        crate::support::fast_realtime(),
    );
    rt.connect();
    rt
}

fn insert(id: &str, ts: &str) -> Value {
    json!({"ids": [7], "data": {"schema": "public", "table": "stories", "commit_timestamp": ts, "type": "INSERT", "record": {"id": id}, "errors": null}})
}

pub(crate) fn echo_bindings(join: &[Value], id: i64) -> Value {
    let mut b = join[4]["config"]["postgres_changes"].clone();
    for entry in b.as_array_mut().unwrap() {
        entry["id"] = json!(id);
    }
    b
}

#[tokio::test]
async fn reported_24_a_change_delivered_twice_reaches_the_app_once() {
    let url = serve(|mut ws| async move {
        let join = next_join(&mut ws).await.unwrap();
        let bindings = echo_bindings(&join, 7);
        let (topic, _) = accept(&mut ws, &join, bindings).await;
        for (id, ts) in [("a", "t1"), ("a", "t1"), ("b", "t2")] {
            push(
                &mut ws,
                json!([null, null, topic, "postgres_changes", insert(id, ts)]),
            )
            .await;
        }
        drain(&mut ws).await;
    })
    .await;
    let rt = client(&url);
    let mut rx = rt.messages();
    rt.subscribe(Subscription::StoryInserts {
        user_id: "u".into(),
    });
    let mut ids = Vec::new();
    let _ = tokio::time::timeout(Duration::from_millis(500), async {
        while let Ok(m) = rx.recv().await {
            if let RealtimeMessage::Change { record, .. } = m {
                ids.push(record["id"].as_str().unwrap().to_owned());
            }
        }
    })
    .await;
    assert_eq!(ids, ["a", "b"]);
}

#[tokio::test]
async fn reported_25_mismatched_join_bindings_are_a_clear_channel_error() {
    let joins = Arc::new(AtomicU32::new(0));
    let counter = joins.clone();
    let url = serve(move |mut ws| {
        let counter = counter.clone();
        async move {
            while let Some(join) = next_join(&mut ws).await {
                counter.fetch_add(1, Ordering::SeqCst);
                accept(&mut ws, &join, json!([{"id": 1, "event": "INSERT", "schema": "public", "table": "messages", "filter": ""}])).await;
            }
        }
    })
    .await;
    let rt = client(&url);
    let topic = rt.subscribe(Subscription::StoryInserts {
        user_id: "u".into(),
    });
    let mut w = rt.watch_status();
    let status = tokio::time::timeout(Duration::from_secs(2), async {
        loop {
            let s = w.borrow_and_update().clone();
            if s.channels
                .iter()
                .any(|c| c.topic == topic && c.state == ChannelState::Errored)
            {
                return s;
            }
            w.changed().await.unwrap();
        }
    })
    .await
    .unwrap();
    assert!(
        status.channels[0]
            .error
            .as_deref()
            .unwrap()
            .contains("mismatch"),
        "{status:?}"
    );
    let mut rx = rt.messages();
    let routed = tokio::time::timeout(Duration::from_millis(300), rx.recv()).await;
    assert!(routed.is_err(), "nothing is routed to a mismatched channel");
    assert_eq!(
        joins.load(Ordering::SeqCst),
        1,
        "and it does not loop on rejoins"
    );
}

#[tokio::test]
async fn reported_28_a_server_close_stops_the_channel_without_a_rejoin_loop() {
    let joins = Arc::new(AtomicU32::new(0));
    let counter = joins.clone();
    let url = serve(move |mut ws| {
        let counter = counter.clone();
        async move {
            while let Some(join) = next_join(&mut ws).await {
                counter.fetch_add(1, Ordering::SeqCst);
                let bindings = echo_bindings(&join, 7);
                let (topic, join_ref) = accept(&mut ws, &join, bindings).await;
                push(&mut ws, json!([join_ref, join_ref, topic, "phx_close", {}])).await;
            }
        }
    })
    .await;
    let rt = client(&url);
    let topic = rt.subscribe(Subscription::StoryInserts {
        user_id: "u".into(),
    });
    let mut w = rt.watch_status();
    tokio::time::timeout(Duration::from_secs(2), async {
        while !w
            .borrow_and_update()
            .channels
            .iter()
            .any(|c| c.topic == topic && c.state == ChannelState::Closed)
        {
            w.changed().await.unwrap();
        }
    })
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(400)).await; // longer than every backoff step
    assert_eq!(joins.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn reported_31_a_presence_rate_limit_shutdown_is_surfaced_and_not_retried_in_a_tight_loop() {
    let joins = Arc::new(std::sync::Mutex::new(Vec::<Instant>::new()));
    let times = joins.clone();
    let url = serve(move |mut ws| {
        let times = times.clone();
        async move {
            while let Some(join) = next_join(&mut ws).await {
                let n = {
                    let mut t = times.lock().unwrap();
                    t.push(Instant::now());
                    t.len()
                };
                let (topic, join_ref) = accept(&mut ws, &join, json!([])).await;
                if n == 1 {
                    let msg = json!({"extension": "system", "status": "error", "message": "Client presence rate limit exceeded", "channel": "presence-home"});
                    push(&mut ws, json!([null, null, topic, "system", msg])).await;
                    push(&mut ws, json!([join_ref, join_ref, topic, "phx_close", {}])).await;
                }
            }
        }
    })
    .await;
    let rt = client(&url);
    let topic = rt.subscribe(Subscription::Presence {
        room: "home".into(),
        key: "desk".into(),
    });
    let mut w = rt.watch_status();
    tokio::time::timeout(Duration::from_secs(2), async {
        loop {
            let s = w.borrow_and_update().clone();
            if s.channels.iter().any(|c| {
                c.topic == topic
                    && c.error
                        .as_deref()
                        .is_some_and(|e| e.contains("presence rate limit"))
            }) {
                return;
            }
            w.changed().await.unwrap();
        }
    })
    .await
    .expect("the reason is surfaced");
    tokio::time::timeout(Duration::from_secs(2), async {
        while joins.lock().unwrap().len() < 2 {
            tokio::task::yield_now().await;
        }
    })
    .await
    .unwrap();
    let t = joins.lock().unwrap().clone();
    assert!(
        t[1] - t[0] >= Duration::from_millis(200),
        "waited the longest backoff step, not the first: {:?}",
        t[1] - t[0]
    );
}

#[tokio::test]
async fn reported_31_rapid_presence_tracks_are_coalesced_to_the_latest() {
    let tracks = Arc::new(std::sync::Mutex::new(Vec::<(Instant, Value)>::new()));
    let seen = tracks.clone();
    let url = serve(move |mut ws| {
        let seen = seen.clone();
        async move {
            let join = next_join(&mut ws).await.unwrap();
            accept(&mut ws, &join, json!([])).await;
            while let Some(Ok(msg)) = ws.next().await {
                let Message::Text(text) = msg else { continue };
                let frame: Vec<Value> = serde_json::from_str(&text).unwrap();
                if frame[3] == "presence" {
                    seen.lock()
                        .unwrap()
                        .push((Instant::now(), frame[4]["payload"].clone()));
                }
            }
        }
    })
    .await;
    let rt = client(&url);
    let topic = rt.subscribe(Subscription::Presence {
        room: "home".into(),
        key: "desk".into(),
    });
    let mut w = rt.watch_status();
    tokio::time::timeout(Duration::from_secs(2), async {
        while !w
            .borrow_and_update()
            .channels
            .iter()
            .any(|c| c.topic == topic && c.state == ChannelState::Joined)
        {
            w.changed().await.unwrap();
        }
    })
    .await
    .unwrap();
    let issued = Instant::now();
    for n in 0..10 {
        rt.track(&topic, json!({"n": n}));
    }
    tokio::time::timeout(Duration::from_secs(2), async {
        while tracks.lock().unwrap().len() < 2 {
            tokio::task::yield_now().await;
        }
    })
    .await
    .expect("the coalesced track goes out");
    // Room for any extra (wrong) sends: two more presence intervals.
    tokio::time::sleep(Duration::from_millis(250)).await;
    let sent = tracks.lock().unwrap().clone();
    let payloads: Vec<Value> = sent.iter().map(|(_, p)| p.clone()).collect();
    assert_eq!(
        payloads,
        vec![json!({"n": 0}), json!({"n": 9})],
        "first at once, then only the latest"
    );
    // The second send may not leave before one interval after the first, which itself left after
    // `issued`; measured from `issued`, delays in delivery can only make the gap larger, never smaller.
    assert!(
        sent[1].0 - issued >= Duration::from_millis(100),
        "spaced by the presence interval: {:?}",
        sent[1].0 - issued
    );
}
