//! What the library keeps from listening (migration 0004): each story's last-heard time,
//! finished state, plays and seconds, and each family's per-local-day totals. They must equal
//! what the sessions themselves say after every insert, upsert and delete, and the migration
//! must fill them in for a library made before it existed.

use std::path::Path;

use serde_json::json;
use sqlx::{Row, SqlitePool};

use super::journey::JourneyRange;
use super::*;
use crate::cache::DISK_LIMIT;
use crate::clock::ManualClock;

const DAY: i64 = 86_400_000;
/// 2026-03-01T00:00:00Z in unix ms.
const MARCH_1: i64 = 1_772_323_200_000;

async fn library_in(dir: &Path) -> Library {
    let pool = crate::database::open(dir).await.unwrap();
    let clock = ManualClock::new();
    clock.set_millis(MARCH_1 + 40 * DAY);
    let cache = StoryCache::new(dir, pool.clone(), clock.clone(), DISK_LIMIT).unwrap();
    Library::new(pool, cache, clock)
}

async fn story(lib: &Library, id: &str, user: &str, hero: &str) {
    lib.apply_row(
        "stories",
        &json!({"id": id, "user_id": user, "hero_id": hero, "title": format!("Story {id}"), "content": "x"}),
    )
    .await
    .unwrap();
}

fn session(id: &str, story: &str, day: i64, seconds: f64, completed: bool) -> ListeningRecord {
    ListeningRecord {
        session_id: id.into(),
        story_id: story.into(),
        seconds,
        completed,
        position: None,
        // 23:30 UTC: the next local day in Berlin (+60).
        started_at: Some(MARCH_1 + day * DAY + 23 * 3_600_000 + 1_800_000),
        utc_offset_minutes: Some(60),
    }
}

