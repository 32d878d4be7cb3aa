//! The seven voices as gentle espeak-ng settings: a variant, a pitch and a pitch range per
//! voice, at the voice's bedtime pace (`Voice::words_per_minute`), in each language's voice.

use crate::{Language, Voice};

/// espeak-ng settings for one voice in one language (the `say` and SAPI engines derive their
/// own settings from the same numbers).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct VoiceSettings {
    /// The language spoken.
    pub language: Language,
    /// The voice's bedtime pace, words per minute, before espeak's calibration.
    pub words_per_minute: f64,
    /// `language+variant`, e.g. `en-us+f3`.
    pub name: String,
    /// Words per minute.
    pub rate: i32,
    /// 0–100, 50 is espeak's default.
    pub pitch: i32,
    /// 0–100; lower is flatter and calmer.
    pub range: i32,
    /// Pause between paragraphs, seconds.
    pub paragraph_pause: f64,
}

/// espeak-ng's real pace differs from its nominal rate, and differently per language
/// (measured on 7-minute stories, coral: at 0.83 × the nominal rate English took 460 s, French
/// 415 s, Spanish 485 s, German 504 s, Italian 505 s for 420 s of text). These factors make the
/// measured pace match `Voice::words_per_minute`.
fn speed_calibration(language: Language) -> f64 {
    match language {
        Language::En => 0.91,
        Language::Fr => 0.82,
        Language::Es => 0.96,
        Language::De | Language::It => 1.0,
    }
}

/// The settings for `voice` speaking `language`.
pub(crate) fn settings(voice: Voice, language: Language) -> VoiceSettings {
    let base = match language {
        Language::En => "en-us",
        Language::Es => "es",
        Language::Fr => "fr",
        Language::De => "de",
        Language::It => "it",
    };
    // (variant, pitch, range): warm, cheerful, grandparent, clear, dreamy, deep, melodic.
    let (variant, pitch, range) = match voice {
        Voice::Coral => ("f3", 52, 38),
        Voice::Nova => ("f4", 62, 55),
        Voice::Fable => ("m3", 38, 30),
        Voice::Alloy => ("f2", 50, 42),
        Voice::Echo => ("f5", 46, 24),
        Voice::Onyx => ("m1", 28, 28),
        Voice::Shimmer => ("f1", 68, 62),
    };
    VoiceSettings {
        language,
        words_per_minute: voice.words_per_minute(language),
        name: format!("{base}+{variant}"),
        rate: (voice.words_per_minute(language) * speed_calibration(language)).round() as i32,
        pitch,
        range,
        paragraph_pause: if voice == Voice::Fable { 0.8 } else { 0.6 },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_voice_is_distinct_in_every_language() {
        for language in Language::ALL {
            let all: Vec<VoiceSettings> =
                Voice::ALL.iter().map(|v| settings(*v, *language)).collect();
            for (i, a) in all.iter().enumerate() {
                for b in &all[i + 1..] {
                    assert!(
                        (a.name.as_str(), a.pitch, a.range) != (b.name.as_str(), b.pitch, b.range)
                    );
                }
            }
        }
    }
}
