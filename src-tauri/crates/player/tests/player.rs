//! The player actor through its handle, with an injected output that keeps the samples and a
//! manual clock: the test "plays" the output 100 ms at a time (which wakes the player like a
//! device would) and moves the clock with it. Nothing sleeps; each step waits only for the
//! player thread to answer.

mod common;

use std::sync::{Arc, Mutex};

use infinite_stories_player::{
    CaptureOutput, Command, KeepAwake, ListeningSession, ManualClock, MediaInfo, MediaSession,
    PlaybackStatus, PlayerConfig, PlayerHandle, Remote, SleepTimer,
};

type Log = Arc<Mutex<Vec<String>>>;

struct FakeMedia(Log);
impl MediaSession for FakeMedia {
    fn show(&mut self, info: Option<&MediaInfo>) {
        let line = info.map_or("show none".into(), |i| {
            format!("show {} by {} ({} s)", i.title, i.artist, i.duration)
        });
        self.0.lock().unwrap().push(line);
    }
    fn update(&mut self, status: PlaybackStatus, _position: f64) {
        let line = format!("update {status:?}");
        let mut log = self.0.lock().unwrap();
        if log.last() != Some(&line) {
            log.push(line);
        }
    }
}

struct FakeAwake(Log);
impl KeepAwake for FakeAwake {
    fn set(&mut self, awake: bool) {
        self.0.lock().unwrap().push(format!("awake {awake}"));
    }
}

struct Rig {
    player: PlayerHandle,
    capture: CaptureOutput,
    clock: ManualClock,
    sessions: std::sync::mpsc::Receiver<ListeningSession>,
    log: Log,
    remote: Arc<Mutex<Option<Remote>>>,
}

fn rig() -> Rig {
    let capture = CaptureOutput::new();
    let clock = ManualClock::at(1_000_000);
    let (tx, sessions) = std::sync::mpsc::channel();
    let log = Log::default();
    let remote = Arc::new(Mutex::new(None));
    let (media_log, slot) = (log.clone(), remote.clone());
    let config = PlayerConfig::new(tx)
        .output(capture.clone())
        .clock(Arc::new(clock.clone()))
        .keep_awake(Some(Box::new(FakeAwake(log.clone()))))
        .media_session(Box::new(move |remote| {
            *slot.lock().unwrap() = Some(remote);
            Ok(Box::new(FakeMedia(media_log)) as Box<dyn MediaSession>)
        }));
    Rig {
        player: PlayerHandle::spawn(config),
        capture,
        clock,
        sessions,
        log,
        remote,
    }
}

impl Rig {
    /// Waits until the player has handled everything sent so far (its inbox is in order).
    async fn settle(&self) {
        self.player.remembered("").await.unwrap();
    }

    /// The device plays `seconds`, 100 ms at a time, and the clock moves with it.
    async fn listen(&self, seconds: f64) {
        for _ in 0..(seconds * 10.0).round() as usize {
            self.clock.advance_millis(100);
            self.capture.play(self.capture.sample_rate() as usize / 10);
            self.settle().await;
        }
    }

    fn heard_seconds(&self) -> f64 {
        self.capture.heard().len() as f64 / self.capture.sample_rate() as f64
    }
}

/// A track whose samples say where they are: a slow ramp from 0 to 0.9 over the story.
fn ramp_track(id: &str, seconds: f64) -> infinite_stories_player::Track {
    let n = (8_000.0 * seconds) as usize;
    let samples: Vec<f32> = (0..n).map(|i| 0.9 * i as f32 / n as f32).collect();
    common::track(id, common::wav(8_000, &samples))
}

#[tokio::test]
async fn the_output_is_open_only_while_playing_and_positions_are_what_was_heard() {
    let rig = rig();
    rig.player
        .open(common::tone_track("a", 30.0), false)
        .await
        .unwrap();
    assert!(!rig.capture.is_open(), "opening a story opens no device");
    assert_eq!(rig.player.state().status, PlaybackStatus::Paused);
    rig.player.play().await.unwrap();
    assert!(rig.capture.is_open() && rig.capture.written() > 0);
    assert_eq!(rig.capture.sample_rate(), 8_000);
    rig.listen(2.0).await;
    let heard = rig.capture.heard();
    assert!((common::rms(&heard[800..]) - 0.354).abs() < 0.01);
    rig.player.pause().await.unwrap();
    assert!(!rig.capture.is_open(), "pause closes the device");
    let state = rig.player.state();
    assert_eq!(state.status, PlaybackStatus::Paused);
    assert!(
        (state.position - rig.heard_seconds()).abs() < 1e-9,
        "{}",
        state.position
    );
    rig.player.play().await.unwrap();
    assert_eq!(rig.capture.opened(), 2);
    rig.listen(5.0).await;
    rig.player.stop().await.unwrap();
    assert!(!rig.capture.is_open());
    assert_eq!(rig.player.state().position, 0.0);
    assert_eq!(rig.player.remembered("a").await.unwrap(), Some(7.0));
}

