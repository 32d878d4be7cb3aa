//! Natural narration with a Piper (VITS) voice exported to ONNX, run by ONNX Runtime through
//! `ort` with `load-dynamic`: the runtime library is opened at run time (nothing is linked or
//! downloaded at build time), once per process. The story is spoken sentence by sentence — IPA
//! from libespeak-ng, ids from the voice's `phoneme_id_map`, one model run per sentence — with a
//! bedtime pace (the voice's length scale) and calm pauses between sentences and paragraphs.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use ort::session::Session;
use ort::session::builder::GraphOptimizationLevel;
use ort::value::Tensor;

use super::align::{WordToPlace, place_words};
use super::phonemes::{PiperConfig, sentences, words};
use crate::{Result, StorytellerError};

fn provider(message: impl Into<String>) -> StorytellerError {
    StorytellerError::provider("neural voice", message)
}

/// The runtime library this process loaded (ONNX Runtime can be loaded only once; a failed
/// attempt is not remembered, so a runtime installed afterwards is picked up).
static RUNTIME: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Loads ONNX Runtime from `library` (e.g. `…/libonnxruntime.so.1.32.0`) unless a runtime is
/// already loaded, and returns the loaded one; says what to do when the file cannot be used.
pub fn load_runtime(library: &Path) -> Result<PathBuf> {
    let mut loaded = RUNTIME
        .lock()
        .map_err(|_| provider("loading ONNX Runtime failed earlier; restart the app"))?;
    if let Some(path) = loaded.as_ref() {
        return Ok(path.clone());
    }
    let builder = ort::init_from(library).map_err(|e| {
        provider(format!(
            "cannot load the ONNX Runtime library {}: {e}; install it again from Settings → Voices",
            library.display()
        ))
    })?;
    builder.with_name("infinite-stories").commit();
    *loaded = Some(library.to_path_buf());
    Ok(library.to_path_buf())
}

/// The runtime library loaded in this process, if any.
pub fn loaded_runtime() -> Option<PathBuf> {
    RUNTIME.lock().ok().and_then(|r| r.clone())
}

/// A voice model loaded and ready (kept between stories: loading takes most of a second).
#[derive(Debug)]
pub struct NeuralVoice {
    /// Where the model came from.
    pub model: PathBuf,
    /// Its configuration.
    pub config: PiperConfig,
    session: Mutex<Session>,
    has_speaker_input: bool,
    /// How long loading took.
    pub load_time: Duration,
}

/// Seconds per phoneme of a Piper medium voice at length scale 1, pauses excluded (measured
/// with `en_US-joe-medium` on a 7-minute story: see the storyteller README).
pub const SECONDS_PER_PHONEME: f64 = 0.061;

/// The most a story's phonemes are stretched to reach a bedtime pace: beyond about 1.35 a
/// VITS voice starts to drawl, so slower paces come from the pauses instead.
pub const MAX_STRETCH: f64 = 1.35;

/// How a story is paced and voiced.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NeuralPace {
    /// Phoneme length; above 1 is slower. Used as is without `words_per_minute`, else the
    /// model's own length scale that the pace is measured from.
    pub length_scale: f32,
    /// The whole story's pace, pauses included: the length scale is then chosen per story from
    /// its phonemes and pauses (between 0.9 and 1.35 times the model's own).
    pub words_per_minute: Option<f64>,
    /// Pause after a sentence, seconds (on top of the model's own trailing silence).
    pub sentence_pause: f64,
    /// Pause after a paragraph, seconds.
    pub paragraph_pause: f64,
    /// Speaker of a multi-speaker model.
    pub speaker: Option<i64>,
    /// Variation of the voice and of phoneme lengths (the model's defaults are 0.667 and 0.8;
    /// a little steadier is calmer).
    pub noise_scale: f32,
    /// See `noise_scale`.
    pub noise_w: f32,
}

/// Speech from a neural voice: samples, and (byte start, byte end, start s, end s) per word.
#[derive(Debug, Default)]
pub struct NeuralSpeech {
    /// 16-bit mono samples.
    pub samples: Vec<i16>,
    /// Their rate.
    pub sample_rate: u32,
    /// Word placements in the request text.
    pub words: Vec<(usize, usize, f64, f64)>,
    /// From the start of `speak` until the first sentence's audio was ready.
    pub first_audio: Duration,
    /// Sentences spoken.
    pub sentences: usize,
    /// Phonemes of the words spoken.
    pub phonemes: usize,
    /// Seconds of model audio (without the added pauses).
    pub speech_seconds: f64,
    /// The length scale used.
    pub length_scale: f32,
}

