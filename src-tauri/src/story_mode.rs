//! Settings → Advanced: how stories are made. Either the backend's functions (the default) or
//! the app itself calling an OpenAI-compatible provider with the family's key ("direct"); in
//! "automatic" the contract's rollout ([`decide_mode`]) puts a stable share of families on the
//! backend. The settings live in settings.json; the provider's key only in the keyring, and a
//! direct story without a usable provider falls back to the backend in automatic mode (and is
//! refused, saying what to add, when direct was chosen explicitly).

use std::time::Duration;

use infinite_stories_contract::rollout::{bucket, decide_mode};
use infinite_stories_contract::{StoryMode, StoryModeChoice, StoryModeSettings, StoryModeStatus};
use infinite_stories_core::secrets::{ExposeSecret, SecretStore, SecretString};
use infinite_stories_core::stories::flow::direct::DirectProviders;
use infinite_stories_core::{Core, CoreError, GenerateRequest, StoryDetail};
use infinite_stories_storyteller::OpenAiConfig;
use infinite_stories_storyteller::openai::is_loopback;
use tauri::{AppHandle, Runtime};

use crate::{IpcError, preferences};

/// The keyring entry of the direct provider's key.
pub const PROVIDER_KEY: &str = "direct-provider-api-key";
/// The settings.json key.
const STORY_MODE: &str = "storyMode";
/// A provider may take minutes for a long story or a picture.
const TIMEOUT: Duration = Duration::from_secs(180);

/// The saved settings (the defaults until the family saves some).
pub fn settings<R: Runtime>(app: &AppHandle<R>) -> Result<StoryModeSettings, IpcError> {
    Ok(preferences::get(app, STORY_MODE)?.unwrap_or_default())
}

/// The provider's key from the keyring, if there is one.
fn key(secrets: &dyn SecretStore) -> Result<Option<String>, IpcError> {
    Ok(secrets
        .get(PROVIDER_KEY)
        .map_err(|e| IpcError::from(CoreError::from(e)))?
        .map(|k| k.expose_secret().to_owned()))
}

/// The mode `user_id`'s next story uses and why.
pub fn status(
    settings: StoryModeSettings,
    has_key: bool,
    user_id: Option<&str>,
) -> StoryModeStatus {
    let ready = has_key || is_loopback(&settings.base_url);
    let (mode, reason) = match (settings.choice, user_id) {
        (StoryModeChoice::Backend, _) => {
            (StoryMode::Backend, "Always the story server.".to_owned())
        }
        (StoryModeChoice::Direct, _) => (StoryMode::Direct, "Always the provider.".to_owned()),
        (StoryModeChoice::Automatic, None) => (
            StoryMode::Backend,
            "Automatic: decided once you are signed in.".to_owned(),
        ),
        (StoryModeChoice::Automatic, Some(user)) => match decide_mode(user, &settings) {
            StoryMode::Backend => (
                StoryMode::Backend,
                format!(
                    "Automatic: this family is among the {} % on the story server.",
                    settings.rollout_percent
                ),
            ),
            StoryMode::Direct if ready => (
                StoryMode::Direct,
                "Automatic: this family's stories come from the provider.".to_owned(),
            ),
            StoryMode::Direct => (
                StoryMode::Backend,
                "Automatic: the provider has no key yet, so the story server makes the stories."
                    .to_owned(),
            ),
        },
    };
    StoryModeStatus {
        bucket: user_id.map(bucket),
        settings,
        has_key,
        mode,
        reason,
    }
}

/// What Settings → Advanced shows for the signed-in family.
pub fn current<R: Runtime>(app: &AppHandle<R>, core: &Core) -> Result<StoryModeStatus, IpcError> {
    let user = core.session().map(|s| s.user_id);
    let has_key = key(core.secrets().as_ref())?.is_some();
    Ok(status(settings(app)?, has_key, user.as_deref()))
}

/// Checks and tidies settings typed in Settings → Advanced; the messages say what to change.
pub fn check(mut settings: StoryModeSettings) -> Result<StoryModeSettings, IpcError> {
    let invalid = |m: &str| IpcError::from(CoreError::Validation(m.to_owned()));
    settings.base_url = settings.base_url.trim().trim_end_matches('/').to_owned();
    for model in [
        &mut settings.chat_model,
        &mut settings.speech_model,
        &mut settings.image_model,
    ] {
        *model = model.trim().to_owned();
        if model.is_empty() {
            return Err(invalid(
                "Give each model's name as the provider knows it, e.g. gpt-4o-mini, gpt-4o-mini-tts, gpt-image-1.",
            ));
        }
    }
    if !(settings.base_url.starts_with("https://") || settings.base_url.starts_with("http://")) {
        return Err(invalid(
            "The provider's address starts with https://, e.g. https://api.openai.com/v1.",
        ));
    }
    if settings.base_url.starts_with("http://") && !is_loopback(&settings.base_url) {
        return Err(invalid(
            "Plain http is only for a provider on this computer (127.0.0.1 or localhost): the key would travel unencrypted. Use https.",
        ));
    }
    if settings.rollout_percent > 100 {
        return Err(invalid("The rollout share is a percentage from 0 to 100."));
    }
    Ok(settings)
}

/// Saves Settings → Advanced; a non-empty `api_key` goes to the keyring (never settings.json).
pub fn save<R: Runtime>(
    app: &AppHandle<R>,
    core: &Core,
    settings: StoryModeSettings,
    api_key: Option<String>,
) -> Result<StoryModeStatus, IpcError> {
    let settings = check(settings)?;
    if let Some(key) = api_key
        .map(|k| k.trim().to_owned())
        .filter(|k| !k.is_empty())
    {
        core.secrets()
            .set(PROVIDER_KEY, &SecretString::from(key))
            .map_err(|e| IpcError::from(CoreError::from(e)))?;
    }
    preferences::put(app, STORY_MODE, &settings)?;
    current(app, core)
}

/// Deletes the provider's key from the keyring.
pub fn forget_key(secrets: &dyn SecretStore) -> Result<(), IpcError> {
    secrets
        .delete(PROVIDER_KEY)
        .map_err(|e| IpcError::from(CoreError::from(e)))
}

/// Makes a story the way Settings → Advanced says for the signed-in family.
pub async fn generate<R: Runtime>(
    app: &AppHandle<R>,
    core: &Core,
    request: GenerateRequest,
) -> Result<StoryDetail, IpcError> {
    let user = core.ensure_session().await?.user_id;
    let settings = settings(app)?;
    let key = key(core.secrets().as_ref())?;
    let status = status(settings.clone(), key.is_some(), Some(&user));
    if status.mode == StoryMode::Backend {
        return Ok(core.generate_story(request).await?);
    }
    if key.is_none() && !is_loopback(&settings.base_url) {
        return Err(CoreError::Validation(
            "Stories are set to come from the provider, but it has no key yet. Add the key in Settings → Advanced, or choose the story server there.".into(),
        )
        .into());
    }
    let providers = DirectProviders::openai(OpenAiConfig {
        base_url: settings.base_url,
        api_key: key,
        chat_model: settings.chat_model,
        speech_model: settings.speech_model,
        image_model: settings.image_model,
        timeout: TIMEOUT,
    })?;
    tracing::info!(provider = %providers.name, "story made in direct-provider mode");
    Ok(core.generate_story_direct(request, providers).await?)
}
