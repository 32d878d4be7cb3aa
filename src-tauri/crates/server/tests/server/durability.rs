//! Durability: SQLite in WAL mode; a restart — graceful or abrupt — keeps users, sessions,
//! rows and files.

use reqwest::Method;
use serde_json::{Value, json};

use crate::support::TestServer;

#[tokio::test]
async fn a_restart_loses_nothing() {
    let s = TestServer::start().await;
    let u = s.email_user("keep@example.com").await;
    let hero = s.hero(&u, "Luna").await;
    let path = format!(
        "/storage/v1/object/hero-avatars/{}/{hero}/avatar.png",
        u.user_id
    );
    s.as_user(Method::POST, &path, &u)
        .body("portrait")
        .send()
        .await
        .unwrap();
    assert!(
        s.dir.path().join("backend/server.db-wal").exists(),
        "WAL journal in use"
    );
    let secret = std::fs::read_to_string(s.dir.path().join("backend/jwt-secret")).unwrap();
    assert!(secret.len() >= 32);
    let anon_key = s.anon_key().to_string();

    // Abrupt stop: the handle is dropped without a graceful shutdown.
    let TestServer { handle, dir, .. } = s;
    drop(handle);
    let s = TestServer::start_in(dir, |_| {}).await;
    assert_eq!(s.anon_key(), anon_key, "the stored secret is reused");
    let res = s
        .req(Method::POST, "/auth/v1/token?grant_type=refresh_token")
        .json(&json!({"refresh_token": u.refresh_token}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "the session survived");
    let res = s
        .req(Method::POST, "/auth/v1/token?grant_type=password")
        .json(&json!({"email": "keep@example.com", "password": "secret-123"}))
        .send()
        .await
        .unwrap();
    let again = crate::support::session_of(&res.json().await.unwrap());
    let rows: Value = s.get_json("/rest/v1/heroes?select=id", &again).await;
    assert_eq!(rows, json!([{"id": hero}]));
    assert_eq!(
        s.as_user(Method::GET, &path, &again)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        "portrait"
    );
}

#[tokio::test]
async fn a_crash_mid_upload_leaves_the_old_file_and_no_debris() {
    let s = TestServer::start().await;
    let u = s.anonymous().await;
    let path = format!(
        "/storage/v1/object/story-audio/{}/st/narration.ogg",
        u.user_id
    );
    s.as_user(Method::POST, &path, &u)
        .body("old narration")
        .send()
        .await
        .unwrap();
    let TestServer { handle, dir, .. } = s;
    handle.shutdown().await;
    // What a crash between writing the temp file and renaming it leaves behind.
    let tmp = dir.path().join("backend/storage/.tmp/4f1c-half-written");
    std::fs::write(&tmp, b"new narr").unwrap();

    let s = TestServer::start_in(dir, |_| {}).await;
    assert!(
        !tmp.exists(),
        "the half-written temp file is cleaned up at start"
    );
    let res = s
        .req(Method::POST, "/auth/v1/token?grant_type=refresh_token")
        .json(&json!({"refresh_token": u.refresh_token}))
        .send()
        .await
        .unwrap();
    let again = crate::support::session_of(&res.json().await.unwrap());
    let body = s
        .as_user(Method::GET, &path, &again)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(
        body, "old narration",
        "the object still has its old, whole content"
    );
}

/// Every file and folder under `dir` whose mode lets anyone but the owner in.
#[cfg(unix)]
fn shared_entries(dir: &std::path::Path) -> Vec<String> {
    use std::os::unix::fs::PermissionsExt;
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let meta = std::fs::metadata(&path).unwrap();
            if meta.permissions().mode() & 0o077 != 0 {
                found.push(format!(
                    "{} {:o}",
                    path.display(),
                    meta.permissions().mode() & 0o777
                ));
            }
            if meta.is_dir() {
                todo.push(path);
            }
        }
    }
    found
}

