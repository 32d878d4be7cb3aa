//! Speed without a pitch change, on real narration: the offline narrator speaks a sentence, the
//! engine renders it at 0.5×, 1× and 2×, and the fundamental frequency (autocorrelation) stays
//! within 5 % of 1× while the duration scales by the speed within 3 %.

mod common;

use std::sync::Arc;

use infinite_stories_player::{Engine, ManualClock, PlaybackStatus, Speed};

fn render_all(audio: Arc<[u8]>, speed: f64) -> (Vec<f32>, u32, f64) {
    let mut engine = Engine::new(Arc::new(ManualClock::at(0)));
    engine.set_speed(Speed::new(speed).unwrap());
    engine
        .open(vec![common::track("s", audio)], 0, true)
        .unwrap();
    let rate = engine.sample_rate().unwrap();
    let duration = engine.state(0).duration;
    let mut out = Vec::new();
    while engine.status() == PlaybackStatus::Playing {
        engine.render(&mut out, 4096).unwrap();
    }
    assert_eq!(engine.status(), PlaybackStatus::Ended);
    (out, rate, duration)
}

#[test]
fn half_and_double_speed_keep_the_narrators_pitch() {
    let audio = common::narration(
        "Once upon a time, a little fox looked up at the moon and smiled. \
         She whispered goodnight to the stars, and the stars whispered back.",
    );
    let (normal, rate, duration) = render_all(audio.clone(), 1.0);
    assert_eq!(rate, 22_050);
    let seconds = normal.len() as f64 / rate as f64;
    assert!(
        (seconds - duration).abs() < 0.05,
        "{seconds} s of {duration}"
    );
    let pitch = common::median_pitch(&normal, rate);
    assert!((60.0..300.0).contains(&pitch), "narrator pitch {pitch} Hz");
    for speed in [0.5, 2.0] {
        let (out, _, _) = render_all(audio.clone(), speed);
        let scaled = out.len() as f64 / normal.len() as f64;
        assert!(
            (scaled * speed - 1.0).abs() < 0.03,
            "{speed}×: {scaled:.3} of the 1× length"
        );
        let p = common::median_pitch(&out, rate);
        assert!(
            (p / pitch - 1.0).abs() < 0.05,
            "{speed}×: {p:.1} Hz against {pitch:.1} Hz at 1×"
        );
        eprintln!("{speed}×: {p:.1} Hz (1×: {pitch:.1} Hz), length ×{scaled:.3}");
    }
}

#[test]
fn resampling_would_have_failed_this_test() {
    // The measurement can tell: playing the 1× samples faster (what a plain 1.5× speed-up by
    // resampling does) raises the measured pitch by the same factor.
    let audio = common::narration("The moon is round and bright tonight, little one.");
    let (normal, rate, _) = render_all(audio, 1.0);
    let pitch = common::median_pitch(&normal, rate);
    let chipmunk = common::median_pitch(&normal, rate * 3 / 2);
    assert!(
        (chipmunk / pitch - 1.5).abs() < 0.075,
        "{chipmunk} vs {pitch}"
    );
}
