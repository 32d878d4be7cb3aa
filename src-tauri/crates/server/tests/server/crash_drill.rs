//! The crash drill: the standalone `infinite-stories-server` binary is killed with SIGKILL at
//! random points while stories, narrations and illustrations are being written, round after
//! round, and restarted on the same data dir. After every kill: `server.db` (as the kill left
//! it, WAL included) passes `PRAGMA integrity_check`; everything the server had acknowledged
//! with a 200 is still there (rows and files, byte counts equal); nothing is left pending,
//! processing or with unsettled quota; and the next story works, end to end.
//!
//! The points are drawn from a seeded RNG (the seed is printed; `CRASH_DRILL_SEED` replays a
//! run, `CRASH_DRILL_ROUNDS` makes it longer). Each round aims at one phase in turn (story,
//! narration, illustration) and kills at a random offset into it, within the length that phase
//! took in the same round's checked story — a real-time offset, because a crash point in a real
//! process can only be a moment. Nothing else waits on time.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use reqwest::Method;
use serde_json::{Value, json};
use sqlx::{ConnectOptions, sqlite::SqliteConnectOptions};
use tokio::sync::watch;

/// Rounds in the test command: a few seconds on two cores, eight kills aimed at each phase.
const ROUNDS: usize = 24;
/// Writers running at once while the kill comes (two stories being made side by side).
const WORKERS: usize = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Phase {
    Idle,
    Story,
    Narration,
    Illustration,
}

const PHASES: [Phase; 3] = [Phase::Story, Phase::Narration, Phase::Illustration];

/// The standalone server in a child process.
struct Server {
    child: Child,
    url: String,
    anon: String,
}

impl Server {
    fn start(data: &Path, log: &Path) -> Server {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_infinite-stories-server"))
            .args(["--addr", "127.0.0.1:0", "--print-keys", "--data-dir"])
            .arg(data)
            .args(["--quota", "story-generation=100000"])
            .args(["--quota", "audio-synthesis=100000"])
            .args(["--quota", "scene-illustration=100000"])
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::from(log))
            .spawn()
            .expect("the server binary starts");
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let keys: Value = serde_json::from_str(&line)
            .unwrap_or_else(|e| panic!("no keys line from the server ({e}): {line:?}"));
        Server {
            url: keys["url"].as_str().unwrap().to_owned(),
            anon: keys["anonKey"].as_str().unwrap().to_owned(),
            child,
        }
    }

    /// SIGKILL: no graceful stop, no flush, no settling.
    fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

/// A signed-in family talking to the current server.
#[derive(Clone)]
struct Api {
    http: reqwest::Client,
    url: String,
    anon: String,
    token: String,
}

impl Api {
    fn req(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        self.http
            .request(method, format!("{}{path}", self.url))
            .header("apikey", &self.anon)
            .bearer_auth(&self.token)
    }

    async fn json(&self, path: &str) -> Value {
        let res = self.req(Method::GET, path).send().await.unwrap();
        assert_eq!(res.status(), 200, "GET {path}");
        res.json().await.unwrap()
    }

    /// Bytes of a stored object, or the status it was refused with.
    async fn object(&self, bucket: &str, path: &str) -> Result<usize, u16> {
        let res = self
            .req(Method::GET, &format!("/storage/v1/object/{bucket}/{path}"))
            .send()
            .await
            .unwrap();
        match res.status().as_u16() {
            200 => Ok(res.bytes().await.unwrap().len()),
            s => Err(s),
        }
    }

    /// A function's `data`; `Err` when the call got no answer (the server was killed).
    async fn invoke(&self, name: &str, body: Value) -> Result<Value, String> {
        let res = self
            .req(Method::POST, &format!("/functions/v1/{name}"))
            .json(&body)
            .send()
            .await
            .map_err(|e| format!("no answer: {e}"))?;
        let status = res.status();
        let text = res.text().await.map_err(|e| format!("cut off: {e}"))?;
        if status != 200 {
            panic!("{name} answered {status} while the server was up: {text}");
        }
        let v: Value = serde_json::from_str(&text).map_err(|e| format!("cut off: {e}"))?;
        Ok(v["data"].clone())
    }
}

