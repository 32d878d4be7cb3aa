//! Loopback benchmark of the standalone server: REST and function requests per second,
//! realtime fan-out latency (postgres_changes and broadcast, p50/p99 over 1,000 events) and
//! resident memory when idle. Run with `cargo bench -p infinite-stories-server --bench loopback`.

use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

const CONCURRENCY: usize = 16;
const EVENTS: usize = 1000;
const SUBSCRIBERS: usize = 10;

struct Server {
    child: Child,
    url: String,
    anon: String,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

async fn start() -> Server {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(env!("CARGO_BIN_EXE_infinite-stories-server"))
        .args(["--addr", &format!("127.0.0.1:{port}"), "--data-dir"])
        .arg(dir.path())
        .args([
            "--auth-anon-limit",
            "100000",
            "--auth-token-limit",
            "100000",
        ])
        .env(
            "INFINITE_STORIES_QUOTAS",
            "story-generation=1000000,extract-scenes=1000000",
        )
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server binary runs");
    let url = format!("http://127.0.0.1:{port}");
    let keys = dir.path().join("keys.json");
    for _ in 0..200 {
        if keys.exists() && reqwest::get(format!("{url}/health")).await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let keys: Value = serde_json::from_slice(&std::fs::read(&keys).unwrap()).unwrap();
    Server {
        child,
        url,
        anon: keys["anonKey"].as_str().unwrap().to_string(),
        _dir: dir,
    }
}

async fn sign_in(http: &reqwest::Client, s: &Server) -> (String, String) {
    let v: Value = http
        .post(format!("{}/auth/v1/signup", s.url))
        .header("apikey", &s.anon)
        .json(&json!({}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    (
        v["access_token"].as_str().unwrap().to_string(),
        v["user"]["id"].as_str().unwrap().to_string(),
    )
}

/// Runs `total` requests from CONCURRENCY workers; returns requests per second.
async fn throughput<F, Fut>(total: usize, make: F) -> f64
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = bool> + Send,
{
    let make = Arc::new(make);
    let next = Arc::new(AtomicUsize::new(0));
    let failures = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..CONCURRENCY {
        let (make, next, failures) = (make.clone(), next.clone(), failures.clone());
        tasks.push(tokio::spawn(async move {
            while next.fetch_add(1, Ordering::Relaxed) < total {
                if !make().await {
                    failures.fetch_add(1, Ordering::Relaxed);
                }
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let secs = started.elapsed().as_secs_f64();
    assert_eq!(failures.load(Ordering::Relaxed), 0, "some requests failed");
    total as f64 / secs
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

async fn socket(s: &Server, topic: &str, config: Value, token: &str) -> Ws {
    let url = format!(
        "{}/realtime/v1/websocket?apikey={}&vsn=2.0.0",
        s.url.replace("http", "ws"),
        s.anon
    );
    let (mut ws, _) = tokio_tungstenite::connect_async(url).await.unwrap();
    let join = json!(["1", "1", topic, "phx_join", {"config": config, "access_token": token}]);
    ws.send(Message::Text(join.to_string().into()))
        .await
        .unwrap();
    loop {
        if let Some(Ok(Message::Text(t))) = ws.next().await {
            let v: Value = serde_json::from_str(&t).unwrap();
            if v[3] == "phx_reply" {
                assert_eq!(v[4]["status"], "ok", "{v}");
                return ws;
            }
        }
    }
}

/// Receivers record the arrival time of each event number.
fn collect(
    mut ws: Ws,
    expected: usize,
    is_event: fn(&Message) -> Option<usize>,
) -> tokio::task::JoinHandle<Vec<(usize, Instant)>> {
    tokio::spawn(async move {
        let mut got = Vec::with_capacity(expected);
        while got.len() < expected {
            match tokio::time::timeout(Duration::from_secs(30), ws.next()).await {
                Ok(Some(Ok(m))) => {
                    if let Some(n) = is_event(&m) {
                        got.push((n, Instant::now()));
                    }
                }
                _ => break,
            }
        }
        got
    })
}

fn latencies(sent: &[Instant], receivers: Vec<Vec<(usize, Instant)>>) -> (f64, f64, usize) {
    let mut all: Vec<f64> = Vec::new();
    for r in receivers {
        for (n, at) in r {
            all.push(at.duration_since(sent[n]).as_secs_f64() * 1000.0);
        }
    }
    all.sort_by(|a, b| a.partial_cmp(b).unwrap());
    (percentile(&all, 0.5), percentile(&all, 0.99), all.len())
}

#[tokio::main]
async fn main() {
    let s = start().await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let idle = rss_kib(s.child.id());
    let http = reqwest::Client::new();
    let (token, user) = sign_in(&http, &s).await;
    for i in 0..20 {
        http.post(format!("{}/rest/v1/heroes", s.url))
            .header("apikey", &s.anon)
            .bearer_auth(&token)
            .json(&json!({"name": format!("Hero {i}"), "primary_trait": "brave"}))
            .send()
            .await
            .unwrap();
    }

    let (h, u, a, t) = (http.clone(), s.url.clone(), s.anon.clone(), token.clone());
    let rest_rps = throughput(4000, move || {
        let req = h
            .get(format!(
                "{u}/rest/v1/heroes?select=id,name&order=name&limit=10"
            ))
            .header("apikey", &a)
            .bearer_auth(&t);
        async move {
            req.send()
                .await
                .map(|r| r.status().is_success())
                .unwrap_or(false)
        }
    })
    .await;

    let (h, u, a, t) = (http.clone(), s.url.clone(), s.anon.clone(), token.clone());
    let text = "Luna found a lantern.\n\nShe followed the fireflies up the hill.\n\nThe moon smiled and Luna went home to sleep.";
    let fn_rps = throughput(2000, move || {
        let req = h
            .post(format!("{u}/functions/v1/extract-scenes"))
            .header("apikey", &a)
            .bearer_auth(&t)
            .json(&json!({"storyContent": text, "storyDuration": 90, "heroName": "Luna", "eventContext": "bedtime"}));
        async move { req.send().await.map(|r| r.status().is_success()).unwrap_or(false) }
    })
    .await;

    let hero: Value = http
        .get(format!("{}/rest/v1/heroes?select=id&limit=1", s.url))
        .header("apikey", &s.anon)
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let hero_id = hero[0]["id"].as_str().unwrap().to_string();
    let (h, u, a, t) = (http.clone(), s.url.clone(), s.anon.clone(), token.clone());
    let story_rps = throughput(300, move || {
        let req = h.post(format!("{u}/functions/v1/story-generation")).header("apikey", &a).bearer_auth(&t).json(&json!({
            "heroId": hero_id, "event": {"type": "built_in", "data": {"event": "bedtime_adventure"}}, "targetDuration": 300, "language": "en"
        }));
        async move { req.send().await.map(|r| r.status().is_success()).unwrap_or(false) }
    })
    .await;

    // postgres_changes fan-out: SUBSCRIBERS sockets of the same user, EVENTS inserts.
    let pg = json!({"broadcast": {"self": false}, "presence": {"enabled": false}, "postgres_changes": [
        {"event": "INSERT", "schema": "public", "table": "listening_sessions", "filter": format!("user_id=eq.{user}")}
    ]});
    let mut receivers = Vec::new();
    for i in 0..SUBSCRIBERS {
        let ws = socket(&s, &format!("realtime:bench-pg-{i}"), pg.clone(), &token).await;
        receivers.push(collect(ws, EVENTS, |m| match m {
            Message::Text(t) if t.contains("postgres_changes") && t.contains("\"ids\"") => {
                let v: Value = serde_json::from_str(t).ok()?;
                v[4]["data"]["record"]["seconds_listened"]
                    .as_f64()
                    .map(|n| n as usize)
            }
            _ => None,
        }));
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let story_id: Value = http
        .get(format!("{}/rest/v1/stories?select=id&limit=1", s.url))
        .header("apikey", &s.anon)
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let story_id = story_id[0]["id"].as_str().unwrap().to_string();
    let mut sent = Vec::with_capacity(EVENTS);
    for n in 0..EVENTS {
        sent.push(Instant::now());
        let res = http
            .post(format!("{}/rest/v1/listening_sessions", s.url))
            .header("apikey", &s.anon)
            .bearer_auth(&token)
            .json(&json!({"story_id": story_id, "seconds_listened": n}))
            .send()
            .await
            .unwrap();
        assert!(res.status().is_success());
    }
    let mut got = Vec::new();
    for r in receivers {
        got.push(r.await.unwrap());
    }
    let (pg_p50, pg_p99, pg_n) = latencies(&sent, got);

    // Broadcast fan-out: one binary-pushing sender, SUBSCRIBERS receivers.
    let cfg = json!({"broadcast": {"self": false, "ack": false}, "presence": {"enabled": false}, "postgres_changes": []});
    let mut receivers = Vec::new();
    for _ in 0..SUBSCRIBERS {
        let ws = socket(&s, "realtime:bench-room", cfg.clone(), &s.anon).await;
        receivers.push(collect(ws, EVENTS, |m| match m {
            Message::Binary(b) => {
                let frame = infinite_stories_server::realtime::codec::decode_binary(b).ok()?;
                frame.payload["payload"]["n"].as_u64().map(|n| n as usize)
            }
            _ => None,
        }));
    }
    let mut sender = socket(&s, "realtime:bench-room", cfg.clone(), &s.anon).await;
    let mut sent = Vec::with_capacity(EVENTS);
    for n in 0..EVENTS {
        sent.push(Instant::now());
        let frame = infinite_stories_server::realtime::codec::encode_client_broadcast(
            "1",
            &n.to_string(),
            "realtime:bench-room",
            "tick",
            &json!({"n": n}),
        )
        .expect("short fields fit a binary frame");
        sender.send(Message::Binary(frame.into())).await.unwrap();
        if n % 50 == 49 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }
    let mut got = Vec::new();
    for r in receivers {
        got.push(r.await.unwrap());
    }
    let (bc_p50, bc_p99, bc_n) = latencies(&sent, got);
    let loaded = rss_kib(s.child.id());

    println!(
        "infinite-stories-server loopback benchmark ({} concurrent clients)",
        CONCURRENCY
    );
    println!("  REST GET /rest/v1/heroes (10 rows)      {rest_rps:>8.0} req/s");
    println!("  POST /functions/v1/extract-scenes       {fn_rps:>8.0} req/s");
    println!("  POST /functions/v1/story-generation     {story_rps:>8.0} req/s");
    println!(
        "  postgres_changes fan-out ({SUBSCRIBERS} sockets × {EVENTS} inserts, {pg_n} deliveries): p50 {pg_p50:.2} ms, p99 {pg_p99:.2} ms (insert request → event)"
    );
    println!(
        "  broadcast fan-out ({SUBSCRIBERS} sockets × {EVENTS} messages, {bc_n} deliveries): p50 {bc_p50:.2} ms, p99 {bc_p99:.2} ms"
    );
    println!(
        "  resident memory: idle {:.1} MiB, after the run {:.1} MiB",
        idle as f64 / 1024.0,
        loaded as f64 / 1024.0
    );
}
