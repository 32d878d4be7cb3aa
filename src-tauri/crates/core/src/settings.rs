//! The Settings screen's shapes (the shell keeps them in `settings.json`; nothing secret is in
//! them: the anon key and the parent PIN's hash live in the keyring).

use infinite_stories_contract::{Language, StoryDefaults};
use serde::{Deserialize, Serialize};

use crate::session_file::SessionStorage;

/// Day, night, or as the system says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Theme {
    /// Follow the system.
    #[default]
    Auto,
    /// Light.
    Day,
    /// Dark.
    Night,
}

/// Where stories are made (the anon key never comes back).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "mode", rename_all = "camelCase")]
pub enum BackendChoice {
    /// The backend inside the app.
    #[default]
    Embedded,
    /// A Supabase project.
    Supabase {
        /// Its URL.
        url: String,
    },
}

/// Everything Settings shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// Where stories are made.
    pub backend: BackendChoice,
    /// What a new story starts with.
    pub story_defaults: StoryDefaults,
    /// Day / night / auto.
    pub theme: Theme,
    /// The UI's language; `null` follows the system.
    pub ui_language: Option<Language>,
    /// A parent PIN is set.
    pub parent_lock: bool,
    /// Request bodies are logged (redacted).
    pub verbose_logging: bool,
    /// Where the session is kept.
    pub session_storage: SessionStorage,
}

/// The parent lock's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ParentLock {
    /// A PIN is set.
    pub enabled: bool,
    /// Unix ms until which it stays unlocked (10 minutes after unlocking).
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub unlocked_until: Option<i64>,
}
