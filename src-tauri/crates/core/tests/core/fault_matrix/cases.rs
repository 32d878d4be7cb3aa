//! The fault matrix's rows that take more than a fault rule: a corrupt cache file, a full disk
//! (a child process under `RLIMIT_FSIZE`), a token expiring while the backend holds a call, and
//! the backend restarted under a live socket.

use std::sync::Arc;
use std::time::Duration;

use infinite_stories_core::clock::{ManualClock, RecordingSleeper};
use infinite_stories_core::secrets::MemoryStore;
use infinite_stories_core::{BackendEndpoint, Core, CoreOptions, GenerateRequest};
use serde_json::{Value, json};

use super::{Ctx, Seen};
use crate::pipeline::{story_request, until_armed};
use crate::support::{core_with, fast_realtime};

/// Overwrites the saved narration's cache file with garbage of the same length, then reads it
/// as the app does after a restart (a second core on the same data folder: empty memory layer).
pub(super) async fn corrupt_cache_file(c: &mut Ctx) -> Seen {
    use sha2::{Digest, Sha256};
    let key = format!("audio:{}", c.saved.id);
    let name: String = Sha256::digest(key.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let file = c
        .dir
        .path()
        .join("client/cache")
        .join(format!("{name}.bin"));
    let len = std::fs::metadata(&file)
        .expect("the narration's cache file")
        .len() as usize;
    std::fs::write(&file, vec![0x5a; len]).unwrap();
    let again = core_with(
        c.server(),
        c.secrets.clone(),
        c.clock.clone(),
        c.sleeper.clone(),
        Some(c.dir.path().join("client")),
    )
    .await;
    let got = again.media(&key).await;
    assert_eq!(
        got.as_ref().ok().cloned().flatten().as_ref(),
        Some(&c.saved.audio),
        "served from the durable layer"
    );
    assert_ne!(
        std::fs::read(&file).unwrap(),
        vec![0x5a; len],
        "the corrupt file was replaced"
    );
    Seen::of(got)
}

/// The disk-full row: runs [`disk_full_child`] in a child process and reads what it saw.
pub(super) async fn disk_full(c: &mut Ctx) -> Seen {
    let exe = std::env::current_exe().unwrap();
    let (addr, key) = (c.addr.to_string(), c.server().anon_key().to_owned());
    let out = tokio::task::spawn_blocking(move || {
        std::process::Command::new(exe)
            .args([
                "fault_matrix::cases::disk_full_child",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("FAULT_MATRIX_BACKEND", addr)
            .env("FAULT_MATRIX_KEY", key)
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the child failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = stdout
        .lines()
        .find_map(|l| l.split_once("DISK_FULL_SEEN ").map(|(_, v)| v))
        .expect("the child's report");
    let v: Value = serde_json::from_str(line).unwrap();
    let code = v["code"].as_str().unwrap().to_owned();
    Seen::Error {
        code,
        message: v["message"].as_str().unwrap().to_owned(),
        retryable: v["retryable"].as_bool().unwrap(),
    }
}

/// Run by [`disk_full`] only: a family on the parent's backend makes a story (text only), then
/// the disk "fills" (`RLIMIT_FSIZE` at 64 KiB, `SIGXFSZ` ignored so writes fail instead of
/// killing the process) and they ask for its narration; then space comes back and they ask again.
#[cfg(unix)]
#[tokio::test]
#[ignore = "a child process of every_fault_shows_what_it_should_and_loses_nothing"]
async fn disk_full_child() {
    let (Ok(addr), Ok(key)) = (
        std::env::var("FAULT_MATRIX_BACKEND"),
        std::env::var("FAULT_MATRIX_KEY"),
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let clock = ManualClock::new();
    let core = Core::with_options(CoreOptions {
        timer: None,
        secrets: Arc::new(MemoryStore::new()),
        clock: clock.clone(),
        sleeper: Some(RecordingSleeper::new(Some(clock))),
        realtime: fast_realtime(),
        data_dir: Some(dir.path().to_owned()),
        extra_roots: Vec::new(),
    });
    core.connect(BackendEndpoint::embedded(addr.parse().unwrap()).with_api_key(key))
        .await;
    core.ensure_session().await.unwrap();
    let api = core.api().unwrap();
    let user = core.session().unwrap().user_id;
    let hero: Value = api
        .insert(
            "heroes",
            &json!({"user_id": user, "name": "Ada", "primary_trait": "brave"}),
        )
        .await
        .unwrap();
    let mut story = story_request(hero["id"].as_str().unwrap());
    story.target_duration = 60;
    let made = core
        .generate_story(GenerateRequest {
            request_id: None,
            story,
            narration: false,
            illustrations: false,
        })
        .await
        .unwrap();
    let id = made.summary.id.clone();
    set_file_limit(64 * 1024);
    let failed = core
        .make_narration(&id, infinite_stories_core::contract::Voice::Coral)
        .await;
    set_file_limit(u64::MAX);
    let err = failed.expect_err("the narration cannot be saved on a full disk");
    println!(
        "DISK_FULL_SEEN {}",
        json!({"code": err.code(), "message": err.to_string(), "retryable": err.is_retryable()})
    );
    let kept = core.story(&id).await.unwrap();
    assert_eq!(kept.content, made.content, "the text is kept");
    assert!(kept.narration_key.is_none());
    let done = core
        .make_narration(&id, infinite_stories_core::contract::Voice::Coral)
        .await
        .unwrap();
    let audio = core
        .media(done.narration_key.as_deref().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(
        audio.len() > 64 * 1024,
        "the whole narration, past the old limit"
    );
    let mut db = sqlx::sqlite::SqliteConnectOptions::new().filename(dir.path().join("core.sqlite"));
    db = db.read_only(true);
    let mut conn = sqlx::ConnectOptions::connect(&db).await.unwrap();
    let check: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(check, "ok");
}

/// Lowers (or lifts, with `u64::MAX`) this process's file-size limit; writes past it fail.
#[cfg(unix)]
fn set_file_limit(bytes: u64) {
    let limit = libc::rlimit {
        rlim_cur: if bytes == u64::MAX {
            libc::RLIM_INFINITY
        } else {
            bytes as libc::rlim_t
        },
        rlim_max: libc::RLIM_INFINITY,
    };
    // SAFETY: plain system calls with valid arguments; only this child process is affected.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
        assert_eq!(libc::setrlimit(libc::RLIMIT_FSIZE, &limit), 0);
    }
}

/// While the backend holds a story-generation call, the access token expires on its clock and
/// every channel is shut for an expired token: the call gets a 401, the core refreshes once and
/// replays it under the same request id, and the channels rejoin.
pub(super) async fn token_expiry(c: &mut Ctx) -> Seen {
    let user = c.core.session().unwrap().user_id;
    let token = crate::support::token_of(&c.core);
    // The backend holds the call briefly before it checks the token: the window to expire it in.
    c.fault(json!({"action": "latency", "route": "/functions/v1/story-generation", "latencyMs": 300, "times": 1})).await;
    let core = c.core.clone();
    let request = c.request("expiring", false);
    let run = tokio::spawn(async move { core.generate_story(request).await });
    // The call's deadline is armed: it is on its way to the backend, which holds it.
    until_armed(c.timer.as_ref(), 1).await;
    c.server_clock.advance(Duration::from_secs(3700));
    c.fault(json!({"action": "expire_token"})).await;
    let seen = Seen::of(run.await.unwrap());
    c.clock.advance(Duration::from_secs(3700));
    assert_eq!(c.core.session().unwrap().user_id, user, "the same family");
    assert_ne!(crate::support::token_of(&c.core), token, "refreshed");
    seen
}

/// The backend comes back on its address; another device of the family makes a story; this
/// core's socket reconnects, rejoins and the story reaches its library.
pub(super) async fn restart_and_catch_up(c: &mut Ctx) -> Seen {
    let rt = c.core.realtime().unwrap();
    let topic = format!(
        "realtime:story-updates-{}",
        c.core.session().unwrap().user_id
    );
    crate::realtime::joined_pub(&rt, &topic).await;
    let before = rt.status().connections;
    c.server.take().unwrap().shutdown().await;
    c.restart().await;
    let other_dir = tempfile::tempdir().unwrap();
    let other = core_with(
        c.server(),
        c.secrets.clone(),
        c.clock.clone(),
        c.sleeper.clone(),
        Some(other_dir.path().to_owned()),
    )
    .await;
    let made = other
        .generate_story(c.request("elsewhere", false))
        .await
        .unwrap();
    let mut w = rt.watch_status();
    tokio::time::timeout(
        Duration::from_secs(5),
        w.wait_for(|s| s.connections > before),
    )
    .await
    .expect("a new socket")
    .unwrap();
    crate::story::wait_in_library(&c.core, &made.summary.id).await;
    Seen::Nothing
}
