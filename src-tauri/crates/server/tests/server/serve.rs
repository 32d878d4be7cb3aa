//! The server starts on loopback, answers, keeps its data under its own directory and stops.

use infinite_stories_server::{ServerConfig, ServerError, serve};

#[tokio::test]
async fn starts_on_loopback_answers_health_and_stops_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("backend");
    let server = serve(ServerConfig::loopback(&data_dir)).await.unwrap();
    let addr = server.address();
    assert!(addr.ip().is_loopback(), "bound to {addr}");
    assert_ne!(addr.port(), 0);
    assert!(data_dir.is_dir(), "data dir created");

    let body: serde_json::Value = reqwest::get(format!("http://{addr}/health"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["version"], infinite_stories_server::VERSION);

    server.shutdown().await;
    let after = reqwest::get(format!("http://{addr}/health")).await;
    assert!(
        after.is_err(),
        "server still answering after shutdown: {after:?}"
    );
}

#[tokio::test]
async fn unknown_routes_are_404() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(ServerConfig::loopback(dir.path())).await.unwrap();
    let res = reqwest::get(format!("http://{}/nope", server.address()))
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    server.shutdown().await;
}

#[tokio::test]
async fn an_unusable_data_dir_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, b"x").unwrap();
    let err = serve(ServerConfig::loopback(file.join("backend")))
        .await
        .unwrap_err();
    assert!(matches!(err, ServerError::DataDir { .. }), "{err:?}");
    assert!(err.to_string().contains("data folder"), "{err}");
}
