use std::time::Duration;

use bytes::Bytes;

use super::*;
use crate::clock::ManualClock;

async fn cache(limit: u64) -> (StoryCache, std::sync::Arc<ManualClock>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let pool = crate::database::open(dir.path()).await.unwrap();
    let clock = ManualClock::new();
    (
        StoryCache::new(dir.path(), pool, clock.clone(), limit).unwrap(),
        clock,
        dir,
    )
}

#[tokio::test]
async fn hits_walk_the_layers_and_are_promoted() {
    let (c, _, _d) = cache(DISK_LIMIT).await;
    c.put("story:1", Bytes::from_static(b"once upon"), CacheKind::Day)
        .await
        .unwrap();
    assert_eq!(c.lookup("story:1").await.unwrap().unwrap().1, Layer::Memory);
    c.memory().clear().await;
    assert_eq!(c.lookup("story:1").await.unwrap().unwrap().1, Layer::Disk);
    assert_eq!(
        c.lookup("story:1").await.unwrap().unwrap().1,
        Layer::Memory,
        "promoted from disk"
    );
    c.memory().clear().await;
    std::fs::remove_file(c.disk().path_of("story:1")).unwrap();
    let (v, layer) = c.lookup("story:1").await.unwrap().unwrap();
    assert_eq!((v.as_ref(), layer), (&b"once upon"[..], Layer::Durable));
    assert!(
        c.disk().path_of("story:1").exists(),
        "promoted back to disk"
    );
    assert_eq!(c.lookup("story:1").await.unwrap().unwrap().1, Layer::Memory);
}

#[tokio::test]
async fn strategies_expire_by_content_kind() {
    let (c, clock, _d) = cache(DISK_LIMIT).await;
    for (key, kind) in [
        ("s", CacheKind::Short),
        ("d", CacheKind::Day),
        ("w", CacheKind::Week),
        ("p", CacheKind::Permanent),
    ] {
        c.put(key, Bytes::from_static(b"x"), kind).await.unwrap();
    }
    clock.advance(Duration::from_secs(3601));
    assert!(c.get("s").await.unwrap().is_none());
    assert!(c.get("d").await.unwrap().is_some());
    clock.advance(Duration::from_secs(86_400));
    assert!(c.get("d").await.unwrap().is_none());
    assert!(c.get("w").await.unwrap().is_some());
    clock.advance(Duration::from_secs(7 * 86_400));
    assert!(c.get("w").await.unwrap().is_none());
    clock.advance(Duration::from_secs(10 * 365 * 86_400));
    assert!(
        c.get("p").await.unwrap().is_some(),
        "permanent never expires"
    );
}

#[tokio::test]
async fn a_corrupt_or_truncated_file_is_a_miss_and_is_deleted() {
    let (c, _, _d) = cache(DISK_LIMIT).await;
    c.put("a", Bytes::from(vec![7u8; 1000]), CacheKind::Week)
        .await
        .unwrap();
    c.put("b", Bytes::from(vec![8u8; 1000]), CacheKind::Week)
        .await
        .unwrap();
    c.memory().clear().await;
    let (pa, pb) = (c.disk().path_of("a"), c.disk().path_of("b"));
    let raw = std::fs::read(&pa).unwrap();
    std::fs::write(&pa, &raw[..raw.len() / 2]).unwrap(); // truncated
    let mut flipped = std::fs::read(&pb).unwrap();
    let last = flipped.len() - 1;
    flipped[last] ^= 0xff; // corrupt payload
    std::fs::write(&pb, &flipped).unwrap();
    // Both fall through to the durable layer, which still has the good bytes.
    assert_eq!(
        c.lookup("a").await.unwrap().unwrap(),
        (Bytes::from(vec![7u8; 1000]), Layer::Durable)
    );
    assert_eq!(c.lookup("b").await.unwrap().unwrap().1, Layer::Durable);
    // A garbage file with nothing behind it is a plain miss.
    c.remove("a").await.unwrap();
    std::fs::write(&pa, b"garbage").unwrap();
    assert!(c.get("a").await.unwrap().is_none());
    assert!(!pa.exists(), "the corrupt file was deleted");
}

#[tokio::test]
async fn the_disk_cap_evicts_the_least_recently_used() {
    let entry = 10_000;
    let (c, _, _d) = cache(3 * (entry as u64 + 100)).await;
    let an_hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    for (i, key) in ["one", "two", "three"].into_iter().enumerate() {
        c.put(key, Bytes::from(vec![1u8; entry]), CacheKind::Week)
            .await
            .unwrap();
        // Distinct, ordered access times without waiting.
        let file = std::fs::File::options()
            .write(true)
            .open(c.disk().path_of(key))
            .unwrap();
        file.set_modified(an_hour_ago + Duration::from_secs(i as u64))
            .unwrap();
    }
    c.memory().clear().await;
    c.get("one").await.unwrap().unwrap(); // "one" is now the most recently used
    c.put("four", Bytes::from(vec![1u8; entry]), CacheKind::Week)
        .await
        .unwrap();
    assert!(c.disk().path_of("one").exists());
    assert!(
        !c.disk().path_of("two").exists(),
        "least recently used went first"
    );
    assert!(c.disk().path_of("four").exists());
    let status = c.status().await.unwrap();
    assert!(status.disk_bytes <= status.disk_limit_bytes);
    assert_eq!(
        status.durable_entries, 4,
        "the durable layer keeps everything"
    );
}

#[tokio::test]
async fn memory_holds_at_most_100_entries_and_50_mb() {
    let (c, _, _d) = cache(u64::MAX).await;
    for i in 0..150 {
        c.memory()
            .put(
                &format!("k{i}"),
                Entry {
                    value: Bytes::from_static(b"x"),
                    expires_at: i64::MAX,
                },
            )
            .await;
    }
    assert!(c.memory().size().await.0 <= 100);
    c.memory().clear().await;
    for i in 0..3 {
        c.memory()
            .put(
                &format!("big{i}"),
                Entry {
                    value: Bytes::from(vec![0u8; 20 * 1024 * 1024]),
                    expires_at: i64::MAX,
                },
            )
            .await;
    }
    assert!(c.memory().size().await.1 <= 50 * 1024 * 1024);
}

#[tokio::test]
async fn cleanup_removes_expired_entries_and_clear_keeps_offline_media() {
    let (c, clock, _d) = cache(DISK_LIMIT).await;
    c.put("short", Bytes::from_static(b"x"), CacheKind::Short)
        .await
        .unwrap();
    c.put("audio", Bytes::from_static(b"y"), CacheKind::Permanent)
        .await
        .unwrap();
    clock.advance(Duration::from_secs(7200));
    assert_eq!(c.cleanup().await.unwrap(), 1);
    assert!(!c.disk().path_of("short").exists());
    c.put("week", Bytes::from_static(b"z"), CacheKind::Week)
        .await
        .unwrap();
    c.clear().await.unwrap();
    assert!(c.get("week").await.unwrap().is_none());
    assert_eq!(
        c.get("audio").await.unwrap().unwrap().as_ref(),
        b"y",
        "offline stories stay playable"
    );
}
