//! A short spoken sample of a narration voice, so a family can hear the voices before choosing:
//! the offline narrator (the same engine and voice settings that narrate the stories offline)
//! speaks one bedtime line in the chosen language. No backend, no network.

use base64::Engine as _;
use infinite_stories_contract::{Language, Voice, VoiceSample};
use infinite_stories_storyteller::NarrationRequest;
use infinite_stories_storyteller::narrator::OfflineNarrator;

use crate::error::CoreError;

/// The line each language's sample speaks.
pub fn sample_line(language: Language) -> &'static str {
    match language {
        Language::En => "Once upon a time, a little star could not sleep…",
        Language::Es => "Érase una vez una estrellita que no podía dormir…",
        Language::Fr => "Il était une fois une petite étoile qui n'arrivait pas à dormir…",
        Language::De => "Es war einmal ein kleiner Stern, der nicht einschlafen konnte…",
        Language::It => "C'era una volta una piccola stella che non riusciva a dormire…",
    }
}

/// `voice` speaking [`sample_line`] in `language`, as Ogg Vorbis in base64 with its measured
/// length.
pub async fn voice_sample(voice: Voice, language: Language) -> Result<VoiceSample, CoreError> {
    let request = NarrationRequest {
        text: sample_line(language).to_owned(),
        // Same wire ids on both sides, whichever crate owns the catalogue.
        voice: voice.id().parse().unwrap_or_default(),
        language: language
            .id()
            .parse()
            .unwrap_or(infinite_stories_storyteller::Language::En),
    };
    let out = tokio::task::spawn_blocking(move || OfflineNarrator::new().narrate_now(&request))
        .await
        .map_err(|e| CoreError::Storage(format!("the narrator stopped: {e}")))?
        .map_err(|e| CoreError::Server {
            status: e.http_status(),
            code: Some(e.code().to_owned()),
            message: Some(e.to_string()),
            request_id: None,
        })?;
    Ok(VoiceSample {
        mime: out.format.mime().to_owned(),
        base64: base64::engine::general_purpose::STANDARD.encode(&out.bytes),
        seconds: out.duration_seconds,
    })
}

#[cfg(test)]
mod tests {
    use base64::Engine as _;

    use super::*;

    #[tokio::test]
    async fn each_voice_speaks_a_short_decodable_line_of_its_own() {
        let mut seen = std::collections::HashSet::new();
        for &voice in [Voice::Coral, Voice::Onyx].iter() {
            for &language in Language::ALL {
                let sample = voice_sample(voice, language).await.unwrap();
                assert_eq!(sample.mime, "audio/ogg");
                assert!(
                    (1.5..8.0).contains(&sample.seconds),
                    "{voice} {language}: {} s",
                    sample.seconds
                );
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(&sample.base64)
                    .unwrap();
                assert!(bytes.starts_with(b"OggS"), "an Ogg stream");
                assert!(seen.insert(bytes), "{voice} {language} sounds like another");
            }
        }
    }
}
