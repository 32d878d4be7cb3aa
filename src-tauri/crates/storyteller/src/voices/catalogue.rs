//! The catalogue of voices one can download, in Piper's `voices.json` format: a map from keys
//! (`en_US-joe-medium`) to the voice's language, quality, speakers and `files` (path relative to
//! the catalogue → `size_bytes`, `md5_digest`). Our own catalogues may add a `licence` per voice
//! and a `sha256_digest` per file; the official one has neither, so licences come from the model
//! card (see `licence.rs`).

use std::collections::BTreeMap;

use serde::Deserialize;

use super::licence::{self, Licence};
use super::{VoiceError, quality_rank};
use crate::Language;

/// Piper's official catalogue (Hugging Face `rhasspy/piper-voices`).
pub const DEFAULT_CATALOGUE_URL: &str =
    "https://huggingface.co/rhasspy/piper-voices/resolve/main/voices.json";

/// One downloadable file of a voice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueFile {
    /// Path relative to the catalogue, e.g. `en/en_US/joe/medium/en_US-joe-medium.onnx`.
    pub path: String,
    /// Where to get it.
    pub url: String,
    /// Its size.
    pub size_bytes: u64,
    /// Hex MD5 (Piper's catalogue).
    pub md5: Option<String>,
    /// Hex SHA-256 (our catalogues).
    pub sha256: Option<String>,
}

/// A voice one can download.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogueVoice {
    /// `en_US-joe-medium`.
    pub key: String,
    /// `joe`.
    pub name: String,
    /// `en_US`.
    pub locale: String,
    /// The app's language, when it speaks this one.
    pub language: Option<Language>,
    /// `x_low` … `high`.
    pub quality: String,
    /// Speakers in the model.
    pub speakers: u32,
    /// Model, config and model card.
    pub files: Vec<CatalogueFile>,
    /// From the catalogue or the list of known voices; `None` until the model card is read.
    pub licence: Option<Licence>,
}

impl CatalogueVoice {
    /// Bytes to download.
    pub fn size_bytes(&self) -> u64 {
        self.files.iter().map(|f| f.size_bytes).sum()
    }

    /// The file whose name ends with `suffix` (`.onnx`, `.onnx.json`, `MODEL_CARD`).
    pub fn file(&self, suffix: &str) -> Option<&CatalogueFile> {
        self.files.iter().find(|f| f.path.ends_with(suffix))
    }
}

/// A parsed catalogue.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Catalogue {
    voices: Vec<CatalogueVoice>,
}

#[derive(Deserialize)]
struct RawVoice {
    key: Option<String>,
    name: Option<String>,
    language: RawLanguage,
    quality: Option<String>,
    #[serde(default)]
    num_speakers: u32,
    files: BTreeMap<String, RawFile>,
    #[serde(alias = "license")]
    licence: Option<String>,
}

#[derive(Deserialize)]
struct RawLanguage {
    code: String,
}

#[derive(Deserialize)]
struct RawFile {
    size_bytes: u64,
    md5_digest: Option<String>,
    sha256_digest: Option<String>,
    url: Option<String>,
}

impl Catalogue {
    /// Parses a catalogue fetched from `url` (file paths are relative to its folder).
    pub fn parse(json: &str, url: &str) -> Result<Catalogue, VoiceError> {
        let raw: BTreeMap<String, RawVoice> =
            serde_json::from_str(json).map_err(|e| VoiceError::Network {
                url: url.to_string(),
                message: format!("this is not a voice catalogue (Piper's voices.json format): {e}"),
                status: None,
            })?;
        let base = url.rsplit_once('/').map_or("", |(b, _)| b);
        let voices = raw
            .into_iter()
            .map(|(map_key, v)| {
                let key = v.key.unwrap_or(map_key);
                let (name, quality) = super::split_key(&key)
                    .map(|(_, n, q)| (n.to_string(), q.to_string()))
                    .unwrap_or_default();
                let licence = v
                    .licence
                    .as_deref()
                    .map(Licence::named)
                    .or_else(|| licence::known(&key));
                CatalogueVoice {
                    name: v.name.unwrap_or(name),
                    quality: v.quality.unwrap_or(quality),
                    language: super::language_of(&v.language.code),
                    locale: v.language.code,
                    speakers: v.num_speakers.max(1),
                    files: v
                        .files
                        .into_iter()
                        .map(|(path, f)| CatalogueFile {
                            url: f.url.unwrap_or_else(|| format!("{base}/{path}")),
                            path,
                            size_bytes: f.size_bytes,
                            md5: f.md5_digest.map(|d| d.to_ascii_lowercase()),
                            sha256: f.sha256_digest.map(|d| d.to_ascii_lowercase()),
                        })
                        .collect(),
                    licence,
                    key,
                }
            })
            .filter(|v| v.file(".onnx").is_some() && v.file(".onnx.json").is_some())
            .collect();
        Ok(Catalogue { voices })
    }

