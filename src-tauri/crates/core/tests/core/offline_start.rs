//! Starting with the backend out of reach: the family's session is remembered from the keyring
//! before any backend answers, so Home's shortcut, the library and sign-out work at once (the
//! embedded backend still starting) or without it (a Supabase project offline).

use std::time::Duration;

use infinite_stories_core::secrets::SecretStore;
use infinite_stories_core::{
    BackendEndpoint, BackendState, Core, CoreEvent, CoreOptions, GenerateRequest, LibraryQuery,
    SessionChange,
};

use crate::pipeline::{hero, story_request};
use crate::support::{env, fast_realtime};

/// A loopback address nothing listens on.
fn nobody_listening() -> std::net::SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap()
}

#[tokio::test]
async fn a_start_with_the_backend_out_of_reach_opens_the_familys_library_and_can_sign_out() {
    let env = env().await;
    let hero_id = hero(&env).await;
    let story = env
        .core
        .generate_story(GenerateRequest {
            request_id: Some("offline-start".into()),
            story: story_request(&hero_id),
            narration: false,
            illustrations: false,
        })
        .await
        .unwrap();
    let user = env.core.session().unwrap().user_id;

    // The next start: the same keyring and library, the backend not reachable.
    let again = Core::with_options(CoreOptions {
        secrets: env.secrets.clone(),
        clock: env.clock.clone(),
        sleeper: Some(env.sleeper.clone()),
        realtime: fast_realtime(),
        data_dir: Some(env._dir.path().join("client")),
        ..CoreOptions::default()
    });
    let mut events = again.events();
    let gone = nobody_listening();
    let status = again
        .connect(BackendEndpoint::embedded(gone).with_api_key("anon"))
        .await;
    assert_ne!(status.state, BackendState::Connected, "{status:?}");

    let session = again.session().expect("the stored session is remembered");
    assert_eq!(session.user_id, user);
    let announced = tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            if let Ok(CoreEvent::Session(e)) = events.recv().await {
                return e;
            }
        }
    })
    .await
    .expect("the remembered session is announced to the UI");
    assert_eq!(announced.change, SessionChange::InitialSession);
    assert_eq!(announced.session.unwrap().user_id, user);

    let tonight = again.tonight().await.unwrap();
    assert_eq!(tonight.newest.unwrap().id, story.summary.id);
    assert_eq!(tonight.last_hero.unwrap().id, hero_id);
    let page = again
        .search_library(&LibraryQuery::default())
        .await
        .unwrap();
    assert_eq!(page.cards.len(), 1, "{page:?}");
    assert_eq!(
        again.story(&story.summary.id).await.unwrap().content,
        story.content
    );

    // Signing out with no backend forgets the stored session (the next start is a first start).
    again.sign_out().await.unwrap();
    assert!(again.session().is_none());
    assert!(env.secrets.get("session/embedded").unwrap().is_none());
}

#[tokio::test]
async fn the_remembered_session_is_only_the_profile_asked_for() {
    let env = env().await;
    crate::support::sign_in(&env).await;
    let again = Core::with_options(CoreOptions {
        secrets: env.secrets.clone(),
        data_dir: Some(env._dir.path().join("client")),
        ..CoreOptions::default()
    });
    // The embedded profile's session is stored; a Supabase project out of reach has none.
    assert!(again.remember_session("embedded").await.is_some());
    let project =
        BackendEndpoint::supabase("https://127.0.0.1:9", "sb_publishable_offline").unwrap();
    let status = again.connect(project).await;
    assert_ne!(status.state, BackendState::Connected);
    assert!(
        again.session().is_none(),
        "another profile's family is never shown"
    );
    assert!(again.tonight().await.is_err());
}
