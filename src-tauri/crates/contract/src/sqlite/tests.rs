//! A damaged database is moved aside with its bytes and replaced; a sound one, or one with a
//! damaged WAL (which SQLite ignores past its last valid frame), is opened as it is.

use std::os::unix::fs::PermissionsExt;

use super::*;

/// 2026-12-05 07:01:02 UTC.
const NOW: i64 = 1_796_454_062_000;

async fn migrator(dir: &Path) -> Migrator {
    let m = dir.join("migrations");
    std::fs::create_dir_all(&m).unwrap();
    std::fs::write(
        m.join("0001_t.sql"),
        "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL);",
    )
    .unwrap();
    Migrator::new(m).await.unwrap()
}

async fn fill(pool: &SqlitePool, from: i64, n: i64) {
    for i in from..from + n {
        sqlx::query("INSERT INTO t (id, v) VALUES (?1, ?2)")
            .bind(i)
            .bind("x".repeat(200))
            .execute(pool)
            .await
            .unwrap();
    }
}

async fn count(pool: &SqlitePool) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM t")
        .fetch_one(pool)
        .await
        .unwrap()
}

/// A closed database of `rows` rows, checkpointed into its main file.
async fn made(path: &Path, m: &Migrator, rows: i64) {
    let pool = open(path, m).await.unwrap();
    fill(&pool, 0, rows).await;
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    gone(path);
}

/// Removes the WAL and shared-memory files a closed database may leave (all checkpointed).
fn gone(path: &Path) {
    for suffix in ["-wal", "-shm"] {
        let mut s = path.as_os_str().to_owned();
        s.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(s));
    }
}

fn wal(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push("-wal");
    PathBuf::from(s)
}

/// Opens `path`, expecting it replaced: the old bytes kept aside, owner-only, the new one
/// usable; returns why it was replaced.
async fn expect_replaced(path: &Path, m: &Migrator, old: &[u8]) -> String {
    let opened = open_or_recover(path, m, NOW).await.unwrap();
    let recovered = opened.recovered.expect("moved aside");
    let name = recovered.moved_to.file_name().unwrap().to_string_lossy();
    assert_eq!(name, "app.db.corrupt-20261205T070102Z");
    assert_eq!(std::fs::read(&recovered.moved_to).unwrap(), old);
    let mode = std::fs::metadata(&recovered.moved_to)
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    fill(&opened.pool, 0, 3).await;
    assert_eq!(count(&opened.pool).await, 3, "the fresh database works");
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&opened.pool)
        .await
        .unwrap();
    opened.pool.close().await;
    gone(path);
    recovered.reason
}

#[tokio::test]
async fn garbage_is_moved_aside_and_a_fresh_database_made() {
    let dir = tempfile::tempdir().unwrap();
    let m = migrator(dir.path()).await;
    let path = dir.path().join("app.db");
    let garbage: Vec<u8> = (0..16_384u32).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(&path, &garbage).unwrap();
    let reason = expect_replaced(&path, &m, &garbage).await;
    assert!(reason.contains("not a database"), "{reason}");
    // A second damaged file in the same second does not overwrite the first one kept.
    std::fs::write(&path, &garbage).unwrap();
    let again = open_or_recover(&path, &m, NOW).await.unwrap();
    let second = again.recovered.unwrap().moved_to;
    assert!(second.to_string_lossy().ends_with("-2"), "{second:?}");
    assert!(dir.path().join("app.db.corrupt-20261205T070102Z").exists());
}

#[tokio::test]
async fn a_truncated_database_is_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let m = migrator(dir.path()).await;
    let path = dir.path().join("app.db");
    made(&path, &m, 400).await;
    let whole = std::fs::read(&path).unwrap();
    assert!(whole.len() > 40_000, "several pages: {}", whole.len());
    let half = &whole[..whole.len() / 2];
    std::fs::write(&path, half).unwrap();
    expect_replaced(&path, &m, half).await;
}

#[tokio::test]
async fn a_database_failing_quick_check_is_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let m = migrator(dir.path()).await;
    let path = dir.path().join("app.db");
    made(&path, &m, 400).await;
    let mut bytes = std::fs::read(&path).unwrap();
    // A page of the table's b-tree (the last but one) overwritten: the schema, the migrations
    // table and the header are intact, so it opens and migrates; only the check finds it.
    let page = 4096;
    let at = bytes.len() - 2 * page;
    bytes[at..at + page].fill(0xAB);
    std::fs::write(&path, &bytes).unwrap();
    let reason = expect_replaced(&path, &m, &bytes).await;
    assert!(reason.starts_with("quick_check"), "{reason}");
}

