//! macOS speech through the system `say` command. It exists because macOS has no espeak: the
//! text goes in a file (`-f`) with a system voice that ships with macOS for the language
//! (`-v`), the voice's pace (`-r`, words per minute) and, at the head of the text, the embedded
//! speech commands `[[pbas ±n]]` (baseline pitch) and `[[pmod ±n]]` (pitch modulation) from
//! Apple's Speech Synthesis Programming Guide, derived from the voice's pitch and range so the
//! seven voices differ; the audio comes back as 22,050 Hz 16-bit mono WAV.
//!
//! `say` reports no word events, so the word timings are an ESTIMATE: each chunk's measured
//! length is shared among its words by character weight.
//!
//! Compiled and tested on every platform (the tests run a stand-in `say`); only macOS narrates
//! through it by default. Never run against a real `say` here.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::chunk::Chunk;
use super::voices::VoiceSettings;
use super::{Speech, command};
use crate::{Language, Result};

/// The program on macOS.
pub(crate) const PROGRAM: &str = "say";

const ENGINE: &str = "say";

/// A voice installed with macOS for each language (`say -v '?'` lists them).
pub(crate) fn system_voice(language: Language) -> &'static str {
    match language {
        Language::En => "Samantha",
        Language::Fr => "Thomas",
        Language::Es => "Mónica",
        Language::De => "Anna",
        Language::It => "Alice",
    }
}

/// What to run for one chunk: the arguments and the text file's contents.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Invocation {
    pub args: Vec<OsString>,
    pub text: String,
}

/// The embedded commands that give a voice its pitch: espeak's 0–100 pitch and range (50 is
/// neutral) become relative changes of the system voice's baseline and modulation.
pub(crate) fn pitch_commands(settings: &VoiceSettings) -> String {
    let pbas = f64::from(settings.pitch - 50) / 5.0;
    let pmod = f64::from(settings.range - 50) / 5.0;
    format!("[[pbas {pbas:+.1}]] [[pmod {pmod:+.1}]] ")
}

/// The invocation of `say` for one chunk, writing to `out` and reading from `text_file`.
pub(crate) fn invocation(
    chunk: &str,
    settings: &VoiceSettings,
    text_file: &Path,
    out: &Path,
) -> Invocation {
    let rate = settings.words_per_minute.round() as i64;
    let args = vec![
        "-v".into(),
        system_voice(settings.language).into(),
        "-r".into(),
        rate.to_string().into(),
        "-o".into(),
        out.as_os_str().to_owned(),
        "--file-format=WAVE".into(),
        "--data-format=LEI16@22050".into(),
        "-f".into(),
        text_file.as_os_str().to_owned(),
    ];
    // `[[` would start an embedded command: a story never means one.
    let text = format!("{}{}", pitch_commands(settings), chunk.replace("[[", "[ ["));
    Invocation { args, text }
}

/// Word starts of `chunk` (byte offset, share of the chunk's length before the word), by
/// character weight: a word and the space after it weigh their characters.
pub(crate) fn estimated_starts(chunk: &str) -> Vec<(usize, f64)> {
    let mut words = Vec::new();
    let mut total = 0usize;
    let mut at = 0usize;
    for token in chunk.split_inclusive(char::is_whitespace) {
        let weight = token.chars().count();
        if token.chars().any(char::is_alphanumeric) {
            words.push((at, total));
        }
        total += weight;
        at += token.len();
    }
    let total = total.max(1) as f64;
    words
        .into_iter()
        .map(|(byte, before)| (byte, before as f64 / total))
        .collect()
}

