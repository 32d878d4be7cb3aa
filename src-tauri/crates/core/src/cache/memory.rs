//! The memory layer: moka with a weigher so that both limits hold at once — every entry weighs
//! at least 1/100 of the 50 MB budget, so there are never more than 100 entries, and large
//! entries weigh their size, so the total never passes 50 MB.

use std::sync::Arc;

use moka::future::Cache;

use super::Entry;

/// Byte budget.
pub const MEMORY_BYTES: u64 = 50 * 1024 * 1024;
/// Entry budget.
pub const MEMORY_ENTRIES: u64 = 100;

/// The memory layer.
#[derive(Clone, Debug)]
pub struct MemoryCache {
    cache: Cache<String, Arc<Entry>>,
}

impl Default for MemoryCache {
    fn default() -> Self {
        Self::new()
    }
}

impl MemoryCache {
    /// An empty layer with the app's limits.
    pub fn new() -> Self {
        let floor = MEMORY_BYTES / MEMORY_ENTRIES;
        let cache = Cache::builder()
            .max_capacity(MEMORY_BYTES)
            .weigher(move |_k: &String, v: &Arc<Entry>| {
                (v.value.len() as u64).max(floor).min(u64::from(u32::MAX)) as u32
            })
            .build();
        Self { cache }
    }

    pub(crate) async fn get(&self, key: &str) -> Option<Entry> {
        self.cache.get(key).await.map(|e| (*e).clone())
    }

    pub(crate) async fn put(&self, key: &str, entry: Entry) {
        self.cache.insert(key.to_owned(), Arc::new(entry)).await;
    }

    pub(crate) async fn remove(&self, key: &str) {
        self.cache.invalidate(key).await;
    }

    pub(crate) async fn cleanup(&self, now: i64) {
        let expired: Vec<String> = self
            .cache
            .iter()
            .filter(|(_, e)| e.expires_at <= now)
            .map(|(k, _)| (*k).clone())
            .collect();
        for k in expired {
            self.cache.invalidate(&k).await;
        }
    }

    pub(crate) async fn clear(&self) {
        self.cache.invalidate_all();
        self.cache.run_pending_tasks().await;
    }

    /// (entries, bytes) after pending evictions ran.
    pub async fn size(&self) -> (u64, u64) {
        self.cache.run_pending_tasks().await;
        let bytes = self.cache.iter().map(|(_, e)| e.value.len() as u64).sum();
        (self.cache.entry_count(), bytes)
    }
}
