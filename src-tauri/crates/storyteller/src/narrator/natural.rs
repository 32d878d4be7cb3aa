//! The narrator that sounds natural when it can: for each story it picks an installed neural
//! voice of the story's language (the seven voices share out the installed ones, and the
//! speakers of a multi-speaker model), runs it on ONNX Runtime with a bedtime pace, and keeps the
//! model loaded for the next story; with no voice (or no runtime) for the language it narrates
//! with espeak-ng, and [`NaturalNarrator::choice`] says how to get a natural voice. Same
//! interface, same Ogg Vorbis output, measured duration and read-along timings either way.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;

use super::OfflineNarrator;
#[cfg(feature = "neural")]
use super::{MAX_TEXT_CHARS, encode};
use crate::voices::{InstalledVoice, VoiceLibrary};
#[cfg(feature = "neural")]
use crate::{AudioFormat, StorytellerError};
use crate::{Language, NarrationOutput, NarrationRequest, Narrator, Result, Voice, WordTiming};

/// Which engine will narrate a story, and why.
#[derive(Debug, Clone, PartialEq)]
pub enum NarratorChoice {
    /// An installed neural voice.
    Neural {
        /// The voice.
        voice: Box<InstalledVoice>,
        /// The speaker, for a multi-speaker model.
        speaker: Option<i64>,
    },
    /// espeak-ng, and what to do for a natural voice (for the UI).
    Espeak {
        /// E.g. "No natural French voice is installed: Settings → Voices → French".
        hint: String,
    },
}

/// Narrates with installed neural voices, else with the platform engine.
#[derive(Debug, Clone)]
pub struct NaturalNarrator {
    library: VoiceLibrary,
    fallback: OfflineNarrator,
    threads: usize,
    #[cfg(feature = "neural")]
    loaded: Arc<Mutex<HashMap<std::path::PathBuf, Arc<super::neural::NeuralVoice>>>>,
    #[cfg(not(feature = "neural"))]
    loaded: Arc<Mutex<HashMap<(), ()>>>,
}

/// Silence after a sentence, seconds (the model ends each sentence with a short one of its own).
pub const SENTENCE_PAUSE: f64 = 0.7;
/// Silence after a paragraph, seconds.
pub const PARAGRAPH_PAUSE: f64 = 1.4;

fn language_name(language: Language) -> &'static str {
    match language {
        Language::En => "English",
        Language::Fr => "French",
        Language::Es => "Spanish",
        Language::De => "German",
        Language::It => "Italian",
    }
}

impl NaturalNarrator {
    /// A narrator over the voices of `library`, falling back to this platform's engine.
    pub fn new(library: VoiceLibrary) -> Self {
        NaturalNarrator::with_fallback(library, OfflineNarrator::new())
    }

    /// The same with another fallback narrator.
    pub fn with_fallback(library: VoiceLibrary, fallback: OfflineNarrator) -> Self {
        NaturalNarrator {
            library,
            fallback,
            threads: 1,
            loaded: Arc::default(),
        }
    }

    /// Threads ONNX Runtime may use per story (1 by default: about 15× real time on one core).
    pub fn with_threads(mut self, threads: usize) -> Self {
        self.threads = threads.max(1);
        self
    }

    /// How many voice models are loaded and kept for the next story.
    pub fn loaded_voices(&self) -> usize {
        self.loaded.lock().map_or(0, |l| l.len())
    }

    /// The library it reads voices from.
    pub fn library(&self) -> &VoiceLibrary {
        &self.library
    }

    /// The engine that will narrate `voice` in `language`.
    pub fn choice(&self, voice: Voice, language: Language) -> NarratorChoice {
        let name = language_name(language);
        if !cfg!(feature = "neural") {
            return NarratorChoice::Espeak {
                hint: "this build has no neural voices (the `neural` feature is off)".into(),
            };
        }
        if !cfg!(target_os = "linux") {
            return NarratorChoice::Espeak {
                hint: "natural voices need libespeak-ng for their phonemes, which only the Linux \
                       app has for now"
                    .into(),
            };
        }
        let installed = self.library.installed_for(language);
        if installed.is_empty() {
            return NarratorChoice::Espeak {
                hint: format!(
                    "no natural {name} voice is installed: download one in Settings → Voices → \
                     {name}, or import voice files you have"
                ),
            };
        }
        if self.library.runtime().is_none() {
            return NarratorChoice::Espeak {
                hint: "the ONNX Runtime library that natural voices need is missing: get it in \
                       Settings → Voices"
                    .into(),
            };
        }
        let index = Voice::ALL.iter().position(|v| *v == voice).unwrap_or(0);
        let chosen = &installed[index % installed.len()];
        let round = (index / installed.len()) as i64;
        let speaker = (chosen.speakers > 1).then(|| round % i64::from(chosen.speakers));
        NarratorChoice::Neural {
            voice: Box::new(chosen.clone()),
            speaker,
        }
    }