/// What the server acknowledged with a 200, not yet checked after a restart.
#[derive(Default)]
struct Acked {
    stories: Vec<String>,
    /// (story, storage path, bytes).
    narrations: Vec<(String, String, usize)>,
    /// (story, scene, storage path).
    pictures: Vec<(String, u64, String)>,
}

impl Acked {
    fn take(&mut self) -> Acked {
        std::mem::take(self)
    }

    fn extend(&mut self, other: &Acked) {
        self.stories.extend(other.stories.iter().cloned());
        self.narrations.extend(other.narrations.iter().cloned());
        self.pictures.extend(other.pictures.iter().cloned());
    }
}

/// One story, its narration and two of its pictures; `phase` follows along. Returns how long
/// each phase took.
async fn cycle(
    api: &Api,
    hero: &str,
    phase: &watch::Sender<Phase>,
    acked: &Mutex<Acked>,
) -> Result<[Duration; 3], String> {
    let mut took = [Duration::ZERO; 3];
    phase.send_replace(Phase::Story);
    let t = Instant::now();
    let story = api
        .invoke(
            "story-generation",
            json!({"heroId": hero, "event": {"type": "built_in", "data": {"event": "bedtime_adventure"}},
                   "targetDuration": 60, "language": "en", "voice": "coral"}),
        )
        .await?;
    took[0] = t.elapsed();
    let id = story["storyId"].as_str().unwrap().to_owned();
    acked.lock().unwrap().stories.push(id.clone());

    phase.send_replace(Phase::Narration);
    let t = Instant::now();
    // A couple of sentences: the write path is the whole story's, the speech is shorter.
    let text: String = story["content"]
        .as_str()
        .unwrap()
        .chars()
        .take(160)
        .collect();
    let narration = api
        .invoke(
            "audio-synthesis",
            json!({"storyId": id, "text": text, "voice": "coral", "language": "en"}),
        )
        .await?;
    took[1] = t.elapsed();
    acked.lock().unwrap().narrations.push((
        id.clone(),
        narration["storagePath"].as_str().unwrap().to_owned(),
        narration["fileSizeBytes"].as_u64().unwrap() as usize,
    ));

    phase.send_replace(Phase::Illustration);
    let t = Instant::now();
    let scenes: Vec<Value> = story["scenes"].as_array().unwrap()[..2].to_vec();
    let batch = api
        .invoke(
            "scene-illustration",
            json!({"storyId": id, "heroId": hero, "scenes": scenes}),
        )
        .await?;
    took[2] = t.elapsed();
    for r in batch["illustrations"].as_array().unwrap() {
        assert_eq!(r["status"], "completed", "{r}");
        acked.lock().unwrap().pictures.push((
            id.clone(),
            r["sceneNumber"].as_u64().unwrap(),
            r["storagePath"].as_str().unwrap().to_owned(),
        ));
    }
    phase.send_replace(Phase::Idle);
    Ok(took)
}

/// `PRAGMA integrity_check` on a copy of `server.db` and its WAL as the kill left them (the
/// copy has no `-shm`, so SQLite recovers the WAL from scratch, as after a reboot).
async fn integrity(data: &Path, scratch: &Path) -> String {
    let _ = std::fs::remove_dir_all(scratch);
    std::fs::create_dir_all(scratch).unwrap();
    for suffix in ["", "-wal"] {
        let from = data.join(format!("server.db{suffix}"));
        if from.exists() {
            std::fs::copy(&from, scratch.join(format!("server.db{suffix}"))).unwrap();
        }
    }
    let mut conn = SqliteConnectOptions::new()
        .filename(scratch.join("server.db"))
        .connect()
        .await
        .unwrap();
    let rows: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    rows.join("; ")
}

/// Quota spending a call never settled (what a kill leaves; the next start refunds it).
async fn unsettled(data: &Path) -> i64 {
    let mut conn = SqliteConnectOptions::new()
        .filename(data.join("server.db"))
        .read_only(true)
        .connect()
        .await
        .unwrap();
    sqlx::query_scalar("SELECT COUNT(*) FROM quota_spend WHERE settled = 0")
        .fetch_one(&mut conn)
        .await
        .unwrap()
}