#[tokio::test]
async fn a_sound_database_is_opened_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let m = migrator(dir.path()).await;
    let path = dir.path().join("app.db");
    made(&path, &m, 5).await;
    let opened = open_or_recover(&path, &m, NOW).await.unwrap();
    assert!(opened.recovered.is_none());
    assert_eq!(count(&opened.pool).await, 5);
}

#[tokio::test]
async fn a_garbage_wal_loses_only_what_was_not_checkpointed() {
    let dir = tempfile::tempdir().unwrap();
    let m = migrator(dir.path()).await;
    let path = dir.path().join("app.db");
    made(&path, &m, 5).await;
    // Five more rows in the WAL, copied as a kill -9 would leave them, then the WAL damaged.
    let pool = open(&path, &m).await.unwrap();
    fill(&pool, 100, 5).await;
    let copy = dir.path().join("copy");
    std::fs::create_dir(&copy).unwrap();
    let killed = copy.join("app.db");
    std::fs::copy(&path, &killed).unwrap();
    let frames = std::fs::read(wal(&path)).unwrap();
    assert!(frames.len() > 32, "the rows are in the WAL");
    pool.close().await;
    let garbage: Vec<u8> = (0..frames.len()).map(|i| (i % 253) as u8).collect();
    std::fs::write(wal(&killed), &garbage).unwrap();
    let opened = open_or_recover(&killed, &m, NOW).await.unwrap();
    assert!(opened.recovered.is_none(), "the main file is sound");
    assert_eq!(
        count(&opened.pool).await,
        5,
        "what was checkpointed is there"
    );
    fill(&opened.pool, 200, 1).await;
    assert_eq!(count(&opened.pool).await, 6, "and it takes writes");
}

#[test]
fn migrations_from_a_newer_app_are_not_corruption() {
    assert!(!OpenError::Migrate(MigrateError::VersionMissing(9)).is_corruption());
    assert!(!OpenError::Open(sqlx::Error::PoolTimedOut).is_corruption());
}

#[test]
fn stamps_are_utc() {
    assert_eq!(utc_stamp(NOW), "20261205T070102Z");
    assert_eq!(utc_stamp(0), "19700101T000000Z");
    assert_eq!(utc_stamp(951_782_400_000), "20000229T000000Z");
}

/// `made`, then one page of the table's b-tree overwritten: it opens and migrates; only a
/// page-by-page check finds it.
async fn damaged_page(path: &Path, m: &Migrator) -> Vec<u8> {
    made(path, m, 400).await;
    super::damage::overwrite_a_page(path)
}

#[tokio::test]
async fn checking_later_opens_at_once_then_marks_a_damaged_file_for_the_next_opening() {
    let dir = tempfile::tempdir().unwrap();
    let m = migrator(dir.path()).await;
    let path = dir.path().join("app.db");
    let bytes = damaged_page(&path, &m).await;
    let (opened, check) = open_checking_later(&path, &m, NOW).await.unwrap();
    assert!(
        opened.recovered.is_none(),
        "opened without reading every page"
    );
    let reason = check.run().await.expect("the check finds the damaged page");
    assert!(reason.starts_with("quick_check"), "{reason}");
    let marker = damaged_marker(&path);
    assert_eq!(std::fs::read_to_string(&marker).unwrap(), reason);
    assert_eq!(
        std::fs::metadata(&marker).unwrap().permissions().mode() & 0o777,
        0o600
    );
    opened.pool.close().await;

    // The next opening sets it aside (its bytes kept) and starts afresh; the marker goes.
    let (again, check) = open_checking_later(&path, &m, NOW).await.unwrap();
    let recovered = again.recovered.expect("moved aside");
    assert_eq!(recovered.reason, reason);
    assert_eq!(std::fs::read(&recovered.moved_to).unwrap(), bytes);
    assert!(!marker.exists());
    fill(&again.pool, 0, 3).await;
    assert_eq!(count(&again.pool).await, 3);
    assert_eq!(check.run().await, None, "the fresh file is sound");
    assert!(!marker.exists());
}

#[tokio::test]
async fn checking_later_still_replaces_garbage_at_once_and_leaves_a_sound_file_unmarked() {
    let dir = tempfile::tempdir().unwrap();
    let m = migrator(dir.path()).await;
    let garbage_path = dir.path().join("garbage.db");
    std::fs::write(&garbage_path, vec![0x5A; 16_384]).unwrap();
    let (opened, _) = open_checking_later(&garbage_path, &m, NOW).await.unwrap();
    assert!(opened.recovered.unwrap().reason.contains("not a database"));

    let path = dir.path().join("app.db");
    made(&path, &m, 5).await;
    let (opened, check) = open_checking_later(&path, &m, NOW).await.unwrap();
    assert!(opened.recovered.is_none());
    assert_eq!(check.run().await, None);
    assert!(!damaged_marker(&path).exists());
    assert_eq!(count(&opened.pool).await, 5);
}
