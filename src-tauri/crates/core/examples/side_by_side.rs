//! The Rust half of the side-by-side benchmark (bench/run.sh runs it and the supabase-js half
//! against the same standalone server): function calls/s (server-bound `extract-scenes`, and
//! the cheap path: replays of a stored answer for a repeated `X-Request-ID`), REST reads/s and
//! realtime broadcast events/s with p50/p99 latency, and resident memory. Prints one JSON object.
//!
//! Usage: `side_by_side <base url> <anon key> <service key>` (the service key sends the progress
//! broadcasts: only the server writes a generation's progress).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use infinite_stories_core::http::{Request, Service};
use infinite_stories_core::realtime::{RealtimeMessage, Subscription};
use infinite_stories_core::secrets::MemoryStore;
use infinite_stories_core::{BackendEndpoint, BackendMode, Core, CoreOptions};
use serde_json::{Value, json};

const CONCURRENCY: usize = 16;
const FUNCTION_CALLS: usize = 2000;
const REPLAYED_CALLS: usize = 5000;
const REST_READS: usize = 5000;
const EVENTS: usize = 2000;

const STORY: &str = "Luna walked into the whispering forest. The trees hummed a gentle song. \
    She met a small fox who had lost his way home. Together they followed the fireflies across \
    the silver stream. At the old oak they found the fox's family waiting. Luna waved goodbye \
    and walked home under the stars, happy and sleepy.";

fn now_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs_f64()
        * 1000.0
}

/// A `<field>: <n> kB` line of a /proc/self file.
fn proc_kib(file: &str, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/self/{file}"))
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn rss_kib() -> u64 {
    proc_kib("status", "VmRSS:")
}

fn summary(total: usize, secs: f64, mut latencies: Vec<f64>) -> Value {
    latencies.sort_by(f64::total_cmp);
    let p = |q: f64| latencies[((latencies.len() as f64 - 1.0) * q).round() as usize];
    json!({"count": total, "perSecond": total as f64 / secs, "p50Ms": p(0.5), "p99Ms": p(0.99)})
}

/// Runs `total` calls from CONCURRENCY workers (each call is told its worker's index);
/// returns the summary.
async fn run<F, Fut>(total: usize, call: F) -> Value
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = bool> + Send,
{
    let call = Arc::new(call);
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for worker in 0..CONCURRENCY {
        let (call, next) = (call.clone(), next.clone());
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            while next.fetch_add(1, Ordering::Relaxed) < total {
                let t = Instant::now();
                assert!(call(worker).await, "a request failed");
                lat.push(t.elapsed().as_secs_f64() * 1000.0);
            }
            lat
        }));
    }
    let mut latencies = Vec::new();
    for t in tasks {
        latencies.extend(t.await.unwrap());
    }
    summary(total, started.elapsed().as_secs_f64(), latencies)
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (url, key, service) = (args[1].clone(), args[2].clone(), args[3].clone());
    let core = Core::with_options(CoreOptions {
        secrets: Arc::new(MemoryStore::new()),
        ..CoreOptions::default()
    });
    let endpoint = BackendEndpoint::parse(BackendMode::Supabase, &url)
        .unwrap()
        .with_api_key(&key);
    core.connect(endpoint).await;
    core.sign_in_anonymously().await.unwrap();
    let api = core.api().unwrap();
    let user = core.session().unwrap().user_id;
    let _: Value = api
        .insert(
            "heroes",
            &json!({"user_id": user, "name": "Luna", "primary_trait": "brave"}),
        )
        .await
        .unwrap();

    // Idle: signed in, realtime joined, nothing in flight for 2 s.
    let rt = core.realtime().unwrap();
    let topic = rt.subscribe(Subscription::Progress {
        request_id: "bench".into(),
    });
    let mut w = rt.watch_status();
    while !w.borrow_and_update().channels.iter().any(|c| {
        c.topic == topic
            && matches!(
                c.state,
                infinite_stories_core::realtime::ChannelState::Joined
            )
    }) {
        w.changed().await.unwrap();
    }
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    let idle = json!({"rssKiB": rss_kib(), "pssKiB": proc_kib("smaps_rollup", "Pss:")});

    let body = json!({"storyContent": STORY, "storyDuration": 120, "heroName": "Luna", "eventContext": "bedtime"});
    let f_api = api.clone();
    let f_body = body.clone();
    let functions = run(FUNCTION_CALLS, move |_| {
        let (api, body) = (f_api.clone(), f_body.clone());
        async move {
            api.invoke::<Value>(
                "extract-scenes",
                &body,
                1,
                &uuid::Uuid::new_v4().to_string(),
            )
            .await
            .is_ok()
        }
    })
    .await;

    // The cheap path: each worker repeats its own request id, answered from the stored reply.
    let ids: Arc<Vec<String>> = Arc::new(
        (0..CONCURRENCY)
            .map(|w| format!("bench-replay-{w}"))
            .collect(),
    );
    for id in ids.iter() {
        api.invoke::<Value>("extract-scenes", &body, 1, id)
            .await
            .unwrap();
    }
    let f_api = api.clone();
    let replayed = run(REPLAYED_CALLS, move |worker| {
        let (api, body, ids) = (f_api.clone(), body.clone(), ids.clone());
        async move {
            api.invoke::<Value>("extract-scenes", &body, 1, &ids[worker])
                .await
                .is_ok()
        }
    })
    .await;

    let r_api = api.clone();
    let rest = run(REST_READS, move |_| {
        let api = r_api.clone();
        async move {
            let req = Request::new(Service::Rest, reqwest::Method::GET, "/heroes?select=*");
            api.send(&req).await.is_ok()
        }
    })
    .await;

    // Realtime: the channel joined above; the senders post REST broadcasts stamped with the
    // send time.
    let mut rx = rt.messages();
    let receiver = tokio::spawn(async move {
        let mut lat = Vec::with_capacity(EVENTS);
        while lat.len() < EVENTS {
            if let Ok(RealtimeMessage::Broadcast { payload, .. }) = rx.recv().await {
                lat.push(now_ms() - payload["t"].as_f64().unwrap());
            }
        }
        lat
    });
    let http = reqwest::Client::new();
    let started = Instant::now();
    let next = Arc::new(AtomicUsize::new(0));
    let mut senders = Vec::new();
    for _ in 0..8 {
        let (http, next, url, key, service) = (
            http.clone(),
            next.clone(),
            url.clone(),
            key.clone(),
            service.clone(),
        );
        senders.push(tokio::spawn(async move {
            while next.fetch_add(1, Ordering::Relaxed) < EVENTS {
                let body = json!({"messages": [{"topic": "progress-bench", "event": "progress", "payload": {"t": now_ms()}}]});
                let r = http.post(format!("{url}/realtime/v1/api/broadcast")).header("apikey", &key).bearer_auth(&service).json(&body).send().await.unwrap();
                assert!(r.status().is_success());
            }
        }));
    }
    for s in senders {
        s.await.unwrap();
    }
    let latencies = receiver.await.unwrap();
    let realtime = summary(EVENTS, started.elapsed().as_secs_f64(), latencies);
    println!(
        "{}",
        json!({"client": "infinite-stories-core (Rust)", "functions": functions, "replayed": replayed, "rest": rest, "realtime": realtime, "idle": idle, "rssKiB": rss_kib()})
    );
    std::process::exit(0);
}
