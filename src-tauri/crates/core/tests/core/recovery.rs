//! A damaged `core.sqlite`: set aside with its bytes (owner-only), a fresh library made, the
//! family told where the old file is (the backend status's notices), and the fresh library
//! filled from the backend — stories, scenes and narration come back.

use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

use infinite_stories_core::family::LibraryPart;
use infinite_stories_core::{CoreEvent, GenerateRequest};

use crate::pipeline::{hero, story_request};
use infinite_stories_core::clock::{ManualClock, ManualTimer, SharedSleeper};

use crate::support::{core_timed, core_with, env};

#[tokio::test]
async fn a_damaged_library_is_set_aside_and_filled_again_from_the_backend() {
    let env = env().await;
    let hero = hero(&env).await;
    let story = env
        .core
        .generate_story(GenerateRequest {
            request_id: Some("rec-1".into()),
            story: story_request(&hero),
            narration: true,
            illustrations: true,
        })
        .await
        .unwrap();

    // The app starts again on a data folder whose library is garbage (same backend, same
    // keyring: the session is restored).
    let dir = tempfile::tempdir().unwrap();
    let client = dir.path().join("client");
    std::fs::create_dir_all(&client).unwrap();
    let garbage: Vec<u8> = (0..12_288u32).map(|i| (i * 13 % 256) as u8).collect();
    std::fs::write(client.join("core.sqlite"), &garbage).unwrap();
    let core = core_with(
        &env.server,
        env.secrets.clone(),
        env.clock.clone(),
        env.sleeper.clone(),
        Some(client.clone()),
    )
    .await;
    assert!(core.session().is_some(), "the session was restored");
    let mut events = core.events();
    assert!(
        core.backend_status().notices.is_none(),
        "nothing to tell yet"
    );
    core.stories().await.unwrap();

    let aside: Vec<_> = std::fs::read_dir(&client)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("core.sqlite.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(std::fs::read(&aside[0]).unwrap(), garbage, "kept as it was");
    let mode = std::fs::metadata(&aside[0]).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let notices = core.backend_status().notices.expect("a notice");
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        notices[0].contains(&aside[0].display().to_string())
            && notices[0].contains("brought back from the story server"),
        "{}",
        notices[0]
    );

    // The fresh library is filled from the backend, then announced.
    tokio::time::timeout(Duration::from_secs(60), async {
        loop {
            if let Ok(CoreEvent::LibraryChanged(LibraryPart::Stories)) = events.recv().await {
                break;
            }
        }
    })
    .await
    .expect("the library was filled again");
    let listed = core.stories().await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, story.summary.id);
    let back = core.story(&story.summary.id).await.unwrap();
    assert_eq!(back.content, story.content);
    assert_eq!(back.scenes, story.scenes);
    let audio = back.narration_key.expect("narration synced");
    assert!(
        core.media(&audio).await.unwrap().is_some(),
        "audio is local"
    );
}

/// A library whose file opens and migrates but has a damaged page: Home is not held up by a
/// page-by-page check at start-up; the check runs beside the app, tells the family to restart,
/// and the next start sets the file aside.
#[tokio::test]
async fn a_library_damaged_inside_opens_at_once_then_is_set_aside_at_the_next_start() {
    let env = env().await;
    let dir = tempfile::tempdir().unwrap();
    let client = dir.path().join("client");
    // A library that opens and migrates, with one page of rows damaged.
    infinite_stories_core::database::open(&client)
        .await
        .unwrap()
        .close()
        .await;
    infinite_stories_contract::sqlite::damage::damage_one_page(&client.join("core.sqlite")).await;

    let timer = ManualTimer::new(ManualClock::new());
    let core = core_timed(
        &env.server,
        env.secrets.clone(),
        env.clock.clone(),
        env.sleeper.clone(),
        Some(client.clone()),
        Some(timer.clone() as SharedSleeper),
    )
    .await;
    let mut events = core.events();
    core.ensure_session().await.unwrap();
    let _ = core.stories().await; // opens the library at once, whatever it holds
    // The check waits until start-up is over: nothing is told before its time.
    while timer.waiting() == 0 {
        tokio::task::yield_now().await;
    }
    assert_eq!(core.backend_status().notices, None);
    timer.advance(infinite_stories_core::recovery::LIBRARY_CHECK_DELAY);
    let told = tokio::time::timeout(Duration::from_secs(30), async {
        loop {
            if let Some(n) = core.backend_status().notices {
                return n;
            }
            let _ = events.recv().await;
        }
    })
    .await
    .expect("the check after start-up told the family");

    assert_eq!(
        told,
        vec![infinite_stories_core::recovery::DAMAGED_LIBRARY.to_owned()]
    );
    assert!(client.join("core.sqlite.damaged").exists());
    drop(core);

    let next = core_with(
        &env.server,
        env.secrets.clone(),
        env.clock.clone(),
        env.sleeper.clone(),
        Some(client.clone()),
    )
    .await;
    next.stories().await.unwrap();
    let notices = next.backend_status().notices.expect("a notice");
    assert!(notices[0].contains("core.sqlite.corrupt-"), "{notices:?}");
    assert!(!client.join("core.sqlite.damaged").exists());
}
