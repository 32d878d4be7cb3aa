//! Downloading voices and the runtime: the catalogue from a configurable URL, then each file
//! into a `.partial` folder next to its destination, resumed with an HTTP `Range` request when a
//! previous attempt was cut off (here or in an earlier session), checked against the catalogue's
//! MD5/SHA-256, and moved into place only when every file of the voice is complete. Progress is
//! reported per chunk; a [`Cancel`] stops it between chunks, keeping the partial file. A full
//! disk — seen before starting from the free space, or while writing — is a clear error.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use md5::Md5;
use reqwest::StatusCode;
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use super::catalogue::{Catalogue, CatalogueVoice};
use super::licence::Licence;
use super::runtime::RuntimeSource;
use super::{InstalledVoice, VoiceError, VoiceLibrary, read_installed};

/// Where a download stands (sent after every chunk).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DownloadProgress {
    /// The voice key, or `runtime`.
    pub item: String,
    /// The file being fetched.
    pub file: String,
    /// Bytes of the whole item on disk so far (resumed bytes included).
    pub downloaded: u64,
    /// Bytes of the whole item.
    pub total: u64,
}

/// Cancels a download from another task (e.g. the Settings page's Cancel button).
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<(AtomicBool, tokio::sync::Notify)>);

impl Cancel {
    /// A fresh, uncancelled handle.
    pub fn new() -> Cancel {
        Cancel::default()
    }

    /// Stops the download at the next chunk (or while it waits for one).
    pub fn cancel(&self) {
        self.0.0.store(true, Ordering::SeqCst);
        self.0.1.notify_waiters();
    }

    /// Whether `cancel` was called.
    pub fn is_cancelled(&self) -> bool {
        self.0.0.load(Ordering::SeqCst)
    }

    async fn cancelled(&self) {
        let notified = self.0.1.notified();
        if self.is_cancelled() {
            return;
        }
        notified.await;
    }
}

/// Fetches the catalogue, voices and the runtime.
#[derive(Debug, Clone)]
pub struct VoiceDownloader {
    client: reqwest::Client,
    catalogue_url: String,
    attempts: u32,
}

/// A `write` error as the family should read it: a full disk says so.
pub(crate) fn write_error(path: &Path, e: std::io::Error) -> VoiceError {
    if e.kind() == std::io::ErrorKind::StorageFull || e.raw_os_error() == Some(28) {
        VoiceError::DiskFull {
            dir: path.parent().unwrap_or(path).to_path_buf(),
            needed: 0,
        }
    } else {
        VoiceError::io(path, e)
    }
}

/// Free bytes for an unprivileged user on the file system holding `dir`.
#[cfg(unix)]
fn available_space(dir: &Path) -> Option<u64> {
    use std::os::unix::ffi::OsStrExt;
    let path = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
    let mut stat: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `path` is NUL-terminated and `stat` is a valid out-pointer.
    let status = unsafe { libc::statvfs(path.as_ptr(), &mut stat) };
    #[allow(clippy::unnecessary_cast)]
    (status == 0).then(|| stat.f_bavail as u64 * stat.f_frsize as u64)
}

#[cfg(not(unix))]
fn available_space(_: &Path) -> Option<u64> {
    None
}

fn part_len(path: &Path) -> u64 {
    std::fs::metadata(path)
        .ok()
        .filter(|m| m.is_file())
        .map_or(0, |m| m.len())
}

