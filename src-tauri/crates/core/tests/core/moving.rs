//! Moving a library to another backend (issue 13, part 5), from one embedded backend to a second
//! one on loopback — the same wire protocols as a Supabase project. A family with a hero (and its
//! avatar), a custom event, a narrated and illustrated story, a text-only one and listening
//! sessions is copied; the destination is then read as the family's new account there: every
//! table's rows are there once, owned by the new account, and every file reads back with the
//! source's SHA-256. Also: running twice adds nothing; a destination failing halfway stops the
//! move, and a new app process (same data folder) resumes it; Cancel stops it and moving again
//! resumes.

use std::collections::BTreeMap;

use infinite_stories_core::{
    Core, CoreEvent, GenerateRequest, MoveDestination, MoveReport, MoveStep, contract,
};
use infinite_stories_server::{ServerConfig, ServerHandle, serve};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::pipeline::{hero, story_request};
use crate::support::{Env, core_with, env};

const TABLES: [&str; 6] = [
    "heroes",
    "custom_events",
    "stories",
    "story_scenes",
    "story_illustrations",
    "listening_sessions",
];
const BUCKETS: [&str; 3] = ["hero-avatars", "story-audio", "story-illustrations"];
const EMAIL: &str = "family@example.com";
const PASSWORD: &str = "a long bedtime password";

/// The destination: a second embedded backend (faults on, the source's server clock) with the
/// family's account made on it.
struct Destination {
    server: ServerHandle,
    _dir: tempfile::TempDir,
}

