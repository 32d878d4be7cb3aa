//! The fault matrix: every fault of issue 14's drills, one row each, against the real embedded
//! backend (its fault rules) and the core as the app drives it — 5xx bursts, resets, 429 storms
//! with `Retry-After`, malformed JSON, half-open connections, a token expiring mid-stream, the
//! backend gone and restarted under a live socket, a full disk while narration downloads, a
//! corrupt cache file. Each row states what the family sees — the `{code, message, retryable}`
//! the shell hands the UI (`IpcError::from` is those three calls) or nothing at all — and the
//! run checks after every row that the story saved before it is whole (text, narration and
//! pictures byte for byte, locally and on the backend) and that no story was made twice.
//!
//! Time is injected: retries wait on the recording sleeper, deadlines on the manual timer. The
//! full disk is a child process (this binary, one ignored test) whose `RLIMIT_FSIZE` is
//! lowered just before the narration download, so its writes fail as on a full disk (`EFBIG`
//! or a short write, which SQLite reports as `SQLITE_FULL`) without root or a mount; the
//! backend stays in this process, unlimited.

mod cases;

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use futures_util::future::BoxFuture;
use infinite_stories_core::clock::{ManualClock, ManualTimer, RecordingSleeper, SharedSleeper};
use infinite_stories_core::secrets::MemoryStore;
use infinite_stories_core::{Core, CoreError, ErrorCode, GenerateRequest};
use infinite_stories_server::{ServerConfig, ServerHandle, serve};
use serde_json::{Value, json};

use crate::pipeline::{story_request, until_armed};
use crate::support::core_timed;

/// What the family sees: nothing, or the error the UI shows.
#[derive(Clone, Debug, PartialEq)]
enum Seen {
    Nothing,
    Error {
        /// As the UI receives it (`MAX_RETRIES_EXCEEDED`…).
        code: String,
        message: String,
        retryable: bool,
    },
}

/// An error code as it crosses IPC.
fn name(code: ErrorCode) -> String {
    serde_json::to_value(code)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

impl Seen {
    fn of<T>(result: Result<T, CoreError>) -> Seen {
        match result {
            Ok(_) => Seen::Nothing,
            Err(e) => Seen::Error {
                code: name(e.code()),
                message: e.to_string(),
                retryable: e.is_retryable(),
            },
        }
    }
}

/// The backend, the app's core on it, their clocks, and the story saved before any fault.
struct Ctx {
    server: Option<ServerHandle>,
    addr: std::net::SocketAddr,
    dir: tempfile::TempDir,
    core: Core,
    secrets: Arc<MemoryStore>,
    clock: Arc<ManualClock>,
    server_clock: Arc<infinite_stories_server::clock::ManualClock>,
    sleeper: Arc<RecordingSleeper>,
    timer: Arc<ManualTimer>,
    hero: String,
    saved: Saved,
}

struct Saved {
    id: String,
    audio: Bytes,
    pictures: Vec<Bytes>,
}

fn config(
    dir: &std::path::Path,
    clock: &Arc<infinite_stories_server::clock::ManualClock>,
) -> ServerConfig {
    let mut c = ServerConfig::loopback(dir.join("backend"));
    c.faults_enabled = true;
    c.clock = clock.clone();
    // The stop in "backend gone" need not wait on the call the half-open row left hanging.
    c.shutdown_grace = Duration::from_millis(200);
    c
}

impl Ctx {
    fn server(&self) -> &ServerHandle {
        self.server.as_ref().expect("the backend is running")
    }

    async fn fault(&self, rule: Value) {
        let s = self.server();
        let res = reqwest::Client::new()
            .post(format!("{}/admin/v1/faults", s.url()))
            .header("apikey", s.service_key())
            .bearer_auth(s.service_key())
            .json(&rule)
            .send()
            .await
            .unwrap();
        assert!(res.status().is_success(), "{}", res.text().await.unwrap());
    }

    async fn clear_faults(&self) {
        let s = self.server();
        reqwest::Client::new()
            .delete(format!("{}/admin/v1/faults", s.url()))
            .header("apikey", s.service_key())
            .bearer_auth(s.service_key())
            .send()
            .await
            .unwrap();
    }

    fn request(&self, id: &str, narration: bool) -> GenerateRequest {
        let mut story = story_request(&self.hero);
        story.target_duration = 60;
        GenerateRequest {
            request_id: Some(id.into()),
            story,
            narration,
            illustrations: false,
        }
    }

    async fn story(&self, id: &str, narration: bool) -> Seen {
        Seen::of(self.core.generate_story(self.request(id, narration)).await)
    }

    /// Story ids on the backend.
    async fn backend_stories(&self) -> Vec<String> {
        let rows: Vec<Value> = self
            .core
            .api()
            .unwrap()
            .select("stories", "select=id")
            .await
            .unwrap();
        rows.iter()
            .map(|r| r["id"].as_str().unwrap().to_owned())
            .collect()
    }

    /// The saved story is whole: in the library, offline ready, the same bytes, on the backend.
    async fn kept(&self, row: &str) {
        let s = &self.saved;
        let detail = self
            .core
            .story(&s.id)
            .await
            .unwrap_or_else(|e| panic!("{row}: saved story gone: {e}"));
        assert!(detail.summary.offline_ready, "{row}: {detail:?}");
        let audio = self
            .core
            .media(detail.narration_key.as_deref().unwrap())
            .await
            .unwrap();
        assert_eq!(audio.as_ref(), Some(&s.audio), "{row}: narration changed");
        for (i, p) in detail.illustrations.iter().enumerate() {
            let bytes = self
                .core
                .media(p.cache_key.as_deref().unwrap())
                .await
                .unwrap();
            assert_eq!(
                bytes.as_ref(),
                Some(&s.pictures[i]),
                "{row}: picture {i} changed"
            );
        }
        if self.server.is_some() {
            assert!(
                self.backend_stories().await.contains(&s.id),
                "{row}: not on the backend"
            );
        }
    }

    async fn restart(&mut self) {
        let s = serve(ServerConfig {
            bind: self.addr,
            ..config(self.dir.path(), &self.server_clock)
        });
        self.server = Some(s.await.unwrap());
    }
}

type Case = for<'a> fn(&'a mut Ctx) -> BoxFuture<'a, Seen>;