/// Everything in `acked` is on the restarted server: rows, and files of the acknowledged size.
async fn verify(api: &Api, acked: &Acked, when: &str) {
    for ids in acked.stories.chunks(40) {
        let rows = api
            .json(&format!(
                "/rest/v1/stories?select=id,audio_path&id=in.({})",
                ids.join(",")
            ))
            .await;
        let found: Vec<&str> = rows
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r["id"].as_str())
            .collect();
        for id in ids {
            assert!(found.contains(&id.as_str()), "{when}: story {id} was lost");
        }
        let scenes = api
            .json(&format!(
                "/rest/v1/story_scenes?select=story_id&story_id=in.({})",
                ids.join(",")
            ))
            .await;
        for id in ids {
            let n = scenes
                .as_array()
                .unwrap()
                .iter()
                .filter(|s| s["story_id"] == id.as_str())
                .count();
            assert!(n >= 3, "{when}: story {id} lost its scenes ({n} left)");
        }
    }
    for (story, path, size) in &acked.narrations {
        let row = api
            .json(&format!("/rest/v1/stories?select=audio_path&id=eq.{story}"))
            .await;
        assert_eq!(row[0]["audio_path"], path.as_str(), "{when}: {story}");
        assert_eq!(
            api.object("story-audio", path).await,
            Ok(*size),
            "{when}: narration {path}"
        );
    }
    for (story, scene, path) in &acked.pictures {
        let row = api
            .json(&format!(
                "/rest/v1/story_illustrations?select=status,image_path&story_id=eq.{story}&scene_number=eq.{scene}"
            ))
            .await;
        assert_eq!(
            row[0]["status"], "completed",
            "{when}: {story} scene {scene}"
        );
        assert_eq!(row[0]["image_path"], path.as_str(), "{when}");
        let bytes = api.object("story-illustrations", path).await;
        assert!(
            bytes.is_ok_and(|n| n > 0),
            "{when}: picture {path}: {bytes:?}"
        );
    }
}

/// The figures one drill run reports.
#[derive(Default)]
struct Figures {
    kills_by_phase: std::collections::BTreeMap<Phase, usize>,
    offsets_ms: Vec<f64>,
    restart_ms: Vec<f64>,
    settled_pictures: usize,
    checked: [usize; 3],
}