/// Speaks `chunks` with `program` (normally [`PROGRAM`]), scratch files under `scratch`.
pub(crate) fn speak(
    program: &Path,
    scratch: &Path,
    chunks: &[Chunk<'_>],
    settings: &VoiceSettings,
) -> Result<Speech> {
    let dir = command::scratch_dir(ENGINE, scratch)?;
    let mut speech = Speech::default();
    for (i, chunk) in chunks.iter().enumerate() {
        let (text_file, out): (PathBuf, PathBuf) = (
            dir.path().join(format!("chunk{i}.txt")),
            dir.path().join(format!("chunk{i}.wav")),
        );
        let call = invocation(chunk.text, settings, &text_file, &out);
        command::write(ENGINE, &text_file, &call.text)?;
        command::run(
            ENGINE,
            program,
            &call.args,
            "the `say` command comes with macOS (/usr/bin/say); check the PATH",
            &format!(
                "is the voice {} installed? System Settings → Accessibility → Spoken Content → \
                 System Voice → Manage Voices",
                system_voice(settings.language)
            ),
        )?;
        let wav = command::read_wav(ENGINE, &out)?;
        let start = speech.samples.len() as f64 / f64::from(wav.sample_rate);
        let length = wav.samples.len() as f64 / f64::from(wav.sample_rate);
        for (byte, share) in estimated_starts(chunk.text) {
            speech
                .words
                .push((chunk.offset + byte, start + share * length));
        }
        command::append(ENGINE, &mut speech, wav, chunk, settings)?;
    }
    // Scratch files go with `dir`; a failure to remove them is not the listener's problem.
    let _ = dir.close();
    Ok(speech)
}

#[cfg(test)]
mod tests {
    use super::super::voices::settings;
    use super::*;
    use crate::Voice;

    fn call(voice: Voice, language: Language) -> Invocation {
        invocation(
            "Bonne nuit, petit renard.",
            &settings(voice, language),
            Path::new("/tmp/in.txt"),
            Path::new("/tmp/out.wav"),
        )
    }

    #[test]
    fn french_text_asks_for_the_french_voice_in_a_wave_file() {
        let args: Vec<String> = call(Voice::Coral, Language::Fr)
            .args
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            args,
            [
                "-v",
                "Thomas",
                "-r",
                "136",
                "-o",
                "/tmp/out.wav",
                "--file-format=WAVE",
                "--data-format=LEI16@22050",
                "-f",
                "/tmp/in.txt"
            ]
        );
        for language in Language::ALL {
            let voice = system_voice(*language);
            assert!(call(Voice::Nova, *language).args.iter().any(|a| a == voice));
        }
    }

    #[test]
    fn the_seven_voices_are_seven_invocations_in_every_language() {
        for language in Language::ALL {
            let calls: Vec<Invocation> = Voice::ALL.iter().map(|v| call(*v, *language)).collect();
            for (i, a) in calls.iter().enumerate() {
                assert!(a.text.starts_with("[[pbas "), "{}", a.text);
                assert!(a.text.ends_with("Bonne nuit, petit renard."));
                assert!(!calls[i + 1..].contains(a), "{language}: {}", a.text);
            }
        }
    }

    #[test]
    fn text_cannot_smuggle_embedded_commands() {
        let call = invocation(
            "a [[slnc 9000]] b",
            &settings(Voice::Coral, Language::En),
            Path::new("t"),
            Path::new("o"),
        );
        assert_eq!(call.text.matches("[[").count(), 2);
    }

    #[test]
    fn estimated_starts_share_the_chunk_by_characters() {
        let chunk = "Hi, — little star";
        let starts = estimated_starts(chunk);
        let bytes: Vec<usize> = starts.iter().map(|(b, _)| *b).collect();
        assert_eq!(
            bytes,
            [
                0,
                chunk.find("little").unwrap(),
                chunk.find("star").unwrap()
            ]
        );
        assert_eq!(starts[0].1, 0.0);
        // "Hi, — " is 6 characters of 17.
        assert!((starts[1].1 - 6.0 / 17.0).abs() < 1e-9);
        assert!(starts.windows(2).all(|p| p[1].1 > p[0].1 && p[1].1 < 1.0));
        assert!(estimated_starts("   ").is_empty());
    }
}
