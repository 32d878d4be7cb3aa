//! Direct-provider mode (issue 13 part 4): stories made by the app itself calling an
//! OpenAI-compatible provider with the family's key, instead of the backend's functions. These
//! are the Settings → Advanced types that cross IPC: which mode the family chose, the provider's
//! address and models (never the key: that lives in the keyring only), and what the next story
//! will use. The choice between the two modes for "automatic" is [`crate::rollout`].

use serde::{Deserialize, Serialize};

/// Which way stories are made, as chosen in Settings → Advanced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum StoryModeChoice {
    /// By the rollout: a stable share of families ([`StoryModeSettings::rollout_percent`]) on
    /// the backend mode, the others direct.
    #[default]
    Automatic,
    /// Always the backend's functions.
    Backend,
    /// Always the provider, called from this app.
    Direct,
}

/// The way one story is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum StoryMode {
    /// The backend's functions write, narrate and draw.
    Backend,
    /// The app calls the provider, then writes the same rows and files to the backend.
    Direct,
}

/// Settings → Advanced, as saved in settings.json (no key here, ever).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default)]
pub struct StoryModeSettings {
    /// Automatic, always backend, always direct.
    pub choice: StoryModeChoice,
    /// In automatic mode, the share of families (0–100, by a hash of the user id) whose stories
    /// go through the backend's functions; the rest use the provider directly.
    pub rollout_percent: u8,
    /// The provider's OpenAI-compatible address, including `/v1`.
    pub base_url: String,
    /// The chat model that writes the story and its scenes.
    pub chat_model: String,
    /// The speech model that narrates.
    pub speech_model: String,
    /// The image model that draws the scenes.
    pub image_model: String,
}

impl Default for StoryModeSettings {
    /// Everyone on the backend mode (100 %) until the rollout is opened: nothing changes for a
    /// family that never opens Settings → Advanced.
    fn default() -> Self {
        StoryModeSettings {
            choice: StoryModeChoice::Automatic,
            rollout_percent: 100,
            base_url: "https://api.openai.com/v1".into(),
            chat_model: "gpt-4o-mini".into(),
            speech_model: "gpt-4o-mini-tts".into(),
            image_model: "gpt-image-1".into(),
        }
    }
}

/// What Settings → Advanced shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct StoryModeStatus {
    /// The saved settings.
    pub settings: StoryModeSettings,
    /// Whether a provider key is in the keyring (the key itself never leaves it).
    pub has_key: bool,
    /// This family's rollout bucket (0–99), when signed in.
    pub bucket: Option<u8>,
    /// The mode this family's next story will use.
    pub mode: StoryMode,
    /// Why the mode is what it is, in a sentence (e.g. "automatic: direct mode needs a key").
    pub reason: String,
}
