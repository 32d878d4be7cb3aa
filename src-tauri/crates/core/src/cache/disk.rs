//! The disk layer: one file per key, named by the SHA-256 of the key, written to a temporary
//! file, synced and renamed into place (a crash leaves the old file or the new one, never half).
//! Each file starts with a header (magic, expiry, key, length, checksum) so a truncated or
//! corrupt file is detected, deleted and treated as a miss. Reads refresh the file's
//! modification time, which is what the least-recently-used eviction under the size cap sorts by.

use std::io::Write;
use std::path::PathBuf;
use std::time::SystemTime;

use bytes::Bytes;
use sha2::{Digest, Sha256};

use super::Entry;
use crate::error::CoreError;

const MAGIC: &[u8; 4] = b"ISC1";

/// The disk layer.
#[derive(Clone, Debug)]
pub struct DiskCache {
    dir: PathBuf,
    limit: u64,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl DiskCache {
    /// A layer in `dir` (created) holding at most `limit` bytes.
    pub fn new(dir: PathBuf, limit: u64) -> Result<Self, CoreError> {
        infinite_stories_contract::files::private_dir_all(&dir)
            .map_err(|e| CoreError::Storage(format!("cache folder: {e}")))?;
        Ok(Self { dir, limit })
    }

    /// The cap in bytes.
    pub fn limit(&self) -> u64 {
        self.limit
    }

    /// The file that holds `key`.
    pub fn path_of(&self, key: &str) -> PathBuf {
        self.dir
            .join(format!("{}.bin", hex(&Sha256::digest(key.as_bytes()))))
    }

    fn encode(key: &str, entry: &Entry) -> Vec<u8> {
        let mut out = Vec::with_capacity(entry.value.len() + key.len() + 64);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&entry.expires_at.to_le_bytes());
        out.extend_from_slice(&(key.len() as u32).to_le_bytes());
        out.extend_from_slice(key.as_bytes());
        out.extend_from_slice(&(entry.value.len() as u64).to_le_bytes());
        out.extend_from_slice(&Sha256::digest(&entry.value)[..8]);
        out.extend_from_slice(&entry.value);
        out
    }

    fn decode(key: &str, raw: &[u8]) -> Option<Entry> {
        let rest = raw.strip_prefix(MAGIC)?;
        let (expires, rest) = rest.split_at_checked(8)?;
        let (key_len, rest) = rest.split_at_checked(4)?;
        let key_len = u32::from_le_bytes(key_len.try_into().ok()?) as usize;
        let (stored_key, rest) = rest.split_at_checked(key_len)?;
        let (len, rest) = rest.split_at_checked(8)?;
        let (sum, value) = rest.split_at_checked(8)?;
        let len = u64::from_le_bytes(len.try_into().ok()?) as usize;
        if stored_key != key.as_bytes() || value.len() != len || Sha256::digest(value)[..8] != *sum
        {
            return None;
        }
        Some(Entry {
            value: Bytes::copy_from_slice(value),
            expires_at: i64::from_le_bytes(expires.try_into().ok()?),
        })
    }

    pub(crate) async fn put(&self, key: &str, entry: &Entry, _now: i64) -> Result<(), CoreError> {
        let path = self.path_of(key);
        let bytes = Self::encode(key, entry);
        let dir = self.dir.clone();
        tokio::task::spawn_blocking(move || -> std::io::Result<()> {
            let mut tmp = tempfile::NamedTempFile::new_in(&dir)?;
            tmp.write_all(&bytes)?;
            tmp.as_file().sync_all()?;
            tmp.persist(&path).map_err(|e| e.error)?;
            Ok(())
        })
        .await
        .map_err(|e| CoreError::Storage(e.to_string()))?
        .map_err(|e| CoreError::Storage(format!("cache write: {e}")))?;
        self.evict().await;
        Ok(())
    }

    pub(crate) async fn get(&self, key: &str, _now: i64) -> Option<Entry> {
        let path = self.path_of(key);
        let raw = tokio::fs::read(&path).await.ok()?;
        match Self::decode(key, &raw) {
            Some(entry) => {
                let touch = path.clone();
                let _ = tokio::task::spawn_blocking(move || {
                    std::fs::File::options()
                        .write(true)
                        .open(&touch)
                        .and_then(|f| f.set_modified(SystemTime::now()))
                })
                .await;
                Some(entry)
            }
            None => {
                tracing::warn!(file = %path.display(), "corrupt cache file removed");
                let _ = tokio::fs::remove_file(&path).await;
                None
            }
        }
    }

    pub(crate) async fn remove(&self, key: &str) {
        let _ = tokio::fs::remove_file(self.path_of(key)).await;
    }

    fn files(&self) -> Vec<(PathBuf, u64, SystemTime)> {
        let Ok(dir) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        dir.filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "bin"))
            .filter_map(|e| {
                let meta = e.metadata().ok()?;
                Some((e.path(), meta.len(), meta.modified().ok()?))
            })
            .collect()
    }

    /// Removes least-recently-used files until the layer fits its cap.
    async fn evict(&self) {
        let this = self.clone();
        let _ = tokio::task::spawn_blocking(move || {
            let mut files = this.files();
            let mut total: u64 = files.iter().map(|f| f.1).sum();
            if total <= this.limit {
                return;
            }
            files.sort_by_key(|f| f.2);
            for (path, len, _) in files {
                if total <= this.limit {
                    break;
                }
                if std::fs::remove_file(&path).is_ok() {
                    total -= len;
                }
            }
        })
        .await;
    }

    pub(crate) async fn cleanup(&self, now: i64) {
        let this = self.clone();
        let _ = tokio::task::spawn_blocking(move || {
            for (path, _, _) in this.files() {
                let expired = std::fs::read(&path).ok().and_then(|raw| {
                    let exp = raw.get(4..12)?;
                    Some(i64::from_le_bytes(exp.try_into().ok()?) <= now)
                });
                // Unreadable headers are corrupt: removed too.
                if expired != Some(false) {
                    let _ = std::fs::remove_file(&path);
                }
            }
        })
        .await;
    }

    pub(crate) async fn clear(&self) {
        let this = self.clone();
        let _ = tokio::task::spawn_blocking(move || {
            for (path, _, _) in this.files() {
                let _ = std::fs::remove_file(path);
            }
        })
        .await;
    }

    /// (files, bytes).
    pub async fn size(&self) -> (u64, u64) {
        let this = self.clone();
        tokio::task::spawn_blocking(move || {
            let files = this.files();
            (files.len() as u64, files.iter().map(|f| f.1).sum())
        })
        .await
        .unwrap_or((0, 0))
    }
}