#[tokio::test]
async fn without_a_sound_device_play_says_so_and_the_story_stays_open() {
    let rig = rig();
    rig.capture.set_no_device(true);
    rig.player
        .open(common::tone_track("a", 10.0), false)
        .await
        .unwrap();
    let err = rig.player.play().await.unwrap_err();
    assert_eq!(err.code(), "NO_AUDIO_DEVICE");
    assert!(err.to_string().contains("text and pictures are still here"));
    let state = rig.player.state();
    assert_eq!(state.status, PlaybackStatus::Paused);
    assert_eq!(
        state.story.unwrap().story_id,
        "a",
        "the reader keeps its story"
    );
    assert!(state.output_error.unwrap().contains("No sound device"));
    rig.capture.set_no_device(false);
    rig.player.play().await.unwrap();
    let state = rig.player.state();
    assert!(state.playing && state.output_error.is_none());
}

#[tokio::test]
async fn positions_reach_the_watch_at_most_four_times_a_second() {
    let rig = rig();
    let mut watch = rig.player.subscribe();
    rig.player
        .open(common::tone_track("a", 30.0), true)
        .await
        .unwrap();
    watch.mark_unchanged();
    let mut updates = 0;
    let mut last = 0.0;
    for _ in 0..100 {
        rig.clock.advance_millis(50);
        rig.capture.play(400);
        rig.settle().await;
        if watch.has_changed().unwrap() {
            let position = watch.borrow_and_update().position;
            assert!(position > last, "positions only go forward");
            last = position;
            updates += 1;
        }
    }
    assert!((18..=21).contains(&updates), "{updates} updates in 5 s");
    assert!((last - 5.0).abs() < 0.3, "{last}");
}

#[tokio::test]
async fn volume_and_speed_changes_are_heard_at_once() {
    let rig = rig();
    rig.player
        .open(common::tone_track("a", 60.0), true)
        .await
        .unwrap();
    rig.listen(1.0).await;
    rig.player.set_volume(0.5).await.unwrap();
    rig.capture.clear_heard();
    rig.listen(0.5).await;
    let heard = rig.capture.heard();
    assert!(
        (common::rms(&heard[100..]) - 0.177).abs() < 0.01,
        "{}",
        common::rms(&heard)
    );
    assert_eq!(rig.player.state().volume, 0.5);
    rig.player.pause().await.unwrap();
    let before = rig.player.state().position;
    rig.player.set_speed(2.0).await.unwrap();
    rig.player.play().await.unwrap();
    rig.listen(2.0).await;
    rig.player.pause().await.unwrap();
    let after = rig.player.state().position;
    assert!((after - before - 4.0).abs() < 0.01, "{before} → {after}");
    assert!(
        rig.player
            .set_speed(3.0)
            .await
            .unwrap_err()
            .to_string()
            .contains("Choose 0.5")
    );
}

#[tokio::test]
async fn a_seek_is_heard_at_once() {
    let rig = rig();
    rig.player.open(ramp_track("r", 60.0), true).await.unwrap();
    rig.listen(1.0).await;
    rig.player.seek(30.0).await.unwrap();
    rig.capture.clear_heard();
    rig.capture.play(1600);
    let heard = rig.capture.heard();
    // 100 ms after the seek (past the de-click fade) the ramp says 30.1 s.
    let at = heard[800] as f64 / 0.9 * 60.0;
    assert!((at - 30.1).abs() < 0.05, "heard {at} s");
    rig.player.forward().await.unwrap();
    rig.player.pause().await.unwrap();
    assert!((rig.player.state().position - 45.2).abs() < 0.01);
    rig.player.back().await.unwrap();
    assert!((rig.player.state().position - 30.2).abs() < 0.01);
}

#[tokio::test]
async fn the_os_media_session_shows_the_story_and_controls_the_player() {
    let rig = rig();
    let mut track = common::tone_track("a", 10.0);
    track.title = "The Moon Fox".into();
    let queue = vec![track, common::tone_track("b", 10.0)];
    rig.player.open_queue(queue, 0, false).await.unwrap();
    let remote = rig
        .remote
        .lock()
        .unwrap()
        .clone()
        .expect("media session built");
    remote.post(Command::Toggle);
    rig.settle().await;
    assert!(rig.player.state().playing, "the play/pause key plays");
    rig.listen(0.5).await;
    remote.post(Command::Next);
    rig.settle().await;
    assert_eq!(rig.player.state().story.unwrap().story_id, "b");
    remote.post(Command::Seek(4.0));
    remote.post(Command::Pause);
    rig.settle().await;
    assert_eq!(rig.player.state().position, 4.0);
    let log = rig.log.lock().unwrap().clone();
    let expected = [
        "show The Moon Fox by Luna (10 s)",
        "update Paused",
        "awake true",
        "update Playing",
        "show Story b by Luna (10 s)",
        "update Playing",
        "awake false",
        "update Paused",
    ];
    assert_eq!(log, expected);
}