/// Each story's kept columns next to the same figures computed from its sessions.
async fn kept_and_computed(pool: &SqlitePool) -> (Vec<String>, Vec<String>) {
    let row = |r: &sqlx::sqlite::SqliteRow| {
        format!(
            "{} {:?} {} {} {}",
            r.get::<String, _>(0),
            r.get::<Option<i64>, _>(1),
            r.get::<i64, _>(2),
            r.get::<i64, _>(3),
            r.get::<f64, _>(4)
        )
    };
    let kept = sqlx::query(
        "SELECT id, last_heard_at, finished, plays, heard_seconds FROM stories ORDER BY id",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let computed = sqlx::query(
        "SELECT s.id, MAX(l.started_at), COALESCE(MAX(l.completed), 0), \
         COUNT(CASE WHEN l.seconds_listened > 0 THEN 1 END), \
         COALESCE(SUM(CASE WHEN l.seconds_listened > 0 THEN l.seconds_listened END), 0.0) \
         FROM stories s LEFT JOIN listening_sessions l ON l.story_id = s.id GROUP BY s.id ORDER BY s.id",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    (
        kept.iter().map(row).collect(),
        computed.iter().map(row).collect(),
    )
}

/// The per-day table next to the same totals computed from the sessions.
async fn days_kept_and_computed(pool: &SqlitePool) -> (Vec<String>, Vec<String>) {
    let row = |r: &sqlx::sqlite::SqliteRow| {
        format!(
            "{} {} {} {}",
            r.get::<String, _>(0),
            r.get::<i64, _>(1),
            r.get::<f64, _>(2),
            r.get::<i64, _>(3)
        )
    };
    let kept = sqlx::query(
        "SELECT user_id, day, seconds, sessions FROM listening_days ORDER BY user_id, day",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let computed = sqlx::query(
        "SELECT s.user_id, (l.started_at + l.utc_offset_minutes * 60000) / 86400000 AS d, \
         SUM(l.seconds_listened), COUNT(*) FROM listening_sessions l JOIN stories s ON s.id = l.story_id \
         WHERE l.seconds_listened > 0 AND l.utc_offset_minutes IS NOT NULL \
         GROUP BY s.user_id, d ORDER BY s.user_id, d",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    (
        kept.iter().map(row).collect(),
        computed.iter().map(row).collect(),
    )
}

#[tokio::test]
async fn listening_keeps_each_storys_figures_and_the_days_in_step() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library_in(dir.path()).await;
    lib.apply_row(
        "heroes",
        &json!({"id": "h1", "user_id": "u1", "name": "Luna"}),
    )
    .await
    .unwrap();
    story(&lib, "a", "u1", "h1").await;
    story(&lib, "b", "u1", "h1").await;
    story(&lib, "c", "u2", "h9").await;
    let card = |id: &'static str| {
        let lib = lib.clone();
        async move { lib.card(id).await.unwrap().unwrap() }
    };
    assert_eq!(card("a").await.listening, ListeningState::New);

    // A session starts (nothing heard yet), then the player repeats it with more seconds.
    lib.record_listening(&session("l1", "a", 0, 0.0, false))
        .await
        .unwrap();
    let a = card("a").await;
    assert_eq!(a.listening, ListeningState::Listening);
    assert_eq!(a.last_heard_at, Some(MARCH_1 + 23 * 3_600_000 + 1_800_000));
    lib.record_listening(&session("l1", "a", 0, 120.0, false))
        .await
        .unwrap();
    lib.record_listening(&session("l1", "a", 0, 300.0, true))
        .await
        .unwrap();
    assert_eq!(card("a").await.listening, ListeningState::Finished);
    lib.record_listening(&session("l2", "a", 1, 200.0, false))
        .await
        .unwrap();
    lib.record_listening(&session("l3", "b", 1, 50.0, false))
        .await
        .unwrap();
    lib.record_listening(&session("l4", "c", 1, 70.0, false))
        .await
        .unwrap();
    let (kept, computed) = kept_and_computed(&lib.pool).await;
    assert_eq!(kept, computed);
    assert_eq!(
        kept[0],
        format!(
            "a Some({}) 1 2 500",
            MARCH_1 + DAY + 23 * 3_600_000 + 1_800_000
        )
    );
    let (days, computed_days) = days_kept_and_computed(&lib.pool).await;
    assert_eq!(days, computed_days);
    // 23:30 UTC on March 1 and 2 is March 2 and 3 in Berlin: days 20_514 and 20_515.
    assert_eq!(days, ["u1 20514 300 1", "u1 20515 250 2", "u2 20515 70 1"]);
    // The "new" filter and the last-heard sort read the kept columns.
    let new_only = lib
        .search(
            "u1",
            &LibraryQuery {
                only_new: true,
                ..LibraryQuery::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(new_only.total, 0);
    let j = lib
        .journey("u1", JourneyRange::Week, MARCH_1 + 3 * DAY, 60)
        .await
        .unwrap();
    assert_eq!(
        (j.total_stories, j.listening_seconds, j.longest_streak),
        (2, 550.0, 2)
    );
    assert_eq!(j.most_heard.map(|m| (m.id, m.plays)), Some(("a".into(), 2)));

    // Deleting a story takes its sessions, its plays and its seconds off the days.
    assert!(lib.remove_story("a").await.unwrap());
    let (days, computed_days) = days_kept_and_computed(&lib.pool).await;
    assert_eq!(days, computed_days);
    assert_eq!(days, ["u1 20515 50 1", "u2 20515 70 1"]);
    let j = lib
        .journey("u1", JourneyRange::Week, MARCH_1 + 3 * DAY, 60)
        .await
        .unwrap();
    assert_eq!(
        (j.total_stories, j.listening_seconds, j.longest_streak),
        (1, 50.0, 1)
    );
    // A backend delete of the story row does the same.
    lib.delete_row("stories", "b").await.unwrap();
    let (days, _) = days_kept_and_computed(&lib.pool).await;
    assert_eq!(days, ["u2 20515 70 1"]);
    let (kept, computed) = kept_and_computed(&lib.pool).await;
    assert_eq!(kept, computed);
    // "Erase all data" leaves no day behind.
    lib.erase().await.unwrap();
    let (days, _) = days_kept_and_computed(&lib.pool).await;
    assert!(days.is_empty());
}

#[tokio::test]
async fn a_session_moved_to_another_day_or_story_moves_its_figures() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library_in(dir.path()).await;
    story(&lib, "a", "u1", "h1").await;
    story(&lib, "b", "u1", "h1").await;
    lib.record_listening(&session("l1", "a", 0, 100.0, false))
        .await
        .unwrap();
    // Any writer of the table (here a plain UPDATE) keeps the figures right, not only
    // `record_listening`.
    sqlx::query(
        "UPDATE listening_sessions SET story_id = 'b', started_at = started_at + 86400000 WHERE id = 'l1'",
    )
    .execute(&lib.pool)
    .await
    .unwrap();
    let (kept, computed) = kept_and_computed(&lib.pool).await;
    assert_eq!(kept, computed);
    assert!(kept[0].starts_with("a None 0 0 0"), "{kept:?}");
    let (days, computed_days) = days_kept_and_computed(&lib.pool).await;
    assert_eq!(days, computed_days);
    assert_eq!(days, ["u1 20515 100 1"]);
    sqlx::query("DELETE FROM listening_sessions")
        .execute(&lib.pool)
        .await
        .unwrap();
    let (kept, computed) = kept_and_computed(&lib.pool).await;
    assert_eq!(kept, computed);
    assert!(days_kept_and_computed(&lib.pool).await.0.is_empty());
}

#[tokio::test]
async fn the_migration_fills_in_a_library_made_before_it() {
    let dir = tempfile::tempdir().unwrap();
    // A library as the previous version left it: migrations 0001–0003 only.
    let old = tempfile::tempdir().unwrap();
    let migrations = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    for entry in std::fs::read_dir(&migrations).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.as_str() < "0004" {
            std::fs::copy(&path, old.path().join(&name)).unwrap();
        }
    }
    let before = sqlx::migrate::Migrator::new(old.path()).await.unwrap();
    let pool = infinite_stories_contract::sqlite::open(&dir.path().join("core.sqlite"), &before)
        .await
        .unwrap();
    for (id, user) in [("a", "u1"), ("b", "u1"), ("c", "u2"), ("d", "u1")] {
        sqlx::query(
            "INSERT INTO stories (id, user_id, hero_id, title, content, data, created_at, updated_at) \
             VALUES (?1, ?2, 'h1', 'T', 'x', '{}', 0, 0)",
        )
        .bind(id)
        .bind(user)
        .execute(&pool)
        .await
        .unwrap();
    }
    let at = |day: i64| MARCH_1 + day * DAY + 23 * 3_600_000;
    for (id, story, started, seconds, completed, offset) in [
        ("l1", "a", at(0), 100.0, false, Some(60)),
        ("l2", "a", at(1), 0.0, true, Some(60)),
        ("l3", "b", at(1), 40.0, false, Some(0)),
        ("l4", "c", at(1), 70.0, true, Some(60)),
        ("l5", "b", at(2), 30.0, false, None),
    ] {
        sqlx::query(
            "INSERT INTO listening_sessions (id, story_id, started_at, seconds_listened, completed, utc_offset_minutes) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .bind(id)
        .bind(story)
        .bind(started)
        .bind(seconds)
        .bind(completed)
        .bind(offset)
        .execute(&pool)
        .await
        .unwrap();
    }
    pool.close().await;

    // The current version opens it: 0004 runs and backfills.
    let lib = library_in(dir.path()).await;
    let (kept, computed) = kept_and_computed(&lib.pool).await;
    assert_eq!(kept, computed);
    assert_eq!(kept[0], format!("a Some({}) 1 1 100", at(1)));
    assert_eq!(kept[3], "d None 0 0 0");
    let (days, computed_days) = days_kept_and_computed(&lib.pool).await;
    assert_eq!(days, computed_days);
    // 23:00 UTC in Berlin (+60) is the next day; in London (0) the same day.
    assert_eq!(days, ["u1 20514 140 2", "u2 20515 70 1"]);
    // The session recorded without an offset counts in the caller's offset.
    let j = lib
        .journey("u1", JourneyRange::Week, MARCH_1 + 3 * DAY, 60)
        .await
        .unwrap();
    assert_eq!((j.total_stories, j.listening_seconds), (2, 170.0));
    // New sessions of an old story carry on from the backfilled figures.
    lib.record_listening(&session("l6", "d", 2, 10.0, false))
        .await
        .unwrap();
    let (kept, computed) = kept_and_computed(&lib.pool).await;
    assert_eq!(kept, computed);
    let (days, computed_days) = days_kept_and_computed(&lib.pool).await;
    assert_eq!(days, computed_days);
}

#[tokio::test]
async fn a_measured_narration_replaces_the_estimate_in_cards_and_the_length_sort() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library_in(dir.path()).await;
    for (id, estimate) in [("a", 100.0), ("b", 200.0), ("c", 300.0)] {
        lib.apply_row(
            "stories",
            &json!({"id": id, "user_id": "u1", "title": id, "content": "x", "estimated_duration": estimate}),
        )
        .await
        .unwrap();
    }
    let by_length = || async {
        lib.search(
            "u1",
            &LibraryQuery {
                sort: LibrarySort::Length,
                ..LibraryQuery::default()
            },
        )
        .await
        .unwrap()
        .cards
        .iter()
        .map(|c| (c.id.clone(), c.length_seconds))
        .collect::<Vec<_>>()
    };
    assert_eq!(by_length().await[0], ("a".into(), Some(100.0)));
    lib.set_narration("a", "audio:a", 350.0, "ogg")
        .await
        .unwrap();
    let sorted = by_length().await;
    assert_eq!(
        sorted.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(),
        ["b", "c", "a"]
    );
    assert_eq!(sorted[2].1, Some(350.0));
    sqlx::query("DELETE FROM audio_files WHERE story_id = 'a'")
        .execute(&lib.pool)
        .await
        .unwrap();
    assert_eq!(by_length().await[0], ("a".into(), Some(100.0)));
}