impl VoiceDownloader {
    /// A downloader for the catalogue at `catalogue_url` (e.g. [`super::DEFAULT_CATALOGUE_URL`]).
    pub fn new(catalogue_url: impl Into<String>) -> VoiceDownloader {
        let client = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(20))
            .read_timeout(Duration::from_secs(60))
            .user_agent(concat!("infinite-stories/", env!("CARGO_PKG_VERSION")))
            .build()
            .unwrap_or_default();
        VoiceDownloader::with_client(client, catalogue_url)
    }

    /// The same with a client of one's own.
    pub fn with_client(client: reqwest::Client, catalogue_url: impl Into<String>) -> Self {
        VoiceDownloader {
            client,
            catalogue_url: catalogue_url.into(),
            attempts: 4,
        }
    }

    /// The catalogue URL.
    pub fn catalogue_url(&self) -> &str {
        &self.catalogue_url
    }

    async fn get(&self, url: &str, from: u64) -> Result<reqwest::Response, VoiceError> {
        let network = |message: String, status: Option<u16>| VoiceError::Network {
            url: url.to_string(),
            message,
            status,
        };
        let mut request = self.client.get(url);
        if from > 0 {
            request = request.header(reqwest::header::RANGE, format!("bytes={from}-"));
        }
        let response = request
            .send()
            .await
            .map_err(|e| network(describe(e), None))?;
        let status = response.status();
        if status.is_success() || status == StatusCode::RANGE_NOT_SATISFIABLE {
            Ok(response)
        } else {
            Err(network(
                format!("the server answered {status}"),
                Some(status.as_u16()),
            ))
        }
    }

    /// Fetches and parses the catalogue.
    pub async fn catalogue(&self) -> Result<Catalogue, VoiceError> {
        let url = &self.catalogue_url;
        let body = self
            .get(url, 0)
            .await?
            .text()
            .await
            .map_err(|e| VoiceError::Network {
                url: url.clone(),
                message: describe(e),
                status: None,
            })?;
        Catalogue::parse(&body, url)
    }

    /// A voice's licence: the catalogue's, else the one in its model card (a small download).
    pub async fn licence(&self, voice: &CatalogueVoice) -> Result<Licence, VoiceError> {
        if let Some(licence) = &voice.licence {
            return Ok(licence.clone());
        }
        let Some(card) = voice.file("MODEL_CARD") else {
            return Ok(Licence::unknown());
        };
        let text = self
            .get(&card.url, 0)
            .await?
            .text()
            .await
            .map_err(|e| VoiceError::Network {
                url: card.url.clone(),
                message: describe(e),
                status: None,
            })?;
        Ok(Licence::from_model_card(&text))
    }

    /// Downloads `voice` into `library` (model, config and model card), reporting progress,
    /// and returns it installed.
    pub async fn install(
        &self,
        library: &VoiceLibrary,
        voice: &CatalogueVoice,
        progress: &(dyn Fn(DownloadProgress) + Send + Sync),
        cancel: &Cancel,
    ) -> Result<InstalledVoice, VoiceError> {
        let language = voice.language.ok_or_else(|| VoiceError::Invalid {
            path: PathBuf::from(&voice.key),
            message: format!(
                "{} is not a language the app speaks (en, fr, es, de, it)",
                voice.locale
            ),
        })?;
        let dir = library.language_dir(language);
        let partial = dir.join(".partial");
        tokio::fs::create_dir_all(&partial)
            .await
            .map_err(|e| write_error(&partial, e))?;
        let key = &voice.key;
        let files: Vec<(&super::CatalogueFile, String)> = voice
            .files
            .iter()
            .filter_map(|f| {
                let name = if f.path.ends_with(".onnx.json") {
                    format!("{key}.onnx.json")
                } else if f.path.ends_with(".onnx") {
                    format!("{key}.onnx")
                } else if f.path.ends_with("MODEL_CARD") {
                    format!("{key}.MODEL_CARD")
                } else {
                    return None;
                };
                Some((f, name))
            })
            .collect();
        let total: u64 = files.iter().map(|(f, _)| f.size_bytes).sum();
        let parts: Vec<PathBuf> = files
            .iter()
            .map(|(_, name)| partial.join(format!("{name}.part")))
            .collect();
        let missing: u64 = files
            .iter()
            .zip(&parts)
            .map(|((f, _), p)| f.size_bytes.saturating_sub(part_len(p)))
            .sum();
        check_space(&partial, missing)?;
        let mut done = 0u64;
        for ((file, name), part) in files.iter().zip(&parts) {
            let report = |downloaded: u64| {
                progress(DownloadProgress {
                    item: key.clone(),
                    file: name.clone(),
                    downloaded: done + downloaded,
                    total,
                })
            };
            self.fetch(
                &file.url,
                part,
                file.size_bytes,
                (file.md5.as_deref(), file.sha256.as_deref()),
                &report,
                cancel,
            )
            .await?;
            done += file.size_bytes;
        }
        // Everything verified: move into place, the model last (a voice is "installed" when its
        // .onnx is there).
        let mut order: Vec<usize> = (0..files.len()).collect();
        order.sort_by_key(|i| files[*i].1.ends_with(".onnx"));
        for i in order {
            let target = dir.join(&files[i].1);
            tokio::fs::rename(&parts[i], &target)
                .await
                .map_err(|e| VoiceError::io(&target, e))?;
        }
        let _ = tokio::fs::remove_dir(&partial).await;
        read_installed(language, &dir.join(format!("{key}.onnx")))
    }

    /// Downloads the ONNX Runtime library from `source` into `library`'s `runtime/` folder and
    /// returns the library's path.
    pub async fn install_runtime(
        &self,
        library: &VoiceLibrary,
        source: &RuntimeSource,
        progress: &(dyn Fn(DownloadProgress) + Send + Sync),
        cancel: &Cancel,
    ) -> Result<PathBuf, VoiceError> {
        let dir = library.runtime_dir();
        let partial = dir.join(".partial");
        tokio::fs::create_dir_all(&partial)
            .await
            .map_err(|e| write_error(&partial, e))?;
        let download_name = source
            .url
            .rsplit('/')
            .next()
            .unwrap_or("runtime")
            .to_string();
        let part = partial.join(format!("{download_name}.part"));
        // The archive and the library extracted from it.
        let needed = source.size_bytes.saturating_sub(part_len(&part))
            + if source.member.is_some() {
                source.size_bytes * 2
            } else {
                0
            };
        check_space(&partial, needed)?;
        let report = |downloaded: u64| {
            progress(DownloadProgress {
                item: "runtime".into(),
                file: download_name.clone(),
                downloaded,
                total: source.size_bytes,
            })
        };
        self.fetch(
            &source.url,
            &part,
            source.size_bytes,
            (None, Some(source.sha256.as_str())),
            &report,
            cancel,
        )
        .await?;
        let target = dir.join(source.library_name());
        match &source.member {
            Some(member) => {
                let (archive, member, to) = (part.clone(), member.clone(), target.clone());
                tokio::task::spawn_blocking(move || super::zip::extract(&archive, &member, &to))
                    .await
                    .map_err(|e| VoiceError::io(&target, std::io::Error::other(e)))??;
                let _ = tokio::fs::remove_file(&part).await;
            }
            None => tokio::fs::rename(&part, &target)
                .await
                .map_err(|e| VoiceError::io(&target, e))?,
        }
        let _ = tokio::fs::remove_dir(&partial).await;
        Ok(target)
    }

    /// Gets `url` into `part` (resuming what is there), then checks it.
    async fn fetch(
        &self,
        url: &str,
        part: &Path,
        size: u64,
        digests: (Option<&str>, Option<&str>),
        report: &(dyn Fn(u64) + Send + Sync),
        cancel: &Cancel,
    ) -> Result<(), VoiceError> {
        let mut attempt = 1;
        loop {
            let have = part_len(part);
            if have > size {
                tokio::fs::remove_file(part)
                    .await
                    .map_err(|e| VoiceError::io(part, e))?;
                continue;
            }
            let result = if have < size || size == 0 {
                self.fetch_from(url, part, have, report, cancel).await
            } else {
                Ok(())
            };
            match result {
                Err(e @ VoiceError::Network { .. }) if e.is_retryable() => {
                    if attempt >= self.attempts {
                        return Err(e);
                    }
                    tracing::info!(url, attempt, "download interrupted, resuming: {e}");
                    attempt += 1;
                    continue;
                }
                Err(e) => return Err(e),
                Ok(()) => {}
            }
            if size > 0 && part_len(part) < size {
                if attempt >= self.attempts {
                    return Err(VoiceError::Network {
                        url: url.to_string(),
                        message: "the server sent less than the catalogue's size".into(),
                        status: None,
                    });
                }
                attempt += 1;
                continue;
            }
            return verify(part, digests).await;
        }
    }

    async fn fetch_from(
        &self,
        url: &str,
        part: &Path,
        have: u64,
        report: &(dyn Fn(u64) + Send + Sync),
        cancel: &Cancel,
    ) -> Result<(), VoiceError> {
        if cancel.is_cancelled() {
            return Err(VoiceError::Cancelled);
        }
        let mut response = self.get(url, have).await?;
        let status = response.status();
        if status == StatusCode::RANGE_NOT_SATISFIABLE {
            // What we have is all there is; the checksum decides.
            return Ok(());
        }
        // 206: the rest follows; 200: the server ignored the range, start again.
        let append = status == StatusCode::PARTIAL_CONTENT && have > 0;
        let mut file = tokio::fs::OpenOptions::new()
            .create(true)
            .write(true)
            .append(append)
            .truncate(!append)
            .open(part)
            .await
            .map_err(|e| write_error(part, e))?;
        let mut written = if append { have } else { 0 };
        report(written);
        loop {
            let chunk = tokio::select! {
                chunk = response.chunk() => chunk,
                () = cancel.cancelled() => {
                    let _ = file.flush().await;
                    return Err(VoiceError::Cancelled);
                }
            };
            let chunk = chunk.map_err(|e| VoiceError::Network {
                url: url.to_string(),
                message: describe(e),
                status: None,
            });
            match chunk {
                Ok(Some(bytes)) => {
                    file.write_all(&bytes)
                        .await
                        .map_err(|e| write_error(part, e))?;
                    written += bytes.len() as u64;
                    report(written);
                }
                Ok(None) => break,
                Err(e) => {
                    file.flush().await.map_err(|e| write_error(part, e))?;
                    return Err(e);
                }
            }
        }
        file.flush().await.map_err(|e| write_error(part, e))?;
        Ok(())
    }
}