    /// Narrates synchronously and says which engine spoke.
    pub fn narrate_with_choice(
        &self,
        request: &NarrationRequest,
    ) -> Result<(NarrationOutput, NarratorChoice)> {
        let choice = self.choice(request.voice, request.language);
        #[cfg(feature = "neural")]
        if let NarratorChoice::Neural { voice, speaker } = &choice {
            match self.narrate_neural(request, voice, *speaker) {
                Ok(output) => return Ok((output, choice)),
                Err(e @ StorytellerError::InvalidRequest { .. }) => return Err(e),
                Err(e) => {
                    tracing::warn!(voice = %voice.key, "natural voice failed, using espeak-ng: {e}");
                    let output = self.fallback.narrate_now(request)?;
                    return Ok((
                        output,
                        NarratorChoice::Espeak {
                            hint: format!("the natural voice {} failed: {e}", voice.key),
                        },
                    ));
                }
            }
        }
        Ok((self.fallback.narrate_now(request)?, choice))
    }

    /// Narrates `request` with one given installed voice (Settings → Voices, "Play a sample"):
    /// no fallback, so a voice that cannot speak says why.
    pub fn narrate_in(
        &self,
        request: &NarrationRequest,
        voice: &InstalledVoice,
    ) -> Result<NarrationOutput> {
        if let NarratorChoice::Espeak { hint } = self.choice(request.voice, voice.language) {
            return Err(crate::StorytellerError::provider("natural voice", hint));
        }
        #[cfg(feature = "neural")]
        {
            self.narrate_neural(request, voice, (voice.speakers > 1).then_some(0))
        }
        #[cfg(not(feature = "neural"))]
        {
            Err(crate::StorytellerError::provider(
                "natural voice",
                "this build has no neural voices",
            ))
        }
    }

    /// Narrates synchronously.
    pub fn narrate_now(&self, request: &NarrationRequest) -> Result<NarrationOutput> {
        self.narrate_with_choice(request).map(|(output, _)| output)
    }

    #[cfg(feature = "neural")]
    fn narrate_neural(
        &self,
        request: &NarrationRequest,
        voice: &InstalledVoice,
        speaker: Option<i64>,
    ) -> Result<NarrationOutput> {
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
        let model = self.model(voice)?;
        let pace = bedtime_pace(&model.config, request.voice, request.language, speaker);
        let speech = model.speak(text, &pace)?;
        narration_output(text, speech, request.voice)
    }

    /// The loaded model of `voice` (loaded once, then kept).
    #[cfg(feature = "neural")]
    fn model(&self, voice: &InstalledVoice) -> Result<Arc<super::neural::NeuralVoice>> {
        let runtime = self.library.runtime().ok_or_else(|| {
            StorytellerError::provider("neural voice", "the ONNX Runtime library is missing")
        })?;
        super::neural::load_runtime(&runtime)?;
        let mut loaded = self
            .loaded
            .lock()
            .map_err(|_| StorytellerError::Internal("voice cache poisoned".into()))?;
        if let Some(model) = loaded.get(&voice.model) {
            return Ok(model.clone());
        }
        let model = Arc::new(super::neural::NeuralVoice::load(
            &voice.model,
            &voice.config,
            self.threads,
        )?);
        tracing::info!(voice = %voice.key, seconds = model.load_time.as_secs_f64(), "voice loaded");
        loaded.insert(voice.model.clone(), model.clone());
        Ok(model)
    }
}

/// The bedtime pace of `voice` for a neural model: the voice's words per minute (the pace the
/// writer sized the story for, pauses included), calm pauses between sentences and longer ones
/// between paragraphs (longer still for Fable, the grandparent), and phoneme lengths a little
/// steadier than Piper's default.
#[cfg(feature = "neural")]
pub fn bedtime_pace(
    config: &super::phonemes::PiperConfig,
    voice: Voice,
    language: Language,
    speaker: Option<i64>,
) -> super::neural::NeuralPace {
    let slow = voice == Voice::Fable;
    super::neural::NeuralPace {
        length_scale: config.inference.length_scale,
        words_per_minute: Some(voice.words_per_minute(language)),
        sentence_pause: if slow {
            SENTENCE_PAUSE + 0.15
        } else {
            SENTENCE_PAUSE
        },
        paragraph_pause: if slow {
            PARAGRAPH_PAUSE + 0.3
        } else {
            PARAGRAPH_PAUSE
        },
        speaker,
        noise_scale: config.inference.noise_scale,
        noise_w: config.inference.noise_w * 0.8,
    }
}

