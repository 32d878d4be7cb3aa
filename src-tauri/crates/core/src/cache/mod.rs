//! The three-layer cache behind one [`StoryCache`] API: memory (moka, at most 100 entries and
//! 50 MB) → disk (one file per key, named by a hash of the key, written atomically, capped in
//! size with least-recently-used eviction) → SQLite (the durable layer, which survives disk
//! evictions and holds what offline stories need). A lookup walks the layers in that order and
//! promotes a hit into the faster layers. Expiry follows the seed's strategies by content type
//! (1 h, 24 h, 7 d, permanent). A corrupt or truncated entry is a miss and is deleted.

mod disk;
mod durable;
mod memory;

use std::path::Path;

use bytes::Bytes;
use serde::Serialize;
use sqlx::SqlitePool;

use crate::clock::SharedClock;
use crate::error::CoreError;

pub use disk::DiskCache;
pub use durable::DurableCache;
pub use memory::MemoryCache;

/// What is cached decides how long it lives (the seed's strategies, original contract §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum CacheKind {
    /// Prompts, preferences, lists: 1 hour.
    Short,
    /// Story content and scenes: 24 hours.
    Day,
    /// Narration, avatars, illustrations not (yet) in the library: 7 days.
    Week,
    /// Media of stories saved in the library (offline playback): never expires.
    Permanent,
}

impl CacheKind {
    /// Time to live in milliseconds; `None` = permanent.
    pub fn ttl_ms(self) -> Option<i64> {
        match self {
            CacheKind::Short => Some(3_600_000),
            CacheKind::Day => Some(86_400_000),
            CacheKind::Week => Some(7 * 86_400_000),
            CacheKind::Permanent => None,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            CacheKind::Short => "short",
            CacheKind::Day => "day",
            CacheKind::Week => "week",
            CacheKind::Permanent => "permanent",
        }
    }
}

/// A cached value with its expiry (unix ms, `i64::MAX` = never).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The bytes.
    pub value: Bytes,
    /// Expiry, unix ms.
    pub expires_at: i64,
}

/// Sizes per layer, for Settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CacheStatus {
    /// Entries in memory.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub memory_entries: u64,
    /// Bytes in memory.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub memory_bytes: u64,
    /// Files on disk.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub disk_entries: u64,
    /// Bytes on disk.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub disk_bytes: u64,
    /// The disk cap.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub disk_limit_bytes: u64,
    /// Rows in the durable layer.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub durable_entries: u64,
    /// Bytes in the durable layer.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub durable_bytes: u64,
}

/// Which layer answered a lookup (tests and diagnostics).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    /// Memory.
    Memory,
    /// Disk files.
    Disk,
    /// SQLite.
    Durable,
}

/// The cache facade.
#[derive(Clone, Debug)]
pub struct StoryCache {
    clock: SharedClock,
    memory: MemoryCache,
    disk: DiskCache,
    durable: DurableCache,
}

/// Default disk cap.
pub const DISK_LIMIT: u64 = 500 * 1024 * 1024;

impl StoryCache {
    /// A cache with its files under `dir/cache` and its durable layer in `pool`.
    pub fn new(
        dir: &Path,
        pool: SqlitePool,
        clock: SharedClock,
        disk_limit: u64,
    ) -> Result<Self, CoreError> {
        Ok(Self {
            memory: MemoryCache::new(),
            disk: DiskCache::new(dir.join("cache"), disk_limit)?,
            durable: DurableCache::new(pool),
            clock,
        })
    }

    /// Stores `value` under `key` in every layer with the expiry of `kind`.
    pub async fn put(&self, key: &str, value: Bytes, kind: CacheKind) -> Result<(), CoreError> {
        let now = self.clock.now_millis();
        let expires_at = kind.ttl_ms().map_or(i64::MAX, |ttl| now + ttl);
        let entry = Entry { value, expires_at };
        self.durable.put(key, &entry, kind.as_str(), now).await?;
        self.disk.put(key, &entry, now).await?;
        self.memory.put(key, entry).await;
        Ok(())
    }

    /// The value under `key`, if present and fresh, promoted to the faster layers.
    pub async fn get(&self, key: &str) -> Result<Option<Bytes>, CoreError> {
        Ok(self.lookup(key).await?.map(|(v, _)| v))
    }

    /// Like [`StoryCache::get`], also saying which layer answered.
    pub async fn lookup(&self, key: &str) -> Result<Option<(Bytes, Layer)>, CoreError> {
        let now = self.clock.now_millis();
        if let Some(e) = self.memory.get(key).await {
            if e.expires_at > now {
                return Ok(Some((e.value, Layer::Memory)));
            }
            self.memory.remove(key).await;
        }
        if let Some(e) = self.disk.get(key, now).await {
            if e.expires_at > now {
                self.memory.put(key, e.clone()).await;
                return Ok(Some((e.value, Layer::Disk)));
            }
            self.disk.remove(key).await;
        }
        if let Some(e) = self.durable.get(key, now).await? {
            if e.expires_at > now {
                self.disk.put(key, &e, now).await?;
                self.memory.put(key, e.clone()).await;
                return Ok(Some((e.value, Layer::Durable)));
            }
            self.durable.remove(key).await?;
        }
        Ok(None)
    }

    /// Whether `key` is present in any layer (without promoting it).
    pub async fn contains(&self, key: &str) -> Result<bool, CoreError> {
        self.durable.contains(key, self.clock.now_millis()).await
    }

    /// Removes `key` everywhere.
    pub async fn remove(&self, key: &str) -> Result<(), CoreError> {
        self.memory.remove(key).await;
        self.disk.remove(key).await;
        self.durable.remove(key).await
    }

    /// Removes every expired entry from every layer; returns how many durable rows went.
    pub async fn cleanup(&self) -> Result<u64, CoreError> {
        let now = self.clock.now_millis();
        self.memory.cleanup(now).await;
        self.disk.cleanup(now).await;
        self.durable.cleanup(now).await
    }

    /// Empties the cache except permanent entries (offline stories stay playable).
    pub async fn clear(&self) -> Result<(), CoreError> {
        self.memory.clear().await;
        self.disk.clear().await;
        self.durable.clear_expiring().await
    }

    /// Sizes per layer.
    pub async fn status(&self) -> Result<CacheStatus, CoreError> {
        let (memory_entries, memory_bytes) = self.memory.size().await;
        let (disk_entries, disk_bytes) = self.disk.size().await;
        let (durable_entries, durable_bytes) = self.durable.size().await?;
        Ok(CacheStatus {
            memory_entries,
            memory_bytes,
            disk_entries,
            disk_bytes,
            disk_limit_bytes: self.disk.limit(),
            durable_entries,
            durable_bytes,
        })
    }

    /// The memory layer (tests).
    pub fn memory(&self) -> &MemoryCache {
        &self.memory
    }

    /// The disk layer (tests).
    pub fn disk(&self) -> &DiskCache {
        &self.disk
    }
}

#[cfg(test)]
mod tests;
