//! The library at 10,000 stories: full-text search, the first page and the journey.
//!
//! cargo bench -p infinite-stories-core --bench library --profile package-test
//!
//! Generates 10,000 stories with the offline writer (2,000 in each of the five languages, ten
//! heroes, twenty events) into a temporary library, adds a year of listening sessions (30,000),
//! then times each query 200 times and prints p50 / p95. Targets: search ≤ 20 ms p95, first page
//! ≤ 30 ms p95, journey ≤ 50 ms p95.
//!
//! `LIBRARY_BENCH_DIR=<dir>` keeps the library in `<dir>` (its `core.sqlite`) instead of a
//! temporary folder, and reuses it when it is already seeded: a library seeded by an older
//! version is then migrated first (the migration's time is printed), and the folder can be
//! inspected with `sqlite3` (EXPLAIN QUERY PLAN) afterwards. `LIBRARY_BENCH_USER` sets the owner
//! of the stories (default `u1`). `LIBRARY_BENCH_ONLY=<words>` (comma-separated) times only the
//! queries whose label contains one of them (`LIBRARY_BENCH_ONLY="first page"`); a word no label
//! contains (`seed`) only seeds the library, as the cold-start measurement does
//! (`tests/e2e/cold-start.measure.mjs`). `LIBRARY_BENCH_BACKEND_DB=<server.db>` also writes the
//! seeded heroes and stories into that embedded backend's database, and marks this library as
//! synced with it, as a family's library is: without it, the app's sync at start finds the
//! backend without them and removes them here as deleted on another device.

use std::time::{Duration, Instant};

use infinite_stories_core::cache::{DISK_LIMIT, StoryCache};
use infinite_stories_core::clock::ManualClock;
use infinite_stories_core::stories::library::journey::JourneyRange;
use infinite_stories_core::{Library, LibraryQuery, LibrarySort, ListeningRecord};
use infinite_stories_storyteller::writer::OfflineWriter;
use infinite_stories_storyteller::{
    BuiltInEvent, EventSpec, HeroDraft, Language, Pronouns, StoryBrief, StoryEvent, Trait, Voice,
};
use serde_json::json;

const STORIES: usize = 10_000;
const RUNS: usize = 200;
const DAY: i64 = 86_400_000;

fn percentiles(mut t: Vec<Duration>) -> (f64, f64) {
    t.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    (ms(t[t.len() / 2]), ms(t[t.len() * 95 / 100]))
}

async fn time<F, Fut, T>(label: &str, target_ms: f64, mut f: F)
where
    F: FnMut(usize) -> Fut,
    Fut: std::future::Future<Output = T>,
{
    if let Ok(only) = std::env::var("LIBRARY_BENCH_ONLY")
        && !only.split(',').any(|word| label.contains(word.trim()))
    {
        return;
    }
    let mut times = Vec::with_capacity(RUNS);
    for i in 0..RUNS {
        let start = Instant::now();
        std::hint::black_box(f(i).await);
        times.push(start.elapsed());
    }
    let (p50, p95) = percentiles(times);
    let verdict = if p95 <= target_ms { "ok" } else { "OVER" };
    println!(
        "{label:<44} p50 {p50:>7.2} ms   p95 {p95:>7.2} ms   (target ≤ {target_ms} ms p95: {verdict})"
    );
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let temp = tempfile::tempdir().unwrap();
    let dir = std::env::var_os("LIBRARY_BENCH_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| temp.path().to_owned());
    let user = std::env::var("LIBRARY_BENCH_USER").unwrap_or_else(|_| "u1".into());
    let user = user.as_str();
    let opened = Instant::now();
    let pool = infinite_stories_core::database::open(&dir).await.unwrap();
    println!(
        "library opened (and migrated) in {:.1} ms",
        opened.elapsed().as_secs_f64() * 1000.0
    );
    let seeded: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM stories")
        .fetch_one(&pool)
        .await
        .unwrap();
    let clock = ManualClock::new();
    let now = 1_796_083_200_000; // 2026-12-01T00:00Z
    clock.set_millis(now);
    let cache = StoryCache::new(&dir, pool.clone(), clock.clone(), DISK_LIMIT).unwrap();
    let library = Library::new(pool.clone(), cache, clock.clone());
    let sample_words = if seeded == 0 {
        seed(&library, user, now).await
    } else {
        println!("reusing the {seeded} stories in {}", dir.display());
        sample_words()
    };
    println!("words searched: {sample_words:?}");
    if let Some(backend) = std::env::var_os("LIBRARY_BENCH_BACKEND_DB") {
        let copied = on_backend(&pool, std::path::Path::new(&backend), user).await;
        println!("{copied} rows copied to the backend's database");
    }
    queries(&library, user, now, &sample_words).await;
}

/// Five long words of the first five stories (one per language), as the seeding picks them.
fn sample_words() -> Vec<String> {
    let writer = OfflineWriter::new();
    (0..5)
        .map(|i| pick_word(&writer.write_now(&brief(i)).expect("story").content))
        .collect()
}

fn pick_word(content: &str) -> String {
    content
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 6)
        .nth(3)
        .unwrap_or("night")
        .to_owned()
}

