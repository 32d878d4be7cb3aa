//! The OS media session on Linux: souvlaki's MPRIS service on a private D-Bus session, driven
//! with `dbus-send` the way a desktop's media keys and controls drive it. Needs a session bus,
//! so it is ignored in a plain `cargo test` and run by `scripts/test.sh` (suite `player-mpris`):
//!
//! ```sh
//! dbus-run-session -- cargo test -p infinite-stories-player --test mpris -- --ignored
//! ```
#![cfg(all(target_os = "linux", feature = "os"))]

mod common;

use std::process::Command as Process;
use std::sync::Arc;
use std::time::{Duration, Instant};

use infinite_stories_player::{
    Artwork, CaptureOutput, ManualClock, MediaSessionConfig, PlayerConfig, PlayerHandle,
    PlayerState, os_media_session,
};

const SERVICE: &str = "org.mpris.MediaPlayer2.infinite_stories_test";

fn dbus_send(args: &[&str]) -> String {
    let out = Process::new("dbus-send")
        .args(["--session", "--print-reply", &format!("--dest={SERVICE}")])
        .arg("/org/mpris/MediaPlayer2")
        .args(args)
        .output()
        .expect("dbus-send runs (package dbus)");
    assert!(
        out.status.success(),
        "dbus-send {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn property(name: &str) -> String {
    dbus_send(&[
        "org.freedesktop.DBus.Properties.Get",
        "string:org.mpris.MediaPlayer2.Player",
        &format!("string:{name}"),
    ])
}

/// D-Bus and the MPRIS thread answer asynchronously: retry briefly until `check` holds.
fn eventually<T>(what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(value) = check() {
            return value;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn state_where(player: &PlayerHandle, what: &str, f: impl Fn(&PlayerState) -> bool) {
    eventually(what, || f(&player.state()).then_some(()));
}

#[test]
#[ignore = "needs a D-Bus session bus: run under dbus-run-session (scripts/test.sh player-mpris)"]
fn media_keys_and_metadata_over_mpris() {
    assert!(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
        "run under dbus-run-session"
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (tx, _sessions) = std::sync::mpsc::channel();
    let config = PlayerConfig::new(tx)
        .output(CaptureOutput::new())
        .clock(Arc::new(ManualClock::at(0)))
        .keep_awake(None)
        .media_session(os_media_session(MediaSessionConfig {
            display_name: "InfiniteStories".into(),
            dbus_name: "infinite_stories_test".into(),
            hwnd: None,
        }));
    let player = PlayerHandle::spawn(config);
    let mut first = common::tone_track("story-1", 30.0);
    first.title = "The Moon Fox".into();
    first.artwork = Some(Artwork::Bytes(Arc::from(
        &b"\x89PNG\r\n\x1a\n not really"[..],
    )));
    let queue = vec![first, common::tone_track("story-2", 30.0)];
    runtime
        .block_on(player.open_queue(queue, 0, false))
        .unwrap();

    // Title, the hero as artist, the cover as a file URL, the length in microseconds.
    let metadata = eventually("the MPRIS metadata", || {
        let out = Process::new("dbus-send")
            .args(["--session", "--print-reply", &format!("--dest={SERVICE}")])
            .args([
                "/org/mpris/MediaPlayer2",
                "org.freedesktop.DBus.Properties.Get",
            ])
            .args(["string:org.mpris.MediaPlayer2.Player", "string:Metadata"])
            .output()
            .ok()?;
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        text.contains("The Moon Fox").then_some(text)
    });
    assert!(metadata.contains("Luna"), "{metadata}");
    assert!(metadata.contains("file:///"), "{metadata}");
    assert!(metadata.contains("story-1.png"), "{metadata}");
    assert!(metadata.contains("30000000"), "{metadata}");

    // The play/pause key.
    dbus_send(&["org.mpris.MediaPlayer2.Player.PlayPause"]);
    state_where(&player, "playing", |s| s.playing);
    eventually("PlaybackStatus Playing", || {
        property("PlaybackStatus").contains("Playing").then_some(())
    });
    dbus_send(&["org.mpris.MediaPlayer2.Player.Pause"]);
    state_where(&player, "paused", |s| !s.playing);

    // Seek by an offset (microseconds), set an absolute position, next and previous.
    dbus_send(&["org.mpris.MediaPlayer2.Player.Seek", "int64:10000000"]);
    state_where(&player, "10 s", |s| (s.position - 10.0).abs() < 0.01);
    dbus_send(&[
        "org.mpris.MediaPlayer2.Player.SetPosition",
        "objpath:/",
        "int64:4000000",
    ]);
    state_where(&player, "4 s", |s| (s.position - 4.0).abs() < 0.01);
    dbus_send(&["org.mpris.MediaPlayer2.Player.Next"]);
    state_where(&player, "the next story", |s| {
        s.story.as_ref().is_some_and(|n| n.story_id == "story-2")
    });
    eventually("the next story's metadata", || {
        property("Metadata").contains("Story story-2").then_some(())
    });
    dbus_send(&["org.mpris.MediaPlayer2.Player.Previous"]);
    state_where(&player, "back to the first", |s| {
        s.story.as_ref().is_some_and(|n| n.story_id == "story-1")
    });
    runtime.block_on(player.shutdown());
}