impl NeuralVoice {
    /// Loads `model` and its `config` (`.onnx.json`) with ONNX Runtime (which must be loaded
    /// with [`load_runtime`] first), on `threads` threads.
    pub fn load(model: &Path, config: &Path, threads: usize) -> Result<NeuralVoice> {
        if loaded_runtime().is_none() {
            return Err(provider(
                "the ONNX Runtime library is not loaded; get it from Settings → Voices",
            ));
        }
        let started = Instant::now();
        let json = std::fs::read_to_string(config)
            .map_err(|e| provider(format!("cannot read {}: {e}", config.display())))?;
        let config = PiperConfig::parse(&json).map_err(provider)?;
        let setup = |e: String| provider(format!("cannot set up ONNX Runtime: {e}"));
        let session = Session::builder()
            .map_err(|e| setup(e.to_string()))?
            .with_optimization_level(GraphOptimizationLevel::Level3)
            .map_err(|e| setup(e.to_string()))?
            .with_intra_threads(threads.max(1))
            .map_err(|e| setup(e.to_string()))?
            .with_inter_threads(1)
            .map_err(|e| setup(e.to_string()))?
            .commit_from_file(model)
            .map_err(|e| {
                provider(format!(
                    "cannot load the voice model {}: {e}; download or import it again",
                    model.display()
                ))
            })?;
        let has_speaker_input = session.inputs().iter().any(|i| i.name() == "sid");
        Ok(NeuralVoice {
            model: model.to_path_buf(),
            config,
            session: Mutex::new(session),
            has_speaker_input,
            load_time: started.elapsed(),
        })
    }

    /// Audio (floats around ±1) for one sentence's ids.
    fn run(&self, ids: Vec<i64>, pace: &NeuralPace) -> Result<Vec<f32>> {
        let len = ids.len() as i64;
        let input = Tensor::from_array(([1usize, ids.len()], ids)).map_err(tensor)?;
        let lengths = Tensor::from_array(([1usize], vec![len])).map_err(tensor)?;
        let scales = Tensor::from_array((
            [3usize],
            vec![pace.noise_scale, pace.length_scale, pace.noise_w],
        ))
        .map_err(tensor)?;
        let mut session = self
            .session
            .lock()
            .map_err(|_| provider("the voice model failed earlier; load it again"))?;
        let outputs = if self.has_speaker_input {
            let sid =
                Tensor::from_array(([1usize], vec![pace.speaker.unwrap_or(0)])).map_err(tensor)?;
            session.run(ort::inputs![
                "input" => input, "input_lengths" => lengths, "scales" => scales, "sid" => sid
            ])
        } else {
            session.run(ort::inputs![
                "input" => input, "input_lengths" => lengths, "scales" => scales
            ])
        }
        .map_err(|e| provider(format!("the voice model failed: {e}")))?;
        let (_, audio) = outputs[0]
            .try_extract_tensor::<f32>()
            .map_err(|e| provider(format!("the voice model gave no audio: {e}")))?;
        Ok(audio.to_vec())
    }

    /// Speaks `text` sentence by sentence.
    pub fn speak(&self, text: &str, pace: &NeuralPace) -> Result<NeuralSpeech> {
        let started = Instant::now();
        let rate = self.config.audio.sample_rate;
        let sentences = sentences(text);
        let sentence_words: Vec<Vec<(usize, usize, bool)>> = sentences
            .iter()
            .map(|s| words(text, s.start, s.end))
            .collect();
        // One trip to the espeak thread: every sentence, then every word on its own (the word's
        // phoneme count is its share of its clause's time).
        let mut texts: Vec<String> = sentences
            .iter()
            .map(|s| text[s.start..s.end].to_string())
            .collect();
        texts.extend(
            sentence_words
                .iter()
                .flatten()
                .map(|(a, b, _)| text[*a..*b].to_string()),
        );
        let phonemes = phonemize(&self.config.espeak.voice, texts)?;
        let (sentence_ipa, word_ipa) = phonemes.split_at(sentences.len());
        let counts: Vec<usize> = word_ipa
            .iter()
            .map(|clauses| {
                clauses
                    .iter()
                    .map(|(ipa, _)| ipa.chars().filter(|c| c.is_alphabetic()).count())
                    .sum::<usize>()
                    .max(1)
            })
            .collect();
        let phonemes: usize = counts.iter().sum();
        let pause_of = |paragraph_end: bool| {
            if paragraph_end {
                pace.paragraph_pause
            } else {
                pace.sentence_pause
            }
        };
        let mut pace = *pace;
        if let Some(wpm) = pace.words_per_minute.filter(|w| *w > 0.0) {
            let target = counts.len() as f64 / wpm * 60.0;
            let pauses: f64 = sentences.iter().map(|s| pause_of(s.paragraph_end)).sum();
            let speech = (target - pauses).max(target * 0.5);
            let natural = phonemes as f64 * SECONDS_PER_PHONEME;
            let stretch = (speech / natural.max(0.1)).clamp(0.9, MAX_STRETCH);
            pace.length_scale = (f64::from(pace.length_scale) * stretch) as f32;
        }
        let pace = &pace;
        let mut word_counts = counts.iter().copied();
        let mut speech_seconds = 0.0;
        let mut audio: Vec<f32> = Vec::new();
        let mut placed = Vec::new();
        let mut first_audio = None;
        for ((sentence, clauses), words) in sentences.iter().zip(sentence_ipa).zip(&sentence_words)
        {
            let to_place: Vec<WordToPlace> = words
                .iter()
                .map(|(start, end, clause_break)| WordToPlace {
                    start: *start,
                    end: *end,
                    clause_break: *clause_break,
                    phonemes: word_counts.next().unwrap_or(1),
                })
                .collect();
            let (ids, missing) = self.config.sentence_ids(clauses);
            if !missing.is_empty() {
                tracing::debug!(?missing, "symbols the voice does not know were skipped");
            }
            // `^ _ $` alone: nothing to say (a line of punctuation).
            if ids.len() > 3 {
                let spoken = self.run(ids, pace)?;
                first_audio.get_or_insert_with(|| started.elapsed());
                let offset = audio.len() as f64 / f64::from(rate);
                speech_seconds += spoken.len() as f64 / f64::from(rate);
                placed.extend(place_words(&to_place, &spoken, rate, offset));
                audio.extend_from_slice(&spoken);
            }
            let pause = pause_of(sentence.paragraph_end);
            audio.resize(audio.len() + (pause * f64::from(rate)) as usize, 0.0);
        }
        let samples = to_pcm(&audio);
        Ok(NeuralSpeech {
            samples,
            sample_rate: rate,
            words: placed,
            first_audio: first_audio.unwrap_or_default(),
            sentences: sentences.len(),
            phonemes,
            speech_seconds,
            length_scale: pace.length_scale,
        })
    }
}

