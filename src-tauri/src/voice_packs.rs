//! The natural voices of Settings → Voices as the app holds them: one [`VoicePacks`] (the voice
//! library in the data folder and the narrator that keeps loaded models, shared with the
//! embedded backend's providers), the downloads in flight with their Cancel handles (one per
//! voice at a time: two would share the `.partial` files), and the translation of the
//! storyteller's voice types into the contract's. The work itself is the storyteller's.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use infinite_stories_contract::{
    AvailableVoicePack, InstalledVoicePack, Language, Voice, VoiceDownloadProgress, VoiceLicence,
    VoiceNarrator, VoiceOpenness, VoiceRuntime, VoicesOverview,
};
use infinite_stories_core::ErrorCode;
use infinite_stories_storyteller::narrator::natural::{NarratorChoice, NaturalNarrator};
use infinite_stories_storyteller::voices::{
    Cancel, CatalogueVoice, DEFAULT_CATALOGUE_URL, DownloadProgress, InstalledVoice, Licence,
    Openness, RuntimeSource, VoiceError, VoiceLibrary,
};

use crate::IpcError;

/// The family's voices and the downloads in flight.
#[derive(Debug, Clone)]
pub struct VoicePacks {
    narrator: NaturalNarrator,
    downloads: Arc<Mutex<HashMap<String, Cancel>>>,
}

/// Removes a download from the in-flight list when it ends, however it ends.
#[derive(Debug)]
pub struct Download {
    item: String,
    cancel: Cancel,
    downloads: Arc<Mutex<HashMap<String, Cancel>>>,
}

impl Download {
    /// Its cancel handle.
    pub fn cancel(&self) -> &Cancel {
        &self.cancel
    }
}

impl Drop for Download {
    fn drop(&mut self) {
        if let Ok(mut d) = self.downloads.lock() {
            d.remove(&self.item);
        }
    }
}

impl VoicePacks {
    /// The voices under `data_dir` (`voices/`, `runtime/`).
    pub fn new(data_dir: impl Into<std::path::PathBuf>) -> Self {
        VoicePacks {
            narrator: NaturalNarrator::new(VoiceLibrary::new(data_dir)),
            downloads: Arc::default(),
        }
    }

    /// The library.
    pub fn library(&self) -> &VoiceLibrary {
        self.narrator.library()
    }

    /// The narrator (the embedded backend's providers use this one, so a model loaded for a
    /// sample stays loaded for the story).
    pub fn narrator(&self) -> &NaturalNarrator {
        &self.narrator
    }

    /// Starts a download of `item`, or says one is already running.
    pub fn begin(&self, item: &str) -> Result<Download, IpcError> {
        let mut downloads = self.downloads.lock().map_err(|_| busy(item))?;
        if downloads.contains_key(item) {
            return Err(busy(item));
        }
        let cancel = Cancel::new();
        downloads.insert(item.to_owned(), cancel.clone());
        Ok(Download {
            item: item.to_owned(),
            cancel,
            downloads: self.downloads.clone(),
        })
    }

    /// Cancels the download of `item`; `false` when none runs.
    pub fn cancel(&self, item: &str) -> bool {
        match self
            .downloads
            .lock()
            .ok()
            .and_then(|d| d.get(item).cloned())
        {
            Some(cancel) => {
                cancel.cancel();
                true
            }
            None => false,
        }
    }

    /// Everything the page shows without the network.
    pub fn overview(&self, catalogue_url: &str) -> VoicesOverview {
        let installed: Vec<InstalledVoicePack> =
            self.library().installed().iter().map(installed).collect();
        let mut narrators = Vec::new();
        let mut unsupported = None;
        for &language in Language::ALL {
            for &voice in Voice::ALL {
                let choice = self.narrator.choice(voice, language);
                let (natural, speaker) = match choice {
                    NarratorChoice::Neural { voice, speaker } => {
                        (Some(voice.key), speaker.and_then(|s| u32::try_from(s).ok()))
                    }
                    NarratorChoice::Espeak { hint } => {
                        if hint.contains("Linux") || hint.contains("feature") {
                            unsupported = Some(hint);
                        }
                        (None, None)
                    }
                };
                narrators.push(VoiceNarrator {
                    voice,
                    language,
                    natural,
                    speaker,
                });
            }
        }
        VoicesOverview {
            supported: unsupported.is_none(),
            unsupported,
            installed,
            runtime: self.runtime(),
            narrators,
            catalogue_url: catalogue_url.to_owned(),
            default_catalogue_url: DEFAULT_CATALOGUE_URL.to_owned(),
        }
    }