/// Neural speech → the narration the app stores: Ogg Vorbis, duration measured by decoding,
/// word timings in characters.
#[cfg(feature = "neural")]
pub fn narration_output(
    text: &str,
    speech: super::neural::NeuralSpeech,
    voice: Voice,
) -> Result<NarrationOutput> {
    if speech.samples.is_empty() {
        return Err(StorytellerError::provider(
            "neural voice",
            "the voice produced no audio",
        ));
    }
    let bytes = encode::ogg_vorbis(&speech.samples, speech.sample_rate)?;
    let duration_seconds = encode::measure_ogg(&bytes)?;
    let timings = word_timings(text, &speech.words, duration_seconds);
    Ok(NarrationOutput {
        bytes,
        format: AudioFormat::Ogg,
        duration_seconds,
        timings,
        voice,
    })
}

/// (byte start, byte end, start s, end s) → `WordTiming`s with character offsets.
#[cfg_attr(not(feature = "neural"), allow(dead_code))]
pub(crate) fn word_timings(
    text: &str,
    words: &[(usize, usize, f64, f64)],
    duration: f64,
) -> Vec<WordTiming> {
    let round = |s: f64| (s.min(duration).max(0.0) * 1000.0).round() / 1000.0;
    let mut chars_before = 0;
    let mut last_byte = 0;
    words
        .iter()
        .filter_map(|(a, b, start, end)| {
            let word = text.get(*a..*b)?;
            chars_before += text.get(last_byte..*a)?.chars().count();
            last_byte = *a;
            let char_start = chars_before;
            Some(WordTiming {
                word: word.to_string(),
                start: round(*start),
                end: round(end.max(*start)),
                char_start,
                char_end: char_start + word.chars().count(),
            })
        })
        .collect()
}

#[async_trait]
impl Narrator for NaturalNarrator {
    async fn narrate(&self, request: &NarrationRequest) -> Result<NarrationOutput> {
        let (this, request) = (self.clone(), request.clone());
        super::blocking(move || this.narrate_now(&request)).await
    }

    fn is_offline(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timings_count_characters_not_bytes() {
        let text = "Élodie dort. «Bonne nuit», dit-il.";
        let at = |w: &str| text.find(w).unwrap();
        let words = vec![
            (at("Élodie"), at("Élodie") + "Élodie".len(), 0.1, 0.5),
            (at("dort"), at("dort") + 4, 0.5, 0.8),
            (at("Bonne"), at("Bonne") + 5, 1.2, 1.5),
            (at("nuit"), at("nuit") + 4, 1.5, 1.9),
        ];
        let t = word_timings(text, &words, 1.8);
        let chars: Vec<char> = text.chars().collect();
        for w in &t {
            assert_eq!(
                chars[w.char_start..w.char_end].iter().collect::<String>(),
                w.word
            );
        }
        assert_eq!(t[3].end, 1.8, "clamped to the audio");
    }

    #[test]
    fn providers_take_natural_voices_in_place_of_the_offline_narrator_only() {
        let dir = tempfile::tempdir().unwrap();
        let library = VoiceLibrary::new(dir.path());
        let natural = crate::Providers::offline().with_natural_voices(library.clone());
        assert!(format!("{:?}", natural.narrator).contains("NaturalNarrator"));
        let config = crate::ProvidersConfig {
            narrator: crate::ProviderKind::OpenAi,
            openai: Some(crate::OpenAiConfig::openai("k")),
            ..crate::ProvidersConfig::default()
        };
        let openai = crate::Providers::from_config(&config)
            .unwrap()
            .with_natural_voices(library);
        assert!(!format!("{:?}", openai.narrator).contains("NaturalNarrator"));
    }

    #[test]
    fn without_voices_it_says_how_to_get_one() {
        let dir = tempfile::tempdir().unwrap();
        let narrator = NaturalNarrator::new(VoiceLibrary::new(dir.path()));
        match narrator.choice(Voice::Coral, Language::Fr) {
            NarratorChoice::Espeak { hint } => {
                assert!(
                    hint.contains("Settings → Voices") || hint.contains("feature"),
                    "{hint}"
                )
            }
            other => panic!("{other:?}"),
        }
    }
}