async fn destination(env: &Env) -> Destination {
    let dir = tempfile::tempdir().unwrap();
    let mut config = ServerConfig::loopback(dir.path());
    config.faults_enabled = true;
    config.clock = env.server_clock.clone();
    let server = serve(config).await.unwrap();
    let answer = reqwest::Client::new()
        .post(format!("{}/auth/v1/signup", server.url()))
        .header("apikey", server.anon_key())
        .json(&json!({"email": EMAIL, "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert!(
        answer.status().is_success(),
        "{}",
        answer.text().await.unwrap()
    );
    Destination { server, _dir: dir }
}

impl Destination {
    fn address(&self, email: bool) -> MoveDestination {
        MoveDestination {
            url: self.server.url(),
            anon_key: self.server.anon_key().to_owned(),
            email: email.then(|| EMAIL.to_owned()),
            password: email.then(|| PASSWORD.to_owned()),
        }
    }

    async fn fault(&self, rule: Value) {
        let r = reqwest::Client::new()
            .post(format!("{}/admin/v1/faults", self.server.url()))
            .header("apikey", self.server.service_key())
            .bearer_auth(self.server.service_key())
            .json(&rule)
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success(), "{}", r.text().await.unwrap());
    }

    async fn clear_faults(&self) {
        let r = reqwest::Client::new()
            .delete(format!("{}/admin/v1/faults", self.server.url()))
            .header("apikey", self.server.service_key())
            .bearer_auth(self.server.service_key())
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success());
    }

    /// The family's account on the destination: (user id, access token).
    async fn account(&self) -> (String, String) {
        let session: Value = reqwest::Client::new()
            .post(format!(
                "{}/auth/v1/token?grant_type=password",
                self.server.url()
            ))
            .header("apikey", self.server.anon_key())
            .json(&json!({"email": EMAIL, "password": PASSWORD}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(session["user"]["id"].is_string(), "no session: {session}");
        (
            session["user"]["id"].as_str().unwrap().to_owned(),
            session["access_token"].as_str().unwrap().to_owned(),
        )
    }

    /// Every row of `table` the family's account sees there.
    async fn rows(&self, table: &str) -> Vec<Value> {
        let (_, token) = self.account().await;
        reqwest::Client::new()
            .get(format!("{}/rest/v1/{table}?select=*", self.server.url()))
            .header("apikey", self.server.anon_key())
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    async fn file(&self, bucket: &str, path: &str) -> Vec<u8> {
        let (_, token) = self.account().await;
        let r = reqwest::Client::new()
            .get(format!(
                "{}/storage/v1/object/authenticated/{bucket}/{path}",
                self.server.url()
            ))
            .header("apikey", self.server.anon_key())
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success(), "{bucket}/{path}: {}", r.status());
        r.bytes().await.unwrap().to_vec()
    }
}

fn sha(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What the family has on the source: rows per table and SHA-256 per file (path below the
/// family's folder).
struct Family {
    user: String,
    rows: BTreeMap<&'static str, Vec<Value>>,
    files: BTreeMap<(String, String), String>,
}

/// Makes a family on the env's backend: a hero with an avatar, a custom event, a narrated and
/// illustrated story, a text-only story, two listening sessions.
async fn family(env: &Env) -> Family {
    let hero = hero(env).await;
    let core = &env.core;
    core.generate_avatar(
        &hero,
        "a small fox with a lantern",
        contract::AvatarStyle::Watercolor,
    )
    .await
    .unwrap();
    let api = core.api().unwrap();
    let user = core.session().unwrap().user_id;
    let _: Value = api
        .insert(
            "custom_events",
            &json!({"user_id": user, "title": "First day at school"}),
        )
        .await
        .unwrap();
    let full = core
        .generate_story(GenerateRequest {
            request_id: Some("full".into()),
            story: story_request(&hero),
            narration: true,
            illustrations: true,
        })
        .await
        .unwrap();
    let text = core
        .generate_story(GenerateRequest {
            request_id: Some("text".into()),
            story: story_request(&hero),
            narration: false,
            illustrations: false,
        })
        .await
        .unwrap();
    for (story, seconds) in [(&full.summary.id, 42.0), (&text.summary.id, 7.5)] {
        let _: Value = api
            .insert(
                "listening_sessions",
                &json!({"user_id": user, "story_id": story, "seconds_listened": seconds}),
            )
            .await
            .unwrap();
    }
    source(core).await
}

/// Reads what the family has on the source, the way the test sees it (not through the move).
async fn source(core: &Core) -> Family {
    let api = core.api().unwrap();
    let user = core.session().unwrap().user_id;
    let mut rows = BTreeMap::new();
    for table in TABLES {
        rows.insert(table, api.select::<Value>(table, "select=*").await.unwrap());
    }
    let mut files = BTreeMap::new();
    for bucket in BUCKETS {
        for (table, column) in [
            ("heroes", "avatar_path"),
            ("stories", "audio_path"),
            ("story_illustrations", "image_path"),
        ] {
            let wanted = match column {
                "avatar_path" => "hero-avatars",
                "audio_path" => "story-audio",
                _ => "story-illustrations",
            };
            if wanted != bucket {
                continue;
            }
            for row in &rows[table] {
                if let Some(path) = row[column].as_str() {
                    let bytes = api.download(&format!("{bucket}/{path}")).await.unwrap();
                    let below = path.strip_prefix(&format!("{user}/")).unwrap().to_owned();
                    files.insert((bucket.to_owned(), below), sha(&bytes));
                }
            }
        }
    }
    Family { user, rows, files }
}

/// The destination holds exactly the family's rows, owned by the new account, with paths in its
/// folder, and every file the source has (and the narration's timings) with the same bytes.
async fn assert_copied(dest: &Destination, family: &Family, report: &MoveReport) {
    let (new_user, _) = dest.account().await;
    assert_ne!(new_user, family.user);
    assert!(report.complete, "{report:#?}");
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    for table in TABLES {
        let there = dest.rows(table).await;
        let here = &family.rows[table];
        assert!(!here.is_empty(), "the family has {table}");
        assert_eq!(
            there.len(),
            here.len(),
            "{table}: one row there for each here"
        );
        let counted = report.tables.iter().find(|t| t.table == table).unwrap();
        assert_eq!(
            (counted.source, counted.target),
            (here.len() as u32, here.len() as u32)
        );
        for row in &there {
            let id = row["id"].as_str().unwrap();
            let original = here.iter().find(|r| r["id"] == id).expect("same ids");
            if original.get("user_id").is_some() {
                assert_eq!(
                    row["user_id"],
                    new_user.as_str(),
                    "{table} {id} owned there"
                );
            }
            for key in [
                "title",
                "content",
                "name",
                "text_segment",
                "scene_number",
                "seconds_listened",
                "status",
            ] {
                assert_eq!(row.get(key), original.get(key), "{table}.{key}");
            }
            for column in ["avatar_path", "audio_path", "image_path"] {
                if let Some(path) = row[column].as_str() {
                    assert!(
                        path.starts_with(&format!("{new_user}/")),
                        "{column} = {path}"
                    );
                }
            }
            for column in ["avatar_url", "audio_url", "image_url"] {
                if let Some(url) = row[column].as_str() {
                    assert!(
                        url.starts_with(&dest.server.url()),
                        "{column} signed there: {url}"
                    );
                }
            }
        }
    }
    assert!(
        family.files.len() >= 3,
        "an avatar, a narration, pictures: {:?}",
        family.files.keys()
    );
    for ((bucket, below), want) in &family.files {
        let bytes = dest.file(bucket, &format!("{new_user}/{below}")).await;
        assert_eq!(&sha(&bytes), want, "{bucket}/{below}");
    }
    // Files no row names (the narration's word timings, when the narrator gives them) come too.
    assert!(report.files as usize >= family.files.len(), "{report:?}");
    assert_eq!(report.files, report.files_verified);
}

#[tokio::test]
async fn a_library_moves_whole_and_moving_it_again_adds_nothing() {
    let env = env().await;
    let family = family(&env).await;
    let dest = destination(&env).await;
    let mut events = env.core.events();

    let first = env.core.move_library(dest.address(true)).await.unwrap();
    assert!(!first.resumed);
    assert_copied(&dest, &family, &first).await;
    let mut steps = Vec::new();
    let mut last = None;
    loop {
        let event = match events.try_recv() {
            Ok(event) => event,
            Err(tokio::sync::broadcast::error::TryRecvError::Lagged(_)) => continue,
            Err(_) => break,
        };
        if let CoreEvent::Moving(p) = event {
            if steps.last() != Some(&p.step) {
                steps.push(p.step);
            }
            assert!(p.done <= p.total && p.bytes_done <= p.bytes_total.max(p.bytes_done));
            last = Some(p);
        }
    }
    assert_eq!(
        steps,
        [
            MoveStep::Connecting,
            MoveStep::Reading,
            MoveStep::Files,
            MoveStep::Rows,
            MoveStep::Verifying,
            MoveStep::Done
        ]
    );
    let last = last.unwrap();
    assert_eq!(last.done, last.total);
    assert_eq!(last.bytes_done, first.bytes);

    // Twice: the same rows (by id), not a second copy; the saved session is used this time.
    let second = env.core.move_library(dest.address(false)).await.unwrap();
    assert!(!second.resumed, "a finished move starts over");
    assert_copied(&dest, &family, &second).await;
    let status = env.core.move_status().await;
    assert!(!status.running && status.unfinished.is_none());
    assert_eq!(status.report.as_ref(), Some(&second));
}

#[tokio::test]
async fn a_destination_failing_halfway_stops_the_move_and_a_new_start_resumes_it() {
    let env = env().await;
    let family = family(&env).await;
    let dest = destination(&env).await;
    // Uploads of narration fail for good: the avatar is copied, then the move stops.
    dest.fault(json!({"action": "status", "status": 503, "route": "/storage/v1/object/story-audio", "method": "POST"}))
        .await;
    let err = env.core.move_library(dest.address(true)).await.unwrap_err();
    assert!(err.is_retryable(), "{err:?}");
    let status = env.core.move_status().await;
    assert_eq!(
        status.unfinished.as_deref(),
        Some(format!("{}/", dest.server.url()).as_str())
    );
    assert_eq!(status.progress.as_ref().unwrap().step, MoveStep::Failed);
    assert!(status.progress.unwrap().message.unwrap().contains("tries"));
    let avatars_there = dest.rows("heroes").await;
    assert!(avatars_there.is_empty(), "rows come after files");

    // The app quits and starts again (a new core on the same data folder and keyring); the
    // network is back.
    dest.clear_faults().await;
    let again = core_with(
        &env.server,
        env.secrets.clone(),
        env.clock.clone(),
        env.sleeper.clone(),
        Some(env._dir.path().join("client")),
    )
    .await;
    let report = again.move_library(dest.address(false)).await.unwrap();
    assert!(report.resumed, "{report:?}");
    assert_copied(&dest, &family, &report).await;
    assert!(again.move_status().await.unfinished.is_none());
}

#[tokio::test]
async fn cancel_stops_the_move_and_moving_again_resumes_it() {
    let env = env().await;
    let family = family(&env).await;
    let dest = destination(&env).await;
    let mut events = env.core.events();
    let core = env.core.clone();
    let address = dest.address(true);
    let running = tokio::spawn(async move { core.move_library(address).await });
    // Cancel once the first row is copied.
    tokio::time::timeout(std::time::Duration::from_secs(300), async {
        loop {
            if let Ok(CoreEvent::Moving(p)) = events.recv().await
                && p.step == MoveStep::Rows
            {
                // One move at a time.
                let twice = env
                    .core
                    .move_library(dest.address(false))
                    .await
                    .unwrap_err();
                assert!(twice.to_string().contains("already being moved"), "{twice}");
                assert!(env.core.move_status().await.running);
                assert!(env.core.cancel_move_library());
                break;
            }
        }
    })
    .await
    .expect("the move never reached its rows");
    let err = running.await.unwrap().unwrap_err();
    assert_eq!(err.code(), infinite_stories_core::ErrorCode::Cancelled);
    let status = env.core.move_status().await;
    assert!(!status.running);
    assert_eq!(status.progress.unwrap().step, MoveStep::Cancelled);
    assert!(status.unfinished.is_some());
    let partial = dest.rows("story_scenes").await;
    assert!(
        partial.len() < family.rows["story_scenes"].len(),
        "stopped halfway"
    );
    assert!(!env.core.cancel_move_library(), "nothing runs now");

    let report = env.core.move_library(dest.address(false)).await.unwrap();
    assert!(report.resumed);
    assert_copied(&dest, &family, &report).await;
}
