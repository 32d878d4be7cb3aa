//! The real output: rodio (cpal, ALSA) on ALSA's null device, so it runs on a machine with no
//! sound card. The null device takes samples as fast as they come (it is not paced), so a
//! narrated sentence "plays" in milliseconds; the test proves the device was opened, fed to the
//! end of the story and closed, with the listening session recorded.
#![cfg(target_os = "linux")]

mod common;

use std::time::Duration;

use infinite_stories_player::{PlaybackStatus, PlayerConfig, PlayerHandle};

#[test]
fn narration_plays_to_the_end_through_rodio_on_the_null_device() {
    // Before any other thread exists in this test binary (one test, no runtime yet).
    let _config = common::alsa_default("pcm.!default { type null }\nctl.!default { type null }\n");

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let (tx, mut sessions) = tokio::sync::mpsc::unbounded_channel();
        let player = PlayerHandle::spawn(PlayerConfig::new(tx));
        let audio = common::narration("Goodnight, little fox. Sleep tight until the morning.");
        let mut state = player.subscribe();
        player
            .open(common::track("fox", audio), true)
            .await
            .expect("the null device opens");
        let ended = tokio::time::timeout(
            Duration::from_secs(60),
            state.wait_for(|s| s.status == PlaybackStatus::Ended),
        )
        .await
        .expect("the story reaches its end on the null device")
        .unwrap()
        .clone();
        assert!(ended.output_error.is_none());
        assert!((ended.position - ended.duration).abs() < 0.01);
        let session = sessions.recv().await.unwrap();
        assert!(session.completed && session.closed);
        assert!((session.seconds_heard - ended.duration).abs() < 0.05);
        player.shutdown().await;
    });
}
