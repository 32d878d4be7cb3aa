//! The player's pure core, rendered into a buffer with a manual clock: every command, positions,
//! speed, the sleep timer and its fade, resume, the end of a story, the queue, listening
//! sessions and bad input. Nothing here waits: played time is the samples rendered.

mod common;

use std::sync::Arc;

use infinite_stories_player::{
    Engine, ManualClock, PlaybackStatus, PlayerError, SleepTimer, Speed, Track,
};

const RATE: usize = 8_000;

fn engine() -> (Engine, ManualClock) {
    let clock = ManualClock::at(1_000_000);
    (Engine::new(Arc::new(clock.clone())), clock)
}

/// Renders `seconds` of output (or less if playback stops); returns the samples.
fn listen(engine: &mut Engine, seconds: f64) -> Vec<f32> {
    let mut out = Vec::new();
    let want = (seconds * RATE as f64).round() as usize;
    while out.len() < want && engine.status() == PlaybackStatus::Playing {
        let n = (want - out.len()).min(4096);
        engine.render(&mut out, n).unwrap();
    }
    out
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

#[test]
fn a_story_plays_to_its_end_then_ends() {
    let (mut e, clock) = engine();
    e.open(vec![common::tone_track("a", 2.0)], 0, true).unwrap();
    let state = e.state(0);
    assert_eq!(state.duration, 2.0);
    assert_eq!(state.story.as_ref().unwrap().story_id, "a");
    clock.advance_millis(2_000);
    let out = listen(&mut e, 10.0);
    assert_eq!(out.len(), 2 * RATE, "every sample once, nothing more");
    assert_eq!(e.status(), PlaybackStatus::Ended);
    assert_eq!(e.state(0).position, 2.0);
    // Past the 20 ms start-up fade the tone is at full level.
    assert!((common::rms(&out[RATE / 10..]) - 0.354).abs() < 0.01);
    let sessions = e.take_sessions();
    assert_eq!(sessions.len(), 1);
    let s = &sessions[0];
    assert!(s.completed && s.closed);
    assert_eq!(
        (s.story_id.as_str(), s.started_at, s.ended_at),
        ("a", 1_000_000, 1_002_000)
    );
    assert!(close(s.seconds_heard, 2.0, 1e-9) && s.speed == 1.0);
    // Play after the end starts again.
    e.play().unwrap();
    assert_eq!(e.state(0).position, 0.0);
}

#[test]
fn samples_come_out_exactly_where_the_position_says() {
    let (mut e, _) = engine();
    let source = common::tone(RATE as u32, 3.0, 310.0);
    e.open(
        vec![common::track("a", common::wav(RATE as u32, &source))],
        0,
        true,
    )
    .unwrap();
    let first = listen(&mut e, 1.0);
    assert_eq!(e.position(), 1.0);
    // After the ~10 ms rise from silence that every start has, the source sample for sample.
    for i in RATE / 10..RATE {
        assert!((first[i] - source[i]).abs() < 1e-3, "sample {i}");
    }
    e.seek(2.25).unwrap();
    assert_eq!(e.position(), 2.25);
    let after = listen(&mut e, 0.5);
    let at = 2 * RATE + RATE / 4;
    for i in RATE / 10..after.len() {
        assert!(
            (after[i] - source[at + i]).abs() < 1e-3,
            "sample {i} after the seek"
        );
    }
}

#[test]
fn pause_play_stop_seek_and_skip() {
    let (mut e, _) = engine();
    e.open(vec![common::tone_track("a", 40.0)], 0, false)
        .unwrap();
    assert_eq!(e.status(), PlaybackStatus::Paused);
    assert!(
        listen(&mut e, 1.0).is_empty(),
        "opened paused: nothing plays"
    );
    e.play().unwrap();
    listen(&mut e, 10.0);
    e.pause();
    assert_eq!(e.status(), PlaybackStatus::Paused);
    let mut out = Vec::new();
    assert_eq!(e.render(&mut out, 1000).unwrap(), 0);
    assert_eq!(e.position(), 10.0);
    e.skip(15.0).unwrap();
    assert_eq!(e.position(), 25.0);
    e.skip(-15.0).unwrap();
    e.skip(-15.0).unwrap();
    assert_eq!(e.position(), 0.0, "−15 s never goes before the start");
    e.skip(100.0).unwrap();
    assert_eq!(e.position(), 40.0, "+15 s never goes past the end");
    e.seek(12.5).unwrap();
    e.play().unwrap();
    listen(&mut e, 1.0);
    assert_eq!(e.position(), 13.5);
    e.stop().unwrap();
    assert_eq!(e.status(), PlaybackStatus::Stopped);
    assert_eq!(e.position(), 0.0);
    assert_eq!(e.remembered("a"), Some(13.5), "stop remembers where it was");
}

#[test]
fn speed_changes_how_fast_the_story_goes_not_how_long_a_second_is() {
    let (mut e, _) = engine();
    e.open(vec![common::tone_track("a", 30.0)], 0, true)
        .unwrap();
    e.set_speed(Speed::new(2.0).unwrap());
    listen(&mut e, 5.0);
    assert!(close(e.position(), 10.0, 1e-9));
    e.set_speed(Speed::new(0.5).unwrap());
    listen(&mut e, 4.0);
    assert!(close(e.position(), 12.0, 1e-9));
    e.set_speed(Speed::new(1.5).unwrap());
    let out = listen(&mut e, 100.0);
    // The 18 s left take 12 s at 1.5×.
    assert!(
        close(out.len() as f64 / RATE as f64, 12.0, 0.05),
        "{}",
        out.len()
    );
    assert_eq!(e.status(), PlaybackStatus::Ended);
    let session = e.take_sessions().pop().unwrap();
    assert!(close(session.seconds_heard, 21.0, 0.05));
    assert!(close(session.story_seconds, 30.0, 0.1));
    assert!(close(session.speed, 1.43, 0.01), "{}", session.speed);
}

#[test]
fn the_queue_moves_on_and_back() {
    let (mut e, _) = engine();
    let queue: Vec<Track> = ["a", "b", "c"]
        .iter()
        .map(|id| common::tone_track(id, 6.0))
        .collect();
    e.open(queue, 0, true).unwrap();
    assert!(matches!(e.previous_story(), Ok(())) && e.state(0).queue_index == Some(0));
    e.next_story().unwrap();
    assert_eq!(e.state(0).queue_index, Some(1));
    assert_eq!(e.status(), PlaybackStatus::Playing, "next keeps playing");
    listen(&mut e, 1.0);
    e.previous_story().unwrap();
    assert_eq!(
        e.state(0).queue_index,
        Some(0),
        "early in a story, previous goes back"
    );
    listen(&mut e, 4.0);
    e.previous_story().unwrap();
    assert_eq!(
        e.state(0).queue_index,
        Some(0),
        "past 3 s, previous restarts"
    );
    assert_eq!(e.position(), 0.0);
    // The end of a story goes on to the next; the end of the last one ends.
    let out = listen(&mut e, 60.0);
    assert_eq!(out.len(), 18 * RATE);
    assert_eq!(e.state(0).queue_index, Some(2));
    assert_eq!(e.status(), PlaybackStatus::Ended);
    let err = e.next_story().unwrap_err();
    assert!(err.to_string().contains("last story"));
    let completed: Vec<_> = e
        .take_sessions()
        .into_iter()
        .filter(|s| s.completed)
        .collect();
    assert_eq!(
        completed
            .iter()
            .map(|s| s.story_id.as_str())
            .collect::<Vec<_>>(),
        ["a", "b", "c"]
    );
}

#[test]
fn the_sleep_timer_fades_for_20_seconds_and_stops_after_the_minutes_heard() {
    let (mut e, clock) = engine();
    e.open(vec![common::tone_track("a", 360.0)], 0, true)
        .unwrap();
    e.set_sleep_timer(Some(SleepTimer::minutes(5).unwrap()))
        .unwrap();
    let out = listen(&mut e, 400.0);
    assert_eq!(out.len(), 300 * RATE, "stops after exactly 5 minutes heard");
    assert_eq!(e.status(), PlaybackStatus::Paused);
    assert!(e.state(0).sleep_timer.is_none());
    let level = |from: f64| common::rms(&out[(from * RATE as f64) as usize..][..RATE / 2]);
    assert!(
        close(level(200.0) as f64, 0.354, 0.01),
        "full level before the fade"
    );
    assert!(close(level(279.0) as f64, 0.354, 0.01));
    let mut previous = level(280.0);
    for second in 281..300 {
        let now = level(second as f64);
        assert!(now < previous, "the fade goes down at {second} s");
        previous = now;
    }
    assert!(level(299.5) < 0.002, "silent at the end");
    // Within two minutes, play picks up where the fade began.
    assert!(e.state(0).resumes_after_sleep);
    clock.advance_millis(90_000);
    e.play().unwrap();
    assert!(close(e.position(), 280.0, 0.01), "{}", e.position());
    let session = e.take_sessions().pop().unwrap();
    assert!(session.closed && !session.completed);
    assert!(close(session.position, 280.0, 0.01));
}

#[test]
fn after_two_minutes_play_continues_from_where_the_timer_stopped() {
    let (mut e, clock) = engine();
    e.open(vec![common::tone_track("a", 320.0)], 0, true)
        .unwrap();
    e.set_sleep_timer(Some(SleepTimer::minutes(5).unwrap()))
        .unwrap();
    listen(&mut e, 400.0);
    clock.advance_millis(121_000);
    assert!(!e.state(0).resumes_after_sleep);
    e.play().unwrap();
    assert_eq!(e.position(), 300.0);
    assert_eq!(
        e.remembered("a"),
        Some(280.0),
        "the resume offer is the fade start"
    );
}

#[test]
fn the_sleep_timer_counts_time_heard_at_any_speed() {
    let (mut e, _) = engine();
    e.open(vec![common::tone_track("a", 300.0)], 0, true)
        .unwrap();
    e.set_speed(Speed::new(2.0).unwrap());
    e.set_sleep_timer(Some(SleepTimer::minutes(5).unwrap()))
        .unwrap();
    listen(&mut e, 60.0);
    let timer = e.state(0).sleep_timer.unwrap();
    assert!(
        close(timer.remaining_seconds, 240.0, 1e-6),
        "one minute heard, not two"
    );
    assert!(!timer.fading);
    assert!(close(e.position(), 120.0, 1e-6));
}

#[test]
fn end_of_story_timer_fades_over_the_last_20_seconds_heard_and_does_not_go_on() {
    let (mut e, clock) = engine();
    let queue = vec![common::tone_track("a", 60.0), common::tone_track("b", 60.0)];
    e.open(queue, 0, true).unwrap();
    e.set_speed(Speed::new(2.0).unwrap());
    e.set_sleep_timer(Some(SleepTimer::EndOfStory)).unwrap();
    let out = listen(&mut e, 100.0);
    // 60 s of story at 2× is 30 s heard; the fade is the last 20 of them (story 20 s → 60 s).
    assert!(
        close(out.len() as f64, 30.0 * RATE as f64, 2.0),
        "{}",
        out.len()
    );
    assert!(common::rms(&out[9 * RATE..10 * RATE - 100]) > 0.34);
    assert!(common::rms(&out[20 * RATE..21 * RATE]) < common::rms(&out[11 * RATE..12 * RATE]));
    assert_eq!(e.status(), PlaybackStatus::Ended);
    assert_eq!(
        e.state(0).queue_index,
        Some(0),
        "did not go on to the next story"
    );
    clock.advance_millis(30_000);
    e.play().unwrap();
    assert!(close(e.position(), 20.0, 0.01), "{}", e.position());
}

#[test]
fn resume_points_and_remembered_positions() {
    let (mut e, _) = engine();
    let mut a = common::tone_track("a", 60.0);
    a.resume_at = Some(30.0);
    e.open(vec![a, common::tone_track("b", 60.0)], 0, true)
        .unwrap();
    assert_eq!(
        e.position(),
        30.0,
        "opens where the reader offered to continue"
    );
    listen(&mut e, 10.0);
    e.pause();
    assert_eq!(e.remembered("a"), Some(40.0));
    e.next_story().unwrap();
    assert_eq!(e.position(), 0.0);
    assert_eq!(
        e.remembered("a"),
        Some(40.0),
        "kept when another story opens"
    );
    e.play().unwrap();
    listen(&mut e, 2.0);
    e.previous_story().unwrap();
    assert_eq!(e.remembered("b"), None, "2 s in is not worth resuming");
    e.seek(50.0).unwrap();
    e.play().unwrap();
    listen(&mut e, 20.0);
    assert_eq!(e.remembered("a"), None, "a finished story starts over");
}

#[test]
fn a_pause_sends_the_session_so_far_and_a_long_pause_closes_it() {
    let (mut e, clock) = engine();
    e.open(vec![common::tone_track("a", 60.0)], 0, true)
        .unwrap();
    listen(&mut e, 5.0);
    clock.advance_millis(5_000);
    e.pause();
    let first = e.take_sessions();
    assert_eq!(first.len(), 1);
    assert!(!first[0].closed && close(first[0].seconds_heard, 5.0, 1e-9));
    clock.advance_millis(60_000);
    e.play().unwrap();
    listen(&mut e, 5.0);
    e.pause();
    let second = e.take_sessions().pop().unwrap();
    assert_eq!(
        second.id, first[0].id,
        "a short pause continues the session"
    );
    assert!(close(second.seconds_heard, 10.0, 1e-9));
    clock.advance_millis(31 * 60_000);
    e.play().unwrap();
    let closed = e.take_sessions();
    assert!(closed.is_empty() || closed[0].id == first[0].id);
    listen(&mut e, 1.0);
    e.stop().unwrap();
    let third = e.take_sessions().pop().unwrap();
    assert_ne!(
        third.id, first[0].id,
        "after 30 minutes it is a new session"
    );
    assert!(third.closed && close(third.seconds_heard, 1.0, 1e-9));
    assert!(close(third.position, 11.0, 1e-9));
}

#[test]
fn samples_the_device_never_played_are_taken_back() {
    let (mut e, _) = engine();
    e.open(vec![common::tone_track("a", 60.0)], 0, true)
        .unwrap();
    e.set_sleep_timer(Some(SleepTimer::minutes(5).unwrap()))
        .unwrap();
    listen(&mut e, 2.0);
    e.unheard(RATE / 2, true).unwrap();
    assert_eq!(e.position(), 1.5);
    assert_eq!(e.status(), PlaybackStatus::Playing);
    assert!(close(
        e.state(0).sleep_timer.unwrap().remaining_seconds,
        298.5,
        1e-6
    ));
    e.pause();
    assert!(close(e.take_sessions()[0].seconds_heard, 1.5, 1e-9));
}

#[test]
fn bad_input_is_refused_with_a_message_that_says_what_to_do() {
    let (mut e, _) = engine();
    assert_eq!(e.play().unwrap_err(), PlayerError::NothingLoaded);
    let junk = common::track("x", Arc::from(&b"this is not audio at all"[..]));
    let err = e.open(vec![junk], 0, true).unwrap_err();
    assert_eq!(err.code(), "AUDIO_DECODE");
    assert!(
        err.to_string().contains("Download the story again"),
        "{err}"
    );
    let empty = common::track("x", Arc::from(&b""[..]));
    assert_eq!(
        e.open(vec![empty], 0, true).unwrap_err().code(),
        "AUDIO_DECODE"
    );
    let err = e
        .open(vec![common::tone_track("a", 1.0)], 3, true)
        .unwrap_err();
    assert!(err.to_string().contains("not in a queue of 1"));
    e.open(vec![common::tone_track("a", 1.0)], 0, false)
        .unwrap();
    assert!(
        e.set_volume(1.5)
            .unwrap_err()
            .to_string()
            .contains("from 0 (silent) to 1")
    );
    assert_eq!(e.seek(f64::NAN).unwrap_err().code(), "INVALID_REQUEST");
    let bad_timer = SleepTimer::Minutes { minutes: 7 };
    assert_eq!(
        e.set_sleep_timer(Some(bad_timer)).unwrap_err().code(),
        "INVALID_REQUEST"
    );
    e.set_volume(0.25).unwrap();
    assert_eq!(e.state(0).volume, 0.25);
}

#[test]
fn narration_in_ogg_vorbis_plays_and_seeks() {
    let audio = common::narration("Goodnight moon. Goodnight stars. Goodnight, little bear.");
    let (mut e, _) = engine();
    e.open(vec![common::track("n", audio)], 0, true).unwrap();
    assert_eq!(e.sample_rate(), Some(22_050));
    let duration = e.state(0).duration;
    assert!(duration > 2.0, "{duration}");
    e.seek(duration / 2.0).unwrap();
    let mut out = Vec::new();
    while e.status() == PlaybackStatus::Playing {
        e.render(&mut out, 4096).unwrap();
    }
    let heard = out.len() as f64 / 22_050.0;
    assert!(close(heard, duration / 2.0, 0.01), "{heard} of {duration}");
    // Right at the end and past it: no error, the story just ends.
    for at in [duration - 0.05, duration - 0.001, duration, duration + 10.0] {
        e.seek(at).unwrap();
        e.play().unwrap();
        let mut out = Vec::new();
        while e.status() == PlaybackStatus::Playing {
            e.render(&mut out, 4096).unwrap();
        }
        assert!(
            out.len() as f64 <= (duration - at).max(0.0) * 22_050.0 + 1.0,
            "{at}"
        );
        assert_eq!(e.status(), PlaybackStatus::Ended);
    }
}

#[test]
fn stereo_is_mixed_to_mono() {
    let (mut e, _) = engine();
    let left = common::tone(RATE as u32, 2.0, 250.0);
    let interleaved: Vec<f32> = left.iter().flat_map(|l| [*l, 0.0]).collect();
    let audio = common::wav_channels(RATE as u32, 2, &interleaved);
    e.open(vec![common::track("s", audio)], 0, true).unwrap();
    assert_eq!(e.state(0).duration, 2.0);
    let out = listen(&mut e, 5.0);
    assert_eq!(out.len(), 2 * RATE);
    // Left at 0.5, right silent: the mono mix is the average.
    assert!((common::rms(&out[RATE / 10..]) - 0.177).abs() < 0.005);
}