/// One gain for the whole story (Piper normalises each sentence, which makes short sentences as
/// loud as long ones): the 99.9th percentile of the magnitudes goes to -3 dBFS, so a few plosive
/// spikes do not make the whole story quiet, and the rare samples above it are softly limited
/// below full scale instead of clipping.
fn to_pcm(audio: &[f32]) -> Vec<i16> {
    let mut magnitudes: Vec<f32> = audio
        .iter()
        .map(|s| s.abs())
        .filter(|m| *m > 1e-4)
        .collect();
    if magnitudes.is_empty() {
        return vec![0; audio.len()];
    }
    let at = ((magnitudes.len() as f64 * 0.999) as usize).min(magnitudes.len() - 1);
    let (_, reference, _) = magnitudes.select_nth_unstable_by(at, f32::total_cmp);
    const KNEE: f32 = 0.7;
    let gain = KNEE / reference.max(0.01);
    audio
        .iter()
        .map(|s| {
            let x = s * gain;
            let m = x.abs();
            let limited = if m <= KNEE {
                m
            } else {
                KNEE + (1.0 - KNEE) * ((m - KNEE) / (1.0 - KNEE)).tanh()
            };
            (x.signum() * limited * 32_000.0) as i16
        })
        .collect()
}

fn tensor(e: ort::Error) -> StorytellerError {
    StorytellerError::Internal(format!("cannot build the model's input: {e}"))
}

#[cfg(target_os = "linux")]
fn phonemize(voice: &str, texts: Vec<String>) -> Result<Vec<super::espeak::Clauses>> {
    super::espeak::phonemize(voice, texts)
}

#[cfg(not(target_os = "linux"))]
fn phonemize(_: &str, _: Vec<String>) -> Result<Vec<Vec<(String, char)>>> {
    Err(provider(
        "neural voices need libespeak-ng for their phonemes, which is only built into the Linux app",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_runtime_that_cannot_load_says_what_to_do_and_is_not_remembered() {
        let dir = tempfile::tempdir().unwrap();
        let fake = dir.path().join("libonnxruntime.so.1.32.0");
        std::fs::write(&fake, b"not a library").unwrap();
        let err = load_runtime(&fake).unwrap_err();
        assert_eq!(err.code(), "PROVIDER_ERROR");
        assert!(err.to_string().contains("Settings → Voices"), "{err}");
        assert_eq!(loaded_runtime(), None);
        let model = dir.path().join("m.onnx");
        let err = NeuralVoice::load(&model, &model.with_extension("onnx.json"), 1).unwrap_err();
        assert!(err.to_string().contains("not loaded"), "{err}");
    }

    #[test]
    fn one_spike_does_not_make_the_story_quiet_and_nothing_clips() {
        let mut audio: Vec<f32> = (0..100_000)
            .map(|i| (i as f32 * 0.05).sin() * 0.2)
            .collect();
        audio[500] = 0.95;
        let pcm = to_pcm(&audio);
        let loudest = pcm.iter().map(|s| i32::from(*s).abs()).max().unwrap();
        assert!(loudest < 32_767, "limited below full scale");
        // The tone (not the spike) sets the level: its peaks come out near -3 dBFS.
        let tone_peak = pcm[1_000..]
            .iter()
            .map(|s| i32::from(*s).abs())
            .max()
            .unwrap();
        assert!((21_500..23_500).contains(&tone_peak), "{tone_peak}");
        assert_eq!(to_pcm(&[0.0; 10]), [0; 10]);
    }
}
