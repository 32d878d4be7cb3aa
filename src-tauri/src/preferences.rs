//! The family's preferences that are not secrets, in `settings.json` in the app's data folder
//! (tauri-plugin-store), behind a small typed accessor: story defaults, theme, UI language,
//! verbose logging and the remembered backend (`{mode, url}`; its anon key is in the keyring).
//! Every default lives here and nowhere else. A value edited by hand into something the app
//! cannot use reads as the default. Until the family saves story defaults, new stories are in
//! the app's language (the one chosen in Settings, else this computer's).

use std::path::PathBuf;
use std::sync::Arc;

use infinite_stories_contract::{Language, StoryDefaults, WriterChoice};
use infinite_stories_core::ErrorCode;
use infinite_stories_core::settings::{BackendChoice, Theme};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_store::{Store, StoreExt};

use crate::IpcError;

/// Where the settings file is (managed state; the app's data folder, a temporary one in tests).
#[derive(Clone, Debug)]
pub struct SettingsFile(pub PathBuf);

/// This computer's language, the nearest of the five (managed state, read once at start; an app
/// without it, as in tests, takes English).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SystemLanguage(pub Language);

impl SystemLanguage {
    /// Reads the system's preferred locales (`LANG`/`LC_*` on Linux, the user's languages on
    /// macOS and Windows).
    pub fn detect() -> Self {
        SystemLanguage(nearest_language(sys_locale::get_locales()))
    }
}

/// The first of `tags` (BCP 47 or POSIX: `fr-CA`, `de_AT.UTF-8`) whose language is one of the
/// five; English when none is (`pt-BR`, `C`).
pub fn nearest_language(tags: impl IntoIterator<Item = impl AsRef<str>>) -> Language {
    tags.into_iter()
        .find_map(|tag| {
            let primary = tag.as_ref().split(['-', '_', '.', '@']).next()?;
            primary.to_ascii_lowercase().parse::<Language>().ok()
        })
        .unwrap_or(Language::En)
}

/// The key of the story defaults in the file.
const STORY_DEFAULTS: &str = "storyDefaults";
/// The other keys.
const THEME: &str = "theme";
const UI_LANGUAGE: &str = "uiLanguage";
const VERBOSE: &str = "verboseLogging";
const BACKEND: &str = "backend";
const VOICE_CATALOGUE: &str = "voiceCatalogueUrl";
const WRITER: &str = "writer";

/// A saved value of type `T`, or `None` when absent or unusable.
pub fn get<R: Runtime, T: serde::de::DeserializeOwned>(
    app: &AppHandle<R>,
    key: &str,
) -> Result<Option<T>, IpcError> {
    Ok(open(app)?
        .get(key)
        .and_then(|v| serde_json::from_value(v).ok()))
}

/// Saves `value` under `key`.
pub fn put<R: Runtime, T: serde::Serialize>(
    app: &AppHandle<R>,
    key: &str,
    value: &T,
) -> Result<(), IpcError> {
    let store = open(app)?;
    store.set(key, serde_json::to_value(value).unwrap_or_default());
    store.save().map_err(unsaved)
}

/// Day / night / auto.
pub fn theme<R: Runtime>(app: &AppHandle<R>) -> Result<Theme, IpcError> {
    Ok(get(app, THEME)?.unwrap_or_default())
}

/// Saves the theme.
pub fn set_theme<R: Runtime>(app: &AppHandle<R>, theme: Theme) -> Result<(), IpcError> {
    put(app, THEME, &theme)
}

/// The UI language; `None` follows the system.
pub fn ui_language<R: Runtime>(app: &AppHandle<R>) -> Result<Option<Language>, IpcError> {
    get(app, UI_LANGUAGE)
}

/// Saves the UI language (`None` = follow the system).
pub fn set_ui_language<R: Runtime>(
    app: &AppHandle<R>,
    language: Option<Language>,
) -> Result<(), IpcError> {
    put(app, UI_LANGUAGE, &language)
}

/// Whether request bodies are logged.
pub fn verbose_logging<R: Runtime>(app: &AppHandle<R>) -> Result<bool, IpcError> {
    Ok(get(app, VERBOSE)?.unwrap_or(false))
}

/// Saves verbose logging.
pub fn set_verbose_logging<R: Runtime>(app: &AppHandle<R>, on: bool) -> Result<(), IpcError> {
    put(app, VERBOSE, &on)
}