#[tokio::test]
async fn a_finished_story_is_heard_to_the_end_then_the_device_closes() {
    let rig = rig();
    rig.player
        .open(common::tone_track("a", 1.0), true)
        .await
        .unwrap();
    rig.listen(0.9).await;
    assert!(rig.capture.is_open());
    rig.listen(0.5).await;
    assert_eq!(rig.capture.heard().len(), 8_000, "all of it heard");
    assert!(
        !rig.capture.is_open(),
        "closed once the last sample was heard"
    );
    assert_eq!(rig.player.state().status, PlaybackStatus::Ended);
    let session = rig.sessions.try_recv().unwrap();
    assert!(session.completed && session.closed);
    assert_eq!(session.started_at, 1_000_000);
}

#[tokio::test]
async fn the_sleep_timer_through_the_handle() {
    let rig = rig();
    rig.player
        .open(common::tone_track("a", 400.0), true)
        .await
        .unwrap();
    rig.player
        .set_sleep_timer(Some(SleepTimer::minutes(5).unwrap()))
        .await
        .unwrap();
    let timer = rig.player.state().sleep_timer.unwrap();
    assert_eq!(timer.timer, SleepTimer::Minutes { minutes: 5 });
    rig.listen(301.0).await;
    let state = rig.player.state();
    assert_eq!(state.status, PlaybackStatus::Paused);
    assert!(state.resumes_after_sleep && state.sleep_timer.is_none());
    assert!(!rig.capture.is_open());
    assert_eq!(
        rig.heard_seconds(),
        300.0,
        "five minutes heard, to the sample"
    );
    assert_eq!(rig.player.remembered("a").await.unwrap(), Some(280.0));
    rig.clock.advance_millis(60_000);
    rig.player.play().await.unwrap();
    rig.player.pause().await.unwrap();
    let position = rig.player.state().position;
    assert!((position - 280.0).abs() < 0.01, "{position}");
}

#[tokio::test]
async fn sessions_are_sent_on_pause_and_closed_on_shutdown() {
    let rig = rig();
    rig.player
        .open(common::tone_track("a", 60.0), true)
        .await
        .unwrap();
    rig.listen(2.0).await;
    rig.player.pause().await.unwrap();
    let paused = rig.sessions.try_recv().unwrap();
    assert!(!paused.closed && (paused.seconds_heard - 2.0).abs() < 1e-9);
    assert_eq!(paused.ended_at, 1_002_000);
    rig.player.play().await.unwrap();
    rig.listen(1.0).await;
    rig.player.shutdown().await;
    let closed = rig.sessions.try_recv().unwrap();
    assert_eq!(closed.id, paused.id);
    assert!(closed.closed && !closed.completed);
    assert!(
        (closed.seconds_heard - 3.0).abs() < 1e-9,
        "{}",
        closed.seconds_heard
    );
    assert!(!rig.capture.is_open());
    assert_eq!(
        rig.player.play().await.unwrap_err().code(),
        "PLAYER_STOPPED"
    );
}

#[tokio::test]
async fn dropping_the_last_handle_closes_the_session() {
    let rig = rig();
    rig.player
        .open(common::tone_track("a", 60.0), true)
        .await
        .unwrap();
    rig.listen(1.0).await;
    let Rig {
        player,
        sessions,
        remote,
        ..
    } = rig;
    // The media session's remote does not keep the player alive.
    assert!(remote.lock().unwrap().is_some());
    drop(player);
    let closed = sessions
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("the player thread closes the session when the last handle goes");
    assert!(closed.closed && (closed.seconds_heard - 1.0).abs() < 1e-9);
}

#[tokio::test]
async fn the_next_story_at_another_rate_reopens_the_output_at_that_rate() {
    let rig = rig();
    let narration = common::track("n", common::narration("Goodnight, little owl."));
    let queue = vec![common::tone_track("a", 1.0), narration];
    rig.player.open_queue(queue, 0, true).await.unwrap();
    assert_eq!(rig.capture.sample_rate(), 8_000);
    rig.listen(0.8).await;
    // The tone's last samples go with the old stream; the narration opens a new one.
    rig.listen(0.5).await;
    let state = rig.player.state();
    assert_eq!(state.story.unwrap().story_id, "n");
    assert!(state.playing);
    assert_eq!(rig.capture.sample_rate(), 22_050);
    assert_eq!(rig.capture.opened(), 2);
    let first = rig.sessions.try_recv().unwrap();
    assert!(first.completed && first.story_id == "a");
}
