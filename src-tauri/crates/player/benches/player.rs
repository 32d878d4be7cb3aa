//! Player benchmark on a real 7-minute narration (the offline writer and narrator: Ogg Vorbis,
//! mono 22,050 Hz), through the actor with the capture output:
//!
//! cargo bench -p infinite-stories-player --bench player
//!
//! - open → first sample: `open(track, play)` until the output receives its first samples;
//! - seek → first sample: a seek while playing until the first samples of the new position;
//! - CPU while playing: the engine (decode → time-stretch → fade) rendering a minute of audio,
//!   as a share of one core, at each speed. rodio's own mixing is not included.

use std::sync::Arc;
use std::time::{Duration, Instant};

use infinite_stories_player::{
    CaptureOutput, Engine, ManualClock, PlaybackStatus, PlayerConfig, PlayerHandle, Speed, Track,
};
use infinite_stories_storyteller::narrator::OfflineNarrator;
use infinite_stories_storyteller::writer::OfflineWriter;
use infinite_stories_storyteller::{
    BuiltInEvent, EventSpec, HeroDraft, Language, NarrationRequest, StoryBrief, Trait, Voice,
};

const RUNS: usize = 40;

fn percentile(times: &mut [Duration], p: f64) -> Duration {
    times.sort();
    times[((times.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn narration() -> (Arc<[u8]>, f64) {
    let story = OfflineWriter::new()
        .write_now(&StoryBrief::new(
            HeroDraft::new("Luna", Trait::Brave, Trait::Kind),
            EventSpec::BuiltIn(BuiltInEvent::BedtimeAdventure),
            420,
            Language::En,
            Voice::Coral,
            7,
        ))
        .expect("a story");
    let out = OfflineNarrator::new()
        .narrate_now(&NarrationRequest {
            text: story.content,
            voice: Voice::Coral,
            language: Language::En,
        })
        .expect("narration");
    (out.bytes.into(), out.duration_seconds)
}

fn track(audio: &Arc<[u8]>) -> Track {
    Track {
        story_id: "bench".into(),
        title: "Bench".into(),
        artist: "Luna".into(),
        artwork: None,
        audio: audio.clone(),
        resume_at: None,
    }
}

fn main() {
    let (audio, duration) = narration();
    println!(
        "narration: {duration:.0} s, {} KiB Ogg Vorbis",
        audio.len() / 1024
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let capture = CaptureOutput::new();
    let (tx, _sessions) = std::sync::mpsc::channel();
    let player = PlayerHandle::spawn(
        PlayerConfig::new(tx)
            .output(capture.clone())
            .keep_awake(None),
    );

    let mut open = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        runtime.block_on(player.open(track(&audio), true)).unwrap();
        open.push(capture.wait_first_write() - start);
        runtime.block_on(player.pause()).unwrap();
    }

    runtime.block_on(player.open(track(&audio), true)).unwrap();
    let mut seek = Vec::new();
    for i in 0..RUNS {
        // Spread over the story, never twice in a row near the same place.
        let to = (i * 37 % RUNS) as f64 / RUNS as f64 * (duration - 5.0);
        capture.reset_first_write();
        let start = Instant::now();
        runtime.block_on(player.seek(to)).unwrap();
        seek.push(capture.wait_first_write() - start);
    }
    runtime.block_on(player.shutdown());

    println!();
    println!("| measure | p50 | p95 |");
    println!("|---|---|---|");
    println!(
        "| cached story opened → first sample at the output | {} | {} |",
        ms(percentile(&mut open, 0.5)),
        ms(percentile(&mut open, 0.95))
    );
    println!(
        "| seek → first sample at the new position | {} | {} |",
        ms(percentile(&mut seek, 0.5)),
        ms(percentile(&mut seek, 0.95))
    );

    println!();
    println!("| speed | CPU while playing (share of one core) |");
    println!("|---|---|");
    for speed in Speed::CHOICES {
        let mut engine = Engine::new(Arc::new(ManualClock::at(0)));
        engine.set_speed(Speed::new(speed).unwrap());
        engine.open(vec![track(&audio)], 0, true).unwrap();
        engine.seek(60.0).unwrap();
        let mut out = Vec::with_capacity(4096);
        let want = 60 * 22_050;
        let mut rendered = 0;
        let start = Instant::now();
        while rendered < want && engine.status() == PlaybackStatus::Playing {
            out.clear();
            rendered += engine.render(&mut out, 2048).unwrap();
        }
        let busy = start.elapsed().as_secs_f64();
        let heard = rendered as f64 / 22_050.0;
        println!("| {speed}× | {:.2} % |", busy / heard * 100.0);
    }
}