/// One row: the fault, how it is made and what the family should see; `new` stories it leaves.
struct Row {
    fault: &'static str,
    run: Case,
    expect: Option<(ErrorCode, bool, &'static str)>,
    new: usize,
    kept: &'static str,
}

fn rows() -> Vec<Row> {
    vec![
        Row {
            fault: "5xx burst: 503 twice on story-generation",
            run: |c| {
                Box::pin(async move {
                    c.fault(json!({"action": "status", "status": 503, "route": "/functions/v1/story-generation", "times": 2})).await;
                    c.story("burst", false).await
                })
            },
            expect: None,
            new: 1,
            kept: "one story, made once (same X-Request-ID on every attempt)",
        },
        Row {
            fault: "5xx that does not stop: 503 on all five attempts",
            run: |c| {
                Box::pin(async move {
                    c.fault(json!({"action": "status", "status": 503, "route": "/functions/v1/story-generation", "times": 5})).await;
                    c.story("down", false).await
                })
            },
            expect: Some((
                ErrorCode::MaxRetriesExceeded,
                true,
                "having trouble (5 tries)",
            )),
            new: 0,
            kept: "library and backend unchanged; quota refunded",
        },
        Row {
            fault: "connection reset mid-download of the narration",
            run: |c| {
                Box::pin(async move {
                    c.fault(json!({"action": "reset", "route": "/storage/v1/object/", "method": "GET", "times": 1})).await;
                    let seen = c.story("reset", true).await;
                    let d = c
                        .core
                        .story(&c.core.stories().await.unwrap()[0].id)
                        .await
                        .unwrap();
                    assert!(
                        d.narration_key.is_some(),
                        "the narration arrived on the retry"
                    );
                    seen
                })
            },
            expect: None,
            new: 1,
            kept: "the new story with its narration (the download is retried)",
        },
        Row {
            fault: "429 storm: four 429s with Retry-After: 2",
            run: |c| {
                Box::pin(async move {
                    c.fault(json!({"action": "status", "status": 429, "retryAfter": 2, "route": "/functions/v1/story-generation", "times": 4})).await;
                    let before = c.sleeper.waits().len();
                    let seen = c.story("storm", false).await;
                    assert_eq!(
                        c.sleeper.waits()[before..],
                        [Duration::from_secs(2); 4],
                        "waited what the server asked"
                    );
                    seen
                })
            },
            expect: None,
            new: 1,
            kept: "one story after waiting 4 × 2 s",
        },
        Row {
            fault: "429 with Retry-After beyond the call's budget (360 s)",
            run: |c| {
                Box::pin(async move {
                    c.fault(json!({"action": "status", "status": 429, "retryAfter": 360, "route": "/functions/v1/story-generation", "times": 1})).await;
                    let seen = c.story("later", false).await;
                    // The family waits the 6 minutes (the client keeps the server's word until then).
                    c.clock.advance(Duration::from_secs(361));
                    seen
                })
            },
            expect: Some((ErrorCode::RateLimited, true, "possible in 6 minutes")),
            new: 0,
            kept: "library and backend unchanged; `retryAfter: 360` for the countdown",
        },
        Row {
            fault: "malformed JSON answer (200, truncated body)",
            run: |c| {
                Box::pin(async move {
                    c.fault(json!({"action": "malformed_json", "route": "/functions/v1/story-generation", "times": 1})).await;
                    c.story("garbled", false).await
                })
            },
            expect: Some((ErrorCode::InvalidResponse, false, "could not read")),
            new: 0,
            kept: "library and backend unchanged; not retried",
        },
        Row {
            fault: "half-open connection: accepted, never answered (library sync)",
            run: |c| {
                Box::pin(async move {
                    c.fault(json!({"action": "latency", "route": "/rest/v1/heroes", "method": "GET", "latencyMs": 3_600_000, "times": 1})).await;
                    let core = c.core.clone();
                    let sync = tokio::spawn(async move { core.sync_library().await });
                    // 30 s on the deadline timer, again if another call's deadline was the
                    // one armed first (the held call then still waits for its own 30 s).
                    for _ in 0..20 {
                        until_armed(c.timer.as_ref(), 1).await;
                        c.timer.advance(Duration::from_secs(30));
                        for _ in 0..200 {
                            tokio::task::yield_now().await;
                        }
                        if sync.is_finished() {
                            break;
                        }
                    }
                    let done = tokio::time::timeout(Duration::from_secs(10), sync).await;
                    Seen::of(done.expect("the sync gave up at its deadline").unwrap())
                })
            },
            expect: Some((ErrorCode::Timeout, true, "took too long")),
            new: 0,
            kept: "the library as it was (a sync never deletes on failure)",
        },
        Row {
            fault: "half-open realtime socket (heartbeats unanswered)",
            run: |c| {
                Box::pin(async move {
                    let rt = c.core.realtime().unwrap();
                    let topic = format!(
                        "realtime:story-updates-{}",
                        c.core.session().unwrap().user_id
                    );
                    crate::realtime::joined_pub(&rt, &topic).await;
                    let before = rt.status().connections;
                    c.fault(json!({"action": "half_open", "times": 1})).await;
                    let mut w = rt.watch_status();
                    tokio::time::timeout(
                        Duration::from_secs(5),
                        w.wait_for(|s| s.connections > before),
                    )
                    .await
                    .expect("a new socket")
                    .unwrap();
                    crate::realtime::joined_pub(&rt, &topic).await;
                    Seen::Nothing
                })
            },
            expect: None,
            new: 0,
            kept: "the socket is replaced and the channels rejoined",
        },
        Row {
            fault: "corrupt cache file (the saved narration's, read after an app restart)",
            run: |c| Box::pin(async move { cases::corrupt_cache_file(c).await }),
            expect: None,
            new: 0,
            kept: "the file is dropped and rewritten from the durable layer; same bytes",
        },
        Row {
            fault: "disk full while the narration downloads (RLIMIT_FSIZE, child process)",
            run: |c| Box::pin(async move { cases::disk_full(c).await }),
            expect: Some((ErrorCode::Storage, false, "could not use its saved stories")),
            new: 0,
            kept: "the story's text; with space again `make_narration` finishes it (checked in the child)",
        },
        Row {
            fault: "token expires mid-stream (during a generation: 401 and channel shutdown)",
            run: |c| Box::pin(async move { cases::token_expiry(c).await }),
            expect: None,
            new: 1,
            kept: "the session (refreshed once, same user) and one story",
        },
        Row {
            fault: "backend gone (stopped, before its restart)",
            run: |c| {
                Box::pin(async move {
                    c.server.take().unwrap().shutdown().await;
                    let seen = Seen::of(c.core.sync_library().await);
                    c.kept("backend gone").await;
                    c.restart().await;
                    seen
                })
            },
            expect: Some((ErrorCode::MaxRetriesExceeded, true, "having trouble")),
            new: 0,
            kept: "everything local: the library plays offline; the next sync works once it is back",
        },
        Row {
            fault: "backend restarted under a live realtime socket",
            run: |c| Box::pin(async move { cases::restart_and_catch_up(c).await }),
            expect: None,
            new: 1,
            kept: "the socket rejoins; a story made meanwhile on another device reaches the library",
        },
    ]
}

#[tokio::test]
async fn every_fault_shows_what_it_should_and_loses_nothing() {
    let mut c = setup().await;
    let mut table = vec![
        "| fault | what the family sees | what is kept |".to_owned(),
        "|---|---|---|".to_owned(),
    ];
    for row in rows() {
        let before = c.backend_stories().await;
        let seen = (row.run)(&mut c).await;
        match (&seen, row.expect) {
            (Seen::Nothing, None) => {}
            (
                Seen::Error {
                    code,
                    message,
                    retryable,
                },
                Some((want, want_retry, words)),
            ) => {
                assert_eq!(
                    (code.clone(), *retryable),
                    (name(want), want_retry),
                    "{}: {seen:?}",
                    row.fault
                );
                assert!(
                    message.contains(words),
                    "{}: {message:?} lacks {words:?}",
                    row.fault
                );
            }
            _ => panic!("{}: saw {seen:?}, expected {:?}", row.fault, row.expect),
        }
        c.clear_faults().await;
        let after = c.backend_stories().await;
        assert_eq!(
            after.len(),
            before.len() + row.new,
            "{}: stories on the backend",
            row.fault
        );
        assert!(
            before.iter().all(|s| after.contains(s)),
            "{}: a story vanished",
            row.fault
        );
        c.kept(row.fault).await;
        let shown = match &seen {
            Seen::Nothing => "nothing (it works)".to_owned(),
            Seen::Error {
                code,
                message,
                retryable,
            } => {
                format!("`{code}` {message:?} (retryable: {retryable})")
            }
        };
        table.push(format!("| {} | {shown} | {} |", row.fault, row.kept));
    }
    println!("{}", table.join("\n"));
}

async fn setup() -> Ctx {
    let dir = tempfile::tempdir().unwrap();
    let server_clock = infinite_stories_server::clock::ManualClock::new();
    let server = serve(config(dir.path(), &server_clock)).await.unwrap();
    let secrets = Arc::new(MemoryStore::new());
    let clock = ManualClock::new();
    let sleeper = RecordingSleeper::new(Some(clock.clone()));
    let timer = ManualTimer::new(ManualClock::new());
    let core = core_timed(
        &server,
        secrets.clone(),
        clock.clone(),
        sleeper.clone(),
        Some(dir.path().join("client")),
        Some(timer.clone() as SharedSleeper),
    )
    .await;
    core.ensure_session().await.unwrap();
    let api = core.api().unwrap();
    let user = core.session().unwrap().user_id;
    let hero: Value = api.insert("heroes", &json!({"user_id": user, "name": "Luna", "primary_trait": "brave", "secondary_trait": "kind"})).await.unwrap();
    let hero = hero["id"].as_str().unwrap().to_owned();
    let mut story = story_request(&hero);
    story.target_duration = 60;
    let saved = core
        .generate_story(GenerateRequest {
            request_id: Some("saved".into()),
            story,
            narration: true,
            illustrations: true,
        })
        .await
        .unwrap();
    assert!(saved.summary.offline_ready);
    let audio = core
        .media(saved.narration_key.as_deref().unwrap())
        .await
        .unwrap()
        .unwrap();
    let mut pictures = Vec::new();
    for p in &saved.illustrations {
        pictures.push(
            core.media(p.cache_key.as_deref().unwrap())
                .await
                .unwrap()
                .unwrap(),
        );
    }
    Ctx {
        addr: server.address(),
        server: Some(server),
        dir,
        core,
        secrets,
        clock,
        server_clock,
        sleeper,
        timer,
        hero,
        saved: Saved {
            id: saved.summary.id,
            audio,
            pictures,
        },
    }
}