#[tokio::test]
async fn killed_mid_write_again_and_again_it_keeps_what_it_acknowledged() {
    let seed = std::env::var("CRASH_DRILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(rand::random::<u64>);
    let rounds = std::env::var("CRASH_DRILL_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(ROUNDS);
    println!("crash drill: seed {seed} (replay with CRASH_DRILL_SEED={seed}), {rounds} rounds");
    let mut rng = StdRng::seed_from_u64(seed);
    let scratch = tempfile::tempdir().unwrap();
    let data: PathBuf = scratch.path().join("data");
    let log = scratch.path().join("server.log");
    let started = Instant::now();

    let mut server = Server::start(&data, &log);
    // A backstop only: a server that hangs fails the drill instead of stalling the test command.
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap();
    let res = http
        .post(format!("{}/auth/v1/signup", server.url))
        .header("apikey", &server.anon)
        .json(&json!({"email": "drill@example.com", "password": "secret-123"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let session: Value = res.json().await.unwrap();
    let mut api = Api {
        http: http.clone(),
        url: server.url.clone(),
        anon: server.anon.clone(),
        token: session["access_token"].as_str().unwrap().to_owned(),
    };
    let mut heroes = Vec::new();
    for name in ["Luna", "Milo"] {
        let res = api
            .req(Method::POST, "/rest/v1/heroes")
            .header("prefer", "return=representation")
            .json(&json!({"name": name, "primary_trait": "brave", "secondary_trait": "kind"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        heroes.push(
            res.json::<Value>().await.unwrap()[0]["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }

    let acked = Arc::new(Mutex::new(Acked::default()));
    let mut everything = Acked::default();
    let mut figures = Figures::default();
    for round in 0..rounds {
        let when = format!("round {round} (seed {seed})");
        // The next story works, start to end; its phases give this round's kill window.
        let (idle, _) = watch::channel(Phase::Idle);
        let took = cycle(&api, &heroes[0], &idle, &acked)
            .await
            .unwrap_or_else(|e| panic!("{when}: the story after the restart failed: {e}"));

        let target = PHASES[round % 3];
        let window = took[round % 3];
        let offset = window.mul_f64(rng.random::<f64>() * 1.2);
        let mut phases = Vec::new();
        let mut workers = Vec::new();
        for hero in heroes.iter().take(WORKERS) {
            let (tx, rx) = watch::channel(Phase::Idle);
            phases.push(rx);
            let (api, hero, acked) = (api.clone(), hero.clone(), acked.clone());
            workers.push(tokio::spawn(async move {
                loop {
                    if let Err(e) = cycle(&api, &hero, &tx, &acked).await {
                        return e;
                    }
                }
            }));
        }
        let mut first = phases[0].clone();
        first.wait_for(|p| *p == target).await.unwrap();
        tokio::time::sleep(offset).await;
        let at = *phases[0].borrow();
        server.kill();
        for w in workers {
            w.await.unwrap();
        }
        *figures.kills_by_phase.entry(at).or_default() += 1;
        figures.offsets_ms.push(offset.as_secs_f64() * 1000.0);
        let check = integrity(&data, &scratch.path().join("copy")).await;
        assert_eq!(check, "ok", "{when}: integrity_check after the kill");

        let t = Instant::now();
        server = Server::start(&data, &log);
        figures.restart_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        api.url = server.url.clone();
        api.anon = server.anon.clone();
        let stuck = api
            .json("/rest/v1/story_illustrations?select=story_id,scene_number,status&status=in.(pending,processing)")
            .await;
        assert_eq!(stuck, json!([]), "{when}: pictures left half-drawn");
        assert_eq!(unsettled(&data).await, 0, "{when}: quota left unsettled");
        let new = acked.lock().unwrap().take();
        verify(&api, &new, &when).await;
        everything.extend(&new);
    }
    // Every acknowledgement of the whole run, once more after the last restart; then a last
    // kill and the data dir's own database (not a copy) checked.
    verify(&api, &everything, "at the end").await;
    let settled = api
        .json("/rest/v1/story_illustrations?select=error_message&status=eq.failed")
        .await;
    figures.settled_pictures = settled.as_array().unwrap().len();
    assert!(
        settled
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["error_message"]
                .as_str()
                .is_some_and(|m| m.starts_with("Interrupted"))),
        "only interrupted pictures failed: {settled}"
    );
    figures.checked = [
        everything.stories.len(),
        everything.narrations.len(),
        everything.pictures.len(),
    ];
    server.kill();
    let mut live = SqliteConnectOptions::new()
        .filename(data.join("server.db"))
        .connect()
        .await
        .unwrap();
    let rows: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut live)
        .await
        .unwrap();
    assert_eq!(rows, ["ok"]);
    report(seed, rounds, &figures, started.elapsed());
}

fn report(seed: u64, rounds: usize, f: &Figures, total: Duration) {
    let mut offsets = f.offsets_ms.clone();
    offsets.sort_by(f64::total_cmp);
    let mut restarts = f.restart_ms.clone();
    restarts.sort_by(f64::total_cmp);
    let median = |v: &[f64]| v.get(v.len() / 2).copied().unwrap_or(0.0);
    println!(
        "crash drill: seed {seed}, {rounds} kills in {:.1} s; killed while writing: {:?}; \
         kill offsets into the phase {:.1}–{:.1} ms (median {:.1}); restart to listening \
         {:.0}–{:.0} ms (median {:.0}); acknowledged and found again: {} stories, {} narrations, \
         {} pictures; pictures settled as interrupted: {}",
        total.as_secs_f64(),
        f.kills_by_phase,
        offsets.first().unwrap_or(&0.0),
        offsets.last().unwrap_or(&0.0),
        median(&offsets),
        restarts.first().unwrap_or(&0.0),
        restarts.last().unwrap_or(&0.0),
        median(&restarts),
        f.checked[0],
        f.checked[1],
        f.checked[2],
        f.settled_pictures,
    );
}
