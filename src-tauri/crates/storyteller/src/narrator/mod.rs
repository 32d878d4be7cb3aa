//! The offline narrator: the platform's speech engine (libespeak-ng on Linux, `say` on macOS,
//! SAPI on Windows) speaks the text chunk by chunk in the voice's gentle settings; the speech
//! is compressed to Ogg Vorbis, its duration measured by decoding the file, and the word
//! events become read-along timings.

pub(crate) mod chunk;
mod encode;
#[cfg(target_os = "linux")]
mod espeak;
#[cfg(windows)]
mod sapi;
#[cfg(target_os = "macos")]
mod say;
mod voices;

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

/// Platform speech narration encoded to Ogg Vorbis.
#[derive(Debug, Default, Clone)]
pub struct OfflineNarrator;

impl OfflineNarrator {
    /// A narrator.
    pub fn new() -> Self {
        OfflineNarrator
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
        let speech = speak(&chunks, &settings)?;
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
fn speak(chunks: &[chunk::Chunk<'_>], settings: &voices::VoiceSettings) -> Result<Speech> {
    espeak::speak(chunks, settings)
}

#[cfg(target_os = "macos")]
fn speak(chunks: &[chunk::Chunk<'_>], settings: &voices::VoiceSettings) -> Result<Speech> {
    say::speak(chunks, settings)
}

#[cfg(windows)]
fn speak(chunks: &[chunk::Chunk<'_>], settings: &voices::VoiceSettings) -> Result<Speech> {
    sapi::speak(chunks, settings)
}

#[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
fn speak(_: &[chunk::Chunk<'_>], _: &voices::VoiceSettings) -> Result<Speech> {
    Err(StorytellerError::provider(
        "speech",
        "no offline speech engine on this platform",
    ))
}

/// 16-bit little-endian PCM samples of a RIFF/WAVE file (the `data` chunk).
#[cfg(any(target_os = "macos", windows))]
pub(crate) fn wav_samples(wav: &[u8]) -> Vec<i16> {
    let mut at = 12;
    while at + 8 <= wav.len() {
        let size =
            u32::from_le_bytes([wav[at + 4], wav[at + 5], wav[at + 6], wav[at + 7]]) as usize;
        if &wav[at..at + 4] == b"data" {
            let end = (at + 8 + size).min(wav.len());
            return wav[at + 8..end]
                .chunks_exact(2)
                .map(|b| i16::from_le_bytes([b[0], b[1]]))
                .collect();
        }
        at += 8 + size + (size & 1);
    }
    Vec::new()
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