#[cfg(unix)]
#[tokio::test]
async fn the_data_dir_is_owner_only_through_and_through() {
    let s = TestServer::start().await;
    let u = s.email_user("dee@example.com").await;
    let hero = s.hero(&u, "Dee").await;
    let res = s
        .as_user(
            Method::POST,
            &format!(
                "/storage/v1/object/hero-avatars/{}/{hero}/avatar.png",
                u.user_id
            ),
            &u,
        )
        .body(vec![1u8; 64])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let story = json!({"heroId": hero, "event": {"type": "built_in", "data": {"event": "bedtime_adventure"}}, "targetDuration": 120, "language": "en", "voice": "coral"});
    assert_eq!(s.invoke(&u, "story-generation", story).await.status(), 200);
    let backend = s.dir.path().join("backend");
    assert!(backend.join("server.db").exists() && backend.join("storage").is_dir());
    assert_eq!(shared_entries(&backend), Vec::<String>::new());
}

#[cfg(unix)]
#[tokio::test]
async fn a_damaged_database_is_set_aside_and_the_server_starts_fresh() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let backend = dir.path().join("backend");
    std::fs::create_dir_all(&backend).unwrap();
    let garbage: Vec<u8> = (0..20_000u32).map(|i| (i * 31 % 256) as u8).collect();
    std::fs::write(backend.join("server.db"), &garbage).unwrap();
    let s = TestServer::start_in(dir, |_| {}).await;
    let recovered = s.handle.recovered().expect("reported").clone();
    assert!(
        recovered.reason.contains("not a database"),
        "{}",
        recovered.reason
    );
    let name = recovered.moved_to.file_name().unwrap().to_string_lossy();
    assert!(name.starts_with("server.db.corrupt-"), "{name}");
    assert_eq!(recovered.moved_to.parent(), Some(backend.as_path()));
    assert_eq!(
        std::fs::read(&recovered.moved_to).unwrap(),
        garbage,
        "kept as it was"
    );
    let mode = std::fs::metadata(&recovered.moved_to)
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    // The fresh database works: a family signs up and keeps a hero.
    let u = s.email_user("fresh@example.com").await;
    let hero = s.hero(&u, "Luna").await;
    let rows: Value = s.get_json("/rest/v1/heroes?select=id", &u).await;
    assert_eq!(rows, json!([{"id": hero}]));
    // A sound database on the next start is not touched.
    let TestServer { handle, dir, .. } = s;
    handle.shutdown().await;
    let s = TestServer::start_in(dir, |_| {}).await;
    assert!(s.handle.recovered().is_none());
}

/// A `server.db` that opens but has a damaged page: the server starts at once (its page-by-page
/// check no longer holds the app's start-up), the check after start marks the file, and the
/// next start sets it aside and reports it for the app to tell the family.
#[tokio::test]
async fn a_database_damaged_inside_is_found_after_start_and_set_aside_at_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("backend").join("server.db");
    let s =
        TestServer::start_in(dir, |c| c.integrity_check_delay = std::time::Duration::ZERO).await;
    let TestServer { handle, dir, .. } = s;
    handle.shutdown().await;
    infinite_stories_contract::sqlite::damage::damage_one_page(&db).await;

    let s =
        TestServer::start_in(dir, |c| c.integrity_check_delay = std::time::Duration::ZERO).await;
    assert!(
        s.handle.recovered().is_none(),
        "opened at once, not checked first"
    );
    let marker = infinite_stories_contract::sqlite::damaged_marker(&db);
    tokio::time::timeout(std::time::Duration::from_secs(30), async {
        while !marker.exists() {
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
    })
    .await
    .expect("the check after start marked the file");
    let TestServer { handle, dir, .. } = s;
    handle.shutdown().await;

    let s = TestServer::start_in(dir, |_| {}).await;
    let recovered = s
        .handle
        .recovered()
        .expect("set aside at the next start")
        .clone();
    assert!(
        recovered
            .moved_to
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("server.db.corrupt-"),
        "{recovered:?}"
    );
    assert!(!marker.exists());
    let u = s.email_user("after@example.com").await;
    s.hero(&u, "Luna").await;
}