const LANGUAGES: [Language; 5] = [
    Language::En,
    Language::Es,
    Language::Fr,
    Language::De,
    Language::It,
];

/// The brief of story `i`.
fn brief(i: usize) -> StoryBrief {
    let traits = [
        Trait::Brave,
        Trait::Kind,
        Trait::Curious,
        Trait::Funny,
        Trait::Smart,
    ];
    let hero = HeroDraft::new(
        format!("Hero {}", i % 10),
        traits[i % 5],
        traits[(i + 1) % 5],
    )
    .with_pronouns(Pronouns::They);
    StoryBrief::new(
        hero,
        EventSpec::BuiltIn(BuiltInEvent::ALL[i % BuiltInEvent::ALL.len()]),
        300,
        LANGUAGES[i % 5],
        Voice::Coral,
        i as u64,
    )
}

/// Writes the stories and a year of listening; returns the words to search.
async fn seed(library: &Library, user: &str, now: i64) -> Vec<String> {
    let writer = OfflineWriter::new();
    let started = Instant::now();
    for h in 0..10 {
        library
            .apply_row(
                "heroes",
                &json!({"id": format!("h{h}"), "user_id": user, "name": format!("Hero {h}")}),
            )
            .await
            .unwrap();
    }
    let mut sample_words: Vec<String> = Vec::new();
    for i in 0..STORIES {
        let brief = brief(i);
        let draft = writer.write_now(&brief).expect("story");
        if i < 5 {
            sample_words.push(pick_word(&draft.content));
        }
        let created = now - (STORIES - i) as i64 * 3_000_000;
        let event = BuiltInEvent::ALL[i % BuiltInEvent::ALL.len()];
        library
            .apply_row(
                "stories",
                &json!({"id": format!("s{i:05}"), "user_id": user, "hero_id": format!("h{}", i % 10),
                    "title": draft.title, "content": draft.content, "language": LANGUAGES[i % 5].id(),
                    "event_type": "built_in", "event_id": event.id(), "estimated_duration": 300.0 + (i % 120) as f64,
                    "created_at": created}),
            )
            .await
            .unwrap();
    }
    println!(
        "{STORIES} stories written and saved in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    // A year of listening: ~3 sessions a day over 300 of the last 365 days, 30,000 in all.
    let started = Instant::now();
    for n in 0..30_000usize {
        let day = (n / 82) as i64;
        if day % 6 == 5 {
            continue;
        }
        library
            .record_listening(&ListeningRecord {
                session_id: format!("l{n}"),
                story_id: format!("s{:05}", (n * 7919) % STORIES),
                seconds: 120.0 + (n % 300) as f64,
                completed: n % 3 == 0,
                position: Some(100.0),
                started_at: Some(now - day * DAY + (n % 82) as i64 * 60_000),
                utc_offset_minutes: Some(60),
            })
            .await
            .unwrap();
    }
    println!(
        "listening sessions saved in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    sample_words
}

/// The last time the seeded rows changed on the backend, and the mark the library is synced to.
const BACKEND_UPDATED: &str = "2026-12-01T00:00:00.000000Z";
const SYNCED_UNTIL: &str = "2026-12-02T00:00:00.000000Z";

/// Copies `user`'s heroes and stories into the embedded backend's database at `backend` (its
/// `records`: the row as the backend serves it), and marks every synced table of this library
/// as synced after their last change, as after a sync. Returns the rows copied.
async fn on_backend(pool: &sqlx::SqlitePool, backend: &std::path::Path, user: &str) -> u64 {
    let mut conn = pool.acquire().await.unwrap();
    sqlx::query("ATTACH DATABASE ?1 AS backend")
        .bind(backend.to_str().expect("a UTF-8 path"))
        .execute(&mut *conn)
        .await
        .unwrap();
    let mut copied = 0;
    for table in ["heroes", "stories"] {
        let created = if table == "stories" {
            "strftime('%Y-%m-%dT%H:%M:%fZ', created_at / 1000.0, 'unixepoch')"
        } else {
            "?2"
        };
        let sql = format!(
            "INSERT OR REPLACE INTO backend.records (tbl, id, owner_id, seq, body) \
             SELECT '{table}', id, user_id, ROW_NUMBER() OVER (ORDER BY id), \
                    json_set(data, '$.created_at', {created}, '$.updated_at', ?2) \
             FROM {table} WHERE user_id = ?1"
        );
        copied += sqlx::query(&sql)
            .bind(user)
            .bind(BACKEND_UPDATED)
            .execute(&mut *conn)
            .await
            .unwrap()
            .rows_affected();
    }
    for table in [
        "heroes",
        "custom_events",
        "stories",
        "story_scenes",
        "story_illustrations",
    ] {
        sqlx::query(
            "INSERT OR REPLACE INTO sync_state (user_id, tbl, synced_until) VALUES (?1, ?2, ?3)",
        )
        .bind(user)
        .bind(table)
        .bind(SYNCED_UNTIL)
        .execute(&mut *conn)
        .await
        .unwrap();
    }
    sqlx::query("DETACH DATABASE backend")
        .execute(&mut *conn)
        .await
        .unwrap();
    copied
}

fn page(sort: LibrarySort) -> LibraryQuery {
    LibraryQuery {
        sort,
        ..LibraryQuery::default()
    }
}

async fn queries(library: &Library, user: &str, now: i64, sample_words: &[String]) {
    let newest = LibraryQuery::default();
    time("first page (newest, 40 cards)", 30.0, |_| {
        library.search(user, &newest)
    })
    .await;
    let last_heard = page(LibrarySort::LastHeard);
    time("first page sorted by last heard", 30.0, |_| {
        library.search(user, &last_heard)
    })
    .await;
    let by_title = page(LibrarySort::Title);
    time("first page sorted by title", 30.0, |_| {
        library.search(user, &by_title)
    })
    .await;
    let by_length = page(LibrarySort::Length);
    time("first page sorted by length", 30.0, |_| {
        library.search(user, &by_length)
    })
    .await;
    let new_fr = LibraryQuery {
        only_new: true,
        language: Some(Language::Fr),
        ..LibraryQuery::default()
    };
    time("first page, only new, in French", 30.0, |_| {
        library.search(user, &new_fr)
    })
    .await;
    let favourites = LibraryQuery {
        only_favorites: true,
        ..LibraryQuery::default()
    };
    time("first page, only favourites (none)", 30.0, |_| {
        library.search(user, &favourites)
    })
    .await;
    let event = LibraryQuery {
        event: Some(StoryEvent::BuiltIn {
            event: BuiltInEvent::ALL[3],
        }),
        only_new: true,
        ..LibraryQuery::default()
    };
    time("first page, one event, only new", 30.0, |_| {
        library.search(user, &event)
    })
    .await;
    let hero = LibraryQuery {
        hero_id: Some("h3".into()),
        only_favorites: false,
        ..LibraryQuery::default()
    };
    time("first page, one hero", 30.0, |_| {
        library.search(user, &hero)
    })
    .await;
    let deep = LibraryQuery {
        offset: 9_000,
        ..LibraryQuery::default()
    };
    time("page at card 9,000 (scrolled far)", 30.0, |_| {
        library.search(user, &deep)
    })
    .await;
    time("full-text search (a word of each language)", 20.0, |i| {
        let text = sample_words[i % sample_words.len()].clone();
        async move {
            library
                .search(
                    user,
                    &LibraryQuery {
                        text: Some(text),
                        ..LibraryQuery::default()
                    },
                )
                .await
        }
    })
    .await;
    time("full-text search, two words, prefix", 20.0, |i| {
        let text = format!("{} nig", &sample_words[i % sample_words.len()][..4]);
        async move {
            library
                .search(
                    user,
                    &LibraryQuery {
                        text: Some(text),
                        ..LibraryQuery::default()
                    },
                )
                .await
        }
    })
    .await;
    time("full-text search, one letter", 20.0, |i| {
        let text = ["s", "l", "n", "m", "t"][i % 5].to_owned();
        async move {
            library
                .search(
                    user,
                    &LibraryQuery {
                        text: Some(text),
                        ..LibraryQuery::default()
                    },
                )
                .await
        }
    })
    .await;
    time("full-text search sorted by title", 20.0, |i| {
        let text = sample_words[i % sample_words.len()].clone();
        async move {
            library
                .search(
                    user,
                    &LibraryQuery {
                        text: Some(text),
                        sort: LibrarySort::Title,
                        ..LibraryQuery::default()
                    },
                )
                .await
        }
    })
    .await;
    time("journey (year)", 50.0, |_| {
        library.journey(user, JourneyRange::Year, now, 60)
    })
    .await;
    time("journey (week)", 50.0, |_| {
        library.journey(user, JourneyRange::Week, now, 60)
    })
    .await;
}
