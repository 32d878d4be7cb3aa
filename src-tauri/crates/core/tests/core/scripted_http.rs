//! The pipeline against a scripted HTTP backend, for answers the embedded backend never gives:
//! PostgREST's "JWT issued at future" (a server whose clock is behind the one that issued the
//! token). And the request log: with verbose logging on, no token or key reaches a log line.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use infinite_stories_core::clock::{ManualClock, RecordingSleeper};
use infinite_stories_core::secrets::MemoryStore;
use infinite_stories_core::{BackendEndpoint, BackendState, Core, CoreOptions};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Answers by path; `/rest/v1/heroes` says "issued at future" for its first `future` calls.
async fn backend(future: u32) -> (String, Arc<AtomicU32>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let rest_calls = Arc::new(AtomicU32::new(0));
    let calls = rest_calls.clone();
    tokio::spawn(async move {
        while let Ok((mut tcp, _)) = listener.accept().await {
            let calls = calls.clone();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 16 * 1024];
                loop {
                    let Ok(n) = tcp.read(&mut buf).await else {
                        return;
                    };
                    if n == 0 {
                        return;
                    }
                    let head = String::from_utf8_lossy(&buf[..n]).to_string();
                    let path = head.split_whitespace().nth(1).unwrap_or("/").to_owned();
                    let now = std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .unwrap()
                        .as_secs();
                    let (status, body) = if path.starts_with("/health") {
                        (200, json!({"status": "ok", "version": "scripted"}))
                    } else if path.starts_with("/auth/v1/signup") {
                        (
                            200,
                            json!({"access_token": "eyJhbGciOiJIUzI1NiJ9.e30.sig-access", "token_type": "bearer",
                            "expires_in": 3600, "expires_at": now + 3600, "refresh_token": "refresh-secret-1",
                            "user": {"id": "u1", "email": "", "is_anonymous": true, "user_metadata": {}}}),
                        )
                    } else if path.starts_with("/rest/v1/heroes") {
                        if calls.fetch_add(1, Ordering::SeqCst) < future {
                            (
                                401,
                                json!({"code": "PGRST303", "details": null, "hint": null, "message": "JWT issued at future"}),
                            )
                        } else {
                            (200, json!([]))
                        }
                    } else {
                        (404, json!({"message": "no route"}))
                    };
                    let body = body.to_string();
                    let reply = format!(
                        "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
                        body.len()
                    );
                    if tcp.write_all(reply.as_bytes()).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    (url, rest_calls)
}

async fn core(url: &str) -> (Core, Arc<RecordingSleeper>) {
    let clock = ManualClock::new();
    let sleeper = RecordingSleeper::new(Some(clock.clone()));
    let mut realtime = crate::support::fast_realtime();
    realtime.backoff = vec![Duration::from_secs(3600)]; // the scripted backend has no realtime
    let core = Core::with_options(CoreOptions {
        timer: None,
        secrets: Arc::new(MemoryStore::new()),
        clock,
        sleeper: Some(sleeper.clone()),
        realtime,
        data_dir: None,
        extra_roots: Vec::new(),
    });
    let endpoint = BackendEndpoint::parse(infinite_stories_core::BackendMode::Supabase, url)
        .unwrap()
        .with_api_key("eyJhbGciOiJIUzI1NiJ9.e30.anon-key-secret");
    assert_eq!(core.connect(endpoint).await.state, BackendState::Connected);
    (core, sleeper)
}

#[tokio::test]
async fn reported_14_jwt_issued_at_future_is_retried_briefly_not_treated_as_a_logout() {
    let (url, calls) = backend(2).await;
    let (core, sleeper) = core(&url).await;
    core.sign_in_anonymously().await.unwrap();
    let rows: Vec<Value> = core
        .api()
        .unwrap()
        .select("heroes", "select=*")
        .await
        .unwrap();
    assert!(rows.is_empty());
    assert_eq!(calls.load(Ordering::SeqCst), 3);
    assert_eq!(
        sleeper.waits(),
        vec![Duration::from_secs(1); 2],
        "two short waits"
    );
    assert!(core.session().is_some(), "still signed in");
    assert_eq!(
        crate::support::calls(&core, "POST /auth/v1/token"),
        0,
        "no refresh, no sign-out"
    );
}

/// A `MakeWriter` into a shared buffer.
#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Buffer {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Buffer {
    type Writer = Buffer;
    fn make_writer(&'a self) -> Buffer {
        self.clone()
    }
}

#[tokio::test]
async fn the_verbose_request_log_never_shows_a_token_or_key() {
    let buffer = Buffer::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_writer(buffer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    // Other tests' threads may have registered these callsites as disabled before this
    // thread-local subscriber existed.
    tracing::callsite::rebuild_interest_cache();
    let (url, _) = backend(0).await;
    let (core, _) = core(&url).await;
    core.set_verbose_logging(true);
    core.sign_in_anonymously().await.unwrap();
    let _: Vec<Value> = core
        .api()
        .unwrap()
        .select("heroes", "select=*")
        .await
        .unwrap();
    let log = String::from_utf8(buffer.0.lock().unwrap().clone()).unwrap();
    assert!(
        log.contains("GET /rest/v1/heroes") && log.contains("x-request-id"),
        "the log has the request: {log}"
    );
    for secret in ["sig-access", "refresh-secret-1", "anon-key-secret"] {
        assert!(
            !log.contains(secret),
            "{secret} leaked into the log:\n{log}"
        );
    }
}
