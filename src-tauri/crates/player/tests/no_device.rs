//! A machine whose sound device cannot be opened (here: ALSA's default pointed at a card that
//! does not exist, like a broken driver): play fails with a message that says the story's text
//! and pictures are still there, the state carries it for the reader, and nothing else breaks.
#![cfg(target_os = "linux")]

mod common;

use infinite_stories_player::{PlaybackStatus, PlayerConfig, PlayerHandle};

#[test]
fn a_missing_sound_device_is_a_clear_message_not_a_crash() {
    // Before any other thread exists in this test binary (one test, no runtime yet).
    let _config = common::alsa_default(
        "pcm.!default { type hw card 97 }\nctl.!default { type hw card 97 }\n",
    );

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let (tx, _sessions) = tokio::sync::mpsc::unbounded_channel();
        let player = PlayerHandle::spawn(PlayerConfig::new(tx));
        let err = player
            .open(common::tone_track("a", 5.0), true)
            .await
            .unwrap_err();
        assert_eq!(err.code(), "NO_AUDIO_DEVICE");
        assert!(err.retryable());
        assert!(
            err.to_string().contains("text and pictures are still here"),
            "{err}"
        );
        let state = player.state();
        assert_eq!(state.status, PlaybackStatus::Paused);
        assert_eq!(state.story.unwrap().story_id, "a");
        assert!(state.output_error.is_some());
        // Everything that needs no sound still works.
        player.seek(2.0).await.unwrap();
        assert_eq!(player.state().position, 2.0);
        player.shutdown().await;
    });
}