/// The remembered backend (embedded by default).
pub fn backend<R: Runtime>(app: &AppHandle<R>) -> Result<BackendChoice, IpcError> {
    Ok(get(app, BACKEND)?.unwrap_or_default())
}

/// Remembers the backend.
pub fn set_backend<R: Runtime>(app: &AppHandle<R>, choice: &BackendChoice) -> Result<(), IpcError> {
    put(app, BACKEND, choice)
}

/// Where natural voices are downloaded from (the official Piper catalogue by default).
pub fn voice_catalogue<R: Runtime>(app: &AppHandle<R>) -> Result<String, IpcError> {
    Ok(get::<R, String>(app, VOICE_CATALOGUE)?
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .unwrap_or_else(|| infinite_stories_storyteller::voices::DEFAULT_CATALOGUE_URL.to_owned()))
}

/// Saves the catalogue address (`None`: back to the official one).
pub fn set_voice_catalogue<R: Runtime>(
    app: &AppHandle<R>,
    url: Option<&str>,
) -> Result<(), IpcError> {
    put(app, VOICE_CATALOGUE, &url)
}

/// Who writes the stories (the built-in writer by default); never a key.
pub fn writer<R: Runtime>(app: &AppHandle<R>) -> Result<WriterChoice, IpcError> {
    Ok(get(app, WRITER)?.unwrap_or_default())
}

/// Remembers who writes the stories.
pub fn set_writer<R: Runtime>(app: &AppHandle<R>, choice: &WriterChoice) -> Result<(), IpcError> {
    put(app, WRITER, choice)
}

/// Forgets every setting (erasing all data).
pub fn clear<R: Runtime>(app: &AppHandle<R>) -> Result<(), IpcError> {
    let store = open(app)?;
    store.clear();
    store.save().map_err(unsaved)
}

/// What a new story starts with: the saved defaults, or the app's (coral, 7 minutes, illustrated,
/// in the app's language) when none are saved or the saved ones are unusable.
pub fn story_defaults<R: Runtime>(app: &AppHandle<R>) -> Result<StoryDefaults, IpcError> {
    let saved = open(app)?.get(STORY_DEFAULTS);
    Ok(saved
        .and_then(
            |value| match serde_json::from_value::<StoryDefaults>(value) {
                Ok(d) if d.validate().is_ok() => Some(d),
                _ => {
                    tracing::warn!("saved story defaults are unusable; using the app's");
                    None
                }
            },
        )
        .unwrap_or_else(|| StoryDefaults {
            language: app_language(app),
            ..StoryDefaults::default()
        }))
}

/// The UI's language: the one chosen in Settings, else this computer's.
fn app_language<R: Runtime>(app: &AppHandle<R>) -> Language {
    ui_language(app).ok().flatten().unwrap_or_else(|| {
        app.try_state::<SystemLanguage>()
            .map_or(Language::En, |s| s.0)
    })
}

/// Checks and saves new story defaults, returning them.
pub fn set_story_defaults<R: Runtime>(
    app: &AppHandle<R>,
    defaults: StoryDefaults,
) -> Result<StoryDefaults, IpcError> {
    defaults.validate()?;
    let store = open(app)?;
    store.set(
        STORY_DEFAULTS,
        serde_json::to_value(defaults).unwrap_or_default(),
    );
    store.save().map_err(unsaved)?;
    Ok(defaults)
}

fn open<R: Runtime>(app: &AppHandle<R>) -> Result<Arc<Store<R>>, IpcError> {
    let path = app
        .try_state::<SettingsFile>()
        .map(|f| f.0.clone())
        .ok_or_else(|| unsaved("no settings file is configured"))?;
    app.store(path).map_err(unsaved)
}

fn unsaved(e: impl std::fmt::Display) -> IpcError {
    IpcError {
        code: ErrorCode::Storage,
        message: format!(
            "The app could not use its settings file ({e}). Check that its data folder is writable."
        ),
        retryable: true,
        retry_after: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_language_maps_to_the_nearest_of_the_five() {
        assert_eq!(nearest_language(["fr-CA"]), Language::Fr);
        assert_eq!(nearest_language(["de_AT.UTF-8"]), Language::De);
        assert_eq!(nearest_language(["pt-BR", "it-IT"]), Language::It);
        assert_eq!(nearest_language(["ES"]), Language::Es);
        assert_eq!(nearest_language(["pt-BR"]), Language::En);
        assert_eq!(nearest_language(["C"]), Language::En);
        assert_eq!(nearest_language(Vec::<String>::new()), Language::En);
    }
}