    /// Where the runtime is, or what fetching it costs.
    pub fn runtime(&self) -> VoiceRuntime {
        VoiceRuntime {
            path: self.library().runtime().map(|p| p.display().to_string()),
            download_bytes: RuntimeSource::official().map(|s| s.size_bytes),
        }
    }
}

fn busy(item: &str) -> IpcError {
    IpcError {
        code: ErrorCode::Validation,
        message: format!("{item} is already being downloaded; wait for it or cancel it first."),
        retryable: true,
        retry_after: None,
    }
}

/// The catalogue URL the family chose is http(s); anything else says what to write.
pub fn check_catalogue_url(url: &str) -> Result<String, IpcError> {
    let url = url.trim();
    let ok =
        (url.starts_with("https://") || url.starts_with("http://")) && url.len() > "https://".len();
    if ok {
        Ok(url.to_owned())
    } else {
        Err(IpcError {
            code: ErrorCode::Validation,
            message: format!(
                "\"{url}\" is not a web address. Give the address of a voices.json file, e.g. {DEFAULT_CATALOGUE_URL}"
            ),
            retryable: false,
            retry_after: None,
        })
    }
}

/// Sends progress at most every 100 ms (and the last chunk), so a fast download does not flood
/// the UI.
pub fn throttled(
    send: impl Fn(VoiceDownloadProgress) + Send + Sync,
) -> impl Fn(DownloadProgress) + Send + Sync {
    let last = Mutex::new(None::<Instant>);
    move |p: DownloadProgress| {
        let now = Instant::now();
        let due = {
            let mut last = last.lock().unwrap_or_else(|e| e.into_inner());
            let due = p.downloaded >= p.total
                || last.is_none_or(|t| now.duration_since(t) >= Duration::from_millis(100));
            if due {
                *last = Some(now);
            }
            due
        };
        if due {
            send(VoiceDownloadProgress {
                item: p.item,
                file: p.file,
                downloaded: p.downloaded,
                total: p.total,
            });
        }
    }
}

fn licence(l: &Licence) -> VoiceLicence {
    VoiceLicence {
        name: l.name.clone(),
        openness: match l.openness {
            Openness::Open => VoiceOpenness::Open,
            Openness::Restricted => VoiceOpenness::Restricted,
            Openness::Unknown => VoiceOpenness::Unknown,
        },
    }
}

/// An installed voice as the UI sees it.
pub fn installed(v: &InstalledVoice) -> InstalledVoicePack {
    InstalledVoicePack {
        key: v.key.clone(),
        language: v.language,
        locale: v.locale.clone(),
        quality: v.quality.clone(),
        size_bytes: v.size_bytes,
        licence: licence(&v.licence),
        speakers: v.speakers,
    }
}

/// A catalogue voice as the UI sees it (`None` for a language the app does not speak).
pub fn available(v: &CatalogueVoice, installed: &[InstalledVoice]) -> Option<AvailableVoicePack> {
    Some(AvailableVoicePack {
        key: v.key.clone(),
        name: v.name.clone(),
        language: v.language?,
        locale: v.locale.clone(),
        quality: v.quality.clone(),
        size_bytes: v.size_bytes(),
        speakers: v.speakers,
        licence: v.licence.as_ref().map(licence),
        installed: installed.iter().any(|i| i.key == v.key),
    })
}

impl From<VoiceError> for IpcError {
    fn from(err: VoiceError) -> Self {
        let code = match &err {
            VoiceError::Invalid { .. } => ErrorCode::Validation,
            VoiceError::NotInCatalogue(_) | VoiceError::NotInstalled(_) => ErrorCode::NotFound,
            VoiceError::Network { .. } => ErrorCode::Network,
            VoiceError::Cancelled => ErrorCode::Cancelled,
            _ => ErrorCode::Storage,
        };
        IpcError {
            code,
            message: err.to_string(),
            retryable: err.is_retryable(),
            retry_after: None,
        }
    }
}
