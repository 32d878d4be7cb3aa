//! What Settings → Voices and Settings → "Who writes the stories" exchange with the shell: the
//! natural voices installed and available per language (size, licence), the runtime they need,
//! which engine narrates each of the seven voices, download progress, and the local model
//! chosen to write stories. Plain data: the storyteller crate does the work.

use serde::{Deserialize, Serialize};

use crate::{Language, Voice};

/// How freely a voice may be used and shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum VoiceOpenness {
    /// Public domain, CC0, CC BY(-SA), MIT, Apache.
    Open,
    /// Non-commercial or research-only: fine for a family, never bundled.
    Restricted,
    /// Could not be read (treated as restricted).
    Unknown,
}

/// A voice's licence as written, and what it allows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct VoiceLicence {
    /// E.g. `CC0`, `CC BY-NC-SA 4.0`.
    pub name: String,
    /// What it allows.
    pub openness: VoiceOpenness,
}

/// A natural voice on this computer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct InstalledVoicePack {
    /// Piper's key, e.g. `en_US-joe-medium`.
    pub key: String,
    /// The story language it reads.
    pub language: Language,
    /// `en_US`.
    pub locale: String,
    /// `x_low`, `low`, `medium`, `high`.
    pub quality: String,
    /// Bytes on disk.
    pub size_bytes: u64,
    /// Its licence.
    pub licence: VoiceLicence,
    /// Speakers in the model.
    pub speakers: u32,
}

/// A voice one can download from the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AvailableVoicePack {
    /// Piper's key.
    pub key: String,
    /// `joe`.
    pub name: String,
    /// The story language it reads.
    pub language: Language,
    /// `en_US`.
    pub locale: String,
    /// `x_low` … `high`.
    pub quality: String,
    /// Bytes to download.
    pub size_bytes: u64,
    /// Speakers in the model.
    pub speakers: u32,
    /// From the catalogue or the list of known voices; `null`: "see the model card", read when
    /// it is downloaded.
    pub licence: Option<VoiceLicence>,
    /// Whether it is installed already.
    pub installed: bool,
}

/// The voices a catalogue offers in the app's languages, open licences first per language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct VoiceCatalogue {
    /// Where it came from.
    pub url: String,
    /// Every voice in a language the app speaks.
    pub voices: Vec<AvailableVoicePack>,
}

/// Which engine reads one of the seven voices in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct VoiceNarrator {
    /// The app's voice.
    pub voice: Voice,
    /// The story language.
    pub language: Language,
    /// The installed natural voice that reads it; `null`: espeak-ng.
    pub natural: Option<String>,
    /// The speaker of a multi-speaker model.
    pub speaker: Option<u32>,
}

/// The ONNX Runtime library natural voices run on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct VoiceRuntime {
    /// Where the library was found; `null` when it is missing.
    pub path: Option<String>,
    /// Bytes to download when it can be fetched for this computer; `null` when it cannot (then
    /// the family points `INFINITE_STORIES_ONNXRUNTIME` at one they have).
    pub download_bytes: Option<u64>,
}

/// Everything Settings → Voices shows without the network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct VoicesOverview {
    /// Whether natural voices can narrate on this computer (Linux with the `neural` engine);
    /// when not, `unsupported` says why.
    pub supported: bool,
    /// Why natural voices cannot narrate here.
    pub unsupported: Option<String>,
    /// The installed voices, by language then key.
    pub installed: Vec<InstalledVoicePack>,
    /// The runtime.
    pub runtime: VoiceRuntime,
    /// Which engine reads each voice in each language (7 × 5).
    pub narrators: Vec<VoiceNarrator>,
    /// The catalogue downloads come from.
    pub catalogue_url: String,
    /// The official Piper catalogue (the default).
    pub default_catalogue_url: String,
}

/// Where a download stands (`voices://progress`, after every chunk).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct VoiceDownloadProgress {
    /// The voice key, or `runtime`.
    pub item: String,
    /// The file being fetched.
    pub file: String,
    /// Bytes on disk so far (resumed bytes included).
    pub downloaded: u64,
    /// Bytes of the whole item.
    pub total: u64,
}

/// Who writes the stories on the embedded backend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", tag = "mode")]
pub enum WriterChoice {
    /// The built-in writer (default; no network).
    #[default]
    Offline,
    /// A local OpenAI-compatible server (Ollama, llama.cpp's server); the built-in writer takes
    /// over when its answer is unusable. A key, when one is needed, is in the keyring.
    #[serde(rename_all = "camelCase")]
    LocalModel {
        /// Base URL including `/v1`, e.g. `http://127.0.0.1:11434/v1`.
        base_url: String,
        /// The model's name on that server, e.g. `llama3.1`.
        model: String,
        /// Whether a key is kept in the keyring for it (never the key itself).
        has_key: bool,
    },
}

/// What "Test" found on a local model server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LocalModelProbe {
    /// The server answered `/models`.
    pub reachable: bool,
    /// The models it serves.
    pub models: Vec<String>,
    /// Whether the chosen model is among them.
    pub model_found: bool,
    /// In words: what was found and what to do.
    pub message: String,
}