    /// Every voice.
    pub fn voices(&self) -> &[CatalogueVoice] {
        &self.voices
    }

    /// One voice by key.
    pub fn voice(&self, key: &str) -> Result<&CatalogueVoice, VoiceError> {
        self.voices
            .iter()
            .find(|v| v.key == key)
            .ok_or_else(|| VoiceError::NotInCatalogue(key.to_string()))
    }

    /// The voices of `language`, the ones to offer first at the top: openly licensed, then
    /// unknown, then restricted; medium quality before high, low and x_low; then by key.
    pub fn for_language(&self, language: Language) -> Vec<&CatalogueVoice> {
        let mut voices: Vec<&CatalogueVoice> = self
            .voices
            .iter()
            .filter(|v| v.language == Some(language))
            .collect();
        voices.sort_by_key(|v| {
            (
                v.licence.as_ref().map_or(1, |l| l.openness.rank()),
                quality_rank(&v.quality),
                v.key.clone(),
            )
        });
        voices
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::voices::Openness;

    const PIPER: &str = r#"{
      "en_US-joe-medium": {"key": "en_US-joe-medium", "name": "joe",
        "language": {"code": "en_US", "family": "en", "region": "US"},
        "quality": "medium", "num_speakers": 1, "speaker_id_map": {}, "aliases": [],
        "files": {
          "en/en_US/joe/medium/en_US-joe-medium.onnx": {"size_bytes": 63201294, "md5_digest": "ABC"},
          "en/en_US/joe/medium/en_US-joe-medium.onnx.json": {"size_bytes": 4794, "md5_digest": "def"},
          "en/en_US/joe/medium/MODEL_CARD": {"size_bytes": 280, "md5_digest": "123"}}},
      "en_US-lessac-high": {"key": "en_US-lessac-high", "name": "lessac",
        "language": {"code": "en_US"}, "quality": "high", "num_speakers": 1,
        "files": {"a/en_US-lessac-high.onnx": {"size_bytes": 1}, "a/en_US-lessac-high.onnx.json": {"size_bytes": 1}}},
      "en_GB-nc-medium": {"language": {"code": "en_GB"}, "licence": "CC BY-NC 4.0",
        "files": {"b/en_GB-nc-medium.onnx": {"size_bytes": 1}, "b/en_GB-nc-medium.onnx.json": {"size_bytes": 1}}},
      "fr_FR-siwis-medium": {"language": {"code": "fr_FR"},
        "files": {"c/fr_FR-siwis-medium.onnx": {"size_bytes": 1}, "c/fr_FR-siwis-medium.onnx.json": {"size_bytes": 1}}},
      "zh_CN-huayan-medium": {"language": {"code": "zh_CN"},
        "files": {"d/zh.onnx": {"size_bytes": 1}, "d/zh.onnx.json": {"size_bytes": 1}}},
      "en_US-broken-low": {"language": {"code": "en_US"}, "files": {"x/MODEL_CARD": {"size_bytes": 1}}}
    }"#;

    #[test]
    fn pipers_format_parses_with_urls_sizes_and_digests() {
        let c = Catalogue::parse(PIPER, "http://127.0.0.1:9/piper/voices.json").unwrap();
        let joe = c.voice("en_US-joe-medium").unwrap();
        assert_eq!(joe.size_bytes(), 63_201_294 + 4_794 + 280);
        let model = joe.file(".onnx").unwrap();
        assert_eq!(
            model.url,
            "http://127.0.0.1:9/piper/en/en_US/joe/medium/en_US-joe-medium.onnx"
        );
        assert_eq!(model.md5.as_deref(), Some("abc"));
        assert_eq!(joe.language, Some(Language::En));
        assert_eq!(joe.licence.as_ref().unwrap().openness, Openness::Open);
        assert!(c.voice("en_US-broken-low").is_err(), "no model: left out");
        assert!(matches!(
            c.voice("xx").unwrap_err(),
            VoiceError::NotInCatalogue(_)
        ));
    }

    #[test]
    fn open_voices_come_first_in_each_language() {
        let c = Catalogue::parse(PIPER, "http://h/voices.json").unwrap();
        let en: Vec<&str> = c
            .for_language(Language::En)
            .iter()
            .map(|v| v.key.as_str())
            .collect();
        assert_eq!(
            en,
            ["en_US-joe-medium", "en_US-lessac-high", "en_GB-nc-medium"]
        );
        assert_eq!(c.for_language(Language::Fr).len(), 1);
        assert!(c.for_language(Language::De).is_empty());
    }

    #[test]
    fn a_page_that_is_not_a_catalogue_says_so() {
        let err = Catalogue::parse("<html>", "http://h/voices.json").unwrap_err();
        assert!(err.to_string().contains("voices.json"), "{err}");
    }
}
