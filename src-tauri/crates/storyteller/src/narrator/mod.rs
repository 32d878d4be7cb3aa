//! The offline narrator: the platform's speech engine (libespeak-ng on Linux, `say` on macOS,
//! SAPI on Windows) speaks the text chunk by chunk in the voice's gentle settings; the speech
//! is compressed to Ogg Vorbis, its duration measured by decoding the file, and the word
//! events become read-along timings.
//!
//! The `say` and SAPI engines are compiled (and tested with stand-in programs) on every
//! platform; only the choice of the default engine depends on the platform.

pub(crate) mod chunk;
mod command;
mod encode;
#[cfg(target_os = "linux")]
mod espeak;
mod sapi;
mod say;
mod voices;
mod wav;

use std::path::PathBuf;

use async_trait::async_trait;

use crate::{
    AudioFormat, NarrationOutput, NarrationRequest, Narrator, Result, StorytellerError, WordTiming,
};

/// Longest text accepted, in characters (api-contract §2.2).
pub const MAX_TEXT_CHARS: usize = 50_000;

/// Raw speech from a platform engine.
#[derive(Debug, Default)]
pub(crate) struct Speech {
    pub samples: Vec<i16>,
    pub sample_rate: u32,
    /// (byte offset of a word in the request text, start in seconds), in order.
    pub words: Vec<(usize, f64)>,
}

/// The speech engine an [`OfflineNarrator`] drives.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SpeechEngine {
    /// libespeak-ng, linked in on Linux (a `PROVIDER_ERROR` elsewhere).
    Espeak,
    /// macOS's `say` command at `program`, scratch files in a fresh directory under `scratch`.
    Say {
        /// Usually `say`.
        program: PathBuf,
        /// Usually the system temporary directory.
        scratch: PathBuf,
    },
    /// Windows SAPI through PowerShell at `program`, scratch files under `scratch`.
    Sapi {
        /// Usually `powershell.exe`.
        program: PathBuf,
        /// Usually the system temporary directory.
        scratch: PathBuf,
    },
}

impl SpeechEngine {
    /// The system `say` command (macOS).
    pub fn say() -> Self {
        SpeechEngine::Say {
            program: say::PROGRAM.into(),
            scratch: std::env::temp_dir(),
        }
    }

    /// SAPI through `powershell.exe` (Windows).
    pub fn sapi() -> Self {
        SpeechEngine::Sapi {
            program: sapi::PROGRAM.into(),
            scratch: std::env::temp_dir(),
        }
    }

    /// This platform's engine: `say` on macOS, SAPI on Windows, libespeak-ng otherwise.
    pub fn platform() -> Self {
        if cfg!(target_os = "macos") {
            SpeechEngine::say()
        } else if cfg!(windows) {
            SpeechEngine::sapi()
        } else {
            SpeechEngine::Espeak
        }
    }

    fn speak(
        &self,
        chunks: &[chunk::Chunk<'_>],
        settings: &voices::VoiceSettings,
    ) -> Result<Speech> {
        match self {
            SpeechEngine::Espeak => espeak_speak(chunks, settings),
            SpeechEngine::Say { program, scratch } => {
                say::speak(program, scratch, chunks, settings)
            }
            SpeechEngine::Sapi { program, scratch } => {
                sapi::speak(program, scratch, chunks, settings)
            }
        }
    }
}

impl Default for SpeechEngine {
    fn default() -> Self {
        SpeechEngine::platform()
    }
}

/// Platform speech narration encoded to Ogg Vorbis.
#[derive(Debug, Default, Clone)]
pub struct OfflineNarrator {
    engine: SpeechEngine,
}

impl OfflineNarrator {
    /// A narrator with this platform's engine.
    pub fn new() -> Self {
        OfflineNarrator::default()
    }

    /// A narrator driving `engine` (tests use stand-in `say`/`powershell.exe` programs).
    pub fn with_engine(engine: SpeechEngine) -> Self {
        OfflineNarrator { engine }
    }

    /// The engine this narrator drives.
    pub fn engine(&self) -> &SpeechEngine {
        &self.engine
    }

