//! Commands of Settings → Voices: the natural voices installed and available per language
//! (size, licence), downloading one with progress (`voices://progress`) that can be cancelled
//! and is checked against the catalogue's checksums, importing files the family has, removing
//! one, a sample sentence in one, the ONNX Runtime library they run on, and the catalogue's
//! address. Changes are behind the parent lock.

use base64::Engine as _;
use infinite_stories_contract::{
    InstalledVoicePack, VoiceCatalogue, VoiceRuntime, VoiceSample, VoicesOverview,
};
use infinite_stories_core::CoreError;
use infinite_stories_storyteller::NarrationRequest;
use infinite_stories_storyteller::voices::{RuntimeSource, VoiceDownloader};
use tauri::{AppHandle, Emitter, Runtime, State};

use crate::voice_packs::{self, VoicePacks};
use crate::{IpcError, events, parent_lock, preferences};

/// Installed voices, the runtime, and which engine reads each voice in each language.
#[tauri::command(async)]
pub fn voices<R: Runtime>(
    app: AppHandle<R>,
    packs: State<'_, VoicePacks>,
) -> Result<VoicesOverview, IpcError> {
    Ok(packs.overview(&preferences::voice_catalogue(&app)?))
}

/// The voices the catalogue offers in the app's languages, open licences first.
#[tauri::command]
pub async fn voice_catalogue<R: Runtime>(
    app: AppHandle<R>,
    packs: State<'_, VoicePacks>,
) -> Result<VoiceCatalogue, IpcError> {
    let url = preferences::voice_catalogue(&app)?;
    let catalogue = VoiceDownloader::new(&url).catalogue().await?;
    let installed = packs.library().installed();
    let voices = infinite_stories_contract::Language::ALL
        .iter()
        .flat_map(|l| catalogue.for_language(*l))
        .filter_map(|v| voice_packs::available(v, &installed))
        .collect();
    Ok(VoiceCatalogue { url, voices })
}

/// Where voices are downloaded from (`null`: the official Piper catalogue).
#[tauri::command(async)]
pub fn set_voice_catalogue<R: Runtime>(
    app: AppHandle<R>,
    packs: State<'_, VoicePacks>,
    url: Option<String>,
) -> Result<VoicesOverview, IpcError> {
    parent_lock::guard(&app)?;
    let url = url.map(|u| voice_packs::check_catalogue_url(&u)).transpose()?;
    preferences::set_voice_catalogue(&app, url.as_deref())?;
    voices(app, packs)
}

/// Downloads one voice of the catalogue (progress on `voices://progress`), checks it and
/// installs it. A cancelled or cut download keeps its part and resumes next time.
#[tauri::command]
pub async fn download_voice<R: Runtime>(
    app: AppHandle<R>,
    packs: State<'_, VoicePacks>,
    key: String,
) -> Result<InstalledVoicePack, IpcError> {
    parent_lock::guard(&app)?;
    let download = packs.begin(&key)?;
    let downloader = VoiceDownloader::new(preferences::voice_catalogue(&app)?);
    let catalogue = downloader.catalogue().await?;
    let voice = catalogue.voice(&key)?;
    let progress = voice_packs::throttled(move |p| {
        let _ = app.emit(events::VOICE_PROGRESS, p);
    });
    let installed = downloader
        .install(packs.library(), voice, &progress, download.cancel())
        .await?;
    Ok(voice_packs::installed(&installed))
}

/// Fetches the ONNX Runtime library natural voices run on (progress on `voices://progress`,
/// item `runtime`).
#[tauri::command]
pub async fn download_voice_runtime<R: Runtime>(
    app: AppHandle<R>,
    packs: State<'_, VoicePacks>,
) -> Result<VoiceRuntime, IpcError> {
    parent_lock::guard(&app)?;
    let source = RuntimeSource::official().ok_or_else(|| {
        IpcError::from(CoreError::Validation(
            "There is no ONNX Runtime download for this computer. Install ONNX Runtime and set \
             INFINITE_STORIES_ONNXRUNTIME to its library."
                .into(),
        ))
    })?;
    let download = packs.begin("runtime")?;
    let downloader = VoiceDownloader::new(preferences::voice_catalogue(&app)?);
    let progress = voice_packs::throttled(move |p| {
        let _ = app.emit(events::VOICE_PROGRESS, p);
    });
    downloader
        .install_runtime(packs.library(), &source, &progress, download.cancel())
        .await?;
    Ok(packs.runtime())
}

/// Stops the download of `item` (a voice key or `runtime`); `false` when none runs.
#[tauri::command(async)]
pub fn cancel_voice_download(packs: State<'_, VoicePacks>, item: String) -> bool {
    packs.cancel(&item)
}

/// Installs voice files the family already has: the `.onnx` model, its `.onnx.json`, and the
/// model card when there is one (paths from the file picker).
#[tauri::command(async)]
pub fn import_voice<R: Runtime>(
    app: AppHandle<R>,
    packs: State<'_, VoicePacks>,
    model: String,
    config: String,
    card: Option<String>,
) -> Result<InstalledVoicePack, IpcError> {
    parent_lock::guard(&app)?;
    let voice = packs.library().import(
        model.as_ref(),
        config.as_ref(),
        card.as_deref().map(AsRef::as_ref),
    )?;
    Ok(voice_packs::installed(&voice))
}

/// Deletes an installed voice; its language goes back to espeak-ng if it was the last.
#[tauri::command(async)]
pub fn remove_voice<R: Runtime>(
    app: AppHandle<R>,
    packs: State<'_, VoicePacks>,
    key: String,
) -> Result<VoicesOverview, IpcError> {
    parent_lock::guard(&app)?;
    packs.library().remove(&key)?;
    voices(app, packs)
}

/// One bedtime line read by an installed voice, to hear it before a story.
#[tauri::command]
pub async fn natural_voice_sample(
    packs: State<'_, VoicePacks>,
    key: String,
) -> Result<VoiceSample, IpcError> {
    let voice = packs
        .library()
        .installed()
        .into_iter()
        .find(|v| v.key == key)
        .ok_or_else(|| {
            IpcError::from(infinite_stories_storyteller::voices::VoiceError::NotInstalled(
                key.clone(),
            ))
        })?;
    let narrator = packs.narrator().clone();
    let request = NarrationRequest {
        text: infinite_stories_core::voice_sample::sample_line(voice.language).to_owned(),
        voice: infinite_stories_contract::Voice::Coral,
        language: voice.language,
    };
    let out = tauri::async_runtime::spawn_blocking(move || narrator.narrate_in(&request, &voice))
        .await
        .map_err(|e| IpcError::from(CoreError::Storage(format!("the narrator stopped: {e}"))))?
        .map_err(|e| IpcError::from(CoreError::Storage(format!("{e}. Try another voice, or remove this one and download it again."))))?;
    Ok(VoiceSample {
        mime: out.format.mime().to_owned(),
        base64: base64::engine::general_purpose::STANDARD.encode(&out.bytes),
        seconds: out.duration_seconds,
    })
}