fn check_space(dir: &Path, needed: u64) -> Result<(), VoiceError> {
    match available_space(dir) {
        Some(free) if free < needed => Err(VoiceError::DiskFull {
            dir: dir.to_path_buf(),
            needed: needed - free,
        }),
        _ => Ok(()),
    }
}

/// Checks `part` against the digests; a damaged file is deleted.
async fn verify(
    part: &Path,
    (md5, sha256): (Option<&str>, Option<&str>),
) -> Result<(), VoiceError> {
    let path = part.to_path_buf();
    let sums = tokio::task::spawn_blocking(move || -> std::io::Result<(String, String)> {
        use std::io::Read;
        let mut file = std::fs::File::open(&path)?;
        let (mut m, mut s) = (Md5::new(), Sha256::new());
        let mut buf = vec![0u8; 1 << 16];
        loop {
            let n = file.read(&mut buf)?;
            if n == 0 {
                break;
            }
            m.update(&buf[..n]);
            s.update(&buf[..n]);
        }
        Ok((hex(&m.finalize()), hex(&s.finalize())))
    })
    .await
    .map_err(|e| VoiceError::io(part, std::io::Error::other(e)))?
    .map_err(|e| VoiceError::io(part, e))?;
    let file = part
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .trim_end_matches(".part")
        .to_string();
    for (algorithm, expected, actual) in [("md5", md5, &sums.0), ("sha256", sha256, &sums.1)] {
        if let Some(expected) = expected
            && !expected.eq_ignore_ascii_case(actual)
        {
            let _ = tokio::fs::remove_file(part).await;
            return Err(VoiceError::Checksum {
                file,
                algorithm,
                expected: expected.to_string(),
                actual: actual.clone(),
            });
        }
    }
    Ok(())
}

/// A reqwest error with its causes ("error sending request: connection refused"), no URL.
fn describe(e: reqwest::Error) -> String {
    let e = e.without_url();
    let mut text = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