    /// Narrates synchronously (a 7-minute story takes a second or two).
    pub fn narrate_now(&self, request: &NarrationRequest) -> Result<NarrationOutput> {
        let text = request.text.as_str();
        if text.trim().is_empty() {
            return Err(StorytellerError::invalid(
                "text",
                "there is nothing to read",
            ));
        }
        if text.chars().count() > MAX_TEXT_CHARS {
            return Err(StorytellerError::invalid(
                "text",
                "must be at most 50,000 characters",
            ));
        }
        let settings = voices::settings(request.voice, request.language);
        let chunks = chunk::chunks(text);
        let mut speech = self.engine.speak(&chunks, &settings)?;
        // espeak's real pace drifts from its nominal rate with the text (word lengths,
        // punctuation) and the variant: one corrected pass keeps a story's narration at the
        // length it was written for.
        if self.engine == SpeechEngine::Espeak
            && let Some(rate) = corrected_rate(text, &settings, &speech)
        {
            let retuned = voices::VoiceSettings {
                rate,
                ..settings.clone()
            };
            speech = self.engine.speak(&chunks, &retuned)?;
        }
        if speech.samples.is_empty() {
            return Err(StorytellerError::provider(
                "speech",
                "the engine produced no audio",
            ));
        }
        let bytes = encode::ogg_vorbis(&speech.samples, speech.sample_rate)?;
        let duration_seconds = encode::measure_ogg(&bytes)?;
        let timings = timings(text, &speech.words, duration_seconds);
        Ok(NarrationOutput {
            bytes,
            format: AudioFormat::Ogg,
            duration_seconds,
            timings,
            voice: request.voice,
        })
    }
}

#[cfg(target_os = "linux")]
fn espeak_speak(chunks: &[chunk::Chunk<'_>], settings: &voices::VoiceSettings) -> Result<Speech> {
    espeak::speak(chunks, settings)
}

#[cfg(not(target_os = "linux"))]
fn espeak_speak(_: &[chunk::Chunk<'_>], _: &voices::VoiceSettings) -> Result<Speech> {
    Err(StorytellerError::provider(
        "espeak-ng",
        "libespeak-ng is only built into the Linux app; no offline speech engine on this platform",
    ))
}

/// Words below which a narration is not re-timed (a voice sample, a short line).
const RETIME_MIN_WORDS: usize = 150;
/// How far the measured length may be from `words × 60 / wpm` before the text is spoken again.
const RETIME_TOLERANCE: f64 = 0.03;

/// The rate that brings `speech` to the voice's pace (the length the writer sized the story
/// for), or `None` when it is close enough or the text is short. Speech time scales with
/// 1/rate; the correction is bounded so a strange text never races or drags.
fn corrected_rate(text: &str, settings: &voices::VoiceSettings, speech: &Speech) -> Option<i32> {
    let words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    if words < RETIME_MIN_WORDS || speech.sample_rate == 0 {
        return None;
    }
    let measured = speech.samples.len() as f64 / f64::from(speech.sample_rate);
    let target = words as f64 * 60.0 / settings.words_per_minute;
    let ratio = measured / target;
    if (ratio - 1.0).abs() <= RETIME_TOLERANCE {
        return None;
    }
    let rate = f64::from(settings.rate);
    Some((rate * ratio).clamp(rate * 0.75, rate * 1.3).round() as i32)
}

/// Word timings from word starts: a word ends where the next begins (or after a short
/// spoken length before a pause). Offsets are in characters (Unicode scalar values).
fn timings(text: &str, words: &[(usize, f64)], duration: f64) -> Vec<WordTiming> {
    let mut out: Vec<WordTiming> = Vec::with_capacity(words.len());
    for (i, (byte, start)) in words.iter().enumerate() {
        let Some(rest) = text.get(*byte..) else {
            continue;
        };
        let token_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let token = &rest[..token_len];
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() {
            continue;
        }
        let lead = token.find(word).unwrap_or(0);
        let char_start = text[..byte + lead].chars().count();
        let spoken = 0.12 + 0.065 * word.chars().count() as f64;
        let next = words.get(i + 1).map_or(duration, |(_, s)| *s);
        let end = next.min(start + spoken.max(0.25)).max(*start).min(duration);
        // espeak may report two events inside one written word ("Bramble's", "twenty-one"):
        // keep the first, and never go back in time.
        if out
            .last()
            .is_some_and(|last| *start < last.start || char_start < last.char_end)
        {
            continue;
        }
        out.push(WordTiming {
            word: word.to_string(),
            start: (start * 1000.0).round() / 1000.0,
            end: (end * 1000.0).round() / 1000.0,
            char_start,
            char_end: char_start + word.chars().count(),
        });
    }
    out
}

async fn blocking<T: Send + 'static>(
    job: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    match tokio::runtime::Handle::try_current() {
        Ok(handle) => handle
            .spawn_blocking(job)
            .await
            .map_err(|e| StorytellerError::Internal(format!("narration task failed: {e}")))?,
        Err(_) => job(),
    }
}

#[async_trait]
impl Narrator for OfflineNarrator {
    async fn narrate(&self, request: &NarrationRequest) -> Result<NarrationOutput> {
        let (this, request) = (self.clone(), request.clone());
        blocking(move || this.narrate_now(&request)).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_narration_off_its_pace_is_retimed_and_a_short_one_is_not() {
        let settings = voices::settings(crate::Voice::Shimmer, crate::Language::En);
        let text = "word ".repeat(700);
        // 700 words at 140 wpm is 300 s; 336 s of speech is 12 % slow: speed up by 12 %.
        let slow = Speech {
            samples: vec![0; 336 * 100],
            sample_rate: 100,
            words: Vec::new(),
        };
        let rate = corrected_rate(&text, &settings, &slow).unwrap();
        assert_eq!(rate, (f64::from(settings.rate) * 1.12).round() as i32);
        let close = Speech {
            samples: vec![0; 305 * 100],
            ..slow
        };
        assert_eq!(corrected_rate(&text, &settings, &close), None);
        assert_eq!(corrected_rate("Once upon a time", &settings, &close), None);
        let silly = Speech {
            samples: vec![0; 3000 * 100],
            sample_rate: 100,
            words: Vec::new(),
        };
        let capped = corrected_rate(&text, &settings, &silly).unwrap();
        assert_eq!(capped, (f64::from(settings.rate) * 1.3).round() as i32);
    }

    #[test]
    fn timings_point_at_the_words_and_never_go_back() {
        let text = "Hello, little star. «Bonne nuit» !";
        let words = vec![(0, 0.1), (7, 0.6), (14, 1.0), (20, 2.0), (28, 2.4)];
        let t = timings(text, &words, 3.0);
        let names: Vec<&str> = t.iter().map(|w| w.word.as_str()).collect();
        assert_eq!(names, ["Hello", "little", "star", "Bonne", "nuit"]);
        let chars: Vec<char> = text.chars().collect();
        for w in &t {
            assert_eq!(
                chars[w.char_start..w.char_end].iter().collect::<String>(),
                w.word
            );
            assert!(w.end >= w.start);
        }
        assert!(t.windows(2).all(|p| p[1].start >= p[0].start));
    }
}
