//! Speaks one offline story with a Piper voice and prints the numbers the README quotes: model
//! load time, time to first audio, real-time factor, peak memory, duration and size; writes the
//! WAV, the Ogg and the timings so they can be listened to and checked with `soxi`/`sox stat`.
//!
//! ```sh
//! cargo run --release -p infinite-stories-storyteller --example neural -- \
//!   --runtime ~/.cache/infinite-stories-test/onnxruntime/capi/libonnxruntime.so.1.22.0 \
//!   --model ~/.cache/infinite-stories-test/voices/en/en_US-joe-medium.onnx \
//!   --minutes 7 --out /tmp/joe [--voice coral] [--length-scale 1.1] [--threads 1] [--espeak]
//! ```

#[cfg(feature = "neural")]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    use std::path::PathBuf;
    use std::time::Instant;

    use infinite_stories_storyteller::narrator::natural::{bedtime_pace, narration_output};
    use infinite_stories_storyteller::narrator::neural::{NeuralVoice, load_runtime};
    use infinite_stories_storyteller::narrator::{OfflineNarrator, wav_bytes};
    use infinite_stories_storyteller::writer::OfflineWriter;
    use infinite_stories_storyteller::*;

    let mut args = std::env::args().skip(1);
    let (mut runtime, mut model, mut out) = (None, None, PathBuf::from("/tmp/neural"));
    let (mut minutes, mut threads, mut voice, mut espeak) = (7u32, 1usize, Voice::Coral, false);
    let mut length_scale: Option<f32> = None;
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--runtime" => runtime = Some(PathBuf::from(value()?)),
            "--model" => model = Some(PathBuf::from(value()?)),
            "--out" => out = PathBuf::from(value()?),
            "--minutes" => minutes = value()?.parse()?,
            "--threads" => threads = value()?.parse()?,
            "--voice" => voice = value()?.parse()?,
            "--length-scale" => length_scale = Some(value()?.parse()?),
            "--espeak" => espeak = true,
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    std::fs::create_dir_all(&out)?;
    let request = StoryBrief::new(
        HeroDraft::new("Luna", Trait::Brave, Trait::Kind).with_pronouns(Pronouns::She),
        EventSpec::BuiltIn(BuiltInEvent::BedtimeAdventure),
        minutes * 60,
        Language::En,
        voice,
        7,
    );
    let draft = OfflineWriter::new().write_now(&request)?;
    std::fs::write(out.join("story.txt"), &draft.content)?;
    let narration = NarrationRequest {
        text: draft.content.clone(),
        voice,
        language: Language::En,
    };
    if espeak {
        let cpu_before = cpu_seconds();
        let started = Instant::now();
        let output = OfflineNarrator::new().narrate_now(&narration)?;
        let took = started.elapsed().as_secs_f64();
        std::fs::write(out.join("espeak.ogg"), &output.bytes)?;
        let cpu = cpu_seconds() - cpu_before;
        println!(
            "espeak-ng: {:.1} s of audio in {took:.2} s (RTF {:.4}; CPU {cpu:.2} s, RTF {:.4}), {} bytes",
            output.duration_seconds,
            took / output.duration_seconds,
            cpu / output.duration_seconds,
            output.bytes.len()
        );
    }
    let (Some(runtime), Some(model)) = (runtime, model) else {
        return Err("--runtime and --model are needed for the neural voice".into());
    };
    load_runtime(&runtime)?;
    let config = PathBuf::from(format!("{}.json", model.display()));
    let voice_model = NeuralVoice::load(&model, &config, threads)?;
    println!(
        "load: {:.2} s (CPU time so far {:.2} s)",
        voice_model.load_time.as_secs_f64(),
        cpu_seconds()
    );
    let mut pace = bedtime_pace(&voice_model.config, voice, Language::En, None);
    if let Some(scale) = length_scale {
        pace.length_scale = scale;
        pace.words_per_minute = None;
    }
    let cpu_synth = cpu_seconds();
    let started = Instant::now();
    let speech = voice_model.speak(&draft.content, &pace)?;
    let synth = started.elapsed().as_secs_f64();
    let cpu_synth = cpu_seconds() - cpu_synth;
    let seconds = speech.samples.len() as f64 / f64::from(speech.sample_rate);
    let cpu = cpu_seconds();
    println!(
        "{} sentences, {} phonemes, {:.1} s of speech without pauses ({:.4} s per phoneme at \
         length scale {:.3}), CPU time so far {cpu:.1} s, synthesis CPU {cpu_synth:.1} s \
         (RTF {:.4} on CPU time)",
        speech.sentences,
        speech.phonemes,
        speech.speech_seconds,
        speech.speech_seconds / speech.phonemes as f64,
        speech.length_scale,
        cpu_synth / seconds
    );
    std::fs::write(
        out.join("neural.wav"),
        wav_bytes(&speech.samples, speech.sample_rate),
    )?;
    let encode_started = Instant::now();
    let speech_length_scale = speech.length_scale;
    let output = narration_output(&draft.content, speech, voice)?;
    let encode = encode_started.elapsed().as_secs_f64();
    std::fs::write(out.join("neural.ogg"), &output.bytes)?;
    std::fs::write(
        out.join("timings.json"),
        serde_json::to_vec_pretty(&output.timings)?,
    )?;
    let words = draft.content.split_whitespace().count();
    println!(
        "neural: {words} words, length scale {:.2}: {seconds:.1} s of audio ({:.0} wpm) in \
         {synth:.2} s (RTF {:.3}, {:.1}x real time), encode+measure {encode:.2} s, {} bytes Ogg \
         ({:.1} s measured), {} timings",
        speech_length_scale,
        words as f64 / (output.duration_seconds / 60.0),
        synth / seconds,
        seconds / synth,
        output.bytes.len(),
        output.duration_seconds,
        output.timings.len()
    );
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    for line in status.lines() {
        if line.starts_with("VmHWM") || line.starts_with("VmRSS") {
            println!("{line}");
        }
    }
    // Time to first audio of one short sentence, the model already loaded.
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let short = voice_model.speak("Goodnight, little star.", &pace)?;
    println!(
        "short sentence: first audio after {:.3} s (whole call {:.3} s, CPU {:.2} s)",
        short.first_audio.as_secs_f64(),
        started.elapsed().as_secs_f64(),
        cpu_seconds() - cpu_before
    );
    Ok(())
}

/// User + system CPU seconds of this process (Linux `/proc/self/stat`, clock ticks of 1/100 s).
#[cfg(feature = "neural")]
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

#[cfg(not(feature = "neural"))]
fn main() {
    eprintln!("build with the `neural` feature");
}
