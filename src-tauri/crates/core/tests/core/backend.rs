//! The core connects to the real embedded backend on loopback and reports its status as events.

use infinite_stories_core::{BackendEndpoint, BackendMode, BackendState, Core, CoreEvent};
use infinite_stories_server::{ServerConfig, serve};

#[tokio::test]
async fn connects_to_the_embedded_backend_and_reports_it() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(ServerConfig::loopback(dir.path())).await.unwrap();
    let core = Core::new();
    let mut events = core.events();
    assert_eq!(core.backend_status().state, BackendState::Connecting);

    let status = core
        .connect(BackendEndpoint::embedded(server.address()))
        .await;

    assert_eq!(status.state, BackendState::Connected);
    assert_eq!(
        status.address.as_deref(),
        Some(format!("http://{}", server.address()).as_str())
    );
    assert_eq!(
        status.version.as_deref(),
        Some(infinite_stories_server::VERSION)
    );
    assert_eq!(core.backend_status(), status);
    assert_eq!(
        events.recv().await.unwrap(),
        CoreEvent::BackendStatus(status)
    );
    assert!(core.api().is_ok());
    server.shutdown().await;
}

#[tokio::test]
async fn a_backend_that_does_not_answer_is_reported_unavailable_with_a_reason() {
    // Bind and stop a server to get a loopback port nobody listens on.
    let dir = tempfile::tempdir().unwrap();
    let server = serve(ServerConfig::loopback(dir.path())).await.unwrap();
    let addr = server.address();
    server.shutdown().await;

    let core = Core::new();
    let status = core.connect(BackendEndpoint::embedded(addr)).await;
    assert_eq!(status.state, BackendState::Unavailable);
    let message = status.message.unwrap();
    assert!(message.contains("Could not reach"), "{message}");
    assert!(
        core.api().is_err(),
        "no client is kept for a backend that did not answer"
    );
}

#[tokio::test]
async fn a_backend_that_failed_to_start_says_so() {
    let core = Core::new();
    let status = core.backend_failed(BackendMode::Embedded, "its data folder is read-only");
    assert_eq!(status.state, BackendState::Unavailable);
    assert!(
        status
            .message
            .unwrap()
            .contains("could not start: its data folder is read-only")
    );
}

#[tokio::test]
async fn an_unavailable_status_is_an_error_for_callers_that_need_a_backend() {
    let core = Core::new();
    let status = core.backend_failed(BackendMode::Embedded, "disk full");
    let err = status.into_result().unwrap_err();
    assert_eq!(
        err.code(),
        infinite_stories_core::ErrorCode::BackendUnavailable
    );
    assert!(err.is_retryable());
    assert!(err.to_string().contains("disk full"), "{err}");
}
